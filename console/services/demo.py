"""Fill a new database with realistic demo customers, visits and purchases.

Customers are generated, prepared (search keys, rows) and written in batches of
:data:`BATCH`, each batch with its history in one transaction, its customers' last visits
known before they are written (so their search rank is right at once). Large fills
generate and prepare batches in worker processes, one per core, while the database thread
only writes: a million customers with five million purchases take about three minutes on
two cores (writing each customer's search keys again after every batch of visits, as the
first version did, took well over a quarter of an hour).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import functools
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from console.domain.clock import SystemClock
from console.domain.customer import Purchase, Visit
from console.repositories import Repositories, Store
from console.repositories.customers import NewCustomer
from console.services.demo_data import generate_customers, generate_history
from console.services.imports import Rejected
from console.services.settings import DEMO_DATABASE

#: Customers per batch (a multiple of the generator's blocks of 100).
BATCH = 5000
#: Fills at least this large generate and prepare their batches in worker processes.
PARALLEL_FROM = 20_000


@dataclass(frozen=True, slots=True)
class DemoReport:
    customers: int
    visits: int
    purchases: int


@dataclass(frozen=True, slots=True)
class _Recipe:
    seed: int
    today: dt.date
    now: dt.datetime
    purchases_per_customer: float


#: A store's encoder (``CustomerRepository.bulk_encoder``), or None.
_Encoder = Callable[[Sequence[NewCustomer]], list[Any]] | None


def _prepare_batch(recipe: _Recipe, start: int, count: int, encode: _Encoder) -> list[Any]:
    """Customers ``start … start + count - 1`` of the run with their history, prepared for
    ``CustomerBulkLoad.add`` or, encoded with *encode*, for ``add_encoded`` (runs in a
    worker process too, so that the database thread only writes)."""
    prepared: list[NewCustomer] = []
    generated = generate_customers(
        count, seed=recipe.seed, today=recipe.today, start_member_no=start + 1
    )
    for index, customer in enumerate(generated, start):
        visits, purchases = generate_history(
            index,
            seed=recipe.seed,
            today=recipe.today,
            purchases_per_customer=recipe.purchases_per_customer,
        )
        prepared.append(
            NewCustomer.of(
                customer,
                now=recipe.now,
                visits=[Visit(0, at, shop, staff, note) for at, shop, staff, note in visits],
                purchases=[
                    Purchase(0, at, list(items), shop, channel, currency)
                    for at, shop, channel, currency, items in purchases
                ],
            )
        )
    return prepared if encode is None else encode(prepared)


def _batches(recipe: _Recipe, customers: int, encode: _Encoder) -> Iterator[list[Any]]:
    """Prepared batches in order: here for small fills, in worker processes for large."""
    slices = [(start, min(BATCH, customers - start)) for start in range(0, customers, BATCH)]
    workers = min(os.cpu_count() or 1, len(slices))
    if customers < PARALLEL_FROM or workers < 2:
        for start, count in slices:
            yield _prepare_batch(recipe, start, count, encode)
        return
    # spawn, not fork: the window may call this from a thread of a Qt application.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[tuple[int, int, concurrent.futures.Future[list[Any]]]]
        pending = deque()
        todo = iter(slices)
        try:
            for start, count in islice(todo, 2 * workers):
                pending.append(
                    (start, count, pool.submit(_prepare_batch, recipe, start, count, encode))
                )
            while pending:
                start, count, future = pending.popleft()
                try:
                    batch = future.result()
                except concurrent.futures.BrokenExecutor:
                    break  # no worker processes here (say, an embedded interpreter)
                if (following := next(todo, None)) is not None:
                    pending.append(
                        (*following, pool.submit(_prepare_batch, recipe, *following, encode))
                    )
                yield batch
            else:
                return
        finally:
            for _start, _count, future in pending:
                future.cancel()
    # Finish here what the broken pool did not.
    yield _prepare_batch(recipe, start, count, encode)
    for start, count in [(s, c) for s, c, _f in pending] + list(todo):
        yield _prepare_batch(recipe, start, count, encode)


def _mark_empty_as_demo(repos: Repositories) -> int:
    """Mark an empty database as a demo one; else return its number of customers."""
    existing = repos.customers.count()
    if not existing:
        repos.settings.put(DEMO_DATABASE.key, True)
    return existing


def _add_batch(repos: Repositories, batch: list[Any], encoded: bool) -> tuple[int, int, int]:
    with repos.customers.bulk_load() as load:
        # Demo people may share an e-mail (wangwei@example.com): kept, as staff would.
        if encoded:
            loaded = load.add_encoded(batch, keep_duplicates=True)
        else:
            loaded = load.add(batch, keep_duplicates=True)
    return loaded.customers, loaded.visits, loaded.purchases


def _fill(
    store: Store,
    customers: int,
    seed: int,
    purchases_per_customer: float,
    today: dt.date,
    progress: Callable[[int], None] | None,
) -> DemoReport:
    if customers < 0:
        raise ValueError(f"the number of customers must not be negative, got {customers}")
    # Marked before the first customer is written: even a fill cut short says it is a demo.
    existing = store.write_now(_mark_empty_as_demo)
    if existing:
        raise Rejected(
            f"the database already has {existing:,} customers; demo data goes into a new "
            "database (use --db with a new file)"
        )
    recipe = _Recipe(seed, today, dt.datetime.combine(today, dt.time(9, 0)), purchases_per_customer)
    encode = store.read_now(lambda r: r.customers.bulk_encoder())
    done = visits_total = purchases_total = 0
    collecting = gc.isenabled()
    if customers >= PARALLEL_FROM:
        # Millions of short-lived rows and no reference cycles: the cycle collector would
        # only walk ever larger generations.
        gc.disable()
    try:
        for batch in _batches(recipe, customers, encode):
            # One transaction per batch (with its history): a fill cut short keeps whole
            # customers.
            add = functools.partial(_add_batch, batch=batch, encoded=encode is not None)
            written, visits, purchases = store.write_now(add)
            done += written
            visits_total += visits
            purchases_total += purchases
            if progress is not None:
                progress(done)
    finally:
        if collecting:
            gc.enable()
    return DemoReport(done, visits_total, purchases_total)


def fill_demo(
    store: Store,
    *,
    customers: int = 2000,
    seed: int = 7,
    purchases_per_customer: float = 5.0,
    today: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
) -> DemoReport:
    """Generate demo data and mark the database as a demo one (batches are generated here
    or in worker processes and written by the store). Refuses a database that has
    customers."""
    return _fill(
        store, customers, seed, purchases_per_customer, today or SystemClock().today(), progress
    )


async def fill_demo_async(
    store: Store, *, customers: int = 2000, seed: int = 7, today: dt.date | None = None
) -> DemoReport:
    """The window's first-run fill: same as :func:`fill_demo`, without blocking the loop
    (it runs on a thread of its own and hands each batch to the store)."""
    day = today or SystemClock().today()
    return await asyncio.to_thread(_fill, store, customers, seed, 5.0, day, None)


def _is_demo(repos: Repositories) -> bool:
    return DEMO_DATABASE.coerce(repos.settings.get(DEMO_DATABASE.key)) is True


def is_demo_database(store: Store) -> bool:
    """True when the database says it holds made-up demo customers (blocking: the CLI)."""
    return store.read_now(_is_demo)


async def is_demo_database_async(store: Store) -> bool:
    return await store.read(_is_demo)


def _claim(repos: Repositories) -> tuple[bool, int]:
    """(may be the demo, customers): marked now when empty, never when it has customers."""
    existing = repos.customers.count()
    if _is_demo(repos):
        return True, existing
    if existing:
        return False, existing
    repos.settings.put(DEMO_DATABASE.key, True)
    return True, 0


def claim_for_demo(store: Store, where: str = "this database") -> int:
    """Make sure *store* may be the demo console's: a demo database already, or an empty
    one (marked now). Returns its number of customers; :class:`Rejected` for a database
    with real customers, which must never be mistaken for a demo. *where* names the
    database in that refusal (its file)."""
    allowed, existing = store.write_now(_claim)
    if not allowed:
        raise Rejected(
            f"{where} holds {existing:,} customers and is not a demo database, so it "
            "does not open as the demo (leave out --db to use the demo database)"
        )
    return existing

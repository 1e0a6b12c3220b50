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

import concurrent.futures
import datetime as dt
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from console.domain.clock import SystemClock
from console.services.demo_data import generate_customers, generate_history
from console.services.imports import Rejected
from console.services.settings import DEMO_DATABASE
from console.storage.sqlite import customers as store
from console.storage.sqlite import settings as settings_store
from console.storage.sqlite.database import Db
from console.storage.sqlite.runner import DatabaseRunner

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


def _prepare_batch(recipe: _Recipe, start: int, count: int) -> list[store.PreparedCustomer]:
    """Customers ``start … start + count - 1`` of the run with their history, prepared for
    :func:`console.storage.sqlite.customers.insert_prepared` (runs in a worker process too)."""
    prepared: list[store.PreparedCustomer] = []
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
        prepared.append(store.prepare_customer(customer, visits, purchases, now=recipe.now))
    return prepared


def _batches(recipe: _Recipe, customers: int) -> Iterator[list[store.PreparedCustomer]]:
    """Prepared batches in order: here for small fills, in worker processes for large."""
    slices = [(start, min(BATCH, customers - start)) for start in range(0, customers, BATCH)]
    workers = min(os.cpu_count() or 1, len(slices))
    if customers < PARALLEL_FROM or workers < 2:
        for start, count in slices:
            yield _prepare_batch(recipe, start, count)
        return
    # spawn, not fork: the window may call this from a thread of a Qt application.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[tuple[int, int, concurrent.futures.Future[list[store.PreparedCustomer]]]]
        pending = deque()
        todo = iter(slices)
        try:
            for start, count in islice(todo, 2 * workers):
                pending.append((start, count, pool.submit(_prepare_batch, recipe, start, count)))
            while pending:
                start, count, future = pending.popleft()
                try:
                    batch = future.result()
                except concurrent.futures.BrokenExecutor:
                    break  # no worker processes here (say, an embedded interpreter)
                if (following := next(todo, None)) is not None:
                    pending.append((*following, pool.submit(_prepare_batch, recipe, *following)))
                yield batch
            else:
                return
        finally:
            for _start, _count, future in pending:
                future.cancel()
    # Finish here what the broken pool did not.
    yield _prepare_batch(recipe, start, count)
    for start, count in [(s, c) for s, c, _f in pending] + list(todo):
        yield _prepare_batch(recipe, start, count)


def _fill(
    db: Db,
    customers: int,
    seed: int,
    purchases_per_customer: float,
    today: dt.date,
    progress: Callable[[int], None] | None,
) -> DemoReport:
    if customers < 0:
        raise ValueError(f"the number of customers must not be negative, got {customers}")
    existing = store.count_customers(db)
    if existing:
        raise Rejected(
            f"the database already has {existing:,} customers; demo data goes into a new "
            "database (use --db with a new file)"
        )
    # Marked before the first customer is written: even a fill cut short says it is a demo.
    settings_store.set_setting(db, DEMO_DATABASE.key, True)
    recipe = _Recipe(seed, today, dt.datetime.combine(today, dt.time(9, 0)), purchases_per_customer)
    done = visits_total = purchases_total = 0
    collecting = gc.isenabled()
    if customers >= PARALLEL_FROM:
        # Millions of short-lived rows and no reference cycles: the cycle collector would
        # only walk ever larger generations.
        gc.disable()
    try:
        for batch in _batches(recipe, customers):
            written, visits, purchases = store.insert_prepared(db, batch)
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
    runner: DatabaseRunner,
    *,
    customers: int = 2000,
    seed: int = 7,
    purchases_per_customer: float = 5.0,
    today: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
) -> DemoReport:
    """Generate demo data on the database thread and mark the database as a demo one.
    Refuses a database that has customers."""
    return runner.call(
        _fill, customers, seed, purchases_per_customer, today or SystemClock().today(), progress
    )


async def fill_demo_async(
    runner: DatabaseRunner, *, customers: int = 2000, seed: int = 7, today: dt.date | None = None
) -> DemoReport:
    """The window's first-run fill: same as :func:`fill_demo`, without blocking the loop."""
    return await runner.run(_fill, customers, seed, 5.0, today or SystemClock().today(), None)


def _is_demo(db: Db) -> bool:
    return DEMO_DATABASE.coerce(settings_store.get_setting(db, DEMO_DATABASE.key)) is True


def is_demo_database(runner: DatabaseRunner) -> bool:
    """True when the database says it holds made-up demo customers (blocking: the CLI)."""
    return runner.call(_is_demo)


async def is_demo_database_async(runner: DatabaseRunner) -> bool:
    return await runner.run(_is_demo)


def _claim(db: Db) -> tuple[bool, int]:
    """(may be the demo, customers): marked now when empty, never when it has customers."""
    existing = store.count_customers(db)
    if _is_demo(db):
        return True, existing
    if existing:
        return False, existing
    settings_store.set_setting(db, DEMO_DATABASE.key, True)
    return True, 0


def claim_for_demo(runner: DatabaseRunner) -> int:
    """Make sure *runner*'s database may be the demo console's: a demo database already, or
    an empty one (marked now). Returns its number of customers; :class:`Rejected` for a
    database with real customers, which must never be mistaken for a demo."""
    allowed, existing = runner.call(_claim)
    if not allowed:
        raise Rejected(
            f"{runner.path} holds {existing:,} customers and is not a demo database, so it "
            "does not open as the demo (leave out --db to use the demo database)"
        )
    return existing

"""Fill a new database with realistic demo customers, visits and purchases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from console.services.demo_data import generate_customers, generate_history
from console.services.imports import Rejected
from console.storage import customers as store
from console.storage.database import Db
from console.storage.runner import DatabaseRunner

BATCH = 5000


@dataclass(frozen=True, slots=True)
class DemoReport:
    customers: int
    visits: int
    purchases: int


def _fill(
    db: Db,
    customers: int,
    seed: int,
    purchases_per_customer: float,
    today: dt.date,
    progress: Callable[[int], None] | None,
) -> DemoReport:
    existing = store.count_customers(db)
    if existing:
        raise Rejected(
            f"the database already has {existing:,} customers; demo data goes into a new "
            "database (use --db with a new file)"
        )
    now = dt.datetime.combine(today, dt.time(9, 0))
    generator = generate_customers(customers, seed=seed, today=today)
    done = visits_total = purchases_total = 0
    while done < customers:
        chunk = list(islice(generator, BATCH))
        if not chunk:
            break
        store.bulk_insert_customers(db, chunk, now=now)
        visits: list[tuple[int, dt.datetime, str, str, str]] = []
        purchases: list = []
        for offset, customer in enumerate(chunk):
            assert customer.id is not None
            vs, ps = generate_history(
                done + offset,
                seed=seed,
                today=today,
                purchases_per_customer=purchases_per_customer,
            )
            visits.extend((customer.id, *v) for v in vs)
            purchases.extend((customer.id, *p) for p in ps)
        store.bulk_insert_history(db, visits, purchases)
        visits_total += len(visits)
        purchases_total += len(purchases)
        done += len(chunk)
        if progress is not None:
            progress(done)
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
    """Generate demo data on the database thread. Refuses a database that has customers."""
    return runner.call(
        _fill, customers, seed, purchases_per_customer, today or dt.date.today(), progress
    )


async def fill_demo_async(
    runner: DatabaseRunner, *, customers: int = 2000, seed: int = 7, today: dt.date | None = None
) -> DemoReport:
    """The window's first-run fill: same as :func:`fill_demo`, without blocking the loop."""
    return await runner.run(_fill, customers, seed, 5.0, today or dt.date.today(), None)

"""Build (or reuse) the benchmark database: demo customers with their history, plus one
customer with exactly 10,000 purchases for the profile benchmark.

    python tests/benchmarks/build_db.py [--db /tmp/sc-bench/bench.db] [--customers 1000000]

Progress goes to stderr, the result (counts, timings, size) to stdout as JSON. A database
that exists and was completed by an earlier run with the same settings is reused; an
incomplete one (an interrupted build) is removed and built again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from console.domain.customer import Customer, Phone, PurchaseItem, Tier
from console.services.demo import fill_demo
from console.storage.sqlite import customers as store
from console.storage.sqlite import settings as settings_store
from console.storage.sqlite.database import Db
from console.storage.sqlite.runner import DatabaseRunner
from tests.benchmarks import bulk

DEFAULT_DB = Path("/tmp/sc-bench/bench.db")
MARKER = "benchmark.build"
BIG_MEMBER_NO = "BENCH-10000"
BIG_PURCHASES = 10_000
BIG_VISITS = 400
TODAY = dt.date(2026, 11, 28)  # fixed, so two builds with one seed hold the same data


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "customers": args.customers,
        "seed": args.seed,
        "purchases_per_customer": args.purchases_per_customer,
        "today": TODAY.isoformat(),
    }


def _counts(db: Db) -> dict[str, int]:
    tables = ("customers", "phones", "visits", "purchases", "purchase_items", "search_docs")
    return {t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}


def _big_customer(db: Db) -> int:
    """The customer with exactly BIG_PURCHASES purchases (and BIG_VISITS visits)."""
    customer = Customer(
        name="郑大客",
        preferred_name="郑总",
        phones=[Phone("+8619999999999")],
        member_no=BIG_MEMBER_NO,
        tier=Tier.VIP,
        email="big.spender@example.cn",
    )
    now = dt.datetime.combine(TODAY, dt.time(9, 0))
    cid = store.insert_customer(db, customer, now=now)
    start = now - dt.timedelta(days=4 * 365)
    step = (now - start) / BIG_PURCHASES
    drinks = ("Latte 拿铁", "Earl Grey 伯爵红茶", "Oolong 乌龙茶", "Flat white 澳白")
    purchases = [
        (
            cid,
            start + step * i,
            "Shanghai Jing'an",
            "in store",
            "CNY",
            [PurchaseItem(drinks[i % 4], 1 + i % 2, 3400, "drink")]
            + ([PurchaseItem("Egg tart 蛋挞", 2, 1200, "food")] if i % 3 == 0 else []),
        )
        for i in range(BIG_PURCHASES)
    ]
    visit_step = (now - start) / BIG_VISITS
    visits = [
        (cid, start + visit_step * i, "Shanghai Jing'an", "李娜", "") for i in range(BIG_VISITS)
    ]
    bulk.bulk_insert_history(db, visits, purchases)
    return cid


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _reusable(path: Path, wanted: dict[str, Any]) -> dict[str, Any] | None:
    if not path.exists():
        return None
    with DatabaseRunner(path) as runner:
        marker = runner.call(settings_store.get_setting, MARKER)
        if isinstance(marker, dict) and marker.get("settings") == wanted:
            return marker
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--purchases-per-customer", type=float, default=5.0)
    parser.add_argument("--force", action="store_true", help="rebuild even if complete")
    args = parser.parse_args(argv)
    wanted = _settings(args)
    path: Path = args.db
    if not args.force:
        marker = _reusable(path, wanted)
        if marker is not None:
            print(json.dumps({"reused": True, "db": str(path), **marker}, indent=2))
            return 0
    if path.exists():
        print(f"removing {path} (incomplete or other settings)", file=sys.stderr)
    _remove(path)
    path.parent.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    last = [started]

    def progress(done: int) -> None:
        if done % 100_000 == 0 or done == args.customers:
            now = time.perf_counter()
            print(
                f"{done:>9,} customers  {now - started:6.1f} s  (+{now - last[0]:.1f} s)",
                file=sys.stderr,
                flush=True,
            )
            last[0] = now

    with DatabaseRunner(path) as runner:
        report = fill_demo(
            runner,
            customers=args.customers,
            seed=args.seed,
            purchases_per_customer=args.purchases_per_customer,
            today=TODAY,
            progress=progress,
        )
        fill_seconds = time.perf_counter() - started
        t = time.perf_counter()
        big_id = runner.call(_big_customer)
        big_seconds = time.perf_counter() - t
        counts = runner.call(_counts)
        runner.call(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall())
        total = time.perf_counter() - started
        marker = {
            "settings": wanted,
            "big_customer_id": big_id,
            "rows": counts,
            "seconds": {
                "demo_fill": round(fill_seconds, 1),
                "big_customer": round(big_seconds, 2),
                "total": round(total, 1),
            },
            "customers_per_second": round(report.customers / fill_seconds),
            "history_rows_per_second": round(
                (counts["visits"] + counts["purchases"] + counts["purchase_items"]) / fill_seconds
            ),
            "cpu_count": os.cpu_count(),
        }
        runner.call(settings_store.set_setting, MARKER, marker)
    marker["db_bytes"] = path.stat().st_size
    print(json.dumps({"reused": False, "db": str(path), **marker}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Import a million customers from CSV, against the plainest alternative.

    python tests/benchmarks/bench_import.py [--rows 1000000] [--dir /tmp/sc-bench]

Writes (or reuses) a customers CSV made with ``csv_io.write_customers_csv`` from demo
customers, then times ``imports.import_customers`` into a fresh database: parsing and
validating every row (``csv_io.iter_customers_csv``), checking each against the
database for duplicates, writing customers, phones and dates, and indexing them for
search, all in one transaction. The demo generator repeats some e-mail addresses
(``wangwei@example.com``); the import would rightly refuse those rows as duplicates, so
the file keeps the first use of each address and leaves it empty on later rows.

For scale it also times parsing alone (no database) and the plainest load: ``csv.reader``
plus ``executemany`` into one table without indexes or checks. Prints JSON.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from console.domain.customer import Customer
from console.services import csv_io
from console.services.demo_data import generate_customers
from console.services.imports import import_customers
from console.storage.sqlite.database import connect
from console.storage.sqlite.runner import DatabaseRunner

TODAY = dt.date(2026, 11, 28)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _unique_emails(customers: Iterator[Customer], blanked: list[int]) -> Iterator[Customer]:
    seen: set[str] = set()
    for customer in customers:
        key = customer.email.strip().lower()
        if key:
            if key in seen:
                customer.email = ""
                blanked[0] += 1
            else:
                seen.add(key)
        yield customer


def _write_csv(path: Path, rows: int, seed: int) -> dict[str, object]:
    sidecar = path.with_suffix(".json")
    wanted = {"rows": rows, "seed": seed, "today": TODAY.isoformat()}
    if path.exists() and sidecar.exists():
        info = json.loads(sidecar.read_text())
        if info.get("settings") == wanted:
            return {**info, "reused": True}
    blanked = [0]
    started = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="") as out:
        written = csv_io.write_customers_csv(
            _unique_emails(generate_customers(rows, seed=seed, today=TODAY), blanked), out
        )
    info = {
        "settings": wanted,
        "rows": written,
        "emails_blanked_as_repeats": blanked[0],
        "write_seconds": round(time.perf_counter() - started, 1),
        "bytes": path.stat().st_size,
    }
    sidecar.write_text(json.dumps(info))
    return {**info, "reused": False}


def _parse_only(path: Path) -> tuple[int, float]:
    started = time.perf_counter()
    good = sum(1 for _line, c, _e in csv_io.iter_customers_csv(path, region="CN") if c)
    return good, time.perf_counter() - started


def _plain_load(path: Path, db_path: Path) -> tuple[int, float]:
    """csv.reader + executemany into one table, no indexes, no checks, one transaction."""
    _remove(db_path)
    db = connect(db_path)  # the same pragmas (WAL, synchronous=FULL) as the app
    conn: sqlite3.Connection = db.conn
    started = time.perf_counter()
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        conn.execute(f"CREATE TABLE plain ({', '.join(f'{h} TEXT' for h in header)})")
        conn.execute("BEGIN IMMEDIATE")
        marks = ", ".join("?" * len(header))
        count = 0
        while True:
            batch = [row for _, row in zip(range(50_000), reader, strict=False)]
            if not batch:
                break
            conn.executemany(f"INSERT INTO plain VALUES ({marks})", batch)
            count += len(batch)
        conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    db.close()
    return count, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/sc-bench"))
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    csv_path = args.dir / f"customers-{args.rows}.csv"
    csv_info = _write_csv(csv_path, args.rows, args.seed)

    parsed, parse_seconds = _parse_only(csv_path)

    db_path = args.dir / "import.db"
    _remove(db_path)
    with DatabaseRunner(db_path) as runner:
        started = time.perf_counter()
        result = import_customers(runner, csv_path, region="CN")
        seconds = time.perf_counter() - started
        count = runner.call(lambda db: db.execute("SELECT count(*) FROM customers").fetchone()[0])
        indexed = runner.call(
            lambda db: db.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        )
    db_bytes = db_path.stat().st_size

    plain_rows, plain_seconds = _plain_load(csv_path, args.dir / "import-plain.db")
    print(
        json.dumps(
            {
                "cpu_count": os.cpu_count(),
                "csv": {"path": str(csv_path), **csv_info},
                "import_customers": {
                    "imported": result.imported,
                    "errors": len(result.errors),
                    "first_errors": [str(e) for e in result.errors[:3]],
                    "customers_in_db": count,
                    "search_docs": indexed,
                    "seconds": round(seconds, 1),
                    "rows_per_second": round(result.imported / seconds),
                    "db_bytes": db_bytes,
                },
                "parse_only_iter_customers_csv": {
                    "rows": parsed,
                    "seconds": round(parse_seconds, 1),
                    "share_of_import": round(parse_seconds / seconds, 2),
                },
                "plain_csv_reader_executemany_no_indexes": {
                    "rows": plain_rows,
                    "seconds": round(plain_seconds, 1),
                    "rows_per_second": round(plain_rows / plain_seconds),
                },
                "ratio_import_over_plain": round(seconds / plain_seconds, 1),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

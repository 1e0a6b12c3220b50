"""Import customers from CSV into PostgreSQL through the store the server uses.

    python tests/benchmarks/bench_pg_import.py [--rows 1000000] [--dir /tmp/sc-bench]

The CSV is the one ``bench_import.py`` writes (made here when missing). A throwaway
cluster (tests/pg_cluster.py) is started, the schema migrated, and
``imports.import_customers`` run against a :class:`PostgresStore`: the same parsing,
duplicate checks and bulk path (``CustomerBulkLoad``, COPY per batch) as the server runs.
Prints JSON with the time and the rows in the tables afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from console.services.imports import import_customers
from console.storage.postgres.store import PostgresStore, create_database
from tests import pg_cluster
from tests.benchmarks.bench_import import _write_csv


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/sc-bench"))
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        help="a server setting for the throwaway cluster, e.g. shared_buffers=1GB (repeatable)",
    )
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    csv_path = args.dir / f"customers-{args.rows}.csv"
    csv_info = _write_csv(csv_path, args.rows, args.seed)
    with pg_cluster.running(tuple(args.setting)) as cluster:
        create_database(cluster.dsn(), "bench")
        with PostgresStore(cluster.dsn("bench"), max_connections=2) as store:
            started = time.perf_counter()
            result = import_customers(store, csv_path, region="CN")
            seconds = time.perf_counter() - started
            counts = store.read_now(
                lambda r: r.conn.execute(
                    "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM phones), "
                    "(SELECT count(*) FROM search_docs), (SELECT count(*) FROM search_terms), "
                    "pg_database_size(current_database())"
                ).fetchone()
            )
    print(
        json.dumps(
            {
                "cpu_count": os.cpu_count(),
                "server_settings": args.setting,
                "csv": {"path": str(csv_path), **csv_info},
                "import_customers_postgres": {
                    "imported": result.imported,
                    "errors": len(result.errors),
                    "first_errors": [str(e) for e in result.errors[:3]],
                    "customers": counts[0],
                    "phones": counts[1],
                    "search_docs": counts[2],
                    "search_terms": counts[3],
                    "db_bytes": counts[4],
                    "seconds": round(seconds, 1),
                    "rows_per_second": round(result.imported / seconds),
                },
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

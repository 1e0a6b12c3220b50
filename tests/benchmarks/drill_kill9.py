"""kill -9 drill: save loops and imports killed at random moments, then counted.

    python tests/benchmarks/drill_kill9.py [--rounds 30] [--import-rounds 10] [--dir DIR]

Each save round starts a process that saves customers (with marketing consent) and
complaints through the services in a loop, printing each id once its save returned,
and kills it with SIGKILL after a random moment. Each import round starts an import of
a generated customers file large enough for the parser worker and kills it mid-parse.
After every round the database is checked. Prints JSON:

* ``rounds``: save and import rounds run;
* ``corruptions``: rounds after which ``PRAGMA integrity_check`` was not ``ok``;
* ``lost_writes``: saves acknowledged (printed) by a killed process but not in the database;
* ``writes_without_audit``: customers and complaints without a ``create`` audit entry,
  plus customers with marketing consent but no consent event;
* ``partial_imports``: killed imports that left some but not all of their rows;
* ``orphaned_processes``: processes of a killed console still running 5 s later.

The default test run does a few save rounds (tests/unit/test_kill9_drill.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The checkout whose code the save loops run (--code: compare with an older version).
CODE_ROOT = ROOT

SAVE_LOOP = """
import asyncio, datetime as dt, sys
from pathlib import Path
from console.domain.complaint import Complaint
from console.domain.customer import Customer
from console.services import settings as opts
from console.services.complaints import ComplaintService
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.sqlite.runner import DatabaseRunner

async def loop(runner, tag):
    settings = SettingsService(runner)
    customers = CustomerService(runner, settings)
    complaints = ComplaintService(runner, settings)
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        cid = await customers.save(
            Customer(f"Drill {tag}-{i}", marketing_consent=True, greetings_consent=i % 2 == 0),
            allow_duplicates=True,
        )
        print(f"customer {cid}", flush=True)
        due = complaints.now() + dt.timedelta(hours=2)
        kid = await complaints.create(
            Complaint(customer_id=cid, customer_words="drill", promise_due=due)
        )
        print(f"complaint {kid}", flush=True)

with DatabaseRunner(Path(sys.argv[1])) as runner:
    asyncio.run(loop(runner, sys.argv[2]))
"""

CHECKS = {
    "customers_without_create": (
        "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM audit a "
        "WHERE a.entity = 'customer' AND a.action = 'create' AND a.entity_id = CAST(c.id AS TEXT))"
    ),
    "complaints_without_create": (
        "SELECT count(*) FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM audit a "
        "WHERE a.entity = 'complaint' AND a.action = 'create' "
        "AND a.entity_id = CAST(c.id AS TEXT))"
    ),
    "marketing_without_event": (
        "SELECT count(*) FROM customers c WHERE c.marketing_consent = 1 AND NOT EXISTS "
        "(SELECT 1 FROM consent_events e WHERE e.customer_id = c.id AND e.purpose = 'marketing')"
    ),
}


@dataclass
class Figures:
    rounds: int = 0
    save_rounds: int = 0
    import_rounds: int = 0
    acknowledged_writes: int = 0
    corruptions: int = 0
    lost_writes: int = 0
    writes_without_audit: int = 0
    customers_without_create: int = 0
    complaints_without_create: int = 0
    marketing_without_event: int = 0
    partial_imports: int = 0
    orphaned_processes: int = 0


def _env() -> dict[str, str]:
    path = str(CODE_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")
    return dict(os.environ, PYTHONPATH=path)


def _inspect(db: Path) -> tuple[bool, dict[str, int], set[tuple[str, int]]]:
    """(integrity ok, check counts, every (kind, id) in the database)."""
    conn = sqlite3.connect(db)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = {name: int(conn.execute(sql).fetchone()[0]) for name, sql in CHECKS.items()}
        present = {("customer", r[0]) for r in conn.execute("SELECT id FROM customers")}
        present |= {("complaint", r[0]) for r in conn.execute("SELECT id FROM complaints")}
    finally:
        conn.close()
    return ok, counts, present


def save_round(db: Path, tag: str, rng: random.Random, figures: Figures) -> None:
    """One save loop killed after a random moment; its outcome added to *figures*."""
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVE_LOOP, str(db), tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_env(),
        cwd=CODE_ROOT,
    )
    acknowledged: list[tuple[str, int]] = []
    assert proc.stdout is not None

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            kind, _, value = raw.decode().strip().partition(" ")
            if kind in ("customer", "complaint"):
                acknowledged.append((kind, int(value)))

    first = proc.stdout.readline().strip()
    if first != b"ready":
        proc.kill()
        proc.wait()
        raise RuntimeError(f"the save loop did not start: {first!r}")
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(rng.uniform(0.05, 0.6))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(5)
    proc.stdout.close()
    ok, counts, present = _inspect(db)
    figures.rounds += 1
    figures.save_rounds += 1
    figures.acknowledged_writes += len(acknowledged)
    figures.corruptions += not ok
    figures.lost_writes += sum(1 for item in acknowledged if item not in present)
    # Counts are of the whole database: report the worst seen, not a running sum.
    for name, value in counts.items():
        setattr(figures, name, max(getattr(figures, name), value))
    figures.writes_without_audit = sum(getattr(figures, name) for name in CHECKS)


def import_round(db: Path, csv_path: Path, rows: int, figures: Figures) -> None:
    from tests.unit.test_worker_orphans import kill_import_mid_way

    before = _customer_count(db)
    left = kill_import_mid_way(db, csv_path)
    ok = _integrity(db)
    after = _customer_count(db)
    figures.rounds += 1
    figures.import_rounds += 1
    figures.corruptions += not ok
    figures.partial_imports += after not in (before, before + rows)
    figures.orphaned_processes += len(left)


def _integrity(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    finally:
        conn.close()


def _customer_count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM customers").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def drill(folder: Path, rounds: int, import_rounds: int, seed: int = 12) -> Figures:
    rng = random.Random(seed)
    figures = Figures()
    db = folder / "drill.db"
    for n in range(rounds):
        save_round(db, f"r{n}", rng, figures)
    if import_rounds:
        from tests.unit.test_worker_orphans import big_customers_csv

        rows = 60_000
        csv_path = big_customers_csv(folder / "import.csv", rows)
        for n in range(import_rounds):
            import_round(folder / f"import-{n}.db", csv_path, rows, figures)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="save-loop rounds")
    parser.add_argument("--import-rounds", type=int, default=10)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--code", type=Path, default=None, help="run another checkout's code")
    args = parser.parse_args(argv)
    if args.code is not None:
        global CODE_ROOT  # noqa: PLW0603 - a command-line switch for the whole run
        CODE_ROOT = args.code.resolve()
    if args.dir is not None:
        args.dir.mkdir(parents=True, exist_ok=True)
        figures = drill(args.dir, args.rounds, args.import_rounds, args.seed)
    else:
        with tempfile.TemporaryDirectory(prefix="sc-drill-") as tmp:
            figures = drill(Path(tmp), args.rounds, args.import_rounds, args.seed)
    print(json.dumps(asdict(figures), indent=2))
    failed = (
        figures.corruptions
        + figures.lost_writes
        + figures.writes_without_audit
        + figures.partial_imports
        + figures.orphaned_processes
    )
    return 1 if failed else 0


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    sys.exit(main())

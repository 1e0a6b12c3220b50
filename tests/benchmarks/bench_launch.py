"""Launch to an interactive window: a fresh process opens the database, builds the window,
shows it and loads the Today view; the clock stops when the window has been painted and
the search box has focus. Prints JSON.

    python tests/benchmarks/bench_launch.py [--db PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD = r"""
import asyncio, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
import qasync
from console.storage.runner import DatabaseRunner
from console.app import Console

app = QApplication(sys.argv)
runner = DatabaseRunner(sys.argv[1])
runner.open()
console = Console(runner)

async def main():
    await console.start(demo=False)
    app.processEvents()
    assert console.window.isVisible() and console.window.search.hasFocus()
    print("ready", flush=True)
    console.window.close()

qasync.run(main())
runner.close()
"""


def launch_once(db: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "ready":
            elapsed = time.perf_counter() - start
            break
    else:
        proc.wait()
        raise SystemExit(f"the window never became ready (exit {proc.returncode})")
    proc.wait(timeout=60)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="/tmp/sc-bench/bench.db")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    db = Path(args.db)
    if not db.exists():
        raise SystemExit(f"{db} does not exist; build it with tests/benchmarks/build_db.py")
    launch_once(db)  # warm the page cache and Python's bytecode cache
    times = sorted(launch_once(db) for _ in range(args.runs))
    print(
        json.dumps(
            {
                "benchmark": "launch_to_interactive_window",
                "cpu_count": os.cpu_count(),
                "db": str(db),
                "db_bytes": db.stat().st_size,
                "runs": args.runs,
                "median_s": round(statistics.median(times), 3),
                "max_s": round(times[-1], 3),
                "target_s": 1.5,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()

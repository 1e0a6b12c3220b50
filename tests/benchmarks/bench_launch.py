"""Launch to an interactive window: a fresh process opens the database, builds the window,
shows it and loads the Today view; the clock stops when the window has been painted and
the search box has focus. Prints JSON.

    python -m tests.benchmarks.bench_launch [--db PATH] [--runs N]

The plainest alternative, timed in the same run: a fresh process that imports PySide6,
shows an empty main window with a focused line edit and paints it (no database, no
app code): the floor under any Qt window on this machine.
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
from console.storage.sqlite.runner import DatabaseRunner
from console.app import Console

app = QApplication(sys.argv)
runner = DatabaseRunner(sys.argv[1])
runner.open()
console = Console(runner)

async def main():
    started = asyncio.ensure_future(console.start(demo=False))
    await console.interactive.wait()
    await asyncio.sleep(0)  # let Qt paint (processEvents inside a task re-enters qasync)
    assert console.window.isVisible() and console.window.search.hasFocus()
    print("ready", flush=True)
    await started  # Today, the phrasebook and the phone listener are in
    print("loaded", flush=True)
    await console.stop_phone()
    console.window.close()

qasync.run(main())
runner.close()
"""


PLAIN_CHILD = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
box = QLineEdit()
window.setCentralWidget(box)
window.show()
box.setFocus()
app.processEvents()
assert window.isVisible()
print("ready", flush=True)
window.close()
"""


LOADED: list[float] = []  # time until Today, the phrasebook and the phone listener are in


def launch_once(db: Path, child: str = CHILD) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", child, str(db)],
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
    if child is CHILD:
        for line in proc.stdout:
            if line.strip() == "loaded":
                LOADED.append(time.perf_counter() - start)
                break
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:  # closing is not what is measured
        proc.kill()
        proc.wait()
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
    launch_once(db, PLAIN_CHILD)
    LOADED.clear()
    times: list[float] = []
    plain: list[float] = []
    for _ in range(args.runs):  # interleaved, so both see the same machine
        times.append(launch_once(db))
        plain.append(launch_once(db, PLAIN_CHILD))
    times.sort()
    plain.sort()
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
                "plain_empty_qt_window_median_s": round(statistics.median(plain), 3),
                "plain_empty_qt_window_max_s": round(plain[-1], 3),
                "fully_loaded_median_s": round(statistics.median(LOADED), 3) if LOADED else None,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()

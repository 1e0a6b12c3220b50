"""A killed import leaves no process behind: the parser worker and the multiprocessing
resource tracker end with the console (issue 12, "Half-saved and leaked")."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.unit.test_imports import HEADER, good_row

ROOT = Path(__file__).resolve().parents[2]

IMPORT = """
import sys
from pathlib import Path
from console.services.imports import import_customers
from console.storage.sqlite.runner import DatabaseRunner
with DatabaseRunner(Path(sys.argv[1])) as runner:
    print("importing", flush=True)
    import_customers(runner, Path(sys.argv[2]), region="CN")
print("done", flush=True)
"""


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(pid: int) -> set[int]:
    tree = _children()
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int, cmdline: bytes) -> bool:
    """*pid* still runs the same program (a reused pid is not ours) and is no zombie."""
    try:
        if Path(f"/proc/{pid}/cmdline").read_bytes() != cmdline:
            return False
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def big_customers_csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        for i in range(1, rows + 1):
            f.write(good_row(i))
    return path


def kill_import_mid_way(db: Path, csv_path: Path, wait_for_workers: float = 20.0) -> list[int]:
    """Start an import in a child process, kill -9 it once its worker runs; return the
    pids of the processes it had started that are still alive a few seconds later."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(db), str(csv_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # the resource tracker reports what it cleaned up
        env=env,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"importing"
        deadline = time.monotonic() + wait_for_workers
        seen: dict[int, bytes] = {}
        while time.monotonic() < deadline:
            for pid in descendants(proc.pid):
                with contextlib.suppress(OSError):
                    seen.setdefault(pid, Path(f"/proc/{pid}/cmdline").read_bytes())
            if any(b"spawn_main" in c for c in seen.values()):
                break
            time.sleep(0.05)
        assert any(b"spawn_main" in c for c in seen.values()), "no worker was started"
        time.sleep(0.3)  # mid-parse
        for pid in descendants(proc.pid):  # the resource tracker starts with the pool
            with contextlib.suppress(OSError):
                seen.setdefault(pid, Path(f"/proc/{pid}/cmdline").read_bytes())
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    deadline = time.monotonic() + 5
    left = list(seen)
    while time.monotonic() < deadline:
        left = [pid for pid, cmd in seen.items() if alive(pid, cmd)]
        if not left:
            break
        time.sleep(0.1)
    for pid in left:  # do not leave them running after the test either
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    return left


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="imports use a worker on 2+ cores")
def test_a_killed_import_leaves_no_worker_or_resource_tracker(tmp_path: Path) -> None:
    csv_path = big_customers_csv(tmp_path / "big.csv", 60_000)
    assert csv_path.stat().st_size >= 3_000_000
    left = kill_import_mid_way(tmp_path / "console.db", csv_path)
    assert left == []


ORPHAN = """
import os, subprocess, sys
child = subprocess.Popen([sys.executable, "-c", '''
import os, sys, time
from console.services import workers
workers._die_with_parent_linux = lambda: None  # the portable watch alone
workers.POLL_SECONDS = 0.1
workers.watch_parent(int(sys.argv[1]))
print("watching", flush=True)
time.sleep(60)
''', str(os.getpid())], stdout=subprocess.PIPE)
assert child.stdout.readline().strip() == b"watching"
print(child.pid, flush=True)
os._exit(0)  # the parent dies without a word to its child
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_portable_watch_ends_a_worker_whose_parent_died() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", ORPHAN],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    pid = int(done.stdout.strip())
    proc = Path(f"/proc/{pid}")
    cmdline = (proc / "cmdline").read_bytes() if proc.exists() else b""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and cmdline and alive(pid, cmdline):
        time.sleep(0.05)
    still = bool(cmdline) and alive(pid, cmdline)
    if still:
        os.kill(pid, signal.SIGKILL)
    assert not still

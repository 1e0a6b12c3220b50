"""Complaint queues, reports and saving on a million complaints over three years.

    python tests/benchmarks/bench_complaints.py [--db /tmp/sc-bench/complaints.db] [--n 1000000]

Builds the database once with ``fill_demo_complaints`` (bulk, in arrival order; reused
when its marker says it is complete; the build time is reported), then times through
``ComplaintService`` (database-thread hop included):

* each queue's first 50 rows with each sort (p50/p95), against the plain alternative of
  reading the queue's rows without the partial indexes (``NOT INDEXED``) and sorting them;
* the monthly and the yearly report, against fetching the period's rows into Python and
  aggregating there;
* saving a new complaint (``create``, one BEGIN IMMEDIATE transaction, synchronous=FULL).

Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from console.domain.clock import FixedClock  # noqa: E402
from console.domain.complaint import Complaint  # noqa: E402
from console.services import settings as opts  # noqa: E402
from console.services.complaints import ComplaintService, Queue, QueueSort  # noqa: E402
from console.services.demo_complaints import fill_demo_complaints  # noqa: E402
from console.services.settings import SettingsService  # noqa: E402
from console.storage.sqlite import complaints as store  # noqa: E402
from console.storage.sqlite import instants  # noqa: E402
from console.storage.sqlite.database import Db  # noqa: E402
from console.storage.sqlite.runner import DatabaseRunner  # noqa: E402

DEFAULT_DB = Path("/tmp/sc-bench/complaints.db")
MARKER = "benchmark.complaints.build"
ZONE = ZoneInfo("Asia/Shanghai")
#: The data's "now": fixed, so a reused database and the queues agree.
NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZONE)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)


def _stats(values: list[float]) -> dict[str, float]:
    return {"p50_ms": round(statistics.median(values), 2), "p95_ms": _pct(values, 0.95)}


def _timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def build(path: Path, n: int) -> dict[str, Any]:
    path.parent.mkdir(parents=True, exist_ok=True)
    runner = DatabaseRunner(path)
    runner.open()
    try:
        marker = runner.call(store_marker)
        if marker == n:
            return {"built": False, "complaints": n}
        if marker is not None or runner.call(complaint_count) > 0:
            runner.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            runner = DatabaseRunner(path)
            runner.open()
        settings = SettingsService(runner)
        settings.set_now(opts.TIME_ZONE, "Asia/Shanghai")
        t = time.perf_counter()
        fill_demo_complaints(
            runner,
            n,
            seed=11,
            now=NOW,
            progress=lambda done: (
                print(f"… {done:,}", file=sys.stderr) if done % 100_000 == 0 else None
            ),
        )
        runner.call(lambda db: db.execute("ANALYZE"))
        seconds = time.perf_counter() - t
        runner.call(lambda db: store_set_marker(db, n))
        return {"built": True, "complaints": n, "build_seconds": round(seconds, 1)}
    finally:
        runner.close()


def store_marker(db: Db) -> int | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [MARKER]).fetchone()
    return None if row is None else int(json.loads(row[0]))


def store_set_marker(db: Db, n: int) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [MARKER, json.dumps(n)],
    )


# --- plain alternatives ----------------------------------------------------------------


def plain_queue(db: Db, queue: str, now: str, soon: str, day_end: str, agent: str) -> list[Any]:
    """The queue without its indexes: scan, filter, sort, take 50."""
    rows = db.execute(
        "SELECT id, status, agent, promise_due, follow_up_due, received_at, customer_words "
        "FROM complaints NOT INDEXED WHERE status IN ('new', 'in_progress', 'resolved')"
    ).fetchall()
    open_ = [r for r in rows if r[1] in ("new", "in_progress")]
    if queue == "mine":
        picked = [r for r in open_ if r[2] == agent]
    elif queue == "due_soon":
        picked = [r for r in open_ if r[3] is not None and now <= r[3] <= soon]
    elif queue == "overdue":
        picked = [r for r in open_ if r[3] is not None and r[3] < now]
    elif queue == "follow_ups":
        picked = [r for r in rows if r[1] == "resolved" and r[4] < day_end]
    else:
        picked = open_
    key = 4 if queue == "follow_ups" else 3
    return sorted(picked, key=lambda r: (r[key] or "", r[0]))[:50]


def complaint_count(db: Db) -> int:
    return int(db.execute("SELECT count(*) FROM complaints").fetchone()[0])


def report_rows(db: Db, start: str, end: str) -> list[tuple[Any, ...]]:
    """Every complaint received in the period as plain rows (to aggregate in Python)."""
    return db.execute(
        "SELECT id, customer_id, caller_contact, status, cause, sub_cause, received_at, "
        "first_response_at, resolved_at, promise_due, follow_up_due, followed_up_at, "
        "customer_words, wording, store, responsibility FROM complaints "
        "WHERE received_at >= ? AND received_at < ?",
        [start, end],
    ).fetchall()


def _seconds(later: str, earlier: str) -> float:
    """Seconds between two stored instants (UTC ISO text)."""
    return (instants.load(later) - instants.load(earlier)).total_seconds()


def plain_report(db: Db, start: str, end: str, now: str) -> dict[str, Any]:
    rows = report_rows(db, start, end)
    live = [r for r in rows if r[3] != "voided"]
    by_status = Counter(r[3] for r in rows)
    by_cause = Counter((r[4], r[5]) for r in live)
    responses = [_seconds(r[7], r[6]) for r in live if r[7] is not None]
    resolutions = [_seconds(r[8], r[6]) for r in live if r[8] is not None]
    made = [r for r in live if r[9] is not None and (r[8] is not None or r[9] < now)]
    kept = sum(1 for r in made if r[8] is not None and r[8] <= r[9])
    repeat = Counter(r[1] or r[2] for r in live if r[1] or r[2])
    feedback = [r for r in live if r[4] in ("product_quality", "service_attitude")]
    return {
        "received": len(live),
        "by_status": by_status,
        "by_cause": by_cause,
        "median_response": statistics.median(responses) if responses else None,
        "median_resolution": statistics.median(resolutions) if resolutions else None,
        "kept": (kept, len(made)),
        "repeat": [k for k, v in repeat.items() if v >= 2],
        "feedback": len(feedback),
    }


# --- the run ---------------------------------------------------------------------------


def run(path: Path, repeat: int) -> dict[str, Any]:
    runner = DatabaseRunner(path)
    runner.open()
    settings = SettingsService(runner)
    service = ComplaintService(runner, settings, clock=FixedClock(NOW), zone=ZONE)
    loop = asyncio.new_event_loop()

    def sync(aw: Callable[[], Awaitable[Any]]) -> Callable[[], Any]:
        return lambda: loop.run_until_complete(aw())

    results: dict[str, Any] = {}
    try:
        now = store.ts(NOW) or ""
        soon = store.ts(NOW + dt.timedelta(minutes=30)) or ""
        day_end = store.ts(dt.datetime(2026, 11, 21, tzinfo=ZONE)) or ""
        agent = "李娜"  # the demo fill names this agent
        queues: dict[str, Any] = {}
        for q in Queue:
            count = loop.run_until_complete(service.count(q))
            entry: dict[str, Any] = {"rows": count}
            for sort in QueueSort:
                times = _timed(sync(lambda q=q, sort=sort: service.queue(q, 0, 50, sort)), repeat)
                entry[f"first_50_by_{sort.value}"] = _stats(times)
            # Scrolling: the page at offset 1,000 (or the last page), by due time.
            offset = max(0, min(1000, count - 50))
            entry["page_at_offset"] = offset
            entry["page_by_due"] = _stats(
                _timed(sync(lambda q=q, o=offset: service.queue(q, o, 50)), repeat)
            )
            entry["count"] = _stats(_timed(sync(lambda q=q: service.count(q)), repeat))
            plain = _timed(
                lambda q=q: runner.call(plain_queue, q.value, now, soon, day_end, agent),
                max(3, repeat // 10),
            )
            entry["plain_scan_and_sort"] = _stats(plain)
            queues[q.value] = entry
        results["queues"] = queues
        month = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
        year = (dt.date(2025, 11, 1), dt.date(2026, 10, 31))
        reports: dict[str, Any] = {}
        for name, (a, b) in (("month", month), ("year", year)):
            report = loop.run_until_complete(service.report(a, b))
            times = _timed(sync(lambda a=a, b=b: service.report(a, b)), max(3, repeat // 10))
            start = store.ts(dt.datetime.combine(a, dt.time(0), ZONE)) or ""
            end = store.ts(dt.datetime.combine(b + dt.timedelta(days=1), dt.time(0), ZONE)) or ""
            plain = _timed(lambda s=start, e=end: runner.call(plain_report, s, e, now), 3)
            summary = _timed(
                sync(lambda a=a, b=b: service.report(a, b, feedback_limit=100)),
                max(3, repeat // 10),
            )
            reports[name] = {
                "period": [a.isoformat(), b.isoformat()],
                "received": report.received,
                "feedback_rows": len(report.product_feedback) + len(report.training_feedback),
                "service_report": _stats(times),
                "service_report_first_100_feedback_rows": _stats(summary),
                "plain_fetch_and_aggregate_in_python": _stats(plain),
            }
        results["reports"] = reports
        counter = iter(range(10**9))

        def save() -> None:
            due = NOW + dt.timedelta(hours=3)
            c = Complaint(
                caller_name="Bench",
                caller_contact=f"+8613700{next(counter):06d}",
                customer_words="手机买了一个月就死机，今天又死机了。",
                promise_due=due,
            )
            loop.run_until_complete(service.create(c))

        results["save_complaint"] = _stats(_timed(save, repeat))
        results["save_draft"] = _stats(
            _timed(sync(lambda: service.save_draft("bench", "Bench", {"words": "x" * 400})), repeat)
        )
        loop.run_until_complete(service.discard_draft("bench"))
    finally:
        loop.close()
        runner.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    built = build(args.db, args.n)
    out: dict[str, Any] = {"database": str(args.db), "build": built}
    if not args.build_only:
        # Each save adds a row: copy-free reruns stay comparable (a few hundred extra rows).
        out.update(run(args.db, args.repeat))
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

"""Phone screen-pop on the 1,000,000-customer database: pop latency and a sustained flood.

    python tests/benchmarks/build_db.py          # once (reused afterwards)
    python tests/benchmarks/bench_cti.py [--source /tmp/sc-bench/bench.db] [--pops 200]
                                         [--rate 50] [--seconds 20]

The benchmark never writes to the shared benchmark database: it copies it once to
``--work`` (default ``/tmp/sc-bench-cti/bench.db``) and works on the copy (each run
starts by deleting the calls the previous run logged). A copy made by another branch may
carry migrations this branch does not know; they are forgotten in the copy only (their
tables stay, unused), so the app opens it. Without a source database, ``--small N``
builds an N-customer database instead (the figures then say so).

What is measured, in the real app objects (main window, call dock, listener on
127.0.0.1, aiohttp client in a separate thread, database thread):

1. **Pop latency** — ``--pops`` inbound ``newCall`` events for random customers, one at a
   time, numbers sent in mixed formats (national, E.164, without plus). From the moment
   the listener receives the request (and, separately, from the client's send) until
   the caller's profile is shown in the window and painted (``profileShown`` +
   ``repaint()``). Each call is then answered and hung up (not timed). For comparison,
   half as many pops again with the profile loaded the plain way (the window's
   ``open_customer``, several trips) instead of with the match.
2. **Sustained** — ``--rate`` events per second for ``--seconds`` (newCall / answer /
   hangup of overlapping calls: known, unknown and withheld numbers, about a third
   missed). Counts: accepted (HTTP 200), applied, failed, logged; the event → card
   latency; and, while it runs, keystrokes posted to an open editor every 20 ms: how
   long each waited before the editor had it (typing must not be blocked).

Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's console
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("SERVICE_CONSOLE_CTI_TOKEN", "benchmark-token-0123456789abcdefgh")

import aiohttp
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from console.services.calls import CallEvents, CallService, CallUpdate
from console.services.cti import CtiServer
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.sqlite import schema
from console.storage.sqlite.database import Db
from console.storage.sqlite.runner import DatabaseRunner
from console.ui.call_cards import CallDesk
from console.ui.main_window import MainWindow

DEFAULT_SOURCE = Path("/tmp/sc-bench/bench.db")
DEFAULT_WORK = Path("/tmp/sc-bench-cti/bench.db")
TOKEN = os.environ["SERVICE_CONSOLE_CTI_TOKEN"]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def ms(value: float) -> float:
    return round(value * 1000, 2)


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": ms(statistics.median(values)) if values else float("nan"),
        "p95_ms": ms(pct(values, 95)),
        "p99_ms": ms(pct(values, 99)),
        "max_ms": ms(max(values)) if values else float("nan"),
    }


# --- the database ------------------------------------------------------------------


def prepare(source: Path, work: Path, small: int | None) -> dict[str, Any]:
    """A private working copy the app can open; returns what it is."""
    work.parent.mkdir(parents=True, exist_ok=True)
    if small is not None:
        from console.services.demo import fill_demo

        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        with DatabaseRunner(work) as runner:
            fill_demo(runner, customers=small, seed=7)
        return {"db": str(work), "source": f"built here: {small:,} customers"}
    staged = work.parent / "source-copy.db"
    if not work.exists():
        if staged.exists():
            staged.rename(work)
        else:
            print(f"copying {source} to {work} …", file=sys.stderr)
            shutil.copyfile(source, f"{work}.part")
            os.replace(f"{work}.part", work)
    known = set(schema.MIGRATION_NAMES)
    conn = sqlite3.connect(work)
    try:
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        foreign = [name for name in applied if name not in known]
        if foreign:  # another branch's steps: forget them in this copy only
            conn.executemany(
                "DELETE FROM _sqlite_migrations WHERE name = ?", [(n,) for n in foreign]
            )
            conn.execute(f"PRAGMA user_version = {len(applied) - len(foreign)}")
            conn.commit()
        if "calls" in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}:
            conn.execute("DELETE FROM calls")  # a clean log for every run
            conn.commit()
    finally:
        conn.close()
    return {"db": str(work), "source": str(source), "forgotten_migrations": foreign}


def sample(db: Db, count: int, seed: int) -> list[tuple[int, str]]:
    """(customer id, phone) of random customers whose phone is theirs alone."""
    rng = random.Random(seed)
    top = int(db.execute("SELECT max(id) FROM customers").fetchone()[0])
    out: list[tuple[int, str]] = []
    while len(out) < count:
        ids = rng.sample(range(1, top + 1), count * 2)
        marks = ",".join("?" * len(ids))
        rows = db.execute(
            f"SELECT p.customer_id, p.e164 FROM phones p JOIN customers c ON c.id = p.customer_id "
            f"WHERE p.customer_id IN ({marks}) AND c.merged_into IS NULL AND p.position = 0 "
            f"AND (SELECT count(*) FROM phones q WHERE q.e164 = p.e164) = 1",
            ids,
        ).fetchall()
        out.extend((int(r[0]), str(r[1])) for r in rows)
    rng.shuffle(out)
    return out[:count]


def as_sent(e164: str, rng: random.Random) -> str:
    """The number as a PBX might send it: national, E.164, or without the plus."""
    style = rng.randrange(3)
    if style == 0 and e164.startswith("+86"):
        n = e164[3:]
        return f"{n[:3]} {n[3:7]} {n[7:]}" if len(n) == 11 else "0" + n
    if style == 1:
        return e164[1:]
    return e164


# --- the client (its own thread and loop, as a PBX bridge would be) --------------------


class Client:
    def __init__(self, url: str) -> None:
        self.url = url
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.session: aiohttp.ClientSession = self.call(self._open())

    async def _open(self) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=20))

    def call(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    def submit(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    async def post(self, fields: dict[str, str]) -> tuple[int, float]:
        sent = time.perf_counter()
        async with self.session.post(self.url, data=fields) as response:
            await response.read()
            return response.status, sent

    def close(self) -> None:
        self.call(self.session.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


# --- the runs -----------------------------------------------------------------------


async def pops(
    window: MainWindow,
    events: CallEvents,
    client: Client,
    people: list[tuple[int, str]],
    label: str = "pop",
    preload: bool = True,
) -> dict[str, Any]:
    rng = random.Random(11)
    shown: dict[int, asyncio.Future[float]] = {}

    filled: list[float] = []
    painting: list[float] = []

    def on_shown(customer_id: int) -> None:
        waiting = shown.get(customer_id)
        if waiting is not None and not waiting.done():
            filled.append(time.perf_counter())
            window.profile.repaint()  # painted, not just filled in
            painting.append(time.perf_counter() - filled[-1])
            waiting.set_result(time.perf_counter())

    window.profileShown.connect(on_shown)
    received: dict[str, float] = {}
    applied: dict[str, float] = {}
    original = events.on_update

    def note(update: CallUpdate) -> None:
        received[update.call.call_id] = update.received
        applied.setdefault(update.call.call_id, time.perf_counter())
        assert original is not None
        original(update)

    events.on_update = note
    calls: CallService = events._service
    calls.preload_profiles = preload  # off: the plain way, the window loads the profile
    from_received: list[float] = []
    from_sent: list[float] = []
    to_applied: list[float] = []
    to_filled: list[float] = []
    wrong = 0
    loop = asyncio.get_running_loop()
    for i, (customer_id, e164) in enumerate(people):
        call_id = f"{label}-{i}"
        shown[customer_id] = loop.create_future()
        fields = {"event": "newCall", "callId": call_id, "from": as_sent(e164, rng), "to": "+8621"}
        status, sent = await asyncio.wrap_future(client.submit(client.post(fields)))
        assert status == 200, status
        try:
            visible = await asyncio.wait_for(shown[customer_id], 5)
        except TimeoutError:
            wrong += 1
            continue
        from_received.append(visible - received[call_id])
        from_sent.append(visible - sent)
        to_applied.append(applied[call_id] - received[call_id])
        to_filled.append(filled[-1] - applied[call_id])
        for kind in ("answer", "hangup"):
            done = {**fields, "event": kind}
            await asyncio.wrap_future(client.submit(client.post(done)))
        await events.idle()
    events.on_update = original
    calls.preload_profiles = True
    window.profileShown.disconnect(on_shown)
    return {
        "received_to_visible": summary(from_received),
        "sent_to_visible": summary(from_sent),
        "parts": {
            "received_to_matched_with_profile_db": summary(to_applied),
            "matched_to_profile_filled_ui": summary(to_filled),
            "paint": summary(painting),
        },
        "not_popped": wrong,
    }


def flood_plan(
    people: list[tuple[int, str]], total: int, seed: int
) -> tuple[list[dict[str, str]], dict[str, str]]:
    """*total* events of overlapping calls, and the final state each call must reach."""
    rng = random.Random(seed)
    plan: list[dict[str, str]] = []
    expected: dict[str, str] = {}
    live: list[tuple[str, str, bool]] = []  # call id, from, answered
    n = 0
    while len(plan) < total:
        if len(live) < 4 and (not live or rng.random() < 0.45) and total - len(plan) >= 3:
            kind = rng.random()
            if kind < 0.7:
                number = as_sent(rng.choice(people)[1], rng)
            elif kind < 0.9:
                number = f"+86139{rng.randrange(10**8):08d}"
            else:
                number = "anonymous"
            call_id = f"flood-{n}"
            n += 1
            plan.append({"event": "newCall", "callId": call_id, "from": number, "to": "+8621"})
            live.append((call_id, number, False))
            expected[call_id] = "ringing"
            continue
        if not live:
            continue
        i = rng.randrange(len(live))
        call_id, number, answered = live[i]
        base = {"callId": call_id, "from": number, "to": "+8621"}
        if not answered and rng.random() < 0.65:
            plan.append({**base, "event": "answer", "answeringNumber": "204"})
            live[i] = (call_id, number, True)
            expected[call_id] = "answered"
        else:
            plan.append({**base, "event": "hangup", "cause": "normalClearing"})
            live.pop(i)
            expected[call_id] = "ended" if answered else "missed"
    return plan, expected


async def flood(
    app: QApplication,
    window: MainWindow,
    desk: CallDesk,
    events: CallEvents,
    client: Client,
    runner: DatabaseRunner,
    people: list[tuple[int, str]],
    rate: float,
    seconds: float,
) -> dict[str, Any]:
    total = int(rate * seconds)
    plan, expected = flood_plan(people, total, seed=13)
    applied_latency: list[float] = []
    original = events.on_update

    def note(update: CallUpdate) -> None:
        applied_latency.append(time.perf_counter() - update.received)
        assert original is not None
        original(update)

    events.on_update = note

    # An open editor someone is typing in: a key every 20 ms, through Qt's event queue.
    editor = QLineEdit(window)
    editor.setObjectName("benchEditor")
    window.statusBar().addWidget(editor)
    editor.setFocus()
    pending: list[float] = []
    key_waits: list[float] = []
    editor.textChanged.connect(lambda _t: key_waits.append(time.perf_counter() - pending.pop(0)))
    typing = True

    async def type_keys() -> None:
        while typing:
            pending.append(time.perf_counter())
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.postEvent(
                    editor, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
                )
            await asyncio.sleep(0.02)

    typist = asyncio.ensure_future(type_keys())
    interval = 1.0 / rate

    async def send_all() -> list[int]:
        start = time.perf_counter()
        futures = []
        for i, fields in enumerate(plan):
            delay = start + i * interval - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            futures.append(asyncio.ensure_future(client.post(fields)))
            if fields["event"] != "newCall":
                await futures[-1]  # a call's events in order, as one PBX line sends them
        return [status for status, _ in await asyncio.gather(*futures)]

    started = time.perf_counter()
    statuses = await asyncio.wrap_future(client.submit(send_all()))
    send_seconds = time.perf_counter() - started
    await events.idle()
    typing = False
    await typist
    events.on_update = original
    logged = runner.call(
        lambda db: dict(db.execute("SELECT call_id, state FROM calls WHERE call_id LIKE 'flood-%'"))
    )
    wrong_state = sum(1 for cid, state in expected.items() if logged.get(cid) != state)
    window.statusBar().removeWidget(editor)
    editor.deleteLater()
    return {
        "events": total,
        "calls": len(expected),
        "seconds": round(send_seconds, 2),
        "events_per_second": round(total / send_seconds, 1),
        "accepted_200": statuses.count(200),
        "refused": len(statuses) - statuses.count(200),
        "applied": events.applied,
        "failed": events.failed,
        "logged_calls": len(logged),
        "calls_in_wrong_state": wrong_state,
        "dropped": total - statuses.count(200) + (len(expected) - len(logged)) + wrong_state,
        "event_to_card": summary(applied_latency),
        "keystroke_wait": summary(key_waits),
        "cards_left": desk.queue.count(),
        "missed_in_state": sum(1 for s in expected.values() if s == "missed"),
    }


async def run(args: argparse.Namespace, info: dict[str, Any], app: QApplication) -> dict[str, Any]:
    runner = DatabaseRunner(Path(info["db"]))
    runner.open()
    try:
        customers = runner.call(
            lambda db: int(db.execute("SELECT count(*) FROM customers").fetchone()[0])
        )
        settings = SettingsService(runner)
        service = CustomerService(runner, settings)
        calls = CallService(runner, service)
        window = MainWindow(service, settings)
        desk = CallDesk(window, calls, service)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, desk)
        events = CallEvents(calls, desk.handle_update)
        events.start()
        server = CtiServer(events.submit, TOKEN, port=0)
        await server.start()
        window.resize(1400, 860)
        window.show()
        client = Client(f"http://127.0.0.1:{server.port}/cti/{TOKEN}")
        people = runner.call(sample, args.pops + 300, 5)
        try:
            # warm-up: the first pops load code paths and pages (not counted)
            await pops(window, events, client, people[-20:], label="warm")
            events.applied = 0
            pop = await pops(window, events, client, people[: args.pops])
            plain = await pops(
                window, events, client, people[: args.pops // 2], label="plain", preload=False
            )
            events.applied = events.failed = 0
            sustained = await flood(
                app,
                window,
                desk,
                events,
                client,
                runner,
                people[args.pops :],
                args.rate,
                args.seconds,
            )
        finally:
            client.close()
            await server.stop()
            await events.stop()
            window.tasks.cancel_all()
            window.close()
        return {
            "customers": customers,
            "pop": pop,
            "pop_without_preloaded_profile": plain,
            "sustained": sustained,
        }
    finally:
        runner.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--small", type=int, metavar="N", help="build N customers instead")
    parser.add_argument("--pops", type=int, default=200)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args(argv)
    small = args.small
    if small is None and not args.source.exists() and not args.work.exists():
        print(f"{args.source} is missing; measuring on 20,000 customers", file=sys.stderr)
        small = 20_000
    info = prepare(args.source, args.work, small)
    import qasync

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(run(args, info, app))
    result.update(info)
    result["cpu_count"] = os.cpu_count()
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    result["settings"] = {"pops": args.pops, "rate": args.rate, "seconds": args.seconds}
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

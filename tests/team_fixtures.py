"""A console server for tests (a pytest plugin, listed in tests/conftest.py): ``server``
runs the real aiohttp app on 127.0.0.1 (a free port) on a throwaway PostgreSQL database
(``postgres_store``), on a fixed clock; :class:`Running` enrols consoles on it."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import socket
import threading
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest
from aiohttp import web

from console.domain.clock import FixedClock
from console.server.http import make_app
from console.services.consoles import ConsoleService
from console.services.identity import Identity
from console.services.server_client import ServerClient
from console.services.staff import AuditService, StaffService
from console.storage.postgres.store import PostgresStore

T = TypeVar("T")

NOW = dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)


def run_aside(coro: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coro)``, on a thread of its own when this one runs a loop already
    (a window's test: qasync's loop is running)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    outcome: dict[str, Any] = {}

    def go() -> None:
        try:
            outcome["value"] = asyncio.run(coro)
        except BaseException as exc:  # handed back to the caller
            outcome["error"] = exc

    thread = threading.Thread(target=go)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value


#: The PINs of the staff add_team_staff makes: Mei (admin) and Tom (agent).
PIN = "739154"
AGENT_PIN = "246810"


@dataclass
class Running:
    url: str
    store: PostgresStore
    clock: FixedClock
    app: web.Application | None = None

    def code(self) -> str:
        service = ConsoleService(self.store, Identity(self.store, clock=self.clock))
        return run_aside(service.make_code())

    def console(self, name: str = "Front desk 1") -> ServerClient:
        answer = ServerClient(self.url).enrol(self.code(), name)
        return ServerClient(self.url, answer["token"])


def add_team_staff(store: PostgresStore, clock: FixedClock) -> None:
    """Mei, an admin, and Tom, an agent."""
    staff = StaffService(store, AuditService(store, clock), clock)

    async def go() -> None:
        admin = await staff.add_staff(None, name="Mei", role="admin", secret=PIN)
        session = await staff.sign_in("Mei", PIN)
        assert session.staff.id == admin.id
        await staff.add_staff(session, name="Tom", role="agent", secret=AGENT_PIN)

    run_aside(go())


@contextlib.contextmanager
def serving(
    store: PostgresStore,
    clock: FixedClock,
    *,
    port: int = 0,
    poll_seconds: float | None = None,
    cti_token: str | None = None,
) -> Iterator[Running]:
    """One server process's app (``make_app``) on *store*, on 127.0.0.1 (a free port, or
    *port* again: a restart), until the block ends: several may serve one database, one
    after another or at once. *poll_seconds*: how often its live-updates hub reads the
    feed without a notification. *cti_token*: the phone system's token for
    ``/cti/<token>`` (None: the server takes no call events)."""
    loop = asyncio.new_event_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    app = make_app(store, clock, cti_token=cti_token)
    if poll_seconds is not None:
        from console.server.live import HUB

        app[HUB].poll_seconds = poll_seconds
    runner = web.AppRunner(app, access_log=None)
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()  # the server's own loop (a window's test runs qasync's on this thread)

    async def start() -> None:
        await runner.setup()
        await web.SockSite(runner, sock).start()

    asyncio.run_coroutine_threadsafe(start(), loop).result(30)
    port = sock.getsockname()[1]
    try:
        yield Running(f"http://127.0.0.1:{port}", store, clock, app)
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@pytest.fixture
def server(postgres_store: PostgresStore) -> Iterator[Running]:
    with serving(postgres_store, FixedClock(NOW)) as running:
        yield running

"""A console server for tests (a pytest plugin, listed in tests/conftest.py): ``server``
runs the real aiohttp app on 127.0.0.1 (a free port) on a throwaway PostgreSQL database
(``postgres_store``), on a fixed clock; :class:`Running` enrols consoles on it."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from aiohttp import web

from console.domain.clock import FixedClock
from console.server.http import make_app
from console.services.consoles import ConsoleService
from console.services.identity import Identity
from console.services.server_client import ServerClient
from console.services.staff import AuditService, StaffService
from console.storage.postgres.store import PostgresStore

NOW = dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)
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
        return asyncio.run(service.make_code())

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

    asyncio.run(go())


@pytest.fixture
def server(postgres_store: PostgresStore) -> Iterator[Running]:
    clock = FixedClock(NOW)
    loop = asyncio.new_event_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    app = make_app(postgres_store, clock)
    runner = web.AppRunner(app, access_log=None)
    loop.run_until_complete(runner.setup())
    loop.run_until_complete(web.SockSite(runner, sock).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    port = sock.getsockname()[1]
    try:
        yield Running(f"http://127.0.0.1:{port}", postgres_store, clock, app)
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()

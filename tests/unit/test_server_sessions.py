"""Staff sessions kept in the database, not a server's memory (issue 15): they outlive a
restart of the server and are shared by every server on the database; they end after
8 hours idle (the server's clock), at sign-out and when their console is revoked; they
cannot be used from another console; only their tokens' digests are stored."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from typing import Any

import psycopg
import pytest

from console.services.consoles import SESSION_IDLE, SESSION_TOUCH
from console.services.server_client import ServerClient, ServerRefused
from console.services.staff import AuditService, StaffService
from tests.team_fixtures import AGENT_PIN, PIN, Running, add_team_staff, serving


def _rows(server: Running, query: str = "") -> list[tuple[Any, ...]]:
    with psycopg.connect(server.store.dsn) as conn:
        return conn.execute(
            "SELECT token_digest, console_id, staff_id, signed_in_at, last_used_at"
            f" FROM staff_sessions{query} ORDER BY signed_in_at, console_id"
        ).fetchall()


def _refused(client: ServerClient) -> str:
    with pytest.raises(ServerRefused) as refused:
        client.consoles()
    return refused.value.code


def test_a_session_outlives_a_restart_and_is_shared_by_every_server(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    admin = server.console("Back office")
    admin.sign_in("Mei", PIN)
    assert admin.session and admin.token
    ((digest, _, staff_id, signed_in_at, last_used_at),) = _rows(server)
    # Only the token's digest is kept; the times are the server's clock's.
    assert digest == hashlib.sha256(admin.session.encode()).hexdigest()
    assert admin.session not in str(_rows(server))
    assert staff_id == 1 and signed_in_at == last_used_at == server.clock.utc()

    with serving(server.store, server.clock) as second:  # another process, same database
        moved = ServerClient(second.url, admin.token, admin.session)
        assert [c["name"] for c in moved.consoles()] == ["Back office"]
        with serving(server.store, server.clock) as third:  # a restart: a new app
            again = ServerClient(third.url, admin.token, admin.session)
            assert [c["name"] for c in again.consoles()] == ["Back office"]
            again.sign_out()
        assert _refused(moved) == "session_required"  # signed out on one: out on all
    assert _rows(server) == []


def test_a_session_ends_after_eight_hours_idle_by_the_servers_clock(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    admin = server.console()
    admin.sign_in("Mei", PIN)
    for _ in range(3):  # used every 7 hours: kept alive well past 8 hours in all
        server.clock.advance(hours=7)
        assert len(admin.consoles()) == 1
    ((*_, last_used_at),) = _rows(server)
    assert last_used_at == server.clock.utc()
    server.clock.advance(SESSION_IDLE + dt.timedelta(seconds=1))
    assert _refused(admin) == "session_required"
    assert _rows(server) == []  # forgotten, not only refused


def test_a_session_is_written_at_most_once_a_minute(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    admin = server.console()
    admin.sign_in("Mei", PIN)
    signed_in = server.clock.utc()
    server.clock.advance(SESSION_TOUCH / 2)
    admin.consoles()
    assert _rows(server)[0][4] == signed_in  # read, not written
    server.clock.advance(SESSION_TOUCH)
    admin.consoles()
    assert _rows(server)[0][4] == server.clock.utc()


def test_revoking_a_console_ends_its_sessions(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    admin, front = server.console("Back office"), server.console("Front desk 1")
    admin.sign_in("Mei", PIN)
    front.sign_in("Tom", AGENT_PIN)
    assert len(_rows(server)) == 2
    (target,) = [c["id"] for c in admin.consoles() if c["name"] == "Front desk 1"]
    admin.revoke(target)
    assert _rows(server, f" WHERE console_id = {int(target)}") == []
    assert len(_rows(server)) == 1  # Mei's, on her own console, goes on
    assert len(admin.consoles()) == 2


def test_a_session_cannot_be_used_from_another_console(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    admin, other = server.console("Back office"), server.console("Front desk 1")
    admin.sign_in("Mei", PIN)
    stolen = ServerClient(server.url, other.token, admin.session)
    assert _refused(stolen) == "session_required"
    assert len(admin.consoles()) == 2  # still good on its own console


def test_a_switched_off_account_is_signed_out(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    front = server.console()
    front.sign_in("Tom", AGENT_PIN)
    staff = StaffService(server.store, AuditService(server.store, server.clock), server.clock)

    async def switch_off() -> None:
        mei = await staff.sign_in("Mei", PIN)
        await staff.change_staff(mei, 2, active=False)

    asyncio.run(switch_off())
    with pytest.raises(ServerRefused) as ended:
        front.sign_out()
    assert ended.value.code == "session_required"
    assert _rows(server) == []

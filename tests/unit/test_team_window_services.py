"""The window's services in team mode (console/services/team.py) against a real console
server: the desk phone's events of one console logged on the server and popped as for
that console, the staff session through the server, phrasebook files read and written on
the console, and the link noticing a server that is gone."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from console.domain.calls import CtiEvent, Direction, EventKind
from console.domain.clock import FixedClock
from console.domain.customer import Customer, Phone
from console.domain.roles import Role
from console.repositories.errors import StoreError
from console.services import settings as opts
from console.services.server_client import ServerUnreachable
from console.services.staff import SignInRefused
from console.wiring.services import TeamWindow, team_window
from tests.team_fixtures import AGENT_PIN, NOW, PIN, Running, add_team_staff


def _team(server: Running, name: str = "Front desk 1") -> TeamWindow:
    token = server.console(name).token
    assert token
    return team_window(server.url, FixedClock(NOW), token=token)


def test_a_desk_phone_event_is_logged_on_the_server_and_pops_for_this_consoles_extension(
    server: Running,
) -> None:
    team = _team(server)
    other = _team(server, "Call center 7")
    customer_id = asyncio.run(
        other.customers.save(Customer(name="Yu Hua", phones=[Phone("+8613812345678")]))
    )
    team.settings.config.put(opts.CTI_EXTENSION.key, "201")
    ring = CtiEvent(EventKind.NEW_CALL, "c-1", "+8613812345678", "201", Direction.IN)
    update = asyncio.run(team.calls.receive(ring, 1.5))
    assert update.for_me and update.created and update.received == 1.5
    assert update.call.customer_id == customer_id
    assert update.profile is not None and update.profile.customer.name == "Yu Hua"
    assert asyncio.run(team.calls.commit(update)) is update
    # Logged on the server, once: every console's call log shows it.
    logged = asyncio.run(other.calls.recent())
    assert [call.call_id for call in logged] == ["c-1"]
    # A call another agent answers does not pop here.
    elsewhere = CtiEvent(
        EventKind.NEW_CALL, "c-2", "+8613812345678", "305", Direction.IN, users=("Lin",)
    )
    assert not asyncio.run(team.calls.receive(elsewhere)).for_me


def test_a_number_without_country_code_is_read_in_the_stores_region_on_the_server(
    server: Running,
) -> None:
    team = _team(server)
    customer_id = asyncio.run(
        team.customers.save(Customer(name="Yu Hua", phones=[Phone("+8613812345678")]))
    )
    # Dialled without +86: the store's region (CN, the server's setting) reads it.
    ring = CtiEvent(EventKind.NEW_CALL, "c-9", "13812345678", "201", Direction.IN, users=("Tom",))
    handle = team.calls.__getattr__("handle_here")
    update = asyncio.run(handle(ring, {"cti_extension": "201", "default_region": "US"}))
    assert update.call.customer_id == customer_id
    assert update.call.number == "+8613812345678"
    assert update.for_me, "its extension counts"


def test_staff_sign_in_through_the_server_and_the_lockout_is_shared(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    one, two = _team(server), _team(server, "Front desk 2")
    session = asyncio.run(one.staff.sign_in("Tom", AGENT_PIN))
    assert session.name == "Tom" and session.role is Role.AGENT
    assert one.staff.session == session
    assert not asyncio.run(one.staff.needs_first_admin())
    for _ in range(5):
        with pytest.raises(SignInRefused):
            asyncio.run(two.staff.sign_in("Mei", "000000"))
    # Locked out everywhere, the right PIN too, on the first console as well.
    with pytest.raises(SignInRefused, match=r"(?i)locked|try again"):
        asyncio.run(one.staff.sign_in("Mei", PIN))
    asyncio.run(one.staff.sign_out())
    assert one.staff.session is None and one.link.client.session is None


def test_an_admin_changes_their_own_language_and_the_session_follows(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    team = _team(server)
    session = asyncio.run(team.staff.sign_in("Mei", PIN))
    asyncio.run(team.staff.change_staff(session, session.staff.id, language="zh_TW"))
    assert team.staff.session is not None and team.staff.session.staff.language == "zh_TW"
    members = asyncio.run(team.staff.list_staff(session))
    assert sorted(m.name for m in members) == ["Mei", "Tom"]
    entries = asyncio.run(team.audit.entries(session, limit=50))
    assert any(e.action == "sign_in" and e.actor == "Mei" for e in entries)
    assert asyncio.run(team.audit.count(session)) >= len(entries) > 0


def test_phrasebook_files_are_read_and_written_on_the_console(
    server: Running, tmp_path: Path
) -> None:
    add_team_staff(server.store, server.clock)
    team = _team(server)
    asyncio.run(team.staff.sign_in("Mei", PIN))
    exported = tmp_path / "book.json"
    count = asyncio.run(team.phrasebooks.export_phrasebook(exported))
    assert count > 0 and exported.stat().st_size > 0
    report = asyncio.run(team.phrasebooks.import_phrasebook(exported, book="Copy"))
    assert report.created and report.summary.added == count
    assert asyncio.run(team.phrasebooks.export_bytes("json", book="Copy")) == exported.read_bytes()


def test_complaint_times_are_in_the_stores_zone_from_the_server(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    team = _team(server)
    asyncio.run(team.staff.sign_in("Mei", PIN))
    asyncio.run(team.settings.set(opts.TIME_ZONE, "Asia/Shanghai"))
    assert str(asyncio.run(team.complaints.load_zone())) == "Asia/Shanghai"
    now = team.complaints.now()
    assert now.utcoffset() is not None and now.utcoffset().total_seconds() == 8 * 3600
    assert now == NOW.astimezone(now.tzinfo)


def test_the_link_notices_a_server_that_is_gone_and_one_that_answers() -> None:
    from console.services.server_client import ServerClient
    from console.services.team import ServerLink

    link = ServerLink(ServerClient("http://127.0.0.1:9", "token", timeout=2))
    seen: list[bool] = []
    link.on_state.append(seen.append)
    with pytest.raises(ServerUnreachable) as caught:
        link.call_service("customers", "search", {"args": ["yu"], "kwargs": {}})
    assert isinstance(caught.value, StoreError)
    assert not link.up and seen == [False] and "cannot be reached" in link.reason
    assert not link.probe() and seen == [False], "told once, not on every failure"


def test_cti_test_with_server_rings_this_consoles_own_listener_and_the_team_logs_it(
    server: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from console import cli
    from console.services.calls import CallEvents, CallUpdate
    from console.services.cti import CtiServer
    from console.services.secrets import CTI_TOKEN_ENV

    token = "team-cti-token-0123456789abcdefgh"
    monkeypatch.setenv(CTI_TOKEN_ENV, token)
    team, other = _team(server), _team(server, "Call center 7")
    li = asyncio.run(team.customers.save(Customer(name="李娜", phones=[Phone("+8613812345678")])))
    team.settings.config.put(opts.CTI_EXTENSION.key, "201")
    updates: list[CallUpdate] = []

    async def scenario() -> tuple[int, str]:
        events = CallEvents(team.calls, updates.append)  # type: ignore[arg-type]
        events.start()
        listener = CtiServer(events.submit, token, port=0)
        await listener.start()
        try:
            out = io.StringIO()
            argv = ["cti-test", "--server", server.url, "--port", str(listener.port)]
            code = await asyncio.to_thread(cli.main, [*argv, "--from", "138 1234 5678"], out)
            await events.idle()
        finally:
            await listener.stop()
            await events.stop()
        return code, out.getvalue()

    code, out = asyncio.run(scenario())
    assert code == 0, capsys.readouterr().err
    assert "accepted" in out
    [update] = updates
    assert update.for_me and update.call.customer_id == li
    assert update.event.to_number == "201", "the console's own extension, from its settings"
    logged = asyncio.run(other.calls.recent())
    assert [c.call_id for c in logged] == [update.call.call_id]


def test_the_demo_never_fills_a_teams_server(
    server: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    from console import cli

    assert cli.main(["demo", "--server", server.url, "--customers", "10"]) == 1
    assert "without --server" in capsys.readouterr().err
    assert asyncio.run(_team(server).customers.search("a")) == []


def test_two_consoles_editing_one_customer_the_second_save_says_who_and_when(
    server: Running,
) -> None:
    """Issue 16: the second of two saves of one customer is refused with who changed it
    and when (the form then offers Reload and keeps what was typed: the desk's dialog)."""
    import dataclasses

    from console.domain.versions import ChangedMeanwhile

    add_team_staff(server.store, server.clock)
    one, two = _team(server), _team(server, "Front desk 2")
    asyncio.run(one.staff.sign_in("Tom", AGENT_PIN))
    asyncio.run(two.staff.sign_in("Mei", PIN))
    customer_id = asyncio.run(
        one.customers.save(Customer(name="Yu Hua", phones=[Phone("+8613812345678")]))
    )
    mine = asyncio.run(one.customers.get(customer_id))
    theirs = asyncio.run(two.customers.get(customer_id))
    asyncio.run(two.customers.save(dataclasses.replace(theirs, preferred_name="Mr. Yu")))
    with pytest.raises(ChangedMeanwhile) as refused:
        asyncio.run(one.customers.save(dataclasses.replace(mine, notes="Earl Grey")))
    assert refused.value.by == "Mei" and refused.value.at is not None
    assert refused.value.entity_id == customer_id
    kept = asyncio.run(one.customers.get(customer_id))
    assert kept.preferred_name == "Mr. Yu" and kept.notes != "Earl Grey"

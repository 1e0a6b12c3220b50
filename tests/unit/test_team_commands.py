"""Two consoles on one console server (a real server on 127.0.0.1, a throwaway PostgreSQL):
what one records the other sees; commands with ``--server`` print what they print with
``--db``; refusals come back as the same refusals (console.services.remote)."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest

from console import cli
from console.domain.clock import FixedClock
from console.domain.complaint import Action, Complaint, ComplaintChanged, Status
from console.domain.customer import Customer, DuplicateFound, Phone
from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity
from console.domain.roles import NotAllowed
from console.domain.validation import ValidationFailed
from console.repositories.staff import AuditQuery
from console.services import secrets
from console.services.complaints import ComplaintService, Queue
from console.services.customers import CustomerService
from console.services.phrasebooks import PhrasebookService
from console.services.remote import RemoteService
from console.services.server_client import ServerClient, ServerRefused
from console.services.settings import SettingsService
from tests.people import signed_in
from tests.team_fixtures import AGENT_PIN, NOW, PIN, Running, add_team_staff
from tests.unit.conftest import runner_for

WORDS = "The phone freezes again."


def _complaint() -> Complaint:
    return Complaint(
        caller_name="Wang",
        caller_contact="+8613800000001",
        customer_words=WORDS,
        promise_due=NOW + dt.timedelta(hours=2),
    )


def _signed_in_console(server: Running, name: str, who: str = "Tom") -> ComplaintService:
    client = server.console(name)
    client.sign_in(who, PIN if who == "Mei" else AGENT_PIN)
    return cast(ComplaintService, RemoteService(client, "complaints"))


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out=out), out.getvalue()


def _use(server: Running, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The command line as the console *name* (its token in the environment)."""
    client = server.console(name)
    assert client.token
    monkeypatch.setenv(secrets.DEVICE_TOKEN_ENV, client.token)


def _steady(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A listing without what depends on the reader's clock (countdown, promise state)."""
    return [{k: v for k, v in r.items() if k not in ("countdown", "promise")} for r in rows]


def test_what_one_console_records_another_lists_as_a_desk_would(
    server: Running,
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_team_staff(server.store, server.clock)
    a = _signed_in_console(server, "Call center 1")
    made = asyncio.run(a.create(_complaint()))
    assert made == 1

    # The same complaint on a desk, by the same agent at the same moment.
    clock = FixedClock(NOW)
    with runner_for(db_path) as desk:
        identity = signed_in(desk, "agent", "Tom", clock)
        service = ComplaintService(desk, SettingsService(desk), clock=clock, identity=identity)
        asyncio.run(service.create(_complaint()))

    _use(server, monkeypatch, "Call center 2")
    code, remote_out = _cli("complaints", "list", "--server", server.url, "--json")
    assert code == 0
    code, desk_out = _cli("complaints", "list", "--db", str(db_path), "--json")
    assert code == 0
    remote_rows, desk_rows = json.loads(remote_out), json.loads(desk_out)
    assert [r["summary"] for r in remote_rows] == [WORDS]
    assert remote_rows[0]["agent"] == "Tom"
    assert _steady(remote_rows) == _steady(desk_rows)

    # A report is a manager's: the console alone (an agent's rights) is refused.
    period = ("--from", "2026-12-01", "--to", "2026-12-31", "--json")
    code, _ = _cli("report", "complaints", "--server", server.url, *period)
    assert code == 1
    assert "an agent may not view reports" in capsys.readouterr().err
    # The server's address may come from the environment, and go before the command.
    monkeypatch.setenv("SERVICE_CONSOLE_SERVER", server.url)
    monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
    code, remote_report = _cli("report", "complaints", *period, "--as", "Mei")
    assert code == 0
    monkeypatch.delenv("SERVICE_CONSOLE_SERVER")
    code, desk_report = _cli("report", "complaints", "--db", str(db_path), *period)
    assert code == 0
    assert json.loads(remote_report)["received"] == 1
    # Promises count once lapsed or kept, by the reader's clock (the server's is fixed).
    by_clock = ("promises_made", "promises_kept", "promises_kept_pct")
    steady_report = [
        {k: v for k, v in json.loads(text).items() if k not in by_clock}
        for text in (remote_report, desk_report)
    ]
    assert steady_report[0] == steady_report[1]
    monkeypatch.setattr("sys.stdin", io.StringIO("000000\n"))
    code, _ = _cli("--server", server.url, "report", "complaints", "--as", "Mei")
    assert code == 1 and "PIN" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
    code, text = _cli("--server", server.url, "report", "complaints", *period[:-1], "--as", "Mei")
    assert code == 0 and text.startswith("complaints 2026-12-01 to 2026-12-31")


def test_refusals_come_back_as_the_services_own(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    agent = _signed_in_console(server, "Call center 1")
    with pytest.raises(ValidationFailed) as invalid:
        asyncio.run(agent.create(Complaint(customer_words="")))
    assert {"caller_name", "customer_words", "promise_due"} <= set(invalid.value.errors)

    cid = asyncio.run(agent.create(_complaint()))
    with pytest.raises(NotAllowed) as refused:  # voiding needs a manager
        asyncio.run(agent.act(cid, Action.VOID, "duplicate"))
    assert refused.value.permission.value == "void_complaint"

    # Two consoles edit the same complaint: the second save is refused, with who and when.
    other = _signed_in_console(server, "Call center 2", who="Mei")
    first = asyncio.run(agent.get(cid))
    second = asyncio.run(other.get(cid))
    assert first is not None and second is not None
    first.complaint.understanding = "It freezes when charging."
    asyncio.run(agent.update(first.complaint))
    second.complaint.understanding = "It freezes at night."
    with pytest.raises(ComplaintChanged) as changed:
        asyncio.run(other.update(second.complaint))
    assert changed.value.changed_by == "Tom"
    assert asyncio.run(other.count(Queue.ALL_OPEN)) == 1
    assert asyncio.run(other.by_status(Status.NEW))[0].id == cid


def test_a_console_alone_acts_as_itself_with_an_agents_rights(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    client = server.console("Kiosk")
    complaints = cast(ComplaintService, RemoteService(client, "complaints"))
    cid = asyncio.run(complaints.create(_complaint()))
    detail = asyncio.run(complaints.get(cid))
    assert detail is not None and detail.complaint.agent == "console:Kiosk"
    with pytest.raises(NotAllowed):
        asyncio.run(complaints.act(cid, Action.VOID, "test"))


def test_only_offered_calls_with_fitting_arguments_reach_a_service(server: Running) -> None:
    client = server.console()
    with pytest.raises(ServerRefused) as unknown:
        client.call_service("complaints", "_store", {"args": [], "kwargs": {}})
    assert (unknown.value.status, unknown.value.code) == (404, "no_such_call")
    with pytest.raises(ServerRefused) as backup:
        client.call_service("backup", "back_up", {"args": [], "kwargs": {}})
    assert backup.value.status == 404
    with pytest.raises(ServerRefused) as bad:
        client.call_service("complaints", "count", {"args": [1, 2, 3], "kwargs": {}})
    assert (bad.value.status, bad.value.code) == (400, "bad_request")
    with pytest.raises(ServerRefused) as hostile:
        client.call_service(
            "complaints",
            "count",
            {"args": [{"$": "dc", "t": "subprocess:Popen", "f": {"args": ["id"]}}], "kwargs": {}},
        )
    assert hostile.value.status == 400
    with pytest.raises(ServerRefused) as no_session:
        ServerClient(server.url, client.token, session="made-up").call_service(
            "complaints", "count", {"args": [], "kwargs": {}}
        )
    assert no_session.value.code == "session_required"


def test_commands_say_what_works_through_a_server(
    server: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _cli("complaints", "list", "--server", server.url)
    assert code == 1
    assert "not enrolled" in capsys.readouterr().err
    _use(server, monkeypatch, "Back office")
    code, _ = _cli("backup", "--server", server.url, "--as", "Mei")
    assert code == 1 and "pg_dump" in capsys.readouterr().err
    code, _ = _cli("--server", server.url, "demo")
    assert code == 1 and "never a team's server" in capsys.readouterr().err
    assert _cli("--server", server.url, "calls", "--json") == (0, "[]\n")
    code, _ = _cli("complaints", "list", "--server", server.url, "--db", "x.db")
    assert code == 2 and "not both" in capsys.readouterr().err
    code, _ = _cli("complaints", "list", "--server", "http://192.0.2.7:8740")
    assert code == 2 and "https://" in capsys.readouterr().err


def test_lint_checks_against_the_teams_phrasebook_as_against_a_desks(
    server: Running, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    _use(server, monkeypatch, "Training room")
    text = "hey, not my department. 这里就是这样的"
    remote_code, remote_out = _cli("lint", "--server", server.url, text)
    desk_code, desk_out = _cli("lint", "--db", str(db_path), text)
    assert remote_code == desk_code == 1
    assert remote_out == desk_out
    assert len(remote_out.splitlines()) >= 3
    # A trainer's change on the server is what every console's lint checks next.
    add_team_staff(server.store, server.clock)
    trainer = server.console("Trainer")
    trainer.sign_in("Mei", PIN)
    book = cast(PhrasebookService, RemoteService(trainer, "phrasebooks"))
    asyncio.run(
        book.add_entry(
            PhraseEntry(
                kind=EntryKind.TABOO,
                language=Language.EN,
                text="as I already said",
                severity=Severity.BLOCK,
                replacements=("I understand how you feel",),
                reason="Tells the guest how to feel.",
            )
        )
    )
    said = "As I already said, it is closed."
    code, out = _cli("lint", "--server", server.url, said)
    assert code == 1
    assert out == (
        '0-17 block "As I already said" → I understand how you feel: Tells the guest how to feel.\n'
    )
    assert _cli("lint", "--db", str(db_path), said) == (0, "")


def test_shared_settings_live_on_the_server_and_a_consoles_own_stay_on_it(
    server: Running,
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_team_staff(server.store, server.clock)
    _use(server, monkeypatch, "Front desk 1")
    code, remote_list = _cli("settings", "list", "--server", server.url, "--json")
    assert code == 0
    code, desk_list = _cli("settings", "list", "--db", str(db_path), "--json")
    assert code == 0 and json.loads(remote_list) == json.loads(desk_list)

    def as_(name: str, pin: str, *argv: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
        return _cli("settings", *argv, "--server", server.url, "--as", name)

    assert as_("Mei", PIN, "set", "follow_up_days", "5") == (0, "follow_up_days = 5; was 7\n")
    # Another console reads the organisation's rule from the server.
    _use(server, monkeypatch, "Front desk 2")
    assert _cli("settings", "get", "follow_up_days", "--server", server.url) == (0, "5\n")
    assert _cli("settings", "get", "follow_up_days", "--db", str(db_path)) == (0, "7\n")
    # A console's own setting is kept in its settings.json; the server checks and audits.
    code, _ = as_("Tom", AGENT_PIN, "set", "cti_extension", "8012")
    assert code == 1 and "an agent may not" in capsys.readouterr().err
    assert _cli("settings", "get", "cti_extension", "--server", server.url) == (0, "\n")
    assert as_("Mei", PIN, "set", "cti_extension", "8012") == (0, "cti_extension = 8012; was \n")
    assert _cli("settings", "get", "cti_extension", "--server", server.url) == (0, "8012\n")
    assert _cli("settings", "get", "cti_extension", "--db", str(db_path)) == (0, "8012\n")
    entries = asyncio.run(
        server.store.read(lambda r: r.staff.audit_entries(AuditQuery(entity="setting")))
    )
    seen = {(e.actor, e.action, str(e.entity_id), e.detail) for e in entries}
    assert ("Mei", "update", "follow_up_days", "scope: organisation") in seen
    assert ("Mei", "update", "cti_extension", "scope: console") in seen
    assert any(e.actor == "Tom" and e.action == "refused" for e in entries)
    assert as_("Mei", PIN, "reset", "follow_up_days") == (
        0,
        "follow_up_days = 7 (the default); was 5\n",
    )


def test_staff_and_the_audit_trail_through_the_server(
    server: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add_team_staff(server.store, server.clock)
    _use(server, monkeypatch, "Back office")
    url = ("--server", server.url)

    def with_pins(*pins: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO("".join(p + "\n" for p in pins)))

    with_pins(PIN)
    code, out = _cli("staff", "list", *url, "--as", "Mei")
    assert code == 0
    assert [line.split("\t")[1:3] for line in out.splitlines()] == [
        ["Mei", "admin"],
        ["Tom", "agent"],
    ]
    with_pins(AGENT_PIN)
    code, _ = _cli("staff", "list", *url, "--as", "Tom")
    assert code == 1 and "an agent may not" in capsys.readouterr().err
    code, _ = _cli("staff", "add", *url, "--name", "Li", "--role", "trainer")
    assert code == 2 and "accounts exist already" in capsys.readouterr().err
    with_pins(PIN, "8642013")
    code, out = _cli(
        "staff", "add", *url, "--as", "Mei", "--name", "Li", "--role", "trainer",
        "--queues", "sales, VIP",
    )  # fmt: skip
    assert (code, out) == (0, "added trainer Li (#3)\n")
    with_pins("8642013")
    assert _cli("staff", "list", *url, "--as", "Li")[0] == 1  # a trainer manages nobody
    with_pins(PIN)
    code, out = _cli("staff", "list", *url, "--as", "Mei", "--json")
    assert {m["name"]: m["queues"] for m in json.loads(out)}["Li"] == ["sales", "VIP"]

    with_pins(PIN)
    code, out = _cli("audit", *url, "--as", "Mei", "--entity", "staff", "--json")
    assert code == 0
    created = [e for e in json.loads(out) if e["action"] == "create"]
    assert (created[0]["actor"], created[0]["entity_id"]) == ("Mei", "3")
    code, out = _cli("audit", "verify", *url)
    assert code == 0 and out.startswith("audit trail intact: ")
    code, _ = _cli("audit", *url)
    assert code == 2 and "say who reads the trail" in capsys.readouterr().err


def test_phrasebook_files_go_to_and_come_from_the_server(
    server: Running,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_team_staff(server.store, server.clock)
    _use(server, monkeypatch, "Training room")
    url = ("--server", server.url)
    exported = tmp_path / "team.csv"
    code, _ = _cli("phrasebook", "export", *url, str(exported))
    assert code == 0 and "entries of the active phrasebook" in capsys.readouterr().err
    text = exported.read_text("utf-8-sig")
    assert "not my department" in text
    changed = tmp_path / "changed.csv"
    changed.write_text(text.replace(",not my department,", ",not in my department,"), "utf-8-sig")
    monkeypatch.setattr("sys.stdin", io.StringIO(AGENT_PIN + "\n"))
    code, _ = _cli("phrasebook", "import", *url, "--as", "Tom", str(changed))
    assert code == 1 and "an agent may not edit phrasebook" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
    code, out = _cli("phrasebook", "import", *url, "--as", "Mei", str(changed))
    assert code == 0 and "1 added, 0 changed, 1 removed, 150 unchanged" in out
    code, out = _cli("phrasebook", "export", *url, "-")
    assert code == 0 and "not in my department" in out
    # The server never reads a path a console names: only a file's bytes are accepted.
    client = server.console("Curious")
    with pytest.raises(ServerRefused) as refused:
        client.call_service(
            "phrasebooks", "import_phrasebook", {"args": ["/etc/passwd"], "kwargs": {}}
        )
    assert (refused.value.status, refused.value.code) == (400, "bad_request")


def test_a_request_over_the_limit_is_refused_after_the_token(server: Running) -> None:
    client = server.console()
    big = {"args": ["x" * (4 * 1024 * 1024)], "kwargs": {}}
    with pytest.raises(ServerRefused) as refused:
        client.call_service("customers", "search", big)
    assert (refused.value.status, refused.value.code) == (413, "request_too_large")


def test_a_server_that_does_not_answer_is_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv(secrets.DEVICE_TOKEN_ENV, "a-token")
    code, out = _cli("complaints", "list", "--server", f"http://127.0.0.1:{port}")
    err = capsys.readouterr().err
    assert (code, out) == (1, "")
    assert f"the console server at http://127.0.0.1:{port} cannot be reached" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_team_mode_lines_in_the_locales_language(
    server: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.test_cli_words import speak

    speak(monkeypatch, "zh_CN.UTF-8")
    code, _ = _cli("complaints", "list", "--server", server.url)
    assert code == 1
    assert f"这台服务台尚未在 {server.url} 注册" in capsys.readouterr().err
    _use(server, monkeypatch, "Back office")
    code, _ = _cli("backup", "--server", server.url, "--as", "Mei")
    assert code == 1
    assert capsys.readouterr().err.startswith("service-console: backup 用于数据库文件")
    speak(monkeypatch, "zh_TW.UTF-8")
    code, _ = _cli("--server", server.url, "demo")
    assert code == 1 and "絕不會填進團隊的伺服器" in capsys.readouterr().err
    code, _ = _cli("complaints", "list", "--server", server.url, "--db", "x.db")
    assert code == 2 and "不能同時給出" in capsys.readouterr().err


PEOPLE = [
    Customer(name="Yu Hua", preferred_name="Mr. Yu", phones=[Phone("+8613812345678")]),
    Customer(name="余华", phones=[Phone("+8613912345678")], member_no="M-0042"),
    Customer(name="Grace Lin", email="grace@example.com", phones=[Phone("+886912345678")]),
]


def test_search_through_the_server_finds_what_a_desk_finds(
    server: Running,
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_team_staff(server.store, server.clock)
    front = server.console("Front desk 1")
    front.sign_in("Tom", AGENT_PIN)
    team = cast(CustomerService, RemoteService(front, "customers"))
    with runner_for(db_path) as desk:
        identity = signed_in(desk, "agent", "Tom", FixedClock(NOW))
        here = CustomerService(desk, SettingsService(desk), FixedClock(NOW), identity=identity)
        for person in PEOPLE:
            assert asyncio.run(team.save(replace(person))) == asyncio.run(
                here.save(replace(person))
            )
    # The same refusal as on a desk: a phone already in use is a DuplicateFound.
    with pytest.raises(DuplicateFound) as duplicate:
        asyncio.run(team.save(Customer(name="Someone", phones=[Phone("+8613812345678")])))
    assert duplicate.value.conflicts[0].other_name == "Yu Hua"

    _use(server, monkeypatch, "Front desk 2")
    for query in ("yu", "余", "5678", "M-0042", "grace@", "lin", "yh", "nobody"):
        remote = _cli("search", "--server", server.url, "--json", query)
        desk_answer = _cli("search", "--db", str(db_path), "--json", query)
        assert remote == desk_answer, query
    code, out = _cli("search", "--server", server.url, "yu")
    assert code == 0
    assert "#1\tYu Hua (Mr. Yu)\t…5678\t\tregular\tlast never\n" in out
    assert "#2\t余华\t…5678\tM-0042\tregular\tlast never\n" in out
    capsys.readouterr()


def test_a_customers_export_and_erasure_through_the_server(
    server: Running,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_team_staff(server.store, server.clock)
    front = server.console("Front desk 1")
    front.sign_in("Tom", AGENT_PIN)
    team = cast(CustomerService, RemoteService(front, "customers"))
    cid = asyncio.run(team.save(replace(PEOPLE[0])))
    _use(server, monkeypatch, "Back office")
    url = ("--server", server.url)

    def as_(name: str, pin: str, *argv: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
        return _cli("customer", *argv, *url, "--as", name)

    code, _ = as_("Tom", AGENT_PIN, "export", str(cid))
    assert code == 1 and "an agent may not" in capsys.readouterr().err
    saved = tmp_path / "yu.json"
    assert as_("Mei", PIN, "export", str(cid), "-o", str(saved)) == (0, "")
    exported = json.loads(saved.read_text("utf-8"))
    assert "Yu Hua" in json.dumps(exported, ensure_ascii=False)
    code, out = as_("Mei", PIN, "erase", str(cid), "--reason", "customer asked", "--yes")
    assert code == 0 and out.strip()
    assert asyncio.run(team.search("Yu Hua")) == []
    entries = asyncio.run(
        server.store.read(lambda r: r.staff.audit_entries(AuditQuery(action="erase")))
    )
    assert [(e.actor, str(e.entity_id)) for e in entries] == [("Mei", str(cid))]
    # The erasure, its redaction and the refused export name the console they came from.
    for action in ("erase", "redact", "refused"):
        found = server.store.read_now(
            lambda r, a=action: r.staff.audit_entries(AuditQuery(action=a, entity_id=None))
        )
        assert found and {e.console for e in found} == {"Back office"}, action


def test_an_unknown_customer_through_the_server_is_the_desks_sentence(
    server: Running,
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.unit.test_cli_words import speak

    add_team_staff(server.store, server.clock)
    _use(server, monkeypatch, "Back office")
    monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
    code, _ = _cli("customer", "export", "404", "--server", server.url, "--as", "Mei")
    assert code == 1 and capsys.readouterr().err == "no customer #404\n"
    speak(monkeypatch, "zh_CN.UTF-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
    code, _ = _cli("customer", "export", "404", "--server", server.url, "--as", "Mei")
    err = capsys.readouterr().err
    assert code == 1 and "404" in err and "no customer" not in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err)  # said in Chinese

"""``service-console staff add|list`` and ``service-console audit``: PINs from stdin."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from console import cli


def main(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    code = cli.main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "console.db")


def add_admin(monkeypatch: pytest.MonkeyPatch, db: str) -> None:
    code, out = main(
        monkeypatch, "7391\n", "staff", "add", "--db", db, "--name", "Grace", "--role", "admin"
    )
    assert (code, out) == (0, "added admin Grace (#1)\n")


def test_first_admin_then_staff_added_by_the_admin(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_admin(monkeypatch, db)
    code, out = main(
        monkeypatch,
        "7391\n5820\n",
        "staff",
        "add",
        "--db",
        db,
        "--name",
        "Li Na",
        "--role",
        "agent",
        "--extension",
        "2041",
        "--as",
        "grace",
    )
    assert (code, out) == (0, "added agent Li Na (#2)\n")
    code, out = main(monkeypatch, "7391\n", "staff", "list", "--db", db, "--as", "Grace", "--json")
    assert code == 0
    assert [(m["name"], m["role"], m["extension"]) for m in json.loads(out)] == [
        ("Grace", "admin", ""),
        ("Li Na", "agent", "2041"),
    ]


def test_the_first_account_must_be_an_admin(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = main(
        monkeypatch, "7391\n", "staff", "add", "--db", db, "--name", "X", "--role", "agent"
    )
    assert code == 1
    assert "first account must be an admin" in capsys.readouterr().err


def test_later_accounts_need_an_admin(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_admin(monkeypatch, db)
    code, _ = main(
        monkeypatch, "5820\n", "staff", "add", "--db", db, "--name", "X", "--role", "agent"
    )
    assert code == 2
    assert "--as NAME" in capsys.readouterr().err


def test_wrong_pin_and_agent_rights_are_refused(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_admin(monkeypatch, db)
    code, _ = main(monkeypatch, "0000\n", "staff", "list", "--db", db, "--as", "Grace")
    assert code == 1
    assert "do not match" in capsys.readouterr().err
    main(
        monkeypatch,
        "7391\n5820\n",
        *("staff", "add", "--db", db, "--name", "Li Na", "--role", "agent", "--as", "Grace"),
    )
    code, _ = main(monkeypatch, "5820\n", "audit", "--db", db, "--as", "Li Na")
    assert code == 1
    assert "an agent may not view audit" in capsys.readouterr().err


def test_weak_pin_is_refused_with_the_field(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = main(
        monkeypatch, "1111\n", "staff", "add", "--db", db, "--name", "G", "--role", "admin"
    )
    assert code == 1
    assert capsys.readouterr().err.startswith("secret: ")


def test_missing_pin_on_stdin_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = main(monkeypatch, "", "staff", "add", "--db", db, "--name", "G", "--role", "admin")
    assert code == 2
    assert "expected on stdin" in capsys.readouterr().err


def test_audit_json_csv_and_filters(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_admin(monkeypatch, db)
    code, out = main(monkeypatch, "7391\n", "audit", "--db", db, "--as", "Grace", "--json")
    assert code == 0
    entries = json.loads(out)
    assert [(e["action"], e["entity"], e["actor"]) for e in entries] == [
        ("sign_in", "staff", "Grace"),
        ("create", "staff", "system"),
    ]
    assert set(entries[0]) == {
        "id", "at", "actor", "actor_role", "action", "entity", "entity_id", "fields", "detail"
    }  # fmt: skip
    code, out = main(
        monkeypatch, "7391\n", "audit", "--db", db, "--as", "Grace", "--action", "create", "--csv"
    )
    assert code == 0
    assert out.splitlines()[0] == "at,actor,role,action,entity,entity_id,fields,detail,console"
    assert len(out.splitlines()) == 2
    code, out = main(
        monkeypatch,
        "7391\n",
        "audit",
        "--db",
        db,
        "--as",
        "Grace",
        "--from",
        "2999-01-01",
        "--json",
    )
    assert (code, json.loads(out)) == (0, [])
    code, _ = main(monkeypatch, "7391\n", "audit", "--db", db, "--as", "Grace", "--to", "28/11")
    assert code == 2
    assert "argument --to: '28/11' is not a date" in capsys.readouterr().err


def test_customer_export_and_erase_from_the_command_line(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_admin(monkeypatch, db)
    code, _ = main(monkeypatch, "", "demo", "--db", db, "--customers", "3", "--seed", "7")
    assert code == 0
    code, out = main(monkeypatch, "7391\n", "customer", "export", "1", "--db", db, "--as", "Grace")
    assert code == 0
    data = json.loads(out)
    name = data["tables"]["customers"][0]["name"]
    assert data["customer_id"] == 1 and data["tables"]["phones"]
    code, _ = main(
        monkeypatch, "7391\n", "customer", "erase", "1", "--db", db, "--as", "Grace",
        "--reason", "asked",
    )  # fmt: skip
    assert code == 2 and "--yes" in capsys.readouterr().err
    code, out = main(
        monkeypatch, "7391\n", "customer", "erase", "1", "--db", db, "--as", "Grace",
        "--reason", "asked", "--yes",
    )  # fmt: skip
    assert code == 0 and out.startswith("erased customer #1")
    code, out = main(monkeypatch, "", "search", "--db", db, "--json", name)
    assert code == 0 and all(hit["id"] != 1 for hit in json.loads(out))
    code, _ = main(monkeypatch, "7391\n", "customer", "export", "99", "--db", db, "--as", "Grace")
    assert code == 1 and "no customer #99" in capsys.readouterr().err


def test_queues_are_set_on_add_and_listed(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_admin(monkeypatch, db)
    code, out = main(
        monkeypatch,
        "7391\n5820\n",
        "staff",
        "add",
        "--db",
        db,
        "--name",
        "Li Na",
        "--role",
        "agent",
        "--queues",
        " sales, Support ,SALES",
        "--as",
        "grace",
    )
    assert (code, out) == (0, "added agent Li Na (#2)\n")
    code, out = main(monkeypatch, "7391\n", "staff", "list", "--db", db, "--as", "Grace", "--json")
    assert code == 0
    assert [(m["name"], m["queues"]) for m in json.loads(out)] == [
        ("Grace", []),
        ("Li Na", ["sales", "Support"]),
    ]
    code, out = main(monkeypatch, "7391\n", "staff", "list", "--db", db, "--as", "Grace")
    assert out.splitlines()[1] == "#2\tLi Na\tagent\t\t\tsales,Support"
    code, _ = main(
        monkeypatch,
        "7391\n5820\n",
        "staff",
        "add",
        "--db",
        db,
        "--name",
        "Zhou",
        "--role",
        "agent",
        "--queues",
        "q" * 121,
        "--as",
        "grace",
    )
    assert code == 1
    assert capsys.readouterr().err.startswith("queues: ")

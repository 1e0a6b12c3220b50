"""Bulk export, bulk import, backup and restore carry every customer's personal data: they
need a manager (or an admin), from the command line and the window, and leave an audit
entry — who, how many rows, which file — while a refusal is one sentence and audited."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

import pytest

from console import cli
from console.domain.roles import NotAllowed
from console.services.backup import BackupService
from console.services.identity import Identity
from console.services.settings import SettingsService
from console.services.staff import AuditService, StaffService
from console.storage.sqlite import staff as store
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import add_customer, run, runner_for

CSV = "name,phones,email\nYu Hua,+86 138 1234 5678,yu@example.com\nLi Lei,,\n"


def main(*argv: str, stdin: str = "") -> tuple[int, str]:
    real = sys.stdin
    sys.stdin = io.StringIO(stdin)
    out = io.StringIO()
    try:
        return cli.main(list(argv), out=out), out.getvalue()
    finally:
        sys.stdin = real


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Grace (admin, 7391), Wang Fang (manager, 5820) and Li Na (agent, 4682)."""
    path = str(tmp_path / "console.db")
    assert main("staff", "add", "--db", path, "--name", "Grace", "--role", "admin",
                stdin="7391\n")[0] == 0  # fmt: skip
    for name, role, pin in (("Wang Fang", "manager", "5820"), ("Li Na", "agent", "4682")):
        code, _ = main(
            "staff", "add", "--db", path, "--name", name, "--role", role, "--as", "Grace",
            stdin=f"7391\n{pin}\n",
        )  # fmt: skip
        assert code == 0
    return path


def entries(db: str, **filters: object) -> list[store.AuditEntry]:
    with runner_for(Path(db)) as r:
        return r.call(store.query_audit, **filters)


def test_an_agent_may_not_export_and_the_refusal_is_audited(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = main("export", "customers", "--db", db, "--as", "Li Na", stdin="4682\n")
    err = capsys.readouterr().err
    assert (code, out) == (1, "")
    assert err == "an agent may not export (ask: manager, admin)\n"
    refused = entries(db, action="refused")
    assert [(e.actor, e.entity) for e in refused] == [("Li Na", "customers")]


def test_export_needs_as(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = main("export", "customers", "--db", db)
    assert code == 2 and "--as" in capsys.readouterr().err


def test_a_wrong_pin_is_refused(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = main("export", "customers", "--db", db, "--as", "Wang Fang", stdin="0007\n")
    assert (code, out) == (1, "")
    assert "do not match" in capsys.readouterr().err
    assert not entries(db, action="export")


def test_import_and_export_by_a_manager_are_audited_without_personal_data(
    db: str, tmp_path: Path
) -> None:
    source = tmp_path / "new customers.csv"
    source.write_text(CSV, encoding="utf-8")
    code, out = main(
        "import", "customers", "--db", db, "--as", "Wang Fang", str(source), stdin="5820\n"
    )
    assert code == 0 and out.startswith("imported 2 customers")
    target = tmp_path / "mailing.csv"
    code, _ = main(
        "export", "customers", "--db", db, "--as", "Wang Fang", "-o", str(target), stdin="5820\n"
    )
    assert code == 0 and "Yu Hua" in target.read_text(encoding="utf-8")
    code, out = main("export", "customers", "--db", db, "--as", "Grace", stdin="7391\n")
    assert code == 0 and "Li Lei" in out
    imported = entries(db, action="import")
    assert [(e.actor, e.actor_role, e.entity, e.fields) for e in imported] == [
        ("Wang Fang", "manager", "customers",
         {"rows": 2, "bad_rows": 0, "file": "new customers.csv"}),
    ]  # fmt: skip
    exported = [(e.actor, e.fields) for e in entries(db, action="export")]
    assert exported == [
        ("Grace", {"rows": 2, "file": "(standard output)", "format": "csv"}),
        ("Wang Fang", {"rows": 2, "file": "mailing.csv", "format": "csv"}),
    ]
    for entry in imported + entries(db, action="export"):
        text = f"{entry.fields} {entry.detail}"
        assert "Yu Hua" not in text and "yu@example.com" not in text and "138" not in text


def test_an_agent_may_not_import(db: str, tmp_path: Path) -> None:
    source = tmp_path / "c.csv"
    source.write_text(CSV, encoding="utf-8")
    for what in ("customers", "purchases"):
        code, out = main("import", what, "--db", db, "--as", "Li Na", str(source), stdin="4682\n")
        assert (code, out) == (1, "")
    assert [e.entity for e in entries(db, action="refused")] == ["purchases", "customers"]
    with runner_for(Path(db)) as r:
        assert r.call(lambda d: d.execute("SELECT count(*) FROM customers").fetchone()[0]) == 0


def test_an_agent_may_neither_back_up_nor_restore(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = main("backup", "--db", db, "--as", "Li Na", "-o", str(tmp_path / "b.db"),
                   stdin="4682\n")  # fmt: skip
    assert code == 1 and not (tmp_path / "b.db").exists()
    assert capsys.readouterr().err == "an agent may not back up (ask: manager, admin)\n"
    code, _ = main("backup", "--db", db, "--as", "Wang Fang", "-o", str(tmp_path / "b.db"),
                   stdin="5820\n")  # fmt: skip
    assert code == 0
    capsys.readouterr()
    code, _ = main("restore", "--db", db, "--as", "Li Na", str(tmp_path / "b.db"), "--yes",
                   stdin="4682\n")  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err == "an agent may not restore (ask: manager, admin)\n"
    assert [e.actor for e in entries(db, action="refused")] == ["Li Na", "Li Na"]
    assert [e.fields["file"] for e in entries(db, action="backup")] == ["b.db"]


def test_a_broken_trail_is_still_backed_up_with_a_warning(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with runner_for(Path(db)) as r:
        r.call(lambda d: d.execute("DROP TRIGGER audit_no_delete"))
        r.call(lambda d: d.execute("DELETE FROM audit WHERE id = 2"))
    with caplog.at_level(logging.WARNING, logger="console.services.backup"):
        code, _ = main("backup", "--db", db, "--as", "Grace", "-o", str(tmp_path / "b.db"),
                         stdin="7391\n")  # fmt: skip
    assert code == 0 and (tmp_path / "b.db").exists()
    err = capsys.readouterr().err
    assert "warning: the backup was made, but the audit trail broken at audit entry #3" in err
    assert any("audit entry #3" in record.getMessage() for record in caplog.records)
    assert "WARNING: audit trail broken" in entries(db, action="backup")[0].detail


# --- the window's path: the service checks the signed-in person ------------------------------


@pytest.fixture
def staffed(runner: DatabaseRunner) -> StaffService:
    staff = StaffService(runner, AuditService(runner))
    run(staff.add_staff(None, name="Grace", role="admin", secret="7391"))
    admin = run(staff.sign_in("Grace", "7391"))
    run(staff.add_staff(admin, name="Li Na", role="agent", secret="4682"))
    run(staff.add_staff(admin, name="Wang Fang", role="manager", secret="5820"))
    return staff


def test_back_up_now_in_the_window_needs_a_manager(
    runner: DatabaseRunner, staffed: StaffService, tmp_path: Path
) -> None:
    add_customer(runner, "Yu Hua")
    settings = SettingsService(runner)
    backups = BackupService(
        runner, settings, files=runner.files, identity=Identity(runner, settings, staffed)
    )
    run(staffed.sign_in("Li Na", "4682"))
    with pytest.raises(NotAllowed, match="may not back up"):
        run(backups.backup_now())
    assert run(backups.backups()) == []
    run(staffed.sign_in("Wang Fang", "5820"))
    result = run(backups.backup_now())
    assert result.trail_intact and result.customers == 1
    done = runner.call(store.query_audit, entity="database")
    assert [(e.action, e.actor) for e in done] == [("backup", "Wang Fang"), ("refused", "Li Na")]
    assert done[0].fields == {"customers": 1, "file": result.path.name}


def test_scheduled_backups_are_audited_as_the_system(
    runner: DatabaseRunner, staffed: StaffService
) -> None:
    settings = SettingsService(runner)
    run(staffed.sign_in("Li Na", "4682"))  # whoever is signed in: the schedule still runs
    backups = BackupService(
        runner, settings, files=runner.files, identity=Identity(runner, settings, staffed)
    )
    result = run(backups.backup_if_due())
    assert result is not None
    done = runner.call(store.query_audit, action="backup")
    assert [(e.actor, e.detail) for e in done] == [("system", "scheduled; audit trail intact")]

"""Which console acted (issue 15): every audit entry names the enrolled console that
sent the request on a console server (empty on a desk); the name is covered by the hash
chain, so changing it shows in ``audit verify``; a trail chained before the column
existed still verifies after the migration (SQLite 0018_audit_console, PostgreSQL
0011_audit_console)."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import sqlite3
from pathlib import Path
from typing import Any, cast

import psycopg
import pytest
import sqlite_utils

from console import cli
from console.repositories import Store
from console.repositories.staff import AuditQuery, AuditRecord, ChainReport
from console.services import secrets
from console.services.complaints import ComplaintService
from console.services.remote import RemoteService
from console.services.staff import entries_csv
from console.storage.sqlite import audit_chain, schema
from console.storage.sqlite.runner import DatabaseRunner
from tests.team_fixtures import AGENT_PIN, PIN, Running, add_team_staff
from tests.unit.test_team_commands import _complaint

T0 = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)
DESK = "Front desk 1"


def _record(n: int, console: str = "") -> AuditRecord:
    return AuditRecord(
        at=T0 + dt.timedelta(seconds=n),
        actor="Tom",
        actor_role="agent",
        action="create",
        entity="complaint",
        entity_id=n,
        fields={"status": [None, "new"]},
        console=console,
    )


def _reports(store: Store) -> list[ChainReport]:
    return store.read_now(lambda r: r.staff.verify_chains())


def _audit_report(store: Store) -> ChainReport:
    (report,) = [r for r in _reports(store) if r.table == "audit"]
    return report


def _tamper(store: Store, statement: str) -> None:
    """Run *statement* with the append-only guards off, as someone holding the file and
    its key (SQLite) or the database's owner (PostgreSQL) could."""
    if isinstance(store, DatabaseRunner):

        def go(db: sqlite_utils.Database) -> None:
            db.execute("DROP TRIGGER audit_no_update")
            db.execute(statement)

        store.call(go)
        return
    dsn = cast(Any, store).dsn
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute(statement)


def _guarded(store: Store, statement: str) -> None:
    """Run *statement* with the guards on (it should be refused)."""
    if isinstance(store, DatabaseRunner):
        store.call(lambda db: db.execute(statement))
        return
    with psycopg.connect(cast(Any, store).dsn, autocommit=True) as conn:
        conn.execute(statement)


def test_an_entry_names_its_console_and_verifies(backend: Store) -> None:
    backend.write_now(
        lambda r: [r.staff.append_audit(_record(n, DESK if n % 2 else "")) for n in range(1, 5)]
    )
    entries = backend.read_now(lambda r: r.staff.audit_entries(AuditQuery()))
    assert [(e.entity_id, e.console) for e in entries] == [
        ("4", ""),
        ("3", DESK),
        ("2", ""),
        ("1", DESK),
    ]
    assert all(r.intact for r in _reports(backend))
    # JSON names the console only when there is one (a desk's JSON is unchanged).
    assert entries[1].to_json()["console"] == DESK
    assert "console" not in entries[0].to_json()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit SET console = 'Back office' WHERE id = 3",  # renamed
        "UPDATE audit SET console = '' WHERE id = 3",  # blanked
        "UPDATE audit SET console = 'Back office' WHERE id = 2",  # named where none was
    ],
)
def test_changing_the_console_breaks_the_chain(backend: Store, statement: str) -> None:
    backend.write_now(
        lambda r: [r.staff.append_audit(_record(n, DESK if n % 2 else "")) for n in range(1, 5)]
    )
    _tamper(backend, statement)
    report = _audit_report(backend)
    assert report.broken is not None
    assert report.broken.entry_id in (2, 3)
    assert "changed after it was recorded" in report.describe()


def test_erasure_may_not_change_the_console_either(backend: Store) -> None:
    backend.write_now(lambda r: r.staff.append_audit(_record(1, DESK)))
    with pytest.raises(Exception, match="append-only"):
        _guarded(
            backend,
            """UPDATE audit SET fields = '{"redacted": true}', console = 'x' WHERE id = 1""",
        )
    _guarded(backend, """UPDATE audit SET fields = '{"redacted": true}' WHERE id = 1""")
    (entry,) = backend.read_now(lambda r: r.staff.audit_entries(AuditQuery()))
    assert entry.console == DESK


def test_the_csv_has_the_console_as_its_last_column(backend: Store) -> None:
    backend.write_now(
        lambda r: [r.staff.append_audit(_record(n, DESK if n == 1 else "")) for n in (1, 2)]
    )
    entries = backend.read_now(lambda r: r.staff.audit_entries(AuditQuery()))
    rows = list(csv.reader(io.StringIO(entries_csv(entries))))
    assert rows[0][-1] == "console" and rows[0][:-1] == [
        "at",
        "actor",
        "role",
        "action",
        "entity",
        "entity_id",
        "fields",
        "detail",
    ]
    assert [row[-1] for row in rows[1:]] == ["", DESK]


# --- a trail chained before the column existed ------------------------------------------


def _old_rows(count: int) -> list[dict[str, Any]]:
    """Audit rows as the app before 0018/0011 chained them (no console)."""
    rows, prev = [], ""
    for n in range(1, count + 1):
        values = {
            "at": (T0 + dt.timedelta(seconds=n)).isoformat(timespec="microseconds"),
            "actor": "Grace",
            "actor_role": "admin",
            "action": "update",
            "entity": "customer",
            "entity_id": str(n),
            "detail": "",
        }
        fields = json.dumps({"notes": [str(n), f"{n} 茶"]}, ensure_ascii=False)
        fields_digest = audit_chain.digest(fields)
        row_hash = audit_chain.audit_hash(n, **values, fields_digest=fields_digest, prev_hash=prev)
        rows.append(
            {
                "id": n,
                **values,
                "fields": fields,
                "fields_digest": fields_digest,
                "prev_hash": prev,
                "hash": row_hash,
            }
        )
        prev = row_hash
    return rows


def test_an_older_sqlite_trail_verifies_after_the_migration(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    old = sqlite_utils.Database(conn)
    schema.migrations.apply(old, stop_before="0018_audit_console")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {len(schema.migrations.applied(old))}")
    rows = _old_rows(3)
    for row in rows:
        names = ", ".join(row)
        conn.execute(
            f"INSERT INTO audit ({names}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
    conn.execute(
        "INSERT INTO chain_heads (name, last_id, last_hash, entries) VALUES ('audit', 3, ?, 3)",
        [rows[-1]["hash"]],
    )
    conn.close()
    with DatabaseRunner(db_path) as runner:
        assert "0018_audit_console" in [m.name for m in runner.call(schema.migrations.applied)]
        assert all(r.intact for r in _reports(runner))
        runner.write_now(lambda r: r.staff.append_audit(_record(4, DESK)))
        assert _audit_report(runner).intact
        assert _audit_report(runner).entries == 4


def test_an_older_postgres_trail_verifies_after_the_migration(pg_cluster_dsn: str) -> None:
    from console.storage.postgres import schema as pg_schema
    from console.storage.postgres.store import PostgresStore, create_database

    name = "sc_audit_console_migration"
    create_database(pg_cluster_dsn, name)
    dsn = pg_cluster_dsn.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(dsn, autocommit=True) as conn:
        pg_schema.applied(conn)
        for step, fn in pg_schema.STEPS:
            if step == "0011_audit_console":
                break
            with conn.transaction():
                fn(conn)
                conn.execute("INSERT INTO schema_migrations (name) VALUES (%s)", [step])
        rows = _old_rows(3)
        for row in rows:
            names = ", ".join(row)
            conn.execute(
                f"INSERT INTO audit ({names}) VALUES ({', '.join(['%s'] * len(row))})",
                list(row.values()),
            )
        conn.execute(
            "UPDATE chain_heads SET last_id = 3, last_hash = %s, entries = 3 WHERE name = 'audit'",
            [rows[-1]["hash"]],
        )
    store = PostgresStore(dsn, max_connections=1)
    store.open()
    try:
        assert all(r.intact for r in _reports(store))
        store.write_now(lambda r: r.staff.append_audit(_record(4, DESK)))
        report = _audit_report(store)
        assert report.intact and report.entries == 4
    finally:
        store.close()


# --- through the console server ---------------------------------------------------------


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out=out), out.getvalue()


def test_the_server_records_which_console_acted(
    server: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add_team_staff(server.store, server.clock)
    front = server.console(DESK)
    front.sign_in("Tom", AGENT_PIN)
    complaints = cast(ComplaintService, RemoteService(front, "complaints"))
    made = asyncio.run(complaints.create(_complaint()))
    front.sign_out()

    entries = server.store.read_now(lambda r: r.staff.audit_entries(AuditQuery(), limit=None))
    by_action = {(e.actor, e.action, e.entity): e for e in entries}
    assert by_action[("Tom", "sign_in", "staff")].console == DESK
    assert by_action[("Tom", "create", "complaint")].console == DESK
    assert by_action[("Tom", "create", "complaint")].entity_id == str(made)
    assert by_action[("Tom", "sign_out", "staff")].console == DESK
    assert next(e for e in entries if e.action == "enrol" and DESK in e.actor).console == DESK
    # Staff made on the server host (add_team_staff) name no console.
    assert by_action[("Mei", "create", "staff")].console == ""

    # Mei reads it on another console: the listing, the JSON and the CSV name the console.
    back = server.console("Back office")
    assert back.token
    monkeypatch.setenv(secrets.DEVICE_TOKEN_ENV, back.token)
    url = ("--server", server.url)

    def as_mei(*argv: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
        return _cli("audit", *url, "--as", "Mei", *argv)

    code, out = as_mei("--entity", "complaint")
    assert code == 0
    (line,) = [line for line in out.splitlines() if "\tTom\tcreate\t" in line]
    assert line.endswith(f"\t{DESK}")
    code, out = as_mei("--entity", "complaint", "--json")
    assert [e["console"] for e in json.loads(out) if e["action"] == "create"] == [DESK]
    code, out = as_mei("--entity", "complaint", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["console"] for r in rows if r["action"] == "create"] == [DESK]
    # Mei's own reading is audited from the console she read it on.
    entries = server.store.read_now(lambda r: r.staff.audit_entries(AuditQuery(actor="Mei")))
    assert any(e.action == "sign_in" and e.console == "Back office" for e in entries)

    code, out = _cli("audit", "verify", *url)
    assert code == 0 and out.startswith("audit trail intact: ")
    created = by_action[("Tom", "create", "complaint")].id
    _tamper(server.store, f"UPDATE audit SET console = 'Back office' WHERE id = {created}")
    code, out = _cli("audit", "verify", *url)
    assert code == 1
    assert f"#{created}" in out + capsys.readouterr().err


def test_revoking_a_console_is_recorded_from_the_admins_console(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    gone = server.console("Spare")
    admin = server.console("Back office")
    admin.sign_in("Mei", PIN)
    (spare,) = [c for c in admin.consoles() if c["name"] == "Spare"]
    admin.revoke(spare["id"])
    assert gone.token
    entries = server.store.read_now(lambda r: r.staff.audit_entries(AuditQuery(action="revoke")))
    assert [(e.actor, e.console, e.detail) for e in entries] == [("Mei", "Back office", "Spare")]

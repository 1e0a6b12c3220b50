"""Backups while the app writes, checked restores, the schedule, and the CLI."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import sys
import threading
from pathlib import Path

import pytest
import sqlite_utils

from console import cli
from console.services.backup import BackupService
from console.services.settings import BACKUP_EVERY_HOURS, BACKUP_KEEP, SettingsService
from console.storage.sqlite import schema
from console.storage.sqlite import staff as store
from console.storage.sqlite.backup import (
    BackupFailed,
    RestoreRefused,
    backup_to,
    check_backup,
    restore_into,
)
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import Clock, add_customer, run, search_names


def names(path: Path) -> list[str]:
    with DatabaseRunner(path) as r:
        return r.call(lambda db: [row[0] for row in db.execute("SELECT name FROM customers")])


def test_backup_and_restore_round_trip(tmp_path: Path, runner: DatabaseRunner) -> None:
    add_customer(runner, "张伟", phones=["+8613812345678"])
    add_customer(runner, "Zoë O'Brien")
    info = runner.call(backup_to, tmp_path / "b" / "copy.db")
    assert (info.customers, info.schema_version) == (2, schema.known_version())
    assert check_backup(info.path).customers == 2
    add_customer(runner, "Later Customer")
    runner.close()

    live = runner.path
    restore_into(info.path, live, tmp_path / "b" / "before.db")
    assert sorted(names(live)) == sorted(["张伟", "Zoë O'Brien"])
    assert "Later Customer" in names(tmp_path / "b" / "before.db")  # nothing is lost
    with DatabaseRunner(live) as r:
        assert search_names(r, "伟") == ["张伟"]  # the search index came back too
        assert search_names(r, "5678") == ["张伟"]


def test_backups_under_concurrent_writes_are_consistent(
    tmp_path: Path, runner: DatabaseRunner
) -> None:
    add_customer(runner, "Seed")
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        conn = sqlite3.connect(str(runner.path), isolation_level=None, timeout=10)
        try:
            n = 0
            while not stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "INSERT INTO customers (name, created_at, updated_at) VALUES (?, ?, ?)",
                    [f"Writer {n}", "2026-11-28T10:00:00", "2026-11-28T10:00:00"],
                )
                conn.execute("COMMIT")
                n += 1
                written.append(n)
        finally:
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        counts = []
        for i in range(5):
            info = runner.call(backup_to, tmp_path / f"b{i}.db")
            counts.append(check_backup(info.path).customers)
    finally:
        stop.set()
        thread.join()
    assert written, "the writer never got to write"
    assert counts == sorted(counts)  # each snapshot is at least as new as the one before
    assert all(1 <= c <= 1 + len(written) for c in counts)

    # Restore the last snapshot: exactly the rows it held, in order, without gaps.
    runner.close()
    restore_into(tmp_path / "b4.db", runner.path, tmp_path / "before.db")
    restored = names(runner.path)
    assert restored == ["Seed"] + [f"Writer {n}" for n in range(len(restored) - 1)]


def write_bytes_of(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


@pytest.mark.parametrize("kind", ["text", "truncated", "foreign", "newer", "missing"])
def test_unsound_backups_are_refused_and_nothing_changes(
    tmp_path: Path, runner: DatabaseRunner, kind: str
) -> None:
    add_customer(runner, "Keep Me")
    good = runner.call(backup_to, tmp_path / "good.db").path
    runner.close()
    bad = tmp_path / f"{kind}.db"
    if kind == "text":
        bad.write_text("name,phone\nYu,123\n", encoding="utf-8")
    elif kind == "truncated":
        bad.write_bytes(good.read_bytes()[: 4096 + 100])
    elif kind == "foreign":
        other = sqlite_utils.Database(bad)
        other["songs"].insert({"title": "x"})
        other.close()
    elif kind == "newer":
        bad.write_bytes(good.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {schema.known_version() + 3}")
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('service_console', '9999_future', '2030-01-01')"
        )
        conn.commit()
        conn.close()
    before = write_bytes_of(runner.path)
    with pytest.raises(RestoreRefused):
        restore_into(bad, runner.path, tmp_path / "safety.db")
    assert write_bytes_of(runner.path) == before
    assert not (tmp_path / "safety.db").exists()


def test_a_backup_from_an_older_version_is_migrated_on_restore(
    tmp_path: Path, db_path: Path
) -> None:
    old_path = tmp_path / "old.db"
    conn = sqlite3.connect(old_path, isolation_level=None)
    old = sqlite_utils.Database(conn)
    schema.migrations.apply(old, stop_before="0003_phrasebooks")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO customers (name, created_at, updated_at) "
        "VALUES ('Old Friend', '2020-01-01T00:00:00', '2020-01-01T00:00:00')"
    )
    conn.close()
    restore_into(old_path, db_path, tmp_path / "safety.db")
    with DatabaseRunner(db_path) as r:
        version = r.call(lambda db: db.execute("PRAGMA user_version").fetchone()[0])
        assert version == schema.known_version()
        assert "phrasebooks" in r.call(lambda db: db.table_names())
    assert names(db_path) == ["Old Friend"]


def test_backup_to_an_unwritable_place_fails_clearly(
    tmp_path: Path, runner: DatabaseRunner
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(BackupFailed, match=r"could not be written"):
        runner.call(backup_to, blocker / "sub" / "b.db")


# --- schedule -------------------------------------------------------------------------


def test_scheduled_backups_run_when_due_and_old_ones_are_pruned(
    runner: DatabaseRunner, settings: SettingsService
) -> None:
    clock = Clock(dt.datetime(2026, 11, 28, 9, 0))
    service = BackupService(runner, settings, clock=clock, files=runner.files)
    run(settings.set(BACKUP_KEEP, 3))
    assert run(service.backup_if_due()) is not None  # none yet
    clock.advance(dt.timedelta(hours=23))
    assert run(service.backup_if_due()) is None  # not due yet
    for _ in range(4):
        clock.advance(dt.timedelta(hours=24))
        assert run(service.backup_if_due()) is not None
    manual = run(service.backup_now())
    kept = [p.name for p in run(service.backups())]
    assert len(kept) == 4 and manual.path.name in kept  # 3 scheduled + the manual one
    assert [name for name in kept if name != manual.path.name] == [
        "console-20261203-080000.db",
        "console-20261202-080000.db",
        "console-20261201-080000.db",
    ]
    assert all(p.parent == runner.path.parent / "backups" for p in run(service.backups()))


def test_scheduled_backups_can_be_turned_off(
    runner: DatabaseRunner, settings: SettingsService
) -> None:
    run(settings.set(BACKUP_EVERY_HOURS, 0))
    assert run(BackupService(runner, settings, files=runner.files).backup_if_due()) is None
    with pytest.raises(ValueError, match="from 0 to 720"):  # 0 turns them off
        run(settings.set(BACKUP_EVERY_HOURS, -1))


# --- command line ---------------------------------------------------------------------


def main(*argv: str, stdin: str = "") -> tuple[int, str]:
    real = sys.stdin
    sys.stdin = io.StringIO(stdin)
    out = io.StringIO()
    try:
        return cli.main(list(argv), out=out), out.getvalue()
    finally:
        sys.stdin = real


def test_cli_backup_and_restore(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with DatabaseRunner(db_path) as r:
        add_customer(r, "Yu Hua")
    as_grace = ("--as", "Grace")
    assert main("staff", "add", "--db", str(db_path), "--name", "Grace", "--role", "admin",
                stdin="7391\n")[0] == 0  # fmt: skip
    code, out = main(
        "backup", "--db", str(db_path), *as_grace, "-o", str(tmp_path / "copy.db"), stdin="7391\n"
    )
    assert code == 0 and "backed up 1 customers" in out
    code, out = main("restore", "--db", str(db_path), *as_grace, str(tmp_path / "copy.db"))
    assert code == 2 and "add --yes" in capsys.readouterr().err
    code, out = main(
        "restore", "--db", str(db_path), *as_grace, str(tmp_path / "copy.db"), "--yes",
        stdin="7391\n",
    )  # fmt: skip
    assert code == 0 and "the previous database was saved to" in out
    (tmp_path / "junk.db").write_text("junk", encoding="utf-8")
    code, _ = main(
        "restore", "--db", str(db_path), *as_grace, str(tmp_path / "junk.db"), "--yes",
        stdin="7391\n",
    )  # fmt: skip
    assert code == 1 and "not an SQLite file" in capsys.readouterr().err
    code, out = main("backup", "--db", str(db_path), *as_grace, stdin="7391\n")
    assert code == 0
    assert len(list((tmp_path / "backups").glob("console-*-manual.db"))) == 1
    with DatabaseRunner(db_path) as r:
        done = [(e.action, e.actor, e.fields) for e in r.call(store.query_audit, entity="database")]
    # Newest first: the backup after the restore and the restore (recorded in the restored
    # database); the first backup's entry is in the database saved before the restore.
    assert [(action, actor) for action, actor, _ in done] == [
        ("backup", "Grace"),
        ("restore", "Grace"),
    ]
    assert done[1][2] == {"customers": 1, "file": "copy.db"}
    assert done[0][2]["customers"] == 1 and done[0][2]["file"].endswith("-manual.db")

"""Opening the database: pragmas, migrations, and refusing what is not ours to touch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from console.storage.sqlite import database, schema
from console.storage.sqlite.database import (
    NetworkPathError,
    NewerDatabaseError,
    NotADatabaseError,
    StorageError,
    is_network_path,
)
from console.storage.sqlite.runner import DatabaseRunner
from console.storage.sqlite.transactions import write_transaction

EXPECTED_TABLES = {
    "customers",
    "phones",
    "important_dates",
    "visits",
    "purchases",
    "purchase_items",
    "rewards_redeemed",
    "settings",
    "search_terms",
    "search_docs",
    "search_docs_fts",
}


def _pragma(runner: DatabaseRunner, name: str) -> object:
    return runner.call(lambda db: db.execute(f"PRAGMA {name}").fetchone()[0])


def _snapshot(directory: Path) -> dict[str, bytes]:
    """Every file in *directory* with its bytes (catches new -wal/-journal files too)."""
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def _make_newer(path: Path) -> None:
    """A Service Console database as a future version would leave it."""
    db = database.connect(path)
    db.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.known_version() + 5}")
    conn.commit()
    conn.close()


# --- pragmas -------------------------------------------------------------------------


def test_pragmas_are_set_on_every_connection(runner: DatabaseRunner) -> None:
    assert str(_pragma(runner, "journal_mode")).lower() == "wal"
    assert _pragma(runner, "synchronous") == 2  # FULL
    assert _pragma(runner, "foreign_keys") == 1
    assert int(str(_pragma(runner, "busy_timeout"))) >= 5000
    assert _pragma(runner, "secure_delete") == 1


def test_pragmas_are_set_again_after_reopening(db_path: Path) -> None:
    with DatabaseRunner(db_path):
        pass
    with DatabaseRunner(db_path) as again:
        assert str(_pragma(again, "journal_mode")).lower() == "wal"
        assert _pragma(again, "synchronous") == 2
        assert _pragma(again, "foreign_keys") == 1
        assert _pragma(again, "secure_delete") == 1


def test_foreign_keys_are_enforced(runner: DatabaseRunner) -> None:
    def orphan_phone(db: sqlite_utils.Database) -> None:
        db.execute("INSERT INTO phones (customer_id, e164) VALUES (999, '+8613812345678')")

    with pytest.raises(sqlite3.IntegrityError):
        runner.call(orphan_phone)


# --- migrations ----------------------------------------------------------------------


def test_migrations_from_empty_create_every_table(runner: DatabaseRunner) -> None:
    tables = set(runner.call(lambda db: db.table_names()))
    assert tables >= EXPECTED_TABLES
    assert _pragma(runner, "user_version") == schema.known_version()
    assert _pragma(runner, "application_id") == schema.APPLICATION_ID
    applied = runner.call(lambda db: [m.name for m in schema.migrations.applied(db)])
    assert applied == list(schema.MIGRATION_NAMES)


def test_reopening_is_idempotent(db_path: Path) -> None:
    def facts(db: sqlite_utils.Database) -> tuple[object, ...]:
        return (
            db.execute("PRAGMA user_version").fetchone()[0],
            db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0],
            tuple(
                db.execute(
                    "SELECT type, name, sql FROM sqlite_master "
                    "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name"  # PRAGMA optimize's
                ).fetchall()
            ),
        )

    with DatabaseRunner(db_path) as first:
        first.call(
            lambda db: db.execute(
                "INSERT INTO settings (key, value) VALUES ('store_name', '\"Jing''an\"')"
            )
        )
        before = first.call(facts)
    for _ in range(2):
        with DatabaseRunner(db_path) as again:
            assert again.call(facts) == before
            assert again.call(lambda db: db.execute("SELECT value FROM settings").fetchall()) == [
                ('"Jing\'an"',)
            ]


def test_database_of_an_earlier_version_is_migrated(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    old = sqlite_utils.Database(conn)
    schema.migrations.apply(old, stop_before="0002_search")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO customers (name, created_at, updated_at) "
        "VALUES ('Old Friend', '2020-01-01T00:00:00', '2020-01-01T00:00:00')"
    )
    assert "search_terms" not in old.table_names()
    conn.close()

    with DatabaseRunner(db_path) as r:
        assert set(r.call(lambda db: db.table_names())) >= EXPECTED_TABLES
        assert _pragma(r, "user_version") == schema.known_version()
        names = r.call(lambda db: [row[0] for row in db.execute("SELECT name FROM customers")])
        assert names == ["Old Friend"]


# --- refusing what is not ours ---------------------------------------------------------


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    _make_newer(path)
    before = _snapshot(tmp_path)
    with pytest.raises(NewerDatabaseError) as info:
        database.connect(path)
    assert "newer version" in str(info.value)
    assert _snapshot(tmp_path) == before


def test_newer_database_is_refused_through_the_runner(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    _make_newer(path)
    before = _snapshot(tmp_path)
    r = DatabaseRunner(path)
    with pytest.raises(NewerDatabaseError):
        r.open()
    r.close()
    assert _snapshot(tmp_path) == before


def test_newer_database_in_rollback_journal_mode_is_left_untouched(tmp_path: Path) -> None:
    """A future version (or a backup tool) may leave the file in rollback-journal mode;
    refusing it must not rewrite its header to WAL."""
    path = tmp_path / "newer.db"
    _make_newer(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(NewerDatabaseError):
        database.connect(path)
    assert _snapshot(tmp_path) == before


def test_database_with_unknown_migration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    db = database.connect(path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES (?, '9999_from_the_future', '2030-01-01')",
        [schema.MIGRATION_SET],
    )
    db.close()
    before = _snapshot(tmp_path)
    with pytest.raises(NewerDatabaseError):
        database.connect(path)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "content",
    [
        b"name,phones\nZhang Wei,13812345678\n",
        "客户名单\n张伟\n".encode(),
        bytes(range(256)) * 8,
        b"SQLite format 2\x00" + b"\x00" * 100,
    ],
    ids=["csv-text", "chinese-text", "random-bytes", "almost-sqlite"],
)
def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "customers.db"
    path.write_bytes(content)
    before = _snapshot(tmp_path)
    with pytest.raises(NotADatabaseError) as info:
        database.connect(path)
    assert str(path) in str(info.value)
    assert _snapshot(tmp_path) == before


def test_damaged_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    before = _snapshot(tmp_path)
    with pytest.raises(StorageError):
        database.connect(path)
    assert _snapshot(tmp_path) == before


def test_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other-app.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('do not touch')")
    conn.commit()
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(NotADatabaseError) as info:
        database.connect(path)
    assert "another program" in str(info.value)
    assert _snapshot(tmp_path) == before


def test_sqlite_file_with_foreign_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other-app.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE customers (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotADatabaseError):
        database.connect(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(NotADatabaseError) as info:
        database.connect(folder)
    assert "folder" in str(info.value)
    assert list(folder.iterdir()) == []


def test_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    db = database.connect(path)
    assert "customers" in db.table_names()
    db.close()


def test_missing_parent_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "console.db"
    db = database.connect(path)
    db.close()
    assert path.is_file()


# --- network paths ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["//server/share/x.db", "\\\\server\\share\\x.db", "//nas.local/data/console.db"]
)
def test_network_paths_are_detected(text: str) -> None:
    assert is_network_path(Path(text)) is True


@pytest.mark.parametrize(
    "text", ["//server/share/x.db", "\\\\server\\share\\x.db"], ids=["slashes", "backslashes"]
)
def test_network_paths_are_refused(text: str, tmp_path: Path) -> None:
    with pytest.raises(NetworkPathError) as info:
        database.connect(Path(text))
    assert "network" in str(info.value)


def test_local_paths_are_not_network_paths(tmp_path: Path) -> None:
    assert is_network_path(tmp_path / "x.db") is False
    assert is_network_path(tmp_path / "not" / "yet" / "there.db") is False


def test_network_filesystem_mount_is_detected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        database,
        "_mount_fstype",
        lambda path: "cifs" if str(path).startswith(str(tmp_path)) else "ext4",
    )
    assert is_network_path(tmp_path / "x.db") is True
    with pytest.raises(NetworkPathError):
        database.connect(tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


# --- write transactions --------------------------------------------------------------


def test_write_transaction_rolls_back_on_error(db_path: Path) -> None:
    db = database.connect(db_path)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), write_transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        raise Boom
    assert not db.conn.in_transaction
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0

    with write_transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES ('b', '2')")
    assert db.execute("SELECT key FROM settings").fetchall() == [("b",)]
    db.close()


def test_nested_write_transaction_rolls_back_only_the_inner_part(db_path: Path) -> None:
    db = database.connect(db_path)
    with write_transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES ('outer', '1')")
        with pytest.raises(KeyError), write_transaction(db):
            db.execute("INSERT INTO settings (key, value) VALUES ('inner', '2')")
            raise KeyError("x")
    assert db.execute("SELECT key FROM settings").fetchall() == [("outer",)]
    db.close()


def test_write_transaction_takes_the_write_lock_at_begin(db_path: Path) -> None:
    """BEGIN IMMEDIATE: another writer is locked out before the first write happens."""
    db = database.connect(db_path)
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with write_transaction(db):
            assert db.conn.in_transaction
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()
        db.close()


def test_runner_rejects_work_before_open(db_path: Path) -> None:
    r = DatabaseRunner(db_path)
    with pytest.raises(RuntimeError, match="not open"):
        r.call(lambda db: db.table_names())
    r.close()
    assert not db_path.exists()


def test_runner_run_works_from_an_event_loop(runner: DatabaseRunner) -> None:
    import asyncio

    async def main() -> int:
        return await runner.run(lambda db, n: n + db.execute("SELECT 1").fetchone()[0], 41)

    assert asyncio.run(main()) == 42

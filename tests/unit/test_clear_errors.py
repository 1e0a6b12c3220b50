"""One clear sentence, never a traceback: disk full, locked, damaged, truncated, wrong key;
housekeeping at close; the keychain key follows the database, not its path (issue 12)."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
import sqlite_utils

from console.storage.sqlite import backup as backup_store
from console.storage.sqlite import database, driver
from console.storage.sqlite.backup import BackupFailed, RestoreRefused, backup_to, check_backup
from console.storage.sqlite.database import (
    DamagedDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    TruncatedDatabaseError,
    WrongKeyError,
)
from console.storage.sqlite.driver import DbKey
from console.storage.sqlite.runner import DatabaseRunner
from console.wiring.desk import KeychainKeyed, choose_key, open_runner
from tests.memory_keyring import MemoryKeyring
from tests.unit.conftest import add_customer, add_manager, run_cli, search_names

CSV = "name,phones\nAda Lovelace,+44 20 7946 0958\nGrace Hopper,+1 212 555 0100\n"


@pytest.fixture(autouse=True)
def fresh_keychain() -> Iterator[MemoryKeyring]:
    old = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(old)


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def filled(path: Path, *, encrypted: bool, customers: int = 400) -> Path:
    """A database with enough rows to span many pages, closed and checkpointed."""
    runner = open_runner(path) if encrypted else DatabaseRunner(path)
    if not encrypted:
        runner.open()
    try:
        for i in range(customers):
            add_customer(runner, f"Customer {i:04d} " + "x" * 200, notes="n" * 300)
    finally:
        runner.close()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path


def open_again(path: Path) -> None:
    """Open and read every table, as a day's work would."""

    def read_all(db: sqlite_utils.Database) -> None:
        for table in db.table_names():
            db.execute(f'SELECT * FROM "{table}"').fetchall()

    with open_runner(path) as runner:
        runner.call(read_all)


# --- housekeeping at close ------------------------------------------------------------


def test_housekeeping_at_close_never_turns_a_committed_import_into_a_failure(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    real_execute = sqlite_utils.Database.execute

    def execute(self: sqlite_utils.Database, sql: str, *args: Any, **kwargs: Any) -> Any:
        if sql.strip().upper() == "PRAGMA OPTIMIZE":
            raise sqlite3.OperationalError("database or disk is full")
        return real_execute(self, sql, *args, **kwargs)

    monkeypatch.setattr(sqlite_utils.Database, "execute", execute)
    db = tmp_path / "c.db"
    csv_file = tmp_path / "c.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    code, out = run_cli("import", "customers", "--db", str(db), str(csv_file))
    assert code == 0, capsys.readouterr().err
    assert "imported 2 customers" in out
    assert "Traceback" not in capsys.readouterr().err
    assert "housekeeping at close failed" in caplog.text
    monkeypatch.undo()
    with open_runner(db) as runner:
        assert runner.call(lambda db: db["customers"].count) == 2  # once, not twice


# --- five situations told apart ---------------------------------------------------------


def test_a_full_disk_is_not_a_wrong_key(tmp_path: Path) -> None:
    """A real SQLITE_FULL: the database may not grow past its current size."""
    path = tmp_path / "c.db"
    with open_runner(path) as runner:
        runner.call(
            lambda db: db.execute(
                "PRAGMA max_page_count = " + str(db.execute("PRAGMA page_count").fetchone()[0])
            )
        )
        with pytest.raises(DiskFullError) as caught:
            for i in range(200):
                add_customer(runner, f"Filler {i} " + "y" * 2000)
    message = str(caught.value)
    assert "full" in message and "free some space" in message
    assert "key" not in message


def test_disk_full_from_the_os_is_explained_too(tmp_path: Path) -> None:
    import errno

    error = database.explain(OSError(errno.ENOSPC, "No space left on device"), tmp_path, None)
    assert isinstance(error, DiskFullError)


def test_a_full_disk_during_a_backup_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC at the lowest seam the backup owns: syncing the copy to disk."""
    import errno

    path = filled(tmp_path / "c.db", encrypted=False, customers=3)

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_store.os, "fsync", fsync)
    with DatabaseRunner(path) as runner, pytest.raises(BackupFailed) as caught:
        runner.call(backup_to, tmp_path / "backups" / "b.db")
    assert "is full" in str(caught.value) and "free some space" in str(caught.value)
    assert not list((tmp_path / "backups").glob("*"))  # no partial file left behind


def test_a_database_locked_by_another_program_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled(tmp_path / "c.db", encrypted=False, customers=2)
    add_manager(path)  # import needs a manager, added before the other program's lock
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process holding the write lock
        with DatabaseRunner(path) as runner, pytest.raises(DatabaseLockedError) as caught:
            add_customer(runner, "Blocked Writer")
        assert "another program" in str(caught.value)
        assert "close the other program" in str(caught.value)
        csv_file = tmp_path / "c.csv"
        csv_file.write_text(CSV, encoding="utf-8")
        code, _ = run_cli("import", "customers", "--db", str(path), str(csv_file))
        assert code == 1
        assert "another program" in one_sentence(capsys.readouterr().err)
    finally:
        other.rollback()
        other.close()


def _overwrite_middle(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(b"\xa5" * (size // 3))


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_damaged_file_says_restore_not_wrong_key(
    tmp_path: Path, encrypted: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled(tmp_path / "c.db", encrypted=encrypted)
    _overwrite_middle(path)
    with pytest.raises(DamagedDatabaseError) as caught:
        open_again(path)
    assert not isinstance(caught.value, TruncatedDatabaseError)
    message = str(caught.value)
    assert "damaged" in message and "service-console restore" in message
    assert "key" not in message
    code, _ = run_cli("search", "--db", str(path), "Customer")
    assert code == 1
    assert "damaged" in one_sentence(capsys.readouterr().err)


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
@pytest.mark.parametrize("at_page", [False, True], ids=["mid-page", "page-boundary"])
def test_a_truncated_copy_says_it_is_shorter_than_its_header(
    tmp_path: Path, encrypted: bool, at_page: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled(tmp_path / "c.db", encrypted=encrypted)
    cut = tmp_path / "copy.db"
    shutil.copy(path, cut)
    size = cut.stat().st_size
    keep = (size // 2) // 4096 * 4096 if at_page else size // 2 + 123
    with cut.open("r+b") as fh:
        fh.truncate(keep)
    with pytest.raises(TruncatedDatabaseError) as caught:
        open_again(cut)
    message = str(caught.value)
    assert "shorter than its header says" in message and "service-console restore" in message
    code, _ = run_cli("search", "--db", str(cut), "Customer")
    assert code == 1
    assert "shorter than its header" in one_sentence(capsys.readouterr().err)


def test_a_wrong_key_is_still_a_wrong_key(tmp_path: Path) -> None:
    path = filled(tmp_path / "c.db", encrypted=True, customers=2)
    with pytest.raises(WrongKeyError, match="does not open"):
        DatabaseRunner(path, DbKey(raw=bytes(range(32)))).open()
    with pytest.raises(WrongKeyError, match="does not open"):
        DatabaseRunner(path, DbKey(passphrase="not it")).open()


def test_a_damaged_backup_is_refused_in_one_sentence(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled(tmp_path / "c.db", encrypted=False)
    with DatabaseRunner(path) as runner:
        runner.call(backup_to, tmp_path / "b.db")
    backup = tmp_path / "b.db"
    _overwrite_middle(backup)
    caplog.set_level(logging.ERROR)
    with pytest.raises(RestoreRefused) as caught:
        check_backup(backup)
    assert "\n" not in str(caught.value) and "damaged" in str(caught.value)
    assert "details in the log" in str(caught.value)
    code, _ = run_cli("restore", "--db", str(path), str(backup))
    assert code == 1
    assert "damaged" in one_sentence(capsys.readouterr().err)


# --- the keychain key follows the database --------------------------------------------


def test_a_moved_or_copied_database_opens_on_the_same_computer(
    tmp_path: Path, fresh_keychain: MemoryKeyring
) -> None:
    path = tmp_path / "a" / "console.db"
    with open_runner(path) as runner:
        add_customer(runner, "Travelling Customer")
    users = [user for (_service, user) in fresh_keychain._store]
    assert users == [f"database-salt:{driver.file_salt(path)}"]  # not the path
    moved = tmp_path / "b" / "moved.db"
    moved.parent.mkdir()
    shutil.move(path, moved)
    with open_runner(moved) as runner:
        assert search_names(runner, "Travelling") == ["Travelling Customer"]
    copied = tmp_path / "copy.db"
    shutil.copy(moved, copied)
    with open_runner(copied) as runner:
        assert search_names(runner, "Travelling") == ["Travelling Customer"]


def test_a_path_keyed_entry_of_an_older_version_moves_to_the_salt(
    tmp_path: Path, fresh_keychain: MemoryKeyring
) -> None:
    path = tmp_path / "console.db"
    with open_runner(path) as runner:
        add_customer(runner, "Old Entry")
    ((service, user), value) = next(iter(fresh_keychain._store.items()))
    fresh_keychain._store = {(service, f"database:{path.resolve()}"): value}  # as before
    with open_runner(path) as runner:
        assert search_names(runner, "Old Entry") == ["Old Entry"]
    assert list(fresh_keychain._store) == [(service, user)]


def test_a_passphrase_on_a_keychain_database_is_refused_with_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "console.db"
    with open_runner(path) as runner:
        add_customer(runner, "Keychain Keyed")
    monkeypatch.setenv("SERVICE_CONSOLE_DB_PASSPHRASE", "some passphrase")
    with pytest.raises(KeychainKeyed) as caught:
        choose_key(path)
    assert "locked with this computer's keychain, not a passphrase" in str(caught.value)
    assert "unset SERVICE_CONSOLE_DB_PASSPHRASE" in str(caught.value)
    code, _ = run_cli("search", "--db", str(path), "Keychain")
    assert code == 1
    err = one_sentence(capsys.readouterr().err)
    assert "unset SERVICE_CONSOLE_DB_PASSPHRASE" in err and "does not open" not in err


@pytest.mark.parametrize("damage_at_open", [False, True], ids=["found-later", "found-at-open"])
@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_restore_over_a_damaged_database_keeps_it_aside_and_opens_after(
    tmp_path: Path, encrypted: bool, damage_at_open: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled(tmp_path / "c.db", encrypted=encrypted, customers=50)
    add_manager(path)  # backup and restore need a manager (in the backup too)
    code, _ = run_cli("backup", "--db", str(path), "-o", str(tmp_path / "good.db"))
    assert code == 0
    _overwrite_middle(path)
    if damage_at_open:
        with path.open("r+b") as fh:  # the schema page of a plain file, read at open
            fh.seek(4096 if not encrypted else 100)  # (encrypted: keep the salt)
            fh.write(b"\xa5" * 4096)
    code, out = run_cli("restore", "--db", str(path), str(tmp_path / "good.db"), "--yes")
    assert code == 0, capsys.readouterr().err
    assert "restored 50 customers" in out
    assert list((tmp_path / "backups").glob("damaged-*.db"))  # kept, never deleted
    open_again(path)  # the keychain key follows the fresh file
    code, _ = run_cli("search", "--db", str(path), "Customer 0001")
    assert code == 0


def test_a_backup_opens_on_its_own_with_the_keychain_key(
    tmp_path: Path, fresh_keychain: MemoryKeyring
) -> None:
    path = tmp_path / "console.db"
    with open_runner(path) as runner:
        add_customer(runner, "Backed Up")
        runner.call(backup_to, tmp_path / "backups" / "b.db")
    assert driver.file_salt(tmp_path / "backups" / "b.db") == driver.file_salt(path)
    elsewhere = tmp_path / "elsewhere.db"
    shutil.copy(tmp_path / "backups" / "b.db", elsewhere)
    with open_runner(elsewhere) as runner:
        assert search_names(runner, "Backed") == ["Backed Up"]
    assert len(fresh_keychain._store) == 1  # one entry serves the database and its copies

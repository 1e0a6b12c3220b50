"""Backups with SQLite's online backup API, and restores that check before they replace.

* A backup copies one consistent snapshot of the live database while the app keeps
  working (WAL: readers do not block writers, and the snapshot is taken in one step so
  concurrent writes neither corrupt nor restart it). The copy is written beside its final
  name, checked with ``PRAGMA integrity_check``, synced and only then renamed into place.
* A restore opens the backup read-only and checks it (SQLite header, integrity check,
  Service Console application id, not newer than this app) before anything is replaced;
  the current database is first saved beside the backups, so a restore loses nothing.
  Pages are copied into the live database with the backup API under its write lock, then
  the schema is migrated if the backup came from an older version.
* Backups are opened with the same connection factory as the live database, so an
  encrypted database gives encrypted backups.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from console.storage import driver, files, schema
from console.storage.database import NotADatabaseError, StorageError, connect
from console.storage.driver import DbKey


class BackupFailed(StorageError):
    pass


class RestoreRefused(StorageError):
    """The file offered for restore is not a sound Service Console backup."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    size: int
    customers: int
    schema_version: int


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _count_customers(conn: Any) -> int:
    try:
        return int(conn.execute("SELECT count(*) FROM customers").fetchone()[0])
    except driver.Error:
        return 0


def backup_database(source: Path | str, key: DbKey | None, target: Path | str) -> BackupInfo:
    """Back up the database file *source* through a connection of its own, so the app's
    database thread keeps serving the window while a large file is copied."""
    conn = driver.connect_raw(source, key)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        return _backup_connection(conn, key, target)
    finally:
        conn.close()


def backup_to(db: sqlite_utils.Database, target: Path | str) -> BackupInfo:
    """Write a checked copy of *db* to *target* (replaced atomically if it exists)."""
    return _backup_connection(db.conn, driver.key_of(db.conn), target)


def _backup_connection(source: Any, key: DbKey | None, target: Path | str) -> BackupInfo:
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        files.private_folder(target.parent)  # 0700 when it is new: backups hold customers
        partial.unlink(missing_ok=True)
        dest = driver.connect_raw(partial, key)  # an encrypted database stays encrypted
        try:
            source.backup(dest)  # pages=-1: one consistent snapshot in one step
            dest.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
            result = dest.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise BackupFailed(f"the backup copy failed its integrity check: {result}")
            customers = _count_customers(dest)
            version = int(dest.execute("PRAGMA user_version").fetchone()[0])
        finally:
            dest.close()
        files.make_private(partial)  # 0600 whatever the umask (SQLite created it)
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except driver.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupFailed(f"the backup to {target} failed: {exc}") from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupFailed(f"the backup to {target} could not be written: {exc}") from None
    return BackupInfo(target, target.stat().st_size, customers, version)


def check_backup(path: Path | str, key: DbKey | None = None) -> BackupInfo:
    """Open *path* read-only (with *key* when encrypted) and make sure it is a sound
    Service Console database."""
    path = Path(path)
    if not path.is_file():
        raise RestoreRefused(f"{path} is not a file")
    if key is None and not driver.is_plain_sqlite(path):
        raise RestoreRefused(
            f"{path} is not a Service Console backup (not an SQLite file), or it is "
            "encrypted with a key this database does not have; nothing changed"
        )
    try:
        conn = driver.connect_raw(
            path, key if not driver.is_plain_sqlite(path) else None, readonly=True
        )
    except driver.WrongKey:
        raise RestoreRefused(
            f"{path} is encrypted with another key (or is not a backup); nothing changed"
        ) from None
    except driver.Error as exc:
        raise RestoreRefused(f"{path} could not be opened: {exc}") from None
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise RestoreRefused(f"{path} is damaged (integrity check: {result}); nothing changed")
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        if app_id != schema.APPLICATION_ID:
            raise RestoreRefused(f"{path} is not a Service Console backup; nothing changed")
        schema.check_not_newer(conn)
        return BackupInfo(
            path,
            path.stat().st_size,
            _count_customers(conn),
            int(conn.execute("PRAGMA user_version").fetchone()[0]),
        )
    except driver.DatabaseError as exc:
        raise RestoreRefused(f"{path} is damaged or not a database: {exc}") from None
    except schema.SchemaTooNew as exc:
        raise RestoreRefused(
            f"{path} was written by a newer version of Service Console (schema {exc.found}); "
            "update the app first — nothing changed"
        ) from None
    except schema.ForeignDatabase:
        raise RestoreRefused(f"{path} belongs to another program; nothing changed") from None
    finally:
        conn.close()


def restore_into(
    backup: Path | str, live: Path | str, safety_copy: Path | str, key: DbKey | None = None
) -> BackupInfo:
    """Replace the database at *live* with *backup*, after checking it.

    *key* opens the live database (and the backup, which was made with the same key).
    The current database is first backed up to *safety_copy* (when it exists), so the
    restore can be undone. A plain backup restores into a plain database only.
    """
    info = check_backup(backup, key)
    backup_plain = driver.is_plain_sqlite(Path(backup))
    if backup_plain != (key is None):
        raise RestoreRefused(
            f"{backup} is {'plain' if backup_plain else 'encrypted'} but the database is "
            f"{'encrypted' if key is not None else 'plain'}; nothing changed"
        )
    live = Path(live)
    if live.exists() and live.stat().st_size > 0:
        current = connect(live, key)
        try:
            backup_to(current, safety_copy)
        finally:
            current.close()
    src = driver.connect_raw(backup, key, readonly=True)
    try:
        dest = connect(live, key)
        try:
            src.backup(dest.conn)
        except driver.Error as exc:
            raise StorageError(f"the restore into {live} failed: {exc}") from None
        finally:
            dest.close()
    finally:
        src.close()
    # Reopen through the factory: checks, pragmas, and migrations for an older backup.
    reopened = connect(live, key)
    try:
        result = reopened.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise NotADatabaseError(f"{live} failed its integrity check after restore: {result}")
    finally:
        reopened.close()
    return info


def backup_name(now: dt.datetime, reason: str = "") -> str:
    """``console-20261128-093000.db`` (plus ``-reason`` for a manual or pre-restore one)."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return f"console-{stamp}{'-' + reason if reason else ''}.db"

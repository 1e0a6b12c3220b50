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
import dataclasses
import errno
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from console import files
from console.domain import messages as m
from console.repositories import database_files as api
from console.repositories.database_files import BackupInfo
from console.storage.sqlite import driver, privacy, schema
from console.storage.sqlite.database import (
    DamagedDatabaseError,
    NotADatabaseError,
    StorageError,
    connect,
)
from console.storage.sqlite.driver import DbKey

log = logging.getLogger(__name__)


class BackupFailed(StorageError, api.BackupFailed):
    pass


class SourceDamaged(BackupFailed):
    """The database being copied is damaged: its copy does not check out."""


class RestoreRefused(StorageError, api.RestoreRefused):
    """The file offered for restore is not a sound Service Console backup."""


__all__ = ["BackupInfo", "SqliteDatabaseFiles"]


class SqliteDatabaseFiles:
    """The desk database's file at *path* (opened with *key*): implements
    :class:`console.repositories.database_files.DatabaseFiles`."""

    def __init__(self, path: Path | str, key: DbKey | None) -> None:
        self._path = Path(path)
        self._key = key

    @property
    def path(self) -> Path:
        return self._path

    def backup(self, target: Path) -> BackupInfo:
        return backup_database(self._path, self._key, target)

    def check(self, backup: Path) -> BackupInfo:
        return check_backup(backup, self._key)

    def restore(self, backup: Path, safety_copy: Path) -> BackupInfo:
        return restore_into(backup, self._path, safety_copy, self._key)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _sound(conn: Any, path: Path | str) -> bool:
    """Run ``PRAGMA integrity_check``; the (possibly long) findings go to the log only."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if rows == ["ok"]:
        return True
    log.error("integrity check of %s found %d problem(s):\n%s", path, len(rows), "\n".join(rows))
    return False


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
    if target.exists() and not target.is_file():
        raise BackupFailed(m.BackupTargetNotAFile(str(target)))
    try:
        files.private_folder(target.parent)  # 0700 when it is new: backups hold customers
        partial.unlink(missing_ok=True)
        # An encrypted database stays encrypted, with the same key and salt.
        dest = driver.connect_raw(partial, driver.copy_key(source, key))
        try:
            source.backup(dest)  # pages=-1: one consistent snapshot in one step
            dest.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
            if not _sound(dest, partial):
                raise SourceDamaged(m.BackupCopyUnsound(str(target)))
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
        log.warning("backup to %s failed: %s", target, exc)
        if driver.error_code(exc) == driver.SQLITE_FULL:
            raise BackupFailed(m.BackupDiskFull(str(target.parent))) from None
        if driver.error_code(exc) in (driver.SQLITE_CORRUPT, driver.SQLITE_NOTADB):
            raise SourceDamaged(m.BackupSourceDamaged(str(target))) from None
        raise BackupFailed(m.BackupFailedBecause(str(target), str(exc))) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise BackupFailed(m.BackupDiskFull(str(target.parent))) from None
        raise BackupFailed(m.BackupNotWritten(str(target), str(exc.strerror or exc))) from None
    return BackupInfo(target, target.stat().st_size, customers, version)


def check_backup(path: Path | str, key: DbKey | None = None) -> BackupInfo:
    """Open *path* read-only (with *key* when encrypted) and make sure it is a sound
    Service Console database."""
    path = Path(path)
    if not path.is_file():
        raise RestoreRefused(m.RestoreNotAFile(str(path)))
    if key is None and not driver.is_plain_sqlite(path):
        raise RestoreRefused(m.RestoreNotSqliteOrKey(str(path)))
    try:
        conn = driver.connect_raw(
            path, key if not driver.is_plain_sqlite(path) else None, readonly=True
        )
    except driver.WrongKey:
        raise RestoreRefused(m.RestoreOtherKey(str(path))) from None
    except driver.Error as exc:
        log.warning("backup %s could not be opened: %s", path, exc)
        if driver.error_code(exc) == driver.SQLITE_CORRUPT:
            raise RestoreRefused(m.RestoreCutShort(str(path))) from None
        raise RestoreRefused(m.RestoreNotOpened(str(path), str(exc))) from None
    try:
        if not _sound(conn, path):
            raise RestoreRefused(m.RestoreDamaged(str(path)))
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        if app_id != schema.APPLICATION_ID:
            raise RestoreRefused(m.RestoreNotOurs(str(path)))
        schema.check_not_newer(conn)
        return BackupInfo(
            path,
            path.stat().st_size,
            _count_customers(conn),
            int(conn.execute("PRAGMA user_version").fetchone()[0]),
        )
    except driver.DatabaseError as exc:
        log.warning("backup %s failed its check: %s", path, exc)
        raise RestoreRefused(m.RestoreNotADatabase(str(path))) from None
    except schema.SchemaTooNew as exc:
        raise RestoreRefused(m.RestoreTooNew(str(path), exc.found)) from None
    except schema.ForeignDatabase:
        raise RestoreRefused(m.RestoreForeign(str(path))) from None
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
        refused = m.RestorePlainIntoEncrypted if backup_plain else m.RestoreEncryptedIntoPlain
        raise RestoreRefused(refused(str(backup)))
    live = Path(live)
    register = _known_erasures(Path(safety_copy).parent, key)
    if live.exists() and live.stat().st_size > 0:
        try:
            current = connect(live, key)
            try:
                register.update(privacy.erasure_register(current))
                backup_to(current, safety_copy)
            finally:
                current.close()
        except (DamagedDatabaseError, SourceDamaged):
            _set_aside(live, Path(safety_copy))
        except driver.DatabaseError as exc:  # damage met while reading the register
            if driver.error_code(exc) not in (driver.SQLITE_CORRUPT, driver.SQLITE_NOTADB):
                raise
            _set_aside(live, Path(safety_copy))
    src = driver.connect_raw(backup, key, readonly=True)
    try:
        dest = connect(live, key)
        try:
            src.backup(dest.conn)
        except driver.Error as exc:
            raise StorageError(m.RestoreFailed(str(live), str(exc))) from None
        finally:
            dest.close()
    finally:
        src.close()
    # Reopen through the factory: checks, pragmas, and migrations for an older backup.
    reopened = connect(live, key)
    try:
        if not _sound(reopened.conn, live):
            raise NotADatabaseError(m.RestoredUnsound(str(live)))
        # An erased customer stays erased: the register of the database being replaced
        # (and of the other backups) is applied to the restored copy.
        again = privacy.reapply_erasures(reopened, register)
    finally:
        reopened.close()
    return dataclasses.replace(info, erased_again=tuple(again))


def _set_aside(live: Path, safety_copy: Path) -> None:
    """What a restore is for: keep a damaged database aside (never delete it) under the
    safety copy's name, and restore into a fresh file."""
    aside = safety_copy.with_name("damaged-" + safety_copy.name)
    aside.parent.mkdir(parents=True, exist_ok=True)
    log.warning("%s is damaged; kept aside as %s before the restore", live, aside)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{live}{suffix}").exists():
            os.replace(f"{live}{suffix}", f"{aside}{suffix}")


def _known_erasures(folder: Path, key: DbKey | None) -> dict[int, str]:
    """The erasure registers of the backups in *folder* (best effort: a backup that does
    not open is skipped), so a restore over a damaged database still honours them."""
    register: dict[int, str] = {}
    if not folder.is_dir():
        return register
    for path in sorted(folder.glob("console-*.db")):
        try:
            conn = driver.connect_raw(
                path, None if driver.is_plain_sqlite(path) else key, readonly=True
            )
        except (driver.WrongKey, OSError):
            continue
        except driver.Error:
            continue
        try:
            rows = conn.execute("SELECT customer_id, erased_at FROM erasures").fetchall()
            register.update({int(cid): str(at) for cid, at in rows})
        except driver.Error:
            pass  # an older backup without a register
        finally:
            conn.close()
    return register


if TYPE_CHECKING:  # mypy checks that the desk's files implement the interface

    def _implements(path: Path, key: DbKey | None) -> api.DatabaseFiles:
        return SqliteDatabaseFiles(path, key)

"""The one place that opens SQLite connections.

Every connection gets the house pragmas (WAL, synchronous=FULL, foreign keys,
busy timeout, secure delete), has the schema migrated to the current version, and is
refused when it was written by a newer version of the app or is not a SQLite file at
all. The connection factory is kept small so that an encrypted (SQLCipher) or a
shared server connection can replace it without touching the rest of storage.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from console.domain import messages as msg
from console.repositories.errors import StoreError
from console.storage.sqlite import driver, schema
from console.storage.sqlite.driver import DbKey

log = logging.getLogger(__name__)

Db = sqlite_utils.Database  # the type services may name without importing sqlite_utils

BUSY_TIMEOUT_MS = 5000
NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "sshfs", "fuse.sshfs", "davfs", "ncpfs"}
)


class StorageError(StoreError):
    """A database problem explained in one sentence for the user."""


class NewerDatabaseError(StorageError):
    pass


class NotADatabaseError(StorageError):
    pass


class NetworkPathError(StorageError):
    pass


class WrongKeyError(StorageError):
    pass


class DiskFullError(StorageError):
    """The disk (or the database's size limit) is full: the change was not saved."""


class DatabaseLockedError(StorageError):
    """Another program held the database's write lock beyond the busy timeout."""


class DamagedDatabaseError(NotADatabaseError):
    """The file is a database whose pages do not check out."""


class TruncatedDatabaseError(DamagedDatabaseError):
    """The file is shorter than its header says (an interrupted copy or a full disk)."""


class KeyOrFirstPageError(DamagedDatabaseError, WrongKeyError):
    """The keychain's key (made for this file) does not open it: its first page is
    damaged, unless the key belongs to another database."""


RESTORE_HINT = str(msg.RestoreHint())


def disk_full(path: Path | str) -> DiskFullError:
    return DiskFullError(msg.DbDiskFull(str(path)))


def locked(path: Path | str) -> DatabaseLockedError:
    return DatabaseLockedError(msg.DbLocked(str(path), f"{BUSY_TIMEOUT_MS / 1000:g}"))


def damaged(path: Path | str) -> DamagedDatabaseError:
    return DamagedDatabaseError(msg.DbDamaged(str(path)))


def truncated(path: Path | str) -> TruncatedDatabaseError:
    return TruncatedDatabaseError(msg.DbTruncated(str(path)))


def wrong_key(path: Path | str) -> WrongKeyError:
    return WrongKeyError(msg.DbWrongKey(str(path)))


def explain(exc: BaseException, path: Path | str, key: DbKey | None) -> StorageError | None:
    """The one-sentence StorageError for a driver or OS error on the database at *path*:
    disk full, locked, damaged or truncated; None when it is none of those. The
    technical detail goes to the log."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            log.warning("disk full at %s: %s", path, exc)
            return disk_full(path)
        return None
    if not isinstance(exc, driver.Error):
        return None
    code = driver.error_code(exc)
    if code is None:
        return None
    log.warning("database error on %s: %s (code %s)", path, exc, code)
    if code == driver.SQLITE_FULL:
        return disk_full(path)
    if code in (driver.SQLITE_BUSY, driver.SQLITE_LOCKED):
        return locked(path)
    if code in (driver.SQLITE_CORRUPT, driver.SQLITE_NOTADB):
        if str(path) != ":memory:" and driver.header_promises_more(path, key):
            return truncated(path)
        return damaged(path)
    if code == driver.SQLITE_IOERR:
        return StorageError(msg.DbDiskError(str(path)))
    return None


def _mount_fstype(path: Path) -> str | None:
    """The filesystem type of the mount holding *path* (Linux /proc/mounts), if known."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (
            target == mount_point
            or target.startswith(mount_point.rstrip("/") + "/")
            or mount_point == "/"
        ) and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    return best[1] if best else None


def is_network_path(path: Path) -> bool:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    existing = path.resolve()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    fstype = _mount_fstype(existing)
    return fstype is not None and fstype.lower() in NETWORK_FILESYSTEMS


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
    if mode and str(mode[0]).lower() not in ("wal", "memory"):
        raise StorageError(msg.DbNoWal(str(mode[0])))
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache
    conn.execute("PRAGMA temp_store = MEMORY")


def connect(path: Path | str, key: DbKey | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at *path*.

    With *key* the file is an SQLCipher database (created encrypted when new); without,
    a plain SQLite file. Raises a StorageError subclass with a clear message for a network
    path, a file that is not a database, a wrong key, an unreadable file, or a database
    from a newer version. The key never appears in a message.
    """
    path = Path(path)
    if str(path) != ":memory:":
        if is_network_path(path):
            raise NetworkPathError(msg.DbNetworkPath(str(path)))
        if path.exists() and path.is_dir():
            raise NotADatabaseError(msg.DbIsFolder(str(path)))
        if path.exists() and not path.is_file():
            raise NotADatabaseError(msg.DbSpecialFile(str(path)))
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise StorageError(msg.DbNoAccess(str(path)))
        if key is None and path.exists() and not driver.is_plain_sqlite(path):
            if is_encrypted(path):
                raise NotADatabaseError(msg.DbEncryptedOrForeign(str(path)))
            raise NotADatabaseError(msg.DbNotSqlite(str(path)))
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = driver.connect_raw(path, key)
    except driver.WrongKey:
        if key is not None and key.raw is not None:  # a keychain key, found by the salt
            raise KeyOrFirstPageError(msg.DbKeyOrFirstPage(str(path))) from None
        raise wrong_key(path) from None
    except driver.Error as exc:
        raise explain(exc, path, key) or StorageError(
            msg.RestoreNotOpened(str(path), str(exc))
        ) from None
    try:
        # Look before writing anything: a refused file must stay byte-for-byte as it was.
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        schema.check_not_newer(conn)
        _apply_pragmas(conn)
        db = sqlite_utils.Database(conn)
        schema.migrate(db)
    except driver.DatabaseError as exc:
        conn.close()
        raise explain(exc, path, key) or StorageError(
            msg.RestoreNotOpened(str(path), str(exc))
        ) from None
    except schema.ForeignDatabase:
        conn.close()
        raise NotADatabaseError(msg.DbOtherProgram(str(path))) from None
    except schema.SchemaTooNew as exc:
        conn.close()
        raise NewerDatabaseError(msg.DbNewer(str(path), exc.found, exc.known)) from None
    except BaseException:
        conn.close()
        raise
    return db


def is_encrypted(path: Path) -> bool:
    """True when *path* may be an SQLCipher database: not a plain SQLite file, and made of
    whole pages (an encrypted file looks random, but its size is a multiple of the page
    size, at least 512 bytes; a text file or a truncated copy is not)."""
    if not path.is_file():
        return False
    size = path.stat().st_size
    return size > 0 and size % 512 == 0 and not driver.is_plain_sqlite(path)

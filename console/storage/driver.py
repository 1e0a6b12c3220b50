"""The SQLite drivers: the standard library for plain files, SQLCipher for encrypted ones.

An encrypted database is opened with ``sqlcipher3`` and keyed before anything else is
read. The key is either 32 random bytes (kept in the OS keychain; given to SQLCipher as a
raw key, no key derivation) or a passphrase (SQLCipher derives the key with PBKDF2 and the
salt in the file's first page). The key is set on the raw connection before sqlite-utils
wraps it, and it never appears in an exception message or a log line.

Both drivers raise their own exception classes; storage code catches the tuples below
(``except driver.IntegrityError``) so that it works on either.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_sqlcipher: Any
try:
    import sqlcipher3.dbapi2

    _sqlcipher = sqlcipher3.dbapi2
except ImportError:  # pragma: no cover - sqlcipher3 is a dependency; kept for clarity
    _sqlcipher = None

SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32


def _both(name: str) -> tuple[type[BaseException], ...]:
    classes: list[type[BaseException]] = [getattr(sqlite3, name)]
    if _sqlcipher is not None:
        classes.append(getattr(_sqlcipher, name))
    return tuple(classes)


Error = _both("Error")
DatabaseError = _both("DatabaseError")
IntegrityError = _both("IntegrityError")
OperationalError = _both("OperationalError")


@dataclass(frozen=True, slots=True, repr=False)
class DbKey:
    """How an encrypted database is opened: raw key bytes or a passphrase."""

    raw: bytes | None = None
    passphrase: str | None = None

    def __post_init__(self) -> None:
        if (self.raw is None) == (self.passphrase is None):
            raise ValueError("a database key is either raw bytes or a passphrase")
        if self.raw is not None and len(self.raw) != KEY_BYTES:
            raise ValueError(f"a raw database key has {KEY_BYTES} bytes")
        if self.passphrase is not None and not self.passphrase:
            raise ValueError("a passphrase cannot be empty")

    def __repr__(self) -> str:  # never show the secret
        return "DbKey(raw=…)" if self.raw is not None else "DbKey(passphrase=…)"

    def pragma_value(self) -> str:
        if self.raw is not None:
            return f"\"x'{self.raw.hex()}'\""
        assert self.passphrase is not None
        return "'" + self.passphrase.replace("'", "''") + "'"


class WrongKey(Exception):
    """The key does not open the file (or the file is not a database)."""


if _sqlcipher is not None:

    class _KeyedConnection(_sqlcipher.Connection):  # type: ignore[misc]
        """Remembers its key, so a backup can key its copy the same way."""

        db_key: DbKey | None = None


def is_plain_sqlite(path: Path) -> bool:
    """True for a readable, unencrypted SQLite file (or an empty one)."""
    with path.open("rb") as fh:
        head = fh.read(16)
    return head in (SQLITE_HEADER, b"")


def connect_raw(path: Path | str, key: DbKey | None, *, readonly: bool = False) -> Any:
    """A DB-API connection in autocommit mode (``isolation_level=None``), keyed if asked.

    Raises :class:`WrongKey` when a key is given and does not open the file.
    """
    target = f"{Path(path).resolve().as_uri()}?mode=ro" if readonly else str(path)
    if key is None:
        return sqlite3.connect(target, uri=readonly, check_same_thread=True, isolation_level=None)
    if _sqlcipher is None:  # pragma: no cover
        raise RuntimeError("encrypted databases need the sqlcipher3 package")
    conn = _sqlcipher.connect(
        target,
        uri=readonly,
        check_same_thread=True,
        isolation_level=None,
        factory=_KeyedConnection,
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # no decryption noise on stderr
        conn.execute(f"PRAGMA key = {key.pragma_value()}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _sqlcipher.DatabaseError:
        conn.close()
        raise WrongKey(str(path)) from None
    conn.db_key = key
    return conn


def key_of(conn: Any) -> DbKey | None:
    """The key a connection was opened with (None for a plain one)."""
    key = getattr(conn, "db_key", None)
    return key if isinstance(key, DbKey) else None


def export_encrypted(plain: Path, target: Path, key: DbKey) -> None:
    """Write an encrypted copy of the plain database *plain* to *target*.

    SQLCipher's ``sqlcipher_export`` copies schema and rows; the header fields it does not
    copy (user_version, application_id) are set afterwards.
    """
    if _sqlcipher is None:  # pragma: no cover
        raise RuntimeError("encrypted databases need the sqlcipher3 package")
    conn = _sqlcipher.connect(str(plain), isolation_level=None)
    try:
        user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {key.pragma_value()}", [str(target)])
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {user_version}")
        conn.execute(f"PRAGMA encrypted.application_id = {application_id}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()

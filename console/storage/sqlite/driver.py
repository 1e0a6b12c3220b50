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
SALT_BYTES = 16


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
    salt: bytes | None = None  # raw keys only: the salt a NEW file gets (a backup's)

    def __post_init__(self) -> None:
        if (self.raw is None) == (self.passphrase is None):
            raise ValueError("a database key is either raw bytes or a passphrase")
        if self.raw is not None and len(self.raw) != KEY_BYTES:
            raise ValueError(f"a raw database key has {KEY_BYTES} bytes")
        if self.passphrase is not None and not self.passphrase:
            raise ValueError("a passphrase cannot be empty")
        if self.salt is not None and (self.raw is None or len(self.salt) != SALT_BYTES):
            raise ValueError(f"a salt of {SALT_BYTES} bytes goes with a raw key only")

    def __repr__(self) -> str:  # never show the secret
        return "DbKey(raw=…)" if self.raw is not None else "DbKey(passphrase=…)"

    def pragma_value(self) -> str:
        if self.raw is not None:
            return f"\"x'{self.raw.hex()}{self.salt.hex() if self.salt else ''}'\""
        assert self.passphrase is not None
        return "'" + self.passphrase.replace("'", "''") + "'"


class WrongKey(Exception):
    """The key does not open the file (or the file is not a database)."""


# SQLite's primary result codes that say what went wrong (extended codes keep them in
# their low byte).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = (
    5,
    6,
    10,
    11,
    13,
    26,
)


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a driver exception (None when it has none)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()  # older drivers: the message is all there is
    for needle, found in (
        ("database or disk is full", SQLITE_FULL),
        ("database is locked", SQLITE_BUSY),
        ("malformed", SQLITE_CORRUPT),
        ("file is not a database", SQLITE_NOTADB),
        ("disk i/o error", SQLITE_IOERR),
    ):
        if needle in text:
            return found
    return None


def file_salt(path: Path) -> str | None:
    """The hex of an encrypted database's first 16 bytes: SQLCipher's random salt, which
    a copied or moved file keeps (None for a plain, empty or missing file)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(SALT_BYTES)
    except OSError:
        return None
    if len(head) < SALT_BYTES or head == SQLITE_HEADER:
        return None
    return head.hex()


def _first_read(path: Path | str, key: DbKey | None, *, trust_file_size: bool) -> int:
    """SQLite's result code of opening *path* read-only and reading its schema (0: fine)."""
    try:
        conn = connect_raw(path, key, readonly=True, trust_file_size=trust_file_size)
    except WrongKey:
        return SQLITE_NOTADB
    except Error as exc:
        return error_code(exc) or -1
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return 0
    except Error as exc:
        return error_code(exc) or -1
    finally:
        conn.close()


def header_promises_more(path: Path | str, key: DbKey | None) -> bool:
    """True when the file is shorter than its own header says (a truncated copy): its
    first read fails as corrupt, yet succeeds when SQLite is told to trust the file's
    size over the header."""
    return (
        _first_read(path, key, trust_file_size=False) == SQLITE_CORRUPT
        and _first_read(path, key, trust_file_size=True) == 0
    )


if _sqlcipher is not None:

    class _KeyedConnection(_sqlcipher.Connection):  # type: ignore[misc]
        """Remembers its key, so a backup can key its copy the same way."""

        db_key: DbKey | None = None


def is_plain_sqlite(path: Path) -> bool:
    """True for a readable, unencrypted SQLite file (or an empty one)."""
    with path.open("rb") as fh:
        head = fh.read(16)
    return head in (SQLITE_HEADER, b"")


def connect_raw(
    path: Path | str, key: DbKey | None, *, readonly: bool = False, trust_file_size: bool = False
) -> Any:
    """A DB-API connection in autocommit mode (``isolation_level=None``), keyed if asked.

    Raises :class:`WrongKey` when a key is given and does not open the file; a file that
    the key opens but that is damaged or cut short raises the driver's DatabaseError.
    *trust_file_size* (a probe for truncation) reads the schema once, believing the
    file's size over its header.
    """
    target = f"{Path(path).resolve().as_uri()}?mode=ro" if readonly else str(path)
    if key is None:
        conn = sqlite3.connect(target, uri=readonly, check_same_thread=True, isolation_level=None)
        if trust_file_size:
            try:
                conn.execute("PRAGMA writable_schema = ON")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except BaseException:
                conn.close()
                raise
        return conn
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
        if trust_file_size:
            conn.execute("PRAGMA writable_schema = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _sqlcipher.DatabaseError as exc:
        conn.close()
        if error_code(exc) == SQLITE_NOTADB:  # page 1 does not decrypt: not this key
            raise WrongKey(str(path)) from None
        raise  # the key opened it, but the file is damaged, truncated, locked…
    conn.db_key = key
    return conn


def copy_key(source: Any, key: DbKey | None) -> DbKey | None:
    """The key for a copy of the database open on *source* (a backup): a keychain key
    also gives the copy the source file's salt, so the keychain entry, found by the salt,
    opens the backup too when it is moved or copied out."""
    if key is None or key.raw is None:
        return key
    row = source.execute("PRAGMA database_list").fetchone()
    salt = file_salt(Path(row[2])) if row and row[2] else None
    return DbKey(raw=key.raw, salt=bytes.fromhex(salt)) if salt else key


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

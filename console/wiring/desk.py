"""Opening the database: encrypted with a key from the keychain, or with a passphrase.

* A new database is created encrypted (SQLCipher) with a random 256-bit key kept in the
  OS keychain.
* With no safe keychain the app says so and asks for a passphrase (SQLCipher derives the
  key); scripts may set ``SERVICE_CONSOLE_DB_PASSPHRASE``. The key is never written beside
  the database, and an insecure keyring backend is never used.
* An existing plain (unencrypted) database still opens, and is encrypted on request
  (``service-console encrypt``): the encrypted copy is verified before it replaces the
  old file, which is then overwritten and removed.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from console.domain import messages as m
from console.services import secrets
from console.services.secrets import NoKeychain
from console.storage.sqlite.database import (
    DamagedDatabaseError,
    StorageError,
    connect,
    is_encrypted,
)
from console.storage.sqlite.driver import DbKey, export_encrypted, file_salt, is_plain_sqlite
from console.storage.sqlite.runner import DatabaseRunner

# Re-exported for the window and the command line, which do not import storage.
__all__ = ["DamagedDatabaseError", "DatabaseRunner", "StorageError"]

ENV_PASSPHRASE = "SERVICE_CONSOLE_DB_PASSPHRASE"


class NeedsPassphrase(StorageError):
    """The key must come from a person: no keychain, or the keychain has no key for it."""

    def __init__(self, message: str | m.Message, *, new: bool, no_keychain: bool = True) -> None:
        super().__init__(message)
        self.new = new  # True: choose a passphrase; False: type the existing one
        self.no_keychain = no_keychain  # False: a keychain, but without this database's key


class KeychainKeyed(StorageError):
    """A passphrase was given for a database whose key is in this computer's keychain."""


def choose_key(path: Path, passphrase: str | None = None) -> DbKey | None:
    """How to open *path*: None for an existing plain file, else the key to use.

    The keychain's key is found by the file's salt (its first 16 bytes, kept by copies),
    so a moved or copied database opens; a key kept under the path by an older version
    is found too, and moved to the salt once the database opens (:func:`open_runner`).
    """
    from_env = passphrase is None
    if passphrase is None:
        passphrase = os.environ.get(ENV_PASSPHRASE) or None
    if (path.exists() and not path.is_file()) or (path.exists() and not os.access(path, os.R_OK)):
        return None  # opening it gives the clear message
    exists = path.exists() and path.stat().st_size > 0
    if exists and is_plain_sqlite(path):
        return None
    salt = file_salt(path) if exists else None
    if exists and not is_encrypted(path) and not secrets.has_database_key(path, salt):
        # Not a whole number of pages and no key for it: not ours (a text file), or a
        # cut-off copy of a passphrase database; a passphrase still gets to try.
        return DbKey(passphrase=passphrase) if passphrase else None
    if passphrase:
        if exists and secrets.has_database_key(path, salt):
            raise KeychainKeyed(
                m.KeychainKeyedUnsetEnv(str(path), ENV_PASSPHRASE)
                if from_env
                else m.KeychainKeyedNoPassphrase(str(path))
            )
        return DbKey(passphrase=passphrase)
    try:
        raw = secrets.database_key(path, create=not exists, salt=salt)
    except NoKeychain as exc:
        raise NeedsPassphrase(
            m.PassphraseInstead(exc.message, ENV_PASSPHRASE), new=not exists
        ) from None
    if raw is None:
        raise NeedsPassphrase(
            m.NoKeyForDatabase(str(path), ENV_PASSPHRASE), new=False, no_keychain=False
        )
    return DbKey(raw=raw)


def open_runner(path: Path, passphrase: str | None = None) -> DatabaseRunner:
    """An open runner on *path*, keyed as :func:`choose_key` decides; StorageError if not."""
    runner = DatabaseRunner(path, choose_key(path, passphrase))
    try:
        runner.open()
    except BaseException:
        runner.close()
        raise
    if runner.key is not None and runner.key.raw is not None:
        remember_key(path, runner.key.raw)
    return runner


def remember_key(path: Path, raw: bytes) -> None:
    """The keychain keeps *raw* under the file's salt: the key follows the file from now
    on, not its path (nothing to do for a file without a salt)."""
    salt = file_salt(path)
    if salt is not None:
        secrets.key_by_salt(path, salt, raw)


@dataclass(frozen=True, slots=True)
class EncryptReport:
    path: Path
    tables: int
    rows: int


def _row_counts(path: Path, key: DbKey | None) -> dict[str, int]:
    db = connect(path, key)
    try:
        return {name: db[name].count for name in db.table_names() if not name.startswith("sqlite_")}
    finally:
        db.close()


def _shred(path: Path) -> None:
    """Overwrite a file with random bytes, sync, then remove it."""
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b") as fh:
        remaining = size
        while remaining > 0:
            chunk = min(remaining, 1 << 20)
            fh.write(os.urandom(chunk))
            remaining -= chunk
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


def encrypt_database(path: Path, passphrase: str | None = None) -> EncryptReport:
    """Replace the plain database at *path* with an encrypted copy (close the app first).

    The copy is made beside it, opened with its key and compared table by table; only
    then is the key kept (keychain, unless a passphrase is used), the copy moved into
    place and the plain file (and its WAL) overwritten and removed.
    """
    if not path.exists():
        raise StorageError(m.DbMissing(str(path)))
    if is_encrypted(path):
        raise StorageError(m.DbAlreadyEncrypted(str(path)))
    before = _row_counts(path, None)  # also checkpoints the WAL into the file
    key = DbKey(passphrase=passphrase) if passphrase else DbKey(raw=secrets.new_raw_key())
    if key.raw is not None and (problem := secrets.keychain_problem()):
        raise NeedsPassphrase(m.EncryptWithPassphraseInstead(problem), new=True)
    copy = path.with_name(path.name + ".encrypting")
    for leftover in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
        leftover.unlink(missing_ok=True)
    try:
        export_encrypted(path, copy, key)
        after = _row_counts(copy, key)
        if after != before:
            raise StorageError(m.EncryptedCopyDiffers())
        if key.raw is not None:
            secrets.store_database_key(path, key.raw, salt=file_salt(copy))
    except BaseException:
        _shred(copy)
        raise
    plain = path.with_name(path.name + ".plain-old")
    os.replace(path, plain)
    os.replace(copy, path)
    for leftover in (plain, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            _shred(leftover)
    return EncryptReport(path, len(after), sum(after.values()))

"""The OS keychain (through keyring): the only module that imports keyring.

It keeps two kinds of secret: database keys (below) and the call-event listener's token
(made on first use with ``secrets.token_urlsafe``; ``SERVICE_CONSOLE_CTI_TOKEN``
overrides it for automation and tests). Keychain calls block, so async code uses
:func:`cti_token_async` (a worker thread): the GUI thread never waits on the keychain.

Database keys are 32 random bytes, stored hex-encoded under the service name
``service-console`` and the user name ``database-salt:<hex of the file's first 16
bytes>``: SQLCipher's random salt, which a copied or moved file keeps, so the key follows
the database, not its path. A key is first kept under ``database:<absolute path>`` (a
new file has no salt until it is written); it moves to the salt entry once the database
has been opened, and entries of older versions move the same way.
A keychain that cannot keep secrets safely is refused, never used silently: keyring's
``fail`` and ``null`` backends, a chainer with nothing behind it, and the plain-text file
backends of ``keyrings.alt``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from console.domain import messages as m

#: A database key: 256 random bits (what SQLCipher takes as a raw key).
KEY_BYTES = 32

SERVICE = "service-console"

_INSECURE = ("keyrings.alt.file", "keyring.backends.fail", "keyring.backends.null")


class NoKeychain(Exception):
    """No safe keychain here; ``message`` (a code) says why (``str()``: its English)."""

    def __init__(self, message: m.Message) -> None:
        super().__init__(str(message))
        self.message = message


def _backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)
    return list(inner) if inner is not None else [backend]


def keychain_problem() -> m.Message | None:
    """Why the keychain cannot be used to keep the database key, or None when it can."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration
        return m.KeychainNotLoaded(type(exc).__name__)
    usable = [
        b
        for b in _backends(backend)
        if not type(b).__module__.startswith(_INSECURE) and float(getattr(b, "priority", 0)) > 0
    ]
    if not usable:
        name = type(backend).__module__ + "." + type(backend).__name__
        return m.NoSafeKeychain(name)
    return None


def _user(path: Path) -> str:
    return f"database:{path.expanduser().resolve()}"


def _salt_user(salt: str) -> str:
    return f"database-salt:{salt}"


def _stored_key(user: str) -> bytes | None:
    stored = keyring.get_password(SERVICE, user)
    if not stored:
        return None
    try:
        raw = bytes.fromhex(stored)
    except ValueError:
        return None
    return raw if len(raw) == KEY_BYTES else None


def database_key(path: Path, *, create: bool, salt: str | None = None) -> bytes | None:
    """The raw key of the database at *path* (whose file salt is *salt*, when it has one);
    a new one is made and kept when *create*.

    Returns None when the keychain holds no key for it (and *create* is false).
    Raises :class:`NoKeychain` when there is no safe keychain.
    """
    problem = keychain_problem()
    if problem:
        raise NoKeychain(problem)
    try:
        raw = (_stored_key(_salt_user(salt)) if salt else None) or _stored_key(_user(path))
        if raw is not None:
            return raw
        if not create:
            return None
        raw = new_raw_key()
        keyring.set_password(SERVICE, _user(path), raw.hex())
        if keyring.get_password(SERVICE, _user(path)) != raw.hex():
            raise NoKeychain(m.KeychainDidNotKeepKey())
        return raw
    except keyring.errors.KeyringError as exc:
        raise NoKeychain(m.KeychainRefusedKey(str(exc))) from None


def has_database_key(path: Path, salt: str | None) -> bool:
    """True when this computer's keychain holds a key for the database (by its salt or,
    for an entry of an older version, its path); False when there is no safe keychain."""
    if keychain_problem():
        return False
    try:
        return (salt is not None and _stored_key(_salt_user(salt)) is not None) or (
            _stored_key(_user(path)) is not None
        )
    except keyring.errors.KeyringError:
        return False


def store_database_key(path: Path, raw: bytes, *, salt: str | None = None) -> None:
    """Keep *raw* for the database: under its salt when known, else under its path."""
    problem = keychain_problem()
    if problem:
        raise NoKeychain(problem)
    keyring.set_password(SERVICE, _salt_user(salt) if salt else _user(path), raw.hex())


def key_by_salt(path: Path, salt: str, raw: bytes) -> None:
    """Make sure the key is kept under the database's salt, then drop the path entry, so
    the file can be moved or copied and still open. Failing leaves the path entry."""
    if keychain_problem():
        return
    try:
        if _stored_key(_salt_user(salt)) != raw:
            keyring.set_password(SERVICE, _salt_user(salt), raw.hex())
            if _stored_key(_salt_user(salt)) != raw:
                return
        if _stored_key(_user(path)) == raw:
            forget_database_key(path)
    except keyring.errors.KeyringError:
        return


def new_raw_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def forget_database_key(path: Path, salt: str | None = None) -> None:
    for user in ([_salt_user(salt)] if salt else []) + [_user(path)]:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(SERVICE, user)


# --- the call-event listener's token ------------------------------------------------

CTI_TOKEN_NAME = "cti-token"
CTI_TOKEN_ENV = "SERVICE_CONSOLE_CTI_TOKEN"
TOKEN_BYTES = 24  # 32 URL-safe characters


class SecretUnavailable(RuntimeError):
    """The keychain cannot be used; ``message`` (a code) says what to do instead."""

    def __init__(self, message: m.Message) -> None:
        super().__init__(str(message))
        self.message = message


def cti_token(*, create: bool = True) -> str | None:
    """The listener's token: the environment's, else the keychain's (made if missing)."""
    override = os.environ.get(CTI_TOKEN_ENV, "").strip()
    if override:
        return override
    problem = keychain_problem()
    if problem:
        raise SecretUnavailable(m.CallTokenInstead(problem, CTI_TOKEN_ENV))
    try:
        token = keyring.get_password(SERVICE, CTI_TOKEN_NAME)
        if token or not create:
            return token or None
        token = secrets.token_urlsafe(TOKEN_BYTES)
        keyring.set_password(SERVICE, CTI_TOKEN_NAME, token)
    except keyring.errors.KeyringError as exc:
        unusable = m.KeychainUnusable(str(exc))
        raise SecretUnavailable(m.CallTokenInstead(unusable, CTI_TOKEN_ENV)) from None
    return token


async def cti_token_async(*, create: bool = True) -> str | None:
    return await asyncio.to_thread(cti_token, create=create)


# --- a console's device token (team mode) -------------------------------------------

DEVICE_TOKEN_ENV = "SERVICE_CONSOLE_DEVICE_TOKEN"


def _device_user(server: str) -> str:
    return f"device-token:{server.rstrip('/')}"


def store_device_token(server: str, token: str) -> None:
    """Keep the token a console server gave this console (``service-console enrol``).
    SecretUnavailable (saying to use ``--print-token`` instead) without a safe keychain."""
    problem = keychain_problem()
    if problem:
        raise SecretUnavailable(m.DeviceTokenInstead(problem, DEVICE_TOKEN_ENV))
    try:
        keyring.set_password(SERVICE, _device_user(server), token)
        if keyring.get_password(SERVICE, _device_user(server)) != token:
            raise SecretUnavailable(m.KeychainDidNotKeepToken())
    except keyring.errors.KeyringError as exc:
        unusable = m.KeychainUnusable(str(exc))
        raise SecretUnavailable(m.DeviceTokenInstead(unusable, DEVICE_TOKEN_ENV)) from None


def device_token(server: str) -> str | None:
    """This console's token for *server*: the environment's, else the keychain's."""
    override = os.environ.get(DEVICE_TOKEN_ENV, "").strip()
    if override:
        return override
    if keychain_problem():
        return None
    try:
        return keyring.get_password(SERVICE, _device_user(server)) or None
    except keyring.errors.KeyringError:
        return None

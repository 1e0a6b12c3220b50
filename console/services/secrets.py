"""The OS keychain (through keyring): the only module that imports keyring.

Database keys are 32 random bytes, stored hex-encoded under the service name
``service-console`` and the user name ``database:<absolute path of the database>``.
A keychain that cannot keep secrets safely is refused, never used silently: keyring's
``fail`` and ``null`` backends, a chainer with nothing behind it, and the plain-text file
backends of ``keyrings.alt``.
"""

from __future__ import annotations

import contextlib
import secrets
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "service-console"
KEY_BYTES = 32

_INSECURE = ("keyrings.alt.file", "keyring.backends.fail", "keyring.backends.null")


class NoKeychain(Exception):
    """No safe keychain here; the message says why and what to do instead."""


def _backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)
    return list(inner) if inner is not None else [backend]


def keychain_problem() -> str | None:
    """Why the keychain cannot be used to keep the database key, or None when it can."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration
        return f"the keychain could not be loaded ({type(exc).__name__})"
    usable = [
        b
        for b in _backends(backend)
        if not type(b).__module__.startswith(_INSECURE) and float(getattr(b, "priority", 0)) > 0
    ]
    if not usable:
        name = type(backend).__module__ + "." + type(backend).__name__
        return (
            f"no safe keychain is available on this computer (keyring backend: {name}); "
            "a headless Linux machine needs a Secret Service such as GNOME Keyring or KWallet"
        )
    return None


def _user(path: Path) -> str:
    return f"database:{path.expanduser().resolve()}"


def database_key(path: Path, *, create: bool) -> bytes | None:
    """The raw key of the database at *path*; a new one is made and kept when *create*.

    Returns None when the keychain holds no key for it (and *create* is false).
    Raises :class:`NoKeychain` when there is no safe keychain.
    """
    problem = keychain_problem()
    if problem:
        raise NoKeychain(problem)
    try:
        stored = keyring.get_password(SERVICE, _user(path))
        if stored:
            raw = bytes.fromhex(stored)
            if len(raw) == KEY_BYTES:
                return raw
        if not create:
            return None
        raw = secrets.token_bytes(KEY_BYTES)
        keyring.set_password(SERVICE, _user(path), raw.hex())
        if keyring.get_password(SERVICE, _user(path)) != raw.hex():
            raise NoKeychain("the keychain did not keep the database key")
        return raw
    except keyring.errors.KeyringError as exc:
        raise NoKeychain(f"the keychain refused to keep the database key ({exc})") from None


def store_database_key(path: Path, raw: bytes) -> None:
    problem = keychain_problem()
    if problem:
        raise NoKeychain(problem)
    keyring.set_password(SERVICE, _user(path), raw.hex())


def new_raw_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def forget_database_key(path: Path) -> None:
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(SERVICE, _user(path))

"""Secrets in the OS keychain (keyring). The only module that imports keyring.

The call-event listener's token is made on first use (``secrets.token_urlsafe``) and
kept in the keychain; ``SERVICE_CONSOLE_CTI_TOKEN`` overrides it (automation, tests).
Keychain calls block, so async code uses :func:`cti_token_async` (a worker thread): the
GUI thread never waits on the keychain.
"""

from __future__ import annotations

import asyncio
import os
import secrets

import keyring
import keyring.errors

SERVICE = "service-console"
CTI_TOKEN_NAME = "cti-token"
CTI_TOKEN_ENV = "SERVICE_CONSOLE_CTI_TOKEN"
TOKEN_BYTES = 24  # 32 URL-safe characters


class SecretUnavailable(RuntimeError):
    """The keychain cannot be used; the message says what to do instead."""


def cti_token(*, create: bool = True) -> str | None:
    """The listener's token: the environment's, else the keychain's (made if missing)."""
    override = os.environ.get(CTI_TOKEN_ENV, "").strip()
    if override:
        return override
    try:
        token = keyring.get_password(SERVICE, CTI_TOKEN_NAME)
        if token or not create:
            return token or None
        token = secrets.token_urlsafe(TOKEN_BYTES)
        keyring.set_password(SERVICE, CTI_TOKEN_NAME, token)
    except keyring.errors.KeyringError as exc:
        raise SecretUnavailable(
            f"the OS keychain cannot be used ({exc}); set {CTI_TOKEN_ENV} to a long random "
            "token instead"
        ) from None
    return token


async def cti_token_async(*, create: bool = True) -> str | None:
    return await asyncio.to_thread(cti_token, create=create)

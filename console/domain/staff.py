"""Staff accounts: PINs and passwords kept as salted slow hashes, and lockout after guessing.

A shared front-desk terminal is signed into many times a shift, so a PIN (4–8 digits) is
allowed as well as a password (8+ characters). Either is stored only as an scrypt hash
with a random salt (``scrypt$N$r$p$salt$hash``, base64); checking compares in constant
time. Repeated wrong PINs lock the account for a while.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from console.domain import messages as msg
from console.domain.roles import Role

# scrypt cost: N=2**14, r=8, p=1 takes ~30–60 ms and 16 MiB — slow for a guesser, quick
# enough for a person signing in. Stored with the hash so it can be raised later.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32

PIN_MIN, PIN_MAX = 4, 8
PASSWORD_MIN = 8

#: Wrong attempts within WINDOW that lock the account, and for how long.
MAX_FAILURES = 4  # the 4th wrong PIN locks: at most 4 wrong PINs are ever checked
FAILURE_WINDOW = dt.timedelta(minutes=15)
LOCK_FOR = dt.timedelta(minutes=15)


class WeakSecret(msg.Refusal):
    """A PIN or password too easy to guess; ``message`` says what is wanted."""


def check_secret_strength(secret: str) -> None:
    """A PIN is 4–8 digits (not all the same digit); a password is 8+ characters."""
    if secret.isdigit() and secret.isascii():
        if not PIN_MIN <= len(secret) <= PIN_MAX:
            raise WeakSecret(msg.PinLength(PIN_MIN, PIN_MAX))
        if len(set(secret)) == 1 or secret in "0123456789" or secret in "9876543210":
            raise WeakSecret(msg.PinTooSimple())
        return
    if len(secret) < PASSWORD_MIN:
        raise WeakSecret(msg.PasswordTooShort(PASSWORD_MIN))
    if not secret.strip():
        raise WeakSecret(msg.PasswordBlank())


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def hash_secret(secret: str, *, n: int = SCRYPT_N, salt: bytes | None = None) -> str:
    """Salted scrypt hash of a PIN or password, self-describing."""
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    key = hashlib.scrypt(
        secret.encode("utf-8"),
        salt=salt,
        n=n,
        r=SCRYPT_R,
        p=SCRYPT_P,
        dklen=KEY_BYTES,
        maxmem=64 * 1024 * 1024,
    )
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def verify_secret(secret: str, stored: str) -> bool:
    """True when *secret* matches *stored*; False for a malformed hash (never raises)."""
    try:
        scheme, n, r, p, salt_text, key_text = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_text, validate=True)
        expected = base64.b64decode(key_text, validate=True)
        key = hashlib.scrypt(
            secret.encode("utf-8"),
            salt=salt,
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=64 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(key, expected)


def locked_until(
    failures: Iterable[dt.datetime], now: dt.datetime, last_success: dt.datetime | None = None
) -> dt.datetime | None:
    """When the account opens again, or None if it is not locked.

    Counts wrong attempts since the later of the last success and ``now - FAILURE_WINDOW``
    (a lock that has run out starts a fresh count); MAX_FAILURES of them lock the
    account until LOCK_FOR after the last one.
    """
    since = now - FAILURE_WINDOW - LOCK_FOR
    if last_success is not None and last_success > since:
        since = last_success
    recent = sorted(t for t in failures if t > since)
    # Walk the attempts: a lock that ran out resets the count.
    count = 0
    lock_end: dt.datetime | None = None
    window: list[dt.datetime] = []
    for t in recent:
        if lock_end is not None and t >= lock_end:
            window, count, lock_end = [], 0, None
        window = [w for w in window if t - w <= FAILURE_WINDOW] + [t]
        count = len(window)
        if count >= MAX_FAILURES:
            lock_end = t + LOCK_FOR
    if lock_end is not None and lock_end > now:
        return lock_end
    return None


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    name: str
    role: Role
    store: str = ""
    extension: str = ""
    active: bool = True
    language: str = ""  # interface language once chosen (issue 7)
    #: The call queues they answer (server-routed calls naming only a queue), as given.
    queues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Session:
    """Who is working at this console right now."""

    staff: StaffMember
    signed_in_at: dt.datetime

    @property
    def role(self) -> Role:
        return self.staff.role

    @property
    def name(self) -> str:
        return self.staff.name


#: Between queue names where they are one text (the ``--queues`` option, the stored
#: column): so a queue name never contains one.
QUEUE_SEPARATOR = ","
#: The longest queue name (the Generic CTI contract's ``queue`` field is 120).
MAX_QUEUE_NAME = 120


def parse_queues(given: str | Iterable[str]) -> tuple[str, ...]:
    """Queue names from *given* (one text separated by commas, or names): each trimmed,
    empty ones dropped, a repeat in any case dropped; spelled as first given."""
    names = given.split(QUEUE_SEPARATOR) if isinstance(given, str) else given
    found: list[str] = []
    seen: set[str] = set()
    for given_name in names:
        name = given_name.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            found.append(name)
    return tuple(found)


def queues_text(queues: Iterable[str]) -> str:
    """The queue names as one text (how they are stored, audited and shown)."""
    return QUEUE_SEPARATOR.join(parse_queues(queues))


def in_queue(queues: Iterable[str], queue: str) -> bool:
    """Is *queue* (trimmed, any case) one of *queues*?"""
    wanted = queue.strip().casefold()
    return bool(wanted) and any(q.strip().casefold() == wanted for q in queues)


def validate_queues(queues: str | Iterable[str]) -> dict[str, msg.Message]:
    for name in parse_queues(queues):
        if len(name) > MAX_QUEUE_NAME:
            return {"queues": msg.QueueNameTooLong(MAX_QUEUE_NAME)}
    return {}


def validate_staff(
    name: str, role: str, extension: str, queues: str | Iterable[str] = ()
) -> dict[str, msg.Message]:
    errors: dict[str, msg.Message] = {}
    if not name.strip():
        errors["name"] = msg.NoStaffName()
    elif len(name) > 80:
        errors["name"] = msg.StaffNameTooLong(80)
    try:
        Role.parse(role)
    except msg.Refusal as exc:
        errors["role"] = exc.message
    if extension and not (extension.isascii() and extension.replace("*", "").isdigit()):
        errors["extension"] = msg.ExtensionNotDigits()
    errors.update(validate_queues(queues))
    return errors


class StaffNameTaken(msg.Refusal):
    def __init__(self, name: str) -> None:
        super().__init__(msg.StaffNameInUse(name))
        self.name = name


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    actor_role: str
    action: str
    entity: str
    entity_id: str
    fields: dict[str, Any]
    detail: str
    #: The enrolled console that sent the request (console server); "" on a desk.
    console: str = ""

    def to_json(self) -> dict[str, Any]:
        """The entry as JSON; ``console`` only when there is one (so a desk's output
        is what it was before consoles were recorded)."""
        found: dict[str, Any] = {
            "id": self.id,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "actor_role": self.actor_role,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "fields": self.fields,
            "detail": self.detail,
        }
        if self.console:
            found["console"] = self.console
        return found

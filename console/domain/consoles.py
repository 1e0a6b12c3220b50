"""Consoles enrolled with a console server (team mode).

A console proves who it is with a device token it got once, by exchanging a one-time
enrolment code made on the server host. The server keeps only SHA-256 digests of codes
and tokens (both are long random strings, so a plain digest is enough — unlike PINs):
someone who reads the database cannot act as a console.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

#: How long an enrolment code stays good: long enough to walk to the new PC and type it.
CODE_LIFETIME = dt.timedelta(hours=24)
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand
CODE_GROUPS = 4
CODE_GROUP_LENGTH = 4
TOKEN_BYTES = 32
NAME_MAX = 80


@dataclass(frozen=True, slots=True)
class EnrolledConsole:
    id: int
    name: str
    enrolled_at: dt.datetime  # aware UTC
    enrolled_by: str
    revoked_at: dt.datetime | None = None
    revoked_by: str = ""

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class BadConsoleName(ValueError):
    pass


def new_code() -> str:
    """A one-time enrolment code: ``ABCD-EFGH-JKLM-NPQR`` (80 random bits)."""
    groups = (
        "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_code(typed: str) -> str:
    """What a person typed, as the code was made: case, spaces and dashes do not matter."""
    letters = "".join(ch for ch in typed.upper() if ch.isalnum())
    return "-".join(
        letters[i : i + CODE_GROUP_LENGTH] for i in range(0, len(letters), CODE_GROUP_LENGTH)
    )


def new_token() -> str:
    """A console's device token (256 random bits, URL-safe)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest(secret: str) -> str:
    """The stored form of a code or token."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def console_name(typed: str) -> str:
    """A console's name as staff see it in the list ("Front desk 2"); BadConsoleName."""
    name = " ".join(typed.split())
    if not name:
        raise BadConsoleName("a console needs a name (for example: Front desk 2)")
    if len(name) > NAME_MAX:
        raise BadConsoleName(f"a console's name has at most {NAME_MAX} characters")
    if any(not ch.isprintable() for ch in name):
        raise BadConsoleName("a console's name cannot contain control characters")
    return name


@dataclass(frozen=True, slots=True)
class ChangeNotice:
    """One entry of the console server's changes feed: what changed, never its content
    (consoles fetch what they show through the normal calls). ``entity_id`` is ``*``
    when one statement changed many records of the entity (an import)."""

    seq: int
    at: dt.datetime
    entity: str
    entity_id: str
    action: str  # create, update, delete
    #: The enrolled console it was made from, and the staff member signed in there
    #: (empty when the server host itself acted, or nobody was signed in).
    console: str = ""
    staff: str = ""

    def to_json(self) -> dict[str, object]:
        """The notice as ``watch --json`` prints it and the WebSocket carries it (README:
        "Live updates")."""
        return {
            "seq": self.seq,
            "entity": self.entity,
            "id": self.entity_id,
            "action": self.action,
            "at": self.at.isoformat(),
            "console": self.console,
            "staff": self.staff,
        }

"""Staff and audit rows ↔ domain objects, shared by both stores (no I/O, no SQL).

Both backends keep accounts and the audit trail in tables of the same columns, in the
same order; what an account row means, which fields may change and how a change is
reported, the time text the hash chains use, an audit entry's fields text and the
``redact`` entry erasure appends are written down here, once. How each driver gives an
instant back (ISO text on SQLite, ``timestamptz`` on PostgreSQL) is the backend's, handed
in where a row is read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from console.domain.roles import Role
from console.domain.staff import AuditEntry, StaffMember, parse_queues
from console.repositories.hash_chains import AUDIT_COLUMNS
from console.repositories.staff import AuditRecord, Credentials

#: An account row, in the order :func:`member` reads it.
STAFF_COLUMNS = ("id", "name", "role", "store", "extension", "active", "language", "queues")
#: The columns a change may write, in the order the current values are read.
CHANGEABLE = ("role", "store", "extension", "queues", "active", "language", "secret_hash")
#: An audit entry as read back, in the order :func:`audit_entry` reads it.
AUDIT_ENTRY_COLUMNS = ("id", *AUDIT_COLUMNS)


def chain_time(moment: dt.datetime) -> str:
    """An instant as the hash chains hash it (and SQLite stores it): UTC ISO text to the
    microsecond; a naive time is refused."""
    if moment.tzinfo is None:
        raise ValueError("staff and audit times must be timezone-aware")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def member(row: Sequence[Any]) -> StaffMember:
    """The account of a row of :data:`STAFF_COLUMNS`."""
    return StaffMember(
        id=int(row[0]),
        name=str(row[1]),
        role=Role.parse_or_agent(str(row[2])),
        store=str(row[3]),
        extension=str(row[4]),
        active=bool(row[5]),
        language=str(row[6]),
        queues=parse_queues(str(row[7])),
    )


def credentials(row: Sequence[Any]) -> Credentials:
    """A row of :data:`STAFF_COLUMNS` followed by the secret hash."""
    n = len(STAFF_COLUMNS)
    return Credentials(member(row[:n]), str(row[n]))


def refuse_unchangeable(changes: Mapping[str, Any]) -> None:
    """ValueError for a change to anything but :data:`CHANGEABLE`."""
    unknown = set(changes) - set(CHANGEABLE)
    if unknown:
        raise ValueError(f"cannot change {', '.join(sorted(unknown))}")


def staff_changes(
    old: Mapping[str, Any], changes: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, tuple[Any, Any]]]:
    """What *changes* really change of an account whose :data:`CHANGEABLE` columns hold
    *old* (a flag as 0/1): the values to write, in the order given (a role as its value,
    a flag as 0/1), and the report (before, after) — a secret hash only as "changed"."""
    written: dict[str, Any] = {}
    diff: dict[str, tuple[Any, Any]] = {}
    for key, value in changes.items():
        stored = value.value if isinstance(value, Role) else value
        if isinstance(stored, bool):
            stored = int(stored)
        if old[key] != stored:
            diff[key] = ("…", "changed") if key == "secret_hash" else (old[key], stored)
            written[key] = stored
    return written, diff


def fields_text(fields: Mapping[str, Any] | None) -> str:
    """An audit entry's fields as stored and digested (keys sorted; {} for none)."""
    return json.dumps(dict(fields or {}), ensure_ascii=False, default=str, sort_keys=True)


def audit_entry(row: Sequence[Any], load_time: Callable[[Any], dt.datetime]) -> AuditEntry:
    """The entry of a row of :data:`AUDIT_ENTRY_COLUMNS` (*load_time*: the stored
    instant back, aware in UTC)."""
    return AuditEntry(
        id=int(row[0]),
        at=load_time(row[1]),
        actor=str(row[2]),
        actor_role=str(row[3]),
        action=str(row[4]),
        entity=str(row[5]),
        entity_id=str(row[6]),
        fields=json.loads(row[7]),
        detail=str(row[8]),
        console=str(row[9]),
    )


def redaction(
    ids: list[int],
    *,
    customer_id: int,
    at: dt.datetime,
    actor: str,
    actor_role: str,
    console: str,
) -> AuditRecord:
    """The ``redact`` entry erasure of *customer_id* appends: the blanked entries, by id
    only (no personal data)."""
    return AuditRecord(
        at=at,
        actor=actor,
        actor_role=actor_role,
        action="redact",
        entity="audit",
        entity_id=customer_id,
        fields={"entries": ids},
        detail=f"redacted for erasure of customer {customer_id}",
        console=console,
    )

"""The rules of the hash chains over the audit trail and the sign-in attempts, shared by
both stores (no I/O, no SQL): what a row's hash covers, what is wrong with one link, which
entries an erasure may have blanked and how a walk ends. The chains themselves, and why
they are built so, are described in ``console/storage/sqlite/audit_chain.py``; PostgreSQL
keeps the same chains (``console/storage/postgres/staff_repository.py``), so a trail
verifies the same way on both backends.

A row is read as a dict of its columns (:data:`AUDIT_ROW`, :data:`ATTEMPT_ROW`), its
``at`` as the UTC ISO text the chains hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from console.domain import messages as m
from console.repositories.staff import ATTEMPTS_CHAIN, AUDIT_CHAIN, REDACTED, Break, ChainReport

AUDIT = AUDIT_CHAIN
ATTEMPTS = ATTEMPTS_CHAIN

AUDIT_VERSION = "audit/1"
#: Entries that name a console (0018_audit_console): the console's name is hashed too.
AUDIT_CONSOLE_VERSION = "audit/2"
ATTEMPTS_VERSION = "sign_in_attempts/1"
#: An entry may be dated this much before its predecessor (times are taken just before
#: the write is queued, so two writers can finish in the other order); more is reported
#: as out of order (a backdated entry).
ORDER_TOLERANCE = dt.timedelta(minutes=10)

#: The columns 0009_audit_chain chained (the trail before 0018 added ``console``).
AUDIT_COLUMNS_0009 = (
    "at",
    "actor",
    "actor_role",
    "action",
    "entity",
    "entity_id",
    "fields",
    "detail",
)
AUDIT_COLUMNS = (*AUDIT_COLUMNS_0009, "console")
ATTEMPT_COLUMNS = ("staff_id", "name", "at", "outcome")
AUDIT_ROW = ("id", *AUDIT_COLUMNS, "fields_digest", "prev_hash", "hash")
ATTEMPT_ROW = ("id", *ATTEMPT_COLUMNS, "prev_hash", "hash")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _hash(payload: list[Any]) -> str:
    return digest(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))


def audit_hash(
    entry_id: int,
    *,
    at: str,
    actor: str,
    actor_role: str,
    action: str,
    entity: str,
    entity_id: str,
    fields_digest: str,
    detail: str,
    prev_hash: str,
    console: str = "",
) -> str:
    if console:
        return _hash(
            [
                AUDIT_CONSOLE_VERSION,
                entry_id,
                at,
                actor,
                actor_role,
                action,
                entity,
                entity_id,
                fields_digest,
                detail,
                console,
                prev_hash,
            ]
        )
    return _hash(
        [
            AUDIT_VERSION,
            entry_id,
            at,
            actor,
            actor_role,
            action,
            entity,
            entity_id,
            fields_digest,
            detail,
            prev_hash,
        ]
    )


def attempt_hash(
    attempt_id: int,
    *,
    staff_id: int | None,
    name: str,
    at: str,
    outcome: str,
    prev_hash: str,
) -> str:
    return _hash([ATTEMPTS_VERSION, attempt_id, staff_id, name, at, outcome, prev_hash])


def audit_row_hash(values: dict[str, Any]) -> str:
    return audit_hash(
        int(values["id"]),
        **{k: str(values[k]) for k in AUDIT_COLUMNS if k != "fields"},
        fields_digest=str(values["fields_digest"]),
        prev_hash=str(values["prev_hash"]),
    )


def parse_time(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _missing(first: int, last: int) -> m.Message:
    span = f"#{first}" if first == last else f"#{first}–#{last}"
    return m.ChainMissingBefore(last - first + 1, span)


def check_row(
    table: str, values: dict[str, Any], prev: dict[str, Any] | None, redacted: set[int]
) -> m.Message | None:
    """What is wrong with one row given its predecessor, or None."""
    row_id = int(values["id"])
    if not values["hash"]:
        return m.ChainNoHash()
    expected_prev = str(prev["hash"]) if prev else ""
    if values["prev_hash"] != expected_prev:
        first = int(prev["id"]) + 1 if prev else 1
        if row_id > first:
            return _missing(first, row_id - 1)
        return m.ChainOutOfOrder()
    if table == AUDIT:
        computed = audit_row_hash(values)
    else:
        computed = attempt_hash(
            row_id,
            staff_id=values["staff_id"],
            name=str(values["name"]),
            at=str(values["at"]),
            outcome=str(values["outcome"]),
            prev_hash=str(values["prev_hash"]),
        )
    if computed != values["hash"]:
        return m.ChainChanged()
    if table == AUDIT and digest(str(values["fields"])) != values["fields_digest"]:
        if values["fields"] != REDACTED:
            return m.ChainFieldsChanged()
        if row_id not in redacted:
            return m.ChainBlanked()
    if prev is not None:
        at, before = parse_time(str(values["at"])), parse_time(str(prev["at"]))
        if at is None:
            return m.ChainBadTime()
        if before is not None and at < before - ORDER_TOLERANCE:
            return m.ChainDatedBefore(int(prev["id"]), str(prev["at"]))
    return None


def listed_redactions(values: dict[str, Any]) -> set[int]:
    """The earlier entries a ``redact`` entry (a row of :data:`AUDIT_ROW`) says erasure
    blanked; none when the entry itself is not intact."""
    if digest(str(values["fields"])) != values["fields_digest"]:
        return set()
    if audit_row_hash(values) != values["hash"]:
        return set()
    try:
        listed = json.loads(str(values["fields"])).get("entries", [])
    except (ValueError, AttributeError):
        return set()
    return {int(i) for i in listed if isinstance(i, int) and i < int(values["id"])}


def walk_end(
    chain: str,
    count: int,
    head: tuple[int, str, int],
    last: dict[str, Any] | None,
) -> ChainReport:
    """The report of a walk that found no broken link in its *count* rows, *last* the
    newest (None: no row), measured against the chain's *head* (last id, last hash,
    entries): rows missing at the end, the end replaced, or rows gone uncounted."""
    head_id, head_hash, head_entries = head
    last_id = int(last["id"]) if last else 0
    if head_id > last_id:
        span = f"#{last_id + 1}" if head_id == last_id + 1 else f"#{last_id + 1}–#{head_id}"
        missing = m.ChainNewestMissing(span)
        return ChainReport(chain, count, head_id, head_hash, Break(last_id + 1, "", missing))
    if last is not None and last["hash"] != head_hash:
        return ChainReport(
            chain,
            count,
            head_id,
            head_hash,
            Break(last_id, str(last["at"]), m.ChainEndReplaced()),
        )
    if count != head_entries:
        return ChainReport(
            chain,
            count,
            head_id,
            head_hash,
            Break(last_id, str(last["at"]) if last else "", m.ChainCountDiffers()),
        )
    return ChainReport(chain, count, head_id, head_hash, None)

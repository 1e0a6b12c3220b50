"""Staff accounts, sign-in attempts and the append-only audit trail."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

import sqlite_utils

from console.domain.roles import Role
from console.domain.staff import AuditEntry, StaffMember, StaffNameTaken, parse_queues
from console.repositories.staff import (
    REDACTED,
    AuditQuery,
    AuditRecord,
    Credentials,
    StaffNotFound,
    StaffUpdate,
)
from console.storage.sqlite import audit_chain, driver, instants
from console.storage.sqlite.transactions import write_transaction

__all__ = ["REDACTED", "StaffNotFound"]  # re-exported: erasure writes it


def _iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("staff and audit times must be timezone-aware")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _time(text: str) -> dt.datetime:
    return instants.load(text)


_STAFF_COLUMNS = "id, name, role, store, extension, active, language, queues"
_STAFF_COUNT = len(_STAFF_COLUMNS.split(", "))


def _member(row: tuple[Any, ...]) -> StaffMember:
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


def count_staff(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM staff").fetchone()[0])


def add_staff(
    db: sqlite_utils.Database,
    *,
    name: str,
    role: Role,
    secret_hash: str,
    now: dt.datetime,
    store: str = "",
    extension: str = "",
    queues: str = "",
    only_if_empty: bool = False,
) -> StaffMember:
    """Insert a staff member. With *only_if_empty* the insert happens only when no
    account exists yet (the first admin), checked in the same transaction."""
    with write_transaction(db):
        if only_if_empty and count_staff(db):
            raise PermissionError("the first account already exists; sign in as an admin")
        try:  # the name is UNIQUE COLLATE NOCASE: the constraint decides, for every writer
            cursor = db.execute(
                "INSERT INTO staff (name, role, store, extension, queues, secret_hash, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [name, role.value, store, extension, queues, secret_hash, _iso(now), _iso(now)],
            )
        except driver.IntegrityError as exc:
            if "staff.name" not in str(exc):
                raise
            raise StaffNameTaken(name) from None
        staff_id = int(cursor.lastrowid or 0)
    return get_staff(db, staff_id)


def get_staff(db: sqlite_utils.Database, staff_id: int) -> StaffMember:
    row = db.execute(f"SELECT {_STAFF_COLUMNS} FROM staff WHERE id = ?", [staff_id]).fetchone()
    if row is None:
        raise StaffNotFound(f"no staff member #{staff_id}")
    return _member(row)


def find_staff(db: sqlite_utils.Database, name: str) -> Credentials | None:
    """The member called *name* (any case) and their stored secret hash."""
    row = db.execute(
        f"SELECT {_STAFF_COLUMNS}, secret_hash FROM staff WHERE name = ?", [name.strip()]
    ).fetchone()
    if row is None:
        return None
    return Credentials(_member(row[:_STAFF_COUNT]), str(row[_STAFF_COUNT]))


def list_staff(db: sqlite_utils.Database) -> list[StaffMember]:
    rows = db.execute(f"SELECT {_STAFF_COLUMNS} FROM staff ORDER BY name COLLATE NOCASE")
    return [_member(row) for row in rows.fetchall()]


def update_staff(
    db: sqlite_utils.Database,
    staff_id: int,
    now: dt.datetime,
    changes: Mapping[str, Any],
    /,
) -> StaffUpdate:
    """Change role/store/extension/queues/active/language/secret_hash; returns the member
    and the changed fields (before, after) — secret hashes reported as "changed" only."""
    names = ("role", "store", "extension", "queues", "active", "language", "secret_hash")
    allowed = set(names)
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
    with write_transaction(db):
        before = db.execute(
            f"SELECT {', '.join(names)} FROM staff WHERE id = ?",  # names: the columns above
            [staff_id],
        ).fetchone()
        if before is None:
            raise StaffNotFound(f"no staff member #{staff_id}")
        old = dict(zip(names, before, strict=True))
        diff: dict[str, tuple[Any, Any]] = {}
        for key, value in changes.items():
            stored = value.value if isinstance(value, Role) else value
            if isinstance(stored, bool):
                stored = int(stored)
            if old[key] != stored:
                shown = ("…", "changed") if key == "secret_hash" else (old[key], stored)
                diff[key] = shown
                db.execute(f"UPDATE staff SET {key} = ? WHERE id = ?", [stored, staff_id])
        if diff:
            db.execute("UPDATE staff SET updated_at = ? WHERE id = ?", [_iso(now), staff_id])
    return StaffUpdate(get_staff(db, staff_id), diff)


# --- sign-in attempts -----------------------------------------------------------------


def record_attempt(
    db: sqlite_utils.Database, staff_id: int | None, name: str, at: dt.datetime, outcome: str
) -> None:
    with write_transaction(db):
        audit_chain.append_attempt_row(db, staff_id, name, _iso(at), outcome)


def wrong_attempts_since(
    db: sqlite_utils.Database, staff_id: int, since: dt.datetime
) -> list[dt.datetime]:
    """Wrong attempts since *since* recorded after the last successful sign-in (in the
    order recorded, so attempts in the same instant count right)."""
    last_ok = db.execute(
        "SELECT coalesce(max(id), 0) FROM sign_in_attempts WHERE staff_id = ? AND outcome = 'ok'",
        [staff_id],
    ).fetchone()[0]
    return [
        _time(row[0])
        for row in db.execute(
            "SELECT at FROM sign_in_attempts WHERE staff_id = ? AND outcome = 'wrong' "
            "AND at > ? AND id > ? ORDER BY at",
            [staff_id, _iso(since), int(last_ok)],
        ).fetchall()
    ]


# --- audit trail ----------------------------------------------------------------------


def append_audit(
    db: sqlite_utils.Database,
    *,
    at: dt.datetime,
    actor: str,
    actor_role: str,
    action: str,
    entity: str = "",
    entity_id: str | int = "",
    fields: dict[str, Any] | None = None,
    detail: str = "",
    console: str = "",
) -> int:
    with write_transaction(db):
        return audit_chain.append_audit_row(
            db,
            {
                "at": _iso(at),
                "actor": actor,
                "actor_role": actor_role,
                "action": action,
                "entity": entity,
                "entity_id": str(entity_id),
                "fields": json.dumps(fields or {}, ensure_ascii=False, default=str, sort_keys=True),
                "detail": detail,
                "console": console,
            },
        )


def query_audit(
    db: sqlite_utils.Database,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    actor: str | None = None,
    action: str | None = None,
    entity: str | None = None,
    entity_id: str | int | None = None,
    offset: int = 0,
    limit: int | None = 200,
) -> list[AuditEntry]:
    """Audit entries, newest first, filtered by any combination of the arguments."""
    where, params = _audit_filters(since, until, actor, action, entity, entity_id)
    sql = (
        "SELECT id, at, actor, actor_role, action, entity, entity_id, fields, detail, console"
        " FROM audit"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [
        AuditEntry(
            id=int(row[0]),
            at=_time(row[1]),
            actor=str(row[2]),
            actor_role=str(row[3]),
            action=str(row[4]),
            entity=str(row[5]),
            entity_id=str(row[6]),
            fields=json.loads(row[7]),
            detail=str(row[8]),
            console=str(row[9]),
        )
        for row in db.execute(sql, params).fetchall()
    ]


def count_audit(
    db: sqlite_utils.Database,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    actor: str | None = None,
    action: str | None = None,
    entity: str | None = None,
    entity_id: str | int | None = None,
) -> int:
    where, params = _audit_filters(since, until, actor, action, entity, entity_id)
    sql = "SELECT count(*) FROM audit" + (" WHERE " + " AND ".join(where) if where else "")
    return int(db.execute(sql, params).fetchone()[0])


def _audit_filters(
    since: dt.datetime | None,
    until: dt.datetime | None,
    actor: str | None,
    action: str | None,
    entity: str | None,
    entity_id: str | int | None,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since is not None:
        where.append("at >= ?")
        params.append(_iso(since))
    if until is not None:
        where.append("at < ?")
        params.append(_iso(until))
    if actor:
        where.append("actor = ? COLLATE NOCASE")
        params.append(actor)
    if action:
        where.append("action = ?")
        params.append(action)
    if entity:
        where.append("entity = ?")
        params.append(entity)
    if entity_id is not None and str(entity_id) != "":
        where.append("entity_id = ?")
        params.append(str(entity_id))
    return where, params


def redact_audit(
    db: sqlite_utils.Database,
    entities: Sequence[str],
    entity_ids: Sequence[str | int],
    *,
    customer_id: int,
    at: dt.datetime,
    actor: str = "system",
    actor_role: str = "",
    console: str = "",
) -> int:
    """Blank the before → after values of the entries about *entity_ids* (erasure of
    *customer_id*); the entries — who did what and when — stay, and so do their digests
    and hashes, so the chain still verifies. One ``redact`` entry on entity ``audit``
    lists the blanked entries (no personal data: ids only), in the same transaction.
    Returns how many entries were redacted."""
    with write_transaction(db):
        placeholders = ",".join("?" * len(entities))
        ids = [
            int(row[0])
            for row in db.execute(
                f"SELECT id FROM audit WHERE entity IN ({placeholders}) "
                "AND entity_id IN (SELECT value FROM json_each(?)) AND fields <> ? ORDER BY id",
                [*entities, json.dumps([str(i) for i in entity_ids]), REDACTED],
            ).fetchall()
        ]
        if not ids:
            return 0
        db.execute(
            "UPDATE audit SET fields = ? WHERE id IN (SELECT value FROM json_each(?))",
            [REDACTED, json.dumps(ids)],
        )
        append_audit(
            db,
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
        return len(ids)


def last_audit_at(db: sqlite_utils.Database, query: AuditQuery) -> dt.datetime | None:
    """When the newest entry matching *query* was recorded (None: there is none)."""
    where, params = _audit_filters(*query_args(query))
    sql = "SELECT max(at) FROM audit" + (" WHERE " + " AND ".join(where) if where else "")
    found = db.execute(sql, params).fetchone()[0]
    return _time(found) if found else None


def query_args(
    query: AuditQuery,
) -> tuple[
    dt.datetime | None, dt.datetime | None, str | None, str | None, str | None, str | int | None
]:
    return query.since, query.until, query.actor, query.action, query.entity, query.entity_id


def append_record(db: sqlite_utils.Database, record: AuditRecord) -> int:
    return append_audit(
        db,
        at=record.at,
        actor=record.actor,
        actor_role=record.actor_role,
        action=record.action,
        entity=record.entity,
        entity_id=record.entity_id,
        fields=dict(record.fields) if record.fields is not None else None,
        detail=record.detail,
        console=record.console,
    )

"""Staff accounts, sign-in attempts and the append-only audit trail."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

import sqlite_utils

from console.domain.roles import Role
from console.domain.staff import AuditEntry, StaffMember, StaffNameTaken
from console.repositories import staff_rows
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


_iso = staff_rows.chain_time


def _time(text: str) -> dt.datetime:
    return instants.load(text)


_STAFF_COLUMNS = ", ".join(staff_rows.STAFF_COLUMNS)
_CHANGEABLE = ", ".join(staff_rows.CHANGEABLE)
_AUDIT_ENTRY_COLUMNS = ", ".join(staff_rows.AUDIT_ENTRY_COLUMNS)


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
    return staff_rows.member(row)


def find_staff(db: sqlite_utils.Database, name: str) -> Credentials | None:
    """The member called *name* (any case) and their stored secret hash."""
    row = db.execute(
        f"SELECT {_STAFF_COLUMNS}, secret_hash FROM staff WHERE name = ?", [name.strip()]
    ).fetchone()
    return None if row is None else staff_rows.credentials(row)


def list_staff(db: sqlite_utils.Database) -> list[StaffMember]:
    rows = db.execute(f"SELECT {_STAFF_COLUMNS} FROM staff ORDER BY name COLLATE NOCASE")
    return [staff_rows.member(row) for row in rows.fetchall()]


def update_staff(
    db: sqlite_utils.Database,
    staff_id: int,
    now: dt.datetime,
    changes: Mapping[str, Any],
    /,
) -> StaffUpdate:
    """Change role/store/extension/queues/active/language/secret_hash; returns the member
    and the changed fields (before, after) — secret hashes reported as "changed" only."""
    staff_rows.refuse_unchangeable(changes)
    with write_transaction(db):
        before = db.execute(
            f"SELECT {_CHANGEABLE} FROM staff WHERE id = ?",  # the shared columns
            [staff_id],
        ).fetchone()
        if before is None:
            raise StaffNotFound(f"no staff member #{staff_id}")
        old = dict(zip(staff_rows.CHANGEABLE, before, strict=True))
        written, diff = staff_rows.staff_changes(old, changes)
        for key, stored in written.items():
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
                "fields": staff_rows.fields_text(fields),
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
    sql = f"SELECT {_AUDIT_ENTRY_COLUMNS} FROM audit"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [staff_rows.audit_entry(row, _time) for row in db.execute(sql, params).fetchall()]


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
        append_record(
            db,
            staff_rows.redaction(
                ids,
                customer_id=customer_id,
                at=at,
                actor=actor,
                actor_role=actor_role,
                console=console,
            ),
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

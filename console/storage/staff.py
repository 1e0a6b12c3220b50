"""Staff accounts, sign-in attempts and the append-only audit trail."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from console.domain.roles import Role
from console.domain.staff import StaffMember
from console.storage.database import write_transaction

REDACTED = '{"redacted": true}'


class StaffNameTaken(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"there is already a staff member called {name!r}")
        self.name = name


class StaffNotFound(LookupError):
    pass


def _iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("staff and audit times must be timezone-aware")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


_STAFF_COLUMNS = "id, name, role, store, extension, active, language"


def _member(row: tuple[Any, ...]) -> StaffMember:
    return StaffMember(
        id=int(row[0]),
        name=str(row[1]),
        role=Role.parse_or_agent(str(row[2])),
        store=str(row[3]),
        extension=str(row[4]),
        active=bool(row[5]),
        language=str(row[6]),
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
    only_if_empty: bool = False,
) -> StaffMember:
    """Insert a staff member. With *only_if_empty* the insert happens only when no
    account exists yet (the first admin), checked in the same transaction."""
    with write_transaction(db):
        if only_if_empty and count_staff(db):
            raise PermissionError("the first account already exists; sign in as an admin")
        if db.execute("SELECT 1 FROM staff WHERE name = ?", [name]).fetchone():
            raise StaffNameTaken(name)
        cursor = db.execute(
            "INSERT INTO staff (name, role, store, extension, secret_hash, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [name, role.value, store, extension, secret_hash, _iso(now), _iso(now)],
        )
        staff_id = int(cursor.lastrowid or 0)
    return get_staff(db, staff_id)


def get_staff(db: sqlite_utils.Database, staff_id: int) -> StaffMember:
    row = db.execute(f"SELECT {_STAFF_COLUMNS} FROM staff WHERE id = ?", [staff_id]).fetchone()
    if row is None:
        raise StaffNotFound(f"no staff member #{staff_id}")
    return _member(row)


def find_staff(db: sqlite_utils.Database, name: str) -> tuple[StaffMember, str] | None:
    """The member called *name* (any case) and their stored secret hash."""
    row = db.execute(
        f"SELECT {_STAFF_COLUMNS}, secret_hash FROM staff WHERE name = ?", [name.strip()]
    ).fetchone()
    if row is None:
        return None
    return _member(row[:7]), str(row[7])


def list_staff(db: sqlite_utils.Database) -> list[StaffMember]:
    rows = db.execute(f"SELECT {_STAFF_COLUMNS} FROM staff ORDER BY name COLLATE NOCASE")
    return [_member(row) for row in rows.fetchall()]


def update_staff(
    db: sqlite_utils.Database,
    staff_id: int,
    now: dt.datetime,
    /,
    **changes: Any,
) -> tuple[StaffMember, dict[str, tuple[Any, Any]]]:
    """Change role/store/extension/active/language/secret_hash; returns the member and
    the changed fields (before, after) — secret hashes reported as "changed" only."""
    allowed = {"role", "store", "extension", "active", "language", "secret_hash"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
    with write_transaction(db):
        before = db.execute(
            "SELECT role, store, extension, active, language, secret_hash FROM staff WHERE id = ?",
            [staff_id],
        ).fetchone()
        if before is None:
            raise StaffNotFound(f"no staff member #{staff_id}")
        names = ("role", "store", "extension", "active", "language", "secret_hash")
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
    return get_staff(db, staff_id), diff


# --- sign-in attempts -----------------------------------------------------------------


def record_attempt(
    db: sqlite_utils.Database, staff_id: int | None, name: str, at: dt.datetime, outcome: str
) -> None:
    with write_transaction(db):
        db.execute(
            "INSERT INTO sign_in_attempts (staff_id, name, at, outcome) VALUES (?, ?, ?, ?)",
            [staff_id, name, _iso(at), outcome],
        )


def attempts_since(
    db: sqlite_utils.Database, staff_id: int, since: dt.datetime
) -> tuple[list[dt.datetime], dt.datetime | None]:
    """Wrong attempts since *since*, and the last successful sign-in (any time)."""
    wrong = [
        _time(row[0])
        for row in db.execute(
            "SELECT at FROM sign_in_attempts WHERE staff_id = ? AND outcome = 'wrong' "
            "AND at > ? ORDER BY at",
            [staff_id, _iso(since)],
        ).fetchall()
    ]
    last_ok = db.execute(
        "SELECT max(at) FROM sign_in_attempts WHERE staff_id = ? AND outcome = 'ok'",
        [staff_id],
    ).fetchone()[0]
    return wrong, (_time(last_ok) if last_ok else None)


# --- audit trail ----------------------------------------------------------------------


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

    def to_json(self) -> dict[str, Any]:
        return {
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
) -> int:
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO audit (at, actor, actor_role, action, entity, entity_id, fields, "
            "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                _iso(at),
                actor,
                actor_role,
                action,
                entity,
                str(entity_id),
                json.dumps(fields or {}, ensure_ascii=False, default=str, sort_keys=True),
                detail,
            ],
        )
        return int(cursor.lastrowid or 0)


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
    sql = "SELECT id, at, actor, actor_role, action, entity, entity_id, fields, detail FROM audit"
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


def redact_audit(db: sqlite_utils.Database, entity: str, entity_id: str | int) -> int:
    """Blank the before → after values of one record's entries (erasure); the entries,
    who did what and when, stay. Returns how many entries were redacted."""
    with write_transaction(db):
        cursor = db.execute(
            "UPDATE audit SET fields = ? WHERE entity = ? AND entity_id = ? AND fields <> ?",
            [REDACTED, entity, str(entity_id), REDACTED],
        )
        return int(cursor.rowcount)

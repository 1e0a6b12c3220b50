"""The staff repository on SQLite (implements :mod:`console.repositories.staff`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import sqlite_utils

from console.domain.staff import AuditEntry, StaffMember, queues_text
from console.repositories.staff import (
    AuditQuery,
    AuditRecord,
    ChainReport,
    Credentials,
    NewStaff,
    StaffRepository,
    StaffUpdate,
)
from console.storage.sqlite import audit_chain
from console.storage.sqlite import staff as store


class SqliteStaff:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def count(self) -> int:
        return store.count_staff(self.db)

    def add(self, new: NewStaff, now: dt.datetime) -> StaffMember:
        return store.add_staff(
            self.db,
            name=new.name,
            role=new.role,
            secret_hash=new.secret_hash,
            now=now,
            store=new.store,
            extension=new.extension,
            queues=queues_text(new.queues),
        )

    def get(self, staff_id: int) -> StaffMember:
        return store.get_staff(self.db, staff_id)

    def find(self, name: str) -> Credentials | None:
        return store.find_staff(self.db, name)

    def all_staff(self) -> list[StaffMember]:
        return store.list_staff(self.db)

    def update(self, staff_id: int, now: dt.datetime, changes: Mapping[str, Any]) -> StaffUpdate:
        return store.update_staff(self.db, staff_id, now, changes)

    def record_attempt(
        self, staff_id: int | None, name: str, at: dt.datetime, outcome: str
    ) -> None:
        store.record_attempt(self.db, staff_id, name, at, outcome)

    def wrong_attempts_since(self, staff_id: int, since: dt.datetime) -> list[dt.datetime]:
        return store.wrong_attempts_since(self.db, staff_id, since)

    def append_audit(self, record: AuditRecord) -> int:
        return store.append_record(self.db, record)

    def audit_entries(
        self, query: AuditQuery | None = None, *, offset: int = 0, limit: int | None = 200
    ) -> list[AuditEntry]:
        since, until, actor, action, entity, entity_id = store.query_args(query or AuditQuery())
        return store.query_audit(
            self.db,
            since=since,
            until=until,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            offset=offset,
            limit=limit,
        )

    def count_audit(self, query: AuditQuery | None = None) -> int:
        since, until, actor, action, entity, entity_id = store.query_args(query or AuditQuery())
        return store.count_audit(
            self.db,
            since=since,
            until=until,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
        )

    def last_audit_at(self, query: AuditQuery) -> dt.datetime | None:
        return store.last_audit_at(self.db, query)

    def redact_audit(
        self,
        entities: Sequence[str],
        entity_ids: Sequence[str | int],
        *,
        customer_id: int,
        at: dt.datetime,
        actor: str,
        actor_role: str,
        console: str = "",
    ) -> int:
        return store.redact_audit(
            self.db,
            entities,
            entity_ids,
            customer_id=customer_id,
            at=at,
            actor=actor,
            actor_role=actor_role,
            console=console,
        )

    def verify_chains(self) -> list[ChainReport]:
        return audit_chain.verify_all(self.db)


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(db: sqlite_utils.Database) -> StaffRepository:
        return SqliteStaff(db)

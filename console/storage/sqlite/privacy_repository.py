"""The privacy repository on SQLite (implements :mod:`console.repositories.privacy`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import sqlite_utils

from console.domain.consent import ConsentEvent
from console.repositories.privacy import CustomerExport, PrivacyRepository
from console.storage.sqlite import privacy as store


class SqlitePrivacy:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def record_consent(self, events: Sequence[ConsentEvent]) -> None:
        store.record_consent(self.db, list(events))

    def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        return store.consent_history(self.db, customer_id)

    def export_customer(self, customer_id: int) -> CustomerExport:
        return store.export_customer(self.db, customer_id)

    def erase_customer(
        self,
        customer_id: int,
        *,
        now: dt.datetime,
        actor: str,
        actor_role: str,
        console: str = "",
    ) -> int:
        return store.erase_customer(
            self.db, customer_id, now=now, actor=actor, actor_role=actor_role, console=console
        )

    def clear_erased_traces(self, wait_seconds: float) -> bool:
        return store.clear_wal(self.db, int(wait_seconds * 1000))


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(db: sqlite_utils.Database) -> PrivacyRepository:
        return SqlitePrivacy(db)

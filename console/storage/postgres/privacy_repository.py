"""The privacy repository on PostgreSQL (implements :mod:`console.repositories.privacy`).

Consent history as the desk keeps it (``console/storage/sqlite/privacy.py``): append-only
``consent_events`` (a trigger refuses changes but the blanking of a note), each change
setting the customer's current answer in the same transaction. Export and erasure are
not on PostgreSQL yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import psycopg

from console.domain.consent import ConsentEvent
from console.repositories.privacy import CustomerExport, PrivacyRepository
from console.storage.postgres.customers_repository import consent_history, record_consent
from console.storage.postgres.errors import NotOnPostgresYet


class PostgresPrivacy:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def record_consent(self, events: Sequence[ConsentEvent]) -> None:
        record_consent(self.conn, events)

    def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        return consent_history(self.conn, customer_id)

    def export_customer(self, customer_id: int) -> CustomerExport:
        raise NotOnPostgresYet("a customer's export is not on PostgreSQL yet")

    def erase_customer(
        self, customer_id: int, *, now: dt.datetime, actor: str, actor_role: str
    ) -> int:
        raise NotOnPostgresYet("erasure is not on PostgreSQL yet")

    def clear_erased_traces(self, wait_seconds: float) -> bool:
        return True  # nothing kept outside the tables that a client could reach


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> PrivacyRepository:
        return PostgresPrivacy(conn)

"""The privacy repository (see :mod:`console.repositories`): consent history, everything
held about one customer, and erasure.

Consent times are instants (stored in UTC; read back as the computer's wall time, which
is what :class:`~console.domain.consent.ConsentEvent` holds).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from console.domain.consent import ConsentEvent


class ErasureIncomplete(RuntimeError):
    """A table holds customer rows but has no erasure rule; nothing was erased."""


@dataclass(frozen=True, slots=True)
class CustomerExport:
    """Everything held about one customer: rows by table, and the audit entries about
    them (values JSON-compatible, as stored)."""

    customer_id: int
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    audit: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"customer_id": self.customer_id, "tables": self.tables, "audit": self.audit}


class PrivacyRepository(Protocol):
    def record_consent(self, events: Sequence[ConsentEvent]) -> None:
        """Append consent changes and set each customer's current answer."""
        ...

    def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        """The customer's consent changes, oldest first."""
        ...

    def export_customer(self, customer_id: int) -> CustomerExport:
        """Raises LookupError for an unknown customer."""
        ...

    def erase_customer(
        self,
        customer_id: int,
        *,
        now: dt.datetime,
        actor: str,
        actor_role: str,
        console: str = "",
    ) -> int:
        """Remove or anonymise everything personal about the customer (and records merged
        into it), blank the audit entries' values about them (with a ``redact`` entry in
        the name of *actor*, from *console* on a server) and add them to the erasure
        register. Returns how many audit entries were redacted. Raises
        :class:`ErasureIncomplete`, LookupError."""
        ...

    def clear_erased_traces(self, wait_seconds: float) -> bool:
        """Drop old copies of erased data the store keeps outside its tables (SQLite:
        the write-ahead log), waiting up to *wait_seconds* for other readers. False when
        a reader held on: the copies are gone once every reader has closed."""
        ...

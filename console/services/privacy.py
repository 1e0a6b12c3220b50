"""Customers' rights: consent per purpose, a full export of one customer, and erasure.

Export and erasure are for managers (and admins); both are recorded in the audit trail.
Erasure removes or anonymises personal data everywhere (search index included) while
the customer's purchases, visits and complaints stay countable in the figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from console.domain import messages as m
from console.domain.clock import Clock
from console.domain.consent import ConsentEvent, Method, Purpose
from console.domain.messages import ErasureWithoutReason, Refusal
from console.domain.roles import Permission
from console.domain.text import clean_text
from console.repositories import Store
from console.repositories.privacy import ErasureIncomplete
from console.services.backup import BackupService, Retention
from console.services.identity import Identity, Record

# Re-exported for the window and the command line.
__all__ = ["ErasureIncomplete"]

#: What is known of the backups when no backup service is given: none.
NO_BACKUPS = Retention(None, False, ())


@dataclass(frozen=True, slots=True)
class ErasureResult:
    """What an erasure did, and what still holds the customer's data."""

    customer_id: int
    redacted: int  # audit entries whose values were blanked
    wal_cleared: bool  # False: another program's read snapshot kept the old pages in the WAL
    backups: Retention

    @property
    def complete(self) -> bool:
        return self.wal_cleared and not self.backups.holds_anything

    def describe(self) -> str:
        """The result in one paragraph for the manager, in English."""
        return str(self.said())

    def said(self) -> m.ErasureReport:
        """The result as a message (the CLI says it in the locale's language)."""
        parts: list[m.Message] = [m.ErasureDone(self.customer_id, self.redacted)]
        if not self.wal_cleared:
            parts.append(m.ErasureWalKept())
        retention = self.backups
        if retention.scheduled_kept:
            parts.append(m.ErasureBackupsNeverRotate())
        elif retention.scheduled_until is not None:
            parts.append(m.ErasureBackupsUntil(retention.scheduled_until))
        if retention.kept_until_deleted:
            parts.append(m.ErasureManualBackups(len(retention.kept_until_deleted)))
        return m.ErasureReport(tuple(parts))


class PrivacyService:
    def __init__(
        self,
        store: Store,
        identity: Identity,
        clock: Clock | None = None,
        backups: BackupService | None = None,
    ) -> None:
        self._store = store
        self._identity = identity
        self._clock = clock or identity.clock
        self._backups = backups

    async def set_consent(
        self,
        customer_id: int,
        purpose: Purpose,
        granted: bool,
        method: Method = Method.IN_PERSON,
        note: str = "",
    ) -> ConsentEvent:
        await self._identity.require(Permission.EDIT_CUSTOMER, "consent")
        event = ConsentEvent(
            customer_id,
            purpose,
            granted,
            self._clock.now().replace(microsecond=0),
            method,
            await self._identity.name(),
            clean_text(note.strip(), multiline=True),
        )
        await self._identity.apply(
            lambda r: r.privacy.record_consent([event]),
            [
                Record(
                    "consent",
                    "consent",
                    customer_id,
                    {purpose.value: [not granted, granted]},
                    detail=event.describe(),
                )
            ],
        )
        return event

    async def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        return await self._store.read(lambda r: r.privacy.consent_history(customer_id))

    async def export_customer(self, customer_id: int) -> dict[str, Any]:
        """Everything held about one customer (managers); JSON-safe."""
        await self._identity.require(Permission.EXPORT, "customer")
        found = await self._store.read(lambda r: r.privacy.export_customer(customer_id))
        data = found.to_json()
        await self._identity.record(
            "export", "customer", customer_id, detail="everything about the customer (JSON)"
        )
        safe: dict[str, Any] = json.loads(json.dumps(data, ensure_ascii=False, default=str))
        return safe

    async def erase_customer(
        self, customer_id: int, reason: str, *, wait_seconds: float = 5.0
    ) -> ErasureResult:
        """Erase one customer's personal data (managers), record it in the erasure
        register (a restore erases them again), and empty the write-ahead log, waiting up
        to *wait_seconds* for other readers. The result says what is not yet gone: the
        WAL when a reader held on, and the backups made before (until they rotate out)."""
        await self._identity.require(Permission.ERASE_CUSTOMER, "customer")
        if not reason.strip():
            raise Refusal(ErasureWithoutReason())
        name, role = await self._identity.who()
        now = self._clock.now().replace(microsecond=0)
        # The erasure, its `redact` entry (in the eraser's name) and its `erase` entry
        # commit together or not at all.
        redacted = await self._identity.apply(
            lambda r: r.privacy.erase_customer(
                customer_id,
                now=now,
                actor=name,
                actor_role=role.value,
                console=self._identity.console,
            ),
            [Record("erase", "customer", customer_id, detail=reason.strip())],
        )
        cleared = await self._store.read(lambda r: r.privacy.clear_erased_traces(wait_seconds))
        held = NO_BACKUPS if self._backups is None else await self._backups.retention()
        return ErasureResult(customer_id, redacted, cleared, held)

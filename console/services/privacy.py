"""Customers' rights: consent per purpose, a full export of one customer, and erasure.

Export and erasure are for managers (and admins); both are recorded in the audit trail.
Erasure removes or anonymises personal data everywhere (search index included) while
the customer's purchases, visits and complaints stay countable in the figures.
"""

from __future__ import annotations

import json
from typing import Any

from console.domain.clock import Clock
from console.domain.consent import ConsentEvent, Method, Purpose
from console.domain.roles import Permission
from console.domain.text import clean_text
from console.services.identity import Identity, Record
from console.storage import privacy as store
from console.storage.runner import DatabaseRunner


class PrivacyService:
    def __init__(
        self, runner: DatabaseRunner, identity: Identity, clock: Clock | None = None
    ) -> None:
        self._runner = runner
        self._identity = identity
        self._clock = clock or identity.clock

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
            lambda db: store.record_consent(db, [event]),
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
        return await self._runner.run(store.consent_history, customer_id)

    async def export_customer(self, customer_id: int) -> dict[str, Any]:
        """Everything held about one customer (managers); JSON-safe."""
        await self._identity.require(Permission.EXPORT, "customer")
        data = await self._runner.run(store.export_customer, customer_id)
        await self._identity.record(
            "export", "customer", customer_id, detail="everything about the customer (JSON)"
        )
        safe: dict[str, Any] = json.loads(json.dumps(data, ensure_ascii=False, default=str))
        return safe

    async def erase_customer(self, customer_id: int, reason: str) -> int:
        """Erase one customer's personal data (managers); returns redacted audit entries."""
        await self._identity.require(Permission.ERASE_CUSTOMER, "customer")
        if not reason.strip():
            raise ValueError("say why the customer is erased (e.g. 'customer asked')")
        redacted = await self._runner.run(
            store.erase_customer, customer_id, now=self._clock.now().replace(microsecond=0)
        )
        await self._identity.record("erase", "customer", customer_id, detail=reason.strip())
        return redacted

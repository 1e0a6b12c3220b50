"""The staff repository (see :mod:`console.repositories`): accounts, sign-in attempts and
the append-only, hash-chained audit trail.

Times are aware instants (UTC when read back). The rules (who may sign in, when an
account locks) live in the services; this interface keeps the facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from console.domain import messages as m
from console.domain.roles import Role
from console.domain.staff import AuditEntry, StaffMember

#: What erasure leaves of an audit entry's before → after values.
REDACTED = '{"redacted": true}'


class StaffNotFound(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class NewStaff:
    """An account to add (the secret already hashed)."""

    name: str
    role: Role
    secret_hash: str
    store: str = ""
    extension: str = ""
    queues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Credentials:
    """An account and its stored secret hash (for the sign-in check only)."""

    member: StaffMember
    secret_hash: str


@dataclass(frozen=True, slots=True)
class StaffUpdate:
    """An account after a change, and the fields that changed (before, after); a secret
    hash is reported as ``("…", "changed")`` only."""

    member: StaffMember
    changed: dict[str, tuple[Any, Any]]


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One audit entry to append: who (name and role) did what to which record, when."""

    at: dt.datetime
    actor: str
    actor_role: str
    action: str
    entity: str = ""
    entity_id: str | int = ""
    fields: Mapping[str, Any] | None = None
    detail: str = ""
    #: The enrolled console that sent the request, on a console server ("" on a desk).
    console: str = ""


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Which audit entries: any combination (``until`` excluded)."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    actor: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: str | int | None = None


@dataclass(frozen=True, slots=True)
class Break:
    """The first place where a chain does not hold."""

    entry_id: int
    at: str  # the entry's recorded time ("" when the entry itself is missing)
    problem: m.Message  # one of the chain.* codes

    def describe(self, table: str) -> str:
        what = "audit entry" if table == AUDIT_CHAIN else "sign-in attempt"
        when = f" ({self.at})" if self.at else ""
        return f"{what} #{self.entry_id}{when}: {self.problem}"


AUDIT_CHAIN = "audit"
ATTEMPTS_CHAIN = "sign_in_attempts"


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What walking one hash chain (the audit trail, the sign-in attempts) found."""

    table: str
    entries: int
    head_id: int
    head_hash: str
    broken: Break | None = field(default=None)

    @property
    def intact(self) -> bool:
        return self.broken is None

    def describe(self) -> str:
        name = "audit trail" if self.table == AUDIT_CHAIN else "sign-in attempts"
        if self.broken is None:
            return f"{name} intact: {self.entries} entries"
        return f"{name} broken at {self.broken.describe(self.table)}"

    def said(self) -> m.Message | None:
        """Where and how the chain is broken, as a message code (None when intact);
        ``str()`` of it is :meth:`describe`."""
        if self.broken is None:
            return None
        audit = self.table == AUDIT_CHAIN
        return m.ChainBroken(
            chain=m.Word(m.AUDIT_TRAIL if audit else m.SIGN_IN_ATTEMPTS),
            what=m.Word(m.AUDIT_ENTRY if audit else m.SIGN_IN_ATTEMPT),
            entry_id=self.broken.entry_id,
            at=str(self.broken.at or ""),
            problem=self.broken.problem,
        )


class StaffRepository(Protocol):
    # --- accounts ---------------------------------------------------------------------

    def count(self) -> int: ...

    def add(self, new: NewStaff, now: dt.datetime) -> StaffMember:
        """Insert an account; raises :class:`~console.domain.staff.StaffNameTaken` when
        the name (any case) is taken — by the store's uniqueness constraint."""
        ...

    def get(self, staff_id: int) -> StaffMember:
        """Raises :class:`StaffNotFound`."""
        ...

    def find(self, name: str) -> Credentials | None:
        """The account called *name* (any case) with its secret hash."""
        ...

    def all_staff(self) -> list[StaffMember]:
        """Every account, by name."""
        ...

    def update(self, staff_id: int, now: dt.datetime, changes: Mapping[str, Any]) -> StaffUpdate:
        """Change role/store/extension/queues/active/language/secret_hash (unchanged
        values are not written; ``queues`` as one text:
        :func:`~console.domain.staff.queues_text`). Raises :class:`StaffNotFound`,
        ValueError for another field."""
        ...

    # --- sign-in attempts -------------------------------------------------------------

    def record_attempt(
        self, staff_id: int | None, name: str, at: dt.datetime, outcome: str
    ) -> None:
        """Append one attempt (``ok``, ``wrong``, ``locked``, ``unknown``, ``inactive``)
        to the attempts' hash chain."""
        ...

    def wrong_attempts_since(self, staff_id: int, since: dt.datetime) -> list[dt.datetime]:
        """Times of the wrong attempts after *since* recorded after the account's last
        successful sign-in, in the order recorded."""
        ...

    # --- the audit trail ----------------------------------------------------------------

    def append_audit(self, record: AuditRecord) -> int:
        """Append an entry to the chain; returns its id."""
        ...

    def audit_entries(
        self, query: AuditQuery | None = None, *, offset: int = 0, limit: int | None = 200
    ) -> list[AuditEntry]:
        """Entries newest first."""
        ...

    def count_audit(self, query: AuditQuery | None = None) -> int: ...

    def last_audit_at(self, query: AuditQuery) -> dt.datetime | None:
        """When the newest entry matching *query* was recorded."""
        ...

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
        """Blank the values of the entries about *entity_ids* (an erasure) and append the
        ``redact`` entry that lists them (from *console*, on a server); the chain still
        verifies. Returns how many."""
        ...

    def verify_chains(self) -> list[ChainReport]:
        """Walk the audit trail's and the sign-in attempts' hash chains (one snapshot)."""
        ...

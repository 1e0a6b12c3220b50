"""Who is working, for every service: permission checks and audit entries in one place.

In the window somebody is always signed in (:class:`StaffService` holds the session).
Commands that take ``--as NAME`` sign that person in (PIN from stdin) and act as them.
Where nobody signs in — a read-only command without ``--as``, run by whoever can open the
database and its key — the local operator acts: the operating-system account
(``cli:alice``) with an admin's rights, since they hold the file and its key anyway.
With a :class:`StaffService` but nobody signed in (the window before sign-in), nobody
has more than an agent's rights. (The ``staff_name`` and ``role`` settings that stood in
for sign-in are gone.)
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from console.domain.clock import Clock, SystemClock
from console.domain.roles import NotAllowed, Permission, Role, require
from console.domain.staff import Session
from console.repositories import Repositories, Store
from console.repositories.staff import AuditRecord


class Sessions(Protocol):
    """Who is signed in at this console (:class:`console.services.staff.StaffService`)."""

    session: Session | None
    clock: Clock


T = TypeVar("T")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Record:
    """One audit entry to write with a change (who and when are filled in by Identity)."""

    action: str
    entity: str = ""
    entity_id: str | int = ""
    fields: dict[str, Any] | None = None
    detail: str = ""


#: What a change is recorded as: fixed records, or records made from the change's result
#: (a new row's id) on the database thread, inside the same transaction.
Records = Iterable[Record] | Callable[[Any], Iterable[Record]]


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return "unknown"


async def require_or_record(
    store: Store,
    clock: Clock,
    actor: str,
    role: Role,
    permission: Permission,
    entity: str = "",
    *,
    console: str = "",
) -> None:
    """THE permission check of every service: raise NotAllowed unless *role* may, and
    record the refusal first (action ``refused``, the entity, what was refused) in the
    name of *actor* (from *console*, on a console server). :meth:`Identity.require` is
    this for whoever is working now."""
    try:
        require(role, permission)
    except NotAllowed as exc:
        refused = AuditRecord(
            at=clock.utc(),
            actor=actor,
            actor_role=role.value,
            action="refused",
            entity=entity,
            detail=str(exc),
            console=console,
        )
        await store.write(lambda r: r.staff.append_audit(refused))
        raise


async def apply_recorded(
    store: Store,
    clock: Clock,
    actor: str,
    actor_role: str,
    change: Callable[[Repositories], T],
    records: Records,
    *,
    console: str = "",
) -> T:
    """Run *change(repositories)* and write its audit entries (in the name of *actor*) in
    ONE transaction: the row and its record commit together or not at all. The one
    implementation behind :meth:`Identity.apply` and the staff service's changes (whose
    actor is the session that acts, or ``system`` for the first admin). *console*: the
    enrolled console that sent the request (console server; "" on a desk)."""
    at = clock.utc()

    def job(repos: Repositories) -> T:
        result = change(repos)
        made = records(result) if callable(records) else records
        for r in made:
            repos.staff.append_audit(
                AuditRecord(
                    at=at,
                    actor=actor,
                    actor_role=actor_role,
                    action=r.action,
                    entity=r.entity,
                    entity_id=r.entity_id,
                    fields=r.fields,
                    detail=r.detail,
                    console=console,
                )
            )
        return result

    return await store.write(job)


class Identity:
    def __init__(
        self,
        store: Store,
        settings: object = None,  # unused since sign-in replaced the staff_name/role settings
        staff: Sessions | None = None,
        *,
        clock: Clock | None = None,
        nobody: str = "",
        console: str = "",
    ) -> None:
        self._store = store
        self.staff = staff
        #: Who acts, with an agent's rights, while nobody is signed in (on the console
        #: server: ``console:<name>``, the console that sent the request).
        self.nobody = nobody
        #: The enrolled console whose request this is, on the console server (its name
        #: goes into every audit entry); "" on a desk: the file is the desk's own.
        self.console = console
        self.clock = clock or (staff.clock if staff is not None else SystemClock())

    async def who(self) -> tuple[str, Role]:
        """Name and role of whoever is working now."""
        session = self.staff.session if self.staff is not None else None
        if session is not None:
            return session.name, session.role
        if self.staff is None:
            # The local operator holds the database and its key anyway: full rights.
            return f"cli:{_os_user()}", Role.ADMIN
        return self.nobody, Role.AGENT

    async def name(self) -> str:
        return (await self.who())[0]

    async def role(self) -> Role:
        return (await self.who())[1]

    async def require(self, permission: Permission, entity: str = "") -> None:
        """Raise NotAllowed (and record the refusal) unless the current role may."""
        name, role = await self.who()
        await require_or_record(
            self._store, self.clock, name, role, permission, entity, console=self.console
        )

    async def record(
        self,
        action: str,
        entity: str = "",
        entity_id: str | int = "",
        fields: dict[str, Any] | None = None,
        detail: str = "",
    ) -> None:
        """Append an audit entry and wait for it."""
        entry = await self._entry(action, entity, entity_id, fields, detail)
        await self._store.write(lambda r: r.staff.append_audit(entry))

    async def apply(self, change: Callable[[Repositories], T], records: Records) -> T:
        """Run *change(repositories)* and write its audit entries in ONE transaction
        (the store's unit of work): the row and its record commit together or not at all
        (a kill between them, or a failing audit insert, leaves neither)."""
        name, role = await self.who()
        return await apply_recorded(
            self._store, self.clock, name, role.value, change, records, console=self.console
        )

    async def record_later(
        self, action: str, entity: str = "", entity_id: str | int = "", detail: str = ""
    ) -> None:
        """Queue an audit entry behind the current database work without waiting for it
        (profile views: the panel should not wait for a disk flush)."""
        entry = await self._entry(action, entity, entity_id, None, detail)
        future = self._store.write_later(lambda r: r.staff.append_audit(entry))
        future.add_done_callback(_log_failure)

    async def _entry(
        self,
        action: str,
        entity: str,
        entity_id: str | int,
        fields: dict[str, Any] | None,
        detail: str,
    ) -> AuditRecord:
        """The audit entry for *action*, attributed to whoever is working now."""
        name, role = await self.who()
        return AuditRecord(
            at=self.clock.utc(),
            actor=name,
            actor_role=role.value,
            action=action,
            entity=entity,
            entity_id=entity_id,
            fields=fields,
            detail=detail,
            console=self.console,
        )


def _log_failure(future: Future[int]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error("an audit entry could not be written", exc_info=future.exception())

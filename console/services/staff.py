"""Staff sign-in, accounts and the audit trail.

* The first account is an admin, created at first run (window or ``staff add --role
  admin``); after that only admins add or change staff.
* Sign-in takes a name and a PIN or password. Five wrong attempts within 15 minutes lock
  the account for 15 minutes; every attempt is kept and wrong ones and locks go into the
  audit trail. A locked account is refused without checking the PIN, so guessing during
  a lock learns nothing.
* :class:`AuditService` appends one entry per create, update, delete, export, erasure,
  sign-in and profile view: who, when, which record, which fields (before → after).
  Nobody can change it through the app; managers read and export it.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import functools
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from console.domain import messages as msg
from console.domain.clock import Clock, SystemClock
from console.domain.roles import Permission, Role
from console.domain.staff import (
    FAILURE_WINDOW,
    LOCK_FOR,
    AuditEntry,
    Session,
    StaffMember,
    WeakSecret,
    check_secret_strength,
    hash_secret,
    locked_until,
    parse_queues,
    queues_text,
    validate_queues,
    validate_staff,
    verify_secret,
)
from console.domain.validation import ValidationFailed
from console.repositories import Repositories, Store
from console.repositories.staff import (
    AuditQuery,
    AuditRecord,
    ChainReport,
    NewStaff,
    StaffUpdate,
)
from console.services.identity import Record, Records, apply_recorded, require_or_record

T = TypeVar("T")

SYSTEM = "system"  # the actor of entries nobody signed in for (first admin, sign-in)


class SignInRefused(Exception):
    """Wrong name or PIN, a locked or inactive account; ``message`` (a code) is safe to
    show."""

    def __init__(self, message: msg.Message) -> None:
        super().__init__(str(message))
        self.message = message


def _actor(actor: Session | None) -> tuple[str, str]:
    return (actor.name, actor.role.value) if actor else (SYSTEM, "")


class AuditService:
    def __init__(self, store: Store, clock: Clock | None = None, *, console: str = "") -> None:
        self._store = store
        self.clock = clock or SystemClock()
        #: The enrolled console whose request this is (console server): named in every
        #: entry this service and the staff service write; "" on a desk.
        self.console = console

    async def record(
        self,
        actor: Session | None,
        action: str,
        entity: str = "",
        entity_id: str | int = "",
        fields: dict[str, Any] | None = None,
        detail: str = "",
    ) -> int:
        name, role = _actor(actor)
        entry = AuditRecord(
            at=self.clock.utc(),
            actor=name,
            actor_role=role,
            action=action,
            entity=entity,
            entity_id=entity_id,
            fields=fields,
            detail=detail,
            console=self.console,
        )
        return await self._store.write(lambda r: r.staff.append_audit(entry))

    async def apply(
        self, actor: Session | None, change: Callable[[Repositories], T], records: Records
    ) -> T:
        """Run *change(repositories)* and append its audit entries, in the name of
        *actor* (``system`` for None), in ONE transaction (as :meth:`Identity.apply`)."""
        name, role = _actor(actor)
        return await apply_recorded(
            self._store, self.clock, name, role, change, records, console=self.console
        )

    async def require(self, actor: Session, permission: Permission, entity: str) -> None:
        """The one permission path (:func:`require_or_record`) for an explicit session."""
        await require_or_record(
            self._store,
            self.clock,
            actor.name,
            actor.role,
            permission,
            entity,
            console=self.console,
        )

    async def entries(
        self,
        viewer: Session,
        *,
        offset: int = 0,
        limit: int | None = 200,
        **filters: Any,
    ) -> list[AuditEntry]:
        """Entries newest first (managers and admins); filters as :class:`AuditQuery`."""
        await self.require(viewer, Permission.VIEW_AUDIT, "audit")
        query = AuditQuery(**filters)
        return await self._store.read(
            lambda r: r.staff.audit_entries(query, offset=offset, limit=limit)
        )

    async def count(self, viewer: Session, **filters: Any) -> int:
        await self.require(viewer, Permission.VIEW_AUDIT, "audit")
        query = AuditQuery(**filters)
        return await self._store.read(lambda r: r.staff.count_audit(query))

    async def verify(self) -> list[ChainReport]:
        """Walk the audit trail's and the sign-in attempts' hash chains (nothing personal
        is shown: ids, times and what is wrong). Open to anyone who can open the file."""
        return await self._store.read(lambda r: r.staff.verify_chains())

    async def export_csv(self, viewer: Session, **filters: Any) -> str:
        await self.require(viewer, Permission.EXPORT, "audit")
        rows = await self.entries(viewer, limit=None, **filters)
        await self.record(viewer, "export", "audit", "", detail=str(msg.AuditExported(len(rows))))
        return entries_csv(rows)


def entries_csv(rows: list[AuditEntry]) -> str:
    from console.services.csv_io import neutralise_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["at", "actor", "role", "action", "entity", "entity_id", "fields", "detail", "console"]
    )
    for entry in rows:
        fields = "; ".join(f"{key}: {value}" for key, value in sorted(entry.fields.items()))
        writer.writerow(
            [
                neutralise_cell(value)
                for value in (
                    entry.at.isoformat(),
                    entry.actor,
                    entry.actor_role,
                    entry.action,
                    entry.entity,
                    entry.entity_id,
                    fields,
                    entry.detail,
                    entry.console,
                )
            ]
        )
    return out.getvalue()


def staff_member(store: Store, name: str) -> StaffMember | None:
    """The account called *name* (any case), without its secret; None if there is none."""
    found = store.read_now(lambda r: r.staff.find(name))
    return None if found is None else found.member


class StaffService:
    """Accounts and who is signed in at this console."""

    def __init__(self, store: Store, audit: AuditService, clock: Clock | None = None) -> None:
        self._store = store
        self._audit = audit
        self.clock = clock or audit.clock
        self.session: Session | None = None

    # --- accounts -------------------------------------------------------------------

    async def needs_first_admin(self) -> bool:
        return await self._store.read(lambda r: r.staff.count()) == 0

    async def add_staff(
        self,
        actor: Session | None,
        *,
        name: str,
        role: str,
        secret: str,
        store_name: str = "",
        extension: str = "",
        queues: str | Iterable[str] = (),
    ) -> StaffMember:
        """Add an account. With no *actor* this creates the first admin (only when no
        account exists); otherwise the actor must be an admin. *queues*: the call queues
        they answer (names, or one text separated by commas)."""
        errors = validate_staff(name, role, extension, queues)
        try:
            check_secret_strength(secret)
        except WeakSecret as exc:
            errors["secret"] = exc.message
        if errors:
            raise ValidationFailed(errors)
        parsed = Role.parse(role)
        if actor is None and parsed is not Role.ADMIN:
            raise ValidationFailed({"role": msg.FirstAccountAdmin()})
        if actor is not None:
            await self._audit.require(actor, Permission.MANAGE_STAFF, "staff")
        hashed = await asyncio.get_running_loop().run_in_executor(None, hash_secret, secret)
        now = self.clock.utc()
        new = NewStaff(
            name=name.strip(),
            role=parsed,
            secret_hash=hashed,
            store=store_name.strip(),
            extension=extension.strip(),
            queues=parse_queues(queues),
        )

        def add(repos: Repositories) -> StaffMember:
            # The first admin only while no account exists, checked in the same transaction.
            if actor is None and repos.staff.count():
                raise PermissionError("the first account already exists; sign in as an admin")
            return repos.staff.add(new, now)

        # The account and its `create` entry commit together.
        return await self._audit.apply(
            actor,
            add,
            lambda member: [
                Record(
                    "create",
                    "staff",
                    member.id,
                    {
                        "name": [None, member.name],
                        "role": [None, member.role.value],
                        "store": [None, member.store],
                        "extension": [None, member.extension],
                    }
                    # Only when there are some: an account without queues is recorded
                    # as before there were queues.
                    | ({"queues": [None, queues_text(member.queues)]} if member.queues else {}),
                )
            ],
        )

    async def list_staff(self, actor: Session) -> list[StaffMember]:
        await self._audit.require(actor, Permission.MANAGE_STAFF, "staff")
        return await self._store.read(lambda r: r.staff.all_staff())

    async def change_staff(self, actor: Session, staff_id: int, **changes: Any) -> StaffMember:
        """Change role, store, extension, queues (names, or one text separated by
        commas), language, active; or ``secret`` (a new PIN).

        Admins change anyone; everyone may change their own PIN and language.
        """
        own = actor.staff.id == staff_id and set(changes) <= {"secret", "language"}
        if not own:
            await self._audit.require(actor, Permission.MANAGE_STAFF, "staff")
        if "role" in changes:
            changes["role"] = Role.parse(str(changes["role"]))
        if "queues" in changes:
            errors = validate_queues(changes["queues"])
            if errors:
                raise ValidationFailed(errors)
            changes["queues"] = queues_text(changes["queues"])
        if "secret" in changes:
            secret = str(changes.pop("secret"))
            try:
                check_secret_strength(secret)
            except WeakSecret as exc:
                raise ValidationFailed({"secret": exc.message}) from None
            changes["secret_hash"] = await asyncio.get_running_loop().run_in_executor(
                None, hash_secret, secret
            )
        now = self.clock.utc()

        def change(repos: Repositories) -> StaffUpdate:
            return repos.staff.update(staff_id, now, changes)

        # The change and its `update` entry commit together (an unchanged account: none).
        done = await self._audit.apply(
            actor,
            change,
            lambda done: (
                [Record("update", "staff", staff_id, {k: list(v) for k, v in done.changed.items()})]
                if done.changed
                else []
            ),
        )
        member = done.member
        if self.session and self.session.staff.id == staff_id:
            self.session = Session(member, self.session.signed_in_at)
        return member

    # --- signing in -----------------------------------------------------------------

    async def sign_in(self, name: str, secret: str) -> Session:
        """Sign in at this console; raises SignInRefused with a message safe to show.

        The lock check, the PIN check and the record of the attempt (with its audit entry)
        are one write transaction on the database thread, so parallel attempts — from this
        console or another process — are checked one after another and the fourth wrong
        PIN locks the account before any further PIN is looked at.
        """
        now = self.clock.utc()

        def check(stored: str | None) -> bool:
            return verify_secret(secret, stored if stored is not None else _dummy_hash())

        console = self._audit.console
        result = await self._store.write(lambda r: _attempt_sign_in(r, name, now, check, console))
        if result.outcome == "ok" and result.member is not None:
            self.session = Session(result.member, now)
            return self.session
        if result.locked_until is not None:
            raise SignInRefused(_locked_message(result.locked_until, now))
        if result.outcome == "inactive":
            raise SignInRefused(msg.AccountSwitchedOff())
        raise SignInRefused(msg.NoSuchAccount())

    async def sign_out(self) -> None:
        if self.session is not None:
            session, self.session = self.session, None
            await self._audit.record(session, "sign_out", "staff", session.staff.id)


@dataclass(frozen=True, slots=True)
class AttemptResult:
    """What one sign-in attempt came to: ``ok``, ``wrong``, ``locked``, ``unknown`` or
    ``inactive``; *locked_until* when the account is (now) locked."""

    outcome: str
    member: StaffMember | None
    locked_until: dt.datetime | None = None


def _lock_end(repos: Repositories, staff_id: int, now: dt.datetime) -> dt.datetime | None:
    """When the account opens again: from the wrong attempts, and from the newest
    ``lock`` audit entry (so deleting attempt rows does not lift a lock)."""
    failures = repos.staff.wrong_attempts_since(staff_id, now - FAILURE_WINDOW - LOCK_FOR)
    until = locked_until(failures, now)  # only wrong attempts after the last success
    locked_at = repos.staff.last_audit_at(
        AuditQuery(entity="staff", entity_id=staff_id, action="lock")
    )
    if locked_at is not None:
        from_audit = locked_at + LOCK_FOR
        if from_audit > now and (until is None or from_audit > until):
            until = from_audit
    return until


def _attempt_sign_in(
    repos: Repositories,
    name: str,
    now: dt.datetime,
    check: Callable[[str | None], bool],
    console: str = "",
) -> AttemptResult:
    """Check a sign-in and record it, with its audit entry (a write job: ONE transaction).

    ``check(stored_hash)`` verifies the secret (``None``: an unknown name — check against
    a dummy so timing tells nothing). The store's write transaction serialises attempts
    from every connection and process: the lock state read here cannot change before this
    attempt is recorded, so no more than MAX_FAILURES wrong secrets are ever checked
    before the lock.
    """
    name = name.strip()
    staff = repos.staff
    found = staff.find(name)

    def audit(action: str, who: StaffMember | None, detail: str = "") -> None:
        actor, role = (who.name, who.role.value) if who else (SYSTEM, "")
        staff.append_audit(
            AuditRecord(
                at=now,
                actor=actor,
                actor_role=role,
                action=action,
                entity="staff",
                entity_id=found.member.id if found else "",
                detail=detail,
                console=console,
            )
        )

    if found is None:
        check(None)
        staff.record_attempt(None, name, now, "unknown")
        audit("sign_in_failed", None, name)
        return AttemptResult("unknown", None)
    member = found.member
    if not member.active:
        staff.record_attempt(member.id, member.name, now, "inactive")
        audit("sign_in_failed", None, "inactive")
        return AttemptResult("inactive", member)
    until = _lock_end(repos, member.id, now)
    if until is not None:
        staff.record_attempt(member.id, member.name, now, "locked")
        audit("sign_in_failed", None, "locked")
        return AttemptResult("locked", member, until)
    if not check(found.secret_hash):
        staff.record_attempt(member.id, member.name, now, "wrong")
        until = _lock_end(repos, member.id, now)
        if until is not None:
            audit("lock", None, "too many wrong PINs")
            return AttemptResult("wrong", member, until)
        audit("sign_in_failed", None, "wrong")
        return AttemptResult("wrong", member)
    staff.record_attempt(member.id, member.name, now, "ok")
    audit("sign_in", member)
    return AttemptResult("ok", member)


def _locked_message(until: dt.datetime, now: dt.datetime) -> msg.Message:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return msg.AccountLocked(minutes)


@functools.cache
def _dummy_hash() -> str:
    """A real hash, so unknown names cost the same time as known ones."""
    return hash_secret("not-a-real-account-0")


class StaffDesk:
    """Staff accounts and the audit trail for the person signed in: the same calls on a
    desk (the command line signs them in) and on the console server (the session is the
    request's, never sent by the console), so a command does not know which it is.

    Without a session only :meth:`verify` answers, and — on a desk, while no account
    exists — :meth:`add_staff` makes the first admin (a console server's first admin is
    made by ``server init`` on its host, never over the network).
    """

    def __init__(
        self,
        staff: StaffService,
        audit: AuditService,
        session: Session | None,
        *,
        first_admin_here: bool = False,
    ) -> None:
        self._staff = staff
        self._audit = audit
        self._session = session
        self._first_admin_here = first_admin_here

    def _me(self) -> Session:
        if self._session is None:
            raise PermissionError("sign in first: this needs a manager's or an admin's PIN")
        return self._session

    async def me(self) -> Session:
        """Who is signed in (a console in team mode asks once, after its sign-in)."""
        return self._me()

    async def needs_first_admin(self) -> bool:
        return self._first_admin_here and await self._staff.needs_first_admin()

    async def list_staff(self) -> list[StaffMember]:
        return await self._staff.list_staff(self._me())

    async def add_staff(
        self,
        *,
        name: str,
        role: str,
        secret: str,
        store_name: str = "",
        extension: str = "",
        queues: str | Iterable[str] = (),
    ) -> StaffMember:
        actor = self._session
        if actor is None and not self._first_admin_here:
            actor = self._me()  # refused: no one signed in
        return await self._staff.add_staff(
            actor,
            name=name,
            role=role,
            secret=secret,
            store_name=store_name,
            extension=extension,
            queues=queues,
        )

    async def change_staff(self, staff_id: int, **changes: Any) -> StaffMember:
        return await self._staff.change_staff(self._me(), staff_id, **changes)

    async def entries(
        self, *, offset: int = 0, limit: int | None = 200, **filters: Any
    ) -> list[AuditEntry]:
        return await self._audit.entries(self._me(), offset=offset, limit=limit, **filters)

    async def count(self, **filters: Any) -> int:
        return await self._audit.count(self._me(), **filters)

    async def export_csv(self, **filters: Any) -> str:
        return await self._audit.export_csv(self._me(), **filters)

    async def verify(self) -> list[ChainReport]:
        return await self._audit.verify()

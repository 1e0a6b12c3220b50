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
from collections.abc import Callable
from typing import Any, TypeVar

from console.domain import messages as msg
from console.domain.clock import Clock, SystemClock
from console.domain.roles import NotAllowed, Permission, Role, require
from console.domain.staff import (
    AuditEntry,
    Session,
    StaffMember,
    WeakSecret,
    check_secret_strength,
    hash_secret,
    validate_staff,
    verify_secret,
)
from console.domain.validation import ValidationFailed
from console.storage.sqlite import staff as store
from console.storage.sqlite.audit_chain import ChainReport, verify_all
from console.storage.sqlite.runner import DatabaseRunner
from console.storage.sqlite.transactions import write_transaction

T = TypeVar("T")


class SignInRefused(Exception):
    """Wrong name or PIN, a locked or inactive account; ``message`` (a code) is safe to
    show."""

    def __init__(self, message: msg.Message) -> None:
        super().__init__(str(message))
        self.message = message


class AuditService:
    def __init__(self, runner: DatabaseRunner, clock: Clock | None = None) -> None:
        self._runner = runner
        self.clock = clock or SystemClock()

    async def record(
        self,
        actor: Session | None,
        action: str,
        entity: str = "",
        entity_id: str | int = "",
        fields: dict[str, Any] | None = None,
        detail: str = "",
    ) -> int:
        return await self._runner.run(
            store.append_audit,
            at=self.clock.utc(),
            actor=actor.name if actor else "system",
            actor_role=actor.role.value if actor else "",
            action=action,
            entity=entity,
            entity_id=entity_id,
            fields=fields,
            detail=detail,
        )

    async def apply(
        self,
        actor: Session | None,
        change: Callable[[Any], T],
        entry: Callable[[T], tuple[str, str, str | int, dict[str, Any] | None] | None],
    ) -> T:
        """Run *change(db)* and append the audit entry that *entry(result)* describes
        (action, entity, id, fields; None: nothing to record) in ONE transaction on the
        database thread."""
        at = self.clock.utc()

        def job(db: Any) -> T:
            with write_transaction(db):
                result = change(db)
                described = entry(result)
                if described is None:
                    return result
                action, entity, entity_id, fields = described
                store.append_audit(
                    db,
                    at=at,
                    actor=actor.name if actor else "system",
                    actor_role=actor.role.value if actor else "",
                    action=action,
                    entity=entity,
                    entity_id=entity_id,
                    fields=fields,
                    detail="",
                )
                return result

        return await self._runner.run(job)

    async def entries(self, viewer: Session, **filters: Any) -> list[AuditEntry]:
        """Entries newest first (managers and admins); filters as storage.query_audit."""
        await self._require(viewer, Permission.VIEW_AUDIT)
        return await self._runner.run(store.query_audit, **filters)

    async def count(self, viewer: Session, **filters: Any) -> int:
        await self._require(viewer, Permission.VIEW_AUDIT)
        return await self._runner.run(store.count_audit, **filters)

    async def verify(self) -> list[ChainReport]:
        """Walk the audit trail's and the sign-in attempts' hash chains (nothing personal
        is shown: ids, times and what is wrong). Open to anyone who can open the file."""
        return await self._runner.run(verify_all)

    async def export_csv(self, viewer: Session, **filters: Any) -> str:
        await self._require(viewer, Permission.EXPORT)
        rows = await self.entries(viewer, limit=None, **filters)
        await self.record(viewer, "export", "audit", "", detail=str(msg.AuditExported(len(rows))))
        return entries_csv(rows)

    async def _require(self, viewer: Session, permission: Permission) -> None:
        try:
            require(viewer.role, permission)
        except NotAllowed as exc:
            await self.record(viewer, "refused", "audit", "", detail=str(exc))
            raise


def entries_csv(rows: list[AuditEntry]) -> str:
    from console.services.csv_io import neutralise_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["at", "actor", "role", "action", "entity", "entity_id", "fields", "detail"])
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
                )
            ]
        )
    return out.getvalue()


def staff_member(runner: DatabaseRunner, name: str) -> StaffMember | None:
    """The account called *name* (any case), without its secret; None if there is none."""
    found = runner.call(store.find_staff, name)
    return None if found is None else found[0]


class StaffService:
    """Accounts and who is signed in at this console."""

    def __init__(
        self, runner: DatabaseRunner, audit: AuditService, clock: Clock | None = None
    ) -> None:
        self._runner = runner
        self._audit = audit
        self.clock = clock or audit.clock
        self.session: Session | None = None

    # --- accounts -------------------------------------------------------------------

    async def needs_first_admin(self) -> bool:
        return await self._runner.run(store.count_staff) == 0

    async def add_staff(
        self,
        actor: Session | None,
        *,
        name: str,
        role: str,
        secret: str,
        store_name: str = "",
        extension: str = "",
    ) -> StaffMember:
        """Add an account. With no *actor* this creates the first admin (only when no
        account exists); otherwise the actor must be an admin."""
        errors = validate_staff(name, role, extension)
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
            await self._require(actor, Permission.MANAGE_STAFF, "staff")
        hashed = await asyncio.get_running_loop().run_in_executor(None, hash_secret, secret)
        now = self.clock.utc()
        # The account and its `create` entry commit together.
        return await self._audit.apply(
            actor,
            lambda db: store.add_staff(
                db,
                name=name.strip(),
                role=parsed,
                secret_hash=hashed,
                now=now,
                store=store_name.strip(),
                extension=extension.strip(),
                only_if_empty=actor is None,
            ),
            lambda member: (
                "create",
                "staff",
                member.id,
                {
                    "name": [None, member.name],
                    "role": [None, member.role.value],
                    "store": [None, member.store],
                    "extension": [None, member.extension],
                },
            ),
        )

    async def list_staff(self, actor: Session) -> list[StaffMember]:
        await self._require(actor, Permission.MANAGE_STAFF, "staff")
        return await self._runner.run(store.list_staff)

    async def change_staff(self, actor: Session, staff_id: int, **changes: Any) -> StaffMember:
        """Change role, store, extension, language, active; or ``secret`` (a new PIN).

        Admins change anyone; everyone may change their own PIN and language.
        """
        own = actor.staff.id == staff_id and set(changes) <= {"secret", "language"}
        if not own:
            await self._require(actor, Permission.MANAGE_STAFF, "staff")
        if "role" in changes:
            changes["role"] = Role.parse(str(changes["role"]))
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

        def change(db: Any) -> tuple[StaffMember, dict[str, tuple[Any, Any]]]:
            return store.update_staff(db, staff_id, now, **changes)

        # The change and its `update` entry commit together (an unchanged account: none).
        member, _diff = await self._audit.apply(
            actor,
            change,
            lambda done: (
                ("update", "staff", staff_id, {k: list(v) for k, v in done[1].items()})
                if done[1]
                else None
            ),
        )
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

        result = await self._runner.run(store.attempt_sign_in, name, now, check)
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

    async def _require(self, actor: Session, permission: Permission, entity: str) -> None:
        try:
            require(actor.role, permission)
        except NotAllowed as exc:
            await self._audit.record(actor, "refused", entity, "", detail=str(exc))
            raise


def _locked_message(until: dt.datetime, now: dt.datetime) -> msg.Message:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return msg.AccountLocked(minutes)


@functools.cache
def _dummy_hash() -> str:
    """A real hash, so unknown names cost the same time as known ones."""
    return hash_secret("not-a-real-account-0")

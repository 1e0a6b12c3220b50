"""Consoles enrolled with a console server: enrolment codes, device tokens, revocation.

* The local operator on the server host makes a one-time enrolment code
  (``service-console server enrol-code``); it is good for :data:`CODE_LIFETIME`.
* A new console exchanges the code and its name for a device token (the code is used up
  in the same transaction); the enrolment is audited in the new console's name.
* Every request of a console proves it with its token; a revoked or unknown token is
  refused at once.
* Admins list and revoke consoles (``identity.require(Permission.MANAGE_STAFF)``),
  audited; a revoked console's staff sessions end with it.
* Staff sessions signed in on a console are kept in the store (not a server's memory):
  a restarted server keeps them, every server on the database shares them. A session
  is bound to its console, ends after :data:`SESSION_IDLE` without a request (the
  server's clock) and at sign-out; the account is read at every use, so a switched-off
  account's sessions end at once.

The server keeps only digests of codes and tokens (:mod:`console.domain.consoles`).
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Protocol, cast

from console.domain import consoles as domain
from console.domain import protocol
from console.domain.consoles import ChangeNotice, EnrolledConsole
from console.domain.roles import Permission
from console.domain.staff import Session
from console.repositories import Repositories, Store
from console.repositories.consoles import ConsoleRepository, StoredSession
from console.repositories.staff import AuditRecord
from console.services.identity import Identity, Record

ENTITY = "console"
#: The most changes one read of the feed returns.
CHANGES_PAGE = 1000
#: A staff session ends after this long without a request.
SESSION_IDLE = dt.timedelta(hours=8)
#: A session's last use is written at most this often: most requests only read it (a
#: write takes the store's turn), so the idle time is counted to the minute.
SESSION_TOUCH = dt.timedelta(minutes=1)
#: A session token's random bytes (only its SHA-256 digest is stored).
SESSION_TOKEN_BYTES = 32


class _WithConsoles(Protocol):
    @property
    def consoles(self) -> ConsoleRepository: ...


def _consoles(repos: Repositories) -> ConsoleRepository:
    """The store's consoles (a console server's store has them; a desk's has not)."""
    return cast(_WithConsoles, repos).consoles


class ConsoleRefused(Exception):
    """A console or an enrolment refused; ``code`` is the protocol's error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def console_actor(console: EnrolledConsole) -> str:
    """How a console is named in the audit trail when it acts by itself."""
    return f"console:{console.id}:{console.name}"


class ConsoleService:
    def __init__(self, store: Store, identity: Identity) -> None:
        self._store = store
        self.identity = identity
        self.clock = identity.clock

    async def make_code(self) -> str:
        """A new one-time enrolment code (shown once; only its digest is kept)."""
        await self.identity.require(Permission.MANAGE_STAFF, ENTITY)
        code = domain.new_code()
        expires = self.clock.utc() + domain.CODE_LIFETIME
        made_by = await self.identity.name()

        def add(repos: Repositories) -> None:
            _consoles(repos).add_code(domain.digest(code), expires_at=expires, made_by=made_by)

        await self.identity.apply(
            add,
            [
                Record(
                    "create",
                    "enrolment_code",
                    detail=f"good until {expires.isoformat(timespec='seconds')}",
                )
            ],
        )
        return code

    async def enrol(self, code: str, name: str) -> tuple[EnrolledConsole, str]:
        """Exchange a code for a device token: the new console and its token (shown to
        it once). ConsoleRefused for a bad name or an unknown, used or expired code."""
        try:
            clean = domain.console_name(name)
        except domain.BadConsoleName as exc:
            raise ConsoleRefused(protocol.BAD_CONSOLE_NAME, str(exc)) from None
        code_digest = domain.digest(domain.normalise_code(code))
        token = domain.new_token()
        now = self.clock.utc()

        def job(repos: Repositories) -> EnrolledConsole | None:
            consoles = _consoles(repos)
            if not consoles.take_code(code_digest, now=now):
                return None
            console = consoles.add(
                clean, token_digest=domain.digest(token), at=now, by=console_actor_name(clean)
            )
            repos.staff.append_audit(
                AuditRecord(
                    at=now,
                    actor=console_actor(console),
                    actor_role="",
                    action="enrol",
                    entity=ENTITY,
                    entity_id=console.id,
                    fields={"name": [None, console.name]},
                    console=console.name,
                )
            )
            return console

        console = await self._store.write(job)
        if console is None:
            raise ConsoleRefused(
                protocol.CODE_REFUSED,
                "this enrolment code is unknown, used or expired; make a new one on the "
                "server with: service-console server enrol-code",
            )
        return console, token

    async def authenticate(self, token: str) -> EnrolledConsole:
        """The console holding *token*; ConsoleRefused when unknown or revoked."""
        return (await self.authenticate_with(token, ""))[0]

    async def authenticate_with(
        self, token: str, session_token: str
    ) -> tuple[EnrolledConsole, StoredSession | None]:
        """The console holding *token* (ConsoleRefused when unknown or revoked) and the
        stored session *session_token* names (None: none, or no such session), read in
        one transaction: a request that acts for a person needs both, and this is the
        server's commonest read. Give the session to :meth:`session_for`, which checks
        that it is this console's and still in use."""
        found: EnrolledConsole | None = None
        stored: StoredSession | None = None
        if token:
            token_digest = domain.digest(token)
            session_digest = domain.digest(session_token) if session_token else ""

            def read(r: Repositories) -> tuple[EnrolledConsole | None, StoredSession | None]:
                consoles = _consoles(r)
                console = consoles.by_token(token_digest)
                if console is None or not session_digest:
                    return console, None
                return console, consoles.session(session_digest)

            found, stored = await self._store.read(read)
        if found is None:
            raise ConsoleRefused(
                protocol.CONSOLE_UNKNOWN,
                "this console is not enrolled with the server: enrol it with a code",
            )
        if not found.active:
            raise ConsoleRefused(
                protocol.CONSOLE_REVOKED,
                "this console was revoked by an admin; enrol it again with a new code",
            )
        return found, stored

    async def changes(
        self, after: int, limit: int = CHANGES_PAGE
    ) -> tuple[list[ChangeNotice], int]:
        """What changed after number *after* (oldest first, at most *limit*) and the
        newest number now: an enrolled console catches up with this after a reconnect.
        Ids and kinds only, so any enrolled console may read it."""
        limit = max(1, min(limit, CHANGES_PAGE))

        def read(repos: Repositories) -> tuple[list[ChangeNotice], int]:
            found = _consoles(repos).changes_after(max(0, after), limit=limit)
            return found, _consoles(repos).last_change()

        return await self._store.read(read)

    async def last_change(self) -> int:
        """The newest number of the changes feed now (0 while it is empty); reads no
        notice. Ids and kinds only, like :meth:`changes`."""
        return await self._store.read(lambda r: _consoles(r).last_change())

    async def list_consoles(self) -> list[EnrolledConsole]:
        await self.identity.require(Permission.MANAGE_STAFF, ENTITY)
        return await self._store.read(lambda r: _consoles(r).all())

    async def revoke(self, console_id: int) -> EnrolledConsole:
        """Revoke a console (its token stops working at once); revoking again keeps the
        first revocation. LookupError when there is no such console."""
        await self.identity.require(Permission.MANAGE_STAFF, ENTITY)
        now = self.clock.utc()
        by = await self.identity.name()

        def revoke(repos: Repositories) -> tuple[EnrolledConsole | None, bool]:
            consoles = _consoles(repos)
            before = consoles.get(console_id)
            if before is None:
                return None, False
            return consoles.revoke(console_id, at=now, by=by), before.active

        def records(result: tuple[EnrolledConsole | None, bool]) -> list[Record]:
            console, was_active = result
            if console is None or not was_active:
                return []
            return [Record("revoke", ENTITY, console.id, detail=console.name)]

        console, _ = await self.identity.apply(revoke, records)
        if console is None:
            raise LookupError(f"there is no console #{console_id}")
        return console

    # --- staff sessions -------------------------------------------------------------------

    async def open_session(self, console: EnrolledConsole, session: Session) -> str:
        """Keep *session* (just signed in on *console*) and return its token, shown to the
        console once; sessions idle too long are forgotten on the way."""
        token = secrets.token_urlsafe(SESSION_TOKEN_BYTES)
        now = self.clock.utc()

        def add(repos: Repositories) -> None:
            consoles = _consoles(repos)
            consoles.end_idle_sessions(used_before=now - SESSION_IDLE)
            consoles.add_session(
                domain.digest(token),
                console_id=console.id,
                staff_id=session.staff.id,
                signed_in_at=session.signed_in_at,
                at=now,
            )

        await self._store.write(add)
        return token

    async def session_for(
        self, console: EnrolledConsole, token: str, stored: StoredSession | None = None
    ) -> Session | None:
        """The session *token* names if it is *console*'s, still in use and its account
        still switched on; None otherwise (an idle or switched-off one is forgotten).
        *stored*: that session as :meth:`authenticate_with` read it (else read here)."""
        if not token:
            return None
        token_digest = domain.digest(token)
        found = stored
        if found is None:
            found = await self._store.read(lambda r: _consoles(r).session(token_digest))
        if found is None or found.console_id != console.id:
            return None  # another console's token cannot use it (and does not end it)
        now = self.clock.utc()
        if now - found.last_used_at > SESSION_IDLE or not found.member.active:
            await self._store.write(lambda r: _consoles(r).end_session(token_digest))
            return None
        if now - found.last_used_at >= SESSION_TOUCH:
            await self._store.write(lambda r: _consoles(r).touch_session(token_digest, at=now))
        return Session(found.member, found.signed_in_at)

    async def signed_in(self) -> list[StoredSession]:
        """Who is signed in where: every session not idle too long (its account switched
        on, its console not revoked), oldest sign-in first on each console."""
        since = self.clock.utc() - SESSION_IDLE
        return await self._store.read(lambda r: _consoles(r).signed_in(used_since=since))

    async def end_session(self, token: str, session: Session) -> bool:
        """Sign *session* out: forget it and record the ``sign_out`` (one transaction)."""
        token_digest = domain.digest(token)
        return await self.identity.apply(
            lambda r: _consoles(r).end_session(token_digest),
            lambda ended: [Record("sign_out", "staff", session.staff.id)] if ended else [],
        )


def console_actor_name(name: str) -> str:
    """Who enrolled a console: the console itself, by name (its id is not known yet)."""
    return f"console:{name}"

"""The window's services in team mode: what the window holds where a desk holds the
services on its own database file.

Most calls are :class:`~console.services.remote.RemoteService` stand-ins (the same
service runs on the console server, on PostgreSQL). What is here is what a window needs
besides: the time and the store's zone without a trip to the server (a complaint's
countdown ticks every minute), the staff session of whoever signed in at this console,
the audit trail for them, and :class:`ServerLink`, which watches whether the server
answers — so the window can say at once that it is gone, and see by itself when it is
back.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from console.domain import protocol
from console.domain.clock import Clock, SystemClock
from console.domain.staff import Session, StaffMember
from console.repositories.console_settings import ConsoleSettings
from console.services import settings as opts
from console.services.remote import RemoteService
from console.services.server_client import ServerClient, ServerRefused, ServerUnreachable
from console.services.settings import system_zone, zone_named

log = logging.getLogger(__name__)


class ServerLink:
    """The console's one line to the server (a :class:`~console.services.remote.Caller`):
    every call goes through it, so it knows at once when the server stops answering and
    when it answers again.

    ``on_state(up)`` is called on a change (from whichever thread made the call: a
    window passes it on to its own thread); ``on_session_lost()`` when the server no
    longer knows who signed in here (it was restarted, or the session ran out).
    """

    def __init__(self, client: ServerClient) -> None:
        self.client = client
        self.up = True
        self.reason = ""
        self.on_state: list[Callable[[bool], None]] = []
        self.on_session_lost: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.client.url

    def _set(self, up: bool, reason: str = "") -> None:
        with self._lock:
            changed = up != self.up
            self.up, self.reason = up, reason
        if changed:
            log.warning("console server %s: %s", "back" if up else "lost", reason or self.url)
            for listener in list(self.on_state):
                listener(up)

    def _watch(self, call: Callable[[], Any]) -> Any:
        try:
            result = call()
        except ServerUnreachable as exc:
            self._set(False, str(exc))
            raise
        except ServerRefused as exc:
            self._set(True)
            if exc.code == protocol.SESSION_REQUIRED and self.client.session:
                self.client.session = None
                for listener in list(self.on_session_lost):
                    listener()
            raise
        except Exception:
            self._set(True)  # the server answered (with a refusal)
            raise
        self._set(True)
        return result

    def call_service(self, service: str, method: str, arguments: dict[str, Any]) -> Any:
        return self._watch(lambda: self.client.call_service(service, method, arguments))

    def sign_in(self, name: str, pin: str) -> dict[str, Any]:
        answer: dict[str, Any] = self._watch(lambda: self.client.sign_in(name, pin))
        return answer

    def sign_out(self) -> None:
        self._watch(self.client.sign_out)

    def consoles(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self._watch(self.client.consoles)
        return found

    def revoke(self, console_id: int) -> dict[str, Any]:
        answer: dict[str, Any] = self._watch(lambda: self.client.revoke(console_id))
        return answer

    def probe(self) -> bool:
        """Ask the server whether it is there (``hello``); True when it answered."""
        with contextlib.suppress(ServerUnreachable, ServerRefused):
            self._watch(self.client.hello)
        return self.up


class TeamCustomers(RemoteService):
    """The customers service on the server, with this console's clock."""

    def __init__(self, link: ServerLink, clock: Clock) -> None:
        super().__init__(link, "customers")
        self.clock = clock

    def now(self) -> dt.datetime:
        return self.clock.local_naive()


class TeamComplaints(RemoteService):
    """The complaints service on the server; the time in the store's zone (a setting on
    the server, read once and again after it changes) without a trip per tick."""

    def __init__(
        self, link: ServerLink, settings: Any, clock: Clock, console_id: str | None = None
    ) -> None:
        super().__init__(link, "complaints")
        self.clock = clock
        self.console_id = console_id
        self._settings = settings
        self._zone: ZoneInfo | None = None

    @property
    def zone(self) -> ZoneInfo:
        return self._zone or system_zone()

    async def load_zone(self) -> ZoneInfo:
        name = str(await self._settings.get(opts.TIME_ZONE)).strip()
        try:
            self._zone = zone_named(name) if name else system_zone()
        except ValueError:
            self._zone = system_zone()
        return self._zone

    def forget_zone(self) -> None:
        self._zone = None
        with contextlib.suppress(RuntimeError):  # no loop running: read at the next start
            asyncio.get_running_loop().create_task(self.load_zone())

    def now(self) -> dt.datetime:
        return self.clock.utc().replace(microsecond=0).astimezone(self.zone)


class TeamPhrasebooks(RemoteService):
    """The phrasebooks on the server; files are read and written here, on the console
    (the server is sent a file's bytes, never a path)."""

    def __init__(self, link: ServerLink) -> None:
        super().__init__(link, "phrasebooks")

    async def import_phrasebook(
        self, source: Any, *, book: str | None = None, fmt: Any = None
    ) -> Any:
        from pathlib import Path

        from console.domain.phrasebook_io import FileFormat

        if not isinstance(source, bytes):
            path = Path(source)
            chosen = FileFormat.for_path(path) if fmt is None else FileFormat.parse(fmt)
            source, fmt = await asyncio.to_thread(path.read_bytes), chosen.value
        remote = RemoteService.__getattr__(self, "import_phrasebook")
        return await remote(source, book=book, fmt=fmt)

    async def export_phrasebook(
        self, path: Any, *, book: str | None = None, fmt: Any = None
    ) -> int:
        from pathlib import Path

        from console import files
        from console.domain.phrasebook_io import FileFormat, read_phrasebook

        target = Path(path)
        chosen = FileFormat.for_path(target) if fmt is None else FileFormat.parse(fmt)
        export_bytes = RemoteService.__getattr__(self, "export_bytes")
        data: bytes = await export_bytes(chosen.value, book=book)
        await asyncio.to_thread(files.write_bytes, target, data)  # all or nothing, 0600
        return len(read_phrasebook(data, chosen))


class TeamCalls(RemoteService):
    """The call log on the server, with this console's clock (the call cards' ages)."""

    def __init__(self, link: ServerLink, clock: Clock, config: ConsoleSettings) -> None:
        super().__init__(link, "calls")
        self.clock = clock
        self.config = config
        self.preload_profiles = True

    def now(self) -> dt.datetime:
        return self.clock.local_naive()

    async def receive(self, event: Any, received: float = 0.0) -> Any:
        """An event from this console's own listener (a desk phone posting to this PC),
        logged on the server, popped for this console's agent and extension."""
        import dataclasses

        here = {
            option.key: self.config.get(option.key)
            for option in (opts.CTI_AGENT, opts.CTI_EXTENSION)
            if self.config.get(option.key) is not None
        }
        handle = RemoteService.__getattr__(self, "handle_here")
        update = await handle(event, here)
        return dataclasses.replace(update, received=received)

    async def commit(self, update: Any) -> Any:
        return update  # logged by the server with the event


class TeamStaff:
    """Who is signed in at this console, through the server (the same calls the sign-in
    window, the lock and the staff screens make on a desk's StaffService): the PIN is
    checked there, and the lockout counts are the team's."""

    def __init__(self, link: ServerLink, clock: Clock | None = None) -> None:
        self._link = link
        self._desk = RemoteService(link, "staff")
        self.clock = clock or SystemClock()
        self.session: Session | None = None
        link.on_session_lost.append(self._forget)

    def _forget(self) -> None:
        self.session = None

    async def needs_first_admin(self) -> bool:
        return False  # a team's first admin is made by `server init` on the server's host

    async def sign_in(self, name: str, secret: str) -> Session:
        await asyncio.to_thread(self._link.sign_in, name, secret)
        me: Session = await self._desk.me()
        self.session = me
        return me

    async def refresh(self) -> Session:
        """Read the signed-in person again (an admin changed their account)."""
        me: Session = await self._desk.me()
        self.session = me
        return me

    async def sign_out(self) -> None:
        self.session = None
        with contextlib.suppress(ServerUnreachable, ServerRefused):
            await asyncio.to_thread(self._link.sign_out)

    async def list_staff(self, actor: Session) -> list[StaffMember]:
        found: list[StaffMember] = await self._desk.list_staff()
        return found

    async def add_staff(self, actor: Session | None, **fields: Any) -> StaffMember:
        member: StaffMember = await self._desk.add_staff(**fields)
        return member

    async def change_staff(self, actor: Session, staff_id: int, **changes: Any) -> StaffMember:
        member: StaffMember = await self._desk.change_staff(staff_id, **changes)
        if self.session is not None and member.id == self.session.staff.id:
            self.session = Session(member, self.session.signed_in_at)
        return member


class TeamAudit:
    """The team's audit trail, for whoever signed in at this console."""

    def __init__(self, link: ServerLink, clock: Clock | None = None) -> None:
        self._desk = RemoteService(link, "staff")
        self.clock = clock or SystemClock()

    async def entries(self, viewer: Session, **filters: Any) -> Any:
        return await self._desk.entries(**filters)

    async def count(self, viewer: Session, **filters: Any) -> int:
        found: int = await self._desk.count(**filters)
        return found

    async def export_csv(self, viewer: Session, **filters: Any) -> str:
        text: str = await self._desk.export_csv(**filters)
        return text

    async def verify(self) -> Any:
        return await self._desk.verify()

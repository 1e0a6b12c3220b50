"""Call use cases: apply CTI events in order, match callers, the call log and call-backs.

:class:`CallService` turns one :class:`~console.domain.calls.CtiEvent` into a logged
:class:`~console.domain.calls.Call` (one trip to the database thread: read the settings
it needs, match the number, write). :class:`CallEvents` is the queue between the HTTP
listener and the service: events are applied one at a time in arrival order (an
``answer`` never overtakes its ``newCall``), and each result goes to one callback (the
window's call cards). No Qt, no SQL here.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from console.domain import messages as msg
from console.domain.calls import (
    Call,
    CallerNumber,
    CtiEvent,
    Direction,
    EventKind,
    MatchKind,
    answer_call,
    hang_up,
    is_for_agent,
    read_number,
)
from console.domain.clock import Clock
from console.domain.customer import Phone
from console.domain.loyalty import LoyaltyRule
from console.repositories import Repositories, Store
from console.repositories.calls import Brief, CallBack
from console.repositories.console_settings import ConsoleSettings
from console.services import settings as opts
from console.services.customers import CustomerService, Profile, load_profile
from console.services.settings import SettingsService

__all__ = [
    "Brief",  # the repository's record types, re-exported for the window
    "CallBack",
    "CallEvents",
    "CallService",
    "CallUpdate",
    "QueueFull",
    "apply_event",
    "commit_call",
    "receive_event",
]

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CallUpdate:
    """What one event did: the call as it is now, and whether this console pops for it."""

    event: CtiEvent
    call: Call
    for_me: bool
    created: bool  # the first event of this call
    changed: bool  # False for a repeated or late event (nothing to show)
    received: float = 0.0  # time.perf_counter() when the listener accepted the event
    people: dict[int, Brief] = dataclasses.field(default_factory=dict)  # who it may be
    #: The caller's profile, loaded with the match when this console pops for the call,
    #: so the pop needs no second trip to the database.
    profile: Profile | None = None
    #: A new call not written yet: :meth:`CallService.commit` logs it (after the pop).
    pending: bool = False


@dataclass(frozen=True, slots=True)
class _Desk:
    region: str
    agent: str
    extension: str


def _desk(repos: Repositories, console: ConsoleSettings) -> _Desk:
    return _Desk(
        region=opts.read(repos, opts.DEFAULT_REGION, console),
        agent=opts.read(repos, opts.CTI_AGENT, console),
        extension=opts.read(repos, opts.CTI_EXTENSION, console),
    )


def _profile(
    repos: Repositories, console: ConsoleSettings, customer_id: int, now: dt.datetime
) -> Profile | None:
    """The profile as CustomerService.profile builds it, in this store job."""

    def get(option: opts.Option[T]) -> T:
        return opts.read(repos, option, console)

    rule = LoyaltyRule(
        every=get(opts.LOYALTY_EVERY),
        category=get(opts.LOYALTY_CATEGORY),
        reward=get(opts.LOYALTY_REWARD),
    )
    return load_profile(
        repos, customer_id, rule, get(opts.OCCASION_DAYS), now, CustomerService.PAGE
    )


def _new_call(repos: Repositories, event: CtiEvent, number: CallerNumber, now: dt.datetime) -> Call:
    match = repos.calls.match_number(number)
    return Call(
        call_id=event.call_id,
        direction=event.direction,
        from_number=event.from_number,
        to_number=event.to_number,
        started_at=now,
        number=number.e164,
        customer_id=match.customer_id,
        match=match.kind if match.customer_ids else MatchKind.NONE,
        candidates=match.customer_ids if match.ambiguous else (),
        users=event.users,
        queue=event.queue,
    )


def receive_event(
    repos: Repositories,
    event: CtiEvent,
    now: dt.datetime,
    *,
    preload: bool = True,
    console: ConsoleSettings | None = None,
) -> CallUpdate:
    """Apply *event* in a store job, reading first.

    A call already logged is updated here (answer, hangup). A new call is matched (and,
    when this console pops for it, the caller's profile loaded) but not written: the
    update comes back ``pending`` so the pop is not kept waiting for the disk; the
    writer calls :func:`commit_call` next.
    """
    console = console or opts.NoConsoleSettings()
    desk = _desk(repos, console)
    for_me = is_for_agent(event, agent=desk.agent, extension=desk.extension)
    call = repos.calls.get(event.call_id)
    if call is None:
        # The first event of a call — normally newCall; an answer or hangup whose newCall
        # never arrived still gets logged.
        number = read_number(event.other_party, desk.region)
        fresh = _new_call(repos, event, number, now)
        if event.kind is EventKind.ANSWER:
            fresh = answer_call(fresh, event, now)
        elif event.kind is EventKind.HANGUP:
            fresh = hang_up(fresh, event, now)
        ids = [fresh.customer_id] if fresh.customer_id is not None else list(fresh.candidates)
        profile = None
        if (
            preload
            and for_me
            and fresh.customer_id is not None
            and event.kind is EventKind.NEW_CALL
            and event.direction is Direction.IN
        ):
            profile = _profile(repos, console, fresh.customer_id, now)
        return CallUpdate(
            event,
            fresh,
            for_me,
            created=True,
            changed=True,
            people=repos.calls.briefs(ids),
            profile=profile,
            pending=True,
        )
    if event.kind is EventKind.ANSWER:
        after = answer_call(call, event, now)
    elif event.kind is EventKind.HANGUP:
        after = hang_up(call, event, now)
    else:
        after = call  # a repeated newCall
    changed = after is not call
    if changed:
        repos.calls.update(after)
    return CallUpdate(event, after, for_me, created=False, changed=changed)


def commit_call(
    repos: Repositories,
    update: CallUpdate,
    now: dt.datetime,
    *,
    console: ConsoleSettings | None = None,
) -> CallUpdate:
    """Write a pending new call; if another writer logged it first, apply the event to theirs."""
    if not update.pending:
        return update
    stored = repos.calls.add(dataclasses.replace(update.call))
    if stored is not None:
        return dataclasses.replace(update, call=stored, pending=False)
    again = receive_event(repos, update.event, now, console=console)
    return dataclasses.replace(again, received=update.received)


def apply_event(
    repos: Repositories,
    event: CtiEvent,
    now: dt.datetime,
    *,
    console: ConsoleSettings | None = None,
) -> CallUpdate:
    """Log *event* in one go (the command line, tests)."""
    return commit_call(
        repos, receive_event(repos, event, now, console=console), now, console=console
    )


class _GivenConsole(opts.NoConsoleSettings):
    """A console's own settings as it sent them (read-only)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def load(self) -> dict[str, Any]:
        return dict(self._values)

    def get(self, key: str) -> Any:
        return self._values.get(key)


class CallService:
    """``CallService(store, customers, clock=None, settings=None)``: *settings* gives this
    computer's settings (the CTI agent and extension; default: the customer service's)."""

    def __init__(
        self,
        store: Store,
        customers: CustomerService,
        clock: Clock | None = None,
        *,
        settings: SettingsService | None = None,
    ) -> None:
        self._store = store
        self._customers = customers
        self.clock = clock or customers.clock
        chosen = settings if settings is not None else customers._settings
        self._console: ConsoleSettings = chosen.config
        #: Load the caller's profile with the match (one trip for the pop). Off: the
        #: window loads it itself (the benchmark's comparison).
        self.preload_profiles = True

    def now(self) -> dt.datetime:
        """Wall time in the store, to the second, as the call log keeps it."""
        return self.clock.local_naive()

    async def handle(self, event: CtiEvent, received: float = 0.0) -> CallUpdate:
        """Apply and log *event* (both phases)."""
        return await self.commit(await self.receive(event, received))

    async def receive(self, event: CtiEvent, received: float = 0.0) -> CallUpdate:
        """Match and apply *event*; a new call comes back ``pending`` (see commit)."""
        now, preload, console = self.now(), self.preload_profiles, self._console
        update = await self._store.write(
            lambda r: receive_event(r, event, now, preload=preload, console=console)
        )
        return dataclasses.replace(update, received=received)

    async def commit(self, update: CallUpdate) -> CallUpdate:
        """Log a pending new call (a no-op for anything else)."""
        if not update.pending:
            return update
        now, console = self.now(), self._console
        return await self._store.write(lambda r: commit_call(r, update, now, console=console))

    async def handle_here(self, event: CtiEvent, here: dict[str, Any]) -> CallUpdate:
        """Apply and log *event* from a console's own listener (team mode: a desk phone
        posting to one PC), popped as for that console: *here* holds its ``cti_agent`` and
        ``cti_extension`` (nothing else is taken)."""
        given = {}
        for option in (opts.CTI_AGENT, opts.CTI_EXTENSION):
            if here.get(option.key) is not None:
                given[option.key] = option.validate(here[option.key])
        now, preload, console = self.now(), self.preload_profiles, _GivenConsole(given)
        update = await self._store.write(
            lambda r: receive_event(r, event, now, preload=preload, console=console)
        )
        return await self._store.write(lambda r: commit_call(r, update, now, console=console))

    def handle_now(self, event: CtiEvent) -> CallUpdate:
        """Apply and log *event*, blocking (the command line)."""
        now, console = self.now(), self._console
        return self._store.write_now(lambda r: apply_event(r, event, now, console=console))

    async def recent(self, limit: int = 20) -> list[Call]:
        return await self._store.read(lambda r: r.calls.recent(limit=limit))

    def recent_now(self, limit: int = 20) -> list[Call]:
        return self._store.read_now(lambda r: r.calls.recent(limit=limit))

    async def customer_calls(self, customer_id: int, limit: int = 50) -> list[Call]:
        return await self._store.read(lambda r: r.calls.for_customer(customer_id, limit=limit))

    async def briefs(self, ids: list[int]) -> dict[int, Brief]:
        return await self._store.read(lambda r: r.calls.briefs(ids))

    async def call_backs(self, limit: int = 100) -> list[CallBack]:
        return await self._store.read(lambda r: r.calls.call_backs(limit=limit))

    async def mark_called_back(self, customer_id: int) -> int:
        now = self.now()
        return await self._store.write(lambda r: r.calls.mark_called_back(customer_id, now))

    async def link(self, call_id: str, customer_id: int) -> Call | None:
        """The agent says who called (chosen among several, or a new profile)."""
        return await self._store.write(
            lambda r: r.calls.link(call_id, customer_id, MatchKind.EXACT)
        )

    async def attach_number(self, call_id: str, customer_id: int) -> Call | None:
        """Add the caller's number to an existing customer and link the call to them.

        Raises ValueError when the number is not a valid phone number, and the customer
        service's ValidationFailed / DuplicateFound when saving is refused.
        """
        call = await self._store.read(lambda r: r.calls.get(call_id))
        if call is None:
            raise msg.Refusal(msg.CallGone())
        number = call.number
        if number is None:
            region = await self._customers.region()
            number = read_number(call.other_party, region).e164
        if number is None:
            raise msg.Refusal(msg.CallerNotAPhone(call.other_party))
        customer = await self._customers.get(customer_id)
        if customer is None:
            raise msg.Refusal(msg.CustomerGone(customer_id))
        if all(p.number != number for p in customer.phones):
            customer.phones.append(Phone(number, "phone"))
            await self._customers.save(customer)
        return await self.link(call_id, customer_id)


UpdateHandler = Callable[[CallUpdate], None]


class QueueFull(RuntimeError):
    """More events are waiting than the console accepts (the sender should retry)."""


class CallEvents:
    """Events in arrival order, applied one at a time, results to one handler.

    ``submit`` is synchronous and cheap (the HTTP listener calls it); a single task
    drains the queue. An error in one event is logged and never stops the next.
    """

    def __init__(
        self, service: CallService, on_update: UpdateHandler | None = None, maxsize: int = 2000
    ) -> None:
        self._service = service
        self.on_update = on_update
        self._queue: asyncio.Queue[tuple[CtiEvent, float]] = asyncio.Queue(maxsize)
        self._task: asyncio.Task[None] | None = None
        self.applied = 0
        self.failed = 0

    def submit(self, event: CtiEvent, received: float | None = None) -> None:
        try:
            self._queue.put_nowait((event, time.perf_counter() if received is None else received))
        except asyncio.QueueFull:
            raise QueueFull("too many call events are waiting") from None

    @property
    def waiting(self) -> int:
        return self._queue.qsize()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.ensure_future(self._drain())

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def idle(self) -> None:
        """Wait until every submitted event has been applied (tests, benchmarks)."""
        await self._queue.join()

    async def _drain(self) -> None:
        while True:
            event, received = await self._queue.get()
            try:
                # Pop first, then write: the caller's profile is on screen before the
                # new call's log entry reaches the disk. Events stay in order: the next
                # one is read only after this one is written.
                update = await self._service.receive(event, received)
                if self.on_update is not None:
                    try:
                        self.on_update(update)
                    except Exception:  # the window's problem must not lose the call
                        log.exception("call event %s could not be shown", event.call_id)
                await self._service.commit(update)
                self.applied += 1
            except asyncio.CancelledError:
                raise
            except Exception:
                self.failed += 1
                log.exception(
                    "call event %s for %s could not be applied", event.kind, event.call_id
                )
            finally:
                self._queue.task_done()

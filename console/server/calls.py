"""Calls routed by the server: the PBX posts every call event of the center to the
console server's ``/cti/<token>`` (the same Generic CTI contract as a console's own
listener: :class:`console.services.cti.CtiEndpoint`), the server logs it once in the
central call log, and pops it on the consoles it is for, over their live-updates sockets
(README "Calls routed by the server").

Who a call is for: every staff member signed in on a console (the staff sessions, not
idle too long) is matched against the event as a console's own agent and extension
would be (:func:`console.domain.calls.is_for_agent`: ``user`` names the staff member by
name or extension, ``answeringNumber`` is theirs, or an inbound call rings their
extension in ``to``). A call that names nobody but names a ``queue`` is for the consoles
where a member of that queue is signed in (the staff record's queues; any case), or — when
no member of it is signed in — for every signed-in console: a call nobody sees is a
customer lost. A call naming neither is for every signed-in console. The consoles get
``{"type": "call", "update": <CallUpdate on the wire>}`` with ``for_me`` true; a later
event of a call (``answer``, ``hangup``) also goes to every console that popped it, with
``for_me`` false where it is not for them — so an answer by one agent takes the card off
the others; a later event naming nobody is for the consoles that popped the call (not for
the queue or everyone again).

A console whose live socket connects (the first time, or again after a network blip) is
sent, after the socket's ``ready``, every call still live (not hung up) that was routed to
it (``popped``: its staff member was signed in there, listening or not), as the last
message it had or would have had for it (:meth:`CallRouter.replay`): a ringing call pops
there, an answered one comes as answered; not a call that first popped over
``REPLAY_WITHIN`` ago (its hangup was lost).
Which calls popped where is kept in this process's memory only (a restarted server
replays nothing).

Events are applied one at a time in arrival order (:class:`CallEvents`), and routed in
the same order.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from typing import Any

from console.domain.calls import EventKind, is_for_agent, names_someone, rings_extension
from console.domain.clock import Clock
from console.domain.staff import in_queue
from console.repositories import Store
from console.server.live import ChangeHub
from console.services import remote, wire
from console.services.calls import CallEvents, CallService, CallUpdate
from console.services.consoles import ConsoleService
from console.services.cti import CtiEndpoint
from console.services.identity import Identity

log = logging.getLogger(__name__)

#: Who writes the central call log (its audit and changes feed name no console).
ACTOR = "phone-system"
#: Calls remembered as popped on some console, at most (the oldest are forgotten: a call
#: whose hangup never came).
MAX_LIVE_CALLS = 10_000
#: A live call that began longer ago than this is not sent again to a console that
#: connects (its hangup was most likely lost: it would pop a call long gone).
REPLAY_WITHIN = 4 * 3600.0  # seconds


@dataclasses.dataclass(frozen=True, slots=True)
class LiveCall:
    """A live call as a console that connects is sent it."""

    update: CallUpdate  # its last update routed
    named: frozenset[int]  # the consoles that update was for (``for_me``)
    since: float  # the Clock's monotonic seconds when it first popped


@dataclasses.dataclass(frozen=True, slots=True)
class SignedIn:
    """A console and the staff member signed in on it, as routing sees them."""

    console_id: int
    name: str
    extension: str = ""
    queues: tuple[str, ...] = ()


def targets(
    update: CallUpdate, signed_in: list[SignedIn], popped: set[int] | None = None
) -> tuple[set[int], set[int]]:
    """The consoles an event is for, and those it is not for, among *signed_in*; plain
    rules, no I/O. In order: the agents the event names (``user``,
    ``answeringNumber``), else the extension it rings, else — for a later event of a
    call that popped on the consoles *popped* — those consoles, else the members of its
    ``queue``, else (no member of that queue signed in, or no queue) everyone."""
    event = update.event
    everyone = {s.console_id for s in signed_in}
    rung = {s.console_id for s in signed_in if rings_extension(event, s.extension)}
    if names_someone(event):
        named = {
            s.console_id
            for s in signed_in
            if is_for_agent(event, agent=s.name, extension=s.extension)
        }
    elif rung:
        named = rung  # it rings an agent's extension: theirs alone
    elif popped is not None and event.kind is not EventKind.NEW_CALL:
        # A hangup naming nobody (a PBX seldom repeats the queue) is for the consoles
        # that showed the call, not for every console that never did.
        named = popped & everyone
    else:
        members = {s.console_id for s in signed_in if in_queue(s.queues, event.queue)}
        # The queue's members; nobody named and nobody of the queue here: everyone.
        named = members or everyone
    return named, everyone - named


class CallRouter:
    """One per server process: the ``/cti/<token>`` route's events, applied once and
    sent to the consoles they are for. *token*: the server's CTI token (None: the
    server takes no call events)."""

    def __init__(self, store: Store, clock: Clock, hub: ChangeHub, token: str | None) -> None:
        self.clock = clock
        identity = Identity(store, clock=clock, nobody=ACTOR)
        service: CallService = remote.server_services(store, identity, clock)("calls")
        self.service = service
        self.hub = hub
        self.consoles = ConsoleService(store, Identity(store, clock=clock))
        self.events = CallEvents(service, self._applied)
        self.endpoint = CtiEndpoint(self.events.submit, token) if token else None
        #: Live calls → the consoles they popped on (a later event reaches them too).
        self.popped: dict[str, set[int]] = {}
        #: Live calls (among ``popped``) → their last update routed, and the consoles it
        #: was for (``for_me``): what a console connecting now is sent (:meth:`replay`).
        self.latest: dict[str, LiveCall] = {}
        self._routed: asyncio.Queue[CallUpdate] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        #: Messages sent to consoles (tests, diagnostics).
        self.sent = 0
        #: Messages replayed to consoles that connected (tests, diagnostics).
        self.replayed = 0

    def start(self) -> None:
        self.events.start()
        self._task = asyncio.ensure_future(self._route_all())

    async def stop(self) -> None:
        await self.events.stop()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def idle(self) -> None:
        """Every accepted event applied and routed (tests)."""
        await self.events.idle()
        await self._routed.join()

    def _applied(self, update: CallUpdate) -> None:
        """Applied (a new call: matched, about to be logged): route it, in order."""
        event, call = update.event, update.call
        log.info(
            "call %s: %s (%s, %s)",
            call.call_id,
            event.kind.value,
            call.direction.value,
            call.state.value,
        )
        self._routed.put_nowait(update)

    async def _route_all(self) -> None:
        while True:
            update = await self._routed.get()
            try:
                await self.route(update)
            except asyncio.CancelledError:
                raise
            except Exception:  # one call that cannot be routed must not stop the next
                log.exception("call %s could not be routed", update.call.call_id)
            finally:
                self._routed.task_done()
            self.hub.wake()  # the call log changed: the feed's notice goes out now

    async def route(self, update: CallUpdate) -> None:
        """Send *update* to the consoles it is for (and, after the first event, to those
        it popped on)."""
        call_id = update.call.call_id
        # Decided over everyone signed in (a call for Tom's extension is his even while
        # his console's socket is down), sent to the consoles listening now.
        sessions = [
            SignedIn(s.console_id, s.member.name, s.member.extension, s.member.queues)
            for s in await self.consoles.signed_in()
        ]
        known = self.popped.get(call_id)
        named, _others = targets(update, sessions, known)
        connected = self.hub.connected()
        popped = known or set()
        if update.event.kind is EventKind.NEW_CALL:
            if not update.changed:
                return  # a repeated newCall: shown already
            to = named
            self._remember(call_id, popped | named)
        else:
            to = popped | named
        if not update.call.live:
            self.popped.pop(call_id, None)
            self.latest.pop(call_id, None)
        elif call_id in self.popped:
            before = self.latest.get(call_id)
            since = before.since if before is not None else self.clock.monotonic()
            self.latest[call_id] = LiveCall(update, frozenset(named), since)
        for console_id in sorted(to & connected):
            self.sent += self.hub.send(console_id, self.message(update, console_id in named))

    def _remember(self, call_id: str, consoles: set[int]) -> None:
        self.popped[call_id] = consoles
        while len(self.popped) > MAX_LIVE_CALLS:
            oldest = next(iter(self.popped))
            del self.popped[oldest]
            self.latest.pop(oldest, None)

    def replay(self, console_id: int) -> list[dict[str, Any]]:
        """The messages for console *console_id* of every live call that popped on it
        (begun within REPLAY_WITHIN), oldest call first: each call's last update,
        ``for_me`` as it was for this console (sent after ``ready`` when its socket
        connects; no I/O, no await, so the live socket takes it in the same step as it
        subscribes and a call routed later comes through the socket's queue, after
        these)."""
        since = self.clock.monotonic() - REPLAY_WITHIN
        messages = [
            self.message(live.update, console_id in live.named)
            for call_id, live in self.latest.items()
            if console_id in self.popped.get(call_id, ()) and live.since >= since
        ]
        self.replayed += len(messages)
        return messages

    @staticmethod
    def message(update: CallUpdate, for_me: bool) -> dict[str, Any]:
        """The socket message for one console (``received`` is this server's timer:
        meaningless there, sent as 0)."""
        mine = dataclasses.replace(update, for_me=for_me, received=0.0)
        if not for_me:
            mine = dataclasses.replace(mine, profile=None)
        return {"type": "call", "update": wire.encode(mine)}

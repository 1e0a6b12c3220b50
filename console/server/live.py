"""Live updates: what one console changes, every other console hears at once.

:class:`ChangeHub` listens on PostgreSQL (``LISTEN service_console_changes``; every
write that changes the feed NOTIFYs on commit, with no payload), reads the changes feed
after the last number it has seen, and hands each new notice to every console
connected to ``GET /api/v1/live`` (a WebSocket). A notice says what changed — entity,
id, action, who — never the content: consoles fetch what they show through the normal
calls.

Nothing is lost: a console connects (and reconnects) with ``?after=SEQ``, the last
number it saw, and is sent everything after it from the feed before the live notices;
the hub reads the feed after every wake-up and, should a notification be lost (the
listening connection dropped, PostgreSQL restarted), every few seconds anyway.
A console whose socket cannot keep up is disconnected, and catches up when it
reconnects. A revoked console's socket is closed at once (code 4001).

:meth:`ChangeHub.send` hands a message to one console's sockets only (a call the server
routes there, :mod:`console.server.calls`): not numbered, not caught up from the feed;
instead a socket that connects is sent, after ``ready``, the calls still live that popped
on its console (``replay``: :meth:`console.server.calls.CallRouter.replay`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from console.domain.consoles import ChangeNotice
from console.repositories import Store
from console.services.consoles import ConsoleService
from console.services.identity import Identity

log = logging.getLogger(__name__)

#: The feed is read this often even without a notification (a lost one costs this much).
POLL_SECONDS = 5.0
#: Notices waiting for one console's socket before it is dropped (it catches up later).
QUEUE_LIMIT = 10_000
#: A page of the feed read at once.
PAGE = 1000
#: The socket's close code for a revoked console (4000–4999: the application's own).
CLOSE_REVOKED = 4001
#: The socket's close code for a console that fell too far behind (reconnect and catch up).
CLOSE_BEHIND = 4002


#: A message for one console's socket, sent as it is (a routed call: ``{"type": "call"}``).
Message = dict[str, Any]


@dataclass(eq=False)
class Subscriber:
    console_id: int
    queue: asyncio.Queue[ChangeNotice | Message | None] = field(
        default_factory=lambda: asyncio.Queue(QUEUE_LIMIT)
    )
    revoked: bool = False
    behind: bool = False


class ChangeHub:
    """One per server process: wakes on PostgreSQL's notifications and fans the feed out
    to the connected consoles."""

    def __init__(self, store: Store, *, poll_seconds: float = POLL_SECONDS) -> None:
        self.store = store
        self.poll_seconds = poll_seconds
        self.last = 0
        self.subscribers: set[Subscriber] = set()
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._stopping = False
        #: How many times the hub read the feed (tests, diagnostics).
        self.reads = 0

    def _feed(self) -> ConsoleService:
        return ConsoleService(self.store, Identity(self.store))

    async def start(self) -> None:
        self.last = await self._feed().last_change()
        self._task = asyncio.create_task(self._run(), name="change-hub")

    async def stop(self) -> None:
        self._stopping = True  # the loop ends at its next turn even if a cancel is lost
        self._wake.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for subscriber in list(self.subscribers):
            try:
                subscriber.queue.put_nowait(None)
            except asyncio.QueueFull:
                subscriber.behind = True  # closed when drained; it reconnects

    def stopping(self) -> bool:
        """True once :meth:`stop` was called."""
        return self._stopping

    def wake(self) -> None:
        """Read the feed now (a write on this server just committed)."""
        self._wake.set()

    @contextlib.asynccontextmanager
    async def subscribe(self, console_id: int) -> AsyncIterator[Subscriber]:
        subscriber = Subscriber(console_id)
        self.subscribers.add(subscriber)
        try:
            yield subscriber
        finally:
            self.subscribers.discard(subscriber)

    def connected(self) -> set[int]:
        """The consoles with a live socket now."""
        return {s.console_id for s in self.subscribers if not s.behind}

    def send(self, console_id: int, message: Message) -> int:
        """Hand *message* to every socket of console *console_id* (not through the feed:
        a console that is not connected now never hears of it); how many sockets."""
        sent = 0
        for subscriber in list(self.subscribers):
            if subscriber.console_id != console_id or subscriber.behind:
                continue
            try:
                subscriber.queue.put_nowait(message)
            except asyncio.QueueFull:
                subscriber.behind = True
                continue
            sent += 1
        return sent

    async def _run(self) -> None:
        listening = asyncio.create_task(self._listen(), name="change-hub-listen")
        try:
            while not self._stopping:
                # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a
                # cancellation that arrives as the wake-up does, and stop() then waited
                # for ever (a server stopped just as its LISTEN connection came up).
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.poll_seconds):
                        await self._wake.wait()
                self._wake.clear()
                if self.stopping():
                    break
                try:
                    await self.catch_up()
                except Exception as exc:  # the database is away: try again at the next wake
                    log.warning("changes feed: %s", exc)
        finally:
            listening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listening

    async def _listen(self) -> None:
        """Wake the hub on every announcement of the store (PostgreSQL's LISTEN); after
        losing the connection, listen again (and read the feed: some may have been lost)."""
        announcements = getattr(self.store, "announcements", None)
        if announcements is None:
            return  # a store without them: the hub reads the feed on its timer only
        pause = 0.5
        while True:
            try:
                async for _ in announcements():
                    pause = 0.5
                    self._wake.set()  # the first one: listening (read what came before)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("changes feed: not listening (%s); again in %.1f s", exc, pause)
            await asyncio.sleep(pause)
            pause = min(pause * 2, 10.0)

    async def catch_up(self) -> None:
        """Read the feed after the last notice handed out and hand the new ones out."""
        feed = self._feed()
        while True:
            found, _last = await feed.changes(self.last, PAGE)
            self.reads += 1
            for notice in found:
                self._hand_out(notice)
                self.last = notice.seq
            if len(found) < PAGE:
                return

    def _hand_out(self, notice: ChangeNotice) -> None:
        revoked = None
        if notice.entity == "console" and notice.action == "update" and notice.entity_id.isdigit():
            revoked = int(notice.entity_id)  # maybe revoked: the socket checks
        for subscriber in list(self.subscribers):
            if subscriber.behind:
                continue
            try:
                subscriber.queue.put_nowait(notice)
            except asyncio.QueueFull:
                subscriber.behind = True
                continue
            if revoked is not None and revoked == subscriber.console_id:
                subscriber.revoked = True


HUB: web.AppKey[ChangeHub] = web.AppKey("hub", ChangeHub)


def _after(request: web.Request, default: int) -> int:
    text = request.query.get("after")
    if text is None or text == "":
        return default
    if not text.isdigit() or len(text) > 18:
        raise web.HTTPBadRequest(reason="after must be a whole number")
    return int(text)


async def live(
    request: web.Request,
    console: Any,
    consoles: ConsoleService,
    still_enrolled: Callable[[], Awaitable[bool]],
    replay: Callable[[int], list[Message]] | None = None,
) -> web.StreamResponse:
    """``GET /api/v1/live?after=SEQ``: the WebSocket of one console (see the module);
    *replay*: the messages of the calls still live for a console, sent after ``ready``."""
    hub = request.app[HUB]
    after = _after(request, hub.last)
    socket = web.WebSocketResponse(heartbeat=30.0)
    await socket.prepare(request)
    async with hub.subscribe(console.id) as subscriber:
        # The live calls routed here, taken in the same step as subscribing (no await in
        # between): a call routed before is in these, one routed after in the queue.
        calls = replay(console.id) if replay is not None else []
        seq = after
        # The feed since `after` first (subscribed already: nothing falls in between).
        while True:
            found, _last = await consoles.changes(seq, PAGE)
            for notice in found:
                await socket.send_json({"type": "change", **notice.to_json()})
                seq = notice.seq
            if len(found) < PAGE:
                break
        await socket.send_json({"type": "ready", "seq": seq})
        for message in calls:  # then the calls still ringing or in progress here
            await socket.send_json(message)
        closed = asyncio.ensure_future(_until_closed(socket))
        try:
            while not closed.done():
                waiting = asyncio.ensure_future(subscriber.queue.get())
                await asyncio.wait({waiting, closed}, return_when=asyncio.FIRST_COMPLETED)
                if not waiting.done():
                    waiting.cancel()
                    break
                handed = waiting.result()
                if handed is None:  # the server is stopping: the console reconnects
                    await socket.close(code=WSCloseCode.GOING_AWAY, message=b"restarting")
                    break
                if isinstance(handed, dict):  # a message for this console only
                    await socket.send_json(handed)
                elif handed.seq > seq:
                    await socket.send_json({"type": "change", **handed.to_json()})
                    seq = handed.seq
                if subscriber.revoked and not await still_enrolled():
                    await socket.close(code=CLOSE_REVOKED, message=b"console_revoked")
                    break
                if subscriber.behind and subscriber.queue.empty():
                    await socket.close(code=CLOSE_BEHIND, message=b"catch_up")
                    break
        finally:
            closed.cancel()
    return socket


async def _until_closed(socket: web.WebSocketResponse) -> None:
    """Read (and ignore) what the console sends until it closes."""
    async for message in socket:
        if message.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
            return

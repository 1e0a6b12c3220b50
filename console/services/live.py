"""A console's end of live updates: the WebSocket ``GET /api/v1/live`` of the console
server (console/server/live.py), kept open by itself.

:class:`LiveFeed` connects with ``?after=SEQ`` (the last number it saw), hands every
notice to ``on_change`` in order, and when the connection drops it connects again
(0.5 s, then doubling to 5 s) and catches up from where it was — so nothing is lost
across a network blip or a server restart. ``on_state(connected)`` says when it is
connected and when not. A revoked console's feed ends (``revoked``). Calls the server
routes to this console (``{"type": "call", "update": ...}``, README "Calls routed by the
server") go to ``on_call`` as :class:`~console.services.calls.CallUpdate`; they are not
numbered, but after every (re)connection's ``ready`` the server sends the calls still
live for this console, each as its last update: ``on_call`` takes them as any other
(the window keeps one card per call).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from console.domain import protocol
from console.domain.consoles import ChangeNotice
from console.services import wire
from console.services.calls import CallUpdate

log = logging.getLogger(__name__)

#: Close codes the server uses (console/server/live.py).
CLOSE_REVOKED = 4001
CLOSE_BEHIND = 4002


def notice_from(data: dict[str, Any]) -> ChangeNotice:
    """A notice as the socket carries it (the same fields as ``watch --json``)."""
    return ChangeNotice(
        seq=int(data["seq"]),
        at=dt.datetime.fromisoformat(str(data["at"])),
        entity=str(data["entity"]),
        entity_id=str(data["id"]),
        action=str(data["action"]),
        console=str(data.get("console", "")),
        staff=str(data.get("staff", "")),
    )


def live_url(server: str, after: int | None) -> str:
    base = server.rstrip("/")
    if base.startswith("https://"):
        base = "wss://" + base.removeprefix("https://")
    elif base.startswith("http://"):
        base = "ws://" + base.removeprefix("http://")
    query = "" if after is None else f"?after={after}"
    return f"{base}{protocol.API}/live{query}"


class LiveFeed:
    def __init__(
        self,
        server: str,
        token: str,
        on_change: Callable[[ChangeNotice], Any],
        *,
        after: int | None = None,
        on_state: Callable[[bool], Any] | None = None,
        on_call: Callable[[CallUpdate], Any] | None = None,
        pause: float = 0.5,
        longest_pause: float = 5.0,
    ) -> None:
        self.server = server
        self.token = token
        self.on_change = on_change
        self.on_state = on_state
        self.on_call = on_call
        #: The last number seen (None: from now on, whatever the server has).
        self.last = after
        self.connected = False
        self.revoked = False
        self._pause, self._longest = pause, longest_pause
        self._task: asyncio.Task[None] | None = None
        #: Set once the first connection has caught up (tests, ``watch``).
        self.ready = asyncio.Event()

    def start(self) -> asyncio.Task[None]:
        self._task = asyncio.ensure_future(self.run())
        return self._task

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def _state(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            if self.on_state is not None:
                self.on_state(connected)

    async def run(self) -> None:
        """Connect, read, reconnect, until cancelled or revoked."""
        import aiohttp

        pause = self._pause
        headers = {
            protocol.HEADER: str(protocol.PROTOCOL),
            "Authorization": f"Bearer {self.token}",
            "User-Agent": "service-console",
        }
        async with aiohttp.ClientSession(headers=headers) as session:
            while not self.revoked:
                try:
                    async with session.ws_connect(
                        live_url(self.server, self.last), heartbeat=30.0
                    ) as socket:
                        self._state(True)
                        pause = self._pause
                        await self._read(socket)
                        if socket.close_code == CLOSE_REVOKED:
                            self.revoked = True
                except asyncio.CancelledError:
                    self._state(False)
                    raise
                except (aiohttp.ClientError, OSError, TimeoutError) as exc:
                    log.info("live updates: %s", exc)
                self._state(False)
                if self.revoked:
                    break
                await asyncio.sleep(pause)
                pause = min(pause * 2, self._longest)

    async def _read(self, socket: Any) -> None:
        import aiohttp

        async for message in socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            data = message.json()
            kind = data.get("type")
            if kind == "ready":
                if self.last is None:
                    self.last = int(data["seq"])
                self.ready.set()
            elif kind == "change":
                notice = notice_from(data)
                if self.last is not None and notice.seq <= self.last:
                    continue  # seen before the reconnect
                self.last = notice.seq
                try:
                    self.on_change(notice)
                except Exception:  # the window's problem must not end the feed
                    log.exception("a change notice could not be shown")
            elif kind == "call" and self.on_call is not None:
                try:
                    update = wire.decode(data.get("update"))
                    if not isinstance(update, CallUpdate):
                        raise wire.WireError("a call message without a call update")
                    self.on_call(update)
                except Exception:  # a bad message or the window's problem: not the feed's
                    log.exception("a routed call could not be shown")

"""The call-event listener: Zammad's Generic CTI format over HTTP (aiohttp, on the app's loop).

Contract (public; see README "Phone screen-pop"):

* ``POST`` (``application/x-www-form-urlencoded``, ``multipart/form-data`` or
  ``application/json``) or ``GET`` with query parameters, to ``/cti/<token>``.
* Fields: ``event`` (``newCall``, ``answer``, ``hangup``), ``from``, ``to``, ``direction``
  (``in``/``out``), ``callId``, optional ``user`` / ``user[]`` (one or several), ``queue``,
  ``cause``, ``answeringNumber``. Unknown fields are ignored.
* Replies are JSON: ``200 {}`` when the event is accepted; ``403`` wrong token; ``400``
  malformed; ``413`` body over :data:`MAX_BODY`; ``429`` flood (``Retry-After``);
  ``503`` the console is overloaded; ``404``/``405`` anything else. Errors are
  ``{"error": "<one sentence>"}``.

The listener only validates and queues (``on_event``); the event is applied to the
database afterwards, in order, by :class:`console.services.calls.CallEvents`. It binds to
127.0.0.1 unless another interface is set explicitly; a token is always required, and a
listener on another interface refuses to start with a short token.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from console.domain.calls import CtiEvent, InvalidEvent, is_loopback, json_fields, parse_event
from console.services.calls import QueueFull as Overloaded

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024  # a CTI event is a few hundred bytes
RATE_PER_SECOND = 100.0  # sustained events accepted per second
BURST = 200  # events accepted at once before the rate applies
MIN_REMOTE_TOKEN = 24  # characters, when listening on anything but loopback
PATH = "/cti/{token}"

EventSink = Callable[[CtiEvent, float], None]


class ListenerError(RuntimeError):
    """The listener cannot start; the message says why, in one sentence."""


class TokenBucket:
    """A flood guard: *rate* requests per second on average, *burst* at once."""

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._clock = clock
        self._tokens = float(burst)
        self._last = clock()

    def allow(self) -> bool:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False

    def retry_after(self) -> int:
        return max(1, int((1.0 - self._tokens) / self.rate + 0.999))


def _error(status: int, message: str, **headers: str) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=headers or None)


@web.middleware
async def _json_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Every reply is JSON, including aiohttp's own 404/405/413, and nothing escapes."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status == 413:
            return _error(413, f"the request body is larger than {MAX_BODY} bytes")
        return _error(exc.status, exc.reason)
    except Exception:
        log.exception("the call-event listener failed on a request")
        return _error(500, "the console could not handle this request")


def _multi(pairs: Any) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for key, value in pairs:
        if not isinstance(value, str):
            raise InvalidEvent(f"{key!r} must be text, not a file")
        fields.setdefault(key, []).append(value)
    return fields


class CtiServer:
    """Listens on HOST:PORT for Generic CTI events and hands valid ones to *on_event*."""

    def __init__(
        self,
        on_event: EventSink,
        token: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        rate: float = RATE_PER_SECOND,
        burst: int = BURST,
    ) -> None:
        if not token:
            raise ListenerError("the call-event listener needs a token")
        if not is_loopback(host) and len(token) < MIN_REMOTE_TOKEN:
            raise ListenerError(
                f"listening on {host} needs a token of at least {MIN_REMOTE_TOKEN} characters"
            )
        self._on_event = on_event
        self._token = token.encode()
        self.host = host
        self.port = port
        self._limiter = TokenBucket(rate, burst)
        self._runner: web.AppRunner | None = None
        self.accepted = 0
        self.rejected = 0

    @property
    def url(self) -> str:
        """The endpoint with its token, for PBX settings (keep it secret)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/cti/{self._token.decode()}"

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[_json_errors])
        app.router.add_route("GET", PATH, self._handle)
        app.router.add_route("POST", PATH, self._handle)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise ListenerError(
                f"cannot listen on {self.host}:{self.port} ({exc.strerror or exc}); "
                "choose another port with --cti-port"
            ) from None
        self._runner = runner
        addresses = runner.addresses
        if addresses:
            self.port = int(addresses[0][1])
        log.info("listening for call events on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        received = time.perf_counter()
        if not self._limiter.allow():
            self.rejected += 1
            return _error(
                429,
                "too many requests; slow down",
                **{"Retry-After": str(self._limiter.retry_after())},
            )
        if not hmac.compare_digest(request.match_info["token"].encode(), self._token):
            self.rejected += 1
            return _error(403, "wrong token")
        try:
            fields = await self._fields(request)
            event = parse_event(fields)
        except InvalidEvent as exc:
            self.rejected += 1
            return _error(400, str(exc))
        try:
            self._on_event(event, received)
        except Overloaded as exc:
            self.rejected += 1
            return _error(503, str(exc) or "the console is busy; try again", **{"Retry-After": "1"})
        self.accepted += 1
        return web.json_response({})

    async def _fields(self, request: web.Request) -> dict[str, list[str]]:
        fields = _multi(request.query.items())
        if request.method != "POST":
            return fields
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise web.HTTPRequestEntityTooLarge(
                max_size=MAX_BODY, actual_size=request.content_length
            )
        kind = request.content_type
        if kind == "multipart/form-data":
            fields.update(_multi((await request.post()).items()))
            return fields
        body = await request.read()
        if not body.strip():
            return fields
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidEvent("the body is not UTF-8 text") from None
        if kind == "application/json" or (kind == "application/octet-stream" and text[:1] == "{"):
            try:
                parsed = json.loads(text)
            except (json.JSONDecodeError, RecursionError):
                raise InvalidEvent("the body is not valid JSON") from None
            fields.update(json_fields(parsed))
        elif kind in ("application/x-www-form-urlencoded", "application/octet-stream"):
            try:
                pairs = urllib.parse.parse_qsl(
                    text, keep_blank_values=True, strict_parsing=True, max_num_fields=100
                )
            except ValueError:
                raise InvalidEvent("the body is not form-encoded fields") from None
            fields.update(_multi(pairs))
        else:
            raise InvalidEvent(f"unsupported content type {kind!r}; send form fields or JSON")
        return fields

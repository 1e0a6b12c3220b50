"""The call-event listener: Zammad's Generic CTI format over HTTP (aiohttp, on the app's loop).

Contract (public; see README "Phone screen-pop"):

* ``POST`` (``application/x-www-form-urlencoded``, ``multipart/form-data`` or
  ``application/json``) or ``GET`` with query parameters, to ``/cti/<token>``.
* Fields: ``event`` (``newCall``, ``answer``, ``hangup``), ``from``, ``to``, ``direction``
  (``in``/``out``), ``callId``, optional ``user`` / ``user[]`` (one or several), ``queue``,
  ``cause``, ``answeringNumber``. Unknown fields are ignored.
* Replies are JSON: ``200 {}`` when the event is accepted; ``403`` wrong token; ``400``
  malformed (including requests that are not valid HTTP); ``408`` the body was too slow;
  ``413`` body over :data:`MAX_BODY`; ``429`` flood from this source (``Retry-After``);
  ``503`` the console is overloaded; ``404``/``405`` anything else. Errors are
  ``{"error": "<one sentence>"}``; no reply and no log line contains the token.

Under attack (see :mod:`console.services.cti_guard`): the token is checked before any
flood budget is spent, and budgets are kept per source address (the connection's peer,
never a header), so wrong-token floods and one noisy address cannot starve the PBX.
Connections are capped (:data:`MAX_CONNECTIONS`, :data:`MAX_CONNECTIONS_PER_SOURCE`);
at the cap the connection that has waited longest without a request makes room. A
request head must arrive within :data:`HEADER_TIMEOUT` seconds of the connection (or of
the previous reply), a body within :data:`BODY_TIMEOUT`.

The listener only validates and queues (``on_event``); the event is applied to the
database afterwards, in order, by :class:`console.services.calls.CallEvents`. It binds to
127.0.0.1 unless another interface is set explicitly; a token is always required, and a
listener on another interface refuses to start with a short token.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
import socket
import time
import urllib.parse
from collections.abc import Callable
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from console.domain.calls import CtiEvent, InvalidEvent, is_loopback, json_fields, parse_event
from console.services.calls import QueueFull as Overloaded
from console.services.cti_guard import (
    REDACTED,
    BurstLog,
    Connection,
    ConnectionLedger,
    RedactToken,
    SourceLimiter,
    TokenBucket,
    check_fields,
    source_key,
)

__all__ = [
    "BODY_TIMEOUT",
    "HEADER_TIMEOUT",
    "MAX_BODY",
    "MAX_CONNECTIONS",
    "MAX_CONNECTIONS_PER_SOURCE",
    "PREFIX",
    "CtiEndpoint",
    "CtiServer",
    "ListenerError",
    "TokenBucket",
    "read_fields",
]

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024  # a CTI event is a few hundred bytes
RATE_PER_SECOND = 100.0  # sustained events accepted per second, per source address
BURST = 200  # events accepted at once before the rate applies, per source address
MIN_REMOTE_TOKEN = 24  # characters, when listening on anything but loopback
PREFIX = "/cti/"
MAX_CONNECTIONS = 256  # open connections in all
MAX_CONNECTIONS_PER_SOURCE = 64  # open connections from one address (IPv6: one /64)
HEADER_TIMEOUT = 5.0  # seconds for a request line and headers to arrive
BODY_TIMEOUT = 5.0  # seconds for a request body to arrive
MAX_LINE = 4096  # bytes in the request line (the token and a query string fit easily)
MAX_HEADER = 4096  # bytes in one header
MAX_HEADERS = 64  # headers in one request
BACKLOG = 1024  # connections the kernel may queue before the listener accepts them
EXCESS_QUIET = 5.0  # seconds without excess connections that end a burst (for the log)

#: Loggers that may see a request's path (and so the token); they all get the filter.
_LOGGERS = (__name__, "aiohttp.access", "aiohttp.server", "aiohttp.web", "aiohttp.internal")

EventSink = Callable[[CtiEvent, float], None]


class ListenerError(RuntimeError):
    """The listener cannot start; the message says why, in one sentence."""


def _peer(transport: Any) -> str:
    peer = transport.get_extra_info("peername") if transport is not None else None
    host = peer[0] if isinstance(peer, tuple) and peer else None
    return source_key(host if isinstance(host, str) else None)


def _head_waiting(transport: asyncio.BaseTransport) -> bool:
    """Whether a complete request head is already in the socket's receive buffer
    (peeked through a duplicate descriptor; nothing is consumed)."""
    sock = transport.get_extra_info("socket")
    if sock is None:
        return False
    try:
        with socket.socket(fileno=os.dup(sock.fileno())) as peek:
            data = peek.recv(MAX_LINE, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except OSError:
        return False
    return b"\r\n\r\n" in data


def _error(status: int, message: str, **headers: str) -> web.Response:
    response = web.json_response({"error": message}, status=status, headers=headers or None)
    if status in (400, 408):
        response.force_close()  # the rest of the stream cannot be trusted
    return response


#: What aiohttp's own refusals (requests it cannot parse) say, in the contract's words.
_PROTOCOL_ERRORS = {
    400: "the request is not valid HTTP",
    413: f"the request body is larger than {MAX_BODY} bytes",
    500: "the console could not handle this request",
    504: "the console could not handle this request in time",
}


class _AccessLog(AbstractAccessLogger):
    """One debug line per request, with the token taken out of the path."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        path = request.path
        if path.startswith(PREFIX):
            path = PREFIX + REDACTED
        self.logger.debug(
            "%s %s %s %d %.1f ms",
            request.remote,
            request.method,
            path,
            response.status,
            time * 1000,
        )


class _Protocol(web.RequestHandler):
    """aiohttp's connection handler, counted in the ledger and answering in JSON."""

    ledger: ConnectionLedger  # set on the subclass made per server
    header_timeout: float

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # A connection whose whole request head is already waiting is as good as busy:
        # a burst of new connections must not displace the PBX before it is read.
        self.entry = Connection(_peer(transport), self._close_now, busy=_head_waiting(transport))
        self._transport_ref: asyncio.BaseTransport | None = None
        self._deadline: asyncio.TimerHandle | None = None
        self._tail = b""
        if not self.ledger.admit(self.entry):
            transport.abort()  # type: ignore[attr-defined]
            return
        self._transport_ref = transport
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if not self.entry.busy:
            seen = self._tail + data[:4096]
            if b"\r\n\r\n" in seen:
                self.entry.busy = True  # a head is in; the handler takes it from here
            elif data:
                self.entry.partial = True
            self._tail = seen[-3:]
        super().data_received(data)

    def connection_lost(self, exc: BaseException | None) -> None:
        if self._transport_ref is None:
            return  # refused at once: aiohttp never saw it
        self._transport_ref = None
        if self._deadline is not None:
            self._deadline.cancel()
        self.ledger.release(self.entry)
        super().connection_lost(exc)

    def request_started(self) -> None:
        """The request head has arrived: the handler runs (the body has its own timeout)."""
        self.entry.busy, self.entry.since = True, time.monotonic()
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def request_done(self) -> None:
        """Waiting for a request head again: it has :attr:`header_timeout` seconds.

        aiohttp's ``keepalive_timeout`` does the same in recent versions; this one does
        not depend on the version, and also ends a head sent a byte at a time."""
        self.entry.busy, self.entry.partial = False, False
        self.entry.since = time.monotonic()
        self._tail = b""
        self._arm()

    def _arm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        loop = asyncio.get_running_loop()
        self._deadline = loop.call_later(self.header_timeout, self._close_now)

    def _close_now(self) -> None:
        """Close at once (timed out, or making room); :meth:`connection_lost` follows."""
        self.ledger.release(self.entry)
        if self._transport_ref is not None:
            self._transport_ref.abort()  # type: ignore[attr-defined]

    def handle_error(
        self,
        request: web.BaseRequest,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        # aiohttp's own text echoes what it could not parse — the request line, with the
        # token; one short line without it goes to the log instead.
        if status >= 500:
            log.warning(
                "the call-event listener failed on a request from %s (%s)",
                request.remote,
                type(exc).__name__ if exc is not None else status,
            )
        else:
            log.debug(  # a flood of garbage must not flood the log
                "refused a malformed request from %s (%s)",
                request.remote,
                type(exc).__name__ if exc is not None else status,
            )
        if request.writer.output_size > 0:  # a reply is half sent: nothing else can follow
            raise ConnectionError("the reply was already under way")
        text = _PROTOCOL_ERRORS.get(status, "the request could not be handled")
        return _error(status, text)


def _multi(pairs: Any) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for key, value in pairs:
        if not isinstance(value, str):
            raise InvalidEvent(f"{key!r} must be text, not a file")
        fields.setdefault(key, []).append(value)
    return fields


def _no_constant(name: str) -> Any:
    raise InvalidEvent(f"the JSON body contains {name}, which is not a value here")


def _json(text: str) -> dict[str, list[str]]:
    try:
        # Numbers are kept as their digits: a 5,000-digit callId is then simply too long.
        parsed = json.loads(text, parse_int=str, parse_float=str, parse_constant=_no_constant)
    except (json.JSONDecodeError, RecursionError):
        raise InvalidEvent("the body is not valid JSON") from None
    return json_fields(parsed)


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
        max_connections: int = MAX_CONNECTIONS,
        max_connections_per_source: int = MAX_CONNECTIONS_PER_SOURCE,
        header_timeout: float = HEADER_TIMEOUT,
        body_timeout: float = BODY_TIMEOUT,
    ) -> None:
        if not token:
            raise ListenerError("the call-event listener needs a token")
        if not is_loopback(host) and len(token) < MIN_REMOTE_TOKEN:
            raise ListenerError(
                f"listening on {host} needs a token of at least {MIN_REMOTE_TOKEN} characters"
            )
        self._token = token.encode()
        self.host = host
        self.port = port
        self.endpoint = CtiEndpoint(
            on_event, token, rate=rate, burst=burst, body_timeout=body_timeout
        )
        self._max_connections = max_connections
        self._max_per_source = max_connections_per_source
        self._header_timeout = header_timeout
        self._redact = self.endpoint.redact
        self._runner: web.ServerRunner | None = None
        self._ledger: ConnectionLedger | None = None

    @property
    def accepted(self) -> int:
        return self.endpoint.accepted

    @property
    def rejected(self) -> int:
        return self.endpoint.rejected

    @property
    def url(self) -> str:
        """The endpoint with its token, for PBX settings (keep it secret)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/cti/{self._token.decode()}"

    @property
    def running(self) -> bool:
        return self._runner is not None

    @property
    def open_connections(self) -> int:
        return len(self._ledger) if self._ledger is not None else 0

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        excess = BurstLog(
            log,
            loop.call_later,
            limit=f"at most {self._max_connections}, {self._max_per_source} from one address",
            quiet=EXCESS_QUIET,
        )
        ledger = ConnectionLedger(self._max_connections, self._max_per_source, excess)
        protocol = type(
            "CtiProtocol",
            (_Protocol,),
            {"ledger": ledger, "header_timeout": self._header_timeout},
        )
        server = _Server(
            self._dispatch,
            protocol,
            request_factory=self._make_request,
            # Recent aiohttp closes a connection whose request head has not arrived this
            # long after it opened (or after the previous reply); _Protocol's own
            # deadline does the same on any version.
            keepalive_timeout=self._header_timeout,
            lingering_time=1.0,
            max_line_size=MAX_LINE,
            max_field_size=MAX_HEADER,
            max_headers=MAX_HEADERS,
            access_log_class=_AccessLog,
            access_log=logging.getLogger("aiohttp.access"),
        )
        for name in _LOGGERS:
            logging.getLogger(name).addFilter(self._redact)
        runner = web.ServerRunner(server, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        # A deep accept queue: a burst of connections must not drop the PBX's SYN (the
        # kernel would retry it only a second later); the ledger sorts them out at once.
        site = web.TCPSite(runner, self.host, self.port, backlog=BACKLOG)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            self._unfilter()
            raise ListenerError(
                f"cannot listen on {self.host}:{self.port} ({exc.strerror or exc}); "
                "choose another port with --cti-port"
            ) from None
        self._runner = runner
        self._ledger = ledger
        addresses = runner.addresses
        if addresses:
            self.port = int(addresses[0][1])
        log.info("listening for call events on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
            self._unfilter()

    def _unfilter(self) -> None:
        for name in _LOGGERS:
            logging.getLogger(name).removeFilter(self._redact)

    def _make_request(
        self,
        message: Any,
        payload: Any,
        protocol: web.RequestHandler,
        writer: Any,
        task: asyncio.Task[None],
    ) -> web.BaseRequest:
        return web.BaseRequest(
            message,
            payload,
            protocol,
            writer,
            task,
            asyncio.get_running_loop(),
            client_max_size=MAX_BODY,
            client_max_fields=100,
        )

    async def _dispatch(self, request: web.BaseRequest) -> web.StreamResponse:
        """Every reply is JSON, and nothing escapes (nor the token, in a reply or a log)."""
        protocol = request.protocol
        if isinstance(protocol, _Protocol):
            protocol.request_started()
        try:
            token = request.path[len(PREFIX) :]
            if not request.path.startswith(PREFIX) or not token or "/" in token:
                return _error(404, "not found; the endpoint is /cti/<token>")
            if request.method not in ("GET", "POST"):
                return _error(405, "use POST (or GET)", Allow="GET, POST")
            return await self.endpoint.handle(request)
        except Exception as exc:
            log.warning("the call-event listener failed on a request (%s)", type(exc).__name__)
            return _error(500, "the console could not handle this request")
        finally:
            if isinstance(protocol, _Protocol):
                protocol.request_done()


class CtiEndpoint:
    """What ``/cti/<token>`` does with one request, whoever serves it (the console's own
    :class:`CtiServer`, or the console server's route): the token check, the flood
    budgets per source address, reading and validating the fields, and the reply. Valid
    events go to *on_event*; it may raise :class:`~console.services.calls.QueueFull`
    (``503``)."""

    def __init__(
        self,
        on_event: EventSink,
        token: str,
        *,
        rate: float = RATE_PER_SECOND,
        burst: int = BURST,
        body_timeout: float = BODY_TIMEOUT,
    ) -> None:
        self._on_event = on_event
        self._token = token.encode()
        self._limiter = SourceLimiter(rate, burst)  # requests with the right token
        self._guesses = SourceLimiter(rate, burst)  # requests with a wrong one
        self._body_timeout = body_timeout
        self.redact = RedactToken(token)
        self.accepted = 0
        self.rejected = 0

    async def handle(self, request: web.BaseRequest) -> web.StreamResponse:
        received = time.perf_counter()
        source = _peer(request.transport)
        given = request.path[len(PREFIX) :].encode("utf-8", "surrogatepass")
        if not hmac.compare_digest(given, self._token):
            self.rejected += 1
            guesses = self._guesses.bucket(source)
            if not guesses.allow():
                return _error(
                    429,
                    "too many requests; slow down",
                    **{"Retry-After": str(guesses.retry_after())},
                )
            return _error(403, "wrong token")
        bucket = self._limiter.bucket(source)
        if not bucket.allow():
            self.rejected += 1
            return _error(
                429, "too many requests; slow down", **{"Retry-After": str(bucket.retry_after())}
            )
        try:
            async with asyncio.timeout(self._body_timeout):
                fields = await read_fields(request)
            check_fields(fields)
            event = parse_event(fields)
        except InvalidEvent as exc:
            self.rejected += 1
            return _error(400, self.redact.redact(str(exc)))
        except TimeoutError:
            self.rejected += 1
            return _error(
                408, f"the request body did not arrive within {self._body_timeout:g} seconds"
            )
        except web.HTTPRequestEntityTooLarge:
            self.rejected += 1
            return _error(413, f"the request body is larger than {MAX_BODY} bytes")
        try:
            self._on_event(event, received)
        except Overloaded as exc:
            self.rejected += 1
            return _error(503, str(exc) or "the console is busy; try again", **{"Retry-After": "1"})
        self.accepted += 1
        return web.json_response({})


async def read_fields(request: web.BaseRequest) -> dict[str, list[str]]:
    """The fields of one request: its query string, and a POST's body (form or JSON)."""
    fields = _multi(request.query.items())
    if request.method != "POST":
        return fields
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=request.content_length)
    kind = request.content_type
    if kind == "multipart/form-data":
        try:
            form = await request.post()
        except (web.HTTPRequestEntityTooLarge, TimeoutError):
            raise
        except Exception:  # aiohttp's multipart reader: no boundary, broken parts, …
            raise InvalidEvent("the multipart body is malformed") from None
        fields.update(_multi(form.items()))
        return fields
    body = await request.read()
    if not body.strip():
        return fields
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidEvent("the body is not UTF-8 text") from None
    if kind == "application/json" or (kind == "application/octet-stream" and text[:1] == "{"):
        fields.update(_json(text))
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


class _Server(web.Server):
    """aiohttp's low-level server, making connections of our protocol class."""

    def __init__(self, handler: Any, protocol: type[_Protocol], **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self._protocol = protocol

    def __call__(self) -> web.RequestHandler:
        return self._protocol(self, loop=self._loop, **self._kwargs)

"""The console server's HTTP API (protocol: :mod:`console.domain.protocol`, README's
"Team mode: the console server").

Middlewares, outermost first: every answer is JSON and never a traceback (errors carry
a stable code); the console's protocol version is checked (426 ``update_app``); the
device token is checked on every endpoint but ``hello`` and ``enrol`` (a revoked console
is refused at once: the token is looked up on every request, not cached). The phone
system's ``/cti/<token>`` is outside ``/api/v1`` and outside both checks: it speaks the
console listener's Generic CTI contract (:mod:`console.server.calls`).

Staff sessions (``POST /api/v1/sign-in``) are kept in the database (only their tokens'
digests), bound to the console that signed in: another console's token cannot use them,
a revoked console's sessions end with it, and they outlive a restart of the server and
are shared by every server on the database (:class:`ConsoleService`). The lockout is the
store's too (sign-in attempts in PostgreSQL), so it is shared by every console and
server.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import struct
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from aiohttp import web

from console.domain import messages as msg
from console.domain import protocol
from console.domain.clock import Clock, SystemClock
from console.domain.consoles import EnrolledConsole
from console.domain.roles import NotAllowed
from console.domain.staff import Session
from console.repositories import Store
from console.repositories.acting import ACTING, Acting, acting
from console.repositories.consoles import StoredSession
from console.repositories.errors import StoreError
from console.server import live
from console.server.calls import CallRouter
from console.server.uploads import Upload, UploadError, Uploads
from console.services import bulk, cti, remote, wire
from console.services import consoles as console_service
from console.services.consoles import ConsoleRefused, ConsoleService
from console.services.identity import Identity
from console.services.staff import AuditService, SignInRefused, StaffService

log = logging.getLogger(__name__)


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("service-console")
    except metadata.PackageNotFoundError:
        return "unknown"


#: A staff session ends after this long without a request (seconds of the server's clock;
#: the rule is :data:`console.services.consoles.SESSION_IDLE`).
SESSION_IDLE = console_service.SESSION_IDLE.total_seconds()
#: A request's body at most (read only once its device token is good): a phrasebook file
#: or a batch of customers fits.
MAX_BODY = 4 * 1024 * 1024
_OPEN = {f"{protocol.API}/hello", f"{protocol.API}/enrol"}
#: The phone system's route (its own token in the path; no device token, no protocol
#: header): :mod:`console.server.calls`.
CTI_PREFIX = "/cti/"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, params: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.params = params or {}


def _json(status: int, body: dict[str, Any]) -> web.Response:
    response = web.json_response(
        body, status=status, dumps=lambda v: json.dumps(v, ensure_ascii=False)
    )
    response.headers[protocol.HEADER] = str(protocol.PROTOCOL)
    return response


def _error(
    status: int, code: str, message: str, params: dict[str, Any] | None = None
) -> web.Response:
    error: dict[str, Any] = {"code": code, "message": message}
    if params:
        error["params"] = params
    return _json(status, {"error": error})


def ok(data: Any, request_id: str | None = None) -> web.Response:
    body: dict[str, Any] = {"data": data}
    if request_id is not None:
        body["request_id"] = request_id
    return _json(200, body)


@dataclass
class _Holder:
    """One request's ``Sessions`` for :class:`Identity` (who acts: the signed-in staff)."""

    session: Session | None
    clock: Clock


@dataclass
class ServerState:
    store: Store
    clock: Clock = field(default_factory=SystemClock)
    uploads: Uploads | None = None  # made by make_app (a private temporary folder)

    def consoles(
        self, session: Session | None = None, console: EnrolledConsole | None = None
    ) -> ConsoleService:
        """The consoles' service, as *session* (staff) acting from *console* (whose name
        goes into the audit entries)."""
        staff = _Holder(session, self.clock) if session is not None else None
        name = console.name if console is not None else ""
        identity = Identity(self.store, staff=staff, clock=self.clock, console=name)
        return ConsoleService(self.store, identity)

    def audit(self, console: EnrolledConsole) -> AuditService:
        """The audit service for a request of *console* (named in its entries)."""
        return AuditService(self.store, self.clock, console=console.name)


STATE: web.AppKey[ServerState] = web.AppKey("state", ServerState)
CONSOLE: web.RequestKey[EnrolledConsole] = web.RequestKey("console", EnrolledConsole)
#: The staff session the request names, as read with its console (None: none named, or
#: no such session); :func:`_session` checks it.
STORED: web.RequestKey[StoredSession | None] = web.RequestKey("stored_session", StoredSession)


@web.middleware
async def errors_as_json(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except ApiError as exc:
        return _error(exc.status, exc.code, str(exc), exc.params)
    except UploadError as exc:
        return _error(exc.status, exc.code, str(exc), dict(exc.params))
    except ConsoleRefused as exc:
        status = 403 if exc.code == protocol.CODE_REFUSED else 401
        if exc.code == protocol.BAD_CONSOLE_NAME:
            status = 400
        return _error(status, exc.code, str(exc))
    except SignInRefused as exc:
        return _error(403, exc.message.code, str(exc.message), _params(exc.message.params()))
    except NotAllowed as exc:
        return _error(403, protocol.NOT_ALLOWED, str(exc))
    except StoreError as exc:
        log.warning("store refused %s %s: %s", request.method, request.path, exc)
        return _error(503, protocol.UNAVAILABLE, str(exc))
    except web.HTTPRequestEntityTooLarge:
        return _error(413, protocol.TOO_LARGE, f"a request may carry at most {MAX_BODY} bytes")
    except web.HTTPMethodNotAllowed as exc:
        return _error(405, protocol.METHOD_NOT_ALLOWED, f"{exc.method} is not allowed here")
    except web.HTTPNotFound:
        return _error(404, protocol.NOT_FOUND, f"there is no endpoint {request.path}")
    except web.HTTPException as exc:
        return _error(exc.status, protocol.BAD_REQUEST, exc.reason)
    except Exception:
        log.exception("unexpected error in %s %s", request.method, request.path)
        return _error(500, protocol.INTERNAL, "the server could not do this; see its log")


def _params(params: dict[str, object]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if isinstance(v, str | int | float | bool)}


@web.middleware
async def protocol_version(request: web.Request, handler: Handler) -> web.StreamResponse:
    header = request.headers.get(protocol.HEADER)
    hello = request.path == f"{protocol.API}/hello"
    if request.path.startswith(CTI_PREFIX):
        return await handler(request)  # the PBX speaks Generic CTI, not this protocol
    if not (hello and header is None):
        version = protocol.version_of(header)
        if not protocol.compatible(version):
            if version is not None and version > protocol.PROTOCOL:
                message = (
                    f"this server speaks protocol {protocol.OLDEST}–{protocol.PROTOCOL} and "
                    f"the app {version}: update the server, or use the app it goes with"
                )
            else:
                message = (
                    f"this app is too old for the server (protocol {header or 'none'}; the "
                    f"server speaks {protocol.OLDEST}–{protocol.PROTOCOL}): update the app"
                )
            raise ApiError(
                426,
                protocol.UPDATE_APP,
                message,
                {"oldest": protocol.OLDEST, "newest": protocol.PROTOCOL},
            )
    return await handler(request)


@web.middleware
async def device_token(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path not in _OPEN and not request.path.startswith(CTI_PREFIX):
        auth = request.headers.get("Authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer":
            token = ""
        state = request.app[STATE]
        session_token = request.headers.get(protocol.SESSION_HEADER, "").strip()
        console, stored = await state.consoles().authenticate_with(token.strip(), session_token)
        request[CONSOLE] = console
        request[STORED] = stored
        # The request's writes are noted on the changes feed as this console's (and,
        # once its session is read, its staff member's: _session).
        with acting(console.name):
            return await handler(request)
    return await handler(request)


async def _body(request: web.Request) -> tuple[dict[str, Any], str | None]:
    """A write's JSON object and its client-made request id (checked when given)."""
    try:
        raw = await request.read()
        body = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, protocol.BAD_REQUEST, "the request is not JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, protocol.BAD_REQUEST, "the request must be a JSON object")
    given = body.get("request_id")
    request_id = None
    if given is not None:
        request_id = protocol.request_id(given)
        if request_id is None:
            raise ApiError(400, protocol.BAD_REQUEST, "request_id must be a UUID")
    return body, request_id


def _text(body: dict[str, Any], name: str, limit: int = 200) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ApiError(400, protocol.BAD_REQUEST, f"{name} is missing (a string)")
    if len(value) > limit:
        raise ApiError(400, protocol.BAD_REQUEST, f"{name} is too long")
    return value


def console_json(console: EnrolledConsole) -> dict[str, Any]:
    return {
        "id": console.id,
        "name": console.name,
        "enrolled_at": console.enrolled_at.isoformat(),
        "enrolled_by": console.enrolled_by,
        "revoked_at": None if console.revoked_at is None else console.revoked_at.isoformat(),
        "revoked_by": console.revoked_by,
        "active": console.active,
    }


async def hello(request: web.Request) -> web.Response:
    return ok(
        {
            "server": "service-console",
            "version": _version(),
            "protocol": protocol.PROTOCOL,
            "oldest_protocol": protocol.OLDEST,
        }
    )


async def enrol(request: web.Request) -> web.Response:
    body, request_id = await _body(request)
    code, name = _text(body, "code"), _text(body, "name")
    console, token = await request.app[STATE].consoles().enrol(code, name)
    return ok({"console": console_json(console), "token": token}, request_id)


async def sign_in(request: web.Request) -> web.Response:
    body, request_id = await _body(request)
    name, pin = _text(body, "name"), _text(body, "pin", 1000)
    state = request.app[STATE]
    console = request[CONSOLE]
    staff = StaffService(state.store, state.audit(console), state.clock)
    session = await staff.sign_in(name, pin)
    token = await state.consoles(session, console).open_session(console, session)
    member = session.staff
    return ok(
        {
            "session": token,
            "staff": {"id": member.id, "name": member.name, "role": member.role.value},
            "console": console.id,
        },
        request_id,
    )


async def _maybe_session(request: web.Request) -> Session | None:
    """The staff session the request names (checked like :func:`_session`), or None
    when it names none: the console acts alone, with an agent's rights."""
    if not request.headers.get(protocol.SESSION_HEADER, "").strip():
        return None
    return await _session(request)


async def _session(request: web.Request) -> Session:
    """The staff session this request names, bound to the console that sent it (kept in
    the store: see :meth:`ConsoleService.session_for`)."""
    state = request.app[STATE]
    token = request.headers.get(protocol.SESSION_HEADER, "").strip()
    found = await state.consoles().session_for(request[CONSOLE], token, request.get(STORED))
    if found is None:
        raise ApiError(
            401, protocol.SESSION_REQUIRED, "sign in first (or again: the session ended)"
        )
    ACTING.set(Acting(request[CONSOLE].name, found.staff.name))  # for the rest of the request
    return found


async def sign_out(request: web.Request) -> web.Response:
    session = await _session(request)
    token = request.headers.get(protocol.SESSION_HEADER, "").strip()
    await request.app[STATE].consoles(session, request[CONSOLE]).end_session(token, session)
    return ok({"signed_out": True})


async def list_consoles(request: web.Request) -> web.Response:
    session = await _session(request)
    found = await request.app[STATE].consoles(session, request[CONSOLE]).list_consoles()
    return ok([console_json(c) for c in found])


async def revoke_console(request: web.Request) -> web.Response:
    session = await _session(request)
    request_id = (await _body(request))[1]
    text = request.match_info["console_id"]
    if not text.isdigit() or len(text) > 18:
        raise ApiError(404, protocol.NO_SUCH_CONSOLE, f"there is no console {text!r}")
    state = request.app[STATE]
    try:
        console = await state.consoles(session, request[CONSOLE]).revoke(int(text))
    except LookupError as exc:
        raise ApiError(404, protocol.NO_SUCH_CONSOLE, str(exc).strip("'\"")) from None
    return ok(console_json(console), request_id)


async def changes(request: web.Request) -> web.Response:
    """``GET /api/v1/changes?after=SEQ&limit=N``: the changes feed after SEQ."""
    values = {}
    for name, default in (("after", "0"), ("limit", "1000")):
        text = request.query.get(name, default)
        if not text.isdigit() or len(text) > 18:
            raise ApiError(400, protocol.BAD_REQUEST, f"{name} must be a whole number")
        values[name] = int(text)
    found, last = await request.app[STATE].consoles().changes(values["after"], values["limit"])
    return ok({"changes": [c.to_json() for c in found], "last": last})


def _refused(exc: Exception, request_id: str | None) -> web.Response:
    """A service's refusal on the wire (422 ``refused``), or *exc* again when it cannot be
    sent (a bug: 500)."""
    try:
        raised = wire.encode_error(exc)
    except wire.NotOnTheWire:
        raise exc from None
    return _json(
        422,
        {
            "error": {"code": protocol.REFUSED, "message": str(exc), "raised": raised},
            **({"request_id": request_id} if request_id else {}),
        },
    )


def _acting(request: web.Request, session: Session | None) -> Identity:
    """Who acts for *request*: the signed-in staff member, else the console itself."""
    state = request.app[STATE]
    return Identity(
        state.store,
        staff=_Holder(session, state.clock),
        clock=state.clock,
        nobody=f"console:{request[CONSOLE].name}",
        console=request[CONSOLE].name,
    )


def _uploads(request: web.Request) -> Uploads:
    uploads = request.app[STATE].uploads
    assert uploads is not None, "make_app makes the uploads' folder"
    return uploads


def _files(request: web.Request) -> bulk.Files:
    """The calling console's uploads, for an import: taken for one use, then deleted."""
    uploads = _uploads(request)
    console_id = request[CONSOLE].id

    @contextlib.contextmanager
    def files(upload_id: str) -> Iterator[Path]:
        try:
            upload = uploads.take(console_id, upload_id)
        except UploadError as exc:
            raise bulk.UploadRefused(exc.said or msg.NoSuchUpload(upload_id)) from None
        try:
            yield upload.path
        finally:
            uploads.done(upload)

    return files


async def call_service(request: web.Request) -> web.Response:
    """``POST /api/v1/call/{service}/{method}``: one service call (see
    :mod:`console.services.remote`)."""
    session = await _maybe_session(request)
    body, request_id = await _body(request)
    state = request.app[STATE]
    console = request[CONSOLE]
    identity = _acting(request, session)
    services = remote.server_services(
        state.store, identity, state.clock, session, console.name, _files(request)
    )
    service, method = request.match_info["service"], request.match_info["method"]
    try:
        result = await remote.run_call(services, service, method, body)
    except remote.NotRemote as exc:
        raise ApiError(404, protocol.NO_SUCH_CALL, str(exc)) from None
    except wire.WireError as exc:  # arguments that cannot be read or do not fit
        raise ApiError(400, protocol.BAD_REQUEST, f"{service}.{method}: {exc}") from None
    except (StoreError, wire.NotOnTheWire):
        raise  # the database is away (503); a result that cannot be sent is a bug (500)
    except Exception as exc:
        return _refused(exc, request_id)
    request.app[live.HUB].wake()  # other consoles hear of it at once
    return ok(result, request_id)


# --- files: uploads (a console's file for an import) and streamed exports -------------


def _upload_id(request: web.Request) -> str:
    text = request.match_info["upload_id"]
    if not 1 <= len(text) <= 64 or not all(c.isalnum() or c in "-_" for c in text):
        raise UploadError(404, protocol.NO_SUCH_UPLOAD, msg.NoSuchUpload(text[:64]))
    return text


async def create_upload(request: web.Request) -> web.Response:
    """``POST /api/v1/uploads`` ``{"size": N}`` → a new upload of N bytes for this console."""
    body, request_id = await _body(request)
    size = body.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ApiError(400, protocol.BAD_REQUEST, "size is missing (a whole number of bytes)")
    upload = _uploads(request).create(request[CONSOLE].id, size)
    return ok(_upload_json(upload), request_id)


def _upload_json(upload: Upload) -> dict[str, object]:
    return upload.json() | {"part": protocol.UPLOAD_PART, "max_size": protocol.MAX_UPLOAD}


async def put_upload_part(request: web.Request) -> web.Response:
    """``PUT /api/v1/uploads/{id}?offset=N``, the part's bytes as the body."""
    upload_id = _upload_id(request)
    text = request.query.get("offset", "")
    if not text.isdigit() or len(text) > 18:
        raise ApiError(400, protocol.BAD_REQUEST, "offset must be a whole number")
    data = await request.read()
    upload = _uploads(request).write(request[CONSOLE].id, upload_id, int(text), data)
    return ok(_upload_json(upload))


async def get_upload(request: web.Request) -> web.Response:
    upload = _uploads(request).status(request[CONSOLE].id, _upload_id(request))
    return ok(_upload_json(upload))


async def delete_upload(request: web.Request) -> web.Response:
    _uploads(request).discard(request[CONSOLE].id, _upload_id(request))
    return ok({"deleted": True})


def _frame(kind: bytes, payload: bytes) -> bytes:
    return kind + struct.pack(">I", len(payload)) + payload


class _FrameWriter:
    """A text file for the export (on a worker thread): its text goes out in data frames
    of about 64 KiB through *queue* (the response's writer on the event loop), waiting
    while the console reads more slowly than the store writes."""

    FLUSH = 64 * 1024

    def __init__(self, queue: asyncio.Queue[bytes | None], loop: asyncio.AbstractEventLoop):
        self._queue = queue
        self._loop = loop
        self._parts: list[str] = []
        self._size = 0
        self.stopped = False

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self.FLUSH:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if not self._parts:
            return
        data = "".join(self._parts).encode("utf-8")
        self._parts, self._size = [], 0
        self.put(_frame(protocol.FRAME_DATA, data))

    def put(self, item: bytes) -> None:
        while True:
            if self.stopped:  # the console went away: end the export
                raise ConnectionResetError("the console stopped reading")
            waiting = asyncio.run_coroutine_threadsafe(
                asyncio.wait_for(self._queue.put(item), 1.0), self._loop
            )
            try:
                waiting.result()
                return
            except TimeoutError:
                continue


async def export_customers(request: web.Request) -> web.StreamResponse:
    """``GET /api/v1/exports/customers?format=csv|json[&consent=…][&file=NAME]``: every
    customer as the desk writes them, streamed in frames (README: the protocol)."""
    session = await _maybe_session(request)
    fmt = request.query.get("format", "csv")
    consent = request.query.get("consent") or None
    if fmt not in ("csv", "json") or consent not in (None, "marketing", "greetings"):
        raise ApiError(
            400, protocol.BAD_REQUEST, "format is csv or json; consent marketing or greetings"
        )
    file_name = request.query.get("file", "")
    state = request.app[STATE]
    service = bulk.BulkService(state.store, _acting(request, session), state.clock)
    try:
        await service.may_export()
    except StoreError:
        raise
    except Exception as exc:
        return _refused(exc, None)
    response = web.StreamResponse(
        headers={"Content-Type": protocol.STREAM_TYPE, protocol.HEADER: str(protocol.PROTOCOL)}
    )
    await response.prepare(request)
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=8)
    out = _FrameWriter(queue, loop)

    async def produce() -> None:
        try:
            count = await service.export_customers(
                cast(Any, out), fmt, consent=consent, file_name=file_name
            )
            await asyncio.to_thread(out.flush)
            end = json.dumps({"rows": count}).encode()
            await queue.put(_frame(protocol.FRAME_END, end))
        except Exception as exc:
            if not out.stopped:
                log.warning("export refused or failed: %s", exc)
                await queue.put(_frame(protocol.FRAME_ERROR, _error_payload(exc)))
        finally:
            await queue.put(None)

    task = asyncio.create_task(produce())
    try:
        while (item := await queue.get()) is not None:
            await response.write(item)
        await response.write_eof()
    finally:
        out.stopped = True
        while not task.done():  # let a waiting writer see that nobody reads any more
            with contextlib.suppress(asyncio.QueueEmpty):
                queue.get_nowait()
            await asyncio.sleep(0.01)
    return response


def _error_payload(exc: Exception) -> bytes:
    """An error frame's payload: the answer's ``error`` object as JSON."""
    error: dict[str, Any] = {"code": protocol.INTERNAL, "message": "the export failed"}
    if isinstance(exc, StoreError):
        error = {"code": protocol.UNAVAILABLE, "message": str(exc)}
    else:
        with contextlib.suppress(wire.NotOnTheWire):
            error = {
                "code": protocol.REFUSED,
                "message": str(exc),
                "raised": wire.encode_error(exc),
            }
    return json.dumps({"error": error}, ensure_ascii=False).encode("utf-8")


async def live_updates(request: web.Request) -> web.StreamResponse:
    """``GET /api/v1/live?after=SEQ``: this console's WebSocket (:mod:`console.server.live`)."""
    state = request.app[STATE]
    token = request.headers.get("Authorization", "").partition(" ")[2].strip()

    async def still_enrolled() -> bool:
        try:
            await state.consoles().authenticate(token)
        except ConsoleRefused:
            return False
        return True

    calls = request.app[CALLS]
    return await live.live(
        request, request[CONSOLE], state.consoles(), still_enrolled, calls.replay
    )


async def cti_event(request: web.Request) -> web.StreamResponse:
    """``/cti/<token>``: one call event from the phone system (:mod:`console.server.calls`;
    the replies are the console listener's: ``{}`` or ``{"error": "..."}``)."""
    router = request.app[CALLS]
    token = request.match_info["token"]
    if router.endpoint is None or not token or "/" in token:
        return web.json_response(
            {"error": "not found; this server takes call events only with a CTI token set"},
            status=404,
        )
    if request.method not in ("GET", "POST"):
        return web.json_response(
            {"error": "use POST (or GET)"}, status=405, headers={"Allow": "GET, POST"}
        )
    try:
        return await router.endpoint.handle(request.clone(client_max_size=cti.MAX_BODY))
    except Exception as exc:
        log.warning("a call event failed (%s)", type(exc).__name__)
        return web.json_response({"error": "the console could not handle this request"}, status=500)


CALLS: web.AppKey[CallRouter] = web.AppKey("calls", CallRouter)


def make_app(
    store: Store, clock: Clock | None = None, *, cti_token: str | None = None
) -> web.Application:
    """The server's application on *store* (opened and migrated by the caller);
    *cti_token*: the phone system's token for ``/cti/<token>`` (None: no call events)."""
    app = web.Application(
        middlewares=[errors_as_json, protocol_version, device_token], client_max_size=MAX_BODY
    )
    state = ServerState(store, clock or SystemClock())
    state.uploads = Uploads(state.clock)
    app[STATE] = state

    async def remove_uploads(app: web.Application) -> None:
        if state.uploads is not None:
            state.uploads.close()

    app.on_cleanup.append(remove_uploads)
    api = protocol.API
    app.router.add_get(f"{api}/hello", hello)
    app.router.add_post(f"{api}/enrol", enrol)
    app.router.add_post(f"{api}/sign-in", sign_in)
    app.router.add_post(f"{api}/sign-out", sign_out)
    app.router.add_get(f"{api}/consoles", list_consoles)
    app.router.add_post(f"{api}/consoles/{{console_id}}/revoke", revoke_console)
    app.router.add_post(f"{api}/call/{{service}}/{{method}}", call_service)
    app.router.add_get(f"{api}/changes", changes)
    app.router.add_get(f"{api}/live", live_updates)
    app.router.add_post(f"{api}/uploads", create_upload)
    app.router.add_put(f"{api}/uploads/{{upload_id}}", put_upload_part)
    app.router.add_get(f"{api}/uploads/{{upload_id}}", get_upload)
    app.router.add_delete(f"{api}/uploads/{{upload_id}}", delete_upload)
    app.router.add_get(f"{api}/exports/customers", export_customers)
    hub = live.ChangeHub(store)
    app[live.HUB] = hub
    calls = CallRouter(store, state.clock, hub, cti_token)
    app[CALLS] = calls
    app.router.add_route("*", CTI_PREFIX + "{token:.*}", cti_event)

    async def start_hub(_app: web.Application) -> None:
        await hub.start()
        calls.start()

    async def stop_hub(_app: web.Application) -> None:
        await calls.stop()
        await hub.stop()

    app.on_startup.append(start_hub)
    app.on_shutdown.append(stop_hub)  # before the server waits for open sockets to end
    return app

"""The console server's HTTP API (protocol: :mod:`console.domain.protocol`, README's
"Team mode: the console server").

Middlewares, outermost first: every answer is JSON and never a traceback (errors carry
a stable code); the console's protocol version is checked (426 ``update_app``); the
device token is checked on every endpoint but ``hello`` and ``enrol`` (a revoked console
is refused at once: the token is looked up on every request, not cached).

Staff sessions (``POST /api/v1/sign-in``) are kept in the database (only their tokens'
digests), bound to the console that signed in: another console's token cannot use them,
a revoked console's sessions end with it, and they outlive a restart of the server and
are shared by every server on the database (:class:`ConsoleService`). The lockout is the
store's too (sign-in attempts in PostgreSQL), so it is shared by every console and
server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from console.domain import protocol
from console.domain.clock import Clock, SystemClock
from console.domain.consoles import EnrolledConsole
from console.domain.roles import NotAllowed
from console.domain.staff import Session
from console.repositories import Store
from console.repositories.acting import ACTING, Acting, acting
from console.repositories.errors import StoreError
from console.server import live
from console.services import consoles as console_service
from console.services import remote, wire
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


@web.middleware
async def errors_as_json(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except ApiError as exc:
        return _error(exc.status, exc.code, str(exc), exc.params)
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
    if request.path not in _OPEN:
        auth = request.headers.get("Authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer":
            token = ""
        state = request.app[STATE]
        console = await state.consoles().authenticate(token.strip())
        request[CONSOLE] = console
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
    found = await state.consoles().session_for(request[CONSOLE], token)
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


async def call_service(request: web.Request) -> web.Response:
    """``POST /api/v1/call/{service}/{method}``: one service call (see
    :mod:`console.services.remote`)."""
    session = await _maybe_session(request)
    body, request_id = await _body(request)
    state = request.app[STATE]
    console = request[CONSOLE]
    identity = Identity(
        state.store,
        staff=_Holder(session, state.clock),
        clock=state.clock,
        nobody=f"console:{console.name}",
        console=console.name,
    )
    services = remote.server_services(state.store, identity, state.clock, session, console.name)
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
    request.app[live.HUB].wake()  # other consoles hear of it at once
    return ok(result, request_id)


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

    return await live.live(request, request[CONSOLE], state.consoles(), still_enrolled)


def make_app(store: Store, clock: Clock | None = None) -> web.Application:
    """The server's application on *store* (opened and migrated by the caller)."""
    app = web.Application(
        middlewares=[errors_as_json, protocol_version, device_token], client_max_size=MAX_BODY
    )
    app[STATE] = ServerState(store, clock or SystemClock())
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
    hub = live.ChangeHub(store)
    app[live.HUB] = hub

    async def start_hub(_app: web.Application) -> None:
        await hub.start()

    async def stop_hub(_app: web.Application) -> None:
        await hub.stop()

    app.on_startup.append(start_hub)
    app.on_shutdown.append(stop_hub)  # before the server waits for open sockets to end
    return app

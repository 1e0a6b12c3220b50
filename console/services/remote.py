"""The services over the console server: one list of what a console may call, the
client side that stands in for a service, and the server side that runs the real one.

A console in team mode holds :class:`RemoteService` objects where a desk holds the
services themselves: ``await customers.search("yu")`` becomes ``POST
/api/v1/call/customers/search`` with the arguments on the wire (:mod:`console.services.wire`),
and the server runs the same :class:`~console.services.customers.CustomerService` on its
PostgreSQL store, as the signed-in staff member (or, with no one signed in, as the console
with an agent's rights). Results and refusals come back as the same values and the same
exceptions, so a command or a widget does not know which mode it is in.

Only the methods listed in :data:`REMOTE` can be called; a ``*_now`` method (the command
line's blocking form) calls its ``async`` twin on the server.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from console.services import wire

if TYPE_CHECKING:
    from console.domain.clock import Clock
    from console.domain.staff import Session
    from console.repositories import Store
    from console.services.bulk import Files
    from console.services.identity import Identity
    from console.services.staff import StaffDesk

#: Every service a console may call on the server, and its methods (all ``async``).
REMOTE: dict[str, frozenset[str]] = {
    "customers": frozenset(
        {
            "search",
            "get",
            "profile",
            "visits_page",
            "purchases_page",
            "region",
            "conflicts",
            "save",
            "consent_history",
            "merge",
            "log_visit",
            "add_purchase",
            "redeem_reward",
            "today",
        }
    ),
    "complaints": frozenset(
        {
            "current_agent",
            "current_time",
            "create",
            "update",
            "act",
            "extend_promise",
            "record_follow_up",
            "link_customer",
            "get",
            "queue",
            "by_status",
            "today",
            "count",
            "open_for_customer",
            "due_soon_to_notify",
            "whole_summaries",
            "report",
            "save_draft",
            "drafts",
            "discard_draft",
        }
    ),
    "phrasebooks": frozenset(
        {
            "role",
            "can_edit",
            "list_phrasebooks",
            "create_phrasebook",
            "active_phrasebook",
            "set_active_phrasebook",
            "version",
            "entries",
            "entries_and_version",
            "entry",
            "problems",
            "add_entry",
            "update_entry",
            "delete_entry",
            "history",
            "recent_changes",
            "restore_version",
            "export_bytes",
            "import_phrasebook",
            "check",
            "approved",
        }
    ),
    "calls": frozenset(
        {
            "recent",
            "customer_calls",
            "briefs",
            "call_backs",
            "mark_called_back",
            "link",
            "attach_number",
            "handle_here",
        }
    ),
    "privacy": frozenset({"set_consent", "consent_history", "export_customer", "erase_customer"}),
    # Staff accounts and the audit trail, for the signed-in person (StaffDesk).
    "staff": frozenset(
        {
            "me",
            "needs_first_admin",
            "list_staff",
            "add_staff",
            "change_staff",
            "entries",
            "count",
            "export_csv",
            "verify",
        }
    ),
    # The organisation's and store's settings (a console's own stay on the console:
    # console.services.team_settings); a console's own change is checked and audited here.
    "settings": frozenset(
        {"get", "values", "set", "reset", "loyalty_rule", "record_console_change"}
    ),
    # Import a file this console sent first (POST /api/v1/uploads): named by its upload id.
    "imports": frozenset({"may_import", "import_customers", "import_purchases"}),
}


#: Arguments that must be a file's bytes on the server (never a path: a console does not
#: get to read the server's files).
BYTES_ONLY: dict[tuple[str, str], str] = {("phrasebooks", "import_phrasebook"): "source"}
#: Arguments that must be an upload's id (a string the server resolves for the calling
#: console, never a path).
UPLOAD_ONLY: dict[tuple[str, str], str] = {
    ("imports", "import_customers"): "upload",
    ("imports", "import_purchases"): "upload",
}


#: ``*_now`` methods whose ``async`` twin is not simply the name without ``_now``.
_TWINS = {("phrasebooks", "import_now"): "import_phrasebook"}


class NotRemote(LookupError):
    """The server does not offer this service or method."""


def remote_name(service: str, method: str) -> str:
    """The method the server runs for *method* (``search_now`` → ``search``); NotRemote
    when the console may not call it."""
    name = _TWINS.get((service, method), method.removesuffix("_now"))
    if name not in REMOTE.get(service, frozenset()):
        raise NotRemote(f"{service}.{method} cannot be called on the console server")
    return name


class Caller(Protocol):
    """Sends one call to the server and returns its wire-encoded result (raising the
    decoded refusal): :meth:`console.services.server_client.ServerClient.call_service`."""

    def call_service(self, service: str, method: str, arguments: dict[str, Any]) -> Any: ...


class RemoteService:
    """Stands in for the service *name* on the console: its listed methods, ``async``
    (the blocking HTTP request runs on a worker thread, so the window never freezes) and
    their ``*_now`` forms (blocking, for the command line)."""

    def __init__(self, caller: Caller, name: str) -> None:
        if name not in REMOTE:
            raise NotRemote(f"the console server has no service {name!r}")
        self._caller = caller
        self._name = name

    def _send(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        arguments = {"args": wire.encode(list(args)), "kwargs": wire.encode(kwargs)}
        return wire.decode(self._caller.call_service(self._name, method, arguments))

    def __getattr__(self, method: str) -> Callable[..., Any]:
        if method.startswith("_"):
            raise AttributeError(method)
        try:
            name = remote_name(self._name, method)
        except NotRemote as exc:
            raise AttributeError(str(exc)) from None
        if method.endswith("_now"):

            def blocking(*args: Any, **kwargs: Any) -> Any:
                return self._send(name, args, kwargs)

            return blocking

        async def call(*args: Any, **kwargs: Any) -> Any:
            return await asyncio.to_thread(self._send, name, args, kwargs)

        return call


def server_services(
    store: Store,
    identity: Identity,
    clock: Clock,
    session: Session | None = None,
    console: str | None = None,
    files: Files | None = None,
) -> Callable[[str], Any]:
    """The real services the server runs for one request (as *identity*, from the
    console named *console*: its drafts stay its own): a function from a name to the
    service, made on first use (a call builds only what it needs). *files* resolves the
    calling console's uploads (imports)."""
    from console.services.bulk import BulkService
    from console.services.calls import CallService
    from console.services.complaints import ComplaintService
    from console.services.customers import CustomerService
    from console.services.phrasebooks import PhrasebookService
    from console.services.privacy import PrivacyService
    from console.services.settings import SettingsService

    made: dict[str, Any] = {}

    def settings() -> SettingsService:
        return get("settings")  # type: ignore[no-any-return]

    builders: dict[str, Callable[[], Any]] = {
        "settings": lambda: SettingsService(store, None, identity),
        "customers": lambda: CustomerService(store, settings(), clock, identity=identity),
        "phrasebooks": lambda: PhrasebookService(store, settings(), clock=clock, identity=identity),
        "complaints": lambda: ComplaintService(
            store,
            settings(),
            clock,
            phrasebooks=get("phrasebooks"),
            identity=identity,
            console_id="" if console is None else f"console:{console}",
        ),
        "calls": lambda: CallService(store, get("customers"), clock, settings=settings()),
        "privacy": lambda: PrivacyService(store, identity, clock),
        "staff": lambda: _staff_desk(store, clock, session, identity.console),
        "imports": lambda: BulkService(store, identity, clock, files),
    }

    def get(name: str) -> Any:
        if name not in made:
            made[name] = builders[name]()
        return made[name]

    return get


def _staff_desk(store: Store, clock: Clock, session: Session | None, console: str) -> StaffDesk:
    from console.services.staff import AuditService, StaffDesk, StaffService

    audit = AuditService(store, clock, console=console)
    return StaffDesk(StaffService(store, audit, clock), audit, session)


async def run_call(services: Callable[[str], Any], service: str, method: str, body: Any) -> Any:
    """Run one console's call on the server: *body* is ``{"args": [...], "kwargs":
    {...}}`` on the wire; the result comes back on the wire. NotRemote for a method not
    offered, WireError for arguments that cannot be read or do not fit."""
    name = remote_name(service, method)
    if name != method:
        raise NotRemote(f"{service}.{method} cannot be called on the console server")
    if not isinstance(body, dict):
        raise wire.WireError("the call's body must be an object")
    args = wire.decode(body.get("args", []))
    kwargs = wire.decode(body.get("kwargs", {}))
    if not isinstance(args, list) or not isinstance(kwargs, dict):
        raise wire.WireError("args must be a list and kwargs an object")
    bound = getattr(services(service), name)
    try:
        given = inspect.signature(bound).bind(*args, **kwargs)
    except TypeError as exc:
        raise wire.WireError(f"the arguments do not fit: {exc}") from None
    must_be_bytes = BYTES_ONLY.get((service, name))
    if must_be_bytes and not isinstance(given.arguments.get(must_be_bytes), bytes):
        raise wire.WireError(f"{must_be_bytes} must be the file's bytes")
    upload = UPLOAD_ONLY.get((service, name))
    if upload and not isinstance(given.arguments.get(upload), str):
        raise wire.WireError(f"{upload} must be an upload's id")
    result = await bound(*args, **kwargs)
    return wire.encode(result)

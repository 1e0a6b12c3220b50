"""The services a command works with, in either mode: on a desk, the real services on the
local database file; in team mode (``--server URL`` or ``$SERVICE_CONSOLE_SERVER``),
stand-ins that call the same services on the console server
(:mod:`console.services.remote`). A command takes :class:`Services` and does not know
which mode it is in."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from console.domain import messages as m
from console.domain.messages import Message

if TYPE_CHECKING:
    from console.domain.clock import Clock
    from console.services.calls import CallService
    from console.services.complaints import ComplaintService
    from console.services.customers import CustomerService
    from console.services.phrasebooks import PhrasebookService
    from console.services.privacy import PrivacyService
    from console.services.server_client import ServerClient
    from console.services.settings import SettingsService
    from console.services.staff import StaffDesk
    from console.services.team import (
        ServerLink,
        TeamAudit,
        TeamCalls,
        TeamComplaints,
        TeamCustomers,
        TeamPhrasebooks,
        TeamStaff,
    )
    from console.services.team_settings import TeamSettings
    from console.services.transfers import TeamTransfers

SERVER_ENV = "SERVICE_CONSOLE_SERVER"


class NotEnrolled(Exception):
    """This console holds no token for the server: enrol it first (``message`` says how,
    in the reader's language)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Services:
    customers: CustomerService
    #: The settings: the shared ones in the database (a desk's file, or the server's),
    #: this computer's own in its settings.json.
    settings: SettingsService
    complaints: ComplaintService
    phrasebooks: PhrasebookService
    calls: CallService
    #: Staff accounts and the audit trail, for whoever signed in (``--as``).
    staff: StaffDesk
    #: Consent, a customer's export and erasure (on a desk: with the file backups' rules).
    privacy: PrivacyService
    #: Where the data is: the database file, or the server's address.
    where: str
    close: Callable[[], None] = field(default=lambda: None)
    #: Whole files to and from the console server (import, export customers); None on a
    #: desk, where those commands work on the database file itself.
    transfers: TeamTransfers | None = None


def server_address(given: str | None) -> str | None:
    """The console server this command talks to (``--server``, else the environment),
    checked (ValueError with one sentence); None on a desk."""
    from console.services.server_client import server_url

    text = (given or os.environ.get(SERVER_ENV, "")).strip()
    return server_url(text) if text else None


#: Asks for a staff member's PIN (given their name): stdin, or the terminal.
AskPin = Callable[[str], str]


def desk_services(
    db_arg: str | None, actor: str | None = None, pin: AskPin | None = None
) -> Services:
    """The services on this computer's database file (opened with its key), as *actor*
    (signed in with their PIN: SignInRefused) or, without one, as the local operator."""
    import asyncio

    from console.services.backup import BackupService
    from console.services.calls import CallService
    from console.services.complaints import ComplaintService
    from console.services.customers import CustomerService
    from console.services.identity import Identity
    from console.services.paths import resolve_db_path
    from console.services.phrasebooks import PhrasebookService
    from console.services.privacy import PrivacyService
    from console.services.settings import SettingsService
    from console.services.staff import AuditService, StaffDesk, StaffService
    from console.wiring.desk import open_runner
    from console.wiring.local import this_computer

    runner = open_runner(resolve_db_path(db_arg))
    try:
        identity = None
        audit = AuditService(runner)
        staff = StaffService(runner, audit)
        if actor is not None and pin is not None:
            asyncio.run(staff.sign_in(actor, pin(actor)))
            identity = Identity(runner, staff=staff)
        settings = SettingsService(runner, this_computer(), identity=identity)
        acting = identity or Identity(runner, settings)  # nobody signed in: the operator
        backups = BackupService(runner, settings, files=runner.files, identity=acting)
        customers = CustomerService(runner, settings, identity=identity)
        phrasebooks = PhrasebookService(runner, settings, identity=identity)
        return Services(
            customers=customers,
            settings=settings,
            complaints=ComplaintService(runner, settings, identity=identity),
            phrasebooks=phrasebooks,
            calls=CallService(runner, customers, settings=settings),
            staff=StaffDesk(staff, audit, staff.session, first_admin_here=True),
            privacy=PrivacyService(runner, acting, backups=backups),
            where=str(runner.path),
            close=runner.close,
        )
    except BaseException:
        runner.close()
        raise


def team_services(url: str, actor: str | None = None, pin: AskPin | None = None) -> Services:
    """Stand-ins for the services on the console server at *url*, as this enrolled
    console (its token from the keychain or ``$SERVICE_CONSOLE_DEVICE_TOKEN``) and, with
    *actor*, as that staff member signed in on the server (their PIN: SignInRefused)."""
    from console.services import secrets
    from console.services.remote import RemoteService
    from console.services.server_client import ServerClient
    from console.services.team_settings import TeamSettings
    from console.services.transfers import TeamTransfers
    from console.wiring.local import this_computer

    token = secrets.device_token(url)
    if not token:
        command = f"service-console enrol --server {url} CODE"
        raise NotEnrolled(m.NotEnrolled(url, command, secrets.DEVICE_TOKEN_ENV))
    client = ServerClient(url, token)
    if actor is not None and pin is not None:
        client.sign_in(actor, pin(actor))

    def stand_in(name: str) -> RemoteService:
        return RemoteService(client, name)

    return Services(
        customers=cast("CustomerService", stand_in("customers")),
        settings=cast("SettingsService", TeamSettings(client, this_computer())),
        complaints=cast("ComplaintService", stand_in("complaints")),
        phrasebooks=cast("PhrasebookService", stand_in("phrasebooks")),
        calls=cast("CallService", stand_in("calls")),
        staff=cast("StaffDesk", stand_in("staff")),
        privacy=cast("PrivacyService", stand_in("privacy")),
        where=url,
        close=lambda: _sign_out(client),
        transfers=TeamTransfers(client),
    )


def _sign_out(client: ServerClient) -> None:
    """End the command's staff session on the server (a server already gone: nothing to end)."""
    import contextlib

    from console.repositories.errors import StoreError
    from console.services.server_client import ServerRefused

    with contextlib.suppress(ServerRefused, StoreError):
        client.sign_out()


@dataclass
class TeamWindow:
    """What the window holds in team mode (:class:`console.app.Console` with ``team=``):
    the line to the server, and the services through it."""

    link: ServerLink
    settings: TeamSettings
    staff: TeamStaff
    audit: TeamAudit
    customers: TeamCustomers
    phrasebooks: TeamPhrasebooks
    complaints: TeamComplaints
    calls: TeamCalls


def team_window(url: str, clock: Clock | None = None, token: str | None = None) -> TeamWindow:
    """The window's services on the console server at *url*, as this enrolled console
    (its token: given, else from the keychain or ``$SERVICE_CONSOLE_DEVICE_TOKEN``;
    NotEnrolled without one). Nobody is signed in yet: the sign-in window does that."""
    from console.domain.clock import SystemClock
    from console.services import secrets
    from console.services.complaints import console_id
    from console.services.server_client import ServerClient
    from console.services.team import (
        ServerLink,
        TeamAudit,
        TeamCalls,
        TeamComplaints,
        TeamCustomers,
        TeamPhrasebooks,
        TeamStaff,
    )
    from console.services.team_settings import TeamSettings
    from console.wiring.local import this_computer

    token = token or secrets.device_token(url)
    if not token:
        command = f"service-console enrol --server {url} CODE"
        raise NotEnrolled(m.NotEnrolled(url, command, secrets.DEVICE_TOKEN_ENV))
    clock = clock or SystemClock()
    link = ServerLink(ServerClient(url, token))
    config = this_computer()
    settings = TeamSettings(link, config)
    return TeamWindow(
        link=link,
        settings=settings,
        staff=TeamStaff(link, clock),
        audit=TeamAudit(link, clock),
        customers=TeamCustomers(link, clock),
        phrasebooks=TeamPhrasebooks(link),
        complaints=TeamComplaints(link, settings, clock, console_id(config)),
        calls=TeamCalls(link, clock, config),
    )

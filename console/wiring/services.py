"""The services a command works with, in either mode: on a desk, the real services on the
local database file; in team mode (``--server URL`` or ``$SERVICE_CONSOLE_SERVER``),
stand-ins that call the same services on the console server
(:mod:`console.services.remote`). A command takes :class:`Services` and does not know
which mode it is in."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from collections.abc import Callable

    from console.services.calls import CallService
    from console.services.complaints import ComplaintService
    from console.services.customers import CustomerService
    from console.services.phrasebooks import PhrasebookService

SERVER_ENV = "SERVICE_CONSOLE_SERVER"


class NotEnrolled(Exception):
    """This console holds no token for the server: enrol it first."""


@dataclass
class Services:
    customers: CustomerService
    complaints: ComplaintService
    phrasebooks: PhrasebookService
    calls: CallService
    #: Where the data is: the database file, or the server's address.
    where: str
    close: Callable[[], None] = field(default=lambda: None)


def server_address(given: str | None) -> str | None:
    """The console server this command talks to (``--server``, else the environment),
    checked (ValueError with one sentence); None on a desk."""
    from console.services.server_client import server_url

    text = (given or os.environ.get(SERVER_ENV, "")).strip()
    return server_url(text) if text else None


def desk_services(db_arg: str | None) -> Services:
    """The services on this computer's database file (opened with its key)."""
    from console.services.calls import CallService
    from console.services.complaints import ComplaintService
    from console.services.customers import CustomerService
    from console.services.paths import resolve_db_path
    from console.services.phrasebooks import PhrasebookService
    from console.services.settings import SettingsService
    from console.wiring.desk import open_runner

    runner = open_runner(resolve_db_path(db_arg))
    settings = SettingsService(runner)
    customers = CustomerService(runner, settings)
    return Services(
        customers=customers,
        complaints=ComplaintService(runner, settings),
        phrasebooks=PhrasebookService(runner, settings),
        calls=CallService(runner, customers, settings=settings),
        where=str(runner.path),
        close=runner.close,
    )


def team_services(url: str) -> Services:
    """Stand-ins for the services on the console server at *url*, as this enrolled
    console (its token from the keychain or ``$SERVICE_CONSOLE_DEVICE_TOKEN``)."""
    from console.services import secrets
    from console.services.remote import RemoteService
    from console.services.server_client import ServerClient

    token = secrets.device_token(url)
    if not token:
        raise NotEnrolled(
            f"this console is not enrolled with {url}: run 'service-console enrol --server "
            f"{url} CODE' (or set {secrets.DEVICE_TOKEN_ENV})"
        )
    client = ServerClient(url, token)

    def stand_in(name: str) -> RemoteService:
        return RemoteService(client, name)

    return Services(
        customers=cast("CustomerService", stand_in("customers")),
        complaints=cast("ComplaintService", stand_in("complaints")),
        phrasebooks=cast("PhrasebookService", stand_in("phrasebooks")),
        calls=cast("CallService", stand_in("calls")),
        where=url,
    )

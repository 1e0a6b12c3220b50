"""Every repository on one PostgreSQL connection (inside the job's transaction)."""

from __future__ import annotations

from functools import cached_property
from typing import NoReturn

import psycopg

from console.storage.postgres.calls_repository import PostgresCalls
from console.storage.postgres.complaints_repository import PostgresComplaints
from console.storage.postgres.consoles_repository import PostgresConsoles
from console.storage.postgres.customers_repository import PostgresCustomers
from console.storage.postgres.errors import NotOnPostgresYet
from console.storage.postgres.history_repository import PostgresHistory
from console.storage.postgres.phrasebooks_repository import PostgresPhrasebooks
from console.storage.postgres.privacy_repository import PostgresPrivacy
from console.storage.postgres.search_repository import PostgresSearch
from console.storage.postgres.settings_repository import PostgresSettings
from console.storage.postgres.staff_repository import PostgresStaff


class PostgresRepositories:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    @cached_property
    def customers(self) -> PostgresCustomers:
        return PostgresCustomers(self.conn)

    @cached_property
    def search(self) -> PostgresSearch:
        return PostgresSearch(self.conn)

    @cached_property
    def history(self) -> PostgresHistory:
        return PostgresHistory(self.conn)

    @cached_property
    def privacy(self) -> PostgresPrivacy:
        return PostgresPrivacy(self.conn)

    @cached_property
    def settings(self) -> PostgresSettings:
        return PostgresSettings(self.conn)

    @cached_property
    def staff(self) -> PostgresStaff:
        return PostgresStaff(self.conn)

    @cached_property
    def consoles(self) -> PostgresConsoles:
        """Enrolled consoles: the server's own aggregate (a desk has none)."""
        return PostgresConsoles(self.conn)

    @cached_property
    def phrasebooks(self) -> PostgresPhrasebooks:
        return PostgresPhrasebooks(self.conn)

    @cached_property
    def complaints(self) -> PostgresComplaints:
        return PostgresComplaints(self.conn)

    @cached_property
    def calls(self) -> PostgresCalls:
        return PostgresCalls(self.conn)

    def __getattr__(self, name: str) -> NoReturn:
        raise NotOnPostgresYet(f"the {name} repository is not on PostgreSQL yet")


__all__ = ["NotOnPostgresYet", "PostgresRepositories"]

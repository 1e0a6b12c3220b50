"""Every repository on one PostgreSQL connection (inside the job's transaction)."""

from __future__ import annotations

from functools import cached_property
from typing import NoReturn

import psycopg

from console.storage.postgres.consoles_repository import PostgresConsoles
from console.storage.postgres.phrasebooks_repository import PostgresPhrasebooks
from console.storage.postgres.settings_repository import PostgresSettings
from console.storage.postgres.staff_repository import PostgresStaff


class NotOnPostgresYet(NotImplementedError):
    """An aggregate whose PostgreSQL repository is not written yet (issue 15 adds them
    one by one; the shared tests say which)."""


class PostgresRepositories:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

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

    def __getattr__(self, name: str) -> NoReturn:
        raise NotOnPostgresYet(f"the {name} repository is not on PostgreSQL yet")

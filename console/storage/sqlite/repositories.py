"""Every repository on one SQLite connection: what a store's job receives."""

from __future__ import annotations

from functools import cached_property

import sqlite_utils

from console.storage.sqlite.calls_repository import SqliteCalls
from console.storage.sqlite.complaints_repository import SqliteComplaints
from console.storage.sqlite.customers_repository import SqliteCustomers
from console.storage.sqlite.history_repository import SqliteHistory
from console.storage.sqlite.phrasebooks_repository import SqlitePhrasebooks
from console.storage.sqlite.privacy_repository import SqlitePrivacy
from console.storage.sqlite.search_repository import SqliteSearch
from console.storage.sqlite.settings_repository import SqliteSettings
from console.storage.sqlite.staff_repository import SqliteStaff


class SqliteRepositories:
    """The repositories of :mod:`console.repositories`, bound to *db* (made on demand)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    @cached_property
    def customers(self) -> SqliteCustomers:
        return SqliteCustomers(self.db)

    @cached_property
    def search(self) -> SqliteSearch:
        return SqliteSearch(self.db)

    @cached_property
    def history(self) -> SqliteHistory:
        return SqliteHistory(self.db)

    @cached_property
    def complaints(self) -> SqliteComplaints:
        return SqliteComplaints(self.db)

    @cached_property
    def calls(self) -> SqliteCalls:
        return SqliteCalls(self.db)

    @cached_property
    def phrasebooks(self) -> SqlitePhrasebooks:
        return SqlitePhrasebooks(self.db)

    @cached_property
    def staff(self) -> SqliteStaff:
        return SqliteStaff(self.db)

    @cached_property
    def privacy(self) -> SqlitePrivacy:
        return SqlitePrivacy(self.db)

    @cached_property
    def settings(self) -> SqliteSettings:
        return SqliteSettings(self.db)

"""The customers repository on SQLite (implements :mod:`console.repositories.customers`)."""

from __future__ import annotations

import sqlite_utils


class SqliteCustomers:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

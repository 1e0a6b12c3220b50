"""The staff repository on SQLite (implements :mod:`console.repositories.staff`)."""

from __future__ import annotations

import sqlite_utils


class SqliteStaff:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

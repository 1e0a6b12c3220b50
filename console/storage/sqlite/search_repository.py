"""The search repository on SQLite (implements :mod:`console.repositories.search`)."""

from __future__ import annotations

import sqlite_utils


class SqliteSearch:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

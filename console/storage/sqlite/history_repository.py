"""The history repository on SQLite (implements :mod:`console.repositories.history`)."""

from __future__ import annotations

import sqlite_utils


class SqliteHistory:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

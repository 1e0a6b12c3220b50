"""The settings repository on SQLite (implements :mod:`console.repositories.settings`)."""

from __future__ import annotations

import sqlite_utils


class SqliteSettings:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

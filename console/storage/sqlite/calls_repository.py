"""The calls repository on SQLite (implements :mod:`console.repositories.calls`)."""

from __future__ import annotations

import sqlite_utils


class SqliteCalls:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

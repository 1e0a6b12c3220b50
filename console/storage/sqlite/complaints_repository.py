"""The complaints repository on SQLite (implements :mod:`console.repositories.complaints`)."""

from __future__ import annotations

import sqlite_utils


class SqliteComplaints:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

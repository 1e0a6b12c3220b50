"""The privacy repository on SQLite (implements :mod:`console.repositories.privacy`)."""

from __future__ import annotations

import sqlite_utils


class SqlitePrivacy:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

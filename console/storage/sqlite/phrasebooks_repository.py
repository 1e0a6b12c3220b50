"""The phrasebooks repository on SQLite (implements :mod:`console.repositories.phrasebooks`)."""

from __future__ import annotations

import sqlite_utils


class SqlitePhrasebooks:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

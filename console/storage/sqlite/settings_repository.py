"""The settings repository on SQLite (implements :mod:`console.repositories.settings`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlite_utils

from console.repositories.settings import SettingsRepository
from console.storage.sqlite import settings as store


class SqliteSettings:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def get(self, key: str) -> Any:
        return store.get_setting(self.db, key)

    def put(self, key: str, value: Any) -> None:
        store.set_setting(self.db, key, value)

    def delete(self, key: str) -> None:
        store.delete_setting(self.db, key)


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(db: sqlite_utils.Database) -> SettingsRepository:
        return SqliteSettings(db)

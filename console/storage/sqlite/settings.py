"""Shared settings on SQLite: one JSON value per key in the ``settings`` table."""

from __future__ import annotations

import json
from typing import Any, TypeVar

import sqlite_utils

from console.domain.options import Option, Scope
from console.repositories.console_settings import ConsoleSettings
from console.storage.console_config import ConsoleConfig
from console.storage.sqlite.transactions import write_transaction

T = TypeVar("T")


def get_setting(db: sqlite_utils.Database, key: str) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else json.loads(row[0])


def set_setting(db: sqlite_utils.Database, key: str, value: Any) -> None:
    with write_transaction(db):
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )


def delete_setting(db: sqlite_utils.Database, key: str) -> None:
    with write_transaction(db):
        db.execute("DELETE FROM settings WHERE key = ?", [key])


def read_option(
    db: sqlite_utils.Database, option: Option[T], config: ConsoleSettings | None = None
) -> T:
    """TRANSITIONAL (issue 13): *option*'s value for a job still given the raw connection
    (the calls service, until it moves onto the repositories: it should then use
    :func:`console.services.settings.read` with the repositories and the console's
    settings). Console scope: *config*, else this computer's ``settings.json``."""
    if option.scope is Scope.CONSOLE:
        return option.coerce((config or ConsoleConfig()).get(option.key))
    return option.coerce(get_setting(db, option.key))

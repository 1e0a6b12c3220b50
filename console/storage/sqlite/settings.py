"""Shared settings on SQLite: one JSON value per key in the ``settings`` table."""

from __future__ import annotations

import json
from typing import Any, TypeVar

import sqlite_utils

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

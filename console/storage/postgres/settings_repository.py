"""The settings repository on PostgreSQL (implements :mod:`console.repositories.settings`)."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.types.json import Jsonb


class PostgresSettings:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def get(self, key: str) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = %s", [key]).fetchone()
        return None if row is None else row[0]

    def put(self, key: str, value: Any) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, Jsonb(value)],
        )

    def delete(self, key: str) -> None:
        self.conn.execute("DELETE FROM settings WHERE key = %s", [key])

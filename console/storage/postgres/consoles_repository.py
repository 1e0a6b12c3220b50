"""The consoles repository on PostgreSQL (implements :mod:`console.repositories.consoles`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import psycopg

from console.domain.consoles import ChangeNotice, EnrolledConsole

_COLUMNS = "id, name, enrolled_at, enrolled_by, revoked_at, revoked_by"


def _console(row: tuple[Any, ...]) -> EnrolledConsole:
    return EnrolledConsole(
        id=int(row[0]),
        name=str(row[1]),
        enrolled_at=row[2].astimezone(dt.UTC),
        enrolled_by=str(row[3]),
        revoked_at=None if row[4] is None else row[4].astimezone(dt.UTC),
        revoked_by=str(row[5]),
    )


class PostgresConsoles:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def add_code(self, code_digest: str, *, expires_at: dt.datetime, made_by: str) -> None:
        self.conn.execute(
            "INSERT INTO enrolment_codes (code_digest, expires_at, made_by) VALUES (%s, %s, %s)",
            [code_digest, expires_at, made_by],
        )

    def take_code(self, code_digest: str, *, now: dt.datetime) -> bool:
        self.conn.execute("DELETE FROM enrolment_codes WHERE expires_at <= %s", [now])
        row = self.conn.execute(
            "DELETE FROM enrolment_codes WHERE code_digest = %s RETURNING 1", [code_digest]
        ).fetchone()
        return row is not None

    def add(self, name: str, *, token_digest: str, at: dt.datetime, by: str) -> EnrolledConsole:
        row = self.conn.execute(
            "INSERT INTO consoles (name, token_digest, enrolled_at, enrolled_by) "
            f"VALUES (%s, %s, %s, %s) RETURNING {_COLUMNS}",
            [name, token_digest, at, by],
        ).fetchone()
        assert row is not None
        return _console(row)

    def by_token(self, token_digest: str) -> EnrolledConsole | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM consoles WHERE token_digest = %s", [token_digest]
        ).fetchone()
        return None if row is None else _console(row)

    def get(self, console_id: int) -> EnrolledConsole | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM consoles WHERE id = %s", [console_id]
        ).fetchone()
        return None if row is None else _console(row)

    def all(self) -> list[EnrolledConsole]:
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM consoles ORDER BY id DESC").fetchall()
        return [_console(r) for r in rows]

    def revoke(self, console_id: int, *, at: dt.datetime, by: str) -> EnrolledConsole | None:
        self.conn.execute(
            "UPDATE consoles SET revoked_at = %s, revoked_by = %s "
            "WHERE id = %s AND revoked_at IS NULL",
            [at, by, console_id],
        )
        return self.get(console_id)

    def changes_after(self, seq: int, *, limit: int) -> list[ChangeNotice]:
        rows = self.conn.execute(
            "SELECT seq, at, entity, entity_id, action FROM changes WHERE seq > %s"
            " ORDER BY seq LIMIT %s",
            [seq, limit],
        ).fetchall()
        return [
            ChangeNotice(int(r[0]), r[1].astimezone(dt.UTC), str(r[2]), str(r[3]), str(r[4]))
            for r in rows
        ]

    def last_change(self) -> int:
        row = self.conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
        return int(row[0]) if row else 0

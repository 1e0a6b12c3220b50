"""The consoles repository on PostgreSQL (implements :mod:`console.repositories.consoles`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import psycopg

from console.domain.consoles import ChangeNotice, EnrolledConsole
from console.repositories.consoles import StoredSession
from console.repositories.staff_rows import STAFF_COLUMNS, member

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
        # Its staff sessions end with it, in the same transaction.
        self.conn.execute("DELETE FROM staff_sessions WHERE console_id = %s", [console_id])
        return self.get(console_id)

    # --- staff sessions ---------------------------------------------------------------

    def add_session(
        self,
        token_digest: str,
        *,
        console_id: int,
        staff_id: int,
        signed_in_at: dt.datetime,
        at: dt.datetime,
    ) -> None:
        self.conn.execute(
            "INSERT INTO staff_sessions"
            " (token_digest, console_id, staff_id, signed_in_at, last_used_at)"
            " VALUES (%s, %s, %s, %s, %s)",
            [token_digest, console_id, staff_id, signed_in_at, at],
        )

    def session(self, token_digest: str) -> StoredSession | None:
        staff = ", ".join(f"st.{c}" for c in STAFF_COLUMNS)
        row = self.conn.execute(
            f"SELECT s.console_id, s.signed_in_at, s.last_used_at, {staff}"
            " FROM staff_sessions s JOIN staff st ON st.id = s.staff_id"
            " WHERE s.token_digest = %s",
            [token_digest],
        ).fetchone()
        if row is None:
            return None
        return StoredSession(
            console_id=int(row[0]),
            member=member(row[3:]),
            signed_in_at=row[1].astimezone(dt.UTC),
            last_used_at=row[2].astimezone(dt.UTC),
        )

    def touch_session(self, token_digest: str, *, at: dt.datetime) -> None:
        self.conn.execute(
            "UPDATE staff_sessions SET last_used_at = %s"
            " WHERE token_digest = %s AND last_used_at < %s",
            [at, token_digest, at],
        )

    def end_session(self, token_digest: str) -> bool:
        row = self.conn.execute(
            "DELETE FROM staff_sessions WHERE token_digest = %s RETURNING 1", [token_digest]
        ).fetchone()
        return row is not None

    def end_idle_sessions(self, *, used_before: dt.datetime) -> int:
        cursor = self.conn.execute(
            "DELETE FROM staff_sessions WHERE last_used_at < %s", [used_before]
        )
        return cursor.rowcount

    def signed_in(self, *, used_since: dt.datetime) -> list[StoredSession]:
        staff = ", ".join(f"st.{c}" for c in STAFF_COLUMNS)
        rows = self.conn.execute(
            f"SELECT s.console_id, s.signed_in_at, s.last_used_at, {staff}"
            " FROM staff_sessions s JOIN staff st ON st.id = s.staff_id"
            " JOIN consoles c ON c.id = s.console_id"
            " WHERE s.last_used_at >= %s AND st.active AND c.revoked_at IS NULL"
            " ORDER BY s.console_id, s.signed_in_at",
            [used_since],
        ).fetchall()
        return [
            StoredSession(
                console_id=int(row[0]),
                member=member(row[3:]),
                signed_in_at=row[1].astimezone(dt.UTC),
                last_used_at=row[2].astimezone(dt.UTC),
            )
            for row in rows
        ]

    def changes_after(self, seq: int, *, limit: int) -> list[ChangeNotice]:
        rows = self.conn.execute(
            "SELECT seq, at, entity, entity_id, action, console, staff FROM changes"
            " WHERE seq > %s ORDER BY seq LIMIT %s",
            [seq, limit],
        ).fetchall()
        return [
            ChangeNotice(
                int(r[0]),
                r[1].astimezone(dt.UTC),
                str(r[2]),
                str(r[3]),
                str(r[4]),
                console=str(r[5]),
                staff=str(r[6]),
            )
            for r in rows
        ]

    def last_change(self) -> int:
        row = self.conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
        return int(row[0]) if row else 0

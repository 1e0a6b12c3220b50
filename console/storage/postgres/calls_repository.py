"""The calls repository on PostgreSQL (implements :mod:`console.repositories.calls`).

The call log of migration ``0006_calls``, as the desk keeps it
(``console/storage/sqlite/calls.py``): one row per PBX call id (a second ``add`` of the
same call id writes nothing), the newest first. Call times are the domain's naive wall
times of this computer's zone: placed in that zone on the way in (``timestamptz``) and
read back as wall times of this computer's zone, so a call logged before a DST change
still sorts and shows right after it.

Who a number belongs to, and the call-backs and briefs about customers, read the
customers' tables (phones by E.164, customers merged or not), which are not on
PostgreSQL yet: those raise :class:`NotOnPostgresYet`, and so does a call said to be
from a customer. A withheld or unreadable number needs no table (it matches nobody, as
on SQLite).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import psycopg

from console.domain.calls import (
    Call,
    CallerNumber,
    CallState,
    Direction,
    Match,
    MatchKind,
    choose_match,
)
from console.repositories.calls import Brief, CallBack, CallRepository
from console.storage.postgres.errors import NotOnPostgresYet

_NO_CUSTOMERS = (
    "customers are not on PostgreSQL yet: calls cannot be matched or linked to them there"
)

_COLUMNS = (
    "id, call_id, direction, from_number, to_number, number, customer_id, match, "
    "candidates, state, users, queue, answered_by, cause, started_at, answered_at, "
    "ended_at, called_back_at"
)


def _instant(value: dt.datetime | None) -> dt.datetime | None:
    """A call time (naive: this computer's wall time) as an instant."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.astimezone()


def _wall(value: dt.datetime | None) -> dt.datetime | None:
    """A stored instant as the call log's naive wall time in this computer's zone."""
    return None if value is None else value.astimezone().replace(tzinfo=None)


def _unlinked(call: Call) -> None:
    if call.customer_id is not None or call.candidates:
        raise NotOnPostgresYet(_NO_CUSTOMERS)


def _call(row: Sequence[Any]) -> Call:
    started = _wall(row[14])
    assert started is not None
    return Call(
        id=int(row[0]),
        call_id=row[1],
        direction=Direction(row[2]),
        from_number=row[3],
        to_number=row[4],
        number=row[5],
        customer_id=row[6],
        match=MatchKind(row[7]),
        candidates=tuple(int(i) for i in row[8]),
        state=CallState(row[9]),
        users=tuple(row[10]),
        queue=row[11],
        answered_by=row[12],
        cause=row[13],
        started_at=started,
        answered_at=_wall(row[15]),
        ended_at=_wall(row[16]),
        called_back_at=_wall(row[17]),
    )


class PostgresCalls:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def _calls(self, sql: str, params: Sequence[Any]) -> list[Call]:
        return [_call(row) for row in self.conn.execute(sql, params).fetchall()]

    def match_number(self, number: CallerNumber) -> Match:
        if not number.forms and number.suffix is None:
            return choose_match(number, [])  # nothing to look up: nobody's number
        raise NotOnPostgresYet(_NO_CUSTOMERS)

    def get(self, call_id: str) -> Call | None:
        found = self._calls(f"SELECT {_COLUMNS} FROM calls WHERE call_id = %s", [call_id])
        return found[0] if found else None

    def add(self, call: Call) -> Call | None:
        _unlinked(call)
        row = self.conn.execute(
            "INSERT INTO calls (call_id, direction, from_number, to_number, number, "
            "customer_id, match, candidates, state, users, queue, answered_by, cause, "
            "started_at, answered_at, ended_at) VALUES (%s, %s, %s, %s, %s, %s, %s, "
            "%s::bigint[], %s, %s::text[], %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (call_id) DO NOTHING RETURNING id",
            [
                call.call_id,
                call.direction.value,
                call.from_number,
                call.to_number,
                call.number,
                call.customer_id,
                call.match.value,
                list(call.candidates),
                call.state.value,
                list(call.users),
                call.queue,
                call.answered_by,
                call.cause,
                _instant(call.started_at),
                _instant(call.answered_at),
                _instant(call.ended_at),
            ],
        ).fetchone()
        if row is None:
            return None
        call.id = int(row[0])
        return call

    def update(self, call: Call) -> None:
        _unlinked(call)
        self.conn.execute(
            "UPDATE calls SET state = %s, answered_by = %s, answered_at = %s, ended_at = %s, "
            "cause = %s, customer_id = %s, match = %s, candidates = %s::bigint[], "
            "called_back_at = %s WHERE call_id = %s",
            [
                call.state.value,
                call.answered_by,
                _instant(call.answered_at),
                _instant(call.ended_at),
                call.cause,
                call.customer_id,
                call.match.value,
                list(call.candidates),
                _instant(call.called_back_at),
                call.call_id,
            ],
        )

    def recent(self, *, limit: int = 20) -> list[Call]:
        return self._calls(
            f"SELECT {_COLUMNS} FROM calls ORDER BY started_at DESC, id DESC LIMIT %s", [limit]
        )

    def for_customer(self, customer_id: int, *, limit: int = 50) -> list[Call]:
        return self._calls(
            f"SELECT {_COLUMNS} FROM calls WHERE customer_id = %s "
            "ORDER BY started_at DESC, id DESC LIMIT %s",
            [customer_id, limit],
        )

    def call_backs(self, *, limit: int = 100) -> list[CallBack]:
        raise NotOnPostgresYet(_NO_CUSTOMERS)

    def briefs(self, ids: Sequence[int]) -> dict[int, Brief]:
        if not ids:
            return {}
        raise NotOnPostgresYet(_NO_CUSTOMERS)

    def mark_called_back(self, customer_id: int, at: dt.datetime) -> int:
        cursor = self.conn.execute(
            "UPDATE calls SET called_back_at = %s WHERE customer_id = %s AND state = 'missed' "
            "AND called_back_at IS NULL",
            [_instant(at), customer_id],
        )
        return int(cursor.rowcount)

    def link(self, call_id: str, customer_id: int, match: MatchKind) -> Call | None:
        raise NotOnPostgresYet(_NO_CUSTOMERS)


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> CallRepository:
        return PostgresCalls(conn)

"""Calls: the call log, who a number belongs to, and the call-back list.

Every function takes the open ``sqlite_utils.Database`` of the database thread. The
number look-ups use the customers' existing indexes: ``phones(e164)`` for exact numbers
and the search index's reversed phone digits (``search_terms``, tag ``p``) for "ends
with these digits".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from console.domain.calls import (
    Call,
    CallerNumber,
    CallState,
    Direction,
    Match,
    MatchKind,
    choose_match,
)
from console.domain.search_text import TAGS, TermKind
from console.repositories.calls import Brief, CallBack
from console.storage.sqlite import instants
from console.storage.sqlite.customer_rows import local_text
from console.storage.sqlite.search_index import RANK_ID_BITS
from console.storage.sqlite.transactions import write_transaction

#: At most this many customers are weighed for a last-digits match (a probable match
#: needs one customer alone at the longest shared ending; more than this is noise).
SUFFIX_CANDIDATES = 50

_COLUMNS = (
    "id, call_id, direction, from_number, to_number, number, customer_id, match, "
    "candidates, state, users, queue, answered_by, cause, started_at, answered_at, "
    "ended_at, called_back_at"
)


def _iso(value: dt.datetime | None) -> str | None:
    """A call time (naive: this computer's wall time) as a stored UTC instant."""
    return instants.dump_optional(value)


def _dt(value: str | None) -> dt.datetime | None:
    """A stored instant as the call log's naive wall time in this computer's zone."""
    return instants.load_local_optional(value)


def _call_from_row(row: Sequence[Any]) -> Call:
    started = _dt(row[14])
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
        candidates=tuple(int(i) for i in json.loads(row[8])),
        state=CallState(row[9]),
        users=tuple(json.loads(row[10])),
        queue=row[11],
        answered_by=row[12],
        cause=row[13],
        started_at=started,
        answered_at=_dt(row[15]),
        ended_at=_dt(row[16]),
        called_back_at=_dt(row[17]),
    )


# --- who is calling -----------------------------------------------------------------


def exact_owners(db: sqlite_utils.Database, forms: Sequence[str]) -> list[int]:
    """Live customers with a phone equal to one of *forms* (E.164), most recent first."""
    if not forms:
        return []
    rows = db.conn.execute(
        "SELECT DISTINCT c.id FROM phones p JOIN customers c ON c.id = p.customer_id "
        f"WHERE p.e164 IN ({', '.join('?' * len(forms))}) AND c.merged_into IS NULL "
        "ORDER BY c.last_visit DESC, c.id DESC LIMIT ?",
        (*forms, SUFFIX_CANDIDATES),
    )
    return [int(r[0]) for r in rows]


def suffix_candidates(db: sqlite_utils.Database, suffix: str) -> dict[int, list[str]]:
    """Live customers with a phone (or member number) ending in *suffix*, with their phones.

    The search index holds every phone's digits reversed, so "ends with" is a prefix
    query. Member numbers share that index; their customers are returned too, and the
    caller (:func:`console.domain.calls.choose_match`) weighs only the phones.
    """
    if not suffix.isdigit():
        return {}
    query = f'"{TAGS[TermKind.PHONE_REV]}{suffix[::-1]}"*'
    keys = [
        int(r[0])
        for r in db.conn.execute(
            "SELECT rowid FROM search_terms WHERE search_terms MATCH ? ORDER BY rowid DESC LIMIT ?",
            (query, SUFFIX_CANDIDATES),
        )
    ]
    ids = [key & ((1 << RANK_ID_BITS) - 1) for key in keys]
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    found: dict[int, list[str]] = {}
    for cid, e164 in db.conn.execute(
        f"SELECT p.customer_id, p.e164 FROM phones p JOIN customers c ON c.id = p.customer_id "
        f"WHERE p.customer_id IN ({marks}) AND c.merged_into IS NULL",
        ids,
    ):
        found.setdefault(int(cid), []).append(e164)
    return found


def match_number(db: sqlite_utils.Database, number: CallerNumber) -> Match:
    exact = exact_owners(db, number.forms)
    if exact or number.suffix is None:
        return choose_match(number, exact)
    return choose_match(number, [], suffix_candidates(db, number.suffix))


# --- the log ------------------------------------------------------------------------


def get_call(db: sqlite_utils.Database, call_id: str) -> Call | None:
    row = db.conn.execute(f"SELECT {_COLUMNS} FROM calls WHERE call_id = ?", [call_id]).fetchone()
    return None if row is None else _call_from_row(row)


def insert_call(db: sqlite_utils.Database, call: Call) -> Call | None:
    """Log a new call; None (and nothing written) when its call_id is already logged."""
    with write_transaction(db):
        cursor = db.conn.execute(
            "INSERT INTO calls (call_id, direction, from_number, to_number, number, "
            "customer_id, match, candidates, state, users, queue, answered_by, cause, "
            "started_at, answered_at, ended_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(call_id) DO NOTHING",
            (
                call.call_id,
                call.direction.value,
                call.from_number,
                call.to_number,
                call.number,
                call.customer_id,
                call.match.value,
                json.dumps(list(call.candidates)),
                call.state.value,
                json.dumps(list(call.users), ensure_ascii=False),
                call.queue,
                call.answered_by,
                call.cause,
                _iso(call.started_at),
                _iso(call.answered_at),
                _iso(call.ended_at),
            ),
        )
        if cursor.rowcount == 0:
            return None
        call.id = int(cursor.lastrowid or 0)
    return call


def update_call(db: sqlite_utils.Database, call: Call) -> None:
    """Write the progress of a call (state, answer, hangup, who it is from)."""
    with write_transaction(db):
        db.conn.execute(
            "UPDATE calls SET state = ?, answered_by = ?, answered_at = ?, ended_at = ?, "
            "cause = ?, customer_id = ?, match = ?, candidates = ?, called_back_at = ? "
            "WHERE call_id = ?",
            (
                call.state.value,
                call.answered_by,
                _iso(call.answered_at),
                _iso(call.ended_at),
                call.cause,
                call.customer_id,
                call.match.value,
                json.dumps(list(call.candidates)),
                _iso(call.called_back_at),
                call.call_id,
            ),
        )


def recent_calls(db: sqlite_utils.Database, *, limit: int = 20) -> list[Call]:
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM calls ORDER BY started_at DESC, id DESC LIMIT ?", [limit]
    )
    return [_call_from_row(r) for r in rows]


def customer_calls(db: sqlite_utils.Database, customer_id: int, *, limit: int = 50) -> list[Call]:
    """A customer's calls, newest first (their timeline of phone interactions)."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM calls WHERE customer_id = ? "
        "ORDER BY started_at DESC, id DESC LIMIT ?",
        [customer_id, limit],
    )
    return [_call_from_row(r) for r in rows]


def call_backs(db: sqlite_utils.Database, *, limit: int = 100) -> list[CallBack]:
    """Missed inbound calls from known customers, newest first, one row per customer.

    A customer leaves the list when the call is marked as called back or when a later
    call with them (either way) is answered.
    """
    rows = db.conn.execute(
        f"""
        SELECT {", ".join("m." + c.strip() for c in _COLUMNS.split(","))},
               cu.name, cu.preferred_name, m.missed
        FROM (
            SELECT calls.*, COUNT(*) OVER (PARTITION BY customer_id) AS missed,
                   ROW_NUMBER() OVER (
                       PARTITION BY customer_id ORDER BY started_at DESC, id DESC
                   ) AS n
            FROM calls
            WHERE state = 'missed' AND direction = 'in' AND customer_id IS NOT NULL
              AND called_back_at IS NULL
        ) m
        JOIN customers cu ON cu.id = m.customer_id AND cu.merged_into IS NULL
        WHERE m.n = 1 AND NOT EXISTS (
            SELECT 1 FROM calls later
            WHERE later.customer_id = m.customer_id AND later.answered_at IS NOT NULL
              AND later.started_at >= m.started_at AND later.id != m.id
        )
        ORDER BY m.started_at DESC, m.id DESC
        LIMIT ?
        """,
        [limit],
    )
    out = []
    for row in rows:
        call = _call_from_row(row[:18])
        assert call.customer_id is not None
        out.append(CallBack(call, call.customer_id, row[18], row[19], int(row[20])))
    return out


def customer_briefs(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, Brief]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    phones: dict[int, list[str]] = {}
    for cid, e164 in db.conn.execute(
        f"SELECT customer_id, e164 FROM phones WHERE customer_id IN ({marks}) "
        "ORDER BY position, id",
        list(ids),
    ):
        phones.setdefault(int(cid), []).append(e164)
    return {
        int(r[0]): Brief(
            int(r[0]), r[1], r[2], local_text(r[3]), tuple(phones.get(int(r[0]), ())), int(r[4])
        )
        for r in db.conn.execute(
            f"SELECT id, name, preferred_name, last_visit, visit_count FROM customers "
            f"WHERE id IN ({marks})",
            list(ids),
        )
    }


def mark_called_back(db: sqlite_utils.Database, customer_id: int, at: dt.datetime) -> int:
    """Close every open missed call of a customer; returns how many."""
    with write_transaction(db):
        cursor = db.conn.execute(
            "UPDATE calls SET called_back_at = ? WHERE customer_id = ? AND state = 'missed' "
            "AND called_back_at IS NULL",
            [_iso(at), customer_id],
        )
        return int(cursor.rowcount)


def link_call(
    db: sqlite_utils.Database, call_id: str, customer_id: int, match: MatchKind
) -> Call | None:
    """Say who a call was from (the agent chose, created or attached the customer)."""
    with write_transaction(db):
        db.conn.execute(
            "UPDATE calls SET customer_id = ?, match = ?, candidates = '[]' WHERE call_id = ?",
            [customer_id, match.value, call_id],
        )
    return get_call(db, call_id)

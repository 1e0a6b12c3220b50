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

import sqlite_utils

from console.domain.calls import (
    Call,
    CallerNumber,
    Match,
    MatchKind,
)
from console.domain.search_text import TAGS, TermKind
from console.repositories.call_rows import COLUMNS, SUFFIX_CANDIDATES, CallRows, match_caller
from console.repositories.calls import Brief, CallBack
from console.storage.sqlite import instants
from console.storage.sqlite.customer_rows import local_text
from console.storage.sqlite.search_index import RANK_ID_BITS
from console.storage.sqlite.transactions import write_transaction

_COLUMNS = ", ".join(COLUMNS)


def _iso(value: dt.datetime | None) -> str | None:
    """A call time (naive: this computer's wall time) as a stored UTC instant."""
    return instants.dump_optional(value)


def _dt(value: str | None) -> dt.datetime | None:
    """A stored instant as the call log's naive wall time in this computer's zone."""
    return instants.load_local_optional(value)


#: The rows as sqlite3 takes and gives them: call times are UTC text, the lists JSON.
ROWS = CallRows(
    dump_time=_iso,
    load_time=_dt,
    dump_candidates=json.dumps,
    dump_users=lambda users: json.dumps(users, ensure_ascii=False),
    load_list=json.loads,
    last_visit=local_text,
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
    return match_caller(
        number, exact_owners(db, number.forms), lambda suffix: suffix_candidates(db, suffix)
    )


# --- the log ------------------------------------------------------------------------


def get_call(db: sqlite_utils.Database, call_id: str) -> Call | None:
    row = db.conn.execute(f"SELECT {_COLUMNS} FROM calls WHERE call_id = ?", [call_id]).fetchone()
    return None if row is None else ROWS.call(row)


def insert_call(db: sqlite_utils.Database, call: Call) -> Call | None:
    """Log a new call; None (and nothing written) when its call_id is already logged."""
    with write_transaction(db):
        cursor = db.conn.execute(
            "INSERT INTO calls (call_id, direction, from_number, to_number, number, "
            "customer_id, match, candidates, state, users, queue, answered_by, cause, "
            "started_at, answered_at, ended_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(call_id) DO NOTHING",
            ROWS.insert_values(call),
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
            ROWS.update_values(call),
        )


def recent_calls(db: sqlite_utils.Database, *, limit: int = 20) -> list[Call]:
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM calls ORDER BY started_at DESC, id DESC LIMIT ?", [limit]
    )
    return [ROWS.call(r) for r in rows]


def customer_calls(db: sqlite_utils.Database, customer_id: int, *, limit: int = 50) -> list[Call]:
    """A customer's calls, newest first (their timeline of phone interactions)."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM calls WHERE customer_id = ? "
        "ORDER BY started_at DESC, id DESC LIMIT ?",
        [customer_id, limit],
    )
    return [ROWS.call(r) for r in rows]


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
    return [ROWS.call_back(row) for row in rows]


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
        int(r[0]): ROWS.brief(r, phones)
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

"""The calls repository on PostgreSQL (implements :mod:`console.repositories.calls`).

The call log of migration ``0006_calls``, as the desk keeps it
(``console/storage/sqlite/calls.py``): one row per PBX call id (a second ``add`` of the
same call id writes nothing), the newest first. Call times are the domain's naive wall
times of this computer's zone: placed in that zone on the way in (``timestamptz``) and
read back as wall times of this computer's zone, so a call logged before a DST change
still sorts and shows right after it.

Who a number belongs to reads the customers' tables of ``0007_customers`` as SQLite does:
exact owners by E.164 (live customers, the most recently seen first), else the customers
whose phone (or member number) ends in the number's last digits, from the search terms'
reversed digits (``0008_search``), newest first and bounded; the domain's
:func:`~console.domain.calls.choose_match` weighs them.

Rows become calls, call-backs and briefs (and calls rows) through
:mod:`console.repositories.call_rows`, as on SQLite: only the SQL is this file's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import psycopg

from console.domain.calls import (
    Call,
    CallerNumber,
    Match,
    MatchKind,
)
from console.domain.search_text import TAGS, TermKind
from console.repositories.call_rows import COLUMNS, SUFFIX_CANDIDATES, CallRows, match_caller
from console.repositories.calls import Brief, CallBack, CallRepository
from console.storage.postgres import search_repository as index
from console.storage.postgres.search_repository import RANK_ID_MASK, local_text

_COLUMNS = ", ".join(COLUMNS)


def _instant(value: dt.datetime | None) -> dt.datetime | None:
    """A call time (naive: this computer's wall time) as an instant."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.astimezone()


def _wall(value: dt.datetime | None) -> dt.datetime | None:
    """A stored instant as the call log's naive wall time in this computer's zone."""
    return None if value is None else value.astimezone().replace(tzinfo=None)


#: The rows as psycopg takes and gives them: call times are timestamptz, the lists
#: arrays (cast in the statements: an empty list has no element type of its own).
ROWS = CallRows(
    dump_time=_instant,
    load_time=_wall,
    dump_candidates=list,
    dump_users=list,
    load_list=lambda value: value,
    last_visit=local_text,
)


class PostgresCalls:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def _calls(self, sql: str, params: Sequence[Any]) -> list[Call]:
        return [ROWS.call(row) for row in self.conn.execute(sql, params).fetchall()]

    def _exact_owners(self, forms: Sequence[str]) -> list[int]:
        """Live customers with a phone equal to one of *forms*, most recent first."""
        if not forms:
            return []
        rows = self.conn.execute(
            "SELECT c.id FROM customers c WHERE c.merged_into IS NULL AND EXISTS ("
            "SELECT 1 FROM phones p WHERE p.customer_id = c.id AND p.e164 = ANY(%s)) "
            "ORDER BY c.last_visit DESC NULLS LAST, c.id DESC LIMIT %s",
            [list(forms), SUFFIX_CANDIDATES],
        ).fetchall()
        return [int(r[0]) for r in rows]

    def _suffix_candidates(self, suffix: str) -> dict[int, list[str]]:
        """Live customers with a phone (or member number) ending in *suffix*, with their
        phones: a prefix of the reversed digits among the search terms."""
        if not suffix.isdigit():
            return {}
        found: dict[int, list[str]] = {}
        index.write_deferred_terms(self.conn)  # a bulk load's, in this transaction
        for cid, e164 in self.conn.execute(
            "WITH owners AS (SELECT DISTINCT t.rank_key FROM search_terms t "
            "WHERE t.term LIKE %s ORDER BY t.rank_key DESC LIMIT %s) "
            "SELECT p.customer_id, p.e164 FROM owners o "
            "JOIN customers c ON c.id = o.rank_key & %s AND c.merged_into IS NULL "
            "JOIN phones p ON p.customer_id = c.id ORDER BY o.rank_key DESC, p.id",
            [f"{TAGS[TermKind.PHONE_REV]}{suffix[::-1]}%", SUFFIX_CANDIDATES, RANK_ID_MASK],
        ).fetchall():
            found.setdefault(int(cid), []).append(e164)
        return found

    def match_number(self, number: CallerNumber) -> Match:
        return match_caller(number, self._exact_owners(number.forms), self._suffix_candidates)

    def get(self, call_id: str) -> Call | None:
        found = self._calls(f"SELECT {_COLUMNS} FROM calls WHERE call_id = %s", [call_id])
        return found[0] if found else None

    def add(self, call: Call) -> Call | None:
        row = self.conn.execute(
            "INSERT INTO calls (call_id, direction, from_number, to_number, number, "
            "customer_id, match, candidates, state, users, queue, answered_by, cause, "
            "started_at, answered_at, ended_at) VALUES (%s, %s, %s, %s, %s, %s, %s, "
            "%s::bigint[], %s, %s::text[], %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (call_id) DO NOTHING RETURNING id",
            ROWS.insert_values(call),
        ).fetchone()
        if row is None:
            return None
        call.id = int(row[0])
        return call

    def update(self, call: Call) -> None:
        self.conn.execute(
            "UPDATE calls SET state = %s, answered_by = %s, answered_at = %s, ended_at = %s, "
            "cause = %s, customer_id = %s, match = %s, candidates = %s::bigint[], "
            "called_back_at = %s WHERE call_id = %s",
            ROWS.update_values(call),
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
        """Missed inbound calls from known customers, newest first, one per customer (a
        customer leaves the list when called back, or when a later call is answered)."""
        columns = ", ".join("m." + c.strip() for c in _COLUMNS.split(","))
        rows = self.conn.execute(
            f"SELECT {columns}, cu.name, cu.preferred_name, m.missed FROM ("
            " SELECT calls.*, count(*) OVER (PARTITION BY customer_id) AS missed,"
            "  row_number() OVER ("
            "   PARTITION BY customer_id ORDER BY started_at DESC, id DESC) AS n"
            " FROM calls WHERE state = 'missed' AND direction = 'in'"
            " AND customer_id IS NOT NULL AND called_back_at IS NULL"
            ") m JOIN customers cu ON cu.id = m.customer_id AND cu.merged_into IS NULL "
            "WHERE m.n = 1 AND NOT EXISTS ("
            " SELECT 1 FROM calls later WHERE later.customer_id = m.customer_id"
            " AND later.answered_at IS NOT NULL AND later.started_at >= m.started_at"
            " AND later.id <> m.id"
            ") ORDER BY m.started_at DESC, m.id DESC LIMIT %s",
            [limit],
        ).fetchall()
        return [ROWS.call_back(row) for row in rows]

    def briefs(self, ids: Sequence[int]) -> dict[int, Brief]:
        if not ids:
            return {}
        phones: dict[int, list[str]] = {}
        for cid, e164 in self.conn.execute(
            "SELECT customer_id, e164 FROM phones WHERE customer_id = ANY(%s) "
            "ORDER BY position, id",
            [list(ids)],
        ).fetchall():
            phones.setdefault(int(cid), []).append(e164)
        return {
            int(r[0]): ROWS.brief(r, phones)
            for r in self.conn.execute(
                "SELECT id, name, preferred_name, last_visit, visit_count FROM customers "
                "WHERE id = ANY(%s)",
                [list(ids)],
            ).fetchall()
        }

    def mark_called_back(self, customer_id: int, at: dt.datetime) -> int:
        cursor = self.conn.execute(
            "UPDATE calls SET called_back_at = %s WHERE customer_id = %s AND state = 'missed' "
            "AND called_back_at IS NULL",
            [_instant(at), customer_id],
        )
        return int(cursor.rowcount)

    def link(self, call_id: str, customer_id: int, match: MatchKind) -> Call | None:
        self.conn.execute(
            "UPDATE calls SET customer_id = %s, match = %s, candidates = '{}' WHERE call_id = %s",
            [customer_id, match.value, call_id],
        )
        return self.get(call_id)


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> CallRepository:
        return PostgresCalls(conn)

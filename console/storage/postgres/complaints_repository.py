"""The complaints repository on PostgreSQL (implements :mod:`console.repositories.complaints`).

The same behaviour as the desk's (``console/storage/sqlite/complaints.py``), on the
tables of migration ``0005_complaints``:

* instants are ``timestamptz``; every one comes back aware, in UTC (as on SQLite), and a
  naive one is refused on the way in;
* a complaint's ``version`` moves on with every change, in the statement that writes
  it; a change made from another version is refused with the domain's
  :class:`~console.domain.complaint.ComplaintChanged` (who changed it, and when). Write
  jobs are SERIALIZABLE and take their turn first (``store.py``): of two consoles acting
  on one complaint at once, the second reads what the first committed and is refused;
* the histories (status changes, promises, follow-up calls) are append-only and a
  complaint is never deleted (triggers, and ``grant_server_role``'s REVOKE);
* queues and reports order and count as SQLite does: NULLs sort first ascending and
  last descending (SQLite's rule), text compares as bytes (``COLLATE "C"``) and the
  customer order folds ASCII letters only (SQLite's NOCASE); durations are whole
  seconds, rounded half away from zero (SQLite's ``round``), and the medians are taken by
  the domain's :func:`~console.domain.complaint.median` on both backends.

Rows become complaints, queue records and history entries (and back) through
:mod:`console.repositories.complaint_rows`, as on SQLite: only the SQL is this file's own.

A complaint may be linked to a customer (``0007_customers`` adds the foreign key): the
queues, the detail and the repeat complainers then name the customer, as SQLite's
``_WHO`` does, and the caller's name or contact otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.types.json import Jsonb

from console.domain.complaint import (
    SUMMARY_CHARS,
    Complaint,
    PromiseChange,
    Status,
    StatusChange,
    median,
)
from console.repositories import complaint_rows
from console.repositories.complaints import (
    CauseCount,
    Change,
    ComplaintNotFound,
    ComplaintRepository,
    Detail,
    HistoricComplaint,
    QueueBounds,
    QueueName,
    QueueOrder,
    QueueRecord,
    ReportFigures,
    ReportPeriod,
    StoredDraft,
)

OPEN_SQL = "c.status IN ('new', 'in_progress')"


def _fold(expr: str) -> str:
    """*expr* with ASCII letters lowered (SQLite's NOCASE and lower(); nothing else)."""
    return f"translate({expr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else value.astimezone(dt.UTC)


def _req(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


#: The rows as psycopg takes and gives them: instants are aware datetimes (timestamptz),
#: the offered options jsonb, the confirmed flag a boolean.
ROWS = complaint_rows.ComplaintRows(
    dump_instant=lambda value: value,
    load_instant=_req,
    load_optional_instant=_utc,
    dump_options=Jsonb,
    load_options=list,
    dump_flag=bool,
)
ts = ROWS.ts


def _seconds(later: str, earlier: str) -> str:
    """SQL: whole seconds from one instant to another (rounded half away from zero)."""
    return f"round(extract(epoch FROM {later} - {earlier}))"


# --- rows ------------------------------------------------------------------------------

_COLUMNS = ", ".join(complaint_rows.COLUMNS)
_SELECT = f"SELECT {_COLUMNS} FROM complaints"


_INSERT_EVENT = (
    "INSERT INTO complaint_events (complaint_id, at, by, before, after, note)"
    " VALUES (%s, %s, %s, %s, %s, %s)"
)
_INSERT_PROMISE = (
    "INSERT INTO complaint_promises (complaint_id, at, by, due, previous_due, note)"
    " VALUES (%s, %s, %s, %s, %s, %s)"
)
_INSERT_FOLLOW_UP = (
    "INSERT INTO complaint_follow_ups (complaint_id, at, by, satisfaction, note)"
    " VALUES (%s, %s, %s, %s, %s)"
)

# --- queues ----------------------------------------------------------------------------

#: Who a queue row is about: the customer, else the caller's name or contact.
_WHO = "COALESCE(cu.name, NULLIF(c.caller_name, ''), NULLIF(c.caller_contact, ''), '')"
_QUEUE_SELECT = (
    f"SELECT c.id, {_WHO}, c.customer_id, c.status, c.channel, c.emotion, c.store, "
    f"c.agent, c.received_at, c.promise_due, c.follow_up_due, "
    f"substr(c.customer_words, 1, {SUMMARY_CHARS}), c.resolved_at "
    "FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id"
)


def _queue_where(queue: QueueName, bounds: QueueBounds) -> tuple[str, list[Any]]:
    now, soon, day_end = ts(bounds.now), ts(bounds.soon), ts(bounds.day_end)
    if queue is QueueName.MINE:
        return f"{OPEN_SQL} AND c.agent = %s", [bounds.agent]
    if queue is QueueName.DUE_SOON:
        return f"{OPEN_SQL} AND c.promise_due >= %s AND c.promise_due <= %s", [now, soon]
    if queue is QueueName.OVERDUE:
        return f"{OPEN_SQL} AND c.promise_due < %s", [now]
    if queue is QueueName.FOLLOW_UPS:
        return "c.status = 'resolved' AND c.follow_up_due < %s", [day_end]
    if queue is QueueName.OPEN:
        return OPEN_SQL, []
    raise ValueError(f"unknown queue {queue!r}")  # pragma: no cover - every member above


def _queue_order(queue: QueueName, order: QueueOrder) -> str:
    due = "c.follow_up_due" if queue is QueueName.FOLLOW_UPS else "c.promise_due"
    due += " NULLS FIRST"  # SQLite's order: NULL before any value
    if order is QueueOrder.DUE:
        return f"{due}, c.id"
    if order is QueueOrder.RECEIVED:
        return "c.received_at DESC, c.id DESC"
    if order is QueueOrder.CUSTOMER:
        return f'{_fold(_WHO)} COLLATE "C", c.id'
    if order is QueueOrder.STATUS:
        return f'c.status COLLATE "C", {due}, c.id'
    raise ValueError(f"unknown order {order!r}")  # pragma: no cover - every member above


class PostgresComplaints:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def _records(self, sql: str, params: Sequence[Any]) -> list[QueueRecord]:
        return [ROWS.queue_record(row) for row in self.conn.execute(sql, params).fetchall()]

    # --- writing ---------------------------------------------------------------------

    def _insert(self, values: dict[str, Any]) -> int:
        names = ", ".join(values)
        marks = ", ".join(["%s"] * len(values))
        row = self.conn.execute(
            f"INSERT INTO complaints ({names}) VALUES ({marks}) RETURNING id",
            list(values.values()),
        ).fetchone()
        assert row is not None
        return int(row[0])

    def add(
        self,
        complaint: Complaint,
        *,
        events: Sequence[StatusChange],
        promise: PromiseChange | None,
        now: dt.datetime,
    ) -> int:
        cid = self._insert(ROWS.row_values(complaint, now=now))
        with self.conn.cursor() as cursor:
            cursor.executemany(_INSERT_EVENT, [ROWS.event_row(cid, e) for e in events])
            if promise is not None:
                cursor.execute(_INSERT_PROMISE, ROWS.promise_row(cid, promise))
        return cid

    def add_historic(self, complaints: Sequence[HistoricComplaint], *, now: dt.datetime) -> int:
        if not complaints:
            return 0
        first_id = 0
        events: list[tuple[Any, ...]] = []
        promises: list[tuple[Any, ...]] = []
        follow_ups: list[tuple[Any, ...]] = []
        for h in complaints:
            values = ROWS.historic_values(h, now=now)
            cid = self._insert(values)
            first_id = first_id or cid
            events.extend(ROWS.event_row(cid, e) for e in h.events)
            promises.extend(ROWS.promise_row(cid, p) for p in h.promises)
            follow_ups.extend(ROWS.follow_up_row(cid, f) for f in h.follow_ups)
        with self.conn.cursor() as cursor:
            cursor.executemany(_INSERT_EVENT, events)
            cursor.executemany(_INSERT_PROMISE, promises)
            cursor.executemany(_INSERT_FOLLOW_UP, follow_ups)
        return first_id

    def _current(self, complaint_id: int, expected: int | None) -> Complaint:
        """The complaint as it stands, its row locked for this job; refused when it is
        not at *expected* (None: not checked)."""
        row = self.conn.execute(_SELECT + " WHERE id = %s FOR UPDATE", [complaint_id]).fetchone()
        if row is None:
            raise ComplaintNotFound(complaint_id)
        current = ROWS.complaint(row)
        complaint_rows.refuse_if_changed(current, expected)
        return current

    def save_capture(self, complaint: Complaint, *, now: dt.datetime, by: str) -> Complaint:
        if complaint.id is None:
            raise ValueError("the complaint has not been saved yet")
        values = ROWS.capture_values(complaint)
        self._current(complaint.id, complaint.version or None)
        sets = ", ".join(f"{name} = %s" for name in values)
        row = self.conn.execute(
            f"UPDATE complaints SET {sets}, updated_at = %s, version = version + 1, "
            "changed_by = %s, first_response_at = CASE WHEN first_response_at IS NULL "
            "AND %s::text <> '' THEN %s ELSE first_response_at END "
            f"WHERE id = %s RETURNING {_COLUMNS}",
            [*values.values(), ts(now), by, complaint.reply.strip(), ts(now), complaint.id],
        ).fetchone()
        assert row is not None
        return ROWS.complaint(row)

    def modify(
        self,
        complaint_id: int,
        change: Callable[[Complaint], Change],
        *,
        now: dt.datetime,
        by: str,
        expected_version: int | None = None,
    ) -> Complaint:
        current = self._current(complaint_id, expected_version)
        result = change(current)
        values = ROWS.change_values(result)
        sets = ", ".join(f"{name} = %s" for name in values)
        notified = ", notified = ''" if result.reset_notified else ""
        if complaint_rows.starts_follow_up_window(result):
            # A new resolution starts a new follow-up window.
            notified += ", followed_up_at = NULL, satisfaction = NULL"
        self.conn.execute(
            f"UPDATE complaints SET {sets}, updated_at = %s, version = version + 1, "
            f"changed_by = %s{notified} WHERE id = %s",
            [*values.values(), ts(now), by, complaint_id],
        )
        with self.conn.cursor() as cursor:
            cursor.executemany(
                _INSERT_EVENT, [ROWS.event_row(complaint_id, e) for e in result.events]
            )
            cursor.executemany(
                _INSERT_PROMISE, [ROWS.promise_row(complaint_id, p) for p in result.promises]
            )
            for f in result.follow_ups:
                cursor.execute(_INSERT_FOLLOW_UP, ROWS.follow_up_row(complaint_id, f))
                cursor.execute(
                    "UPDATE complaints SET followed_up_at = %s, satisfaction = %s WHERE id = %s",
                    [ts(f.at), f.satisfaction, complaint_id],
                )
        return complaint_rows.as_modified(result, current, by=by, now=now)

    # --- reading ---------------------------------------------------------------------

    def get(self, complaint_id: int) -> Complaint | None:
        row = self.conn.execute(_SELECT + " WHERE id = %s", [complaint_id]).fetchone()
        return None if row is None else ROWS.complaint(row)

    def detail(self, complaint_id: int) -> Detail | None:
        c = self.get(complaint_id)
        if c is None:
            return None
        history = [
            ROWS.status_change(row)
            for row in self.conn.execute(
                "SELECT at, by, before, after, note FROM complaint_events "
                "WHERE complaint_id = %s ORDER BY id",
                [complaint_id],
            )
        ]
        promises = [
            ROWS.promise_change(row)
            for row in self.conn.execute(
                "SELECT at, by, due, previous_due, note FROM complaint_promises "
                "WHERE complaint_id = %s ORDER BY id",
                [complaint_id],
            )
        ]
        follow_ups = [
            ROWS.follow_up(row)
            for row in self.conn.execute(
                "SELECT at, by, satisfaction, note FROM complaint_follow_ups "
                "WHERE complaint_id = %s ORDER BY id",
                [complaint_id],
            )
        ]
        name = None
        if c.customer_id is not None:
            row = self.conn.execute(
                "SELECT name FROM customers WHERE id = %s", [c.customer_id]
            ).fetchone()
            name = None if row is None else str(row[0])
        return Detail(c, name or c.who, history, promises, follow_ups)

    def customer_exists(self, customer_id: int) -> bool:
        row = self.conn.execute("SELECT 1 FROM customers WHERE id = %s", [customer_id])
        return row.fetchone() is not None

    def highest_customer_id(self) -> int:
        row = self.conn.execute("SELECT coalesce(max(id), 0) FROM customers").fetchone()
        return int(row[0]) if row else 0

    def queue(
        self,
        queue: QueueName,
        bounds: QueueBounds,
        *,
        offset: int = 0,
        limit: int = 50,
        order: QueueOrder = QueueOrder.DUE,
    ) -> list[QueueRecord]:
        queue, order = QueueName(queue), QueueOrder(order)
        where, params = _queue_where(queue, bounds)
        return self._records(
            f"{_QUEUE_SELECT} WHERE {where} ORDER BY {_queue_order(queue, order)} "
            "LIMIT %s OFFSET %s",
            [*params, max(limit, 0), max(offset, 0)],
        )

    def count(self, queue: QueueName, bounds: QueueBounds) -> int:
        where, params = _queue_where(QueueName(queue), bounds)
        row = self.conn.execute(f"SELECT count(*) FROM complaints c WHERE {where}", params)
        found = row.fetchone()
        assert found is not None
        return int(found[0])

    def by_status(self, status: str, *, offset: int = 0, limit: int = 50) -> list[QueueRecord]:
        return self._records(
            f"{_QUEUE_SELECT} WHERE c.status = %s ORDER BY c.received_at DESC, c.id DESC "
            "LIMIT %s OFFSET %s",
            [status, max(limit, 0), max(offset, 0)],
        )

    def open_for_customer(self, customer_id: int) -> list[QueueRecord]:
        return self._records(
            f"{_QUEUE_SELECT} WHERE c.customer_id = %s AND {OPEN_SQL} "
            "ORDER BY c.promise_due NULLS FIRST, c.id",
            [customer_id],
        )

    def take_notifications(
        self, *, agent: str, now: dt.datetime, soon: dt.datetime
    ) -> list[QueueRecord]:
        state = "CASE WHEN c.promise_due < %s THEN 'overdue' ELSE 'due_soon' END"
        rows = self._records(
            f"{_QUEUE_SELECT} WHERE {OPEN_SQL} AND c.agent = %s AND c.promise_due <= %s "
            f"AND c.notified <> {state} AND c.notified <> 'overdue' "
            "ORDER BY c.promise_due, c.id FOR UPDATE OF c",
            [agent, ts(soon), ts(now)],
        )
        if rows:
            self.conn.execute(
                "UPDATE complaints SET notified = CASE WHEN promise_due < %s "
                "THEN 'overdue' ELSE 'due_soon' END WHERE id = ANY(%s)",
                [ts(now), [r.id for r in rows]],
            )
        return rows

    def report(
        self, period: ReportPeriod, *, repeat_limit: int = 100, feedback_limit: int | None = None
    ) -> ReportFigures:
        start, end, now, store = ts(period.start), ts(period.end), ts(period.now), period.store
        where = "c.received_at >= %s AND c.received_at < %s"
        params: list[Any] = [start, end]
        if store is not None:
            where += " AND c.store = %s"
            params.append(store)
        live = f"{where} AND c.status <> 'voided'"
        groups: list[CauseCount] = []
        made = kept = 0
        for cause, sub, status, count, g_made, g_kept in self.conn.execute(
            "SELECT c.cause, c.sub_cause, c.status, count(*), "
            "count(*) FILTER (WHERE c.promise_due IS NOT NULL "
            "AND (c.resolved_at IS NOT NULL OR c.promise_due < %s)), "
            "count(*) FILTER (WHERE c.resolved_at <= c.promise_due) "
            f"FROM complaints c WHERE {where} GROUP BY c.cause, c.sub_cause, c.status "
            # SQLite hands groups over in the order of its grouping keys (NULL first, bytes)
            'ORDER BY c.cause COLLATE "C" NULLS FIRST, c.sub_cause COLLATE "C", '
            'c.status COLLATE "C"',
            [now, *params],
        ):
            groups.append(CauseCount(cause, sub, status, int(count)))
            if status != Status.VOIDED.value:
                made += int(g_made)
                kept += int(g_kept)
        responses, resolutions = complaint_rows.durations(
            self.conn.execute(
                f"SELECT {_seconds('c.first_response_at', 'c.received_at')}, "
                f"{_seconds('c.resolved_at', 'c.received_at')} FROM complaints c WHERE {live} "
                "AND (c.first_response_at IS NOT NULL OR c.resolved_at IS NOT NULL)",
                params,
            )
        )
        # Follow-ups whose due time fell in the period (and has passed, or was done already).
        f_where = "c.follow_up_due >= %s AND c.follow_up_due < %s AND c.status <> 'voided'"
        f_params: list[Any] = [start, end]
        if store is not None:
            f_where += " AND c.store = %s"
            f_params.append(store)
        due, in_time = self.conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE c.followed_up_at <= c.follow_up_due) "
            f"FROM complaints c WHERE {f_where} "
            "AND (c.follow_up_due <= %s OR c.followed_up_at IS NOT NULL)",
            [*f_params, now],
        ).fetchone() or (0, 0)
        # Follow-up calls made in the period, and how many found the customer dissatisfied.
        d_where = "f.at >= %s AND f.at < %s AND c.status <> 'voided'"
        d_params: list[Any] = [start, end]
        if store is not None:
            d_where += " AND c.store = %s"
            d_params.append(store)
        done, dissatisfied = self.conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE f.satisfaction <= 2) "
            "FROM complaint_follow_ups f JOIN complaints c ON c.id = f.complaint_id "
            f"WHERE {d_where}",
            d_params,
        ).fetchone() or (0, 0)
        # Repeat complainers: a known customer, or a walk-in by the same contact (its
        # ASCII letters folded, as SQLite's lower()).
        repeat = [
            complaint_rows.repeat_complainer(row)
            for row in self.conn.execute(
                "WITH g AS (SELECT c.customer_id AS cid, CASE WHEN c.customer_id IS NULL "
                f"THEN {_fold('c.caller_contact')} END AS contact, count(*) AS n, "
                f"max(c.id) AS last_id FROM complaints c WHERE {live} "
                "AND (c.customer_id IS NOT NULL OR c.caller_contact <> '') "
                "GROUP BY 1, 2 HAVING count(*) >= 2 ORDER BY n DESC, last_id DESC LIMIT %s) "
                "SELECT g.cid, "
                "COALESCE(cu.name, NULLIF(x.caller_name, ''), x.caller_contact, ''), g.n "
                "FROM g LEFT JOIN customers cu ON cu.id = g.cid "
                "JOIN complaints x ON x.id = g.last_id ORDER BY g.n DESC, g.last_id DESC",
                [*params, repeat_limit],
            )
        ]
        feedback = [
            ROWS.feedback_record(row)
            for row in self.conn.execute(
                "SELECT c.id, c.received_at, c.store, c.cause, c.sub_cause, "
                f"coalesce(c.responsibility, ''), substr(c.customer_words, 1, {SUMMARY_CHARS}), "
                f"c.wording FROM complaints c WHERE {live} "
                "AND c.cause IN ('product_quality', 'service_attitude') "
                "ORDER BY c.received_at, c.id LIMIT %s",
                [*params, feedback_limit],
            )
        ]
        return ReportFigures(
            groups=groups,
            promises_made=made,
            promises_kept=kept,
            median_first_response_s=median(responses),
            median_resolution_s=median(resolutions),
            follow_ups_due=int(due),
            follow_ups_in_time=int(in_time),
            follow_ups_done=int(done),
            dissatisfied=int(dissatisfied),
            repeat=repeat,
            feedback=feedback,
        )

    def customer_words(self, ids: Sequence[int]) -> dict[int, str]:
        return {
            int(cid): str(words or "")
            for cid, words in self.conn.execute(
                "SELECT id, customer_words FROM complaints WHERE id = ANY(%s)", [list(ids)]
            )
        }

    # --- drafts ----------------------------------------------------------------------

    def save_draft(self, draft: StoredDraft) -> None:
        """Save or replace a draft; a key held by another person or console is left alone."""
        self.conn.execute(
            "INSERT INTO complaint_drafts (key, owner, console, saved_at, summary, payload) "
            "VALUES (%s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (key) DO UPDATE SET saved_at = excluded.saved_at, "
            "summary = excluded.summary, payload = excluded.payload "
            "WHERE complaint_drafts.owner = excluded.owner "
            "AND complaint_drafts.console = excluded.console",
            ROWS.draft_values(draft),
        )

    def drafts(self, owner: str, console: str) -> list[StoredDraft]:
        return [
            ROWS.draft(row, owner, console)
            for row in self.conn.execute(
                "SELECT key, saved_at, summary, payload FROM complaint_drafts "
                'WHERE owner = %s AND console = %s ORDER BY saved_at DESC, key COLLATE "C"',
                [owner, console],
            )
        ]

    def delete_draft(self, key: str, owner: str, console: str) -> None:
        """Drafts are scratch copies of a form, not records: discarding one removes it."""
        self.conn.execute(
            "DELETE FROM complaint_drafts WHERE key = %s AND owner = %s AND console = %s",
            [key, owner, console],
        )


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> ComplaintRepository:
        return PostgresComplaints(conn)

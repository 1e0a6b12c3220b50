"""Complaints, their append-only histories (status, promises, follow-ups) and form drafts.

Every function takes the open ``sqlite_utils.Database`` of the database thread; writes
run inside ``write_transaction`` (BEGIN IMMEDIATE). Times are stored as UTC instants
(:mod:`console.storage.sqlite.instants`: fixed-width ISO text, so the queues' and reports'
ranges compare as text); complaints come back with UTC-aware datetimes and the service
shows them in the store's zone.

* ``complaints``: the capture fields and the clock (status, promise, first response,
  resolution, follow-up due/done, notified state). Never deleted (a trigger refuses it);
  voiding sets status ``voided`` and keeps the reason.
* ``complaint_events`` / ``complaint_promises`` / ``complaint_follow_ups``: append-only
  (triggers refuse UPDATE and DELETE).
* ``complaint_drafts``: the form as the agent types it, one row per open form.

Queues and reports are single SQL statements over indexes made for them (schema
``0004_complaints``); reports aggregate in SQL and read the covering report index.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any, cast

import sqlite_utils

from console.domain.complaint import (
    SUMMARY_CHARS,
    Complaint,
    FollowUp,
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
from console.storage.sqlite import instants
from console.storage.sqlite.transactions import write_transaction

OPEN_SQL = "c.status IN ('new', 'in_progress')"


#: The rows as sqlite3 takes and gives them: instants are fixed-width ISO text
#: (:mod:`~console.storage.sqlite.instants`), the offered options JSON text, the confirmed
#: flag 0 or 1.
ROWS = complaint_rows.ComplaintRows(
    dump_instant=instants.dump,
    load_instant=instants.load,
    load_optional_instant=instants.load_optional,
    dump_options=lambda options: json.dumps(options, ensure_ascii=False),
    load_options=json.loads,
    dump_flag=int,
)


def ts(value: dt.datetime | None) -> str | None:
    """An aware instant as stored (:mod:`~console.storage.sqlite.instants`; None stays None)."""
    return cast("str | None", ROWS.ts(value))


def _seconds(later: str, earlier: str) -> str:
    """SQL: whole seconds from one stored instant to another."""
    return f"round((julianday({later}) - julianday({earlier})) * 86400)"


# --- rows ------------------------------------------------------------------------------


def row_values(c: Complaint, *, now: dt.datetime) -> dict[str, Any]:
    """The complaints-table row for *c* (without id), e.g. for bulk loads."""
    return ROWS.row_values(c, now=now)


_SELECT = "SELECT " + ", ".join(complaint_rows.COLUMNS) + " FROM complaints"


def _add_event(db: sqlite_utils.Database, complaint_id: int, e: StatusChange) -> None:
    db.execute(
        "INSERT INTO complaint_events (complaint_id, at, by, before, after, note) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        ROWS.event_row(complaint_id, e),
    )


def _add_promise(db: sqlite_utils.Database, complaint_id: int, p: PromiseChange) -> None:
    db.execute(
        "INSERT INTO complaint_promises (complaint_id, at, by, due, previous_due, note) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        ROWS.promise_row(complaint_id, p),
    )


def _add_follow_up(db: sqlite_utils.Database, complaint_id: int, f: FollowUp) -> None:
    db.execute(
        "INSERT INTO complaint_follow_ups (complaint_id, at, by, satisfaction, note) "
        "VALUES (?, ?, ?, ?, ?)",
        ROWS.follow_up_row(complaint_id, f),
    )
    db.execute(
        "UPDATE complaints SET followed_up_at = ?, satisfaction = ? WHERE id = ?",
        [ts(f.at), f.satisfaction, complaint_id],
    )


# --- writing ---------------------------------------------------------------------------


def insert_complaint(
    db: sqlite_utils.Database,
    c: Complaint,
    *,
    events: Sequence[StatusChange],
    promise: PromiseChange | None,
    now: dt.datetime,
) -> int:
    """Insert a new complaint with its first history entries; returns its id."""
    values = row_values(c, now=now)
    names = ", ".join(values)
    marks = ", ".join("?" * len(values))
    with write_transaction(db):
        cursor = db.execute(
            f"INSERT INTO complaints ({names}) VALUES ({marks})", list(values.values())
        )
        complaint_id = int(cursor.lastrowid or 0)
        for e in events:
            _add_event(db, complaint_id, e)
        if promise is not None:
            _add_promise(db, complaint_id, promise)
    return complaint_id


def insert_historic(
    db: sqlite_utils.Database, complaints: Sequence[HistoricComplaint], *, now: dt.datetime
) -> int:
    """Bulk load (demo data, benchmark): complaints with their whole histories, ids from
    the database; returns the first new id (0: nothing given). The last follow-up call
    gives the complaint's ``followed_up_at`` and ``satisfaction``."""
    if not complaints:
        return 0
    first_id = 0
    events: list[tuple[Any, ...]] = []
    promises: list[tuple[Any, ...]] = []
    follow_ups: list[tuple[Any, ...]] = []
    with write_transaction(db):
        for h in complaints:
            values = ROWS.historic_values(h, now=now)
            cursor = db.conn.execute(
                f"INSERT INTO complaints ({', '.join(values)}) "
                f"VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
            cid = int(cursor.lastrowid or 0)
            first_id = first_id or cid
            events.extend(ROWS.event_row(cid, e) for e in h.events)
            promises.extend(ROWS.promise_row(cid, p) for p in h.promises)
            follow_ups.extend(ROWS.follow_up_row(cid, f) for f in h.follow_ups)
        db.conn.executemany(
            "INSERT INTO complaint_events (complaint_id, at, by, before, after, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            events,
        )
        db.conn.executemany(
            "INSERT INTO complaint_promises (complaint_id, at, by, due, previous_due, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            promises,
        )
        db.conn.executemany(
            "INSERT INTO complaint_follow_ups (complaint_id, at, by, satisfaction, note) "
            "VALUES (?, ?, ?, ?, ?)",
            follow_ups,
        )
    return first_id


def update_capture(
    db: sqlite_utils.Database, c: Complaint, *, now: dt.datetime, by: str
) -> Complaint:
    """Save the capture fields of an existing complaint (status and promise untouched),
    as *by*. A first customer-facing reply stamps ``first_response_at`` when still empty.
    A complaint read at another version (``c.version``; 0: not read) is refused with
    ComplaintChanged. Returns the complaint as saved."""
    if c.id is None:
        raise ValueError("the complaint has not been saved yet")
    values = ROWS.capture_values(c)
    sets = ", ".join(f"{name} = ?" for name in values)
    with write_transaction(db):
        current = get_complaint(db, c.id)
        if current is None:
            raise ComplaintNotFound(c.id)
        complaint_rows.refuse_if_changed(current, c.version or None)
        db.execute(
            f"UPDATE complaints SET {sets}, updated_at = ?, version = version + 1, "
            "changed_by = ?, "
            "first_response_at = CASE WHEN first_response_at IS NULL AND ? != '' "
            "THEN ? ELSE first_response_at END WHERE id = ?",
            [*values.values(), ts(now), by, c.reply.strip(), ts(now), c.id],
        )
        saved = get_complaint(db, c.id)
    assert saved is not None
    return saved


def modify(
    db: sqlite_utils.Database,
    complaint_id: int,
    change: Callable[[Complaint], Change],
    *,
    now: dt.datetime,
    by: str,
    expected_version: int | None = None,
) -> Complaint:
    """Read the complaint, compute *change* on it and write the result as *by*, all in
    one BEGIN IMMEDIATE transaction (two consoles acting at once cannot interleave). With
    *expected_version*, a complaint changed since (another version) is refused with
    ComplaintChanged."""
    with write_transaction(db):
        current = get_complaint(db, complaint_id)
        if current is None:
            raise ComplaintNotFound(complaint_id)
        complaint_rows.refuse_if_changed(current, expected_version)
        result = change(current)
        values = ROWS.change_values(result)
        sets = ", ".join(f"{name} = ?" for name in values)
        notified = ", notified = ''" if result.reset_notified else ""
        db.execute(
            f"UPDATE complaints SET {sets}, updated_at = ?, version = version + 1, "
            f"changed_by = ?{notified} WHERE id = ?",
            [*values.values(), ts(now), by, complaint_id],
        )
        for e in result.events:
            _add_event(db, complaint_id, e)
        for p in result.promises:
            _add_promise(db, complaint_id, p)
        if complaint_rows.starts_follow_up_window(result):
            # A new resolution starts a new follow-up window.
            db.execute(
                "UPDATE complaints SET followed_up_at = NULL, satisfaction = NULL WHERE id = ?",
                [complaint_id],
            )
        for f in result.follow_ups:
            _add_follow_up(db, complaint_id, f)
    return complaint_rows.as_modified(result, current, by=by, now=now)


# --- reading ---------------------------------------------------------------------------


def get_complaint(db: sqlite_utils.Database, complaint_id: int) -> Complaint | None:
    row = db.execute(_SELECT + " WHERE id = ?", [complaint_id]).fetchone()
    return None if row is None else ROWS.complaint(row)


def customer_name(db: sqlite_utils.Database, customer_id: int) -> str | None:
    row = db.execute("SELECT name FROM customers WHERE id = ?", [customer_id]).fetchone()
    return None if row is None else str(row[0])


def customer_exists(db: sqlite_utils.Database, customer_id: int) -> bool:
    return db.execute("SELECT 1 FROM customers WHERE id = ?", [customer_id]).fetchone() is not None


def get_detail(db: sqlite_utils.Database, complaint_id: int) -> Detail | None:
    c = get_complaint(db, complaint_id)
    if c is None:
        return None
    name = (customer_name(db, c.customer_id) if c.customer_id is not None else None) or c.who
    history = [
        ROWS.status_change(row)
        for row in db.execute(
            "SELECT at, by, before, after, note FROM complaint_events "
            "WHERE complaint_id = ? ORDER BY id",
            [complaint_id],
        )
    ]
    promises = [
        ROWS.promise_change(row)
        for row in db.execute(
            "SELECT at, by, due, previous_due, note FROM complaint_promises "
            "WHERE complaint_id = ? ORDER BY id",
            [complaint_id],
        )
    ]
    follow_ups = [
        ROWS.follow_up(row)
        for row in db.execute(
            "SELECT at, by, satisfaction, note FROM complaint_follow_ups "
            "WHERE complaint_id = ? ORDER BY id",
            [complaint_id],
        )
    ]
    return Detail(c, name, history, promises, follow_ups)


# --- queues ----------------------------------------------------------------------------


_WHO = "COALESCE(cu.name, NULLIF(c.caller_name, ''), NULLIF(c.caller_contact, ''), '')"
_QUEUE_SELECT = (
    f"SELECT c.id, {_WHO} AS who, c.customer_id, c.status, c.channel, c.emotion, c.store, "
    f"c.agent, c.received_at, c.promise_due, c.follow_up_due, "
    f"substr(c.customer_words, 1, {SUMMARY_CHARS}), c.resolved_at "
    "FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id"
)


def _queue_where(queue: QueueName, bounds: QueueBounds) -> tuple[str, list[Any]]:
    now, soon, day_end = ts(bounds.now), ts(bounds.soon), ts(bounds.day_end)
    if queue is QueueName.MINE:
        return f"{OPEN_SQL} AND c.agent = ?", [bounds.agent]
    if queue is QueueName.DUE_SOON:
        return f"{OPEN_SQL} AND c.promise_due >= ? AND c.promise_due <= ?", [now, soon]
    if queue is QueueName.OVERDUE:
        return f"{OPEN_SQL} AND c.promise_due < ?", [now]
    if queue is QueueName.FOLLOW_UPS:
        return "c.status = 'resolved' AND c.follow_up_due < ?", [day_end]
    if queue is QueueName.OPEN:
        return OPEN_SQL, []
    raise ValueError(f"unknown queue {queue!r}")  # pragma: no cover - every member above


def _queue_order(queue: QueueName, order: QueueOrder) -> str:
    due = "c.follow_up_due" if queue is QueueName.FOLLOW_UPS else "c.promise_due"
    if order is QueueOrder.DUE:
        return f"{due}, c.id"
    if order is QueueOrder.RECEIVED:
        return "c.received_at DESC, c.id DESC"
    if order is QueueOrder.CUSTOMER:
        return "who COLLATE NOCASE, c.id"
    if order is QueueOrder.STATUS:
        return f"c.status, {due}, c.id"
    raise ValueError(f"unknown order {order!r}")  # pragma: no cover - every member above


def list_queue(
    db: sqlite_utils.Database,
    queue: QueueName,
    bounds: QueueBounds,
    *,
    offset: int = 0,
    limit: int = 50,
    order: QueueOrder = QueueOrder.DUE,
) -> list[QueueRecord]:
    queue, order = QueueName(queue), QueueOrder(order)
    where, params = _queue_where(queue, bounds)
    sql = f"{_QUEUE_SELECT} WHERE {where} ORDER BY {_queue_order(queue, order)} LIMIT ? OFFSET ?"
    return [
        ROWS.queue_record(row)
        for row in db.execute(sql, [*params, max(limit, 0), max(offset, 0)]).fetchall()
    ]


def list_by_status(
    db: sqlite_utils.Database, status: str, *, offset: int = 0, limit: int = 50
) -> list[QueueRecord]:
    sql = (
        f"{_QUEUE_SELECT} WHERE c.status = ? ORDER BY c.received_at DESC, c.id DESC "
        "LIMIT ? OFFSET ?"
    )
    return [
        ROWS.queue_record(row)
        for row in db.execute(sql, [status, max(limit, 0), max(offset, 0)]).fetchall()
    ]


def count_queue(db: sqlite_utils.Database, queue: QueueName, bounds: QueueBounds) -> int:
    where, params = _queue_where(QueueName(queue), bounds)
    return int(db.execute(f"SELECT count(*) FROM complaints c WHERE {where}", params).fetchone()[0])


def open_for_customer(db: sqlite_utils.Database, customer_id: int) -> list[QueueRecord]:
    sql = f"{_QUEUE_SELECT} WHERE c.customer_id = ? AND {OPEN_SQL} ORDER BY c.promise_due, c.id"
    return [ROWS.queue_record(row) for row in db.execute(sql, [customer_id]).fetchall()]


def take_notifications(
    db: sqlite_utils.Database, *, agent: str, now: dt.datetime, soon: dt.datetime
) -> list[QueueRecord]:
    """The agent's open complaints that became due soon or overdue since they were last
    notified, marked as notified of that state (each state is announced once; extending
    the promise starts over)."""
    state = "CASE WHEN c.promise_due < ? THEN 'overdue' ELSE 'due_soon' END"
    where = (
        f"{OPEN_SQL} AND c.agent = ? AND c.promise_due <= ? AND c.notified != {state} "
        "AND NOT (c.notified = 'overdue')"
    )
    with write_transaction(db):
        rows = [
            ROWS.queue_record(row)
            for row in db.execute(
                f"{_QUEUE_SELECT} WHERE {where} ORDER BY c.promise_due, c.id",
                [agent, ts(soon), ts(now)],
            ).fetchall()
        ]
        if rows:
            marks = ", ".join("?" * len(rows))
            db.execute(
                "UPDATE complaints SET notified = CASE WHEN promise_due < ? "
                f"THEN 'overdue' ELSE 'due_soon' END WHERE id IN ({marks})",
                [ts(now), *(r.id for r in rows)],
            )
    return rows


# --- reports ---------------------------------------------------------------------------


def report_figures(
    db: sqlite_utils.Database,
    period: ReportPeriod,
    *,
    repeat_limit: int = 100,
    feedback_limit: int | None = None,
) -> ReportFigures:
    start, end, now, store = ts(period.start), ts(period.end), ts(period.now), period.store
    where = "c.received_at >= ? AND c.received_at < ?"
    params: list[Any] = [start, end]
    if store is not None:
        where += " AND c.store = ?"
        params.append(store)
    live = f"{where} AND c.status != 'voided'"
    groups: list[CauseCount] = []
    made = kept = responded = resolved = 0
    for cause, sub, status, count, g_made, g_kept, g_resp, g_res in db.execute(
        "SELECT c.cause, c.sub_cause, c.status, count(*), "
        "sum(c.promise_due IS NOT NULL AND (c.resolved_at IS NOT NULL OR c.promise_due < ?)), "
        "sum(c.resolved_at IS NOT NULL AND c.resolved_at <= c.promise_due), "
        "sum(c.first_response_at IS NOT NULL), sum(c.resolved_at IS NOT NULL) "
        f"FROM complaints c INDEXED BY idx_complaints_report WHERE {where} "
        "GROUP BY c.cause, c.sub_cause, c.status",
        [now, *params],
    ):
        groups.append(CauseCount(cause, sub, status, int(count)))
        if status != Status.VOIDED.value:
            made += int(g_made or 0)
            kept += int(g_kept or 0)
            responded += int(g_resp or 0)
            resolved += int(g_res or 0)
    # Medians: the two durations of every live complaint, read from the covering index
    # in one pass and sorted here (SQLite has no median aggregate; sorting twice in SQL
    # with LIMIT/OFFSET took three times as long).
    responses, resolutions = complaint_rows.durations(
        db.execute(
            f"SELECT {_seconds('c.first_response_at', 'c.received_at')}, "
            f"{_seconds('c.resolved_at', 'c.received_at')} "
            f"FROM complaints c INDEXED BY idx_complaints_report WHERE {live} "
            "AND (c.first_response_at IS NOT NULL OR c.resolved_at IS NOT NULL)",
            params,
        )
    )
    median_response = median(responses)
    median_resolution = median(resolutions)
    # Follow-ups whose due time fell in the period (and has passed, or was done already).
    f_where = "c.follow_up_due >= ? AND c.follow_up_due < ? AND c.status != 'voided'"
    f_params: list[Any] = [start, end]
    if store is not None:
        f_where += " AND c.store = ?"
        f_params.append(store)
    due, in_time = db.execute(
        "SELECT count(*), coalesce(sum(c.followed_up_at <= c.follow_up_due), 0) "
        f"FROM complaints c WHERE {f_where} "
        "AND (c.follow_up_due <= ? OR c.followed_up_at IS NOT NULL)",
        [*f_params, now],
    ).fetchone()
    # Follow-up calls made in the period, and how many found the customer dissatisfied.
    d_where = "f.at >= ? AND f.at < ? AND c.status != 'voided'"
    d_params: list[Any] = [start, end]
    if store is not None:
        d_where += " AND c.store = ?"
        d_params.append(store)
    done, dissatisfied = db.execute(
        "SELECT count(*), coalesce(sum(f.satisfaction <= 2), 0) FROM complaint_follow_ups f "
        "JOIN complaints c INDEXED BY idx_complaints_id_status ON c.id = f.complaint_id "
        f"WHERE {d_where}",
        d_params,
    ).fetchone()
    # Repeat complainers: a known customer, or a walk-in by the same contact. Grouped on
    # the covering index; names are looked up for the listed groups only.
    repeat = [
        complaint_rows.repeat_complainer(row)
        for row in db.execute(
            "WITH g AS (SELECT c.customer_id AS cid, CASE WHEN c.customer_id IS NULL "
            "THEN lower(c.caller_contact) END AS contact, count(*) AS n, max(c.id) AS last_id "
            f"FROM complaints c INDEXED BY idx_complaints_report WHERE {live} "
            "AND (c.customer_id IS NOT NULL OR c.caller_contact != '') "
            "GROUP BY 1, 2 HAVING n >= 2 ORDER BY n DESC, last_id DESC LIMIT ?) "
            "SELECT g.cid, COALESCE(cu.name, NULLIF(x.caller_name, ''), x.caller_contact, ''), "
            "g.n FROM g LEFT JOIN customers cu ON cu.id = g.cid "
            "JOIN complaints x ON x.id = g.last_id ORDER BY g.n DESC, g.last_id DESC",
            [*params, repeat_limit],
        )
    ]
    feedback = [
        ROWS.feedback_record(row)
        for row in db.execute(
            "SELECT c.id, c.received_at, c.store, c.cause, c.sub_cause, "
            f"coalesce(c.responsibility, ''), substr(c.customer_words, 1, {SUMMARY_CHARS}), "
            f"c.wording FROM complaints c WHERE {live} "
            "AND c.cause IN ('product_quality', 'service_attitude') "
            "ORDER BY c.received_at, c.id LIMIT ?",
            [*params, -1 if feedback_limit is None else feedback_limit],
        )
    ]
    return ReportFigures(
        groups=groups,
        promises_made=made,
        promises_kept=kept,
        median_first_response_s=median_response,
        median_resolution_s=median_resolution,
        follow_ups_due=int(due),
        follow_ups_in_time=int(in_time),
        follow_ups_done=int(done),
        dissatisfied=int(dissatisfied),
        repeat=repeat,
        feedback=feedback,
    )


def customer_words(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, str]:
    """The whole "what happened" text of each complaint in *ids* (for a report's
    summaries, which are cut to SUMMARY_CHARS)."""
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        for cid, words in db.execute(
            f"SELECT id, customer_words FROM complaints WHERE id IN ({marks})", chunk
        ):
            found[int(cid)] = str(words or "")
    return found


# --- drafts ----------------------------------------------------------------------------


def save_draft(db: sqlite_utils.Database, draft: StoredDraft) -> None:
    """Save or replace a draft; a key held by another person or console is left alone."""
    with write_transaction(db):
        db.execute(
            "INSERT INTO complaint_drafts (key, owner, console, saved_at, summary, payload) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET saved_at = excluded.saved_at, "
            "summary = excluded.summary, payload = excluded.payload "
            "WHERE owner = excluded.owner AND console = excluded.console",
            ROWS.draft_values(draft),
        )


def list_drafts(db: sqlite_utils.Database, owner: str, console: str) -> list[StoredDraft]:
    return [
        ROWS.draft(row, owner, console)
        for row in db.execute(
            "SELECT key, saved_at, summary, payload FROM complaint_drafts "
            "WHERE owner = ? AND console = ? ORDER BY saved_at DESC, key",
            [owner, console],
        )
    ]


def delete_draft(db: sqlite_utils.Database, key: str, owner: str, console: str) -> None:
    """Drafts are scratch copies of a form, not records: discarding one removes it."""
    with write_transaction(db):
        db.execute(
            "DELETE FROM complaint_drafts WHERE key = ? AND owner = ? AND console = ?",
            [key, owner, console],
        )


def highest_customer_id(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT coalesce(max(id), 0) FROM customers").fetchone()[0])

"""Complaints and calls on PostgreSQL: what only the server's database shows — the same
queues and report figures as SQLite on the same data, two agents acting on one complaint
at once from two threads, the append-only triggers and the server role's grants."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
import itertools
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors as pg_errors

from console.domain.calls import Call, Direction, MatchKind, read_number
from console.domain.clock import FixedClock
from console.domain.complaint import (
    Action,
    Channel,
    Complaint,
    ComplaintChanged,
    PromiseChange,
    Status,
    StatusChange,
)
from console.repositories import Store
from console.repositories.complaints import (
    Change,
    HistoricComplaint,
    QueueBounds,
    QueueName,
    QueueOrder,
    ReportPeriod,
    StoredDraft,
)
from console.services.complaints import ComplaintService
from console.services.demo_complaints import _complaint_rows
from console.services.settings import SettingsService
from console.storage.postgres.schema import grant_server_role
from console.storage.postgres.store import PostgresStore
from console.storage.sqlite.runner import DatabaseRunner
from tests.people import signed_in
from tests.unit.conftest import add_customer, run

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
_roles = itertools.count(1)


def sql(store: PostgresStore, statement: str) -> Any:
    """Run *statement* as the database's owner, outside the app."""
    with psycopg.connect(store.dsn, autocommit=True) as conn:
        cursor = conn.execute(statement)
        return cursor.fetchall() if cursor.description else None


def _walk_in(name: str, contact: str, received: dt.datetime, **kw: Any) -> HistoricComplaint:
    """A complaint whose names and contacts test ordering and folding (ASCII only)."""
    complaint = Complaint(
        caller_name=name,
        caller_contact=contact,
        channel=Channel.PHONE,
        store=kw.pop("store", "Jing'an"),
        agent="Li",
        customer_words=kw.pop("words", "words"),
        received_at=received,
        status=kw.pop("status", Status.NEW),
        **kw,
    )
    return HistoricComplaint(complaint, [StatusChange(received, "Li", None, Status.NEW, "")])


def _same_data() -> list[HistoricComplaint]:
    """Three years of demo complaints (walk-ins: the data needs no customers) and
    a few whose names sort differently by bytes, by locale and by case."""
    end = int(NOW.timestamp())
    rows = _complaint_rows(
        random.Random(11),
        600,
        end - 3 * 365 * 86400,
        end,
        customer_ids=0,
        callers=90,
        index0=0,
        total=600,
    )
    at = NOW - dt.timedelta(days=3)
    for i, (name, contact) in enumerate(
        [
            ("amy", "AMY@example.cn"),
            ("Émile", "amy@EXAMPLE.cn"),
            ("Zoë", ""),
            ("ZED", "Émile@example.cn"),
            ("", "émile@example.cn"),
            ("bob", ""),
            ("_under", ""),
            ("", ""),
        ]
    ):
        promise = at + dt.timedelta(hours=i - 2) if i % 3 else None
        rows.append(_walk_in(name, contact, at + dt.timedelta(minutes=i), promise_due=promise))
    return rows


@pytest.fixture
def both_stores(postgres_store: PostgresStore, db_path: Path) -> Iterator[list[Store]]:
    """The same complaints on a SQLite store and on a PostgreSQL store."""
    rows = _same_data()
    with DatabaseRunner(db_path) as desk:
        for store in (desk, postgres_store):
            store.write_now(lambda r: r.complaints.add_historic(rows, now=NOW))
        yield [desk, postgres_store]


def _on_both(stores: list[Store], job: Any) -> list[Any]:
    return [store.read_now(job) for store in stores]


def test_the_same_report_figures_as_sqlite_on_the_same_data(both_stores: list[Store]) -> None:
    years = [dt.datetime(y, 1, 1, tzinfo=UTC) for y in (2023, 2024, 2025, 2026, 2027)]
    periods = [
        ReportPeriod(years[0], years[-1], None, NOW),
        *(ReportPeriod(a, b, None, NOW) for a, b in itertools.pairwise(years)),
        ReportPeriod(years[2], years[-1], "Jing'an", NOW),
        ReportPeriod(dt.datetime(2026, 10, 1, tzinfo=UTC), years[-1], None, NOW),
        ReportPeriod(
            dt.datetime(2026, 6, 1, tzinfo=UTC), years[-1], None, NOW - dt.timedelta(days=90)
        ),
    ]
    for period in periods:
        sqlite, postgres = _on_both(both_stores, lambda r, p=period: r.complaints.report(p))
        assert postgres == sqlite, period
        limited = _on_both(
            both_stores,
            lambda r, p=period: r.complaints.report(p, repeat_limit=3, feedback_limit=5),
        )
        assert limited[1] == limited[0]
    whole = both_stores[1].read_now(lambda r: r.complaints.report(periods[0]))
    # The comparison is not vacuous: every figure has something in it.
    assert whole.groups and whole.repeat and whole.feedback
    assert whole.promises_made > whole.promises_kept > 0 and whole.follow_ups_done > 0
    assert whole.median_first_response_s and whole.median_resolution_s
    assert whole.follow_ups_due > whole.follow_ups_in_time > 0 and whole.dissatisfied > 0
    # Contacts differing in ASCII case are one complainer, as SQLite's lower() has it.
    assert ("Émile", 2) in [(r.name, r.count) for r in whole.repeat]


def test_the_same_queues_counts_and_details_as_sqlite(both_stores: list[Store]) -> None:
    agents = {
        r.agent
        for r in both_stores[0].read_now(
            lambda r: r.complaints.queue(QueueName.OPEN, QueueBounds("", NOW, NOW, NOW), limit=1000)
        )
    }
    assert len(agents) > 1
    for now in (NOW - dt.timedelta(days=5), NOW, NOW + dt.timedelta(days=40)):
        for agent in sorted(agents)[:2]:
            bounds = QueueBounds(
                agent, now, now + dt.timedelta(hours=30), now + dt.timedelta(days=1)
            )
            for name in QueueName:
                counts = _on_both(both_stores, lambda r, n=name, b=bounds: r.complaints.count(n, b))
                assert counts[1] == counts[0], (name, now)
                for order in QueueOrder:
                    for offset, limit in ((0, 1000), (3, 7)):
                        got = _on_both(
                            both_stores,
                            lambda r, n=name, b=bounds, o=order, s=offset, m=limit: (
                                r.complaints.queue(n, b, offset=s, limit=m, order=o)
                            ),
                        )
                        assert got[1] == got[0], (name, order, now)
    for status in Status:
        listed = _on_both(
            both_stores, lambda r, s=status: r.complaints.by_status(s.value, limit=40)
        )
        assert listed[1] == listed[0]
    customer = _on_both(
        both_stores,
        lambda r: r.complaints.queue(
            QueueName.OPEN, QueueBounds("", NOW, NOW, NOW), limit=1000, order=QueueOrder.CUSTOMER
        ),
    )
    whos = [q.who for q in customer[1]]
    # SQLite's NOCASE: ASCII letters folded, everything else compared as bytes.
    order = ["_under", "amy", "bob", "ZED", "Zoë", "Émile"]
    assert sorted(order, key=whos.index) == order
    ids = [*range(1, 609, 7), 9999]
    details = _on_both(both_stores, lambda r: [r.complaints.detail(i) for i in ids])
    assert details[1] == details[0]
    assert (
        _on_both(both_stores, lambda r: r.complaints.customer_words(ids))
        == [both_stores[0].read_now(lambda r: r.complaints.customer_words(ids))] * 2
    )


# --- two agents, one complaint, at once ---------------------------------------------------


def test_two_agents_acting_on_one_complaint_at_once_one_wins_the_other_is_refused(
    postgres_store: PostgresStore,
) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
    settings = SettingsService(postgres_store)

    def agent(name: str, role: str) -> ComplaintService:
        identity = signed_in(postgres_store, role, name, clock)
        return ComplaintService(postgres_store, settings, clock=clock, zone=UTC, identity=identity)

    li, wang = agent("Li", "agent"), agent("Wang", "manager")
    rounds = 6
    for n in range(rounds):
        cid = run(
            li.create(
                Complaint(
                    caller_name="Wang Fang",
                    customer_words=f"freezes {n}",
                    promise_due=clock.now() + dt.timedelta(hours=2),
                )
            )
        )
        start = threading.Barrier(2)

        def act(
            svc: ComplaintService,
            action: Action,
            note: str,
            cid: int = cid,
            start: threading.Barrier = start,
        ) -> Any:
            start.wait(timeout=10)
            try:
                return run(svc.act(cid, action, note, version=1))
            except ComplaintChanged as refused:
                return refused

        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            results = list(
                pool.map(
                    lambda args: act(*args),
                    [(li, Action.RESOLVE, "fixed"), (wang, Action.VOID, "duplicate")],
                )
            )
        won = [r for r in results if isinstance(r, Complaint)]
        lost = [r for r in results if isinstance(r, ComplaintChanged)]
        assert len(won) == 1 and len(lost) == 1, results
        winner = won[0]
        assert lost[0].changed_by == winner.changed_by and lost[0].complaint_id == cid
        detail = postgres_store.read_now(lambda r, c=cid: r.complaints.detail(c))
        assert detail is not None
        # Nothing of the loser's was written: one change, one history entry, one version.
        assert detail.complaint.version == 2 and detail.complaint.status is winner.status
        assert [e.by for e in detail.history] == ["Li", winner.changed_by]


def test_a_change_read_before_another_commits_is_refused_not_lost(
    postgres_store: PostgresStore,
) -> None:
    """At the repository: two jobs compute their change from version 1 at the same time;
    whichever commits second finds version 2 and is refused (no lost update)."""
    received = dt.datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    complaint = Complaint(
        caller_name="Amy",
        customer_words="late",
        channel=Channel.PHONE,
        agent="Li",
        received_at=received,
        promise_due=received + dt.timedelta(hours=1),
    )
    cid = postgres_store.write_now(
        lambda r: r.complaints.add(
            complaint,
            events=[StatusChange(received, "Li", None, Status.NEW, "")],
            promise=PromiseChange(received, "Li", received + dt.timedelta(hours=1), None, ""),
            now=received,
        )
    )
    inside = threading.Event()

    def change(note: str) -> Any:
        def compute(c: Complaint) -> Change:
            inside.set()
            time.sleep(0.2)  # the other job starts meanwhile
            later = c.promise_due + dt.timedelta(hours=1)  # type: ignore[operator]
            return Change(
                dataclasses.replace(c, promise_due=later),
                promises=[PromiseChange(received, note, later, c.promise_due, note)],
            )

        def job(r: Any) -> Any:
            try:
                return r.complaints.modify(cid, compute, now=received, by=note, expected_version=1)
            except ComplaintChanged as refused:
                return refused

        return job

    first = postgres_store.write_later(change("Li"))
    assert inside.wait(5)
    second = postgres_store.write_later(change("Wang"))
    results = [first.result(10), second.result(10)]
    assert isinstance(results[0], Complaint) and results[0].version == 2
    assert isinstance(results[1], ComplaintChanged) and results[1].changed_by == "Li"
    detail = postgres_store.read_now(lambda r: r.complaints.detail(cid))
    assert detail is not None and [p.by for p in detail.promises] == ["Li", "Li"]


# --- append-only, and the server's role -------------------------------------------------------


@pytest.fixture
def one_complaint(postgres_store: PostgresStore) -> PostgresStore:
    rows = [_walk_in("Amy", "a@x.cn", NOW)]
    postgres_store.write_now(lambda r: r.complaints.add_historic(rows, now=NOW))
    return postgres_store


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM complaints",
        "TRUNCATE complaints CASCADE",
        "DELETE FROM complaint_events",
        "UPDATE complaint_events SET note = 'x'",
        "UPDATE complaint_events SET by = 'x', note = ''",
        "TRUNCATE complaint_events",
        "TRUNCATE complaint_promises",
        "TRUNCATE complaint_follow_ups",
    ],
)
def test_triggers_keep_complaints_and_their_histories(
    one_complaint: PostgresStore, statement: str
) -> None:
    with pytest.raises(psycopg.errors.RestrictViolation):
        sql(one_complaint, statement)
    assert sql(one_complaint, "SELECT count(*) FROM complaint_events") == [(1,)]


def test_erasure_may_blank_a_history_note(one_complaint: PostgresStore) -> None:
    sql(
        one_complaint,
        "INSERT INTO complaint_events (complaint_id, at, after, note) "
        "VALUES (1, now(), 'new', 'Amy said her address')",
    )
    sql(one_complaint, "UPDATE complaint_events SET note = '' WHERE note <> ''")
    assert sql(one_complaint, "SELECT count(*) FROM complaint_events WHERE note = ''") == [(2,)]


def test_the_server_role_cannot_delete_or_truncate_complaints(one_complaint: PostgresStore) -> None:
    role = f"sc_complaints_{next(_roles)}"
    sql(one_complaint, f"CREATE ROLE {role} LOGIN")
    try:
        with psycopg.connect(one_complaint.dsn, autocommit=True) as conn:
            grant_server_role(conn, role)
        dsn = one_complaint.dsn.replace("postgresql://postgres@", f"postgresql://{role}@")
        with PostgresStore(dsn, max_connections=1) as store:
            assert store.read_now(lambda r: r.complaints.get(1)) is not None
            draft = StoredDraft("k", NOW, "s", "{}", "Li", "desk")
            store.write_now(lambda r: r.complaints.save_draft(draft))
        with psycopg.connect(dsn, autocommit=True) as conn:
            for statement in (
                "DELETE FROM complaints",
                "TRUNCATE complaints CASCADE",
                "DELETE FROM complaint_promises",
                "TRUNCATE complaint_events",
            ):
                with pytest.raises(pg_errors.InsufficientPrivilege):
                    conn.execute(statement)
            conn.execute("DELETE FROM complaint_drafts")  # scratch copies, not records
    finally:
        sql(one_complaint, f"DROP OWNED BY {role}")
        sql(one_complaint, f"DROP ROLE {role}")


# --- complaints and calls about customers ---------------------------------------------------


def test_complaints_and_calls_name_their_customers(postgres_store: PostgresStore) -> None:
    """The customers' tables are there (0007_customers): a complaint or a call may be
    linked to a customer, and is refused for one that does not exist."""
    cid = add_customer(postgres_store, "Zhang Wei", phones=["+8613812345678"])
    linked = Complaint(customer_id=cid, customer_words="x", channel=Channel.PHONE, received_at=NOW)
    saved = postgres_store.write_now(
        lambda r: r.complaints.add(linked, events=[], promise=None, now=NOW)
    )
    detail = postgres_store.read_now(lambda r: r.complaints.detail(saved))
    assert detail is not None and detail.customer_name == "Zhang Wei"
    assert postgres_store.read_now(lambda r: r.complaints.customer_exists(cid))
    assert postgres_store.read_now(lambda r: r.complaints.highest_customer_id()) == cid
    match = postgres_store.read_now(
        lambda r: r.calls.match_number(read_number("13812345678", "CN"))
    )
    assert (match.customer_id, match.kind) == (cid, MatchKind.EXACT)
    ghost = Call("c1", Direction.IN, "", "", dt.datetime(2026, 11, 2, 9, 0), customer_id=cid + 1)
    with pytest.raises(pg_errors.ForeignKeyViolation):
        postgres_store.write_now(lambda r: r.calls.add(ghost))
    assert postgres_store.read_now(lambda r: r.calls.recent()) == []  # nothing half-written

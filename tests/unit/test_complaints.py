"""Complaints: status machine, clocks across midnight and DST, promises, void, queues,
notify-once, report figures against a hand-computed fixture, CLI, drafts after a crash."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from console import cli
from console.domain.clock import FixedClock
from console.domain.complaint import (
    TRANSITIONS,
    Action,
    CauseCategory,
    Complaint,
    PromiseState,
    QuickDue,
    Status,
    TransitionRefused,
    follow_up_due,
    next_status,
    promise_state,
    quick_due,
)
from console.repositories import Store
from console.repositories.staff import AuditQuery
from console.services import settings as opts
from console.services.complaints import (
    ComplaintService,
    FeedbackRow,
    PermissionRefused,
    Queue,
    QueueSort,
    feedback_csv,
)
from console.services.customers import ValidationFailed
from console.services.settings import SettingsService
from console.storage.sqlite.runner import DatabaseRunner
from tests.people import signed_in, switch
from tests.unit.conftest import ALL_BACKENDS, add_customer

SH = ZoneInfo("Asia/Shanghai")
LONDON = ZoneInfo("Europe/London")
NY = ZoneInfo("America/New_York")

#: Tests through the interfaces whose aggregates PostgreSQL has (complaints, staff and
#: audit, settings, phrasebooks); those that need customers stay on SQLite for now.
both = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


@pytest.fixture
def aclock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 11, 2, 9, 0, tzinfo=SH))


@pytest.fixture
def svc(backend: Store, aclock: FixedClock) -> ComplaintService:
    # Settings and sign-in still take the SQLite store (their services move next).
    settings = SettingsService(backend)
    identity = signed_in(backend, "admin", "Li", aclock)
    return ComplaintService(backend, settings, clock=aclock, zone=SH, identity=identity)


def new(svc: ComplaintService, hours: float = 2, **kw: Any) -> int:
    fields: dict[str, Any] = {
        "caller_name": "Wang",
        "caller_contact": "+8613800000001",
        "customer_words": "The phone freezes again.",
    }
    fields.update(kw)
    if "promise_due" not in fields:
        fields["promise_due"] = svc.now() + dt.timedelta(hours=hours)
    return int(run(svc.create(Complaint(**fields))))


# --- the status machine ----------------------------------------------------------------


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("action", list(Action))
def test_every_status_action_pair(status: Status, action: Action) -> None:
    expected = TRANSITIONS.get((status, action))
    if expected is None:
        with pytest.raises(TransitionRefused):
            next_status(status, action)
    else:
        assert next_status(status, action) is expected
    # The documented machine, written out independently.
    allowed = {
        ("new", "start"): "in_progress",
        ("new", "resolve"): "resolved",
        ("in_progress", "resolve"): "resolved",
        ("resolved", "follow_up"): "followed_up",
        ("resolved", "reopen"): "in_progress",
        ("followed_up", "close"): "closed",
        ("followed_up", "reopen"): "in_progress",
        ("closed", "reopen"): "in_progress",
    }
    if action is Action.VOID:
        assert (expected is None) == (status is Status.VOIDED)
    else:
        assert (expected.value if expected else None) == allowed.get((status.value, action.value))


@both
def test_service_refuses_a_transition_and_keeps_the_row(svc: ComplaintService) -> None:
    cid = new(svc)
    with pytest.raises(TransitionRefused):
        run(svc.act(cid, Action.CLOSE))
    detail = run(svc.get(cid))
    assert detail.complaint.status is Status.NEW
    assert len(detail.history) == 1


# --- clocks ----------------------------------------------------------------------------


def test_quick_due_across_midnight_and_dst() -> None:
    late = dt.datetime(2026, 3, 28, 23, 30, tzinfo=LONDON)  # the night clocks go forward
    assert quick_due(QuickDue.IN_2_HOURS, late, LONDON) == dt.datetime(
        2026, 3, 29, 2, 30, tzinfo=LONDON
    ).astimezone(dt.UTC).astimezone(LONDON)
    two_h = quick_due(QuickDue.IN_2_HOURS, late, LONDON)
    assert two_h.astimezone(dt.UTC) - late.astimezone(dt.UTC) == dt.timedelta(hours=2)
    assert (two_h.hour, two_h.minute) == (2, 30)  # 23:30 GMT + 2 h = 01:30 GMT = 02:30 BST
    assert quick_due(QuickDue.TOMORROW_10, late, LONDON) == dt.datetime(
        2026, 3, 29, 10, 0, tzinfo=LONDON
    )
    assert quick_due(QuickDue.END_OF_DAY, late, LONDON).date() == dt.date(2026, 3, 29)
    # New York falls back on 2026-11-01: "in 2 hours" is two real hours.
    ny = dt.datetime(2026, 11, 1, 0, 30, tzinfo=NY)
    due = quick_due(QuickDue.IN_2_HOURS, ny, NY)
    assert due.astimezone(dt.UTC) - ny.astimezone(dt.UTC) == dt.timedelta(hours=2)
    assert (due.hour, due.minute) == (1, 30) and due.fold == 1
    # Shanghai has no DST: tomorrow 10:00 is always 24 h + the wall-time difference.
    sh = dt.datetime(2026, 3, 8, 23, 59, tzinfo=SH)
    assert quick_due(QuickDue.TOMORROW_10, sh, SH) == dt.datetime(2026, 3, 9, 10, 0, tzinfo=SH)


def test_promise_state_uses_real_time_in_the_repeated_hour() -> None:
    due = dt.datetime(2026, 11, 1, 1, 30, tzinfo=NY)  # first 01:30 (EDT)
    later = dt.datetime(2026, 11, 1, 1, 10, fold=1, tzinfo=NY)  # second 01:10 (EST)
    assert promise_state(due, later) is PromiseState.OVERDUE
    assert promise_state(due, due - dt.timedelta(minutes=20)) is PromiseState.DUE_SOON
    assert promise_state(due, due - dt.timedelta(hours=2)) is PromiseState.ON_TIME


def test_follow_up_keeps_local_wall_time_across_dst() -> None:
    resolved = dt.datetime(2026, 3, 25, 15, 0, tzinfo=LONDON)
    assert follow_up_due(resolved, 7) == dt.datetime(2026, 4, 1, 15, 0, tzinfo=LONDON)
    resolved_ny = dt.datetime(2026, 10, 30, 9, 0, tzinfo=NY)
    assert follow_up_due(resolved_ny, 7) == dt.datetime(2026, 11, 6, 9, 0, tzinfo=NY)
    assert follow_up_due(dt.datetime(2026, 1, 1, 23, 59, tzinfo=SH), 1).date() == dt.date(
        2026, 1, 2
    )


@both
def test_resolve_stamps_first_response_resolution_and_follow_up(
    backend: Store, aclock: FixedClock
) -> None:
    settings = SettingsService(backend)
    settings.set_now(opts.FOLLOW_UP_DAYS, 3)
    svc = ComplaintService(backend, settings, clock=aclock, zone=LONDON)
    aclock.set(dt.datetime(2026, 3, 27, 23, 0, tzinfo=LONDON))
    cid = new(svc)
    aclock.advance(minutes=90)  # after midnight
    c = run(svc.act(cid, Action.START))
    assert c.first_response_at == dt.datetime(2026, 3, 28, 0, 30, tzinfo=LONDON)
    aclock.advance(hours=1)
    c = run(svc.act(cid, Action.RESOLVE))
    assert c.first_response_at == dt.datetime(2026, 3, 28, 0, 30, tzinfo=LONDON)
    assert c.resolved_at == dt.datetime(2026, 3, 28, 1, 30, tzinfo=LONDON)
    assert c.follow_up_due == dt.datetime(2026, 3, 31, 1, 30, tzinfo=LONDON)  # across DST


@both
def test_a_reply_on_update_stamps_first_response(svc: ComplaintService, aclock: FixedClock) -> None:
    cid = new(svc)
    aclock.advance(minutes=7)
    c = run(svc.get(cid)).complaint
    c.reply = "马上为您处理。"
    run(svc.update(c))
    assert run(svc.get(cid)).complaint.first_response_at == aclock.now()


# --- promises, void, follow-up -------------------------------------------------------


@both
def test_extension_needs_a_note_and_keeps_the_original_due(
    svc: ComplaintService, aclock: FixedClock
) -> None:
    cid = new(svc)
    original = run(svc.get(cid)).complaint.promise_due
    later = original + dt.timedelta(hours=3)
    with pytest.raises(ValidationFailed) as refused:
        run(svc.extend_promise(cid, later, "  "))
    assert "note" in refused.value.errors
    with pytest.raises(ValidationFailed):
        run(svc.extend_promise(cid, original - dt.timedelta(minutes=1), "earlier?"))
    c = run(svc.extend_promise(cid, later, "waiting for the supplier"))
    assert c.promise_due == later
    promises = run(svc.get(cid)).promises
    assert [(p.due, p.previous_due) for p in promises] == [(original, None), (later, original)]
    assert promises[1].note == "waiting for the supplier"


@both
def test_void_needs_a_manager_and_a_reason_and_keeps_the_row(
    svc: ComplaintService, backend: Store
) -> None:
    cid = new(svc)
    switch(svc._identity, "agent")
    with pytest.raises(PermissionRefused, match="manager"):
        run(svc.act(cid, Action.VOID, "duplicate"))
    # Refused like every other refusal: the same exception, an audit entry.
    refused = backend.read_now(lambda r: r.staff.audit_entries(AuditQuery(action="refused")))
    assert [(e.actor_role, e.entity) for e in refused] == [("agent", "complaint")]
    assert "void complaint" in refused[0].detail
    switch(svc._identity, "manager")
    with pytest.raises(ValidationFailed):
        run(svc.act(cid, Action.VOID, ""))
    c = run(svc.act(cid, Action.VOID, "duplicate of #1"))
    assert c.status is Status.VOIDED and c.void_reason == "duplicate of #1"
    assert run(svc.get(cid)).history[-1].after is Status.VOIDED
    assert run(svc.count(Queue.ALL_OPEN)) == 0


def test_sqlite_never_deletes_a_complaint_nor_changes_its_history(
    svc: ComplaintService, runner: DatabaseRunner
) -> None:
    cid = new(svc)  # on PostgreSQL: test_postgres_complaints.py
    with pytest.raises(sqlite3.IntegrityError):
        runner.call(lambda db: db.execute("DELETE FROM complaints WHERE id = ?", [cid]))
    with pytest.raises(sqlite3.IntegrityError):
        runner.call(lambda db: db.execute("UPDATE complaint_events SET note = 'x'"))


@both
def test_dissatisfied_follow_up_reopens(svc: ComplaintService, aclock: FixedClock) -> None:
    cid = new(svc)
    run(svc.act(cid, Action.RESOLVE))
    aclock.advance(days=2)
    with pytest.raises(ValidationFailed):
        run(svc.record_follow_up(cid, 6, ""))
    c = run(svc.record_follow_up(cid, 2, "still freezes"))
    assert c.status is Status.IN_PROGRESS
    history = run(svc.get(cid)).history
    assert [h.after for h in history][-2:] == [Status.FOLLOWED_UP, Status.IN_PROGRESS]
    assert history[-1].note == "dissatisfied at follow-up"
    assert [r.id for r in run(svc.queue(Queue.OVERDUE))] == [cid]  # escalated
    cid2 = new(svc)
    run(svc.act(cid2, Action.RESOLVE))
    assert run(svc.record_follow_up(cid2, 4, "fine")).status is Status.FOLLOWED_UP


@both
def test_create_validates_and_solved_on_the_spot(svc: ComplaintService) -> None:
    with pytest.raises(ValidationFailed) as refused:
        run(svc.create(Complaint(customer_words="")))
    assert {"caller_name", "customer_words", "promise_due"} <= set(refused.value.errors)
    cid = run(
        svc.create(Complaint(caller_name="Zoë", customer_words="cold soup", status=Status.RESOLVED))
    )
    c = run(svc.get(cid)).complaint
    assert c.status is Status.RESOLVED and c.first_response_at == c.received_at
    assert c.follow_up_due == c.received_at + dt.timedelta(days=7)


# --- queues and notifications ----------------------------------------------------------


@both
def test_queues_sorting_and_paging(
    svc: ComplaintService, backend: Store, aclock: FixedClock
) -> None:
    zhang = add_customer(backend, "Zhang Wei")
    ids = [new(svc, hours=h) for h in (5, 1, 3)]
    mine_other = new(svc, hours=0.25, agent="Chen", caller_name="Amy")
    linked = new(svc, hours=8, customer_id=zhang, caller_name="", caller_contact="")
    done = new(svc, hours=4)
    run(svc.act(done, Action.RESOLVE))
    due = [r.id for r in run(svc.queue(Queue.ALL_OPEN))]
    assert due == [mine_other, ids[1], ids[2], ids[0], linked]
    assert [r.id for r in run(svc.queue(Queue.ALL_OPEN, 1, 2))] == [ids[1], ids[2]]
    assert [r.id for r in run(svc.queue(Queue.MINE_OPEN))] == [ids[1], ids[2], ids[0], linked]
    assert run(svc.count(Queue.MINE_OPEN)) == 4
    assert [r.id for r in run(svc.queue(Queue.DUE_SOON))] == [mine_other]
    by_customer = [r.who for r in run(svc.queue(Queue.ALL_OPEN, sort=QueueSort.CUSTOMER))]
    assert by_customer == ["Amy", "Wang", "Wang", "Wang", "Zhang Wei"]
    received = [r.id for r in run(svc.queue(Queue.ALL_OPEN, sort=QueueSort.RECEIVED))]
    assert received == [linked, mine_other, ids[2], ids[1], ids[0]]
    assert [r.id for r in run(svc.open_for_customer(zhang))] == [linked]
    aclock.advance(hours=2)
    overdue = run(svc.queue(Queue.OVERDUE))
    assert [r.id for r in overdue] == [mine_other, ids[1]]
    assert overdue[0].promise is PromiseState.OVERDUE
    assert run(svc.queue(Queue.FOLLOW_UPS_TODAY)) == []
    aclock.advance(days=7)
    follow = run(svc.queue(Queue.FOLLOW_UPS_TODAY, sort=QueueSort.STATUS))
    assert [r.id for r in follow] == [done]


@both
def test_notify_once_per_state(svc: ComplaintService, aclock: FixedClock) -> None:
    cid = new(svc, hours=1)
    new(svc, hours=1, agent="Chen")  # someone else's
    assert run(svc.due_soon_to_notify()) == []
    aclock.advance(minutes=31)
    first = run(svc.due_soon_to_notify())
    assert [(r.id, r.promise) for r in first] == [(cid, PromiseState.DUE_SOON)]
    assert run(svc.due_soon_to_notify()) == []
    aclock.advance(minutes=30)
    assert [(r.id, r.promise) for r in run(svc.due_soon_to_notify())] == [
        (cid, PromiseState.OVERDUE)
    ]
    assert run(svc.due_soon_to_notify()) == []
    run(svc.extend_promise(cid, aclock.now() + dt.timedelta(minutes=20), "parts arrive at 3"))
    assert [r.id for r in run(svc.due_soon_to_notify())] == [cid]


# --- reports ---------------------------------------------------------------------------


def build_report_fixture(runner: DatabaseRunner) -> ComplaintService:
    """Six complaints in November 2026 (Shanghai), one in October, figures by hand:

    A  Nov 2 09:00 Jing'an  product/freezes  promise 11:00, start 09:30, resolve 10:30
       (kept), follow-up Nov 5 sat 5 → first response 30 min, resolution 1.5 h
    B  Nov 3 09:00 Jing'an  product/freezes  promise 10:00, start 09:10, resolve 12:00
       (missed), follow-up Nov 12 (late, due Nov 10 12:00) sat 2 → reopened
    C  Nov 4 09:00 Sanlitun service_attitude/rude "这里就是这样的"  promise 12:00, start
       10:00, still open (promise lapsed → made, not kept)
    D  Nov 5 09:00 Jing'an  delivery/late, customer Zhang, solved on the spot (no promise)
       → first response 0, resolution 0, follow-up due Nov 12 09:00 never done
    E  Nov 6 09:00 Jing'an  product/seam, customer Zhang  voided (not counted)
    F  Nov 7 09:00 Jing'an  no cause, customer Zhang, promise Nov 30 (future), not
       answered → promise not counted yet; first response none
    G  Oct 31 23:00 Jing'an (outside the period)

    received 5 (A B C D F); by_category product 2, service 1, delivery 1, unrecorded 1;
    medians: first response [30, 10, 60, 0] min → 20; resolution [1.5, 3, 0] h → 1.5;
    promises made 3 (A, B, C) kept 1 → 33.3 %; follow-ups due in Nov: A (Nov 9), B (Nov
    10), D (Nov 12) → 3, in time 1 (A) → 33.3 %; follow-ups done 2 (A 5, B 2), dissatisfied
    1 → 50 %; repeat: Zhang 2 (D, F; E voided); by status: closed 0 …
    """
    settings = SettingsService(runner)
    clock = FixedClock(dt.datetime(2026, 10, 31, 23, 0, tzinfo=SH))
    identity = signed_in(runner, "manager", "Li", clock)
    svc = ComplaintService(runner, settings, clock=clock, zone=SH, identity=identity)
    zhang = add_customer(runner, "张伟")

    def at(day: int, h: int, m: int = 0) -> dt.datetime:
        return dt.datetime(2026, 11, day, h, m, tzinfo=SH)

    def create(**kw: Any) -> int:
        base: dict[str, Any] = {"caller_name": "Wang", "customer_words": "words"}
        base.update(kw)
        return int(run(svc.create(Complaint(**base))))

    create(promise_due=clock.now() + dt.timedelta(hours=2), cause=CauseCategory.PRODUCT_QUALITY)
    clock.set(at(2, 9))
    a = create(promise_due=at(2, 11), cause=CauseCategory.PRODUCT_QUALITY, sub_cause="freezes")
    clock.set(at(2, 9, 30))
    run(svc.act(a, Action.START))
    clock.set(at(2, 10, 30))
    run(svc.act(a, Action.RESOLVE))
    clock.set(at(3, 9))
    b = create(promise_due=at(3, 10), cause=CauseCategory.PRODUCT_QUALITY, sub_cause="freezes")
    clock.set(at(3, 9, 10))
    run(svc.act(b, Action.START))
    clock.set(at(3, 12))
    run(svc.act(b, Action.RESOLVE))
    clock.set(at(4, 9))
    c = create(
        promise_due=at(4, 12),
        store="Beijing Sanlitun",
        cause=CauseCategory.SERVICE_ATTITUDE,
        sub_cause="rude",
        wording_that_went_wrong="这里就是这样的",
    )
    clock.set(at(4, 10))
    run(svc.act(c, Action.START))
    clock.set(at(5, 9))
    create(
        customer_id=zhang,
        caller_name="",
        status=Status.RESOLVED,
        cause=CauseCategory.DELIVERY,
        sub_cause="late",
    )
    run(svc.record_follow_up(a, 5, "happy"))
    clock.set(at(6, 9))
    e = create(
        customer_id=zhang,
        caller_name="",
        promise_due=at(6, 12),
        cause=CauseCategory.PRODUCT_QUALITY,
        sub_cause="seam",
    )
    run(svc.act(e, Action.VOID, "duplicate"))
    clock.set(at(7, 9))
    create(customer_id=zhang, caller_name="", promise_due=at(30, 12))
    clock.set(at(12, 10))
    run(svc.record_follow_up(b, 2, "still freezes"))
    clock.set(at(20, 12))
    return svc


def test_report_figures_against_the_hand_computed_fixture(runner: DatabaseRunner) -> None:
    svc = build_report_fixture(runner)
    r = run(svc.report(dt.date(2026, 11, 1), dt.date(2026, 11, 30)))
    assert r.received == 5
    assert r.by_category == {
        "product_quality": 2,
        "delivery": 1,
        "service_attitude": 1,
        "unrecorded": 1,
    }
    assert r.by_cause[0] == ("product_quality", "freezes", 2)
    assert r.by_status == {
        "followed_up": 1,
        "in_progress": 2,
        "new": 1,
        "resolved": 1,
        "voided": 1,
    }
    assert r.median_first_response_minutes == 20.0
    assert r.median_resolution_hours == 1.5
    assert (r.promises_made, r.promises_kept, r.promises_kept_pct) == (3, 1, 33.3)
    assert (r.follow_ups_due, r.follow_ups_within_7_days) == (3, 1)
    assert r.follow_ups_within_7_days_pct == 33.3
    assert (r.follow_ups_done, r.dissatisfied, r.dissatisfaction_pct) == (2, 1, 50.0)
    assert [(cid is not None, name, n) for cid, name, n in r.repeat_complainers] == [
        (True, "张伟", 2)
    ]
    assert [f.sub_cause for f in r.product_feedback] == ["freezes", "freezes"]
    assert [f.wording for f in r.training_feedback] == ["这里就是这样的"]
    data = json.loads(json.dumps(r.to_json()))
    assert data["date_from"] == "2026-11-01" and data["received"] == 5
    assert data["training_feedback"][0]["received_at"].startswith("2026-11-04T09:00:00+08:00")
    sanlitun = run(svc.report(dt.date(2026, 11, 1), dt.date(2026, 11, 30), "Beijing Sanlitun"))
    assert sanlitun.received == 1 and sanlitun.promises_made == 1
    assert sanlitun.median_resolution_hours is None
    october = run(svc.report(dt.date(2026, 10, 31), dt.date(2026, 10, 31)))
    assert october.received == 1


def test_feedback_csv_neutralises_formulas() -> None:
    row = FeedbackRow(
        1,
        dt.datetime(2026, 11, 2, 9, 0, tzinfo=SH),
        "Jing'an",
        CauseCategory.SERVICE_ATTITUDE,
        "=HYPERLINK(1)",
        "ours",
        "@SUM",
        "+这里就是这样的",
    )
    text = feedback_csv([row])
    assert text.splitlines()[0].startswith("complaint_id,received_at,store,category")
    assert "'=HYPERLINK(1)" in text and "'@SUM" in text and "'+这里就是这样的" in text


# --- CLI -------------------------------------------------------------------------------


def cli_main(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out=out), out.getvalue()


def test_cli_list_and_report(runner: DatabaseRunner, db_path: Path) -> None:
    build_report_fixture(runner)
    runner.close()
    code, out = cli_main("complaints", "list", "--db", str(db_path), "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["status"] for r in rows} == {"new", "in_progress"}
    assert set(rows[0]) >= {"id", "who", "status", "promise_due", "promise", "summary"}
    code, out = cli_main("complaints", "list", "--db", str(db_path), "--status", "voided", "--json")
    assert code == 0 and [r["status"] for r in json.loads(out)] == ["voided"]
    code, out = cli_main("complaints", "list", "--db", str(db_path), "--overdue", "--json")
    assert code == 0 and all(r["promise"] == "overdue" for r in json.loads(out))
    period = ("--from", "2026-11-01", "--to", "2026-11-30")
    code, out = cli_main("report", "complaints", "--db", str(db_path), *period, "--json")
    assert code == 0
    data = json.loads(out)
    # The CLI reads the time zone setting (the computer's zone here), so compare counts
    # that do not depend on it.
    assert data["by_category"]["product_quality"] == 2
    assert data["training_feedback"][0]["wording"] == "这里就是这样的"
    code, out = cli_main("report", "complaints", "--db", str(db_path))
    assert code == 0 and out.startswith("complaints ")


def test_cli_errors(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = cli_main("report", "complaints", "--db", str(db_path), "--from", "2026-02-30")
    assert code == 2 and "not a date" in capsys.readouterr().err
    code, _ = cli_main(
        "report", "complaints", "--db", str(db_path), "--from", "2026-03-02", "--to", "2026-03-01"
    )
    assert code == 2
    code, _ = cli_main("complaints", "list", "--db", str(db_path), "--limit", "0")
    assert code == 2
    bad = db_path.parent / "not.db"
    bad.write_text("hello, not a database")
    code, _ = cli_main("complaints", "list", "--db", str(bad))
    assert code == 1 and "not a Service Console database" in capsys.readouterr().err


# --- drafts after a crash --------------------------------------------------------------

WRITER = """
import asyncio, sys, datetime as dt
from console.storage.sqlite.runner import DatabaseRunner
from console.services.settings import SettingsService
from console.services.complaints import ComplaintService
r = DatabaseRunner(sys.argv[1]); r.open()
svc = ComplaintService(r, SettingsService(r))
async def main():
    i = 0
    while True:
        i += 1
        await svc.save_draft("form-1", f"Wang: draft {i}", {"i": i, "words": "死机" * 50})
        print(i, flush=True)
asyncio.run(main())
"""


def test_draft_survives_a_killed_process(db_path: Path, runner: DatabaseRunner) -> None:
    runner.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    last = 0
    deadline = time.monotonic() + 60
    while last < 30 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        last = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert proc.stderr is not None
    proc.stderr.close()
    assert last >= 30
    with DatabaseRunner(db_path) as again:
        drafts = run(ComplaintService(again, SettingsService(again)).drafts())
    assert len(drafts) == 1
    draft = drafts[0]
    # The kill may land after a commit it had no time to print: last or one more.
    assert draft.payload["i"] in (last, last + 1)
    assert draft.summary == f"Wang: draft {draft.payload['i']}"
    assert draft.payload["words"] == "死机" * 50


@both
def test_drafts_save_replace_discard(svc: ComplaintService) -> None:
    run(svc.save_draft("a", "one", {"x": 1}))
    run(svc.save_draft("a", "two", {"x": 2}))
    assert [(d.key, d.summary, d.payload) for d in run(svc.drafts())] == [("a", "two", {"x": 2})]
    with pytest.raises(ValueError):
        run(svc.save_draft("b", "bad", {"x": object()}))
    run(svc.discard_draft("a"))
    assert run(svc.drafts()) == []


@both
def test_block_terms_stop_the_save_of_customer_facing_text(
    backend: Store, aclock: FixedClock
) -> None:
    from console.services.phrasebooks import PhrasebookService

    settings = SettingsService(backend)
    svc = ComplaintService(
        backend, settings, clock=aclock, zone=SH, phrasebooks=PhrasebookService(backend, settings)
    )
    with pytest.raises(ValidationFailed) as refused:
        new(svc, apology="这里就是这样的")
    assert set(refused.value.errors) == {"apology"}
    cid = new(svc, apology="给您添麻烦了，非常抱歉。")
    c = run(svc.get(cid)).complaint
    c.reply = "Sorry, you people always ask that."
    with pytest.raises(ValidationFailed) as refused:
        run(svc.update(c))
    assert set(refused.value.errors) == {"reply"}


@both
def test_a_reports_cut_summaries_can_be_read_whole(svc: ComplaintService) -> None:
    words = "The heel came off on the second day, and the shop said it was normal wear. " * 3
    long_one = new(svc, customer_words=words)
    short_one = new(svc)
    whole = run(svc.whole_summaries([long_one, short_one, 999_999]))
    assert whole[long_one] == words
    assert whole[short_one] == "The phone freezes again."
    assert 999_999 not in whole
    assert run(svc.whole_summaries([])) == {}


# --- demo complaints ---------------------------------------------------------------------


def test_demo_complaints_come_with_their_histories(backend: Any) -> None:
    from console.services.demo_complaints import fill_demo_complaints

    now = dt.datetime(2026, 11, 2, 1, 0, tzinfo=dt.UTC)
    made = fill_demo_complaints(backend, 400, seed=3, now=now)
    again = fill_demo_complaints(backend, 10, seed=3, now=now)
    assert made.complaints == 400
    assert again.first_id == made.first_id + 400  # ids come from the database
    details = [
        backend.read_now(lambda r, i=i: r.complaints.detail(i))
        for i in range(made.first_id, made.first_id + 400)
    ]
    assert sum(d.complaint.status.is_open for d in details) == made.open > 0
    for d in details:
        assert d.history[0].after is Status.NEW
        assert d.history[-1].after is d.complaint.status
        assert all(e.at <= now for e in d.history)
        if d.complaint.promise_due is not None:
            assert d.promises[0].due == d.complaint.promise_due
    assert any(d.follow_ups for d in details)
    assert any(d.complaint.status is Status.VOIDED for d in details)


# --- stored instants (migration 0013) -------------------------------------------------------


def test_complaint_times_in_unix_seconds_migrate_to_the_same_instants(db_path: Path) -> None:
    import sqlite_utils

    from console.repositories.complaints import QueueBounds, QueueName
    from console.storage.sqlite import schema
    from tests.unit.local_zone import local_zone

    # The night London's clocks go forward: local wall times would be ambiguous there.
    received = dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.UTC)
    due = received + dt.timedelta(hours=2)
    secs = int(received.timestamp())
    with local_zone("Europe/London"):
        old = sqlite_utils.Database(db_path)
        schema.migrations.apply(old, stop_before="0013_complaint_instants")
        old.execute(
            "INSERT INTO complaints (id, channel, received_at, customer_words, status, "
            "promise_due, follow_up_due, updated_at) VALUES (7, 'phone', ?, 'late', 'new', ?, "
            "NULL, ?)",
            [secs, secs + 7200, secs],
        )
        old.execute(
            "INSERT INTO complaint_events (complaint_id, at, by, after, note) "
            "VALUES (7, ?, 'Li', 'new', 'received')",
            [secs],
        )
        old.execute(
            "INSERT INTO complaint_promises (complaint_id, at, by, due, previous_due) "
            "VALUES (7, ?, 'Li', ?, NULL)",
            [secs, secs + 7200],
        )
        old.execute(
            "INSERT INTO complaint_drafts (key, saved_at, summary, payload) "
            "VALUES ('k', ?, 's', '{}')",
            [secs],
        )
        old.conn.commit()
        old.close()
    with local_zone("America/New_York"), DatabaseRunner(db_path) as r:
        detail = r.read_now(lambda repos: repos.complaints.detail(7))
        assert detail.complaint.received_at == received
        assert detail.complaint.promise_due == due
        # 0015: version 1, last changed by whoever wrote the last history entry.
        assert (detail.complaint.version, detail.complaint.changed_by) == (1, "Li")
        assert [e.at for e in detail.history] == [received]
        assert [(p.at, p.due, p.previous_due) for p in detail.promises] == [(received, due, None)]
        assert [d.saved_at for d in r.read_now(lambda repos: repos.complaints.drafts("", ""))] == [
            received
        ]

        # Ranges still compare: overdue after the promise, due soon just before it.
        def queue(name: QueueName, now: dt.datetime) -> list[int]:
            bounds = QueueBounds("Li", now, now + dt.timedelta(minutes=30), now)
            return [q.id for q in r.read_now(lambda repos: repos.complaints.queue(name, bounds))]

        assert queue(QueueName.OVERDUE, due + dt.timedelta(seconds=1)) == [7]
        assert queue(QueueName.OVERDUE, due - dt.timedelta(seconds=1)) == []
        assert queue(QueueName.DUE_SOON, due - dt.timedelta(minutes=20)) == [7]
        # The append-only triggers are back.
        with pytest.raises(sqlite3.IntegrityError):
            r.call(lambda db: db.execute("UPDATE complaint_events SET by = 'x'"))
        with pytest.raises(sqlite3.IntegrityError):
            r.call(lambda db: db.execute("DELETE FROM complaints"))
        types = r.call(
            lambda db: db.execute(
                "SELECT typeof(received_at), typeof(promise_due) FROM complaints"
            ).fetchone()
        )
        assert types == ("text", "text")


# --- two people, one complaint (version) -------------------------------------------------


@both
def test_a_change_made_from_an_older_version_is_refused_with_who_and_when(
    backend: Store, aclock: FixedClock
) -> None:
    from console.domain.complaint import ComplaintChanged

    settings = SettingsService(backend)
    li = ComplaintService(
        backend, settings, clock=aclock, zone=SH, identity=signed_in(backend, "agent", "Li", aclock)
    )
    wang = ComplaintService(
        backend,
        settings,
        clock=aclock,
        zone=SH,
        identity=signed_in(backend, "manager", "Wang", aclock),
    )
    cid = new(li)
    seen = run(li.get(cid)).complaint
    assert (seen.version, seen.changed_by) == (1, "Li")
    aclock.advance(minutes=5)
    started = run(wang.act(cid, Action.START, version=seen.version))
    assert (started.version, started.changed_by) == (2, "Wang")
    # Li still looks at version 1: resolving it now would decide on what Wang changed.
    aclock.advance(minutes=1)
    with pytest.raises(ComplaintChanged) as refused:
        run(li.act(cid, Action.RESOLVE, "fixed", version=seen.version))
    assert refused.value.changed_by == "Wang"
    assert refused.value.changed_at == aclock.utc().replace(microsecond=0) - dt.timedelta(minutes=1)
    with pytest.raises(ComplaintChanged):
        run(li.extend_promise(cid, li.now() + dt.timedelta(days=1), "later", version=1))
    with pytest.raises(ComplaintChanged):
        run(li.update(replace(seen, understanding="screen freezes")))
    detail = run(li.get(cid))
    assert detail.complaint.status is Status.IN_PROGRESS  # nothing of Li's was written
    assert detail.complaint.understanding == ""
    assert len(detail.history) == 2 and len(detail.promises) == 1
    # After reloading, Li's change goes through and moves the version on.
    fresh = detail.complaint
    saved = run(li.update(replace(fresh, understanding="screen freezes")))
    assert (saved.version, saved.changed_by, saved.understanding) == (3, "Li", "screen freezes")
    done = run(li.act(cid, Action.RESOLVE, "fixed", version=saved.version))
    assert done.status is Status.RESOLVED and done.version == 4
    # Without a version (the command line) a change applies to the latest state.
    assert run(wang.record_follow_up(cid, 5, "happy")).version == 5


# --- drafts belong to the person and the console ------------------------------------------


@both
def test_drafts_are_offered_only_to_who_typed_them_where_they_did(
    backend: Store, aclock: FixedClock
) -> None:
    settings = SettingsService(backend)
    li_id = signed_in(backend, "agent", "Li", aclock)
    wang_id = signed_in(backend, "agent", "Wang", aclock)

    def service(identity: Any, console: str) -> ComplaintService:
        return ComplaintService(
            backend, settings, clock=aclock, zone=SH, identity=identity, console_id=console
        )

    li_desk, li_back = service(li_id, "desk-1"), service(li_id, "back-office")
    wang_desk = service(wang_id, "desk-1")
    run(li_desk.save_draft("form-1", "Wang Fang: phone", {"words": "freezes"}))
    assert [d.key for d in run(li_desk.drafts())] == ["form-1"]
    assert run(wang_desk.drafts()) == []  # another person at the same terminal
    assert run(li_back.drafts()) == []  # the same person at another terminal
    # Nobody else can replace or discard it, even knowing its key.
    run(wang_desk.save_draft("form-1", "overwritten", {"words": "x"}))
    run(wang_desk.discard_draft("form-1"))
    run(li_back.discard_draft("form-1"))
    assert [(d.summary, d.payload) for d in run(li_desk.drafts())] == [
        ("Wang Fang: phone", {"words": "freezes"})
    ]
    run(li_desk.discard_draft("form-1"))
    assert run(li_desk.drafts()) == []


def test_console_id_is_made_once_and_kept_in_the_consoles_settings(tmp_path: Path) -> None:
    from console.services.complaints import CONSOLE_ID_KEY, console_id
    from console.storage.console_config import ConsoleConfig

    config = ConsoleConfig(tmp_path / "settings.json")
    made = console_id(config)
    assert made and config.get(CONSOLE_ID_KEY) == made
    assert console_id(ConsoleConfig(tmp_path / "settings.json")) == made  # after a restart
    other = console_id(ConsoleConfig(tmp_path / "other" / "settings.json"))
    assert other != made

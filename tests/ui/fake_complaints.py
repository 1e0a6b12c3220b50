"""An honest in-memory ComplaintService for widget tests.

It overrides every method of the contract and applies the domain rules of
console.domain.complaint (validation, status machine, promise extension, follow-up clock,
promise states), so the UI flows exercised against it are the real ones. Nothing is
stored; the clock is a plain attribute the test moves (``fake.clock += timedelta(...)``).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from console.domain import complaint as d
from console.domain import messages as msg
from console.domain.complaint import (
    Action,
    CauseCategory,
    Complaint,
    ComplaintChanged,
    FollowUp,
    PromiseChange,
    PromiseState,
    Status,
    StatusChange,
)
from console.domain.roles import Permission, Role
from console.services.complaints import (
    ComplaintDetail,
    ComplaintReport,
    ComplaintService,
    Draft,
    FeedbackRow,
    PermissionRefused,
    Queue,
    QueueRow,
    QueueSort,
)
from console.services.customers import ValidationFailed

ZONE = ZoneInfo("Asia/Shanghai")
FAR = dt.datetime.max.replace(tzinfo=dt.UTC)


class FakeComplaints(ComplaintService):
    def __init__(
        self,
        now: dt.datetime,
        *,
        agent: str = "Mei",
        store: str = "Shanghai Jing'an",
        role: str = "manager",
        customer_names: dict[int, str] | None = None,
    ) -> None:
        self.clock = now
        self.agent = agent
        self.store = store
        self.role = role
        self.customer_names: dict[int, str] = dict(customer_names or {})
        self.items: dict[int, Complaint] = {}
        self.history: dict[int, list[StatusChange]] = {}
        self.promises: dict[int, list[PromiseChange]] = {}
        self.follow_ups: dict[int, list[FollowUp]] = {}
        self.saved_drafts: dict[str, Draft] = {}
        self.notified: set[tuple[int, PromiseState]] = set()
        #: (method, time.monotonic()) of every call, for timing checks.
        self.calls: list[tuple[str, float]] = []

    # --- helpers -----------------------------------------------------------------------

    def _log(self, name: str) -> None:
        self.calls.append((name, time.monotonic()))

    def _get(self, complaint_id: int) -> Complaint:
        try:
            return self.items[complaint_id]
        except KeyError:
            raise KeyError(f"no complaint #{complaint_id}") from None

    def _name(self, c: Complaint) -> str:
        if c.customer_id is not None and c.customer_id in self.customer_names:
            return self.customer_names[c.customer_id]
        return c.who

    def _row(self, c: Complaint) -> QueueRow:
        assert c.id is not None and c.received_at is not None
        return QueueRow(
            id=c.id,
            who=self._name(c),
            customer_id=c.customer_id,
            status=c.status,
            channel=c.channel,
            emotion=c.emotion,
            store=c.store,
            agent=c.agent,
            received_at=c.received_at,
            promise_due=c.promise_due,
            follow_up_due=c.follow_up_due,
            promise=self._promise(c),
            summary=c.customer_words[:80],
        )

    def _promise(self, c: Complaint) -> PromiseState:
        answered = c.resolved_at if not c.status.is_open else None
        return d.promise_state(c.promise_due, self.clock, answered_at=answered)

    def _change(self, cid: int, before: Status | None, after: Status, note: str = "") -> None:
        by = self.agent
        self.history.setdefault(cid, []).append(StatusChange(self.clock, by, before, after, note))

    def _check(self, c: Complaint, version: int | None) -> None:
        """As the real service: refused when changed since *version*; else a new version."""
        assert c.id is not None
        if version is not None and version != c.version:
            raise ComplaintChanged(c.id, c.changed_by, c.changed_at)
        self._bump(c, self.agent)

    def _bump(self, c: Complaint, by: str) -> None:
        c.version += 1
        c.changed_by = by
        c.changed_at = self.clock

    def changed_elsewhere(self, complaint_id: int, by: str) -> None:
        """Someone at another console changed the complaint (a note, say)."""
        self._bump(self._get(complaint_id), by)

    # --- capture -----------------------------------------------------------------------

    async def create(self, complaint: Complaint) -> int:
        self._log("create")
        errors = d.validate_complaint(complaint, self.clock)
        if errors:
            raise ValidationFailed(errors)
        cid = max(self.items, default=0) + 1
        c = replace(
            complaint,
            id=cid,
            received_at=complaint.received_at or self.clock,
            agent=complaint.agent or self.agent,
            store=complaint.store or self.store,
            options_offered=list(complaint.options_offered),
            version=1,
            changed_by=self.agent,
            changed_at=self.clock,
        )
        if c.status is Status.RESOLVED:  # solved on the spot
            c.resolved_at = self.clock
            c.first_response_at = self.clock
            c.follow_up_due = d.follow_up_due(self.clock)
        self.items[cid] = c
        self._change(cid, None, c.status)
        if c.promise_due is not None:
            self.promises[cid] = [PromiseChange(self.clock, c.agent, c.promise_due, None, "")]
        return cid

    async def update(self, complaint: Complaint) -> Complaint:
        self._log("update")
        assert complaint.id is not None
        old = self._get(complaint.id)
        saved = replace(
            complaint,
            status=old.status,
            promise_due=old.promise_due,
            first_response_at=old.first_response_at,
            resolved_at=old.resolved_at,
            follow_up_due=old.follow_up_due,
            version=old.version,
            changed_by=old.changed_by,
            changed_at=old.changed_at,
        )
        self._check(saved, complaint.version or None)
        self.items[complaint.id] = saved
        return replace(saved)

    async def act(
        self, complaint_id: int, action: Action, note: str = "", *, version: int | None = None
    ) -> Complaint:
        self._log(f"act:{action.value}")
        c = self._get(complaint_id)
        after = d.next_status(c.status, action)
        if action is Action.VOID:
            if self.role != "manager":
                raise PermissionRefused(Role.AGENT, Permission.VOID_COMPLAINT)
            if not note.strip():
                raise msg.Refusal(msg.VoidWithoutReason())
            c.void_reason = note
        if c.first_response_at is None:
            c.first_response_at = self.clock
        if action is Action.RESOLVE:
            c.resolved_at = self.clock
            c.follow_up_due = d.follow_up_due(self.clock)
        self._check(c, version)
        before = c.status
        c.status = after
        self._change(complaint_id, before, after, note)
        return replace(c)

    async def extend_promise(
        self, complaint_id: int, new_due: dt.datetime, note: str, *, version: int | None = None
    ) -> Complaint:
        self._log("extend_promise")
        c = self._get(complaint_id)
        extended, change = d.extend_promise(c, new_due, note, by=self.agent, now=self.clock)
        self._check(extended, version)
        self.items[complaint_id] = extended
        self.promises.setdefault(complaint_id, []).append(change)
        return replace(extended)

    async def record_follow_up(
        self, complaint_id: int, satisfaction: int, note: str, *, version: int | None = None
    ) -> Complaint:
        self._log("record_follow_up")
        c = self._get(complaint_id)
        follow_up = FollowUp(self.clock, self.agent, satisfaction, note)
        dissatisfied = follow_up.dissatisfied  # validates 1–5
        after = d.next_status(c.status, Action.FOLLOW_UP)
        self._check(c, version)
        self.follow_ups.setdefault(complaint_id, []).append(follow_up)
        before = c.status
        c.status = after
        self._change(complaint_id, before, after, note)
        if dissatisfied:
            c.status = d.next_status(c.status, Action.REOPEN)
            self._change(complaint_id, after, c.status, "dissatisfied at follow-up")
        return replace(c)

    async def link_customer(
        self, complaint_id: int, customer_id: int, *, version: int | None = None
    ) -> None:
        c = self._get(complaint_id)
        self._check(c, version)
        c.customer_id = customer_id

    async def get(self, complaint_id: int) -> ComplaintDetail | None:
        c = self.items.get(complaint_id)
        if c is None:
            return None
        return ComplaintDetail(
            complaint=replace(c),
            customer_name=self._name(c),
            history=list(self.history.get(complaint_id, [])),
            promises=list(self.promises.get(complaint_id, [])),
            follow_ups=list(self.follow_ups.get(complaint_id, [])),
        )

    # --- queues ------------------------------------------------------------------------

    def _in_queue(self, c: Complaint, queue: Queue) -> bool:
        state = self._promise(c)
        if queue is Queue.MINE_OPEN:
            return c.status.is_open and c.agent == self.agent
        if queue is Queue.DUE_SOON:
            return c.status.is_open and state is PromiseState.DUE_SOON
        if queue is Queue.OVERDUE:
            return c.status.is_open and state is PromiseState.OVERDUE
        if queue is Queue.FOLLOW_UPS_TODAY:
            end = dt.datetime.combine(
                self.clock.astimezone(ZONE).date() + dt.timedelta(days=1), dt.time(), ZONE
            )
            return (
                c.status is Status.RESOLVED
                and c.follow_up_due is not None
                and c.follow_up_due < end
            )
        return c.status.is_open

    def _sorted(self, items: list[Complaint], sort: QueueSort) -> list[Complaint]:
        if sort is QueueSort.RECEIVED:
            return sorted(items, key=lambda c: (c.received_at or FAR, c.id or 0), reverse=True)
        if sort is QueueSort.CUSTOMER:
            return sorted(items, key=lambda c: (self._name(c).casefold(), c.id or 0))
        if sort is QueueSort.STATUS:
            order = list(Status)
            return sorted(items, key=lambda c: (order.index(c.status), c.id or 0))
        return sorted(items, key=lambda c: (c.promise_due or c.follow_up_due or FAR, c.id or 0))

    async def queue(
        self,
        queue: Queue,
        offset: int = 0,
        limit: int = 50,
        sort: QueueSort = QueueSort.DUE,
    ) -> list[QueueRow]:
        self._log(f"queue:{queue.value}")
        chosen = [c for c in self.items.values() if self._in_queue(c, queue)]
        return [self._row(c) for c in self._sorted(chosen, sort)[offset : offset + limit]]

    async def count(self, queue: Queue) -> int:
        return sum(1 for c in self.items.values() if self._in_queue(c, queue))

    async def open_for_customer(self, customer_id: int) -> list[QueueRow]:
        self._log("open_for_customer")
        chosen = [c for c in self.items.values() if c.customer_id == customer_id]
        return [self._row(c) for c in self._sorted(chosen, QueueSort.DUE) if c.status.is_open]

    async def due_soon_to_notify(self) -> list[QueueRow]:
        self._log("due_soon_to_notify")
        rows = []
        for c in self._sorted(list(self.items.values()), QueueSort.DUE):
            assert c.id is not None
            state = self._promise(c)
            if not c.status.is_open or c.agent != self.agent:
                continue
            if state in (PromiseState.DUE_SOON, PromiseState.OVERDUE):
                if (c.id, state) in self.notified:
                    continue
                self.notified.add((c.id, state))
                rows.append(self._row(c))
        return rows

    # --- report ------------------------------------------------------------------------

    async def whole_summaries(self, complaint_ids: Sequence[int]) -> dict[int, str]:
        self._log("whole_summaries")
        return {cid: self.items[cid].customer_words for cid in complaint_ids if cid in self.items}

    async def report(
        self,
        date_from: dt.date,
        date_to: dt.date,
        store: str | None = None,
        *,
        feedback_limit: int | None = None,
    ) -> ComplaintReport:
        self._log("report")
        chosen = [
            c
            for c in self.items.values()
            if c.received_at is not None
            and date_from <= c.received_at.astimezone(ZONE).date() <= date_to
            and (store is None or c.store == store)
            and c.status is not Status.VOIDED
        ]
        by_category = Counter(c.cause.value if c.cause else "unrecorded" for c in chosen)
        by_cause = Counter(
            (c.cause.value if c.cause else "unrecorded", c.sub_cause) for c in chosen
        )
        first = [
            (c.first_response_at - c.received_at).total_seconds() / 60
            for c in chosen
            if c.first_response_at and c.received_at
        ]
        resolution = [
            (c.resolved_at - c.received_at).total_seconds() / 3600
            for c in chosen
            if c.resolved_at and c.received_at
        ]
        with_promise = [c for c in chosen if self.promises.get(c.id or 0)]
        kept = [
            c
            for c in with_promise
            if c.resolved_at is not None
            and d.promise_state(c.promise_due, self.clock, answered_at=c.resolved_at)
            is PromiseState.KEPT
        ]
        due = [c for c in chosen if c.follow_up_due is not None]
        done = [(c, self.follow_ups[c.id or 0][0]) for c in due if self.follow_ups.get(c.id or 0)]
        within = [
            c for c, f in done if c.resolved_at and f.at - c.resolved_at <= dt.timedelta(days=7)
        ]
        unhappy = [f for _c, f in done if f.dissatisfied]
        people = Counter((c.customer_id, self._name(c)) for c in chosen)
        repeat = [(cid, name, n) for (cid, name), n in people.most_common() if n >= 2]

        def feedback(category: CauseCategory) -> list[FeedbackRow]:
            return [
                FeedbackRow(
                    complaint_id=c.id or 0,
                    received_at=c.received_at or self.clock,
                    store=c.store,
                    category=category,
                    sub_cause=c.sub_cause,
                    responsibility=c.responsibility.value if c.responsibility else "",
                    summary=c.customer_words[:80],
                    wording=c.wording_that_went_wrong,
                )
                for c in chosen
                if c.cause is category
            ]

        return ComplaintReport(
            date_from=date_from,
            date_to=date_to,
            store=store,
            received=len(chosen),
            by_category=dict(by_category.most_common()),
            by_cause=[(cat, sub, n) for (cat, sub), n in by_cause.most_common()],
            by_status=dict(Counter(c.status.value for c in chosen)),
            median_first_response_minutes=d.median(first),
            median_resolution_hours=d.median(resolution),
            promises_made=len(with_promise),
            promises_kept=len(kept),
            promises_kept_pct=d.percent(len(kept), len(with_promise)),
            follow_ups_due=len(due),
            follow_ups_within_7_days=len(within),
            follow_ups_within_7_days_pct=d.percent(len(within), len(due)),
            follow_ups_done=len(done),
            dissatisfied=len(unhappy),
            dissatisfaction_pct=d.percent(len(unhappy), len(done)),
            repeat_complainers=repeat,
            product_feedback=feedback(CauseCategory.PRODUCT_QUALITY),
            training_feedback=feedback(CauseCategory.SERVICE_ATTITUDE),
        )

    # --- drafts ------------------------------------------------------------------------

    async def save_draft(self, key: str, summary: str, payload: dict[str, Any]) -> None:
        self._log("save_draft")
        self.saved_drafts[key] = Draft(key, self.clock, summary, dict(payload))

    async def drafts(self) -> list[Draft]:
        self._log("drafts")
        return sorted(self.saved_drafts.values(), key=lambda draft: draft.saved_at)

    async def discard_draft(self, key: str) -> None:
        self._log("discard_draft")
        self.saved_drafts.pop(key, None)

    async def current_agent(self) -> str:
        return self.agent

    def now(self) -> dt.datetime:
        return self.clock

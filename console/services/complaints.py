"""Complaint use cases: capture, promises, status changes, follow-up, queues, reports, drafts.

Async API for the window (work runs on the database thread); the CLI uses the same
methods through ``asyncio.run``. No Qt, no SQL here: console/storage/complaints.py does
the SQL.

API CONTRACT (shared by the storage/service branch and the UI branch; the bodies are
filled in by the service branch — the signatures and dataclasses below are fixed).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from console.domain.complaint import (
    Action,
    CauseCategory,
    Channel,
    Complaint,
    Emotion,
    FollowUp,
    PromiseChange,
    PromiseState,
    Status,
    StatusChange,
)


class Queue(enum.StrEnum):
    MINE_OPEN = "mine"  # my open complaints (agent = this console's staff name)
    DUE_SOON = "due_soon"  # open, promise due within DUE_SOON
    OVERDUE = "overdue"  # open, promise lapsed (managers' escalation view)
    FOLLOW_UPS_TODAY = "follow_ups"  # resolved, follow-up due by the end of today (or late)
    ALL_OPEN = "open"


class QueueSort(enum.StrEnum):
    DUE = "due"  # soonest promise / follow-up first (default)
    RECEIVED = "received"  # newest first
    CUSTOMER = "customer"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    who: str  # customer's display name, or the walk-in caller's name/contact
    customer_id: int | None
    status: Status
    channel: Channel
    emotion: Emotion
    store: str
    agent: str
    received_at: dt.datetime
    promise_due: dt.datetime | None
    follow_up_due: dt.datetime | None
    promise: PromiseState  # at the time the row was read
    summary: str  # first ~80 characters of what happened


@dataclass(slots=True)
class ComplaintDetail:
    complaint: Complaint
    customer_name: str  # display name of the linked customer, or the caller's name
    history: list[StatusChange] = field(default_factory=list)
    promises: list[PromiseChange] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Draft:
    key: str  # one per form instance (uuid4 hex)
    saved_at: dt.datetime
    summary: str  # who + first words, for the "recover drafts" offer
    payload: dict[str, Any]  # the form's fields as JSON-safe values


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    """One complaint routed to the people who can fix its cause."""

    complaint_id: int
    received_at: dt.datetime
    store: str
    category: CauseCategory
    sub_cause: str
    responsibility: str
    summary: str
    wording: str  # service attitude: the wording that went wrong, when recorded


@dataclass(slots=True)
class ComplaintReport:
    date_from: dt.date
    date_to: dt.date  # inclusive
    store: str | None
    received: int
    by_category: dict[str, int]  # CauseCategory value (or "unrecorded") → count
    by_cause: list[tuple[str, str, int]]  # (category, sub_cause, count), most first
    by_status: dict[str, int]
    median_first_response_minutes: float | None
    median_resolution_hours: float | None
    promises_made: int
    promises_kept: int
    promises_kept_pct: float | None
    follow_ups_due: int  # resolved complaints whose follow-up was due in the period
    follow_ups_within_7_days: int
    follow_ups_within_7_days_pct: float | None
    follow_ups_done: int
    dissatisfied: int  # satisfaction ≤ 2 at follow-up
    dissatisfaction_pct: float | None
    repeat_complainers: list[tuple[int | None, str, int]]  # (customer_id, name, count) ≥ 2
    product_feedback: list[FeedbackRow]
    training_feedback: list[FeedbackRow]

    def to_json(self) -> dict[str, Any]:
        raise NotImplementedError


class PermissionRefused(PermissionError):
    """The current role may not do this (e.g. void needs a manager)."""


class ComplaintService:
    """Signatures fixed by the contract above."""

    async def create(self, complaint: Complaint) -> int:
        """Validate (ValidationFailed from services.customers with field errors), stamp
        received_at/agent/store defaults, record the creation in history and the first
        promise in promise history; returns the new id."""
        raise NotImplementedError

    async def update(self, complaint: Complaint) -> None:
        """Save edited capture fields of an existing complaint (not status/promise)."""
        raise NotImplementedError

    async def act(self, complaint_id: int, action: Action, note: str = "") -> Complaint:
        """Apply a status action (TransitionRefused, PermissionRefused for void by
        non-managers; void needs a note = reason). Resolve stamps resolved_at and
        schedules follow_up_due; the first action after creation stamps
        first_response_at."""
        raise NotImplementedError

    async def extend_promise(self, complaint_id: int, new_due: dt.datetime, note: str) -> Complaint:
        raise NotImplementedError

    async def record_follow_up(self, complaint_id: int, satisfaction: int, note: str) -> Complaint:
        """Resolved → followed up; a dissatisfied follow-up (≤ 2) reopens it."""
        raise NotImplementedError

    async def link_customer(self, complaint_id: int, customer_id: int) -> None:
        raise NotImplementedError

    async def get(self, complaint_id: int) -> ComplaintDetail | None:
        raise NotImplementedError

    async def queue(
        self,
        queue: Queue,
        offset: int = 0,
        limit: int = 50,
        sort: QueueSort = QueueSort.DUE,
    ) -> list[QueueRow]:
        raise NotImplementedError

    async def count(self, queue: Queue) -> int:
        raise NotImplementedError

    async def open_for_customer(self, customer_id: int) -> list[QueueRow]:
        raise NotImplementedError

    async def due_soon_to_notify(self) -> list[QueueRow]:
        """Open complaints of this console's agent whose promise is due soon or overdue
        and who have not been notified of that state yet; marks them notified."""
        raise NotImplementedError

    async def report(
        self, date_from: dt.date, date_to: dt.date, store: str | None = None
    ) -> ComplaintReport:
        raise NotImplementedError

    async def save_draft(self, key: str, summary: str, payload: dict[str, Any]) -> None:
        raise NotImplementedError

    async def drafts(self) -> list[Draft]:
        raise NotImplementedError

    async def discard_draft(self, key: str) -> None:
        raise NotImplementedError

    def now(self) -> dt.datetime:
        """Aware current time (the injected clock)."""
        raise NotImplementedError

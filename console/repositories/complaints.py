"""The complaints repository (see :mod:`console.repositories`).

Complaints with their append-only histories (status changes, promises, follow-up calls),
the queues and report figures read from them, and the complaint form's drafts. Every
instant goes in and comes out aware (UTC when read); the service shows it in the store's
zone.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from console.domain.complaint import (
    Channel,
    Complaint,
    Emotion,
    FollowUp,
    PromiseChange,
    Status,
    StatusChange,
)


class ComplaintNotFound(LookupError):
    def __init__(self, complaint_id: int) -> None:
        super().__init__(f"there is no complaint #{complaint_id}")
        self.complaint_id = complaint_id


class QueueName(enum.StrEnum):
    """The stored queues (the service's ``Queue`` has the same values)."""

    MINE = "mine"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    FOLLOW_UPS = "follow_ups"
    OPEN = "open"


class QueueOrder(enum.StrEnum):
    DUE = "due"
    RECEIVED = "received"
    CUSTOMER = "customer"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class QueueBounds:
    """What the queues are measured against: whose queue, now, "due soon" and the end of
    the store's day (follow-ups due today)."""

    agent: str
    now: dt.datetime
    soon: dt.datetime
    day_end: dt.datetime


@dataclass(frozen=True, slots=True)
class QueueRecord:
    """One queue row as stored (aware instants)."""

    id: int
    who: str
    customer_id: int | None
    status: Status
    channel: Channel
    emotion: Emotion
    store: str
    agent: str
    received_at: dt.datetime
    promise_due: dt.datetime | None
    follow_up_due: dt.datetime | None
    summary: str
    resolved_at: dt.datetime | None


@dataclass(slots=True)
class Change:
    """What a change to a complaint writes: the new clock fields and history rows."""

    complaint: Complaint
    events: list[StatusChange] = field(default_factory=list)
    promises: list[PromiseChange] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    reset_notified: bool = False


@dataclass(slots=True)
class Detail:
    complaint: Complaint
    customer_name: str
    history: list[StatusChange]
    promises: list[PromiseChange]
    follow_ups: list[FollowUp]


@dataclass(slots=True)
class HistoricComplaint:
    """A complaint with its whole history as it happened (demo data, bulk loads): the
    complaint's clock fields are as they stand after the history."""

    complaint: Complaint
    events: list[StatusChange] = field(default_factory=list)
    promises: list[PromiseChange] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """Complaints received in ``[start, end)``, optionally of one store, measured at *now*."""

    start: dt.datetime
    end: dt.datetime
    store: str | None
    now: dt.datetime


@dataclass(frozen=True, slots=True)
class CauseCount:
    cause: str | None
    sub_cause: str
    status: str
    count: int


@dataclass(frozen=True, slots=True)
class RepeatComplainer:
    customer_id: int | None
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    complaint_id: int
    received_at: dt.datetime
    store: str
    cause: str
    sub_cause: str
    responsibility: str
    summary: str
    wording: str


@dataclass(slots=True)
class ReportFigures:
    """Raw report figures for the complaints received in a :class:`ReportPeriod`."""

    groups: list[CauseCount]
    promises_made: int
    promises_kept: int
    median_first_response_s: float | None
    median_resolution_s: float | None
    follow_ups_due: int
    follow_ups_in_time: int
    follow_ups_done: int
    dissatisfied: int
    repeat: list[RepeatComplainer]
    feedback: list[FeedbackRecord]


@dataclass(frozen=True, slots=True)
class StoredDraft:
    """The complaint form as someone typed it (*payload*: the form's fields as JSON text),
    kept for that person (*owner*) at that console (*console*) only."""

    key: str
    saved_at: dt.datetime
    summary: str
    payload: str
    owner: str
    console: str


class ComplaintRepository(Protocol):
    # --- writing ---------------------------------------------------------------------

    def add(
        self,
        complaint: Complaint,
        *,
        events: Sequence[StatusChange],
        promise: PromiseChange | None,
        now: dt.datetime,
    ) -> int:
        """Store a new complaint with its first history entries; returns its new id."""
        ...

    def add_historic(self, complaints: Sequence[HistoricComplaint], *, now: dt.datetime) -> int:
        """Store complaints with their whole histories (ids from the database); returns
        the first new id."""
        ...

    def save_capture(self, complaint: Complaint, *, now: dt.datetime, by: str) -> Complaint:
        """Save the capture fields of an existing complaint as *by* (status and promise
        untouched); a first customer-facing reply stamps ``first_response_at`` when still
        empty. Raises ComplaintNotFound, and ComplaintChanged when the complaint is no
        longer at ``complaint.version`` (0: not checked). Returns it as saved."""
        ...

    def modify(
        self,
        complaint_id: int,
        change: Callable[[Complaint], Change],
        *,
        now: dt.datetime,
        by: str,
        expected_version: int | None = None,
    ) -> Complaint:
        """Read the complaint, compute *change* on it and write the result as *by* (call
        inside a write job: two consoles acting at once cannot interleave); every change
        moves the version on. Raises ComplaintNotFound, and ComplaintChanged when
        *expected_version* is given and the complaint is at another."""
        ...

    # --- reading ---------------------------------------------------------------------

    def get(self, complaint_id: int) -> Complaint | None: ...

    def detail(self, complaint_id: int) -> Detail | None: ...

    def customer_exists(self, customer_id: int) -> bool: ...

    def highest_customer_id(self) -> int:
        """The largest customer id in use (0: none) — the demo links complaints to them."""
        ...

    def queue(
        self,
        queue: QueueName,
        bounds: QueueBounds,
        *,
        offset: int = 0,
        limit: int = 50,
        order: QueueOrder = QueueOrder.DUE,
    ) -> list[QueueRecord]: ...

    def count(self, queue: QueueName, bounds: QueueBounds) -> int: ...

    def by_status(self, status: str, *, offset: int = 0, limit: int = 50) -> list[QueueRecord]:
        """Complaints in *status*, newest first."""
        ...

    def open_for_customer(self, customer_id: int) -> list[QueueRecord]: ...

    def take_notifications(
        self, *, agent: str, now: dt.datetime, soon: dt.datetime
    ) -> list[QueueRecord]:
        """The agent's open complaints that became due soon or overdue since they were last
        notified, marked as notified of that state (write job)."""
        ...

    def report(
        self, period: ReportPeriod, *, repeat_limit: int = 100, feedback_limit: int | None = None
    ) -> ReportFigures: ...

    def customer_words(self, ids: Sequence[int]) -> dict[int, str]:
        """The whole "what happened" text of each complaint in *ids*."""
        ...

    # --- drafts ----------------------------------------------------------------------

    def save_draft(self, draft: StoredDraft) -> None: ...

    def drafts(self, owner: str, console: str) -> list[StoredDraft]:
        """The drafts *owner* saved at *console*, newest first."""
        ...

    def delete_draft(self, key: str, owner: str, console: str) -> None: ...

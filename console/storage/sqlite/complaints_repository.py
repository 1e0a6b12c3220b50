"""The complaints repository on SQLite (implements :mod:`console.repositories.complaints`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import sqlite_utils

from console.domain.complaint import Complaint, PromiseChange, StatusChange
from console.repositories.complaints import (
    Change,
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
from console.storage.sqlite import complaints as store


class SqliteComplaints:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(
        self,
        complaint: Complaint,
        *,
        events: Sequence[StatusChange],
        promise: PromiseChange | None,
        now: dt.datetime,
    ) -> int:
        return store.insert_complaint(self.db, complaint, events=events, promise=promise, now=now)

    def add_historic(self, complaints: Sequence[HistoricComplaint], *, now: dt.datetime) -> int:
        return store.insert_historic(self.db, complaints, now=now)

    def save_capture(self, complaint: Complaint, *, now: dt.datetime, by: str) -> Complaint:
        return store.update_capture(self.db, complaint, now=now, by=by)

    def modify(
        self,
        complaint_id: int,
        change: Callable[[Complaint], Change],
        *,
        now: dt.datetime,
        by: str,
        expected_version: int | None = None,
    ) -> Complaint:
        return store.modify(
            self.db, complaint_id, change, now=now, by=by, expected_version=expected_version
        )

    def get(self, complaint_id: int) -> Complaint | None:
        return store.get_complaint(self.db, complaint_id)

    def detail(self, complaint_id: int) -> Detail | None:
        return store.get_detail(self.db, complaint_id)

    def customer_exists(self, customer_id: int) -> bool:
        return store.customer_exists(self.db, customer_id)

    def highest_customer_id(self) -> int:
        return store.highest_customer_id(self.db)

    def queue(
        self,
        queue: QueueName,
        bounds: QueueBounds,
        *,
        offset: int = 0,
        limit: int = 50,
        order: QueueOrder = QueueOrder.DUE,
    ) -> list[QueueRecord]:
        return store.list_queue(self.db, queue, bounds, offset=offset, limit=limit, order=order)

    def count(self, queue: QueueName, bounds: QueueBounds) -> int:
        return store.count_queue(self.db, queue, bounds)

    def by_status(self, status: str, *, offset: int = 0, limit: int = 50) -> list[QueueRecord]:
        return store.list_by_status(self.db, status, offset=offset, limit=limit)

    def open_for_customer(self, customer_id: int) -> list[QueueRecord]:
        return store.open_for_customer(self.db, customer_id)

    def take_notifications(
        self, *, agent: str, now: dt.datetime, soon: dt.datetime
    ) -> list[QueueRecord]:
        return store.take_notifications(self.db, agent=agent, now=now, soon=soon)

    def report(
        self, period: ReportPeriod, *, repeat_limit: int = 100, feedback_limit: int | None = None
    ) -> ReportFigures:
        return store.report_figures(
            self.db, period, repeat_limit=repeat_limit, feedback_limit=feedback_limit
        )

    def customer_words(self, ids: Sequence[int]) -> dict[int, str]:
        return store.customer_words(self.db, ids)

    def save_draft(self, draft: StoredDraft) -> None:
        store.save_draft(self.db, draft)

    def drafts(self, owner: str, console: str) -> list[StoredDraft]:
        return store.list_drafts(self.db, owner, console)

    def delete_draft(self, key: str, owner: str, console: str) -> None:
        store.delete_draft(self.db, key, owner, console)

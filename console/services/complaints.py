"""Complaint use cases: capture, promises, status changes, follow-up, queues, reports, drafts.

Async API for the window (work runs on the database thread); the CLI uses the same
methods through ``asyncio.run``. No Qt, no SQL here: jobs of the complaints repository
(console.repositories.complaints) on a Store do the storing.

API CONTRACT (shared by the storage/service branch and the UI branch; the bodies are
filled in by the service branch — the signatures and dataclasses below are fixed).

Time: the clock is aware (default: the system clock); every time the service returns is
in the store's zone — the ``zone`` given to the constructor, else the ``time_zone``
setting, else the computer's own IANA zone (:func:`console.services.settings.system_zone`,
UTC when it cannot be named). Storage keeps UTC.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from console.domain import messages as msg
from console.domain.clock import Clock, SystemClock
from console.domain.complaint import (
    DUE_SOON,
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
    apply_action,
    clean_complaint,
    is_dissatisfied,
    percent,
    promise_state,
    validate_complaint,
)
from console.domain.complaint import extend_promise as extend_domain_promise
from console.domain.roles import NotAllowed, Permission
from console.domain.text import clean_text
from console.domain.validation import ValidationFailed
from console.repositories import Store
from console.repositories.complaints import (
    Change,
    ComplaintNotFound,
    QueueBounds,
    QueueName,
    QueueOrder,
    QueueRecord,
    ReportPeriod,
    StoredDraft,
)
from console.services import settings as opts
from console.services.csv_io import neutralise_cell
from console.services.identity import Identity, Record
from console.services.settings import SettingsService, system_zone, zone_named

if TYPE_CHECKING:
    from console.services.phrasebooks import PhrasebookService

#: Repeat complainers listed in a report (most complaints first).
REPEAT_LIMIT = 100
_CATEGORIES = {c.value: c for c in CauseCategory}


def _record(action: str, complaint_id: int, fields: dict[str, Any]) -> Record:
    """Audit entries for complaints hold ids and statuses, never what was said."""
    return Record(action, "complaint", complaint_id, fields)


def feedback_json(row: FeedbackRow) -> dict[str, Any]:
    return {
        "complaint_id": row.complaint_id,
        "received_at": row.received_at.isoformat(),
        "store": row.store,
        "category": row.category.value,
        "sub_cause": row.sub_cause,
        "responsibility": row.responsibility,
        "summary": row.summary,
        "wording": row.wording,
    }


FEEDBACK_COLUMNS = (
    "complaint_id",
    "received_at",
    "store",
    "category",
    "sub_cause",
    "responsibility",
    "summary",
    "wording",
)


def feedback_csv(rows: list[FeedbackRow]) -> str:
    """Feedback rows as CSV with a header (``FEEDBACK_COLUMNS``); text cells that a
    spreadsheet would run as a formula are neutralised as in the customer export."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FEEDBACK_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r.complaint_id,
                r.received_at.isoformat(),
                neutralise_cell(r.store),
                r.category.value,
                neutralise_cell(r.sub_cause),
                r.responsibility,
                neutralise_cell(r.summary),
                neutralise_cell(r.wording),
            ]
        )
    return out.getvalue()


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
        """A JSON-safe dict of every figure: dates and times as ISO 8601 text, the
        (category, sub-cause) and repeat-complainer tuples as objects."""
        return {
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
            "store": self.store,
            "received": self.received,
            "by_category": dict(self.by_category),
            "by_cause": [
                {"category": category, "sub_cause": sub, "count": count}
                for category, sub, count in self.by_cause
            ],
            "by_status": dict(self.by_status),
            "median_first_response_minutes": self.median_first_response_minutes,
            "median_resolution_hours": self.median_resolution_hours,
            "promises_made": self.promises_made,
            "promises_kept": self.promises_kept,
            "promises_kept_pct": self.promises_kept_pct,
            "follow_ups_due": self.follow_ups_due,
            "follow_ups_within_7_days": self.follow_ups_within_7_days,
            "follow_ups_within_7_days_pct": self.follow_ups_within_7_days_pct,
            "follow_ups_done": self.follow_ups_done,
            "dissatisfied": self.dissatisfied,
            "dissatisfaction_pct": self.dissatisfaction_pct,
            "repeat_complainers": [
                {"customer_id": cid, "name": name, "count": count}
                for cid, name, count in self.repeat_complainers
            ],
            "product_feedback": [feedback_json(r) for r in self.product_feedback],
            "training_feedback": [feedback_json(r) for r in self.training_feedback],
        }


#: What a refused permission raises (void needs a manager): the one
#: :class:`~console.domain.roles.NotAllowed` of ``identity.require``, refusal audited.
PermissionRefused = NotAllowed


class ComplaintService:
    """Signatures fixed by the contract above.

    ``ComplaintService(store, settings, clock=None, zone=None, phrasebooks=None)``: times
    come from the app's :class:`~console.domain.clock.Clock`, shown in the store's zone;
    with *phrasebooks*, ``block`` terms in the apology or the reply refuse the save
    (ValidationFailed keyed by that field).
    """

    def __init__(
        self,
        store: Store,
        settings: SettingsService,
        clock: Clock | None = None,
        zone: ZoneInfo | None = None,
        phrasebooks: PhrasebookService | None = None,
        identity: Identity | None = None,
        *,
        console_id: str = "",
    ) -> None:
        self._store = store
        self._settings = settings
        self.clock = clock or (identity.clock if identity is not None else SystemClock())
        self._identity = identity or Identity(store, settings, clock=self.clock)
        self._zone = zone
        self._zone_given = zone is not None  # else read from the time_zone setting
        self._phrasebooks = phrasebooks
        #: This console (drafts are offered back only to who typed them, where they did).
        self.console_id = console_id

    # --- time ------------------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        """The store's zone (before the first call has read the setting: the system's)."""
        return self._zone or system_zone()

    def forget_zone(self) -> None:
        """The store's time zone setting changed: read it again at the next call."""
        if not self._zone_given:
            self._zone = None

    async def _load_zone(self) -> ZoneInfo:
        if self._zone is None:
            name = (await self._settings.get(opts.TIME_ZONE)).strip()
            try:
                self._zone = zone_named(name) if name else system_zone()
            except ValueError:
                self._zone = system_zone()
        return self._zone

    def now(self) -> dt.datetime:
        """Aware current time in the store's zone, to the second (the injected clock)."""
        return self.clock.utc().replace(microsecond=0).astimezone(self.zone)

    async def _now(self) -> dt.datetime:
        await self._load_zone()
        return self.now()

    async def current_time(self) -> dt.datetime:
        """Now, in the store's zone (read from the settings first)."""
        return await self._now()

    def _day_end(self, now: dt.datetime) -> dt.datetime:
        """Local midnight at the end of *now*'s day."""
        tomorrow = now.astimezone(self.zone).date() + dt.timedelta(days=1)
        return _local_midnight(tomorrow, self.zone)

    def _localise(self, c: Complaint) -> Complaint:
        z = self.zone

        def loc(v: dt.datetime | None) -> dt.datetime | None:
            return None if v is None else v.astimezone(z)

        return replace(
            c,
            received_at=loc(c.received_at),
            promise_due=loc(c.promise_due),
            first_response_at=loc(c.first_response_at),
            resolved_at=loc(c.resolved_at),
            follow_up_due=loc(c.follow_up_due),
        )

    def _row(self, r: QueueRecord, now: dt.datetime) -> QueueRow:
        z = self.zone
        status = r.status
        due = None if r.promise_due is None else r.promise_due.astimezone(z)
        answered = None if status.is_open or r.resolved_at is None else r.resolved_at.astimezone(z)
        return QueueRow(
            id=r.id,
            who=r.who,
            customer_id=r.customer_id,
            status=status,
            channel=r.channel,
            emotion=r.emotion,
            store=r.store,
            agent=r.agent,
            received_at=r.received_at.astimezone(z),
            promise_due=due,
            follow_up_due=None if r.follow_up_due is None else r.follow_up_due.astimezone(z),
            promise=promise_state(due, now, answered_at=answered),
            summary=r.summary,
        )

    async def current_agent(self) -> str:
        """Whoever is working at this console (the signed-in person)."""
        return await self._me()

    async def _me(self) -> str:
        """Who is working: the signed-in person (or, where nobody signs in, the local operator)."""
        return (await self._identity.name()).strip()

    async def _check_words(self, c: Complaint, errors: dict[str, msg.Message]) -> None:
        if self._phrasebooks is None:
            return
        for name, text in c.customer_texts().items():
            if not text.strip() or name in errors:
                continue
            blocked = [f for f in await self._phrasebooks.check(text) if f.severity == "block"]
            if blocked:
                errors[name] = msg.RewordBeforeSaving(tuple(f.matched for f in blocked))

    async def _check_customer(self, c: Complaint, errors: dict[str, msg.Message]) -> None:
        customer_id = c.customer_id
        if customer_id is not None and not await self._store.read(
            lambda r: r.complaints.customer_exists(customer_id)
        ):
            errors["customer_id"] = msg.NoSuchCustomer(customer_id)

    # --- capture ---------------------------------------------------------------------

    async def create(self, complaint: Complaint) -> int:
        """Validate (ValidationFailed from services.customers with field errors), stamp
        received_at/agent/store defaults, record the creation in history and the first
        promise in promise history; returns the new id.

        A complaint starts ``new`` (with a promise), or ``resolved`` when it was solved on
        the spot (then the history shows new → resolved and the follow-up is scheduled).
        """
        now = await self._now()
        me = await self._me()
        c = replace(
            clean_complaint(complaint),
            id=None,
            received_at=complaint.received_at or now,
            agent=complaint.agent.strip() or me,
            store=complaint.store.strip() or await self._settings.get(opts.STORE_NAME),
            first_response_at=None,
            resolved_at=None,
            follow_up_due=None,
            void_reason="",
        )
        errors: dict[str, msg.Message] = {}
        if c.status not in (Status.NEW, Status.RESOLVED):
            errors["status"] = msg.NewComplaintStatus()
        errors.update(
            validate_complaint(replace(c, status=Status.NEW) if c.status is Status.NEW else c, now)
        )
        await self._check_customer(c, errors)
        await self._check_words(c, errors)
        if errors:
            raise ValidationFailed(errors)
        by = me or c.agent
        c.changed_by = by
        resolved = c.status is Status.RESOLVED
        c.status = Status.NEW
        events = [
            StatusChange(at=now, by=by, before=None, after=Status.NEW, note=str(msg.NoteReceived()))
        ]
        if resolved:
            days = await self._settings.get(opts.FOLLOW_UP_DAYS)
            c, event = apply_action(
                c,
                Action.RESOLVE,
                by=by,
                now=now,
                note=str(msg.NoteSolvedOnTheSpot()),
                follow_up_days=days,
                zone=self.zone,
            )
            events.append(event)
        if c.first_response_at is None and c.reply.strip():
            c.first_response_at = now
        promise = (
            PromiseChange(
                at=now, by=by, due=c.promise_due, previous_due=None, note=str(msg.NotePromised())
            )
            if c.promise_due is not None
            else None
        )
        created = {"status": [None, c.status.value], "customer_id": [None, c.customer_id]}
        new_id: int = await self._identity.apply(
            lambda r: r.complaints.add(c, events=events, promise=promise, now=now),
            lambda new_id: [_record("create", new_id, created)],
        )
        return new_id

    async def update(self, complaint: Complaint) -> Complaint:
        """Save edited capture fields of an existing complaint (not status/promise).

        Someone else's change since *complaint* was read (its ``version``) refuses the save
        with ComplaintChanged (who and when); returns the complaint as saved (its new
        version, for the next save)."""
        if complaint.id is None:
            raise ValueError("save the complaint with create() first")
        current_id = complaint.id
        now = await self._now()
        current = await self._store.read(lambda r: r.complaints.get(current_id))
        if current is None:
            raise ComplaintNotFound(current_id)
        complaint = clean_complaint(complaint)
        errors: dict[str, msg.Message] = {}
        if current.status is Status.VOIDED:
            errors["status"] = msg.VoidedNotEditable()
        # Status and promise are the clock's, changed through act() and extend_promise().
        checked = replace(complaint, status=current.status, promise_due=current.promise_due)
        errors.update(
            {k: v for k, v in validate_complaint(checked, now).items() if k != "promise_due"}
        )
        await self._check_customer(complaint, errors)
        await self._check_words(complaint, errors)
        if errors:
            raise ValidationFailed(errors)
        me = await self._me()
        saved: Complaint = await self._identity.apply(
            lambda r: r.complaints.save_capture(complaint, now=now, by=me),
            [_record("update", current_id, {"capture": [None, "edited"]})],
        )
        return self._localise(saved)

    # --- the clock -------------------------------------------------------------------

    async def act(
        self, complaint_id: int, action: Action, note: str = "", *, version: int | None = None
    ) -> Complaint:
        """Apply a status action (TransitionRefused, PermissionRefused for void by
        non-managers; void needs a note = reason). Resolve stamps resolved_at and
        schedules follow_up_due; the first action after creation stamps
        first_response_at. With *version* (the one the person saw), a complaint changed
        since is refused with ComplaintChanged (the same holds for every change below)."""
        action = Action(action)
        note = clean_text(note, multiline=True)
        if action is Action.VOID:
            await self._identity.require(Permission.VOID_COMPLAINT, "complaint")
            if not note.strip():
                raise ValidationFailed({"note": msg.VoidWithoutReason()})
        if action is Action.FOLLOW_UP:
            raise ValidationFailed({"satisfaction": msg.FollowUpNeedsSatisfaction()})
        now = await self._now()
        by = await self._me()
        days = await self._settings.get(opts.FOLLOW_UP_DAYS)
        zone = self.zone

        def change(c: Complaint) -> Change:
            new, event = apply_action(
                c, action, by=by, now=now, note=note, follow_up_days=days, zone=zone
            )
            return Change(new, events=[event], reset_notified=action is Action.REOPEN)

        result: Complaint = await self._identity.apply(
            lambda r: r.complaints.modify(
                complaint_id, change, now=now, by=by, expected_version=version
            ),
            lambda result: [
                _record(
                    "void" if action is Action.VOID else "update",
                    complaint_id,
                    {"action": [None, action.value], "status": [None, result.status.value]},
                )
            ],
        )
        return self._localise(result)

    async def extend_promise(
        self, complaint_id: int, new_due: dt.datetime, note: str, *, version: int | None = None
    ) -> Complaint:
        """Move the promise later (an open complaint; a note is required). The previous due
        time stays in promise history; the owner is notified afresh about the new one.
        On a reopened complaint without a promise this sets one."""
        note = clean_text(note, multiline=True)
        if new_due.tzinfo is None:
            raise ValidationFailed({"promise_due": msg.PromiseWithoutZone()})
        now = await self._now()
        by = await self._me()

        def change(c: Complaint) -> Change:
            try:
                new, promise = extend_domain_promise(c, new_due, note, by=by, now=now)
            except msg.Refusal as exc:
                key = "note" if not note.strip() and c.status.is_open else "promise_due"
                raise ValidationFailed({key: exc.message}) from None
            promise = replace(promise, note=note.strip())
            return Change(new, promises=[promise], reset_notified=True)

        result: Complaint = await self._identity.apply(
            lambda r: r.complaints.modify(
                complaint_id, change, now=now, by=by, expected_version=version
            ),
            [_record("update", complaint_id, {"promise_due": [None, new_due.isoformat()]})],
        )
        return self._localise(result)

    async def record_follow_up(
        self, complaint_id: int, satisfaction: int, note: str, *, version: int | None = None
    ) -> Complaint:
        """Resolved → followed up; a dissatisfied follow-up (≤ 2) reopens it.

        The reopening is a second history entry (followed up → in progress, note
        "dissatisfied at follow-up"): the complaint is open again, its last promise
        (usually lapsed) makes it overdue, so it shows in the managers' overdue view
        until someone sets a new promise with extend_promise.
        """
        note = clean_text(note, multiline=True)
        try:
            dissatisfied = is_dissatisfied(int(satisfaction))
        except msg.Refusal as exc:
            raise ValidationFailed({"satisfaction": exc.message}) from None
        now = await self._now()
        by = await self._me()
        zone = self.zone

        def change(c: Complaint) -> Change:
            new, event = apply_action(c, Action.FOLLOW_UP, by=by, now=now, note=note, zone=zone)
            events = [event]
            if dissatisfied:
                new, again = apply_action(
                    new, Action.REOPEN, by=by, now=now, note=str(msg.NoteDissatisfied())
                )
                events.append(again)
            follow_up = FollowUp(at=now, by=by, satisfaction=int(satisfaction), note=note.strip())
            return Change(new, events=events, follow_ups=[follow_up], reset_notified=dissatisfied)

        result: Complaint = await self._identity.apply(
            lambda r: r.complaints.modify(
                complaint_id, change, now=now, by=by, expected_version=version
            ),
            lambda result: [
                _record(
                    "update",
                    complaint_id,
                    {
                        "satisfaction": [None, int(satisfaction)],
                        "status": [None, result.status.value],
                    },
                )
            ],
        )
        return self._localise(result)

    async def link_customer(
        self, complaint_id: int, customer_id: int, *, version: int | None = None
    ) -> None:
        """Link a walk-in complaint to a customer profile (recorded in history)."""
        now = await self._now()
        by = await self._me()
        if not await self._store.read(lambda r: r.complaints.customer_exists(customer_id)):
            raise ValidationFailed({"customer_id": msg.NoSuchCustomer(customer_id)})

        def change(c: Complaint) -> Change:
            note = str(msg.NoteLinked(customer_id))
            event = StatusChange(at=now, by=by, before=c.status, after=c.status, note=note)
            return Change(replace(c, customer_id=customer_id), events=[event])

        await self._identity.apply(
            lambda r: r.complaints.modify(
                complaint_id, change, now=now, by=by, expected_version=version
            ),
            [_record("update", complaint_id, {"customer_id": [None, customer_id]})],
        )

    # --- reading ---------------------------------------------------------------------

    async def get(self, complaint_id: int) -> ComplaintDetail | None:
        await self._load_zone()
        detail = await self._store.read(lambda r: r.complaints.detail(complaint_id))
        if detail is None:
            return None
        z = self.zone
        return ComplaintDetail(
            complaint=self._localise(detail.complaint),
            customer_name=detail.customer_name,
            history=[replace(e, at=e.at.astimezone(z)) for e in detail.history],
            promises=[
                replace(
                    p,
                    at=p.at.astimezone(z),
                    due=p.due.astimezone(z),
                    previous_due=None if p.previous_due is None else p.previous_due.astimezone(z),
                )
                for p in detail.promises
            ],
            follow_ups=[replace(f, at=f.at.astimezone(z)) for f in detail.follow_ups],
        )

    async def _bounds(self) -> tuple[dt.datetime, QueueBounds]:
        now = await self._now()
        agent = await self._me()
        return now, QueueBounds(
            agent=agent, now=now, soon=now + DUE_SOON, day_end=self._day_end(now)
        )

    async def queue(
        self,
        queue: Queue,
        offset: int = 0,
        limit: int = 50,
        sort: QueueSort = QueueSort.DUE,
    ) -> list[QueueRow]:
        """One page of a queue. DUE: soonest promise first (follow-ups: soonest follow-up;
        open complaints without a promise come first); RECEIVED: newest first; CUSTOMER:
        by name; STATUS: by status, then due."""
        now, bounds = await self._bounds()
        name = QueueName(Queue(queue).value)
        order = QueueOrder(QueueSort(sort).value)
        records = await self._store.read(
            lambda r: r.complaints.queue(name, bounds, offset=offset, limit=limit, order=order)
        )
        return [self._row(r, now) for r in records]

    async def by_status(self, status: Status, offset: int = 0, limit: int = 50) -> list[QueueRow]:
        """Complaints in *status*, newest first (the CLI's ``complaints list --status``)."""
        now = await self._now()
        value = Status(status).value
        records = await self._store.read(
            lambda r: r.complaints.by_status(value, offset=offset, limit=limit)
        )
        return [self._row(r, now) for r in records]

    async def today(self) -> dt.date:
        """Today's date in the store's zone."""
        return (await self._now()).date()

    async def count(self, queue: Queue) -> int:
        _, bounds = await self._bounds()
        name = QueueName(Queue(queue).value)
        return await self._store.read(lambda r: r.complaints.count(name, bounds))

    async def open_for_customer(self, customer_id: int) -> list[QueueRow]:
        """A customer's open complaints, soonest promise first (the profile badge)."""
        now = await self._now()
        records = await self._store.read(lambda r: r.complaints.open_for_customer(customer_id))
        return [self._row(r, now) for r in records]

    async def due_soon_to_notify(self) -> list[QueueRow]:
        """Open complaints of this console's agent whose promise is due soon or overdue
        and who have not been notified of that state yet; marks them notified."""
        now, bounds = await self._bounds()
        records = await self._store.write(
            lambda r: r.complaints.take_notifications(
                agent=bounds.agent, now=bounds.now, soon=bounds.soon
            )
        )
        return [self._row(r, now) for r in records]

    # --- reports ---------------------------------------------------------------------

    async def whole_summaries(self, complaint_ids: Sequence[int]) -> dict[int, str]:
        """The whole "what happened" text of the report's listed complaints (managers),
        shown when a cut summary is hovered."""
        await self._identity.require(Permission.VIEW_REPORTS, "complaint report")
        if not complaint_ids:
            return {}
        ids = list(complaint_ids)
        return await self._store.read(lambda r: r.complaints.customer_words(ids))

    async def report(
        self,
        date_from: dt.date,
        date_to: dt.date,
        store: str | None = None,
        *,
        feedback_limit: int | None = None,
    ) -> ComplaintReport:
        """The figures for complaints received from *date_from* to *date_to* (inclusive,
        local dates), optionally for one store. See README "Complaint reports"."""
        if date_from > date_to:
            raise ValueError("the period ends before it starts")
        await self._identity.require(Permission.VIEW_REPORTS, "complaint report")
        now = await self._now()
        z = self.zone
        start = _local_midnight(date_from, z)
        end = _local_midnight(date_to + dt.timedelta(days=1), z)
        period = ReportPeriod(start=start, end=end, store=store, now=now)
        figures = await self._store.read(
            lambda r: r.complaints.report(
                period, repeat_limit=REPEAT_LIMIT, feedback_limit=feedback_limit
            )
        )
        by_category: dict[str, int] = {}
        causes: dict[tuple[str, str], int] = {}
        by_status: dict[str, int] = {}
        received = 0
        for group in figures.groups:
            cause, sub, status, count = group.cause, group.sub_cause, group.status, group.count
            by_status[status] = by_status.get(status, 0) + count
            if status == Status.VOIDED.value:
                continue
            received += count
            category = cause or "unrecorded"
            by_category[category] = by_category.get(category, 0) + count
            causes[(category, sub)] = causes.get((category, sub), 0) + count
        product: list[FeedbackRow] = []
        training: list[FeedbackRow] = []
        for f in figures.feedback:
            row = FeedbackRow(
                complaint_id=f.complaint_id,
                received_at=f.received_at.astimezone(z),
                store=f.store,
                category=_CATEGORIES[f.cause],
                sub_cause=f.sub_cause,
                responsibility=f.responsibility,
                summary=f.summary,
                wording=f.wording,
            )
            (product if row.category is CauseCategory.PRODUCT_QUALITY else training).append(row)
        first = figures.median_first_response_s
        resolution = figures.median_resolution_s
        return ComplaintReport(
            date_from=date_from,
            date_to=date_to,
            store=store,
            received=received,
            by_category=dict(sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))),
            by_cause=sorted(
                ((cat, sub, n) for (cat, sub), n in causes.items()),
                key=lambda t: (-t[2], t[0], t[1]),
            ),
            by_status=dict(sorted(by_status.items())),
            median_first_response_minutes=None if first is None else round(first / 60, 1),
            median_resolution_hours=None if resolution is None else round(resolution / 3600, 2),
            promises_made=figures.promises_made,
            promises_kept=figures.promises_kept,
            promises_kept_pct=percent(figures.promises_kept, figures.promises_made),
            follow_ups_due=figures.follow_ups_due,
            follow_ups_within_7_days=figures.follow_ups_in_time,
            follow_ups_within_7_days_pct=percent(
                figures.follow_ups_in_time, figures.follow_ups_due
            ),
            follow_ups_done=figures.follow_ups_done,
            dissatisfied=figures.dissatisfied,
            dissatisfaction_pct=percent(figures.dissatisfied, figures.follow_ups_done),
            repeat_complainers=[(r.customer_id, r.name, r.count) for r in figures.repeat],
            product_feedback=product,
            training_feedback=training,
        )

    # --- drafts ----------------------------------------------------------------------

    async def save_draft(self, key: str, summary: str, payload: dict[str, Any]) -> None:
        """Save (or replace) the draft *key*; committed with synchronous=FULL, so it
        survives a crash or a forced quit the moment this returns."""
        if not key.strip():
            raise ValueError("a draft needs a key")
        try:
            text = json.dumps(payload, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"the draft is not JSON-safe: {exc}") from None
        now = await self._now()
        draft = StoredDraft(
            key=key,
            saved_at=now,
            summary=summary,
            payload=text,
            owner=await self._me(),
            console=self.console_id,
        )
        await self._store.write(lambda r: r.complaints.save_draft(draft))

    async def drafts(self) -> list[Draft]:
        """The drafts the person working saved at this console, newest first (offer them
        back after a crash); anyone else's, or theirs from another console, are not here."""
        await self._load_zone()
        z = self.zone
        me, console = await self._me(), self.console_id
        return [
            Draft(
                key=d.key,
                saved_at=d.saved_at.astimezone(z),
                summary=d.summary,
                payload=json.loads(d.payload),
            )
            for d in await self._store.read(lambda r: r.complaints.drafts(me, console))
        ]

    async def discard_draft(self, key: str) -> None:
        me, console = await self._me(), self.console_id
        await self._store.write(lambda r: r.complaints.delete_draft(key, me, console))


def _local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """00:00 local on *day* (or the first moment of the day when midnight is skipped)."""
    aware = dt.datetime.combine(day, dt.time(0, 0)).replace(tzinfo=zone)
    return aware.astimezone(dt.UTC).astimezone(zone)


#: Where a console keeps its own id (its settings file, console scope).
CONSOLE_ID_KEY = "console_id"


class ConsoleSettings(Protocol):
    """This computer's own settings (the settings service's ``config``)."""

    def get(self, key: str) -> Any: ...

    def put(self, key: str, value: Any) -> Any: ...


def console_id(config: ConsoleSettings) -> str:
    """This console's stable id: made once (random), then kept in its own settings file,
    so a draft is offered back at the computer that saved it (and a copied database does
    not carry it to another one)."""
    value = config.get(CONSOLE_ID_KEY)
    if isinstance(value, str) and value.strip():
        return value.strip()
    made = uuid.uuid4().hex
    config.put(CONSOLE_ID_KEY, made)
    return made

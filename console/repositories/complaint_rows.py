"""Complaint rows ↔ domain objects, shared by both stores (no I/O, no SQL).

Both backends keep complaints in tables of the same columns, in the same order; they
differ only in how their driver takes and gives some values: an instant (ISO text on
SQLite, ``timestamptz`` on PostgreSQL), the offered options (JSON text, ``jsonb``) and
the confirmed flag (0/1, boolean). A backend describes those in one
:class:`ComplaintRows` and reads and writes every row through it, so that what a column
means is written down once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from console.domain.complaint import (
    CauseCategory,
    Channel,
    Compensation,
    Complaint,
    ComplaintChanged,
    Emotion,
    FollowUp,
    PromiseChange,
    Responsibility,
    Status,
    StatusChange,
    Want,
)
from console.repositories.complaints import (
    Change,
    FeedbackRecord,
    HistoricComplaint,
    QueueRecord,
    RepeatComplainer,
    StoredDraft,
)

CAPTURE_COLUMNS = (
    "customer_id",
    "caller_name",
    "caller_contact",
    "call_id",
    "channel",
    "store",
    "agent",
    "customer_words",
    "understanding",
    "confirmed",
    "emotion",
    "apology",
    "wants",
    "wants_note",
    "options_offered",
    "option_chosen",
    "compensation_kind",
    "compensation_amount_minor",
    "compensation_currency",
    "cause",
    "sub_cause",
    "responsibility",
    "wording",
    "reply",
)
CLOCK_COLUMNS = (
    "status",
    "promise_due",
    "first_response_at",
    "resolved_at",
    "follow_up_due",
    "void_reason",
)
#: A whole complaint row, in the order :meth:`ComplaintRows.complaint` reads it.
COLUMNS = (
    "id",
    *CAPTURE_COLUMNS,
    "received_at",
    *CLOCK_COLUMNS,
    "version",
    "changed_by",
    "updated_at",
)


def refuse_if_changed(current: Complaint, expected: int | None) -> None:
    """Raise ComplaintChanged (who changed it, and when) when *current* is not at the
    *expected* version (None: not checked)."""
    if expected is not None and current.version != expected:
        assert current.id is not None
        raise ComplaintChanged(current.id, current.changed_by, current.changed_at)


def starts_follow_up_window(change: Change) -> bool:
    """Whether *change* resolves the complaint anew: the follow-up done so far (when and
    how satisfied) no longer counts."""
    return change.complaint.status is Status.RESOLVED and any(
        e.after is Status.RESOLVED for e in change.events
    )


def as_modified(change: Change, current: Complaint, *, by: str, now: dt.datetime) -> Complaint:
    """The complaint *change* made of *current*, as stored: the next version, by *by*."""
    return replace(
        change.complaint,
        version=current.version + 1,
        changed_by=by,
        changed_at=now.astimezone(dt.UTC),
    )


def durations(rows: Iterable[Sequence[Any]]) -> tuple[list[float], list[float]]:
    """The report's (first response, resolution) seconds of each complaint, as two lists
    of the values there are (for the medians)."""
    responses: list[float] = []
    resolutions: list[float] = []
    for response, resolution in rows:
        if response is not None:
            responses.append(float(response))
        if resolution is not None:
            resolutions.append(float(resolution))
    return responses, resolutions


def repeat_complainer(row: Sequence[Any]) -> RepeatComplainer:
    """(customer id, name, count)."""
    cid, name, count = row
    return RepeatComplainer(cid, str(name), int(count))


@dataclass(frozen=True, slots=True)
class ComplaintRows:
    """How one backend's driver takes and gives the values that differ; the rows of
    complaints and their histories go in and come out through its methods."""

    #: An aware instant as the driver takes it.
    dump_instant: Callable[[dt.datetime], Any]
    #: A stored instant back, aware in UTC (and its optional form: a missing one is None).
    load_instant: Callable[[Any], dt.datetime]
    load_optional_instant: Callable[[Any], dt.datetime | None]
    #: The offered options (a list of text) as stored, and back.
    dump_options: Callable[[list[str]], Any]
    load_options: Callable[[Any], list[str]]
    #: The confirmed flag as stored.
    dump_flag: Callable[[bool], Any]

    # --- writing ---------------------------------------------------------------------

    def ts(self, value: dt.datetime | None) -> Any:
        """An aware instant as stored (None stays None); a naive one is refused."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("complaint times must be timezone-aware")
        return self.dump_instant(value)

    def capture_values(self, c: Complaint) -> dict[str, Any]:
        """The capture columns (what was taken down about the complaint)."""
        comp = c.compensation
        return {
            "customer_id": c.customer_id,
            "caller_name": c.caller_name,
            "caller_contact": c.caller_contact,
            "call_id": c.call_id,
            "channel": c.channel.value,
            "store": c.store,
            "agent": c.agent,
            "customer_words": c.customer_words,
            "understanding": c.understanding,
            "confirmed": self.dump_flag(c.confirmed),
            "emotion": c.emotion.value,
            "apology": c.apology,
            "wants": c.wants.value if c.wants else None,
            "wants_note": c.wants_note,
            "options_offered": self.dump_options(list(c.options_offered)),
            "option_chosen": c.option_chosen,
            "compensation_kind": comp.kind if comp else None,
            "compensation_amount_minor": comp.amount_minor if comp else None,
            "compensation_currency": comp.currency if comp else "",
            "cause": c.cause.value if c.cause else None,
            "sub_cause": c.sub_cause,
            "responsibility": c.responsibility.value if c.responsibility else None,
            "wording": c.wording_that_went_wrong,
            "reply": c.reply,
        }

    def clock_values(self, c: Complaint) -> dict[str, Any]:
        """The clock columns (status, promise, response, resolution, follow-up)."""
        return {
            "status": c.status.value,
            "promise_due": self.ts(c.promise_due),
            "first_response_at": self.ts(c.first_response_at),
            "resolved_at": self.ts(c.resolved_at),
            "follow_up_due": self.ts(c.follow_up_due),
            "void_reason": c.void_reason,
        }

    def row_values(self, c: Complaint, *, now: dt.datetime) -> dict[str, Any]:
        """The complaints-table row for *c* (without id and version)."""
        if c.received_at is None:
            raise ValueError("a complaint needs its received time")
        return {
            **self.capture_values(c),
            "received_at": self.ts(c.received_at),
            **self.clock_values(c),
            "updated_at": self.ts(now),
            "changed_by": c.changed_by or c.agent,
        }

    def change_values(self, change: Change) -> dict[str, Any]:
        """The columns a change to a complaint writes: its clock and its customer."""
        return {
            **self.clock_values(change.complaint),
            "customer_id": change.complaint.customer_id,
        }

    def historic_values(self, h: HistoricComplaint, *, now: dt.datetime) -> dict[str, Any]:
        """The row of a complaint loaded with its history: its last follow-up call gives
        ``followed_up_at`` and ``satisfaction``."""
        values = self.row_values(h.complaint, now=now)
        last = h.follow_ups[-1] if h.follow_ups else None
        values["followed_up_at"] = self.ts(last.at) if last else None
        values["satisfaction"] = last.satisfaction if last else None
        return values

    def draft_values(self, draft: StoredDraft) -> tuple[Any, ...]:
        """(key, owner, console, saved_at, summary, payload)."""
        return (
            draft.key,
            draft.owner,
            draft.console,
            self.ts(draft.saved_at),
            draft.summary,
            draft.payload,
        )

    def event_row(self, cid: int, e: StatusChange) -> tuple[Any, ...]:
        """(complaint_id, at, by, before, after, note)."""
        return (
            cid,
            self.ts(e.at),
            e.by,
            e.before.value if e.before else None,
            e.after.value,
            e.note,
        )

    def promise_row(self, cid: int, p: PromiseChange) -> tuple[Any, ...]:
        """(complaint_id, at, by, due, previous_due, note)."""
        return (cid, self.ts(p.at), p.by, self.ts(p.due), self.ts(p.previous_due), p.note)

    def follow_up_row(self, cid: int, f: FollowUp) -> tuple[Any, ...]:
        """(complaint_id, at, by, satisfaction, note)."""
        return (cid, self.ts(f.at), f.by, f.satisfaction, f.note)

    # --- reading ---------------------------------------------------------------------

    def complaint(self, row: Sequence[Any]) -> Complaint:
        """A complaint from a row of :data:`COLUMNS`."""
        r = dict(zip(COLUMNS, row, strict=True))
        load, load_optional = self.load_instant, self.load_optional_instant
        comp = (
            Compensation(
                r["compensation_kind"], r["compensation_amount_minor"], r["compensation_currency"]
            )
            if r["compensation_kind"] is not None
            else None
        )
        return Complaint(
            id=int(r["id"]),
            customer_id=r["customer_id"],
            caller_name=r["caller_name"],
            caller_contact=r["caller_contact"],
            call_id=r["call_id"],
            channel=Channel(r["channel"]),
            store=r["store"],
            agent=r["agent"],
            received_at=load(r["received_at"]),
            customer_words=r["customer_words"],
            understanding=r["understanding"],
            confirmed=bool(r["confirmed"]),
            emotion=Emotion(r["emotion"]),
            apology=r["apology"],
            wants=Want(r["wants"]) if r["wants"] else None,
            wants_note=r["wants_note"],
            options_offered=list(self.load_options(r["options_offered"])),
            option_chosen=r["option_chosen"],
            compensation=comp,
            cause=CauseCategory(r["cause"]) if r["cause"] else None,
            sub_cause=r["sub_cause"],
            responsibility=Responsibility(r["responsibility"]) if r["responsibility"] else None,
            wording_that_went_wrong=r["wording"],
            reply=r["reply"],
            status=Status(r["status"]),
            promise_due=load_optional(r["promise_due"]),
            first_response_at=load_optional(r["first_response_at"]),
            resolved_at=load_optional(r["resolved_at"]),
            follow_up_due=load_optional(r["follow_up_due"]),
            void_reason=r["void_reason"],
            version=int(r["version"]),
            changed_by=r["changed_by"],
            changed_at=load(r["updated_at"]),
        )

    def queue_record(self, row: Sequence[Any]) -> QueueRecord:
        """(id, who, customer_id, status, channel, emotion, store, agent, received_at,
        promise_due, follow_up_due, summary, resolved_at)."""
        (cid, who, customer_id, status, channel, emotion, shop, agent) = row[:8]
        received, due, follow_up, summary, resolved = row[8:]
        return QueueRecord(
            id=int(cid),
            who=who,
            customer_id=customer_id,
            status=Status(status),
            channel=Channel(channel),
            emotion=Emotion(emotion),
            store=shop,
            agent=agent,
            received_at=self.load_instant(received),
            promise_due=self.load_optional_instant(due),
            follow_up_due=self.load_optional_instant(follow_up),
            summary=summary,
            resolved_at=self.load_optional_instant(resolved),
        )

    def status_change(self, row: Sequence[Any]) -> StatusChange:
        """(at, by, before, after, note)."""
        at, by, before, after, note = row
        return StatusChange(
            self.load_instant(at), by, Status(before) if before else None, Status(after), note
        )

    def promise_change(self, row: Sequence[Any]) -> PromiseChange:
        """(at, by, due, previous_due, note)."""
        at, by, due, previous, note = row
        return PromiseChange(
            self.load_instant(at),
            by,
            self.load_instant(due),
            self.load_optional_instant(previous),
            note,
        )

    def follow_up(self, row: Sequence[Any]) -> FollowUp:
        """(at, by, satisfaction, note)."""
        at, by, satisfaction, note = row
        return FollowUp(self.load_instant(at), by, int(satisfaction), note)

    def feedback_record(self, row: Sequence[Any]) -> FeedbackRecord:
        """(id, received_at, store, cause, sub_cause, responsibility, summary, wording)."""
        cid, at, shop, cause, sub, resp, summary, wording = row
        return FeedbackRecord(
            int(cid), self.load_instant(at), shop, cause, sub, resp, summary, wording
        )

    def draft(self, row: Sequence[Any], owner: str, console: str) -> StoredDraft:
        """(key, saved_at, summary, payload) of *owner*'s draft at *console*."""
        key, saved_at, summary, payload = row
        return StoredDraft(key, self.load_instant(saved_at), summary, payload, owner, console)

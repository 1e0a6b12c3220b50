"""Complaints: the guided capture, the status machine, promises and follow-up clocks.

Plain Python, no Qt, no SQL. Times are timezone-aware :class:`datetime.datetime` values;
storage keeps them in UTC, and "end of day" or "tomorrow 10:00" are computed in the
store's local zone (so a promise made across midnight or a DST change lands where the
agent meant it).

The method behind the fields (SERVICE-PRACTICE.md, "Handling an angry customer"): listen
and write down what happened in the customer's words; restate it and confirm; read the
emotion; apologise; ask what they want; offer options and act at once; record the cause
and who was responsible, so product faults reach the product team and attitude problems
reach the trainers.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from console.domain import messages as msg
from console.domain.text import clean_text

#: A stored summary is the first this many characters of what the customer said.
SUMMARY_CHARS = 80


class Channel(enum.StrEnum):
    PHONE = "phone"
    IN_STORE = "in_store"
    ONLINE = "online"
    LETTER = "letter"


class Emotion(enum.StrEnum):
    CALM = "calm"
    UPSET = "upset"
    ANGRY = "angry"


class Want(enum.StrEnum):
    """What the customer asks for ("What would you like me to do?")."""

    REFUND = "refund"
    EXCHANGE = "exchange"
    REPAIR = "repair"
    EXPLANATION = "explanation"
    APOLOGY_ONLY = "apology_only"
    COMPENSATION = "compensation"
    OTHER = "other"


class CauseCategory(enum.StrEnum):
    PRODUCT_QUALITY = "product_quality"
    SERVICE_ATTITUDE = "service_attitude"
    DELIVERY = "delivery"  # delivery / logistics
    PRICE_BILLING = "price_billing"
    ENVIRONMENT = "environment"  # environment / facilities
    POLICY = "policy"
    OTHER = "other"


class Responsibility(enum.StrEnum):
    OURS = "ours"
    CUSTOMER = "customer"
    THIRD_PARTY = "third_party"
    UNCLEAR = "unclear"


class Status(enum.StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    FOLLOWED_UP = "followed_up"
    CLOSED = "closed"
    VOIDED = "voided"

    @property
    def is_open(self) -> bool:
        """Still waiting for us: the customer has not had their result yet."""
        return self in (Status.NEW, Status.IN_PROGRESS)


class Action(enum.StrEnum):
    START = "start"  # an agent takes it up: new → in progress
    RESOLVE = "resolve"
    FOLLOW_UP = "follow_up"
    CLOSE = "close"
    REOPEN = "reopen"
    VOID = "void"  # managers only, with a reason; nothing is ever hard-deleted


#: (from, action) → to. Anything not listed is refused.
TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.NEW, Action.START): Status.IN_PROGRESS,
    (Status.NEW, Action.RESOLVE): Status.RESOLVED,  # solved on the spot
    (Status.IN_PROGRESS, Action.RESOLVE): Status.RESOLVED,
    (Status.RESOLVED, Action.FOLLOW_UP): Status.FOLLOWED_UP,
    (Status.RESOLVED, Action.REOPEN): Status.IN_PROGRESS,
    (Status.FOLLOWED_UP, Action.CLOSE): Status.CLOSED,
    (Status.FOLLOWED_UP, Action.REOPEN): Status.IN_PROGRESS,
    (Status.CLOSED, Action.REOPEN): Status.IN_PROGRESS,
    **{(status, Action.VOID): Status.VOIDED for status in Status if status is not Status.VOIDED},
}


class ComplaintChanged(Exception):
    """Someone else changed the complaint since it was read: saving over their change is
    refused. Says who and when, so the person can reload and decide again."""

    def __init__(self, complaint_id: int, changed_by: str, changed_at: dt.datetime | None) -> None:
        when = changed_at.isoformat(timespec="minutes") if changed_at else "a moment ago"
        super().__init__(
            f"complaint #{complaint_id} was changed by {changed_by or 'someone'} at {when}"
        )
        self.complaint_id = complaint_id
        self.changed_by = changed_by
        self.changed_at = changed_at


class TransitionRefused(msg.Refusal):
    def __init__(self, current: Status, action: Action) -> None:
        allowed = tuple(a.value for (s, a) in TRANSITIONS if s is current)
        super().__init__(msg.TransitionNotAllowed(action.value, current.value, allowed))
        self.current = current
        self.action = action


def next_status(current: Status, action: Action) -> Status:
    """The status after *action*, or :class:`TransitionRefused`."""
    try:
        return TRANSITIONS[(current, action)]
    except KeyError:
        raise TransitionRefused(current, action) from None


def allowed_actions(current: Status) -> list[Action]:
    return [a for (s, a) in TRANSITIONS if s is current]


# --- promises ("we will reply by …") -------------------------------------------------

#: Promises within this long of their due time are "due soon" (notify the owner).
DUE_SOON = dt.timedelta(minutes=30)
#: Resolving schedules the follow-up call (回访) this many days later (a setting).
FOLLOW_UP_DAYS = 7
#: Business hours used by the quick choices.
END_OF_DAY = dt.time(18, 0)
TOMORROW_AT = dt.time(10, 0)


class PromiseState(enum.StrEnum):
    NONE = "none"  # no promise (solved on the spot, or not needed)
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    KEPT = "kept"  # answered by the due time
    MISSED = "missed"  # answered, but late


def _local(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("complaint times must be timezone-aware")
    return moment.astimezone(zone)


def _utc(moment: dt.datetime) -> dt.datetime:
    """*moment* in UTC. Python compares and subtracts two datetimes that share a tzinfo
    by their wall times (ignoring ``fold``), which is wrong across a DST change; in UTC
    the arithmetic is on real elapsed time."""
    if moment.tzinfo is None:
        raise ValueError("complaint times must be timezone-aware")
    return moment.astimezone(dt.UTC)


def _at_local(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """*time* on *day* in *zone*.

    A wall time skipped by a spring-forward change moves forward by the gap (02:30 → 03:30);
    a repeated one takes its first occurrence.
    """
    aware = dt.datetime.combine(day, time).replace(tzinfo=zone)
    return aware.astimezone(dt.UTC).astimezone(zone)


class QuickDue(enum.StrEnum):
    IN_2_HOURS = "in_2_hours"
    END_OF_DAY = "end_of_day"
    TOMORROW_10 = "tomorrow_10"


def quick_due(choice: QuickDue, now: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The due time for a quick choice, as an aware datetime in *zone*.

    "In 2 hours" is elapsed time (so it is 2 real hours across a DST change); "end of day"
    is 18:00 local today, or 18:00 tomorrow when it is already past 16:00 (a promise
    must leave time to keep it); "tomorrow 10:00" is 10:00 local on the next calendar day.
    """
    local = _local(now, zone)
    if choice is QuickDue.IN_2_HOURS:
        return (local.astimezone(dt.UTC) + dt.timedelta(hours=2)).astimezone(zone)
    if choice is QuickDue.END_OF_DAY:
        today = _at_local(local.date(), END_OF_DAY, zone)
        if _utc(today) - _utc(local) >= dt.timedelta(hours=2):
            return today
        return _at_local(local.date() + dt.timedelta(days=1), END_OF_DAY, zone)
    return _at_local(local.date() + dt.timedelta(days=1), TOMORROW_AT, zone)


def promise_state(
    due: dt.datetime | None,
    now: dt.datetime,
    *,
    answered_at: dt.datetime | None = None,
    due_soon: dt.timedelta = DUE_SOON,
) -> PromiseState:
    """Where a promise stands at *now* (or, once answered, whether it was kept)."""
    if due is None:
        return PromiseState.NONE
    due = _utc(due)
    if answered_at is not None:
        return PromiseState.KEPT if _utc(answered_at) <= due else PromiseState.MISSED
    now = _utc(now)
    if now > due:
        return PromiseState.OVERDUE
    if due - now <= due_soon:
        return PromiseState.DUE_SOON
    return PromiseState.ON_TIME


def countdown(due: dt.datetime, now: dt.datetime) -> str:
    """Short text for queues: "in 1 h 20 min", "in 3 days", "overdue 25 min"."""
    return str(countdown_message(due, now))


def countdown_message(due: dt.datetime, now: dt.datetime) -> msg.Message:
    """:func:`countdown` as a message code (said in the reader's language)."""
    delta = _utc(due) - _utc(now)
    overdue = delta < dt.timedelta(0)
    seconds = int(abs(delta).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    span: msg.Message
    if days >= 2:
        span = msg.SpanDays(days)
    elif days == 1:
        span = msg.SpanOneDayHours(hours) if hours else msg.SpanOneDay()
    elif hours:
        span = msg.SpanHoursMinutes(hours, minutes) if minutes else msg.SpanHours(hours)
    else:
        span = msg.SpanMinutes(max(minutes, 0)) if minutes else msg.SpanUnderMinute()
    return msg.DueOverdue(span) if overdue else msg.DueIn(span)


def follow_up_due(
    resolved_at: dt.datetime, days: int = FOLLOW_UP_DAYS, zone: ZoneInfo | None = None
) -> dt.datetime:
    """When the follow-up call is due: *days* calendar days after resolving.

    Calendar days keep the local wall time (resolved Friday 15:00 → due Friday 15:00 a
    week later, even across a DST change), counted in *zone* (default: the zone of
    *resolved_at*). A wall time skipped by a spring-forward change moves forward by the gap.
    """
    if days < 1:
        raise ValueError("follow-up must be at least one day after resolving")
    if zone is None:
        if not isinstance(resolved_at.tzinfo, ZoneInfo):
            return _utc(resolved_at) + dt.timedelta(days=days)
        zone = resolved_at.tzinfo
    local = _local(resolved_at, zone)
    return _at_local(local.date() + dt.timedelta(days=days), local.time().replace(fold=0), zone)


# --- the record ---------------------------------------------------------------------

SATISFACTION_MIN = 1
SATISFACTION_MAX = 5
#: Satisfaction at follow-up at or below this counts as dissatisfied (reopen/escalate).
DISSATISFIED_AT_OR_BELOW = 2


def is_dissatisfied(satisfaction: int) -> bool:
    if not SATISFACTION_MIN <= satisfaction <= SATISFACTION_MAX:
        raise msg.Refusal(msg.SatisfactionOutOfRange(SATISFACTION_MIN, SATISFACTION_MAX))
    return satisfaction <= DISSATISFIED_AT_OR_BELOW


@dataclass(frozen=True, slots=True)
class Compensation:
    kind: str  # "discount", "voucher", "upgrade", "gift", "refund of delivery fee"…
    amount_minor: int | None = None  # in the currency's minor unit (cents, fen)
    currency: str = ""


@dataclass(slots=True)
class Complaint:
    """One complaint as the agent captures it, in the order of the method."""

    id: int | None = None
    # Who: a known customer, or a walk-in/unknown caller typed on the spot (linkable later).
    customer_id: int | None = None
    caller_name: str = ""
    caller_contact: str = ""
    call_id: str | None = None  # the phone call it came from (screen-pop)
    # Where and when.
    channel: Channel = Channel.PHONE
    store: str = ""
    agent: str = ""  # who took it (owner)
    received_at: dt.datetime | None = None
    # 1. What happened, in the customer's words.
    customer_words: str = ""
    # 2. Our understanding, restated, and whether the customer confirmed it.
    understanding: str = ""
    confirmed: bool = False
    # 3. Emotion.
    emotion: Emotion = Emotion.CALM
    # 4. The apology given (customer-facing; phrasebook-checked).
    apology: str = ""
    # 5. What the customer wants.
    wants: Want | None = None
    wants_note: str = ""
    # 6. Options offered and the one chosen; compensation given.
    options_offered: list[str] = field(default_factory=list)
    option_chosen: str = ""
    compensation: Compensation | None = None
    # 7. Cause.
    cause: CauseCategory | None = None
    sub_cause: str = ""
    responsibility: Responsibility | None = None
    wording_that_went_wrong: str = ""  # for service-attitude causes: fed back to trainers
    # Customer-facing reply / resolution message (phrasebook-checked).
    reply: str = ""
    # Clock.
    status: Status = Status.NEW
    promise_due: dt.datetime | None = None
    first_response_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    follow_up_due: dt.datetime | None = None
    void_reason: str = ""
    # Who changed it last and when, and its version then (0: not stored yet). A save made
    # from an older version is refused (ComplaintChanged): two people, one complaint.
    version: int = 0
    changed_by: str = ""
    changed_at: dt.datetime | None = None

    @property
    def who(self) -> str:
        return self.caller_name or (f"customer #{self.customer_id}" if self.customer_id else "")

    def customer_texts(self) -> dict[str, str]:
        """The customer-facing texts the phrasebook checks (``block`` stops the save)."""
        return {"apology": self.apology, "reply": self.reply}


#: Complaint fields typed as paragraphs: they keep line breaks and tabs when cleaned.
_MULTILINE = frozenset(
    {
        "customer_words",
        "understanding",
        "apology",
        "wants_note",
        "reply",
        "void_reason",
        "wording_that_went_wrong",
    }
)


def clean_complaint(c: Complaint) -> Complaint:
    """A copy of *c* whose text holds no control or bidi characters
    (:func:`console.domain.text.clean_text`); paragraphs keep their lines."""
    changes: dict[str, object] = {}
    for name in (
        "caller_name", "caller_contact", "call_id", "store", "agent", "customer_words",
        "understanding", "apology", "wants_note", "option_chosen", "sub_cause",
        "wording_that_went_wrong", "reply", "void_reason",
    ):  # fmt: skip
        value = getattr(c, name)
        if isinstance(value, str):
            cleaned = clean_text(value, multiline=name in _MULTILINE)
            if cleaned != value:
                changes[name] = cleaned
    options = [clean_text(o) for o in c.options_offered]
    if options != c.options_offered:
        changes["options_offered"] = options
    if c.compensation is not None and clean_text(c.compensation.kind) != c.compensation.kind:
        changes["compensation"] = replace(c.compensation, kind=clean_text(c.compensation.kind))
    return replace(c, **changes) if changes else c  # type: ignore[arg-type]


def validate_complaint(c: Complaint, now: dt.datetime) -> dict[str, msg.Message]:
    """Field errors keyed by field name; empty when the complaint may be saved.

    A complaint needs someone to answer (a customer, or a name or contact for a walk-in)
    and what happened. If it is not solved on the spot it needs a promise, and the
    promise must lie in the future when it is made.
    """
    errors: dict[str, msg.Message] = {}
    if c.customer_id is None and not (c.caller_name.strip() or c.caller_contact.strip()):
        errors["caller_name"] = msg.NoCaller()
    if not c.customer_words.strip():
        errors["customer_words"] = msg.NoCustomerWords()
    if c.compensation is not None:
        if not c.compensation.kind.strip():
            errors["compensation"] = msg.NoCompensationKind()
        elif c.compensation.amount_minor is not None and c.compensation.amount_minor < 0:
            errors["compensation"] = msg.NegativeCompensation()
    if c.status.is_open and c.promise_due is None:
        errors["promise_due"] = msg.NoPromise()
    if c.id is None and c.promise_due is not None and _utc(c.promise_due) <= _utc(now):
        errors["promise_due"] = msg.PromiseInPast()
    return errors


@dataclass(frozen=True, slots=True)
class StatusChange:
    at: dt.datetime
    by: str
    before: Status | None  # None for the creation
    after: Status
    note: str = ""


@dataclass(frozen=True, slots=True)
class PromiseChange:
    """A promise made or extended; the original due time stays in history."""

    at: dt.datetime
    by: str
    due: dt.datetime
    previous_due: dt.datetime | None
    note: str  # required when extending


@dataclass(frozen=True, slots=True)
class FollowUp:
    at: dt.datetime
    by: str
    satisfaction: int  # 1–5
    note: str = ""

    @property
    def dissatisfied(self) -> bool:
        return is_dissatisfied(self.satisfaction)


def extend_promise(
    c: Complaint, new_due: dt.datetime, note: str, *, by: str, now: dt.datetime
) -> tuple[Complaint, PromiseChange]:
    """Move a promise later. A note is required; the old due time goes into history."""
    if not c.status.is_open:
        raise msg.Refusal(msg.ExtendClosed())
    if not note.strip():
        raise msg.Refusal(msg.ExtendWithoutReason())
    if _utc(new_due) <= _utc(now):
        raise msg.Refusal(msg.ExtendIntoPast())
    if c.promise_due is not None and _utc(new_due) <= _utc(c.promise_due):
        raise msg.Refusal(msg.ExtendNotLater())
    change = PromiseChange(at=now, by=by, due=new_due, previous_due=c.promise_due, note=note)
    return replace(c, promise_due=new_due), change


def apply_action(
    c: Complaint,
    action: Action,
    *,
    by: str,
    now: dt.datetime,
    note: str = "",
    follow_up_days: int = FOLLOW_UP_DAYS,
    zone: ZoneInfo | None = None,
) -> tuple[Complaint, StatusChange]:
    """The complaint after *action* and the history entry for it.

    :class:`TransitionRefused` for a move the status machine does not allow; ValueError
    for a void without a reason. Every action except void is a response to the customer,
    so the first one stamps ``first_response_at``. Resolving stamps ``resolved_at`` and
    schedules the follow-up (*follow_up_days* calendar days later in *zone*); reopening
    keeps the last resolution's times (the queues look at the status) until the next
    resolve overwrites them.
    """
    after = next_status(c.status, action)
    if action is Action.VOID and not note.strip():
        raise msg.Refusal(msg.VoidWithoutReason())
    new = replace(c, status=after)
    if action is not Action.VOID and c.first_response_at is None:
        new.first_response_at = now
    if action is Action.RESOLVE:
        new.resolved_at = now
        new.follow_up_due = follow_up_due(now, follow_up_days, zone)
    if action is Action.VOID:
        new.void_reason = note.strip()
    return new, StatusChange(at=now, by=by, before=c.status, after=after, note=note.strip())


def promise_kept(c: Complaint) -> bool | None:
    """Whether the complaint was resolved by its (latest) promised time; None when there
    was no promise or it is not resolved."""
    if c.promise_due is None or c.resolved_at is None:
        return None
    return _utc(c.resolved_at) <= _utc(c.promise_due)


# --- figures for managers -------------------------------------------------------------


def median(values: Iterable[float]) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def percent(part: int, whole: int) -> float | None:
    """*part* of *whole* in percent, one decimal; None when there is nothing to count."""
    return None if whole == 0 else round(100.0 * part / whole, 1)

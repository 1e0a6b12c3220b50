"""Phone calls: the Generic CTI event format, caller numbers and how they match customers.

Plain rules, no I/O. A PBX (or an IP phone, a softphone, a bridge) describes a call with
three events in Zammad's Generic CTI format — ``newCall``, ``answer``, ``hangup`` — each a
flat set of text fields. :func:`parse_event` turns those fields into a :class:`CtiEvent`
or raises :class:`InvalidEvent` with a sentence saying what is wrong; nothing a caller
sends gets further than that unchecked.

Number matching (:func:`read_number`, :func:`choose_match`): the caller's number is
normalised to E.164 with the store's default region (an extension is set aside); an
exact E.164 match wins; otherwise a customer whose phone ends with the same last 7 or
more digits is a *probable* match when exactly one customer shares the longest such
ending. Several customers → the agent chooses; none → a new caller.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import ipaddress
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import phonenumbers

from console.domain.phones import digits_only

#: Fewest trailing digits that may identify a caller when the number does not match
#: exactly (a 7-digit local number; shorter ones are extensions).
MIN_MATCH_DIGITS = 7
MAX_CALL_ID = 250  # Zammad's limit
MAX_NUMBER = 64
MAX_NAME = 120
MAX_USERS = 32
MAX_CAUSE = 64

#: Caller-ID values that mean "no number" (withheld, restricted, unknown).
WITHHELD = frozenset(
    {"", "anonymous", "unknown", "private", "restricted", "withheld", "unavailable", "0"}
)


class EventKind(enum.StrEnum):
    NEW_CALL = "newCall"
    ANSWER = "answer"
    HANGUP = "hangup"


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"


class CallState(enum.StrEnum):
    RINGING = "ringing"  # newCall seen, nobody has answered yet
    ANSWERED = "answered"  # someone is talking to the caller
    ENDED = "ended"  # answered, then hung up (or an outbound call that ended)
    MISSED = "missed"  # an inbound call hung up before anyone answered


class MatchKind(enum.StrEnum):
    EXACT = "exact"
    PROBABLE = "probable"
    NONE = "none"


class InvalidEvent(ValueError):
    """The request does not describe a call event; the message says why."""


@dataclass(frozen=True, slots=True)
class CtiEvent:
    kind: EventKind
    call_id: str
    from_number: str
    to_number: str
    direction: Direction
    users: tuple[str, ...] = ()
    queue: str = ""
    cause: str = ""
    answering_number: str = ""

    @property
    def other_party(self) -> str:
        """The customer's side of the call: the caller (in) or the number dialled (out)."""
        return self.from_number if self.direction is Direction.IN else self.to_number


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CALL_ID = re.compile(r"[\x21-\x7e]{1,%d}" % MAX_CALL_ID)  # noqa: UP031


def _one(fields: Mapping[str, Sequence[str]], name: str, limit: int) -> str:
    values = fields.get(name, ())
    if len(values) > 1:
        raise InvalidEvent(f"{name!r} is given {len(values)} times")
    value = values[0] if values else ""
    if not isinstance(value, str):
        raise InvalidEvent(f"{name!r} must be text")
    value = value.strip()
    if len(value) > limit:
        raise InvalidEvent(f"{name!r} is longer than {limit} characters")
    if _CONTROL.search(value):
        raise InvalidEvent(f"{name!r} contains control characters")
    return value


def parse_event(fields: Mapping[str, Sequence[str]]) -> CtiEvent:
    """Validate the fields of one Generic CTI request (form, JSON or query string).

    *fields* maps each field name to all the values given for it (``user`` and
    ``user[]`` both name the agents). Unknown fields are ignored, as Zammad does.
    """
    raw_kind = _one(fields, "event", 32)
    try:
        kind = EventKind(raw_kind)
    except ValueError:
        allowed = ", ".join(k.value for k in EventKind)
        if not raw_kind:
            raise InvalidEvent(f"'event' is missing (one of: {allowed})") from None
        raise InvalidEvent(f"'event' must be one of {allowed}, not {raw_kind[:32]!r}") from None
    call_id = _one(fields, "callId", MAX_CALL_ID)
    if not call_id:
        raise InvalidEvent("'callId' is missing")
    if not _CALL_ID.fullmatch(call_id):
        raise InvalidEvent("'callId' must be printable ASCII without spaces")
    raw_direction = _one(fields, "direction", 8) or Direction.IN.value
    try:
        direction = Direction(raw_direction)
    except ValueError:
        raise InvalidEvent("'direction' must be 'in' or 'out'") from None
    users: list[str] = []
    for name in ("user", "user[]"):
        for given in fields.get(name, ()):
            if not isinstance(given, str):
                raise InvalidEvent("'user' must be text")
            value = given.strip()
            if len(value) > MAX_NAME or _CONTROL.search(value):
                raise InvalidEvent(f"'user' values must be up to {MAX_NAME} plain characters")
            if value:
                users.append(value)
    if len(users) > MAX_USERS:
        raise InvalidEvent(f"more than {MAX_USERS} 'user' values")
    return CtiEvent(
        kind=kind,
        call_id=call_id,
        from_number=_one(fields, "from", MAX_NUMBER),
        to_number=_one(fields, "to", MAX_NUMBER),
        direction=direction,
        users=tuple(users),
        queue=_one(fields, "queue", MAX_NAME),
        cause=_one(fields, "cause", MAX_CAUSE),
        answering_number=_one(fields, "answeringNumber", MAX_NAME),
    )


def json_fields(body: object) -> dict[str, list[str]]:
    """The fields of a JSON request body: an object of strings, numbers or string lists."""
    if not isinstance(body, dict):
        raise InvalidEvent("the JSON body must be an object")
    fields: dict[str, list[str]] = {}
    for key, value in body.items():
        if isinstance(value, bool) or value is None:
            raise InvalidEvent(f"{key!r} must be text")
        if isinstance(value, str):
            fields[key] = [value]
        elif isinstance(value, int | float):
            fields[key] = [str(value)]
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            fields[key] = list(value)
        else:
            raise InvalidEvent(f"{key!r} must be text or a list of text")
    return fields


# --- the caller's number ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallerNumber:
    """A number as the PBX sent it and the forms it can be matched by."""

    raw: str
    e164: str | None  # the best valid E.164 reading, None when there is none
    forms: tuple[str, ...]  # every valid E.164 reading (exact look-ups)
    digits: str  # the digits without any extension (last-digits look-ups)
    extension: str = ""

    @property
    def withheld(self) -> bool:
        return not self.digits

    @property
    def suffix(self) -> str | None:
        """The last digits used for a probable match, or None when too short."""
        if len(self.digits) < MIN_MATCH_DIGITS:
            return None
        return self.digits[-MIN_MATCH_DIGITS:]


_SIP_URI = re.compile(r"^(?:[^<]*<)?\s*(?:sips?|tel):([^@>]*)", re.I)


def user_part(text: str) -> str:
    """The number of a SIP or tel URI (``"Li" <sip:+8613812345678@pbx>`` → ``+8613812345678``),
    as IP phones send them; other text unchanged."""
    m = _SIP_URI.match(text.strip())
    if m is None:
        return text
    number, *params = m.group(1).split(";")
    ext = [p for p in params if p.strip().lower().startswith("ext=")]
    return ";".join([number.strip(), *ext[:1]])


_EXTENSION = re.compile(r"\s*(?:;\s*ext=|(?:ext\.?|extension|x|#|,)\s*)(\d{1,8})\s*$", re.I)


def _valid_e164(text: str, region: str | None) -> str | None:
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def read_number(raw: str, region: str) -> CallerNumber:
    """Read a caller-ID as PBXs send it: ``+8613812345678``, ``8613812345678`` (no plus),
    ``0086…``, ``021-5555 1234``, ``021 5555 1234 ext. 12``, ``anonymous``."""
    text = user_part(raw).strip()
    if text.lower() in WITHHELD or len(text) > MAX_NUMBER:
        return CallerNumber(raw, None, (), "")
    extension = ""
    if (m := _EXTENSION.search(text)) is not None and len(digits_only(text[: m.start()])) >= 3:
        extension = m.group(1)
        text = text[: m.start()]
    digits = digits_only(text)
    if not digits:
        return CallerNumber(raw, None, (), "", extension)
    forms: list[str] = []
    candidates = [text]
    if text.startswith("00"):
        candidates.insert(0, "+" + digits[2:])
    for candidate in candidates:
        if (e164 := _valid_e164(candidate, region.upper() or None)) and e164 not in forms:
            forms.append(e164)
    # PBXs often send international numbers without the plus (Zammad's own examples).
    if not text.startswith(("+", "0")) and len(digits) >= 8:
        e164 = _valid_e164("+" + digits, None)
        if e164 and e164 not in forms:
            forms.append(e164)
    return CallerNumber(raw, forms[0] if forms else None, tuple(forms), digits, extension)


def common_suffix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        size += 1
    return size


@dataclass(frozen=True, slots=True)
class Match:
    kind: MatchKind
    customer_ids: tuple[int, ...] = ()

    @property
    def customer_id(self) -> int | None:
        """The one customer this call is from (None: unknown, or the agent must choose)."""
        return self.customer_ids[0] if len(self.customer_ids) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.customer_ids) > 1


def choose_match(
    number: CallerNumber,
    exact_ids: Iterable[int],
    suffix_phones: Mapping[int, Iterable[str]] | None = None,
) -> Match:
    """Decide who is calling.

    *exact_ids*: customers with a phone equal to one of ``number.forms``.
    *suffix_phones*: candidate customers (and their E.164 phones) whose phone ends with
    ``number.suffix``. Exact matches win (several: the agent chooses among them). Else a
    candidate sharing the longest ending (7+ digits) with the number, alone at that
    length, is the probable caller; a tie leaves the agent to choose among the tied.
    """
    exact = tuple(dict.fromkeys(exact_ids))
    if exact:
        return Match(MatchKind.EXACT, exact)
    if not suffix_phones or number.suffix is None:
        return Match(MatchKind.NONE)
    best = 0
    tied: list[int] = []
    for customer_id, phones in suffix_phones.items():
        size = max((common_suffix(number.digits, digits_only(p)) for p in phones), default=0)
        if size < MIN_MATCH_DIGITS:
            continue
        if size > best:
            best, tied = size, [customer_id]
        elif size == best:
            tied.append(customer_id)
    if not tied:
        return Match(MatchKind.NONE)
    return Match(MatchKind.PROBABLE, tuple(tied))


def is_loopback(host: str) -> bool:
    """Is *host* this machine only (127.0.0.1, ::1, localhost)?"""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- who the call is for ----------------------------------------------------------------


def _same_party(a: str, b: str) -> bool:
    a, b = user_part(a).strip().casefold(), user_part(b).strip().casefold()
    if not a or not b:
        return False
    if a == b:
        return True
    da, db = digits_only(a), digits_only(b)
    return bool(da) and da == db and len(da) == len(a.replace(" ", "").lstrip("+"))


def rings_extension(event: CtiEvent, extension: str) -> bool:
    """Is *event* an inbound call ringing *extension* itself (its ``to``)?"""
    return (
        event.direction is Direction.IN
        and bool(extension.strip())
        and _same_party(event.to_number, extension)
    )


def names_someone(event: CtiEvent) -> bool:
    """Does *event* name its agent (``user`` or ``answeringNumber``)?"""
    return bool(event.users or event.answering_number)


def is_for_agent(event: CtiEvent, *, agent: str = "", extension: str = "") -> bool:
    """Does this console pop for *event*?

    A console with neither an agent name nor an extension configured pops for every call.
    Otherwise the call is for this console when ``user`` names the agent (or the
    extension), when ``answeringNumber`` is the extension or the agent, or — for an
    inbound call — when it rings the extension itself (``to``). A call that names nobody
    (no ``user``, no ``answeringNumber``) rings everyone.
    """
    mine = [value for value in (agent, extension) if value.strip()]
    if not mine:
        return True
    addressees = list(event.users)
    if event.answering_number:
        addressees.append(event.answering_number)
    if rings_extension(event, extension):
        return True
    if not addressees:
        return True
    return any(_same_party(a, m) for a in addressees for m in mine)


# --- the call record --------------------------------------------------------------------


@dataclass(slots=True)
class Call:
    """One call as logged: what the PBX said, who it matched, and how it went."""

    call_id: str
    direction: Direction
    from_number: str
    to_number: str
    started_at: dt.datetime
    state: CallState = CallState.RINGING
    number: str | None = None  # the customer side in E.164, when valid
    customer_id: int | None = None
    match: MatchKind = MatchKind.NONE
    candidates: tuple[int, ...] = ()  # several customers share the number: agent chooses
    users: tuple[str, ...] = ()
    queue: str = ""
    answered_by: str = ""
    answered_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    cause: str = ""
    called_back_at: dt.datetime | None = None
    id: int | None = None

    @property
    def duration(self) -> dt.timedelta | None:
        """Talking time (answer → hangup); None until both are known."""
        if self.answered_at is None or self.ended_at is None:
            return None
        return max(self.ended_at - self.answered_at, dt.timedelta(0))

    @property
    def live(self) -> bool:
        return self.state in (CallState.RINGING, CallState.ANSWERED)

    @property
    def other_party(self) -> str:
        return self.from_number if self.direction is Direction.IN else self.to_number


def answer_call(call: Call, event: CtiEvent, at: dt.datetime) -> Call:
    """The call after an ``answer`` event (a late or repeated one changes nothing)."""
    if call.state is not CallState.RINGING:
        return call
    who = event.answering_number or ", ".join(event.users)
    return dataclasses.replace(call, state=CallState.ANSWERED, answered_at=at, answered_by=who)


def hang_up(call: Call, event: CtiEvent, at: dt.datetime) -> Call:
    """The call after a ``hangup`` event: ended when it was answered, else missed (inbound)."""
    if not call.live:
        return call
    if call.state is CallState.ANSWERED:
        state = CallState.ENDED
    else:
        state = CallState.MISSED if call.direction is Direction.IN else CallState.ENDED
    return dataclasses.replace(call, state=state, ended_at=at, cause=event.cause or call.cause)


def format_duration(value: dt.timedelta | None) -> str:
    if value is None:
        return ""
    seconds = int(value.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

"""What keeps the call-event listener standing under attack; plain Python, no HTTP.

* :func:`check_fields` — the input rules the listener applies before
  :func:`console.domain.calls.parse_event`: text that is valid Unicode (no lone
  surrogates), no control characters in the broad sense (:func:`control_character`),
  and a length limit per field, each refusal a sentence naming the field.
* :class:`SourceLimiter` — one flood budget (:class:`TokenBucket`) per source address,
  so one noisy address cannot spend another's budget.
* :class:`ConnectionLedger` — a cap on open connections, in total and per source; at the
  cap the connection that has waited longest without a request in progress makes room,
  or (none waiting) the new one is closed at once. :class:`BurstLog` says so once per
  burst, not once per connection.
* :class:`RedactToken` — a logging filter that takes the token out of every record.
"""

from __future__ import annotations

import ipaddress
import logging
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from console.domain.calls import (
    MAX_CALL_ID,
    MAX_CAUSE,
    MAX_NAME,
    MAX_NUMBER,
    MAX_USERS,
    InvalidEvent,
)

#: Longest value accepted per field (characters). Unknown fields are ignored, not checked.
FIELD_LIMITS: Mapping[str, int] = {
    "event": 32,
    "callId": MAX_CALL_ID,
    "from": MAX_NUMBER,
    "to": MAX_NUMBER,
    "direction": 8,
    "user": MAX_NAME,
    "user[]": MAX_NAME,
    "queue": MAX_NAME,
    "cause": MAX_CAUSE,
    "answeringNumber": MAX_NAME,
}

#: Bidirectional overrides and isolates, and the line and paragraph separators: they
#: rearrange or break what staff see, so they count as control characters here.
_FORMAT_CONTROLS = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029])


def control_character(ch: str) -> bool:
    """True for C0 and C1 controls and DEL (category Cc, which includes U+0085 NEL),
    bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) and U+2028/U+2029."""
    return ord(ch) in _FORMAT_CONTROLS or unicodedata.category(ch) == "Cc"


def _surrogate(ch: str) -> bool:
    return 0xD800 <= ord(ch) <= 0xDFFF


def check_text(name: str, value: str) -> None:
    """Refuse a value of field *name* that is not plain text, in a sentence naming it."""
    # Leading and trailing ASCII blanks are trimmed by the event parser, as before.
    inner = value.strip(" \t\r\n")
    if any(_surrogate(ch) for ch in value):
        raise InvalidEvent(f"{name!r} is not valid Unicode text (a lone surrogate)")
    if any(control_character(ch) for ch in inner):
        raise InvalidEvent(f"{name!r} contains control characters")


def check_fields(fields: Mapping[str, Sequence[str]]) -> None:
    """Apply the listener's input rules to the fields the event format knows.

    Raises :class:`InvalidEvent` naming the first field that breaks a rule.
    """
    users = 0
    for name, limit in FIELD_LIMITS.items():
        values = fields.get(name, ())
        if name in ("user", "user[]"):
            users += len(values)
            if users > MAX_USERS:
                raise InvalidEvent(f"more than {MAX_USERS} 'user' values")
        elif len(values) > 1:
            raise InvalidEvent(f"{name!r} is given {len(values)} times")
        for value in values:
            if not isinstance(value, str):
                raise InvalidEvent(f"{name!r} must be text")
            if len(value.strip(" \t\r\n")) > limit:
                raise InvalidEvent(f"{name!r} is longer than {limit} characters")
            check_text(name, value)


# --- flood budgets ------------------------------------------------------------------------


class TokenBucket:
    """A flood guard: *rate* requests per second on average, *burst* at once."""

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._clock = clock
        self._tokens = float(burst)
        self._last = clock()

    def allow(self) -> bool:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False

    def retry_after(self) -> int:
        return max(1, int((1.0 - self._tokens) / self.rate + 0.999))


def source_key(host: str | None) -> str:
    """The address a budget is kept for: the IPv4 address, or the IPv6 /64 (one host
    usually owns a whole /64, so a budget per IPv6 address would be no budget at all)."""
    if not host:
        return "?"
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class SourceLimiter:
    """A :class:`TokenBucket` per source address, for at most *sources* addresses
    (the least recently seen is forgotten first)."""

    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        sources: int = 4096,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.burst = burst
        self._sources = sources
        self._clock = clock
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def bucket(self, source: str) -> TokenBucket:
        bucket = self._buckets.get(source)
        if bucket is None:
            bucket = self._buckets[source] = TokenBucket(self.rate, self.burst, self._clock)
            while len(self._buckets) > self._sources:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(source)
        return bucket


# --- open connections ---------------------------------------------------------------------


@dataclass(eq=False)
class Connection:
    """One open connection as the ledger sees it; *close* ends it at once."""

    source: str
    close: Callable[[], None]
    busy: bool = False  # a request is being handled (or its whole head is waiting)
    partial: bool = False  # part of a request head has arrived, not all of it
    since: float = field(default_factory=time.monotonic)  # last change of *busy*


class ConnectionLedger:
    """Open connections, at most *total* in all and *per_source* from one address.

    :meth:`admit` makes room for a new connection by closing the one (from the same
    source when that source is full, else from any) that has waited longest without a
    request in progress — a half-sent head first, as a slowloris client holds them, then
    an idle connection — or refuses the new one when every connection is busy. Either way the excess
    is closed at once and the real client's new connection gets in.
    """

    def __init__(self, total: int, per_source: int, on_excess: Callable[[], None]) -> None:
        self.total = total
        self.per_source = per_source
        self._on_excess = on_excess
        self._open: dict[Connection, None] = {}
        self._by_source: dict[str, dict[Connection, None]] = {}

    def __len__(self) -> int:
        return len(self._open)

    def admit(self, conn: Connection) -> bool:
        mine = self._by_source.get(conn.source, {})
        if len(mine) >= self.per_source and not self._evict(mine):
            self._on_excess()
            return False
        if len(self._open) >= self.total and not self._evict(self._open):
            self._on_excess()
            return False
        self._open[conn] = None
        self._by_source.setdefault(conn.source, {})[conn] = None
        return True

    def release(self, conn: Connection) -> None:
        if self._open.pop(conn, 0) is None:
            mine = self._by_source[conn.source]
            del mine[conn]
            if not mine:
                del self._by_source[conn.source]

    def _evict(self, among: dict[Connection, None]) -> bool:
        waiting = [c for c in among if not c.busy]
        if not waiting:
            return False
        # Half-sent heads first (a slowloris's), then the longest waiting.
        oldest = min(waiting, key=lambda c: (not c.partial, c.since))
        self.release(oldest)
        self._on_excess()
        oldest.close()
        return True


class BurstLog:
    """Says "closing excess connections" once when a burst starts and how many it closed
    once it has been quiet for *quiet* seconds — two lines per burst at most."""

    def __init__(
        self,
        logger: logging.Logger,
        call_later: Callable[[float, Callable[[], None]], object],
        *,
        limit: str,
        quiet: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._log = logger
        self._call_later = call_later
        self._limit = limit
        self._quiet = quiet
        self._clock = clock
        self._count = 0
        self._last = 0.0

    def __call__(self) -> None:
        self._last = self._clock()
        self._count += 1
        if self._count == 1:
            self._log.warning(
                "too many open connections to the call-event listener (%s); closing the excess",
                self._limit,
            )
            self._call_later(self._quiet, self._check)

    def _check(self) -> None:
        waited = self._clock() - self._last
        if waited < self._quiet:
            self._call_later(self._quiet - waited, self._check)
            return
        self._log.warning(
            "the call-event listener closed %d excess connections in that burst", self._count
        )
        self._count = 0


# --- the token stays secret ---------------------------------------------------------------

REDACTED = "<token>"


class RedactToken(logging.Filter):
    """Replaces the token in a record's message and traceback text with ``<token>``."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def redact(self, text: str) -> str:
        return text.replace(self._token, REDACTED)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        record.msg = self.redact(message)
        record.args = None
        return True

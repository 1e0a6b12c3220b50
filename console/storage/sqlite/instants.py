"""Instants as the SQLite store keeps them: UTC, ISO-8601 text, fixed width.

Every moment (a visit, a complaint's promise, an audit entry) is stored as
``YYYY-MM-DDTHH:MM:SS.ffffff+00:00``: one representation, sortable as text, correct
whatever zone the computer is in when it is read back, and the form PostgreSQL's
``timestamptz`` prints. Dates without a time (birthdays, a report's day) stay ISO dates.

The domain hands storage either an aware instant or a naive wall time in the computer's
(the store's) zone; a naive value is placed in that zone (DST fold 0) before conversion.
Reading gives back an aware UTC instant (``load``) or the wall time in the computer's
zone (``load_local``), whichever the domain type wants.
"""

from __future__ import annotations

import datetime as dt


def dump(moment: dt.datetime) -> str:
    """*moment* as stored: UTC, microseconds, explicit offset."""
    # A naive value is a wall time in this computer's zone: astimezone() reads it so
    # (with its fold) in one step — a third faster than placing it in the local zone first,
    # which counts in a million-row import.
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


class Batch:
    """:func:`dump` for the many instants of one batch (a bulk load's customers, visits
    and purchases), the same text, faster: a naive wall time's UTC offset is looked up
    once per calendar day (and fold) rather than once per value.

    A day's offset is used only when its first and last microsecond have the same offset
    in this computer's zone: then no change of offset falls within the day (a zone does
    not change twice within 24 hours — ``astimezone`` itself assumes so), and every wall
    time of that day converts with it. Days with a change, and aware values, go through
    :func:`dump`. Make one per batch: a zone changed meanwhile (``time.tzset``) is not
    seen.
    """

    __slots__ = ("_days", "_last", "_last_text")

    def __init__(self) -> None:
        self._days: dict[tuple[dt.date, int], dt.timedelta | None] = {}
        self._last: dt.datetime | None = None
        self._last_text = ""

    def __call__(self, moment: dt.datetime) -> str:
        if moment is self._last:  # an import stamps every row with the same value
            return self._last_text
        if moment.tzinfo is not None:
            return dump(moment)
        key = (moment.date(), moment.fold)
        try:
            offset = self._days[key]
        except KeyError:
            offset = self._days[key] = _offset_all_day(moment)
        if offset is None:
            text = dump(moment)
        else:
            utc = moment - offset
            # isoformat() without timespec (quicker) leaves out zero microseconds.
            text = utc.isoformat() + ("+00:00" if utc.microsecond else ".000000+00:00")
        self._last, self._last_text = moment, text
        return text


def _offset_all_day(moment: dt.datetime) -> dt.timedelta | None:
    """The UTC offset of every wall time of *moment*'s day (with its fold) in this
    computer's zone, or None when the offset changes within that day."""
    offsets = set()
    for bound in (dt.time(0), dt.time(23, 59, 59, 999999)):
        wall = dt.datetime.combine(moment.date(), bound.replace(fold=moment.fold))
        try:
            offsets.add(wall - wall.astimezone(dt.UTC).replace(tzinfo=None))
        except (OverflowError, ValueError, OSError):  # the ends of the calendar
            return None
    return offsets.pop() if len(offsets) == 1 else None


def dump_optional(moment: dt.datetime | None) -> str | None:
    return None if moment is None else dump(moment)


def load(text: str) -> dt.datetime:
    """A stored instant, aware, in UTC. (Legacy naive text reads as local wall time.)"""
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(dt.UTC)


def load_optional(text: str | None) -> dt.datetime | None:
    return None if not text else load(text)


def load_local(text: str) -> dt.datetime:
    """A stored instant as naive wall time in this computer's zone (what the domain's
    visit, purchase and call times are)."""
    return load(text).astimezone().replace(tzinfo=None)


def load_local_optional(text: str | None) -> dt.datetime | None:
    return None if not text else load_local(text)


def from_epoch(seconds: int | float) -> str:
    """A legacy UTC-integer column's value as stored text (migrations)."""
    return dump(dt.datetime.fromtimestamp(seconds, dt.UTC))


def migrate_text(text: str | None) -> str | None:
    """A legacy value (naive local or aware ISO text) as stored text (migrations).
    Naive values are read in this computer's zone, where they were written."""
    return None if text is None or text == "" else dump(dt.datetime.fromisoformat(text))

"""The one source of "now" for the whole app.

Every service, widget and command that needs the current time asks a :class:`Clock`
handed to it by the composition root (``console.app`` or the CLI). Tests hand in a
:class:`FixedClock` pinned to a moment, so nothing depends on the day or the machine's
time zone. Nothing else in ``console`` calls ``datetime.now()`` or ``date.today()``.

Three views of the same instant, because the stored data still uses three:

* :meth:`Clock.utc` — an aware UTC instant (audit, staff, complaints);
* :meth:`Clock.now` — the same instant, aware, in the clock's zone (the store's, else
  the computer's);
* :meth:`Clock.local_naive` — the wall time in that zone without a zone, whole seconds
  (customers, visits, purchases, calls, phrasebooks, backups' file names).
"""

from __future__ import annotations

import datetime as dt
import time
from abc import ABC, abstractmethod


class Clock(ABC):
    """Tells the time. Subclasses give :meth:`utc`; the rest derive from it."""

    def __init__(self, zone: dt.tzinfo | None = None) -> None:
        self.zone = zone  # None: the computer's own zone, as the OS says at that instant

    @abstractmethod
    def utc(self) -> dt.datetime:
        """The current instant, aware, in UTC."""

    def now(self) -> dt.datetime:
        """The current instant, aware, in the clock's zone."""
        moment = self.utc()
        return moment.astimezone(self.zone) if self.zone else moment.astimezone()

    def local_naive(self) -> dt.datetime:
        """Wall time in the clock's zone, without a zone, to the second."""
        return self.now().replace(tzinfo=None, microsecond=0)

    def today(self) -> dt.date:
        """Today's date in the clock's zone."""
        return self.now().date()

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back (for idle times and rate limits)."""
        return time.monotonic()


class SystemClock(Clock):
    """The computer's clock."""

    def utc(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FixedClock(Clock):
    """A clock that shows one moment until told otherwise (tests, demos, benchmarks).

    A naive *moment* is wall time in *zone* (or in the computer's zone when *zone* is
    None), so ``FixedClock(datetime(2026, 11, 28, 10)).local_naive()`` is 10:00 in any
    time zone.
    """

    def __init__(self, moment: dt.datetime, zone: dt.tzinfo | None = None) -> None:
        super().__init__(zone)
        self._utc = self._as_utc(moment)
        self._start = self._utc

    def _as_utc(self, moment: dt.datetime) -> dt.datetime:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone) if self.zone else moment.astimezone()
        return moment.astimezone(dt.UTC)

    def utc(self) -> dt.datetime:
        return self._utc

    def set(self, moment: dt.datetime) -> None:
        self._utc = self._as_utc(moment)

    def advance(self, delta: dt.timedelta | None = None, /, **kwargs: float) -> None:
        """Move on by *delta* (or ``advance(minutes=5)``)."""
        self._utc += delta if delta is not None else dt.timedelta(**kwargs)

    def monotonic(self) -> float:
        return (self._utc - self._start).total_seconds()

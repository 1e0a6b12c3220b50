"""The one clock: views of one instant, pinned in tests, independent of the machine's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from console.domain.clock import FixedClock, SystemClock

SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")


def test_a_naive_moment_is_wall_time_whatever_the_machine_zone() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 28, 10, 0, 30, 500))
    assert clock.local_naive() == dt.datetime(2026, 11, 28, 10, 0, 30)
    assert clock.today() == dt.date(2026, 11, 28)
    assert clock.utc().tzinfo is dt.UTC


def test_a_zoned_clock_shows_the_same_instant_in_its_zone() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 28, 23, 30), zone=SH)
    assert clock.utc() == dt.datetime(2026, 11, 28, 15, 30, tzinfo=dt.UTC)
    assert clock.now().tzinfo is SH
    assert clock.today() == dt.date(2026, 11, 28)
    clock.zone = NY
    assert clock.today() == dt.date(2026, 11, 28)
    assert clock.local_naive() == dt.datetime(2026, 11, 28, 10, 30)


def test_advancing_moves_every_view_and_the_monotonic_seconds() -> None:
    clock = FixedClock(dt.datetime(2026, 3, 8, 1, 30), zone=NY)  # DST starts at 2:00
    clock.advance(hours=1)
    assert clock.local_naive() == dt.datetime(2026, 3, 8, 3, 30)
    assert clock.monotonic() == 3600
    clock.set(dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    assert clock.now() == dt.datetime(2026, 12, 31, 19, 0, tzinfo=NY)


def test_the_system_clock_is_aware_and_moves_on() -> None:
    clock = SystemClock()
    first = clock.utc()
    assert first.tzinfo is dt.UTC
    assert clock.utc() >= first
    assert clock.now().utcoffset() is not None
    assert clock.monotonic() <= clock.monotonic()

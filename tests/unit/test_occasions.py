"""Birthdays and anniversaries: next occurrence, upcoming lists, the SQL pre-filter window."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.customer import PartialDate
from console.domain.occasions import (
    Occasion,
    days_until,
    is_birthday_this_week,
    is_birthday_today,
    month_day_window,
    next_occurrence,
    upcoming_occasions,
)

D = dt.date
P = PartialDate


@pytest.mark.parametrize(
    ("date", "today", "occurs_on", "days"),
    [
        (P(5, 1), D(2024, 5, 1), D(2024, 5, 1), 0),
        (P(5, 2), D(2024, 5, 1), D(2024, 5, 2), 1),
        (P(4, 30), D(2024, 5, 1), D(2025, 4, 30), 364),
        (P(1, 2, 1990), D(2025, 12, 28), D(2026, 1, 2), 5),
        (P(12, 31), D(2025, 12, 31), D(2025, 12, 31), 0),
        (P(1, 1), D(2025, 12, 31), D(2026, 1, 1), 1),
        # 29 February: celebrated on 28 February in common years.
        (P(2, 29), D(2027, 2, 27), D(2027, 2, 28), 1),
        (P(2, 29), D(2027, 2, 28), D(2027, 2, 28), 0),
        (P(2, 29), D(2027, 3, 1), D(2028, 2, 29), 365),
        (P(2, 29), D(2028, 2, 28), D(2028, 2, 29), 1),
        (P(2, 29), D(2028, 2, 29), D(2028, 2, 29), 0),
        (P(2, 29), D(2028, 3, 1), D(2029, 2, 28), 364),
        (P(2, 29, 2000), D(2026, 12, 31), D(2027, 2, 28), 59),
        # 28 February stays 28 February in leap years.
        (P(2, 28), D(2028, 2, 28), D(2028, 2, 28), 0),
        (P(2, 28), D(2028, 2, 29), D(2029, 2, 28), 365),
        # A known future year (a wedding being planned) occurs on that day itself.
        (P(6, 1, 2026), D(2025, 5, 30), D(2026, 6, 1), 367),
    ],
)
def test_next_occurrence(date: PartialDate, today: dt.date, occurs_on: dt.date, days: int) -> None:
    assert next_occurrence(date, today) == occurs_on
    assert days_until(date, today) == days


def test_upcoming_across_year_end_counts_years() -> None:
    today = D(2025, 12, 28)
    items = [
        (1, "birthday", P(1, 2, 1990)),
        (2, "birthday", P(12, 30, 1990)),
        (3, "wedding anniversary", P(12, 28, 2018)),
        (4, "birthday", P(1, 5)),  # 8 days away: outside the default window
        (5, "birthday", P(12, 27, 1980)),  # yesterday: a year away
    ]
    assert upcoming_occasions(items, today) == [
        Occasion(3, "wedding anniversary", P(12, 28, 2018), D(2025, 12, 28), 0, 7),
        Occasion(2, "birthday", P(12, 30, 1990), D(2025, 12, 30), 2, 35),
        Occasion(1, "birthday", P(1, 2, 1990), D(2026, 1, 2), 5, 36),
    ]


def test_upcoming_window_is_inclusive_and_sorted_by_days_then_label() -> None:
    today = D(2024, 3, 10)
    items = [
        (7, "wife's birthday", P(3, 17)),
        (7, "Birthday", P(3, 17, 1985)),
        (3, "anniversary", P(3, 17, 2024)),
        (9, "birthday", P(3, 18)),
        (1, "birthday", P(3, 11)),
    ]
    found = upcoming_occasions(items, today, within_days=7)
    assert [(o.customer_id, o.label, o.days_away, o.years) for o in found] == [
        (1, "birthday", 1, None),
        (3, "anniversary", 7, 0),  # the original date itself
        (7, "Birthday", 7, 39),
        (7, "wife's birthday", 7, None),
    ]
    assert upcoming_occasions(items, today, within_days=0) == []
    assert [o.customer_id for o in upcoming_occasions(items, today, within_days=8)] == [
        1,
        3,
        7,
        7,
        9,
    ]


@pytest.mark.parametrize("within_days", [-1, -30])
def test_negative_window_is_refused(within_days: int) -> None:
    with pytest.raises(ValueError, match="within_days"):
        upcoming_occasions([], D(2024, 1, 1), within_days=within_days)
    with pytest.raises(ValueError, match="within_days"):
        month_day_window(D(2024, 1, 1), within_days)
    with pytest.raises(ValueError, match="within_days"):
        is_birthday_this_week(P(1, 1), D(2024, 1, 1), within_days)


@pytest.mark.parametrize(
    ("birthday", "today", "is_today", "this_week"),
    [
        (None, D(2024, 5, 1), False, False),
        (P(5, 1, 1980), D(2024, 5, 1), True, True),
        (P(5, 8), D(2024, 5, 1), False, True),
        (P(5, 9), D(2024, 5, 1), False, False),
        (P(4, 30), D(2024, 5, 1), False, False),
        (P(1, 3), D(2024, 12, 29), False, True),
        (P(2, 29), D(2027, 2, 28), True, True),
        (P(2, 29), D(2028, 2, 28), False, True),
    ],
)
def test_birthday_convenience(
    birthday: PartialDate | None, today: dt.date, is_today: bool, this_week: bool
) -> None:
    assert is_birthday_today(birthday, today) is is_today
    assert is_birthday_this_week(birthday, today) is this_week


@pytest.mark.parametrize(
    ("today", "within_days", "expected"),
    [
        (D(2024, 5, 1), 0, [(5, 1)]),
        (D(2025, 12, 29), 4, [(12, 29), (12, 30), (12, 31), (1, 1), (1, 2)]),
        (D(2027, 2, 26), 3, [(2, 26), (2, 27), (2, 28), (2, 29), (3, 1)]),
        (D(2028, 2, 26), 3, [(2, 26), (2, 27), (2, 28), (2, 29)]),
        (D(2028, 2, 27), 1, [(2, 27), (2, 28)]),
        (D(2027, 2, 28), 0, [(2, 28), (2, 29)]),
    ],
)
def test_month_day_window(
    today: dt.date, within_days: int, expected: list[tuple[int, int]]
) -> None:
    assert month_day_window(today, within_days) == expected


@pytest.mark.parametrize("today", [D(2027, 6, 1), D(2028, 6, 1), D(2027, 12, 31)])
def test_month_day_window_of_a_year_or_more_lists_every_day_once(today: dt.date) -> None:
    for within_days in (365, 366, 1000):
        pairs = month_day_window(today, within_days)
        assert len(pairs) == len(set(pairs)) == 366


_dates = st.dates(min_value=D(1900, 1, 1), max_value=D(9000, 12, 31))
_partial = (
    st.builds(
        PartialDate,
        month=st.just(2),
        day=st.just(29),
        year=st.none(),
    )
    | st.dates(min_value=D(1904, 1, 1), max_value=D(2400, 12, 31)).map(
        lambda d: PartialDate(d.month, d.day, d.year)
    )
    | st.dates(min_value=D(2000, 1, 1), max_value=D(2000, 12, 31)).map(
        lambda d: PartialDate(d.month, d.day)
    )
)


@given(date=_partial, today=_dates)
def test_next_occurrence_properties(date: PartialDate, today: dt.date) -> None:
    occurs_on = next_occurrence(date, today)
    days = days_until(date, today)
    assert occurs_on >= today
    assert days == (occurs_on - today).days
    if date.year is None or date.year <= today.year:
        assert 0 <= days <= 365
        stand_in = date.month == 2 and date.day == 29 and occurs_on.day == 28
        assert (occurs_on.month, occurs_on.day) == (date.month, date.day) or stand_in
    else:
        assert occurs_on == D(date.year, date.month, date.day)


@given(
    date=st.dates(min_value=D(2000, 1, 1), max_value=D(2000, 12, 31)),
    today=_dates,
    within_days=st.integers(min_value=0, max_value=400),
)
def test_month_day_window_agrees_with_days_until(
    date: dt.date, today: dt.date, within_days: int
) -> None:
    """Storage's pre-filter finds exactly the month-days the domain calls upcoming."""
    partial = PartialDate(date.month, date.day)
    in_window = (date.month, date.day) in month_day_window(today, within_days)
    assert in_window == (days_until(partial, today) <= within_days)

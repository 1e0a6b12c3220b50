"""Birthdays and anniversaries: when they next fall, and which are coming up.

Rules:

- An occasion recurs every year on its month and day. 29 February is celebrated on
  28 February in years without a 29 February (the last day of February, the common
  legal and customary choice).
- "Upcoming within N days" is the closed window ``[today, today + N]``: with the default
  of 7, today and the next seven days.
- A date whose year is known and lies in the future (a wedding being planned) next
  occurs on that date itself, not on an earlier "anniversary" of it.
- ``years`` is the age turned or the anniversary number (``occurs_on.year - year``); 0 on
  the original date itself; None when the year is unknown.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from console.domain.customer import PartialDate


@dataclass(frozen=True, slots=True)
class Occasion:
    """One occasion of one customer that falls within the window asked for."""

    customer_id: int
    label: str
    date: PartialDate
    occurs_on: dt.date
    days_away: int
    years: int | None


def occurrence_in(date: PartialDate, year: int) -> dt.date:
    """The day *date* is celebrated in *year* (29 Feb → 28 Feb in a common year)."""
    if date.month == 2 and date.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return dt.date(year, date.month, date.day)


def next_occurrence(date: PartialDate, today: dt.date) -> dt.date:
    """The next day (today included) on which *date* is celebrated.

    ``next_occurrence(PartialDate(2, 29), dt.date(2027, 2, 27)) == dt.date(2027, 2, 28)``.
    """
    if date.year is not None and date.year > today.year:
        return dt.date(date.year, date.month, date.day)
    this_year = occurrence_in(date, today.year)
    if this_year >= today:
        return this_year
    return occurrence_in(date, today.year + 1)


def days_until(date: PartialDate, today: dt.date) -> int:
    """Days from *today* to the next occurrence of *date*: 0 means today.

    At most 365 unless the year is known and in the future (then the wait for that day).
    """
    return (next_occurrence(date, today) - today).days


def years_at(date: PartialDate, occurs_on: dt.date) -> int | None:
    """Age turned or anniversary number on *occurs_on*; None when the year is unknown."""
    if date.year is None:
        return None
    return occurs_on.year - date.year


def is_birthday_today(date: PartialDate | None, today: dt.date) -> bool:
    """True if the birthday is celebrated today (29 Feb birthdays on 28 Feb in common years)."""
    return date is not None and days_until(date, today) == 0


def is_birthday_this_week(date: PartialDate | None, today: dt.date, within_days: int = 7) -> bool:
    """True if the birthday falls today or in the next *within_days* days (not a calendar week)."""
    _check_window(within_days)
    return date is not None and days_until(date, today) <= within_days


def upcoming_occasions(
    items: Iterable[tuple[int, str, PartialDate]],
    today: dt.date,
    within_days: int = 7,
) -> list[Occasion]:
    """Occasions from ``(customer_id, label, date)`` items that fall within
    ``[today, today + within_days]``, soonest first, then by label (case-insensitive),
    then by customer id. Works across the year end (28 Dec → 2 Jan is 5 days away).
    """
    _check_window(within_days)
    found: list[Occasion] = []
    for customer_id, label, date in items:
        occurs_on = next_occurrence(date, today)
        days_away = (occurs_on - today).days
        if days_away <= within_days:
            found.append(
                Occasion(
                    customer_id=customer_id,
                    label=label,
                    date=date,
                    occurs_on=occurs_on,
                    days_away=days_away,
                    years=years_at(date, occurs_on),
                )
            )
    found.sort(key=lambda o: (o.days_away, o.label.casefold(), o.label, o.customer_id))
    return found


def month_day_window(today: dt.date, within_days: int) -> list[tuple[int, int]]:
    """Every ``(month, day)`` in ``[today, today + within_days]``, in calendar order.

    For pre-filtering in storage (``WHERE (month, day) IN …``): when 28 February of a
    common year is in the window, ``(2, 29)`` follows it, because 29 February occasions
    are celebrated that day. A window of a year or more yields all 366 pairs once. The
    result is a superset: apply :func:`upcoming_occasions` to what storage returns.
    """
    _check_window(within_days)
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for offset in range(min(within_days, 366) + 1):
        day = today + dt.timedelta(days=offset)
        candidates = [(day.month, day.day)]
        if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
            candidates.append((2, 29))
        for pair in candidates:
            if pair not in seen:
                seen.add(pair)
                pairs.append(pair)
    return pairs


def _check_window(within_days: int) -> None:
    if within_days < 0:
        raise ValueError(f"within_days must be 0 or more, not {within_days}")


# --- what an occasion is called ----------------------------------------------------------

# Family occasions staff record most often, keyed by their English name, with the spellings
# the console knows (English, Simplified, Traditional; compared case-insensitively). The
# interface shows a known one in its own language; any other label is shown as typed.
KNOWN_OCCASIONS: dict[str, tuple[str, ...]] = {
    "Birthday": ("birthday", "生日"),
    "Wedding anniversary": ("wedding anniversary", "结婚纪念日", "結婚紀念日"),
    "Anniversary": ("anniversary", "纪念日", "紀念日", "周年纪念日", "週年紀念日"),
    "Wife's birthday": ("wife's birthday", "妻子生日", "太太生日", "老婆生日"),
    "Husband's birthday": ("husband's birthday", "丈夫生日", "先生生日", "老公生日"),
    "Partner's birthday": ("partner's birthday", "伴侣生日", "伴侶生日"),
    "Daughter's birthday": ("daughter's birthday", "女儿生日", "女兒生日"),
    "Son's birthday": ("son's birthday", "儿子生日", "兒子生日"),
    "Child's birthday": ("child's birthday", "孩子生日"),
    "Mother's birthday": ("mother's birthday", "母亲生日", "母親生日", "妈妈生日", "媽媽生日"),
    "Father's birthday": ("father's birthday", "父亲生日", "父親生日", "爸爸生日"),
}
_BY_SPELLING = {
    spelling: name for name, spellings in KNOWN_OCCASIONS.items() for spelling in spellings
}


def _folded(label: str) -> str:
    return " ".join(label.replace("’", "'").split()).casefold()


def known_occasion(label: str) -> str | None:
    """The English name of a known occasion (``"Mother's birthday"`` for ``母亲生日``), or
    None for a label the console does not know (shown as typed)."""
    return _BY_SPELLING.get(_folded(label))


def is_birthday(label: str) -> bool:
    """True when the occasion is somebody's birthday (its number is an age, not an
    anniversary): the customer's own (``"birthday"``) or a label that says birthday."""
    folded = _folded(label)
    return "birthday" in folded or "生日" in folded

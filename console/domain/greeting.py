"""The greeting staff say aloud when a customer arrives, and "last seen …" phrases.

Languages: ``""``/``"en"`` English, ``"zh-Hans"`` Simplified Chinese, ``"zh-Hant"``
Traditional Chinese (the values of :class:`console.domain.customer.Language`). Tags are
matched loosely (``zh_CN``, ``zh-TW``, ``zh-hk`` …); anything else falls back to English.

*visit_number* counts the visit being greeted: 1 is the first visit, 7 means six earlier
visits. Callers pass "number of earlier visits + 1" (or the visit count after recording
today's visit).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from typing import Literal, TypeAlias

_Lang: TypeAlias = Literal["en", "zh-Hans", "zh-Hant"]

_ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class PartOfDay(enum.StrEnum):
    MORNING = "morning"  # 05:00–11:59
    AFTERNOON = "afternoon"  # 12:00–17:59
    EVENING = "evening"  # 18:00–04:59


_SALUTATIONS: dict[_Lang, dict[PartOfDay, str]] = {
    "en": {
        PartOfDay.MORNING: "Good morning",
        PartOfDay.AFTERNOON: "Good afternoon",
        PartOfDay.EVENING: "Good evening",
    },
    "zh-Hans": {
        PartOfDay.MORNING: "早上好",
        PartOfDay.AFTERNOON: "下午好",
        PartOfDay.EVENING: "晚上好",
    },
    # 晚安 is "good night" (said when leaving), so arrivals in the evening get 晚上好.
    "zh-Hant": {
        PartOfDay.MORNING: "早安",
        PartOfDay.AFTERNOON: "午安",
        PartOfDay.EVENING: "晚上好",
    },
}


def part_of_day(t: dt.time) -> PartOfDay:
    """Morning 05:00–11:59, afternoon 12:00–17:59, evening 18:00–04:59."""
    if 5 <= t.hour < 12:
        return PartOfDay.MORNING
    if 12 <= t.hour < 18:
        return PartOfDay.AFTERNOON
    return PartOfDay.EVENING


def ordinal_en(n: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th."""
    if 11 <= abs(n) % 100 <= 13:
        return f"{n}th"
    return f"{n}{_ORDINAL_SUFFIXES.get(abs(n) % 10, 'th')}"


def format_date(date: dt.date, language: str) -> str:
    """A date as said aloud: ``16 Apr 2023`` in English, ``2023年4月16日`` in Chinese."""
    if _text_language(language) == "en":
        return f"{date.day} {_MONTHS_EN[date.month - 1]} {date.year}"
    return f"{date.year}年{date.month}月{date.day}日"


def greeting_line(
    *,
    now: dt.datetime,
    address: str,
    language: str,
    visit_number: int,
    last_visit: dt.date | None,
) -> str:
    """The sentence staff say when the customer arrives.

    *address* is the preferred form of address (``Mr. Yu``, ``余先生``), or the name when
    none is set; if it is blank the greeting has no name. *visit_number* is the number of
    this visit (1 = first visit, which gets a plain welcome and ignores *last_visit*).
    For later visits *last_visit* (the previous visit's date) is mentioned when known.

    >>> greeting_line(now=dt.datetime(2024, 5, 1, 14, 0), address="Mr. Yu", language="en",
    ...               visit_number=7, last_visit=dt.date(2023, 4, 16))
    'Good afternoon, Mr. Yu — welcome back: 7th visit, last on 16 Apr 2023'

    Raises ValueError if *visit_number* is less than 1.
    """
    if visit_number < 1:
        raise ValueError(f"visit number {visit_number} must be 1 or more (1 = first visit)")
    lang = _text_language(language)
    salutation = _SALUTATIONS[lang][part_of_day(now.time())]
    name = " ".join(address.split())
    returning = visit_number > 1
    last = format_date(last_visit, lang) if returning and last_visit is not None else ""
    if lang == "en":
        head = f"{salutation}, {name}" if name else salutation
        if not returning:
            return f"{head} — welcome!"
        tail = f", last on {last}" if last else ""
        return f"{head} — welcome back: {ordinal_en(visit_number)} visit{tail}"
    head = f"{salutation}，{name}，" if name else f"{salutation}，"
    if lang == "zh-Hans":
        if not returning:
            return f"{head}欢迎光临！"
        tail = f"，上次是{last}。" if last else "。"
        return f"{head}欢迎再次光临！这是您第{visit_number}次光临{tail}"
    if not returning:
        return f"{head}歡迎光臨！"
    tail = f"，上次是{last}。" if last else "。"
    return f"{head}歡迎再次光臨！這是您第{visit_number}次光臨{tail}"


def relative_since(then: dt.date, today: dt.date, language: str) -> str:
    """How long ago *then* was: ``today``, ``yesterday``, ``3 days ago``, ``1 week ago``,
    ``5 months ago``, ``3 years ago`` (zh: 今天, 昨天, 3天前, 2周/週前, 5个/個月前, 3年前).

    Under a week counts days, under a calendar month weeks, under a year calendar months
    (31 Jan → 28 Feb is a month; 29 Feb → 28 Feb next year is a year), then years. A date
    after *today* (a clock ahead on another terminal) reads as today.
    """
    lang = _text_language(language)
    days = (today - then).days
    if days <= 0:
        return {"en": "today", "zh-Hans": "今天", "zh-Hant": "今天"}[lang]
    if days == 1:
        return {"en": "yesterday", "zh-Hans": "昨天", "zh-Hant": "昨天"}[lang]
    months = _whole_months(then, today)
    if days < 7:
        count, unit = days, "day"
    elif months < 1:
        count, unit = days // 7, "week"
    elif months < 12:
        count, unit = months, "month"
    else:
        count, unit = months // 12, "year"
    if lang == "en":
        return f"{count} {unit}{'' if count == 1 else 's'} ago"
    units = {
        "zh-Hans": {"day": "天", "week": "周", "month": "个月", "year": "年"},
        "zh-Hant": {"day": "天", "week": "週", "month": "個月", "year": "年"},
    }
    return f"{count}{units[lang][unit]}前"


def _whole_months(then: dt.date, today: dt.date) -> int:
    """Whole calendar months from *then* to *today* (day clamped to the month's end)."""
    months = (today.year - then.year) * 12 + today.month - then.month
    if months > 0 and _add_months(then, months) > today:
        months -= 1
    return max(months, 0)


def _add_months(date: dt.date, months: int) -> dt.date:
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def _text_language(language: str) -> _Lang:
    """Map a language tag to the greeting language: English unless it is Chinese."""
    tag = language.strip().replace("_", "-").lower()
    if tag == "zh" or tag.startswith("zh-"):
        if any(part in ("hant", "tw", "hk", "mo") for part in tag.split("-")[1:]):
            return "zh-Hant"
        return "zh-Hans"
    return "en"

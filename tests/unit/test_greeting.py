"""Greeting line, parts of the day, ordinals and "last seen" phrases."""

from __future__ import annotations

import datetime as dt

import pytest

from console.domain.customer import Language
from console.domain.greeting import (
    PartOfDay,
    format_date,
    greeting_line,
    ordinal_en,
    part_of_day,
    relative_since,
)

D = dt.date
T = dt.time


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        (T(0, 0), PartOfDay.EVENING),
        (T(4, 59, 59), PartOfDay.EVENING),
        (T(5, 0), PartOfDay.MORNING),
        (T(11, 59, 59), PartOfDay.MORNING),
        (T(12, 0), PartOfDay.AFTERNOON),
        (T(17, 59, 59), PartOfDay.AFTERNOON),
        (T(18, 0), PartOfDay.EVENING),
        (T(23, 59, 59), PartOfDay.EVENING),
    ],
)
def test_part_of_day_boundaries(time: dt.time, expected: PartOfDay) -> None:
    assert part_of_day(time) is expected


_FIRST_VISIT = {
    "en": "{hello}, Mr. Yu — welcome!",
    "zh-Hans": "{hello}，余先生，欢迎光临！",
    "zh-Hant": "{hello}，余先生，歡迎光臨！",
}
_ADDRESS = {"en": "Mr. Yu", "zh-Hans": "余先生", "zh-Hant": "余先生"}


@pytest.mark.parametrize(
    ("hour", "minute", "language", "hello"),
    [
        (4, 59, "en", "Good evening"),
        (5, 0, "en", "Good morning"),
        (11, 59, "en", "Good morning"),
        (12, 0, "en", "Good afternoon"),
        (17, 59, "en", "Good afternoon"),
        (18, 0, "en", "Good evening"),
        (4, 59, "zh-Hans", "晚上好"),
        (5, 0, "zh-Hans", "早上好"),
        (11, 59, "zh-Hans", "早上好"),
        (12, 0, "zh-Hans", "下午好"),
        (17, 59, "zh-Hans", "下午好"),
        (18, 0, "zh-Hans", "晚上好"),
        (4, 59, "zh-Hant", "晚上好"),
        (5, 0, "zh-Hant", "早安"),
        (11, 59, "zh-Hant", "早安"),
        (12, 0, "zh-Hant", "午安"),
        (17, 59, "zh-Hant", "午安"),
        (18, 0, "zh-Hant", "晚上好"),
    ],
)
def test_greeting_by_time_of_day(hour: int, minute: int, language: str, hello: str) -> None:
    line = greeting_line(
        now=dt.datetime(2024, 5, 1, hour, minute),
        address=_ADDRESS[language],
        language=language,
        visit_number=1,
        last_visit=None,
    )
    assert line == _FIRST_VISIT[language].format(hello=hello)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Good afternoon, Mr. Yu — welcome back: 7th visit, last on 16 Apr 2023"),
        ("", "Good afternoon, Mr. Yu — welcome back: 7th visit, last on 16 Apr 2023"),
        ("zh-Hans", "下午好，余先生，欢迎再次光临！这是您第7次光临，上次是2023年4月16日。"),
        ("zh-Hant", "午安，余先生，歡迎再次光臨！這是您第7次光臨，上次是2023年4月16日。"),
    ],
)
def test_returning_customer(language: str, expected: str) -> None:
    address = "Mr. Yu" if language in ("", "en") else "余先生"
    line = greeting_line(
        now=dt.datetime(2024, 5, 1, 14, 30),
        address=address,
        language=language,
        visit_number=7,
        last_visit=D(2023, 4, 16),
    )
    assert line == expected


@pytest.mark.parametrize(
    ("visit_number", "last_visit", "language", "expected"),
    [
        # The first visit gets a plain welcome, even if a stray last visit is passed.
        (1, D(2023, 4, 16), "en", "Good morning, Mr. Yu — welcome!"),
        (
            2,
            D(2024, 4, 30),
            "en",
            "Good morning, Mr. Yu — welcome back: 2nd visit, last on 30 Apr 2024",
        ),
        (2, None, "en", "Good morning, Mr. Yu — welcome back: 2nd visit"),
        (2, None, "zh-Hans", "早上好，Mr. Yu，欢迎再次光临！这是您第2次光临。"),
        (3, None, "zh-Hant", "早安，Mr. Yu，歡迎再次光臨！這是您第3次光臨。"),
        (
            111,
            D(2024, 1, 5),
            "en",
            "Good morning, Mr. Yu — welcome back: 111th visit, last on 5 Jan 2024",
        ),
    ],
)
def test_first_visit_versus_return(
    visit_number: int, last_visit: dt.date | None, language: str, expected: str
) -> None:
    line = greeting_line(
        now=dt.datetime(2024, 5, 1, 9, 0),
        address="Mr. Yu",
        language=language,
        visit_number=visit_number,
        last_visit=last_visit,
    )
    assert line == expected


@pytest.mark.parametrize(
    ("address", "language", "expected"),
    [
        ("", "en", "Good morning — welcome!"),
        ("   ", "zh-Hans", "早上好，欢迎光临！"),
        ("  Anna   Lee ", "en", "Good morning, Anna Lee — welcome!"),
    ],
)
def test_blank_or_untidy_address(address: str, language: str, expected: str) -> None:
    now = dt.datetime(2024, 5, 1, 9, 0)
    line = greeting_line(
        now=now, address=address, language=language, visit_number=1, last_visit=None
    )
    assert line == expected


@pytest.mark.parametrize(
    ("language", "hello"),
    [
        (Language.ZH_HANS, "下午好"),
        (Language.ZH_HANT, "午安"),
        (Language.EN, "Good afternoon"),
        (Language.UNKNOWN, "Good afternoon"),
        ("zh_CN", "下午好"),
        ("zh", "下午好"),
        ("zh-TW", "午安"),
        ("zh-Hant-HK", "午安"),
        ("ZH-HANS", "下午好"),
        ("fr", "Good afternoon"),
    ],
)
def test_language_tags(language: str, hello: str) -> None:
    now = dt.datetime(2024, 5, 1, 15, 0)
    line = greeting_line(now=now, address="X", language=language, visit_number=1, last_visit=None)
    assert line.startswith(hello)


@pytest.mark.parametrize("visit_number", [0, -1])
def test_visit_number_must_count_this_visit(visit_number: int) -> None:
    with pytest.raises(ValueError, match="1 = first visit"):
        greeting_line(
            now=dt.datetime(2024, 5, 1, 9, 0),
            address="Mr. Yu",
            language="en",
            visit_number=visit_number,
            last_visit=None,
        )


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0th"),
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (14, "14th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (101, "101st"),
        (102, "102nd"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (1001, "1001st"),
        (-1, "-1st"),
    ],
)
def test_ordinal_en(n: int, expected: str) -> None:
    assert ordinal_en(n) == expected


@pytest.mark.parametrize(
    ("date", "language", "expected"),
    [
        (D(2023, 4, 16), "en", "16 Apr 2023"),
        (D(2024, 12, 1), "", "1 Dec 2024"),
        (D(2023, 4, 16), "zh-Hans", "2023年4月16日"),
        (D(2023, 10, 1), "zh-Hant", "2023年10月1日"),
    ],
)
def test_format_date(date: dt.date, language: str, expected: str) -> None:
    assert format_date(date, language) == expected


@pytest.mark.parametrize(
    ("then", "today", "en", "hans", "hant"),
    [
        (D(2024, 5, 1), D(2024, 5, 1), "today", "今天", "今天"),
        (D(2024, 5, 2), D(2024, 5, 1), "today", "今天", "今天"),  # clock ahead elsewhere
        (D(2024, 4, 30), D(2024, 5, 1), "yesterday", "昨天", "昨天"),
        (D(2024, 4, 29), D(2024, 5, 1), "2 days ago", "2天前", "2天前"),
        (D(2024, 4, 28), D(2024, 5, 1), "3 days ago", "3天前", "3天前"),
        (D(2024, 4, 25), D(2024, 5, 1), "6 days ago", "6天前", "6天前"),
        (D(2024, 4, 24), D(2024, 5, 1), "1 week ago", "1周前", "1週前"),
        (D(2024, 4, 17), D(2024, 5, 1), "2 weeks ago", "2周前", "2週前"),
        (D(2024, 4, 2), D(2024, 5, 1), "4 weeks ago", "4周前", "4週前"),
        (D(2024, 4, 1), D(2024, 5, 1), "1 month ago", "1个月前", "1個月前"),
        (D(2023, 1, 31), D(2023, 2, 28), "1 month ago", "1个月前", "1個月前"),
        (D(2023, 12, 1), D(2024, 5, 1), "5 months ago", "5个月前", "5個月前"),
        (D(2023, 5, 2), D(2024, 5, 1), "11 months ago", "11个月前", "11個月前"),
        (D(2023, 5, 1), D(2024, 5, 1), "1 year ago", "1年前", "1年前"),
        (D(2024, 2, 29), D(2025, 2, 28), "1 year ago", "1年前", "1年前"),
        (D(2024, 2, 29), D(2025, 2, 27), "11 months ago", "11个月前", "11個月前"),
        (D(2021, 4, 16), D(2024, 5, 1), "3 years ago", "3年前", "3年前"),
    ],
)
def test_relative_since(then: dt.date, today: dt.date, en: str, hans: str, hant: str) -> None:
    assert relative_since(then, today, "en") == en
    assert relative_since(then, today, "") == en
    assert relative_since(then, today, "zh-Hans") == hans
    assert relative_since(then, today, "zh-Hant") == hant

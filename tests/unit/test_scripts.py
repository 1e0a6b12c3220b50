"""Phrasebook entries in the customer's language and script (issue 18)."""

from __future__ import annotations

import pytest

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.domain.scripts import (
    for_customer,
    in_script,
    missing_traditional,
    parse_language,
    to_traditional,
    traditional_config,
)


def approved(id_: int, language: Language, text: str) -> PhraseEntry:
    return PhraseEntry(
        id=id_, kind=EntryKind.APPROVED, language=language, text=text, situation=Situation.EMPATHY
    )


BOOK = (
    approved(1, Language.EN, "I'm sorry to hear that, {preferred_name}."),
    approved(2, Language.ZH_HANS, "让您久等了，{preferred_name}"),
    approved(3, Language.ZH_HANS, "给您添麻烦了，非常抱歉"),
    approved(4, Language.ZH_HANT, "給您添麻煩了，非常抱歉"),
    approved(5, Language.ANY, "👍"),
    PhraseEntry(
        id=6,
        kind=EntryKind.TABOO,
        language=Language.ZH_HANS,
        text="这不归我管",
        severity=Severity.BLOCK,
        replacements=("我马上为您联系负责的同事",),
        reason="推卸责任，客户会觉得被踢皮球",
    ),
)


def texts(entries: list[PhraseEntry]) -> list[str]:
    return [entry.text for entry in entries]


def test_an_english_customer_gets_english_phrases_whatever_the_screen() -> None:
    assert texts(for_customer(BOOK, "en")) == [BOOK[0].text, "👍"]


def test_a_simplified_customer_gets_simplified_phrases() -> None:
    chosen = for_customer(BOOK, Language.ZH_HANS)
    assert texts(chosen) == [BOOK[1].text, BOOK[2].text, "👍", BOOK[5].text]
    assert not any(entry.converted for entry in chosen)


def test_a_traditional_customer_gets_traditional_and_marked_renderings() -> None:
    chosen = for_customer(BOOK, "zh-Hant", region="TW")
    # The written Traditional entry, not a second rendering of its Simplified twin.
    assert texts(chosen) == [
        "讓您久等了，{preferred_name}",
        "給您添麻煩了，非常抱歉",
        "👍",
        "這不歸我管",
    ]
    rendered = chosen[0]
    assert rendered.converted and rendered.converted_from == BOOK[1].text
    assert rendered.language is Language.ZH_HANT and rendered.id is None
    assert rendered.source_id == 2
    assert not chosen[1].converted  # written by a trainer
    taboo = chosen[3]
    assert taboo.replacements == ("我馬上為您聯絡負責的同事",)  # Taiwan phrasing: 聯絡
    assert taboo.reason == "推卸責任，客戶會覺得被踢皮球"


def test_unknown_language_gets_everything_as_written() -> None:
    assert for_customer(BOOK, "") == list(BOOK)


@pytest.mark.parametrize(
    ("region", "config", "expected"),
    [
        ("TW", "s2twp", "我馬上為您聯絡負責的同事"),
        ("HK", "s2hk", "我馬上為您聯繫負責的同事"),
        ("mo", "s2hk", "我馬上為您聯繫負責的同事"),
        ("CN", "s2tw", "我馬上為您聯繫負責的同事"),
    ],
)
def test_the_store_region_sets_the_traditional_phrasing(
    region: str, config: str, expected: str
) -> None:
    assert traditional_config(region) == config
    assert to_traditional("我马上为您联系负责的同事", region) == expected


def test_missing_traditional_lists_what_a_trainer_should_approve() -> None:
    missing = missing_traditional(BOOK, "TW")
    assert texts(missing) == ["讓您久等了，{preferred_name}", "這不歸我管"]
    assert all(entry.converted for entry in missing)
    approved_now = (*BOOK, approved(7, Language.ZH_HANT, "讓您久等了，{preferred_name}"))
    assert texts(missing_traditional(approved_now, "TW")) == ["這不歸我管"]


def test_in_script_and_language_tags() -> None:
    assert in_script("让您久等了", "zh_TW") == "讓您久等了"
    assert in_script("讓您久等了", Language.ZH_HANS) == "让您久等了"
    assert in_script("Right away", Language.ZH_HANT) == "Right away"
    assert in_script("让您久等了", Language.EN) == "让您久等了"
    assert parse_language("zh-HK") is Language.ZH_HANT
    assert parse_language("zh_CN") is Language.ZH_HANS
    assert parse_language("en-GB") is Language.EN
    assert parse_language("") is Language.ANY

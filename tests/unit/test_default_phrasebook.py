"""The default phrasebook shipped in resources/phrasebooks/default.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.domain.phrase_matcher import Matcher, normalise_term, validate
from console.domain.phrasebook import (
    EntryKind,
    Language,
    PhraseEntry,
    Situation,
    fill,
    placeholders,
)
from console.domain.phrasebook_io import read_phrasebook, read_phrasebook_located, write_phrasebook

DEFAULT = Path(__file__).resolve().parents[2] / "resources" / "phrasebooks" / "default.csv"
LANGUAGES = (Language.EN, Language.ZH_HANS, Language.ZH_HANT)
PLACEHOLDER_VALUES = {
    "preferred_name": "Ms Chen",
    "agent_name": "Li Wei",
    "store": "Harbour City",
    "last_purchase": "tea set",
    "summary": "the kettle stopped working after a week",
    "request": "a replacement",
    "alternative": "reserve one for you",
}


@pytest.fixture(scope="module")
def entries() -> list[PhraseEntry]:
    return read_phrasebook(DEFAULT)


@pytest.fixture(scope="module")
def matcher(entries: list[PhraseEntry]) -> Matcher:
    return Matcher.build(entries)


def test_it_validates_clean() -> None:
    located = read_phrasebook_located(DEFAULT)
    problems = validate([item.entry for item in located], [item.label for item in located])
    assert [problem.message for problem in problems] == []


def test_approved_phrases_cover_every_situation_in_every_language(
    entries: list[PhraseEntry],
) -> None:
    approved = [entry for entry in entries if entry.kind is EntryKind.APPROVED]
    assert len(approved) >= 40
    covered = {(entry.situation, entry.language) for entry in approved}
    missing = [
        (situation.value, language.value)
        for situation in Situation
        for language in LANGUAGES
        if (situation, language) not in covered
    ]
    assert missing == []


def test_approved_placeholders_are_ones_the_console_can_fill(entries: list[PhraseEntry]) -> None:
    for entry in entries:
        if entry.kind is EntryKind.APPROVED:
            assert set(placeholders(entry.text)) <= PLACEHOLDER_VALUES.keys(), entry.text
            result = fill(entry.text, PLACEHOLDER_VALUES)
            assert result.complete and "{" not in result.text, entry.text
    used = {name for entry in entries for name in placeholders(entry.text)}
    assert {"preferred_name", "agent_name", "store"} <= used


def test_taboo_terms_have_severity_reason_and_replacements(entries: list[PhraseEntry]) -> None:
    taboo = [entry for entry in entries if entry.kind is EntryKind.TABOO]
    assert len(taboo) >= 60
    for entry in taboo:
        assert entry.severity is not None, entry.text
        assert entry.reason.strip(), entry.text
        assert entry.replacements, entry.text
        assert not placeholders(" ".join(entry.replacements)), entry.text
    assert {entry.language for entry in taboo} >= set(LANGUAGES)


@pytest.mark.parametrize(
    "term",
    [
        "hey", "you people", "folks", "OK", "no problem", "calm down", "you have to",
        "it's policy", "I don't know", "不知道", "这不归我管", "这里就是这样的", "没办法",
        "你自己看", "你听不懂吗", "下班了明天再来", "找别人去", "您随便看看吧", "不是跟你说了吗",
        "急什么",
    ],
)  # fmt: skip
def test_the_classic_taboo_terms_are_there(entries: list[PhraseEntry], term: str) -> None:
    assert any(e.kind is EntryKind.TABOO and e.text == term for e in entries)


def test_traditional_entries_differ_in_wording_not_only_in_script(
    entries: list[PhraseEntry],
) -> None:
    simplified = Matcher.build(e for e in entries if e.language is not Language.ZH_HANT)
    for entry in entries:
        if entry.kind is EntryKind.TABOO and entry.language is Language.ZH_HANT:
            covering = [
                f for f in simplified.check(entry.text) if f.end - f.start >= len(entry.text)
            ]
            assert covering == [], entry.text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Hey, you people need to wait.", ["Hey", "you people"]),
        ("Sorry, that's not my department.", ["not my department"]),
        ("No problem!", ["No problem"]),
        ("Would you like a No Problem Tea?", []),
        ("OK, I'll check.", ["OK"]),
        ("去OK便利店买吧", []),
        ("We ship to Oklahoma.", []),
        ("Please CALM  DOWN.", ["CALM  DOWN"]),
        ("這裡就是這樣的，下班了明天再來吧", ["這裡就是這樣的", "下班了明天再來"]),
        ("不知道您明天是否方便？", []),
        ("我也不知道", ["不知道"]),
        ("唔知喎，你自己睇啦", ["唔知", "你自己睇"]),
        ("這個cheap價格", ["cheap"]),
        ("Whatever you prefer.", []),
        ("My pleasure, I'll take care of that right away.", []),
    ],
)
def test_the_default_phrasebook_flags_real_sentences(
    matcher: Matcher, text: str, flagged: list[str]
) -> None:
    assert [finding.matched for finding in matcher.check(text)] == flagged


def test_approved_phrases_are_never_flagged(entries: list[PhraseEntry], matcher: Matcher) -> None:
    for entry in entries:
        if entry.kind is EntryKind.APPROVED:
            assert matcher.check(fill(entry.text, PLACEHOLDER_VALUES).text) == [], entry.text


def test_no_duplicate_terms(entries: list[PhraseEntry]) -> None:
    keys = [normalise_term(e.text) for e in entries if e.kind is EntryKind.TABOO]
    assert len(keys) == len(set(keys))


def test_it_round_trips_through_the_writer(entries: list[PhraseEntry]) -> None:
    assert read_phrasebook(write_phrasebook(entries, "csv"), "csv") == entries
    assert read_phrasebook(write_phrasebook(entries, "json"), "json") == entries

"""Shared bits for the complaint widget tests: a clock, a small phrasebook, helpers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from tests.ui.fake_complaints import ZONE, FakeComplaints

#: Saturday 28 Nov 2026, 11:30 in Shanghai.
NOW = dt.datetime(2026, 11, 28, 11, 30, tzinfo=ZONE)


def approved(text: str, situation: Situation, language: Language = Language.EN) -> PhraseEntry:
    return PhraseEntry(kind=EntryKind.APPROVED, language=language, text=text, situation=situation)


def taboo(
    text: str, severity: Severity, *replacements: str, language: Language = Language.EN
) -> PhraseEntry:
    return PhraseEntry(
        kind=EntryKind.TABOO,
        language=language,
        text=text,
        severity=severity,
        replacements=replacements,
        reason=f"Do not say “{text}”.",
    )


ENTRIES = [
    approved("I understand how frustrating this must be.", Situation.EMPATHY),
    approved("我理解您的心情。", Situation.EMPATHY, Language.ZH_HANS),
    approved("I'm sorry for the inconvenience.", Situation.APOLOGY),
    approved("给您添麻烦了，非常抱歉。", Situation.APOLOGY, Language.ZH_HANS),
    taboo("calm down", Severity.BLOCK),
    taboo("no problem", Severity.WARN, "My pleasure"),
    taboo("这里就是这样的", Severity.BLOCK, "我理解您的感受", language=Language.ZH_HANS),
]


def make_fake(**kwargs: Any) -> FakeComplaints:
    return FakeComplaints(NOW, **kwargs)

"""Phrasebook: the brand's approved phrases and taboo terms.

Great service brands give staff a language: approved phrases grouped by situation
("My pleasure", 给您添麻烦了，非常抱歉) and taboo terms with a severity, the reason staff
are shown and the approved replacements ("hey", 这不归我管).

This module holds the plain data and the placeholder filling used by the phrase picker.
Matching lives in :mod:`console.domain.phrase_matcher`, the file format in
:mod:`console.domain.phrasebook_io`. No Qt, no SQL, no I/O.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from console.domain.messages import EntryNumber, EntryPosition, Message, Refusal, UnknownValue

_E = TypeVar("_E", bound=enum.StrEnum)


def _parse_enum(cls: type[_E], text: str, what: str) -> _E:
    """Accept a value in any case, with ``-`` and ``_`` alike. Raises a Refusal (a
    ValueError) saying which values there are."""
    value = text.strip().lower().replace("_", "-")
    for member in cls:
        if member.value.lower().replace("_", "-") == value:
            return member
    allowed = tuple(member.value for member in cls)
    raise Refusal(UnknownValue(what, repr(text), allowed))


class EntryKind(enum.StrEnum):
    """An approved phrase to use, or a taboo term to avoid."""

    APPROVED = "approved"
    TABOO = "taboo"

    @classmethod
    def parse(cls, text: str) -> EntryKind:
        return _parse_enum(cls, text, "kind")


class Severity(enum.StrEnum):
    """What a taboo hit does: ``block`` stops sending, ``warn`` asks, ``hint`` only shows."""

    BLOCK = "block"
    WARN = "warn"
    HINT = "hint"

    @property
    def rank(self) -> int:
        """0 for the most severe (block), 2 for the least (hint)."""
        return _SEVERITY_RANK[self.value]

    @classmethod
    def parse(cls, text: str) -> Severity:
        return _parse_enum(cls, text, "severity")


_SEVERITY_RANK = {"block": 0, "warn": 1, "hint": 2}


class Language(enum.StrEnum):
    """The language an entry belongs to; ``any`` applies to every language."""

    EN = "en"
    ZH_HANS = "zh-Hans"
    ZH_HANT = "zh-Hant"
    ANY = "any"

    @classmethod
    def parse(cls, text: str) -> Language:
        return _parse_enum(cls, text, "language")

    def covers(self, other: Language) -> bool:
        """True when an entry in this language should be offered for ``other``."""
        return self is Language.ANY or other is Language.ANY or self is other


class Situation(enum.StrEnum):
    """When an approved phrase is used; the picker groups phrases by situation."""

    GREETING = "greeting"
    WELCOME_BACK = "welcome_back"
    BIRTHDAY = "birthday"
    CONFIRM_UNDERSTANDING = "confirm_understanding"
    EMPATHY = "empathy"
    APOLOGY = "apology"
    ASKING_TO_WAIT = "asking_to_wait"
    THANKS_FOR_PATIENCE = "thanks_for_patience"
    REFUSING_POLITELY = "refusing_politely"
    FAREWELL = "farewell"
    FOLLOW_UP_CALL = "follow_up_call"

    @classmethod
    def parse(cls, text: str) -> Situation:
        return _parse_enum(cls, text, "situation")


@dataclass(frozen=True, slots=True, kw_only=True)
class PhraseEntry:
    """One phrasebook entry.

    ``text`` is the approved phrase (with ``{placeholders}``) or the taboo term.
    ``severity``, ``replacements`` and ``exceptions`` belong to taboo entries,
    ``situation`` to approved ones; ``reason`` is the sentence staff are shown for a
    taboo hit (a trainer's note for an approved phrase). ``variant_insensitive`` makes a
    term match Simplified and Traditional Chinese alike (the default).
    """

    id: int | None = None
    kind: EntryKind
    language: Language
    text: str
    severity: Severity | None = None
    replacements: tuple[str, ...] = ()
    reason: str = ""
    situation: Situation | None = None
    exceptions: tuple[str, ...] = ()
    variant_insensitive: bool = True
    author: str = ""
    changed_at: dt.datetime | None = None
    # An automatic Traditional rendering (never stored): the Simplified text it was made
    # from and that entry's id. See :mod:`console.domain.scripts`.
    converted_from: str = ""
    source_id: int | None = None

    @property
    def converted(self) -> bool:
        """True for an automatic rendering a trainer has not approved yet."""
        return bool(self.converted_from)

    @property
    def is_taboo(self) -> bool:
        return self.kind is EntryKind.TABOO

    @property
    def is_approved(self) -> bool:
        return self.kind is EntryKind.APPROVED


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """A named list of entries (one phrasebook per brand)."""

    name: str
    entries: tuple[PhraseEntry, ...] = ()

    def __iter__(self) -> Iterator[PhraseEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def taboo(self) -> tuple[PhraseEntry, ...]:
        return tuple(entry for entry in self.entries if entry.is_taboo)

    @property
    def approved(self) -> tuple[PhraseEntry, ...]:
        return tuple(entry for entry in self.entries if entry.is_approved)

    def approved_for(
        self, situation: Situation | None = None, language: Language = Language.ANY
    ) -> tuple[PhraseEntry, ...]:
        """Approved phrases for the picker: the situation (all when None) and language
        (an entry in ``any`` is offered for every language)."""
        return tuple(
            entry
            for entry in self.entries
            if entry.is_approved
            and (situation is None or entry.situation is situation)
            and entry.language.covers(language)
        )


# --- Placeholders -------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def placeholders(text: str) -> list[str]:
    """Names of the ``{placeholders}`` in ``text``, in order of first appearance, each once.

    A placeholder is an identifier in braces (``{preferred_name}``, ``{agent_name}``,
    ``{store}``); other braces are ordinary text.
    """
    seen: dict[str, None] = {}
    for match in _PLACEHOLDER.finditer(text):
        seen.setdefault(match.group(1), None)
    return list(seen)


@dataclass(frozen=True, slots=True)
class FillResult:
    """The outcome of :func:`fill`.

    When ``missing`` is not empty the text is **not ready for a customer**: the missing
    placeholders are left in braces at ``missing_spans`` (code-point offsets into
    ``text``) so the editor can select them for the agent to fill in.
    """

    text: str
    missing: tuple[str, ...] = ()
    missing_spans: tuple[tuple[int, int], ...] = ()

    @property
    def complete(self) -> bool:
        """True when every placeholder had a value and the text may be used."""
        return not self.missing


def fill(text: str, values: Mapping[str, str | None]) -> FillResult:
    """Fill ``{placeholders}`` from ``values``.

    A placeholder whose value is absent, None, empty or only whitespace is reported in
    ``missing`` (never rendered as "[name]" or silently dropped). Values are inserted
    verbatim and not expanded again, so a value containing braces stays as typed.
    """
    parts: list[str] = []
    missing: dict[str, None] = {}
    spans: list[tuple[int, int]] = []
    length = 0
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        before = text[position : match.start()]
        parts.append(before)
        length += len(before)
        name = match.group(1)
        value = values.get(name)
        if value is None or not value.strip():
            missing.setdefault(name, None)
            piece = match.group(0)
            spans.append((length, length + len(piece)))
        else:
            piece = value
        parts.append(piece)
        length += len(piece)
        position = match.end()
    parts.append(text[position:])
    return FillResult("".join(parts), tuple(missing), tuple(spans))


def entry_label(entries: Sequence[PhraseEntry], index: int) -> Message:
    """A short name for ``entries[index]``: its id when stored, else its position."""
    entry = entries[index]
    if entry.id is not None:
        return EntryNumber(entry.id)
    return EntryPosition(index + 1)

"""The phrase matcher: finds taboo terms in what staff write.

This implements the phrasebook's public matching contract:

* case-insensitive and width-insensitive (ＯＫ = OK; NFKC-style folding);
* Simplified/Traditional-insensitive by default (an entry 这里就是这样的 flags
  這裡就是這樣的); an entry with ``variant_insensitive=False`` matches only its own script;
* a Latin letter or digit at either edge of a term needs a neighbour that is not a
  letter or digit, but a Chinese (East Asian wide) character counts as a boundary:
  ``OK的`` and ``这个cheap价格`` are hits, ``Oklahoma``, ``cheaper`` and ``heyday`` are not;
  Chinese terms match anywhere;
* a run of whitespace in the text matches a single space in the term; soft hyphens
  (U+00AD) and zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) in the
  text are ignored;
* a hit lying inside an occurrence of one of the entry's exceptions is not reported
  (exceptions are found by the same rules as terms); of overlapping hits the longest
  wins (then the more severe, then the earlier);
* every :class:`Finding` reports ``start``/``end`` as code-point offsets into the
  **original** text, so ``text[start:end]`` is exactly what was typed.

How: the text is folded on a copy (never shown or stored) together with an offset map
back to the original, and all terms and exception phrases are searched at once with an
Aho-Corasick automaton, so a check costs O(length of text) whatever the size of the
phrasebook. Folding is done per character (a base character together with its combining
marks), through ``str.translate`` tables that are filled lazily; Simplified/Traditional
folding uses a character-level OpenCC ``t2s`` table, so it never changes the length and
the offset map stays exact. The automaton runs over a compact encoding of the folded
text (see ``_Encoding``) because pyahocorasick searches a node's children one by one.

Folding details worth knowing: superscripts, subscripts, circled and squared characters
and vulgar fractions keep their identity (``OK²`` is not ``ok2``); typographic quotes are
not folded (``that’s`` is not ``that's``).
"""

from __future__ import annotations

import bisect
import enum
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, NamedTuple

import ahocorasick
import opencc

from console.domain import messages as m
from console.domain.messages import AboutEntry, Message
from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, entry_label

IGNORABLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
"""Characters ignored in the text: soft hyphen and the zero-width characters."""

# Compatibility mappings with these tags change what a character *is*, not how wide it is.
_KEEP_TAGS = frozenset({"<super>", "<sub>", "<circle>", "<fraction>", "<square>"})
# Half-width katakana voiced sound marks: they combine with the preceding kana under NFKC.
_EXTRA_COMBINING = "\uff9e\uff9f"
_WHITESPACE_RUN = re.compile(r"\s+")
_DELETE_IGNORABLE = dict.fromkeys(map(ord, IGNORABLE))

# Where OpenCC's character table lives: CJK Unified Ideographs and extension A,
# compatibility ideographs, and the supplementary ideographic planes.
_T2S_RANGES = ((0x3400, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2FA20))


# --- Character tables -------------------------------------------------------------------


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Character-level Traditional → Simplified table from OpenCC (one character to one).

    Characters are converted with a newline between them, so OpenCC's phrase rules never
    span two characters; should the result not line up, each character is converted on
    its own. Chains (薴 → 苧 → 苎) are resolved so the table is idempotent.
    """
    converter = opencc.OpenCC("t2s")
    chars = [chr(code) for low, high in _T2S_RANGES for code in range(low, high)]
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        converted = [converter.convert(char) for char in chars]
    mapping = {
        char: result
        for char, result in zip(chars, converted, strict=True)
        if result != char and len(result) == 1
    }
    table: dict[int, str] = {}
    for char, result in mapping.items():
        seen = {char}
        final = result
        while final in mapping and final not in seen:
            seen.add(final)
            final = mapping[final]
        table[ord(char)] = final
    return table


def _decomposition_tag(char: str) -> str:
    decomposition = unicodedata.decomposition(char)
    if decomposition.startswith("<"):
        return decomposition.split(">", 1)[0] + ">"
    return ""


@lru_cache(maxsize=8192)
def _fold_unit(unit: str) -> str:
    """Fold one unit (a character with its combining marks, or a whitespace run).

    Ignorable characters vanish, width and case are folded (NFKC, casefold, NFC), and
    any whitespace becomes a single space. Simplified/Traditional is not folded here.
    """
    unit = unit.translate(_DELETE_IGNORABLE)
    if not unit:
        return ""
    form: Literal["NFC", "NFKC"] = "NFC" if _decomposition_tag(unit[0]) in _KEEP_TAGS else "NFKC"
    folded = unicodedata.normalize("NFC", unicodedata.normalize(form, unit).casefold())
    if any(char.isspace() for char in folded):
        folded = _WHITESPACE_RUN.sub(" ", folded)
    return folded


class _Folding:
    """Process-wide folding state: which characters need the segmented path.

    *Irregular* characters are those that do not fold to exactly one character on their
    own: ignorable ones (folded to nothing), expanding ones (``ß`` → ``ss``, ``ﬁ`` →
    ``fi``) and combining marks (folded together with the character before them). They
    are learned on first sight; the regular expressions are rebuilt when one is learned.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.t2s = _t2s_table()
        self._combining: set[str] = set(_EXTRA_COMBINING)
        self._expanding: set[str] = set()
        self.irregular, self.segments = self._compile()
        self.full = _FoldTable(self, variants=True)
        self.base = _FoldTable(self, variants=False)

    def _compile(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        ignorable = "".join(map(re.escape, IGNORABLE))
        combining = "".join(map(re.escape, sorted(self._combining)))
        expanding = "".join(map(re.escape, sorted(self._expanding)))
        irregular = re.compile(f"[{ignorable}{combining}{expanding}]")
        parts = [rf"(?s:.)[{combining}]+", rf"[\s{ignorable}]{{2,}}", f"[{ignorable}]"]
        if expanding:
            parts.append(f"[{expanding}]")
        return irregular, re.compile("|".join(parts))

    def fold_char(self, char: str, variants: bool) -> str:
        """The one-character fold of ``char``; an expanding or ignorable character is
        returned unchanged (it is always folded as a unit by the segmented path)."""
        folded = _fold_unit(char)
        combining = bool(unicodedata.combining(char)) and char not in self._combining
        if combining or (len(folded) != 1 and char not in self._expanding):
            with self._lock:
                if combining:
                    self._combining.add(char)
                elif char not in IGNORABLE:
                    self._expanding.add(char)
                self.irregular, self.segments = self._compile()
        if len(folded) != 1:
            return char
        return folded.translate(self.t2s) if variants else folded


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each character, learning new ones on first
    sight (so a lookup never misses, which keeps ``translate`` fast)."""

    def __init__(self, folding: _Folding, *, variants: bool) -> None:
        super().__init__()
        self._folding = folding
        self._variants = variants

    def __missing__(self, code: int) -> str:
        value = self._folding.fold_char(chr(code), self._variants)
        self[code] = value
        return value


@lru_cache(maxsize=1)
def _folding() -> _Folding:
    return _Folding()


# --- Folding with an offset map -----------------------------------------------------------


class _OffsetMap:
    """Maps spans of the folded text back to the original text.

    The folded text is a sequence of segments: *linear* ones (one original character per
    folded character) and *atomic* ones (one unit of the original, such as ``ß``, ``ﬁ``,
    a character with combining marks or a whitespace run, folded to any length). A span
    must start and end on unit boundaries to map back.
    """

    __slots__ = ("_atomic_end", "_folded_length", "_folded_start", "_original_start")

    def __init__(self) -> None:
        self._folded_start: list[int] = []
        self._original_start: list[int] = []
        self._atomic_end: list[int] = []  # -1 for a linear segment
        self._folded_length: list[int] = []

    def add(self, folded_start: int, original_start: int, atomic_end: int, length: int) -> None:
        self._folded_start.append(folded_start)
        self._original_start.append(original_start)
        self._atomic_end.append(atomic_end)
        self._folded_length.append(length)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Original span of folded ``[start, end)``, or None when it splits a unit."""
        folded_start = self._folded_start
        atomic_end = self._atomic_end
        first = bisect.bisect_right(folded_start, start) - 1
        if atomic_end[first] < 0:
            original_start = self._original_start[first] + start - folded_start[first]
        elif start == folded_start[first]:
            original_start = self._original_start[first]
        else:
            return None
        last = bisect.bisect_right(folded_start, end - 1, first) - 1
        if atomic_end[last] < 0:
            return original_start, self._original_start[last] + end - folded_start[last]
        if end == folded_start[last] + self._folded_length[last]:
            return original_start, atomic_end[last]
        return None


def _fold_with_map(
    text: str,
    table: dict[int, str],
    fold_unit: Callable[[str], str],
    translated: str | None = None,
    space: str | None = " ",
) -> tuple[str, _OffsetMap | None]:
    """Fold ``text`` with ``table`` (regular characters) and ``fold_unit`` (irregular
    units); the map is None when folded offsets equal original offsets.

    ``translated`` is ``text.translate(table)`` when the caller already has it; either
    way every character of ``text`` must have been looked up (learned) before irregular
    ones are searched for. ``space`` is what a space folds to (runs of it collapse), or
    None when spaces do not matter.
    """
    folded = text.translate(table) if translated is None else translated
    folding = _folding()
    if folding.irregular.search(text) is None:
        if space is None or space + space not in folded:
            return folded, None
        return _collapse_spaces(folded, space)
    pieces: list[str] = []
    offsets = _OffsetMap()
    position = 0
    length = 0
    for match in folding.segments.finditer(text):
        unit_start, unit_end = match.span()
        if unit_start > position:
            piece = text[position:unit_start].translate(table)
            offsets.add(length, position, -1, len(piece))
            pieces.append(piece)
            length += len(piece)
        piece = fold_unit(match.group())
        if piece:
            offsets.add(length, unit_start, unit_end, len(piece))
            pieces.append(piece)
            length += len(piece)
        position = unit_end
    if position < len(text):
        piece = text[position:].translate(table)
        offsets.add(length, position, -1, len(piece))
        pieces.append(piece)
    if not pieces:
        return "", None
    return "".join(pieces), offsets


@lru_cache(maxsize=64)
def _space_run(space: str) -> re.Pattern[str]:
    return re.compile(re.escape(space) + "{2,}")


def _collapse_spaces(folded: str, space: str) -> tuple[str, _OffsetMap]:
    """Collapse runs of spaces in a text folded one-to-one (so offsets are original)."""
    pieces: list[str] = []
    offsets = _OffsetMap()
    position = 0
    length = 0
    for match in _space_run(space).finditer(folded):
        run_start, run_end = match.span()
        if run_start > position:
            offsets.add(length, position, -1, run_start - position)
            pieces.append(folded[position:run_start])
            length += run_start - position
        offsets.add(length, run_start, run_end, 1)
        pieces.append(space)
        length += 1
        position = run_end
    if position < len(folded):
        offsets.add(length, position, -1, len(folded) - position)
        pieces.append(folded[position:])
    return "".join(pieces), offsets


def _fold_unit_full(unit: str) -> str:
    return _fold_unit(unit).translate(_folding().t2s)


def normalise(text: str, *, variants: bool = True) -> str:
    """The folded form of ``text`` the matcher compares (for tests, validation and tools;
    never show it to a customer): case, width, whitespace runs and ignorable characters
    folded, and with ``variants`` Traditional folded to Simplified Chinese."""
    folding = _folding()
    if variants:
        return _fold_with_map(text, folding.full, _fold_unit_full)[0]
    return _fold_with_map(text, folding.base, _fold_unit)[0]


def normalise_term(text: str, *, variants: bool = True) -> str:
    """:func:`normalise` without leading and trailing spaces, as terms are compared."""
    return normalise(text, variants=variants).strip(" ")


# The automaton does not see the folded text itself but an *encoding* of it, because
# pyahocorasick looks a character up among a node's children one by one, in the order they
# were added: with thousands of Chinese terms the root has thousands of children, and a
# check would cost hundreds of nanoseconds per character. So:
#   * a character that occurs in no term becomes one of two placeholders that keep only
#     whether it needs a boundary (``_OTHER``, ``_WORDISH``);
#   * the term characters and placeholders are numbered by frequency in the phrasebook's
#     own wording, and number ``n`` becomes two code units: ``n % 128`` then
#     ``0x80 + n // 128`` (skipping the surrogate range), so every node has at most 128
#     or 120 children, the frequent ones first. Low and high units never coincide, so a
#     key can only match at a character boundary. The folded text keeps one code point
#     per character (it is where boundaries are checked); the automaton runs over its
#     UTF-16 code units read as Latin-1, two per character.
# With more distinct term characters than codes (15,360), characters are used as they are.
_OTHER = "\ufdd0"  # stands for a character that is not a letter or digit
_WORDISH = "\ufdd1"  # stands for a letter or digit (needs a boundary)
_ORDERING = "\ufdd2"  # suffix of the keys that only order the automaton's children
_RESERVED = frozenset(_OTHER + _WORDISH + _ORDERING)
_HIGH_UNITS = (*range(0x80, 0xD8), *range(0xE0, 0x100))
_CODE_CAPACITY = 128 * len(_HIGH_UNITS)
_UNUSED_UNIT = "\xd8"  # never a low unit (< 0x80) nor a high one (surrogates are skipped)

_word_cache: dict[str, bool] = {}


def _is_word(char: str) -> bool:
    """A letter or digit that needs a boundary: not East Asian wide (Chinese, kana...)."""
    cached = _word_cache.get(char)
    if cached is None:
        cached = char.isalnum() and unicodedata.east_asian_width(char) not in ("W", "F")
        _word_cache[char] = cached
    return cached


class _Encoding:
    """How one matcher folds texts for its automaton (see the comment above)."""

    def __init__(self, order: Sequence[str], capacity: int) -> None:
        """``order``: the term characters, most frequent first."""
        self._full = _folding().full
        self.dense = len(order) + 2 <= capacity
        ranked = [_OTHER, _WORDISH, *order]
        if self.dense:
            codes = [chr(_HIGH_UNITS[n >> 7] << 8 | (n & 0x7F)) for n in range(len(ranked))]
        else:
            codes = ranked
        self.code = dict(zip(ranked, codes, strict=True))
        self._key_table = {ord(char): code for char, code in self.code.items()}
        self.other, self.wordish = self.code[_OTHER], self.code[_WORDISH]
        self.space = self.code.get(" ")
        self.word = frozenset(
            [self.wordish, *(self.code[char] for char in order if _is_word(char))]
        )
        # The translate table: pre-filled for the term characters, the reserved
        # characters and every code point used as a code, so that a character passed
        # through unchanged by a lookup miss is always recognised as new (``unknown``).
        self.table: dict[int, str] = {}
        for char in (*order, *_RESERVED, *codes):
            self.table[ord(char)] = self.encode_char(self._full[ord(char)])
        allowed = "".join(map(re.escape, sorted(set(codes))))
        self.unknown = re.compile(f"[^{allowed}]")

    def encode_char(self, folded: str) -> str:
        code = self.code.get(folded)
        if code is not None:
            return code
        return self.wordish if _is_word(folded) else self.other

    def encode_unit(self, unit: str) -> str:
        return "".join(map(self.encode_char, _fold_unit_full(unit)))

    def encode_key(self, key: str) -> str:
        """The automaton key for a folded term (every character is in the alphabet)."""
        return self.units(key.translate(self._key_table))

    def units(self, encoded: str) -> str:
        if self.dense:
            return encoded.encode("utf-16-le").decode("latin-1")
        return encoded

    def ordering_keys(self) -> list[str]:
        """Keys that add every code to the automaton in frequency order."""
        suffix = _UNUSED_UNIT if self.dense else _ORDERING
        return [self.units(code) + suffix for code in self.code.values()]

    def translate(self, text: str) -> str:
        """``text`` encoded one character for one, learning characters seen first."""
        table = self.table
        translated = text.translate(table)
        if self.unknown.search(translated) is None:
            return translated
        for char in set(text):
            code = ord(char)
            if code not in table:
                table[code] = self.encode_char(self._full[code])
        return text.translate(table)


# --- Matching -----------------------------------------------------------------------------


class Finding(NamedTuple):
    """A taboo term found in a text.

    ``start``/``end`` are code-point offsets into the original text (``matched`` is
    ``text[start:end]``); convert with :func:`utf16_offsets` for Qt. ``entry_index`` is
    the position of the entry in the sequence given to :meth:`Matcher.build`.
    (An immutable named tuple rather than a frozen dataclass: findings are made on
    every keystroke, and a frozen dataclass is five times slower to create.)
    """

    start: int
    end: int
    matched: str
    term: str
    severity: Severity
    reason: str
    replacements: tuple[str, ...]
    entry_id: int | None
    entry_index: int

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary (code-point offsets)."""
        return {
            "start": self.start,
            "end": self.end,
            "matched": self.matched,
            "term": self.term,
            "severity": self.severity.value,
            "reason": self.reason,
            "replacements": list(self.replacements),
            "entry_id": self.entry_id,
        }


# What the automaton stores per folded key: its length, the entries whose term it is,
# the entries (with the base form for script-sensitive ones) of which it is an exception,
# and whether the left/right edge needs a boundary.
_Record = tuple[int, tuple[int, ...], tuple[tuple[int, str | None], ...], bool, bool]


class Matcher:
    """Finds taboo terms; build once per phrasebook version, check many texts.

    A matcher does not change once built (it only caches how it folds characters it has
    seen) and may be shared between threads; build a new one, for instance on a worker
    thread, after the phrasebook changes, and swap it in.
    """

    __slots__ = ("_automaton", "_encoding", "_entries", "_rank", "_script_form", "_size")

    def __init__(
        self,
        entries: tuple[PhraseEntry, ...],
        automaton: Any,
        encoding: _Encoding,
        script_form: dict[int, str],
        size: int,
    ) -> None:
        self._entries = entries
        self._automaton = automaton
        self._encoding = encoding
        self._script_form = script_form
        self._rank = [
            (entry.severity or Severity.WARN).rank if entry.is_taboo else 0 for entry in entries
        ]
        self._size = size

    @classmethod
    def build(cls, entries: Iterable[PhraseEntry]) -> Matcher:
        """A matcher over the taboo entries (approved phrases are ignored here; they are
        used by :func:`validate` and the picker). Entries whose term folds to nothing are
        skipped; a taboo entry without severity matches as ``warn`` (and :func:`validate`
        reports it)."""
        entries = tuple(entries)
        taboo = [entry for entry in entries if entry.kind is EntryKind.TABOO]
        folded = iter(_normalise_terms([entry.text for entry in taboo]))
        terms: dict[str, list[int]] = {}
        exceptions: dict[str, list[tuple[int, str | None]]] = {}
        script_form: dict[int, str] = {}
        size = 0
        for index, entry in enumerate(entries):
            if entry.kind is not EntryKind.TABOO:
                continue
            key = next(folded)
            if not key or not _RESERVED.isdisjoint(key):
                continue
            size += 1
            terms.setdefault(key, []).append(index)
            sensitive = not entry.variant_insensitive
            if sensitive:
                script_form[index] = normalise_term(entry.text, variants=False)
            for phrase in entry.exceptions:
                exception_key = normalise_term(phrase)
                if exception_key and _RESERVED.isdisjoint(exception_key):
                    base = normalise_term(phrase, variants=False) if sensitive else None
                    exceptions.setdefault(exception_key, []).append((index, base))
        if not terms:
            return cls(entries, None, _Encoding((), _CODE_CAPACITY), script_form, 0)
        keys = terms.keys() | exceptions.keys()
        order = _frequency_order(entries, frozenset("".join(keys)))
        encoding = _Encoding(order, _CODE_CAPACITY)
        automaton = ahocorasick.Automaton()
        for ordering_key in encoding.ordering_keys():
            automaton.add_word(ordering_key, None)
        for key in keys:
            record: _Record = (
                len(key),
                tuple(terms.get(key, ())),
                tuple(exceptions.get(key, ())),
                _is_word(key[0]),
                _is_word(key[-1]),
            )
            automaton.add_word(encoding.encode_key(key), record)
        automaton.make_automaton()
        return cls(entries, automaton, encoding, script_form, size)

    @property
    def entries(self) -> tuple[PhraseEntry, ...]:
        """All entries given to :meth:`build` (``Finding.entry_index`` points here)."""
        return self._entries

    def __len__(self) -> int:
        """The number of taboo terms being matched."""
        return self._size

    def check(self, text: str) -> list[Finding]:
        """All taboo hits in ``text``, sorted by start; overlapping hits resolved."""
        if self._automaton is None or not text:
            return []
        encoding = self._encoding
        folded, offsets = _fold_with_map(
            text, encoding.table, encoding.encode_unit, encoding.translate(text), encoding.space
        )
        length = len(folded)
        word = encoding.word
        units = 2 if encoding.dense else 1
        hits: list[tuple[int, int, int]] = []
        excepted: dict[int, list[tuple[int, int]]] = {}
        record: _Record
        for last, record in self._automaton.iter(encoding.units(folded)):
            key_length, term_entries, exception_entries, left, right = record
            end = (last + 1) // units
            start = end - key_length
            if left and start > 0 and folded[start - 1] in word:
                continue
            if right and end < length and folded[end] in word:
                continue
            for index in term_entries:
                hits.append((start, end, index))
            for index, base in exception_entries:
                if base is not None and not self._same_script(text, offsets, start, end, base):
                    continue
                excepted.setdefault(index, []).append((start, end))
        if not hits:
            return []
        candidates: list[tuple[int, int, int, int, int]] = []
        for start, end, index in hits:
            occurrences = excepted.get(index)
            if occurrences and any(lo <= start and end <= hi for lo, hi in occurrences):
                continue
            span = offsets.span(start, end) if offsets is not None else (start, end)
            if span is None:
                continue
            base = self._script_form.get(index)
            if base is not None and normalise_term(text[span[0] : span[1]], variants=False) != base:
                continue
            candidates.append((end - start, start, index, span[0], span[1]))
        # Longest first, then the more severe, then the earlier; keep non-overlapping.
        candidates.sort(key=lambda c: (-c[0], self._rank[c[2]], c[1], c[2]))
        starts: list[int] = []
        ends: list[int] = []
        chosen: list[tuple[int, int, int]] = []
        for size, start, index, original_start, original_end in candidates:
            end = start + size
            position = bisect.bisect_right(starts, start)
            if position > 0 and ends[position - 1] > start:
                continue
            if position < len(starts) and starts[position] < end:
                continue
            starts.insert(position, start)
            ends.insert(position, end)
            chosen.append((original_start, original_end, index))
        chosen.sort()
        findings = []
        for original_start, original_end, index in chosen:
            entry = self._entries[index]
            findings.append(
                Finding(
                    start=original_start,
                    end=original_end,
                    matched=text[original_start:original_end],
                    term=entry.text,
                    severity=entry.severity or Severity.WARN,
                    reason=entry.reason,
                    replacements=entry.replacements,
                    entry_id=entry.id,
                    entry_index=index,
                )
            )
        return findings

    @staticmethod
    def _same_script(
        text: str, offsets: _OffsetMap | None, start: int, end: int, base: str
    ) -> bool:
        span = offsets.span(start, end) if offsets is not None else (start, end)
        if span is None:
            return False
        return normalise_term(text[span[0] : span[1]], variants=False) == base


_SEPARATOR = _OTHER


def _normalise_terms(texts: list[str]) -> list[str]:
    """:func:`normalise_term` of each text, translating them all in one call; a text
    that needs more than one-to-one folding is normalised on its own."""
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:
        return [normalise_term(text) for text in texts]
    folding = _folding()
    parts = joined.translate(folding.full).split(_SEPARATOR)
    irregular = folding.irregular.search
    return [
        normalise_term(text) if irregular(text) or "  " in part else part.strip(" ")
        for text, part in zip(texts, parts, strict=True)
    ]


def _frequency_order(entries: Iterable[PhraseEntry], alphabet: frozenset[str]) -> list[str]:
    """The alphabet, most frequent first in what staff write: the phrasebook's terms,
    replacements and approved phrases (spaces first)."""
    sample = "\n".join({part for entry in entries for part in (entry.text, *entry.replacements)})
    full = _folding().full
    counts: Counter[str] = Counter()
    for char, count in Counter(sample).items():
        counts[full[ord(char)]] += count
    counts[" "] = len(sample)
    return sorted(alphabet, key=lambda char: (-counts[char], char))


def utf16_offsets(text: str, start: int, end: int) -> tuple[int, int]:
    """Convert code-point offsets into ``text`` to UTF-16 code units (Qt positions):
    characters outside the Basic Multilingual Plane (emoji, 𠮷) count as two."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} is outside a text of length {len(text)}")
    if text.isascii() or max(text) < "\U00010000":
        return start, end
    start16 = len(text[:start].encode("utf-16-le", "surrogatepass")) // 2
    end16 = start16 + len(text[start:end].encode("utf-16-le", "surrogatepass")) // 2
    return start16, end16


# --- Validation -------------------------------------------------------------------------


class ProblemCode(enum.StrEnum):
    EMPTY_TEXT = "empty_text"
    MISSING_SEVERITY = "missing_severity"
    MISSING_SITUATION = "missing_situation"
    TABOO_IS_APPROVED = "taboo_is_approved"
    APPROVED_IS_FLAGGED = "approved_is_flagged"
    REPLACEMENT_IS_TABOO = "replacement_is_taboo"
    DUPLICATE = "duplicate"
    EXCEPTION_WITHOUT_TERM = "exception_without_term"
    SEPARATOR_IN_ITEM = "separator_in_item"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a phrasebook; ``entries`` are positions in the validated
    sequence (``entry_ids`` their ids), the first one being the entry to fix."""

    code: ProblemCode
    message: Message
    entries: tuple[int, ...]
    entry_ids: tuple[int | None, ...]


def _languages_overlap(first: Language, second: Language, *, scripts_alike: bool) -> bool:
    if first is second or Language.ANY in (first, second):
        return True
    return scripts_alike and {first, second} == {Language.ZH_HANS, Language.ZH_HANT}


def validate(
    entries: Sequence[PhraseEntry], labels: Sequence[Message] | None = None
) -> list[Problem]:
    """Report everything wrong with a phrasebook, each problem naming its entries.

    ``labels`` name the entries in messages (for instance ``FileLine(12)`` after reading a
    file); by default an entry is named by its id, or its 1-based position. Each problem's
    ``message`` is a message code (:mod:`console.domain.messages`).

    Reported: empty terms or phrases; taboo entries without severity; approved phrases
    without situation; a taboo term that is also an approved phrase; an approved phrase
    that the matcher would flag; a replacement that is itself flagged; duplicates after
    folding (taboo: same folded term in overlapping languages — Simplified and
    Traditional overlap unless both entries are script-sensitive; approved: same folded
    text, overlapping language and same situation); an exception that does not contain
    its term; a ``|`` inside a replacement or exception (it separates items in files).
    """
    if labels is not None and len(labels) != len(entries):
        raise ValueError("labels must name every entry")
    names = (
        list(labels)
        if labels is not None
        else [entry_label(entries, i) for i in range(len(entries))]
    )
    problems: list[Problem] = []

    def report(code: ProblemCode, what: Message, *indexes: int) -> None:
        message = AboutEntry(names[indexes[0]], what)
        problems.append(Problem(code, message, indexes, tuple(entries[i].id for i in indexes)))

    matcher = Matcher.build(entries)
    folded = [normalise_term(entry.text) for entry in entries]

    for index, entry in enumerate(entries):
        name = names[index]
        if not folded[index]:
            report(ProblemCode.EMPTY_TEXT, m.EmptyText(entry.kind.value), index)
            continue
        if entry.is_taboo:
            if entry.severity is None:
                report(ProblemCode.MISSING_SEVERITY, m.MissingSeverity(entry.text), index)
            variants = entry.variant_insensitive
            term = normalise_term(entry.text, variants=variants)
            for phrase in entry.exceptions:
                if term not in normalise_term(phrase, variants=variants):
                    report(
                        ProblemCode.EXCEPTION_WITHOUT_TERM,
                        m.ExceptionWithoutTerm(phrase, entry.text),
                        index,
                    )
            separated: list[Message] = [
                *(m.ReplacementWithSeparator(item) for item in entry.replacements if "|" in item),
                *(m.ExceptionWithSeparator(item) for item in entry.exceptions if "|" in item),
            ]
            for says in separated:
                report(ProblemCode.SEPARATOR_IN_ITEM, says, index)
            for replacement in entry.replacements:
                for finding in matcher.check(replacement):
                    report(
                        ProblemCode.REPLACEMENT_IS_TABOO,
                        m.ReplacementIsTaboo(
                            replacement, entry.text, finding.term, names[finding.entry_index]
                        ),
                        index,
                        finding.entry_index,
                    )
        elif entry.situation is None:
            report(ProblemCode.MISSING_SITUATION, m.MissingSituation(entry.text), index)
        if entry.is_approved:
            for finding in matcher.check(entry.text):
                whole = normalise_term(finding.matched) == folded[index]
                if whole:
                    report(
                        ProblemCode.TABOO_IS_APPROVED,
                        m.TabooIsApproved(finding.term, name),
                        finding.entry_index,
                        index,
                    )
                else:
                    report(
                        ProblemCode.APPROVED_IS_FLAGGED,
                        m.ApprovedIsFlagged(entry.text, finding.term, names[finding.entry_index]),
                        index,
                        finding.entry_index,
                    )

    problems.extend(_duplicates(entries, folded, names))
    return problems


def _duplicates(
    entries: Sequence[PhraseEntry], folded: Sequence[str], names: Sequence[Message]
) -> list[Problem]:
    groups: dict[tuple[EntryKind, str, str], list[int]] = {}
    script_forms: dict[int, str] = {}
    for index, entry in enumerate(entries):
        if not folded[index]:
            continue
        if entry.is_taboo:
            key = (entry.kind, folded[index], "")
        else:
            # Approved phrases are offered per script: compare them script-sensitively.
            script = normalise_term(entry.text, variants=False)
            key = (entry.kind, script, entry.situation.value if entry.situation else "")
        script_forms[index] = normalise_term(entry.text, variants=False)
        groups.setdefault(key, []).append(index)

    def duplicates(first: int, second: int) -> bool:
        a, b = entries[first], entries[second]
        if a.is_approved:
            return _languages_overlap(a.language, b.language, scripts_alike=False)
        either_insensitive = a.variant_insensitive or b.variant_insensitive
        if not either_insensitive and script_forms[first] != script_forms[second]:
            return False
        return _languages_overlap(a.language, b.language, scripts_alike=either_insensitive)

    problems: list[Problem] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        # Connected components of the "duplicates" relation (groups are tiny).
        remaining = list(members)
        while remaining:
            component = [remaining.pop(0)]
            grown = True
            while grown:
                grown = False
                for other in list(remaining):
                    if any(duplicates(member, other) for member in component):
                        component.append(other)
                        remaining.remove(other)
                        grown = True
            if len(component) > 1:
                first = entries[component[0]]
                listed = tuple(names[i] for i in component)
                says: Message = (
                    m.DuplicateTaboo(first.text, listed)
                    if first.is_taboo
                    else m.DuplicateApproved(first.text, listed)
                )
                problems.append(
                    Problem(
                        ProblemCode.DUPLICATE,
                        says,
                        tuple(component),
                        tuple(entries[i].id for i in component),
                    )
                )
    return problems

"""Phrasebook files: the CSV and JSON formats trainers edit (a public contract).

CSV
    UTF-8 (a byte-order mark is tolerated, and written by :func:`encode_phrasebook` so
    spreadsheets open Chinese text correctly). The header is exactly::

        kind,language,text,severity,replacements,reason,situation,exceptions

    optionally followed by one more column, ``variant_insensitive`` (``true``/``false``,
    empty means true); files without it are read as before, and the writer adds it only
    when some entry turns Simplified/Traditional-insensitive matching off. Header names
    are compared ignoring case and surrounding spaces; trailing empty columns and empty
    rows (as spreadsheets write them) are ignored. The writer ends rows with CRLF
    (RFC 4180) and quotes any cell holding a line break; the reader accepts LF or CRLF.

    ``replacements`` and ``exceptions`` are ``|``-separated (spaces around items are
    trimmed, empty items dropped). ``severity`` (block, warn, hint), ``replacements`` and
    ``exceptions`` belong to taboo rows only; ``situation`` is required on approved rows
    and not allowed on taboo rows. ``reason`` is what staff are shown for a taboo hit (a
    free note on an approved row).

    Formula protection: a cell the writer would start with ``=``, ``+``, ``-``, ``@``,
    tab or carriage return gets a leading apostrophe so a spreadsheet shows it as text
    instead of running it. To stay reversible the rule is applied to apostrophes too:
    the writer adds one ``'`` to any cell matching ``'*[=+-@\\t\\r]…`` and the reader
    removes one ``'`` from any cell matching ``'+[=+-@\\t\\r]…``. So ``=SUM(A1)`` is
    written ``'=SUM(A1)`` and read back as ``=SUM(A1)``; a hand-typed ``-10% off`` (no
    apostrophe) is read as typed; any other cell starting with ``'`` is left alone.

JSON
    A list of objects with the same fields: ``replacements`` and ``exceptions`` are
    arrays of strings, ``severity``/``situation`` may be null or absent where they do
    not apply, and ``variant_insensitive`` is an optional boolean (default true).
    Unknown keys are errors, so a misspelt field is not silently ignored.

Reading checks every row and raises :class:`PhrasebookFormatError` listing every bad
row with its line number and reason; nothing is returned if any row is bad. Ids,
authors and change times are not part of the format (storage keeps them).
"""

from __future__ import annotations

import csv
import enum
import io
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.domain.messages import (
    JSON_EXPECTED_COMMA,
    JSON_TEXT_AFTER,
    JSON_TOO_DEEP,
    AboutEntry,
    AllOnlyForTabooRows,
    ApprovedRowNeeds,
    BrokenCsvRow,
    BrokenJson,
    CannotWritePhrasebook,
    CellCount,
    EntryItemHoldsSeparator,
    FieldEmpty,
    FieldEmptyUse,
    FileEmpty,
    FileLine,
    FileNotUtf8,
    ItemHoldsSeparator,
    ItemNotAnObject,
    JsonNotAList,
    LoneSurrogate,
    Message,
    NoExtension,
    NotABoolean,
    NotAString,
    NotAStringList,
    NotTrueOrFalse,
    OnlyForApprovedRows,
    OnlyForTabooRows,
    Refusal,
    RowReasons,
    TabooRowNeeds,
    UnknownFields,
    UnknownPhrasebookFormat,
    Word,
    WrongHeader,
)
from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation

HEADER: tuple[str, ...] = (
    "kind",
    "language",
    "text",
    "severity",
    "replacements",
    "reason",
    "situation",
    "exceptions",
)
"""The CSV header, in order (the public contract)."""

OPTIONAL_COLUMN = "variant_insensitive"
"""The one optional trailing CSV column / JSON key."""

SEPARATOR = "|"

_DANGEROUS_FOR_WRITER = re.compile(r"'*[=+\-@\t\r]")
_PROTECTED_BY_WRITER = re.compile(r"'+[=+\-@\t\r]")
_TRUE = frozenset({"true", "yes", "y", "1"})
_FALSE = frozenset({"false", "no", "n", "0"})


class FileFormat(enum.StrEnum):
    CSV = "csv"
    JSON = "json"

    @classmethod
    def parse(cls, text: str) -> FileFormat:
        value = text.strip().lower().lstrip(".")
        try:
            return cls(value)
        except ValueError:
            raise Refusal(UnknownPhrasebookFormat(repr(text), "csv", "json")) from None

    @classmethod
    def for_path(cls, path: str | os.PathLike[str]) -> FileFormat:
        """The format named by the file's extension (``.csv`` or ``.json``)."""
        suffix = Path(path).suffix
        if not suffix:
            raise Refusal(NoExtension(repr(os.fspath(path)), ".csv", ".json"))
        return cls.parse(suffix)


@dataclass(frozen=True, slots=True)
class RowError:
    """One bad row: its (first) line number in the file and why it is bad."""

    line: int
    message: Message

    @property
    def reason(self) -> str:
        """Why, in English."""
        return str(self.message)

    @property
    def said(self) -> Message:
        """The line and why, to be worded in the reader's language."""
        return AboutEntry(FileLine(self.line), self.message)

    def __str__(self) -> str:
        return str(self.said)


class PhrasebookFormatError(ValueError):
    """A phrasebook file that cannot be imported; ``errors`` lists every bad row."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors: tuple[RowError, ...] = tuple(errors)
        count = len(self.errors)
        heading = "1 bad row" if count == 1 else f"{count} bad rows"
        super().__init__(f"{heading}; nothing was imported:\n" + "\n".join(map(str, self.errors)))


@dataclass(frozen=True, slots=True)
class LocatedEntry:
    """An entry read from a file, with the line it starts on (for validation messages)."""

    line: int
    entry: PhraseEntry

    @property
    def label(self) -> Message:
        return FileLine(self.line)


# --- Reading ------------------------------------------------------------------------------


Source = str | bytes | os.PathLike[str]


def read_phrasebook(source: Source, fmt: FileFormat | str | None = None) -> list[PhraseEntry]:
    """Read a phrasebook.

    ``source`` is a path (any ``os.PathLike``, e.g. ``pathlib.Path``) to read, or the
    content itself as ``str`` or UTF-8 ``bytes`` — a plain ``str`` is always content,
    never a file name. ``fmt`` defaults to the path's extension, or for content to JSON
    when it starts with ``[`` and CSV otherwise. Raises :class:`PhrasebookFormatError`.
    """
    return [located.entry for located in read_phrasebook_located(source, fmt)]


def read_phrasebook_located(
    source: Source, fmt: FileFormat | str | None = None
) -> list[LocatedEntry]:
    """Like :func:`read_phrasebook`, keeping each entry's line number (pass
    ``[e.label for e in result]`` to :func:`~console.domain.phrase_matcher.validate`)."""
    if isinstance(source, os.PathLike):
        if fmt is None:
            fmt = FileFormat.for_path(source)
        data: str | bytes = Path(source).read_bytes()
    else:
        data = source
    text = _decode(data) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    if fmt is None:
        fmt = FileFormat.JSON if text.lstrip().startswith("[") else FileFormat.CSV
    if FileFormat.parse(fmt) is FileFormat.JSON:
        return _read_json(text)
    return _read_csv(text)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise PhrasebookFormatError([RowError(line, FileNotUtf8())]) from None


def _items(value: str) -> list[str]:
    return [item.strip() for item in value.split(SEPARATOR) if item.strip()]


def _unprotect(cell: str) -> str:
    return cell[1:] if _PROTECTED_BY_WRITER.match(cell) else cell


def _read_csv(text: str) -> list[LocatedEntry]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    errors: list[RowError] = []
    located: list[LocatedEntry] = []
    columns: list[str] | None = None
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(RowError(line, BrokenCsvRow(str(exc))))
            break
        if not any(cell.strip() for cell in row):
            continue
        if columns is None:
            columns = _check_header(row, line)
            continue
        cells = [cell.strip() for cell in row]
        while len(cells) > len(columns) and not cells[-1]:
            cells.pop()
        if len(cells) != len(columns):
            errors.append(RowError(line, CellCount(len(columns), len(cells))))
            continue
        values = dict(zip(columns, (_unprotect(cell).strip() for cell in row), strict=False))
        reasons: list[Message] = []
        variant = True
        if OPTIONAL_COLUMN in values:
            flag = values[OPTIONAL_COLUMN].lower()
            if flag in _FALSE:
                variant = False
            elif flag and flag not in _TRUE:
                reasons.append(NotTrueOrFalse(OPTIONAL_COLUMN, "true", "false", repr(flag)))
        entry = _build_entry(
            reasons,
            kind=values["kind"],
            language=values["language"],
            text=values["text"],
            severity=values["severity"],
            replacements=_items(values["replacements"]),
            reason=values["reason"],
            situation=values["situation"],
            exceptions=_items(values["exceptions"]),
            variant_insensitive=variant,
        )
        if entry is None:
            errors.append(RowError(line, _all_of(reasons)))
        else:
            located.append(LocatedEntry(line, entry))
    if columns is None and not errors:
        errors.append(RowError(1, FileEmpty(",".join(HEADER))))
    if errors:
        raise PhrasebookFormatError(errors)
    return located


def _check_header(row: list[str], line: int) -> list[str]:
    names = [cell.strip().lower() for cell in row]
    while names and not names[-1]:
        names.pop()
    if names in (list(HEADER), [*HEADER, OPTIONAL_COLUMN]):
        return names
    raise PhrasebookFormatError(
        [RowError(line, WrongHeader(",".join(HEADER), OPTIONAL_COLUMN, ",".join(row)))]
    )


_JSON_KEYS = frozenset((*HEADER, OPTIONAL_COLUMN))
_JSON_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _skip_whitespace(text: str, position: int) -> int:
    match = _JSON_WHITESPACE.match(text, position)
    return match.end() if match else position


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _read_json(text: str) -> list[LocatedEntry]:
    """Read the array one element at a time so every error has a line number."""
    decoder = json.JSONDecoder()
    position = _skip_whitespace(text, 0)
    if not text.startswith("[", position):
        raise PhrasebookFormatError([RowError(_line_of(text, position), JsonNotAList())])
    position += 1
    errors: list[RowError] = []
    located: list[LocatedEntry] = []
    expect_item = True
    count = 0
    while True:
        position = _skip_whitespace(text, position)
        if text.startswith("]", position) and (not expect_item or count == 0):
            position += 1
            break
        if not expect_item:
            if text.startswith(",", position):
                position += 1
                expect_item = True
                continue
            raise _json_syntax(errors, text, position, Word(JSON_EXPECTED_COMMA))
        line = _line_of(text, position)
        try:
            item, position = decoder.raw_decode(text, position)
            surrogate = _has_surrogate(item)
        except json.JSONDecodeError as exc:
            raise _json_syntax(errors, text, exc.pos, exc.msg) from None
        except RecursionError:  # e.g. 100,000 nested brackets
            raise _json_syntax(errors, text, position, Word(JSON_TOO_DEEP)) from None
        expect_item = False
        count += 1
        if surrogate:
            errors.append(RowError(line, LoneSurrogate("\\ud800-\\udfff")))
            continue
        entry = _entry_from_json(item, errors, line)
        if entry is not None:
            located.append(LocatedEntry(line, entry))
    position = _skip_whitespace(text, position)
    if position < len(text):
        raise _json_syntax(errors, text, position, Word(JSON_TEXT_AFTER))
    if errors:
        raise PhrasebookFormatError(errors)
    return located


def _has_surrogate(value: Any) -> bool:
    """True when a decoded JSON value holds a lone UTF-16 surrogate (``"\\ud800"``): JSON
    allows the escape, but it is not text and cannot be stored or printed."""
    if isinstance(value, str):
        return any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return False


def _json_syntax(
    errors: list[RowError], text: str, position: int, detail: Word | str
) -> PhrasebookFormatError:
    errors.append(RowError(_line_of(text, position), BrokenJson(detail)))
    return PhrasebookFormatError(errors)


def _entry_from_json(item: Any, errors: list[RowError], line: int) -> PhraseEntry | None:
    if not isinstance(item, dict):
        errors.append(RowError(line, ItemNotAnObject()))
        return None
    reasons: list[Message] = []
    unknown = sorted(set(item) - _JSON_KEYS)
    if unknown:
        reasons.append(UnknownFields(tuple(map(repr, unknown))))

    def string(key: str) -> str:
        value = item.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            reasons.append(NotAString(key))
            return ""
        return value.strip()

    def strings(key: str) -> list[str]:
        value = item.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            reasons.append(NotAStringList(key))
            return []
        result = [v.strip() for v in value if v.strip()]
        reasons.extend(
            ItemHoldsSeparator(key, repr(v), SEPARATOR) for v in result if SEPARATOR in v
        )
        return result

    variant = item.get(OPTIONAL_COLUMN, True)
    if not isinstance(variant, bool):
        reasons.append(NotABoolean(OPTIONAL_COLUMN, "true", "false"))
        variant = True
    entry = _build_entry(
        reasons,
        kind=string("kind"),
        language=string("language"),
        text=string("text"),
        severity=string("severity"),
        replacements=strings("replacements"),
        reason=string("reason"),
        situation=string("situation"),
        exceptions=strings("exceptions"),
        variant_insensitive=variant,
    )
    if entry is None:
        errors.append(RowError(line, _all_of(reasons)))
    return entry


def _all_of(reasons: list[Message]) -> Message:
    return reasons[0] if len(reasons) == 1 else RowReasons(tuple(reasons))


def _build_entry(
    reasons: list[Message],
    *,
    kind: str,
    language: str,
    text: str,
    severity: str,
    replacements: list[str],
    reason: str,
    situation: str,
    exceptions: list[str],
    variant_insensitive: bool,
) -> PhraseEntry | None:
    """The entry, or None with ``reasons`` saying why (``reasons`` may arrive non-empty)."""
    parsed_kind: EntryKind | None = None
    parsed_language: Language | None = None
    parsed_severity: Severity | None = None
    parsed_situation: Situation | None = None
    if not kind:
        reasons.append(FieldEmptyUse("kind", ("approved",), "taboo"))
    else:
        try:
            parsed_kind = EntryKind.parse(kind)
        except Refusal as exc:
            reasons.append(exc.message)
    if not language:
        reasons.append(FieldEmptyUse("language", ("en", "zh-Hans", "zh-Hant"), "any"))
    else:
        try:
            parsed_language = Language.parse(language)
        except Refusal as exc:
            reasons.append(exc.message)
    if not text:
        reasons.append(FieldEmpty("text"))
    if parsed_kind is EntryKind.TABOO:
        if not severity:
            reasons.append(TabooRowNeeds("severity", ("block", "warn"), "hint"))
        if situation:
            reasons.append(OnlyForApprovedRows("situation"))
    elif parsed_kind is EntryKind.APPROVED:
        if severity:
            reasons.append(OnlyForTabooRows("severity"))
        if replacements:
            reasons.append(AllOnlyForTabooRows("replacements"))
        if exceptions:
            reasons.append(AllOnlyForTabooRows("exceptions"))
        if not situation:
            allowed = tuple(s.value for s in Situation)
            reasons.append(ApprovedRowNeeds("situation", allowed))
    if severity and parsed_kind is not EntryKind.APPROVED:
        try:
            parsed_severity = Severity.parse(severity)
        except Refusal as exc:
            reasons.append(exc.message)
    if situation and parsed_kind is not EntryKind.TABOO:
        try:
            parsed_situation = Situation.parse(situation)
        except Refusal as exc:
            reasons.append(exc.message)
    if reasons or parsed_kind is None or parsed_language is None:
        return None
    return PhraseEntry(
        kind=parsed_kind,
        language=parsed_language,
        text=text,
        severity=parsed_severity,
        replacements=tuple(replacements),
        reason=reason,
        situation=parsed_situation,
        exceptions=tuple(exceptions),
        variant_insensitive=variant_insensitive,
    )


# --- Writing ------------------------------------------------------------------------------


def _protect(cell: str) -> str:
    return "'" + cell if _DANGEROUS_FOR_WRITER.match(cell) else cell


def _check_writable(entries: Sequence[PhraseEntry]) -> None:
    problems: list[Message] = []
    for number, entry in enumerate(entries, start=1):
        for name, items in (("replacement", entry.replacements), ("exception", entry.exceptions)):
            problems.extend(
                EntryItemHoldsSeparator(number, repr(entry.text), name, repr(item), SEPARATOR)
                for item in items
                if SEPARATOR in item
            )
    if problems:
        raise Refusal(CannotWritePhrasebook(tuple(problems)))


def write_phrasebook(entries: Iterable[PhraseEntry], fmt: FileFormat | str) -> str:
    """The phrasebook as CSV or JSON text (no byte-order mark).

    Reading the result gives the same entries back (ids, authors and change times
    aside). Raises ValueError for an entry the format cannot hold (a ``|`` inside a
    replacement or exception; :func:`~console.domain.phrase_matcher.validate` reports it).
    """
    entries = list(entries)
    _check_writable(entries)
    if FileFormat.parse(fmt) is FileFormat.JSON:
        return json.dumps([_json_object(e) for e in entries], ensure_ascii=False, indent=2) + "\n"
    optional = any(not entry.variant_insensitive for entry in entries)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*HEADER, OPTIONAL_COLUMN] if optional else HEADER)
    for entry in entries:
        row = [
            entry.kind.value,
            entry.language.value,
            _protect(entry.text),
            entry.severity.value if entry.severity else "",
            _protect(SEPARATOR.join(entry.replacements)),
            _protect(entry.reason),
            entry.situation.value if entry.situation else "",
            _protect(SEPARATOR.join(entry.exceptions)),
        ]
        if optional:
            row.append("true" if entry.variant_insensitive else "false")
        writer.writerow(row)
    return buffer.getvalue()


def encode_phrasebook(entries: Iterable[PhraseEntry], fmt: FileFormat | str) -> bytes:
    """The bytes of an export file: UTF-8, with a byte-order mark for CSV so that
    spreadsheet programs open Chinese text correctly."""
    text = write_phrasebook(entries, fmt)
    encoding = "utf-8-sig" if FileFormat.parse(fmt) is FileFormat.CSV else "utf-8"
    return text.encode(encoding)


def _json_object(entry: PhraseEntry) -> dict[str, object]:
    result: dict[str, object] = {
        "kind": entry.kind.value,
        "language": entry.language.value,
        "text": entry.text,
        "severity": entry.severity.value if entry.severity else None,
        "replacements": list(entry.replacements),
        "reason": entry.reason,
        "situation": entry.situation.value if entry.situation else None,
        "exceptions": list(entry.exceptions),
    }
    if not entry.variant_insensitive:
        result[OPTIONAL_COLUMN] = False
    return result

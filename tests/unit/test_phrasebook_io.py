"""The phrasebook file format (CSV and JSON): a public contract for trainers' files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.messages import UnknownValue
from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.domain.phrasebook_io import (
    HEADER,
    FileFormat,
    PhrasebookFormatError,
    RowError,
    encode_phrasebook,
    read_phrasebook,
    read_phrasebook_located,
    write_phrasebook,
)

HEAD = "kind,language,text,severity,replacements,reason,situation,exceptions\n"

NO_PROBLEM = PhraseEntry(
    kind=EntryKind.TABOO,
    language=Language.EN,
    text="no problem",
    severity=Severity.WARN,
    replacements=("My pleasure", "Certainly"),
    reason="It hints that the request could have been a problem.",
    exceptions=("No Problem Tea",),
)
APOLOGY = PhraseEntry(
    kind=EntryKind.APPROVED,
    language=Language.ZH_HANS,
    text="给您添麻烦了，非常抱歉。",
    situation=Situation.APOLOGY,
)


def errors_of(source: str | bytes, fmt: str | None = None) -> list[tuple[int, str]]:
    with pytest.raises(PhrasebookFormatError) as caught:
        read_phrasebook(source, fmt)
    return [(error.line, error.reason) for error in caught.value.errors]


# --- CSV reading --------------------------------------------------------------------------


def test_header_is_the_contract() -> None:
    assert ",".join(HEADER) + "\n" == HEAD


def test_read_csv() -> None:
    text = (
        HEAD
        + "taboo,en,no problem,warn,My pleasure|Certainly,"
        + "It hints that the request could have been a problem.,,No Problem Tea\n"
        + "approved,zh-Hans,给您添麻烦了，非常抱歉。,,,,apology,\n"
    )
    assert read_phrasebook(text, "csv") == [NO_PROBLEM, APOLOGY]


def test_byte_order_mark_and_crlf_are_tolerated() -> None:
    text = HEAD + "approved,zh-Hans,给您添麻烦了，非常抱歉。,,,,apology,\n"
    crlf = text.replace("\n", "\r\n")
    assert read_phrasebook(("\ufeff" + text).encode(), "csv") == [APOLOGY]
    assert read_phrasebook("\ufeff" + crlf, "csv") == [APOLOGY]
    assert read_phrasebook(text.encode(), "csv") == [APOLOGY]


def test_format_is_guessed_from_content() -> None:
    assert read_phrasebook(HEAD + "approved,zh-Hans,给您添麻烦了，非常抱歉。,,,,apology,\n") == [
        APOLOGY
    ]
    assert read_phrasebook(write_phrasebook([APOLOGY], "json")) == [APOLOGY]


def test_read_from_a_path(tmp_path: Path) -> None:
    csv_file = tmp_path / "brand.csv"
    csv_file.write_bytes(encode_phrasebook([NO_PROBLEM, APOLOGY], "csv"))
    json_file = tmp_path / "brand.JSON"
    json_file.write_bytes(encode_phrasebook([NO_PROBLEM, APOLOGY], FileFormat.JSON))
    assert read_phrasebook(csv_file) == [NO_PROBLEM, APOLOGY]
    assert read_phrasebook(json_file) == [NO_PROBLEM, APOLOGY]
    with pytest.raises(ValueError, match="no extension"):
        read_phrasebook(tmp_path / "brand")
    with pytest.raises(ValueError, match="unknown phrasebook format"):
        read_phrasebook(tmp_path / "brand.xlsx")


def test_header_is_checked() -> None:
    assert read_phrasebook(HEAD.upper().replace(",", " , "), "csv") == []
    assert read_phrasebook(HEAD.rstrip("\n") + ",,\n", "csv") == []
    [(line, reason)] = errors_of("\n\nkind,language,text\napproved,en,Hi\n", "csv")
    assert line == 3
    assert reason.startswith("the header must be " + ",".join(HEADER))
    [(line, reason)] = errors_of("", "csv")
    assert (line, reason.startswith("the file is empty")) == (1, True)


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_returned() -> None:
    text = (
        HEAD  # line 1
        + "taboo,en,hey,warn,Hello,,,\n"  # 2: fine
        + "rude,en,hey,warn,,,,\n"  # 3
        + "taboo,fr,salut,warn,,,,\n"  # 4
        + "taboo,en,,warn,,,,\n"  # 5
        + "taboo,en,hey,,,,,\n"  # 6
        + "taboo,en,hey,stop,,,,\n"  # 7
        + "taboo,en,hey,warn,,,greeting,\n"  # 8
        + "\n"  # 9: blank lines are skipped
        + 'approved,en,"Hello,\nthere",,,,,\n'  # 10-11
        + "approved,en,Hello,block,Hi,,greeting,Hi there\n"  # 12
        + "approved,en,Hello,,,,chatting,\n"  # 13
        + "taboo,en,hey,warn\n"  # 14
        + "taboo,en,hey,warn,,,,,extra\n"  # 15
        + ",,,,,,,\n"  # 16: an empty spreadsheet row
        + "approved,en,Welcome back!,,,,welcome_back,\n"  # 17: fine
    )
    errors = errors_of(text, "csv")
    assert [line for line, _ in errors] == [3, 4, 5, 6, 7, 8, 10, 12, 13, 14, 15]
    reasons = dict(errors)
    assert reasons[3] == "unknown kind 'rude' (use one of: approved, taboo)"
    assert reasons[4] == "unknown language 'fr' (use one of: en, zh-Hans, zh-Hant, any)"
    assert reasons[5] == "text is empty"
    assert reasons[6] == "a taboo row needs a severity (block, warn or hint)"
    assert reasons[7] == "unknown severity 'stop' (use one of: block, warn, hint)"
    assert reasons[8] == "situation is only for approved rows"
    assert reasons[10].startswith("an approved row needs a situation (greeting, welcome_back")
    assert reasons[12] == (
        "severity is only for taboo rows; replacements are only for taboo rows; "
        "exceptions are only for taboo rows"
    )
    assert reasons[13].startswith("unknown situation 'chatting'")
    assert reasons[14] == "expected 8 cells, found 4"
    assert reasons[15] == "expected 8 cells, found 9"


def test_the_error_message_lists_every_row() -> None:
    with pytest.raises(PhrasebookFormatError) as caught:
        read_phrasebook(HEAD + "x,en,a,,,,,\ny,en,b,,,,,\n", "csv")
    message = str(caught.value)
    assert message.startswith("2 bad rows; nothing was imported:")
    assert "line 2: unknown kind 'x'" in message and "line 3: unknown kind 'y'" in message
    unknown = UnknownValue("kind", "'x'", ("approved", "taboo"))
    assert caught.value.errors[0] == RowError(2, unknown)
    assert caught.value.errors[0].reason == "unknown kind 'x' (use one of: approved, taboo)"


def test_broken_quoting_is_reported() -> None:
    [(line, reason)] = errors_of(HEAD + 'taboo,en,"hey,warn,,,,\n', "csv")
    assert line == 2 and reason.startswith("broken CSV")


def test_not_utf8_is_reported_with_its_line() -> None:
    data = (HEAD + "taboo,zh-Hans,").encode() + "不知道".encode("gb18030") + b",block,,,,\n"
    [(line, reason)] = errors_of(data, "csv")
    assert line == 2 and "not UTF-8" in reason


def test_lists_are_split_on_bars_and_trimmed() -> None:
    [entry] = read_phrasebook(HEAD + "taboo,en,hey,hint, Hello | | Hi ||,,, Hey Tea |\n", "csv")
    assert entry.replacements == ("Hello", "Hi")
    assert entry.exceptions == ("Hey Tea",)


def test_values_are_parsed_leniently() -> None:
    [entry] = read_phrasebook(HEAD + " Taboo , ZH_hant , 唔知 , BLOCK ,,,,\n", "csv")
    assert (entry.kind, entry.language, entry.text, entry.severity) == (
        EntryKind.TABOO,
        Language.ZH_HANT,
        "唔知",
        Severity.BLOCK,
    )


def test_optional_variant_column() -> None:
    head = HEAD.rstrip("\n") + ",variant_insensitive\n"
    rows = "taboo,zh-Hans,没办法,warn,,,,,false\ntaboo,zh-Hans,不知道,warn,,,,,\n"
    first, second = read_phrasebook(head + rows, "csv")
    assert first.variant_insensitive is False and second.variant_insensitive is True
    [(line, reason)] = errors_of(head + "taboo,en,hey,warn,,,,,maybe\n", "csv")
    assert (line, reason) == (2, "variant_insensitive must be true or false, not 'maybe'")


def test_located_entries_carry_line_numbers() -> None:
    text = HEAD + '\ntaboo,en,"hey\nyou",warn,,,,\ntaboo,en,OK,hint,,,,\n'
    located = read_phrasebook_located(text, "csv")
    assert [(item.line, str(item.label)) for item in located] == [(3, "line 3"), (5, "line 5")]


# --- Formula protection -------------------------------------------------------------------


def test_writer_protects_formula_cells_and_reader_removes_the_protection() -> None:
    entry = PhraseEntry(
        kind=EntryKind.TABOO,
        language=Language.EN,
        text="=HYPERLINK(1)",
        severity=Severity.BLOCK,
        replacements=("+1 for you", "fine"),
        reason="@everyone is too broad",
        exceptions=("-=HYPERLINK(1)",),
    )
    written = write_phrasebook([entry], "csv")
    assert written.splitlines()[1] == (
        "taboo,en,'=HYPERLINK(1),block,'+1 for you|fine,'@everyone is too broad,,'-=HYPERLINK(1)"
    )
    assert read_phrasebook(written, "csv") == [entry]


@pytest.mark.parametrize(
    ("cell", "read_as"),
    [
        ("-10% off", "-10% off"),  # hand-typed without protection: read as typed
        ("'-10% off", "-10% off"),  # protected by our writer
        ("''=x", "'=x"),  # a real apostrophe before '=' survives
        ("'hello", "'hello"),  # an apostrophe before anything else is text
        ("'", "'"),
    ],
)
def test_reader_removes_one_protective_apostrophe(cell: str, read_as: str) -> None:
    [entry] = read_phrasebook(HEAD + f"taboo,en,x,warn,,{cell},,\n", "csv")
    assert entry.reason == read_as


@pytest.mark.parametrize("reason", ["=1+1", "'=1+1", "''+x", "'plain", "-", "@", "a=b"])
def test_protection_round_trips(reason: str) -> None:
    entry = PhraseEntry(
        kind=EntryKind.TABOO, language=Language.EN, text="x", severity=Severity.HINT, reason=reason
    )
    assert read_phrasebook(write_phrasebook([entry], "csv"), "csv") == [entry]


# --- JSON ---------------------------------------------------------------------------------


def test_read_and_write_json() -> None:
    written = write_phrasebook([NO_PROBLEM, APOLOGY], "json")
    data = json.loads(written)
    assert data[0] == {
        "kind": "taboo",
        "language": "en",
        "text": "no problem",
        "severity": "warn",
        "replacements": ["My pleasure", "Certainly"],
        "reason": "It hints that the request could have been a problem.",
        "situation": None,
        "exceptions": ["No Problem Tea"],
    }
    assert data[1]["text"] == "给您添麻烦了，非常抱歉。"
    assert read_phrasebook(written, "json") == [NO_PROBLEM, APOLOGY]


def test_json_with_minimal_fields() -> None:
    text = '[{"kind": "taboo", "language": "en", "text": "hey", "severity": "hint"}]'
    [entry] = read_phrasebook(text, "json")
    assert entry == PhraseEntry(
        kind=EntryKind.TABOO, language=Language.EN, text="hey", severity=Severity.HINT
    )
    assert read_phrasebook(" [ ] ", "json") == []


def test_json_errors_name_the_line_of_each_bad_item() -> None:
    text = """[
  {"kind": "taboo", "language": "en", "text": "hey", "severity": "hint"},
  {"kind": "taboo", "language": "en", "text": "yo", "severity": "hint", "replacement": ["Hi"]},
  "hey",
  {"kind": "taboo", "language": "en", "text": 5, "severity": "hint",
   "replacements": "Hello", "variant_insensitive": "no"},
  {"kind": "taboo", "language": "en", "text": "x", "severity": "hint",
   "exceptions": ["a|b"]}
]"""
    errors = errors_of(text, "json")
    assert [line for line, _ in errors] == [3, 4, 5, 7]
    reasons = dict(errors)
    assert reasons[3] == "unknown field(s) 'replacement'"
    assert reasons[4] == "each item must be an object with the phrasebook fields"
    assert reasons[5] == (
        "variant_insensitive must be true or false; text must be a string; "
        "replacements must be a list of strings; text is empty"
    )
    assert reasons[7] == "exceptions item 'a|b' contains '|', which CSV files cannot hold"


@pytest.mark.parametrize(
    ("text", "line", "start"),
    [
        ('{"kind": "taboo"}', 1, "a JSON phrasebook must be a list"),
        ('[\n {"kind": "taboo",}\n]', 2, "broken JSON"),
        ('[\n {"kind": "approved", "language": "en", "text": "Hi", "situation": "greeting"},\n]',
         3, "broken JSON"),
        ('[{"kind": "approved"}\n {"kind": "taboo"}]', 2, "broken JSON: expected ',' or ']'"),
        ("[]\n[]", 2, "broken JSON: unexpected text"),
        ("[", 1, "broken JSON"),
    ],
)  # fmt: skip
def test_broken_json(text: str, line: int, start: str) -> None:
    errors = errors_of(text, "json")
    assert errors[-1][0] == line
    assert errors[-1][1].startswith(start)


# --- Writing ------------------------------------------------------------------------------


def test_csv_writer_adds_the_variant_column_only_when_needed() -> None:
    assert write_phrasebook([NO_PROBLEM], "csv").startswith(HEAD.replace("\n", "\r\n"))
    sensitive = PhraseEntry(
        kind=EntryKind.TABOO,
        language=Language.ZH_HANS,
        text="没办法",
        severity=Severity.WARN,
        variant_insensitive=False,
    )
    written = write_phrasebook([NO_PROBLEM, sensitive], "csv")
    assert written.splitlines()[0] == HEAD.rstrip("\n") + ",variant_insensitive"
    assert written.splitlines()[2].endswith(",false")
    assert read_phrasebook(written, "csv") == [NO_PROBLEM, sensitive]
    assert json.loads(write_phrasebook([sensitive], "json"))[0]["variant_insensitive"] is False


def test_encode_adds_a_byte_order_mark_for_spreadsheets() -> None:
    assert encode_phrasebook([APOLOGY], "csv").startswith(b"\xef\xbb\xbfkind,")
    assert encode_phrasebook([APOLOGY], "json").startswith(b"[")


def test_csv_writer_uses_crlf_and_quotes_line_breaks() -> None:
    entry = PhraseEntry(
        kind=EntryKind.APPROVED,
        language=Language.EN,
        text="Thank you.\rSee you\nsoon",
        situation=Situation.FAREWELL,
    )
    written = write_phrasebook([entry], "csv")
    assert written.endswith('"Thank you.\rSee you\nsoon",,,,farewell,\r\n')
    assert read_phrasebook(written, "csv") == [entry]


def test_writer_refuses_what_the_format_cannot_hold() -> None:
    entry = PhraseEntry(
        kind=EntryKind.TABOO,
        language=Language.EN,
        text="hey",
        severity=Severity.HINT,
        replacements=("Hello|Hi",),
    )
    with pytest.raises(ValueError, match=r"replacement 'Hello\|Hi' contains '\|'"):
        write_phrasebook([entry], "csv")


def test_writer_drops_storage_fields() -> None:
    import datetime as dt

    stored = PhraseEntry(
        id=4,
        kind=EntryKind.APPROVED,
        language=Language.EN,
        text="My pleasure.",
        situation=Situation.FAREWELL,
        author="trainer",
        changed_at=dt.datetime(2026, 1, 2, 3, 4),
    )
    [read] = read_phrasebook(write_phrasebook([stored], "csv"), "csv")
    assert (read.id, read.author, read.changed_at) == (None, "", None)
    assert read.text == stored.text


# --- Round trip (property) ----------------------------------------------------------------

cell_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
    min_size=1,
    max_size=20,
).map(str.strip)
item_text = cell_text.filter(lambda s: bool(s) and "|" not in s)


@st.composite
def entries(draw: st.DrawFn) -> PhraseEntry:
    kind = draw(st.sampled_from(EntryKind))
    text = draw(cell_text.filter(bool))
    language = draw(st.sampled_from(Language))
    reason = draw(st.one_of(st.just(""), cell_text))
    variant = draw(st.booleans())
    if kind is EntryKind.APPROVED:
        return PhraseEntry(
            kind=kind,
            language=language,
            text=text,
            reason=reason,
            situation=draw(st.sampled_from(Situation)),
            variant_insensitive=variant,
        )
    return PhraseEntry(
        kind=kind,
        language=language,
        text=text,
        reason=reason,
        severity=draw(st.sampled_from(Severity)),
        replacements=tuple(draw(st.lists(item_text, max_size=3))),
        exceptions=tuple(draw(st.lists(item_text, max_size=3))),
        variant_insensitive=variant,
    )


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(entries(), max_size=6), st.sampled_from(FileFormat))
def test_written_files_read_back_the_same(items: list[PhraseEntry], fmt: FileFormat) -> None:
    assert read_phrasebook(write_phrasebook(items, fmt), fmt) == items
    assert read_phrasebook(encode_phrasebook(items, fmt)) == items

"""Customer and purchase import/export as CSV (and JSON export): pure parsing and writing.

No SQLite, no Qt: storage and the command line call these functions and decide what to do
with the rows and errors.

Reading (both CSV kinds)
------------------------
* UTF-8 with or without a byte-order mark; a header row, then one record per customer or
  purchase line. ``source`` is the CSV *text* when it is a ``str``, the raw file content when
  it is ``bytes``, and a file name when it is a ``pathlib.Path`` (any ``os.PathLike``).
* Header names are matched ignoring case and surrounding spaces. An unknown or repeated
  column, a missing required column, an empty file, bytes that are not UTF-8 and broken
  quoting raise :class:`CsvFormatError`. Header problems are found before the first row is
  returned; encoding and quoting damage can be found later in the file, so the streaming
  iterators may raise it after having yielded rows (the error names the line).
* Line numbers are physical lines of the file (the header is line 1; ``\\r\\n``, ``\\n`` and a
  lone ``\\r`` each end a line). A record whose quoted cell spans several lines is reported at
  the line where the record starts.
* A record whose cells are all blank is skipped. A record with more or fewer cells than the
  header is an error. Columns whose header cell is empty (Excel's trailing commas) are
  ignored, but must stay empty.
* Text cells are trimmed of surrounding white space, except ``notes``, which is kept verbatim.

Spreadsheet formula injection and the round trip
------------------------------------------------
On export, a cell that begins with ``=``, ``+``, ``-``, ``@``, TAB or CR is written with a
leading apostrophe (``=SUM(A1)`` → ``'=SUM(A1)``) so a spreadsheet shows it as text. To keep
the round trip exact, a value that already begins with one or more apostrophes followed by
one of those characters gets one more apostrophe (``'=x`` → ``''=x``).

The reader undoes exactly this: **when a cell (trimmed, except notes) begins with ``'`` and what
follows is zero or more ``'`` then one of ``= + - @ TAB CR``, the first ``'`` is removed**
(:func:`unneutralise_cell`). Every other apostrophe is data (``'Tis`` stays ``'Tis``). The
rule applies to every column of both CSV kinds, so ``'+86 138 1234 5678`` (how Excel users
keep a leading ``+``) is read as a phone number.

The list columns ``phones`` and ``preferences`` are neutralised item by item (each
``;``-separated item is a cell of its own for this rule), so the phones cell of an export
reads ``'+8613812345678;'+8613900001111`` and stays safe even when a spreadsheet splits
cells on ``;``.

Customer columns (:data:`CUSTOMER_COLUMNS`)
-------------------------------------------
``name`` (required, not empty), ``preferred_name``, ``phones``, ``email``, ``member_no``,
``birthday`` (``YYYY-MM-DD`` or ``--MM-DD``), ``tier`` (regular/silver/gold/vip, any case;
empty means regular), ``preferences``, ``notes``; any subset in any order, ``name`` included.

* ``phones``: ``;``-separated items, each ``number`` or ``label:number`` (for example
  ``work:+86 10 1234 5678``); the label is what precedes the *last* colon. Without a label
  the first phone is ``mobile`` and the others ``other``. Numbers are normalised to E.164 with
  the ``region`` for numbers written without a country code. Export writes ``label:`` only
  when the label differs from that default, so labels round-trip. A ``;`` inside a label or a
  preference cannot be represented: on import it splits the item.
* ``preferences``: ``;``-separated, each trimmed, empty items dropped.
* ``email``: exactly one ``@``, something before it, a dot inside the domain, no white space.
* A ``member_no`` (compared exactly, case included) or a phone number (compared in E.164)
  used twice in the file is an error on the later line, also when the same number is listed
  twice in one cell. The first occurrence counts even when its row is bad for another reason.
* Romanisation is not read or written: storage derives it from the name.

Purchase columns (:data:`PURCHASE_COLUMNS`)
-------------------------------------------
``member_no`` and/or ``phone`` (at least one in the header; each row needs one of them not
empty), ``date`` (``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM[:SS]`` or ``YYYY-MM-DD HH:MM[:SS]``; a bare
date means midnight), ``item`` (not empty), ``quantity`` (a positive whole number, 1 when the
column is missing or the cell empty), ``price`` (the unit price, not negative, at most two
decimals, stored in minor units), ``currency`` (three letters, upper-cased; the
``default_currency`` when missing or empty), ``store`` and ``category`` (optional).
``date``, ``item`` and ``price`` are required columns. No duplicate check: two identical rows
are two purchases.

Writing
-------
:func:`write_customers_csv` writes the header and one row per customer in
:data:`CUSTOMER_COLUMNS` order, CR LF line ends (RFC 4180; a CR or LF inside a cell is
quoted), minimal quoting. Open the output with ``newline=""`` (and ``encoding="utf-8-sig"`` if
Excel users will double-click the file, so it recognises UTF-8). A birthday without a year is
written ``'--02-29`` (a spreadsheet would compute ``--02-29`` as -27).

:func:`write_customers_json` streams a JSON array (one object per line) with the same keys:
``phones`` and ``preferences`` are lists (phones as E.164 strings, without labels),
``birthday`` is ``"YYYY-MM-DD"``, ``"--MM-DD"`` or ``null``, ``tier`` its lower-case value,
the other values strings. Nothing is neutralised in JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, TypeAlias

import phonenumbers

from console.domain.customer import (
    MAX_PRICE_MINOR,
    MAX_PURCHASE_TOTAL_MINOR,
    MAX_QUANTITY,
    Customer,
    PartialDate,
    Phone,
    PurchaseItem,
    Tier,
    format_money,
    parse_money,
)
from console.domain.messages import (
    AboutEntry,
    BrokenQuoting,
    ByteNotUtf8,
    CellTooLong,
    ColumnTwice,
    CsvFileNotUtf8,
    EmailUsedOnLine,
    FieldEmpty,
    FileLine,
    HeaderNeedsWho,
    LineColumn,
    LineTotalTooHigh,
    MemberNoUsedOnLine,
    Message,
    MissingColumn,
    NoCustomerHeader,
    NoPurchaseHeader,
    NotACurrency,
    NotADate,
    NotARealDate,
    NotAValidEmail,
    NotMoney,
    PhoneNotValidInRegion,
    PhoneTwiceInCell,
    PhoneUsedOnLine,
    PriceMoreThan,
    PriceNegative,
    PricePerUnitMoreThan,
    QuantityMoreThan,
    QuantityNotPositive,
    QuoteNeverClosed,
    RecordCells,
    Refusal,
    RowNeedsWho,
    TooManyColumns,
    UnknownColumn,
    UnnamedCell,
    reason_of,
)
from console.domain.phones import DEFAULT_REGION, InvalidPhone, is_valid_region, normalise_phone
from console.domain.text import clean_text

__all__ = [
    "CUSTOMER_COLUMNS",
    "PURCHASE_COLUMNS",
    "CsvFormatError",
    "CsvSource",
    "ParsedCustomers",
    "ParsedPurchases",
    "PurchaseRow",
    "RowError",
    "iter_customers_csv",
    "iter_purchases_csv",
    "neutralise_cell",
    "normalise_phone_fast",
    "parse_customers_csv",
    "parse_purchases_csv",
    "unneutralise_cell",
    "write_customers_csv",
    "write_customers_json",
]

CsvSource: TypeAlias = bytes | str | Path

CUSTOMER_COLUMNS: tuple[str, ...] = (
    "name",
    "preferred_name",
    "phones",
    "email",
    "member_no",
    "birthday",
    "tier",
    "preferences",
    "notes",
)

PURCHASE_COLUMNS: tuple[str, ...] = (
    "member_no",
    "phone",
    "date",
    "item",
    "quantity",
    "price",
    "currency",
    "store",
    "category",
)

_REQUIRED_PURCHASE_COLUMNS = ("date", "item", "price")

_FIRST_PHONE_LABEL = "mobile"
_OTHER_PHONE_LABEL = "other"

# ---------------------------------------------------------------------------------------------
# Errors and results


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in the file: physical line (header = 1), column name ("" if none), reason."""

    line: int
    column: str
    message: Message

    @property
    def reason(self) -> str:
        """Why, in English."""
        return str(self.message)

    @property
    def said(self) -> Message:
        """Where and why, to be worded in the reader's language."""
        where = LineColumn(self.line, self.column) if self.column else FileLine(self.line)
        return AboutEntry(where, self.message)

    def __str__(self) -> str:
        return str(self.said)


class CsvFormatError(Exception):
    """The file as a whole cannot be read: header problems, empty file, not UTF-8, bad quoting."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


@dataclass
class ParsedCustomers:
    rows: list[tuple[int, Customer]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


@dataclass
class PurchaseRow:
    """One purchased item; storage groups rows into purchases and finds the customer."""

    line: int
    member_no: str
    phone: str
    at: dt.datetime
    item: PurchaseItem
    currency: str
    store: str


@dataclass
class ParsedPurchases:
    rows: list[PurchaseRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Formula-injection neutralisation

_FORMULA_STARTS = frozenset("=+-@\t\r")


def neutralise_cell(value: str) -> str:
    """Make *value* safe to open in a spreadsheet; :func:`unneutralise_cell` undoes it.

    A value beginning with ``= + - @``, TAB or CR, or with apostrophes followed by one of
    those, gets one more leading apostrophe. Everything else is returned unchanged.
    """
    if value and (
        value[0] in _FORMULA_STARTS
        or (value[0] == "'" and value.lstrip("'")[:1] in _FORMULA_STARTS)
    ):
        return "'" + value
    return value


def unneutralise_cell(value: str) -> str:
    """Remove the apostrophe :func:`neutralise_cell` added; other text is returned unchanged."""
    if value[:1] == "'" and value[1:].lstrip("'")[:1] in _FORMULA_STARTS:
        return value[1:]
    return value


# ---------------------------------------------------------------------------------------------
# Phones: fast paths for text that is already E.164 or plain national digits
#
# ``phonenumbers.parse`` + ``is_valid_number`` cost about 25 µs per number, more than the rest
# of a row, and an import's numbers are unique, so normalise_phone's cache does not help. For
# the two shapes that make up nearly every import (``+8613812345678`` and ``13812345678`` /
# ``138 1234 5678``) the number is built directly when parse is known to keep the digits as
# they are (no national/carrier prefix, no IDD, no leading zero, no country code written
# without ``+``), and validity is decided from phonenumbers' own metadata exactly as
# ``is_valid_number`` does: the number matches the general description and at least one
# number-type description (length and pattern) of its region, and for a calling code shared
# by several regions (+1 NANP, +44 GB and the Crown dependencies) the region is picked as
# ``region_code_for_number`` picks it. Anything else takes normalise_phone. The unit tests
# compare both paths on many numbers of every country code.
#
# Measured (issue 13, tests/benchmarks/bench_import.py --rows 100000, 2 shared cores, two
# runs each): with this path the import took 5.9-7.9 s (parsing alone 1.3-1.4 s); with
# normalise_phone (phonenumbers.is_valid_number) for every number, 13.6-16.6 s (parsing
# alone 4.4-6.0 s). It stays.

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_E164 = re.compile(r"\+[1-9][0-9]{7,14}")
_NATIONAL_DIGITS = re.compile(r"[1-9][0-9]*(?:[ -][0-9]+)*")
_COUNTRY_CODES = frozenset(str(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
_NUMBER_TYPES = (  # mobile apart: phonenumbers skips it when it is the fixed-line pattern
    "fixed_line",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
)

_Desc: TypeAlias = tuple[frozenset[int], re.Pattern[str]]


def _desc(desc: object) -> _Desc | None:
    pattern = getattr(desc, "national_number_pattern", None)
    if not pattern:
        return None
    lengths = frozenset(int(n) for n in getattr(desc, "possible_length", ()) or ())
    return lengths, re.compile(str(pattern))


def _matches(national: str, desc: _Desc) -> bool:
    lengths, pattern = desc
    return (not lengths or len(national) in lengths) and pattern.fullmatch(national) is not None


@dataclass(frozen=True, slots=True)
class _RegionRules:
    """One region's validity rules, as ``phonenumbers._number_type_helper`` applies them."""

    leading_digits: re.Pattern[str] | None
    general: _Desc | None
    types: tuple[_Desc, ...]  # every type but mobile (fixed line among them)
    mobile: _Desc | None  # None when it is the fixed-line pattern (phonenumbers skips it)

    def has_type(self, national: str) -> bool:
        """True when the number's type is not UNKNOWN in this region."""
        if self.general is None or not _matches(national, self.general):
            return False
        return any(_matches(national, desc) for desc in self.types) or (
            self.mobile is not None and _matches(national, self.mobile)
        )


def _region_rules(metadata: object) -> _RegionRules:
    leading = getattr(metadata, "leading_digits", None)
    types = tuple(
        desc for desc in (_desc(getattr(metadata, name, None)) for name in _NUMBER_TYPES) if desc
    )
    mobile = None
    if not getattr(metadata, "same_mobile_and_fixed_line_pattern", False):
        mobile = _desc(getattr(metadata, "mobile", None))
    return _RegionRules(
        leading_digits=re.compile(str(leading)) if leading is not None else None,
        general=_desc(getattr(metadata, "general_desc", None)),
        types=types,
        mobile=mobile,
    )


@dataclass(frozen=True, slots=True)
class _CountryPlan:
    """What the fast path needs to know about one country calling code."""

    code: int
    national_prefix: re.Pattern[str] | None
    regions: tuple[_RegionRules, ...]  # in phonenumbers' order, main region first

    def is_valid(self, national: str) -> bool:
        """``phonenumbers.is_valid_number`` of ``+{code}{national}``.

        A code shared by several regions (+1: US, CA, the Caribbean; +44: GB, GG, IM, JE)
        belongs to the first region whose leading digits match, or, for a region without
        leading digits, whose rules give the number a type; the number is valid when that
        region's rules give it a type (``region_code_for_number`` and
        ``is_valid_number_for_region``).
        """
        regions = self.regions
        if len(regions) == 1:
            return regions[0].has_type(national)
        for region in regions:
            if region.leading_digits is not None:
                if region.leading_digits.match(national):
                    return region.has_type(national)
            elif region.has_type(national):
                return True
        return False

    def keeps(self, national: str) -> bool:
        """True when parse would take *national* as the national number unchanged."""
        return national[0] != "0" and (
            self.national_prefix is None or self.national_prefix.match(national) is None
        )


@functools.cache
def _country_plan(country_code: str) -> _CountryPlan:
    code = int(country_code)
    region_codes = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code]
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(
        code, phonenumbers.region_code_for_country_code(code)
    )
    if metadata is None:  # pragma: no cover - every listed code has metadata
        raise LookupError(country_code)
    prefix = metadata.national_prefix_for_parsing
    regions: tuple[_RegionRules, ...]
    if len(region_codes) == 1:
        regions = (_region_rules(metadata),)
    else:
        # region_code_for_number skips a region without metadata, as this does.
        regions = tuple(
            _region_rules(region_metadata)
            for region_metadata in (
                phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
                for region in region_codes
            )
            if region_metadata is not None
        )
    return _CountryPlan(
        code=code,
        national_prefix=re.compile(str(prefix)) if prefix else None,
        regions=regions,
    )


@functools.cache
def _region_plan(region: str) -> tuple[str, re.Pattern[str] | None, _CountryPlan] | None:
    """(country code, international dialling prefix, plan) of a region, None if unknown."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    if metadata is None or not metadata.country_code:
        return None
    country_code = str(metadata.country_code)
    idd = metadata.international_prefix
    return country_code, re.compile(str(idd)) if idd else None, _country_plan(country_code)


def normalise_phone_fast(text: str, region: str = DEFAULT_REGION) -> str:
    """Same result (or InvalidPhone) as :func:`console.domain.phones.normalise_phone`, faster.

    *text* should already be stripped; *region* is an upper-case region code.
    """
    if _E164.fullmatch(text):
        digits = text[1:]
        for size in (1, 2, 3):
            if digits[:size] in _COUNTRY_CODES:
                plan = _country_plan(digits[:size])
                national = digits[size:]
                if plan.keeps(national):
                    if plan.is_valid(national):
                        return text
                    raise InvalidPhone(PhoneNotValidInRegion(repr(text), region.upper()))
                break
    elif _NATIONAL_DIGITS.fullmatch(text):
        national = text.replace(" ", "").replace("-", "")
        home = _region_plan(region)
        if home is not None and 6 <= len(national) <= 15:
            country_code, idd, plan = home
            if (
                not national.startswith(country_code)
                and (idd is None or idd.match(national) is None)
                and plan.keeps(national)
            ):
                if plan.is_valid(national):
                    return f"+{country_code}{national}"
                raise InvalidPhone(PhoneNotValidInRegion(repr(text), region.upper()))
    return normalise_phone(text, region)


# ---------------------------------------------------------------------------------------------
# Reading records with physical line numbers


class _Dialect(csv.excel):
    strict = True


def _open_text(source: CsvSource) -> io.TextIOBase:
    if isinstance(source, str):
        return io.StringIO(source.removeprefix("\ufeff"), newline="")
    if isinstance(source, bytes):
        return io.TextIOWrapper(io.BytesIO(source), encoding="utf-8-sig", newline="")
    return open(source, encoding="utf-8-sig", newline="")


def _open_binary(source: bytes | Path) -> io.BufferedIOBase:
    if isinstance(source, bytes):
        return io.BytesIO(source)
    return open(source, "rb")


def _bad_byte_line(source: CsvSource) -> tuple[int, int] | None:
    """Line number and value of the first byte that is not UTF-8, if there is one."""
    if isinstance(source, str):
        return None
    line = 1
    with _open_binary(source) as raw:
        for chunk in raw:  # split on b"\n", which is never part of a multi-byte sequence
            try:
                chunk.decode("utf-8")
            except UnicodeDecodeError as exc:
                # Every CR before the bad byte ends a line (a CR LF pair would include the LF).
                return line + chunk.count(b"\r", 0, exc.start), chunk[exc.start]
            body = chunk.removesuffix(b"\n").removesuffix(b"\r")
            line += 1 + body.count(b"\r")
    return None


def _records(source: CsvSource) -> Iterator[tuple[int, list[str]]]:
    """Yield (line where the record starts, cells) for every record, blank lines included."""
    with _open_text(source) as stream:
        reader = csv.reader(stream, _Dialect)
        end = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                found = _bad_byte_line(source)
                line, reason = (
                    (found[0], ByteNotUtf8(f"0x{found[1]:02X}"))
                    if found
                    else (end + 1, CsvFileNotUtf8())
                )
                raise CsvFormatError([RowError(line, "", reason)]) from None
            except csv.Error as exc:
                if "field limit" in str(exc):
                    why: Message = CellTooLong(csv.field_size_limit())
                elif "end of data" in str(exc):
                    why = QuoteNeverClosed()
                else:
                    why = BrokenQuoting(str(exc))
                raise CsvFormatError([RowError(end + 1, "", why)]) from None
            start = end + 1
            end = reader.line_num
            yield start, record


#: Columns a header may have (the known ones and some empty ones a spreadsheet adds).
MAX_COLUMNS = 100


@dataclass(slots=True)
class _Header:
    line: int
    width: int
    index: dict[str, int]
    unnamed: tuple[int, ...]


def _read_header(
    records: Iterator[tuple[int, list[str]]],
    allowed: tuple[str, ...],
    required: Iterable[str],
    empty: Message,
) -> _Header:
    for line, record in records:
        if not "".join(record).strip():
            continue
        if len(record) > MAX_COLUMNS:  # one error, not one per column
            raise CsvFormatError([RowError(line, "", TooManyColumns(len(record), MAX_COLUMNS))])
        errors: list[RowError] = []
        index: dict[str, int] = {}
        unnamed: list[int] = []
        for position, cell in enumerate(record):
            name = unneutralise_cell(cell.strip()).lower()
            if not name:
                unnamed.append(position)
            elif name not in allowed:
                errors.append(
                    RowError(
                        line,
                        name,
                        UnknownColumn(repr(cell.strip()), allowed),
                    )
                )
            elif name in index:
                errors.append(RowError(line, name, ColumnTwice(name)))
            else:
                index[name] = position
        for name in required:
            if name not in index:
                errors.append(
                    RowError(
                        line,
                        name,
                        MissingColumn(name, allowed),
                    )
                )
        if errors:
            raise CsvFormatError(errors)
        return _Header(line, len(record), index, tuple(unnamed))
    raise CsvFormatError([RowError(1, "", empty)])


def _shape_errors(header: _Header, line: int, record: list[str]) -> list[RowError]:
    """Errors for a record with the wrong number of cells or values in unnamed columns."""
    if len(record) != header.width:
        return [
            RowError(
                line,
                "",
                RecordCells(len(record), header.width),
            )
        ]
    return [
        RowError(line, "", UnnamedCell(position + 1))
        for position in header.unnamed
        if record[position].strip()
    ]


def _cell(record: list[str], position: int) -> str:
    """Trimmed, un-neutralised, cleaned cell (no control characters: clean_text), or ""
    when the column is absent (position -1)."""
    if position < 0:
        return ""
    value = clean_text(record[position]).strip()
    if value[:1] == "'":
        return unneutralise_cell(value)
    return value


def _split_list(cell: str) -> list[str]:
    items = []
    for part in clean_text(cell).split(";"):
        item = part.strip()
        if item:
            items.append(unneutralise_cell(item) if item[0] == "'" else item)
    return items


_EMAIL = re.compile(r"[^@\s]+@([^@\s]+)")


def _is_email(text: str) -> bool:
    """One @ with text before it, a dot inside the domain, no white space."""
    match = _EMAIL.fullmatch(text)
    return match is not None and "." in match.group(1).strip(".")


_TIERS = {tier.value: tier for tier in Tier}


# ---------------------------------------------------------------------------------------------
# Customers


def _check_region(region: str) -> str:
    if not is_valid_region(region):
        raise ValueError(f"{region!r} is not a phone region code (use for example CN, HK, US)")
    return region.upper()


def iter_customers_csv(
    source: CsvSource, *, region: str = DEFAULT_REGION
) -> Iterator[tuple[int, Customer | None, list[RowError]]]:
    """Stream a customers CSV: yield ``(line, customer, errors)`` per non-blank record.

    ``customer`` is None exactly when ``errors`` is not empty. Memory stays constant apart from
    the member numbers and phone numbers seen so far, kept to find duplicates (about 100 bytes
    each: some 200 MB for a million customers with one phone and a member number). Raises
    :class:`CsvFormatError` (from the first ``next()``) for header problems, and later for
    non-UTF-8 bytes or broken quoting; ``ValueError`` at once for an unknown ``region``.
    """
    region = _check_region(region)
    return _iter_customers(source, region)


def _iter_customers(
    source: CsvSource, region: str
) -> Iterator[tuple[int, Customer | None, list[RowError]]]:
    records = _records(source)
    header = _read_header(records, CUSTOMER_COLUMNS, ("name",), NoCustomerHeader())
    position = header.index.get
    i_name = position("name", -1)
    i_preferred = position("preferred_name", -1)
    i_phones = position("phones", -1)
    i_email = position("email", -1)
    i_member = position("member_no", -1)
    i_birthday = position("birthday", -1)
    i_tier = position("tier", -1)
    i_preferences = position("preferences", -1)
    i_notes = position("notes", -1)
    width = header.width
    check_unnamed = bool(header.unnamed)
    seen_members: dict[str, int] = {}
    seen_phones: dict[str, int] = {}
    seen_emails: dict[str, int] = {}

    for line, record in records:
        errors: list[RowError] = []
        if len(record) != width or check_unnamed:
            if not "".join(record).strip():
                continue
            errors = _shape_errors(header, line, record)
            if len(record) != width:
                yield line, None, errors
                continue

        name = _cell(record, i_name)
        if not name:
            if not "".join(record).strip():
                continue
            errors.append(RowError(line, "name", FieldEmpty("name")))

        phones: list[Phone] = []
        if i_phones >= 0 and record[i_phones]:
            for item in _split_list(record[i_phones]):
                label, colon, number = item.rpartition(":")
                label = label.strip()
                if not colon or not label:
                    label = _OTHER_PHONE_LABEL if phones else _FIRST_PHONE_LABEL
                number = number.strip()
                if number[:1] == "'":
                    number = unneutralise_cell(number)
                try:
                    e164 = normalise_phone_fast(number, region)
                except InvalidPhone as exc:
                    errors.append(RowError(line, "phones", reason_of(exc)))
                    continue
                first = seen_phones.setdefault(e164, line)
                if first != line:
                    errors.append(RowError(line, "phones", PhoneUsedOnLine(e164, first)))
                elif any(phone.number == e164 for phone in phones):
                    errors.append(RowError(line, "phones", PhoneTwiceInCell(e164)))
                phones.append(Phone(e164, label))

        email = _cell(record, i_email)
        if email and not _is_email(email):
            errors.append(RowError(line, "email", NotAValidEmail(repr(email))))
        elif email:
            # As the database compares them: ASCII letters in any case are the same.
            first = seen_emails.setdefault(email.translate(_ASCII_LOWER), line)
            if first != line:
                errors.append(RowError(line, "email", EmailUsedOnLine(repr(email), first)))

        member_no = _cell(record, i_member)
        if member_no:
            first = seen_members.setdefault(member_no, line)
            if first != line:
                errors.append(
                    RowError(
                        line,
                        "member_no",
                        MemberNoUsedOnLine(repr(member_no), first),
                    )
                )

        birthday: PartialDate | None = None
        birthday_text = _cell(record, i_birthday)
        if birthday_text:
            try:
                birthday = PartialDate.parse(birthday_text)
            except ValueError as exc:
                errors.append(RowError(line, "birthday", reason_of(exc)))

        tier_text = _cell(record, i_tier)
        tier = _TIERS.get(tier_text) if tier_text else Tier.REGULAR
        if tier is None:
            try:
                tier = Tier.parse(tier_text)
            except ValueError as exc:
                errors.append(RowError(line, "tier", reason_of(exc)))
                tier = Tier.REGULAR

        if errors:
            yield line, None, errors
            continue
        preferences = _split_list(record[i_preferences]) if i_preferences >= 0 else []
        notes = ""
        if i_notes >= 0:
            notes = clean_text(record[i_notes], multiline=True)
            if notes[:1] == "'":
                notes = unneutralise_cell(notes)
        yield (
            line,
            Customer(
                name=name,
                preferred_name=_cell(record, i_preferred),
                phones=phones,
                email=email,
                member_no=member_no,
                birthday=birthday,
                preferences=preferences,
                notes=notes,
                tier=tier,
            ),
            errors,
        )


def parse_customers_csv(source: CsvSource, *, region: str = DEFAULT_REGION) -> ParsedCustomers:
    """Read a whole customers CSV: the good rows with their lines, and every row error."""
    parsed = ParsedCustomers()
    for line, customer, errors in iter_customers_csv(source, region=region):
        if customer is not None:
            parsed.rows.append((line, customer))
        parsed.errors.extend(errors)
    return parsed


# ---------------------------------------------------------------------------------------------
# Purchases

_DATE_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?"
)
_CURRENCY = re.compile(r"[A-Z]{3}")
_MONEY_CHARACTERS = frozenset("0123456789０１２３４５６７８９.,-")


def _parse_date_time(text: str) -> dt.datetime:
    match = _DATE_TIME.fullmatch(text)
    if match is None:
        forms = ("YYYY-MM-DD", "YYYY-MM-DD HH:MM")
        raise Refusal(NotADate(repr(text), forms, "YYYY-MM-DDTHH:MM:SS"))
    year, month, day, hour, minute, second = (int(part) for part in match.groups(default="0"))
    try:  # naive local time of the store, as everywhere in the domain
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError as exc:
        raise Refusal(NotARealDate(repr(text), str(exc))) from None


def _parse_quantity(text: str) -> int:
    if not text:
        return 1
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        raise Refusal(QuantityNotPositive(repr(text)))
    if len(text) > 12 or int(text) > MAX_QUANTITY:
        raise Refusal(QuantityMoreThan(text, f"{MAX_QUANTITY:,}"))
    return int(text)


def _parse_price(text: str) -> int:
    if not text:
        raise Refusal(FieldEmpty("price"))
    if not set(text) <= _MONEY_CHARACTERS:
        raise Refusal(NotMoney(repr(text), "12.50"))
    if len(text) > 40:
        raise Refusal(PriceMoreThan(f"{text[:20]}…", format_money(MAX_PRICE_MINOR, "")))
    price = parse_money(text)
    if price < 0:
        raise Refusal(PriceNegative(repr(text)))
    if price > MAX_PRICE_MINOR:
        raise Refusal(PricePerUnitMoreThan(text, format_money(MAX_PRICE_MINOR, "").strip()))
    return price


def _check_currency(currency: str) -> str:
    code = currency.strip().upper()
    if not _CURRENCY.fullmatch(code):
        raise Refusal(NotACurrency(repr(currency), "CNY"))
    return code


def iter_purchases_csv(
    source: CsvSource, *, region: str = DEFAULT_REGION, default_currency: str = "CNY"
) -> Iterator[tuple[int, PurchaseRow | None, list[RowError]]]:
    """Stream a purchases CSV: yield ``(line, row, errors)`` per non-blank record.

    ``row`` is None exactly when ``errors`` is not empty. Raises like
    :func:`iter_customers_csv`; ``ValueError`` at once for a bad region or default currency.
    """
    region = _check_region(region)
    default_currency = _check_currency(default_currency)
    return _iter_purchases(source, region, default_currency)


def _iter_purchases(
    source: CsvSource, region: str, default_currency: str
) -> Iterator[tuple[int, PurchaseRow | None, list[RowError]]]:
    records = _records(source)
    header = _read_header(records, PURCHASE_COLUMNS, _REQUIRED_PURCHASE_COLUMNS, NoPurchaseHeader())
    if "member_no" not in header.index and "phone" not in header.index:
        raise CsvFormatError(
            [
                RowError(
                    header.line,
                    "member_no",
                    HeaderNeedsWho("member_no", "phone"),
                )
            ]
        )
    position = header.index.get
    i_member = position("member_no", -1)
    i_phone = position("phone", -1)
    i_date = position("date", -1)
    i_item = position("item", -1)
    i_quantity = position("quantity", -1)
    i_price = position("price", -1)
    i_currency = position("currency", -1)
    i_store = position("store", -1)
    i_category = position("category", -1)
    who_column = "/".join(name for name in ("member_no", "phone") if name in header.index)

    for line, record in records:
        if not "".join(record).strip():
            continue
        errors = _shape_errors(header, line, record)
        if len(record) != header.width:
            yield line, None, errors
            continue

        member_no = _cell(record, i_member)
        phone = _cell(record, i_phone)
        if phone:
            try:
                phone = normalise_phone_fast(phone, region)
            except InvalidPhone as exc:
                errors.append(RowError(line, "phone", reason_of(exc)))
        elif not member_no:
            errors.append(RowError(line, who_column, RowNeedsWho()))

        at = dt.datetime.min
        date_text = _cell(record, i_date)
        try:
            at = _parse_date_time(date_text)
        except ValueError as exc:
            reason = FieldEmpty("date") if not date_text else reason_of(exc)
            errors.append(RowError(line, "date", reason))

        name = _cell(record, i_item)
        if not name:
            errors.append(RowError(line, "item", FieldEmpty("item")))

        quantity = 1
        try:
            quantity = _parse_quantity(_cell(record, i_quantity))
        except ValueError as exc:
            errors.append(RowError(line, "quantity", reason_of(exc)))

        price = 0
        try:
            price = _parse_price(_cell(record, i_price))
        except ValueError as exc:
            errors.append(RowError(line, "price", reason_of(exc)))
        if not errors and quantity * price > MAX_PURCHASE_TOTAL_MINOR:
            errors.append(
                RowError(
                    line,
                    "price",
                    LineTotalTooHigh(format_money(MAX_PURCHASE_TOTAL_MINOR, "").strip()),
                )
            )

        currency = default_currency
        currency_text = _cell(record, i_currency)
        if currency_text:
            try:
                currency = _check_currency(currency_text)
            except ValueError as exc:
                errors.append(RowError(line, "currency", reason_of(exc)))

        if errors:
            yield line, None, errors
            continue
        item = PurchaseItem(name, quantity, price, _cell(record, i_category))
        row = PurchaseRow(line, member_no, phone, at, item, currency, _cell(record, i_store))
        yield line, row, errors


def parse_purchases_csv(
    source: CsvSource, *, region: str = DEFAULT_REGION, default_currency: str = "CNY"
) -> ParsedPurchases:
    """Read a whole purchases CSV: the good rows and every row error."""
    parsed = ParsedPurchases()
    rows = iter_purchases_csv(source, region=region, default_currency=default_currency)
    for _line, row, errors in rows:
        if row is not None:
            parsed.rows.append(row)
        parsed.errors.extend(errors)
    return parsed


# ---------------------------------------------------------------------------------------------
# Export


def _phones_cell(phones: list[Phone]) -> str:
    items = []
    for position, phone in enumerate(phones):
        default = _OTHER_PHONE_LABEL if position else _FIRST_PHONE_LABEL
        label = phone.label.strip()
        item = phone.number if label in ("", default) else f"{label}:{phone.number}"
        items.append(neutralise_cell(item))
    return ";".join(items)


def write_customers_csv(customers: Iterable[Customer], out: TextIO) -> int:
    """Write a header and one row per customer (formula-neutralised); return the row count."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CUSTOMER_COLUMNS)
    count = 0
    for customer in customers:
        writer.writerow(
            (
                neutralise_cell(customer.name),
                neutralise_cell(customer.preferred_name),
                _phones_cell(customer.phones),
                neutralise_cell(customer.email),
                neutralise_cell(customer.member_no),
                neutralise_cell(customer.birthday.iso()) if customer.birthday is not None else "",
                customer.tier.value,
                ";".join(neutralise_cell(item) for item in customer.preferences),
                neutralise_cell(customer.notes),
            )
        )
        count += 1
    return count


def _json_object(customer: Customer) -> dict[str, object]:
    return {
        "name": customer.name,
        "preferred_name": customer.preferred_name,
        "phones": [phone.number for phone in customer.phones],
        "email": customer.email,
        "member_no": customer.member_no,
        "birthday": customer.birthday.iso() if customer.birthday is not None else None,
        "tier": customer.tier.value,
        "preferences": list(customer.preferences),
        "notes": customer.notes,
    }


def write_customers_json(customers: Iterable[Customer], out: TextIO) -> int:
    """Stream a JSON array of customer objects, one per line; return the count."""
    count = 0
    for customer in customers:
        out.write("[\n" if count == 0 else ",\n")
        out.write(json.dumps(_json_object(customer), ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count

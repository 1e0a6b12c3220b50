"""CSV/JSON import and export of customers and purchases (console.services.csv_io)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.domain.customer import Customer, PartialDate, Phone, PurchaseItem, Tier
from console.domain.messages import PhoneTwiceInCell, RecordCells, Untranslated
from console.domain.phones import InvalidPhone, normalise_phone
from console.services.csv_io import (
    CUSTOMER_COLUMNS,
    PURCHASE_COLUMNS,
    CsvFormatError,
    ParsedCustomers,
    PurchaseRow,
    RowError,
    iter_customers_csv,
    iter_purchases_csv,
    neutralise_cell,
    normalise_phone_fast,
    parse_customers_csv,
    parse_purchases_csv,
    unneutralise_cell,
    write_customers_csv,
    write_customers_json,
)


def said(errors: list[RowError]) -> list[tuple[int, str, str]]:
    """Each error's line, column and reason in English."""
    return [(error.line, error.column, error.reason) for error in errors]


HYPOTHESIS = settings(
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

MOBILE = "+8613812345678"
MOBILE_2 = "+8613900001111"
MOBILE_3 = "+8613700002222"
BEIJING = "+861012345678"


def one_error(parsed: ParsedCustomers) -> RowError:
    assert len(parsed.errors) == 1, parsed.errors
    return parsed.errors[0]


def format_error(source: str | bytes | Path, **kwargs: str) -> list[RowError]:
    with pytest.raises(CsvFormatError) as caught:
        parse_customers_csv(source, **kwargs)
    return caught.value.errors


def csv_text(customers: list[Customer]) -> str:
    out = io.StringIO(newline="")
    write_customers_csv(customers, out)
    return out.getvalue()


def comparable(customer: Customer) -> tuple[object, ...]:
    return (
        customer.name,
        customer.preferred_name,
        [(phone.number, phone.label) for phone in customer.phones],
        customer.email,
        customer.member_no,
        customer.birthday,
        customer.tier,
        customer.preferences,
        customer.notes,
    )


# --------------------------------------------------------------------------------------------
# Reading customers: accepted input


def test_full_row_is_read_into_a_customer() -> None:
    text = (
        "name,preferred_name,phones,email,member_no,birthday,tier,preferences,notes\n"
        "余小明,余先生,138 1234 5678;work:010 1234 5678,yu@example.cn,M001,1980-04-16,Gold,"
        "Earl Grey;  quiet table ; ;,likes the window\n"
    )
    parsed = parse_customers_csv(text)
    assert parsed.errors == []
    [(line, customer)] = parsed.rows
    assert line == 2
    assert customer.name == "余小明"
    assert customer.preferred_name == "余先生"
    assert [(p.number, p.label) for p in customer.phones] == [
        (MOBILE, "mobile"),
        (BEIJING, "work"),
    ]
    assert customer.email == "yu@example.cn"
    assert customer.member_no == "M001"
    assert customer.birthday == PartialDate(4, 16, 1980)
    assert customer.tier is Tier.GOLD
    assert customer.preferences == ["Earl Grey", "quiet table"]
    assert customer.notes == "likes the window"
    assert customer.romanisation == ""
    assert customer.id is None


def test_any_subset_of_columns_in_any_order_and_header_case() -> None:
    parsed = parse_customers_csv(" Tier ,NAME\nvip,Ann\n,Bob\n")
    assert parsed.errors == []
    assert [(c.name, c.tier) for _, c in parsed.rows] == [("Ann", Tier.VIP), ("Bob", Tier.REGULAR)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("13812345678", [(MOBILE, "mobile")]),
        ("138-1234-5678", [(MOBILE, "mobile")]),
        ("+86 138 1234 5678", [(MOBILE, "mobile")]),
        ("008613812345678", [(MOBILE, "mobile")]),
        ("'+8613812345678", [(MOBILE, "mobile")]),
        ("１３８１２３４５６７８", [(MOBILE, "mobile")]),
        (f"{MOBILE};{MOBILE_2}", [(MOBILE, "mobile"), (MOBILE_2, "other")]),
        (f"'{MOBILE};'{MOBILE_2}", [(MOBILE, "mobile"), (MOBILE_2, "other")]),
        ("home:010 1234 5678", [(BEIJING, "home")]),
        (f" work : {MOBILE} ; mobile:{MOBILE_2}", [(MOBILE, "work"), (MOBILE_2, "mobile")]),
        (f":{MOBILE}", [(MOBILE, "mobile")]),
        ("+1 650-253-0000", [("+16502530000", "mobile")]),
        ("", []),
        (" ; ", []),
    ],
)
def test_phone_cells(cell: str, expected: list[tuple[str, str]]) -> None:
    parsed = parse_customers_csv(f'name,phones\nAnn,"{cell}"\n')
    assert parsed.errors == []
    assert [(p.number, p.label) for p in parsed.rows[0][1].phones] == expected


def test_region_applies_to_numbers_without_country_code() -> None:
    parsed = parse_customers_csv("name,phones\nAnn,2123 4567\n", region="hk")
    assert parsed.rows[0][1].phones[0].number == "+85221234567"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1990-02-28", PartialDate(2, 28, 1990)),
        ("2000-02-29", PartialDate(2, 29, 2000)),
        ("--02-29", PartialDate(2, 29)),
        (" --12-31 ", PartialDate(12, 31)),
        ("", None),
    ],
)
def test_birthdays(cell: str, expected: PartialDate | None) -> None:
    parsed = parse_customers_csv(f"name,birthday\nAnn,{cell}\n")
    assert parsed.errors == []
    assert parsed.rows[0][1].birthday == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("", Tier.REGULAR), ("regular", Tier.REGULAR), ("SILVER", Tier.SILVER), (" Vip ", Tier.VIP)],
)
def test_tiers(cell: str, expected: Tier) -> None:
    assert parse_customers_csv(f"name,tier\nAnn,{cell}\n").rows[0][1].tier is expected


@pytest.mark.parametrize("email", ["a@b.cn", "first.last+tag@mail.example.com", "张@例子.中国"])
def test_valid_emails(email: str) -> None:
    assert parse_customers_csv(f"name,email\nAnn,{email}\n").rows[0][1].email == email


def test_text_cells_are_trimmed_but_notes_kept_verbatim() -> None:
    parsed = parse_customers_csv('name,preferred_name,notes\n  Ann  , Annie ,"  two\n lines "\n')
    [(_, customer)] = parsed.rows
    assert (customer.name, customer.preferred_name) == ("Ann", "Annie")
    assert customer.notes == "  two\n lines "


def test_blank_records_are_skipped() -> None:
    parsed = parse_customers_csv("name,email\n\nAnn,\n , \n,\nBob,\n")
    assert parsed.errors == []
    assert [(line, c.name) for line, c in parsed.rows] == [(3, "Ann"), (6, "Bob")]


def test_columns_without_header_are_ignored_but_must_stay_empty() -> None:
    parsed = parse_customers_csv("name,,\nAnn,,\nBob,x,\n")
    assert [c.name for _, c in parsed.rows] == ["Ann"]
    assert said(parsed.errors) == [(3, "", "cell 2 has a value but its column has no header")]


# --------------------------------------------------------------------------------------------
# Sources, encodings and line numbers


def test_bom_is_tolerated_in_bytes_text_and_files(tmp_path: Path) -> None:
    text = "name,phones\nZoë,13812345678\n"
    path = tmp_path / "customers.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    for source in (b"\xef\xbb\xbf" + text.encode(), "\ufeff" + text, path):
        parsed = parse_customers_csv(source)
        assert parsed.errors == []
        assert [(line, c.name) for line, c in parsed.rows] == [(2, "Zoë")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_numbers_count_physical_lines_and_report_where_a_record_starts(
    newline: str,
) -> None:
    rows = [
        "name,notes,email",
        'Ann,"first',
        "second",
        'third",bad-email',
        'Bob,"one ""quoted"", line",',
        'Cy,"x',
        '",also bad',
    ]
    parsed = parse_customers_csv(newline.join(rows) + newline)
    assert [(line, c.name) for line, c in parsed.rows] == [(5, "Bob")]
    assert [(e.line, e.column) for e in parsed.errors] == [(2, "email"), (6, "email")]
    assert parsed.errors[0].reason == "'bad-email' is not a valid email address"


def test_line_number_of_a_quoted_newline_inside_crlf_file_is_kept_in_notes() -> None:
    parsed = parse_customers_csv(b'name,notes\r\nAnn,"a\r\nb"\r\nBob,\r\n')
    # Cleaned text keeps line feeds only (clean_text folds CR LF into LF).
    assert [(line, c.notes) for line, c in parsed.rows] == [(2, "a\nb"), (4, "")]


def test_path_source_is_read_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("name\nAnn\n", encoding="utf-8")
    assert [c.name for _, c in parse_customers_csv(path).rows] == ["Ann"]


@pytest.mark.parametrize(
    ("data", "line", "byte"),
    [
        ("name\nAnn\n张伟\n".encode("gbk"), 3, "0xD5"),
        (b"name\r\nAnn\r\nB\xe9a\r\n", 3, "0xE9"),
        (b"name\rAnn\rB\xe9a\r", 3, "0xE9"),
        (b'name,notes\nAnn,"x\ny"\nBob,"z\r\xff"\n', 5, "0xFF"),
        (b"\xff\xfen\x00a\x00m\x00e\x00", 1, "0xFF"),
    ],
)
def test_non_utf8_bytes_are_reported_at_the_line_of_the_bad_byte(
    data: bytes, line: int, byte: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    for source in (data, path):
        [error] = format_error(source)
        assert error.line == line
        assert byte in error.reason
        assert "UTF-8" in error.reason


def test_streaming_yields_rows_before_a_late_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    good = "".join(f"Customer {i}\n" for i in range(20_000))
    path.write_bytes(b"name\n" + good.encode() + b"Bad \xe9\n")
    rows = iter_customers_csv(path, region="CN")
    first = next(rows)
    assert first[0] == 2
    assert first[1] is not None
    assert first[1].name == "Customer 0"
    with pytest.raises(CsvFormatError) as caught:
        for _ in rows:
            pass
    assert caught.value.errors[0].line == 20_002


def test_iterator_is_lazy_but_checks_the_region_at_once() -> None:
    rows = iter_customers_csv("nonsense\n", region="CN")
    with pytest.raises(CsvFormatError):
        next(rows)
    with pytest.raises(ValueError, match="region"):
        iter_customers_csv("name\n", region="XX")


def test_strings_are_csv_text_not_file_names() -> None:
    parsed = parse_customers_csv("name\ncustomers.csv\n")
    assert parsed.rows[0][1].name == "customers.csv"


# --------------------------------------------------------------------------------------------
# File-level errors


ALLOWED = "allowed columns: name, preferred_name, phones, email, member_no, birthday, tier, "


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "name,phone,mobile\n",
            [
                (1, "phone", "unknown column 'phone' (" + ALLOWED),
                (1, "mobile", "unknown column 'mobile' (" + ALLOWED),
            ],
        ),
        ("email,notes\nx@y.cn,\n", [(1, "name", "the header has no name column (" + ALLOWED)]),
        ("name,Name\n", [(1, "name", "column name appears twice")]),
        ("", [(1, "", "the file is empty; expected a header row")]),
        (b"", [(1, "", "the file is empty; expected a header row")]),
        (b"\xef\xbb\xbf", [(1, "", "the file is empty; expected a header row")]),
        ("\n \n,,\n", [(1, "", "the file is empty; expected a header row")]),
        ('name,notes\nAnn,"never closed\nBob,\n', [(2, "", "a quoted cell that starts in")]),
        ('name,notes\nAnn,ok\nBob,"x"y\n', [(3, "", "broken quoting in this record")]),
    ],
)
def test_file_level_errors(source: str | bytes, expected: list[tuple[int, str, str]]) -> None:
    errors = format_error(source)
    assert [(e.line, e.column) for e in errors] == [(line, col) for line, col, _ in expected]
    for error, (_, _, reason) in zip(errors, expected, strict=True):
        assert error.reason.startswith(reason), error.reason


def test_unknown_column_message_lists_every_allowed_column() -> None:
    [error] = format_error("name,nickname\n")
    assert str(error) == (
        "line 1, column nickname: unknown column 'nickname' (allowed columns: "
        + ", ".join(CUSTOMER_COLUMNS)
        + ")"
    )


def test_csv_format_error_message_joins_the_errors() -> None:
    error = CsvFormatError(
        [RowError(1, "a", Untranslated("x")), RowError(1, "", Untranslated("y"))]
    )
    assert str(error) == "line 1, column a: x; line 1: y"


def test_header_only_file_has_no_rows_and_no_errors() -> None:
    assert parse_customers_csv("name,phones\n") == ParsedCustomers([], [])


def test_row_error_text() -> None:
    error = RowError(7, "phones", PhoneTwiceInCell("+8613812345678"))
    assert str(error) == "line 7, column phones: phone +8613812345678 is listed twice in this cell"
    assert str(RowError(3, "", RecordCells(2, 3))) == (
        "line 3: the record has 2 cells but the header has 3"
    )


# --------------------------------------------------------------------------------------------
# Row errors


@pytest.mark.parametrize(
    ("header", "row", "column", "reason"),
    [
        ("name,email", " ,a@b.cn", "name", "name is empty"),
        ("name,phones", "Ann,123", "phones", "'123' is not a valid phone number for region CN"),
        ("name,phones", "Ann,12345678901", "phones", "is not a valid phone number for region CN"),
        ("name,phones", "Ann,+86 999", "phones", "is not a valid phone number"),
        ("name,phones", "Ann,call me", "phones", "'call me' is not a phone number"),
        ("name,phones", "Ann,work:", "phones", "phone number is empty"),
        ("name,phones", f"Ann,{MOBILE};138 1234 5678", "phones", "listed twice in this cell"),
        ("name,birthday", "Ann,2023-02-29", "birthday", "2023-02-29 is not a date"),
        ("name,birthday", "Ann,--13-01", "birthday", "month 13 is not between 1 and 12"),
        ("name,birthday", "Ann,--02-30", "birthday", "--02-30 is not a date"),
        ("name,birthday", "Ann,1990-13-01", "birthday", "month 13 is not between 1 and 12"),
        ("name,birthday", "Ann,16/04/1980", "birthday", "'16/04/1980' is not a date"),
        ("name,birthday", "Ann,0000-01-01", "birthday", "year 0 is out of range"),
        ("name,tier", "Ann,platinum", "tier", "unknown tier 'platinum'"),
        ("name,email", "Ann,ann.example.com", "email", "'ann.example.com' is not a valid email"),
        ("name,email", "Ann,ann@@example.com", "email", "is not a valid email address"),
        ("name,email", "Ann,a@b@example.com", "email", "is not a valid email address"),
        ("name,email", "Ann,ann@example", "email", "is not a valid email address"),
        ("name,email", "Ann,ann@example.", "email", "is not a valid email address"),
        ("name,email", "Ann,@example.com", "email", "is not a valid email address"),
        ("name,email", "Ann,ann smith@example.com", "email", "is not a valid email address"),
        ("name,email", "Ann,ann@exam ple.com", "email", "is not a valid email address"),
        ("name,email", "Ann,a,b", "", "the record has 3 cells but the header has 2"),
        ("name,email", "Ann", "", "the record has 1 cells but the header has 2"),
    ],
)
def test_row_errors(header: str, row: str, column: str, reason: str) -> None:
    parsed = parse_customers_csv(f"{header}\nGood,\n{row}\nAlso good,\n")
    error = one_error(parsed)
    assert (error.line, error.column) == (3, column)
    assert reason in error.reason, error.reason
    assert [(line, c.name) for line, c in parsed.rows] == [(2, "Good"), (4, "Also good")]


def test_every_problem_of_a_row_is_reported() -> None:
    parsed = parse_customers_csv("name,phones,email,birthday,tier\n,123,x,--13-01,gilt\n")
    assert [e.column for e in parsed.errors] == ["name", "phones", "email", "birthday", "tier"]
    assert parsed.rows == []
    assert {e.line for e in parsed.errors} == {2}


def test_duplicate_member_numbers_within_the_file() -> None:
    parsed = parse_customers_csv("name,member_no\nAnn,M1\nBob,M2\nCy, M1 \nDi,m1\n")
    assert said(parsed.errors) == [(4, "member_no", "member number 'M1' is already used on line 2")]
    assert [c.name for _, c in parsed.rows] == ["Ann", "Bob", "Di"]


def test_duplicate_phones_within_the_file_whatever_their_format() -> None:
    text = (
        "name,phones\n"
        f"Ann,{MOBILE}\n"
        "Bob,010 1234 5678\n"
        f'Cy,"{MOBILE_2}; 138-1234-5678"\n'
        f"Di,work:+86 10 1234 5678\n"
    )
    parsed = parse_customers_csv(text)
    assert said(parsed.errors) == [
        (4, "phones", f"phone {MOBILE} is already used on line 2"),
        (5, "phones", f"phone {BEIJING} is already used on line 3"),
    ]


def test_duplicate_emails_within_the_file_in_any_ascii_case() -> None:
    text = "name,email\nAnn,ann@example.com\nBob,bob@example.com\nCy,ANN@Example.com\n"
    parsed = parse_customers_csv(text)
    assert said(parsed.errors) == [
        (4, "email", "email 'ANN@Example.com' is already used on line 2")
    ]
    assert [c.name for _, c in parsed.rows] == ["Ann", "Bob"]


def test_streaming_iterator_yields_every_record_with_its_errors() -> None:
    rows = list(iter_customers_csv("name,tier\nAnn,gold\n,\nBob,nope\n", region="CN"))
    assert [(line, c is None, len(errors)) for line, c, errors in rows] == [
        (2, False, 0),
        (4, True, 1),
    ]


# --------------------------------------------------------------------------------------------
# Neutralisation and the round trip


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+8613812345678", "'+8613812345678"),
        ("-5", "'-5"),
        ("@home", "'@home"),
        ("\tindent", "'\tindent"),
        ("\rreturn", "'\rreturn"),
        ("'=already", "''=already"),
        ("''+x", "'''+x"),
        ("'Tis", "'Tis"),
        ("'", "'"),
        ("", ""),
        ("a=b", "a=b"),
        ("Zoë", "Zoë"),
        ("张伟", "张伟"),
        (" =x", " =x"),
    ],
)
def test_neutralise_cell(value: str, written: str) -> None:
    assert neutralise_cell(value) == written
    assert unneutralise_cell(written) == value


@HYPOTHESIS
@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab ")))
def test_neutralising_is_reversible_and_safe(value: str) -> None:
    written = neutralise_cell(value)
    assert unneutralise_cell(written) == value
    assert written[:1] not in {"=", "+", "-", "@", "\t", "\r"}


HOSTILE = [
    Customer(
        name="-Zoë",
        preferred_name="=SUM(A1)",
        phones=[Phone(MOBILE, "mobile"), Phone(MOBILE_2, "other")],
        email="zoe@example.com",
        member_no="-5",
        birthday=PartialDate(2, 29),
        tier=Tier.VIP,
        preferences=['=HYPERLINK("http://x")', "@home", "Earl Grey, no sugar", "'quoted'"],
        notes='=cmd|" /C calc"!A0\nsecond line, with comma and "quotes"',
    ),
    Customer(
        name="张伟",
        preferred_name="张先生",
        phones=[Phone(BEIJING, "work"), Phone(MOBILE_3, "家")],
        member_no="@M002",
        birthday=PartialDate(4, 16, 1980),
        tier=Tier.GOLD,
        notes="\t制表符开头\nLF inside",  # CR LF is folded into LF on import (clean_text)
    ),
    Customer(
        name="'=already quoted",
        preferred_name="+Mr. O'Brien",
        phones=[Phone("+16502530000", "=evil"), Phone("+442079460000", "mobile")],
        email="o'brien@example.ie",
        member_no="'+1",
        preferences=["''-x", "tea"],
        notes="'",
    ),
    Customer(name="Plain"),
]


def test_round_trip_of_hostile_cells() -> None:
    text = csv_text(HOSTILE)
    parsed = parse_customers_csv(text)
    assert parsed.errors == []
    assert [comparable(c) for _, c in parsed.rows] == [comparable(c) for c in HOSTILE]


def test_exported_cells_are_neutralised() -> None:
    text = csv_text(HOSTILE)
    assert text.splitlines()[0] == ",".join(CUSTOMER_COLUMNS)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in {"=", "+", "-", "@", "\t", "\r"}, cell
            for item in cell.split(";"):
                assert item[:1] not in {"=", "+", "-", "@", "\t", "\r"}, item
    assert rows[1][2] == f"'{MOBILE};'{MOBILE_2}"
    assert rows[1][5] == "'--02-29"
    assert rows[2][5] == "1980-04-16"
    assert text.endswith("\r\n")
    assert rows[2][2] == f"work:{BEIJING};家:{MOBILE_3}"
    assert rows[3][2] == "'=evil:+16502530000;mobile:+442079460000"


def test_write_returns_the_count_and_accepts_any_iterable() -> None:
    out = io.StringIO()
    assert write_customers_csv(iter(HOSTILE), out) == len(HOSTILE)
    assert write_customers_csv([], io.StringIO()) == 0


def test_round_trip_through_a_file_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        write_customers_csv(HOSTILE, out)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    parsed = parse_customers_csv(path)
    assert [comparable(c) for _, c in parsed.rows] == [comparable(c) for c in HOSTILE]


# Control and bidi characters are removed on import (clean_text): not round-tripped.
_NOT_KEPT = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
TEXT = st.text(
    st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters=_NOT_KEPT),
    max_size=30,
)
STRIPPED = TEXT.map(str.strip)
ITEM = st.text(
    st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters=";" + _NOT_KEPT),
    max_size=15,
)
ITEM = ITEM.map(str.strip).filter(bool)
EMAIL = st.from_regex(r"[a-z0-9.'+=-]{1,10}@[a-z0-9-]{1,10}\.[a-z]{2,5}", fullmatch=True)
CUSTOMERS = st.builds(
    Customer,
    name=STRIPPED.filter(bool),
    preferred_name=STRIPPED,
    phones=st.lists(
        st.builds(
            Phone,
            st.sampled_from([MOBILE, MOBILE_2, BEIJING, "+16502530000", "+85221234567"]),
            st.sampled_from(["mobile", "other", "work", "home", "=x", "+1"]),
        ),
        max_size=3,
        unique_by=lambda phone: phone.number,
    ),
    email=st.one_of(st.just(""), EMAIL),
    member_no=STRIPPED,
    birthday=st.one_of(
        st.none(),
        st.dates().map(lambda d: PartialDate(d.month, d.day, d.year)),
        st.dates(dt.date(2000, 1, 1), dt.date(2000, 12, 31)).map(
            lambda d: PartialDate(d.month, d.day)
        ),
    ),
    tier=st.sampled_from(list(Tier)),
    preferences=st.lists(ITEM, max_size=4),
    notes=TEXT,
)


@HYPOTHESIS
@given(st.lists(CUSTOMERS, max_size=5, unique_by=lambda c: c.member_no or id(c)))
def test_round_trip_property(customers: list[Customer]) -> None:
    seen: set[str] = set()
    for customer in customers:  # phones must be unique within a file
        customer.phones = [p for p in customer.phones if p.number not in seen]
        seen.update(p.number for p in customer.phones)
    parsed = parse_customers_csv(csv_text(customers))
    assert parsed.errors == []
    expected = []
    for customer in customers:
        phones = [
            (p.number, p.label if p.label else ("other" if i else "mobile"))
            for i, p in enumerate(customer.phones)
        ]
        expected.append((*comparable(customer)[:2], phones, *comparable(customer)[3:]))
    assert [comparable(c) for _, c in parsed.rows] == expected


# --------------------------------------------------------------------------------------------
# JSON export


def test_json_export_is_valid_json_with_the_csv_keys() -> None:
    out = io.StringIO()
    assert write_customers_json(HOSTILE, out) == len(HOSTILE)
    data = json.loads(out.getvalue())
    assert [list(obj) for obj in data] == [list(CUSTOMER_COLUMNS)] * len(HOSTILE)
    first = data[0]
    assert first["phones"] == [MOBILE, MOBILE_2]
    assert first["preferences"] == HOSTILE[0].preferences
    assert first["birthday"] == "--02-29"
    assert first["tier"] == "vip"
    assert first["name"] == "-Zoë"
    assert first["notes"] == HOSTILE[0].notes
    assert data[1]["name"] == "张伟"
    assert "张伟" in out.getvalue()
    assert data[3]["birthday"] is None


def test_json_export_of_nothing_is_an_empty_array() -> None:
    out = io.StringIO()
    assert write_customers_json([], out) == 0
    assert json.loads(out.getvalue()) == []


def test_json_export_streams() -> None:
    out = io.StringIO()

    def customers() -> Iterator[Customer]:
        for i in range(3):
            if i:  # the previous customer is already written when the next one is asked for
                assert f"Customer {i - 1}" in out.getvalue()
            yield Customer(name=f"Customer {i}")

    assert write_customers_json(customers(), out) == 3
    assert [obj["name"] for obj in json.loads(out.getvalue())] == [
        "Customer 0",
        "Customer 1",
        "Customer 2",
    ]


# --------------------------------------------------------------------------------------------
# Purchases


def purchases(text: str, **kwargs: str) -> tuple[list[PurchaseRow], list[RowError]]:
    parsed = parse_purchases_csv(text, **kwargs)
    return parsed.rows, parsed.errors


def test_purchase_row_with_every_column() -> None:
    rows, errors = purchases(
        "member_no,phone,date,item,quantity,price,currency,store,category\n"
        "M1,138 1234 5678,2024-03-01 14:05,Latte,2,28.50,usd,Nanjing Rd,drinks\n"
    )
    assert errors == []
    assert rows == [
        PurchaseRow(
            line=2,
            member_no="M1",
            phone=MOBILE,
            at=dt.datetime(2024, 3, 1, 14, 5),
            item=PurchaseItem("Latte", 2, 2850, "drinks"),
            currency="USD",
            store="Nanjing Rd",
        )
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-03-01", dt.datetime(2024, 3, 1)),
        ("2024-03-01T09:30", dt.datetime(2024, 3, 1, 9, 30)),
        ("2024-03-01 09:30:15", dt.datetime(2024, 3, 1, 9, 30, 15)),
        ("2024-02-29T23:59:59", dt.datetime(2024, 2, 29, 23, 59, 59)),
    ],
)
def test_purchase_dates(cell: str, expected: dt.datetime) -> None:
    rows, errors = purchases(f"member_no,date,item,price\nM1,{cell},Tea,1\n")
    assert errors == []
    assert rows[0].at == expected


@pytest.mark.parametrize(
    ("header", "row", "quantity", "price", "currency"),
    [
        ("member_no,date,item,price", "M1,2024-01-01,Tea,12", 1, 1200, "CNY"),
        ("member_no,date,item,price,quantity", "M1,2024-01-01,Tea,12.5,", 1, 1250, "CNY"),
        ("member_no,date,item,price,quantity", "M1,2024-01-01,Tea,0.05,3", 3, 5, "CNY"),
        ("member_no,date,item,price,currency", "M1,2024-01-01,Tea,0,", 1, 0, "CNY"),
        ("member_no,date,item,price", 'M1,2024-01-01,Tea,"1,234.50"', 1, 123450, "CNY"),
        ("member_no,date,item,price", "M1,2024-01-01,Tea,.5", 1, 50, "CNY"),
    ],
)
def test_purchase_defaults_and_amounts(
    header: str, row: str, quantity: int, price: int, currency: str
) -> None:
    rows, errors = purchases(f"{header}\n{row}\n")
    assert errors == []
    assert (rows[0].item.quantity, rows[0].item.price_minor, rows[0].currency) == (
        quantity,
        price,
        currency,
    )


def test_default_currency_parameter() -> None:
    rows, _ = purchases(
        "phone,date,item,price\n13812345678,2024-01-01,Tea,1\n", default_currency="hkd"
    )
    assert rows[0].currency == "HKD"
    assert rows[0].member_no == ""
    assert rows[0].phone == MOBILE
    assert rows[0].store == ""
    assert rows[0].item.category == ""
    with pytest.raises(ValueError, match="three-letter"):
        parse_purchases_csv("member_no,date,item,price\n", default_currency="yuan")


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        (",,2024-01-01,Tea,1,1,", "member_no/phone", "needs a member number or a phone number"),
        ("M1,123,2024-01-01,Tea,1,1,", "phone", "'123' is not a valid phone number for region CN"),
        ("M1,,2024-02-30,Tea,1,1,", "date", "'2024-02-30' is not a real date and time"),
        ("M1,,2024/01/02,Tea,1,1,", "date", "'2024/01/02' is not a date"),
        ("M1,,2024-01-02 25:00,Tea,1,1,", "date", "is not a real date and time"),
        ("M1,,2024-01-02T10,Tea,1,1,", "date", "is not a date"),
        ("M1,,2024-01-02T10:00+08:00,Tea,1,1,", "date", "is not a date"),
        ("M1,,,Tea,1,1,", "date", "date is empty"),
        ("M1,,2024-01-01,,1,1,", "item", "item is empty"),
        ("M1,,2024-01-01,Tea,0,1,", "quantity", "quantity '0' is not a positive whole number"),
        ("M1,,2024-01-01,Tea,-1,1,", "quantity", "is not a positive whole number"),
        ("M1,,2024-01-01,Tea,1.5,1,", "quantity", "is not a positive whole number"),
        ("M1,,2024-01-01,Tea,two,1,", "quantity", "is not a positive whole number"),
        ("M1,,2024-01-01,Tea,1,1.005,", "price", "at most 2 decimals"),
        ("M1,,2024-01-01,Tea,1,twelve,", "price", "'twelve' is not an amount of money"),
        ("M1,,2024-01-01,Tea,1,¥12,", "price", "'¥12' is not an amount of money"),
        ("M1,,2024-01-01,Tea,1,1²,", "price", "'1²' is not an amount of money"),
        ("M1,,2024-01-01,Tea,1,-3,", "price", "price '-3' is negative"),
        ("M1,,2024-01-01,Tea,1,,", "price", "price is empty"),
        ("M1,,2024-01-01,Tea,1,1.2.3,", "price", "is not an amount of money"),
        ("M1,,2024-01-01,Tea,1,1,RMB1", "currency", "is not a three-letter code"),
        ("M1,,2024-01-01,Tea,1,1,¥", "currency", "is not a three-letter code"),
        # Bounds (console.domain.customer): 100,000 a line, 10,000,000.00 a unit,
        # 1,000,000,000.00 a purchase.
        ("M1,,2024-01-01,Tea,100001,1,", "quantity", "quantity 100001 is more than 100,000"),
        ("M1,,2024-01-01,Tea,1,92233720368547758.07,", "price", "more than 10,000,000.00"),
        ("M1,,2024-01-01,Tea,1,10000000.01,", "price", "more than 10,000,000.00 per unit"),
        (
            "M1,,2024-01-01,Tea,100000,10000000,",
            "price",
            "quantity × price is more than 1,000,000,000.00",
        ),
        ("M1,,2024-01-01,Tea", "", "the record has 4 cells but the header has 7"),
    ],
)
def test_purchase_row_errors(row: str, column: str, reason: str) -> None:
    header = "member_no,phone,date,item,quantity,price,currency"
    rows, errors = purchases(f"{header}\nM0,,2024-01-01,Tea,1,1,\n{row}\nM2,,2024-01-01,Tea,1,1,\n")
    assert len(errors) == 1, errors
    assert (errors[0].line, errors[0].column) == (3, column)
    assert reason in errors[0].reason, errors[0].reason
    assert [row.line for row in rows] == [2, 4]


def test_missing_identifier_column_is_named_by_what_the_header_has() -> None:
    _, errors = purchases("phone,date,item,price\n,2024-01-01,Tea,1\n")
    assert said(errors) == [(2, "phone", "the row needs a member number or a phone number")]


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        ("date,item,price", ["member_no"]),
        ("member_no,item,price", ["date"]),
        ("member_no,date,price", ["item"]),
        ("member_no,date,item", ["price"]),
        ("member_no,date,item,price,customer", ["customer"]),
        ("", [""]),
    ],
)
def test_purchase_header_errors(header: str, columns: list[str]) -> None:
    with pytest.raises(CsvFormatError) as caught:
        parse_purchases_csv(f"{header}\n")
    assert [e.column for e in caught.value.errors] == columns
    assert all(e.line == 1 for e in caught.value.errors)


def test_unknown_purchase_column_lists_the_allowed_ones() -> None:
    with pytest.raises(CsvFormatError) as caught:
        parse_purchases_csv("member_no,date,item,price,total\n")
    assert caught.value.errors[0].reason == (
        "unknown column 'total' (allowed columns: " + ", ".join(PURCHASE_COLUMNS) + ")"
    )


def test_purchase_cells_are_unneutralised_and_streamed() -> None:
    text = "phone,date,item,price,store\n'+8613812345678,2024-01-01,'=Tea,1,'-Mall\n"
    [(line, row, errors)] = list(iter_purchases_csv(text.encode()))
    assert (line, errors) == (2, [])
    assert row is not None
    assert (row.phone, row.item.name, row.store) == (MOBILE, "=Tea", "-Mall")


# --------------------------------------------------------------------------------------------
# The phone fast path gives exactly what normalise_phone gives


def reference(text: str, region: str) -> str:
    try:
        return normalise_phone(text, region)
    except InvalidPhone as exc:
        return f"InvalidPhone: {exc}"


def fast(text: str, region: str) -> str:
    try:
        return normalise_phone_fast(text, region)
    except InvalidPhone as exc:
        return f"InvalidPhone: {exc}"


def sample_numbers() -> Iterator[str]:
    """Example numbers of every region and type, and random variations of their digits."""
    rnd = random.Random(2024)
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(11):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
            national = str(example.national_number)
            yield e164
            yield national
            for _ in range(3):
                digits = list(e164[1:])
                digits[rnd.randrange(len(digits))] = str(rnd.randrange(10))
                yield "+" + "".join(digits)
                local = list(national)
                local[rnd.randrange(len(local))] = str(rnd.randrange(10))
                yield "".join(local)
            yield e164 + str(rnd.randrange(10))
            yield e164[:-1]


SAMPLE = sorted(set(sample_numbers()))


@pytest.mark.parametrize("region", ["CN", "HK", "TW", "US", "GB", "DE", "IT", "SG", "JP", "AR"])
def test_fast_phone_path_matches_normalise_phone(region: str) -> None:
    results = [(text, fast(text, region), reference(text, region)) for text in SAMPLE]
    assert [result for result in results if result[1] != result[2]] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MOBILE, MOBILE),
        ("13812345678", MOBILE),
        ("138 1234 5678", MOBILE),
        ("138-1234-5678", MOBILE),
        ("+16502530000", "+16502530000"),
        ("+442079460000", "+442079460000"),
        ("+8613812345", "InvalidPhone: '+8613812345' is not a valid phone number for region CN"),
        ("1381234567", "InvalidPhone: '1381234567' is not a valid phone number for region CN"),
    ],
)
def test_common_numbers_take_the_fast_path(
    text: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_path(text: str, region: str) -> str:
        raise AssertionError(f"{text!r} took the slow path")

    monkeypatch.setattr("console.services.csv_io.normalise_phone", slow_path)
    assert fast(text, "CN") == expected


@HYPOTHESIS
@given(
    st.sampled_from(["CN", "US", "GB", "IT", "BR", "HK"]),
    st.sampled_from(sorted(str(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE)),
    st.text(st.sampled_from("0123456789"), min_size=1, max_size=14),
    st.booleans(),
)
def test_fast_phone_path_matches_normalise_phone_on_random_digits(
    region: str, country_code: str, digits: str, international: bool
) -> None:
    text = f"+{country_code}{digits}" if international else f"{country_code}{digits}".lstrip("0")
    assert fast(text, region) == reference(text, region)


# Calling codes shared by several regions: +1 (NANP: US, CA and the Caribbean, told apart
# by area code) and +44 (GB, and GG, IM, JE inside GB's number ranges).


def shared_code_numbers(code: int, count: int) -> Iterator[str]:
    """Example numbers of every region and type sharing *code*, their neighbours, and
    random numbers of every length around the national one (most of them invalid)."""
    rnd = random.Random(code)
    for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code]:
        for kind in range(11):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            national = str(example.national_number)
            yield f"+{code}{national}"
            for position in range(len(national)):  # every one-digit change
                digit = str((int(national[position]) + rnd.randrange(1, 10)) % 10)
                yield f"+{code}{national[:position]}{digit}{national[position + 1 :]}"
            yield f"+{code}{national}{rnd.randrange(10)}"
            yield f"+{code}{national[:-1]}"
    for _ in range(count):
        size = rnd.randint(7, 11)
        yield f"+{code}{rnd.randrange(2, 10)}" + "".join(
            str(rnd.randrange(10)) for _ in range(size - 1)
        )


SHARED_CODES = sorted(set(shared_code_numbers(1, 3000)) | set(shared_code_numbers(44, 3000)))


@pytest.mark.parametrize("region", ["US", "CA", "JM", "GB", "JE", "CN"])
def test_fast_phone_path_matches_normalise_phone_for_nanp_and_uk(region: str) -> None:
    national = [text[2:] if text[1] == "1" else text[3:] for text in SHARED_CODES]
    results = [
        (text, fast(text, region), reference(text, region)) for text in SHARED_CODES + national
    ]
    assert [result for result in results if result[1] != result[2]] == []
    # The samples hold valid and invalid numbers of several regions of each code.
    valid = {got for _text, got, _ in results if not got.startswith("InvalidPhone")}
    assert len(valid) > 500
    assert len([text for text, got, _ in results if got.startswith("InvalidPhone")]) > 500
    regions = {phonenumbers.region_code_for_number(phonenumbers.parse(text)) for text in valid}
    assert {"US", "CA", "JM", "PR", "GB", "GG", "IM", "JE"} <= regions


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("+16502530000", "CN", "+16502530000"),  # US
        ("+14165550123", "CN", "+14165550123"),  # CA
        ("+18762345678", "CN", "+18762345678"),  # JM
        ("+442079460000", "CN", "+442079460000"),  # GB
        ("+447624123456", "CN", "+447624123456"),  # IM
        ("650 253 0000", "US", "+16502530000"),
        ("20 7946 0000", "GB", "+442079460000"),
        (
            "+15550100000",
            "CN",
            "InvalidPhone: '+15550100000' is not a valid phone number for region CN",
        ),
        (
            "+4420794600",
            "GB",
            "InvalidPhone: '+4420794600' is not a valid phone number for region GB",
        ),
    ],
)
def test_nanp_and_uk_numbers_take_the_fast_path(
    text: str, region: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(*args: object) -> object:
        raise AssertionError(f"{text!r} took the slow path")

    monkeypatch.setattr("console.services.csv_io.normalise_phone", slow)
    monkeypatch.setattr(phonenumbers, "is_valid_number", slow)
    monkeypatch.setattr(phonenumbers, "parse", slow)
    assert fast(text, region) == expected

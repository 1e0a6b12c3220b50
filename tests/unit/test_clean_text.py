"""Imported and typed text is cleaned; money and quantities have bounds; search output
never hands a terminal a control character (issue 12)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.clock import FixedClock
from console.domain.complaint import Complaint
from console.domain.customer import (
    MAX_PRICE_MINOR,
    Customer,
    Purchase,
    PurchaseItem,
)
from console.domain.text import clean_text, escape_controls, has_controls
from console.services.complaints import ComplaintService
from console.services.csv_io import MAX_COLUMNS, CsvFormatError, parse_customers_csv
from console.services.customers import CustomerService
from console.services.imports import import_customers, import_purchases
from console.services.settings import SettingsService
from console.storage.sqlite import customers as store
from console.storage.sqlite import history as history_store
from console.storage.sqlite.runner import DatabaseRunner
from tests.people import signed_in
from tests.unit.conftest import NOW, add_customer, run
from tests.unit.test_cli import main

NASTY = "\x1b[31m\x07\x00\x85\u202e\u202a\u2066\u2069\x9b\x7f"


@pytest.mark.parametrize(
    ("raw", "single", "multi"),
    [
        ("Zhou\x1b[2J Min", "Zhou[2J Min", "Zhou[2J Min"),
        ("a\x07b\x00c", "abc", "abc"),
        ("next\x85line", "nextline", "nextline"),
        ("\u202egnp.exe", "gnp.exe", "gnp.exe"),
        ("\u2066x\u2069", "x", "x"),
        ("one\r\ntwo\rthree", "one  two three", "one\ntwo\nthree"),
        ("tab\there", "tab here", "tab\there"),
        ("para\u2029graph", "para graph", "para\ngraph"),
        ("张伟 👨‍👩‍👧 𠮷", "张伟 👨‍👩‍👧 𠮷", "张伟 👨‍👩‍👧 𠮷"),  # ZWJ and astral kept
    ],
)
def test_clean_text(raw: str, single: str, multi: str) -> None:
    assert clean_text(raw) == single
    assert clean_text(raw, multiline=True) == multi


@given(st.text())
def test_cleaned_text_has_no_controls(value: str) -> None:
    assert not has_controls(clean_text(value))
    assert not has_controls(clean_text(value, multiline=True).replace("\n", "").replace("\t", ""))
    assert not has_controls(escape_controls(value))


def _stored_text(runner: DatabaseRunner) -> list[str]:
    """Every text value in the customer, visit, purchase and complaint tables."""
    values: list[str] = []
    for table in ("customers", "visits", "purchases", "purchase_items", "complaints"):
        for row in runner.call(lambda db, t=table: db.execute(f"SELECT * FROM {t}").fetchall()):
            values.extend(v for v in row if isinstance(v, str))
    return values


def test_csv_import_cleans_every_cell(tmp_path: Path, runner: DatabaseRunner) -> None:
    csv_path = tmp_path / "c.csv"
    csv_path.write_text(
        "name,preferred_name,notes,preferences\n"
        f'"Zhou{NASTY} Min","Mr{NASTY}","line 1\r\nline 2{NASTY}","tea{NASTY};quiet"\n',
        encoding="utf-8",
    )
    result = import_customers(runner, csv_path, region="CN")
    assert result.errors == []
    assert result.imported == 1
    (customer,) = runner.call(lambda db: list(store.iter_customers(db)))
    assert customer.name == "Zhou[31m Min"
    assert customer.notes == "line 1\nline 2[31m"
    assert customer.preferences == ["tea[31m", "quiet"]
    assert not any(has_controls(v.replace("\n", "")) for v in _stored_text(runner))


def test_a_name_of_only_controls_is_empty(tmp_path: Path, runner: DatabaseRunner) -> None:
    csv_path = tmp_path / "c.csv"
    csv_path.write_text("name\n\x1b\x07\u202e\n", encoding="utf-8")
    result = import_customers(runner, csv_path, region="CN")
    assert [e.reason for e in result.errors] == ["name is empty"]


def test_dialog_saves_are_cleaned_by_the_services(
    runner: DatabaseRunner, service: CustomerService
) -> None:
    cid = run(service.save(Customer(f"Zhou{NASTY}", notes=f"a\nb{NASTY}", preferences=[NASTY])))
    run(service.log_visit(cid, note=f"came in{NASTY}\nhappy"))
    run(service.add_purchase(cid, [PurchaseItem(f"Tea{NASTY}", 1, 500, "drink")], currency="cny"))
    settings = SettingsService(runner)
    sh = ZoneInfo("Asia/Shanghai")
    now = dt.datetime(2026, 11, 2, 9, 0, tzinfo=sh)
    identity = signed_in(runner, "admin", "Li", FixedClock(now))
    complaints = ComplaintService(
        runner, settings, clock=FixedClock(now), zone=sh, identity=identity
    )
    run(
        complaints.create(
            Complaint(
                caller_name=f"Wang{NASTY}",
                customer_words=f"It broke.{NASTY}\nTwice.",
                promise_due=now + dt.timedelta(hours=2),
            )
        )
    )
    stored = _stored_text(runner)
    assert any(v == "Zhou[31m" for v in stored)
    assert not any(has_controls(v.replace("\n", "")) for v in stored)


def test_a_csv_with_100000_columns_gets_one_error() -> None:
    header = ",".join(f"c{i}" for i in range(100_000))
    with pytest.raises(CsvFormatError) as caught:
        parse_customers_csv(header + "\n")
    [error] = caught.value.errors
    assert (error.line, error.column) == (1, "")
    assert error.reason == f"too many columns: 100000; at most {MAX_COLUMNS}"


def test_search_output_escapes_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "console.db"
    with DatabaseRunner(db) as runner:  # an old row, saved before text was cleaned
        add_customer(runner, "Zhou\x1b]0;owned\x07 Min\u202e", member_no="M\x9b1")
    code, out = main("search", "Zhou", "--db", str(db))
    assert code == 0
    assert "Zhou\\x1b]0;owned\\x07 Min\\u202e" in out
    assert not has_controls(out.replace("\t", "").replace("\n", ""))
    code, out = main("search", "Zhou", "--db", str(db), "--json")
    assert code == 0
    assert not has_controls(out.replace("\n", ""))
    assert "\\u001b" in out and "\\u202e" in out and "\\u009b" in out


# --- bounds ---------------------------------------------------------------------------------


def test_the_service_refuses_amounts_beyond_the_bounds(
    runner: DatabaseRunner, service: CustomerService
) -> None:
    cid = add_customer(runner, "Zhou Min")
    huge = 9_223_372_036_854_775_807  # 92,233,720,368,547,758.07
    with pytest.raises(ValueError, match=r"price CNY 92,233,720,368,547,758.07 is more than"):
        run(service.add_purchase(cid, [PurchaseItem("Tea", 1, huge)], currency="CNY"))
    with pytest.raises(ValueError, match="quantity 100,001 is more than 100,000"):
        run(service.add_purchase(cid, [PurchaseItem("Tea", 100_001, 1)], currency="CNY"))
    with pytest.raises(ValueError, match=r"the purchase total .* is more than"):
        run(service.add_purchase(cid, [PurchaseItem("Tea", 101, MAX_PRICE_MINOR)], currency="CNY"))
    run(service.add_purchase(cid, [PurchaseItem("Tea", 100, MAX_PRICE_MINOR)], currency="CNY"))
    assert runner.call(history_store.count_purchases, cid) == 1


def test_csv_purchases_beyond_the_bounds_are_refused(
    tmp_path: Path, runner: DatabaseRunner
) -> None:
    add_customer(runner, "Zhou Min", member_no="M1")
    path = tmp_path / "p.csv"
    path.write_text(
        "member_no,date,item,quantity,price\n"
        "M1,2026-01-01 10:00,Tea,1,92233720368547758.07\n"
        "M1,2026-01-02 10:00,Tea,100,6000000\n"
        "M1,2026-01-02 10:00,Cake,100,6000000\n",
        encoding="utf-8",
    )
    result = import_purchases(runner, path, region="CN")
    assert result.imported == 0
    assert [(e.line, e.column) for e in result.errors] == [(2, "price"), (3, "price"), (4, "price")]
    assert "more than 10,000,000.00" in result.errors[0].reason
    assert "total" in result.errors[1].reason and "1,000,000,000.00" in result.errors[1].reason


def test_a_profile_opens_with_purchases_saved_before_the_bounds(
    runner: DatabaseRunner, service: CustomerService
) -> None:
    cid = add_customer(runner, "Zhou Min")
    huge = 9_223_372_036_854_775_807
    for day in (1, 2):
        runner.call(
            history_store.record_purchase,
            Purchase(cid, NOW.replace(day=day), [PurchaseItem("Gold", 1, huge)], "", "", "CNY"),
        )
    profile = run(service.profile(cid))
    assert profile is not None
    assert profile.spend_by_currency == {"CNY": 2 * huge}
    assert profile.purchase_count == 2

"""The command line: demo, import, export, search; exit codes and one-sentence errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from console import cli
from console.domain.customer import PartialDate, Phone, Tier
from console.storage.sqlite import customers as store
from console.storage.sqlite import history as history_store
from console.storage.sqlite import settings as settings_store
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import add_customer, runner_for
from tests.unit.conftest import run_cli as main

HEADER = "name,preferred_name,phones,email,member_no,birthday,tier,preferences,notes\n"

GOOD_CSV = (
    HEADER + "张伟,张先生,138 1234 5678;work:+86 10 8765 4321,zw@example.com,M-1,1990-05-01,VIP,"
    'Earl Grey no sugar;quiet table,"likes the window\nsecond line"\n'
    "Zoë O'Brien,Zoë,+44 20 7946 0958,zoe@example.com,M-2,--02-29,gold,size 39,\n"
    "Ravi Patel,Dr. Patel,,,,,,,\n"
)

HOSTILE_CSV = (
    HEADER + '=HYPERLINK("http://evil"),+cmd,\'+86 139 0000 1111,evil@example.com,-42,,,'
    '=1+1;+2;plain,"@SUM(A1:A9)"\n'
)


def write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def customers_in(db: Path) -> list[tuple[object, ...]]:
    """What a round trip must keep, without ids and timestamps."""
    with runner_for(db) as r:
        found = r.call(lambda d: list(store.iter_customers(d)))
    return [
        (
            c.name,
            c.preferred_name,
            [(p.number, p.label) for p in c.phones],
            c.email,
            c.member_no,
            c.birthday,
            c.tier,
            c.preferences,
            c.notes,
        )
        for c in found
    ]


def count_in(db: Path) -> int:
    with runner_for(db) as r:
        return r.call(store.count_customers)


@pytest.fixture
def good_db(tmp_path: Path) -> Path:
    db = tmp_path / "good.db"
    code, _ = main("import", "customers", "--db", str(db), str(write(tmp_path / "g.csv", GOOD_CSV)))
    assert code == 0
    return db


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- help and the import boundary -------------------------------------------------------------


def test_help_lists_the_subcommands_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "console.cli", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for command in ("demo", "import", "export", "search"):
        assert command in result.stdout
    assert "usage: service-console" in result.stdout


def test_entry_point_help(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("service-console")
    if not script.exists():
        pytest.skip("the service-console entry point is not installed in this environment")
    result = subprocess.run(
        [str(script), "import", "--help"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0
    assert "customers" in result.stdout
    assert "purchases" in result.stdout


def test_cli_never_imports_qt(tmp_path: Path) -> None:
    csv_path = write(tmp_path / "c.csv", GOOD_CSV)
    db = tmp_path / "c.db"
    code = textwrap.dedent(
        f"""
        import io, json, sys
        from console.cli import main
        sys.stdin = io.StringIO("5820\\n" * 3)  # the new admin's PIN, then --as Boss twice
        as_boss = ["--as", "Boss"]
        codes = [
            main(
                ["staff", "add", "--db", {str(db)!r}, "--name", "Boss", "--role", "admin"],
                out=io.StringIO(),
            ),
            main(
                ["import", "customers", "--db", {str(db)!r}, *as_boss, {str(csv_path)!r}],
                out=io.StringIO(),
            ),
            main(["search", "--db", {str(db)!r}, "--json", "zw"], out=io.StringIO()),
            main(["export", "customers", "--db", {str(db)!r}, *as_boss], out=io.StringIO()),
        ]
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "qasync"))
        print(json.dumps({{"codes": codes, "qt": qt}}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"codes": [0, 0, 0, 0], "qt": []}


# --- demo -------------------------------------------------------------------------------------


def test_demo_then_search_json_has_the_documented_keys(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    code, out = main("demo", "--db", str(db), "--customers", "60", "--seed", "3")
    assert code == 0
    assert "60 customers" in out
    assert count_in(db) == 60

    with runner_for(db) as r:
        some = r.call(store.get_customer, 17)
    assert some is not None
    code, out = main("search", "--db", str(db), "--json", some.name)
    assert code == 0
    hits = json.loads(out)
    assert isinstance(hits, list) and hits
    assert all(
        set(hit) == {"id", "name", "preferred_name", "phones", "member_no", "last_visit", "tier"}
        for hit in hits
    )
    assert 17 in [hit["id"] for hit in hits]
    first = hits[0]
    assert isinstance(first["phones"], list)
    assert first["last_visit"] is None or isinstance(first["last_visit"], str)
    assert first["tier"] in {t.value for t in Tier}

    # Demo customers are found the way the front desk finds people.
    with runner_for(db) as r:
        found = r.call(lambda d: list(store.iter_customers(d)))
    with_member = next(c for c in found if c.member_no)
    code, out = main("search", "--db", str(db), "--json", with_member.member_no)
    assert json.loads(out)[0]["id"] == with_member.id
    with_phone = next(c for c in found if c.phones)
    code, out = main("search", "--db", str(db), "--json", with_phone.phones[0].number)
    assert with_phone.id in [hit["id"] for hit in json.loads(out)]


def test_demo_has_english_and_chinese_names_visits_and_purchases(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert main("demo", "--db", str(db), "--customers", "80")[0] == 0
    with runner_for(db) as r:
        names = r.call(lambda d: [c.name for c in store.iter_customers(d)])
        visits = r.call(lambda d: d.execute("SELECT count(*) FROM visits").fetchone()[0])
        purchases = r.call(lambda d: d.execute("SELECT count(*) FROM purchases").fetchone()[0])
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in n) for n in names)
    assert any(n.isascii() for n in names)
    assert visits > 0
    assert purchases > 0


def test_demo_is_reproducible_with_a_seed(tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert main("demo", "--db", str(a), "--customers", "25", "--seed", "11")[0] == 0
    assert main("demo", "--db", str(b), "--customers", "25", "--seed", "11")[0] == 0
    assert customers_in(a) == customers_in(b)


def test_demo_into_a_non_empty_database_is_refused(
    tmp_path: Path, good_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, out = main("demo", "--db", str(good_db), "--customers", "5")
    assert code == 1
    assert out == ""
    assert "already has 3 customers" in one_sentence(capsys.readouterr().err)
    assert count_in(good_db) == 3


def test_demo_needs_at_least_one_customer(tmp_path: Path) -> None:
    assert main("demo", "--db", str(tmp_path / "d.db"), "--customers", "0")[0] == 2


# --- search -----------------------------------------------------------------------------------


def test_search_json_best_first(good_db: Path) -> None:
    code, out = main("search", "--db", str(good_db), "--json", "zw")
    assert code == 0
    hits = json.loads(out)
    assert hits[0] == {
        "id": 1,
        "name": "张伟",
        "preferred_name": "张先生",
        "phones": ["+8613812345678", "+861087654321"],
        "member_no": "M-1",
        "last_visit": None,
        "tier": "vip",
    }


def test_search_json_with_no_match_prints_an_empty_array(good_db: Path) -> None:
    code, out = main("search", "--db", str(good_db), "--json", "nobody at all")
    assert code == 0
    assert json.loads(out) == []


def test_search_limit(tmp_path: Path) -> None:
    db = tmp_path / "many.db"
    rows = "".join(f"Chen {i},,,,,,,,\n" for i in range(10))
    assert (
        main("import", "customers", "--db", str(db), str(write(tmp_path / "m.csv", HEADER + rows)))[
            0
        ]
        == 0
    )
    code, out = main("search", "--db", str(db), "--limit", "3", "--json", "chen")
    assert code == 0
    assert len(json.loads(out)) == 3


def test_search_jsonl_answers_many_queries_in_one_process(
    good_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = ["zw", "5678", "", "obrien", "NEAR(", "nobody", '"*"']
    monkeypatch.setattr(
        sys, "stdin", io.StringIO("".join(json.dumps(q) + "\n" for q in queries) + "\n")
    )
    code, out = main("search", "--db", str(good_db), "--jsonl")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(queries)
    answers = [json.loads(line) for line in lines]
    assert [[h["name"] for h in a] for a in answers] == [
        ["张伟"],
        ["张伟"],
        [],
        ["Zoë O'Brien"],
        [],
        [],
        [],
    ]


def test_search_jsonl_rejects_a_line_that_is_not_a_json_string(
    good_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('"zw"\n42\n"zoe"\n'))
    code, out = main("search", "--db", str(good_db), "--jsonl")
    assert code == 1
    assert len(out.splitlines()) == 1
    assert "line 2" in one_sentence(capsys.readouterr().err)


def test_search_jsonl_survives_lone_surrogates(
    good_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JSON allows "\\ud800"; a stray escape in one query must not end the session."""
    monkeypatch.setattr(sys, "stdin", io.StringIO('"\\ud800@x"\n"\\u4f1f\\udfff"\n"zw"\n'))
    code, out = main("search", "--db", str(good_db), "--jsonl")
    assert code == 0
    answers = [json.loads(line) for line in out.splitlines()]
    assert len(answers) == 3
    assert answers[2][0]["name"] == "张伟"


# --- import customers -------------------------------------------------------------------------


def test_import_good_file_with_bom(tmp_path: Path) -> None:
    db = tmp_path / "bom.db"
    code, out = main(
        "import", "customers", "--db", str(db), str(write(tmp_path / "b.csv", GOOD_CSV, bom=True))
    )
    assert code == 0
    assert "imported 3 customers" in out
    got = customers_in(db)
    assert got[0] == (
        "张伟",
        "张先生",
        [("+8613812345678", "mobile"), ("+861087654321", "work")],
        "zw@example.com",
        "M-1",
        PartialDate(5, 1, 1990),
        Tier.VIP,
        ["Earl Grey no sugar", "quiet table"],
        "likes the window\nsecond line",
    )
    assert got[1][5] == PartialDate(2, 29)
    assert got[1][6] is Tier.GOLD
    assert got[2][:2] == ("Ravi Patel", "Dr. Patel")


def test_imported_customers_are_searchable(tmp_path: Path, good_db: Path) -> None:
    for query, name in [("张先生", "张伟"), ("zoe", "Zoë O'Brien"), ("0958", "Zoë O'Brien")]:
        code, out = main("search", "--db", str(good_db), "--json", query)
        assert code == 0
        assert json.loads(out)[0]["name"] == name


BAD_CSV = (
    "name,phones,email,birthday,tier\n"
    "Good One,13900001111,,,\n"
    "Bad Phone,12,,,\n"
    ",13900002222,,,\n"
    "Bad Mail,,not-mail,,\n"
    "Bad Date,,,2023-02-30,\n"
    "Bad Tier,,,,platinum\n"
    "Good Two,,two@example.com,--12-31,silver\n"
)


def test_bad_rows_are_reported_with_line_and_column_and_nothing_is_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bad.db"
    code, out = main(
        "import", "customers", "--db", str(db), str(write(tmp_path / "bad.csv", BAD_CSV))
    )
    assert out == ""
    assert code == 1
    err = capsys.readouterr().err
    for expected in (
        "line 3, column phones",
        "line 4, column name",
        "line 5, column email",
        "line 6, column birthday",
        "line 7, column tier",
    ):
        assert expected in err
    assert "line 2" not in err
    assert "line 8" not in err
    assert "nothing was imported" in err
    assert count_in(db) == 0


def test_skip_invalid_imports_the_good_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "skip.db"
    code, out = main(
        "import",
        "customers",
        "--db",
        str(db),
        "--skip-invalid",
        str(write(tmp_path / "bad.csv", BAD_CSV)),
    )
    assert code == 0
    assert "imported 2 customers" in out
    assert "skipped 5" in out
    assert "line 3, column phones" in capsys.readouterr().err
    assert [c[0] for c in customers_in(db)] == ["Good One", "Good Two"]


def test_dry_run_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "dry.db"
    code, out = main(
        "import",
        "customers",
        "--db",
        str(db),
        "--dry-run",
        str(write(tmp_path / "g.csv", GOOD_CSV)),
    )
    assert code == 0
    assert "would import 3 customers" in out
    assert count_in(db) == 0


def test_dry_run_with_skip_invalid_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "dry.db"
    code, out = main(
        "import",
        "customers",
        "--db",
        str(db),
        "--dry-run",
        "--skip-invalid",
        str(write(tmp_path / "bad.csv", BAD_CSV)),
    )
    assert code == 0
    assert "would import 2 customers" in out
    assert count_in(db) == 0


def test_unknown_column_is_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "u.db"
    code, _ = main(
        "import",
        "customers",
        "--db",
        str(db),
        str(write(tmp_path / "u.csv", "name,shoe_size\nA,39\n")),
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "line 1, column shoe_size" in err
    assert "unknown column" in err
    assert count_in(db) == 0


def test_conflict_with_an_existing_customer_is_reported(
    tmp_path: Path, good_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = write(
        tmp_path / "dup.csv",
        "name,phones,member_no\nTwin,+86 138 1234 5678,\nCard Twin,,M-2\nNew Person,13900003333,\n",
    )
    capsys.readouterr()
    code, _ = main("import", "customers", "--db", str(good_db), str(csv_path))
    assert code == 1
    err = capsys.readouterr().err
    assert "line 2, column phones: +8613812345678 already belongs to 张伟 (#1)" in err
    assert "line 3, column member_no" in err
    assert "Zoë O'Brien (#2)" in err
    assert count_in(good_db) == 3

    code, out = main("import", "customers", "--db", str(good_db), "--skip-invalid", str(csv_path))
    assert code == 0
    assert "imported 1 customers" in out
    assert count_in(good_db) == 4


def test_import_region_option(tmp_path: Path) -> None:
    db = tmp_path / "hk.db"
    csv_path = write(tmp_path / "hk.csv", "name,phones\nChan Tai Man,9123 4567\n")
    assert main("import", "customers", "--db", str(db), "--region", "hk", str(csv_path))[0] == 0
    assert customers_in(db)[0][2] == [("+85291234567", "mobile")]
    assert main("import", "customers", "--db", str(db), "--region", "XX", str(csv_path))[0] == 2


def test_import_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = main(
        "import", "customers", "--db", str(tmp_path / "x.db"), str(tmp_path / "nope.csv")
    )
    assert code == 1
    assert "nope.csv" in one_sentence(capsys.readouterr().err)


def test_import_of_a_file_that_is_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "x.db"
    path = tmp_path / "gbk.csv"
    path.write_bytes("name\n张伟\n".encode("gbk"))
    code, _ = main("import", "customers", "--db", str(db), str(path))
    assert code == 1
    assert "Traceback" not in capsys.readouterr().err
    assert count_in(db) == 0


# --- import purchases -------------------------------------------------------------------------

PURCHASES_CSV = (
    "member_no,phone,date,item,quantity,price,currency,store\n"
    "M-1,,2026-11-01 09:30,Latte,2,30.5,cny,Jing'an\n"
    "M-1,,2026-11-01 09:30,Cake,1,18,CNY,Jing'an\n"
    ",+44 20 7946 0958,2026-11-02,Tea,1,4.20,GBP,London\n"
)


def test_import_purchases(tmp_path: Path, good_db: Path) -> None:
    code, out = main(
        "import", "purchases", "--db", str(good_db), str(write(tmp_path / "p.csv", PURCHASES_CSV))
    )
    assert code == 0
    assert "imported 3 purchases" in out
    with runner_for(good_db) as r:
        (zhang,) = r.call(history_store.list_purchases, 1)
        (zoe,) = r.call(history_store.list_purchases, 2)
    assert [(i.name, i.quantity, i.price_minor) for i in zhang.items] == [
        ("Latte", 2, 3050),
        ("Cake", 1, 1800),
    ]
    assert (zhang.currency, zhang.store, zhang.total_minor) == ("CNY", "Jing'an", 7900)
    assert (zoe.currency, zoe.total_minor, zoe.items[0].name) == ("GBP", 420, "Tea")


def test_import_purchases_for_an_unknown_customer(
    tmp_path: Path, good_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = write(tmp_path / "p.csv", PURCHASES_CSV + "M-404,,2026-11-02,Tea,1,4,CNY,\n")
    capsys.readouterr()
    code, _ = main("import", "purchases", "--db", str(good_db), str(csv_path))
    assert code == 1
    assert "line 5, column member_no: no customer with member M-404" in capsys.readouterr().err
    with runner_for(good_db) as r:
        assert r.call(history_store.count_purchases, 1) == 0

    code, out = main("import", "purchases", "--db", str(good_db), "--skip-invalid", str(csv_path))
    assert code == 0
    assert "imported 3 purchases" in out


def test_import_purchases_dry_run(tmp_path: Path, good_db: Path) -> None:
    code, out = main(
        "import",
        "purchases",
        "--db",
        str(good_db),
        "--dry-run",
        str(write(tmp_path / "p.csv", PURCHASES_CSV)),
    )
    assert code == 0
    assert "would import 3 purchases" in out
    with runner_for(good_db) as r:
        assert r.call(history_store.count_purchases, 1) == 0


# --- export -----------------------------------------------------------------------------------


def test_export_csv_round_trips_into_a_fresh_database(tmp_path: Path, good_db: Path) -> None:
    exported = tmp_path / "out.csv"
    code, _ = main("export", "customers", "--db", str(good_db), "--output", str(exported))
    assert code == 0
    fresh = tmp_path / "fresh.db"
    assert main("import", "customers", "--db", str(fresh), str(exported))[0] == 0
    assert customers_in(fresh) == customers_in(good_db)
    code, again = main("export", "customers", "--db", str(fresh))
    assert code == 0
    assert again == exported.read_bytes().decode("utf-8")


def test_export_of_demo_data_round_trips(tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    assert main("demo", "--db", str(demo), "--customers", "120", "--seed", "5")[0] == 0
    with runner_for(demo) as r:  # export refuses a demo database (test_demo_separation.py)
        r.call(settings_store.set_setting, "demo_database", False)
    code, first = main("export", "customers", "--db", str(demo))
    assert code == 0
    fresh = tmp_path / "fresh.db"
    code, _ = main("import", "customers", "--db", str(fresh), str(write(tmp_path / "e.csv", first)))
    assert code == 0
    assert count_in(fresh) == 120
    code, second = main("export", "customers", "--db", str(fresh))
    assert second == first


def test_export_neutralises_formulas_and_still_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    assert (
        main("import", "customers", "--db", str(db), str(write(tmp_path / "h.csv", HOSTILE_CSV)))[0]
        == 0
    )
    original = customers_in(db)
    assert original[0][0] == '=HYPERLINK("http://evil")'
    assert original[0][1] == "+cmd"
    assert original[0][4] == "-42"
    assert original[0][7] == ["=1+1", "+2", "plain"]
    assert original[0][8] == "@SUM(A1:A9)"

    code, text = main("export", "customers", "--db", str(db))
    assert code == 0
    import csv

    rows = list(csv.reader(io.StringIO(text)))
    for cell in rows[1]:
        for item in cell.split(";"):
            assert not item.startswith(("=", "+", "-", "@", "\t", "\r")), cell

    fresh = tmp_path / "fresh.db"
    assert (
        main("import", "customers", "--db", str(fresh), str(write(tmp_path / "e.csv", text)))[0]
        == 0
    )
    assert customers_in(fresh) == original


def test_export_json_is_valid(good_db: Path) -> None:
    code, out = main("export", "customers", "--db", str(good_db), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [c["name"] for c in data] == ["张伟", "Zoë O'Brien", "Ravi Patel"]
    assert data[0]["phones"] == ["+8613812345678", "+861087654321"]
    assert data[0]["birthday"] == "1990-05-01"
    assert data[1]["birthday"] == "--02-29"
    assert data[2]["birthday"] is None
    assert data[0]["tier"] == "vip"
    assert data[0]["notes"] == "likes the window\nsecond line"


def test_export_to_an_unwritable_place(
    tmp_path: Path, good_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "out.csv"
    capsys.readouterr()
    code, _ = main("export", "customers", "--db", str(good_db), "--output", str(target))
    assert code == 1
    assert str(target) in one_sentence(capsys.readouterr().err)
    assert not target.parent.exists()


def test_export_of_an_empty_database(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    code, out = main("export", "customers", "--db", str(db), "--format", "json")
    assert code == 0
    assert json.loads(out) == []
    code, out = main("export", "customers", "--db", str(db))
    assert code == 0
    assert out.splitlines() == [HEADER.strip()]


def test_export_leaves_merged_customers_out(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with runner_for(db) as r:
        keep = add_customer(r, "Keep", phones=["+8613812345678"])
        other = add_customer(r, "Other", email="o@example.com")
        r.call(store.merge_customers, keep, other, now=dt.datetime(2026, 1, 1))
    code, out = main("export", "customers", "--db", str(db), "--format", "json")
    assert code == 0
    assert [c["name"] for c in json.loads(out)] == ["Keep"]
    assert json.loads(out)[0]["email"] == "o@example.com"


# --- usage errors and rejected databases ------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["bogus"],
        ["search", "--db", "{db}"],
        ["search", "--db", "{db}", "--limit", "0", "x"],
        ["search", "--db", "{db}", "--limit", "-3", "x"],
        ["search", "--db", "{db}", "--limit", "many", "x"],
        ["search", "--db", "{db}", "--jsonl", "x"],
        ["import", "--db", "{db}"],
        ["import", "shoes", "f.csv"],
        ["import", "customers"],
        ["export"],
        ["export", "customers", "--db", "{db}", "--format", "xml"],
        ["demo", "--db", "{db}", "--customers", "zero"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "u.db"
    code, out = main(*(a.replace("{db}", str(db)) for a in argv))
    assert code == 2
    assert out == ""
    assert capsys.readouterr().err.strip()


def _text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\nmilk\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "--json", "zw"],
        ["demo", "--customers", "5"],
        ["export", "customers"],
        ["import", "customers", "{csv}"],
    ],
    ids=["search", "demo", "export", "import"],
)
def test_db_that_is_a_text_file_is_refused_and_left_unchanged(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    text = _text_file(tmp_path)
    csv_path = write(tmp_path / "c.csv", GOOD_CSV)
    before = text.read_bytes()
    code, out = main(*(a.replace("{csv}", str(csv_path)) for a in argv), "--db", str(text))
    assert code == 1
    assert out == ""
    sentence = one_sentence(capsys.readouterr().err)
    assert str(text) in sentence
    assert "not" in sentence
    assert text.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "notes.txt"]


def test_db_from_a_newer_version_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    db = tmp_path / "newer.db"
    with DatabaseRunner(db):
        pass
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    code, _ = main("search", "--db", str(db), "--json", "x")
    assert code == 1
    assert "newer version" in one_sentence(capsys.readouterr().err)
    assert db.read_bytes() == before


def test_db_on_a_network_path_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = main("search", "--db", "//server/share/console.db", "--json", "x")
    assert code == 1
    assert "network" in one_sentence(capsys.readouterr().err)


def test_db_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, good_db: Path
) -> None:
    monkeypatch.setenv("SERVICE_CONSOLE_DB", str(good_db))
    code, out = main("search", "--json", "zw")
    assert code == 0
    assert json.loads(out)[0]["name"] == "张伟"


def test_search_in_a_fresh_default_database(tmp_path: Path) -> None:
    """No --db and no SERVICE_CONSOLE_DB: the user data folder (isolated by tests/conftest)."""
    code, out = main("search", "--json", "anyone")
    assert code == 0
    assert json.loads(out) == []


def test_round_trip_keeps_phone_labels(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    with runner_for(db) as r:
        add_customer(r, "A")
        c = r.call(store.get_customer, 1)
        assert c is not None
        c.phones = [Phone("+8613800001111", "home"), Phone("+8613800002222", "other")]
        r.call(store.update_customer, c, now=dt.datetime(2026, 1, 1))
    code, text = main("export", "customers", "--db", str(db))
    assert code == 0
    fresh = tmp_path / "f.db"
    assert (
        main("import", "customers", "--db", str(fresh), str(write(tmp_path / "e.csv", text)))[0]
        == 0
    )
    assert customers_in(fresh)[0][2] == [("+8613800001111", "home"), ("+8613800002222", "other")]


def test_db_before_the_subcommand_is_honoured(tmp_path: Path) -> None:
    db = tmp_path / "front.db"
    out = io.StringIO()
    assert cli.main(["--db", str(db), "demo", "--customers", "3"], out=out) == 0
    assert db.exists()
    out = io.StringIO()
    assert cli.main(["--db", str(db), "search", "--json", "M0000000"], out=out) == 0
    assert len(json.loads(out.getvalue())) == 3


def test_export_for_a_mailing_keeps_only_those_who_agreed(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with runner_for(db) as r:
        add_customer(r, "Agreed Offers", marketing_consent=True)
        add_customer(r, "Agreed Greetings", greetings_consent=True)
        add_customer(r, "Said No")
    code, out = main("export", "customers", "--db", str(db), "--format", "json")
    assert code == 0 and len(json.loads(out)) == 3
    code, out = main(
        "export", "customers", "--db", str(db), "--format", "json", "--consent", "marketing"
    )
    assert [c["name"] for c in json.loads(out)] == ["Agreed Offers"]
    code, out = main("export", "customers", "--db", str(db), "--consent", "greetings")
    assert code == 0 and "Agreed Greetings" in out and "Said No" not in out

"""Demo data only when asked: a file of its own, marked inside, never exported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from console import cli
from console.services.demo import claim_for_demo, is_demo_database
from console.services.imports import Rejected
from console.services.paths import default_db_path, default_demo_db_path, resolve_demo_db_path
from console.storage.sqlite import customers as store
from tests.unit.conftest import add_customer, runner_for
from tests.unit.conftest import run_cli as main


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def count_in(db: Path) -> int:
    with runner_for(db) as r:
        return r.call(store.count_customers)


def test_the_demo_database_is_a_file_of_its_own_beside_the_real_one() -> None:
    assert default_demo_db_path().parent == default_db_path().parent
    assert default_demo_db_path().name == "console-DEMO.db"
    assert default_demo_db_path() != default_db_path()
    assert resolve_demo_db_path(None) == default_demo_db_path()


def test_demo_without_db_fills_the_demo_database_not_the_real_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = tmp_path / "real.db"
    monkeypatch.setenv("SERVICE_CONSOLE_DB", str(real))  # names the real one: not the demo's
    code, out = main("demo", "--customers", "12")
    assert code == 0
    assert str(default_demo_db_path()) in out and "service-console --demo" in out
    assert count_in(default_demo_db_path()) == 12
    with runner_for(default_demo_db_path()) as r:
        assert is_demo_database(r)
    assert not real.exists()
    assert not default_db_path().exists()
    # Asked again: it is ready, nothing is added or refused.
    code, out = main("demo", "--customers", "12")
    assert code == 0 and "already holds 12" in out
    assert count_in(default_demo_db_path()) == 12
    # `--demo` points the other commands at it too.
    code, out = main("--demo", "search", "--json", "M0000001")
    assert code == 0 and "M0000001" in out


def test_demo_with_db_fills_that_file_and_marks_it(tmp_path: Path) -> None:
    db = tmp_path / "training.db"
    assert main("demo", "--db", str(db), "--customers", "5")[0] == 0
    with runner_for(db) as r:
        assert is_demo_database(r)
        assert r.call(store.count_customers) == 5


def test_a_real_database_is_not_marked(tmp_path: Path) -> None:
    db = tmp_path / "real.db"
    with runner_for(db) as r:
        add_customer(r, "Real Person")
        assert not is_demo_database(r)


def test_export_of_a_demo_database_is_refused_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.db"
    assert main("demo", "--db", str(db), "--customers", "8")[0] == 0
    capsys.readouterr()
    target = tmp_path / "mailing.csv"
    for extra in ([], ["--consent", "marketing", "--output", str(target)], ["--format", "json"]):
        code, out = main("export", "customers", "--db", str(db), *extra)
        assert code == 1
        assert out == ""
        sentence = one_sentence(capsys.readouterr().err)
        assert "demo database of made-up customers" in sentence
        assert str(default_db_path()) in sentence  # the real database to use instead
    assert not target.exists()


def test_a_renamed_copy_of_the_demo_still_says_it_is_a_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A passphrase rather than a keychain key (kept per path), so a copy opens too.
    monkeypatch.setenv("SERVICE_CONSOLE_DB_PASSPHRASE", "copy test passphrase")
    db = tmp_path / "console-DEMO.db"
    assert main("demo", "--db", str(db), "--customers", "4")[0] == 0
    innocent = tmp_path / "customers-2026.db"
    shutil.copyfile(db, innocent)
    capsys.readouterr()
    code, out = main("export", "customers", "--db", str(innocent))
    assert code == 1 and out == ""
    assert "demo database" in one_sentence(capsys.readouterr().err)


def test_the_demo_console_takes_an_empty_file_or_a_demo_never_real_customers(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty.db"
    with runner_for(empty) as r:
        assert claim_for_demo(r) == 0
        assert is_demo_database(r)  # marked before the first made-up customer
    real = tmp_path / "real.db"
    with runner_for(real) as r:
        add_customer(r, "Real Person")
        with pytest.raises(Rejected, match="not a demo database"):
            claim_for_demo(r)
        assert not is_demo_database(r)


def test_no_demo_is_still_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    help_text = cli.build_parser().format_help()
    assert "--demo" in help_text and "deprecated" in help_text
    args = cli.build_parser().parse_args(["--no-demo"])
    assert args.no_demo and not args.demo

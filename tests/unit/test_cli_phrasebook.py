"""``service-console phrasebook import|export``: all-or-nothing import, round trips."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from console import cli
from console.domain.phrasebook_io import read_phrasebook
from console.services.phrasebooks import DEFAULT_PHRASEBOOK_FILE
from console.storage.sqlite import phrasebooks as store
from tests.people import BOSS, PIN, signed_in
from tests.unit.conftest import runner_for

ROOT = Path(__file__).resolve().parents[2]
HEADER = "kind,language,text,severity,replacements,reason,situation,exceptions\n"
BOOK_CSV = (
    HEADER + "approved,en,Certainly,,,,confirm_understanding,\n"
    "taboo,en,hey,warn,Hello|Good morning,Too casual for a guest.,,\n"
    "taboo,zh-Hans,这里就是这样的,block,我来想想办法,,,\n"
)


def main(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(argv), out=out)
    return code, out.getvalue()


def texts_in(db: Path, book: str) -> list[str]:
    with runner_for(db) as runner:
        found = runner.call(store.find_phrasebook, book)
        assert found is not None
        return [entry.text for entry in runner.call(store.list_entries, found.id)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "console.db"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "brand.csv"
    path.write_text(BOOK_CSV, encoding="utf-8")
    return path


def test_import_creates_the_named_book_and_reports_what_changed(db: Path, book: Path) -> None:
    code, out = main("phrasebook", "import", "--db", str(db), "--name", "Brand", str(book))
    assert code == 0
    assert out == 'imported 3 entries into "Brand" (new phrasebook): 3 added, 0 changed, ' + (
        "0 removed, 0 unchanged\n"
    )
    assert texts_in(db, "Brand") == ["Certainly", "hey", "这里就是这样的"]

    book.write_text(BOOK_CSV.replace("hey,warn", "hey,block") + "taboo,en,cheap,hint,,,,\n")
    code, out = main("phrasebook", "import", "--db", str(db), "--name", "Brand", str(book))
    assert code == 0
    assert "1 added, 1 changed, 0 removed, 2 unchanged" in out


def test_import_without_a_name_replaces_the_active_book(db: Path, book: Path) -> None:
    assert main("phrasebook", "import", "--db", str(db), str(book))[0] == 0
    assert texts_in(db, "Default") == ["Certainly", "hey", "这里就是这样的"]


def test_bad_rows_are_each_reported_and_nothing_is_imported(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER + "taboo,en,hey,warn,,,,\n"
        "taboo,en,cheap,loud,,,,\n"
        "approved,en,Hello,,,,,\n"
        "taboo,en,OK,hint,,,,\n",
        encoding="utf-8",
    )
    code, out = main("phrasebook", "import", "--db", str(db), "--name", "Brand", str(bad))
    assert (code, out) == (1, "")
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[1] for line in err[:2]] == ["line 3", "line 4"]
    assert err[-1] == "2 bad row(s); nothing was imported"
    with runner_for(db) as runner:
        assert runner.call(store.find_phrasebook, "Brand") is None


def test_validation_problems_block_the_import(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clash = tmp_path / "clash.csv"
    clash.write_text(BOOK_CSV + "taboo,en,certainly,hint,,,,\n", encoding="utf-8")
    code, _ = main("phrasebook", "import", "--db", str(db), str(clash))
    assert code == 1
    err = capsys.readouterr().err
    assert "line 5: taboo term 'certainly' is also an approved phrase (line 2)" in err
    assert "nothing was imported" in err
    assert main("phrasebook", "import", "--db", str(db), "--name", "Brand", str(clash))[0] == 1
    with runner_for(db) as runner:
        assert runner.call(store.list_phrasebooks) == []


def test_an_agent_cannot_import(
    db: Path, book: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with runner_for(db) as runner:
        signed_in(runner, "agent", "Ann")
    monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
    assert main("phrasebook", "import", "--as", "Ann", "--db", str(db), str(book))[0] == 1
    assert "agent" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
    code, out = main("phrasebook", "import", "--as", BOSS, "--db", str(db), str(book))
    assert code == 0, out


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_export_then_import_round_trips(db: Path, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"default.{suffix}"
    assert main("phrasebook", "export", "--db", str(db), str(path)) == (0, "")
    shipped = read_phrasebook(DEFAULT_PHRASEBOOK_FILE)
    assert read_phrasebook(path) == shipped
    if suffix == "json":
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), list)
    code, out = main("phrasebook", "import", "--db", str(db), "--name", "Copy", str(path))
    assert code == 0
    assert f"{len(shipped)} added" in out
    again = tmp_path / f"copy.{suffix}"
    assert main("phrasebook", "export", "--db", str(db), "--name", "Copy", str(again))[0] == 0
    assert again.read_bytes() == path.read_bytes()
    code, out = main("phrasebook", "import", "--db", str(db), str(path))
    assert f"{len(shipped)} unchanged" in out


def test_export_format_can_be_chosen_and_written_to_stdout(
    db: Path, book: Path, tmp_path: Path
) -> None:
    assert main("phrasebook", "import", "--db", str(db), "--name", "Brand", str(book))[0] == 0
    odd = tmp_path / "brand.txt"
    code, _ = main(
        "phrasebook", "export", "--db", str(db), "--name", "Brand", "--format", "json", str(odd)
    )
    assert code == 0
    assert [item["text"] for item in json.loads(odd.read_text(encoding="utf-8"))] == [
        "Certainly",
        "hey",
        "这里就是这样的",
    ]
    code, out = main("phrasebook", "export", "--db", str(db), "--name", "Brand", "-")
    assert code == 0
    assert out.replace("\r\n", "\n") == BOOK_CSV


def test_usage_errors(
    db: Path, book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main("phrasebook", "--db", str(db))[0] == 2  # --db belongs after the action
    assert main("phrasebook")[0] == 2
    assert main("phrasebook", "export", "--db", str(db), str(tmp_path / "book.txt"))[0] == 2
    assert "--format" in capsys.readouterr().err
    assert main("phrasebook", "import", "--db", str(db), str(tmp_path / "none.csv"))[0] == 1
    code, _ = main("phrasebook", "export", "--db", str(db), "--name", "Nobody", str(book))
    assert code == 1
    assert "no phrasebook called 'Nobody'" in capsys.readouterr().err


def test_phrasebook_commands_never_import_qt(db: Path, book: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    script = textwrap.dedent(
        f"""
        import io, json, sys
        from console.cli import main
        codes = [
            main(["phrasebook", "import", "--db", {str(db)!r}, {str(book)!r}], out=io.StringIO()),
            main(["phrasebook", "export", "--db", {str(db)!r}, {str(out)!r}], out=io.StringIO()),
            main(["lint", "--db", {str(db)!r}, "hey"], out=io.StringIO()),
        ]
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "qasync"))
        print(json.dumps({{"codes": codes, "qt": qt}}))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"codes": [0, 0, 1], "qt": []}
    assert len(read_phrasebook(out)) == 3

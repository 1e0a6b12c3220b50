"""``service-console lint``: exit codes, human and JSON output, --jsonl, stdin, files."""

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

ROOT = Path(__file__).resolve().parents[2]

BOOK_CSV = """\
kind,language,text,severity,replacements,reason,situation,exceptions
approved,en,Certainly,,,,confirm_understanding,
taboo,en,hey,warn,Hello|Good morning,Too casual for a guest.,,
taboo,en,no problem,hint,My pleasure,,,No Problem Tea
taboo,zh-Hans,这里就是这样的,block,我来想想办法,拒绝解决问题。,,
"""

FINDING_KEYS = {"start", "end", "term", "severity", "reason", "replacements"}


def main(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(argv), out=out)
    return code, out.getvalue()


def feed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "book.csv"
    path.write_bytes(b"\xef\xbb\xbf" + BOOK_CSV.encode("utf-8"))
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "console.db"


# --- exit codes ----------------------------------------------------------------------


def test_nothing_flagged_exits_0(book: Path) -> None:
    assert main("lint", "--phrasebook", str(book), "Certainly, right away.") == (0, "")


def test_something_flagged_exits_1_with_one_line_per_finding(book: Path) -> None:
    code, out = main("lint", "--phrasebook", str(book), "hey, no problem! 這裡就是這樣的")
    assert code == 1
    assert out.splitlines() == [
        '0-3 warn "hey" → Hello | Good morning: Too casual for a guest.',
        '5-15 hint "no problem" → My pleasure',
        '17-24 block "這裡就是這樣的" → 我来想想办法: 拒绝解决问题。',
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--phrasebook", "{missing}", "hey"], "cannot be read"),
        (["--phrasebook", "{bad}", "hey"], "line 2"),
        (["--phrasebook", "{noext}", "hey"], "extension"),
        (["--db", "{db}", "--phrasebook", "{book}", "hey"], "not allowed with"),
        (["--json", "--jsonl", "--phrasebook", "{book}"], "not allowed with"),
        (["--jsonl", "--phrasebook", "{book}", "hey"], "not both"),
        (["--db", "{folder}", "hey"], "folder"),
    ],
)
def test_errors_exit_2(
    tmp_path: Path,
    book: Path,
    db: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BOOK_CSV.splitlines()[0] + "\ntaboo,en,hey,loud,,,,\n", encoding="utf-8")
    noext = tmp_path / "book"
    noext.write_text(BOOK_CSV, encoding="utf-8")
    paths = {
        "missing": tmp_path / "missing.csv",
        "bad": bad,
        "noext": noext,
        "db": db,
        "book": book,
        "folder": tmp_path,
    }
    code, out = main("lint", *(arg.format(**paths) for arg in argv))
    assert code == 2
    assert out == ""
    assert message in capsys.readouterr().err


def test_a_bad_jsonl_line_exits_2_after_answering_the_lines_before_it(
    book: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, '"hey"\n{"text": "hey"}\n"hey"\n')
    code, out = main("lint", "--phrasebook", str(book), "--jsonl")
    assert code == 2
    assert len(out.splitlines()) == 1
    assert "line 2: not a JSON string" in capsys.readouterr().err
    feed(monkeypatch, '"hey"\nhey\n')
    assert main("lint", "--phrasebook", str(book), "--jsonl")[0] == 2


# --- output --------------------------------------------------------------------------


def test_json_prints_one_object_per_finding(book: Path) -> None:
    text = "Hey 👋, ＮＯ  problem!"
    code, out = main("lint", "--phrasebook", str(book), "--json", text)
    assert code == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert set(first) >= FINDING_KEYS
    assert first == {
        "start": 0,
        "end": 3,
        "matched": "Hey",
        "term": "hey",
        "severity": "warn",
        "reason": "Too casual for a guest.",
        "replacements": ["Hello", "Good morning"],
        "entry_id": None,
    }
    # Code-point offsets into the original text, after an emoji, full width and two spaces.
    assert text[second["start"] : second["end"]] == "ＮＯ  problem"
    assert (second["term"], second["severity"], second["replacements"]) == (
        "no problem",
        "hint",
        ["My pleasure"],
    )


def test_jsonl_answers_many_lines_in_one_process(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = ["hey", "", "No Problem Tea is here, no problem", "這裡就是這樣的", "\ud800 hey"]
    feed(monkeypatch, "".join(json.dumps(line) + "\n" for line in lines) + "\n")
    code, out = main("lint", "--phrasebook", str(book), "--jsonl")
    assert code == 1
    answers = [json.loads(line) for line in out.splitlines()]
    assert [[f["term"] for f in answer] for answer in answers] == [
        ["hey"],
        [],
        ["no problem"],
        ["这里就是这样的"],
        ["hey"],
    ]
    assert answers[2][0]["start"] == len("No Problem Tea is here, ")


def test_jsonl_without_findings_exits_0(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, '"Certainly"\n"Right away"\n')
    code, out = main("lint", "--phrasebook", str(book), "--jsonl")
    assert (code, out.splitlines()) == (0, ["[]", "[]"])


def test_text_is_read_from_stdin_when_absent(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, "Dear guest,\nhey there.\n")
    code, out = main("lint", "--phrasebook", str(book), "--json")
    assert code == 1
    [finding] = [json.loads(line) for line in out.splitlines()]
    assert (finding["start"], finding["end"]) == (12, 15)
    feed(monkeypatch, "")
    assert main("lint", "--phrasebook", str(book)) == (0, "")


def test_a_json_phrasebook_file_is_accepted(book: Path, tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    code, _ = main("phrasebook", "import", "--db", str(tmp_path / "x.db"), str(book))
    assert code == 0
    code, _ = main("phrasebook", "export", "--db", str(tmp_path / "x.db"), str(path))
    assert code == 0
    assert main("lint", "--phrasebook", str(path), "hey")[0] == 1
    assert main("lint", "--phrasebook", str(path), "heyday")[0] == 0


# --- Chinese and the database --------------------------------------------------------


def test_simplified_entry_flags_traditional_text(tmp_path: Path) -> None:
    path = tmp_path / "zh.csv"
    path.write_text(
        BOOK_CSV.splitlines()[0] + "\ntaboo,zh-Hans,这里就是这样的,block,,,,\n", encoding="utf-8"
    )
    code, out = main("lint", "--phrasebook", str(path), "--json", "抱歉，這裡就是這樣的。")
    assert code == 1
    [finding] = [json.loads(line) for line in out.splitlines()]
    assert (finding["start"], finding["end"], finding["matched"]) == (3, 10, "這裡就是這樣的")
    assert finding["term"] == "这里就是这样的"


def test_the_database_default_book_is_used_and_created_on_first_use(db: Path) -> None:
    code, out = main("lint", "--db", str(db), "--json", "這裡就是這樣的")
    assert code == 1
    assert json.loads(out.splitlines()[0])["term"] == "这里就是这样的"
    assert main("lint", "--db", str(db), "OK的")[0] == 1
    assert main("lint", "--db", str(db), "Oklahoma")[0] == 0


def test_the_database_active_book_follows_an_import(
    db: Path, book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main("lint", "--db", str(db), "blorpy")[0] == 0
    extended = book.parent / "extended.csv"
    extended.write_text(BOOK_CSV + "taboo,en,blorpy,block,,,,\n", encoding="utf-8")
    assert main("phrasebook", "import", "--db", str(db), str(extended))[0] == 0
    assert main("lint", "--db", str(db), "blorpy")[0] == 1
    monkeypatch.setenv("SERVICE_CONSOLE_DB", str(db))
    assert main("lint", "that's blorpy")[0] == 1


def test_lint_in_a_real_process_reads_pipes_and_stays_light(book: Path) -> None:
    """A fresh interpreter: --jsonl answers line by line, and neither Qt nor the customer
    modules (SQLite, pinyin) are imported for a file phrasebook, so lint starts fast."""
    script = textwrap.dedent(
        f"""
        import json, sys
        from console.cli import main
        code = main(["lint", "--phrasebook", {str(book)!r}, "--jsonl"])
        heavy = sorted(
            m for m in sys.modules
            if m.split(".")[0] in ("PySide6", "shiboken6", "qasync", "sqlite_utils", "pypinyin")
        )
        print(json.dumps({{"code": code, "heavy": heavy}}))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        input='"hey"\n"fine"\n"這裡就是這樣的"\n',
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    *answers, report = result.stdout.splitlines()
    assert [[f["term"] for f in json.loads(line)] for line in answers] == [
        ["hey"],
        [],
        ["这里就是这样的"],
    ]
    assert json.loads(report) == {"code": 1, "heavy": []}

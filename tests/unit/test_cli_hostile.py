"""Every subcommand with hostile arguments: one sentence and a documented exit code, never a
traceback (issue 12).

The subcommands are found by walking the argparse tree, so a command added later is
covered without anyone remembering to add it here. Each value-taking argument gets each
hostile value in turn (the others keep harmless values); the CLI runs in-process for
speed, and a few cases run in a real process.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console import cli
from console.wiring.desk import open_runner
from tests.unit.conftest import add_customer

#: What each command may exit with (``lint``: 0 nothing flagged, 1 flagged, 2 error;
#: the others: 0 done, 1 rejected input, 2 usage).
DOCUMENTED = {0, 1, 2}

HUGE = "99999999999999999999"
HOSTILE_TEXT = [
    HUGE,
    "-" + HUGE,
    "9999-12-31",
    "0000-00-00",
    "",
    "nan",
    "\x1b[2J\x07\x00\u202e\u0085",
    "\udcff",  # what a non-UTF-8 byte in argv becomes
    "-",
]


def leaf_commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """(path of subcommand names, parser) for every subcommand, leaves and groups."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name), sub
                yield from leaf_commands(sub, (*prefix, name))


def value_actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a
        for a in parser._actions
        if not isinstance(a, argparse._SubParsersAction)
        and a.nargs != 0
        and a.dest != "help"
        and not isinstance(a, argparse._HelpAction)
    ]


def harmless(action: argparse.Action, files: dict[str, Path]) -> str:
    """A value that lets the command get as far as it can without doing real work."""
    name = action.dest
    by_name = {
        "db": str(files["db"]),
        "customers": "1",
        "complaints": "0",
        "limit": "5",
        "offset": "0",
        "seed": "1",
        "purchases_per_customer": "1",
        "port": "9",  # discard: nothing listens, the refusal is immediate
        "cti_port": "9",
        "id": "1",
        "actor": "nobody",
        "name": "Nobody",
        "role": "agent",
        "reason": "customer asked",
        "from_number": "+441234567890",
        "date_from": "2026-01-01",
        "date_to": "2026-01-31",
        "query": "a",
        "text": "hello",
        "output": str(files["out"]),
    }
    if name in by_name:
        return by_name[name]
    if name == "file":
        return str(files["csv"] if action.metavar == "FILE.csv" else files["missing"])
    if action.choices:
        return str(next(iter(action.choices)))
    return "x"


def argv_for(
    path: tuple[str, ...],
    parser: argparse.ArgumentParser,
    files: dict[str, Path],
    hostile: argparse.Action | None = None,
    value: str = "",
) -> list[str]:
    argv = list(path)
    positionals: list[str] = []
    used_groups: set[int] = set()
    for action in value_actions(parser):
        group = next(
            (id(g) for g in parser._mutually_exclusive_groups if action in g._group_actions),
            None,
        )
        is_target = action is hostile
        needed = action.required or not action.option_strings or action.dest in ("db",)
        if not (is_target or needed or action.dest in ("customers", "port")):
            continue
        if group is not None and group in used_groups and not is_target:
            continue
        if group is not None:
            used_groups.add(group)
        chosen = value if is_target else harmless(action, files)
        if action.option_strings:
            argv += [f"{action.option_strings[-1]}={chosen}"]  # '=' keeps '-x' a value
        else:
            positionals.append(chosen)
    if positionals:
        argv += ["--", *positionals]
    return argv


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    # A hostile --db such as "nan" or "-" is a relative path: keep it out of the checkout.
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "console.db"
    with open_runner(db) as runner:
        add_customer(runner, "Ada Lovelace", phones=["+442079460958"])
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("name,phones\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    return {
        "db": db,
        "csv": csv_file,
        "out": tmp_path / "out.txt",
        "missing": tmp_path / "no-such-file.json",
        "folder": tmp_path / "folder",
    }


@pytest.fixture(autouse=True)
def _no_replacing_devices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guard the machine: nothing may be renamed over /dev/full (tests run as root)."""
    real_replace, real_rename = os.replace, os.rename

    def guarded(real):  # type: ignore[no-untyped-def]
        def move(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
            target = Path(os.fsdecode(dst))
            if target.exists() and not target.is_file() and not target.is_dir():
                raise PermissionError(13, "refusing to replace a device", str(target))
            return real(src, dst, *args, **kwargs)

        return move

    monkeypatch.setattr(os, "replace", guarded(real_replace))
    monkeypatch.setattr(os, "rename", guarded(real_rename))


def run_in_process(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv, out=out)
        except BaseException as exc:  # the point: nothing escapes
            pytest.fail(f"{argv!r} raised {type(exc).__name__}: {exc}")
    return code, err.getvalue()


def hostile_values(files: dict[str, Path]) -> list[str]:
    return [*HOSTILE_TEXT, str(files["missing"]), str(files["folder"]), "/dev/full"]


def test_every_subcommand_survives_hostile_arguments(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    parser = cli.build_parser()
    commands = list(leaf_commands(parser))
    assert len(commands) >= 20  # the walk found the tree
    runs = 0
    failures: list[str] = []
    for path, sub in commands:
        cases: list[list[str]] = [argv_for(path, sub, files)]
        for action in value_actions(sub):
            for value in hostile_values(files):
                cases.append(argv_for(path, sub, files, action, value))
        for argv in cases:
            code, err = run_in_process(argv, monkeypatch)
            runs += 1
            # The catch-all in cli.main is a last resort, not the way errors are handled.
            if "Traceback" in err or "unexpected error" in err or code not in DOCUMENTED:
                failures.append(f"{argv!r}: exit {code}\n{err}")
    assert Path("/dev/full").is_char_device()
    assert not failures, f"{len(failures)} of {runs} runs:\n" + "\n".join(failures[:10])


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["search", "--limit", HUGE, "a"], 2, "a limit must be from 1 to 100,000"),
        (["calls", "--limit", HUGE], 2, "a limit must be from"),
        (["complaints", "list", "--limit", HUGE], 2, "a limit must be from"),
        (["audit", "--as", "x", "--to", "9999-12-31"], 2, "out of range"),
        (["report", "complaints", "--to", "9999-12-31"], 2, "out of range"),
        (["demo", "--purchases-per-customer", "nan"], 2, "must be from 0 to 100"),
        (["customer", "erase", HUGE, "--as", "x", "--reason", "r"], 2, "a record number"),
    ],
)
def test_out_of_range_arguments_are_usage_errors(
    files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    code: int,
    words: str,
) -> None:
    got, err = run_in_process([*argv, "--db", str(files["db"])], monkeypatch)
    assert got == code, err
    assert words in err and "Traceback" not in err


def test_hostile_phrasebooks_are_one_sentence_with_lint_exit_2(
    tmp_path: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    surrogate = tmp_path / "surrogate.json"
    surrogate.write_text(
        '[{"kind": "taboo", "language": "en", "text": "bad\\ud800", "severity": "warn"}]',
        encoding="utf-8",
    )
    for book, words in ((deep, "nested too deeply"), (surrogate, "lone surrogate")):
        code, err = run_in_process(["lint", "--phrasebook", str(book), "hello"], monkeypatch)
        assert code == 2 and words in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1, err
        code, err = run_in_process(
            ["phrasebook", "import", "--db", str(files["db"]), str(book)], monkeypatch
        )
        assert code == 1 and words in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "--limit", HUGE, "a"],
        ["audit", "--as", "x", "--to", "9999-12-31"],
        ["export", "customers", "-o", "/dev/full"],
        ["search", "a"],  # the database is a folder
    ],
    ids=["limit", "far-date", "dev-full", "db-folder"],
)
def test_hostile_arguments_in_a_real_process(
    files: dict[str, Path], argv: list[str], tmp_path: Path
) -> None:
    db = files["folder"] if argv == ["search", "a"] else files["db"]
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "tests.memory_keyring.MemoryKeyring",
        "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("SERVICE_CONSOLE_DB_PASSPHRASE", None)
    if argv[0] == "export":  # a real process has its own (empty) keychain: use a plain db
        plain = tmp_path / "plain.db"
        from console.storage.sqlite.runner import DatabaseRunner

        with DatabaseRunner(plain) as runner:
            add_customer(runner, "Grace Hopper")
        db = plain
    done = subprocess.run(
        [sys.executable, "-m", "console.cli", *argv, "--db", str(db)],
        capture_output=True,
        check=False,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode in (1, 2), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert Path("/dev/full").is_char_device()

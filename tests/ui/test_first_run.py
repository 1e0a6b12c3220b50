"""First run on any machine: a real console starts empty and offers the demo; the demo is
a file of its own that says DEMO; no screen and no keychain ends in one sentence, not a
hang; no keychain for the phone token is one line staff can read."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pytest

from console import cli
from console.services.demo import is_demo_database
from console.services.paths import default_db_path, default_demo_db_path
from console.services.phrasebooks import DEFAULT_PHRASEBOOK
from console.storage.sqlite import customers as store
from console.storage.sqlite.runner import DatabaseRunner
from console.wiring.desk import open_runner

ROOT = Path(__file__).resolve().parents[2]


def screenshot_dir(tmp_path: Path) -> Path:
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def test_a_normal_first_run_starts_empty_and_offers_the_demo(
    qtbot: Any, qloop: Any, run: Callable[..., Any], tmp_path: Path
) -> None:
    from console.app import Console

    runner = open_runner(default_db_path())  # the real database, as a first launch makes it
    console = Console(runner, cti_port=0)
    qtbot.addWidget(console.window)
    launched: list[str] = []
    console.launch_demo = lambda: launched.append("demo")  # type: ignore[assignment,return-value]
    try:
        run(console.start(demo=False), timeout_ms=15000)
        assert runner.call(store.count_customers) == 0
        assert not is_demo_database(runner)
        book = run(console.phrasebooks.entries())
        assert book, "the default phrasebook is there from the start"
        assert run(console.phrasebooks.active_phrasebook()).name == DEFAULT_PHRASEBOOK
        window = console.window
        assert "DEMO" not in window.windowTitle()
        assert not window.demo_badge.isVisibleTo(window)
        today = window.today
        assert today.first_run.isVisibleTo(window)
        assert today.demo_button.text() == "Try with &demo data"
        assert today.demo_button.accessibleName()
        window.grab().save(str(screenshot_dir(tmp_path) / "first-run-today-en.png"))
        today.demo_button.click()
        assert launched == ["demo"]
        assert "new window" in window.statusBar().currentMessage()
        assert not default_demo_db_path().exists()  # the demo is the new process's business
    finally:
        run(console.stop_phone())
        console.window.tasks.cancel_all()
        runner.close()


def test_the_demo_console_says_demo_even_from_a_renamed_file(
    qtbot: Any, qloop: Any, run: Callable[..., Any], tmp_path: Path
) -> None:
    from console.app import Console

    renamed = tmp_path / "console.db"  # a copy of a demo under an innocent name
    assert cli.main(["demo", "--db", str(renamed), "--customers", "30"]) == 0
    runner = open_runner(renamed)
    console = Console(runner, cti_port=0)
    qtbot.addWidget(console.window)
    try:
        run(console.start(demo=False), timeout_ms=15000)
        window = console.window
        assert console.demo
        assert window.windowTitle().startswith("DEMO")
        assert window.demo_badge.isVisibleTo(window) and window.demo_badge.text() == "DEMO"
        assert not window.today.first_run.isVisibleTo(window)
        window.grab().save(str(screenshot_dir(tmp_path) / "demo-window-en.png"))
    finally:
        run(console.stop_phone())
        console.window.tasks.cancel_all()
        runner.close()


@pytest.fixture
def keychain_lost_later() -> Iterator[Callable[[], None]]:
    """``lose()`` swaps in keyring's "fail" backend; the old one is back afterwards."""
    old = keyring.get_keyring()
    try:
        yield lambda: keyring.set_keyring(keyring.backends.fail.Keyring())
    finally:
        keyring.set_keyring(old)


def test_no_keychain_for_the_phone_token_is_one_line_staff_can_read(
    qtbot: Any,
    qloop: Any,
    run: Callable[..., Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    keychain_lost_later: Callable[[], None],
) -> None:
    from console.app import Console

    monkeypatch.delenv("SERVICE_CONSOLE_CTI_TOKEN", raising=False)
    runner = DatabaseRunner(tmp_path / "app.db")
    runner.open()
    console = Console(runner, cti_port=0)
    qtbot.addWidget(console.window)
    keychain_lost_later()  # after opening the database: only the token is missing
    try:
        with caplog.at_level(logging.WARNING, logger="console"):
            run(console.start_phone(), timeout_ms=10000)
        line = console.call_desk.status.text()
        assert console.cti is None
        assert "no password keychain for the phone token" in line
        assert "SERVICE_CONSOLE_CTI_TOKEN" in line
        assert "keyring" not in line and "\n" not in line
        assert "keyring.backends.fail" in caplog.text  # the technical reason: in the log
    finally:
        run(console.stop_phone())
        console.window.tasks.cancel_all()
        runner.close()


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SERVICE_CONSOLE_")}
    home = tmp_path / "home"
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


@pytest.mark.parametrize("argv", [[], ["--demo"]], ids=["real", "demo"])
def test_headless_without_keychain_or_passphrase_exits_with_one_sentence(
    tmp_path: Path, argv: list[str]
) -> None:
    env = _env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run(
        [sys.executable, "-m", "console.cli", *argv],
        capture_output=True, text=True, env=env, timeout=90, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "SERVICE_CONSOLE_DB_PASSPHRASE" in lines[0]
    assert "keyring.backends" not in lines[0]
    assert result.stdout == ""


def test_launching_the_demo_opens_the_demo_file_not_the_real_one(tmp_path: Path) -> None:
    """`service-console --demo`, as README's first command runs it (offscreen here): it
    opens console-DEMO.db in the user data folder, marked as a demo; the real database is
    never created. The process waits at sign-in, so it is stopped once the file is there."""
    env = _env(tmp_path, SERVICE_CONSOLE_DB_PASSPHRASE="a passphrase for the demo test")
    data = Path(env["XDG_DATA_HOME"]) / "service-console"
    process = subprocess.Popen(
        [sys.executable, "-m", "console.cli", "--demo"],
        env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    demo = data / "console-DEMO.db"
    marked = False
    try:
        deadline = time.monotonic() + 60
        while not marked and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.3)
            if demo.exists() and demo.stat().st_size > 0:
                marked = _says_demo(demo)
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        if process.stderr is not None:
            process.stderr.close()
    assert marked, "the demo file was not marked as a demo"
    assert not (data / "console.db").exists()


def _says_demo(path: Path) -> bool:
    try:
        runner = open_runner(path, "a passphrase for the demo test")
    except Exception:  # still being created by the other process
        return False
    try:
        return is_demo_database(runner)
    finally:
        runner.close()


def test_the_demo_console_fills_its_empty_database_on_first_use(
    qtbot: Any, qloop: Any, run: Callable[..., Any], tmp_path: Path
) -> None:
    from console.app import DEMO_CUSTOMERS, Console
    from console.services.demo import claim_for_demo

    runner = open_runner(default_demo_db_path())
    assert claim_for_demo(runner) == 0  # what run_app does for --demo
    console = Console(runner)  # no --cti-port: the demo does not take the real calls
    qtbot.addWidget(console.window)
    try:
        run(console.start(demo=True), timeout_ms=60000)
        assert runner.call(store.count_customers) == DEMO_CUSTOMERS
        assert is_demo_database(runner)
        assert console.window.windowTitle().startswith("DEMO")
        assert console.cti is None
        assert "not in the demo console" in console.call_desk.status.text()
        assert not default_db_path().exists()
    finally:
        run(console.stop_phone())
        console.window.tasks.cancel_all()
        runner.close()

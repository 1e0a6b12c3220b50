"""The window's way into an encrypted database when there is no keychain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from console import app
from console.storage.database import is_encrypted


@pytest.fixture(autouse=True)
def no_keychain() -> Iterator[None]:
    old = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(old)


def test_a_new_database_asks_for_a_passphrase_then_opens_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, bool]] = []

    def ask(message: str, *, new: bool) -> str | None:
        asked.append((message, new))
        return "front desk passphrase"

    monkeypatch.setattr(app, "ask_passphrase", ask)
    path = tmp_path / "console.db"
    runner = app.open_database(path)
    assert runner is not None
    runner.close()
    assert is_encrypted(path)
    assert asked[0][1] is True and "no safe keychain" in asked[0][0]


def test_a_wrong_passphrase_is_asked_again_and_cancel_opens_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "console.db"
    monkeypatch.setattr(app, "ask_passphrase", lambda message, *, new: "the right passphrase")
    first = app.open_database(path)
    assert first is not None
    first.close()
    answers = iter(["a wrong passphrase", None])
    asked: list[tuple[str, bool]] = []

    def ask(message: str, *, new: bool) -> str | None:
        asked.append((message, new))
        return next(answers)

    monkeypatch.setattr(app, "ask_passphrase", ask)
    assert app.open_database(path) is None
    assert [new for _m, new in asked] == [False, False]
    assert asked[1][0] == "That passphrase does not open the database."

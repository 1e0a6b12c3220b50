"""The window's way into an encrypted database when there is no keychain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from console import app
from console.storage.sqlite.database import is_encrypted
from console.ui.passphrase_dialog import PassphraseRequest


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
    asked: list[PassphraseRequest] = []

    def ask(request: PassphraseRequest) -> str | None:
        asked.append(request)
        return "front desk passphrase"

    monkeypatch.setattr(app, "ask_passphrase", ask)
    path = tmp_path / "console.db"
    runner = app.open_database(path)
    assert runner is not None
    runner.close()
    assert is_encrypted(path)
    assert asked[0].new is True and asked[0].no_keychain is True and not asked[0].error
    # The technical reason goes behind "Details", not into the sentence staff read.
    assert "no safe keychain" in asked[0].detail
    assert "keyring.backends.fail" in asked[0].detail


def test_a_wrong_passphrase_is_asked_again_and_cancel_opens_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "console.db"
    monkeypatch.setattr(app, "ask_passphrase", lambda request: "the right passphrase")
    first = app.open_database(path)
    assert first is not None
    first.close()
    answers = iter(["a wrong passphrase", None])
    asked: list[PassphraseRequest] = []

    def ask(request: PassphraseRequest) -> str | None:
        asked.append(request)
        return next(answers)

    monkeypatch.setattr(app, "ask_passphrase", ask)
    assert app.open_database(path) is None
    assert [request.new for request in asked] == [False, False]
    assert asked[0].error == ""
    assert asked[1].error == "That passphrase does not open the console's data. Try again."


def test_without_a_screen_nobody_is_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from console.wiring.desk import NeedsPassphrase

    def ask(request: PassphraseRequest) -> str | None:
        raise AssertionError("a dialog nobody can see was shown")

    monkeypatch.setattr(app, "ask_passphrase", ask)
    with pytest.raises(NeedsPassphrase):
        app.open_database(tmp_path / "console.db", can_ask=False)
    assert not (tmp_path / "console.db").exists()

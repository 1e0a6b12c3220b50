"""Data at rest: SQLCipher with a keychain key or a passphrase; no plain text on disk."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

from console.services import secrets
from console.storage.sqlite.backup import RestoreRefused, backup_to, check_backup, restore_into
from console.storage.sqlite.database import NotADatabaseError, WrongKeyError, is_encrypted
from console.storage.sqlite.driver import DbKey
from console.storage.sqlite.runner import DatabaseRunner
from console.wiring.desk import (
    NeedsPassphrase,
    choose_key,
    encrypt_database,
    open_runner,
)
from tests.memory_keyring import MemoryKeyring
from tests.unit.conftest import add_customer, search_names

CANARY_NAME = "Quintessa Canarywood"
CANARY_PHONE = "+8613987654321"
CANARY_DIGITS = [b"13987654321", b"12345678931"]  # as stored and reversed (search index)


@pytest.fixture(autouse=True)
def fresh_keychain() -> Iterator[MemoryKeyring]:
    old = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(old)


def no_keychain() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())


def plant_canary(runner: DatabaseRunner) -> None:
    add_customer(runner, CANARY_NAME, phones=[CANARY_PHONE], notes="canary notes")


def assert_no_canary(folder: Path) -> None:
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files, "nothing was written"
    for path in files:
        data = path.read_bytes()
        for needle in [CANARY_NAME.encode(), b"Canarywood", b"canary notes", *CANARY_DIGITS]:
            assert needle not in data, f"{needle!r} found in {path.name}"


def test_a_new_database_is_encrypted_with_a_key_in_the_keychain(
    tmp_path: Path, fresh_keychain: MemoryKeyring
) -> None:
    path = tmp_path / "console.db"
    runner = open_runner(path)
    try:
        assert runner.key is not None and runner.key.raw is not None
        plant_canary(runner)
        assert search_names(runner, "canarywood") == [CANARY_NAME]
        assert search_names(runner, "4321") == [CANARY_NAME]
        runner.call(backup_to, tmp_path / "backups" / "b.db")
        # While the app runs: the main file, the WAL and the backup hold no plain text.
        assert Path(f"{path}-wal").exists()
        assert_no_canary(tmp_path)
    finally:
        runner.close()
    assert_no_canary(tmp_path)
    assert is_encrypted(path)
    stored = list(fresh_keychain._store.items())
    assert len(stored) == 1 and stored[0][0][0] == "service-console"
    assert stored[0][1] not in path.read_bytes().hex()  # the key is not beside the data
    assert not any(p.name.endswith((".key", ".secret")) for p in tmp_path.rglob("*"))


def test_reopening_uses_the_same_key(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    with open_runner(path) as runner:
        plant_canary(runner)
    with open_runner(path) as runner:
        assert search_names(runner, "Quintessa") == [CANARY_NAME]


def test_a_wrong_key_is_a_clear_error_and_leaves_the_file_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "console.db"
    with open_runner(path) as runner:
        plant_canary(runner)
    before = path.read_bytes()
    wrong = DbKey(raw=bytes(range(32)))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(WrongKeyError) as caught:
        DatabaseRunner(path, wrong).open()
    message = str(caught.value)
    assert "does not open" in message and str(path) in message
    assert bytes(range(32)).hex() not in message + caplog.text
    assert repr(wrong) == "DbKey(raw=…)"
    assert path.read_bytes() == before
    # Without any key the file is reported, not mistaken for garbage to overwrite.
    with pytest.raises(NotADatabaseError, match="encrypted or not"):
        DatabaseRunner(path).open()
    assert path.read_bytes() == before


def test_no_keychain_asks_for_a_passphrase_and_never_falls_back(tmp_path: Path) -> None:
    no_keychain()
    path = tmp_path / "console.db"
    with pytest.raises(NeedsPassphrase) as caught:
        open_runner(path)
    assert caught.value.new is True
    assert "no safe keychain" in str(caught.value)
    assert not path.exists()  # nothing was created unencrypted
    with open_runner(path, "a long enough passphrase") as runner:
        assert runner.key == DbKey(passphrase="a long enough passphrase")
        plant_canary(runner)
    assert_no_canary(tmp_path)
    with pytest.raises(NeedsPassphrase) as caught:
        open_runner(path)
    assert caught.value.new is False
    with pytest.raises(WrongKeyError):
        open_runner(path, "not the passphrase")
    with open_runner(path, "a long enough passphrase") as runner:
        assert search_names(runner, "canarywood") == [CANARY_NAME]


def test_the_passphrase_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_keychain()
    monkeypatch.setenv("SERVICE_CONSOLE_DB_PASSPHRASE", "scripted passphrase")
    path = tmp_path / "console.db"
    with open_runner(path) as runner:
        plant_canary(runner)
    assert choose_key(path) == DbKey(passphrase="scripted passphrase")
    assert is_encrypted(path)


class PlaintextFileKeyring(KeyringBackend):
    """Stands in for keyrings.alt's plain-text file backend."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("an insecure keyring must never be written to")

    def delete_password(self, service: str, username: str) -> None:
        pass


PlaintextFileKeyring.__module__ = "keyrings.alt.file"


def test_an_insecure_keyring_backend_is_refused(tmp_path: Path) -> None:
    keyring.set_keyring(PlaintextFileKeyring())
    assert secrets.keychain_problem() is not None
    with pytest.raises(NeedsPassphrase, match="no safe keychain"):
        open_runner(tmp_path / "console.db")


def test_the_keychain_losing_the_key_asks_for_the_passphrase(
    tmp_path: Path, fresh_keychain: MemoryKeyring
) -> None:
    path = tmp_path / "console.db"
    with open_runner(path):
        pass
    fresh_keychain._store.clear()
    with pytest.raises(NeedsPassphrase, match="holds no key"):
        open_runner(path)


def test_a_plain_database_opens_and_is_encrypted_on_request(
    tmp_path: Path, fresh_keychain: MemoryKeyring
) -> None:
    path = tmp_path / "console.db"
    with DatabaseRunner(path) as plain:  # as an older version left it
        plant_canary(plain)
        add_customer(plain, "张伟", phones=["+8613812345678"])
    assert CANARY_NAME.encode() in path.read_bytes()
    with open_runner(path) as runner:
        assert runner.key is None  # opens as it is
    report = encrypt_database(path)
    assert report.rows > 2
    assert is_encrypted(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["console.db"]
    assert_no_canary(tmp_path)
    with open_runner(path) as runner:
        assert runner.key is not None
        assert search_names(runner, "伟") == ["张伟"]
        assert search_names(runner, "canarywood") == [CANARY_NAME]
    with pytest.raises(Exception, match="already encrypted"):
        encrypt_database(path)


def test_encrypted_backups_restore_only_with_the_key(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    with open_runner(path) as runner:
        plant_canary(runner)
        info = runner.call(backup_to, tmp_path / "b" / "copy.db")
        key = runner.key
        add_customer(runner, "Added Later")
    assert_no_canary(tmp_path / "b")
    with pytest.raises(RestoreRefused, match="encrypted"):
        check_backup(info.path)
    with pytest.raises(RestoreRefused, match="another key"):
        check_backup(info.path, DbKey(raw=b"\x01" * 32))
    assert check_backup(info.path, key).customers == 1
    restore_into(info.path, path, tmp_path / "b" / "before.db", key)
    with open_runner(path) as runner:
        assert search_names(runner, "Added Later") == []
        assert search_names(runner, "canarywood") == [CANARY_NAME]
    assert_no_canary(tmp_path / "b")


def test_cli_encrypt_and_clear_refusals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    from console import cli

    path = tmp_path / "console.db"
    with DatabaseRunner(path) as plain:
        plant_canary(plain)
    out = io.StringIO()
    assert cli.main(["encrypt", "--db", str(path)], out=out) == 0
    assert "kept in this computer's keychain" in out.getvalue()
    assert_no_canary(tmp_path)
    assert cli.main(["encrypt", "--db", str(path)], out=out) == 1
    assert "already encrypted" in capsys.readouterr().err
    # A plain database, encrypted with a passphrase from stdin, on a machine with no keychain.
    other = tmp_path / "other" / "console.db"
    with DatabaseRunner(other) as plain:
        plant_canary(plain)
    no_keychain()
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert cli.main(["encrypt", "--db", str(other), "--passphrase-stdin"], out=out) == 1
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long passphrase\n"))
    assert cli.main(["encrypt", "--db", str(other), "--passphrase-stdin"], out=out) == 0
    assert cli.main(["search", "--db", str(other), "canarywood"], out=out) == 1
    assert "SERVICE_CONSOLE_DB_PASSPHRASE" in capsys.readouterr().err
    monkeypatch.setenv("SERVICE_CONSOLE_DB_PASSPHRASE", "a long passphrase")
    found = io.StringIO()
    assert cli.main(["search", "--db", str(other), "canarywood"], out=found) == 0
    assert CANARY_NAME in found.getvalue()

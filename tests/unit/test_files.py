"""Files the app writes are whole and private: temporary file, fsync, rename; 0600 files
in 0700 folders (issue 12, "Half-saved and leaked")."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from console import files
from console.storage.sqlite.backup import backup_to
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import add_customer
from tests.unit.test_cli import GOOD_CSV, main, one_sentence, write


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _open_umask() -> Iterator[None]:
    """The usual umask (files 0644, folders 0755 unless the app says otherwise)."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def disk_fills_after(monkeypatch: pytest.MonkeyPatch, allowed: int) -> None:
    """Let *allowed* bytes reach the disk, then fail every write with ENOSPC."""
    written = 0
    real = files._write

    def write(fd: int, data: bytes | bytearray | memoryview) -> int:
        nonlocal written
        room = allowed - written
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = real(fd, bytes(data)[:room])
        written += n
        return n

    monkeypatch.setattr(files, "_write", write)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_a_full_disk_leaves_the_old_file_and_says_so_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("the old export\n")
    disk_fills_after(monkeypatch, 10_000)
    with pytest.raises(files.WriteFailed) as caught, files.atomic_open(target) as fh:
        for i in range(10_000):
            fh.write(f"row {i}, a customer\n")
    assert target.read_text() == "the old export\n"
    assert leftovers(tmp_path) == []
    message = str(caught.value)
    assert message == (
        f"{target} was not written: the disk is full; any previous file there was left unchanged."
    )
    assert caught.value.errno == errno.ENOSPC


def test_a_complete_write_replaces_the_file_private(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "exports"
    target = folder / "out.txt"
    files.write_text(target, "complete\n", create_folder=True)
    assert target.read_text() == "complete\n"
    assert mode(target) == 0o600
    assert mode(folder) == 0o700
    assert mode(folder.parent) == 0o700
    files.write_bytes(target, b"again")
    assert target.read_bytes() == b"again"
    assert mode(target) == 0o600
    assert leftovers(folder) == []


def test_an_error_in_the_writer_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "book.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), files.atomic_open(target) as fh:
        fh.write("half")
        raise RuntimeError("the encoder failed")
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_export_on_a_full_disk_exits_1_with_one_sentence_and_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "console.db"
    code, _ = main("import", "customers", "--db", str(db), str(write(tmp_path / "g.csv", GOOD_CSV)))
    assert code == 0
    target = tmp_path / "customers.csv"
    target.write_text("yesterday's export\n")
    capsys.readouterr()
    disk_fills_after(monkeypatch, 40)
    code, _ = main("export", "customers", "--db", str(db), "-o", str(target))
    err = capsys.readouterr().err
    assert code == 1
    assert "disk is full" in one_sentence(err)
    assert target.read_text() == "yesterday's export\n"
    assert leftovers(tmp_path) == []


def test_export_writes_a_private_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "console.db"
    assert (
        main("import", "customers", "--db", str(db), str(write(tmp_path / "g.csv", GOOD_CSV)))[0]
        == 0
    )
    target = tmp_path / "customers.csv"
    code, _ = main("export", "customers", "--db", str(db), "-o", str(target))
    assert code == 0
    assert mode(target) == 0o600
    assert "张伟" in target.read_text(encoding="utf-8")


def test_the_database_its_wal_and_backups_are_private(tmp_path: Path) -> None:
    db = tmp_path / "data" / "console.db"
    with DatabaseRunner(db) as runner:
        add_customer(runner, "Zhou Min")
        wal = db.with_name(db.name + "-wal")
        assert wal.exists()
        assert mode(db) == 0o600
        assert mode(wal) == 0o600
        assert mode(db.parent) == 0o700
        backup = tmp_path / "backups" / "console-1.db"
        runner.call(backup_to, backup)
    assert mode(backup) == 0o600
    assert mode(backup.parent) == 0o700


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "Documents"
    shared.mkdir(mode=0o755)
    files.write_text(shared / "report.csv", "x")
    assert mode(shared) == 0o755
    assert mode(shared / "report.csv") == 0o600


def test_a_device_or_a_link_is_never_replaced(tmp_path: Path) -> None:
    """As root, renaming over /dev/null would replace the device with a plain file."""
    for target in (Path("/dev/null"), tmp_path):
        with pytest.raises(files.WriteFailed, match="a folder or a device"):
            files.write_text(target, "x")
    assert Path("/dev/null").is_char_device()
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    files.write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"

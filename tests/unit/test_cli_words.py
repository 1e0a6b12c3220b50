"""The command line's own lines in the locale's language: each command's summary and
refusals under ``LANG=zh_CN.UTF-8`` (and zh_TW), and the same English as before under
``LANG=C`` (scripts read it)."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from console import cli
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import add_customer, runner_for


def main(*argv: str, stdin: str = "") -> tuple[int, str]:
    real = sys.stdin
    sys.stdin = io.StringIO(stdin)
    out = io.StringIO()
    try:
        return cli.main(list(argv), out=out), out.getvalue()
    finally:
        sys.stdin = real


def speak(monkeypatch: pytest.MonkeyPatch, locale: str) -> None:
    """The locale a person's (or a script's) shell sets."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", locale)


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Grace (admin, 7391) and one customer."""
    path = tmp_path / "console.db"
    assert main("staff", "add", "--db", str(path), "--name", "Grace", "--role", "admin",
                stdin="7391\n")[0] == 0  # fmt: skip
    with runner_for(path) as r:
        add_customer(r, "Yu Hua")
    return str(path)


AS_GRACE = ("--as", "Grace")


# --- backup and restore -------------------------------------------------------------------


def test_a_backup_is_reported_in_the_locale_language(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.db"
    speak(monkeypatch, "zh_CN.UTF-8")
    code, out = main("backup", "--db", db, *AS_GRACE, "-o", str(copy), stdin="7391\n")
    assert code == 0
    assert out == f"已将 1 位客户备份到 {copy}（{copy.stat().st_size:,} 字节）\n"
    speak(monkeypatch, "zh_TW.UTF-8")
    code, out = main("backup", "--db", db, *AS_GRACE, "-o", str(copy), stdin="7391\n")
    assert out == f"已將 1 位客戶備份到 {copy}（{copy.stat().st_size:,} 位元組）\n"
    speak(monkeypatch, "C")
    code, out = main("backup", "--db", db, *AS_GRACE, "-o", str(copy), stdin="7391\n")
    assert out == f"backed up 1 customers to {copy} ({copy.stat().st_size:,} bytes)\n"
    assert capsys.readouterr().err == ""


def test_a_broken_trail_warning_is_said_in_the_locale_language(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = str(tmp_path / "copy.db")
    assert main("backup", "--db", db, *AS_GRACE, "-o", copy, stdin="7391\n")[0] == 0
    with runner_for(Path(db)) as r:  # entries #1 (Grace added) and #2 (the backup)
        r.call(lambda d: d.execute("DROP TRIGGER audit_no_delete"))
        r.call(lambda d: d.execute("DELETE FROM audit WHERE id = 1"))
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main("backup", "--db", db, *AS_GRACE, "-o", copy, stdin="7391\n")[0] == 0
    said = capsys.readouterr().err
    assert re.fullmatch(
        r"警告：备份已完成，但审计记录在审计条目 #2（[0-9T:.+-]+）处断裂："
        r"它之前的 1 条记录（#1）缺失（已被删除）\n",
        said,
    ), said
    speak(monkeypatch, "zh_TW.UTF-8")
    assert main("backup", "--db", db, *AS_GRACE, "-o", copy, stdin="7391\n")[0] == 0
    said = capsys.readouterr().err
    assert said.startswith("警告：備份已完成，但稽核紀錄在稽核條目 #2（"), said
    assert said.endswith("處斷裂：它之前的 1 筆紀錄（#1）遺失（已被刪除）\n"), said
    speak(monkeypatch, "C")
    assert main("backup", "--db", db, *AS_GRACE, "-o", copy, stdin="7391\n")[0] == 0
    said = capsys.readouterr().err
    assert re.fullmatch(
        r"warning: the backup was made, but the audit trail broken at audit entry #2 "
        r"\([0-9T:.+-]+\): 1 entry before it \(#1\) missing \(deleted\)\n",
        said,
    ), said


def test_a_restore_is_reported_in_the_locale_language(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.db"
    assert main("backup", "--db", db, *AS_GRACE, "-o", str(copy), stdin="7391\n")[0] == 0
    restore = ("restore", "--db", db, *AS_GRACE, str(copy))
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main(*restore)[0] == 2
    assert capsys.readouterr().err == (
        f"{copy} 是完好的备份（1 位客户）；加上 --yes 即可用它替换 {db}（请先关闭服务台）\n"
    )
    code, out = main(*restore, "--yes", stdin="7391\n")
    assert code == 0
    [safety] = (tmp_path / "backups").glob("*before-restore*")
    assert out == f"已将 1 位客户恢复到 {db}；原先的数据库已保存到 {safety}\n"
    speak(monkeypatch, "zh_TW.UTF-8")
    assert main(*restore)[0] == 2
    assert capsys.readouterr().err == (
        f"{copy} 是完好的備份（1 位客戶）；加上 --yes 即可用它取代 {db}（請先關閉服務台）\n"
    )
    speak(monkeypatch, "C")
    assert main(*restore)[0] == 2
    assert capsys.readouterr().err == (
        f"{copy} is a sound backup (1 customers); add --yes to replace {db} with it "
        "(close the app first)\n"
    )
    code, out = main(*restore, "--yes", stdin="7391\n")
    assert code == 0
    assert re.fullmatch(
        rf"restored 1 customers into {re.escape(db)}; the previous database was saved to "
        rf"{re.escape(str(tmp_path / 'backups'))}/console-[0-9-]+-before-restore\.db\n",
        out,
    ), out


def test_a_restore_the_restored_database_refuses_says_nothing_was_restored(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.db"
    assert main("backup", "--db", db, *AS_GRACE, "-o", str(copy), stdin="7391\n")[0] == 0
    # A damaged database cannot say who may restore: the restored one does.
    for leftover in (Path(db + "-wal"), Path(db + "-shm")):
        leftover.unlink(missing_ok=True)
    whole = Path(db).read_bytes()  # the salt (first 16 bytes) finds its key; the rest is gone
    damaged = whole[:16] + bytes(len(whole) - 16)
    Path(db).write_bytes(damaged)
    restore = ("restore", "--db", db, "--as", "Nobody", str(copy), "--yes")
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main(*restore, stdin="7391\n")[0] == 1
    assert capsys.readouterr().err == "姓名和 PIN 码对不上任何账号。（未恢复任何内容）\n"
    assert not Path(db).exists()
    Path(db).write_bytes(damaged)
    speak(monkeypatch, "C")
    assert main(*restore, stdin="7391\n")[0] == 1
    assert capsys.readouterr().err == (
        "That name and PIN do not match an account. (nothing was restored)\n"
    )


def test_encrypt_says_a_short_passphrase_and_its_result_in_the_locale_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "console.db"
    with DatabaseRunner(plain) as r:
        add_customer(r, "Yu Hua")
    encrypt = ("encrypt", "--db", str(plain), "--passphrase-stdin")
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main(*encrypt, stdin="short\n")[0] == 1
    assert capsys.readouterr().err == "口令至少需要 10 个字符\n"
    speak(monkeypatch, "C")
    assert main(*encrypt, stdin="short\n")[0] == 1
    assert capsys.readouterr().err == "the passphrase needs at least 10 characters\n"
    speak(monkeypatch, "zh_TW.UTF-8")
    code, out = main(*encrypt, stdin="a long passphrase\n")
    assert code == 0
    assert re.fullmatch(
        rf"已用您的通關密語加密 {re.escape(str(plain))}（\d+ 個資料表，[\d,]+ 列）；"
        r"未加密的檔案已被覆寫並刪除\n",
        out,
    ), out


def test_encrypt_with_the_keychain_keeps_its_english_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "console.db"
    with DatabaseRunner(plain) as r:
        add_customer(r, "Yu Hua")
    speak(monkeypatch, "C")
    code, out = main("encrypt", "--db", str(plain))
    assert code == 0
    assert re.fullmatch(
        rf"encrypted {re.escape(str(plain))} \(\d+ tables, [\d,]+ rows\) with a key kept in "
        r"this computer's keychain; the plain file was overwritten and removed\n",
        out,
    ), out


def test_audit_verify_says_the_break_in_the_locale_language(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = str(tmp_path / "b.db")
    assert main("backup", "--db", db, *AS_GRACE, "-o", copy, stdin="7391\n")[0] == 0
    with runner_for(Path(db)) as r:  # entry #2 goes; #3 follows it
        r.call(lambda d: d.execute("DROP TRIGGER audit_no_delete"))
        r.call(lambda d: d.execute("DELETE FROM audit WHERE id = 2"))
    speak(monkeypatch, "zh_TW.UTF-8")
    assert main("audit", "verify", "--db", db)[0] == 1
    said = capsys.readouterr().err
    assert re.fullmatch(
        r"稽核紀錄在稽核條目 #3（[0-9T:.+-]+）處斷裂：它之前的 1 筆紀錄（#2）遺失（已被刪除）\n",
        said,
    ), said
    speak(monkeypatch, "C")
    assert main("audit", "verify", "--db", db)[0] == 1
    said = capsys.readouterr().err
    assert re.fullmatch(
        r"audit trail broken at audit entry #3 \([0-9T:.+-]+\): 1 entry before it \(#2\) "
        r"missing \(deleted\)\n",
        said,
    ), said

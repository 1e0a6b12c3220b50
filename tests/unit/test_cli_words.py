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


# --- phrasebooks, export, demo, search, lint, usage errors ---------------------------------

BOOK_CSV = (
    "kind,language,text,severity,replacements,reason,situation,exceptions\n"
    "approved,en,Certainly,,,,confirm_understanding,\n"
    "taboo,en,hey,warn,Hello|Good morning,Too casual for a guest.,,\n"
    "taboo,zh-Hans,这里就是这样的,block,我来想想办法,,,\n"
)


def test_phrasebook_import_and_export_summaries_in_the_locale_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from console.domain.phrasebook_io import read_phrasebook
    from console.services.phrasebooks import DEFAULT_PHRASEBOOK_FILE

    db = str(tmp_path / "console.db")
    book = tmp_path / "brand.csv"
    book.write_text(BOOK_CSV, encoding="utf-8")
    named = ("--db", db, "--name", "Brand")
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main("phrasebook", "import", *named, str(book)) == (
        0,
        "已向“Brand”（新话术库）导入 3 条：新增 3 条，修改 0 条，删除 0 条，0 条未变\n",
    )
    active = tmp_path / "active.json"
    assert main("phrasebook", "export", "--db", db, str(active)) == (0, "")
    shipped = len(read_phrasebook(DEFAULT_PHRASEBOOK_FILE))
    assert capsys.readouterr().err == f"已将当前话术库的 {shipped} 条导出到 {active}\n"
    speak(monkeypatch, "zh_TW.UTF-8")
    assert main("phrasebook", "import", *named, str(book)) == (
        0,
        "已向「Brand」匯入 3 筆：新增 0 筆，修改 0 筆，刪除 0 筆，3 筆未變\n",
    )
    copy = tmp_path / "copy.csv"
    assert main("phrasebook", "export", *named, str(copy)) == (0, "")
    assert capsys.readouterr().err == f"已將「Brand」的 3 筆匯出到 {copy}\n"
    speak(monkeypatch, "C")
    assert main("phrasebook", "import", *named, str(book)) == (
        0,
        'imported 3 entries into "Brand": 0 added, 0 changed, 0 removed, 3 unchanged\n',
    )
    assert main("phrasebook", "export", *named, str(copy)) == (0, "")
    assert main("phrasebook", "export", "--db", db, str(active)) == (0, "")
    assert capsys.readouterr().err == (
        f'exported 3 entries of "Brand" to {copy}\n'
        f"exported {shipped} entries of the active phrasebook to {active}\n"
    )


def test_export_summary_and_the_demo_refusal_in_the_locale_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from console.services.paths import resolve_db_path
    from tests.unit.conftest import run_cli

    real = tmp_path / "real.db"
    with runner_for(real) as r:
        add_customer(r, "Yu Hua")
    target = tmp_path / "out.csv"
    speak(monkeypatch, "zh_TW.UTF-8")
    assert run_cli("export", "customers", "--db", str(real), "-o", str(target)) == (0, "")
    assert capsys.readouterr().err == f"已將 1 位客戶匯出到 {target}\n"
    speak(monkeypatch, "C")
    assert run_cli("export", "customers", "--db", str(real), "-o", str(target)) == (0, "")
    assert capsys.readouterr().err == f"exported 1 customers to {target}\n"

    demo = tmp_path / "demo.db"
    speak(monkeypatch, "zh_CN.UTF-8")
    code, out = main("demo", "--db", str(demo), "--customers", "3", "--complaints", "2")
    assert code == 0
    assert out == (
        f"已向 {demo} 添加 3 位客户、{out.split('、')[1].split(' ')[0]} 次到店和 "
        f"{out.split('和 ')[1].split(' ')[0]} 笔消费\n"
        "这些都是虚构的，因此该文件已标记为演示数据库（导出会拒绝它）；"
        f"打开方式：service-console --demo --db {demo}\n"
        "已添加 2 条投诉\n"
    )
    code, out = main("demo", "--db", str(demo), "--customers", "3")
    assert (code, out) == (
        0,
        f"{demo} 是演示数据库，已有 3 位虚构客户；打开方式：service-console --demo --db {demo}\n",
    )
    capsys.readouterr()
    assert run_cli("export", "customers", "--db", str(demo))[0] == 1
    real_default = resolve_db_path(None)
    assert capsys.readouterr().err == (
        f"{demo} 是虚构客户的演示数据库，因此未导出任何内容；"
        f"请改从 {real_default} 导出您的真实客户。\n"
    )
    speak(monkeypatch, "C")
    code, out = main("demo", "--db", str(demo), "--customers", "3")
    assert out == (
        f"{demo} is the demo database and already holds 3 made-up customers; open it with: "
        f"service-console --demo --db {demo}\n"
    )
    assert run_cli("export", "customers", "--db", str(demo))[0] == 1
    assert capsys.readouterr().err == (
        f"{demo} is a demo database of made-up customers, so nothing was exported; export "
        f"your real customers from {real_default} instead.\n"
    )
    fresh = tmp_path / "fresh.db"
    code, out = main("demo", "--db", str(fresh), "--customers", "2")
    assert re.fullmatch(
        rf"added 2 customers, \d+ visits and \d+ purchases to {re.escape(str(fresh))}\n"
        r"they are made up, so the file is marked as a demo database \(export refuses it\); "
        rf"open it with: service-console --demo --db {re.escape(str(fresh))}\n",
        out,
    ), out


def test_search_lint_and_usage_errors_in_the_locale_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "console.db")
    book = tmp_path / "brand.csv"
    book.write_text(BOOK_CSV, encoding="utf-8")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    cases = [
        (("search", "--db", db, "nobody"), "", 0, "没有找到客户\n", "no customer found\n"),
        (
            ("search", "--db", db, "--jsonl"),
            "42\n",
            1,
            "第 1 行：不是 JSON 字符串\n",
            "line 1: not a JSON string\n",
        ),
        (
            ("search", "--db", db),
            "",
            2,
            "service-console: 请给出 QUERY（或用 --jsonl 从标准输入读取查询）\n",
            "service-console: give a QUERY (or --jsonl to read queries from stdin)\n",
        ),
        (
            ("settings",),
            "",
            2,
            "service-console: 请说明要做什么：settings list、get、set 或 reset\n",
            "service-console: say what to do: settings list, get, set or reset\n",
        ),
        (
            ("phrasebook", "export", "--db", db, str(tmp_path / "book")),
            "",
            2,
            f"service-console: '{tmp_path / 'book'}' 没有扩展名；请用 .csv 或 .json；"
            "或者指定 --format csv|json\n",
            f"service-console: '{tmp_path / 'book'}' has no extension; use .csv or .json; or "
            "say --format csv|json\n",
        ),
        (
            ("lint", "--phrasebook", str(book), "--jsonl"),
            "[1]\n",
            2,
            "service-console: 标准输入第 1 行：不是 JSON 字符串\n",
            "service-console: stdin line 1: not a JSON string\n",
        ),
        (
            ("lint", "--phrasebook", str(folder), "hey"),
            "",
            2,
            f"无法读取 {folder}：Is a directory\n",
            f"{folder} cannot be read: Is a directory\n",
        ),
        (
            ("lint", "--phrasebook", str(tmp_path), "hey"),
            "",
            2,
            f"{tmp_path}: '{tmp_path}' 没有扩展名；请用 .csv 或 .json\n",
            f"{tmp_path}: '{tmp_path}' has no extension; use .csv or .json\n",
        ),
        (
            ("search", "a\x00b"),
            "",
            2,
            "service-console: 第 2 个参数含有 NUL 字符，文件名和文本都不能含有它\n",
            "service-console: argument 2 holds a NUL character, which no file name or text may\n",
        ),
    ]
    for argv, stdin, code, chinese, english in cases:
        speak(monkeypatch, "zh_CN.UTF-8")
        assert main(*argv, stdin=stdin)[0] == code, argv
        assert capsys.readouterr().err == chinese, argv
        speak(monkeypatch, "C")
        assert main(*argv, stdin=stdin)[0] == code, argv
        assert capsys.readouterr().err == english, argv


def test_a_file_the_system_refuses_is_one_sentence_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    full = OSError(errno.ENOSPC, "No space left on device", "/data/out.csv")
    no_name = OSError(errno.ENOSPC, "No space left on device")
    denied = OSError(errno.EACCES, "Permission denied", "/data/out.csv")
    unnamed = OSError(errno.EACCES, "Permission denied")
    speak(monkeypatch, "zh_CN.UTF-8")
    assert [cli._os_error(e) for e in (full, no_name, denied, unnamed)] == [
        "磁盘已满：/data/out.csv 没有完整写入；请腾出空间后重试",
        "磁盘已满：输出没有完整写入；请腾出空间后重试",
        "无法使用 /data/out.csv：Permission denied",
        "有个文件无法使用：Permission denied",
    ]
    speak(monkeypatch, "zh_TW.UTF-8")
    assert cli._os_error(full) == "磁碟已滿：/data/out.csv 沒有完整寫入；請騰出空間後重試"
    speak(monkeypatch, "C")
    assert [cli._os_error(e) for e in (full, no_name, denied, unnamed)] == [
        "the disk is full: /data/out.csv was not completely written; free some space and try again",
        "the disk is full: the output was not completely written; free some space and try again",
        "/data/out.csv could not be used: Permission denied",
        "a file could not be used: Permission denied",
    ]


# --- argparse's own words ---------------------------------------------------------------------

USAGE_ERRORS = [
    (
        ("import", "customers"),
        "service-console import customers：缺少以下参数：--as, FILE.csv"
        "（请看 service-console import customers --help）\n",
        "service-console import customers: the following arguments are required: --as, "
        "FILE.csv (see service-console import customers --help)\n",
    ),
    (
        ("export", "customers", "--format", "xml"),
        "service-console export customers：参数 --format：无效的选择：'xml'（可选：'csv', "
        "'json'）（请看 service-console export customers --help）\n",
        "service-console export customers: argument --format: invalid choice: 'xml' (choose "
        "from 'csv', 'json') (see service-console export customers --help)\n",
    ),
    (
        ("search", "--bogus", "q"),
        "service-console：无法识别的参数：--bogus（请看 service-console --help）\n",
        "service-console: unrecognized arguments: --bogus (see service-console --help)\n",
    ),
    (
        ("search", "--limit", "x"),
        "service-console search：参数 --limit：'x' 不是上限"
        "（请看 service-console search --help）\n",
        "service-console search: argument --limit: 'x' is not a limit (see service-console "
        "search --help)\n",
    ),
    (
        ("search", "--limit"),
        "service-console search：参数 --limit：需要一个值（请看 service-console search --help）\n",
        "service-console search: argument --limit: expected one argument (see "
        "service-console search --help)\n",
    ),
    (
        ("demo", "--customers", "0"),
        "service-console demo：参数 --customers：客户数量必须在 1 到 10,000,000 之间"
        "（请看 service-console demo --help）\n",
        "service-console demo: argument --customers: a number of customers must be from 1 to "
        "10,000,000 (see service-console demo --help)\n",
    ),
    (
        ("lint", "--json", "--jsonl"),
        "service-console lint：参数 --jsonl：不能与参数 --json 同时使用"
        "（请看 service-console lint --help）\n",
        "service-console lint: argument --jsonl: not allowed with argument --json (see "
        "service-console lint --help)\n",
    ),
    (
        ("report", "complaints", "--from", "2026-13-01"),
        "service-console report complaints：参数 --from：'2026-13-01' 不是 2026-11-28 这样的"
        "日期（YYYY-MM-DD）（请看 service-console report complaints --help）\n",
        "service-console report complaints: argument --from: '2026-13-01' is not a date like "
        "2026-11-28 (YYYY-MM-DD) (see service-console report complaints --help)\n",
    ),
]


@pytest.mark.parametrize(("argv", "chinese", "english"), USAGE_ERRORS)
def test_argparse_usage_errors_in_the_locale_language(
    argv: tuple[str, ...],
    chinese: str,
    english: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main(*argv) == (2, "")
    assert capsys.readouterr() == ("", chinese)
    speak(monkeypatch, "C")
    assert main(*argv) == (2, "")
    assert capsys.readouterr() == ("", english)


def test_argparse_usage_errors_in_traditional_chinese(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    speak(monkeypatch, "zh_TW.UTF-8")
    assert main("export", "customers", "--format", "xml")[0] == 2
    assert capsys.readouterr().err == (
        "service-console export customers：參數 --format：無效的選擇：'xml'（可選：'csv', "
        "'json'）（請看 service-console export customers --help）\n"
    )
    assert main("staff", "add", "--as", " ")[0] == 2
    assert capsys.readouterr().err == (
        "service-console staff add：參數 --as：請給出您登入時用的姓名"
        "（請看 service-console staff add --help）\n"
    )


def test_help_is_framed_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main("backup", "--help") == (0, "")
    shown = capsys.readouterr().out
    assert shown.startswith("用法：service-console backup [-h]"), shown
    assert "\n选项:\n  -h, --help            显示此帮助信息并退出\n" in shown
    assert main("lint", "--help")[0] == 0
    assert "\n位置参数:\n  TEXT" in capsys.readouterr().out
    speak(monkeypatch, "zh_TW.UTF-8")
    assert main("backup", "--help")[0] == 0
    shown = capsys.readouterr().out
    assert shown.startswith("用法：service-console backup [-h]"), shown
    assert "\n選項:\n  -h, --help            顯示此說明訊息並結束\n" in shown
    speak(monkeypatch, "C")
    assert main("backup", "--help")[0] == 0
    shown = capsys.readouterr().out
    assert shown.startswith("usage: service-console backup [-h]"), shown
    assert "\noptions:\n  -h, --help            show this help message and exit\n" in shown
    assert main("lint", "--help")[0] == 0
    assert "\npositional arguments:\n  TEXT" in capsys.readouterr().out


@pytest.mark.parametrize(
    "english",
    [
        "the following arguments are required: --as, FILE.csv",
        "one of the arguments --a --b is required",
        "unrecognized arguments: --bogus x",
        "argument --format: invalid choice: 'xml' (choose from 'csv', 'json')",
        "argument N: invalid integer value: 'x'",
        "argument --limit: expected one argument",
        "argument --x: expected at most one argument",
        "argument --x: expected at least one argument",
        "argument --x: expected 1 argument",
        "argument --x: expected 3 arguments",
        "argument --jsonl: not allowed with argument --json",
        "argument --x: ignored explicit argument 'y'",
        "ambiguous option: --li could match --limit, --lines",
        "argument --limit: 'x' is not a limit",
    ],
)
def test_argparse_errors_read_back_into_codes_give_the_same_english(english: str) -> None:
    from console.cli_args import argparse_message
    from console.domain import messages as m
    from console.services.wording import say

    said = argparse_message(english)
    assert str(said) == english
    if english.endswith("is not a limit"):  # our own sentence inside argparse's frame
        assert isinstance(said, m.ArgAbout) and said.problem == "'x' is not a limit"
    else:
        assert isinstance(said, m.Message)
        chinese = say(said, "zh_CN")
        assert re.search("[\u4e00-\u9fff]", chinese), chinese
        assert not re.search(r"\b(argument|arguments|expected|invalid|choice|option)\b", chinese)


# --- staff, audit, customer, calls ------------------------------------------------------------


def test_staff_audit_and_customer_lines_in_the_locale_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for locale, said in [
        (
            "zh_CN.UTF-8",
            [
                "已添加管理员 Grace（#1）\n",
                "service-console: 已经有账号了：请加上 --as NAME（一位管理员）\n",
                "service-console: 标准输入中应当有Grace 的 PIN 码\n",
                "已添加客服 Li（#2）\n",
                "审计记录完整：",
                "service-console: 清除后无法撤销：请加上 --yes\n",
                "service-console: 请说明要做什么：staff add 或 staff list\n",
                "还没有通话记录\n",
            ],
        ),
        (
            "C",
            [
                "added admin Grace (#1)\n",
                "service-console: accounts exist already: add --as NAME (an admin)\n",
                "service-console: PIN for Grace was expected on stdin\n",
                "added agent Li (#2)\n",
                "audit trail intact: ",
                "service-console: erasing cannot be undone: add --yes\n",
                "service-console: say what to do: staff add or staff list\n",
                "no calls logged yet\n",
            ],
        ),
    ]:
        speak(monkeypatch, locale)
        db = str(tmp_path / f"{locale}.db")
        add = ("staff", "add", "--db", db)
        assert main(*add, "--name", "Grace", "--role", "admin", stdin="7391\n") == (0, said[0])
        assert main(*add, "--name", "Li", "--role", "agent", stdin="1234\n")[0] == 2
        assert capsys.readouterr().err == said[1]
        assert main(*add, "--name", "Li", "--role", "agent", "--as", "Grace")[0] == 2
        assert capsys.readouterr().err == said[2]
        li = (*add, "--name", "Li", "--role", "agent", "--as", "Grace")
        assert main(*li, stdin="7391\n4682\n") == (0, said[3])
        code, out = main("audit", "verify", "--db", db)
        assert code == 0 and out.startswith(said[4]), out
        erase = ("customer", "erase", "3", "--reason", "asked", "--as", "Grace", "--db", db)
        assert main(*erase, stdin="7391\n")[0] == 2
        assert capsys.readouterr().err == said[5]
        assert main("--db", db, "staff")[0] == 2
        assert capsys.readouterr().err == said[6]
        assert main("calls", "--db", db)[0] == 0
        assert capsys.readouterr().err == said[7]


def test_audit_verify_intact_in_traditional_chinese(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    speak(monkeypatch, "zh_TW.UTF-8")
    code, out = main("audit", "verify", "--db", db)
    assert code == 0
    assert re.fullmatch(
        r"稽核紀錄完整：1 筆（最新 #1，雜湊值 [0-9a-f]{16}）；登入嘗試紀錄完整：0 筆\n", out
    ), out


# --- call tests, settings, complaints -----------------------------------------------------------


def test_cti_test_lines_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from console.services.secrets import CTI_TOKEN_ENV
    from tests.unit.test_cli_calls import TOKEN, _free_port

    monkeypatch.setenv(CTI_TOKEN_ENV, TOKEN)
    port = str(_free_port())
    url = re.escape(f"http://127.0.0.1:{port}/cti/…")
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main("cti-test", "--port", port, "--from", "13812345678")[0] == 1
    said = capsys.readouterr().err
    assert re.fullmatch(
        rf"{url} 上没有服务台在监听（.+）；它是否在运行，端口是否正确（--port，或应用的 "
        r"--cti-port）？\n",
        said,
    ), said
    assert main("cti-test", "--port", port, "--from", " ")[0] == 2
    assert capsys.readouterr().err == "service-console: --from 需要一个电话号码\n"
    speak(monkeypatch, "C")
    assert main("cti-test", "--port", port, "--from", "13812345678")[0] == 1
    said = capsys.readouterr().err
    assert re.fullmatch(
        rf"no console is listening at {url} \(.+\); is it running, and on this port "
        r"\(--port, or the app's --cti-port\)\?\n",
        said,
    ), said
    monkeypatch.delenv(CTI_TOKEN_ENV)
    import keyring

    keyring.delete_password("service-console", "cti-token")
    speak(monkeypatch, "zh_TW.UTF-8")
    assert main("cti-test", "--port", port, "--from", "13812345678")[0] == 1
    assert capsys.readouterr().err == (
        f"還沒有來電事件權杖：請先啟動一次服務台（它會產生權杖），或設定 {CTI_TOKEN_ENV}\n"
    )


def test_a_setting_change_is_reported_in_the_locale_language(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    speak(monkeypatch, "zh_CN.UTF-8")
    change = ("settings", "set", "cti_port", "9000", "--db", db, "--as", "Grace")
    assert main(*change, stdin="7391\n") == (0, "cti_port = 9000；原为 8735\n")
    back = ("settings", "reset", "cti_port", "--db", db, "--as", "Grace")
    assert main(*back, stdin="7391\n") == (0, "cti_port = 8735（默认值）；原为 9000\n")
    speak(monkeypatch, "C")
    assert main(*change, stdin="7391\n") == (0, "cti_port = 9000; was 8735\n")
    assert main(*back, stdin="7391\n") == (0, "cti_port = 8735 (the default); was 9000\n")


def test_the_complaints_report_and_its_usage_errors_in_the_locale_language(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = ("report", "complaints", "--db", db, "--from", "2026-01-01", "--to", "2026-01-31")
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main(*report) == (
        0,
        "投诉 2026-01-01 至 2026-01-31\n收到：0\n按类别：-\n按状态：-\n"
        "首次回复时间中位数：- 分钟；解决时间中位数：- 小时\n按时兑现的承诺：0/0（-）\n"
        "7 天内回访：0/0（-）\n回访时不满意：0/0（-）\n"
        "重复投诉的客户：0；产品反馈：0；培训反馈：0\n",
    )
    assert main("complaints", "list", "--db", db, "--overdue", "--status", "resolved")[0] == 2
    assert capsys.readouterr().err == (
        "service-console: --overdue 只列出未结的投诉；--status resolved 不是未结状态\n"
    )
    speak(monkeypatch, "zh_TW.UTF-8")
    backwards = ("report", "complaints", "--db", db, "--from", "2026-03-02", "--to", "2026-03-01")
    assert main(*backwards)[0] == 2
    assert capsys.readouterr().err == "service-console: --from 不能晚於 --to\n"
    assert main(*report)[1].startswith("客訴 2026-01-01 至 2026-01-31\n收到：0\n依類別：-\n")
    speak(monkeypatch, "C")
    assert main(*report) == (
        0,
        "complaints 2026-01-01 to 2026-01-31\nreceived: 0\nby category: -\nby status: -\n"
        "median first response: - min; median resolution: - h\npromises kept on time: 0/0 (-)\n"
        "follow-ups within 7 days: 0/0 (-)\ndissatisfied at follow-up: 0/0 (-)\n"
        "repeat complainers: 0; product feedback: 0; training feedback: 0\n",
    )
    assert main(*backwards)[0] == 2
    assert capsys.readouterr().err == "service-console: --from must not be after --to\n"
    assert main("complaints", "list", "--db", db, "--overdue", "--status", "resolved")[0] == 2
    assert capsys.readouterr().err == (
        "service-console: --overdue lists open complaints; --status resolved is not open\n"
    )


def test_console_server_commands_say_their_lines_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from console.services.secrets import DEVICE_TOKEN_ENV
    from console.services.server_client import SERVER_ENV

    monkeypatch.delenv(SERVER_ENV, raising=False)
    monkeypatch.delenv(DEVICE_TOKEN_ENV, raising=False)
    url = "https://example.test:8740"
    listing = ("consoles", "list", "--as", "Grace", "--server", url)
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main("consoles")[0] == 2
    assert capsys.readouterr().err == (
        "service-console: 请说明要做什么：consoles list 或 consoles revoke ID\n"
    )
    assert main("enrol", "ABC")[0] == 2
    assert capsys.readouterr().err == (
        f"service-console: 请说明是哪台服务器：--server https://HOST:8740（或设置 {SERVER_ENV}）\n"
    )
    assert main(*listing)[0] == 1
    assert capsys.readouterr().err == (
        f"service-console: 这台服务台尚未在 {url} 注册：请运行“service-console enrol --server "
        f"{url} CODE”（或设置 {DEVICE_TOKEN_ENV}）\n"
    )
    speak(monkeypatch, "zh_TW.UTF-8")
    assert main("server")[0] == 2
    assert capsys.readouterr().err == (
        "service-console: 請說明要做什麼：server init、server enrol-code 或 server grant\n"
    )
    speak(monkeypatch, "C")
    assert main("consoles")[0] == 2
    assert capsys.readouterr().err == (
        "service-console: say what to do: consoles list or consoles revoke ID\n"
    )
    assert main("server")[0] == 2
    assert capsys.readouterr().err == (
        "service-console: say what to do: server init, server enrol-code or server grant\n"
    )
    assert main("enrol", "ABC")[0] == 2
    assert capsys.readouterr().err == (
        f"service-console: say which server: --server https://HOST:8740 (or set {SERVER_ENV})\n"
    )
    assert main(*listing)[0] == 1
    assert capsys.readouterr().err == (
        f"service-console: this console is not enrolled with {url}: run 'service-console "
        f"enrol --server {url} CODE' (or set {DEVICE_TOKEN_ENV})\n"
    )


# --- the keychain -------------------------------------------------------------------------------

NO_KEYCHAIN_EN = (
    "no safe keychain is available on this computer (keyring backend: "
    "keyring.backends.fail.Keyring); a headless Linux machine needs a Secret Service such as "
    "GNOME Keyring or KWallet"
)
NO_KEYCHAIN_CN = (
    "这台电脑没有可用的安全密码钥匙串（钥匙串后端：keyring.backends.fail.Keyring）；"
    "没有图形界面的 Linux 电脑需要 Secret Service，例如 GNOME Keyring 或 KWallet"
)


def test_keychain_problems_are_said_in_the_locale_language(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring
    import keyring.backends.fail

    from console.services import secrets

    speak(monkeypatch, "zh_TW.UTF-8")  # a keychain key, and a passphrase given as well
    monkeypatch.setenv("SERVICE_CONSOLE_DB_PASSPHRASE", "a long passphrase")
    assert main("search", "--db", db, "Yu")[0] == 1
    assert capsys.readouterr().err == (
        f"{db} 是用這台電腦的密碼鑰匙圈加密的，不是通關密語；請取消設定 "
        "SERVICE_CONSOLE_DB_PASSPHRASE\n"
    )
    speak(monkeypatch, "C")
    assert main("search", "--db", db, "Yu")[0] == 1
    assert capsys.readouterr().err == (
        f"{db} is locked with this computer's keychain, not a passphrase; unset "
        "SERVICE_CONSOLE_DB_PASSPHRASE\n"
    )
    monkeypatch.delenv("SERVICE_CONSOLE_DB_PASSPHRASE")
    monkeypatch.setattr(secrets.keyring, "get_keyring", keyring.backends.fail.Keyring)
    monkeypatch.delenv(secrets.CTI_TOKEN_ENV, raising=False)
    fresh = str(tmp_path / "fresh.db")
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main("search", "--db", fresh, "Yu")[0] == 1
    assert capsys.readouterr().err == (
        f"{NO_KEYCHAIN_CN}。数据库已加密，因此需要改用口令：窗口会询问口令，"
        "脚本请设置 SERVICE_CONSOLE_DB_PASSPHRASE\n"
    )
    assert main("cti-test", "--port", "1", "--from", "13812345678")[0] == 1
    assert capsys.readouterr().err == (
        f"{NO_KEYCHAIN_CN}；请改为把 {secrets.CTI_TOKEN_ENV} 设置成一个较长的随机令牌\n"
    )
    speak(monkeypatch, "C")
    assert main("search", "--db", fresh, "Yu")[0] == 1
    assert capsys.readouterr().err == (
        f"{NO_KEYCHAIN_EN}. The database is encrypted, so it needs a passphrase instead: the "
        "window asks for one, scripts set SERVICE_CONSOLE_DB_PASSPHRASE\n"
    )
    assert main("cti-test", "--port", "1", "--from", "13812345678")[0] == 1
    assert capsys.readouterr().err == (
        f"{NO_KEYCHAIN_EN}; set {secrets.CTI_TOKEN_ENV} to a long random token instead\n"
    )


# --- listings: the fixed words in a row; the data stays as it is --------------------------


def test_listings_say_their_fixed_words_in_the_locale_language(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ("staff", "add", "--db", db, "--name", "Li", "--role", "agent", *AS_GRACE)
    assert main(*add, stdin="7391\n4682\n")[0] == 0
    with runner_for(Path(db)) as r:
        r.call(lambda d: d.execute("UPDATE staff SET active = 0 WHERE name = 'Li'"))
    book = tmp_path / "book.csv"
    book.write_text(BOOK_CSV.replace("hey,warn,Hello|Good morning", "hey,warn,"), "utf-8")
    runs = {
        "search": ("search", "--db", db, "Yu"),
        "staff": ("staff", "list", "--db", db, *AS_GRACE),
        "audit": ("audit", "--db", db, *AS_GRACE),
        "settings": ("settings", "list", "--db", db),
        "lint": ("lint", "--phrasebook", str(book), "hey there"),
    }
    said: dict[str, dict[str, str]] = {}
    for locale in ("zh_CN.UTF-8", "zh_TW.UTF-8", "C"):
        speak(monkeypatch, locale)
        said[locale] = {name: main(*argv, stdin="7391\n")[1] for name, argv in runs.items()}
    capsys.readouterr()
    cn, tw, en = said["zh_CN.UTF-8"], said["zh_TW.UTF-8"], said["C"]
    assert en["search"].endswith("\tlast never\n") and cn["search"].endswith("\t从未到店\n")
    assert tw["search"].endswith("\t從未到店\n")
    assert en["search"].split("\t")[:-1] == cn["search"].split("\t")[:-1]
    assert en["staff"].endswith("#2\tLi\tagent\t\t\t(switched off)\n")
    assert cn["staff"].endswith("\t（已停用）\n") and tw["staff"].endswith("\t（已停用）\n")
    assert "\tGrace\tcreate\tstaff #2\n" in en["audit"], en["audit"]
    assert "\tGrace\tcreate\t员工 #2\n" in cn["audit"] and "\t員工 #2\n" in tw["audit"]
    assert "\tThe store's name, as visits and complaints record it.\n" in en["settings"]
    assert "The store's name" not in cn["settings"] and "store_name\t" in cn["settings"]
    assert '"hey" → (no replacement)' in en["lint"], en["lint"]
    assert '"hey" → （无替换说法）' in cn["lint"] and '"hey" → （無替代說法）' in tw["lint"]


def test_call_console_and_countdown_words_in_the_locale_language() -> None:
    import datetime as dt

    from console.domain import messages as m
    from console.domain.complaint import countdown, countdown_message
    from console.services.wording import say

    assert say(m.CallOneOf(("#3", "#7")), "en") == "one of #3, #7"
    assert say(m.CallOneOf(("#3", "#7")), "zh_CN") == "可能是 #3、#7 之一"
    assert say(m.ConsoleEnrolledAt("2026-03-01"), "zh_TW") == "註冊於 2026-03-01"
    revoked = m.ConsoleRevokedAt("2026-03-02", "Grace")
    assert (say(revoked, "en"), say(revoked, "zh_CN")) == (
        "revoked 2026-03-02 by Grace",
        "已于 2026-03-02 被 Grace 撤销",
    )
    now = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    for minutes, english, chinese, traditional in [
        (80, "in 1 h 20 min", "1 小时 20 分钟后", "1 小時 20 分鐘後"),
        (-25, "overdue 25 min", "已超时 25 分钟", "已逾時 25 分鐘"),
        (60 * 24 * 3, "in 3 days", "3 天后", "3 天後"),
        (0, "in under a minute", "不到 1 分钟后", "不到 1 分鐘後"),
    ]:
        due = now + dt.timedelta(minutes=minutes)
        assert countdown(due, now) == say(countdown_message(due, now), "en") == english
        assert say(countdown_message(due, now), "zh_CN") == chinese
        assert say(countdown_message(due, now), "zh_TW") == traditional


def test_the_calls_list_says_one_of_in_the_locale_language(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.domain.calls import parse_event
    from console.services.calls import CallService
    from console.services.customers import CustomerService
    from console.services.settings import SettingsService

    with runner_for(Path(db)) as r:
        first = add_customer(r, "Chen Li", phones=["+8613812345678"])
        second = add_customer(r, "Chen Lin", phones=["+8613812345678"])
        calls = CallService(r, CustomerService(r, SettingsService(r)))
        event = {"event": "newCall", "callId": "a", "from": "+8613812345678", "direction": "in"}
        calls.handle_now(parse_event({k: [v] for k, v in event.items()}))
    rows = {}
    for locale in ("zh_CN.UTF-8", "zh_TW.UTF-8", "C"):
        speak(monkeypatch, locale)
        code, rows[locale] = main("calls", "--db", db)
        assert code == 0
    listed = re.search(r"\tone of #(\d+), #(\d+)\ta\n", rows["C"])  # in the matcher's order
    assert listed is not None, rows["C"]
    one, other = listed.groups()
    assert {int(one), int(other)} == {first, second}
    assert f"\t可能是 #{one}、#{other} 之一\ta\n" in rows["zh_CN.UTF-8"]
    assert f"\t可能是 #{one}、#{other} 之一\ta\n" in rows["zh_TW.UTF-8"]


# --- files that could not be written ------------------------------------------------------


def test_an_export_that_cannot_be_written_is_said_in_the_locale_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.conftest import run_cli

    real = tmp_path / "real.db"
    with runner_for(real) as r:
        add_customer(r, "Yu Hua")
    missing = tmp_path / "no such folder" / "out.csv"
    folder = tmp_path / "a folder"
    folder.mkdir()
    cases = [
        (
            missing,
            f"未写入 {missing}：文件夹不存在；那里原有的文件保持不变。\n",
            f"未寫入 {missing}：資料夾不存在；那裡原有的檔案保持不變。\n",
            f"{missing} was not written: the folder does not exist; any previous file there "
            "was left unchanged.\n",
        ),
        (
            folder,
            f"未写入 {folder}：那是文件夹或设备，不是文件；那里没有任何改动。\n",
            f"未寫入 {folder}：那是資料夾或裝置，不是檔案；那裡沒有任何變更。\n",
            f"{folder} was not written: it is a folder or a device, not a file; nothing there "
            "was changed.\n",
        ),
    ]
    for target, chinese, traditional, english in cases:
        for locale, said in (
            ("zh_CN.UTF-8", chinese),
            ("zh_TW.UTF-8", traditional),
            ("C", english),
        ):
            speak(monkeypatch, locale)
            export = ("export", "customers", "--db", str(real), "-o", str(target))
            assert run_cli(*export) == (1, ""), target
            assert capsys.readouterr().err == said


def test_a_write_failure_reads_the_same_in_english_as_before() -> None:
    import errno

    from console import files
    from console.domain import messages as m
    from console.services.wording import error_text

    for number in (errno.ENOSPC, errno.EROFS, errno.EIO):
        failed = files.write_failed(OSError(number, "Input/output error"), "/x/out.csv")
        assert error_text(failed, "en") == str(failed)
        assert str(m.write_failed(failed.path, failed.reason)) == str(failed)
    full = files.write_failed(OSError(errno.ENOSPC, "No space left"), "/x/out.csv")
    assert error_text(full, "zh_CN") == "未写入 /x/out.csv：磁盘已满；那里原有的文件保持不变。"
    assert error_text(full, "zh_TW") == "未寫入 /x/out.csv：磁碟已滿；那裡原有的檔案保持不變。"


def test_an_unknown_customer_is_said_in_the_locale_language(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    export = ("customer", "export", "99", "--db", db, *AS_GRACE)
    erase = ("customer", "erase", "99", "--reason", "asked", "--yes", "--db", db, *AS_GRACE)
    for locale, said in [
        ("zh_CN.UTF-8", "没有 #99 号客户\n"),
        ("zh_TW.UTF-8", "沒有 #99 號客戶\n"),
        ("C", "no customer #99\n"),
    ]:
        speak(monkeypatch, locale)
        for argv in (export, erase):
            assert main(*argv, stdin="7391\n") == (1, ""), argv
            assert capsys.readouterr().err == said, argv


# --- the console server: starting it and reaching it ----------------------------------------


def test_serve_and_server_address_refusals_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = "postgresql://nobody@127.0.0.1:1/none"
    cases = [
        (
            ("serve", "--database", nowhere, "--listen", "0.0.0.0:8740"),
            1,
            "service-console: 在 0.0.0.0 上监听需要 TLS：请给出 --tls-cert 和 --tls-key"
            "（只有 127.0.0.1、::1 或 localhost 可以用不加密的 HTTP）\n",
            "service-console: 在 0.0.0.0 上監聽需要 TLS：請提供 --tls-cert 和 --tls-key"
            "（只有 127.0.0.1、::1 或 localhost 可以用不加密的 HTTP）\n",
            "service-console: listening on 0.0.0.0 needs TLS: give --tls-cert and --tls-key "
            "(plain HTTP only on 127.0.0.1, ::1 or localhost)\n",
        ),
        (
            ("serve", "--database", nowhere, "--listen", "127.0.0.1:99999"),
            1,
            "service-console: --listen '127.0.0.1:99999'：端口必须在 1 到 65535 之间\n",
            "service-console: --listen '127.0.0.1:99999'：連接埠必須在 1 到 65535 之間\n",
            "service-console: --listen '127.0.0.1:99999': the port must be from 1 to 65535\n",
        ),
        (
            ("server", "init", "--database", "mysql://x", "--admin", "Mei"),
            2,
            "service-console: --database 必须是 PostgreSQL 地址：postgresql://…\n",
            "service-console: --database 必須是 PostgreSQL 位址：postgresql://…\n",
            "service-console: --database must be a PostgreSQL address: postgresql://…\n",
        ),
        (
            ("enrol", "--server", "ftp://x", "AAAA"),
            2,
            "service-console: 'ftp://x' 不是服务器地址（例如 https://console-server:8740）\n",
            "service-console: 'ftp://x' 不是伺服器位址（例如 https://console-server:8740）\n",
            "service-console: 'ftp://x' is not a server address like https://console-server:8740\n",
        ),
        (
            ("search", "--server", "http://10.0.0.1", "Yu"),
            2,
            "service-console: 'http://10.0.0.1'：其他电脑上的服务器只能用 https:// 连接"
            "（PIN 码和令牌绝不以明文经过网络）\n",
            "service-console: 'http://10.0.0.1'：其他電腦上的伺服器只能用 https:// 連線"
            "（PIN 碼和權杖絕不以明文經過網路）\n",
            "service-console: 'http://10.0.0.1': a server on another computer is reached with "
            "https:// only (PINs and tokens never cross a network in clear)\n",
        ),
    ]
    for argv, code, chinese, traditional, english in cases:
        for locale, said in (
            ("zh_CN.UTF-8", chinese),
            ("zh_TW.UTF-8", traditional),
            ("C", english),
        ):
            speak(monkeypatch, locale)
            assert main(*argv)[0] == code, argv
            assert capsys.readouterr().err == said, argv


def test_an_unreachable_server_is_said_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("enrol", "--server", "http://127.0.0.1:1", "AAAA")
    for locale, start in [
        ("zh_CN.UTF-8", "无法连接到 http://127.0.0.1:1 的服务台服务器（"),
        ("zh_TW.UTF-8", "無法連線到 http://127.0.0.1:1 的服務台伺服器（"),
        ("C", "the console server at http://127.0.0.1:1 cannot be reached ("),
    ]:
        speak(monkeypatch, locale)
        assert main(*argv)[0] == 1
        assert capsys.readouterr().err.startswith(start)


def test_the_servers_refusals_are_read_back_into_codes() -> None:
    from console.domain import protocol
    from console.services.server_client import ServerRefused
    from console.services.wording import error_text

    app = protocol.PROTOCOL  # the app's version, as a newer server's refusal names it
    known = [
        (
            protocol.CODE_REFUSED,
            "this enrolment code is unknown, used or expired; make a new one on the server "
            "with: service-console server enrol-code",
            "zh_CN",
            "这个注册代码无效、已用过或已过期；请在服务器上生成新的代码：service-console server "
            "enrol-code",
        ),
        (
            protocol.CONSOLE_REVOKED,
            "this console was revoked by an admin; enrol it again with a new code",
            "zh_TW",
            "這台服務台已被管理員撤銷；請用新的代碼重新註冊",
        ),
        (
            protocol.UPDATE_APP,
            f"this server speaks protocol {app + 1}–{app + 2} and the app {app}: update the "
            "server, or use the app it goes with",
            "zh_CN",
            f"这台服务器支持协议 {app + 1}–{app + 2}，而应用使用 {app}："
            "请更新服务器，或使用与它配套的应用",
        ),
        (protocol.NO_SUCH_CONSOLE, "there is no console #7", "zh_CN", "没有服务台 #7"),
        (
            protocol.NOT_ALLOWED,
            "an agent may not export (ask: manager, admin)",
            "zh_CN",
            "客服无权导出（请找：经理、管理员）",
        ),
        (
            protocol.SESSION_REQUIRED,
            "sign in first (or again: the session ended)",
            "zh_TW",
            "請先登入（或重新登入：工作階段已結束）",
        ),
    ]
    for code, english, language, said in known:
        refused = ServerRefused(401, code, english)
        assert str(refused) == error_text(refused, "en") == english
        assert error_text(refused, language) == said
    # An unknown code, or a known one with other words (a newer server): its English as it is.
    for code, english in [("made_up", "no idea"), (protocol.CONSOLE_REVOKED, "gone for good")]:
        refused = ServerRefused(401, code, english)
        assert error_text(refused, "zh_CN") == english
        assert not hasattr(refused, "message")


# --- the database: why it cannot be opened -------------------------------------------------


def test_a_database_that_cannot_be_opened_is_said_in_the_locale_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database " * 100)
    missing = tmp_path / "missing.db"
    cases = [
        (
            ("search", "--db", str(folder), "Yu"),
            f"{folder} 是文件夹，不是数据库文件\n",
            f"{folder} 是資料夾，不是資料庫檔案\n",
            f"{folder} is a folder, not a database file\n",
        ),
        (
            ("calls", "--db", str(junk)),
            f"{junk} 不是 Service Console 数据库（不是 SQLite 文件）；文件保持原样\n",
            f"{junk} 不是 Service Console 資料庫（不是 SQLite 檔案）；檔案保持原樣\n",
            f"{junk} is not a Service Console database (not an SQLite file); it was left "
            "untouched\n",
        ),
        (
            ("encrypt", "--db", str(missing)),
            f"{missing} 不存在\n",
            f"{missing} 不存在\n",
            f"{missing} does not exist\n",
        ),
    ]
    for argv, chinese, traditional, english in cases:
        for locale, said in (
            ("zh_CN.UTF-8", chinese),
            ("zh_TW.UTF-8", traditional),
            ("C", english),
        ):
            speak(monkeypatch, locale)
            assert main(*argv, stdin="a long passphrase\na long passphrase\n")[0] == 1, argv
            assert capsys.readouterr().err == said, argv


def test_storage_refusals_keep_their_english_and_read_in_chinese() -> None:
    from console.domain import messages as m
    from console.services.wording import error_text
    from console.storage.postgres.store import DatabaseUnreachable
    from console.storage.sqlite import database

    damaged = database.damaged("/x/console.db")
    assert (
        str(damaged)
        == error_text(damaged, "en")
        == (
            "/x/console.db is damaged (its pages do not check out); restore the latest good backup "
            "with `service-console restore FILE`"
        )
    )
    assert error_text(damaged, "zh_CN") == (
        "/x/console.db 已损坏（它的页面校验不通过）；请用 `service-console restore FILE` "
        "恢复最近一次完好的备份"
    )
    locked = database.locked("/x/console.db")
    assert error_text(locked, "zh_TW").startswith("/x/console.db 正在使用中：另一個程式正在寫入")
    assert str(locked) == error_text(locked, "en")
    gone = DatabaseUnreachable(m.PgUnreachable("db.example:5432/console"))
    assert str(gone) == "the database at db.example:5432/console cannot be reached; try again"
    assert error_text(gone, "zh_CN") == "无法连接到 db.example:5432/console 的数据库；请重试"


def test_a_customer_export_that_cannot_be_written_is_said_in_the_locale_language(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    export = ("customer", "export", "1", "--db", db, "-o", str(folder), *AS_GRACE)
    for locale, said in [
        ("zh_CN.UTF-8", f"未写入 {folder}：那是文件夹或设备，不是文件；那里没有任何改动。"),
        ("zh_TW.UTF-8", f"未寫入 {folder}：那是資料夾或裝置，不是檔案；那裡沒有任何變更。"),
        (
            "C",
            f"{folder} was not written: it is a folder or a device, not a file; nothing there "
            "was changed.",
        ),
    ]:
        speak(monkeypatch, locale)
        assert main(*export, stdin="7391\n")[0] == 1
        err = capsys.readouterr().err
        assert err.endswith(said + "\n"), err
        assert said in err and "was not written" not in err.replace(said, ""), err
    assert err == f"a file could not be used: {said}\n"  # the English as before


def test_encrypt_without_a_keychain_is_said_in_the_locale_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring.backends.fail

    from console.services import secrets

    plain = tmp_path / "console.db"
    with DatabaseRunner(plain) as r:
        add_customer(r, "Yu Hua")
    monkeypatch.setattr(secrets.keyring, "get_keyring", keyring.backends.fail.Keyring)
    for locale, said in [
        ("zh_CN.UTF-8", f"{NO_KEYCHAIN_CN}；请改用口令加密\n"),
        ("C", f"{NO_KEYCHAIN_EN}; encrypt with a passphrase instead\n"),
    ]:
        speak(monkeypatch, locale)
        assert main("encrypt", "--db", str(plain))[0] == 1
        assert capsys.readouterr().err == said

"""Message codes: every code translated in zh_CN and zh_TW with its placeholders, the
command line's catalogue reader, and the command line speaking the locale's language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from console import cli
from console.domain import messages as m
from console.domain.roles import NotAllowed, Permission, Role
from console.services import wording
from console.ui.i18n import TS_DIR, TS_PREFIX, compile_translations

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
TRANSLATED = ["zh_CN", "zh_TW"]


def catalogue_texts() -> list[str]:
    """Every English text a message can be made of: the codes' templates and the words."""
    texts = [cls.TEMPLATE for cls in m.all_codes()]
    for table in m.WORD_TABLES:
        texts.extend(table.values())
    return [*texts, *m.MARKED_TEXTS]


def gaps(ts: Path) -> list[str]:
    """What the catalogue lacks in *ts*: a text without a finished translation, or a
    translation whose placeholders differ from the English."""
    translations = wording.read_ts(ts)
    found = []
    for text in catalogue_texts():
        translated = translations.get(text)
        if not translated:
            found.append(f"untranslated: {text!r}")
        elif sorted(PLACEHOLDER.findall(translated)) != sorted(PLACEHOLDER.findall(text)):
            found.append(f"placeholders differ: {text!r} → {translated!r}")
    return found


def test_the_catalogue_has_codes_and_every_code_is_distinct() -> None:
    codes = [cls.CODE for cls in m.all_codes()]
    assert len(codes) > 40
    assert len(codes) == len(set(codes)), "two message classes share a code"
    assert all(re.fullmatch(r"[a-z_]+(\.[a-z_]+)?", code) for code in codes)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_code_has_a_translation_with_its_placeholders(language: str) -> None:
    assert gaps(TS_DIR / f"{TS_PREFIX}{language}.ts") == []


def test_the_check_finds_a_missing_translation_and_a_lost_placeholder(tmp_path: Path) -> None:
    ts = tmp_path / "doctored.ts"
    tree = ET.parse(TS_DIR / f"{TS_PREFIX}zh_CN.ts")
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None
        if source == m.PromiseInPast.TEMPLATE:
            translation.set("type", "unfinished")
        if source == m.NoSuchCustomer.TEMPLATE:
            translation.text = "没有这个客户。"
    tree.write(ts, encoding="utf-8")
    assert sorted(gaps(ts)) == [
        f"placeholders differ: {m.NoSuchCustomer.TEMPLATE!r} → '没有这个客户。'",
        f"untranslated: {m.PromiseInPast.TEMPLATE!r}",
    ]


# Parameters that name a word of a table (the rest are data, here Chinese sample text).
WORD_PARAMS: dict[tuple[type[m.Message], str], object] = {
    (m.ActionNotAllowed, "role"): "agent",
    (m.ActionNotAllowed, "action"): "view_audit",
    (m.ActionNotAllowed, "who"): ("manager", "admin"),
    (m.TransitionNotAllowed, "action"): "close",
    (m.TransitionNotAllowed, "status"): "in_progress",
    (m.TransitionNotAllowed, "allowed"): ("resolve", "void"),
    (m.EmptyText, "kind"): "approved",
}


def _sample(cls: type[m.Message]) -> m.Message:
    """An instance of *cls* with a plausible value for each parameter."""
    values: dict[str, object] = {}
    for field in dataclasses.fields(cls):
        kind = str(field.type)
        if (cls, field.name) in WORD_PARAMS:
            values[field.name] = WORD_PARAMS[cls, field.name]
        elif "Message" in kind and "tuple" in kind:
            values[field.name] = (m.EntryNumber(3), m.FileLine(7))
        elif "Message" in kind:
            values[field.name] = m.EntryNumber(3)
        elif "tuple" in kind:
            values[field.name] = ("甲", "乙")
        elif kind == "int":
            values[field.name] = 8
        else:
            values[field.name] = "丙"
    return cls(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_code_reads_in_chinese_without_english_words(language: str) -> None:
    for cls in m.all_codes():
        said = wording.say(_sample(cls), language)
        assert "{" not in said, (cls.CODE, said)
        leftovers = set(re.findall(r"[A-Za-z]{2,}", said)) - {
            "PIN",
            "JSON",
            "CSV",
            "UTF",
            "Excel",
            "SQLite",
            "Service",
            "Console",
        }
        assert not leftovers, (cls.CODE, said)


def test_english_is_the_template_filled_in() -> None:
    refusal = NotAllowed(Role.AGENT, Permission.EXPORT)
    assert str(refusal) == "an agent may not export (ask: manager, admin)"
    assert wording.say(refusal.message, "en") == str(refusal)
    assert wording.say(refusal.message, "zh_CN") == "客服无权导出（请找：经理、管理员）"
    assert wording.say(refusal.message, "zh_TW") == "客服無權匯出（請找：經理、管理員）"
    late = m.AboutEntry(m.FileLine(4), m.MissingSituation("Hello"))
    assert str(late) == "line 4: approved phrase 'Hello' has no situation."
    assert wording.say(late, "zh_CN") == "第 4 行：推荐话术“Hello”没有设定场景。"


def test_dates_in_parameters_are_formatted_by_the_reader() -> None:
    @dataclasses.dataclass(frozen=True)
    class Due(m.Message):
        due: dt.datetime

    message = Due(dt.datetime(2026, 11, 28, 16, 30))
    object.__setattr__(message, "TEMPLATE", "due {due}")  # not a catalogue code
    assert m.render(message, lambda text: text) == "due 2026-11-28 16:30"
    assert m.render(message, lambda t: t, lambda when: "28 Nov") == "due 28 Nov"


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_HK.UTF-8"}, "zh_TW"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, "zh_TW"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_the_language_comes_from_the_locale(environment: dict[str, str], language: str) -> None:
    assert wording.environment_language(environment) == language


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_and_source_catalogues_agree(language: str, tmp_path: Path) -> None:
    """A wheel's command line reads the .qm the window loads; a checkout reads the .ts."""
    compiled = compile_translations(out_dir=tmp_path)
    from_qm = wording.read_qm(compiled[language])
    from_ts = wording.read_ts(TS_DIR / f"{TS_PREFIX}{language}.ts")
    assert from_qm == from_ts
    assert len(from_ts) == len(catalogue_texts())


def test_a_file_that_is_not_a_compiled_translation_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "x.qm"
    bogus.write_bytes(b"not a qm file")
    with pytest.raises(ValueError, match="not a compiled Qt translation"):
        wording.read_qm(bogus)


# --- the command line in zh_CN -----------------------------------------------------------


def _main(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return cli.main(list(argv), out=io.StringIO())


def test_cli_says_a_validation_failure_and_a_refusal_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "console.db")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    add = ("staff", "add", "--db", db)
    assert _main(monkeypatch, "7391\n", *add, "--name", "Grace", "--role", "admin") == 0
    code = _main(
        monkeypatch, "7391\n5820\n", *add, "--name", " ", "--role", "agent", "--as", "Grace"
    )
    assert code == 1
    assert capsys.readouterr().err == "name: 请输入员工姓名。\n"
    add_li = (*add, "--name", "Li Na", "--role", "agent", "--as", "Grace")
    assert _main(monkeypatch, "7391\n5820\n", *add_li) == 0
    assert _main(monkeypatch, "5820\n", "audit", "--db", db, "--as", "Li Na") == 1
    assert capsys.readouterr().err == "客服无权查看审计记录（请找：经理、管理员）\n"
    monkeypatch.setenv("LC_ALL", "C")  # a script: English whatever LANG says
    assert _main(monkeypatch, "5820\n", "audit", "--db", db, "--as", "Li Na") == 1
    assert capsys.readouterr().err == "an agent may not view audit (ask: manager, admin)\n"


def test_the_command_in_a_process_speaks_traditional_chinese_in_zh_tw(tmp_path: Path) -> None:
    """The command as a script runs it: a fresh process, the locale in its environment."""
    root = str(Path(__file__).resolve().parents[2])  # this checkout (and tests/ keyring)
    env = {**os.environ, "LANG": "zh_TW.UTF-8", "HOME": str(tmp_path), "PYTHONPATH": root}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    command = [sys.executable, "-m", "console.cli", "staff", "add", "--db", str(tmp_path / "c.db")]
    done = subprocess.run(
        [*command, "--name", "X", "--role", "agent"],
        input="7391\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr == "role: 第一個帳號必須是管理員\n"


# --- what the services record, read back; the loyalty rule in words -----------------------


@pytest.mark.parametrize(
    ("every", "category", "reward", "english", "chinese"),
    [
        (10, "drink", "", "every 10th drink free", "drink每第 10 件免费"),
        (2, "", "", "every 2nd item free", "商品每第 2 件免费"),
        (21, "coffee", "a cake", "every 21st coffee earns a cake", "coffee每第 21 件可得：a cake"),
        (13, "wash", "", "every 13th wash free", "wash每第 13 件免费"),
    ],
)
def test_the_loyalty_rule_in_words(
    every: int, category: str, reward: str, english: str, chinese: str
) -> None:
    from console.domain.loyalty import LoyaltyRule

    rule = LoyaltyRule(every=every, category=category, reward=reward)
    assert str(rule.words()) == rule.describe() == english
    assert LoyaltyRule.parse(str(rule.words())) == rule
    assert wording.say(rule.words(), "zh_CN") == chinese


def test_history_notes_written_by_the_services_are_recognised() -> None:
    for said in (m.NoteReceived(), m.NotePromised(), m.NoteLinked(42), m.NoteDissatisfied()):
        assert m.history_note(str(said)) == said
    assert m.history_note("customer called back, happy") is None
    assert wording.say(m.NoteLinked(42), "zh_TW") == ("已關聯客戶 #42")


def test_audit_details_are_read_back_as_codes() -> None:
    from console.domain.audit_words import audit_detail

    refusal = NotAllowed(Role.TRAINER, Permission.VIEW_AUDIT)
    assert audit_detail(str(refusal)) == refusal.message
    assert wording.say(refusal.message, "zh_CN") == ("培训师无权查看审计记录（请找：经理、管理员）")
    assert audit_detail("scope: store") == m.SettingScope("store")
    assert audit_detail("#3 merged into #5") == m.MergedFrom(3, 5)
    assert audit_detail("merged into #5") == m.MergedInto(5)
    assert audit_detail("12 entries as CSV") == m.AuditExported(12)
    assert audit_detail("1 entry as CSV") == audit_detail("1 entries as CSV") == m.AuditExported(1)
    assert str(m.AuditExported(1)) == "1 entry as CSV"  # English plurals
    assert audit_detail("the customer asked to be forgotten") is None


def test_an_open_complaint_badge_says_the_promise_as_a_code() -> None:
    from console.domain.customer import Customer
    from console.domain.loyalty import LoyaltyRule, loyalty_status
    from console.domain.profile import BadgeKind, OpenComplaint, build_badges

    due = dt.datetime(2026, 11, 29, 10, 0)
    badges = build_badges(
        Customer(name="王丽华"),
        occasions=[],
        loyalty=loyalty_status(0, 0, LoyaltyRule()),
        visit_count=1,
        open_complaints=[OpenComplaint("The heel came off", due)],
    )
    badge = next(b for b in badges if b.kind is BadgeKind.OPEN_COMPLAINT)
    assert badge.said == m.PromisedAnswer("The heel came off", due)
    assert wording.say(badge.said, "zh_CN") == (
        "The heel came off — 我们承诺在 2026-11-29 10:00 前答复"
    )


def test_sign_in_refusals_are_codes_with_english_plurals() -> None:
    assert str(m.AccountLocked(1)) == (
        "Too many wrong PINs: this account is locked for 1 more minute."
    )
    assert str(m.AccountLocked(5)).endswith("locked for 5 more minutes.")
    assert wording.say(m.AccountLocked(5), "zh_TW") == "PIN 碼錯誤次數過多：此帳號還要鎖定 5 分鐘。"
    assert wording.say(m.NoSuchAccount(), "zh_CN") == "姓名和 PIN 码对不上任何账号。"


def test_purchase_problems_are_codes() -> None:
    from console.domain.customer import MAX_QUANTITY, PurchaseItem, purchase_problems

    assert purchase_problems([], "CNY") == [m.NoItems()]
    too_many = PurchaseItem("", MAX_QUANTITY + 1, -5, "drink")
    said = purchase_problems([too_many], "CNY")
    assert [type(p) for p in said] == [m.ItemWithoutName, m.QuantityTooLarge, m.NegativePrice]
    assert str(said[1]) == f"an item: quantity {MAX_QUANTITY + 1:,} is more than {MAX_QUANTITY:,}"
    assert wording.say(said[2], "zh_CN") == "某件商品：价格不能为负数"


def test_cli_says_a_setting_refusal_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "console.db")
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    argv = ("settings", "set", "cti_port", "99999", "--db", db, "--as", "Grace")
    assert _main(monkeypatch, "7391\n", *argv) == 1
    assert capsys.readouterr().err == "cti_port必須是 1 到 65535 之間的整數。\n"


def test_a_bad_phrasebook_row_is_said_in_the_reader_language() -> None:
    from console.domain.phrasebook_io import PhrasebookFormatError, read_phrasebook

    with pytest.raises(PhrasebookFormatError) as caught:
        read_phrasebook('[{"kind": "taboo", "language": "en", "text": "x", "colour": 1}]')
    [error] = caught.value.errors
    assert str(error) == (
        "line 1: unknown field(s) 'colour'; a taboo row needs a severity (block, warn or hint)"
    )
    assert wording.say(error.said, "zh_CN") == (
        "第 1 行：未知字段 'colour'；禁忌词行需要填写 severity（block、warn 或 hint）"
    )
    assert wording.say(error.said, "zh_TW") == (
        "第 1 行：未知欄位 'colour'；禁忌詞列需要填寫 severity（block、warn 或 hint）"
    )


def test_cli_says_import_row_errors_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "console.db")
    path = tmp_path / "people.csv"
    path.write_text("name,email,member_no\nAnn,bad-email,M1\nBob,,M1\n", encoding="utf-8")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    add = ("staff", "add", "--db", db, "--name", "Grace", "--role", "admin")
    assert _main(monkeypatch, "7391\n", *add) == 0
    command = ("import", "customers", "--db", db, "--as", "Grace", str(path))
    assert _main(monkeypatch, "7391\n", *command) == 1
    said = capsys.readouterr().err.splitlines()
    assert said[:2] == [
        "第 2 行，email 列：'bad-email' 不是有效的电子邮箱地址",
        "第 3 行，member_no 列：会员号 'M1' 已在第 2 行使用",
    ]
    monkeypatch.setenv("LC_ALL", "C")  # a script: the same English as before
    assert _main(monkeypatch, "7391\n", *command) == 1
    said = capsys.readouterr().err.splitlines()
    assert said[:2] == [
        "line 2, column email: 'bad-email' is not a valid email address",
        "line 3, column member_no: member number 'M1' is already used on line 2",
    ]


def test_a_purchase_row_error_is_said_in_traditional_chinese() -> None:
    from console.services.csv_io import parse_purchases_csv

    parsed = parse_purchases_csv(
        "member_no,date,item,quantity,price,currency\nM1,2024-02-30,Tea,0,-1,yuan\n"
    )
    said = [wording.say(error.said, "zh_TW") for error in parsed.errors]
    assert [error.reason for error in parsed.errors] == [
        "'2024-02-30' is not a real date and time (day is out of range for month)",
        "quantity '0' is not a positive whole number",
        "price '-1' is negative",
        "currency 'yuan' is not a three-letter code such as CNY",
    ]
    assert said == [
        "第 2 行，date 欄：'2024-02-30' 不是真實存在的日期時間（day is out of range for month）",
        "第 2 行，quantity 欄：數量 '0' 不是正整數",
        "第 2 行，price 欄：單價 '-1' 是負數",
        "第 2 行，currency 欄：幣別 'yuan' 不是 CNY 這樣的三字母代碼",
    ]


def test_a_refused_restore_is_said_in_the_reader_language(tmp_path: Path) -> None:
    from console.repositories.database_files import RestoreRefused
    from console.storage.sqlite.backup import check_backup

    offered = tmp_path / "notes.db"
    offered.write_bytes(b"not a database at all, just some words" * 10)
    with pytest.raises(RestoreRefused) as refused:
        check_backup(offered)
    assert str(refused.value) == (
        f"{offered} is not a Service Console backup (not an SQLite file), or it is "
        "encrypted with a key this database does not have; nothing changed"
    )
    assert wording.error_text(refused.value, "zh_TW") == (
        f"{offered} 不是 Service Console 的備份（不是 SQLite 檔案），"
        "或者它用本資料庫沒有的金鑰加密；未作任何變更"
    )


def test_cli_says_phone_birthday_and_tier_errors_of_an_import_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "console.db")
    path = tmp_path / "people.csv"
    path.write_text(
        "name,phones,birthday,tier\n"
        "Ann,12345,1990-02-30,\n"
        "Bob,abc,02/03/1990,platinum\n"
        "Cy,,--13-01,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    add = ("staff", "add", "--db", db, "--name", "Grace", "--role", "admin")
    assert _main(monkeypatch, "7391\n", *add) == 0
    command = ("import", "customers", "--db", db, "--as", "Grace", str(path))
    assert _main(monkeypatch, "7391\n", *command) == 1
    said = capsys.readouterr().err.splitlines()
    assert said[:6] == [
        "第 2 行，phones 列：'12345' 不是地区 CN 的有效电话号码",
        "第 2 行，birthday 列：1990-02-30 不是有效日期",
        "第 3 行，phones 列：'abc' 不是电话号码",
        "第 3 行，birthday 列：'02/03/1990' 不是日期（请用 YYYY-MM-DD；不知道年份时用 --MM-DD）",
        "第 3 行，tier 列：未知的会员等级 'platinum'（请用以下之一：regular、silver、gold、vip）",
        "第 4 行，birthday 列：月份 13 不在 1 到 12 之间",
    ]
    monkeypatch.setenv("LC_ALL", "C")  # a script: the same English as before
    assert _main(monkeypatch, "7391\n", *command) == 1
    said = capsys.readouterr().err.splitlines()
    assert said[:6] == [
        "line 2, column phones: '12345' is not a valid phone number for region CN",
        "line 2, column birthday: 1990-02-30 is not a date",
        "line 3, column phones: 'abc' is not a phone number",
        "line 3, column birthday: '02/03/1990' is not a date (use YYYY-MM-DD, or --MM-DD if "
        "the year is unknown)",
        "line 3, column tier: unknown tier 'platinum' (use one of: regular, silver, gold, vip)",
        "line 4, column birthday: month 13 is not between 1 and 12",
    ]


def test_cli_says_the_import_summary_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "console.db")
    path = tmp_path / "people.csv"
    path.write_text("name,phones\nAnn,+8613812345678\nBob,12345\n", encoding="utf-8")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    add = ("staff", "add", "--db", db, "--name", "Grace", "--role", "admin")
    assert _main(monkeypatch, "7391\n", *add) == 0
    capsys.readouterr()
    command = ("import", "customers", "--db", db, "--as", "Grace", str(path))
    assert _main(monkeypatch, "7391\n", *command) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "1 行有误，未导入任何内容（请修正，或用 --skip-invalid 只导入无误的行）"
    )
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO("7391\n"))
    assert cli.main([*command, "--skip-invalid", "--dry-run"], out=out) == 0
    assert out.getvalue() == "将导入 1 位客户；跳过 1 行有误的数据\n"
    assert capsys.readouterr().err == "第 3 行，phones 列：'12345' 不是地区 CN 的有效电话号码\n"
    missing = ("import", "purchases", "--db", db, "--as", "Grace", str(tmp_path / "no.csv"))
    assert _main(monkeypatch, "", *missing) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'no.csv'} 不存在或不是文件\n"

    monkeypatch.setenv("LC_ALL", "C")  # a script: the same English as before
    assert _main(monkeypatch, "7391\n", *command) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "1 bad row(s); nothing was imported (fix them, or use --skip-invalid to import "
        "the good rows)"
    )
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO("7391\n"))
    assert cli.main([*command, "--skip-invalid", "--dry-run"], out=out) == 0
    assert out.getvalue() == "would import 1 customers; skipped 1 bad row(s)\n"


def test_phrasebook_file_format_and_write_errors_are_said_in_the_reader_language() -> None:
    from console.domain.phrasebook import EntryKind, Language, PhraseEntry
    from console.domain.phrasebook_io import FileFormat, write_phrasebook

    with pytest.raises(ValueError) as caught:
        FileFormat.for_path("phrases")
    assert str(caught.value) == "'phrases' has no extension; use .csv or .json"
    assert wording.error_text(caught.value, "zh_CN") == "'phrases' 没有扩展名；请用 .csv 或 .json"
    with pytest.raises(ValueError) as caught:
        FileFormat.parse("xls")
    assert str(caught.value) == "unknown phrasebook format 'xls' (use csv or json)"
    assert wording.error_text(caught.value, "zh_TW") == "未知的話術庫格式 'xls'（請用 csv 或 json）"
    entry = PhraseEntry(
        kind=EntryKind.TABOO, language=Language.EN, text="no", replacements=("a|b", "c|d")
    )
    with pytest.raises(ValueError) as caught:
        write_phrasebook([entry], "csv")
    assert str(caught.value) == (
        "cannot write the phrasebook: entry 1 ('no'): replacement 'a|b' contains '|'; "
        "entry 1 ('no'): replacement 'c|d' contains '|'"
    )
    assert wording.error_text(caught.value, "zh_CN") == (
        "无法写出话术库：第 1 条（'no'）：replacement 'a|b' 含有“|”；"
        "第 1 条（'no'）：replacement 'c|d' 含有“|”"
    )


def test_a_restore_that_fails_its_check_afterwards_is_said_in_the_reader_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.storage.sqlite import backup
    from console.storage.sqlite.database import NotADatabaseError, StorageError
    from console.storage.sqlite.runner import DatabaseRunner

    live = tmp_path / "console.db"
    with DatabaseRunner(live) as runner:
        info = runner.call(backup.backup_to, tmp_path / "copy.db")
    checks = iter([True, True, False])  # the offered backup, the safety copy, the result
    monkeypatch.setattr(backup, "_sound", lambda *args: next(checks))
    with pytest.raises(NotADatabaseError) as caught:
        backup.restore_into(info.path, live, tmp_path / "before.db")
    assert str(caught.value) == (
        f"{live} failed its integrity check after the restore (details in the log)"
    )
    assert (
        wording.error_text(caught.value, "zh_CN") == f"恢复后的 {live} 未通过完整性检查（详见日志）"
    )
    failed = StorageError(m.RestoreFailed(str(live), "disk I/O error"))
    assert str(failed) == f"the restore into {live} failed: disk I/O error"
    assert wording.error_text(failed, "zh_TW") == f"還原到 {live} 失敗：disk I/O error"
    assert str(StorageError("a sentence")) == "a sentence"  # the other errors as before
    assert not hasattr(StorageError("a sentence"), "message")


def test_a_backup_audit_note_is_recorded_in_english_and_read_back_as_a_code() -> None:
    from console.domain.audit_words import audit_detail

    intact = audit_detail("audit trail intact")
    assert intact == m.TrailIntact()
    assert wording.say(intact, "zh_TW") == "稽核紀錄完整"
    scheduled = audit_detail("scheduled; WARNING: chain of Grace is broken at #7")
    assert scheduled == m.ScheduledBackupNote(m.TrailWarning("chain of Grace is broken at #7"))
    assert str(scheduled) == "scheduled; WARNING: chain of Grace is broken at #7"
    assert wording.say(scheduled, "zh_CN") == "定时备份；警告：chain of Grace is broken at #7"
    assert audit_detail("scheduled; because I said so") is None  # words a person wrote


def test_a_finished_erasure_is_described_in_english_and_said_in_the_reader_language() -> None:
    from console.services.backup import Retention
    from console.services.privacy import ErasureResult

    kept = Retention(dt.datetime(2026, 12, 9, 3, 0), False, (Path("a.db"), Path("b.db")))
    result = ErasureResult(customer_id=12, redacted=4, wal_cleared=False, backups=kept)
    assert result.describe() == (
        "erased customer #12: personal data removed from the database, search index "
        "rewritten, 4 audit entries redacted; could not finish: another program is reading "
        "the database, so old copies of the data are still in its write-ahead log; they are "
        "removed when every program using the database has closed it (or erase again once "
        "it has); older backups still hold this customer until 2026-12-09 03:00 when the "
        "oldest is rotated out; 2 manual or pre-restore backup(s) hold this customer until "
        "someone deletes them"
    )
    done = ErasureResult(12, 0, True, Retention(None, True, ()))
    assert wording.say(done.said(), "zh_CN") == (
        "已清除客户 #12：个人资料已从数据库删除，搜索索引已重建，0 条审计记录已遮蔽；"
        "较早的备份仍保存着这位客户，直到它们被删除（定时备份已关闭，因此不会有备份被轮换掉）"
    )

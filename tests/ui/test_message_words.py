"""Message codes in the window: refusals, field errors and parameters in the interface
language, dates as every screen writes them (issue 18)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from console.domain import messages as m
from console.domain.roles import NotAllowed, Permission, Role
from console.domain.validation import ValidationFailed
from console.ui import i18n


def test_codes_read_in_the_interface_language(qapp: Any, tmp_path: Path) -> None:
    translations = i18n.Translations(out_dir=tmp_path / "qm")
    refusal = NotAllowed(Role.AGENT, Permission.EXPORT)
    due = dt.datetime(2026, 11, 29, 10, 0)
    try:
        translations.switch("zh_TW")
        assert i18n.error_text(refusal) == "客服無權匯出（請找：經理、管理員）"
        fields = ValidationFailed({"name": m.NoStaffName(), "extension": m.ExtensionNotDigits()})
        assert i18n.error_text(fields) == "請輸入員工姓名。；分機號只能是數字（如 2041）。"
        said = i18n.message_text(m.PromisedAnswer("鞋跟掉了", due))
        assert said == f"鞋跟掉了 — 我們承諾在 {i18n.format_datetime(due)} 前答覆"
        assert i18n.format_datetime(due).startswith("2026/11/29")
        translations.switch("zh_CN")
        assert i18n.error_text(refusal) == "客服无权导出（请找：经理、管理员）"
        translations.switch("en")
        assert i18n.error_text(refusal) == str(refusal)
        assert i18n.message_text(m.PromisedAnswer("The heel", due)) == (
            "The heel — we promised an answer by 29 Nov 2026 10:00"
        )
        assert i18n.error_text(ValueError("plain")) == "plain"
    finally:
        translations.switch("en")


def test_a_bad_birthday_reads_in_the_interface_language(qapp: Any, tmp_path: Path) -> None:
    from console.ui.customer_dialog import check_date

    translations = i18n.Translations(out_dir=tmp_path / "qm")
    try:
        translations.switch("en")
        english, _ = check_date("31/02")
        assert english and english.isascii()
        translations.switch("zh_CN")
        chinese, _ = check_date("31/02")
        assert chinese != english and "不是日期" in chinese, chinese
    finally:
        translations.switch("en")


def test_a_file_not_written_reads_in_the_interface_language(qapp: Any, tmp_path: Path) -> None:
    import errno

    from console import files

    translations = i18n.Translations(out_dir=tmp_path / "qm")
    full = files.write_failed(OSError(errno.ENOSPC, "No space left"), "/x/out.pdf")
    try:
        translations.switch("zh_TW")
        assert i18n.error_text(full) == "未寫入 /x/out.pdf：磁碟已滿；那裡原有的檔案保持不變。"
        translations.switch("zh_CN")
        assert i18n.error_text(full) == "未写入 /x/out.pdf：磁盘已满；那里原有的文件保持不变。"
        translations.switch("en")
        assert i18n.error_text(full) == str(full)
    finally:
        translations.switch("en")

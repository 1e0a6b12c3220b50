"""The forms, the phrase tools, sign-in and the admin windows in Simplified Chinese:
labels switch live and nothing typed, chosen or open is lost.

The translations come from ``resources/translations`` once they hold these screens'
strings; until then (a branch whose strings are not merged yet) a temporary .ts is built
with lupdate and filled from the group's translation file, if it is there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.services.customers import CustomerService
from console.services.staff import AuditService, StaffService
from console.storage.sqlite.runner import DatabaseRunner
from console.ui import i18n
from console.ui.admin import AuditWindow, StaffWindow
from console.ui.checked_editor import CheckedTextEdit
from console.ui.customer_dialog import CustomerDialog
from console.ui.phrase_checker import PhraseChecker
from console.ui.phrase_picker import PhrasePicker
from console.ui.sign_in import SignInWindow

UI = Path(i18n.__file__).resolve().parent


@pytest.fixture
def chinese(qapp: Any, tmp_path: Path) -> Iterator[i18n.Translations]:
    """Translations that can switch to zh_CN (switched back to English afterwards)."""
    translations = i18n.Translations(out_dir=tmp_path / "qm")
    try:
        yield translations
    finally:
        translations.switch("en")


def switch(translations: i18n.Translations, language: str) -> None:
    """Switch and let every widget handle its (posted) LanguageChange."""
    translations.switch(language)
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    QApplication.processEvents()


def test_customer_dialog_switches_live_and_keeps_what_is_typed(
    qtbot: Any, qloop: Any, service: CustomerService, chinese: i18n.Translations
) -> None:
    dialog = CustomerDialog(service, None, region="CN")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("张")
    dialog.phones.rows[0].number.setText("138 0013")
    dialog.birthday.setText("--02-29")
    dialog.tier.setCurrentIndex(dialog.tier.findData("gold"))
    assert dialog.identity.title() == "Identity"

    switch(chinese, "zh_CN")
    assert dialog.windowTitle() == "新建客户"
    assert dialog.identity.title() == "身份信息"
    assert dialog.save_button.text() == "保存(&S)"
    assert dialog.phones.add_button.text() == "添加电话(&H)"
    assert dialog.phones.rows[0].remove.text() == "删除"
    assert dialog.phones.rows[0].kind.currentText() == "手机"
    assert dialog.phones.rows[0].number.accessibleName() == "电话 1 的号码"
    assert dialog.tier.currentText() == "金卡"
    assert dialog.birthday_message.text() == "2月29日（年份不详）"
    assert dialog.name.text() == "张"  # nothing typed is lost
    assert dialog.phones.rows[0].number.text() == "138 0013"
    assert dialog.tier.currentData() == "gold"
    dialog.phones.rows[0].check.reveal()
    assert "不是有效的CN电话号码" in dialog.phones.rows[0].message.text()
    assert dialog.status.text().startswith("保存前请：检查电话 1")

    switch(chinese, "en")
    assert dialog.identity.title() == "Identity"
    assert dialog.birthday_message.text() == "29 February (year unknown)"
    assert dialog.name.text() == "张"


def phrase_entries() -> list[PhraseEntry]:
    return [
        PhraseEntry(
            kind=EntryKind.APPROVED,
            language=Language.EN,
            text="Let me check I understood: {summary}. Is that right?",
            situation=Situation.CONFIRM_UNDERSTANDING,
        ),
        PhraseEntry(
            kind=EntryKind.TABOO,
            language=Language.EN,
            text="calm down",
            severity=Severity.BLOCK,
            reason="Sounds dismissive.",
            replacements=("I understand this is frustrating",),
        ),
    ]


def test_phrase_picker_translates_labels_not_the_phrases(
    qtbot: Any, qloop: Any, chinese: i18n.Translations
) -> None:
    checker = PhraseChecker(phrase_entries())
    picker = PhrasePicker(checker, situation=Situation.CONFIRM_UNDERSTANDING, language="en")
    qtbot.addWidget(picker)
    picker.show()
    picker.search.setText("understood")
    picker.placeholder_edits["summary"].setText("a refund")
    picker.placeholder_edits["summary"].textEdited.emit("a refund")

    switch(chinese, "zh_CN")
    assert picker.windowTitle() == "插入规范用语"
    assert picker.situation_combo.itemText(0) == "所有场景"
    assert picker.situation_combo.currentText() == "确认理解"
    assert picker.insert_button.text() == "插入(&I)"
    item = picker.phrases.currentItem()
    assert item is not None
    # The phrase is what the customer hears: it stays in the customer's language.
    assert item.text().startswith("Let me check I understood")
    assert str(item.data(Qt.ItemDataRole.UserRole + 1)) == "确认理解 · English"
    label = picker._fields_layout.labelForField(picker.placeholder_edits["summary"])
    assert isinstance(label, QLabel) and label.text() == "需求摘要："
    assert picker.search.text() == "understood"
    assert picker.placeholder_edits["summary"].text() == "a refund"
    assert picker.status.text() == "按 Enter 插入此用语。"
    assert picker.preview.text() == "Let me check I understood: a refund. Is that right?"


def test_checked_editor_actions_and_summary_follow_the_language(
    qtbot: Any, qloop: Any, chinese: i18n.Translations
) -> None:
    editor = CheckedTextEdit(PhraseChecker(phrase_entries()))
    qtbot.addWidget(editor)
    editor.setPlainText("Please calm down.")
    qtbot.waitUntil(lambda: editor.accessibleDescription() == "Wording: 1 must change.")

    switch(chinese, "zh_CN")
    assert editor.quick_fix_action.text() == "修改措辞…"
    assert editor.insert_phrase_action.text() == "插入规范用语…"
    assert editor.accessibleName() == "消息"
    qtbot.waitUntil(lambda: editor.accessibleDescription() == "措辞：1 处必须修改。")
    hit = editor.hits()[0]
    menu = editor.quick_fix_menu(hit)
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "必须修改：“calm down”不能发给客户"
    assert texts[-1] == "替换为“I understand this is frustrating”"
    assert editor.toPlainText() == "Please calm down."


def test_sign_in_switches_live_and_keeps_the_name(
    qtbot: Any, qloop: Any, runner: DatabaseRunner, chinese: i18n.Translations
) -> None:
    window = SignInWindow(StaffService(runner, AuditService(runner)), first_run=False)
    qtbot.addWidget(window)
    window.show()
    window.name.setText("Grace Ho")
    window.submit()  # no PIN: the message is shown, then translated on the switch
    assert window.message.text() == "Type your PIN."

    switch(chinese, "zh_CN")
    assert window.windowTitle() == "服务控制台 — 登录"
    assert window.button.text() == "登录"
    assert window.message.text() == "请输入您的 PIN 码。"
    assert window.name.text() == "Grace Ho"


def test_admin_windows_translate_headings_roles_and_filters(
    qtbot: Any,
    qloop: Any,
    run: Callable[..., Any],
    runner: DatabaseRunner,
    chinese: i18n.Translations,
) -> None:
    audit = AuditService(runner)
    staff = StaffService(runner, audit)
    run(staff.add_staff(None, name="Grace Ho", role="admin", secret="7391"))
    run(staff.sign_in("Grace Ho", "7391"))
    window = StaffWindow(staff)
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.table.rowCount() == 1)
    trail = AuditWindow(audit, staff)
    qtbot.addWidget(trail)
    trail.actor.setText("Grace")
    trail.action.setCurrentIndex(trail.action.findData("sign_in"))

    switch(chinese, "zh_CN")
    header = window.table.horizontalHeaderItem(1)
    assert header is not None and header.text() == "角色"
    item = window.table.item(0, 1)
    assert item is not None and item.text() == "管理员"
    assert window.add_button.text() == "添加(&A)…"
    assert trail.windowTitle() == "审计日志"
    assert trail.model.headerData(0, Qt.Orientation.Horizontal) == "时间"
    assert trail.action.currentText() == "登录"
    assert trail.action.itemText(0) == "任何操作"
    assert trail.actor.text() == "Grace"
    assert trail.action.currentData() == "sign_in"
    trail.load()
    qtbot.waitUntil(lambda: trail.message.text().endswith("条记录"))

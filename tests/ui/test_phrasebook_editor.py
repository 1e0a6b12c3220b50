"""The trainer's phrasebook editor on a real PhrasebookService (the default book seeds on
first use): table and filters, add / edit / delete through the form, validation shown in
the form, history and restore, the role, import and export, the test bench, and a
trainer's edit reaching an open checked editor."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity
from console.services.phrasebooks import PermissionDenied, PhrasebookService
from console.services.settings import SettingsService
from console.storage.sqlite import phrasebooks as store
from console.storage.sqlite.runner import DatabaseRunner
from console.ui import i18n
from console.ui.checked_editor import SEVERITY_COLOURS, CheckedTextEdit
from console.ui.phrase_checker import PhraseChecker
from console.ui.phrasebook_editor import (
    READ_ONLY_NOTE,
    Column,
    EntryForm,
    PhrasebookEditor,
    PhraseEntryModel,
    describe_change,
    split_items,
)
from tests.people import a_signed_in, a_switch

Run = Callable[..., Any]

NEW_TERM = "figure it out yourself"
APPROVED_EN = "I understand how frustrating this must be."


@pytest.fixture
def books(runner: DatabaseRunner, settings: SettingsService, run: Run) -> PhrasebookService:
    # Signed in as a trainer (a Staff service with a session), so a test can sign an
    # agent in instead (a_switch) and see the book turn read-only.
    identity = run(a_signed_in(runner, "trainer", "Mei"), timeout_ms=20000)
    return PhrasebookService(runner, settings, identity=identity)


@pytest.fixture
def checker(qloop: Any) -> PhraseChecker:
    return PhraseChecker()


def make_editor(
    qtbot: Any, run: Run, books: PhrasebookService, checker: PhraseChecker
) -> PhrasebookEditor:
    widget = PhrasebookEditor(books, checker)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    run(widget.load(), timeout_ms=15000)
    settle(qtbot, widget)
    return widget


@pytest.fixture
def editor(
    qtbot: Any, run: Run, books: PhrasebookService, checker: PhraseChecker
) -> PhrasebookEditor:
    return make_editor(qtbot, run, books, checker)


def settle(qtbot: Any, editor: PhrasebookEditor, timeout: int = 10000) -> None:
    """Wait until loading, saving and the bench's matcher build are done."""
    qtbot.waitUntil(
        lambda: not editor.busy and not editor.bench_checker.rebuilding, timeout=timeout
    )


def entry_by_text(editor: PhrasebookEditor, text: str) -> PhraseEntry:
    [found] = [entry for entry in editor.model.entries if entry.text == text]
    return found


def shown_entries(editor: PhrasebookEditor) -> list[PhraseEntry]:
    proxy = editor.proxy
    return [
        editor.model.entry(proxy.mapToSource(proxy.index(row, 0)).row())
        for row in range(proxy.rowCount())
    ]


def focus(qtbot: Any, widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def open_form(qtbot: Any, editor: PhrasebookEditor, key: Qt.Key) -> EntryForm:
    focus(qtbot, editor.table)
    qtbot.keyClick(editor.table, key)
    qtbot.waitUntil(lambda: editor.form is not None and editor.form.isVisible())
    form = editor.form
    assert form is not None
    return form


def choose(combo: Any, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def save_form(qtbot: Any, editor: PhrasebookEditor, form: EntryForm) -> None:
    with qtbot.waitSignal(editor.changed, timeout=15000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)


def add_taboo_through_form(qtbot: Any, editor: PhrasebookEditor) -> PhraseEntry:
    form = open_form(qtbot, editor, Qt.Key.Key_Insert)
    assert form.editing is None
    choose(form.kind, EntryKind.TABOO)
    choose(form.language, Language.EN)
    qtbot.keyClicks(form.text, NEW_TERM)
    choose(form.severity, Severity.BLOCK)
    qtbot.keyClicks(form.replacements, "Let me show you how | I'll do that for you")
    qtbot.keyClicks(form.reason, "Leaves the customer alone with the problem.")
    save_form(qtbot, editor, form)
    return entry_by_text(editor, NEW_TERM)


def message_box(qtbot: Any, editor: PhrasebookEditor, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: editor.findChild(QMessageBox, name) is not None)
    box = editor.findChild(QMessageBox, name)
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    return box


def click_in_box(qtbot: Any, box: QMessageBox, button_name: str) -> None:
    button = box.findChild(QWidget, button_name)
    assert button is not None, button_name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def file_dialog(qtbot: Any, editor: PhrasebookEditor, name: str) -> QFileDialog:
    qtbot.waitUntil(lambda: editor.findChild(QFileDialog, name) is not None)
    dialog = editor.findChild(QFileDialog, name)
    assert isinstance(dialog, QFileDialog)
    return dialog


# --- loading and the table ----------------------------------------------------------------


def test_loads_and_shows_the_default_book(
    editor: PhrasebookEditor, books: PhrasebookService, run: Run, qtmodeltester: Any
) -> None:
    entries = run(books.entries())
    assert editor.model.rowCount() == len(entries) >= 100
    assert editor.book == editor.active_book == "Default"
    assert editor.book_combo.currentText() == "Default (active)"
    assert not editor.make_active_button.isEnabled()
    assert editor.count_label.text() == f"{len(entries)} entries"
    assert editor.can_edit
    assert not editor.role_note.isVisible()
    hey = entry_by_text(editor, "hey")
    row = editor.model.row_of(hey.id or 0)
    assert editor.model.index(row, Column.SEVERITY).data() == "Warn"
    assert editor.model.index(row, Column.REPLACEMENTS).data().startswith("Hello | ")
    assert editor.model.index(row, Column.AUTHOR).data() == "Service Console"
    assert editor.model.index(row, Column.CHANGED).data()
    colour = editor.model.index(row, Column.SEVERITY).data(Qt.ItemDataRole.ForegroundRole)
    assert QColor(colour).name() == QColor(SEVERITY_COLOURS[Severity.WARN]).name()
    qtmodeltester.check(editor.model)
    qtmodeltester.check(editor.proxy)


def test_the_model_passes_the_model_tester_when_empty_and_refilled(qtmodeltester: Any) -> None:
    model = PhraseEntryModel()
    qtmodeltester.check(model)
    model.set_entries(
        [
            PhraseEntry(
                id=1,
                kind=EntryKind.TABOO,
                language=Language.ZH_HANS,
                text="不知道",
                severity=Severity.BLOCK,
                replacements=("我帮您查一下",),
            )
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, Column.LANGUAGE).data() == "简体中文"


def test_filters_by_kind_language_and_text(qtbot: Any, editor: PhrasebookEditor) -> None:
    total = editor.model.rowCount()
    choose(editor.kind_filter, EntryKind.TABOO)
    taboo = shown_entries(editor)
    assert 0 < len(taboo) < total
    assert all(entry.kind is EntryKind.TABOO for entry in taboo)
    choose(editor.language_filter, Language.ZH_HANS)
    narrowed = shown_entries(editor)
    assert 0 < len(narrowed) < len(taboo)
    assert all(entry.language is Language.ZH_HANS for entry in narrowed)
    assert editor.count_label.text() == f"{len(narrowed)} of {total} entries"

    # Ctrl+F goes to the text filter; Traditional text finds the Simplified entry.
    focus(qtbot, editor.table)
    qtbot.keyClick(editor.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is editor.text_filter
    editor.text_filter.setText("這裡就是這樣")
    qtbot.waitUntil(lambda: len(shown_entries(editor)) == 1)
    assert shown_entries(editor)[0].text == "这里就是这样的"

    qtbot.mouseClick(editor.clear_filters_button, Qt.MouseButton.LeftButton)
    assert editor.proxy.rowCount() == total
    assert editor.text_filter.text() == ""


# --- adding, validation ------------------------------------------------------------------------


def test_adding_a_taboo_term_and_the_test_bench_flags_it(
    qtbot: Any, editor: PhrasebookEditor, books: PhrasebookService, run: Run
) -> None:
    before = editor.model.rowCount()
    added = add_taboo_through_form(qtbot, editor)
    assert editor.model.rowCount() == before + 1
    assert added.severity is Severity.BLOCK
    assert added.replacements == ("Let me show you how", "I'll do that for you")
    assert editor.selected_entry() == added
    assert NEW_TERM in [entry.text for entry in run(books.entries())]
    assert "Added taboo" in editor.status.text()

    editor.bench.setPlainText("Sorry, you'll have to Figure it out  yourself. 你好")
    [finding] = editor.bench_findings()
    assert finding.matched == "Figure it out  yourself"
    assert finding.term == NEW_TERM
    assert finding.severity is Severity.BLOCK
    assert finding.replacements == added.replacements
    item = editor.findings.topLevelItem(0)
    assert item is not None
    assert [item.text(column) for column in range(6)] == [
        "Figure it out  yourself",
        "line 1, col 23",
        NEW_TERM,
        "Block",
        "Leaves the customer alone with the problem.",
        "Let me show you how | I'll do that for you",
    ]
    assert editor.bench_summary.text().startswith("1 flagged: 1 must change")

    # Enter on a finding selects its entry in the table.
    editor.table.clearSelection()
    editor.findings.itemActivated.emit(item, 0)
    assert editor.selected_entry() == added


def test_the_bench_shows_english_and_chinese_hits_with_positions(
    editor: PhrasebookEditor,
) -> None:
    editor.bench.setPlainText("Hey, no problem!\n这里就是这样的，這不歸我管。")
    found = editor.bench_findings()
    assert [(f.matched, f.severity) for f in found] == [
        ("Hey", Severity.WARN),
        ("no problem", Severity.WARN),
        ("这里就是这样的", Severity.BLOCK),
        ("這不歸我管", Severity.BLOCK),
    ]
    text = editor.bench.toPlainText()
    assert all(text[f.start : f.end] == f.matched for f in found)
    positions = [editor.findings.topLevelItem(row).text(1) for row in range(4)]  # type: ignore[union-attr]
    assert positions == ["line 1, col 1", "line 1, col 6", "line 2, col 1", "line 2, col 9"]


def test_the_bench_shows_the_chosen_finding_in_full(
    qtbot: Any, editor: PhrasebookEditor, screenshot: Any
) -> None:
    editor.resize(1366, 768)
    editor.bench.setPlainText("Hey, no problem!\n这里就是这样的，這不歸我管。")
    qtbot.wait(50)
    detail = editor.finding_detail
    port = editor.findings.viewport()
    for row in range(4):  # every finding of the text is in view
        rect = editor.findings.visualItemRect(editor.findings.topLevelItem(row))
        assert rect.top() >= 0 and rect.bottom() < port.height(), (row, rect, port.rect())
    first = editor.bench_findings()[0]
    assert detail.isVisible() and f"“{first.matched}”" in detail.text()
    last_item = editor.findings.topLevelItem(3)
    assert last_item is not None
    editor.findings.setCurrentItem(last_item)
    qtbot.wait(50)  # the layout gives the longer text its lines
    last = editor.bench_findings()[3]
    text = detail.text()
    assert f"“{last.matched}”" in text and last.reason in text
    assert all(replacement in text for replacement in last.replacements)
    assert "Say instead: " in text
    # Readable: wrapped within the bench, and tall enough for all of its lines.
    assert detail.wordWrap()
    assert detail.width() <= detail.parentWidget().width()
    assert detail.height() >= detail.heightForWidth(detail.width())
    screenshot(editor, "phrasebook-bench")


def test_a_taboo_term_equal_to_an_approved_phrase_is_refused_in_the_form(
    qtbot: Any, editor: PhrasebookEditor, books: PhrasebookService, run: Run
) -> None:
    before = run(books.entries())
    version = run(books.version())
    approved = entry_by_text(editor, APPROVED_EN)
    form = open_form(qtbot, editor, Qt.Key.Key_Insert)
    choose(form.kind, EntryKind.TABOO)
    choose(form.language, Language.EN)
    qtbot.keyClicks(form.text, APPROVED_EN)
    qtbot.keyClicks(form.replacements, "I'm sorry")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.message("text")), timeout=10000)

    assert "also an approved phrase" in form.message("text")
    assert form.isVisible()
    assert f"entry #{approved.id}: approved “{APPROVED_EN}”" in form.problems.text()
    assert form.problems.text().startswith("Not saved: 1 problem.")
    # What was typed is kept, and nothing was saved.
    assert form.text.text() == APPROVED_EN
    assert form.replacements.text() == "I'm sorry"
    assert run(books.entries()) == before
    assert run(books.version()) == version
    assert editor.model.rowCount() == len(before)
    # Typing clears the message under the field.
    qtbot.keyClicks(form.text, " now")
    assert form.message("text") == ""
    form.reject()


def test_a_replacement_that_is_itself_taboo_is_shown_under_replacements(
    qtbot: Any, editor: PhrasebookEditor
) -> None:
    form = open_form(qtbot, editor, Qt.Key.Key_Insert)
    choose(form.kind, EntryKind.TABOO)
    qtbot.keyClicks(form.text, NEW_TERM)
    qtbot.keyClicks(form.replacements, "Hey, let me show you")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.message("replacements")), timeout=10000)
    assert "is itself flagged by taboo term 'hey'" in form.message("replacements")
    assert "taboo “hey” (Warn, English)" in form.problems.text()
    assert form.isVisible()
    form.reject()


# --- editing, history, restore, delete -----------------------------------------------------


def test_edit_then_restore_an_earlier_version_from_the_history(
    qtbot: Any, editor: PhrasebookEditor, books: PhrasebookService, run: Run
) -> None:
    buddy = entry_by_text(editor, "buddy")
    assert buddy.id is not None
    assert editor.select_entry(buddy.id)
    form = open_form(qtbot, editor, Qt.Key.Key_F2)
    assert form.editing == buddy
    assert form.text.text() == "buddy"
    form.text.setText("mate")
    choose(form.severity, Severity.HINT)
    save_form(qtbot, editor, form)

    edited = editor.selected_entry()
    assert edited is not None
    assert (edited.id, edited.text, edited.severity) == (buddy.id, "mate", Severity.HINT)
    qtbot.waitUntil(lambda: len(editor.history_records()) == 2)
    newest, oldest = editor.history_records()
    assert editor.history_list.topLevelItem(0).text(2) == "Edited"  # type: ignore[union-attr]
    change = editor.history_list.topLevelItem(0).text(3)  # type: ignore[union-attr]
    assert "text: “buddy” → “mate”" in change
    assert "severity: Warn → Hint" in change
    assert not editor.restore_button.isEnabled()  # the newest is the entry as it is

    assert editor.select_history(oldest.id)
    assert editor.restore_button.isEnabled()
    with qtbot.waitSignal(editor.changed, timeout=15000):
        qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    restored = run(books.entry(buddy.id)).entry
    assert (restored.text, restored.severity) == ("buddy", Severity.WARN)
    assert entry_by_text(editor, "buddy").id == buddy.id
    qtbot.waitUntil(lambda: len(editor.history_records()) == 3)
    assert editor.history_records()[0].action.value == "restore"
    assert newest.id in [record.id for record in editor.history_records()]


def test_delete_asks_first_hides_the_entry_and_can_be_undone_from_the_history(
    qtbot: Any, editor: PhrasebookEditor, checker: PhraseChecker, books: PhrasebookService, run: Run
) -> None:
    run(checker.rebuild(run(books.entries())))
    buddy = entry_by_text(editor, "buddy")
    assert buddy.id is not None
    assert [f.term for f in checker.check("Thanks, buddy")] == ["buddy"]
    assert editor.select_entry(buddy.id)

    # Cancel keeps it.
    focus(qtbot, editor.table)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    box = message_box(qtbot, editor, "confirmDeleteBox")
    assert "buddy" in box.text()
    click_in_box(qtbot, box, "cancelDeleteButton")
    qtbot.waitUntil(lambda: not editor.busy)
    assert editor.model.row_of(buddy.id) >= 0

    focus(qtbot, editor.table)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    box = message_box(qtbot, editor, "confirmDeleteBox")
    with qtbot.waitSignal(editor.changed, timeout=15000):
        click_in_box(qtbot, box, "confirmDeleteButton")
    settle(qtbot, editor)
    qtbot.waitUntil(lambda: not checker.rebuilding)
    assert editor.model.row_of(buddy.id) == -1
    assert "buddy" not in [entry.text for entry in run(books.entries())]
    assert checker.check("Thanks, buddy") == []

    # The whole book's history lists the deletion; the version before it comes back.
    choose(editor.history_scope, "book")
    qtbot.waitUntil(lambda: bool(editor.history_records()))
    deletion = editor.history_records()[0]
    assert (deletion.entry_id, deletion.action.value) == (buddy.id, "delete")
    assert editor.select_history(deletion.id)
    assert not editor.restore_button.isEnabled()
    [earlier] = [
        record
        for record in editor.history_records()
        if record.entry_id == buddy.id and record.action.value == "import"
    ]
    assert editor.select_history(earlier.id)
    assert editor.restore_button.isEnabled()
    with qtbot.waitSignal(editor.changed, timeout=15000):
        qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert editor.model.row_of(buddy.id) >= 0


# --- the role ---------------------------------------------------------------------------------


def test_an_agent_sees_the_book_but_cannot_change_it(
    qtbot: Any,
    run: Run,
    books: PhrasebookService,
    checker: PhraseChecker,
    settings: SettingsService,
) -> None:
    run(a_switch(books._identity, "agent"), timeout_ms=20000)
    editor = make_editor(qtbot, run, books, checker)
    assert editor.model.rowCount() >= 100
    assert not editor.can_edit
    assert editor.role_note.isVisible()
    assert READ_ONLY_NOTE in editor.role_note.text()
    for widget in (
        editor.add_button,
        editor.edit_button,
        editor.delete_button,
        editor.import_button,
        editor.new_book_button,
        editor.make_active_button,
        editor.restore_button,
    ):
        assert not widget.isEnabled(), widget.objectName()
    assert editor.export_button.isEnabled()
    assert editor.select_entry(entry_by_text(editor, "hey").id or 0)
    for key in (Qt.Key.Key_Insert, Qt.Key.Key_F2, Qt.Key.Key_Delete):
        focus(qtbot, editor.table)
        qtbot.keyClick(editor.table, key)
    assert editor.form is None
    assert editor.findChild(QMessageBox, "confirmDeleteBox") is None
    assert editor.add_entry() is None
    # The bench still works for an agent.
    editor.bench.setPlainText("hey")
    assert [f.term for f in editor.bench_findings()] == ["hey"]

    # The service refuses as well.
    with pytest.raises(PermissionDenied):
        run(
            books.add_entry(
                PhraseEntry(
                    kind=EntryKind.TABOO,
                    language=Language.EN,
                    text=NEW_TERM,
                    severity=Severity.WARN,
                )
            )
        )
    with pytest.raises(PermissionDenied):
        run(books.delete_entry(entry_by_text(editor, "hey").id or 0))


def test_a_role_taken_away_after_loading_is_refused_by_the_service_and_shown(
    qtbot: Any, editor: PhrasebookEditor, settings: SettingsService, run: Run
) -> None:
    form = open_form(qtbot, editor, Qt.Key.Key_Insert)
    run(a_switch(editor._service._identity, "agent"), timeout_ms=20000)
    qtbot.keyClicks(form.text, NEW_TERM)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    # The refusal says who may (the permission check's own message, in the screen's words).
    qtbot.waitUntil(
        lambda: "an agent may not edit phrasebook" in form.problems.text(), timeout=10000
    )
    assert form.isVisible()
    assert form.text.text() == NEW_TERM
    form.reject()


# --- import and export ----------------------------------------------------------------------


BAD_CSV = """\
kind,language,text,severity,replacements,reason,situation,exceptions
taboo,en,figure it out yourself,block,Let me show you how,Leaves them alone.,,
taboo,en,whatever you say,loud,Certainly,Sounds dismissive.,,
approved,en,Good evening.,,,,,
"""


def test_import_of_a_file_with_bad_rows_lists_the_lines_and_changes_nothing(
    qtbot: Any, editor: PhrasebookEditor, books: PhrasebookService, run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "brand.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    before = run(books.entries())
    version = run(books.version())

    qtbot.mouseClick(editor.import_button, Qt.MouseButton.LeftButton)
    dialog = file_dialog(qtbot, editor, "importFileDialog")
    dialog.selectFile(str(path))
    dialog.accept()
    box = message_box(qtbot, editor, "confirmImportBox")
    assert "brand.csv" in box.text()
    click_in_box(qtbot, box, "confirmImportButton")
    qtbot.waitUntil(editor.report.isVisible, timeout=10000)
    settle(qtbot, editor)

    assert "Nothing was imported" in editor.report_title.text()
    assert "2 bad rows" in editor.report_title.text()
    lines = editor.report_lines()
    assert [line.split(":")[0] for line in lines] == ["line 3", "line 4"]
    assert "loud" in lines[0]
    assert "situation" in lines[1]
    assert run(books.entries()) == before
    assert run(books.version()) == version
    assert editor.model.rowCount() == len(before)
    qtbot.mouseClick(editor.report_close, Qt.MouseButton.LeftButton)
    assert not editor.report.isVisible()


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_export_writes_a_file_that_imports_again(
    qtbot: Any,
    editor: PhrasebookEditor,
    books: PhrasebookService,
    run: Run,
    tmp_path: Path,
    suffix: str,
) -> None:
    path = tmp_path / f"default.{suffix}"
    qtbot.mouseClick(editor.export_button, Qt.MouseButton.LeftButton)
    dialog = file_dialog(qtbot, editor, "exportFileDialog")
    dialog.selectFile(str(path))
    dialog.accept()
    qtbot.waitUntil(lambda: "Exported" in editor.status.text(), timeout=10000)
    settle(qtbot, editor)
    count = editor.model.rowCount()
    assert editor.status.text() == f"Exported {count} entries to {path}."
    data = path.read_bytes()
    if suffix == "json":
        assert len(json.loads(data)) == count
    else:
        assert data.startswith(b"\xef\xbb\xbfkind,language,text,")

    report = run(editor.import_file(path), timeout_ms=15000)
    settle(qtbot, editor)
    assert report is not None
    assert report.summary.unchanged == count
    assert (report.summary.added, report.summary.changed, report.summary.removed) == (0, 0, 0)
    assert not editor.report.isVisible()
    assert editor.model.rowCount() == count


# --- open editors follow the trainer's edit --------------------------------------------------


def test_an_open_checked_editor_rehighlights_after_the_trainer_adds_a_term(
    qtbot: Any, editor: PhrasebookEditor, checker: PhraseChecker, books: PhrasebookService, run: Run
) -> None:
    run(checker.rebuild(run(books.entries())))
    note = CheckedTextEdit(checker)
    qtbot.addWidget(note)
    note.setPlainText("Please figure it out yourself, 谢谢。")
    assert note.hits() == []

    with qtbot.waitSignal(checker.changed, timeout=15000):
        add_taboo_through_form(qtbot, editor)
    [hit] = note.hits()
    assert hit.finding.term == NEW_TERM
    assert (hit.start, hit.end) == (7, 29)
    formats = note.document().firstBlock().layout().formats()
    underlined = [
        (fmt.start, fmt.length)
        for fmt in formats
        if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]
    assert underlined == [(7, 22)]


# --- books --------------------------------------------------------------------------------------


def test_a_new_book_is_created_shown_and_made_active(
    qtbot: Any, editor: PhrasebookEditor, checker: PhraseChecker, books: PhrasebookService, run: Run
) -> None:
    dialog = editor.new_phrasebook()
    assert dialog is not None
    dialog.setTextValue("Tea House")
    with qtbot.waitSignal(editor.loaded, timeout=10000):
        dialog.accept()
    settle(qtbot, editor)
    assert editor.book == "Tea House"
    assert editor.model.rowCount() == 0
    assert editor.book_combo.currentText() == "Tea House"
    assert editor.make_active_button.isEnabled()
    assert "Not in use" in editor.book_note.text()

    with qtbot.waitSignal(editor.changed, timeout=10000):
        qtbot.mouseClick(editor.make_active_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    qtbot.waitUntil(lambda: not checker.rebuilding)
    assert run(books.active_phrasebook()).name == "Tea House"
    assert editor.book_combo.currentText() == "Tea House (active)"
    assert checker.entries == ()


# --- plain helpers --------------------------------------------------------------------------------


def test_items_are_split_on_bars_and_changes_are_described() -> None:
    assert split_items(" Certainly |  | Of course|") == ("Certainly", "Of course")
    before = PhraseEntry(
        id=3, kind=EntryKind.TABOO, language=Language.EN, text="hey", severity=Severity.WARN
    )
    after = PhraseEntry(
        id=3, kind=EntryKind.TABOO, language=Language.EN, text="hey you", severity=Severity.BLOCK
    )
    assert describe_change(before, after) == ("text: “hey” → “hey you”; severity: Warn → Block")
    assert describe_change(None, after) == "new: taboo “hey you” (Block, English)"
    assert describe_change(before, None) == "removed: taboo “hey” (Warn, English)"


# --- keyboard and accessibility ---------------------------------------------------------------

INTERACTIVE = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractItemView)


def interactive(root: QWidget) -> list[QWidget]:
    popups = {combo.view() for combo in root.findChildren(QComboBox)}
    found: list[QWidget] = []
    for kind in INTERACTIVE:
        found += [
            widget
            for widget in root.findChildren(kind)
            if not widget.objectName().startswith("qt_")
            and widget not in popups
            and not isinstance(widget, QHeaderView)
            and widget.window() is root.window()
        ]
    return found


def mnemonics(root: QWidget) -> list[str]:
    texts = [label.text() for label in root.findChildren(QLabel)]
    texts += [button.text() for button in root.findChildren(QAbstractButton)]
    return [m.group(1).lower() for text in texts if (m := re.search(r"&([^&])", text))]


def test_every_interactive_widget_is_named_and_mnemonics_are_unique(
    qtbot: Any, editor: PhrasebookEditor
) -> None:
    widgets = interactive(editor)
    assert len(widgets) >= 20
    for widget in widgets:
        assert widget.objectName(), (widget, widget.parent())
        assert widget.accessibleName(), widget.objectName()
    names = [widget.objectName() for widget in widgets]
    assert len(names) == len(set(names)), sorted(names)
    keys = mnemonics(editor)
    assert {"p", "a", "e", "d", "i", "r", "b"} <= set(keys)
    assert len(keys) == len(set(keys)), sorted(keys)

    form = open_form(qtbot, editor, Qt.Key.Key_Insert)
    fields = interactive(form)
    assert len(fields) >= 10
    for widget in fields:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    keys = mnemonics(form)
    assert {"k", "l", "t", "s"} <= set(keys)
    assert len(keys) == len(set(keys)), sorted(keys)
    form.reject()


def test_keyboard_opens_forms_and_the_form_follows_the_kind(
    qtbot: Any, editor: PhrasebookEditor
) -> None:
    # Ctrl+N adds, starting from what the filters show.
    choose(editor.kind_filter, EntryKind.APPROVED)
    choose(editor.language_filter, Language.ZH_HANT)
    focus(qtbot, editor.table)
    qtbot.keyClick(editor.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.form is not None)
    form = editor.form
    assert form is not None
    assert form.current_kind() is EntryKind.APPROVED
    assert form.language.currentData() == Language.ZH_HANT.value
    assert form.situation.isVisibleTo(form)
    assert not form.severity.isVisibleTo(form)
    assert not form.replacements.isVisibleTo(form)
    choose(form.kind, EntryKind.TABOO)
    assert form.severity.isVisibleTo(form)
    assert form.variant_insensitive.isVisibleTo(form)
    assert not form.situation.isVisibleTo(form)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.form is None)

    # Enter on a row edits it.
    hey = entry_by_text(editor, "hey")
    editor.clear_filters()
    assert editor.select_entry(hey.id or 0)
    form = open_form(qtbot, editor, Qt.Key.Key_Return)
    assert form.editing == hey
    assert form.exceptions.text() == "Hey Tea"
    form.reject()


def test_a_change_made_elsewhere_is_picked_up_and_its_problems_listed(
    qtbot: Any, editor: PhrasebookEditor, runner: DatabaseRunner, run: Run
) -> None:
    """Another console (or an older version) wrote a taboo term that is also an approved
    phrase straight into the book: the editor notices the new version, shows the entry and
    lists the problem; Enter on it selects the entry to fix."""
    book = run(runner.run(store.find_phrasebook, "Default"))
    assert book is not None
    clash = PhraseEntry(
        kind=EntryKind.TABOO, language=Language.EN, text=APPROVED_EN, severity=Severity.HINT
    )
    stored = run(
        runner.run(
            store.add_entry, book.id, clash, author="Elsewhere", now=dt.datetime(2025, 1, 2, 3, 4)
        )
    )
    assert run(editor.refresh_if_changed(), timeout_ms=10000)
    settle(qtbot, editor)
    assert editor.model.row_of(stored.id or 0) >= 0
    qtbot.waitUntil(editor.report.isVisible)
    assert "has 1 problem" in editor.report_title.text()
    [line] = editor.report_lines()
    assert "also an approved phrase" in line
    item = editor.report_list.item(0)
    editor.report_list.itemActivated.emit(item)
    assert editor.selected_entry() == editor.model.by_id(stored.id)
    assert not run(editor.refresh_if_changed())


# --- the interface language -----------------------------------------------------------------

TRANSLATIONS = Path(__file__).parent / "data" / "translations_c.json"


def chinese_translations(tmp_path: Path) -> i18n.Translations:
    """zh_CN for this screen: lupdate of the editor's strings, filled from the group's
    translations (the shared .ts files get them when the lead merges)."""
    import subprocess

    ts = tmp_path / "service_console_zh_CN.ts"
    source = Path(i18n.__file__).parent / "phrasebook_editor.py"
    lupdate = [i18n._lupdate(), "-silent", "-locations", "none", "-target-language", "zh_CN"]
    subprocess.run(
        [*lupdate, str(source), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    wanted = json.loads(TRANSLATIONS.read_text(encoding="utf-8"))
    mapping: dict[str, dict[str, str | list[str]]] = {
        context: {
            source: [texts["zh_CN"]] if "en" in texts else texts["zh_CN"]
            for source, texts in messages.items()
        }
        for context, messages in wanted.items()
    }
    assert i18n.fill_translations(ts, mapping) == sum(len(m) for m in mapping.values())
    assert i18n.unfinished(ts) == []
    return i18n.Translations(ts_dir=tmp_path, out_dir=tmp_path / "qm")


def test_switches_to_chinese_live_keeping_what_is_typed(
    qtbot: Any, editor: PhrasebookEditor, tmp_path: Path
) -> None:
    translations = chinese_translations(tmp_path)
    form = open_form(qtbot, editor, Qt.Key.Key_Insert)
    qtbot.keyClicks(form.text, "half a ter")
    editor.text_filter.setText("sorry")
    qtbot.waitUntil(lambda: editor.proxy.active)
    editor.bench.setPlainText("No problem, buddy!")
    qtbot.waitUntil(lambda: editor.findings.topLevelItemCount() > 0, timeout=10000)
    flagged = editor.findings.topLevelItemCount()
    shown = editor.proxy.rowCount()
    try:
        translations.switch("zh_CN")  # LanguageChange is posted to every widget
        qtbot.waitUntil(lambda: editor.add_button.text() == "添加(&A)…")
        assert editor.import_button.text() == "导入(&I)…"
        assert editor.kind_filter.itemText(0) == "所有类型"
        assert editor.kind_filter.itemText(2) == "禁用"
        assert editor.model.headerData(Column.KIND, Qt.Orientation.Horizontal) == "类型"
        assert editor.count_label.text() == f"{shown} / {editor.model.rowCount()} 个条目"
        assert editor.book_combo.currentText() == "Default（启用中）"
        assert editor.bench_summary.text().startswith(f"标出 {flagged} 处：")
        assert editor.findings.headerItem().text(5) == "建议说法"
        # What was typed, filtered and opened is still there.
        assert form.isVisible() and form.text.text() == "half a ter"
        assert form.windowTitle() == "新建话术条目"
        assert form.save_button.text() == "保存(&S)"
        assert form.severity.currentText().startswith("警告 — ")
        assert editor.text_filter.text() == "sorry"
        assert editor.proxy.rowCount() == shown
        assert editor.bench.toPlainText() == "No problem, buddy!"
        assert editor.findings.topLevelItemCount() == flagged
        # Entries are data: their texts stay as written.
        row = editor.proxy.index(0, Column.TEXT)
        entry = editor.model.entry(editor.proxy.mapToSource(row).row())
        assert editor.proxy.data(row) == entry.text
    finally:
        translations.switch("en")
    qtbot.waitUntil(lambda: editor.add_button.text() == "&Add…")
    assert form.windowTitle() == "New phrasebook entry"
    assert form.text.text() == "half a ter"


def test_traditional_renderings_are_listed_marked_and_approved_by_saving(
    qtbot: Any, editor: PhrasebookEditor, books: PhrasebookService, run: Run
) -> None:
    """Issue 18: a Simplified-only entry is shown with the Traditional entries as an
    automatic rendering, marked as converted; saving it makes it a real zh-Hant entry."""
    stored = run(books.entries())
    assert not any(entry.converted for entry in editor.model.entries)  # not listed yet
    choose(editor.language_filter, Language.ZH_HANT)
    shown = shown_entries(editor)
    converted = [entry for entry in shown if entry.converted]
    assert converted and all(entry.language is Language.ZH_HANT for entry in shown)
    assert editor.count_label.text().endswith(f"of {len(stored)} entries")
    first = converted[0]
    row = shown.index(first)
    cell = editor.proxy.index(row, Column.LANGUAGE)
    assert editor.proxy.data(cell) == "繁體中文 (converted automatically)"
    assert first.converted_from in editor.proxy.data(cell, Qt.ItemDataRole.ToolTipRole)
    editor.table.selectRow(row)
    form = open_form(qtbot, editor, Qt.Key.Key_F2)
    assert form.editing is None  # a new entry, filled with the rendering
    assert form.text.text() == first.text
    save_form(qtbot, editor, form)
    settle(qtbot, editor)
    after = run(books.entries())
    assert len(after) == len(stored) + 1
    saved = after[-1]
    assert (saved.language, saved.text, saved.converted) == (Language.ZH_HANT, first.text, False)
    still = [entry.text for entry in shown_entries(editor) if entry.converted]
    assert first.text not in still and len(still) == len(converted) - 1


def test_import_problems_are_listed_in_the_staff_language(
    qtbot: Any, editor: PhrasebookEditor, run: Run, tmp_path: Path
) -> None:
    """A bad row's reason is a message code: a Traditional Chinese screen says it in 繁體."""
    path = tmp_path / "brand.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    translations = i18n.Translations(out_dir=tmp_path / "qm")
    try:
        translations.switch("zh_TW")
        assert run(editor.import_file(path), timeout_ms=15000) is None
        lines = editor.report_lines()
    finally:
        translations.switch("en")
    assert lines[0] == "第 3 行：未知的 severity 'loud'（可用：block、warn、hint）"
    assert lines[1].startswith("第 4 行：推薦話術列需要填寫 situation（greeting、")

"""PhrasePicker: approved phrases for the situation and language, filtered as you type,
placeholders filled from the editor's context or asked for, inserted at the cursor."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QWidget,
)

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.ui.checked_editor import CheckedTextEdit
from console.ui.phrase_checker import PhraseChecker
from console.ui.phrase_picker import PhrasePicker, preview_text


def approved(text: str, situation: Situation, language: Language = Language.EN) -> PhraseEntry:
    return PhraseEntry(kind=EntryKind.APPROVED, language=language, text=text, situation=situation)


GREETING = "Good morning, {preferred_name}. Welcome to {store}."
INTRODUCTION = "Hello, {preferred_name}. My name is {agent_name}; how may I help you today?"
SORRY = "I'm sorry for the inconvenience."
SORRY_HANS = "给您添麻烦了，非常抱歉。"
SORRY_HANT = "給您添麻煩了，非常抱歉。"
SORRY_ANY = "Sorry! 对不起！"
CONFIRM = "Let me check I understood: {summary}. Did I understand you correctly?"
FAREWELL = "It was my pleasure. Have a lovely day."

ENTRIES = [
    approved(GREETING, Situation.GREETING),
    approved(INTRODUCTION, Situation.GREETING),
    approved(SORRY, Situation.APOLOGY),
    approved(SORRY_HANS, Situation.APOLOGY, Language.ZH_HANS),
    approved(SORRY_HANT, Situation.APOLOGY, Language.ZH_HANT),
    approved(SORRY_ANY, Situation.APOLOGY, Language.ANY),
    approved(CONFIRM, Situation.CONFIRM_UNDERSTANDING),
    approved(FAREWELL, Situation.FAREWELL),
    PhraseEntry(
        kind=EntryKind.TABOO,
        language=Language.EN,
        text="hey",
        severity=Severity.WARN,
        replacements=("Hello",),
    ),
]
CONTEXT = {"preferred_name": "Mei", "agent_name": "Sam", "store": "Harbour City", "name": "Li Mei"}


@pytest.fixture
def checker(qloop: Any) -> PhraseChecker:
    return PhraseChecker(ENTRIES)


@pytest.fixture
def editor(qtbot: Any, checker: PhraseChecker) -> CheckedTextEdit:
    widget = CheckedTextEdit(checker, situation=Situation.APOLOGY, language="en", context=CONTEXT)
    qtbot.addWidget(widget)
    widget.resize(520, 240)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    widget.setFocus()
    return widget


def open_picker(qtbot: Any, editor: CheckedTextEdit) -> PhrasePicker:
    picker = editor.open_phrase_picker()
    qtbot.waitExposed(picker)
    qtbot.waitUntil(picker.isActiveWindow)
    return picker


def commit(widget: QWidget, text: str) -> None:
    """Type non-Latin-1 text the way an input method delivers it."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def listed(picker: PhrasePicker) -> list[str]:
    return [entry.text for entry in picker.visible_entries()]


def test_lists_the_situation_and_language_with_any_language_phrases(
    qtbot: Any, editor: CheckedTextEdit
) -> None:
    picker = open_picker(qtbot, editor)

    assert listed(picker) == [SORRY, SORRY_ANY]
    assert picker.current_entry() == ENTRIES[2]
    assert picker.search.hasFocus()


def test_situation_combo_widens_the_choice(qtbot: Any, editor: CheckedTextEdit) -> None:
    picker = open_picker(qtbot, editor)

    picker.situation_combo.setCurrentIndex(picker.situation_combo.findData(None))

    assert listed(picker) == [GREETING, INTRODUCTION, SORRY, SORRY_ANY, CONFIRM, FAREWELL]
    picker.language_combo.setCurrentIndex(picker.language_combo.findData(""))
    assert len(listed(picker)) == 8


def test_chinese_editor_gets_its_script(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.language = "zh-Hant"

    picker = open_picker(qtbot, editor)

    assert listed(picker) == [SORRY_HANT, SORRY_ANY]


def test_filters_as_you_type_ignoring_case_and_width(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.situation = None
    picker = open_picker(qtbot, editor)

    qtbot.keyClicks(picker.search, "SORRY")
    assert listed(picker) == [SORRY, SORRY_ANY]

    picker.search.clear()
    commit(picker.search, "ＭＯＲＮＩＮＧ")
    assert listed(picker) == [GREETING]

    picker.search.clear()
    qtbot.keyClicks(picker.search, "my name sam")  # the filled preview is searched too
    assert listed(picker) == [INTRODUCTION]

    picker.search.clear()
    qtbot.keyClicks(picker.search, "apology")  # and the situation
    assert listed(picker) == [SORRY, SORRY_ANY]

    picker.search.clear()
    qtbot.keyClicks(picker.search, "xyzzy")
    assert listed(picker) == []
    assert picker.current_entry() is None
    assert not picker.insert_button.isEnabled()
    assert "No approved phrase matches “xyzzy”" in picker.status.text()


def test_simplified_search_finds_traditional(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.language = ""
    picker = open_picker(qtbot, editor)

    commit(picker.search, "麻烦")

    assert listed(picker) == [SORRY_HANS, SORRY_HANT]


def test_list_shows_phrases_filled_from_the_context(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.situation = Situation.GREETING
    picker = open_picker(qtbot, editor)

    shown = [picker.phrases.item(row).text() for row in range(picker.phrases.count())]

    assert shown[0] == "Good morning, Mei. Welcome to Harbour City."
    assert picker.preview.text() == "Good morning, Mei. Welcome to Harbour City."
    assert picker.fields.isHidden()


def test_keyboard_only_insert_with_context(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.situation = None
    qtbot.keyClicks(editor, "Dear Mei,")
    qtbot.keyClick(
        editor,
        Qt.Key.Key_Space,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: editor.findChild(PhrasePicker) is not None)
    picker = editor.findChild(PhrasePicker)
    assert isinstance(picker, PhrasePicker)
    qtbot.waitExposed(picker)

    qtbot.keyClicks(picker.search, "hello")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not picker.isVisible())
    text = "Dear Mei, Hello, Mei. My name is Sam; how may I help you today?"
    assert editor.toPlainText() == text
    editor.undo()
    assert editor.toPlainText() == "Dear Mei,"


def test_arrow_keys_move_through_the_list_from_the_search(
    qtbot: Any, editor: CheckedTextEdit
) -> None:
    picker = open_picker(qtbot, editor)
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)

    assert picker.current_entry() == ENTRIES[5]
    assert picker.search.hasFocus()
    qtbot.keyClick(picker.search, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)

    qtbot.waitUntil(lambda: not picker.isVisible())
    assert editor.toPlainText() == SORRY_ANY


def test_asks_for_a_missing_placeholder(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.context = {"preferred_name": "Mei", "agent_name": "Sam"}
    editor.situation = Situation.GREETING
    picker = open_picker(qtbot, editor)
    assert picker.current_entry() == ENTRIES[0]
    assert set(picker.placeholder_edits) == {"store"}
    assert picker.preview.text() == "Good morning, Mei. Welcome to ‹Store›."
    assert not picker.insert_button.isEnabled()
    assert "fill in: Store" in picker.status.text()

    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # Enter goes to the field first
    store = picker.placeholder_edits["store"]
    assert store.hasFocus()
    assert picker.isVisible()
    qtbot.keyClicks(store, "   ")
    assert not picker.insert_button.isEnabled()  # blanks are no value
    store.clear()
    qtbot.keyClicks(store, "Harbour City")
    assert picker.insert_button.isEnabled()
    qtbot.keyClick(store, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not picker.isVisible())
    assert editor.toPlainText() == "Good morning, Mei. Welcome to Harbour City."


def test_nothing_unfilled_ever_reaches_the_text(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.context = {}
    editor.situation = Situation.CONFIRM_UNDERSTANDING
    picker = open_picker(qtbot, editor)
    assert picker.filled() is not None

    qtbot.mouseClick(picker.insert_button, Qt.MouseButton.LeftButton)  # disabled
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.keyClick(picker.placeholder_edits["summary"], Qt.Key.Key_Return)

    assert picker.isVisible()
    assert editor.toPlainText() == ""
    qtbot.keyClicks(picker.placeholder_edits["summary"], "a refund to the card")
    qtbot.mouseClick(picker.insert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not picker.isVisible())
    text = editor.toPlainText()
    assert (
        text == "Let me check I understood: a refund to the card. Did I understand you correctly?"
    )
    assert "{" not in text
    assert "[" not in text


def test_typed_values_are_kept_while_browsing(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.context = {"preferred_name": "Mei"}
    editor.situation = Situation.GREETING
    picker = open_picker(qtbot, editor)
    qtbot.keyClicks(picker.placeholder_edits["store"], "Harbour City")

    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert set(picker.placeholder_edits) == {"agent_name"}
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)

    assert picker.placeholder_edits["store"].text() == "Harbour City"
    assert picker.insert_button.isEnabled()


def test_escape_inserts_nothing(qtbot: Any, editor: CheckedTextEdit) -> None:
    picker = open_picker(qtbot, editor)

    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not picker.isVisible())
    assert editor.toPlainText() == ""
    assert editor.open_phrase_picker() is not picker  # a fresh picker next time
    qtbot.waitUntil(lambda: editor.findChild(PhrasePicker) is not None)


def test_inserts_at_the_cursor(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.insertPlainText("😀 Dear Mei,\n\nBest wishes")
    cursor = editor.textCursor()
    cursor.setPosition(len("😀 Dear Mei,\n".encode("utf-16-le")) // 2)
    editor.setTextCursor(cursor)
    picker = open_picker(qtbot, editor)

    qtbot.keyClick(picker.search, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not picker.isVisible())
    assert editor.toPlainText() == f"😀 Dear Mei,\n{SORRY}\nBest wishes"


def test_context_menu_opens_the_picker(qtbot: Any, editor: CheckedTextEdit) -> None:
    menu = editor.context_menu_at(editor.cursorRect().center())
    action = next(a for a in menu.actions() if a.text() == "Insert approved phrase…")
    assert action.shortcut().toString() == "Ctrl+Shift+Space"

    action.trigger()

    picker = editor.findChild(PhrasePicker)
    assert isinstance(picker, PhrasePicker)
    qtbot.waitExposed(picker)
    assert listed(picker) == [SORRY, SORRY_ANY]
    menu.deleteLater()


def test_trainers_edit_reloads_an_open_picker(
    qtbot: Any, checker: PhraseChecker, editor: CheckedTextEdit
) -> None:
    picker = open_picker(qtbot, editor)
    added = approved("I do apologise, {preferred_name}.", Situation.APOLOGY)

    with qtbot.waitSignal(checker.changed, timeout=5000):
        checker.set_entries([*ENTRIES, added])

    assert listed(picker) == [SORRY, SORRY_ANY, added.text]
    assert picker.current_entry() == ENTRIES[2]


def test_preview_text_names_missing_placeholders() -> None:
    from console.domain.phrasebook import fill

    result = fill("Hi {preferred_name}, from {store} and {store}", {"store": " "})

    assert preview_text(result) == "Hi ‹Customer's name›, from ‹Store› and ‹Store›"


def test_tab_follows_the_layout(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.context = {"preferred_name": "Mei"}
    editor.situation = Situation.GREETING
    picker = open_picker(qtbot, editor)
    picker.placeholder_edits["store"].setText("Harbour City")
    picker.placeholder_edits["store"].textEdited.emit("Harbour City")
    visited = []
    for _ in range(7):
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)

    assert visited == [
        "phraseSearch",
        "phraseSituation",
        "phraseLanguage",
        "phraseList",
        "placeholder_store",
        "insertPhraseButton",
        "cancelPickerButton",
    ]


def test_every_control_is_named(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.context = {}
    editor.situation = Situation.GREETING
    picker = open_picker(qtbot, editor)

    controls: list[QWidget] = [
        *picker.findChildren(QLineEdit),
        *picker.findChildren(QComboBox),
        *picker.findChildren(QListWidget),
        *picker.findChildren(QAbstractButton),
    ]
    assert len(controls) >= 7
    for control in controls:
        if control.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue  # a line edit's own clear button
        assert control.objectName(), control
        assert control.accessibleName(), control.objectName()

"""CheckedTextEdit: live underlines at the right UTF-16 place, quick fixes, the save check,
and a trainer's edit reaching an open editor."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox, QToolTip

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity
from console.ui.checked_editor import (
    SEVERITY_COLOURS,
    CheckedTextEdit,
    Hit,
    confirm_save,
    fitted_replacement,
)
from console.ui.phrase_checker import PhraseChecker

RED = QColor(SEVERITY_COLOURS[Severity.BLOCK]).name()
ORANGE = QColor(SEVERITY_COLOURS[Severity.WARN]).name()
BLUE = QColor(SEVERITY_COLOURS[Severity.HINT]).name()

# The offscreen platform can neither raise a tooltip or menu nor let it grab the keyboard;
# harmless in tests (the popups still work).
OFFSCREEN_POPUPS = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)


def taboo(
    text: str,
    severity: Severity,
    *replacements: str,
    reason: str = "",
    language: Language = Language.EN,
    exceptions: tuple[str, ...] = (),
) -> PhraseEntry:
    return PhraseEntry(
        kind=EntryKind.TABOO,
        language=language,
        text=text,
        severity=severity,
        replacements=replacements,
        reason=reason or f"Do not say “{text}”.",
        exceptions=exceptions,
    )


ENTRIES = [
    taboo("hey", Severity.WARN, "Hello", "Good morning", reason="“Hey” is too casual."),
    taboo("you people", Severity.BLOCK, "you", "all of you", reason="Sounds contemptuous."),
    taboo("OK", Severity.HINT, "Certainly", "Of course", reason="Sounds casual."),
    taboo("no problem", Severity.WARN, "My pleasure", exceptions=("No Problem Tea",)),
    taboo("I don't know", Severity.BLOCK, "Let me find out for you."),
    taboo("calm down", Severity.BLOCK, reason="Makes an upset customer angrier."),
    taboo(
        "这里就是这样的",
        Severity.BLOCK,
        "我理解您的感受，我来想想办法",
        reason="这句话等于拒绝解决问题。",
        language=Language.ZH_HANS,
    ),
]


@pytest.fixture
def checker(qloop: Any) -> PhraseChecker:
    return PhraseChecker(ENTRIES)


@pytest.fixture
def editor(qtbot: Any, checker: PhraseChecker) -> CheckedTextEdit:
    widget = CheckedTextEdit(checker, language="en", context={"preferred_name": "Mei"})
    qtbot.addWidget(widget)
    widget.resize(520, 240)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    widget.setFocus()
    return widget


def blocks(editor: CheckedTextEdit) -> Iterator[QTextBlock]:
    block = editor.document().begin()
    while block.isValid():
        yield block
        block = block.next()


def underlines(block: QTextBlock) -> list[tuple[int, int, str]]:
    """(start, length, colour) of the underlined ranges of a block, in UTF-16 units."""
    wavy = (
        QTextCharFormat.UnderlineStyle.WaveUnderline,
        QTextCharFormat.UnderlineStyle.SpellCheckUnderline,
    )
    return sorted(
        (r.start, r.length, r.format.underlineColor().name())
        for r in block.layout().formats()
        if r.format.underlineStyle() in wavy
    )


def all_underlines(editor: CheckedTextEdit) -> list[list[tuple[int, int, str]]]:
    return [underlines(block) for block in blocks(editor)]


def selected(editor: CheckedTextEdit, start: int, end: int) -> str:
    """The text between two Qt positions (checks that a span is where we expect)."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def hit_centre(editor: CheckedTextEdit, hit: Hit) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(hit.start)
    left = editor.cursorRect(cursor)
    cursor.setPosition(hit.end)
    right = editor.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def only_hit(editor: CheckedTextEdit) -> Hit:
    hits = editor.hits()
    assert len(hits) == 1, hits
    return hits[0]


# --- underlines ---------------------------------------------------------------------------


def test_typing_a_taboo_term_underlines_it(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "Well hey there")

    assert all_underlines(editor) == [[(5, 3, ORANGE)]]


def test_severities_have_their_colours(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "hey, you people, OK")

    assert all_underlines(editor) == [[(0, 3, ORANGE), (5, 10, RED), (17, 2, BLUE)]]


@pytest.mark.parametrize(
    ("prefix", "units"),
    [("😀 ", 3), ("😀😀 ", 5), ("𠮷 ", 3), ("𠮷野家 ", 5), ("é ", 2)],
)
def test_underline_stays_in_place_after_wide_characters(
    qtbot: Any, editor: CheckedTextEdit, prefix: str, units: int
) -> None:
    editor.insertPlainText(prefix)
    qtbot.keyClicks(editor, "you people")

    assert all_underlines(editor) == [[(units, 10, RED)]]
    assert selected(editor, units, units + 10) == "you people"


def test_underline_after_emoji_on_a_later_line(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.insertPlainText("Dear Mei 😀\n😀𠮷 ")
    qtbot.keyClicks(editor, "hey")

    assert all_underlines(editor) == [[], [(5, 3, ORANGE)]]
    hit = only_hit(editor)
    assert selected(editor, hit.start, hit.end) == "hey"
    finding = hit.finding
    assert editor.toPlainText()[finding.start : finding.end] == "hey"


def test_traditional_text_is_flagged_by_a_simplified_term(editor: CheckedTextEdit) -> None:
    editor.insertPlainText("😀您好，這裡就是這樣的。")

    assert all_underlines(editor) == [[(5, 7, RED)]]
    (finding,) = editor.findings()
    assert finding.matched == "這裡就是這樣的"
    assert finding.term == "这里就是这样的"


def test_exception_is_not_underlined(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "A No Problem Tea for you? no problem")

    assert all_underlines(editor) == [[(26, 10, ORANGE)]]


def test_editing_clears_the_underline(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "hey")
    qtbot.keyClicks(editor, "day")

    assert all_underlines(editor) == [[]]
    assert editor.findings() == []


@OFFSCREEN_POPUPS
def test_hovering_a_hit_shows_reason_and_replacements(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.insertPlainText("😀 Sorry, you people")
    hit = only_hit(editor)
    point = hit_centre(editor, hit)
    assert editor.hit_at(point) == hit
    assert editor.hit_at(QPoint(2, point.y())) is None

    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(editor.viewport(), event)

    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    assert "Must change" in text
    assert "Sounds contemptuous." in text
    assert "all of you" in text
    QToolTip.hideText()


# --- quick fix ----------------------------------------------------------------------------


def test_context_menu_replaces_the_hit_in_one_undoable_edit(
    qtbot: Any, editor: CheckedTextEdit
) -> None:
    editor.insertPlainText("😀 Sorry, you people waited")
    original = editor.toPlainText()
    menu = editor.context_menu_at(hit_centre(editor, only_hit(editor)))
    texts = [action.text() for action in menu.actions()]
    assert "Replace with “you”" in texts
    assert "Replace with “all of you”" in texts
    assert "Insert approved phrase…" in texts

    next(a for a in menu.actions() if a.text() == "Replace with “all of you”").trigger()

    assert editor.toPlainText() == "😀 Sorry, all of you waited"
    assert all_underlines(editor) == [[]]
    editor.undo()
    assert editor.toPlainText() == original
    assert all_underlines(editor) == [[(10, 10, RED)]]
    menu.deleteLater()


def test_context_menu_off_a_hit_has_no_fixes(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "Hello there")

    menu = editor.context_menu_at(editor.cursorRect().center())

    assert not [a for a in menu.actions() if a.text().startswith("Replace with")]
    assert "Insert approved phrase…" in [a.text() for a in menu.actions()]
    menu.deleteLater()


def open_quick_fix(qtbot: Any, editor: CheckedTextEdit) -> QMenu:
    qtbot.keyClick(editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu.objectName() == "quickFixMenu"
    return menu


@OFFSCREEN_POPUPS
def test_shortcut_fixes_the_hit_before_the_cursor(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.insertPlainText("𠮷 ")
    qtbot.keyClicks(editor, "hey, how are you")

    menu = open_quick_fix(qtbot, editor)
    assert menu.activeAction() is not None
    assert menu.activeAction().text() == "Replace with “hello”"
    qtbot.keyClick(menu, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert editor.toPlainText() == "𠮷 hello, how are you"
    editor.undo()
    assert editor.toPlainText() == "𠮷 hey, how are you"


@OFFSCREEN_POPUPS
def test_shortcut_picks_the_hit_under_the_cursor(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "hey you people")
    cursor = editor.textCursor()
    cursor.setPosition(1)
    editor.setTextCursor(cursor)

    menu = open_quick_fix(qtbot, editor)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert editor.toPlainText() == "Good morning you people"


@OFFSCREEN_POPUPS
def test_shortcut_with_nothing_to_fix_opens_no_menu(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "Good morning")

    assert editor.show_quick_fix_menu() is None
    assert editor.hit_for_quick_fix() is None
    QToolTip.hideText()


def test_replacement_fits_the_sentence(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "Sorry, I don't know. That's no problem!")
    for hit in reversed(editor.hits()):
        editor.replace_hit(hit, hit.finding.replacements[0])

    assert editor.toPlainText() == "Sorry, let me find out for you. That's my pleasure!"


@pytest.mark.parametrize(
    ("replacement", "before", "after", "expected"),
    [
        ("Certainly", "", "", "Certainly"),
        ("Certainly", "That is ", " fine", "certainly"),
        ("you", "Hello. ", " there", "You"),
        ("I'll check.", "Well, ", ".", "I'll check"),
        ("OK Tea", "a ", "", "OK Tea"),
        ("我帮您查一下", "您好，", "。", "我帮您查一下"),
    ],
)
def test_fitted_replacement(replacement: str, before: str, after: str, expected: str) -> None:
    assert fitted_replacement(replacement, before, after) == expected


# --- saving -------------------------------------------------------------------------------


def message_box(editor: CheckedTextEdit) -> QMessageBox:
    box = editor.findChild(QMessageBox, "wordingCheckBox")
    assert isinstance(box, QMessageBox)
    return box


def start_confirm(qtbot: Any, editor: CheckedTextEdit) -> asyncio.Task[bool]:
    task = asyncio.ensure_future(confirm_save(editor))
    qtbot.waitUntil(
        lambda: (
            isinstance(editor.findChild(QMessageBox, "wordingCheckBox"), QMessageBox)
            and message_box(editor).isVisible()
        )
    )
    return task


def click(qtbot: Any, box: QMessageBox, name: str) -> None:
    button = box.findChild(QAbstractButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_block_term_fails_the_save_check(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "hey, calm down, OK")

    check = editor.save_check()

    assert [f.matched for f in check.blockers] == ["calm down"]
    assert [f.matched for f in check.warnings] == ["hey"]
    assert [f.matched for f in check.hints] == ["OK"]
    assert not check.ok


def test_block_refuses_and_says_why(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "Please calm down.")
    task = start_confirm(qtbot, editor)
    box = message_box(editor)
    assert "Makes an upset customer angrier." in box.text()
    assert box.findChild(QAbstractButton, "fixButton") is None  # no replacement to offer

    click(qtbot, box, "goBackButton")

    qtbot.waitUntil(task.done)
    assert task.result() is False
    assert editor.textCursor().selectedText() == "calm down"


def test_block_offers_the_fix(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.insertPlainText("😀 Thank you people for waiting")
    task = start_confirm(qtbot, editor)
    box = message_box(editor)
    assert "Sounds contemptuous." in box.text()
    fix = box.findChild(QAbstractButton, "fixButton")
    assert fix is not None
    assert fix.text() == "Fix: replace with “you”"
    assert box.defaultButton() is fix

    click(qtbot, box, "fixButton")

    qtbot.waitUntil(task.done)
    assert task.result() is False  # the agent sees the fixed text before sending it
    assert editor.toPlainText() == "😀 Thank you for waiting"
    assert editor.save_check().ok


def test_several_blocks_are_fixed_together(qtbot: Any, editor: CheckedTextEdit) -> None:
    editor.insertPlainText("您好，这里就是这样的。\nYou people, I don't know.")
    task = start_confirm(qtbot, editor)
    fix = message_box(editor).findChild(QAbstractButton, "fixButton")
    assert fix is not None
    assert fix.text() == "Fix all: use the suggested wording"

    click(qtbot, message_box(editor), "fixButton")

    qtbot.waitUntil(task.done)
    assert task.result() is False
    assert (
        editor.toPlainText()
        == "您好，我理解您的感受，我来想想办法。\nYou, let me find out for you."
    )
    editor.undo()
    assert editor.toPlainText() == "您好，这里就是这样的。\nYou people, I don't know."


@pytest.mark.parametrize(
    ("button", "expected"), [("sendAnywayButton", True), ("goBackButton", False)]
)
def test_warning_needs_a_deliberate_confirmation(
    qtbot: Any, editor: CheckedTextEdit, button: str, expected: bool
) -> None:
    qtbot.keyClicks(editor, "hey Mei")
    task = start_confirm(qtbot, editor)
    box = message_box(editor)
    assert "“Hey” is too casual." in box.text()
    back = box.findChild(QAbstractButton, "goBackButton")
    assert box.defaultButton() is back
    send = box.findChild(QAbstractButton, "sendAnywayButton")
    assert send is not None
    assert send.text() == "Send anyway"

    click(qtbot, box, button)

    qtbot.waitUntil(task.done)
    assert task.result() is expected
    assert editor.toPlainText() == "hey Mei"


def test_escape_goes_back(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "hey Mei")
    task = start_confirm(qtbot, editor)

    qtbot.keyClick(message_box(editor), Qt.Key.Key_Escape)

    qtbot.waitUntil(task.done)
    assert task.result() is False


def test_hint_does_not_interrupt(
    qtbot: Any, editor: CheckedTextEdit, run: Callable[..., Any]
) -> None:
    qtbot.keyClicks(editor, "OK, I will call you back")

    assert editor.save_check().ok
    assert run(confirm_save(editor)) is True
    assert editor.findChild(QMessageBox) is None


def test_clean_text_does_not_interrupt(
    qtbot: Any, editor: CheckedTextEdit, run: Callable[..., Any]
) -> None:
    qtbot.keyClicks(editor, "Certainly, I will call you back")

    assert run(confirm_save(editor)) is True
    assert editor.findChild(QMessageBox) is None


def test_summary_for_assistive_technology(qtbot: Any, editor: CheckedTextEdit) -> None:
    with qtbot.waitSignal(editor.findingsChanged):
        qtbot.keyClicks(editor, "hey, calm down")

    assert editor.accessibleDescription() == "Wording: 1 must change, 1 to check."


# --- a trainer's edit ---------------------------------------------------------------------


def test_trainers_edit_rehighlights_open_editors(
    qtbot: Any, checker: PhraseChecker, editor: CheckedTextEdit
) -> None:
    second = CheckedTextEdit(checker)
    qtbot.addWidget(second)
    second.setPlainText("😀 cheap and cheerful, hey")
    qtbot.keyClicks(editor, "hey, it's cheap")
    assert all_underlines(editor) == [[(0, 3, ORANGE)]]
    edited = [
        *[e for e in ENTRIES if e.text != "hey"],
        taboo("cheap", Severity.HINT, "good value"),
    ]

    with qtbot.waitSignal(checker.changed, timeout=5000):
        checker.set_entries(edited)

    assert all_underlines(editor) == [[(10, 5, BLUE)]]
    assert all_underlines(second) == [[(3, 5, BLUE)]]
    assert [f.matched for f in editor.findings()] == ["cheap"]


def test_rebuild_runs_in_the_background(
    qtbot: Any, checker: PhraseChecker, editor: CheckedTextEdit
) -> None:
    qtbot.keyClicks(editor, "hey")
    edited = [taboo("hey", Severity.BLOCK, "Hello")]

    with qtbot.waitSignal(checker.changed, timeout=5000):
        checker.set_entries(edited)
        # Returned at once: the old phrasebook is still in effect while the new one builds.
        busy_at_first = checker.rebuilding
        assert all_underlines(editor) == [[(0, 3, ORANGE)]]

    assert busy_at_first
    assert not checker.rebuilding
    assert all_underlines(editor) == [[(0, 3, RED)]]


def test_the_latest_phrasebook_wins(
    qtbot: Any, checker: PhraseChecker, editor: CheckedTextEdit
) -> None:
    qtbot.keyClicks(editor, "hey OK")
    first = [taboo("hey", Severity.BLOCK, "Hello")]
    second = [taboo("OK", Severity.BLOCK, "Certainly")]

    checker.set_entries(first)
    checker.set_entries(second)
    qtbot.waitUntil(lambda: not checker.rebuilding, timeout=5000)
    qtbot.wait(50)

    assert checker.entries == tuple(second)
    assert all_underlines(editor) == [[(4, 2, RED)]]


def test_editor_can_switch_checker(qtbot: Any, editor: CheckedTextEdit) -> None:
    qtbot.keyClicks(editor, "hey OK")
    other = PhraseChecker([taboo("OK", Severity.BLOCK, "Certainly")])

    editor.checker = other

    assert all_underlines(editor) == [[(4, 2, RED)]]
    with qtbot.waitSignal(other.changed, timeout=5000):
        other.set_entries([taboo("hey", Severity.HINT, "Hello")])
    assert all_underlines(editor) == [[(0, 3, BLUE)]]


def test_closed_editors_do_not_hold_up_a_trainers_edit(
    qtbot: Any, checker: PhraseChecker, editor: CheckedTextEdit
) -> None:
    gone = CheckedTextEdit(checker)
    gone.setPlainText("hey")
    picker = gone.open_phrase_picker()
    with qtbot.waitSignals([picker.destroyed, gone.destroyed], timeout=5000):
        picker.close()
        gone.deleteLater()
    qtbot.keyClicks(editor, "hey")

    with qtbot.waitSignal(checker.changed, timeout=5000):
        checker.set_entries([taboo("hey", Severity.HINT, "Hello")])

    assert all_underlines(editor) == [[(0, 3, BLUE)]]

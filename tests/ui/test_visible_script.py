"""Issue 18: the front desk in 繁體中文 shows no Simplified-only characters.

The populated front desk (:mod:`tests.ui.front_desk`: Today, a customer's profile with a
complaint, a reward and a birthday, the call dock) is switched to zh_TW and every visible
text is collected — labels, buttons, group and tab titles, list rows, table cells and
headers. Customer data (names, what they said, what they bought, the greeting said in the
customer's own language) is left out; the rest must survive an OpenCC round trip
(``text == s2tw(text)`` apart from the characters Taiwan writes as is, as
``tests/unit/test_translations.py`` checks the .ts files). Pictures are saved to
``$SCREENSHOT_DIR`` (else the test's temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import opencc
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Characters OpenCC writes in their formal form but Taiwan commonly writes as is.
ACCEPTED = {"台", "游", "余"}
TO_TRADITIONAL = opencc.OpenCC("s2tw")


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person can read in *window* now."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str) -> None:
        if text.strip():
            found.append((widget.objectName() or type(widget).__name__, text))

    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget, widget.tabText(index))
        elif isinstance(widget, QTextEdit):
            add(widget, widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root = QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # a list model (columnCount is not public): one column
                columns = 1
            for row in range(min(model.rowCount(root), 50)):
                for column in range(columns):
                    add(widget, str(model.index(row, column, root).data() or ""))
            for column in range(columns):
                add(widget, str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for action in window.menuBar().actions():
        add(window.menuBar(), action.text())
    return found


def simplified_only(text: str) -> list[str]:
    converted = TO_TRADITIONAL.convert(text)
    return sorted({a for a, b in zip(text, converted, strict=False) if a != b} - ACCEPTED)


def test_the_front_desk_in_traditional_chinese_has_no_simplified_characters(
    desk: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = desk.window
    desk.choose_language("zh_TW")
    qtbot.waitUntil(lambda: window.today.occasions.count() > 0, timeout=5000)
    qtbot.wait(100)
    today = visible_texts(window)
    occasions = [
        window.today.occasions.item(r).text() for r in range(window.today.occasions.count())
    ]
    assert any("生日（38歲）" in row for row in occasions), occasions  # an age, not 週年
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(shots / "today-zh_TW-words.png"))
    window.open_customer(desk.customer_id)
    qtbot.waitUntil(lambda: window.profile.customer_id == desk.customer_id, timeout=5000)
    qtbot.waitUntil(window.profile.complaint_badge.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: window.profile.purchases.rowCount() >= 3, timeout=5000)
    qtbot.wait(200)
    QApplication.processEvents()
    profile = window.profile.profile
    assert profile is not None
    customer = profile.customer
    # Customer data, and what is said to this (Simplified-script) customer.
    data = [
        profile.greeting,
        customer.name,
        customer.preferred_name,
        *customer.preferences,
        *customer.dislikes,
        *customer.avoid_topics,
        customer.notes,
    ]
    problems = []
    texts = [*today, *visible_texts(window)]
    assert len(texts) > 40  # the screen was really read
    for where, text in texts:
        staff_text = text
        for item in data:
            if item:
                staff_text = staff_text.replace(item, "")
        if bad := simplified_only(staff_text):
            problems.append((where, text, bad))
    assert window.grab().save(str(shots / "front-desk-zh_TW-words.png"))
    assert problems == []

"""Every text a person can read in a window, and the words in it that do not belong in a
Chinese screen (issue 18): Latin-script words that are not names, brand terms or data,
dates written the ISO way, and, in a Traditional screen, Simplified-only characters (an
OpenCC round trip)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import opencc
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Terms every language writes in Latin letters: the product's and the trade's names, keys
# on the keyboard, formats and units. Nothing else of the interface may stay English.
ALLOWED = frozenset(
    {
        "PIN", "VIP", "CSV", "JSON", "PDF", "CTI", "URL", "HTTP", "HTTPS", "IP", "ID",
        "Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "Del", "Delete", "Backspace",
        "PgUp", "PgDown", "Home", "End", "Space", "F1", "F2", "F3", "F5", "F6", "F12",
        "OpenCC", "SQLCipher", "Qt", "Service", "Console", "DEMO",
        "English",  # a language named in its own words (the Language menu)
        "en", "zh-Hans", "zh-Hant",  # language tags, as phrasebook files write them
        "YYYY-MM-DD", "MM-DD",  # the date format a field accepts
        "backups",  # a folder's name on disk
        "CNY", "HKD", "TWD", "GBP", "USD", "EUR", "CN", "HK", "TW", "MO", "GB", "US",
        "Asia", "Shanghai", "Taipei", "Hong_Kong", "Europe", "London", "UTC", "GMT",
        "min", "h", "px",
        "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q",
        "R", "S", "T", "U", "V", "W", "X", "Y", "Z",  # shortcut letters: 保存(&S)
    }
)  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z'’_-]*")
# Characters OpenCC writes in their formal form but Taiwan commonly writes as is.
ACCEPTED = {"台", "游", "余"}
TO_TRADITIONAL = opencc.OpenCC("s2tw")


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person can read in *window* now: labels, buttons,
    group and tab titles, placeholders, tooltips, combo items, list and table items and
    headers, the window title and the menu bar."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str) -> None:
        if text and text.strip():
            found.append((widget.objectName() or type(widget).__name__, text))

    add(window, window.windowTitle())
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        add(widget, widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget, widget.tabText(index))
                add(widget, widget.tabToolTip(index))
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            add(widget, widget.placeholderText())
            if widget.isReadOnly():
                add(widget, widget.toPlainText())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, widget.itemText(index))
        elif isinstance(widget, QAbstractSpinBox):
            add(widget, widget.specialValueText())
            add(widget, widget.text())
        elif (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)  # its headers are read with its view
            and widget.model() is not None
        ):
            model = widget.model()
            root = widget.rootIndex() if widget.rootIndex().isValid() else QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # a list model (columnCount is not public): one column
                columns = 1
            for row in range(min(model.rowCount(root), 50)):
                for column in range(columns):
                    index = model.index(row, column, root)
                    add(widget, str(index.data() or ""))
                    add(widget, str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
            for column in range(columns):
                add(widget, str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(window.menuBar(), action.text())
            menu = action.menu()
            for item in menu.actions() if menu is not None else []:
                add(window.menuBar(), item.text())
    return found


def _without(text: str, data: Iterable[str]) -> str:
    for item in sorted(data, key=len, reverse=True):
        if item:
            text = text.replace(item, " ")
    text = re.sub(r"(?<!\w)--[a-z][a-z-]*", " ", text)  # a command-line option, typed as is
    return re.sub(r"<[^>]+>", " ", text)  # rich text: its tags are not words


def english_words(text: str, data: Iterable[str] = ()) -> list[str]:
    """Latin-script words in *text* that are neither data nor allowed terms."""
    words = WORD.findall(_without(text, data))
    return [word for word in words if word not in ALLOWED]


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def iso_dates(text: str, data: Iterable[str] = ()) -> list[str]:
    """Dates written 2026-11-28 (each language has its own date style on every screen)."""
    return ISO_DATE.findall(_without(text, data))


def simplified_only(text: str, data: Iterable[str] = ()) -> list[str]:
    """Characters of *text* (data aside) that Traditional Chinese writes differently."""
    text = _without(text, data)
    converted = TO_TRADITIONAL.convert(text)
    return sorted({a for a, b in zip(text, converted, strict=False) if a != b} - ACCEPTED)

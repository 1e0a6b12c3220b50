"""Small pieces every form shares: naming widgets, field messages, async slots, a dialog
that finishes its save before it closes, and the scrolling form area."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, cast

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)
from qasync import asyncSlot

from console.ui import theme

P = ParamSpec("P")


def async_slot(
    *types: type,
) -> Callable[[Callable[P, Coroutine[Any, Any, None]]], Callable[P, None]]:
    """``qasync.asyncSlot`` with a type mypy can follow (qasync ships no type hints).

    Use it on methods only, as qasync requires.
    """
    return cast(
        Callable[[Callable[P, Coroutine[Any, Any, None]]], Callable[P, None]], asyncSlot(*types)
    )


def set_message(label: QLabel, text: str, *, error: bool) -> None:
    """Show *text* under a field: red when it is an error, small and grey when a hint
    (the theme's QLabel[role="error"] and QLabel[role="hint"])."""
    label.setText(text)
    theme.set_role(label, role="error" if error else "hint")
    label.setVisible(bool(text))


def message_label(object_name: str) -> QLabel:
    """A word-wrapped, slightly smaller label for a field's error or hint."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
    label.setFont(font)
    label.setVisible(False)
    return label


def name_widget(widget: QWidget, object_name: str, accessible_name: str) -> None:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)


def form_scroll_area(object_name: str, content: QWidget) -> QScrollArea:
    """A frameless, resizable scroll area around a long form (never takes focus itself)."""
    area = QScrollArea()
    area.setObjectName(object_name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(content)
    return area


class Retranslating:
    """Mixin (first base) for widgets whose texts follow the interface language.

    The widget sets every text in :meth:`retranslate`, calls it at the end of its
    constructor, and Qt's LanguageChange calls it again, so switching the language keeps
    whatever is typed, selected or open.
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


class SavingDialog(QDialog):
    """A dialog whose save runs in the background: Esc waits for it, Ctrl+S presses Save.

    Subclasses set :attr:`save_button` and flip :attr:`_busy` around the save.
    """

    save_button: QPushButton

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False

    def reject(self) -> None:
        """Cancel (Esc) — except while saving: the save finishes, then the dialog closes."""
        if self._busy:
            return
        super().reject()

    def _save_shortcut(self) -> None:
        if self.save_button.isEnabled():
            self.save_button.click()


async def answer(box: QMessageBox) -> QAbstractButton | None:
    """Open ``box`` (window-modal, no nested event loop) and wait for the button clicked."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished(_result: int) -> None:
        if not future.done():
            future.set_result(None)

    box.finished.connect(finished)
    box.open()
    try:
        await future
        return box.clickedButton()
    finally:
        box.finished.disconnect(finished)
        if box.isVisible():
            box.close()
        box.deleteLater()

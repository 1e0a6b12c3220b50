"""Small pieces every form shares: naming widgets, field messages, async slots, a dialog
that finishes its save before it closes, and the scrolling form area."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, cast

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
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


# Room left for a window's title bar and frame, which Qt only knows once it is shown.
FRAME_ALLOWANCE = (16, 48)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size *window* as it would like, but no larger than its screen's available area
    (frame included), so a 768-high screen shows the whole of it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - FRAME_ALLOWANCE[0])
        height = min(height, room.height() - FRAME_ALLOWANCE[1])
    window.resize(width, height)


def keep_on_screen(window: QWidget) -> None:
    """Once shown (the frame is known): shrink and move *window* into the available area."""
    room = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if frame.height() > room.height() or frame.width() > room.width():
        extra_w = frame.width() - window.width()
        extra_h = frame.height() - window.height()
        window.resize(
            min(window.width(), room.width() - extra_w),
            min(window.height(), room.height() - extra_h),
        )
    frame = window.frameGeometry()
    if not room.contains(frame):
        window.move(
            max(room.left(), min(window.x(), room.right() - frame.width())),
            max(room.top(), min(window.y(), room.bottom() - frame.height())),
        )


def fit_placeholders(widget: QWidget) -> None:
    """Make every line edit in *widget* (itself included) wide enough for its placeholder
    in the language of the moment, never narrower than the width it was given."""
    edits = widget.findChildren(QLineEdit)
    if isinstance(widget, QLineEdit):
        edits.append(widget)
    for edit in edits:
        base = edit.property("baseMinimumWidth")
        if base is None:
            base = edit.minimumWidth()
            edit.setProperty("baseMinimumWidth", base)
        text = edit.placeholderText()
        margins = edit.contentsMargins()
        need = edit.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() + 24
        edit.setMinimumWidth(max(int(base), need if text else 0))


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around *widget* so that it is in view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            content = parent.widget()
            layout = content.layout() if content is not None else None
            if layout is not None:
                layout.activate()  # messages just shown take their room first
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


class SavingDialog(QDialog):
    """A dialog whose save runs in the background: Esc waits for it, Ctrl+S presses Save.

    Subclasses set :attr:`save_button` and :attr:`status` (the line beside Save) and flip
    :attr:`_busy` around the save. Save is disabled while something is wrong; asking to
    save anyway (Ctrl+S, Enter) is refused by taking the focus to the first problem,
    scrolling it into view and saying its reason beside Save (:meth:`first_problem`).
    """

    save_button: QPushButton
    status: QLabel

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
        elif not self._busy:
            self.refuse_save()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        refused = enter and plain and not self.save_button.isEnabled() and not self._busy
        if refused and self.refuse_save():
            return
        super().keyPressEvent(event)

    def first_problem(self) -> tuple[QWidget, str, int] | None:
        """The field to correct first, its reason, and how many problems there are
        (None when nothing stops saving)."""
        return None

    def refusal_text(self) -> str:
        """The first problem's reason, and how many more there are (in the language in use)."""
        found = self.first_problem()
        if found is None:
            return ""
        _field, reason, count = found
        if count <= 1:
            return reason
        # "more to correct" reads for any count, so no plural forms are needed.
        return QCoreApplication.translate(
            "SavingDialog", "{reason} ({count} more to correct)"
        ).format(reason=reason, count=count - 1)

    def refuse_save(self) -> bool:
        """Take the focus to the first problem, in view, with its reason beside Save;
        False when there is none."""
        found = self.first_problem()
        if found is None:
            return False
        field = found[0]
        set_message(self.status, self.refusal_text(), error=True)
        scroll_into_view(field)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


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

"""View › Language: the interface language, switched live and remembered per person."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from console.ui.i18n import LANGUAGES
from console.ui.widgets import Retranslating


class LanguageMenu(Retranslating, QMenu):
    """One checkable item per language, each named in its own language."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions_by_language: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, c=code: self.chosen.emit(c))
            self.group.addAction(action)
            self.addAction(action)
            self.actions_by_language[code] = action
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.menuAction().setObjectName("languageMenuAction")

    def show_current(self, language: str) -> None:
        action = self.actions_by_language.get(language)
        if action is not None:
            action.setChecked(True)

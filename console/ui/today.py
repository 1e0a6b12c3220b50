"""The Today view: birthdays and anniversaries coming up, and good customers we miss.

Only customers who agreed to hear from us are listed (marketing consent), and each row
opens the profile with Enter or a double click.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.domain.greeting import relative_since
from console.services.customers import TodayLists

CustomerIdRole = Qt.ItemDataRole.UserRole + 1


def _occasion_text(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


class TodayView(QWidget):
    openCustomer = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self.setAccessibleName("Today")
        self.title = QLabel("Today")
        self.title.setObjectName("todayTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.occasions_label = QLabel("Birthdays and anniversaries")
        self.occasions_label.setStyleSheet("font-weight: 600; color: #555;")
        self.occasions = self._list("todayOccasions", "Birthdays and anniversaries coming up")
        self.missed_label = QLabel("We miss you — good customers not seen for a while")
        self.missed_label.setWordWrap(True)
        self.missed_label.setStyleSheet("font-weight: 600; color: #555;")
        self.missed = self._list("todayMissed", "Good customers not seen for a while")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.occasions_label)
        layout.addWidget(self.occasions, 1)
        layout.addWidget(self.missed_label)
        layout.addWidget(self.missed, 1)
        self.occasions_label.setBuddy(self.occasions)
        self.missed_label.setBuddy(self.missed)

    def _list(self, name: str, accessible: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setAlternatingRowColors(True)
        widget.itemActivated.connect(self._activated)
        return widget

    def _activated(self, item: QListWidgetItem) -> None:
        customer_id = item.data(CustomerIdRole)
        if isinstance(customer_id, int):
            self.openCustomer.emit(customer_id)

    def show_lists(self, lists: TodayLists) -> None:
        self.title.setText(f"Today, {lists.today:%A %d %B %Y}")
        self.occasions.clear()
        for occasion, who in lists.occasions:
            name = who.preferred_name or who.name
            what = "Birthday" if occasion.label == "birthday" else occasion.label.capitalize()
            years = f" ({occasion.years})" if occasion.years else ""
            text = f"{what}{years} {_occasion_text(occasion.days_away)} — {name}"
            if who.preferred_name and who.preferred_name != who.name:
                text += f" ({who.name})"
            item = QListWidgetItem(text)
            item.setData(CustomerIdRole, who.customer_id)
            self.occasions.addItem(item)
        if not lists.occasions:
            self._empty(self.occasions, "No birthdays or anniversaries this week.")
        self.missed.clear()
        for lapsed in lists.lapsed:
            name = lapsed.preferred_name or lapsed.name
            when = dt.datetime.fromisoformat(lapsed.last_visit).date()
            seen = relative_since(when, lists.today, "en")
            item = QListWidgetItem(f"{name} — {lapsed.visit_count} visits, last seen {seen}")
            item.setData(CustomerIdRole, lapsed.customer_id)
            self.missed.addItem(item)
        if not lists.lapsed:
            self._empty(self.missed, "Everyone we know well has been in recently.")

    @staticmethod
    def _empty(widget: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)

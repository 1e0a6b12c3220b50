"""The Today view: birthdays and anniversaries coming up, and good customers we miss.

Only customers who agreed to hear from us are listed (marketing consent), and each row
opens the profile with Enter or a double click.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.services.customers import TodayLists
from console.ui.i18n import format_date, locale, relative_since
from console.ui.occasion_words import occasion_words
from console.ui.widgets import Retranslating

CustomerIdRole = Qt.ItemDataRole.UserRole + 1


class TodayView(Retranslating, QWidget):
    openCustomer = Signal(int)
    demoRequested = Signal()  # "Try with demo data" on a first run

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self.lists: TodayLists | None = None
        self.title = QLabel()
        self.title.setObjectName("todayTitle")
        self.title.setProperty("role", "title")
        self.occasions_label = QLabel()
        self.occasions_label.setProperty("role", "section")
        self.occasions = self._list("todayOccasions")
        self.missed_label = QLabel()
        self.missed_label.setWordWrap(True)
        self.missed_label.setProperty("role", "section")
        self.missed = self._list("todayMissed")
        # A first run has nobody to show: say how to start, or to look around a demo.
        self.first_run = QFrame()
        self.first_run.setObjectName("todayFirstRun")
        self.first_run.setFrameShape(QFrame.Shape.StyledPanel)
        self.first_run.setProperty("card", "true")
        self.first_run_text = QLabel()
        self.first_run_text.setObjectName("todayFirstRunText")
        self.first_run_text.setWordWrap(True)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("tryDemoButton")
        self.demo_button.clicked.connect(self.demoRequested)
        first_run_layout = QVBoxLayout(self.first_run)
        first_run_layout.addWidget(self.first_run_text)
        button_row = QHBoxLayout()
        button_row.addWidget(self.demo_button)
        button_row.addStretch(1)
        first_run_layout.addLayout(button_row)
        # Its own height, whatever the window's: the lists below give way, not the text.
        self.first_run.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.first_run.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.first_run)
        layout.addWidget(self.occasions_label)
        layout.addWidget(self.occasions, 1)
        layout.addWidget(self.missed_label)
        layout.addWidget(self.missed, 1)
        self.occasions_label.setBuddy(self.occasions)
        self.missed_label.setBuddy(self.missed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Today"))
        self.first_run_text.setText(
            self.tr(
                "No customers yet. Add the first one with Ctrl+N, or import your customer "
                "list (service-console import customers). To look around first, open a demo "
                "console with made-up customers: it keeps them in a database of its own."
            )
        )
        self.demo_button.setText(self.tr("Try with &demo data"))
        self.demo_button.setAccessibleName(
            self.tr("Try with demo data: opens a demo console in a new window")
        )
        self.occasions_label.setText(self.tr("Birthdays and anniversaries"))
        self.occasions.setAccessibleName(self.tr("Birthdays and anniversaries coming up"))
        self.missed_label.setText(self.tr("We miss you — good customers not seen for a while"))
        self.missed.setAccessibleName(self.tr("Good customers not seen for a while"))
        if self.lists is None:
            self.title.setText(self.tr("Today"))
        else:
            self._render(self.lists)

    def offer_demo(self, offered: bool) -> None:
        """Show (on a first run, with no customers) or hide the "Try with demo data" offer."""
        self.first_run.setVisible(offered)

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAlternatingRowColors(True)
        widget.setProperty("card", "true")  # the theme's section card
        widget.itemActivated.connect(self._activated)
        return widget

    def _activated(self, item: QListWidgetItem) -> None:
        customer_id = item.data(CustomerIdRole)
        if isinstance(customer_id, int):
            self.openCustomer.emit(customer_id)

    def show_lists(self, lists: TodayLists) -> None:
        self.lists = lists
        self._render(lists)

    def _render(self, lists: TodayLists) -> None:
        """Fill both lists from *lists* (again after a language change, keeping the row
        that was selected)."""
        occasion_row = self.occasions.currentRow()
        missed_row = self.missed.currentRow()
        weekday = locale().dayName(lists.today.isoweekday())
        self.title.setText(
            self.tr("Today, {weekday} {date}").format(
                weekday=weekday, date=format_date(lists.today)
            )
        )
        self.occasions.clear()
        for occasion, who in lists.occasions:
            name = who.preferred_name or who.name
            # 生日（28岁）for an age, 结婚纪念日（5周年）for an anniversary.
            what = occasion_words().with_years(occasion)
            text = self.tr("{occasion} {when} — {name}").format(
                occasion=what, when=occasion_words().when(occasion.days_away), name=name
            )
            if who.preferred_name and who.preferred_name != who.name:
                text += f" ({who.name})"
            item = _row(self.occasions, text)
            item.setData(CustomerIdRole, who.customer_id)
            self.occasions.addItem(item)
        if not lists.occasions:
            self._empty(self.occasions, self.tr("No birthdays or anniversaries this week."))
        self.missed.clear()
        for lapsed in lists.lapsed:
            name = lapsed.preferred_name or lapsed.name
            when = dt.datetime.fromisoformat(lapsed.last_visit).date()
            seen = relative_since(when, lists.today)
            text = self.tr("{name} — %n visit(s), last seen {ago}", "", lapsed.visit_count)
            item = _row(self.missed, text.format(name=name, ago=seen))
            item.setData(CustomerIdRole, lapsed.customer_id)
            self.missed.addItem(item)
        if not lists.lapsed:
            self._empty(self.missed, self.tr("Everyone we know well has been in recently."))
        if 0 <= occasion_row < self.occasions.count():
            self.occasions.setCurrentRow(occasion_row)
        if 0 <= missed_row < self.missed.count():
            self.missed.setCurrentRow(missed_row)

    @staticmethod
    def _empty(widget: QListWidget, text: str) -> None:
        item = _row(widget, text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)


def _row(widget: QListWidget, text: str) -> QListWidgetItem:
    """A list row as tall as the tallest script it may hold: a Chinese name (drawn in a
    fallback CJK font with a taller line) and a Latin one get the same height, so the
    rows do not jump."""
    metrics = widget.fontMetrics()
    height = max(metrics.boundingRect(sample).height() for sample in ("Ag", "汉字", "漢字"))
    item = QListWidgetItem(text)
    item.setSizeHint(QSize(metrics.horizontalAdvance(text) + 16, height + 8))
    return item

"""The list of customers matching the search box, and the row text that tells two
"Wang Fang"s apart (preferred name, phone's last 4 digits, last visit, tier)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from console.domain.search_text import SearchHit
from console.ui.i18n import format_date

CustomerIdRole = Qt.ItemDataRole.UserRole + 1


TIER_LABELS = {
    "regular": QT_TRANSLATE_NOOP("Tier", "Regular"),
    "silver": QT_TRANSLATE_NOOP("Tier", "Silver"),
    "gold": QT_TRANSLATE_NOOP("Tier", "Gold"),
    "vip": QT_TRANSLATE_NOOP("Tier", "VIP"),
}


def tier_label(tier: str) -> str:
    """A membership tier in the interface language."""
    label = TIER_LABELS.get(tier)
    return QCoreApplication.translate("Tier", str(label)) if label else tier.capitalize()


def describe_hit(hit: SearchHit) -> tuple[str, str]:
    """(first line, second line) for a result row, in the interface language."""
    first = hit.name
    if hit.preferred_name and hit.preferred_name != hit.name:
        first += f"  ·  {hit.preferred_name}"
    parts = []
    if hit.phones:
        parts.append(f"☎ …{hit.phones[0][-4:]}")
    if hit.member_no:
        parts.append(hit.member_no)
    if hit.last_visit:
        when = dt.datetime.fromisoformat(hit.last_visit)
        parts.append(
            QCoreApplication.translate("SearchResults", "last visit {date}").format(
                date=format_date(when.date())
            )
        )
    else:
        parts.append(QCoreApplication.translate("SearchResults", "no visits yet"))
    if hit.tier != "regular":
        parts.append(tier_label(hit.tier))
    return first, "  ·  ".join(parts)


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            first, second = describe_hit(hit)
            return f"{first}\n{second}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            first, second = describe_hit(hit)
            return f"{first}, {second}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(hit.phones) or None
        if role == CustomerIdRole:
            return hit.id
        return None

    def retranslate(self) -> None:
        """Rows are described in the interface language: draw them again."""
        if self._hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._hits) - 1, 0))

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None


class SearchResultDelegate(QStyledItemDelegate):
    """Two lines per customer: the name in bold, then what tells namesakes apart."""

    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        first, _, second = text.partition("\n")
        return first, second

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = option.fontMetrics
        return QSize(200, metrics.height() * 2 + 14)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        first, second = self._lines(index)
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect.adjusted(8, 4, -8, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        main = palette.highlightedText().color() if selected else palette.text().color()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(main)
        half = rect.height() // 2
        painter.drawText(
            rect.adjusted(0, 0, 0, -half),
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(first, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setFont(option.font)
        grey = QColor(main)
        grey.setAlpha(170)
        painter.setPen(grey)
        painter.drawText(
            rect.adjusted(0, half, 0, 0),
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(option.font).elidedText(second, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()

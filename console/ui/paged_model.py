"""A table model that loads its rows page by page in the background.

A customer with 10,000 purchases opens with the first page; the view asks for more
(``canFetchMore``/``fetchMore``) as the user scrolls, and the next page is loaded on the
database thread without blocking the window.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from console.ui.tasks import Tasks

T = TypeVar("T")
Loader = Callable[[int, int], Awaitable[Sequence[T]]]
Column = tuple[str, Callable[[T], str]]

_ROOT = QModelIndex()


class PagedTableModel(QAbstractTableModel, Generic[T]):
    def __init__(
        self, columns: Sequence[Column[T]], tasks: Tasks, page_size: int = 50, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._tasks = tasks
        self._page = page_size
        self._rows: list[T] = []
        self._total = 0
        self._loader: Loader[T] | None = None
        self._loading = False
        self._generation = 0

    def reset(self, first_page: Sequence[T], total: int, loader: Loader[T] | None) -> None:
        self.beginResetModel()
        self._generation += 1
        self._rows = list(first_page)
        self._total = total
        self._loader = loader
        self._loading = False
        self.endResetModel()

    def set_headers(self, headers: Sequence[str]) -> None:
        """New column titles (a language change); the cells are drawn again too, as
        their dates and amounts follow the interface language."""
        self._columns = [
            (header, column[1]) for header, column in zip(headers, self._columns, strict=False)
        ] + self._columns[len(headers) :]
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows and self._columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    @property
    def total(self) -> int:
        return self._total

    def row_item(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](self._rows[index.row()])
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if parent.isValid():
            return False
        return self._loader is not None and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid() or self._loading or self._loader is None:
            return
        if len(self._rows) >= self._total:
            return
        self._loading = True
        self._tasks.start(self._fetch(self._loader, len(self._rows), self._generation))

    async def _fetch(self, loader: Loader[T], offset: int, generation: int) -> None:
        # ``_loading`` stays set until the rows are in: a fetchMore() from a slot connected
        # to rowsAboutToBeInserted would otherwise load the same page twice.
        try:
            rows = await loader(offset, self._page)
            if generation != self._generation or not rows:
                if generation == self._generation and not rows:
                    self._total = len(self._rows)
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        finally:
            if generation == self._generation:
                self._loading = False

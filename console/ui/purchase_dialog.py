"""Add a purchase for a customer: a few item rows, currency, channel, a live total.

Prices are typed as text (``12``, ``12.5``, ``1,234.50``) and parsed with
:func:`console.domain.customer.parse_money` into minor units, so totals are exact.
Rows with neither a name nor a price are ignored; any other incomplete row is shown in
red under it and keeps Save disabled. Saving runs on the qasync loop; the dialog emits
:attr:`PurchaseDialog.saved` and closes, or keeps everything and shows why it could not.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.domain.customer import PurchaseItem, format_money, parse_money
from console.services.customers import CustomerService
from console.ui.customer_dialog import LiveCheck, select_data
from console.ui.widgets import SavingDialog, async_slot, message_label, name_widget, set_message

log = logging.getLogger(__name__)

CURRENCIES = ("CNY", "HKD", "TWD", "GBP", "USD", "EUR")
CATEGORIES = (("Drink", "drink"), ("Food", "food"), ("Retail", "retail"), ("Other", "other"))
CHANNELS = (("In store", "in store"), ("Online", "online"), ("Phone", "phone"))
MAX_QUANTITY = 9999

# Column widths shared by the header and every row, so the "table" lines up.
CATEGORY_WIDTH = 110
QUANTITY_WIDTH = 72
PRICE_WIDTH = 100
LINE_TOTAL_WIDTH = 110


def _fixed(widget: QWidget, width: int) -> QWidget:
    widget.setFixedWidth(width)
    return widget


class ItemRow(QWidget):
    """One purchase line: name, category, quantity, unit price, line total, Remove."""

    removeRequested = Signal(object)
    changed = Signal()

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Earl Grey tea, 茉莉花茶")
        self.name.setMinimumWidth(180)
        self.category = QComboBox()
        for text, value in CATEGORIES:
            self.category.addItem(text, value)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line_total = QLabel("—")
        self.line_total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.remove = QPushButton("Remove")
        self.remove.setAutoDefault(False)
        self.message = message_label("itemMessage")

        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.name, 1)
        line.addWidget(_fixed(self.category, CATEGORY_WIDTH))
        line.addWidget(_fixed(self.quantity, QUANTITY_WIDTH))
        line.addWidget(_fixed(self.price, PRICE_WIDTH))
        line.addWidget(_fixed(self.line_total, LINE_TOTAL_WIDTH))
        line.addWidget(self.remove)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(self.message)

        self.check = LiveCheck(self.price, self.message, self._check)
        self.name.textChanged.connect(self._name_changed)
        self.check.changed.connect(self._update_total)
        self.quantity.valueChanged.connect(self._update_total)
        self.category.currentIndexChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        self.set_position(1)

    def _check(self, text: str) -> tuple[str, str]:
        has_name = bool(self.name.text().strip())
        if not text.strip():
            return ("Enter the price", "") if has_name else ("", "")
        try:
            price = parse_money(text)
        except ValueError as exc:
            return str(exc)[:1].upper() + str(exc)[1:], ""
        if price < 0:
            return "A price cannot be negative", ""
        if not has_name:
            return "Enter what was bought", ""
        return "", ""

    def _name_changed(self, _text: str) -> None:
        self.check.refresh()
        self._update_total()

    def set_position(self, position: int) -> None:
        name_widget(self.name, f"itemName{position}", f"Item {position} name")
        name_widget(self.category, f"itemCategory{position}", f"Item {position} category")
        name_widget(self.quantity, f"itemQuantity{position}", f"Item {position} quantity")
        name_widget(self.price, f"itemPrice{position}", f"Item {position} unit price")
        name_widget(self.remove, f"removeItem{position}", f"Remove item {position}")
        self.line_total.setObjectName(f"itemTotal{position}")
        self.line_total.setAccessibleName(f"Item {position} total")
        self.message.setObjectName(f"itemMessage{position}")

    def focus_order(self) -> list[QWidget]:
        return [self.name, self.category, self.quantity, self.price, self.remove]

    def is_blank(self) -> bool:
        return not self.name.text().strip() and not self.price.text().strip()

    def price_minor(self) -> int | None:
        """The unit price in minor units, or None while it is missing or invalid."""
        try:
            return parse_money(self.price.text())
        except ValueError:
            return None

    def total_minor(self) -> int | None:
        price = self.price_minor()
        return None if price is None else price * self.quantity.value()

    def item(self) -> PurchaseItem:
        return PurchaseItem(
            name=self.name.text().strip(),
            quantity=self.quantity.value(),
            price_minor=self.price_minor() or 0,
            category=str(self.category.currentData()),
        )

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        self._update_total()

    def _update_total(self) -> None:
        total = self.total_minor()
        self.line_total.setText("—" if total is None else format_money(total, self.currency))
        self.changed.emit()


class PurchaseDialog(SavingDialog):
    """Record what a customer bought; emits :attr:`saved` once it is stored."""

    saved = Signal()

    def __init__(
        self,
        service: CustomerService,
        customer_id: int,
        currency: str = "CNY",
        parent: QWidget | None = None,
        *,
        customer_name: str = "",
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._customer_id = customer_id
        self._busy = False
        self._task: asyncio.Task[Any] | None = None
        self.rows: list[ItemRow] = []

        self.setObjectName("purchaseDialog")
        title = "Add purchase"
        self.setWindowTitle(f"{title} — {customer_name}" if customer_name else title)
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(680, 380)
        self.resize(800, 470)

        self.currency = QComboBox()
        name_widget(self.currency, "currencyCombo", "Currency")
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        select_data(self.currency, currency.upper())
        self.currency.currentIndexChanged.connect(self._currency_changed)
        self.channel = QComboBox()
        name_widget(self.channel, "channelCombo", "Channel")
        for text, value in CHANNELS:
            self.channel.addItem(text, value)

        self._build()
        self.add_row()
        self._update_state()
        self.rows[0].name.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        items = QGroupBox("Items")
        items.setObjectName("itemsSection")
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        for text, width, align in (
            ("Item", 0, Qt.AlignmentFlag.AlignLeft),
            ("Category", CATEGORY_WIDTH, Qt.AlignmentFlag.AlignLeft),
            ("Qty", QUANTITY_WIDTH, Qt.AlignmentFlag.AlignRight),
            ("Unit price", PRICE_WIDTH, Qt.AlignmentFlag.AlignRight),
            ("Line total", LINE_TOTAL_WIDTH, Qt.AlignmentFlag.AlignRight),
        ):
            label = QLabel(f"<b>{text}</b>")
            label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
            if width:
                header.addWidget(_fixed(label, width))
            else:
                header.addWidget(label, 1)
        spacer = QPushButton("Remove")
        header.addWidget(_fixed(QWidget(), spacer.sizeHint().width()))
        spacer.deleteLater()

        self._rows_column = QVBoxLayout()
        self._rows_column.setContentsMargins(0, 0, 0, 0)
        self._rows_column.setSpacing(4)
        rows_widget = QWidget()
        rows_widget.setObjectName("itemRows")
        rows_outer = QVBoxLayout(rows_widget)
        rows_outer.setContentsMargins(0, 0, 0, 0)
        rows_outer.addLayout(self._rows_column)
        rows_outer.addStretch(1)
        self.rows_area = QScrollArea()
        self.rows_area.setObjectName("itemRowsScroll")
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rows_area.setWidget(rows_widget)
        # Let the group box show through, so the rows read as part of the table.
        viewport = self.rows_area.viewport()
        viewport.setAutoFillBackground(False)
        rows_widget.setAutoFillBackground(False)

        self.add_button = QPushButton("&Add item")
        name_widget(self.add_button, "addItemButton", "Add item")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_clicked)
        add_line = QHBoxLayout()
        add_line.addWidget(self.add_button)
        add_line.addStretch(1)

        items_layout = QVBoxLayout(items)
        items_layout.addLayout(header)
        items_layout.addWidget(self.rows_area, 1)
        items_layout.addLayout(add_line)

        options = QFormLayout()
        options.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        options.addRow("C&urrency", self.currency)
        options.addRow("C&hannel", self.channel)
        self.total = QLabel()
        self.total.setObjectName("purchaseTotal")
        self.total.setAccessibleName("Total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.total.setFont(font)
        summary = QHBoxLayout()
        summary.addLayout(options)
        summary.addStretch(1)
        summary.addWidget(self.total)

        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.save_button = QPushButton("&Save")
        name_widget(self.save_button, "saveButton", "Save purchase")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("&Cancel")
        name_widget(self.cancel_button, "cancelButton", "Cancel")
        self.cancel_button.setAutoDefault(False)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.activated.connect(self._save_shortcut)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(items, 1)
        layout.addLayout(summary)
        layout.addLayout(bottom)

    # --- rows --------------------------------------------------------------------------

    def add_row(self) -> ItemRow:
        row = ItemRow(str(self.currency.currentData()))
        row.changed.connect(self._update_state)
        row.removeRequested.connect(self._remove_row)
        self.rows.append(row)
        self._rows_column.addWidget(row)
        row.show()
        self._renumber()
        return row

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.rows_area.ensureWidgetVisible(row)

    def _remove_row(self, row: ItemRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        self._rows_column.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        following = self.rows[index].name if index < len(self.rows) else self.add_button
        following.setFocus(Qt.FocusReason.OtherFocusReason)

    def _renumber(self) -> None:
        for position, row in enumerate(self.rows, start=1):
            row.set_position(position)
        order: list[QWidget] = [w for row in self.rows for w in row.focus_order()]
        order += [self.add_button, self.currency, self.channel, self.save_button]
        order.append(self.cancel_button)
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._update_state()

    def _currency_changed(self) -> None:
        for row in self.rows:
            row.set_currency(str(self.currency.currentData()))
        self._update_state()

    # --- state -------------------------------------------------------------------------

    def total_minor(self) -> int:
        return sum(row.total_minor() or 0 for row in self.rows if not row.is_blank())

    def items(self) -> list[PurchaseItem]:
        return [row.item() for row in self.rows if not row.is_blank()]

    def problems(self) -> list[str]:
        bad = [str(i) for i, row in enumerate(self.rows, 1) if row.check.error]
        problems = [f"check item {', '.join(bad)}"] if bad else []
        if not any(not row.is_blank() for row in self.rows):
            problems.append("add at least one item")
        return problems

    def _update_state(self) -> None:
        self.total.setText(
            f"Total  {format_money(self.total_minor(), str(self.currency.currentData()))}"
        )
        problems = self.problems()
        self.save_button.setEnabled(not problems and not self._busy)
        if self._busy:
            return
        if problems:
            text = "To save: " + "; ".join(problems) + "."
            set_message(self.status, text[:1].upper() + text[1:], error=False)
        else:
            set_message(self.status, "", error=False)

    # --- saving ------------------------------------------------------------------------

    @async_slot()
    async def _save_clicked(self) -> None:
        if self._busy or self.problems():
            return
        self._task = asyncio.current_task()
        items = self.items()
        self._busy = True
        self._update_state()
        set_message(self.status, "Saving…", error=False)
        try:
            await self._service.add_purchase(
                self._customer_id,
                items,
                currency=str(self.currency.currentData()),
                channel=str(self.channel.currentData()),
            )
        except Exception as exc:
            if not isinstance(exc, ValueError):
                log.exception("saving purchase failed")
            self._busy = False
            self._update_state()
            set_message(self.status, f"Could not save: {exc}", error=True)
            return
        finally:
            self._task = None
        self._busy = False
        self.saved.emit()
        self.accept()

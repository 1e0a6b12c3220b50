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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
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

from console.domain.customer import (
    MAX_PRICE_MINOR,
    MAX_PURCHASE_TOTAL_MINOR,
    PurchaseItem,
    parse_money,
)
from console.services.customers import CustomerService
from console.ui.customer_dialog import LiveCheck, select_data
from console.ui.i18n import error_text, format_money
from console.ui.widgets import (
    Retranslating,
    SavingDialog,
    async_slot,
    fit_placeholders,
    fit_to_screen,
    keep_on_screen,
    message_label,
    name_widget,
    set_message,
)

log = logging.getLogger(__name__)

CURRENCIES = ("CNY", "HKD", "TWD", "GBP", "USD", "EUR")
CATEGORIES = (
    (QT_TRANSLATE_NOOP("ItemRow", "Drink"), "drink"),
    (QT_TRANSLATE_NOOP("ItemRow", "Food"), "food"),
    (QT_TRANSLATE_NOOP("ItemRow", "Retail"), "retail"),
    (QT_TRANSLATE_NOOP("ItemRow", "Other"), "other"),
)
CHANNELS = (
    (QT_TRANSLATE_NOOP("PurchaseDialog", "In store"), "in store"),
    (QT_TRANSLATE_NOOP("PurchaseDialog", "Online"), "online"),
    (QT_TRANSLATE_NOOP("PurchaseDialog", "Phone"), "phone"),
)
MAX_QUANTITY = 9999

# Column widths shared by the header and every row, so the "table" lines up.
CATEGORY_WIDTH = 110
QUANTITY_WIDTH = 72
PRICE_WIDTH = 100
LINE_TOTAL_WIDTH = 110


def _fixed(widget: QWidget, width: int) -> QWidget:
    widget.setFixedWidth(width)
    return widget


class ItemRow(Retranslating, QWidget):
    """One purchase line: name, category, quantity, unit price, line total, Remove."""

    removeRequested = Signal(object)
    changed = Signal()

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.position = 1
        self.name = QLineEdit()
        self.name.setMinimumWidth(180)
        self.category = QComboBox()
        for text, value in CATEGORIES:
            self.category.addItem(QCoreApplication.translate("ItemRow", str(text)), value)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line_total = QLabel("—")
        self.line_total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.remove = QPushButton()
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
        self.retranslate()

    def retranslate(self) -> None:
        self.name.setPlaceholderText(self.tr("e.g. Earl Grey tea, 茉莉花茶"))
        for index, (text, _value) in enumerate(CATEGORIES):
            self.category.setItemText(index, QCoreApplication.translate("ItemRow", str(text)))
        self.remove.setText(self.tr("Remove"))
        fit_placeholders(self)
        self.set_position(self.position)
        self.check.refresh()
        self._update_total()

    def _check(self, text: str) -> tuple[str, str]:
        has_name = bool(self.name.text().strip())
        if not text.strip():
            return (self.tr("Enter the price"), "") if has_name else ("", "")
        try:
            price = parse_money(text)
        except ValueError:
            _whole, dot, decimals = text.strip().rpartition(".")
            if dot and decimals.isdigit() and len(decimals) > 2:
                message = self.tr("“{text}” is not an amount of money (at most 2 decimals)")
            else:
                message = self.tr("“{text}” is not an amount of money")
            return message.format(text=text.strip()), ""
        if price < 0:
            return self.tr("A price cannot be negative"), ""
        if price > MAX_PRICE_MINOR:
            limit = format_money(MAX_PRICE_MINOR, self.currency)
            return self.tr("A price cannot be more than {limit}").format(limit=limit), ""
        if not has_name:
            return self.tr("Enter what was bought"), ""
        return "", ""

    def _name_changed(self, _text: str) -> None:
        self.check.refresh()
        self._update_total()

    def set_position(self, position: int) -> None:
        self.position = position
        n = position
        name_widget(self.name, f"itemName{n}", self.tr("Item {n} name").format(n=n))
        name_widget(self.category, f"itemCategory{n}", self.tr("Item {n} category").format(n=n))
        name_widget(self.quantity, f"itemQuantity{n}", self.tr("Item {n} quantity").format(n=n))
        name_widget(self.price, f"itemPrice{n}", self.tr("Item {n} unit price").format(n=n))
        name_widget(self.remove, f"removeItem{n}", self.tr("Remove item {n}").format(n=n))
        self.line_total.setObjectName(f"itemTotal{n}")
        self.line_total.setAccessibleName(self.tr("Item {n} total").format(n=n))
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


class PurchaseDialog(Retranslating, SavingDialog):
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
        self._customer_name = customer_name
        self._save_error: str | None = None

        self.setObjectName("purchaseDialog")
        self.setMinimumSize(680, 380)
        fit_to_screen(self, 800, 470)

        self.currency = QComboBox()
        self.currency.setObjectName("currencyCombo")
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        select_data(self.currency, currency.upper())
        self.currency.currentIndexChanged.connect(self._currency_changed)
        self.channel = QComboBox()
        self.channel.setObjectName("channelCombo")
        for text, value in CHANNELS:
            self.channel.addItem(QCoreApplication.translate("PurchaseDialog", str(text)), value)

        self._build()
        self.add_row()
        self.retranslate()
        self.rows[0].name.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        title = self.tr("Add purchase")
        if self._customer_name:
            title = self.tr("Add purchase — {name}").format(name=self._customer_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.currency.setAccessibleName(self.tr("Currency"))
        self.channel.setAccessibleName(self.tr("Channel"))
        for index, (text, _value) in enumerate(CHANNELS):
            self.channel.setItemText(index, QCoreApplication.translate("PurchaseDialog", str(text)))
        self.items_box.setTitle(self.tr("Items"))
        headers = (
            self.tr("Item"),
            self.tr("Category"),
            self.tr("Qty"),
            self.tr("Unit price"),
            self.tr("Line total"),
        )
        for label, text in zip(self._header_labels, headers, strict=True):
            label.setText(f"<b>{text}</b>")
        self.add_button.setText(self.tr("&Add item"))
        self.add_button.setAccessibleName(self.tr("Add item"))
        self.currency_label.setText(self.tr("C&urrency"))
        self.channel_label.setText(self.tr("C&hannel"))
        self.total.setAccessibleName(self.tr("Total"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save purchase"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self._update_state()
        if self._busy:
            set_message(self.status, self.tr("Saving…"), error=False)
        elif self._save_error is not None:
            self._show_save_error()

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        items = QGroupBox()
        items.setObjectName("itemsSection")
        self.items_box = items
        self._header_labels: list[QLabel] = []
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        for width, align in (
            (0, Qt.AlignmentFlag.AlignLeft),
            (CATEGORY_WIDTH, Qt.AlignmentFlag.AlignLeft),
            (QUANTITY_WIDTH, Qt.AlignmentFlag.AlignRight),
            (PRICE_WIDTH, Qt.AlignmentFlag.AlignRight),
            (LINE_TOTAL_WIDTH, Qt.AlignmentFlag.AlignRight),
        ):
            label = QLabel()
            self._header_labels.append(label)
            label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
            if width:
                header.addWidget(_fixed(label, width))
            else:
                header.addWidget(label, 1)
        # As wide as a row's Remove button (in the language of the moment).
        spacer = QPushButton(self.tr("Remove"))
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

        self.add_button = QPushButton()
        self.add_button.setObjectName("addItemButton")
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
        self.currency_label = QLabel()
        self.currency_label.setBuddy(self.currency)
        self.channel_label = QLabel()
        self.channel_label.setBuddy(self.channel)
        options.addRow(self.currency_label, self.currency)
        options.addRow(self.channel_label, self.channel)
        self.total = QLabel()
        self.total.setObjectName("purchaseTotal")
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
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
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
        problems = [self.tr("check item {numbers}").format(numbers=", ".join(bad))] if bad else []
        if not any(not row.is_blank() for row in self.rows):
            problems.append(self.tr("add at least one item"))
        if self.total_minor() > MAX_PURCHASE_TOTAL_MINOR:
            limit = format_money(MAX_PURCHASE_TOTAL_MINOR, str(self.currency.currentData()))
            problems.append(self.tr("the total cannot be more than {limit}").format(limit=limit))
        return problems

    def first_problem(self) -> tuple[QWidget, str, int] | None:
        bad = [row for row in self.rows if row.check.error]
        count = len(bad)
        filled = [row for row in self.rows if not row.is_blank()]
        if not filled:
            count += 1
        over = self.total_minor() > MAX_PURCHASE_TOTAL_MINOR
        count += over
        if bad:
            row = bad[0]
            row.check.reveal()
            field = row.price if row.name.text().strip() else row.name
            return field, row.check.error, count
        if not filled:
            reason = self.tr("add at least one item")
            first = self.rows[0].name if self.rows else self.add_button
            return first, reason[:1].upper() + reason[1:], count
        if over:
            limit = format_money(MAX_PURCHASE_TOTAL_MINOR, str(self.currency.currentData()))
            reason = self.tr("the total cannot be more than {limit}").format(limit=limit)
            return filled[-1].price, reason[:1].upper() + reason[1:], count
        return None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_on_screen(self)

    def _update_state(self) -> None:
        self.total.setText(
            self.tr("Total  {amount}").format(
                amount=format_money(self.total_minor(), str(self.currency.currentData()))
            )
        )
        problems = self.problems()
        self.save_button.setEnabled(not problems and not self._busy)
        if self._busy:
            return
        self._save_error = None
        if problems:
            text = self.tr("To save: {problems}.").format(problems=self.tr("; ").join(problems))
            set_message(self.status, text, error=False)
        else:
            set_message(self.status, "", error=False)

    # --- saving ------------------------------------------------------------------------

    def _show_save_error(self) -> None:
        error = self._save_error or ""
        set_message(self.status, self.tr("Could not save: {error}").format(error=error), error=True)

    @async_slot()
    async def _save_clicked(self) -> None:
        if self._busy or self.problems():
            return
        self._task = asyncio.current_task()
        items = self.items()
        self._busy = True
        self._update_state()
        set_message(self.status, self.tr("Saving…"), error=False)
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
            self._save_error = error_text(exc)
            self._show_save_error()
            return
        finally:
            self._task = None
        self._busy = False
        self.saved.emit()
        self.accept()

"""PurchaseDialog against a real CustomerService on a temporary database."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from console.domain.customer import Customer, PurchaseItem
from console.services.customers import CustomerService
from console.storage.sqlite import history as history_store
from console.storage.sqlite.runner import DatabaseRunner
from console.ui.purchase_dialog import PurchaseDialog


@pytest.fixture(autouse=True)
def english_locale() -> Any:
    """Amounts follow the interface language's locale (English: en_GB, as at start-up)."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def customer_id(run: Any, service: CustomerService) -> int:
    new_id: int = run(service.save(Customer(name="张伟")))
    return new_id


@pytest.fixture
def make_dialog(
    qtbot: Any, qloop: Any, service: CustomerService, customer_id: int
) -> Callable[..., PurchaseDialog]:
    def make(currency: str = "CNY") -> PurchaseDialog:
        dialog = PurchaseDialog(service, customer_id, currency, customer_name="张伟")
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    return make


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    """ASCII as key presses; other text committed the way an input method does."""
    widget.setFocus()
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def test_total_is_computed_live(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    assert dialog.windowTitle() == "Add purchase — 张伟"
    assert dialog.total.text() == "Total  ¥0.00"
    assert not dialog.save_button.isEnabled()
    first = dialog.rows[0]
    type_into(qtbot, first.name, "茉莉花茶")
    type_into(qtbot, first.price, "18.5")
    first.quantity.setValue(2)
    assert first.line_total.text() == "¥37.00"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    second = dialog.rows[1]
    assert second.name.hasFocus()
    type_into(qtbot, second.name, "Scone")
    second.category.setCurrentIndex(second.category.findData("food"))
    type_into(qtbot, second.price, "1,200")
    assert dialog.total.text() == "Total  ¥1,237.00"
    dialog.currency.setCurrentIndex(dialog.currency.findData("HKD"))
    assert dialog.total.text() == "Total  HK$1,237.00"
    assert first.line_total.text() == "HK$37.00"
    qtbot.mouseClick(second.remove, Qt.MouseButton.LeftButton)
    assert dialog.total.text() == "Total  HK$37.00"
    assert dialog.save_button.isEnabled()


def test_invalid_price_is_shown_and_blocks_saving(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    row = dialog.rows[0]
    type_into(qtbot, row.name, "Earl Grey")
    type_into(qtbot, row.price, "12.345")
    assert not dialog.save_button.isEnabled()
    assert row.line_total.text() == "—"
    qtbot.keyClick(row.price, Qt.Key.Key_Tab)
    assert row.check.error_shown
    assert "at most 2 decimals" in row.message.text()
    assert dialog.status.text() == "To save: check item 1."
    row.price.clear()
    type_into(qtbot, row.price, "-3")
    assert row.check.error == "A price cannot be negative"
    row.price.clear()
    type_into(qtbot, row.price, "12.34")
    assert not row.check.error
    assert dialog.save_button.isEnabled()


def test_a_row_needs_a_name_once_it_has_a_price(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    row = dialog.rows[0]
    type_into(qtbot, row.price, "5")
    assert row.check.error == "Enter what was bought"
    assert not dialog.save_button.isEnabled()
    type_into(qtbot, row.name, "Latte")
    assert not row.check.error
    assert dialog.save_button.isEnabled()


def test_saving_stores_the_items(
    qtbot: Any,
    make_dialog: Any,
    runner: DatabaseRunner,
    customer_id: int,
) -> None:
    dialog = make_dialog("GBP")
    assert dialog.currency.currentData() == "GBP"
    first = dialog.rows[0]
    type_into(qtbot, first.name, "Earl Grey")
    type_into(qtbot, first.price, "3.20")
    first.quantity.setValue(2)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # stays blank: ignored
    second = dialog.rows[1]
    type_into(qtbot, second.name, "Teapot")
    second.category.setCurrentIndex(second.category.findData("retail"))
    type_into(qtbot, second.price, "25")
    dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))

    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    purchases = runner.call(history_store.list_purchases, customer_id)
    assert len(purchases) == 1
    purchase = purchases[0]
    assert purchase.currency == "GBP"
    assert purchase.channel == "phone"
    assert purchase.items == [
        PurchaseItem("Earl Grey", 2, 320, "drink"),
        PurchaseItem("Teapot", 1, 2500, "retail"),
    ]
    assert purchase.total_minor == 3140


def test_a_failed_save_keeps_the_items(
    qtbot: Any, make_dialog: Any, runner: DatabaseRunner
) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.rows[0].name, "Latte")
    type_into(qtbot, dialog.rows[0].price, "32")
    runner.close()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Could not save"), timeout=5000)
    assert dialog.isVisible()
    assert dialog.rows[0].name.text() == "Latte"
    assert dialog.save_button.isEnabled()


def test_keyboard_order_names_and_escape(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    chain: list[str] = []
    widget: QWidget | None = dialog.rows[0].name
    while widget is not None and len(chain) < 200:
        policy = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        internal = widget.objectName().startswith("qt_")  # e.g. the spin box's own editor
        if widget.isVisibleTo(dialog) and widget.isEnabled() and policy and not internal:
            if widget.objectName() in chain:
                break
            chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert chain[:13] == [
        "itemName1",
        "itemCategory1",
        "itemQuantity1",
        "itemPrice1",
        "removeItem1",
        "itemName2",
        "itemCategory2",
        "itemQuantity2",
        "itemPrice2",
        "removeItem2",
        "addItemButton",
        "currencyCombo",
        "channelCombo",
    ]
    interactive: list[QWidget] = []
    for kind in (QLineEdit, QComboBox, QAbstractButton, QAbstractSpinBox):
        interactive += [
            w for w in dialog.findChildren(kind) if not w.objectName().startswith("qt_")
        ]
    for item in interactive:
        assert item.objectName() and item.accessibleName(), item
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]
    assert len(keys) == len(set(keys)), sorted(keys)

    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog.rows[0].name, Qt.Key.Key_Escape)


def test_prices_and_totals_beyond_the_bounds_block_saving(qtbot: Any, make_dialog: Any) -> None:
    """92,233,720,368,547,758.07 is not a price (issue 12): the row says so, and a
    total beyond 1,000,000,000.00 keeps Save disabled."""
    dialog = make_dialog()
    row = dialog.rows[0]
    type_into(qtbot, row.name, "Earl Grey")
    type_into(qtbot, row.price, "92233720368547758.07")
    assert not dialog.save_button.isEnabled()
    assert row.check.error == "A price cannot be more than ¥10,000,000.00"
    row.price.clear()
    type_into(qtbot, row.price, "10000000")
    row.quantity.setValue(101)
    assert not dialog.save_button.isEnabled()
    assert "the total cannot be more than ¥1,000,000,000.00" in dialog.status.text()
    row.quantity.setValue(100)
    assert dialog.save_button.isEnabled()


def test_dialog_fits_and_a_refused_save_shows_the_first_problem(
    qtbot: Any, make_dialog: Any, screenshot: Any
) -> None:
    from tests.ui.test_customer_dialog import _assert_fits

    dialog = make_dialog()
    _assert_fits(dialog)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.rows[0].name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.rows[0].name.hasFocus()
    assert dialog.status.text() == "Add at least one item"
    type_into(qtbot, dialog.rows[0].name, "Tea")
    dialog.add_row()
    type_into(qtbot, dialog.rows[1].name, "Cake")
    type_into(qtbot, dialog.rows[1].price, "abc")
    qtbot.keyClick(dialog.rows[1].price, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.rows[0].price.hasFocus, timeout=2000)
    assert dialog.status.text() == "Enter the price (1 more to correct)"
    _assert_fits(dialog)
    screenshot(dialog, "purchase-dialog-refused")

"""CustomerDialog against a real CustomerService on a temporary database."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from console.domain.customer import Customer, Language, PartialDate, Phone, Tier
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.sqlite import customers as store
from console.storage.sqlite import history as history_store
from console.storage.sqlite.runner import DatabaseRunner
from console.ui.customer_dialog import CustomerDialog
from tests.people import a_signed_in

MOBILE = "13800138000"
MOBILE_E164 = "+8613800138000"


@pytest.fixture
def make_dialog(qtbot: Any, qloop: Any, service: CustomerService) -> Callable[..., CustomerDialog]:
    def make(customer: Customer | None = None) -> CustomerDialog:
        dialog = CustomerDialog(service, customer, region="CN")
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    return make


def add_customer(run: Callable[..., Any], service: CustomerService, customer: Customer) -> int:
    customer_id: int = run(service.save(customer, allow_duplicates=True))
    return customer_id


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type like a user: ASCII as key presses, other text committed by an input method.

    (QTest cannot press keys for 张 or ë; an IME commit is how they really arrive.)
    """
    widget.setFocus()
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def save_and_wait(qtbot: Any, dialog: CustomerDialog) -> int:
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    customer_id: int = blocker.args[0]
    return customer_id


# --- inline validation ------------------------------------------------------------------


def test_invalid_phone_shows_error_and_disables_save(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "张伟")
    assert dialog.save_button.isEnabled()
    number = dialog.phones.rows[0].number
    type_into(qtbot, number, "12345")
    assert not dialog.save_button.isEnabled()
    assert "phone 1" in dialog.status.text()
    # The red message waits until the user pauses or leaves the field ...
    message = dialog.phones.rows[0].message
    qtbot.waitUntil(lambda: dialog.phones.rows[0].check.error_shown, timeout=3000)
    assert message.isVisible()
    assert "Not a valid phone number for CN" in message.text()
    assert message.property("role") == "error"  # the theme draws it red
    assert number.accessibleDescription() == message.text()
    # ... and then follows every keystroke: fixing the number clears it at once.
    number.clear()
    type_into(qtbot, number, MOBILE)
    assert not dialog.phones.rows[0].check.error
    assert dialog.save_button.isEnabled()


def test_leaving_the_field_shows_the_error_at_once(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Priya Patel")
    number = dialog.phones.rows[0].number
    type_into(qtbot, number, "999")
    assert not dialog.phones.rows[0].check.error_shown
    qtbot.keyClick(number, Qt.Key.Key_Tab)
    assert dialog.phones.rows[0].check.error_shown
    assert dialog.phones.rows[0].message.isVisible()


def test_valid_phone_shows_its_e164_form(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "张伟")
    type_into(qtbot, dialog.phones.rows[0].number, "138 0013 8000")
    message = dialog.phones.rows[0].message
    assert message.isVisible()
    assert MOBILE_E164 in message.text()
    assert message.property("role") != "error"
    assert dialog.save_button.isEnabled()


def test_impossible_birthday_is_an_error_and_year_less_leap_day_is_fine(
    qtbot: Any, make_dialog: Any
) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Zoë Martin")
    type_into(qtbot, dialog.birthday, "2023-02-29")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.birthday, Qt.Key.Key_Tab)
    assert "2023-02-29 is not a date" in dialog.birthday_message.text()
    assert dialog.birthday_check.error_shown

    dialog.birthday.clear()
    type_into(qtbot, dialog.birthday, "--02-29")
    assert not dialog.birthday_check.error
    assert dialog.birthday_message.text() == "29 February (year unknown)"
    assert dialog.save_button.isEnabled()


def test_missing_name_and_bad_email(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    # A fresh form says the name is required without shouting about it.
    assert not dialog.save_button.isEnabled()
    assert dialog.name_message.text() == "Required"
    assert not dialog.name_check.error_shown
    type_into(qtbot, dialog.name, "A")
    dialog.name.clear()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.name_message.text() == "Enter the customer's name"

    type_into(qtbot, dialog.name, "Ann Lee")
    type_into(qtbot, dialog.email, "ann@")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.email, Qt.Key.Key_Tab)
    assert "Not an email address" in dialog.email_message.text()
    type_into(qtbot, dialog.email, "example.com")
    assert dialog.save_button.isEnabled()


def test_important_date_rows_validate_and_need_a_label(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Ann Lee")
    qtbot.mouseClick(dialog.dates.add_button, Qt.MouseButton.LeftButton)
    row = dialog.dates.rows[0]
    type_into(qtbot, row.date, "2019-04-31")
    assert "is not a date" in row.check.error
    row.date.clear()
    type_into(qtbot, row.date, "2019-05-18")
    assert row.check.error.startswith("Say what the date is")
    type_into(qtbot, row.label, "Wedding anniversary")
    assert not row.check.error
    assert row.message.text() == "18 May 2019"
    assert dialog.save_button.isEnabled()


def test_romanisation_follows_the_name_until_typed_by_hand(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "欧阳娜娜")
    assert dialog.romanisation.text() == "Ouyang Nana"
    dialog.romanisation.selectAll()
    type_into(qtbot, dialog.romanisation, "Au-Yeung Na Na")
    dialog.name.clear()
    type_into(qtbot, dialog.name, "欧阳娜")
    assert dialog.romanisation.text() == "Au-Yeung Na Na"


# --- saving -----------------------------------------------------------------------------


def test_saving_a_new_customer_stores_every_field(
    qtbot: Any, make_dialog: Any, run: Any, service: CustomerService, runner: DatabaseRunner
) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "张伟")
    type_into(qtbot, dialog.preferred, "张先生")
    dialog.language.setCurrentIndex(dialog.language.findData("zh-Hans"))
    type_into(qtbot, dialog.phones.rows[0].number, "138-0013-8000")
    qtbot.mouseClick(dialog.phones.add_button, Qt.MouseButton.LeftButton)
    second = dialog.phones.rows[1]
    second.kind.setCurrentIndex(second.kind.findData("work"))
    type_into(qtbot, second.number, "+44 20 7946 0958")
    type_into(qtbot, dialog.email, "zhang.wei@example.com")
    type_into(qtbot, dialog.member_no, "M-0042")
    type_into(qtbot, dialog.birthday, "--02-29")
    qtbot.mouseClick(dialog.dates.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog.dates.rows[0].label, "Wedding anniversary")
    type_into(qtbot, dialog.dates.rows[0].date, "2015-10-01")
    dialog.preferences.setPlainText("Earl Grey, no sugar\n\n  Quiet table  \n")
    dialog.dislikes.setPlainText("Peanuts")
    dialog.avoid_topics.setPlainText("Politics")
    dialog.notes.setPlainText("Hometown Hangzhou; has a cat called 年糕.")
    dialog.tier.setCurrentIndex(dialog.tier.findData("gold"))
    type_into(qtbot, dialog.assigned_staff, "Li Na")
    dialog.kind.setCurrentIndex(dialog.kind.findData("loyal"))
    dialog.consent.setChecked(True)

    customer_id = save_and_wait(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = run(service.get(customer_id))
    assert stored is not None
    assert stored.name == "张伟"
    assert stored.preferred_name == "张先生"
    assert stored.romanisation == "Zhang Wei"
    assert stored.language is Language.ZH_HANS
    assert stored.phones == [Phone(MOBILE_E164, "mobile"), Phone("+442079460958", "work")]
    assert stored.email == "zhang.wei@example.com"
    assert stored.member_no == "M-0042"
    assert stored.birthday == PartialDate(2, 29)
    assert [(d.label, d.date) for d in stored.dates] == [
        ("Wedding anniversary", PartialDate(10, 1, 2015))
    ]
    assert stored.preferences == ["Earl Grey, no sugar", "Quiet table"]
    assert stored.dislikes == ["Peanuts"]
    assert stored.avoid_topics == ["Politics"]
    assert stored.notes == "Hometown Hangzhou; has a cat called 年糕."
    assert stored.tier is Tier.GOLD
    assert stored.assigned_staff == "Li Na"
    assert stored.customer_kind == "loyal"
    assert stored.marketing_consent is True
    assert runner.call(store.count_customers) == 1


def test_enter_in_a_line_edit_saves_only_a_valid_form(
    qtbot: Any, make_dialog: Any, runner: DatabaseRunner
) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Ann Lee")
    type_into(qtbot, dialog.phones.rows[0].number, "12")
    qtbot.keyClick(dialog.phones.rows[0].number, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert dialog.isVisible()
    assert dialog.phones.rows[0].number.text() == "12"
    assert dialog.phones.rows[0].check.error_shown
    dialog.phones.rows[0].number.clear()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert runner.call(store.count_customers) == 1


def test_escape_cancels_without_saving(
    qtbot: Any, make_dialog: Any, runner: DatabaseRunner
) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Ann Lee")
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert runner.call(store.count_customers) == 0


class GatedService(CustomerService):
    """The real service, but each save waits until the test opens the gate."""

    def __init__(self, runner: DatabaseRunner, settings: SettingsService) -> None:
        super().__init__(runner, settings)
        self.gate = asyncio.Event()

    async def save(
        self, customer: Customer, *, allow_duplicates: bool = False, **kwargs: Any
    ) -> int:
        await self.gate.wait()
        return await super().save(customer, allow_duplicates=allow_duplicates, **kwargs)


def test_escape_while_saving_does_not_lose_the_save(
    qtbot: Any, qloop: Any, runner: DatabaseRunner, settings: SettingsService
) -> None:
    service = GatedService(runner, settings)
    dialog = CustomerDialog(service)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    type_into(qtbot, dialog.name, "Ann Lee")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "Saving…", timeout=2000)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        service.gate.set()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert runner.call(store.count_customers) == 1


def test_editing_keeps_the_id(
    qtbot: Any, make_dialog: Any, run: Any, service: CustomerService, runner: DatabaseRunner
) -> None:
    original_id = add_customer(
        run,
        service,
        Customer(name="Priya Patel", phones=[Phone(MOBILE_E164)], birthday=PartialDate(7, 4, 1988)),
    )
    customer = run(service.get(original_id))
    dialog = make_dialog(customer)
    assert dialog.windowTitle() == "Edit customer — Priya Patel"
    assert dialog.phones.rows[0].number.text() == "+86 138 0013 8000"
    assert dialog.birthday.text() == "1988-07-04"
    type_into(qtbot, dialog.preferred, "Dr. Patel")

    saved_id = save_and_wait(qtbot, dialog)

    assert saved_id == original_id
    assert runner.call(store.count_customers) == 1
    stored = run(service.get(original_id))
    assert stored.preferred_name == "Dr. Patel"
    assert stored.phones == [Phone(MOBILE_E164, "mobile")]
    assert stored.birthday == PartialDate(7, 4, 1988)
    assert stored.created_at == customer.created_at


def test_a_failed_save_keeps_everything_and_says_why(
    qtbot: Any, make_dialog: Any, runner: DatabaseRunner
) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Ann Lee")
    type_into(qtbot, dialog.phones.rows[0].number, MOBILE)
    runner.close()  # the database goes away under the dialog
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Could not save"), timeout=5000)
    assert dialog.isVisible()
    assert dialog.name.text() == "Ann Lee"
    assert dialog.phones.rows[0].number.text() == MOBILE
    assert dialog.save_button.isEnabled()


# --- duplicates -------------------------------------------------------------------------


def test_duplicate_phone_is_shown_in_the_dialog_with_open_and_merge(
    qtbot: Any, make_dialog: Any, run: Any, service: CustomerService, runner: DatabaseRunner
) -> None:
    existing = add_customer(run, service, Customer(name="张伟", phones=[Phone(MOBILE_E164)]))
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Wei Zhang")
    type_into(qtbot, dialog.phones.rows[0].number, MOBILE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.conflict_panel.isVisible, timeout=5000)

    text = dialog.findChild(QLabel, f"conflictText{existing}")
    assert text is not None
    assert text.text() == f"Phone +86 138 0013 8000 already belongs to 张伟 (#{existing})"
    open_button = dialog.findChild(QPushButton, f"openConflict{existing}")
    merge_button = dialog.findChild(QPushButton, f"mergeConflict{existing}")
    assert open_button is not None and open_button.text() == f"&Open #{existing}"
    assert merge_button is not None and merge_button.text() == f"&Merge into #{existing}"
    assert dialog.findChild(QPushButton, "saveAnywayButton") is not None
    assert dialog.isVisible()
    assert runner.call(store.count_customers) == 1  # nothing saved yet
    assert open_button.hasFocus()  # keyboard users land on the choices

    with qtbot.waitSignal(dialog.openCustomerRequested) as blocker:
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [existing]
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_merging_an_edited_customer_keeps_both_customers_visits(
    qtbot: Any, make_dialog: Any, run: Any, service: CustomerService, runner: DatabaseRunner
) -> None:
    existing = add_customer(run, service, Customer(name="张伟", phones=[Phone(MOBILE_E164)]))
    twin = add_customer(
        run, service, Customer(name="Wei Zhang", email="wei@example.com", preferences=["Oolong"])
    )
    run(service.log_visit(existing, note="first"))
    run(service.log_visit(twin, note="second"))
    run(service.log_visit(twin, note="third"))

    dialog = make_dialog(run(service.get(twin)))
    type_into(qtbot, dialog.phones.rows[0].number, MOBILE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.conflict_panel.isVisible, timeout=5000)
    merge_button = dialog.findChild(QPushButton, f"mergeConflict{existing}")
    assert merge_button is not None

    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.mouseClick(merge_button, Qt.MouseButton.LeftButton)

    assert blocker.args == [existing]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert runner.call(store.count_customers) == 1
    assert runner.call(history_store.count_visits, existing) == 3
    assert runner.call(store.merged_into, twin) == existing
    survivor = run(service.get(existing))
    assert survivor.name == "张伟"
    assert survivor.email == "wei@example.com"
    assert survivor.preferences == ["Oolong"]
    assert [p.number for p in survivor.phones] == [MOBILE_E164]


def test_merging_a_new_customer_folds_it_into_the_existing_one(
    qtbot: Any, make_dialog: Any, run: Any, service: CustomerService, runner: DatabaseRunner
) -> None:
    existing = add_customer(run, service, Customer(name="张伟", member_no="M-7"))
    run(service.log_visit(existing))
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Zhang Wei")
    type_into(qtbot, dialog.member_no, "M-7")
    dialog.preferences.setPlainText("Jasmine tea")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.conflict_panel.isVisible, timeout=5000)
    text = dialog.findChild(QLabel, f"conflictText{existing}")
    assert text is not None
    assert text.text() == f"Member number M-7 already belongs to 张伟 (#{existing})"
    merge_button = dialog.findChild(QPushButton, f"mergeConflict{existing}")
    assert merge_button is not None

    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.mouseClick(merge_button, Qt.MouseButton.LeftButton)

    assert blocker.args == [existing]
    assert runner.call(store.count_customers) == 1
    assert runner.call(history_store.count_visits, existing) == 1
    assert run(service.get(existing)).preferences == ["Jasmine tea"]


def test_save_anyway_keeps_two_customers_and_editing_hides_stale_conflicts(
    qtbot: Any, make_dialog: Any, run: Any, service: CustomerService, runner: DatabaseRunner
) -> None:
    add_customer(run, service, Customer(name="Wang Fang", email="fang@example.com"))
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Wang Fang")
    type_into(qtbot, dialog.email, "fang@example.com")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.conflict_panel.isVisible, timeout=5000)
    # Changing the form makes the list stale: it goes, and Save checks again.
    type_into(qtbot, dialog.preferred, "Ms Wang")
    assert not dialog.conflict_panel.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.conflict_panel.isVisible, timeout=5000)
    anyway = dialog.findChild(QPushButton, "saveAnywayButton")
    assert anyway is not None
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(anyway, Qt.MouseButton.LeftButton)
    assert runner.call(store.count_customers) == 2


# --- keyboard and accessibility -------------------------------------------------------

INTERACTIVE = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton)


def _interactive(dialog: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in INTERACTIVE:
        found += [w for w in dialog.findChildren(kind) if not w.objectName().startswith("qt_")]
    return found


def test_every_interactive_widget_is_named(
    qtbot: Any, make_dialog: Any, run: Any, service: CustomerService
) -> None:
    other = add_customer(run, service, Customer(name="张伟", phones=[Phone(MOBILE_E164)]))
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Wei")
    type_into(qtbot, dialog.phones.rows[0].number, MOBILE)
    qtbot.mouseClick(dialog.dates.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.conflict_panel.isVisible, timeout=5000)
    assert dialog.findChild(QPushButton, f"mergeConflict{other}") is not None
    widgets = _interactive(dialog)
    assert len(widgets) > 25
    for widget in widgets:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    names = [w.objectName() for w in widgets]
    assert len(names) == len(set(names))


def test_mnemonics_are_unique(
    qtbot: Any, make_dialog: Any, run: Any, service: CustomerService
) -> None:
    add_customer(run, service, Customer(name="张伟", phones=[Phone(MOBILE_E164)]))
    dialog = make_dialog()
    type_into(qtbot, dialog.name, "Wei")
    type_into(qtbot, dialog.phones.rows[0].number, MOBILE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.conflict_panel.isVisible, timeout=5000)  # its buttons count too
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]
    assert "s" in keys  # &Save
    assert len(keys) == len(set(keys)), sorted(keys)


def test_tab_order_is_logical_and_follows_new_rows(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    qtbot.mouseClick(dialog.phones.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.dates.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog.name, "Ann")  # Save becomes enabled and joins the tab chain
    order = [w.objectName() for w in dialog.tab_order()]
    assert order == [
        "nameEdit",
        "preferredNameEdit",
        "romanisationEdit",
        "languageCombo",
        "phoneLabel1",
        "phoneNumber1",
        "removePhone1",
        "phoneLabel2",
        "phoneNumber2",
        "removePhone2",
        "addPhoneButton",
        "emailEdit",
        "memberNumberEdit",
        "birthdayEdit",
        "dateLabel1",
        "dateValue1",
        "removeDate1",
        "addDateButton",
        "preferencesEdit",
        "dislikesEdit",
        "avoidTopicsEdit",
        "notesEdit",
        "tierCombo",
        "assignedStaffEdit",
        "customerKindCombo",
        "greetingsConsentCheck",
        "marketingConsentCheck",
        "consentMethodCombo",
        "saveButton",
        "cancelButton",
    ]
    # Keyboard only: Tab really moves along that chain, and plain-text boxes give Tab back.
    dialog.avoid_topics.setFocus()
    qtbot.keyClick(dialog.avoid_topics, Qt.Key.Key_Tab)
    assert dialog.notes.hasFocus()
    assert dialog.avoid_topics.toPlainText() == ""


def test_removing_a_phone_row_renumbers_and_moves_focus(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    qtbot.mouseClick(dialog.phones.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog.phones.rows[1].number, MOBILE)
    qtbot.mouseClick(dialog.phones.rows[0].remove, Qt.MouseButton.LeftButton)
    assert len(dialog.phones.rows) == 1
    row = dialog.phones.rows[0]
    assert row.number.objectName() == "phoneNumber1"
    assert row.number.text() == MOBILE
    assert row.number.hasFocus()


def test_prefill_from_search_text(make_dialog: Any) -> None:
    dialog = make_dialog()
    dialog.prefill("138 0013 8000")
    assert dialog.phones.rows[0].number.text() == "138 0013 8000"
    dialog.prefill("ann@example.com")
    assert dialog.email.text() == "ann@example.com"
    dialog.prefill("张伟")
    assert dialog.name.text() == "张伟"
    assert dialog.romanisation.text() == "Zhang Wei"


# --- fitting the screen -----------------------------------------------------------------


def _assert_fits(dialog: QDialog) -> None:
    """The frame within 1366×768 and the screen's available area; no caption narrower
    than its text; no placeholder cut off."""
    from PySide6.QtWidgets import QFormLayout

    room = dialog.screen().availableGeometry()
    frame = dialog.frameGeometry()
    assert frame.width() <= min(1366, room.width()), (frame, room)
    assert frame.height() <= min(768, room.height()), (frame, room)
    assert room.contains(frame), (frame, room)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), label.text()
    for edit in dialog.findChildren(QLineEdit):
        if edit.isVisible() and edit.placeholderText():
            room_px = edit.contentsRect().width() - 8  # the frame's text margins
            text_px = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            assert text_px <= room_px, edit.placeholderText()
    # One caption column: every section's fields start at the same x.
    starts = set()
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None and item.widget().isVisible():
                starts.add(item.widget().mapTo(dialog, item.widget().rect().topLeft()).x())
    assert len(starts) <= 1, starts


def test_dialog_fits_the_screen_and_a_refused_save_shows_the_first_problem(
    qtbot: Any, make_dialog: Any, screenshot: Any
) -> None:
    dialog = make_dialog()
    _assert_fits(dialog)
    screenshot(dialog, "customer-dialog-empty")
    # Problems far apart: the name (top) is left empty, the email (further down) is bad.
    dialog.dates.add_row()
    type_into(qtbot, dialog.dates.rows[-1].date, "2026-13-45")
    type_into(qtbot, dialog.email, "not-an-email")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.email, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # The focus goes to the first problem, in view, and its reason is beside Save.
    qtbot.waitUntil(dialog.name.hasFocus, timeout=2000)
    assert dialog.status.text().startswith("Enter the customer's name")
    assert "2 more" in dialog.status.text()
    assert dialog.status.property("error") is True or dialog.status.text()
    port = dialog.scroll_area.viewport()
    top_left = dialog.name.mapTo(port, dialog.name.rect().topLeft())
    assert port.rect().contains(top_left)
    assert dialog.email_message.text() and dialog.dates.rows[-1].message.text()
    # Saving is asked for again after the name: Enter takes the focus to the email.
    type_into(qtbot, dialog.name, "Zoë Martin")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.email.hasFocus, timeout=2000)
    assert dialog.status.text().startswith("Not an email address")
    # It was scrolled into view, and the Save row (outside the scroll area) is seen too.
    port_rect = port.rect()
    email_at = dialog.email.mapTo(port, dialog.email.rect().topLeft())
    assert port_rect.contains(email_at)
    assert dialog.status.isVisible() and dialog.save_button.isVisible()
    assert not dialog.scroll_area.isAncestorOf(dialog.save_button)
    _assert_fits(dialog)
    screenshot(dialog, "customer-dialog-refused")


# --- someone else saved first -------------------------------------------------------------


def test_a_customer_changed_meanwhile_is_explained_kept_and_reloaded(
    qtbot: Any,
    make_dialog: Any,
    run: Any,
    service: CustomerService,
    runner: DatabaseRunner,
    settings: SettingsService,
) -> None:
    cid = add_customer(
        run, service, Customer(name="Priya Patel", phones=[Phone(MOBILE_E164)], notes="tea")
    )
    dialog = make_dialog(run(service.get(cid)))
    # Meanwhile, at another console, Wang saves the same customer.
    wang = CustomerService(runner, settings, identity=run(a_signed_in(runner, "agent", "Wang")))
    theirs = run(wang.get(cid))
    theirs.notes = "jasmine tea"
    run(wang.save(theirs))

    type_into(qtbot, dialog.preferred, "Dr. Patel")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "reloadButton") is not None, timeout=5000)
    reload_button = dialog.findChild(QPushButton, "reloadButton")
    explained = dialog.findChild(QLabel, "changedText")
    assert dialog.isVisible() and dialog.conflict_panel.isVisible()
    assert "Wang saved this customer" in explained.text()
    assert "not saved" in explained.text() and "Reload" in explained.text()
    assert reload_button.text() == "Rel&oad"
    assert explained.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert dialog.status.text() == "Not saved: someone else changed this customer."
    assert reload_button.accessibleName() and reload_button.hasFocus()
    # What was typed stays, to copy from; nothing of it was saved.
    assert dialog.preferred.text() == "Dr. Patel"
    stored = run(service.get(cid))
    assert (stored.preferred_name, stored.notes, stored.changed_by) == ("", "jasmine tea", "Wang")
    # Every letter shortcut is still unique with the panel shown.
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]
    assert len(keys) == len(set(keys)), sorted(keys)

    qtbot.keyClick(reload_button, Qt.Key.Key_Space)  # the keyboard is enough
    qtbot.waitUntil(lambda: not dialog.conflict_panel.isVisible(), timeout=5000)
    assert dialog.preferred.text() == ""  # their version, in the form
    assert dialog.notes.toPlainText() == "jasmine tea"
    assert dialog.status.text() == ""
    type_into(qtbot, dialog.preferred, "Dr. Patel")
    assert save_and_wait(qtbot, dialog) == cid
    stored = run(service.get(cid))
    assert (stored.preferred_name, stored.notes, stored.version) == ("Dr. Patel", "jasmine tea", 3)

"""The guided complaint form against the in-memory fake service."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from console.domain.complaint import CauseCategory, QuickDue, Status
from console.ui import complaint_form
from console.ui.complaint_form import ComplaintForm
from console.ui.phrase_checker import PhraseChecker
from tests.ui.complaint_helpers import ENTRIES, NOW, make_fake
from tests.ui.fake_complaints import ZONE, FakeComplaints


@pytest.fixture
def fake() -> FakeComplaints:
    return make_fake(customer_names={7: "余文乐"})


@pytest.fixture
def checker(qloop: Any) -> PhraseChecker:
    return PhraseChecker(ENTRIES)


@pytest.fixture
def make_form(
    qtbot: Any, qloop: Any, fake: FakeComplaints, checker: PhraseChecker
) -> Callable[..., ComplaintForm]:
    def make(**kwargs: Any) -> ComplaintForm:
        form = ComplaintForm(fake, checker, agent="Mei", store="Shanghai Jing'an", **kwargs)
        qtbot.addWidget(form)
        with qtbot.waitActive(form):
            form.show()
            form.activateWindow()
        return form

    return make


def test_walk_in_with_a_promise_is_saved_and_its_draft_discarded(
    qtbot: Any, run: Callable[..., Any], make_form: Any, fake: FakeComplaints
) -> None:
    form = make_form()
    assert form.caller_name.isVisible() and not form.customer_label.isVisible()
    qtbot.keyClicks(form.caller_name, "Priya Patel")
    form.customer_words.setPlainText("The phone freezes again; the repair centre found nothing.")
    form.choose_quick(QuickDue.END_OF_DAY)
    assert form.promise() == dt.datetime(2026, 11, 28, 18, 0, tzinfo=ZONE)
    assert "today 18:00" in form.promise_hint.text()
    form.save_draft_now()
    qtbot.waitUntil(lambda: form.draft_key in fake.saved_drafts, timeout=3000)
    with qtbot.waitSignal(form.saved, timeout=5000) as blocker:
        form.save_button.click()
    complaint = fake.items[blocker.args[0]]
    assert complaint.caller_name == "Priya Patel"
    assert complaint.status is Status.NEW
    assert complaint.promise_due == dt.datetime(2026, 11, 28, 18, 0, tzinfo=ZONE)
    assert complaint.agent == "Mei"
    assert form.draft_key not in fake.saved_drafts
    assert not form.isVisible()


def test_missing_fields_are_shown_inline_and_nothing_is_lost(
    qtbot: Any, run: Callable[..., Any], make_form: Any, fake: FakeComplaints
) -> None:
    form = make_form()
    form.understanding.setPlainText("You want a replacement.")
    assert run(form.save()) is None
    labels = {key: form.findChild(type(form.status), f"{key}Error") for key in form._errors}
    assert labels["caller_name"].isVisible()
    assert labels["customer_words"].isVisible()
    assert "promise_due" in form._errors and labels["promise_due"].isVisible()
    assert "when we will reply" in labels["promise_due"].text()
    assert QApplication.focusWidget() is form.caller_name
    assert form.understanding.toPlainText() == "You want a replacement."
    assert not fake.items
    # Solved on the spot needs no promise.
    form.caller_name.setText("Walk-in")
    form.customer_words.setPlainText("Cold coffee.")
    form.solved.setChecked(True)
    assert not form.promise_due.isEnabled()
    complaint_id = run(form.save())
    assert fake.items[complaint_id].status is Status.RESOLVED
    assert fake.items[complaint_id].follow_up_due == NOW + dt.timedelta(days=7)


def test_service_validation_errors_land_under_their_fields(
    qtbot: Any, run: Callable[..., Any], make_form: Any, fake: FakeComplaints
) -> None:
    form = make_form(customer_id=7, customer_name="余文乐")
    form.customer_words.setPlainText("手机又死机了。")
    form.set_promise(NOW + dt.timedelta(hours=1))
    fake.clock = NOW + dt.timedelta(hours=2)  # the promise lapsed while typing
    # The form checks with the service's clock, so the promise is refused before sending.
    assert run(form.save()) is None
    assert "future" in form._errors["promise_due"].text()
    assert QApplication.focusWidget() is form.promise_due
    assert form.customer_words.toPlainText() == "手机又死机了。"


def test_block_term_in_the_apology_stops_the_save(
    qtbot: Any, run: Callable[..., Any], make_form: Any, fake: FakeComplaints
) -> None:
    form = make_form(customer_id=7, customer_name="余文乐")
    form.customer_words.setPlainText("Nobody called me back.")
    form.apology.setPlainText("Sorry, please calm down.")
    form.choose_quick(QuickDue.IN_2_HOURS)
    assert run(form.save()) is None
    message = form._errors["apology"]
    assert message.isVisible()
    assert "calm down" in message.text()
    assert message.property("role") == "error"  # the theme draws it red
    assert QApplication.focusWidget() is form.apology
    assert not fake.items
    assert form.apology.toPlainText() == "Sorry, please calm down."
    # Chinese block term in the reply, too.
    form.apology.setPlainText("给您添麻烦了，非常抱歉。")
    form.reply.setPlainText("这里就是这样的。")
    assert run(form.save()) is None
    assert "这里就是这样的" in form._errors["reply"].text()
    form.reply.setPlainText("我理解您的感受，今天下班前给您答复。")
    complaint_id = run(form.save())
    assert fake.items[complaint_id].apology == "给您添麻烦了，非常抱歉。"


def test_autosave_calls_save_draft_within_two_seconds(
    qtbot: Any, make_form: Any, fake: FakeComplaints
) -> None:
    form = make_form()
    form.customer_words.setFocus()
    qtbot.keyClicks(form.customer_words, "Waited 45 minutes")
    typed_at = time.monotonic()
    qtbot.waitUntil(lambda: form.draft_key in fake.saved_drafts, timeout=2000)
    saved_at = next(t for name, t in fake.calls if name == "save_draft")
    assert saved_at - typed_at < 2.0
    draft = fake.saved_drafts[form.draft_key]
    assert draft.payload["customer_words"] == "Waited 45 minutes"
    assert "Waited 45 minutes" in draft.summary
    assert complaint_form.AUTOSAVE_MS <= 1000


def test_cancel_asks_and_discard_removes_the_draft(
    qtbot: Any, make_form: Any, fake: FakeComplaints
) -> None:
    form = make_form()
    form.customer_words.setPlainText("Rude answer at the counter")
    form.save_draft_now()
    qtbot.waitUntil(lambda: form.draft_key in fake.saved_drafts, timeout=3000)
    key = form.draft_key
    form.reject()
    box = form.findChild(QMessageBox, "discardComplaintBox")
    assert box is not None and box.isVisible()
    keep = next(b for b in box.buttons() if "Keep" in b.text())
    keep.click()
    assert form.isVisible() and key in fake.saved_drafts
    form.reject()
    box = form.findChild(QMessageBox, "discardComplaintBox")
    discard = next(b for b in box.buttons() if "Discard" in b.text())
    discard.click()
    qtbot.waitUntil(lambda: key not in fake.saved_drafts, timeout=3000)
    assert not form.isVisible()


def test_draft_payload_round_trips(qtbot: Any, make_form: Any) -> None:
    form = make_form(customer_id=7, customer_name="余文乐")
    form.customer_words.setPlainText("发票金额不对。")
    form.understanding.setPlainText("多收了 20 元。")
    form.confirmed.setChecked(True)
    form.emotion.setCurrentIndex(form.emotion.findData("angry"))
    form.options.setPlainText("Refund the difference\nStore voucher")
    form.option_chosen.setCurrentIndex(form.option_chosen.findData("Store voucher"))
    form.comp_kind.setText("voucher")
    form.comp_amount.setText("20")
    form.cause.setCurrentIndex(form.cause.findData(CauseCategory.SERVICE_ATTITUDE.value))
    form.wording.setText("这里就是这样的")
    form.choose_quick(QuickDue.TOMORROW_10)
    payload = form.payload()
    again = make_form(payload=payload, draft_key=form.draft_key)
    assert again.payload() == payload
    assert again.customer_id == 7 and again.customer_label.isVisible()
    complaint = again.build_complaint()
    assert complaint.compensation is not None and complaint.compensation.amount_minor == 2000
    assert complaint.wording_that_went_wrong == "这里就是这样的"
    assert complaint.promise_due == dt.datetime(2026, 11, 29, 10, 0, tzinfo=ZONE)
    assert "Angry" in again.emotion_cue.text()
    assert "frustrating" in again.empathy_hint.text()


def test_tab_reaches_every_step_in_order(qtbot: Any, make_form: Any) -> None:
    form = make_form()
    form.cause.setCurrentIndex(form.cause.findData(CauseCategory.SERVICE_ATTITUDE.value))
    order = form.tab_order()
    steps = [
        form.caller_name,
        form.caller_contact,
        form.channel,
        form.store,
        form.agent,
        form.received,
        form.customer_words,  # 1
        form.understanding,  # 2
        form.confirmed,
        form.emotion,  # 3
        form.empathy_button,
        form.apology,  # 4
        form.apology_button,
        form.wants,  # 5
        form.wants_note,
        form.options,  # 6
        form.option_chosen,
        form.comp_kind,
        form.comp_amount,
        form.comp_currency,
        form.cause,  # 7
        form.sub_cause,
        form.responsibility,
        form.wording,
        form.reply,
        form.solved,
        *form.quick_buttons.values(),
        form.promise_due,
        form.save_button,
        form.cancel_button,
    ]
    positions = [order.index(widget) for widget in steps]
    assert positions == sorted(positions)
    # Real key presses follow the same chain from step 1 to step 2.
    form.customer_words.setFocus()
    qtbot.keyClick(form.customer_words, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.understanding
    for widget in steps:
        assert widget.objectName() and widget.accessibleName(), widget


def test_screenshot(screenshot: Any, qtbot: Any, make_form: Any) -> None:
    form = make_form(customer_id=7, customer_name="余文乐")
    form.customer_words.setPlainText("手机买了一个月，又死机了，维修中心说没问题。今天又发生了。")
    form.understanding.setPlainText("您一个月前买的手机经常死机，希望换一台新的，对吗？")
    form.confirmed.setChecked(True)
    form.emotion.setCurrentIndex(form.emotion.findData("upset"))
    form.apology.setPlainText("给您添麻烦了，非常抱歉。Please calm down.")
    form.wants.setCurrentIndex(form.wants.findData("exchange"))
    form.options.setPlainText("Exchange today\nRepair with a loan phone")
    form.choose_quick(QuickDue.END_OF_DAY)
    form.resize(820, 1500)
    qtbot.wait(50)
    screenshot(form, "complaint-form")


def test_mnemonics_are_unique(make_form: Any) -> None:
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    form = make_form()
    keys: dict[str, str] = {}
    widgets = [*form.findChildren(QLabel), *form.findChildren(QAbstractButton)]
    for widget in widgets:
        match = re.search(r"&([^&\s])", widget.text())
        if match is None or "<" in widget.text():
            continue
        key = match.group(1).lower()
        assert key not in keys, f"Alt+{key}: {keys.get(key)} and {widget.text()}"
        keys[key] = widget.text()


def test_the_form_fits_a_1366x768_screen_and_its_captions_line_up(make_form: Any) -> None:
    from PySide6.QtWidgets import QFormLayout, QLabel

    form = make_form(customer_id=7, customer_name="余文乐")
    room = form.screen().availableGeometry()
    frame = form.frameGeometry()
    assert frame.width() <= min(1366, room.width()), frame
    assert frame.height() <= min(768, room.height()), frame
    assert room.contains(frame), (room, frame)
    # The Save row is outside the scrolling steps: always in view.
    assert form.save_button.isVisible()
    assert form.save_button.mapTo(form, form.save_button.rect().bottomRight()).y() < form.height()
    # One caption column for every step: the fields start at the same x.
    starts = set()
    for box in form._sections.values():
        layout = box.layout()
        assert isinstance(layout, QFormLayout)
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            caption = item.widget() if item is not None else None
            if isinstance(caption, QLabel) and caption.isVisible() and field is not None:
                x = field.geometry().x() + box.mapTo(form.content, box.rect().topLeft()).x()
                starts.add((caption.text(), x))
    assert len({x for _text, x in starts}) == 1, sorted(starts, key=lambda s: s[1])


def test_a_refused_save_focuses_the_first_problem_and_says_why_beside_save(
    qtbot: Any, run: Callable[..., Any], make_form: Any, fake: FakeComplaints, screenshot: Any
) -> None:
    form = make_form()
    form.caller_name.setText("Walk-in")
    form.customer_words.setPlainText("Cold coffee.")
    form.apology.setPlainText("Please calm down.")  # a blocked phrase, far down the form
    form.choose_quick(QuickDue.END_OF_DAY)
    form.scroll_area.verticalScrollBar().setValue(0)
    assert run(form.save()) is None
    assert QApplication.focusWidget() is form.apology
    reason = form._errors["apology"].text()
    assert reason and reason in form.status.text()
    assert form.status.isVisible()
    # the status sits beside Save, on the same row
    status_row = form.status.mapTo(form, form.status.rect().center()).y()
    save = form.save_button.mapTo(form, form.save_button.rect().topLeft()).y()
    assert abs(status_row - (save + form.save_button.height() // 2)) < form.status.height()
    # the field and its reason are scrolled into view
    port = form.scroll_area.viewport()
    for widget in (form.apology, form._errors["apology"]):
        top = widget.mapTo(port, widget.rect().topLeft()).y()
        assert top >= 0 and top + widget.height() <= port.height(), widget.objectName()
    screenshot(form, "complaint-form-refused")

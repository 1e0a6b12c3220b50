"""The whole complaint flow in the main window, against the fake complaint service and a
real customer service: profile → complaint with a promise → queue and profile badge →
resolve → follow-up due → satisfaction → report. Plus drafts offered back on start,
due-soon notifications, walk-ins, and a window without complaint features."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from console.domain.complaint import Action, Status
from console.domain.customer import Customer, Phone
from console.services.complaints import Queue
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.ui.complaint_actions import ComplaintFeatures, RecoverDrafts
from console.ui.complaint_form import ComplaintForm
from console.ui.complaint_queue import ComplaintView
from console.ui.main_window import MainWindow
from console.ui.phrase_checker import PhraseChecker
from tests.ui.complaint_helpers import ENTRIES, NOW, make_fake
from tests.ui.fake_complaints import FakeComplaints

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def fake() -> FakeComplaints:
    return make_fake()


@pytest.fixture
def window(
    qtbot: Any,
    qloop: Any,
    run: Callable[..., Any],
    service: CustomerService,
    settings: SettingsService,
    fake: FakeComplaints,
) -> MainWindow:
    win = MainWindow(service, settings, checker=PhraseChecker(ENTRIES), complaints=fake)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def features(window: MainWindow) -> ComplaintFeatures:
    assert window.complaints is not None
    return window.complaints


def add_yu(run: Callable[..., Any], service: CustomerService, fake: FakeComplaints) -> int:
    customer = Customer(name="余文乐", preferred_name="Mr. Yu", phones=[Phone("+8613812345678")])
    cid: int = run(service.save(customer, allow_duplicates=True))
    fake.customer_names[cid] = "余文乐"
    return cid


def open_profile(qtbot: Any, window: MainWindow, cid: int) -> None:
    with qtbot.waitSignal(window.profile.complaintsShown, timeout=5000):
        window.open_customer(cid)


def test_profile_complaint_queue_resolve_follow_up_report(
    screenshot: Any,
    qtbot: Any,
    run: Callable[..., Any],
    window: MainWindow,
    service: CustomerService,
    fake: FakeComplaints,
) -> None:
    cid = add_yu(run, service, fake)
    open_profile(qtbot, window, cid)
    profile = window.profile
    assert not profile.complaint_badge.isVisible()
    assert profile.complaint_button.isVisible()

    # Ctrl+Shift+C on the profile: the form opens, pre-filled with the customer.
    with qtbot.waitSignal(features(window).formOpened, timeout=5000) as opened:
        qtbot.keyClick(window.search, Qt.Key.Key_C, CTRL_SHIFT)
    form: ComplaintForm = opened.args[0]
    assert form.customer_id == cid
    assert "Mr. Yu" in form.customer_label.text()
    assert form.agent.text() == "Mei"
    form.customer_words.setPlainText("手机买了一个月，又死机了。")
    form.apology.setPlainText("给您添麻烦了，非常抱歉。")
    form.choose_quick(form_quick := next(iter(form.quick_buttons)))
    assert form_quick.value == "in_2_hours"
    with (
        qtbot.waitSignal(window.profile.complaintsShown, timeout=5000),
        qtbot.waitSignal(form.saved, timeout=5000) as saved,
    ):
        form.save_button.click()
    complaint_id = saved.args[0]

    # The profile shows the open complaint with its promise, so nobody greets cheerfully.
    badge = profile.complaint_badge
    assert badge.isVisible()
    assert "Open complaint — reply promised by today 13:30 (in 2 h)" in badge.text()
    screenshot(window, "complaint-profile")

    # The queue lists it; Enter opens it.
    queue = features(window).show_queue()
    qtbot.waitUntil(lambda: queue.models[Queue.MINE_OPEN].rowCount() == 1, timeout=5000)
    assert queue.tabs.tabText(0) == "My open (1)"
    model = queue.models[Queue.MINE_OPEN]
    assert model.index(0, 1).data() == "余文乐"
    assert model.index(0, 0).data() == "in 2 h"
    queue.show_queue(Queue.MINE_OPEN)
    with qtbot.waitSignal(features(window).viewOpened, timeout=5000) as opened_view:
        qtbot.keyClick(queue.views[Queue.MINE_OPEN], Qt.Key.Key_Return)
    view: ComplaintView = opened_view.args[0]
    qtbot.waitUntil(lambda: view.detail is not None, timeout=5000)
    assert view.complaint_id == complaint_id

    # Resolve (an hour later: the promise is kept); the badge goes away.
    fake.clock = NOW + dt.timedelta(hours=1)
    with qtbot.waitSignal(view.changed, timeout=5000):
        view.buttons[Action.RESOLVE].click()
    assert fake.items[complaint_id].status is Status.RESOLVED
    qtbot.waitUntil(lambda: not badge.isVisible(), timeout=5000)

    # Seven days later the follow-up is due today.
    fake.clock = NOW + dt.timedelta(days=7)
    queue.refresh()
    qtbot.waitUntil(lambda: queue.tabs.tabText(3) == "Follow-ups today (1)", timeout=5000)
    assert queue.models[Queue.FOLLOW_UPS_TODAY].index(0, 0).data().startswith("follow-up ")
    view.reload()
    qtbot.waitUntil(lambda: view.buttons[Action.FOLLOW_UP].isVisibleTo(view), timeout=5000)
    view.satisfaction.setValue(5)
    view.note.setText("Happy with the new phone")
    with qtbot.waitSignal(view.changed, timeout=5000):
        view.buttons[Action.FOLLOW_UP].click()
    assert fake.items[complaint_id].status is Status.FOLLOWED_UP
    qtbot.waitUntil(lambda: queue.tabs.tabText(3) == "Follow-ups today (0)", timeout=5000)

    # The report counts it.
    report = features(window).show_report()
    report.set_period(NOW.date().replace(day=1), (NOW + dt.timedelta(days=8)).date())
    with qtbot.waitSignal(report.loaded, timeout=5000):
        report.refresh()
    assert report.figure_labels["figReceived"].text() == "1"
    assert report.figure_labels["figPromisesKept"].text() == "100.0 % (1 of 1)"
    assert report.figure_labels["figFollowUps"].text() == "100.0 % (1 of 1)"
    assert report.figure_labels["figDissatisfied"].text() == "0.0 % (0 of 1)"
    assert report.figure_labels["figResolution"].text() == "1.0 h"


def test_drafts_are_offered_back_on_start(
    qtbot: Any, run: Callable[..., Any], window: MainWindow, fake: FakeComplaints
) -> None:
    payload = {"caller_name": "Priya Patel", "customer_words": "Waited 45 minutes", "solved": False}
    run(fake.save_draft("abc123", "Priya Patel: Waited 45 minutes", payload))
    run(fake.save_draft("def456", "Unknown caller: 发票不对", {"customer_words": "发票不对"}))
    with qtbot.waitSignal(features(window).draftsOffered, timeout=5000) as offered:
        features(window).start()
    dialog: RecoverDrafts = offered.args[0]
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Recover unsaved complaints"
    assert dialog.list.count() == 2
    assert "Priya Patel: Waited 45 minutes" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(features(window).formOpened, timeout=5000) as opened:
        dialog.reopen_button.click()
    form: ComplaintForm = opened.args[0]
    assert form.draft_key == "abc123"
    assert form.caller_name.text() == "Priya Patel"
    assert form.customer_words.toPlainText() == "Waited 45 minutes"
    # Discarding the other one drops it from the service; the prompt closes.
    dialog.list.setCurrentRow(0)
    dialog.discard_button.click()
    qtbot.waitUntil(lambda: "def456" not in fake.saved_drafts, timeout=5000)
    assert dialog not in window._dialogs  # closed (and deleted) once nothing is left
    # Saving the reopened form discards its draft.
    form.choose_quick(next(iter(form.quick_buttons)))
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save_button.click()
    assert fake.saved_drafts == {}


def test_due_soon_and_overdue_notifications(
    qtbot: Any, run: Callable[..., Any], window: MainWindow, fake: FakeComplaints
) -> None:
    from console.domain.complaint import Complaint

    complaint_id = run(
        fake.create(
            Complaint(
                caller_name="Zoë Martin",
                customer_words="No call back",
                promise_due=NOW + dt.timedelta(minutes=20),
            )
        )
    )
    with qtbot.waitSignal(features(window).notified, timeout=5000) as blocker:
        features(window).check_due()
    assert [row.id for row in blocker.args[0]] == [complaint_id]
    banner = features(window).banner
    assert banner.isVisible()
    assert "Reply due soon: Zoë Martin — in 20 min" in banner.text()
    assert "Reply due soon" in window.statusBar().currentMessage()
    assert features(window).timer.interval() == 30_000
    # Not again for the same state; again once it is overdue.
    fake.clock = NOW + dt.timedelta(minutes=5)
    run(features(window)._check_due())
    fake.clock = NOW + dt.timedelta(minutes=50)
    with qtbot.waitSignal(features(window).notified, timeout=5000):
        features(window).check_due()
    assert "Promise overdue: Zoë Martin — overdue 30 min" in banner.text()
    queue = features(window).show_queue(Queue.OVERDUE)
    qtbot.waitUntil(lambda: queue.models[Queue.OVERDUE].rowCount() == 1, timeout=5000)


def test_walk_in_complaint_from_the_main_window(
    qtbot: Any, window: MainWindow, fake: FakeComplaints
) -> None:
    assert window.profile.customer_id is None
    with qtbot.waitSignal(features(window).formOpened, timeout=5000) as opened:
        qtbot.keyClick(window.search, Qt.Key.Key_W, CTRL_SHIFT)
    form: ComplaintForm = opened.args[0]
    assert form.customer_id is None
    assert form.caller_name.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.caller_name, timeout=3000)
    # Ctrl+Shift+C with no customer open says what to do instead.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    features(window).start_action.trigger()
    assert "Ctrl+Shift+W" in window.statusBar().currentMessage()


def test_shortcuts_do_not_clash(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text}: {seen.get(text)} and {action.objectName()}"
            seen[text] = action.objectName()
    assert seen["Ctrl+Shift+C"] == "startComplaintAction"
    assert {"Ctrl+Shift+W", "Ctrl+Shift+O", "Ctrl+Shift+M"} <= set(seen)


def test_without_a_complaint_service_nothing_shows(
    qtbot: Any, qloop: Any, service: CustomerService, settings: SettingsService
) -> None:
    win = MainWindow(service, settings)
    qtbot.addWidget(win)
    assert win.complaints is None
    assert win.findChild(QAction, "startComplaintAction") is None
    assert not win.profile.complaint_button.isVisibleTo(win.profile)
    titles = [action.text() for action in win.menuBar().actions()]
    assert "Com&plaints" not in titles

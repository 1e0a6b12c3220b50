"""Queues (lazy, sortable, countdowns) and the complaint view's actions, on the fake."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from console.domain.complaint import Action, Channel, Complaint, Emotion, Status
from console.services.complaints import Queue, QueueSort
from console.ui import theme
from console.ui.complaint_queue import ComplaintQueue, ComplaintView, QueueModel, promise_line
from console.ui.tasks import Tasks
from tests.ui.complaint_helpers import NOW, make_fake
from tests.ui.fake_complaints import FakeComplaints

NAMES = ["王芳", "Zoë Martin", "张伟", "Priya Patel", "陈小明", "Ahmed Khan", "李娜"]


def fill(run: Callable[..., Any], fake: FakeComplaints, count: int) -> list[int]:
    ids = []
    for i in range(count):
        complaint = Complaint(
            caller_name=NAMES[i % len(NAMES)] + (f" {i}" if i >= len(NAMES) else ""),
            channel=list(Channel)[i % 4],
            emotion=list(Emotion)[i % 3],
            customer_words=f"Complaint number {i}: 等了四十五分钟没人理。",
            promise_due=NOW + dt.timedelta(minutes=20 + 37 * i),
        )
        fake.clock = NOW - dt.timedelta(minutes=count - i)
        ids.append(run(fake.create(complaint)))
    fake.clock = NOW
    return ids


@pytest.fixture
def fake() -> FakeComplaints:
    return make_fake()


def test_queue_model_is_lazy_sortable_and_passes_the_model_tester(
    qtbot: Any, qtmodeltester: Any, run: Callable[..., Any], fake: FakeComplaints
) -> None:
    fill(run, fake, 23)
    model = QueueModel(fake, Queue.MINE_OPEN, Tasks(), page_size=10)
    run(model.load())
    assert model.total == 23
    assert model.rowCount() == 10
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    qtbot.waitUntil(lambda: model.rowCount() == 20, timeout=3000)
    # The tester stays connected (it checks the sort's reset and the ticks below too) and
    # keeps fetching as rows arrive: every page exactly once.
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(lambda: model.rowCount() == 23, timeout=3000)
    qtbot.wait(50)
    assert model.rowCount() == 23
    assert len({model.index(r, 1).data() for r in range(23)}) == 23
    assert model.index(0, 0).data() == "in 20 min"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == theme.colour("warning")
    assert model.index(0, 1).data() == "王芳"
    # Sorting asks the service and starts again from the first page.
    model.sort(1)
    qtbot.waitUntil(lambda: model.index(0, 1).data() == "Ahmed Khan", timeout=3000)
    assert model.sort_key is QueueSort.CUSTOMER
    # The clock moves: the countdown turns to overdue, in red.
    model.sort(0)
    qtbot.waitUntil(lambda: model.index(0, 1).data() == "王芳", timeout=3000)
    fake.clock = NOW + dt.timedelta(minutes=45)
    model.tick()
    assert model.index(0, 0).data() == "overdue 25 min"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == theme.colour("danger")


def test_queues_show_counts_and_enter_opens(
    screenshot: Any, qtbot: Any, run: Callable[..., Any], fake: FakeComplaints
) -> None:
    ids = fill(run, fake, 3)
    fake.clock = NOW + dt.timedelta(minutes=40)  # first overdue, second due soon
    queue = ComplaintQueue(fake, Tasks())
    qtbot.addWidget(queue)
    with qtbot.waitActive(queue):
        queue.show()
        queue.activateWindow()
    run(queue.load())
    assert queue.tabs.tabText(0) == "My open (3)"
    assert queue.tabs.tabText(1) == "Due soon (1)"
    assert queue.tabs.tabText(2) == "Overdue promises (1)"
    assert queue.tabs.tabText(3) == "Follow-ups today (0)"
    queue.show_queue(Queue.OVERDUE)
    view = queue.views[Queue.OVERDUE]
    with qtbot.waitSignal(queue.openComplaint, timeout=2000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [ids[0]]
    queue.resize(1000, 320)
    queue.show_queue(Queue.MINE_OPEN)
    qtbot.wait(50)
    screenshot(queue, "complaint-queue")


def test_view_actions_follow_the_status_machine(
    qtbot: Any, run: Callable[..., Any], fake: FakeComplaints
) -> None:
    [cid] = fill(run, fake, 1)
    view = ComplaintView(fake, cid)
    qtbot.addWidget(view)
    view.show()
    run(view.load())
    visible = {a for a, b in view.buttons.items() if b.isVisibleTo(view)}
    assert visible == {Action.START, Action.RESOLVE, Action.VOID}
    # Extending needs a note, and the original due time stays in history.
    new_due = NOW + dt.timedelta(hours=5)
    assert not run(view.extend(new_due))
    assert "why" in view.status.text()
    view.note.setText("Waiting for the supplier's answer")
    assert run(view.extend(new_due))
    assert fake.items[cid].promise_due == new_due
    text = view.text.toPlainText()
    assert "Extended to 28 Nov 2026 16:30 (was 28 Nov 2026 11:50)" in text
    assert "Waiting for the supplier's answer" in text
    # Void needs a reason.
    assert not run(view.act(Action.VOID))
    assert "reason" in view.status.text()
    assert run(view.act(Action.START))
    assert fake.items[cid].status is Status.IN_PROGRESS
    assert run(view.act(Action.RESOLVE))
    visible = {a for a, b in view.buttons.items() if b.isVisibleTo(view)}
    assert visible == {Action.FOLLOW_UP, Action.REOPEN, Action.VOID}
    assert view.satisfaction.isVisibleTo(view)
    view.satisfaction.setValue(2)
    view.note.setText("Still unhappy with the speed")
    assert run(view.act(Action.FOLLOW_UP))
    # Dissatisfied (≤ 2): reopened.
    assert fake.items[cid].status is Status.IN_PROGRESS
    assert "satisfaction 2/5 (dissatisfied)" in view.text.toPlainText()
    fake.role = "agent"
    view.note.setText("duplicate")
    assert not run(view.act(Action.VOID))
    assert "manager" in view.status.text()


def test_promise_line_for_the_profile(run: Callable[..., Any], fake: FakeComplaints) -> None:
    fill(run, fake, 2)
    rows = run(fake.queue(Queue.ALL_OPEN))
    assert promise_line(rows, NOW) == (
        "2 open complaints — reply promised by today 11:50 (in 20 min)"
    )
    assert promise_line(rows[:1], NOW).startswith("Open complaint — ")


def test_an_answered_complaint_shows_whether_the_promise_was_kept(
    qtbot: Any, run: Callable[..., Any], fake: FakeComplaints
) -> None:
    [kept_id, missed_id] = fill(run, fake, 2)  # promised by 11:50 and 12:27
    fake.clock = NOW + dt.timedelta(minutes=10)
    run(fake.act(kept_id, Action.RESOLVE))  # answered before its promise
    fake.clock = NOW + dt.timedelta(hours=2)
    run(fake.act(missed_id, Action.RESOLVE))  # answered after it
    fake.clock = NOW + dt.timedelta(days=16)  # long after both promises
    for cid, expected, other in ((kept_id, "kept", "missed"), (missed_id, "missed", "kept")):
        view = ComplaintView(fake, cid)
        qtbot.addWidget(view)
        view.show()
        run(view.load())
        text = view.text.toPlainText()
        assert f"({expected} — answered" in text, text
        assert "overdue" not in text and f"({other} —" not in text


def test_an_action_on_a_complaint_changed_elsewhere_offers_reload_and_keeps_the_note(
    qtbot: Any, run: Callable[..., Any], fake: FakeComplaints
) -> None:
    [cid] = fill(run, fake, 1)
    view = ComplaintView(fake, cid)
    qtbot.addWidget(view)
    view.show()
    run(view.load())
    assert not view.reload_button.isVisibleTo(view)
    # Meanwhile, at another console, Wang changes it (at 11:40 in the store).
    fake.clock = NOW + dt.timedelta(minutes=10)
    fake.changed_elsewhere(cid, "Wang Fang")
    view.note.setText("Customer agreed to wait for the new part")
    assert not run(view.act(Action.START))
    assert fake.items[cid].status is Status.NEW  # nothing of ours was saved
    message = view.status.text()
    assert "Wang Fang changed this complaint at" in message and "11:40" in message
    assert "your note is kept" in message
    assert view.note.text() == "Customer agreed to wait for the new part"
    button = view.findChild(QPushButton, "reloadComplaintButton")
    assert button is view.reload_button and button.isVisibleTo(view)
    assert button.accessibleName().startswith("Reload the complaint")
    assert button.hasFocus()  # Enter or Space reloads
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.complaint.version == 2)
    assert not button.isVisibleTo(view)
    assert view.note.text() == "Customer agreed to wait for the new part"
    # On the reloaded version, the action goes through.
    assert run(view.act(Action.START))
    assert fake.items[cid].status is Status.IN_PROGRESS
    assert view.note.text() == ""

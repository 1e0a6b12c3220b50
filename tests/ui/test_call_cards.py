"""Phone screen-pop flows: events sent over HTTP to the real listener, cards in the real window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QListWidget, QWidget

from console.domain.calls import CallState, MatchKind
from console.domain.clock import FixedClock
from console.domain.customer import Customer, Phone, Purchase, PurchaseItem, Visit
from console.services import settings as opts
from console.services.calls import CallEvents, CallService
from console.services.cti import CtiServer
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.sqlite import customers as store
from console.storage.sqlite import history as history_store
from console.storage.sqlite.runner import DatabaseRunner
from console.ui import i18n
from console.ui.call_cards import CallDesk
from console.ui.main_window import MainWindow

NOW = dt.datetime(2026, 11, 28, 15, 30)
TOKEN = "ui-test-token-0123456789abcdefgh"


class Phone_:
    """The test's PBX: posts Generic CTI events to the console's listener."""

    def __init__(self, run: Callable[..., Any], port: int) -> None:
        self._run = run
        self.url = f"http://127.0.0.1:{port}/cti/{TOKEN}"

    def send(self, **fields: str) -> None:
        data = {"direction": "in", "to": "+862155550000", **fields}
        if "from_" in data:
            data["from"] = data.pop("from_")

        async def post() -> None:
            async with (
                aiohttp.ClientSession() as session,
                session.post(self.url, data=data) as response,
            ):
                assert response.status == 200, await response.text()
                assert await response.json() == {}

        self._run(post())


@pytest.fixture
def desk(
    qtbot: Any,
    qloop: Any,
    run: Callable[..., Any],
    runner: DatabaseRunner,
    settings: SettingsService,
) -> Iterator[tuple[MainWindow, CallDesk, CallEvents, Phone_]]:
    customers = CustomerService(runner, settings, clock=FixedClock(NOW))
    calls = CallService(runner, customers, clock=FixedClock(NOW))
    window = MainWindow(customers, settings)
    qtbot.addWidget(window)
    desk = CallDesk(window, calls, customers)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, desk)
    events = CallEvents(calls, desk.handle_update)
    events.start()
    server = CtiServer(events.submit, TOKEN, port=0)
    run(server.start())
    desk.set_listening(server.url, f"127.0.0.1:{server.port}")
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window, desk, events, Phone_(run, server.port)
    finally:
        run(server.stop())
        run(events.stop())
        window.tasks.cancel_all()


def _yu(runner: DatabaseRunner) -> int:
    cid = runner.call(
        store.insert_customer,
        Customer(name="余文乐", preferred_name="Mr. Yu", phones=[Phone("+8613812345678")]),
        now=NOW - dt.timedelta(days=900),
    )
    runner.call(history_store.record_visit, Visit(cid, NOW - dt.timedelta(days=3), "Shanghai"))
    runner.call(
        history_store.record_purchase,
        Purchase(
            cid,
            NOW - dt.timedelta(days=3),
            [PurchaseItem("Leather loafers", 1, 89900, "shoes")],
            "Shanghai",
            "in store",
            "CNY",
        ),
    )
    return cid


def test_known_caller_pops_profile_with_greeting_keeping_focus(
    qtbot: Any, desk: Any, runner: DatabaseRunner
) -> None:
    window, calls, _events, phone = desk
    cid = _yu(runner)
    editor = QLineEdit(window)
    editor.setObjectName("halfTypedNote")
    window.statusBar().addWidget(editor)
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    qtbot.keyClicks(editor, "Good afternoon, I was just typ")

    with qtbot.waitSignal(window.profileShown, timeout=5000) as shown:
        phone.send(event="newCall", from_="138 1234 5678", callId="k1")
    assert shown.args == [cid]
    assert "Mr. Yu" in window.profile.greeting.text()
    qtbot.waitUntil(lambda: "Mr. Yu" in calls.caller_greeting.text())
    assert "Leather loafers" in calls.caller_facts.text()
    assert "Last visit" in calls.caller_facts.text()
    assert calls.detail.currentWidget() is calls.known_page
    assert not calls.probable_note.isVisibleTo(calls)
    assert calls.queue.count() == 1
    # the keyboard never left the half-typed sentence
    assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, "ing")
    assert editor.text() == "Good afternoon, I was just typing"
    # the call is on the customer's timeline
    qtbot.waitUntil(lambda: calls.timeline.rowCount() == 1)
    history = window.profile.history
    assert history.tabText(history.indexOf(calls.timeline)) == "Calls (1)"


def test_unknown_number_offers_create_profile(
    qtbot: Any, desk: Any, runner: DatabaseRunner
) -> None:
    window, calls, _events, phone = desk
    with qtbot.waitSignal(calls.popped, timeout=5000):
        phone.send(event="newCall", from_="13900001111", callId="u1")
    assert calls.detail.currentWidget() is calls.new_page
    assert "New caller" in calls.new_title.text()
    assert calls.create_button.isEnabled()
    qtbot.mouseClick(calls.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(calls, "dialog", None) is not None)
    dialog = calls.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.phones.rows[0].number.text() == "+8613900001111"
    dialog.name.setText("New Person")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    with qtbot.waitSignal(calls.callLinked, timeout=5000) as linked:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    call_id, customer_id = linked.args
    assert call_id == "u1"
    qtbot.waitUntil(lambda: window.profile.customer_id == customer_id)
    assert calls.detail.currentWidget() is calls.known_page
    assert calls.current is not None and calls.current.customer_id == customer_id


def test_attach_number_to_existing_customer(qtbot: Any, desk: Any, runner: DatabaseRunner) -> None:
    window, calls, _events, phone = desk
    cid = _yu(runner)
    with qtbot.waitSignal(calls.popped, timeout=5000):
        phone.send(event="newCall", from_="13900001111", callId="u2")
    calls.attach_search.setText("Yu")
    qtbot.waitUntil(lambda: calls.attach_results.count() == 1)
    with qtbot.waitSignal(calls.callLinked, timeout=5000):
        qtbot.keyClick(calls.attach_search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.profile.customer_id == cid)
    customer = runner.call(store.get_customer, cid)
    assert customer is not None
    assert "+8613900001111" in [p.number for p in customer.phones]


def test_hangup_without_answer_lands_in_call_back_list(
    qtbot: Any, desk: Any, runner: DatabaseRunner
) -> None:
    _window, calls, _events, phone = desk
    _yu(runner)
    with qtbot.waitSignal(calls.popped, timeout=5000):
        phone.send(event="newCall", from_="+8613812345678", callId="m1")
    with qtbot.waitSignal(calls.callBacksShown, timeout=5000) as shown:
        phone.send(event="hangup", from_="+8613812345678", callId="m1", cause="cancel")
    assert shown.args == [1]
    assert calls.call_back_list.count() == 1
    assert "余文乐" in calls.call_back_list.item(0).text()
    assert calls.tabs.tabText(1) == "Call back (1)"
    assert calls.current is not None and calls.current.state is CallState.MISSED
    with qtbot.waitSignal(calls.callBacksShown, timeout=5000) as shown:
        qtbot.mouseClick(calls.called_back_button, Qt.MouseButton.LeftButton)
    assert shown.args == [0]


def test_shared_number_offers_a_chooser(qtbot: Any, desk: Any, runner: DatabaseRunner) -> None:
    window, calls, _events, phone = desk
    a = runner.call(
        store.insert_customer, Customer(name="Wang Fang", phones=[Phone("+8613812345678")]), now=NOW
    )
    b = runner.call(  # saved anyway, as a separate customer
        store.insert_customer,
        Customer(name="Wang Lei", phones=[Phone("+8613812345678")]),
        now=NOW,
        duplicate_ok=True,
    )
    with qtbot.waitSignal(calls.popped, timeout=5000):
        phone.send(event="newCall", from_="+8613812345678", callId="s1")
    assert calls.detail.currentWidget() is calls.chooser_page
    assert calls.chooser.count() == 2
    names = {calls.chooser.item(i).text().split(" · ")[0] for i in range(2)}
    assert names == {"Wang Fang", "Wang Lei"}
    calls.chooser.setFocus()
    calls.chooser.setCurrentRow(
        next(i for i in range(2) if calls.chooser.item(i).text().startswith("Wang Lei"))
    )
    with qtbot.waitSignal(window.profileShown, timeout=5000) as shown:
        qtbot.keyClick(calls.chooser, Qt.Key.Key_Return)
    assert shown.args == [b] and a != b
    assert calls.current is not None and calls.current.match is MatchKind.EXACT


def test_simultaneous_calls_queue_and_agent_picks(
    qtbot: Any, desk: Any, runner: DatabaseRunner, settings: SettingsService, run: Any
) -> None:
    window, calls, _events, phone = desk
    cid = _yu(runner)
    run(settings.set(opts.CTI_EXTENSION, "204"))  # this console is extension 204
    phone.send(event="newCall", from_="13900002222", callId="q0", user="205")  # not mine
    with qtbot.waitSignal(calls.popped, timeout=5000):
        phone.send(event="newCall", from_="13900001111", callId="q1")
    phone.send(event="newCall", from_="+8613812345678", callId="q2")
    qtbot.waitUntil(lambda: calls.queue.count() == 2)
    assert calls.current is not None and calls.current.call_id == "q1"  # not snatched
    calls.focus_queue()
    assert QApplication.focusWidget() is calls.queue
    with qtbot.waitSignal(window.profileShown, timeout=5000) as shown:
        qtbot.keyClick(calls.queue, Qt.Key.Key_Down)
    assert shown.args == [cid]
    # answered by someone else: the first card goes
    phone.send(event="answer", from_="13900001111", callId="q1", answeringNumber="205")
    qtbot.waitUntil(lambda: calls.queue.count() == 1)
    # complaint hook: one key, with the caller
    with qtbot.waitSignal(calls.complaint_requested, timeout=2000) as asked:
        calls.complaint_action.trigger()
    assert asked.args == [cid, "q2"]
    qtbot.keyClick(calls.queue, Qt.Key.Key_Escape)
    assert calls.queue.count() == 0
    assert calls.detail.currentWidget() is calls.idle_page


def test_widgets_are_named_for_assistive_technology(desk: Any) -> None:
    _window, calls, _events, _phone = desk
    interactive = (QAbstractButton, QLineEdit, QListWidget)
    for widget in calls.findChildren(QWidget):
        if isinstance(widget, interactive):
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()


def test_withheld_caller_after_a_known_one_clears_the_profile(
    qtbot: Any, desk: Any, runner: DatabaseRunner
) -> None:
    window, calls, _events, phone = desk
    _yu(runner)
    with qtbot.waitSignal(window.profileShown, timeout=5000):
        phone.send(event="newCall", from_="+8613812345678", callId="w0")
    phone.send(event="hangup", from_="+8613812345678", callId="w0", cause="cancel")
    qtbot.waitUntil(lambda: calls.current is not None and not calls.current.live)
    with qtbot.waitSignal(calls.popped, timeout=5000):
        phone.send(event="newCall", from_="anonymous", callId="w1")
    assert window.profile.customer_id is None  # nobody greeted by someone else's name
    assert "Withheld number" in calls.new_title.text()
    assert calls.create_button.isEnabled()
    assert not calls.attach_search.isEnabled()
    assert calls.queue.count() == 1  # the ended call's card made way


def test_a_locked_console_queues_the_call_but_shows_nothing(
    qtbot: Any, desk: Any, runner: DatabaseRunner
) -> None:
    window, calls, _events, phone = desk
    _yu(runner)
    calls.may_pop = lambda: False  # the console is locked (ConsoleLock hid the windows)
    window.hide()
    phone.send(event="newCall", from_="138 1234 5678", callId="locked-1")
    qtbot.waitUntil(lambda: calls.queue.count() == 1)
    qtbot.wait(200)
    assert not window.isVisible()


# --- the interface language -----------------------------------------------------------


@pytest.fixture
def chinese(tmp_path: Path) -> Iterator[i18n.Translations]:
    translations = i18n.Translations(out_dir=tmp_path / "qm")
    try:
        yield translations
    finally:
        translations.switch("en")


def test_known_caller_in_chinese_keeps_the_customers_greeting(
    qtbot: Any, desk: Any, runner: DatabaseRunner, chinese: i18n.Translations
) -> None:
    window, calls, _events, phone = desk
    _yu(runner)
    with qtbot.waitSignal(window.profileShown, timeout=5000):
        phone.send(event="newCall", from_="138 1234 5678", callId="zh1")
    qtbot.waitUntil(lambda: "Leather loafers" in calls.caller_facts.text())
    qtbot.waitUntil(lambda: calls.timeline.rowCount() == 1)
    greeting = calls.caller_greeting.text()
    assert "Mr. Yu" in greeting

    chinese.switch("zh_CN")
    qtbot.waitUntil(lambda: calls.open_button.text() == "打开档案(&O)")
    assert calls.windowTitle() == "来电"
    assert calls.tabs.tabText(0) == "来电"
    assert calls.tabs.tabText(1) == "回拨"
    assert calls.phone_menu.title() == "电话(&H)"
    assert calls.calls_action.text() == "来电(&C)"
    assert "上次光临" in calls.caller_facts.text()
    assert "上次购买" in calls.caller_facts.text()
    assert "Leather loafers" in calls.caller_facts.text()  # the customer's data stays
    assert calls.caller_greeting.text() == greeting  # the customer's language, not ours
    card = calls.cards["zh1"]
    assert "振铃中" in card.state.text()
    assert "秒</span>" in card.state.text()
    assert calls.timeline.horizontalHeaderItem(0).text() == "时间"
    assert calls.timeline.item(0, 1).text() == "呼入"
    history = window.profile.history
    assert history.tabText(history.indexOf(calls.timeline)) == "来电（1）"
    assert calls.current is not None and calls.current.call_id == "zh1"

    chinese.switch("en")
    qtbot.waitUntil(lambda: calls.open_button.text() == "&Open profile")
    assert "Last visit" in calls.caller_facts.text()
    assert "ringing" in card.state.text()


def test_new_caller_switches_language_without_losing_the_search(
    qtbot: Any, desk: Any, runner: DatabaseRunner, chinese: i18n.Translations
) -> None:
    _window, calls, _events, phone = desk
    _yu(runner)
    with qtbot.waitSignal(calls.popped, timeout=5000):
        phone.send(event="newCall", from_="13900001111", callId="zh2")
    calls.attach_search.setText("Yu")
    qtbot.waitUntil(lambda: calls.attach_results.count() == 1)
    calls.attach_search.setFocus()
    calls.attach_search.setCursorPosition(1)

    chinese.switch("zh_CN")
    qtbot.waitUntil(lambda: calls.create_button.text() == "新建档案(&F)")
    assert "新来电人" in calls.new_title.text()
    assert calls.attach_search.placeholderText().startswith("…或将号码关联到")
    assert calls.attach_search.text() == "Yu"  # half-typed search survives
    assert calls.attach_search.cursorPosition() == 1
    assert calls.attach_results.count() == 1
    assert calls.attach_results.currentRow() == 0
    assert calls.detail.currentWidget() is calls.new_page
    assert calls.status.text() == "队列中有 1 个来电"
    assert calls.attach_button.accessibleName() == "将号码关联到所选客户"
    with qtbot.waitSignal(calls.callLinked, timeout=5000):
        qtbot.keyClick(calls.attach_search, Qt.Key.Key_Return)

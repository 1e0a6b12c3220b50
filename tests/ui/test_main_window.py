"""Whole flows in the main window: search → pick → greeting; log a visit; Today; lazy history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget

from console.domain.clock import FixedClock
from console.domain.customer import (
    Customer,
    PartialDate,
    Phone,
    Purchase,
    PurchaseItem,
    Tier,
    Visit,
)
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.sqlite import customers as store
from console.storage.sqlite import history as history_store
from console.storage.sqlite.runner import DatabaseRunner
from console.ui.main_window import MainWindow
from console.ui.search_results import SearchResultsModel

NOW = dt.datetime(2026, 11, 28, 15, 30)


@pytest.fixture
def clocked_service(runner: DatabaseRunner, settings: SettingsService) -> CustomerService:
    return CustomerService(runner, settings, clock=FixedClock(NOW))


@pytest.fixture
def window(
    qtbot: Any, qloop: Any, clocked_service: CustomerService, settings: SettingsService
) -> MainWindow:
    win = MainWindow(clocked_service, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _add(runner: DatabaseRunner, customer: Customer) -> int:
    return runner.call(store.insert_customer, customer, now=NOW - dt.timedelta(days=900))


def _yu(runner: DatabaseRunner) -> int:
    cid = _add(
        runner,
        Customer(
            name="余文乐",
            preferred_name="Mr. Yu",
            phones=[Phone("+8613812345678")],
            member_no="M00000007",
            preferences=["Earl Grey, no sugar"],
            tier=Tier.GOLD,
            birthday=PartialDate(11, 28, 1980),
            marketing_consent=True,
            greetings_consent=True,
        ),
    )
    for days in (1300, 1000, 900, 800, 700, 592):
        runner.call(
            history_store.record_visit, Visit(cid, NOW - dt.timedelta(days=days), "Shanghai")
        )
    return cid


def _search_and_wait(qtbot: Any, window: MainWindow, text: str) -> None:
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.search.setText(text)


def test_search_pick_and_greet(qtbot: Any, window: MainWindow, runner: DatabaseRunner) -> None:
    cid = _yu(runner)
    _add(runner, Customer(name="Zoë O'Brien", phones=[Phone("+447911123456")]))
    window.focus_search()
    _search_and_wait(qtbot, window, "yu")
    assert window.results_model.rowCount() == 1
    assert window.results_model.hit(0) is not None
    with qtbot.waitSignal(window.profileShown, timeout=5000) as shown:
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert shown.args == [cid]
    greeting = window.profile.greeting.text()
    assert greeting.startswith("Good afternoon, Mr. Yu")
    assert "7th visit" in greeting
    badges = [w.objectName() for w in window.profile.badges.findChildren(QWidget)]
    assert "badge_birthday_today" in badges
    assert "Earl Grey, no sugar" in window.profile.remember.text()


def test_chinese_search_and_arrow_keys(
    qtbot: Any, window: MainWindow, runner: DatabaseRunner
) -> None:
    _yu(runner)
    other = _add(runner, Customer(name="余华", phones=[Phone("+8613900001111")]))
    _search_and_wait(qtbot, window, "余")
    assert window.results_model.rowCount() == 2
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.results.hasFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.profileShown, timeout=5000) as shown:
        qtbot.keyClick(window.results, Qt.Key.Key_Return)
    picked = window.results_model.hit(1)
    assert picked is not None and shown.args == [picked.id]
    assert other in {window.results_model.hit(i).id for i in range(2)}  # type: ignore[union-attr]


def test_log_visit_updates_count(qtbot: Any, window: MainWindow, runner: DatabaseRunner) -> None:
    cid = _yu(runner)
    with qtbot.waitSignal(window.profileShown, timeout=5000):
        window.open_customer(cid)
    assert window.profile.profile is not None
    assert window.profile.profile.visit_count == 6
    with qtbot.waitSignal(window.profileShown, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.profile.profile.visit_count == 7
    assert "8th visit" in window.profile.greeting.text()
    assert "last on 28 Nov 2026" in window.profile.greeting.text()
    assert runner.call(history_store.count_visits, cid) == 7


def test_shortcuts_focus_search(qtbot: Any, window: MainWindow, runner: DatabaseRunner) -> None:
    cid = _yu(runner)
    with qtbot.waitSignal(window.profileShown, timeout=5000):
        window.open_customer(cid)
    window.profile.purchases_view.setFocus()
    qtbot.keyClick(window.profile.purchases_view, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is window.search
    window.profile.visits_view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search
    # Typing "/" in the search box is text, not a shortcut.
    qtbot.keyClicks(window.search, "a/b")
    assert window.search.text() == "a/b"


def test_no_result_says_how_to_add(qtbot: Any, window: MainWindow, runner: DatabaseRunner) -> None:
    _yu(runner)
    _search_and_wait(qtbot, window, "nobody-like-this")
    assert window.results_model.rowCount() == 0
    assert "Ctrl+N" in window.no_results.text()
    button = window.add_from_search
    assert button.isVisibleTo(window) and "nobody-like-this" in button.text()
    assert button.accessibleName()
    window.search.clear()
    assert window.left.currentWidget() is window.today
    assert not button.isVisibleTo(window)


def test_no_result_offers_to_add_them_prefilled(
    qtbot: Any, window: MainWindow, runner: DatabaseRunner
) -> None:
    from console.ui.customer_dialog import CustomerDialog

    _search_and_wait(qtbot, window, "Zhang Wei")
    assert window.results_model.rowCount() == 0
    window.add_from_search.click()
    qtbot.waitUntil(
        lambda: any(isinstance(w, CustomerDialog) for w in window.findChildren(CustomerDialog)),
        timeout=5000,
    )
    dialog = window.findChildren(CustomerDialog)[0]
    assert dialog.isVisible()
    dialog.close()


def test_today_lists_birthday_with_consent_only(
    qtbot: Any, window: MainWindow, runner: DatabaseRunner
) -> None:
    yu = _yu(runner)
    _add(runner, Customer(name="No Consent", birthday=PartialDate(11, 29), marketing_consent=False))
    with qtbot.waitSignal(window.todayShown, timeout=5000):
        window.show_today()
    texts = [window.today.occasions.item(i).text() for i in range(window.today.occasions.count())]
    assert any("Mr. Yu" in t and "today" in t for t in texts)
    assert not any("No Consent" in t for t in texts)
    missed = [window.today.missed.item(i).text() for i in range(window.today.missed.count())]
    assert any("Mr. Yu" in t for t in missed)  # gold, last seen 592 days ago
    with qtbot.waitSignal(window.profileShown, timeout=5000) as shown:
        window.today.occasions.itemActivated.emit(window.today.occasions.item(0))
    assert shown.args == [yu]


def test_today_rows_keep_one_height_for_latin_and_chinese_names(
    qtbot: Any, window: MainWindow, runner: DatabaseRunner
) -> None:
    """A Chinese name is drawn in a taller fallback font: the rows must not jump."""
    _add(runner, Customer(name="Ada Lane", birthday=PartialDate(11, 29), greetings_consent=True))
    _add(runner, Customer(name="张伟", birthday=PartialDate(11, 30), greetings_consent=True))
    with qtbot.waitSignal(window.todayShown, timeout=5000):
        window.show_today()
    window.resize(1366, 768)
    window.show()
    lists = window.today.occasions
    qtbot.waitUntil(lambda: lists.count() >= 2, timeout=5000)
    rows = {lists.item(i).text(): lists.visualItemRect(lists.item(i)) for i in range(2)}
    heights = {rect.height() for rect in rows.values()}
    assert len(heights) == 1, rows
    for text, rect in rows.items():  # and no row is narrower than its text
        assert rect.width() >= lists.fontMetrics().horizontalAdvance(text), text


def test_history_loads_lazily(qtbot: Any, window: MainWindow, runner: DatabaseRunner) -> None:
    cid = _add(runner, Customer(name="Heavy Buyer"))
    for i in range(120):
        runner.call(
            history_store.record_purchase,
            Purchase(cid, NOW - dt.timedelta(hours=i), [PurchaseItem("Latte", 1, 3200, "drink")]),
        )
    with qtbot.waitSignal(window.profileShown, timeout=5000):
        window.open_customer(cid)
    model = window.profile.purchases
    assert model.rowCount() == 50
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 100, timeout=5000)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 120, timeout=5000)
    assert not model.canFetchMore(QModelIndex())
    first = model.row_item(0)
    assert first is not None and first.at == NOW


def test_models_pass_qtmodeltester(
    qtmodeltester: Any, window: MainWindow, runner: DatabaseRunner, qtbot: Any
) -> None:
    _yu(runner)
    _search_and_wait(qtbot, window, "m0000")
    qtmodeltester.check(window.results_model)
    qtmodeltester.check(window.profile.visits)
    empty = SearchResultsModel()
    qtmodeltester.check(empty)


def test_every_interactive_widget_is_named(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit

    missing: list[str] = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLineEdit | QAbstractItemView):
            # Qt's own parts (a line edit's clear button, corner buttons) are named qt_*
            # or belong to a named, accessible widget.
            if widget.objectName().startswith("qt_") or isinstance(widget.parent(), QLineEdit):
                continue
            if not widget.objectName() or not widget.accessibleName():
                missing.append(f"{type(widget).__name__}:{widget.objectName()!r}")
    assert missing == []


def test_phrasebook_editor_opens_from_the_keyboard(
    qtbot: Any,
    qloop: Any,
    clocked_service: CustomerService,
    settings: SettingsService,
    runner: DatabaseRunner,
) -> None:
    from console.services.phrasebooks import PhrasebookService
    from console.ui.phrase_checker import PhraseChecker

    win = MainWindow(
        clocked_service,
        settings,
        phrasebooks=PhrasebookService(runner, settings),
        checker=PhraseChecker(),
    )
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    qtbot.keyClick(
        win, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    editor = win._phrasebook_window
    assert editor is not None
    qtbot.waitUntil(lambda: editor.isVisible() and editor.book is not None, timeout=10000)
    assert editor.objectName()
    win.close()
    assert not editor.isVisible()

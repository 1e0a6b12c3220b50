"""The front desk at 1366×768 in English, 简体 and 繁體: a customer with an open complaint,
a reward due and a birthday this week is readable without scrolling, and nothing
scrolls sideways. Geometry is asserted, not pixels; the screens are saved as pictures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.front_desk import SCREEN, visible_in
from tests.ui.test_i18n_screenshots import clipped


def _open(desk: Any, qtbot: Any) -> None:
    window = desk.window
    window.open_customer(desk.customer_id)
    qtbot.waitUntil(lambda: window.profile.customer_id == desk.customer_id, timeout=5000)
    qtbot.waitUntil(window.profile.complaint_badge.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: window.profile.purchases.rowCount() >= 3, timeout=5000)
    qtbot.wait(200)
    QApplication.processEvents()


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_profile_fits_1366x768(
    desk: Any, qtbot: Any, screenshot: Callable[[Any, str], Path], language: str
) -> None:
    desk.choose_language(language)
    _open(desk, qtbot)
    window = desk.window
    screenshot(window, f"front-desk-profile-{language}")
    profile = window.profile
    scroll = profile._scroll
    port = scroll.viewport()
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() <= port.width()
    assert visible_in(profile.greeting, port)
    badges = [profile.complaint_badge, *profile.badge_widgets()]
    assert len(badges) >= 3
    for badge in badges:
        assert visible_in(badge, port), badge.objectName()
    # With room to spare (Today folded away), each badge keeps to one line.
    line = max(badge.height() for badge in profile.badge_widgets())
    assert all(badge.y() == badges[0].y() for badge in badges), "badges wrapped"
    assert line < 2 * profile.badge_widgets()[0].fontMetrics().lineSpacing()
    assert visible_in(profile.facts, port)
    view = profile.purchases_view
    table_port = view.viewport()
    for row in range(3):
        rect = view.visualRect(profile.purchases.index(row, 0))
        assert table_port.rect().contains(rect), (row, rect, table_port.rect())
        assert visible_in(table_port, port) or _rect_visible(view, rect, port)


def _rect_visible(view: Any, rect: Any, port: Any) -> bool:
    from PySide6.QtCore import QRect

    top_left = view.viewport().mapTo(port, rect.topLeft())
    return port.rect().contains(QRect(top_left, rect.size()))


async def _ring(desk: Any, number: str = "138 1234 5678", call_id: str = "c-1") -> None:
    data = {"event": "newCall", "from": number, "to": "2041", "callId": call_id,
            "direction": "in"}  # fmt: skip
    async with (
        aiohttp.ClientSession() as session,
        session.post(desk.cti.url, data=data) as response,
    ):
        assert response.status == 200


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_call_popped_1366x768(
    desk: Any, qtbot: Any, run: Callable[..., Any], screenshot: Callable[[Any, str], Path],
    language: str,
) -> None:  # fmt: skip
    desk.choose_language(language)
    _open(desk, qtbot)
    run(_ring(desk))
    qtbot.waitUntil(lambda: desk.call_desk.queue.count() == 1, timeout=5000)
    qtbot.wait(300)
    screenshot(desk.window, f"front-desk-call-{language}")
    profile = desk.window.profile
    assert not profile._scroll.horizontalScrollBar().isVisible()
    assert visible_in(profile.greeting, profile._scroll.viewport())
    assert clipped(desk.window) == []


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_complaint_form_and_audit_window_fit_1366x768(
    desk: Any, qtbot: Any, run: Callable[..., Any], screenshot: Callable[[Any, str], Path],
    language: str,
) -> None:  # fmt: skip
    from PySide6.QtWidgets import QLabel

    from console.ui.admin import AuditWindow

    desk.choose_language(language)
    _open(desk, qtbot)
    features = desk.window.complaints
    with qtbot.waitSignal(features.formOpened, timeout=5000) as opened:
        features.start_complaint(desk.customer_id)
    form = opened.args[0]
    qtbot.waitExposed(form)
    room = form.screen().availableGeometry()
    frame = form.frameGeometry()
    assert frame.width() <= min(SCREEN[0], room.width())
    assert frame.height() <= min(SCREEN[1], room.height())
    qtbot.wait(50)  # the first layout pass after showing
    assert form.emotion.width() >= form.emotion.sizeHint().width()
    screenshot(form, f"complaint-form-{language}")
    assert run(form.save()) is None  # nothing typed yet: refused
    reason = next(label.text() for label in form._errors.values() if label.isVisible())
    assert reason in form.status.text()
    screenshot(form, f"complaint-form-refused-{language}")
    form.close()

    run(desk.staff.add_staff(None, name="Grace Ho", role="admin", secret="7391"))
    run(desk.staff.sign_in("Grace Ho", "7391"))
    audit = AuditWindow(desk.audit, desk.staff)
    qtbot.addWidget(audit)
    audit.show()
    qtbot.waitExposed(audit)
    audit.load()
    qtbot.waitUntil(lambda: audit.model.total > 0, timeout=5000)
    texts = [str(audit.model.index(r, 5).data()) for r in range(audit.model.rowCount())]
    assert not any("null" in text for text in texts), texts
    for label in audit.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert label.width() >= label.sizeHint().width(), label.text()
    screenshot(audit, f"audit-window-{language}")


def test_today_folds_away_while_a_customer_is_open(desk: Any, qtbot: Any) -> None:
    window = desk.window
    assert not window.left_folded
    _open(desk, qtbot)
    assert window.left_folded  # the profile owns the main area
    assert window.profile.width() > window.width() * 0.6
    qtbot.keyClick(window.search, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.left.isVisible)
    assert window.left.currentWidget() is window.today
    # Beside Today the profile is narrow: its lines wrap, nothing scrolls sideways.
    qtbot.wait(100)
    scroll = window.profile._scroll
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() <= scroll.viewport().width()
    badge = window.profile.complaint_badge
    assert badge.x() + badge.width() <= scroll.viewport().width()
    _open(desk, qtbot)
    assert window.left_folded
    window.today_button.click()  # one click brings it back, too
    assert window.left.isVisible()
    _open(desk, qtbot)
    window.search.setText("wang")  # typing a search shows the results again
    assert window.left.isVisible()


def test_call_cards_read_on_the_selection_and_keep_their_width(
    desk: Any, qtbot: Any, run: Callable[..., Any]
) -> None:
    from console.ui.call_cards import DOCK_WIDTH, MIN_CONTRAST, STRIP_WIDTH, contrast_ratio

    calls = desk.call_desk
    qtbot.waitUntil(lambda: calls.status.text() == "Phone pop-ups on")
    assert "127.0.0.1:" in calls.status.toolTip()  # the address, for whoever sets it up
    # Idle, the dock is a slim strip: the link's state and the key that opens it.
    assert calls.width() == STRIP_WIDTH
    assert calls.strip_status.isVisible() and calls.strip_status.text() == "Phone pop-ups on"
    assert "Ctrl+J" in calls.strip_hint.text()
    assert not calls.tabs.isVisible()
    _open(desk, qtbot)
    strip_profile = desk.window.profile.width()
    run(_ring(desk))
    qtbot.waitUntil(lambda: len(calls.cards) == 1, timeout=5000)
    qtbot.waitUntil(lambda: calls.caller_facts.text() != "", timeout=5000)
    qtbot.wait(200)
    assert calls.width() == DOCK_WIDTH  # cards arrive: the dock grows to its one width
    assert calls.queue.isVisible()
    assert desk.window.profile.width() < strip_profile
    # The greeting is said once: in the profile, not again on the dock.
    assert desk.window.profile.greeting.isVisible()
    assert not calls.caller_greeting.isVisible()

    run(_ring(desk, "+1 415 555 0100", "c-2"))
    qtbot.waitUntil(lambda: len(calls.cards) == 2, timeout=5000)
    assert calls.status.text() == "2 calls in the queue"
    selection = calls.queue.palette().color(QPalette.ColorRole.Highlight)
    base = calls.queue.palette().color(QPalette.ColorRole.Base)
    for card in calls.cards.values():
        background = selection if card.selected else base
        for line, colour in card.text_colours().items():
            ratio = contrast_ratio(colour, background)
            assert ratio >= MIN_CONTRAST, (card.call.call_id, line, ratio)
        # the state line is drawn in the colour the card reports
        assert card.text_colours()["state"].name() in card.state.text()
    assert sum(card.selected for card in calls.cards.values()) == 1

    calls.dismiss("c-2")
    assert calls.status.text() == "1 call in the queue"
    assert calls.width() == DOCK_WIDTH  # the same width for one card as for two
    calls.dismiss("c-1")
    assert calls.status.text() == "Phone pop-ups on"
    assert calls.width() == STRIP_WIDTH  # the last card gone: back to the strip
    qtbot.waitUntil(lambda: desk.window.profile.width() == strip_profile, timeout=2000)
    # Ctrl+J opens the full dock by hand; the focus leaving it folds it again.
    qtbot.keyClick(desk.window.search, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert calls.expanded and calls.width() == DOCK_WIDTH
    desk.window.search.setFocus()
    qtbot.waitUntil(lambda: calls.width() == STRIP_WIDTH, timeout=2000)


def _rows_room(profile: Any) -> int:
    """How many purchase rows fit in the part of the history table one sees without
    scrolling the profile (the fixture has six purchases: room, not rows, is compared)."""
    from PySide6.QtCore import QRect

    view = profile.purchases_view
    port = profile._scroll.viewport()
    table = QRect(view.viewport().mapTo(port, view.viewport().rect().topLeft()),
                  view.viewport().size())  # fmt: skip
    seen = table.intersected(port.rect())
    return seen.height() // view.rowHeight(0)


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_profile_uses_the_room_at_1920x1080(
    desk: Any, qtbot: Any, screenshot: Callable[[Any, str], Path], language: str
) -> None:
    desk.choose_language(language)
    _open(desk, qtbot)
    profile = desk.window.profile
    at_1366 = _rows_room(profile)
    desk.window.resize(1920, 1080)
    qtbot.waitUntil(lambda: desk.window.width() == 1920, timeout=2000)
    qtbot.wait(200)
    QApplication.processEvents()
    screenshot(desk.window, f"front-desk-profile-1920-{language}")
    scroll = profile._scroll
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() <= scroll.viewport().width()
    assert profile.body.width() > 1400  # the extra width goes to the customer
    assert _rows_room(profile) > at_1366  # and the extra height to the history
    assert visible_in(profile.greeting, scroll.viewport())
    assert clipped(desk.window) == []


@pytest.mark.parametrize("size", [SCREEN, (1920, 1080)], ids=["1366", "1920"])
@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_profile_in_the_dark(
    desk: Any,
    qtbot: Any,
    qapp: QApplication,
    screenshot: Callable[[Any, str], Path],
    language: str,
    size: tuple[int, int],
) -> None:
    from console.ui import theme

    theme.apply(qapp, theme.Scheme.DARK)
    try:
        desk.choose_language(language)
        desk.window.resize(*size)
        _open(desk, qtbot)
        screenshot(desk.window, f"front-desk-profile-dark-{size[0]}-{language}")
        profile = desk.window.profile
        window_colour = profile.palette().color(QPalette.ColorRole.Window)
        assert window_colour.name() == theme.DARK.window
        assert not profile._scroll.horizontalScrollBar().isVisible()
        assert visible_in(profile.greeting, profile._scroll.viewport())
        # The greeting is the largest type on the profile, and reads on its background.
        greeting = profile.greeting.font().pixelSize()
        assert greeting == theme.TYPE["greeting"]
        for label in profile.findChildren(QLabel):
            if label is not profile.greeting and label.isVisible():
                size_px = label.font().pixelSize()
                assert size_px < greeting, label.objectName()
    finally:
        theme.apply(qapp, theme.Scheme.LIGHT)


def _fits(window: Any, size: tuple[int, int]) -> None:
    """A window's frame within the screen size tested and within the test screen's
    available geometry (tests/conftest.py gives the offscreen platform a 1366×768 screen),
    and no visible one-line label narrower than its text."""
    room = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert frame.width() <= min(size[0], room.width()), (window.objectName(), frame, room)
    assert frame.height() <= min(size[1], room.height()), (window.objectName(), frame, room)
    _labels_read(window)


def _labels_read(window: Any) -> None:
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), (label.objectName(), label.text())


@pytest.mark.parametrize("size", [SCREEN, (1920, 1080)], ids=["1366", "1920"])
@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_screens(
    desk: Any,
    qtbot: Any,
    run: Callable[..., Any],
    screenshot: Callable[[Any, str], Path],
    language: str,
    size: tuple[int, int],
) -> None:
    """Every main screen at both sizes: the window idle and with a call popped, the
    complaint form empty and refused, the report, the phrasebook editor and Settings."""
    from console.ui.call_cards import DOCK_WIDTH, STRIP_WIDTH

    tag = f"{size[0]}-{language}"
    desk.choose_language(language)
    window = desk.window
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=2000)
    qtbot.wait(100)
    # Idle: Today beside a slim Calls strip.
    calls = desk.call_desk
    assert calls.width() == STRIP_WIDTH
    assert window.today.isVisible()
    _labels_read(window)
    assert clipped(window) == []
    screenshot(window, f"screen-idle-{tag}")

    # A call popped with the customer open: the dock at its width, the profile readable.
    _open(desk, qtbot)
    run(_ring(desk))
    qtbot.waitUntil(lambda: calls.queue.count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: calls.caller_facts.text() != "", timeout=5000)
    qtbot.wait(200)
    assert calls.width() == DOCK_WIDTH
    profile = window.profile
    assert not profile._scroll.horizontalScrollBar().isVisible()
    assert visible_in(profile.greeting, profile._scroll.viewport())
    _labels_read(window)
    assert clipped(window) == []
    screenshot(window, f"screen-call-{tag}")

    # The complaint form, empty and after a refused save.
    features = window.complaints
    with qtbot.waitSignal(features.formOpened, timeout=5000) as opened:
        features.start_complaint(desk.customer_id)
    form = opened.args[0]
    qtbot.waitExposed(form)
    qtbot.wait(50)
    _fits(form, size)
    screenshot(form, f"screen-complaint-form-{tag}")
    assert run(form.save()) is None
    reason = next(label.text() for label in form._errors.values() if label.isVisible())
    assert reason in form.status.text()
    assert form.focusWidget() is not None and form.scroll_area.isAncestorOf(form.focusWidget())
    _fits(form, size)
    screenshot(form, f"screen-complaint-refused-{tag}")
    form.close()

    # The report, the phrasebook editor and the settings window.
    report = features.show_report()
    qtbot.waitExposed(report)
    qtbot.wait(200)
    _fits(report, size)
    screenshot(report, f"screen-report-{tag}")
    report.close()
    window.open_phrasebook()
    editor = window._phrasebook_window
    qtbot.waitUntil(lambda: editor.isVisible() and editor.book is not None, timeout=10000)
    qtbot.wait(100)
    _fits(editor, size)
    screenshot(editor, f"screen-phrasebook-{tag}")
    editor.close()
    from console.ui.settings_window import SettingsWindow

    settings = SettingsWindow(desk.settings, may_edit=True, clock=desk.clock)
    qtbot.addWidget(settings)
    settings.show()
    settings.load()
    qtbot.waitExposed(settings)
    qtbot.wait(100)
    _fits(settings, size)
    screenshot(settings, f"screen-settings-{tag}")
    settings.close()

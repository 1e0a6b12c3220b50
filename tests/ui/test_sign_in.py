"""Sign-in at launch, first admin, quick switch and auto-lock."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from console.services import settings as opts
from console.services.staff import AuditService, StaffService
from console.storage.sqlite import staff as store
from console.storage.sqlite.runner import DatabaseRunner
from console.ui.sign_in import ConsoleLock, SignInWindow


@pytest.fixture
def staff(runner: DatabaseRunner) -> StaffService:
    return StaffService(runner, AuditService(runner))


def fill(window: SignInWindow, name: str, pin: str, again: str | None = None) -> None:
    window.name.setText(name)
    window.pin.setText(pin)
    window.pin_again.setText(pin if again is None else again)


def test_first_run_creates_the_admin_and_signs_in(
    qtbot: Any, qloop: Any, staff: StaffService, runner: DatabaseRunner
) -> None:
    window = SignInWindow(staff, first_run=True, store="Jing'an")
    qtbot.addWidget(window)
    window.show()
    assert window.pin_again.isVisible() and "first account" in window.title.text()
    fill(window, "Grace Ho", "7391")
    with qtbot.waitSignal(window.signed_in, timeout=5000) as signal:
        qtbot.keyClick(window.pin_again, Qt.Key.Key_Return)
    session = signal.args[0]
    assert (session.name, session.role.value, session.staff.store) == (
        "Grace Ho",
        "admin",
        "Jing'an",
    )
    assert not window.pin_again.isVisible()  # from now on it is an ordinary sign-in
    assert window.pin.text() == ""
    assert [m.name for m in runner.call(store.list_staff)] == ["Grace Ho"]


@pytest.mark.parametrize(
    ("name", "pin", "again", "message"),
    [
        ("", "7391", "7391", "Type your name."),
        ("Grace", "", "", "Type your PIN."),
        ("Grace", "7391", "7392", "The two PINs differ"),
        ("Grace", "1234", "1234", "Choose a PIN that is not a run"),
        ("Grace", "12", "12", "A PIN has 4–8 digits"),
    ],
)
def test_first_run_problems_are_shown_and_nothing_is_created(
    qtbot: Any,
    qloop: Any,
    staff: StaffService,
    runner: DatabaseRunner,
    name: str,
    pin: str,
    again: str,
    message: str,
) -> None:
    window = SignInWindow(staff, first_run=True)
    qtbot.addWidget(window)
    window.show()
    fill(window, name, pin, again)
    window.submit()
    qtbot.waitUntil(lambda: window.message.isVisible() and window.button.isEnabled())
    assert window.message.text().startswith(message)
    assert runner.call(store.count_staff) == 0


def make_staff(run: Callable[..., Any], staff: StaffService) -> None:
    run(staff.add_staff(None, name="Grace Ho", role="admin", secret="7391"))
    admin = run(staff.sign_in("Grace Ho", "7391"))
    run(staff.add_staff(admin, name="Li Na", role="agent", secret="5820"))
    staff.session = None


def test_wrong_pin_then_right_pin(
    qtbot: Any, qloop: Any, run: Callable[..., Any], staff: StaffService
) -> None:
    make_staff(run, staff)
    window = SignInWindow(staff, first_run=False)
    qtbot.addWidget(window)
    window.show()
    assert not window.pin_again.isVisible()
    fill(window, "li na", "0000")
    window.submit()
    qtbot.waitUntil(window.message.isVisible)
    assert "do not match" in window.message.text()
    assert window.pin.hasFocus() or QApplication.focusWidget() is None  # offscreen focus
    window.pin.setText("5820")
    with qtbot.waitSignal(window.signed_in, timeout=5000) as signal:
        window.submit()
    assert signal.args[0].name == "Li Na"


def test_tab_order_follows_the_form(qtbot: Any, qloop: Any, staff: StaffService) -> None:
    window = SignInWindow(staff, first_run=True)
    qtbot.addWidget(window)
    order = [window.name]
    widget: QWidget = window.name
    for _ in range(3):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == [window.name, window.pin, window.pin_again, window.button]
    for w in (window.name, window.pin, window.pin_again, window.button):
        assert w.objectName() and w.accessibleName()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_quick_switch_hides_every_window_and_the_next_person_signs_in(
    qtbot: Any, qloop: Any, run: Callable[..., Any], staff: StaffService
) -> None:
    make_staff(run, staff)
    run(staff.sign_in("Grace Ho", "7391"))
    main = QWidget()
    main.setObjectName("stand-in main window")
    qtbot.addWidget(main)
    main.show()
    window = SignInWindow(staff, first_run=False)
    qtbot.addWidget(window)
    lock = ConsoleLock(staff, window, idle_minutes=0)
    lock.lock()
    assert lock.is_locked and not main.isVisible() and window.isVisible()
    assert window.name.text() == ""  # a switch starts empty for the next person
    qtbot.waitUntil(lambda: staff.session is None)  # the previous person was signed out
    fill(window, "Li Na", "5820")
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        window.submit()
    assert main.isVisible() and not window.isVisible() and not lock.is_locked
    assert staff.session is not None and staff.session.name == "Li Na"
    actions = [e.action for e in run(staff._audit.entries(run(staff.sign_in("Grace Ho", "7391"))))]
    assert "sign_out" in actions


def test_idle_locks_after_the_set_minutes_and_activity_resets_the_clock(
    qtbot: Any, qloop: Any, run: Callable[..., Any], staff: StaffService
) -> None:
    make_staff(run, staff)
    run(staff.sign_in("Li Na", "5820"))
    clock = FakeClock()
    window = SignInWindow(staff, first_run=False)
    qtbot.addWidget(window)
    lock = ConsoleLock(staff, window, idle_minutes=5, clock=clock)
    clock.now += 4 * 60
    lock.check_idle()
    assert not lock.is_locked
    main = QWidget()
    qtbot.addWidget(main)
    main.show()
    qtbot.keyClick(main, Qt.Key.Key_A)  # any key press counts as activity
    clock.now += 4 * 60
    lock.check_idle()
    assert not lock.is_locked
    clock.now += 61
    lock.check_idle()
    assert lock.is_locked and window.isVisible() and not main.isVisible()
    assert window.name.text() == "Li Na"  # idle: the same person usually comes back
    assert window.pin.text() == ""


def test_the_app_asks_for_sign_in_before_showing_customers(
    qtbot: Any, qloop: Any, run: Callable[..., Any], tmp_path: Path
) -> None:
    from console.app import Console

    runner = DatabaseRunner(tmp_path / "app.db")
    runner.open()
    console = Console(runner, require_sign_in=True, cti_port=0)  # any free port
    qtbot.addWidget(console.window)
    try:
        started = qloop.create_task(console.start(demo=False))
        qtbot.waitUntil(lambda: console.sign_in is not None and console.sign_in.isVisible())
        assert console.sign_in is not None
        qtbot.addWidget(console.sign_in)
        assert not console.window.isVisible()
        assert console.sign_in.first_run
        shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
        console.sign_in.grab().save(str(shots / "sign-in-first-run.png"))
        fill(console.sign_in, "Grace Ho", "7391")
        console.sign_in.submit()
        # The first admin is asked about the store (skippable): name it, keep the rest.
        qtbot.waitUntil(lambda: getattr(console, "store_questions", None) is not None)
        questions = console.store_questions
        qtbot.waitUntil(questions.isVisible)
        questions.fields["store_name"].editor.setText("Jing'an Temple")  # type: ignore[union-attr]
        questions.save_button.click()
        qtbot.waitUntil(started.done, timeout=10000)
        started.result()
        assert console.window.isVisible() and not console.sign_in.isVisible()
        assert console.signed_in_as.text().startswith("Grace Ho · admin")
        assert run(console.settings.get(opts.STORE_NAME)) == "Jing'an Temple"
        # The scheduled backup runs from the timer (none existed yet, so one is due).
        console._backup_if_due()
        qtbot.waitUntil(lambda: any((tmp_path / "backups").glob("console-*.db")), timeout=10000)
        assert console._backup_timer.isActive()
        shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
        console.window.grab().save(str(shots / "signed-in.png"))
        assert console.cti is not None  # the phone listener runs once someone signed in
        # Back up now with a broken audit trail: the copy is made and the window says so.
        from PySide6.QtWidgets import QMessageBox

        runner.call(lambda d: d.execute("DROP TRIGGER audit_no_delete"))
        runner.call(lambda d: d.execute("DELETE FROM audit WHERE id = 1"))
        console.backup_now()
        qtbot.waitUntil(
            lambda: console.window.findChild(QMessageBox, "trailBrokenBox") is not None,
            timeout=10000,
        )
        box = console.window.findChild(QMessageBox, "trailBrokenBox")
        assert "audit trail does not verify" in box.text() and "#2" in box.text()
        assert any((tmp_path / "backups").glob("console-*-manual.db"))
        box.close()
    finally:
        run(console.stop_phone())
        console.window.tasks.cancel_all()
        runner.close()


def test_every_field_has_a_visible_label(qtbot: Any, qloop: Any, staff: StaffService) -> None:
    window = SignInWindow(staff, first_run=True)
    qtbot.addWidget(window)
    window.show()
    texts = [window.labels[f].text() for f in (window.name, window.pin, window.pin_again)]
    assert texts == ["&Name", "&PIN", "PIN &again"]
    assert all(window.labels[f].isVisible() for f in (window.name, window.pin))
    assert window.labels[window.pin].buddy() is window.pin


def test_the_demo_consoles_sign_in_says_demo(qtbot: Any, staff: StaffService) -> None:
    """Made-up customers are never mistaken for real ones, not even before signing in."""
    demo = SignInWindow(staff, first_run=True, demo=True)
    real = SignInWindow(staff, first_run=True)
    qtbot.addWidget(demo)
    qtbot.addWidget(real)
    assert demo.windowTitle().startswith("DEMO")
    assert "DEMO" not in real.windowTitle()

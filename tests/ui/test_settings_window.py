"""The Settings window: edit, a refused value shows its reason, restore default, read-only
for non-admins, previews, the listener restarting on a new port, and pictures in the
three languages (issue 14)."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

from console.domain import options as o
from console.domain.clock import FixedClock
from console.services.settings import SettingsService, system_zone
from console.storage.sqlite import staff as staff_store
from console.storage.sqlite.runner import DatabaseRunner
from console.ui import i18n
from console.ui.settings_window import SettingsWindow, StoreQuestions
from tests.people import a_signed_in, a_switch

Run = Callable[..., Any]
NOON_SHANGHAI = dt.datetime(2026, 11, 2, 4, 0, tzinfo=dt.UTC)  # 12:00 in Shanghai


def open_window(
    qtbot: Any, run: Run, settings: SettingsService, *, may_edit: bool
) -> SettingsWindow:
    window = SettingsWindow(settings, may_edit=may_edit, clock=FixedClock(NOON_SHANGHAI))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    run(window._load())
    zones = window.fields["time_zone"].editor
    assert isinstance(zones, QLineEdit)
    completer = zones.completer()
    assert completer is not None
    model = completer.model()
    names = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert {"Asia/Shanghai", "Asia/Taipei", "Europe/London"} <= names
    zones.setCompleter(None)  # offscreen Qt cannot grab the keyboard for its popup
    return window


def line(window: SettingsWindow, key: str) -> QLineEdit:
    editor = window.fields[key].editor
    assert isinstance(editor, QLineEdit)
    return editor


def retype(qtbot: Any, editor: QLineEdit, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)


@pytest.fixture
def window(qtbot: Any, qloop: Any, run: Run, settings: SettingsService) -> Iterator[SettingsWindow]:
    w = open_window(qtbot, run, settings, may_edit=True)
    yield w
    w.tasks.cancel_all()


def test_an_admin_edits_and_the_change_is_saved_and_audited(
    qtbot: Any, window: SettingsWindow, run: Run, settings: SettingsService, runner: DatabaseRunner
) -> None:
    name = line(window, "store_name")
    assert name.objectName() == "storeNameField" and name.accessibleName() == "Store name"
    assert name.text() == "Shanghai Jing'an"
    retype(qtbot, name, "Xintiandi")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: run(settings.get(o.STORE_NAME)) == "Xintiandi")
    qtbot.waitUntil(lambda: "Saved: Store name." in window.status.text())
    [entry] = runner.call(lambda db: staff_store.query_audit(db, entity="setting"))
    assert entry.fields == {"store_name": ["Shanghai Jing'an", "Xintiandi"]}
    # A switch applies at once.
    enabled = window.fields["cti_enabled"].editor
    assert isinstance(enabled, QCheckBox)
    enabled.click()
    qtbot.waitUntil(lambda: run(settings.get(o.CTI_ENABLED)) is False)
    combo = window.fields["interface_language"].editor
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("zh_TW"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: run(settings.get(o.INTERFACE_LANGUAGE)) == "zh_TW")


def test_an_invalid_value_shows_the_reason_and_is_not_saved(
    qtbot: Any, window: SettingsWindow, run: Run, settings: SettingsService
) -> None:
    window.page(o.Topic.PHONE)
    port = line(window, "cti_port")
    reason = window.fields["cti_port"].reason
    retype(qtbot, port, "70000")
    assert reason.isVisible()
    assert reason.text() == "Listener port must be a whole number from 1 to 65535."
    qtbot.keyClick(port, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert run(settings.get(o.CTI_PORT)) == 8735
    retype(qtbot, port, "9100")
    assert not reason.isVisible()
    qtbot.keyClick(port, Qt.Key.Key_Tab)  # leaving the field applies it
    qtbot.waitUntil(lambda: run(settings.get(o.CTI_PORT)) == 9100)
    host = line(window, "cti_host")
    retype(qtbot, host, "localhost")
    assert "such as 127.0.0.1 or ::1" in window.fields["cti_host"].reason.text()


def test_restore_default_puts_one_field_back(
    qtbot: Any, window: SettingsWindow, run: Run, settings: SettingsService
) -> None:
    run(settings.set(o.FOLLOW_UP_DAYS, 3))
    run(window._load())
    window.page(o.Topic.COMPLAINTS)
    assert line(window, "follow_up_days").text() == "3"
    restore = window.fields["follow_up_days"].restore
    assert restore.objectName() == "followUpDaysRestore" and restore.accessibleName()
    restore.click()
    qtbot.waitUntil(lambda: run(settings.get(o.FOLLOW_UP_DAYS)) == 7)
    qtbot.waitUntil(lambda: line(window, "follow_up_days").text() == "7")


def test_previews_follow_what_is_typed(qtbot: Any, window: SettingsWindow) -> None:
    retype(qtbot, line(window, "time_zone"), "Asia/Shanghai")
    assert "Good afternoon — welcome!" in window.fields["time_zone"].preview.text()
    retype(qtbot, line(window, "time_zone"), "Europe/London")
    assert "Good evening — welcome!" in window.fields["time_zone"].preview.text()  # 04:00
    window.page(o.Topic.COMPLAINTS)
    retype(qtbot, line(window, "loyalty_every"), "5")
    retype(qtbot, line(window, "loyalty_category"), "haircut")
    retype(qtbot, line(window, "loyalty_reward"), "a free wash")
    preview = window.fields["loyalty_reward"].preview.text()
    assert "every 5th haircut earns a free wash" in preview


def test_others_see_the_values_read_only(
    qtbot: Any, qloop: Any, run: Run, runner: DatabaseRunner, settings: SettingsService
) -> None:
    settings.identity = run(a_signed_in(runner, "manager", "Meg"), timeout_ms=20000)
    run(settings.write(o.STORE_NAME, "Xintiandi"))  # so there is something to see
    window = open_window(qtbot, run, settings, may_edit=False)
    assert window.note.isVisible()
    assert line(window, "store_name").text() == "Xintiandi"
    for f in window.fields.values():
        if isinstance(f.editor, QLineEdit):
            assert f.editor.isReadOnly(), f.option.key
        else:
            assert not f.editor.isEnabled(), f.option.key
        assert not f.restore.isEnabled()
    # Even past the window, the service refuses a manager (and records it).
    window.may_edit = True
    window._restore(window.fields["store_name"])
    qtbot.waitUntil(lambda: "Only an admin" in window.status.text())
    assert run(settings.get(o.STORE_NAME)) == "Xintiandi"
    refused = runner.call(lambda db: staff_store.query_audit(db, action="refused"))
    assert [(e.actor, e.entity) for e in refused] == [("Meg", "setting")]
    window.tasks.cancel_all()


def test_the_keyboard_reaches_every_page_and_field(qtbot: Any, window: SettingsWindow) -> None:
    window.pages.setFocus()
    for row in range(window.pages.count()):
        window.pages.setCurrentRow(row)
        assert window.stack.currentIndex() == row
    for f in window.fields.values():
        assert f.editor.focusPolicy() & Qt.FocusPolicy.TabFocus, f.option.key
        assert f.label.buddy() is f.editor
    assert all(b.accessibleName() for b in window.findChildren(QPushButton))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_new_port_restarts_the_listener(qtbot: Any, qloop: Any, run: Run, tmp_path: Path) -> None:
    from console.app import Console

    runner = DatabaseRunner(tmp_path / "app.db")
    runner.open()
    console = Console(runner)  # no --cti-port: the setting decides
    qtbot.addWidget(console.window)
    first, second = free_port(), free_port()
    try:
        run(a_switch(console.identity, "admin", "Ada"), timeout_ms=20000)
        run(console.settings.set(o.CTI_PORT, first))
        run(console.start_phone(), timeout_ms=10000)
        assert console.cti is not None and console.cti.port == first
        run(console.settings.set(o.CTI_PORT, second))
        qtbot.waitUntil(
            lambda: console.cti is not None and console.cti.port == second, timeout=10000
        )
        with socket.socket() as s:  # the old port is free again
            s.bind(("127.0.0.1", first))
        assert f":{second}/" in console.call_desk.endpoint
    finally:
        run(console.stop_phone())
        console.window.tasks.cancel_all()
        runner.close()


def test_rule_changes_apply_to_the_open_console_at_once(
    qtbot: Any, qloop: Any, run: Run, tmp_path: Path
) -> None:
    """A new auto-lock time counts at once; a store or organisation rule redraws the open
    profile (the greeting follows the store's time zone); complaints read the zone again."""
    from console.app import Console
    from console.ui.sign_in import ConsoleLock, SignInWindow

    runner = DatabaseRunner(tmp_path / "app.db")
    runner.open()
    console = Console(runner, cti_port=0)
    qtbot.addWidget(console.window)
    try:
        run(a_switch(console.identity, "admin", "Ada"), timeout_ms=20000)
        sign_in = SignInWindow(console.staff, first_run=False)
        qtbot.addWidget(sign_in)
        console.lock = ConsoleLock(console.staff, sign_in, idle_minutes=5, parent=console.window)
        run(console.settings.set(o.AUTO_LOCK_MINUTES, 12))
        assert console.lock.idle_seconds == 12 * 60
        opened: list[int] = []
        console.window.profileShown.connect(opened.append)
        from console.domain.customer import Customer

        cid = run(console.customers.save(Customer("Yu Hua")))
        console.window.open_customer(cid)
        qtbot.waitUntil(lambda: opened == [cid], timeout=5000)
        assert console.complaints.zone is not None
        run(console.settings.set(o.TIME_ZONE, "America/New_York"))
        qtbot.waitUntil(lambda: opened == [cid, cid], timeout=5000)  # redrawn
        run(console.complaints._load_zone())
        assert str(console.complaints.zone) == "America/New_York"
    finally:
        console.window.tasks.cancel_all()
        runner.close()


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_pictures_in_three_languages(
    qtbot: Any,
    qloop: Any,
    run: Run,
    settings: SettingsService,
    tmp_path: Path,
    screenshot: Callable[[Any, str], Path],
    language: str,
) -> None:
    translations = i18n.Translations(out_dir=tmp_path / "qm")
    translations.switch(language)
    try:
        window = open_window(qtbot, run, settings, may_edit=True)
        window.resize(820, 600)
        retype(qtbot, line(window, "time_zone"), "Asia/Shanghai")
        qtbot.wait(50)  # let the layout settle after the reason line hid again
        screenshot(window, f"settings-store-{language}")
        window.page(o.Topic.PHONE)
        retype(qtbot, line(window, "cti_port"), "70000")
        qtbot.wait(50)
        screenshot(window, f"settings-phone-invalid-{language}")
        window.page(o.Topic.COMPLAINTS)
        screenshot(window, f"settings-complaints-{language}")
        if language != "en":
            assert window.windowTitle() in ("设置", "設定")
            assert window.fields["cti_port"].reason.text() != (
                "Listener port must be a whole number from 1 to 65535."
            )
            assert "65535" in window.fields["cti_port"].reason.text()
        window.tasks.cancel_all()
        ro = open_window(qtbot, run, settings, may_edit=False)
        ro.resize(820, 600)
        screenshot(ro, f"settings-read-only-{language}")
    finally:
        translations.switch("en")


def test_the_first_admin_is_asked_about_the_store(
    qtbot: Any, qloop: Any, run: Run, settings: SettingsService, screenshot: Any
) -> None:
    questions = StoreQuestions(settings)
    qtbot.addWidget(questions)
    questions.show()
    qtbot.waitExposed(questions)
    zone = questions.fields["time_zone"].editor
    assert isinstance(zone, QLineEdit)
    assert zone.text() == system_zone().key  # preset from the computer
    zone.setCompleter(None)  # offscreen Qt cannot grab the keyboard for its popup
    retype(qtbot, zone, "Mars/Base")
    assert "time zone such as Asia/Shanghai" in questions.fields["time_zone"].reason.text()
    questions.save_button.click()
    qtbot.wait(50)
    assert run(settings.get(o.TIME_ZONE)) == ""  # nothing saved while a field is refused
    retype(qtbot, zone, "Asia/Taipei")
    retype(qtbot, line_of(questions, "store_name"), "Xinyi")
    retype(qtbot, line_of(questions, "default_region"), "TW")
    screenshot(questions, "store-questions-en")
    with qtbot.waitSignal(questions.done):
        qtbot.keyClick(line_of(questions, "default_region"), Qt.Key.Key_Return)
    assert run(settings.get(o.STORE_NAME)) == "Xinyi"
    assert run(settings.get(o.TIME_ZONE)) == "Asia/Taipei"
    assert run(settings.get(o.DEFAULT_REGION)) == "TW"


def test_the_store_questions_can_be_skipped(
    qtbot: Any, qloop: Any, run: Run, settings: SettingsService
) -> None:
    questions = StoreQuestions(settings)
    qtbot.addWidget(questions)
    questions.show()
    with qtbot.waitSignal(questions.done):
        questions.skip_button.click()
    assert run(settings.get(o.STORE_NAME)) == o.STORE_NAME.default
    assert run(settings.get(o.TIME_ZONE)) == ""


def line_of(questions: StoreQuestions, key: str) -> QLineEdit:
    editor = questions.fields[key].editor
    assert isinstance(editor, QLineEdit)
    return editor

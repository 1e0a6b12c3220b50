"""Fixtures for widget tests: a qasync loop driven by pytest-qt, and a real service.

How the loop works here: the qasync ``QEventLoop`` is created with
``already_running=True``, so it schedules asyncio callbacks as Qt timers and counts as
the running asyncio loop, while Qt's own event loop is spun by pytest-qt
(``qtbot.waitUntil``, ``qtbot.waitSignal``, ``qtbot.wait``). A widget's ``@asyncSlot()``
therefore runs as soon as the test waits for its result, exactly as in the app, and the
database thread's results come back through Qt's event queue.

Fixtures:

* ``qloop`` — the ``QEventLoop`` (also the current and running asyncio loop).
* ``run`` — ``run(coro, timeout_ms=5000)`` runs a coroutine on ``qloop`` while Qt keeps
  processing events, and returns its result (or raises its exception).
* ``runner`` — an open :class:`DatabaseRunner` on a temporary file, closed afterwards.
* ``settings`` — a :class:`SettingsService` on ``runner``.
* ``service`` — a real :class:`CustomerService` on ``runner``.
* ``_themed_app`` (automatic) — the app styled by :mod:`console.ui.theme` (light, as
  the offscreen platform is), as ``console/app.py`` styles it at start.
* ``screenshot`` — ``screenshot(widget, "name")`` saves a picture of *widget* to
  ``$SCREENSHOT_DIR`` (CI keeps it as an artifact) or else the test's temporary folder.

Teardown cancels the tasks still pending, lets them finish, and closes the loop without
leaving Qt's "quit" flag set (which would make every later ``qtbot.wait`` return at once).
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from qasync import QEventLoop  # after PySide6 (QT_API=pyside6 is set in tests/conftest.py)

from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.console_config import ConsoleConfig
from console.storage.sqlite.runner import DatabaseRunner

T = TypeVar("T")


@pytest.fixture(autouse=True)
def _collect_qt_garbage_on_the_gui_thread() -> Iterator[None]:
    """Collect a test's reference cycles (widgets, timers) here, on the GUI thread.

    Left to the cyclic collector, they may be destroyed whenever another thread (the
    database thread) happens to trigger a collection, and Qt objects must not be
    destroyed off their own thread ("Timers cannot be stopped from another thread").
    """
    yield
    gc.collect()


@pytest.fixture(autouse=True, scope="session")
def _themed_app(qapp: QApplication) -> None:
    from console.ui import theme

    theme.apply(qapp, theme.Scheme.LIGHT)


@pytest.fixture
def qloop(qapp: QApplication, qtbot: Any) -> Iterator[QEventLoop]:
    loop = QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        _close_loop(loop, qapp, qtbot)


def _close_loop(loop: QEventLoop, app: QApplication, qtbot: Any) -> None:
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        qtbot.waitUntil(lambda: all(task.done() for task in pending), timeout=5000)
    # qasync's stop() calls QApplication.exit(), which leaves Qt's "quit now" flag set
    # when no exec() is running; one short exec() clears it again and emits aboutToQuit,
    # which runs the loop's own after-run clean-up (it resets the running loop).
    loop.stop()
    QTimer.singleShot(0, app.quit)
    app.exec()
    app.aboutToQuit.disconnect(loop._after_run_forever)
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def run(qloop: QEventLoop, qtbot: Any) -> Callable[..., Any]:
    """``run(coro, timeout_ms=5000)``: the coroutine's result, with Qt events processed."""

    def _run(coro: Coroutine[Any, Any, T], timeout_ms: int = 5000) -> T:
        task = asyncio.ensure_future(coro)
        try:
            qtbot.waitUntil(task.done, timeout=timeout_ms)
        except BaseException:
            task.cancel()
            raise
        return task.result()

    return _run


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[DatabaseRunner]:
    db = DatabaseRunner(tmp_path / "t.db")
    db.open()
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def settings(runner: DatabaseRunner) -> SettingsService:
    return SettingsService(runner, ConsoleConfig())  # this computer's settings.json


@pytest.fixture
def service(runner: DatabaseRunner, settings: SettingsService) -> CustomerService:
    return CustomerService(runner, settings)


@pytest.fixture
def screenshot(tmp_path: Path) -> Callable[[Any, str], Path]:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)

    def save(widget: Any, name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not save {path}"
        return path

    return save


@pytest.fixture
def desk(qtbot: Any, qloop: Any, run: Callable[..., Any], tmp_path: Path) -> Iterator[Any]:
    """A whole console at 1366×768 with a customer who has an open complaint, a reward due
    and a birthday this week (tests/ui/front_desk.py); ``desk.customer_id`` is theirs."""
    from tests.ui.front_desk import SCREEN, build_console

    console, cid = build_console(tmp_path, run)
    qtbot.addWidget(console.window)
    run(console.start(demo=False), timeout_ms=20000)
    console.window.resize(*SCREEN)
    console.customer_id = cid
    try:
        yield console
    finally:
        console.translations.switch("en")
        run(console.stop_phone())
        console.window.tasks.cancel_all()
        console.runner.close()

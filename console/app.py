"""Composition root: opens storage, builds services, builds the window, runs the qasync loop."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Any

os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from console.services.calls import CallEvents, CallService
from console.services.customers import CustomerService, count_customers
from console.services.paths import resolve_db_path
from console.services.phrasebooks import PhrasebookService
from console.services.settings import SettingsService
from console.storage.database import StorageError
from console.storage.runner import DatabaseRunner
from console.ui.call_cards import CallDesk
from console.ui.main_window import MainWindow
from console.ui.phrase_checker import PhraseChecker

log = logging.getLogger("console")

DEMO_CUSTOMERS = 2000


def has_cjk_font() -> bool:
    """True when some installed font can draw Chinese (e.g. fonts-noto-cjk)."""
    return any(
        QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
        for family in QFontDatabase.families()
    )


class Console:
    """Everything the running app holds, built in one place."""

    def __init__(self, runner: DatabaseRunner, *, cti_port: int | None = None) -> None:
        self.runner = runner
        self.settings = SettingsService(runner)
        self.customers = CustomerService(runner, self.settings)
        self.phrasebooks = PhrasebookService(runner, self.settings)
        self.checker = PhraseChecker()
        self.window = MainWindow(
            self.customers, self.settings, phrasebooks=self.phrasebooks, checker=self.checker
        )
        # Phone screen-pop: listener → ordered events → call log → call cards.
        self.calls = CallService(runner, self.customers)
        self.call_desk = CallDesk(self.window, self.calls, self.customers)
        self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.call_desk)
        self.call_events = CallEvents(self.calls, self.call_desk.handle_update)
        self.cti_port = cti_port
        self.cti: Any = None

    async def start_phone(self) -> None:
        """Listen for call events (Generic CTI); say why not on the Calls dock."""
        from console.services import settings as opts
        from console.services.cti import CtiServer, ListenerError
        from console.services.secrets import SecretUnavailable, cti_token_async

        self.call_events.start()
        self.call_desk.refresh_call_backs()
        if not await self.settings.get(opts.CTI_ENABLED) and self.cti_port is None:
            self.call_desk.set_unavailable("turned off (setting cti_enabled)")
            return
        host = await self.settings.get(opts.CTI_HOST)
        port = (
            self.cti_port if self.cti_port is not None else await self.settings.get(opts.CTI_PORT)
        )
        try:
            token = await cti_token_async()
            assert token is not None
            server = CtiServer(self.call_events.submit, token, host=host, port=port)
            await server.start()
        except (SecretUnavailable, ListenerError) as exc:
            log.warning("no phone screen-pop: %s", exc)
            self.call_desk.set_unavailable(str(exc))
            return
        self.cti = server
        self.call_desk.set_listening(server.url, f"{host}:{server.port}")

    async def stop_phone(self) -> None:
        if self.cti is not None:
            await self.cti.stop()
        await self.call_events.stop()

    async def start(self, *, demo: bool) -> None:
        self.window.show()
        self.window.focus_search()
        await self.start_phone()
        if demo and await count_customers(self.runner) == 0:
            from console.services.demo import fill_demo_async

            self.window.statusBar().showMessage("Adding demo customers for a first look…")
            report = await fill_demo_async(self.runner, customers=DEMO_CUSTOMERS)
            self.window.statusBar().showMessage(
                f"Demo data ready: {report.customers:,} customers, {report.purchases:,} purchases.",
                8000,
            )
        await self.window._load_today()
        await self.checker.rebuild(await self.phrasebooks.entries())


def run_app(*, db_arg: str | None = None, demo: bool = True, cti_port: int | None = None) -> int:
    import qasync

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Service Console")
    app.setOrganizationName("Service Console")
    path = resolve_db_path(db_arg)
    runner = DatabaseRunner(path)
    try:
        runner.open()
    except StorageError as exc:
        QMessageBox.critical(None, "Service Console", str(exc))
        print(str(exc), file=sys.stderr)
        runner.close()
        return 1
    if not has_cjk_font():
        log.warning("No Chinese-capable font found; install fonts-noto-cjk to see Chinese names")
    console = Console(runner, cti_port=cti_port)
    if not has_cjk_font():
        QMessageBox.warning(
            console.window,
            "Service Console",
            "No font that can show Chinese characters was found. Chinese names will show as "
            "boxes. On Debian/Ubuntu: sudo apt-get install fonts-noto-cjk",
        )

    async def main() -> None:
        closed = asyncio.Event()
        app.aboutToQuit.connect(closed.set)
        await console.start(demo=demo)
        await closed.wait()
        await console.stop_phone()

    try:
        qasync.run(main())
    finally:
        console.window.tasks.cancel_all()
        runner.close()
    return 0

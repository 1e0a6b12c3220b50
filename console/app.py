"""Composition root: opens storage, builds services, builds the window, runs the qasync loop."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Any

os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from console.services.complaints import ComplaintService
from console.services.customers import CustomerService, count_customers
from console.services.paths import resolve_db_path
from console.services.phrasebooks import PhrasebookService
from console.services.settings import SettingsService
from console.storage.database import StorageError
from console.storage.runner import DatabaseRunner
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


def make_complaint_service(runner: DatabaseRunner, settings: SettingsService) -> Any:
    """``ComplaintService(runner, settings)``, or None (complaint features hidden) while
    the storage branch's constructor is not merged yet (the contract class takes no
    arguments)."""
    service_class: Any = ComplaintService
    try:
        return service_class(runner, settings)
    except TypeError:
        log.warning("ComplaintService is not available in this build; complaints are hidden")
        return None


class Console:
    """Everything the running app holds, built in one place."""

    def __init__(self, runner: DatabaseRunner) -> None:
        self.runner = runner
        self.settings = SettingsService(runner)
        self.customers = CustomerService(runner, self.settings)
        self.phrasebooks = PhrasebookService(runner, self.settings)
        self.checker = PhraseChecker()
        self.complaints = make_complaint_service(runner, self.settings)
        self.window = MainWindow(
            self.customers,
            self.settings,
            phrasebooks=self.phrasebooks,
            checker=self.checker,
            complaints=self.complaints,
        )

    async def start(self, *, demo: bool) -> None:
        self.window.show()
        self.window.focus_search()
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
        if self.window.complaints is not None:
            self.window.complaints.start()


def run_app(*, db_arg: str | None = None, demo: bool = True) -> int:
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
    console = Console(runner)
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

    try:
        qasync.run(main())
    finally:
        console.window.tasks.cancel_all()
        runner.close()
    return 0

"""Composition root: opens storage, builds services, builds the window, runs the qasync loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QBoxLayout, QMenu, QMessageBox, QWidget

from console.domain.clock import Clock, SystemClock
from console.domain.consoles import ChangeNotice
from console.domain.messages import ConsoleWasRevoked
from console.domain.options import BY_KEY
from console.domain.roles import NotAllowed, Permission, may
from console.domain.staff import Session
from console.repositories.errors import StoreError
from console.services import settings as opts
from console.services.backup import BackupService
from console.services.calls import CallEvents, CallService
from console.services.complaints import ComplaintService, console_id
from console.services.customers import CustomerService, count_customers
from console.services.identity import Identity
from console.services.imports import Rejected
from console.services.live import LiveFeed
from console.services.paths import resolve_db_path, resolve_demo_db_path
from console.services.phrasebooks import PhrasebookService
from console.services.settings import Change, SettingsService
from console.services.staff import AuditService, StaffService
from console.storage.console_config import ConsoleConfig
from console.storage.sqlite.database import StorageError, WrongKeyError
from console.storage.sqlite.runner import DatabaseRunner
from console.ui import theme
from console.ui.admin import AuditWindow, StaffWindow
from console.ui.call_cards import CallDesk
from console.ui.complaint_form import countdown_text
from console.ui.i18n import (
    Translations,
    error_text,
    format_datetime,
    format_number,
    message_text,
)
from console.ui.language_menu import LanguageMenu
from console.ui.main_window import MainWindow
from console.ui.passphrase_dialog import PassphraseRequest, ask_passphrase
from console.ui.phrase_checker import PhraseChecker
from console.ui.server_status import ConsolesWindow, ServerBadge, ServerBanner, ServerWatch
from console.ui.settings_window import SettingsWindow, StoreQuestions
from console.ui.sign_in import ConsoleLock, SignInWindow, signed_in_label
from console.ui.widgets import Retranslating
from console.wiring.desk import ENV_PASSPHRASE, NeedsPassphrase, open_runner
from console.wiring.services import TeamWindow

log = logging.getLogger("console")

DEMO_CUSTOMERS = 2000
DEMO_COMPLAINTS = 400
BACKUP_CHECK_MS = 10 * 60 * 1000  # look every 10 minutes whether a backup is due
#: Team mode: notices arriving within this long are applied together (one reload).
LIVE_COALESCE_MS = 150
#: Qt platforms without a screen: nobody could answer a dialog there.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})


# Roles as staff read them next to the signed-in name.
ROLE_LABELS = {
    "agent": QT_TRANSLATE_NOOP("Console", "agent"),
    "trainer": QT_TRANSLATE_NOOP("Console", "trainer"),
    "manager": QT_TRANSLATE_NOOP("Console", "manager"),
    "admin": QT_TRANSLATE_NOOP("Console", "admin"),
}


class StaffMenu(Retranslating, QMenu):
    """Staff: lock / switch staff, accounts, audit trail, backup — in the interface
    language, following a switch (it also tells the console, which is no QObject)."""

    retranslated = Signal()

    def __init__(self, lock_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffMenu")
        self.lock_action = lock_action
        self.addAction(lock_action)
        self.addSeparator()
        self.staff_action = self.addAction("")
        self.staff_action.setObjectName("staffAccountsAction")
        self.audit_action = self.addAction("")
        self.audit_action.setObjectName("auditTrailAction")
        self.backup_action = self.addAction("")
        self.backup_action.setObjectName("backupNowAction")
        self.consoles_action = self.addAction("")
        self.consoles_action.setObjectName("consolesAction")
        self.consoles_action.setVisible(False)  # team mode, admins
        self.addSeparator()
        self.settings_action = self.addAction("")
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Staff"))
        self.menuAction().setObjectName("staffMenuAction")
        self.lock_action.setText(self.tr("Lock / switch staff"))
        self.staff_action.setText(self.tr("Staff &accounts…"))
        self.audit_action.setText(self.tr("Audit &trail…"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.consoles_action.setText(self.tr("&Consoles…"))
        self.settings_action.setText(self.tr("Se&ttings…"))
        self.retranslated.emit()


def has_cjk_font() -> bool:
    """True when some installed font can draw Chinese (e.g. fonts-noto-cjk)."""
    return any(
        QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
        for family in QFontDatabase.families()
    )


class Console:
    """Everything the running app holds, built in one place."""

    def __init__(
        self,
        runner: DatabaseRunner | None = None,
        *,
        team: TeamWindow | None = None,
        require_sign_in: bool = False,
        cti_port: int | None = None,
        translations: Translations | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.runner = runner
        #: Team mode: the services are the console server's (None: this desk's file).
        self.team = team
        self.require_sign_in = require_sign_in
        # One clock for every service and widget (tests pin it).
        self.clock = clock or SystemClock()
        self.backups: BackupService | None = None
        if team is None:
            assert runner is not None, "a desk console needs its database"
            self.settings: Any = SettingsService(runner, ConsoleConfig())  # this computer's file
            self.audit: Any = AuditService(runner, self.clock)
            self.staff: Any = StaffService(runner, self.audit)
            self.identity = identity = Identity(runner, self.settings, self.staff)
            self.settings.identity = identity  # changes are made by whoever signed in
            self.customers: Any = CustomerService(runner, self.settings, identity=identity)
            self.phrasebooks: Any = PhrasebookService(runner, self.settings, identity=identity)
            self.complaints: Any = ComplaintService(
                runner,
                self.settings,
                phrasebooks=self.phrasebooks,
                identity=identity,
                console_id=console_id(self.settings.config),  # drafts stay at this console
            )
            self.calls: Any = CallService(runner, self.customers)
            self.backups = BackupService(
                runner, self.settings, self.clock, files=runner.files, identity=identity
            )
        else:
            # The same services on the console server; who signed in is the server's.
            self.settings = team.settings
            self.audit = team.audit
            self.staff = team.staff
            self.customers = team.customers
            self.phrasebooks = team.phrasebooks
            self.complaints = team.complaints
            self.calls = team.calls
        self.settings.listeners.append(self._setting_changed)
        self._phone_started = False
        self.checker = PhraseChecker()
        self.window = MainWindow(
            self.customers,
            self.settings,
            phrasebooks=self.phrasebooks,
            checker=self.checker,
            complaints=self.complaints,
        )
        # Phone screen-pop: listener → ordered events → call log → call cards.
        self.call_desk = CallDesk(self.window, self.calls, self.customers)
        self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.call_desk)
        theme.set_icon(self.call_desk.toggleViewAction(), "calls")
        self.call_events = CallEvents(self.calls, self.call_desk.handle_update)
        self.call_desk.may_pop = lambda: self.lock is None or not self.lock.is_locked
        if self.window.complaints is not None:
            # One key on a popped call starts a complaint with the caller filled in.
            self.call_desk.complaints_available = True
            self.call_desk.complaint_requested.connect(self.window.complaints.start_complaint)
            self.call_desk.complaint_lines = self._open_complaint_lines
        self.cti_port = cti_port
        self.cti: Any = None
        self._backup_timer = QTimer(self.window)  # dies with the window, on its thread
        self._backup_timer.setObjectName("backupTimer")
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self._backup_if_due)
        self.interactive = asyncio.Event()  # the window is shown and takes typing
        self.sign_in: SignInWindow | None = None
        self.lock: ConsoleLock | None = None
        self.signed_in_as = signed_in_label()
        self.window.statusBar().addPermanentWidget(self.signed_in_as)
        self.translations = translations or Translations()
        self.language_menu = LanguageMenu(self.window)
        self.window.menuBar().addMenu(self.language_menu)
        self.language_menu.chosen.connect(self.choose_language)
        self.live: LiveFeed | None = None
        self._live_pending: set[str] = set()
        self._live_timer = QTimer(self.window)
        self._live_timer.setObjectName("liveUpdatesTimer")
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_COALESCE_MS)
        self._live_timer.timeout.connect(self._apply_changes)
        if team is not None:
            self._watch_server()
        # "Try with demo data" on an empty Today: the demo console, as a process of its own.
        self.demo = False
        self.launch_demo = launch_demo_console
        self._demo_processes: list[subprocess.Popen[bytes]] = []
        self.window.today.demoRequested.connect(self.open_demo)

    def open_demo(self) -> None:
        """Open the demo console in a new window; this (real) console stays as it is."""
        try:
            process = self.launch_demo()
        except OSError as exc:
            log.error("could not start the demo console: %s", exc)
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Console", "The demo console could not be started: {error}"
                ).format(error=exc.strerror or exc),
                10000,
            )
            return
        if process is not None:
            self._demo_processes.append(process)
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "Console",
                "The demo console opens in a new window, marked DEMO. This console stays as it is.",
            ),
            10000,
        )

    async def _sign_in_first(self) -> None:
        """Show the sign-in window (or first-admin creation) and wait for a sign-in."""
        first_run = await self.staff.needs_first_admin()
        try:
            store = await self.settings.get(opts.STORE_NAME)
        except StoreError:  # team mode, server away: the sign-in window says so
            store = ""
        self.sign_in = SignInWindow(self.staff, first_run=first_run, store=store, demo=self.demo)
        self.lock = ConsoleLock(
            self.staff,
            self.sign_in,
            idle_minutes=await self.settings.get(opts.AUTO_LOCK_MINUTES),
            parent=self.window,
        )
        self.lock.unlocked.connect(self._show_who)
        lock_action = QAction(self.window)
        lock_action.setObjectName("lockAction")
        theme.set_icon(lock_action, "lock")
        lock_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        lock_action.triggered.connect(lambda: self.lock.lock() if self.lock else None)
        self.window.addAction(lock_action)
        self._build_admin_menu(lock_action)
        done: asyncio.Future[Session] = asyncio.get_running_loop().create_future()
        self.sign_in.signed_in.connect(
            lambda session: done.set_result(session) if not done.done() else None
        )
        self.sign_in.show()
        self.sign_in.reset()
        await done
        self.sign_in.hide()
        if first_run:
            await self.ask_store()

    async def ask_store(self) -> None:
        """The first admin is asked for the store's name, time zone and region (skippable)."""
        self.store_questions = StoreQuestions(self.settings)
        finished: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.store_questions.done.connect(
            lambda: finished.set_result(None) if not finished.done() else None
        )
        self.store_questions.show()
        await finished
        self.store_questions.hide()
        self.store_questions.deleteLater()

    def _build_admin_menu(self, lock_action: QAction) -> None:
        menu = StaffMenu(lock_action, self.window)
        self.window.menuBar().addMenu(menu)
        self.staff_menu = menu
        menu.retranslated.connect(self._show_signed_in)
        self.staff_action = menu.staff_action
        self.staff_action.triggered.connect(self.open_staff_window)
        self.audit_action = menu.audit_action
        self.audit_action.triggered.connect(self.open_audit_window)
        self.backup_action = menu.backup_action
        self.backup_action.triggered.connect(self.backup_now)
        self.settings_action = menu.settings_action
        self.settings_action.triggered.connect(self.open_settings_window)
        self.consoles_action = menu.consoles_action
        self.consoles_action.triggered.connect(self.open_consoles_window)
        self._consoles_window: ConsolesWindow | None = None
        self._settings_window: SettingsWindow | None = None
        self._staff_window: StaffWindow | None = None
        self._audit_window: AuditWindow | None = None

    def open_consoles_window(self) -> ConsolesWindow | None:
        """Team mode, admins: the enrolled consoles, and revoking one."""
        if self.team is None:
            return None
        if self._consoles_window is None:
            self._consoles_window = ConsolesWindow(self.team.link)
        self._consoles_window.show()
        self._consoles_window.raise_()
        self._consoles_window.load()
        return self._consoles_window

    def open_staff_window(self) -> None:
        if self._staff_window is None:
            self._staff_window = StaffWindow(self.staff)
        self._staff_window.show()
        self._staff_window.raise_()
        self._staff_window.load()

    def open_settings_window(self) -> SettingsWindow:
        """Admins edit; everybody else sees the values read-only."""
        session = self.staff.session
        may_edit = session is not None and may(session.role, Permission.EDIT_SETTINGS)
        if self._settings_window is None or self._settings_window.may_edit != may_edit:
            if self._settings_window is not None:
                self._settings_window.close()
                self._settings_window.deleteLater()
            self._settings_window = SettingsWindow(
                self.settings, may_edit=may_edit, clock=self.clock
            )
        self._settings_window.show()
        self._settings_window.raise_()
        self._settings_window.load()
        return self._settings_window

    def _setting_changed(self, change: Change) -> None:
        """Apply a change at once: a new listener address or port restarts the listener;
        a new auto-lock time counts from now; the store's and the organisation's rules
        (name, time zone, loyalty, occasions, "we miss you", follow-ups) redraw the open
        profile and Today, so the greeting and the badges follow at once."""
        option = change.option
        if option in opts.CTI_OPTIONS and self._phone_started:
            self.window.tasks.start(self.restart_phone(), name="restart-phone")
        elif option is opts.AUTO_LOCK_MINUTES and self.lock is not None:
            self.lock.idle_seconds = max(int(change.after), 0) * 60
        elif option.scope in (opts.Scope.STORE, opts.Scope.ORGANISATION):
            if option is opts.TIME_ZONE:
                self.complaints.forget_zone()
            self.window.refresh_profile()
            self.window.tasks.start(self.window._load_today(), name="reload-today")

    async def restart_phone(self) -> None:
        await self.stop_phone()
        self.cti = None
        await self.start_phone()

    def open_audit_window(self) -> None:
        if self._audit_window is None:
            self._audit_window = AuditWindow(self.audit, self.staff)
        self._audit_window.show()
        self._audit_window.raise_()
        self._audit_window.load()

    def backup_now(self) -> None:
        backups = self.backups
        if backups is None:  # team mode: the server's database is backed up on its host
            return

        async def backup() -> None:
            try:
                result = await backups.backup_now()
            except NotAllowed:
                self.window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "Console", "Only a manager or an admin may back up the database."
                    ),
                    10000,
                )
                return
            if not result.trail_intact:
                # The copy is made all the same (it is evidence); say what verify found.
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    QCoreApplication.translate("Console", "Audit trail broken"),
                    QCoreApplication.translate(
                        "Console",
                        "Backed up to {path}, but the audit trail does not verify: {problem}",
                    ).format(path=result.path, problem=result.trail_problem),
                    parent=self.window,
                )
                box.setObjectName("trailBrokenBox")
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()  # not exec(): this runs inside a coroutine
                return
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Console", "Backed up to {path}").format(
                    path=result.path
                ),
                10000,
            )

        self.window.tasks.start(backup(), name="backup-now")

    async def apply_language(self) -> str:
        """The signed-in person's language, else the setting, else the system's."""
        session = self.staff.session
        wanted = session.staff.language if session is not None else ""
        if not wanted:
            wanted = await self.settings.get(opts.INTERFACE_LANGUAGE)
        language = self.translations.switch(wanted)
        self.language_menu.show_current(language)
        return language

    def choose_language(self, language: str) -> None:
        """Switch now (nothing on screen is lost) and remember it for this person."""
        self.translations.switch(language)
        self.language_menu.show_current(language)

        async def remember() -> None:
            session = self.staff.session
            if session is not None:
                await self.staff.change_staff(session, session.staff.id, language=language)
            else:
                await self.settings.write(opts.INTERFACE_LANGUAGE, language)

        self.window.tasks.start(remember(), name="remember-language")

    def _show_who(self, session: Session) -> None:
        if session.staff.language and session.staff.language != self.translations.language:
            self.translations.switch(session.staff.language)
            self.language_menu.show_current(self.translations.language)
        self._show_signed_in()
        if hasattr(self, "staff_action"):
            self.staff_action.setVisible(may(session.role, Permission.MANAGE_STAFF))
            self.audit_action.setVisible(may(session.role, Permission.VIEW_AUDIT))
            self.backup_action.setVisible(
                self.backups is not None and may(session.role, Permission.BACK_UP)
            )
            self.consoles_action.setVisible(
                self.team is not None and may(session.role, Permission.MANAGE_STAFF)
            )
        for window in (
            self._staff_window,
            self._audit_window,
            self._settings_window,
            self._consoles_window,
        ):
            if window is not None:  # the next person must not see what the last one had open
                window.close()

    def _show_signed_in(self) -> None:
        """Who is signed in, in the interface language (again after a switch)."""
        session = self.staff.session
        if session is None:
            return
        role = ROLE_LABELS.get(session.role.value)
        self.signed_in_as.setText(
            QCoreApplication.translate("Console", "{name} · {role}  (Ctrl+Shift+L to lock)").format(
                name=session.name,
                role=QCoreApplication.translate("Console", str(role))
                if role
                else session.role.value,
            )
        )

    def _backup_if_due(self) -> None:
        """Take the scheduled backup when it is due (on the database thread)."""
        backups = self.backups
        if backups is None:
            return

        async def backup() -> None:
            try:
                info = await backups.backup_if_due()
            except StorageError as exc:
                log.error("scheduled backup failed: %s", exc)
                self.window.statusBar().showMessage(
                    QCoreApplication.translate("Console", "Backup failed: {error}").format(
                        error=error_text(exc)
                    ),
                    15000,
                )
                return
            if info is not None:
                log.info("backed up to %s", info.path)
                if not info.trail_intact:
                    self.window.statusBar().showMessage(
                        QCoreApplication.translate(
                            "Console", "Backed up, but the audit trail does not verify: {problem}"
                        ).format(problem=info.trail_problem),
                        30000,
                    )

        self.window.tasks.start(backup(), name="scheduled-backup")

    async def _open_complaint_lines(self, customer_id: int) -> list[str]:
        """What the caller is still waiting for, shown on the popped call."""
        rows = await self.complaints.open_for_customer(customer_id)
        now = self.complaints.now()
        lines = []
        for row in rows:
            if row.promise_due is None:
                line = QCoreApplication.translate("Console", "Open complaint: {summary}")
            else:
                line = QCoreApplication.translate(
                    "Console", "Open complaint: {summary} — reply promised by {when} ({left})"
                )
            lines.append(
                line.format(
                    summary=row.summary,
                    when=format_datetime(row.promise_due) if row.promise_due else "",
                    left=countdown_text(row.promise_due, now) if row.promise_due else "",
                )
            )
        return lines

    async def start_phone(self) -> None:
        """Listen for call events (Generic CTI); say why not on the Calls dock."""
        from console.services.cti import CtiServer, ListenerError
        from console.services.secrets import SecretUnavailable, cti_token_async

        self._phone_started = True
        self.call_events.start()
        self.call_desk.refresh_call_backs()
        if not await self.settings.get(opts.CTI_ENABLED) and self.cti_port is None:
            self.call_desk.set_unavailable(
                QCoreApplication.translate("Console", "turned off (setting cti_enabled)")
            )
            return
        if self.demo and self.cti_port is None:
            # The real console may be listening already: the demo must not take its calls.
            self.call_desk.set_unavailable(
                QCoreApplication.translate(
                    "Console", "not in the demo console (start it with --cti-port N to try it)"
                )
            )
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
        except SecretUnavailable as exc:
            log.warning("no phone screen-pop: %s", exc)  # the technical reason, for an admin
            self.call_desk.set_unavailable(
                QCoreApplication.translate(
                    "Console",
                    "this computer has no password keychain for the phone token. Ask an "
                    "admin to set SERVICE_CONSOLE_CTI_TOKEN.",
                )
            )
            return
        except ListenerError as exc:
            log.warning("no phone screen-pop: %s", exc)
            self.call_desk.set_unavailable(str(exc))
            return
        self.cti = server
        self.call_desk.set_listening(server.url, f"{host}:{server.port}")

    async def stop_phone(self) -> None:
        if self.cti is not None:
            await self.cti.stop()
        await self.call_events.stop()

    def _watch_server(self) -> None:
        """Team mode: the banner and the status badge follow the server; when it is back,
        what is on screen is read again; when it no longer knows who signed in here (it
        was restarted, or the session ran out), the console locks for a new sign-in."""
        assert self.team is not None
        url = self.team.link.url
        self.server_banner = ServerBanner(url)
        central = self.window.centralWidget()
        layout = central.layout() if central is not None else None
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(0, self.server_banner)
        self.server_badge = ServerBadge(url)
        self.window.statusBar().addPermanentWidget(self.server_badge)
        self.server_watch = ServerWatch(
            self.team.link, self.server_banner, self.server_badge, parent=self.window
        )
        self.server_watch.back.connect(self._server_back)
        self.server_watch.session_lost.connect(self._session_lost)
        self.server_watch.start()

    def _server_back(self) -> None:
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Console", "The console server answers again."), 8000
        )
        self.window.refresh_profile()
        self.window.tasks.start(self.window._load_today(), name="reload-today")

    def _session_lost(self) -> None:
        """The server no longer knows who signed in here: lock, and say why there."""

        def why() -> str:
            return QCoreApplication.translate(
                "Console", "The console server ended your session; sign in again."
            )

        if self.lock is not None and not self.lock.is_locked:
            self.lock.lock()
        if self.sign_in is not None:
            self.sign_in.tell(why)
        self.window.statusBar().showMessage(why(), 15000)

    async def stop_team(self) -> None:
        """Team mode, closing: stop listening and asking the server, end the staff
        session there."""
        if self.team is None:
            return
        if self.live is not None:
            await self.live.stop()
        self.server_watch.stop()
        await self.staff.sign_out()

    # --- live updates (team mode) ------------------------------------------------------

    def _start_live(self) -> None:
        """Hear what other consoles change (the server's WebSocket) and show it, and the
        calls the server routes to this console."""
        from console.services.live import LiveFeed

        assert self.team is not None
        token = self.team.link.client.token or ""
        # Calls the server routes here pop like the console's own listener's (pop_window
        # only alerts while the console is locked: call_desk.may_pop).
        self.live = LiveFeed(
            self.team.link.url,
            token,
            self._changed_elsewhere,
            on_state=self._live_state,
            on_call=self.call_desk.handle_update,
        )
        self.live.start()

    def _changed_elsewhere(self, notice: ChangeNotice) -> None:
        """Note what must be read again; a burst of notices is applied once
        (LIVE_COALESCE_MS later)."""
        pending = self._live_pending
        entity = notice.entity
        if entity == "customer":
            shown = self.window.profile.customer_id
            if shown is not None and notice.entity_id in (str(shown), "*"):
                pending.add("profile")
            pending.add("today")
        elif entity == "complaint":
            pending.update(("complaints", "today"))
        elif entity == "phrasebook":
            pending.add("phrasebook")
        elif entity == "setting":
            pending.add(f"setting:{notice.entity_id}")
        elif entity == "staff":
            session = self.staff.session
            if session is not None and notice.entity_id == str(session.staff.id):
                pending.add("me")
        elif entity == "call":
            pending.add("calls")
        if pending and not self._live_timer.isActive():
            self._live_timer.start()

    def _apply_changes(self) -> None:
        pending, self._live_pending = self._live_pending, set()
        tasks = self.window.tasks
        if "profile" in pending:
            self.window.refresh_profile()
        if "today" in pending:
            tasks.start(self.window._load_today(), name="live-today")
        if "complaints" in pending and self.window.complaints is not None:
            self.window.complaints.refresh()
        if "phrasebook" in pending:
            tasks.start(self._phrasebook_elsewhere(), name="live-phrasebook")
        if "calls" in pending:
            self.call_desk.refresh_call_backs()
        if "me" in pending:
            tasks.start(self._me_elsewhere(), name="live-me")
        for key in sorted(k.removeprefix("setting:") for k in pending if k.startswith("setting:")):
            tasks.start(self._setting_elsewhere(key), name="live-setting")

    async def _phrasebook_elsewhere(self) -> None:
        """A trainer changed the phrasebook: every checked field re-checks at once (text,
        cursor and undo stay), and an open editor shows the new entries."""
        await self.checker.rebuild(await self.phrasebooks.entries())
        editor = self.window._phrasebook_window
        refresh = getattr(editor, "refresh_if_changed", None)
        if refresh is not None and editor is not None and editor.isVisible():
            await refresh()

    async def _setting_elsewhere(self, key: str) -> None:
        option = BY_KEY.get(key)
        if option is None or option.scope is opts.Scope.CONSOLE:
            return  # a console's own settings are its own
        value = await self.settings.get(option)
        if option is opts.DEFAULT_REGION:
            self.checker.region = value
        elif option is opts.ACTIVE_PHRASEBOOK:
            await self._phrasebook_elsewhere()
        self._setting_changed(Change(option, value, value))

    async def _me_elsewhere(self) -> None:
        """An admin changed the signed-in person's account (role, language…)."""
        refresh = getattr(self.staff, "refresh", None)
        if refresh is None:
            return
        session = await refresh()
        if session is not None:
            self._show_who(session)

    def _live_state(self, connected: bool) -> None:
        if connected:
            return
        if self.live is not None and self.live.revoked:
            self._revoked()
        else:
            self.server_watch.probe()  # the banner says so if the server is gone

    def _revoked(self) -> None:
        """An admin revoked this console: nobody may go on working here."""

        def why() -> str:
            return message_text(ConsoleWasRevoked())

        self.staff.session = None
        if self.lock is not None and not self.lock.is_locked:
            self.lock.lock()
        if self.sign_in is not None:
            self.sign_in.tell(why)
        self.window.statusBar().showMessage(why())

    async def _start_team(self) -> None:
        """Team mode, after sign-in: the store's zone for countdowns (a setting on the
        server)."""
        assert self.team is not None
        self._start_live()
        try:
            await self.team.complaints.load_zone()
        except StoreError as exc:  # the banner says it; the zone is read when it is back
            log.warning("console server: %s", exc)

    async def start(self, *, demo: bool) -> None:
        """Sign in, show the window, load the rest behind it. *demo*: this is the demo
        console (its database is filled with made-up customers when empty)."""
        from console.services.demo import is_demo_database_async

        if self.runner is not None:
            self.demo = demo or await is_demo_database_async(self.runner)
        self.window.set_demo(self.demo)  # a renamed demo file still says DEMO
        await self.apply_language()
        if self.team is not None:
            self.server_watch.probe()  # the banner shows at once if it does not answer
        if self.require_sign_in:
            await self._sign_in_first()
            if self.staff.session is not None:
                self._show_who(self.staff.session)
        self.window.show()
        self.window.focus_search()
        # Interactive from here: the search box takes typing while the rest loads behind it
        # (the phone listener alongside Today and the phrasebook).
        self.interactive.set()
        phone = asyncio.ensure_future(self.start_phone())
        if self.team is not None:
            await self._start_team()
        if self.runner is not None and demo and await count_customers(self.runner) == 0:
            from console.services.demo import fill_demo_async

            self.window.statusBar().showMessage(
                QCoreApplication.translate("Console", "Adding demo customers for a first look…")
            )
            report = await fill_demo_async(self.runner, customers=DEMO_CUSTOMERS)
            from console.services.demo_complaints import fill_demo_complaints

            await asyncio.get_running_loop().run_in_executor(
                None, fill_demo_complaints, self.runner, DEMO_COMPLAINTS
            )
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Console", "Demo data ready: {customers} customers, {purchases} purchases."
                ).format(
                    customers=format_number(report.customers),
                    purchases=format_number(report.purchases),
                ),
                8000,
            )
        if self.backups is not None:
            self._backup_timer.start()  # first look after BACKUP_CHECK_MS: launch stays quick
        await self.window._load_today()
        if self.runner is not None and not self.demo and await count_customers(self.runner) == 0:
            self.window.today.offer_demo(True)  # a first run: nobody to show yet
        # Simplified phrases are rendered for Traditional-script customers in the
        # store's regional phrasing (TW: Taiwan, HK/MO: Hong Kong).
        region: str = await self.settings.get(opts.DEFAULT_REGION)
        self.checker.region = region
        await self.checker.rebuild(await self.phrasebooks.entries())
        if self.window.complaints is not None:
            self.window.complaints.start()
        await phone


def launch_demo_console() -> subprocess.Popen[bytes]:
    """``service-console --demo`` as a new process of the same program (the bundled app's
    executable, or this Python running the command line)."""
    if getattr(sys, "frozen", False):  # PyInstaller and the like: the executable is the app
        command = [sys.executable, "--demo"]
    else:
        command = [sys.executable, "-m", "console.cli", "--demo"]
    return subprocess.Popen(command, start_new_session=True)  # outlives this console


def open_database(path: Path, *, can_ask: bool = True) -> DatabaseRunner | None:
    """Open the database, asking for a passphrase when there is no usable keychain.

    Runs before the event loop starts (so modal dialogs are fine here). Returns None when
    the person cancels; raises StorageError for anything else, and NeedsPassphrase when a
    passphrase is needed but nobody can be asked (*can_ask* false: no screen).
    """
    try:
        return open_runner(path)
    except NeedsPassphrase as exc:
        if not can_ask:
            raise
        log.warning("%s", exc)
        request = PassphraseRequest(
            new=exc.new, no_keychain=exc.no_keychain, detail=f"{exc}.\n\n{path}"
        )
    for _attempt in range(5):
        passphrase = ask_passphrase(request)
        if passphrase is None:
            return None
        try:
            return open_runner(path, passphrase)
        except WrongKeyError:
            request = PassphraseRequest(
                new=False,
                no_keychain=request.no_keychain,
                detail=request.detail,
                error=QCoreApplication.translate(
                    "Console", "That passphrase does not open the console's data. Try again."
                ),
            )
    return None


SMOKE_TEST = "SERVICE_CONSOLE_SMOKE_TEST"  # CI: reach the sign-in window, then quit


async def show_sign_in_and_quit(console: Console, *, demo: bool, timeout: float = 60) -> None:
    """Start the console until its sign-in window is visible, say so, and stop."""
    starting = asyncio.ensure_future(console.start(demo=demo))
    deadline = asyncio.get_running_loop().time() + timeout
    while not (console.sign_in is not None and console.sign_in.isVisible()):
        if starting.done():
            starting.result()  # raises what went wrong
            raise RuntimeError("the console started without showing the sign-in window")
        if asyncio.get_running_loop().time() > deadline:
            raise RuntimeError(f"no sign-in window after {timeout:.0f} s")
        await asyncio.sleep(0.05)
    print("sign-in window shown", flush=True)
    # The look's libraries load where the app was installed (wheel or bundle): the icon
    # font (qtawesome) and the report's chart (pyqtgraph).
    from console.ui.complaint_report import BarChart

    chart = BarChart()
    chart.set_data("smoke", [("a", 2), ("b", 1)])
    if theme.icon_font_works() and not chart.image(300).isNull():
        print("icons and chart drawn", flush=True)
    chart.deleteLater()
    starting.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await starting


def run_app(
    *,
    db_arg: str | None = None,
    demo: bool = False,
    cti_port: int | None = None,
    server: str | None = None,
) -> int:
    """The window: on this desk's database file, or (*server*) on the console server."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Service Console")
    app.setOrganizationName("Service Console")
    theme.apply(app)  # palette, style sheet and icons; light or dark as the system is
    headless = QGuiApplication.platformName() in HEADLESS_PLATFORMS
    # No database is open yet, so no setting says which language: the computer's.
    translations = Translations()
    translations.switch("")
    if server is not None:
        return _run_team(app, server, cti_port, translations, headless)
    path = resolve_demo_db_path(db_arg) if demo else resolve_db_path(db_arg)
    try:
        runner = open_database(path, can_ask=not headless)
        if runner is not None and demo:
            from console.services.demo import claim_for_demo

            try:
                # A demo (or empty) file only, never real customers.
                claim_for_demo(runner, str(runner.path))
            except BaseException:
                runner.close()
                raise
    except NeedsPassphrase:
        # A dialog nobody can see would wait forever.
        print(
            "The database needs a passphrase (this computer has no password keychain for its "
            f"key) and there is no screen to ask on, so set {ENV_PASSPHRASE} and start again.",
            file=sys.stderr,
        )
        return 1
    except (StorageError, Rejected) as exc:
        if not headless:
            QMessageBox.critical(
                None, QCoreApplication.translate("Console", "Service Console"), error_text(exc)
            )
        print(str(exc), file=sys.stderr)
        return 1
    if runner is None:
        print("no passphrase given; the database was not opened", file=sys.stderr)
        return 1
    if not has_cjk_font():
        log.warning("No Chinese-capable font found; install fonts-noto-cjk to see Chinese names")
    console = Console(runner, require_sign_in=True, cti_port=cti_port, translations=translations)
    if runner.key is None and path.exists():  # opened without a key: a plain file
        console.window.statusBar().showMessage(
            QCoreApplication.translate(
                "Console",
                "This database is not encrypted. Close the app and run "
                "'service-console encrypt' to protect customers' data.",
            ),
            0,
        )
    try:
        return _run(app, console, demo=demo, headless=headless)
    finally:
        runner.close()


def _run(app: QApplication, console: Console, *, demo: bool, headless: bool) -> int:
    """Run *console* until its window closes (or, for CI's smoke test, until its sign-in
    window shows)."""
    import qasync

    smoke_test = bool(os.environ.get(SMOKE_TEST))
    if not has_cjk_font() and not headless and not smoke_test:
        QMessageBox.warning(
            console.window,
            QCoreApplication.translate("Console", "Service Console"),
            QCoreApplication.translate(
                "Console",
                "No font that can show Chinese characters was found. Chinese names will show "
                "as boxes. On Debian/Ubuntu: sudo apt-get install fonts-noto-cjk",
            ),
        )

    async def main() -> None:
        closed = asyncio.Event()
        app.aboutToQuit.connect(closed.set)
        if smoke_test:
            await show_sign_in_and_quit(console, demo=demo)
            return
        await console.start(demo=demo)
        await closed.wait()
        await console.stop_phone()
        await console.stop_team()

    try:
        qasync.run(main())
    finally:
        console.window.tasks.cancel_all()
    return 0


def _run_team(
    app: QApplication,
    url: str,
    cti_port: int | None,
    translations: Translations,
    headless: bool,
) -> int:
    """The window on the console server at *url*, as this enrolled console."""
    from console.services.wording import say
    from console.wiring.services import NotEnrolled, team_window

    try:
        team = team_window(url)
    except NotEnrolled as exc:
        text = say(exc.message)
        if not headless:
            QMessageBox.critical(
                None, QCoreApplication.translate("Console", "Service Console"), text
            )
        print(f"service-console: {text}", file=sys.stderr)
        return 1
    console = Console(team=team, require_sign_in=True, cti_port=cti_port, translations=translations)
    return _run(app, console, demo=False, headless=headless)

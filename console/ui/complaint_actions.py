"""Complaint features of the main window, kept in one place so the window itself only
gains a few lines: actions and their shortcuts, the complaint form (from a profile or for
a walk-in), the queues window, the complaint view, the managers' report, the "recover
unsaved complaints" offer at start, and due-soon notifications (banner, status bar and the
system tray when there is one).

Built by :class:`~console.ui.main_window.MainWindow` only when it is given a
:class:`ComplaintService`; without one nothing here exists and no shortcut is taken.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMenuBar,
    QPushButton,
    QStatusBar,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from console.domain.complaint import PromiseState
from console.services.complaints import ComplaintService, Draft, Queue, QueueRow
from console.services.settings import STORE_NAME, SettingsService
from console.ui import theme
from console.ui.i18n import format_datetime
from console.ui.phrase_checker import PhraseChecker
from console.ui.widgets import Retranslating

if TYPE_CHECKING:
    from console.ui.complaint_form import ComplaintForm
    from console.ui.complaint_queue import ComplaintQueue, ComplaintView
    from console.ui.complaint_report import ComplaintReportView
    from console.ui.customer_profile import CustomerProfile
    from console.ui.tasks import Tasks

log = logging.getLogger(__name__)


class ComplaintHost(Protocol):
    """What the complaint features use of the window that builds them (the main window):
    named here so that this module does not import the main window, which imports it."""

    tasks: Tasks
    profile: CustomerProfile
    settings: SettingsService

    def window(self) -> QWidget: ...  # the window itself: the parent of actions and dialogs
    def centralWidget(self) -> QWidget | None: ...
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def addAction(self, action: QAction) -> None: ...
    def _keep(self, dialog: Any) -> None: ...


#: How often the owner's promises are checked for "due soon" / "overdue".
NOTIFY_EVERY_MS = 30_000
START_COMPLAINT_KEYS = "Ctrl+Shift+C"
WALK_IN_KEYS = "Ctrl+Shift+W"
QUEUE_KEYS = "Ctrl+Shift+O"
REPORT_KEYS = "Ctrl+Shift+M"
DRAFT_ROLE = Qt.ItemDataRole.UserRole


class RecoverDrafts(Retranslating, QDialog):
    """ "Recover unsaved complaints": the drafts left by a crash or a forced quit.

    ``reopen(list)`` carries the drafts to open again; ``discard(list)`` the ones to drop.
    "Later" keeps them for the next start.
    """

    reopen = Signal(list)
    discard = Signal(list)

    def __init__(self, drafts: list[Draft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoverDrafts")
        self.drafts = drafts
        self._count = len(drafts)
        heading = QLabel()
        heading.setObjectName("recoverHeading")
        heading.setWordWrap(True)
        self.heading = heading
        self.list = QListWidget()
        self.list.setObjectName("draftList")
        for draft in drafts:
            item = QListWidgetItem()
            item.setData(DRAFT_ROLE, draft.key)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._reopen_selected())
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("reopenDraftButton")
        self.reopen_all_button = QPushButton()
        self.reopen_all_button.setObjectName("reopenAllDraftsButton")
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discardDraftButton")
        self.later_button = QPushButton()
        self.later_button.setObjectName("laterDraftsButton")
        for button in (self.reopen_button, self.reopen_all_button, self.discard_button):
            button.setAutoDefault(False)
        self.reopen_button.setDefault(True)
        self.reopen_button.clicked.connect(self._reopen_selected)
        self.reopen_all_button.clicked.connect(self._reopen_all)
        self.discard_button.clicked.connect(self._discard_selected)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.reopen_button, self.reopen_all_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.resize(560, 300)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the interface language; the list and its selection stay."""
        self.setAccessibleName(self.tr("Recover unsaved complaints"))
        self.setWindowTitle(self.tr("Recover unsaved complaints"))
        count = self._count
        first = (
            self.tr("1 complaint was being typed when the console last closed.")
            if count == 1
            else self.tr("%n complaints were being typed when the console last closed.", "", count)
        )
        self.heading.setText(
            f"<b>{html.escape(first)}</b><br>"
            + html.escape(self.tr("Reopen them to finish and save; nothing typed was lost."))
        )
        self.list.setAccessibleName(self.tr("Unsaved complaints"))
        saved = {draft.key: draft for draft in self.drafts}
        for row in range(self.list.count()):
            item = self.list.item(row)
            draft = saved.get(item.data(DRAFT_ROLE))
            if draft is not None:
                item.setText(f"{draft.summary}  —  {format_datetime(draft.saved_at)}")
        self.reopen_button.setText(self.tr("&Reopen"))
        self.reopen_button.setAccessibleName(self.tr("Reopen the selected complaint"))
        self.reopen_all_button.setText(self.tr("Reopen &all"))
        self.reopen_all_button.setAccessibleName(self.tr("Reopen all complaints"))
        self.discard_button.setText(self.tr("&Discard selected"))
        self.discard_button.setAccessibleName(self.tr("Discard the selected complaint"))
        self.later_button.setText(self.tr("&Later"))
        self.later_button.setAccessibleName(self.tr("Keep them for later"))

    def _selected(self) -> list[Draft]:
        keys = {item.data(DRAFT_ROLE) for item in self.list.selectedItems()}
        return [d for d in self.drafts if d.key in keys]

    def _remove(self, drafts: list[Draft]) -> None:
        keys = {d.key for d in drafts}
        self.drafts = [d for d in self.drafts if d.key not in keys]
        for row in reversed(range(self.list.count())):
            if self.list.item(row).data(DRAFT_ROLE) in keys:
                self.list.takeItem(row)
        if not self.drafts:
            self.accept()

    def _reopen_selected(self) -> None:
        chosen = self._selected()
        if chosen:
            self.reopen.emit(chosen)
            self._remove(chosen)

    def _reopen_all(self) -> None:
        chosen = list(self.drafts)
        self.reopen.emit(chosen)
        self._remove(chosen)

    def _discard_selected(self) -> None:
        chosen = self._selected()
        if chosen:
            self.discard.emit(chosen)
            self._remove(chosen)


def notification_text(row: QueueRow, now: Any) -> str:
    """One due-soon or overdue line, in the interface language."""
    from console.ui.complaint_form import countdown_text

    if row.promise_due is None:
        return QCoreApplication.translate(
            "ComplaintFeatures", "Complaint #{id} ({who}) needs a reply time."
        ).format(id=row.id, who=row.who)
    if row.promise is PromiseState.OVERDUE or row.promise_due < now:
        text = QCoreApplication.translate(
            "ComplaintFeatures", "Promise overdue: {who} — {countdown} (#{id})"
        )
    else:
        text = QCoreApplication.translate(
            "ComplaintFeatures", "Reply due soon: {who} — {countdown} (#{id})"
        )
    return text.format(who=row.who, countdown=countdown_text(row.promise_due, now), id=row.id)


class ComplaintsMenu(Retranslating, QMenu):
    """The Complaints menu; on a language change it also renames the actions, the banner
    and the tray (which get no LanguageChange of their own)."""

    languageChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintsMenu")
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Com&plaints"))
        self.languageChanged.emit()


def _tray_icon() -> QIcon:
    """The tray's complaint icon: the theme's complaint icon in its danger colour."""
    return theme.icon("complaint", colour_name="danger")


class ComplaintFeatures(QObject):
    """Everything complaint-related the main window offers."""

    notified = Signal(list)
    draftsOffered = Signal(object)
    formOpened = Signal(object)
    viewOpened = Signal(object)

    def __init__(
        self, window: ComplaintHost, service: ComplaintService, checker: PhraseChecker | None
    ) -> None:
        super().__init__(window.window())
        self.window = window
        self.widget = window.window()  # the same window, as the parent of what opens here
        self.service = service
        self.checker = checker if checker is not None else PhraseChecker(parent=self)
        self.tasks = window.tasks
        self.queue_window: ComplaintQueue | None = None
        self.report_window: ComplaintReportView | None = None
        self.forms: list[ComplaintForm] = []
        self.tray: QSystemTrayIcon | None = None

        self.banner = QLabel()
        self.banner.setObjectName("complaintBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setProperty("note", "danger")
        self.banner.hide()
        self.banner.linkActivated.connect(lambda _link: self.show_queue(Queue.DUE_SOON))
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.banner)

        profile = window.profile
        profile.complaintRequested.connect(self.start_complaint)
        profile.openComplaintRequested.connect(self.open_complaint)

        self._shown_rows: list[QueueRow] = []
        self.start_action = self._action(
            "startComplaintAction", START_COMPLAINT_KEYS, self._start_for_current
        )
        self.walk_in_action = self._action(
            "walkInComplaintAction", WALK_IN_KEYS, self.walk_in_complaint
        )
        self.queue_action = self._action("complaintQueueAction", QUEUE_KEYS, self.show_queue)
        self.report_action = self._action("complaintReportAction", REPORT_KEYS, self.show_report)
        theme.set_icon(self.start_action, "complaint")
        theme.set_icon(self.report_action, "report")
        menu = ComplaintsMenu(self.widget)
        window.menuBar().addMenu(menu)
        self.menu = menu
        for action in (self.start_action, self.walk_in_action, self.queue_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.report_action)

        self.timer = QTimer(self)
        self.timer.setInterval(NOTIFY_EVERY_MS)
        self.timer.timeout.connect(self.check_due)
        self.retranslate()
        menu.languageChanged.connect(self.retranslate)

    def retranslate(self) -> None:
        """The actions, the banner and the tray in the interface language."""
        self.start_action.setText(self.tr("Start &complaint for this customer…"))
        self.walk_in_action.setText(self.tr("&Walk-in / unknown caller complaint…"))
        self.queue_action.setText(self.tr("Complaint &queues"))
        self.report_action.setText(self.tr("Complaint &report…"))
        self.banner.setAccessibleName(self.tr("Complaint notifications"))
        if self.tray is not None:
            self.tray.setToolTip(self.tr("Service Console — complaints"))
        if self._shown_rows and self.banner.isVisibleTo(self.widget):
            self._show_banner(self._shown_rows)

    def _action(self, name: str, keys: str, slot: Any) -> QAction:
        action = QAction(self.widget)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    # --- start ---------------------------------------------------------------------------

    def start(self) -> None:
        """At window start: offer drafts back, start the due-soon checks."""
        self.tasks.start(self.offer_drafts(), name="complaint-drafts")
        self.timer.start()
        self.check_due()

    def stop(self) -> None:
        self.timer.stop()
        if self.queue_window is not None:
            self.queue_window.close()
        if self.report_window is not None:
            self.report_window.close()
        if self.tray is not None:
            self.tray.hide()

    async def offer_drafts(self) -> RecoverDrafts | None:
        drafts = await self.service.drafts()
        if not drafts:
            return None
        dialog = RecoverDrafts(drafts, self.widget)
        dialog.reopen.connect(self._reopen_drafts)
        dialog.discard.connect(self._discard_drafts)
        self.window._keep(dialog)
        dialog.open()
        self.draftsOffered.emit(dialog)
        return dialog

    def _reopen_drafts(self, drafts: list[Draft]) -> None:
        for draft in drafts:
            self.tasks.start(self._open_form(payload=draft.payload, draft_key=draft.key))

    def _discard_drafts(self, drafts: list[Draft]) -> None:
        for draft in drafts:
            self.tasks.start(self.service.discard_draft(draft.key))

    # --- the form ------------------------------------------------------------------------

    def _start_for_current(self) -> None:
        customer_id = self.window.profile.customer_id
        if customer_id is None:
            self.window.statusBar().showMessage(
                self.tr("Open a customer first, or press Ctrl+Shift+W for a walk-in complaint."),
                5000,
            )
            return
        self.start_complaint(customer_id)

    def start_complaint(self, customer_id: int, call_id: str | None = None) -> None:
        """Open the form for a customer (from the profile, or from a popped call)."""
        profile = self.window.profile.profile
        name = language = ""
        if profile is not None and profile.customer.id == customer_id:
            name = profile.customer.preferred_name or profile.customer.name
            language = str(profile.customer.language)
        self.tasks.start(
            self._open_form(
                customer_id=customer_id,
                customer_name=name,
                customer_language=language,
                call_id=call_id,
            )
        )

    def walk_in_complaint(self) -> None:
        self.tasks.start(self._open_form())

    async def _open_form(self, **kwargs: Any) -> ComplaintForm:
        from console.ui.complaint_form import ComplaintForm

        settings = self.window.settings
        agent = await self.service.current_agent()
        store = await settings.get(STORE_NAME)
        form = ComplaintForm(
            self.service, self.checker, agent=agent, store=store, parent=self.widget, **kwargs
        )
        form.setWindowFlag(Qt.WindowType.Window, True)
        form.saved.connect(self._complaint_saved)
        self.forms.append(form)
        form.finished.connect(lambda _r, f=form: self._form_closed(f))
        self.window._keep(form)
        form.show()
        form.raise_()
        form.activateWindow()
        form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)
        self.formOpened.emit(form)
        return form

    def _form_closed(self, form: ComplaintForm) -> None:
        if form in self.forms:
            self.forms.remove(form)

    def _complaint_saved(self, complaint_id: int) -> None:
        self.window.statusBar().showMessage(
            self.tr("Complaint #{id} saved.").format(id=complaint_id), 5000
        )
        self.refresh()

    def refresh(self) -> None:
        self.window.profile.refresh_complaints()
        if self.queue_window is not None and self.queue_window.isVisible():
            self.queue_window.refresh()

    # --- queues and the complaint view -----------------------------------------------------

    def show_queue(self, queue: Queue | None = None) -> ComplaintQueue:
        from console.ui.complaint_queue import ComplaintQueue

        if self.queue_window is None:
            self.queue_window = ComplaintQueue(self.service, self.tasks)
            self.queue_window.openComplaint.connect(self.open_complaint)
        window = self.queue_window
        window.show()
        window.raise_()
        window.activateWindow()
        window.refresh()
        if queue is not None:
            window.show_queue(queue)
        return window

    def open_complaint(self, complaint_id: int) -> ComplaintView:
        from console.ui.complaint_queue import ComplaintView

        view = ComplaintView(self.service, complaint_id, self.widget)
        view.setWindowFlag(Qt.WindowType.Window, True)
        view.changed.connect(lambda _id: self.refresh())
        self.window._keep(view)
        view.reload()
        view.show()
        view.raise_()
        view.activateWindow()
        self.viewOpened.emit(view)
        return view

    def show_report(self) -> ComplaintReportView:
        from console.ui.complaint_report import ComplaintReportView

        if self.report_window is None:
            self.report_window = ComplaintReportView(self.service, self.tasks)
        self.report_window.show()
        self.report_window.raise_()
        self.report_window.activateWindow()
        self.report_window.refresh()
        return self.report_window

    # --- notifications -----------------------------------------------------------------------

    def check_due(self) -> None:
        self.tasks.start(self._check_due(), name="complaint-due")

    async def _check_due(self) -> list[QueueRow]:
        rows = await self.service.due_soon_to_notify()
        if rows:
            self.notify(rows)
        return rows

    def _banner_lines(self, rows: list[QueueRow]) -> tuple[list[str], list[str]]:
        """Every line, and the ones shown (at most three, then how many more)."""
        now = self.service.now()
        lines = [notification_text(row, now) for row in rows]
        more = len(lines) - 3
        shown = lines[:3] + ([self.tr("…and %n more", "", more)] if more > 0 else [])
        return lines, shown

    def _show_banner(self, rows: list[QueueRow]) -> tuple[list[str], list[str]]:
        lines, shown = self._banner_lines(rows)
        link = html.escape(self.tr("Open the queue (Ctrl+Shift+O)"))
        self.banner.setText(
            "⏰ "
            + "<br>".join(html.escape(line) for line in shown)
            + f" &nbsp;<a href='queue'>{link}</a>"
        )
        self.banner.setAccessibleDescription("; ".join(lines))
        return lines, shown

    def notify(self, rows: list[QueueRow]) -> None:
        self._shown_rows = list(rows)
        lines, shown = self._show_banner(rows)
        self.banner.show()
        self.window.statusBar().showMessage(lines[0], 15000)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(_tray_icon(), self)
                self.tray.setToolTip(self.tr("Service Console — complaints"))
                self.tray.messageClicked.connect(lambda: self.show_queue(Queue.DUE_SOON))
            self.tray.show()
            self.tray.showMessage(
                self.tr("Complaint reply due"),
                "\n".join(shown),
                QSystemTrayIcon.MessageIcon.Warning,
                15000,
            )
        self.notified.emit(rows)

"""Team mode on screen: whether the console server answers, and the admins' list of
enrolled consoles.

:class:`ServerWatch` turns what :class:`~console.services.team.ServerLink` notices
(on whichever thread a call ran) into the banner at the top of the window and the badge
on the status bar, at once; while the server is away it asks again every few seconds by
itself, and while it is there it asks now and then when nobody else does, so a quiet
console still notices. Nothing on screen is cleared: a form keeps what was typed, and a
save is refused with the reason.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.team import ServerLink
from console.ui import theme
from console.ui.i18n import error_text, format_datetime
from console.ui.tasks import Tasks
from console.ui.widgets import Retranslating

#: While the server is away: ask again this often (ms).
RETRY_MS = 3000
#: While it is there and the console is quiet: make sure now and then (ms).
HEARTBEAT_MS = 15000


class ServerBanner(Retranslating, QFrame):
    """Across the top of the window while the console server does not answer."""

    retry = Signal()

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.setObjectName("serverBanner")
        self.text = QLabel()
        self.text.setObjectName("serverBannerText")
        self.text.setWordWrap(True)
        theme.set_role(self.text, note="warning")
        self.button = QPushButton()
        self.button.setObjectName("serverRetryButton")
        self.button.clicked.connect(self.retry.emit)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("The console server does not answer"))
        self.text.setText(
            self.tr(
                "The console server ({url}) does not answer. What is on screen stays, but "
                "nothing can be saved until it is back. Trying again by itself…"
            ).format(url=self.url)
        )
        self.text.setAccessibleName(self.tr("Console server status"))
        self.button.setText(self.tr("Try &again now"))
        self.button.setAccessibleName(self.tr("Try to reach the console server again now"))


class ServerBadge(Retranslating, QLabel):
    """On the status bar: team mode, and whether the server answers."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.up = True
        self.setObjectName("serverBadge")
        self.retranslate()

    def show_state(self, up: bool) -> None:
        self.up = up
        self.retranslate()

    def retranslate(self) -> None:
        if self.up:
            self.setText(self.tr("Team · server connected"))
            theme.set_role(self, role="muted")
        else:
            self.setText(self.tr("Team · server lost"))
            theme.set_role(self, role="error")
        self.setToolTip(self.url)
        self.setAccessibleName(self.text())


class ServerWatch(QObject):
    """Shows what the link notices and tries again by itself."""

    #: From any thread (the link's listeners): queued onto the window's thread.
    state_changed = Signal(bool)
    session_lost = Signal()
    #: The server answers again after it was lost (reload what is on screen).
    back = Signal()
    #: It stopped answering.
    lost = Signal()

    def __init__(
        self,
        link: ServerLink,
        banner: ServerBanner,
        badge: ServerBadge,
        *,
        retry_ms: int = RETRY_MS,
        heartbeat_ms: int = HEARTBEAT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.link = link
        self.banner = banner
        self.badge = badge
        self.tasks = Tasks()
        self._probing = False
        self.retry_ms, self.heartbeat_ms = retry_ms, heartbeat_ms
        self.timer = QTimer(self)
        self.timer.setObjectName("serverProbeTimer")
        self.timer.timeout.connect(self.probe)
        link.on_state.append(self.state_changed.emit)
        link.on_session_lost.append(self.session_lost.emit)
        self.state_changed.connect(self._show)
        banner.retry.connect(self.probe)

    def start(self) -> None:
        self._show(self.link.up)

    def stop(self) -> None:
        self.timer.stop()
        self.tasks.cancel_all()

    def _show(self, up: bool) -> None:
        was_lost = self.banner.isVisible()
        self.banner.setVisible(not up)
        self.badge.show_state(up)
        self.timer.start(self.heartbeat_ms if up else self.retry_ms)
        if up and was_lost:
            self.back.emit()
        elif not up and not was_lost:
            self.lost.emit()

    def probe(self) -> None:
        """Ask the server now (on a worker thread; one question at a time)."""
        if self._probing:
            return
        self._probing = True

        async def ask() -> None:
            try:
                await asyncio.to_thread(self.link.probe)
            finally:
                self._probing = False

        self.tasks.start(ask(), name="probe-server")


def _when(text: Any) -> str:
    if not isinstance(text, str) or not text:
        return ""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # this computer's zone, as the rest of the window
    return format_datetime(moment)


class ConsolesWindow(Retranslating, QWidget):
    """The team's enrolled consoles (admins): when and by whom each was enrolled, and
    revoking one — its token stops working at once and whoever is signed in there is
    signed out."""

    def __init__(self, link: ServerLink, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.link = link
        self.tasks = Tasks(on_error=self._show_error)
        self.setObjectName("consolesWindow")
        self.resize(720, 380)
        self.consoles: list[dict[str, Any]] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("consolesTable")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.revoke_button = QPushButton()
        self.revoke_button.setObjectName("revokeConsoleButton")
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshConsolesButton")
        self.refresh_button.clicked.connect(self.load)
        self.message = QLabel()
        self.message.setObjectName("consolesMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.confirm: QMessageBox | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Consoles"))
        self.setAccessibleName(self.tr("Enrolled consoles"))
        self.table.setAccessibleName(self.tr("Enrolled consoles"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Console"), self.tr("Enrolled"), self.tr("Enrolled by"), self.tr("State")]
        )
        self.revoke_button.setText(self.tr("&Revoke…"))
        self.revoke_button.setAccessibleName(self.tr("Revoke the selected console"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the list of consoles"))
        self.message.setAccessibleName(self.tr("Message"))
        self._fill()

    def _state(self, console: dict[str, Any]) -> str:
        if console.get("active"):
            return self.tr("in use")
        return self.tr("revoked {when} by {who}").format(
            when=_when(console.get("revoked_at")), who=console.get("revoked_by") or ""
        )

    def _fill(self) -> None:
        self.table.setRowCount(len(self.consoles))
        for row, console in enumerate(self.consoles):
            values = [
                str(console.get("name", "")),
                _when(console.get("enrolled_at")),
                str(console.get("enrolled_by") or ""),
                self._state(console),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _show_error(self, exc: BaseException) -> None:
        theme.set_role(self.message, role="error")
        self.message.setText(error_text(exc))

    def load(self) -> None:
        self.tasks.start(self._load(), name="load-consoles")

    async def _load(self) -> None:
        self.consoles = await asyncio.to_thread(self.link.consoles)
        self._fill()
        if self.consoles and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.consoles[row] if 0 <= row < len(self.consoles) else None

    def revoke_selected(self) -> None:
        console = self.selected()
        if console is None or not console.get("active"):
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Revoke console"),
            self.tr(
                "Revoke “{name}”? It stops working at once and whoever is signed in there is "
                "signed out. To use it again, enrol it with a new code."
            ).format(name=console.get("name", "")),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("revokeConsoleBox")
        revoke = box.addButton(self.tr("Revoke"), QMessageBox.ButtonRole.DestructiveRole)
        revoke.setObjectName("confirmRevokeButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is revoke:
                self.tasks.start(self._revoke(int(console["id"])), name="revoke-console")

        box.finished.connect(lambda _result: answered())
        self.confirm = box
        box.open()

    async def _revoke(self, console_id: int) -> None:
        done = await asyncio.to_thread(self.link.revoke, console_id)
        theme.set_role(self.message, role="")
        self.message.setText(self.tr("Revoked “{name}”.").format(name=done.get("name", "")))
        await self._load()

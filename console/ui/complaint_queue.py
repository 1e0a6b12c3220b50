"""Complaint queues (my open ones, due soon, overdue promises, follow-ups due today) and
the complaint view with its history and the actions its status allows.

Each queue is a lazy table (:class:`~console.ui.paged_model.PagedTableModel`: the first
page at once, more as the view scrolls), sorted by the service (:class:`QueueSort`; click a
column header), with a countdown to the promise or follow-up that ticks every 30 s. Enter
(or a double-click) opens the complaint.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.complaint import (
    SATISFACTION_MAX,
    SATISFACTION_MIN,
    Action,
    PromiseState,
    QuickDue,
    Status,
    TransitionRefused,
    allowed_actions,
    countdown,
    quick_due,
)
from console.domain.customer import format_money
from console.services.complaints import (
    ComplaintDetail,
    ComplaintService,
    PermissionRefused,
    Queue,
    QueueRow,
    QueueSort,
)
from console.ui.complaint_form import (
    CAUSE_LABELS,
    CHANNEL_LABELS,
    RESPONSIBILITY_LABELS,
    WANT_LABELS,
    describe_due,
    from_local_naive,
    qdatetime,
    to_local_naive,
    zone_of,
)
from console.ui.paged_model import PagedTableModel
from console.ui.tasks import Tasks
from console.ui.widgets import async_slot, message_label, name_widget, set_message

log = logging.getLogger(__name__)

QUEUES: tuple[tuple[Queue, str], ...] = (
    (Queue.MINE_OPEN, "My open"),
    (Queue.DUE_SOON, "Due soon"),
    (Queue.OVERDUE, "Overdue promises"),
    (Queue.FOLLOW_UPS_TODAY, "Follow-ups today"),
)
STATUS_LABELS = {
    Status.NEW: "New",
    Status.IN_PROGRESS: "In progress",
    Status.RESOLVED: "Resolved",
    Status.FOLLOWED_UP: "Followed up",
    Status.CLOSED: "Closed",
    Status.VOIDED: "Voided",
}
ACTION_LABELS = {
    Action.START: "&Start",
    Action.RESOLVE: "&Resolve",
    Action.FOLLOW_UP: "Record &follow-up",
    Action.CLOSE: "C&lose",
    Action.REOPEN: "Re&open",
    Action.VOID: "&Void…",
}
OVERDUE_COLOUR = "#b3261e"
DUE_SOON_COLOUR = "#a15c00"
TICK_MS = 30_000

#: Header column → service sort (other columns are not sortable).
SORT_COLUMNS = {0: QueueSort.DUE, 1: QueueSort.CUSTOMER, 2: QueueSort.STATUS, 3: QueueSort.RECEIVED}


def due_of(row: QueueRow) -> tuple[str, dt.datetime | None]:
    """What the countdown counts to: the promise while open, else the follow-up call."""
    if row.status.is_open:
        return "reply", row.promise_due
    if row.status is Status.RESOLVED:
        return "follow-up", row.follow_up_due
    return "", None


def due_text(row: QueueRow, now: dt.datetime) -> str:
    what, due = due_of(row)
    if due is None:
        return "—"
    text = countdown(due, now)
    return text if what == "reply" else f"follow-up {text}"


class QueueModel(PagedTableModel[QueueRow]):
    """One queue, loaded page by page, sorted by the service."""

    def __init__(
        self,
        service: ComplaintService,
        queue: Queue,
        tasks: Tasks,
        page_size: int = 50,
        parent: Any = None,
    ) -> None:
        self.service = service
        self.queue = queue
        self.sort_key = QueueSort.DUE
        self._now = service.now()
        columns: list[tuple[str, Callable[[QueueRow], str]]] = [
            ("Due", lambda r: due_text(r, self._now)),
            ("Who", lambda r: r.who),
            ("Status", lambda r: STATUS_LABELS.get(r.status, r.status.value)),
            ("Received", lambda r: f"{r.received_at.astimezone(self._now.tzinfo):%d %b %H:%M}"),
            ("Channel", lambda r: CHANNEL_LABELS.get(r.channel, r.channel.value)),
            ("Store", lambda r: r.store),
            ("Agent", lambda r: r.agent),
            ("What happened", lambda r: r.summary),
        ]
        super().__init__(columns, tasks, page_size=page_size, parent=parent)
        self._tasks_ref = tasks
        self._page_size = page_size

    async def load(self) -> None:
        """(Re)load the first page and the total with the current sort."""
        self._now = self.service.now()
        service, queue, sort = self.service, self.queue, self.sort_key
        total = await service.count(queue)
        first = await service.queue(queue, 0, self._page_size, sort)
        self.reset(
            first,
            total,
            lambda offset, limit: service.queue(queue, offset, limit, sort),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_COLUMNS.get(column)
        if key is None or key is self.sort_key:
            return
        self.sort_key = key
        self._tasks_ref.start(self.load(), name=f"queue-{self.queue.value}")

    def tick(self) -> None:
        """Move the countdowns on (no reload)."""
        self._now = self.service.now()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, 0),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 0:
            row = self.row_item(index.row())
            if row is None:
                return None
            _what, due = due_of(row)
            if due is None:
                return None
            if due < self._now:
                return QColor(OVERDUE_COLOUR)
            if row.promise is PromiseState.DUE_SOON or due - self._now <= dt.timedelta(minutes=30):
                return QColor(DUE_SOON_COLOUR)
            return None
        if role == Qt.ItemDataRole.UserRole and index.isValid():
            row = self.row_item(index.row())
            return None if row is None else row.id
        return super().data(index, role)


class ComplaintQueue(QWidget):
    """The four queues as tabs; ``openComplaint(int)`` when one is activated."""

    openComplaint = Signal(int)
    loaded = Signal()

    def __init__(
        self, service: ComplaintService, tasks: Tasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaintQueue")
        self.setAccessibleName("Complaint queues")
        self.setWindowTitle("Complaints — Service Console")
        self.service = service
        self.tasks = tasks
        self.tabs = QTabWidget()
        name_widget(self.tabs, "queueTabs", "Queues")
        self.models: dict[Queue, QueueModel] = {}
        self.views: dict[Queue, QTableView] = {}
        for queue, title in QUEUES:
            model = QueueModel(service, queue, tasks, parent=self)
            view = QTableView()
            name_widget(view, f"queue_{queue.value}", title)
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setAlternatingRowColors(True)
            view.setWordWrap(False)
            view.verticalHeader().setVisible(False)
            header = view.horizontalHeader()
            header.setSortIndicatorShown(True)
            header.setSectionsClickable(True)
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
            header.sectionClicked.connect(lambda column, m=model: m.sort(column))
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            view.activated.connect(self._activated)
            self.models[queue] = model
            self.views[queue] = view
            self.tabs.addTab(view, title)
        self.hint = QLabel(
            "Enter opens the complaint · click a column title to sort · F5 refreshes · "
            "Ctrl+Tab next queue"
        )
        self.hint.setObjectName("queueHint")
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.refresh_button = QPushButton("Refresh (F5)")
        name_widget(self.refresh_button, "refreshQueuesButton", "Refresh the queues")
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start()
        self.resize(1000, 560)

    def refresh(self) -> None:
        self.tasks.start(self.load(), name="complaint-queues")

    async def load(self) -> None:
        for position, (queue, title) in enumerate(QUEUES):
            model = self.models[queue]
            await model.load()
            self.tabs.setTabText(position, f"{title} ({model.total:,})")
        for view in self.views.values():
            if not view.currentIndex().isValid() and view.model().rowCount():
                view.setCurrentIndex(view.model().index(0, 0))
        self.loaded.emit()

    def tick(self) -> None:
        for model in self.models.values():
            model.tick()

    def show_queue(self, queue: Queue) -> None:
        self.tabs.setCurrentWidget(self.views[queue])
        self.views[queue].setFocus(Qt.FocusReason.OtherFocusReason)

    def _activated(self, index: QModelIndex) -> None:
        complaint_id = index.data(Qt.ItemDataRole.UserRole)
        if complaint_id is not None:
            self.openComplaint.emit(int(complaint_id))


# --- one complaint ------------------------------------------------------------------------


def _when(moment: dt.datetime | None, zone: Any) -> str:
    return "—" if moment is None else f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def detail_html(detail: ComplaintDetail, now: dt.datetime) -> str:
    """The complaint, its status history, promise history and follow-ups, as rich text."""
    c = detail.complaint
    zone = now.tzinfo
    e = html.escape

    def row(label: str, value: str) -> str:
        return (
            f"<tr><td style='color:#555; padding-right:12px'>{e(label)}</td><td>{value}</td></tr>"
        )

    promise = "—"
    if c.promise_due is not None:
        promise = e(f"{_when(c.promise_due, zone)} ({countdown(c.promise_due, now)})")
        if c.promise_due < now and c.status.is_open:
            promise = f"<b style='color:{OVERDUE_COLOUR}'>{promise}</b>"
    compensation = "—"
    if c.compensation is not None:
        compensation = e(c.compensation.kind)
        if c.compensation.amount_minor is not None:
            compensation += " " + e(
                format_money(c.compensation.amount_minor, c.compensation.currency)
            )
    rows = [
        row(
            "Who",
            e(detail.customer_name or c.who)
            + (f" · {e(c.caller_contact)}" if c.caller_contact else ""),
        ),
        row("Status", f"<b>{e(STATUS_LABELS.get(c.status, c.status.value))}</b>"),
        row(
            "Channel · store · agent",
            e(f"{CHANNEL_LABELS.get(c.channel, c.channel.value)} · {c.store} · {c.agent}"),
        ),
        row("Received", e(_when(c.received_at, zone))),
        row("We will reply by", promise),
        row("1 What happened", e(c.customer_words).replace("\n", "<br>")),
        row(
            "2 Our understanding",
            e(c.understanding)
            + (" <i>(confirmed)</i>" if c.confirmed else " <i>(not confirmed)</i>"),
        ),
        row("3 Emotion", e(c.emotion.value)),
        row("4 Apology", e(c.apology) or "—"),
        row(
            "5 Wants",
            e(WANT_LABELS.get(c.wants, c.wants.value) if c.wants else "—")
            + (f" — {e(c.wants_note)}" if c.wants_note else ""),
        ),
        row(
            "6 Options",
            e("; ".join(c.options_offered) or "—")
            + (f" → <b>{e(c.option_chosen)}</b>" if c.option_chosen else ""),
        ),
        row("Compensation", compensation),
        row(
            "7 Cause",
            e(CAUSE_LABELS.get(c.cause, c.cause.value) if c.cause else "—")
            + (f" / {e(c.sub_cause)}" if c.sub_cause else "")
            + (
                f" · responsibility: {e(RESPONSIBILITY_LABELS.get(c.responsibility, ''))}"
                if c.responsibility
                else ""
            ),
        ),
    ]
    if c.wording_that_went_wrong:
        rows.append(row("Wording that went wrong", e(c.wording_that_went_wrong)))
    rows.append(row("Reply", e(c.reply) or "—"))
    if c.follow_up_due is not None:
        rows.append(row("Follow-up due", e(_when(c.follow_up_due, zone))))
    if c.void_reason:
        rows.append(row("Voided because", e(c.void_reason)))
    parts = [f"<table cellspacing='2'>{''.join(rows)}</table>"]

    parts.append("<h4>History</h4><ul>")
    for change in detail.history:
        before = STATUS_LABELS.get(change.before, "") if change.before else ""
        after = STATUS_LABELS.get(change.after, change.after.value)
        what = f"{before} → {after}" if before else f"Logged as {after}"
        note = f" — {e(change.note)}" if change.note else ""
        parts.append(f"<li>{e(_when(change.at, zone))} · {e(change.by)}: {e(what)}{note}</li>")
    parts.append("</ul><h4>Promises</h4><ul>")
    if not detail.promises:
        parts.append("<li>No promise (solved on the spot)</li>")
    for p in detail.promises:
        if p.previous_due is None:
            what = f"Promised a reply by {_when(p.due, zone)}"
        else:
            what = f"Extended to {_when(p.due, zone)} (was {_when(p.previous_due, zone)})"
        note = f" — {e(p.note)}" if p.note else ""
        parts.append(f"<li>{e(_when(p.at, zone))} · {e(p.by)}: {e(what)}{note}</li>")
    parts.append("</ul>")
    if detail.follow_ups:
        parts.append("<h4>Follow-ups</h4><ul>")
        for f in detail.follow_ups:
            mood = " (dissatisfied)" if f.dissatisfied else ""
            note = f" — {e(f.note)}" if f.note else ""
            parts.append(
                f"<li>{e(_when(f.at, zone))} · {e(f.by)}: satisfaction {f.satisfaction}/5"
                f"{mood}{note}</li>"
            )
        parts.append("</ul>")
    return "".join(parts)


class ComplaintView(QDialog):
    """One complaint: details, history, and the actions its status allows.

    ``changed(int)`` after every successful action (queues and the profile refresh).
    Load it with ``await view.load()`` (or :meth:`reload`).
    """

    changed = Signal(int)
    loadedDetail = Signal()

    def __init__(
        self, service: ComplaintService, complaint_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaintView")
        self.setAccessibleName(f"Complaint #{complaint_id}")
        self.setWindowTitle(f"Complaint #{complaint_id}")
        self.service = service
        self.complaint_id = complaint_id
        self.detail: ComplaintDetail | None = None
        self.tasks = Tasks(on_error=self._failed)
        self._busy = False
        self.zone = zone_of(service.now())

        self.text = QTextBrowser()
        name_widget(self.text, "complaintDetail", "Complaint details and history")
        self.text.setOpenLinks(False)

        self.note = QLineEdit()
        name_widget(self.note, "actionNote", "Note for the action (required to void or extend)")
        self.note.setPlaceholderText("Note: why, what was agreed, what the customer said…")
        self.satisfaction = QSpinBox()
        name_widget(self.satisfaction, "satisfaction", "Satisfaction at follow-up, 1 to 5")
        self.satisfaction.setRange(SATISFACTION_MIN, SATISFACTION_MAX)
        self.satisfaction.setValue(4)
        self.satisfaction.setSuffix(" / 5")
        self.new_due = QDateTimeEdit()
        name_widget(self.new_due, "newDue", "New reply time")
        self.new_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.new_due.setCalendarPopup(True)
        self.extend_button = QPushButton("E&xtend promise")
        name_widget(self.extend_button, "extendPromiseButton", "Extend the promise (needs a note)")
        self.extend_button.setAutoDefault(False)
        self.extend_button.clicked.connect(self._extend_clicked)

        self.buttons: dict[Action, QPushButton] = {}
        actions = QHBoxLayout()
        for action, text in ACTION_LABELS.items():
            button = QPushButton(text)
            name_widget(button, f"action_{action.value}", text.replace("&", "").rstrip("…"))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=action: self._act_clicked(a))
            self.buttons[action] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.close_button = QPushButton("Close window")
        name_widget(self.close_button, "closeComplaintView", "Close this window")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        actions.addWidget(self.close_button)

        inputs = QFormLayout()
        note_label = QLabel("&Note:")
        note_label.setBuddy(self.note)
        inputs.addRow(note_label, self.note)
        self._satisfaction_label = QLabel("Sat&isfaction:")
        self._satisfaction_label.setBuddy(self.satisfaction)
        inputs.addRow(self._satisfaction_label, self.satisfaction)
        extend = QHBoxLayout()
        extend.addWidget(self.new_due, 1)
        extend.addWidget(self.extend_button)
        self._extend_label = QLabel("New reply &time:")
        self._extend_label.setBuddy(self.new_due)
        inputs.addRow(self._extend_label, extend)
        self.status = message_label("complaintViewStatus")

        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(inputs)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self.resize(760, 720)

    # --- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        self.tasks.start(self.load(), name="load")

    async def load(self) -> None:
        detail = await self.service.get(self.complaint_id)
        if detail is None:
            set_message(self.status, f"Complaint #{self.complaint_id} was not found.", error=True)
            return
        self.show_detail(detail)

    def show_detail(self, detail: ComplaintDetail) -> None:
        self.detail = detail
        now = self.service.now()
        c = detail.complaint
        self.text.setHtml(detail_html(detail, now))
        allowed = set(allowed_actions(c.status))
        for action, button in self.buttons.items():
            button.setVisible(action in allowed)
        follow_up = Action.FOLLOW_UP in allowed
        self.satisfaction.setVisible(follow_up)
        self._satisfaction_label.setVisible(follow_up)
        extendable = c.status.is_open
        for widget in (self.new_due, self.extend_button, self._extend_label):
            widget.setVisible(extendable)
        if extendable:
            base = quick_due(QuickDue.TOMORROW_10, now, self.zone)
            if c.promise_due is not None and c.promise_due >= base:
                base = c.promise_due + dt.timedelta(days=1)
            self.new_due.setDateTime(qdatetime(to_local_naive(base, self.zone)))
        who = detail.customer_name or c.who
        self.setWindowTitle(f"Complaint #{self.complaint_id} — {who}")
        self.loadedDetail.emit()

    # --- actions -----------------------------------------------------------------------

    @async_slot()
    async def _extend_clicked(self) -> None:
        value = self.new_due.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        await self.extend(from_local_naive(value.replace(second=0, microsecond=0), self.zone))

    async def extend(self, new_due: dt.datetime) -> bool:
        note = self.note.text().strip()
        if not note:
            self._refuse("Say why the promise is extended (the customer will ask).")
            return False
        return await self._run(self.service.extend_promise(self.complaint_id, new_due, note))

    def _act_clicked(self, action: Action) -> None:
        self.tasks.start(self.act(action), name="act")

    async def act(self, action: Action) -> bool:
        note = self.note.text().strip()
        if action is Action.VOID and not note:
            self._refuse("Voiding needs a reason: type it in Note.")
            return False
        if action is Action.FOLLOW_UP:
            return await self._run(
                self.service.record_follow_up(self.complaint_id, self.satisfaction.value(), note)
            )
        return await self._run(self.service.act(self.complaint_id, action, note))

    async def _run(self, operation: Any) -> bool:
        if self._busy:
            operation.close()
            return False
        self._busy = True
        set_message(self.status, "Saving…", error=False)
        try:
            await operation
        except (TransitionRefused, PermissionRefused, ValueError) as exc:
            self._refuse(str(exc))
            return False
        except Exception as exc:
            log.exception("complaint action failed")
            self._refuse(f"Could not save: {exc}")
            return False
        finally:
            self._busy = False
        self.note.clear()
        set_message(self.status, "Saved.", error=False)
        await self.load()
        self.changed.emit(self.complaint_id)
        return True

    def _refuse(self, text: str) -> None:
        set_message(self.status, text, error=True)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        set_message(self.status, f"Something went wrong: {exc}", error=True)


def promise_line(rows: list[QueueRow], now: dt.datetime) -> str:
    """One line for the profile badge: the most urgent open complaint and its promise."""
    if not rows:
        return ""
    first = min(rows, key=lambda r: r.promise_due or dt.datetime.max.replace(tzinfo=dt.UTC))
    zone = zone_of(now)
    count = "Open complaint" if len(rows) == 1 else f"{len(rows)} open complaints"
    if first.promise_due is None:
        return f"{count} — no reply time set"
    when = describe_due(first.promise_due, now, zone)
    return f"{count} — reply promised by {when} ({countdown(first.promise_due, now)})"

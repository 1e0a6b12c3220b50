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

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
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
    ComplaintChanged,
    PromiseState,
    QuickDue,
    Status,
    TransitionRefused,
    allowed_actions,
    promise_state,
    quick_due,
)
from console.domain.messages import history_note
from console.services.complaints import (
    ComplaintDetail,
    ComplaintService,
    PermissionRefused,
    Queue,
    QueueRow,
    QueueSort,
)
from console.ui import theme
from console.ui.complaint_form import (
    CAUSE_LABELS,
    CHANNEL_LABELS,
    EMOTION_LABELS,
    QT_TRANSLATE_NOOP,
    RESPONSIBILITY_LABELS,
    STATUS_LABELS,
    WANT_LABELS,
    countdown_text,
    describe_due,
    from_local_naive,
    label,
    qdatetime,
    to_local_naive,
    zone_of,
)
from console.ui.i18n import (
    error_text,
    format_datetime,
    format_money,
    format_number,
    message_text,
    show_dates,
)
from console.ui.paged_model import PagedTableModel
from console.ui.tasks import Tasks
from console.ui.widgets import (
    Retranslating,
    async_slot,
    message_label,
    set_message,
)

log = logging.getLogger(__name__)

QUEUES: tuple[tuple[Queue, str], ...] = (
    (Queue.MINE_OPEN, QT_TRANSLATE_NOOP("ComplaintLabels", "My open")),
    (Queue.DUE_SOON, QT_TRANSLATE_NOOP("ComplaintLabels", "Due soon")),
    (Queue.OVERDUE, QT_TRANSLATE_NOOP("ComplaintLabels", "Overdue promises")),
    (Queue.FOLLOW_UPS_TODAY, QT_TRANSLATE_NOOP("ComplaintLabels", "Follow-ups today")),
)
# What an empty queue says: that nothing waits, and what would appear there.
EMPTY_TEXTS: dict[Queue, str] = {
    Queue.MINE_OPEN: QT_TRANSLATE_NOOP(
        "ComplaintLabels",
        "No open complaints of yours — complaints you take on appear here until they are resolved",
    ),
    Queue.DUE_SOON: QT_TRANSLATE_NOOP(
        "ComplaintLabels",
        "Nothing due soon — open complaints whose promise falls due within 30 minutes appear here",
    ),
    Queue.OVERDUE: QT_TRANSLATE_NOOP(
        "ComplaintLabels",
        "No overdue promises — promises that pass their time without a reply appear here",
    ),
    Queue.FOLLOW_UPS_TODAY: QT_TRANSLATE_NOOP(
        "ComplaintLabels",
        "No follow-ups today — resolved complaints whose follow-up call is due today appear here",
    ),
}
ACTION_LABELS = {
    Action.START: QT_TRANSLATE_NOOP("ComplaintLabels", "&Start"),
    Action.RESOLVE: QT_TRANSLATE_NOOP("ComplaintLabels", "&Resolve"),
    Action.FOLLOW_UP: QT_TRANSLATE_NOOP("ComplaintLabels", "Record &follow-up"),
    Action.CLOSE: QT_TRANSLATE_NOOP("ComplaintLabels", "C&lose"),
    Action.REOPEN: QT_TRANSLATE_NOOP("ComplaintLabels", "Re&open"),
    Action.VOID: QT_TRANSLATE_NOOP("ComplaintLabels", "&Void…"),
}
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
    text = countdown_text(due, now)
    if what == "reply":
        return text
    return QCoreApplication.translate("ComplaintQueue", "follow-up {countdown}").format(
        countdown=text
    )


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
        # Titles come from headerData (translated); the texts are built when shown.
        columns: list[tuple[str, Callable[[QueueRow], str]]] = [
            ("due", lambda r: due_text(r, self._now)),
            ("who", lambda r: r.who),
            ("status", lambda r: label(STATUS_LABELS, r.status)),
            (
                "received",
                lambda r: format_datetime(r.received_at.astimezone(self._now.tzinfo)),
            ),
            ("channel", lambda r: label(CHANNEL_LABELS, r.channel)),
            ("store", lambda r: r.store),
            ("agent", lambda r: r.agent),
            ("summary", lambda r: r.summary),
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

    def titles(self) -> list[str]:
        return [
            self.tr("Due"),
            self.tr("Who"),
            self.tr("Status"),
            self.tr("Received"),
            self.tr("Channel"),
            self.tr("Store"),
            self.tr("Agent"),
            self.tr("What happened"),
        ]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        titles = self.titles()
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(titles)
        ):
            return titles[section]
        return super().headerData(section, orientation, role)

    def retranslate(self) -> None:
        """Show the titles and every row's texts again in the interface language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, self.columnCount() - 1),
                [Qt.ItemDataRole.DisplayRole],
            )

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
                return theme.colour("danger")
            if row.promise is PromiseState.DUE_SOON or due - self._now <= dt.timedelta(minutes=30):
                return theme.colour("warning")
            return None
        if role == Qt.ItemDataRole.UserRole and index.isValid():
            row = self.row_item(index.row())
            return None if row is None else row.id
        return super().data(index, role)


class ComplaintQueue(Retranslating, QWidget):
    """The four queues as tabs; ``openComplaint(int)`` when one is activated."""

    openComplaint = Signal(int)
    loaded = Signal()

    def __init__(
        self, service: ComplaintService, tasks: Tasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaintQueue")
        self.service = service
        self.tasks = tasks
        self.tabs = QTabWidget()
        self.tabs.setObjectName("queueTabs")
        self.models: dict[Queue, QueueModel] = {}
        self.views: dict[Queue, QTableView] = {}
        self.empty_labels: dict[Queue, QLabel] = {}
        for queue, _title in QUEUES:
            model = QueueModel(service, queue, tasks, parent=self)
            view = QTableView()
            view.setObjectName(f"queue_{queue.value}")
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
            # Over the empty table: what would appear there (shown once it has loaded).
            empty = QLabel()
            empty.setObjectName(f"emptyQueue_{queue.value}")
            empty.setProperty("role", "hint")
            empty.setWordWrap(True)
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setVisible(False)
            over = QVBoxLayout(view.viewport())
            over.setContentsMargins(24, 24, 24, 24)
            over.addWidget(empty)
            self.empty_labels[queue] = empty
            self.models[queue] = model
            self.views[queue] = view
            self.tabs.addTab(view, "")
        self.hint = QLabel()
        self.hint.setObjectName("queueHint")
        self.hint.setProperty("role", "hint")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshQueuesButton")
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
        self._loaded_once = False
        self.resize(1000, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Complaint queues"))
        self.setWindowTitle(self.tr("Complaints — Service Console"))
        self.tabs.setAccessibleName(self.tr("Queues"))
        self.hint.setText(
            self.tr(
                "Enter opens the complaint · click a column title to sort · F5 refreshes · "
                "Ctrl+Tab next queue"
            )
        )
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the queues"))
        for queue, _title in QUEUES:
            self.views[queue].setAccessibleName(self.queue_title(queue))
            self.empty_labels[queue].setText(
                QCoreApplication.translate("ComplaintLabels", EMPTY_TEXTS[queue])
            )
            self.models[queue].retranslate()
        self._show_tab_titles()

    def queue_title(self, queue: Queue) -> str:
        text = dict(QUEUES)[queue]
        return QCoreApplication.translate("ComplaintLabels", text)

    def _show_tab_titles(self) -> None:
        for position, (queue, _title) in enumerate(QUEUES):
            title = self.queue_title(queue)
            if self._loaded_once:
                total = format_number(self.models[queue].total)
                title = self.tr("{queue} ({count})").format(queue=title, count=total)
            self.tabs.setTabText(position, title)

    def refresh(self) -> None:
        self.tasks.start(self.load(), name="complaint-queues")

    async def load(self) -> None:
        for queue, _title in QUEUES:
            await self.models[queue].load()
        self._loaded_once = True
        self._show_tab_titles()
        for queue, model in self.models.items():
            self.empty_labels[queue].setVisible(model.rowCount() == 0)
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


def note_text(note: str) -> str:
    """A history note in the interface language when the service wrote it ("received",
    "promised"…); a note a person typed stays as typed."""
    said = history_note(note)
    return note if said is None else message_text(said)


def _when(moment: dt.datetime | None, zone: Any) -> str:
    """A time in the complaint's history, in the store's zone, written as every other
    screen writes a date and time in the interface language."""
    return "—" if moment is None else format_datetime(moment.astimezone(zone))


class ComplaintTexts(QObject):
    """The complaint view's rich text and the profile's promise line, in the interface
    language (a QObject so counts get their plural forms)."""

    def detail_html(self, detail: ComplaintDetail, now: dt.datetime) -> str:
        """The complaint, its status history, promise history and follow-ups, as rich text."""
        c = detail.complaint
        zone = now.tzinfo
        e = html.escape
        muted = theme.colours().muted

        def row(caption: str, value: str) -> str:
            return (
                f"<tr><td style='color:{muted}; padding-right:12px'>{e(caption)}</td>"
                f"<td>{value}</td></tr>"
            )

        promise = "—"
        answered = None if c.status.is_open else c.resolved_at
        if c.promise_due is not None and answered is not None:
            # Answered: whether the promise was kept, not a countdown that runs on.
            state = promise_state(c.promise_due, now, answered_at=answered)
            if state is PromiseState.KEPT:
                outcome = self.tr("kept — answered {when}")
            else:
                outcome = self.tr("missed — answered {when}")
            outcome = outcome.format(when=_when(answered, zone))
            promise = e(f"{_when(c.promise_due, zone)} ({outcome})")
            if state is PromiseState.MISSED:
                promise = f"<b style='color:{theme.colours().danger}'>{promise}</b>"
        elif c.promise_due is not None and not c.status.is_open:
            promise = e(_when(c.promise_due, zone))  # closed without an answer (voided)
        elif c.promise_due is not None:
            promise = e(f"{_when(c.promise_due, zone)} ({countdown_text(c.promise_due, now)})")
            if c.promise_due < now:
                promise = f"<b style='color:{theme.colours().danger}'>{promise}</b>"
        compensation = "—"
        if c.compensation is not None:
            compensation = e(c.compensation.kind)
            if c.compensation.amount_minor is not None:
                compensation += " " + e(
                    format_money(c.compensation.amount_minor, c.compensation.currency)
                )
        confirmed = self.tr("(confirmed)") if c.confirmed else self.tr("(not confirmed)")
        responsibility = ""
        if c.responsibility:
            responsibility = " · " + e(
                self.tr("responsibility: {who}").format(
                    who=label(RESPONSIBILITY_LABELS, c.responsibility)
                )
            )
        channel = label(CHANNEL_LABELS, c.channel)
        rows = [
            row(
                self.tr("Who"),
                e(detail.customer_name or c.who)
                + (f" · {e(c.caller_contact)}" if c.caller_contact else ""),
            ),
            row(self.tr("Status"), f"<b>{e(label(STATUS_LABELS, c.status))}</b>"),
            row(
                self.tr("Channel · store · agent"),
                e(f"{channel} · {c.store} · {c.agent}"),
            ),
            row(self.tr("Received"), e(_when(c.received_at, zone))),
            row(self.tr("We will reply by"), promise),
            row(self.tr("1 What happened"), e(c.customer_words).replace("\n", "<br>")),
            row(self.tr("2 Our understanding"), e(c.understanding) + f" <i>{e(confirmed)}</i>"),
            row(self.tr("3 Emotion"), e(label(EMOTION_LABELS, c.emotion))),
            row(self.tr("4 Apology"), e(c.apology) or "—"),
            row(
                self.tr("5 Wants"),
                e(label(WANT_LABELS, c.wants) if c.wants else "—")
                + (f" — {e(c.wants_note)}" if c.wants_note else ""),
            ),
            row(
                self.tr("6 Options"),
                e("; ".join(c.options_offered) or "—")
                + (f" → <b>{e(c.option_chosen)}</b>" if c.option_chosen else ""),
            ),
            row(self.tr("Compensation"), compensation),
            row(
                self.tr("7 Cause"),
                e(label(CAUSE_LABELS, c.cause) if c.cause else "—")
                + (f" / {e(c.sub_cause)}" if c.sub_cause else "")
                + responsibility,
            ),
        ]
        if c.wording_that_went_wrong:
            rows.append(row(self.tr("Wording that went wrong"), e(c.wording_that_went_wrong)))
        rows.append(row(self.tr("Reply"), e(c.reply) or "—"))
        if c.follow_up_due is not None:
            rows.append(row(self.tr("Follow-up due"), e(_when(c.follow_up_due, zone))))
        if c.void_reason:
            rows.append(row(self.tr("Voided because"), e(c.void_reason)))
        parts = [f"<table cellspacing='2'>{''.join(rows)}</table>"]

        history = self.tr("History")
        parts.append(f"<h4>{e(history)}</h4><ul>")
        for change in detail.history:
            after = label(STATUS_LABELS, change.after)
            if change.before:
                before = label(STATUS_LABELS, change.before)
                what = self.tr("{before} → {after}").format(before=before, after=after)
            else:
                what = self.tr("Logged as {status}").format(status=after)
            note = f" — {e(note_text(change.note))}" if change.note else ""
            parts.append(f"<li>{e(_when(change.at, zone))} · {e(change.by)}: {e(what)}{note}</li>")
        promises = self.tr("Promises")
        parts.append(f"</ul><h4>{e(promises)}</h4><ul>")
        if not detail.promises:
            none = self.tr("No promise (solved on the spot)")
            parts.append(f"<li>{e(none)}</li>")
        for p in detail.promises:
            if p.previous_due is None:
                what = self.tr("Promised a reply by {due}").format(due=_when(p.due, zone))
            else:
                what = self.tr("Extended to {due} (was {previous})").format(
                    due=_when(p.due, zone), previous=_when(p.previous_due, zone)
                )
            note = f" — {e(note_text(p.note))}" if p.note else ""
            parts.append(f"<li>{e(_when(p.at, zone))} · {e(p.by)}: {e(what)}{note}</li>")
        parts.append("</ul>")
        if detail.follow_ups:
            follow_ups = self.tr("Follow-ups")
            parts.append(f"<h4>{e(follow_ups)}</h4><ul>")
            for f in detail.follow_ups:
                if f.dissatisfied:
                    mood = self.tr("satisfaction {score}/5 (dissatisfied)")
                else:
                    mood = self.tr("satisfaction {score}/5")
                note = f" — {e(note_text(f.note))}" if f.note else ""
                said = e(mood.format(score=f.satisfaction))
                parts.append(f"<li>{e(_when(f.at, zone))} · {e(f.by)}: {said}{note}</li>")
            parts.append("</ul>")
        return "".join(parts)

    def promise_line(self, rows: list[QueueRow], now: dt.datetime) -> str:
        """One line for the profile badge: the most urgent open complaint and its promise."""
        if not rows:
            return ""
        first = min(rows, key=lambda r: r.promise_due or dt.datetime.max.replace(tzinfo=dt.UTC))
        zone = zone_of(now)
        count = (
            self.tr("Open complaint")
            if len(rows) == 1
            else self.tr("%n open complaints", "", len(rows))
        )
        if first.promise_due is None:
            return self.tr("{count} — no reply time set").format(count=count)
        return self.tr("{count} — reply promised by {when} ({countdown})").format(
            count=count,
            when=describe_due(first.promise_due, now, zone),
            countdown=countdown_text(first.promise_due, now),
        )


_TEXTS: list[ComplaintTexts] = []


def _texts() -> ComplaintTexts:
    if not _TEXTS:
        _TEXTS.append(ComplaintTexts())
    return _TEXTS[0]


def detail_html(detail: ComplaintDetail, now: dt.datetime) -> str:
    """The complaint, its status history, promise history and follow-ups, as rich text."""
    return _texts().detail_html(detail, now)


def promise_line(rows: list[QueueRow], now: dt.datetime) -> str:
    """One line for the profile badge: the most urgent open complaint and its promise."""
    return _texts().promise_line(rows, now)


class ComplaintView(Retranslating, QDialog):
    """One complaint: details, history, and the actions its status allows.

    ``changed(int)`` after every successful action (queues and the profile refresh).
    Load it with ``await view.load()`` (or :meth:`reload`).

    Every action is made from the version on screen: when someone else changed the
    complaint since, the action is refused with who and when, the note typed stays in
    its field (to copy or send again) and a Reload button shows their change.
    """

    changed = Signal(int)
    loadedDetail = Signal()

    def __init__(
        self, service: ComplaintService, complaint_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaintView")
        self.service = service
        self.complaint_id = complaint_id
        self.detail: ComplaintDetail | None = None
        self.tasks = Tasks(on_error=self._failed)
        self._busy = False
        self.zone = zone_of(service.now())
        self._status_text: tuple[str, bool] | None = None

        self.text = QTextBrowser()
        self.text.setObjectName("complaintDetail")
        self.text.setOpenLinks(False)

        self.note = QLineEdit()
        self.note.setObjectName("actionNote")
        self.satisfaction = QSpinBox()
        self.satisfaction.setObjectName("satisfaction")
        self.satisfaction.setRange(SATISFACTION_MIN, SATISFACTION_MAX)
        self.satisfaction.setValue(4)
        self.new_due = QDateTimeEdit()
        self.new_due.setObjectName("newDue")
        self.new_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.new_due.setCalendarPopup(True)
        self.extend_button = QPushButton()
        self.extend_button.setObjectName("extendPromiseButton")
        self.extend_button.setAutoDefault(False)
        self.extend_button.clicked.connect(self._extend_clicked)

        self.buttons: dict[Action, QPushButton] = {}
        actions = QHBoxLayout()
        for action in ACTION_LABELS:
            button = QPushButton()
            button.setObjectName(f"action_{action.value}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=action: self._act_clicked(a))
            self.buttons[action] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeComplaintView")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        actions.addWidget(self.close_button)

        inputs = QFormLayout()
        self._note_label = QLabel()
        self._note_label.setBuddy(self.note)
        inputs.addRow(self._note_label, self.note)
        self._satisfaction_label = QLabel()
        self._satisfaction_label.setBuddy(self.satisfaction)
        inputs.addRow(self._satisfaction_label, self.satisfaction)
        extend = QHBoxLayout()
        extend.addWidget(self.new_due, 1)
        extend.addWidget(self.extend_button)
        self._extend_label = QLabel()
        self._extend_label.setBuddy(self.new_due)
        inputs.addRow(self._extend_label, extend)
        self.status = message_label("complaintViewStatus")
        # Offered when someone else changed the complaint since it was loaded.
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("reloadComplaintButton")
        self.reload_button.setAutoDefault(False)
        self.reload_button.hide()
        self.reload_button.clicked.connect(self._reload_clicked)
        status = QHBoxLayout()
        status.addWidget(self.status, 1)
        status.addWidget(self.reload_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(inputs)
        layout.addLayout(status)
        layout.addLayout(actions)
        self.resize(760, 720)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface language; the note typed and the values chosen stay,
        the details are drawn again from the complaint already loaded."""
        self.text.setAccessibleName(self.tr("Complaint details and history"))
        show_dates(self.new_due)
        self.note.setAccessibleName(self.tr("Note for the action (required to void or extend)"))
        self.note.setPlaceholderText(self.tr("Note: why, what was agreed, what the customer said…"))
        self.satisfaction.setAccessibleName(self.tr("Satisfaction at follow-up, 1 to 5"))
        self.satisfaction.setSuffix(self.tr(" / 5"))
        self.new_due.setAccessibleName(self.tr("New reply time"))
        self.extend_button.setText(self.tr("E&xtend promise"))
        self.extend_button.setAccessibleName(self.tr("Extend the promise (needs a note)"))
        for action, button in self.buttons.items():
            text = label(ACTION_LABELS, action)
            button.setText(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
        self.reload_button.setText(self.tr("Relo&ad"))
        self.reload_button.setAccessibleName(
            self.tr("Reload the complaint to see the other change (your note stays)")
        )
        self.close_button.setText(self.tr("Close window"))
        self.close_button.setAccessibleName(self.tr("Close this window"))
        self._note_label.setText(self.tr("&Note:"))
        self._satisfaction_label.setText(self.tr("Sat&isfaction:"))
        self._extend_label.setText(self.tr("New reply &time:"))
        self._show_title()
        if self.detail is not None:
            self.text.setHtml(detail_html(self.detail, self.service.now()))

    def _show_title(self) -> None:
        title = self.tr("Complaint #{id}").format(id=self.complaint_id)
        self.setAccessibleName(title)
        if self.detail is not None:
            who = self.detail.customer_name or self.detail.complaint.who
            title = self.tr("Complaint #{id} — {who}").format(id=self.complaint_id, who=who)
        self.setWindowTitle(title)

    # --- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        self.tasks.start(self.load(), name="load")

    def _reload_clicked(self) -> None:
        """Show the other person's change; what was typed in Note stays as it is."""
        self.reload_button.hide()
        set_message(self.status, "", error=False)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reload()

    def _version(self) -> int | None:
        """The version on screen (None before the first load: the latest)."""
        return self.detail.complaint.version if self.detail is not None else None

    async def load(self) -> None:
        detail = await self.service.get(self.complaint_id)
        if detail is None:
            set_message(
                self.status,
                self.tr("Complaint #{id} was not found.").format(id=self.complaint_id),
                error=True,
            )
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
        self._show_title()
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
            self._refuse(self.tr("Say why the promise is extended (the customer will ask)."))
            return False
        return await self._run(
            self.service.extend_promise(self.complaint_id, new_due, note, version=self._version())
        )

    def _act_clicked(self, action: Action) -> None:
        self.tasks.start(self.act(action), name="act")

    async def act(self, action: Action) -> bool:
        note = self.note.text().strip()
        if action is Action.VOID and not note:
            self._refuse(self.tr("Voiding needs a reason: type it in Note."))
            return False
        if action is Action.FOLLOW_UP:
            return await self._run(
                self.service.record_follow_up(
                    self.complaint_id, self.satisfaction.value(), note, version=self._version()
                )
            )
        return await self._run(
            self.service.act(self.complaint_id, action, note, version=self._version())
        )

    async def _run(self, operation: Any) -> bool:
        if self._busy:
            operation.close()
            return False
        self._busy = True
        set_message(self.status, self.tr("Saving…"), error=False)
        try:
            await operation
        except ComplaintChanged as exc:
            self._changed_elsewhere(exc)
            return False
        except (TransitionRefused, PermissionRefused, ValueError) as exc:
            self._refuse(error_text(exc))
            return False
        except Exception as exc:
            log.exception("complaint action failed")
            self._refuse(self.tr("Could not save: {error}").format(error=error_text(exc)))
            return False
        finally:
            self._busy = False
        self.note.clear()
        self.reload_button.hide()
        set_message(self.status, self.tr("Saved."), error=False)
        await self.load()
        self.changed.emit(self.complaint_id)
        return True

    def _changed_elsewhere(self, exc: ComplaintChanged) -> None:
        who = exc.changed_by or self.tr("Someone")
        if exc.changed_at is not None:
            text = self.tr(
                "{who} changed this complaint at {when}, so your change was not saved. "
                "Reload to see what they did, then try again: your note is kept."
            ).format(who=who, when=_when(exc.changed_at, self.zone))
        else:
            text = self.tr(
                "{who} changed this complaint, so your change was not saved. "
                "Reload to see what they did, then try again: your note is kept."
            ).format(who=who)
        set_message(self.status, text, error=True)
        self.reload_button.show()
        self.reload_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refuse(self, text: str) -> None:
        set_message(self.status, text, error=True)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        set_message(
            self.status,
            self.tr("Something went wrong: {error}").format(error=error_text(exc)),
            error=True,
        )

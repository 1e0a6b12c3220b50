"""Phone screen-pop: queued call cards, who-is-calling, new callers and the call-back list.

:class:`CallDesk` is a dock on the main window. Each call event for this console arrives
through :meth:`CallDesk.handle_update` (on the GUI thread, from
:class:`console.services.calls.CallEvents`). An inbound ``newCall`` becomes a card in the
queue; when no other live call is being looked at, it is picked at once and *popped*:
the caller's profile opens in the window (greeting, badges, last visit and purchase)
and the window is raised — without ``activateWindow`` or any ``setFocus``, so a half-typed
sentence keeps the keyboard. Several simultaneous calls queue as cards; the agent picks
one (↑/↓, Enter). Several customers sharing the number: a short chooser. An unknown
number: "New caller" with a one-click "Create profile" prefilled with the number, and a
search to attach the number to an existing customer. Missed calls from known customers
go to the "Call back" tab. Every call is on the customer's timeline (a "Calls" tab in
the profile's history).

Complaints (issue 4) are not part of this module: ``complaint_requested(customer_id,
call_id)`` is emitted by Ctrl+Shift+C or the card's button, for the complaint form to
connect to; ``complaint_lines`` may supply the open complaints and their promises shown
on the pop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.calls import (
    WITHHELD,
    Call,
    CallState,
    Direction,
    EventKind,
    MatchKind,
)
from console.domain.clock import Clock
from console.domain.phones import format_phone
from console.domain.profile import Badge, BadgeKind
from console.domain.search_text import SearchHit
from console.services.calls import Brief, CallBack, CallService, CallUpdate
from console.services.customers import (
    CustomerService,
    DuplicateFound,
    Profile,
    ValidationFailed,
)
from console.ui import theme
from console.ui.customer_profile import FlowLayout
from console.ui.i18n import (
    error_text,
    format_date,
    format_datetime,
    format_number,
    format_time,
    message_text,
    relative_since,
)
from console.ui.main_window import SearchBox
from console.ui.occasion_words import occasion_words
from console.ui.widgets import Retranslating

log = logging.getLogger(__name__)

CALL_ID_ROLE = Qt.ItemDataRole.UserRole
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 1
ATTACH_DEBOUNCE_MS = 150
COMPLAINT_KEYS = "Ctrl+Shift+C"
CALLS_KEYS = "Ctrl+J"

# With cards the dock keeps one width whatever it shows, so a pop never squeezes the
# profile; idle it is a slim strip (the phone link's state and Ctrl+J) that leaves the
# room to the customer.
DOCK_WIDTH = 300
STRIP_WIDTH = 150
# WCAG 2 minimum contrast for normal text.
MIN_CONTRAST = 4.5
# Calls dismissed by hand remembered, at most (a call the server sends again when the
# console reconnects must not pop again once dismissed).
DISMISSED_KEPT = 1000


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def readable_selection(palette: QPalette) -> QPalette:
    """*palette* with a selection colour its highlighted text reads on (≥ 4.5:1): the
    system's own when it passes, else made darker (light text) or lighter (dark text)."""
    result = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = result.color(group, QPalette.ColorRole.HighlightedText)
        highlight = result.color(group, QPalette.ColorRole.Highlight)
        light_text = relative_luminance(text) > 0.5
        for _ in range(40):
            if contrast_ratio(text, highlight) >= MIN_CONTRAST:
                break
            highlight = highlight.darker(110) if light_text else highlight.lighter(108)
        result.setColor(group, QPalette.ColorRole.Highlight, highlight)
    return result


# A call state's colour: the theme's named colour (the state is always written too).
STATE_COLOURS = {
    CallState.RINGING: "call_ringing",
    CallState.ANSWERED: "call_answered",
    CallState.ENDED: "call_ended",
    CallState.MISSED: "danger",
}


# How a call's state, direction and match read in the interface language.
STATE_LABELS = {
    CallState.RINGING: QT_TRANSLATE_NOOP("CallLabels", "ringing"),
    CallState.ANSWERED: QT_TRANSLATE_NOOP("CallLabels", "answered"),
    CallState.ENDED: QT_TRANSLATE_NOOP("CallLabels", "ended"),
    CallState.MISSED: QT_TRANSLATE_NOOP("CallLabels", "missed"),
}
DIRECTION_LABELS = {
    Direction.IN: QT_TRANSLATE_NOOP("CallLabels", "incoming"),
    Direction.OUT: QT_TRANSLATE_NOOP("CallLabels", "outgoing"),
}
MATCH_LABELS = {
    MatchKind.EXACT: QT_TRANSLATE_NOOP("CallLabels", "exact match"),
    MatchKind.PROBABLE: QT_TRANSLATE_NOOP("CallLabels", "probable match"),
    MatchKind.NONE: QT_TRANSLATE_NOOP("CallLabels", "no match"),
}
# Badges whose wording does not depend on the customer's data (the others, such as
# "Birthday in 3 days" or an occasion's own name, are shown as the profile builds them).
BADGE_LABELS = {
    BadgeKind.OPEN_COMPLAINT: QT_TRANSLATE_NOOP("CallLabels", "Open complaint"),
    BadgeKind.BIRTHDAY_TODAY: QT_TRANSLATE_NOOP("CallLabels", "Birthday today"),
    BadgeKind.REWARD: QT_TRANSLATE_NOOP("CallLabels", "Reward available — tell them"),
    BadgeKind.FIRST_VISIT: QT_TRANSLATE_NOOP("CallLabels", "First visit"),
    BadgeKind.AVOID: QT_TRANSLATE_NOOP("CallLabels", "Topics to avoid"),
}
TIER_BADGES = {
    "VIP": QT_TRANSLATE_NOOP("CallLabels", "VIP"),
    "Gold": QT_TRANSLATE_NOOP("CallLabels", "Gold"),
}


def state_label(state: CallState) -> str:
    return QCoreApplication.translate("CallLabels", str(STATE_LABELS[state]))


def direction_label(direction: Direction) -> str:
    return QCoreApplication.translate("CallLabels", str(DIRECTION_LABELS[direction]))


def match_label(match: MatchKind) -> str:
    return QCoreApplication.translate("CallLabels", str(MATCH_LABELS[match]))


def badge_label(badge: Badge) -> str:
    if badge.kind in BADGE_LABELS:
        return QCoreApplication.translate("CallLabels", str(BADGE_LABELS[badge.kind]))
    if badge.kind is BadgeKind.VIP and badge.text in TIER_BADGES:
        return QCoreApplication.translate("CallLabels", str(TIER_BADGES[badge.text]))
    return badge.text


def brief_name(brief: Brief | None) -> str:
    if brief is None:
        return ""
    if brief.preferred_name and brief.preferred_name != brief.name:
        return f"{brief.name} ({brief.preferred_name})"
    return brief.name


class CallWords(QObject):
    """Durations, states and numbers of calls in the interface language (with plurals:
    lupdate marks ``self.tr(..., n)`` as numerus only in a QObject subclass)."""

    def duration(self, value: dt.timedelta | None) -> str:
        """2 min 05 s / 2分05秒; 1 h 02 min; 45 s."""
        if value is None:
            return ""
        seconds = max(int(value.total_seconds()), 0)
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        if hours:
            return (
                self.tr("%1 h %2 min")
                .replace("%1", format_number(hours))
                .replace("%2", f"{minutes:02d}")
            )
        if minutes:
            return (
                self.tr("%1 min %2 s")
                .replace("%1", format_number(minutes))
                .replace("%2", f"{secs:02d}")
            )
        return self.tr("%1 s").replace("%1", format_number(secs))

    def missed(self, started: dt.datetime, now: dt.datetime) -> str:
        """missed just now / missed 3 min ago / missed at 14:05 / missed 27 Nov 2026 14:05."""
        minutes = int((now - started).total_seconds() // 60)
        if minutes < 1:
            return self.tr("missed just now")
        if minutes < 60:
            return self.tr("missed %n min ago", "", minutes)
        if started.date() == now.date():
            return self.tr("missed at %1").replace("%1", format_time(started))
        return self.tr("missed %1").replace("%1", format_datetime(started))

    def state(self, call: Call, now: dt.datetime) -> str:
        if call.state is CallState.RINGING:
            return self.tr("ringing %1").replace("%1", self.duration(now - call.started_at))
        if call.state is CallState.ANSWERED:
            since = self.duration(now - (call.answered_at or call.started_at))
            if call.answered_by:
                return (
                    self.tr("talking %1 · %2").replace("%1", since).replace("%2", call.answered_by)
                )
            return self.tr("talking %1").replace("%1", since)
        if call.state is CallState.MISSED:
            return self.missed(call.started_at, now)
        return self.tr("ended · %1").replace("%1", self.duration(call.duration or dt.timedelta(0)))

    def number(self, call: Call) -> str:
        if call.number:
            return format_phone(call.number)
        if call.other_party.strip().lower() in WITHHELD:
            return self.tr("Withheld number")
        return call.other_party

    def last_visit(self, brief: Brief) -> str:
        if not brief.last_visit:
            return self.tr("no visits yet")
        day = dt.datetime.fromisoformat(brief.last_visit).date()
        return self.tr("last visit %1").replace("%1", format_date(day))

    def visits(self, count: int) -> str:
        return self.tr("%n visit(s)", "", count)


_WORDS: list[CallWords] = []


def words() -> CallWords:
    if not _WORDS:
        _WORDS.append(CallWords())
    return _WORDS[0]


def number_text(call: Call) -> str:
    return words().number(call)


def state_text(call: Call, now: dt.datetime) -> str:
    return words().state(call, now)


class CallCard(Retranslating, QFrame):
    """One queued call: who (or the number), how sure, and how it is going."""

    def __init__(self, call: Call, title: str, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self.clock = clock
        self.title_text = title
        self.selected = False
        self.setObjectName("callCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("callCardTitle")
        self.detail = QLabel()
        self.detail.setObjectName("callCardDetail")
        self.state = QLabel()
        self.state.setObjectName("callCardState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.state)
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh(self.clock.local_naive())

    def set_call(self, call: Call, title: str | None = None) -> None:
        self.call = call
        if title is not None:
            self.title_text = title
        self.refresh(self.clock.local_naive())

    def set_selected(self, selected: bool) -> None:
        """Draw the card for the selection colour (its highlighted text) or the base."""
        self.selected = selected
        self.refresh(self.clock.local_naive())

    def text_colours(self) -> dict[str, QColor]:
        """The colour of each line as drawn now (the state's is its own on the base)."""
        palette = self.palette()
        if self.selected:
            text = palette.color(QPalette.ColorRole.HighlightedText)
            return {"title": text, "detail": text, "state": text}
        return {
            "title": palette.color(QPalette.ColorRole.Text),
            "detail": theme.colour("muted"),
            "state": theme.colour(STATE_COLOURS[self.call.state]),
        }

    def refresh(self, now: dt.datetime) -> None:
        call = self.call
        colours = self.text_colours()
        arrow = "☎ ←" if call.direction is Direction.IN else "☎ →"
        probable = (
            f" · {match_label(MatchKind.PROBABLE)}" if call.match is MatchKind.PROBABLE else ""
        )
        self.title.setText(html.escape(f"{arrow} {self.title_text}"))
        self.title.setStyleSheet(
            f"font-weight: 600; font-size: 14px; color: {colours['title'].name()};"
        )
        self.detail.setText(html.escape(f"{number_text(call)}{probable}"))
        self.detail.setStyleSheet(f"color: {colours['detail'].name()};")
        colour = colours["state"].name()
        self.state.setText(
            f"<span style='color:{colour}; font-weight:600'>"
            f"{html.escape(state_text(call, now))}</span>"
        )

    def accessible_text(self) -> str:
        parts = [self.title_text, number_text(self.call)]
        if self.call.match is MatchKind.PROBABLE:
            parts.append(match_label(MatchKind.PROBABLE))
        parts.append(state_text(self.call, self.clock.local_naive()))
        return ", ".join(parts)


class CallQueue(QListWidget):
    """The queued cards; Enter picks, Delete/Escape dismisses."""

    dismissRequested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if item is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Escape):
            self.dismissRequested.emit(str(item.data(CALL_ID_ROLE)))
            return
        super().keyPressEvent(event)


class CallDesk(Retranslating, QDockWidget):
    """The "Calls" dock: queue, the picked call, and who to call back."""

    complaint_requested = Signal(int, str)  # customer id, call id — hook for complaints
    popped = Signal(str)  # call id, after its card was picked automatically
    callBacksShown = Signal(int)  # how many customers are on the call-back list
    callLinked = Signal(str, int)  # call id, customer id (chosen, created or attached)

    def __init__(
        self,
        window: Any,
        calls: CallService,
        customers: CustomerService,
        *,
        complaint_lines: Callable[[int], Awaitable[list[str]]] | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("callDesk")
        self.window_ = window
        # False while the console is locked: a call must not bring customers into view
        # for whoever stands at a locked terminal (the card still queues).
        self.may_pop: Callable[[], bool] = lambda: True
        self.calls = calls
        self.customers = customers
        self.tasks = window.tasks
        self.complaint_lines = complaint_lines
        self.complaints_available = False
        self.cards: dict[str, CallCard] = {}
        self.items: dict[str, QListWidgetItem] = {}
        self.people: dict[int, Brief] = {}
        self.current: Call | None = None
        # The call ids dismissed by hand (oldest first, at most DISMISSED_KEPT).
        self.dismissed: dict[str, None] = {}
        self._preloaded: Profile | None = None
        self.endpoint = ""
        # What is on screen, kept so that a language switch can say it again.
        self._status: tuple[str, str | int] = ("waiting", "")
        self._facts_profile: Profile | None = None
        self._complaint_texts: list[str] = []
        self._hits: list[SearchHit] = []
        self._call_backs: list[CallBack] = []
        self._timeline_calls: list[Call] | None = None  # None: not loaded yet
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )

        self.tabs = QTabWidget()
        self.tabs.setObjectName("callTabs")
        self.tabs.addTab(self._build_calls_page(), "")
        self.tabs.addTab(self._build_call_back_page(), "")
        self.body = QStackedWidget()
        self.body.setObjectName("callDeskBody")
        self.body.addWidget(self._build_strip())
        self.body.addWidget(self.tabs)
        self.setWidget(self.body)
        # Opened by hand (Ctrl+J, the strip's button) while no card is waiting.
        self._opened = False
        self._set_expanded(False)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        # The listener's state, shown again once the last card has gone.
        self._link_status: tuple[str, str | int] = self._status

        self._build_timeline()
        self._build_actions()
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._attach_debounce = QTimer(self)
        self._attach_debounce.setSingleShot(True)
        self._attach_debounce.setInterval(ATTACH_DEBOUNCE_MS)
        self._attach_debounce.timeout.connect(self._run_attach_search)
        self._attach_generation = 0
        window.profileShown.connect(self._profile_shown)
        self._show_detail(None)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface language; what is typed, picked or listed stays."""
        self.setWindowTitle(self.tr("Calls"))
        self.setAccessibleName(self.tr("Calls"))
        self.tabs.setAccessibleName(self.tr("Calls and call-backs"))
        self.tabs.setTabText(0, self.tr("Calls"))
        self.status.setAccessibleName(self.tr("Phone link status"))
        self.strip_status.setAccessibleName(self.tr("Phone link status"))
        self.strip_hint.setText(self.tr("Calls: %1").replace("%1", CALLS_KEYS))
        self.strip_button.setText(self.tr("Show calls"))
        self.strip_button.setAccessibleName(self.tr("Show the calls and call-backs"))
        self.queue.setAccessibleName(self.tr("Call queue"))
        self.detail.setAccessibleName(self.tr("The picked call"))
        self._show_status()
        # idle
        self.idle_page.setText(self.tr("Pick a call in the queue (Ctrl+J, then ↑/↓ and Enter)."))
        self.idle_page.setAccessibleName(self.tr("No call picked"))
        # known caller
        self.caller_name.setAccessibleName(self.tr("Caller"))
        self.probable_note.setText(
            self.tr("Probable match (same last digits): check the name before you use it.")
        )
        self.probable_note.setAccessibleName(self.tr("Probable match warning"))
        self.caller_greeting.setAccessibleName(self.tr("Greeting to say"))
        self.caller_facts.setAccessibleName(self.tr("About the caller"))
        self.open_button.setText(self.tr("&Open profile"))
        self.open_button.setAccessibleName(self.tr("Open the caller's profile"))
        self.complaint_button.setText(self.tr("Co&mplaint (%1)").replace("%1", COMPLAINT_KEYS))
        self.complaint_button.setAccessibleName(self.tr("Start a complaint for this caller"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss this call card"))
        self._show_state()
        # chooser
        self.chooser_title.setAccessibleName(self.tr("Who is calling"))
        self.chooser.setAccessibleName(self.tr("Customers with this number"))
        self.choose_button.setText(self.tr("&This is the caller"))
        self.choose_button.setAccessibleName(self.tr("This is the caller"))
        # new caller
        self.new_title.setAccessibleName(self.tr("New caller"))
        self.create_button.setText(self.tr("Create pro&file"))
        self.create_button.setAccessibleName(self.tr("Create a profile with this number"))
        self.attach_search.setAccessibleName(self.tr("Find a customer to attach the number to"))
        self.attach_search.setPlaceholderText(
            self.tr("…or attach the number to: name, phone, member no.")
        )
        self.attach_results.setAccessibleName(self.tr("Customers to attach the number to"))
        self.attach_button.setText(self.tr("&Attach number"))
        self.attach_button.setAccessibleName(self.tr("Attach the number to the selected customer"))
        self.new_message.setAccessibleName(self.tr("Message"))
        self._show_hits()
        # call back
        self.call_back_list.setAccessibleName(self.tr("Missed calls to return"))
        self.called_back_button.setText(self.tr("Called &back"))
        self.called_back_button.setAccessibleName(self.tr("Mark as called back"))
        self.call_back_empty.setText(self.tr("Nobody is waiting for a call back."))
        self.call_back_empty.setAccessibleName(self.tr("Call-back list status"))
        self._show_call_backs()
        # timeline in the profile's history
        self.timeline.setAccessibleName(self.tr("Calls"))
        self.timeline.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Direction"),
                self.tr("Number"),
                self.tr("Duration"),
                self.tr("Result"),
            ]
        )
        self.timeline.horizontalHeader().setAccessibleName(self.tr("Calls columns"))
        self.timeline.verticalHeader().setAccessibleName(self.tr("Calls rows"))
        self._show_timeline()
        # actions and the Phone menu
        self.complaint_action.setText(self.tr("Complaint from the &caller"))
        self.calls_action.setText(self.tr("&Calls"))
        self.phone_menu.setTitle(self.tr("P&hone"))
        self.copy_action.setText(self.tr("Copy the phone-system &URL"))
        # cards and the picked call, from what they hold
        for call_id, card in self.cards.items():
            card.set_call(card.call, self._title(card.call))
            self._update_item(call_id)
        if self.current is not None:
            self._render_detail(self.current)

    # --- building ------------------------------------------------------------------

    def _build_calls_page(self) -> QWidget:
        page = QWidget()
        self.status = QLabel()
        self.status.setObjectName("callStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        self.queue = CallQueue()
        self.queue.setObjectName("callQueue")
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.setSpacing(2)
        self.queue.setPalette(readable_selection(self.queue.palette()))
        self.queue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.queue.currentItemChanged.connect(self._current_changed)
        self.queue.activated.connect(self._queue_activated)
        self.queue.dismissRequested.connect(self.dismiss)
        self.queue.setMaximumHeight(240)

        self.detail = QStackedWidget()
        self.detail.setObjectName("callDetail")
        self.detail.addWidget(self._build_idle_page())
        self.detail.addWidget(self._build_known_page())
        self.detail.addWidget(self._build_chooser_page())
        self.detail.addWidget(self._build_new_caller_page())

        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.queue)
        layout.addWidget(self.detail, 1)
        return page

    def _build_strip(self) -> QWidget:
        """The idle dock: the phone link's state, the key that opens the calls, and a
        button for whoever prefers the mouse (it says how many wait for a call back)."""
        strip = self.strip = QWidget()
        strip.setObjectName("callStrip")
        self.strip_status = QLabel()
        self.strip_status.setObjectName("callStripStatus")
        self.strip_status.setWordWrap(True)
        self.strip_status.setProperty("role", "muted")
        self.strip_hint = QLabel()
        self.strip_hint.setObjectName("callStripHint")
        self.strip_hint.setWordWrap(True)
        self.strip_hint.setProperty("role", "hint")
        self.strip_button = self._button("callStripButton", self._open_strip)
        layout = QVBoxLayout(strip)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.strip_status)
        layout.addWidget(self.strip_hint)
        layout.addWidget(self.strip_button)
        layout.addStretch(1)
        return strip

    @property
    def expanded(self) -> bool:
        return self.body.currentWidget() is self.tabs

    def _set_expanded(self, expanded: bool) -> None:
        """The full dock at its fixed width, or the slim strip."""
        self.body.setCurrentWidget(self.tabs if expanded else self.strip)
        self.setFixedWidth(DOCK_WIDTH if expanded else STRIP_WIDTH)

    def _update_expanded(self) -> None:
        if self.cards:
            self._opened = False
        self._set_expanded(bool(self.cards) or self._opened)

    def _open_strip(self) -> None:
        self.focus_queue()
        if not self.cards and self._call_backs:
            self.tabs.setCurrentIndex(1)
            self.call_back_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A dock opened by hand folds back to the strip once the focus leaves it."""
        if not self._opened or self.cards or new is None:
            return
        if not self.isAncestorOf(new) and new.window() is self.window_:
            self._opened = False
            self._update_expanded()

    def _button(self, name: str, slot: Any) -> QPushButton:
        """A button whose text and accessible name :meth:`retranslate` sets."""
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_idle_page(self) -> QWidget:
        self.idle_page = QLabel()
        self.idle_page.setObjectName("callIdle")
        self.idle_page.setWordWrap(True)
        self.idle_page.setProperty("role", "muted")
        self.idle_page.setAlignment(Qt.AlignmentFlag.AlignTop)
        return self.idle_page

    def _build_known_page(self) -> QWidget:
        page = QWidget()
        self.known_page = page
        self.caller_name = QLabel()
        self.caller_name.setObjectName("callerName")
        self.caller_name.setWordWrap(True)
        self.caller_name.setProperty("role", "title")
        self.probable_note = QLabel()
        self.probable_note.setObjectName("probableNote")
        self.probable_note.setWordWrap(True)
        self.probable_note.setProperty("note", "warning")
        self.caller_greeting = QLabel()
        self.caller_greeting.setObjectName("callGreeting")
        self.caller_greeting.setWordWrap(True)
        self.caller_greeting.setProperty("role", "callGreeting")
        self.caller_facts = QLabel()
        self.caller_facts.setObjectName("callFacts")
        self.caller_facts.setWordWrap(True)
        self.caller_facts.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = self._button("openCallerButton", self._open_current)
        self.complaint_button = self._button("callComplaintButton", self.request_complaint)
        self.dismiss_button = self._button("dismissCallButton", self._dismiss_current)
        buttons = FlowLayout()  # wraps within the dock's fixed width
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.complaint_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caller_name)
        layout.addWidget(self.probable_note)
        layout.addWidget(self.caller_greeting)
        layout.addWidget(self.caller_facts)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _build_chooser_page(self) -> QWidget:
        page = QWidget()
        self.chooser_page = page
        self.chooser_title = QLabel()
        self.chooser_title.setObjectName("chooserTitle")
        self.chooser_title.setWordWrap(True)
        self.chooser = QListWidget()
        self.chooser.setObjectName("callerChooser")
        self.chooser.activated.connect(self._chosen)
        self.choose_button = self._button("chooseCallerButton", self._choose_current)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chooser_title)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(self.choose_button)
        return page

    def _build_new_caller_page(self) -> QWidget:
        page = QWidget()
        self.new_page = page
        self.new_title = QLabel()
        self.new_title.setObjectName("newCallerTitle")
        self.new_title.setWordWrap(True)
        self.new_title.setProperty("role", "title")
        self.create_button = self._button("createProfileButton", self.create_profile)
        self.attach_search = SearchBox()  # ↓ moves into the results, Esc clears
        self.attach_search.setObjectName("attachSearch")
        self.attach_search.textChanged.connect(self._attach_query_changed)
        self.attach_search.returnPressed.connect(self.attach_current)
        self.attach_results = QListWidget()
        self.attach_results.setObjectName("attachResults")
        self.attach_search.moveDown.connect(self.attach_results.setFocus)
        self.attach_results.activated.connect(lambda _i: self.attach_current())
        self.attach_button = self._button("attachNumberButton", self.attach_current)
        self.new_message = QLabel()
        self.new_message.setObjectName("newCallerMessage")
        self.new_message.setWordWrap(True)
        self.new_message.setProperty("role", "error")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.new_title)
        layout.addWidget(self.create_button)
        layout.addWidget(self.attach_search)
        layout.addWidget(self.attach_results, 1)
        layout.addWidget(self.attach_button)
        layout.addWidget(self.new_message)
        return page

    def _build_call_back_page(self) -> QWidget:
        page = QWidget()
        self.call_back_list = QListWidget()
        self.call_back_list.setObjectName("callBackList")
        self.call_back_list.activated.connect(self._call_back_activated)
        self.called_back_button = self._button("calledBackButton", self._called_back)
        self.call_back_empty = QLabel()
        self.call_back_empty.setObjectName("callBackEmpty")
        self.call_back_empty.setProperty("role", "muted")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.call_back_empty)
        layout.addWidget(self.call_back_list, 1)
        layout.addWidget(self.called_back_button)
        return page

    def _build_timeline(self) -> None:
        """A "Calls" tab in the profile's history: the customer's phone interactions."""
        table = QTableWidget(0, 5)
        table.setObjectName("callsTable")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setObjectName("callsTableHeader")
        table.verticalHeader().setObjectName("callsTableRowHeader")
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.timeline = table
        history = self.window_.profile.history
        self._timeline_tab = history.addTab(table, "")

    def _build_actions(self) -> None:
        window: QMainWindow = self.window_
        self.complaint_action = QAction(window)
        self.complaint_action.setObjectName("callComplaintAction")
        self.complaint_action.setShortcut(QKeySequence(COMPLAINT_KEYS))
        self.complaint_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.complaint_action.triggered.connect(self.request_complaint)
        window.addAction(self.complaint_action)
        self.calls_action = QAction(window)
        self.calls_action.setObjectName("focusCallsAction")
        self.calls_action.setShortcut(QKeySequence(CALLS_KEYS))
        self.calls_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.calls_action.triggered.connect(self.focus_queue)
        window.addAction(self.calls_action)
        view: QMenu = window.menuBar().addMenu("")
        view.setObjectName("phoneMenu")
        view.addAction(self.calls_action)
        view.addAction(self.complaint_action)
        self.phone_menu = view
        copy = QAction(window)
        copy.setObjectName("copyCtiUrlAction")
        copy.triggered.connect(self.copy_endpoint)
        view.addAction(copy)
        self.copy_action = copy

    # --- the listener's state -------------------------------------------------------

    def set_listening(self, endpoint: str, shown: str) -> None:
        self.endpoint = endpoint
        self._status = ("listening", shown)
        self._show_status()

    def set_unavailable(self, reason: str) -> None:
        """*reason* comes from the listener (or the settings) as it is."""
        self._status = ("off", reason)
        self._show_status()

    def _show_status(self) -> None:
        kind, value = self._status
        role = "muted"
        if kind != "queue":
            self.status.setToolTip("")
        if kind == "listening":
            # Staff words on the dock; the address (for whoever sets up the phone
            # system) in the tooltip.
            text = self.tr("Phone pop-ups on")
            self.status.setToolTip(self.tr("Listening for calls on %1").replace("%1", str(value)))
        elif kind == "off":
            text = self.tr("Phone link off: %1").replace("%1", str(value))
            role = "error"
        elif kind == "queue":
            text = self.tr("%n call(s) in the queue", "", int(value))
        else:
            text = self.tr("No calls yet. Waiting for the phone system…")
        self.status.setText(text)
        theme.set_role(self.status, role=role)
        self.strip_status.setText(text)
        self.strip_status.setToolTip(self.status.toolTip())
        theme.set_role(self.strip_status, role=role)

    def copy_endpoint(self) -> None:
        clipboard = QApplication.clipboard()
        if self.endpoint and clipboard is not None:
            clipboard.setText(self.endpoint)
            self.window_.statusBar().showMessage(
                self.tr("Phone-system URL copied (keep it secret)."), 5000
            )

    # --- events ---------------------------------------------------------------------

    def handle_update(self, update: CallUpdate) -> None:
        """One applied call event (GUI thread). The same update again (the console
        server sends the calls still live to a console that reconnects) changes nothing
        more: a shown call keeps its one card, a dismissed one does not pop again."""
        call = update.call
        self.people.update(update.people)
        card = self.cards.get(call.call_id)
        if card is None:
            if (
                call.call_id not in self.dismissed
                and update.created
                and update.for_me
                and update.event.kind is EventKind.NEW_CALL
                and call.direction is Direction.IN
            ):
                self._add_card(call, update)
            elif call.customer_id is not None and (
                call.state is CallState.MISSED or call.answered_at is not None
            ):
                self.refresh_call_backs()
            return
        if not update.changed:
            return
        answered_elsewhere = (
            update.event.kind is EventKind.ANSWER
            and not update.for_me
            and self.current is not None
            and self.current.call_id != call.call_id
        )
        card.set_call(call)
        self._update_item(call.call_id)
        if self.current is not None and self.current.call_id == call.call_id:
            self.current = call
            self._show_state()
        if answered_elsewhere or (
            not call.live and (self.current is None or self.current.call_id != call.call_id)
        ):
            self._remove(call.call_id)
        if call.customer_id is not None and not call.live:
            self.refresh_call_backs()

    def _title(self, call: Call) -> str:
        if call.customer_id is not None:
            name = brief_name(self.people.get(call.customer_id))
            return name or self.tr("Customer #%1").replace("%1", str(call.customer_id))
        if call.candidates:
            return self.tr("%n customer(s) share this number", "", len(call.candidates))
        return self.tr("New caller")

    def _add_card(self, call: Call, update: CallUpdate) -> None:
        card = CallCard(call, self._title(call), self.calls.clock)
        item = QListWidgetItem()
        item.setData(CALL_ID_ROLE, call.call_id)
        item.setSizeHint(card.sizeHint().expandedTo(QSize(200, 58)))
        self.queue.addItem(item)
        self.queue.setItemWidget(item, card)
        self.cards[call.call_id] = card
        self.items[call.call_id] = item
        self._update_expanded()
        self._update_item(call.call_id)
        if not self._clock.isActive():
            self._clock.start()
        self._show_queue_count()
        if self.current is None or not self.current.live:
            self._preloaded = update.profile
            try:
                self.queue.setCurrentItem(item)  # picks it: shows the detail and pops
            finally:
                self._preloaded = None
            self.pop_window()
            self.popped.emit(call.call_id)
        else:
            QApplication.alert(self.window_)

    def _update_item(self, call_id: str) -> None:
        item, card = self.items.get(call_id), self.cards.get(call_id)
        if item is not None and card is not None:
            text = card.accessible_text()
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            item.setToolTip(text)

    def _remove(self, call_id: str) -> None:
        item = self.items.pop(call_id, None)
        self.cards.pop(call_id, None)
        if item is not None:
            blocked = self.queue.blockSignals(True)  # the caller decides what is picked next
            try:
                self.queue.takeItem(self.queue.row(item))
            finally:
                self.queue.blockSignals(blocked)
        if not self.cards:
            self._clock.stop()
            if len(self.people) > 1000:  # forget the callers of a long day's cards
                self.people.clear()
        self._show_queue_count()
        self._mark_selected()
        self._update_expanded()

    def _show_queue_count(self) -> None:
        """The header counts the cards in the queue (the listener's state when none)."""
        if self._status[0] != "queue":
            self._link_status = self._status
        self._status = ("queue", len(self.cards)) if self.cards else self._link_status
        self._show_status()

    def _mark_selected(self) -> None:
        current = self.queue.currentItem()
        for call_id, card in self.cards.items():
            card.set_selected(self.items.get(call_id) is current)

    def dismiss(self, call_id: str) -> None:
        was_current = self.current is not None and self.current.call_id == call_id
        self.dismissed[call_id] = None
        while len(self.dismissed) > DISMISSED_KEPT:
            del self.dismissed[next(iter(self.dismissed))]
        self._remove(call_id)
        if was_current:
            self.current = None
            self._show_detail(None)
            nxt = self.queue.currentItem()
            if nxt is not None:
                self._pick(str(nxt.data(CALL_ID_ROLE)))

    def _dismiss_current(self) -> None:
        if self.current is not None:
            self.dismiss(self.current.call_id)

    def _tick(self) -> None:
        now = self.calls.clock.local_naive()
        for card in self.cards.values():
            if card.call.live or card.call.state is CallState.MISSED:  # "missed 3 min ago"
                card.refresh(now)

    def pop_window(self) -> None:
        """Bring the window forward without taking the keyboard from anyone."""
        window = self.window_
        if not self.may_pop():
            for top in QApplication.topLevelWidgets():
                if top.isVisible():
                    QApplication.alert(top)  # someone should sign in: a call is waiting
            return
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        if not window.isVisible():
            window.show()
        self.show()
        self.raise_()
        window.raise_()
        if not window.isActiveWindow():
            QApplication.alert(window)

    def focus_queue(self) -> None:
        self.show()
        if not self.cards:
            self._opened = True
            self._update_expanded()
        self.tabs.setCurrentIndex(0)
        self.queue.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.queue.currentItem() is None and self.queue.count():
            self.queue.setCurrentRow(0)

    # --- the picked call --------------------------------------------------------------

    def _current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        self._mark_selected()
        if item is not None:
            self._pick(str(item.data(CALL_ID_ROLE)))

    def _queue_activated(self, index: QModelIndex) -> None:
        item = self.queue.item(index.row())
        self._pick(str(item.data(CALL_ID_ROLE)))
        page = self.detail.currentWidget()
        if page is self.chooser_page:
            self.chooser.setFocus()
        elif page is self.new_page:
            self.create_button.setFocus()
        elif page is self.known_page:
            self.open_button.setFocus()

    def _pick(self, call_id: str) -> None:
        card = self.cards.get(call_id)
        if card is None:
            return
        if self.current is not None and self.current.call_id == call_id:
            return
        previous = self.current
        self.current = card.call
        if previous is not None and not previous.live and previous.call_id in self.cards:
            self._remove(previous.call_id)
        self._show_detail(card.call)
        preloaded = self._preloaded
        if card.call.customer_id is not None and preloaded is not None:
            self._show_profile(preloaded)  # loaded with the match: no second trip
        elif card.call.customer_id is not None:
            self.window_.open_customer(card.call.customer_id)
        else:
            self.window_.profile.clear()  # never greet this caller with someone else's name

    def _show_profile(self, profile: Profile) -> None:
        # Supersede any profile load in flight (the window's tasks are named "profile").
        self.tasks.start(asyncio.sleep(0), name="profile")
        self.window_.profile.show_profile(profile)
        assert profile.customer.id is not None
        self.window_.profileShown.emit(profile.customer.id)

    def _show_detail(self, call: Call | None) -> None:
        """Show *call* as newly picked: fresh inputs, then its texts."""
        self.new_message.clear()
        self._facts_profile = None
        self._complaint_texts = []
        if call is not None and call.customer_id is None and not call.candidates:
            self.attach_search.clear()
            self.attach_results.clear()
            self._hits = []
        self._render_detail(call)

    def _render_detail(self, call: Call | None) -> None:
        """The picked call's texts from what is held (also after a language switch: the
        search text, the chosen row and the results stay)."""
        if call is None:
            self.detail.setCurrentWidget(self.idle_page)
            self.complaint_action.setEnabled(False)
            return
        self.complaint_action.setEnabled(call.customer_id is not None)
        if call.customer_id is not None:
            brief = self.people.get(call.customer_id)
            name = brief_name(brief) or self.tr("Customer")
            self.caller_name.setText(html.escape(f"{name} · {number_text(call)}"))
            self.probable_note.setVisible(call.match is MatchKind.PROBABLE)
            if self._facts_profile is not None:
                self._render_facts()
            else:
                self.caller_greeting.setText("…")
                self.caller_greeting.show()
                self.caller_facts.setText(
                    html.escape(words().last_visit(brief))
                    if brief is not None
                    else self.tr("Loading the profile…")
                )
            self.detail.setCurrentWidget(self.known_page)
        elif call.candidates:
            self.chooser_title.setText(
                self.tr(
                    "%n customer(s) have %1. Who is calling?", "", len(call.candidates)
                ).replace("%1", html.escape(number_text(call)))
            )
            row = max(self.chooser.currentRow(), 0)
            same = self.chooser.count() == len(call.candidates) and all(
                self.chooser.item(i).data(CUSTOMER_ROLE) == cid
                for i, cid in enumerate(call.candidates)
            )
            self.chooser.clear()
            for cid in call.candidates:
                brief = self.people.get(cid)
                text = f"#{cid}"
                if brief is not None:
                    text = " · ".join(
                        (
                            brief_name(brief),
                            words().last_visit(brief),
                            words().visits(brief.visit_count),
                        )
                    )
                item = QListWidgetItem(text)
                item.setData(CUSTOMER_ROLE, cid)
                self.chooser.addItem(item)
            self.chooser.setCurrentRow(row if same else 0)
            self.detail.setCurrentWidget(self.chooser_page)
        else:
            withheld = call.number is None
            title = html.escape(self.tr("New caller · %1").replace("%1", number_text(call)))
            if withheld:
                note = html.escape(self.tr("(not a usable number)"))
                title += f" <span style='color:#777'>{note}</span>"
            self.new_title.setText(title)
            self.create_button.setEnabled(True)
            self.attach_search.setEnabled(not withheld)
            self.attach_button.setEnabled(not withheld)
            self.detail.setCurrentWidget(self.new_page)
        self._show_state()

    def _show_state(self) -> None:
        if self.current is not None and self.current.live:
            self.dismiss_button.setText(self.tr("&Dismiss card"))
        else:
            self.dismiss_button.setText(self.tr("&Dismiss"))

    def _profile_shown(self, customer_id: int) -> None:
        call = self.current
        profile = self.window_.profile.profile
        if profile is not None:
            self.tasks.start(self._load_timeline(customer_id), name="call-timeline")
        if call is None or call.customer_id != customer_id or profile is None:
            return
        self._facts_profile = profile
        self._complaint_texts = []
        self._render_facts()
        if self.complaint_lines is not None:
            self.tasks.start(self._load_complaints(customer_id), name="call-complaints")

    def _render_facts(self) -> None:
        """The greeting (in the customer's language, as the profile says it) and the facts
        about the caller (in the interface language)."""
        profile = self._facts_profile
        if profile is None:
            return
        facts = [
            f"<span style='color:{theme.colours().danger}'>{html.escape(line)}</span>"
            for line in self._complaint_texts
        ]
        occasions = iter(profile.occasions)  # one badge per occasion, in this order
        for badge in profile.badges:
            label = badge_label(badge)
            if badge.kind in (BadgeKind.BIRTHDAY_SOON, BadgeKind.OCCASION):
                occasion = next(occasions, None)
                if occasion is not None:  # "Birthday in 3 days" in the interface language
                    label = occasion_words().badge(occasion)
            elif badge.kind is BadgeKind.BIRTHDAY_TODAY:
                next(occasions, None)
            line = f"<b>{html.escape(label)}</b>"
            if badge.kind is BadgeKind.OPEN_COMPLAINT and badge.detail:
                detail = message_text(badge.said) if badge.said else badge.detail
                line += f": {html.escape(detail)}"  # what was promised, and by when
            facts.append(line)
        if profile.last_visit is not None:
            day = profile.last_visit.date()
            facts.append(
                html.escape(
                    self.tr("Last visit %1 (%2)")
                    .replace("%1", relative_since(day, self.calls.clock.today()))
                    .replace("%2", format_date(day))
                )
            )
        else:
            facts.append(html.escape(self.tr("No visits yet")))
        if profile.recent_purchases:
            last = profile.recent_purchases[0]
            items = ", ".join(f"{i.quantity}× {i.name}" for i in last.items)
            facts.append(
                html.escape(
                    self.tr("Last purchase %1: %2")
                    .replace("%1", format_date(last.at.date()))
                    .replace("%2", items)
                )
            )
        self.caller_greeting.setText(html.escape(profile.greeting))
        # Said once: when the window's profile shows this caller, its greeting is the one.
        self.caller_greeting.setVisible(self.window_.profile.customer_id != profile.customer.id)
        self.caller_facts.setText("<br>".join(facts))

    async def _load_complaints(self, customer_id: int) -> None:
        assert self.complaint_lines is not None
        lines = await self.complaint_lines(customer_id)
        if self.current is None or self.current.customer_id != customer_id:
            return
        self._complaint_texts = lines
        self._render_facts()

    async def _load_timeline(self, customer_id: int) -> None:
        calls = await self.calls.customer_calls(customer_id)
        if self.window_.profile.customer_id != customer_id:
            return
        self._timeline_calls = calls
        self._show_timeline()

    def _show_timeline(self) -> None:
        calls = self._timeline_calls or []
        table = self.timeline
        table.setRowCount(len(calls))
        for row, call in enumerate(calls):
            result = state_label(call.state)
            if call.answered_by:
                result = self.tr("%1 (%2)").replace("%1", result).replace("%2", call.answered_by)
            values = [
                format_datetime(call.started_at),
                direction_label(call.direction),
                number_text(call),
                words().duration(call.duration),
                result,
            ]
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        history = self.window_.profile.history
        index = history.indexOf(table)
        if index >= 0:
            loaded = self._timeline_calls is not None
            text = self.tr("Calls (%n)", "", len(calls)) if loaded else self.tr("Calls")
            history.setTabText(index, text)

    # --- actions on the picked call -------------------------------------------------

    def _open_current(self) -> None:
        if self.current is not None and self.current.customer_id is not None:
            self.window_.open_customer(self.current.customer_id)

    def request_complaint(self) -> None:
        call = self.current
        if call is None or call.customer_id is None:
            self.window_.statusBar().showMessage(
                self.tr("Pick a call from a known customer first."), 4000
            )
            return
        self.complaint_requested.emit(call.customer_id, call.call_id)
        if not self.complaints_available:
            self.window_.statusBar().showMessage(
                self.tr("Complaints are not available in this version yet."), 4000
            )

    def _chosen(self, index: QModelIndex) -> None:
        item = self.chooser.item(index.row())
        if item is not None:
            self._link(int(item.data(CUSTOMER_ROLE)))

    def _choose_current(self) -> None:
        item = self.chooser.currentItem()
        if item is not None:
            self._link(int(item.data(CUSTOMER_ROLE)))

    def _link(self, customer_id: int) -> None:
        if self.current is not None:
            self.tasks.start(self._do_link(self.current.call_id, customer_id))

    async def _do_link(self, call_id: str, customer_id: int, attach: bool = False) -> None:
        try:
            if attach:
                call = await self.calls.attach_number(call_id, customer_id)
            else:
                call = await self.calls.link(call_id, customer_id)
        except (ValueError, ValidationFailed, DuplicateFound) as exc:
            self.new_message.setText(error_text(exc))
            return
        if call is None:
            return
        self.people.update(await self.calls.briefs([customer_id]))
        card = self.cards.get(call_id)
        if card is not None:
            card.set_call(call, self._title(call))
            self._update_item(call_id)
        if self.current is not None and self.current.call_id == call_id:
            self.current = call
            self._show_detail(call)
        self.window_.open_customer(customer_id)
        self.callLinked.emit(call_id, customer_id)

    def create_profile(self) -> None:
        if self.current is not None:
            self.tasks.start(self._create_profile(self.current))

    async def _create_profile(self, call: Call) -> None:
        from console.ui.customer_dialog import CustomerDialog

        region = await self.customers.region()
        dialog = CustomerDialog(
            self.customers, None, region=region, parent=self.window_, checker=self.window_.checker
        )
        dialog.setObjectName("newCallerDialog")
        withheld = call.other_party.strip().lower() in WITHHELD
        number = call.number or ("" if withheld else call.other_party)
        if number:
            dialog.prefill(number)
        dialog.saved.connect(lambda cid: self.tasks.start(self._do_link(call.call_id, cid)))
        self.window_._keep(dialog)
        self.dialog = dialog
        dialog.open()

    def _attach_query_changed(self, _text: str) -> None:
        self._attach_generation += 1
        self._attach_debounce.start()

    def _run_attach_search(self) -> None:
        self.tasks.start(
            self._attach_search(self.attach_search.text(), self._attach_generation),
            name="call-attach-search",
        )

    async def _attach_search(self, text: str, generation: int) -> None:
        hits: list[SearchHit] = await self.customers.search(text, limit=12)
        if generation != self._attach_generation:
            return
        self._hits = hits
        self.attach_results.clear()
        self._show_hits()
        if hits:
            self.attach_results.setCurrentRow(0)

    def _show_hits(self) -> None:
        """The attach results' texts (the picked row stays)."""
        row = self.attach_results.currentRow()
        self.attach_results.clear()
        for hit in self._hits:
            tail = hit.phones[0][-4:] if hit.phones else "----"
            label = hit.name + (f" ({hit.preferred_name})" if hit.preferred_name else "")
            member = hit.member_no or self.tr("no member no.")
            item = QListWidgetItem(f"{label} · …{tail} · {member}")
            item.setData(CUSTOMER_ROLE, hit.id)
            self.attach_results.addItem(item)
        if 0 <= row < self.attach_results.count():
            self.attach_results.setCurrentRow(row)

    def attach_current(self) -> None:
        item = self.attach_results.currentItem()
        if self.current is None or item is None:
            return
        self.tasks.start(self._do_link(self.current.call_id, int(item.data(CUSTOMER_ROLE)), True))

    # --- call-back list -------------------------------------------------------------

    def refresh_call_backs(self) -> None:
        self.tasks.start(self._load_call_backs(), name="call-backs")

    async def _load_call_backs(self) -> None:
        entries: list[CallBack] = await self.calls.call_backs()
        self._call_backs = entries
        self.call_back_list.clear()
        self._show_call_backs()
        if entries:
            self.call_back_list.setCurrentRow(0)
        self.callBacksShown.emit(len(entries))

    def _show_call_backs(self) -> None:
        """The call-back list's texts (the picked row stays)."""
        entries = self._call_backs
        row = self.call_back_list.currentRow()
        self.call_back_list.clear()
        for entry in entries:
            who = entry.name + (f" ({entry.preferred_name})" if entry.preferred_name else "")
            times = f" ({entry.missed_count}×)" if entry.missed_count > 1 else ""
            missed = self.tr("missed %1").replace("%1", format_datetime(entry.call.started_at))
            item = QListWidgetItem(f"{who} · {missed}{times} · {number_text(entry.call)}")
            item.setData(CUSTOMER_ROLE, entry.customer_id)
            item.setData(CALL_ID_ROLE, entry.call.call_id)
            self.call_back_list.addItem(item)
        if 0 <= row < self.call_back_list.count():
            self.call_back_list.setCurrentRow(row)
        self.call_back_empty.setVisible(not entries)
        self.called_back_button.setEnabled(bool(entries))
        self.tabs.setTabText(
            1, self.tr("Call back (%n)", "", len(entries)) if entries else self.tr("Call back")
        )
        self.strip_button.setText(
            self.tr("Call back (%n)", "", len(entries)) if entries else self.tr("Show calls")
        )

    def _call_back_activated(self, index: QModelIndex) -> None:
        item = self.call_back_list.item(index.row())
        if item is not None:
            self.window_.open_customer(int(item.data(CUSTOMER_ROLE)))

    def _called_back(self) -> None:
        item = self.call_back_list.currentItem()
        if item is not None:
            self.tasks.start(self._mark_called_back(int(item.data(CUSTOMER_ROLE))))

    async def _mark_called_back(self, customer_id: int) -> None:
        await self.calls.mark_called_back(customer_id)
        await self._load_call_backs()

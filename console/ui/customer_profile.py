"""The profile panel: the greeting to say aloud, the badges that change what staff say,
what to remember about the person, and their history (loaded lazily)."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QDate, QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.customer import Purchase, Visit
from console.domain.phones import format_phone
from console.domain.profile import Badge, BadgeKind
from console.services.complaints import ComplaintService, QueueRow
from console.services.customers import CustomerService, Profile
from console.ui import theme
from console.ui.i18n import (
    format_date,
    format_datetime,
    format_money,
    format_number,
    language_for_locale,
    locale,
    message_text,
    relative_since,
)
from console.ui.occasion_words import occasion_name, occasion_words, phone_label
from console.ui.paged_model import PagedTableModel
from console.ui.search_results import tier_label
from console.ui.tasks import Tasks
from console.ui.widgets import Retranslating

# A day of the year without the year, as staff in each market write it.
DAY_MONTH_FORMATS = {"en": "d MMM", "zh_CN": "M月d日", "zh_TW": "M月d日"}


def day_month(day: int, month: int) -> str:
    """24 Nov / 11月24日 in the interface language."""
    pattern = DAY_MONTH_FORMATS.get(language_for_locale(locale().name()), "d MMM")
    return locale().toString(QDate(2000, month, day), pattern)


def _visit_columns() -> list[tuple[str, Any]]:
    return [
        ("When", lambda v: format_datetime(v.at)),
        ("Store", lambda v: v.store),
        ("Staff", lambda v: v.staff),
        ("Note", lambda v: v.note),
    ]


def _purchase_columns() -> list[tuple[str, Any]]:
    return [
        ("When", lambda p: format_date(p.at.date())),
        ("Items", lambda p: ", ".join(f"{i.quantity}× {i.name}" for i in p.items)),
        ("Total", lambda p: format_money(p.total_minor, p.currency)),
        ("Store", lambda p: p.store),
    ]


class FlowLayout(QLayout):
    """Lays its widgets out left to right and wraps them onto the next line, so a row of
    badges or buttons never makes its pane wider than the room it has (Qt's flow layout
    example). An item wider than a whole line gets the line's width (and, if it has a
    height for that width, that height)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + self._gap * max(
            len(self._visible()) - 1, 0
        )
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(m)
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), max(area.width(), 1))
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            if x > area.x() and x + width > area.right() + 1:
                x, y, line = area.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self._gap
            line = max(line, height)
        return y + line - rect.y() + m.bottom()


class WrapButton(QPushButton):
    """A push button whose text wraps onto more lines when it is given less room than
    one line needs (the open-complaint badge): it never widens its pane."""

    PADDING = QMargins(12, 4, 12, 4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.label = QLabel(self)
        self.label.setObjectName("wrapButtonText")
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(self.PADDING)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:
        self._text = text
        self.label.setText(html.escape(text))
        self.updateGeometry()

    def text(self) -> str:
        return self._text

    def _extra(self) -> QSize:
        p = self.PADDING
        return QSize(p.left() + p.right(), p.top() + p.bottom())

    def sizeHint(self) -> QSize:
        metrics = self.label.fontMetrics()
        width = metrics.horizontalAdvance(self._text) + 4
        return QSize(width, metrics.height()) + self._extra()

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.label.fontMetrics().height()) + self._extra()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        inner = max(width - self._extra().width(), 1)
        return self.label.heightForWidth(inner) + self._extra().height()


class BadgeLabel(QLabel):
    """A badge: one line when there is room for it, wrapped when there is not."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(html.escape(text), parent)
        self._plain = text
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        # Measured in the badge's semibold type even before the style sheet is applied
        # (the layout may ask first), plus its padding.
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        width = QFontMetrics(font).horizontalAdvance(self._plain) + 32
        return QSize(width, self.heightForWidth(width))


def _section() -> QLabel:
    label = QLabel()
    label.setObjectName("sectionTitle")
    label.setProperty("role", "section")
    return label


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def _bullets(items: list[str], empty: str) -> str:
    if not items:
        muted = theme.colour("muted").name()
        return f"<span style='color:{muted}'>{html.escape(empty)}</span>"
    return "<br>".join(f"• {html.escape(i)}" for i in items)


class CustomerProfile(Retranslating, QWidget):
    """Shows one customer. Emits requests for actions the window owns (dialogs).

    What staff read is in the interface language and is drawn again from the profile it
    holds when the language changes; the greeting line (said to the customer) stays in
    the customer's language, as the domain wrote it.
    """

    editRequested = Signal(int)
    purchaseRequested = Signal(int)
    visitRequested = Signal(int)
    redeemRequested = Signal(int)
    # Start a complaint for this customer / open one of their open complaints.
    complaintRequested = Signal(int)
    openComplaintRequested = Signal(int)
    complaintsShown = Signal(int)

    def __init__(
        self,
        service: CustomerService,
        tasks: Tasks,
        parent: QWidget | None = None,
        *,
        complaints: ComplaintService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerProfile")
        self._service = service
        self._tasks = tasks
        self._complaints = complaints
        self.profile: Profile | None = None
        self.open_complaints: list[QueueRow] = []

        self.placeholder = QLabel()
        self.placeholder.setObjectName("profilePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setProperty("role", "placeholder")

        self.greeting = _value_label("greeting")
        # The largest type on the profile: the first thing the eye meets (theme.TYPE).
        self.greeting.setProperty("role", "greeting")
        # The badges wrap onto more lines rather than widen the pane (the open-complaint
        # badge first: it changes what staff say before anything else).
        self.badges = QWidget()
        self.badges.setObjectName("badges")
        self._badge_layout = FlowLayout(self.badges)
        self._badge_widgets: list[QLabel] = []

        self.identity = _value_label("identity")
        self.facts = _value_label("facts")
        self.remember = _value_label("remember")

        self.visit_button = QPushButton()
        self.visit_button.setObjectName("logVisitButton")
        self.purchase_button = QPushButton()
        self.purchase_button.setObjectName("addPurchaseButton")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editCustomerButton")
        self.redeem_button = QPushButton()
        self.redeem_button.setObjectName("redeemRewardButton")
        self.visit_button.clicked.connect(lambda: self._request(self.visitRequested))
        self.purchase_button.clicked.connect(lambda: self._request(self.purchaseRequested))
        self.edit_button.clicked.connect(lambda: self._request(self.editRequested))
        self.redeem_button.clicked.connect(lambda: self._request(self.redeemRequested))
        # Open complaints: a red badge with the promise, so nobody greets cheerfully.
        self.complaint_badge = WrapButton(self.badges)
        self.complaint_badge.setObjectName("openComplaintBadge")
        self.complaint_badge.setFlat(True)
        self.complaint_badge.setCursor(Qt.CursorShape.PointingHandCursor)
        # Its look (red, white text, rounded) is the theme's #openComplaintBadge rule.
        self._badge_layout.addWidget(self.complaint_badge)
        self.complaint_badge.clicked.connect(self._open_first_complaint)
        self.complaint_badge.hide()
        self.complaint_button = QPushButton()
        self.complaint_button.setObjectName("startComplaintButton")
        self.complaint_button.clicked.connect(lambda: self._request(self.complaintRequested))
        self.complaint_button.setVisible(complaints is not None)
        for button, icon in (
            (self.visit_button, "visit"),
            (self.purchase_button, "purchase"),
            (self.edit_button, "edit"),
            (self.redeem_button, "reward"),
            (self.complaint_button, "complaint"),
        ):
            theme.set_icon(button, icon)
        # The actions wrap too: in Chinese or in a narrow pane they take two lines.
        actions = FlowLayout()
        for button in (
            self.visit_button,
            self.purchase_button,
            self.edit_button,
            self.redeem_button,
            self.complaint_button,
        ):
            actions.addWidget(button)

        self.purchases = PagedTableModel[Purchase](_purchase_columns(), tasks, parent=self)
        self.visits = PagedTableModel[Visit](_visit_columns(), tasks, parent=self)
        self.purchases_view = self._table(self.purchases, "purchasesTable")
        self.visits_view = self._table(self.visits, "visitsTable")
        self.history = QTabWidget()
        self.history.setObjectName("historyTabs")
        self.history.addTab(self.purchases_view, "")
        self.history.addTab(self.visits_view, "")
        self.history.setMinimumHeight(220)

        self.customer_title = _section()
        self.glance_title = _section()
        self.remember_title = _section()
        self.history_title = _section()
        # The three short sections sit on one card (the theme's QFrame[card="true"]).
        details = QFrame()
        details.setObjectName("profileDetails")
        details.setProperty("card", "true")
        grid = QGridLayout(details)
        grid.setContentsMargins(
            theme.SPACE["m"], theme.SPACE["xs"], theme.SPACE["m"], theme.SPACE["s"]
        )
        # Three columns side by side (who, at a glance, what to remember), so the
        # history starts high enough to show a few purchases on a 768-high screen.
        grid.addWidget(self.customer_title, 0, 0)
        grid.addWidget(self.identity, 1, 0)
        grid.addWidget(self.glance_title, 0, 1)
        grid.addWidget(self.facts, 1, 1)
        grid.addWidget(self.remember_title, 0, 2)
        grid.addWidget(self.remember, 1, 2)
        for col in range(3):
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(1, 1)
        for label in (self.identity, self.facts, self.remember):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setMinimumWidth(120)

        body = QWidget()
        body.setObjectName("profileBody")
        column = QVBoxLayout(body)
        column.addWidget(self.greeting)
        column.addWidget(self.badges)
        column.addLayout(actions)
        column.addWidget(details)
        column.addWidget(self.history_title)
        column.addWidget(self.history, 1)
        self.body = body

        scroll = QScrollArea()
        scroll.setObjectName("profileScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Nothing here scrolls sideways: every line wraps to the pane's width instead.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self._scroll = scroll

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.placeholder)
        outer.addWidget(scroll)
        self.clear()
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Customer profile"))
        self.placeholder.setText(
            self.tr("Find a customer with the search box (Ctrl+K or /), or add a new one (Ctrl+N).")
        )
        self.greeting.setAccessibleName(self.tr("Greeting to say"))
        self.identity.setAccessibleName(self.tr("Name and contact"))
        self.facts.setAccessibleName(self.tr("Visits, spend and loyalty"))
        self.remember.setAccessibleName(self.tr("Things to remember"))
        self.visit_button.setText(self.tr("Log &visit (Ctrl+L)"))
        self.visit_button.setAccessibleName(self.tr("Log a visit"))
        self.purchase_button.setText(self.tr("Add &purchase (Ctrl+P)"))
        self.purchase_button.setAccessibleName(self.tr("Add a purchase"))
        self.edit_button.setText(self.tr("&Edit (Ctrl+E)"))
        self.edit_button.setAccessibleName(self.tr("Edit customer"))
        self.redeem_button.setText(self.tr("&Reward given (Ctrl+R)"))
        self.redeem_button.setAccessibleName(self.tr("Record that the reward was given"))
        self.complaint_button.setText(self.tr("Start &complaint (Ctrl+Shift+C)"))
        self.complaint_button.setAccessibleName(self.tr("Start a complaint for this customer"))
        self.customer_title.setText(self.tr("Customer"))
        self.glance_title.setText(self.tr("At a glance"))
        self.remember_title.setText(self.tr("What to remember"))
        self.history_title.setText(self.tr("History"))
        self.history.setAccessibleName(self.tr("History"))
        self.purchases.set_headers(
            [self.tr("When"), self.tr("Items"), self.tr("Total"), self.tr("Store")]
        )
        self.visits.set_headers(
            [self.tr("When"), self.tr("Store"), self.tr("Staff"), self.tr("Note")]
        )
        for view, accessible in (
            (self.purchases_view, self.tr("Purchases")),
            (self.visits_view, self.tr("Visits")),
        ):
            view.setAccessibleName(accessible)
            view.horizontalHeader().setAccessibleName(
                self.tr("{table} columns").format(table=accessible)
            )
            view.verticalHeader().setAccessibleName(
                self.tr("{table} rows").format(table=accessible)
            )
        self._show_counts()
        if self.profile is not None:
            self._render(self.profile)
        self._render_complaints()

    def _table(self, model: PagedTableModel[Any], name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setObjectName(f"{name}Header")
        view.verticalHeader().setObjectName(f"{name}RowHeader")
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return view

    def _request(self, signal: Any) -> None:
        if self.profile is not None and self.profile.customer.id is not None:
            signal.emit(self.profile.customer.id)

    @property
    def customer_id(self) -> int | None:
        return None if self.profile is None else self.profile.customer.id

    def clear(self) -> None:
        self.profile = None
        self.show_complaints([])
        self._scroll.hide()
        self.placeholder.show()
        self.purchases.reset([], 0, None)
        self.visits.reset([], 0, None)

    def show_profile(self, profile: Profile) -> None:
        self.profile = profile
        c = profile.customer
        assert c.id is not None
        customer_id = c.id
        self._render(profile)
        service = self._service
        self.purchases.reset(
            profile.recent_purchases,
            profile.purchase_count,
            lambda offset, limit: service.purchases_page(customer_id, offset, limit),
        )
        self.visits.reset(
            profile.recent_visits,
            profile.visit_count,
            lambda offset, limit: service.visits_page(customer_id, offset, limit),
        )
        self._show_counts()
        self.placeholder.hide()
        self._scroll.show()
        if self._complaints is not None:
            self.refresh_complaints()

    # --- drawing the profile (again on a language change) -----------------------------

    def _render(self, profile: Profile) -> None:
        self._render_greeting()
        self._show_badges(profile)
        self.identity.setText("<br>".join(self._identity_lines(profile)))
        self.facts.setText("<br>".join(self._fact_lines(profile)))
        self.remember.setText("<br>".join(self._remember_lines(profile)))
        self.redeem_button.setEnabled(profile.loyalty.rewards_available > 0)

    def _show_counts(self) -> None:
        purchases = self.profile.purchase_count if self.profile is not None else None
        visits = self.profile.visit_count if self.profile is not None else None
        if purchases is None or visits is None:
            self.history.setTabText(0, self.tr("Purchases"))
            self.history.setTabText(1, self.tr("Visits"))
            return
        self.history.setTabText(
            0, self.tr("Purchases ({count})").format(count=format_number(purchases))
        )
        self.history.setTabText(1, self.tr("Visits ({count})").format(count=format_number(visits)))

    def _yes_no(self, value: bool) -> str:
        return self.tr("yes") if value else "<b>" + html.escape(self.tr("no")) + "</b>"

    def _identity_lines(self, profile: Profile) -> list[str]:
        c = profile.customer
        muted = theme.colour("muted").name()
        name = html.escape(c.name)
        if c.romanisation:
            name += f" <span style='color:{muted}'>({html.escape(c.romanisation)})</span>"
        lines = [f"<span style='font-size:16px; font-weight:600'>{name}</span>"]
        if c.preferred_name:
            lines.append(
                html.escape(self.tr("Address as: {name}")).replace(
                    "{name}", f"<b>{html.escape(c.preferred_name)}</b>"
                )
            )
        for phone in c.phones:
            lines.append(
                f"☎ {html.escape(format_phone(phone.number))} "
                f"<span style='color:{muted}'>{html.escape(phone_label(phone.label))}</span>"
            )
        if c.email:
            lines.append(f"✉ {html.escape(c.email)}")
        if c.member_no:
            lines.append(
                html.escape(
                    self.tr("Member {number} · {tier}").format(
                        number=c.member_no, tier=tier_label(c.tier.value)
                    )
                )
            )
        if c.assigned_staff:
            lines.append(
                html.escape(self.tr("Looked after by {name}").format(name=c.assigned_staff))
            )
        if c.birthday is not None:
            b = c.birthday
            if b.year:
                when = format_date(dt.date(b.year, b.month, b.day))
            else:
                when = day_month(b.day, b.month)
            lines.append(html.escape(self.tr("Birthday {date}").format(date=when)))
        for d in c.dates:
            if d.date.year:
                on = format_date(dt.date(d.date.year, d.date.month, d.date.day))
            else:
                on = day_month(d.date.day, d.date.month)
            lines.append(
                html.escape(
                    self.tr("{occasion}: {date}").format(occasion=occasion_name(d.label), date=on)
                )
            )
        lines.append(
            html.escape(self.tr("Greetings: {greetings} · Offers: {offers}"))
            .replace("{greetings}", self._yes_no(c.greetings_consent))
            .replace("{offers}", self._yes_no(c.marketing_consent))
        )
        return lines

    def loyalty_text(self, profile: Profile) -> str:
        """Where the loyalty card stands, for staff (the reward is the store's setting)."""
        loyalty = profile.loyalty
        if loyalty.rewards_available > 0:
            return self.tr(
                "%n reward(s) available — tell them: {reward}", "", loyalty.rewards_available
            ).format(reward=loyalty.rule.reward)
        return self.tr("{stamps} of {every} stamps").format(
            stamps=format_number(loyalty.stamps), every=format_number(loyalty.rule.every)
        )

    def _fact_lines(self, profile: Profile) -> list[str]:
        facts = []
        if profile.visit_count:
            facts.append(self.tr("<b>%n visit(s)</b> so far", "", profile.visit_count))
        else:
            facts.append(self.tr("<b>No visits yet</b>"))
        if profile.last_visit:
            today = self._service.now().date()
            facts.append(
                html.escape(
                    self.tr("Last seen {ago} ({date})").format(
                        ago=relative_since(profile.last_visit.date(), today),
                        date=format_date(profile.last_visit.date()),
                    )
                )
            )
        if profile.spend_by_currency:
            spend = ", ".join(format_money(v, k) for k, v in profile.spend_by_currency.items())
            facts.append(
                html.escape(
                    self.tr(
                        "Lifetime spend {amount} over %n purchase(s)", "", profile.purchase_count
                    ).format(amount=spend)
                )
            )
        if profile.favourite_items:
            fav = ", ".join(f"{n} ×{q}" for n, q in profile.favourite_items)
            facts.append(html.escape(self.tr("Favourites: {items}").format(items=fav)))
        facts.append(
            html.escape(
                self.tr("Loyalty ({rule}): {status}").format(
                    rule=message_text(profile.loyalty_rule.words()),
                    status=self.loyalty_text(profile),
                )
            )
        )
        return facts

    def _remember_lines(self, profile: Profile) -> list[str]:
        c = profile.customer

        def title(text: str) -> str:
            return f"<b>{html.escape(text)}</b>"

        remember = [
            title(self.tr("Likes"))
            + "<br>"
            + _bullets(c.preferences, self.tr("nothing noted yet")),
            title(self.tr("Dislikes / allergies"))
            + "<br>"
            + _bullets(c.dislikes, self.tr("none noted")),
        ]
        if c.avoid_topics:
            remember.append(
                title(self.tr("Topics to avoid")) + "<br>" + _bullets(c.avoid_topics, "")
            )
        if c.customer_kind:
            remember.append(
                title(self.tr("Kind of customer")) + ": " + html.escape(c.customer_kind)
            )
        if c.notes:
            remember.append(
                title(self.tr("Notes")) + "<br>" + html.escape(c.notes).replace("\n", "<br>")
            )
        return remember

    # --- complaints ----------------------------------------------------------------------

    def refresh_complaints(self) -> None:
        """Reload the open-complaint badge for the customer shown (if any)."""
        customer_id = self.customer_id
        if self._complaints is not None and customer_id is not None:
            self._tasks.start(self._load_complaints(customer_id), name="profile-complaints")

    async def _load_complaints(self, customer_id: int) -> None:
        assert self._complaints is not None
        rows = await self._complaints.open_for_customer(customer_id)
        if self.customer_id != customer_id:
            return  # another customer was opened meanwhile
        self.show_complaints(rows)
        self.complaintsShown.emit(customer_id)

    def show_complaints(self, rows: list[QueueRow]) -> None:
        self.open_complaints = list(rows)
        self._render_complaints()

    def _render_greeting(self) -> None:
        # The greeting is said to the customer: it stays in their language (from the
        # domain); only the warning under it, for staff, follows the interface.
        greeting = html.escape(self.profile.greeting) if self.profile is not None else ""
        if not self.open_complaints or self._complaints is None:
            self.greeting.setText(greeting)
            return
        warning = html.escape(
            self.tr("Open complaint: acknowledge it first — no cheerful small talk.")
        )
        dark = theme.current() is theme.Scheme.DARK
        warning_colour = theme.colours().danger if dark else theme.colours().on_danger_bg
        self.greeting.setText(
            f"{greeting}<br><span style='font-size:{theme.TYPE['body']}px; font-weight:600;"
            f" color:{warning_colour}'>"
            f"{warning}</span>"
        )

    def _render_complaints(self) -> None:
        from console.ui.complaint_queue import promise_line

        rows = self.open_complaints
        self._render_greeting()
        if not rows or self._complaints is None:
            self.complaint_badge.hide()
            self.complaint_badge.setAccessibleName(self.tr("Open complaint"))
            self._show_badge_row()
            return
        text = promise_line(rows, self._complaints.now())
        self.complaint_badge.setText(f"⚠ {text}")
        self.complaint_badge.setAccessibleName(text)
        self.complaint_badge.setAccessibleDescription(self.tr("Press Enter or click to open it"))
        self.complaint_badge.setToolTip(
            self.tr("Click or Enter opens it")
            + "\n"
            + "\n".join(f"#{r.id}: {r.summary}" for r in rows)
        )
        self.complaint_badge.show()
        self._show_badge_row()

    def _open_first_complaint(self) -> None:
        if self.open_complaints:
            first = min(
                self.open_complaints,
                key=lambda r: (r.promise_due is None, r.promise_due or r.received_at),
            )
            self.openComplaintRequested.emit(first.id)

    # --- badges ----------------------------------------------------------------------------

    def badge_texts(self, profile: Profile) -> list[tuple[Badge, str, str]]:
        """(badge, text, detail) in the interface language, drawn from the profile's data.

        The domain builds one badge per upcoming occasion, in the order of
        ``profile.occasions``; the texts here are built from those occasions.
        """
        occasions = iter(profile.occasions)
        shown: list[tuple[Badge, str, str]] = []
        for badge in profile.badges:
            text, detail = badge.text, badge.detail
            kind = badge.kind
            if kind is BadgeKind.OPEN_COMPLAINT:
                text = self.tr("Open complaint")
                detail = message_text(badge.said) if badge.said else detail
            elif kind in (BadgeKind.BIRTHDAY_TODAY, BadgeKind.BIRTHDAY_SOON, BadgeKind.OCCASION):
                occasion = next(occasions, None)
                if occasion is not None:
                    text = occasion_words().badge(occasion)
                    detail = day_month(occasion.occurs_on.day, occasion.occurs_on.month)
                    if occasion.years:
                        # 28岁 for an age, 5周年 for an anniversary.
                        detail += " · " + occasion_words().years(occasion)
            elif kind is BadgeKind.REWARD:
                text = self.tr("Reward available — tell them")
                detail = self.loyalty_text(profile)
            elif kind is BadgeKind.VIP:
                text = tier_label(profile.customer.tier.value)
            elif kind is BadgeKind.FIRST_VISIT:
                text = self.tr("First visit")
                detail = self.tr("Make them feel welcome")
            elif kind is BadgeKind.AVOID:
                text = self.tr("Topics to avoid")
            shown.append((badge, text, detail))
        return shown

    def badge_widgets(self) -> list[QLabel]:
        """The badges shown for the profile (the open-complaint badge is apart)."""
        return list(self._badge_widgets)

    def _show_badges(self, profile: Profile) -> None:
        for widget in self._badge_widgets:
            self._badge_layout.removeWidget(widget)
            widget.deleteLater()
        self._badge_widgets = []
        shown = self.badge_texts(profile)
        for badge, text, detail in shown:
            label = BadgeLabel(text, self.badges)
            label.setObjectName(f"badge_{badge.kind.value}")
            label.setAccessibleName(text)
            label.setToolTip(detail)
            # Colours from the theme (QLabel[badge="…"]); the text says what it is.
            label.setProperty("badge", badge.kind.value)
            self._badge_layout.addWidget(label)
            self._badge_widgets.append(label)
        details = [f"{text}: {detail}" for _badge, text, detail in shown if detail]
        self.badges.setToolTip("\n".join(details))
        self._show_badge_row()

    def _show_badge_row(self) -> None:
        self.badges.setVisible(bool(self._badge_widgets) or not self.complaint_badge.isHidden())

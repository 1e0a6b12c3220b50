"""The profile panel: the greeting to say aloud, the badges that change what staff say,
what to remember about the person, and their history (loaded lazily)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.customer import Purchase, Visit, format_money
from console.domain.phones import format_phone
from console.domain.profile import BadgeKind
from console.services.complaints import ComplaintService, QueueRow
from console.services.customers import CustomerService, Profile
from console.ui.paged_model import PagedTableModel
from console.ui.tasks import Tasks

BADGE_COLOURS: dict[BadgeKind, tuple[str, str]] = {
    BadgeKind.OPEN_COMPLAINT: ("#b3261e", "#ffffff"),
    BadgeKind.BIRTHDAY_TODAY: ("#c2185b", "#ffffff"),
    BadgeKind.BIRTHDAY_SOON: ("#f8bbd0", "#4a0e2a"),
    BadgeKind.OCCASION: ("#e1bee7", "#3b1545"),
    BadgeKind.REWARD: ("#2e7d32", "#ffffff"),
    BadgeKind.VIP: ("#8d6e00", "#ffffff"),
    BadgeKind.FIRST_VISIT: ("#1565c0", "#ffffff"),
    BadgeKind.AVOID: ("#fff3e0", "#6d3a00"),
}


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def tier_text(tier: str) -> str:
    return "VIP" if tier == "vip" else tier.capitalize()


def _visit_columns() -> list[tuple[str, Any]]:
    return [
        ("When", lambda v: f"{v.at:%d %b %Y %H:%M}"),
        ("Store", lambda v: v.store),
        ("Staff", lambda v: v.staff),
        ("Note", lambda v: v.note),
    ]


def _purchase_columns() -> list[tuple[str, Any]]:
    return [
        ("When", lambda p: f"{p.at:%d %b %Y}"),
        ("Items", lambda p: ", ".join(f"{i.quantity}× {i.name}" for i in p.items)),
        ("Total", lambda p: format_money(p.total_minor, p.currency)),
        ("Store", lambda p: p.store),
    ]


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    label.setStyleSheet("font-weight: 600; color: #555; margin-top: 8px;")
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
        return f"<span style='color:#888'>{html.escape(empty)}</span>"
    return "<br>".join(f"• {html.escape(i)}" for i in items)


class CustomerProfile(QWidget):
    """Shows one customer. Emits requests for actions the window owns (dialogs)."""

    editRequested = Signal(int)
    purchaseRequested = Signal(int)
    visitRequested = Signal(int)
    redeemRequested = Signal(int)
    #: Start a complaint for this customer / open one of their open complaints.
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
        self.setAccessibleName("Customer profile")
        self._service = service
        self._tasks = tasks
        self._complaints = complaints
        self.profile: Profile | None = None
        self.open_complaints: list[QueueRow] = []

        self.placeholder = QLabel(
            "Find a customer with the search box (Ctrl+K or /), or add a new one (Ctrl+N)."
        )
        self.placeholder.setObjectName("profilePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #777; font-size: 15px; padding: 40px;")

        self.greeting = _value_label("greeting")
        self.greeting.setAccessibleName("Greeting to say")
        self.greeting.setStyleSheet(
            "font-size: 20px; font-weight: 600; color: #1b3a57; padding: 10px 12px;"
            "background: #eef4fb; border-radius: 8px;"
        )
        self.badges = QWidget()
        self.badges.setObjectName("badges")
        self._badge_layout = QHBoxLayout(self.badges)
        self._badge_layout.setContentsMargins(0, 0, 0, 0)
        self._badge_layout.setSpacing(6)

        self.identity = _value_label("identity")
        self.identity.setAccessibleName("Name and contact")
        self.facts = _value_label("facts")
        self.facts.setAccessibleName("Visits, spend and loyalty")
        self.remember = _value_label("remember")
        self.remember.setAccessibleName("Things to remember")

        self.visit_button = QPushButton("Log &visit (Ctrl+L)")
        self.visit_button.setObjectName("logVisitButton")
        self.visit_button.setAccessibleName("Log a visit")
        self.purchase_button = QPushButton("Add &purchase (Ctrl+P)")
        self.purchase_button.setObjectName("addPurchaseButton")
        self.purchase_button.setAccessibleName("Add a purchase")
        self.edit_button = QPushButton("&Edit (Ctrl+E)")
        self.edit_button.setObjectName("editCustomerButton")
        self.edit_button.setAccessibleName("Edit customer")
        self.redeem_button = QPushButton("&Reward given (Ctrl+R)")
        self.redeem_button.setObjectName("redeemRewardButton")
        self.redeem_button.setAccessibleName("Record that the reward was given")
        self.visit_button.clicked.connect(lambda: self._request(self.visitRequested))
        self.purchase_button.clicked.connect(lambda: self._request(self.purchaseRequested))
        self.edit_button.clicked.connect(lambda: self._request(self.editRequested))
        self.redeem_button.clicked.connect(lambda: self._request(self.redeemRequested))
        # Open complaints: a red badge with the promise, so nobody greets cheerfully.
        self.complaint_badge = QPushButton()
        self.complaint_badge.setObjectName("openComplaintBadge")
        self.complaint_badge.setAccessibleName("Open complaint")
        self.complaint_badge.setFlat(True)
        self.complaint_badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.complaint_badge.setStyleSheet(
            "QPushButton#openComplaintBadge { background:#b3261e; color:#ffffff;"
            " border-radius:10px; padding:4px 12px; font-weight:600; text-align:left; }"
            "QPushButton#openComplaintBadge:focus { outline: 2px solid #1b3a57; }"
        )
        self.complaint_badge.clicked.connect(self._open_first_complaint)
        self.complaint_badge.hide()
        self.complaint_button = QPushButton("Start &complaint (Ctrl+Shift+C)")
        self.complaint_button.setObjectName("startComplaintButton")
        self.complaint_button.setAccessibleName("Start a complaint for this customer")
        self.complaint_button.clicked.connect(lambda: self._request(self.complaintRequested))
        self.complaint_button.setVisible(complaints is not None)
        complaint_line = QHBoxLayout()
        complaint_line.addWidget(self.complaint_button)
        complaint_line.addWidget(self.complaint_badge, 1)
        actions = QHBoxLayout()
        for button in (
            self.visit_button,
            self.purchase_button,
            self.edit_button,
            self.redeem_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.purchases = PagedTableModel[Purchase](_purchase_columns(), tasks, parent=self)
        self.visits = PagedTableModel[Visit](_visit_columns(), tasks, parent=self)
        self.purchases_view = self._table(self.purchases, "purchasesTable", "Purchases")
        self.visits_view = self._table(self.visits, "visitsTable", "Visits")
        self.history = QTabWidget()
        self.history.setObjectName("historyTabs")
        self.history.setAccessibleName("History")
        self.history.addTab(self.purchases_view, "Purchases")
        self.history.addTab(self.visits_view, "Visits")
        self.history.setMinimumHeight(220)

        details = QWidget()
        grid = QGridLayout(details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(_section("Customer"), 0, 0)
        grid.addWidget(self.identity, 1, 0)
        grid.addWidget(_section("At a glance"), 0, 1)
        grid.addWidget(self.facts, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        body = QWidget()
        body.setObjectName("profileBody")
        column = QVBoxLayout(body)
        column.addWidget(self.greeting)
        column.addWidget(self.badges)
        column.addLayout(actions)
        column.addLayout(complaint_line)
        column.addWidget(details)
        column.addWidget(_section("What to remember"))
        column.addWidget(self.remember)
        column.addWidget(_section("History"))
        column.addWidget(self.history, 1)
        self.body = body

        scroll = QScrollArea()
        scroll.setObjectName("profileScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self._scroll = scroll

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.placeholder)
        outer.addWidget(scroll)
        self.clear()

    def _table(self, model: PagedTableModel[Any], name: str, accessible: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setObjectName(f"{name}Header")
        header.setAccessibleName(f"{accessible} columns")
        view.verticalHeader().setObjectName(f"{name}RowHeader")
        view.verticalHeader().setAccessibleName(f"{accessible} rows")
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
        self.greeting.setText(html.escape(profile.greeting))
        self._show_badges(profile)
        name = html.escape(c.name)
        if c.romanisation:
            name += f" <span style='color:#666'>({html.escape(c.romanisation)})</span>"
        lines = [f"<span style='font-size:16px; font-weight:600'>{name}</span>"]
        if c.preferred_name:
            lines.append(f"Address as: <b>{html.escape(c.preferred_name)}</b>")
        for phone in c.phones:
            lines.append(
                f"☎ {html.escape(format_phone(phone.number))} "
                f"<span style='color:#888'>{html.escape(phone.label)}</span>"
            )
        if c.email:
            lines.append(f"✉ {html.escape(c.email)}")
        if c.member_no:
            lines.append(
                f"Member {html.escape(c.member_no)} · {html.escape(tier_text(c.tier.value))}"
            )
        if c.assigned_staff:
            lines.append(f"Looked after by {html.escape(c.assigned_staff)}")
        if c.birthday is not None:
            b = c.birthday
            lines.append(
                f"Birthday {b.day} {MONTHS[b.month - 1]}" + (f" {b.year}" if b.year else "")
            )
        for d in c.dates:
            lines.append(f"{html.escape(d.label.capitalize())}: {d.date.iso()}")
        lines.append(
            "Greetings: "
            + ("yes" if c.greetings_consent else "<b>no</b>")
            + " · Offers: "
            + ("yes" if c.marketing_consent else "<b>no</b>")
        )
        self.identity.setText("<br>".join(lines))

        facts = []
        if profile.visit_count:
            plural = "visit" if profile.visit_count == 1 else "visits"
            facts.append(f"<b>{profile.visit_count:,} {plural}</b> so far")
        else:
            facts.append("<b>No visits yet</b>")
        if profile.last_visit:
            facts.append(
                f"Last seen {html.escape(profile.last_seen)} ({profile.last_visit:%d %b %Y})"
            )
        if profile.spend_by_currency:
            spend = ", ".join(format_money(v, k) for k, v in profile.spend_by_currency.items())
            facts.append(
                f"Lifetime spend {html.escape(spend)} over {profile.purchase_count:,} purchases"
            )
        if profile.favourite_items:
            fav = ", ".join(f"{n} ×{q}" for n, q in profile.favourite_items)
            facts.append(f"Favourites: {html.escape(fav)}")
        facts.append(
            f"Loyalty ({html.escape(profile.loyalty_rule.describe())}): "
            f"{html.escape(profile.loyalty.message())}"
        )
        self.facts.setText("<br>".join(facts))

        remember = [
            "<b>Likes</b><br>" + _bullets(c.preferences, "nothing noted yet"),
            "<b>Dislikes / allergies</b><br>" + _bullets(c.dislikes, "none noted"),
        ]
        if c.avoid_topics:
            remember.append("<b>Topics to avoid</b><br>" + _bullets(c.avoid_topics, ""))
        if c.customer_kind:
            remember.append(f"<b>Kind of customer</b>: {html.escape(c.customer_kind)}")
        if c.notes:
            remember.append("<b>Notes</b><br>" + html.escape(c.notes).replace("\n", "<br>"))
        self.remember.setText("<br>".join(remember))

        self.redeem_button.setEnabled(profile.loyalty.rewards_available > 0)
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
        self.history.setTabText(0, f"Purchases ({profile.purchase_count:,})")
        self.history.setTabText(1, f"Visits ({profile.visit_count:,})")
        self.placeholder.hide()
        self._scroll.show()
        if self._complaints is not None:
            self.refresh_complaints()

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
        from console.ui.complaint_queue import promise_line

        self.open_complaints = list(rows)
        greeting = html.escape(self.profile.greeting) if self.profile is not None else ""
        if not rows or self._complaints is None:
            self.complaint_badge.hide()
            self.greeting.setText(greeting)
            return
        self.greeting.setText(
            f"{greeting}<br><span style='font-size:13px; font-weight:600; color:#8e1b12'>"
            "Open complaint: acknowledge it first — no cheerful small talk.</span>"
        )
        text = promise_line(rows, self._complaints.now())
        self.complaint_badge.setText(f"⚠ {text}")
        self.complaint_badge.setAccessibleName(text)
        self.complaint_badge.setAccessibleDescription("Press Enter or click to open it")
        self.complaint_badge.setToolTip(
            "Click or Enter opens it\n" + "\n".join(f"#{r.id}: {r.summary}" for r in rows)
        )
        self.complaint_badge.show()

    def _open_first_complaint(self) -> None:
        if self.open_complaints:
            first = min(
                self.open_complaints,
                key=lambda r: (r.promise_due is None, r.promise_due or r.received_at),
            )
            self.openComplaintRequested.emit(first.id)

    def _show_badges(self, profile: Profile) -> None:
        while self._badge_layout.count():
            item = self._badge_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for badge in profile.badges:
            bg, fg = BADGE_COLOURS.get(badge.kind, ("#eeeeee", "#222222"))
            label = QLabel(html.escape(badge.text))
            label.setObjectName(f"badge_{badge.kind.value}")
            label.setAccessibleName(badge.text)
            label.setToolTip(badge.detail)
            label.setStyleSheet(
                f"background:{bg}; color:{fg}; border-radius:10px; padding:3px 10px;"
                "font-weight:600;"
            )
            self._badge_layout.addWidget(label)
        self._badge_layout.addStretch(1)
        details = [f"{b.text}: {b.detail}" for b in profile.badges if b.detail]
        self.badges.setToolTip("\n".join(details))
        self.badges.setVisible(bool(profile.badges))

"""The main window: one search box, results or Today on the left, the profile on the right."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.repositories.errors import StoreError
from console.services.complaints import ComplaintService
from console.services.customers import CustomerService, TodayLists
from console.services.phrasebooks import PhrasebookService
from console.services.settings import SettingsService
from console.ui import theme
from console.ui.complaint_actions import ComplaintFeatures
from console.ui.customer_profile import CustomerProfile
from console.ui.i18n import error_text
from console.ui.phrase_checker import PhraseChecker
from console.ui.search_results import SearchResultDelegate, SearchResultsModel
from console.ui.tasks import Tasks
from console.ui.today import TodayView
from console.ui.widgets import Retranslating, fit_to_screen

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 120


class SearchBox(QLineEdit):
    """Arrow keys move into the results; Escape clears."""

    moveDown = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.moveDown.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class ResultsView(QListView):
    """Up from the first row goes back to the search box."""

    moveUp = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.moveUp.emit()
            return
        super().keyPressEvent(event)


class MainWindow(Retranslating, QMainWindow):
    profileShown = Signal(int)
    searchFinished = Signal(str)
    todayShown = Signal()

    def __init__(
        self,
        customers: CustomerService,
        settings: SettingsService,
        parent: QWidget | None = None,
        *,
        phrasebooks: PhrasebookService | None = None,
        checker: PhraseChecker | None = None,
        complaints: ComplaintService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.customers = customers
        self.settings = settings
        self.phrasebooks = phrasebooks
        self.checker = checker
        self.tasks = Tasks(on_error=self.show_error)
        self._query_generation = 0
        self._dialogs: list[Any] = []
        self._phrasebook_window: QWidget | None = None
        # The last search shown (query, number of hits), to say it again after a switch.
        self._last_search: tuple[str, int] | None = None

        self.search = SearchBox()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        theme.set_icon(
            self.search.addAction(QIcon(), QLineEdit.ActionPosition.LeadingPosition), "search"
        )
        self.search.textChanged.connect(self._query_changed)
        self.search.returnPressed.connect(self._open_current_result)
        self.search.moveDown.connect(self._focus_results)

        self.results_model = SearchResultsModel(self)
        self.results = ResultsView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.results_model)
        self.results.setAlternatingRowColors(True)
        self.results.setUniformItemSizes(True)
        self.results.activated.connect(self._result_activated)
        self.results.moveUp.connect(self.focus_search)
        self.results.setItemDelegate(SearchResultDelegate(self.results))
        self.no_results = QLabel("")
        self.no_results.setObjectName("noResults")
        self.no_results.setWordWrap(True)
        self.no_results.setProperty("role", "muted")
        results_page = QWidget()
        rl = QVBoxLayout(results_page)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.results, 1)
        rl.addWidget(self.no_results)
        # Nobody found: one click (or Ctrl+N) adds them, prefilled with what was typed.
        self.add_from_search = QPushButton()
        self.add_from_search.setObjectName("addFromSearch")
        self.add_from_search.setVisible(False)
        self.add_from_search.setAccessibleName(self.tr("Add a new customer"))
        self.add_from_search.clicked.connect(self.new_customer)
        rl.addWidget(self.add_from_search)

        self.today = TodayView()
        self.today.openCustomer.connect(self.open_customer)
        self.left = QStackedWidget()
        self.left.setObjectName("leftPane")
        self.left.addWidget(self.today)
        self.left.addWidget(results_page)
        self._results_page = results_page

        self.profile = CustomerProfile(customers, self.tasks, complaints=complaints)
        self.profile.editRequested.connect(self.edit_customer)
        self.profile.purchaseRequested.connect(self.add_purchase)
        self.profile.visitRequested.connect(self.log_visit)
        self.profile.redeemRequested.connect(self.redeem_reward)

        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.left)
        splitter.addWidget(self.profile)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 700])

        self.splitter = splitter

        # While a customer is open the profile owns the main area: Today (or the search
        # results) fold away, and this button, Ctrl+T or typing a search brings them back.
        self.today_button = QToolButton()
        self.today_button.setObjectName("todayButton")
        self.today_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        central = QWidget()
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.today_button)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.resize(1180, 760)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self._build_actions()
        for action, icon in (
            (self.find_action, "search"),
            (self.new_action, "new_customer"),
            (self.edit_action, "edit"),
            (self.visit_action, "visit"),
            (self.purchase_action, "purchase"),
            (self.redeem_action, "reward"),
            (self.today_action, "today"),
        ):
            theme.set_icon(action, icon)
        self.today_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.statusBar().setObjectName("statusBar")
        # DEMO on the status bar and in the title, so made-up customers are never taken
        # for real ones (see set_demo).
        self.demo = False
        self.demo_badge = QLabel()
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setProperty("badge", "demo")
        self.demo_badge.setVisible(False)
        self.statusBar().addPermanentWidget(self.demo_badge)
        # Complaint actions, queues, report and notifications (absent without a service).
        self.complaints: ComplaintFeatures | None = None
        if complaints is not None:
            self.complaints = ComplaintFeatures(self, complaints, checker)
        self.retranslate()

    def retranslate(self) -> None:
        if self.demo:
            self.setWindowTitle(self.tr("DEMO — Service Console (made-up customers)"))
            self.setAccessibleName(self.tr("Service Console, demo with made-up customers"))
        else:
            self.setWindowTitle(self.tr("Service Console"))
            self.setAccessibleName(self.tr("Service Console"))
        self.demo_badge.setText(self.tr("DEMO"))
        self.demo_badge.setToolTip(
            self.tr(
                "Demo database: every customer here is made up. Real work goes in a normal launch."
            )
        )
        self.demo_badge.setAccessibleName(self.tr("Demo database with made-up customers"))
        self.search.setAccessibleName(self.tr("Search customers"))
        self.search.setPlaceholderText(
            self.tr(
                "Find a customer: name, 拼音, phone or its last 4 digits, member no., email"
                "  (Ctrl+K or /)"
            )
        )
        self.results.setAccessibleName(self.tr("Search results"))
        today_hint = self.tr("Show Today's lists beside the customer (Ctrl+T)")
        self.today_button.setAccessibleName(today_hint)
        self.today_button.setToolTip(today_hint)
        self.slash_action.setText(self.tr("Find"))
        self.find_action.setText(self.tr("&Find customer"))
        self.new_action.setText(self.tr("&New customer…"))
        self.edit_action.setText(self.tr("&Edit customer…"))
        self.visit_action.setText(self.tr("Log &visit"))
        self.purchase_action.setText(self.tr("Add &purchase…"))
        self.redeem_action.setText(self.tr("&Reward given"))
        self.phrasebook_action.setText(self.tr("&Phrasebook…"))
        self.today_action.setText(self.tr("&Today"))
        self.quit_action.setText(self.tr("&Quit"))
        self.customer_menu.setTitle(self.tr("&Customer"))
        self.view_menu.setTitle(self.tr("&View"))
        if self._phrasebook_window is not None:
            self._phrasebook_window.setWindowTitle(self.tr("Phrasebook — Service Console"))
        self._show_search_outcome()
        self.results_model.retranslate()

    def set_demo(self, demo: bool) -> None:
        """Say DEMO (title and status bar) when the database holds made-up customers."""
        self.demo = demo
        self.demo_badge.setVisible(demo)
        if demo:
            self.today.offer_demo(False)
        self.retranslate()

    # --- actions -----------------------------------------------------------------------

    def _action(self, name: str, keys: list[QKeySequence], slot: Any) -> QAction:
        """An action of the window; its text is set in :meth:`retranslate`."""
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        # "/" as in many tools; text fields keep it as text (they override shortcuts for text).
        self.slash_action = self._action("slashFindAction", [key("/")], self.focus_search)
        self.find_action = self._action(
            "findAction",
            [key("Ctrl+K"), key(key.StandardKey.Find)],
            self.focus_search,
        )
        self.new_action = self._action(
            "newCustomerAction", [key(key.StandardKey.New)], self.new_customer
        )
        self.edit_action = self._action(
            "editCustomerAction",
            [key("Ctrl+E")],
            lambda: self._on_current(self.edit_customer),
        )
        self.visit_action = self._action(
            "logVisitAction",
            [key("Ctrl+L")],
            lambda: self._on_current(self.log_visit),
        )
        self.purchase_action = self._action(
            "addPurchaseAction",
            [key("Ctrl+P")],
            lambda: self._on_current(self.add_purchase),
        )
        self.redeem_action = self._action(
            "redeemAction",
            [key("Ctrl+R")],
            lambda: self._on_current(self.redeem_reward),
        )
        self.phrasebook_action = self._action(
            "phrasebookAction", [key("Ctrl+Shift+B")], self.open_phrasebook
        )
        self.today_action = self._action("todayAction", [key("Ctrl+T")], self.show_today)
        self.today_button.setDefaultAction(self.today_action)
        self.quit_action = self._action("quitAction", [key(key.StandardKey.Quit)], self.close)
        menu = self.menuBar()
        menu.setObjectName("menuBar")
        file_menu = menu.addMenu("")
        file_menu.setObjectName("customerMenu")
        self.customer_menu = file_menu
        for action in (
            self.find_action,
            self.new_action,
            self.edit_action,
            self.visit_action,
            self.purchase_action,
            self.redeem_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = menu.addMenu("")
        view_menu.setObjectName("viewMenu")
        self.view_menu = view_menu
        view_menu.addAction(self.today_action)
        view_menu.addAction(self.phrasebook_action)

    def _on_current(self, fn: Any) -> None:
        customer_id = self.profile.customer_id
        if customer_id is None:
            self.statusBar().showMessage(
                self.tr("Open a customer first (search with Ctrl+K)."), 4000
            )
            return
        fn(customer_id)

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, StoreError):
            # The database (a team's: the console server) did not answer: nothing was
            # changed, and what is on screen stays.
            text = self.tr("Not done, nothing was changed: {error}").format(error=error_text(exc))
        else:
            text = self.tr("Something went wrong: {error}").format(error=error_text(exc))
        self.statusBar().showMessage(text, 10000)

    # --- search ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _query_changed(self, text: str) -> None:
        self._query_generation += 1
        if text.strip():
            self.unfold_left()
        else:
            self._debounce.stop()
            self.results_model.set_hits([])
            self._last_search = None
            self._show_search_outcome()
            self.left.setCurrentWidget(self.today)
            return
        self._debounce.start()

    def _run_search(self) -> None:
        self.tasks.start(self._search(self.search.text(), self._query_generation), name="search")

    async def _search(self, text: str, generation: int) -> None:
        hits = await self.customers.search(text, limit=30)
        if generation != self._query_generation:
            return  # the query changed while we were searching
        self.results_model.set_hits(hits)
        self.left.setCurrentWidget(self._results_page)
        if hits:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        self._last_search = (text, len(hits))
        self._show_search_outcome()
        self.searchFinished.emit(text)

    def _show_search_outcome(self) -> None:
        """The line under the results (again after a language switch)."""
        if self._last_search is None:
            self.no_results.setText("")
            self.add_from_search.setVisible(False)
            return
        text, count = self._last_search
        self.add_from_search.setVisible(not count and bool(text.strip()))
        self.add_from_search.setText(
            self.tr("&Add “{query}” as a new customer (Ctrl+N)").format(query=text.strip())
        )
        self.add_from_search.setAccessibleName(self.tr("Add a new customer"))
        if count:
            self.no_results.setText(
                self.tr("%n found — Enter opens the highlighted customer, ↓ moves down.", "", count)
            )
        else:
            self.no_results.setText(
                self.tr("No customer matches “{query}”. Press Ctrl+N to add them.").format(
                    query=text
                )
            )

    def _focus_results(self) -> None:
        self.unfold_left()
        if self.results_model.rowCount() and self.left.currentWidget() is self._results_page:
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.results_model.index(0, 0))
        elif self.left.currentWidget() is self.today:
            self.today.occasions.setFocus()

    def _open_current_result(self) -> None:
        if self._debounce.isActive():
            # Enter pressed before the debounce fired: search now, then open the best hit.
            self._debounce.stop()
            self.tasks.start(
                self._search_and_open(self.search.text(), self._query_generation), name="search"
            )
            return
        index = self.results.currentIndex()
        if not index.isValid() and self.results_model.rowCount():
            index = self.results_model.index(0, 0)
        if index.isValid():
            self._result_activated(index)

    async def _search_and_open(self, text: str, generation: int) -> None:
        await self._search(text, generation)
        if generation == self._query_generation and self.results_model.rowCount():
            self._result_activated(self.results_model.index(0, 0))

    def _result_activated(self, index: QModelIndex) -> None:
        hit = self.results_model.hit(index.row())
        if hit is not None:
            self.open_customer(hit.id)

    # --- profile -----------------------------------------------------------------------

    def open_customer(self, customer_id: int) -> None:
        self.tasks.start(self._open(customer_id), name="profile")

    async def _open(self, customer_id: int) -> None:
        profile = await self.customers.profile(customer_id)
        if profile is None:
            self.statusBar().showMessage(
                self.tr("Customer #{number} no longer exists.").format(number=customer_id), 5000
            )
            return
        self.profile.show_profile(profile)
        self.fold_left()
        assert profile.customer.id is not None
        self.profileShown.emit(profile.customer.id)

    def refresh_profile(self) -> None:
        if self.profile.customer_id is not None:
            self.open_customer(self.profile.customer_id)

    def log_visit(self, customer_id: int) -> None:
        self.tasks.start(self._log_visit(customer_id))

    async def _log_visit(self, customer_id: int) -> None:
        await self.customers.log_visit(customer_id)
        await self._open(customer_id)
        profile = self.profile.profile
        if profile is not None:
            self.statusBar().showMessage(
                self.tr("Visit logged for {name}.").format(
                    name=profile.customer.preferred_name or profile.customer.name
                ),
                5000,
            )

    def redeem_reward(self, customer_id: int) -> None:
        profile = self.profile.profile
        if profile is None or profile.loyalty.rewards_available <= 0:
            self.statusBar().showMessage(
                self.tr("No reward is available for this customer yet."), 4000
            )
            return
        self.tasks.start(self._redeem(customer_id))

    async def _redeem(self, customer_id: int) -> None:
        await self.customers.redeem_reward(customer_id)
        await self._open(customer_id)
        self.statusBar().showMessage(self.tr("Reward recorded as given."), 5000)

    def new_customer(self) -> None:
        self.tasks.start(self._customer_dialog(None))

    def edit_customer(self, customer_id: int) -> None:
        self.tasks.start(self._customer_dialog(customer_id))

    async def _customer_dialog(self, customer_id: int | None) -> None:
        from console.ui.customer_dialog import CustomerDialog

        customer = None
        if customer_id is not None:
            customer = await self.customers.get(customer_id)
        region = await self.customers.region()
        dialog = CustomerDialog(
            self.customers, customer, region=region, parent=self, checker=self.checker
        )
        if customer is None and self.search.text().strip():
            dialog.prefill(self.search.text().strip())
        dialog.saved.connect(self._customer_saved)
        dialog.openCustomerRequested.connect(self.open_customer)
        self._keep(dialog)
        dialog.open()

    def _customer_saved(self, customer_id: int) -> None:
        self.today.offer_demo(False)  # somebody real is here now
        self.open_customer(customer_id)
        if self.search.text().strip():
            self._run_search()
        self.statusBar().showMessage(self.tr("Customer saved."), 4000)

    def add_purchase(self, customer_id: int) -> None:
        from console.ui.purchase_dialog import PurchaseDialog

        dialog = PurchaseDialog(self.customers, customer_id, parent=self)
        dialog.saved.connect(self.refresh_profile)
        self._keep(dialog)
        dialog.open()

    def _keep(self, dialog: Any) -> None:
        """Hold a dialog while it is open; let Qt delete it once it is done."""
        self._dialogs.append(dialog)

        def done(_result: int) -> None:
            if dialog in self._dialogs:
                self._dialogs.remove(dialog)
            dialog.deleteLater()

        dialog.finished.connect(done)

    # --- phrasebook ---------------------------------------------------------------------

    def open_phrasebook(self) -> None:
        """The trainer's editor, in a window of its own (its shortcuts are its own)."""
        if self.phrasebooks is None or self.checker is None:
            self.statusBar().showMessage(self.tr("The phrasebook is not available here."), 4000)
            return
        from console.ui.phrasebook_editor import PhrasebookEditor

        if self._phrasebook_window is None:
            editor = PhrasebookEditor(self.phrasebooks, self.checker)
            editor.setWindowTitle(self.tr("Phrasebook — Service Console"))
            fit_to_screen(editor, 1280, 820)
            self._phrasebook_window = editor
            self.tasks.start(editor.load())
        self._phrasebook_window.show()
        self._phrasebook_window.raise_()
        self._phrasebook_window.activateWindow()

    # --- Today -------------------------------------------------------------------------

    def fold_left(self) -> None:
        """Give the main area to the open customer (Today or the results fold away)."""
        self.left.hide()

    def unfold_left(self) -> None:
        """Bring Today or the search results back beside the profile."""
        self.left.show()

    @property
    def left_folded(self) -> bool:
        return self.left.isHidden()

    def show_today(self) -> None:
        self.search.clear()
        self.left.setCurrentWidget(self.today)
        self.unfold_left()
        self.tasks.start(self._load_today(), name="today")

    async def _load_today(self) -> None:
        lists: TodayLists = await self.customers.today()
        self.today.show_lists(lists)
        self.todayShown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._phrasebook_window is not None:
            self._phrasebook_window.close()
        if self.complaints is not None:
            self.complaints.stop()
        self.tasks.cancel_all()
        super().closeEvent(event)

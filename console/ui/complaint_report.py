"""The managers' complaint report: pictures, not only tables.

Pick a period and a store; see complaints received, the medians to first response and to
resolution, promises kept on time, follow-ups done within 7 days, the dissatisfaction
rate and repeat complainers; a bar chart by cause category (or by sub-cause), drawn with
pyqtgraph (PySide6-Essentials has no QtCharts); and the feedback lists — product-quality
causes for the product team, service-attitude causes (with the wording that went wrong)
for the trainers — exportable as CSV, and the whole report as a PDF with the chart.

CSV is written here with the :mod:`csv` module (UTF-8 with a BOM so spreadsheet programs
show Chinese correctly): the service contract has no ``feedback_csv`` function.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import logging
from collections.abc import Sequence
from pathlib import Path

import pyqtgraph as pg  # binds to the Qt already imported: PySide6 (theme, i18n)
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QRectF,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QFontMetrics,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console import files
from console.domain.complaint import SUMMARY_CHARS
from console.services.complaints import ComplaintReport, ComplaintService, FeedbackRow
from console.ui import theme
from console.ui.complaint_form import (
    CAUSE_LABELS,
    QT_TRANSLATE_NOOP,
    RESPONSIBILITY_LABELS,
    label,
)
from console.ui.i18n import format_date, format_number, locale, show_dates
from console.ui.tasks import Tasks
from console.ui.widgets import (
    Retranslating,
    fit_to_screen,
    message_label,
    set_message,
)

log = logging.getLogger(__name__)

FEEDBACK_ON_SCREEN = 500  # rows per feedback list in the window (exports: all)

#: The CSV's column titles (translated when written: the managers read them; the rows
#: are data and stay as recorded).
CSV_HEADER = (
    QT_TRANSLATE_NOOP("ComplaintCsv", "complaint_id"),
    QT_TRANSLATE_NOOP("ComplaintCsv", "received_at"),
    QT_TRANSLATE_NOOP("ComplaintCsv", "store"),
    QT_TRANSLATE_NOOP("ComplaintCsv", "category"),
    QT_TRANSLATE_NOOP("ComplaintCsv", "sub_cause"),
    QT_TRANSLATE_NOOP("ComplaintCsv", "responsibility"),
    QT_TRANSLATE_NOOP("ComplaintCsv", "summary"),
    QT_TRANSLATE_NOOP("ComplaintCsv", "wording_that_went_wrong"),
)
#: The store combo's first item ("no store chosen"), in the language it was shown in.
ALL_STORES = QT_TRANSLATE_NOOP("ComplaintReport", "All stores")
PERIODS = (
    ("this_month", QT_TRANSLATE_NOOP("ComplaintReport", "This month")),
    ("last_month", QT_TRANSLATE_NOOP("ComplaintReport", "Last month")),
    ("last_7_days", QT_TRANSLATE_NOOP("ComplaintReport", "Last 7 days")),
    ("this_year", QT_TRANSLATE_NOOP("ComplaintReport", "This year")),
    ("custom", QT_TRANSLATE_NOOP("ComplaintReport", "Custom")),
)


def category_label(value: str) -> str:
    for category in CAUSE_LABELS:
        if category.value == value:
            return label(CAUSE_LABELS, category)
    if value == "unrecorded":
        return QCoreApplication.translate("ComplaintReport", "Not recorded")
    return value


def responsibility_label(value: str) -> str:
    for responsibility in RESPONSIBILITY_LABELS:
        if responsibility.value == value:
            return label(RESPONSIBILITY_LABELS, responsibility)
    return value


def period_dates(choice: str, today: dt.date) -> tuple[dt.date, dt.date]:
    if choice == "last_month":
        last = today.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), last
    if choice == "last_7_days":
        return today - dt.timedelta(days=6), today
    if choice == "this_year":
        return today.replace(month=1, day=1), today
    return today.replace(day=1), today


def _decimal(value: float, places: int) -> str:
    return locale().toString(float(value), "f", places)


def pct_text(pct: float | None, part: int, whole: int) -> str:
    if pct is None:
        return QCoreApplication.translate("ComplaintReport", "— (none yet)")
    return QCoreApplication.translate("ComplaintReport", "{pct} % ({part} of {whole})").format(
        pct=_decimal(pct, 1), part=format_number(part), whole=format_number(whole)
    )


def minutes_text(minutes: float | None) -> str:
    if minutes is None:
        return "—"
    if minutes < 90:
        return QCoreApplication.translate("ComplaintReport", "{minutes} min").format(
            minutes=_decimal(minutes, 0)
        )
    return QCoreApplication.translate("ComplaintReport", "{hours} h").format(
        hours=_decimal(minutes / 60, 1)
    )


def hours_text(hours: float | None) -> str:
    if hours is None:
        return "—"
    if hours < 48:
        return QCoreApplication.translate("ComplaintReport", "{hours} h").format(
            hours=_decimal(hours, 1)
        )
    return QCoreApplication.translate("ComplaintReport", "{days} days").format(
        days=_decimal(hours / 24, 1)
    )


def figures(report: ComplaintReport) -> list[tuple[str, str, str]]:
    """(object name, label, value) for each headline figure, in display order."""
    repeat = ", ".join(f"{name} ×{count}" for _cid, name, count in report.repeat_complainers[:5])
    return [
        (
            "figReceived",
            QCoreApplication.translate("ComplaintReport", "Complaints received"),
            format_number(report.received),
        ),
        (
            "figFirstResponse",
            QCoreApplication.translate("ComplaintReport", "Median time to first response"),
            minutes_text(report.median_first_response_minutes),
        ),
        (
            "figResolution",
            QCoreApplication.translate("ComplaintReport", "Median time to resolution"),
            hours_text(report.median_resolution_hours),
        ),
        (
            "figPromisesKept",
            QCoreApplication.translate("ComplaintReport", "Promises kept on time"),
            pct_text(report.promises_kept_pct, report.promises_kept, report.promises_made),
        ),
        (
            "figFollowUps",
            QCoreApplication.translate("ComplaintReport", "Follow-ups within 7 days"),
            pct_text(
                report.follow_ups_within_7_days_pct,
                report.follow_ups_within_7_days,
                report.follow_ups_due,
            ),
        ),
        (
            "figDissatisfied",
            QCoreApplication.translate("ComplaintReport", "Dissatisfied at follow-up (≤ 2 of 5)"),
            pct_text(report.dissatisfaction_pct, report.dissatisfied, report.follow_ups_done),
        ),
        (
            "figRepeat",
            QCoreApplication.translate("ComplaintReport", "Repeat complainers"),
            format_number(len(report.repeat_complainers)) + (f": {repeat}" if repeat else ""),
        ),
    ]


def write_feedback_csv(path: str | Path, rows: Sequence[FeedbackRow]) -> int:
    """Write feedback rows as CSV (UTF-8 with BOM); returns the number of rows written."""
    with files.atomic_open(path, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([QCoreApplication.translate("ComplaintCsv", title) for title in CSV_HEADER])
        for row in rows:
            writer.writerow(
                [
                    row.complaint_id,
                    row.received_at.isoformat(timespec="minutes"),
                    row.store,
                    row.category.value,
                    row.sub_cause,
                    row.responsibility,
                    row.summary,
                    row.wording,
                ]
            )
    return len(rows)


# The longest bar, in pixels: long enough to compare, short enough to read across. On a
# wide window the axis runs on past it and the legend sits in the room that is left.
MAX_BAR_WIDTH = 420
# A bar's thickness, as a share of its row.
BAR_THICKNESS = 0.6
ROW_PX = 30


SUMMARY_COLUMN = 5  # in the feedback tables: id, received, store, sub-cause, who, summary…


def summary_text(summary: str) -> str:
    """A stored summary (the first :data:`SUMMARY_CHARS` characters of what happened),
    with "…" when the text went on."""
    return summary + "…" if len(summary) >= SUMMARY_CHARS else summary


class BarChart(Retranslating, QWidget):
    """Horizontal bars, one per cause, with a count axis, its label and a legend, drawn
    with pyqtgraph in the theme's colours (the PDF's copy is always on white paper).

    pyqtgraph rather than QtCharts: QtCharts comes only with PySide6-Addons (several
    hundred MB installed, and in the desktop bundle); pyqtgraph is pure Python on numpy.
    """

    def __init__(self, parent: QWidget | None = None, *, scheme: theme.Scheme | None = None):
        super().__init__(parent)
        self.setObjectName("complaintChart")
        self.scheme = scheme
        self.title = ""
        self.bars: list[tuple[str, int]] = []
        colours = theme.colours(scheme)
        self.plot = pg.PlotWidget(background=colours.surface)
        self.plot.setObjectName("complaintChartPlot")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getViewBox().invertY(True)  # the biggest cause on top
        self.plot.getViewBox().sigResized.connect(self._fit_range)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(colours.border))
            axis.setTextPen(pg.mkPen(colours.text))
            axis.setStyle(tickFont=self.font())
        self.plot.getAxis("left").setStyle(tickLength=0)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.series = pg.BarGraphItem(
            x0=[], y=[], width=[], height=BAR_THICKNESS, brush=colours.chart[0], pen=None
        )
        self.plot.addItem(self.series)
        self.legend = pg.LegendItem(
            offset=(-10, 10),
            labelTextColor=colours.text,
            brush=pg.mkBrush(colours.surface),
            pen=pg.mkPen(colours.border),
        )
        self.legend.setParentItem(self.plot.getPlotItem().vb)
        self.empty = QLabel(self)
        self.empty.setObjectName("complaintChartEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("complaintChartTitle")
        self.heading.setProperty("role", "section")
        if scheme is not None:  # a copy for paper: its own colours, not the window's
            self.heading.setStyleSheet(f"color: {colours.text}; font-weight: 600;")
        layout.addWidget(self.heading)
        layout.addWidget(self.plot, 1)
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Complaints by cause"))
        self._draw()

    def set_data(self, title: str, bars: Sequence[tuple[str, int]]) -> None:
        self.title = title
        self.bars = list(bars)
        self._draw()
        self.updateGeometry()

    def _draw(self) -> None:
        text = "; ".join(f"{bar}: {count}" for bar, count in self.bars) or self.tr("no complaints")
        self.setAccessibleDescription(f"{self.title}: {text}")
        self.heading.setText(self.title)
        positions = list(range(len(self.bars)))
        counts = [count for _bar, count in self.bars]
        self.series.setOpts(x0=[0] * len(counts), y=positions, width=counts)
        metrics = QFontMetrics(self.font())
        labels = [
            (position, metrics.elidedText(bar, Qt.TextElideMode.ElideRight, 260))
            for position, (bar, _count) in enumerate(self.bars)
        ]
        left = self.plot.getAxis("left")
        left.setTicks([labels, []])
        widest = max((metrics.horizontalAdvance(shown) for _p, shown in labels), default=40)
        left.setWidth(widest + 16)
        most = max(counts, default=0)
        step = max(1, -(-most // 5))  # whole complaints only
        self.plot.getAxis("bottom").setTickSpacing(major=step, minor=step)
        self.plot.setLabel(
            "bottom", self.tr("Number of complaints"), color=theme.colours(self.scheme).text
        )
        self.legend.clear()
        if self.bars:
            self.legend.addItem(self.series, self.tr("Complaints received"))
        self.legend.setVisible(bool(self.bars))
        self.empty.setText(self.tr("No complaints") if not self.bars else "")
        self.empty.setVisible(not self.bars)
        self._fit_range()

    def _fit_range(self) -> None:
        """Rows of equal height; the longest bar at most :data:`MAX_BAR_WIDTH` pixels."""
        rows = max(len(self.bars), 1)
        view = self.plot.getViewBox()
        self.plot.setYRange(-0.5, rows - 0.5, padding=0)
        most = max((count for _bar, count in self.bars), default=1) or 1
        width = max(view.width(), 1.0)
        # The longest bar fills 85 % of a narrow plot, or MAX_BAR_WIDTH of a wide one.
        share = min(0.85, MAX_BAR_WIDTH / width)
        self.plot.setXRange(0, most / share, padding=0)
        self.empty.setGeometry(self.rect())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.empty.setGeometry(self.rect())

    def sizeHint(self) -> QSize:
        return QSize(560, 90 + ROW_PX * max(len(self.bars), 3))

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn, in this widget's pixels."""
        view = self.plot.getViewBox()
        rects = []
        for position, (_bar, count) in enumerate(self.bars):
            data = QRectF(0, position - BAR_THICKNESS / 2, count, BAR_THICKNESS)
            scene = view.mapViewToScene(data).boundingRect()
            top_left = self.plot.mapFromScene(scene.topLeft())
            bottom_right = self.plot.mapFromScene(scene.bottomRight())
            shown = QRectF(top_left.toPointF(), bottom_right.toPointF()).normalized()
            rects.append(shown.translated(self.plot.pos().toPointF()))
        return rects

    def image(self, width: int = 900, height: int | None = None) -> QImage:
        """The chart as an image for the PDF: light colours on white paper, whatever the
        window's scheme."""
        paper = BarChart(scheme=theme.Scheme.LIGHT)
        paper.plot.setBackground("#ffffff")
        paper.setStyleSheet("background: #ffffff;")
        paper.set_data(self.title, self.bars)
        paper.resize(width, height or 90 + ROW_PX * max(len(self.bars), 3))
        paper.ensurePolished()
        layout = paper.layout()
        if layout is not None:
            layout.activate()
        paper._fit_range()
        image = paper.grab().toImage()
        paper.deleteLater()
        return image


class ComplaintReportView(Retranslating, QWidget):
    """The report window. ``loaded()`` after each refresh."""

    loaded = Signal()

    def __init__(
        self, service: ComplaintService, tasks: Tasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaintReport")
        self.service = service
        self.tasks = tasks
        self.report: ComplaintReport | None = None
        self._dialogs: list[QFileDialog] = []
        self._period_shown = False

        today = service.now().date()
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        for value, _text in PERIODS:
            self.period.addItem("", value)
        self.date_from = QDateEdit()
        self.date_from.setObjectName("reportFrom")
        self.date_to = QDateEdit()
        self.date_to.setObjectName("reportTo")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.store = QComboBox()
        self.store.setObjectName("reportStore")
        self.store.setEditable(True)
        self.store.addItem(QCoreApplication.translate("ComplaintReport", ALL_STORES))
        self.store.setMinimumWidth(180)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("reportRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.period.currentIndexChanged.connect(self._period_changed)
        start, end = period_dates("this_month", today)
        self.set_period(start, end)

        top = QHBoxLayout()
        self._captions: list[QLabel] = []
        for widget in (self.period, self.date_from, self.date_to, self.store):
            caption = QLabel()
            caption.setBuddy(widget)
            self._captions.append(caption)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addWidget(self.refresh_button)
        top.addStretch(1)

        self.figure_labels: dict[str, QLabel] = {}
        self._figure_captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for position, (name, _title, _value) in enumerate(figures(_empty_report(today))):
            caption = QLabel()
            caption.setProperty("role", "muted")
            shown = QLabel("—")
            shown.setObjectName(name)
            shown.setWordWrap(True)
            shown.setProperty("role", "figure")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, col = divmod(position, 3)
            grid.addWidget(caption, row * 2, col)
            grid.addWidget(shown, row * 2 + 1, col)
            self.figure_labels[name] = shown
            self._figure_captions[name] = caption

        self.chart_mode = QComboBox()
        self.chart_mode.setObjectName("chartMode")
        self.chart_mode.addItem("", "category")
        self.chart_mode.addItem("", "cause")
        self.chart_mode.currentIndexChanged.connect(self._draw_chart)
        self.chart = BarChart()
        chart_line = QHBoxLayout()
        self._chart_label = QLabel()
        self._chart_label.setBuddy(self.chart_mode)
        chart_line.addWidget(self._chart_label)
        chart_line.addWidget(self.chart_mode)
        chart_line.addStretch(1)

        self.product_table = self._table("productFeedback")
        self.training_table = self._table("trainingFeedback")
        self.feedback = QTabWidget()
        self.feedback.setObjectName("feedbackTabs")
        self.feedback.addTab(self.product_table, "")
        self.feedback.addTab(self.training_table, "")

        self.export_product = QPushButton()
        self.export_product.setObjectName("exportProductCsv")
        self.export_training = QPushButton()
        self.export_training.setObjectName("exportTrainingCsv")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("savePdf")
        self.export_product.clicked.connect(lambda: self._ask_path("product"))
        self.export_training.clicked.connect(lambda: self._ask_path("training"))
        self.pdf_button.clicked.connect(lambda: self._ask_path("pdf"))
        self.status = message_label("reportStatus")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in (self.export_product, self.export_training, self.pdf_button):
            button.setAutoDefault(False)
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(chart_line)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.feedback, 2)
        layout.addLayout(bottom)
        fit_to_screen(self, 1000, 760)  # smaller on a smaller screen (the body scrolls)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface language; the period, store and chart choice stay,
        and a report already shown is shown again from the figures it holds."""
        self.setAccessibleName(self.tr("Complaint report"))
        show_dates(self.date_from, self.date_to)
        self.setWindowTitle(self.tr("Complaint report — Service Console"))
        self.period.setAccessibleName(self.tr("Period"))
        for index, (_value, text) in enumerate(PERIODS):
            self.period.setItemText(index, QCoreApplication.translate("ComplaintReport", text))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date (inclusive)"))
        self.store.setAccessibleName(self.tr("Store"))
        all_stores = QCoreApplication.translate("ComplaintReport", ALL_STORES)
        showing_all = self.store.currentText().strip() in ("", self.store.itemText(0))
        self.store.setItemText(0, all_stores)
        if showing_all:
            self.store.setEditText(all_stores)
        self.refresh_button.setText(self.tr("&Show"))
        self.refresh_button.setAccessibleName(self.tr("Show the report"))
        captions = (self.tr("&Period:"), self.tr("&From:"), self.tr("&To:"), self.tr("St&ore:"))
        for caption, text in zip(self._captions, captions, strict=True):
            caption.setText(text)
        for name, title, _value in figures(self.report or _empty_report(self.service.now().date())):
            self._figure_captions[name].setText(title)
            self.figure_labels[name].setAccessibleName(title)
        self.chart_mode.setAccessibleName(self.tr("Chart by"))
        self.chart_mode.setItemText(0, self.tr("By cause category"))
        self.chart_mode.setItemText(1, self.tr("By sub-cause"))
        self._chart_label.setText(self.tr("C&hart:"))
        self.product_table.setAccessibleName(self.tr("Product-quality feedback"))
        self.training_table.setAccessibleName(self.tr("Service-attitude feedback"))
        for table in (self.product_table, self.training_table):
            table.setHorizontalHeaderLabels(
                [
                    "#",
                    self.tr("Received"),
                    self.tr("Store"),
                    self.tr("Sub-cause"),
                    self.tr("Responsibility"),
                    self.tr("What happened"),
                    self.tr("Wording"),
                ]
            )
        self.feedback.setAccessibleName(self.tr("Feedback lists"))
        self.export_product.setText(self.tr("Export product list (CSV)…"))
        self.export_product.setAccessibleName(self.tr("Export the product list as CSV"))
        self.export_training.setText(self.tr("Export trainers' list (CSV)…"))
        self.export_training.setAccessibleName(self.tr("Export the trainers' list as CSV"))
        self.pdf_button.setText(self.tr("Save &PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Save the report as PDF"))
        if self.report is not None:
            self.show_report(self.report, notify=False)
        else:
            self._feedback_titles()

    def _feedback_titles(self) -> None:
        if self.report is None:
            self.feedback.setTabText(0, self.tr("For the product team"))
            self.feedback.setTabText(1, self.tr("For the trainers"))
            return
        self.feedback.setTabText(
            0,
            self.tr("For the product team ({count})").format(
                count=format_number(len(self.report.product_feedback))
            ),
        )
        self.feedback.setTabText(
            1,
            self.tr("For the trainers ({count})").format(
                count=format_number(len(self.report.training_feedback))
            ),
        )

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 7)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        # One line a row; what does not fit ends with "…" and shows whole on hover.
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        return table

    # --- period ------------------------------------------------------------------------

    def set_period(self, start: dt.date, end: dt.date) -> None:
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def _period_changed(self, _index: int) -> None:
        choice = str(self.period.currentData())
        if choice != "custom":
            start, end = period_dates(choice, self.service.now().date())
            self.set_period(start, end)
            self.refresh()

    def chosen(self) -> tuple[dt.date, dt.date, str | None]:
        start = self.date_from.date().toPython()
        end = self.date_to.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        store = self.store.currentText().strip()
        all_stores = (ALL_STORES, self.store.itemText(0))
        return start, end, None if store == "" or store in all_stores else store

    # --- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.start(self.load(), name="complaint-report")

    async def load(self) -> ComplaintReport | None:
        start, end, store = self.chosen()
        if end < start:
            self._set_status(self.tr("The period ends before it starts."), error=True)
            return None
        self._set_status(self.tr("Computing…"), error=False)
        # On screen the feedback lists show their first rows (a year can hold 170,000 of
        # them); an export asks for them all.
        report = await self.service.report(start, end, store, feedback_limit=FEEDBACK_ON_SCREEN)
        self.show_report(report)
        return report

    def show_report(self, report: ComplaintReport, *, notify: bool = True) -> None:
        """Show *report*; ``notify=False`` when it is only shown again (a language switch:
        the status line then keeps what it says unless it names the period)."""
        self.report = report
        for name, _label, value in figures(report):
            self.figure_labels[name].setText(value)
        if report.store and self.store.findText(report.store) < 0:
            self.store.addItem(report.store)
        self._draw_chart()
        self._fill(self.product_table, report.product_feedback)
        self._fill(self.training_table, report.training_feedback)
        self._feedback_titles()
        cut = [
            row.complaint_id
            for row in (*report.product_feedback, *report.training_feedback)
            if len(row.summary) >= SUMMARY_CHARS
        ]
        if cut:  # a cut summary shows its whole text on hover
            self.tasks.start(self._whole_summaries(cut), name="whole-summaries")
        if notify or self._period_shown:
            where = report.store or self.tr("all stores")
            set_message(
                self.status,
                self.tr("{start} – {end}, {where}.").format(
                    start=format_date(report.date_from),
                    end=format_date(report.date_to),
                    where=where,
                ),
                error=False,
            )
            self._period_shown = True
        if notify:
            self.loaded.emit()

    def chart_bars(self) -> tuple[str, list[tuple[str, int]]]:
        report = self.report
        if report is None:
            return "", []
        if self.chart_mode.currentData() == "cause":
            unspecified = self.tr("unspecified")
            bars = [
                (f"{category_label(cat)} / {sub or unspecified}", count)
                for cat, sub, count in report.by_cause[:12]
            ]
            return self.tr("Complaints by sub-cause"), bars
        bars = sorted(
            ((category_label(cat), count) for cat, count in report.by_category.items()),
            key=lambda bar: -bar[1],
        )
        return self.tr("Complaints by cause category"), bars

    def _draw_chart(self, _index: int = 0) -> None:
        title, bars = self.chart_bars()
        self.chart.set_data(title, bars)

    async def _whole_summaries(self, complaint_ids: list[int]) -> None:
        whole = await self.service.whole_summaries(complaint_ids)
        for table in (self.product_table, self.training_table):
            for r in range(table.rowCount()):
                id_item, summary = table.item(r, 0), table.item(r, SUMMARY_COLUMN)
                if id_item is None or summary is None:
                    continue
                text = whole.get(int(id_item.text()))
                if text:
                    summary.setToolTip(text)

    @staticmethod
    def _fill(table: QTableWidget, rows: Sequence[FeedbackRow]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [
                str(row.complaint_id),
                format_date(row.received_at.date()),
                row.store,
                row.sub_cause,
                responsibility_label(row.responsibility),
                summary_text(row.summary),
                row.wording,
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(r, c, item)

    # --- export --------------------------------------------------------------------------

    def _ask_path(self, what: str) -> None:
        if self.report is None:
            self._set_status(self.tr("Show a report first."), error=True)
            return
        start, end, _store = self.chosen()
        suffix = "pdf" if what == "pdf" else "csv"
        name = f"complaints-{what}-{start:%Y%m%d}-{end:%Y%m%d}.{suffix}"
        dialog = QFileDialog(self, self.tr("Save as"), str(Path.home() / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("PDF (*.pdf)" if what == "pdf" else "CSV (*.csv)")
        dialog.setDefaultSuffix(suffix)
        dialog.fileSelected.connect(lambda path, w=what: self.export(w, path))
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_done(d))
        self._dialogs.append(dialog)
        dialog.open()

    def _dialog_done(self, dialog: QFileDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()

    def export(self, what: str, path: str) -> None:
        try:
            if what == "pdf":
                self.save_pdf(path)
                text = self.tr("Report saved as {path}.").format(path=path)
            elif self._maybe_cut(what):
                self.tasks.start(self._export_all(what, path), name="export-feedback")
                return
            else:
                count = self.export_csv(what, path)
                text = (
                    self.tr("1 row saved to {path}.")
                    if count == 1
                    else self.tr("%n rows saved to {path}.", "", count)
                ).format(path=path)
        except OSError as exc:
            self._set_status(self.tr("Could not save: {error}").format(error=exc), error=True)
            return
        self._set_status(text, error=False)

    def _set_status(self, text: str, *, error: bool) -> None:
        self._period_shown = False
        set_message(self.status, text, error=error)

    def _maybe_cut(self, what: str) -> bool:
        """True when the list on screen may hold only the first rows of the period's."""
        if self.report is None:
            return False
        rows = self.report.product_feedback if what == "product" else self.report.training_feedback
        return len(rows) >= FEEDBACK_ON_SCREEN

    async def _export_all(self, what: str, path: str) -> None:
        assert self.report is not None
        shown = self.report
        self._set_status(self.tr("Computing…"), error=False)
        full = await self.service.report(shown.date_from, shown.date_to, shown.store)
        rows = full.product_feedback if what == "product" else full.training_feedback
        try:
            count = write_feedback_csv(path, rows)
        except OSError as exc:
            self._set_status(self.tr("Could not save: {error}").format(error=exc), error=True)
            return
        self._set_status(
            self.tr("%n rows saved to {path}.", "", count).format(path=path), error=False
        )

    def export_csv(self, what: str, path: str | Path) -> int:
        assert self.report is not None
        rows = self.report.product_feedback if what == "product" else self.report.training_feedback
        return write_feedback_csv(path, rows)

    def report_html(self) -> str:
        report = self.report
        assert report is not None
        e = html.escape
        where = report.store or QCoreApplication.translate("ComplaintReport", ALL_STORES)
        heading = self.tr("Complaints {start} – {end} · {where}").format(
            start=format_date(report.date_from), end=format_date(report.date_to), where=where
        )
        parts = [f"<h2>{e(heading)}</h2><table cellpadding='4'>"]
        for _name, caption, value in figures(report):
            parts.append(f"<tr><td>{e(caption)}</td><td><b>{e(value)}</b></td></tr>")
        parts.append("</table><p><img src='chart.png' width='640'></p>")
        for title, rows in (
            (self.tr("For the product team (product quality)"), report.product_feedback),
            (self.tr("For the trainers (service attitude)"), report.training_feedback),
        ):
            parts.append(f"<h3>{e(title)} — {format_number(len(rows))}</h3>")
            if not rows:
                none = self.tr("None in this period.")
                parts.append(f"<p>{e(none)}</p>")
                continue
            columns = (
                "#",
                self.tr("Received"),
                self.tr("Store"),
                self.tr("Sub-cause"),
                self.tr("What happened"),
                self.tr("Wording"),
            )
            parts.append(
                "<table border='1' cellspacing='0' cellpadding='3'><tr>"
                + "".join(f"<th>{e(column)}</th>" for column in columns)
                + "</tr>"
            )
            for row in rows:
                parts.append(
                    f"<tr><td>{row.complaint_id}</td><td>{e(format_date(row.received_at.date()))}</td>"
                    f"<td>{e(row.store)}</td><td>{e(row.sub_cause)}</td>"
                    f"<td>{e(row.summary)}</td><td>{e(row.wording)}</td></tr>"
                )
            parts.append("</table>")
        return "".join(parts)

    def save_pdf(self, path: str | Path) -> None:
        """The report as a printable PDF (A4), with the chart embedded as an image."""
        if self.report is None:
            raise OSError(self.tr("no report to save"))
        document = QTextDocument()
        document.setDefaultFont(self.font())
        image = self.chart.image()
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart.png"), image)
        document.setHtml(self.report_html())
        # Written beside the target and renamed into place: all or nothing, 0600.
        with files.temporary_beside(path) as temp:
            writer = QPdfWriter(str(temp))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setPageOrientation(QPageLayout.Orientation.Portrait)
            writer.setResolution(150)
            writer.setTitle(self.tr("Complaint report"))
            writer.setCreator("Service Console")
            document.print_(writer)
            del writer  # the PDF is finished when its writer goes
            if temp.stat().st_size == 0:
                raise OSError(self.tr("the PDF could not be written to {path}").format(path=path))


def _empty_report(today: dt.date) -> ComplaintReport:
    return ComplaintReport(
        date_from=today,
        date_to=today,
        store=None,
        received=0,
        by_category={},
        by_cause=[],
        by_status={},
        median_first_response_minutes=None,
        median_resolution_hours=None,
        promises_made=0,
        promises_kept=0,
        promises_kept_pct=None,
        follow_ups_due=0,
        follow_ups_within_7_days=0,
        follow_ups_within_7_days_pct=None,
        follow_ups_done=0,
        dissatisfied=0,
        dissatisfaction_pct=None,
        repeat_complainers=[],
        product_feedback=[],
        training_feedback=[],
    )

"""The managers' complaint report: pictures, not only tables.

Pick a period and a store; see complaints received, the medians to first response and to
resolution, promises kept on time, follow-ups done within 7 days, the dissatisfaction
rate and repeat complainers; a bar chart by cause category (or by sub-cause), drawn with
QPainter (PySide6-Essentials has no QtCharts); and the feedback lists — product-quality
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

from PySide6.QtCore import QDate, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPdfWriter,
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

from console.services.complaints import ComplaintReport, ComplaintService, FeedbackRow
from console.ui.complaint_form import CAUSE_LABELS, RESPONSIBILITY_LABELS
from console.ui.tasks import Tasks
from console.ui.widgets import message_label, name_widget, set_message

log = logging.getLogger(__name__)

BAR_COLOURS = ("#1e6fd9", "#b3261e", "#2e7d32", "#a15c00", "#6a1b9a", "#00838f", "#5d4037")
CSV_HEADER = (
    "complaint_id",
    "received_at",
    "store",
    "category",
    "sub_cause",
    "responsibility",
    "summary",
    "wording_that_went_wrong",
)
ALL_STORES = "All stores"
PERIODS = (
    ("this_month", "This month"),
    ("last_month", "Last month"),
    ("last_7_days", "Last 7 days"),
    ("this_year", "This year"),
    ("custom", "Custom"),
)


def category_label(value: str) -> str:
    for category, label in CAUSE_LABELS.items():
        if category.value == value:
            return label
    return "Not recorded" if value == "unrecorded" else value


def responsibility_label(value: str) -> str:
    for responsibility, label in RESPONSIBILITY_LABELS.items():
        if responsibility.value == value:
            return label
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


def pct_text(pct: float | None, part: int, whole: int) -> str:
    if pct is None:
        return "— (none yet)"
    return f"{pct:.1f} % ({part} of {whole})"


def minutes_text(minutes: float | None) -> str:
    if minutes is None:
        return "—"
    if minutes < 90:
        return f"{minutes:.0f} min"
    return f"{minutes / 60:.1f} h"


def hours_text(hours: float | None) -> str:
    if hours is None:
        return "—"
    if hours < 48:
        return f"{hours:.1f} h"
    return f"{hours / 24:.1f} days"


def figures(report: ComplaintReport) -> list[tuple[str, str, str]]:
    """(object name, label, value) for each headline figure, in display order."""
    repeat = ", ".join(f"{name} ×{count}" for _cid, name, count in report.repeat_complainers[:5])
    return [
        ("figReceived", "Complaints received", f"{report.received:,}"),
        (
            "figFirstResponse",
            "Median time to first response",
            minutes_text(report.median_first_response_minutes),
        ),
        ("figResolution", "Median time to resolution", hours_text(report.median_resolution_hours)),
        (
            "figPromisesKept",
            "Promises kept on time",
            pct_text(report.promises_kept_pct, report.promises_kept, report.promises_made),
        ),
        (
            "figFollowUps",
            "Follow-ups within 7 days",
            pct_text(
                report.follow_ups_within_7_days_pct,
                report.follow_ups_within_7_days,
                report.follow_ups_due,
            ),
        ),
        (
            "figDissatisfied",
            "Dissatisfied at follow-up (≤ 2 of 5)",
            pct_text(report.dissatisfaction_pct, report.dissatisfied, report.follow_ups_done),
        ),
        (
            "figRepeat",
            "Repeat complainers",
            f"{len(report.repeat_complainers)}" + (f": {repeat}" if repeat else ""),
        ),
    ]


def write_feedback_csv(path: str | Path, rows: Sequence[FeedbackRow]) -> int:
    """Write feedback rows as CSV (UTF-8 with BOM); returns the number of rows written."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
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


class BarChart(QWidget):
    """Horizontal bars with their labels and counts, drawn with QPainter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintChart")
        self.setAccessibleName("Complaints by cause")
        self.title = ""
        self.bars: list[tuple[str, int]] = []
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, title: str, bars: Sequence[tuple[str, int]]) -> None:
        self.title = title
        self.bars = list(bars)
        text = "; ".join(f"{label}: {count}" for label, count in self.bars) or "no complaints"
        self.setAccessibleDescription(f"{title}: {text}")
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 48 + 28 * max(len(self.bars), 3))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint(painter, self.width(), self.height())
        painter.end()

    def paint(self, painter: QPainter, width: int, height: int) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(0, 0, width, height, QColor("#ffffff"))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(8, 4, width - 16, 22), Qt.AlignmentFlag.AlignLeft, self.title)
        font.setBold(False)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        if not self.bars:
            painter.setPen(QColor("#777777"))
            painter.drawText(
                QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, "No complaints"
            )
            return
        top = 32.0
        row = min(28.0, (height - top - 8) / len(self.bars))
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in self.bars) + 16, width * 0.45
        )
        most = max(count for _label, count in self.bars) or 1
        count_width = metrics.horizontalAdvance(f"{most:,}") + 12
        bar_space = max(width - label_width - count_width - 16, 10)
        for position, (label, count) in enumerate(self.bars):
            y = top + position * row
            painter.setPen(QColor("#333333"))
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width - 12))
            painter.drawText(
                QRectF(8, y, label_width - 8, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                shown,
            )
            length = bar_space * count / most
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(BAR_COLOURS[position % len(BAR_COLOURS)]))
            painter.drawRoundedRect(QRectF(label_width, y + 4, max(length, 2), row - 8), 3, 3)
            painter.setPen(QColor("#222222"))
            painter.drawText(
                QRectF(label_width + length + 6, y, count_width, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                f"{count:,}",
            )

    def image(self, width: int = 900, height: int | None = None) -> QImage:
        """The chart as an image (for the PDF)."""
        height = height or 48 + 30 * max(len(self.bars), 3)
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        self.paint(painter, width, height)
        painter.end()
        return image


class ComplaintReportView(QWidget):
    """The report window. ``loaded()`` after each refresh."""

    loaded = Signal()

    def __init__(
        self, service: ComplaintService, tasks: Tasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaintReport")
        self.setAccessibleName("Complaint report")
        self.setWindowTitle("Complaint report — Service Console")
        self.service = service
        self.tasks = tasks
        self.report: ComplaintReport | None = None
        self._dialogs: list[QFileDialog] = []

        today = service.now().date()
        self.period = QComboBox()
        name_widget(self.period, "reportPeriod", "Period")
        for value, text in PERIODS:
            self.period.addItem(text, value)
        self.date_from = QDateEdit()
        name_widget(self.date_from, "reportFrom", "From date")
        self.date_to = QDateEdit()
        name_widget(self.date_to, "reportTo", "To date (inclusive)")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.store = QComboBox()
        name_widget(self.store, "reportStore", "Store")
        self.store.setEditable(True)
        self.store.addItem(ALL_STORES)
        self.store.setMinimumWidth(180)
        self.refresh_button = QPushButton("&Show")
        name_widget(self.refresh_button, "reportRefresh", "Show the report")
        self.refresh_button.clicked.connect(self.refresh)
        self.period.currentIndexChanged.connect(self._period_changed)
        start, end = period_dates("this_month", today)
        self.set_period(start, end)

        top = QHBoxLayout()
        for text, widget in (
            ("&Period:", self.period),
            ("&From:", self.date_from),
            ("&To:", self.date_to),
            ("St&ore:", self.store),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addWidget(self.refresh_button)
        top.addStretch(1)

        self.figure_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for position, (name, title, _value) in enumerate(figures(_empty_report(today))):
            caption = QLabel(title)
            caption.setStyleSheet("color: #555;")
            shown = QLabel("—")
            shown.setObjectName(name)
            shown.setAccessibleName(title)
            shown.setWordWrap(True)
            shown.setStyleSheet("font-size: 15px; font-weight: 600;")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, col = divmod(position, 3)
            grid.addWidget(caption, row * 2, col)
            grid.addWidget(shown, row * 2 + 1, col)
            self.figure_labels[name] = shown

        self.chart_mode = QComboBox()
        name_widget(self.chart_mode, "chartMode", "Chart by")
        self.chart_mode.addItem("By cause category", "category")
        self.chart_mode.addItem("By sub-cause", "cause")
        self.chart_mode.currentIndexChanged.connect(self._draw_chart)
        self.chart = BarChart()
        chart_line = QHBoxLayout()
        chart_label = QLabel("C&hart:")
        chart_label.setBuddy(self.chart_mode)
        chart_line.addWidget(chart_label)
        chart_line.addWidget(self.chart_mode)
        chart_line.addStretch(1)

        self.product_table = self._table("productFeedback", "Product-quality feedback")
        self.training_table = self._table("trainingFeedback", "Service-attitude feedback")
        self.feedback = QTabWidget()
        name_widget(self.feedback, "feedbackTabs", "Feedback lists")
        self.feedback.addTab(self.product_table, "For the product team")
        self.feedback.addTab(self.training_table, "For the trainers")

        self.export_product = QPushButton("Export product list (CSV)…")
        name_widget(self.export_product, "exportProductCsv", "Export the product list as CSV")
        self.export_training = QPushButton("Export trainers' list (CSV)…")
        name_widget(self.export_training, "exportTrainingCsv", "Export the trainers' list as CSV")
        self.pdf_button = QPushButton("Save &PDF…")
        name_widget(self.pdf_button, "savePdf", "Save the report as PDF")
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
        self.resize(1000, 760)

    def _table(self, name: str, accessible: str) -> QTableWidget:
        table = QTableWidget(0, 7)
        name_widget(table, name, accessible)
        table.setHorizontalHeaderLabels(
            ["#", "Received", "Store", "Sub-cause", "Responsibility", "What happened", "Wording"]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
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
        return start, end, None if store in ("", ALL_STORES) else store

    # --- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.start(self.load(), name="complaint-report")

    async def load(self) -> ComplaintReport | None:
        start, end, store = self.chosen()
        if end < start:
            set_message(self.status, "The period ends before it starts.", error=True)
            return None
        set_message(self.status, "Computing…", error=False)
        report = await self.service.report(start, end, store)
        self.show_report(report)
        return report

    def show_report(self, report: ComplaintReport) -> None:
        self.report = report
        for name, _label, value in figures(report):
            self.figure_labels[name].setText(value)
        if report.store and self.store.findText(report.store) < 0:
            self.store.addItem(report.store)
        self._draw_chart()
        self._fill(self.product_table, report.product_feedback)
        self._fill(self.training_table, report.training_feedback)
        self.feedback.setTabText(0, f"For the product team ({len(report.product_feedback)})")
        self.feedback.setTabText(1, f"For the trainers ({len(report.training_feedback)})")
        where = report.store or ALL_STORES.lower()
        set_message(
            self.status,
            f"{report.date_from:%d %b %Y} – {report.date_to:%d %b %Y}, {where}.",
            error=False,
        )
        self.loaded.emit()

    def chart_bars(self) -> tuple[str, list[tuple[str, int]]]:
        report = self.report
        if report is None:
            return "", []
        if self.chart_mode.currentData() == "cause":
            bars = [
                (f"{category_label(cat)} / {sub or 'unspecified'}", count)
                for cat, sub, count in report.by_cause[:12]
            ]
            return "Complaints by sub-cause", bars
        bars = sorted(
            ((category_label(cat), count) for cat, count in report.by_category.items()),
            key=lambda bar: -bar[1],
        )
        return "Complaints by cause category", bars

    def _draw_chart(self, _index: int = 0) -> None:
        title, bars = self.chart_bars()
        self.chart.set_data(title, bars)

    @staticmethod
    def _fill(table: QTableWidget, rows: Sequence[FeedbackRow]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [
                str(row.complaint_id),
                f"{row.received_at:%Y-%m-%d}",
                row.store,
                row.sub_cause,
                responsibility_label(row.responsibility),
                row.summary,
                row.wording,
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(r, c, item)

    # --- export --------------------------------------------------------------------------

    def _ask_path(self, what: str) -> None:
        if self.report is None:
            set_message(self.status, "Show a report first.", error=True)
            return
        start, end, _store = self.chosen()
        suffix = "pdf" if what == "pdf" else "csv"
        name = f"complaints-{what}-{start:%Y%m%d}-{end:%Y%m%d}.{suffix}"
        dialog = QFileDialog(self, "Save as", str(Path.home() / name))
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
                text = f"Report saved as {path}."
            else:
                count = self.export_csv(what, path)
                text = f"{count} rows saved to {path}."
        except OSError as exc:
            set_message(self.status, f"Could not save: {exc}", error=True)
            return
        set_message(self.status, text, error=False)

    def export_csv(self, what: str, path: str | Path) -> int:
        assert self.report is not None
        rows = self.report.product_feedback if what == "product" else self.report.training_feedback
        return write_feedback_csv(path, rows)

    def report_html(self) -> str:
        report = self.report
        assert report is not None
        e = html.escape
        where = report.store or ALL_STORES
        parts = [
            f"<h2>Complaints {report.date_from:%d %b %Y} – {report.date_to:%d %b %Y}"
            f" · {e(where)}</h2><table cellpadding='4'>"
        ]
        for _name, label, value in figures(report):
            parts.append(f"<tr><td>{e(label)}</td><td><b>{e(value)}</b></td></tr>")
        parts.append("</table><p><img src='chart.png' width='640'></p>")
        for title, rows in (
            ("For the product team (product quality)", report.product_feedback),
            ("For the trainers (service attitude)", report.training_feedback),
        ):
            parts.append(f"<h3>{e(title)} — {len(rows)}</h3>")
            if not rows:
                parts.append("<p>None in this period.</p>")
                continue
            parts.append(
                "<table border='1' cellspacing='0' cellpadding='3'><tr><th>#</th><th>Received</th>"
                "<th>Store</th><th>Sub-cause</th><th>What happened</th><th>Wording</th></tr>"
            )
            for row in rows:
                parts.append(
                    f"<tr><td>{row.complaint_id}</td><td>{row.received_at:%Y-%m-%d}</td>"
                    f"<td>{e(row.store)}</td><td>{e(row.sub_cause)}</td>"
                    f"<td>{e(row.summary)}</td><td>{e(row.wording)}</td></tr>"
                )
            parts.append("</table>")
        return "".join(parts)

    def save_pdf(self, path: str | Path) -> None:
        """The report as a printable PDF (A4), with the chart embedded as an image."""
        if self.report is None:
            raise OSError("no report to save")
        document = QTextDocument()
        document.setDefaultFont(self.font())
        image = self.chart.image()
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart.png"), image)
        document.setHtml(self.report_html())
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Portrait)
        writer.setResolution(150)
        writer.setTitle("Complaint report")
        writer.setCreator("Service Console")
        document.print_(writer)
        if not Path(path).exists():
            raise OSError(f"the PDF could not be written to {path}")


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

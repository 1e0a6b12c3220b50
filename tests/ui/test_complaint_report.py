"""The managers' report: figures, the chart (pyqtgraph), feedback lists, CSV and PDF."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor

from console.domain.complaint import Action, CauseCategory, Complaint, Responsibility
from console.ui.complaint_report import ComplaintReportView, period_dates
from console.ui.tasks import Tasks
from tests.ui.complaint_helpers import NOW, make_fake
from tests.ui.fake_complaints import FakeComplaints

CASES = [
    ("王芳", CauseCategory.PRODUCT_QUALITY, "手机死机", "", 5),
    ("王芳", CauseCategory.PRODUCT_QUALITY, "screen cracked", "", 2),
    ("Zoë Martin", CauseCategory.SERVICE_ATTITUDE, "rude refusal", "这里就是这样的", 4),
    ("张伟", CauseCategory.DELIVERY, "late delivery", "", None),
    ("Priya Patel", CauseCategory.SERVICE_ATTITUDE, "ignored at counter", "you people", 1),
    ("陈小明", CauseCategory.PRICE_BILLING, "charged twice", "", None),
    ("Ahmed Khan", None, "", "", None),
]


def fill(run: Callable[..., Any], fake: FakeComplaints) -> None:
    for i, (who, cause, sub, wording, satisfaction) in enumerate(CASES):
        fake.clock = NOW - dt.timedelta(days=20 - i)
        cid = run(
            fake.create(
                Complaint(
                    caller_name=who,
                    customer_words=f"{sub or 'something'} — 顾客原话 {i}",
                    cause=cause,
                    sub_cause=sub,
                    responsibility=Responsibility.OURS if cause else None,
                    wording_that_went_wrong=wording,
                    promise_due=fake.clock + dt.timedelta(hours=2),
                )
            )
        )
        if satisfaction is None:
            continue
        fake.clock += dt.timedelta(hours=3 if i == 0 else 1)  # the first promise is missed
        run(fake.act(cid, Action.RESOLVE))
        fake.clock += dt.timedelta(days=3)
        run(fake.record_follow_up(cid, satisfaction, "called back"))
    fake.clock = NOW


@pytest.fixture
def view(qtbot: Any, qloop: Any, run: Callable[..., Any]) -> ComplaintReportView:
    fake = make_fake()
    fill(run, fake)
    widget = ComplaintReportView(fake, Tasks())
    qtbot.addWidget(widget)
    widget.show()
    widget.set_period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    with qtbot.waitSignal(widget.loaded, timeout=5000):
        widget.refresh()
    return widget


def test_figures_chart_and_feedback(screenshot: Any, qtbot: Any, view: ComplaintReportView) -> None:
    labels = view.figure_labels
    assert labels["figReceived"].text() == "7"
    assert labels["figPromisesKept"].text() == "42.9 % (3 of 7)"
    assert labels["figFollowUps"].text() == "100.0 % (4 of 4)"
    assert labels["figDissatisfied"].text() == "50.0 % (2 of 4)"
    assert labels["figRepeat"].text() == "1: 王芳 ×2"
    title, bars = view.chart_bars()
    assert title == "Complaints by cause category"
    assert bars[:2] == [("Product quality", 2), ("Service attitude", 2)]
    assert ("Not recorded", 1) in bars
    image = view.chart.image(600)
    assert image.pixelColor(5, 5) == QColor("#ffffff")
    assert view.product_table.rowCount() == 2
    assert view.training_table.rowCount() == 2
    assert view.training_table.item(0, 6).text() == "这里就是这样的"
    assert view.feedback.tabText(1) == "For the trainers (2)"
    view.chart_mode.setCurrentIndex(1)
    assert view.chart.title == "Complaints by sub-cause"
    view.chart_mode.setCurrentIndex(0)
    view.resize(1000, 760)
    qtbot.wait(50)
    screenshot(view, "complaint-report")


def test_csv_and_pdf(view: ComplaintReportView, tmp_path: Path) -> None:
    path = tmp_path / "trainers.csv"
    view.export("training", str(path))
    assert "2 rows saved" in view.status.text()
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["wording_that_went_wrong"] for row in rows] == ["这里就是这样的", "you people"]
    assert rows[0]["category"] == "service_attitude"
    pdf = tmp_path / "report.pdf"
    view.export("pdf", str(pdf))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" in data  # the chart is embedded
    assert "Report saved" in view.status.text()


def test_period_presets() -> None:
    today = dt.date(2026, 3, 15)
    assert period_dates("this_month", today) == (dt.date(2026, 3, 1), today)
    assert period_dates("last_month", today) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert period_dates("last_7_days", today) == (dt.date(2026, 3, 9), today)
    assert period_dates("this_year", today) == (dt.date(2026, 1, 1), today)


def test_a_cut_feedback_list_is_exported_whole(
    qtbot: Any, view: ComplaintReportView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.ui import complaint_report

    monkeypatch.setattr(complaint_report, "FEEDBACK_ON_SCREEN", 2)  # the list looks cut
    asked = []
    real = view.service.report

    async def report(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs.get("feedback_limit"))
        return await real(*args, **kwargs)

    monkeypatch.setattr(view.service, "report", report)
    path = tmp_path / "trainers.csv"
    view.export("training", str(path))
    qtbot.waitUntil(lambda: "2 rows saved" in view.status.text())
    assert asked == [None]  # the whole period was asked for again
    assert path.read_text(encoding="utf-8-sig").count("\n") == 3


def test_long_summaries_end_with_an_ellipsis_and_bars_keep_a_readable_length(
    qtbot: Any, qloop: Any, run: Callable[..., Any]
) -> None:
    from console.ui.complaint_report import MAX_BAR_WIDTH

    fake = make_fake()
    fill(run, fake)
    words = "The heel came off on the second day; " * 5  # far longer than a summary
    run(
        fake.create(
            Complaint(
                caller_name="Priya Patel",
                customer_words=words,
                cause=CauseCategory.PRODUCT_QUALITY,
                sub_cause="heel",
                promise_due=fake.clock + dt.timedelta(hours=2),
            )
        )
    )
    view = ComplaintReportView(fake, Tasks())
    qtbot.addWidget(view)
    view.set_period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    view.resize(1366, 700)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh()
    items = [view.product_table.item(r, 5) for r in range(view.product_table.rowCount())]
    long = [item for item in items if item.text().startswith("The heel")]
    assert long and long[0].text().endswith("…")
    # Hovering the cut summary shows the whole text (fetched for the listed rows).
    qtbot.waitUntil(lambda: long[0].toolTip().strip() == words.strip(), timeout=5000)
    assert all(not item.text().endswith("…") for item in items if item not in long)
    assert not view.product_table.wordWrap()
    rects = view.chart.bar_rects()
    assert view.chart.width() > 1000  # a wide window…
    assert rects and max(rect.width() for rect in rects) <= MAX_BAR_WIDTH  # …short bars


def test_chart_has_axis_legend_and_follows_the_scheme(
    qtbot: Any, qloop: Any, qapp: Any, run: Callable[..., Any], screenshot: Any
) -> None:
    """A real chart: a count axis with its label, the causes on the other axis, a legend,
    the theme's colours on screen (dark too) and white paper in the PDF's picture."""
    from console.ui import theme

    theme.apply(qapp, theme.Scheme.DARK)
    try:
        fake = make_fake()
        fill(run, fake)
        view = ComplaintReportView(fake, Tasks())
        qtbot.addWidget(view)
        view.resize(1366, 760)
        view.show()
        view.set_period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
        with qtbot.waitSignal(view.loaded, timeout=5000):
            view.refresh()
        qtbot.wait(50)
        chart = view.chart
        assert chart.plot.getAxis("bottom").labelText == "Number of complaints"
        left = [text for _pos, text in chart.plot.getAxis("left")._tickLevels[0]]
        assert left[:2] == ["Product quality", "Service attitude"]
        legend = [label.text for _sample, label in chart.legend.items]
        assert legend == ["Complaints received"]
        rects = chart.bar_rects()
        heights = [rect.height() for rect in rects]
        assert max(heights) - min(heights) <= 1  # one bar thickness (to the pixel)
        assert rects[0].width() == pytest.approx(2 * rects[2].width(), rel=0.05)  # 2 vs 1
        picture = chart.grab().toImage()
        assert picture.pixelColor(picture.width() - 3, picture.height() // 2).name() == (
            theme.DARK.surface
        )
        paper = chart.image(600)
        assert paper.pixelColor(5, 5) == QColor("#ffffff")
        screenshot(view, "complaint-report-dark")
    finally:
        theme.apply(qapp, theme.Scheme.LIGHT)

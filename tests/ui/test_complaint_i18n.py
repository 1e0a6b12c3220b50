"""The complaint screens in Simplified Chinese: labels, enum values and countdowns are
translated, and a language switch keeps what is typed, chosen or open.

Until the group's strings are merged into ``resources/translations``, the zh_CN source is
built here: lupdate over the complaint screens, filled from the group's JSON when it is
there (otherwise the repository's .ts is used as it is).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.domain import messages
from console.domain.complaint import Action, CauseCategory, Complaint, Emotion, QuickDue
from console.services.complaints import Draft, Queue
from console.ui import i18n
from console.ui.complaint_actions import RecoverDrafts, notification_text
from console.ui.complaint_form import ComplaintForm, countdown_text
from console.ui.complaint_queue import ComplaintQueue, ComplaintView
from console.ui.complaint_report import ComplaintReportView
from console.ui.phrase_checker import PhraseChecker
from console.ui.tasks import Tasks
from tests.ui.complaint_helpers import ENTRIES, NOW, make_fake
from tests.ui.fake_complaints import FakeComplaints

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def translations(tmp_path: Path) -> Iterator[i18n.Translations]:
    t = i18n.Translations(out_dir=tmp_path / "qm")
    try:
        yield t
    finally:
        t.switch("en")


@pytest.fixture
def fake() -> FakeComplaints:
    return make_fake(customer_names={7: "余文乐"})


def test_form_switches_live_and_keeps_what_is_typed(
    qtbot: Any, qloop: Any, fake: FakeComplaints, translations: i18n.Translations
) -> None:
    form = ComplaintForm(fake, PhraseChecker(ENTRIES), agent="Mei", store="Shanghai Jing'an")
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.caller_name, "Priya Pa")
    form.customer_words.setPlainText("Waited 45 minutes")
    form.emotion.setCurrentIndex(form.emotion.findData(Emotion.ANGRY.value))
    form.cause.setCurrentIndex(form.cause.findData(CauseCategory.DELIVERY.value))
    form.choose_quick(QuickDue.END_OF_DAY)
    assert form.save_button.text() == "Save complaint"

    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: form.save_button.text() == "保存投诉", timeout=3000)
    assert form._sections["step3"].title() == "3 · 客户情绪"
    assert form.emotion.currentText() == "愤怒"
    assert form.emotion_cue.text().startswith("愤怒 — ")
    assert form.cause.currentText() == "配送/物流"
    assert form.quick_buttons[QuickDue.IN_2_HOURS].text() == "2 小时内(&2)"
    assert "今天 18:00" in form.promise_hint.text()
    assert form.windowTitle() == "投诉 — 到店客人/未知来电人"
    # Nothing typed or chosen is lost.
    assert form.caller_name.text() == "Priya Pa"
    assert form.customer_words.toPlainText() == "Waited 45 minutes"
    assert form.emotion.currentData() == Emotion.ANGRY.value
    assert form.promise() == dt.datetime(2026, 11, 28, 18, 0, tzinfo=NOW.tzinfo)
    # A field error from the domain (a message code) is shown in the interface language,
    # and again after a switch back.
    form.show_errors({"customer_words": messages.NoCustomerWords()})
    assert form._errors["customer_words"].text() == "请用客户的原话记下事情经过。"
    translations.switch("en")
    qtbot.waitUntil(lambda: form.save_button.text() == "Save complaint", timeout=3000)
    assert form._errors["customer_words"].text().startswith("Write down what happened")
    assert form.caller_name.text() == "Priya Pa"


def test_countdowns_and_queues_in_chinese(
    qtbot: Any, run: Callable[..., Any], fake: FakeComplaints, translations: i18n.Translations
) -> None:
    for i in range(3):
        run(
            fake.create(
                Complaint(
                    caller_name=f"王芳 {i}",
                    customer_words="等了四十五分钟没人理",
                    promise_due=NOW + dt.timedelta(minutes=20 + 90 * i),
                )
            )
        )
    queue = ComplaintQueue(fake, Tasks())
    qtbot.addWidget(queue)
    queue.show()
    run(queue.load())
    model = queue.models[Queue.MINE_OPEN]
    assert model.index(1, 0).data() == "in 1 h 50 min"
    assert queue.tabs.tabText(0) == "My open (3)"
    view = queue.views[Queue.MINE_OPEN]
    view.setCurrentIndex(model.index(2, 1))

    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: queue.refresh_button.text() == "刷新（F5）", timeout=3000)
    assert queue.tabs.tabText(0) == "我的未结投诉（3）"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "到期"
    assert model.index(0, 0).data() == "20 分钟后"
    assert model.index(1, 0).data() == "1 小时 50 分钟后"
    assert model.index(0, 2).data() == "新建"
    assert view.currentIndex().row() == 2  # the selection stays
    assert countdown_text(NOW + dt.timedelta(days=3), NOW) == "3 天后"
    assert countdown_text(NOW - dt.timedelta(minutes=25), NOW) == "已超时 25 分钟"


def test_complaint_view_redraws_and_keeps_the_note(
    qtbot: Any, run: Callable[..., Any], fake: FakeComplaints, translations: i18n.Translations
) -> None:
    cid = run(
        fake.create(
            Complaint(
                caller_name="Zoë Martin",
                customer_words="No call back",
                emotion=Emotion.UPSET,
                promise_due=NOW + dt.timedelta(hours=2),
            )
        )
    )
    view = ComplaintView(fake, cid)
    qtbot.addWidget(view)
    view.show()
    run(view.load())
    view.note.setText("客户说下午再打")
    assert "History" in view.text.toPlainText()

    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: view.extend_button.text() == "延长承诺(&X)", timeout=3000)
    assert view.buttons[Action.RESOLVE].text() == "解决(&R)"
    assert view.windowTitle() == f"投诉 #{cid} — Zoë Martin"
    text = view.text.toPlainText()
    assert "处理记录" in text and "登记为新建" in text and "不满" in text
    assert "2 小时后" in text
    assert view.note.text() == "客户说下午再打"


def test_report_titles_and_csv_headers_in_chinese(
    qtbot: Any,
    run: Callable[..., Any],
    fake: FakeComplaints,
    translations: i18n.Translations,
    tmp_path: Path,
) -> None:
    run(
        fake.create(
            Complaint(
                caller_name="王芳",
                customer_words="手机死机",
                cause=CauseCategory.SERVICE_ATTITUDE,
                sub_cause="rude refusal",
                wording_that_went_wrong="这里就是这样的",
                promise_due=NOW + dt.timedelta(hours=2),
            )
        )
    )
    view = ComplaintReportView(fake, Tasks())
    qtbot.addWidget(view)
    view.show()
    view.set_period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh()
    view.chart_mode.setCurrentIndex(1)

    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: view.pdf_button.text() == "保存 PDF(&P)…", timeout=3000)
    assert view.period.currentText() == "本月"
    assert view.chart_mode.currentData() == "cause"  # the choice stays
    assert view.chart.title == "按具体原因统计的投诉"
    # The chart's axis and legend follow the interface language too.
    assert view.chart.plot.getAxis("bottom").labelText == "投诉数量"
    assert [label.text for _sample, label in view.chart.legend.items] == ["受理投诉数"]
    assert view.feedback.tabText(1) == "交培训人员（1）"
    assert view.store.currentText() == "全部门店"
    assert view.chosen()[2] is None
    path = tmp_path / "trainers.csv"
    view.export("training", str(path))
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "投诉编号" and rows[0][-1] == "不当用语"
    assert rows[1][3] == "service_attitude"  # the data stays as recorded
    assert "不当用语" in view.report_html()


def test_recover_drafts_and_notifications_in_chinese(
    qtbot: Any, run: Callable[..., Any], fake: FakeComplaints, translations: i18n.Translations
) -> None:
    run(
        fake.create(
            Complaint(
                caller_name="Zoë Martin",
                customer_words="No call back",
                promise_due=NOW + dt.timedelta(minutes=20),
            )
        )
    )
    rows = run(fake.due_soon_to_notify())
    drafts = [
        Draft(key=f"k{i}", saved_at=NOW, summary=f"Priya Patel: draft {i}", payload={})
        for i in range(2)
    ]
    dialog = RecoverDrafts(drafts)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(1)
    assert "2 complaints were being typed" in dialog.heading.text()

    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: dialog.reopen_button.text() == "重新打开(&R)", timeout=3000)
    assert "有 2 条投诉正在填写" in dialog.heading.text()
    assert dialog.list.currentRow() == 1
    assert dialog.list.item(0).text().startswith("Priya Patel: draft 0")
    assert notification_text(rows[0], NOW) == (
        f"即将到回复时间：Zoë Martin — 20 分钟后（#{rows[0].id}）"
    )


def test_empty_queues_say_what_will_appear_there(
    qtbot: Any,
    run: Callable[..., Any],
    fake: FakeComplaints,
    translations: i18n.Translations,
    screenshot: Any,
) -> None:
    queue = ComplaintQueue(fake, Tasks())
    qtbot.addWidget(queue)
    queue.show()
    run(queue.load())
    queue.show_queue(Queue.OVERDUE)
    overdue = queue.empty_labels[Queue.OVERDUE]
    assert overdue.isVisible()
    assert overdue.text() == (
        "No overdue promises — promises that pass their time without a reply appear here"
    )
    texts = {label.text() for label in queue.empty_labels.values()}
    assert len(texts) == len(queue.empty_labels)  # one sentence per queue
    assert all(" — " in text and "appear here" in text for text in texts)
    screenshot(queue, "complaint-queue-empty-en")
    for language, start in (("zh_CN", "暂无超时承诺 — "), ("zh_TW", "目前沒有超時承諾 — ")):
        translations.switch(language)
        qtbot.waitUntil(lambda s=start: overdue.text().startswith(s), timeout=3000)
        screenshot(queue, f"complaint-queue-empty-{language}")
    # A queue with a complaint hides its sentence; the empty ones keep theirs.
    due = NOW + dt.timedelta(hours=2)
    run(fake.create(Complaint(caller_name="Zoë", customer_words="Cold soup", promise_due=due)))
    run(queue.load())
    queue.show_queue(Queue.MINE_OPEN)
    assert not queue.empty_labels[Queue.MINE_OPEN].isVisible()
    assert not overdue.isHidden()

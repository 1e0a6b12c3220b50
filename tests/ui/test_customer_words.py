"""Issue 18: what customers hear follows the customer; what staff read reads naturally.

An English customer on a Chinese screen is offered English phrases, a Traditional-script
customer Traditional ones (automatic renderings of Simplified-only phrases are marked);
block reasons and replacements are not Simplified on a Traditional screen; ages read as
ages (28岁 / 28歲), family occasions and phone labels are translated, and durations have
one style per language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.domain.complaint import Emotion
from console.domain.customer import PartialDate
from console.domain.occasions import upcoming_occasions
from console.domain.phrasebook import Language, Severity, Situation
from console.repositories.customers import DatedCustomer
from console.services.customers import TodayLists
from console.ui import i18n
from console.ui.call_cards import CallWords
from console.ui.checked_editor import CheckedTextEdit, finding_tooltip
from console.ui.complaint_form import ComplaintForm, ComplaintWords
from console.ui.occasion_words import occasion_name, phone_label
from console.ui.phrase_checker import PhraseChecker
from console.ui.phrase_picker import DETAIL_ROLE
from console.ui.today import TodayView
from tests.ui.complaint_helpers import ENTRIES, approved, make_fake, taboo

# The helpers' book plus a Simplified-only empathy phrase and a Simplified block entry.
BOOK = [
    *ENTRIES,
    approved("让您久等了，真不好意思。", Situation.EMPATHY, Language.ZH_HANS),
    taboo("这不归我管", Severity.BLOCK, "我马上为您联系负责的同事", language=Language.ZH_HANS),
]


@pytest.fixture
def translations(qapp: Any, tmp_path: Path) -> Iterator[i18n.Translations]:
    t = i18n.Translations(out_dir=tmp_path / "qm")
    try:
        yield t
    finally:
        t.switch("en")


def form_for(qtbot: Any, language: str, region: str = "TW") -> ComplaintForm:
    form = ComplaintForm(
        make_fake(customer_names={7: "余文乐"}),
        PhraseChecker(BOOK, region=region),
        customer_id=7,
        customer_name="余文乐",
        customer_language=language,
        agent="Mei",
        store="Shanghai Jing'an",
    )
    qtbot.addWidget(form)
    form.emotion.setCurrentIndex(form.emotion.findData(Emotion.ANGRY.value))
    return form


def test_an_english_customer_on_a_chinese_screen_gets_english_phrases(
    qtbot: Any, translations: i18n.Translations
) -> None:
    translations.switch("zh_CN")
    form = form_for(qtbot, "en")
    hint = form.empathy_hint.text()
    assert hint.startswith("可以说：")
    assert "I understand how frustrating this must be." in hint
    assert "我理解您的心情" not in hint
    picker = form.open_empathy_phrases()
    assert [e.language for e in picker.visible_entries()] == [Language.EN]
    assert form.apology.language == "en"
    picker.close()


def test_a_traditional_customer_gets_traditional_phrases_marked_as_converted(
    qtbot: Any, translations: i18n.Translations
) -> None:
    translations.switch("zh_CN")  # the staff's screen is Simplified; the customer is not
    form = form_for(qtbot, "zh-Hant")
    hint = form.empathy_hint.text()
    assert "我理解您的心情" in hint and "讓您久等了，真不好意思。" in hint
    assert "让您久等了" not in hint
    picker = form.open_empathy_phrases()
    shown = picker.visible_entries()
    assert [e.text for e in shown] == ["我理解您的心情。", "讓您久等了，真不好意思。"]
    assert all(e.converted for e in shown)
    details = [str(picker.phrases.item(row).data(DETAIL_ROLE)) for row in range(2)]
    assert all(detail.endswith("自动转换") for detail in details)
    picker.close()


def test_a_simplified_customer_gets_simplified_phrases_without_marks(
    qtbot: Any, translations: i18n.Translations
) -> None:
    translations.switch("zh_TW")
    form = form_for(qtbot, "zh-Hans")
    picker = form.open_empathy_phrases()
    assert [e.text for e in picker.visible_entries()] == [
        "我理解您的心情。",
        "让您久等了，真不好意思。",
    ]
    assert not any(e.converted for e in picker.visible_entries())
    picker.close()


def test_an_unknown_customer_is_offered_the_interface_language(
    qtbot: Any, translations: i18n.Translations
) -> None:
    translations.switch("zh_TW")
    form = form_for(qtbot, "")
    assert "讓您久等了" in form.empathy_hint.text()
    assert "I understand" not in form.empathy_hint.text()


def test_block_reason_and_replacement_are_traditional_on_a_traditional_screen(
    qtbot: Any, translations: i18n.Translations
) -> None:
    translations.switch("zh_TW")
    checker = PhraseChecker(BOOK, region="TW")
    editor = CheckedTextEdit(checker)
    qtbot.addWidget(editor)
    editor.setPlainText("这不归我管")
    (finding,) = editor.findings()
    assert finding.replacements == ("我馬上為您聯絡負責的同事",)  # Taiwan phrasing
    tooltip = finding_tooltip(finding)
    assert "马上" not in tooltip and "负责" not in tooltip
    # A Simplified customer still gets the replacement in Simplified.
    editor.language = "zh-Hans"
    editor.setPlainText("这不归我管 ")
    (finding,) = editor.findings()
    assert finding.replacements == ("我马上为您联系负责的同事",)


@pytest.mark.parametrize(
    ("language", "birthday", "anniversary", "mother"),
    [
        ("zh_CN", "今天生日（28岁） — 王芳", "明天结婚纪念日（5周年） — 王芳", "母亲生日"),
        ("zh_TW", "今天生日（28歲） — 王芳", "明天結婚紀念日（5週年） — 王芳", "母親生日"),
        ("en", "Birthday (turns 28) today — 王芳", "Wedding anniversary (5 years) tomorrow", ""),
    ],
)
def test_today_reads_ages_as_ages_and_translates_family_occasions(
    qtbot: Any,
    translations: i18n.Translations,
    language: str,
    birthday: str,
    anniversary: str,
    mother: str,
) -> None:
    translations.switch(language)
    today = dt.date(2026, 11, 28)
    dated = [
        ("birthday", PartialDate(11, 28, 1998)),
        ("Wedding anniversary", PartialDate(11, 29, 2021)),
        ("Mother's birthday", PartialDate(12, 1)),
    ]
    people = {
        label: DatedCustomer(7, "王芳", "", label, date, "gold", True) for label, date in dated
    }
    occasions = upcoming_occasions([(7, label, date) for label, date in dated], today)
    view = TodayView()
    qtbot.addWidget(view)
    view.show_lists(TodayLists(today, [(o, people[o.label]) for o in occasions], []))
    rows = [view.occasions.item(row).text() for row in range(view.occasions.count())]
    assert rows[0] == birthday
    assert rows[1].startswith(anniversary)
    assert mother in rows[2]
    if language != "en":
        assert "Mother" not in rows[2] and "周年" not in rows[0] and "週年" not in rows[0]


def test_phone_labels_and_known_occasions_are_translated(
    qapp: Any, translations: i18n.Translations
) -> None:
    translations.switch("zh_TW")
    assert [phone_label(x) for x in ("mobile", "home", "work", "Shop")] == [
        "手機",
        "住家",
        "公司",
        "Shop",
    ]
    assert occasion_name("母亲生日") == "母親生日"  # a known occasion, whoever typed it
    assert occasion_name("first date") == "First date"  # the customer's own words stay
    translations.switch("zh_CN")
    assert phone_label("mobile") == "手机"
    assert occasion_name("Mother's birthday") == "母亲生日"


@pytest.mark.parametrize(("language", "hours"), [("zh_CN", "14 小时"), ("zh_TW", "14 小時")])
def test_one_duration_style_per_language(
    qapp: Any, translations: i18n.Translations, language: str, hours: str
) -> None:
    translations.switch(language)
    countdown = ComplaintWords().duration(14 * 3600 + 5 * 60)
    call = CallWords().duration(dt.timedelta(hours=14, minutes=5))
    assert countdown.startswith(hours) and call.startswith(hours)
    minute = "分钟" if language == "zh_CN" else "分鐘"
    assert minute in countdown and minute in call

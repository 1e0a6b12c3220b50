"""Main window, profile, Today, search results, purchase dialog and the Staff menu switch
to Chinese live, from translations built for the test (lupdate + this group's JSON)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction

from console.domain.clock import FixedClock
from console.domain.customer import Customer, PartialDate, Phone, Tier, Visit
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.sqlite import customers as store
from console.storage.sqlite import history as history_store
from console.storage.sqlite.runner import DatabaseRunner
from console.ui import i18n
from console.ui.main_window import MainWindow
from console.ui.purchase_dialog import PurchaseDialog

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    ROOT / "console" / "ui" / name
    for name in (
        "main_window.py",
        "customer_profile.py",
        "today.py",
        "search_results.py",
        "purchase_dialog.py",
        "tasks.py",
        "paged_model.py",
        "occasion_words.py",
    )
] + [ROOT / "console" / "app.py"]
MAPPING = Path(__file__).parent / "data" / "translations_a.json"
NOW = dt.datetime(2026, 11, 28, 15, 30)


def _mapping(language: str) -> dict[str, dict[str, str | list[str]]]:
    raw = json.loads(MAPPING.read_text(encoding="utf-8"))
    return {
        context: {
            source: texts[language] for source, texts in messages.items() if language in texts
        }
        for context, messages in raw.items()
    }


@pytest.fixture
def translations(qapp: Any, tmp_path: Path) -> Iterator[i18n.Translations]:
    """The repository's translations plus this group's strings (from its JSON)."""
    ts_dir = tmp_path / "ts"
    ts_dir.mkdir()
    for language in ("en", "zh_CN", "zh_TW"):
        ts = ts_dir / f"{i18n.TS_PREFIX}{language}.ts"
        shutil.copy(i18n.TS_DIR / ts.name, ts)
        plural_only = ["-pluralonly"] if language == "en" else []
        subprocess.run(
            [i18n._lupdate(), "-silent", "-locations", "none", *plural_only]
            + ["-target-language", language]
            + [str(p) for p in [*SOURCES, ROOT / "console" / "ui" / "i18n.py"]]
            + ["-ts", str(ts)],
            check=True,
            capture_output=True,
        )
        mapping = _mapping(language)
        i18n.fill_translations(ts, mapping)
        missing = [(c, s) for c, s in i18n.unfinished(ts) if c in mapping]
        assert missing == []  # every string of these screens is translated
    t = i18n.Translations(ts_dir=ts_dir, out_dir=tmp_path / "qm")
    before = QLocale()
    try:
        yield t
    finally:
        t.switch("en")
        QLocale.setDefault(before)


@pytest.fixture
def window(qtbot: Any, qloop: Any, runner: DatabaseRunner, settings: SettingsService) -> MainWindow:
    service = CustomerService(runner, settings, clock=FixedClock(NOW))
    win = MainWindow(service, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _yu(runner: DatabaseRunner) -> int:
    cid: int = runner.call(
        store.insert_customer,
        Customer(
            name="余文乐",
            preferred_name="Mr. Yu",
            phones=[Phone("+8613812345678")],
            member_no="M00000007",
            tier=Tier.GOLD,
            birthday=PartialDate(11, 29, 1980),
            marketing_consent=True,
            greetings_consent=True,
            language="en",
        ),
        now=NOW - dt.timedelta(days=900),
    )
    for days in (1300, 1000, 900, 800, 700, 592):
        runner.call(
            history_store.record_visit, Visit(cid, NOW - dt.timedelta(days=days), "Shanghai")
        )
    return cid


def test_main_screens_switch_to_chinese_live(
    qtbot: Any, window: MainWindow, runner: DatabaseRunner, translations: i18n.Translations
) -> None:
    cid = _yu(runner)
    translations.switch("en")
    with qtbot.waitSignal(window.profileShown, timeout=5000):
        window.open_customer(cid)
    greeting_before = window.profile.greeting.text()
    with qtbot.waitSignal(window.todayShown, timeout=5000):
        window.show_today()
    window.search.setText("余文")
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        pass
    assert "6 visits" in window.profile.facts.text()

    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: window.windowTitle() == "服务台")
    assert window.search.text() == "余文"  # what was typed survives the switch
    assert window.profile.customer_id == cid  # and the open customer stays open
    assert window.find_action.text() == "查找客户(&F)"
    assert window.customer_menu.title() == "客户(&C)"
    assert window.profile.visit_button.text() == "登记到店(&V)（Ctrl+L）"
    facts = window.profile.facts.text()
    assert "到店6次" in facts
    assert "上次光临：1年前（2025年4月15日）" in facts
    assert "会员 M00000007 · 金卡" in window.profile.identity.text()
    assert window.profile.history.tabText(1) == "到店记录（6）"
    assert (
        window.profile.purchases.headerData(
            0, window.profile.purchases_view.horizontalHeader().orientation()
        )
        == "时间"
    )
    badges = {
        b.objectName(): b.text()
        for b in window.profile.badges.findChildren(type(window.profile.placeholder))
    }
    assert badges.get("badge_birthday_soon") == "明天生日"
    assert badges.get("badge_vip") == "金卡"
    # The greeting is said to the customer: it stays in the customer's language.
    assert window.profile.greeting.text() == greeting_before
    assert window.today.occasions_label.text() == "生日与纪念日"
    assert window.today.title.text().startswith("今日：2026年11月28日")
    assert window.no_results.text().startswith("找到1位")
    second = window.results_model.data(window.results_model.index(0, 0))
    assert "上次到店 2025年4月15日" in second and "金卡" in second

    translations.switch("zh_TW")
    qtbot.waitUntil(lambda: window.windowTitle() == "服務台")
    assert "來店6次" in window.profile.facts.text()
    assert window.search.text() == "余文"

    translations.switch("en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Service Console")
    assert window.find_action.text() == "&Find customer"
    assert "6 visits" in window.profile.facts.text()


def test_purchase_dialog_keeps_what_is_typed_across_a_switch(
    qtbot: Any, qloop: Any, service: CustomerService, run: Any, translations: i18n.Translations
) -> None:
    cid = run(service.save(Customer(name="张伟")))
    translations.switch("en")
    dialog = PurchaseDialog(service, cid, customer_name="张伟")
    qtbot.addWidget(dialog)
    row = dialog.rows[0]
    row.name.setText("茉莉花茶")
    row.price.setText("18.5")
    row.category.setCurrentIndex(row.category.findData("food"))
    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "添加消费 — 张伟")
    assert row.name.text() == "茉莉花茶" and row.price.text() == "18.5"
    assert row.category.currentText() == "食品" and row.category.currentData() == "food"
    assert dialog.save_button.text() == "保存(&S)"
    assert dialog.total.text().replace("\xa0", "") == "合计  ¥18.50"
    assert row.remove.accessibleName() == "删除第 1 项"
    assert dialog.channel.currentText() == "门店"
    translations.switch("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Add purchase — 张伟")
    assert row.category.currentText() == "Food"


def test_staff_menu_follows_the_language(
    qtbot: Any, qloop: Any, translations: i18n.Translations
) -> None:
    from console.app import StaffMenu

    lock = QAction()
    menu = StaffMenu(lock)
    qtbot.addWidget(menu)
    assert menu.title() == "&Staff" and lock.text() == "Lock / switch staff"
    translations.switch("zh_TW")
    qtbot.waitUntil(lambda: menu.title() == "員工(&S)")
    assert lock.text() == "鎖定 / 切換員工"
    assert menu.staff_action.text() == "員工帳號(&A)…"

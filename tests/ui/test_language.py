"""Switching the interface language: live, remembered, and formatting follows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from console.services.settings import INTERFACE_LANGUAGE
from console.storage.sqlite.runner import DatabaseRunner
from console.ui import i18n


@pytest.fixture
def translations(tmp_path: Path) -> Iterator[i18n.Translations]:
    t = i18n.Translations(out_dir=tmp_path / "qm")
    try:
        yield t
    finally:
        t.switch("en")


def test_formatting_and_relative_times_follow_the_language(
    qapp: Any, translations: i18n.Translations
) -> None:
    day = dt.date(2026, 11, 24)
    translations.switch("en")
    assert i18n.format_date(day) == "24 Nov 2026"
    assert i18n.relative_since(dt.date(2023, 4, 16), dt.date(2026, 11, 28)) == "3 years ago"
    assert i18n.relative_since(dt.date(2026, 11, 27), dt.date(2026, 11, 28)) == "yesterday"
    assert i18n.relative_since(dt.date(2026, 11, 21), dt.date(2026, 11, 28)) == "7 days ago"
    assert i18n.relative_since(dt.date(2026, 11, 1), dt.date(2026, 11, 28)) == "3 weeks ago"
    assert i18n.relative_since(dt.date(2025, 11, 20), dt.date(2026, 11, 28)) == "1 year ago"
    translations.switch("zh_CN")
    assert i18n.format_date(day) == "2026年11月24日"
    assert i18n.relative_since(dt.date(2023, 4, 16), dt.date(2026, 11, 28)) == "3年前"
    assert i18n.format_money(187200, "CNY").replace("\xa0", "") == "¥1,872.00"
    translations.switch("zh_TW")
    assert i18n.relative_since(dt.date(2026, 11, 1), dt.date(2026, 11, 28)) == "3週前"
    assert i18n.format_date(day) == "2026/11/24"


@pytest.mark.parametrize(
    ("locale_name", "language"),
    [("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"),
     ("zh_Hant_MO", "zh_TW"), ("en_GB", "en"), ("fr_FR", "en")],
)  # fmt: skip
def test_system_locales_map_to_an_interface_language(locale_name: str, language: str) -> None:
    assert i18n.language_for_locale(locale_name) == language


def test_the_console_switches_live_and_remembers_the_choice(
    qtbot: Any,
    qloop: Any,
    run: Callable[..., Any],
    tmp_path: Path,
    translations: i18n.Translations,
) -> None:
    from console.app import Console

    runner = DatabaseRunner(tmp_path / "app.db")
    runner.open()
    console = Console(runner, cti_port=0, translations=translations)
    qtbot.addWidget(console.window)
    try:
        run(console.start(demo=False), timeout_ms=15000)
        console.window.search.setText("half-typed 王")
        console.language_menu.actions_by_language["zh_CN"].trigger()
        assert translations.language == "zh_CN"
        qtbot.waitUntil(lambda: console.language_menu.title() == "语言(&L)")
        assert console.window.search.text() == "half-typed 王"  # nothing on screen is lost
        qtbot.waitUntil(lambda: run(console.settings.get(INTERFACE_LANGUAGE)) == "zh_CN")
        console.language_menu.actions_by_language["zh_TW"].trigger()
        qtbot.waitUntil(lambda: console.language_menu.title() == "語言(&L)")
        console.language_menu.actions_by_language["en"].trigger()
        qtbot.waitUntil(lambda: console.language_menu.title() == "&Language")
    finally:
        run(console.stop_phone())
        console.window.tasks.cancel_all()
        runner.close()


def test_a_signed_in_persons_language_follows_them(
    qtbot: Any,
    qloop: Any,
    run: Callable[..., Any],
    tmp_path: Path,
    translations: i18n.Translations,
) -> None:
    from console.app import Console

    runner = DatabaseRunner(tmp_path / "app.db")
    runner.open()
    console = Console(runner, cti_port=0, translations=translations)
    qtbot.addWidget(console.window)
    try:
        admin = None
        run(console.staff.add_staff(admin, name="Grace Ho", role="admin", secret="7391"))
        session = run(console.staff.sign_in("Grace Ho", "7391"))
        run(console.staff.change_staff(session, session.staff.id, language="zh_TW"))
        assert run(console.apply_language()) == "zh_TW"
        assert console.language_menu.actions_by_language["zh_TW"].isChecked()
    finally:
        console.window.tasks.cancel_all()
        runner.close()

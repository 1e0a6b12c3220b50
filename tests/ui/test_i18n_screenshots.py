"""The main screens in English, Simplified and Traditional Chinese: translated, not clipped,
and saved as pictures (``$SCREENSHOT_DIR``, else the test's temporary folder)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from console.app import Console, has_cjk_font
from console.services.demo import fill_demo
from console.storage.sqlite.runner import DatabaseRunner
from console.ui import i18n

EXPECTED = {
    # (menu titles of the main window, the profile's first button)
    "en": (["&Customer", "&View", "&Language"], "Log &visit"),
    "zh_CN": (["客户(&C)", "查看(&V)", "语言(&L)"], "登记到店"),
    "zh_TW": (["客戶(&C)", "檢視(&V)", "語言(&L)"], "登記來店"),
}


@pytest.fixture
def console(qtbot: Any, qloop: Any, run: Callable[..., Any], tmp_path: Path) -> Iterator[Console]:
    runner = DatabaseRunner(tmp_path / "app.db")
    runner.open()
    fill_demo(runner, customers=40, seed=3)
    translations = i18n.Translations(out_dir=tmp_path / "qm")
    app = Console(runner, cti_port=0, translations=translations)
    qtbot.addWidget(app.window)
    run(app.start(demo=False), timeout_ms=20000)
    app.window.resize(1280, 800)
    try:
        yield app
    finally:
        translations.switch("en")
        run(app.stop_phone())
        app.window.tasks.cancel_all()
        runner.close()


def clipped(window: QWidget) -> list[str]:
    """Visible buttons and one-line labels whose text is wider than the widget."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton):
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            room = widget.contentsRect().width() - 8
        elif isinstance(widget, QLabel) and not widget.wordWrap() and "<" not in widget.text():
            text, room = widget.text(), widget.contentsRect().width()
        else:
            continue
        width = widget.fontMetrics().horizontalAdvance(text.split("\n")[0])
        if text and width > room + 2:
            found.append(f"{widget.objectName() or type(widget).__name__}: {text!r}")
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_main_screens_in_each_language(
    console: Console, qtbot: Any, tmp_path: Path, language: str
) -> None:
    assert has_cjk_font(), "install fonts-noto-cjk: Chinese would be drawn as boxes"
    console.choose_language(language)
    menus, button = EXPECTED[language]
    titles = [a.text() for a in console.window.menuBar().actions()]
    qtbot.waitUntil(lambda: all(m in [a.text() for a in console.window.menuBar().actions()]
                                for m in menus))  # fmt: skip
    hit = console.customers.search_now("a", 1) or console.customers.search_now("王", 1)
    console.window.open_customer(hit[0].id)
    qtbot.waitUntil(lambda: console.window.profile.customer_id == hit[0].id, timeout=5000)
    qtbot.wait(300)
    texts = [b.text() for b in console.window.findChildren(QAbstractButton) if b.isVisible()]
    assert any(button in t for t in texts), (button, texts)
    assert not clipped(console.window), clipped(console.window)
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    picture = shots / f"main-window-{language}.png"
    assert console.window.grab().save(str(picture))
    assert picture.stat().st_size > 10_000
    assert titles  # the menu bar was there from the start
    QApplication.processEvents()

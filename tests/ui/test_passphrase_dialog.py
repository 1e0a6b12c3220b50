"""The passphrase prompt before any database is open: readable width, the computer's
language, plain words with the technical reason behind "Details", mistakes said inline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from console.ui import i18n
from console.ui.passphrase_dialog import MIN_PASSPHRASE, PassphraseDialog, PassphraseRequest

ROOT = Path(__file__).resolve().parents[2]
DETAIL = (
    "no safe keychain is available on this computer (keyring backend: "
    "keyring.backends.fail.Keyring); a headless Linux machine needs a Secret Service such as "
    "GNOME Keyring or KWallet. The database is encrypted, so it needs a passphrase instead: "
    "the window asks for one, scripts set SERVICE_CONSOLE_DB_PASSPHRASE.\n\n/srv/console.db"
)


@pytest.fixture
def translations(tmp_path: Path) -> Iterator[i18n.Translations]:
    t = i18n.Translations(out_dir=tmp_path / "qm")
    try:
        yield t
    finally:
        t.switch("en")


def shown(qtbot: Any, request: PassphraseRequest) -> PassphraseDialog:
    dialog = PassphraseDialog(request)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def screenshot_dir(tmp_path: Path) -> Path:
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def test_a_new_passphrase_dialog_wraps_and_speaks_plainly(qtbot: Any, tmp_path: Path) -> None:
    dialog = shown(qtbot, PassphraseRequest(new=True, detail=DETAIL))
    assert dialog.width() <= 600
    assert dialog.message.wordWrap()
    text = dialog.message.text()
    assert text.startswith("This computer has no password keychain, so the console's data is")
    assert "passphrase you choose" in text
    assert "keyring" not in text and "SERVICE_CONSOLE" not in text
    assert str(MIN_PASSPHRASE) in dialog.hint.text()
    # Every field has a name for tests and for screen readers.
    for widget in dialog.findChildren(QLineEdit) + dialog.findChildren(QPushButton):
        if widget.isVisibleTo(dialog):
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()
    assert dialog.again.isVisibleTo(dialog)
    assert dialog.field_label.buddy() is dialog.field
    assert dialog.again_label.buddy() is dialog.again
    dialog.grab().save(str(screenshot_dir(tmp_path) / "passphrase-new-en.png"))


def test_details_toggle_shows_and_hides_the_backend(qtbot: Any, tmp_path: Path) -> None:
    dialog = shown(qtbot, PassphraseRequest(new=True, detail=DETAIL))
    assert not dialog.details.isVisible()
    assert "keyring.backends.fail.Keyring" not in " ".join(
        label.text() for label in dialog.findChildren(QLabel) if label.isVisible()
    )
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details.isVisible()
    assert "keyring.backends.fail.Keyring" in dialog.details.text()
    assert dialog.details_button.text() == "Hide &details"
    assert dialog.width() <= 600
    dialog.grab().save(str(screenshot_dir(tmp_path) / "passphrase-details-en.png"))
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert not dialog.details.isVisible()


def test_too_short_and_different_are_said_in_the_same_dialog(qtbot: Any) -> None:
    dialog = shown(qtbot, PassphraseRequest(new=True, detail=DETAIL))
    qtbot.keyClicks(dialog.field, "short")
    qtbot.keyClicks(dialog.again, "short")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isVisible() and "too short" in dialog.error.text()
    assert dialog.field.hasFocus() or dialog.focusWidget() is dialog.field
    dialog.field.clear()
    dialog.again.clear()
    qtbot.keyClicks(dialog.field, "front desk passphrase")
    assert not dialog.error.isVisible()  # typing clears the old complaint
    qtbot.keyClicks(dialog.again, "front desk passfrase")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "different" in dialog.error.text()
    assert dialog.focusWidget() is dialog.again
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, "front desk passphrase")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.passphrase() == "front desk passphrase"


def test_an_existing_passphrase_is_typed_once_and_a_wrong_one_said_inline(qtbot: Any) -> None:
    dialog = shown(
        qtbot,
        PassphraseRequest(
            new=False, detail=DETAIL, error="That passphrase does not open the console's data."
        ),
    )
    assert not dialog.again.isVisibleTo(dialog)
    assert not dialog.hint.isVisibleTo(dialog)
    assert dialog.error.isVisible() and "does not open" in dialog.error.text()
    assert dialog.ok_button.text() == "&Open"
    dialog.ok_button.click()  # empty: asked to type it, not accepted
    assert dialog.isVisible() and dialog.error.text() == "Type the passphrase."
    qtbot.keyClicks(dialog.field, "x")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.passphrase() == "x"


def test_the_dialog_is_translated(
    qtbot: Any, tmp_path: Path, translations: i18n.Translations
) -> None:
    translations.switch("zh_CN")
    dialog = shown(qtbot, PassphraseRequest(new=True, detail=DETAIL))
    assert dialog.message.text().startswith("这台电脑没有密码钥匙串")
    assert dialog.field_label.text() == "口令(&P)："
    assert dialog.width() <= 600
    dialog.grab().save(str(screenshot_dir(tmp_path) / "passphrase-new-zh_CN.png"))
    translations.switch("zh_TW")  # live, like every window
    qtbot.waitUntil(lambda: dialog.message.text().startswith("這台電腦沒有密碼鑰匙圈"))
    dialog.grab().save(str(screenshot_dir(tmp_path) / "passphrase-new-zh_TW.png"))


def test_before_any_database_the_computers_locale_picks_the_language(tmp_path: Path) -> None:
    """What run_app does before opening the database, in a process whose locale is zh_CN."""
    code = textwrap.dedent(
        """
        import json
        from PySide6.QtWidgets import QApplication
        from console.ui.i18n import Translations
        from console.ui.passphrase_dialog import PassphraseDialog, PassphraseRequest
        app = QApplication([])
        language = Translations().switch("")
        dialog = PassphraseDialog(PassphraseRequest(new=True, detail="backend"))
        print(json.dumps({"language": language, "message": dialog.message.text()}))
        """
    )
    env = {
        **os.environ,
        "LANG": "zh_CN.UTF-8",
        "LC_ALL": "",
        "LC_MESSAGES": "",
        "LANGUAGE": "",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
        check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["language"] == "zh_CN"
    assert report["message"].startswith("这台电脑没有密码钥匙串")

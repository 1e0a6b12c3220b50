"""Issue 18: every screen in 简体 and 繁體 says everything in Chinese.

The front desk of :mod:`tests.ui.front_desk` (a customer with an open complaint, a reward
due and a birthday this week) is walked in zh_CN and zh_TW through the screens of the
screenshot flows: Today, the profile with a call popped, the complaint form empty and
refused, the complaint queue and one complaint's view with its history, the report, the
phrasebook editor, every page of Settings, a purchase, the customer form, signing in
(and a refused sign-in), staff and the audit trail. Every
visible text is collected (:func:`tests.ui.visible_words.visible_texts`: labels, buttons,
tabs, headers, placeholders, tooltips, combo, list and table items). With the data left
out (names, what the customer said and bought, phrasebook entries, the store's own
settings), no Latin-script word may remain but the few brand and key names of
``ALLOWED``, no date is written the ISO way (each language has one date style, date
fields included), and a Traditional screen has no Simplified-only character. Pictures of each
screen are saved (``$SCREENSHOT_DIR``, else the test's temporary folder).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from console.ui import i18n
from tests.ui.test_front_desk_layout import _open, _ring
from tests.ui.visible_words import english_words, iso_dates, simplified_only, visible_texts


def _data(desk: Any, run: Callable[..., Any]) -> list[str]:
    """What the desk holds that is data, not interface: shown as it was typed."""
    profile = run(desk.customers.profile(desk.customer_id))
    customer = profile.customer
    data = [
        customer.name,
        customer.romanisation,
        customer.preferred_name,
        customer.email,
        customer.member_no,
        profile.greeting,  # said to the customer, in the customer's language
        *customer.preferences,
        *customer.dislikes,
        *customer.avoid_topics,
        customer.notes,
        *(phone.number for phone in customer.phones),
        "Jasmine latte",
        "Almond croissant",
        "The shoes lost a heel after two days; I want them replaced",
        "Grace Ho",
        "Demo Staff",
        "drink",
        "food",
        "a free drink",
        "example.com",
        "Shanghai Jing'an",
        # Languages named in their own script, and examples of names in placeholders.
        "简体中文",
        "繁體中文",
        "Priya Patel",
        "Mr. Yu",
        "Dr. Patel",
        "Zhang Wei",
        "name@example.com",
    ]
    for book in run(desk.phrasebooks.list_phrasebooks()):
        data.append(book.name)
        for entry in run(desk.phrasebooks.entries(book.name)):
            data += [entry.text, *entry.replacements, *entry.exceptions]
            # A reason is for staff, read in their script; one a trainer wrote for English
            # customers is in English (data), and the original quoted beside a rendering.
            data += [f"“{entry.reason}”", f"「{entry.reason}」"]
            if entry.language.value == "en":
                data.append(entry.reason)
    return [item for item in data if item]


def _customer_dialogs(window: QWidget) -> list[QWidget]:
    from console.ui.customer_dialog import CustomerDialog

    return [d for d in window.findChildren(CustomerDialog) if d.isVisible()]


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_every_screen_speaks_the_interface_language(
    desk: Any,
    qtbot: Any,
    run: Callable[..., Any],
    screenshot: Callable[[Any, str], Path],
    language: str,
) -> None:
    desk.choose_language(language)
    window = desk.window
    data = _data(desk, run)
    problems: list[tuple[str, str, str, tuple[str, ...]]] = []
    read = 0

    def check(name: str, widget: QWidget) -> None:
        nonlocal read
        QApplication.processEvents()
        screenshot(widget, f"words-{name}-{language}")
        for where, text in visible_texts(widget):
            read += 1
            if bad := english_words(text, data):
                problems.append((name, where, text, tuple(bad)))
            if bad := iso_dates(text, data):
                problems.append((name, where, text, tuple(bad)))
            if language == "zh_TW" and (bad := simplified_only(text, data)):
                problems.append((name, where, text, tuple(bad)))

    qtbot.wait(100)
    check("today", window)
    _open(desk, qtbot)
    run(_ring(desk))
    qtbot.waitUntil(lambda: desk.call_desk.queue.count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: desk.call_desk.caller_facts.text() != "", timeout=5000)
    qtbot.wait(200)
    check("profile-call", window)
    run(_ring(desk, "+44 20 7946 0999", "c-2"))  # a number nobody has
    qtbot.waitUntil(lambda: desk.call_desk.queue.count() == 2, timeout=5000)
    desk.call_desk.queue.setCurrentRow(1)
    qtbot.waitUntil(
        lambda: desk.call_desk.detail.currentWidget() is desk.call_desk.new_page, timeout=5000
    )
    check("call-unknown", window)

    features = window.complaints
    with qtbot.waitSignal(features.formOpened, timeout=5000) as opened:
        features.start_complaint(desk.customer_id)
    form = opened.args[0]
    qtbot.waitExposed(form)
    check("complaint-form", form)
    style = i18n.DATE_FORMATS[language]  # one date style per language, fields included
    assert form.promise_due.displayFormat() == f"{style} HH:mm"
    assert run(form.save()) is None
    check("complaint-refused", form)
    # A reply the phrasebook blocks: the finding's reason and replacement, said to staff.
    form.reply.setPlainText({"zh_CN": "这里就是这样的", "zh_TW": "這裡就是這樣的"}[language])
    qtbot.wait(600)  # the checker runs after a pause in typing
    assert run(form.save()) is None
    qtbot.waitUntil(lambda: form._errors["reply"].text() != "", timeout=5000)
    check("complaint-blocked", form)
    form.close()

    queue = features.show_queue()
    qtbot.waitUntil(queue.isVisible, timeout=5000)
    qtbot.wait(300)
    check("complaint-queue", queue)
    queue.close()
    complaint_id = run(desk.complaints.open_for_customer(desk.customer_id))[0].id
    view = features.open_complaint(complaint_id)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=5000)
    qtbot.wait(100)
    check("complaint-view", view)
    assert view.new_due.displayFormat() == f"{style} HH:mm"
    view.close()

    report = features.show_report()
    qtbot.waitExposed(report)
    qtbot.wait(200)
    check("report", report)
    report.close()

    window.open_phrasebook()
    editor = window._phrasebook_window
    qtbot.waitUntil(lambda: editor.isVisible() and editor.book is not None, timeout=10000)
    qtbot.wait(100)
    check("phrasebook", editor)
    editor.close()

    from console.ui.settings_window import SettingsWindow

    settings = SettingsWindow(desk.settings, may_edit=True, clock=desk.clock)
    qtbot.addWidget(settings)
    settings.show()
    settings.load()
    qtbot.waitExposed(settings)
    qtbot.wait(100)
    for page in range(settings.pages.count()):  # every page of Settings
        settings.pages.setCurrentRow(page)
        qtbot.wait(50)
        check(f"settings-{page}", settings)
    settings.close()

    from console.ui.purchase_dialog import PurchaseDialog

    purchase = PurchaseDialog(desk.customers, desk.customer_id, parent=window)
    qtbot.addWidget(purchase)
    purchase.show()
    qtbot.waitExposed(purchase)
    check("purchase", purchase)
    purchase.close()

    window.edit_customer(desk.customer_id)
    qtbot.waitUntil(lambda: bool(_customer_dialogs(window)), timeout=5000)
    dialog = _customer_dialogs(window)[0]
    qtbot.waitExposed(dialog)
    qtbot.wait(100)
    check("customer-form", dialog)
    dialog.close()

    run(desk.staff.add_staff(None, name="Grace Ho", role="admin", secret="7391"))
    from console.ui.sign_in import SignInWindow

    sign_in = SignInWindow(desk.staff, first_run=False, store="Shanghai Jing'an")
    qtbot.addWidget(sign_in)
    sign_in.show()
    qtbot.waitExposed(sign_in)
    check("sign-in", sign_in)
    qtbot.keyClicks(sign_in.name, "Grace Ho")
    qtbot.keyClicks(sign_in.pin, "0000")
    sign_in.button.click()
    qtbot.waitUntil(sign_in.message.isVisible, timeout=5000)
    check("sign-in-refused", sign_in)
    sign_in.close()
    run(desk.staff.sign_in("Grace Ho", "7391"))

    from console.ui.admin import AuditWindow, StaffWindow

    staff = StaffWindow(desk.staff)
    qtbot.addWidget(staff)
    staff.show()
    staff.load()
    qtbot.waitExposed(staff)
    qtbot.wait(300)
    check("staff", staff)
    staff.close()
    audit = AuditWindow(desk.audit, desk.staff)
    qtbot.addWidget(audit)
    audit.show()
    audit.load()
    qtbot.waitUntil(lambda: audit.model.total > 0, timeout=5000)
    qtbot.wait(100)
    check("audit", audit)
    audit.close()

    for name, where, text, bad in dict.fromkeys(problems):
        print(f"{name} | {where} | {text!r} | {bad}")
    assert read > 200
    assert problems == []

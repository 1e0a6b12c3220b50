"""The front desk as a new user meets it: the composed app, a pinned clock, and one
customer with an open complaint, a reward due and a birthday this week (built through
the services), for the 1366×768 layout tests and their screenshots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from console.domain.clock import FixedClock
from console.domain.complaint import Complaint, QuickDue, quick_due
from console.domain.customer import Customer, PartialDate, Phone, PurchaseItem, Tier
from console.storage.sqlite.runner import DatabaseRunner
from console.ui import i18n

#: Saturday 28 Nov 2026, 15:30 local wall time.
NOW = dt.datetime(2026, 11, 28, 15, 30)
SCREEN = (1366, 768)


def build_console(tmp_path: Path, run: Callable[..., Any]) -> tuple[Any, int]:
    """A Console on a fresh database (not started) and the id of the customer to open."""
    from console.app import Console

    runner = DatabaseRunner(tmp_path / "desk.db")
    runner.open()
    translations = i18n.Translations(out_dir=tmp_path / "qm")
    console = Console(runner, cti_port=0, translations=translations, clock=FixedClock(NOW))
    customers = console.customers
    cid = run(
        customers.save(
            Customer(
                name="王丽华",
                romanisation="Wang Lihua",
                preferred_name="王女士",
                phones=[Phone("+8613812345678", "mobile")],
                email="lihua.wang@example.com",
                member_no="M00000042",
                tier=Tier.GOLD,
                birthday=PartialDate(12, 1, 1988),
                greetings_consent=True,
                marketing_consent=True,
                language="zh-Hans",
                preferences=["Oolong, no sugar", "Window seat"],
                dislikes=["Peanuts"],
            ),
            allow_duplicates=True,
        )
    )
    for _ in range(3):
        run(customers.log_visit(cid))
    for n in range(6):
        run(
            customers.add_purchase(
                cid,
                [
                    PurchaseItem("Jasmine latte", 2, 3200, "drink"),
                    PurchaseItem(f"Almond croissant {n}", 1, 1800, "food"),
                ],
                currency="CNY",
            )
        )
    now = console.complaints.now()
    run(
        console.complaints.create(
            Complaint(
                customer_id=cid,
                customer_words="The shoes lost a heel after two days; I want them replaced",
                promise_due=quick_due(QuickDue.TOMORROW_10, now, console.complaints.zone),
            )
        )
    )
    return console, cid


def visible_in(widget: QWidget, viewport: QWidget) -> bool:
    """Whether *widget* is shown and lies wholly inside *viewport*'s visible rectangle."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(viewport.window(), QPoint(0, 0))
    rect = QRect(top_left, widget.size())
    port = QRect(viewport.mapTo(viewport.window(), QPoint(0, 0)), viewport.size())
    return port.contains(rect)

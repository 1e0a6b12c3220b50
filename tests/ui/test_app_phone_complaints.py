"""The composed app: a call from a customer with an open complaint, then a new complaint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
from PySide6.QtWidgets import QApplication

from console.domain.complaint import Complaint, QuickDue, quick_due
from console.domain.customer import Customer, Phone
from console.storage.sqlite import customers as store
from console.storage.sqlite.runner import DatabaseRunner


def test_a_call_shows_the_open_complaint_and_starts_a_new_one_for_the_caller(
    qtbot: Any, qloop: Any, run: Callable[..., Any], tmp_path: Path
) -> None:
    from console.app import Console
    from console.ui.complaint_form import ComplaintForm

    runner = DatabaseRunner(tmp_path / "app.db")
    runner.open()
    console = Console(runner, cti_port=0)
    qtbot.addWidget(console.window)
    try:
        cid = runner.call(
            store.insert_customer,
            Customer(name="李娜", preferred_name="李女士", phones=[Phone("+8613912345678")]),
            now=console.customers.now(),
        )
        now = console.complaints.now()
        run(
            console.complaints.create(
                Complaint(
                    customer_id=cid,
                    customer_words="The shoes lost a heel after two days",
                    promise_due=quick_due(QuickDue.TOMORROW_10, now, console.complaints.zone),
                )
            )
        )
        run(console.start(demo=False), timeout_ms=15000)
        assert console.cti is not None

        async def ring() -> None:
            data = {"event": "newCall", "from": "139 1234 5678", "to": "2041", "callId": "c-77",
                    "direction": "in"}  # fmt: skip
            async with (
                aiohttp.ClientSession() as session,
                session.post(console.cti.url, data=data) as response,
            ):
                assert response.status == 200

        run(ring())
        desk = console.call_desk
        qtbot.waitUntil(lambda: "Open complaint: The shoes lost a heel" in desk.caller_facts.text())
        assert "reply promised by" in desk.caller_facts.text()
        desk.request_complaint()
        qtbot.waitUntil(
            lambda: any(
                isinstance(w, ComplaintForm) and w.isVisible()
                for w in QApplication.topLevelWidgets()
            )
        )
        form = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ComplaintForm))
        assert (form.customer_id, form.call_id) == (cid, "c-77")
        form.close()
    finally:
        run(console.stop_phone())
        console.window.tasks.cancel_all()
        runner.close()

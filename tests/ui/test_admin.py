"""The admin's staff window and the manager's audit window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from console.services.staff import AuditService, StaffService
from console.storage.sqlite.runner import DatabaseRunner
from console.ui.admin import AuditWindow, StaffWindow


@pytest.fixture
def audit(runner: DatabaseRunner) -> AuditService:
    return AuditService(runner)


@pytest.fixture
def staff(runner: DatabaseRunner, audit: AuditService, run: Callable[..., Any]) -> StaffService:
    service = StaffService(runner, audit)
    run(service.add_staff(None, name="Grace Ho", role="admin", secret="7391"))
    run(service.sign_in("Grace Ho", "7391"))
    return service


def test_an_admin_adds_and_changes_staff(
    qtbot: Any, qloop: Any, run: Callable[..., Any], staff: StaffService
) -> None:
    window = StaffWindow(staff)
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.table.rowCount() == 1)
    window.add()
    editor = window.editor
    assert editor is not None
    editor.name.setText("Li Na")
    editor.role.setCurrentIndex(editor.role.findData("trainer"))
    editor.extension.setText("20x")
    editor.pin.setText("5820")
    editor.buttons.accepted.emit()
    qtbot.waitUntil(editor.message.isVisible)
    assert "extension" in editor.message.text().lower()
    assert editor.isVisible()  # nothing typed is lost
    editor.extension.setText("2041")
    # The call queues they answer: typed, reached from the extension with Tab.
    editor.extension.setFocus()
    qtbot.keyClick(editor.extension, Qt.Key.Key_Tab)
    assert editor.queues.hasFocus()
    qtbot.keyClicks(editor.queues, " sales, VIP ")
    editor.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.table.rowCount() == 2)
    assert not editor.isVisible()
    assert [window.table.item(1, c).text() for c in range(6)] == [
        "Li Na",
        "trainer",
        "",
        "2041",
        "sales, VIP",
        "yes",
    ]
    window.table.selectRow(1)
    window.change_selected()
    editor = window.editor
    assert editor is not None and editor.name.isReadOnly()
    assert editor.queues.text() == "sales, VIP"
    editor.queues.setText("support")
    editor.active.setChecked(False)
    editor.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.table.item(1, 5).text() == "no")
    assert window.table.item(1, 4).text() == "support"


def test_the_queues_field_is_named_and_has_a_shortcut(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    from console.ui.admin import StaffEditor

    editor = StaffEditor(None)
    qtbot.addWidget(editor)
    assert editor.queues.objectName() == "staffQueues"
    assert editor.queues.accessibleName() == "Call queues"
    label = editor.form.labelForField(editor.queues)
    assert isinstance(label, QLabel)
    assert label.text() == "&Queues" and label.buddy() is editor.queues


def test_an_agent_cannot_open_the_staff_list(
    qtbot: Any, qloop: Any, run: Callable[..., Any], staff: StaffService
) -> None:
    assert staff.session is not None
    run(staff.add_staff(staff.session, name="Chen Jie", role="agent", secret="5820"))
    run(staff.sign_in("Chen Jie", "5820"))
    window = StaffWindow(staff)
    qtbot.addWidget(window)
    window.load()
    qtbot.waitUntil(lambda: "may not manage staff" in window.message.text())
    assert window.table.rowCount() == 0


def test_the_audit_window_filters_pages_and_exports(
    qtbot: Any,
    qloop: Any,
    run: Callable[..., Any],
    staff: StaffService,
    audit: AuditService,
    tmp_path: Path,
) -> None:
    session = staff.session
    assert session is not None
    for n in range(450):
        run(audit.record(session, "view", "customer", n % 7))
    window = AuditWindow(audit, staff)
    qtbot.addWidget(window)
    window.show()
    window.date_from.setDate(QDate.currentDate().addDays(-1))
    window.load()
    qtbot.waitUntil(lambda: window.model.total > 0)
    assert window.model.total == 450 + 2  # + the admin account created, and signing in
    assert window.model.rowCount() == 200  # the first page only
    window.model.fetchMore(window.model.index(0, 0).parent())
    qtbot.waitUntil(lambda: window.model.rowCount() == 400)
    window.entity_id.setText("#3")
    window.entity.setCurrentIndex(window.entity.findData("customer"))
    window.load()
    qtbot.waitUntil(lambda: window.model.total == 64)
    assert window.message.text() == "64 entries"
    target = tmp_path / "audit.csv"
    run(window.export_to(target))
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 64 and lines[0].startswith("at,actor")
    for widget in (window.actor, window.action, window.entity, window.entity_id, window.view):
        assert widget.objectName() and widget.accessibleName()


def test_the_audit_window_reads_like_staff_write(
    qtbot: Any, run: Callable[..., Any], staff: StaffService, audit: AuditService,
    screenshot: Any,
) -> None:  # fmt: skip
    from PySide6.QtWidgets import QLabel

    session = staff.session
    fields = {"customer_id": [None, 618], "status": [None, "new"],
              "promise_due": [None, "2026-11-29T10:00:00+08:00"]}  # fmt: skip
    run(audit.record(session, "update", "complaint", 12, fields))
    window = AuditWindow(audit, staff)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.load()
    qtbot.waitUntil(lambda: window.model.total > 0)
    headings = [str(window.model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(window.model.columnCount())]  # fmt: skip
    assert headings[1:3] == ["Who", "Console"]
    # A desk's entries name no console: the column stays empty.
    assert {window.model.index(r, 2).data() for r in range(window.model.rowCount())} == {""}
    column = headings.index("Fields (before → after)")
    texts = [str(window.model.index(row, column).data()) for row in range(window.model.rowCount())]
    assert not any("null" in text for text in texts), texts
    assert any("Customer: — → #618" in text for text in texts), texts
    # One date style on every screen (the wall time recorded), and words for the values.
    assert any("Reply promised by: — → 29 Nov 2026 10:00" in text for text in texts), texts
    assert any("Status: — → New" in text for text in texts), texts
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert label.width() >= label.sizeHint().width(), label.text()
    screenshot(window, "audit-window")


def test_the_staff_editors_hints_are_read_whole(qtbot: Any) -> None:
    from console.domain.roles import Role
    from console.domain.staff import StaffMember
    from console.ui.admin import StaffEditor

    editor = StaffEditor(StaffMember(7, "Li Jing", Role.AGENT, queues=("sales",)))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    for field in (editor.queues, editor.pin):
        hint = field.fontMetrics().horizontalAdvance(field.placeholderText())
        assert hint > 0 and field.contentsRect().width() >= hint, field.objectName()

"""Windows for admins and managers: staff accounts and the audit trail.

* :class:`StaffWindow` (admins): the accounts, add one, change role/store/extension,
  switch an account off or on, set a new PIN. Refusals come from the service and are
  shown as they are.
* :class:`AuditWindow` (managers and admins): the audit trail newest first, filtered by
  period, person, action, record kind and record number; loads page by page; exports the
  filtered entries as CSV (the export is itself recorded).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.roles import NotAllowed, Role
from console.domain.staff import StaffMember
from console.services.customers import ValidationFailed
from console.services.staff import AuditService, StaffService
from console.storage.staff import AuditEntry, StaffNameTaken
from console.ui.paged_model import PagedTableModel
from console.ui.tasks import Tasks

ERROR_STYLE = "color: #b3261e;"
AUDIT_PAGE = 200


def _named(widget: Any, object_name: str, accessible: str) -> Any:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


class StaffEditor(QDialog):
    """Add an account, or change one (a new PIN is optional when changing)."""

    def __init__(self, member: StaffMember | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member = member
        self.setObjectName("staffEditor")
        self.setAccessibleName("Staff account")
        self.setWindowTitle("Add staff" if member is None else f"Change {member.name}")
        self.name = _named(QLineEdit(member.name if member else ""), "staffName", "Name")
        self.name.setReadOnly(member is not None)
        self.role = _named(QComboBox(), "staffRole", "Role")
        for role in Role:
            self.role.addItem(role.value.capitalize(), role.value)
        self.role.setCurrentIndex(list(Role).index(member.role if member else Role.AGENT))
        self.store = _named(QLineEdit(member.store if member else ""), "staffStore", "Store")
        self.extension = _named(
            QLineEdit(member.extension if member else ""), "staffExtension", "Phone extension"
        )
        self.pin = _named(QLineEdit(), "staffPin", "PIN or password")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText("leave empty to keep the PIN" if member else "")
        self.active = _named(QCheckBox("Account in use"), "staffActive", "Account in use")
        self.active.setChecked(member.active if member else True)
        self.message = _named(QLabel(), "staffMessage", "Problem")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Role", self.role)
        form.addRow("S&tore", self.store)
        form.addRow("E&xtension", self.extension)
        form.addRow("&PIN", self.pin)
        form.addRow("", self.active)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        _named(self.buttons, "staffButtons", "Save or cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class StaffWindow(QWidget):
    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.staff = staff
        self.tasks = Tasks(on_error=self._show_error)
        self.setObjectName("staffWindow")
        self.setAccessibleName("Staff accounts")
        self.setWindowTitle("Staff accounts")
        self.resize(640, 400)
        self.members: list[StaffMember] = []
        self.table = _named(QTableWidget(0, 5), "staffTable", "Staff accounts")
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Store", "Extension", "In use"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.change_selected())
        self.add_button = _named(QPushButton("&Add…"), "addStaffButton", "Add staff")
        self.change_button = _named(QPushButton("&Change…"), "changeStaffButton", "Change")
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change_selected)
        self.message = _named(QLabel(), "staffWindowMessage", "Message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.editor: StaffEditor | None = None

    def _show_error(self, exc: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(str(exc))

    def load(self) -> None:
        self.tasks.start(self._load(), name="load")

    async def _load(self) -> None:
        session = self.staff.session
        if session is None:
            raise PermissionError("sign in first")
        self.members = await self.staff.list_staff(session)
        self.table.setRowCount(len(self.members))
        for row, m in enumerate(self.members):
            values = [m.name, m.role.value, m.store, m.extension, "yes" if m.active else "no"]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if self.members and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def add(self) -> None:
        self._edit(None)

    def change_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.members):
            self._edit(self.members[row])

    def _edit(self, member: StaffMember | None) -> None:
        self.editor = StaffEditor(member, self)
        # The service validates before the dialog closes: Save runs _save, not accept.
        self.editor.buttons.accepted.disconnect()
        self.editor.buttons.accepted.connect(lambda: self.tasks.start(self._save(), name="save"))
        self.editor.open()

    async def _save(self) -> None:
        editor = self.editor
        session = self.staff.session
        if editor is None or session is None:
            return
        fields = {
            "role": str(editor.role.currentData()),
            "store": editor.store.text().strip(),
            "extension": editor.extension.text().strip(),
        }
        try:
            if editor.member is None:
                member = await self.staff.add_staff(
                    session,
                    name=editor.name.text(),
                    role=fields["role"],
                    secret=editor.pin.text(),
                    store_name=fields["store"],
                    extension=fields["extension"],
                )
                if not editor.active.isChecked():
                    await self.staff.change_staff(session, member.id, active=False)
            else:
                changes: dict[str, Any] = dict(fields, active=editor.active.isChecked())
                if editor.pin.text():
                    changes["secret"] = editor.pin.text()
                await self.staff.change_staff(session, editor.member.id, **changes)
        except ValidationFailed as exc:
            editor.show_error("; ".join(exc.errors.values()))
            return
        except (StaffNameTaken, NotAllowed, ValueError) as exc:
            editor.show_error(str(exc))
            return
        editor.accept()
        self.message.setStyleSheet("")
        self.message.setText("Saved.")
        await self._load()


# --- audit ---------------------------------------------------------------------------


def _fields_text(entry: AuditEntry) -> str:
    if entry.fields == {"redacted": True}:
        return "(values removed: customer erased)"
    parts = []
    for key, value in sorted(entry.fields.items()):
        if isinstance(value, list) and len(value) == 2:
            before, after = (json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"{key}: {before} → {after}")
        else:
            parts.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "; ".join(parts)


AUDIT_COLUMNS: list[tuple[str, Any]] = [
    ("When", lambda e: e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")),
    ("Who", lambda e: f"{e.actor} ({e.actor_role})" if e.actor_role else e.actor),
    ("Action", lambda e: e.action.replace("_", " ")),
    ("Record", lambda e: f"{e.entity} #{e.entity_id}" if e.entity_id else e.entity),
    ("Fields (before → after)", _fields_text),
    ("Detail", lambda e: e.detail),
]

AUDIT_ACTIONS = [
    "",
    "create",
    "update",
    "view",
    "merge",
    "export",
    "erase",
    "consent",
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "lock",
    "refused",
]


class AuditWindow(QWidget):
    def __init__(
        self, audit: AuditService, staff: StaffService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.audit = audit
        self.staff = staff
        self.tasks = Tasks(on_error=self._show_error)
        self.setObjectName("auditWindow")
        self.setAccessibleName("Audit trail")
        self.setWindowTitle("Audit trail")
        self.resize(980, 560)
        today = QDate.currentDate()
        self.date_from = _named(QDateEdit(today.addDays(-30)), "auditFrom", "From date")
        self.date_to = _named(QDateEdit(today), "auditTo", "To date")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.actor = _named(QLineEdit(), "auditActor", "Staff member")
        self.actor.setPlaceholderText("anyone")
        self.action = _named(QComboBox(), "auditAction", "Action")
        for action in AUDIT_ACTIONS:
            self.action.addItem(action.replace("_", " ") or "any action", action)
        self.entity = _named(QComboBox(), "auditEntity", "Record kind")
        for entity in ("", "customer", "visit", "purchase", "consent", "staff", "audit"):
            self.entity.addItem(entity or "any record", entity)
        self.entity_id = _named(QLineEdit(), "auditRecordId", "Record number")
        self.entity_id.setPlaceholderText("#")
        self.entity_id.setMaximumWidth(90)
        self.apply_button = _named(QPushButton("&Show"), "auditShow", "Show entries")
        self.export_button = _named(QPushButton("&Export CSV…"), "auditExport", "Export CSV")
        self.apply_button.clicked.connect(self.load)
        self.export_button.clicked.connect(self.export)
        for edit in (self.actor, self.entity_id):
            edit.returnPressed.connect(self.load)
        filters = QHBoxLayout()
        for label, widget in (
            ("&From", self.date_from),
            ("&To", self.date_to),
            ("&Who", self.actor),
            ("&Action", self.action),
            ("&Record", self.entity),
            ("#", self.entity_id),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)
        filters.addWidget(self.export_button)
        self.model: PagedTableModel[AuditEntry] = PagedTableModel(
            AUDIT_COLUMNS, self.tasks, page_size=AUDIT_PAGE
        )
        self.view = _named(QTableView(), "auditTable", "Audit entries")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.message = _named(QLabel(), "auditMessage", "Message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addWidget(self.message)

    def _show_error(self, exc: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(str(exc))

    def filters(self) -> dict[str, Any]:
        zone = dt.datetime.now().astimezone().tzinfo
        start = self.date_from.date().toPython()
        end = self.date_to.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        return {
            "since": dt.datetime.combine(start, dt.time(), zone),
            "until": dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), zone),
            "actor": self.actor.text().strip() or None,
            "action": self.action.currentData() or None,
            "entity": self.entity.currentData() or None,
            "entity_id": self.entity_id.text().strip().lstrip("#") or None,
        }

    def load(self) -> None:
        self.tasks.start(self._load(), name="load")

    async def _load(self) -> None:
        session = self.staff.session
        if session is None:
            self._show_error(PermissionError("sign in first"))
            return
        filters = self.filters()
        first = await self.audit.entries(session, offset=0, limit=AUDIT_PAGE, **filters)
        total = await self.audit.count(session, **filters)

        async def more(offset: int, limit: int) -> list[AuditEntry]:
            return await self.audit.entries(session, offset=offset, limit=limit, **filters)

        self.model.reset(first, total, more)
        self.view.resizeColumnsToContents()
        self.message.setStyleSheet("")
        self.message.setText(f"{total:,} entries")

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export audit entries", "audit.csv", "CSV files (*.csv)"
        )
        if path:
            self.tasks.start(self.export_to(Path(path)), name="export")

    async def export_to(self, path: Path) -> None:
        session = self.staff.session
        if session is None:
            return
        text = await self.audit.export_csv(session, **self.filters())
        path.write_text(text, encoding="utf-8-sig")
        self.message.setStyleSheet("")
        self.message.setText(f"Exported to {path}.")

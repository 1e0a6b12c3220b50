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

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    Qt,
    QTime,
)
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

from console import files
from console.domain import options as opts
from console.domain.audit_words import audit_detail
from console.domain.complaint import Status
from console.domain.roles import NotAllowed, Role
from console.domain.staff import AuditEntry, StaffMember, StaffNameTaken
from console.domain.validation import ValidationFailed
from console.services.staff import AuditService, StaffService
from console.ui import theme
from console.ui.complaint_form import STATUS_LABELS, label
from console.ui.customer_profile import day_month
from console.ui.i18n import (
    LANGUAGES,
    error_text,
    format_date,
    format_datetime,
    locale,
    message_text,
    show_dates,
)
from console.ui.occasion_words import phone_label
from console.ui.paged_model import PagedTableModel
from console.ui.search_results import tier_label
from console.ui.tasks import Tasks
from console.ui.widgets import Retranslating

AUDIT_PAGE = 200

# Roles as staff read them (translated where shown, context "Role").
ROLE_LABELS: dict[Role, str] = {
    Role.AGENT: str(QT_TRANSLATE_NOOP("Role", "agent")),
    Role.TRAINER: str(QT_TRANSLATE_NOOP("Role", "trainer")),
    Role.MANAGER: str(QT_TRANSLATE_NOOP("Role", "manager")),
    Role.ADMIN: str(QT_TRANSLATE_NOOP("Role", "admin")),
}


def role_label(role: Role) -> str:
    """The role in the interface language ("trainer" / "培训师")."""
    return QCoreApplication.translate("Role", ROLE_LABELS.get(role, role.value))


def _named(widget: Any, object_name: str, accessible: str) -> Any:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


def _set_label(form: QFormLayout, field: QWidget, text: str) -> None:
    label = form.labelForField(field)
    if isinstance(label, QLabel):
        label.setText(text)


class StaffEditor(Retranslating, QDialog):
    """Add an account, or change one (a new PIN is optional when changing)."""

    def __init__(self, member: StaffMember | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member = member
        self.setObjectName("staffEditor")
        self.name = _named(QLineEdit(member.name if member else ""), "staffName", "")
        self.name.setReadOnly(member is not None)
        self.role = _named(QComboBox(), "staffRole", "")
        for role in Role:
            self.role.addItem(role.value.capitalize(), role.value)
        self.role.setCurrentIndex(list(Role).index(member.role if member else Role.AGENT))
        self.store = _named(QLineEdit(member.store if member else ""), "staffStore", "")
        self.extension = _named(QLineEdit(member.extension if member else ""), "staffExtension", "")
        self.queues = _named(
            QLineEdit(", ".join(member.queues) if member else ""), "staffQueues", ""
        )
        self.pin = _named(QLineEdit(), "staffPin", "")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.active = _named(QCheckBox(), "staffActive", "")
        self.active.setChecked(member.active if member else True)
        self.message = _named(QLabel(), "staffMessage", "")
        theme.set_role(self.message, role="error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.form = form = QFormLayout()
        for field in (self.name, self.role, self.store, self.extension, self.queues, self.pin):
            # A label of its own (``addRow("", field)`` makes none: the text set in
            # retranslate would have nowhere to go), the field its buddy: Alt+letter.
            caption = QLabel()
            caption.setBuddy(field)
            form.addRow(caption, field)
        form.addRow("", self.active)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        _named(self.buttons, "staffButtons", "")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        member = self.member
        self.setAccessibleName(self.tr("Staff account"))
        self.setWindowTitle(
            self.tr("Add staff")
            if member is None
            else self.tr("Change {name}").format(name=member.name)
        )
        self.name.setAccessibleName(self.tr("Name"))
        self.role.setAccessibleName(self.tr("Role"))
        for index in range(self.role.count()):
            label = role_label(Role(str(self.role.itemData(index))))
            self.role.setItemText(index, label[:1].upper() + label[1:])
        self.store.setAccessibleName(self.tr("Store"))
        self.extension.setAccessibleName(self.tr("Phone extension"))
        self.queues.setAccessibleName(self.tr("Call queues"))
        self.queues.setAccessibleDescription(
            self.tr("The call queues they answer, separated by commas")
        )
        self.queues.setPlaceholderText(self.tr("e.g. sales, support"))
        self.pin.setAccessibleName(self.tr("PIN or password"))
        self.pin.setPlaceholderText(self.tr("leave empty to keep the PIN") if member else "")
        for field in (self.queues, self.pin):  # a hint is read whole, in every language
            hint = field.fontMetrics().horizontalAdvance(field.placeholderText())
            field.setMinimumWidth(max(200, hint + 24))
        self.active.setText(self.tr("Account in use"))
        self.active.setAccessibleName(self.tr("Account in use"))
        self.message.setAccessibleName(self.tr("Problem"))
        self.buttons.setAccessibleName(self.tr("Save or cancel"))
        _set_label(self.form, self.name, self.tr("&Name"))
        _set_label(self.form, self.role, self.tr("&Role"))
        _set_label(self.form, self.store, self.tr("S&tore"))
        _set_label(self.form, self.extension, self.tr("E&xtension"))
        _set_label(self.form, self.queues, self.tr("&Queues"))
        _set_label(self.form, self.pin, self.tr("&PIN"))

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class StaffWindow(Retranslating, QWidget):
    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.staff = staff
        self.tasks = Tasks(on_error=self._show_error)
        self.setObjectName("staffWindow")
        self.resize(640, 400)
        self.members: list[StaffMember] = []
        self.table = _named(QTableWidget(0, 6), "staffTable", "")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.change_selected())
        self.add_button = _named(QPushButton(), "addStaffButton", "")
        self.change_button = _named(QPushButton(), "changeStaffButton", "")
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change_selected)
        self.message = _named(QLabel(), "staffWindowMessage", "")
        self.message.setWordWrap(True)
        self._saved_shown = False
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.editor: StaffEditor | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Staff accounts"))
        self.setWindowTitle(self.tr("Staff accounts"))
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Store"),
                self.tr("Extension"),
                self.tr("Queues"),
                self.tr("In use"),
            ]
        )
        self.add_button.setText(self.tr("&Add…"))
        self.add_button.setAccessibleName(self.tr("Add staff"))
        self.change_button.setText(self.tr("&Change…"))
        self.change_button.setAccessibleName(self.tr("Change"))
        self.message.setAccessibleName(self.tr("Message"))
        if self._saved_shown:
            self.message.setText(self.tr("Saved."))
        self._fill_table()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.members))
        for row, m in enumerate(self.members):
            values = [
                m.name,
                role_label(m.role),
                m.store,
                m.extension,
                ", ".join(m.queues),
                self.tr("yes") if m.active else self.tr("no"),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _show_error(self, exc: BaseException) -> None:
        self._saved_shown = False
        theme.set_role(self.message, role="error")
        self.message.setText(error_text(exc))

    def load(self) -> None:
        self.tasks.start(self._load(), name="load")

    async def _load(self) -> None:
        session = self.staff.session
        if session is None:
            raise PermissionError(self.tr("Sign in first."))
        self.members = await self.staff.list_staff(session)
        self._fill_table()
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
            "queues": editor.queues.text(),
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
                    queues=fields["queues"],
                )
                if not editor.active.isChecked():
                    await self.staff.change_staff(session, member.id, active=False)
            else:
                changes: dict[str, Any] = dict(fields, active=editor.active.isChecked())
                if editor.pin.text():
                    changes["secret"] = editor.pin.text()
                await self.staff.change_staff(session, editor.member.id, **changes)
        except ValidationFailed as exc:
            editor.show_error(error_text(exc))
            return
        except (StaffNameTaken, NotAllowed, ValueError) as exc:
            editor.show_error(error_text(exc))
            return
        editor.accept()
        theme.set_role(self.message, role="")
        self._saved_shown = True
        self.message.setText(self.tr("Saved."))
        await self._load()


# --- audit ---------------------------------------------------------------------------


# Field names in the audit trail, as staff read them (unknown ones are shown humanised).
FIELD_LABELS: dict[str, str] = {
    "customer_id": str(QT_TRANSLATE_NOOP("AuditWindow", "Customer")),
    "status": str(QT_TRANSLATE_NOOP("AuditWindow", "Status")),
    "action": str(QT_TRANSLATE_NOOP("AuditWindow", "Action")),
    "capture": str(QT_TRANSLATE_NOOP("AuditWindow", "Form")),
    "promise_due": str(QT_TRANSLATE_NOOP("AuditWindow", "Reply promised by")),
    "satisfaction": str(QT_TRANSLATE_NOOP("AuditWindow", "Satisfaction")),
    "at": str(QT_TRANSLATE_NOOP("AuditWindow", "Time")),
    "items": str(QT_TRANSLATE_NOOP("AuditWindow", "Items")),
    "name": str(QT_TRANSLATE_NOOP("AuditWindow", "Name")),
    "preferred_name": str(QT_TRANSLATE_NOOP("AuditWindow", "Address as")),
    "phones": str(QT_TRANSLATE_NOOP("AuditWindow", "Phones")),
    "email": str(QT_TRANSLATE_NOOP("AuditWindow", "Email")),
    "member_no": str(QT_TRANSLATE_NOOP("AuditWindow", "Member no.")),
    "tier": str(QT_TRANSLATE_NOOP("AuditWindow", "Tier")),
    "birthday": str(QT_TRANSLATE_NOOP("AuditWindow", "Birthday")),
    "notes": str(QT_TRANSLATE_NOOP("AuditWindow", "Notes")),
    "greetings_consent": str(QT_TRANSLATE_NOOP("AuditWindow", "Greetings consent")),
    "marketing_consent": str(QT_TRANSLATE_NOOP("AuditWindow", "Offers consent")),
    "role": str(QT_TRANSLATE_NOOP("AuditWindow", "Role")),
    "active": str(QT_TRANSLATE_NOOP("AuditWindow", "Active")),
    "romanisation": str(QT_TRANSLATE_NOOP("AuditWindow", "Romanisation")),
    "language": str(QT_TRANSLATE_NOOP("AuditWindow", "Language")),
    "preferences": str(QT_TRANSLATE_NOOP("AuditWindow", "Preferences")),
    "dislikes": str(QT_TRANSLATE_NOOP("AuditWindow", "Dislikes")),
    "avoid_topics": str(QT_TRANSLATE_NOOP("AuditWindow", "Topics to avoid")),
    "occasions": str(QT_TRANSLATE_NOOP("AuditWindow", "Occasions")),
    "extension": str(QT_TRANSLATE_NOOP("AuditWindow", "Extension")),
    "queues": str(QT_TRANSLATE_NOOP("AuditWindow", "Call queues")),
    "store_name": str(QT_TRANSLATE_NOOP("AuditWindow", "Store")),
}
NOTHING = "—"


def field_label(key: str) -> str:
    text = FIELD_LABELS.get(key)
    if text is None:
        option = opts.BY_KEY.get(key)
        if option is not None and option.label:  # a setting: its label in Settings
            return QCoreApplication.translate(opts.CONTEXT, option.label)
        return key.replace("_", " ").capitalize()
    return QCoreApplication.translate("AuditWindow", text)


def _word_text(key: str, value: str) -> str | None:
    """A value that is one of the domain's words, in the interface language (a role, a
    status, a tier, a language, a phone's label); None for anything else."""
    if key in ("role", "actor_role") and value in set(Role):
        return role_label(Role(value))
    if key == "status" and value in set(Status):
        return label(STATUS_LABELS, Status(value))
    if key == "tier":
        return tier_label(value)
    if key in ("language", "interface_language"):
        names = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文", **LANGUAGES}
        return names.get(value)
    return None


def _value_text(key: str, value: Any) -> str:
    """One audited value as staff read it: "—" for nothing, "#618" for a record."""
    if value is None or value in ("", []):
        return NOTHING
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("AuditWindow", "yes")
        return QCoreApplication.translate("AuditWindow", "no")
    if isinstance(value, int) and key.endswith("_id"):
        return f"#{value}"
    if isinstance(value, str):
        if (word := _word_text(key, value)) is not None:
            return word
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        if "T" in value or " " in value:  # one date style on every screen
            return format_datetime(moment.replace(tzinfo=None))  # the wall time recorded
        return format_date(moment.date())
    if isinstance(value, list):
        return ", ".join(_value_text(key, v) for v in value)
    parts = value if isinstance(value, dict) else {}
    if all(isinstance(parts.get(k), int) for k in ("day", "month")):  # a birthday
        year = parts.get("year")
        if isinstance(year, int):
            return format_date(dt.date(year, parts["month"], parts["day"]))
        return day_month(int(parts["day"]), int(parts["month"]))
    if isinstance(parts.get("number"), str):  # a phone: its number and label
        kind = phone_label(str(parts.get("label") or ""))
        return f"{parts['number']} ({kind})" if kind else str(parts["number"])
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _fields_text(entry: AuditEntry) -> str:
    if entry.fields == {"redacted": True}:
        return QCoreApplication.translate("AuditWindow", "(values removed: customer erased)")
    parts = []
    for key, value in sorted(entry.fields.items()):
        name = field_label(key)
        if isinstance(value, list) and len(value) == 2:
            before, after = (_value_text(key, v) for v in value)
            if before != after:  # "— → —" says nothing
                parts.append(f"{name}: {before} → {after}")
        else:
            parts.append(f"{name}: {_value_text(key, value)}")
    return "; ".join(parts)


# What was done, as staff read it (the stored action names stay as they are).
ACTION_LABELS: dict[str, str] = {
    "create": str(QT_TRANSLATE_NOOP("AuditWindow", "create")),
    "update": str(QT_TRANSLATE_NOOP("AuditWindow", "update")),
    "view": str(QT_TRANSLATE_NOOP("AuditWindow", "view")),
    "merge": str(QT_TRANSLATE_NOOP("AuditWindow", "merge")),
    "export": str(QT_TRANSLATE_NOOP("AuditWindow", "export")),
    "erase": str(QT_TRANSLATE_NOOP("AuditWindow", "erase")),
    "consent": str(QT_TRANSLATE_NOOP("AuditWindow", "consent")),
    "sign_in": str(QT_TRANSLATE_NOOP("AuditWindow", "sign in")),
    "sign_in_failed": str(QT_TRANSLATE_NOOP("AuditWindow", "sign in failed")),
    "sign_out": str(QT_TRANSLATE_NOOP("AuditWindow", "sign out")),
    "lock": str(QT_TRANSLATE_NOOP("AuditWindow", "lock")),
    "refused": str(QT_TRANSLATE_NOOP("AuditWindow", "refused")),
}
ENTITY_LABELS: dict[str, str] = {
    "customer": str(QT_TRANSLATE_NOOP("AuditWindow", "customer")),
    "visit": str(QT_TRANSLATE_NOOP("AuditWindow", "visit")),
    "purchase": str(QT_TRANSLATE_NOOP("AuditWindow", "purchase")),
    "consent": str(QT_TRANSLATE_NOOP("AuditWindow", "consent record")),
    "staff": str(QT_TRANSLATE_NOOP("AuditWindow", "staff")),
    "audit": str(QT_TRANSLATE_NOOP("AuditWindow", "audit")),
    "complaint": str(QT_TRANSLATE_NOOP("AuditWindow", "complaint")),
    "reward": str(QT_TRANSLATE_NOOP("AuditWindow", "reward")),
    "setting": str(QT_TRANSLATE_NOOP("AuditWindow", "setting")),
    "database": str(QT_TRANSLATE_NOOP("AuditWindow", "database")),
    "phrasebook": str(QT_TRANSLATE_NOOP("AuditWindow", "phrasebook")),
    "customers": str(QT_TRANSLATE_NOOP("AuditWindow", "customers")),
    "complaint report": str(QT_TRANSLATE_NOOP("AuditWindow", "complaint report")),
}


def action_label(action: str) -> str:
    text = ACTION_LABELS.get(action)
    if text is None:
        return action.replace("_", " ")
    return QCoreApplication.translate("AuditWindow", text)


def entity_label(entity: str) -> str:
    text = ENTITY_LABELS.get(entity)
    return entity if text is None else QCoreApplication.translate("AuditWindow", text)


def _when_text(entry: AuditEntry) -> str:
    at = entry.at.astimezone()
    seconds = locale().toString(QTime(at.hour, at.minute, at.second), "HH:mm:ss")
    return f"{format_date(at.date())} {seconds}"


def _who_text(entry: AuditEntry) -> str:
    if not entry.actor_role:
        if entry.actor == "system":  # the app itself (a scheduled backup, the first admin)
            return QCoreApplication.translate("AuditWindow", "system")
        return entry.actor
    try:
        role = role_label(Role(entry.actor_role))
    except ValueError:
        role = entry.actor_role
    return f"{entry.actor} ({role})"


def _record_text(entry: AuditEntry) -> str:
    kind = entity_label(entry.entity)
    if entry.entity == "setting" and entry.entity_id:
        return f"{kind}: {field_label(str(entry.entity_id))}"
    return f"{kind} #{entry.entity_id}" if entry.entity_id else kind


def _detail_text(entry: AuditEntry) -> str:
    """The detail in the interface language when a service wrote it (a refusal, a
    merge…); words a person typed stay as typed."""
    said = audit_detail(entry.detail)
    return entry.detail if said is None else message_text(said)


# Column headings are translated where shown (context "AuditWindow").
AUDIT_COLUMNS: list[tuple[str, Any]] = [
    (str(QT_TRANSLATE_NOOP("AuditWindow", "When")), _when_text),
    (str(QT_TRANSLATE_NOOP("AuditWindow", "Who")), _who_text),
    # The enrolled console a request came from (a console server's trail; empty on a desk).
    (str(QT_TRANSLATE_NOOP("AuditWindow", "Console")), lambda e: e.console),
    (str(QT_TRANSLATE_NOOP("AuditWindow", "Action")), lambda e: action_label(e.action)),
    (str(QT_TRANSLATE_NOOP("AuditWindow", "Record")), _record_text),
    (str(QT_TRANSLATE_NOOP("AuditWindow", "Fields (before → after)")), _fields_text),
    (str(QT_TRANSLATE_NOOP("AuditWindow", "Detail")), _detail_text),
]

AUDIT_ACTIONS = ["", *ACTION_LABELS]
AUDIT_ENTITIES = ["", *ENTITY_LABELS]


class AuditModel(PagedTableModel[AuditEntry]):
    """The audit entries, with the column headings in the interface language."""

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        value = super().headerData(section, orientation, role)
        if isinstance(value, str) and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AuditWindow", value)
        return value

    def retranslate(self) -> None:
        """Headings and rows again, in the interface language now in use."""
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )


class AuditWindow(Retranslating, QWidget):
    def __init__(
        self, audit: AuditService, staff: StaffService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.audit = audit
        self.staff = staff
        self.tasks = Tasks(on_error=self._show_error)
        self.setObjectName("auditWindow")
        self.resize(980, 560)
        day = audit.clock.today()
        today = QDate(day.year, day.month, day.day)
        self.date_from = _named(QDateEdit(today.addDays(-30)), "auditFrom", "")
        self.date_to = _named(QDateEdit(today), "auditTo", "")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.actor = _named(QLineEdit(), "auditActor", "")
        self.action = _named(QComboBox(), "auditAction", "")
        for action in AUDIT_ACTIONS:
            self.action.addItem(action, action)
        self.entity = _named(QComboBox(), "auditEntity", "")
        for entity in AUDIT_ENTITIES:
            self.entity.addItem(entity, entity)
        self.entity_id = _named(QLineEdit(), "auditRecordId", "")
        self.entity_id.setPlaceholderText("#")
        self.entity_id.setMaximumWidth(90)
        self.apply_button = _named(QPushButton(), "auditShow", "")
        self.export_button = _named(QPushButton(), "auditExport", "")
        self.apply_button.clicked.connect(self.load)
        self.export_button.clicked.connect(self.export)
        for edit in (self.actor, self.entity_id):
            edit.returnPressed.connect(self.load)
        filters = QHBoxLayout()
        self._captions: list[QLabel] = []
        for widget in (
            self.date_from,
            self.date_to,
            self.actor,
            self.action,
            self.entity,
            self.entity_id,
        ):
            caption = QLabel()
            caption.setBuddy(widget)
            self._captions.append(caption)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)
        filters.addWidget(self.export_button)
        self.model = AuditModel(AUDIT_COLUMNS, self.tasks, page_size=AUDIT_PAGE)
        self.view = _named(QTableView(), "auditTable", "")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.message = _named(QLabel(), "auditMessage", "")
        self.message.setWordWrap(True)
        # What the message line says, rebuilt in the new language on a switch.
        self._message_text: Any = None
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Audit trail"))
        self.setWindowTitle(self.tr("Audit trail"))
        show_dates(self.date_from, self.date_to)
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        self.actor.setAccessibleName(self.tr("Staff member"))
        self.actor.setPlaceholderText(self.tr("anyone"))
        self.action.setAccessibleName(self.tr("Action"))
        for index in range(self.action.count()):
            value = str(self.action.itemData(index) or "")
            self.action.setItemText(index, action_label(value) if value else self.tr("any action"))
        self.entity.setAccessibleName(self.tr("Record kind"))
        for index in range(self.entity.count()):
            value = str(self.entity.itemData(index) or "")
            self.entity.setItemText(index, entity_label(value) if value else self.tr("any record"))
        self.entity_id.setAccessibleName(self.tr("Record number"))
        self.apply_button.setText(self.tr("&Show"))
        self.apply_button.setAccessibleName(self.tr("Show entries"))
        self.export_button.setText(self.tr("&Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export CSV"))
        captions = (
            self.tr("&From"),
            self.tr("&To"),
            self.tr("&Who"),
            self.tr("&Action"),
            self.tr("&Record"),
            "#",
        )
        for caption, text in zip(self._captions, captions, strict=True):
            caption.setText(text)
            # Never squeezed below its text ("To" was cut to "Tc"): the window grows instead.
            caption.setMinimumWidth(caption.sizeHint().width())
        self.view.setAccessibleName(self.tr("Audit entries"))
        self.message.setAccessibleName(self.tr("Message"))
        if self._message_text is not None:
            self.message.setText(self._message_text())
        self.model.retranslate()

    def _show_error(self, exc: BaseException) -> None:
        self._message_text = None
        theme.set_role(self.message, role="error")
        self.message.setText(error_text(exc))

    def filters(self) -> dict[str, Any]:
        zone = self.audit.clock.now().tzinfo
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
            self._show_error(PermissionError(self.tr("Sign in first.")))
            return
        filters = self.filters()
        first = await self.audit.entries(session, offset=0, limit=AUDIT_PAGE, **filters)
        total = await self.audit.count(session, **filters)

        async def more(offset: int, limit: int) -> list[AuditEntry]:
            return await self.audit.entries(session, offset=offset, limit=limit, **filters)

        self.model.reset(first, total, more)
        self.view.resizeColumnsToContents()
        theme.set_role(self.message, role="")
        self._message_text = lambda: self.tr("%Ln entries", "", total)
        self.message.setText(self._message_text())

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export audit entries"), "audit.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.tasks.start(self.export_to(Path(path)), name="export")

    async def export_to(self, path: Path) -> None:
        session = self.staff.session
        if session is None:
            return
        text = await self.audit.export_csv(session, **self.filters())
        files.write_text(path, text, encoding="utf-8-sig")  # all or nothing, 0600
        theme.set_role(self.message, role="")
        self._message_text = lambda: self.tr("Exported to {path}.").format(path=path)
        self.message.setText(self._message_text())

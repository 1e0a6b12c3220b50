"""Add or edit a customer, with validation as you type and duplicates shown in place.

Every field says what is wrong with it right under it (red), or how its value will be
stored (grey: the E.164 form of a phone, the date a birthday was read as). Save stays
disabled while anything is wrong, and the line next to it says what.

A phone, email or member number that already belongs to someone else is not an error
box: the dialog lists each clash with buttons to open that customer, merge into them,
or save anyway. Nothing typed is lost when saving fails; the message stays in the dialog.

Saving runs on the qasync loop (``@asyncSlot()`` on methods; the dialog never calls
``exec()`` from a coroutine): ``open()`` the dialog and connect :attr:`CustomerDialog.saved`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.domain.consent import Method
from console.domain.customer import Customer, ImportantDate, Language, PartialDate, Tier
from console.domain.names import romanise
from console.domain.phones import InvalidPhone, format_phone, normalise_phone
from console.domain.profile import is_valid_email
from console.domain.versions import ChangedMeanwhile
from console.services.customers import (
    CustomerService,
    DuplicateFound,
    ValidationFailed,
    normalise_phones,
)
from console.ui.checked_editor import CheckedTextEdit, confirm_save
from console.ui.i18n import error_text, format_date, locale, message_text
from console.ui.phrase_checker import PhraseChecker
from console.ui.widgets import (
    Retranslating,
    SavingDialog,
    async_slot,
    fit_placeholders,
    fit_to_screen,
    form_scroll_area,
    keep_on_screen,
    message_label,
    name_widget,
    scroll_into_view,
    set_message,
)

if TYPE_CHECKING:
    from console.domain.customer import Conflict

log = logging.getLogger(__name__)

P = ParamSpec("P")

FIELD_MIN_WIDTH = 280
REVEAL_AFTER_MS = 800

# A check turns the text of a field into ``(error, hint)``; an empty error means valid.
Check = Callable[[str], tuple[str, str]]


class LiveCheck(QObject):
    """Validate one line edit as the user types; show the result in a label under it.

    :attr:`error` is always current (Save buttons read it on every keystroke). The error
    is *shown* once the user leaves the field, presses Enter or pauses typing, so nobody
    is told off for a half-typed number; once shown it follows every keystroke, and it
    goes away the moment the text is valid. Hints (grey) are shown at once.
    """

    changed = Signal()

    def __init__(
        self,
        edit: QLineEdit,
        message: QLabel,
        check: Check,
        *,
        idle_hint: str = "",
        reveal_after_ms: int = REVEAL_AFTER_MS,
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self.message = message
        self.idle_hint = idle_hint
        self.error = ""
        self.hint = ""
        self._check = check
        self._revealed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(reveal_after_ms)
        self._timer.timeout.connect(self.reveal)
        edit.textChanged.connect(self._text_changed)
        edit.editingFinished.connect(self.reveal)
        self.error, self.hint = check(edit.text())
        self._render()

    @property
    def error_shown(self) -> bool:
        return bool(self.error) and self._revealed

    def refresh(self) -> None:
        """Check the text again (e.g. after a field it depends on changed)."""
        self.error, self.hint = self._check(self.edit.text())
        if not self.error:
            self._revealed = False
            self._timer.stop()
        elif not self._revealed:
            self._timer.start()
        self._render()

    def reveal(self) -> None:
        self._timer.stop()
        if self.error:
            self._revealed = True
        self._render()

    def show_error(self, text: str) -> None:
        """Show an error found elsewhere (by the service) until the text changes."""
        set_message(self.message, text, error=True)
        self.edit.setAccessibleDescription(text)

    def _text_changed(self, _text: str) -> None:
        self.refresh()
        self.changed.emit()

    def _render(self) -> None:
        if self.error_shown:
            set_message(self.message, self.error, error=True)
            self.edit.setAccessibleDescription(self.error)
        else:
            hint = self.hint or (self.idle_hint if not self.edit.text().strip() else "")
            set_message(self.message, hint, error=False)
            self.edit.setAccessibleDescription(hint)


def lines_of(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def describe_date(date: PartialDate) -> str:
    """How a date was read, in the interface language ("29 February (year unknown)")."""
    if date.year is None:
        # A leap year, so 29 February can be shown; the pattern has no year in it.
        pattern = QCoreApplication.translate("CustomerDialog", "d MMMM")
        day = locale().toString(QDate(2000, date.month, date.day), pattern)
        return QCoreApplication.translate("CustomerDialog", "{date} (year unknown)").format(
            date=day
        )
    return format_date(dt.date(date.year, date.month, date.day))


def check_date(text: str) -> tuple[str, str]:
    if not text.strip():
        return "", ""
    try:
        date = PartialDate.parse(text)
    except ValueError as exc:
        return error_text(exc), ""
    return "", describe_date(date)


def check_phone(text: str, region: str) -> tuple[str, str]:
    if not text.strip():
        return "", ""
    try:
        number = normalise_phone(text, region)
    except InvalidPhone:
        return (
            QCoreApplication.translate(
                "CustomerDialog",
                "Not a valid phone number for {region}: check the digits, "
                "or start with + and the country code",
            ).format(region=region.upper()),
            "",
        )
    return "", QCoreApplication.translate("CustomerDialog", "Saved as {number}").format(
        number=number
    )


def check_email(text: str) -> tuple[str, str]:
    if not text.strip() or is_valid_email(text):
        return "", ""
    return (
        QCoreApplication.translate(
            "CustomerDialog", "Not an email address (expected name@example.com)"
        ),
        "",
    )


def check_name(text: str) -> tuple[str, str]:
    if text.strip():
        return "", ""
    return QCoreApplication.translate("CustomerDialog", "Enter the customer's name"), ""


# Labels are translated where shown (context "CustomerDialog"); the values are stored.
PHONE_LABELS = (
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "Mobile")), "mobile"),
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "Home")), "home"),
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "Work")), "work"),
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "Other")), "other"),
)
# Languages are named in their own script; only "Unknown" is translated.
LANGUAGES = (
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "Unknown")), Language.UNKNOWN),
    ("English", Language.EN),
    ("简体中文", Language.ZH_HANS),
    ("繁體中文", Language.ZH_HANT),
)
TIERS = (
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "Regular")), Tier.REGULAR),
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "Silver")), Tier.SILVER),
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "Gold")), Tier.GOLD),
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "VIP")), Tier.VIP),
)
CUSTOMER_KINDS = (
    (str(QT_TRANSLATE_NOOP("CustomerDialog", "Not set")), "", ""),
    (
        str(QT_TRANSLATE_NOOP("CustomerDialog", "Loyal")),
        "loyal",
        str(
            QT_TRANSLATE_NOOP(
                "CustomerDialog", "The brand's main profit: thank them, forgive an occasional slip."
            )
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("CustomerDialog", "Purposeful")),
        "purposeful",
        str(
            QT_TRANSLATE_NOOP("CustomerDialog", "Know what they want: serve them quickly and well.")
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("CustomerDialog", "Occasional")),
        "occasional",
        str(
            QT_TRANSLATE_NOOP(
                "CustomerDialog", "Hesitant, comparing prices: warm, confident help, no pressure."
            )
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("CustomerDialog", "Information-seeking")),
        "information-seeking",
        str(
            QT_TRANSLATE_NOOP(
                "CustomerDialog", "Careful and possibly high value: give clear facts and time."
            )
        ),
    ),
)
CONSENT_METHODS: Mapping[Method, str] = {
    Method.IN_PERSON: str(QT_TRANSLATE_NOOP("CustomerDialog", "In person")),
    Method.PHONE: str(QT_TRANSLATE_NOOP("CustomerDialog", "On the phone")),
    Method.WRITTEN: str(QT_TRANSLATE_NOOP("CustomerDialog", "On a signed form")),
    Method.ONLINE: str(QT_TRANSLATE_NOOP("CustomerDialog", "Online")),
}
CONFLICT_FIELDS = {
    "phone": str(QT_TRANSLATE_NOOP("CustomerDialog", "Phone")),
    "email": str(QT_TRANSLATE_NOOP("CustomerDialog", "Email")),
    "member_no": str(QT_TRANSLATE_NOOP("CustomerDialog", "Member number")),
}


def retranslate_items(combo: QComboBox, items: Iterable[tuple[str, object]]) -> None:
    """Show the combo's known items (source text, data) in the interface language; items
    added for unknown values keep their text."""
    texts = {str(value): text for text, value in items}
    for index in range(combo.count()):
        text = texts.get(str(combo.itemData(index)))
        if text is not None:
            combo.setItemText(index, QCoreApplication.translate("CustomerDialog", text))


def select_data(combo: QComboBox, value: str, *, text: str | None = None) -> None:
    """Select the item whose data is *value*, adding it (as *text*) if it is unknown."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(text or value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def conflict_text(conflict: Conflict) -> str:
    known = CONFLICT_FIELDS.get(conflict.field)
    what = QCoreApplication.translate("CustomerDialog", known) if known else conflict.field
    value = format_phone(conflict.value) if conflict.field == "phone" else conflict.value
    return QCoreApplication.translate(
        "CustomerDialog", "{field} {value} already belongs to {name} (#{id})"
    ).format(field=what, value=value, name=conflict.other_name, id=conflict.other_id)


class _Row(Retranslating, QWidget):
    """One removable row of a repeated field: editors, a Remove button, a message line.

    Subclasses create their editors, then call :meth:`_setup` with them and the check
    for the line edit whose value is validated.
    """

    removeRequested = Signal(object)
    check: LiveCheck
    editors: list[QWidget]
    first_field: QWidget

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remove = QPushButton()
        self.remove.setAutoDefault(False)
        self.position = 1
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        self.message = message_label("rowMessage")

    def _setup(self, editors: list[tuple[QWidget, int]], checked: QLineEdit, check: Check) -> None:
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        for editor, stretch in editors:
            line.addWidget(editor, stretch)
        line.addWidget(self.remove)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addLayout(line)
        outer.addWidget(self.message)
        self.editors = [editor for editor, _stretch in editors]
        self.check = LiveCheck(checked, self.message, check)

    def focus_order(self) -> list[QWidget]:
        return [*self.editors, self.remove]

    def set_position(self, position: int) -> None:
        self.position = position
        self._name_fields()

    def _name_fields(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.remove.setText(self.tr("Remove"))
        self._name_fields()
        self.check.refresh()


class PhoneRow(_Row):
    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for text, value in PHONE_LABELS:
            self.kind.addItem(text, value)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.number = QLineEdit()
        self.number.setMinimumWidth(200)
        self.first_field = self.number
        self._setup(
            [(self.kind, 0), (self.number, 1)], self.number, lambda text: check_phone(text, region)
        )
        self.set_position(1)
        self.retranslate()

    def retranslate(self) -> None:
        retranslate_items(self.kind, PHONE_LABELS)
        self.number.setPlaceholderText(self.tr("138 0013 8000 or +44 20 7946 0958"))
        super().retranslate()
        fit_placeholders(self)

    def _name_fields(self) -> None:
        position = self.position
        name_widget(
            self.kind, f"phoneLabel{position}", self.tr("Phone {n} label").format(n=position)
        )
        name_widget(
            self.number, f"phoneNumber{position}", self.tr("Phone {n} number").format(n=position)
        )
        name_widget(
            self.remove, f"removePhone{position}", self.tr("Remove phone {n}").format(n=position)
        )
        self.message.setObjectName(f"phoneMessage{position}")

    def is_blank(self) -> bool:
        return not self.number.text().strip()

    def label_value(self) -> str:
        return str(self.kind.currentData() or self.kind.currentText())


class DateRow(_Row):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLineEdit()
        self.label.setMinimumWidth(160)
        self.date = QLineEdit()
        self.date.setMinimumWidth(130)
        self.first_field = self.label
        self._setup([(self.label, 3), (self.date, 2)], self.date, self._check)
        self.label.textChanged.connect(self._label_changed)
        self.set_position(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setPlaceholderText(self.tr("Wedding anniversary, daughter's birthday…"))
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD or --MM-DD"))
        fit_placeholders(self)
        super().retranslate()

    def _label_changed(self, _text: str) -> None:
        self.check.refresh()
        self.check.changed.emit()

    def _check(self, text: str) -> tuple[str, str]:
        has_label = bool(self.label.text().strip())
        if not text.strip():
            if has_label:
                return self.tr("Enter the date (YYYY-MM-DD, or --MM-DD without the year)"), ""
            return "", ""
        error, hint = check_date(text)
        if not error and not has_label:
            return self.tr("Say what the date is (e.g. wedding anniversary)"), ""
        return error, hint

    def _name_fields(self) -> None:
        position = self.position
        name_widget(
            self.label,
            f"dateLabel{position}",
            self.tr("Important date {n} label").format(n=position),
        )
        name_widget(
            self.date, f"dateValue{position}", self.tr("Important date {n}").format(n=position)
        )
        name_widget(
            self.remove,
            f"removeDate{position}",
            self.tr("Remove important date {n}").format(n=position),
        )
        self.message.setObjectName(f"dateMessage{position}")

    def is_blank(self) -> bool:
        return not self.label.text().strip() and not self.date.text().strip()


RowT = TypeVar("RowT", PhoneRow, DateRow)


class _Rows(QWidget, Generic[RowT]):
    """A column of rows with an Add button under it; renumbers names on every change."""

    changed = Signal()

    def __init__(self, factory: Callable[[], RowT], add_name: str) -> None:
        super().__init__()
        self._factory: Callable[[], RowT] = factory
        self.rows: list[RowT] = []
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(4)
        # The dialog sets the Add button's texts (in its retranslate).
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(False)
        self.add_button.setObjectName(add_name)
        self.add_button.clicked.connect(self._add_clicked)
        add_line = QHBoxLayout()
        add_line.setContentsMargins(0, 0, 0, 0)
        add_line.addWidget(self.add_button)
        add_line.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addLayout(self._column)
        outer.addLayout(add_line)
        self.setFocusProxy(self.add_button)

    def add_row(self) -> RowT:
        row = self._factory()
        row.removeRequested.connect(self._remove)
        row.check.changed.connect(self.changed)
        self.rows.append(row)
        self._column.addWidget(row)
        row.show()
        self._renumber()
        self.changed.emit()
        return row

    def focus_order(self) -> list[QWidget]:
        return [w for row in self.rows for w in row.focus_order()] + [self.add_button]

    def clear(self) -> None:
        """Remove every row (before the form is filled again)."""
        for row in self.rows:
            self._column.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        self._renumber()
        self.changed.emit()

    def _add_clicked(self) -> None:
        self.add_row().first_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove(self, row: RowT) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        self._column.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        self.changed.emit()
        following = self.rows[index].first_field if index < len(self.rows) else self.add_button
        following.setFocus(Qt.FocusReason.OtherFocusReason)

    def _renumber(self) -> None:
        for position, row in enumerate(self.rows, start=1):
            row.set_position(position)
        self.setFocusProxy(self.rows[0].first_field if self.rows else self.add_button)


class CustomerDialog(Retranslating, SavingDialog):
    """Add a customer (``customer=None``) or edit one; emits :attr:`saved` with the id.

    After a merge the id is the surviving customer's. :attr:`openCustomerRequested`
    asks the window to show another customer (one this customer's details clash with).
    """

    saved = Signal(int)
    openCustomerRequested = Signal(int)

    def __init__(
        self,
        service: CustomerService,
        customer: Customer | None = None,
        region: str = "CN",
        parent: QWidget | None = None,
        *,
        checker: PhraseChecker | None = None,
    ) -> None:
        super().__init__(parent)
        self._checker = checker
        self._service = service
        self._region = region
        self._original = customer
        self._customer_id = customer.id if customer is not None else None
        # The version of the record the form shows: a save over a newer one is refused.
        self._version = customer.version if customer is not None else None
        self._busy = False
        self._task: asyncio.Task[Any] | None = None
        self._romanisation_auto = True
        self._conflict_buttons: list[QPushButton] = []
        self._forms: list[QFormLayout] = []
        # A field shown with its message under it: the box that holds both (its row).
        self._row_fields: dict[QWidget, QWidget] = {}
        self._conflicts: list[Conflict] = []
        # A failure or clash shown next to Save, rebuilt in the new language on a switch.
        self._status_text: Callable[[], str] | None = None

        self.setObjectName("customerDialog")
        self.setMinimumSize(580, 440)

        self._build_identity()
        self._build_contact()
        self._build_dates()
        self._build_remember()
        self._build_service()
        self._build_bottom()
        self._assemble()
        self._initial_size()

        if customer is not None:
            self._fill(customer)
        else:
            self.phones.add_row()
        self._fix_tab_order()
        self._update_state()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.retranslate()

    def retranslate(self) -> None:
        """Every label in the interface language; what is typed and chosen stays."""
        customer = self._original
        if customer is not None:
            self.setWindowTitle(self.tr("Edit customer — {name}").format(name=customer.name))
        else:
            self.setWindowTitle(self.tr("New customer"))
        self.setAccessibleName(self.windowTitle())
        self.identity.setTitle(self.tr("Identity"))
        self._field(self.name, self.tr("Full &name *"), self.tr("Full name"))
        self.name.setPlaceholderText(
            self.tr("Full name in its own script, e.g. 张伟 or Priya Patel")
        )
        self.name_check.idle_hint = self.tr("Required")
        self._field(
            self.preferred, self.tr("&Form of address"), self.tr("Preferred form of address")
        )
        self.preferred.setPlaceholderText(self.tr("Mr. Yu / 余先生 / Dr. Patel"))
        set_message(
            self.preferred_hint, self.tr("What staff say aloud when greeting them"), error=False
        )
        self._field(self.romanisation, self.tr("&Romanisation"), self.tr("Romanisation"))
        self.romanisation.setPlaceholderText(
            self.tr("Filled in from a Chinese name, e.g. Zhang Wei")
        )
        self._field(self.language, self.tr("&Language"), self.tr("Language"))
        retranslate_items(self.language, ((t, str(v)) for t, v in LANGUAGES))

        self.contact.setTitle(self.tr("Contact"))
        self._field(self.phones, self.tr("&Phones"), self.tr("Phones"))
        self.phones.add_button.setText(self.tr("Add p&hone"))
        self.phones.add_button.setAccessibleName(self.tr("Add phone"))
        self._field(self.email, self.tr("&Email"), self.tr("Email"))
        self._field(self.member_no, self.tr("Member n&umber"), self.tr("Member number"))
        self.member_no.setPlaceholderText(self.tr("Card or member number"))

        self.dates_section.setTitle(self.tr("Dates"))
        self._field(self.birthday, self.tr("&Birthday"), self.tr("Birthday"))
        self.birthday.setPlaceholderText(self.tr("YYYY-MM-DD or --MM-DD"))
        self.birthday_check.idle_hint = self.tr("Year unknown? Write --MM-DD, e.g. --02-29")
        self._field(self.dates, self.tr("Other &dates"), self.tr("Other dates"))
        self.dates.add_button.setText(self.tr("Add d&ate"))
        self.dates.add_button.setAccessibleName(self.tr("Add important date"))

        self.remember.setTitle(self.tr("What to remember"))
        self._field(
            self.preferences, self.tr("Li&kes / preferences"), self.tr("Likes and preferences")
        )
        self.preferences.setPlaceholderText(
            self.tr("One per line, e.g.\nEarl Grey, no sugar\nQuiet table")
        )
        self._field(
            self.dislikes, self.tr("D&islikes / allergies"), self.tr("Dislikes and allergies")
        )
        self.dislikes.setPlaceholderText(self.tr("One per line, e.g. peanuts, loud music"))
        self._field(self.avoid_topics, self.tr("Topics to a&void"), self.tr("Topics to avoid"))
        self.avoid_topics.setPlaceholderText(self.tr("One per line, e.g. politics, their old job"))
        self._field(self.notes, self.tr("No&tes"), self.tr("Notes"))
        self.notes.setPlaceholderText(
            self.tr("Anything else worth knowing: hometown, pets, next holiday…")
        )

        self.service_section.setTitle(self.tr("Service"))
        self._field(self.tier, self.tr("Tier"), self.tr("Tier"))
        retranslate_items(self.tier, ((t, str(v)) for t, v in TIERS))
        self._field(self.assigned_staff, self.tr("Assi&gned staff"), self.tr("Assigned staff"))
        self.assigned_staff.setPlaceholderText(
            self.tr("Their account manager, for one-to-one service")
        )
        self._field(self.kind, self.tr("Customer kind"), self.tr("Customer kind"))
        retranslate_items(self.kind, ((t, v) for t, v, _ in CUSTOMER_KINDS))
        for _text, value, tip in CUSTOMER_KINDS:
            found = self.kind.findData(value)
            if tip and found >= 0:
                self.kind.setItemData(
                    found,
                    QCoreApplication.translate("CustomerDialog", tip),
                    Qt.ItemDataRole.ToolTipRole,
                )
        self._field(self.greetings_consent, self.tr("Consent"), self.tr("Greetings consent"))
        self.greetings_consent.setText(self.tr("May &we send birthday and anniversary greetings?"))
        self.consent.setText(self.tr("May we send offers and news?"))
        self.consent.setAccessibleName(self.tr("Marketing consent"))
        self._field(
            self.consent_method,
            self.tr("Consent given"),
            self.tr("How the customer gave or withdrew consent"),
        )
        retranslate_items(self.consent_method, ((t, m.value) for m, t in CONSENT_METHODS.items()))

        self.conflict_panel.setAccessibleName(self.tr("Already in use"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))

        for check in (self.name_check, self.email_check, self.birthday_check):
            check.refresh()
        if self.conflict_panel.isVisible() and self._conflicts:
            self._show_conflicts(self._conflicts, focus=False)
        elif self._status_text is not None:
            set_message(self.status, self._status_text(), error=True)
        elif not self._busy:
            self._update_state()
        fit_placeholders(self)
        self._align_label_columns()

    def _field(self, field: QWidget, label: str, accessible: str) -> None:
        """Set a form row's label (found through the field or its message box) and the
        field's accessible name."""
        field.setAccessibleName(accessible)
        target = self._row_fields.get(field, field)
        for form in self._forms:
            caption = form.labelForField(target)
            if isinstance(caption, QLabel):
                caption.setText(label)
                return

    # --- building ----------------------------------------------------------------------

    def _line(self, object_name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setMinimumWidth(FIELD_MIN_WIDTH)
        return edit

    def _add_row(self, form: QFormLayout, field: QWidget, shown: QWidget | None = None) -> None:
        """A form row whose label :meth:`retranslate` fills; *shown* is what goes in the
        row when it is not the field itself (the field with its message under it)."""
        caption = QLabel()
        widget = shown if shown is not None else field
        caption.setBuddy(widget)
        form.addRow(caption, widget)
        if shown is not None:
            self._row_fields[field] = shown

    def _text_box(self, object_name: str, lines: int, *, checked: bool = False) -> QPlainTextEdit:
        # Text staff write about the customer is checked against the phrasebook as they type.
        edit = (
            CheckedTextEdit(self._checker)
            if checked and self._checker is not None
            else QPlainTextEdit()
        )
        edit.setObjectName(object_name)
        edit.setTabChangesFocus(True)
        edit.setMinimumWidth(FIELD_MIN_WIDTH)
        # Room for *lines* lines: the text, the document's margin and the frame.
        doc_margin = 2 * edit.document().documentMargin()
        height = edit.fontMetrics().lineSpacing() * lines + doc_margin + 2 * edit.frameWidth()
        edit.setFixedHeight(int(height) + 6)
        edit.textChanged.connect(self._form_changed)
        return edit

    def _combo(self, object_name: str, items: Iterable[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(object_name)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._form_changed)
        return combo

    @staticmethod
    def _with_message(edit: QWidget, message: QLabel) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(edit)
        column.addWidget(message)
        box.setFocusProxy(edit)
        return box

    @staticmethod
    def _form(group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(8)
        return form

    def _section(self, object_name: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox()
        group.setObjectName(object_name)
        # The scroll area shrinks its content to avoid scroll bars; sections must keep
        # their natural height (rows squeezed below it get clipped) and scroll instead.
        group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._forms.append(form := self._form(group))
        return group, form

    def _build_identity(self) -> None:
        self.identity, form = self._section("identitySection")
        self.name = self._line("nameEdit")
        self.name_message = message_label("nameMessage")
        self.name_check = LiveCheck(self.name, self.name_message, check_name)
        self.name_check.changed.connect(self._form_changed)
        self.name.textChanged.connect(self._name_changed)
        self._add_row(form, self.name, self._with_message(self.name, self.name_message))

        self.preferred = self._line("preferredNameEdit")
        self.preferred.textChanged.connect(self._form_changed)
        self.preferred_hint = message_label("preferredNameHint")
        self._add_row(form, self.preferred, self._with_message(self.preferred, self.preferred_hint))

        self.romanisation = self._line("romanisationEdit")
        self.romanisation.textEdited.connect(self._romanisation_edited)
        self.romanisation.textChanged.connect(self._form_changed)
        self._add_row(form, self.romanisation)

        self.language = self._combo(
            "languageCombo", ((text, str(value)) for text, value in LANGUAGES)
        )
        self._add_row(form, self.language)

    def _build_contact(self) -> None:
        self.contact, form = self._section("contactSection")
        self.phones: _Rows[PhoneRow] = _Rows(lambda: PhoneRow(self._region), "addPhoneButton")
        self.phones.changed.connect(self._rows_changed)
        self._add_row(form, self.phones)

        self.email = self._line("emailEdit")
        self.email.setPlaceholderText("name@example.com")
        self.email_message = message_label("emailMessage")
        self.email_check = LiveCheck(self.email, self.email_message, check_email)
        self.email_check.changed.connect(self._form_changed)
        self._add_row(form, self.email, self._with_message(self.email, self.email_message))

        self.member_no = self._line("memberNumberEdit")
        self.member_no.textChanged.connect(self._form_changed)
        self._add_row(form, self.member_no)

    def _build_dates(self) -> None:
        self.dates_section, form = self._section("datesSection")
        self.birthday = self._line("birthdayEdit")
        self.birthday_message = message_label("birthdayMessage")
        self.birthday_check = LiveCheck(self.birthday, self.birthday_message, check_date)
        self.birthday_check.changed.connect(self._form_changed)
        self._add_row(form, self.birthday, self._with_message(self.birthday, self.birthday_message))

        self.dates: _Rows[DateRow] = _Rows(DateRow, "addDateButton")
        self.dates.changed.connect(self._rows_changed)
        self._add_row(form, self.dates)

    def _build_remember(self) -> None:
        self.remember, form = self._section("rememberSection")
        self.preferences = self._text_box("preferencesEdit", 3)
        self._add_row(form, self.preferences)
        self.dislikes = self._text_box("dislikesEdit", 3)
        self._add_row(form, self.dislikes)
        self.avoid_topics = self._text_box("avoidTopicsEdit", 2)
        self._add_row(form, self.avoid_topics)
        self.notes = self._text_box("notesEdit", 4, checked=True)
        self._add_row(form, self.notes)

    def _build_service(self) -> None:
        self.service_section, form = self._section("serviceSection")
        self.tier = self._combo("tierCombo", ((text, str(value)) for text, value in TIERS))
        self._add_row(form, self.tier)
        self.assigned_staff = self._line("assignedStaffEdit")
        self.assigned_staff.textChanged.connect(self._form_changed)
        self._add_row(form, self.assigned_staff)
        self.kind = self._combo("customerKindCombo", ((t, v) for t, v, _ in CUSTOMER_KINDS))
        self._add_row(form, self.kind)
        self.greetings_consent = QCheckBox()
        self.greetings_consent.setObjectName("greetingsConsentCheck")
        self.greetings_consent.toggled.connect(self._form_changed)
        self._add_row(form, self.greetings_consent)
        self.consent = QCheckBox()
        self.consent.setObjectName("marketingConsentCheck")
        self.consent.toggled.connect(self._form_changed)
        form.addRow("", self.consent)
        self.consent_method = self._combo(
            "consentMethodCombo", ((text, m.value) for m, text in CONSENT_METHODS.items())
        )
        self._add_row(form, self.consent_method)

    def _build_bottom(self) -> None:
        self.conflict_panel = QFrame()
        self.conflict_panel.setObjectName("conflictPanel")
        self.conflict_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_panel.setStyleSheet(
            "QFrame#conflictPanel { background: #fff4e0; border: 1px solid #e0a040;"
            " border-radius: 4px; }"
            " QFrame#conflictPanel QLabel { color: #3d2800; background: transparent;"
            " border: none; }"
        )
        self._conflict_layout = QVBoxLayout(self.conflict_panel)
        self._conflict_layout.setContentsMargins(10, 8, 10, 8)
        self.conflict_panel.setVisible(False)

        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.activated.connect(self._save_shortcut)

    def _assemble(self) -> None:
        content = QWidget()
        content.setObjectName("customerForm")
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(12)
        for group in (
            self.identity,
            self.contact,
            self.dates_section,
            self.remember,
            self.service_section,
        ):
            column.addWidget(group)
        column.addStretch(1)
        self.scroll_area = form_scroll_area("customerScroll", content)

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(self.scroll_area, 1)
        panel_margin = QVBoxLayout()
        panel_margin.setContentsMargins(12, 0, 12, 0)
        panel_margin.addWidget(self.conflict_panel)
        layout.addLayout(panel_margin)
        bottom.setContentsMargins(12, 0, 12, 0)
        layout.addLayout(bottom)

    def _align_label_columns(self) -> None:
        """Give every section's label column the same width, so fields line up."""
        labels: list[QWidget] = []
        for form in self._forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    labels.append(widget)
        for label in labels:
            label.setMinimumWidth(0)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    # What the form would like; on a smaller screen it shrinks (the sections scroll, the
    # Save row stays in view below them).
    PREFERRED_SIZE = (700, 820)

    def _initial_size(self) -> None:
        fit_to_screen(self, *self.PREFERRED_SIZE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_on_screen(self)

    # --- filling -----------------------------------------------------------------------

    def _fill(self, customer: Customer) -> None:
        self.name.setText(customer.name)
        self.preferred.setText(customer.preferred_name)
        self._romanisation_auto = not customer.romanisation or customer.romanisation == romanise(
            customer.name
        )
        self.romanisation.setText(customer.romanisation)
        select_data(self.language, str(customer.language))
        for phone in customer.phones:
            row = self.phones.add_row()
            select_data(row.kind, phone.label, text=phone.label.capitalize())
            row.number.setText(format_phone(phone.number))
        if not customer.phones:
            self.phones.add_row()
        self.email.setText(customer.email)
        self.member_no.setText(customer.member_no)
        self.birthday.setText(customer.birthday.iso() if customer.birthday else "")
        for important in customer.dates:
            date_row = self.dates.add_row()
            date_row.label.setText(important.label)
            date_row.date.setText(important.date.iso())
        self.preferences.setPlainText("\n".join(customer.preferences))
        self.dislikes.setPlainText("\n".join(customer.dislikes))
        self.avoid_topics.setPlainText("\n".join(customer.avoid_topics))
        self.notes.setPlainText(customer.notes)
        select_data(self.tier, str(customer.tier))
        self.assigned_staff.setText(customer.assigned_staff)
        select_data(self.kind, customer.customer_kind, text=customer.customer_kind.capitalize())
        self.consent.setChecked(customer.marketing_consent)
        self.greetings_consent.setChecked(customer.greetings_consent)

    def prefill(self, text: str) -> None:
        """Start a new customer from what was typed in the search box."""
        value = text.strip()
        digits = sum(ch.isdigit() for ch in value)
        if "@" in value:
            self.email.setText(value)
        elif digits >= 5 and digits >= len(value.replace(" ", "")) - 3:
            rows = self.phones.rows or [self.phones.add_row()]
            rows[0].number.setText(value)
        else:
            self.name.setText(value)

    # --- state -------------------------------------------------------------------------

    def _name_changed(self, text: str) -> None:
        if self._romanisation_auto:
            self.romanisation.setText(romanise(text))

    def _romanisation_edited(self, text: str) -> None:
        self._romanisation_auto = not text.strip()

    def _rows_changed(self) -> None:
        self._fix_tab_order()
        self._form_changed()

    def _form_changed(self) -> None:
        if self.conflict_panel.isVisible() and not self._busy:
            self._clear_conflicts()
        self._update_state()

    def _checks(self) -> list[LiveCheck]:
        """Every checked field, in the order Tab visits them."""
        return [
            self.name_check,
            *(row.check for row in self.phones.rows),
            self.email_check,
            self.birthday_check,
            *(row.check for row in self.dates.rows),
        ]

    def first_problem(self) -> tuple[QWidget, str, int] | None:
        bad = [check for check in self._checks() if check.error]
        if not bad:
            return None
        for check in bad:
            check.reveal()  # asked to save: every problem is shown, not only typed ones
        return bad[0].edit, bad[0].error, len(bad)

    def refuse_save(self) -> bool:
        if not super().refuse_save():
            return False
        self._status_text = self.refusal_text  # said again after a language switch
        return True

    def problems(self) -> list[str]:
        """What stops saving, in words for the line next to Save (empty when none)."""
        problems: list[str] = []
        if self.name_check.error:
            problems.append(self.tr("enter a name"))
        bad_phones = [str(i) for i, row in enumerate(self.phones.rows, 1) if row.check.error]
        if bad_phones:
            problems.append(
                self.tr("check phone {numbers}").format(numbers=self.tr(", ").join(bad_phones))
            )
        if self.email_check.error:
            problems.append(self.tr("check the email"))
        if self.birthday_check.error:
            problems.append(self.tr("check the birthday"))
        bad_dates = [str(i) for i, row in enumerate(self.dates.rows, 1) if row.check.error]
        if bad_dates:
            problems.append(
                self.tr("check date {numbers}").format(numbers=self.tr(", ").join(bad_dates))
            )
        return problems

    def _update_state(self) -> None:
        problems = self.problems()
        self.save_button.setEnabled(not problems and not self._busy)
        if self._busy:
            return
        self._status_text = None
        if problems:
            text = self.tr("To save: {problems}.").format(problems=self.tr("; ").join(problems))
            set_message(self.status, text[:1].upper() + text[1:], error=False)
        else:
            set_message(self.status, "", error=False)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        for button in self._conflict_buttons:
            button.setEnabled(not busy)
        if busy:
            set_message(self.status, text, error=False)
        self._update_state()

    def _show_failure(self, text: Callable[[], str]) -> None:
        """Show what went wrong next to Save (*text* gives it in the language in use)."""
        self._status_text = text
        set_message(self.status, text(), error=True)

    def _fix_tab_order(self) -> None:
        order: list[QWidget] = [self.name, self.preferred, self.romanisation, self.language]
        order += self.phones.focus_order()
        order += [self.email, self.member_no, self.birthday]
        order += self.dates.focus_order()
        order += [self.preferences, self.dislikes, self.avoid_topics, self.notes]
        order += [self.tier, self.assigned_staff, self.kind]
        order += [self.greetings_consent, self.consent, self.consent_method]
        order += self._conflict_buttons
        order += [self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def tab_order(self) -> list[QWidget]:
        """The widgets Tab visits, in order, starting at the name (for tests and audits)."""
        result: list[QWidget] = [self.name]
        widget = self.name.nextInFocusChain()
        while widget is not None and widget is not self.name and len(result) < 500:
            tab_focus = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            if widget.isVisibleTo(self) and widget.isEnabled() and tab_focus:
                result.append(widget)
            widget = widget.nextInFocusChain()
        return result

    # --- saving ------------------------------------------------------------------------

    def build_customer(self) -> Customer:
        """The customer as typed; call only when :meth:`problems` is empty."""
        phones, _errors = normalise_phones(
            [(row.label_value(), row.number.text()) for row in self.phones.rows], self._region
        )
        dates = [
            ImportantDate(row.label.text().strip(), PartialDate.parse(row.date.text()))
            for row in self.dates.rows
            if not row.is_blank()
        ]
        birthday_text = self.birthday.text().strip()
        original = self._original
        return Customer(
            id=self._customer_id,
            name=" ".join(self.name.text().split()),
            preferred_name=self.preferred.text().strip(),
            romanisation=self.romanisation.text().strip(),
            language=Language(self.language.currentData()),
            phones=phones,
            email=self.email.text().strip(),
            member_no=self.member_no.text().strip(),
            version=self._version,
            birthday=PartialDate.parse(birthday_text) if birthday_text else None,
            dates=dates,
            preferences=lines_of(self.preferences),
            dislikes=lines_of(self.dislikes),
            avoid_topics=lines_of(self.avoid_topics),
            notes=self.notes.toPlainText().strip(),
            tier=Tier(self.tier.currentData()),
            assigned_staff=self.assigned_staff.text().strip(),
            marketing_consent=self.consent.isChecked(),
            greetings_consent=self.greetings_consent.isChecked(),
            customer_kind=str(self.kind.currentData() or ""),
            created_at=original.created_at if original is not None else None,
        )

    @async_slot()
    async def _save_clicked(self) -> None:
        await self._save(allow_duplicates=False)

    @async_slot()
    async def _save_anyway(self) -> None:
        await self._save(allow_duplicates=True)

    @async_slot(int)
    async def _merge_into(self, other_id: int) -> None:
        await self._save(allow_duplicates=True, merge_into=other_id)

    async def _save(self, *, allow_duplicates: bool, merge_into: int | None = None) -> None:
        if self._busy or self.problems():
            return
        if isinstance(self.notes, CheckedTextEdit) and not await confirm_save(
            self.notes, self, action="save"
        ):
            return
        self._task = asyncio.current_task()
        customer = self.build_customer()
        self._set_busy(True, self.tr("Saving…"))
        try:
            customer_id = await self._service.save(
                customer,
                allow_duplicates=allow_duplicates,
                consent_method=Method(self.consent_method.currentData()),
            )
            # From now on this dialog edits the stored customer, so a retry never adds a twin.
            self._customer_id = customer_id
            self._version = customer.version
            if merge_into is not None:
                self._set_busy(True, self.tr("Merging into #{id}…").format(id=merge_into))
                survivor = await self._service.merge(keep_id=merge_into, other_id=customer_id)
                customer_id = survivor.id if survivor.id is not None else merge_into
        except DuplicateFound as exc:
            self._set_busy(False)
            self._show_conflicts(exc.conflicts)
            return
        except ChangedMeanwhile as exc:
            self._set_busy(False)
            self._show_changed(exc)
            return
        except ValidationFailed as exc:
            self._set_busy(False)
            self._show_validation({k: message_text(v) for k, v in exc.errors.items()})
            return
        except Exception as exc:
            log.exception("saving customer failed")
            self._set_busy(False)
            failure = exc
            self._show_failure(
                lambda: self.tr(
                    "Could not save: {error}. Nothing you typed was lost; try again."
                ).format(error=failure)
            )
            return
        finally:
            self._task = None
        self._busy = False
        self.saved.emit(customer_id)
        self.accept()

    def _show_validation(self, errors: dict[str, str]) -> None:
        targets: dict[str, LiveCheck] = {
            "name": self.name_check,
            "email": self.email_check,
            "birthday": self.birthday_check,
        }
        if self.phones.rows:
            targets["phones"] = self.phones.rows[0].check
        for key, text in errors.items():
            if key in targets:
                targets[key].show_error(text)
        texts = list(errors.values())
        self._show_failure(
            lambda: self.tr("Please correct: {problems}").format(problems=self.tr("; ").join(texts))
        )
        shown = [targets[key] for key in targets if key in errors]
        order = self._checks()
        shown.sort(key=lambda check: order.index(check) if check in order else len(order))
        if shown:
            scroll_into_view(shown[0].edit)
            shown[0].edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- conflicts ---------------------------------------------------------------------

    def _clear_conflicts(self) -> None:
        while self._conflict_layout.count():
            item = self._conflict_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._conflict_buttons = []
        self._conflicts = []
        self.conflict_panel.setVisible(False)
        self._fix_tab_order()

    def _show_conflicts(self, conflicts: list[Conflict], *, focus: bool = True) -> None:
        self._clear_conflicts()
        self._conflicts = list(conflicts)
        heading = QLabel(self.tr("<b>Already in use</b> — is this the same person?"))
        heading.setObjectName("conflictHeading")
        self._conflict_layout.addWidget(heading)
        by_customer: dict[int, list[Conflict]] = {}
        for conflict in conflicts:
            by_customer.setdefault(conflict.other_id, []).append(conflict)
        for other_id, found in by_customer.items():
            row = QWidget()
            row.setObjectName(f"conflictRow{other_id}")
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel("\n".join(conflict_text(c) for c in found))
            text.setObjectName(f"conflictText{other_id}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            line.addWidget(text, 1)
            open_button = QPushButton(self.tr("&Open #{id}").format(id=other_id))
            name_widget(
                open_button,
                f"openConflict{other_id}",
                self.tr("Open customer #{id}").format(id=other_id),
            )
            open_button.clicked.connect(lambda _=False, i=other_id: self._open_other(i))
            merge_button = QPushButton(self.tr("&Merge into #{id}").format(id=other_id))
            name_widget(
                merge_button,
                f"mergeConflict{other_id}",
                self.tr("Merge this customer into #{id}").format(id=other_id),
            )
            merge_button.setToolTip(
                self.tr(
                    "Save, then move everything (visits, purchases, phones) into #{id}; "
                    "#{id}'s own details are kept where both have one"
                ).format(id=other_id)
            )
            merge_button.clicked.connect(lambda _=False, i=other_id: self._merge_into(i))
            for button in (open_button, merge_button):
                button.setAutoDefault(False)
                line.addWidget(button)
                self._conflict_buttons.append(button)
            self._conflict_layout.addWidget(row)
        anyway_line = QHBoxLayout()
        anyway_line.addStretch(1)
        anyway = QPushButton(self.tr("Save an&yway"))
        name_widget(anyway, "saveAnywayButton", self.tr("Save anyway, as a separate customer"))
        anyway.setAutoDefault(False)
        anyway.clicked.connect(self._save_anyway)
        self._conflict_buttons.append(anyway)
        anyway_row = QWidget()
        anyway_row.setLayout(anyway_line)
        anyway_line.setContentsMargins(0, 0, 0, 0)
        anyway_line.addWidget(anyway)
        self._conflict_layout.addWidget(anyway_row)
        self.conflict_panel.setVisible(True)
        self._fix_tab_order()
        count = len(by_customer)
        self._status_text = lambda: self.tr(
            "Some details already belong to %n other customer(s).", "", count
        )
        set_message(self.status, self._status_text(), error=True)
        if focus:
            self._conflict_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # --- someone else saved first ---------------------------------------------------------

    def _show_changed(self, changed: ChangedMeanwhile) -> None:
        """Say who saved the customer since the form opened, keep what was typed (to copy
        from), and offer Reload (their version in the form)."""
        self._clear_conflicts()

        def words() -> str:
            who = changed.by or self.tr("Someone else")
            when = format_date(changed.at.date()) if changed.at is not None else ""
            clock = f"{changed.at:%H:%M}" if changed.at is not None else ""
            return self.tr(
                "{who} saved this customer ({when} {time}) after you opened it, so your "
                "changes were not saved. What you typed is still in the form: copy what you "
                "need, then Reload to see their version."
            ).format(who=who, when=when, time=clock)

        text = QLabel(words())
        text.setObjectName("changedText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        text.setAccessibleName(words())
        self._conflict_layout.addWidget(text)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addStretch(1)
        reload_button = QPushButton(self.tr("Rel&oad"))
        name_widget(
            reload_button, "reloadButton", self.tr("Reload the customer as it was saved last")
        )
        reload_button.setAutoDefault(False)
        reload_button.clicked.connect(self._reload)
        line.addWidget(reload_button)
        row = QWidget()
        row.setLayout(line)
        self._conflict_layout.addWidget(row)
        self._conflict_buttons.append(reload_button)
        self.conflict_panel.setVisible(True)
        self._fix_tab_order()
        self._status_text = lambda: self.tr("Not saved: someone else changed this customer.")
        set_message(self.status, self._status_text(), error=True)
        reload_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @async_slot()
    async def _reload(self) -> None:
        if self._busy or self._customer_id is None:
            return
        self._set_busy(True, self.tr("Loading…"))
        try:
            latest = await self._service.get(self._customer_id)
        except Exception as exc:
            log.exception("reloading customer failed")
            self._set_busy(False)
            failure = exc
            self._show_failure(
                lambda: self.tr("Could not load the customer: {error}").format(error=failure)
            )
            return
        self._set_busy(False)
        if latest is None:
            self._show_failure(lambda: self.tr("This customer no longer exists."))
            return
        self._clear_conflicts()
        self._original = latest
        self._version = latest.version
        self.phones.clear()
        self.dates.clear()
        self._fill(latest)
        self._fix_tab_order()
        self._status_text = None
        set_message(self.status, "", error=False)
        self._update_state()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_other(self, other_id: int) -> None:
        self.openCustomerRequested.emit(other_id)
        self.reject()

"""The database passphrase prompt: shown before any database is open, when the computer
has no password keychain to keep the database key (or the keychain has no key for it).

Staff read one plain sentence about why, in the interface language of the computer's
locale (no database is open yet, so no setting or person says otherwise); the technical
reason (the keyring backend, the file, the variable scripts use) waits behind "Details".
A new passphrase is typed twice; too short or different is said in the dialog itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.ui.widgets import Retranslating, message_label, set_message

MIN_PASSPHRASE = 10
#: Wide enough for a sentence per line or two, narrow enough to read (and to fit any screen).
DIALOG_WIDTH = 480


@dataclass(frozen=True, slots=True)
class PassphraseRequest:
    """What to ask for, and why."""

    new: bool  # choose a passphrase (typed twice) rather than type the existing one
    no_keychain: bool = True  # False: a keychain exists but holds no key for this database
    detail: str = ""  # the technical reason, behind the Details toggle
    error: str = ""  # shown at once under the field (e.g. the last one did not open it)


class PassphraseDialog(Retranslating, QDialog):
    """Asks for the database passphrase; :meth:`passphrase` after it is accepted."""

    def __init__(self, request: PassphraseRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.request = request
        self.message = QLabel()
        self.message.setObjectName("passphraseMessage")
        self.message.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("passphraseHint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(request.new)

        self.field = QLineEdit()
        self.field.setObjectName("passphraseField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field_label = QLabel()
        self.field_label.setObjectName("passphraseLabel")
        self.field_label.setBuddy(self.field)  # Alt+P
        self.again = QLineEdit()
        self.again.setObjectName("passphraseAgainField")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_label = QLabel()
        self.again_label.setObjectName("passphraseAgainLabel")
        self.again_label.setBuddy(self.again)  # Alt+A
        self.show_typed = QCheckBox()
        self.show_typed.setObjectName("passphraseShowCheck")
        self.show_typed.toggled.connect(self._show_typed)
        self.error = message_label("passphraseError")
        self.field.textEdited.connect(self._clear_error)
        self.again.textEdited.connect(self._clear_error)

        self.details_button = QPushButton()
        self.details_button.setObjectName("passphraseDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.setAutoDefault(False)
        self.details_button.toggled.connect(self._toggle_details)
        # Technical text starts as it may (e.g. in lower case); shown as a sentence here.
        self.details = QLabel(request.detail[:1].upper() + request.detail[1:])
        self.details.setObjectName("passphraseDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setStyleSheet("color: palette(placeholder-text);")
        self.details.setVisible(False)
        self.details_button.setVisible(bool(request.detail))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("passphraseButtons")
        # Our own button: a standard Ok would get its "OK" back on every language change.
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("passphraseOkButton")
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("passphraseCancelButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.HelpRole)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.field_label, self.field)
        if request.new:
            form.addRow(self.again_label, self.again)
        else:
            self.again.hide()
            self.again_label.hide()
        form.addRow("", self.show_typed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.setFixedWidth(DIALOG_WIDTH)  # the labels wrap; the height follows them
        self.ok_button.setDefault(True)  # Enter in a field means OK (once it is in the dialog)
        self.retranslate()
        if request.error:
            set_message(self.error, request.error, error=True)
        self.field.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Service Console — passphrase"))
        self.setAccessibleName(self.tr("Database passphrase"))
        if self.request.new:
            message = self.tr(
                "This computer has no password keychain, so the console's data is locked "
                "with a passphrase you choose. You will type it each time the console starts."
            )
            self.ok_button.setText(self.tr("&Lock with this passphrase"))
        elif self.request.no_keychain:
            message = self.tr(
                "This computer has no password keychain, so the console's data is locked "
                "with a passphrase. Type it to open the console."
            )
            self.ok_button.setText(self.tr("&Open"))
        else:
            message = self.tr(
                "The console's data is locked with a passphrase that this computer's "
                "keychain does not know. Type it to open the console."
            )
            self.ok_button.setText(self.tr("&Open"))
        self.message.setText(message)
        self.hint.setText(
            self.tr(
                "Use at least {count} characters. Nobody can open or recover the data "
                "without it, so keep it somewhere safe."
            ).format(count=MIN_PASSPHRASE)
        )
        self.field_label.setText(self.tr("&Passphrase:"))
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.again_label.setText(self.tr("Passphrase &again:"))
        self.again.setAccessibleName(self.tr("Passphrase again"))
        self.show_typed.setText(self.tr("&Show what I type"))
        self.show_typed.setAccessibleName(self.tr("Show the passphrase as it is typed"))
        self.error.setAccessibleName(self.tr("Problem with the passphrase"))
        self.details.setAccessibleName(self.tr("Technical details"))
        self.details_button.setText(
            self.tr("Hide &details") if self.details_button.isChecked() else self.tr("&Details")
        )
        self.details_button.setAccessibleName(self.tr("Technical details for an admin"))
        self.ok_button.setAccessibleName(self.ok_button.text().replace("&", ""))
        self.cancel_button.setAccessibleName(self.tr("Cancel: do not open the console"))

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.retranslate()
        self.adjustSize()

    def _show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.field.setEchoMode(mode)
        self.again.setEchoMode(mode)

    def _clear_error(self) -> None:
        set_message(self.error, "", error=True)

    def problem(self) -> str:
        """Why the typed passphrase cannot be used, in a sentence ('' when it can)."""
        text = self.field.text()
        if not text:
            return self.tr("Type the passphrase.")
        if not self.request.new:
            return ""
        if len(text) < MIN_PASSPHRASE:
            return self.tr("The passphrase is too short: use at least {count} characters.").format(
                count=MIN_PASSPHRASE
            )
        if self.again.text() != text:
            return self.tr("The two passphrases are different. Type the same one twice.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            set_message(self.error, problem, error=True)
            self.adjustSize()
            wrong = (
                self.again
                if self.request.new and len(self.field.text()) >= MIN_PASSPHRASE
                else self.field
            )
            wrong.setFocus()
            wrong.selectAll()
            return
        super().accept()

    def passphrase(self) -> str:
        return self.field.text()


def ask_passphrase(request: PassphraseRequest) -> str | None:
    """Show the dialog (modal: only before the event loop runs); None when cancelled."""
    dialog = PassphraseDialog(request)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()
    finally:
        dialog.deleteLater()

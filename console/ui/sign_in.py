"""Sign-in, first-run admin creation, and the lock for shared terminals.

* :class:`SignInWindow` is shown at launch and whenever the console is locked. On a new
  database it creates the first account (an admin); afterwards it takes a name and PIN.
  Wrong PINs show the service's message (including how long a locked account waits).
* :class:`ConsoleLock` hides every window of the app while locked (a half-typed form
  stays as it was, out of sight), shows the sign-in window, and brings the windows back
  once someone signs in. It locks on Ctrl+Shift+L ("quick switch") and after
  ``auto_lock_minutes`` without a key press or mouse click.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.messages import Message
from console.domain.staff import Session
from console.domain.validation import ValidationFailed
from console.repositories.errors import StoreError
from console.services.staff import SignInRefused, StaffService
from console.ui import theme
from console.ui.i18n import error_text, message_text
from console.ui.tasks import Tasks
from console.ui.widgets import Retranslating


def _sentence(message: Message) -> str:
    """A field error as a sentence: capitalised, ending in a full stop."""
    said = message_text(message)
    return said[:1].upper() + said[1:] + ("" if said.endswith((".", "。")) else ".")


def _line(name: str, accessible: str, *, secret: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class SignInWindow(Retranslating, QWidget):
    """Who is working: sign in, or create the first (admin) account."""

    signed_in = Signal(object)  # Session

    def __init__(
        self, staff: StaffService, *, first_run: bool, store: str = "", demo: bool = False
    ) -> None:
        super().__init__()
        self.staff = staff
        self.first_run = first_run
        self.demo = demo  # the demo console: say so before anyone signs in
        self.tasks = Tasks(on_error=self._show_unexpected)
        self.setObjectName("signInWindow")
        self.setMinimumWidth(380)

        self.title = QLabel()
        self.title.setObjectName("signInTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.name = _line("signInName", "")
        self.pin = _line("signInPin", "", secret=True)
        self.pin_again = _line("signInPinAgain", "", secret=True)
        # The message shown (rebuilt in the new language on a switch).
        self._message_text: Callable[[], str] | None = None
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        theme.set_role(self.message, role="error")
        self.message.hide()
        self.button = QPushButton()
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        for edit in (self.name, self.pin, self.pin_again):
            edit.returnPressed.connect(self.submit)

        self.form = form = QFormLayout()
        self.labels: dict[QLineEdit, QLabel] = {}
        for field in (self.name, self.pin, self.pin_again):
            label = QLabel()
            label.setBuddy(field)  # Alt+letter moves to the field
            self.labels[field] = label
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.button)
        self.hint = QLabel()
        self.hint.setObjectName("signInHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        layout.addWidget(self.hint)
        self._store = store
        self._set_mode(first_run)

    def retranslate(self) -> None:
        if self.demo:
            self.setWindowTitle(self.tr("DEMO — Service Console (made-up customers) — sign in"))
        else:
            self.setWindowTitle(self.tr("Service Console — sign in"))
        self.setAccessibleName(self.tr("Sign in"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.pin.setAccessibleName(self.tr("PIN or password"))
        self.pin_again.setAccessibleName(self.tr("PIN or password again"))
        for field, text in (
            (self.name, self.tr("&Name")),
            (self.pin, self.tr("&PIN")),
            (self.pin_again, self.tr("PIN &again")),
        ):
            self.labels[field].setText(text)
        if self.first_run:
            self.title.setText(self.tr("Welcome. Create the first account — it will be the admin."))
            self.button.setText(self.tr("Create account and sign in"))
            self.button.setAccessibleName(self.tr("Create the admin account and sign in"))
            self.hint.setText(
                self.tr(
                    "A PIN has 4–8 digits (not 1234 or 1111); a password has 8 or more "
                    "characters. The admin adds the other staff afterwards."
                )
            )
        else:
            self.title.setText(self.tr("Sign in to Service Console"))
            self.button.setText(self.tr("Sign in"))
            self.button.setAccessibleName(self.tr("Sign in"))
            self.hint.setText(
                self.tr("Locked for a moment? Anyone can sign in here with their own PIN.")
            )
        if self._message_text is not None:
            self.message.setText(self._message_text())

    def _set_mode(self, first_run: bool) -> None:
        self.first_run = first_run
        self.form.setRowVisible(2, first_run)
        self.retranslate()
        self.reset()

    def tell(self, text: Callable[[], str]) -> None:
        """Say *text* above the fields (why the console locked), in the interface
        language (again after a switch)."""
        self._message_text = text
        self.message.setText(text())
        self.message.show()

    def reset(self) -> None:
        """Empty the PIN fields and put the cursor where the next person starts."""
        self.pin.clear()
        self.pin_again.clear()
        self.message.hide()
        self._message_text = None
        self.button.setEnabled(True)
        (self.pin if self.name.text().strip() else self.name).setFocus()

    def _error(self, text: Callable[[], str], focus: QLineEdit) -> None:
        """Show the message *text* gives (called again after a language switch)."""
        self._message_text = text
        self.message.setText(text())
        self.message.show()
        self.button.setEnabled(True)
        focus.setFocus()
        focus.selectAll()

    def _show_unexpected(self, exc: BaseException) -> None:
        self._error(lambda: self.tr("Something went wrong: {error}").format(error=exc), self.pin)

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        name, secret = self.name.text().strip(), self.pin.text()
        if not name:
            self._error(lambda: self.tr("Type your name."), self.name)
            return
        if not secret:
            self._error(lambda: self.tr("Type your PIN."), self.pin)
            return
        if self.first_run and secret != self.pin_again.text():
            self._error(lambda: self.tr("The two PINs differ; type them again."), self.pin)
            self.pin_again.clear()
            return
        self.button.setEnabled(False)
        self.tasks.start(self._submit(name, secret), name="sign-in")

    async def _submit(self, name: str, secret: str) -> None:
        try:
            if self.first_run:
                await self.staff.add_staff(
                    None, name=name, role="admin", secret=secret, store_name=self._store
                )
            session = await self.staff.sign_in(name, secret)
        except ValidationFailed as exc:
            field = next(iter(exc.errors))
            target = self.name if field == "name" else self.pin
            self._error(functools.partial(_sentence, exc.errors[field]), target)
            return
        except SignInRefused as exc:
            refusal = exc.message
            self._error(lambda: message_text(refusal), self.pin)
            return
        except StoreError as exc:
            # The database (a team's: the console server) cannot be reached: say so.
            self._error(functools.partial(error_text, exc), self.pin)
            return
        except PermissionError:
            # Someone created the first account meanwhile (another terminal): sign in.
            self._set_mode(False)
            self._error(lambda: self.tr("An admin account exists now; sign in with it."), self.name)
            return
        if self.first_run:
            self._set_mode(False)
        self.pin.clear()
        self.pin_again.clear()
        self.message.hide()
        self._message_text = None
        self.button.setEnabled(True)
        self.signed_in.emit(session)


class _ActivityFilter(QObject):
    """Notes the time of the last key press or click anywhere in the app."""

    def __init__(self, on_activity: Callable[[], None]) -> None:
        super().__init__()
        self._on_activity = on_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.Wheel,
        ):
            self._on_activity()
        return False


class ConsoleLock(QObject):
    """Locks the whole app behind the sign-in window; unlocks on a successful sign-in."""

    locked = Signal()
    unlocked = Signal(object)  # Session

    def __init__(
        self,
        staff: StaffService,
        sign_in: SignInWindow,
        *,
        idle_minutes: int = 5,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.staff = staff
        self.sign_in = sign_in
        self.idle_seconds = max(idle_minutes, 0) * 60
        self._clock = clock
        self._last_activity = clock()
        self._hidden: list[QWidget] = []
        self.is_locked = False
        sign_in.signed_in.connect(self._on_signed_in)
        self._filter = _ActivityFilter(self.touch)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._filter)
        self._timer = QTimer(self)
        self._timer.setObjectName("autoLockTimer")
        self._timer.setInterval(15_000)
        self._timer.timeout.connect(self.check_idle)
        if self.idle_seconds:
            self._timer.start()

    def touch(self) -> None:
        self._last_activity = self._clock()

    def check_idle(self) -> None:
        if self.is_locked or not self.idle_seconds or self.staff.session is None:
            return
        if self._clock() - self._last_activity >= self.idle_seconds:
            self.lock(reason="idle")

    def lock(self, reason: str = "switch") -> None:
        """Hide every window and show the sign-in window (quick switch or idle)."""
        if self.is_locked:
            return
        self.is_locked = True
        self._hidden = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.sign_in
        ]
        for widget in self._hidden:
            widget.hide()
        previous = self.staff.session
        if reason == "switch" and previous is not None:
            self.sign_in.tasks.start(self.staff.sign_out(), name="sign-out")
        self.sign_in.name.setText(previous.name if previous and reason == "idle" else "")
        self.sign_in.reset()
        self.sign_in.show()
        self.sign_in.raise_()
        self.sign_in.activateWindow()
        self.locked.emit()

    def _on_signed_in(self, session: Session) -> None:
        self.touch()
        if not self.is_locked:
            self.unlocked.emit(session)
            return
        self.is_locked = False
        self.sign_in.hide()
        for widget in self._hidden:
            widget.show()
        if self._hidden:
            self._hidden[0].raise_()
            self._hidden[0].activateWindow()
        self._hidden = []
        self.unlocked.emit(session)


def signed_in_label() -> QLabel:
    label = QLabel()
    label.setObjectName("signedInAs")
    label.setAccessibleName(QCoreApplication.translate("SignInWindow", "Signed in as"))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label

"""The Settings window (Staff ▸ Settings…, Ctrl+,): every option of
:mod:`console.domain.options`, on pages by topic.

Admins edit; everybody else sees the values read-only (the service refuses them anyway).
A field is checked as it is typed and the reason is shown beside it in the option's own
words (its range or allowed values); a valid value is applied when the field is left or
Enter is pressed (a switch or a list at once), through :meth:`SettingsService.set`, which
checks the permission and writes the audit entry. "Restore default" puts one field back.
Where it helps a preview shows the effect: the greeting at the store's time now, the
loyalty rule in words.
"""

from __future__ import annotations

import zoneinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain import options as o
from console.domain.clock import Clock, SystemClock
from console.domain.greeting import greeting_line
from console.domain.loyalty import LoyaltyRule
from console.domain.roles import NotAllowed
from console.services.settings import Change, SettingsService, system_zone
from console.ui.i18n import (
    LANGUAGES,
    error_text,
    format_time,
    language_for_locale,
    locale,
    message_text,
)
from console.ui.tasks import Tasks
from console.ui.widgets import Retranslating, form_scroll_area, message_label, set_message

TOPICS = (o.Topic.STORE, o.Topic.PHONE, o.Topic.COMPLAINTS, o.Topic.SECURITY, o.Topic.LANGUAGE)
LOYALTY_KEYS = ("loyalty_every", "loyalty_category", "loyalty_reward")
#: The customer-facing language a preview greeting is in, for each interface language.
GREETING_LANGUAGE = {"en": "en", "zh_CN": "zh-Hans", "zh_TW": "zh-Hant"}


def _camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.title() for part in rest)


def translated(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


def reason(exc: o.Invalid) -> str:
    """The refusal in the interface language, naming the field by its label."""
    return translated(exc.template).format(name=translated(exc.option.label), **exc.params)


class Field:
    """One option's row: label, editor, reason, help, Restore default (and a preview)."""

    def __init__(self, option: o.Option[Any]) -> None:
        self.option = option
        name = _camel(option.key)
        self.label = QLabel()
        self.label.setObjectName(f"{name}Label")
        self.editor: QLineEdit | QCheckBox | QComboBox
        if option.kind is bool:
            self.editor = QCheckBox()
        elif option.choices:
            combo = QComboBox()
            for code in option.choices:
                combo.addItem("", code)
            self.editor = combo
        else:
            line = QLineEdit()
            line.setMaxLength((option.high or 200) + 1 if option.kind is str else 12)
            self.editor = line
            if option is o.TIME_ZONE:
                completer = QCompleter(sorted(zoneinfo.available_timezones()), line)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                line.setCompleter(completer)
        self.editor.setObjectName(f"{name}Field")
        self.label.setBuddy(self.editor)
        self.restore = QPushButton()
        self.restore.setObjectName(f"{name}Restore")
        self.reason = message_label(f"{name}Reason")
        self.help = message_label(f"{name}Help")
        self.preview = message_label(f"{name}Preview")
        self.value: Any = option.default

    def retranslate(self) -> None:
        label = translated(self.option.label)
        self.label.setText(label)
        self.editor.setAccessibleName(label)
        self.editor.setAccessibleDescription(translated(self.option.doc))
        self.editor.setToolTip(translated(self.option.doc))
        set_message(self.help, translated(self.option.doc), error=False)
        self.restore.setText(QCoreApplication.translate("Settings", "Restore default"))
        self.restore.setAccessibleName(
            QCoreApplication.translate("Settings", "Restore the default of {label}").format(
                label=label
            )
        )
        self.reason.setAccessibleName(
            QCoreApplication.translate("Settings", "Problem with {label}").format(label=label)
        )
        if isinstance(self.editor, QComboBox):
            for index in range(self.editor.count()):
                code = self.editor.itemData(index)
                self.editor.setItemText(
                    index,
                    LANGUAGES.get(code)
                    or QCoreApplication.translate("Settings", "The computer's language"),
                )

    def show_value(self, value: Any) -> None:
        """Put *value* in the editor without treating it as typed."""
        self.value = value
        self.editor.blockSignals(True)
        try:
            if isinstance(self.editor, QCheckBox):
                self.editor.setChecked(bool(value))
            elif isinstance(self.editor, QComboBox):
                self.editor.setCurrentIndex(max(self.editor.findData(value), 0))
            else:
                self.editor.setText(self.option.show(value))
        finally:
            self.editor.blockSignals(False)
        set_message(self.reason, "", error=True)

    def typed(self) -> Any:
        """The value in the editor; :class:`o.Invalid` when it is not allowed."""
        if isinstance(self.editor, QCheckBox):
            return self.option.validate(self.editor.isChecked())
        if isinstance(self.editor, QComboBox):
            return self.option.validate(self.editor.currentData())
        return self.option.parse(self.editor.text())

    def set_editable(self, editable: bool) -> None:
        if isinstance(self.editor, QLineEdit):
            self.editor.setReadOnly(not editable)
        else:
            self.editor.setEnabled(editable)
        self.restore.setEnabled(editable)


class SettingsWindow(Retranslating, QWidget):
    """Pages by topic on the left, the fields of the chosen page on the right."""

    #: A value was changed (the option's key), after it was saved and audited.
    changed = Signal(str)

    def __init__(
        self,
        settings: SettingsService,
        *,
        may_edit: bool,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.settings = settings
        self.clock = clock or SystemClock()
        self.may_edit = may_edit
        self.tasks = Tasks(on_error=self._show_error)
        self.setObjectName("settingsWindow")
        self.resize(760, 520)
        self.pages = QListWidget()
        self.pages.setObjectName("settingsPages")
        self.pages.setMaximumWidth(180)
        self.stack = QStackedWidget()
        self.stack.setObjectName("settingsStack")
        self.note = QLabel()
        self.note.setObjectName("settingsReadOnlyNote")
        self.note.setWordWrap(True)
        self.note.setVisible(not may_edit)
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.fields: dict[str, Field] = {}
        self.page_for: dict[o.Topic, QWidget] = {}
        for topic in TOPICS:
            content = QWidget()
            form = QFormLayout(content)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for option in o.ALL_OPTIONS:
                if option.topic is topic:
                    form.addRow(*self._row(option))
            page = form_scroll_area(f"{topic.value}Page", content)
            self.page_for[topic] = page
            self.stack.addWidget(page)
            self.pages.addItem("")
        self.pages.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.pages.setCurrentRow(0)
        body = QHBoxLayout()
        body.addWidget(self.pages)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        for f in self.fields.values():
            f.set_editable(may_edit)
        self.retranslate()

    def _row(self, option: o.Option[Any]) -> tuple[QLabel, QWidget]:
        f = Field(option)
        self.fields[option.key] = f
        line = QHBoxLayout()
        line.addWidget(f.editor, 1)
        line.addWidget(f.restore)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(f.reason)
        column.addWidget(f.preview)
        column.addWidget(f.help)
        holder = QWidget()
        holder.setLayout(column)
        column.setContentsMargins(0, 0, 0, 6)
        editor = f.editor
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text, f=f: self._check(f))
            editor.editingFinished.connect(lambda f=f: self._commit(f))
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(lambda _on, f=f: self._commit(f))
        else:
            editor.activated.connect(lambda _index, f=f: self._commit(f))
        f.restore.clicked.connect(lambda _checked=False, f=f: self._restore(f))
        return f.label, holder

    def retranslate(self) -> None:
        title = self.tr("Settings")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.pages.setAccessibleName(self.tr("Pages"))
        for row, topic in enumerate(TOPICS):
            self.pages.item(row).setText(translated(o.TOPIC_TITLES[topic]))
            self.page_for[topic].setAccessibleName(translated(o.TOPIC_TITLES[topic]))
        self.note.setText(
            self.tr("Only an admin can change settings; you can see the values here.")
        )
        self.status.setAccessibleName(self.tr("Status"))
        for f in self.fields.values():
            f.retranslate()
            if f.reason.text():
                self._check(f)
        self._preview()

    # --- loading and saving ---------------------------------------------------------

    def load(self) -> None:
        self.tasks.start(self._load(), name="settings-load")

    async def _load(self) -> None:
        values = await self.settings.values()
        for key, value in values.items():
            self.fields[key].show_value(value)
        self._preview()

    def _check(self, f: Field) -> Any:
        """Show why the typed value is refused (or nothing); the value, or None."""
        try:
            value = f.typed()
        except o.Invalid as exc:
            set_message(f.reason, reason(exc), error=True)
            return None
        set_message(f.reason, "", error=True)
        self._preview()
        return value

    def _commit(self, f: Field) -> None:
        if not self.may_edit:
            return
        try:
            value = f.typed()
        except o.Invalid as exc:
            set_message(f.reason, reason(exc), error=True)
            return
        if value == f.value:
            return
        self.tasks.start(self._save(f, value), name=f"settings-save-{f.option.key}")

    def _restore(self, f: Field) -> None:
        if self.may_edit:
            self.tasks.start(self._save(f, None), name=f"settings-reset-{f.option.key}")

    async def _save(self, f: Field, value: Any) -> None:
        """Save *value* (None: restore the default) and show what happened."""
        try:
            if value is None:
                change: Change = await self.settings.reset(f.option)
            else:
                change = await self.settings.set(f.option, value)
        except o.Invalid as exc:
            set_message(f.reason, reason(exc), error=True)
            return
        except NotAllowed:
            self.status.setText(self.tr("Only an admin can change settings."))
            f.show_value(f.value)
            return
        f.show_value(change.after)
        self._preview()
        self.status.setText(
            self.tr("Saved: {label}.").format(label=translated(f.option.label))
            if value is not None
            else self.tr("{label} is back to its default.").format(label=translated(f.option.label))
        )
        self.changed.emit(f.option.key)

    # --- previews ---------------------------------------------------------------------

    def _current(self, key: str) -> Any:
        f = self.fields[key]
        try:
            return f.typed()
        except o.Invalid:
            return f.value

    def _preview(self) -> None:
        language = GREETING_LANGUAGE.get(language_for_locale(locale().name()), "en")
        name = str(self._current("time_zone")).strip()
        zone = o.zone_named(name) if name else system_zone()
        local = self.clock.utc().astimezone(zone)
        greeting = greeting_line(
            now=local.replace(tzinfo=None),
            address="",
            language=language,
            visit_number=1,
            last_visit=None,
        )
        set_message(
            self.fields["time_zone"].preview,
            self.tr("It is {time} there now: “{greeting}”").format(
                time=format_time(local), greeting=greeting
            ),
            error=False,
        )
        try:
            rule = LoyaltyRule(
                every=int(self._current("loyalty_every")),
                category=str(self._current("loyalty_category")),
                reward=str(self._current("loyalty_reward")),
            )
        except ValueError:
            text = ""
        else:
            text = self.tr("The rule in words: {rule} (reward: {reward}).").format(
                rule=message_text(rule.words()), reward=rule.reward
            )
        set_message(self.fields["loyalty_reward"].preview, text, error=False)

    def _show_error(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))

    def page(self, topic: o.Topic) -> None:
        """Show *topic*'s page."""
        self.pages.setCurrentRow(TOPICS.index(topic))


class StoreQuestions(Retranslating, QWidget):
    """Asked once, right after the first admin's account is made: the store's name, its
    time zone (preset from the computer) and region. Skippable; Settings changes them
    later."""

    #: Emitted when the admin saved or skipped.
    done = Signal()

    KEYS = ("store_name", "time_zone", "default_region")

    def __init__(self, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.settings = settings
        self.tasks = Tasks(on_error=lambda exc: self.message.setText(error_text(exc)))
        self.setObjectName("storeQuestions")
        self.setMinimumWidth(460)
        self.title = QLabel()
        self.title.setObjectName("storeQuestionsTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.fields: dict[str, Field] = {}
        form = QFormLayout()
        for key in self.KEYS:
            f = Field(o.BY_KEY[key])
            f.restore.hide()
            self.fields[key] = f
            editor = f.editor
            assert isinstance(editor, QLineEdit)
            editor.textEdited.connect(lambda _text, f=f: self._check(f))
            editor.returnPressed.connect(self.save)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(f.reason)
            column.addWidget(f.help)
            form.addRow(f.label, column)
        self.fields["time_zone"].editor.setText(system_zone().key)  # type: ignore[union-attr]
        self.fields["default_region"].editor.setText(o.DEFAULT_REGION.default)  # type: ignore[union-attr]
        self.message = QLabel()
        self.message.setObjectName("storeQuestionsMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("storeQuestionsSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("storeQuestionsSkip")
        self.skip_button.clicked.connect(self.skip)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate()
        self.fields["store_name"].editor.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Your store"))
        self.setAccessibleName(self.tr("Your store"))
        self.title.setText(
            self.tr("Tell the console about your store. You can change this later in Settings.")
        )
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the store's details"))
        self.skip_button.setText(self.tr("S&kip"))
        self.skip_button.setAccessibleName(self.tr("Skip: keep the defaults"))
        self.message.setAccessibleName(self.tr("Message"))
        for f in self.fields.values():
            f.retranslate()
        name = self.fields["store_name"].editor
        assert isinstance(name, QLineEdit)
        name.setPlaceholderText(self.tr("e.g. Xintiandi"))

    def _check(self, f: Field) -> Any:
        try:
            value = f.typed()
        except o.Invalid as exc:
            set_message(f.reason, reason(exc), error=True)
            return None
        set_message(f.reason, "", error=True)
        return value

    def skip(self) -> None:
        self.done.emit()

    def save(self) -> None:
        values: dict[str, Any] = {}
        for key, f in self.fields.items():
            text = f.editor.text()  # type: ignore[union-attr]
            if key == "store_name" and not text.strip():
                continue  # left empty: keep the default name
            value = self._check(f)
            if value is None:
                f.editor.setFocus()
                return
            values[key] = value
        self.save_button.setEnabled(False)
        self.tasks.start(self._save(values), name="store-questions")

    async def _save(self, values: dict[str, Any]) -> None:
        try:
            for key, value in values.items():
                await self.settings.set(o.BY_KEY[key], value)
        except (o.Invalid, NotAllowed) as exc:
            self.message.setText(reason(exc) if isinstance(exc, o.Invalid) else error_text(exc))
            self.save_button.setEnabled(True)
            return
        self.done.emit()

"""The guided complaint form: the method's steps in order, fast enough to fill in while
the customer talks (SERVICE-PRACTICE.md, "Handling an angry customer").

Who → 1 what happened, in the customer's words → 2 our understanding, confirmed →
3 emotion (a cue, with empathy phrases) → 4 the apology given → 5 what they want →
6 options offered, the one chosen, compensation → 7 cause and responsibility → the reply,
and either "solved on the spot" or a promise ("we will reply by …").

Customer-facing texts (apology, reply) are phrasebook-checked editors: a ``block`` hit
stops the save with a message under the field (the focus goes there); a ``warn`` hit asks
for a deliberate "Save anyway". Field errors from :func:`validate_complaint` or the
service's ``ValidationFailed`` are shown under their fields; nothing typed is lost.

Drafts: every change restarts a short timer (:data:`AUTOSAVE_MS`); when it fires the form
is saved as a draft (``service.save_draft``), so a crash or a forced quit loses at most a
second of typing. A successful save discards the draft.

Open it with ``show()``/``open()`` and connect :attr:`ComplaintForm.saved`; saving runs on
the qasync loop (``@asyncSlot`` on methods, no ``exec()``).
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import logging
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QObject,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.complaint import (
    CauseCategory,
    Channel,
    Compensation,
    Complaint,
    Emotion,
    PromiseState,
    QuickDue,
    Responsibility,
    Status,
    Want,
    quick_due,
    validate_complaint,
)
from console.domain.customer import parse_money
from console.domain.messages import Message
from console.domain.phrase_matcher import Finding
from console.domain.phrasebook import Situation
from console.domain.validation import ValidationFailed
from console.services.complaints import ComplaintService
from console.ui import theme
from console.ui.checked_editor import CheckedTextEdit, confirm_save, quoted
from console.ui.i18n import format_date, format_money, format_time, message_text, show_dates
from console.ui.phrase_checker import PhraseChecker, language_for_customer
from console.ui.phrase_picker import PhrasePicker
from console.ui.tasks import Tasks
from console.ui.widgets import (
    Retranslating,
    async_slot,
    form_scroll_area,
    message_label,
    set_message,
)

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, text: str, /) -> str:
        """Marks *text* for lupdate; returns it unchanged (typed: PySide6 says object)."""
        ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

#: Drafts are saved this long after the last change (the promise is "within 2 s").
AUTOSAVE_MS = 800
CURRENCIES = ("CNY", "HKD", "TWD", "USD", "EUR", "GBP")

#: Labels of the domain's values, translated where shown (:func:`label`).
CHANNEL_LABELS = {
    Channel.PHONE: QT_TRANSLATE_NOOP("ComplaintLabels", "Phone"),
    Channel.IN_STORE: QT_TRANSLATE_NOOP("ComplaintLabels", "In store"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("ComplaintLabels", "Online"),
    Channel.LETTER: QT_TRANSLATE_NOOP("ComplaintLabels", "Letter"),
}
EMOTION_LABELS = {
    Emotion.CALM: QT_TRANSLATE_NOOP("ComplaintLabels", "Calm"),
    Emotion.UPSET: QT_TRANSLATE_NOOP("ComplaintLabels", "Upset"),
    Emotion.ANGRY: QT_TRANSLATE_NOOP("ComplaintLabels", "Angry"),
}
WANT_LABELS = {
    Want.REFUND: QT_TRANSLATE_NOOP("ComplaintLabels", "Refund"),
    Want.EXCHANGE: QT_TRANSLATE_NOOP("ComplaintLabels", "Exchange"),
    Want.REPAIR: QT_TRANSLATE_NOOP("ComplaintLabels", "Repair"),
    Want.EXPLANATION: QT_TRANSLATE_NOOP("ComplaintLabels", "An explanation"),
    Want.APOLOGY_ONLY: QT_TRANSLATE_NOOP("ComplaintLabels", "An apology only"),
    Want.COMPENSATION: QT_TRANSLATE_NOOP("ComplaintLabels", "Compensation"),
    Want.OTHER: QT_TRANSLATE_NOOP("ComplaintLabels", "Other"),
}
CAUSE_LABELS = {
    CauseCategory.PRODUCT_QUALITY: QT_TRANSLATE_NOOP("ComplaintLabels", "Product quality"),
    CauseCategory.SERVICE_ATTITUDE: QT_TRANSLATE_NOOP("ComplaintLabels", "Service attitude"),
    CauseCategory.DELIVERY: QT_TRANSLATE_NOOP("ComplaintLabels", "Delivery / logistics"),
    CauseCategory.PRICE_BILLING: QT_TRANSLATE_NOOP("ComplaintLabels", "Price / billing"),
    CauseCategory.ENVIRONMENT: QT_TRANSLATE_NOOP("ComplaintLabels", "Environment / facilities"),
    CauseCategory.POLICY: QT_TRANSLATE_NOOP("ComplaintLabels", "Policy"),
    CauseCategory.OTHER: QT_TRANSLATE_NOOP("ComplaintLabels", "Other"),
}
RESPONSIBILITY_LABELS = {
    Responsibility.OURS: QT_TRANSLATE_NOOP("ComplaintLabels", "Ours"),
    Responsibility.CUSTOMER: QT_TRANSLATE_NOOP("ComplaintLabels", "The customer's"),
    Responsibility.THIRD_PARTY: QT_TRANSLATE_NOOP("ComplaintLabels", "A third party's"),
    Responsibility.UNCLEAR: QT_TRANSLATE_NOOP("ComplaintLabels", "Unclear yet"),
}
STATUS_LABELS = {
    Status.NEW: QT_TRANSLATE_NOOP("ComplaintLabels", "New"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("ComplaintLabels", "In progress"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("ComplaintLabels", "Resolved"),
    Status.FOLLOWED_UP: QT_TRANSLATE_NOOP("ComplaintLabels", "Followed up"),
    Status.CLOSED: QT_TRANSLATE_NOOP("ComplaintLabels", "Closed"),
    Status.VOIDED: QT_TRANSLATE_NOOP("ComplaintLabels", "Voided"),
}
PROMISE_LABELS = {
    PromiseState.NONE: QT_TRANSLATE_NOOP("ComplaintLabels", "No promise"),
    PromiseState.ON_TIME: QT_TRANSLATE_NOOP("ComplaintLabels", "On time"),
    PromiseState.DUE_SOON: QT_TRANSLATE_NOOP("ComplaintLabels", "Due soon"),
    PromiseState.OVERDUE: QT_TRANSLATE_NOOP("ComplaintLabels", "Overdue"),
    PromiseState.KEPT: QT_TRANSLATE_NOOP("ComplaintLabels", "Kept"),
    PromiseState.MISSED: QT_TRANSLATE_NOOP("ComplaintLabels", "Missed"),
}
#: Emotion → (the theme's note kind, what it means for the agent).
EMOTION_CUES: dict[Emotion, tuple[str, str]] = {
    Emotion.CALM: (
        "success",
        QT_TRANSLATE_NOOP("ComplaintLabels", "Calm — confirm the facts and act."),
    ),
    Emotion.UPSET: (
        "warning",
        QT_TRANSLATE_NOOP(
            "ComplaintLabels",
            "Upset — let them finish, show you understand, then ask what they want.",
        ),
    ),
    Emotion.ANGRY: (
        "danger",
        QT_TRANSLATE_NOOP(
            "ComplaintLabels",
            "Angry — listen without interrupting; agree they have a point; apologise and act "
            "at once. Never say “calm down”.",
        ),
    ),
}
QUICK_LABELS = {
    QuickDue.IN_2_HOURS: QT_TRANSLATE_NOOP("ComplaintLabels", "In &2 hours"),
    QuickDue.END_OF_DAY: QT_TRANSLATE_NOOP("ComplaintLabels", "End of &day"),
    QuickDue.TOMORROW_10: QT_TRANSLATE_NOOP("ComplaintLabels", "Tomorrow 1&0:00"),
}


def label(table: Mapping[Any, str], value: Any, default: str = "") -> str:
    """The translated label of a domain value from one of the tables above."""
    text = table.get(value)
    if text is None:
        return default or str(getattr(value, "value", value))
    return QCoreApplication.translate("ComplaintLabels", text)


#: Work that must finish after a form is gone (discarding its draft).
_BACKGROUND = Tasks()
#: "Not set" in the date-time editors (their minimum shows as special text).
UNSET = dt.datetime(2000, 1, 1)


def qdatetime(moment: dt.datetime) -> QDateTime:
    """A naive wall time as a QDateTime (minutes precision)."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def zone_of(moment: dt.datetime) -> ZoneInfo:
    """The zone the service's clock runs in (the store's); fixed offsets are accepted."""
    tz = moment.tzinfo
    if isinstance(tz, ZoneInfo):
        return tz
    return cast(ZoneInfo, tz)  # quick_due only needs astimezone()/utcoffset()


def to_local_naive(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def from_local_naive(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A wall time in *zone* (skipped times move forward by the gap, like the domain)."""
    return moment.replace(tzinfo=zone).astimezone(dt.UTC).astimezone(zone)


class ComplaintWords(QObject):
    """Countdowns, due times and phrasebook findings in the interface language (plural
    forms need ``self.tr`` in a QObject)."""

    def duration(self, seconds: int) -> str:
        """1 h 20 min / 3 days / under a minute."""
        days, rest = divmod(seconds, 86400)
        hours, rest = divmod(rest, 3600)
        minutes = rest // 60
        if days >= 2:
            return self.tr("%n days", "", days)
        if days == 1:
            return self.tr("1 day %n h", "", hours) if hours else self.tr("1 day")
        if hours:
            if minutes:
                return self.tr("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
            return self.tr("%n h", "", hours)
        return self.tr("%n min", "", minutes) if minutes else self.tr("under a minute")

    def countdown(self, due: dt.datetime, now: dt.datetime) -> str:
        """ "in 1 h 20 min", "in 3 days", "overdue 25 min" (as the domain's countdown)."""
        delta = due.astimezone(dt.UTC) - now.astimezone(dt.UTC)
        text = self.duration(int(abs(delta).total_seconds()))
        if delta < dt.timedelta(0):
            return self.tr("overdue {time}").format(time=text)
        return self.tr("in {time}").format(time=text)

    def describe_due(self, due: dt.datetime, now: dt.datetime, zone: ZoneInfo) -> str:
        """ "today 18:00", "tomorrow 10:00", or the date and time."""
        local = due.astimezone(zone)
        today = now.astimezone(zone).date()
        time = format_time(local)
        if local.date() == today:
            return self.tr("today {time}").format(time=time)
        if local.date() == today + dt.timedelta(days=1):
            return self.tr("tomorrow {time}").format(time=time)
        return self.tr("{date} {time}").format(date=format_date(local.date()), time=time)

    def findings(self, findings: list[Finding]) -> str:
        parts = []
        for finding in findings:
            text = self.tr("Change {phrase} before saving.").format(phrase=quoted(finding.matched))
            if finding.reason:
                text += " " + finding.reason
            if finding.replacements:
                text += " " + self.tr("Say instead: {phrase}.").format(
                    phrase=quoted(finding.replacements[0])
                )
            parts.append(text)
        return " ".join(parts)


_WORDS: list[ComplaintWords] = []


def words() -> ComplaintWords:
    """The shared :class:`ComplaintWords` (created with the first use)."""
    if not _WORDS:
        _WORDS.append(ComplaintWords())
    return _WORDS[0]


def countdown_text(due: dt.datetime, now: dt.datetime) -> str:
    """The countdown to *due* in the interface language."""
    return words().countdown(due, now)


def describe_due(due: dt.datetime, now: dt.datetime, zone: ZoneInfo) -> str:
    return words().describe_due(due, now, zone)


def findings_text(findings: list[Finding]) -> str:
    return words().findings(findings)


class FieldError(ValueError):
    def __init__(self, field: str, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.text = text


def _combo(name: str, values: list[str]) -> QComboBox:
    """A combo box with one item per value (texts are set by ``retranslate``)."""
    combo = QComboBox()
    combo.setObjectName(name)
    for value in values:
        combo.addItem("", value)
    return combo


def _set_items(combo: QComboBox, texts: list[str]) -> None:
    """Rename the items in place (the selection and the data stay)."""
    for index, text in enumerate(texts):
        combo.setItemText(index, text)


def _select(combo: QComboBox, value: str | None) -> None:
    index = combo.findData(value or "")
    combo.setCurrentIndex(max(index, 0))


def _plain(name: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(int(height * 1.6))
    return edit


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


def _datetime_edit(name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    edit.setMinimumDateTime(qdatetime(UNSET))
    edit.setDateTime(qdatetime(UNSET))
    return edit


def _texts(widget: QWidget, accessible: str, placeholder: str | None = None) -> None:
    """Set a field's accessible name and (for text fields) its placeholder."""
    widget.setAccessibleName(accessible)
    if placeholder is not None and isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.setPlaceholderText(placeholder)


class ComplaintForm(Retranslating, QDialog):
    """Capture one complaint. ``saved(int)`` carries the new complaint's id."""

    saved = Signal(int)
    draftSaved = Signal(str)

    def __init__(
        self,
        service: ComplaintService,
        checker: PhraseChecker,
        *,
        customer_id: int | None = None,
        customer_name: str = "",
        customer_language: str = "",
        call_id: str | None = None,
        agent: str = "",
        store: str = "",
        draft_key: str | None = None,
        payload: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaintForm")
        self._service = service
        self._checker = checker
        self.tasks = Tasks(on_error=self._task_failed)
        self.draft_key = draft_key or uuid.uuid4().hex
        self.customer_id = customer_id
        self.customer_name = customer_name
        # The customer's language (en, zh-Hans, zh-Hant; "" unknown): what is said to
        # them, and the phrases offered, follow it, not the interface language.
        self.customer_language = customer_language
        self.call_id = call_id
        self._busy = False
        self._done = False
        self._loading = True
        # A form reopened from a draft owns that draft (Discard must remove it).
        self._draft_saved = draft_key is not None
        now = service.now()
        self.zone = zone_of(now)
        self._errors: dict[str, QLabel] = {}
        self._targets: dict[str, QWidget] = {}
        self._shown_errors: dict[str, Message | str] = {}
        self._build(now, agent, store)
        self._update_title()
        if payload:
            self.load_payload(payload)
        self._update_customer()
        self._emotion_changed()
        self._cause_changed()
        self._solved_changed()
        self._fix_tab_order()
        self._loading = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft_now)
        self._connect_changes()
        self.retranslate()
        self.fit_to_screen()

    # --- size ----------------------------------------------------------------------------

    # What the form would like; it is made smaller to fit the screen (the steps scroll,
    # the Save row stays in view below them).
    PREFERRED_SIZE = (780, 860)
    # Room left for the window's title bar and frame, which Qt only knows once shown.
    FRAME_ALLOWANCE = (16, 48)

    def fit_to_screen(self) -> None:
        """Fit the whole window, frame included, in the screen's available area."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = self.PREFERRED_SIZE
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width() - self.FRAME_ALLOWANCE[0])
            height = min(height, room.height() - self.FRAME_ALLOWANCE[1])
        self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            frame = self.frameGeometry()
            if frame.height() > room.height() or frame.width() > room.width():
                extra_w = frame.width() - self.width()
                extra_h = frame.height() - self.height()
                self.resize(
                    min(self.width(), room.width() - extra_w),
                    min(self.height(), room.height() - extra_h),
                )
            if not room.contains(self.frameGeometry()):
                self.move(
                    max(room.left(), min(self.x(), room.right() - self.frameGeometry().width())),
                    max(room.top(), min(self.y(), room.bottom() - self.frameGeometry().height())),
                )

    def _align_captions(self) -> None:
        """One caption column for every step, so the fields line up down the form."""
        captions = []
        for box in self._sections.values():
            form = box.layout()
            if not isinstance(form, QFormLayout):
                continue
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    captions.append(widget)
        for caption in captions:
            caption.setMinimumWidth(0)
        width = max((c.sizeHint().width() for c in captions), default=0)
        for caption in captions:
            caption.setMinimumWidth(width)

    # --- building ----------------------------------------------------------------------

    def _error_label(self, key: str, target: QWidget) -> QLabel:
        label = message_label(f"{key}Error")
        self._errors[key] = label
        self._targets[key] = target
        return label

    @staticmethod
    def _with_message(widget: QWidget | QHBoxLayout, label: QLabel) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(widget, QHBoxLayout):
            column.addLayout(widget)
        else:
            column.addWidget(widget)
        column.addWidget(label)
        return box

    def _section(self, name: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox()
        box.setObjectName(name)
        box.setStyleSheet("QGroupBox { font-weight: 600; } QGroupBox * { font-weight: normal; }")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._sections[name] = box
        return box, form

    def _caption(self, key: str, buddy: QWidget | None = None) -> QLabel:
        """A field's caption (its text is set by :meth:`retranslate`)."""
        caption = QLabel()
        if buddy is not None:
            caption.setBuddy(buddy)
        self._captions[key] = caption
        return caption

    def _build(self, now: dt.datetime, agent: str, store: str) -> None:
        self._sections: dict[str, QGroupBox] = {}
        self._captions: dict[str, QLabel] = {}
        content = QWidget()
        content.setObjectName("complaintFormContent")
        column = QVBoxLayout(content)

        # Who, where, when.
        who, form = self._section("whoSection")
        self.customer_label = QLabel()
        self.customer_label.setObjectName("linkedCustomer")
        self.customer_label.setTextFormat(Qt.TextFormat.RichText)
        self.caller_name = _line("callerName")
        self.caller_contact = _line("callerContact")
        self._customer_row = self._caption("customer")
        form.addRow(self._customer_row, self.customer_label)
        self._caller_name_label = self._caption("callerName", self.caller_name)
        form.addRow(
            self._caller_name_label,
            self._with_message(
                self.caller_name, self._error_label("caller_name", self.caller_name)
            ),
        )
        self._caller_contact_label = self._caption("callerContact", self.caller_contact)
        form.addRow(self._caller_contact_label, self.caller_contact)
        self.channel = _combo("channel", [value.value for value in CHANNEL_LABELS])
        self.store = _line("store")
        self.store.setText(store)
        self.agent = _line("agent")
        self.agent.setText(agent)
        self.received = _datetime_edit("receivedAt")
        self.received.setDateTime(qdatetime(to_local_naive(now, self.zone)))
        where = QHBoxLayout()
        pairs: tuple[tuple[str, QWidget], ...] = (
            ("channel", self.channel),
            ("store", self.store),
        )
        for key, widget in pairs:
            where.addWidget(self._caption(key, widget))
            where.addWidget(widget, 1)
        form.addRow(QLabel(), where)
        when = QHBoxLayout()
        pairs = (("agent", self.agent), ("received", self.received))
        for key, widget in pairs:
            when.addWidget(self._caption(key, widget))
            when.addWidget(widget, 1)
        form.addRow(QLabel(), when)
        column.addWidget(who)

        # 1. What happened.
        step1, form = self._section("step1")
        self.customer_words = _plain("customerWords", 90)
        form.addRow(
            self._with_message(
                self.customer_words, self._error_label("customer_words", self.customer_words)
            )
        )
        column.addWidget(step1)

        # 2. Understanding.
        step2, form = self._section("step2")
        self.understanding = _plain("understanding")
        self.confirmed = QCheckBox()
        self.confirmed.setObjectName("confirmed")
        form.addRow(self.understanding)
        form.addRow(self.confirmed)
        column.addWidget(step2)

        # 3. Emotion.
        step3, form = self._section("step3")
        self.emotion = _combo("emotion", [value.value for value in EMOTION_LABELS])
        self.emotion_cue = QLabel()
        self.emotion_cue.setObjectName("emotionCue")
        self.emotion_cue.setWordWrap(True)
        self.empathy_button = _button("empathyPhrasesButton")
        self.empathy_hint = QLabel()
        self.empathy_hint.setObjectName("empathyHint")
        self.empathy_hint.setWordWrap(True)
        self.empathy_hint.setStyleSheet("color: palette(placeholder-text);")
        line = QHBoxLayout()
        line.addWidget(self.emotion)
        line.addStretch(1)
        line.addWidget(self.empathy_button)
        form.addRow(self._caption("emotion", self.emotion), line)
        form.addRow(self.emotion_cue)
        form.addRow(self.empathy_hint)
        column.addWidget(step3)

        # 4. Apology.
        step4, form = self._section("step4")
        self.apology = CheckedTextEdit(
            self._checker,
            situation=Situation.APOLOGY,
            context={"agent_name": agent, "store": store},
        )
        self.apology.setObjectName("apology")
        self.apology.setMinimumHeight(56)
        self.apology.setMaximumHeight(96)
        self.apology_button = _button("apologyPhrasesButton")
        line = QHBoxLayout()
        line.addWidget(self.apology, 1)
        line.addWidget(self.apology_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self._with_message(line, self._error_label("apology", self.apology)))
        column.addWidget(step4)

        # 5. What they want.
        step5, form = self._section("step5")
        self.wants = _combo("wants", [""] + [value.value for value in WANT_LABELS])
        self.wants_note = _line("wantsNote")
        line = QHBoxLayout()
        line.addWidget(self.wants)
        line.addWidget(self.wants_note, 1)
        form.addRow(self._caption("wants", self.wants), line)
        column.addWidget(step5)

        # 6. Options and compensation.
        step6, form = self._section("step6")
        self.options = _plain("optionsOffered", 56)
        self.option_chosen = _combo("optionChosen", [""])
        self.comp_kind = _line("compensationKind")
        self.comp_amount = _line("compensationAmount")
        self.comp_amount.setMaximumWidth(110)
        self.comp_currency = QComboBox()
        self.comp_currency.setObjectName("compensationCurrency")
        self.comp_currency.setEditable(True)
        self.comp_currency.addItems(list(CURRENCIES))
        form.addRow(self._caption("offered", self.options), self.options)
        form.addRow(self._caption("chosen", self.option_chosen), self.option_chosen)
        line = QHBoxLayout()
        line.addWidget(self.comp_kind, 2)
        line.addWidget(self.comp_amount, 1)
        line.addWidget(self.comp_currency)
        form.addRow(
            self._caption("compensation", self.comp_kind),
            self._with_message(line, self._error_label("compensation", self.comp_kind)),
        )
        column.addWidget(step6)

        # 7. Cause.
        step7, form = self._section("step7")
        self.cause = _combo("cause", [""] + [value.value for value in CAUSE_LABELS])
        self.sub_cause = _line("subCause")
        self.responsibility = _combo(
            "responsibility", [""] + [value.value for value in RESPONSIBILITY_LABELS]
        )
        self.wording = _line("wordingWentWrong")
        line = QHBoxLayout()
        line.addWidget(self.cause)
        line.addWidget(self.sub_cause, 1)
        form.addRow(self._caption("cause", self.cause), line)
        form.addRow(self._caption("responsibility", self.responsibility), self.responsibility)
        self._wording_label = self._caption("wording", self.wording)
        form.addRow(self._wording_label, self.wording)
        column.addWidget(step7)

        # Reply and promise.
        outcome, form = self._section("outcomeSection")
        self.reply = CheckedTextEdit(self._checker, context={"agent_name": agent, "store": store})
        self.reply.setObjectName("reply")
        self.reply.setMinimumHeight(56)
        self.reply.setMaximumHeight(96)
        form.addRow(self._with_message(self.reply, self._error_label("reply", self.reply)))
        self.solved = QCheckBox()
        self.solved.setObjectName("solvedOnTheSpot")
        form.addRow(self.solved)
        self.quick_buttons: dict[QuickDue, QPushButton] = {}
        line = QHBoxLayout()
        for choice in QUICK_LABELS:
            button = _button(f"quick_{choice.value}")
            button.clicked.connect(lambda _=False, c=choice: self.choose_quick(c))
            self.quick_buttons[choice] = button
            line.addWidget(button)
        self.promise_due = _datetime_edit("promiseDue")
        line.addWidget(self.promise_due, 1)
        self._promise_label = self._caption("promise", self.promise_due)
        self.promise_hint = QLabel()
        self.promise_hint.setObjectName("promiseHint")
        self.promise_hint.setStyleSheet("color: palette(placeholder-text);")
        promise_box = self._with_message(line, self._error_label("promise_due", self.promise_due))
        cast(QVBoxLayout, promise_box.layout()).addWidget(self.promise_hint)
        form.addRow(self._promise_label, promise_box)
        column.addWidget(outcome)
        column.addStretch(1)

        self.scroll_area = form_scroll_area("complaintScroll", content)
        self.content = content

        self.status = message_label("complaintStatus")
        self.save_button = _button("saveComplaintButton")
        self.save_button.setToolTip("Ctrl+S")
        self.cancel_button = _button("cancelComplaintButton")
        self.save_button.clicked.connect(self._save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self._save_shortcut)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 4)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(bottom)

        self.empathy_button.clicked.connect(self.open_empathy_phrases)
        self.apology_button.clicked.connect(self.apology.open_phrase_picker)
        self.emotion.currentIndexChanged.connect(self._emotion_changed)
        self.cause.currentIndexChanged.connect(self._cause_changed)
        self.solved.toggled.connect(self._solved_changed)
        self.options.textChanged.connect(self._options_changed)
        self.promise_due.dateTimeChanged.connect(self._promise_edited)
        self._checker.changed.connect(self._emotion_changed)

    def retranslate(self) -> None:
        """Every text of the form in the interface language; what is typed or chosen stays."""
        self.setAccessibleName(self.tr("Complaint"))
        show_dates(self.received, self.promise_due)
        titles = {
            "whoSection": self.tr("Who, where and when"),
            "step1": self.tr("1 · What happened — in the customer's words"),
            "step2": self.tr("2 · Our understanding, restated"),
            "step3": self.tr("3 · How the customer feels"),
            "step4": self.tr("4 · Apology given"),
            "step5": self.tr("5 · What the customer wants"),
            "step6": self.tr("6 · Options offered, the one chosen, compensation"),
            "step7": self.tr("7 · Cause and responsibility"),
            "outcomeSection": self.tr("Reply to the customer and the promise"),
        }
        for name, title in titles.items():
            self._sections[name].setTitle(title)
        captions = {
            "customer": self.tr("Customer:"),
            "callerName": self.tr("Caller's &name:"),
            "callerContact": self.tr("Con&tact:"),
            "channel": self.tr("C&hannel:"),
            "store": self.tr("St&ore:"),
            "agent": self.tr("A&gent:"),
            "received": self.tr("Recei&ved:"),
            "emotion": self.tr("E&motion:"),
            "wants": self.tr("&Wants:"),
            "offered": self.tr("O&ffered:"),
            "chosen": self.tr("&Chosen:"),
            "compensation": self.tr("Compensation:"),
            "cause": self.tr("Ca&use:"),
            "responsibility": self.tr("Responsi&bility:"),
            "wording": self.tr("Word&ing that went wrong:"),
            "promise": self.tr("We will &reply by:"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        self._align_captions()

        self.customer_label.setAccessibleName(self.tr("Linked customer"))
        _texts(self.caller_name, self.tr("Caller's name"), self.tr("Walk-in or unknown caller"))
        _texts(self.caller_contact, self.tr("Caller's contact"), self.tr("Phone or email"))
        _texts(self.channel, self.tr("Channel"))
        _set_items(self.channel, [label(CHANNEL_LABELS, value) for value in CHANNEL_LABELS])
        _texts(self.store, self.tr("Store"))
        _texts(self.agent, self.tr("Agent taking the complaint"))
        _texts(self.received, self.tr("Time received"))
        self.received.setSpecialValueText(self.tr("now"))
        _texts(
            self.customer_words,
            self.tr("What happened, in the customer's words"),
            self.tr("Let them finish; note the key points as they talk."),
        )
        _texts(
            self.understanding,
            self.tr("Our understanding, restated"),
            self.tr("“Let me check I understood: … Did I understand you correctly?”"),
        )
        self.confirmed.setText(self.tr("Confirmed with the customer"))
        self.confirmed.setAccessibleName(self.tr("Understanding confirmed with the customer"))
        _texts(self.emotion, self.tr("Emotion"))
        _set_items(self.emotion, [label(EMOTION_LABELS, value) for value in EMOTION_LABELS])
        self.empathy_button.setText(self.tr("&Empathy phrases…"))
        self.empathy_button.setAccessibleName(self.tr("Empathy phrases"))
        self.empathy_button.setToolTip(
            self.tr("Approved empathy phrases; the one chosen goes into step 4")
        )
        _texts(
            self.apology,
            self.tr("Apology given"),
            self.tr(
                "Sincere, even before responsibility is clear: “I'm sorry for the "
                "inconvenience.”  (Ctrl+Shift+Space: approved phrases)"
            ),
        )
        self.apology_button.setText(self.tr("Apology &phrases…"))
        self.apology_button.setAccessibleName(self.tr("Apology phrases"))
        _texts(self.wants, self.tr("What the customer wants"))
        _set_items(
            self.wants, [self.tr("Not asked yet")] + [label(WANT_LABELS, v) for v in WANT_LABELS]
        )
        _texts(
            self.wants_note,
            self.tr("What the customer wants, in detail"),
            self.tr("“What would you like me to do?”"),
        )
        _texts(
            self.options,
            self.tr("Options offered, one per line"),
            self.tr("One per line: replacement today; repair in 3 days with a loan phone; …"),
        )
        _texts(self.option_chosen, self.tr("Option chosen"))
        self.option_chosen.setItemText(0, self.tr("None chosen yet"))
        _texts(
            self.comp_kind,
            self.tr("Compensation given"),
            self.tr("discount, voucher, upgrade, gift…"),
        )
        _texts(self.comp_amount, self.tr("Compensation amount"), "0.00")
        _texts(self.comp_currency, self.tr("Compensation currency"))
        _texts(self.cause, self.tr("Cause category"))
        _set_items(
            self.cause, [self.tr("Not known yet")] + [label(CAUSE_LABELS, v) for v in CAUSE_LABELS]
        )
        _texts(
            self.sub_cause, self.tr("Sub-cause"), self.tr("e.g. freezes after update, rude refusal")
        )
        _texts(self.responsibility, self.tr("Responsibility"))
        _set_items(
            self.responsibility,
            [self.tr("Not decided")]
            + [label(RESPONSIBILITY_LABELS, v) for v in RESPONSIBILITY_LABELS],
        )
        _texts(
            self.wording,
            self.tr("Wording that went wrong"),
            self.tr("What was said to the customer (goes to the trainers)"),
        )
        _texts(
            self.reply,
            self.tr("Reply to the customer"),
            self.tr("What we tell the customer (checked against the phrasebook)"),
        )
        self.solved.setText(self.tr("Solved on the &spot"))
        self.solved.setAccessibleName(self.tr("Solved on the spot"))
        for choice, button in self.quick_buttons.items():
            text = label(QUICK_LABELS, choice)
            button.setText(text)
            button.setAccessibleName(text.replace("&", ""))
        _texts(self.promise_due, self.tr("We will reply by"))
        self.promise_due.setSpecialValueText(self.tr("choose a time"))
        self.save_button.setText(self.tr("Save complaint"))
        self.save_button.setAccessibleName(self.tr("Save complaint"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self._update_customer()
        self._emotion_changed()
        self._cause_changed()
        self._show_promise_hint()
        if self._shown_errors:
            self.show_errors(self._shown_errors, focus=False)

    def _connect_changes(self) -> None:
        for line in (
            self.caller_name,
            self.caller_contact,
            self.store,
            self.agent,
            self.wants_note,
            self.comp_kind,
            self.comp_amount,
            self.sub_cause,
            self.wording,
        ):
            line.textChanged.connect(self._changed)
        for text in (
            self.customer_words,
            self.understanding,
            self.apology,
            self.options,
            self.reply,
        ):
            text.textChanged.connect(self._changed)
        for combo in (
            self.channel,
            self.emotion,
            self.wants,
            self.option_chosen,
            self.cause,
            self.responsibility,
            self.comp_currency,
        ):
            combo.currentIndexChanged.connect(self._changed)
        self.comp_currency.editTextChanged.connect(self._changed)
        for box in (self.confirmed, self.solved):
            box.toggled.connect(self._changed)
        self.received.dateTimeChanged.connect(self._changed)
        self.promise_due.dateTimeChanged.connect(self._changed)

    def focus_order(self) -> list[QWidget]:
        """The fields in the method's order (Tab follows it)."""
        return [
            self.caller_name,
            self.caller_contact,
            self.channel,
            self.store,
            self.agent,
            self.received,
            self.customer_words,
            self.understanding,
            self.confirmed,
            self.emotion,
            self.empathy_button,
            self.apology,
            self.apology_button,
            self.wants,
            self.wants_note,
            self.options,
            self.option_chosen,
            self.comp_kind,
            self.comp_amount,
            self.comp_currency,
            self.cause,
            self.sub_cause,
            self.responsibility,
            self.wording,
            self.reply,
            self.solved,
            *self.quick_buttons.values(),
            self.promise_due,
            self.save_button,
            self.cancel_button,
        ]

    def _fix_tab_order(self) -> None:
        for first, second in itertools.pairwise(self.focus_order()):
            QWidget.setTabOrder(first, second)

    def first_field(self) -> QWidget:
        return self.caller_name if self.customer_id is None else self.channel

    def tab_order(self) -> list[QWidget]:
        """The widgets Tab visits, in order, from the first field (for tests and audits)."""
        start = self.first_field()
        result: list[QWidget] = [start]
        widget = start.nextInFocusChain()
        while widget is not None and widget is not start and len(result) < 500:
            tab_focus = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            if widget.isVisibleTo(self) and widget.isEnabled() and tab_focus:
                result.append(widget)
            widget = widget.nextInFocusChain()
        return result

    # --- reacting ----------------------------------------------------------------------

    def _update_title(self) -> None:
        who = self.customer_name or self.tr("walk-in / unknown caller")
        self.setWindowTitle(self.tr("Complaint — {who}").format(who=who))

    def _update_customer(self) -> None:
        linked = self.customer_id is not None
        if linked:
            number = self.tr("(customer #{id})").format(id=self.customer_id)
            self.customer_label.setText(
                f"<b>{html.escape(self.customer_name or f'#{self.customer_id}')}</b>"
                f" <span style='color:#666'>{html.escape(number)}</span>"
            )
        for shown in (self._customer_row, self.customer_label):
            shown.setVisible(linked)
        hidden: tuple[QWidget, ...] = (
            self._caller_name_label,
            self.caller_name,
            self._caller_contact_label,
            self.caller_contact,
        )
        for widget in hidden:
            widget.setVisible(not linked)
        preferred = self.customer_name or self.caller_name.text().strip()
        for editor in (self.apology, self.reply):
            editor.language = self.phrase_language()
            context = dict(editor.context)
            if preferred:
                context["preferred_name"] = preferred
                context["name"] = preferred
            editor.context = context
        self._update_title()

    def _emotion_changed(self, _index: int = 0) -> None:
        emotion = Emotion(self.emotion.currentData() or Emotion.CALM.value)
        note, cue = EMOTION_CUES[emotion]
        text = QCoreApplication.translate("ComplaintLabels", cue)
        self.emotion_cue.setText(text)
        theme.set_role(self.emotion_cue, note=note)
        self.emotion.setAccessibleDescription(text)
        phrases = self._checker.approved(Situation.EMPATHY, self.phrase_language())[:3]
        if phrases:
            shown = "  ·  ".join(quoted(entry.text) for entry in phrases)
            self.empathy_hint.setText(self.tr("Say: {phrases}").format(phrases=shown))
        else:
            self.empathy_hint.setText("")
        self.empathy_hint.setVisible(bool(phrases) and emotion is not Emotion.CALM)

    def phrase_language(self) -> str:
        """The language phrases are offered in: the customer's, else the interface's."""
        return language_for_customer(self.customer_language)

    def open_empathy_phrases(self) -> PhrasePicker:
        """The approved empathy phrases; the one chosen goes into the apology (step 4)."""
        picker = PhrasePicker(
            self._checker,
            situation=Situation.EMPATHY,
            language=self.phrase_language(),
            context=self.apology.context,
            parent=self,
        )
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.apology.insert_phrase)
        picker.open()
        return picker

    def _cause_changed(self, _index: int = 0) -> None:
        attitude = self.cause.currentData() == CauseCategory.SERVICE_ATTITUDE.value
        self.wording.setEnabled(attitude)
        self._wording_label.setEnabled(attitude)
        hint = self.tr("For service-attitude causes: what was said that went wrong")
        self.wording.setToolTip("" if attitude else hint)

    def _options_changed(self) -> None:
        current = str(self.option_chosen.currentData() or "")
        lines = [line.strip() for line in self.options.toPlainText().splitlines() if line.strip()]
        self.option_chosen.blockSignals(True)
        self.option_chosen.clear()
        self.option_chosen.addItem(self.tr("None chosen yet"), "")
        for line in lines:
            self.option_chosen.addItem(line, line)
        self.option_chosen.setCurrentIndex(max(self.option_chosen.findData(current), 0))
        self.option_chosen.blockSignals(False)

    def _solved_changed(self, _checked: bool = False) -> None:
        open_ = not self.solved.isChecked()
        for widget in (*self.quick_buttons.values(), self.promise_due, self._promise_label):
            widget.setEnabled(open_)
        if not open_:
            self._clear_error("promise_due")
        self._show_promise_hint()

    def choose_quick(self, choice: QuickDue) -> None:
        due = quick_due(choice, self._service.now(), self.zone)
        self.set_promise(due)

    def set_promise(self, due: dt.datetime | None) -> None:
        value = UNSET if due is None else to_local_naive(due, self.zone)
        self.promise_due.setDateTime(qdatetime(value))

    def _promise_edited(self, _value: QDateTime) -> None:
        self._clear_error("promise_due")
        self._show_promise_hint()

    def promise(self) -> dt.datetime | None:
        value = self.promise_due.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        if value <= UNSET:
            return None
        return from_local_naive(value.replace(second=0, microsecond=0), self.zone)

    def _show_promise_hint(self) -> None:
        due = self.promise()
        if self.solved.isChecked():
            text = self.tr("Solved on the spot: the follow-up call is scheduled when you save.")
        elif due is None:
            text = self.tr("Not solved on the spot: tell the customer when we will reply.")
        else:
            when = describe_due(due, self._service.now(), self.zone)
            text = self.tr("Tell the customer: we will reply by {when}.").format(when=when)
        self.promise_hint.setText(text)

    def _changed(self, *_args: Any) -> None:
        if self._loading or self._done:
            return
        self._autosave.start()

    # --- payload (drafts) ----------------------------------------------------------------

    def is_blank(self) -> bool:
        texts = [
            self.caller_name.text(),
            self.caller_contact.text(),
            self.customer_words.toPlainText(),
            self.understanding.toPlainText(),
            self.apology.toPlainText(),
            self.options.toPlainText(),
            self.reply.toPlainText(),
            self.wants_note.text(),
            self.sub_cause.text(),
        ]
        return not any(text.strip() for text in texts)

    def summary(self) -> str:
        who = self.customer_name or self.caller_name.text().strip() or self.tr("Unknown caller")
        words = " ".join(self.customer_words.toPlainText().split())
        return f"{who}: {words[:60]}" if words else who

    def payload(self) -> dict[str, Any]:
        """The form's fields as JSON-safe values (what a draft keeps)."""
        received = self.received.dateTime().toPython()
        due = self.promise()
        return {
            "version": 1,
            "customer_id": self.customer_id,
            "customer_name": self.customer_name,
            "customer_language": self.customer_language,
            "call_id": self.call_id,
            "caller_name": self.caller_name.text(),
            "caller_contact": self.caller_contact.text(),
            "channel": self.channel.currentData(),
            "store": self.store.text(),
            "agent": self.agent.text(),
            "received_at": received.isoformat() if isinstance(received, dt.datetime) else None,
            "customer_words": self.customer_words.toPlainText(),
            "understanding": self.understanding.toPlainText(),
            "confirmed": self.confirmed.isChecked(),
            "emotion": self.emotion.currentData(),
            "apology": self.apology.toPlainText(),
            "wants": self.wants.currentData(),
            "wants_note": self.wants_note.text(),
            "options_offered": self.options.toPlainText(),
            "option_chosen": self.option_chosen.currentData(),
            "compensation_kind": self.comp_kind.text(),
            "compensation_amount": self.comp_amount.text(),
            "compensation_currency": self.comp_currency.currentText(),
            "cause": self.cause.currentData(),
            "sub_cause": self.sub_cause.text(),
            "responsibility": self.responsibility.currentData(),
            "wording": self.wording.text(),
            "reply": self.reply.toPlainText(),
            "solved": self.solved.isChecked(),
            "promise_due": due.isoformat() if due is not None else None,
        }

    def load_payload(self, payload: dict[str, Any]) -> None:
        """Fill the form from a draft (unknown or missing keys are ignored)."""
        was_loading = self._loading
        self._loading = True
        try:
            get = payload.get
            customer_id = get("customer_id")
            if customer_id is not None:
                self.customer_id = int(customer_id)
                self.customer_name = str(get("customer_name") or "")
                self.customer_language = str(get("customer_language") or "")
            self.call_id = get("call_id") or self.call_id
            self.caller_name.setText(str(get("caller_name") or ""))
            self.caller_contact.setText(str(get("caller_contact") or ""))
            _select(self.channel, get("channel"))
            if get("store") is not None:
                self.store.setText(str(get("store")))
            if get("agent") is not None:
                self.agent.setText(str(get("agent")))
            received = get("received_at")
            if received:
                self.received.setDateTime(qdatetime(dt.datetime.fromisoformat(str(received))))
            self.customer_words.setPlainText(str(get("customer_words") or ""))
            self.understanding.setPlainText(str(get("understanding") or ""))
            self.confirmed.setChecked(bool(get("confirmed")))
            _select(self.emotion, get("emotion") or Emotion.CALM.value)
            self.apology.setPlainText(str(get("apology") or ""))
            _select(self.wants, get("wants"))
            self.wants_note.setText(str(get("wants_note") or ""))
            self.options.setPlainText(str(get("options_offered") or ""))
            self._options_changed()
            _select(self.option_chosen, get("option_chosen"))
            self.comp_kind.setText(str(get("compensation_kind") or ""))
            self.comp_amount.setText(str(get("compensation_amount") or ""))
            if get("compensation_currency"):
                self.comp_currency.setCurrentText(str(get("compensation_currency")))
            _select(self.cause, get("cause"))
            self.sub_cause.setText(str(get("sub_cause") or ""))
            _select(self.responsibility, get("responsibility"))
            self.wording.setText(str(get("wording") or ""))
            self.reply.setPlainText(str(get("reply") or ""))
            self.solved.setChecked(bool(get("solved")))
            due = get("promise_due")
            self.set_promise(dt.datetime.fromisoformat(str(due)) if due else None)
        finally:
            self._loading = was_loading
        self._update_customer()
        self._show_promise_hint()

    def save_draft_now(self) -> None:
        if self._done or self.is_blank():
            return
        self.tasks.start(self._save_draft(), name="draft")

    async def _save_draft(self) -> None:
        await self._service.save_draft(self.draft_key, self.summary(), self.payload())
        self._draft_saved = True
        self.draftSaved.emit(self.draft_key)

    # --- the complaint -------------------------------------------------------------------

    def build_complaint(self) -> Complaint:
        """The complaint as typed; :class:`FieldError` for a field that cannot be read."""
        received = self.received.dateTime().toPython()
        assert isinstance(received, dt.datetime)
        compensation = None
        kind = self.comp_kind.text().strip()
        amount_text = self.comp_amount.text().strip()
        currency = self.comp_currency.currentText().strip().upper()
        if kind or amount_text:
            amount = None
            if amount_text:
                try:
                    amount = parse_money(amount_text)
                except ValueError:
                    raise FieldError(
                        "compensation",
                        self.tr("“{text}” is not an amount (e.g. 50 or 12.50).").format(
                            text=amount_text
                        ),
                    ) from None
            compensation = Compensation(kind, amount, currency if amount is not None else "")
        options = [line.strip() for line in self.options.toPlainText().splitlines() if line.strip()]
        wants = self.wants.currentData()
        cause = self.cause.currentData()
        responsibility = self.responsibility.currentData()
        solved = self.solved.isChecked()
        return Complaint(
            customer_id=self.customer_id,
            caller_name="" if self.customer_id is not None else self.caller_name.text().strip(),
            caller_contact=(
                "" if self.customer_id is not None else self.caller_contact.text().strip()
            ),
            call_id=self.call_id,
            channel=Channel(self.channel.currentData()),
            store=self.store.text().strip(),
            agent=self.agent.text().strip(),
            received_at=from_local_naive(received.replace(second=0, microsecond=0), self.zone),
            customer_words=self.customer_words.toPlainText().strip(),
            understanding=self.understanding.toPlainText().strip(),
            confirmed=self.confirmed.isChecked(),
            emotion=Emotion(self.emotion.currentData()),
            apology=self.apology.toPlainText().strip(),
            wants=Want(wants) if wants else None,
            wants_note=self.wants_note.text().strip(),
            options_offered=options,
            option_chosen=str(self.option_chosen.currentData() or ""),
            compensation=compensation,
            cause=CauseCategory(cause) if cause else None,
            sub_cause=self.sub_cause.text().strip(),
            responsibility=Responsibility(responsibility) if responsibility else None,
            wording_that_went_wrong=(
                self.wording.text().strip() if cause == CauseCategory.SERVICE_ATTITUDE else ""
            ),
            reply=self.reply.toPlainText().strip(),
            status=Status.RESOLVED if solved else Status.NEW,
            promise_due=None if solved else self.promise(),
        )

    def compensation_text(self) -> str:
        c = self.build_complaint().compensation
        if c is None:
            return ""
        if c.amount_minor is None:
            return c.kind
        return f"{c.kind} {format_money(c.amount_minor, c.currency)}"

    # --- errors --------------------------------------------------------------------------

    def _clear_error(self, key: str) -> None:
        self._shown_errors.pop(key, None)
        shown = self._errors.get(key)
        if shown is not None:
            set_message(shown, "", error=True)

    def _clear_errors(self) -> None:
        for key in self._errors:
            self._clear_error(key)
        self._shown_errors = {}
        set_message(self.status, "", error=False)

    def show_errors(self, errors: Mapping[str, Message | str], *, focus: bool = True) -> None:
        """Show field errors under their fields, focus the first; the rest go to the
        status line. Nothing typed is changed. (Message codes from the domain and the
        service are put into words here, so a language switch shows them again in the new
        language; a ``str`` is a text the form already translated.)"""
        self._shown_errors = dict(errors)
        texts = {
            key: message_text(text) if isinstance(text, Message) else text
            for key, text in errors.items()
        }
        first: QWidget | None = None
        first_text = ""
        first_label: QLabel | None = None
        elsewhere: list[str] = []
        order = [w for w in self.focus_order()]
        for key, text in sorted(
            texts.items(),
            key=lambda kv: order.index(self._targets[kv[0]]) if kv[0] in self._targets else 999,
        ):
            label = self._errors.get(key)
            if label is None:
                elsewhere.append(text)
                continue
            set_message(label, text, error=True)
            target = self._targets[key]
            target.setAccessibleDescription(text)
            if first is None:
                first, first_text, first_label = target, text, label
        count = len(texts)
        # Beside Save: the first problem's own reason (the field has the focus), and how
        # many more there are — the reason must not be below the fold.
        if first is None:
            summary = ""
        elif count == 1:
            summary = first_text
        else:
            summary = (
                first_text + " " + self.tr("Please correct the %n fields marked in red.", "", count)
            )
        if elsewhere:
            summary = " ".join([*elsewhere, summary]).strip()
        set_message(self.status, summary, error=True)
        if first is not None and focus:
            layout = self.content.layout()
            if layout is not None:
                layout.activate()  # the messages just shown take their room first
            if first_label is not None:
                self.scroll_area.ensureWidgetVisible(first_label)
            self.scroll_area.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving --------------------------------------------------------------------------

    def _save_shortcut(self) -> None:
        if self.save_button.isEnabled():
            self.save_button.click()

    @async_slot()
    async def _save_clicked(self) -> None:
        await self.save()

    async def save(self) -> int | None:
        """Check, validate and create the complaint; the new id, or None (reason shown)."""
        if self._busy or self._done:
            return None
        self._clear_errors()
        texts = (("apology", self.apology), ("reply", self.reply))
        blocked = {
            key: findings_text(editor.save_check().blockers)
            for key, editor in texts
            if editor.save_check().blockers
        }
        if blocked:
            self.show_errors(blocked)
            return None
        for _key, editor in texts:
            if editor.save_check().warnings and not await confirm_save(editor, self, action="save"):
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return None
        try:
            complaint = self.build_complaint()
        except FieldError as exc:
            self.show_errors({exc.field: exc.text})
            return None
        errors = validate_complaint(complaint, self._service.now())
        if errors:
            self.show_errors(errors)
            return None
        self._busy = True
        self.save_button.setEnabled(False)
        set_message(self.status, self.tr("Saving…"), error=False)
        try:
            complaint_id = await self._service.create(complaint)
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return None
        except Exception as exc:
            log.exception("saving complaint failed")
            set_message(
                self.status,
                self.tr(
                    "Could not save: {error}. Nothing you typed was lost (a draft is kept); "
                    "try again."
                ).format(error=exc),
                error=True,
            )
            self.save_draft_now()
            return None
        finally:
            self._busy = False
            self.save_button.setEnabled(True)
        self._done = True
        self._autosave.stop()
        try:
            await self._service.discard_draft(self.draft_key)
        except Exception:
            log.exception("discarding the draft failed")
        self.saved.emit(complaint_id)
        self.accept()
        return complaint_id

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel (Esc): a blank form closes; a typed one asks first (the draft stays
        until the agent says to discard it)."""
        if self._busy:
            return
        if self._done or self.is_blank():
            self._discard_and_close()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard complaint?"),
            self.tr("Discard the complaint you were typing? It cannot be recovered afterwards."),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("discardComplaintBox")
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(_result: int) -> None:
            if box.clickedButton() is discard:
                self._discard_and_close()
            box.deleteLater()

        box.finished.connect(answered)
        box.open()

    def _discard_and_close(self) -> None:
        self._done = True
        self._autosave.stop()
        if self._draft_saved:
            # Outlives the form (Qt deletes it once closed).
            _BACKGROUND.start(self._service.discard_draft(self.draft_key))
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._done and not self.is_blank():
            # Closing the window keeps the draft (save it now) and asks like Cancel.
            self.save_draft_now()
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def _task_failed(self, exc: BaseException) -> None:
        set_message(
            self.status, self.tr("Could not save the draft: {error}").format(error=exc), error=True
        )

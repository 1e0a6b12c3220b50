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
from typing import Any, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
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
    QuickDue,
    Responsibility,
    Status,
    Want,
    quick_due,
    validate_complaint,
)
from console.domain.customer import format_money, parse_money
from console.domain.phrase_matcher import Finding
from console.domain.phrasebook import Situation
from console.services.complaints import ComplaintService
from console.services.customers import ValidationFailed
from console.ui.checked_editor import CheckedTextEdit, confirm_save, quoted
from console.ui.phrase_checker import PhraseChecker
from console.ui.phrase_picker import PhrasePicker
from console.ui.tasks import Tasks
from console.ui.widgets import (
    async_slot,
    form_scroll_area,
    message_label,
    name_widget,
    set_message,
)

log = logging.getLogger(__name__)

#: Drafts are saved this long after the last change (the promise is "within 2 s").
AUTOSAVE_MS = 800
CURRENCIES = ("CNY", "HKD", "TWD", "USD", "EUR", "GBP")

CHANNEL_LABELS = {
    Channel.PHONE: "Phone",
    Channel.IN_STORE: "In store",
    Channel.ONLINE: "Online",
    Channel.LETTER: "Letter",
}
WANT_LABELS = {
    Want.REFUND: "Refund",
    Want.EXCHANGE: "Exchange",
    Want.REPAIR: "Repair",
    Want.EXPLANATION: "An explanation",
    Want.APOLOGY_ONLY: "An apology only",
    Want.COMPENSATION: "Compensation",
    Want.OTHER: "Other",
}
CAUSE_LABELS = {
    CauseCategory.PRODUCT_QUALITY: "Product quality",
    CauseCategory.SERVICE_ATTITUDE: "Service attitude",
    CauseCategory.DELIVERY: "Delivery / logistics",
    CauseCategory.PRICE_BILLING: "Price / billing",
    CauseCategory.ENVIRONMENT: "Environment / facilities",
    CauseCategory.POLICY: "Policy",
    CauseCategory.OTHER: "Other",
}
RESPONSIBILITY_LABELS = {
    Responsibility.OURS: "Ours",
    Responsibility.CUSTOMER: "The customer's",
    Responsibility.THIRD_PARTY: "A third party's",
    Responsibility.UNCLEAR: "Unclear yet",
}
#: Emotion → (background, text colour, what it means for the agent).
EMOTION_CUES: dict[Emotion, tuple[str, str, str]] = {
    Emotion.CALM: ("#e3f2e5", "#1b5e20", "Calm — confirm the facts and act."),
    Emotion.UPSET: (
        "#fff3d6",
        "#6d4c00",
        "Upset — let them finish, show you understand, then ask what they want.",
    ),
    Emotion.ANGRY: (
        "#fde0dc",
        "#8e1b12",
        "Angry — listen without interrupting; agree they have a point; apologise and act "
        "at once. Never say “calm down”.",
    ),
}
QUICK_LABELS = {
    QuickDue.IN_2_HOURS: "In &2 hours",
    QuickDue.END_OF_DAY: "End of &day",
    QuickDue.TOMORROW_10: "Tomorrow 1&0:00",
}
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


def describe_due(due: dt.datetime, now: dt.datetime, zone: ZoneInfo) -> str:
    local = due.astimezone(zone)
    today = now.astimezone(zone).date()
    if local.date() == today:
        day = "today"
    elif local.date() == today + dt.timedelta(days=1):
        day = "tomorrow"
    else:
        day = f"{local:%a %d %b}"
    return f"{day} {local:%H:%M}"


def findings_text(findings: list[Finding], action: str = "saving") -> str:
    parts = []
    for finding in findings:
        fix = f" Say instead: {quoted(finding.replacements[0])}." if finding.replacements else ""
        reason = f" {finding.reason}" if finding.reason else ""
        parts.append(f"Change {quoted(finding.matched)} before {action}.{reason}{fix}")
    return " ".join(parts)


class FieldError(ValueError):
    def __init__(self, field: str, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.text = text


def _combo(name: str, accessible: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    name_widget(combo, name, accessible)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: str | None) -> None:
    index = combo.findData(value or "")
    combo.setCurrentIndex(max(index, 0))


def _plain(name: str, accessible: str, placeholder: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    name_widget(edit, name, accessible)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(int(height * 1.6))
    return edit


def _line(name: str, accessible: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    name_widget(edit, name, accessible)
    edit.setPlaceholderText(placeholder)
    return edit


def _button(text: str, name: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    name_widget(button, name, accessible)
    button.setAutoDefault(False)
    return button


def _datetime_edit(name: str, accessible: str, unset_text: str) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    name_widget(edit, name, accessible)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    edit.setMinimumDateTime(qdatetime(UNSET))
    edit.setSpecialValueText(unset_text)
    edit.setDateTime(qdatetime(UNSET))
    return edit


class ComplaintForm(QDialog):
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
        call_id: str | None = None,
        agent: str = "",
        store: str = "",
        draft_key: str | None = None,
        payload: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaintForm")
        self.setAccessibleName("Complaint")
        self._service = service
        self._checker = checker
        self.tasks = Tasks(on_error=self._task_failed)
        self.draft_key = draft_key or uuid.uuid4().hex
        self.customer_id = customer_id
        self.customer_name = customer_name
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
        self.resize(780, 860)

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

    def _section(self, title: str, name: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        box.setObjectName(name)
        box.setStyleSheet("QGroupBox { font-weight: 600; } QGroupBox * { font-weight: normal; }")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return box, form

    def _build(self, now: dt.datetime, agent: str, store: str) -> None:
        content = QWidget()
        content.setObjectName("complaintFormContent")
        column = QVBoxLayout(content)

        # Who, where, when.
        who, form = self._section("Who, where and when", "whoSection")
        self.customer_label = QLabel()
        self.customer_label.setObjectName("linkedCustomer")
        self.customer_label.setAccessibleName("Linked customer")
        self.customer_label.setTextFormat(Qt.TextFormat.RichText)
        self.caller_name = _line("callerName", "Caller's name", "Walk-in or unknown caller")
        self.caller_contact = _line("callerContact", "Caller's contact", "Phone or email")
        self._customer_row = QLabel("Customer:")
        form.addRow(self._customer_row, self.customer_label)
        self._caller_name_label = QLabel("Caller's &name:")
        self._caller_name_label.setBuddy(self.caller_name)
        form.addRow(
            self._caller_name_label,
            self._with_message(
                self.caller_name, self._error_label("caller_name", self.caller_name)
            ),
        )
        self._caller_contact_label = QLabel("Con&tact:")
        self._caller_contact_label.setBuddy(self.caller_contact)
        form.addRow(self._caller_contact_label, self.caller_contact)
        self.channel = _combo(
            "channel", "Channel", [(text, value.value) for value, text in CHANNEL_LABELS.items()]
        )
        self.store = _line("store", "Store")
        self.store.setText(store)
        self.agent = _line("agent", "Agent taking the complaint")
        self.agent.setText(agent)
        self.received = _datetime_edit("receivedAt", "Time received", "now")
        self.received.setDateTime(qdatetime(to_local_naive(now, self.zone)))
        where = QHBoxLayout()
        pairs: tuple[tuple[str, QWidget], ...] = (
            ("C&hannel:", self.channel),
            ("St&ore:", self.store),
        )
        for label, widget in pairs:
            caption = QLabel(label)
            caption.setBuddy(widget)
            where.addWidget(caption)
            where.addWidget(widget, 1)
        form.addRow("", where)
        when = QHBoxLayout()
        pairs = (("A&gent:", self.agent), ("Recei&ved:", self.received))
        for label, widget in pairs:
            caption = QLabel(label)
            caption.setBuddy(widget)
            when.addWidget(caption)
            when.addWidget(widget, 1)
        form.addRow("", when)
        column.addWidget(who)

        # 1. What happened.
        step1, form = self._section("1 · What happened — in the customer's words", "step1")
        self.customer_words = _plain(
            "customerWords",
            "What happened, in the customer's words",
            "Let them finish; note the key points as they talk.",
            90,
        )
        form.addRow(
            self._with_message(
                self.customer_words, self._error_label("customer_words", self.customer_words)
            )
        )
        column.addWidget(step1)

        # 2. Understanding.
        step2, form = self._section("2 · Our understanding, restated", "step2")
        self.understanding = _plain(
            "understanding",
            "Our understanding, restated",
            "“Let me check I understood: … Did I understand you correctly?”",
        )
        self.confirmed = QCheckBox("Confirmed with the customer")
        name_widget(self.confirmed, "confirmed", "Understanding confirmed with the customer")
        form.addRow(self.understanding)
        form.addRow(self.confirmed)
        column.addWidget(step2)

        # 3. Emotion.
        step3, form = self._section("3 · How the customer feels", "step3")
        self.emotion = _combo(
            "emotion",
            "Emotion",
            [("Calm", "calm"), ("Upset", "upset"), ("Angry", "angry")],
        )
        self.emotion_cue = QLabel()
        self.emotion_cue.setObjectName("emotionCue")
        self.emotion_cue.setWordWrap(True)
        self.empathy_button = _button(
            "&Empathy phrases…", "empathyPhrasesButton", "Empathy phrases"
        )
        self.empathy_button.setToolTip("Approved empathy phrases; the one chosen goes into step 4")
        self.empathy_hint = QLabel()
        self.empathy_hint.setObjectName("empathyHint")
        self.empathy_hint.setWordWrap(True)
        self.empathy_hint.setStyleSheet("color: palette(placeholder-text);")
        line = QHBoxLayout()
        line.addWidget(self.emotion)
        line.addStretch(1)
        line.addWidget(self.empathy_button)
        emotion_label = QLabel("E&motion:")
        emotion_label.setBuddy(self.emotion)
        form.addRow(emotion_label, line)
        form.addRow(self.emotion_cue)
        form.addRow(self.empathy_hint)
        column.addWidget(step3)

        # 4. Apology.
        step4, form = self._section("4 · Apology given", "step4")
        self.apology = CheckedTextEdit(
            self._checker,
            situation=Situation.APOLOGY,
            context={"agent_name": agent, "store": store},
        )
        name_widget(self.apology, "apology", "Apology given")
        self.apology.setPlaceholderText(
            "Sincere, even before responsibility is clear: “I'm sorry for the inconvenience.”"
            "  (Ctrl+Shift+Space: approved phrases)"
        )
        self.apology.setMinimumHeight(56)
        self.apology.setMaximumHeight(96)
        self.apology_button = _button(
            "Apology &phrases…", "apologyPhrasesButton", "Apology phrases"
        )
        line = QHBoxLayout()
        line.addWidget(self.apology, 1)
        line.addWidget(self.apology_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self._with_message(line, self._error_label("apology", self.apology)))
        column.addWidget(step4)

        # 5. What they want.
        step5, form = self._section("5 · What the customer wants", "step5")
        self.wants = _combo(
            "wants",
            "What the customer wants",
            [("Not asked yet", "")] + [(text, value.value) for value, text in WANT_LABELS.items()],
        )
        self.wants_note = _line(
            "wantsNote", "What the customer wants, in detail", "“What would you like me to do?”"
        )
        line = QHBoxLayout()
        line.addWidget(self.wants)
        line.addWidget(self.wants_note, 1)
        wants_label = QLabel("&Wants:")
        wants_label.setBuddy(self.wants)
        form.addRow(wants_label, line)
        column.addWidget(step5)

        # 6. Options and compensation.
        step6, form = self._section("6 · Options offered, the one chosen, compensation", "step6")
        self.options = _plain(
            "optionsOffered",
            "Options offered, one per line",
            "One per line: replacement today; repair in 3 days with a loan phone; …",
            56,
        )
        self.option_chosen = _combo("optionChosen", "Option chosen", [("None chosen yet", "")])
        self.comp_kind = _line(
            "compensationKind", "Compensation given", "discount, voucher, upgrade, gift…"
        )
        self.comp_amount = _line("compensationAmount", "Compensation amount", "0.00")
        self.comp_amount.setMaximumWidth(110)
        self.comp_currency = QComboBox()
        name_widget(self.comp_currency, "compensationCurrency", "Compensation currency")
        self.comp_currency.setEditable(True)
        self.comp_currency.addItems(list(CURRENCIES))
        options_label = QLabel("O&ffered:")
        options_label.setBuddy(self.options)
        form.addRow(options_label, self.options)
        chosen_label = QLabel("&Chosen:")
        chosen_label.setBuddy(self.option_chosen)
        form.addRow(chosen_label, self.option_chosen)
        line = QHBoxLayout()
        line.addWidget(self.comp_kind, 2)
        line.addWidget(self.comp_amount, 1)
        line.addWidget(self.comp_currency)
        comp_label = QLabel("Compensation:")
        comp_label.setBuddy(self.comp_kind)
        form.addRow(
            comp_label, self._with_message(line, self._error_label("compensation", self.comp_kind))
        )
        column.addWidget(step6)

        # 7. Cause.
        step7, form = self._section("7 · Cause and responsibility", "step7")
        self.cause = _combo(
            "cause",
            "Cause category",
            [("Not known yet", "")] + [(text, value.value) for value, text in CAUSE_LABELS.items()],
        )
        self.sub_cause = _line("subCause", "Sub-cause", "e.g. freezes after update, rude refusal")
        self.responsibility = _combo(
            "responsibility",
            "Responsibility",
            [("Not decided", "")]
            + [(text, value.value) for value, text in RESPONSIBILITY_LABELS.items()],
        )
        self.wording = _line(
            "wordingWentWrong",
            "Wording that went wrong",
            "What was said to the customer (goes to the trainers)",
        )
        line = QHBoxLayout()
        line.addWidget(self.cause)
        line.addWidget(self.sub_cause, 1)
        cause_label = QLabel("Ca&use:")
        cause_label.setBuddy(self.cause)
        form.addRow(cause_label, line)
        resp_label = QLabel("Responsi&bility:")
        resp_label.setBuddy(self.responsibility)
        form.addRow(resp_label, self.responsibility)
        self._wording_label = QLabel("Word&ing that went wrong:")
        self._wording_label.setBuddy(self.wording)
        form.addRow(self._wording_label, self.wording)
        column.addWidget(step7)

        # Reply and promise.
        outcome, form = self._section("Reply to the customer and the promise", "outcomeSection")
        self.reply = CheckedTextEdit(self._checker, context={"agent_name": agent, "store": store})
        name_widget(self.reply, "reply", "Reply to the customer")
        self.reply.setPlaceholderText("What we tell the customer (checked against the phrasebook)")
        self.reply.setMinimumHeight(56)
        self.reply.setMaximumHeight(96)
        form.addRow(self._with_message(self.reply, self._error_label("reply", self.reply)))
        self.solved = QCheckBox("Solved on the &spot")
        name_widget(self.solved, "solvedOnTheSpot", "Solved on the spot")
        form.addRow(self.solved)
        self.quick_buttons: dict[QuickDue, QPushButton] = {}
        line = QHBoxLayout()
        for choice, text in QUICK_LABELS.items():
            button = _button(text, f"quick_{choice.value}", text.replace("&", ""))
            button.clicked.connect(lambda _=False, c=choice: self.choose_quick(c))
            self.quick_buttons[choice] = button
            line.addWidget(button)
        self.promise_due = _datetime_edit("promiseDue", "We will reply by", "choose a time")
        line.addWidget(self.promise_due, 1)
        self._promise_label = QLabel("We will &reply by:")
        self._promise_label.setBuddy(self.promise_due)
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
        self.save_button = _button("Save complaint", "saveComplaintButton", "Save complaint")
        self.save_button.setToolTip("Ctrl+S")
        self.cancel_button = _button("Cancel", "cancelComplaintButton", "Cancel")
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
        who = self.customer_name or "walk-in / unknown caller"
        self.setWindowTitle(f"Complaint — {who}")

    def _update_customer(self) -> None:
        linked = self.customer_id is not None
        if linked:
            self.customer_label.setText(
                f"<b>{html.escape(self.customer_name or f'#{self.customer_id}')}</b>"
                f" <span style='color:#666'>(customer #{self.customer_id})</span>"
            )
        for label in (self._customer_row, self.customer_label):
            label.setVisible(linked)
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
            context = dict(editor.context)
            if preferred:
                context["preferred_name"] = preferred
                context["name"] = preferred
            editor.context = context
        self._update_title()

    def _emotion_changed(self, _index: int = 0) -> None:
        emotion = Emotion(self.emotion.currentData() or Emotion.CALM.value)
        bg, fg, text = EMOTION_CUES[emotion]
        self.emotion_cue.setText(text)
        self.emotion_cue.setStyleSheet(
            f"background:{bg}; color:{fg}; border-radius:6px; padding:4px 8px; font-weight:600;"
        )
        self.emotion.setAccessibleDescription(text)
        phrases = self._checker.approved(Situation.EMPATHY, "")[:3]
        if phrases:
            shown = "  ·  ".join(quoted(entry.text) for entry in phrases)
            self.empathy_hint.setText(f"Say: {shown}")
        else:
            self.empathy_hint.setText("")
        self.empathy_hint.setVisible(bool(phrases) and emotion is not Emotion.CALM)

    def open_empathy_phrases(self) -> PhrasePicker:
        """The approved empathy phrases; the one chosen goes into the apology (step 4)."""
        picker = PhrasePicker(
            self._checker,
            situation=Situation.EMPATHY,
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
        self.wording.setToolTip(
            "" if attitude else "For service-attitude causes: what was said that went wrong"
        )

    def _options_changed(self) -> None:
        current = str(self.option_chosen.currentData() or "")
        lines = [line.strip() for line in self.options.toPlainText().splitlines() if line.strip()]
        self.option_chosen.blockSignals(True)
        self.option_chosen.clear()
        self.option_chosen.addItem("None chosen yet", "")
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
            text = "Solved on the spot: the follow-up call is scheduled when you save."
        elif due is None:
            text = "Not solved on the spot: tell the customer when we will reply."
        else:
            when = describe_due(due, self._service.now(), self.zone)
            text = f"Tell the customer: we will reply by {when}."
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
        who = self.customer_name or self.caller_name.text().strip() or "Unknown caller"
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
                        "compensation", f"“{amount_text}” is not an amount (e.g. 50 or 12.50)."
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
        label = self._errors.get(key)
        if label is not None:
            set_message(label, "", error=True)

    def _clear_errors(self) -> None:
        for key in self._errors:
            self._clear_error(key)
        set_message(self.status, "", error=False)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show field errors under their fields, focus the first; the rest go to the
        status line. Nothing typed is changed."""
        first: QWidget | None = None
        elsewhere: list[str] = []
        order = [w for w in self.focus_order()]
        for key, text in sorted(
            errors.items(),
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
                first = target
        count = len(errors)
        summary = (
            "Please correct the field marked in red."
            if count == 1
            else (f"Please correct the {count} fields marked in red.")
        )
        if elsewhere:
            summary = (
                " ".join(elsewhere)
                if len(elsewhere) == count
                else summary + " " + " ".join(elsewhere)
            )
        set_message(self.status, summary, error=True)
        if first is not None:
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
        set_message(self.status, "Saving…", error=False)
        try:
            complaint_id = await self._service.create(complaint)
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return None
        except Exception as exc:
            log.exception("saving complaint failed")
            set_message(
                self.status,
                f"Could not save: {exc}. Nothing you typed was lost (a draft is kept); try again.",
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
            "Discard complaint?",
            "Discard the complaint you were typing? It cannot be recovered afterwards.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("discardComplaintBox")
        discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
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
        set_message(self.status, f"Could not save the draft: {exc}", error=True)

"""The approved-phrase picker: the brand's words in a keystroke.

Opened from a checked editor (Ctrl+Shift+Space, or "Insert approved phrase…" in its
context menu). It lists the approved phrases for the editor's situation and language —
the situation and language combos widen the choice — and filters them as the agent types
(case-, width- and Simplified/Traditional-insensitive). Each phrase is shown with its
placeholders already filled from the customer on screen.

A placeholder without a value gets a line edit under the list, and Insert stays disabled
until every one is filled: no "{name}" or "[name]" ever reaches a customer. Keyboard
only: type to filter, Up/Down to choose, Enter to insert (or to go to the next field that
still needs a value), Esc to close.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.phrase_matcher import normalise
from console.domain.phrasebook import FillResult, Language, PhraseEntry, Situation, fill
from console.ui.phrase_checker import PhraseChecker, parse_language
from console.ui.widgets import Retranslating

# Staff-facing names (translated where shown: situations in context "Situation", the
# rest in "PhrasePicker"); the phrases themselves stay in the customer's language.
SITUATION_LABELS: Mapping[Situation, str] = {
    Situation.GREETING: str(QT_TRANSLATE_NOOP("Situation", "Greeting")),
    Situation.WELCOME_BACK: str(QT_TRANSLATE_NOOP("Situation", "Welcome back")),
    Situation.BIRTHDAY: str(QT_TRANSLATE_NOOP("Situation", "Birthday")),
    Situation.CONFIRM_UNDERSTANDING: str(
        QT_TRANSLATE_NOOP("Situation", "Confirming understanding")
    ),
    Situation.EMPATHY: str(QT_TRANSLATE_NOOP("Situation", "Empathy")),
    Situation.APOLOGY: str(QT_TRANSLATE_NOOP("Situation", "Apology")),
    Situation.ASKING_TO_WAIT: str(QT_TRANSLATE_NOOP("Situation", "Asking to wait")),
    Situation.THANKS_FOR_PATIENCE: str(QT_TRANSLATE_NOOP("Situation", "Thanks for patience")),
    Situation.REFUSING_POLITELY: str(QT_TRANSLATE_NOOP("Situation", "Refusing politely")),
    Situation.FAREWELL: str(QT_TRANSLATE_NOOP("Situation", "Farewell")),
    Situation.FOLLOW_UP_CALL: str(QT_TRANSLATE_NOOP("Situation", "Follow-up call")),
}
# Each language is named in its own script; only "All languages" is translated.
LANGUAGE_LABELS: Mapping[Language, str] = {
    Language.ANY: str(QT_TRANSLATE_NOOP("PhrasePicker", "All languages")),
    Language.EN: "English",
    Language.ZH_HANS: "简体中文",
    Language.ZH_HANT: "繁體中文",
}
PLACEHOLDER_LABELS: Mapping[str, str] = {
    "preferred_name": str(QT_TRANSLATE_NOOP("PhrasePicker", "Customer's name")),
    "name": str(QT_TRANSLATE_NOOP("PhrasePicker", "Customer's full name")),
    "agent_name": str(QT_TRANSLATE_NOOP("PhrasePicker", "Your name")),
    "store": str(QT_TRANSLATE_NOOP("PhrasePicker", "Store")),
    "summary": str(QT_TRANSLATE_NOOP("PhrasePicker", "Summary of the request")),
    "request": str(QT_TRANSLATE_NOOP("PhrasePicker", "The request")),
    "alternative": str(QT_TRANSLATE_NOOP("PhrasePicker", "What you can offer instead")),
    "last_purchase": str(QT_TRANSLATE_NOOP("PhrasePicker", "Last purchase")),
}
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
ITEM_PADDING = 6
DETAIL_GAP = 2
DETAIL_SCALE = 0.85


def placeholder_label(name: str) -> str:
    """How a placeholder is named to the agent (``last_purchase`` → "Last purchase"), in
    the interface language."""
    known = PLACEHOLDER_LABELS.get(name)
    if known:
        return QCoreApplication.translate("PhrasePicker", known)
    return name.replace("_", " ").strip().capitalize()


def situation_label(situation: Situation | None) -> str:
    """A situation's name in the interface language (None: "Any situation")."""
    if situation is None:
        return QCoreApplication.translate("Situation", "Any situation")
    known = SITUATION_LABELS.get(situation)
    return QCoreApplication.translate("Situation", known) if known else str(situation)


def language_label(language: Language) -> str:
    """A phrasebook language as listed in the picker (each in its own script)."""
    if language is Language.ANY:
        return QCoreApplication.translate("PhrasePicker", "All languages")
    return LANGUAGE_LABELS.get(language, language.value)


def preview_text(result: FillResult) -> str:
    """The filled text with each missing placeholder shown as ‹its label›."""
    text = result.text
    for start, end in reversed(result.missing_spans):
        name = text[start + 1 : end - 1]
        text = f"{text[:start]}‹{placeholder_label(name)}›{text[end:]}"
    return text


class _PhraseDelegate(QStyledItemDelegate):
    """Two parts per phrase: the phrase (wrapped), then its situation and language in a
    smaller, quieter font. Heights are measured with the fonts actually used (Chinese
    falls back to a CJK font with taller lines)."""

    _FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        main = QFont(option.font)
        detail = QFont(option.font)
        detail.setPointSizeF(max(main.pointSizeF() * DETAIL_SCALE, 7.0))
        return main, detail

    @classmethod
    def _heights(
        cls, option: QStyleOptionViewItem, text: str, detail: str, width: int
    ) -> tuple[int, int]:
        main_font, detail_font = cls._fonts(option)
        area = QRect(0, 0, width, 100_000)
        main = QFontMetrics(main_font).boundingRect(area, int(cls._FLAGS), text)
        small = QFontMetrics(detail_font).boundingRect(area, int(cls._FLAGS), detail)
        return main.height(), small.height()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = max(self._view.viewport().width() - 2 * ITEM_PADDING, 80)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        detail = str(index.data(DETAIL_ROLE) or "")
        main, small = self._heights(option, text, detail, width)
        return QSize(width + 2 * ITEM_PADDING, main + DETAIL_GAP + small + 2 * ITEM_PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        detail = str(index.data(DETAIL_ROLE) or "")
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect.adjusted(ITEM_PADDING, ITEM_PADDING, -ITEM_PADDING, -ITEM_PADDING)
        main_height, _small = self._heights(opt, text, detail, rect.width())
        main_font, detail_font = self._fonts(opt)
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(main_font)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        painter.drawText(rect, int(self._FLAGS), text)
        painter.setFont(detail_font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect.adjusted(0, main_height + DETAIL_GAP, 0, 0), int(self._FLAGS), detail)
        painter.restore()


class PhrasePicker(Retranslating, QDialog):
    """Pick an approved phrase; ``chosen(str)`` carries it with every placeholder filled.

    ``PhrasePicker(checker, situation=..., language=..., context=..., parent=...)``:
    ``situation`` and ``language`` select what is listed first (None / "" for all),
    ``context`` holds the placeholder values known on screen (``preferred_name``,
    ``agent_name``, ``store``, ``name``...). Open it with ``open()``.
    """

    chosen = Signal(str)

    def __init__(
        self,
        checker: PhraseChecker,
        *,
        situation: Situation | None = None,
        language: str = "",
        context: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phrasePicker")
        self._checker = checker
        self._context: dict[str, str] = dict(context or {})
        self._typed: dict[str, str] = {}
        self._entries: list[PhraseEntry] = []
        self._keys: list[str] = []
        self._shown_for: PhraseEntry | None = None
        self.placeholder_edits: dict[str, QLineEdit] = {}

        self.search = QLineEdit()
        self.search.setObjectName("phraseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._apply_filter)

        self.situation_combo = QComboBox()
        self.situation_combo.setObjectName("phraseSituation")
        self.situation_combo.addItem("", None)
        for value in SITUATION_LABELS:
            self.situation_combo.addItem(situation_label(value), value.value)
        index = self.situation_combo.findData(situation.value) if situation is not None else 0
        self.situation_combo.setCurrentIndex(max(index, 0))
        self.situation_combo.currentIndexChanged.connect(self._reload)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("phraseLanguage")
        for code in LANGUAGE_LABELS:
            self.language_combo.addItem(
                language_label(code), "" if code is Language.ANY else code.value
            )
        wanted = parse_language(language)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData("" if wanted is Language.ANY else wanted.value), 0)
        )
        self.language_combo.currentIndexChanged.connect(self._reload)

        self.phrases = QListWidget()
        self.phrases.setObjectName("phraseList")
        self.phrases.setItemDelegate(_PhraseDelegate(self.phrases))
        self.phrases.setWordWrap(True)
        self.phrases.setResizeMode(QListView.ResizeMode.Adjust)
        self.phrases.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.phrases.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.phrases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.phrases.setMinimumHeight(220)
        self.phrases.currentItemChanged.connect(self._current_changed)
        self.phrases.itemDoubleClicked.connect(lambda _item: self._activate())

        self.fields_heading = QLabel()
        self.fields_heading.setObjectName("placeholderHeading")
        self.fields = QWidget()
        self.fields.setObjectName("placeholderFields")
        self._fields_layout = QFormLayout(self.fields)
        self._fields_layout.setContentsMargins(0, 0, 0, 0)

        self.preview = QLabel()
        self.preview.setObjectName("phrasePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setStyleSheet(
            "QLabel#phrasePreview { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 6px; }"
        )
        self.status = QLabel()
        self.status.setObjectName("pickerStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: palette(placeholder-text);")

        buttons = QDialogButtonBox()
        self.insert_button = QPushButton()
        self.insert_button.setObjectName("insertPhraseButton")
        self.insert_button.setAutoDefault(False)
        self.insert_button.clicked.connect(self._activate)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelPickerButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addButton(self.insert_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        filters = QFormLayout()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        filters.addRow(self.search_label, self.search)
        choices = QHBoxLayout()
        choices.addWidget(self.situation_combo)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_combo)
        choices.addWidget(self.language_label)
        choices.addWidget(self.language_combo)
        choices.addStretch(1)
        self.situation_label = QLabel()
        self.situation_label.setBuddy(self.situation_combo)
        filters.addRow(self.situation_label, choices)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.phrases, 1)
        layout.addWidget(self.fields_heading)
        layout.addWidget(self.fields)
        layout.addWidget(self.preview)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(600, 520)

        self._rebuild_fields(None)
        checker.changed.connect(self._reload)
        self._reload()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.retranslate()

    def retranslate(self) -> None:
        """Labels, combos and the listed phrases' details in the interface language; the
        search, the selection and anything typed stay."""
        self.setWindowTitle(self.tr("Insert approved phrase"))
        self.search.setAccessibleName(self.tr("Search approved phrases"))
        self.search.setPlaceholderText(self.tr("Type to filter, e.g. sorry, wait, 抱歉"))
        self.situation_combo.setAccessibleName(self.tr("Situation"))
        for index in range(self.situation_combo.count()):
            value = self.situation_combo.itemData(index)
            self.situation_combo.setItemText(
                index, situation_label(Situation(value)) if value else self.tr("All situations")
            )
        self.language_combo.setAccessibleName(self.tr("Language"))
        for index in range(self.language_combo.count()):
            value = str(self.language_combo.itemData(index) or "")
            self.language_combo.setItemText(
                index, language_label(Language(value) if value else Language.ANY)
            )
        self.phrases.setAccessibleName(self.tr("Approved phrases"))
        self.fields_heading.setText(self.tr("Fill in before inserting:"))
        self.preview.setAccessibleName(self.tr("Text to insert"))
        self.insert_button.setText(self.tr("&Insert"))
        self.insert_button.setAccessibleName(self.tr("Insert the phrase"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Close without inserting"))
        self.search_label.setText(self.tr("&Search:"))
        self.language_label.setText(self.tr("&Language:"))
        self.situation_label.setText(self.tr("Si&tuation:"))
        for name, edit in self.placeholder_edits.items():
            edit.setAccessibleName(placeholder_label(name))
            edit.setPlaceholderText(self.tr("Required"))
            label = self._fields_layout.labelForField(edit)
            if isinstance(label, QLabel):
                label.setText(self.tr("{field}:").format(field=placeholder_label(name)))
        self._reload()

    # --- state ---------------------------------------------------------------------------

    @property
    def context(self) -> Mapping[str, str]:
        return dict(self._context)

    def visible_entries(self) -> list[PhraseEntry]:
        """The phrases listed now, in order."""
        return [
            self._entries[int(self.phrases.item(row).data(ENTRY_ROLE))]
            for row in range(self.phrases.count())
            if not self.phrases.item(row).isHidden()
        ]

    def current_entry(self) -> PhraseEntry | None:
        item = self.phrases.currentItem()
        if item is None or item.isHidden():
            return None
        return self._entries[int(item.data(ENTRY_ROLE))]

    def filled(self) -> FillResult | None:
        """The current phrase filled from the context and what the agent typed."""
        entry = self.current_entry()
        if entry is None:
            return None
        return fill(entry.text, {**self._context, **self._typed})

    # --- behaviour -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key()
            in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        ):
            QApplication.sendEvent(self.phrases, event)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._activate()
            event.accept()
            return
        super().keyPressEvent(event)

    def _activate(self) -> None:
        """Enter: insert when ready, else go to the first placeholder still empty."""
        result = self.filled()
        if result is None:
            return
        if not result.complete:
            for name in result.missing:
                edit = self.placeholder_edits.get(name)
                if edit is not None:
                    edit.setFocus(Qt.FocusReason.OtherFocusReason)
                    break
            return
        self.chosen.emit(result.text)
        self.accept()

    def _reload(self) -> None:
        """Fetch the phrases for the chosen situation and language, keep the selection."""
        previous = self.current_entry()
        value = self.situation_combo.currentData()
        situation = Situation(value) if value else None
        language = str(self.language_combo.currentData() or "")
        self._entries = self._checker.approved(situation, language)
        self._keys = []
        self.phrases.blockSignals(True)
        self.phrases.clear()
        for position, entry in enumerate(self._entries):
            shown = preview_text(fill(entry.text, self._context))
            detail = f"{situation_label(entry.situation)} · {language_label(entry.language)}"
            if entry.converted:
                # Rendered from a Simplified phrase; a trainer has not approved it yet.
                detail += " · " + self.tr("converted automatically")
            item = QListWidgetItem(shown)
            item.setData(DETAIL_ROLE, detail)
            item.setData(ENTRY_ROLE, position)
            if entry.reason:
                item.setToolTip(entry.reason)
            self.phrases.addItem(item)
            self._keys.append(normalise(f"{entry.text} {shown} {detail}"))
        self.phrases.blockSignals(False)
        self._apply_filter(keep=previous)

    def _apply_filter(self, _text: str = "", keep: PhraseEntry | None = None) -> None:
        tokens = normalise(self.search.text()).split()
        keep = keep or self.current_entry()
        first_visible: QListWidgetItem | None = None
        kept: QListWidgetItem | None = None
        for row in range(self.phrases.count()):
            item = self.phrases.item(row)
            key = self._keys[row]
            hidden = not all(token in key for token in tokens)
            item.setHidden(hidden)
            if hidden:
                continue
            first_visible = first_visible or item
            if keep is not None and self._entries[row] == keep:
                kept = item
        target = kept or first_visible
        if target is not None:
            self.phrases.setCurrentItem(target)
            self.phrases.scrollToItem(target)
        else:
            self.phrases.setCurrentRow(-1)
        self._show_current()

    def _current_changed(self, _current: QListWidgetItem | None, _previous: object) -> None:
        self._show_current()

    def _show_current(self) -> None:
        entry = self.current_entry()
        if entry is not self._shown_for:
            self._shown_for = entry
            self._rebuild_fields(entry)
        self._update_state()

    def _rebuild_fields(self, entry: PhraseEntry | None) -> None:
        while self._fields_layout.rowCount():
            self._fields_layout.removeRow(0)
        self.placeholder_edits = {}
        missing = fill(entry.text, self._context).missing if entry is not None else ()
        for name in missing:
            edit = QLineEdit(self._typed.get(name, ""))
            _name(edit, f"placeholder_{name}", placeholder_label(name))
            edit.setPlaceholderText(self.tr("Required"))
            edit.textEdited.connect(lambda text, key=name: self._typed_value(key, text))
            self._fields_layout.addRow(
                self.tr("{field}:").format(field=placeholder_label(name)), edit
            )
            self.placeholder_edits[name] = edit
        self.fields_heading.setVisible(bool(missing))
        self.fields.setVisible(bool(missing))
        edits: Sequence[QWidget] = list(self.placeholder_edits.values())
        chain = [
            self.search,
            self.situation_combo,
            self.language_combo,
            self.phrases,
            *edits,
            self.insert_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _typed_value(self, name: str, text: str) -> None:
        self._typed[name] = text
        self._update_state()

    def _update_state(self) -> None:
        result = self.filled()
        self.insert_button.setEnabled(result is not None and result.complete)
        if result is None:
            self.preview.setText("")
            self.preview.setVisible(False)
            if self.phrases.count():
                self.status.setText(
                    self.tr("No approved phrase matches “{search}”.").format(
                        search=self.search.text().strip()
                    )
                )
            else:
                self.status.setText(
                    self.tr(
                        "No approved phrases for this situation and language; "
                        "choose “All situations” or “All languages” to see more."
                    )
                )
            return
        self.preview.setVisible(True)
        self.preview.setText(preview_text(result))
        if result.complete:
            self.status.setText(self.tr("Enter inserts this phrase."))
        else:
            names = self.tr(", ").join(placeholder_label(name) for name in result.missing)
            self.status.setText(self.tr("To insert, fill in: {fields}.").format(fields=names))


def _name(widget: QWidget, object_name: str, accessible_name: str) -> None:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)

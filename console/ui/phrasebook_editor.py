"""The trainer's phrasebook editor: entries, a test bench, history, import and export.

:class:`PhrasebookEditor` is the window (or tab) in which trainers and managers keep the
brand's language: a table of approved phrases and taboo terms (filter by kind, language,
situation, severity and text), add / edit / delete through :class:`EntryForm`, bulk
import and export (CSV or JSON), a test bench that shows exactly what the book would flag
in a pasted text, and each entry's history with "Restore this version".

Rules kept here (the service enforces them too):

* Nothing is saved silently: a change the service refuses (``PhrasebookInvalid``) keeps
  the form open with what was typed and each problem shown under its field, naming the
  other entries involved. An import with any bad row imports nothing and lists every bad
  row with its line number.
* Agents may look and use the test bench but not change anything: the edit controls are
  disabled with a visible note, and the service refuses them as well.
* After every successful change the shared :class:`PhraseChecker` gets the active book's
  entries again, so every open checked editor re-highlights without a restart.

Keyboard: Ctrl+F filter, Insert or Ctrl+N add, Enter or F2 edit, Delete delete (in the
table), F5 reload. Background work goes through :class:`~console.ui.tasks.Tasks`;
dialogs are opened with ``open()``, never ``exec()``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import enum
import html
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain import scripts
from console.domain.messages import AboutEntry, EntryNumber
from console.domain.phrase_matcher import Finding, Problem, ProblemCode, normalise
from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.domain.scripts import missing_traditional
from console.services.phrasebooks import (
    NEW_ENTRY_LABEL,
    EntryNotFound,
    HistoryAction,
    HistoryRecord,
    ImportReport,
    PermissionDenied,
    PhrasebookError,
    PhrasebookFormatError,
    PhrasebookInfo,
    PhrasebookInvalid,
    PhrasebookNameTaken,
    PhrasebookNotFound,
    PhrasebookService,
    VersionNotRestorable,
)
from console.ui.checked_editor import SEVERITY_COLOURS, CheckedTextEdit
from console.ui.i18n import error_text, format_datetime, message_text
from console.ui.phrase_checker import PhraseChecker, staff_script
from console.ui.phrase_picker import SITUATION_LABELS
from console.ui.tasks import Tasks
from console.ui.widgets import (
    Retranslating,
    answer,
    fit_to_screen,
    message_label,
    name_widget,
    set_message,
)

E = TypeVar("E", bound=enum.StrEnum)

# Staff-facing labels are marked here and translated where shown, in context
# "Phrasebook" (situations use the phrase picker's context "Situation"). What the entries
# hold (phrases, terms, reasons, replacements) is data and is never translated.
READ_ONLY_NOTE = str(
    QT_TRANSLATE_NOOP("Phrasebook", "Only trainers and managers can change the phrasebook")
)
SEPARATOR = "|"
TEXT_FILTER_DELAY_MS = 150

KIND_LABELS: Mapping[EntryKind, str] = {
    EntryKind.APPROVED: str(QT_TRANSLATE_NOOP("Phrasebook", "Approved")),
    EntryKind.TABOO: str(QT_TRANSLATE_NOOP("Phrasebook", "Taboo")),
}
# Each language is named in its own script; only "Any language" is translated.
LANGUAGE_NAMES: Mapping[Language, str] = {
    Language.EN: "English",
    Language.ZH_HANS: "简体中文",
    Language.ZH_HANT: "繁體中文",
    Language.ANY: str(QT_TRANSLATE_NOOP("Phrasebook", "Any language")),
}
SEVERITY_NAMES: Mapping[Severity, str] = {
    Severity.BLOCK: str(QT_TRANSLATE_NOOP("Phrasebook", "Block")),
    Severity.WARN: str(QT_TRANSLATE_NOOP("Phrasebook", "Warn")),
    Severity.HINT: str(QT_TRANSLATE_NOOP("Phrasebook", "Hint")),
}
SEVERITY_CHOICES: Mapping[Severity, str] = {
    Severity.BLOCK: str(QT_TRANSLATE_NOOP("Phrasebook", "Block — cannot be sent until changed")),
    Severity.WARN: str(
        QT_TRANSLATE_NOOP("Phrasebook", "Warn — needs a confirmation before sending")
    ),
    Severity.HINT: str(QT_TRANSLATE_NOOP("Phrasebook", "Hint — only shown, never interrupts")),
}
ACTION_LABELS: Mapping[HistoryAction, str] = {
    HistoryAction.CREATE: str(QT_TRANSLATE_NOOP("Phrasebook", "Added")),
    HistoryAction.UPDATE: str(QT_TRANSLATE_NOOP("Phrasebook", "Edited")),
    HistoryAction.DELETE: str(QT_TRANSLATE_NOOP("Phrasebook", "Deleted")),
    HistoryAction.RESTORE: str(QT_TRANSLATE_NOOP("Phrasebook", "Restored")),
    HistoryAction.IMPORT: str(QT_TRANSLATE_NOOP("Phrasebook", "Imported")),
}
# Which form field a validation problem is about.
PROBLEM_FIELDS: Mapping[ProblemCode, str] = {
    ProblemCode.EMPTY_TEXT: "text",
    ProblemCode.MISSING_SEVERITY: "severity",
    ProblemCode.MISSING_SITUATION: "situation",
    ProblemCode.TABOO_IS_APPROVED: "text",
    ProblemCode.APPROVED_IS_FLAGGED: "text",
    ProblemCode.REPLACEMENT_IS_TABOO: "replacements",
    ProblemCode.DUPLICATE: "text",
    ProblemCode.EXCEPTION_WITHOUT_TERM: "exceptions",
    ProblemCode.SEPARATOR_IN_ITEM: "replacements",
}


# --- Plain helpers ------------------------------------------------------------------------


def quoted(text: str) -> str:
    return f"“{text}”"


def split_items(text: str) -> tuple[str, ...]:
    """``a | b || c`` → ``("a", "b", "c")``: items trimmed, empty ones dropped."""
    return tuple(item.strip() for item in text.split(SEPARATOR) if item.strip())


def join_items(items: Iterable[str]) -> str:
    return f" {SEPARATOR} ".join(items)


def situation_name(situation: Situation | None) -> str:
    """The situation's label in the interface language (the phrase picker's labels)."""
    if situation is None:
        return ""
    known = SITUATION_LABELS.get(situation)
    return QCoreApplication.translate("Situation", known) if known else str(situation)


def severity_name(severity: Severity | None) -> str:
    if severity is None:
        return ""
    return QCoreApplication.translate("Phrasebook", SEVERITY_NAMES[severity])


def severity_choice(severity: Severity) -> str:
    return QCoreApplication.translate("Phrasebook", SEVERITY_CHOICES[severity])


def kind_label(kind: EntryKind) -> str:
    return QCoreApplication.translate("Phrasebook", KIND_LABELS[kind])


def language_name(language: Language) -> str:
    """English / 简体中文 / 繁體中文 in their own script; "Any language" translated."""
    if language is Language.ANY:
        return QCoreApplication.translate("Phrasebook", LANGUAGE_NAMES[language])
    return LANGUAGE_NAMES[language]


def action_label(action: HistoryAction) -> str:
    return QCoreApplication.translate("Phrasebook", ACTION_LABELS[action])


def changed_text(when: dt.datetime | None) -> str:
    return format_datetime(when) if when is not None else ""


def entry_summary(entry: PhraseEntry) -> str:
    """``taboo “hey” (Warn, English)`` — how an entry is named in messages and history."""
    detail = (
        severity_name(entry.severity) if entry.is_taboo else situation_name(entry.situation)
    ) or "—"
    if entry.is_taboo:
        pattern = QCoreApplication.translate("Phrasebook", "taboo {text} ({detail}, {language})")
    else:
        pattern = QCoreApplication.translate("Phrasebook", "approved {text} ({detail}, {language})")
    return pattern.format(
        text=quoted(entry.text), detail=detail, language=language_name(entry.language)
    )


def approved_rendering(entry: PhraseEntry) -> PhraseEntry:
    """What saving an automatic rendering stores: the same words as an ordinary entry."""
    return dataclasses.replace(entry, id=None, converted_from="", source_id=None)


def content_of(entry: PhraseEntry) -> PhraseEntry:
    """The entry without id, author and time: what a version of it consists of."""
    return dataclasses.replace(entry, id=None, author="", changed_at=None)


def _field_values(entry: PhraseEntry) -> list[tuple[str, str]]:
    none = QCoreApplication.translate("Phrasebook", "none")
    kind = (
        QCoreApplication.translate("Phrasebook", "taboo")
        if entry.is_taboo
        else QCoreApplication.translate("Phrasebook", "approved")
    )
    variants = (
        QCoreApplication.translate("Phrasebook", "insensitive")
        if entry.variant_insensitive
        else QCoreApplication.translate("Phrasebook", "as written")
    )
    return [
        (QCoreApplication.translate("Phrasebook", "kind"), kind),
        (QCoreApplication.translate("Phrasebook", "language"), language_name(entry.language)),
        (QCoreApplication.translate("Phrasebook", "text"), quoted(entry.text)),
        (
            QCoreApplication.translate("Phrasebook", "severity"),
            severity_name(entry.severity) or none,
        ),
        (
            QCoreApplication.translate("Phrasebook", "situation"),
            situation_name(entry.situation) or none,
        ),
        (
            QCoreApplication.translate("Phrasebook", "replacements"),
            join_items(entry.replacements) or none,
        ),
        (
            QCoreApplication.translate("Phrasebook", "reason"),
            quoted(entry.reason) if entry.reason else none,
        ),
        (
            QCoreApplication.translate("Phrasebook", "exceptions"),
            join_items(entry.exceptions) or none,
        ),
        (QCoreApplication.translate("Phrasebook", "Simplified/Traditional"), variants),
    ]


def describe_change(before: PhraseEntry | None, after: PhraseEntry | None) -> str:
    """One line for a history row: what the change did (``text: “a” → “b”; …``)."""
    if before is None and after is None:
        return ""
    if before is None:
        assert after is not None
        return QCoreApplication.translate("Phrasebook", "new: {entry}").format(
            entry=entry_summary(after)
        )
    if after is None:
        return QCoreApplication.translate("Phrasebook", "removed: {entry}").format(
            entry=entry_summary(before)
        )
    pattern = QCoreApplication.translate("Phrasebook", "{field}: {old} → {new}")
    changes = [
        pattern.format(field=name, old=old, new=new)
        for (name, old), (_same, new) in zip(
            _field_values(before), _field_values(after), strict=True
        )
        if old != new
    ]
    separator = QCoreApplication.translate("Phrasebook", "; ")
    return separator.join(changes) or QCoreApplication.translate(
        "Phrasebook", "no change to {entry}"
    ).format(entry=entry_summary(after))


def finding_position(text: str, finding: Finding) -> str:
    """``line 2, col 5`` (1-based, in characters) for a finding in ``text``."""
    before = text[: finding.start]
    line = before.count("\n") + 1
    column = finding.start - (before.rfind("\n") + 1) + 1
    return QCoreApplication.translate("Phrasebook", "line {line}, col {column}").format(
        line=line, column=column
    )


def search_key(entry: PhraseEntry) -> str:
    """What the text filter looks in: folded like the matcher folds (case, width,
    Simplified/Traditional), so a filter typed in either script finds the entry."""
    parts = [
        entry.text,
        *entry.replacements,
        entry.reason,
        *entry.exceptions,
        entry.author,
        f"#{entry.id}" if entry.id is not None else "",
    ]
    return normalise("\n".join(parts))


def search_keys(entries: Sequence[PhraseEntry]) -> list[str]:
    return [search_key(entry) for entry in entries]


def safe_file_name(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" ._")
    return cleaned or "phrasebook"


def combo_value(combo: QComboBox, cls: type[E]) -> E | None:
    """The enum member stored as the current item's data (Qt hands a StrEnum back as a
    plain string), or None for an "all" item."""
    value = combo.currentData()
    if value is None:
        return None
    try:
        return cls(str(value))
    except ValueError:
        return None


def _button(object_name: str) -> QPushButton:
    """A button whose texts are set in ``retranslate()``."""
    button = QPushButton()
    button.setObjectName(object_name)
    button.setAutoDefault(False)
    return button


def _name(widget: QWidget, accessible_name: str, tip: str = "") -> None:
    widget.setAccessibleName(accessible_name)
    if tip:
        widget.setToolTip(tip)


def with_reason(render: Callable[[str], str], exc: BaseException) -> Callable[[], str]:
    """A message about a failure, made again (in the new language) on a switch."""
    return lambda: render(error_text(exc))


# --- The table model --------------------------------------------------------------------


class Column(enum.IntEnum):
    KIND = 0
    LANGUAGE = 1
    TEXT = 2
    SEVERITY = 3
    SITUATION = 4
    REPLACEMENTS = 5
    REASON = 6
    EXCEPTIONS = 7
    AUTHOR = 8
    CHANGED = 9


COLUMN_TITLES: Mapping[Column, str] = {
    Column.KIND: str(QT_TRANSLATE_NOOP("Phrasebook", "Kind")),
    Column.LANGUAGE: str(QT_TRANSLATE_NOOP("Phrasebook", "Language")),
    Column.TEXT: str(QT_TRANSLATE_NOOP("Phrasebook", "Text")),
    Column.SEVERITY: str(QT_TRANSLATE_NOOP("Phrasebook", "Severity")),
    Column.SITUATION: str(QT_TRANSLATE_NOOP("Phrasebook", "Situation")),
    Column.REPLACEMENTS: str(QT_TRANSLATE_NOOP("Phrasebook", "Replacements")),
    Column.REASON: str(QT_TRANSLATE_NOOP("Phrasebook", "Reason")),
    Column.EXCEPTIONS: str(QT_TRANSLATE_NOOP("Phrasebook", "Exceptions")),
    Column.AUTHOR: str(QT_TRANSLATE_NOOP("Phrasebook", "Author")),
    Column.CHANGED: str(QT_TRANSLATE_NOOP("Phrasebook", "Last change")),
}
COLUMN_WIDTHS: Mapping[Column, int] = {
    Column.KIND: 78,
    Column.LANGUAGE: 96,
    Column.TEXT: 250,
    Column.SEVERITY: 70,
    Column.SITUATION: 150,
    Column.REPLACEMENTS: 220,
    Column.REASON: 280,
    Column.EXCEPTIONS: 120,
    Column.AUTHOR: 120,
    Column.CHANGED: 124,
}

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's :class:`PhraseEntry`."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""A value that sorts the column sensibly (severity by rank, times chronologically)."""

_ROOT = QModelIndex()


def reason_for_staff(reason: str, region: str = "") -> str:
    """A reason (staff read it) in the script of the interface: a Simplified reason is
    rendered Traditional for 繁體 staff (OpenCC, as the store's region writes it)."""
    return scripts.in_script(reason, staff_script(), region) if reason else reason


def _cell_text(entry: PhraseEntry, column: Column) -> str:
    match column:
        case Column.KIND:
            return kind_label(entry.kind)
        case Column.LANGUAGE:
            if entry.converted:
                return QCoreApplication.translate(
                    "Phrasebook", "{language} (converted automatically)"
                ).format(language=language_name(entry.language))
            return language_name(entry.language)
        case Column.TEXT:
            return entry.text
        case Column.SEVERITY:
            return severity_name(entry.severity)
        case Column.SITUATION:
            return situation_name(entry.situation)
        case Column.REPLACEMENTS:
            return join_items(entry.replacements)
        case Column.REASON:
            return entry.reason
        case Column.EXCEPTIONS:
            return join_items(entry.exceptions)
        case Column.AUTHOR:
            return entry.author
        case Column.CHANGED:
            return changed_text(entry.changed_at)


class PhraseEntryModel(QAbstractTableModel):
    """The entries of one phrasebook, one row each (read-only; edits go through the
    service and the model is given the book again)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[PhraseEntry] = []
        self._keys: list[str] = []
        self._rows: dict[int, int] = {}
        self.region = ""  # the store's, for reasons rendered in the staff's script

    def set_entries(
        self, entries: Sequence[PhraseEntry], keys: Sequence[str] | None = None
    ) -> None:
        """Show ``entries``; ``keys`` are their :func:`search_key` (computed if None)."""
        self.beginResetModel()
        self._entries = list(entries)
        self._keys = list(keys) if keys is not None else search_keys(self._entries)
        self._rows = {
            entry.id: row for row, entry in enumerate(self._entries) if entry.id is not None
        }
        self.endResetModel()

    @property
    def entries(self) -> tuple[PhraseEntry, ...]:
        return tuple(self._entries)

    def entry(self, row: int) -> PhraseEntry:
        return self._entries[row]

    def search_key(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, entry_id: int) -> int:
        """The row of entry ``entry_id``, or -1."""
        return self._rows.get(entry_id, -1)

    def by_id(self, entry_id: int | None) -> PhraseEntry | None:
        if entry_id is None:
            return None
        row = self.row_of(entry_id)
        return self._entries[row] if row >= 0 else None

    def retranslate(self) -> None:
        """The interface language changed: headers and cells are shown again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._entries) - 1, len(Column) - 1)
            )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return QCoreApplication.translate("Phrasebook", COLUMN_TITLES[Column(section)])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if not 0 <= index.column() < len(Column):
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.REASON:
                return reason_for_staff(entry.reason, self.region)
            return _cell_text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.SEVERITY and entry.severity is not None:
                return QColor(SEVERITY_COLOURS[entry.severity])
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _cell_text(entry, column) or self.tr("none")
        if role == ENTRY_ROLE:
            return entry
        if role == SORT_ROLE:
            if column is Column.SEVERITY:
                return entry.severity.rank if entry.severity is not None else len(Severity)
            if column is Column.CHANGED:
                return entry.changed_at.isoformat() if entry.changed_at is not None else ""
            return _cell_text(entry, column).casefold()
        return None

    def _tooltip(self, entry: PhraseEntry, column: Column) -> str | None:
        if column is Column.REASON and entry.reason:
            shown = reason_for_staff(entry.reason, self.region)
            if shown != entry.reason:  # marked: the trainer wrote it in the other script
                return self.tr(
                    "{reason}\n\nConverted automatically from “{text}” for Traditional-script "
                    "staff."
                ).format(reason=shown, text=entry.reason)
        if column is Column.SEVERITY and entry.severity is not None:
            return severity_choice(entry.severity)
        if entry.converted and column in (Column.LANGUAGE, Column.TEXT):
            return self.tr(
                "Converted automatically from the Simplified entry “{text}” for "
                "Traditional-script customers. Edit it (Enter) to approve or correct it: "
                "saving makes it a Traditional entry of its own."
            ).format(text=entry.converted_from)
        if column is Column.LANGUAGE:
            return entry.language.value
        if column is Column.TEXT and entry.id is not None:
            if entry.variant_insensitive:
                about = self.tr("entry #{id}").format(id=entry.id)
            else:
                about = self.tr("entry #{id} (Simplified/Traditional as written)").format(
                    id=entry.id
                )
            return f"{entry.text}\n\n{about}"
        return _cell_text(entry, column) or None


class EntryFilterModel(QSortFilterProxyModel):
    """Filters a :class:`PhraseEntryModel` by kind, language, situation, severity and a
    text (searched in text, replacements, reason, exceptions, author and ``#id``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind: EntryKind | None = None
        self.language: Language | None = None
        self.situation: Situation | None = None
        self.severity: Severity | None = None
        self.text = ""
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filters(
        self,
        *,
        kind: EntryKind | None,
        language: Language | None,
        situation: Situation | None,
        severity: Severity | None,
        text: str,
    ) -> None:
        self.beginFilterChange()
        self.kind = kind
        self.language = language
        self.situation = situation
        self.severity = severity
        self.text = text
        self._needle = normalise(text.strip()) if text.strip() else ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def active(self) -> bool:
        return any(
            value is not None for value in (self.kind, self.language, self.situation, self.severity)
        ) or bool(self._needle)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PhraseEntryModel) or source_parent.isValid():
            return True
        entry = model.entry(source_row)
        if self.kind is not None and entry.kind is not self.kind:
            return False
        if self.language is not None and entry.language is not self.language:
            return False
        if self.situation is not None and entry.situation is not self.situation:
            return False
        if self.severity is not None and entry.severity is not self.severity:
            return False
        return not self._needle or self._needle in model.search_key(source_row)


# --- The entry form -----------------------------------------------------------------------


class EntryForm(Retranslating, QDialog):
    """Add or edit one entry; the fields follow the kind (severity, replacements,
    exceptions and the Simplified/Traditional switch for taboo terms; situation for
    approved phrases).

    Saving goes through the service; a refusal keeps the dialog open with everything
    typed, each problem under its field and the other entries involved named.
    ``open()`` it and connect :attr:`saved` (the entry as stored).
    """

    saved = Signal(object)

    def __init__(
        self,
        service: PhrasebookService,
        *,
        book: str,
        entry: PhraseEntry | None = None,
        defaults: PhraseEntry | None = None,
        lookup: Callable[[int | None], PhraseEntry | None] = lambda _id: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._book = book
        self._original = entry
        self._lookup = lookup
        self._tasks = Tasks(on_error=self._failed)
        self.setObjectName("entryForm")
        self._problems: list[Problem] = []
        self._summary: Callable[[], str] | None = None
        start = (
            entry or defaults or PhraseEntry(kind=EntryKind.TABOO, language=Language.EN, text="")
        )

        self.kind = QComboBox()
        self.kind.setObjectName("entryKind")
        for kind in (EntryKind.TABOO, EntryKind.APPROVED):
            self.kind.addItem("", kind.value)
        self.language = QComboBox()
        self.language.setObjectName("entryLanguage")
        for language in LANGUAGE_NAMES:
            self.language.addItem("", language.value)
        self.text = QLineEdit()
        self.text.setObjectName("entryText")
        self.text.setMinimumWidth(420)
        self.severity = QComboBox()
        self.severity.setObjectName("entrySeverity")
        for severity in SEVERITY_CHOICES:
            self.severity.addItem("", severity.value)
        self.situation = QComboBox()
        self.situation.setObjectName("entrySituation")
        for situation in Situation:
            self.situation.addItem("", situation.value)
        self.replacements = QLineEdit()
        self.replacements.setObjectName("entryReplacements")
        self.exceptions = QLineEdit()
        self.exceptions.setObjectName("entryExceptions")
        self.reason = QLineEdit()
        self.reason.setObjectName("entryReason")
        self.variant_insensitive = QCheckBox()
        self.variant_insensitive.setObjectName("entryVariantInsensitive")

        self._messages: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        self._captions: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._form = form
        for key, field in (
            ("kind", self.kind),
            ("language", self.language),
            ("text", self.text),
            ("severity", self.severity),
            ("situation", self.situation),
            ("replacements", self.replacements),
            ("reason", self.reason),
            ("exceptions", self.exceptions),
            ("variants", self.variant_insensitive),
        ):
            container = QWidget()
            column = QVBoxLayout(container)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field)
            message = message_label(f"entry{key.capitalize()}Message")
            column.addWidget(message)
            self._messages[key] = message
            self._rows[key] = container
            if key != "variants":
                caption = QLabel()
                caption.setBuddy(field)
                self._captions[key] = caption
                form.addRow(caption, container)
            else:
                form.addRow(container)
            container.setFocusProxy(field)

        self.problems = message_label("entryProblems")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("entrySaveButton")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("entryCancelButton")
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self.retranslate()
        self._fill(start)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for key, edit in (
            ("text", self.text),
            ("replacements", self.replacements),
            ("exceptions", self.exceptions),
            ("reason", self.reason),
        ):
            edit.textChanged.connect(lambda _t, k=key: self._clear_message(k))
        for key, combo in (
            ("severity", self.severity),
            ("situation", self.situation),
            ("language", self.language),
        ):
            combo.currentIndexChanged.connect(lambda _i, k=key: self._clear_message(k))
        self._kind_changed()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        """Every label in the interface language; what is typed and chosen stays."""
        editing = self.editing
        if editing is not None:
            self.setWindowTitle(self.tr("Edit entry #{id}").format(id=editing.id))
        else:
            self.setWindowTitle(self.tr("New phrasebook entry"))
        self.setAccessibleName(self.windowTitle())
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.setItemText(0, self.tr("Taboo term — flag it when staff write it"))
        self.kind.setItemText(1, self.tr("Approved phrase — offer it in the phrase picker"))
        self.language.setAccessibleName(self.tr("Language"))
        for row, language in enumerate(LANGUAGE_NAMES):
            self.language.setItemText(row, f"{language_name(language)} ({language.value})")
        self.text.setAccessibleName(self.tr("Text"))
        self.severity.setAccessibleName(self.tr("Severity"))
        for row, severity in enumerate(SEVERITY_CHOICES):
            self.severity.setItemText(row, severity_choice(severity))
        self.situation.setAccessibleName(self.tr("Situation"))
        for row, situation in enumerate(Situation):
            self.situation.setItemText(row, situation_name(situation))
        self.replacements.setAccessibleName(self.tr("Replacements, separated by |"))
        self.replacements.setPlaceholderText(self.tr("Certainly | Of course | 好的，马上为您办理"))
        self.exceptions.setAccessibleName(self.tr("Exceptions, separated by |"))
        self.exceptions.setPlaceholderText(
            self.tr("Longer phrases in which the term is fine: No Problem Tea")
        )
        self.variant_insensitive.setText(self.tr("Si&mplified/Traditional-insensitive"))
        self.variant_insensitive.setAccessibleName(
            self.tr("Match Simplified and Traditional Chinese alike")
        )
        self.variant_insensitive.setToolTip(
            self.tr(
                "When ticked, 这里就是这样的 also flags 這裡就是這樣的 (and the other way round)."
            )
        )
        captions = {
            "kind": self.tr("&Kind:"),
            "language": self.tr("&Language:"),
            "text": self.tr("&Text:"),
            "severity": self.tr("Se&verity:"),
            "situation": self.tr("Sit&uation:"),
            "replacements": self.tr("&Replacements:"),
            "reason": self.tr("R&eason:"),
            "exceptions": self.tr("E&xceptions:"),
        }
        for key, caption in captions.items():
            self._captions[key].setText(caption)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save entry"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self._kind_texts()
        if self._summary is not None:
            self._show_summary(self._summary)

    # --- what the form holds ----------------------------------------------------------

    @property
    def editing(self) -> PhraseEntry | None:
        """The stored entry being edited (None for a new one)."""
        return self._original if self._original is not None and self._original.id else None

    def _fill(self, entry: PhraseEntry) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(entry.kind), 0))
        self.language.setCurrentIndex(max(self.language.findData(entry.language), 0))
        self.text.setText(entry.text)
        self.severity.setCurrentIndex(
            max(self.severity.findData(entry.severity or Severity.WARN), 0)
        )
        self.situation.setCurrentIndex(
            max(self.situation.findData(entry.situation or Situation.GREETING), 0)
        )
        self.replacements.setText(join_items(entry.replacements))
        self.exceptions.setText(join_items(entry.exceptions))
        self.reason.setText(entry.reason)
        self.variant_insensitive.setChecked(entry.variant_insensitive)

    def current_kind(self) -> EntryKind:
        return combo_value(self.kind, EntryKind) or EntryKind.TABOO

    def entry(self) -> PhraseEntry:
        """The entry as typed (fields of the other kind left out)."""
        kind = self.current_kind()
        taboo = kind is EntryKind.TABOO
        return PhraseEntry(
            kind=kind,
            language=combo_value(self.language, Language) or Language.ANY,
            text=self.text.text(),
            severity=combo_value(self.severity, Severity) if taboo else None,
            replacements=split_items(self.replacements.text()) if taboo else (),
            reason=self.reason.text(),
            situation=combo_value(self.situation, Situation) if not taboo else None,
            exceptions=split_items(self.exceptions.text()) if taboo else (),
            variant_insensitive=self.variant_insensitive.isChecked() if taboo else True,
        )

    def _kind_changed(self) -> None:
        taboo = self.current_kind() is EntryKind.TABOO
        for key in ("severity", "replacements", "exceptions", "variants"):
            self._form.setRowVisible(self._rows[key], taboo)
        self._form.setRowVisible(self._rows["situation"], not taboo)
        self._kind_texts()
        self.adjustSize()

    def _kind_texts(self) -> None:
        """The hints that depend on the kind chosen."""
        taboo = self.current_kind() is EntryKind.TABOO
        self.text.setPlaceholderText(
            self.tr("The word or phrase staff should not use: no problem, 不知道")
            if taboo
            else self.tr("The phrase, with {preferred_name}, {agent_name} or {store} where they go")
        )
        self.reason.setPlaceholderText(
            self.tr("Why: shown to staff next to the flagged wording")
            if taboo
            else self.tr("A note for staff on when to use it (optional)")
        )
        self.reason.setAccessibleName(
            self.tr("Reason shown to staff") if taboo else self.tr("Note for staff")
        )

    # --- saving -------------------------------------------------------------------------

    def submit(self) -> None:
        """Save (Enter or the Save button): runs in the background."""
        if self._tasks.pending:
            return
        self._tasks.start(self.save(), name="save")

    async def save(self) -> PhraseEntry | None:
        """Send the entry to the service; the stored entry, or None when refused (the
        reasons are then shown in the form, which keeps what was typed)."""
        self._clear_messages()
        self.save_button.setEnabled(False)
        set_message(self.problems, self.tr("Saving…"), error=False)
        try:
            typed = self.entry()
            editing = self.editing
            if editing is not None and editing.id is not None:
                stored = await self._service.update_entry(editing.id, typed)
            else:
                stored = await self._service.add_entry(typed, book=self._book)
        except PhrasebookInvalid as exc:
            self.show_problems(exc.problems)
            return None
        except (PermissionDenied, EntryNotFound, PhrasebookError, ValueError) as exc:
            self._show_summary(
                with_reason(
                    lambda reason: self.tr("Not saved: {reason}").format(reason=reason), exc
                )
            )
            return None
        finally:
            self.save_button.setEnabled(True)
        self._summary = None
        set_message(self.problems, "", error=False)
        self.saved.emit(stored)
        self.accept()
        return stored

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each problem under the field it is about, and a summary naming the entries."""
        own = self.editing.id if self.editing is not None else None
        own_label = NEW_ENTRY_LABEL if own is None else EntryNumber(own)
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            said = problem.message
            if isinstance(said, AboutEntry) and said.entry == own_label:
                # under its field it is plainly about this entry
                message = message_text(said.what)
                message = message[:1].upper() + message[1:]
            else:
                message = message_text(said)
            by_field.setdefault(PROBLEM_FIELDS.get(problem.code, "text"), []).append(message)
        for key, messages in by_field.items():
            if messages and key in self._messages:
                set_message(self._messages[key], "\n".join(messages), error=True)
                self._field_widget(key).setAccessibleDescription(" ".join(messages))
        self._problems = list(problems)
        self._show_summary(self._problems_summary)
        self._fit()
        first = next(
            (
                key
                for key in ("text", "severity", "situation", "replacements", "exceptions")
                if key in by_field
            ),
            "text",
        )
        self._field_widget(first).setFocus(Qt.FocusReason.OtherFocusReason)

    def _problems_summary(self) -> str:
        """``Not saved: 2 problems.`` and the other entries involved, in the interface
        language (the problems' own wording comes from the service)."""
        own = self.editing.id if self.editing is not None else None
        involved: list[str] = []
        for problem in self._problems:
            for entry_id in problem.entry_ids:
                other = self._lookup(entry_id) if entry_id != own else None
                line = (
                    self.tr("entry #{id}: {entry}").format(id=entry_id, entry=entry_summary(other))
                    if other
                    else ""
                )
                if line and line not in involved:
                    involved.append(line)
        count = len(self._problems)
        summary = (
            self.tr("Not saved: 1 problem.")
            if count == 1
            else self.tr("Not saved: %n problems.", "", count)
        )
        if involved:
            summary += "\n" + self.tr("Also involved:") + "\n"
            summary += "\n".join(f"• {line}" for line in involved)
        return summary

    def _fit(self) -> None:
        """Grow to show every message in full (wrapped labels need their height for the
        dialog's width, which a top-level layout does not work out by itself)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        width = self.width()
        self.adjustSize()
        self.resize(max(width, self.width()), self.height())

    def message(self, key: str) -> str:
        """The message shown under field ``key`` (``text``, ``replacements``, …)."""
        label = self._messages[key]
        return label.text() if label.isVisibleTo(self) else ""

    def _field_widget(self, key: str) -> QWidget:
        focus = self._rows[key].focusProxy()
        return focus if focus is not None else self._rows[key]

    def _show_summary(self, render: Callable[[], str]) -> None:
        """Show the summary ``render()`` makes (made again when the language changes)."""
        self._summary = render
        text = render()
        set_message(self.problems, text, error=True)
        self.setAccessibleDescription(text)
        self._fit()

    def _clear_message(self, key: str) -> None:
        if key in self._messages:
            set_message(self._messages[key], "", error=True)
            self._field_widget(key).setAccessibleDescription("")

    def _clear_messages(self) -> None:
        for key in self._messages:
            self._clear_message(key)
        self._summary = None
        set_message(self.problems, "", error=True)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._show_summary(
            with_reason(lambda reason: self.tr("Not saved: {reason}").format(reason=reason), exc)
        )


# --- The editor -------------------------------------------------------------------------


class PhrasebookEditor(Retranslating, QWidget):
    """The trainer's editor for the phrasebooks (``PhrasebookEditor(service, checker)``,
    then ``await load()``).

    Signals: ``loaded()`` after the shown book was (re)read; ``changed()`` after a change
    was saved and the shared checker was given the active book again.
    """

    loaded = Signal()
    changed = Signal()

    def __init__(
        self,
        service: PhrasebookService,
        checker: PhraseChecker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._checker = checker
        self._tasks = Tasks(on_error=self._task_failed)
        self._bench_checker = PhraseChecker(parent=self)
        # The book's stored entries, the automatic Traditional renderings of its
        # Simplified-only ones (listed with the Traditional filter), their search keys.
        self._stored: list[PhraseEntry] = []
        self._renderings: list[PhraseEntry] = []
        self._keys: list[str] = []
        self._renderings_shown = False
        self._books: list[PhrasebookInfo] = []
        self._book: str | None = None
        self._active: str = ""
        self._version = -1
        self._can_edit = False
        self._loaded = False
        self._history: list[HistoryRecord] = []
        self._form: EntryForm | None = None
        self._status: Callable[[], str] | None = None
        self._status_error = False
        self._report_title: Callable[[], str] | None = None
        self._history_title: Callable[[], str] = lambda: self.tr(
            "Select an entry to see its history."
        )
        self._last_dir = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        self.setObjectName("phrasebookEditor")

        self._build_actions()
        self._build_book_bar()
        self._build_report()
        self._build_filters()
        self._build_table()
        self._build_bench()
        self._build_history()
        self._build_layout()
        self._set_tab_order()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface language; filters, selection, the bench text,
        the history shown and any open form stay as they are."""
        self.setAccessibleName(self.tr("Phrasebook editor"))
        self.setWindowTitle(self.tr("Phrasebook"))
        self.add_action.setText(self.tr("Add entry"))
        self.edit_action.setText(self.tr("Edit entry"))
        self.delete_action.setText(self.tr("Delete entry"))
        self.find_action.setText(self.tr("Filter"))
        self.reload_action.setText(self.tr("Reload"))

        self.book_combo.setAccessibleName(self.tr("Phrasebook"))
        self.book_label.setText(self.tr("&Phrasebook:"))
        self.make_active_button.setText(self.tr("Make ac&tive"))
        _name(
            self.make_active_button,
            self.tr("Make this the active phrasebook"),
            self.tr("Check what staff write against this phrasebook"),
        )
        self.new_book_button.setText(self.tr("&New phrasebook…"))
        _name(self.new_book_button, self.tr("New phrasebook"), self.tr("One phrasebook per brand"))
        self.import_button.setText(self.tr("&Import…"))
        _name(
            self.import_button,
            self.tr("Import phrasebook file"),
            self.tr("Replace this phrasebook's entries with a CSV or JSON file"),
        )
        self.export_button.setText(self.tr("E&xport…"))
        _name(self.export_button, self.tr("Export phrasebook file"), self.tr("Save as CSV or JSON"))
        note = QCoreApplication.translate("Phrasebook", READ_ONLY_NOTE)
        self.role_note.setText(self.tr("{note}.").format(note=note))
        self.role_note.setAccessibleName(note)

        self.report_list.setAccessibleName(self.tr("Problems"))
        self.report_close.setText(self.tr("Dismiss"))
        _name(self.report_close, self.tr("Dismiss the problems"))

        self._filter_label.setText(self.tr("&Filter:"))
        self.kind_filter.setAccessibleName(self.tr("Filter by kind"))
        self.kind_filter.setItemText(0, self.tr("All kinds"))
        for row, kind in enumerate((EntryKind.APPROVED, EntryKind.TABOO), start=1):
            self.kind_filter.setItemText(row, kind_label(kind))
        self.language_filter.setAccessibleName(self.tr("Filter by language"))
        self.language_filter.setItemText(0, self.tr("All languages"))
        for row, language in enumerate(LANGUAGE_NAMES, start=1):
            self.language_filter.setItemText(row, language_name(language))
        self.situation_filter.setAccessibleName(self.tr("Filter by situation"))
        self.situation_filter.setItemText(0, self.tr("All situations"))
        for row, situation in enumerate(Situation, start=1):
            self.situation_filter.setItemText(row, situation_name(situation))
        self.severity_filter.setAccessibleName(self.tr("Filter by severity"))
        self.severity_filter.setItemText(0, self.tr("All severities"))
        for row, severity in enumerate(Severity, start=1):
            self.severity_filter.setItemText(row, severity_name(severity))
        self.text_filter.setAccessibleName(self.tr("Filter by text"))
        self.text_filter.setPlaceholderText(
            self.tr("Filter text, replacements, reasons, #id…  (Ctrl+F)")
        )
        for clear in self.text_filter.findChildren(QToolButton):
            clear.setAccessibleName(self.tr("Clear the text filter"))
        self.clear_filters_button.setText(self.tr("Clear filters"))
        _name(self.clear_filters_button, self.tr("Clear all filters"))

        self.table.setAccessibleName(self.tr("Phrasebook entries"))
        self.model.retranslate()
        self.add_button.setText(self.tr("&Add…"))
        self.add_button.setAccessibleName(self.tr("Add entry"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit entry"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete entry"))

        self.bench_group.setTitle(self.tr("Test bench"))
        self.bench.setAccessibleName(self.tr("Test bench text"))
        self.bench.setPlaceholderText(
            self.tr(
                "Paste or type what staff might write, in any language, to see what this "
                "phrasebook flags and why."
            )
        )
        self.findings.setAccessibleName(self.tr("What would be flagged"))
        self.findings.setHeaderLabels(
            [
                self.tr("Typed"),
                self.tr("Position"),
                self.tr("Term"),
                self.tr("Severity"),
                self.tr("Reason"),
                self.tr("Say instead"),
            ]
        )

        self.history_group.setTitle(self.tr("History"))
        self._scope_label.setText(self.tr("Sho&w:"))
        self.history_scope.setAccessibleName(self.tr("Show history of"))
        self.history_scope.setItemText(0, self.tr("Selected entry"))
        self.history_scope.setItemText(1, self.tr("Whole phrasebook (latest 100)"))
        self.history_list.setAccessibleName(self.tr("History"))
        self.history_list.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Before → after")]
        )
        self.restore_button.setText(self.tr("&Restore this version"))
        self.restore_button.setAccessibleName(self.tr("Restore this version"))

        # What is shown from data: made again from what the editor holds.
        if self._books:
            self._fill_books()
        self._bench_label_text()
        if self._report_title is not None:
            self._show_report_title()
        if self._status is not None:
            self._show_status_text()
        self._update_count()
        self._list_findings(keep_row=True)
        self._render_history()
        self._update_actions()

    # --- building ------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(name: str, keys: Sequence[QKeySequence], context: Qt.ShortcutContext) -> QAction:
            made = QAction(self)
            made.setObjectName(name)
            made.setShortcuts(list(keys))
            made.setShortcutContext(context)
            return made

        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        table_only = Qt.ShortcutContext.WidgetShortcut
        self.add_action = action(
            "addEntryAction",
            [QKeySequence(Qt.Key.Key_Insert), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N)],
            within,
        )
        self.add_action.triggered.connect(self.add_entry)
        self.edit_action = action(
            "editEntryAction",
            [
                QKeySequence(Qt.Key.Key_Return),
                QKeySequence(Qt.Key.Key_Enter),
                QKeySequence(Qt.Key.Key_F2),
            ],
            table_only,
        )
        self.edit_action.triggered.connect(self.edit_entry)
        self.delete_action = action(
            "deleteEntryAction", [QKeySequence(Qt.Key.Key_Delete)], table_only
        )
        self.delete_action.triggered.connect(self.delete_entry)
        self.find_action = action(
            "filterAction", [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F)], within
        )
        self.find_action.triggered.connect(self.focus_filter)
        self.reload_action = action("reloadAction", [QKeySequence(Qt.Key.Key_F5)], within)
        self.reload_action.triggered.connect(self.reload)
        self.addAction(self.add_action)
        self.addAction(self.find_action)
        self.addAction(self.reload_action)

    def _build_book_bar(self) -> None:
        self.book_combo = QComboBox()
        self.book_combo.setObjectName("bookCombo")
        self.book_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.book_combo.setMinimumContentsLength(16)
        self.book_combo.currentIndexChanged.connect(self._book_chosen)
        self.book_label = QLabel()
        self.book_label.setBuddy(self.book_combo)
        self.book_note = QLabel()
        self.book_note.setObjectName("bookNote")
        self.make_active_button = _button("makeActiveButton")
        self.make_active_button.clicked.connect(self.make_active)
        self.new_book_button = _button("newBookButton")
        self.new_book_button.clicked.connect(self.new_phrasebook)
        self.import_button = _button("importButton")
        self.import_button.clicked.connect(self.choose_import_file)
        self.export_button = _button("exportButton")
        self.export_button.clicked.connect(self.choose_export_file)

        self.role_note = QLabel()
        self.role_note.setObjectName("roleNote")
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet(
            "QLabel { background: palette(tool-tip-base); color: palette(tool-tip-text);"
            " border: 1px solid palette(mid); border-radius: 3px; padding: 4px 8px; }"
        )
        self.role_note.setVisible(False)

    def _build_report(self) -> None:
        self.report = QFrame()
        self.report.setObjectName("reportPanel")
        self.report.setFrameShape(QFrame.Shape.StyledPanel)
        self.report_title = QLabel()
        self.report_title.setObjectName("reportTitle")
        self.report_title.setWordWrap(True)
        self.report_title.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.report_list = QListWidget()
        self.report_list.setObjectName("reportList")
        self.report_list.setMaximumHeight(110)
        self.report_list.itemActivated.connect(self._report_item_activated)
        self.report_close = _button("reportDismissButton")
        self.report_close.clicked.connect(self.hide_report)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.report_title, 1)
        top.addWidget(self.report_close)
        column = QVBoxLayout(self.report)
        column.setContentsMargins(8, 6, 8, 6)
        column.addLayout(top)
        column.addWidget(self.report_list)
        self.report.setVisible(False)

    def _build_filters(self) -> None:
        def combo(name: str, values: Iterable[str]) -> QComboBox:
            made = QComboBox()
            made.setObjectName(name)
            made.addItem("", None)  # all of them
            for value in values:
                made.addItem("", value)
            made.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            made.currentIndexChanged.connect(self._apply_filters)
            return made

        self.kind_filter = combo(
            "kindFilter", [kind.value for kind in (EntryKind.APPROVED, EntryKind.TABOO)]
        )
        self.language_filter = combo("languageFilter", [lang.value for lang in LANGUAGE_NAMES])
        self.situation_filter = combo(
            "situationFilter", [situation.value for situation in Situation]
        )
        self.severity_filter = combo("severityFilter", [severity.value for severity in Severity])
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("textFilter")
        self.text_filter.setClearButtonEnabled(True)
        for clear in self.text_filter.findChildren(QToolButton):
            clear.setObjectName("clearTextFilterButton")
        self.text_filter.setMinimumWidth(220)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(TEXT_FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filters)
        self.text_filter.textChanged.connect(lambda _text: self._filter_timer.start())
        self.text_filter.returnPressed.connect(self._apply_filters)
        self.clear_filters_button = _button("clearFiltersButton")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

    def _build_table(self) -> None:
        self.model = PhraseEntryModel(self)
        self.proxy = EntryFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("entriesTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(True)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.addAction(self.edit_action)
        self.table.addAction(self.delete_action)
        self.table.doubleClicked.connect(lambda _index: self.edit_entry())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self.add_button = _button("addButton")
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button = _button("editButton")
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button = _button("deleteButton")
        self.delete_button.clicked.connect(self.delete_entry)
        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _build_bench(self) -> None:
        self.bench = CheckedTextEdit(self._bench_checker, self)
        self.bench.setObjectName("benchEdit")
        self.bench.textChanged.connect(self.refresh_findings)
        self._bench_checker.changed.connect(self.refresh_findings)
        self.bench_label = QLabel()
        self.bench_label.setObjectName("benchLabel")
        self.bench_label.setBuddy(self.bench)
        self.bench_summary = QLabel()
        self.bench_summary.setObjectName("benchSummary")
        self.findings = QTreeWidget()
        self.findings.setObjectName("benchFindings")
        self.findings.setRootIsDecorated(False)
        self.findings.setAlternatingRowColors(True)
        self.findings.setUniformRowHeights(True)
        self.findings.setColumnCount(6)
        for column, width in enumerate((110, 100, 110, 70, 260, 220)):
            self.findings.setColumnWidth(column, width)
        self.findings.currentItemChanged.connect(self._finding_chosen)
        self.findings.itemActivated.connect(self._finding_activated)
        # The chosen finding in full (Reason and "Say instead" are cut in the columns).
        self.finding_detail = QLabel()
        self.finding_detail.setObjectName("benchFindingDetail")
        self.finding_detail.setWordWrap(True)
        self.finding_detail.setTextFormat(Qt.TextFormat.RichText)
        self.finding_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finding_detail.setStyleSheet(
            "background: palette(alternate-base); padding: 4px; border-radius: 4px;"
        )

    def _build_history(self) -> None:
        self.history_scope = QComboBox()
        self.history_scope.setObjectName("historyScope")
        self.history_scope.addItem("", "entry")
        self.history_scope.addItem("", "book")
        self.history_scope.currentIndexChanged.connect(lambda _i: self.refresh_history())
        self.history_title = QLabel()
        self.history_title.setObjectName("historyTitle")
        self.history_title.setWordWrap(True)
        self.history_list = QTreeWidget()
        self.history_list.setObjectName("historyList")
        self.history_list.setRootIsDecorated(False)
        self.history_list.setAlternatingRowColors(True)
        self.history_list.setColumnCount(4)
        for column, width in enumerate((126, 104, 64, 300)):
            self.history_list.setColumnWidth(column, width)
        self.history_list.currentItemChanged.connect(lambda *_args: self._record_chosen())
        self.history_detail = QLabel()
        self.history_detail.setObjectName("historyDetail")
        self.history_detail.setWordWrap(True)
        self.history_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.history_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = _button("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.book_label)
        bar.addWidget(self.book_combo)
        bar.addWidget(self.make_active_button)
        bar.addWidget(self.new_book_button)
        bar.addWidget(self.book_note, 1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)

        filters = QHBoxLayout()
        self._filter_label = QLabel()
        self._filter_label.setBuddy(self.text_filter)
        filters.addWidget(self._filter_label)
        for combo in (
            self.kind_filter,
            self.language_filter,
            self.situation_filter,
            self.severity_filter,
        ):
            filters.addWidget(combo)
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.clear_filters_button)
        filters.addWidget(self.count_label)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.status, 1)

        entries = QWidget()
        entries_column = QVBoxLayout(entries)
        entries_column.setContentsMargins(0, 0, 0, 0)
        entries_column.addLayout(filters)
        entries_column.addWidget(self.table, 1)
        entries_column.addLayout(buttons)

        bench = QGroupBox()
        bench.setObjectName("benchGroup")
        self.bench_group = bench
        bench_column = QVBoxLayout(bench)
        bench_column.addWidget(self.bench_label)
        bench_split = QSplitter(Qt.Orientation.Vertical)
        bench_split.setObjectName("benchSplitter")
        bench_split.setChildrenCollapsible(False)
        bench_split.addWidget(self.bench)
        findings = QWidget()
        findings_column = QVBoxLayout(findings)
        findings_column.setContentsMargins(0, 0, 0, 0)
        findings_column.setSpacing(2)
        findings_column.addWidget(self.bench_summary)
        findings_column.addWidget(self.findings, 1)
        findings_column.addWidget(self.finding_detail)
        bench_split.addWidget(findings)
        bench_split.setSizes([64, 300])
        bench_column.addWidget(bench_split, 1)

        history = QGroupBox()
        history.setObjectName("historyGroup")
        self.history_group = history
        history_column = QVBoxLayout(history)
        scope_line = QHBoxLayout()
        self._scope_label = QLabel()
        self._scope_label.setBuddy(self.history_scope)
        scope_line.addWidget(self._scope_label)
        scope_line.addWidget(self.history_scope)
        scope_line.addStretch(1)
        history_column.addLayout(scope_line)
        history_column.addWidget(self.history_title)
        history_column.addWidget(self.history_list, 1)
        history_column.addWidget(self.history_detail)
        restore_line = QHBoxLayout()
        restore_line.addStretch(1)
        restore_line.addWidget(self.restore_button)
        history_column.addLayout(restore_line)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.setObjectName("lowerSplitter")
        lower.setChildrenCollapsible(False)
        lower.addWidget(bench)
        lower.addWidget(history)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(entries)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The bench gets room for several findings and the chosen one in full.
        self.splitter.setSizes([360, 440])

        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        note_line = QHBoxLayout()
        self._note_icon = QLabel()
        self._note_icon.setPixmap(icon.pixmap(16, 16))
        self._note_icon.setVisible(False)
        note_line.addWidget(self._note_icon)
        note_line.addWidget(self.role_note, 1)

        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        outer.addLayout(note_line)
        outer.addWidget(self.report)
        outer.addWidget(self.splitter, 1)
        fit_to_screen(self, 1280, 820)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.book_combo,
            self.make_active_button,
            self.new_book_button,
            self.import_button,
            self.export_button,
            self.report_list,
            self.report_close,
            self.kind_filter,
            self.language_filter,
            self.situation_filter,
            self.severity_filter,
            self.text_filter,
            self.clear_filters_button,
            self.table,
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.bench,
            self.findings,
            self.history_scope,
            self.history_list,
            self.restore_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- state -----------------------------------------------------------------------------

    @property
    def book(self) -> str | None:
        """The name of the phrasebook shown."""
        return self._book

    @property
    def active_book(self) -> str:
        return self._active

    @property
    def can_edit(self) -> bool:
        return self._can_edit

    @property
    def busy(self) -> bool:
        """True while background work (loading, saving, importing) is running."""
        return self._tasks.pending > 0

    @property
    def bench_checker(self) -> PhraseChecker:
        """The checker of the test bench: the shown book's entries."""
        return self._bench_checker

    def selected_entry(self) -> PhraseEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.proxy.mapToSource(rows[0])
        if not source.isValid():
            return None
        return self.model.entry(source.row())

    def select_entry(self, entry_id: int) -> bool:
        """Select (and show) entry ``entry_id``, clearing filters that hide it."""
        row = self.model.row_of(entry_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, Column.TEXT))
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, Column.TEXT))
            if not index.isValid():
                return False
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _scroll_to_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.scrollTo(rows[0], QAbstractItemView.ScrollHint.EnsureVisible)

    def show_status(self, text: str | Callable[[], str], *, error: bool = False) -> None:
        """Show ``text`` under the table; pass a function making it to have it made
        again (in the new language) when the interface language changes."""
        self._status = text if callable(text) else (lambda: text)
        self._status_error = error
        self._show_status_text()

    def _show_status_text(self) -> None:
        text = self._status() if self._status is not None else ""
        set_message(self.status, text, error=self._status_error)
        self.status.setAccessibleDescription(text)

    # --- loading ---------------------------------------------------------------------------

    async def load(self, book: str | None = None, *, select: int | None = None) -> None:
        """Read the books, the role and the entries of ``book`` (the one shown, else the
        active one), keeping the selection (or selecting entry ``select``)."""
        previous = self.selected_entry()
        keep = select if select is not None else (previous.id if previous else None)
        self._can_edit = await self._service.can_edit()
        active = await self._service.active_phrasebook()
        books = await self._service.list_phrasebooks()
        names = {info.name for info in books}
        wanted = book or self._book
        if wanted not in names:
            wanted = active.name
        try:
            info, entries, version = await self._service.entries_and_version(wanted)
        except PhrasebookNotFound:
            info, entries, version = await self._service.entries_and_version(active.name)
        # Simplified-only entries as Traditional-script customers get them, marked as
        # converted automatically, so a trainer can approve or correct each one.
        renderings = missing_traditional(entries, self._checker.region)
        loop = asyncio.get_running_loop()
        keys = await loop.run_in_executor(None, search_keys, [*entries, *renderings])

        self._books = books
        self._active = active.name
        self._book = info.name
        self._version = version
        self._fill_books()
        self._stored, self._renderings = list(entries), renderings
        self._keys = keys
        self._renderings_shown = self._want_renderings()
        self._show_entries()
        self._bench_checker.region = self._checker.region
        self.model.region = self._checker.region
        self._bench_checker.set_entries(entries)
        self._bench_label_text()
        self._apply_role()
        if keep is not None and self.select_entry(keep):
            # Once the layout settled (the role note may have taken room from the table).
            QTimer.singleShot(0, self, self._scroll_to_selection)
        self._tasks.start(self._check_book(info.name, version), name="problems")
        self._loaded = True
        self._update_actions()
        self.refresh_history()
        self.loaded.emit()

    def _bench_label_text(self) -> None:
        if self._book is None:
            return
        book_name = self._book.replace("&", "&&")
        self.bench_label.setText(
            self.tr("&Bench text, checked against {book} exactly as staff are checked:").format(
                book=quoted(book_name)
            )
        )

    def reload(self) -> None:
        """F5: read the shown book again."""
        self._tasks.start(self.load(), name="load")

    async def refresh_if_changed(self) -> bool:
        """Reload when the shown book changed elsewhere (another console, the CLI);
        True when it did."""
        if not self._loaded or self._book is None:
            return False
        try:
            version = await self._service.version(self._book)
        except PhrasebookNotFound:
            version = -1
        if version == self._version:
            return False
        await self.load()
        return True

    def _fill_books(self) -> None:
        self.book_combo.blockSignals(True)
        try:
            self.book_combo.clear()
            for info in self._books:
                active = info.name == self._active
                shown = self.tr("{book} (active)").format(book=info.name) if active else info.name
                self.book_combo.addItem(shown, info.name)
                if active:
                    font = QFont(self.book_combo.font())
                    font.setBold(True)
                    self.book_combo.setItemData(
                        self.book_combo.count() - 1, font, Qt.ItemDataRole.FontRole
                    )
            self.book_combo.setCurrentIndex(max(self.book_combo.findData(self._book), 0))
        finally:
            self.book_combo.blockSignals(False)
        if self._book == self._active:
            self.book_note.setText(self.tr("Staff are checked against this phrasebook."))
        else:
            self.book_note.setText(self.tr("Not in use: “Make active” to check staff against it."))

    def _book_chosen(self, index: int) -> None:
        name = self.book_combo.itemData(index)
        if isinstance(name, str) and name != self._book:
            self.hide_report()
            self._tasks.start(self.load(name), name="load")

    def _apply_role(self) -> None:
        self.role_note.setVisible(not self._can_edit)
        self._note_icon.setVisible(not self._can_edit)

    async def _check_book(self, name: str, version: int) -> None:
        """Problems the book already has (an old book, another console's edit) are listed
        above the table; validation of a large book runs after the table is shown."""
        problems = await self._service.problems(name)
        if (self._book, self._version) == (name, version):
            self._show_book_problems(problems)

    def _show_book_problems(self, problems: Sequence[Problem]) -> None:
        if not problems:
            if self.report.property("kind") == "book":
                self.hide_report()
            return
        count = len(problems)
        book = quoted(self._book or "")

        def title() -> str:
            if count == 1:
                text = self.tr(
                    "{book} has 1 problem; fix them one at a time "
                    "(Enter on a problem selects its entry)."
                )
            else:
                text = self.tr(
                    "{book} has %n problems; fix them one at a time "
                    "(Enter on a problem selects its entry).",
                    "",
                    count,
                )
            return text.format(book=book)

        self.show_report(
            title,
            [
                (message_text(problem.message), problem.entry_ids[0] if problem.entry_ids else None)
                for problem in problems
            ],
            kind="book",
        )

    # --- the report panel ----------------------------------------------------------------

    def show_report(
        self,
        title: str | Callable[[], str],
        lines: Sequence[tuple[str, int | None]],
        *,
        kind: str = "report",
    ) -> None:
        """Show a list of problems above the table (each line may point at an entry).
        ``title`` may be a function making it, to follow a change of language."""
        self._report_title = title if callable(title) else (lambda: title)
        self._show_report_title()
        self.report_list.clear()
        for text, entry_id in lines:
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, entry_id)
            self.report_list.addItem(item)
        self.report.setProperty("kind", kind)
        self.report.setVisible(True)

    def _show_report_title(self) -> None:
        title = self._report_title() if self._report_title is not None else ""
        self.report_title.setText(title)
        self.report.setAccessibleDescription(title)

    def hide_report(self) -> None:
        self._report_title = None
        self.report.setVisible(False)
        self.report.setProperty("kind", "")
        self.report_list.clear()

    def report_lines(self) -> list[str]:
        return [self.report_list.item(row).text() for row in range(self.report_list.count())]

    def _report_item_activated(self, item: QListWidgetItem) -> None:
        entry_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(entry_id, int) and self.select_entry(entry_id):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- filters -----------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_filter.selectAll()

    def clear_filters(self) -> None:
        for combo in (
            self.kind_filter,
            self.language_filter,
            self.situation_filter,
            self.severity_filter,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)
        self._apply_filters()

    def _want_renderings(self) -> bool:
        """Automatic Traditional renderings are listed with the Traditional entries (the
        language filter on 繁體中文), where a trainer reviews what those customers get."""
        return combo_value(self.language_filter, Language) is Language.ZH_HANT

    def _show_entries(self) -> None:
        """The stored entries, and the renderings when :meth:`_want_renderings`."""
        count = len(self._stored)
        if self._renderings_shown:
            self.model.set_entries([*self._stored, *self._renderings], self._keys)
        else:
            self.model.set_entries(self._stored, self._keys[:count])

    def _apply_filters(self) -> None:
        self._filter_timer.stop()
        selected = self.selected_entry()
        if self._want_renderings() != self._renderings_shown:
            self._renderings_shown = not self._renderings_shown
            self._show_entries()
        self.proxy.set_filters(
            kind=combo_value(self.kind_filter, EntryKind),
            language=combo_value(self.language_filter, Language),
            situation=combo_value(self.situation_filter, Situation),
            severity=combo_value(self.severity_filter, Severity),
            text=self.text_filter.text(),
        )
        if selected is not None and selected.id is not None:
            row = self.model.row_of(selected.id)
            index = self.proxy.mapFromSource(self.model.index(row, Column.TEXT))
            if index.isValid():
                self.table.selectRow(index.row())
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), len(self._stored)
        if self.proxy.active:
            text = (
                self.tr("{shown} of 1 entry")
                if total == 1
                else self.tr("{shown} of %n entries", "", total)
            )
        else:
            text = self.tr("1 entry") if total == 1 else self.tr("%n entries", "", total)
        self.count_label.setText(text.format(shown=shown))
        self.clear_filters_button.setEnabled(self.proxy.active)

    # --- actions ---------------------------------------------------------------------------

    def _update_actions(self) -> None:
        selected = self.selected_entry() is not None
        editable = self._can_edit and self._loaded
        for widget in (self.add_action, self.add_button, self.import_button, self.new_book_button):
            widget.setEnabled(editable)
        for widget in (self.edit_action, self.edit_button, self.delete_action, self.delete_button):
            widget.setEnabled(editable and selected)
        self.make_active_button.setEnabled(editable and self._book != self._active)
        self.export_button.setEnabled(self._loaded)
        record = self._current_record()
        restorable, why = self._restorable(record)
        self.restore_button.setEnabled(editable and restorable)
        self.restore_button.setToolTip(
            why or self.tr("Bring the entry back to what it was right after the selected change")
        )
        tip = "" if self._can_edit else QCoreApplication.translate("Phrasebook", READ_ONLY_NOTE)
        for button in (self.add_button, self.edit_button, self.delete_button, self.import_button):
            button.setToolTip(tip or button.accessibleName())

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()
        if self.history_scope.currentData() == "entry":
            self.refresh_history()

    def _defaults(self) -> PhraseEntry:
        """A new entry starts with what the filters show."""
        kind = combo_value(self.kind_filter, EntryKind)
        situation = combo_value(self.situation_filter, Situation)
        if kind is None:
            kind = EntryKind.APPROVED if situation is not None else EntryKind.TABOO
        return PhraseEntry(
            kind=kind,
            language=combo_value(self.language_filter, Language) or Language.EN,
            text="",
            severity=combo_value(self.severity_filter, Severity) or Severity.WARN,
            situation=situation or Situation.GREETING,
        )

    def add_entry(self) -> EntryForm | None:
        """Insert / Ctrl+N: the form for a new entry (None when editing is not allowed)."""
        if not self._can_edit or self._book is None:
            return None
        return self._open_form(None)

    def edit_entry(self) -> EntryForm | None:
        """Enter / F2: the form for the selected entry. For an automatic Traditional
        rendering it is a new entry filled with the rendering: saving approves it."""
        entry = self.selected_entry()
        if not self._can_edit or entry is None or self._book is None:
            return None
        if entry.converted:
            return self._open_form(None, defaults=approved_rendering(entry))
        return self._open_form(entry)

    def _open_form(
        self, entry: PhraseEntry | None, *, defaults: PhraseEntry | None = None
    ) -> EntryForm:
        if self._form is not None:
            self._form.close()
        assert self._book is not None
        form = EntryForm(
            self._service,
            book=self._book,
            entry=entry,
            defaults=defaults or self._defaults(),
            lookup=self.model.by_id,
            parent=self,
        )
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._entry_saved)
        form.finished.connect(self._form_closed)
        self._form = form
        form.open()
        return form

    @property
    def form(self) -> EntryForm | None:
        """The entry form now open, if any."""
        return self._form

    def _form_closed(self, _result: int) -> None:
        self._form = None
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _entry_saved(self, entry: object) -> None:
        if isinstance(entry, PhraseEntry):
            added = self._form is not None and self._form.editing is None
            if added:
                self.show_status(
                    lambda: self.tr("Added {entry}.").format(entry=entry_summary(entry))
                )
            else:
                self.show_status(
                    lambda: self.tr("Saved {entry}.").format(entry=entry_summary(entry))
                )
            self._tasks.start(self._after_change(entry.id), name="after-change")

    async def _after_change(self, select: int | None = None) -> None:
        """Reload the table and give the shared checker the active book again."""
        await self.load(select=select)
        self._checker.set_entries(await self._service.entries())
        self.changed.emit()

    # --- delete -------------------------------------------------------------------------------

    def delete_entry(self) -> None:
        """Delete: asks first (the entry stays in the history and can be restored)."""
        entry = self.selected_entry()
        if not self._can_edit or entry is None or entry.id is None:
            return
        self._tasks.start(self._confirm_delete(entry), name="delete")

    async def _confirm_delete(self, entry: PhraseEntry) -> None:
        assert entry.id is not None
        box = QMessageBox(self)
        box.setObjectName("confirmDeleteBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete entry"))
        box.setText(self.tr("Delete {entry}?").format(entry=entry_summary(entry)))
        box.setInformativeText(
            self.tr("Staff will no longer see it. It stays in the history and can be restored.")
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        name_widget(delete, "confirmDeleteButton", self.tr("Delete the entry"))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        name_widget(cancel, "cancelDeleteButton", self.tr("Keep the entry"))
        box.setDefaultButton(delete)
        box.setEscapeButton(cancel)
        if await answer(box) is not delete:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            await self._service.delete_entry(entry.id)
        except (PermissionDenied, EntryNotFound) as exc:
            self.show_status(
                with_reason(
                    lambda reason: self.tr("Not deleted: {reason}").format(reason=reason), exc
                ),
                error=True,
            )
            await self.load()
            return
        self.show_status(
            lambda: self.tr("Deleted {entry}; restore it from the history.").format(
                entry=entry_summary(entry)
            )
        )
        await self._after_change()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- books ----------------------------------------------------------------------------------

    def new_phrasebook(self) -> QInputDialog | None:
        """Ask for the name of a new (empty) phrasebook, then show it."""
        if not self._can_edit:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("newBookDialog")
        dialog.setWindowTitle(self.tr("New phrasebook"))
        dialog.setLabelText(self.tr("Name of the new phrasebook (one per brand):"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        for edit in dialog.findChildren(QLineEdit):
            name_widget(edit, "newBookName", self.tr("Name of the new phrasebook"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(
            lambda name: self._tasks.start(self.create_phrasebook(name), name="create-book")
        )
        dialog.open()
        return dialog

    async def create_phrasebook(self, name: str) -> PhrasebookInfo | None:
        try:
            info = await self._service.create_phrasebook(name)
        except (PermissionDenied, PhrasebookNameTaken, ValueError) as exc:
            self.show_status(
                with_reason(
                    lambda reason: self.tr("Not created: {reason}").format(reason=reason), exc
                ),
                error=True,
            )
            return None
        await self.load(info.name)
        self.show_status(
            lambda: self.tr(
                "Created {book}. Add entries or import a file, then make it active."
            ).format(book=quoted(info.name))
        )
        return info

    def make_active(self) -> None:
        if self._book is not None:
            self._tasks.start(self.activate(self._book), name="activate")

    async def activate(self, name: str) -> None:
        """Make ``name`` the active phrasebook and give the shared checker its entries."""
        try:
            info = await self._service.set_active_phrasebook(name)
        except (PermissionDenied, PhrasebookNotFound) as exc:
            self.show_status(
                with_reason(
                    lambda reason: self.tr("Not changed: {reason}").format(reason=reason), exc
                ),
                error=True,
            )
            return
        self.show_status(
            lambda: self.tr("{book} is now the active phrasebook.").format(book=quoted(info.name))
        )
        await self._after_change()

    # --- import and export ------------------------------------------------------------------

    def choose_import_file(self) -> QFileDialog | None:
        if not self._can_edit:
            return None
        filters = ";;".join(
            [
                self.tr("Phrasebooks (*.csv *.json)"),
                self.tr("CSV spreadsheet (*.csv)"),
                self.tr("JSON (*.json)"),
            ]
        )
        dialog = QFileDialog(self, self.tr("Import phrasebook"), str(self._last_dir), filters)
        dialog.setObjectName("importFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(
            lambda path: self._tasks.start(self._confirm_import(Path(path)), name="import")
        )
        dialog.open()
        return dialog

    async def _confirm_import(self, path: Path) -> None:
        self._last_dir = path.parent
        box = QMessageBox(self)
        box.setObjectName("confirmImportBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import phrasebook"))
        box.setText(
            self.tr("Replace the entries of {book} with {file}?").format(
                book=quoted(self._book or ""), file=path.name
            )
        )
        box.setInformativeText(
            self.tr(
                "The phrasebook will hold exactly the entries in the file; entries missing "
                "from it are removed (their history is kept, so they can be restored). If any "
                "row is bad, nothing is imported and every bad row is listed."
            )
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        replace = box.addButton(self.tr("&Import"), QMessageBox.ButtonRole.AcceptRole)
        name_widget(replace, "confirmImportButton", self.tr("Import the file"))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        name_widget(cancel, "cancelImportButton", self.tr("Do not import"))
        box.setDefaultButton(replace)
        box.setEscapeButton(cancel)
        if await answer(box) is replace:
            await self.import_file(path)

    async def import_file(self, path: Path) -> ImportReport | None:
        """Import ``path`` into the shown book (all or nothing). Bad rows and problems are
        listed in the report panel; returns None when nothing was imported."""
        self.hide_report()
        try:
            report = await self._service.import_phrasebook(path, book=self._book)
        except PhrasebookFormatError as exc:
            rows = len(exc.errors)

            def bad_rows() -> str:
                text = (
                    self.tr("Nothing was imported: {file} has 1 bad row.")
                    if rows == 1
                    else self.tr("Nothing was imported: {file} has %n bad rows.", "", rows)
                )
                return text.format(file=path.name)

            self.show_report(bad_rows, [(message_text(error.said), None) for error in exc.errors])
            self.show_status(
                lambda: self.tr("Nothing imported from {file}.").format(file=path.name),
                error=True,
            )
            return None
        except PhrasebookInvalid as exc:
            count = len(exc.problems)

            def problems() -> str:
                text = (
                    self.tr("Nothing was imported: {file} has 1 problem.")
                    if count == 1
                    else self.tr("Nothing was imported: {file} has %n problems.", "", count)
                )
                return text.format(file=path.name)

            self.show_report(
                problems, [(message_text(problem.message), None) for problem in exc.problems]
            )
            self.show_status(
                lambda: self.tr("Nothing imported from {file}.").format(file=path.name),
                error=True,
            )
            return None
        except (PermissionDenied, PhrasebookError, OSError, ValueError) as exc:
            self.show_status(
                with_reason(
                    lambda reason: self.tr("Nothing imported: {reason}").format(reason=reason), exc
                ),
                error=True,
            )
            return None
        summary = report.summary
        self.show_status(
            lambda: self.tr(
                "Imported {file}: {added} added, {changed} changed, {removed} removed, "
                "{unchanged} unchanged."
            ).format(
                file=path.name,
                added=summary.added,
                changed=summary.changed,
                removed=summary.removed,
                unchanged=summary.unchanged,
            )
        )
        await self._after_change()
        return report

    def choose_export_file(self) -> QFileDialog | None:
        if self._book is None:
            return None
        suggested = self._last_dir / f"{safe_file_name(self._book)}.csv"
        suffixes = {self.tr("CSV spreadsheet (*.csv)"): "csv", self.tr("JSON (*.json)"): "json"}
        dialog = QFileDialog(
            self, self.tr("Export phrasebook"), str(suggested), ";;".join(suffixes)
        )
        dialog.setObjectName("exportFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("csv")
        dialog.filterSelected.connect(
            lambda name: dialog.setDefaultSuffix(suffixes.get(name, "csv"))
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(
            lambda path: self._tasks.start(self.export_file(Path(path)), name="export")
        )
        dialog.open()
        return dialog

    async def export_file(self, path: Path) -> int | None:
        """Write the shown book to ``path`` (CSV or JSON by extension); the entry count."""
        self._last_dir = path.parent
        try:
            count = await self._service.export_phrasebook(path, book=self._book)
        except (PhrasebookError, OSError, ValueError, LookupError) as exc:
            self.show_status(
                with_reason(
                    lambda reason: self.tr("Not exported: {reason}").format(reason=reason), exc
                ),
                error=True,
            )
            return None
        self.show_status(
            lambda: (
                self.tr("Exported 1 entry to {path}.")
                if count == 1
                else self.tr("Exported %n entries to {path}.", "", count)
            ).format(path=path)
        )
        return count

    # --- the test bench ----------------------------------------------------------------------

    def refresh_findings(self) -> None:
        """List what the bench text would flag: typed, where, term, severity, why, fixes."""
        self._list_findings(keep_row=False)

    def _list_findings(self, *, keep_row: bool) -> None:
        text = self.bench.toPlainText()
        found = self.bench.findings()
        chosen = self.findings.currentItem() if keep_row else None
        current = -1 if chosen is None else self.findings.indexOfTopLevelItem(chosen)
        self.findings.blockSignals(True)
        self.findings.clear()
        for finding in found:
            item = QTreeWidgetItem(
                [
                    finding.matched,
                    finding_position(text, finding),
                    finding.term,
                    severity_name(finding.severity),
                    finding.reason,
                    join_items(finding.replacements),
                ]
            )
            colour = QColor(SEVERITY_COLOURS[finding.severity])
            item.setForeground(3, colour)
            item.setToolTip(
                1,
                self.tr("characters {start}–{end}").format(start=finding.start, end=finding.end),
            )
            item.setToolTip(3, severity_choice(finding.severity))
            item.setToolTip(4, finding.reason)
            item.setToolTip(5, "\n".join(finding.replacements))
            item.setData(0, Qt.ItemDataRole.UserRole, finding)
            self.findings.addTopLevelItem(item)
        again = self.findings.topLevelItem(current) if current >= 0 else None
        if again is not None:  # the same text again (a change of language): keep the row
            self.findings.setCurrentItem(again)
        self.findings.blockSignals(False)
        counts = {severity: 0 for severity in Severity}
        for finding in found:
            counts[finding.severity] += 1
        if not found:
            summary = (
                self.tr("Nothing flagged.") if text.strip() else self.tr("Nothing flagged yet.")
            )
        else:
            parts = [
                self._bench_count(severity, counts[severity])
                for severity in Severity
                if counts[severity]
            ]
            summary = self.tr(
                "{flagged} flagged: {counts}. Enter on a row opens its entry."
            ).format(flagged=len(found), counts=self.tr(", ").join(parts))
        self.bench_summary.setText(summary)
        self.findings.setAccessibleDescription(summary)
        self._show_finding_detail()

    def _show_finding_detail(self) -> None:
        """The chosen finding (else the first) in full: term, severity, reason, fixes."""
        item = self.findings.currentItem() or self.findings.topLevelItem(0)
        finding = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(finding, Finding):
            self.finding_detail.clear()
            self.finding_detail.hide()
            return
        e = html.escape
        lines = [
            f"<b>“{e(finding.matched)}”</b> · {e(severity_name(finding.severity))}",
        ]
        if finding.reason:
            lines.append(e(finding.reason))
        if finding.replacements:
            lines.append(
                e(self.tr("Say instead: {phrases}")).replace(
                    "{phrases}", " · ".join(f"<b>{e(r)}</b>" for r in finding.replacements)
                )
            )
        self.finding_detail.setText("<br>".join(lines))
        self.finding_detail.setAccessibleName(self.tr("The chosen finding"))
        self.finding_detail.show()

    def _bench_count(self, severity: Severity, count: int) -> str:
        """``2 must change`` / ``1 to check`` / ``3 suggested``."""
        match severity:
            case Severity.BLOCK:
                return self.tr("{count} must change").format(count=count)
            case Severity.WARN:
                return self.tr("{count} to check").format(count=count)
            case _:
                return self.tr("{count} suggested").format(count=count)

    def bench_findings(self) -> list[Finding]:
        """The findings listed under the bench, in order."""
        result: list[Finding] = []
        for row in range(self.findings.topLevelItemCount()):
            item = self.findings.topLevelItem(row)
            value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
            if isinstance(value, Finding):
                result.append(value)
        return result

    def _finding_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self._show_finding_detail()
        if current is None:
            return
        finding = current.data(0, Qt.ItemDataRole.UserRole)
        if not isinstance(finding, Finding):
            return
        for hit in self.bench.hits():
            if (hit.finding.start, hit.finding.entry_index) == (
                finding.start,
                finding.entry_index,
            ):
                self.bench.select_hit(hit)
                break

    def _finding_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        if (
            isinstance(finding, Finding)
            and finding.entry_id is not None
            and self.select_entry(finding.entry_id)
        ):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- history --------------------------------------------------------------------------------

    def refresh_history(self) -> None:
        self._tasks.start(self._load_history(), name="history")

    async def _load_history(self) -> None:
        scope = self.history_scope.currentData()
        entry = self.selected_entry()
        records: list[HistoryRecord]
        if scope == "book":
            if self._book is None:
                return
            book = quoted(self._book)
            records = await self._service.recent_changes(self._book)

            def title() -> str:
                return self.tr("Latest changes to {book}, newest first.").format(book=book)

        elif entry is None or entry.id is None:
            records = []

            def title() -> str:
                return self.tr("Select an entry to see its history.")

        else:
            try:
                records = list(reversed(await self._service.history(entry.id)))
            except EntryNotFound:
                records = []
            entry_id, text = entry.id, quoted(entry.text)

            def title() -> str:
                return self.tr("History of entry #{id} {text}, newest first.").format(
                    id=entry_id, text=text
                )

        self._history = records
        self._history_title = title
        self._render_history(select_first=True)
        self._update_actions()

    def _render_history(self, *, select_first: bool = False) -> None:
        """List the records held, in the interface language (the one chosen stays)."""
        self.history_title.setText(self._history_title())
        chosen = self.history_list.currentItem()
        keep = None if chosen is None else chosen.data(0, Qt.ItemDataRole.UserRole)
        self.history_list.blockSignals(True)
        self.history_list.clear()
        self.history_detail.clear()
        for record in self._history:
            item = QTreeWidgetItem(
                [
                    changed_text(record.at),
                    record.author,
                    action_label(record.action),
                    describe_change(record.before, record.after),
                ]
            )
            item.setToolTip(3, self._record_tooltip(record))
            item.setData(0, Qt.ItemDataRole.UserRole, record.id)
            self.history_list.addTopLevelItem(item)
        self.history_list.blockSignals(False)
        if select_first or keep is None or not self.select_history(keep):
            first = self.history_list.topLevelItem(0)
            if first is not None:
                self.history_list.setCurrentItem(first)

    def _record_chosen(self) -> None:
        record = self._current_record()
        self.history_detail.setText(self._record_tooltip(record) if record is not None else "")
        self._update_actions()

    def _record_tooltip(self, record: HistoryRecord) -> str:
        before = entry_summary(record.before) if record.before else self.tr("(absent)")
        after = entry_summary(record.after) if record.after else self.tr("(deleted)")
        who = record.author or self.tr("unknown")
        return self.tr(
            "{action} by {who}, {when} (entry #{id})\nBefore: {before}\nAfter: {after}"
        ).format(
            action=action_label(record.action),
            who=who,
            when=changed_text(record.at),
            id=record.entry_id,
            before=before,
            after=after,
        )

    def history_records(self) -> list[HistoryRecord]:
        """The records listed, in the order shown (newest first)."""
        return list(self._history)

    def select_history(self, history_id: int) -> bool:
        for row in range(self.history_list.topLevelItemCount()):
            item = self.history_list.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == history_id:
                self.history_list.setCurrentItem(item)
                return True
        return False

    def _current_record(self) -> HistoryRecord | None:
        item = self.history_list.currentItem()
        if item is None:
            return None
        history_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((record for record in self._history if record.id == history_id), None)

    def _restorable(self, record: HistoryRecord | None) -> tuple[bool, str]:
        if record is None:
            return False, self.tr("Select a change in the history.")
        if record.after is None:
            return False, self.tr("This change removed the entry; restore the version before it.")
        current = self.model.by_id(record.entry_id)
        if current is not None and content_of(current) == content_of(record.after):
            return False, self.tr("This is the entry as it is now.")
        return True, ""

    def restore_selected(self) -> None:
        record = self._current_record()
        if not self._can_edit or not self._restorable(record)[0] or record is None:
            return
        self._tasks.start(self.restore(record.id), name="restore")

    async def restore(self, history_id: int) -> PhraseEntry | None:
        """Bring an entry back to its content right after change ``history_id``."""
        try:
            entry = await self._service.restore_version(history_id)
        except PhrasebookInvalid as exc:
            self.show_report(
                lambda: self.tr(
                    "Not restored: that version clashes with the phrasebook as it is now."
                ),
                [
                    (
                        message_text(problem.message),
                        problem.entry_ids[0] if problem.entry_ids else None,
                    )
                    for problem in exc.problems
                ],
            )
            return None
        except (PermissionDenied, VersionNotRestorable, PhrasebookError, LookupError) as exc:
            self.show_status(
                with_reason(
                    lambda reason: self.tr("Not restored: {reason}").format(reason=reason), exc
                ),
                error=True,
            )
            return None
        self.show_status(lambda: self.tr("Restored {entry}.").format(entry=entry_summary(entry)))
        await self._after_change(entry.id)
        return entry

    # --- events -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self._loaded:
            self._tasks.start(self.refresh_if_changed(), name="stale")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._tasks.cancel_all()
        super().closeEvent(event)

    def _task_failed(self, exc: BaseException) -> None:
        self.show_status(
            with_reason(
                lambda reason: self.tr("Something went wrong: {reason}").format(reason=reason), exc
            ),
            error=True,
        )


__all__ = [
    "READ_ONLY_NOTE",
    "Column",
    "EntryFilterModel",
    "EntryForm",
    "PhraseEntryModel",
    "PhrasebookEditor",
    "describe_change",
    "entry_summary",
    "finding_position",
    "split_items",
]

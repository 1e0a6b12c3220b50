"""The checked text editor: every field in which staff write to or about a customer.

:class:`CheckedTextEdit` underlines taboo wording as it is typed (a wavy underline in the
severity's colour: block red, warn orange, hint blue), shows the reason and the approved
replacements when the mouse rests on a hit, and fixes a hit in one undoable edit from the
context menu or with **Ctrl+.** (a menu of replacements for the hit under or nearest
before the cursor). **Ctrl+Shift+Space** opens the approved-phrase picker.

Only the edited paragraph is checked again on a keystroke (a ``QSyntaxHighlighter``); when
the shared :class:`~console.ui.phrase_checker.PhraseChecker` gets a new phrasebook, every
open editor re-highlights at once.

Before customer-facing text is saved or sent, ``await confirm_save(editor)``: a ``block``
hit refuses with the reason and a one-click fix, a ``warn`` hit asks for a deliberate
"Send anyway", a ``hint`` never interrupts.

Positions: findings carry code-point offsets (Python ``str``), Qt wants UTF-16 code
units; the conversion happens here, per paragraph, so highlights stay in place after
emoji and characters such as 𠮷.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeySequence,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolTip,
    QWidget,
)

from console.domain.phrase_matcher import Finding, utf16_offsets
from console.domain.phrasebook import Severity, Situation
from console.ui.phrase_checker import PhraseChecker
from console.ui.phrase_picker import PhrasePicker
from console.ui.widgets import Retranslating, answer

SEVERITY_COLOURS: Mapping[Severity, str] = {
    Severity.BLOCK: "#d32f2f",
    Severity.WARN: "#ef6c00",
    Severity.HINT: "#1e6fd9",
}
# Translated where shown (context "CheckedTextEdit").
SEVERITY_LABELS: Mapping[Severity, str] = {
    Severity.BLOCK: str(QT_TRANSLATE_NOOP("CheckedTextEdit", "Must change")),
    Severity.WARN: str(QT_TRANSLATE_NOOP("CheckedTextEdit", "Check the wording")),
    Severity.HINT: str(QT_TRANSLATE_NOOP("CheckedTextEdit", "Suggestion")),
}
SEVERITY_EFFECTS: Mapping[Severity, str] = {
    Severity.BLOCK: str(QT_TRANSLATE_NOOP("CheckedTextEdit", "cannot be sent to a customer")),
    Severity.WARN: str(
        QT_TRANSLATE_NOOP("CheckedTextEdit", "needs your confirmation before sending")
    ),
    Severity.HINT: str(QT_TRANSLATE_NOOP("CheckedTextEdit", "a better way to say it")),
}
QUICK_FIX_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Period)
PICKER_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Space)
SUMMARY_DELAY_MS = 150
REASON_WIDTH = 420
BLOCK_TINT_ALPHA = 36
_SENTENCE_END = ".!?。！？…"
_ENDING_PUNCTUATION = ".!?:;,。！？：；，…"
_KEEP_CAPITAL = frozenset({"I", "I'm", "I'll", "I'd", "I've", "I’m", "I’ll", "I’d", "I’ve"})


class Hit(NamedTuple):
    """A finding located in the document.

    ``finding`` has code-point offsets into :meth:`CheckedTextEdit.toPlainText`;
    ``start``/``end`` are the same span as Qt positions (UTF-16 units), for
    :class:`QTextCursor`.
    """

    finding: Finding
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SaveCheck:
    """What stands between the text and the customer.

    ``blockers`` (severity ``block``) stop saving until fixed, ``warnings`` (``warn``) need
    a deliberate confirmation, ``hints`` never interrupt.
    """

    blockers: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    hints: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing blocks (warnings may still need a confirmation)."""
        return not self.blockers

    @property
    def needs_confirmation(self) -> bool:
        return not self.blockers and bool(self.warnings)

    @classmethod
    def of(cls, findings: Sequence[Finding]) -> SaveCheck:
        by_severity: dict[Severity, list[Finding]] = {severity: [] for severity in Severity}
        for finding in findings:
            by_severity[finding.severity].append(finding)
        return cls(
            by_severity[Severity.BLOCK], by_severity[Severity.WARN], by_severity[Severity.HINT]
        )


def underline_format(severity: Severity) -> QTextCharFormat:
    """A wavy (spell-check style) underline in the severity's colour."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    colour = QColor(SEVERITY_COLOURS[severity])
    fmt.setUnderlineColor(colour)
    if severity is Severity.BLOCK:
        # A faint tint as well, so "must change" stands out without relying on colour
        # alone; translucent, so it suits light and dark themes.
        colour.setAlpha(BLOCK_TINT_ALPHA)
        fmt.setBackground(colour)
    return fmt


def quoted(text: str) -> str:
    return f"“{text}”"


def severity_label(severity: Severity) -> str:
    """ "Must change" / "Check the wording" / "Suggestion" in the interface language."""
    return QCoreApplication.translate("CheckedTextEdit", SEVERITY_LABELS[severity])


def severity_effect(severity: Severity) -> str:
    return QCoreApplication.translate("CheckedTextEdit", SEVERITY_EFFECTS[severity])


def _hit_headline(finding: Finding) -> str:
    """ "Must change: “dear” cannot be sent to a customer" (plain text)."""
    return QCoreApplication.translate("CheckedTextEdit", "{severity}: {phrase} {effect}").format(
        severity=severity_label(finding.severity),
        phrase=quoted(finding.matched),
        effect=severity_effect(finding.severity),
    )


def fitted_replacement(replacement: str, before: str, after: str) -> str:
    """``replacement`` adjusted to where it goes: a capital at the start of a sentence, a
    small letter inside one (except "I…" and acronyms), and no second full stop when the
    text after the hit already has punctuation."""
    if not replacement:
        return replacement
    first_word = replacement.split(" ", 1)[0]
    stripped = before.rstrip()
    sentence_start = not stripped or stripped[-1] in _SENTENCE_END
    first = replacement[0]
    if sentence_start and first.islower():
        replacement = first.upper() + replacement[1:]
    elif (
        not sentence_start
        and first.isupper()
        and first_word not in _KEEP_CAPITAL
        and not (len(first_word) > 1 and first_word.isupper())
    ):
        replacement = first.lower() + replacement[1:]
    if after[:1] and after[0] in _ENDING_PUNCTUATION:
        replacement = replacement.rstrip(_ENDING_PUNCTUATION)
    return replacement


def finding_tooltip(finding: Finding) -> str:
    """Rich text for the hover tooltip: severity, what was typed, reason, replacements."""
    colour = SEVERITY_COLOURS[finding.severity]
    headline = html.escape(
        QCoreApplication.translate("CheckedTextEdit", "{phrase} {effect}.").format(
            phrase=quoted(finding.matched), effect=severity_effect(finding.severity)
        )
    )
    parts = [
        f'<p style="white-space:pre-wrap"><b style="color:{colour}">'
        f"{html.escape(severity_label(finding.severity))}</b>"
        f" — {headline}</p>"
    ]
    if finding.reason:
        parts.append(f"<p>{html.escape(finding.reason)}</p>")
    if finding.replacements:
        items = "".join(f"<li>{html.escape(text)}</li>" for text in finding.replacements)
        say = html.escape(QCoreApplication.translate("CheckedTextEdit", "Say instead:"))
        parts.append(f"<p>{say}</p><ul style='margin-top:0'>{items}</ul>")
        keys = QUICK_FIX_KEYS.toString(QKeySequence.SequenceFormat.NativeText)
        how = QCoreApplication.translate(
            "CheckedTextEdit", "{keys} or right-click to replace."
        ).format(keys=keys)
        parts.append(f"<p><i>{html.escape(how)}</i></p>")
    return "<qt>" + "".join(parts) + "</qt>"


class FindingHighlighter(QSyntaxHighlighter):
    """Underlines taboo hits in one paragraph at a time."""

    def __init__(self, document: QTextDocument, checker: PhraseChecker) -> None:
        super().__init__(document)
        self._checker = checker
        self._formats = {severity: underline_format(severity) for severity in Severity}

    @property
    def checker(self) -> PhraseChecker:
        return self._checker

    @checker.setter
    def checker(self, checker: PhraseChecker) -> None:
        self._checker = checker
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for finding in self._checker.check(text):
            start, end = utf16_offsets(text, finding.start, finding.end)
            self.setFormat(start, end - start, self._formats[finding.severity])


class CheckedTextEdit(Retranslating, QPlainTextEdit):
    """A plain-text editor checked against the phrasebook as staff type.

    ``CheckedTextEdit(checker, parent, situation=..., language=..., context=...)``.

    Properties: :attr:`checker`; :attr:`situation` and :attr:`language` (what the phrase
    picker offers first; language ``""`` means all); :attr:`context` (placeholder values:
    ``preferred_name``, ``agent_name``, ``store``, ``name``...).

    Tab moves the focus on (as in any form field); give each field its own objectName and
    accessibleName (the defaults are ``checkedTextEdit`` and "Message").

    Signal: ``findingsChanged()`` shortly after the hits may have changed (typing, a new
    phrasebook); the accessible description then summarises them.
    """

    findingsChanged = Signal()

    def __init__(
        self,
        checker: PhraseChecker,
        parent: QWidget | None = None,
        *,
        situation: Situation | None = None,
        language: str = "",
        context: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._checker = checker
        self._situation = situation
        self._language = language
        self._context: dict[str, str] = dict(context or {})
        self._highlighter = FindingHighlighter(self.document(), checker)
        checker.changed.connect(self._highlighter.rehighlight)
        checker.changed.connect(self._schedule_summary)
        self.setObjectName("checkedTextEdit")
        # The default accessible name follows the language until a form names the field.
        self._default_name = self.tr("Message")
        self.setAccessibleName(self._default_name)
        self.setTabChangesFocus(True)

        self.quick_fix_action = QAction(self)
        self.quick_fix_action.setObjectName("quickFixAction")
        self.quick_fix_action.setShortcut(QUICK_FIX_KEYS)
        self.quick_fix_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.quick_fix_action.triggered.connect(self.show_quick_fix_menu)
        self.insert_phrase_action = QAction(self)
        self.insert_phrase_action.setObjectName("insertPhraseAction")
        self.insert_phrase_action.setShortcut(PICKER_KEYS)
        self.insert_phrase_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.insert_phrase_action.triggered.connect(self.open_phrase_picker)
        self.addAction(self.quick_fix_action)
        self.addAction(self.insert_phrase_action)

        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(SUMMARY_DELAY_MS)
        self._summary_timer.timeout.connect(self._summarise)
        self.textChanged.connect(self._schedule_summary)
        self._picker: PhrasePicker | None = None
        self.retranslate()

    def retranslate(self) -> None:
        if self.accessibleName() == self._default_name:
            self._default_name = self.tr("Message")
            self.setAccessibleName(self._default_name)
        self.quick_fix_action.setText(self.tr("Fix wording…"))
        self.insert_phrase_action.setText(self.tr("Insert approved phrase…"))
        self._schedule_summary()

    # --- properties ----------------------------------------------------------------------

    @property
    def checker(self) -> PhraseChecker:
        return self._checker

    @checker.setter
    def checker(self, checker: PhraseChecker) -> None:
        if checker is self._checker:
            return
        self._checker.changed.disconnect(self._highlighter.rehighlight)
        self._checker.changed.disconnect(self._schedule_summary)
        self._checker = checker
        checker.changed.connect(self._highlighter.rehighlight)
        checker.changed.connect(self._schedule_summary)
        self._highlighter.checker = checker
        self._schedule_summary()

    @property
    def situation(self) -> Situation | None:
        """The situation whose approved phrases the picker shows first (None: all)."""
        return self._situation

    @situation.setter
    def situation(self, situation: Situation | None) -> None:
        self._situation = situation

    @property
    def language(self) -> str:
        """The language of the text: ``en``, ``zh-Hans``, ``zh-Hant``, or ``""`` for all."""
        return self._language

    @language.setter
    def language(self, language: str) -> None:
        self._language = language

    @property
    def context(self) -> Mapping[str, str]:
        """Placeholder values for inserted phrases (a copy is kept)."""
        return dict(self._context)

    @context.setter
    def context(self, context: Mapping[str, str]) -> None:
        self._context = dict(context)

    # --- findings ------------------------------------------------------------------------

    def hits(self) -> list[Hit]:
        """Every hit in the document, in order."""
        result: list[Hit] = []
        offset = 0
        for block in self._blocks():
            text = block.text()
            result.extend(self._block_hits(block, text, offset))
            offset += len(text) + 1
        return result

    def findings(self) -> list[Finding]:
        """Every hit in the text, with code-point offsets into :meth:`toPlainText`."""
        return [hit.finding for hit in self.hits()]

    def save_check(self) -> SaveCheck:
        """Blockers, warnings and hints in the text as it is now."""
        return SaveCheck.of(self.findings())

    def hit_at(self, point: QPoint) -> Hit | None:
        """The hit under ``point`` (viewport coordinates), if any."""
        cursor = self.cursorForPosition(point)
        caret = self.cursorRect(cursor)
        if not caret.top() <= point.y() <= caret.bottom():
            return None
        position = cursor.position()
        under = position if point.x() >= caret.left() else position - 1
        for hit in self._hits_in(cursor.block()):
            if hit.start <= under < hit.end:
                return hit
        return None

    def hit_for_quick_fix(self) -> Hit | None:
        """The hit the cursor is in or touches, else the nearest one before the cursor."""
        position = self.textCursor().position()
        block = self.textCursor().block()
        while block.isValid():
            before = [hit for hit in self._hits_in(block) if hit.start <= position]
            if before:
                touching = [hit for hit in before if position <= hit.end]
                return touching[0] if touching else before[-1]
            block = block.previous()
        return None

    # --- fixing --------------------------------------------------------------------------

    def fitted(self, hit: Hit, replacement: str) -> str:
        """``replacement`` as it would be inserted for ``hit`` (see :func:`fitted_replacement`)."""
        block = self.document().findBlock(hit.start)
        text = block.text()
        offset = hit.finding.start - self._code_point_offset(block)
        before = text[:offset]
        after = text[offset + len(hit.finding.matched) :]
        return fitted_replacement(replacement, before, after)

    def replace_hit(self, hit: Hit, replacement: str) -> None:
        """Replace ``hit`` by ``replacement`` (fitted to the sentence) as one undoable edit."""
        self.replace_hits([(hit, replacement)])

    def replace_hits(self, fixes: Sequence[tuple[Hit, str]]) -> None:
        """Replace several hits at once: one undoable edit, the cursor after the last."""
        if not fixes:
            return
        ordered = sorted(fixes, key=lambda fix: fix[0].start, reverse=True)
        texts = [self.fitted(hit, replacement) for hit, replacement in ordered]
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        after_last: int | None = None
        for (hit, _replacement), text in zip(ordered, texts, strict=True):
            cursor.setPosition(hit.start)
            cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text)
            if after_last is None:
                after_last = cursor.position()
            else:
                after_last += _utf16_length(text) - (hit.end - hit.start)
        cursor.endEditBlock()
        cursor.setPosition(after_last or 0)
        self.setTextCursor(cursor)

    def apply_first_replacements(self, findings: Sequence[Finding]) -> int:
        """Replace each of ``findings`` that has replacements by its first one (one edit);
        returns how many were replaced."""
        wanted = {(f.start, f.end, f.entry_index) for f in findings if f.replacements}
        fixes = [
            (hit, hit.finding.replacements[0])
            for hit in self.hits()
            if (hit.finding.start, hit.finding.end, hit.finding.entry_index) in wanted
        ]
        self.replace_hits(fixes)
        return len(fixes)

    def select_hit(self, hit: Hit) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(hit.start)
        cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def quick_fix_menu(self, hit: Hit) -> QMenu:
        """A menu with the hit's severity and reason and one action per replacement."""
        menu = QMenu(self)
        menu.setObjectName("quickFixMenu")
        menu.setAccessibleName(self.tr("Fix wording"))
        menu.setToolTipsVisible(True)
        self._add_fix_actions(menu, hit)
        return menu

    def show_quick_fix_menu(self) -> QMenu | None:
        """Ctrl+.: the replacements for the hit at or before the cursor, at the cursor;
        Enter applies the first. Returns the menu (None when there is nothing to fix)."""
        hit = self.hit_for_quick_fix()
        where = self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
        if hit is None:
            QToolTip.showText(where, self.tr("No flagged wording before the cursor."), self)
            return None
        menu = self.quick_fix_menu(hit)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        first = next((a for a in menu.actions() if a.isEnabled() and not a.isSeparator()), None)
        menu.popup(where)
        if first is not None:
            menu.setActiveAction(first)
        return menu

    def context_menu_at(self, point: QPoint) -> QMenu:
        """The context menu for ``point`` (viewport coordinates): fixes for a hit there,
        the standard editing actions, and "Insert approved phrase…"."""
        menu = self.createStandardContextMenu(point)
        menu.setObjectName("checkedEditorMenu")
        menu.setToolTipsVisible(True)
        hit = self.hit_at(point)
        if hit is not None and menu.actions():
            first = menu.actions()[0]
            self._add_fix_actions(menu, hit, before=first)
            menu.insertSeparator(first)
        menu.addSeparator()
        menu.addAction(self.insert_phrase_action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu_at(event.pos())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        event.accept()

    # --- the phrase picker ---------------------------------------------------------------

    def open_phrase_picker(self) -> PhrasePicker:
        """Open the approved-phrase picker (non-modal to the app, modal to this window);
        the chosen phrase is inserted at the cursor."""
        if self._picker is not None:
            self._picker.raise_()
            self._picker.activateWindow()
            return self._picker
        picker = PhrasePicker(
            self._checker,
            situation=self._situation,
            language=self._language,
            context=self._context,
            parent=self,
        )
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.insert_phrase)
        picker.finished.connect(self._picker_closed)
        self._picker = picker
        picker.open()
        picker.activateWindow()
        return picker

    def insert_phrase(self, text: str) -> None:
        """Insert ``text`` at the cursor as one undoable edit (a space is added after a
        word when both sides are Latin-script), and give the editor the focus again."""
        cursor = self.textCursor()
        block_text = cursor.block().text()
        column = cursor.positionInBlock()
        before = _code_point_prefix(block_text, column)
        if (
            before
            and text
            and not cursor.hasSelection()
            and _is_latin(before[-1])
            and (_is_latin(text[0]) or text[0].isdigit())
        ):
            text = " " + text
        # An edit block of its own: one undo step, never merged with the typing around it.
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def plural_text(self, kind: str, count: int) -> str:
        """The wording checks' headings with a count (plurals need ``self.tr``);
        ``{action}`` is left for the caller to fill."""
        if kind == "refuse":
            return self.tr("Change these %n phrase(s) before you {action}:", "", count)
        return self.tr("Please check these %n phrase(s) before you {action}:", "", count)

    def _picker_closed(self, _result: int) -> None:
        self._picker = None
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- events --------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.hit_at(event.pos())
            if hit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(
                    event.globalPos(),
                    finding_tooltip(hit.finding),
                    self.viewport(),
                    self._hit_rect(hit, event.pos()),
                )
            return True
        return super().viewportEvent(event)

    # --- internals -----------------------------------------------------------------------

    def _blocks(self) -> Iterator[QTextBlock]:
        block = self.document().begin()
        while block.isValid():
            yield block
            block = block.next()

    def _block_hits(self, block: QTextBlock, text: str, offset: int) -> list[Hit]:
        position = block.position()
        hits: list[Hit] = []
        for found in self._checker.check(text):
            finding = self._checker.localised(found, self._language)
            start, end = utf16_offsets(text, finding.start, finding.end)
            moved = finding._replace(start=finding.start + offset, end=finding.end + offset)
            hits.append(Hit(moved, position + start, position + end))
        return hits

    def _hits_in(self, block: QTextBlock) -> list[Hit]:
        return self._block_hits(block, block.text(), self._code_point_offset(block))

    def _code_point_offset(self, target: QTextBlock) -> int:
        offset = 0
        block = self.document().begin()
        while block.isValid() and block != target:
            offset += len(block.text()) + 1
            block = block.next()
        return offset

    def _hit_rect(self, hit: Hit, point: QPoint) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(hit.start)
        start = self.cursorRect(cursor)
        cursor.setPosition(hit.end)
        end = self.cursorRect(cursor)
        if start.top() == end.top():
            return QRect(QPoint(start.left(), start.top()), QPoint(end.right(), end.bottom()))
        line = self.cursorRect(self.cursorForPosition(point))
        return QRect(0, line.top(), self.viewport().width(), line.height())

    def _add_fix_actions(self, menu: QMenu, hit: Hit, before: QAction | None = None) -> None:
        """Add the hit's header, reason and replacement actions to ``menu`` (at the end,
        or in front of ``before``)."""

        def add(text: str, name: str) -> QAction:
            action = QAction(text.replace("&", "&&"), menu)
            action.setObjectName(name)
            if before is None:
                menu.addAction(action)
            else:
                menu.insertAction(before, action)
            return action

        finding = hit.finding
        header = add(_hit_headline(finding), "fixHeader")
        header.setEnabled(False)
        header.setToolTip(finding.reason)
        if finding.reason:
            elided = self.fontMetrics().elidedText(
                finding.reason, Qt.TextElideMode.ElideRight, REASON_WIDTH
            )
            reason = add(elided, "fixReason")
            reason.setEnabled(False)
            reason.setToolTip(finding.reason)
        for index, replacement in enumerate(finding.replacements):
            text = self.fitted(hit, replacement)
            action = add(
                self.tr("Replace with {phrase}").format(phrase=quoted(text)),
                f"replaceAction{index}",
            )
            action.triggered.connect(
                lambda _checked=False, h=hit, r=replacement: self._apply_fix(h, r)
            )

    def _apply_fix(self, hit: Hit, replacement: str) -> None:
        current = next(
            (
                candidate
                for candidate in self.hits()
                if candidate.start == hit.start and candidate.finding.term == hit.finding.term
            ),
            None,
        )
        if current is not None:
            self.replace_hit(current, replacement)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _schedule_summary(self) -> None:
        self._summary_timer.start()

    def _summarise(self) -> None:
        check = self.save_check()
        parts = []
        if check.blockers:
            parts.append(self.tr("%n must change", "", len(check.blockers)))
        if check.warnings:
            parts.append(self.tr("%n to check", "", len(check.warnings)))
        if check.hints:
            parts.append(self.tr("%n suggested", "", len(check.hints)))
        self.setAccessibleDescription(
            self.tr("Wording: {counts}.").format(counts=self.tr(", ").join(parts))
            if parts
            else self.tr("No flagged wording.")
        )
        self.findingsChanged.emit()


def _code_point_prefix(text: str, units: int) -> str:
    """The part of ``text`` before UTF-16 position ``units``."""
    if text.isascii():
        return text[:units]
    return text.encode("utf-16-le", "surrogatepass")[: units * 2].decode("utf-16-le", "replace")


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _is_latin(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".,!?;:)")


# --- confirming before saving or sending ------------------------------------------------------


# The verbs on the wording checks' buttons and messages ("send", "save").
ACTION_VERBS: Mapping[str, str] = {
    "send": str(QT_TRANSLATE_NOOP("CheckedTextEdit", "send")),
    "save": str(QT_TRANSLATE_NOOP("CheckedTextEdit", "save")),
}


def _verb(action: str) -> str:
    known = ACTION_VERBS.get(action)
    return QCoreApplication.translate("CheckedTextEdit", known) if known else action


def _anyway(action: str) -> tuple[str, str]:
    """The "… anyway" button's text and accessible name."""
    if action == "send":
        return (
            QCoreApplication.translate("CheckedTextEdit", "Send anyway"),
            QCoreApplication.translate("CheckedTextEdit", "Send anyway, as written"),
        )
    if action == "save":
        return (
            QCoreApplication.translate("CheckedTextEdit", "Save anyway"),
            QCoreApplication.translate("CheckedTextEdit", "Save anyway, as written"),
        )
    return f"{action.capitalize()} anyway", f"{action.capitalize()} anyway, as written"


def _as_it_is(action: str) -> str:
    if action == "send":
        return QCoreApplication.translate("CheckedTextEdit", "Send the text as it is?")
    if action == "save":
        return QCoreApplication.translate("CheckedTextEdit", "Save the text as it is?")
    return f"{action.capitalize()} the text as it is?"


def _finding_line(finding: Finding, *, with_replacement: bool = True) -> str:
    line = f"<b>{html.escape(quoted(finding.matched))}</b>"
    if finding.reason:
        line += f": {html.escape(finding.reason)}"
    if with_replacement and finding.replacements:
        say = QCoreApplication.translate("CheckedTextEdit", "Say instead: {phrase}").format(
            phrase=quoted(finding.replacements[0])
        )
        line += f"<br>{html.escape(say)}"
    return line


def _message_box(parent: QWidget, title: str, body: str, icon: QMessageBox.Icon) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("wordingCheckBox")
    box.setWindowTitle(title)
    box.setIcon(icon)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(body)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


def _add_button(
    box: QMessageBox, text: str, role: QMessageBox.ButtonRole, name: str, accessible: str
) -> QPushButton:
    button = box.addButton(text.replace("&", "&&"), role)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    return button


async def confirm_save(
    editor: CheckedTextEdit, parent: QWidget | None = None, *, action: str = "send"
) -> bool:
    """Whether the editor's text may be saved or sent now (``await`` it in a slot).

    * ``block`` hits: a message says why, offers "Fix: replace with …" (or "Fix all"),
      and the answer is False either way — the agent reviews the fixed text and sends
      again;
    * ``warn`` hits: "Send anyway" returns True, "Go back" (the default) False;
    * hints, or nothing flagged: True at once, no dialog.

    ``action`` is the verb on the buttons ("send", "save"). Uses ``QMessageBox.open()``,
    never ``exec()``.
    """
    check = editor.save_check()
    owner = parent if parent is not None else editor.window()
    if check.blockers:
        await _refuse(editor, owner, check.blockers, action)
        return False
    if check.warnings:
        return await _confirm(editor, owner, check.warnings, action)
    return True


async def _refuse(
    editor: CheckedTextEdit, owner: QWidget, blockers: list[Finding], action: str
) -> None:
    if len(blockers) == 1:
        heading = QCoreApplication.translate(
            "CheckedTextEdit", "Change {phrase} before you {action}:"
        ).format(phrase=quoted(blockers[0].matched), action=_verb(action))
    else:
        heading = editor.plural_text("refuse", len(blockers)).format(action=_verb(action))
    items = "".join(f"<li>{_finding_line(finding)}</li>" for finding in blockers)
    body = f"<p>{html.escape(heading)}</p><ul>{items}</ul>"
    box = _message_box(
        owner,
        QCoreApplication.translate("CheckedTextEdit", "Change the wording first"),
        body,
        QMessageBox.Icon.Warning,
    )
    fixable = [finding for finding in blockers if finding.replacements]
    fix: QPushButton | None = None
    if len(blockers) == 1 and fixable:
        replacement = editor.fitted(_hit_for(editor, fixable[0]), fixable[0].replacements[0])
        fix = _add_button(
            box,
            QCoreApplication.translate("CheckedTextEdit", "Fix: replace with {phrase}").format(
                phrase=quoted(replacement)
            ),
            QMessageBox.ButtonRole.AcceptRole,
            "fixButton",
            QCoreApplication.translate("CheckedTextEdit", "Fix: replace with {phrase}").format(
                phrase=replacement
            ),
        )
    elif fixable:
        fix_all = QCoreApplication.translate(
            "CheckedTextEdit", "Fix all: use the suggested wording"
        )
        fix = _add_button(box, fix_all, QMessageBox.ButtonRole.AcceptRole, "fixButton", fix_all)
    back = _go_back_button(box)
    box.setDefaultButton(fix if fix is not None else back)
    box.setEscapeButton(back)
    clicked = await answer(box)
    if fix is not None and clicked is fix:
        editor.apply_first_replacements(fixable)
    else:
        first = _hit_for(editor, blockers[0])
        if first.end > first.start:
            editor.select_hit(first)
    editor.setFocus(Qt.FocusReason.OtherFocusReason)


async def _confirm(
    editor: CheckedTextEdit, owner: QWidget, warnings: list[Finding], action: str
) -> bool:
    if len(warnings) == 1:
        heading = QCoreApplication.translate(
            "CheckedTextEdit", "Please check this phrase before you {action}:"
        )
    else:
        heading = editor.plural_text("confirm", len(warnings))
    items = "".join(f"<li>{_finding_line(finding)}</li>" for finding in warnings)
    body = (
        f"<p>{html.escape(heading.format(action=_verb(action)))}</p><ul>{items}</ul>"
        f"<p>{html.escape(_as_it_is(action))}</p>"
    )
    box = _message_box(
        owner,
        QCoreApplication.translate("CheckedTextEdit", "Check the wording"),
        body,
        QMessageBox.Icon.Question,
    )
    anyway_text, anyway_name = _anyway(action)
    anyway = _add_button(
        box, anyway_text, QMessageBox.ButtonRole.AcceptRole, "sendAnywayButton", anyway_name
    )
    back = _go_back_button(box)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    clicked = await answer(box)
    if clicked is anyway:
        return True
    editor.select_hit(_hit_for(editor, warnings[0]))
    editor.setFocus(Qt.FocusReason.OtherFocusReason)
    return False


def _go_back_button(box: QMessageBox) -> QPushButton:
    return _add_button(
        box,
        QCoreApplication.translate("CheckedTextEdit", "Go back"),
        QMessageBox.ButtonRole.RejectRole,
        "goBackButton",
        QCoreApplication.translate("CheckedTextEdit", "Go back and edit"),
    )


def _hit_for(editor: CheckedTextEdit, finding: Finding) -> Hit:
    """The editor's hit for ``finding`` (an empty hit at the start when it is gone)."""
    for hit in editor.hits():
        if (hit.finding.start, hit.finding.entry_index) == (finding.start, finding.entry_index):
            return hit
    return Hit(finding, 0, 0)


__all__ = [
    "PICKER_KEYS",
    "QUICK_FIX_KEYS",
    "SEVERITY_COLOURS",
    "CheckedTextEdit",
    "FindingHighlighter",
    "Hit",
    "SaveCheck",
    "confirm_save",
    "finding_tooltip",
    "fitted_replacement",
    "underline_format",
]

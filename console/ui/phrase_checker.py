"""The live phrase checker shared by every checked editor.

:class:`PhraseChecker` holds the current :class:`~console.domain.phrase_matcher.Matcher`
and the approved phrases of the active phrasebook. It knows nothing about storage: the
app feeds it entries (from the phrasebook service, after start-up and after every
trainer's edit), tests construct it from a list.

A new phrasebook is compiled on a worker thread (the running asyncio loop's executor), so
typing never stalls while a large phrasebook is rebuilt; the finished matcher is swapped
in on the UI thread in one assignment and :attr:`PhraseChecker.changed` is emitted, which
makes every open editor re-highlight. A rebuild that is overtaken by a newer one is
dropped, so the last entries given always win.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from console.domain import scripts
from console.domain.phrase_matcher import Finding, Matcher
from console.domain.phrasebook import Language, PhraseEntry, Situation
from console.ui.i18n import language_for_locale, locale
from console.ui.tasks import Tasks


def parse_language(language: str) -> Language:
    """The phrasebook language for an editor's ``language`` ("" or unknown: all)."""
    if not language.strip():
        return Language.ANY
    try:
        return Language.parse(language)
    except ValueError:
        return scripts.parse_language(language)


def staff_script() -> Language:
    """The script of the interface language: ``zh-Hant`` for 繁體中文, ``zh-Hans`` for
    简体中文, ``any`` (text as written) for English."""
    return {"zh_TW": Language.ZH_HANT, "zh_CN": Language.ZH_HANS}.get(
        language_for_locale(locale().name()), Language.ANY
    )


def language_for_customer(language: str) -> str:
    """The language to offer phrases in: the customer's (``en``, ``zh-Hans``,
    ``zh-Hant``) when known, else the interface's (staff address an unknown caller in
    their own language)."""
    known = parse_language(language)
    if known is Language.ANY:
        known = staff_script()
    return Language.EN.value if known is Language.ANY else known.value


def customer_script(language: str) -> Language:
    """The language a customer's text is written in: the customer's language when known,
    else the interface's script (staff write to an unknown customer in their own)."""
    known = parse_language(language)
    return known if known is not Language.ANY else staff_script()


class PhraseChecker(QObject):
    """Checks text against the active phrasebook and offers its approved phrases.

    ``PhraseChecker(entries)`` builds the first matcher at once (a small list, or tests);
    later phrasebooks go through :meth:`set_entries` (or ``await`` :meth:`rebuild`).

    Signals:

    * ``changed()`` — a new phrasebook is in effect (editors re-highlight, pickers reload);
    * ``failed(str)`` — a rebuild failed; the previous phrasebook stays in effect.
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(
        self,
        entries: Iterable[PhraseEntry] = (),
        parent: QObject | None = None,
        *,
        region: str = "",
    ) -> None:
        super().__init__(parent)
        self._region = region
        self._entries: tuple[PhraseEntry, ...] = tuple(entries)
        self._matcher = Matcher.build(self._entries)
        self._approved = tuple(entry for entry in self._entries if entry.is_approved)
        self._generation = 0
        self._tasks = Tasks(on_error=self._rebuild_failed)

    # --- what editors ask ----------------------------------------------------------------

    @property
    def matcher(self) -> Matcher:
        return self._matcher

    @property
    def entries(self) -> tuple[PhraseEntry, ...]:
        """The entries now in effect (a rebuild in progress is not included yet)."""
        return self._entries

    @property
    def rebuilding(self) -> bool:
        """True while a newer phrasebook is being compiled."""
        return self._tasks.pending > 0

    def check(self, text: str) -> list[Finding]:
        """Taboo hits in ``text`` (code-point offsets, sorted by start)."""
        return self._matcher.check(text)

    @property
    def region(self) -> str:
        """The store's region (the ``default_region`` setting): how Simplified phrases are
        rendered for a Traditional-script customer (TW: Taiwan phrasing, HK/MO: Hong Kong)."""
        return self._region

    @region.setter
    def region(self, region: str) -> None:
        if region != self._region:
            self._region = region
            self.changed.emit()

    def approved(self, situation: Situation | None, language: str) -> list[PhraseEntry]:
        """Approved phrases for a situation (None: all) and the customer's language ("":
        all); entries in ``any`` language are always included. A ``zh-Hant`` customer also
        gets automatic renderings of Simplified-only phrases (marked ``converted``).
        Phrasebook order is kept."""
        wanted = parse_language(language)
        return [
            entry
            for entry in scripts.for_customer(self._approved, wanted, self._region)
            if situation is None or entry.situation is situation
        ]

    def localised(self, finding: Finding, language: str = "") -> Finding:
        """*finding* as staff are shown it: the reason in the interface's script, the
        replacements (said to the customer) in the customer's script (*language*; when
        unknown, the interface's)."""
        reason = scripts.in_script(finding.reason, staff_script(), self._region)
        target = customer_script(language)
        replacements = tuple(
            scripts.in_script(text, target, self._region) for text in finding.replacements
        )
        if reason == finding.reason and replacements == finding.replacements:
            return finding
        return finding._replace(reason=reason, replacements=replacements)

    # --- a new phrasebook ----------------------------------------------------------------

    def set_entries(self, entries: Iterable[PhraseEntry]) -> None:
        """Use a new phrasebook: compiled in the background, then :attr:`changed`.

        Returns at once. A rebuild still running is superseded. Without a running asyncio
        loop (a plain script) the matcher is built right here instead.
        """
        snapshot = tuple(entries)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            self._generation += 1
            self._swap(snapshot, Matcher.build(snapshot))
            return
        self._tasks.start(self.rebuild(snapshot), name="rebuild")

    async def rebuild(self, entries: Iterable[PhraseEntry]) -> None:
        """Compile ``entries`` on a worker thread and swap them in on this (UI) thread.

        Returns once the new phrasebook is in effect, or silently when a later
        :meth:`rebuild` overtook this one.
        """
        snapshot = tuple(entries)
        self._generation += 1
        generation = self._generation
        loop = asyncio.get_running_loop()
        matcher = await loop.run_in_executor(None, Matcher.build, snapshot)
        if generation != self._generation:
            return
        self._swap(snapshot, matcher)

    def _swap(self, entries: tuple[PhraseEntry, ...], matcher: Matcher) -> None:
        self._entries = entries
        self._matcher = matcher
        self._approved = tuple(entry for entry in entries if entry.is_approved)
        self.changed.emit()

    def _rebuild_failed(self, exc: BaseException) -> None:
        # Tasks has logged it with the traceback; tell whoever shows messages.
        self.failed.emit(
            self.tr(
                "The phrasebook could not be loaded ({error}); the previous one is used."
            ).format(error=exc)
        )

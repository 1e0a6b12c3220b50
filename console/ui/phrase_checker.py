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

from console.domain.phrase_matcher import Finding, Matcher
from console.domain.phrasebook import Language, PhraseEntry, Situation
from console.ui.tasks import Tasks


def parse_language(language: str) -> Language:
    """The phrasebook language for an editor's ``language`` ("" or unknown: all)."""
    if not language.strip():
        return Language.ANY
    try:
        return Language.parse(language)
    except ValueError:
        return Language.ANY


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

    def __init__(self, entries: Iterable[PhraseEntry] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
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

    def approved(self, situation: Situation | None, language: str) -> list[PhraseEntry]:
        """Approved phrases for a situation (None: all) and language ("": all); entries in
        ``any`` language are always included. Phrasebook order is kept."""
        wanted = parse_language(language)
        return [
            entry
            for entry in self._approved
            if (situation is None or entry.situation is situation) and entry.language.covers(wanted)
        ]

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

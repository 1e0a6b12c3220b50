"""The interface language: Qt translations (.ts → .qm), QLocale formatting, switching live.

How strings are translated (the rules every screen follows):

* In a widget class: ``self.tr("Save")``; counts with plurals: ``self.tr("%n visit(s)",
  "", n)`` (plurals only through ``self.tr`` in a QObject subclass: lupdate does not mark
  ``QCoreApplication.translate(..., n)`` as plural). Never start a comment with ``#:``
  (lupdate reads it as a note for translators).
* Texts are set in a ``retranslate()`` method that the constructor calls and that runs
  again on a language change (:class:`console.ui.widgets.Retranslating`), so a switch
  keeps whatever is typed or open.
* Outside a class, or for constants: ``QCoreApplication.translate("Context", "text")``,
  and ``QT_TRANSLATE_NOOP("Context", "text")`` to mark a constant that is translated where
  it is shown. (A wrapper function hides the context from lupdate: do not write one.)
* Dates, times, numbers and money: :func:`locale` and the ``format_*`` helpers below,
  never ``strftime`` for the interface.
* What staff say to a customer (the greeting, phrasebook suggestions) follows the
  *customer's* language, not the interface language: that text comes from the domain.

Sources live in ``resources/translations/service_console_<lang>.ts`` (``en`` holds only
the plural forms). A wheel (and the desktop bundle) carries them compiled to ``.qm`` at
build time (:mod:`console.assets`), and the app loads those. In a source checkout they are
compiled with ``pyside6-lrelease`` into the user cache the first time they are needed and
again whenever a .ts file changes; no .qm is committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
import subprocess
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QObject,
    QTime,
    QTranslator,
)
from PySide6.QtWidgets import QDateTimeEdit

from console import assets, files
from console.domain import messages
from console.domain.messages import Message
from console.domain.validation import ValidationFailed
from console.services import wording

log = logging.getLogger(__name__)

# Interface languages, in the names their speakers use.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}
DEFAULT_LANGUAGE = "en"
TS_DIR = assets.translation_sources()  # the checkout's .ts files
TS_PREFIX = assets.TS_PREFIX


def system_language() -> str:
    """The interface language that fits the computer's locale (Simplified for the
    mainland and Singapore, Traditional for Taiwan, Hong Kong and Macau)."""
    return language_for_locale(QLocale.system().name())


def language_for_locale(name: str) -> str:
    """zh_HK → zh_TW (the command line's rule too: :mod:`console.services.wording`)."""
    return wording.language_for_locale(name)


def normalise_language(code: str) -> str:
    """A supported interface language for *code* ('' or unknown: the system's)."""
    if code in LANGUAGES:
        return code
    if code.strip():
        return language_for_locale(code)
    return system_language()


def _lrelease() -> str | None:
    bundled = Path(PySide6.__file__).resolve().parent / "lrelease"
    if bundled.exists():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled_dir() -> Path:
    return Path(platformdirs.user_cache_dir("service-console", appauthor=False)) / "qm"


def compile_translations(ts_dir: Path = TS_DIR, out_dir: Path | None = None) -> dict[str, Path]:
    """Compile every .ts whose content changed since it was last compiled; returns the
    .qm file for each language. A .ts that cannot be compiled is logged and skipped (the
    interface then stays in English)."""
    out = out_dir or compiled_dir()
    out.mkdir(parents=True, exist_ok=True)
    compiled: dict[str, Path] = {}
    tool = _lrelease()
    for ts in sorted(ts_dir.glob(f"{TS_PREFIX}*.ts")):
        language = ts.stem.removeprefix(TS_PREFIX)
        digest = hashlib.sha256(ts.read_bytes()).hexdigest()
        qm = out / f"{ts.stem}.qm"
        stamp = out / f"{ts.stem}.sha256"
        fresh = qm.exists() and stamp.exists() and stamp.read_text().strip() == digest
        if not fresh:
            if tool is None:
                log.warning("pyside6-lrelease not found; %s is not compiled", ts.name)
                continue
            result = subprocess.run(
                [tool, "-silent", str(ts), "-qm", str(qm)],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0 or not qm.exists():
                log.warning("could not compile %s: %s", ts.name, result.stderr.strip())
                continue
            stamp.write_text(digest)
        compiled[language] = qm
    return compiled


class Translations:
    """The installed translators; :meth:`switch` changes the language of every window."""

    def __init__(self, ts_dir: Path | None = None, out_dir: Path | None = None) -> None:
        """By default the .qm files built into the package (a wheel or a bundle), else the
        checkout's .ts compiled into the user cache; *ts_dir* / *out_dir* compile those."""
        self._ts_dir = ts_dir
        self._out_dir = out_dir
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def switch(self, language: str) -> str:
        """Install *language* (sends LanguageChange to every widget); returns the
        language actually in use."""
        language = normalise_language(language)
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication first")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(LOCALES.get(language, "en_GB")))
        files = self.compiled()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [files.get(language)]
        if language != "en":  # Qt's own words: OK, Cancel, Save, the calendar
            candidates.append(Path(qt_dir) / f"qtbase_{language}.qm")
        for path in candidates:
            if path is None or not Path(path).exists():
                continue
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                self._installed.append(translator)
            else:
                log.warning("could not load %s", path)
        self.language = language
        return language

    def compiled(self) -> dict[str, Path]:
        """The .qm file of each language. An installed package never runs lrelease."""
        if self._ts_dir is None and self._out_dir is None and assets.is_packaged():
            return assets.compiled_translations()
        return compile_translations(self._ts_dir or TS_DIR, self._out_dir)


# --- formatting for the interface language --------------------------------------------


def locale() -> QLocale:
    """The interface language's locale (set by :meth:`Translations.switch`)."""
    return QLocale()


# How staff in each market write a date.
DATE_FORMATS = {"en": "d MMM yyyy", "zh_CN": "yyyy年M月d日", "zh_TW": "yyyy/MM/dd"}
LOCALES = {"en": "en_GB", "zh_CN": "zh_CN", "zh_TW": "zh_TW"}


def format_date(day: dt.date) -> str:
    """24 Nov 2026 / 2026年11月24日 / 2026/11/24."""
    pattern = DATE_FORMATS.get(language_for_locale(locale().name()), DATE_FORMATS["en"])
    return locale().toString(QDate(day.year, day.month, day.day), pattern)


def show_dates(*edits: QDateTimeEdit) -> None:
    """Date fields (a QDateEdit or QDateTimeEdit, the time shown when the field has one)
    written as :func:`format_date` writes dates: one date style per language on every
    screen. Called where the field is made and again on a change of language."""
    pattern = DATE_FORMATS.get(language_for_locale(locale().name()), DATE_FORMATS["en"])
    for edit in edits:
        with_time = bool(edit.displayedSections() & QDateTimeEdit.Section.HourSection)
        edit.setDisplayFormat(f"{pattern} HH:mm" if with_time else pattern)


def format_time(moment: dt.datetime | dt.time) -> str:
    t = moment.time() if isinstance(moment, dt.datetime) else moment
    return locale().toString(QTime(t.hour, t.minute), QLocale.FormatType.ShortFormat)


def format_datetime(moment: dt.datetime) -> str:
    """The date as :func:`format_date` writes it and the time (short form): one date
    style per language on every screen (28 Nov 2026 16:30 / 2026年11月28日 16:30 /
    2026/11/28 16:30)."""
    return f"{format_date(moment.date())} {format_time(moment)}"


def format_number(value: int | float) -> str:
    return locale().toString(value)


def format_money(amount_minor: int, currency: str) -> str:
    """CNY 1,872.00 → ¥1,872.00 (zh_CN) / CN¥1,872.00 (en); two decimals."""
    symbol = {"CNY": "¥", "HKD": "HK$", "TWD": "NT$", "GBP": "£", "USD": "US$", "EUR": "€"}
    return locale().toCurrencyString(amount_minor / 100, symbol.get(currency, currency + " "), 2)


class TimeWords(QObject):
    """Relative times with plural forms (lupdate marks ``self.tr(..., n)`` as numerus)."""

    def since(self, days: int) -> str:
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        if days < 14:
            return self.tr("%n day(s) ago", "", days)
        if days < 60:
            return self.tr("%n week(s) ago", "", days // 7)
        if days < 365:
            return self.tr("%n month(s) ago", "", days // 30)
        return self.tr("%n year(s) ago", "", days // 365)


_TIME_WORDS: list[TimeWords] = []


def relative_since(then: dt.date, today: dt.date) -> str:
    """ "3 years ago" / "3年前", with plurals, in the interface language."""
    if not _TIME_WORDS:
        _TIME_WORDS.append(TimeWords())
    return _TIME_WORDS[0].since((today - then).days)


# --- what the domain and the services say ---------------------------------------------


def _moment(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    return format_date(value)


def message_text(message: Message) -> str:
    """A message code in the interface language (its template translated in the
    "Messages" context; dates and times as every screen writes them)."""
    return messages.render(
        message, lambda text: QCoreApplication.translate(messages.CONTEXT, text), _moment
    )


def error_text(error: BaseException) -> str:
    """What to tell staff about *error*: its message code in the interface language when
    it carries one (a refusal, a permission, field errors), else its own text."""
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return message_text(message)
    if isinstance(error, files.WriteFailed):
        return message_text(messages.write_failed(error.path, error.reason, error.not_a_file))
    if isinstance(error, ValidationFailed):
        separator = QCoreApplication.translate(messages.CONTEXT, messages.SEPARATOR)
        return separator.join(message_text(text) for text in error.errors.values())
    return str(error)


# --- keeping the sources in step with the code (developers, CI) ----------------------


def source_files(root: Path | None = None) -> list[Path]:
    """The files whose strings are translated: the window's code, the composition root,
    the settings registry and the message codes (marked with QT_TRANSLATE_NOOP)."""
    base = root or Path(__file__).resolve().parents[2]
    return [
        *sorted((base / "console" / "ui").glob("*.py")),
        base / "console" / "app.py",
        base / "console" / "domain" / "options.py",
        base / "console" / "domain" / "messages.py",
    ]


def _lupdate() -> str:
    bundled = Path(PySide6.__file__).resolve().parent / "lupdate"
    if bundled.exists():
        return str(bundled)
    found = shutil.which("pyside6-lupdate") or shutil.which("lupdate")
    if found is None:
        raise RuntimeError("pyside6-lupdate not found")
    return found


def update_sources(ts_dir: Path = TS_DIR, root: Path | None = None) -> list[Path]:
    """Run lupdate: add new strings to every .ts (as unfinished) and drop vanished ones.

    ``en`` keeps only plural forms (English text is its own source). No file locations
    are written, so moving code does not change the .ts files.
    """
    ts_dir.mkdir(parents=True, exist_ok=True)
    sources = [str(p) for p in source_files(root)]
    written = []
    for language in LANGUAGES:
        ts = ts_dir / f"{TS_PREFIX}{language}.ts"
        args = [_lupdate(), "-silent", "-locations", "none", "-no-obsolete"]
        if language == "en":
            args.append("-pluralonly")
        args += ["-target-language", language, *sources, "-ts", str(ts)]
        subprocess.run(args, check=True, capture_output=True, text=True)
        written.append(ts)
    return written


if __name__ == "__main__":  # python -m console.ui.i18n: refresh the .ts files
    for path in update_sources():
        print(path)


def fill_translations(ts: Path, mapping: dict[str, dict[str, str | list[str]]]) -> int:
    """Write translations into a .ts file: ``{context: {source: text or [plural forms]}}``.

    Messages not in *mapping* are left as they are; returns how many were filled.
    (For translators and scripts; Qt Linguist edits the same files.)
    """
    import xml.etree.ElementTree as ET  # only when filling

    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        wanted = mapping.get(name, {})
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if source not in wanted:
                continue
            value = wanted[source]
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value]
                for child in list(translation):
                    translation.remove(child)
                translation.text = "\n            "
                for form in forms:
                    element = ET.SubElement(translation, "numerusform")
                    element.text = form
                    element.tail = "\n            "
            else:
                translation.text = value if isinstance(value, str) else value[0]
            filled += 1
    ET.indent(tree, space="    ")
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    return filled


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    import xml.etree.ElementTree as ET

    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = (
                [f.text or "" for f in forms]
                if forms
                else ["" if translation is None else (translation.text or "")]
            )
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not all(t.strip() for t in texts)
            ):
                missing.append((name, message.findtext("source") or ""))
    return missing

"""The command line's words: message codes in the language of the environment's locale.

The window translates message codes (:mod:`console.domain.messages`) with Qt; the command
line must not load Qt, so it reads the *same* catalogues in plain Python: in an installed
wheel or bundle the compiled ``.qm`` files the window loads (their format is small: a magic
number, tagged sections, and per message its context, source and UTF-16 translation), in a
source checkout the ``.ts`` sources (XML). One set of translations, kept by translators in
one place, checked by one test suite.

The language is the POSIX one for messages: ``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``
(``zh_CN.UTF-8`` → Simplified; ``zh_TW``/``zh_HK``/``zh_MO``/``Hant`` → Traditional).
Unset, ``C``, ``POSIX`` or any other language: English, so scripts keep stable output.
"""

from __future__ import annotations

import functools
import os
import struct
from collections.abc import Mapping
from pathlib import Path

from console import assets, files
from console.domain import messages, options
from console.domain.messages import Message
from console.domain.validation import ValidationFailed

ENGLISH = "en"
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES_SECTION = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT = 1, 3, 5, 6, 7


def language_for_locale(name: str) -> str:
    """The interface language for a locale name (``zh_HK.UTF-8`` → ``zh_TW``)."""
    name = name.replace("-", "_")
    if name.startswith("zh"):
        traditional = ("_TW", "_HK", "_MO", "Hant")
        return "zh_TW" if any(mark in name for mark in traditional) else "zh_CN"
    return ENGLISH


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks messages in (English when it asks none)."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "").strip()
        if value:
            return language_for_locale(value)
    return ENGLISH


def read_ts(path: Path, context: str = messages.CONTEXT) -> dict[str, str]:
    """The finished translations of *context* in a ``.ts`` file, by source text."""
    import xml.etree.ElementTree as ET  # only in a checkout, only for a translated run

    found: dict[str, str] = {}
    for element in ET.parse(path).getroot().iter("context"):
        if element.findtext("name") != context:
            continue
        for message in element.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                continue
            text = translation.text or ""
            if text:
                found[message.findtext("source") or ""] = text
    return found


def read_qm(path: Path, context: str = messages.CONTEXT) -> dict[str, str]:
    """The translations of *context* in a compiled ``.qm`` file, by source text."""
    data = path.read_bytes()
    if not data.startswith(QM_MAGIC):
        raise ValueError(f"{path.name} is not a compiled Qt translation")
    position = len(QM_MAGIC)
    section = b""
    while position + 5 <= len(data):
        tag = data[position]
        (length,) = struct.unpack(">I", data[position + 1 : position + 5])
        if tag == _MESSAGES_SECTION:
            section = data[position + 5 : position + 5 + length]
        position += 5 + length
    found: dict[str, str] = {}
    current: dict[int, str] = {}
    i = 0
    while i < len(section):
        tag = section[i]
        i += 1
        if tag == _END:
            if current.get(_CONTEXT) == context and current.get(_TRANSLATION):
                found[current.get(_SOURCE, "")] = current[_TRANSLATION]
            current = {}
            continue
        if tag == _OBSOLETE1:
            i += 4
            continue
        (length,) = struct.unpack(">I", section[i : i + 4])
        i += 4
        if length == 0xFFFFFFFF:  # a null string
            continue
        raw = section[i : i + length]
        i += length
        if tag == _TRANSLATION:
            current.setdefault(_TRANSLATION, raw.decode("utf-16-be"))  # the first form
        elif tag in (_SOURCE, _CONTEXT):
            current[tag] = raw.decode("utf-8")
    return found


@functools.cache
def catalogue(language: str, context: str = messages.CONTEXT) -> dict[str, str]:
    """The translations of *context* (the message codes by default) in *language*
    (empty for English or a language without a catalogue)."""
    if language == ENGLISH:
        return {}
    compiled = assets.compiled_translations().get(language)
    if compiled is not None:
        return read_qm(compiled, context)
    source = assets.translation_sources() / f"{assets.TS_PREFIX}{language}.ts"
    return read_ts(source, context) if source.exists() else {}


def say(message: Message, language: str | None = None) -> str:
    """*message* in *language* (default: the environment's); an untranslated template
    stays English."""
    words = catalogue(environment_language() if language is None else language)
    return messages.render(message, lambda text: words.get(text) or text)


def error_text(error: BaseException, language: str | None = None) -> str:
    """What to print for *error*: its message code in words when it carries one (a
    refusal, a permission, field errors), else its own text."""
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return say(message, language)
    if isinstance(error, files.WriteFailed):
        return say(messages.write_failed(error.path, error.reason, error.not_a_file), language)
    if isinstance(error, ValidationFailed):
        said = [say(text, language) for text in error.errors.values()]
        words = catalogue(environment_language() if language is None else language)
        return (words.get(messages.SEPARATOR) or messages.SEPARATOR).join(said)
    if isinstance(error, options.Invalid):  # a setting's refusal (context "Settings")
        words = catalogue(environment_language() if language is None else language, "Settings")
        template = words.get(error.template) or error.template
        return template.format(name=error.option.key, **error.params)
    return str(error)

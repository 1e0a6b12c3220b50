"""Chinese scripts: phrasebook text in the customer's script, reasons in the staff's.

Customer-facing text follows the customer (``en``, ``zh-Hans``, ``zh-Hant``). A trainer
often writes a phrase only in Simplified; a Traditional-script customer then gets an
automatic rendering made with OpenCC, in the phrasing of the store's region (Taiwan:
``s2twp``, which also swaps mainland words for Taiwan ones; Hong Kong and Macau: ``s2hk``;
anywhere else ``s2tw``, Taiwan standard characters). Such a rendering is *marked*:
:attr:`PhraseEntry.converted_from` holds the Simplified text it came from, so the phrasebook
editor can show it as "converted automatically" and a trainer can approve it (save it as a
real ``zh-Hant`` entry) or correct it.

Placeholders (``{preferred_name}``) are ASCII and pass through OpenCC unchanged.
No Qt, no I/O (OpenCC's dictionaries are loaded once per configuration).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable

import opencc

from console.domain.phrasebook import Language, PhraseEntry

# The store's region (the ``default_region`` setting) → how Simplified becomes Traditional.
TRADITIONAL_CONFIGS: dict[str, str] = {"TW": "s2twp", "HK": "s2hk", "MO": "s2hk"}
OTHER_REGIONS_CONFIG = "s2tw"


def traditional_config(region: str) -> str:
    """The OpenCC configuration for Traditional text in *region* (``TW`` → ``s2twp``)."""
    return TRADITIONAL_CONFIGS.get(region.strip().upper(), OTHER_REGIONS_CONFIG)


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@functools.lru_cache(maxsize=4096)
def _convert(config: str, text: str) -> str:
    return str(_converter(config).convert(text))


def to_traditional(text: str, region: str = "") -> str:
    """*text* in Traditional characters, with the region's phrasing (Latin text unchanged)."""
    return _convert(traditional_config(region), text) if text else text


def to_simplified(text: str) -> str:
    """*text* in Simplified characters (Latin text unchanged)."""
    return _convert("t2s", text) if text else text


def in_script(text: str, language: Language | str, region: str = "") -> str:
    """*text* in the script of *language*: Traditional for ``zh-Hant``, Simplified for
    ``zh-Hans``; English, ``any`` and unknown languages leave it as written."""
    if isinstance(language, str) and not isinstance(language, Language):
        language = parse_language(language)
    if language is Language.ZH_HANT:
        return to_traditional(text, region)
    if language is Language.ZH_HANS:
        return to_simplified(text)
    return text


def parse_language(tag: str) -> Language:
    """A phrasebook language for a customer's or interface's language tag, loosely:
    ``zh-Hant``/``zh_TW``/``zh-HK``/``zh-MO`` → Traditional, other ``zh`` → Simplified,
    ``en…`` → English; ``""`` or anything else → ``any`` (not known)."""
    value = tag.strip().replace("_", "-").lower()
    if not value:
        return Language.ANY
    if value.startswith("zh"):
        traditional = ("hant", "-tw", "-hk", "-mo")
        return Language.ZH_HANT if any(mark in value for mark in traditional) else Language.ZH_HANS
    if value.startswith("en"):
        return Language.EN
    return Language.ANY


def traditional_rendering(entry: PhraseEntry, region: str = "") -> PhraseEntry:
    """A ``zh-Hant`` rendering of a ``zh-Hans`` *entry* (text, replacements, reason and
    exceptions converted), marked with :attr:`PhraseEntry.converted_from`. It has no id:
    approving it means saving it as an entry of its own."""
    convert = functools.partial(to_traditional, region=region)
    return dataclasses.replace(
        entry,
        id=None,
        language=Language.ZH_HANT,
        text=convert(entry.text),
        replacements=tuple(convert(text) for text in entry.replacements),
        reason=convert(entry.reason),
        exceptions=tuple(convert(text) for text in entry.exceptions),
        converted_from=entry.text,
        source_id=entry.id,
    )


def _key(entry: PhraseEntry) -> tuple[object, ...]:
    return (entry.kind, entry.situation, entry.text)


def missing_traditional(entries: Iterable[PhraseEntry], region: str = "") -> list[PhraseEntry]:
    """Renderings of the ``zh-Hans`` entries that no ``zh-Hant`` entry covers yet (a
    written zh-Hant entry with the same kind, situation and text as the rendering), in
    phrasebook order. These are the ones a trainer should approve or correct."""
    return [
        entry for entry in for_customer(entries, Language.ZH_HANT, region) if entry.converted_from
    ]


def for_customer(
    entries: Iterable[PhraseEntry], language: Language | str, region: str = ""
) -> list[PhraseEntry]:
    """The entries to offer for a customer who speaks *language*, in phrasebook order.

    ``en`` and ``zh-Hans`` customers get the entries written in their language and those
    in ``any``; a ``zh-Hant`` customer also gets an automatic rendering of every
    Simplified entry that has no Traditional counterpart (marked as converted). An
    unknown language (``""``/``any``) gets everything, as written.
    """
    if isinstance(language, str) and not isinstance(language, Language):
        language = parse_language(language)
    listed = list(entries)
    if language is Language.ANY:
        return listed
    if language is not Language.ZH_HANT:
        return [entry for entry in listed if entry.language.covers(language)]
    written = {_key(entry) for entry in listed if entry.language is Language.ZH_HANT}
    out: list[PhraseEntry] = []
    for entry in listed:
        if entry.language.covers(Language.ZH_HANT):
            out.append(entry)
        elif entry.language is Language.ZH_HANS and not entry.converted_from:
            rendering = traditional_rendering(entry, region)
            if _key(rendering) not in written:
                written.add(_key(rendering))
                out.append(rendering)
    return out

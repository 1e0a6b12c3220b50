"""The .ts sources match the code, every string is translated, placeholders survive."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from console.ui.i18n import (
    LANGUAGES,
    TS_DIR,
    TS_PREFIX,
    compile_translations,
    unfinished,
    update_sources,
)

PLACEHOLDER = re.compile(r"%L?n|%L?\d+|\{[a-z_]*\}")


def ts_files() -> list[Path]:
    return [TS_DIR / f"{TS_PREFIX}{language}.ts" for language in LANGUAGES]


def test_the_ts_files_are_up_to_date_with_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "translations"
    shutil.copytree(TS_DIR, copy)
    update_sources(ts_dir=copy)
    stale = [ts.name for ts in ts_files() if (copy / ts.name).read_bytes() != ts.read_bytes()]
    assert not stale, (
        f"{stale} are out of date with the code: run `python -m console.ui.i18n`, "
        "translate the new strings and commit the .ts files"
    )


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_string_is_translated(language: str) -> None:
    missing = unfinished(TS_DIR / f"{TS_PREFIX}{language}.ts")
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"


def _messages(ts: Path) -> list[tuple[str, str, list[str]]]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            found.append(
                (name, message.findtext("source") or "", forms or [translation.text or ""])
            )
    return found


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_placeholders_and_shortcut_letters_survive_translation(language: str) -> None:
    for context, source, forms in _messages(TS_DIR / f"{TS_PREFIX}{language}.ts"):
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in forms:
            found = sorted(PLACEHOLDER.findall(text))
            plural = next((p for p in wanted if p.endswith("n")), None)
            if len(forms) > 1 and plural and plural not in found:
                found = sorted([*found, plural])  # a singular form may say "this phrase"
            assert found == wanted, (context, source, text)
            has_mnemonic = re.search(r"&[^&\s]", source.replace("&&", "")) is not None
            if has_mnemonic:
                assert re.search(r"&[^&\s]", text.replace("&&", "")), (context, source, text)


def test_traditional_chinese_is_not_simplified(tmp_path: Path) -> None:
    import opencc

    to_traditional = opencc.OpenCC("s2tw")
    # Characters OpenCC writes in their formal form but Taiwan commonly writes as is.
    accepted = {"台", "游", "余"}  # 台灣, 游標 (cursor), 余 (a surname)
    for context, source, forms in _messages(TS_DIR / f"{TS_PREFIX}zh_TW.ts"):
        for text in forms:
            converted = to_traditional.convert(text)
            differ = {a for a, b in zip(text, converted, strict=False) if a != b}
            quoted = set(source)  # examples quoted from the source keep their script
            assert differ <= accepted | quoted, (context, source, text, sorted(differ))


def test_all_sources_compile(tmp_path: Path) -> None:
    compiled = compile_translations(out_dir=tmp_path)
    assert set(compiled) == set(LANGUAGES)
    assert all(path.stat().st_size > 0 for path in compiled.values())

"""Benchmark the phrase matcher with a 10,000-entry mixed English/Chinese phrasebook.

Run: ``python tests/benchmarks/bench_phrase_matcher.py [--runs N]``; prints one JSON object.

Measures (issue 3 targets):
  * checking a 2,000-character text, p95 <= 1 ms (normalisation and offset mapping included);
  * re-checking one edited paragraph (~200 characters), p95 <= 0.2 ms;
  * rebuilding the matcher, <= 200 ms (cold: the first build in a process also loads the
    OpenCC character table);
and the same texts with a plain ``re`` alternation of all terms (case-insensitive, ASCII
letter/digit boundaries for Latin edges) for comparison. The regular expression does less
work than the matcher: no width or Simplified/Traditional folding, no ignorable
characters, no whitespace runs, no exceptions, no offset mapping.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import opencc  # noqa: E402

from console.domain.phrase_matcher import Matcher  # noqa: E402
from console.domain.phrasebook import (  # noqa: E402
    EntryKind,
    Language,
    PhraseEntry,
    Severity,
)

# The most frequent Chinese characters, as a pool for terms and text.
COMMON_HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研名您请谢欢迎帮助顾客服务店"
)
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


class HanziPool:
    """About 2,500 characters: the common ones first, then others from the CJK block;
    drawn with Zipf-like weights so that text looks like text (a few characters are very
    frequent, most are rare) and terms start with many different characters."""

    def __init__(self, rng: random.Random) -> None:
        common = list(dict.fromkeys(COMMON_HANZI))
        others = [chr(code) for code in range(0x4E00, 0x9FA6) if chr(code) not in common]
        self.chars = common + rng.sample(others, 2500 - len(common))
        self._text_weights = [1 / (rank + 1) for rank in range(len(self.chars))]
        self._term_weights = [1 / (rank + 1) ** 0.7 for rank in range(len(self.chars))]
        self._rng = rng

    def text(self, length: int) -> str:
        return "".join(self._rng.choices(self.chars, self._text_weights, k=length))

    def term(self, length: int) -> str:
        return "".join(self._rng.choices(self.chars, self._term_weights, k=length))


TARGETS_MS = {"check_2000": 1.0, "check_paragraph": 0.2, "rebuild": 200.0}


def pseudo_words(rng: random.Random, count: int, syllables: tuple[int, int]) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*syllables))))
    return sorted(words)


def make_phrasebook(
    rng: random.Random, size: int, text_vocabulary: list[str], hanzi: HanziPool
) -> list[PhraseEntry]:
    """Half English, half Chinese (a fifth of it in Traditional script)."""
    to_traditional = opencc.OpenCC("s2t")
    rare_words = pseudo_words(rng, 20_000, (3, 4))
    severities = list(Severity)
    entries: list[PhraseEntry] = []
    texts: set[str] = set()

    def add(text: str, language: Language, **extra: object) -> None:
        if text in texts:
            return
        texts.add(text)
        entries.append(
            PhraseEntry(
                id=len(entries) + 1,
                kind=EntryKind.TABOO,
                language=language,
                text=text,
                severity=rng.choice(severities),
                replacements=("Certainly", "My pleasure"),
                reason="Benchmark entry.",
                **extra,  # type: ignore[arg-type]
            )
        )

    # Some words and two-word phrases staff really type, so a text has real hits.
    for word in rng.sample(text_vocabulary, 150):
        add(word, Language.EN)
    while len(entries) < 300:
        add(" ".join(rng.sample(text_vocabulary, 2)), Language.EN)
    while len(entries) < size // 2:
        words = rng.sample(rare_words, rng.randint(1, 3))
        exceptions = (" ".join([*words, rng.choice(rare_words)]),) if rng.random() < 0.1 else ()
        add(" ".join(words), Language.EN, exceptions=exceptions)
    while len(entries) < size:
        term = hanzi.term(rng.randint(2, 5))
        if rng.random() < 0.2:
            add(to_traditional.convert(term), Language.ZH_HANT)
        else:
            add(term, Language.ZH_HANS, variant_insensitive=rng.random() > 0.05)
    return entries


def make_paragraph(
    rng: random.Random, length: int, vocabulary: list[str], hanzi: HanziPool, chinese: bool
) -> str:
    parts: list[str] = []
    size = 0
    while size < length:
        if chinese:
            piece = hanzi.text(rng.randint(8, 20)) + rng.choice("，。、？！")
        else:
            piece = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 12))) + ". "
        parts.append(piece)
        size += len(piece)
    return "".join(parts)[:length]


def make_text(rng: random.Random, vocabulary: list[str], hanzi: HanziPool) -> str:
    paragraphs = [
        make_paragraph(rng, 199, vocabulary, hanzi, chinese=i % 2 == 1) for i in range(10)
    ]
    paragraphs[3] = "😀 ＯＫ " + paragraphs[3][5:]
    return "\n\n".join(paragraphs)[:2000]


def measure(function: Callable[[], object], runs: int) -> dict[str, float]:
    for _ in range(min(50, runs)):
        function()
    samples: list[float] = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter_ns()
            function()
            samples.append((time.perf_counter_ns() - start) / 1e6)
    finally:
        gc.enable()
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 4),
        "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 4),
        "max_ms": round(samples[-1], 4),
        "runs": runs,
    }


def checker(matcher: Matcher, text: str) -> Callable[[], object]:
    return lambda: matcher.check(text)


def regex_for(entries: list[PhraseEntry]) -> re.Pattern[str]:
    latin = sorted(
        (e.text for e in entries if e.text[0].isascii() or e.text[-1].isascii()), key=len
    )[::-1]
    chinese = sorted((e.text for e in entries if not e.text[0].isascii()), key=len)[::-1]
    pattern = (
        r"(?<![A-Za-z0-9])(?:"
        + "|".join(map(re.escape, latin))
        + r")(?![A-Za-z0-9])|"
        + "|".join(map(re.escape, chinese))
    )
    return re.compile(pattern, re.IGNORECASE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=2000, help="timed runs per measurement")
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()

    rng = random.Random(20260101)
    vocabulary = pseudo_words(rng, 1500, (1, 3))
    hanzi = HanziPool(rng)
    entries = make_phrasebook(rng, args.entries, vocabulary, hanzi)
    text = make_text(rng, vocabulary, hanzi)
    paragraph = make_paragraph(rng, 100, vocabulary, hanzi, chinese=False) + make_paragraph(
        rng, 100, vocabulary, hanzi, chinese=True
    )

    start = time.perf_counter()
    matcher = Matcher.build(entries)
    cold_build_ms = (time.perf_counter() - start) * 1000
    rebuild = measure(lambda: Matcher.build(entries), max(5, args.runs // 100))

    check_2000 = measure(lambda: matcher.check(text), args.runs)
    check_paragraph = measure(lambda: matcher.check(paragraph), args.runs)
    # Harder variants of the 2,000-character check, for information.
    variants = {
        "all_chinese": hanzi.text(2000),
        "traditional": opencc.OpenCC("s2t").convert(text),
        # Soft hyphens and emoji ZWJ sequences take the segmented folding path.
        "soft_hyphens_and_zwj_emoji": (
            text.replace("。", "。\u00ad").replace(". ", ". 👩\u200d💻 ")[:2000]
        ),
    }
    check_variants = {
        name: {**measure(checker(matcher, variant), args.runs // 2), "chars": len(variant)}
        for name, variant in variants.items()
    }

    start = time.perf_counter()
    pattern = regex_for(entries)
    regex_compile_ms = (time.perf_counter() - start) * 1000
    regex_runs = max(20, args.runs // 20)
    regex_2000 = measure(lambda: pattern.findall(text), regex_runs)
    regex_paragraph = measure(lambda: pattern.findall(paragraph), regex_runs)

    result = {
        "benchmark": "phrase_matcher",
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "entries": len(entries),
        "text_chars": len(text),
        "paragraph_chars": len(paragraph),
        "findings_2000": len(matcher.check(text)),
        "findings_paragraph": len(matcher.check(paragraph)),
        "matcher": {
            "check_2000": check_2000,
            "check_paragraph": check_paragraph,
            "rebuild": rebuild,
            "cold_first_build_ms": round(cold_build_ms, 1),
            "check_2000_variants": check_variants,
        },
        "regex": {
            "check_2000": regex_2000,
            "check_paragraph": regex_paragraph,
            "compile_ms": round(regex_compile_ms, 1),
            "matches_2000": len(pattern.findall(text)),
            "matches_paragraph": len(pattern.findall(paragraph)),
        },
        "regex_to_matcher_p95_ratio": {
            "check_2000": round(regex_2000["p95_ms"] / check_2000["p95_ms"], 1),
            "check_paragraph": round(regex_paragraph["p95_ms"] / check_paragraph["p95_ms"], 1),
        },
        "targets_ms": TARGETS_MS,
        "targets_met": {
            "check_2000": check_2000["p95_ms"] <= TARGETS_MS["check_2000"],
            "check_paragraph": check_paragraph["p95_ms"] <= TARGETS_MS["check_paragraph"],
            "rebuild": rebuild["p95_ms"] <= TARGETS_MS["rebuild"],
        },
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

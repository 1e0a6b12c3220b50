"""The phrase matcher's public contract (issue 3, "Matching rules"), validation, and
placeholder filling for approved phrases."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.domain import phrase_matcher
from console.domain.phrase_matcher import (
    Finding,
    Matcher,
    ProblemCode,
    normalise,
    normalise_term,
    utf16_offsets,
    validate,
)
from console.domain.phrasebook import (
    EntryKind,
    FillResult,
    Language,
    Phrasebook,
    PhraseEntry,
    Severity,
    Situation,
    fill,
    placeholders,
)


def taboo(
    text: str,
    severity: Severity | None = Severity.WARN,
    *,
    id: int | None = None,
    language: Language = Language.ANY,
    exceptions: tuple[str, ...] = (),
    replacements: tuple[str, ...] = (),
    reason: str = "",
    variant_insensitive: bool = True,
) -> PhraseEntry:
    return PhraseEntry(
        id=id,
        kind=EntryKind.TABOO,
        language=language,
        text=text,
        severity=severity,
        exceptions=exceptions,
        replacements=replacements,
        reason=reason,
        variant_insensitive=variant_insensitive,
    )


def approved(
    text: str,
    situation: Situation | None = Situation.GREETING,
    *,
    language: Language = Language.EN,
    id: int | None = None,
) -> PhraseEntry:
    return PhraseEntry(
        id=id, kind=EntryKind.APPROVED, language=language, text=text, situation=situation
    )


def hits(terms: list[str] | list[PhraseEntry], text: str) -> list[str]:
    entries = [t if isinstance(t, PhraseEntry) else taboo(t) for t in terms]
    return [finding.matched for finding in Matcher.build(entries).check(text)]


# --- The rule examples, table-driven ------------------------------------------------------

RULES = [
    # case-insensitive
    pytest.param(["OK"], "ok, ok", ["ok", "ok"], id="lower case"),
    pytest.param(["ok"], "OK Ok oK", ["OK", "Ok", "oK"], id="any case"),
    pytest.param(["no problem"], "NO PROBLEM", ["NO PROBLEM"], id="upper case phrase"),
    # width-insensitive
    pytest.param(["OK"], "ＯＫ", ["ＯＫ"], id="full-width letters"),
    pytest.param(["ＯＫ"], "ok", ["ok"], id="full-width term"),
    pytest.param(["cheap"], "ｃｈｅａｐ price", ["ｃｈｅａｐ"], id="full-width word"),
    pytest.param(["ok"], "ＯＫ的", ["ＯＫ"], id="full-width before Chinese"),
    # Simplified/Traditional-insensitive by default
    pytest.param(["这里就是这样的"], "這裡就是這樣的", ["這裡就是這樣的"], id="S term, T text"),
    pytest.param(["這裡就是這樣的"], "这里就是这样的", ["这里就是这样的"], id="T term, S text"),
    pytest.param(
        ["这里就是这样的"], "他说這里就是这樣的。", ["這里就是这樣的"], id="mixed scripts"
    ),
    # Latin letters/digits need boundaries; Chinese counts as a boundary
    pytest.param(["OK"], "OK的", ["OK"], id="OK的"),
    pytest.param(["cheap"], "这个cheap价格", ["cheap"], id="这个cheap价格"),
    pytest.param(["OK"], "Oklahoma", [], id="Oklahoma"),
    pytest.param(["cheap"], "cheaper", [], id="cheaper"),
    pytest.param(["hey"], "heyday", [], id="heyday"),
    pytest.param(["hey"], "they", [], id="letter before"),
    pytest.param(["hey"], "hey!", ["hey"], id="punctuation after"),
    pytest.param(["hey"], "(hey)", ["hey"], id="brackets"),
    pytest.param(["hey"], "hey_", ["hey"], id="underscore is not a letter"),
    pytest.param(["A1"], "A1 A12 BA1 1A1", ["A1"], id="digits need boundaries"),
    pytest.param(["OK"], "OK2", [], id="digit after"),
    pytest.param(["OK"], "éOK", [], id="accented letter before"),
    pytest.param(["OK"], "OKの", ["OK"], id="kana is a boundary"),
    pytest.param(["OK"], "說OK。", ["OK"], id="Traditional is a boundary"),
    # Chinese terms match anywhere
    pytest.param(["不知道"], "我不知道啊", ["不知道"], id="Chinese inside Chinese"),
    pytest.param(["不知道"], "abc不知道xyz", ["不知道"], id="Chinese between letters"),
    pytest.param(["没办法"], "真没办法", ["没办法"], id="Chinese at the end"),
    # whitespace runs match one space
    pytest.param(["no problem"], "no   problem", ["no   problem"], id="spaces"),
    pytest.param(["no problem"], "no\tproblem", ["no\tproblem"], id="tab"),
    pytest.param(["no problem"], "no\n\nproblem", ["no\n\nproblem"], id="newlines"),
    pytest.param(["no problem"], "no\u3000problem", ["no\u3000problem"], id="ideographic space"),
    pytest.param(["no problem"], "no\u00a0problem", ["no\u00a0problem"], id="no-break space"),
    pytest.param(["no  problem"], "no problem", ["no problem"], id="run in the term"),
    pytest.param(["no problem"], "noproblem", [], id="space is needed"),
    # soft hyphen and zero-width characters are ignored
    pytest.param(["problem"], "pro\u00adblem", ["pro\u00adblem"], id="soft hyphen"),
    pytest.param(["problem"], "pro\u200bblem", ["pro\u200bblem"], id="zero-width space"),
    pytest.param(["problem"], "pro\u200cblem", ["pro\u200cblem"], id="ZWNJ"),
    pytest.param(["problem"], "pro\u200dblem", ["pro\u200dblem"], id="ZWJ"),
    pytest.param(["problem"], "pro\u2060blem", ["pro\u2060blem"], id="word joiner"),
    pytest.param(["problem"], "pro\ufeffblem", ["pro\ufeffblem"], id="BOM"),
    pytest.param(["不知道"], "不\u200b知\u00ad道", ["不\u200b知\u00ad道"], id="in Chinese"),
    pytest.param(["hey"], "\u200bhey\u200b", ["hey"], id="not part of the hit"),
    pytest.param(["hey"], "hey\u200bday", [], id="ignored, so it is heyday"),
    pytest.param(["no problem"], "no \u00ad problem", ["no \u00ad problem"], id="inside a run"),
    # other folding
    pytest.param(["strasse"], "Straße", ["Straße"], id="sharp s"),
    pytest.param(["fine"], "ﬁne", ["ﬁne"], id="ligature"),
    pytest.param(["café"], "cafe\u0301!", ["cafe\u0301"], id="combining accent"),
    pytest.param(["cafe"], "cafe\u0301", [], id="accent is not ignored"),
    pytest.param(["OK"], "OK²", [], id="superscript stays a digit"),
]


@pytest.mark.parametrize(("terms", "text", "expected"), RULES)
def test_matching_rules(terms: list[str], text: str, expected: list[str]) -> None:
    assert hits(terms, text) == expected


def test_switching_variants_off_matches_only_the_entry_script() -> None:
    simplified = taboo("这里就是这样的", variant_insensitive=False)
    traditional = taboo("這裡就是這樣的", variant_insensitive=False)
    assert hits([simplified], "这里就是这样的") == ["这里就是这样的"]
    assert hits([simplified], "這裡就是這樣的") == []
    assert hits([traditional], "這裡就是這樣的") == ["這裡就是這樣的"]
    assert hits([traditional], "这里就是这样的") == []
    # Case and width still fold for a script-sensitive entry.
    assert hits([taboo("OK的", variant_insensitive=False)], "ＯＫ的") == ["ＯＫ的"]


def test_exceptions_hide_hits_inside_them() -> None:
    entry = taboo("no problem", exceptions=("No Problem Tea",))
    assert hits([entry], "A No Problem Tea, please") == []
    assert hits([entry], "no problem tea") == []
    assert hits([entry], "ｎｏ　ｐｒｏｂｌｅｍ　ｔｅａ") == []
    assert hits([entry], "No Problem Tea? No problem.") == ["No problem"]
    # "Teas" does not contain the exception "tea" as a word, so the term is flagged.
    assert hits([entry], "no problem teas") == ["no problem"]


def test_exceptions_in_chinese_and_across_scripts() -> None:
    entry = taboo("不知道", exceptions=("不知道您",))
    assert hits([entry], "不知道您是否方便？") == []
    assert hits([entry], "我不知道。") == ["不知道"]
    assert hits([taboo("没办法", exceptions=("不是没办法",))], "也不是沒辦法") == []


def test_an_exception_belongs_to_its_entry() -> None:
    own = taboo("no problem", exceptions=("No Problem Tea",))
    other = taboo("problem")
    assert hits([own, other], "No Problem Tea") == ["Problem"]


def test_an_exception_overlapping_only_partly_does_not_hide_the_hit() -> None:
    entry = taboo("hey", exceptions=("Hey Tea",))
    assert hits([entry], "hey hey tea") == ["hey"]


def test_longest_overlapping_hit_wins() -> None:
    assert hits(["明天再来", "下班了明天再来"], "下班了明天再来吧") == ["下班了明天再来"]
    assert hits(["you people", "people"], "you people") == ["you people"]
    # Partial overlap: the longer one wins, wherever it starts.
    assert hits(["no problem", "problem tea"], "no problem tea") == ["problem tea"]
    # Equal length: the earlier one wins.
    assert hits(["ab cd", "cd ef"], "ab cd ef") == ["ab cd"]
    # Non-overlapping hits are all kept.
    assert hits(["hey", "OK"], "hey, OK, hey") == ["hey", "OK", "hey"]


def test_same_span_prefers_the_more_severe_entry() -> None:
    hint = taboo("hey", Severity.HINT, id=1)
    block = taboo("HEY", Severity.BLOCK, id=2)
    [finding] = Matcher.build([hint, block]).check("hey")
    assert (finding.entry_id, finding.severity) == (2, Severity.BLOCK)


def test_finding_reports_the_entry() -> None:
    entry = taboo(
        "calm down",
        Severity.BLOCK,
        id=7,
        reason="It makes them angrier.",
        replacements=("I understand how frustrating this is.",),
    )
    text = "Please  CALM\u00ad DOWN now"
    [finding] = Matcher.build([approved("Hello"), entry]).check(text)
    assert finding == Finding(
        start=8,
        end=18,
        matched="CALM\u00ad DOWN",
        term="calm down",
        severity=Severity.BLOCK,
        reason="It makes them angrier.",
        replacements=("I understand how frustrating this is.",),
        entry_id=7,
        entry_index=1,
    )
    assert text[finding.start : finding.end] == finding.matched
    assert finding.as_dict()["severity"] == "block"
    assert finding.as_dict()["replacements"] == ["I understand how frustrating this is."]


def test_findings_are_sorted_by_start() -> None:
    text = "不知道, hey, 沒辦法, OK"
    found = Matcher.build([taboo(t) for t in ("OK", "没办法", "hey", "不知道")]).check(text)
    assert [f.matched for f in found] == ["不知道", "hey", "沒辦法", "OK"]
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_only_taboo_entries_are_matched() -> None:
    matcher = Matcher.build([approved("hey"), taboo("cheap")])
    assert len(matcher) == 1
    assert [(f.matched, f.entry_index) for f in matcher.check("hey, cheap")] == [("cheap", 1)]
    assert len(matcher.entries) == 2


def test_edge_cases_do_not_break_the_matcher() -> None:
    assert Matcher.build([]).check("anything") == []
    assert Matcher.build([taboo("hey")]).check("") == []
    assert Matcher.build([taboo(""), taboo(" \u200b ")]).check("hey") == []
    # A taboo entry without severity still matches (as warn); validate() reports it.
    [finding] = Matcher.build([taboo("hey", None)]).check("hey")
    assert finding.severity is Severity.WARN


def test_characters_used_internally_as_codes_are_ordinary_text() -> None:
    # The automaton sees term characters numbered from U+8000 (and placeholders in the
    # U+FDD0 block); the same code points typed in a text must not pose as terms.
    matcher = Matcher.build([taboo("hey"), taboo("不知道")])
    internal = "".join(map(chr, range(0x8000, 0x8010))) + "\ufdd0\ufdd1\ufdd2"
    assert matcher.check(internal) == []
    assert [f.matched for f in matcher.check(internal + "hey" + internal + "不知道")] == [
        "hey",
        "不知道",
    ]
    # Terms using those characters are skipped; the others still work.
    odd = Matcher.build([taboo("a\ufdd0b"), taboo("hey")])
    assert len(odd) == 1 and [f.matched for f in odd.check("a\ufdd0b hey")] == ["hey"]


def test_without_the_compact_encoding_the_results_are_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entries = [taboo("hey"), taboo("不知道", exceptions=("不知道您",)), taboo("no problem")]
    text = "Hey 不知道您 no  problem 不知道, heyday"
    compact = Matcher.build(entries).check(text)
    monkeypatch.setattr(phrase_matcher, "_CODE_CAPACITY", 2)
    plain = Matcher.build(entries).check(text)
    assert plain == compact
    assert [f.matched for f in plain] == ["Hey", "no  problem", "不知道"]


def test_hits_after_emoji_and_rare_characters_convert_to_utf16() -> None:
    text = "😀𠮷 hey 👍🏽 不知道"
    found = Matcher.build([taboo("hey"), taboo("不知道")]).check(text)
    assert [(f.start, f.end) for f in found] == [(3, 6), (10, 13)]
    assert [f.matched for f in found] == ["hey", "不知道"]
    assert [utf16_offsets(text, f.start, f.end) for f in found] == [(5, 8), (14, 17)]
    # Checked against the real UTF-16 encoding.
    encoded = text.encode("utf-16-le")
    start16, end16 = utf16_offsets(text, found[1].start, found[1].end)
    assert encoded[start16 * 2 : end16 * 2].decode("utf-16-le") == "不知道"


def test_utf16_offsets() -> None:
    assert utf16_offsets("hello", 1, 3) == (1, 3)
    assert utf16_offsets("中文ok", 2, 4) == (2, 4)
    assert utf16_offsets("𠮷ok", 1, 3) == (2, 4)
    assert utf16_offsets("a😀b", 1, 2) == (1, 3)
    assert utf16_offsets("a😀b", 3, 3) == (4, 4)
    with pytest.raises(ValueError, match="outside"):
        utf16_offsets("abc", 2, 5)
    with pytest.raises(ValueError, match="outside"):
        utf16_offsets("abc", 2, 1)


def test_normalise() -> None:
    assert normalise("ＯＫ  Hey\u200b\n這裡") == "ok hey 这里"
    assert normalise("這裡", variants=False) == "這裡"
    assert normalise_term("  No\u00ad Problem ") == "no problem"
    assert normalise("") == ""


def test_the_matcher_can_be_shared_between_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    matcher = Matcher.build([taboo("hey"), taboo("不知道")])
    texts = [f"{chr(0x4E00 + i)}hey不知道{chr(0x1F600 + i % 50)}" for i in range(200)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(matcher.check, texts))
    assert all([f.matched for f in result] == ["hey", "不知道"] for result in results)


# --- Properties ---------------------------------------------------------------------------

PROPERTY_ENTRIES = [
    taboo("hey"),
    taboo("OK", exceptions=("OK便利店",)),
    taboo("no problem", exceptions=("No Problem Tea",)),
    taboo("cheap"),
    taboo("A1"),
    taboo("strasse"),
    taboo("不知道", exceptions=("不知道您",)),
    taboo("这里就是这样的"),
    taboo("这不归我管"),
    taboo("没办法", variant_insensitive=False),
    taboo("明天再来"),
    taboo("下班了明天再来"),
]
PROPERTY_MATCHER = Matcher.build(PROPERTY_ENTRIES)


def _plain_matcher(entries: list[PhraseEntry]) -> Matcher:
    """A matcher using characters as they are (as for a phrasebook with very many
    distinct characters)."""
    capacity = phrase_matcher._CODE_CAPACITY
    phrase_matcher._CODE_CAPACITY = 0
    try:
        return Matcher.build(entries)
    finally:
        phrase_matcher._CODE_CAPACITY = capacity


PLAIN_MATCHER = _plain_matcher(PROPERTY_ENTRIES)

SPECIALS = (
    " \t\n\u3000\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\u0301\u0308"
    "ßﬁ²😀𠮷👍🏽.,!的了這裡樣沒辦ＯＫｈｅｙ"
)
pieces = st.one_of(
    st.sampled_from(
        [
            "hey",
            "HEY",
            "ok",
            "OK便利店",
            "no problem",
            "no  problem",
            "No Problem Tea",
            "cheap",
            "cheaper",
            "A1",
            "Straße",
            "不知道",
            "不知道您",
            "這裡就是這樣的",
            "这里就是这样的",
            "沒辦法",
            "没办法",
            "下班了明天再来",
            "明天再來",
        ]
    ),
    st.text(alphabet=SPECIALS + "abcdehkoOpyK1", min_size=1, max_size=3),
    st.text(max_size=3),
)
texts = st.lists(pieces, max_size=12).map("".join)


def check_consistent(text: str, found: list[Finding]) -> None:
    previous_end = 0
    for finding in found:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.start >= previous_end, "findings overlap or are unsorted"
        previous_end = finding.end
        assert text[finding.start : finding.end] == finding.matched
        entry = PROPERTY_ENTRIES[finding.entry_index]
        variants = entry.variant_insensitive
        assert normalise_term(finding.matched, variants=variants) == normalise_term(
            entry.text, variants=variants
        )


@settings(max_examples=400, deadline=None, database=None)
@given(texts)
def test_offsets_always_slice_the_original_text(text: str) -> None:
    found = PROPERTY_MATCHER.check(text)
    check_consistent(text, found)
    assert PLAIN_MATCHER.check(text) == found


@settings(max_examples=300, deadline=None, database=None)
@given(st.text())
def test_offsets_slice_arbitrary_text(text: str) -> None:
    check_consistent(text, PROPERTY_MATCHER.check(text))


def _vary(text: str, choices: list[int]) -> str:
    out = []
    for char, choice in zip(text, choices, strict=True):
        if "!" <= char <= "~" and choice == 1:
            out.append(char.swapcase())
        elif "!" <= char <= "~" and choice == 2:
            out.append(chr(ord(char) + 0xFEE0))  # the full-width form
        else:
            out.append(char)
    return "".join(out)


@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.data(), texts)
def test_findings_do_not_depend_on_width_or_case(data: st.DataObject, text: str) -> None:
    choices = data.draw(st.lists(st.integers(0, 2), min_size=len(text), max_size=len(text)))
    varied = _vary(text, choices)
    assert len(varied) == len(text)

    def key(found: list[Finding]) -> list[tuple[int, int, int]]:
        return [(f.start, f.end, f.entry_index) for f in found]

    assert key(PROPERTY_MATCHER.check(varied)) == key(PROPERTY_MATCHER.check(text))


@settings(max_examples=200, deadline=None, database=None)
@given(st.sampled_from(["hey", "cheap", "不知道", "这里就是这样的", "no problem"]), texts, texts)
def test_an_inserted_term_is_found_between_boundaries(term: str, before: str, after: str) -> None:
    text = f"{before} {term} {after}"
    start = len(before) + 1
    found = PROPERTY_MATCHER.check(text)
    # Either the term itself is found, or a longer hit or an exception covers it.
    covering = [f for f in found if f.start <= start and start + len(term) <= f.end]
    overlapping = [f for f in found if f.start < start + len(term) and start < f.end]
    assert covering or overlapping or "no problem tea" in normalise(text)


# --- Validation ---------------------------------------------------------------------------


def codes(entries: list[PhraseEntry]) -> list[ProblemCode]:
    return [problem.code for problem in validate(entries)]


def test_a_clean_phrasebook_has_no_problems() -> None:
    entries = [
        approved("My pleasure.", Situation.FAREWELL),
        approved("给您添麻烦了，非常抱歉。", Situation.APOLOGY, language=Language.ZH_HANS),
        approved("給您添麻煩了，非常抱歉。", Situation.APOLOGY, language=Language.ZH_HANT),
        taboo("no problem", replacements=("My pleasure",), exceptions=("No Problem Tea",)),
        taboo("不知道", replacements=("我帮您查一下",)),
    ]
    assert validate(entries) == []


def test_validation_reports_empty_and_missing_fields() -> None:
    entries = [taboo("  \u200b"), taboo("hey", None), approved("Hello", None)]
    problems = validate(entries)
    assert [p.code for p in problems] == [
        ProblemCode.EMPTY_TEXT,
        ProblemCode.MISSING_SEVERITY,
        ProblemCode.MISSING_SITUATION,
    ]
    assert [p.entries for p in problems] == [(0,), (1,), (2,)]
    assert (
        str(problems[1].message)
        == "entry 2: taboo term 'hey' has no severity (block, warn or hint)."
    )


def test_validation_reports_a_taboo_term_that_is_an_approved_phrase() -> None:
    entries = [approved("Certainly", id=10), taboo("ＣＥＲＴＡＩＮＬＹ", id=11)]
    [problem] = validate(entries)
    assert problem.code is ProblemCode.TABOO_IS_APPROVED
    assert problem.entries == (1, 0)
    assert problem.entry_ids == (11, 10)
    assert "entry #11" in str(problem.message) and "entry #10" in str(problem.message)


def test_validation_reports_an_approved_phrase_that_would_be_flagged() -> None:
    entries = [approved("No problem at all!"), taboo("no problem")]
    [problem] = validate(entries)
    assert problem.code is ProblemCode.APPROVED_IS_FLAGGED
    assert problem.entries == (0, 1)


def test_validation_reports_a_taboo_replacement() -> None:
    entries = [taboo("hey", replacements=("Hello", "OK, hi")), taboo("OK")]
    [problem] = validate(entries, labels=["line 2", "line 3"])
    assert problem.code is ProblemCode.REPLACEMENT_IS_TABOO
    assert problem.entries == (0, 1)
    assert str(problem.message) == (
        "line 2: replacement 'OK, hi' for 'hey' is itself flagged by taboo term 'OK' (line 3)."
    )


def test_validation_reports_duplicates_after_normalisation() -> None:
    entries = [
        taboo("这里就是这样的", language=Language.ZH_HANS),
        taboo("這裡就是這樣的", language=Language.ZH_HANT),
        taboo("Hey", language=Language.EN),
        taboo("ＨＥＹ", language=Language.ANY),
        taboo("hey  you"),
    ]
    problems = validate(entries)
    assert [(p.code, p.entries) for p in problems] == [
        (ProblemCode.DUPLICATE, (0, 1)),
        (ProblemCode.DUPLICATE, (2, 3)),
    ]


def test_duplicates_respect_language_and_script_sensitivity() -> None:
    # Different languages that do not overlap are not duplicates.
    assert codes([taboo("OK", language=Language.EN), taboo("OK", language=Language.ZH_HANS)]) == []
    # Two script-sensitive entries in different scripts match different texts.
    assert (
        codes(
            [
                taboo("没办法", language=Language.ZH_HANS, variant_insensitive=False),
                taboo("沒辦法", language=Language.ZH_HANT, variant_insensitive=False),
            ]
        )
        == []
    )
    # Approved phrases are offered per script and per situation.
    same = "我非常理解您的心情。"
    assert (
        codes(
            [
                approved(same, Situation.EMPATHY, language=Language.ZH_HANS),
                approved(same, Situation.EMPATHY, language=Language.ZH_HANT),
                approved(same, Situation.APOLOGY, language=Language.ZH_HANS),
            ]
        )
        == []
    )
    assert codes(
        [
            approved("My pleasure.", Situation.FAREWELL),
            approved("my  PLEASURE.", Situation.FAREWELL, language=Language.ANY),
        ]
    ) == [ProblemCode.DUPLICATE]


def test_validation_reports_useless_exceptions_and_separators() -> None:
    problems = validate([taboo("hey", exceptions=("Hello there",), replacements=("Hello|Hi",))])
    assert [p.code for p in problems] == [
        ProblemCode.EXCEPTION_WITHOUT_TERM,
        ProblemCode.SEPARATOR_IN_ITEM,
    ]


def test_validation_labels_must_match() -> None:
    with pytest.raises(ValueError, match="labels"):
        validate([taboo("hey")], labels=[])


# --- Phrasebook model and placeholders ----------------------------------------------------


def test_placeholders_in_order_each_once() -> None:
    text = "Hello {preferred_name}, I'm {agent_name} at {store}. {preferred_name}!"
    assert placeholders(text) == ["preferred_name", "agent_name", "store"]
    assert placeholders("{name} {} { x } {1a} {{store}}") == ["name", "store"]
    assert placeholders("您好，欢迎光临{store}！") == ["store"]


def test_fill_with_every_value() -> None:
    result = fill(
        "Good morning, {preferred_name}. Welcome to {store}.",
        {"preferred_name": "Ms Chen", "store": "Harbour City"},
    )
    assert result == FillResult("Good morning, Ms Chen. Welcome to Harbour City.")
    assert result.complete


@pytest.mark.parametrize("value", [None, "", "   "])
def test_fill_reports_missing_values_and_never_invents_text(value: str | None) -> None:
    values = {"agent_name": "Li Wei", "preferred_name": value}
    result = fill("{preferred_name}您好，我是{agent_name}。{preferred_name}", values)
    assert not result.complete
    assert result.missing == ("preferred_name",)
    assert "[" not in result.text
    assert result.text == "{preferred_name}您好，我是Li Wei。{preferred_name}"
    assert [result.text[s:e] for s, e in result.missing_spans] == ["{preferred_name}"] * 2


def test_fill_does_not_expand_values_again() -> None:
    result = fill("Hi {name}", {"name": "{store}", "store": "X"})
    assert result.text == "Hi {store}" and result.complete


def test_fill_keeps_braces_that_are_not_placeholders() -> None:
    assert fill("{ not one } {}", {}) == FillResult("{ not one } {}")


def test_enums_parse_leniently() -> None:
    assert Language.parse("ZH-hans") is Language.ZH_HANS
    assert Language.parse("zh_Hant") is Language.ZH_HANT
    assert Situation.parse("Welcome-Back") is Situation.WELCOME_BACK
    assert Severity.parse(" BLOCK ") is Severity.BLOCK
    assert EntryKind.parse("Taboo") is EntryKind.TABOO
    with pytest.raises(ValueError, match=r"unknown severity 'stop' \(use one of: block"):
        Severity.parse("stop")
    assert [s.rank for s in Severity] == [0, 1, 2]


def test_phrasebook_picks_approved_phrases_by_situation_and_language() -> None:
    book = Phrasebook(
        "Brand",
        (
            approved("Welcome back!", Situation.WELCOME_BACK),
            approved("欢迎回来！", Situation.WELCOME_BACK, language=Language.ZH_HANS),
            approved("😊", Situation.WELCOME_BACK, language=Language.ANY),
            approved("Goodbye", Situation.FAREWELL),
            taboo("hey"),
        ),
    )
    assert len(book) == 5 and len(book.taboo) == 1 and len(book.approved) == 4
    picked = book.approved_for(Situation.WELCOME_BACK, Language.ZH_HANS)
    assert [e.text for e in picked] == ["欢迎回来！", "😊"]
    assert len(book.approved_for()) == 4

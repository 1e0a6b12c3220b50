"""Names: Chinese detection, surname-aware pinyin, splitting, fallback address."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.names import (
    COMPOUND_SURNAMES,
    default_address,
    has_cjk,
    pinyin_syllables,
    romanise,
    split_chinese_name,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张伟", True),
        ("David 张", True),
        ("\u3400", True),  # Extension A
        ("\u9fa5", True),
        ("𠮷", True),  # Extension B (outside the BMP)
        ("\U0002b740", True),  # Extension D
        ("\U00030000", True),  # Extension G
        ("\uf900", True),  # compatibility ideograph
        ("\U0002f800", True),  # compatibility supplement
        ("David Smith", False),
        ("", False),
        ("ひらがな カタカナ", False),
        ("한국어", False),
        ("１２３ＡＢＣ", False),
        ("·、。", False),
    ],
)
def test_has_cjk(text: str, expected: bool) -> None:
    assert has_cjk(text) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张伟", ("张", "伟")),
        ("李小龙", ("李", "小龙")),
        ("欧阳娜娜", ("欧阳", "娜娜")),
        ("歐陽娜娜", ("歐陽", "娜娜")),
        ("诸葛亮", ("诸葛", "亮")),
        ("長孫無忌", ("長孫", "無忌")),
        ("尉遲恭", ("尉遲", "恭")),
        ("司马", ("司马", "")),
        ("张 伟", ("张", "伟")),
        ("  欧阳 娜娜 ", ("欧阳", "娜娜")),
        ("张", ("张", "")),
        ("David Smith", ("", "David Smith")),
        ("", ("", "")),
    ],
)
def test_split_chinese_name(name: str, expected: tuple[str, str]) -> None:
    assert split_chinese_name(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张伟", "Zhang Wei"),
        ("欧阳娜娜", "Ouyang Nana"),
        ("李小龙", "Li Xiaolong"),
        ("張偉", "Zhang Wei"),
        ("司马光", "Sima Guang"),
        ("诸葛亮", "Zhuge Liang"),
        ("长孙无忌", "Zhangsun Wuji"),
        ("尉迟恭", "Yuchi Gong"),
        ("万俟卨", "Moqi Xie"),
        # Surnames read differently from the everyday word.
        ("单田芳", "Shan Tianfang"),
        ("單田芳", "Shan Tianfang"),
        ("曾国藩", "Zeng Guofan"),
        ("解缙", "Xie Jin"),
        ("仇英", "Qiu Ying"),
        ("朴槿惠", "Piao Jinhui"),
        ("区家麟", "Ou Jialin"),
        ("查良镛", "Zha Liangyong"),
        ("乐嘉", "Yue Jia"),
        # ... but only in the surname position.
        ("张乐", "Zhang Le"),
        ("王曾", "Wang Ceng"),
        # Phrase-aware given names, ü, and the pinyin apostrophe.
        ("张长江", "Zhang Changjiang"),
        ("吕布", "Lü Bu"),
        ("李小安", "Li Xiao'an"),
        ("张", "Zhang"),
        ("张 伟", "Zhang Wei"),
        ("张伟 David", "Zhang Wei David"),
        ("David 张", "David Zhang"),
        ("约翰·史密斯", "Yuehan Shimisi"),
        ("𠮷田", "Ji Tian"),
        ("\uf900", "Qi"),  # compatibility form of 豈
        ("David Smith", ""),
        ("", ""),
    ],
)
def test_romanise(name: str, expected: str) -> None:
    assert romanise(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张伟", "Zhāng Wěi"),
        ("欧阳娜娜", "Ōuyáng Nànà"),
        ("单田芳", "Shàn Tiánfāng"),
        ("吕布", "Lǚ Bù"),
        ("李小安", "Lǐ Xiǎo'ān"),
        ("西安", "Xī Ān"),  # a name: surname 西, given name 安
    ],
)
def test_romanise_with_tones(name: str, expected: str) -> None:
    assert romanise(name, tones=True) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张伟", ["zhang", "wei"]),
        ("欧阳娜娜", ["ou", "yang", "na", "na"]),
        ("单田芳", ["shan", "tian", "fang"]),
        ("曾小贤", ["zeng", "xiao", "xian"]),
        ("吕布", ["lv", "bu"]),
        ("張偉 David", ["zhang", "wei", "david"]),
        ("O'Brien 王", ["obrien", "wang"]),
        ("Mary-Jane Smith", ["mary", "jane", "smith"]),
        ("ＡＢＣ张", ["abc", "zhang"]),
        ("𡈽屋", ["tu", "wu"]),
        ("", []),
    ],
)
def test_pinyin_syllables(name: str, expected: list[str]) -> None:
    assert pinyin_syllables(name) == expected


def test_pinyin_syllables_returns_a_fresh_list() -> None:
    first = pinyin_syllables("张伟")
    first.append("changed")
    assert pinyin_syllables("张伟") == ["zhang", "wei"]


def test_compound_surnames_include_traditional_forms() -> None:
    for simplified, traditional in [
        ("欧阳", "歐陽"),
        ("司马", "司馬"),
        ("诸葛", "諸葛"),
        ("东方", "東方"),
    ]:
        assert COMPOUND_SURNAMES[simplified] == COMPOUND_SURNAMES[traditional]
    for surname in [
        "上官",
        "皇甫",
        "慕容",
        "令狐",
        "尉迟",
        "公孙",
        "夏侯",
        "长孙",
        "宇文",
        "司徒",
        "端木",
    ]:
        assert surname in COMPOUND_SURNAMES


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("余华", "zh-Hans", "余华"),
        ("余华", "en", "余华"),
        ("  Anna   Lee ", "en", "Anna Lee"),
        ("Anna Lee", "zh-Hant", "Anna Lee"),
        ("", "", ""),
    ],
)
def test_default_address_is_the_full_name(name: str, language: str, expected: str) -> None:
    assert default_address(name, language) == expected


_han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


@given(st.text(alphabet=_han, min_size=1, max_size=6))
def test_one_syllable_per_chinese_character(name: str) -> None:
    syllables = pinyin_syllables(name)
    assert len(syllables) == len(name)
    assert all(s and s == s.lower() for s in syllables)
    assert romanise(name)

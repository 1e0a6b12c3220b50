"""Names: Chinese detection, surname-aware pinyin, and a fallback form of address.

Pinyin comes from pypinyin, whose readings are right for words but not always for
surnames: 单 is *dān* in 单独 but the surname Shàn, 曾 is *céng* in 曾经 but the surname
Zēng. A name is therefore split into surname and given name first; the surname is read
from :data:`SURNAME_READINGS` (single characters) or :data:`COMPOUND_SURNAMES` (two
characters, Simplified and Traditional), and only the given name goes through pypinyin.

A leading two-character compound surname wins over a single one (欧阳娜娜 → 欧阳 + 娜娜),
so the rare 夏 + 侯… reading is romanised as Xiahou; staff can correct the stored
romanisation by hand. Names written with a middle dot (约翰·史密斯, a transliterated
foreign name) have no surname split: each part is one word.

Characters pypinyin has no reading for are kept as they are, so nothing is silently lost.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, and the Supplementary and
# Tertiary Ideographic Planes (Extensions B–I and the Compatibility Supplement).
_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")
_CJK_OR_OTHER_RUN = re.compile(f"([{_CJK_CLASS}]+)")
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans("", "", "'’")
# Separators between the parts of a transliterated foreign name (约翰·史密斯).
_NAME_DOTS = ("·", "•", "・", "‧", "．")

#: Surname readings (tone-marked) for characters whose usual reading differs as a surname.
SURNAME_READINGS: dict[str, str] = {
    "单": "shàn",
    "單": "shàn",
    "曾": "zēng",
    "解": "xiè",
    "仇": "qiú",
    "朴": "piáo",
    "区": "ōu",
    "區": "ōu",
    "查": "zhā",
    "盖": "gě",
    "蓋": "gě",
    "乐": "yuè",
    "樂": "yuè",
    "缪": "miào",
    "繆": "miào",
    "翟": "zhái",
    "秘": "bì",
    "召": "shào",
    "繁": "pó",
    "华": "huà",
    "華": "huà",
    "任": "rén",
    "种": "chóng",
    "種": "chóng",
    "重": "chóng",
    "员": "yùn",
    "員": "yùn",
    "黑": "hè",
    "过": "guō",
    "過": "guō",
    "那": "nā",
    "阚": "kàn",
    "闞": "kàn",
    "隗": "wěi",
    "冼": "xiǎn",
    "洗": "xiǎn",
    "宁": "nìng",
    "寧": "nìng",
    "甯": "nìng",
    "柏": "bǎi",
    "薄": "bó",
    "祭": "zhài",
    "纪": "jǐ",
    "紀": "jǐ",
    "尉": "wèi",
    "覃": "qín",
    "长": "cháng",
    "長": "cháng",
    "朝": "cháo",
    "句": "gōu",
    "能": "nài",
    "曲": "qū",
    "角": "jué",
    "折": "shé",
    "燕": "yān",
    "蕃": "pí",
    "卜": "bǔ",
    "沈": "shěn",
    "郇": "huán",
    "贾": "jiǎ",
    "賈": "jiǎ",
    "石": "shí",
    "车": "chē",
    "車": "chē",
    "万": "wàn",
    "萬": "wàn",
    "都": "dū",
    "谌": "chén",
    "諶": "chén",
    "厍": "shè",
    "厙": "shè",
    "佘": "shé",
    "莘": "shēn",
    "臧": "zāng",
    "粘": "nián",
    "於": "yū",
    "乜": "niè",
    "令": "líng",
    "叶": "yè",
    "葉": "yè",
}

#: Two-character surnames (Simplified and Traditional) with their tone-marked readings.
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ōu", "yáng"),
    "歐陽": ("ōu", "yáng"),
    "司马": ("sī", "mǎ"),
    "司馬": ("sī", "mǎ"),
    "上官": ("shàng", "guān"),
    "诸葛": ("zhū", "gě"),
    "諸葛": ("zhū", "gě"),
    "东方": ("dōng", "fāng"),
    "東方": ("dōng", "fāng"),
    "皇甫": ("huáng", "fǔ"),
    "慕容": ("mù", "róng"),
    "令狐": ("líng", "hú"),
    "尉迟": ("yù", "chí"),
    "尉遲": ("yù", "chí"),
    "公孙": ("gōng", "sūn"),
    "公孫": ("gōng", "sūn"),
    "夏侯": ("xià", "hóu"),
    "长孙": ("zhǎng", "sūn"),
    "長孫": ("zhǎng", "sūn"),
    "宇文": ("yǔ", "wén"),
    "司徒": ("sī", "tú"),
    "端木": ("duān", "mù"),
    "澹台": ("tán", "tái"),
    "澹臺": ("tán", "tái"),
    "万俟": ("mò", "qí"),
    "萬俟": ("mò", "qí"),
    "单于": ("chán", "yú"),
    "單于": ("chán", "yú"),
    "闻人": ("wén", "rén"),
    "聞人": ("wén", "rén"),
    "赫连": ("hè", "lián"),
    "赫連": ("hè", "lián"),
    "呼延": ("hū", "yán"),
    "轩辕": ("xuān", "yuán"),
    "軒轅": ("xuān", "yuán"),
    "钟离": ("zhōng", "lí"),
    "鍾離": ("zhōng", "lí"),
    "鐘離": ("zhōng", "lí"),
    "申屠": ("shēn", "tú"),
    "太史": ("tài", "shǐ"),
    "淳于": ("chún", "yú"),
    "濮阳": ("pú", "yáng"),
    "濮陽": ("pú", "yáng"),
    "公冶": ("gōng", "yě"),
    "宗政": ("zōng", "zhèng"),
    "南宫": ("nán", "gōng"),
    "南宮": ("nán", "gōng"),
    "百里": ("bǎi", "lǐ"),
    "东郭": ("dōng", "guō"),
    "東郭": ("dōng", "guō"),
    "西门": ("xī", "mén"),
    "西門": ("xī", "mén"),
    "拓跋": ("tuò", "bá"),
    "独孤": ("dú", "gū"),
    "獨孤": ("dú", "gū"),
    "司空": ("sī", "kōng"),
    "公羊": ("gōng", "yáng"),
    "左丘": ("zuǒ", "qiū"),
    "鲜于": ("xiān", "yú"),
    "鮮于": ("xiān", "yú"),
    "闾丘": ("lǘ", "qiū"),
    "閭丘": ("lǘ", "qiū"),
    "乐正": ("yuè", "zhèng"),
    "樂正": ("yuè", "zhèng"),
    "巫马": ("wū", "mǎ"),
    "巫馬": ("wū", "mǎ"),
    "公西": ("gōng", "xī"),
    "漆雕": ("qī", "diāo"),
    "亓官": ("qí", "guān"),
    "司寇": ("sī", "kòu"),
    "颛孙": ("zhuān", "sūn"),
    "顓孫": ("zhuān", "sūn"),
    "梁丘": ("liáng", "qiū"),
    "羊舌": ("yáng", "shé"),
    "微生": ("wēi", "shēng"),
    "谷梁": ("gǔ", "liáng"),
    "穀梁": ("gǔ", "liáng"),
    "仲孙": ("zhòng", "sūn"),
    "仲孫": ("zhòng", "sūn"),
    "第五": ("dì", "wǔ"),
}

# Readings pypinyin lacks for characters seen in names (outside the surname position too).
_EXTRA_READINGS: dict[str, str] = {"𠮷": "jí", "𡈽": "tǔ"}


def has_cjk(text: str) -> bool:
    """True if *text* contains a CJK ideograph (unified, Ext A–I, or compatibility)."""
    return _CJK_CHAR.search(text) is not None


def split_chinese_name(name: str) -> tuple[str, str]:
    """Split a Chinese name into ``(surname, given name)``.

    The surname is a known two-character compound (欧阳, 司馬 …) or else the first
    character; a space after it is allowed (``张 伟``). A name that equals a compound
    surname is taken as the surname alone (``欧阳`` → ``("欧阳", "")``). A name that does
    not start with a Chinese character has no Chinese surname: ``("", name)``. Both parts
    are substrings of the stripped input.
    """
    text = name.strip()
    if not text or not _CJK_CHAR.match(text):
        return "", text
    if text[:2] in COMPOUND_SURNAMES:
        return text[:2], text[2:].strip()
    return text[0], text[1:].strip()


def romanise(name: str, *, tones: bool = False) -> str:
    """Pinyin for a Chinese name, surname first: ``张伟`` → ``"Zhang Wei"``.

    The surname is one capitalised word (欧阳娜娜 → ``"Ouyang Nana"``), the given name
    another (李小龙 → ``"Li Xiaolong"``), with the pinyin apostrophe where a syllable
    starting with a, o or e would run together (李小安 → ``"Li Xiao'an"``). ü is kept
    (吕 → ``"Lü"``). With ``tones=True`` the syllables carry tone marks (``"Zhāng Wěi"``).
    Latin words in a mixed name are kept as typed (``张伟 David`` → ``"Zhang Wei David"``).
    A name without Chinese characters returns ``""``.
    """
    return _romanise(name, tones)


def pinyin_syllables(name: str) -> list[str]:
    """Search syllables of *name*: lowercase, toneless, one per Chinese character.

    Surname readings are used as in :func:`romanise` (单田芳 → ``["shan", "tian", "fang"]``).
    ü is written ``v`` as pinyin keyboards type it (吕 → ``"lv"``). Non-Chinese parts become
    lowercase words without apostrophes or punctuation (``O'Brien`` → ``"obrien"``). A
    character with no known reading is kept as the character itself.
    """
    return list(_syllables(name))


def default_address(name: str, language: str) -> str:
    """How to address someone whose preferred form of address is empty: the full name.

    Staff set the preferred form (``余先生``, ``Mr. Yu``); without it the full name is the
    safe choice in every language (a guessed title can offend). Whitespace is tidied.
    *language* is accepted so callers need not change when the rule becomes richer.
    """
    del language
    return " ".join(name.split())


# --- internals ---------------------------------------------------------------------------


_SURNAME, _HAN, _OTHER = "surname", "han", "other"


@functools.lru_cache(maxsize=262144)
def _syllables(name: str) -> tuple[str, ...]:
    result: list[str] = []
    for kind, part in _name_parts(name):
        if kind == _OTHER:
            result.extend(_WORD.findall(part.translate(_APOSTROPHES).lower()))
        else:
            result.extend(_toneless(s, False) for s in _readings(kind, part))
    return tuple(result)


@functools.lru_cache(maxsize=65536)
def _romanise(name: str, tones: bool) -> str:
    if not has_cjk(name):
        return ""
    words: list[str] = []
    for kind, part in _name_parts(name):
        if kind == _OTHER:
            words.extend(w for w in part.split() if any(ch.isalnum() for ch in w))
            continue
        syllables = _readings(kind, part)
        if not tones:
            syllables = tuple(_toneless(s, True) for s in syllables)
        words.append(_capitalise(_join_syllables(syllables)))
    return " ".join(words)


def _name_parts(name: str) -> list[tuple[str, str]]:
    """The name as (kind, text) parts in order: the surname, Chinese runs, other text."""
    text = unicodedata.normalize("NFKC", name).strip()
    if not text:
        return []
    if any(dot in text for dot in _NAME_DOTS):
        pieces = [text]
        for dot in _NAME_DOTS:
            pieces = [p for piece in pieces for p in piece.split(dot)]
        return [part for piece in pieces for part in _runs(piece)]
    surname, given = split_chinese_name(text)
    parts: list[tuple[str, str]] = [(_SURNAME, surname)] if surname else []
    parts.extend(_runs(given))
    return parts


def _runs(text: str) -> list[tuple[str, str]]:
    """Alternating runs of Chinese characters and other text; blank runs dropped."""
    return [
        (_HAN if index % 2 == 1 else _OTHER, run)
        for index, run in enumerate(_CJK_OR_OTHER_RUN.split(text))
        if run.strip()
    ]


def _readings(kind: str, run: str) -> tuple[str, ...]:
    """Tone-marked readings of a run of Chinese characters, one per character."""
    if kind == _SURNAME:
        if run in COMPOUND_SURNAMES:
            return COMPOUND_SURNAMES[run]
        if run in SURNAME_READINGS:
            return (SURNAME_READINGS[run],)
    return _given_readings(run)


@functools.lru_cache(maxsize=131072)
def _given_readings(run: str) -> tuple[str, ...]:
    """Phrase-aware readings of a given name (or any run that is not a known surname)."""
    # pypinyin loads its dictionaries on import (~0.2 s): only when a name needs it.
    from pypinyin import Style, lazy_pinyin

    readings = lazy_pinyin(run, style=Style.TONE)
    if len(readings) != len(run):
        readings = [reading for ch in run for reading in lazy_pinyin(ch, style=Style.TONE)]
    pairs = zip(run, readings, strict=True)
    return tuple(_EXTRA_READINGS.get(ch, reading) for ch, reading in pairs)


@functools.lru_cache(maxsize=8192)
def _toneless(syllable: str, keep_u: bool) -> str:
    """``lǚ`` → ``lv`` (search) or ``lü`` (display); other text is returned unchanged."""
    from pypinyin.contrib.tone_convert import to_normal

    return to_normal(syllable, v_to_u=keep_u)


def _join_syllables(syllables: tuple[str, ...]) -> str:
    joined = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        base = unicodedata.normalize("NFD", syllable[:1])[:1]
        joined += ("'" if base in ("a", "o", "e") else "") + syllable
    return joined


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]

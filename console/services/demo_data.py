"""Deterministic, realistic demo data: customers, visits and purchases.

Pure Python (no Qt, no SQLite) and fast enough to fill a database with a million
customers: every list is built once at import, and the hot loops only draw floats from
:class:`random.Random` and index into those lists.

**Customer index.** Customer number *i* of a run (0-based) has the *customer index*
``start_member_no - 1 + i`` and the member number ``M%08d`` of ``customer index + 1``.
Everything about a customer is a function of ``(seed, customer index)`` (plus ``today``
for ages and ``region`` for local phone numbers), so
``generate_customers(n, start_member_no=k + 1)`` yields exactly customers ``k … k+n-1``
of a longer run, and ``generate_history(index)`` can be called for any customer, in any
order, in any process.

**Blocks.** Customers come in blocks of 100 (indices 0–99, 100–199, …). Each block holds
exactly 55 mainland Chinese (zh-Hans), 5 Hong Kong and 5 Taiwan (zh-Hant) and 35
English-speaking customers (14 living in the home region, 12 in the UK, 9 in the US),
and exactly 70 regular, 18 silver, 9 gold and 3 VIP members, shuffled within the block.
The language group, tier and home store of a customer are shared by both generators, so
a VIP from Hong Kong also shops like one, in Hong Kong.

**Phones** are produced directly in E.164 from number ranges that ``phonenumbers``
accepts as valid mobiles. Each phone country has its own number space and a bijective
scramble of ``2 × (rank of the customer among that country's customers) + slot``, so
numbers never repeat within a seed, also across runs that use ``start_member_no``.

**Region** is the home region of the demo business (``CN`` by default; ``HK``, ``TW``,
``GB`` and ``US`` are also accepted): the mainland Chinese customers and the locally
living English speakers get mobile numbers of that region. Stores, currencies and so
the history do not depend on it.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Final, TypeVar

from console.domain.clock import SystemClock
from console.domain.customer import (
    Customer,
    ImportantDate,
    Language,
    PartialDate,
    Phone,
    PurchaseItem,
    Tier,
)

__all__ = [
    "CATEGORIES",
    "CHANNELS",
    "CUSTOMER_KINDS",
    "HISTORY_YEARS",
    "REGIONS",
    "STAFF",
    "STORE_CURRENCY",
    "PurchaseRow",
    "VisitRow",
    "generate_customers",
    "generate_history",
    "history_window",
]

T = TypeVar("T")

#: ``(at, store, staff, note)``
VisitRow = tuple[dt.datetime, str, str, str]
#: ``(at, store, channel, currency, items)``
PurchaseRow = tuple[dt.datetime, str, str, str, list[PurchaseItem]]

HISTORY_YEARS: Final = 4
CHANNELS: Final = ("in store", "online", "phone")
CATEGORIES: Final = ("drink", "food", "retail")
CUSTOMER_KINDS: Final = ("loyal", "purposeful", "occasional", "information-seeking")
#: Regions accepted by :func:`generate_customers`.
REGIONS: Final = ("CN", "HK", "TW", "GB", "US")

_BLOCK: Final = 100
_MAX_INDEX: Final = 1 << 40
_MAX_EVENTS: Final = 500
_STREAM_PROFILE: Final = 1
_STREAM_CUSTOMERS: Final = 2
_STREAM_HISTORY: Final = 3


def _key(seed: int, number: int, stream: int) -> int:
    """A distinct non-negative seed for each (seed, number, stream).

    ``random.Random`` seeds with ``abs()`` of an int, so negative seeds are zig-zag
    encoded first to keep ``seed`` and ``-seed`` apart.
    """
    zigzag = seed * 2 if seed >= 0 else -seed * 2 - 1
    return (((zigzag << 40) | number) << 3) | stream


def _table(pairs: Sequence[tuple[T, int]]) -> tuple[T, ...]:
    """Expand (item, integer weight) pairs into a lookup table: ``t[int(r * len(t))]``."""
    out: list[T] = []
    for item, weight in pairs:
        out.extend([item] * weight)
    return tuple(out)


def _ascii_handle(text: str) -> str:
    """Lower-case ASCII for e-mail handles: Zoë → zoe, O'Brien → obrien, Lü → lv."""
    text = text.replace("ü", "v").replace("Ü", "V").replace("ß", "ss")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch == "-")


# --------------------------------------------------------------------------- stores

#: Every store and its currency. Stores whose name starts with "Online" have no visits.
STORE_CURRENCY: Final[Mapping[str, str]] = {
    "Shanghai Jing'an": "CNY",
    "Beijing Sanlitun": "CNY",
    "Chengdu Taikoo Li": "CNY",
    "Hong Kong Central": "HKD",
    "Taipei Xinyi": "TWD",
    "London Covent Garden": "GBP",
    "Online": "CNY",
    "Online Hong Kong": "HKD",
    "Online Taiwan": "TWD",
    "Online UK": "GBP",
}
_STORES: Final = tuple(STORE_CURRENCY)
_SHANGHAI, _BEIJING, _CHENGDU, _HONG_KONG, _TAIPEI, _LONDON = range(6)
_ONLINE, _ONLINE_HK, _ONLINE_TW, _ONLINE_UK = range(6, 10)

#: Staff of each physical store; the first two are account managers for gold and VIP members.
STAFF: Final[Mapping[str, tuple[str, ...]]] = {
    "Shanghai Jing'an": ("李娜", "陈静", "周杰", "Oliver Grant"),
    "Beijing Sanlitun": ("王磊", "赵敏", "孙悦", "Hannah Lee"),
    "Chengdu Taikoo Li": ("刘洋", "杨雪", "何俊杰"),
    "Hong Kong Central": ("陳嘉欣", "黃志偉", "Mandy Lau"),
    "Taipei Xinyi": ("林怡君", "張家豪", "吳雅婷"),
    "London Covent Garden": ("Emma Clarke", "Raj Patel", "Siobhán Kelly", "张伟"),
}
_STORE_STAFF: Final = tuple(STAFF.get(name, ()) for name in _STORES)

# Language groups (see the module docstring) and where their members live.
_G_HANS, _G_HK, _G_TW, _G_EN_LOCAL, _G_EN_GB, _G_EN_US = range(6)
_GROUP_DECK: Final = bytes(
    [_G_HANS] * 55
    + [_G_HK] * 5
    + [_G_TW] * 5
    + [_G_EN_LOCAL] * 14
    + [_G_EN_GB] * 12
    + [_G_EN_US] * 9
)
_TIERS: Final = (Tier.REGULAR, Tier.SILVER, Tier.GOLD, Tier.VIP)
_TIER_DECK: Final = bytes([0] * 70 + [1] * 18 + [2] * 9 + [3] * 3)
# Purchases and visits scale with the tier; the weighted mean over the deck is 1.
_TIER_ACTIVITY_RAW: Final = (0.7, 1.6, 2.6, 4.0)
_TIER_ACTIVITY: Final = tuple(
    a / (sum(_TIER_ACTIVITY_RAW[t] for t in _TIER_DECK) / len(_TIER_DECK))
    for a in _TIER_ACTIVITY_RAW
)
_ONLINE_STORE: Final = (_ONLINE, _ONLINE_HK, _ONLINE_TW, _ONLINE, _ONLINE_UK, _ONLINE_UK)
_ONLINE_SHARE: Final = (0.3, 0.2, 0.25, 0.3, 0.25, 0.5)
# Other physical stores a customer drops into now and then (travel, business trips).
_TRAVEL_STORES: Final = (
    (_SHANGHAI, _BEIJING, _CHENGDU, _HONG_KONG),
    (_SHANGHAI, _TAIPEI),
    (_HONG_KONG, _SHANGHAI),
    (_SHANGHAI, _BEIJING, _HONG_KONG, _LONDON),
    (_HONG_KONG, _SHANGHAI),
    (_LONDON, _HONG_KONG, _SHANGHAI),
)


@dataclass(frozen=True, slots=True)
class _Profile:
    """What both generators know about the 100 customers of one block."""

    groups: bytes
    tiers: bytes
    homes: bytes


@functools.lru_cache(maxsize=512)
def _block_profile(seed: int, block: int) -> _Profile:
    rng = random.Random(_key(seed, block, _STREAM_PROFILE))
    groups = list(_GROUP_DECK)
    rng.shuffle(groups)
    tiers = list(_TIER_DECK)
    rng.shuffle(tiers)
    homes: list[int] = []
    for group in groups:
        if group in (_G_HANS, _G_EN_LOCAL):
            r = rng.random()
            homes.append(_SHANGHAI if r < 0.45 else _BEIJING if r < 0.8 else _CHENGDU)
        elif group == _G_HK:
            homes.append(_HONG_KONG)
        elif group == _G_TW:
            homes.append(_TAIPEI)
        else:
            homes.append(_LONDON)
    return _Profile(bytes(groups), bytes(tiers), bytes(homes))


def _assigned_staff(home: int, index: int) -> str:
    return _STORE_STAFF[home][index % 2]


# --------------------------------------------------------------------------- phones


@dataclass(frozen=True, slots=True)
class _NumberPlan:
    """Valid mobile numbers: ``+cc`` + prefix + suffix (``suffix_base + n``, zero-padded)."""

    country_code: str
    prefixes: tuple[str, ...]
    suffix_count: int
    suffix_base: int
    suffix_width: int

    @property
    def size(self) -> int:
        return len(self.prefixes) * self.suffix_count


def _range_prefixes(spec: str, exclude: str = "") -> tuple[str, ...]:
    """``"51-55 59"`` with digit ranges → every prefix; ranges of equal-length numbers."""
    skip = set(exclude.split())
    out: list[str] = []
    for part in spec.split():
        low, _, high = part.partition("-")
        width = len(low)
        out.extend(
            s
            for s in (f"{n:0{width}d}" for n in range(int(low), int(high or low) + 1))
            if s not in skip
        )
    return tuple(out)


# New York, San Francisco, Boston, Chicago, Los Angeles, Seattle, Austin.
_US_AREA_CODES: Final = (
    "212", "646", "917", "718", "347", "415", "628", "617", "312", "773", "213", "310", "323",
    "206", "512",
)  # fmt: skip
# Prefixes checked against phonenumbers' metadata (every suffix is a valid mobile, and
# the UK numbers belong to GB itself rather than Jersey, Guernsey or the Isle of Man).
_PLANS: Final[Mapping[str, _NumberPlan]] = {
    "CN": _NumberPlan(
        "+86", _range_prefixes("130-139 150-153 155-159 180-189 166 177 199"), 10**8, 0, 8
    ),
    "HK": _NumberPlan(
        "+852",
        _range_prefixes(
            "510-559 590-599 610-619 630-659 690-699 901-909 940-949 960-979",
            "515 525 535 545 555 595",
        ),
        10**5,
        0,
        5,
    ),
    "TW": _NumberPlan("+886", _range_prefixes("90-98"), 10**7, 0, 7),
    "GB": _NumberPlan(
        "+44",
        _range_prefixes("7400-7599 7701-7999", "7509 7524 7781 7797 7829 7839 7911 7937"),
        10**6,
        0,
        6,
    ),
    "US": _NumberPlan(
        "+1",
        _US_AREA_CODES,
        8 * 10**6,  # exchange 200–999 and a four-digit line number
        2 * 10**6,
        7,
    ),
}
_PHONE_COUNTRY_OF_GROUP: Final = (None, "HK", "TW", None, "GB", "US")


def _coprime_near(n: int, fraction: float) -> int:
    a = max(1, int(n * fraction))
    while math.gcd(a, n) != 1:
        a += 1
    return a


class _PhoneMaker:
    """Bijective scramble of a serial number into one number of a plan."""

    __slots__ = ("_a", "_a2", "_b", "_b2", "_base", "_cc", "_count", "_prefixes", "_size", "_width")

    def __init__(self, plan: _NumberPlan, seed: int, salt: int) -> None:
        self._cc = plan.country_code
        self._prefixes = plan.prefixes
        self._count = plan.suffix_count
        self._base = plan.suffix_base
        self._width = plan.suffix_width
        self._size = plan.size
        self._a = _coprime_near(self._size, 0.6180339887)
        self._a2 = _coprime_near(self._count, 0.7548776662)
        mixer = random.Random(_key(seed, salt, 0))
        self._b = mixer.randrange(self._size)
        self._b2 = mixer.randrange(self._count)

    @property
    def capacity(self) -> int:
        return self._size

    def __call__(self, serial: int) -> str:
        prefix, suffix = divmod((serial * self._a + self._b) % self._size, self._count)
        # A second, per-prefix bijection of the suffix so neighbours do not look alike.
        suffix = (suffix * self._a2 + prefix * 7919 + self._b2) % self._count
        return self._cc + self._prefixes[prefix] + str(self._base + suffix).zfill(self._width)


# --------------------------------------------------------------------------- names


@dataclass(frozen=True, slots=True)
class _HansName:
    chars: str
    pinyin: str
    handle: str
    female: bool


@dataclass(frozen=True, slots=True)
class _HantName:
    chars: str
    hong_kong: str  # Cantonese (Hong Kong government) romanisation
    taiwan: str  # Wade–Giles, as on Taiwanese passports
    female: bool


@dataclass(frozen=True, slots=True)
class _LatinName:
    text: str
    handle: str
    female: bool


# Surname: weight in hundredths of a percent of the population (rounded, realistic order).
_HANS_SURNAMES_TEXT: Final = """
王:Wang:710 李:Li:700 张:Zhang:680 刘:Liu:540 陈:Chen:460 杨:Yang:310 黄:Huang:240
赵:Zhao:230 吴:Wu:200 周:Zhou:190 徐:Xu:150 孙:Sun:150 马:Ma:130 朱:Zhu:130 胡:Hu:120
郭:Guo:110 何:He:110 高:Gao:100 林:Lin:100 罗:Luo:90 郑:Zheng:80 梁:Liang:80 谢:Xie:70
宋:Song:60 唐:Tang:60 许:Xu:60 韩:Han:60 冯:Feng:50 邓:Deng:50 曹:Cao:50 彭:Peng:50
曾:Zeng:50 肖:Xiao:50 田:Tian:40 董:Dong:40 袁:Yuan:40 潘:Pan:40 于:Yu:40 蒋:Jiang:40
蔡:Cai:40 余:Yu:40 杜:Du:40 叶:Ye:40 程:Cheng:40 苏:Su:30 魏:Wei:30 吕:Lü:30 丁:Ding:30
任:Ren:30 沈:Shen:30 姚:Yao:30 卢:Lu:30 姜:Jiang:30 崔:Cui:30 钟:Zhong:30 谭:Tan:30
陆:Lu:30 汪:Wang:30 范:Fan:30 金:Jin:30 石:Shi:30 廖:Liao:20 贾:Jia:20 夏:Xia:20
韦:Wei:20 付:Fu:20 方:Fang:20 白:Bai:20 邹:Zou:20 孟:Meng:20 熊:Xiong:20 秦:Qin:20
邱:Qiu:20 江:Jiang:20 尹:Yin:20 薛:Xue:20 闫:Yan:20 段:Duan:20 雷:Lei:20 侯:Hou:20
龙:Long:20 史:Shi:20 陶:Tao:10 黎:Li:10 贺:He:10 顾:Gu:10 毛:Mao:10 郝:Hao:10 龚:Gong:10
邵:Shao:10 万:Wan:10 钱:Qian:10 严:Yan:10 覃:Qin:10 武:Wu:10 戴:Dai:10 莫:Mo:10 孔:Kong:10
向:Xiang:10 汤:Tang:10 欧阳:Ouyang:4 司马:Sima:1 上官:Shangguan:1
"""

# Given name: pinyin: f(emale)/m(ale): weight.
_HANS_GIVEN_TEXT: Final = """
伟:Wei:m:40 强:Qiang:m:14 磊:Lei:m:14 军:Jun:m:14 洋:Yang:m:12 勇:Yong:m:12 杰:Jie:m:14
涛:Tao:m:10 明:Ming:m:10 超:Chao:m:10 刚:Gang:m:8 平:Ping:m:6 辉:Hui:m:8 鹏:Peng:m:8
斌:Bin:m:6 浩:Hao:m:10 宇:Yu:m:10 鑫:Xin:m:8 帆:Fan:m:6 凯:Kai:m:6 健:Jian:m:6 亮:Liang:m:6
峰:Feng:m:6 建国:Jianguo:m:6 建华:Jianhua:m:5 国强:Guoqiang:m:5 志强:Zhiqiang:m:6
晓明:Xiaoming:m:6 晓东:Xiaodong:m:5 文博:Wenbo:m:4 子轩:Zixuan:m:6 浩然:Haoran:m:6
宇轩:Yuxuan:m:5 俊杰:Junjie:m:6 思远:Siyuan:m:4 明轩:Mingxuan:m:4 志明:Zhiming:m:4
立新:Lixin:m:3 永刚:Yonggang:m:3 子豪:Zihao:m:4 博文:Bowen:m:4 振华:Zhenhua:m:3
卫东:Weidong:m:3 一鸣:Yiming:m:3 家豪:Jiahao:m:3 建军:Jianjun:m:4 海涛:Haitao:m:4
晓峰:Xiaofeng:m:4 天佑:Tianyou:m:2 少华:Shaohua:m:2 鹏飞:Pengfei:m:4 嘉伟:Jiawei:m:3
芳:Fang:f:35 娜:Na:f:30 敏:Min:f:25 静:Jing:f:25 丽:Li:f:20 艳:Yan:f:14 霞:Xia:f:10
婷:Ting:f:12 欣:Xin:f:8 颖:Ying:f:10 琳:Lin:f:8 红:Hong:f:8 燕:Yan:f:10 雪:Xue:f:8
倩:Qian:f:8 丹:Dan:f:8 璐:Lu:f:5 洁:Jie:f:6 萍:Ping:f:6 玲:Ling:f:6 悦:Yue:f:5 慧:Hui:f:5
桂英:Guiying:f:6 秀英:Xiuying:f:8 秀兰:Xiulan:f:5 玉兰:Yulan:f:5 海燕:Haiyan:f:5
小红:Xiaohong:f:4 梓涵:Zihan:f:6 欣怡:Xinyi:f:6 一诺:Yinuo:f:5 雨桐:Yutong:f:5 佳怡:Jiayi:f:5
诗涵:Shihan:f:5 梦琪:Mengqi:f:4 雅婷:Yating:f:4 丽娟:Lijuan:f:4 春梅:Chunmei:f:3
淑珍:Shuzhen:f:3 晓燕:Xiaoyan:f:4 佳琪:Jiaqi:f:3 安琪:Anqi:f:3 思琪:Siqi:f:3 红梅:Hongmei:f:3
秀珍:Xiuzhen:f:3 凤英:Fengying:f:3 嘉欣:Jiaxin:f:3 子怡:Ziyi:f:3 晓雯:Xiaowen:f:3
雨萱:Yuxuan:f:4 若曦:Ruoxi:f:2 慧敏:Huimin:f:3 永红:Yonghong:f:2
"""

# Traditional surname: Hong Kong romanisation: Taiwan romanisation: weight.
_HANT_SURNAMES_TEXT: Final = """
陳:Chan:Chen:12 黃:Wong:Huang:7 李:Lee:Li:6 張:Cheung:Chang:6 林:Lam:Lin:7 王:Wong:Wang:5
吳:Ng:Wu:4 劉:Lau:Liu:4 蔡:Choi:Tsai:3 楊:Yeung:Yang:3 許:Hui:Hsu:2 鄭:Cheng:Cheng:2
謝:Tse:Hsieh:2 郭:Kwok:Kuo:2 洪:Hung:Hung:1 曾:Tsang:Tseng:2 邱:Yau:Chiu:1 廖:Liu:Liao:1
賴:Lai:Lai:1 周:Chow:Chou:2 葉:Yip:Yeh:2 蘇:So:Su:1 梁:Leung:Liang:3 何:Ho:Ho:2 羅:Law:Lo:2
馬:Ma:Ma:1 鄧:Tang:Teng:1 麥:Mak:Mai:1 譚:Tam:Tan:1 盧:Lo:Lu:1 鍾:Chung:Chung:1 馮:Fung:Feng:1
蕭:Siu:Hsiao:1 莊:Chong:Chuang:1 歐陽:Au-Yeung:Ouyang:1
"""

# Traditional given name: Hong Kong: Taiwan: f/m. Syllables of the Hong Kong form are
# separated by "_" (Chi Ming), of the Taiwan form by "-" (Chih-Ming).
_HANT_GIVEN_TEXT: Final = """
志明:Chi_Ming:Chih-Ming:m 美玲:Mei_Ling:Mei-Ling:f 家豪:Ka_Ho:Chia-Hao:m 嘉欣:Ka_Yan:Chia-Hsin:f
偉強:Wai_Keung:Wei-Chiang:m 淑芬:Shuk_Fan:Shu-Fen:f 俊傑:Chun_Kit:Chun-Chieh:m
詠詩:Wing_Sze:Yung-Shih:f 建華:Kin_Wah:Chien-Hua:m 麗華:Lai_Wah:Li-Hua:f 怡君:Yi_Kwan:Yi-Chun:f
雅婷:Nga_Ting:Ya-Ting:f 冠宇:Kwun_Yu:Kuan-Yu:m 家瑋:Ka_Wai:Chia-Wei:m 宗翰:Chung_Hon:Tsung-Han:m
佩珊:Pui_Shan:Pei-Shan:f 婉婷:Yuen_Ting:Wan-Ting:f 子軒:Tsz_Hin:Tzu-Hsuan:m 文傑:Man_Kit:Wen-Chieh:m
慧敏:Wai_Man:Hui-Min:f 振宇:Chun_Yu:Chen-Yu:m 美華:Mei_Wah:Mei-Hua:f 國華:Kwok_Wah:Kuo-Hua:m
淑貞:Shuk_Ching:Shu-Chen:f 欣怡:Yan_Yi:Hsin-Yi:f 詩婷:Sze_Ting:Shih-Ting:f 志偉:Chi_Wai:Chih-Wei:m
嘉儀:Ka_Yee:Chia-Yi:f 浩然:Ho_Yin:Hao-Jan:m 曉彤:Hiu_Tung:Hsiao-Tung:f 家樂:Ka_Lok:Chia-Le:m
凱琳:Hoi_Lam:Kai-Lin:f 承恩:Shing_Yan:Cheng-En:m 宜蓁:Yi_Chun:Yi-Chen:f 偉倫:Wai_Lun:Wei-Lun:m
"""

_HK_ENGLISH_TEXT: Final = """
Peter:m Kenneth:m Ivan:m Jason:m Eric:m Alex:m Raymond:m Tony:m Wilson:m Kelvin:m
Mandy:f Karen:f Winnie:f Cathy:f Joyce:f Vivian:f Queenie:f Fiona:f Grace:f Cherry:f
"""
_TW_ENGLISH_TEXT: Final = """
Kevin:m Jerry:m Allen:m Vincent:m Jack:m Amy:f Tiffany:f Vivian:f Cindy:f Iris:f
"""

_EN_FIRST_TEXT: Final = """
James:m:6 Oliver:m:5 David:m:6 Michael:m:5 Daniel:m:5 Thomas:m:5 Liam:m:3 Noah:m:3
Ethan:m:3 Matthew:m:4 Andrew:m:4 Ben:m:3 Lucas:m:3 José:m:2 Seán:m:2 Björn:m:1
François:m:1 Arjun:m:2 Minh:m:2 Mohammed:m:2 Raj:m:2 Kwame:m:1 Chris:m:3 Tom:m:3
Emily:f:5 Sophie:f:5 Zoë:f:3 Siobhán:f:2 Chloé:f:2 Renée:f:2 Aoife:f:2 Niamh:f:2
Priya:f:2 Anh:f:2 Sarah:f:5 Jessica:f:4 Hannah:f:4 Charlotte:f:4 Grace:f:3 Amelia:f:3
Olivia:f:4 Aisha:f:2 Fatima:f:1 Laura:f:3 Kate:f:3 Rachel:f:3 Inès:f:1 Lucía:f:1
"""
_EN_LAST_TEXT: Final = """
Smith:8 Jones:5 Williams:5 Brown:5 Taylor:5 Davies:3 Wilson:4 Evans:3 Johnson:4 Miller:3
Garcia:3 O'Brien:3 O'Connor:2 O'Neill:2 McDonald:2 Müller:2 Patel:5 Nguyen:4 Smith-Jones:1
Kowalski:1 Fernández:2 González:2 Khan:3 Singh:3 Murphy:3 Kelly:2 Walsh:2 Thompson:3
Robinson:3 Wright:3 Hughes:2 Clarke:3 Lewis:2 D'Souza:1 Schröder:1 Lefèvre:1 Dvořák:1
Andersen:1 Kim:2 Lee:2 Martin:3 White:2 Green:2 Hall:2 Wood:2 Baker:2 Young:2 Scott:2
Campbell:2 Byrne:1 Rossi:1 Núñez:1 Lambert-Fox:1 Okafor:1 Tanaka:1
"""


def _tokens(text: str) -> list[list[str]]:
    return [token.split(":") for token in text.split()]


_HANS_SURNAMES: Final = _table(
    [(_HansName(c, p, _ascii_handle(p), False), int(w)) for c, p, w in _tokens(_HANS_SURNAMES_TEXT)]
)
_HANS_GIVEN: Final = _table(
    [
        (_HansName(c, p, _ascii_handle(p), g == "f"), int(w))
        for c, p, g, w in _tokens(_HANS_GIVEN_TEXT)
    ]
)
_HANT_SURNAMES: Final = _table(
    [(_HantName(c, hk, tw, False), int(w)) for c, hk, tw, w in _tokens(_HANT_SURNAMES_TEXT)]
)
_HANT_GIVEN: Final = tuple(
    _HantName(c, hk.replace("_", " "), tw, g == "f") for c, hk, tw, g in _tokens(_HANT_GIVEN_TEXT)
)
_HK_ENGLISH: Final = tuple(
    _LatinName(n, _ascii_handle(n), g == "f") for n, g in _tokens(_HK_ENGLISH_TEXT)
)
_TW_ENGLISH: Final = tuple(
    _LatinName(n, _ascii_handle(n), g == "f") for n, g in _tokens(_TW_ENGLISH_TEXT)
)
_ENGLISH_NAMES: Final = {
    (hong_kong, female): tuple(
        n for n in (_HK_ENGLISH if hong_kong else _TW_ENGLISH) if n.female == female
    )
    for hong_kong in (False, True)
    for female in (False, True)
}
_EN_FIRST: Final = _table(
    [(_LatinName(n, _ascii_handle(n), g == "f"), int(w)) for n, g, w in _tokens(_EN_FIRST_TEXT)]
)
_EN_LAST: Final = _table(
    [(_LatinName(n, _ascii_handle(n), False), int(w)) for n, w in _tokens(_EN_LAST_TEXT)]
)

# --------------------------------------------------------------------------- the rest of a profile

_AGES: Final = _table(
    [(age, 10) for age in range(18, 25)]
    + [(age, 25) for age in range(25, 45)]
    + [(age, 18) for age in range(45, 55)]
    + [(age, 12) for age in range(55, 65)]
    + [(age, 5) for age in range(65, 86)]
)
_LEAP_DAYS: Final = tuple(
    (d.month, d.day) for d in (dt.date(2000, 1, 1) + dt.timedelta(days=i) for i in range(366))
)
_COMMON_DAYS: Final = tuple(md for md in _LEAP_DAYS if md != (2, 29))

_PREFERENCES_HANS: Final = (
    "少冰", "去冰", "半糖", "不要香菜", "靠窗的位置", "37码", "38码", "燕麦奶", "热饮要烫一点",
    "喜欢安静的位置", "喜欢微信联系", "晚上六点后方便接电话", "伯爵红茶不加糖",
    "要发票（公司抬头）",
    "不喜欢被推销", "喜欢新品试喝", "带孩子来，需要儿童椅", "结账用支付宝", "乌龙茶要浓一点",
    "Earl Grey, no sugar", "oat milk", "no coriander/香菜", "prefers WeChat", "window seat",
)  # fmt: skip
_PREFERENCES_HANT: Final = (
    "少冰", "走冰", "少甜", "靠窗座位", "凍檸茶少甜", "喜歡安靜的位置", "熱飲要燙", "不要香菜",
    "37號鞋", "偏好WhatsApp聯絡", "偏好LINE聯絡", "奶茶走甜", "喜歡試新品", "Earl Grey, no sugar",
)  # fmt: skip
_PREFERENCES_EN: Final = (
    "Earl Grey, no sugar", "quiet table", "window seat", "size 39", "oat milk", "extra hot",
    "no coriander", "likes background music off", "decaf after 3 pm", "half-sweet",
    "latte with an extra shot", "prefers email to phone calls", "brings own cup",
    "receipt by email", "gift-wraps everything", "skimmed milk", "sparkling water with lemon",
    "prefers a call back after 6 pm", "table near the door (pram)", "size M", "prefers WeChat",
)  # fmt: skip
_DISLIKES_HANS: Final = (
    "海鲜过敏", "花生过敏", "乳糖不耐受", "不吃辣", "不吃猪肉", "素食", "不喝咖啡", "芒果过敏",
    "不喜欢太甜", "peanut allergy",
)  # fmt: skip
_DISLIKES_HANT: Final = ("海鮮過敏", "花生過敏", "乳糖不耐", "不吃辣", "素食", "不喝咖啡", "怕太甜")
_DISLIKES_EN: Final = (
    "peanut allergy", "lactose intolerant", "gluten-free", "shellfish allergy", "no pork",
    "vegetarian", "vegan", "tree-nut allergy", "does not drink coffee", "dislikes strong perfume",
)  # fmt: skip
_AVOID_HANS: Final = ("孩子高考", "离婚", "工作变动", "家里老人生病", "减肥", "job loss")
_AVOID_HANT: Final = ("離婚", "工作變動", "家人生病", "買樓")
_AVOID_EN: Final = (
    "recent divorce", "job loss", "bereavement (father, last year)", "health", "weight",
    "the move back home",
)  # fmt: skip
_NOTES_HANS: Final = (
    "Always asks for Li Na at the counter", "Hometown Chengdu; supports Manchester United",
    "老家成都，喜欢川菜", "每周六带孙子来", "在附近写字楼上班，常订会议茶点", "喜欢聊足球",
    "收藏季节限定杯子", "女儿在英国读书", "养了一只柯基，叫豆豆", "退休教师，喜欢书法",
    "明年春天准备去日本旅行", "公司年会常找我们订礼盒", "说话轻声，喜欢慢慢挑",
)  # fmt: skip
_NOTES_HANT: Final = (
    "每次都點凍檸茶", "喜歡行山，週末常去西貢", "在中環上班，午飯時間來", "女兒在台大念書",
    "收集限定杯", "Always asks for Mandy at the counter", "喜歡聊棒球（中信兄弟）",
)  # fmt: skip
_NOTES_EN: Final = (
    "Comes in with the kids on Saturdays", "Runs a design studio nearby; orders for meetings",
    "Prefers to be greeted in English", "Teacher at the primary school across the road",
    "Collects our seasonal mugs", "Hard of hearing: face the customer and speak clearly",
    "Photographer; travels a lot (Japan next month)", "Supports Arsenal; do not mention Spurs",
    "Learning Mandarin, happy to practise", "Has a golden retriever called Biscuit",
    "Hometown Manchester; loves the Lake District", "Allergic to cats: no table by the shop cat",
)  # fmt: skip
_KINDS: Final = _table(
    [("loyal", 35), ("purposeful", 30), ("occasional", 20), ("information-seeking", 15)]
)


@dataclass(frozen=True, slots=True)
class _Texts:
    """What staff write about a customer, in the customer's language."""

    language: Language
    preferences: tuple[str, ...]
    dislikes: tuple[str, ...]
    avoid_topics: tuple[str, ...]
    notes: tuple[str, ...]
    wedding: str
    wife: str
    husband: str
    children: tuple[str, ...]
    mother: str


_TEXTS_HANS: Final = _Texts(
    Language.ZH_HANS, _PREFERENCES_HANS, _DISLIKES_HANS, _AVOID_HANS, _NOTES_HANS,
    "结婚纪念日", "妻子生日", "丈夫生日", ("孩子生日", "女儿生日", "儿子生日"), "母亲生日",
)  # fmt: skip
_TEXTS_HANT: Final = _Texts(
    Language.ZH_HANT, _PREFERENCES_HANT, _DISLIKES_HANT, _AVOID_HANT, _NOTES_HANT,
    "結婚紀念日", "太太生日", "先生生日", ("女兒生日", "兒子生日"), "母親生日",
)  # fmt: skip
_TEXTS_EN: Final = _Texts(
    Language.EN, _PREFERENCES_EN, _DISLIKES_EN, _AVOID_EN, _NOTES_EN,
    "Wedding anniversary", "Wife's birthday", "Husband's birthday",
    ("Daughter's birthday", "Son's birthday", "Child's birthday"), "Mother's birthday",
)  # fmt: skip


def _pick(rnd: Callable[[], float], items: Sequence[T]) -> T:
    return items[int(rnd() * len(items))]


def _pick_some(rnd: Callable[[], float], items: Sequence[str], count: int) -> list[str]:
    out: list[str] = []
    for _ in range(count):
        item = items[int(rnd() * len(items))]
        if item not in out:
            out.append(item)
    return out


class _CustomerFactory:
    """Builds one customer from the block's random stream. Bound once per run."""

    def __init__(self, seed: int, region: str, today: dt.date) -> None:
        self.this_year = today.year
        self.dates: dict[tuple[int, int, int | None], PartialDate] = {}
        countries = [region if c is None else c for c in _PHONE_COUNTRY_OF_GROUP]
        self.country_of_group: tuple[str, ...] = tuple(countries)
        # Customers per block that draw numbers from each country's plan.
        self.per_block: dict[str, int] = {}
        for group in _GROUP_DECK:
            country = countries[group]
            self.per_block[country] = self.per_block.get(country, 0) + 1
        self.phone_makers: dict[str, _PhoneMaker] = {
            country: _PhoneMaker(_PLANS[country], seed, salt)
            for salt, country in enumerate(REGIONS)
            if country in self.per_block
        }

    def check_capacity(self, stop: int) -> None:
        blocks = -(-stop // _BLOCK)
        for country, maker in self.phone_makers.items():
            needed = 2 * blocks * self.per_block[country]
            if needed > maker.capacity:
                raise ValueError(
                    f"{stop:,} customers need more {country} phone numbers than the demo "
                    f"number ranges hold ({maker.capacity:,}); use fewer customers"
                )

    def partial_date(self, month: int, day: int, year: int | None) -> PartialDate:
        key = (month, day, year)
        found = self.dates.get(key)
        if found is None:
            found = self.dates[key] = PartialDate(month, day, year)
        return found

    def random_date(self, rnd: Callable[[], float], year: int | None) -> PartialDate:
        if year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            month, day = _LEAP_DAYS[int(rnd() * 366)]
        else:
            month, day = _COMMON_DAYS[int(rnd() * 365)]
        return self.partial_date(month, day, year)

    def build(
        self,
        rnd: Callable[[], float],
        index: int,
        group: int,
        tier: int,
        home: int,
        rank: int,
    ) -> Customer:
        # Age and birthday first: the e-mail handle may use the year of birth.
        birth_year = self.this_year - _AGES[int(rnd() * len(_AGES))]
        birthday: PartialDate | None = None
        if rnd() < 0.8:
            birthday = self.random_date(rnd, birth_year if rnd() < 0.85 else None)
        age = self.this_year - birth_year

        if group == _G_HANS:
            customer, female, handle = self._hans(rnd, age, birth_year)
            texts = _TEXTS_HANS
        elif group in (_G_HK, _G_TW):
            customer, female, handle = self._hant(rnd, group == _G_HK, birth_year)
            texts = _TEXTS_HANT
        else:
            customer, female, handle = self._english(rnd, birth_year, group == _G_EN_LOCAL)
            texts = _TEXTS_EN
        customer.language = texts.language
        customer.birthday = birthday
        if rnd() < 0.6:
            # One address per customer (a shared one is a duplicate the app offers to merge):
            # the index keeps handles unique across any number of customers.
            local, _, domain = handle.partition("@")
            customer.email = f"{local}.{index:x}@{domain}"

        country = self.country_of_group[group]
        make_phone = self.phone_makers[country]
        phones = [Phone(make_phone(2 * rank))]
        if rnd() < 0.25:
            phones.append(Phone(make_phone(2 * rank + 1), "work" if rnd() < 0.6 else "mobile"))
        customer.phones = phones
        customer.member_no = f"M{index + 1:08d}"

        if rnd() < 0.2:
            customer.dates = self._important_dates(rnd, texts, female, birth_year, age)
        r = rnd()
        if r >= 0.25:
            customer.preferences = _pick_some(
                rnd, texts.preferences, 1 if r < 0.65 else 2 if r < 0.9 else 3
            )
        r = rnd()
        if r < 0.25:
            customer.dislikes = _pick_some(rnd, texts.dislikes, 1 if r < 0.2 else 2)
        if rnd() < 0.05:
            customer.avoid_topics = [_pick(rnd, texts.avoid_topics)]
        r = rnd()
        if r < 0.15:
            customer.notes = _pick(rnd, texts.notes)
            if r < 0.03:
                extra = _pick(rnd, texts.notes)
                if extra != customer.notes:
                    customer.notes += "; " + extra
        customer.tier = _TIERS[tier]
        if tier >= 2:
            customer.assigned_staff = _assigned_staff(home, index)
        customer.marketing_consent = rnd() < 0.65
        customer.greetings_consent = customer.marketing_consent or rnd() < 0.5
        r = rnd()
        if r < 0.35:
            customer.customer_kind = "loyal" if tier >= 2 and r < 0.15 else _pick(rnd, _KINDS)
        return customer

    def _hans(
        self, rnd: Callable[[], float], age: int, birth_year: int
    ) -> tuple[Customer, bool, str]:
        surname = _HANS_SURNAMES[int(rnd() * len(_HANS_SURNAMES))]
        given = _HANS_GIVEN[int(rnd() * len(_HANS_GIVEN))]
        female = given.female
        s = surname.chars
        r = rnd()
        if r < 0.45:
            preferred = s + ("女士" if female else "先生")
        elif r < 0.55:
            preferred = s + "老师"
        elif r < 0.62:
            if female:
                preferred = s + "姐" if age >= 35 else "小" + s
            else:
                preferred = s + "总" if age >= 35 else "小" + s
        elif r < 0.7:
            preferred = ("老" if age >= 45 else "小") + s
        elif r < 0.78:
            # A two-character given name alone (晓明), or a doubled one for women (娜娜).
            preferred = given.chars if len(given.chars) == 2 else given.chars * 2 if female else ""
        else:
            preferred = ""
        r = rnd()
        yy = f"{birth_year % 100:02d}"
        if r < 0.3:
            email = f"{surname.handle}.{given.handle}{yy}@example.cn"
        elif r < 0.5:
            email = f"{given.handle}{surname.handle}{int(rnd() * 1000)}@example.cn"
        elif r < 0.75:
            email = f"{10_000_000 + int(rnd() * 2_990_000_000)}@example.cn"  # QQ-style number
        elif r < 0.9:
            email = f"{surname.handle}{given.handle}@example.com"
        else:
            email = f"{given.handle[0]}.{surname.handle}{yy}@example.org"
        customer = Customer(
            name=s + given.chars,
            preferred_name=preferred,
            romanisation=f"{surname.pinyin} {given.pinyin}",
        )
        return customer, female, email

    def _hant(
        self, rnd: Callable[[], float], hong_kong: bool, birth_year: int
    ) -> tuple[Customer, bool, str]:
        surname = _HANT_SURNAMES[int(rnd() * len(_HANT_SURNAMES))]
        given = _HANT_GIVEN[int(rnd() * len(_HANT_GIVEN))]
        female = given.female
        s = surname.chars
        english: _LatinName | None = None
        if rnd() < (0.45 if hong_kong else 0.2):
            english = _pick(rnd, _ENGLISH_NAMES[hong_kong, female])
        if hong_kong:
            roman_surname, roman_given = surname.hong_kong, given.hong_kong
        else:
            roman_surname, roman_given = surname.taiwan, given.taiwan
        r = rnd()
        if english is not None and r < 0.6:
            preferred = english.text
        elif r < 0.75:
            preferred = s + ("小姐" if female else "先生")
        elif r < 0.85:
            # Hong Kong: 陳太 (Mrs Chan), 陳生 (Mr Chan); Taiwan: the given name alone.
            preferred = s + ("太" if female else "生") if hong_kong else given.chars
        else:
            preferred = ""
        surname_handle = _HANT_HANDLES[roman_surname]
        if english is not None:
            email = f"{english.handle}.{surname_handle}@example.com"
        else:
            initials = "".join(part[0] for part in roman_given.replace("-", " ").split()).lower()
            email = f"{initials}{surname_handle}{birth_year % 100:02d}@example.com"
        customer = Customer(name=s + given.chars, preferred_name=preferred)
        customer.romanisation = f"{roman_surname} {roman_given}"
        return customer, female, email

    def _english(
        self, rnd: Callable[[], float], birth_year: int, lives_in_china: bool
    ) -> tuple[Customer, bool, str]:
        first = _EN_FIRST[int(rnd() * len(_EN_FIRST))]
        last = _EN_LAST[int(rnd() * len(_EN_LAST))]
        female = first.female
        r = rnd()
        if r < 0.35:
            if rnd() < 0.1:
                title = "Dr."
            elif female:
                title = "Ms." if rnd() < 0.65 else "Mrs."
            else:
                title = "Mr."
            preferred = f"{title} {last.text}"
        elif r < 0.65:
            preferred = first.text
        else:
            preferred = ""
        r = rnd()
        domain = "example.cn" if lives_in_china and rnd() < 0.5 else "example.com"
        if r < 0.4:
            email = f"{first.handle}.{last.handle}@{domain}"
        elif r < 0.7:
            email = f"{first.handle[0]}{last.handle}{birth_year % 100:02d}@{domain}"
        else:
            email = f"{first.handle}{int(rnd() * 100)}@example.org"
        return Customer(name=f"{first.text} {last.text}", preferred_name=preferred), female, email

    def _important_dates(
        self,
        rnd: Callable[[], float],
        labels: _Texts,
        female: bool,
        birth_year: int,
        age: int,
    ) -> list[ImportantDate]:
        last_year = self.this_year - 1
        out: list[ImportantDate] = []
        kinds: list[int] = []
        for _ in range(2 if rnd() < 0.3 else 1):
            kind = int(rnd() * 4)
            if kind in kinds:
                continue
            kinds.append(kind)
            if kind == 0 and age >= 22:
                year = min(birth_year + 22 + int(rnd() * 12), last_year) if rnd() < 0.7 else None
                out.append(ImportantDate(labels.wedding, self.random_date(rnd, year)))
            elif kind == 1:
                year = birth_year - 3 + int(rnd() * 7) if rnd() < 0.5 else None
                label = labels.husband if female else labels.wife
                out.append(ImportantDate(label, self.random_date(rnd, year)))
            elif kind == 2 and age >= 22:
                year = min(birth_year + 22 + int(rnd() * 18), last_year) if rnd() < 0.8 else None
                out.append(ImportantDate(_pick(rnd, labels.children), self.random_date(rnd, year)))
            else:
                out.append(ImportantDate(labels.mother, self.random_date(rnd, None)))
        return out


_HANT_HANDLES: Final = {
    roman: _ascii_handle(roman)
    for name in _HANT_SURNAMES
    for roman in (name.hong_kong, name.taiwan)
}


def generate_customers(
    count: int,
    *,
    seed: int = 7,
    region: str = "CN",
    today: dt.date | None = None,
    start_member_no: int = 1,
) -> Iterator[Customer]:
    """Yield *count* realistic demo customers (``id=None``), deterministic for *seed*.

    Customer *i* has member number ``M%08d`` of ``start_member_no + i`` and customer index
    ``start_member_no - 1 + i`` (see :func:`generate_history`). *today* (default: the
    current date) fixes ages. Raises ValueError for a negative count, a start below 1, an
    unknown region or more customers than the phone ranges hold.
    """
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    if start_member_no < 1:
        raise ValueError(f"start_member_no must be at least 1, got {start_member_no}")
    region_code = region.strip().upper()
    if region_code not in REGIONS:
        raise ValueError(f"unknown region {region!r} (use one of: {', '.join(REGIONS)})")
    first = start_member_no - 1
    stop = first + count
    if stop > _MAX_INDEX:
        raise ValueError(f"too many customers ({stop:,})")
    factory = _CustomerFactory(seed, region_code, today or SystemClock().today())
    factory.check_capacity(stop)
    return _customers(factory, seed, first, stop)


def _customers(factory: _CustomerFactory, seed: int, first: int, stop: int) -> Iterator[Customer]:
    build = factory.build
    country_of_group = factory.country_of_group
    per_block = factory.per_block
    for block in range(first // _BLOCK, -(-stop // _BLOCK)):
        profile = _block_profile(seed, block)
        groups, tiers, homes = profile.groups, profile.tiers, profile.homes
        rnd = random.Random(_key(seed, block, _STREAM_CUSTOMERS)).random
        seen = dict.fromkeys(per_block, 0)
        base = block * _BLOCK
        # Customers before *first* in the block are built too, to keep the stream in step.
        for pos in range(min(_BLOCK, stop - base)):
            group = groups[pos]
            country = country_of_group[group]
            rank = block * per_block[country] + seen[country]
            seen[country] += 1
            customer = build(rnd, base + pos, group, tiers[pos], homes[pos], rank)
            if base + pos >= first:
                yield customer


# --------------------------------------------------------------------------- history


@dataclass(frozen=True, slots=True)
class _Product:
    name: str
    category: str
    price_minor: int


# Name, category, price in CNY minor units; other currencies are derived and rounded to
# prices a shop would print.
_CATALOGUE_CNY: Final = (
    ("Earl Grey 伯爵红茶", "drink", 3200), ("Latte 拿铁", "drink", 3400),
    ("Flat white 澳白", "drink", 3600), ("Americano 美式咖啡", "drink", 2800),
    ("Cappuccino 卡布奇诺", "drink", 3400), ("Oolong 乌龙茶", "drink", 3800),
    ("Jasmine tea 茉莉花茶", "drink", 3000), ("Longjing 龙井", "drink", 4800),
    ("Pu'er 普洱", "drink", 4200), ("Matcha latte 抹茶拿铁", "drink", 3800),
    ("Oat latte 燕麦拿铁", "drink", 3800), ("Osmanthus latte 桂花拿铁", "drink", 3900),
    ("Hot chocolate 热巧克力", "drink", 3200), ("Iced lemon tea 冻柠茶", "drink", 2600),
    ("Sparkling water 气泡水", "drink", 1800),
    ("Butter croissant 黄油可颂", "food", 2200), ("Scone with clotted cream 司康", "food", 2800),
    ("Egg tart 蛋挞", "food", 1200), ("Carrot cake 胡萝卜蛋糕", "food", 3600),
    ("Cheesecake 芝士蛋糕", "food", 3800), ("Club sandwich 总汇三明治", "food", 4800),
    ("Pineapple bun 菠萝包", "food", 1500), ("Banana bread 香蕉面包", "food", 2400),
    ("Earl Grey tea tin 100 g 伯爵茶罐", "retail", 12800),
    ("Oolong gift tin 乌龙茶礼盒", "retail", 26800), ("Ceramic mug 陶瓷马克杯", "retail", 8800),
    ("Travel tumbler 随行杯", "retail", 16800), ("Coffee beans 250 g 咖啡豆", "retail", 9800),
    ("Teapot 茶壶", "retail", 39800), ("Mooncake gift box 月饼礼盒", "retail", 32800),
    ("Gift card 礼品卡", "retail", 0),
)  # fmt: skip
_GIFT_CARD: Final = {"CNY": 20000, "HKD": 20000, "TWD": 100000, "GBP": 2500}
# (rate from CNY, rounding step in minor units)
_PRICING: Final = {"CNY": (1.0, 100), "HKD": (1.15, 100), "TWD": (4.5, 500), "GBP": (0.115, 5)}


def _price(cny_minor: int, currency: str) -> int:
    rate, step = _PRICING[currency]
    return max(step, round(cny_minor * rate / step) * step)


def _catalogue(currency: str) -> tuple[tuple[_Product, ...], ...]:
    by_category: list[list[_Product]] = [[] for _ in CATEGORIES]
    for name, category, cny in _CATALOGUE_CNY:
        price = _GIFT_CARD[currency] if cny == 0 else _price(cny, currency)
        by_category[CATEGORIES.index(category)].append(_Product(name, category, price))
    return tuple(tuple(products) for products in by_category)


_CATALOGUES: Final = {currency: _catalogue(currency) for currency in _PRICING}
_STORE_CATALOGUE: Final = tuple(_CATALOGUES[STORE_CURRENCY[s]] for s in _STORES)
_STORE_CURRENCY_BY_INDEX: Final = tuple(STORE_CURRENCY[s] for s in _STORES)
_DRINK, _FOOD, _RETAIL = range(3)
# Category tables (100 entries each) by kind of purchase: at the counter, online, by phone.
_COUNTER_CATEGORIES: Final = _table([(_DRINK, 60), (_FOOD, 28), (_RETAIL, 12)])
_ONLINE_CATEGORIES: Final = _table([(_DRINK, 20), (_FOOD, 10), (_RETAIL, 70)])
_PHONE_CATEGORIES: Final = _table([(_DRINK, 25), (_FOOD, 25), (_RETAIL, 50)])
_QUANTITY: Final = _table([(1, 78), (2, 16), (3, 6)])
_LINES: Final = _table([(1, 55), (2, 35), (3, 10)])
_N_QUANTITY: Final = len(_QUANTITY)
_N_LINES: Final = len(_LINES)
_NUMBER_OF_DRINKS: Final = len(_CATALOGUES["CNY"][_DRINK])

_HOUR_WEIGHTS_STORE: Final = {
    8: 4, 9: 6, 10: 7, 11: 8, 12: 10, 13: 9, 14: 7, 15: 8, 16: 8, 17: 9, 18: 8, 19: 6, 20: 4, 21: 2,
}  # fmt: skip
_HOUR_WEIGHTS_ONLINE: Final = {
    7: 2, 8: 3, 9: 4, 10: 5, 11: 5, 12: 6, 13: 5, 14: 5, 15: 5, 16: 5, 17: 5, 18: 5, 19: 6,
    20: 8, 21: 9, 22: 7, 23: 3,
}  # fmt: skip


def _times(weights: Mapping[int, int]) -> tuple[dt.timedelta, ...]:
    return _table(
        [(dt.timedelta(hours=h, minutes=m), w) for h, w in weights.items() for m in range(60)]
    )


_STORE_TIMES: Final = _times(_HOUR_WEIGHTS_STORE)
_ONLINE_TIMES: Final = _times(_HOUR_WEIGHTS_ONLINE)
_N_STORE_TIMES: Final = len(_STORE_TIMES)
_N_ONLINE_TIMES: Final = len(_ONLINE_TIMES)
_BY_TIME: Final = itemgetter(0)
_STORE_INDEX: Final = {name: i for i, name in enumerate(_STORES)}
_AFTER_VISIT: Final = tuple(dt.timedelta(minutes=m) for m in range(2, 32))
_N_AFTER_VISIT: Final = len(_AFTER_VISIT)

_VISIT_NOTES_HANS: Final = (
    "询问会员积分", "带朋友来的", "推荐了新品乌龙，很喜欢", "生日当周，送了甜点",
    "高峰期等了十分钟，已致歉并续杯", "取电话订单", "和孩子一起来的", "反映音乐太吵",
    "买礼盒送客户", "咨询月饼礼盒预订", "Tried the seasonal osmanthus latte",
)  # fmt: skip
_VISIT_NOTES_HANT: Final = (
    "詢問會員積分", "帶朋友來", "試了新的烏龍茶", "生日當週，送了甜點", "等了十分鐘，已致歉",
    "取電話訂單", "買禮盒送客戶",
)  # fmt: skip
_VISIT_NOTES_EN: Final = (
    "Asked about the new oolong", "Birthday week: offered a free dessert",
    "Came in with the family",
    "Waited 10 min at peak; apologised, free refill", "Collected phone order",
    "Tried the seasonal osmanthus latte", "Asked about loyalty points", "Brought two colleagues",
    "Left an umbrella; kept at the counter", "Feedback: music too loud",
    "Meeting a client; gave a quiet table", "Recommended the Earl Grey tin as a gift",
)  # fmt: skip
_STORE_VISIT_NOTES: Final = (
    _VISIT_NOTES_HANS, _VISIT_NOTES_HANS, _VISIT_NOTES_HANS,
    _VISIT_NOTES_HANT, _VISIT_NOTES_HANT, _VISIT_NOTES_EN,
)  # fmt: skip


def history_window(today: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """``[start, end)`` of generated history: the :data:`HISTORY_YEARS` years before *today*.

    The end is midnight at the start of *today*, so nothing is ever in the future.
    """
    try:
        start = today.replace(year=today.year - HISTORY_YEARS)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - HISTORY_YEARS, day=28)
    return dt.datetime.combine(start, dt.time()), dt.datetime.combine(today, dt.time())


@functools.lru_cache(maxsize=8)
def _days(today: dt.date) -> tuple[dt.datetime, ...]:
    start, end = history_window(today)
    return tuple(start + dt.timedelta(days=i) for i in range((end - start).days))


def generate_history(
    customer_index: int,
    *,
    seed: int = 7,
    today: dt.date | None = None,
    purchases_per_customer: float = 5.0,
    visits_per_customer: float = 6.0,
) -> tuple[list[VisitRow], list[PurchaseRow]]:
    """Visits ``(at, store, staff, note)`` and purchases ``(at, store, channel, currency,
    items)`` of one customer, each list in time order.

    *customer_index* is 0-based: the customer with member number ``M%08d`` of *k* has index
    *k - 1*. The result depends only on ``(seed, customer_index, today)`` and the means, so
    any customer can be generated alone. Counts vary around the means (tier and a
    per-customer appetite; some customers have none); dates fall in
    :func:`history_window` of *today*. Raises ValueError for a negative index or mean.
    """
    if not 0 <= customer_index < _MAX_INDEX:
        raise ValueError(
            f"customer_index must be between 0 and {_MAX_INDEX - 1}, got {customer_index}"
        )
    if not (purchases_per_customer >= 0 and visits_per_customer >= 0):
        raise ValueError("purchases_per_customer and visits_per_customer must not be negative")
    days = _days(today or SystemClock().today())
    n_days = len(days)
    block, pos = divmod(customer_index, _BLOCK)
    profile = _block_profile(seed, block)
    group, tier, home = profile.groups[pos], profile.tiers[pos], profile.homes[pos]
    rnd = random.Random(_key(seed, customer_index, _STREAM_HISTORY)).random

    # Appetite: none for 8 %, else exponential with mean 1 (a long tail of regulars).
    appetite = 0.0 if rnd() < 0.08 else -math.log(1.0 - rnd()) / 0.92
    scale = _TIER_ACTIVITY[tier] * appetite
    n_purchases = min(int(purchases_per_customer * scale + rnd()), _MAX_EVENTS)
    n_visits = min(int(visits_per_customer * scale * (0.7 + 0.6 * rnd()) + rnd()), _MAX_EVENTS)

    # Active from a first day to a last one, long enough for about a week between events;
    # about one in five has lapsed for over a year.
    first_day = int(rnd() * max(1, n_days - 7 * (n_purchases + n_visits)))
    last_day = n_days - 1
    spare = last_day - first_day - 366
    if spare > 0 and rnd() < 0.2:
        last_day -= 366 + int(rnd() * spare)
    span = last_day - first_day + 1

    travel = _TRAVEL_STORES[group]
    staff_home = _STORE_STAFF[home]
    assigned = _assigned_staff(home, customer_index) if tier >= 2 else ""
    visits: list[VisitRow] = []
    for _ in range(n_visits):
        store = home if rnd() < 0.85 else travel[int(rnd() * len(travel))]
        if store == home:
            staff = (
                assigned if assigned and rnd() < 0.6 else staff_home[int(rnd() * len(staff_home))]
            )
        else:
            staff_there = _STORE_STAFF[store]
            staff = staff_there[int(rnd() * len(staff_there))]
        note = ""
        if rnd() < 0.3:
            notes = _STORE_VISIT_NOTES[store]
            note = notes[int(rnd() * len(notes))]
        day = first_day + int(rnd() * span)
        at = days[day] + _STORE_TIMES[int(rnd() * _N_STORE_TIMES)]
        visits.append((at, _STORES[store], staff, note))
    visits.sort(key=_BY_TIME)

    favourite = int(rnd() * _NUMBER_OF_DRINKS)
    online_store = _ONLINE_STORE[group]
    online_share = _ONLINE_SHARE[group]
    purchases: list[PurchaseRow] = []
    for _ in range(n_purchases):
        if visits and rnd() < 0.6:
            visit = visits[int(rnd() * len(visits))]
            at = visit[0] + _AFTER_VISIT[int(rnd() * _N_AFTER_VISIT)]
            store = _STORE_INDEX[visit[1]]
            channel = "in store"
            categories = _COUNTER_CATEGORIES
        else:
            day = first_day + int(rnd() * span)
            if rnd() < online_share:
                store = online_store
                at = days[day] + _ONLINE_TIMES[int(rnd() * _N_ONLINE_TIMES)]
                channel = "online" if rnd() < 0.88 else "phone"
            else:
                store = home if rnd() < 0.85 else travel[int(rnd() * len(travel))]
                at = days[day] + _STORE_TIMES[int(rnd() * _N_STORE_TIMES)]
                channel = "in store" if rnd() < 0.9 else "phone"
            if channel == "online":
                categories = _ONLINE_CATEGORIES
            elif channel == "phone":
                categories = _PHONE_CATEGORIES
            else:
                categories = _COUNTER_CATEGORIES
        catalogue = _STORE_CATALOGUE[store]
        items: list[PurchaseItem] = []
        names: list[str] = []
        for _line in range(_LINES[int(rnd() * _N_LINES)]):
            category = categories[int(rnd() * 100)]
            products = catalogue[category]
            if category == _DRINK and rnd() < 0.5:
                product = products[favourite]
            else:
                product = products[int(rnd() * len(products))]
            if product.name in names:
                continue
            names.append(product.name)
            quantity = _QUANTITY[int(rnd() * _N_QUANTITY)]
            items.append(
                PurchaseItem(product.name, quantity, product.price_minor, product.category)
            )
        purchases.append((at, _STORES[store], channel, _STORE_CURRENCY_BY_INDEX[store], items))
    purchases.sort(key=_BY_TIME)
    return visits, purchases

"""The method's vocabulary (安监总政法〔2017〕150号), in one place: the figures of the workday
method with their symbols, field paths, Chinese names and the wordings plans use for them.

The extractor finds figures by these wordings, the facts and messages name them by these
names, and IN003 names the checks that a missing figure skips. Wordings are regular
expressions over normalised text (plan_rules/extract/text.py: ASCII digits and punctuation,
no spaces between Chinese characters).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DAY_UNIT = r"(?:个工作日|工作日|人日|个|日|天)"
PEOPLE_UNIT = r"(?:人|名|位)"
UNIT_COUNT_UNIT = r"(?:家|户|个单位|个企业|处|所)"


@dataclass(frozen=True)
class Figure:
    key: str              # the method's symbol: N d T O X S K G R
    path: str             # field path in the plan model
    name: str             # Chinese name, for messages
    unit: str             # the unit messages print: 人, 日, 家
    label: str            # regular expression of the wordings plans use
    checks: tuple[str, ...] = ()   # the checks that cannot run without it (IN003)


N = Figure("N", "officers.counted", "行政执法人员数量", "人",
           r"(?:行政)?执法(?:检查)?人员(?:数量|人数|总数|数)?", ("ST001", "WD002"))
PER_PERSON = Figure("d", "workdays.per_person", "人均法定工作日", "日",
                    r"(?<!总)法定工作日(?!总数|总计|合计|共计|总和)(?:数)?", ("WD001", "WD002"))
T = Figure("T", "workdays.total", "总法定工作日", "日",
           r"总法定工作日(?:数)?|法定工作日(?:总数|总计|合计|共计|总和)|法定总工作日|总工作日", ("WD002", "WD008", "WD011"))
O = Figure("O", "workdays.other_enforcement.stated_total", "其他执法工作日", "日",
           r"其[他它]执法工作日", ("WD006", "WD008"))
X = Figure("X", "workdays.non_enforcement.stated_total", "非执法工作日", "日",
           r"非执法工作日", ("WD007", "WD008"))
# S is also written as the method's equation in words: "总法定工作日减去其他执法工作日和非执法
# 工作日后（的天数）", which comes first so that 总法定工作日 there is not read as T.
S = Figure("S", "workdays.supervision", "监督检查工作日", "日",
           r"总法定工作日(?:减去|扣除|减)其[他它]执法工作日(?:和|、|及|与|,)?(?:减去|扣除)?非执法工作日(?:之?后(?:的天数)?)?"
           r"|(?<!重点)(?<!一般)(?<!随机)(?:监督检查执法|监督执法检查|监督检查|执法检查)工作日", ("WD008", "WD009", "WD010", "WD011"))
# K and G are also written without 工作日 where their days follow at once ("重点检查713天").
_DAYS_FOLLOW = r"(?=\s*(?:为|共|约)?\s*\d+(?:\.\d+)?\s*(?:个工作日|工作日|人日|日|天))"
K = Figure("K", "workdays.key", "重点检查工作日", "日",
           rf"重点(?:监督|执法)?检查(?:执法)?工作日|重点(?:监督|执法)?检查{_DAYS_FOLLOW}", ("WD009", "KI008"))
G = Figure("G", "workdays.general", "一般检查工作日", "日",
           rf"一般(?:监督|执法)?检查(?:执法)?工作日|(?:双随机|随机)(?:抽查|检查)?工作日|一般(?:监督|执法)?检查{_DAYS_FOLLOW}",
           ("WD009", "GI004"))
R = Figure("R", "workdays.reserve", "机动检查工作日", "日",
           r"(?:机动|预留|备用)(?:检查|执法)?工作日")
KEY_UNITS = Figure("key_units", "key_inspections.unit_count", "重点检查单位数", "家", "", ("KI001", "KI003"))
GENERAL_UNITS = Figure("general_units", "general_inspections.unit_count", "一般检查单位数", "家", "", ("GI002",))

WORKDAY_FIGURES = (PER_PERSON, T, O, X, S, K, G, R)
FIGURES = (N, *WORKDAY_FIGURES)
BY_KEY = {figure.key: figure for figure in (*FIGURES, KEY_UNITS, GENERAL_UNITS)}
BY_PATH = {figure.path: figure for figure in BY_KEY.values()}
# The figures a document must print (IN003 when it does not).
REQUIRED = (N, PER_PERSON, T, O, X, S, K, G, KEY_UNITS, GENERAL_UNITS)

# Any figure's wording, so that 重点检查工作日 is never read as a shorter one and 总法定工作日
# never as 法定工作日 (look-behinds guard those), and S's equation in words comes before T.
# Group names are the figures' keys.
_LABEL_ORDER = (S, T, O, X, K, G, R, PER_PERSON, N)
ANY_LABEL = re.compile("|".join(f"(?P<{figure.key}>{figure.label})" for figure in _LABEL_ORDER))


def figure_of(match: re.Match) -> Figure:
    """The figure a match of ANY_LABEL names."""
    return BY_KEY[match.lastgroup]


def name_of(path: str) -> str:
    """The Chinese name of the figure at `path`, or the path itself."""
    figure = BY_PATH.get(path)
    return figure.name if figure else path


# --- who may issue a plan under the method (150号 第二条) --------------------------------

# Departments whose plans the method governs: emergency management (formerly work safety)
# bureaus and their enforcement brigades.
SAFETY_AGENCY = (r"(?:应急管理局(?:综合(?:行政)?执法(?:大队|支队|总队))?|应急管理厅|应急管理部|应急管理委员会|应急局"
                 r"|安全生产监督管理局|安全生产监督管理厅|安监局|应急管理办公室|安全生产委员会办公室"
                 r"|应急管理(?:综合)?(?:行政)?执法(?:大队|支队|总队))")
# Any department name's ending, for issuers outside emergency management (交通运输局, 民政局).
DEPARTMENT = r"(?:局|厅|委员会|办公室|中心|执法大队|执法支队|执法总队)"
_SAFETY = re.compile(SAFETY_AGENCY + "$")
# The last administrative division named before the department decides the level (150号
# 第二条 covers county level and above). Development zones and streets are outside its scope.
_LEVELS = (
    (re.compile(r"(?:开发区|园区|高新区|工业区|产业园|示范区|试验区)(?:管理委员会|管委会)?$"), "zone"),
    (re.compile(r"街道(?:办事处)?$"), "street"),
    (re.compile(r"(?:乡|镇)(?:人民政府)?$"), "township"),
    (re.compile(r"(?:北京|天津|上海|重庆)市$"), "province"),
    (re.compile(r"(?:区|县|旗|自治县|自治旗|特区|林区)$"), "county"),
    (re.compile(r"(?:市|自治州|地区|盟)$"), "city"),
    (re.compile(r"(?:省|自治区)$"), "province"),
)
OUT_OF_SCOPE_LEVELS = ("township", "street", "zone")
_DIVISION = re.compile(r"(?:开发区|园区|高新区|街道|自治区|自治州|自治县|省|市|地区|盟|区|县|旗|乡|镇)")


def issuer_level(name: str) -> str:
    """national, province, city, county, township, street, zone or unknown."""
    if name.endswith("应急管理部"):
        return "national"
    if name.endswith("厅"):
        return "province"
    safety = _SAFETY.search(name)
    if safety:
        divisions = name[:safety.start()]
    else:                                   # "泰州市姜堰区" + "交通运输局"
        last = list(_DIVISION.finditer(name))
        divisions = name[:last[-1].end()] if last else name
    for pattern, level in _LEVELS:
        if pattern.search(divisions):
            return level
    return "unknown"


def is_safety_department(name: str) -> bool:
    """Whether the issuer is an emergency management (work safety) department or its brigade,
    rather than a sector department that plans its own safety inspections (交通运输局, 民政局)."""
    return bool(_SAFETY.search(name))

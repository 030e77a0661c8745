"""The figures of the workday method (150号): N d T O X S K G R with their field paths,
Chinese names, units and the wordings plans use for them (docs/architecture.md, "The
method's vocabulary").

The extractor finds figures by these wordings; the model's titles, the facts, the messages
and the budget chart name them by these names; IN003 names the checks that a missing figure
skips. Wordings are regular expressions over normalised text (plan_rules/extract/text.py:
ASCII digits and punctuation, no spaces between Chinese characters).
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
    short: str = ""       # the name in a chart's legend: 总法定, 其他执法

    @property
    def title(self) -> str:
        """The name with the method's symbol, as the model's titles give it: 总法定工作日 T."""
        return f"{self.name} {self.key}"


N = Figure("N", "officers.counted", "行政执法人员数量", "人",
           r"(?:行政)?执法(?:检查)?人员(?:数量|人数|总数|数)?", ("ST001", "WD002"))
# d is also said per person without its name ("按每人全年248个工作日计算"): only before a figure
# of 200 to 299 days, never an item's days per person ("值班每人全年20天").
PER_PERSON = Figure("d", "workdays.per_person", "人均法定工作日", "日",
                    r"(?<!总)法定工作日(?!总数|总计|合计|共计|总和)(?:数)?"
                    r"|(?:每人|每名执法人员|人均)(?:每年|全年|年)(?=\s*(?:按|为)?\s*2\d\d\s*(?:个工作日|工作日|天|日))"
                    r"|全年每人(?=\s*(?:按|为)?\s*2\d\d\s*(?:个工作日|工作日|天|日))", ("WD001", "WD002"))
T = Figure("T", "workdays.total", "总法定工作日", "日",
           r"总法定工作日(?:数)?|法定工作日(?:总数|总计|合计|共计|总和)|法定总工作日|总工作日", ("WD002", "WD008", "WD011"),
           "总法定")
O = Figure("O", "workdays.other_enforcement.stated_total", "其他执法工作日", "日",
           r"其[他它]执法工作日", ("WD006", "WD008"), "其他执法")
X = Figure("X", "workdays.non_enforcement.stated_total", "非执法工作日", "日",
           r"非执法工作日", ("WD007", "WD008"), "非执法")
# S is also written as the method's equation in words: "总法定工作日减去其他执法工作日和非执法
# 工作日后（的天数）", which comes first so that 总法定工作日 there is not read as T.
S = Figure("S", "workdays.supervision", "监督检查工作日", "日",
           r"总法定工作日(?:减去|扣除|减)其[他它]执法工作日(?:和|、|及|与|,)?(?:减去|扣除)?非执法工作日(?:之?后(?:的天数)?)?"
           r"|(?<!重点)(?<!一般)(?<!随机)(?:监督检查执法|监督执法检查|监督检查|执法检查)工作日", ("WD008", "WD009", "WD010", "WD011"),
           "监督检查")
# K and G are also written without 工作日 where their days follow at once ("重点检查713天",
# "其中重点检查1050个，占70%": a bare 个 in a sentence about workdays, never 个单位/个企业).
_DAYS_FOLLOW = r"(?=\s*(?:为|共|约)?\s*\d+(?:\.\d+)?\s*(?:个工作日|工作日|人日|日|天|个(?![\u4e00-\u9fff])))"
K = Figure("K", "workdays.key", "重点检查工作日", "日",
           rf"重点(?:监督|执法)?检查(?:执法)?工作日|重点(?:监督|执法)?检查{_DAYS_FOLLOW}", ("WD009", "KI008"), "重点")
G = Figure("G", "workdays.general", "一般检查工作日", "日",
           rf"一般(?:监督|执法)?检查(?:执法)?工作日|(?:双随机|随机)(?:抽查|检查)?工作日|一般(?:监督|执法)?检查{_DAYS_FOLLOW}",
           ("WD009", "GI004"), "一般")
# Plans also call it 预留 or 备用 工作日; one name everywhere the checker speaks of it.
R = Figure("R", "workdays.reserve", "机动工作日", "日",
           r"(?:机动|预留|备用)(?:检查|执法)?工作日", (), "机动")
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


# The figure each field of the model's `workdays` stands for (其他执法、非执法: the category,
# whose figure is its stated total).
BY_WORKDAYS_FIELD = {"per_person": PER_PERSON, "total": T, "other_enforcement": O, "non_enforcement": X,
                     "supervision": S, "key": K, "general": G, "reserve": R}

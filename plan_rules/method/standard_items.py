"""The 17 standard items of the workday method (150号): ten 其他执法工作日 items (O1–O10)
and seven 非执法工作日 items (X1–X7), and the matching of a plan's item label to them.

Real plans write the items with local variations (检查指导街道、开发区部门工作; 参与 for 参加;
及督办 appended), so labels are matched by meaning, through keywords, not by exact string.
The order of the tests below resolves the known traps (docs/architecture.md, "The method's
vocabulary"):
- 宣传教育培训 (outward, O8) is tested before 学习、培训 (the staff's own, X2);
- 上级安排的**其他非执法**任务 (X7) is tested before 上级安排的**执法**任务 (O10);
- 联合执法 (O5) is not 检查指导下级工作 (X3).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .figures import O, X

# The two categories, by the model's field names under `workdays`.
OTHER = "other_enforcement"
NON = "non_enforcement"

CATEGORY_ZH = {OTHER: O.name, NON: X.name}


@dataclass(frozen=True)
class StandardItem:
    category: str
    number: int
    title: str

    @property
    def code(self) -> str:
        return f"{'O' if self.category == OTHER else 'X'}{self.number}"

    @property
    def describe(self) -> str:
        return f"编制办法所列{CATEGORY_ZH[self.category]}第 {self.number} 项“{self.title}”"


OTHER_ITEMS = [
    "开展安全生产综合监管", "实施行政许可", "组织生产安全事故调查和处理", "调查核实安全生产投诉举报",
    "参加有关部门联合执法", "办理有关法律、法规、规章规定的登记、备案", "开展对中介服务机构的监督检查",
    "开展安全生产宣传教育培训", "办理行政复议、行政应诉", "完成本级人民政府或者上级部门安排的执法工作任务",
]
NON_ITEMS = [
    "机关值班", "学习、培训、考核、会议", "检查指导下级安全监管部门工作", "参加党群活动", "病假、事假",
    "法定年休假、探亲假、婚（丧）假", "完成本级人民政府或者上级部门等安排的其他非执法工作任务",
]
STANDARD_ITEMS = ([StandardItem(OTHER, i + 1, t) for i, t in enumerate(OTHER_ITEMS)]
                  + [StandardItem(NON, i + 1, t) for i, t in enumerate(NON_ITEMS)])
_BY_CODE = {item.code: item for item in STANDARD_ITEMS}

# (item code, alternatives), tested in this order; the first match wins. An alternative is a
# tuple of words that must all appear in the label, in this order ("事故…调查"). Plain
# substring tests: no regular expression to compile at start-up.
_KEYWORDS = [
    ("X7", [("非执法",)]),
    ("O8", [("宣传",), ("普法",), ("警示教育",)]),
    ("O1", [("综合监管",), ("综合监督",)]),
    ("O2", [("许可",), ("审批",), ("审查",)]),
    ("O3", [("事故", "调查"), ("事故", "处理"), ("调查", "处理")]),
    ("O4", [("投诉",), ("举报",), ("信访",)]),
    ("O5", [("联合执法",), ("联合检查",)]),
    ("O6", [("登记",), ("备案",)]),
    ("O7", [("中介",)]),
    ("O9", [("复议",), ("应诉",), ("诉讼",)]),
    ("O10", [("执法", "任务")]),
    ("X1", [("值班",), ("值守",)]),
    ("X3", [("指导", "工作"), ("检查指导",)]),
    ("X4", [("党群",), ("党建",), ("党组织",), ("党员",), ("群团",)]),
    ("X5", [("病假",), ("事假",)]),
    ("X6", [("年休",), ("休假",), ("探亲",), ("婚",), ("丧",)]),
    ("X2", [("学习",), ("培训",), ("考核",), ("会议",), ("教育",)]),
]
_NOISE = str.maketrans("", "", " \t\n\r　:：;；,，.。、()（）")


def contains_in_order(text: str, words: tuple[str, ...]) -> bool:
    position = 0
    for word in words:
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


@lru_cache(maxsize=4096)   # plans repeat the same labels; facts ask for each more than once
def classify(label: str) -> Optional[StandardItem]:
    """The standard item a plan's item label means, or None when it matches none (WD004)."""
    text = label.translate(_NOISE)
    for code, alternatives in _KEYWORDS:
        if any(contains_in_order(text, words) for words in alternatives):
            return _BY_CODE[code]
    return None

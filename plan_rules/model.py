"""The plan model: everything an annual supervision and inspection plan states that the
rulebook needs (150号 第五条 to 第十条 name the parts of a plan).

The model stays plain: where each figure came from lives in the SourceMap, not here.
Figures that the rulebook itself checks (negative or fractional workdays, WD012) are not
constrained by the schema; counts of people and units are (a negative count is IN002).
Unknown keys are errors so that a typo never passes silently.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .method import G, K, N, O, PER_PERSON, R, S, T, X
from .method.parts import PART_NAMES

# Workday figures beyond this are not plans but typos or attacks; they become IN002
# instead of overflowing the engine's 64-bit integers (docs/architecture.md, "Numbers"). Negative figures are
# bounded too: -1e300 days overflowed the decimal context of the facts.
MAX_DAYS = 10_000_000
MAX_COUNT = 1_000_000
# Years a calendar date can hold (datetime: 1–9999; a December visit reaches into the next
# year). Whether the year is plausible is MD001's to say; 10^30 crashed the calendar lookup.
MIN_YEAR, MAX_YEAR = 1, 9998


def not_a_boolean(value):
    """pydantic takes true for 1 in a number field: a JSON `true` was counted as one person."""
    if isinstance(value, bool):
        raise PydanticCustomError("bool_is_not_number", "应为数字（true、false 不是数字）")
    return value


Days = Annotated[float, BeforeValidator(not_a_boolean)]
Integer = Annotated[int, BeforeValidator(not_a_boolean)]
Count = Integer
# A count in a list (counts stated elsewhere in the text): bounded as the single counts are.
ListedCount = Annotated[Count, Field(ge=0, le=MAX_COUNT)]

IssuerLevel = Literal["national", "province", "city", "county", "township", "street", "zone", "unknown"]
PercentSubject = Literal["key", "general", "reserve", "supervision", "other_enforcement", "non_enforcement"]
PercentBase = Literal["supervision", "total"]


def _empty_list() -> list:
    """The default of list fields. Not `list` itself: pydantic asks every default factory for
    its signature, and a builtin's is parsed from its text signature: about 10 ms of a cold
    start over the model's 19 lists (docs/architecture.md, "Budgets")."""
    return []


class Strict(BaseModel):
    # Validators are built when first used, not at import: `plan-rules check` builds the Plan's
    # once, nested models inline, instead of each of the 25 classes its own at import; commands
    # that never validate a plan do not build them at all.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)


class Issuer(Strict):
    name: str = Field(title="发文机关名称")
    level: IssuerLevel = Field("unknown", title="机关层级",
                               description="national/province/city/county 在150号适用范围内；township/street/zone 不在")


class StaffGroup(Strict):
    name: str = Field(title="人员类别", description="如 行政编制、专门执法机构事业编制")
    count: Count = Field(ge=0, le=MAX_COUNT, title="人数")


class Officers(Strict):
    counted: Optional[Count] = Field(None, ge=0, le=MAX_COUNT, title=N.title)
    groups: list[StaffGroup] = Field(default_factory=_empty_list, title="按类别的人数构成")
    certified: Optional[Count] = Field(None, ge=0, le=MAX_COUNT, title="具有执法资格人数")
    registered: Optional[Count] = Field(None, ge=0, le=MAX_COUNT, title="在编（在册）人数")
    roster_count: Optional[Count] = Field(None, ge=0, le=MAX_COUNT,
                                          title="执法小组名单所列人数", description="附表执法小组名单中的人数")
    share: Optional[Decimal] = Field(None, ge=0, title="原文所写纳入计算人数占在编人员的百分比（不含 %）",
                                     description="如“占在编人员的81.8%”写 \"81.8\"；WD010 核对")


class Split(Strict):
    """One unit's share of a figure (其中安全生产科 375 日)."""
    unit: str = Field(title="承担单位（科室、大队）")
    days: Days = Field(ge=-MAX_DAYS, le=MAX_DAYS, title="工作日")


class WorkItem(Strict):
    label: str = Field(title="事项名称（按原文）")
    days: Optional[Days] = Field(None, ge=-MAX_DAYS, le=MAX_DAYS, title="工作日", description="原文未写数字时留空，按 0 计（WD015）")
    splits: list[Split] = Field(default_factory=_empty_list, title="按承担单位的分解")


class WorkCategory(Strict):
    stated_total: Optional[Days] = Field(None, ge=-MAX_DAYS, le=MAX_DAYS, title="原文所列合计")
    splits: list[Split] = Field(default_factory=_empty_list, title="合计按承担单位的分解")
    items: list[WorkItem] = Field(default_factory=_empty_list, title="事项")


class PrintedPercent(Strict):
    subject: PercentSubject = Field(title="所指工作日", description="key/general/reserve/...")
    value: Decimal = Field(title="原文百分数（不含 %）", description="写成字符串可保留末位 0，如 \"69.00\"")
    base: Optional[PercentBase] = Field(None, title="基数", description="supervision（监督检查工作日）或 total（总法定工作日）；"
                                        "不写则按相邻百分比判断，仍不能定则两种基数都试")


class Workdays(Strict):
    per_person: Optional[Days] = Field(None, ge=-MAX_DAYS, le=MAX_DAYS, title=PER_PERSON.title)
    total: Optional[Days] = Field(None, ge=-MAX_DAYS, le=MAX_DAYS, title=T.title)
    total_splits: list[Split] = Field(default_factory=_empty_list, title="总法定工作日按单位分解")
    other_enforcement: WorkCategory = Field(default_factory=WorkCategory, title=O.title)
    non_enforcement: WorkCategory = Field(default_factory=WorkCategory, title=X.title)
    supervision: Optional[Days] = Field(None, ge=-MAX_DAYS, le=MAX_DAYS, title=S.title)
    supervision_splits: list[Split] = Field(default_factory=_empty_list, title="监督检查工作日按单位分解")
    key: Optional[Days] = Field(None, ge=-MAX_DAYS, le=MAX_DAYS, title=K.title)
    general: Optional[Days] = Field(None, ge=-MAX_DAYS, le=MAX_DAYS, title=G.title)
    reserve: Optional[Days] = Field(None, ge=-MAX_DAYS, le=MAX_DAYS, title=R.title)
    percentages: list[PrintedPercent] = Field(default_factory=_empty_list, title="原文所列百分比")


class Visit(Strict):
    """One scheduled inspection of a unit."""
    month: Optional[Integer] = Field(None, title="计划月份")
    date: Optional[dt.date] = Field(None, title="计划日期")
    officers: Optional[Count] = Field(None, ge=0, le=MAX_COUNT, title="执法人员数")
    days: Optional[Days] = Field(None, ge=-MAX_DAYS, le=MAX_DAYS, title="每次检查工作日")


class InspectedUnit(Strict):
    name: str = Field(title="单位名称")
    industry: Optional[str] = Field(None, title="行业")
    reason: Optional[str] = Field(None, title="列为重点的理由")
    visits: list[Visit] = Field(default_factory=_empty_list, title="计划检查")
    justification: Optional[str] = Field(None, title="本年度不安排检查的书面说明")


class IndustryCount(Strict):
    industry: str = Field(title="行业")
    count: Count = Field(ge=0, le=MAX_COUNT, title="户数")


class KeyInspections(Strict):
    unit_count: Optional[Count] = Field(None, ge=0, le=MAX_COUNT, title="重点检查单位数")
    other_counts: list[ListedCount] = Field(default_factory=_empty_list, title="文中其他处所述重点单位数",
                                      description="如“主要任务”部分另述的户数")
    by_industry: list[IndustryCount] = Field(default_factory=_empty_list, title="按行业户数")
    units: Optional[list[InspectedUnit]] = Field(None, title="重点检查单位名单（附表1）",
                                                 description="不提供名单时留空")


class GeneralInspections(Strict):
    unit_count: Optional[Count] = Field(None, ge=0, le=MAX_COUNT, title="一般检查单位数")
    other_counts: list[ListedCount] = Field(default_factory=_empty_list, title="文中其他处所述一般检查单位数")
    by_industry: list[IndustryCount] = Field(default_factory=_empty_list, title="按行业户数")
    random_units: bool = Field(False, title="随机抽取检查对象")
    random_officers: bool = Field(False, title="随机选派执法人员")
    pool_size: Optional[Count] = Field(None, ge=0, le=MAX_COUNT, title="抽查对象库单位数")
    ratio: Optional[Decimal] = Field(None, ge=0, le=100, title="抽查比例（%）")
    units: Optional[list[InspectedUnit]] = Field(None, title="一般检查单位名单（附表2）")


class Approval(Strict):
    body: Optional[str] = Field(None, title="批准机关（本级人民政府）")
    date: Optional[dt.date] = Field(None, title="批准日期")
    document_number: Optional[str] = Field(None, title="批复文号")


class Filing(Strict):
    body: Optional[str] = Field(None, title="备案机关（上一级部门）")
    date: Optional[dt.date] = Field(None, title="备案日期")
    document_number: Optional[str] = Field(None, title="备案文号")


class AnnexRef(Strict):
    label: str = Field(title="附表/附件编号", description="如 附表1")
    title: Optional[str] = Field(None, title="名称")
    provided: bool = Field(False, title="是否随文提供")


class FormulaTerm(Strict):
    op: Literal["+", "-", "×", "÷"] = Field("+", title="运算符（首项为 +）")
    value: Decimal = Field(title="原文数值")
    figure: Optional[str] = Field(None, title="所指数字的字段路径", description="如 workdays.total；用于核对与他处所述是否一致")


class Formula(Strict):
    """A printed formula such as 249日×12人=2988日 (WD013)."""
    text: str = Field(title="原文")
    terms: list[FormulaTerm] = Field(title="运算项（从左到右，乘除先于加减）")
    result: Decimal = Field(title="原文结果")
    result_figure: Optional[str] = Field(None, title="结果所指字段路径")


DocumentPart = Literal[PART_NAMES]


class Restatement(Strict):
    """A figure printed again elsewhere with another value (WD017)."""
    figure: str = Field(title="字段路径", description="如 workdays.supervision")
    value: Decimal = Field(title="此处所写数值")
    first_value: Decimal = Field(title="首次所写数值")
    place: str = Field("", title="此处位置")
    first_place: str = Field("", title="首次所写位置")


class Blank(Strict):
    """A blank where a figure belongs (DC004): "事故调查按期结案率达 。"."""
    text: str = Field(title="原文")


class Truncation(Strict):
    """The text stops before its end, or starts after its beginning (DC005)."""
    stops_at: str = Field("", title="文本止于")
    end_missing: bool = Field(True, title="结尾缺失")
    start_missing: bool = Field(False, title="开头缺失")


class Uncertainty(Strict):
    """A figure or list read with less than certainty: errors resting on it become warnings."""
    path: str = Field(title="字段路径")
    reason: str = Field(title="原因")


class DocumentEvidence(Strict):
    """What only the document text shows (DC001–DC005, WD013, WD017); filled by `extract`."""
    parts: list[DocumentPart] = Field(default_factory=_empty_list, title="文中具备的组成部分")
    formulas: list[Formula] = Field(default_factory=_empty_list, title="原文算式")
    restatements: list[Restatement] = Field(default_factory=_empty_list, title="同一数字前后所写不一")
    blanks: list[Blank] = Field(default_factory=_empty_list, title="应填数字处留空")
    truncation: Optional[Truncation] = Field(None, title="文本不完整")
    uncertain: list[Uncertainty] = Field(default_factory=_empty_list, title="读取不确定的数字")


class Plan(Strict):
    """安全生产年度监督检查计划."""
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True, title="安全生产年度监督检查计划")

    year: Optional[Integer] = Field(None, ge=MIN_YEAR, le=MAX_YEAR, title="计划年度")
    issuer: Optional[Issuer] = Field(None, title="编制机关")
    title: Optional[str] = Field(None, title="计划标题")
    document_number: Optional[str] = Field(None, title="发文字号")
    basis: list[str] = Field(default_factory=_empty_list, title="编制依据（所引法规文件）")
    officers: Officers = Field(default_factory=Officers, title="行政执法人员")
    workdays: Workdays = Field(default_factory=Workdays, title="执法工作日测算")
    key_inspections: KeyInspections = Field(default_factory=KeyInspections, title="重点检查")
    general_inspections: GeneralInspections = Field(default_factory=GeneralInspections, title="一般检查")
    approval: Optional[Approval] = Field(None, title="本级人民政府批准")
    filing: Optional[Filing] = Field(None, title="报上一级部门备案")
    annexes: list[AnnexRef] = Field(default_factory=_empty_list, title="附表/附件")
    document: Optional[DocumentEvidence] = Field(None, title="文档证据", description="从 .txt/.docx/.pdf 提取时生成")

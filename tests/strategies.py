"""Hypothesis strategies for plans: consistent ones, and consistent ones with a single
targeted corruption whose findings are known exactly, and wild ones for the differential test.

Plans are plain dicts in the structured-plan format (dates and decimals as strings), so the
same value can be validated into a Plan or dumped to YAML/JSON bytes. Expectations are
computed here from the method (docs/architecture.md, "The method's vocabulary")
independently of plan_rules (its own legal-day table, its own
rounding), so that a property fails when the code and the rulebook disagree.
"""
from __future__ import annotations

import copy
import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

# --- the workday method (docs/architecture.md, "The method's vocabulary")  ----------------------------------------------------------

STANDARD_DAYS = 250
CALENDAR_DAYS = {2018: 250, 2019: 250, 2020: 249, 2021: 250, 2022: 249, 2023: 249, 2024: 251,
                 2025: 248, 2026: 248}
ALSO_OFFICIAL = {2020: (251,)}   # 2020 as announced, before the Spring Festival extension
YEARS = sorted(CALENDAR_DAYS)


def ministry_days(year: int) -> int:
    return 248 if year >= 2025 else 250


def accepted_days(year: int) -> list[int]:
    return sorted({STANDARD_DAYS, ministry_days(year), CALENDAR_DAYS[year], *ALSO_OFFICIAL.get(year, ())})


def figures_agree(year: int) -> bool:
    """WD001 is an info whenever d is accepted but the year's figures differ."""
    return len(accepted_days(year)) == 1


# Each standard item as the method writes it and as real plans vary it (docs/architecture.md, "The method's vocabulary").
OTHER_LABELS = {
    "O1": ["开展安全生产综合监管", "安全生产综合监督管理"],
    "O2": ["实施行政许可", "行政许可审查"],
    "O3": ["组织生产安全事故调查和处理", "事故调查处理"],
    "O4": ["调查核实安全生产投诉举报", "调查核实安全生产投诉举报及督办"],
    "O5": ["参加有关部门联合执法", "参与有关部门联合执法"],
    "O6": ["办理有关法律、法规、规章规定的登记、备案", "登记备案"],
    "O7": ["开展对中介服务机构的监督检查", "中介机构监督检查"],
    "O8": ["开展安全生产宣传教育培训", "组织开展安全生产宣传教育和警示教育"],
    "O9": ["办理行政复议、行政应诉", "行政复议和行政应诉"],
    "O10": ["完成本级人民政府或者上级部门安排的执法工作任务", "完成上级部门交办的执法任务"],
}
NON_LABELS = {
    "X1": ["机关值班", "上班期间专人值班"],
    "X2": ["学习、培训、考核、会议", "参加市、县组织的业务学习和培训"],
    "X3": ["检查指导下级安全监管部门工作", "检查指导街道、开发区部门工作"],
    "X4": ["参加党群活动", "参与党建活动"],
    "X5": ["病假、事假", "病、事假"],
    "X6": ["法定年休假、探亲假、婚（丧）假", "法定年休假"],
    "X7": ["完成本级人民政府或者上级部门等安排的其他非执法工作任务", "完成上级交办的其他非执法工作任务"],
}
ANNUAL_LEAVE = "X6"
INDUSTRIES = ["危险化学品", "工贸", "非煤矿山", "烟花爆竹", "建筑施工"]
PERCENT_DECIMALS = [0, 1, 2]


def printed_percent(numerator: int, denominator: int, decimals: int) -> str:
    """The ratio as a correctly rounded percentage (GB/T 8170: half up), as printed."""
    exact = Decimal(numerator * 100) / Decimal(denominator)
    return str(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def percent_units_off(printed: str, numerator, denominator) -> int:
    """How many units of the printed last digit a printed percentage is off."""
    value = Decimal(printed)
    quantum = Decimal(1).scaleb(value.as_tuple().exponent)
    ratio = Fraction(str(numerator)) / Fraction(str(denominator))
    exact = Decimal(ratio.numerator * 100) / Decimal(ratio.denominator)
    return int(abs(value - exact.quantize(quantum, rounding=ROUND_HALF_UP)) / quantum)


def percent_severity(units_off: int) -> str | None:
    return None if units_off == 0 else "warning" if units_off == 1 else "error"


def split(total: int, weights: list[int]) -> list[int]:
    """`total` cut into len(weights) non-negative whole parts in proportion to the weights."""
    if sum(weights) == 0:
        weights = [1] + [0] * (len(weights) - 1)
    parts = [total * w // sum(weights) for w in weights]
    parts[0] += total - sum(parts)
    return parts


# --- consistent plans -------------------------------------------------------------------------

@st.composite
def visits(draw, year: int, approval: dt.date, count: st.SearchStrategy[int]) -> list[dict]:
    out = []
    for _ in range(draw(count)):
        visit = {"officers": draw(st.integers(2, 3)), "days": draw(st.integers(1, 2))}
        if draw(st.booleans()):
            visit["month"] = draw(st.integers(1, 12))
        else:
            start, end = approval.toordinal(), dt.date(year, 12, 31).toordinal()
            visit["date"] = dt.date.fromordinal(draw(st.integers(start, end))).isoformat()
        out.append(visit)
    return out


def effort(units: list[dict]) -> int:
    return sum(v["officers"] * v["days"] for u in units for v in u["visits"])


@st.composite
def consistent_plans(draw, print_totals: bool | None = None) -> dict:
    """A plan every figure of which agrees with every other: no finding but the WD001 info of
    years whose legal-day figures disagree."""
    year = draw(st.sampled_from(YEARS))
    d = draw(st.sampled_from(accepted_days(year)))
    n = draw(st.integers(1, 40))
    total = n * d
    approval = dt.date(year, 1, draw(st.integers(1, 28)))

    # Officers: groups that add up to N, certified and registered within the 70% floor.
    group_sizes = [s for s in split(n, draw(st.lists(st.integers(0, 5), min_size=1, max_size=3))) if s] or [n]
    officers = {"counted": n, "groups": [{"name": f"人员类别{i + 1}", "count": s} for i, s in enumerate(group_sizes)]}
    if draw(st.booleans()):
        ceiling = n * 10 // 7
        officers["certified"] = draw(st.integers(n, ceiling))
        officers["registered"] = draw(st.integers(officers["certified"], ceiling))
    if draw(st.booleans()):
        officers["roster_count"] = n

    # Key and general units, whose planned effort the budget must cover.
    key_units = []
    for i in range(draw(st.integers(0, 5))):
        key_units.append({"name": f"重点单位{i + 1}有限公司", "industry": INDUSTRIES[i % len(INDUSTRIES)],
                          "visits": draw(visits(year, approval, st.integers(1, 3)))})
    pool = draw(st.integers(10, 200))
    ratio = draw(st.sampled_from(["5", "10", "12.5", "15", "20"]))
    general_count = math.ceil(Fraction(pool) * Fraction(ratio) / 100)
    general_units = None
    if general_count <= 8 and draw(st.booleans()):
        general_units = [{"name": f"一般单位{i + 1}有限公司", "visits": draw(visits(year, approval, st.just(1)))}
                         for i in range(general_count)]
    key_effort, general_effort = effort(key_units), effort(general_units or [])

    # S: at least 10% of T and the planned effort; at most what leaves 5 days a head of leave.
    low = max(math.ceil(total / 10), key_effort + general_effort, 1)
    supervision = draw(st.integers(low, total - 5 * n))
    parts = split(total - supervision - 5 * n, draw(st.lists(st.integers(0, 20), min_size=17, max_size=17)))
    codes = list(OTHER_LABELS) + list(NON_LABELS)
    days = dict(zip(codes, parts))
    days[ANNUAL_LEAVE] += 5 * n

    def category(labels: dict[str, list[str]]) -> dict:
        order = draw(st.permutations(list(labels)))
        items = [{"label": draw(st.sampled_from(labels[c])), "days": days[c]} for c in order]
        stated = print_totals if print_totals is not None else draw(st.booleans())
        return {**({"stated_total": sum(i["days"] for i in items)} if stated else {}), "items": items}

    other, non = category(OTHER_LABELS), category(NON_LABELS)
    if draw(st.booleans()):
        first = other["items"][0]
        a = draw(st.integers(0, first["days"]))
        first["splits"] = [{"unit": "安全生产综合监管科", "days": a}, {"unit": "综合行政执法大队", "days": first["days"] - a}]

    slack = supervision - key_effort - general_effort
    key_extra = draw(st.integers(0, slack))
    reserve = draw(st.integers(0, slack - key_extra)) if draw(st.booleans()) else None
    key = key_effort + key_extra
    general = supervision - key - (reserve or 0)
    workdays = {"per_person": d, "total": total, "other_enforcement": other, "non_enforcement": non,
                "supervision": supervision, "key": key, "general": general}
    if reserve is not None:
        workdays["reserve"] = reserve
    if draw(st.booleans()):
        a = draw(st.integers(0, total))
        workdays["total_splits"] = [{"unit": "局机关", "days": a}, {"unit": "执法大队", "days": total - a}]
    percentages = []
    for subject, value in (("key", key), ("general", general)):
        if draw(st.booleans()):
            printed = {"subject": subject, "value": printed_percent(value, supervision, draw(st.sampled_from(PERCENT_DECIMALS)))}
            if draw(st.booleans()):
                printed["base"] = "supervision"
            percentages.append(printed)
    if draw(st.booleans()):
        percentages.append({"subject": "supervision", "base": "total",
                            "value": printed_percent(supervision, total, draw(st.sampled_from(PERCENT_DECIMALS)))})
    workdays["percentages"] = percentages

    by_industry = {}
    for unit in key_units:
        by_industry[unit["industry"]] = by_industry.get(unit["industry"], 0) + 1
    key_inspections = {"unit_count": len(key_units), "units": key_units,
                       "by_industry": [{"industry": k, "count": v} for k, v in by_industry.items()]}
    if draw(st.booleans()):
        key_inspections["other_counts"] = [len(key_units)]
    general_inspections = {"unit_count": general_count, "random_units": True, "random_officers": True,
                           "pool_size": pool, "ratio": ratio}
    if general_units is not None:
        general_inspections["units"] = general_units
    if draw(st.booleans()):
        general_inspections["other_counts"] = [general_count]

    plan = {
        "year": year,
        "issuer": {"name": "清河县应急管理局", "level": draw(st.sampled_from(["county", "city", "province"]))},
        "title": f"清河县应急管理局{year}年度安全生产监督检查计划",
        "basis": ["《中华人民共和国安全生产法》", "《安全生产年度监督检查计划编制办法》（安监总政法〔2017〕150号）"],
        "officers": officers,
        "workdays": workdays,
        "key_inspections": key_inspections,
        "general_inspections": general_inspections,
        "approval": {"body": "清河县人民政府", "date": approval.isoformat()},
        "filing": {"body": "邢台市应急管理局"},
        "annexes": [{"label": "附表1", "provided": True}, {"label": "附表2", "provided": True}],
    }
    if draw(st.booleans()):
        plan["document"] = {
            "parts": ["officers", "workday_calculation", "key_arrangements", "general_arrangements",
                      "basis", "goals", "safeguards"],
            "formulas": [{"text": f"{d}日×{n}人={total}日",
                          "terms": [{"value": d, "figure": "workdays.per_person"},
                                    {"op": "×", "value": n, "figure": "officers.counted"}],
                          "result": total, "result_figure": "workdays.total"}],
        }
    return plan


def expected_for_consistent(plan: dict) -> list[tuple[str, str]]:
    return [] if figures_agree(plan["year"]) else [("WD001", "info")]


# --- single targeted corruptions --------------------------------------------------------------

@dataclass
class Corrupted:
    kind: str
    plan: dict
    expected: list[tuple[str, str]] = field(default_factory=list)   # (code, severity), sorted


CORRUPTIONS = ["item_days", "subtotal", "percentage", "key_unit_unscheduled", "item_moved",
               "single_officer", "total"]


def _category_code(category: str) -> str:
    return "WD006" if category == "other_enforcement" else "WD007"


def all_visits(plan: dict) -> list[dict]:
    units = plan["key_inspections"]["units"] + (plan["general_inspections"].get("units") or [])
    return [v for u in units for v in u["visits"]]


@st.composite
def corrupted_plans(draw, kinds: tuple[str, ...] = tuple(CORRUPTIONS)) -> Corrupted:
    """A consistent plan (with printed category totals) and one targeted corruption of the
    given kinds, with the exact findings it must yield on top of the plan's own (the WD001
    info)."""
    plan = draw(consistent_plans(print_totals=True))
    possible = [k for k in kinds
                if not (k == "percentage" and not plan["workdays"]["percentages"])
                and not (k == "key_unit_unscheduled" and not plan["key_inspections"]["units"])
                and not (k == "single_officer" and not all_visits(plan))]
    assume(possible)
    kind = draw(st.sampled_from(possible))
    bad = copy.deepcopy(plan)
    w = bad["workdays"]
    expected = expected_for_consistent(plan)

    if kind == "item_days":
        # One item's days change, the printed category total does not: WD006 or WD007 only
        # (S is checked against the printed totals); an item split by unit no longer adds up.
        category = draw(st.sampled_from(["other_enforcement", "non_enforcement"]))
        item = draw(st.sampled_from(w[category]["items"]))
        item["days"] += draw(st.integers(1, 50))
        expected.append((_category_code(category), "error"))
        if item.get("splits"):
            expected.append(("WD014", "error"))
    elif kind == "subtotal":
        # A printed category total changes: it no longer matches its items, and S no longer
        # equals T − O − X.
        category = draw(st.sampled_from(["other_enforcement", "non_enforcement"]))
        w[category]["stated_total"] += draw(st.integers(1, 50))
        expected += [(_category_code(category), "error"), ("WD008", "error")]
    elif kind == "percentage":
        # A printed percentage off by k units of its last digit: k = 1 warning, more error.
        printed = draw(st.sampled_from(w["percentages"]))
        if printed["subject"] != "supervision":
            printed["base"] = "supervision"   # an assumed base could be the nearer one
        value = Decimal(printed["value"])
        units = draw(st.integers(1, 300))
        printed["value"] = str(value + units * Decimal(1).scaleb(value.as_tuple().exponent))
        expected.append(("WD010", percent_severity(units)))
    elif kind == "key_unit_unscheduled":
        unit = draw(st.sampled_from(bad["key_inspections"]["units"]))
        unit["visits"] = []
        expected.append(("KI004", "error"))
    elif kind == "item_moved":
        # An item moved to the other category, both printed totals following it: S is
        # unchanged, only the category is wrong.
        source = draw(st.sampled_from(["other_enforcement", "non_enforcement"]))
        target = "non_enforcement" if source == "other_enforcement" else "other_enforcement"
        items = w[source]["items"]
        item = items.pop(draw(st.integers(0, len(items) - 1)))
        w[target]["items"].insert(draw(st.integers(0, len(w[target]["items"]))), item)
        w[source]["stated_total"] -= item["days"]
        w[target]["stated_total"] += item["days"]
        expected.append(("WD003", "error"))
    elif kind == "single_officer":
        visit = draw(st.sampled_from(all_visits(bad)))
        visit["officers"] = 1
        expected.append(("KI006", "error"))
    elif kind == "total":
        # T no longer N × d: WD002, and S ≠ T − O − X (WD008). Everything measured against T
        # follows: its per-unit splits (WD002 again), the S share floor (WD011), a share of T
        # printed as a percentage (WD010) and a printed formula whose result is T (WD013).
        old = w["total"]
        new = old + draw(st.integers(1, 500))
        w["total"] = new
        expected += [("WD002", "error"), ("WD008", "error")]
        if w.get("total_splits"):
            expected.append(("WD002", "error"))
        if w["supervision"] * 100 < new * 10:
            expected.append(("WD011", "warning"))
        for printed in w["percentages"]:
            if printed["subject"] == "supervision":
                severity = percent_severity(percent_units_off(printed["value"], w["supervision"], new))
                if severity:
                    expected.append(("WD010", severity))
        if "document" in bad:
            expected.append(("WD013", "error"))
    return Corrupted(kind, bad, sorted(expected))


# --- wild plans (differential test only) ------------------------------------------------------

day_values = st.one_of(st.integers(-20, 3000), st.sampled_from([0.5, 12.5, 0.25, 99.75, -1.5, 0.1, 1250.5]))
optional_days = st.one_of(st.none(), day_values)
labels = st.one_of(st.sampled_from([l for ls in (*OTHER_LABELS.values(), *NON_LABELS.values()) for l in ls]),
                   st.sampled_from(["窗口办理", "配合开展森林防火巡查", "其他"]))


@st.composite
def wild_plans(draw) -> dict:
    """Plans whose figures are drawn independently, so that most rules fire in all
    combinations: for the engine/evaluator comparison, not for expectations."""
    def item():
        out = {"label": draw(labels), "days": draw(optional_days)}
        if draw(st.integers(0, 5)) == 0:
            out["splits"] = [{"unit": "甲", "days": draw(day_values)}, {"unit": "乙", "days": draw(day_values)}]
        return out

    def category():
        return {"stated_total": draw(optional_days), "items": [item() for _ in range(draw(st.integers(0, 6)))]}

    year = draw(st.one_of(st.none(), st.integers(2015, 2030)))

    def unit(prefix):
        return {"name": f"{prefix}{draw(st.integers(1, 4))}", "justification": draw(st.sampled_from([None, "已停产"])),
                "visits": [{"month": draw(st.one_of(st.none(), st.integers(-1, 14))),
                            "officers": draw(st.one_of(st.none(), st.integers(0, 4))),
                            "days": draw(st.one_of(st.none(), st.integers(0, 3), st.just(0.5)))}
                           for _ in range(draw(st.integers(0, 2)))]}

    counts = st.one_of(st.none(), st.integers(0, 30))
    subjects = st.sampled_from(["key", "general", "reserve", "supervision", "other_enforcement", "non_enforcement"])
    return {
        "year": year,
        "issuer": draw(st.sampled_from([None, {"name": "清河县应急管理局"}, {"name": "某某镇人民政府", "level": "township"}])),
        "basis": draw(st.lists(st.sampled_from(["《安全生产法》第五十九条", "150号", "《安全生产法》"]), max_size=2)),
        "officers": {"counted": draw(counts), "certified": draw(counts), "registered": draw(counts),
                     "roster_count": draw(counts),
                     "groups": [{"name": "甲", "count": c} for c in draw(st.lists(st.integers(0, 20), max_size=2))]},
        "workdays": {"per_person": draw(st.one_of(st.none(), st.sampled_from([248, 249, 250, 251, 260, 249.5]))),
                     "total": draw(optional_days), "other_enforcement": category(), "non_enforcement": category(),
                     "supervision": draw(optional_days), "key": draw(optional_days), "general": draw(optional_days),
                     "reserve": draw(optional_days),
                     "total_splits": [{"unit": "甲", "days": draw(day_values)} for _ in range(draw(st.integers(0, 2)))],
                     "percentages": [{"subject": draw(subjects),
                                      "value": draw(st.sampled_from(["70.00", "30", "68.96", "0", "100.0", "12.5"])),
                                      "base": draw(st.sampled_from([None, "supervision", "total"]))}
                                     for _ in range(draw(st.integers(0, 3)))]},
        "key_inspections": {"unit_count": draw(counts), "other_counts": draw(st.lists(st.integers(0, 30), max_size=2)),
                            "by_industry": [{"industry": "工贸", "count": c} for c in draw(st.lists(st.integers(0, 20), max_size=2))],
                            "units": [unit("重点") for _ in range(draw(st.integers(0, 4)))] if draw(st.booleans()) else None},
        "general_inspections": {"unit_count": draw(counts), "random_units": draw(st.booleans()),
                                "random_officers": draw(st.booleans()), "pool_size": draw(counts),
                                "ratio": draw(st.one_of(st.none(), st.sampled_from(["10", "12.5", "0"]))),
                                "other_counts": draw(st.lists(st.integers(0, 30), max_size=2)),
                                "units": [unit(draw(st.sampled_from(["重点", "一般"]))) for _ in range(draw(st.integers(0, 3)))]
                                if draw(st.booleans()) else None},
        "approval": draw(st.sampled_from([None, {"body": "县人民政府"}, {"body": "县人民政府", "date": "2021-04-10"}])),
        "filing": draw(st.sampled_from([None, {"body": "市应急管理局"}])),
        "annexes": [{"label": f"附表{i + 1}", "provided": draw(st.booleans())} for i in range(draw(st.integers(0, 2)))],
        **({"document": {"parts": draw(st.lists(st.sampled_from(["officers", "basis", "goals", "key_arrangements"]), unique=True)),
                         "formulas": [{"text": "算式", "terms": [{"value": "249", "figure": "workdays.per_person"},
                                                                {"op": draw(st.sampled_from(["×", "÷", "-"])), "value": draw(st.sampled_from(["12", "0", "2.5"])),
                                                                 "figure": "officers.counted"}],
                                       "result": draw(st.sampled_from(["2988", "0"])), "result_figure": "workdays.total"}]}}
           if draw(st.booleans()) else {}),
    }


# --- bytes for the loader ---------------------------------------------------------------------

yaml_punctuation = st.text(alphabet=st.sampled_from(list("{}[]:,-#&*!|>'\"%@` \n\t年度0123456789.eE+~nulltrue")), max_size=200)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=10)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(["year", "officers", "counted", "workdays", "total",
                                                                "items", "label", "days", "key_inspections", "units",
                                                                "visits", "month", "x"]), children, max_size=4)),
    max_leaves=20)

"""Plan → facts: flat dicts with `kind` and a structured `id`, one per entity the rulebook
talks about (ENGINE.md §6.2).

Python derives here what the engine cannot: sums over items, counts, ratios with their
rounding, the match of item labels to the 17 standard items, the value of printed formulas.
The rules in rules/*.yaml then decide what is a violation. Absent figures are left out of the
fact (never None): a comparison on a missing field is false in the engine, which is exactly
"the check is skipped when the plan does not say".
"""
from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Context, Decimal
from fractions import Fraction
from typing import Any, Iterable, Optional

from .config import Thresholds
from .legal_days import STANDARD_DAYS, calendar_days, ministry_days, official_alternatives
from .model import Formula, InspectedUnit, Plan, PrintedPercent, WorkCategory
from .standard_items import CATEGORY_ZH, NON, OTHER, classify

Fact = dict[str, Any]

# Printed percentages and formulas are Decimals of any size and precision (the schema cannot
# bound what an extracted document prints: "1e999999", forty decimals, 10^8 × 10^8 × …). They
# are compared exactly below, and never passed on beyond what the engine holds: its ints are
# 64-bit and saturate silently (ENGINE.md §2.7).
ENGINE_RANGE = 10 ** 15          # exact as a double and as an int; far beyond any plan's figure
MAX_PERCENT_DECIMALS = 6         # WD010 compares in units of at most the 6th decimal
MAX_OFF_UNITS = ENGINE_RANGE     # how far off a percentage is only has to exceed the tolerance
# Formula arithmetic: wide enough for any product of in-range terms' digits to stay exact, and
# no traps, so that an overflow is an Infinity to test rather than an exception.
_FORMULA_CONTEXT = Context(prec=60, traps=[])

PER_PERSON_SLOTS = 4   # WD001 tests d against per_person_ok_1 … _4
POLICY_ZH = {"standard": "编制办法标准", "calendar": "当年日历", "either": "编制办法标准、当年日历或人社部折算"}
YEAR_MIN = 2018  # the 150号 method dates from 2017; its first plans are for 2018 (MD001)

PERCENT_SUBJECT_ZH = {"key": "重点检查工作日", "general": "一般检查工作日", "reserve": "机动工作日",
                      "supervision": "监督检查工作日", "other_enforcement": "其他执法工作日",
                      "non_enforcement": "非执法工作日"}
BASE_ZH = {"supervision": "监督检查工作日", "total": "总法定工作日"}
PART_ZH = {"officers": "行政执法人员数量", "workday_calculation": "执法工作日测算（总、其他执法、非执法、监督检查工作日）",
           "key_arrangements": "重点检查安排", "general_arrangements": "一般检查安排",
           "basis": "编制依据", "goals": "工作目标和主要任务", "safeguards": "保障措施"}
REQUIRED_PARTS = ("officers", "workday_calculation", "key_arrangements", "general_arrangements")
RECOMMENDED_PARTS = ("basis", "goals", "safeguards")
FIGURE_ZH = {"officers.counted": "行政执法人员数量", "workdays.per_person": "人均法定工作日",
             "workdays.total": "总法定工作日", "workdays.supervision": "监督检查工作日",
             "workdays.key": "重点检查工作日", "workdays.general": "一般检查工作日",
             "workdays.reserve": "机动工作日",
             "workdays.other_enforcement.stated_total": "其他执法工作日",
             "workdays.non_enforcement.stated_total": "非执法工作日"}

_OUT_OF_SCOPE_LEVELS = {"township", "street", "zone"}
_OUT_OF_SCOPE_NAME = re.compile(r"(乡|镇|街道|开发区|园区|管委会)[^市县区]*$")
_SAFETY_LAW = re.compile(r"安全生产法")
_METHOD = re.compile(r"150号|编制办法|编制方法|监督检查计划编制")
_ARTICLE_59 = re.compile(r"第五十九条|第59条")


def number(value) -> Optional[int | float]:
    """Engine-safe number: an int where whole (ENGINE.md §2.7: identity uses the JSON text),
    else a float kept to 1/10,000 of a day. Python writes floats below 1e-4 in exponent
    notation ("1e-05"), which the engine's batch assert silently mangles (seen here: it returned
    a garbage state handle); four decimals never reach that notation."""
    if value is None:
        return None
    # Most figures are whole days: nothing to round, and no Decimal to build.
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    if isinstance(value, bool):
        return int(value)
    value = round(Decimal(str(value)) if not isinstance(value, Decimal) else value, 4)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def text_number(value) -> str:
    """A figure as the message prints it: 1458, 12.5."""
    n = number(value)
    return "" if n is None else (str(n) if isinstance(n, int) else f"{n:g}")


def put(fact: Fact, **fields) -> Fact:
    for key, value in fields.items():
        if value is not None:
            fact[key] = value
    return fact


def to_facts(plan: Plan, thresholds: Thresholds, today: Optional[dt.date] = None) -> list[Fact]:
    """All facts of one plan. Facts that rules reference under `$not` would have to come first
    (ENGINE.md §2.8); no rule uses `$not`, counts are precomputed instead."""
    today = today or dt.date.today()
    facts: list[Fact] = [plan_fact(plan, thresholds, today)]
    facts += item_facts(plan)
    facts += figure_facts(plan, thresholds)
    facts += percent_facts(plan, thresholds)
    key_names = {normalise_name(u.name) for u in plan.key_inspections.units or []}
    facts += unit_facts(plan, "key", plan.key_inspections.units, key_names)
    facts += unit_facts(plan, "general", plan.general_inspections.units, key_names)
    facts += count_facts(plan)
    facts += annex_facts(plan)
    facts += document_facts(plan)
    return facts


# --- the plan -----------------------------------------------------------------------------

def plan_fact(plan: Plan, th: Thresholds, today: dt.date) -> Fact:
    fact: Fact = {"kind": "plan", "id": "plan", "path": ""}
    put(fact, year=plan.year, year_min=YEAR_MIN, year_max=today.year + 1)
    fact.update(issuer_facts(plan))
    fact.update(basis_facts(plan))
    fact.update(staff_facts(plan, th))
    fact.update(per_person_facts(plan, th))
    fact.update(budget_facts(plan, th))
    fact.update(inspection_facts(plan))
    fact.update(approval_facts(plan))
    fact["is_document"] = plan.document is not None
    return fact


def issuer_facts(plan: Plan) -> Fact:
    if plan.issuer is None:
        return {}
    level = plan.issuer.level
    out = level in _OUT_OF_SCOPE_LEVELS or (level == "unknown" and bool(_OUT_OF_SCOPE_NAME.search(plan.issuer.name)))
    return {"issuer_name": plan.issuer.name, "issuer_out_of_scope": out}


def basis_facts(plan: Plan) -> Fact:
    text = "；".join(plan.basis)
    return {"cites_safety_law": bool(_SAFETY_LAW.search(text)), "cites_method": bool(_METHOD.search(text)),
            "cites_article_59": bool(_ARTICLE_59.search(text))}


def staff_facts(plan: Plan, th: Thresholds) -> Fact:
    o = plan.officers
    fact = put({}, counted=o.counted, certified=o.certified, registered=o.registered, roster_count=o.roster_count)
    if o.counted is not None:
        fact["counted_x100"] = o.counted * 100
    if o.groups:
        fact["group_sum"] = sum(g.count for g in o.groups)
        fact["groups_text"] = " + ".join(f"{g.name} {g.count}" for g in o.groups)
    fact["staff_share_floor"] = th.staff_share_floor
    return fact


def accepted_per_person(year: Optional[int], policy: str) -> tuple[list[int], str, bool]:
    """The d values the policy accepts for the year, a Chinese account of the figures, and
    whether the figures for that year agree with each other (WD001)."""
    if year is None:
        return [STANDARD_DAYS], f"编制办法标准 {STANDARD_DAYS} 日", True
    calendar = calendar_days(year)
    ministry = ministry_days(year)
    calendar_text = f"{year} 年日历 {calendar} 日" if calendar is not None else f"{year} 年日历数据缺失"
    alternatives = official_alternatives(year)
    if alternatives:
        calendar_text += "（" + "、".join(f"原公布 {a} 日" for a in alternatives) + "）"
    account = f"编制办法标准 {STANDARD_DAYS} 日，{calendar_text}，人社部折算 {ministry} 日"
    calendar_values = [c for c in (calendar, *alternatives) if c is not None]
    if policy == "standard" or (policy == "calendar" and not calendar_values):
        accepted = [STANDARD_DAYS]
    elif policy == "calendar":
        accepted = calendar_values
    else:
        accepted = [STANDARD_DAYS, ministry, *calendar_values]
    agree = len({STANDARD_DAYS, ministry, *calendar_values}) == 1
    return accepted, account, agree


def per_person_facts(plan: Plan, th: Thresholds) -> Fact:
    d = plan.workdays.per_person
    if d is None:
        return {}
    accepted, account, agree = accepted_per_person(plan.year, th.workday_policy)
    accepted = list(dict.fromkeys(accepted))   # distinct, in order: at most the standard, the
    # ministry's figure, the calendar's and one announced alternative (2020)
    fact: Fact = {"per_person": number(d), "per_person_accepted": "、".join(map(str, accepted)),
                  "per_person_expected_text": f"{accepted[0]} 日" if len(accepted) == 1 else
                  f"{'、'.join(map(str, accepted))} 日之一",
                  "per_person_account": account, "per_person_figures_agree": agree,
                  "per_person_policy": th.workday_policy, "per_person_policy_zh": POLICY_ZH[th.workday_policy]}
    # A fixed number of slots, padded by repetition, so the rule can test `d` against each.
    for slot, value in enumerate((accepted * PER_PERSON_SLOTS)[:PER_PERSON_SLOTS], start=1):
        fact[f"per_person_ok_{slot}"] = value
    return fact


def category_days(category: WorkCategory) -> tuple[Optional[Decimal], Optional[Decimal]]:
    """(sum of the items, the figure the plan uses for the category): the stated total, or
    the items' sum when the plan states no total."""
    items_sum = sum((Decimal(str(i.days)) for i in category.items if i.days is not None), Decimal(0)) \
        if category.items else None
    used = Decimal(str(category.stated_total)) if category.stated_total is not None else items_sum
    return items_sum, used


def budget_facts(plan: Plan, th: Thresholds) -> Fact:
    w, n = plan.workdays, plan.officers.counted
    other_sum, other = category_days(w.other_enforcement)
    non_sum, non = category_days(w.non_enforcement)
    fact = put({}, total=number(w.total), other_total=number(w.other_enforcement.stated_total),
               other_items_sum=number(other_sum) if w.other_enforcement.items else None,
               non_total=number(w.non_enforcement.stated_total),
               non_items_sum=number(non_sum) if w.non_enforcement.items else None,
               other_days=number(other), non_days=number(non),
               supervision=number(w.supervision), key=number(w.key), general=number(w.general),
               reserve=number(w.reserve))
    if n is not None and w.per_person is not None:
        fact["n_times_d"] = number(Decimal(n) * Decimal(str(w.per_person)))
    if w.total_splits:
        fact["total_splits_sum"] = number(sum(Decimal(str(s.days)) for s in w.total_splits))
        fact["total_splits_text"] = "、".join(f"{s.unit} {text_number(s.days)}" for s in w.total_splits)
    if None not in (w.total, other, non):
        fact["supervision_expected"] = number(Decimal(str(w.total)) - other - non)
    if w.key is not None and w.general is not None:
        fact["reserve_or_zero"] = number(w.reserve or 0)
        fact["key_general_sum"] = number(Decimal(str(w.key)) + Decimal(str(w.general)) + Decimal(str(w.reserve or 0)))
        if w.supervision is not None:      # WD009's expected K: what S leaves after G (and R)
            fact["key_expected"] = number(Decimal(str(w.supervision)) - Decimal(str(w.general)) - Decimal(str(w.reserve or 0)))
        fact["key_general_text"] = f"重点检查 {text_number(w.key)} 日 + 一般检查 {text_number(w.general)} 日" + (
            f" + 机动 {text_number(w.reserve)} 日" if w.reserve is not None else "")
    fact["supervision_share_floor"] = th.supervision_share_floor
    if w.supervision is not None:
        fact["supervision_x100"] = number(Decimal(str(w.supervision)) * 100)
    fact.update(annual_leave_facts(plan))
    return fact


def annual_leave_facts(plan: Plan) -> Fact:
    """X6 (法定年休假…) days, wherever the plan filed them; the legal minimum is 5 days a
    person a year (《职工带薪年休假条例》第三条), so 5 × N (WD016)."""
    w, n = plan.workdays, plan.officers.counted
    leave = [i for c in (w.other_enforcement, w.non_enforcement) for i in c.items
             if i.days is not None and (s := classify(i.label)) is not None and s.code == "X6"]
    if not leave or n is None:
        return {}
    return {"annual_leave_days": number(sum(Decimal(str(i.days)) for i in leave)), "annual_leave_min": 5 * n}


def inspection_facts(plan: Plan) -> Fact:
    k, g = plan.key_inspections, plan.general_inspections
    fact = put({}, key_count=k.unit_count, general_count=g.unit_count, general_pool=g.pool_size,
               general_ratio=number(g.ratio))
    if k.by_industry:
        fact["key_industry_sum"] = sum(i.count for i in k.by_industry)
        fact["key_industry_text"] = " + ".join(f"{i.industry} {i.count}" for i in k.by_industry)
    fact["key_list_given"] = k.units is not None
    if k.units is not None:
        fact["key_list_rows"] = len(k.units)
    if g.units is not None:
        fact["general_list_rows"] = len(g.units)
    if g.pool_size is not None and g.ratio is not None:
        fact["general_expected_from_ratio"] = math.ceil(Fraction(g.pool_size) * Fraction(str(g.ratio)) / 100)
    general_stated = g.unit_count is not None or g.units is not None or g.pool_size is not None
    fact["general_section"] = general_stated
    fact["general_random_both"] = g.random_units and g.random_officers
    put(fact, key_effort=effort(k.units), general_effort=effort(g.units))
    return fact


def effort(units: Optional[list[InspectedUnit]]) -> Optional[int | float]:
    """Σ officers × days over the visits whose officers and days are both known (KI008, GI004)."""
    known = [Decimal(v.officers) * Decimal(str(v.days)) for u in units or [] for v in u.visits
             if v.officers is not None and v.days is not None]
    return number(sum(known)) if known else None


def approval_facts(plan: Plan) -> Fact:
    """AP001/AP002: evidence is a named body with a date or a document number (应急管理部令
    第9号 第十条 protects officers who follow a plan that was approved and filed)."""
    a, f = plan.approval, plan.filing
    fact: Fact = {
        "approval_evidence": a is not None and bool(a.body) and (a.date is not None or bool(a.document_number)),
        "filing_evidence": f is not None and bool(f.body),
    }
    if a is not None and a.date is not None:
        fact["approval_day"] = day_key(a.date)
        fact["approval_date"] = a.date.isoformat()
    return fact


def day_key(date: dt.date) -> int:
    return date.year * 10000 + date.month * 100 + date.day


# --- items --------------------------------------------------------------------------------

def item_facts(plan: Plan) -> list[Fact]:
    facts, first_seen = [], {}
    for category, prefix in ((OTHER, "o"), (NON, "x")):
        for index, item in enumerate(getattr(plan.workdays, category).items):
            path = f"workdays.{category}.items[{index}]"
            fact = put({"kind": "item", "id": f"item-{prefix}{index + 1:02d}", "path": path,
                        "label": item.label, "category": category, "category_zh": CATEGORY_ZH[category],
                        "position": index + 1, "has_days": item.days is not None},
                       days=number(item.days))
            standard = classify(item.label)
            if standard is None:
                fact["standard_code"] = "none"
            else:
                fact.update(standard_code=standard.code, standard_category=standard.category,
                            standard_category_zh=CATEGORY_ZH[standard.category], standard_describe=standard.describe)
                if standard.code in first_seen:
                    fact.update(duplicate_of=first_seen[standard.code][0],
                                duplicate_text=duplicate_text(first_seen[standard.code], standard))
                else:
                    first_seen[standard.code] = (f"{CATEGORY_ZH[category]}第 {index + 1} 项“{item.label}”", item.label)
            if item.splits:
                fact["splits_sum"] = number(sum(Decimal(str(s.days)) for s in item.splits))
                fact["splits_text"] = "、".join(f"{s.unit} {text_number(s.days)}" for s in item.splits)
            facts.append(fact)
    return facts


def duplicate_text(first: tuple[str, str], standard) -> str:
    """WD005: the item first listed, and the standard item both are, unless that is the same
    wording (“机关值班” twice would say nothing new)."""
    place, label = first
    if normalise_name(label) == normalise_name(standard.title):
        return f"与{place}是同一事项"
    return f"与{place}同属{standard.describe}"


# --- workday figures (WD012) --------------------------------------------------------------

def workday_figures(plan: Plan) -> Iterable[tuple[str, str, float]]:
    w = plan.workdays
    for attr, zh in (("per_person", "人均法定工作日"), ("total", "总法定工作日"), ("supervision", "监督检查工作日"),
                     ("key", "重点检查工作日"), ("general", "一般检查工作日"), ("reserve", "机动工作日")):
        if getattr(w, attr) is not None:
            yield f"workdays.{attr}", zh, getattr(w, attr)
    for i, s in enumerate(w.total_splits):
        yield f"workdays.total_splits[{i}].days", f"总法定工作日中{s.unit}", s.days
    for category in (OTHER, NON):
        c: WorkCategory = getattr(w, category)
        if c.stated_total is not None:
            yield f"workdays.{category}.stated_total", CATEGORY_ZH[category], c.stated_total
        for i, item in enumerate(c.items):
            if item.days is not None:
                yield f"workdays.{category}.items[{i}].days", f"“{item.label}”", item.days
            for j, s in enumerate(item.splits):
                yield f"workdays.{category}.items[{i}].splits[{j}].days", f"“{item.label}”中{s.unit}", s.days


def figure_facts(plan: Plan, th: Thresholds) -> list[Fact]:
    facts = []
    for index, (path, zh, value) in enumerate(workday_figures(plan), start=1):
        d = Decimal(str(value))
        whole = d == d.to_integral_value()
        half = (d * 2) == (d * 2).to_integral_value()
        facts.append({"kind": "figure", "id": f"fig-{index:03d}", "path": path, "name_zh": zh,
                      "value": number(d), "value_text": format(d.normalize(), "f"),
                      "fraction_ok": whole or (th.allow_half_days and half)})
    return facts


# --- printed percentages (WD010) ----------------------------------------------------------

def percent_facts(plan: Plan, th: Thresholds) -> list[Fact]:
    facts = []
    for index, printed in enumerate(plan.workdays.percentages):
        fact = percent_fact(plan, printed, th)
        if fact is not None:
            fact.update(kind="percent", id=f"pct-{index + 1:02d}", path=f"workdays.percentages[{index}]")
            facts.append(fact)
    return facts


def percent_fact(plan: Plan, printed: PrintedPercent, th: Thresholds) -> Optional[Fact]:
    w = plan.workdays
    _, other = category_days(w.other_enforcement)
    _, non = category_days(w.non_enforcement)
    numerators = {"key": w.key, "general": w.general, "reserve": w.reserve, "supervision": w.supervision,
                  "other_enforcement": other, "non_enforcement": non}
    numerator = numerators[printed.subject]
    bases = [printed.base] if printed.base else (["supervision", "total"] if printed.subject in ("key", "general", "reserve") else ["total"])
    candidates = []
    for base in bases:
        denominator = w.supervision if base == "supervision" else w.total
        if numerator is None or not denominator or (base == "supervision" and printed.subject == "supervision"):
            continue
        candidates.append((percent_error(printed.value, Fraction(str(numerator)) / Fraction(str(denominator))), base))
    if not candidates:
        return None
    (off_units, expected_text), base = min(candidates, key=lambda c: c[0][0])
    return {"subject_zh": PERCENT_SUBJECT_ZH[printed.subject], "printed": f"{printed.value}%",
            "base_zh": BASE_ZH[base], "base_assumed": printed.base is None, "expected": expected_text,
            "off_units": off_units, "tolerance_units": th.percent_tolerance_units}


def percent_error(printed: Decimal, ratio: Fraction) -> tuple[int, str]:
    """How many units of the printed last digit the printed percentage is off from the ratio
    correctly rounded (half up) to as many decimals, and that correct figure. Exact (fractions,
    not a 28-digit context); at most MAX_PERCENT_DECIMALS decimals and MAX_OFF_UNITS units."""
    decimals = min(max(0, -printed.as_tuple().exponent), MAX_PERCENT_DECIMALS)
    scale = 10 ** decimals
    expected_units = round_half_up(ratio * 100 * scale)
    if abs(printed) >= MAX_OFF_UNITS:     # "1e400%": as far off as can be said
        return MAX_OFF_UNITS, f"{Decimal(expected_units).scaleb(-decimals)}%"
    if printed.as_tuple().exponent < -MAX_PERCENT_DECIMALS - 2:    # forty decimals: two spare suffice
        printed = printed.quantize(Decimal(1).scaleb(-MAX_PERCENT_DECIMALS - 2))
    off = int(abs(Fraction(printed) * scale - expected_units))
    return min(off, MAX_OFF_UNITS), f"{Decimal(expected_units).scaleb(-decimals)}%"


def round_half_up(value: Fraction) -> int:
    """The nearest int, halves away from zero (Decimal's ROUND_HALF_UP)."""
    units = int(abs(value) + Fraction(1, 2))      # int() truncates: the floor of a positive
    return units if value >= 0 else -units


# --- key and general units ----------------------------------------------------------------

def normalise_name(name: str) -> str:
    return re.sub(r"[\s　()（）]", "", name)


def unit_facts(plan: Plan, which: str, units: Optional[list[InspectedUnit]], key_names: set[str]) -> list[Fact]:
    facts, seen = [], {}
    base = "key_inspections" if which == "key" else "general_inspections"
    for index, unit in enumerate(units or []):
        uid = f"{which[0]}u-{index + 1:04d}"
        path = f"{base}.units[{index}]"
        name = normalise_name(unit.name)
        visits = [visit_fact(plan, unit, uid, f"{path}.visits[{j}]", j, visit) for j, visit in enumerate(unit.visits)]
        fact = {"kind": f"{which}_unit", "id": uid, "path": path, "name": unit.name, "row": index + 1,
                "visits_in_year": sum(1 for v in visits if v["in_year"]),
                "has_justification": bool(unit.justification and unit.justification.strip())}
        if name in seen:
            fact["duplicate_of_row"] = seen[name]
        else:
            seen[name] = index + 1
        if which == "general":
            fact["also_key"] = name in key_names
        facts.append(fact)
        facts += visits
    return facts


def visit_fact(plan: Plan, unit: InspectedUnit, uid: str, path: str, index: int, visit) -> Fact:
    fact = put({"kind": "visit", "id": f"{uid}-v{index + 1:02d}", "path": path, "unit_name": unit.name},
               officers=visit.officers)
    if visit.date is not None:
        fact["when_zh"] = visit.date.isoformat()
        fact["in_year"] = plan.year is None or visit.date.year == plan.year
        fact["last_day"] = day_key(visit.date)
    elif visit.month is not None:
        fact["when_zh"] = f"{visit.month} 月"
        fact["in_year"] = 1 <= visit.month <= 12
        if fact["in_year"] and plan.year is not None:
            # The whole month must lie before approval for AP003; compare its last day.
            last = (dt.date(plan.year + (visit.month == 12), visit.month % 12 + 1, 1) - dt.timedelta(days=1))
            fact["last_day"] = day_key(last)
    else:
        fact["when_zh"] = "未定时间"
        fact["in_year"] = True   # scheduled within the plan, time left open
    return fact


def count_facts(plan: Plan) -> list[Fact]:
    """Counts of key/general units stated in other sections (KI001, GI005)."""
    facts = []
    for which, section in (("key", plan.key_inspections), ("general", plan.general_inspections)):
        for index, value in enumerate(section.other_counts):
            facts.append({"kind": f"{which}_count_elsewhere", "id": f"{which[0]}c-{index + 1:02d}",
                          "path": f"{which}_inspections.other_counts[{index}]", "value": value})
    return facts


def annex_facts(plan: Plan) -> list[Fact]:
    return [put({"kind": "annex", "id": f"annex-{i + 1:02d}", "path": f"annexes[{i}]", "label": a.label,
                 "provided": a.provided}, title=a.title) for i, a in enumerate(plan.annexes)]


# --- what only documents show (DC001, DC002, WD013) ---------------------------------------

def document_facts(plan: Plan) -> list[Fact]:
    if plan.document is None:
        return []
    present = set(plan.document.parts)
    facts = [{"kind": "part", "id": f"part-{name}", "path": "document.parts", "name_zh": PART_ZH[name],
              "required": name in REQUIRED_PARTS, "present": name in present}
             for name in (*REQUIRED_PARTS, *RECOMMENDED_PARTS)]
    for index, formula in enumerate(plan.document.formulas):
        facts += formula_facts(plan, formula, index)
    return facts


def figure_value(plan: Plan, path: Optional[str]):
    if not path:
        return None
    value: Any = plan
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def evaluate(formula: Formula) -> Optional[Decimal]:
    """Value of the printed terms, × and ÷ before + and −, in _FORMULA_CONTEXT; None on
    division by zero (an overflow gives an Infinity, which in_engine_range refuses)."""
    ctx = _FORMULA_CONTEXT
    total, product = Decimal(0), None
    sign = Decimal(1)
    for term in formula.terms:
        if term.op in ("×", "÷") and product is not None:
            if term.op == "÷" and term.value == 0:
                return None
            product = ctx.multiply(product, term.value) if term.op == "×" else ctx.divide(product, term.value)
            continue
        if product is not None:
            total = ctx.add(total, ctx.multiply(sign, product))
        sign = Decimal(-1) if term.op == "-" else Decimal(1)
        product = term.value
    return ctx.add(total, ctx.multiply(sign, product or Decimal(0)))


def in_engine_range(value: Optional[Decimal]) -> bool:
    return value is not None and value.is_finite() and abs(value) < ENGINE_RANGE


def formula_facts(plan: Plan, formula: Formula, index: int) -> list[Fact]:
    fid, path = f"fx-{index + 1:02d}", f"document.formulas[{index}]"
    computed = evaluate(formula)
    fact = {"kind": "formula", "id": fid, "path": path, "text": formula.text}
    if in_engine_range(computed) and in_engine_range(formula.result):
        # Both or neither: a comparison with one side missing is where the engine and the
        # evaluator may differ. A formula beyond ENGINE_RANGE is not compared (no WD013).
        fact.update(result=number(formula.result), computed=number(computed.quantize(Decimal("0.01"))))
    facts = [fact]
    operands = [(t.value, t.figure) for t in formula.terms] + [(formula.result, formula.result_figure)]
    for position, (value, figure) in enumerate(operands, start=1):
        stated = figure_value(plan, figure)
        if figure and stated is not None and in_engine_range(value):
            facts.append({"kind": "operand", "id": f"{fid}-t{position}", "path": path, "formula": formula.text,
                          "value": number(value), "figure_zh": FIGURE_ZH.get(figure, figure),
                          "figure_value": number(stated)})
    return facts

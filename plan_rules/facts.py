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
from .method import REQUIRED, is_safety_department
from .method import name_of as figure_name
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
# Parts in the order plans print them: an absent part after the point where a truncated
# text stops, or before the point where it starts, may stand in the missing text (DC005).
PART_ORDER = ("basis", "goals", "officers", "workday_calculation", "key_arrangements", "general_arrangements", "safeguards")
# The method's own number; a citation of the method with another number is MD005.
METHOD_NUMBER = ("安监总政法", 2017, 150)
_METHOD_TITLE = re.compile(r"监督检查计划编制(?:办法|方法)")
_DOCUMENT_NUMBER = re.compile(r"(?P<org>[\u4e00-\u9fff]{2,10})\s*[〔\[(（]\s*(?P<year>\d{4})\s*[〕\])）]\s*(?P<n>\d{1,4})\s*号")

_OUT_OF_SCOPE_LEVELS = {"township", "street", "zone"}
_OUT_OF_SCOPE_NAME = re.compile(r"(乡|镇|街道|开发区|园区|管委会)[^市县区]*$")
_SAFETY_LAW = re.compile(r"安全生产法")
# The method, or a province's rule implementing it (渝安委〔2018〕3号 "…监督检查计划编制实施细则").
_METHOD = re.compile(r"150\s*号|安全生产年度监督检查计划编制|监督检查计划编制(?:办法|方法|实施细则|实施办法)")
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
    facts += breakdown_facts(plan)
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
    fact.update(verifiable_facts(plan))
    fact["is_document"] = plan.document is not None
    return fact


def verifiable_facts(plan: Plan) -> Fact:
    """Whether the absence of something can be held against the plan: not where the text is
    truncated (DC005), since it may stand in the part that is missing. A missing year counts
    only where the start of the text, where plans print their title, is there."""
    truncation = plan.document.truncation if plan.document is not None else None
    return {"absence_verifiable": truncation is None,
            "year_verifiable": truncation is None or not truncation.start_missing and bool(plan.title)}


def issuer_facts(plan: Plan) -> Fact:
    if plan.issuer is None:
        return {}
    level = plan.issuer.level
    out = level in _OUT_OF_SCOPE_LEVELS or (level == "unknown" and bool(_OUT_OF_SCOPE_NAME.search(plan.issuer.name)))
    # A sector department (交通运输局, 民政局) plans under the method only where it says so.
    sector = not is_safety_department(plan.issuer.name) and not _METHOD.search("；".join(plan.basis))
    return {"issuer_name": plan.issuer.name, "issuer_out_of_scope": out, "issuer_outside_method": sector}


def basis_facts(plan: Plan) -> Fact:
    text = "；".join(plan.basis)
    fact = {"cites_safety_law": bool(_SAFETY_LAW.search(text)), "cites_method": bool(_METHOD.search(text)),
            "cites_article_59": bool(_ARTICLE_59.search(text))}
    wrong = wrong_method_number(plan.basis)
    if wrong:
        fact["method_number_printed"] = wrong
    return fact


def wrong_method_number(basis: list[str]) -> Optional[str]:
    """The number a citation of the 150号 method gives it, when it is not 安监总政法〔2017〕150号
    (MD005): "安监总政法函〔2017〕150号", "安监总政法〔2016〕150号"."""
    for citation in basis:
        if not _METHOD_TITLE.search(citation) or re.search(r"实施细则|实施办法|规定", citation):
            continue
        for match in _DOCUMENT_NUMBER.finditer(citation):
            printed = (match.group("org"), int(match.group("year")), int(match.group("n")))
            if printed != METHOD_NUMBER:
                return re.sub(r"\s", "", match.group())
    return None


def staff_facts(plan: Plan, th: Thresholds) -> Fact:
    o = plan.officers
    fact = put({}, counted=o.counted, certified=o.certified, registered=o.registered, roster_count=o.roster_count)
    if o.counted is not None:
        fact["counted_x100"] = o.counted * 100
    if o.share is not None and o.counted is not None and o.registered:
        fact.update(staff_share_facts(o.share, Fraction(o.counted, o.registered)))
    if o.groups:
        fact["group_sum"] = sum(g.count for g in o.groups)
        fact["groups_text"] = " + ".join(f"{g.name} {g.count}" for g in o.groups)
    fact["staff_share_floor"] = th.staff_share_floor
    fact["staff_share_tolerance"] = th.percent_tolerance_units
    return fact


def staff_share_facts(printed: Decimal, ratio: Fraction) -> Fact:
    off, expected = percent_error(printed, ratio)
    return {"staff_share_printed": f"{printed}%", "staff_share_expected": expected, "staff_share_off": off}


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
    """(sum of the items that have days, the figure the plan uses for the category): the stated
    total, or the items' sum when the plan states no total. The sum is None where no item has
    days: a plan that gives only category totals (WD015)."""
    with_days = [i for i in category.items if i.days is not None]
    items_sum = sum((Decimal(str(i.days)) for i in with_days), Decimal(0)) if with_days else None
    used = Decimal(str(category.stated_total)) if category.stated_total is not None else items_sum
    return items_sum, used


def budget_facts(plan: Plan, th: Thresholds) -> Fact:
    w, n = plan.workdays, plan.officers.counted
    other_sum, other = category_days(w.other_enforcement)
    non_sum, non = category_days(w.non_enforcement)
    fact = put({}, total=number(w.total), other_total=number(w.other_enforcement.stated_total),
               other_items_sum=number(other_sum),
               non_total=number(w.non_enforcement.stated_total),
               non_items_sum=number(non_sum),
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
    for prefix, category in (("other", w.other_enforcement), ("non", w.non_enforcement)):
        fact.update(missing_days_facts(prefix, category))
    fact["supervision_share_floor"] = th.supervision_share_floor
    if w.supervision is not None:
        fact["supervision_x100"] = number(Decimal(str(w.supervision)) * 100)
    fact.update(annual_leave_facts(plan))
    return fact


def missing_days_facts(prefix: str, category: WorkCategory) -> Fact:
    """Items printed without days (WD015): how many, which, and whether none has days."""
    missing = [i for i in category.items if i.days is None]
    fact: Fact = {f"{prefix}_missing_count": len(missing),
                  f"{prefix}_no_item_days": bool(category.items) and len(missing) == len(category.items)}
    if missing:
        fact[f"{prefix}_missing_text"] = "、".join(f"“{i.label}”" for i in missing)
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
        # A people's government's word (RULES.md AP001); a bureau's own 党委会 is none.
        "approval_evidence": a is not None and bool(a.body) and "政府" in a.body,
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
        items = getattr(plan.workdays, category).items
        some_days = any(item.days is not None for item in items)
        for index, item in enumerate(items):
            path = f"workdays.{category}.items[{index}]"
            fact = put({"kind": "item", "id": f"item-{prefix}{index + 1:02d}", "path": path,
                        "label": item.label, "category": category, "category_zh": CATEGORY_ZH[category],
                        "position": index + 1, "has_days": item.days is not None, "category_has_days": some_days},
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


_SUBJECT_PATHS = {"key": "workdays.key", "general": "workdays.general", "reserve": "workdays.reserve",
                  "supervision": "workdays.supervision", "other_enforcement": "workdays.other_enforcement",
                  "non_enforcement": "workdays.non_enforcement"}
_BASE_PATHS = {"supervision": "workdays.supervision", "total": "workdays.total"}


def percent_fact(plan: Plan, printed: PrintedPercent, th: Thresholds) -> Optional[Fact]:
    """WD010: the printed share against its base. Where the base is open, a share that matches
    S or T is fine, and one that matches neither is compared with both (RULES.md, WD010)."""
    w = plan.workdays
    _, other = category_days(w.other_enforcement)
    _, non = category_days(w.non_enforcement)
    numerators = {"key": w.key, "general": w.general, "reserve": w.reserve, "supervision": w.supervision,
                  "other_enforcement": other, "non_enforcement": non}
    numerator = numerators[printed.subject]
    bases = [printed.base] if printed.base else (["supervision", "total"] if printed.subject in ("key", "general", "reserve") else ["total"])
    # Where S is not printed it is what the method defines, T − O − X; where that cannot be
    # worked out either, an open base cannot be told, and a share checked against T alone
    # would be an error resting on a guess.
    supervision = w.supervision if w.supervision is not None else (
        Decimal(str(w.total)) - other - non if None not in (w.total, other, non) else None)
    if printed.base is None and "supervision" in bases and supervision is None:
        return None
    candidates = []
    for base in bases:
        denominator = supervision if base == "supervision" else w.total
        if numerator is None or not denominator or (base == "supervision" and printed.subject == "supervision"):
            continue
        candidates.append((percent_error(printed.value, Fraction(str(numerator)) / Fraction(str(denominator))), base))
    if not candidates:
        return None
    off_units = min(off for (off, _), _ in candidates)
    if off_units <= th.percent_tolerance_units:       # one base is clearly the one meant
        candidates = [min(candidates, key=lambda candidate: candidate[0][0])]
    compared = "，".join(f"按{BASE_ZH[base]}计算{'四舍五入' if off <= th.percent_tolerance_units else ''}应为 {expected}"
                         for (off, expected), base in candidates)
    base_paths = [_BASE_PATHS[base] for _, base in candidates]
    return {"subject_zh": PERCENT_SUBJECT_ZH[printed.subject], "printed": f"{printed.value}%",
            "compared": compared, "expected": min(candidates, key=lambda candidate: candidate[0][0])[0][1], "base_open": printed.base is None and len(candidates) > 1,
            "off_units": off_units, "tolerance_units": th.percent_tolerance_units,
            "subject_path": _SUBJECT_PATHS[printed.subject], "base_path": base_paths[0], "other_base_path": base_paths[-1]}


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
                "visits_outside_year": sum(1 for v in visits if not v["in_year"]),
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


def breakdown_facts(plan: Plan) -> list[Fact]:
    """Per-unit splits of O, X and S (其中安全生产股240个工作日、执法大队410个工作日; WD014).
    T's splits are WD002's."""
    w = plan.workdays
    owners = (("workdays.other_enforcement.splits", "其他执法工作日", w.other_enforcement.stated_total, w.other_enforcement.splits),
              ("workdays.non_enforcement.splits", "非执法工作日", w.non_enforcement.stated_total, w.non_enforcement.splits),
              ("workdays.supervision_splits", "监督检查工作日", w.supervision, w.supervision_splits))
    facts = []
    for index, (path, owner, total, splits) in enumerate(owners):
        if total is None or not splits:
            continue
        facts.append({"kind": "breakdown", "id": f"split-{index + 1}", "path": path, "owner_zh": owner,
                      "total": number(total), "splits_sum": number(sum(Decimal(str(s.days)) for s in splits)),
                      "splits_text": "、".join(f"{s.unit} {text_number(s.days)}" for s in splits)})
    return facts


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
    evidence = plan.document
    present = set(evidence.parts)
    unverifiable = unverifiable_parts(plan)
    facts = [{"kind": "part", "id": f"part-{name}", "path": "document.parts", "name_zh": PART_ZH[name],
              "required": name in REQUIRED_PARTS, "present": name in present, "verifiable": name not in unverifiable}
             for name in (*REQUIRED_PARTS, *RECOMMENDED_PARTS)]
    for index, formula in enumerate(evidence.formulas):
        facts += formula_facts(plan, formula, index)
    for index, restated in enumerate(evidence.restatements):
        facts.append({"kind": "restatement", "id": f"re-{index + 1:02d}", "path": f"document.restatements[{index}]",
                      "figure_zh": figure_name(restated.figure), "figure_path": restated.figure,
                      "value": number(restated.value), "first_value": number(restated.first_value),
                      "place": restated.place or "另一处", "first_place": restated.first_place or "前文"})
    for index, blank in enumerate(evidence.blanks):
        facts.append({"kind": "blank", "id": f"blank-{index + 1:02d}", "path": f"document.blanks[{index}]", "text": blank.text})
    if evidence.truncation is not None:
        facts.append(truncation_fact(plan))
    return facts


def unverifiable_parts(plan: Plan) -> set[str]:
    """Absent parts that may stand in the missing text of a truncated document (DC005): after
    the last part present when the end is missing, before the first when the start is."""
    truncation = plan.document.truncation if plan.document is not None else None
    if truncation is None:
        return set()
    present = [PART_ORDER.index(part) for part in plan.document.parts if part in PART_ORDER]
    missing = set()
    for position, part in enumerate(PART_ORDER):
        if truncation.end_missing and (not present or position > max(present)):
            missing.add(part)
        if truncation.start_missing and (not present or position < min(present)):
            missing.add(part)
    return missing


def truncation_fact(plan: Plan) -> Fact:
    truncation = plan.document.truncation
    unread = [figure.name for figure in REQUIRED if figure_value(plan, figure.path) is None]
    skipped = "；文中未见的数字（" + "、".join(unread) + "）可能在缺失部分中，相关检查未作" if unread else ""
    return {"kind": "truncation", "id": "truncation", "path": "document.truncation",
            "stops_at": truncation.stops_at, "end_missing": truncation.end_missing,
            "start_missing": truncation.start_missing, "skipped": skipped}


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
    """WD013: the formula's arithmetic, and each operand (and the result) against the figure
    it stands for. One finding a formula: an operand that differs says the arithmetic too."""
    fid, path = f"fx-{index + 1:02d}", f"document.formulas[{index}]"
    computed = evaluate(formula)
    fact = {"kind": "formula", "id": fid, "path": path, "text": formula.text}
    arithmetic = ""
    if in_engine_range(computed) and in_engine_range(formula.result):
        # Both or neither: a comparison with one side missing is where the engine and the
        # evaluator may differ. A formula beyond ENGINE_RANGE is not compared (no WD013).
        shown = number(computed.quantize(Decimal("0.01")))
        fact.update(result=number(formula.result), computed=shown)
        if shown != number(formula.result):
            arithmetic = f"；且按所列各数计算应得 {text_number(shown)}，文中写为 {text_number(formula.result)}"
    operands = [(t.value, t.figure, f"{path}.terms[{i}]") for i, t in enumerate(formula.terms)]
    operands.append((formula.result, formula.result_figure, path))
    facts, mismatched = [fact], 0
    for position, (value, figure, term_path) in enumerate(operands, start=1):
        stated = figure_value(plan, figure)
        if figure and stated is not None and in_engine_range(value):
            mismatched += number(value) != number(stated)
            facts.append({"kind": "operand", "id": f"{fid}-t{position}", "path": path, "term_path": term_path,
                          "formula": formula.text, "value": number(value), "figure_zh": figure_name(figure),
                          "figure_value": number(stated), "arithmetic": arithmetic})
    fact["mismatched_operands"] = mismatched
    return facts

"""The plan fact's key and general inspections (KI001–KI003, KI008, GI001–GI005): the counts
the plan states, the rows of its lists, and the effort its visits add up to."""
from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from ..method import GENERAL_UNITS, KEY_UNITS
from .fixed_point import exact, units
from .vocabulary import FLAG, INTEGER, PLAN, Fact, Field, count, derived, figure, words

FIELDS = (
    count("key_count", KEY_UNITS.name, KEY_UNITS.path, "户"),
    count("key_industry_sum", "重点检查单位各行业户数之和", "key_inspections.by_industry", "户"),
    words("key_industry_text", "各行业户数"),
    count("key_list_rows", "重点检查单位名单行数", "key_inspections.units", "家",
          note="absent where the plan gives no list"),
    figure("key_effort", "重点检查名单所需工作日（人数 × 天数）", "key_inspections.units",
           note="Σ officers × days over the visits that give both"),
    count("general_count", GENERAL_UNITS.name, GENERAL_UNITS.path, "户"),
    count("general_pool", "抽查对象库户数", "general_inspections.pool_size", "户"),
    figure("general_ratio", "抽查比例", "general_inspections.ratio", "%"),
    derived("general_expected_from_ratio", "按抽查比例应抽查的户数", "pool × ratio rounded up: the engine has no "
            "rounding", INTEGER, "户"),
    count("general_list_rows", "一般检查单位名单行数", "general_inspections.units", "家"),
    figure("general_effort", "一般检查名单所需工作日（人数 × 天数）", "general_inspections.units",
           note="Σ officers × days over the visits that give both"),
    Field("random_units", FLAG, "写明随机抽取检查对象", PLAN, source="general_inspections.random_units"),
    Field("random_officers", FLAG, "写明随机选派执法人员", PLAN, source="general_inspections.random_officers"),
)


def inspection_fields(plan) -> Fact:
    k, g = plan.key_inspections, plan.general_inspections
    fact: Fact = {name: value for name, value in (("key_count", k.unit_count), ("general_count", g.unit_count),
                                                   ("general_pool", g.pool_size)) if value is not None}
    if g.ratio is not None:
        fact["general_ratio"] = units(g.ratio)
    if k.by_industry:
        fact["key_industry_sum"] = sum(i.count for i in k.by_industry)
        fact["key_industry_text"] = " + ".join(f"{i.industry} {i.count}" for i in k.by_industry)
    if k.units is not None:
        fact["key_list_rows"] = len(k.units)
    if g.units is not None:
        fact["general_list_rows"] = len(g.units)
    if g.pool_size is not None and g.ratio is not None:
        fact["general_expected_from_ratio"] = math.ceil(Fraction(g.pool_size) * Fraction(g.ratio) / 100)
    fact.update(random_units=g.random_units, random_officers=g.random_officers)
    for name, units_listed in (("key_effort", k.units), ("general_effort", g.units)):
        effort = visit_effort(units_listed)
        if effort is not None:
            fact[name] = units(effort)
    return fact


def visit_effort(listed) -> int | Decimal | None:
    """Σ officers × days over the visits whose officers and days are both known (KI008, GI004):
    an int where the days are whole, as most are."""
    known = [v.officers * exact(v.days) for u in listed or [] for v in u.visits
             if v.officers is not None and v.days is not None]
    return sum(known) if known else None

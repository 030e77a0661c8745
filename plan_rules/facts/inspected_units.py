"""Unit and visit facts: each key and general unit a plan lists, and each inspection it
schedules for them (KI004–KI007, GI003, AP003)."""
from __future__ import annotations

from ..method.names import unit_identity
from .vocabulary import DATE, INTEGER, Fact, count, day_number, derived, figure, kind, words

_UNIT_FIELDS = (
    words("name", "单位名称"),
    count("row", "行号", "{path}"),
    count("visits", "安排的检查次数", "{path}.visits", "次"),
    derived("has_justification", "有本年度不安排检查的书面说明", "a justification with more than white space"),
    derived("duplicate_of_row", "先出现的同一单位的行号", "unit-name identity (method/names.py)", INTEGER),
)
KEY_UNIT = kind("key_unit", "重点检查单位", *_UNIT_FIELDS)
GENERAL_UNIT = kind("general_unit", "一般检查单位", *_UNIT_FIELDS,
                    derived("also_key", "同时是重点检查单位", "unit-name identity with a key unit"))
VISIT = kind(
    "visit", "计划检查",
    words("unit_name", "单位名称"),
    words("when_zh", "检查时间"),
    count("officers", "执法人员数", "{path}.officers", "人"),
    count("month", "计划月份", "{path}.month", "月", note="given where the visit has a month and no date"),
    figure("date", "计划日期", "{path}.date", "", DATE),
    count("date_year", "计划日期的年份", "{path}.date", "年"),
)


def unit_facts(plan, which: str) -> list[Fact]:
    """`which`: key or general."""
    key_names = {unit_identity(u.name) for u in plan.key_inspections.units or []}
    units = (plan.key_inspections if which == "key" else plan.general_inspections).units
    facts, seen = [], {}
    for index, unit in enumerate(units or []):
        uid = f"{which[0]}u-{index + 1:04d}"
        path = f"{which}_inspections.units[{index}]"
        name = unit_identity(unit.name)
        fact: Fact = {"kind": f"{which}_unit", "id": uid, "path": path, "name": unit.name, "row": index + 1,
                      "visits": len(unit.visits), "has_justification": bool(unit.justification and unit.justification.strip())}
        if name in seen:
            fact["duplicate_of_row"] = seen[name]
        else:
            seen[name] = index + 1
        if which == "general":
            fact["also_key"] = name in key_names
        facts.append(fact)
        facts += [visit_fact(unit, f"{uid}-v{j + 1:02d}", f"{path}.visits[{j}]", visit)
                  for j, visit in enumerate(unit.visits)]
    return facts


def visit_fact(unit, fact_id: str, path: str, visit) -> Fact:
    fact: Fact = {"kind": "visit", "id": fact_id, "path": path, "unit_name": unit.name}
    if visit.officers is not None:
        fact["officers"] = visit.officers
    if visit.date is not None:
        fact.update(when_zh=visit.date.isoformat(), date=day_number(visit.date), date_year=visit.date.year)
    elif visit.month is not None:
        fact.update(when_zh=f"{visit.month} 月", month=visit.month)
    else:
        fact["when_zh"] = "未定时间"      # scheduled within the plan, time left open
    return fact

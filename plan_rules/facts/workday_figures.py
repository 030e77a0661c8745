"""Figure facts: every workday figure the plan prints, one fact each, so that WD012 holds each
to being a whole number of days, not negative."""
from __future__ import annotations

from typing import Iterable

from ..method import BY_WORKDAYS_FIELD
from ..method.standard_items import CATEGORY_ZH, NON, OTHER
from .fixed_point import decimal_of, show, units, whole_number
from .vocabulary import Fact, derived, figure, kind, words

FIGURE = kind(
    "figure", "工作日数字",
    words("name_zh", "工作日项目"),
    figure("value", "所写天数", "{path}"),
    words("value_text", "所写天数（原文）"),
    derived("fraction_ok", "天数为整数（或配置允许的半日）", "whether the figure is whole, or a half where "
            "allow_half_days is set: the engine has no remainder"),
)


def figure_facts(plan, thresholds) -> list[Fact]:
    facts = []
    for index, (path, zh, value) in enumerate(workday_figures(plan), start=1):
        facts.append({"kind": "figure", "id": f"fig-{index:03d}", "path": path, "name_zh": zh, "value": units(value),
                      "value_text": show(value), "fraction_ok": fraction_ok(value, thresholds.allow_half_days)})
    return facts


def fraction_ok(value, allow_half_days: bool) -> bool:
    if whole_number(value) is not None:       # most figures: no Decimal to build
        return True
    exact = decimal_of(value)
    return exact == exact.to_integral_value() or allow_half_days and (exact * 2) == (exact * 2).to_integral_value()


def workday_figures(plan) -> Iterable[tuple[str, str, float]]:
    w = plan.workdays
    for attr in ("per_person", "total", "supervision", "key", "general", "reserve"):
        if getattr(w, attr) is not None:
            yield f"workdays.{attr}", BY_WORKDAYS_FIELD[attr].name, getattr(w, attr)
    for i, s in enumerate(w.total_splits):
        yield f"workdays.total_splits[{i}].days", f"{BY_WORKDAYS_FIELD['total'].name}中{s.unit}", s.days
    for category in (OTHER, NON):
        c = getattr(w, category)
        if c.stated_total is not None:
            yield f"workdays.{category}.stated_total", CATEGORY_ZH[category], c.stated_total
        for i, item in enumerate(c.items):
            if item.days is not None:
                yield f"workdays.{category}.items[{i}].days", f"“{item.label}”", item.days
            for j, s in enumerate(item.splits):
                yield f"workdays.{category}.items[{i}].splits[{j}].days", f"“{item.label}”中{s.unit}", s.days

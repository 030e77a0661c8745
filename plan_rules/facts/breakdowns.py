"""Breakdown facts: a figure split by the units that carry it (其中安全生产股240个工作日、
执法大队410个工作日; WD014). T's splits are on the plan fact (WD002); an item's on its item."""
from __future__ import annotations

from ..method import O, S, X
from .fixed_point import decimal_of, units
from .plan_budget import splits_text
from .vocabulary import Fact, figure, kind, words

BREAKDOWN = kind(
    "breakdown", "按单位分解",
    words("owner_zh", "分解的项目"),
    figure("total", "该项天数", "{path}", note="the figure split: O's or X's stated total, or S"),
    figure("splits_sum", "按单位分解之和", "{path}"),
    words("splits_text", "按单位分解的各数"),
)


def breakdown_facts(plan) -> list[Fact]:
    w = plan.workdays
    owners = (("workdays.other_enforcement.splits", O.name, w.other_enforcement.stated_total, w.other_enforcement.splits),
              ("workdays.non_enforcement.splits", X.name, w.non_enforcement.stated_total, w.non_enforcement.splits),
              ("workdays.supervision_splits", S.name, w.supervision, w.supervision_splits))
    facts = []
    for index, (path, owner, total, splits) in enumerate(owners):
        if total is None or not splits:
            continue
        facts.append({"kind": "breakdown", "id": f"split-{index + 1}", "path": path, "owner_zh": owner,
                      "total": units(total), "splits_sum": units(sum(decimal_of(s.days) for s in splits)),
                      "splits_text": splits_text(splits)})
    return facts

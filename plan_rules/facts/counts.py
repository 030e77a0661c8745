"""Counts stated elsewhere: the number of key or general units a plan gives again in another
section (主要任务 and 重点检查安排; KI001, GI005)."""
from __future__ import annotations

from .vocabulary import Fact, count, kind

KEY_COUNT_ELSEWHERE = kind("key_count_elsewhere", "文中另一处所写的重点检查单位数",
                           count("value", "另一处所写户数", "{path}", "户"))
GENERAL_COUNT_ELSEWHERE = kind("general_count_elsewhere", "文中另一处所写的一般检查单位数",
                               count("value", "另一处所写户数", "{path}", "户"))


def count_facts(plan) -> list[Fact]:
    facts = []
    for which, section in (("key", plan.key_inspections), ("general", plan.general_inspections)):
        for index, value in enumerate(section.other_counts):
            facts.append({"kind": f"{which}_count_elsewhere", "id": f"{which[0]}c-{index + 1:02d}",
                          "path": f"{which}_inspections.other_counts[{index}]", "value": value})
    return facts

"""Annex facts: each 附表 or 附件 the plan refers to, and whether it came with it (DC003)."""
from __future__ import annotations

from .vocabulary import FLAG, PLAN, Fact, Field, kind, words

ANNEX = kind(
    "annex", "附表/附件",
    words("label", "附表名称"),
    words("title", "附表标题"),
    Field("provided", FLAG, "随文提供", PLAN, source="{path}.provided"),
)


def annex_facts(plan) -> list[Fact]:
    facts = []
    for index, annex in enumerate(plan.annexes):
        fact: Fact = {"kind": "annex", "id": f"annex-{index + 1:02d}", "path": f"annexes[{index}]",
                      "label": annex.label, "provided": annex.provided}
        if annex.title is not None:
            fact["title"] = annex.title
        facts.append(fact)
    return facts

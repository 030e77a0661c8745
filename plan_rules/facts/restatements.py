"""Restatement facts: a figure the document prints again elsewhere with another value (WD017),
and blanks left where a figure belongs (DC004)."""
from __future__ import annotations

from ..method import name_of
from .fixed_point import carried
from .vocabulary import PATH, Fact, figure, kind, words

RESTATEMENT = kind(
    "restatement", "同一数字前后所写不一",
    words("figure_zh", "项目"),
    words("figure_path", "所指数字的字段", PATH),
    figure("value", "另一处所写的数", "{path}", ""),
    figure("first_value", "首次所写的数", "{path}", ""),
    words("place", "另一处"),
    words("first_place", "首次写明之处"),
)
BLANK = kind("blank", "应填数字处留空", words("text", "留空处的原文"))


def restatement_facts(plan) -> list[Fact]:
    facts = []
    for index, restated in enumerate(plan.document.restatements):
        fact: Fact = {"kind": "restatement", "id": f"re-{index + 1:02d}", "path": f"document.restatements[{index}]",
                      "figure_zh": name_of(restated.figure), "figure_path": restated.figure,
                      "place": _spaced(restated.place or "另一处"), "first_place": _spaced(restated.first_place or "前文")}
        value, first_value = carried(restated.value), carried(restated.first_value)
        if value is not None and first_value is not None:     # both or neither: a one-sided comparison is none
            fact.update(value=value, first_value=first_value)
        facts.append(fact)
    return facts


def _spaced(place: str) -> str:
    """"段落 7" meets the message's next word with a space, as every figure in a message does:
    "在段落 7 又写为", never "在段落 7又写为"; "第 45 行" needs none."""
    return f"{place} " if place[-1:].isdigit() else place


def blank_facts(plan) -> list[Fact]:
    return [{"kind": "blank", "id": f"blank-{index + 1:02d}", "path": f"document.blanks[{index}]", "text": blank.text}
            for index, blank in enumerate(plan.document.blanks)]

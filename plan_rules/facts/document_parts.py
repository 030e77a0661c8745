"""Part facts: each part a plan requires or is advised to have, and whether the document has
it (DC001, DC002). A part the text may have lost where it is truncated (DC005) cannot be held
against it."""
from __future__ import annotations

from ..method.parts import BY_NAME, PART_NAMES, PRINTED_ORDER
from .vocabulary import Fact, derived, kind, words

PART = kind(
    "part", "计划组成部分",
    words("name_zh", "组成部分"),
    derived("required", "必备部分", "150号 第五条 to 第十条 (method/parts.py)"),
    derived("present", "文中具备", "a heading or the part's content found by the extractor"),
    derived("verifiable", "缺少可以认定", "not where a truncated text may have lost it (DC005)"),
)


def part_facts(plan) -> list[Fact]:
    present = set(plan.document.parts)
    unverifiable = unverifiable_parts(plan)
    return [{"kind": "part", "id": f"part-{name}", "path": "document.parts", "name_zh": BY_NAME[name].zh,
             "required": BY_NAME[name].required, "present": name in present, "verifiable": name not in unverifiable}
            for name in PART_NAMES]


def unverifiable_parts(plan) -> set[str]:
    """Absent parts that may stand in the missing text of a truncated document (DC005): after
    the last part present when the end is missing, before the first when the start is."""
    truncation = plan.document.truncation
    if truncation is None:
        return set()
    present = [PRINTED_ORDER.index(part) for part in plan.document.parts if part in PRINTED_ORDER]
    missing = set()
    for position, part in enumerate(PRINTED_ORDER):
        if truncation.end_missing and (not present or position > max(present)):
            missing.add(part)
        if truncation.start_missing and (not present or position < min(present)):
            missing.add(part)
    return missing

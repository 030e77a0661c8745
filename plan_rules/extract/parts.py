"""Which parts of a plan the document has (150号 第五条 to 第十条 name them; DC001/DC002).

A part is present when its figures were found or a heading names it. Headings are short
lines with a marker ("三、重点检查安排", "（四）保障措施").
"""
from __future__ import annotations

import re

from plan_rules.extract.lines import LogicalLine
from plan_rules.extract.markers import strip_marker

_HEADING_MAX = 30
_HEADING_STYLES = ("part", "cn_comma", "cn_paren", "num_paren")
_HEADINGS = (
    ("officers", re.compile(r"执法人员(?:数量|情况|配置|配备)")),
    ("workday_calculation", re.compile(r"工作日(?:测算|计算|安排|分配)|执法工作日|法定工作日")),
    ("key_arrangements", re.compile(r"重点(?:监督|执法)?检查(?!工作日)")),
    ("general_arrangements", re.compile(r"一般(?:监督|执法)?检查(?!工作日)|双随机")),
    ("goals", re.compile(r"目标|主要任务|工作任务|指导思想")),
    ("safeguards", re.compile(r"保障|保证措施|工作要求|组织领导|组织实施|有关要求")),
)


def find_parts(lines: list[LogicalLine], found: set[str]) -> list[str]:
    """`found` holds the parts whose content was found ("officers", "basis", …)."""
    present = set(found)
    for line in lines:
        style, start = strip_marker(line.text)
        # Section headings, not numbered items ("8.完成…执法工作任务：80天" is no 任务 heading).
        body = line.text[start:].split(":")[0].strip()
        if style not in _HEADING_STYLES or line.cells or not body or len(body) > _HEADING_MAX:
            continue
        for part, pattern in _HEADINGS:
            if pattern.search(body):
                present.add(part)
    order = ("officers", "workday_calculation", "key_arrangements", "general_arrangements", "basis", "goals", "safeguards")
    return [part for part in order if part in present]

"""The parts of a plan (150号 第五条 to 第十条 name what a plan contains; DC001, DC002): their
Chinese names, which are required, the order plans print them in, and the heading wordings
the extractor knows them by.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    name: str                          # as the model's DocumentEvidence.parts lists it
    zh: str                            # for messages
    required: bool
    heading: re.Pattern                # a heading that announces it


PARTS = (
    Part("officers", "行政执法人员数量", True, re.compile(r"执法人员(?:数量|情况|配置|配备)|执法力量|行政执法人[员数]")),
    Part("workday_calculation", "执法工作日测算（总、其他执法、非执法、监督检查工作日）", True,
         re.compile(r"工作日(?:测算|计算|安排|分配)|执法工作日|法定工作日|检查天数")),
    Part("key_arrangements", "重点检查安排", True, re.compile(r"重点(?:监督|执法)?检查(?!工作日)")),
    Part("general_arrangements", "一般检查安排", True, re.compile(r"一般(?:监督|执法)?检查(?!工作日)|双随机")),
    Part("basis", "编制依据", False, re.compile(r"^(?:编制|制定|工作)?依据$")),
    Part("goals", "工作目标和主要任务", False, re.compile(r"目标|主要任务|工作任务|指导思想")),
    Part("safeguards", "保障措施", False, re.compile(r"保障|保证措施|工作要求|组织领导|组织实施|有关要求")),
)
PART_NAMES = tuple(part.name for part in PARTS)
BY_NAME = {part.name: part for part in PARTS}
REQUIRED_PARTS = tuple(part.name for part in PARTS if part.required)
RECOMMENDED_PARTS = tuple(part.name for part in PARTS if not part.required)
# The order plans print them in: an absent part after the point where a truncated text
# stops, or before the point where it starts, may stand in the missing text (DC005).
PRINTED_ORDER = ("basis", "goals", "officers", "workday_calculation", "key_arrangements", "general_arrangements",
                 "safeguards")

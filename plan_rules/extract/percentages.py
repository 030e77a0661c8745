"""Printed percentages: "重点检查工作日：200日，占比68.96%", "占监督检查工作日的31%".

The subject is the nearest workday label before the number in the same clause; the base is
named only when the text says it ("占监督检查工作日的…" → supervision, "占总法定工作日…" →
total), otherwise WD010 infers it. The value keeps its printed digits ("69.00").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from plan_rules.extract.labels import ANY_WORKDAY_LABEL, workday_path
from plan_rules.extract.lines import LogicalLine
from plan_rules.extract.numbers import to_decimal

_PERCENT = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*%")   # from a run's start: see numbers.DIGITS
_CLAUSE_START = re.compile(r"[。;；]")
_BASE = re.compile(r"占(?:全部|全年)?(?:(?P<supervision>监督检查工作日)|(?P<total>总法定工作日|总工作日))")
_SUBJECTS = {"workdays.key": "key", "workdays.general": "general", "workdays.reserve": "reserve",
             "workdays.supervision": "supervision", "workdays.other_enforcement.stated_total": "other_enforcement",
             "workdays.non_enforcement.stated_total": "non_enforcement"}
_SUBJECT_REACH = 40


@dataclass(frozen=True)
class FoundPercent:
    subject: str
    value: Decimal
    base: str | None
    line: LogicalLine
    offset: int


def find_percentages(lines: list[LogicalLine]) -> list[FoundPercent]:
    found = []
    for line in lines:
        for match in _PERCENT.finditer(line.text):
            percent = _read(line, match)
            if percent is not None:
                found.append(percent)
    return found


def _read(line: LogicalLine, match: re.Match) -> FoundPercent | None:
    clause_start = max((m.end() for m in _CLAUSE_START.finditer(line.text, 0, match.start())), default=0)
    clause_start = max(clause_start, match.start() - _SUBJECT_REACH)
    base = None
    subject = None
    for label in ANY_WORKDAY_LABEL.finditer(line.text, clause_start, match.start()):
        stated_base = next((b for b in _BASE.finditer(line.text, max(0, label.start() - 3), label.end())
                            if b.end() == label.end()), None)
        if stated_base is not None:
            base = stated_base.lastgroup
            continue
        subject = _SUBJECTS.get(workday_path(label))
    value = to_decimal(match.group("n"))
    if subject is None or value is None:
        return None
    return FoundPercent(subject, value, base, line, match.start("n"))

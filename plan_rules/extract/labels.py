"""The figures of the workday method (RULES.md) and how plans name them.

Each figure has the field path it fills, its Chinese name for messages, the regular
expression of its labels in normalized text, and the checks that need it (IN003 names them
when the figure is not found).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    key: str
    path: str
    name: str
    label: str            # regex source; matched in normalized text
    checks: tuple[str, ...]


OFFICERS = Figure("N", "officers.counted", "行政执法人员数量",
                  r"(?:行政)?执法人员(?:数量|人数|总数|数)?", ("ST001", "WD002"))
PER_PERSON = Figure("d", "workdays.per_person", "人均法定工作日",
                    r"(?:人均|每人|每名执法人员|全年|年度|\d{4}\s*年度?)(?:的)?法定工作日(?:数)?", ("WD001", "WD002"))
TOTAL = Figure("T", "workdays.total", "总法定工作日",
               r"总法定工作日(?:数)?|法定工作日总数|法定总工作日", ("WD002", "WD008", "WD011"))
OTHER = Figure("O", "workdays.other_enforcement.stated_total", "其他执法工作日",
               r"其[他它]执法工作日", ("WD006", "WD008"))
NON = Figure("X", "workdays.non_enforcement.stated_total", "非执法工作日",
             r"非执法工作日", ("WD007", "WD008"))
SUPERVISION = Figure("S", "workdays.supervision", "监督检查工作日",
                     r"(?<!重点)(?<!一般)(?<!点)(?<!般)监督检查工作日|执法检查工作日", ("WD008", "WD009", "WD011"))
KEY = Figure("K", "workdays.key", "重点检查工作日",
             r"重点(?:监督|执法)?检查工作日", ("WD009", "KI008"))
GENERAL = Figure("G", "workdays.general", "一般检查工作日",
                 r"一般(?:监督|执法)?检查工作日|双随机(?:抽查|检查)?工作日", ("WD009", "GI004"))
RESERVE = Figure("R", "workdays.reserve", "机动检查工作日",
                 r"(?:机动|预留|备用)(?:检查)?工作日", ())
KEY_UNITS = Figure("key_units", "key_inspections.unit_count", "重点检查单位数", "", ("KI001", "KI003"))
GENERAL_UNITS = Figure("general_units", "general_inspections.unit_count", "一般检查单位数", "", ("GI002",))

WORKDAY_FIGURES = (TOTAL, PER_PERSON, OTHER, NON, SUPERVISION, KEY, GENERAL, RESERVE)
REQUIRED = (OFFICERS, PER_PERSON, TOTAL, OTHER, NON, SUPERVISION, KEY, GENERAL, KEY_UNITS, GENERAL_UNITS)

# Any workday label, for naming the operands of printed formulas and the subject of a
# printed percentage. Longer labels first, so that 重点检查工作日 is never read as 检查工作日.
_LABEL_ORDER = (TOTAL, OTHER, NON, KEY, GENERAL, RESERVE, SUPERVISION, PER_PERSON)
ANY_WORKDAY_LABEL = re.compile("|".join(f"(?P<{figure.key}>{figure.label})" for figure in _LABEL_ORDER))
# The same alternation without group names, to embed in larger patterns.
WORKDAY_LABEL_SOURCE = "(?:" + "|".join(figure.label for figure in _LABEL_ORDER) + ")"
_PATH_BY_KEY = {figure.key: figure.path for figure in WORKDAY_FIGURES}


def workday_path(match: re.Match) -> str:
    """The field path of a match of ANY_WORKDAY_LABEL."""
    return _PATH_BY_KEY[match.lastgroup]

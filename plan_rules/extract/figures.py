"""Figures stated after their label: "总法定工作日：2988日", "监督检查工作日=…=290日",
"非执法工作曰：1242", a table row "其他执法工作日 | 1456", or a label at the end of a line
whose number starts the next line.

A plain statement wins over a figure that only appears as a labelled operand inside a formula
("总法定工作日（2988日）-…"); among statements, the first in the document wins, so the
summary section is the figure's home and later repetitions are checked through formulas.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from plan_rules.extract.formulas import PrintedFormula
from plan_rules.extract.labels import Figure
from plan_rules.extract.lines import LogicalLine
from plan_rules.extract.numbers import CHINESE, DAY_UNIT, DIGITS, PEOPLE_UNIT

_SEPARATOR = re.compile(r"\s*(?:[:=]|为|是|总数为)?\s*(?:共计|合计|总计|共|计|约|为)?\s*")
_OP_AFTER = re.compile(r"\s*[×*xX+\-÷/%年月]")
_ENDS_WITH_SEPARATOR = re.compile(r"\s*(?:[:=]|为)\s*")
_DAYS_VALUE = re.compile(rf"(?P<n>{DIGITS})\s*{DAY_UNIT}?")
_PEOPLE_VALUE = re.compile(rf"(?P<n>{DIGITS}|{CHINESE})\s*{PEOPLE_UNIT}")


@dataclass(frozen=True)
class Found:
    value: object
    line: LogicalLine
    offset: int

    @property
    def location(self):
        return self.line.locate(self.offset)


_LABELS: dict[str, tuple[re.Pattern, re.Pattern]] = {}


def _patterns(figure: Figure) -> tuple[re.Pattern, re.Pattern]:
    """The label, and the label as an operand: "总法定工作日（2988日）"."""
    if figure.key not in _LABELS:
        _LABELS[figure.key] = (re.compile(figure.label),
                               re.compile(rf"(?:{figure.label})\s*\(\s*(?P<n>{DIGITS})\s*{DAY_UNIT}?\s*\)"))
    return _LABELS[figure.key]


def find_figure(lines: list[LogicalLine], figure: Figure, formulas: dict[int, list[PrintedFormula]],
                convert: Callable[[str], object]) -> Found | None:
    """The figure's value (through `convert`) and place, or None when the document has none."""
    label, operand_form = _patterns(figure)
    value_pattern = _PEOPLE_VALUE if figure.key == "N" else _DAYS_VALUE
    operand = None
    for index, line in enumerate(lines):
        for match in label.finditer(line.text):
            separator = _SEPARATOR.match(line.text, match.end())
            target, position = line, separator.end()
            if _ENDS_WITH_SEPARATOR.fullmatch(line.text, match.end()) and index + 1 < len(lines):
                # "总法定工作日：" with its number at the start of the next line
                target = lines[index + 1]
                position = len(target.text) - len(target.text.lstrip())
            found = _value_at(target, position, value_pattern, formulas.get(id(target), ()), convert)
            if found is not None:
                return found
        if operand is None and figure.key != "N":
            match = operand_form.search(line.text)
            if match and convert(match.group("n")) is not None:
                operand = Found(convert(match.group("n")), line, match.start("n"))
    return operand


def _value_at(line: LogicalLine, position: int, value_pattern: re.Pattern, formulas, convert) -> Found | None:
    for formula in formulas:          # "总法定工作日：249日×12人=2988日": the result is the figure
        if formula.start == position:
            value = convert(str(formula.result))
            return None if value is None else Found(value, line, formula.result_offset)
    match = value_pattern.match(line.text, position)
    if match is None or _OP_AFTER.match(line.text, match.end()) or _OP_AFTER.match(line.text, match.end("n")):
        return None
    value = convert(match.group("n"))
    return None if value is None else Found(value, line, match.start("n"))

"""Printed formulas: "249日×12人（行政编制3人；…）=2988日",
"总法定工作日（2988日）-其他执法工作日（1456日）-非执法工作日（1242日）=290日".

Both the arithmetic and each operand are claims the checker verifies (WD013), so every
operand keeps the figure it stands for: a labelled operand names it ("总法定工作日（2988日）"),
the day and people operands of the total's formula are d and N, and the label before the
formula names its result.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from plan_rules.extract.labels import ANY_WORKDAY_LABEL, WORKDAY_LABEL_SOURCE, workday_path
from plan_rules.extract.lines import LogicalLine
from plan_rules.extract.numbers import DAY_UNIT, DIGITS, PEOPLE_UNIT, to_decimal

_UNIT = rf"(?:{DAY_UNIT}|{PEOPLE_UNIT})"
_OP = r"[×*xX+\-÷/]"
_OPERAND = (rf"(?:{WORKDAY_LABEL_SOURCE}\s*\(\s*(?:{DIGITS})\s*{_UNIT}?\s*\)"
            rf"|(?:{DIGITS})\s*{_UNIT}?(?:\s*\([^()=]*\))?)")
_FORMULA = re.compile(rf"{_OPERAND}(?:\s*{_OP}\s*{_OPERAND})+\s*=\s*(?P<result>{DIGITS})\s*(?P<unit>{_UNIT}|%)?")
_TERM = re.compile(rf"(?P<op>{_OP})?\s*(?:(?P<label>{WORKDAY_LABEL_SOURCE})\s*\(\s*(?P<lnum>{DIGITS})\s*(?P<lunit>{_UNIT})?\s*\)"
                   rf"|(?P<num>{DIGITS})\s*(?P<unit>{_UNIT})?(?:\s*\([^()=]*\))?)")
_RESULT_LABEL = re.compile(rf"({WORKDAY_LABEL_SOURCE})\s*(?:[:=]|为)?\s*$")
_OPS = {"×": "×", "*": "×", "x": "×", "X": "×", "+": "+", "-": "-", "÷": "÷", "/": "÷"}
_PEOPLE = re.compile(PEOPLE_UNIT)


@dataclass
class Term:
    op: str
    value: Decimal
    unit: str
    offset: int
    figure: str | None = None


@dataclass
class PrintedFormula:
    line: LogicalLine
    start: int
    end: int
    text: str
    terms: list[Term]
    result: Decimal
    result_unit: str
    result_offset: int
    result_figure: str | None = None


def find_formulas(line: LogicalLine) -> list[PrintedFormula]:
    found = []
    for match in _FORMULA.finditer(line.text):
        formula = _read(line, match)
        if formula is not None:
            found.append(formula)
    return found


def _read(line: LogicalLine, match: re.Match) -> PrintedFormula | None:
    result = to_decimal(match.group("result"))
    left_end = line.text.rfind("=", match.start(), match.start("result"))
    terms = []
    for term in _TERM.finditer(line.text, match.start(), left_end):
        number = term.group("lnum") or term.group("num")
        value = to_decimal(number)
        if value is None:
            return None
        label = ANY_WORKDAY_LABEL.fullmatch(term.group("label")) if term.group("label") else None
        terms.append(Term(op=_OPS[term.group("op")] if term.group("op") else "+", value=value,
                          unit=term.group("lunit") or term.group("unit") or "",
                          offset=term.start("lnum") if term.group("lnum") else term.start("num"),
                          figure=workday_path(label) if label else None))
    if result is None or len(terms) < 2:
        return None
    formula = PrintedFormula(line=line, start=match.start(), end=match.end(),
                             text=line.raw[match.start():match.end()].strip(), terms=terms, result=result,
                             result_unit=match.group("unit") or "", result_offset=match.start("result"))
    label = _RESULT_LABEL.search(line.text, 0, match.start())
    if label and formula.result_unit != "%":
        formula.result_figure = workday_path(ANY_WORKDAY_LABEL.fullmatch(label.group(1)))
    if formula.result_figure == "workdays.total":
        _name_total_operands(formula)
    return formula


def _name_total_operands(formula: PrintedFormula) -> None:
    """In T = d × N (or N × d) the day operand is d and the people operand is N."""
    if len(formula.terms) != 2 or formula.terms[1].op != "×":
        return
    for term in formula.terms:
        if term.figure is None and _PEOPLE.fullmatch(term.unit):
            term.figure = "officers.counted"
        elif term.figure is None and term.unit:
            term.figure = "workdays.per_person"

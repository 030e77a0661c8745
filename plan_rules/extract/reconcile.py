"""Choosing each figure from its mentions, and binding the operands nothing names.

A document prints a figure in several places (the summary, the heading of its section, a
合计 line, a formula). The figure is its first *stated* mention (a statement, heading, table
cell, 合计 line or formula result) in document order, so the summary is the figure's home; a
later stated mention with another value is a restatement (WD017). An operand that its
wording names is a mention of that figure; one that nothing names is bound by the method's
equations (T − O − X = S, d × N = T): by its unit (人 → N, 日 → d), then by equality with the
figure stated elsewhere, and only then by its position, which is said to be uncertain. A
figure that no statement gives may be read from its operand; read by position alone, it can
carry at most a warning.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from plan_rules.extract.formulas import Formula, Term
from plan_rules.extract.mentions import (OPERAND_BY_POSITION, OPERAND_BY_VALUE, OPERAND_LABELLED, STATED,
                                         Mention)

_PEOPLE_UNITS = ("人", "名", "位")
_DAY_UNITS = ("日", "天", "个工作日", "工作日", "人日", "个")
# Where the method puts unnamed operands: for S = T − O − X and T = d × N.
_POSITIONS = {("S", 3): ("T", "O", "X"), ("T", 2): ("d", "N")}
_PLAUSIBLE_PER_PERSON = range(200, 300)
_HOW_ZH = {"heading": "标题中所写", "statement": "文中明确写出", "table": "表中所列", "section-total": "本部分合计行",
           "formula-result": "算式结果", OPERAND_LABELLED: "算式中标明的运算项",
           OPERAND_BY_VALUE: "算式运算项（与他处所述相等）", OPERAND_BY_POSITION: "算式运算项（仅按位置推断）"}


@dataclass
class Reading:
    """How one figure was read: every mention, the chosen one, and the restatements."""
    key: str
    mentions: list[Mention] = field(default_factory=list)
    chosen: Mention | None = None
    restated: list[Mention] = field(default_factory=list)

    @property
    def certain(self) -> bool:
        return self.chosen is not None and self.chosen.certain

    def why(self) -> str:
        if self.chosen is None:
            return "文中未找到"
        how = _HOW_ZH.get(self.chosen.how, self.chosen.how)
        stated = [m for m in self.mentions if m.how in STATED]
        if self.chosen.how in STATED and len(stated) > 1:
            return f"{how}，取文中首次写明之处"
        return how


def reconcile(stated: list[Mention], formulas: list[Formula]) -> dict[str, Reading]:
    readings: dict[str, Reading] = {}
    for mention in stated:
        readings.setdefault(mention.key, Reading(mention.key)).mentions.append(mention)
    for formula in formulas:
        if formula.result_key:
            mention = Mention(formula.result_key, formula.result, formula.line, formula.result_text or formula.text,
                              formula.result_offset, "formula-result", f"“{formula.printed}”")
            readings.setdefault(formula.result_key, Reading(formula.result_key)).mentions.append(mention)
    for reading in readings.values():
        _choose_stated(reading)
    for formula in formulas:
        _bind_operands(formula, readings)
    for reading in readings.values():
        if reading.chosen is None:
            _choose_operand(reading)
    return readings


def _order(mention: Mention) -> tuple[int, int]:
    return mention.line, mention.offset


def _choose_stated(reading: Reading) -> None:
    stated = sorted((m for m in reading.mentions if m.how in STATED), key=_order)
    if not stated:
        return
    reading.chosen = stated[0]
    reading.restated = [m for m in stated[1:] if m.value != stated[0].value]


def _choose_operand(reading: Reading) -> None:
    operands = sorted((m for m in reading.mentions if m.how not in STATED),
                      key=lambda m: (m.how == OPERAND_BY_POSITION, _order(m)))
    if operands:
        reading.chosen = operands[0]


def _bind_operands(formula: Formula, readings: dict[str, Reading]) -> None:
    positions = _POSITIONS.get((formula.result_key, len(formula.terms)))
    if not formula.bindings:
        formula.bindings = ["" for _ in formula.terms]
    for index, term in enumerate(formula.terms):
        if term.key:
            _add_operand(readings, term, formula, OPERAND_LABELLED, "由文字标明")
            formula.bindings[index] = "wording"
    if positions is None:
        return
    unnamed = [index for index, term in enumerate(formula.terms) if not term.key]
    for index in list(unnamed):
        key = _by_unit(formula.terms[index], positions)
        if key:
            _bind(formula, index, key, readings, OPERAND_LABELLED, "由单位标明")
            unnamed.remove(index)
    for index in list(unnamed):
        key = _by_value(formula.terms[index], positions, readings, formula)
        if key:
            _bind(formula, index, key, readings, OPERAND_BY_VALUE, "与他处所述相等")
            unnamed.remove(index)
    for index in unnamed:
        key = _by_position(formula, index, positions)
        if key:
            _bind(formula, index, key, readings, OPERAND_BY_POSITION, "仅按位置推断")


def _by_unit(term: Term, positions) -> str | None:
    if term.unit in _PEOPLE_UNITS and "N" in positions:
        return "N"
    if term.unit in _DAY_UNITS and "d" in positions:
        return "d"
    return None


def _by_value(term: Term, positions, readings: dict[str, Reading], formula: Formula) -> str | None:
    taken = {t.key for t in formula.terms if t.key}
    matches = [key for key in positions if key not in taken and key in readings and readings[key].chosen is not None
               and readings[key].chosen.how in STATED and readings[key].chosen.value == term.value]
    return matches[0] if len(matches) == 1 else None


def _by_position(formula: Formula, index: int, positions) -> str | None:
    taken = {t.key for t in formula.terms if t.key}
    key = positions[index]
    if key in taken:
        free = [k for k in positions if k not in taken]
        key = free[0] if len(free) == 1 else None
    if key == "d" and formula.terms[index].value not in _PLAUSIBLE_PER_PERSON:
        return None
    return key


def _bind(formula: Formula, index: int, key: str, readings, how: str, note: str) -> None:
    formula.terms[index].key = key
    formula.bindings[index] = {OPERAND_LABELLED: "unit", OPERAND_BY_VALUE: "value", OPERAND_BY_POSITION: "position"}[how]
    _add_operand(readings, formula.terms[index], formula, how, note)


def _add_operand(readings: dict[str, Reading], term: Term, formula: Formula, how: str, note: str) -> None:
    if term.value is None:
        return
    mention = Mention(term.key, term.value, formula.line, formula.text, term.offset, how,
                      f"“{formula.printed}”中的运算项（{note}）")
    readings.setdefault(term.key, Reading(term.key)).mentions.append(mention)

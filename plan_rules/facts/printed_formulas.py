"""Formula and operand facts: each formula a document prints ("249日×12人=2988日"), its
arithmetic, and each operand against the figure it stands for as the text states it
elsewhere (WD013). One finding a formula: an operand that differs says the arithmetic too.

The engine cannot evaluate a formula of any length, so Python does, exactly: × and ÷ before
+ and −, in a context wide enough for any product of in-range terms' digits to stay exact,
and without traps, so that an overflow is an Infinity to refuse rather than an exception.
"""
from __future__ import annotations

from decimal import Context, Decimal
from typing import Optional

from ..field_paths import value_at
from ..method import name_of
from .fixed_point import carried, show
from .vocabulary import INTEGER, PATH, Fact, derived, figure, kind, words

_CONTEXT = Context(prec=60, traps=[])

FORMULA = kind(
    "formula", "文中算式",
    words("text", "算式"),
    figure("result", "文中所写结果", "{path}", ""),
    derived("computed", "按所列各数算得的结果", "the printed terms evaluated, × and ÷ before + and −, to the cent: "
            "the engine cannot evaluate a formula of any length", "decimal"),
    derived("mismatched_operands", "与别处所写不符的运算项数", "how many operand facts of this formula differ", INTEGER),
)
OPERAND = kind(
    "operand", "算式中的运算项",
    words("formula", "算式"),
    words("term_path", "运算项的字段", PATH),
    figure("value", "算式中所写的数", "{path}", ""),
    words("figure_zh", "算式中的项目"),
    figure("figure_value", "文中别处所写的数", "{path}", "", note="the figure the operand stands for, as stated"),
    words("arithmetic", "（算式本身也算错时）算得的结果"),
)


def formula_facts(plan) -> list[Fact]:
    facts = []
    for index, formula in enumerate(plan.document.formulas):
        facts += facts_of_formula(plan, formula, index)
    return facts


def evaluate(formula) -> Optional[Decimal]:
    """Value of the printed terms, × and ÷ before + and −; None on division by zero (an
    overflow gives an Infinity, which is not carried)."""
    total, product = Decimal(0), None
    sign = Decimal(1)
    for term in formula.terms:
        if term.op in ("×", "÷") and product is not None:
            if term.op == "÷" and term.value == 0:
                return None
            product = _CONTEXT.multiply(product, term.value) if term.op == "×" else _CONTEXT.divide(product, term.value)
            continue
        if product is not None:
            total = _CONTEXT.add(total, _CONTEXT.multiply(sign, product))
        sign = Decimal(-1) if term.op == "-" else Decimal(1)
        product = term.value
    return _CONTEXT.add(total, _CONTEXT.multiply(sign, product or Decimal(0)))


def facts_of_formula(plan, formula, index: int) -> list[Fact]:
    fid, path = f"fx-{index + 1:02d}", f"document.formulas[{index}]"
    computed = evaluate(formula)
    fact: Fact = {"kind": "formula", "id": fid, "path": path, "text": formula.text}
    arithmetic = ""
    shown = carried(computed.quantize(Decimal("0.01"), context=_CONTEXT)) if computed is not None and computed.is_finite() else None
    result = carried(formula.result)
    if shown is not None and result is not None:
        # Both or neither: a comparison with one side missing is where the engine and the
        # evaluator may differ. A formula beyond what is carried is not compared (no WD013).
        fact.update(result=result, computed=shown)
        if shown != result:
            arithmetic = f"；且按所列各数计算应得 {show(computed.quantize(Decimal('0.01'), context=_CONTEXT))}，文中写为 {show(formula.result)}"
    operands = [(t.value, t.figure, f"{path}.terms[{i}]") for i, t in enumerate(formula.terms)]
    operands.append((formula.result, formula.result_figure, path))
    facts, mismatched = [fact], 0
    for position, (value, figure_path, term_path) in enumerate(operands, start=1):
        stated = value_at(plan, figure_path)
        value_units, stated_units = carried(value), carried(stated)
        if figure_path and value_units is not None and stated_units is not None:
            mismatched += value_units != stated_units
            facts.append({"kind": "operand", "id": f"{fid}-t{position}", "path": path, "term_path": term_path,
                          "formula": formula.text, "value": value_units, "figure_zh": name_of(figure_path),
                          "figure_value": stated_units, "arithmetic": arithmetic})
    fact["mismatched_operands"] = mismatched
    return facts

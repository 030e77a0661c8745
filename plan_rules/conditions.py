"""The rules' condition language: durable_rules' JSON conditions, the subset the rule linter
admits (ruleset.py), and how both evaluators run them (docs/architecture.md, "The engine").

A right-hand operand must be there for a pattern to match: the engine fires a comparison
whose right-hand field is missing depending on the other value, and fails a whole `$or` one
of whose branches reads a missing field. So every condition is run guarded, with an `$ex`
test for each field a right-hand side reads, on the pattern that owns the field; the engine
adapter registers the guarded form and the plain evaluator evaluates it, so that the two
agree by construction.
"""
from __future__ import annotations

import copy
from typing import Any

from .facts.vocabulary import Fact

# What either evaluator returns for each activation: the check's name (CODE#n) and its
# patterns' names with the facts bound to them, in pattern order.
Match = tuple[str, tuple[tuple[str, Fact], ...]]

COMPARISONS = {"$lt", "$lte", "$gt", "$gte", "$neq"}
ARITHMETIC = {"$add", "$sub", "$mul"}


def operand_fields(rhs: Any, own: set[str], bound: dict[str, set[str]]) -> None:
    """Collect the fields a right-hand side reads: `{$m: f}` on the fact itself, `{p: f}` on an
    earlier pattern p, through `$add`/`$sub`/`$mul`."""
    if not isinstance(rhs, dict):
        return
    (op, body), = rhs.items()
    if op == "$m":
        own.add(body)
    elif op in ARITHMETIC:
        operand_fields(body["$l"], own, bound)
        operand_fields(body["$r"], own, bound)
    else:
        bound.setdefault(op, set()).add(body)


def condition_operands(condition: dict, own: set[str], bound: dict[str, set[str]]) -> None:
    (op, body), = condition.items()
    if op in ("$and", "$or"):
        for part in body:
            condition_operands(part, own, bound)
    elif op in COMPARISONS:
        (_, rhs), = body.items()
        operand_fields(rhs, own, bound)
    elif not op.startswith("$"):
        operand_fields(body, own, bound)


def guard_operands(when: dict) -> dict:
    """The antecedent with `$ex` tests added for every right-hand operand field, on the
    pattern that owns the field."""
    patterns = [next(iter(p.items())) for p in when["all"]]
    guards: dict[str, set[str]] = {name: set() for name, _ in patterns}
    for name, condition in patterns:
        bound: dict[str, set[str]] = {}
        condition_operands(condition, guards[name], bound)
        for other, fields in bound.items():
            guards[other] |= fields
    guarded = []
    for name, condition in patterns:
        tests = [{"$ex": {field: 1}} for field in sorted(guards[name])]
        guarded.append({name: {"$and": [copy.deepcopy(condition), *tests]} if tests else copy.deepcopy(condition)})
    return {"all": guarded}

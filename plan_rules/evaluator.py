"""A plain-Python evaluator of the rule files' durable_rules conditions.

It is the differential oracle for the engine in tests, and the fallback where durable_rules
cannot be imported (docs/architecture.md, "The engine"). It implements the subset the linter
admits (ruleset.py) with the engine's semantics: a comparison on a missing field is false,
`$neq` included; numbers compare as numbers; values of different types never compare true.
Like the engine, it runs each check's guarded conditions (conditions.py).

It must be about as fast as the engine, since it is all a Python 3.13 user has: each
condition is compiled once into nested closures (no walking of the JSON per fact), and each
pattern looks only at the facts of the kind it tests (every positive pattern tests `kind`,
ruleset.py), as the engine's alpha network does.
"""
from __future__ import annotations

import operator
from typing import Any, Callable, Iterator, Optional

from .conditions import Match
from .facts.vocabulary import Fact
from .ruleset import Check

Bindings = dict[str, Fact]
Test = Callable[[Fact, Bindings], bool]
Operand = Callable[[Fact, Bindings], Any]

_MISSING = object()
_ORDERINGS = {"$lt": operator.lt, "$lte": operator.le, "$gt": operator.gt, "$gte": operator.ge}
_ARITHMETIC = {"$add": operator.add, "$sub": operator.sub, "$mul": operator.mul}


class PlainEvaluator:
    """The checks compiled once; `evaluate(facts)` per plan, as DurableEngine.evaluate."""

    def __init__(self, checks: list[Check]):
        self._checks = [(check.name, [compile_pattern(p) for p in check.guarded["all"]]) for check in checks]

    def evaluate(self, facts: list[Fact]) -> list[Match]:
        by_kind: dict[Any, list[Fact]] = {}
        for fact in facts:
            by_kind.setdefault(fact.get("kind"), []).append(fact)
        matches = []
        for name, patterns in self._checks:
            candidates = [(key, test, facts if kind is _MISSING else by_kind.get(kind, ()))
                          for key, kind, test in patterns]
            for bindings in join(candidates, {}):
                matches.append((name, tuple(bindings.items())))
        return matches


def evaluate(checks: list[Check], facts: list[Fact]) -> list[Match]:
    """One evaluation, compiling the checks for it (tests; a Checker keeps a PlainEvaluator)."""
    return PlainEvaluator(checks).evaluate(facts)


def join(patterns: list[tuple[str, Test, Any]], bound: Bindings) -> Iterator[Bindings]:
    if not patterns:
        yield dict(bound)
        return
    (name, test, candidates), rest = patterns[0], patterns[1:]
    for fact in candidates:
        if test(fact, bound):
            bound[name] = fact
            yield from join(rest, bound)
            del bound[name]


# ---- compiling conditions ----------------------------------------------------------------

def compile_pattern(pattern: dict) -> tuple[str, Any, Test]:
    """(the pattern's name, the kind it tests or _MISSING, its compiled condition)."""
    (name, condition), = pattern.items()
    return name, tested_kind(condition), compile_condition(condition)


def tested_kind(condition: dict) -> Any:
    """The `kind` a condition requires through its `$and`s, or _MISSING when it requires none:
    only facts of that kind can satisfy it."""
    (op, body), = condition.items()
    if op == "kind" and isinstance(body, str):
        return body
    if op == "$and":
        for part in body:
            kind = tested_kind(part)
            if kind is not _MISSING:
                return kind
    return _MISSING


def compile_condition(condition: dict) -> Test:
    (op, body), = condition.items()
    if op == "$and":
        return conjunction(tuple(compile_condition(c) for c in conjuncts(body)))
    if op == "$or":
        parts = tuple(compile_condition(c) for c in body)
        return lambda fact, bound: any(part(fact, bound) for part in parts)
    if op in ("$ex", "$nex"):
        (field, _), = body.items()
        wanted = op == "$ex"
        return lambda fact, bound: (fact.get(field) is not None) == wanted
    if op.startswith("$"):
        (field, rhs), = body.items()
        return comparison(op, field, rhs)
    return comparison("$eq", op, body)


def conjuncts(parts: list[dict]) -> Iterator[dict]:
    """The parts of an `$and`, with nested `$and`s (guard_operands wraps each condition in
    one) flattened: the same test with fewer calls."""
    for part in parts:
        if next(iter(part)) == "$and":
            yield from conjuncts(part["$and"])
        else:
            yield part


def conjunction(parts: tuple[Test, ...]) -> Test:
    def every(fact: Fact, bound: Bindings) -> bool:
        for part in parts:          # a loop, not all(generator): this is the innermost call
            if not part(fact, bound):
                return False
        return True
    return every


def comparison(op: str, field: str, rhs: Any) -> Test:
    if not isinstance(rhs, dict) and op in ("$eq", "$neq"):
        return literal_equality(op == "$eq", field, rhs)
    right = compile_operand(rhs)
    compare = comparer(op)
    return lambda fact, bound: compare(fact.get(field, _MISSING), right(fact, bound))


def literal_equality(equal: bool, field: str, literal: Any) -> Test:
    """`field == literal` (or `!=`), most of the conditions (`kind: plan`): one dict read and
    one comparison, with comparable()'s typing — a bool equals only a bool, a number only a number."""
    if isinstance(literal, bool):
        same = lambda value: value is literal
    elif is_number(literal):
        same = lambda value: is_number(value) and value == literal
    elif isinstance(literal, str):
        same = lambda value: value == literal
    else:
        return lambda fact, bound: False    # null never compares
    if equal:
        return lambda fact, bound: same(fact.get(field))
    return lambda fact, bound: comparable(fact.get(field, _MISSING), literal) is not None and not same(fact.get(field))


def compile_operand(rhs: Any) -> Operand:
    if not isinstance(rhs, dict):
        return lambda fact, bound: rhs
    (op, body), = rhs.items()
    if op == "$m":
        return lambda fact, bound: fact.get(body, _MISSING)
    if op in _ARITHMETIC:
        left, right, apply = compile_operand(body["$l"]), compile_operand(body["$r"]), _ARITHMETIC[op]

        def arithmetic(fact: Fact, bound: Bindings) -> Any:
            a, b = left(fact, bound), right(fact, bound)
            return apply(a, b) if is_number(a) and is_number(b) else _MISSING
        return arithmetic
    return lambda fact, bound: bound[op].get(body, _MISSING)


def comparer(op: str) -> Callable[[Any, Any], bool]:
    test = {"$eq": operator.eq, "$neq": operator.ne, **_ORDERINGS}[op]
    ordering = op in _ORDERINGS

    def compare(left: Any, right: Any) -> bool:
        kind = comparable(left, right)
        return kind is not None and not (ordering and kind == "bool") and test(left, right)
    return compare


# ---- the engine's semantics ----------------------------------------------------------------

def value_of(rhs: Any, fact: Fact, bound: Bindings) -> Any:
    """A right-hand side's value (match_findings computes messages' values with it)."""
    return compile_operand(rhs)(fact, bound)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def comparable(left: Any, right: Any) -> Optional[str]:
    if left is _MISSING or right is _MISSING or left is None or right is None:
        return None
    if is_number(left) and is_number(right):
        return "number"
    if isinstance(left, bool) and isinstance(right, bool):
        return "bool"
    if isinstance(left, str) and isinstance(right, str):
        return "str"
    return None

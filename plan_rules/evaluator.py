"""A plain-Python evaluator of the rule files' durable_rules conditions.

It is the differential oracle for the engine in tests, and the fallback where durable_rules
cannot be imported (docs/architecture.md, "The engine"). It implements the subset the linter
admits (ruleset.py) with the engine's semantics: a comparison on a missing field is false,
`$neq` included; numbers compare as numbers; values of different types never compare true.
Like the engine, it runs each check's guarded conditions (conditions.py).
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

from .conditions import Match
from .facts.vocabulary import Fact
from .ruleset import Check

Bindings = dict[str, Fact]

_MISSING = object()


def evaluate(checks: list[Check], facts: list[Fact]) -> list[Match]:
    matches = []
    for check in checks:
        patterns = [next(iter(p.items())) for p in check.guarded["all"]]
        for bindings in join(patterns, facts, {}):
            matches.append((check.name, tuple(bindings.items())))
    return matches


def join(patterns: list[tuple[str, dict]], facts: list[Fact], bound: Bindings) -> Iterator[Bindings]:
    if not patterns:
        yield dict(bound)
        return
    (name, condition), rest = patterns[0], patterns[1:]
    for fact in facts:
        if holds(condition, fact, bound):
            bound[name] = fact
            yield from join(rest, facts, bound)
            del bound[name]


def holds(condition: dict, fact: Fact, bound: Bindings) -> bool:
    (op, body), = condition.items()
    if op == "$and":
        return all(holds(c, fact, bound) for c in body)
    if op == "$or":
        return any(holds(c, fact, bound) for c in body)
    if op in ("$ex", "$nex"):
        (field, _), = body.items()
        return (fact.get(field) is not None) == (op == "$ex")
    if op.startswith("$"):
        (field, rhs), = body.items()
        return compare(op, fact.get(field, _MISSING), value_of(rhs, fact, bound))
    return compare("$eq", fact.get(op, _MISSING), value_of(body, fact, bound))


def value_of(rhs: Any, fact: Fact, bound: Bindings) -> Any:
    if not isinstance(rhs, dict):
        return rhs
    (op, body), = rhs.items()
    if op == "$m":
        return fact.get(body, _MISSING)
    if op in ("$add", "$sub", "$mul"):
        left, right = value_of(body["$l"], fact, bound), value_of(body["$r"], fact, bound)
        if not (is_number(left) and is_number(right)):
            return _MISSING
        return left + right if op == "$add" else left - right if op == "$sub" else left * right
    return bound[op].get(body, _MISSING)


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


def compare(op: str, left: Any, right: Any) -> bool:
    kind = comparable(left, right)
    if kind is None:
        return False
    if kind == "bool" and op not in ("$eq", "$neq"):
        return False
    return {"$eq": left == right, "$neq": left != right, "$lt": left < right, "$lte": left <= right,
            "$gt": left > right, "$gte": left >= right}[op]

"""What a rule's checks read, held against the fact vocabulary (docs/architecture.md,
"Rules"): every field a condition, a computed value or a template names must be declared on
the kind of fact its pattern matches; a comparison must compare like with like (days with
days, counts with counts, a date with a date); a decimal figure is never compared with a
number written in the rule but 0, since the rule cannot know its scale; field paths a check
points at or rests on must be paths of the plan.

The share of checks that compare the plan's own figures in the rule itself is counted here
too: `python -m plan_rules.rule_fields` prints it.
"""
from __future__ import annotations

import re
import string
import sys
from dataclasses import dataclass
from typing import Any

from .conditions import ARITHMETIC, COMPARISONS
from .facts import KINDS
from .facts.vocabulary import (CHOICE, DATE, DECIMAL, FLAG, INTEGER, NUMERIC, PATH, PLAN, REFERENCE, TEXT, Field,
                               FactKind)
from .field_paths import is_plan_path

# The names a check's `compute` may give the values it computes, with their Chinese.
COMPUTED = {"expected": "应为的数", "sum": "各项之和", "minimum": "法定最低数"}
_ZERO = "zero"       # the literal 0: it compares with a figure of any scale
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\.([a-z_0-9]+))?\}")


class FieldError(ValueError):
    """A check names a field no fact declares, or compares unlike values."""


@dataclass(frozen=True)
class Reading:
    """A field a check reads: on which pattern, of which kind."""
    pattern: str
    kind: FactKind
    field: Field


def pattern_kinds(when: dict) -> dict[str, FactKind]:
    """Each pattern's kind of fact, from the `kind` it tests."""
    kinds = {}
    for pattern in when["all"]:
        (name, condition), = pattern.items()
        tested = condition.get("kind") if "kind" in condition else next(
            (c["kind"] for c in condition.get("$and", []) if isinstance(c, dict) and "kind" in c), None)
        if tested not in KINDS:
            raise FieldError(f"模式 {name} 检验的事实种类 {tested!r} 不存在（可用：{', '.join(sorted(KINDS))}）")
        kinds[name] = KINDS[tested]
    return kinds


def field_of(kinds: dict[str, FactKind], pattern: str, name: str) -> Field:
    if pattern not in kinds:
        raise FieldError(f"{pattern}.{name}：没有名为 {pattern} 的模式")
    kind = kinds[pattern]
    declared = kind.field(name)
    if declared is None:
        raise FieldError(f"{pattern}.{name}：{kind.kind}（{kind.label}）事实没有声明此字段")
    return declared


def check_vocabulary(when: dict, compute: dict, templates: list[str], paths: list[str]) -> dict[str, str]:
    """Raise FieldError where the check strays from the vocabulary; returns the type of each
    computed value. `templates` are the message and expected; `paths` where and rests_on."""
    kinds = pattern_kinds(when)
    for pattern in when["all"]:
        (name, condition), = pattern.items()
        _check_condition(condition, name, kinds)
    first = next(iter(kinds))
    computed = {}
    for key, expression in compute.items():
        if key not in COMPUTED:
            raise FieldError(f"compute 的名称 {key!r} 不在 {sorted(COMPUTED)} 之中")
        computed[key] = _type_of(expression, first, kinds)
        if computed[key] not in (DECIMAL, INTEGER):
            raise FieldError(f"compute.{key} 须为算式")
    for template in templates:
        for placeholder in placeholders(template):
            _placeholder_field(placeholder, kinds, computed)
    for template in paths:
        _check_path(template, kinds)
    return computed


def placeholders(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _placeholder_field(placeholder: str, kinds, computed) -> Field | None:
    if "." not in placeholder:
        if placeholder not in computed:
            raise FieldError(f"模板中的 {{{placeholder}}} 既非字段也非 compute 所算的值")
        return None
    pattern, name = placeholder.split(".", 1)
    return field_of(kinds, pattern, name)


def _check_path(template: str, kinds) -> None:
    """A path a finding points at or rests on: a plan field path, or a path field of a bound
    fact with an optional further field (`{item.path}.splits`)."""
    names = placeholders(template)
    if not names:
        if not is_plan_path(template):
            raise FieldError(f"{template!r} 不是计划的字段路径")
        return
    if len(names) != 1 or not template.startswith("{"):
        raise FieldError(f"{template!r}：路径须以一个路径字段开头")
    declared = _placeholder_field(names[0], kinds, {})
    if declared.type != PATH:
        raise FieldError(f"{template!r}：{names[0]} 不是路径字段")


def _check_condition(condition: dict, pattern: str, kinds) -> None:
    (op, body), = condition.items()
    if op in ("$and", "$or"):
        for part in body:
            _check_condition(part, pattern, kinds)
        return
    if op in ("$ex", "$nex"):
        (name, _), = body.items()
        field_of(kinds, pattern, name)
        return
    if op in COMPARISONS:
        (name, rhs), = body.items()
    else:
        name, rhs = op, body
    left = field_of(kinds, pattern, name).type
    right = _type_of(rhs, pattern, kinds)
    if not _comparable(left, right, ordered=op in COMPARISONS and op != "$neq"):
        raise FieldError(f"{pattern}.{name}（{left}）不能与 {rhs!r}（{right}）比较")


def _comparable(left: str, right: str, ordered: bool) -> bool:
    if left in NUMERIC:
        return right == left or (right == _ZERO and left != DATE)
    if ordered:
        return False
    if left == FLAG:
        return right == FLAG
    return left in (CHOICE, TEXT) and right in (CHOICE, TEXT)


def _type_of(rhs: Any, pattern: str, kinds) -> str:
    if isinstance(rhs, bool):
        return FLAG
    if isinstance(rhs, int):
        return _ZERO if rhs == 0 else INTEGER
    if isinstance(rhs, str):
        return TEXT
    if not isinstance(rhs, dict):
        raise FieldError(f"不能比较 {rhs!r}：规则中的数字须为整数（小数的规模由事实决定，见 docs/architecture.md）")
    (op, body), = rhs.items()
    if op == "$m":
        return field_of(kinds, pattern, body).type
    if op in ARITHMETIC:
        left, right = _type_of(body["$l"], pattern, kinds), _type_of(body["$r"], pattern, kinds)
        result = _product_type(left, right) if op == "$mul" else _sum_type(left, right)
        if result is None:
            raise FieldError(f"{op} 不能作用于 {left} 与 {right}")
        return result
    return field_of(kinds, op, body).type


def _sum_type(left: str, right: str) -> str | None:
    if _ZERO in (left, right):
        other = right if left == _ZERO else left
        return other if other in (DECIMAL, INTEGER, _ZERO) else None
    return left if left == right and left in (DECIMAL, INTEGER) else None


def _product_type(left: str, right: str) -> str | None:
    types = {left, right}
    if types <= {INTEGER, _ZERO}:
        return INTEGER
    if DECIMAL in types and types <= {DECIMAL, INTEGER, _ZERO} and (left, right).count(DECIMAL) == 1:
        return DECIMAL
    return None


def in_words(template: str, when: dict) -> str:
    """The template with each placeholder named in Chinese, as a rule page shows it:
    “{item.label}” → “〈事项名称〉”, “{expected}” → “〈应为的数〉”."""
    kinds = pattern_kinds(when)

    def term(match: re.Match) -> str:
        pattern, name = match.group(1), match.group(2)
        return f"〈{COMPUTED[pattern] if name is None else field_of(kinds, pattern, name).label}〉"
    return _PLACEHOLDER.sub(term, template)


# --- what a check reads, and whether it compares the plan's own figures -------------------

def fields_read(when: dict, compute: dict) -> list[Reading]:
    """Every field the check's conditions and computed values read, in order, once."""
    kinds = pattern_kinds(when)
    found: dict[tuple[str, str], Reading] = {}

    def note(pattern: str, name: str) -> None:
        found.setdefault((pattern, name), Reading(pattern, kinds[pattern], field_of(kinds, pattern, name)))

    def rhs(value: Any, pattern: str) -> None:
        if isinstance(value, dict):
            (op, body), = value.items()
            if op == "$m":
                note(pattern, body)
            elif op in ARITHMETIC:
                rhs(body["$l"], pattern)
                rhs(body["$r"], pattern)
            else:
                note(op, body)

    def condition(c: dict, pattern: str) -> None:
        (op, body), = c.items()
        if op in ("$and", "$or"):
            for part in body:
                condition(part, pattern)
        elif op in ("$ex", "$nex") or op in COMPARISONS:
            (name, value), = body.items()
            if name != "kind":
                note(pattern, name)
            if op in COMPARISONS:
                rhs(value, pattern)
        elif op != "kind":
            note(pattern, op)
            rhs(body, pattern)

    for p in when["all"]:
        (name, c), = p.items()
        condition(c, name)
    first = next(iter(kinds))
    for expression in compute.values():
        rhs(expression, first)
    return list(found.values())


def compares_plan_figures(when: dict) -> bool:
    """Whether some comparison of the check has a figure of the plan on its left and, on its
    right, only figures of the plan, what the plan is held to (the law, the calendar, the
    configuration) and numbers written in the rule: the comparison is the rule's own, not a
    value Python computed for it."""
    kinds = pattern_kinds(when)

    def operands_ok(value: Any, pattern: str) -> bool:
        if not isinstance(value, dict):
            return isinstance(value, int) and not isinstance(value, bool)
        (op, body), = value.items()
        if op in ARITHMETIC:
            return operands_ok(body["$l"], pattern) and operands_ok(body["$r"], pattern)
        declared = field_of(kinds, pattern, body) if op == "$m" else field_of(kinds, op, body)
        return declared.origin in (PLAN, REFERENCE)

    def any_comparison(c: dict, pattern: str) -> bool:
        (op, body), = c.items()
        if op in ("$and", "$or"):
            return any(any_comparison(part, pattern) for part in body)
        if op in ("$ex", "$nex"):
            return False
        name, value = next(iter(body.items())) if op in COMPARISONS else (op, body)
        left = field_of(kinds, pattern, name)
        return left.origin == PLAN and left.type in NUMERIC and operands_ok(value, pattern)

    return any(any_comparison(c, name) for p in when["all"] for name, c in p.items())


def share_of_checks_comparing_figures(rulebook) -> tuple[int, int]:
    checks = rulebook.engine_checks
    return sum(compares_plan_figures(check.when) for check in checks), len(checks)


if __name__ == "__main__":
    from .ruleset import load_rulebook

    comparing, total = share_of_checks_comparing_figures(load_rulebook())
    sys.stdout.write(f"checks comparing the plan's figures in the rule: {comparing}/{total} ({comparing / total:.0%})\n")

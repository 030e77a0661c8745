"""A rule page's example (rule_docs.py, in the style of ruff's rule pages): the failing case
as the part of a plan it changes, the messages the checker really gives for it, and the same
part as the rule's passing case writes it.

The part shown is the subtree of the changed field paths; a changed element of a list is
shown whole, with its position.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from .rule_cases import Case, base_plan, check_case, steps

_ABSENT = object()


class _Node(dict):
    """A mapping of the snippet's own, as opposed to a mapping of the plan shown whole."""


@dataclass(frozen=True)
class Example:
    snippet: str                 # YAML (or the case's text)
    language: str                # yaml / json
    messages: tuple[str, ...]    # the rule's findings on it, as the checker words them
    settings: dict
    instead: Optional[str]       # the same part as the base plan writes it


def example_of(case: Case, passing: Optional[Case], checker) -> Example:
    """`passing`: the case whose plan shows what to write instead (the rule's pass case)."""
    result = check_case(case, checker)
    messages = tuple(f"{f.severity.zh}：{f.message}" for f in result.findings if f.code == case.rule)
    if case.text is not None:
        return Example(case.text.rstrip("\n"), case.suffix.lstrip("."), messages, case.settings, None)
    paths = [*case.set, *case.remove]
    instead = passing.plan_data() if passing is not None and passing.text is None else base_plan(case.base)
    return Example(snippet(case.plan_data(), list(case.set), case.remove), "yaml", messages, case.settings,
                   snippet(instead, paths))


def snippet(data: Any, paths: list[str], removed: tuple[str, ...] = ()) -> str:
    """The parts of `data` the paths name, nested as in the plan: a list element whole; the
    removed paths shown as absent."""
    tree = _Node()
    for path in [*paths, *removed]:
        route = steps(path)
        cut = next((i for i, step in enumerate(route) if isinstance(step, int)), len(route) - 1)
        node = tree
        for step in route[:cut]:
            node = node.setdefault(step, _Node())
        node[route[cut]] = _ABSENT if path in removed else _value_at(data, route[:cut + 1])
    return "\n".join(_emit(tree, 0))


def _value_at(data: Any, route: list) -> Any:
    for step in route:
        if isinstance(step, int):
            if not isinstance(data, list) or step >= len(data):
                return _ABSENT
        elif not isinstance(data, dict) or step not in data:
            return _ABSENT
        data = data[step]
    return data


def _emit(tree: _Node, indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    items = sorted(tree.items(), key=lambda item: (isinstance(item[0], int), item[0] if isinstance(item[0], int) else 0))
    for key, value in items:
        if isinstance(key, int):
            lines.append(f"{pad}# 第 {key + 1} 项：" + ("（不列）" if value is _ABSENT else ""))
            if value is not _ABSENT:
                lines.append(f"{pad}- {_flow(value)}")
        elif value is _ABSENT:
            lines.append(f"{pad}# 不写 {key}")
        elif isinstance(value, _Node):
            lines.append(f"{pad}{key}:")
            lines += _emit(value, indent + 2)
        else:
            lines += _scalar_or_block(key, value, pad)
    return lines


def _scalar_or_block(key: str, value: Any, pad: str) -> list[str]:
    flow = _flow(value)
    if len(flow) + len(pad) + len(key) < 100:
        return [f"{pad}{key}: {flow}"]
    import yaml
    body = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None).rstrip("\n")
    return [f"{pad}{key}:"] + [f"{pad}  {line}" for line in body.splitlines()]


def _flow(value: Any) -> str:
    import yaml
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=True, width=10 ** 6)
    return text[:-5].rstrip("\n") if text.endswith("\n...\n") else text.rstrip("\n")

"""Field paths into a plan ("workdays.other_enforcement.stated_total",
"key_inspections.units[3].visits[0]"): the value a path names, and whether a path is one
the plan model has (a rule's `rests_on` must be)."""
from __future__ import annotations

import re
import types
import typing
from typing import Any, Optional

_SEGMENT = re.compile(r"([a-z_]+)((?:\[\d+\])*)")


def value_at(plan, path: Optional[str]) -> Any:
    """The value at `path`, or None where the plan does not have it."""
    if not path:
        return None
    value: Any = plan
    for name, indices in _segments(path):
        value = getattr(value, name, None)
        for index in re.findall(r"\d+", indices):
            value = value[int(index)] if isinstance(value, list) and int(index) < len(value) else None
        if value is None:
            return None
    return value


def is_plan_path(path: str) -> bool:
    """Whether the model has this field path (indices aside)."""
    from .model import Plan

    model: Any = Plan
    for name, _ in _segments(path):
        fields = getattr(model, "model_fields", None)
        if fields is None or name not in fields:
            return False
        model = _model_of(fields[name].annotation)
    return True


def _segments(path: str) -> list[tuple[str, str]]:
    segments = []
    for part in path.split("."):
        match = _SEGMENT.fullmatch(part)
        if match is None:
            return [("", "")]
        segments.append((match.group(1), match.group(2)))
    return segments


def _model_of(annotation: Any) -> Any:
    """The model inside Optional[...], list[...] and Annotated[...], or the annotation itself."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType) or origin is list or origin is typing.Annotated:
            arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = arguments[0]
            continue
        return annotation

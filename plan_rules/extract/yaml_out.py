"""The `extract` command's output: the plan as YAML, each figure commented with the place it
came from ("total: 2988  # 第 31 行"), empty fields left out. Loading it back with
Plan.model_validate gives the same plan.
"""
from __future__ import annotations

import io
from decimal import Decimal

from plan_rules.sourcemap import parent_path


def to_yaml(extraction) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if extraction.plan is None:
        return ""
    data = _plain(extraction.plan.model_dump(mode="python", exclude_none=True), CommentedMap, CommentedSeq)
    if extraction.plan.document is not None and "document" not in data:
        data["document"] = CommentedMap()      # "extracted from a document", even with no evidence
    entries = extraction.sourcemap.entries
    for path, location in entries.items():
        _comment(data, path, location.describe(), CommentedMap, entries)
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _plain(value, mapping, sequence):
    """Model dump → YAML-friendly data: empty lists and maps dropped, whole floats as ints,
    Decimals as strings (they keep printed digits: "69.00"), dates as ISO strings."""
    if isinstance(value, dict):
        result = mapping()
        for key, item in value.items():
            item = _plain(item, mapping, sequence)
            if item is not None and item != [] and item != {}:
                result[key] = item
        return result
    if isinstance(value, list):
        return sequence(_plain(item, mapping, sequence) for item in value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) else str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _comment(data, path: str, text: str, mapping, entries) -> None:
    """Attach `text` as an end-of-line comment to the node at `path` (a mapping node gets it on
    its first key, unless that key has a place of its own)."""
    if not text:
        return
    node, key = _resolve(data, path)
    if node is None:
        return
    target = node[key]
    if isinstance(target, mapping):
        if not target:
            return
        node, key = target, next(iter(target))
        if isinstance(node[key], (mapping, list)) or f"{path}.{key}" in entries:
            return
    elif isinstance(target, list):
        return
    node.yaml_add_eol_comment(text, key)


def _resolve(data, path: str):
    """The container and key of `path` in `data`, or (None, None) when it was left out."""
    parts = []
    while path:
        parent = parent_path(path)
        tail = path[len(parent):].lstrip(".")
        parts.append(int(tail[1:-1]) if tail.startswith("[") else tail)
        path = parent
    parts.reverse()
    node = data
    for part in parts[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None, None
    last = parts[-1] if parts else None
    try:
        node[last]
    except (KeyError, IndexError, TypeError):
        return None, None
    return node, last

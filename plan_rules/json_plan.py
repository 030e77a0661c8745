"""A JSON plan, read as strictly as a YAML one.

- A key written twice in one object: json keeps the last silently, and the finding then
  pointed at the first. It is IN002 at the second, as in YAML.
- A lone UTF-16 surrogate ("\\ud800"): JSON's escapes allow it, but it is no character (no
  UTF-8 holds it); the engine refused such a plan and no report could print it. IN001.
- NaN and Infinity are not JSON: IN001. Numbers of more than 4,300 digits: IN001.
"""
from __future__ import annotations

import json
import re
from typing import Any, Optional

from .input_errors import DuplicateKey, InputError, number_problem_zh
from .json_positions import first_duplicate_key, json_positions

# A surrogate written as an escape: "\ud83d\ude00" is one character, "\ud800" alone is none.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _Repeated(Exception):
    """Raised by the parser's hook, which does not know where in the text it is."""


def parse_json(text: str) -> Any:
    try:
        raw = json.loads(text, parse_constant=reject_constant, object_pairs_hook=keys_once)
    except _Repeated as repeated:
        raise duplicate_in_json(text, str(repeated)) from None
    except InputError:
        raise
    except json.JSONDecodeError as error:
        from .parse_errors import json_problem_zh
        raise InputError(f"JSON 语法错误：{json_problem_zh(error.msg)}", error.lineno, error.colno) from None
    except ValueError as error:     # Python refuses ints of more than 4,300 digits
        raise InputError(number_problem_zh(error)) from None
    if _SURROGATE_ESCAPE.search(text):
        refuse_lone_surrogates(raw, text)
    return raw


def reject_constant(name: str):
    raise InputError(f"JSON 中不允许 {name}")


def keys_once(pairs: list[tuple[str, Any]]) -> dict:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        seen = set()
        raise _Repeated(next(key for key, _ in pairs if key in seen or seen.add(key)))
    return mapping


def duplicate_in_json(text: str, key: str) -> DuplicateKey:
    found = first_duplicate_key(text)
    if found is None:       # written differently (an escape), so the scan cannot tell where
        return DuplicateKey(key)
    path, (line, column), (first_line, _) = found
    return DuplicateKey(path, line, column, first_line)


def refuse_lone_surrogates(raw: Any, text: str) -> None:
    path = first_lone_surrogate(raw, "")
    if path is not None:
        place = json_positions(text).locate(path)
        raise InputError(f"字段 {path or '（顶层）'} 的文字中有不成对的 UTF-16 代理项（\\uD800–\\uDFFF），不是有效的文字",
                         place.line, place.column)


def first_lone_surrogate(value: Any, path: str) -> Optional[str]:
    """The path of the first key or text that is not valid Unicode, depth first."""
    if isinstance(value, str):
        return None if is_text(value) else path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        child = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key
        found = child if isinstance(key, str) and not is_text(key) else first_lone_surrogate(item, child)
        if found is not None:
            return found
    return None


def is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

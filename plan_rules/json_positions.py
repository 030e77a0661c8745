"""Lines of a JSON plan's fields, for locating findings.

`json` keeps no positions, so after it has parsed (and validated) the text, this scanner
walks the same text once more, token by token, and records where each field path starts.
It runs only for plans that have findings to locate (SourceMap.deferred), and trusts the
syntax the parser already accepted. The same scan finds a key written twice, which json
itself keeps silently (the last one wins).
"""
from __future__ import annotations

import bisect
import re
from typing import Callable, Iterator, Optional

from .sourcemap import SourceMap

_NEWLINE = re.compile(r"\n")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+')


def json_positions(text: str) -> SourceMap:
    place = placer(text)
    sourcemap = SourceMap()
    for path, offset, _ in fields(text):
        sourcemap.record(path, place(offset))
    return sourcemap


def first_duplicate_key(text: str) -> Optional[tuple[str, tuple[int, int], tuple[int, int]]]:
    """The path of the first key written twice in one object, with the place of its second
    and of its first occurrence; None when there is none as written (escapes aside)."""
    place = placer(text)
    seen: dict[str, int] = {}
    for path, offset, is_key in fields(text):
        if is_key:
            if path in seen:
                return path, place(offset), place(seen[path])
            seen[path] = offset
    return None


def placer(text: str) -> Callable[[int], tuple[int, int]]:
    """offset → (line, column), both 1-based."""
    newlines = [m.start() for m in _NEWLINE.finditer(text)]

    def place(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(newlines, offset)
        return line + 1, offset - (newlines[line - 1] + 1 if line else 0) + 1
    return place


def fields(text: str) -> Iterator[tuple[str, int, bool]]:
    """(field path, offset, whether it is a key) of every key and value, in the text's order."""
    # Each open container: [path, next list index or None for objects, pending key].
    stack: list[list] = []
    expecting_key = False
    for match in _TOKEN.finditer(text):
        token, offset = match.group(), match.start()
        if expecting_key and token.startswith('"'):
            key = match.group()[1:-1]
            stack[-1][2] = f"{stack[-1][0]}.{key}" if stack[-1][0] else key
            yield stack[-1][2], offset, True
            expecting_key = False
            continue
        if token in ",:":
            expecting_key = token == "," and bool(stack) and stack[-1][1] is None
            continue
        if token in "}]":
            stack.pop()
            continue
        path = value_path(stack)
        yield path, offset, False
        if token == "{":
            stack.append([path, None, None])
            expecting_key = True
        elif token == "[":
            stack.append([path, 0, None])


def value_path(stack: list[list]) -> str:
    """The path of the value starting now: the pending key in an object, the next index in a
    list (advanced here), or the root."""
    if not stack:
        return ""
    container = stack[-1]
    if container[1] is None:
        return container[2]
    index = container[1]
    container[1] += 1
    return f"{container[0]}[{index}]"

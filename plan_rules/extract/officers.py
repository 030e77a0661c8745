"""Officer details beyond N: the per-category breakdown ("行政编制3人；专门执法机构事业编制9人"),
the certified (具有执法资格) and registered (在编) counts that ST002/ST003 compare with N.

The breakdown is read from the parenthesis or 其中 clause that follows N, or from the
annotation of the total's formula ("249日×12人（行政编制3人；…）=2988日"), where the seed
prints it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from plan_rules.extract.figures import Found
from plan_rules.extract.lines import LogicalLine
from plan_rules.extract.numbers import CHINESE, DIGITS, PEOPLE_UNIT, to_count

_COUNT = rf"(?P<n>{DIGITS}|{CHINESE})\s*{PEOPLE_UNIT}"
_BREAKDOWN = re.compile(r"\(([^()]*)\)|其中:?([^。]*)")
_GROUP = re.compile(rf"^\s*(?:其中)?\s*:?\s*(?P<name>[\u4e00-\u9fff]{{2,20}}?)\s*(?:[:为有])?\s*{_COUNT}\s*$")
_GROUP_NAME = re.compile(r"编制|人员|公务员|聘用|参公|工勤|科|室|队|中心|站|所")
_PIECES = re.compile(r"[;,，；、]")
_CERTIFIED = re.compile(rf"(?:具有?|取得|持有?)(?:行政)?执法(?:资格|证件?)(?:的)?(?:人员)?(?:共|有|为)?\s*{_COUNT}")
_REGISTERED = (re.compile(rf"(?:在编|在册|在岗|实有)(?:在岗)?(?:人员|干部职工|职工|干部)?(?:共|有|为)?\s*{_COUNT}"),
               re.compile(rf"(?:核定)?编制(?:人数|数)(?:为|是)?\s*{_COUNT}"))


@dataclass(frozen=True)
class Group:
    name: str
    count: int
    line: LogicalLine
    offset: int


def find_groups(places: list[tuple[LogicalLine, int]]) -> list[Group]:
    """The first breakdown found right after one of `places` (line, offset after a figure)."""
    for line, offset in places:
        breakdown = _BREAKDOWN.match(line.text, offset + _spaces(line.text, offset))
        if breakdown is None:
            continue
        inner = 1 if breakdown.group(1) is not None else 2
        groups = list(_groups_in(line, breakdown.start(inner), breakdown.end(inner)))
        if groups:
            return groups
    return []


def _spaces(text: str, offset: int) -> int:
    return len(text[offset:]) - len(text[offset:].lstrip(" ,，、"))


def _groups_in(line: LogicalLine, start: int, end: int):
    position = start
    for piece in _PIECES.split(line.text[start:end]):
        match = _GROUP.match(piece)
        if match and _GROUP_NAME.search(match.group("name")):
            count = to_count(match.group("n"))
            if count is not None:
                offset = position + match.start("name")
                yield Group(line.raw[offset:offset + len(match.group("name"))], count, line, offset)
        position += len(piece) + 1


def find_certified(lines: list[LogicalLine]) -> Found | None:
    return _first_count(lines, (_CERTIFIED,))


def find_registered(lines: list[LogicalLine]) -> Found | None:
    return _first_count(lines, _REGISTERED)


def _first_count(lines: list[LogicalLine], patterns) -> Found | None:
    for line in lines:
        for pattern in patterns:
            match = pattern.search(line.text)
            if match and (count := to_count(match.group("n"))) is not None:
                return Found(count, line, match.start("n"))
    return None

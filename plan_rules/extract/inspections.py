"""Key (重点) and general (一般, 双随机) inspection arrangements.

The count of units comes from the arrangement section ("三、重点检查安排 … 25户"), the
per-industry counts from its numbered lines or its 其中 clause ("机械制造企业13户"), and every
other mention of the count elsewhere ("本年度重点检查企业25户" in 主要任务) goes to
other_counts, so that KI001 can compare them. Without an arrangement section, the first
mention is the count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from plan_rules.extract.figures import Found
from plan_rules.extract.lines import LogicalLine
from plan_rules.extract.markers import rank, strip_marker
from plan_rules.extract.numbers import CHINESE, DIGITS, to_count, to_decimal

_UNITS = r"(?:户|家|个单位|个企业|处|所)"
_COUNT = re.compile(rf"(?P<n>{DIGITS}|{CHINESE})\s*{_UNITS}")
_INDUSTRY = re.compile(rf"\s*(?:其中)?\s*:?\s*(?P<name>[\u4e00-\u9fff()]{{2,20}}?)(?:企业|单位|行业|类)?\s*:?\s*(?:共|有|为)?\s*"
                       rf"(?P<n>{DIGITS}|{CHINESE})\s*{_UNITS}\s*[;；。,，]?\s*$")
_PIECES = re.compile(r"[、,，;；]")
_HEADING_MAX = 30


@dataclass(frozen=True)
class Kind:
    heading: re.Pattern
    mention: tuple[re.Pattern, ...]


KEY = Kind(re.compile(r"重点(?:监督|执法)?检查(?!工作日)"),
           (re.compile(rf"重点(?:监督|执法)?检查(?:的)?(?:企业|单位|对象|生产经营单位)(?:共|为|数为|数|有|共计)?\s*(?P<n>{DIGITS}|{CHINESE})\s*{_UNITS}"),
            re.compile(rf"(?P<n>{DIGITS}|{CHINESE})\s*{_UNITS}重点(?:监督|执法)?检查(?:企业|单位|对象)")))
GENERAL = Kind(re.compile(r"一般(?:监督|执法)?检查(?!工作日)|双随机(?:抽查|检查)(?!工作日)"),
               (re.compile(rf"一般(?:监督|执法)?检查(?:的)?(?:企业|单位|对象|生产经营单位)(?:共|为|数为|数|有|共计)?\s*(?P<n>{DIGITS}|{CHINESE})\s*{_UNITS}"),
                re.compile(rf"(?P<n>{DIGITS}|{CHINESE})\s*{_UNITS}一般(?:监督|执法)?检查(?:企业|单位|对象)")))

_RANDOM_UNITS = re.compile(r"双随机|随机(?:抽选|抽取|抽查|选取|确定|抽检)[^。,，;；]{0,8}?(?:企业|单位|对象)")
_RANDOM_OFFICERS = re.compile(r"双随机|随机(?:抽选|抽取|选派|选取|确定|匹配)(?:行政)?执法(?:检查)?人员")
_POOL = re.compile(rf"(?:名录库|对象库|企业库|检查对象库)[^。;；,，]{{0,10}}?(?P<n>{DIGITS})\s*{_UNITS}")
_RATIO = re.compile(rf"(?:抽查|抽取|抽检)比例[^0-9。]{{0,6}}(?P<n>{DIGITS})\s*%|按(?:照)?(?P<m>{DIGITS})\s*%的?(?:比例)?[^。,，;；]{{0,4}}?(?:抽查|抽取)")


@dataclass
class Arrangement:
    unit_count: Found | None = None
    other_counts: list[Found] = field(default_factory=list)
    by_industry: list[tuple[str, Found]] = field(default_factory=list)


def find_arrangement(lines: list[LogicalLine], kind: Kind) -> Arrangement:
    arrangement = Arrangement()
    section = _section(lines, kind)
    for line in section:
        _read_section_line(line, arrangement, kind)
    in_section = {id(line) for line in section}
    for line in lines:
        if id(line) in in_section:
            continue
        for pattern in kind.mention:
            for match in pattern.finditer(line.text):
                count = to_count(match.group("n"))
                if count is not None:
                    arrangement.other_counts.append(Found(count, line, match.start("n")))
    if arrangement.unit_count is None and arrangement.other_counts:
        arrangement.unit_count = arrangement.other_counts.pop(0)
    return arrangement


def _section(lines: list[LogicalLine], kind: Kind) -> list[LogicalLine]:
    """The heading line and the lines below it, up to the next heading of its level."""
    for index, line in enumerate(lines):
        style, start = strip_marker(line.text)
        if style is None or line.cells or len(line.text.strip()) - start > _HEADING_MAX:
            continue
        if not kind.heading.search(line.text, start, _clause_end(line.text, start)):
            continue
        section = [line]
        for following in lines[index + 1:]:
            following_style, _ = strip_marker(following.text)
            if following_style is not None and rank(following_style) <= rank(style):
                break
            section.append(following)
        return section
    return []


def _section_count(line: LogicalLine, start: int, end: int, kind: Kind) -> Found | None:
    """"一般检查单位60家" when the line says so; else the first count that is not the size of
    the pool units are drawn from ("名录库共300家")."""
    for pattern in kind.mention:
        match = pattern.search(line.text, start, end)
        if match and (count := to_count(match.group("n"))) is not None:
            return Found(count, line, match.start("n"))
    pools = [match.span("n") for match in _POOL.finditer(line.text, start, end)]
    for match in _COUNT.finditer(line.text, start, end):
        count = to_count(match.group("n"))
        if count is not None and match.span("n") not in pools:
            return Found(count, line, match.start("n"))
    return None


def _clause_end(text: str, start: int) -> int:
    """A heading is the words before any colon: "(2) 主要任务：本年度重点检查…" is not one."""
    colon = text.find(":", start)
    return colon if colon >= 0 else len(text)


def _read_section_line(line: LogicalLine, arrangement: Arrangement, kind: Kind) -> None:
    style, start = strip_marker(line.text)
    if style is not None and arrangement.unit_count is not None:
        industry = _INDUSTRY.match(line.text, start)
        if industry:
            _add_industry(line, industry, arrangement)
            return
    clause = line.text.find("其中", start)
    head_end = clause if clause >= 0 else len(line.text)
    if arrangement.unit_count is None:
        arrangement.unit_count = _section_count(line, start, head_end, kind)
    if clause >= 0 and arrangement.unit_count is not None:
        position = clause
        for piece in _PIECES.split(line.text[clause:]):
            industry = _INDUSTRY.match(line.text, position, position + len(piece))
            if industry:
                _add_industry(line, industry, arrangement)
            position += len(piece) + 1


def _add_industry(line: LogicalLine, match: re.Match, arrangement: Arrangement) -> None:
    count = to_count(match.group("n"))
    if count is not None:
        name = line.raw[match.start("name"):match.end("name")]
        arrangement.by_industry.append((name, Found(count, line, match.start("name"))))


def find_random(lines: list[LogicalLine]) -> tuple[Found | None, Found | None]:
    """Where the plan states random selection of units and of officers (双随机 states both)."""
    units = officers = None
    for line in lines:
        if units is None and (match := _RANDOM_UNITS.search(line.text)):
            units = Found(True, line, match.start())
        if officers is None and (match := _RANDOM_OFFICERS.search(line.text)):
            officers = Found(True, line, match.start())
    return units, officers


def find_pool_and_ratio(lines: list[LogicalLine]) -> tuple[Found | None, Found | None]:
    pool = ratio = None
    for line in lines:
        if pool is None and (match := _POOL.search(line.text)) and (count := to_count(match.group("n"))) is not None:
            pool = Found(count, line, match.start("n"))
        if ratio is None and (match := _RATIO.search(line.text)):
            group = "n" if match.group("n") else "m"
            value: Decimal | None = to_decimal(match.group(group))
            if value is not None and value <= 100:
                ratio = Found(value, line, match.start(group))
    return pool, ratio

"""Key (重点) and general (一般, 双随机) inspection arrangements.

The count of units comes from the arrangement section ("三、重点检查安排 … 25户"), the
per-industry counts from its numbered lines, its 其中 clause, its colon or its parenthesis
("重点检查单位36家（危险化学品10家、…）"), and every other mention of the count elsewhere
("本年度重点检查企业25户" in 主要任务) goes to other_counts, so that KI001 can compare them.
Without an arrangement section, the first mention is the count. For general inspections the
pool units are drawn from ("名录库1300家"), the share drawn ("按20%比例", "百分之十五") and
whether units and officers are both drawn at random (双随机) are read too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from plan_rules.extract.document import Document
from plan_rules.extract.markers import rank, strip_marker
from plan_rules.extract.numbers import CHINESE, DIGITS, percent_words, to_count, to_decimal
from plan_rules.extract.text import Found, Text

_UNITS = r"(?:家|户|个单位|个企业|处|所)"
_NUMBER = rf"(?P<n>{DIGITS}|{CHINESE})"
_COUNT = re.compile(rf"{_NUMBER}\s*{_UNITS}")
_INDUSTRY = re.compile(rf"\s*(?:其中)?\s*:?\s*(?P<name>[\u4e00-\u9fff()]{{2,24}}?)(?:生产经营单位|经营单位|企业|单位|行业|类)?\s*(?:[:为有]|共有|共)?\s*{_NUMBER}\s*{_UNITS}\s*[;。,]?\s*$")
_INDUSTRY_PIECES = re.compile(r"[、,;]")
_LIST_TOTAL = re.compile(rf"\s*(?:共计|合计|总计|共)\s*{_NUMBER}\s*{_UNITS}")
_BREAKDOWN = re.compile(r"\s*(?:\((?P<paren>[^()]*)\)|[,:]?\s*其中\s*:?|:)")


@dataclass(frozen=True)
class Kind:
    heading: re.Pattern
    mentions: tuple[re.Pattern, ...]


KEY = Kind(re.compile(r"^(?:[\u4e00-\u9fff]{0,4})重点(?:监督|执法)?检查(?!工作日|范围|方式|内容|重点)"),
           (re.compile(rf"重点(?:监督|执法)?检查(?:的)?(?:生产经营单位|企业|单位|对象)(?:数量?)?(?:共|为|数为|数|有|共计)?\s*:?\s*{_NUMBER}\s*{_UNITS}"),
            re.compile(rf"重点(?:监督|执法)?检查\s*{_NUMBER}\s*{_UNITS}"),
            re.compile(rf"{_NUMBER}\s*{_UNITS}重点(?:监督|执法)?(?:检查)?(?:企业|单位|对象)")))
GENERAL = Kind(re.compile(r"^(?:[\u4e00-\u9fff]{0,4})(?:一般(?:监督|执法)?检查|双随机(?:抽查|检查)?)(?!工作日)"),
               (re.compile(rf"一般(?:监督|执法)?检查(?:的)?(?:生产经营单位|企业|单位|对象)(?:数量?)?(?:共|为|数为|数|有|共计)?\s*:?\s*{_NUMBER}\s*{_UNITS}"),
                re.compile(rf"一般(?:监督|执法)?检查\s*{_NUMBER}\s*{_UNITS}"),
                re.compile(rf"(?:随机)?抽取(?:检查对象)?\s*{_NUMBER}\s*{_UNITS}"),
                re.compile(rf"{_NUMBER}\s*{_UNITS}一般(?:监督|执法)?检查(?:企业|单位|对象)")))

_RANDOM_UNITS = re.compile(r"双随机|随机(?:抽选|抽取|抽查|选取|确定|抽检)[^。,;]{0,8}?(?:企业|单位|对象|\d|[一二三四五六七八九十百])")
_RANDOM_OFFICERS = re.compile(r"双随机|随机(?:抽选|抽取|选派|选取|确定|匹配)(?:行政)?执法(?:检查)?人员|执法人员随机(?:选派|抽取|确定)")
# The pool: the number the register holds, not the number drawn from it ("从名录库随机抽取20家").
_POOLS = (re.compile(rf"(?:名录库|对象库|企业库|检查对象库)(?:(?!抽取|抽查|抽选|选取)[^。;,]){{0,12}}?{_NUMBER}\s*{_UNITS}"),
          re.compile(rf"从[^。;,]{{0,16}}?{_NUMBER}\s*{_UNITS}[^。;,]{{0,12}}?中"))
_RATIO = re.compile(rf"(?:抽查|抽取|抽检)比例(?:为)?\s*(?P<r>{DIGITS})\s*%|按(?:照)?\s*(?P<q>{DIGITS})\s*%的?(?:比例)?")
_RATIO_WORDS = re.compile(r"(?:抽查|抽取|抽检)比例(?:为)?\s*$|按(?:照)?\s*$")


@dataclass
class Arrangement:
    unit_count: Found | None = None
    other_counts: list[Found] = field(default_factory=list)
    by_industry: list[tuple[str, Found]] = field(default_factory=list)
    industries_partial: bool = False


def find_arrangement(document: Document, kind: Kind) -> Arrangement:
    arrangement = Arrangement()
    section = _section(document, kind)
    for index in section:
        _read_section_line(document.lines[index].text, arrangement, kind)
    in_section, seen = set(section), set()
    for index, line in enumerate(document.lines):
        if index in in_section:
            continue
        for text in (line.cells or [line.text]):
            for pattern in kind.mentions:
                for match in pattern.finditer(text.text):
                    count = to_count(match.group("n"))
                    if count is not None and (id(text), match.start("n")) not in seen:
                        seen.add((id(text), match.start("n")))
                        arrangement.other_counts.append(Found(count, text, match.start("n")))
    if arrangement.unit_count is None and arrangement.other_counts:
        arrangement.unit_count = arrangement.other_counts.pop(0)
    return arrangement


def _section(document: Document, kind: Kind) -> list[int]:
    """The heading line of the arrangement and the lines below it, up to the next heading of
    its rank or above. A heading that names the arrangement ("四、重点检查安排") wins over one
    that only mentions the kind ("（一）突出重点检查。" in 主要任务)."""
    candidates = [heading for heading in document.headings if kind.heading.search(heading.title)]
    if not candidates:
        return []
    best = min(candidates, key=lambda h: (not re.search(r"安排|计划|单位|对象", h.title), rank(h.style), h.index))
    return [best.index] + [index for index in range(best.index + 1, best.end) if not document.lines[index].is_row]


def _read_section_line(text: Text, arrangement: Arrangement, kind: Kind) -> None:
    style, start = strip_marker(text.text)
    if style is not None and arrangement.unit_count is not None and rank(style) >= 3:
        industry = _INDUSTRY.match(text.text, start)
        if industry:
            _add_industry(text, industry, arrangement)
            return
    if arrangement.unit_count is None:
        if not any(pattern.search(text.text, start) for pattern in kind.mentions) \
                and (listed := _listed_industries(text, start)) is not None:
            industries, arrangement.unit_count = listed
            for industry in industries:
                _add_industry(text, industry, arrangement)
            return
        found = _section_count(text, start, kind)
        if found is None:
            return
        arrangement.unit_count = found
        _industries_after(text, found, arrangement)


def _section_count(text: Text, start: int, kind: Kind) -> Found | None:
    """"一般检查单位60家" when the line says so; else the first count that is not the pool
    units are drawn from ("名录库共300家")."""
    for pattern in kind.mentions:
        match = pattern.search(text.text, start)
        if match and (count := to_count(match.group("n"))) is not None:
            return Found(count, text, match.start("n"))
    pools = [match.span("n") for pattern in _POOLS for match in pattern.finditer(text.text, start)]
    for match in _COUNT.finditer(text.text, start):
        count = to_count(match.group("n"))
        if count is not None and match.span("n") not in pools:
            return Found(count, text, match.start("n"))
    return None


def _listed_industries(text: Text, start: int) -> tuple[list[re.Match], Found] | None:
    """"重点检查单位：危险化学品企业6家、非煤矿山4家、工贸企业8家" with no count of its own: the
    units are those of the industries listed (two at least), counted by their "共18家" when the
    list ends in one, else by their sum (the first count is only the first industry's)."""
    colon = text.text.find(":", start)
    position = colon + 1 if colon >= 0 else start
    sentence = re.search(r"[。;]", text.text[position:])
    end = position + sentence.start() if sentence else len(text.text)
    industries: list[re.Match] = []
    total = None
    for piece in _INDUSTRY_PIECES.split(text.text[position:end]):
        industry = _INDUSTRY.match(text.text, position, position + len(piece))
        if industry is None:
            total = _LIST_TOTAL.match(text.text, position, position + len(piece))
            break
        industries.append(industry)
        position += len(piece) + 1
    if len(industries) < 2:
        return None
    if total is not None and (count := to_count(total.group("n"))) is not None:
        return industries, Found(count, text, total.start("n"))
    counts = [to_count(industry.group("n")) for industry in industries]
    if None in counts:
        return None
    return industries, Found(sum(counts), text, industries[0].start("name"))


def _industries_after(text: Text, count: Found, arrangement: Arrangement) -> None:
    after = _COUNT.match(text.text, count.offset)
    match = _BREAKDOWN.match(text.text, after.end()) if after else None
    if match is None:
        return
    if match.group("paren") is not None:
        start, end = match.start("paren"), match.end("paren")
    else:
        start = match.end()
        sentence = re.search(r"[。;]|\(", text.text[start:])
        end = start + sentence.start() if sentence else len(text.text)
    position = start
    for piece in _INDUSTRY_PIECES.split(text.text[start:end]):
        industry = _INDUSTRY.match(text.text, position, position + len(piece))
        if industry is None:
            arrangement.industries_partial = arrangement.industries_partial or bool(_COUNT.search(piece))
            break
        _add_industry(text, industry, arrangement)
        position += len(piece) + 1


def _add_industry(text: Text, match: re.Match, arrangement: Arrangement) -> None:
    count = to_count(match.group("n"))
    if count is not None:
        name = text.original(match.start("name"), match.end("name"))
        arrangement.by_industry.append((name, Found(count, text, match.start("name"))))


def find_random(document: Document) -> tuple[Found | None, Found | None]:
    """Where the plan states random selection of units and of officers (双随机 states both)."""
    units = officers = None
    for line in document.lines:
        text = line.text
        if units is None and (match := _RANDOM_UNITS.search(text.text)):
            units = Found(True, text, match.start())
        if officers is None and (match := _RANDOM_OFFICERS.search(text.text)):
            officers = Found(True, text, match.start())
    return units, officers


def find_pool_and_ratio(document: Document, general_section: list[int]) -> tuple[Found | None, Found | None]:
    """The pool and the share, read in the general arrangement section first."""
    order = general_section + [i for i in range(len(document.lines)) if i not in general_section]
    pool = ratio = None
    for index in order:
        text = document.lines[index].text
        if pool is None:
            pool = _pool(text)
        if ratio is None:
            ratio = _ratio(text)
    return pool, ratio


def _pool(text: Text) -> Found | None:
    for pattern in _POOLS:
        match = pattern.search(text.text)
        if match and (count := to_count(match.group("n"))) is not None:
            return Found(count, text, match.start("n"))
    return None


def _ratio(text: Text) -> Found | None:
    match = _RATIO.search(text.text)
    if match:
        group = "r" if match.group("r") else "q"
        value: Decimal | None = to_decimal(match.group(group))
        if value is not None and value <= 100:
            return Found(value, text, match.start(group))
    for value, words in percent_words(text.text):
        if _RATIO_WORDS.search(text.text, 0, words.start()) and value <= 100:
            return Found(value, text, words.start())
    return None


def general_section(document: Document) -> list[int]:
    return _section(document, GENERAL)

"""Officer details beyond N: the per-category breakdown ("其中行政编制3人、专门执法机构事业编制
9人"), and the certified (具有执法资格) and registered (在编) counts that ST002/ST003 compare
with N.

The breakdown follows N's figure: a parenthesis, a 其中 clause or a colon
("…32人：局机关执法人员8人，市…支队24人"), or the note of N's operand in the total's formula
("249日×12人（行政编制3人；专门执法机构事业编制9人）"), or a table of the officers by unit
("科室 | 人数" rows and their 合计, which also states N), or a measurement table with a column
per unit whose officers' row gives each unit's count and, in its 合计 column, N ("项目 | 局机关 |
执法大队 | 合计" over "执法人员（人） | 4 | 6 | 10"). Groups are read one by one while each
piece is a name and a count; a piece that ends in a count but is not read as one makes the
breakdown partial (ST001 then says at most a warning).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from decimal import Decimal

from plan_rules.extract.document import Document
from plan_rules.extract.mentions import Mention
from plan_rules.extract.numbers import CHINESE, DIGITS, to_count
from plan_rules.extract.tables import UNIT_COLUMN
from plan_rules.method import ANY_LABEL
from plan_rules.extract.text import Found, Text

_COUNT = rf"(?P<n>{DIGITS}|{CHINESE})\s*(?:人|名|位)"
_BREAKDOWN = re.compile(r"\s*(?:\((?P<paren>[^()]*)\)|[,:]?\s*其中\s*:?|:)")
_INTRODUCED = re.compile(r"(?:其中|分别为|分别是)\s*:?")
_GROUP = re.compile(rf"^\s*(?P<name>[\u4e00-\u9fff]{{2,24}}?)\s*(?:[:为有共])?\s*{_COUNT}\s*(?:\([^()]*\))?\s*$")
_ENDS_WITH_COUNT = re.compile(rf"{_COUNT}\s*(?:\([^()]*\))?\s*$")
_PIECES = re.compile(r"[;,、]")
_CERTIFIED = (re.compile(rf"(?:具有?|取得|持有?)(?:行政)?执法(?:资格|证件?)(?:的)?(?:人员)?(?:共|有|为)?\s*{_COUNT}"),
              re.compile(rf"有执法资格的人员\s*{_COUNT}"))
_REGISTERED = (re.compile(rf"(?:在编|在册|在岗|实有)(?:在岗)?(?:有执法资格的)?(?:人员|干部职工|职工|干部)(?:共|有|为)?\s*{_COUNT}"),
               re.compile(rf"(?:核定)?编制(?:人数|数)(?:为|是)?\s*{_COUNT}"))

# A table of the officers: a count column ("人数", "执法人员数") and no names of persons (a
# roster, annex.py), under a section about the officers or right after a line that speaks of
# them, so that tables of enterprises or of inspections are never read as staff.
_COUNT_HEADER = re.compile(r"人数|执法人员(?:数|数量)?(?:\(人\))?$")
_ROSTER_HEADER = re.compile(r"姓名|证件|证号")
_OFFICERS_CONTEXT = re.compile(r"执法人员|执法力量|人员(?:情况|配置|配备)")
_TOTAL_CELL = re.compile(r"^\s*(?:合计|总计|共计|小计)\s*$")
_COUNT_CELL = re.compile(rf"^\s*(?P<n>{DIGITS}|{CHINESE})\s*(?:人|名|位)?\s*$")


@dataclass
class Group:
    name: str
    count: int
    text: Text
    offset: int


@dataclass
class Breakdown:
    groups: list[Group] = field(default_factory=list)
    partial: bool = False


def find_groups(text: Text, after: int) -> Breakdown:
    """The breakdown right after N's figure and unit at `after` in `text`, or introduced by
    其中/分别为 later in its sentence ("…11人，占在编人员的84.6%，分别为局机关3人、执法大队8人")."""
    source = text.text
    match = _BREAKDOWN.match(source, after)
    if match is None:
        sentence_end = _clause_end(source, after)
        match = _INTRODUCED.search(source, after, sentence_end)
    if match is None:
        return Breakdown()
    if match.groupdict().get("paren") is not None:
        start, end = match.start("paren"), match.end("paren")
    else:
        start = match.end()
        end = _clause_end(source, start)
    return _groups_in(text, start, end)


def _clause_end(source: str, start: int) -> int:
    """The end of the breakdown: a full stop or semicolon outside parentheses, or a closing
    parenthesis that was opened before it."""
    depth = 0
    for index in range(start, len(source)):
        char = source[index]
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index
            depth -= 1
        elif char in "。;" and depth == 0:
            return index
    return len(source)


def find_groups_in_note(text: Text, start: int, end: int) -> Breakdown:
    return _groups_in(text, start, end)


def _groups_in(text: Text, start: int, end: int) -> Breakdown:
    breakdown = Breakdown()
    position = start
    for piece in _PIECES.split(text.text[start:end]):
        match = _GROUP.match(piece)
        count = to_count(match.group("n")) if match else None
        if count is None:
            breakdown.partial = breakdown.partial or bool(_ENDS_WITH_COUNT.search(piece)) or not breakdown.groups
            break
        offset = position + match.start("name")
        breakdown.groups.append(Group(text.original(offset, offset + len(match.group("name"))), count, text, offset))
        position += len(piece) + 1
    if not breakdown.groups:
        breakdown.partial = False
    return breakdown


@dataclass
class StaffTable:
    breakdown: Breakdown
    total: Mention | None        # the 合计 row: N as the table states it


def find_staff_table(document: Document) -> StaffTable | None:
    for rows in document.tables():
        if not _about_officers(document, rows[0]):
            continue
        header = document.lines[rows[0]]
        count_column = next((position for position, cell in enumerate(header.cells) if _COUNT_HEADER.search(cell.text)), None)
        if count_column is None or _ROSTER_HEADER.search(header.text.text):
            continue
        table = _staff_rows(document, rows[1:], count_column)
        if table.breakdown.groups:
            return table
    for rows in document.tables():
        table = _officers_row_across_units(document, rows)
        if table is not None:
            return table
    return None


def _officers_row_across_units(document: Document, rows: list[int]) -> StaffTable | None:
    """"项目 | 局机关 | 执法大队 | 合计" over "执法人员（人） | 4 | 6 | 10": the row's own words say
    it counts the officers, so no context is needed."""
    header = document.lines[rows[0]].cells
    units = [position for position, cell in enumerate(header) if UNIT_COLUMN.fullmatch(cell.text.strip())]
    total_column = next((position for position, cell in enumerate(header) if _TOTAL_CELL.match(cell.text)), None)
    if len(units) < 2 or total_column is None:
        return None
    for index in rows[1:]:
        cells = document.lines[index].cells
        label = ANY_LABEL.match(cells[0].text.strip()) if cells else None
        if label is None or label.lastgroup != "N" or len(cells) <= max(*units, total_column):
            continue
        table = StaffTable(Breakdown(), None)
        for position in units:
            count = _cell_count(cells[position])
            if count is None:
                return None
            name = header[position]
            table.breakdown.groups.append(Group(name.original(0, len(name.text)).strip(), count[0], cells[position], count[1]))
        total = _cell_count(cells[total_column])
        if total is not None:
            table.total = Mention("N", Decimal(total[0]), index, cells[total_column], total[1], "table", "测算表执法人员行的合计")
        return table


def _cell_count(cell: Text) -> tuple[int, int] | None:
    """A cell's count of people and where it stands."""
    match = _COUNT_CELL.match(cell.text)
    count = to_count(match.group("n")) if match else None
    return (count, match.start("n")) if count is not None else None
    return None


def _about_officers(document: Document, first_row: int) -> bool:
    before = next((line for line in reversed(document.lines[:first_row]) if line.text.text.strip()), None)
    heading = document.section_of[first_row] if first_row < len(document.section_of) else None
    return bool(before is not None and _OFFICERS_CONTEXT.search(before.text.text)
                or heading is not None and _OFFICERS_CONTEXT.search(heading.title))


def _staff_rows(document: Document, rows: list[int], count_column: int) -> StaffTable:
    table = StaffTable(Breakdown(), None)
    for index in rows:
        cells = document.lines[index].cells
        name_cell = next((cell for position, cell in enumerate(cells)
                          if position != count_column and cell.text.strip() and not cell.text.strip().isdigit()), None)
        count = _COUNT_CELL.match(cells[count_column].text) if count_column < len(cells) else None
        value = to_count(count.group("n")) if count else None
        if name_cell is None or value is None:
            table.breakdown.partial = table.breakdown.partial or bool(table.breakdown.groups)
            continue
        name = name_cell.text.strip()
        group = Group(name_cell.original(0, len(name_cell.text)).strip(), value, cells[count_column], count.start("n"))
        if _TOTAL_CELL.match(name):
            table.total = Mention("N", Decimal(value), index, cells[count_column], count.start("n"), "table", "人员表合计")
        else:
            table.breakdown.groups.append(group)
    return table


def find_certified(texts: list[Text]) -> Found | None:
    return _first_count(texts, _CERTIFIED)


def find_registered(texts: list[Text]) -> Found | None:
    return _first_count(texts, _REGISTERED)


def _first_count(texts: list[Text], patterns) -> Found | None:
    for text in texts:
        for pattern in patterns:
            for match in pattern.finditer(text.text):
                count = to_count(match.group("n"))
                if count is not None:
                    return Found(count, text, match.start("n"))
    return None

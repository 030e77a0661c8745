"""Annexes: references ("详见附表1《…》"), whether the annex is included, and the lists the
included annexes hold — the key-unit list (序号/单位名称/行业/检查时间/执法人员), the general
list, and the enforcement roster (执法人员名单, ST004). A schedule may be a column of times
("3月、9月", "2023年3月15日", "第二季度") or a grid of months or quarters with a mark per visit.

An annex is included when a line that starts with its label (and at most its title) is
followed by its content: a table, a list of names, or lines of text; "附表2：执法人员名单
（略）" is not. A line that lists several labels is a list of references, and a label at the
very top of the text, above the plan's title, is the document's own label ("附件1" on a
notice's enclosure), not a reference to a missing annex (docs/rules/DC003.md). Which list a table
is comes from the annex's title or the heading above it (重点 → key, 一般/随机 → general,
名单 with a 姓名 column → roster), never from its number alone.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from plan_rules.extract.document import Document
from plan_rules.extract.numbers import to_count, to_days
from plan_rules.extract.text import Found, Text

_REFERENCE = re.compile(r"附\s*(?P<kind>表|件)\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})(?!\d)\s*[:.、]?\s*"
                        r"(?:《(?P<quoted>[^《》]+)》|(?P<plain>[^《》。;,\t()]{2,40}?(?:计划表|名单表|表|名单|清单|计划|目录)))?")
_LABEL_LINE = re.compile(r"^\s*附\s*(?:表|件)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?!\d)")
_OMITTED = re.compile(r"[(（]\s*略\s*[)）]\s*$|略\s*$")
_ANNEX_LINE_MAX = 48
_HEADING_REACH = 3
_COLUMNS = (   # first match wins, per header cell
    ("seq", re.compile(r"序号|编号")),
    ("name", re.compile(r"单位名称|企业名称|被检查单位|检查对象|单位|企业")),
    ("person", re.compile(r"姓名")),
    ("officers", re.compile(r"执法人员|检查人员|人员数|人数")),
    ("month", re.compile(r"月份|检查时间|计划时间|时间|月")),
    ("date", re.compile(r"日期")),
    ("days", re.compile(r"天数|工作日")),
    ("industry", re.compile(r"行业|类别|类型")),
    ("reason", re.compile(r"理由|原因|列入依据|重点依据")),
    ("justification", re.compile(r"不安排|未安排|说明")),
)
_MONTH = re.compile(r"(?:(20\d{2})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_BARE_MONTHS = re.compile(r"^\s*\d{1,2}(?:\s*[、,和/]\s*\d{1,2})*\s*$")
_YEAR_DATE = re.compile(r"(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})")
_PERIOD = re.compile(r"季度|上半年|下半年|全年|年内|每月|每季")
# A schedule set out as a grid: a column per month ("1月" … "12月") or quarter, a mark in the
# cell of each visit (√, ●, "检查" …); an empty, "×" or "—" cell is none.
_GRID_MONTH = re.compile(r"^\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?\s*$")
_GRID_QUARTER = re.compile(r"^\s*第?\s*([1-4一二三四])\s*季度?\s*$")
_NO_MARK = re.compile(r"^\s*(?:[×✗✘xX\-—/0○]|无|否)?\s*$")
# A schedule that says no time is set: the unit has no visit (KI004). Any other text that
# reads as no time is not understood, and KI004 is then only a warning.
_UNSCHEDULED = re.compile(r"视情|待定|另行|根据[^。]*安排|不定期")
_NAMES = re.compile(r"[、,;\s]+")
_PERSON_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_ROSTER_ENTRY = re.compile(r"^\s*(?:[-•·*]\s*|\d{1,3}[.、]\s*)?(?P<name>[\u4e00-\u9fff·]{2,4})\s*(?:\([^()]*\))?\s*$")
_TOTAL_ROW = re.compile(r"^\s*(?:合计|总计|小计)")


@dataclass
class AnnexRef:
    label: str
    title: str | None
    found: Found
    provided: bool = False


@dataclass
class UnitRow:
    name: str
    found: Found | None
    industry: str | None = None
    reason: str | None = None
    justification: str | None = None
    visits: list[dict] = field(default_factory=list)          # month, date, officers, days
    visit_places: list[tuple[Found | None, Found | None]] = field(default_factory=list)
    schedule_unread: bool = False      # its schedule cell says something that was not read as a time


@dataclass
class Annexes:
    references: list[AnnexRef] = field(default_factory=list)
    key_units: list[UnitRow] | None = None
    general_units: list[UnitRow] | None = None
    roster: Found | None = None


def find_annexes(document: Document, year: int | None, title_index: int | None) -> Annexes:
    annexes = Annexes()
    by_label: dict[str, AnnexRef] = {}
    lines = document.lines
    for index, line in enumerate(lines):
        if line.is_row or _own_label(document, index, title_index):
            continue
        for match in _REFERENCE.finditer(line.text.text):
            _reference(annexes, by_label, line.text, match)
    for index, line in enumerate(lines):
        if not line.is_row and _annex_heading(document, index):
            label = _label_of(line.text.text)
            if label in by_label:
                by_label[label].provided = True
    for rows in document.tables(across_text=True):
        _read_table(document, rows, by_label, annexes, year)
    if annexes.roster is None:
        annexes.roster = _roster_list(document)
    return annexes


def _reference(annexes: Annexes, by_label: dict[str, AnnexRef], text: Text, match: re.Match) -> None:
    label = f"附{match.group('kind')}{match.group('n')}"
    title = match.group("quoted") or match.group("plain")
    if label not in by_label:
        by_label[label] = AnnexRef(label, None, Found(label, text, match.start()))
        annexes.references.append(by_label[label])
    if by_label[label].title is None and title:
        start = match.start("quoted") if match.group("quoted") else match.start("plain")
        by_label[label].title = text.original(start, start + len(title)).strip()


def _own_label(document: Document, index: int, title_index: int | None) -> bool:
    """"附件1" above the plan's title: this document is that enclosure."""
    text = document.lines[index].text.text
    return (title_index is not None and index < title_index and bool(_LABEL_LINE.match(text))
            and len(_REFERENCE.findall(text)) == 1 and len(text.strip()) <= 6)


def _label_of(text: str) -> str | None:
    match = _REFERENCE.search(text)
    return f"附{match.group('kind')}{match.group('n')}" if match else None


def _annex_heading(document: Document, index: int) -> bool:
    """A line that starts with one label and at most a title, followed by the annex's content."""
    text = document.lines[index].text.text.strip()
    if not _LABEL_LINE.match(text) or len(text) > _ANNEX_LINE_MAX or len(_REFERENCE.findall(text)) != 1:
        return False
    if _OMITTED.search(text) or text.endswith("。"):
        return False
    following = next((document.lines[after] for after in range(index + 1, len(document.lines))
                      if document.lines[after].is_row or document.lines[after].text.text.strip()), None)
    if following is None:
        return False
    return following.is_row or not _LABEL_LINE.match(following.text.text)


def _read_table(document: Document, rows: list[int], by_label, annexes: Annexes, year) -> None:
    context = _table_context(document, rows)
    label = next((f"附{m.group('kind')}{m.group('n')}" for m in _REFERENCE.finditer(context)), None)
    reference = by_label.get(label) if label else None
    if reference is not None:
        reference.provided = True
    header_index, columns = _header(document, rows)
    if columns is None:
        return
    described = context + (reference.title or "" if reference else "")
    body = [document.lines[index] for index in rows if index > header_index]
    if "person" in columns:
        names = [row for row in body if _cell(row, columns, "person")]
        if names:
            annexes.roster = Found(len(names), names[0].cells[columns["person"]], 0)
        return
    if "name" not in columns:
        return
    units = [unit for row in body if (unit := _unit(row, columns, year)) is not None]
    if "重点" in described and annexes.key_units is None:
        annexes.key_units = units
    elif re.search(r"一般|随机", described) and annexes.general_units is None:
        annexes.general_units = units


def _table_context(document: Document, rows: list[int]) -> str:
    """The title row(s) of the table and the few lines just above it."""
    title_rows = "".join(document.lines[index].text.text for index in rows[:2]
                         if len([c for c in document.lines[index].cells if c.text]) == 1)
    start = rows[0]
    above = [line.text.text for line in document.lines[max(0, start - _HEADING_REACH):start] if not line.is_row]
    heading = next((text for text in reversed(above) if _REFERENCE.match(text.strip())), "")
    nearest = above[-1] if above else ""
    return title_rows + heading + nearest


def _header(document: Document, rows: list[int]) -> tuple[int, dict[str, int] | None]:
    """The header row and each column's role; a grid's columns are "month:3", "quarter:2"."""
    for index in rows[:3]:
        columns: dict[str, int] = {}
        for position, cell in enumerate(document.lines[index].cells):
            grid = _GRID_MONTH.match(cell.text) or _GRID_QUARTER.match(cell.text)
            if grid:
                number = to_count(grid.group(1))
                columns[f"{'month' if grid.re is _GRID_MONTH else 'quarter'}:{number}"] = position
                continue
            for name, pattern in _COLUMNS:
                if name not in columns and pattern.search(cell.text):
                    columns[name] = position
                    break
        if "name" in columns or "person" in columns:
            return index, columns
    return rows[0], None


def _cell(row, columns: dict[str, int], name: str) -> str:
    position = columns.get(name)
    return row.cells[position].text if position is not None and position < len(row.cells) else ""


def _cell_found(row, columns, name: str, value) -> Found | None:
    position = columns.get(name)
    if position is None or position >= len(row.cells):
        return None
    return Found(value, row.cells[position], 0)


def _unit(row, columns, year) -> UnitRow | None:
    name_cell = row.cells[columns["name"]] if columns["name"] < len(row.cells) else None
    name = name_cell.original(0, len(name_cell.text)).strip() if name_cell is not None else ""
    if not name or _TOTAL_ROW.match(name) or _TOTAL_ROW.match(row.text.text):
        return None
    unit = UnitRow(name, Found(name, name_cell, 0), industry=_cell(row, columns, "industry") or None,
                   reason=_cell(row, columns, "reason") or None, justification=_cell(row, columns, "justification") or None)
    officers = _officers(_cell(row, columns, "officers"))
    days_text = _cell(row, columns, "days")
    days = to_days(days_text.rstrip("天日")) if days_text else None
    month_place = _cell_found(row, columns, "month", None) or _cell_found(row, columns, "date", None)
    officers_place = _cell_found(row, columns, "officers", officers)
    grid = [(key, position) for key, position in columns.items() if key.startswith(("month:", "quarter:"))]
    if grid:
        visits = [(int(key[6:]) if key.startswith("month:") else None, None, row.cells[position])
                  for key, position in grid if position < len(row.cells) and not _NO_MARK.match(row.cells[position].text)]
        schedule = [(month, date) for month, date, _ in visits]
        places = [Found(None, cell, 0) for _, _, cell in visits]
    else:
        schedule = _schedule(_cell(row, columns, "month"), _cell(row, columns, "date"), year)
        places = [month_place] * len(schedule)
        written = f"{_cell(row, columns, 'month')}{_cell(row, columns, 'date')}".strip()
        unit.schedule_unread = not schedule and bool(written) and not _UNSCHEDULED.search(written)
    for (month, date), place in zip(schedule, places):
        unit.visits.append({"month": month, "date": date, "officers": officers, "days": days})
        unit.visit_places.append((place, officers_place))
    return unit


def _schedule(month_text: str, date_text: str, year: int | None) -> list[tuple[int | None, dt.date | None]]:
    """(month, date) of each visit a row schedules: "3月", "3月、9月", "3、9", "2023年3月15日",
    "2026年1月" (another year: its first day stands for it); "第二季度" is a visit at an open
    time; "视情安排" or nothing schedules none."""
    text = f"{month_text} {date_text}".strip()
    visits = []
    for match in _YEAR_DATE.finditer(text):
        visits.append((int(match.group(2)), _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))))
    if visits:
        return visits
    for match in _MONTH.finditer(text):
        month_year = int(match.group(1)) if match.group(1) else year
        month = int(match.group(2))
        if match.group(1) and year and month_year != year:
            visits.append((month, _date(month_year, month, 1)))
        else:
            visits.append((month, _date(year, month, int(match.group(3))) if match.group(3) and year else None))
    if not visits and _BARE_MONTHS.match(month_text):
        visits = [(int(number), None) for number in re.findall(r"\d{1,2}", month_text)]
    if not visits and _PERIOD.search(text):
        visits = [(None, None)]        # scheduled, but not by month ("第二季度")
    return visits


def _date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _officers(text: str) -> int | None:
    """"2"、"2人" → 2; a list of names ("张三、李四") → how many names."""
    text = text.strip()
    if not text:
        return None
    number = re.fullmatch(r"(\d{1,3}|[一二两三四五六七八九十])\s*(?:人|名)?", text)
    if number:
        return to_count(number.group(1))
    names = [name for name in _NAMES.split(text) if name]
    return len(names) if names and all(_PERSON_NAME.fullmatch(name) for name in names) else None


def _roster_list(document: Document) -> Found | None:
    """A roster written as a list under its heading ("附表2 行政执法人员名单" then one name a line)."""
    lines = document.lines
    for index, line in enumerate(lines):
        if line.is_row or not re.search(r"执法(?:人员|小组)名单", line.text.text) or len(line.text.text) > _ANNEX_LINE_MAX:
            continue
        if not _LABEL_LINE.match(line.text.text) and not re.match(r"^\s*(?:执法|行政执法)", line.text.text):
            continue
        names = []
        for following in lines[index + 1:]:
            entry = _ROSTER_ENTRY.match(following.text.text) if not following.is_row else None
            if entry is None:
                break
            names.append(following)
        if names:
            return Found(len(names), names[0].text, 0)
    return None

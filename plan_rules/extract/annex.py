"""Annexes: references ("详见附表1《…检查计划表》"), whether the annex is included, and the
tables of included annexes — the key-unit list (附表1: 序号/单位名称/行业/检查时间/执法人员),
the general list, and the enforcement-team roster (执法小组名单, ST004).

An annex counts as included when a table follows a line headed with its label, or when its
label is in the table's title row. Which list a table is comes from the annex's title or
heading (重点 → key, 一般/随机 → general, 名单 with a 姓名 column → roster), never from its
number alone.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from plan_rules.extract.figures import Found
from plan_rules.extract.lines import LogicalLine
from plan_rules.extract.numbers import to_count, to_days

_REFERENCE = re.compile(r"附\s*(?P<kind>表|件)\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})(?!\d)\s*[:：.、]?\s*"
                        r"(?:《(?P<quoted>[^《》]+)》|(?P<plain>[^《》。;；,，\t()]{2,40}?(?:计划表|名单表|表|名单|清单|计划|目录)))?")
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
_MONTH = re.compile(r"(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_BARE_MONTHS = re.compile(r"^\s*\d{1,2}(?:\s*[、,，和/]\s*\d{1,2})*\s*$")
_YEAR_DATE = re.compile(r"(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})")
_NAMES = re.compile(r"[、,，;；\s]+")
_PERSON_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")
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
    found: Found
    industry: str | None = None
    reason: str | None = None
    justification: str | None = None
    visits: list[dict] = field(default_factory=list)          # month, date, officers, days
    visit_places: list[tuple[Found | None, Found | None]] = field(default_factory=list)


@dataclass
class Annexes:
    references: list[AnnexRef] = field(default_factory=list)
    key_units: list[UnitRow] | None = None
    general_units: list[UnitRow] | None = None
    roster: Found | None = None


def find_annexes(lines: list[LogicalLine], year: int | None) -> Annexes:
    annexes = Annexes()
    by_label: dict[str, AnnexRef] = {}
    for line in lines:
        if line.cells:
            continue
        for match in _REFERENCE.finditer(line.text):
            label = f"附{match.group('kind')}{match.group('n')}"
            title = match.group("quoted") or match.group("plain")
            if label not in by_label:
                by_label[label] = AnnexRef(label, None, Found(label, line, match.start()))
                annexes.references.append(by_label[label])
            if by_label[label].title is None and title:
                start = match.start("quoted") if match.group("quoted") else match.start("plain")
                by_label[label].title = line.raw[start:start + len(title)].strip()
    for table in _tables(lines):
        _read_table(lines, table, by_label, annexes, year)
    return annexes


def _tables(lines: list[LogicalLine]) -> list[list[LogicalLine]]:
    tables: list[list[LogicalLine]] = []
    for line in lines:
        if not line.cells:
            continue
        if tables and tables[-1][-1].table == line.table:
            tables[-1].append(line)
        else:
            tables.append([line])
    return tables


def _read_table(lines, table, by_label, annexes: Annexes, year) -> None:
    context = _table_context(lines, table)
    label = next((f"附{m.group('kind')}{m.group('n')}" for m in _REFERENCE.finditer(context)), None)
    reference = by_label.get(label) if label else None
    if reference is not None:
        reference.provided = True
    header_index, columns = _header(table)
    if columns is None:
        return
    described = context + (reference.title or "" if reference else "")
    rows = table[header_index + 1:]
    if "person" in columns and "name" not in columns:
        names = [row for row in rows if _cell(row, columns, "person")]
        if names:
            annexes.roster = Found(len(names), names[0], 0)
        return
    if "name" not in columns:
        return
    units = [unit for row in rows if (unit := _unit(row, columns, year)) is not None]
    if "重点" in described and annexes.key_units is None:
        annexes.key_units = units
    elif re.search(r"一般|随机", described) and annexes.general_units is None:
        annexes.general_units = units


def _table_context(lines, table) -> str:
    """The title row(s) of the table and the few lines just above it."""
    title_rows = "".join(row.text for row in table[:2] if len(row.cell_texts()) == 1 or _REFERENCE.search(row.text))
    index = next(i for i, line in enumerate(lines) if line is table[0])
    above = [line.text for line in lines[max(0, index - _HEADING_REACH):index] if line.text.strip() and not line.cells]
    heading = next((text for text in reversed(above) if _REFERENCE.match(text.strip())), "")
    return title_rows + heading


def _header(table) -> tuple[int, dict[str, int] | None]:
    for index, row in enumerate(table[:3]):
        columns: dict[str, int] = {}
        for position, text in enumerate(row.cell_texts()):
            for name, pattern in _COLUMNS:
                if name not in columns and pattern.search(text):
                    columns[name] = position
                    break
        if "name" in columns or "person" in columns:
            return index, columns
    return 0, None


def _cell(row: LogicalLine, columns: dict[str, int], name: str, normalized: bool = False) -> str:
    texts = row.cell_texts(normalized)
    position = columns.get(name)
    return texts[position] if position is not None and position < len(texts) else ""


def _cell_found(row: LogicalLine, columns, name: str, value) -> Found | None:
    position = columns.get(name)
    if position is None or position >= len(row.cells):
        return None
    return Found(value, row, row.cell_offsets()[position])


def _unit(row: LogicalLine, columns, year) -> UnitRow | None:
    name = _cell(row, columns, "name")
    if not name or _TOTAL_ROW.match(name) or _TOTAL_ROW.match(row.text):
        return None
    unit = UnitRow(name, _cell_found(row, columns, "name", name),
                   industry=_cell(row, columns, "industry") or None, reason=_cell(row, columns, "reason") or None,
                   justification=_cell(row, columns, "justification") or None)
    officers = _officers(_cell(row, columns, "officers", True))
    days_text = _cell(row, columns, "days", True)
    days = to_days(days_text) if days_text else None
    month_place = _cell_found(row, columns, "month", None) or _cell_found(row, columns, "date", None)
    officers_place = _cell_found(row, columns, "officers", officers)
    schedule = _schedule(_cell(row, columns, "month", True), _cell(row, columns, "date", True), year)
    for month, date in schedule:
        unit.visits.append({"month": month, "date": date, "officers": officers, "days": days})
        unit.visit_places.append((month_place, officers_place))
    return unit


def _schedule(month_text: str, date_text: str, year: int | None) -> list[tuple[int | None, dt.date | None]]:
    """(month, date) of each visit a row schedules: "3月", "3月、9月", "3、9", "2023年3月15日"."""
    text = f"{month_text} {date_text}".strip()
    visits = []
    for match in _YEAR_DATE.finditer(text):
        try:
            date = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            date = None
        visits.append((int(match.group(2)), date))
    if visits:
        return visits
    for match in _MONTH.finditer(text):
        date = None
        if match.group(2) and year:
            try:
                date = dt.date(year, int(match.group(1)), int(match.group(2)))
            except ValueError:
                date = None
        visits.append((int(match.group(1)), date))
    if not visits and _BARE_MONTHS.match(month_text):
        visits = [(int(number), None) for number in re.findall(r"\d{1,2}", month_text)]
    if not visits and text:
        visits = [(None, None)]        # scheduled, but not by month ("第二季度")
    return visits


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

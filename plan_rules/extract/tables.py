"""Workday tables: Word tables, PDF tables and text tables (pipe, tab, space-aligned) that list
items, totals and figures.

Their shapes, all read by one procedure:
- a table under a category heading: "序号 | 事项 | 工作日 [| 备注]" rows, then a 合计 row;
- one table for both categories with a 类别 column (merged vertically over its items) or with
  section rows ("（一）其他执法工作日") before its items, and 小计 rows;
- a summary table of figures ("总法定工作日（248日×10人） | 2480 | 100%",
  "（三）监督检查工作日 | 15,000－4,800－6,900 | 3,300", "其中：重点检查工作日（70.0%） | 2,310").

The header names the columns; a note column ("备注", "测算依据": "每人18天", "11个镇") is
never read as days, and a share column's header names its base ("占总法定工作日").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from plan_rules.extract.categories import Item, ItemList, Split, Splits, read_splits
from plan_rules.extract.document import Document
from plan_rules.extract.formulas import Formula, Term, _expression
from plan_rules.extract.layout import Line
from plan_rules.extract.mentions import Mention
from plan_rules.extract.numbers import to_decimal
from plan_rules.extract.percentages import Percent
from plan_rules.extract.text import Text
from plan_rules.method import ANY_LABEL

_HEADER_WORDS = {
    "seq": re.compile(r"^(?:序号|编号)$"),
    "category": re.compile(r"^(?:类别|类型|分类)$"),
    "days": re.compile(r"工作日|天数|工作量|日数|^(?:合计|总计)$"),
    "share": re.compile(r"^占|比例|占比|%"),
    "note": re.compile(r"备注|测算依据|依据|说明|计算方法"),
    "label": re.compile(r"事项|项目|内容|名称"),
}
_TOTAL_COLUMN = re.compile(r"合计|小计|总计")
# A column of one unit of the bureau ("局机关", "执法大队"); officers.py reads staff tables by it too.
UNIT_COLUMN = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:科|室|处|队|大队|支队|总队|中心|站|所|股|组|办|分局|机关)")
# A table's short names for figures, in a row of their own with the days beside them.
_ROW_NAMES = {"重点检查": "K", "一般检查": "G", "机动检查": "R", "双随机检查": "G", "双随机抽查": "G",
              "监督检查": "S", "其他执法工作": "O", "非执法工作": "X"}
# "重点检查占比 | | | 70%": a row of the share alone.
_ROW_NAME = re.compile(r"(?P<name>" + "|".join(_ROW_NAMES) + r")\s*(?:\([^()]*\))?\s*(?:所?占比例?|比例)?\s*")
_TOTAL_CELL = re.compile(r"^(?:合计|小计|总计|共计|总 计|合 计)$")
_NUMBER_CELL = re.compile(r"^\s*(?P<n>\d+(?:\.\d+)?)\s*(?:个工作日|工作日|人日|日|天|个)?\s*$")
_PERCENT_CELL = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*%")
_SEQ_CELL = re.compile(r"^\s*\d{1,3}\s*$")
_LEAD = re.compile(r"^(?:其中\s*:?|\d+[.、]|\(\s*[一二三四五六七八九十]+\s*\)|[一二三四五六七八九十]+、)\s*")
_BASES = {"S": "supervision", "T": "total"}
_SUBJECTS = {"K": "key", "G": "general", "R": "reserve", "S": "supervision", "O": "other_enforcement", "X": "non_enforcement"}


@dataclass
class TableReading:
    lists: list[ItemList] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    percents: list[Percent] = field(default_factory=list)
    formulas: list[Formula] = field(default_factory=list)


def read_tables(document: Document) -> TableReading:
    reading = TableReading()
    for rows in document.tables():
        _read_table(document, rows, reading)
    return reading


def _columns(line: Line) -> dict[str, int] | None:
    roles: dict[str, int] = {}
    for position, cell in enumerate(line.cells):
        for role, pattern in _HEADER_WORDS.items():
            if role not in roles and pattern.search(cell.text):
                roles[role] = position
                break
    days = [position for position, cell in enumerate(line.cells)
            if _HEADER_WORDS["days"].search(cell.text) and not _HEADER_WORDS["share"].search(cell.text)]
    if len(days) > 1:          # "人数 | 人均天数 | 合计工作日": the item's total, not a per-person figure
        roles["days"] = max(days, key=lambda position: (bool(_TOTAL_COLUMN.search(line.cells[position].text)),
                                                        "人均" not in line.cells[position].text, position))
    for position, cell in enumerate(line.cells):    # "事项 | 局机关 | 执法大队 | 合计": each unit's share
        if position not in roles.values() and UNIT_COLUMN.fullmatch(cell.text):
            roles[f"unit:{cell.original(0, len(cell.text)).strip()}"] = position
    return roles if ("days" in roles or "label" in roles) and "单位名称" not in line.text.text and "姓名" not in line.text.text else None


def _read_table(document: Document, rows: list[int], reading: TableReading) -> None:
    header = _header(document, rows)
    if header is None and not any(_figure_row(document.lines[index]) for index in rows):
        return
    header_index, columns = header if header else (rows[0] - 1, {})
    section = document.figure_section(rows[0])
    current = ItemList(section[0], "table") if len(section) == 1 and section[0] in ("O", "X") else None
    for index in rows:                   # a title row above the header: "其他执法工作日测算表"
        if index < header_index and (opened := _section_row(document.lines[index])):
            current = ItemList(opened, "table")
    share_base = _share_base(document.lines[header_index].cells[columns["share"]].text) if header and "share" in columns else None
    for index in rows:
        if index <= header_index:
            continue
        line = document.lines[index]
        if _total_row(line):
            if current is not None:
                _add_total(current, line, index, columns)
            continue
        opened = _section_row(line)
        if opened:                                    # "（一）其他执法工作日"
            current = ItemList(opened, "table")
            continue
        figure = _figure_row(line)
        if figure:                                    # "其他执法工作日 | 760 | 30.65%"
            _read_figure_row(line, index, figure, columns, share_base, reading)
            if figure[1] in ("O", "X"):               # "一 | 其他执法工作日 | 1800" heads its items
                current = ItemList(figure[1], "table")
            continue
        category = _category(line, columns)
        if category and (current is None or current.category != category):
            current = ItemList(category, "table")
        if current is not None and _item_row(line, columns):
            if current not in reading.lists:
                reading.lists.append(current)
            current.items.append(_item(line, index, columns))


def _header(document: Document, rows: list[int]) -> tuple[int, dict[str, int]] | None:
    """The header row and its columns' roles. A header set over two rows ("类别 | 工作日（天）"
    merged across its columns, over "局机关 | 执法支队 | 合计") takes its roles from the lower
    row where it names them: the merged cell's words repeat over every column it spans."""
    found = next(((index, columns) for index in rows[:3] if not _title_row(document.lines[index])
                  and (columns := _columns(document.lines[index])) is not None), None)
    if found is None:
        return None
    index, columns = found
    below = document.lines[index + 1] if index + 1 in rows else None
    if below is None or any(_NUMBER_CELL.match(cell.text) or _PERCENT_CELL.search(cell.text) for cell in below.cells):
        return found
    lower = _columns(below)
    if lower is None or not any(role.startswith("unit:") for role in lower):
        return found
    return index + 1, {**{role: position for role, position in columns.items() if position not in lower.values()}, **lower}


def _title_row(line: Line) -> bool:
    return len([cell for cell in line.cells if cell.text]) == 1


def _section_row(line: Line) -> str | None:
    texts = [cell.text for cell in line.cells if cell.text]
    if len(texts) != 1:
        return None
    label = ANY_LABEL.search(texts[0], _lead(texts[0]))
    return label.lastgroup if label and label.lastgroup in ("O", "X") and label.start() <= _lead(texts[0]) + 1 else None


def _category(line: Line, columns: dict[str, int]) -> str | None:
    """The category a row's 类别 cell (or first cell, ahead of a numbered item) names."""
    cells = line.cells
    candidates = [cells[columns["category"]]] if "category" in columns and columns["category"] < len(cells) else cells[:1]
    for cell in candidates:
        label = ANY_LABEL.search(cell.text[_lead(cell.text):])
        if label and label.lastgroup in ("O", "X") and label.start() <= 2:
            return label.lastgroup
    return None


def _lead(text: str) -> int:
    match = _LEAD.match(text)
    return match.end() if match else 0


def _total_row(line: Line) -> bool:
    return any(_TOTAL_CELL.match(cell.text.replace(" ", "")) for cell in line.cells[:3])


def _figure_row(line: Line) -> tuple[Text, str, int] | None:
    """A row that states a figure: its only text cell starts with a figure's wording (or is a
    table's short name for it: "重点检查 | 700 | 70%") and another cell holds a number
    ("其他执法工作日 | 760 | 30.65%"); the cell, the figure's key and where its wording ends. A
    row whose first cell names a category ahead of an item ("其他执法工作日 | 1 | 开展…综合监管 |
    200") is no such row."""
    texts = [cell for cell in line.cells if re.search(r"[\u4e00-\u9fff]{2}", cell.text)]
    if len(texts) != 1 or not any(_NUMBER_CELL.match(cell.text) or _PERCENT_CELL.fullmatch(cell.text.strip())
                                  for cell in line.cells):
        return None
    cell = texts[0]
    lead = _lead(cell.text)
    short = _ROW_NAME.fullmatch(cell.text, lead)
    if short:
        return cell, _ROW_NAMES[short.group("name")], short.end("name")
    label = ANY_LABEL.match(cell.text, lead) or ANY_LABEL.match(cell.text, min(lead + 1, len(cell.text)))
    return (cell, label.lastgroup, label.end()) if label is not None and label.lastgroup != "N" else None


def _item_row(line: Line, columns) -> bool:
    if "seq" in columns and columns["seq"] < len(line.cells):
        return bool(_SEQ_CELL.match(line.cells[columns["seq"]].text))
    first = 1 if _category(line, columns) else 0
    return first < len(line.cells) and bool(_SEQ_CELL.match(line.cells[first].text))


def _label_cell(line: Line, columns) -> Text | None:
    if "label" in columns and columns["label"] < len(line.cells) and line.cells[columns["label"]].text:
        return line.cells[columns["label"]]
    skip = {columns.get("seq"), columns.get("category")}
    for position, cell in enumerate(line.cells):
        if position not in skip and re.search(r"[\u4e00-\u9fff]{2}", cell.text) and not _TOTAL_CELL.match(cell.text) \
                and not (position == 0 and _category(line, columns)):
            return cell
    return None


def _days_cell(line: Line, columns) -> Text | None:
    if "days" in columns and columns["days"] < len(line.cells):
        return line.cells[columns["days"]]
    skip = {columns.get("seq"), columns.get("note"), columns.get("share")}
    numeric = [cell for position, cell in enumerate(line.cells) if position not in skip and _NUMBER_CELL.match(cell.text)]
    return numeric[-1] if numeric else None


def _item(line: Line, index: int, columns) -> Item:
    label = _label_cell(line, columns)
    days = _days_cell(line, columns)
    value = _NUMBER_CELL.match(days.text) if days is not None else None
    text = label if label is not None else line.text
    item = Item(text.original(0, len(text.text)).strip(), None, text, index, 0)
    if value:
        item.days, item.days_offset, item.days_text = to_decimal(value.group("n")), value.start("n"), days
    splits_at = text.text.find("其中")
    if splits_at >= 0:
        item.splits = read_splits(text, splits_at + 2, len(text.text))
    item.splits.parts += _unit_shares(line, columns)
    return item


def _unit_shares(line: Line, columns) -> list[Split]:
    """The shares in the units' columns of a row."""
    shares = []
    for role, position in columns.items():
        if role.startswith("unit:") and position < len(line.cells):
            value = _NUMBER_CELL.match(line.cells[position].text)
            if value:
                shares.append(Split(role[5:], to_decimal(value.group("n")), value.start("n"), line.cells[position]))
    return shares


def _add_total(current: ItemList, line: Line, index: int, columns) -> None:
    cell = _days_cell(line, columns)
    value = _NUMBER_CELL.match(cell.text) if cell is not None else None
    shares = _unit_shares(line, columns)
    if shares and current.total_splits is None:
        current.total_splits = Splits(shares)
    if value:
        current.totals.append(Mention(current.category, to_decimal(value.group("n")), index, cell, value.start("n"),
                                      "section-total", f"表中“{line.text.text.strip()}”行"))


def _share_base(header: str) -> str | None:
    label = ANY_LABEL.search(header)
    return _BASES.get(label.lastgroup) if label else None


def _read_figure_row(line: Line, index: int, figure, columns, share_base, reading: TableReading) -> None:
    """"总法定工作日（248日×10人） | 2480 | 100%", "（三）监督检查工作日 | 15,000－4,800－6,900 |
    3,300", "其中：重点检查工作日（70.0%） | 2,310"."""
    cell, key, label_end = figure
    value_cell = _days_cell(line, columns)
    value = _NUMBER_CELL.match(value_cell.text) if value_cell is not None and value_cell is not cell else None
    if value is not None:
        result = to_decimal(value.group("n"))
        reading.mentions.append(Mention(key, result, index, value_cell, value.start("n"), "table",
                                        f"表中“{cell.text}”一行"))
    for other in line.cells:
        if value is not None and other is value_cell:
            continue
        expression = _expression_in(other, cell, label_end) if value is not None else None
        if expression:
            reading.formulas.append(_table_formula(other, index, expression, result, value_cell, value, key))
        percent = _PERCENT_CELL.search(other.text)
        if percent and key in _SUBJECTS:
            base = share_base if other is not cell else None
            reading.percents.append(Percent(_SUBJECTS[key], Decimal(percent.group("n")), base, "named" if base else "",
                                            index, other, percent.start("n")))


def _expression_in(cell: Text, label_cell: Text, label_end: int) -> tuple[int, list[Term]] | None:
    """Arithmetic in a cell of the row: the whole cell, or the label's parenthesis."""
    if cell is label_cell:
        inner = re.match(r"\s*\((?P<e>[^()]*)\)", cell.text[label_end:])
        if not inner:
            return None
        start = label_end + inner.start("e")
        terms = _expression(cell.text, start, label_end + inner.end("e"))
    else:
        start = 0
        terms = _expression(cell.text, 0, len(cell.text))
    if terms and len(terms) >= 2 and all(term.value is not None for term in terms):
        return start, terms
    return None


def _table_formula(cell: Text, index: int, expression, result: Decimal, value_cell: Text, value, key: str) -> Formula:
    start, terms = expression
    end = terms[-1].offset + len(str(terms[-1].value)) + len(terms[-1].unit)
    return Formula(cell, index, start, end, terms, result, value.start("n"), key, "label",
                   ["" for _ in terms], result_text=value_cell)

"""Workday items: the numbered entries under the 其他执法工作日 and 非执法工作日 headings.

Items are recorded under the heading the document files them under, even when they belong
to the other category (the seed swaps the two lists; WD003 reports that). An item keeps its
label as printed; its days are the number after the label (or the result of a formula
there, or the figure after 共/合计), None when it has none ("窗口办理"); per-unit splits
follow 其中. A section ends at a marker of the heading's level or above, at the other
category's heading, or at a line that is neither an item nor a total.

Tables come in two layouts: heading rows ("一 | 其他执法工作日 | 1456") followed by item
rows ("1 | 机关值班 | 432"), or a category column repeated on every item row
("其他执法工作日 | 1 | 机关值班 | 432", Word's vertically merged cell).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from plan_rules.extract.formulas import PrintedFormula
from plan_rules.extract.labels import NON, OTHER
from plan_rules.extract.lines import LogicalLine
from plan_rules.extract.markers import rank, strip_marker
from plan_rules.extract.numbers import DAY_UNIT, DIGITS, to_days

_CATEGORY = re.compile(rf"\s*(?:(?P<O>{OTHER.label})|(?P<X>{NON.label}))")
_HEADING_TOTAL = re.compile(rf"\s*(?:\(\s*)?(?:[:=]|为)?\s*(?:共计|合计|小计|共|计)?\s*(?P<n>{DIGITS})(?![\d.])\s*{DAY_UNIT}?(?!\s*[×*xX+\-÷/])")
_FORMULA_START = re.compile(r"\s*(?:[:=]|为)?\s*(?:共计|合计|共|计)?\s*")
_TOTAL_LINE = re.compile(rf"^\s*(?:合计|总计|小计|共计)\s*:?\s*(?P<n>{DIGITS})\s*{DAY_UNIT}?")
_SEQUENCE_CELL = re.compile(r"\s*\d{1,3}\s*")
_SEPARATOR = re.compile(r"[:\t]|(?<=[\u4e00-\u9fff)])\s+(?=\d)")
_DAYS = re.compile(rf"(?P<n>{DIGITS})\s*{DAY_UNIT}?(?!\s*[\d%人名户家×*xX])")
_DAYS_WITH_UNIT = re.compile(rf"(?P<n>{DIGITS})\s*{DAY_UNIT}")
_DAYS_AFTER_TOTAL = re.compile(rf"(?:共计|合计|共|计)\s*(?P<n>{DIGITS})\s*{DAY_UNIT}?")
_SPLITS_START = re.compile(r"其中")
_SPLIT = re.compile(rf"(?P<unit>[\u4e00-\u9fff]{{1,12}}(?:科|室|队|大队|支队|中心|站|所|股|组|办|分局))"
                    rf"\s*[:为]?\s*(?P<n>{DIGITS})\s*{DAY_UNIT}")
_TABLE_HEADER = re.compile(r"序号|事项|项目|内容|类别")
_LABEL_TRIM = " \t:;,.。；，、：共计约为"
_SHORT_PROSE = 40


@dataclass
class FoundItem:
    label: str
    days: float | int | None
    line: LogicalLine
    label_offset: int
    days_offset: int | None = None
    splits: list[tuple[str, float | int, int]] = field(default_factory=list)   # unit, days, offset
    formula: PrintedFormula | None = None


@dataclass
class FoundCategory:
    heading: LogicalLine
    total: float | int | None = None
    total_line: LogicalLine | None = None
    total_offset: int | None = None
    items: list[FoundItem] = field(default_factory=list)


def find_categories(lines: list[LogicalLine], formulas: dict[int, list[PrintedFormula]]) -> dict[str, FoundCategory]:
    """"O" and "X" → the section under that heading that lists the most items."""
    best: dict[str, FoundCategory] = {}
    index = 0
    while index < len(lines):
        kind, _ = _category_heading(lines[index])
        if kind is None:
            index += 1
            continue
        category, index = _read_section(lines, index, formulas)
        if kind not in best or len(category.items) > len(best[kind].items):
            best[kind] = category
    return best


def _category_heading(line: LogicalLine) -> tuple[str | None, int]:
    """The category a line opens ("O"/"X") and the offset after its label."""
    _, start = strip_marker(line.text)
    match = _CATEGORY.match(line.text, start)
    if match is None:
        return None, 0
    return ("O" if match.group("O") else "X"), match.end()


def _category_column_item(line: LogicalLine) -> int | None:
    """Where the item starts in a row "其他执法工作日 | 1 | 机关值班 | 432", else None."""
    if len(line.cells) < 3 or _CATEGORY.match(line.text, line.cells[0][0]) is None:
        return None
    start, end = line.cells[1]
    return line.cells[2][0] if _SEQUENCE_CELL.fullmatch(line.text[start:end]) else None


def _read_section(lines, index, formulas) -> tuple[FoundCategory, int]:
    heading = lines[index]
    kind, body = _category_heading(heading)
    heading_style, _ = strip_marker(heading.text)
    category = FoundCategory(heading)
    item_start = _category_column_item(heading)
    if item_start is not None:
        category.items.append(_read_item(heading, item_start, formulas.get(id(heading), ())))
    elif (formula := _formula_after(heading, body, formulas)) is not None:
        # "其他执法工作日=300+200=500天": the total is the result
        category.total, category.total_line, category.total_offset = to_days(str(formula.result)), heading, formula.result_offset
    elif (total := _HEADING_TOTAL.match(heading.text, body)) is not None:
        _set_total(category, heading, total)
    item_style = None
    index += 1
    while index < len(lines):
        line = lines[index]
        style, start = strip_marker(line.text)
        if not line.text.strip():
            pass
        elif _category_heading(line)[0] is not None:
            item_start = _category_column_item(line)
            if _category_heading(line)[0] != kind or item_start is None:
                break
            category.items.append(_read_item(line, item_start, formulas.get(id(line), ())))
        elif style is not None and heading_style is not None and (style == heading_style or rank(style) < rank(heading_style)):
            break
        elif style is not None and item_style in (None, style):
            item_style = style
            category.items.append(_read_item(line, start, formulas.get(id(line), ())))
        elif style is not None:
            break
        elif (total := _TOTAL_LINE.match(line.text)) is not None:
            if category.total is None:
                _set_total(category, line, total)
        elif category.items and _SPLITS_START.match(line.text.strip()):
            category.items[-1].splits.extend(_splits(line, 0))
        elif category.items or not (_TABLE_HEADER.search(line.text) or len(line.text.strip()) < _SHORT_PROSE):
            break
        index += 1
    return category, index


def _formula_after(line: LogicalLine, position: int, formulas) -> PrintedFormula | None:
    start = _FORMULA_START.match(line.text, position).end()
    return next((formula for formula in formulas.get(id(line), ()) if formula.start == start), None)


def _set_total(category: FoundCategory, line: LogicalLine, match: re.Match) -> None:
    category.total, category.total_line, category.total_offset = to_days(match.group("n")), line, match.start("n")


def _read_item(line: LogicalLine, start: int, formulas) -> FoundItem:
    text = line.text
    separator = _SEPARATOR.search(text, start)
    number = _DAYS.search(text, start)
    label_end = separator.start() if separator else (number.start() if number else len(text))
    raw_label = line.raw[start:label_end]
    item = FoundItem(raw_label.strip(_LABEL_TRIM), None, line, start + len(raw_label) - len(raw_label.lstrip()))
    value_start = label_end if separator is None else separator.end()
    value_start += len(text[value_start:]) - len(text[value_start:].lstrip())
    formula = next((f for f in formulas if f.start == value_start), None)
    splits_at = _SPLITS_START.search(text, start)
    end = splits_at.start() if splits_at else len(text)
    found = (_DAYS.match(text, value_start, end) or _DAYS_AFTER_TOTAL.search(text, value_start, end)
             or _DAYS_WITH_UNIT.search(text, value_start, end))
    if formula is not None:
        item.days, item.days_offset, item.formula = to_days(str(formula.result)), formula.result_offset, formula
    elif found is not None:
        item.days, item.days_offset = to_days(found.group("n")), found.start("n")
    if splits_at:
        item.splits = _splits(line, splits_at.end())
    return item


def _splits(line: LogicalLine, start: int) -> list[tuple[str, float | int, int]]:
    found = []
    for match in _SPLIT.finditer(line.text, start):
        days = to_days(match.group("n"))
        if days is not None:
            found.append((line.raw[match.start("unit"):match.end("unit")], days, match.start("unit")))
    return found

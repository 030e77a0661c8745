"""Workday items: the entries listed under 其他执法工作日 and 非执法工作日, in prose.

Items are recorded under the heading the document files them under, even when they belong
to the other category (the seed swaps the two lists; WD003 reports that). A list is:
numbered lines below the heading ("1.机关值班：432", "（1）…，260天；", "- …：150个工作日"),
items run together in one paragraph ("1.…220个工作日；2.…"), a list after "分别为：" or
"具体为：" with or without numbers, or items after the heading on its own line. An item keeps
its label as printed; its days are the figure after the label ("预计需180个工作日", "，260
天", "：432", "总计40"), never a per-person figure ("每人约100天"), and None when it has
none ("窗口办理"); per-unit splits follow 其中. A 合计/总计/小计/以上共计 line is the
section's total, with its own splits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from plan_rules.extract.document import Document, Heading
from plan_rules.extract.markers import RUN_MARKER, marker_number, rank, strip_marker
from plan_rules.extract.mentions import Mention
from plan_rules.extract.numbers import numbers, to_decimal
from plan_rules.extract.text import Text

_LIST_INTRO = re.compile(r"(?:分别为|具体为|具体如下|包括|如下|明细如下|(?:主要)?用于|主要有|主要是)\s*:")
# "其他执法工作日800天，其中：开展安全生产综合监管500天，…": items after the total and 其中：
_ITEMS_AFTER_TOTAL = re.compile(r"\s*(?:为|共计?|合计)?\s*\d+(?:\.\d+)?\s*(?:个工作日|工作日|人日|日|天|个)\s*[,;]?\s*其中\s*:")
_AFTER_TITLE = re.compile(r"\s*(?:\(\s*\d+(?:\.\d+)?\s*(?:个工作日|工作日|人日|日|天|个)?\s*\))?\s*:")
# Unnumbered items are cut at "，", "；", "。", and at a "、" right after an item's days ("机关值班
# 400天、学习、培训500天"): elsewhere "、" joins the words of one label ("节假日、双休日值班").
_UNNUMBERED_CUT = re.compile(r"[,;。]|(?:(?<=\d天)|(?<=\d日)|(?<=\d个)|(?<=\d工作日))、")
_TOTAL = re.compile(r"(?:以上)?(?:合计|总计|小计|共计)\s*:?\s*(?P<n>\d+(?:\.\d+)?)\s*(?:个工作日|工作日|人日|日|天|个)?")
_DAYS = re.compile(r"(?P<lead>[:,为]?\s*(?:预计需要?|需要?|约|计|共计|共|合计|总计)?\s*)(?P<n>(?<![\d.])\d+(?:\.\d+)?)\s*(?P<u>个工作日|工作日|人日|日|天|个)(?![\u4e00-\u9fff]*(?:人|家|户))")
_BARE_DAYS = re.compile(r"(?:[:,为]|总计|合计|共计|计)\s*(?P<n>\d+(?:\.\d+)?)\s*[;。.,]?\s*$")
_FORMULA_RESULT = re.compile(r"[×xX*+\-]\s*\d[^=;。]*=\s*(?P<n>\d+(?:\.\d+)?)\s*(?:个工作日|工作日|人日|日|天|个)?\s*[;。,]?\s*$")
_PER_PERSON = re.compile(r"(?:每人|人均|每名|按每人)[^,;。]{0,3}$")
_LABEL_END = re.compile(r"[:;。]")
_LABEL_TRIM = " \t:;,.。、("          # "开展安全生产综合监管（300天）" ends its label at the parenthesis
_LABEL_TAIL = re.compile(r"(?:预计需要?|需要?|约|共计|计|为|共)\s*$")
_SPLITS = re.compile(r"其中\s*:?")
_SPLIT = re.compile(r"(?P<unit>[\u4e00-\u9fff]{1,14}?(?:科|室|处|队|大队|支队|总队|中心|站|所|股|组|办|分局|机关|局|部))\s*:?\s*(?P<n>\d+(?:\.\d+)?)\s*(?:个工作日|工作日|人日|日|天|个)")
_SPLIT_PIECES = re.compile(r"[、,;]")


@dataclass
class Split:
    unit: str
    days: Decimal
    offset: int
    text: Text | None = None        # where the share is printed, when not in the item's own text (a table cell)


@dataclass
class Splits:
    parts: list[Split] = field(default_factory=list)
    partial: bool = False       # a piece with a figure that was not read as a unit's share


@dataclass
class Item:
    label: str
    days: Decimal | None
    text: Text
    line: int
    label_offset: int
    days_offset: int | None = None
    splits: Splits = field(default_factory=Splits)
    days_text: Text | None = None     # where the days are printed, when not beside the label (a table cell)


@dataclass
class ItemList:
    category: str                   # "O" or "X"
    origin: str                     # "prose" or "table"
    items: list[Item] = field(default_factory=list)
    totals: list[Mention] = field(default_factory=list)
    total_splits: Splits | None = None
    heading: int | None = None      # the line of the heading the list is under, when in prose


def prose_lists(document: Document) -> list[ItemList]:
    lists = []
    for heading in document.headings:
        if len(heading.figures) == 1 and heading.figures[0] in ("O", "X"):
            lists.append(_read_section(document, heading))
    return lists


def _read_section(document: Document, heading: Heading) -> ItemList:
    found = ItemList(heading.figures[0], "prose", heading=heading.index)
    own = document.lines[heading.index].text
    start = _items_start(own.text, heading.body, heading.body + len(heading.title))
    if start is not None:
        _read_run(found, own, heading.index, start)
    for index in document.section_lines(heading):
        line = document.lines[index]
        if line.is_row:
            continue
        text = line.text
        style, _ = strip_marker(text.text)
        total = _TOTAL.match(text.text, len(text.text) - len(text.text.lstrip()))
        intro = _LIST_INTRO.search(text.text)
        if total:
            _add_total(found, text, index, total)
        elif style is not None and style != heading.style and (rank(style) >= rank(heading.style) or heading.style == "bare"):
            _read_run(found, text, index, 0)
        elif style is None and intro:
            _read_run(found, text, index, intro.end())
    return found


def _items_start(text: str, body: int, title_end: int) -> int | None:
    """Where items begin on a heading's own line: after "具体为：", at a first marker, or after
    the colon that ends the title and its figure, or the total's "其中：", when two or more
    items' days follow ("（二）非执法工作日（1200天）：机关值班400天、学习培训考核会议500天…")."""
    intro = _LIST_INTRO.search(text, body)
    if intro:
        return intro.end()
    marker = RUN_MARKER.search(text, body)
    if marker and marker_number(text[marker.start("marker"):]) == 1:
        return marker.start("marker")
    colon = _AFTER_TITLE.match(text, title_end) or _ITEMS_AFTER_TOTAL.match(text, title_end)
    if colon is None or len(list(_DAYS.finditer(text, colon.end()))) < 2:
        return None
    pieces = [piece for piece in _UNNUMBERED_CUT.split(text[colon.end():]) if piece.strip()]
    if all(_SPLIT.match(piece.strip()) for piece in pieces):
        return None              # "其中：局机关280天、执法大队840天": units' shares, not items
    return colon.end()


def _read_run(found: ItemList, text: Text, line: int, start: int) -> None:
    """The items from `start` on: one numbered item, a numbered run, or an unnumbered list."""
    numbered = strip_marker(text.text[start:])[0] is not None
    for segment_start, segment_end in _segments(text.text, start, numbered):
        glued = _TOTAL.search(text.text, segment_start, segment_end)
        if glued and glued.start() > segment_start and _days(text.text, segment_start, glued.start()):
            found.items.append(parse_item(text, line, segment_start, glued.start()))
            _add_total(found, text, line, glued)        # "…150个工作日 总计：640个工作日"
            continue
        item = parse_item(text, line, segment_start, segment_end)
        if item.label:
            found.items.append(item)


def _starts_numbered(text: str, start: int) -> bool:
    return strip_marker(text[start:])[0] is not None


def _segments(text: str, start: int, numbered: bool) -> list[tuple[int, int]]:
    """The items of a run: at markers that continue the numbering, or at "，"/"；" in an
    unnumbered list."""
    if not numbered:
        pieces, begin = [], start
        for match in _UNNUMBERED_CUT.finditer(text[start:]):
            pieces.append((begin, start + match.start()))
            begin = start + match.end()
        pieces.append((begin, len(text)))
        return [(left, right) for left, right in pieces if text[left:right].strip()]
    first = strip_marker(text[start:])
    expected = (marker_number(text[start:]) or 0) + 1 if first[0] else 1
    cuts = [start + first[1]] if first[0] else [start]
    for match in RUN_MARKER.finditer(text, start + 1):
        if marker_number(text[match.start("marker"):]) == expected:
            cuts.append(match.start("marker"))
            expected += 1
    bounds = []
    for position, cut in enumerate(cuts):
        body = cut if position == 0 else cut + strip_marker(text[cut:])[1]
        end = cuts[position + 1] if position + 1 < len(cuts) else len(text)
        bounds.append((body, end))
    return bounds


def parse_item(text: Text, line: int, start: int, end: int) -> Item:
    """One item from text[start:end]: its label, days and splits."""
    source = text.text
    splits_at = _SPLITS.search(source, start, end)
    days_end = splits_at.start() if splits_at else end
    days = _days(source, start, days_end)
    label_end = days.start() if days else _label_end(source, start, end)
    sentence_end = _LABEL_END.search(source, start, label_end)
    if sentence_end and days and _PER_PERSON.search(source, sentence_end.end(), days.start()) is None:
        label_end = sentence_end.start()
    label_start = start + len(source[start:label_end]) - len(source[start:label_end].lstrip(_LABEL_TRIM))
    label_end = min(label_end, _trimmed_end(source, label_start, label_end))
    item = Item(text.original(label_start, label_end).strip(_LABEL_TRIM), None, text, line, label_start)
    if days:
        item.days, item.days_offset = to_decimal(days.group("n")), days.start("n")
    if splits_at:
        item.splits = read_splits(text, splits_at.end(), end)
    return item


def _days(source: str, start: int, end: int) -> re.Match | None:
    computed = _FORMULA_RESULT.search(source, start, end)
    if computed:                                      # "机关值班：12人×36日=432日": the result
        return computed
    for match in _DAYS.finditer(source, start, end):
        if not _PER_PERSON.search(source, max(start, match.start() - 6), match.start("n")):
            return match
    return _BARE_DAYS.search(source, start, end)


def _label_end(source: str, start: int, end: int) -> int:
    match = _LABEL_END.search(source, start, end)
    return match.start() if match else end


def _trimmed_end(source: str, start: int, end: int) -> int:
    text = source[start:end].rstrip(_LABEL_TRIM)
    tail = _LABEL_TAIL.search(text)
    if tail:
        text = text[:tail.start()].rstrip(_LABEL_TRIM)
    return start + len(text)


def read_splits(text: Text, start: int, end: int) -> Splits:
    """"其中局机关280个工作日、执法大队840个工作日" → the units and their days; a piece with a
    figure that is not a unit's share makes the breakdown partial."""
    splits = Splits()
    clause_end = text.text.find(")", start, end)
    clause_end = clause_end if clause_end >= 0 else end
    sentence = re.search(r"[。;]", text.text[start:clause_end])
    clause_end = start + sentence.start() if sentence else clause_end
    position = start
    for piece in _SPLIT_PIECES.split(text.text[start:clause_end]):
        match = _SPLIT.search(piece)
        if match and to_decimal(match.group("n")) is not None:
            offset = position + match.start("unit")
            splits.parts.append(Split(text.original(offset, offset + len(match.group("unit"))),
                                      to_decimal(match.group("n")), offset))
        elif numbers(piece):
            splits.partial = True
        position += len(piece) + 1
    return splits


def _add_total(found: ItemList, text: Text, line: int, total: re.Match) -> None:
    value = to_decimal(total.group("n"))
    if value is None:
        return
    found.totals.append(Mention(found.category, value, line, text, total.start("n"), "section-total",
                                f"“{text.original(total.start(), total.end())}”"))
    splits_at = _SPLITS.search(text.text, total.end(), min(len(text.text), total.end() + 4))
    if splits_at and found.total_splits is None:
        found.total_splits = read_splits(text, splits_at.end(), len(text.text))

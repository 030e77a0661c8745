"""The text of a Word document as a reader sees it, in reading order (ECMA-376 Part 1, §17).

Word keeps visible text in more places than paragraphs and tables of the body, and keeps
text that no reader sees. Read here:
- content controls (w:sdt) and custom XML (w:customXml) around paragraphs, table rows, cells
  and runs, as their content; a control still showing its placeholder prompt ("单击或点击此处
  输入文字") holds no content, and its prompt is not read;
- hyperlinks, smart tags, fields (the result Word shows, never the field code w:instrText),
  tracked insertions and moves as they read now (deletions and the old place of a move are
  not read), bidirectional wrappers, the base text of ruby (not the guide above it);
- tables inside table cells: each a table of its own, after the row that holds it;
- text boxes once: Word stores a shape twice (mc:AlternateContent: a drawing and a VML
  fallback) and only the first choice is read; their paragraphs follow the paragraph the box
  is anchored in, under that paragraph's anchor;
- equations (Office Math) as their text, a fraction as "分子/分母";
- symbols inserted from the Symbol font (w:sym: "×" is F0B4 there), tabs as spaces,
  non-breaking hyphens.
Not read: hidden text (w:vanish, directly or through a character or paragraph style),
deleted table rows, footnote and comment reference marks (a "¹" glued to "4980" would read
as 49801), and characters that take no space on the page (zero-width spaces and joiners, soft
hyphens, byte-order marks, bidirectional marks), which would split or join figures. Outside
the body's reading order and not read either: headers, footers, footnotes, comments, and
content imported whole from another part (w:altChunk).

A paragraph in a heading style ("heading 1", "标题 2") or given an outline level (w:outlineLvl,
directly or through its style) carries that level (TextLine.outline): plans whose headings are
set by style alone have no "一、" to show them.

Anchors stay those of the extractor's contract: "段落 N" counts the body's paragraphs, empty
ones and those inside content controls included, as Word does; a table row lists its cells
"表格 T 第 R 行第 C 列", tables numbered in reading order, nested ones included. Each place
also has its number in reading order (every paragraph and table cell, empty ones too; a nested
table's cells after those of the row that holds it), which editors take as its line.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from lxml import etree

from plan_rules.readers.lines import ReadError, TextLine
from plan_rules.sourcemap import Location

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
# Tables in cells, text boxes in text boxes: a real document nests a few levels. Deeper is not
# a plan, and would exhaust Python's recursion on the way.
MAX_NESTING = 32

# Wrappers whose content is read in place, at the level of runs (inside a paragraph).
_RUN_WRAPPERS = frozenset(W + tag for tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "ins", "moveTo",
                                              "dir", "bdo"))
_RUN_CONTAINERS = _RUN_WRAPPERS | {W + "sdt", MC + "AlternateContent"}
_SPACES = {W + "tab": " ", W + "ptab": " ", W + "noBreakHyphen": "-"}
_SHAPES = frozenset((W + "drawing", W + "pict", MC + "AlternateContent"))
# What each level holds that is read, for lxml to pick out (the rest: properties, bookmarks,
# deletions, field codes, footnote marks …).
_BLOCK_WRAPPERS = (W + "sdt", W + "customXml", MC + "AlternateContent")
_RUN_LEVEL = (W + "r", *_RUN_CONTAINERS, M + "oMath", M + "oMathPara")
_RPR, _T = W + "rPr", W + "t"
# Only a short paragraph without a sentence's end can be a heading (the extractor asks the same
# of a numbered line); longer ones never need the styles part looked up.
_HEADING_MAX = 40
_SENTENCE_END = re.compile(r"[。；;！？!?]\s*$")
_BODY_TEXT_LEVEL = 9            # w:outlineLvl 9: body text
OFF = ("0", "false", "off")          # w:val of a toggle property that turns it off
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_NOTHING = etree.Element("nothing")      # what is read of a control that shows its prompt: nothing
# The Symbol font's characters, as Word writes them in w:sym (U+F000 + the font's code).
_SYMBOL_FONT = {**{0xF020 + i: chr(0x20 + i) for i in range(0x20)},
                0xF022: "∀", 0xF024: "∃", 0xF027: "∋", 0xF02A: "∗", 0xF02D: "−",
                0xF0A3: "≤", 0xF0B0: "°", 0xF0B1: "±", 0xF0B3: "≥", 0xF0B4: "×", 0xF0B8: "÷",
                0xF0B9: "≠", 0xF0BB: "≈", 0xF0D7: "·"}


class Body:
    """Walks a document body once, numbering paragraphs and tables as it goes."""

    def __init__(self, numbering, hidden_styles: frozenset[str], style_outline: Callable[[str], int | None]):
        self.numbering = numbering
        self.hidden_styles = hidden_styles
        self.style_outline = style_outline
        self.paragraphs = 0
        self.tables = 0
        self.order = 0              # places in reading order
        self.depth = 0

    def lines(self, container, anchor: Location | None = None) -> Iterator[TextLine]:
        """The lines of a body, a cell or a text box; `anchor`: the paragraph a text box is
        anchored in, which its paragraphs are placed at (they are not body paragraphs)."""
        self._enter()
        for block, shown in unwrapped(container, (W + "p", W + "tbl")):
            if block.tag == W + "tbl":
                yield from self.table_rows(block)
                continue
            place = anchor or self.next_paragraph()
            text, boxes = self.paragraph(block, shown)
            if text.strip():
                yield TextLine(text, place, outline=self.outline(block, text))
            for box in boxes:
                yield from self.lines(box, place)
        self.depth -= 1

    def next_paragraph(self) -> Location:
        self.paragraphs += 1
        self.order += 1
        return Location.paragraph(self.paragraphs, self.order)

    def next_cell(self, table: int, row: int, column: int) -> Location:
        self.order += 1
        return Location.table_cell(table, row, column, self.order)

    def paragraph(self, paragraph, shown: bool = True) -> tuple[str, list]:
        """Its text with its list number, and the text boxes anchored in it."""
        parts: list[str] = []
        boxes: list = []
        if shown:
            style = paragraph.find(f"{W}pPr/{W}pStyle")
            hidden = style is not None and style.get(W + "val") in self.hidden_styles
            self.runs(paragraph, hidden, parts, boxes)
        text = _INVISIBLE.sub("", "".join(parts))
        return self.numbering.label(paragraph) + text, boxes

    def outline(self, paragraph, text: str) -> int | None:
        """The paragraph's outline level: its own w:outlineLvl, else its style's."""
        text = text.strip()
        properties = paragraph.find(W + "pPr")
        if properties is None or len(text) > _HEADING_MAX or _SENTENCE_END.search(text):
            return None
        own = properties.find(W + "outlineLvl")
        if own is not None:
            return outline_level(own)
        style = properties.find(W + "pStyle")
        return self.style_outline(style.get(W + "val")) if style is not None else None

    def runs(self, element, hidden: bool, parts: list[str], boxes: list) -> None:
        for child in element.iterchildren(*_RUN_LEVEL):
            tag = child.tag
            if tag == W + "r":
                self.run(child, hidden, parts, boxes)
            elif tag in _RUN_CONTAINERS:
                self.runs(chosen(child), hidden, parts, boxes)
            elif tag in (M + "oMath", M + "oMathPara"):
                parts.append(math_text(child))

    def run(self, run, paragraph_hidden: bool, parts: list[str], boxes: list) -> None:
        hidden = paragraph_hidden
        for child in run:          # w:rPr, when there is one, comes first (ECMA-376 §17.3.2.25)
            tag = child.tag
            if tag == _RPR:
                hidden = self.vanished(child, paragraph_hidden)
            elif hidden:
                return
            elif tag == _T:
                parts.append(child.text or "")
            elif tag in _SPACES:
                parts.append(_SPACES[tag])
            elif tag == W + "sym":
                parts.append(symbol(child))
            elif tag == W + "ruby":
                self.runs(chosen(child), paragraph_hidden, parts, boxes)
            elif tag in _SHAPES:
                boxes += text_boxes(child)

    def vanished(self, properties, paragraph_hidden: bool) -> bool:
        """Hidden text: w:vanish on the run, else on its character style, else its paragraph's style."""
        vanish = properties.find(W + "vanish")
        if vanish is not None:
            return vanish.get(W + "val", "true") not in OFF
        style = properties.find(W + "rStyle")
        return (style is not None and style.get(W + "val") in self.hidden_styles) or paragraph_hidden

    def table_rows(self, table) -> Iterator[TextLine]:
        self._enter()
        self.tables += 1
        number = self.tables
        merged_above: dict[int, str] = {}          # grid column → text of a vertically merged cell
        rows = (row for row, _ in unwrapped(table, (W + "tr",)) if row.find(f"{W}trPr/{W}del") is None)
        for row_number, row in enumerate(rows, start=1):
            cells, inner, column = [], [], 1
            for cell, _ in unwrapped(row, (W + "tc",)):
                text, tables = self.cell(cell)
                inner += tables
                properties = cell.find(W + "tcPr")
                merge = properties.find(W + "vMerge") if properties is not None else None
                if merge is not None and merge.get(W + "val") != "restart":
                    text = merged_above.get(column, text)      # continuation: Word shows the cell above
                else:
                    merged_above[column] = text
                cells.append(TextLine(text, self.next_cell(number, row_number, column)))
                column += grid_span(properties)
            if any(cell.text for cell in cells):
                yield TextLine("\t".join(cell.text for cell in cells), cells[0].location, tuple(cells), number)
            for table in inner:
                yield from self.table_rows(table)
        self.depth -= 1

    def cell(self, cell) -> tuple[str, list]:
        """A cell's text (its paragraphs and text boxes, joined by spaces) and its tables."""
        texts, tables = [], []
        for block, shown in unwrapped(cell, (W + "p", W + "tbl")):
            if block.tag == W + "tbl":
                tables.append(block)
                continue
            text, boxes = self.paragraph(block, shown)
            texts.append(text)
            texts += [line.text for box in boxes for line in self.lines(box, Location(where="文本框"))]
        return " ".join(texts).strip(), tables

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ReadError(f"Word 文档中表格、文本框或内容控件层层套叠超过 {MAX_NESTING} 层，不像是一份计划，未读取")


def outline_level(element) -> int | None:
    """The level of a w:outlineLvl (0–8); 9, body text, and nonsense are no level."""
    value = element.get(W + "val") or ""
    return int(value) if value.isascii() and value.isdigit() and int(value) < _BODY_TEXT_LEVEL else None


def grid_span(properties) -> int:
    """How many grid columns a cell spans (w:gridSpan of its w:tcPr); 1 where it says nothing sensible."""
    span = properties.find(W + "gridSpan") if properties is not None else None
    value = (span.get(W + "val") or "") if span is not None else ""
    return int(value) if value.isascii() and value.isdigit() and 0 < len(value) <= 4 and int(value) > 0 else 1


def unwrapped(container, tags: tuple[str, ...]) -> Iterator[tuple[object, bool]]:
    """The elements of these tags in `container`, in order, through content controls, custom
    XML and alternate content; with whether they are shown (not a placeholder's prompt)."""
    for child in container.iterchildren(*tags, *_BLOCK_WRAPPERS):
        tag = child.tag
        if tag in tags:
            yield child, True
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                shown = child.find(f"{W}sdtPr/{W}showingPlcHdr") is None
                yield from ((element, shown and visible) for element, visible in unwrapped(content, tags))
        elif tag in (W + "customXml", MC + "AlternateContent"):
            yield from unwrapped(chosen(child), tags)


def chosen(element):
    """What a consumer reads of an element: the first choice of alternate content (Word
    writes the same content again as a fallback), the content of a control, unless it shows
    its placeholder, the base of ruby text; the element itself otherwise."""
    tag = element.tag
    if tag == MC + "AlternateContent":
        found = element.find(MC + "Choice")
        found = found if found is not None else element.find(MC + "Fallback")
    elif tag == W + "sdt":
        found = None if element.find(f"{W}sdtPr/{W}showingPlcHdr") is not None else element.find(W + "sdtContent")
    elif tag == W + "ruby":
        found = element.find(W + "rubyBase")
    else:
        return element
    return found if found is not None else _NOTHING


def text_boxes(shape) -> list:
    """The outermost text boxes of a drawing or VML picture; of alternate content, the first
    choice's only."""
    found = []
    for child in chosen(shape):
        if child.tag == W + "txbxContent":
            found.append(child)
        else:
            found += text_boxes(child)
    return found


def math_text(element) -> str:
    """An equation's text in reading order; a fraction as numerator/denominator, so that two
    figures do not run into one."""
    if element.tag == M + "t":
        return element.text or ""
    if element.tag == M + "f":
        numerator, denominator = element.find(M + "num"), element.find(M + "den")
        if numerator is not None and denominator is not None:
            return f"{math_text(numerator)}/{math_text(denominator)}"
    return "".join(math_text(child) for child in element)


def symbol(sym) -> str:
    """A character inserted from a symbol font: the Symbol font's, mapped; other fonts'
    (Wingdings' pictures) have no text."""
    font = (sym.get(W + "font") or "").strip().lower()
    try:
        code = int(sym.get(W + "char") or "", 16)
    except ValueError:
        return ""
    if code < 0xF000 and font == "symbol":
        code += 0xF000
    return _SYMBOL_FONT.get(code, "") if font == "symbol" else ""

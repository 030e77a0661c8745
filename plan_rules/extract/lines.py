"""Logical lines: the unit the extractor reads.

Text files and PDF pages wrap long sentences over several physical lines (the seed wraps
workday item 8 over lines 61–62). A physical line is joined to the one before when that one
runs to the full width of the text (the longest line) without ending its sentence, or is a
numbered item still waiting for its number. A shorter line is a title, heading or signature,
never a wrap. Word paragraphs and table rows are never joined. Markdown pipe rows and tab-separated rows are
read as table rows with cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from plan_rules.extract.markers import starts_new_block, strip_marker
from plan_rules.extract.normalize import normalize
from plan_rules.readers.lines import Source, TextLine
from plan_rules.sourcemap import Location

# A line at least this share of the longest line's length runs to the margin.
_FULL_WIDTH_SHARE = 0.9
_SENTENCE_END = re.compile(r"[。！？；;:!?]\s*$")
_ENDS_WITH_FIGURE = re.compile(r"\d\s*(?:个?工作日|人日|日|天)?\s*[。；;,，]?\s*$")
_HAS_FIGURE = re.compile(r"\d")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_SEPARATOR = re.compile(r"^[\s|:\-]+$")


@dataclass
class LogicalLine:
    text: str                                  # normalized; same length as the original
    raw: str                                   # original characters
    pieces: list[tuple[int, TextLine]] = field(default_factory=list)   # (offset, physical line)
    cells: list[tuple[int, int]] = field(default_factory=list)         # (start, end) of each cell
    table: int | None = None                   # rows of one table share a number

    def locate(self, offset: int) -> Location:
        start, line = self.pieces[0]
        for piece_start, piece in self.pieces:
            if piece_start <= offset:
                start, line = piece_start, piece
        return line.locate(offset - start)

    def cell_texts(self, normalized: bool = False) -> list[str]:
        text = self.text if normalized else self.raw
        return [text[start:end].strip() for start, end in self.cells]

    def cell_offsets(self) -> list[int]:
        return [start + len(self.raw[start:end]) - len(self.raw[start:end].lstrip()) for start, end in self.cells]


def logical_lines(source: Source) -> list[LogicalLine]:
    result: list[LogicalLine] = []
    text_table = 1000                          # numbers for tables found in plain text
    previous_was_row = False
    full_width = _FULL_WIDTH_SHARE * max((len(line.text.rstrip()) for line in source.lines), default=0)
    for physical in source.lines:
        if physical.cells:
            result.append(_table_row(physical))
            previous_was_row = False
            continue
        if not physical.text.strip():
            result.append(LogicalLine("", "", [(0, physical)]))
            previous_was_row = False
            continue
        row = _text_row(physical)
        if row is not None:
            if _PIPE_SEPARATOR.match(physical.text):
                continue
            if not previous_was_row:
                text_table += 1
            row.table = text_table
            result.append(row)
            previous_was_row = True
            continue
        previous_was_row = False
        normalized = normalize(physical.text)
        if source.kind != "docx" and result and _continues(result[-1], normalized, full_width):
            _append(result[-1], physical, normalized)
        else:
            result.append(LogicalLine(normalized, physical.text, [(0, physical)]))
    return result


def _continues(previous: LogicalLine, text: str, full_width: float) -> bool:
    """Whether normalized `text` goes on the sentence of `previous`."""
    if not previous.text.strip() or previous.cells or starts_new_block(text):
        return False
    if _SENTENCE_END.search(previous.text):
        return False
    if len(previous.pieces[-1][1].text.rstrip()) >= full_width:
        return True
    # A short numbered item without its number, whose number comes on the next line.
    style, body = strip_marker(previous.text)
    return style is not None and not _HAS_FIGURE.search(previous.text[body:]) \
        and bool(_ENDS_WITH_FIGURE.search(text))


def _append(line: LogicalLine, physical: TextLine, normalized: str) -> None:
    line.pieces.append((len(line.text), physical))
    line.text += normalized
    line.raw += physical.text


def _table_row(physical: TextLine) -> LogicalLine:
    line = LogicalLine(normalize(physical.text), physical.text, [(0, physical)], table=physical.table)
    start = 0
    for cell in physical.cells:
        line.cells.append((start, start + len(cell.text)))
        start += len(cell.text) + 1
    return line


def _text_row(physical: TextLine) -> LogicalLine | None:
    """A Markdown pipe row or a line of tab-separated columns, as a row of cells."""
    text = physical.text
    if _PIPE_ROW.match(text):
        separator = "|"
    elif text.count("\t") >= 2 and text.strip():
        separator = "\t"
    else:
        return None
    normalized = normalize(text).replace("|", "\t") if separator == "|" else normalize(text)
    line = LogicalLine(normalized, text, [(0, physical)])
    bounds = [index for index, char in enumerate(text) if char == separator]
    edges = ([-1] + bounds + [len(text)]) if separator == "\t" else bounds
    for left, right in zip(edges, edges[1:]):
        line.cells.append((left + 1, right))
    return line

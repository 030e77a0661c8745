"""From the reader's physical lines to logical lines: the unit everything else reads.

Printed and pasted plans break sentences where the page or the web page ran out of room,
not where the writer ended them. A logical line is one paragraph, heading, list item or
table row, healed of those breaks:

- page numbers ("-1-", "— 2 —", "第 3 页") and Word residue lines are dropped first, so that
  a sentence broken by a page number joins across it;
- text hard-wrapped at a fixed width (many lines of the same length) is joined where a line
  runs to that width without ending its sentence;
- a PDF line is joined to the next when it runs to the right margin and the next line is not
  indented (the reader measures both);
- a line that ends waiting for its figure ("预计需", "合计：", "=") is joined to a next line
  that starts with one, and a numbered item without its figure to a next line that ends with
  one (the seed wraps item 8 over two lines that way);
- Markdown pipe rows, tab-separated rows and space-aligned rows (two or more spaces between
  three or more cells, on two or more lines running) are table rows with cells.

Word paragraphs and table rows are joined only where a numbered item's short tail with its
figure was pasted in as a paragraph of its own.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from plan_rules.extract.markers import OUTLINE_STYLES, strip_marker
from plan_rules.extract.text import Piece, Text, concat, join, normalise, plain
from plan_rules.method import ANY_LABEL
from plan_rules.readers.lines import PAGE_NUMBER, Source, TextLine

_RESIDUE_LINE = re.compile(r"^\s*(?:\[bookmark:[^\]]*\]\s*)+$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_SEPARATOR = re.compile(r"^[\s|:\-—]+$")
_SPACED_CELLS = re.compile(r"\S+(?: \S+)*")
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*[”」』)）]?\s*$")
_WAITING = re.compile(r"(?:预计需要?|需要?|约|共计?|合计|总计|小计|计|为|[:：=＝×xX*＊+\-－])\s*$")
_STARTS_WITH_FIGURE = re.compile(r"^\s*[\d０-９零〇一二两三四五六七八九十百]+\s*(?:[.,，．]\d+)?\s*(?:个|工作日|人日|日|天|人|名|家|户|%|％|[×xX*＊+\-－=＝])")
_ENDS_WITH_FIGURE = re.compile(r"[\d０-９]\s*(?:个?工作日|人日|日|天)?\s*[。；;,，]?\s*$")
# Lines that open a block of their own: totals, annexes, notes.
_BLOCK_WORD = re.compile(r"^\s*(?:附表|附件|合计|总计|小计|共计|以上|注[:：]|说明|备注|特此)")
_RUNS_ON = re.compile(r"(?:[，,、（(]|其中|占|和|及|与|的|按照|按)\s*$")
_TITLE = re.compile(r"(?:监督检查|执法检查|执法|检查)(?:工作)?计划\s*$|^\s*关于.*通知\s*$")
_GLUED_HEADING = re.compile(r"(?<=[。;!?])\s*(?=(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))[\u4e00-\u9fff])")
# The first cell of a form's row: a figure's or a part's name, nothing else.
_FORM_LABEL = re.compile(rf"(?:{ANY_LABEL.pattern}|重点检查(?:单位|企业|对象)(?:数量?)?|一般检查(?:单位|企业|对象)(?:数量?)?"
                         r"|(?:行政)?执法人员(?:数量|人数|情况)?|编制依据|批准(?:情况|机关)?|备案(?:情况|机关)?)")
_BARE_FIGURE = re.compile(r"\s*\d+(?:\.\d+)?\s*%?\s*")
_SHORT_TAIL = 12             # a Word paragraph or PDF line this short may be the end of an item cut off
_HARD_WRAP_MIN = 16          # shorter lines are headings and signatures, never wrapped prose
_HARD_WRAP_SHARE = 0.3       # a text is hard-wrapped when this share of its long lines has one length
_RUNNING_ON_SHARE = 0.6      # … and most of those lines stop mid-sentence


@dataclass
class Line:
    """A logical line: prose, heading or list item (`cells` empty), or a table row."""
    text: Text
    cells: list[Text] = field(default_factory=list)
    table: int | None = None
    outline: int | None = None        # the heading level the format marks (TextLine.outline)

    @property
    def is_row(self) -> bool:
        return bool(self.cells)

    def locate(self, offset: int):
        return self.text.locate(offset)


def logical_lines(source: Source) -> list[Line]:
    physical = [line for line in source.lines if not PAGE_NUMBER.match(line.text) and not _RESIDUE_LINE.match(line.text)]
    spelled = {id(line): plain(line.text) for line in physical}      # each line's one spelling, once
    rows = _text_rows(physical) if source.kind != "docx" else {}
    wrap_width = _wrap_width(physical, rows, spelled) if source.kind == "text" else None
    result: list[Line] = []
    pending: list[TextLine] = []
    next_table = 1000                        # numbers for tables found in plain text
    previous_row_table = None
    for index, line in enumerate(physical):
        if line.cells or index in rows:
            _flush(pending, result)
            if line.cells:
                result.append(_word_or_pdf_row(line))
                continue
            if not rows[index]:                  # a Markdown separator row "|---|---|"
                continue
            if previous_row_table is None or rows.get(index - 1) is None:
                next_table += 1
            previous_row_table = next_table
            result.append(_text_row(line, rows[index], next_table))
            continue
        if not line.text.strip():
            _flush(pending, result)
            continue
        if pending and line.outline is None and pending[-1].outline is None and _continues(spelled[id(pending[-1])], spelled[id(line)], len(pending), pending[-1], source.kind, wrap_width):
            pending.append(line)
        else:
            _flush(pending, result)
            pending.append(line)
    _flush(pending, result)
    return result


def _flush(pending: list[TextLine], result: list[Line]) -> None:
    if pending:
        parts = []
        for position, line in enumerate(pending):
            text = line.text if position == 0 else line.text.lstrip()
            parts.append((text, line, len(line.text) - len(text)))
        whole = join(parts)
        pieces = _glued_headings(whole)
        result.append(Line(pieces[0], outline=pending[0].outline))
        result.extend(Line(piece) for piece in pieces[1:])
        pending.clear()


def _glued_headings(text: Text) -> list[Text]:
    """A page that lost its line breaks ("…编制了本计划。一、指导思想和工作目标以习近平…"):
    split before each heading marker that follows a sentence end."""
    cuts = [match.start() for match in _GLUED_HEADING.finditer(text.text)]
    if not cuts:
        return [text]
    bounds = [0] + cuts + [len(text.text)]
    return [text.slice(start, end) for start, end in zip(bounds, bounds[1:]) if text.text[start:end].strip()]


def _continues(before: str, after: str, pending: int, previous: TextLine, kind: str, wrap_width: int | None) -> bool:
    """Whether a physical line (`after`) goes on the sentence of the `pending` lines before it,
    the last of which is `previous` (`before` in its one spelling)."""
    before, after = before.rstrip(), after.strip()
    if _SENTENCE_END.search(before) or (pending == 1 and _TITLE.search(before)):
        return False
    if _WAITING.search(before) and _STARTS_WITH_FIGURE.match(after):
        return True
    if kind != "docx" and _RUNS_ON.search(before) and strip_marker(after)[0] is None and not _BLOCK_WORD.match(after):
        return True             # "…结合我区实际，" / "其中" / "占" cannot end a sentence
    if kind == "pdf" and previous.wrapped and strip_marker(after)[0] is None:
        return True
    if wrap_width is not None and len(before) >= wrap_width - 2 and strip_marker(after)[0] is None:
        return True
    # A numbered item whose figure is on the next line: "8.完成…安排的执" + "法工作任务：126",
    # also as two Word paragraphs or PDF lines (text pasted in with its line breaks), where the
    # tail must be short; a section's title ("4 重点检查安排") is never continued so.
    style, body = strip_marker(before)
    return (style is not None and style not in OUTLINE_STYLES and not re.search(r"\d", before[body:])
            and (kind == "text" or len(after) <= _SHORT_TAIL)
            and strip_marker(after)[0] is None and not _BLOCK_WORD.match(after) and bool(_ENDS_WITH_FIGURE.search(after)))


def _wrap_width(lines: list[TextLine], rows: dict, spelled: dict[int, str]) -> int | None:
    """The width a hard-wrapped text was cut at, or None for a text of whole paragraphs."""
    # Widths count the indent ("　　" opening a paragraph): a wrap cuts at a column.
    prose = [(index, line.text.rstrip()) for index, line in enumerate(lines)
             if index not in rows and strip_marker(spelled[id(line)])[0] is None]
    lengths = [len(text) for _, text in prose if len(text) >= _HARD_WRAP_MIN]
    if len(lengths) < 3:
        return None
    width, count = Counter(lengths).most_common(1)[0]
    at_width = [text for _, text in prose if abs(len(text) - width) <= 1]
    # Lines cut at the width stop mid-sentence; lines that merely happen to share a length
    # (list items, headings) end theirs.
    running_on = sum(1 for text in at_width if not _SENTENCE_END.search(text) and not text.endswith((":", "：")))
    if count < 3 or len(at_width) < _HARD_WRAP_SHARE * len(lengths) or running_on < _RUNNING_ON_SHARE * len(at_width):
        return None
    return width


def _text_rows(lines: list[TextLine]) -> dict[int, list[tuple[int, int]]]:
    """Physical lines that are rows of a text table → (start, end) of each cell."""
    rows: dict[int, list[tuple[int, int]]] = {}
    spaced: dict[int, list[tuple[int, int]]] = {}
    for index, line in enumerate(lines):
        text = line.text
        if _PIPE_ROW.match(text):
            if not _PIPE_SEPARATOR.match(text):
                bounds = [position for position, char in enumerate(text) if char == "|"]
                rows[index] = [(left + 1, right) for left, right in zip(bounds, bounds[1:])]
            else:
                rows[index] = []
        elif "\t" in text.strip() and len([cell for cell in text.split("\t") if cell.strip()]) >= 2:
            bounds = [-1] + [position for position, char in enumerate(text) if char == "\t"] + [len(text)]
            rows[index] = [(left + 1, right) for left, right in zip(bounds, bounds[1:])]
        else:
            cells = [(m.start(), m.end()) for m in _SPACED_CELLS.finditer(text)]
            if len(cells) >= 3 and re.search(r"\S\s{2,}\S", text.strip()):
                spaced[index] = cells
    for index, cells in spaced.items():       # a space-aligned table has two rows running
        if index - 1 in spaced or index + 1 in spaced:
            rows[index] = cells
    return rows


def _text_row(line: TextLine, cells: list[tuple[int, int]], table: int) -> Line:
    texts = [_strip(normalise(line.text[start:end], [Piece(0, line, start)])) for start, end in cells]
    return _statement_row(texts) or Line(concat(texts), texts, table)


def _word_or_pdf_row(line: TextLine) -> Line:
    texts = [_strip(normalise(cell.text, [Piece(0, cell)])) for cell in line.cells]
    return _statement_row(texts) or Line(concat(texts), texts, line.table)


def _statement_row(texts: list[Text]) -> Line | None:
    """A row of a plan set out as a form ("项目 | 内容"): a figure's name, then a sentence about
    it ("总法定工作日 | 250×10=2500天", "重点检查工作日 | 560天（占70%）") reads as the
    statement "总法定工作日：…" it stands for, as does "其他执法工作日 | 800天". A bare number in
    its cell stays a table's row, read by its columns (tables.py)."""
    cells = [text for text in texts if text.text.strip()]
    if len(cells) != 2 or not _FORM_LABEL.fullmatch(cells[0].text.strip()) or _BARE_FIGURE.fullmatch(cells[1].text):
        return None
    return Line(concat(cells, ":"))


def _strip(text: Text) -> Text:
    start = len(text.text) - len(text.text.lstrip())
    end = len(text.text.rstrip())
    return text.slice(start, end)

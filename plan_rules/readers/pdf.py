"""PDF files with a text layer, read with pdfplumber. Lines are anchored "第 P 页第 L 行", L
counting the lines of pdfplumber's extract_text() of page P.

Ruled tables are read as tables (pdfplumber's find_tables): each row a line with its cells,
a vertically merged cell read as the text it shows on every row it spans, a table that runs
on over a page break read as one table. Running heads and footers repeated on the pages are
dropped, like page numbers. Lines of prose carry whether they run to the right
margin with the next line not indented, which is how a printed paragraph wraps: the
extractor joins such lines into one sentence.

A scanned PDF has no text layer; it is reported as such rather than read as an empty plan
(OCR is out of scope).
"""
from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
import zlib
from dataclasses import dataclass, replace

from plan_rules.readers.lines import PAGE_NUMBER, ReadError, Source, TextLine
from plan_rules.sourcemap import Location

# A plan's page content inflates to some hundred KB; 64 MB is far beyond any real stream.
MAX_STREAM_BYTES = 64 * 1024 * 1024
_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A line ending this close to the right margin (in character widths) ran out of room.
_FULL_LINE_SLACK = 4.0
# A line starting this close to the left margin (in character widths) is not indented.
_INDENT_SLACK = 0.5
# Running heads and footers sit in this share of the page's height at its top and bottom.
_MARGIN_BAND = 0.1


def refuse_inflation_bombs(data: bytes) -> None:
    """pdfminer inflates every Flate stream whole, so a few KB that inflate to GBs would fill
    memory. Each stream is first inflated here, incrementally and no further than the limit;
    what is not zlib data (other filters, encrypted streams) is left to pdfminer."""
    for match in _STREAM_START.finditer(data):
        end = data.find(b"endstream", match.end())
        if end < 0:
            return
        try:
            inflated = zlib.decompressobj().decompress(data[match.end():end], MAX_STREAM_BYTES + 1)
        except zlib.error:
            continue
        if len(inflated) > MAX_STREAM_BYTES:
            raise ReadError(f"PDF 中有数据流解压后过大（超过 {MAX_STREAM_BYTES // (1024 * 1024)} MB），不像是一份计划，未读取")


# A plan with its annex tables runs to some dozens of pages; reading a page's text costs about
# 40 ms and 1 MB, so 2,000 pages took 81 s and 1.8 GB. Pages are counted first, no further
# than the limit.
MAX_PAGES = 200


def refuse_too_many_pages(data: bytes) -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    try:
        pages = PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data))))
        count = sum(1 for _ in itertools.islice(pages, MAX_PAGES + 1))
    except Exception:
        return          # damaged or encrypted: read_pdf says which
    if count > MAX_PAGES:
        raise ReadError(f"PDF 超过 {MAX_PAGES} 页，不像是一份计划，未读取")


def read_pdf(data: bytes) -> Source:
    refuse_inflation_bombs(data)
    refuse_too_many_pages(data)
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            lines = _document_lines(pdf)
    except Exception as error:
        # pdfplumber wraps pdfminer's errors: look at the cause as well.
        if isinstance(error, PDFPasswordIncorrect) or any(isinstance(arg, PDFPasswordIncorrect) for arg in error.args):
            raise ReadError("PDF 文件已加密（设有打开密码），无法读取") from None
        raise ReadError("PDF 文件已损坏或不是有效的 PDF，无法打开") from None
    if not any(line.text.strip() for line in lines):
        raise ReadError("PDF 没有文字层（可能是扫描件），无法提取文字；请提供 Word 或文本版本")
    return Source("pdf", lines)


@dataclass
class _Placed:
    """A prose line or a table row, with where it sits on its page."""
    page: int
    top: float
    line: TextLine
    x0: float = 0.0
    x1: float = 0.0
    table_key: tuple | None = None     # (page, index) of the table a row belongs to
    merged: tuple[bool, ...] = ()      # per cell: shows the text of a cell merged over it from above


def _document_lines(pdf) -> list[TextLine]:
    placed: list[_Placed] = []
    tables: list[list[_Placed]] = []
    before = 0                                   # lines on the pages before: for reading order
    pages = [(page, page.extract_text_lines() or []) for page in pdf.pages]
    furniture = _running_heads(pages)
    for page_number, (page, text_lines) in enumerate(pages, start=1):
        page_tables = [table for table in page.find_tables() if len(table.rows) >= 2]
        for index, text_line in enumerate(text_lines, start=1):
            if PAGE_NUMBER.match(text_line["text"]) or _furniture_key(page, text_line) in furniture:
                continue
            if not any(_inside(text_line, table.bbox) for table in page_tables):
                placed.append(_Placed(page_number, text_line["top"],
                                      TextLine(text_line["text"], Location.page_line(page_number, index, before + index)),
                                      text_line["x0"], text_line["x1"]))
        for table in page_tables:
            rows = _table_rows(table, text_lines, page_number, len(tables) + 1, before)
            if rows:
                tables.append(rows)
                placed.extend(rows)
        before += len(text_lines)
    placed.sort(key=lambda item: (item.page, item.top))
    _join_continued_tables(placed, tables)
    _mark_wraps(placed)
    return [item.line for item in placed]


def _running_heads(pages) -> set[tuple]:
    """Running heads and footers: a line in the top or bottom margin band printed the same
    (page numbers aside) on at least half the pages, two at least. Page furniture like a page
    number, it would split a sentence running on over the page break."""
    seen: dict[tuple, set[int]] = {}
    for number, (page, text_lines) in enumerate(pages):
        for text_line in text_lines:
            key = _furniture_key(page, text_line)
            if key is not None:
                seen.setdefault(key, set()).add(number)
    return {key for key, numbers in seen.items() if len(numbers) >= max(2, len(pages) / 2)}


def _furniture_key(page, text_line: dict) -> tuple | None:
    band = page.height * _MARGIN_BAND
    if band < text_line["top"] and text_line["bottom"] < page.height - band:
        return None
    return (text_line["top"] < band, re.sub(r"\d+", "#", re.sub(r"\s", "", text_line["text"])))


def _inside(text_line: dict, bbox) -> bool:
    x0, top, x1, bottom = bbox
    middle = (text_line["top"] + text_line["bottom"]) / 2
    return top <= middle <= bottom and text_line["x0"] < x1 and text_line["x1"] > x0


def _table_rows(table, text_lines, page_number: int, number: int, before: int) -> list[_Placed]:
    grid = table.extract()
    columns = _column_spans(table)
    rows = []
    for row_index, (row, cells) in enumerate(zip(table.rows, grid)):
        shown = [_cell_text(table, row_index, column, cells, grid, columns) for column in range(len(cells))]
        texts = [text for text, _ in shown]
        if not any(texts):
            continue
        top = min(box[1] for box in row.cells if box is not None)
        line_number = _line_number(text_lines, top)
        anchors = [TextLine(text, Location.page_line(page_number, line_number, before + line_number)) for text in texts]
        line = TextLine("\t".join(texts), anchors[0].location, tuple(anchors), number)
        rows.append(_Placed(page_number, top, line, table_key=(page_number, number),
                            merged=tuple(merged for _, merged in shown)))
    return rows


def _column_spans(table) -> list[tuple[float, float]]:
    spans: dict[int, list[tuple[float, float]]] = {}
    for row in table.rows:
        for column, box in enumerate(row.cells):
            if box is not None:
                spans.setdefault(column, []).append((box[0], box[2]))
    return [min(spans.get(column, [(0.0, 0.0)]), key=lambda span: span[1] - span[0]) for column in range(max(spans, default=-1) + 1)]


def _cell_text(table, row_index: int, column: int, cells, grid, columns) -> tuple[str, bool]:
    """The text a reader sees in the cell, and whether it comes from a cell merged over it from
    above (a category column spanning its items); nothing where a cell to its left spans it."""
    if cells[column] is not None:
        return _one_line(cells[column]), False
    left, right = columns[column] if column < len(columns) else (0.0, 0.0)
    middle = (left + right) / 2
    row_box = next((box for box in table.rows[row_index].cells if box is not None), None)
    for above in range(row_index, -1, -1):
        for source_column in range(column, -1, -1):
            box = table.rows[above].cells[source_column] if source_column < len(table.rows[above].cells) else None
            if box is None or not box[0] <= middle <= box[2]:
                continue
            if above == row_index or row_box is None or box[3] < row_box[1]:
                return "", False
            return _one_line(grid[above][source_column] or ""), True
    return "", False


def _one_line(text: str) -> str:
    """Cell text wrapped inside its cell, read as one line ("其他执法工作\\n日")."""
    return re.sub(r"\s*\n\s*", lambda m: "" if _CJK.search(m.string[max(m.start() - 1, 0):m.end() + 1]) else " ", text).strip()


def _line_number(text_lines, top: float) -> int:
    """The extract_text() line the cell's first text sits on."""
    below = [index for index, line in enumerate(text_lines, start=1) if line["bottom"] > top]
    return below[0] if below else len(text_lines)


def _join_continued_tables(placed: list[_Placed], tables: list[list[_Placed]]) -> None:
    """A table that is the first thing on its page and has the column count of a table that
    ended its previous page continues it: one table number, a repeated header row dropped, and
    cells merged over the page break shown again."""
    for position, item in enumerate(placed):
        if item.table_key is None or position == 0:
            continue
        previous = placed[position - 1]
        if previous.table_key is None or previous.page != item.page - 1 or previous.table_key == item.table_key:
            continue
        if len(previous.line.cells) != len(item.line.cells) or _first_of_page(placed, position) is not item:
            continue
        _continue_table(placed, item.table_key, previous)


def _first_of_page(placed: list[_Placed], position: int) -> _Placed:
    page = placed[position].page
    return next(item for item in placed if item.page == page)


def _continue_table(placed: list[_Placed], key, previous: _Placed) -> None:
    earlier = [item for item in placed if item.table_key == previous.table_key]
    last = earlier[-1]
    first = True
    for position, item in enumerate(placed):
        if item.table_key != key:
            continue
        if first and item.line.text == earlier[0].line.text:      # the header, repeated
            placed[position] = replace(item, line=replace(item.line, cells=(), text=""), table_key=previous.table_key)
            first = False
            continue
        if first and _fragment(item):            # the rest of the last row's cells, pushed over the break
            last.line = replace(last.line, cells=tuple(replace(cell, text=cell.text + extra.text)
                                                      for cell, extra in zip(last.line.cells, item.line.cells)))
            last.line = replace(last.line, text="\t".join(cell.text for cell in last.line.cells))
            placed[position] = replace(item, line=replace(item.line, cells=(), text=""), table_key=previous.table_key)
            first = False
            continue
        cells = _merged_over_break(item, last) if first else _merged_from_above(item, last)
        first = False
        item.line = replace(item.line, cells=cells, text="\t".join(cell.text for cell in cells), table=previous.line.table)
        item.table_key = previous.table_key
        last = item


def _fragment(item: _Placed) -> bool:
    """A row whose first cell is empty and most cells too: text of the row above that did not
    fit on its page ("…有限公" / "司")."""
    cells = item.line.cells
    filled = [cell for cell in cells if cell.text]
    return bool(cells) and not cells[0].text and not any(item.merged) and len(filled) * 2 < len(cells)


def _merged_over_break(item: _Placed, last: _Placed) -> tuple:
    """The empty top cell of a column that was merged on the page before: the merged cell
    continued over the page break."""
    return tuple(replace(cell, text=last.line.cells[column].text)
                 if not cell.text and column < len(last.merged) and last.merged[column] else cell
                 for column, cell in enumerate(item.line.cells))


def _merged_from_above(item: _Placed, above: _Placed) -> tuple:
    return tuple(replace(cell, text=above.line.cells[column].text)
                 if not cell.text and column < len(item.merged) and item.merged[column]
                 and column < len(above.line.cells) else cell
                 for column, cell in enumerate(item.line.cells))


def _mark_wraps(placed: list[_Placed]) -> None:
    prose = [item for item in placed if item.table_key is None and item.line.text.strip()]
    if not prose:
        return
    widths = [(item.x1 - item.x0) / len(item.line.text) for item in prose if _CJK.search(item.line.text) and len(item.line.text) > 8]
    char_width = statistics.median(widths) if widths else 10.0
    right = max(item.x1 for item in prose)
    # The left margin is where most lines start: a running head or a title set further left
    # than the body does not move it.
    starts = Counter(round(item.x0) for item in prose)
    left = min(x0 for x0, count in starts.items() if count == max(starts.values()))
    for current, following in zip(placed, placed[1:]):
        if current.table_key is not None or following.table_key is not None:
            continue
        full = current.x1 >= right - _FULL_LINE_SLACK * char_width
        flush_left = following.x0 <= left + _INDENT_SLACK * char_width
        current.line = replace(current.line, wrapped=full and flush_left)

"""The readers' common output: lines of text with their anchors."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from plan_rules.sourcemap import Location

SourceKind = Literal["text", "docx", "pdf"]

# A page number printed as a line of its own ("-1-", "— 2 —", "第 3 页 共 9 页", "3/9"): page
# furniture, never part of the plan's text.
PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
                         r"|\d{1,3}\s*/\s*\d{1,3})\s*$")


class ReadError(Exception):
    """A document that cannot be read; the message is one Chinese line (IN001)."""


@dataclass(frozen=True)
class TextLine:
    """One line of a text file or PDF page, one Word paragraph, or one table row.

    `location` anchors the first character. A table row also lists its cells, each with
    its own anchor ("表格 1 第 3 行第 2 列"); the row's `text` is the cells joined by tabs.
    """
    text: str
    location: Location
    cells: tuple["TextLine", ...] = ()
    table: int | None = None          # 1-based table number, for rows of a Word table
    # PDF only: the line runs to the right margin and the next line is not indented, so the
    # sentence goes on there (measured on the page; None where the format cannot tell).
    wrapped: bool | None = None
    # The heading level the format itself marks, 0 the highest: a Word paragraph in a heading
    # style or with an outline level, a Markdown "#" line. None for body text and where the
    # format cannot tell (a PDF's headings are only larger type).
    outline: int | None = None

    def locate(self, offset: int) -> Location:
        """The anchor of the character at `offset` in `text`."""
        if self.cells:
            start = 0
            for cell in self.cells:
                end = start + len(cell.text)
                if offset <= end:
                    return cell.locate(max(offset - start, 0))
                start = end + 1       # the tab between cells
            return self.cells[-1].location
        if self.location.line is not None:
            return replace(self.location, column=(self.location.column or 1) + offset)
        return self.location


@dataclass(frozen=True)
class Source:
    """A document read into lines. `kind` tells the extractor whether lines may be visual
    wraps of one sentence (text and PDF) or are whole paragraphs (Word)."""
    kind: SourceKind
    lines: list[TextLine]

"""Where in a Word document each finding's place is: the paragraphs of a body paragraph or
table cell, keyed by the place's named numbers (sourcemap.Location.anchor).

The numbering is the Word reader's (plan_rules/readers/word.py): body paragraphs counted as
Word counts them, empty ones included; tables counted in body order, rows in table order, and
cells by grid column (a cell spanning columns takes the number of its first). A cell merged
into the one above stands for that one, which holds the text Word shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

Key = tuple[tuple[str, int], ...]


@dataclass
class Places:
    """Paragraph elements by place, and the top of the document (for the summary and for
    findings about the whole file)."""
    paragraphs: dict[Key, list] = field(default_factory=dict)
    top: list = field(default_factory=list)

    def add(self, key: Key, paragraphs: list) -> None:
        self.paragraphs[key] = paragraphs
        if not self.top and any(text_of(p).strip() for p in paragraphs):
            self.top = paragraphs[:1]

    def of(self, finding) -> list:
        """The finding's paragraphs: by its named numbers, else by its line (text files);
        the top when it has no place, or one this document does not have."""
        key = finding.anchor or ((("line", finding.line),) if finding.line is not None else ())
        return self.paragraphs.get(key) or self.top


def text_of(paragraph) -> str:
    return "".join(node.text or "" for node in paragraph.iter(qn("w:t")))


def docx_places(body) -> Places:
    places = Places()
    paragraph_number = table_number = 0
    for block in body.iterchildren(qn("w:p"), qn("w:tbl")):
        if block.tag == qn("w:tbl"):
            table_number += 1
            add_table(places, block, table_number)
        else:
            paragraph_number += 1
            places.add((("paragraph", paragraph_number),), [block])
    if not places.top:
        places.top = list(body.iterchildren(qn("w:p")))[:1]
    return places


def add_table(places: Places, table, table_number: int) -> None:
    merged_above: dict[int, list] = {}      # grid column → paragraphs of the cell a merge starts at
    for row_number, row in enumerate(table.iterchildren(qn("w:tr")), start=1):
        column = 1
        for cell in row.iterchildren(qn("w:tc")):
            properties = cell.find(qn("w:tcPr"))
            span = properties.find(qn("w:gridSpan")) if properties is not None else None
            merge = properties.find(qn("w:vMerge")) if properties is not None else None
            paragraphs = list(cell.iterchildren(qn("w:p")))
            if merge is not None and merge.get(qn("w:val")) != "restart":
                paragraphs = merged_above.get(column, paragraphs)
            else:
                merged_above[column] = paragraphs
            places.add((("table", table_number), ("row", row_number), ("column", column)), paragraphs)
            column += int(span.get(qn("w:val"), 1)) if span is not None else 1

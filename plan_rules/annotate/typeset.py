"""A text or PDF plan typeset as a .docx, for the reviewer's comments: one paragraph per
line as the reader gave it (a text file's every line, empty ones included, so that paragraph
N is line N; a PDF's lines, each page from a new page), in a Chinese font."""
from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn

from plan_rules.annotate.places import Places
from plan_rules.readers import Source

EAST_ASIAN_FONT = "宋体"


def typeset_source(source: Source):
    """The new document, and the places of its lines."""
    document = Document()
    fonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    places = Places()
    page = None
    for line in source.lines:
        paragraph = document.add_paragraph(line.text)
        anchor = dict(line.location.anchor)
        if page is not None and anchor.get("page", page) != page:
            paragraph.paragraph_format.page_break_before = True
        page = anchor.get("page")
        key = line.location.anchor or (("line", line.location.line),)
        places.add(key, [paragraph._p])
    if not places.top:
        places.top = [document.add_paragraph()._p]
    return document, places

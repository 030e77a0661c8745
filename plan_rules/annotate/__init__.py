"""plan-rules annotate: the plan as a Word document with a comment (批注, author "plan-rules")
on the paragraph or table cell of each finding, and a summary comment at the top.

A .docx is annotated as it is, otherwise unchanged; .doc/.wps/.rtf/.odt are converted by
LibreOffice first (readers/legacy.py); .txt/.md/.pdf are typeset as a .docx first
(typeset.py). python-docx is imported only here, so that checks do not pay for it.
"""
from __future__ import annotations

import io

from plan_rules.office_files import CONVERTIBLE_SUFFIXES

TEXT_SUFFIXES = (".txt", ".md", ".pdf")
ANNOTATABLE_SUFFIXES = (".docx",) + TEXT_SUFFIXES + CONVERTIBLE_SUFFIXES


class AnnotateError(ValueError):
    """A document that cannot carry comments; the message is one Chinese line."""


def annotated_docx(data: bytes, suffix: str, findings) -> bytes:
    """The .docx with the comments; `data` is a .docx, or a text or PDF document to typeset."""
    from plan_rules.annotate.comments import attach, finding_text, summary_text

    document, places = open_docx(data) if suffix == ".docx" else typeset_document(data, suffix)
    attach(document, places.top, summary_text(findings))
    for finding in findings:
        attach(document, places.of(finding), finding_text(finding))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def open_docx(data: bytes):
    from docx import Document

    from plan_rules.annotate.places import docx_places

    try:
        document = Document(io.BytesIO(data))
    except Exception:       # python-docx's errors of packages the reader tolerated
        raise AnnotateError("无法在此 Word 文档中写入批注（文档结构不受支持）；请在 Word 中另存为 .docx 后再试") from None
    places = docx_places(document.element.body)
    if not places.top:
        places.top = [document.add_paragraph()._p]
    return document, places


def typeset_document(data: bytes, suffix: str):
    from plan_rules.annotate.typeset import typeset_source
    from plan_rules.readers import read_bytes

    return typeset_source(read_bytes(data, suffix))

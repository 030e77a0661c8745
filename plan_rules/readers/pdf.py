"""PDF files with a text layer, read with pdfplumber. Lines are anchored "第 P 页第 L 行".

A scanned PDF has no text layer; it is reported as such rather than read as an empty plan
(OCR is out of scope).
"""
from __future__ import annotations

import io
import itertools
import re
import zlib

from plan_rules.readers.lines import ReadError, Source, TextLine
from plan_rules.sourcemap import Location


# A plan's page content inflates to some hundred KB; 64 MB is far beyond any real stream.
MAX_STREAM_BYTES = 64 * 1024 * 1024
_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")


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


def read_pdf(data: bytes) -> Source:
    refuse_inflation_bombs(data)
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            lines = list(_page_lines(pdf))
    except Exception as error:
        # pdfplumber wraps pdfminer's errors: look at the cause as well.
        if isinstance(error, PDFPasswordIncorrect) or any(isinstance(arg, PDFPasswordIncorrect) for arg in error.args):
            raise ReadError("PDF 文件已加密（设有打开密码），无法读取") from None
        raise ReadError("PDF 文件已损坏或不是有效的 PDF，无法打开") from None
    if not any(line.text.strip() for line in lines):
        raise ReadError("PDF 没有文字层（可能是扫描件），无法提取文字；请提供 Word 或文本版本")
    return Source("pdf", lines)


def _page_lines(pdf):
    reading_order = itertools.count(1)          # every line of every page, blank ones too
    for page_number, page in enumerate(pdf.pages, start=1):
        text = page.extract_text() or ""
        for line_number, line in enumerate(text.split("\n"), start=1):
            order = next(reading_order)
            if line.strip():
                yield TextLine(line, Location.page_line(page_number, line_number, order))

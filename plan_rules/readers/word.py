"""Word documents (.docx), read with python-docx.

Paragraphs and tables come in document order. A paragraph is anchored "段落 N" (N counts
every body paragraph, empty ones included, as Word does); a table row carries one anchor
per cell, "表格 T 第 R 行第 C 列". Word's automatic list numbering is not part of the
paragraph text, so it is rendered here ("1."、"（一）") — plans often number their
workday items that way.
"""
from __future__ import annotations

import io

from plan_rules.readers.lines import ReadError, Source, TextLine
from plan_rules.sourcemap import Location

# An encrypted .docx (打开密码) is not a zip but an OLE compound file, as is an old .doc.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE_DIGITS = "零一二三四五六七八九十"


def read_docx(data: bytes) -> Source:
    if data.startswith(_OLE_MAGIC):
        raise ReadError("Word 文档已加密（设有打开密码）或是旧版 .doc 格式，无法读取；请去掉密码或另存为 .docx")
    try:
        import docx
        document = docx.Document(io.BytesIO(data))
        return Source("docx", list(_document_lines(document)))
    except ReadError:
        raise
    except Exception:
        # python-docx raises zip, XML, key and value errors for damaged packages alike.
        raise ReadError("Word 文档已损坏或不是有效的 .docx 文件，无法打开") from None


def _document_lines(document):
    from docx.table import Table
    numbering = _ListNumbering(document)
    paragraph_number = table_number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table_number += 1
            yield from _table_rows(block, table_number)
            continue
        paragraph_number += 1
        text = numbering.label(block) + _paragraph_text(block)
        if text.strip():
            yield TextLine(text, Location(where=f"段落 {paragraph_number}"))


def _paragraph_text(paragraph) -> str:
    # A manual line break (Shift+Enter) only wraps a sentence; tabs would read as cell breaks.
    return paragraph.text.replace("\n", "").replace("\t", " ")


def _table_rows(table, table_number: int):
    for row_number, row in enumerate(table.rows, start=1):
        cells, seen = [], set()
        for column_number, cell in enumerate(row.cells, start=1):
            if id(cell._tc) in seen:          # a horizontally merged cell repeats per grid column
                continue
            seen.add(id(cell._tc))
            text = cell.text.replace("\n", " ").replace("\t", " ").strip()
            cells.append(TextLine(text, Location(where=f"表格 {table_number} 第 {row_number} 行第 {column_number} 列")))
        if any(cell.text for cell in cells):
            yield TextLine("\t".join(cell.text for cell in cells), cells[0].location, tuple(cells), table_number)


class _ListNumbering:
    """Renders Word's automatic numbering (numbering.xml) for numbered paragraphs."""

    def __init__(self, document):
        self._formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._counters: dict[str, list[int]] = {}
        self._styles = document.styles
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(_W + "abstractNumId"): a for a in root.iter(_W + "abstractNum")}
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            levels = abstract.get(ref.get(_W + "val")) if ref is not None else None
            for level in (levels if levels is not None else ()):
                if level.tag != _W + "lvl":
                    continue
                fmt, text, start = level.find(_W + "numFmt"), level.find(_W + "lvlText"), level.find(_W + "start")
                self._formats[(num.get(_W + "numId"), int(level.get(_W + "ilvl", 0)))] = (
                    fmt.get(_W + "val") if fmt is not None else "decimal",
                    text.get(_W + "val") if text is not None else "%1.",
                    int(start.get(_W + "val")) if start is not None else 1)

    def label(self, paragraph) -> str:
        num_id, level = self._numbering_of(paragraph)
        if num_id is None or (num_id, level) not in self._formats:
            return ""
        fmt, template, start = self._formats[(num_id, level)]
        counters = self._counters.setdefault(num_id, [])
        del counters[level + 1:]
        counters.extend([start - 1] * (level + 1 - len(counters)))
        counters[level] += 1
        text = template
        for index, value in enumerate(counters, start=1):
            text = text.replace(f"%{index}", _format_number(value, fmt if index == level + 1 else "decimal"))
        return text

    def _numbering_of(self, paragraph):
        ppr = paragraph._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        style = paragraph.style
        while num_pr is None and style is not None:     # numbering given by a list style
            style_ppr = style.element.pPr
            num_pr = style_ppr.numPr if style_ppr is not None else None
            style = style.base_style
        if num_pr is None or num_pr.numId is None or num_pr.numId.val == 0:
            return None, 0
        return str(num_pr.numId.val), (num_pr.ilvl.val if num_pr.ilvl is not None else 0)


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional") and 0 < value < 100:
        tens, ones = divmod(value, 10)
        return (("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" if tens else "") + (_CHINESE_DIGITS[ones] if ones else "")
    if fmt == "decimalEnclosedCircle" and 0 < value <= 20:
        return chr(0x2460 + value - 1)
    return str(value)

"""Word documents (.docx).

Paragraphs and tables come in document order. A paragraph is anchored "段落 N" (N counts
every body paragraph, empty ones included, as Word does); a table row carries one anchor
per cell, "表格 T 第 R 行第 C 列". Word's automatic list numbering is not part of the
paragraph text, so it is rendered here ("1."、"（一）") — plans often number their
workday items that way.

The package is opened with zipfile and only its three parts that matter (document, styles,
numbering, found through the package relationships) are parsed with lxml: python-docx's
Document() parses every part into rich objects, which alone took longer than the DESIGN.md
budget of 100 documents a second allows for the whole extraction.
"""
from __future__ import annotations

import io
import itertools
import posixpath

from plan_rules.readers.lines import ReadError, Source, TextLine
from plan_rules.sourcemap import Location

# An encrypted .docx (打开密码) is not a zip but an OLE compound file, as is an old .doc.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_STYLES = "/styles"
_NUMBERING = "/numbering"
_CHINESE_DIGITS = "零一二三四五六七八九十"


# The text of a long plan is a few hundred KB of XML; 64 MB is far beyond any real one.
MAX_PART_BYTES = 64 * 1024 * 1024


def read_docx(data: bytes) -> Source:
    if data.startswith(_OLE_MAGIC):
        raise ReadError("Word 文档已加密（设有打开密码）或是旧版 .doc 格式，无法读取；请去掉密码或另存为 .docx")
    import zipfile
    from lxml import etree
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = _WordParts(package, etree)
            return Source("docx", list(_document_lines(parts)))
    except ReadError:
        raise
    except Exception:
        # zip, XML, missing-part and value errors of damaged packages alike.
        raise ReadError("Word 文档已损坏或不是有效的 .docx 文件，无法打开") from None


class _WordParts:
    """The main document part and its styles and numbering parts, located through the package
    relationships (_rels/.rels, then the document's own .rels) as OPC requires."""

    def __init__(self, package, etree):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        self._package, self._parser, self._etree = package, parser, etree
        document_name = self._target("", "_rels/.rels", _OFFICE_DOCUMENT)
        if document_name is None:
            raise ReadError("Word 文档已损坏或不是有效的 .docx 文件，无法打开")
        self.document = self._parse(document_name)
        folder, name = posixpath.split(document_name)
        relationships = posixpath.join(folder, "_rels", name + ".rels")
        self._styles_name = self._target(folder, relationships, _STYLES)
        self.numbering = self._parse(self._target(folder, relationships, _NUMBERING))

    def style_table(self) -> dict[str, tuple[tuple[str | None, int] | None, str | None]]:
        """styleId → (its own numbering or None, the style it is based on), from the styles part.

        Parsed on demand, since a styles part is often ten times the size of the text, and
        remembered by the part's CRC-32 and size from the zip directory: plans written from
        one template (a province's, or Word's Normal.dotm) share it, and parsing it is most of
        the time a .docx takes."""
        if self._styles_name is None or self._styles_name not in self._package.namelist():
            return {}
        info = self._package.getinfo(self._styles_name)
        key = (info.CRC, info.file_size)
        if key not in _STYLE_TABLES:
            if len(_STYLE_TABLES) >= _STYLE_TABLES_KEPT:
                _STYLE_TABLES.pop(next(iter(_STYLE_TABLES)))
            _STYLE_TABLES[key] = _style_table(self._parse(self._styles_name))
        return _STYLE_TABLES[key]

    def _target(self, folder: str, relationships: str, kind: str) -> str | None:
        if relationships not in self._package.namelist():
            return None
        for relationship in self._parse(relationships).iter(_RELATIONSHIP):
            if relationship.get("Type", "").endswith(kind) and relationship.get("TargetMode") != "External":
                target = relationship.get("Target", "")
                return posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
        return None

    def _parse(self, name: str | None):
        if name is None or name not in self._package.namelist():
            return None
        return self._etree.fromstring(self._read_bounded(name), self._parser)

    def _read_bounded(self, name: str) -> bytes:
        """A part's bytes, inflated no further than MAX_PART_BYTES: a zip bomb declares a small
        size or a huge one, and either way stops here instead of filling memory."""
        declared = self._package.getinfo(name).file_size
        if declared > MAX_PART_BYTES:
            raise ReadError(part_too_large(declared))
        with self._package.open(name) as part:
            data = part.read(MAX_PART_BYTES + 1)
        if len(data) > MAX_PART_BYTES:
            raise ReadError(part_too_large(len(data)))
        return data


def part_too_large(size: int) -> str:
    return (f"Word 文档解压后过大（一个部件超过 {MAX_PART_BYTES // (1024 * 1024)} MB，实为 {size} 字节以上），"
            f"不像是一份计划，未读取")


def _document_lines(parts: _WordParts):
    numbering = _ListNumbering(parts)
    paragraph_number = table_number = 0
    reading_order = itertools.count(1)          # every paragraph and table cell, empty ones too
    body = parts.document.find(_W + "body")
    for block in (body.iterchildren(_W + "p", _W + "tbl") if body is not None else ()):
        if block.tag == _W + "tbl":
            table_number += 1
            yield from _table_rows(block, table_number, reading_order)
            continue
        paragraph_number += 1
        order = next(reading_order)
        text = numbering.label(block) + _paragraph_text(block)
        if text.strip():
            yield TextLine(text, Location.paragraph(paragraph_number, order))


def _paragraph_text(paragraph) -> str:
    # Text runs only (deleted text is w:delText); a manual line break (Shift+Enter) only wraps
    # a sentence, and a tab would read as a cell break.
    parts = []
    for node in paragraph.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        parts.append(node.text or "" if node.tag == _W + "t" else (" " if node.tag == _W + "tab" else ""))
    return "".join(parts)


def _table_rows(table, table_number: int, reading_order):
    merged_above: dict[int, str] = {}          # grid column → text of a vertically merged cell
    for row_number, row in enumerate(table.iterchildren(_W + "tr"), start=1):
        cells, column = [], 1
        for cell in row.iterchildren(_W + "tc"):
            properties = cell.find(_W + "tcPr")
            span = properties.find(_W + "gridSpan") if properties is not None else None
            merge = properties.find(_W + "vMerge") if properties is not None else None
            text = " ".join(_paragraph_text(p) for p in cell.iterchildren(_W + "p")).strip()
            if merge is not None and merge.get(_W + "val") != "restart":
                text = merged_above.get(column, text)      # continuation: Word shows the cell above
            else:
                merged_above[column] = text
            cells.append(TextLine(text, Location.table_cell(table_number, row_number, column, next(reading_order))))
            column += int(span.get(_W + "val", 1)) if span is not None else 1
        if any(cell.text for cell in cells):
            yield TextLine("\t".join(cell.text for cell in cells), cells[0].location, tuple(cells), table_number)


class _ListNumbering:
    """Renders Word's automatic numbering (numbering.xml) for numbered paragraphs."""

    def __init__(self, parts: _WordParts):
        self._formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._counters: dict[str, list[int]] = {}
        self._parts = parts
        self._styles: dict[str, tuple[tuple[str | None, int] | None, str | None]] | None = None
        root = parts.numbering
        # Numbering levels name the list styles linked to them ("ListNumber"): only paragraphs
        # of those styles need the styles part.
        self._list_styles = {style.get(_W + "val") for style in root.iter(_W + "pStyle")} if root is not None else set()
        if root is None:
            return
        abstract = {a.get(_W + "abstractNumId"): a for a in root.iter(_W + "abstractNum")}
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            levels = abstract.get(ref.get(_W + "val")) if ref is not None else None
            for level in (levels.iterchildren(_W + "lvl") if levels is not None else ()):
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

    def _numbering_of(self, paragraph) -> tuple[str | None, int]:
        properties = paragraph.find(_W + "pPr")
        if properties is None:
            return None, 0
        num_pr = properties.find(_W + "numPr")
        if num_pr is None:                      # numbering given by a list style
            style = properties.find(_W + "pStyle")
            style_id = style.get(_W + "val") if style is not None else None
            return self._numbering_of_style(style_id) if style_id in self._list_styles else (None, 0)
        return _num_pr_values(num_pr)

    def _numbering_of_style(self, style_id: str | None) -> tuple[str | None, int]:
        """A style's numbering, following basedOn (a loop of basedOn ends the search)."""
        if self._styles is None:
            self._styles = self._parts.style_table()
        found, seen = (None, 0), set()
        while style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            numbering, style_id = self._styles[style_id]
            if numbering is not None:
                return numbering
        return found


_STYLE_TABLES: dict[tuple[int, int], dict] = {}
_STYLE_TABLES_KEPT = 32


def _style_table(styles) -> dict[str, tuple[tuple[str | None, int] | None, str | None]]:
    table = {}
    for style in styles.iterchildren(_W + "style") if styles is not None else ():
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        based_on = style.find(_W + "basedOn")
        table[style.get(_W + "styleId")] = (_num_pr_values(num_pr) if num_pr is not None else None,
                                            based_on.get(_W + "val") if based_on is not None else None)
    return table


def _num_pr_values(num_pr) -> tuple[str | None, int]:
    num_id, level = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
    value = num_id.get(_W + "val") if num_id is not None else None
    return (None if value in (None, "0") else value), (int(level.get(_W + "val", 0)) if level is not None else 0)


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional") and 0 < value < 100:
        tens, ones = divmod(value, 10)
        return (("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" if tens else "") + (_CHINESE_DIGITS[ones] if ones else "")
    if fmt == "decimalEnclosedCircle" and 0 < value <= 20:
        return chr(0x2460 + value - 1)
    return str(value)

"""Word documents (.docx).

Paragraphs and tables come in reading order, as word_body.py reads them (content controls,
nested tables, text boxes once, fields, hidden text left out, …). A paragraph is anchored
"段落 N" (N counts every body paragraph, empty ones included, as Word does); a table row
carries one anchor per cell, "表格 T 第 R 行第 C 列". Word's automatic list numbering is not
part of the paragraph text, so it is rendered (word_numbering.py: "1."、"（一）") — plans
often number their workday items that way.

The package is opened with zipfile and only its three parts that matter (document, styles,
numbering, found through the package relationships) are parsed with lxml: python-docx's
Document() parses every part into rich objects, which alone took longer than the budget
(docs/architecture.md, "Budgets") of 100 documents a second allows for the whole extraction.
"""
from __future__ import annotations

import io
import posixpath
import re

from plan_rules.readers.lines import ReadError, Source
from plan_rules.readers.word_body import OFF, W, Body, outline_level
from plan_rules.readers.word_numbering import ListNumbering, NumberingRef, num_pr_values

# An encrypted .docx (打开密码) is not a zip but an OLE compound file, as is an old .doc.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_STYLES = "/styles"
_NUMBERING = "/numbering"


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

    def styles(self) -> Styles:
        """The styles part, parsed on demand, since it is often ten times the size of the text,
        and remembered by the part's CRC-32 and size from the zip directory: plans written from
        one template (a province's, or Word's Normal.dotm) share it, and parsing it is most of
        the time a .docx takes."""
        key = self._styles_key()
        if key is None:
            return Styles(None)
        if key not in _STYLE_TABLES:
            remember(_STYLE_TABLES, key, Styles(self._parse(self._styles_name)))
        return _STYLE_TABLES[key]

    def hidden_styles(self) -> frozenset[str]:
        """Styles whose text is hidden; the styles part is parsed only if it says "vanish"."""
        key = self._styles_key()
        if key is None:
            return frozenset()
        if key not in _STYLE_TABLES and key not in _WITHOUT_HIDDEN_STYLES:
            if b"vanish" in self._read_bounded(self._styles_name):
                return self.styles().hidden
            remember(_WITHOUT_HIDDEN_STYLES, key, True)
        return _STYLE_TABLES[key].hidden if key in _STYLE_TABLES else frozenset()

    def _styles_key(self) -> tuple[int, int] | None:
        if self._styles_name is None or self._styles_name not in self._package.namelist():
            return None
        info = self._package.getinfo(self._styles_name)
        return info.CRC, info.file_size

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
    body = parts.document.find(W + "body")
    if body is None:
        return iter(())
    numbering = ListNumbering(parts.numbering, parts.styles)
    return Body(numbering, parts.hidden_styles(), lambda style_id: parts.styles().outline_of(style_id)).lines(body)


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


class Styles:
    """What the styles part says that reading needs: each style's list numbering, the styles
    whose text is hidden (w:vanish), and each style's outline level (its w:outlineLvl, or the
    level its name gives: "heading 2", "标题 2" → 1), all through basedOn (a loop of basedOn
    ends)."""

    def __init__(self, root):
        self._own: dict[str, tuple[NumberingRef | None, bool | None, str | None, int | None]] = {}
        for style in root.iterchildren(W + "style") if root is not None else ():
            num_pr = style.find(f"{W}pPr/{W}numPr")
            vanish = style.find(f"{W}rPr/{W}vanish")
            based_on = style.find(W + "basedOn")
            self._own[style.get(W + "styleId")] = (
                num_pr_values(num_pr) if num_pr is not None else None,
                None if vanish is None else vanish.get(W + "val", "true") not in OFF,
                based_on.get(W + "val") if based_on is not None else None,
                _style_level(style))
        self.hidden = frozenset(style_id for style_id in self._own if self._first(style_id, 1))

    def numbering_of(self, style_id: str | None) -> NumberingRef:
        return self._first(style_id, 0) or (None, 0)

    def outline_of(self, style_id: str | None) -> int | None:
        level = self._first(style_id, 3)
        return level if level is not None and level >= 0 else None

    def _first(self, style_id: str | None, index: int):
        """The first setting (0: numbering, 1: hidden, 3: outline level) found from the style
        up its basedOn chain."""
        seen = set()
        while style_id in self._own and style_id not in seen:
            seen.add(style_id)
            own = self._own[style_id]
            if own[index] is not None:
                return own[index]
            style_id = own[2]
        return None


def _style_level(style) -> int | None:
    """A style's own outline level; -1 for one that says body text, so that a heading's
    level is not inherited past it; None when it says nothing."""
    own = style.find(f"{W}pPr/{W}outlineLvl")
    if own is not None:
        level = outline_level(own)
        return -1 if level is None else level
    name = style.find(W + "name")
    heading = _HEADING_NAME.match(name.get(W + "val") or "") if name is not None else None
    return int(heading.group(1)) - 1 if heading else None


_STYLE_TABLES: dict[tuple[int, int], Styles] = {}
_WITHOUT_HIDDEN_STYLES: dict[tuple[int, int], bool] = {}     # styles parts that never say "vanish"
_STYLE_TABLES_KEPT = 32


def remember(cache: dict, key, value) -> None:
    if len(cache) >= _STYLE_TABLES_KEPT:
        cache.pop(next(iter(cache)))
    cache[key] = value

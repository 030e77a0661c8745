"""The same plan written in another style reads the same: each text fixture is rewritten the
ways real plans differ in form only (punctuation and digit widths, spaces between Chinese and
figures, units, section numbering, Markdown headings, hard wrapping, encoding and line ends,
and the text set as a Word document or a PDF), and must give the same figures and the same
findings as the fixture as written.

A metamorphic test: it needs no expected answer of its own, so it reaches every style a
fixture can be put into, and a reading that depends on one spelling of a form fails here."""
from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from plan_rules.extract import extract_bytes

DOCUMENTS = Path(__file__).parent.parent / "fixtures" / "documents"
# The text fixtures, as their writers saved them, and whether their lines are already cut at
# a width (then they are not cut again, and no unit is respelled: that would move the cuts).
TEXTS = {"lishan-2023.txt": False, "xinhe-2023-web.txt": False, "beihu-2024-gb18030.txt": False,
         "dongshan-2024.md": False, "qingyuan-2025-bom.md": False, "hongshan-2022-wrapped.txt": True}
_CN = "一二三四五六七八九十"


def _half_width_punctuation(text: str) -> str:
    return text.translate(str.maketrans("：，（）；", ":,();"))


def _full_width_digits(text: str) -> str:
    return re.sub(r"[0-9]", lambda match: chr(ord(match.group()) + 0xFEE0), text)


def _spaced(text: str) -> str:
    """"250 天", "人数 13": as a PDF's text layer spaces figures from Chinese."""
    text = re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)", " ", text)
    return re.sub(r"(?<=\d)(?=[\u4e00-\u9fff])", " ", text)


def _days_as_tian(text: str) -> str:
    return text.replace("个工作日", "天")


def _markdown_headings(text: str) -> str:
    """"一、" and "（一）" headings become "##" and "###" without their numbers."""
    text = re.sub(rf"(?m)^([{_CN}]+)、", "## ", text)
    return re.sub(rf"(?m)^[（(]([{_CN}]+)[）)]", "### ", text)


def _decimal_outline(text: str) -> str:
    """"一、" → "3 ", "（一）" → "3.1 " (a numbered outline as in standards and reports)."""
    lines, top, sub = [], 0, 0
    for line in text.split("\n"):
        match = re.match(rf"^([{_CN}]+)、", line)
        if match:
            top, sub = top + 1, 0
            lines.append(f"{top} {line[match.end():]}")
            continue
        match = re.match(rf"^[（(]([{_CN}]+)[）)]", line)
        if match and top:
            sub += 1
            lines.append(f"{top}.{sub} {line[match.end():]}")
            continue
        lines.append(line)
    return "\n".join(lines)


def _hard_wrapped(text: str, width: int = 28) -> str:
    """Cut every prose line at `width` characters (the indent counted), a page number every
    40 lines, as a plan saved from an e-mail or an old editor is."""
    lines, cut = [], 0
    for line in text.split("\n"):
        if "\t" in line or "|" in line or len(line) <= width:
            lines.append(line)
            continue
        for start in range(0, len(line), width):
            lines.append(line[start:start + width])
            cut += 1
            if cut % 40 == 0:
                lines.append(f"- {cut // 40} -")
    return "\n".join(lines)


# name → (rewrite, whether it applies to a text already cut at a width: respelling or cutting
# again would move the cuts, and a Markdown heading line is never continued on the next line)
STYLES = {
    "half-width punctuation": (_half_width_punctuation, True),
    "full-width digits": (_full_width_digits, True),
    "figures spaced from Chinese": (_spaced, True),
    "天 for 个工作日": (_days_as_tian, False),
    "Markdown headings": (_markdown_headings, False),
    "decimal outline": (_decimal_outline, True),
    "hard-wrapped at 28": (_hard_wrapped, False),
}


def _rows(lines: list[str]) -> list[tuple[bool, list]]:
    """The text's blocks: (False, [line]) for a paragraph, (True, [cells, …]) for a table of
    tab-separated or pipe rows (a pipe table's separator row dropped)."""
    blocks: list[tuple[bool, list]] = []
    for line in lines:
        cells = ([cell.strip() for cell in line.strip().strip("|").split("|")] if line.strip().startswith("|")
                 else line.split("\t") if "\t" in line else None)
        if cells is None:
            blocks.append((False, [line]))
        elif not all(re.fullmatch(r"[\s:\-]*", cell) for cell in cells):
            if blocks and blocks[-1][0]:
                blocks[-1][1].append(cells)
            else:
                blocks.append((True, [cells]))
    return blocks


def as_word(text: str, heading_styles: bool = False) -> bytes:
    """Each line a paragraph, each run of rows a Word table; with `heading_styles`, the "一、"
    and "（一）" headings set in Heading 1 and Heading 2 without their numbers."""
    import docx
    document = docx.Document()
    for is_table, content in _rows(text.split("\n")):
        if not is_table:
            top = re.match(rf"^([{_CN}]+)、", content[0])
            sub = re.match(rf"^[（(]([{_CN}]+)[）)]", content[0])
            if heading_styles and (top or sub):
                document.add_heading(content[0][(top or sub).end():], 1 if top else 2)
            else:
                document.add_paragraph(content[0])
            continue
        width = max(len(cells) for cells in content)
        table = document.add_table(rows=len(content), cols=width)
        for row, cells in zip(table.rows, content):
            for cell, value in zip(row.cells, cells):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(text: str, running_head: str = "") -> bytes:
    """Each line a paragraph set on an A4 page (long ones wrap at the margin), each run of rows
    a ruled table: a plan printed to PDF; with `running_head`, that line atop every page and
    "第 N 页" below it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK")
    grid = TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 9), ("GRID", (0, 0), (-1, -1), 0.5, "black")])
    story = []
    for is_table, content in _rows(text.split("\n")):
        if is_table:
            width = max(len(cells) for cells in content)
            story.append(Table([cells + [""] * (width - len(cells)) for cells in content], style=grid))
        elif content[0].strip():
            story.append(Paragraph(escape(content[0]), style))
        else:
            story.append(Spacer(0, 10))
    def furniture(canvas, document):
        if running_head:
            canvas.setFont("STSong-Light", 9)
            canvas.drawString(72, A4[1] - 40, running_head)
            canvas.drawCentredString(A4[0] / 2, 30, f"第 {document.page} 页")
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1, title="").build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


# name → (set as, suffix): the text fixtures as Word documents and PDFs. Not for Markdown (its
# marks are not Word's) nor for a hard-wrapped text (a Word paragraph is never continued).
FORMATS = {"Word": (as_word, ".docx"), "Word, headings by style": (lambda text: as_word(text, True), ".docx"),
           "PDF": (as_pdf, ".pdf"),
           "PDF with running heads": (lambda text: as_pdf(text, text.strip().split("\n")[0][:30]), ".pdf")}


def _decoded(name: str) -> str:
    data = (DOCUMENTS / name).read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding).replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue
    raise AssertionError(f"{name} is neither UTF-8 nor GB18030")


def _reading(checker, data: bytes, name: str, suffix: str | None = None):
    """What must not change with the style: every figure (labels in one spelling) and the
    findings by code and severity."""
    suffix = suffix or Path(name).suffix
    plan = extract_bytes(data, name, suffix).plan.model_dump(mode="json", exclude={"document"})
    figures = unicodedata.normalize("NFKC", repr(plan)).replace(" ", "")
    findings = checker.check_bytes(data, name, suffix).findings
    return figures, Counter((f.code, f.severity.name) for f in findings)


def _cases():
    for name, wrapped in TEXTS.items():
        for style, (_, for_wrapped) in STYLES.items():
            if for_wrapped or not wrapped:
                yield pytest.param(name, style, id=f"{name}-{style}")


@pytest.mark.parametrize("name,style", list(_cases()))
def test_a_plan_rewritten_in_another_style_reads_the_same(python_checker, name, style):
    text = _decoded(name)
    rewrite = STYLES[style][0]
    as_written = _reading(python_checker, text.encode("utf-8"), name)
    rewritten = _reading(python_checker, rewrite(text).encode("utf-8"), name)
    assert rewritten[0] == as_written[0]
    assert rewritten[1] == as_written[1]


@pytest.mark.parametrize("name", [name for name in TEXTS if name.endswith(".txt")])
def test_a_plan_saved_as_gb18030_with_crlf_reads_the_same(python_checker, name):
    text = _decoded(name)
    as_written = _reading(python_checker, text.encode("utf-8"), name)
    assert _reading(python_checker, text.replace("\n", "\r\n").encode("gb18030"), name) == as_written


@pytest.mark.parametrize("set_as", list(FORMATS))
@pytest.mark.parametrize("name", [name for name, wrapped in TEXTS.items() if name.endswith(".txt") and not wrapped])
def test_a_plan_set_as_a_word_document_or_a_pdf_reads_the_same(python_checker, name, set_as):
    text = _decoded(name)
    make, suffix = FORMATS[set_as]
    as_written = _reading(python_checker, text.encode("utf-8"), name)
    assert _reading(python_checker, make(text), Path(name).stem + suffix, suffix) == as_written


@pytest.mark.parametrize("name", ["anping-2023.docx", "pingan-2025.docx", "taoyuan-2026.docx"])
def test_a_word_plan_copied_out_as_text_reads_the_same(python_checker, name):
    """Word's text as it copies out: each paragraph a line, each table row its cells
    separated by tabs."""
    from plan_rules.readers import read_document
    data = (DOCUMENTS / name).read_bytes()
    text = "\n".join(line.text for line in read_document(DOCUMENTS / name).lines)
    as_written = _reading(python_checker, data, name)
    assert _reading(python_checker, text.encode("utf-8"), Path(name).stem + ".txt", ".txt") == as_written

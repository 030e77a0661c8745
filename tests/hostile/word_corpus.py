"""Word documents that keep their text where Word keeps it (issue 11): anping-2023.docx with its
content moved into content controls, custom XML, a nested table, a text box, an equation, a
Symbol-font character; with text that no reader sees added (hidden, deleted, a placeholder's
prompt, zero-width spaces inside figures); and with a numbering level of 10^8. Each must read
as anping-2023.docx reads (the same findings), or be refused in words.

    READ_AS_ANPING: {file name: (make its bytes, same paragraph numbers)}, read in the test process
    IN_CORPUS: {file name: make its bytes}, in the hostile corpus (make_corpus.py), checked like
               anping-2023.docx in a process of their own under time and memory limits
    REFUSED: {file name: (make its bytes, phrase)}: IN001 with this phrase
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Callable

ANPING = Path(__file__).resolve().parents[2] / "fixtures" / "documents" / "anping-2023.docx"
TOTAL_PARAGRAPH = "<w:p><w:r><w:t>总法定工作日：249日×20人=4980日。</w:t></w:r></w:p>"
TOTAL_TEXT = "总法定工作日：249日×20人=4980日。"
NESTING = 40       # beyond word_body.MAX_NESTING


def anping_with(document: Callable[[str], str], parts: dict[str, Callable[[str], str]] | None = None) -> bytes:
    """anping-2023.docx with word/document.xml, and any other part named in `parts`, rewritten."""
    rewrites = {"word/document.xml": document, **(parts or {})}
    source = zipfile.ZipFile(ANPING)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in rewrites:
                data = rewrites[info.filename](data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def replace_once(xml: str, old: str, new: str) -> str:
    assert xml.count(old) == 1, old
    return xml.replace(old, new)


def body_blocks(xml: str, wrap: Callable[[str], str]) -> str:
    """Every paragraph of the body (not those in tables) wrapped."""
    head, body = xml.split("<w:body>", 1)
    parts = re.split(r"(<w:tbl>.*?</w:tbl>)", body, flags=re.S)
    return head + "<w:body>" + "".join(part if part.startswith("<w:tbl>") else
                                       re.sub(r"<w:p>.*?</w:p>", lambda m: wrap(m.group()), part, flags=re.S)
                                       for part in parts)


def in_controls(xml: str) -> str:
    """Paragraphs in block-level content controls, table rows in row-level ones, each run of
    a cell in a run-level one."""
    def control(inner: str) -> str:
        return f"<w:sdt><w:sdtPr><w:alias w:val=\"填写\"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    xml = body_blocks(xml, control)
    xml = re.sub(r"<w:tr>.*?</w:tr>", lambda m: control(m.group()), xml, flags=re.S)
    return re.sub(r"(<w:tc>.*?<w:p>)(<w:r>.*?</w:r>)", lambda m: m.group(1) + control(m.group(2)), xml, flags=re.S)


def in_custom_xml(xml: str) -> str:
    """Paragraphs, table rows and table cells in custom XML elements."""
    def custom(inner: str) -> str:
        return f"<w:customXml w:uri=\"urn:plan\" w:element=\"part\">{inner}</w:customXml>"
    xml = body_blocks(xml, custom)
    xml = re.sub(r"<w:tr>.*?</w:tr>", lambda m: custom(m.group()), xml, flags=re.S)
    return re.sub(r"<w:tc>.*?</w:tc>", lambda m: custom(m.group()), xml, flags=re.S)


def in_layout_table(xml: str) -> str:
    """The workday table inside the one cell of a layout table, as web pages pasted into Word
    often are."""
    start = xml.index("<w:tbl>")
    end = xml.index("</w:tbl>", start) + len("</w:tbl>")
    return (xml[:start] + "<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w=\"9000\" w:type=\"dxa\"/></w:tcPr>"
            + xml[start:end] + "<w:p/></w:tc></w:tr></w:tbl>" + xml[end:])


def text_box(inner: str) -> str:
    """A paragraph anchoring a text box, stored as Word stores it: a drawing, and the same
    box again as a VML fallback."""
    content = f"<w:txbxContent>{inner}</w:txbxContent>"
    drawing = ("<w:drawing><wp:inline><wp:extent cx=\"1\" cy=\"1\"/><wp:docPr id=\"9\" name=\"文本框\"/>"
               "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
               "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
               f"<wps:wsp><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
               "</wp:inline></w:drawing>")
    fallback = f"<w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
    return (f"<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">{drawing}</mc:Choice>"
            f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r></w:p>")


def with_hidden_text(xml: str) -> str:
    """An old draft's figures beside the real ones, hidden: directly, and by a style."""
    hidden = ("<w:r><w:rPr><w:vanish/></w:rPr><w:t>（旧稿：250日×25人=6250日）</w:t></w:r>"
              "<w:r><w:rPr><w:rStyle w:val=\"DraftNote\"/></w:rPr><w:t>（又一稿：248日×30人=7440日）</w:t></w:r>")
    return replace_once(xml, TOTAL_PARAGRAPH, TOTAL_PARAGRAPH.replace("</w:r></w:p>", "</w:r>" + hidden + "</w:p>"))


def with_hidden_style(styles: str) -> str:
    style = ("<w:style w:type=\"character\" w:styleId=\"DraftNote\"><w:name w:val=\"Draft Note\"/>"
             "<w:rPr><w:vanish/></w:rPr></w:style>")
    return replace_once(styles, "</w:styles>", style + "</w:styles>")


def with_deleted_row(xml: str) -> str:
    """A row struck out with tracked changes: the total it would change is not read."""
    row = ("<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"审核\" w:date=\"2023-01-10T00:00:00Z\"/></w:trPr>"
           "<w:tc><w:p><w:r><w:delText>11</w:delText></w:r></w:p></w:tc>"
           "<w:tc><w:p><w:r><w:t>开展专项整治</w:t></w:r></w:p></w:tc>"
           "<w:tc><w:p><w:r><w:t>300</w:t></w:r></w:p></w:tc></w:tr>")
    anchor = xml.index("</w:tr>", xml.index("完成本级人民政府或者上级部门安排的执法工作任务")) + len("</w:tr>")
    return xml[:anchor] + row + xml[anchor:]


def with_placeholder(xml: str) -> str:
    """Content controls still showing their prompts, which quote figures as an example: one
    in the total's paragraph, one a paragraph of its own after it."""
    def prompt(content: str) -> str:
        return f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"
    inline = prompt(run("（示例：250日×30人=7500日）"))
    block = prompt(f"<w:p>{run('示例：总法定工作日：248日×10人=2480日')}</w:p>")
    return replace_once(xml, TOTAL_PARAGRAPH, TOTAL_PARAGRAPH.replace("</w:r></w:p>", "</w:r>" + inline + "</w:p>") + block)


def total_as(runs: str) -> Callable[[str], str]:
    """The total's paragraph written with these runs instead."""
    return lambda xml: replace_once(xml, TOTAL_PARAGRAPH, f"<w:p>{runs}</w:p>")


def run(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


SYMBOL_TIMES = total_as(run("总法定工作日：249日") + "<w:r><w:sym w:font=\"Symbol\" w:char=\"F0B4\"/></w:r>"
                        + run("20人=4980日。"))
ZERO_WIDTH = total_as(run("总法定工作日：2\u200b49日×2\u200d0人=49\ufeff80日。"))
M_RUN = "<m:r><m:t>{}</m:t></m:r>"
EQUATION = total_as(run("总法定工作日：") + "<m:oMath>" + "".join(M_RUN.format(t) for t in ("249日", "×", "20人", "=", "4980日"))
                    + "</m:oMath>" + run("。"))
TEXT_BOX = (lambda xml: replace_once(xml, TOTAL_PARAGRAPH, text_box(TOTAL_PARAGRAPH)))


def deep_tables(xml: str) -> str:
    cell = "<w:p><w:r><w:t>套</w:t></w:r></w:p>"
    for _ in range(NESTING):
        cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl><w:p/>"
    return replace_once(xml, TOTAL_PARAGRAPH, TOTAL_PARAGRAPH + cell)


def numbering_level_bomb(numbering: str) -> str:
    """A list level of 10^8 (Word has nine, 0 to 8)."""
    level = ("<w:lvl w:ilvl=\"100000000\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
             "<w:lvlText w:val=\"%100000000.\"/></w:lvl>")
    return re.sub(r"(<w:abstractNum w:abstractNumId=\"8\">.*?)(</w:abstractNum>)", lambda m: m.group(1) + level + m.group(2),
                  numbering, count=1, flags=re.S)


def numbered_at_bomb_level(xml: str) -> str:
    return replace_once(xml, TOTAL_PARAGRAPH, TOTAL_PARAGRAPH.replace(
        "<w:p>", "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"100000000\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"))


# name → (make the document, whether its paragraphs keep anping's numbers). Read as Word shows
# it, each gives the lines of anping-2023.docx (test_word_reading.py).
READ_AS_ANPING = {
    "word-content-controls.docx": (lambda: anping_with(in_controls), True),
    "word-custom-xml.docx": (lambda: anping_with(in_custom_xml), True),
    "word-nested-table.docx": (lambda: anping_with(in_layout_table), True),
    "word-text-box.docx": (lambda: anping_with(TEXT_BOX), True),
    "word-hidden-text.docx": (lambda: anping_with(with_hidden_text, {"word/styles.xml": with_hidden_style}), True),
    "word-deleted-row.docx": (lambda: anping_with(with_deleted_row), True),
    # The control is a paragraph of the body, as Word counts them: those after it move by one.
    "word-placeholder.docx": (lambda: anping_with(with_placeholder), False),
    "word-symbol-font.docx": (lambda: anping_with(SYMBOL_TIMES), True),
    "word-zero-width.docx": (lambda: anping_with(ZERO_WIDTH), True),
    "word-equation.docx": (lambda: anping_with(EQUATION), True),
}
# Checked whole, in the hostile corpus (under its time and memory bounds): those whose
# findings were not anping's before, and the numbering bomb, 12 KB that made the numbering
# counters a list of 10^8 numbers (67 s and 1.6 GB): never read in the test process itself.
IN_CORPUS = {name: READ_AS_ANPING[name][0] for name in ("word-content-controls.docx", "word-custom-xml.docx",
                                                         "word-symbol-font.docx", "word-zero-width.docx",
                                                         "word-equation.docx")}
IN_CORPUS["word-numbering-level-bomb.docx"] = lambda: anping_with(numbered_at_bomb_level,
                                                                  {"word/numbering.xml": numbering_level_bomb})
REFUSED = {
    "word-nested-40-deep.docx": (lambda: anping_with(deep_tables), "层层套叠超过 32 层"),
}

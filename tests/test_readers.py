"""Readers: encodings are detected, not assumed; every anchor is the place a person would look;
every unreadable file is one Chinese line (IN001), never a traceback."""
from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plan_rules.extract import extract_document
from plan_rules.findings import Severity
from plan_rules.readers import ReadError, read_document
from plan_rules.sourcemap import Location

DOCUMENTS = Path(__file__).parent.parent / "fixtures" / "documents"
UNREADABLE = DOCUMENTS / "unreadable"
PLAN_TEXT = "安平县应急管理局2024年度安全生产监督检查计划\r\n一、行政执法人员数量：１２人\r\n二、总法定工作日：２９８８日\r\n"


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""), ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_text_is_decoded_whatever_its_encoding(tmp_path, encoding, prefix):
    path = tmp_path / "plan.txt"
    path.write_bytes(prefix + PLAN_TEXT.encode(encoding))
    lines = read_document(path).lines
    assert lines[0].text == "安平县应急管理局2024年度安全生产监督检查计划"       # no BOM character left
    assert (lines[2].text, lines[2].location) == ("二、总法定工作日：２９８８日", Location(line=3, column=1))


def test_the_gb18030_fixture_is_not_valid_utf8_and_reads_all_the_same():
    data = (DOCUMENTS / "beihu-2024-gb18030.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert read_document(DOCUMENTS / "beihu-2024-gb18030.txt").lines[0].text == "江口市北湖区应急管理局"


def test_gb18030_that_detection_does_not_name_is_still_read(monkeypatch):
    # charset-normalizer gives up on some real GB18030 plans (a CRLF one with full-width spaces)
    from plan_rules.readers import plain
    monkeypatch.setattr(plain, "_decode_detected", lambda data: None)
    data = (DOCUMENTS / "beihu-2024-gb18030.txt").read_bytes().replace(b"\n", b"\r\n")
    assert plain.read_text_bytes(data).lines[0].text == "江口市北湖区应急管理局"
    # rare characters only: text in some other encoding, not read as GB18030
    assert plain._decode_gb18030("鍏ㄥ眬鎵ф硶".encode("gb18030")) is None


def test_lines_are_numbered_as_editors_number_them():
    lines = read_document(DOCUMENTS / "lishan-2023.txt").lines
    assert lines[60].text.startswith("8.完成本级人民政府") and lines[60].location == Location(line=61, column=1)


def test_word_paragraphs_and_table_cells_carry_their_anchors():
    lines = read_document(DOCUMENTS / "anping-2023.docx").lines
    assert (lines[9].text, lines[9].location.where) == ("总法定工作日：249日×20人=4980日。", "段落 10")
    row = lines[12]
    assert row.text == "一\t其他执法工作日\t1800"
    assert [cell.location.where for cell in row.cells] == ["表格 1 第 2 行第 1 列", "表格 1 第 2 行第 2 列", "表格 1 第 2 行第 3 列"]
    assert row.locate(row.text.index("1800")).where == "表格 1 第 2 行第 3 列"


def test_word_automatic_numbering_is_rendered_and_merged_cells_are_read_once_per_row():
    lines = read_document(DOCUMENTS / "taoyuan-2026.docx").lines
    assert lines[6].text == "1.开展安全生产综合监管：100天"            # List Number style, no "1." in the text
    assert lines[13].text.startswith("8.完成本级人民政府")
    assert [line.text.split("\t")[0] for line in lines if line.table == 1][1:3] == ["非执法工作日", "非执法工作日"]


def test_word_heading_styles_and_outline_levels_give_a_paragraphs_level(tmp_path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    document = docx.Document()
    document.add_heading("执法力量", 1)
    document.add_heading("其他执法工作日", 2)
    document.add_paragraph("纳入计划的行政执法人员8人。")
    own = document.add_paragraph("非执法工作日")             # an outline level set on the paragraph
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "1")
    own._p.get_or_add_pPr().append(level)
    body = document.styles.add_style("正文说明", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = document.styles["Heading 1"]           # based on a heading, but says body text
    said = OxmlElement("w:outlineLvl")
    said.set(qn("w:val"), "9")
    body.element.get_or_add_pPr().append(said)
    document.add_paragraph("说明", style="正文说明")
    document.add_heading("一个标题样式的段落写得很长，一句完整的话，以句号结束，不是标题。", 1)
    document.save(tmp_path / "styled.docx")
    lines = read_document(tmp_path / "styled.docx").lines
    assert [(line.text, line.outline) for line in lines] == [
        ("执法力量", 0), ("其他执法工作日", 1), ("纳入计划的行政执法人员8人。", None), ("非执法工作日", 1), ("说明", None),
        ("一个标题样式的段落写得很长，一句完整的话，以句号结束，不是标题。", None)]


def test_markdown_headings_carry_their_level(tmp_path):
    (tmp_path / "plan.md").write_text("# 标题\n正文\n### 其他执法工作日\n#没有空格不是标题\n", encoding="utf-8")
    assert [line.outline for line in read_document(tmp_path / "plan.md").lines] == [0, None, 2, None, None]


def test_pdf_lines_are_anchored_by_page_and_line():
    lines = read_document(DOCUMENTS / "xishan-2024.pdf").lines
    assert (lines[0].text, lines[0].location.where) == ("西安江市西山区应急管理局2024年安全生产年度监督检查计划", "第 1 页第 1 行")
    assert lines[-1].location.where.startswith("第 2 页")


@pytest.mark.parametrize("name, message", [
    ("empty.txt", "文件为空"),
    ("blank.txt", "文件为空"),
    ("binary.txt", "无法识别文件的文字编码"),
    ("corrupt.docx", "Word 文档已损坏"),
    ("encrypted.docx", "Word 文档已加密"),
    ("corrupt.pdf", "PDF 文件已损坏"),
    ("encrypted.pdf", "PDF 文件已加密"),
    ("scanned.pdf", "PDF 没有文字层"),
])
def test_each_unreadable_file_is_one_in001_finding(name, message):
    extraction = extract_document(str(UNREADABLE / name))
    assert extraction.plan is None
    [finding] = extraction.findings
    assert (finding.code, finding.severity) == ("IN001", Severity.error)
    assert finding.message.startswith(message) and "\n" not in finding.message
    assert finding.file == str(UNREADABLE / name)


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp, "无法读取文件：这是一个目录"),
    (lambda tmp: tmp / "缺失.txt", "无法读取文件：文件不存在"),
    (lambda tmp: _write(tmp / "旧版.doc", b"\xd0\xcf\x11\xe0"), "不支持旧版 Word"),
    (lambda tmp: _write(tmp / "plan.txt", b"\xff\xfe\x00\xd8"), "无法识别文件的文字编码"),   # UTF-16 BOM, broken surrogate
])
def test_other_unreadable_inputs_are_findings_too(tmp_path, make, message):
    [finding] = extract_document(str(make(tmp_path))).findings
    assert finding.code == "IN001" and finding.message.startswith(message)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_read_error_is_the_only_exception_readers_raise():
    with pytest.raises(ReadError):
        read_document(UNREADABLE / "corrupt.docx")


def test_word_pdf_and_detection_libraries_are_imported_only_when_needed():
    code = ("import sys; from plan_rules.extract import extract_document; "
            f"extract_document({str(DOCUMENTS / 'lishan-2023.txt')!r}); "
            "print(sorted(m for m in ('docx', 'pdfplumber', 'charset_normalizer', 'cn2an', 'ruamel') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_bytes_already_read_extract_like_the_file():
    data = (DOCUMENTS / "anping-2023.docx").read_bytes()
    from plan_rules.extract import extract_bytes
    from_bytes = extract_bytes(data, "计划.docx", ".DOCX")
    assert from_bytes.plan == extract_document(str(DOCUMENTS / "anping-2023.docx")).plan
    [finding] = extract_bytes(b"", "empty.txt", ".txt").findings
    assert finding.code == "IN001"


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.sampled_from([b"PK\x03\x04", b"%PDF-1.7\n", b"\xd0\xcf\x11\xe0"]).flatmap(
    lambda head: st.binary(max_size=300).map(lambda tail: head + tail))), st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_arbitrary_bytes_never_raise(data, suffix):
    from plan_rules.extract import extract_bytes
    extraction = extract_bytes(data, "随机" + suffix, suffix)
    assert extraction.plan is not None or [f.code for f in extraction.findings] == ["IN001"]

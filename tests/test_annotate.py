"""plan-rules annotate: the findings written into the Word document as comments (批注), read
back with python-docx, and opened by LibreOffice."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from plan_rules.annotate.comments import finding_text
from plan_rules.batch import run_batch
from plan_rules.cli import main

docx = pytest.importorskip("docx", reason="python-docx 未安装")
DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
SEED = DOCUMENTS / "lishan-2023.txt"
TAOYUAN = DOCUMENTS / "taoyuan-2026.docx"
XISHAN = DOCUMENTS / "xishan-2024.pdf"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="未安装 LibreOffice（apt-get install -y libreoffice-writer-nogui），跳过")


def annotate(plan: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["annotate", str(plan), "-o", str(out), *args])


@pytest.fixture(scope="module")
def annotated(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("annotated")
    out = {}
    for plan in (SEED, TAOYUAN, XISHAN):
        out[plan.name] = folder / f"{plan.stem}-审核意见.docx"
        result = annotate(plan, out[plan.name])
        assert result.exit_code == 1, result.output      # each has errors
        assert result.stderr.startswith(f"plan-rules: 已写出 {out[plan.name]}：汇总批注 1 条")
    return out


def findings_of(plan: Path):
    return run_batch([str(plan)]).all_findings


def body_of(path: Path):
    return etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(W + "body")


def anchored_paragraphs(body) -> dict[int, etree._Element]:
    """Comment id → the paragraph its range starts in."""
    return {int(start.get(W + "id")): next(start.iterancestors(W + "p")) for start in body.iter(W + "commentRangeStart")}


def text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(W + "t"))


@pytest.mark.parametrize("plan", [SEED, TAOYUAN, XISHAN], ids=lambda p: p.suffix)
def test_comments_match_the_findings_one_for_one(annotated, plan):
    comments = list(docx.Document(str(annotated[plan.name])).comments)
    findings = findings_of(plan)
    assert {c.author for c in comments} == {"plan-rules"}
    summary, *rest = comments
    assert Counter(c.text for c in rest) == Counter(finding_text(f) for f in findings)
    errors = sum(1 for f in findings if f.severity.name == "error")
    assert summary.text.startswith(f"plan-rules 检查结果：错误 {errors} 条，")


def test_a_docx_comment_sits_on_the_finding_s_paragraph_or_table_cell(annotated):
    path = annotated[TAOYUAN.name]
    by_text = {c.text: c.comment_id for c in docx.Document(str(path)).comments}
    body = body_of(path)
    starts = anchored_paragraphs(body)
    paragraphs, tables = list(body.iterchildren(W + "p")), list(body.iterchildren(W + "tbl"))
    for finding in findings_of(TAOYUAN):
        paragraph = starts[by_text[finding_text(finding)]]
        place = dict(finding.anchor)
        if "paragraph" in place:
            assert paragraph is paragraphs[place["paragraph"] - 1]
        elif "table" in place:
            row = list(tables[place["table"] - 1].iterchildren(W + "tr"))[place["row"] - 1]
            assert next(paragraph.iterancestors(W + "tr")) is row
        else:       # about the whole file: at the top, with the summary
            assert paragraph is starts[0]
    wd005 = next(f for f in findings_of(TAOYUAN) if f.code == "WD005")
    assert text(starts[by_text[finding_text(wd005)]]).startswith("机关值班（节假日）")


def test_a_text_plan_is_rendered_a_paragraph_a_line_with_comments_on_their_lines(annotated):
    path = annotated[SEED.name]
    lines = SEED.read_text(encoding="utf-8").split("\n")      # as the reader splits: a last newline ends an empty line
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs] == lines
    by_text = {c.text: c.comment_id for c in document.comments}
    starts = anchored_paragraphs(body_of(path))
    wd006 = next(f for f in findings_of(SEED) if f.code == "WD006")
    assert wd006.line == 46 and text(starts[by_text[finding_text(wd006)]]) == lines[45]


def test_a_pdf_plan_is_rendered_with_its_comments_on_the_pdf_lines(annotated):
    path = annotated[XISHAN.name]
    by_text = {c.text: c.comment_id for c in docx.Document(str(path)).comments}
    starts = anchored_paragraphs(body_of(path))
    wd009 = next(f for f in findings_of(XISHAN) if f.code == "WD009")
    assert wd009.where == "第 1 页第 32 行"
    assert "重点检查" in text(starts[by_text[finding_text(wd009)]])


def test_a_docx_is_otherwise_unchanged(annotated):
    original, annotated_file = zipfile.ZipFile(TAOYUAN), zipfile.ZipFile(annotated[TAOYUAN.name])
    changed = {name for name in original.namelist() if original.read(name) != annotated_file.read(name)}
    assert changed == {"[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels"}
    assert set(annotated_file.namelist()) - set(original.namelist()) == {"word/comments.xml"}
    document = etree.fromstring(annotated_file.read("word/document.xml"))
    for marker in list(document.iter(W + "commentRangeStart", W + "commentRangeEnd")):
        marker.getparent().remove(marker)
    for reference in list(document.iter(W + "commentReference")):
        run = reference.getparent()
        run.getparent().remove(run)
    assert etree.tostring(document, method="c14n") == etree.tostring(
        etree.fromstring(original.read("word/document.xml")), method="c14n")


@needs_soffice
def test_libreoffice_opens_the_annotated_documents_and_keeps_the_comments(annotated, tmp_path):
    done = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                           "--convert-to", "odt", "--outdir", str(tmp_path), *map(str, annotated.values())],
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    for path in annotated.values():
        content = zipfile.ZipFile(tmp_path / f"{path.stem}.odt").read("content.xml").decode("utf-8")
        assert content.count("<office:annotation ") + content.count("<office:annotation>") == \
            len(docx.Document(str(path)).comments)


def test_annotate_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "审核.docx"
    out.write_bytes(b"mine")
    result = annotate(TAOYUAN, out)
    assert result.exit_code == 2 and result.stderr == f"plan-rules: {out} 已存在；如要覆盖请加 --force\n"
    assert out.read_bytes() == b"mine"
    assert annotate(TAOYUAN, out, "--force").exit_code == 1 and zipfile.is_zipfile(out)


def test_annotate_never_writes_over_the_plan_itself(tmp_path):
    plan = tmp_path / "计划.docx"
    shutil.copy(TAOYUAN, plan)
    result = annotate(plan, plan, "--force")
    assert result.exit_code == 2 and plan.read_bytes() == TAOYUAN.read_bytes()


def test_annotate_writes_beside_the_plan_by_default(tmp_path):
    plan = tmp_path / "计划.txt"
    shutil.copy(SEED, plan)
    assert CliRunner().invoke(main, ["annotate", str(plan)]).exit_code == 1
    assert zipfile.is_zipfile(tmp_path / "计划-审核意见.docx")


def test_a_structured_plan_is_not_annotated(tmp_path):
    plan = DOCUMENTS.parent / "plans" / "clean-2021.yaml"
    result = annotate(plan, tmp_path / "x.docx")
    assert result.exit_code == 2 and "只能为文档加批注" in result.stderr and not (tmp_path / "x.docx").exists()


def test_an_unreadable_document_writes_nothing_and_exits_1(tmp_path):
    plan = tmp_path / "空.txt"
    plan.write_bytes(b"")
    result = annotate(plan, tmp_path / "x.docx")
    assert result.exit_code == 1 and result.stderr == f"{plan}: IN001 [错误] 文件为空\n"
    assert not (tmp_path / "x.docx").exists()


def test_a_doc_is_converted_and_annotated(legacy_copies, tmp_path):
    out = tmp_path / "审核.docx"
    assert annotate(legacy_copies / "taoyuan-2026.doc", out).exit_code == 1
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == 1 + len(findings_of(TAOYUAN))

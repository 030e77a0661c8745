"""Issue 11, Word as Word stores it: text in content controls, custom XML, nested tables, text
boxes (once), equations and symbol fonts is read; hidden, deleted and placeholder text and
zero-width characters are not; numbering levels and nesting are bounded."""
from __future__ import annotations

import pytest

from plan_rules.readers import ReadError
from plan_rules.readers.word import read_docx
from word_corpus import ANPING, READ_AS_ANPING, REFUSED, anping_with, run, total_as

ANPING_LINES = read_docx(ANPING.read_bytes()).lines


def texts(lines) -> list[str]:
    return [line.text for line in lines]


@pytest.mark.parametrize("name", sorted(READ_AS_ANPING))
def test_a_document_reads_as_word_shows_it(name):
    make, same_paragraphs = READ_AS_ANPING[name]
    lines = read_docx(make()).lines
    assert texts(lines) == texts(ANPING_LINES)
    if same_paragraphs:
        assert [line.location for line in lines if not line.cells] == [line.location for line in ANPING_LINES if not line.cells]


def test_a_nested_table_is_a_table_of_its_own_after_the_row_that_holds_it():
    lines = read_docx(READ_AS_ANPING["word-nested-table.docx"][0]()).lines
    row = next(line for line in lines if line.text.startswith("一\t其他执法工作日"))
    assert (row.table, [cell.location.where for cell in row.cells]) == (
        2, ["表格 2 第 2 行第 1 列", "表格 2 第 2 行第 2 列", "表格 2 第 2 行第 3 列"])


def test_a_text_box_is_read_once_under_its_paragraphs_anchor():
    lines = read_docx(READ_AS_ANPING["word-text-box.docx"][0]()).lines
    assert [(line.text, line.location.where) for line in lines if line.text.startswith("总法定工作日")] == [
        ("总法定工作日：249日×20人=4980日。", "段落 10")]


def test_ruby_guides_footnote_marks_and_field_codes_are_not_text():
    runs = ("<w:r><w:ruby><w:rt><w:r><w:t>zǒng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>总</w:t></w:r></w:rubyBase>"
            "</w:ruby></w:r>" + run("法定工作日：249日×20人=")
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>= 249*20</w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("4980") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + run("日") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>" + run("。"))
    lines = read_docx(anping_with(total_as(runs))).lines
    assert texts(lines) == texts(ANPING_LINES)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_nesting_beyond_any_plan_is_refused_in_words(name):
    make, phrase = REFUSED[name]
    with pytest.raises(ReadError, match=phrase):
        read_docx(make())

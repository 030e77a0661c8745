"""The normalisation layer: one spelling of each thing, and every normalised character still
pointing at the original character it came from."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plan_rules.extract.text import Piece, _translate, normalise, translate_each
from plan_rules.readers.lines import TextLine
from plan_rules.sourcemap import Location


def _normalised(raw: str):
    return normalise(raw, [Piece(0, TextLine(raw, Location(line=7, column=1)))])


def test_full_width_forms_become_ascii_and_keep_their_columns():
    text = _normalised("总法定工作日＝２５０天＊１１人＝２７５０个工作日")
    assert text.text == "总法定工作日=250天*11人=2750个工作日"
    offset = text.text.index("2750")
    assert text.locate(offset) == Location(line=7, column=offset + 1)
    assert text.original(offset, offset + 4) == "２７５０"


def test_digit_groups_are_joined_and_keep_every_digits_place():
    for raw, expected in (("12,000个工作日", "12000个工作日"), ("3，968个工作日", "3968个工作日"),
                          ("5 136个工作日", "5136个工作日"), ("15,000－4,800", "15000-4800")):
        assert _normalised(raw).text == expected, raw
    text = _normalised("共计5 136个工作日")
    assert text.locate(text.text.index("136")) == Location(line=7, column=5)


def test_whole_numbers_listed_with_chinese_commas_stay_apart():
    assert _normalised("分别为120，240，360项").text == "分别为120,240,360项"


def test_spaces_next_to_chinese_text_are_layout():
    assert _normalised("监督 检查工作日 680 日，其他执 法").text == "监督检查工作日680日,其他执法"
    assert _normalised("9 x 250 = 2250").text == "9 x 250=2250"
    assert _normalised("序号\t单位名称").text == "序号\t单位名称"


def test_residue_and_typos():
    assert _normalised("[bookmark: _GoBack]（二）非执法工作曰：**1242**").text == "(二)非执法工作日:1242"
    assert _normalised("4482—1494—1818=1170").text == "4482-1494-1818=1170"
    assert _normalised("4月—11月").text == "4月—11月"          # a range of months, not a minus


def test_line_separators_read_as_spaces_also_in_the_original():
    text = _normalised("开展\u2028综合监管\x85")
    assert text.text == "开展综合监管"
    assert text.original(0, len(text.text)) == "开展 综合监管"


_ALPHABET = st.sampled_from(list("０１２３４５６７８９，．：；（）＝－＊总法定工作日监督检查12,. \t％%一二三①②") +
                            ["\u3000", "\u2212", "\u00d7", "\u2715", "〔", "［"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_the_quick_translation_is_the_character_by_character_one(raw):
    assert _translate(raw) == translate_each(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_every_normalised_character_points_into_the_original(raw):
    text = _normalised(raw)
    assert len(text.origin) == len(text.text)
    assert all(0 <= index < max(len(raw), 1) for index in text.origin)
    assert list(text.origin) == sorted(text.origin)

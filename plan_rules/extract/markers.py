"""List and heading markers: 一、 （一） (1) 1. 1、 ① 第一部分, and numbered table rows.

Plans nest these freely (the seed puts "（2）" between "（一）" and "1."), so the extractor
compares marker *styles*, never numbers. Text is normalized (full-width → ASCII) first.
"""
from __future__ import annotations

import re

_CN = "一二三四五六七八九十"
_MARKER = re.compile(rf"""^\s*(?:
    (?P<part>第[{_CN}]+(?:部分|章|节)\s*)|
    (?P<cn_comma>[{_CN}]+\s*[、.](?!\d))|
    (?P<cn_paren>\(\s*[{_CN}]+\s*\))|
    (?P<num_paren>\(\s*\d{{1,2}}\s*\))|
    (?P<circled>[\u2460-\u2473])|
    (?P<num_dot>\d{{1,2}}\s*[.、](?!\d))|
    (?P<num_half>\d{{1,2}}\s*\)(?!\d))|
    (?P<row_cn>[{_CN}]+\s*\t)|
    (?P<row_num>\d{{1,3}}\s*\t)
)\s*""", re.X)

# Lower rank = higher level. Rows of a table rank like the list style they stand for.
_RANK = {"part": 0, "cn_comma": 1, "row_cn": 1, "cn_paren": 2, "num_paren": 3, "num_dot": 3,
         "num_half": 3, "row_num": 3, "circled": 4}
# Lines that open a new block even without a marker: annexes, totals, notes.
_BLOCK_WORD = re.compile(r"^\s*(?:附表|附件|合计|总计|小计|共计|以上|注[:：]|说明|备注|特此)")


def strip_marker(text: str) -> tuple[str | None, int]:
    """The marker's style and the offset where the text after it begins."""
    match = _MARKER.match(text)
    if match is None:
        return None, len(text) - len(text.lstrip())
    return match.lastgroup, match.end()


def rank(style: str | None) -> int:
    return _RANK.get(style, 9)


def starts_new_block(text: str) -> bool:
    return _MARKER.match(text) is not None or _BLOCK_WORD.match(text) is not None

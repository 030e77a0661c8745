"""List and heading markers: 第一部分 第一章 第一条 一、 （一） (1) 1. 1、 1) ① - •, 2.3 2.3.1,
"1 编制依据" (text.py keeps that space), 一是, in normalised text.

Plans nest these freely (the seed puts "（2）" between "（一）" and "1."), so the extractor
compares marker *styles*, never numbers.
"""
from __future__ import annotations

import re

from plan_rules.extract.text import NUMBER_UNIT

_CN = "一二三四五六七八九十"
_MARKER = re.compile(rf"""^\s*(?:
    (?P<part>第[{_CN}]+(?:部分|章|节)\s*)|
    (?P<article>第[{_CN}百零〇]+条\s+)|
    (?P<cn_comma>[{_CN}]{{1,3}}\s*[、.](?!\d))|
    (?P<cn_paren>\(\s*[{_CN}]{{1,3}}\s*\))|
    (?P<num_paren>\(\s*\d{{1,2}}\s*\))|
    (?P<circled>[\u2460-\u2473])|
    (?P<decimal3>\d{{1,2}}\.\d{{1,2}}\.\d{{1,2}}(?![\d.])\s*)|
    (?P<decimal2>\d{{1,2}}\.\d{{1,2}}(?![\d.])(?=\s*[\u4e00-\u9fff]))|
    (?P<num_dot>\d{{1,2}}\s*[.、](?![\d、]))|
    (?P<num_space>\d{{1,2}}\s+(?=[\u4e00-\u9fff])(?!{NUMBER_UNIT}))|
    (?P<cn_shi>[{_CN}]{{1,3}}是(?=[\u4e00-\u9fff]))|
    (?P<num_half>\d{{1,2}}\s*\)(?!\d))|
    (?P<bullet>[-•·*](?:\s+|(?=[\u4e00-\u9fff])))
)\s*""", re.X)

# Lower rank = higher level.
# A decimal outline ("3 执法工作日测算", "3.3 其他执法工作日", "3.3.1 …") takes the places of 一、 and
# （一）, so that "1." items under "3.3" are below it.
_RANK = {"part": 0, "cn_comma": 1, "num_space": 1, "cn_paren": 2, "decimal2": 2, "num_paren": 3, "num_dot": 3,
         "num_half": 3, "decimal3": 3, "article": 3, "circled": 4, "bullet": 4, "cn_shi": 4, "bare": 5}
HEADING_STYLES = ("part", "cn_comma", "cn_paren")
# Styles that number an outline's sections, never a list's items.
OUTLINE_STYLES = (*HEADING_STYLES, "num_space", "decimal2", "decimal3")
OUTLINE = "outline"        # + level: a heading the format marks, without a marker (document.py)
# A marker inside a line that starts another item of a run ("…；2.实施行政许可…", "具体为：1.…"):
# after a clause end or a day unit, a number and its dot or parentheses. Only markers that
# continue the run's numbering count (categories.py), so "…备案40个工作日" is no marker.
RUN_MARKER = re.compile(r"(?<=[;。,、):.日天个])\s*(?P<marker>\(\s*(?P<p>\d{1,2})\s*\)|(?P<n>\d{1,2})\s*[.、](?!\d)"
                        r"|(?P<c>[\u2460-\u2473])|(?P<s>[一二三四五六七八九十]{1,2})是(?=[\u4e00-\u9fff]))")


def strip_marker(text: str) -> tuple[str | None, int]:
    """The marker's style and the offset where the text after it begins."""
    match = _MARKER.match(text)
    if match is None:
        return None, len(text) - len(text.lstrip())
    return match.lastgroup, match.end()


def marker_number(text: str) -> int | None:
    """The number a marker counts with ("（三）" → 3, "10." → 10), None for bullets."""
    match = _MARKER.match(text)
    if match is None or match.lastgroup == "bullet":
        return None
    digits = re.findall(r"\d+", match.group())
    if digits:
        return int(digits[-1])            # "2.3.1" counts by its last number
    if match.lastgroup == "circled":
        return ord(match.group().strip()) - 0x2460 + 1
    numeral = re.search(rf"[{_CN}]+", match.group())
    return _chinese_small(numeral.group()) if numeral else None


def _chinese_small(text: str) -> int | None:
    values = {c: i + 1 for i, c in enumerate(_CN[:9])}
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (values.get(tens, 1) if tens else 1) * 10 + (values.get(ones, 0) if ones else 0)
    return values.get(text)


def rank(style: str | None) -> float:
    """A heading the format marks ranks by its level from 一、 down, and always above numbered
    items ("### 其他执法工作日" holds "4、窗口办理", a short numbered line, as its item)."""
    if style and style.startswith(OUTLINE):
        return 1 + min(int(style[len(OUTLINE):]), 3) / 2
    return _RANK.get(style, 9)

"""Word's automatic list numbering (numbering.xml), rendered as a reader sees it: "1."、"（一）".

A list has nine levels, 0 to 8 (ECMA-376 Part 1, §17.9.3, ilvl). A level outside them is no
level Word shows, and is ignored: a 12 KB document whose paragraph claimed level 10^8 made the
counters a list of a hundred million numbers (67 s, 1.6 GB) before this bound.
"""
from __future__ import annotations

from typing import Optional

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_LEVEL = 8
_LEVELS = {str(level): level for level in range(MAX_LEVEL + 1)}
_CHINESE_DIGITS = "零一二三四五六七八九十"
_MAX_START_DIGITS = 9        # a list starting beyond 999,999,999 starts at 1 (no plan numbers so far)

NumberingRef = tuple[Optional[str], int]      # (numId, level); numId None: not numbered


class ListNumbering:
    """The label of each numbered paragraph, counted in document order."""

    def __init__(self, root, styles):
        """`root`: the numbering part (None if there is none); `styles()`: the style table,
        asked for only when a paragraph's numbering comes from its list style."""
        self._formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._counters: dict[str, list[int]] = {}
        self._styles = styles
        # Numbering levels name the list styles linked to them ("ListNumber"): only paragraphs
        # of those styles need the styles part.
        self._list_styles = {style.get(W + "val") for style in root.iter(W + "pStyle")} if root is not None else set()
        if root is None:
            return
        abstract = {a.get(W + "abstractNumId"): a for a in root.iter(W + "abstractNum")}
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            levels = abstract.get(ref.get(W + "val")) if ref is not None else None
            for level in (levels.iterchildren(W + "lvl") if levels is not None else ()):
                number = level_number(level.get(W + "ilvl", "0"))
                if number is None:
                    continue
                fmt, text, start = level.find(W + "numFmt"), level.find(W + "lvlText"), level.find(W + "start")
                self._formats[(num.get(W + "numId"), number)] = (
                    fmt.get(W + "val") if fmt is not None else "decimal",
                    text.get(W + "val") if text is not None else "%1.",
                    small_number(start.get(W + "val")) if start is not None else 1)

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
            text = text.replace(f"%{index}", format_number(value, fmt if index == level + 1 else "decimal"))
        return text

    def _numbering_of(self, paragraph) -> NumberingRef:
        properties = paragraph.find(W + "pPr")
        if properties is None:
            return None, 0
        num_pr = properties.find(W + "numPr")
        if num_pr is None:                      # numbering given by a list style
            style = properties.find(W + "pStyle")
            style_id = style.get(W + "val") if style is not None else None
            return self._styles().numbering_of(style_id) if style_id in self._list_styles else (None, 0)
        return num_pr_values(num_pr)


def level_number(text: Optional[str]) -> Optional[int]:
    """A list level, 0 to 8; None for anything else."""
    return _LEVELS.get(text)


def small_number(text: Optional[str]) -> int:
    text = (text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= _MAX_START_DIGITS else 1


def num_pr_values(num_pr) -> NumberingRef:
    num_id, level = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
    value = num_id.get(W + "val") if num_id is not None else None
    number = level_number(level.get(W + "val", "0")) if level is not None else 0
    return (None if value in (None, "0") or number is None else value), (number or 0)


def format_number(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional") and 0 < value < 100:
        tens, ones = divmod(value, 10)
        return (("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" if tens else "") + (_CHINESE_DIGITS[ones] if ones else "")
    if fmt == "decimalEnclosedCircle" and 0 < value <= 20:
        return chr(0x2460 + value - 1)
    return str(value)

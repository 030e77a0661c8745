"""Normalised text that keeps a map back to every original character.

Everything after this module reads one spelling of each thing: ASCII digits and punctuation
(full-width forms, NFKC), "-" for every minus sign and dash between digits, "×" and "*" kept,
no spaces next to Chinese characters ("监督 检查" and "13 人" as a PDF prints them), digit
groups joined ("12,000", "3，968个", "5 136个工作日"), the typo 工作曰 read as 工作日,
person-days ("人·日", "人天") read as 人日, 工日 after a figure as 工作日, years in Chinese
digits ("二〇二四年") in ASCII digits, a section number kept apart from its title ("1 编制依据", "第三条 …"), and the residue of
Word-to-web pasting and Markdown ("[bookmark: _GoBack]", "**", "## ") removed.

A `Text` is the normalised string of one logical line or cell, with, for every character,
the offset of the original character it came from, and the physical pieces the original was
joined from, so that any match can be located at its original line and column.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from dataclasses import dataclass, field

from plan_rules.readers.lines import TextLine
from plan_rules.sourcemap import Location

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCTUATION = "，。；：、（）《》“”‘’〔〕【】！？—…"

# Characters rewritten one to one before anything else reads the text.
# Leader dots between an item and its figure ("综合监管……400天") are layout: NFKC would make
# them ASCII dots, which read as a decimal point before the figure.
_TRANSLATE = {0x2026: " ", 0x22EF: " ", 0x85: " ", 0x2028: " ", 0x2029: " ", 0x0B: " ", 0x0C: " ", 0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " ",
              0x2212: "-", 0x2013: "-", 0xFE63: "-", 0xFF0D: "-", 0x2010: "-", 0x2011: "-",
              0x2715: "×", 0x2716: "×", 0x2573: "×", 0x00D7: "×", 0xFF0A: "*",
              0x3014: "〔", 0x3015: "〕", 0x301A: "〔", 0x301B: "〕", 0xFF3B: "〔", 0xFF3D: "〕"}
_SEPARATORS = {0x85: " ", 0x2028: " ", 0x2029: " ", 0x0B: " ", 0x0C: " "}
_DROPPED = {0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD, 0x2060}
_CIRCLED = range(0x2460, 0x2474)          # ①–⑳ stay: they are list markers

_RESIDUE = re.compile(r"\[bookmark:[^\]]*\]|\{\.underline\}|\*\*|__|^\s*#{1,6}\s+|^\s*>\s*")
_TYPO_DAY = re.compile(r"(?<=工作)曰")
# Person-days written "人·日", "人・日", "人·天", or "人天" after a number: one unit, 人日.
_PERSON_DAYS = re.compile(r"人\s*[·•・.．]\s*[日天]|(?<=\d)人天(?![\u4e00-\u9fff])")
# "4518工日", "1355个工日": the short form of 工作日 after a figure.
_SHORT_WORKDAY = re.compile(r"(?<=[\d个])\s*工日")
# A year in Chinese digits ("二〇二四年度", "二零二三年"), as titles and dates of official
# documents write it: read in ASCII digits like any other year.
_CHINESE_YEAR = re.compile(r"二[〇零○][〇零○一二三四五六七八九]{2}(?=\s*年)")
_CHINESE_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_DASH_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*[—―]{1,2}\s*(?=\d)")
# Digit groups: "12,000" always; "3，968" and "5 136" only before a unit, since Chinese
# prose separates whole numbers with "，" and tables separate columns with spaces.
_UNIT_AFTER = r"(?=\s*(?:个|工作日|人日|日|天|人|名|家|户|万|元|%|％))"
_GROUPED = re.compile(rf"(?<![\d.,，])\d{{1,3}}(?:,\d{{3}})+(?![\d,])|(?<![\d.,，])\d{{1,3}}(?:[，, ]\d{{3}})+(?![\d，,]){_UNIT_AFTER}")
_SPACES = re.compile(r"[ \t]+")
_WORDLIKE = re.compile(rf"[{CJK}{_CJK_PUNCTUATION}]")
# "1 编制依据", "第三条 纳入计划的…": a section or article number set off by a space at the
# line's start stays apart from its title (markers.py reads it), unless a unit or date
# follows ("13 人"); "第六十二条和…" cut at a line's start is no article.
_SECTION_NUMBER = re.compile(r"\s*(?:\d{1,2}|第[一二三四五六七八九十百零〇]+条)")
# What follows a count or a date rather than a section title ("13 人", "5 月", "249 工作日").
NUMBER_UNIT = r"(?:工作日|人|日|天|家|个|名|位|户|万|元|月|年|次|项|类|批|轮|周|季|时|分)"
_UNIT_NEXT = re.compile(NUMBER_UNIT)


@dataclass
class Piece:
    """A run of one physical line inside a Text's original: raw[start:] begins at `column`."""
    start: int
    line: TextLine
    column: int = 0


@dataclass
class Text:
    text: str
    raw: str
    origin: array = field(repr=False, default_factory=lambda: array("l"))
    pieces: list[Piece] = field(repr=False, default_factory=list)
    _starts: list[int] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.text)

    @property
    def piece_starts(self) -> list[int]:
        """Where each piece starts in `raw`, computed once: a long joined line is located often."""
        if self._starts is None:
            self._starts = [piece.start for piece in self.pieces]
        return self._starts

    def raw_index(self, offset: int) -> int:
        if not self.origin:
            return 0
        return self.origin[min(max(offset, 0), len(self.origin) - 1)]

    def locate(self, offset: int) -> Location:
        """The original place of the normalised character at `offset`."""
        if not self.pieces:
            return Location()
        raw = self.raw_index(offset)
        piece = self.pieces[max(bisect.bisect_right(self.piece_starts, raw) - 1, 0)]
        return piece.line.locate(piece.column + raw - piece.start)

    def original(self, start: int, end: int) -> str:
        """The original characters of the normalised span [start, end), line and paragraph
        separators other than the newline read as spaces (YAML would take them for breaks)."""
        if start >= end or not self.origin:
            return ""
        return self.raw[self.raw_index(start):self.raw_index(end - 1) + 1].translate(_SEPARATORS)

    def slice(self, start: int, end: int) -> "Text":
        """The span as a Text of its own, still located in the original."""
        return Text(self.text[start:end], self.raw, self.origin[start:end], self.pieces)


def normalise_line(line: TextLine) -> Text:
    return normalise(line.text, [Piece(0, line)])


def join(parts: list[tuple[str, TextLine, int]]) -> Text:
    """One Text from physical pieces (text, line, column of the text in the line)."""
    raw, pieces = "", []
    for text, line, column in parts:
        pieces.append(Piece(len(raw), line, column))
        raw += text
    return normalise(raw, pieces)


def concat(texts: list[Text], separator: str = "\t") -> Text:
    """Texts joined into one (a table row from its cells), every character still located."""
    raw, text, origin, pieces = "", "", array("l"), []
    for position, part in enumerate(texts):
        if position:
            raw, text = raw + separator, text + separator
            origin.append(len(raw) - 1)
        base = len(raw)
        pieces.extend(Piece(base + piece.start, piece.line, piece.column) for piece in part.pieces)
        origin.extend(base + index for index in part.origin)
        raw += part.raw
        text += part.text
    return Text(text, raw, origin, pieces)


def normalise(raw: str, pieces: list[Piece]) -> Text:
    text, origin = _translate(raw)
    for pattern, replace in ((_RESIDUE, _drop), (_TYPO_DAY, lambda m: ("日", [0])),
                             (_PERSON_DAYS, lambda m: ("人日", [0, len(m.group()) - 1])),
                             (_SHORT_WORKDAY, lambda m: ("工作日", [len(m.group()) - 2, len(m.group()) - 2, len(m.group()) - 1])),
                             (_CHINESE_YEAR, lambda m: (m.group().translate(_CHINESE_DIGITS), [0, 1, 2, 3])),
                             (_DASH_BETWEEN_DIGITS, lambda m: ("-", [0])), (_GROUPED, _ungroup),
                             (_SPACES, _space)):
        text, origin = _substitute(pattern, replace, text, origin)
    return Text(text.replace("，", ","), raw, origin, pieces)


def plain(raw: str) -> str:
    """The characters of `raw` in their one spelling (full-width forms as ASCII), nothing else
    changed: for deciding layout before a line is normalised."""
    return _translate(raw)[0]


# Most text needs only the one-to-one rewrites: full-width ASCII forms and the table above.
# Such text is translated in one call; anything else (characters NFKC expands, characters
# dropped) goes character by character.
_ONE_TO_ONE = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if code != 0xFF0C}
_ONE_TO_ONE.update({code: value for code, value in _TRANSLATE.items()})
_NEEDS_CARE = re.compile("[^\x00-\u1fff\u3001-\u303f\u4e00-\u9fff\u2460-\u2473\uff01-\uff5e"
                         + "".join(re.escape(chr(code)) for code in _TRANSLATE) + "]")


def _translate(raw: str) -> tuple[str, array]:
    if _NEEDS_CARE.search(raw) is None:
        return raw.translate(_ONE_TO_ONE), array("l", range(len(raw)))
    return translate_each(raw)


def translate_each(raw: str) -> tuple[str, array]:
    """Character by character: NFKC where a character has a compatibility form, dropped
    characters left out, and the origin of every output character kept."""
    out: list[str] = []
    origin = array("l")
    for index, char in enumerate(raw):
        code = ord(char)
        if code in _DROPPED:
            continue
        if code in _TRANSLATE:
            mapped = _TRANSLATE[code]
        elif code < 0x2000 or "\u4e00" <= char <= "\u9fff" or code in _CIRCLED or code == 0xFF0C:
            mapped = char          # "，" stays until digit groups are read (see _GROUPED)
        else:
            mapped = unicodedata.normalize("NFKC", char)
        out.append(mapped)
        origin.extend([index] * len(mapped))
    return "".join(out), origin


def _substitute(pattern: re.Pattern, replace, text: str, origin: array) -> tuple[str, array]:
    """re.sub that keeps the origin map: `replace(match)` gives the new text and, for each of
    its characters, the offset within the match of the character it stands for."""
    out: list[str] = []
    new_origin = array("l")
    last = 0
    for match in pattern.finditer(text):
        start = match.start()
        out.append(text[last:start])
        new_origin.extend(origin[last:start])
        replacement, positions = replace(match)
        out.append(replacement)
        new_origin.extend(origin[start + min(p, max(len(match.group()) - 1, 0))] for p in positions)
        last = match.end()
    if last == 0:
        return text, origin
    out.append(text[last:])
    new_origin.extend(origin[last:])
    return "".join(out), new_origin


def _drop(match: re.Match) -> tuple[str, list[int]]:
    return "", []


def _ungroup(match: re.Match) -> tuple[str, list[int]]:
    kept = [(char, index) for index, char in enumerate(match.group()) if char.isdigit()]
    return "".join(char for char, _ in kept), [index for _, index in kept]


def _space(match: re.Match) -> tuple[str, list[int]]:
    """Spaces next to Chinese text are layout ("监督 检查", "13 人"); elsewhere one space stays.
    A tab stays a tab: it separates cells."""
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if "\t" in match.group():
        return "\t", [match.group().index("\t")]
    if not before or not after:
        return "", []
    if _SECTION_NUMBER.fullmatch(text, 0, start) and "\u4e00" <= after <= "\u9fff" and not _UNIT_NEXT.match(text, end):
        return " ", [0]
    if _WORDLIKE.match(before) or _WORDLIKE.match(after) or before in "(:;,=%" or after in "):;,=%":
        return "", []
    return " ", [0]


@dataclass(frozen=True)
class Found:
    """Something read from the document (a title, a count, a yes), with where it was printed."""
    value: object
    text: Text
    offset: int

    @property
    def location(self) -> Location:
        return self.text.locate(self.offset)

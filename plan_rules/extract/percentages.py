"""Printed percentages: "重点检查工作日620日，占监督检查工作日的68.89%", "占比68.96%",
"约占监督检查工作日的七成（70.0%）", "以上共计4,080个工作日，占总法定工作日的34%".

The subject is the figure the sentence is about: the nearest wording before the number that
is not the base, or the result of a formula the share follows ("…=1300个，占总法定工作日的
26%"), or else the figure of the section ("合计720个工作日，占…" under 其他执法工作日). The
base is the one the text names ("占总法定工作日的" → total, "占监督检查工作日的" → supervision,
"占在编人员的" → registered staff). Where the text names none, the base of a neighbouring
percentage in the same paragraph that names one is taken and said to be taken (docs/rules/WD010.md); where none does, the base stays open and WD010 tries both.
The value keeps its printed digits ("69.00").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from plan_rules.extract.formulas import Formula
from plan_rules.extract.numbers import to_decimal
from plan_rules.extract.text import Text
from plan_rules.method import ANY_LABEL

_PERCENT = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*%")
_PERCENT_WORDS = re.compile(r"百分之(?P<n>[零〇一二两三四五六七八九十]+)(?![点\d])")
_SENTENCE_END = re.compile(r"[。;]")
_BASE = re.compile(r"占(?:全部|全年|全局)?(?P<base>" + ANY_LABEL.pattern.replace("(?P<", "(?P<b_") + r"|(?:在编|在册|在岗)[\u4e00-\u9fff]{0,8}?人员)")
# How far back a share's subject and base are looked for: a clause, not a whole page without
# full stops (which would also make the search quadratic in the page's length).
_REACH = 80
_SUBJECTS = {"K": "key", "G": "general", "R": "reserve", "S": "supervision", "O": "other_enforcement",
             "X": "non_enforcement", "N": "officers"}
_BASES = {"S": "supervision", "T": "total"}


@dataclass
class Percent:
    subject: str              # PercentSubject of the model
    value: Decimal
    base: str | None          # PercentBase of the model, or None when open
    base_from: str            # "named", "neighbour", ""
    line: int
    text: Text
    offset: int


def find_percentages(text: Text, line: int, formulas: list[Formula], section: tuple[str, ...]) -> list[Percent]:
    found = []
    sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text.text)]
    ordered = _Formulas(formulas)
    for match in _shares(text.text):
        sentence = sentence_starts[bisect.bisect_right(sentence_starts, match.start()) - 1]
        percent = _read(text, line, match, sentence, ordered, section)
        if percent is not None:
            found.append(percent)
    _bases_from_neighbours(found)
    return found


def _shares(text: str) -> list[re.Match]:
    """Shares printed as "70.09%" or in words, "百分之三十五"; in the order printed."""
    return sorted([*_PERCENT.finditer(text), *_PERCENT_WORDS.finditer(text)], key=lambda match: match.start())


def _read(text: Text, line: int, match: re.Match, sentence: int, formulas: "_Formulas", section) -> Percent | None:
    sentence = max(sentence, match.start() - _REACH)
    base, base_span = _named_base(text.text, sentence, match.start())
    subject = _subject(text.text, sentence, match.start(), base_span, formulas, section)
    if subject is None or subject not in _SUBJECTS:
        return None
    name = _SUBJECTS[subject]
    if name == "officers" and base != "registered":
        return None                   # a share of staff without its base is no claim to check
    if name != "officers" and base == "registered":
        return None
    value = to_decimal(match.group("n"))
    if value is None:
        return None
    return Percent(name, value, base, "named" if base else "", line, text, match.start("n"))


def _named_base(text: str, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    bases = list(_BASE.finditer(text, start, end))
    if not bases:
        return None, None
    last = bases[-1]
    if re.match(r"(?:在编|在册|在岗)", last.group("base")):
        return "registered", last.span()
    label = ANY_LABEL.fullmatch(last.group("base"))
    return (_BASES.get(label.lastgroup) if label else None), last.span()


def _subject(text: str, start: int, end: int, base_span, formulas: "_Formulas", section) -> str | None:
    """The figure the percentage is a share of."""
    candidates: list[tuple[int, str]] = []
    nearby = formulas.overlapping(start, end)
    for label in ANY_LABEL.finditer(text, start, end):
        if base_span and base_span[0] <= label.start() < base_span[1]:
            continue
        if any(f.start <= label.start() < f.result_offset for f in nearby):
            continue                                   # an operand's wording
        candidates.append((label.start(), label.lastgroup))
    for formula in nearby:
        if formula.result_key and start <= formula.result_offset < end:
            candidates.append((formula.result_offset, formula.result_key))
    if candidates:
        return max(candidates)[1]
    return section[0] if len(section) == 1 else None


class _Formulas:
    """A text's formulas, in order and apart, for finding those that reach into a span."""

    def __init__(self, formulas: list[Formula]):
        self.formulas = formulas
        self.results = [formula.result_offset for formula in formulas]

    def overlapping(self, start: int, end: int) -> list[Formula]:
        found = []
        for formula in self.formulas[bisect.bisect_left(self.results, start):]:
            if formula.start >= end:
                break
            found.append(formula)
        return found


def _bases_from_neighbours(found: list[Percent]) -> None:
    """A share printed without its base takes the base of the nearest share of the same kind
    (K, G, R of S; O, X, S of T) in the paragraph that names one."""
    named: dict[str, list[Percent]] = {}
    for percent in found:
        if percent.base_from == "named":
            named.setdefault(_kind(percent.subject), []).append(percent)
    for percent in found:
        candidates = named.get(_kind(percent.subject))
        if percent.base is not None or not candidates:
            continue
        offsets = [other.offset for other in candidates]
        position = bisect.bisect_left(offsets, percent.offset)
        nearby = candidates[max(position - 1, 0):position + 1]
        nearest = min(nearby, key=lambda other: abs(other.offset - percent.offset))
        percent.base, percent.base_from = nearest.base, "neighbour"


def _kind(subject: str) -> str:
    """Shares printed side by side share a base: K, G and R of S; O, X and S of T."""
    if subject in ("key", "general", "reserve"):
        return "of S"
    return "of T" if subject in ("other_enforcement", "non_enforcement", "supervision") else subject

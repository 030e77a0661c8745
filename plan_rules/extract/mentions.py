"""Figure mentions: every place the document prints one of the method's figures, with how it
was read.

A mention is read from a labelled statement ("总法定工作日：2988日", "其他执法工作日1700个",
"纳入计划的行政执法人员十一人", "48名执法人员"), a heading that carries its figure
("（三）其他执法工作日（994个工作日）"), a labelled table cell, a section's 合计 line, or a
formula (its result, or an operand: labelled, equal to a figure stated elsewhere, or only in
the method's position). The extractor keeps every mention; reconcile.py chooses among them.

A statement is the figure's wording, then only connecting words (为, 共, 合计, 按《…》规定的,
：, （), then the figure with a unit of the figure's kind, and no arithmetic after it (that is
a formula). Requirements are no statements ("每次执法人员不少于2人"), and further mentions
of the same figure later in the sentence are its parts ("…十一人，其中局机关行政执法人员四人").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from plan_rules.extract.numbers import Number, number_at, numbers
from plan_rules.extract.text import Text
from plan_rules.method import ANY_LABEL

# Where a mention came from, best first: reconcile.py prefers the earlier kinds.
STATED = ("heading", "statement", "table", "section-total", "formula-result")
OPERAND_LABELLED, OPERAND_BY_VALUE, OPERAND_BY_POSITION = "operand", "operand-by-value", "operand-by-position"

_FILLER = re.compile(r"(?:[\s:=(]|为|是|有|共计|共|合计|总计|计|约|达|按照|按|确定为|的确定|预计需要|预计需|预计|需要|需|全年|的|规定|后|之后|天数|,(?=共计|合计|总计|为)|《[^《》]{1,30}》)*")
_OPERATOR_AFTER = re.compile(r"\s*\)?\s*[×xX*+\-÷/=]\s*[\d(\u4e00-\u9fff]")
_OPERATOR_BEFORE = re.compile(r"(?<=[\w)])\s*[×xX*+\-÷/]\s*$")     # not a bullet "- " at a line's start
_REQUIREMENT_BEFORE = re.compile(r"(?:每次|每组|每个|每家|由|不少于|不低于|至少|不得少于)\s*$")
_REQUIREMENT_AFTER = re.compile(r"\s*(?:以上|以下|及以上|组成|左右)")
_SENTENCE = re.compile(r"[。;]")
# "具有行政执法资格的在岗人员9名，全部纳入本计划": people of whom the sentence says they are
# all counted in the plan; the sentence must speak of enforcement before the count.
_ALL_COUNTED = re.compile(r"(?P<n>(?<![\d.])\d+|[零〇一二两三四五六七八九十百]+)\s*(?:名|位|人)\s*,?\s*(?:已)?(?:全部|均|全员)"
                          r"(?:纳入|列入|计入|参加|参与)")
_PEOPLE_BEFORE_LABEL = re.compile(r"(?P<n>(?<![\d.])\d+|[零〇一二两三四五六七八九十百]+)\s*(?:名|位|人)(?:的)?(?=(?:行政)?执法人员)")


@dataclass
class Mention:
    key: str                 # the figure's symbol (method.py)
    value: Decimal
    line: int                # index of the logical line in the document
    text: Text               # the line or table cell the figure is printed in
    offset: int              # offset of the figure in `text`
    how: str                 # one of STATED, or an operand kind
    note: str = ""           # a word on how it was read, for `extract --explain`

    @property
    def certain(self) -> bool:
        return self.how != OPERAND_BY_POSITION

    def location(self):
        return self.text.locate(self.offset)


def statements(text: Text, line: int, heading_title: tuple[int, int] | None = None) -> list[Mention]:
    """The labelled statements in one line or cell. `heading_title` is the span of the line's
    title when the line is a heading: a statement there is the heading's own figure."""
    found: list[Mention] = []
    seen_in_sentence: dict[str, int] = {}
    sentences = _sentence_starts(text.text)
    for match in ANY_LABEL.finditer(text.text):
        key = match.lastgroup
        number = _stated_number(text.text, match, key)
        sentence = _sentence_of(sentences, match.start())
        if number is None:
            continue
        if key == "N" and seen_in_sentence.get(key) == sentence:
            continue                                     # a part of N: "其中局机关行政执法人员四人"
        how = "heading" if heading_title and heading_title[0] <= match.start() < heading_title[1] else "statement"
        found.append(Mention(key, number.value, line, text, number.start, how, f"“{text.original(match.start(), number.end)}”"))
        seen_in_sentence[key] = sentence
    found += _people_before_label(text, line, seen_in_sentence, sentences)
    found += _all_counted(text, line, seen_in_sentence, sentences)
    return found


def _stated_number(text: str, label: re.Match, key: str) -> Number | None:
    if _REQUIREMENT_BEFORE.search(text, max(0, label.start() - 6), label.start()):
        return None
    if _OPERATOR_BEFORE.search(text, max(0, label.start() - 3), label.start()):
        return None                       # a wording inside an equation: "…-非执法工作日=1088"
    filler = _FILLER.match(text, label.end())
    number = number_at(text, filler.end())
    if number is None or _OPERATOR_AFTER.match(text, number.end) or _OPERATOR_AFTER.match(text, number.digits_end):
        return None
    if _REQUIREMENT_AFTER.match(text, number.end):
        return None
    kind = number.kind
    if key == "N":
        return number if kind == "people" or (kind is None and re.search(r"[:=为]", text[label.end():filler.end()])) else None
    return number if kind in ("day", None) and not (kind is None and _continues_as_word(text, number.end)) else None


def _continues_as_word(text: str, end: int) -> bool:
    """A bare figure followed by more words is no workday figure ("2023年", "5个内设机构")."""
    return end < len(text) and bool(re.match(r"[\u4e00-\u9fff]", text[end])) and not re.match(r"[，。；、]", text[end])


def _sentence_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in _SENTENCE.finditer(text)]


def _sentence_of(starts: list[int], offset: int) -> int:
    """The start of the sentence `offset` is in (one search a text, then bisection: a long
    text without full stops must not cost a scan per figure)."""
    return starts[bisect.bisect_right(starts, offset) - 1]


def _all_counted(text: Text, line: int, seen: dict[str, int], sentences: list[int]) -> list[Mention]:
    """"具有行政执法资格的在岗人员9名，全部纳入本计划": in a sentence about enforcement."""
    return _counts_of_n(text, line, seen, sentences, _ALL_COUNTED, "",
                        lambda match, sentence: "执法" in text.text[sentence:match.start()])


def _people_before_label(text: Text, line: int, seen: dict[str, int], sentences: list[int]) -> list[Mention]:
    """"48名执法人员总法定工作日为…", "实际纳入…的12位执法人员": the count before the wording."""
    return _counts_of_n(text, line, seen, sentences, _PEOPLE_BEFORE_LABEL, "执法人员",
                        lambda match, _: not _REQUIREMENT_BEFORE.search(text.text, max(0, match.start() - 6), match.start()))


def _counts_of_n(text: Text, line: int, seen: dict[str, int], sentences: list[int], pattern: re.Pattern,
                 quoted_after: str, fits) -> list[Mention]:
    """N stated by a count the pattern finds, one a sentence, where `fits(match, sentence_start)`."""
    found = []
    for match in pattern.finditer(text.text):
        sentence = _sentence_of(sentences, match.start())
        if seen.get("N") == sentence or not fits(match, sentence):
            continue
        values = numbers(text.text, match.start("n"), match.end())
        if values:
            found.append(Mention("N", values[0].value, line, text, match.start("n"), "statement",
                                 f"“{text.original(match.start(), match.end())}{quoted_after}”"))
            seen["N"] = sentence
    return found

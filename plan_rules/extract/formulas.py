"""Printed formulas, read as the equation chains plans write:

    总法定工作日＝法定工作日×行政执法人员数量＝250日×10人＝2500日
    监督检查工作日=总法定工作日（2988日）-其他执法工作日（1456日）-非执法工作日（1242日）=290日
    每人法定工作日为365-104-11=250天        4482—1494—1818=1170个工作日

A chain is split at its "=" signs into segments. The words before the first sign name the
result ("总法定工作日"); a segment of wordings only ("总法定工作日-其他执法工作日-非执法工作
日") names, term by term, the numbers of the segment that has the same operators; an operand
may also carry its own wording ("总法定工作日（2988日）"). The last segment's figure is the
printed result. Where nothing names the result, the method's equations do (T−O−X is S, d×N
is T) or the section the formula sits in. Operands that nothing names are bound later, by
value or by position (reconcile.py), and say so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from plan_rules.extract.numbers import to_decimal
from plan_rules.extract.text import Text
from plan_rules.method import ANY_LABEL

_OPERATOR = re.compile(r"[×xX*+\-÷/]")
_PER_PERSON_SLASH = re.compile(r"/\s*(?:人|名)")       # "250天/人": a unit, not a division
_OPS = {"×": "×", "*": "×", "x": "×", "X": "×", "+": "+", "-": "-", "÷": "÷", "/": "÷"}
_NUMBER_TERM = re.compile(r"\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<u>个工作日|工作日|人日|日|天|人|名|位|个)?(?:\s*/\s*(?:人|名))?\s*(?P<note>\([^()=]*\))?\s*")
_LABEL_VALUE = re.compile(r"\s*\(\s*(?P<n>\d+(?:\.\d+)?)\s*(?:个工作日|工作日|人日|日|天|人|名|位|个)?\s*\)\s*")
# The result and its unit, which may stand in parentheses ("=2008（天）", closed in the quote).
_RESULT = re.compile(r"\s*(?P<n>\d+(?:\.\d+)?)\s*(?:(?P<open>\()\s*)?(?P<u>个工作日|工作日|人日|日|天|人|名|位|个|%)?(?(open)\s*\))")
_CLAUSE_END = re.compile(r"[。;,:]|\.(?!\d)")
_ONWARD = re.compile(r"^\s*(?:即|也就是|为)\s*:?")
_QUALIFIER = 10
_RESULT_LABEL_TAIL = re.compile(r"^[\s:为是]*$")
_PEOPLE_WORDS = re.compile(r"^(?:[\u4e00-\u9fff]{0,8})(?:人数|人员数)$")
_METHOD_SHAPES = {("T", "-", "O", "-", "X"): "S", ("T", "-", "X", "-", "O"): "S",
                  ("d", "×", "N"): "T", ("N", "×", "d"): "T"}


@dataclass
class Term:
    op: str
    value: Decimal | None          # None for a wording without a number
    unit: str
    offset: int                    # of the number (or of the wording) in the Text
    key: str | None = None         # the figure the term stands for, when a wording names it
    note: str = ""                 # a parenthesis after the number: "（行政编制3人；…）"
    note_offset: int = 0


@dataclass
class Formula:
    text: Text
    line: int
    start: int
    end: int
    terms: list[Term]
    result: Decimal
    result_offset: int
    result_key: str | None = None
    result_named_by: str = ""       # "label", "equation", "section"
    bindings: list[str] = field(default_factory=list)   # per term: how its figure was bound
    result_text: Text | None = None    # where the result is printed, when not in `text` (a table cell)

    @property
    def printed(self) -> str:
        if self.result_text is not None:
            return f"{self.text.original(self.start, self.end).strip()}={self.result_text.original(self.result_offset, self.result_offset + len(str(self.result)))}"
        return self.text.original(self.start, self.end).strip()

    def result_location(self):
        return (self.result_text or self.text).locate(self.result_offset)


def find_formulas(text: Text, line: int, section_key: str | None = None) -> list[Formula]:
    formulas = []
    clauses = _clauses(text.text)
    consumed = -1
    for position, (start, end) in enumerate(clauses):
        if "=" not in text.text[start:end] or position == consumed:
            continue
        segments = _segments(text.text, start, end)
        onward = clauses[position + 1] if position + 1 < len(clauses) else None
        if onward and _ends_symbolic(text.text, segments):
            lead = _ONWARD.match(text.text[onward[0]:onward[1]])
            if lead:                # "…=总法定工作日-其他执法工作日-非执法工作日，即3500-994-1484=1022"
                segments += _segments(text.text, onward[0] + lead.end(), onward[1])
                consumed = position + 1
        formula = _read_chain(text, line, segments, section_key)
        if formula is not None:
            formulas.append(formula)
    return formulas


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans between clause ends, outside parentheses (a breakdown "（3人；9人）" is no end)."""
    spans, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and _CLAUSE_END.match(char) and not (char == ":" and _formula_follows(text, index)):
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(text)))
    return [span for span in spans if span[0] < span[1]]


def _formula_follows(text: str, index: int) -> bool:
    """"总法定工作日：249日×12人=2988日": a colon that introduces the formula is inside it."""
    return bool(re.match(r"\s*[\d\u4e00-\u9fff(]*?[×xX*+\-÷/]", text[index + 1:index + 40])) and "=" in text[index:index + 60]


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, depth = [start - 1], 0
    for index in range(start, end):
        char = text[index]
        depth += (char == "(") - (char == ")")
        if char == "=" and depth <= 0:
            bounds.append(index)
    bounds.append(end)
    return [(left + 1, right) for left, right in zip(bounds, bounds[1:])]


def _ends_symbolic(text: str, segments) -> bool:
    last = text[segments[-1][0]:segments[-1][1]]
    return len(segments) >= 2 and not re.search(r"\d", last) and ANY_LABEL.search(last) is not None


def _read_chain(text: Text, line: int, segments, section_key: str | None) -> Formula | None:
    if len(segments) < 2:
        return None
    first_start, first_end = segments[0]
    result_match = _RESULT.match(text.text, segments[-1][0])
    if result_match is None or result_match.group("u") == "%":
        return None
    head_end, head_terms = _expression_suffix(text.text, first_start, first_end)
    expressions = ([head_terms] if head_terms else []) + [_expression(text.text, s, e) for s, e in segments[1:-1]]
    numeric = [terms for terms in expressions if terms and len(terms) >= 2 and all(t.value is not None for t in terms)]
    if not numeric:
        return _equation_in_words(text, line, segments, expressions, result_match)
    terms = numeric[-1]
    symbolic = next((candidate for candidate in expressions if candidate and all(t.value is None and t.key for t in candidate)
                     and [t.op for t in candidate] == [t.op for t in terms]), None)
    for term, name in zip(terms, symbolic or ()):
        term.key = term.key or name.key
    head = text.text[first_start:head_end]
    label = _result_label(head)
    start = head_end if head_terms else (first_start + label.start() if label else _lstrip(text.text, *segments[1]))
    formula = Formula(text, line, start, result_match.end(), terms, to_decimal(result_match.group("n")),
                      result_match.start("n"))
    formula.bindings = ["wording" if term.key else "" for term in terms]
    if label:
        formula.result_key, formula.result_named_by = _product_of_people(label.lastgroup, terms), "label"
    elif _shape(symbolic or terms) in _METHOD_SHAPES:
        formula.result_key, formula.result_named_by = _METHOD_SHAPES[_shape(symbolic or terms)], "equation"
    elif section_key and ANY_LABEL.search(head) is None and _fits(section_key, terms):
        formula.result_key, formula.result_named_by = section_key, "section"
    return formula


def _product_of_people(key: str, terms: list[Term]) -> str:
    """"法定工作日：12人×250日/人=3000人日": a bare 法定工作日 names d, but people times days is
    the total, T (150号: 总法定工作日 = 执法人员数 × 人均法定工作日)."""
    people = any(term.unit in ("人", "名", "位") for term in terms)
    if key == "d" and people and [term.op for term in terms[1:]] == ["×"]:
        return "T"
    return key


def _fits(key: str, terms: list[Term]) -> bool:
    """Whether a formula has the shape of the section's figure, so the section may name its
    result: d = 365 − 104 − 11, T = d × N, S = T − O − X, a category or K, G a sum."""
    ops = [term.op for term in terms[1:]]
    if key == "d":
        return terms[0].value in (365, 366) and set(ops) == {"-"}
    if key == "T":
        return ops == ["×"]
    if key == "S":
        return set(ops) == {"-"}
    return set(ops) <= {"+", "×"}


def _equation_in_words(text: Text, line: int, segments, expressions, result_match) -> Formula | None:
    """"总法定工作日－其他执法工作日－非执法工作日＝1,088个工作日": the method's equation in
    wordings with only its result printed. A formula without operands: its result is the
    figure the equation defines."""
    words = [terms for terms in ([_expression(text.text, *segments[0])] + expressions)
             if terms and all(t.value is None and t.key for t in terms)]
    shape = next((_shape(terms) for terms in words if _shape(terms) in _METHOD_SHAPES), None)
    if shape is None:
        return None
    start = _lstrip(text.text, *segments[0])
    return Formula(text, line, start, result_match.end(), [], to_decimal(result_match.group("n")),
                   result_match.start("n"), _METHOD_SHAPES[shape], "equation")


def _result_label(head: str) -> re.Match | None:
    labels = list(ANY_LABEL.finditer(head))
    return labels[-1] if labels and _RESULT_LABEL_TAIL.match(head[labels[-1].end():]) else None


def _shape(terms: list[Term]) -> tuple:
    return tuple(part for index, term in enumerate(terms) for part in (((term.op,) if index else ()) + (term.key,)))


def _lstrip(text: str, start: int, end: int) -> int:
    return start + len(text[start:end]) - len(text[start:end].lstrip())


def _expression_suffix(text: str, start: int, end: int) -> tuple[int, list[Term]]:
    """The longest tail of the chain's first segment that is an expression of figures
    ("…总法定工作日为14×250" → "14×250"), with where it starts (`end` when there is none)."""
    segment = text[start:end]
    for match in re.finditer(r"\d", segment):
        begin = start + match.start()
        if begin > start and re.match(r"[\d.]", text[begin - 1]):
            continue
        terms = _expression(text, begin, end)
        if terms and len(terms) >= 2 and all(term.value is not None or term.key for term in terms):
            labelled_start = _label_before(text, start, begin)
            if labelled_start is not None:
                terms = _expression(text, labelled_start, end) or terms
                begin = labelled_start if terms[0].key else begin
            return begin, terms
    return end, []


def _label_before(text: str, start: int, begin: int) -> int | None:
    """A wording that the first number's parenthesis belongs to: "总法定工作日（2988日）-…"."""
    if begin > start and text[begin - 1] == "(":
        labels = list(ANY_LABEL.finditer(text, start, begin - 1))
        if labels and labels[-1].end() == begin - 1:
            return labels[-1].start()
    return None


def _expression(text: str, start: int, end: int) -> list[Term] | None:
    """Terms joined by operators, each a figure with its unit, a wording, or a wording with
    its figure in parentheses; None when the span holds anything else."""
    terms, op, depth, piece_start = [], "+", 0, start
    pieces = []
    for index in range(start, end):
        char = text[index]
        depth += (char == "(") - (char == ")")
        if depth == 0 and _OPERATOR.match(char) and index > piece_start and not _PER_PERSON_SLASH.match(text, index):
            pieces.append((piece_start, index, op))
            op, piece_start = _OPS[char], index + 1
    pieces.append((piece_start, end, op))
    for left, right, operator in pieces:
        term = _term(text, left, right, operator)
        if term is None:
            return None
        terms.append(term)
    return terms


def _term(text: str, left: int, right: int, op: str) -> Term | None:
    piece = text[left:right]
    number = _NUMBER_TERM.fullmatch(piece)
    if number:
        note = number.group("note") or ""
        return Term(op, Decimal(number.group("n")), number.group("u") or "", left + number.start("n"),
                    note=note.strip("()"), note_offset=left + (number.start("note") + 1 if note else 0))
    labels = list(ANY_LABEL.finditer(piece))
    if labels:
        label = labels[-1]
        value = _LABEL_VALUE.fullmatch(piece, label.end())
        if label.start() <= _QUALIFIER and (value or not piece[label.end():].strip()):
            return Term(op, Decimal(value.group("n")) if value else None, "",
                        left + (value.start("n") if value else label.start()), key=label.lastgroup)
    if _PEOPLE_WORDS.match(piece.strip()):
        return Term(op, None, "", left, key="N")
    if re.fullmatch(r"\s*[\u4e00-\u9fff]{1,12}\s*", piece):
        return Term(op, None, "", left, key=None)           # a wording the method does not name
    return None

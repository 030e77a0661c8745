"""The document's structure: its logical lines, which of them are headings, and the section
each line belongs to.

A heading is a line with a heading marker (第一部分, 一、, （一）) — or, for a numbered line,
one whose title is short and carries no figure, or a line the format marks as a heading (a
Word heading style, a Markdown "#") — and its section runs to the next heading of
its rank or above. A section "is about" a figure when its title starts with that figure's
wording ("（三）其他执法工作日（994个工作日）", "（五）监督检查执法工作日的确定"): a total,
item list, formula or percentage inside it belongs to that figure unless it names another.
Sections may also be rows of a table ("（一）其他执法工作日" heading the rows below it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from plan_rules.extract.layout import Line
from plan_rules.extract.markers import HEADING_STYLES, OUTLINE, rank, strip_marker
from plan_rules.method import ANY_LABEL, BY_KEY, Figure

_TITLE_END = re.compile(r"[。:;,，(]|\d")
# A line that is only a category's wording and its total: a heading without a marker.
_BARE_CATEGORY = re.compile(r"^\s*(?P<title>(?:其[他它]执法工作日|非执法工作日)(?:的?(?:测算|计算|安排|分配))?(?:表|明细|情况)?)\s*(?:[:=]|为)?\s*(?:共计|合计|共)?\s*"
                            r"(?:\(?\s*\d+(?:\.\d+)?\s*(?:个工作日|工作日|人日|日|天|个)?\s*\)?)?\s*[。;]?\s*$")
_SHORT_TITLE = 24
# A section about a figure: the title starts with its wording, after at most a few words
# ("测算", "本年度", "2023年").
_LEAD = 6


@dataclass
class Heading:
    index: int              # position of the heading line in Document.lines
    style: str
    body: int               # offset of the title in the line's text
    title: str
    figures: tuple[str, ...]   # keys of the figures the section is about (O and X for a combined one)
    end: int = 0            # index after the section's last line


@dataclass
class Document:
    lines: list[Line]
    headings: list[Heading] = field(default_factory=list)
    section_of: list[Heading | None] = field(default_factory=list)   # innermost section of each line

    def figure_section(self, index: int) -> tuple[str, ...]:
        """The figures of the innermost section about figures that contains line `index`."""
        heading = self.section_of[index] if index < len(self.section_of) else None
        while heading is not None:
            if heading.figures:
                return heading.figures
            heading = self.parent(heading)
        return ()

    def parent(self, heading: Heading) -> Heading | None:
        position = self.headings.index(heading)
        for candidate in reversed(self.headings[:position]):
            if candidate.index < heading.index < candidate.end and rank(candidate.style) < rank(heading.style):
                return candidate
        return None

    def section_lines(self, heading: Heading) -> list[int]:
        return list(range(heading.index + 1, heading.end))

    def tables(self, across_text: bool = False) -> list[list[int]]:
        """The indices of each table's rows. A table's rows are adjacent lines, or, with
        `across_text`, rows of the same table with text between them (an annex's table
        continued after a note or a page's running head)."""
        tables: list[list[int]] = []
        for index, line in enumerate(self.lines):
            if not line.is_row:
                continue
            last = tables[-1][-1] if tables else None
            if last is not None and self.lines[last].table == line.table and (across_text or last == index - 1):
                tables[-1].append(index)
            else:
                tables.append([index])
        return tables


def build_document(lines: list[Line]) -> Document:
    document = Document(lines)
    for index, line in enumerate(lines):
        heading = _heading(index, line)
        if heading is not None:
            document.headings.append(heading)
    for position, heading in enumerate(document.headings):
        heading.end = next((other.index for other in document.headings[position + 1:]
                            if rank(other.style) <= rank(heading.style)), len(lines))
    document.section_of = [None] * len(lines)
    for heading in document.headings:               # inner headings come later and win
        for index in range(heading.index, heading.end):
            current = document.section_of[index]
            if current is None or rank(heading.style) >= rank(current.style):
                document.section_of[index] = heading
    return document


def _heading(index: int, line: Line) -> Heading | None:
    if line.is_row:
        return None
    text = line.text.text
    style, body = strip_marker(text)
    if style is None and line.outline is not None:   # a Word heading style, a Markdown "#"
        title = text[body:_title_end(text, body)].strip()
        return Heading(index, f"{OUTLINE}{line.outline}", body, title, section_figures(title)) if title else None
    if style is None:
        bare = _BARE_CATEGORY.match(text)          # "其他执法工作日：1035日" heading its items
        return Heading(index, "bare", bare.start("title"), bare.group("title"), section_figures(bare.group("title"))) if bare else None
    title = text[body:_title_end(text, body)].strip()
    figures = section_figures(title)
    if style not in HEADING_STYLES and not set(figures) & {"O", "X"} and (
            len(title) > _SHORT_TITLE or _figure_after(text, body) or text[body:].strip().rstrip(":").strip() != title):
        return None              # a numbered line with more than its title is a list item
    return Heading(index, style, body, title, figures)


def _title_end(text: str, start: int) -> int:
    match = _TITLE_END.search(text, start)
    return match.start() if match else len(text)


def _figure_after(text: str, body: int) -> bool:
    """A numbered line that states a figure is an item or a statement, not a heading."""
    return bool(re.search(r"\d", text[body:]))


def section_figures(title: str) -> tuple[str, ...]:
    """The figures a section title is about: the wording it starts with, and a second joined
    by 和/与/及 ("其他执法工作日和非执法工作日")."""
    labels = list(ANY_LABEL.finditer(title))
    if not labels or labels[0].start() > _LEAD:
        return ()
    keys = [labels[0].lastgroup]
    if len(labels) > 1 and re.fullmatch(r"\s*(?:和|与|及|、)\s*", title[labels[0].end():labels[1].start()]):
        keys.append(labels[1].lastgroup)
    return tuple(keys)


def figure(key: str) -> Figure:
    return BY_KEY[key]

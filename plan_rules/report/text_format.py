"""Human report, grouped per file, in Chinese (the summary goes to stderr, see summary.py):
errors first, each finding at its place (line:column, and for documents the paragraph or
table cell beside it; 全文 for the whole file), with its field path and basis beneath."""
from __future__ import annotations

from ..display_width import display_width
from .for_people import Swap, by_severity, for_people, severity_word

INDENT = "  "


class Writer:
    """Each file's block as it comes (report/__init__.py), a blank line after it; the checks
    across plans last."""

    def __init__(self, rulebook, colour: bool = False):
        self.colour = colour

    def head(self, write) -> None:
        pass

    def file(self, result, write) -> None:
        if not result.findings:
            return
        lines = [result.path]
        entries = for_people(result.findings)
        width = max(display_width(entry_place(e)) for e in entries)
        for entry in entries:
            lines += entry_lines(entry, width, self.colour)
        lines.append("")
        write(as_lines(lines))

    def tail(self, batch, write) -> None:
        if batch.cross_findings:
            write(as_lines(["跨计划"] + [INDENT + finding_line(f, self.colour) for f in by_severity(batch.cross_findings)]))


def as_lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def entry_place(entry) -> str:
    return entry.first.place if isinstance(entry, Swap) else entry.place


def entry_lines(entry, width: int, colour: bool) -> list[str]:
    """The entry's line — place padded to the file's widest, level, code, message — and, under
    its message, a swap's items and the field path and basis."""
    place = entry_place(entry)
    code = entry.first.code if isinstance(entry, Swap) else entry.code
    padding = " " * (width - display_width(place))
    head = f"{INDENT}{place}{padding}  {severity_word(entry.severity, colour)}  {code}  "
    beneath = " " * display_width(f"{INDENT}{place}{padding}  {entry.severity.zh}  {code}  ")
    lines = [head + entry.message]
    if not isinstance(entry, Swap):
        return lines + details(entry, beneath)
    item_width = max(display_width(f.place) for f in entry.items)
    lines += [f"{beneath}{f.place}{' ' * (item_width - display_width(f.place))}  {f.message}" for f in entry.items]
    return lines + details(entry.first, beneath, field=False)


def details(finding, indent: str, field: bool = True) -> list[str]:
    parts = []
    if field and finding.field:
        parts.append(f"字段：{finding.field}")
    if finding.basis:
        parts.append(f"依据：{finding.basis}")
    return [indent + "；".join(parts)] if parts else []


def finding_line(f, colour: bool = False) -> str:
    return f"{f.file}: {severity_word(f.severity, colour)} {f.code} {f.message}"

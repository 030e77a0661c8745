"""A table per file; wcwidth makes tabulate align Chinese (two columns a character). Errors
first; the two workday lists swapped are one row with its items beneath."""
from __future__ import annotations

import tabulate

from .for_people import Swap, by_severity, for_people, severity_word

tabulate.WIDE_CHARS_MODE = True
HEADERS = ["位置", "级别", "规则", "说明"]
WIDTHS = [None, None, None, 60]


def render(batch, rulebook, colour: bool = False) -> str:
    parts = []
    for result in batch.results:
        if not result.findings:
            continue
        rows = [row for entry in for_people(result.findings) for row in entry_rows(entry, colour)]
        parts.append(result.path + "\n" + tabulate.tabulate(rows, HEADERS, tablefmt="simple", maxcolwidths=WIDTHS))
    if batch.cross_findings:
        rows = [[f.file, severity_word(f.severity, colour), f.code, f.message] for f in by_severity(batch.cross_findings)]
        parts.append("跨计划\n" + tabulate.tabulate(rows, ["文件", "级别", "规则", "说明"], tablefmt="simple", maxcolwidths=WIDTHS))
    return "\n\n".join(parts) + ("\n" if parts else "")


def entry_rows(entry, colour: bool) -> list[list[str]]:
    if isinstance(entry, Swap):
        head = [entry.first.place, severity_word(entry.severity, colour), entry.first.code, entry.message]
        return [head] + [[f"  {f.place}", "", "", f.message] for f in entry.items]
    return [[entry.place, severity_word(entry.severity, colour), entry.code, entry.message]]

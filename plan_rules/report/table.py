"""A table per file; wcwidth makes tabulate align Chinese (two columns a character). Errors
first; the two workday lists swapped are one row with its items beneath."""
from __future__ import annotations

import tabulate

from .for_people import Swap, by_severity, for_people, severity_word

tabulate.WIDE_CHARS_MODE = True
HEADERS = ["位置", "级别", "规则", "说明"]
WIDTHS = [None, None, None, 60]


class Writer:
    """A table per file, a blank line between them, as each file comes; the checks across
    plans last."""

    def __init__(self, rulebook, colour: bool = False):
        self.colour = colour
        self.tables = 0

    def head(self, write) -> None:
        pass

    def file(self, result, write) -> None:
        if result.findings:
            rows = [row for entry in for_people(result.findings) for row in entry_rows(entry, self.colour)]
            self.table(result.path + "\n" + tabulate.tabulate(rows, HEADERS, tablefmt="simple", maxcolwidths=WIDTHS), write)

    def tail(self, batch, write) -> None:
        if batch.cross_findings:
            rows = [[f.file, severity_word(f.severity, self.colour), f.code, f.message]
                    for f in by_severity(batch.cross_findings)]
            self.table("跨计划\n" + tabulate.tabulate(rows, ["文件", "级别", "规则", "说明"], tablefmt="simple",
                                                     maxcolwidths=WIDTHS), write)
        if self.tables:
            write("\n")

    def table(self, text: str, write) -> None:
        write(("\n\n" if self.tables else "") + text)
        self.tables += 1


def entry_rows(entry, colour: bool) -> list[list[str]]:
    if isinstance(entry, Swap):
        head = [entry.first.place, severity_word(entry.severity, colour), entry.first.code, entry.message]
        return [head] + [[f"  {f.place}", "", "", f.message] for f in entry.items]
    return [[entry.place, severity_word(entry.severity, colour), entry.code, entry.message]]

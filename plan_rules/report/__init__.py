"""Reporters: one module per output format, behind one registry (check-jsonschema style).

Each format's Writer writes a report in three steps, so that a batch's report is written as
its files are checked and no finding is kept for it (batch.py): `head`, `file` for each
file's result in path order, and `tail` with the batch's end (checks across plans, summary
counts). `render` drives the same steps over a batch in memory, so that a report written
as it goes is the report written whole. The HTML page orders plans by how they came out and
opens with a summary of them all; it is rendered whole from a batch that kept every plan.
"""
from __future__ import annotations

from dataclasses import replace
from importlib import import_module
from typing import Callable

# format name → module; imported only when chosen, so start-up stays light.
FORMATS = {
    "text": "text_format",
    "concise": "concise",
    "table": "table",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "csv": "csv_format",
    "html": "html",
}
# Formats that draw from each file's Plan, which the batch then keeps.
NEEDS_PLANS = {"html"}
# SARIF names files by URI, percent-encoding a name's own bytes; it escapes its texts itself.
ESCAPES_ITSELF = {"sarif"}


# Formats that mark severities in colour when written to a terminal.
COLOURED = {"text", "table"}


# Formats written whole, from a batch that keeps every file's result.
WHOLE = {"html"}


def render(format_name: str, batch, rulebook, colour: bool = False) -> str:
    """The whole report of a batch in memory."""
    if format_name in WHOLE:
        from .escaping import displayable

        return import_module(f"{__name__}.{FORMATS[format_name]}").render(displayable(batch), rulebook)
    parts: list[str] = []
    stream = ReportStream(format_name, rulebook, parts.append, colour)
    for result in batch.results:
        stream.file(result)
    stream.close(batch)
    return "".join(parts)


class ReportStream:
    """A format's report written piece by piece to `write`: nothing before the first file
    (a batch that finds no file writes nothing), each file as it comes, the end at close.
    Every format but SARIF gets file names and plan texts escaped (escaping.py)."""

    def __init__(self, format_name: str, rulebook, write: Callable[[str], None], colour: bool = False):
        module = import_module(f"{__name__}.{FORMATS[format_name]}")
        self.writer = module.Writer(rulebook, colour=colour) if format_name in COLOURED else module.Writer(rulebook)
        self.escaped = format_name not in ESCAPES_ITSELF
        self.write = write
        self.started = False

    def file(self, result) -> None:
        from .escaping import escaped_result

        self.start()
        self.writer.file(escaped_result(result) if self.escaped else result, self.write)

    def close(self, batch) -> None:
        """The end: `batch` gives the checks across plans and the counts (its results are not read)."""
        from .escaping import escaped_finding

        self.start()
        if self.escaped:
            batch = replace(batch, cross_findings=[escaped_finding(f) for f in batch.cross_findings])
        self.writer.tail(batch, self.write)

    def start(self) -> None:
        if not self.started:
            self.started = True
            self.writer.head(self.write)

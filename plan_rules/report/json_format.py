"""Machine-readable: every finding with its file, field path and place."""
from __future__ import annotations

import json

from .. import __version__
from .summary import files_with_errors, severity_counts, unreadable_count


class Writer:
    """One finding a line: as readable as indented JSON, and written by json's C encoder
    (indenting makes json fall back to its Python encoder, a tenth of a second per 1,000
    files in the batch's serial part). Each file's entry as it comes; the summary last."""

    def __init__(self, rulebook):
        self.files = 0

    def head(self, write) -> None:
        write(f'{{\n  "tool": "plan-rules", "version": {dumps(__version__)},\n  "files": [')

    def file(self, result, write) -> None:
        write((",\n" if self.files else "\n")
              + f'    {{"path": {dumps(result.path)}, "findings": {findings_list(result.findings, 6)}}}')
        self.files += 1

    def tail(self, batch, write) -> None:
        counts = severity_counts(batch)
        summary = {"files": batch.tally.files, "files_with_errors": files_with_errors(batch),
                   "unreadable": unreadable_count(batch), "suppressed": batch.suppressed,
                   **{s.name: n for s, n in counts.items()}, "cross_plan_checked": batch.cross_plan_checked}
        write(("\n  " if self.files else "") + "],\n"
              f'  "cross_plan": {findings_list(batch.cross_findings, 4)},\n'
              f'  "summary": {dumps(summary)}\n}}\n')


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def findings_list(findings, indent: int) -> str:
    if not findings:
        return "[]"
    items = f",\n{' ' * indent}".join(dumps(f.to_dict()) for f in findings)
    return f"[\n{' ' * indent}{items}\n{' ' * (indent - 2)}]"


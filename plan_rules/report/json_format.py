"""Machine-readable: every finding with its file, field path and place."""
from __future__ import annotations

import json

from .. import __version__
from .summary import files_with_errors, severity_counts, unreadable_count


def render(batch, rulebook) -> str:
    """One finding a line: as readable as indented JSON, and written by json's C encoder
    (indenting makes json fall back to its Python encoder, a tenth of a second per 1,000
    files in the batch's serial part)."""
    counts = severity_counts(batch)
    summary = {"files": len(batch.results), "files_with_errors": files_with_errors(batch),
               "unreadable": unreadable_count(batch), "suppressed": batch.suppressed,
               **{s.name: n for s, n in counts.items()}, "cross_plan_checked": batch.cross_plan_checked}
    files = ",\n".join(f'    {{"path": {dumps(r.path)}, "findings": {findings_list(r.findings, 6)}}}'
                       for r in batch.results)
    return (f'{{\n  "tool": "plan-rules", "version": {dumps(__version__)},\n'
            f'  "files": [{wrapped(files)}],\n'
            f'  "cross_plan": {findings_list(batch.cross_findings, 4)},\n'
            f'  "summary": {dumps(summary)}\n}}\n')


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def findings_list(findings, indent: int) -> str:
    if not findings:
        return "[]"
    items = f",\n{' ' * indent}".join(dumps(f.to_dict()) for f in findings)
    return f"[\n{' ' * indent}{items}\n{' ' * (indent - 2)}]"


def wrapped(lines: str) -> str:
    return f"\n{lines}\n  " if lines else ""

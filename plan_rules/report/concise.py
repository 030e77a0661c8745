"""One finding a line: path:line:col: CODE [级别] message — for editors and grep. Documents'
lines are places in reading order (the paragraph or cell follows in brackets); a finding about
the whole file is at 1:1."""
from __future__ import annotations


def render(batch, rulebook) -> str:
    lines = []
    for f in batch.all_findings:
        line, column = f.position
        where = f" ({f.where})" if f.where else ""
        lines.append(f"{f.file}:{line}:{column}: {f.code} [{f.severity.zh}] {f.message}{where}")
    return "\n".join(lines) + ("\n" if lines else "")

"""One finding a line: path:line:col: CODE [级别] message — for editors and grep."""
from __future__ import annotations


def render(batch, rulebook) -> str:
    lines = []
    for f in batch.all_findings:
        place = f"{f.line}:{f.column or 1}" if f.line is not None else "0:0"
        where = f" ({f.where})" if f.where else ""
        lines.append(f"{f.file}:{place}: {f.code} [{f.severity.zh}] {f.message}{where}")
    return "\n".join(lines) + ("\n" if lines else "")

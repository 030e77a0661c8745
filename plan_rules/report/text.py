"""Human report, grouped per file, in Chinese (the summary goes to stderr, see summary.py)."""
from __future__ import annotations


def render(batch, rulebook) -> str:
    lines = []
    for result in batch.results:
        if not result.findings:
            continue
        lines.append(result.path)
        for f in result.findings:
            place = f.place or "-"
            lines.append(f"  {place:>8}  {f.severity.zh}  {f.code}  {f.message}")
            details = []
            if f.field:
                details.append(f"字段：{f.field}")
            if f.basis:
                details.append(f"依据：{f.basis}")
            if details:
                lines.append(" " * 12 + "；".join(details))
        lines.append("")
    if batch.cross_findings:
        lines.append("跨计划")
        lines += ["  " + finding_line(f) for f in batch.cross_findings]
    return "\n".join(lines) + ("\n" if lines else "")


def finding_line(f) -> str:
    return f"{f.file}: {f.severity.zh} {f.code} {f.message}"


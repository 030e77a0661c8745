"""Human report, grouped per file, in Chinese."""
from __future__ import annotations

from .summary import summary_line


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
    lines += [finding_line(f) for f in batch.cross_findings]
    lines.append(summary_line(batch))
    return "\n".join(lines) + "\n"


def finding_line(f) -> str:
    return f"{f.file}: {f.severity.zh} {f.code} {f.message}"


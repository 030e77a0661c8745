"""The closing line of the human formats: files, and counts per severity."""
from __future__ import annotations

from ..findings import Severity


def severity_counts(batch) -> dict[Severity, int]:
    counts = {s: 0 for s in Severity}
    for f in batch.all_findings:
        counts[f.severity] += 1
    return counts


def summary_line(batch) -> str:
    counts = severity_counts(batch)
    files = len(batch.results)
    with_errors = sum(1 for r in batch.results if any(f.severity == Severity.error for f in r.findings))
    return (f"共检查 {files} 个文件，{with_errors} 个有错误；"
            f"错误 {counts[Severity.error]} 条，警告 {counts[Severity.warning]} 条，提示 {counts[Severity.info]} 条")

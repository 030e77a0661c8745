"""A table per file; wcwidth makes tabulate align Chinese (two columns a character)."""
from __future__ import annotations

import tabulate

tabulate.WIDE_CHARS_MODE = True
HEADERS = ["位置", "级别", "规则", "说明"]


def render(batch, rulebook) -> str:
    parts = []
    for result in batch.results:
        if not result.findings:
            continue
        rows = [[f.place or "-", f.severity.zh, f.code, f.message] for f in result.findings]
        parts.append(result.path + "\n" + tabulate.tabulate(rows, HEADERS, tablefmt="simple", maxcolwidths=[None, None, None, 60]))
    if batch.cross_findings:
        rows = [[f.file, f.severity.zh, f.code, f.message] for f in batch.cross_findings]
        parts.append("跨计划\n" + tabulate.tabulate(rows, ["文件", "级别", "规则", "说明"], tablefmt="simple", maxcolwidths=[None, None, None, 60]))
    return "\n\n".join(parts) + ("\n" if parts else "")

"""One finding a line: path:line:col: CODE [级别] message — for editors and grep. Documents'
lines are places in reading order (the paragraph or cell follows in brackets); a finding about
the whole file is at 1:1."""
from __future__ import annotations


class Writer:
    """A line per finding, written as each file finishes (github.py writes its annotations so)."""
    def __init__(self, rulebook):
        pass

    @staticmethod
    def line(finding) -> str:
        return finding_line(finding)

    def head(self, write) -> None:
        pass

    def file(self, result, write) -> None:
        write("".join(self.line(f) for f in result.findings))

    def tail(self, batch, write) -> None:
        write("".join(self.line(f) for f in batch.cross_findings))


def finding_line(f) -> str:
    line, column = f.position
    where = f" ({f.where})" if f.where else ""
    return f"{f.file}:{line}:{column}: {f.code} [{f.severity.zh}] {f.message}{where}\n"

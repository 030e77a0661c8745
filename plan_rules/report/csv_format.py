"""CSV, one row a finding, for reviewers who forward results in a spreadsheet. UTF-8 with a
byte-order mark, so that Excel opens the Chinese correctly; cells that a spreadsheet would
run as a formula are quoted with a leading apostrophe (OWASP "CSV injection")."""
from __future__ import annotations

import csv
import io

HEADERS = ["文件", "行", "列", "位置", "规则", "级别", "名称", "说明", "字段", "依据"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Writer:
    def __init__(self, rulebook):
        pass

    def head(self, write) -> None:
        write("\ufeff" + rows([HEADERS]))

    def file(self, result, write) -> None:
        write(rows(finding_row(f) for f in result.findings))

    def tail(self, batch, write) -> None:
        write(rows(finding_row(f) for f in batch.cross_findings))


def rows(cells) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(cells)     # lines end in CRLF, as RFC 4180 and Excel expect
    return out.getvalue()


def finding_row(f) -> list:
    line, column = f.position
    return [inert(f.file), line, column, inert(f.where or ("全文" if f.line is None else "")), f.code,
            f.severity.zh, inert(f.title), inert(f.message), inert(f.field), inert(f.basis)]


def inert(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text

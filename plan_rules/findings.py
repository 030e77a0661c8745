"""A finding: one violation of one rule, at one place."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Optional


class Severity(IntEnum):
    info = 1
    warning = 2
    error = 3

    @property
    def zh(self) -> str:
        return {1: "提示", 2: "警告", 3: "错误"}[self.value]

    @classmethod
    def parse(cls, text: str) -> "Severity":
        return cls[text]


# The kind of a document place, by the first of its named numbers (sourcemap.Location.anchor).
ANCHOR_KINDS = {"paragraph": "paragraph", "table": "table_cell", "page": "page_line"}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    file: str = ""
    field: str = ""                # field path in the plan ("" for the whole file)
    line: Optional[int] = None     # for documents, the place's number in reading order
    column: Optional[int] = None
    where: Optional[str] = None    # paragraph / table cell / PDF line, for documents
    title: str = ""
    basis: str = ""
    order: tuple = dataclasses.field(default=(), compare=False)   # rule order and subject ids, for sorting
    anchor: tuple = ()             # the document place as named numbers: (("paragraph", 12),)
    expected: Any = None           # arithmetic rules: the figure the plan should have printed

    @property
    def position(self) -> tuple[int, int]:
        """Line and column for editors and problem matchers; a finding about the whole file
        is at 1:1, as ruff puts such findings."""
        return (self.line, self.column or 1) if self.line is not None else (1, 1)

    @property
    def place(self) -> str:
        """The place for people: line:column, the paragraph or table cell beside it, and
        全文 for a finding about the whole file."""
        if self.line is None:
            return self.where or "全文"
        return f"{self.line}:{self.column or 1}" + (f" {self.where}" if self.where else "")

    def place_fields(self) -> dict:
        """The place as named numbers, for machines (JSON)."""
        if self.anchor:
            return {"kind": ANCHOR_KINDS[self.anchor[0][0]], **dict(self.anchor)}
        if self.line is not None:
            return {"kind": "line", "line": self.line, "column": self.column or 1}
        return {"kind": "file"}

    def to_dict(self) -> dict:
        line, column = self.position
        entry = {
            "code": self.code, "severity": self.severity.name, "title": self.title,
            "message": self.message, "file": self.file, "field": self.field,
            "line": line, "column": column, "where": self.where, "place": self.place_fields(),
            "basis": self.basis,
        }
        if self.expected is not None:
            entry["expected"] = self.expected
        return entry

"""A finding: one violation of one rule, at one place."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import IntEnum
from typing import Optional


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


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    file: str = ""
    field: str = ""                # field path in the plan ("" for the whole file)
    line: Optional[int] = None
    column: Optional[int] = None
    where: Optional[str] = None    # paragraph / table cell, for .docx
    title: str = ""
    basis: str = ""
    order: tuple = dataclasses.field(default=(), compare=False)   # rule order and subject ids, for sorting

    @property
    def place(self) -> str:
        if self.where:
            return self.where
        if self.line is not None:
            return f"{self.line}:{self.column or 1}"
        return ""

    def to_dict(self) -> dict:
        return {
            "code": self.code, "severity": self.severity.name, "title": self.title,
            "message": self.message, "file": self.file, "field": self.field,
            "line": self.line, "column": self.column, "where": self.where, "basis": self.basis,
        }

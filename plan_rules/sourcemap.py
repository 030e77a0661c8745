"""Where each figure of a plan came from: field path → place in the file.

Field paths are dotted with list indices in brackets, as pydantic reports them:
``workdays.other_enforcement.items[3].days``. A lookup that has no exact entry falls back to
the nearest enclosing path, so a finding about an item points at the item's line even when
only the item (not its ``days``) was recorded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional


@dataclass(frozen=True)
class Location:
    line: Optional[int] = None       # 1-based line in a text or structured file
    column: Optional[int] = None     # 1-based column
    where: Optional[str] = None      # other anchors: "段落 12", "表格 1 第 3 行第 2 列"
    # Documents only, both derived from `where` (so not part of equality): the place's number
    # in reading order (every paragraph and table cell of a .docx, every line of a .pdf), which
    # editors and problem matchers take as a line; and the place as named numbers,
    # (("paragraph", 12),) or (("table", 1), ("row", 3), ("column", 2)) or (("page", 1), ("line", 5)).
    order: Optional[int] = field(default=None, compare=False)
    anchor: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    def describe(self) -> str:
        if self.where:
            return self.where
        if self.line is None:
            return ""
        return f"第 {self.line} 行"

    @classmethod
    def paragraph(cls, number: int, order: int) -> "Location":
        return cls(where=f"段落 {number}", order=order, anchor=(("paragraph", number),))

    @classmethod
    def table_cell(cls, table: int, row: int, column: int, order: int) -> "Location":
        return cls(where=f"表格 {table} 第 {row} 行第 {column} 列", order=order,
                   anchor=(("table", table), ("row", row), ("column", column)))

    @classmethod
    def page_line(cls, page: int, line: int, order: int) -> "Location":
        return cls(where=f"第 {page} 页第 {line} 行", order=order, anchor=(("page", page), ("line", line)))

    def finding_place(self) -> dict:
        """The fields a Finding keeps of its place: a line and column that editors accept (for
        documents, the reading-order number and column 1), the human place, the named numbers."""
        if self.line is not None:
            return {"line": self.line, "column": self.column, "where": self.where, "anchor": self.anchor}
        return {"line": self.order, "column": None if self.order is None else 1, "where": self.where,
                "anchor": self.anchor}


_PARENT = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")


def parent_path(path: str) -> str:
    """``a.b[2].c`` → ``a.b[2]`` → ``a.b`` → ``a`` → ``""``."""
    return _PARENT.sub("", path) if _PARENT.search(path) else ""


@dataclass
class SourceMap:
    # path → Location, or → (line, column) for structured files, where building hundreds of
    # Location objects per plan would cost more than the lookups that need them
    entries: dict[str, Location | tuple[int, int]] = field(default_factory=dict)
    # Computes the entries on the first lookup, for formats whose fast parser keeps no
    # positions (JSON): most plans are located only when they have findings.
    deferred: Optional[Callable[[], "SourceMap"]] = None

    def record(self, path: str, location: Location | tuple[int, int]) -> None:
        self.entries.setdefault(path, location)

    def locate(self, path: str) -> Location:
        """The place of the path or of its nearest recorded parent; no place at all when even
        its top-level field is absent (pointing at the file's first line would mislead)."""
        if self.deferred is not None:
            self.entries, self.deferred = self.deferred().entries, None
        if not path:
            return self._as_location(self.entries.get(""))
        while path:
            if path in self.entries:
                return self._as_location(self.entries[path])
            if f"{path}[0]" in self.entries:       # a list read from a document begins at its first entry
                return self._as_location(self.entries[f"{path}[0]"])
            path = parent_path(path)
        return Location()

    @staticmethod
    def _as_location(found) -> Location:
        if found is None:
            return Location()
        return found if isinstance(found, Location) else Location(*found)


def join_path(parts) -> str:
    """pydantic's ``loc`` tuple → our dotted path."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out

"""Many paths → one batch result: files found under directories, each checked, sorted by
path. One bad file never stops the batch: it becomes an IN001 finding."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .check import SUPPORTED_SUFFIXES, Checker, FileResult
from .findings import Finding


@dataclass
class Batch:
    results: list[FileResult] = field(default_factory=list)
    cross_findings: list[Finding] = field(default_factory=list)

    @property
    def all_findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings] + self.cross_findings


def discover(paths: Iterable[str]) -> list[str]:
    """Files named directly are checked whatever their suffix (an unsupported one is IN001);
    directories are searched for supported files, without following links."""
    found = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(str(p) for p in path.rglob("*")
                            if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file() and not p.is_symlink())
        else:
            found.append(name)
    return found


def run_batch(paths: Iterable[str], checker: Checker) -> Batch:
    batch = Batch()
    for name in discover(paths):
        if name == "-":
            batch.results.append(checker.check_bytes(sys.stdin.buffer.read(), "<stdin>", ".yaml"))
        else:
            batch.results.append(checker.check_path(Path(name), name))
    batch.results.sort(key=lambda r: r.path)
    return batch

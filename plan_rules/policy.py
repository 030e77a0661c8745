"""Which findings a run reports, and at which severity (docs/architecture.md, "Policy"): the
selection (`select`, `ignore`), per-file ignores, severity overrides, and what no setting
touches. A file that cannot be read (IN001) is always reported, as an error: it is never
deselected, ignored, overridden, excepted or suppressed inline (suppress.py asks here too).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from .config import Config, glob_matches
from .findings import Finding, Severity

NEVER_SUPPRESSED = frozenset({"IN001"})


def suppressible(code: str) -> bool:
    return code not in NEVER_SUPPRESSED


class Policy:
    def __init__(self, config: Config):
        self.config = config
        self.overrides = {code: Severity.parse(name) for code, name in config.severity_overrides}

    def selects(self, code: str) -> bool:
        """Whether the run reports this rule at all (`select`, `ignore`; codes or prefixes)."""
        if not suppressible(code):
            return True
        if self.config.select and not any(code.startswith(prefix) for prefix in self.config.select):
            return False
        return not any(code.startswith(prefix) for prefix in self.config.ignore)

    def ignored_in(self, path: str, code: str) -> bool:
        """Whether a per-file-ignores entry turns this rule off for this file."""
        return suppressible(code) and any(
            code.startswith(prefix) for pattern, codes in self.config.per_file_ignores
            if glob_matches(pattern, path, self.config.base) for prefix in codes)

    def severity_of(self, finding: Finding) -> Severity:
        return self.overrides.get(finding.code, finding.severity) if suppressible(finding.code) else finding.severity

    def apply(self, findings: Iterable[Finding], path: str) -> list[Finding]:
        """The findings of the file at `path` the run reports, each at its severity."""
        return [replace(f, severity=self.severity_of(f)) for f in findings
                if self.selects(f.code) and not self.ignored_in(path, f.code)]

"""One file through the pipeline: read → Plan + SourceMap → facts → rules → findings."""
from __future__ import annotations

import datetime as dt
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .config import Config
from .facts import to_facts
from .findings import Finding, Severity
from .load import STRUCTURED_SUFFIXES, Loaded, load_structured, unreadable
from .model import Plan
from .render import render_matches
from .ruleset import Rulebook, load_rulebook
from .sourcemap import SourceMap

DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
SUPPORTED_SUFFIXES = STRUCTURED_SUFFIXES + DOCUMENT_SUFFIXES


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    plan: Optional[Plan] = None
    digest: str = ""


class Checker:
    """Holds the compiled rulebook and the engine: build one per process."""

    def __init__(self, config: Config = Config(), rulebook: Optional[Rulebook] = None, use_engine: bool = True):
        self.config = config
        self.rulebook = rulebook or load_rulebook()
        self.evaluate = self._make_evaluator(use_engine)

    def _make_evaluator(self, use_engine: bool):
        from . import evaluator

        checks = self.rulebook.engine_checks
        if use_engine:
            try:
                from .engine import DurableEngine
                return DurableEngine(checks).evaluate
            except ImportError as error:
                print(f"plan-rules: 无法载入 durable_rules（{error}），改用等价的纯 Python 求值器", file=sys.stderr)
        return lambda facts: evaluator.evaluate(checks, facts)

    def check_path(self, path: Path, display: Optional[str] = None) -> FileResult:
        name = display or str(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            return FileResult(name, [unreadable(name, f"无法读取文件：{error.strerror or error}")])
        return self.check_bytes(data, name, path.suffix.lower())

    def check_bytes(self, data: bytes, name: str, suffix: str, today: Optional[dt.date] = None) -> FileResult:
        digest = hashlib.sha256(data).hexdigest()
        loaded = self.read(data, name, suffix)
        findings = list(loaded.findings)
        if loaded.plan is not None:
            findings += self.check_plan(loaded.plan, loaded.sourcemap, name, today)
        findings = [f for f in self.adjust(findings) if self.config.selects(f.code)]
        return FileResult(name, sort_findings(findings), loaded.plan, digest)

    def read(self, data: bytes, name: str, suffix: str) -> Loaded:
        if suffix in STRUCTURED_SUFFIXES:
            return load_structured(data, name)
        if suffix in DOCUMENT_SUFFIXES:
            from .extract import extract_bytes
            return extract_bytes(data, name, suffix)
        return Loaded(None, findings=[unreadable(name, f"不支持的文件类型“{suffix or '无扩展名'}”；"
                                                       f"支持 {'、'.join(SUPPORTED_SUFFIXES)}")])

    def check_plan(self, plan: Plan, sourcemap: SourceMap, name: str, today: Optional[dt.date] = None) -> list[Finding]:
        facts = to_facts(plan, self.config.thresholds, today)
        matches = self.evaluate(facts)
        return render_matches(matches, self.rulebook, sourcemap, name)

    def adjust(self, findings: list[Finding]) -> list[Finding]:
        """Fill in each finding's title and basis from its rule, and apply severity overrides."""
        overrides = dict(self.config.severity_overrides)
        adjusted = []
        for f in findings:
            rule = self.rulebook.get(f.code)
            severity = Severity.parse(overrides[f.code]) if f.code in overrides and f.code != "IN001" else f.severity
            order = f.order or ((rule.order if rule else -1), f.field)
            adjusted.append(Finding(**{**f.__dict__, "severity": severity, "order": order,
                                       "title": f.title or (rule.title if rule else ""),
                                       "basis": f.basis or (rule.basis if rule else "")}))
        return adjusted


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """By place in the file, then rule order and the subjects' ids (ENGINE.md §6.4)."""
    return sorted(findings, key=lambda f: (f.line if f.line is not None else sys.maxsize, f.where or "", f.order, f.message))

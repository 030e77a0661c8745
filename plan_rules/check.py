"""One file through the pipeline: read → Plan + SourceMap → facts → rules → findings."""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

from .config import Config
from .facts import to_facts
from .findings import Finding
from .gc_pause import collector_paused
from .load import STRUCTURED_SUFFIXES, InputError, Loaded, load_structured, unreadable
from .model import Plan
from .office_files import CONVERTIBLE_SUFFIXES, OFFICE_SUFFIXES
from .policy import Policy
from .reading import read_file, why_unreadable
from .match_findings import findings_from_matches
from .ruleset import Rulebook, load_rulebook
from .sourcemap import SourceMap

DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
SUPPORTED_SUFFIXES = STRUCTURED_SUFFIXES + DOCUMENT_SUFFIXES
# The plan's facts are evaluated rule by rule: time and engine memory grow with their count
# (about 13 KB of engine memory per fact, docs/architecture.md "The engine"). A plan has about a hundred; a
# city's with a thousand units a few thousand. More is not a plan (40,000 one-line units fit
# in a 5 MB YAML file and took the plain evaluator minutes).
MAX_FACTS = 10_000

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

    def with_config(self, config: Config) -> "Checker":
        """The same rulebook and evaluator under other settings: thresholds shape the facts,
        not the compiled rules."""
        other = copy.copy(self)
        other.config = config
        return other

    def _make_evaluator(self, use_engine: bool):
        from .evaluator import PlainEvaluator

        checks = self.rulebook.engine_checks
        if use_engine:
            try:
                from .engine import DurableEngine
                return DurableEngine(checks).evaluate
            except ImportError as error:
                sys.stderr.write(fallback_notice(error))
        return PlainEvaluator(checks).evaluate

    def check_path(self, path: Path, display: Optional[str] = None) -> FileResult:
        name = display or str(path)
        try:
            data = read_file(path)
        except (OSError, InputError) as error:
            return FileResult(name, [unreadable(name, why_unreadable(error))])
        return self.check_bytes(data, name, path.suffix.lower())

    def check_bytes(self, data: bytes, name: str, suffix: str, today: Optional[dt.date] = None) -> FileResult:
        digest = hashlib.sha256(data).hexdigest()
        with collector_paused():     # a big plan's build is otherwise superlinear (gc_pause.py)
            loaded = self.read(data, name, suffix)
            findings = list(loaded.findings)
            if loaded.plan is not None:
                findings += self.check_plan(loaded.plan, loaded.sourcemap, name, today)
        findings = Policy(self.config).apply(with_rule_details(findings, self.rulebook), name)
        return FileResult(name, sort_findings(findings), loaded.plan, digest)

    def read(self, data: bytes, name: str, suffix: str) -> Loaded:
        if suffix in STRUCTURED_SUFFIXES:
            return load_structured(data, name)
        if suffix in DOCUMENT_SUFFIXES:
            from .extract import extract_bytes
            return extract_bytes(data, name, suffix)
        if suffix in OFFICE_SUFFIXES:
            return read_office(data, name, suffix)
        return Loaded(None, findings=[unreadable(name, f"不支持的文件类型“{suffix or '无扩展名'}”；"
                                                       f"支持 {'、'.join(SUPPORTED_SUFFIXES)}，装有 LibreOffice 时"
                                                       f"还支持 {'、'.join(CONVERTIBLE_SUFFIXES)}")])

    def check_plan(self, plan: Plan, sourcemap: SourceMap, name: str, today: Optional[dt.date] = None) -> list[Finding]:
        facts = to_facts(plan, self.config.thresholds, today)
        if len(facts) > MAX_FACTS:
            return [unreadable(name, f"计划所列条目过多（{len(facts)} 项，上限 {MAX_FACTS} 项），不像是一份计划；未作检查")]
        matches = self.evaluate(facts)
        uncertain = {u.path: u.reason for u in plan.document.uncertain} if plan.document is not None else {}
        return findings_from_matches(matches, self.rulebook, sourcemap, name, uncertain)



def fallback_notice(error: ImportError) -> str:
    """Said on stderr where the engine was wanted by default and durable_rules cannot be imported."""
    return f"plan-rules: {no_engine_zh(error)}，改用等价的纯 Python 求值器\n"


def no_engine_zh(error: ImportError) -> str:
    """Why there is no engine, in Chinese: durable_rules not installed (on Python 3.13 by design:
    it does not import there, pyproject.toml), or installed and failing to import, in Python's
    own words then, which say what is broken."""
    if not isinstance(error, ModuleNotFoundError):
        return f"无法载入 durable_rules（{error}）"
    if sys.version_info >= (3, 13):
        return "未安装 durable_rules（它不能在 Python 3.13 及以上导入，所以不随 plan-rules 安装）"
    return "未安装 durable_rules"


def with_rule_details(findings: list[Finding], rulebook: Rulebook) -> list[Finding]:
    """Each finding with its rule's title and basis, and its place in the report order."""
    completed = []
    for f in findings:
        rule = rulebook.get(f.code)
        completed.append(replace(f, order=f.order or ((rule.order if rule else -1), f.field),
                                 title=f.title or (rule.title if rule else ""),
                                 basis=f.basis or (rule.basis if rule else "")))
    return completed


def read_office(data: bytes, name: str, suffix: str) -> Loaded:
    """.doc/.wps/.rtf/.odt through LibreOffice into .docx, then as any .docx; other office
    formats, and these where LibreOffice is not installed, are IN001 saying what to do."""
    from .extract import extract_bytes
    from .readers import ReadError
    from .office_files import unsupported_reason
    from .readers.legacy import convert_to_docx

    if suffix not in CONVERTIBLE_SUFFIXES:
        return Loaded(None, findings=[unreadable(name, unsupported_reason(suffix))])
    try:
        return extract_bytes(convert_to_docx(data, suffix), name, ".docx")
    except ReadError as error:
        return Loaded(None, findings=[unreadable(name, str(error))])


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """By place in the file (a document's places numerically, in reading order), then rule
    order and the subjects' ids (docs/architecture.md, "The engine"); findings about the whole file last."""
    return sorted(findings, key=lambda f: (f.line if f.line is not None else sys.maxsize, f.where or "", f.order, f.message))

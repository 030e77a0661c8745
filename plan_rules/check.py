"""One file through the pipeline: read → Plan + SourceMap → facts → rules → findings."""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .config import Config
from .facts import to_facts
from .findings import Finding, Severity
from .load import MAX_BYTES, STRUCTURED_SUFFIXES, InputError, Loaded, load_structured, unreadable
from .model import Plan
from .office_files import CONVERTIBLE_SUFFIXES, OFFICE_SUFFIXES
from .render import render_matches
from .ruleset import Rulebook, load_rulebook
from .sourcemap import SourceMap

DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
SUPPORTED_SUFFIXES = STRUCTURED_SUFFIXES + DOCUMENT_SUFFIXES
# Largest file read, by kind: text (plans, YAML, JSON) is a few KB, so the structured cap
# serves (a 50 MB text file kept the extractor busy for minutes); Word and PDF packages carry
# pictures and fonts. Larger files are refused from their size, before any byte is read.
MAX_PACKAGE_BYTES = 64 * 1024 * 1024
PACKAGE_SUFFIXES = (".docx", ".pdf") + OFFICE_SUFFIXES
# The plan's facts are evaluated rule by rule: time and engine memory grow with their count
# (about 13 KB of engine memory per fact, ENGINE.md §3.16). A plan has about a hundred; a
# city's with a thousand units a few thousand. More is not a plan (40,000 one-line units fit
# in a 5 MB YAML file and took the plain evaluator minutes).
MAX_FACTS = 10_000

# The OS's words for why a file cannot be read, in Chinese (strerror is English).
_OS_ERRORS_ZH = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.ELOOP: "符号链接循环（链接最终指回自身）",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.ENOTDIR: "路径中有一级不是目录",
    errno.ENAMETOOLONG: "路径过长",
    errno.EIO: "读取时发生输入输出错误",
}


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
            data = read_file(path)
        except OSError as error:
            return FileResult(name, [unreadable(name, f"无法读取文件：{os_error_zh(error)}")])
        except InputError as error:
            return FileResult(name, [unreadable(name, str(error))])
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
        return render_matches(matches, self.rulebook, sourcemap, name, uncertain)

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


def read_file(path: Path) -> bytes:
    """The file's bytes. What is not a regular file is refused from its metadata, never
    opened: a named pipe would block for ever, /dev/zero never ends, a folder is no plan.
    So is a file larger than its kind allows (a sparse file of 10 GB takes no disk), and the
    read itself stops past the limit, for files that grow or lie about their size."""
    status = path.stat()
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(status.st_mode):
        raise InputError("不是普通文件（命名管道、设备或套接字），未读取")
    limit = MAX_PACKAGE_BYTES if path.suffix.lower() in PACKAGE_SUFFIXES else MAX_BYTES
    if status.st_size > limit:
        raise InputError(too_large(status.st_size, limit))
    with path.open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise InputError(too_large(len(data), limit))
    return data


def os_error_zh(error: OSError) -> str:
    return _OS_ERRORS_ZH.get(error.errno, error.strerror or str(error))


def too_large(size: int, limit: int) -> str:
    return f"文件过大（{size} 字节，上限 {limit} 字节），不像是一份计划"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """By place in the file (a document's places numerically, in reading order), then rule
    order and the subjects' ids (ENGINE.md §6.4); findings about the whole file last."""
    return sorted(findings, key=lambda f: (f.line if f.line is not None else sys.maxsize, f.where or "", f.order, f.message))

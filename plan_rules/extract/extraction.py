"""The extractor's entry points and its findings: IN001 for a file that cannot be read, IN003
for each required figure that the document does not print (RULES.md, IN — input)."""
from __future__ import annotations

from dataclasses import dataclass, field

from plan_rules.extract.labels import REQUIRED
from plan_rules.extract.lines import logical_lines
from plan_rules.findings import Finding, Severity
from plan_rules.model import Plan
from plan_rules.readers import ReadError, Source, read_bytes, read_document
from plan_rules.readers.plain import read_text
from plan_rules.sourcemap import SourceMap

@dataclass
class Extraction:
    plan: Plan | None
    sourcemap: SourceMap = field(default_factory=SourceMap)
    findings: list[Finding] = field(default_factory=list)


def extract_document(path: str) -> Extraction:
    try:
        source = read_document(path)
    except ReadError as error:
        return _unreadable(str(error), str(path))
    return extract_source(source, str(path))


def extract_bytes(data: bytes, name: str, suffix: str) -> Extraction:
    """For callers that already read the file (batch checks hash the bytes first)."""
    try:
        source = read_bytes(data, suffix)
    except ReadError as error:
        return _unreadable(str(error), name)
    return extract_source(source, name)


def extract_text(text: str, name: str = "<text>") -> Extraction:
    if not text.strip():
        return _unreadable("文件为空", name)
    return extract_source(read_text(text), name)


def extract_source(source: Source, name: str) -> Extraction:
    from plan_rules.extract.builder import build_plan
    plan, sourcemap = build_plan(logical_lines(source))
    return Extraction(plan, sourcemap, _missing_figures(plan, name))


def _unreadable(message: str, name: str) -> Extraction:
    return Extraction(None, SourceMap(), [Finding("IN001", Severity.error, message, file=name)])


def _missing_figures(plan: Plan, name: str) -> list[Finding]:
    findings = []
    for figure in REQUIRED:
        value = plan
        for part in figure.path.split("."):
            value = getattr(value, part)
        if value is None:
            checks = "、".join(figure.checks)
            findings.append(Finding(
                "IN003", Severity.warning, f"未能在文档中找到“{figure.name}”的数字，相关检查（{checks}）已跳过",
                file=name, field=figure.path))
    return findings

"""The extractor's entry points and its findings: IN001 for a file that cannot be read, IN003
for each required figure that the document does not print (docs/rules/IN001.md, IN003.md).

A text that stops before its end (DC005) gets no IN003: the figures it lacks may stand in
the part that is missing, and DC005 names them instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from plan_rules.extract.builder import build_plan
from plan_rules.extract.layout import logical_lines
from plan_rules.extract.reconcile import Reading
from plan_rules.findings import Finding, Severity
from plan_rules.method import REQUIRED
from plan_rules.model import Plan
from plan_rules.readers import ReadError, Source, read_bytes, read_document
from plan_rules.readers.plain import read_text
from plan_rules.sourcemap import SourceMap


@dataclass
class Extraction:
    plan: Plan | None
    sourcemap: SourceMap = field(default_factory=SourceMap)
    findings: list[Finding] = field(default_factory=list)
    readings: dict[str, Reading] = field(default_factory=dict)


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
    built = build_plan(logical_lines(source))
    findings = [] if built.truncation is not None else missing_figures(built.plan, name)
    return Extraction(built.plan, built.sourcemap, findings, built.readings)


def _unreadable(message: str, name: str) -> Extraction:
    return Extraction(None, SourceMap(), [Finding("IN001", Severity.error, message, file=name)])


def missing_figures(plan: Plan, name: str) -> list[Finding]:
    findings = []
    for figure in REQUIRED:
        if figure_value(plan, figure.path) is None:
            checks = "、".join(figure.checks)
            findings.append(Finding(
                "IN003", Severity.warning, f"未能在文档中找到“{figure.name}”的数字，相关检查（{checks}）已跳过",
                file=name, field=figure.path))
    return findings


def figure_value(plan: Plan, path: str):
    value = plan
    for part in path.split("."):
        value = getattr(value, part)
    return value

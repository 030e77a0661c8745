"""SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

Every rule of the rulebook is described in the driver (id, name = slug, short description =
title, full description = why, help = the rule's docs/rules page); each finding is a result
pointing at the file, line and column (YAML columns count code points; a document's lines are
its places in reading order; a finding about the whole file is at 1:1). Its properties give the
place as named numbers and, for arithmetic rules, the figure the plan should have printed.
"""
from __future__ import annotations

import json
import os
from pathlib import PurePath
from urllib.parse import quote

from .. import __version__
from ..findings import Severity
from ..rule_docs import rule_page
from .escaping import escape

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


# Where the results list is in the document as json.dumps indents it: runs[0].results, the
# last member of the one run; each result is an object four levels deep.
RESULTS = '"results": []'
RESULT_INDENT = " " * 8


class Writer:
    """The document as json.dumps(indent=2) writes it whole, written as it goes: the driver
    (from the rulebook alone) first, each file's results as the file comes, the checks across
    plans and the closing brackets last. Every result is indented as it would be in place."""

    def __init__(self, rulebook):
        self.index = {rule.code: i for i, rule in enumerate(rulebook.rules)}
        self.before, self.after = document_around_results(rulebook)
        self.results = 0

    def head(self, write) -> None:
        write(self.before)

    def file(self, result, write) -> None:
        self.write_results(result.findings, write)

    def tail(self, batch, write) -> None:
        self.write_results(batch.cross_findings, write)
        write((f"\n{RESULT_INDENT[2:]}]" if self.results else "]") + self.after)

    def write_results(self, findings, write) -> None:
        for finding in findings:
            text = json.dumps(result(finding, self.index), ensure_ascii=False, indent=2)
            write((",\n" if self.results else "\n") + RESULT_INDENT + text.replace("\n", "\n" + RESULT_INDENT))
            self.results += 1


def document_around_results(rulebook) -> tuple[str, str]:
    """The document's text before its results (through the opening bracket) and after them
    (from the closing bracket on, less the bracket)."""
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "plan-rules", "version": __version__, "semanticVersion": __version__,
                "rules": [rule_descriptor(rule) for rule in rulebook.rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    at = text.index(RESULTS) + len(RESULTS) - 1      # a string value cannot hold it: its quotes would be escaped
    return text[:at], text[at + 1:]


def rule_descriptor(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.why},
        "help": {"text": rule.why, "markdown": rule_page(rule)},
        "defaultConfiguration": {"level": LEVELS[max(rule.severities)]},
        "properties": {"basis": rule.basis},
    }


def result(finding, index: dict) -> dict:
    text = escape(finding.message + (f"（{finding.where}）" if finding.where else ""))
    line, column = finding.position
    location = {"artifactLocation": {"uri": artifact_uri(finding.file)},
                "region": {"startLine": line, "startColumn": column}}
    properties = {"field": escape(finding.field), "basis": finding.basis, "place": finding.place_fields()}
    if finding.expected is not None:
        properties["expected"] = finding.expected
    entry = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
        "properties": properties,
    }
    if finding.code in index:
        entry["ruleIndex"] = index[finding.code]
    return entry


def artifact_uri(path: str) -> str:
    """A relative path stays relative (dashboards resolve it against the checkout); an
    absolute one becomes a file: URI. Non-ASCII names are percent-encoded (RFC 3986) from the
    name's own bytes, so that a name that is not UTF-8 (GBK from a Windows share) keeps them."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(os.fsencode(pure.as_posix()))

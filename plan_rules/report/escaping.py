"""Text from outside — file names, labels and names written in a plan — as every report shows
it: faithfully, and in a form that no output format can be broken by.

A file name on Linux is bytes. One copied from a Windows share in GBK is not UTF-8, and Python
hands each byte it cannot decode over as a lone surrogate (PEP 383), which no UTF-8 writer
accepts: the whole report was lost. A label may hold a line break or a control character
(YAML "\\x01", JSON "\\u0001"): it split the one-line formats (concise, github) and made the
JUnit XML invalid, since XML 1.0 cannot hold U+0001 even as a character reference.

So every such character is written as an escape in Python's notation before a reporter sees it:
- a byte of a file name that is not UTF-8: ``\\xb1``, the byte itself;
- C0 and C1 controls and DEL: ``\\n``, ``\\r``, ``\\t``, ``\\x01`` … ``\\x9f``;
- other lone surrogates and U+FFFE/U+FFFF (not characters in XML): ``\\ud800``, ``\\uffff``;
- line and paragraph separators and the bidirectional controls, which move text about on the
  screen (a name can be made to read backwards, CVE-2021-42574): ``\\u2028``, ``\\u202e`` ….
Backslashes are left alone, so that Windows paths read as they are written.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

_ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029"
                      "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SURROGATE_ESCAPED_BYTES = range(0xDC80, 0xDD00)     # PEP 383: byte b is U+DC00 + b
_FINDING_TEXTS = ("file", "message", "field", "where", "title", "basis")


def _escape_one(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if code in _SURROGATE_ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape(text: str) -> str:
    """`text` with every character listed above written as its escape."""
    return _ESCAPED.sub(_escape_one, text) if _ESCAPED.search(text) else text


def escaped_finding(finding):
    changes = {name: escape(value) for name in _FINDING_TEXTS
               if (value := getattr(finding, name)) and _ESCAPED.search(value)}
    return replace(finding, **changes) if changes else finding


def escaped_result(result):
    findings = [escaped_finding(f) for f in result.findings]
    plan = escaped_value(result.plan)
    if result.path == escape(result.path) and plan is result.plan and all(
            new is old for new, old in zip(findings, result.findings)):
        return result
    return replace(result, path=escape(result.path), findings=findings, plan=plan)


def escaped_value(value: Any) -> Any:
    """A plan (pydantic model), list or string with its texts escaped; the same object when
    nothing needed escaping, so that the common case costs no copy."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        items = [escaped_value(item) for item in value]
        return items if any(new is not old for new, old in zip(items, value)) else value
    if hasattr(type(value), "model_fields"):
        changes = {name: new for name in type(value).model_fields
                   if (new := escaped_value(old := getattr(value, name))) is not old}
        return value.model_copy(update=changes) if changes else value
    return value


def displayable(batch):
    """The batch as reports show it: every text from outside escaped (a copy where needed)."""
    return replace(batch, results=[escaped_result(r) for r in batch.results],
                   cross_findings=[escaped_finding(f) for f in batch.cross_findings])

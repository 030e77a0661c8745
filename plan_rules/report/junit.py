"""JUnit XML, for CI dashboards that show test results: one test case per file, failing when
the file has an error (IN001, the file could not be read, is a JUnit <error>); warnings and
notes are listed in the case's output. The checks across plans are one more case."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..findings import Severity

CROSS_PLAN_CASE = "跨计划检查"


def render(batch, rulebook) -> str:
    cases = [file_case(r.path, r.findings) for r in batch.results]
    if batch.cross_findings:
        cases.append(file_case(CROSS_PLAN_CASE, batch.cross_findings))
    suite = ET.Element("testsuite", name="plan-rules", tests=str(len(cases)),
                       failures=str(sum(1 for c in cases if c.find("failure") is not None)),
                       errors=str(sum(1 for c in cases if c.find("error") is not None)), skipped="0")
    suite.extend(cases)
    root = ET.Element("testsuites", name="plan-rules")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def file_case(name: str, findings) -> ET.Element:
    case = ET.Element("testcase", classname="plan-rules", name=name, file=name)
    unreadable = [f for f in findings if f.code == "IN001"]
    errors = [f for f in findings if f.severity == Severity.error and f.code != "IN001"]
    if unreadable:
        ET.SubElement(case, "error", message=unreadable[0].message, type="IN001").text = lines(unreadable)
    if errors:
        ET.SubElement(case, "failure", message=f"{len(errors)} 条错误", type=errors[0].code).text = lines(errors)
    others = [f for f in findings if f.severity < Severity.error]
    if others:
        ET.SubElement(case, "system-out").text = lines(others)
    return case


def lines(findings) -> str:
    return "\n".join(f"{f.place or '-'} {f.code} [{f.severity.zh}] {f.message}" for f in findings)

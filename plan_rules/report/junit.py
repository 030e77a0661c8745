"""JUnit XML, for CI dashboards that show test results: one test case per file, failing when
the file has an error (IN001, the file could not be read, is a JUnit <error>); warnings and
notes are listed in the case's output. The checks across plans are one more case."""
from __future__ import annotations

import tempfile
from xml.etree import ElementTree as ET

from ..findings import Severity

CROSS_PLAN_CASE = "跨计划检查"


CASE_INDENT = "\n    "    # a test case is two levels deep: testsuites, testsuite


class Writer:
    """The suite's opening tag counts its cases, failures and errors, which are known only at
    the end: each file's case is written, as the file comes, to a temporary file, and the
    whole document at the end, the cases copied from there. Memory stays flat; the document
    itself cannot be written before the last file is checked."""

    def __init__(self, rulebook):
        self.cases = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.counts = {"tests": 0, "failures": 0, "errors": 0}

    def head(self, write) -> None:
        pass

    def file(self, result, write) -> None:
        self.add_case(file_case(result.path, result.findings))

    def tail(self, batch, write) -> None:
        if batch.cross_findings:
            self.add_case(file_case(CROSS_PLAN_CASE, batch.cross_findings))
        suite = ET.Element("testsuite", name="plan-rules", **{name: str(n) for name, n in self.counts.items()},
                           skipped="0")
        write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="plan-rules">\n  ')
        if not self.counts["tests"]:
            write(ET.tostring(suite, encoding="unicode"))     # <testsuite … />, as ElementTree writes it empty
        else:
            write(ET.tostring(suite, encoding="unicode").replace(" />", ">", 1))
            self.cases.seek(0)
            for chunk in iter(lambda: self.cases.read(1 << 16), ""):
                write(chunk)
            write("\n  </testsuite>")
        self.cases.close()
        write("\n</testsuites>\n")

    def add_case(self, case: ET.Element) -> None:
        self.counts["tests"] += 1
        self.counts["failures"] += case.find("failure") is not None
        self.counts["errors"] += case.find("error") is not None
        ET.indent(case, level=2)
        self.cases.write(CASE_INDENT + ET.tostring(case, encoding="unicode"))


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

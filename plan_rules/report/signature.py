"""Whether a file is a report that plan-rules wrote, told by how it opens.

A report saved among the plans (`plan-rules check 计划/ -f json -o 计划/结果.json`) was
checked as a plan on the next run: a dozen IN002 for a file that is no plan. Each format
opens in a way of its own that no plan does, so such files are passed over and named on
stderr. An empty report (no findings in the text formats) cannot be told from an empty plan.
"""
from __future__ import annotations

import re

HEAD_BYTES = 1024
_SEVERITY = "(?:错误|警告|提示)"
_CODE = "[A-Z]{2}[0-9]{3}"
_OPENINGS = re.compile("|".join([
    r'\{\s*"tool": "plan-rules"',                                              # json
    r'\{\s*"\$schema": "[^"]*sarif[^"]*",.*?"name": "plan-rules"',              # sarif
    r'<\?xml[^>]*\?>\s*<testsuites name="plan-rules"',                         # junit
    r"<!DOCTYPE html>.*?<title>plan-rules 检查报告</title>",                    # html
    "\ufeff文件,行,列,位置,规则,级别,",                                          # csv
    r"::(?:error|warning|notice) file=",                                       # github
    rf"[^\n]*:[0-9]+:[0-9]+: {_CODE} \[{_SEVERITY}\] ",                        # concise
    rf"[^\n]*\n +\S+  {_SEVERITY}  {_CODE}  ",                                 # text: a file, its first finding
    rf"跨计划\n  [^\n]*: {_SEVERITY} {_CODE} ",                                 # text: cross-plan findings only
    r"[^\n]*\n(?:位置|文件) +级别 +规则 +说明\n",                                # table
]), re.DOTALL)


def is_report(data: bytes) -> bool:
    head = data[:HEAD_BYTES].decode("utf-8", errors="ignore")
    return _OPENINGS.match(head) is not None


def is_report_file(path: str) -> bool:
    try:
        with open(path, "rb") as file:
            return is_report(file.read(HEAD_BYTES))
    except OSError:
        return False

"""The schema's complaints (pydantic's validation errors) as IN002 findings in Chinese,
each naming the field path and its line. pydantic words its messages in English; each type of
complaint has a Chinese sentence here, and one the table lacks a general one."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Optional

from pydantic import ValidationError

from .findings import Finding, Severity
from .sourcemap import SourceMap, join_path


def impossible_date(value: Any) -> Optional[str]:
    """"2023-02-30": a date in the right form that the calendar does not have, named as such."""
    match = _DATE.match(value) if isinstance(value, str) else None
    if not match:
        return None
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12:
        return f"日期不存在：{value}（月份应为 1 到 12，写为 {month}）"
    try:
        dt.date(year, month, day)
    except ValueError:
        last = calendar.monthrange(year, month)[1] if year >= 1 else 31
        return f"日期不存在：{value}（{year} 年 {month} 月只有 {last} 天）"
    return None


def schema_findings(error: ValidationError, sourcemap: SourceMap, name: str) -> list[Finding]:
    findings = []
    for issue in error.errors(include_url=False):
        path = join_path(issue["loc"])
        location = sourcemap.locate(path)
        findings.append(Finding(code="IN002", severity=Severity.error, file=name, field=path,
                                line=location.line, column=location.column,
                                message=f"字段 {path or '（顶层）'}：{schema_message(issue)}"))
    return findings


_SCHEMA_MESSAGES = {
    "extra_forbidden": "未知字段（可能是拼写错误），计划格式中没有这个字段",
    "missing": "缺少必填字段",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数（不能有小数）",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "finite_number": "应为有限的数字（不能是 NaN 或无穷大）",
    "string_type": "应为文字",
    "bool_type": "应为 true 或 false",
    "bool_is_not_number": "应为数字（true、false 不是数字）",     # model.not_a_boolean
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "model_type": "应为键值映射",
    "dict_type": "应为键值映射",
    "date_type": "应为日期（如 2023-03-15）",
    "date_parsing": "应为日期（如 2023-03-15）",
    "date_from_datetime_parsing": "应为日期（如 2023-03-15）",
    "date_from_datetime_inexact": "应为日期，不能带时刻",
    "literal_error": "取值不在允许范围内",
    "greater_than_equal": "不能为负数",
    "less_than_equal": "数值过大",
    "int_parsing_size": "数值过大",
    "model_attributes_type": "应为键值映射",
    "decimal_max_digits": "数字位数过多",
    "decimal_max_places": "小数位数过多",
    "decimal_whole_digits": "数字位数过多",
    "string_too_long": "文字过长",
    "too_long": "所列项数过多",
}
# A type of complaint the table lacks (pydantic's own words are English).
_SCHEMA_GENERAL = "取值不符合计划格式"
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


def schema_message(issue: dict) -> str:
    text = _SCHEMA_MESSAGES.get(issue["type"], _SCHEMA_GENERAL)
    if issue["type"].startswith("date") and impossible_date(issue.get("input")):
        return impossible_date(issue["input"])
    if issue["type"] == "literal_error":
        expected = re.sub(r",? or |, ", "、", str(issue.get("ctx", {}).get("expected", "")))
        text += f"（允许：{expected}）"
    if issue["type"] == "less_than_equal":
        text += f"（上限 {issue.get('ctx', {}).get('le')}）"
    if issue["type"] == "greater_than_equal" and issue.get("ctx", {}).get("ge") not in (0, None):
        text = f"不能小于 {issue['ctx']['ge']}"
    if "input" in issue and not isinstance(issue["input"], (dict, list)):
        # true and false as JSON and YAML write them, not Python's True
        shown = str(issue["input"]).lower() if isinstance(issue["input"], bool) else str(issue["input"])
        text += f"；实际为 {shown[:40]!r}"
    return text

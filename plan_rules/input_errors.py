"""Why a structured plan could not be read, as the loaders raise it (load.py, json_plan.py)."""
from __future__ import annotations

from typing import Optional


class InputError(ValueError):
    """Unreadable input: IN001 with this message and place."""

    def __init__(self, message: str, line: Optional[int] = None, column: Optional[int] = None):
        super().__init__(message)
        self.line, self.column = line, column


class DuplicateKey(InputError):
    """A key written twice in one mapping: which value is meant cannot be known. IN002, at
    the second one: JSON kept the last silently, YAML refused it; both are said the same."""

    def __init__(self, path: str, line: Optional[int] = None, column: Optional[int] = None,
                 first_line: Optional[int] = None):
        earlier = f"第 {first_line} 行已有同名字段，" if first_line else ""
        super().__init__(f"字段 {path}：重复出现（{earlier}无法确定以哪一处为准）", line, column)
        self.path = path


def number_problem_zh(error: Exception) -> str:
    """Python's refusal of a 4,300-digit int (a guard against quadratic conversion), in Chinese."""
    if "Exceeds the limit" in str(error):
        return "数字位数过多（超过 4300 位），不是计划中的数字"
    return "其中的值无法解读"

"""Rule cases (fixtures/rules/<CODE>.yaml), in the style of sqlfluff's YAML test cases: per
rule, named passing and failing cases, each a small overlay on a base plan, with optional
settings so that thresholds and profiles have behavioural cases too (docs/architecture.md,
"Rule cases"). The tests check that every case yields exactly its findings; the rule pages
show each rule's example case and the message it really produces.

A case:
    name      pass… or fail…
    note      why it passes or fails, in Chinese, starting 通过 / 错误 / 警告 / 提示
    set       field path → value, written over the base plan ("workdays.items[2].days": 60;
              an index one past the end appends)
    remove    field paths taken out of it
    base      another plan of fixtures/plans (default clean-2021.yaml)
    settings  as in plan-rules.toml: profile, thresholds, select, ignore, severity
    text      the input itself, for what no plan can show (a file that is not YAML)
    suffix    .yaml (default) or .json: how the case is written for the checker
    example   the case the rule page shows (default: the first failing case)
    findings  every finding it yields: code, severity, field
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = FIXTURES / "rules"
PLANS = FIXTURES / "plans"
# MD001's upper bound is next year: a fixed "today" keeps the cases stable.
TODAY = dt.date(2026, 11, 28)
CASE_KEYS = {"name", "note", "set", "remove", "base", "settings", "text", "suffix", "example", "findings"}
_STEP = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


class CaseError(ValueError):
    """A case file that does not say what a case must."""


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    note: str
    findings: tuple[tuple[str, str, str], ...]          # (code, severity, field)
    set: dict = field(default_factory=dict)
    remove: tuple[str, ...] = ()
    base: str = "clean-2021.yaml"
    settings: dict = field(default_factory=dict)
    text: Optional[str] = None
    suffix: str = ".yaml"
    example: bool = False

    @property
    def passes(self) -> bool:
        return self.name.startswith("pass")

    @property
    def id(self) -> str:
        return f"{self.rule}/{self.name}"

    def plan_data(self) -> Any:
        return overlay(base_plan(self.base), self.set, self.remove)

    def input_bytes(self) -> bytes:
        if self.text is not None:
            return self.text.encode("utf-8")
        data = self.plan_data()
        if self.suffix == ".json":
            return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")
        import yaml
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@lru_cache(maxsize=8)
def _base_text(name: str) -> str:
    return (PLANS / name).read_text(encoding="utf-8")


def base_plan(name: str) -> Any:
    import yaml
    return yaml.safe_load(_base_text(name))


def steps(path: str) -> list[str | int]:
    """"workdays.items[2].days" → ["workdays", "items", 2, "days"]."""
    found = [name if name else int(index) for name, index in _STEP.findall(path)]
    if "".join(f".{s}" if isinstance(s, str) else f"[{s}]" for s in found).lstrip(".") != path:
        raise CaseError(f"不是字段路径：{path!r}")
    return found


def overlay(data: Any, sets: dict, removes: tuple[str, ...] = ()) -> Any:
    """A copy of `data` with each path of `sets` written and each of `removes` taken out."""
    data = copy.deepcopy(data)
    for path, value in sets.items():
        *parents, last = steps(path)
        target = data
        for step, following in zip(parents, [*parents[1:], last]):
            if isinstance(target, dict) and step not in target:
                target[step] = [] if isinstance(following, int) else {}
            target = target[step]
        if isinstance(last, int) and last == len(target):
            target.append(copy.deepcopy(value))
        else:
            target[last] = copy.deepcopy(value)
    # Later list elements first, so that the earlier indices still name the same elements.
    for path in sorted(removes, key=lambda p: [(-s if isinstance(s, int) else 0) for s in steps(p)]):
        *parents, last = steps(path)
        target = data
        for step in parents:
            target = target[step]
        del target[last]
    return data


def load_cases(path: Path) -> list[Case]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != {"cases"} or not isinstance(data["cases"], list):
        raise CaseError(f"{path.name}: 应为 cases 列表")
    cases = []
    for entry in data["cases"]:
        unknown = set(entry) - CASE_KEYS
        if unknown or not {"name", "note", "findings"} <= set(entry):
            raise CaseError(f"{path.name}: 用例 {entry.get('name')!r} 的键不对：{sorted(unknown)}")
        cases.append(Case(rule=path.stem, name=entry["name"], note=entry["note"],
                          findings=tuple((f["code"], f["severity"], f["field"]) for f in entry["findings"]),
                          set=entry.get("set") or {}, remove=tuple(entry.get("remove") or ()),
                          base=entry.get("base", "clean-2021.yaml"), settings=entry.get("settings") or {},
                          text=entry.get("text"), suffix=entry.get("suffix", ".yaml"),
                          example=bool(entry.get("example"))))
    return cases


def all_cases() -> dict[str, list[Case]]:
    return {path.stem: load_cases(path) for path in sorted(CASES.glob("*.yaml"))}


def example_case(cases: list[Case]) -> Optional[Case]:
    """The case a rule page shows: the one marked, else the first failing one."""
    failing = [case for case in cases if not case.passes]
    return next((case for case in failing if case.example), failing[0] if failing else None)


def case_config(case: Case, known_codes: set[str]):
    from .config import parse_settings

    return parse_settings(case.settings, known_codes, case.id, CASES)


def check_case(case: Case, checker):
    """The case's result from `checker`, under the case's settings."""
    checker = checker.with_config(case_config(case, {r.code for r in checker.rulebook.rules})) if case.settings else checker
    return checker.check_bytes(case.input_bytes(), f"{case.name}{case.suffix}", case.suffix, today=TODAY)

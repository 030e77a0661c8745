"""The rulebook: rules/*.yaml loaded, linted and ordered (docs/architecture.md, "Rules").

Each file is one rule. Its `checks` are durable_rules antecedents in the engine's
JSON-ruleset syntax (written as YAML), each with the severity and the Chinese message it
yields; rules whose findings come from the loader or the extractor (IN001–IN003) or from the
batch (XP001–XP002) have `source` instead of checks. The linter refuses at load time what
would crash or mislead the engine (docs/architecture.md, "The engine"), and rule_fields.py
refuses a field no fact declares, so a bad rule fails here and not while checking a plan.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from .conditions import ARITHMETIC, COMPARISONS, guard_operands
from .findings import Severity
from .rule_fields import FieldError, check_vocabulary



def find_rules_dir() -> Path:
    """The rule files: the data-only package plan_rules.rulebook where the package was
    installed from a wheel (pyproject.toml maps rules/ there; pre-commit installs so), else the
    rules/ folder beside the package in a source tree."""
    spec = importlib.util.find_spec("plan_rules.rulebook")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parent.parent / "rules"


RULES_DIR = find_rules_dir()
SOURCES = {"engine", "loader", "extractor", "batch"}

# The condition language both evaluators implement (conditions.py) leaves out `$div` on
# purpose: integer division by zero kills the process. `$mt` is left out too: its regex
# compiler has a use-after-free; label matching is done in Python instead. `$not` is order
# sensitive. (docs/architecture.md, "The engine".)
CHECK_KEYS = {"severity", "when", "message", "where", "expected", "rests_on", "compute"}
_FILE_NAME = re.compile(r"^([A-Z]{2}\d{3})-([a-z0-9-]+)\.yaml$")


class RuleError(ValueError):
    """A rule file breaks the rule-file contract."""


@dataclass(frozen=True)
class Check:
    name: str            # engine rule name: CODE#n
    severity: Severity
    when: dict
    message: str
    where: str           # field path template: "workdays.total", "{item.path}.days"
    # Field path templates of the figures the finding rests on: where one of them was read
    # from a document with less than certainty, an error is reported as a warning.
    rests_on: tuple[str, ...] = ()
    expected: str = ""   # arithmetic checks: the figure the plan should have printed, "{expected}"
    # Values the message or expected names that the rule computes, each an arithmetic
    # expression over the bound facts (`$m` is the first pattern's), with its type.
    compute: tuple[tuple[str, Any, str], ...] = ()
    guarded: dict = field(default_factory=dict, init=False, compare=False)   # `when` as both evaluators run it

    def __post_init__(self):
        object.__setattr__(self, "guarded", guard_operands(self.when))


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    title: str
    severities: tuple[Severity, ...]
    basis: str
    why: str
    source: str
    checks: tuple[Check, ...] = ()
    order: int = 0
    path: Optional[Path] = field(default=None, compare=False)

    @property
    def severity_letters(self) -> str:
        return "/".join(s.name[0].upper() for s in self.severities)


@dataclass(frozen=True)
class Rulebook:
    rules: tuple[Rule, ...]

    def __post_init__(self):
        object.__setattr__(self, "_by_code", {r.code: r for r in self.rules})
        object.__setattr__(self, "_by_check", {c.name: (r, c) for r in self.rules for c in r.checks})

    def rule(self, code: str) -> Rule:
        return self._by_code[code]

    def check(self, name: str) -> tuple[Rule, Check]:
        return self._by_check[name]

    def get(self, code: str) -> Optional[Rule]:
        return self._by_code.get(code)

    @property
    def engine_checks(self) -> list[Check]:
        return [c for r in self.rules for c in r.checks]


@lru_cache(maxsize=4)
def load_rulebook(directory: Path = RULES_DIR) -> Rulebook:
    paths = sorted(directory.glob("*.yaml"))
    rules = [parse_rule(data, path, order) for order, (path, data) in enumerate(zip(paths, read_rule_files(paths)))]
    codes = [r.code for r in rules]
    if len(codes) != len(set(codes)):
        raise RuleError(f"规则编号重复：{sorted({c for c in codes if codes.count(c) > 1})}")
    return Rulebook(tuple(rules))


def read_rule_files(paths: list[Path]) -> list[Any]:
    """The rule files' data, through a JSON cache keyed by their names, sizes and times: parsing
    48 YAML files is a tenth of a cold start, reading one JSON file almost nothing (docs/architecture.md,
    "Budgets"). The cache lives in the user's cache folder; where it cannot be written, it is skipped."""
    stats = [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths]
    key = hashlib.sha256(json.dumps(stats).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "plan-rules" / f"rulebook-{key}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = [parse_yaml_file(p) for p in paths]
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        temporary.replace(cache)
    except OSError:
        pass
    return data


def parse_yaml_file(path: Path) -> Any:
    import yaml

    with path.open(encoding="utf-8") as handle:
        try:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as error:
            raise RuleError(f"{path.name}: YAML 语法错误：{error}")


def parse_rule(data: Any, path: Path, order: int) -> Rule:
    where = path.name
    if not isinstance(data, dict):
        raise RuleError(f"{where}: 规则文件应为映射")
    required = {"code", "slug", "title", "severity", "basis", "why"}
    missing = required - data.keys()
    if missing:
        raise RuleError(f"{where}: 缺少字段 {sorted(missing)}")
    unknown = data.keys() - required - {"checks", "source"}
    if unknown:
        raise RuleError(f"{where}: 未知字段 {sorted(unknown)}")
    match = _FILE_NAME.match(path.name)
    if not match or match.groups() != (data["code"], data["slug"]):
        raise RuleError(f"{where}: 文件名应为 {data['code']}-{data['slug']}.yaml")
    severities = tuple(Severity.parse(s) for s in str(data["severity"]).split("/"))
    source = data.get("source", "engine")
    if source not in SOURCES:
        raise RuleError(f"{where}: source 应为 {sorted(SOURCES)} 之一")
    raw_checks = data.get("checks") or []
    if (source == "engine") != bool(raw_checks):
        raise RuleError(f"{where}: 引擎规则须有 checks，其他来源的规则不能有")
    checks = tuple(parse_check(c, f"{data['code']}#{i + 1}", where, severities) for i, c in enumerate(raw_checks))
    return Rule(code=data["code"], slug=data["slug"], title=data["title"], severities=severities,
                basis=data["basis"], why=data["why"].strip(), source=source, checks=checks,
                order=order, path=path)


def parse_check(data: Any, name: str, where: str, severities: tuple[Severity, ...]) -> Check:
    if not isinstance(data, dict) or not {"severity", "when", "message", "where"} <= set(data) <= CHECK_KEYS:
        raise RuleError(f"{where} {name}: 每项检查须有 severity、when、message、where，可另有 expected、rests_on、compute")
    rests_on = data.get("rests_on", [])
    if not isinstance(rests_on, list) or not all(isinstance(path, str) for path in rests_on):
        raise RuleError(f"{where} {name}: rests_on 须为字段路径列表")
    severity = Severity.parse(data["severity"])
    if severity not in severities:
        raise RuleError(f"{where} {name}: 严重程度 {severity.name} 不在规则声明的 {severities} 中")
    when = data["when"]
    patterns = lint_antecedent(when, f"{where} {name}")
    compute = data.get("compute", {})
    if not isinstance(compute, dict):
        raise RuleError(f"{where} {name}: compute 须为“名称: 算式”的映射")
    for expression in compute.values():
        lint_rhs(expression, patterns, f"{where} {name}")
    expected = str(data.get("expected", ""))
    try:
        types = check_vocabulary(when, compute, [data["message"], expected], [data["where"], *rests_on])
    except FieldError as error:
        raise RuleError(f"{where} {name}: {error}") from None
    return Check(name=name, severity=severity, when=when, message=data["message"].strip(), where=data["where"],
                 rests_on=tuple(rests_on), expected=expected,
                 compute=tuple((key, expression, types[key]) for key, expression in compute.items()))


def lint_antecedent(when: Any, where: str) -> list[str]:
    """An `all` list of named patterns, each positive pattern testing `kind` (a pattern of only
    `$nex` loops forever on the engine's state fact); no `$div`, `$mt`, `pri`, `count`, `cap`
    or `dist`. Returns the pattern names."""
    if not isinstance(when, dict) or set(when) != {"all"} or not isinstance(when["all"], list) or not when["all"]:
        raise RuleError(f"{where}: when 须为仅含 all 的非空列表")
    names = []
    for pattern in when["all"]:
        if not isinstance(pattern, dict) or len(pattern) != 1:
            raise RuleError(f"{where}: 每个模式须为单键映射")
        (name, condition), = pattern.items()
        if name.endswith("$not"):
            raise RuleError(f"{where}: 不用 $not（顺序敏感，见 docs/architecture.md），请预先计算计数")
        if not re.fullmatch(r"[a-z][a-z_]*", name):
            raise RuleError(f"{where}: 模式名 {name!r} 须为小写字母")
        if not tests_kind(condition):
            raise RuleError(f"{where}: 模式 {name} 须检验 kind（只含 $nex 的模式会无限循环，见 docs/architecture.md）")
        lint_condition(condition, names, where)
        names.append(name)
    return names


def tests_kind(condition: Any) -> bool:
    if isinstance(condition, dict) and "kind" in condition:
        return True
    return isinstance(condition, dict) and any(tests_kind(c) for c in condition.get("$and", []))


def lint_condition(condition: Any, earlier: list[str], where: str) -> None:
    if not isinstance(condition, dict) or len(condition) != 1:
        raise RuleError(f"{where}: 条件须为单键映射：{condition!r}")
    (op, body), = condition.items()
    if op in ("$and", "$or"):
        if not isinstance(body, list) or not body:
            raise RuleError(f"{where}: {op} 须为非空列表")
        for part in body:
            lint_condition(part, earlier, where)
    elif op in COMPARISONS or op in ("$ex", "$nex"):
        if not isinstance(body, dict) or len(body) != 1:
            raise RuleError(f"{where}: {op} 须为单键映射")
        (_, rhs), = body.items()
        if op in COMPARISONS:
            lint_rhs(rhs, earlier, where)
    elif op.startswith("$"):
        raise RuleError(f"{where}: 不支持的运算符 {op}（$div、$mt 等被禁用，见 docs/architecture.md）")
    else:
        lint_rhs(body, earlier, where)


def lint_rhs(rhs: Any, earlier: list[str], where: str) -> None:
    if not isinstance(rhs, dict):
        return
    if len(rhs) != 1:
        raise RuleError(f"{where}: 右值须为单键映射：{rhs!r}")
    (op, body), = rhs.items()
    if op in ARITHMETIC:
        if not isinstance(body, dict) or set(body) != {"$l", "$r"}:
            raise RuleError(f"{where}: {op} 须有 $l 与 $r")
        lint_rhs(body["$l"], earlier, where)
        lint_rhs(body["$r"], earlier, where)
    elif op != "$m" and op not in earlier:
        raise RuleError(f"{where}: 右值引用了未定义或位于其后的模式 {op!r}")

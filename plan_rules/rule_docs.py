"""One Markdown page per rule, generated from the rule files and their cases, in the style of
ruff's rule pages: what it does, why, an example (the failing part of a plan and the message
the checker really gives for it), what to write instead, the fields it reads and the options
that change it. `python -m plan_rules.rule_docs docs/rules` rewrites them; a test fails when
the committed pages drift; `plan-rules explain CODE` prints a page (installed as data)."""
from __future__ import annotations

import importlib.util
import sys
from dataclasses import fields
from pathlib import Path

SOURCE_ZH = {"engine": "规则引擎", "loader": "结构化文件载入", "extractor": "文档提取", "batch": "批量检查（跨计划）"}
ORIGIN_ZH = {"plan": "计划所写", "reference": "据以核对的标准", "derived": "程序判定", "words": "文字"}
SEVERITY_LEGEND = "级别：E 错误，W 警告，I 提示；写作 E/I 的规则按情形报告其中一级（见各规则页的“做什么”）。"


def find_pages_dir() -> Path:
    """The rule pages: the data-only package plan_rules.rule_pages where the package was
    installed from a wheel (pyproject.toml maps docs/rules there), else docs/rules beside the
    package in a source tree."""
    spec = importlib.util.find_spec("plan_rules.rule_pages")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parent.parent / "docs" / "rules"


def rule_page(rule, example=None) -> str:
    """`example`: rule_examples.Example, where the rule has cases."""
    from .rule_fields import in_words

    lines = [f"# {rule.code} {rule.title}", "",
             f"- 规则名：`{rule.slug}`",
             f"- 级别：{'、'.join(s.zh for s in rule.severities)}（{rule.severity_letters}）",
             f"- 依据：{rule.basis}",
             f"- 检查环节：{SOURCE_ZH[rule.source]}", ""]
    if rule.checks:
        lines += ["## 做什么", "", "每项检查报告的内容，〈 〉处是每条发现中的实际名称和数字：", ""]
        lines += [f"- {check.severity.zh}：{in_words(check.message, check.when)}" for check in rule.checks]
        lines.append("")
    lines += ["## 为什么", "", rule.why, ""]
    if example is not None:
        lines += example_section(example)
    if rule.checks:
        lines += fields_section(rule)
    lines += options_section(rule)
    return "\n".join(lines)


def example_section(example) -> list[str]:
    lines = ["## 示例", ""]
    if example.settings:
        lines += [f"配置：`{settings_text(example.settings)}`", ""]
    lines += [f"```{example.language}", example.snippet, "```", "", "报告："]
    lines += [f"> {message}" for message in example.messages]
    lines.append("")
    if example.instead is not None:
        lines += ["## 应写为", "", "```yaml", example.instead, "```", ""]
    return lines


def settings_text(settings: dict) -> str:
    parts = []
    for key, value in settings.items():
        if isinstance(value, dict):
            parts += [f"{key}.{name} = {_toml(item)}" for name, item in value.items()]
        else:
            parts.append(f"{key} = {_toml(value)}")
    return "；".join(parts)


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


def fields_section(rule) -> list[str]:
    from .rule_fields import fields_read

    lines = ["## 读取的字段", "", "| 字段 | 名称 | 来源 |", "|---|---|---|"]
    seen = set()
    for check in rule.checks:
        for reading in fields_read(check.when, dict((key, expression) for key, expression, _ in check.compute)):
            key = (reading.kind.kind, reading.field.name)
            if key in seen:
                continue
            seen.add(key)
            field = reading.field
            source = ORIGIN_ZH[field.origin]
            if field.source:
                source += f"（{source_words(field.source)}）"
            if field.threshold:
                source += f"（配置 `thresholds.{field.threshold}`）"
            lines.append(f"| `{reading.kind.kind}.{field.name}` | {field.label} | {source} |")
    return lines + [""]


def source_words(source: str) -> str:
    """A field's source path; "{path}.date" is the field of the fact's own entry."""
    if source == "{path}":
        return "该条目"
    if source.startswith("{path}."):
        return f"该条目的 `{source[len('{path}.'):]}`"
    return f"`{source}`"


def options_section(rule) -> list[str]:
    from .config import PROFILES, Thresholds
    from .rule_fields import fields_read

    lines = ["## 选项", ""]
    thresholds = sorted({reading.field.threshold for check in rule.checks
                         for reading in fields_read(check.when, {}) if reading.field.threshold})
    defaults = {f.name: f.default for f in fields(Thresholds)}
    for name in thresholds:
        profiles = "，".join(f"{profile} 为 {_toml(values[name])}" for profile, values in PROFILES.items() if name in values)
        lines.append(f"- `thresholds.{name}`：默认 {_toml(defaults[name])}" + (f"；省份示例中 {profiles}" if profiles else "") + "。")
    if rule.code == "IN001":
        lines.append("- 无法读取的文件总会报告，不能忽略，也不能改变级别。")
    else:
        lines += [f"- 不报告：命令行 `--ignore {rule.code}`，或在配置文件 `ignore` 中列出 `{rule.code}`；"
                  f"只对部分文件不报告：`per-file-ignores`。",
                  f"- 改变级别：配置文件 `[severity]` 中写 `{rule.code} = \"warning\"` 等。"]
    return lines + [""]


def index_page(rulebook) -> str:
    lines = ["# 规则目录", "", SEVERITY_LEGEND, "", "| 编号 | 级别 | 名称 |", "|---|---|---|"]
    lines += [f"| [{r.code}]({r.code}.md) | {r.severity_letters} | {r.title} |" for r in rulebook.rules]
    return "\n".join(lines) + "\n"


def pages(rulebook) -> dict[str, str]:
    from .check import Checker
    from .rule_cases import all_cases, example_case
    from .rule_examples import example_of

    checker = Checker(rulebook=rulebook, use_engine=False)
    cases = all_cases()
    result = {}
    for rule in rulebook.rules:
        own = cases.get(rule.code, [])
        failing = example_case(own)
        passing = next((case for case in own if case.name == "pass"), None)
        result[f"{rule.code}.md"] = rule_page(rule, example_of(failing, passing, checker) if failing else None)
    result["README.md"] = index_page(rulebook)
    return result


def write(directory: Path) -> None:
    from .ruleset import load_rulebook

    directory.mkdir(parents=True, exist_ok=True)
    for name, text in pages(load_rulebook()).items():
        (directory / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules"))

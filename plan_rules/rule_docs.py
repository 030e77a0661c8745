"""One Markdown page per rule, generated from the rule files (ruff's rule pages: what it
does, why it matters, the basis). `python -m plan_rules.rule_docs docs/rules` rewrites them;
a test fails when the committed pages drift from the rules."""
from __future__ import annotations

import sys
from pathlib import Path

from .message_terms import in_words
from .ruleset import Rule, Rulebook, load_rulebook

SOURCE_ZH = {"engine": "规则引擎", "loader": "结构化文件载入", "extractor": "文档提取", "batch": "批量检查（跨计划）"}


def rule_page(rule: Rule) -> str:
    lines = [f"# {rule.code} {rule.title}", "",
             f"- 规则名：`{rule.slug}`",
             f"- 级别：{'、'.join(s.zh for s in rule.severities)}（{rule.severity_letters}）",
             f"- 依据：{rule.basis}",
             f"- 检查环节：{SOURCE_ZH[rule.source]}", "",
             "## 为什么", "", rule.why, ""]
    if rule.checks:
        lines += ["## 报告内容", "", "〈 〉处是每条发现中的实际名称和数字。", ""]
        lines += [f"- {check.severity.zh}：{in_words(check.message)}" for check in rule.checks]
        lines.append("")
    lines += ["## 忽略", "", f"命令行 `--ignore {rule.code}`，或在配置文件 `ignore` 中列出 `{rule.code}`。", ""]
    return "\n".join(lines)


SEVERITY_LEGEND = "级别：E 错误，W 警告，I 提示；写作 E/I 的规则按情形报告其中一级（见各规则页的“报告内容”）。"


def index_page(rulebook: Rulebook) -> str:
    lines = ["# 规则目录", "", SEVERITY_LEGEND, "", "| 编号 | 级别 | 名称 |", "|---|---|---|"]
    lines += [f"| [{r.code}]({r.code}.md) | {r.severity_letters} | {r.title} |" for r in rulebook.rules]
    return "\n".join(lines) + "\n"


def pages(rulebook: Rulebook) -> dict[str, str]:
    result = {f"{rule.code}.md": rule_page(rule) for rule in rulebook.rules}
    result["README.md"] = index_page(rulebook)
    return result


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in pages(load_rulebook()).items():
        (directory / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules"))

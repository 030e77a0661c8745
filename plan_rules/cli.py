"""The command line: check, extract, rules, explain, schema, init.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (unreadable input
included), 2 usage or configuration error. Bad input never gives a traceback.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .findings import Severity

FAIL_ON = ("error", "warning", "info", "never")


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def write_output(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plan-rules")
def main():
    """安全生产年度监督检查计划合规检查（安监总政法〔2017〕150号）。"""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "format_name", default="text", show_default=True,
              type=click.Choice(["text", "concise", "table", "json"]), help="输出格式")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="写入文件而非标准输出")
@click.option("--select", multiple=True, help="只报告这些规则（编号或前缀，逗号分隔）")
@click.option("--ignore", multiple=True, help="不报告这些规则（编号或前缀，逗号分隔）")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="达到此级别的发现时退出码为 1")
@click.option("--evaluator", type=click.Choice(["engine", "python"]), default="engine", show_default=True,
              help="engine：durable_rules 规则引擎；python：等价的纯 Python 求值器")
def check(paths, format_name, output, select, ignore, fail_on, evaluator):
    """检查计划文件（.yaml .json .txt .docx .pdf）或目录；“-”读标准输入（YAML）。"""
    from .batch import run_batch
    from .check import Checker
    from .config import Config
    from .report import render
    from .ruleset import RuleError, load_rulebook

    try:
        rulebook = load_rulebook()
    except RuleError as error:
        raise click.UsageError(f"规则文件有误：{error}")
    codes = {r.code for r in rulebook.rules}
    for code in split_codes(select) + split_codes(ignore):
        if not any(c.startswith(code) for c in codes):
            raise click.UsageError(f"未知的规则编号或前缀：{code}")
    config = Config(select=split_codes(select), ignore=split_codes(ignore))
    checker = Checker(config, rulebook, use_engine=evaluator == "engine")
    batch = run_batch(paths, checker)
    write_output(render(format_name, batch, rulebook), output)
    sys.exit(exit_code(batch.all_findings, fail_on))


def exit_code(findings, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = Severity[fail_on]
    return 1 if any(f.severity >= threshold for f in findings) else 0


@main.command()
@click.argument("document", type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="写入 YAML 文件（默认标准输出）")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
def extract(document, output, force):
    """从 .txt/.docx/.pdf 文档提取结构化计划（YAML，每个数字注明出处行）。"""
    from .extract import extract_document, to_yaml

    if output and Path(output).exists() and not force:
        raise click.UsageError(f"{output} 已存在；如要覆盖请加 --force")
    extraction = extract_document(document)
    for f in extraction.findings:
        click.echo(f"{f.file}:{f.line or 0}: {f.code} [{f.severity.zh}] {f.message}", err=True)
    if extraction.plan is None:
        sys.exit(1)
    write_output(to_yaml(extraction), output)


@main.command(name="rules")
@click.option("--format", "-f", "format_name", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_rules(format_name):
    """列出全部规则。"""
    from .ruleset import load_rulebook

    rulebook = load_rulebook()
    if format_name == "json":
        rows = [{"code": r.code, "slug": r.slug, "title": r.title, "severity": [s.name for s in r.severities],
                 "basis": r.basis, "source": r.source} for r in rulebook.rules]
        write_output(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", None)
        return
    import tabulate

    tabulate.WIDE_CHARS_MODE = True
    rows = [[r.code, r.severity_letters, r.slug, r.title] for r in rulebook.rules]
    write_output(tabulate.tabulate(rows, ["编号", "级别", "规则名", "名称"], tablefmt="simple") + "\n", None)


@main.command()
@click.argument("code")
def explain(code):
    """说明一条规则：做什么、为什么、依据。"""
    from .rule_docs import rule_page
    from .ruleset import load_rulebook

    rule = load_rulebook().get(code.upper())
    if rule is None:
        raise click.UsageError(f"没有规则 {code}；`plan-rules rules` 列出全部规则")
    write_output(rule_page(rule), None)


@main.command()
def schema():
    """输出计划文件的 JSON Schema（供编辑器校验 YAML）。"""
    from .model import Plan

    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **Plan.model_json_schema()}
    write_output(json.dumps(document, ensure_ascii=False, indent=2) + "\n", None)


@main.command()
@click.argument("path", default="plan.yaml", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="覆盖已存在的文件")
def init(path, force):
    """写出一份带注释的计划模板。"""
    from importlib.resources import files

    target = Path(path)
    if target.exists() and not force:
        raise click.UsageError(f"{path} 已存在；如要覆盖请加 --force")
    target.write_text(files("plan_rules").joinpath("template.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    click.echo(f"已写出计划模板 {path}；填写后运行 plan-rules check {path}", err=True)

"""The command line: check, extract, rules, explain, schema, init.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (unreadable input
included), 2 usage or configuration error. Bad input never gives a traceback.
"""
from __future__ import annotations

import gc
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from . import __version__, click_chinese, console
from .cli_settings import load_settings, settings_options
from .cli_args import DashedPathsCommand
from .entry import PROG, VERSION_MESSAGE
from .findings import Severity
from .report import FORMATS


def write_output(text: str, output) -> None:
    """A file (a path or an output.Target) in UTF-8, replaced whole or not at all (output.py);
    stdout in the encoding console.py chose, as help is."""
    from .output import OutputError, Target, write_file, write_stdout

    try:
        if output:
            write_file(output if isinstance(output, Target) else Target.of(output), text.encode("utf-8"))
        else:
            write_stdout(text)
    except OutputError as error:
        fail(str(error))


def write_err(text: str) -> None:
    if sys.stderr is None:      # closed (2>&-): nowhere to say it
        return
    if sys.stdout is not None:
        sys.stdout.flush()
    sys.stderr.write(text)
    sys.stderr.flush()


click_chinese.install()


class PlanRules(click_chinese.Group):
    def main(self, args=None, *rest, **options):
        """Choose the streams' encoding before Click writes anything, help included."""
        console.configure(console.forced_encoding(list(sys.argv[1:] if args is None else args)))
        return super().main(args, *rest, **options)

    def add_command(self, command, name=None) -> None:
        super().add_command(console.encoding_option(command), name)


@click.group(cls=PlanRules, context_settings={"help_option_names": ["-h", "--help"]})
@console.encoding_option
@click.version_option(__version__, prog_name=PROG, message=VERSION_MESSAGE)
def main():
    """安全生产年度监督检查计划合规检查（安监总政法〔2017〕150号）。"""


def evaluator_option(command):
    """--evaluator of check and annotate; PLAN_RULES_EVALUATOR names it too (engine_usable)."""
    return click.option("--evaluator", type=click.Choice(["engine", "python"]), default="engine", show_default=True,
                        envvar="PLAN_RULES_EVALUATOR",
                        help="engine：durable_rules 规则引擎；python：等价的纯 Python 求值器")(command)


@main.command(cls=DashedPathsCommand, short_help="检查计划文件或目录。")
@click.argument("paths", nargs=-1, metavar="路径…")
@click.option("--format", "-f", "format_name", type=click.Choice(list(FORMATS)),
              help="输出格式（默认 text；在 GitHub Actions 中默认 github）")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="文件", help="写入文件而非标准输出")
@click.option("--force", is_flag=True, help="覆盖已存在的 --output 文件")
@settings_options
@click.option("--jobs", "-j", type=click_chinese.Count(min=1), metavar="进程数", help="并行进程数（默认全部 CPU 核心；1 为单进程）")
@click.option("--quiet", "-q", is_flag=True, help="不显示进度与汇总")
@click.option("--statistics", is_flag=True, help="汇总中列出每条规则的发现数")
@evaluator_option
@click.option("--cross-plan/--no-cross-plan", default=True,
              help="是否作跨计划检查（XP001、XP002，默认作）；分批检查文件时用 --no-cross-plan 关闭，并在标准错误上说明")
def check(paths, format_name, output, force, config_file, profile, exceptions, select, ignore, fail_on,
          jobs, quiet, statistics, evaluator, cross_plan):
    """检查计划文件（.yaml .json .txt .md .docx .pdf，装有 LibreOffice 时还有 .doc .wps .rtf .odt）或目录；“-”读标准输入（YAML）。"""
    with imports_without_collector():
        from .config import ConfigError
        from .output import OutputError, prepare_output
        from .report.progress import Progress
        from .reporting import check_and_report
        from .ruleset import RuleError
        from .workers import ending_on_signals, usable_cores

    require(paths, "要检查的路径（文件、目录，或“-”表示标准输入）")
    format_name = format_name or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    try:
        target = prepare_output(output, force)
        rulebook, config, suppressions = load_settings(paths, config_file, profile, exceptions, select, ignore)
    except (RuleError, ConfigError, OutputError) as error:
        fail(str(error))
    use_engine = engine_usable(evaluator, quiet)
    progress = Progress(write_err) if sys.stderr and sys.stderr.isatty() and not quiet else None
    with ending_on_signals(write_err):
        try:
            batch = check_and_report(paths, config, format_name, target, rulebook,
                                     colour=not output and console.colour_wanted(), progress=progress,
                                     jobs=jobs or usable_cores(), use_engine=use_engine,
                                     exceptions=suppressions, cross_plan=cross_plan)
        except OutputError as error:
            fail(str(error))
        finally:
            if progress:
                progress.close()
        if not batch.tally.files:
            fail(nothing_found(paths, batch.unchecked))
    report_summary(batch, rulebook, quiet, statistics)
    sys.exit(exit_code([s for (_, s), n in batch.tally.by_rule.items() if n], fail_on))


@main.command(short_help="把发现写成 Word 批注。")
@click.argument("plan", required=False, type=click.Path(exists=True, dir_okay=False), metavar="计划文件")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="文件",
              help="写入的 Word 文件（默认与计划同目录，名为“原名-审核意见.docx”）")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@settings_options
@evaluator_option
def annotate(plan, output, force, config_file, profile, exceptions, select, ignore, fail_on, evaluator):
    """把发现写成 Word 批注：每条发现一条批注，标在所指的段落或表格单元格上，文首一条汇总批注。

    .docx 原样加批注；.txt .md .pdf 先排成 .docx；装有 LibreOffice 时 .doc .wps .rtf .odt 先转换为 .docx。"""
    from .annotate import AnnotateError
    from .annotate.command import annotate_plan
    from .config import ConfigError
    from .output import OutputError, prepare_output, refuse_inputs
    from .ruleset import RuleError

    require(plan, "要加批注的计划文件")
    target = Path(output) if output else default_annotated_name(Path(plan))
    try:
        # writable, not a device, not there unless --force, and not the plan by any name
        refuse_inputs(prepare_output(str(target), force), [plan])
        _, config, suppressions = load_settings([plan], config_file, profile, exceptions, select, ignore)
        findings = annotate_plan(plan, target, config, suppressions, engine_usable(evaluator, quiet=False))
    except (RuleError, ConfigError, AnnotateError, OutputError) as error:
        fail(str(error))
    unreadable = [f for f in findings if f.code == "IN001"]
    if unreadable:
        write_err("".join(f"{f.file}: IN001 [错误] {f.message}\n" for f in unreadable))
    else:
        write_err(f"plan-rules: 已写出 {target}：汇总批注 1 条，发现批注 {len(findings)} 条\n")
    sys.exit(exit_code((f.severity for f in findings), fail_on))


@contextmanager
def imports_without_collector():
    """The checker's modules imported with the garbage collector paused, then frozen. The imports
    allocate a few hundred thousand objects that live as long as the process, and the collector
    walked them some seventy times, about 15 ms of a cold start (docs/architecture.md, "Budgets");
    frozen, the collections while checking never walk them again either. Only the first time in
    a process (a later freeze would keep whatever garbage it found), and the collector is left
    as it was found."""
    if f"{__package__}.batch" in sys.modules or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def engine_usable(evaluator: str, quiet: bool) -> bool:
    """Whether the batch runs on the engine. Where durable_rules cannot be imported (Python 3.13),
    the engine asked for by name (option or environment) is refused, and the default falls back
    to the plain evaluator, saying so unless -q; decided once here, not in every worker."""
    from .check import fallback_notice, no_engine_zh
    from .engine import why_unavailable

    error = why_unavailable() if evaluator == "engine" else None
    if error is None:
        return evaluator == "engine"
    if click.get_current_context().get_parameter_source("evaluator") is not click.core.ParameterSource.DEFAULT:
        fail(f"{no_engine_zh(error)}，不能按 --evaluator engine 检查；--evaluator python 是等价的纯 Python 求值器")
    if not quiet:
        write_err(fallback_notice(error))
    return False


def require(value, what: str) -> None:
    """A missing argument, said in Chinese (Click's own message quotes its metavar in English punctuation)."""
    if not value:
        raise click.UsageError(f"缺少{what}")


def default_annotated_name(plan: Path) -> Path:
    return plan.with_name(f"{plan.stem}-审核意见.docx")


def report_summary(batch, rulebook, quiet: bool, statistics: bool) -> None:
    """Human notes on stderr, so that machine formats on stdout stay clean."""
    from .report.escaping import escape
    from .report.summary import notices, statistics_lines, summary_line

    lines = [f"plan-rules: {escape(notice)}" for notice in notices(batch)]
    if statistics and not quiet:
        lines += statistics_lines(batch, rulebook)
    if not quiet:
        lines.append(summary_line(batch))
    if lines:
        write_err("\n".join(lines) + "\n")


def nothing_found(paths, unchecked: list[str]) -> str:
    from .check import SUPPORTED_SUFFIXES

    where = "、".join(paths)
    others = f"；其中 {len(unchecked)} 个文件不是计划格式" if unchecked else ""
    return f"在 {where} 中没有找到计划文件（{' '.join(SUPPORTED_SUFFIXES)} 或办公文档）{others}"


def fail(message: str) -> NoReturn:
    """A usage or configuration error: one line on stderr, exit code 2."""
    write_err(f"plan-rules: {message}\n")
    sys.exit(2)


def exit_code(severities, fail_on: str) -> int:
    """From the severities of the findings reported."""
    if fail_on == "never":
        return 0
    threshold = Severity[fail_on]
    return 1 if any(severity >= threshold for severity in severities) else 0


@main.command()
@click.argument("document", required=False, type=click.Path(exists=True, dir_okay=False), metavar="文档")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="文件", help="写入 YAML 文件（默认标准输出）")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--explain", is_flag=True, help="不输出 YAML，改为说明每个数字在文中的各处写法、取了哪一处、为什么")
def extract(document, output, force, explain):
    """从 .txt/.docx/.pdf 文档提取结构化计划（YAML，每个数字注明出处行）。"""
    from .extract import extract_document, to_yaml
    from .extract.explain import explain as explain_reading
    from .output import OutputError, prepare_output, refuse_inputs
    from .report.escaping import escape

    require(document, "要提取的文档")
    try:
        target = prepare_output(output, force)
        refuse_inputs(target, [document])
    except OutputError as error:
        fail(str(error))
    extraction = extract_document(document)
    for f in extraction.findings:
        write_err(escape(f"{f.file}:{f.position[0]}: {f.code} [{f.severity.zh}] {f.message}") + "\n")
    if extraction.plan is None:
        sys.exit(1)
    write_output(explain_reading(extraction) if explain else to_yaml(extraction), target)


@main.command(name="rules")
@click.option("--format", "-f", "format_name", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="输出格式")
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
    from .rule_docs import SEVERITY_LEGEND

    rows = [[r.code, r.severity_letters, r.slug, r.title] for r in rulebook.rules]
    table = tabulate.tabulate(rows, ["编号", "级别", "规则名", "名称"], tablefmt="simple")
    write_output(f"{table}\n\n{SEVERITY_LEGEND}一条规则的说明：plan-rules explain 编号。\n", None)


@main.command()
@click.argument("code", required=False, metavar="编号")
def explain(code):
    """说明一条规则：做什么、为什么、示例、读取的字段和选项。"""
    from .rule_docs import find_pages_dir
    from .ruleset import load_rulebook

    require(code, "规则编号（如 WD003）")
    rule = load_rulebook().get(code.upper())
    if rule is None:
        raise click.UsageError(f"没有规则 {code}；`plan-rules rules` 列出全部规则")
    write_output((find_pages_dir() / f"{rule.code}.md").read_text(encoding="utf-8"), None)


@main.command()
def schema():
    """输出计划文件的 JSON Schema（供编辑器校验 YAML）。"""
    from .model import Plan

    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **Plan.model_json_schema()}
    write_output(json.dumps(document, ensure_ascii=False, indent=2) + "\n", None)


@main.command()
@click.argument("path", default="plan.yaml", type=click.Path(dir_okay=False), metavar="文件")
@click.option("--force", is_flag=True, help="覆盖已存在的文件")
def init(path, force):
    """写出一份带注释的计划模板。"""
    from importlib.resources import files

    target = Path(path)
    if target.exists() and not force:
        raise click.UsageError(f"{path} 已存在；如要覆盖请加 --force")
    target.write_text(files("plan_rules").joinpath("template.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    click.echo(f"已写出计划模板 {path}；填写后运行 plan-rules check {path}", err=True)

"""One self-contained HTML page to forward: the summary across plans (failures first, each
plan's counts with its cross-plan findings), the checks across plans, then each plan with its
workday budget drawn (budget_chart.py) and its findings, errors first. Filters by level and
rule and a print stylesheet (html_style.py). Inline CSS and SVG only — no script, no external
asset — and every text from a plan escaped."""
from __future__ import annotations

from html import escape

from .. import __version__
from ..findings import Severity
from .budget_chart import budget_svg, chart_findings
from .for_people import Swap, by_severity, for_people
from .html_style import BASE, filter_rules
from .summary import summary_line

SEVERITY_CLASS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "info"}
# How a plan came out, worst first: the order of the summary and of the sections.
STATUSES = [("unreadable", "无法读取", "error"), ("errors", "有错误", "error"), ("warnings", "有警告", "warning"),
            ("notes", "仅有提示", "info"), ("passed", "通过", "ok")]


def render(batch, rulebook) -> str:
    plans = sorted(((result, own_findings(batch, result)) for result in batch.results),
                   key=lambda plan: (status_rank(plan[1]), plan[0].path))
    codes = sorted({f.code for f in batch.all_findings})
    body = ["<h1>安全生产年度监督检查计划检查报告</h1>",
            f'<p class="meta">plan-rules {escape(__version__)}；{escape(summary_line(batch))}</p>',
            filters(codes), overview(plans), cross_plan(batch)]
    body += [plan_section(index, result, findings) for index, (result, findings) in enumerate(plans)]
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>plan-rules 检查报告</title><style>{BASE}{filter_rules(codes)}</style></head><body>\n"
            + "\n".join(part for part in body if part) + "\n</body></html>\n")


def own_findings(batch, result) -> list:
    """A plan's findings and the cross-plan findings reported on it."""
    return result.findings + [f for f in batch.cross_findings if f.file == result.path]


def status_rank(findings) -> int:
    if any(f.code == "IN001" for f in findings):
        return 0
    worst = max((f.severity for f in findings), default=None)
    return {Severity.error: 1, Severity.warning: 2, Severity.info: 3, None: 4}[worst]


def filters(codes) -> str:
    if not codes:
        return ""
    levels = "".join(f'<label><input type="checkbox" id="show-{SEVERITY_CLASS[s]}" checked> {s.zh}</label>'
                     for s in sorted(Severity, reverse=True))
    rules = "".join(f'<label><input type="checkbox" id="show-{code}" checked> {code}</label>' for code in codes)
    return (f'<form class="filters" aria-label="筛选"><fieldset><legend>级别</legend>{levels}</fieldset>'
            f"<fieldset><legend>规则</legend>{rules}</fieldset></form>")


def overview(plans) -> str:
    rows = []
    for index, (result, findings) in enumerate(plans):
        counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
        _, word, css = STATUSES[status_rank(findings)]
        rows.append(f'<tr><td class="path"><a href="#plan-{index}">{escape(result.path)}</a></td>'
                    f"<td>{escape(plan_caption(result.plan))}</td>"
                    + "".join(f'<td class="n">{counts[s]}</td>' for s in reversed(Severity))
                    + f'<td class="level"><span class="{css}">{word}</span></td></tr>')
    return ('<h2>汇总</h2><table id="overview"><tr><th>文件</th><th>计划</th><th>错误</th><th>警告</th><th>提示</th><th>结论</th></tr>'
            + "".join(rows) + "</table>")


def cross_plan(batch) -> str:
    if not batch.cross_findings:
        return ""
    return "<h2>跨计划检查</h2>" + findings_table(by_severity(batch.cross_findings), first_column="文件")


def plan_section(index: int, result, findings) -> str:
    parts = [f'<section class="plan" id="plan-{index}"><h2>{escape(result.path)}</h2>']
    if result.plan is not None:
        parts.append(f'<p class="meta">{escape(plan_caption(result.plan))}</p>')
        parts.append(budget_figure(result.plan, findings))
    parts.append(findings_table(for_people(findings)) if findings else '<p class="ok">没有发现问题。</p>')
    parts.append("</section>")
    return "".join(parts)


def plan_caption(plan) -> str:
    if plan is None:
        return ""
    issuer = plan.issuer.name if plan.issuer else "编制机关未写明"
    year = f"{plan.year} 年度" if plan.year is not None else "年度未写明"
    return f"{issuer} · {year}" + (f" · {plan.title}" if plan.title else "")


def budget_figure(plan, findings) -> str:
    svg = budget_svg(plan, findings)
    if not svg:
        return '<p class="meta">计划未列明工作日测算，无法作图。</p>'
    problems = [f"{f.code}：{f.message}" for f in chart_findings(findings)]
    caption = ('<ul class="problems">' + "".join(f"<li>{escape(p)}</li>" for p in problems) + "</ul>"
               if problems else '<p class="ok">未发现 T = N × d、T = O + X + S、S = K + G（+ R）的问题（各类分项之和见下方发现）。</p>')
    return f"<figure>{svg}<figcaption>{caption}</figcaption></figure>"


def findings_table(entries, first_column: str = "位置") -> str:
    rows = []
    for entry in entries:
        if isinstance(entry, Swap):
            rows.append(finding_row(entry.first, first_column, message=entry.message))
            rows += [finding_row(f, first_column, css="swap-item") for f in entry.items]
        else:
            rows.append(finding_row(entry, first_column))
    return (f"<table><tr><th>{escape(first_column)}</th><th>级别</th><th>规则</th><th>名称</th><th>说明</th><th>字段</th></tr>"
            + "".join(rows) + "</table>")


def finding_row(f, first_column: str, message: str = "", css: str = "") -> str:
    """One finding; an item beneath a swap leaves its level, code and title to the swap's row."""
    level = SEVERITY_CLASS[f.severity]
    first, first_class = (f.file, "path") if first_column == "文件" else (f.place, "place")
    shown = ("", "", "") if css == "swap-item" else (f.severity.zh, f.code, f.title)
    return (f'<tr class="level-{level} rule-{escape(f.code)}{" " + css if css else ""}">'
            f'<td class="{first_class}">{escape(first)}</td><td class="level {level}">{escape(shown[0])}</td>'
            f'<td class="code">{escape(shown[1])}</td><td class="title">{escape(shown[2])}</td>'
            f'<td class="message">{escape(message or f.message)}</td><td class="field">{escape(f.field)}</td></tr>')

"""One self-contained HTML page to forward: the summary across plans, the checks across plans,
then each plan with its workday budget drawn (budget_chart.py) and its findings. Inline CSS
and SVG only — no script, no external asset — and every text from a plan escaped."""
from __future__ import annotations

from html import escape

from .. import __version__
from ..findings import Severity
from .budget_chart import Budget, budget_svg
from .summary import summary_line

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}
table{border-collapse:collapse;margin:.5em 0;width:100%}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.9em}
th{background:#f3f3f3}td.n{text-align:right}
td:nth-child(-n+3),th:nth-child(-n+3){white-space:nowrap}
.error{color:#b00020;font-weight:bold}.warning{color:#a05a00}.info{color:#33658a}
.ok{color:#2e7d32}.meta{color:#555}.problems{color:#d62728}
svg.budget text{font-size:12px;fill:#222}svg.budget text.inside{fill:#fff;text-anchor:middle}
svg.budget text.mismatch-note{fill:#d62728;font-weight:bold}
"""
SEVERITY_CLASS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "info"}


def render(batch, rulebook) -> str:
    body = ["<h1>安全生产年度监督检查计划检查报告</h1>",
            f'<p class="meta">plan-rules {escape(__version__)}；{escape(summary_line(batch))}</p>',
            overview(batch), cross_plan(batch)]
    body += [plan_section(index, result) for index, result in enumerate(batch.results)]
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>plan-rules 检查报告</title><style>{STYLE}</style></head><body>\n"
            + "\n".join(part for part in body if part) + "\n</body></html>\n")


def overview(batch) -> str:
    rows = []
    for index, result in enumerate(batch.results):
        counts = {s: sum(1 for f in result.findings if f.severity == s) for s in Severity}
        status = ('<span class="error">有错误</span>' if counts[Severity.error]
                  else '<span class="ok">通过</span>')
        rows.append(f'<tr><td><a href="#plan-{index}">{escape(result.path)}</a></td>'
                    f"<td>{escape(plan_caption(result.plan))}</td>"
                    + "".join(f'<td class="n">{counts[s]}</td>' for s in reversed(Severity))
                    + f"<td>{status}</td></tr>")
    return ("<h2>汇总</h2><table><tr><th>文件</th><th>计划</th><th>错误</th><th>警告</th><th>提示</th><th>结论</th></tr>"
            + "".join(rows) + "</table>")


def cross_plan(batch) -> str:
    if not batch.cross_findings:
        return ""
    return "<h2>跨计划检查</h2>" + findings_table(batch.cross_findings, first_column="文件")


def plan_section(index: int, result) -> str:
    parts = [f'<section id="plan-{index}"><h2>{escape(result.path)}</h2>']
    if result.plan is not None:
        parts.append(f'<p class="meta">{escape(plan_caption(result.plan))}</p>')
        parts.append(budget_figure(result.plan))
    parts.append(findings_table(result.findings) if result.findings else '<p class="ok">没有发现问题。</p>')
    parts.append("</section>")
    return "".join(parts)


def plan_caption(plan) -> str:
    if plan is None:
        return ""
    issuer = plan.issuer.name if plan.issuer else "编制机关未写明"
    year = f"{plan.year} 年度" if plan.year is not None else "年度未写明"
    return f"{issuer} · {year}" + (f" · {plan.title}" if plan.title else "")


def budget_figure(plan) -> str:
    svg = budget_svg(plan)
    if not svg:
        return '<p class="meta">计划未列明工作日测算，无法作图。</p>'
    problems = Budget.of(plan).problems()
    caption = ('<ul class="problems">' + "".join(f"<li>{escape(p)}</li>" for p in problems) + "</ul>"
               if problems else '<p class="ok">T = O + X + S 与 S = K + G（+ R）两级分配相符（各类分项之和见下方发现）。</p>')
    return f"<figure>{svg}<figcaption>{caption}</figcaption></figure>"


def findings_table(findings, first_column: str = "位置") -> str:
    rows = []
    for f in findings:
        first = f.file if first_column == "文件" else (f.place or "-")
        rows.append(f"<tr><td>{escape(first)}</td>"
                    f'<td class="{SEVERITY_CLASS[f.severity]}">{escape(f.severity.zh)}</td>'
                    f"<td>{escape(f.code)}</td><td>{escape(f.title)}</td><td>{escape(f.message)}</td>"
                    f"<td>{escape(f.field)}</td></tr>")
    return (f"<table><tr><th>{escape(first_column)}</th><th>级别</th><th>规则</th><th>名称</th><th>说明</th><th>字段</th></tr>"
            + "".join(rows) + "</table>")

"""An SVG picture of a plan's workday budget (150号's method), for the HTML report:

    T = N × d                      总法定工作日
    T → O + X + S                  其他执法 / 非执法 / 监督检查
    S → K + G (+ R)                重点 / 一般 (/ 机动)

One bar per line, all on one scale, the S line's parts drawn under S itself, so a part that
overruns or falls short of its whole shows as such. The chart draws the figures as the facts
read them and outlines in red the lines whose sum a rule found wrong (WD008, WD009), with
the figure the rule says the plan should have printed: it checks nothing itself
(docs/architecture.md, "One arithmetic").
"""
from __future__ import annotations

from html import escape
from typing import Optional

from ..facts.fixed_point import show
from ..facts.plan_budget import workday_budget
from ..method import BY_KEY

WIDTH, LEFT, RIGHT = 760, 150, 20
ROW_HEIGHT, BAR_HEIGHT, TOP = 56, 26, 16
MISMATCH = "#d62728"
LEGEND_CHAR = 12     # px a Chinese character takes in the legend's font
INSIDE_CHAR = 7      # px a digit or letter takes in a bar's label
COLOURS = {"T": "#5b6770", "O": "#e0a030", "X": "#9aa5b1", "S": "#2f7ebc", "K": "#1f5f99", "G": "#5fa8d9",
           "R": "#a7c8e6"}
# symbol → (Chinese name, short name for the legend, colour)
PARTS = {symbol: (BY_KEY[symbol].name, BY_KEY[symbol].short, colour) for symbol, colour in COLOURS.items()}


# The rule that finds each line's sum wrong, and what its expected figure is the figure of.
LINE_RULES = {1: ("WD008", "S"), 2: ("WD009", "K")}


def chart_findings(findings) -> list:
    """The findings about the sums the chart draws: T = N × d (WD002 on T itself), T = O + X + S
    (WD008) and S = K + G + R (WD009)."""
    return [f for f in findings if f.code in ("WD008", "WD009") or (f.code == "WD002" and f.field == "workdays.total")]


def budget_svg(plan, findings) -> str:
    """The chart of the plan's budget; `findings` are the plan's (the sums found wrong are outlined)."""
    budget = workday_budget(plan)
    f = {symbol: float(budget[symbol]) if budget[symbol] is not None else None for symbol in "TOXSKGR"}
    if all(value is None for value in f.values()):
        return ""
    found = {finding.code: finding for finding in chart_findings(findings)}
    widest = max(f["T"] or 0, _layout(f, "OXS"), (f["O"] or 0) + (f["X"] or 0) + _layout(f, "KGR"), 1)
    scale = (WIDTH - LEFT - RIGHT) / widest
    s_start = LEFT + ((f["O"] or 0) + (f["X"] or 0)) * scale
    rows = [bar_row(0, "T", [("T", budget["T"])], LEFT, scale)]
    for line, (caption, parts, start, whole) in enumerate(
            (("T → O + X + S", "OXS", LEFT, "T"), ("S → K + G + R", "KGR", s_start, "S")), start=1):
        code, corrected = LINE_RULES[line]
        finding = found.get(code)
        rows.append(bar_row(line, caption, [(symbol, budget[symbol]) for symbol in parts], start, scale,
                            whole=f[whole] if finding else None, whole_start=start,
                            note=f"{code}：{corrected} 应为 {show(finding.expected)}" if finding and finding.expected is not None else ""))
    height = TOP + 3 * ROW_HEIGHT + 28
    label = "工作日测算：" + "，".join(f"{symbol} {show(budget[symbol])}" for symbol in "TOXSKGR" if budget[symbol] is not None)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="budget" role="img" width="{WIDTH}" '
            f'height="{height}" viewBox="0 0 {WIDTH} {height}" aria-label="{escape(label)}">'
            f"<title>{escape(label)}</title>" + "".join(rows) + legend(height - 14) + "</svg>")


def _layout(figures: dict, symbols: str) -> float:
    """How far the bars of these parts reach, to lay the chart out (not a check of their sum)."""
    return sum(figures[symbol] or 0 for symbol in symbols)


def bar_row(index: int, caption: str, parts, start: float, scale: float, whole: Optional[float] = None,
            whole_start: float = LEFT, note: str = "") -> str:
    y = TOP + index * ROW_HEIGHT
    out = [f'<text x="8" y="{y + BAR_HEIGHT / 2 + 5}" class="caption">{escape(caption)}</text>']
    x = start
    for symbol, days in parts:
        if days is None:
            continue
        width = max(float(days), 0) * scale
        name, _, colour = PARTS[symbol]
        out.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{colour}" '
                   f'data-part="{symbol}"><title>{escape(name)} {symbol} = {show(days)} 日</title></rect>')
        text = f"{symbol} {show(days)}"
        if width > INSIDE_CHAR * len(text) + 6:
            out.append(f'<text x="{x + width / 2:.1f}" y="{y + BAR_HEIGHT / 2 + 5}" class="inside">'
                       f"{text}</text>")
        x += width
    if whole is not None:
        # The whole these parts should fill, outlined in red: the gap or overrun shows.
        out.append(f'<rect x="{whole_start:.1f}" y="{y - 3}" width="{max(whole, 0) * scale:.1f}" '
                   f'height="{BAR_HEIGHT + 6}" fill="none" stroke="{MISMATCH}" stroke-width="3" '
                   f'stroke-dasharray="6 3" class="mismatch"/>')
        out.append(f'<text x="{start:.1f}" y="{y + BAR_HEIGHT + 16}" class="mismatch-note">{escape(note)}</text>')
    return "".join(out)


def legend(y: float) -> str:
    out = []
    x = 8
    for symbol, (_, short, colour) in PARTS.items():
        out.append(f'<rect x="{x}" y="{y - 10}" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{x + 14}" y="{y}" class="legend">{symbol} {escape(short)}</text>')
        x += 14 + LEGEND_CHAR * (len(short) + 2) + 8
    return "".join(out)

"""An SVG picture of a plan's workday budget (150号's method), for the HTML report:

    T = N × d                      总法定工作日
    T → O + X + S                  其他执法 / 非执法 / 监督检查
    S → K + G (+ R)                重点 / 一般 (/ 机动)

One bar per line, all on one scale, the S line's parts drawn under S itself, so a part that
overruns or falls short of its whole shows as such; each sum that does not hold is outlined
in red and stated in words.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Optional

WIDTH, LEFT, RIGHT = 760, 150, 20
ROW_HEIGHT, BAR_HEIGHT, TOP = 56, 26, 16
MISMATCH = "#d62728"
LEGEND_CHAR = 12     # px a Chinese character takes in the legend's font
INSIDE_CHAR = 7      # px a digit or letter takes in a bar's label
# symbol → (Chinese name, short name for the legend, colour)
PARTS = {
    "T": ("总法定工作日", "总法定", "#5b6770"),
    "O": ("其他执法工作日", "其他执法", "#e0a030"),
    "X": ("非执法工作日", "非执法", "#9aa5b1"),
    "S": ("监督检查工作日", "监督检查", "#2f7ebc"),
    "K": ("重点检查工作日", "重点", "#1f5f99"),
    "G": ("一般检查工作日", "一般", "#5fa8d9"),
    "R": ("机动工作日", "机动", "#a7c8e6"),
}


@dataclass(frozen=True)
class Budget:
    officers: Optional[float]      # N
    per_person: Optional[float]    # d
    figures: dict                  # symbol → days, None where the plan does not say

    @classmethod
    def of(cls, plan) -> "Budget":
        w = plan.workdays
        return cls(plan.officers.counted, w.per_person, {
            "T": w.total, "O": category_total(w.other_enforcement), "X": category_total(w.non_enforcement),
            "S": w.supervision, "K": w.key, "G": w.general, "R": w.reserve})

    def problems(self) -> list[str]:
        """Each sum of the method that does not hold, in words."""
        f = self.figures
        found = []
        if None not in (self.officers, self.per_person, f["T"]) and not same(self.officers * self.per_person, f["T"]):
            found.append(f"N × d = {number(self.officers)} × {number(self.per_person)} = "
                         f"{number(self.officers * self.per_person)}，而 T 写为 {number(f['T'])}")
        if self.split_of("T", "OXS") is False:
            found.append(f"O + X + S = {number(self.total('OXS'))}，而 T 写为 {number(f['T'])}")
        if self.split_of("S", "KGR") is False:
            found.append(f"K + G{' + R' if f['R'] is not None else ''} = {number(self.total('KGR'))}，"
                         f"而 S 写为 {number(f['S'])}")
        return found

    def total(self, symbols: str) -> float:
        return sum(self.figures[s] or 0 for s in symbols)

    def split_of(self, whole: str, parts: str) -> Optional[bool]:
        """Whether the parts add up to the whole; None when the plan lacks the figures."""
        if self.figures[whole] is None or all(self.figures[p] is None for p in parts):
            return None
        return same(self.total(parts), self.figures[whole])

    @property
    def drawable(self) -> bool:
        return any(v is not None for v in self.figures.values())


def category_total(category) -> Optional[float]:
    if category.stated_total is not None:
        return category.stated_total
    days = [item.days for item in category.items if item.days is not None]
    return sum(days) if days else None


def same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def budget_svg(plan) -> str:
    budget = Budget.of(plan)
    if not budget.drawable:
        return ""
    f = budget.figures
    widest = max(f["T"] or 0, budget.total("OXS"), (f["O"] or 0) + (f["X"] or 0) + budget.total("KGR"), 1)
    scale = (WIDTH - LEFT - RIGHT) / widest
    s_start = LEFT + ((f["O"] or 0) + (f["X"] or 0)) * scale
    rows = [
        bar_row(0, "T", [("T", f["T"])], LEFT, scale, whole=None),
        bar_row(1, "T → O + X + S", [(s, f[s]) for s in "OXS"], LEFT, scale,
                whole=f["T"] if budget.split_of("T", "OXS") is False else None),
        bar_row(2, "S → K + G + R", [(s, f[s]) for s in "KGR"], s_start, scale,
                whole=f["S"] if budget.split_of("S", "KGR") is False else None, whole_start=s_start),
    ]
    height = TOP + 3 * ROW_HEIGHT + 28
    label = "工作日测算：" + "，".join(f"{s} {number(v)}" for s, v in f.items() if v is not None)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="budget" role="img" width="{WIDTH}" '
            f'height="{height}" viewBox="0 0 {WIDTH} {height}" aria-label="{escape(label)}">'
            f"<title>{escape(label)}</title>" + "".join(rows) + legend(height - 14) + "</svg>")


def bar_row(index: int, caption: str, parts, start: float, scale: float, whole: Optional[float],
            whole_start: float = LEFT) -> str:
    y = TOP + index * ROW_HEIGHT
    out = [f'<text x="8" y="{y + BAR_HEIGHT / 2 + 5}" class="caption">{escape(caption)}</text>']
    x = start
    for symbol, days in parts:
        if days is None:
            continue
        width = max(days, 0) * scale
        name, _, colour = PARTS[symbol]
        out.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{colour}" '
                   f'data-part="{symbol}"><title>{escape(name)} {symbol} = {number(days)} 日</title></rect>')
        text = f"{symbol} {number(days)}"
        if width > INSIDE_CHAR * len(text) + 6:
            out.append(f'<text x="{x + width / 2:.1f}" y="{y + BAR_HEIGHT / 2 + 5}" class="inside">'
                       f"{text}</text>")
        x += width
    if whole is not None:
        # The whole these parts should fill, outlined in red: the gap or overrun shows.
        out.append(f'<rect x="{whole_start:.1f}" y="{y - 3}" width="{max(whole, 0) * scale:.1f}" '
                   f'height="{BAR_HEIGHT + 6}" fill="none" stroke="{MISMATCH}" stroke-width="3" '
                   f'stroke-dasharray="6 3" class="mismatch"/>')
        out.append(f'<text x="{start:.1f}" y="{y + BAR_HEIGHT + 16}" class="mismatch-note">'
                   f"合计 {number(sum(days or 0 for _, days in parts))} ≠ {number(whole)}</text>")
    return "".join(out)


def legend(y: float) -> str:
    out = []
    x = 8
    for symbol, (_, short, colour) in PARTS.items():
        out.append(f'<rect x="{x}" y="{y - 10}" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{x + 14}" y="{y}" class="legend">{symbol} {escape(short)}</text>')
        x += 14 + LEGEND_CHAR * (len(short) + 2) + 8
    return "".join(out)

"""The HTML report's stylesheet: a CJK font stack, a page that fits 1200 px without scrolling
sideways (long paths and field paths break anywhere, the chart shrinks), table headers on one
line, a print stylesheet, and the filters by level and rule.

The filters need no script: each is a checkbox, and a rule such as
`body:has(#show-warning:not(:checked)) tr.level-warning {display:none}` hides the rows of an
unticked level or rule (CSS :has, in every current browser).
"""
from __future__ import annotations

FONTS = ('"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","Hiragino Sans GB",'
         '"WenQuanYi Micro Hei",sans-serif')

BASE = f"""
*{{box-sizing:border-box}}
body{{font-family:{FONTS};margin:1.5em auto;padding:0 1em;color:#222;max-width:1160px;line-height:1.5}}
h1{{font-size:1.5em}}h2{{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em;overflow-wrap:anywhere}}
table{{border-collapse:collapse;margin:.5em 0;width:100%}}
th,td{{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.9em}}
th{{background:#f3f3f3;white-space:nowrap}}td.n{{text-align:right;white-space:nowrap}}
td.level,td.code{{white-space:nowrap}}td.path,td.field,td.place{{overflow-wrap:anywhere;word-break:break-all}}
td.field{{max-width:14em}}td.place{{max-width:12em}}td.path{{min-width:10em}}td.title{{min-width:6em}}
tr.swap-item td.message{{padding-left:2em}}
.error{{color:#b00020;font-weight:bold}}.warning{{color:#a05a00}}.info{{color:#33658a}}
.ok{{color:#2e7d32}}.meta{{color:#555}}.problems{{color:#d62728}}
svg.budget{{max-width:100%;height:auto}}
svg.budget text{{font-size:12px;fill:#222}}svg.budget text.inside{{fill:#fff;text-anchor:middle}}
svg.budget text.mismatch-note{{fill:#d62728;font-weight:bold}}
.filters{{border:1px solid #ddd;padding:.4em .8em;margin:1em 0;font-size:.9em}}
.filters fieldset{{border:0;margin:0;padding:.2em 0;display:flex;flex-wrap:wrap;gap:.2em 1em}}
.filters legend{{float:left;font-weight:bold;margin-right:1em}}
.filters label{{white-space:nowrap}}
@media print{{
body{{max-width:none;margin:0;padding:0;font-size:10.5pt}}
.filters{{display:none}}
a{{color:inherit;text-decoration:none}}
h2{{break-after:avoid}}tr,figure{{break-inside:avoid}}section.plan{{break-before:page}}
*{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
}}
"""
LEVELS = ("error", "warning", "info")


def filter_rules(codes) -> str:
    """Hide the rows of each unticked level and rule."""
    selectors = [f"body:has(#show-{level}:not(:checked)) tr.level-{level}" for level in LEVELS]
    selectors += [f"body:has(#show-{code}:not(:checked)) tr.rule-{code}" for code in codes]
    return ",\n".join(selectors) + "{display:none}\n" if selectors else ""

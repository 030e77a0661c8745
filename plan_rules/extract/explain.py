"""`plan-rules extract --explain`: how each figure was read, so that a user can see why the
checker took a number as it did. For every figure of the method: each place the document
prints it, how that place was read, which one was chosen and why; then the figures read
with less than certainty, the figures printed twice with different values, and the
figures not found.
"""
from __future__ import annotations

from plan_rules.extract.extraction import Extraction, figure_value
from plan_rules.extract.mentions import STATED
from plan_rules.extract.reconcile import _HOW_ZH, Reading
from plan_rules.method import BY_KEY, FIGURES, REQUIRED


def explain(extraction: Extraction) -> str:
    if extraction.plan is None:
        return ""
    lines: list[str] = []
    for figure in FIGURES:
        reading = extraction.readings.get(figure.key)
        lines += _figure(figure, reading)
    document = extraction.plan.document
    if document is not None and document.uncertain:
        lines.append("读取不确定（据此的错误降为警告）：")
        lines += [f"  {item.path}：{item.reason}" for item in document.uncertain]
    if document is not None and document.restatements:
        lines.append("前后所写不一（WD017）：")
        lines += [f"  {BY_KEY_PATH.get(r.figure, r.figure)}：{r.first_place} 写 {r.first_value}，{r.place} 写 {r.value}"
                  for r in document.restatements]
    missing = [figure.name for figure in REQUIRED if figure_value(extraction.plan, figure.path) is None]
    if missing:
        lines.append("文中未找到：" + "、".join(missing))
    return "\n".join(lines) + "\n"


BY_KEY_PATH = {figure.path: figure.name for figure in BY_KEY.values()}


def _figure(figure, reading: Reading | None) -> list[str]:
    head = f"{figure.name}（{figure.key}）"
    if reading is None or not reading.mentions:
        return [f"{head}：文中未找到"]
    chosen = reading.chosen
    lines = [f"{head} = {_value(chosen.value)}，取自{chosen.location().describe()}（{reading.why()}）"
             if chosen else f"{head}：无可取之处"]
    for mention in sorted(reading.mentions, key=lambda m: (m.line, m.offset)):
        marker = "→" if mention is chosen else " "
        how = _HOW_ZH.get(mention.how, mention.how)
        note = "，与所取之数不同" if chosen and mention.how in STATED and mention.value != chosen.value else ""
        lines.append(f"  {marker} {mention.location().describe():<16} {_value(mention.value):>8}  {how}{note}  {mention.note}")
    return lines


def _value(value) -> str:
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)

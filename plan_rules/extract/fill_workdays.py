"""The workday figures into the plan: N d T O X S K G R as reconciled, the items of each
category's list with their days and splits, the per-unit splits of T, O, X and S, and the
printed percentages. A figure or list that may not have been read whole (bound only by its
position in a formula, a breakdown that may go on, a figure where a truncated text stops) is
listed as uncertain, so that an error resting on it is reported as a warning."""
from __future__ import annotations

from plan_rules.extract import categories, evidence
from plan_rules.extract.document import Document
from plan_rules.extract.numbers import to_days
from plan_rules.extract.percentages import Percent
from plan_rules.extract.reconcile import Reading
from plan_rules.extract.recording import Recorder, found_at, set_path
from plan_rules.method import BY_KEY, FIGURES
from plan_rules.model import Plan, PrintedPercent, Split, Uncertainty, WorkItem


CUT_REASON = "文本在此截断，数字可能不全"


def drop_cut_items(document: Document, lists) -> None:
    """An item the text breaks off in before its figure ("1.开展安全生产综合监管：预计需" and
    then nothing) is not read as an item without days: what it says is not there."""
    if not evidence.stops_mid_sentence(document):
        return
    last = next(line for line in reversed(document.lines) if line.is_row or line.text.text.strip())
    for found in lists.values():
        if found.items and found.items[-1].text is last.text and found.items[-1].days is None:
            found.items.pop()


def doubt_the_cut(document: Document, printed, uncertain: list[Uncertainty]) -> None:
    """A figure that runs to the point where a truncated text stops may have lost digits
    ("总计40" of "总计400"): what rests on it is not certain."""
    last = next((line for line in reversed(document.lines) if line.is_row or line.text.text.strip()), None)
    if last is None or last.is_row:
        return
    end = len(last.text.text.rstrip())
    for path, text, offset, name in printed:
        figure_end = offset
        while figure_end < len(text.text) and (text.text[figure_end].isdigit() or text.text[figure_end] == "."):
            figure_end += 1
        if text is last.text and figure_end >= end:
            uncertain.append(Uncertainty(path=path, reason=f"{name}处{CUT_REASON}"))


def fill_figures(plan: Plan, readings: dict[str, Reading], record: Recorder, uncertain: list[Uncertainty], printed) -> None:
    for figure in FIGURES:
        reading = readings.get(figure.key)
        if reading is None or reading.chosen is None:
            continue
        value = to_days(reading.chosen.value) if figure.key != "N" else int(reading.chosen.value)
        if value is None:
            continue
        set_path(plan, figure.path, value)
        record.found(figure.path, found_at(reading.chosen))
        if not reading.certain:
            uncertain.append(Uncertainty(path=figure.path, reason=f"{figure.name}仅按算式中的位置推断"))
        printed.append((figure.path, reading.chosen.text, reading.chosen.offset, figure.name))


def place_category_totals(readings: dict[str, Reading], lists, record: Recorder) -> None:
    """O and X are anchored where their items are listed (the list's heading or 合计 line)
    when that prints the same figure as the summary: a finding about the items' sum then
    points at the items."""
    for key in ("O", "X"):
        reading, found = readings.get(key), lists.get(key)
        if reading is None or reading.chosen is None or found is None:
            continue
        beside = [m for m in reading.mentions if m.value == reading.chosen.value and m.how in ("heading", "section-total", "table")
                  and (m.line == found.heading or any(m is total for total in found.totals))]
        if beside:
            record.sourcemap.entries[BY_KEY[key].path] = min(beside, key=lambda m: (m.line, m.offset)).location()


def fill_items(plan: Plan, lists: dict[str, categories.ItemList], record: Recorder, uncertain: list[Uncertainty],
           printed) -> dict[tuple[int, int], str]:
    """The items of each category's list; returns where each item's days are printed → the
    days' field path, so that a formula computing an item is named after it."""
    days_at: dict[tuple[int, int], str] = {}
    for key, name in (("O", "other_enforcement"), ("X", "non_enforcement")):
        found = lists.get(key)
        if found is None:
            continue
        target = getattr(plan.workdays, name)
        if found.items:
            record.at(f"workdays.{name}", found.items[0].text, found.items[0].label_offset)
        for index, item in enumerate(found.items):
            path = f"workdays.{name}.items[{index}]"
            target.items.append(WorkItem(label=item.label, days=to_days(item.days) if item.days is not None else None,
                                         splits=[Split(unit=s.unit, days=to_days(s.days)) for s in item.splits.parts]))
            record.at(path, item.text, item.label_offset)
            record.at(f"{path}.label", item.text, item.label_offset)
            if item.days_offset is not None:
                record.at(f"{path}.days", item.days_text or item.text, item.days_offset)
                days_at[(id(item.days_text or item.text), item.days_offset)] = f"{path}.days"
                printed.append((f"{path}.days", item.days_text or item.text, item.days_offset, f"“{item.label}”的天数"))
            for split_index, split in enumerate(item.splits.parts):
                record.at(f"{path}.splits[{split_index}]", split.text or item.text, split.offset)
            if item.splits.partial:
                uncertain.append(Uncertainty(path=f"{path}.splits", reason=f"“{item.label}”的分解可能未读全"))
    return days_at


def fill_splits(plan: Plan, document: Document, readings, lists, record: Recorder, uncertain: list[Uncertainty]) -> None:
    """Per-unit splits printed after T, after O's or X's total, and after S (其中…)."""
    for key, path in (("T", "workdays.total_splits"), ("S", "workdays.supervision_splits")):
        reading = readings.get(key)
        if reading is None or reading.chosen is None:
            continue
        splits = _splits_after(reading)
        if splits is not None:
            _set_splits(plan, path, splits, reading.chosen.text, record, uncertain)
    for key, name in (("O", "other_enforcement"), ("X", "non_enforcement")):
        found = lists.get(key)
        if found is not None and found.total_splits is not None and found.totals:
            _set_splits(plan, f"workdays.{name}.splits", found.total_splits, found.totals[0].text, record, uncertain)
        elif readings.get(key) is not None and readings[key].chosen is not None:   # "非执法工作日900天，其中：局机关…"
            splits = _splits_after(readings[key])
            if splits is not None:
                _set_splits(plan, f"workdays.{name}.splits", splits, readings[key].chosen.text, record, uncertain)


def _splits_after(reading: Reading) -> categories.Splits | None:
    for mention in sorted(reading.mentions, key=lambda m: (m.line, m.offset)):
        text = mention.text.text
        start = text.find("其中", mention.offset, mention.offset + 24)
        if start >= 0 and "=" not in text[mention.offset:start] and not any(
                word in text[mention.offset:start] for word in ("重点", "一般")):
            splits = categories.read_splits(mention.text, start + 2, len(text))
            if splits.parts:
                return splits
    return None


def _set_splits(plan: Plan, path: str, splits: categories.Splits, text, record: Recorder, uncertain) -> None:
    target = [Split(unit=s.unit, days=to_days(s.days)) for s in splits.parts]
    set_path(plan, path, target)
    if splits.parts:
        record.at(path, splits.parts[0].text or text, splits.parts[0].offset)
    for index, split in enumerate(splits.parts):
        record.at(f"{path}[{index}]", split.text or text, split.offset)
    if splits.partial:
        uncertain.append(Uncertainty(path=path, reason="分解可能未读全"))


def fill_percentages(plan: Plan, percents: list[Percent], record: Recorder) -> None:
    """Shares of workdays, and the share of registered staff counted ("占在编人员的81.8%")."""
    seen = set()
    for percent in sorted(percents, key=lambda p: (p.line, p.offset)):
        said = (percent.line, percent.subject, percent.value, percent.base)
        if said in seen:          # a row's share column and its "800×70%" say one share once
            continue
        seen.add(said)
        if percent.subject == "officers":
            if plan.officers.share is None:
                plan.officers.share = percent.value
                record.at("officers.share", percent.text, percent.offset)
            continue
        record.at(f"workdays.percentages[{len(plan.workdays.percentages)}]", percent.text, percent.offset)
        plan.workdays.percentages.append(PrintedPercent(subject=percent.subject, value=percent.value, base=percent.base))

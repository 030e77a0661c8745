"""From the document's lines to a Plan and its SourceMap: read every mention, reconcile, and
record what was read and how.

Records what the document says, never what it should say: items stay under the heading
that lists them, totals are the printed ones, and a figure that is not printed stays None
(it becomes an IN003 warning, never a computed guess). Every figure read with less than
certainty — an operand bound only by its position, a breakdown that may be incomplete — is
listed in the plan's evidence, so that an error resting on it is reported as a warning.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from plan_rules.extract import annex as annex_module
from plan_rules.extract import categories, evidence, inspections, metadata, officers
from plan_rules.extract.document import Document, build_document
from plan_rules.extract.formulas import Formula, find_formulas
from plan_rules.extract.layout import Line
from plan_rules.extract.markers import HEADING_STYLES, strip_marker
from plan_rules.extract.mentions import Mention, statements
from plan_rules.extract.numbers import to_days
from plan_rules.extract.percentages import Percent, find_percentages
from plan_rules.extract.reconcile import Reading, reconcile
from plan_rules.extract.tables import read_tables
from plan_rules.extract.text import Found
from plan_rules.method import BY_KEY, FIGURES, name_of
from plan_rules.model import (AnnexRef, Approval, Blank, DocumentEvidence, Filing, Formula as PlanFormula, FormulaTerm,
                              IndustryCount, InspectedUnit, Issuer, Plan, PrintedPercent, Restatement, Split, StaffGroup,
                              Truncation, Uncertainty, Visit, WorkItem)
from plan_rules.sourcemap import SourceMap


@dataclass
class Built:
    plan: Plan
    sourcemap: SourceMap
    readings: dict[str, Reading] = field(default_factory=dict)
    truncation: evidence.Truncation | None = None


class _Recorder:
    """Sets plan values and their places together, so that no figure lacks its anchor."""

    def __init__(self) -> None:
        self.sourcemap = SourceMap()

    def found(self, path: str, found: Found | None) -> None:
        if found is not None:
            self.sourcemap.record(path, found.location)

    def at(self, path: str, text, offset: int) -> None:
        self.sourcemap.record(path, text.locate(offset))


def build_plan(lines: list[Line]) -> Built:
    document = build_document(lines)
    record = _Recorder()
    plan = Plan()
    title = _metadata(plan, document, record)
    stated, formulas, percents = _read_lines(document)
    tables = read_tables(document)
    stated += tables.mentions
    staff = officers.find_staff_table(document)
    if staff is not None and staff.total is not None:
        stated.append(staff.total)
    formulas += tables.formulas
    percents += tables.percents
    lists = _choose_lists(categories.prose_lists(document) + tables.lists)
    for found in lists.values():
        stated += found.totals
    readings = reconcile(stated, formulas)
    uncertain: list[Uncertainty] = []
    printed: list[tuple[str, object, int, str]] = []     # figures by where they are printed, for the cut
    _figures(plan, readings, record, uncertain, printed)
    _place_category_totals(readings, lists, record)
    _drop_cut_items(document, lists)
    item_days = _items(plan, lists, record, uncertain, printed)
    _splits(plan, document, readings, lists, record, uncertain)
    _percentages(plan, percents, record)
    _officers(plan, document, readings, formulas, staff, record, uncertain)
    _inspections(plan, document, record, uncertain)
    _annexes(plan, document, title, record, uncertain)
    truncation = _evidence(plan, document, formulas, readings, title, record, uncertain, item_days)
    if truncation is not None and truncation.end_missing:
        _doubt_the_cut(document, printed, uncertain)
    return Built(plan, record.sourcemap, readings, truncation)


def _read_lines(document: Document) -> tuple[list[Mention], list[Formula], list[Percent]]:
    stated, formulas, percents = [], [], []
    headings = {heading.index: heading for heading in document.headings}
    for index, line in enumerate(document.lines):
        if line.is_row:
            continue
        section = document.figure_section(index)
        heading = headings.get(index)
        title_span = (heading.body, heading.body + len(heading.title)) if heading else None
        stated += statements(line.text, index, title_span)
        # A formula in a list item computes the item, not the section's figure.
        item = strip_marker(line.text.text)[0] not in (None, *HEADING_STYLES)
        found = find_formulas(line.text, index, section[0] if len(section) == 1 and not item else None)
        formulas += found
        percents += find_percentages(line.text, index, found, section)
    return stated, formulas, percents


def _choose_lists(lists: list[categories.ItemList]) -> dict[str, categories.ItemList]:
    """Per category, the list with the most items (a summary line lists none); the totals of
    every list of that category are kept as mentions of its figure."""
    chosen: dict[str, categories.ItemList] = {}
    for found in lists:
        best = chosen.get(found.category)
        if best is None or len(found.items) > len(best.items):
            if best is not None:
                found.totals = best.totals + found.totals
                found.total_splits = found.total_splits or best.total_splits
            chosen[found.category] = found
        else:
            best.totals += found.totals
    return chosen


def _metadata(plan: Plan, document: Document, record: _Recorder) -> metadata.Title | None:
    title = metadata.find_title(document)
    if title:
        plan.title = title.value
        record.found("title", title.found)
    issuer = metadata.find_issuer(document, title)
    if issuer:
        plan.issuer = Issuer(name=issuer.name, level=issuer.level)
        record.found("issuer", issuer.found)
    year = metadata.find_year(document, title)
    if year:
        plan.year = year.value
        record.found("year", year)
    number = metadata.find_document_number(document)
    if number:
        plan.document_number = number.value
        record.found("document_number", number)
    for index, citation in enumerate(metadata.find_basis(document, title)):
        plan.basis.append(citation.value)
        record.found(f"basis[{index}]", citation)
        record.found("basis", citation)
    approval = metadata.find_approval(document)
    if approval:
        plan.approval = Approval(**approval[1])
        record.found("approval", approval[0])
    filing = metadata.find_filing(document)
    if filing:
        plan.filing = Filing(**filing[1])
        record.found("filing", filing[0])
    return title


_CUT = "文本在此截断，数字可能不全"


def _drop_cut_items(document: Document, lists) -> None:
    """An item the text breaks off in before its figure ("1.开展安全生产综合监管：预计需" and
    then nothing) is not read as an item without days: what it says is not there."""
    if not evidence.stops_mid_sentence(document):
        return
    last = next(line for line in reversed(document.lines) if line.is_row or line.text.text.strip())
    for found in lists.values():
        if found.items and found.items[-1].text is last.text and found.items[-1].days is None:
            found.items.pop()


def _doubt_the_cut(document: Document, printed, uncertain: list[Uncertainty]) -> None:
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
            uncertain.append(Uncertainty(path=path, reason=f"{name}处{_CUT}"))


def _figures(plan: Plan, readings: dict[str, Reading], record: _Recorder, uncertain: list[Uncertainty], printed) -> None:
    for figure in FIGURES:
        reading = readings.get(figure.key)
        if reading is None or reading.chosen is None:
            continue
        value = to_days(reading.chosen.value) if figure.key != "N" else int(reading.chosen.value)
        if value is None:
            continue
        _set_path(plan, figure.path, value)
        record.found(figure.path, _found(reading.chosen))
        if not reading.certain:
            uncertain.append(Uncertainty(path=figure.path, reason=f"{figure.name}仅按算式中的位置推断"))
        printed.append((figure.path, reading.chosen.text, reading.chosen.offset, figure.name))


def _place_category_totals(readings: dict[str, Reading], lists, record: _Recorder) -> None:
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


def _found(mention: Mention) -> Found:
    return Found(mention.value, mention.text, mention.offset)


def _set_path(plan: Plan, path: str, value) -> None:
    target = plan
    *parents, name = path.split(".")
    for parent in parents:
        target = getattr(target, parent)
    setattr(target, name, value)


def _items(plan: Plan, lists: dict[str, categories.ItemList], record: _Recorder, uncertain: list[Uncertainty],
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


def _splits(plan: Plan, document: Document, readings, lists, record: _Recorder, uncertain: list[Uncertainty]) -> None:
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


def _set_splits(plan: Plan, path: str, splits: categories.Splits, text, record: _Recorder, uncertain) -> None:
    target = [Split(unit=s.unit, days=to_days(s.days)) for s in splits.parts]
    _set_path(plan, path, target)
    if splits.parts:
        record.at(path, splits.parts[0].text or text, splits.parts[0].offset)
    for index, split in enumerate(splits.parts):
        record.at(f"{path}[{index}]", split.text or text, split.offset)
    if splits.partial:
        uncertain.append(Uncertainty(path=path, reason="分解可能未读全"))


def _percentages(plan: Plan, percents: list[Percent], record: _Recorder) -> None:
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


def _officers(plan: Plan, document: Document, readings, formulas: list[Formula], staff: officers.StaffTable | None,
              record: _Recorder, uncertain) -> None:
    reading = readings.get("N")
    breakdown = officers.Breakdown()
    if reading is not None:
        for mention in sorted(reading.mentions, key=lambda m: (m.how != "statement", m.line, m.offset)):
            breakdown = _breakdown_after(mention, formulas)
            if breakdown.groups:
                break
    if not breakdown.groups and staff is not None:
        breakdown = staff.breakdown
    for index, group in enumerate(breakdown.groups):
        plan.officers.groups.append(StaffGroup(name=group.name, count=group.count))
        record.at(f"officers.groups[{index}]", group.text, group.offset)
    if breakdown.partial and breakdown.groups:
        uncertain.append(Uncertainty(path="officers.groups", reason="人员构成可能未读全"))
    texts = [line.text for line in document.lines if not line.is_row]
    for name, found in (("certified", officers.find_certified(texts)), ("registered", officers.find_registered(texts))):
        if found is not None:
            setattr(plan.officers, name, found.value)
            record.found(f"officers.{name}", found)


def _breakdown_after(mention: Mention, formulas: list[Formula]) -> officers.Breakdown:
    for formula in formulas:
        for term in formula.terms:
            if term.key == "N" and formula.text is mention.text and term.offset == mention.offset and term.note:
                return officers.find_groups_in_note(formula.text, term.note_offset, term.note_offset + len(term.note))
    text = mention.text.text
    unit_end = mention.offset
    while unit_end < len(text) and (text[unit_end].isdigit() or text[unit_end] in "零〇一二两三四五六七八九十百"):
        unit_end += 1
    if unit_end < len(text) and text[unit_end] in "人名位":
        unit_end += 1
    return officers.find_groups(mention.text, unit_end)


def _inspections(plan: Plan, document: Document, record: _Recorder, uncertain) -> None:
    for name, kind in (("key_inspections", inspections.KEY), ("general_inspections", inspections.GENERAL)):
        target = getattr(plan, name)
        arrangement = inspections.find_arrangement(document, kind)
        if arrangement.unit_count is not None:
            target.unit_count = arrangement.unit_count.value
            record.found(f"{name}.unit_count", arrangement.unit_count)
        for index, found in enumerate(arrangement.other_counts):
            target.other_counts.append(found.value)
            record.found(f"{name}.other_counts[{index}]", found)
        for index, (industry, found) in enumerate(arrangement.by_industry):
            target.by_industry.append(IndustryCount(industry=industry, count=found.value))
            record.found(f"{name}.by_industry[{index}]", found)
        if arrangement.industries_partial and arrangement.by_industry:
            uncertain.append(Uncertainty(path=f"{name}.by_industry", reason="分行业户数可能未读全"))
    general = plan.general_inspections
    units, random_officers = inspections.find_random(document)
    pool, ratio = inspections.find_pool_and_ratio(document, inspections.general_section(document))
    for field_name, found in (("random_units", units), ("random_officers", random_officers), ("pool_size", pool), ("ratio", ratio)):
        if found is not None:
            setattr(general, field_name, found.value)
            record.found(f"general_inspections.{field_name}", found)


def _annexes(plan: Plan, document: Document, title: metadata.Title | None, record: _Recorder, uncertain) -> None:
    found = annex_module.find_annexes(document, plan.year, _line_of(document, title) if title else None)
    for index, reference in enumerate(found.references):
        plan.annexes.append(AnnexRef(label=reference.label, title=reference.title, provided=reference.provided))
        record.found(f"annexes[{index}]", reference.found)
    for name, rows in (("key_inspections", found.key_units), ("general_inspections", found.general_units)):
        if rows is None:
            continue
        units = []
        for index, row in enumerate(rows):
            path = f"{name}.units[{index}]"
            units.append(InspectedUnit(name=row.name, industry=row.industry, reason=row.reason,
                                       justification=row.justification, visits=[Visit(**visit) for visit in row.visits]))
            record.found(path, row.found)
            record.found(f"{path}.name", row.found)
            if row.schedule_unread:
                uncertain.append(Uncertainty(path=f"{path}.visits", reason=f"“{row.name}”的检查时间未能读出"))
            for visit_index, (month_place, officers_place) in enumerate(row.visit_places):
                record.found(f"{path}.visits[{visit_index}]", month_place)
                record.found(f"{path}.visits[{visit_index}].officers", officers_place)
        getattr(plan, name).units = units
    if found.roster is not None:
        plan.officers.roster_count = found.roster.value
        record.found("officers.roster_count", found.roster)


def _line_of(document: Document, title: metadata.Title) -> int:
    return next((index for index, line in enumerate(document.lines) if line.text is title.found.text), title.last_line)


def _evidence(plan: Plan, document: Document, formulas: list[Formula], readings, title, record: _Recorder,
              uncertain: list[Uncertainty], item_days: dict[tuple[int, int], str]) -> evidence.Truncation | None:
    proof = DocumentEvidence()
    for formula in (f for f in formulas if f.terms):
        path = f"document.formulas[{len(proof.formulas)}]"
        computes = item_days.get((id(formula.result_text or formula.text), formula.result_offset))
        proof.formulas.append(PlanFormula(
            text=formula.printed, result=formula.result,
            result_figure=computes or (BY_KEY[formula.result_key].path if formula.result_key else None),
            terms=[FormulaTerm(op=term.op, value=term.value, figure=BY_KEY[term.key].path if term.key else None)
                   for term in formula.terms]))
        record.at(path, formula.text, formula.start)
        for index, (term, binding) in enumerate(zip(formula.terms, formula.bindings)):
            if binding == "position":
                uncertain.append(Uncertainty(path=f"{path}.terms[{index}]",
                                             reason=f"运算项 {term.value} 仅按位置推断为{name_of(BY_KEY[term.key].path)}"))
    for key in sorted(readings):
        for mention in readings[key].restated:
            first = readings[key].chosen
            path = f"document.restatements[{len(proof.restatements)}]"
            proof.restatements.append(Restatement(figure=BY_KEY[key].path, value=mention.value, first_value=first.value,
                                                  place=mention.location().describe(), first_place=first.location().describe()))
            record.at(path, mention.text, mention.offset)
    for index, blank in enumerate(evidence.find_blanks(document)):
        proof.blanks.append(Blank(text=blank.value))
        record.found(f"document.blanks[{index}]", blank)
    workdays = plan.workdays
    calculation = [workdays.total, workdays.other_enforcement.stated_total, workdays.non_enforcement.stated_total,
                   workdays.supervision]
    found = {part for part, present in (
        ("officers", plan.officers.counted is not None),
        ("workday_calculation", sum(value is not None for value in calculation) >= 2),
        ("key_arrangements", plan.key_inspections.unit_count is not None or plan.key_inspections.units is not None),
        ("general_arrangements", any(value is not None for value in (
            plan.general_inspections.unit_count, plan.general_inspections.units, plan.general_inspections.pool_size,
            plan.general_inspections.ratio))),
        ("basis", bool(plan.basis))) if present}
    proof.parts = evidence.find_parts(document, found)
    truncation = evidence.find_truncation(document, proof.parts, title is not None)
    if truncation is not None:
        proof.truncation = Truncation(stops_at=truncation.stops_at, end_missing=truncation.end_missing,
                                      start_missing=truncation.start_missing)
        record.found("document.truncation", truncation.found)
    proof.uncertain = uncertain
    plan.document = proof
    return truncation

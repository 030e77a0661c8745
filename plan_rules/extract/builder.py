"""From logical lines to a Plan and its SourceMap.

Records what the document says, never what it should say: items stay under the heading
that lists them, totals are the printed ones, and a figure that is not printed stays None
(it becomes an IN003 warning, never a computed guess).
"""
from __future__ import annotations

import re

from plan_rules.extract import annex as annex_module
from plan_rules.extract import inspections, metadata
from plan_rules.extract.figures import Found, find_figure
from plan_rules.extract.formulas import PrintedFormula, find_formulas
from plan_rules.extract.items import FoundCategory, find_categories
from plan_rules.extract.labels import NON, OFFICERS, OTHER, WORKDAY_FIGURES
from plan_rules.extract.lines import LogicalLine
from plan_rules.extract.numbers import CHINESE, DIGITS, PEOPLE_UNIT, to_count, to_days
from plan_rules.extract.officers import find_certified, find_groups, find_registered
from plan_rules.extract.parts import find_parts
from plan_rules.extract.percentages import find_percentages
from plan_rules.model import (AnnexRef, Approval, DocumentEvidence, Filing, Formula, FormulaTerm, IndustryCount,
                              InspectedUnit, Issuer, Plan, PrintedPercent, Split, StaffGroup, Visit, WorkItem)
from plan_rules.sourcemap import SourceMap


_COUNT_AND_UNIT = re.compile(rf"(?:{DIGITS}|{CHINESE})\s*{PEOPLE_UNIT}?")


class _Recorder:
    """Sets plan values and their places together, so that no figure lacks its anchor."""

    def __init__(self) -> None:
        self.sourcemap = SourceMap()

    def place(self, path: str, found: Found | None) -> None:
        if found is not None:
            self.sourcemap.record(path, found.location)

    def at(self, path: str, line: LogicalLine, offset: int) -> None:
        self.sourcemap.record(path, line.locate(offset))


def build_plan(lines: list[LogicalLine]) -> tuple[Plan, SourceMap]:
    record = _Recorder()
    plan = Plan()
    formulas = {id(line): find_formulas(line) for line in lines if "=" in line.text}
    _metadata(plan, lines, record)
    _workdays(plan, lines, formulas, record)
    _name_supervision_operands(plan, formulas)
    _officers(plan, lines, formulas, record)
    _inspections(plan, lines, record)
    _annexes(plan, lines, record)
    _evidence(plan, lines, formulas, record)
    return plan, record.sourcemap


def _metadata(plan: Plan, lines, record: _Recorder) -> None:
    title = metadata.find_title(lines)
    if title:
        plan.title = title.value
        record.place("title", title)
    issuer = metadata.find_issuer(lines, title)
    if issuer:
        plan.issuer = Issuer(name=issuer.name, level=issuer.level)
        record.place("issuer", issuer.found)
    year = metadata.find_year(lines, title)
    if year:
        plan.year = year.value
        record.place("year", year)
    number = metadata.find_document_number(lines)
    if number:
        plan.document_number = number.value
        record.place("document_number", number)
    for index, citation in enumerate(metadata.find_basis(lines, title)):
        plan.basis.append(citation.value)
        record.place(f"basis[{index}]", citation)
    approval = metadata.find_approval(lines)
    if approval:
        plan.approval = Approval(**approval[1])
        record.place("approval", approval[0])
    filing = metadata.find_filing(lines)
    if filing:
        plan.filing = Filing(**filing[1])
        record.place("filing", filing[0])


def _workdays(plan: Plan, lines, formulas, record: _Recorder) -> None:
    workdays = plan.workdays
    categories = find_categories(lines, formulas)
    for figure in WORKDAY_FIGURES:
        found = find_figure(lines, figure, formulas, to_days)
        if figure in (OTHER, NON) and _category_total(categories.get(figure.key)) is not None:
            found = _category_total(categories[figure.key])     # the total its items add up to
        if found is None:
            continue
        _set_path(plan, figure.path, found.value)
        record.place(figure.path, found)
    for kind, category in categories.items():
        name = "other_enforcement" if kind == "O" else "non_enforcement"
        target = getattr(workdays, name)
        for index, item in enumerate(category.items):
            path = f"workdays.{name}.items[{index}]"
            target.items.append(WorkItem(label=item.label, days=item.days,
                                         splits=[Split(unit=unit, days=days) for unit, days, _ in item.splits]))
            record.at(path, item.line, item.label_offset)
            record.at(f"{path}.label", item.line, item.label_offset)
            if item.days_offset is not None:
                record.at(f"{path}.days", item.line, item.days_offset)
            for split_index, (_, _, offset) in enumerate(item.splits):
                record.at(f"{path}.splits[{split_index}]", item.line, offset)
            if item.formula is not None:
                item.formula.result_figure = f"{path}.days"
    for index, percent in enumerate(find_percentages(lines)):
        workdays.percentages.append(PrintedPercent(subject=percent.subject, value=percent.value, base=percent.base))
        record.at(f"workdays.percentages[{index}]", percent.line, percent.offset)


def _name_supervision_operands(plan: Plan, formulas) -> None:
    """S = T − O − X printed without labels ("2510-1000-900=610"): the operands are T, O and X
    in the method's order — or X before O when their values say so, so that WD013 compares
    each operand with the right figure."""
    workdays = plan.workdays
    other, non = workdays.other_enforcement.stated_total, workdays.non_enforcement.stated_total
    for formula in (f for found in formulas.values() for f in found):
        terms = formula.terms
        if formula.result_figure != "workdays.supervision" or [t.op for t in terms] != ["+", "-", "-"] \
                or any(term.figure for term in terms):
            continue
        swapped = other != non and terms[1].value == non and terms[2].value == other
        terms[0].figure = "workdays.total"
        terms[1].figure = OTHER.path if not swapped else NON.path
        terms[2].figure = NON.path if not swapped else OTHER.path


def _category_total(category: FoundCategory | None) -> Found | None:
    if category is None or category.total is None:
        return None
    return Found(category.total, category.total_line, category.total_offset)


def _set_path(plan: Plan, path: str, value) -> None:
    target = plan
    *parents, name = path.split(".")
    for parent in parents:
        target = getattr(target, parent)
    setattr(target, name, value)


def _total_formula(formulas) -> PrintedFormula | None:
    return next((f for found in formulas.values() for f in found if f.result_figure == "workdays.total"), None)


def _officers(plan: Plan, lines, formulas, record: _Recorder) -> None:
    officers = plan.officers
    counted = find_figure(lines, OFFICERS, formulas, to_count)
    total_formula = _total_formula(formulas)
    for term in (total_formula.terms if total_formula else ()):
        # N and d printed only as operands of T = d × N.
        if term.figure == "officers.counted" and counted is None:
            counted = Found(to_count(str(term.value)), total_formula.line, term.offset)
        if term.figure == "workdays.per_person" and plan.workdays.per_person is None:
            plan.workdays.per_person = to_days(str(term.value))
            record.at("workdays.per_person", total_formula.line, term.offset)
    if counted is not None and counted.value is not None:
        officers.counted = counted.value
        record.place("officers.counted", counted)
    places = [(counted.line, counted.offset)] if counted else []
    if total_formula is not None:
        places += [(total_formula.line, term.offset) for term in total_formula.terms if term.figure == "officers.counted"]
    for index, group in enumerate(_groups_after(places)):
        officers.groups.append(StaffGroup(name=group.name, count=group.count))
        record.at(f"officers.groups[{index}]", group.line, group.offset)
    for name, found in (("certified", find_certified(lines)), ("registered", find_registered(lines))):
        if found is not None:
            setattr(officers, name, found.value)
            record.place(f"officers.{name}", found)


def _groups_after(places):
    """The breakdown follows N's number and unit: "12人（行政编制3人；…）"."""
    return find_groups([(line, _after_count(line.text, offset)) for line, offset in places])


def _after_count(text: str, offset: int) -> int:
    match = _COUNT_AND_UNIT.match(text, offset)
    return match.end() if match else offset


def _inspections(plan: Plan, lines, record: _Recorder) -> None:
    for name, kind in (("key_inspections", inspections.KEY), ("general_inspections", inspections.GENERAL)):
        target = getattr(plan, name)
        arrangement = inspections.find_arrangement(lines, kind)
        if arrangement.unit_count is not None:
            target.unit_count = arrangement.unit_count.value
            record.place(f"{name}.unit_count", arrangement.unit_count)
        for index, found in enumerate(arrangement.other_counts):
            target.other_counts.append(found.value)
            record.place(f"{name}.other_counts[{index}]", found)
        for index, (industry, found) in enumerate(arrangement.by_industry):
            target.by_industry.append(IndustryCount(industry=industry, count=found.value))
            record.place(f"{name}.by_industry[{index}]", found)
    general = plan.general_inspections
    units, officers = inspections.find_random(lines)
    pool, ratio = inspections.find_pool_and_ratio(lines)
    for field_name, found in (("random_units", units), ("random_officers", officers), ("pool_size", pool), ("ratio", ratio)):
        if found is not None:
            setattr(general, field_name, found.value)
            record.place(f"general_inspections.{field_name}", found)


def _annexes(plan: Plan, lines, record: _Recorder) -> None:
    found = annex_module.find_annexes(lines, plan.year)
    for index, reference in enumerate(found.references):
        plan.annexes.append(AnnexRef(label=reference.label, title=reference.title, provided=reference.provided))
        record.place(f"annexes[{index}]", reference.found)
    for name, rows in (("key_inspections", found.key_units), ("general_inspections", found.general_units)):
        if rows is None:
            continue
        units = []
        for index, row in enumerate(rows):
            path = f"{name}.units[{index}]"
            units.append(InspectedUnit(name=row.name, industry=row.industry, reason=row.reason,
                                       justification=row.justification, visits=[Visit(**visit) for visit in row.visits]))
            record.place(path, row.found)
            record.place(f"{path}.name", row.found)
            for visit_index, (month_place, officers_place) in enumerate(row.visit_places):
                record.place(f"{path}.visits[{visit_index}]", month_place)
                record.place(f"{path}.visits[{visit_index}].officers", officers_place)
        getattr(plan, name).units = units
    if found.roster is not None:
        plan.officers.roster_count = found.roster.value
        record.place("officers.roster_count", found.roster)


def _evidence(plan: Plan, lines, formulas, record: _Recorder) -> None:
    evidence = DocumentEvidence()
    index = 0
    for line in lines:
        for formula in formulas.get(id(line), ()):
            evidence.formulas.append(Formula(
                text=formula.text, result=formula.result, result_figure=formula.result_figure,
                terms=[FormulaTerm(op=term.op, value=term.value, figure=term.figure) for term in formula.terms]))
            record.at(f"document.formulas[{index}]", line, formula.start)
            index += 1
    workdays = plan.workdays
    calculation = [workdays.total, workdays.other_enforcement.stated_total,
                   workdays.non_enforcement.stated_total, workdays.supervision]
    found = {part for part, present in (
        ("officers", plan.officers.counted is not None),
        ("workday_calculation", sum(value is not None for value in calculation) >= 2),
        ("key_arrangements", plan.key_inspections.unit_count is not None or plan.key_inspections.units is not None),
        ("general_arrangements", plan.general_inspections.unit_count is not None or plan.general_inspections.units is not None),
        ("basis", bool(plan.basis))) if present}
    evidence.parts = find_parts(lines, found)
    plan.document = evidence

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

from plan_rules.extract import categories, evidence, officers
from plan_rules.extract.document import Document, build_document
from plan_rules.extract.fill_evidence import fill_evidence
from plan_rules.extract.fill_inspections import fill_annexes, fill_inspections
from plan_rules.extract.fill_metadata import fill_metadata
from plan_rules.extract.fill_officers import fill_officers
from plan_rules.extract.fill_workdays import (doubt_the_cut, drop_cut_items, fill_figures, fill_items, fill_percentages,
                                              fill_splits, place_category_totals)
from plan_rules.extract.formulas import Formula, find_formulas
from plan_rules.extract.layout import Line
from plan_rules.extract.markers import HEADING_STYLES, strip_marker
from plan_rules.extract.mentions import Mention, statements
from plan_rules.extract.percentages import Percent, find_percentages
from plan_rules.extract.reconcile import Reading, reconcile
from plan_rules.extract.recording import Recorder
from plan_rules.extract.tables import read_tables
from plan_rules.model import Plan, Uncertainty
from plan_rules.sourcemap import SourceMap


@dataclass
class Built:
    plan: Plan
    sourcemap: SourceMap
    readings: dict[str, Reading] = field(default_factory=dict)
    truncation: evidence.Truncation | None = None


def build_plan(lines: list[Line]) -> Built:
    document = build_document(lines)
    record = Recorder()
    plan = Plan()
    title = fill_metadata(plan, document, record)
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
    fill_figures(plan, readings, record, uncertain, printed)
    place_category_totals(readings, lists, record)
    drop_cut_items(document, lists)
    item_days = fill_items(plan, lists, record, uncertain, printed)
    fill_splits(plan, document, readings, lists, record, uncertain)
    fill_percentages(plan, percents, record)
    fill_officers(plan, document, readings, formulas, staff, record, uncertain)
    fill_inspections(plan, document, record, uncertain)
    fill_annexes(plan, document, title, record, uncertain)
    truncation = fill_evidence(plan, document, formulas, readings, title, record, uncertain, item_days)
    if truncation is not None and truncation.end_missing:
        doubt_the_cut(document, printed, uncertain)
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

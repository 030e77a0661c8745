"""Key and general inspections into the plan: the counts the text states, per industry,
random selection, pool and ratio; and the annexes with the unit lists and roster they carry."""
from __future__ import annotations

from plan_rules.extract import annex as annex_module
from plan_rules.extract import inspections, metadata
from plan_rules.extract.document import Document
from plan_rules.extract.recording import Recorder
from plan_rules.model import AnnexRef, IndustryCount, InspectedUnit, Plan, Uncertainty, Visit


def fill_inspections(plan: Plan, document: Document, record: Recorder, uncertain) -> None:
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


def fill_annexes(plan: Plan, document: Document, title: metadata.Title | None, record: Recorder, uncertain) -> None:
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

"""The officers' breakdown by group (after N in the text, in a formula's note, or in a staff
table), and the certified and registered counts."""
from __future__ import annotations

from plan_rules.extract import officers
from plan_rules.extract.document import Document
from plan_rules.extract.formulas import Formula
from plan_rules.extract.mentions import Mention
from plan_rules.extract.recording import Recorder
from plan_rules.model import Plan, StaffGroup, Uncertainty


def fill_officers(plan: Plan, document: Document, readings, formulas: list[Formula], staff: officers.StaffTable | None,
              record: Recorder, uncertain) -> None:
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

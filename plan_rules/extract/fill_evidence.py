"""What only the document shows, into plan.document: its printed formulas, the figures it
prints again with another value, blanks, the parts it has, and whether it is truncated."""
from __future__ import annotations

from plan_rules.extract import evidence
from plan_rules.extract.document import Document
from plan_rules.extract.formulas import Formula
from plan_rules.extract.recording import Recorder
from plan_rules.method import BY_KEY, name_of
from plan_rules.model import (Blank, DocumentEvidence, Formula as PlanFormula, FormulaTerm, Plan, Restatement,
                              Truncation, Uncertainty)


def fill_evidence(plan: Plan, document: Document, formulas: list[Formula], readings, title, record: Recorder,
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

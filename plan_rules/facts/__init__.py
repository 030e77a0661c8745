"""Plan → facts: flat dicts with `kind` and a structured `id`, one per entity the rulebook
talks about, each field declared in the fact vocabulary (docs/architecture.md, "Facts").

The facts carry the plan's figures as printed, their counts and sums (the engine cannot
aggregate), and what only Python can decide: rounding, calendar look-ups, the meaning of an
item's label, the identity of unit names, the value of a printed formula. The comparisons
are the rules'. Absent figures are left out of a fact (never None): a comparison on a
missing field is false, which is exactly "the check is skipped when the plan does not say".
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from .annexes import ANNEX, annex_facts
from .breakdowns import BREAKDOWN, breakdown_facts
from .counts import GENERAL_COUNT_ELSEWHERE, KEY_COUNT_ELSEWHERE, count_facts
from .workday_figures import FIGURE, figure_facts
from .printed_formulas import FORMULA, OPERAND, formula_facts
from .items import ITEM, item_facts
from .document_parts import PART, part_facts
from .printed_percentages import PERCENT, percent_facts
from .plan import PLAN, plan_fact
from .restatements import BLANK, RESTATEMENT, blank_facts, restatement_facts
from .truncation import TRUNCATION, truncation_facts
from .inspected_units import GENERAL_UNIT, KEY_UNIT, VISIT, unit_facts
from .vocabulary import Fact, FactKind

KINDS: dict[str, FactKind] = {k.kind: k for k in (
    PLAN, ITEM, FIGURE, PERCENT, KEY_UNIT, GENERAL_UNIT, VISIT, BREAKDOWN, KEY_COUNT_ELSEWHERE,
    GENERAL_COUNT_ELSEWHERE, ANNEX, PART, FORMULA, OPERAND, RESTATEMENT, BLANK, TRUNCATION)}


def to_facts(plan, thresholds, today: Optional[dt.date] = None) -> list[Fact]:
    """All facts of one plan. No rule uses `$not`, whose facts would have to come first
    (docs/architecture.md, "The engine"): counts are precomputed instead."""
    facts = [plan_fact(plan, thresholds, today or dt.date.today())]
    facts += item_facts(plan)
    facts += figure_facts(plan, thresholds)
    facts += percent_facts(plan, thresholds)
    facts += unit_facts(plan, "key")
    facts += unit_facts(plan, "general")
    facts += breakdown_facts(plan)
    facts += count_facts(plan)
    facts += annex_facts(plan)
    if plan.document is not None:
        facts += part_facts(plan)
        facts += formula_facts(plan)
        facts += restatement_facts(plan)
        facts += blank_facts(plan)
        facts += truncation_facts(plan)
    return facts


__all__ = ["KINDS", "Fact", "FactKind", "to_facts"]

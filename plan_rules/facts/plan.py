"""The plan fact: one per plan, with the figures and findings about the plan as a whole. Its
fields are declared by the modules that compute them (metadata, staff, per-person days,
budget, inspections)."""
from __future__ import annotations

import datetime as dt

from . import plan_budget, plan_inspections, plan_metadata, plan_per_person, plan_staff
from .vocabulary import Fact, kind

PLAN = kind("plan", "计划", *plan_metadata.FIELDS, *plan_staff.FIELDS, *plan_per_person.FIELDS,
            *plan_budget.FIELDS, *plan_inspections.FIELDS)


def plan_fact(plan, thresholds, today: dt.date) -> Fact:
    fact: Fact = {"kind": "plan", "id": "plan", "path": ""}
    fact.update(plan_metadata.metadata_fields(plan, today))
    fact.update(plan_staff.staff_fields(plan, thresholds))
    fact.update(plan_per_person.per_person_fields(plan, thresholds))
    fact.update(plan_budget.budget_fields(plan, thresholds))
    fact.update(plan_inspections.inspection_fields(plan))
    return fact

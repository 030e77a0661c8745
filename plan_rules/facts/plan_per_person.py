"""The plan fact's per-person legal working days (WD001): the d the plan uses, the figures
its year may rightly use, and the policy that chooses among them. The rule decides."""
from __future__ import annotations

from ..method import PER_PERSON
from ..method.legal_days import year_figures
from .fixed_point import units
from .vocabulary import CHOICE, Fact, figure, reference, words

POLICY_ZH = {"standard": "编制办法标准", "calendar": "当年日历", "either": "编制办法标准、当年日历或人社部折算"}

FIELDS = (
    figure("per_person", PER_PERSON.title, PER_PERSON.path),
    reference("workday_policy", "人均法定工作日的口径", CHOICE, "", threshold="workday_policy"),
    words("workday_policy_zh", "口径"),
    reference("standard_days", "编制办法标准天数", note="the method's 250 days"),
    reference("ministry_days", "人社部折算天数", note="the plan year's; the standard where the plan names no year"),
    reference("calendar_days", "当年日历工作日数", note="from the State Council's holiday notices (chinesecalendar); "
              "the standard where the calendar does not know the year"),
    reference("announced_days", "当年最初公布的工作日数", note="2020: 251, announced before the Spring Festival "
              "extension; the calendar's count in other years"),
    words("per_person_account", "各口径的天数"),
    words("calendar_days_text", "当年日历的天数"),
    words("year_days_text", "各口径的天数（去重）"),
)


def per_person_fields(plan, thresholds) -> Fact:
    if plan.workdays.per_person is None:
        return {}
    figures = year_figures(plan.year)
    return {"per_person": units(plan.workdays.per_person), "workday_policy": thresholds.workday_policy,
            "workday_policy_zh": POLICY_ZH[thresholds.workday_policy],
            "standard_days": units(figures.standard), "ministry_days": units(figures.ministry),
            "calendar_days": units(figures.calendar), "announced_days": units(figures.announced),
            "per_person_account": figures.account, "calendar_days_text": figures.calendar_text,
            "year_days_text": figures.any_text}

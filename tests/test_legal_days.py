"""Per-person legal working days: the calendar package agrees with RULES.md's table."""
import pytest

from plan_rules.facts import accepted_per_person
from plan_rules.legal_days import calendar_days, ministry_days

RULES_MD_CALENDAR = {2018: 250, 2019: 250, 2020: 249, 2021: 250, 2022: 249, 2023: 249, 2024: 251, 2025: 248, 2026: 248}


@pytest.mark.parametrize("year,days", RULES_MD_CALENDAR.items())
def test_calendar_count_matches_the_official_figures(year, days):
    assert calendar_days(year) == days


def test_ministry_figure_changes_in_2025():
    assert (ministry_days(2024), ministry_days(2025)) == (250, 248)


def test_year_beyond_the_calendar_falls_back_to_the_standard():
    assert calendar_days(2099) is None
    accepted, account, _ = accepted_per_person(2099, "calendar")
    assert accepted == [250] and "日历数据缺失" in account


def test_2020_accepts_the_figure_announced_before_the_extension():
    accepted, _, agree = accepted_per_person(2020, "either")
    assert 251 in accepted and 249 in accepted and not agree


@pytest.mark.parametrize("policy,expected", [("standard", [250]), ("calendar", [249]), ("either", [250, 250, 249])])
def test_policy_decides_the_accepted_figures(policy, expected):
    assert accepted_per_person(2023, policy)[0] == expected

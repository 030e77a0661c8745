"""Per-person legal working days: the calendar package agrees with the State Council's
announced counts, and every figure a year may rightly use is given (the standard standing in
for what cannot be known)."""
import pytest

from plan_rules.method.legal_days import calendar_days, ministry_days, year_figures

OFFICIAL_CALENDAR = {2018: 250, 2019: 250, 2020: 249, 2021: 250, 2022: 249, 2023: 249, 2024: 251, 2025: 248, 2026: 248}


@pytest.mark.parametrize("year,days", OFFICIAL_CALENDAR.items())
def test_calendar_count_matches_the_official_figures(year, days):
    assert calendar_days(year) == days


def test_the_count_is_the_packages_own_for_every_year_it_knows():
    """calendar_days counts from the package's tables instead of calling get_workdays (speed);
    the two agree on every year, and on the years either side of its range."""
    import datetime as dt

    import chinese_calendar

    known = sorted({date.year for date in chinese_calendar.holidays})
    for year in known:
        assert calendar_days(year) == len(chinese_calendar.get_workdays(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    assert calendar_days(known[0] - 1) is None and calendar_days(known[-1] + 1) is None


def test_ministry_figure_changes_in_2025():
    assert (ministry_days(2024), ministry_days(2025)) == (250, 248)


def test_year_beyond_the_calendar_falls_back_to_the_standard():
    assert calendar_days(2099) is None
    figures = year_figures(2099)
    assert (figures.calendar, figures.announced, figures.ministry) == (250, 250, 248)
    assert "日历数据缺失" in figures.account and figures.calendar_text == "250 日"


def test_2020_accepts_the_figure_announced_before_the_extension():
    figures = year_figures(2020)
    assert (figures.calendar, figures.announced) == (249, 251)
    assert figures.calendar_text == "249、251 日之一" and figures.any_text == "250、249、251 日之一"


def test_a_plan_without_a_year_is_held_to_the_standard():
    figures = year_figures(None)
    assert {figures.standard, figures.ministry, figures.calendar, figures.announced} == {250}
    assert figures.account == "编制办法标准 250 日"

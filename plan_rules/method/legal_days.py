"""Legal working days per person and year (the d of the workday method), and the annual
leave every officer is owed.

Three figures can be right for a year (WD001):
- the method's standard, 250 days (150号);
- the official calendar count: weekdays − holiday weekdays + make-up weekend working days,
  from the State Council holiday notices, as the `chinesecalendar` package knows them;
- the human-resources ministry's fixed figure 365 − 104 − 11 = 250, 248 from 2025 when the
  public holidays went from 11 to 13 days.
Where the calendar does not know the year, or the plan names none, the method's standard
stands in for the calendar's count (docs/architecture.md, "The method's vocabulary").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

STANDARD_DAYS = 250
# 《职工带薪年休假条例》第三条: at least 5 days of annual leave a year (WD016).
ANNUAL_LEAVE_DAYS = 5

# 2020 was announced with 251 working days; the Spring Festival extension made it 249.
# Plans written before the extension legitimately print 251.
_ALSO_OFFICIAL = {2020: (251,)}


def ministry_days(year: int) -> int:
    return 248 if year >= 2025 else 250


@lru_cache(maxsize=64)
def calendar_days(year: int) -> Optional[int]:
    """Official count of working days of the year, or None for a year the calendar lacks.

    Counted from the package's tables of holidays and make-up working days by its own rule
    (`is_workday`), not with `get_workdays`: that checks each of the 365 dates against the
    range of years it knows, recomputed from all its holidays every time, about 10 ms of a
    cold start (docs/architecture.md, "Budgets"). The range is checked once, on 1 January."""
    import chinese_calendar  # imported here: only plans with a year need it

    first = dt.date(year, 1, 1)
    try:
        chinese_calendar.is_workday(first)
    except NotImplementedError:
        return None
    dates = (first + dt.timedelta(days=n) for n in range((dt.date(year, 12, 31) - first).days + 1))
    return sum(1 for date in dates if date in chinese_calendar.workdays
               or (date.weekday() <= 4 and date not in chinese_calendar.holidays))


def official_alternatives(year: int) -> tuple[int, ...]:
    return _ALSO_OFFICIAL.get(year, ())


@dataclass(frozen=True)
class YearFigures:
    """The per-person figures a plan of the year may rightly use, each always given: where a
    figure cannot be known (no year, a year the calendar lacks), the standard stands in."""
    standard: int
    ministry: int
    calendar: int
    announced: int      # the count first announced (2020: 251); the calendar's in other years
    account: str        # the figures in words, for messages

    @property
    def calendar_text(self) -> str:
        """The calendar's figures, as a message names what d should be: “249 日”, “249、251 日之一”."""
        return _one_of(self.calendar, self.announced)

    @property
    def any_text(self) -> str:
        return _one_of(self.standard, self.ministry, self.calendar, self.announced)


def _one_of(*figures: int) -> str:
    distinct = list(dict.fromkeys(figures))
    return f"{distinct[0]} 日" if len(distinct) == 1 else f"{'、'.join(map(str, distinct))} 日之一"


@lru_cache(maxsize=64)
def year_figures(year: Optional[int]) -> YearFigures:
    if year is None:
        return YearFigures(STANDARD_DAYS, STANDARD_DAYS, STANDARD_DAYS, STANDARD_DAYS, f"编制办法标准 {STANDARD_DAYS} 日")
    calendar = calendar_days(year)
    alternatives = official_alternatives(year)
    calendar_text = f"{year} 年日历 {calendar} 日" if calendar is not None else f"{year} 年日历数据缺失"
    if alternatives:
        calendar_text += "（" + "、".join(f"原公布 {a} 日" for a in alternatives) + "）"
    ministry = ministry_days(year)
    known = calendar if calendar is not None else STANDARD_DAYS
    return YearFigures(STANDARD_DAYS, ministry, known, alternatives[0] if alternatives else known,
                       f"编制办法标准 {STANDARD_DAYS} 日，{calendar_text}，人社部折算 {ministry} 日")

"""Legal working days per person and year (the d of the workday method).

Three figures can be right for a year (RULES.md, WD001):
- the method's standard, 250 days (150号);
- the official calendar count: weekdays − holiday weekdays + make-up weekend working days,
  from the State Council holiday notices, as the `chinesecalendar` package knows them;
- the human-resources ministry's fixed figure 365 − 104 − 11 = 250, 248 from 2025 when the
  public holidays went from 11 to 13 days.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional

STANDARD_DAYS = 250

# 2020 was announced with 251 working days; the Spring Festival extension made it 249.
# Plans written before the extension legitimately print 251.
_ALSO_OFFICIAL = {2020: (251,)}


def ministry_days(year: int) -> int:
    return 248 if year >= 2025 else 250


@lru_cache(maxsize=64)
def calendar_days(year: int) -> Optional[int]:
    """Official count of working days of the year, or None for a year the calendar lacks."""
    import chinese_calendar  # imported here: only plans with a year need it

    try:
        return len(chinese_calendar.get_workdays(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    except NotImplementedError:
        return None


def official_alternatives(year: int) -> tuple[int, ...]:
    return _ALSO_OFFICIAL.get(year, ())

"""Figures as plans print them, in normalized text (full-width digits already ASCII).

Digits may carry thousands separators or stray spaces between groups ("2 988", "2,988").
Small counts of people and units are often Chinese numerals ("十二人", "两名"); cn2an reads
those, imported only when one is met. Workday units vary: 日, 天, 个工作日, 人日, 工作日.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from plan_rules.model import MAX_COUNT, MAX_DAYS

# A figure starts where a run of digits starts, never inside one: without the look-behind every
# regex search retries at each digit of a long run, quadratic in its length (a line of 100,000
# digits took longer than the hostile-input timeout).
DIGITS = r"(?<![\d.])(?:\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
CHINESE = r"[零〇一二两三四五六七八九十百]+"
DAY_UNIT = r"(?:个?工作日|人日|日|天)"
PEOPLE_UNIT = r"(?:人|名)"

_DIGITS = re.compile(DIGITS)
# No plan prints a figure this long; a longer run of digits is junk, and Decimal would
# overflow its context comparing it with the bounds.
MAX_FIGURE_CHARACTERS = 40


def to_decimal(text: str) -> Decimal | None:
    """A printed figure as a Decimal; Chinese numerals via cn2an; None when unreadable."""
    text = text.strip()
    if len(text) > MAX_FIGURE_CHARACTERS:
        return None
    if _DIGITS.fullmatch(text):
        try:
            return Decimal(text.replace(",", "").replace(" ", ""))
        except InvalidOperation:
            return None
    import cn2an
    try:
        return Decimal(int(cn2an.cn2an(text, "smart")))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def to_days(text: str) -> float | int | None:
    """Workdays: whole numbers stay int so that YAML shows 2988, not 2988.0."""
    value = to_decimal(text)
    if value is None or abs(value) > MAX_DAYS:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def to_count(text: str) -> int | None:
    value = to_decimal(text)
    if value is None or value != value.to_integral_value() or not 0 <= value <= MAX_COUNT:
        return None
    return int(value)

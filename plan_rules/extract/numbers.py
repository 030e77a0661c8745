"""Figures as plans print them, in normalised text (ASCII digits, groups already joined).

Counts of people and units are often Chinese numerals ("十二人", "三十二家", "两名"), shares
sometimes words ("百分之十五", "七成"); cn2an reads the numerals, imported only when one is
met. Workday units vary: 日, 天, 个工作日, 人日, 工作日, and a bare 个 after a workday label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from plan_rules.method import DAY_UNIT, PEOPLE_UNIT, UNIT_COUNT_UNIT
from plan_rules.model import MAX_COUNT, MAX_DAYS

# A figure starts where a run of digits starts, never inside one: without the look-behind every
# regex search retries at each digit of a long run, quadratic in its length.
DIGITS = r"(?<![\d.])\d+(?:\.\d+)?(?![\d])"
CHINESE = r"(?<!第)[零〇一二两三四五六七八九十百千]+"
NUMBER = rf"(?:{DIGITS}|{CHINESE})"
# No plan prints a figure this long; a longer run of digits is junk, and Decimal would
# overflow its context comparing it with the bounds.
MAX_FIGURE_CHARACTERS = 40

_DIGITS = re.compile(DIGITS)
_UNITS = {"day": re.compile(DAY_UNIT), "people": re.compile(PEOPLE_UNIT), "units": re.compile(UNIT_COUNT_UNIT)}
# A number, its unit, and what kind of unit that is. Chinese numerals only count with a unit
# ("一般", "十九大", "三部曲" are words).
_NUMBER_WITH_UNIT = re.compile(
    rf"(?P<n>{DIGITS})\s*(?P<u>个工作日|工作日|人日|日|天|人|名|位|家|户|个单位|个企业|处|所|个|%)?"
    rf"|(?P<c>{CHINESE})(?P<cu>个工作日|工作日|人日|日|天|人|名|位|家|户|个单位|个企业|处|所|个)")
_PERCENT_WORDS = re.compile(rf"百分之(?P<p>{DIGITS}|[零〇一二两三四五六七八九十百]+)|(?P<t>[一二三四五六七八九])成(?P<h>[一二三四五六七八九])?")


@dataclass(frozen=True)
class Number:
    value: Decimal
    start: int           # offset of the figure in the normalised text
    end: int             # offset after its unit
    unit: str            # the unit as printed ("个工作日", "人", "%"), "" for none
    digits_end: int      # offset after the figure itself

    @property
    def kind(self) -> str | None:
        """"day", "people", "units", "percent" or None for a bare figure."""
        if self.unit == "%":
            return "percent"
        for kind, pattern in _UNITS.items():
            if pattern.fullmatch(self.unit):
                return kind
        return None


def numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every figure in text[start:end], with its unit when one follows."""
    found = []
    for match in _NUMBER_WITH_UNIT.finditer(text, start, len(text) if end is None else end):
        figure = match.group("n") or match.group("c")
        value = to_decimal(figure)
        if value is None:
            continue
        unit = match.group("u") or match.group("cu") or ""
        found.append(Number(value, match.start(), match.end(), unit, match.start() + len(figure)))
    return found


def number_at(text: str, position: int) -> Number | None:
    """The figure that starts at `position` (spaces skipped), or None."""
    while position < len(text) and text[position] == " ":
        position += 1
    match = _NUMBER_WITH_UNIT.match(text, position)
    if match is None:
        return None
    found = numbers(text, match.start(), match.end())
    return found[0] if found else None


def percent_words(text: str, start: int = 0, end: int | None = None):
    """Shares written in words: "百分之十五" → 15, "七成" → 70 (with the match)."""
    for match in _PERCENT_WORDS.finditer(text, start, len(text) if end is None else end):
        if match.group("p"):
            value = to_decimal(match.group("p"))
        else:
            value = to_decimal(match.group("t")) * 10 + (to_decimal(match.group("h")) if match.group("h") else 0)
        if value is not None:
            yield value, match


def to_decimal(text: str) -> Decimal | None:
    """A printed figure as a Decimal; Chinese numerals via cn2an; None when unreadable."""
    text = text.strip()
    if not text or len(text) > MAX_FIGURE_CHARACTERS:
        return None
    if _DIGITS.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    import cn2an
    try:
        return Decimal(int(cn2an.cn2an(text, "smart")))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def to_days(value: Decimal | str | None) -> float | int | None:
    """Workdays: whole numbers stay int so that YAML shows 2988, not 2988.0."""
    if isinstance(value, str):
        value = to_decimal(value)
    if value is None or abs(value) > MAX_DAYS:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def to_count(value: Decimal | str | None) -> int | None:
    if isinstance(value, str):
        value = to_decimal(value)
    if value is None or value != value.to_integral_value() or not 0 <= value <= MAX_COUNT:
        return None
    return int(value)

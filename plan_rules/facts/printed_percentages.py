"""Printed percentages (WD010): each against the ratio of the figures it is a share of,
rounded half up to as many decimals as it prints (GB/T 8170). Rounding is what the engine
cannot do, so the facts say how many units of the last printed digit a share is off; the
rule holds that against the tolerance.

Printed percentages are decimals of any size and precision (the schema cannot bound what an
extracted document prints: "1e999999", forty decimals); they are compared exactly, and never
passed on beyond what the engine holds.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..method import BY_WORKDAYS_FIELD, S, T
from .fixed_point import LIMIT
from .vocabulary import INTEGER, PATH, Fact, derived, kind, reference, words

MAX_PERCENT_DECIMALS = 6         # compared in units of at most the 6th decimal
MAX_OFF_UNITS = LIMIT            # how far off a percentage is only has to exceed the tolerance
SUBJECTS = ("key", "general", "reserve", "supervision", "other_enforcement", "non_enforcement")
BASE_ZH = {"supervision": S.name, "total": T.name}

PERCENT = kind(
    "percent", "所列百分比",
    words("subject_zh", "所占比例的工作日项目"),
    words("printed", "所写百分数"),
    words("compared", "按基数算得的应为数"),
    derived("expected", "应为的百分数", "the ratio rounded half up to the printed decimals", "text"),
    derived("off_units", "末位相差的单位数", "the printed share against the ratio rounded to as many decimals: "
            "rounding, which the engine has none of", INTEGER),
    reference("tolerance_units", "百分比末位允许相差的单位数", INTEGER, "", threshold="percent_tolerance_units"),
    words("subject_path", "所指工作日的字段", PATH),
    words("base_path", "基数的字段", PATH),
    words("other_base_path", "另一基数的字段", PATH),
)


def percent_facts(plan, thresholds) -> list[Fact]:
    from .plan_budget import supervision_as_base, workday_budget     # the budget's reading of T O X S K G R

    budget = workday_budget(plan)
    numerators = {"key": budget["K"], "general": budget["G"], "reserve": budget["R"], "supervision": budget["S"],
                  "other_enforcement": budget["O"], "non_enforcement": budget["X"]}
    bases = {"supervision": supervision_as_base(budget), "total": budget["T"]}
    facts = []
    for index, printed in enumerate(plan.workdays.percentages):
        fact = percent_fact(printed, numerators[printed.subject], bases, thresholds.percent_tolerance_units)
        if fact is not None:
            facts.append({"kind": "percent", "id": f"pct-{index + 1:02d}", "path": f"workdays.percentages[{index}]",
                          **fact})
    return facts


def percent_fact(printed, numerator, denominators: dict, tolerance: int) -> Fact | None:
    """The printed share against its base. Where the base is open, a share that matches S or
    T is fine, and one that matches neither is compared with both (WD010). Where S, an open
    share's likely base, can be had neither as printed nor from T − O − X, the base cannot
    be told, and a share checked against T alone would be an error resting on a guess."""
    bases = [printed.base] if printed.base else (
        ["supervision", "total"] if printed.subject in ("key", "general", "reserve") else ["total"])
    if printed.base is None and "supervision" in bases and denominators["supervision"] is None:
        return None
    candidates = []
    for base in bases:
        denominator = denominators[base]
        if numerator is None or not denominator or (base == "supervision" and printed.subject == "supervision"):
            continue
        candidates.append((percent_error(printed.value, Fraction(numerator) / Fraction(denominator)), base))
    if not candidates:
        return None
    nearest = min(candidates, key=lambda candidate: candidate[0][0])
    if nearest[0][0] <= tolerance:       # one base is clearly the one meant
        candidates = [nearest]
    compared = "，".join(f"按{BASE_ZH[base]}计算{'四舍五入' if off <= tolerance else ''}应为 {expected}"
                         for (off, expected), base in candidates)
    base_paths = [BY_WORKDAYS_FIELD[base].path for _, base in candidates]
    return {"subject_zh": BY_WORKDAYS_FIELD[printed.subject].name, "printed": f"{printed.value}%",
            "compared": compared, "expected": nearest[0][1], "off_units": nearest[0][0], "tolerance_units": tolerance,
            "subject_path": f"workdays.{printed.subject}", "base_path": base_paths[0], "other_base_path": base_paths[-1]}


def percent_error(printed: Decimal, ratio: Fraction) -> tuple[int, str]:
    """How many units of the printed last digit the printed percentage is off from the ratio
    correctly rounded (half up) to as many decimals, and that correct figure. Exact (fractions,
    not a 28-digit context); at most MAX_PERCENT_DECIMALS decimals and MAX_OFF_UNITS units."""
    decimals = min(max(0, -printed.as_tuple().exponent), MAX_PERCENT_DECIMALS)
    scale = 10 ** decimals
    expected_units = round_half_up(ratio * 100 * scale)
    if abs(printed) >= MAX_OFF_UNITS:     # "1e400%": as far off as can be said
        return MAX_OFF_UNITS, f"{Decimal(expected_units).scaleb(-decimals)}%"
    if printed.as_tuple().exponent < -MAX_PERCENT_DECIMALS - 2:    # forty decimals: two spare suffice
        printed = printed.quantize(Decimal(1).scaleb(-MAX_PERCENT_DECIMALS - 2))
    off = int(abs(Fraction(printed) * scale - expected_units))
    return min(off, MAX_OFF_UNITS), f"{Decimal(expected_units).scaleb(-decimals)}%"


def round_half_up(value: Fraction) -> int:
    """The nearest int, halves away from zero (Decimal's ROUND_HALF_UP)."""
    units = int(abs(value) + Fraction(1, 2))      # int() truncates: the floor of a positive
    return units if value >= 0 else -units

"""The plan fact's staff figures (ST001–ST004, and WD010 for the printed share of registered
staff counted)."""
from __future__ import annotations

from fractions import Fraction

from ..method import N
from .printed_percentages import percent_error
from .vocabulary import INTEGER, TEXT, Fact, count, derived, reference, words

FIELDS = (
    count("counted", N.title, N.path, N.unit),
    count("certified", "具有执法资格人数", "officers.certified", "人"),
    count("registered", "在编（在册）人数", "officers.registered", "人"),
    count("roster_count", "执法小组名单人数", "officers.roster_count", "人"),
    count("counted_x100", "N × 100", N.path, N.unit,
          note="a share compared cross-multiplied, N × 100 < registered × floor: a comparison's left side is one field"),
    count("group_sum", "各类人员相加", "officers.groups", "人"),
    words("groups_text", "各类人员及人数"),
    reference("staff_share_floor", "计入人数占在编人数的下限", INTEGER, "%", threshold="staff_share_floor"),
    reference("staff_share_tolerance", "百分比末位允许相差的单位数", INTEGER, threshold="percent_tolerance_units"),
    words("staff_share_printed", "所写计入人数占在编人数的百分比"),
    derived("staff_share_expected", "计入人数占在编人数的百分比（四舍五入）", "rounding half up to the printed "
            "decimals (GB/T 8170)", TEXT),
    derived("staff_share_off", "所写百分比末位相差的单位数", "the printed share against N ÷ registered rounded to as "
            "many decimals: rounding, which the engine has none of", INTEGER),
)


def staff_fields(plan, thresholds) -> Fact:
    o = plan.officers
    fact: Fact = {name: value for name, value in (("counted", o.counted), ("certified", o.certified),
                                                   ("registered", o.registered), ("roster_count", o.roster_count))
                  if value is not None}
    if o.counted is not None:
        fact["counted_x100"] = o.counted * 100
    if o.share is not None and o.counted is not None and o.registered:
        off, expected = percent_error(o.share, Fraction(o.counted, o.registered))
        fact.update(staff_share_printed=f"{o.share}%", staff_share_expected=expected, staff_share_off=off)
    if o.groups:
        fact["group_sum"] = sum(g.count for g in o.groups)
        fact["groups_text"] = " + ".join(f"{g.name} {g.count}" for g in o.groups)
    fact["staff_share_floor"] = thresholds.staff_share_floor
    fact["staff_share_tolerance"] = thresholds.percent_tolerance_units
    return fact

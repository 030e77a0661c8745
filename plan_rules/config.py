"""Thresholds and selection that users may change. Defaults follow RULES.md.

Every threshold rests on practice rather than verified text (RULES.md "Sources"), which is
why it is configurable.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

WorkdayPolicy = Literal["standard", "calendar", "either"]


@dataclass(frozen=True)
class Thresholds:
    # WD001: which per-person figure d is accepted: the method's 250, the calendar count, or
    # either of them (or the ministry's fixed figure).
    workday_policy: WorkdayPolicy = "either"
    # WD010: how many units of the last printed digit a percentage may be off before the
    # warning becomes an error (truncation or forced-to-100 rounding is one unit).
    percent_tolerance_units: int = 1
    # ST003: counted officers as a share of registered staff, in percent.
    staff_share_floor: int = 70
    # WD011: supervision days S as a share of the total T, in percent.
    supervision_share_floor: int = 10
    # WD012: whether half days (x.5) are accepted as workday figures.
    allow_half_days: bool = False


@dataclass(frozen=True)
class Config:
    thresholds: Thresholds = field(default_factory=Thresholds)
    select: tuple[str, ...] = ()      # codes or prefixes; empty means all
    ignore: tuple[str, ...] = ()
    severity_overrides: tuple[tuple[str, str], ...] = ()   # (code, severity name)

    def selects(self, code: str) -> bool:
        if code.startswith("IN001"):
            return True     # unreadable input is always reported (RULES.md IN001)
        if self.select and not any(code.startswith(prefix) for prefix in self.select):
            return False
        return not any(code.startswith(prefix) for prefix in self.ignore)

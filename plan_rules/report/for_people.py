"""What the human formats (text, table, html) show differently from the machine ones: errors
before warnings before notes, and the two workday lists swapped shown once as a swap.

A plan that files its ten 其他执法 items under 非执法 and its seven 非执法 items under 其他执法
has one mistake, not fourteen; the machine formats still give one WD003 per item (each item's
finding is its own), while people read one heading with the items beneath it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding, Severity

OTHER_ITEMS = "workdays.other_enforcement.items["
NON_ITEMS = "workdays.non_enforcement.items["
COLOURS = {Severity.error: "\033[1;31m", Severity.warning: "\033[33m", Severity.info: "\033[36m"}
RESET = "\033[0m"


@dataclass(frozen=True)
class Swap:
    """WD003 findings in both directions: items of each list that belong to the other."""
    items: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        return self.items[0]

    @property
    def severity(self) -> Severity:
        return max(f.severity for f in self.items)

    @property
    def message(self) -> str:
        other = sum(1 for f in self.items if f.field.startswith(OTHER_ITEMS))
        non = len(self.items) - other
        return (f"其他执法工作日与非执法工作日两类事项放反了：其他执法工作日下有 {other} 项属于非执法工作日，"
                f"非执法工作日下有 {non} 项属于其他执法工作日（共 {len(self.items)} 项，逐项如下）。")


def for_people(findings: list[Finding]) -> list[Finding | Swap]:
    """The findings errors first (each level in the order of the file), a swap in place of
    its first item."""
    ordered = by_severity(findings)
    swapped = tuple(f for f in ordered if is_misfiled(f))
    directions = {f.field.startswith(OTHER_ITEMS) for f in swapped}
    if directions != {True, False}:
        return list(ordered)
    members = {id(f) for f in swapped}
    entries: list[Finding | Swap] = []
    for finding in ordered:
        if finding is swapped[0]:
            entries.append(Swap(swapped))
        elif id(finding) not in members:
            entries.append(finding)
    return entries


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Errors, then warnings, then notes; each level in the order it came (the file's)."""
    return sorted(findings, key=lambda f: -f.severity)


def is_misfiled(finding: Finding) -> bool:
    return finding.code == "WD003" and finding.field.startswith((OTHER_ITEMS, NON_ITEMS))


def severity_word(severity: Severity, colour: bool) -> str:
    return f"{COLOURS[severity]}{severity.zh}{RESET}" if colour else severity.zh

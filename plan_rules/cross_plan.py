"""Checks that span plans of one batch (docs/rules/XP001.md, XP002.md).

XP001: the same unit is a key unit in plans of the same year from different issuers (150号
第四条: plans of different levels must not duplicate their objects). One finding per shared
unit, on the last plan by path that lists it, naming every other plan that lists it with its
issuer: linear in the plans (a finding per pair of plans made 1,999,000 warnings of 2,000
plans sharing five units). Units and issuers are compared by their identity (method/names.py:
full-width and half-width forms, spaces and brackets aside, case-folded). Plans without a
year or an issuer are left out: whether their issuers differ cannot be known.

XP002: the same file content (SHA-256) was submitted twice. One finding on each copy after
the first by path.

Each worker reduces a plan to its KeyUnitClaim, so that the batch need not ship whole plans
between processes; the batch gives each to AcrossPlans as it comes and keeps no other trace.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from .check import FileResult
from .findings import Finding, Severity
from .method.names import unit_identity
from .model import Plan


@dataclass(frozen=True)
class KeyUnitClaim:
    path: str
    year: int
    issuer: str
    units: tuple[str, ...]     # in list order: the index is the unit's place in key_inspections.units


def key_unit_claim(path: str, plan: Optional[Plan]) -> Optional[KeyUnitClaim]:
    if plan is None or plan.year is None or plan.issuer is None or not plan.key_inspections.units:
        return None
    return KeyUnitClaim(path, plan.year, plan.issuer.name, tuple(u.name for u in plan.key_inspections.units))


def cross_plan_findings(claims: Iterable[KeyUnitClaim], results: Iterable[FileResult]) -> list[Finding]:
    across = AcrossPlans()
    for claim in sorted(claims, key=lambda c: c.path):
        across.add_claim(claim)
    for result in sorted(results, key=lambda r: r.path):
        across.add_digest(result.path, result.digest)
    return across.findings()


class AcrossPlans:
    """XP001 and XP002 over plans given in path order, as a batch checks them, keeping as
    little as the two checks can be exact with (a batch keeps no plan, batch.py): per content
    digest its first path; per key unit the plan's claim, filed under the hash of the unit's
    identity. A unit held by one plan, almost every one, costs a dict entry; the identities
    are compared exactly, from the claims, only where two plans share a hash."""

    def __init__(self):
        self.holders: dict[int, dict[int, KeyUnitClaim | list[KeyUnitClaim]]] = {}   # year → hash → claim(s)
        self.first_with: dict[str, str] = {}                                        # digest → first path
        self.duplicates: list[Finding] = []

    def add_claim(self, claim: KeyUnitClaim) -> None:
        of_year = self.holders.setdefault(claim.year, {})
        for key in {hash(identity) for identity in first_indexes(claim)}:
            held = of_year.get(key)
            if held is None:
                of_year[key] = claim
            elif isinstance(held, list):
                held.append(claim)
            else:
                of_year[key] = [held, claim]

    def add_digest(self, path: str, digest: str) -> None:
        """XP002: one finding on each copy after the first by path."""
        if not digest:
            return
        original = self.first_with.setdefault(digest, path)
        if original != path:
            self.duplicates.append(Finding(code="XP002", severity=Severity.info, file=path,
                                           message=f"本文件与 {original} 内容完全相同（SHA-256 {digest[:12]}…），同一文件重复提交。"))

    def findings(self) -> list[Finding]:
        shared = [shared_unit_finding(holding) for of_year in self.holders.values()
                  for key, held in of_year.items() if isinstance(held, list)
                  for holding in holdings(held, key) if len({unit_identity(claim.issuer) for claim, _ in holding}) > 1]
        return sorted(shared + self.duplicates, key=lambda f: (f.file, f.code, f.message))


def first_indexes(claim: KeyUnitClaim) -> dict[str, int]:
    """Each unit identity the plan lists, with the index of its first row."""
    first: dict[str, int] = {}
    for index, name in enumerate(claim.units):
        first.setdefault(unit_identity(name), index)
    return first


def holdings(claims: list[KeyUnitClaim], key: int) -> list[list[tuple[KeyUnitClaim, int]]]:
    """The claims filed under one hash, grouped by the unit identity itself: (claim, row) per
    plan that lists the unit, in path order."""
    groups: dict[str, list[tuple[KeyUnitClaim, int]]] = {}
    for claim in claims:
        for identity, index in first_indexes(claim).items():
            if hash(identity) == key:
                groups.setdefault(identity, []).append((claim, index))
    return [group for group in groups.values() if len(group) > 1]


def shared_unit_finding(holding: list[tuple[KeyUnitClaim, int]]) -> Finding:
    (last, index), others = holding[-1], holding[:-1]
    plans = "、".join(f"{claim.path}（{claim.issuer}）" for claim, _ in others)
    return Finding(code="XP001", severity=Severity.warning, file=last.path, field=f"key_inspections.units[{index}]",
                   message=(f"“{last.units[index]}”同时列为本计划（{last.issuer}）和 {plans}"
                            f"的 {last.year} 年度重点检查单位；不同机关的计划不得重复确定检查对象。"))

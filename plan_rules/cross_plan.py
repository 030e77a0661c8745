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
between processes.
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
    findings = shared_key_units(claims) + duplicate_submissions(results)
    return sorted(findings, key=lambda f: (f.file, f.code, f.message))


def shared_key_units(claims: Iterable[KeyUnitClaim]) -> list[Finding]:
    holders: dict[tuple[int, str], list[tuple[KeyUnitClaim, int]]] = {}
    for claim in sorted(claims, key=lambda c: c.path):
        first_index: dict[str, int] = {}
        for index, name in enumerate(claim.units):
            first_index.setdefault(unit_identity(name), index)
        for name, index in first_index.items():
            holders.setdefault((claim.year, name), []).append((claim, index))
    return [shared_unit_finding(holding) for holding in holders.values()
            if len({unit_identity(claim.issuer) for claim, _ in holding}) > 1]


def shared_unit_finding(holding: list[tuple[KeyUnitClaim, int]]) -> Finding:
    (last, index), others = holding[-1], holding[:-1]
    plans = "、".join(f"{claim.path}（{claim.issuer}）" for claim, _ in others)
    return Finding(code="XP001", severity=Severity.warning, file=last.path, field=f"key_inspections.units[{index}]",
                   message=(f"“{last.units[index]}”同时列为本计划（{last.issuer}）和 {plans}"
                            f"的 {last.year} 年度重点检查单位；不同机关的计划不得重复确定检查对象。"))


def duplicate_submissions(results: Iterable[FileResult]) -> list[Finding]:
    """`results`: anything with a path and a digest (a FileResult; a batch keeps only those two,
    batch.Submission)."""
    first_with: dict[str, str] = {}
    findings = []
    for result in sorted(results, key=lambda r: r.path):
        if not result.digest:
            continue
        original = first_with.setdefault(result.digest, result.path)
        if original != result.path:
            findings.append(Finding(code="XP002", severity=Severity.info, file=result.path,
                                    message=f"本文件与 {original} 内容完全相同（SHA-256 {result.digest[:12]}…），同一文件重复提交。"))
    return findings

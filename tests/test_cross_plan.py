"""XP001 and XP002: what only a batch of plans can show."""
from __future__ import annotations

from pathlib import Path

from plan_rules.batch import run_batch
from plan_rules.check import FileResult
from plan_rules.config import Config
from plan_rules.cross_plan import KeyUnitClaim, cross_plan_findings, key_unit_claim
from plan_rules.findings import Severity
from plan_rules.model import Plan

CLEAN = Path(__file__).resolve().parent.parent / "fixtures" / "plans" / "clean-2021.yaml"


def claim(path: str, issuer: str, *units: str, year: int = 2021) -> KeyUnitClaim:
    return KeyUnitClaim(path, year, issuer, units)


def test_each_unit_in_two_plans_of_one_year_from_two_issuers_is_one_warning():
    findings = cross_plan_findings([
        claim("b.yaml", "乙县应急管理局", "甲化工有限公司", "丙钢铁有限公司"),
        claim("a.yaml", "甲市应急管理局", "丙钢铁有限公司", "甲化工有限公司"),
    ], [])
    assert [(f.code, f.severity, f.file, f.field) for f in findings] == [
        ("XP001", Severity.warning, "b.yaml", "key_inspections.units[1]"),
        ("XP001", Severity.warning, "b.yaml", "key_inspections.units[0]")]
    assert findings[0].message == ("“丙钢铁有限公司”同时列为本计划（乙县应急管理局）和 a.yaml（甲市应急管理局）"
                                   "的 2021 年度重点检查单位；不同机关的计划不得重复确定检查对象。")


def test_names_are_compared_without_width_spaces_or_case():
    (finding,) = cross_plan_findings([
        claim("a.yaml", "甲市应急管理局", "ABC（中国）化工有限公司"),
        claim("b.yaml", "乙县应急管理局", "abc (中国) 化工 有限公司"),
    ], [])
    assert finding.code == "XP001"


def test_the_same_issuer_another_year_or_a_unit_listed_twice_in_one_plan_is_not_xp001():
    assert cross_plan_findings([
        claim("a.yaml", "甲市应急管理局", "甲化工有限公司", "甲化工有限公司"),
        claim("b.yaml", "甲市 应急管理局", "甲化工有限公司"),
        claim("c.yaml", "乙县应急管理局", "甲化工有限公司", year=2022),
    ], []) == []


def test_units_whose_identities_share_a_hash_are_still_told_apart(monkeypatch):
    """AcrossPlans files units by the hash of their identity and compares the identities only
    where plans share a hash: with every hash equal, only the unit really shared is XP001."""
    from plan_rules import cross_plan

    monkeypatch.setattr(cross_plan, "hash", lambda identity: 0, raising=False)
    findings = cross_plan_findings([
        claim("a.yaml", "甲市应急管理局", "甲化工有限公司", "乙钢铁有限公司"),
        claim("b.yaml", "乙县应急管理局", "丙纸业有限公司", "乙钢铁有限公司", "丁建材有限公司"),
    ], [])
    assert [(f.file, f.field) for f in findings] == [("b.yaml", "key_inspections.units[1]")]


def test_plans_sharing_units_give_one_finding_a_unit_naming_every_other_plan():
    units = [f"第{i}化工有限公司" for i in range(5)]
    findings = cross_plan_findings([claim(f"{n}.yaml", f"{n}局", *units) for n in "cab"], [])
    assert [(f.file, f.field) for f in findings] == [("c.yaml", f"key_inspections.units[{i}]") for i in range(5)]
    assert all(f.message.startswith(f"“{unit}”同时列为本计划（c局）和 a.yaml（a局）、b.yaml（b局）的 2021 年度")
               for f, unit in zip(findings, units))


def test_plans_without_year_issuer_or_key_list_make_no_claim():
    plan = Plan.model_validate({"year": 2021, "issuer": {"name": "甲局"}})
    assert key_unit_claim("a.yaml", plan) is None
    assert key_unit_claim("a.yaml", Plan.model_validate({"issuer": {"name": "甲局"},
                                                          "key_inspections": {"units": [{"name": "甲公司"}]}})) is None
    assert key_unit_claim("a.yaml", None) is None


def test_the_same_content_twice_is_xp002_on_every_later_copy():
    results = [FileResult("c.yaml", digest="d1"), FileResult("a.yaml", digest="d1"),
               FileResult("b.yaml", digest="d1"), FileResult("x.yaml", digest="d2"), FileResult("unread.yaml")]
    findings = cross_plan_findings([], results)
    assert [(f.code, f.severity, f.file) for f in findings] == [
        ("XP002", Severity.info, "b.yaml"), ("XP002", Severity.info, "c.yaml")]
    assert findings[0].message == "本文件与 a.yaml 内容完全相同（SHA-256 d1…），同一文件重复提交。"


def test_cross_plan_findings_follow_selection_and_severity_overrides(tmp_path):
    text = CLEAN.read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text.replace("清河县应急管理局", "清河县安全生产委员会", 1), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    batch = run_batch([str(tmp_path)], Config(severity_overrides=(("XP001", "error"),)))
    assert [(f.code, f.severity, Path(f.file).name) for f in batch.cross_findings] == [
        *[("XP001", Severity.error, "c.yaml")] * 5, ("XP002", Severity.info, "c.yaml")]
    assert batch.cross_findings[0].title == "同一单位被两个机关列为同年重点检查单位"
    batch = run_batch([str(tmp_path)], Config(ignore=("XP001",)))
    assert [f.code for f in batch.cross_findings] == ["XP002"]

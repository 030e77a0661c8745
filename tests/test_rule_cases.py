"""Rule cases (fixtures/rules/<CODE>.yaml, plan_rules/rule_cases.py): every case yields
exactly its findings, through the durable_rules engine and the plain evaluator alike, under
its own settings; every engine rule has passing and failing cases, every check of a rule
fires in some failing case and in no passing one, and every threshold and profile changes
some case's findings."""
from __future__ import annotations

from dataclasses import fields

import pytest

from plan_rules.config import PROFILES, Thresholds
from plan_rules.rule_cases import TODAY, all_cases, case_config, check_case
from plan_rules.ruleset import load_rulebook
from plan_rules.facts import to_facts

RULEBOOK = load_rulebook()
KNOWN = {r.code for r in RULEBOOK.rules}
ENGINE_RULES = [r for r in RULEBOOK.rules if r.source == "engine"]
CASES = all_cases()
EVERY_CASE = [case for cases in CASES.values() for case in cases]
STATUS_WORDS = ("通过", "错误", "警告", "提示")


def summary(findings) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.severity.name, f.field) for f in findings)


@pytest.mark.parametrize("evaluator", ["engine", "python"])
@pytest.mark.parametrize("case", EVERY_CASE, ids=lambda case: case.id)
def test_case_yields_exactly_its_findings(case, evaluator, request):
    checker = request.getfixturevalue(f"{evaluator}_checker")
    assert summary(check_case(case, checker).findings) == sorted(case.findings)


@pytest.mark.parametrize("case", EVERY_CASE, ids=lambda case: case.id)
def test_case_is_named_for_what_it_shows_and_says_why(case):
    assert case.name.startswith(("pass", "fail")), case.id
    assert case.note.startswith(STATUS_WORDS) and case.note.startswith("通过") == case.passes, case.id
    codes = {code for code, _, _ in case.findings}
    assert (case.rule in codes) != case.passes, f"{case.id}: {sorted(codes)}"


def test_every_rule_but_the_batch_s_has_a_case_file_and_no_file_names_another():
    assert set(CASES) == {r.code for r in RULEBOOK.rules if r.source != "batch"}


def test_case_names_are_unique_within_a_rule():
    for code, cases in CASES.items():
        names = [case.name for case in cases]
        assert len(names) == len(set(names)), code


# --- coverage: every engine rule, every check, every threshold and profile -------------------

def fired_checks(case, checker) -> set[str]:
    """Names (CODE#n) of the checks that fire on a case: which check of a rule fired is not
    visible in the findings."""
    result = check_case(case, checker)
    assert result.plan is not None, case.id
    config = case_config(case, KNOWN)
    return {name for name, _ in checker.evaluate(to_facts(result.plan, config.thresholds, TODAY))}


@pytest.mark.parametrize("rule", ENGINE_RULES, ids=lambda r: r.code)
def test_every_check_fires_in_some_failing_case_and_in_no_passing_one(rule, python_checker):
    own = {c.name for c in rule.checks}
    fired_in_fail: set[str] = set()
    for case in CASES[rule.code]:
        fired = fired_checks(case, python_checker) & own
        if case.passes:
            assert not fired, f"{case.id} 是通过用例，却触发了 {sorted(fired)}"
        else:
            fired_in_fail |= fired
    assert fired_in_fail == own, f"{rule.code} 的检查 {sorted(own - fired_in_fail)} 没有失败用例"


def settings_used() -> list[dict]:
    return [case.settings for case in EVERY_CASE if case.settings]


@pytest.mark.parametrize("threshold", [f.name for f in fields(Thresholds)])
def test_every_threshold_has_a_case_that_sets_it(threshold):
    assert any(threshold.replace("_", "-") in s.get("thresholds", {}) or threshold in s.get("thresholds", {})
               for s in settings_used()), threshold


@pytest.mark.parametrize("profile", list(PROFILES))
def test_every_profile_has_a_case(profile):
    assert any(s.get("profile") == profile for s in settings_used()), profile


@pytest.mark.parametrize("case", [c for c in EVERY_CASE if c.settings], ids=lambda case: case.id)
def test_a_case_s_settings_change_its_findings(case, python_checker):
    """A case with settings shows what they do: without them, it yields other findings."""
    plain = type(case)(**{**case.__dict__, "settings": {}})
    assert summary(check_case(plain, python_checker).findings) != sorted(case.findings)


# --- IN001 inputs that no case can write ------------------------------------------------------

@pytest.mark.parametrize("evaluator", ["engine", "python"])
def test_non_utf8_bytes_are_unreadable_input(evaluator, request):
    checker = request.getfixturevalue(f"{evaluator}_checker")
    (case,) = [c for c in CASES["IN002"] if c.name == "pass"]
    data = case.input_bytes().decode("utf-8").encode("gbk")   # a plan saved as GBK by an old editor
    result = checker.check_bytes(data, "gbk.yaml", ".yaml", today=TODAY)
    assert summary(result.findings) == [("IN001", "error", "")]
    assert "UTF-8" in result.findings[0].message
    assert result.plan is None


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
@pytest.mark.parametrize("evaluator", ["engine", "python"])
def test_zero_byte_file_is_unreadable_input(evaluator, suffix, request):
    checker = request.getfixturevalue(f"{evaluator}_checker")
    result = checker.check_bytes(b"", f"empty{suffix}", suffix, today=TODAY)
    assert summary(result.findings) == [("IN001", "error", "")]
    assert "为空" in result.findings[0].message


# --- messages ---------------------------------------------------------------------------------

def only(code: str, name: str, checker):
    (case,) = [c for c in CASES[code] if c.name == name]
    (finding,) = [f for f in check_case(case, checker).findings if f.code == code]
    return finding


def test_wd001_error_message_names_each_accepted_figure_once(python_checker):
    finding = only("WD001", "fail-error", python_checker)
    assert "应为 250 日（" in finding.message and "之一" not in finding.message


def test_wd001_error_message_names_the_wrong_figure_and_the_policy(python_checker):
    finding = only("WD001", "fail-error", python_checker)
    assert "260 日" in finding.message and "（编制办法标准、当年日历或人社部折算）" in finding.message


def test_findings_carry_the_rule_title_and_basis(python_checker):
    finding = only("WD006", "fail", python_checker)
    rule = RULEBOOK.rule("WD006")
    assert (finding.title, finding.basis) == (rule.title, rule.basis)
    assert "800" in finding.message and "810" in finding.message


def test_wd012_message_shows_a_tiny_fraction_as_written(python_checker):
    (case,) = [c for c in CASES["WD012"] if c.name == "pass"]
    tiny = type(case)(**{**case.__dict__, "set": {"workdays.reserve": 0.00001}})
    wd012 = [f for f in check_case(tiny, python_checker).findings if f.code == "WD012"]
    assert len(wd012) == 1 and "0.00001" in wd012[0].message

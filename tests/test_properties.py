"""Properties over generated plans (tests/strategies.py):

(a) a consistent plan yields no finding but the WD001 info of years whose legal-day
    figures disagree;
(b) one targeted corruption of a consistent plan yields exactly the codes it should;
(c) the durable_rules engine and the plain evaluator agree on every plan (docs/architecture.md, "The engine");
(d) no input bytes make the checker raise: it answers with findings only.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plan_rules.facts import to_facts
from plan_rules.load import load_structured
from plan_rules.model import Plan
from plan_rules.match_findings import findings_from_matches
from plan_rules.ruleset import load_rulebook
from plan_rules.sourcemap import SourceMap

from strategies import (CORRUPTIONS, Corrupted, consistent_plans, corrupted_plans, expected_for_consistent,
                        json_values, wild_plans, yaml_punctuation)

TODAY = dt.date(2026, 11, 28)
KNOWN_CODES = {r.code for r in load_rulebook().rules}
INPUT_CODES = {"IN001", "IN002"}

# Each test stays within a few seconds so that the module runs well under 60 s.
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(checker, plan: dict):
    return checker.check_plan(Plan.model_validate(plan), SourceMap(), "generated.yaml", TODAY)


def codes(findings) -> list[tuple[str, str]]:
    return sorted((f.code, f.severity.name) for f in findings)


def full(findings) -> list[tuple]:
    return sorted((f.code, f.severity.name, f.field, f.message, f.line) for f in findings)


def dump(plan: dict, suffix: str) -> bytes:
    if suffix == ".json":
        return json.dumps(plan, ensure_ascii=False, indent=2).encode("utf-8")
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False).encode("utf-8")


# --- (a) consistent plans -----------------------------------------------------------------------

@FAST
@given(plan=consistent_plans())
def test_consistent_plan_yields_no_finding_but_the_wd001_info_of_its_year(plan, default_checker):
    assert codes(check(default_checker, plan)) == expected_for_consistent(plan)


@SLOW
@given(plan=consistent_plans(), suffix=st.sampled_from([".yaml", ".json"]))
def test_consistent_plan_checked_from_yaml_or_json_bytes_gives_the_same_result(plan, suffix, python_checker):
    result = python_checker.check_bytes(dump(plan, suffix), f"generated{suffix}", suffix, today=TODAY)
    assert codes(result.findings) == expected_for_consistent(plan)
    assert result.plan is not None


# --- (b) single targeted corruptions ------------------------------------------------------------

@pytest.mark.parametrize("kind", CORRUPTIONS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_single_corruption_yields_exactly_the_expected_codes(kind, data, default_checker):
    case: Corrupted = data.draw(corrupted_plans((kind,)))
    assert case.kind == kind
    assert codes(check(default_checker, case.plan)) == case.expected


# --- (c) engine and plain evaluator agree ---------------------------------------------------------
#
# The engine used to fire comparisons whose right-hand operand was missing; the adapter now
# guards every operand (engine.guard_operands), so every check is compared.

def compared_matches(checker, facts) -> list[tuple]:
    return sorted((name, tuple(f["id"] for _, f in bound)) for name, bound in checker.evaluate(facts))


@FAST
@given(plan=st.one_of(consistent_plans(), corrupted_plans().map(lambda c: c.plan), wild_plans()))
def test_engine_and_plain_evaluator_give_identical_findings(plan, engines, python_checker):
    facts = to_facts(Plan.model_validate(plan), python_checker.config.thresholds, TODAY)
    python = python_checker.evaluate(facts)
    rulebook = python_checker.rulebook
    expected = full(findings_from_matches(python, rulebook, SourceMap(), "g.yaml"))
    for engine_checker in engines:
        # The raw matches (rule and bound fact ids), then the findings rendered from them.
        assert compared_matches(engine_checker, facts) == compared_matches(python_checker, facts)
        assert full(findings_from_matches(engine_checker.evaluate(facts), rulebook, SourceMap(), "g.yaml")) == expected


CLEAN = (Path(__file__).resolve().parent.parent / "fixtures" / "plans" / "clean-2021.yaml").read_text(encoding="utf-8")
MISSING_OPERAND_CASES = {
    # check name: a plan on which the check reads a missing right-hand operand; the engine fired
    # these until the adapter guarded every operand with `$ex` (engine.guard_operands)
    "WD011#2": CLEAN.replace("  total: 2500\n", ""),                                    # S share of T, no T
    "ST002#1": CLEAN.replace("  certified: 10\n", "").replace("  counted: 10\n", "  counted: 0\n"),
    "GI002#2": "year: 2021\ngeneral_inspections: {units: []}\n",                          # list, no count
}


@pytest.mark.parametrize("check_name", sorted(MISSING_OPERAND_CASES))
def test_engine_does_not_fire_on_a_missing_right_hand_operand(check_name, engines, python_checker):
    loaded = load_structured(MISSING_OPERAND_CASES[check_name].encode("utf-8"), "case.yaml")
    facts = to_facts(loaded.plan, python_checker.config.thresholds, TODAY)
    for checker in (python_checker, *engines):
        assert check_name not in {name for name, _ in checker.evaluate(facts)}


# --- (d) arbitrary input never raises --------------------------------------------------------------

def assert_answers_with_findings_only(result):
    assert isinstance(result.findings, list)
    found = {f.code for f in result.findings}
    assert found <= KNOWN_CODES
    if found & INPUT_CODES:
        assert result.plan is None and found <= INPUT_CODES
    else:
        assert result.plan is not None


@FAST
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".yaml", ".json"]))
@example(data=b"\xff\xfe\x00y", suffix=".yaml")
@example(data=b"year: 2021\nyear: 2022\n", suffix=".yaml")
@example(data=b"a: &x [1]\nb: *x\n", suffix=".yaml")
@example(data=b'{"year": NaN}', suffix=".json")
@example(data=b'{"workdays": {"total": 1e400}}', suffix=".json")
@example(data=b'{"officers": {"counted": 100000000000000000000000}}', suffix=".json")
@example(data=b"[" * 500, suffix=".json")
def test_arbitrary_bytes_never_raise(data, suffix, python_checker):
    assert_answers_with_findings_only(python_checker.check_bytes(data, f"x{suffix}", suffix, today=TODAY))


@FAST
@given(text=yaml_punctuation, suffix=st.sampled_from([".yaml", ".json"]))
@example(text="!!python/object:os.system ls", suffix=".yaml")
@example(text="year: !!binary aGVsbG8=", suffix=".yaml")
@example(text="workdays: {total: .inf}", suffix=".yaml")
@example(text="year: 2021-02-30", suffix=".yaml")
def test_yaml_like_text_never_raises(text, suffix, python_checker):
    data = text.encode("utf-8")
    assert_answers_with_findings_only(python_checker.check_bytes(data, f"x{suffix}", suffix, today=TODAY))


@FAST
@given(value=json_values, suffix=st.sampled_from([".yaml", ".json"]))
def test_json_like_values_never_raise(value, suffix, python_checker):
    data = json.dumps(value, ensure_ascii=False).encode("utf-8")
    assert_answers_with_findings_only(python_checker.check_bytes(data, f"x{suffix}", suffix, today=TODAY))


@SLOW
@given(plan=consistent_plans(), suffix=st.sampled_from([".yaml", ".json"]), data=st.data())
def test_damaged_plan_text_never_raises_through_the_engine(plan, suffix, data, engine_checker):
    text = dump(plan, suffix)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    insert = data.draw(st.binary(max_size=8) | st.sampled_from([b"-", b": ", b"{", b"]", b"\n  ", b"-1", b"0.00001", b'"']))
    damaged = text[:start] + insert + text[end:]
    assert_answers_with_findings_only(engine_checker.check_bytes(damaged, f"x{suffix}", suffix, today=TODAY))

"""The durable_rules adapter keeps its guards (docs/architecture.md, "The engine")."""
import copy
from pathlib import Path

import pytest

from plan_rules.check import Checker
from plan_rules.engine import DurableEngine, EngineError, check_identities, fnv1a_32
from plan_rules.evaluator import evaluate
from plan_rules.ruleset import Check, load_rulebook
from plan_rules.findings import Severity

FIXTURES = Path(__file__).parent.parent / "fixtures" / "plans"


def test_private_engine_interface_is_still_there(durable):
    """The adapter calls these private names of durable-rules 2.0.28 directly (§6.3)."""
    import durable_rules_engine
    from durable import engine

    assert hasattr(engine.Host, "_run") and hasattr(engine.Ruleset, "do_actions")
    handle = durable_rules_engine.create_ruleset("contract_probe", '{"r": {"all": [{"m": {"kind": "x"}}]}}')
    result = durable_rules_engine.assert_facts(handle, '[{"id": "a", "sid": "1", "kind": "y"}]')
    assert isinstance(result, tuple) and len(result) == 2


def test_ids_whose_hashes_collide_are_both_evaluated(engine):
    """§3.6: these two ids hash alike, and the engine would silently drop the second fact; the
    second goes to the engine under another id and comes back under its own."""
    assert fnv1a_32("item-tmpsr9cr") == fnv1a_32("item-7lc39nld") == 0x86B2256F
    item = {"kind": "item", "path": "a", "label": "扶贫", "category": "x", "category_zh": "x",
            "position": 1, "has_days": True, "days": 5, "standard_code": "none"}
    facts = [{"kind": "plan", "id": "plan"}, {**item, "id": "item-tmpsr9cr"}, {**item, "id": "item-7lc39nld"}]
    subjects = sorted(bound[0][1]["id"] for name, bound in engine.evaluate(facts) if name == "WD004#1")
    assert subjects == ["item-7lc39nld", "item-tmpsr9cr"]


def test_duplicate_fact_ids_are_refused():
    with pytest.raises(EngineError, match="重复"):
        check_identities([{"id": "plan"}, {"id": "plan"}])


@pytest.fixture(scope="module")
def engine(durable):
    return DurableEngine(load_rulebook().engine_checks)


def test_equal_items_are_two_facts_not_one(engine):
    """§3.4: two identical line items must each be reported, not merged by content."""
    facts = [{"kind": "plan", "id": "plan"},
             {"kind": "item", "id": "item-o01", "path": "a", "label": "扶贫", "category": "x", "category_zh": "x",
              "position": 1, "has_days": True, "days": 5, "standard_code": "none"},
             {"kind": "item", "id": "item-o02", "path": "a", "label": "扶贫", "category": "x", "category_zh": "x",
              "position": 1, "has_days": True, "days": 5, "standard_code": "none"}]
    matches = [name for name, _ in engine.evaluate(facts)]
    assert matches.count("WD004#1") == 2


def test_memory_is_released_after_every_plan(engine):
    """§2.5: a ruleset holds at most 1,024 live sessions; delete_state after each plan keeps
    it from ever filling. 1,100 plans in a row must all be evaluated."""
    checker = Checker()
    plan_bytes = (FIXTURES / "lishan-2023.yaml").read_bytes()
    counts = {len(checker.check_bytes(plan_bytes, "p.yaml", ".yaml").findings) for _ in range(1100)}
    assert counts == {25}


def test_a_compliant_first_plan_does_not_crash_delete_state(durable):
    """§3.7: the sentinel rule fires for a plan that matches no other rule."""
    checker = Checker()
    clean = (FIXTURES / "clean-2021.yaml").read_bytes()
    for _ in range(50):
        assert checker.check_bytes(clean, "c.yaml", ".yaml").findings == []


@pytest.mark.parametrize("value", [1e-05, 2.5e-05, 1e+16 + 0.5, 2 ** 64])
def test_numbers_the_engine_would_mangle_are_refused(engine, value):
    """§2.7: exponent floats make the batch assert return a garbage handle; big ints saturate."""
    facts = [{"kind": "plan", "id": "plan"},
             {"kind": "figure", "id": "fig-001", "path": "x", "name_zh": "x", "value": value, "fraction_ok": False}]
    with pytest.raises(EngineError, match="超出引擎"):
        engine.evaluate(facts)


@pytest.mark.parametrize("value,expected", [(0.00001, 0), (0.5, 5000), (2500.3, 25003000), (1e10, 10 ** 14),
                                            (12.34567, 123457), (700.1, 7001000)])
def test_figures_are_carried_as_exact_ten_thousandths(value, expected):
    from plan_rules.facts.fixed_point import units
    assert units(value) == expected and type(units(value)) is int


def test_the_engine_subtracts_decimal_figures_exactly(durable):
    """2500.3 − 800.1 − 1000.1 is 700.1000000000003 in doubles; in ten-thousandths it is 700.1."""
    from plan_rules.facts.fixed_point import units
    when = {"all": [{"m": {"$and": [{"kind": "plan"},
                                    {"$neq": {"s": {"$sub": {"$l": {"$sub": {"$l": {"$m": "t"}, "$r": {"$m": "o"}}},
                                                             "$r": {"$m": "x"}}}}}]}}]}
    engine = DurableEngine([Check("T#1", Severity.error, when, "x", "")])
    fact = {"kind": "plan", "id": "plan", "t": units(2500.3), "o": units(800.1), "x": units(1000.1), "s": units(700.1)}
    assert engine.evaluate([fact]) == [] and evaluate(engine_checks_of(when), [fact]) == []


def engine_checks_of(when):
    return [Check("T#1", Severity.error, when, "x", "")]


def test_an_error_while_taking_matches_is_raised_and_does_not_crash_the_process(durable):
    """§3.11: the stock action path swallows exceptions into the session state; the adapter's
    own loop lets them through. The failed session is not deleted (§3.7: that aborts the
    process) and later plans are checked as before (§3.16)."""
    engine = DurableEngine([Check("T#1", Severity.error, {"all": [{"m": {"kind": "plan"}}]}, "x", "")])
    native = engine._native

    class Broken:
        def __getattr__(self, name):
            return getattr(native, name)

        def start_action_for_state(self, *args):
            raise RuntimeError("boom")

    engine._native = Broken()
    with pytest.raises(RuntimeError, match="boom"):
        engine.evaluate([{"kind": "plan", "id": "plan"}])
    engine._native = native
    for _ in range(1100):    # more than the 1,024 live sessions a ruleset holds
        assert [name for name, _ in engine.evaluate([{"kind": "plan", "id": "plan"}])] == ["T#1"]


def test_or_branches_give_one_match_as_in_the_plain_evaluator(engine):
    """The engine fires once per satisfied $or branch; the adapter keeps one. (2025 under the
    policy either: d = 248 is the ministry's, the calendar's and the announced figure.)"""
    rulebook = load_rulebook()
    facts = [{"kind": "plan", "id": "plan", "per_person": 2480000, "standard_days": 2500000, "ministry_days": 2480000,
              "calendar_days": 2480000, "announced_days": 2480000, "workday_policy": "either",
              "workday_policy_zh": "", "per_person_account": ""}]
    from_engine = [m[0] for m in engine.evaluate(copy.deepcopy(facts))]
    from_python = [m[0] for m in evaluate(rulebook.engine_checks, facts)]
    assert from_engine == from_python and from_engine.count("WD001#4") == 1


def test_without_durable_the_plain_evaluator_gives_the_same_findings_and_says_so():
    """docs/architecture.md, "The engine": where durable_rules cannot be imported (Python 3.13, no compiler) users get
    the same findings from the plain evaluator, with a note on stderr."""
    import os
    import subprocess
    import sys

    program = ("import sys; sys.modules['durable'] = None; sys.modules['durable_rules_engine'] = None; "
               "from plan_rules.cli import main; main()")
    by_default = {name: value for name, value in os.environ.items() if name != "PLAN_RULES_EVALUATOR"}
    result = subprocess.run([sys.executable, "-c", program, "check", "-f", "concise", str(FIXTURES / "lishan-2023.yaml")],
                            capture_output=True, env=by_default)
    expected = subprocess.run([sys.executable, "-m", "plan_rules", "check", "-f", "concise", str(FIXTURES / "lishan-2023.yaml")],
                              capture_output=True)
    assert result.returncode == expected.returncode == 1
    assert result.stdout == expected.stdout
    assert "改用等价的纯 Python 求值器" in result.stderr.decode("utf-8")

"""Per-rule fixtures (fixtures/rules/<CODE>/): every file yields exactly the findings its
expected.yaml lists, through the durable_rules engine and through the plain evaluator
alike; every engine rule has a passing and a failing fixture, and every check of a rule
fires in some failing fixture of its folder (fixtures/rules/README.md)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from plan_rules.facts import to_facts
from plan_rules.load import load_structured
from plan_rules.ruleset import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "rules"
CLEAN = ROOT / "fixtures" / "plans" / "clean-2021.yaml"
# MD001's upper bound is next year: a fixed "today" keeps the fixtures stable.
TODAY = dt.date(2026, 11, 28)
LOADER_RULES = ("IN001", "IN002")
STATUS_WORDS = ("通过", "错误", "警告", "提示")

RULEBOOK = load_rulebook()
ENGINE_RULES = [r for r in RULEBOOK.rules if r.source == "engine"]


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*/*")
                  if p.suffix in (".yaml", ".json") and p.name.startswith(("pass", "fail")))


def fixture_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def fixture_params():
    params = []
    for path in fixture_files():
        for evaluator in ("engine", "python"):
            params.append(pytest.param(path, evaluator, id=f"{fixture_id(path)}-{evaluator}"))
    return params


@lru_cache(maxsize=None)
def expected_of(folder: Path) -> dict:
    with (folder / "expected.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def summary(findings) -> list[tuple]:
    """Findings as comparable rows, in a canonical order (the report order is not the
    subject here)."""
    rows = [(f.code, f.severity.name, f.line, f.field) for f in findings]
    return sorted(rows, key=lambda r: (r[0], r[1], r[2] if r[2] is not None else -1, r[3]))


def expected_rows(entries: list[dict]) -> list[tuple]:
    rows = [(e["code"], e["severity"], e["line"], e["field"]) for e in entries]
    return sorted(rows, key=lambda r: (r[0], r[1], r[2] if r[2] is not None else -1, r[3]))


def check_file(checker, path: Path):
    return checker.check_bytes(path.read_bytes(), path.name, path.suffix, today=TODAY)


def fired_checks(checker, path: Path) -> set[str]:
    """Names (CODE#n) of the engine checks that fire on a fixture, straight from the
    evaluator: which check of a multi-check rule fired is not visible in the findings."""
    loaded = load_structured(path.read_bytes(), path.name)
    assert loaded.plan is not None, f"{fixture_id(path)} 无法载入：{[f.message for f in loaded.findings]}"
    facts = to_facts(loaded.plan, checker.config.thresholds, TODAY)
    return {name for name, _ in checker.evaluate(facts)}


# --- each fixture yields exactly its expected findings ---------------------------------------

@pytest.mark.parametrize(("path", "evaluator"), fixture_params())
def test_fixture_yields_exactly_the_expected_findings(path, evaluator, request):
    checker = request.getfixturevalue(f"{evaluator}_checker")
    expected = expected_of(path.parent)
    assert path.name in expected, f"{fixture_id(path)} 在 expected.yaml 中没有条目"
    assert summary(check_file(checker, path).findings) == expected_rows(expected[path.name])


@pytest.mark.parametrize("folder", sorted(p for p in FIXTURES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_expected_yaml_names_exactly_the_fixture_files_of_its_folder(folder):
    files = {p.name for p in fixture_files() if p.parent == folder}
    assert set(expected_of(folder)) == files


@pytest.mark.parametrize("path", [p for p in fixture_files() if p.suffix == ".yaml"], ids=fixture_id)
def test_yaml_fixture_opens_with_a_chinese_comment_saying_what_it_shows(path):
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# ") and first[2:].startswith(STATUS_WORDS), first
    assert first[2:].startswith("通过") == path.name.startswith("pass")


# --- coverage: every engine rule, every check ------------------------------------------------

@pytest.mark.parametrize("rule", ENGINE_RULES, ids=lambda r: r.code)
def test_engine_rule_has_a_pass_and_a_fail_fixture(rule):
    names = [p.name for p in fixture_files() if p.parent.name == rule.code]
    assert any(n.startswith("pass") for n in names), f"{rule.code} 没有 pass 夹具"
    assert any(n.startswith("fail") for n in names), f"{rule.code} 没有 fail 夹具"


@pytest.mark.parametrize("rule", ENGINE_RULES, ids=lambda r: r.code)
def test_every_check_of_the_rule_fires_in_some_fail_fixture_and_none_in_pass_fixtures(rule, python_checker):
    own = {c.name for c in rule.checks}
    fired_in_fail: set[str] = set()
    for path in (p for p in fixture_files() if p.parent.name == rule.code):
        fired = fired_checks(python_checker, path) & own
        if path.name.startswith("pass"):
            assert not fired, f"{fixture_id(path)} 是通过夹具，却触发了 {sorted(fired)}"
        else:
            assert fired, f"{fixture_id(path)} 是失败夹具，却没有触发 {rule.code}"
            fired_in_fail |= fired
    assert fired_in_fail == own, f"{rule.code} 的检查 {sorted(own - fired_in_fail)} 没有失败夹具"


@pytest.mark.parametrize("rule", ENGINE_RULES, ids=lambda r: r.code)
def test_expected_yaml_pins_the_rule_in_fail_fixtures_and_not_in_pass_fixtures(rule):
    for name, findings in expected_of(FIXTURES / rule.code).items():
        codes = {f["code"] for f in findings}
        assert (rule.code in codes) == name.startswith("fail"), f"{rule.code}/{name}: {sorted(codes)}"


@pytest.mark.parametrize("code", LOADER_RULES)
def test_loader_rule_has_fail_fixtures_for_each_kind_of_bad_input(code):
    names = {p.name for p in fixture_files() if p.parent.name == code}
    wanted = {"IN001": {"fail-yaml-syntax.yaml", "fail-json-syntax.json", "fail-comment-only.yaml"},
              "IN002": {"fail-unknown-key.yaml", "fail-wrong-type.yaml", "fail-negative-count.yaml",
                        "fail-missing-issuer-name.yaml"}}[code]
    assert wanted <= names


# --- IN001 inputs that are generated rather than committed -----------------------------------

@pytest.mark.parametrize("evaluator", ["engine", "python"])
def test_non_utf8_bytes_are_unreadable_input(evaluator, request):
    checker = request.getfixturevalue(f"{evaluator}_checker")
    data = CLEAN.read_text(encoding="utf-8").encode("gbk")   # a plan saved as GBK by an old editor
    result = checker.check_bytes(data, "gbk.yaml", ".yaml", today=TODAY)
    assert summary(result.findings) == [("IN001", "error", None, "")]
    assert "UTF-8" in result.findings[0].message
    assert result.plan is None


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
@pytest.mark.parametrize("evaluator", ["engine", "python"])
def test_zero_byte_file_is_unreadable_input(evaluator, suffix, request):
    checker = request.getfixturevalue(f"{evaluator}_checker")
    result = checker.check_bytes(b"", f"empty{suffix}", suffix, today=TODAY)
    assert summary(result.findings) == [("IN001", "error", None, "")]
    assert "为空" in result.findings[0].message


# --- messages --------------------------------------------------------------------------------

def test_wd001_error_message_names_each_accepted_figure_once(python_checker):
    result = check_file(python_checker, FIXTURES / "WD001" / "fail-error.yaml")
    (finding,) = result.findings
    assert "应为 250 日（" in finding.message and "之一" not in finding.message


def test_wd001_error_message_names_the_wrong_figure_and_the_policy(python_checker):
    (finding,) = check_file(python_checker, FIXTURES / "WD001" / "fail-error.yaml").findings
    assert "260 日" in finding.message and "（编制办法标准、当年日历或人社部折算）" in finding.message


def test_findings_carry_the_rule_title_and_basis(python_checker):
    (finding,) = check_file(python_checker, FIXTURES / "WD006" / "fail.yaml").findings
    rule = RULEBOOK.rule("WD006")
    assert (finding.title, finding.basis) == (rule.title, rule.basis)
    assert "800" in finding.message and "810" in finding.message


def test_wd012_message_shows_a_tiny_fraction_as_written(python_checker):
    text = CLEAN.read_text(encoding="utf-8").replace("  general: 210\n", "  general: 210\n  reserve: 0.00001\n")
    result = python_checker.check_bytes(text.encode("utf-8"), "tiny.yaml", ".yaml", today=TODAY)
    wd012 = [f for f in result.findings if f.code == "WD012"]
    assert len(wd012) == 1 and "0.00001" in wd012[0].message

"""The rulebook loads, its codes stay stable, and the linter stops unsafe rules and rules that
stray from the fact vocabulary at load time (docs/architecture.md, "Rules")."""
from pathlib import Path

import pytest

from plan_rules.rule_docs import pages
from plan_rules.ruleset import RULES_DIR, RuleError, load_rulebook, parse_rule

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


# Codes and their severities are fixed: users' configurations, exceptions and inline
# suppressions name them. A rule may be added, never renumbered or reused.
CODES = {
    "AP001": "W", "AP002": "W", "AP003": "W", "DC001": "E", "DC002": "I", "DC003": "W", "DC004": "W", "DC005": "I",
    "GI001": "W", "GI002": "E", "GI003": "W", "GI004": "E", "GI005": "E", "IN001": "E", "IN002": "E", "IN003": "W",
    "KI001": "E", "KI002": "W", "KI003": "E", "KI004": "E/I", "KI005": "E", "KI006": "E", "KI007": "E", "KI008": "E",
    "MD001": "E", "MD002": "W", "MD003": "I", "MD004": "I", "MD005": "W", "ST001": "E", "ST002": "E", "ST003": "W",
    "ST004": "W", "WD001": "E/I", "WD002": "E", "WD003": "E", "WD004": "W", "WD005": "E", "WD006": "E/W",
    "WD007": "E/W", "WD008": "E", "WD009": "E", "WD010": "W/E", "WD011": "E/W", "WD012": "E", "WD013": "E",
    "WD014": "E", "WD015": "I", "WD016": "I", "WD017": "E", "XP001": "W", "XP002": "I",
}


def test_rule_codes_and_their_severities_stay_as_users_know_them():
    assert {r.code: r.severity_letters for r in load_rulebook().rules} == CODES


def test_rule_files_are_ordered_and_unique():
    codes = [r.code for r in load_rulebook().rules]
    assert codes == sorted(codes) and len(codes) == len(set(codes))


def test_docs_are_generated_from_the_rules():
    """Regenerate with: python -m plan_rules.rule_docs docs/rules"""
    expected = pages(load_rulebook())
    committed = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    assert committed == expected


def rule_file(tmp_path, when, message="x", where="", code="ZZ001", slug="probe"):
    import yaml

    path = tmp_path / f"{code}-{slug}.yaml"
    data = {"code": code, "slug": slug, "title": "t", "severity": "error", "basis": "b", "why": "w",
            "checks": [{"severity": "error", "when": when, "message": message, "where": where}]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def parse(path):
    import yaml

    return parse_rule(yaml.safe_load(path.read_text(encoding="utf-8")), path, 0)


PLAN = {"kind": "plan"}


@pytest.mark.parametrize("when,error", [
    ({"all": [{"m": {"$nex": {"year": 1}}}]}, "须检验 kind"),                         # §3.10 loops forever
    ({"all": [{"m": {"$and": [PLAN, {"$gt": {"a": {"$div": {"$l": 1, "$r": {"$m": "b"}}}}}]}}]}, "右值引用"),  # §3.9
    ({"all": [{"m": {"$and": [PLAN, {"$mt": {"a": "x.*"}}]}}]}, "不支持的运算符"),    # §3.8
    ({"all": [{"m$not": PLAN}]}, "不用 \\$not"),                                       # §2.8
    ({"all": [{"m": PLAN}], "pri": 1}, "仅含 all"),
    ({"all": [{"m": {"$and": [PLAN, {"$neq": {"a": {"later": "b"}}}]}}, {"later": PLAN}]}, "未定义或位于其后"),
    ({"all": [{"m": {"$and": [PLAN, {"$lt": {"total": 1e16}}]}}]}, "须为整数"),
])
def test_linter_refuses_unsafe_conditions(tmp_path, when, error):
    with pytest.raises(RuleError, match=error):
        parse(rule_file(tmp_path, when))


def test_linter_refuses_a_message_naming_an_unknown_pattern(tmp_path):
    with pytest.raises(RuleError, match="没有名为 plan 的模式"):
        parse(rule_file(tmp_path, {"all": [{"m": PLAN}]}, message="{plan.total}"))


# --- the fact vocabulary -------------------------------------------------------------------

@pytest.mark.parametrize("when,message,error", [
    # a misspelt field would never match: refused
    ({"all": [{"m": {"$and": [PLAN, {"$neq": {"totl": {"$m": "supervision"}}}]}}]}, "x", "m.totl：plan（计划）事实没有声明此字段"),
    ({"all": [{"m": {"$and": [PLAN, {"$neq": {"total": {"$m": "supervison"}}}]}}]}, "x", "m.supervison"),
    ({"all": [{"m": {"$and": [PLAN, {"$ex": {"reserv": 1}}]}}]}, "x", "m.reserv"),
    ({"all": [{"m": PLAN}]}, "{m.totl}", "m.totl"),
    ({"all": [{"m": {"kind": "plans"}}]}, "x", "事实种类 'plans' 不存在"),
    # unlike values: days with people, a day figure with a number whose scale the rule cannot know
    ({"all": [{"m": {"$and": [PLAN, {"$neq": {"total": {"$m": "counted"}}}]}}]}, "x", "不能与"),
    ({"all": [{"m": {"$and": [PLAN, {"$lt": {"supervision": 10}}]}}]}, "x", "不能与"),
    ({"all": [{"m": {"$and": [PLAN, {"$neq": {"total": {"$mul": {"$l": {"$m": "per_person"}, "$r": {"$m": "key"}}}}}]}}]},
     "x", r"\$mul 不能作用于"),
    ({"all": [{"m": {"$and": [PLAN, {"$lt": {"issuer_name": "甲"}}]}}]}, "x", "不能与"),
])
def test_loader_refuses_what_the_fact_vocabulary_does_not_declare(tmp_path, when, message, error):
    with pytest.raises(RuleError, match=error):
        parse(rule_file(tmp_path, when, message=message, where="workdays.total"))


def test_a_finding_must_point_at_and_rest_on_plan_field_paths(tmp_path):
    when = {"all": [{"m": {"$and": [PLAN, {"$lte": {"supervision": 0}}]}}]}
    with pytest.raises(RuleError, match="不是计划的字段路径"):
        parse(rule_file(tmp_path, when, where="workdays.supervison"))
    path = rule_file(tmp_path, when, where="workdays.supervision")
    import yaml
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["checks"][0]["rests_on"] = ["{m.total}"]
    with pytest.raises(RuleError, match="不是路径字段"):
        parse_rule(data, path, 0)


def test_a_computed_value_is_typed_by_its_operands(tmp_path):
    import yaml
    n_times_d = {"$mul": {"$l": {"$m": "counted"}, "$r": {"$m": "per_person"}}}
    path = rule_file(tmp_path, {"all": [{"m": {"$and": [PLAN, {"$neq": {"total": n_times_d}}]}}]},
                     message="应为 {expected} 日", where="workdays.total")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["checks"][0]["compute"] = {"expected": n_times_d}
    (check,) = parse_rule(data, path, 0).checks
    assert check.compute == (("expected", n_times_d, "decimal"),)


def test_file_name_must_be_code_and_slug(tmp_path):
    path = rule_file(tmp_path, {"all": [{"m": PLAN}]})
    path = path.rename(tmp_path / "ZZ001-other.yaml")
    with pytest.raises(RuleError, match="文件名"):
        parse(path)


def test_a_valid_probe_rule_parses(tmp_path):
    rule = parse(rule_file(tmp_path, {"all": [{"m": {"$and": [PLAN, {"$neq": {"total": {"$m": "supervision"}}}]}}]},
                           message="{m.total}", where="workdays.total"))
    assert [c.name for c in rule.checks] == ["ZZ001#1"]


def test_rules_folder_is_found():
    assert RULES_DIR.is_dir() and len(list(RULES_DIR.glob("*.yaml"))) == len(load_rulebook().rules)


# --- rules carry their comparisons ------------------------------------------------------------

def test_at_least_three_in_five_checks_compare_the_plan_s_figures_in_the_rule_itself(capsys):
    """`python -m plan_rules.rule_fields` prints the same share."""
    from plan_rules.rule_fields import share_of_checks_comparing_figures
    comparing, total = share_of_checks_comparing_figures(load_rulebook())
    with capsys.disabled():
        print(f"\nchecks comparing the plan's figures in the rule: {comparing}/{total} ({comparing / total:.0%})")
    assert comparing / total >= 0.6


@pytest.mark.parametrize("check,compares", [
    ("WD002#1", True),     # T ≠ N × d, in the rule
    ("WD008#1", True),     # S ≠ T − O − X
    ("WD016#1", True),     # leave < N × 5 days (the law's figure, a reference)
    ("WD001#3", True),     # d against the year's figures under the policy
    ("KI006#1", True),     # fewer than two officers
    ("WD010#1", False),    # off_units: rounding, which only Python does
    ("GI002#1", False),    # ceil(pool × ratio): rounding again
    ("WD003#1", False),    # a label's meaning: text matching
    ("AP001#1", False),    # evidence of approval: a flag
])
def test_a_check_compares_figures_when_its_comparison_reads_only_plan_figures_and_what_they_are_held_to(check, compares):
    from plan_rules.rule_fields import compares_plan_figures
    _, found = load_rulebook().check(check)
    assert compares_plan_figures(found.when) is compares

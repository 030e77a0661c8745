"""The rulebook loads, agrees with RULES.md, and the linter stops unsafe rules at load time
(ENGINE.md §6.7)."""
import re
from pathlib import Path

import pytest

from plan_rules.rule_docs import pages
from plan_rules.ruleset import RULES_DIR, RuleError, load_rulebook, parse_rule

RULES_MD = Path(__file__).resolve().parent.parent.parent / "shared" / "RULES.md"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def rules_md_catalogue() -> dict[str, str]:
    rows = re.findall(r"^\| ([A-Z]{2}\d{3}) \| ([EWI/]+) \|", RULES_MD.read_text(encoding="utf-8"), re.M)
    return dict(rows)


@pytest.mark.skipif(not RULES_MD.exists(), reason="../shared/RULES.md is not beside this checkout")
def test_every_rules_md_code_is_a_rule_with_its_severities():
    rulebook = load_rulebook()
    for code, letters in rules_md_catalogue().items():
        rule = rulebook.get(code)
        assert rule is not None, code
        # KI004 is listed as E; its row says a written justification turns it into I.
        assert set(letters.split("/")) <= set(rule.severity_letters.split("/")), code


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
    ({"all": [{"m": {"$and": [PLAN, {"$lt": {"a": 1e16}}]}}]}, "小数部分"),
])
def test_linter_refuses_unsafe_conditions(tmp_path, when, error):
    with pytest.raises(RuleError, match=error):
        parse(rule_file(tmp_path, when))


def test_linter_refuses_a_message_naming_an_unknown_pattern(tmp_path):
    with pytest.raises(RuleError, match="未对应任何模式"):
        parse(rule_file(tmp_path, {"all": [{"m": PLAN}]}, message="{plan.total}"))


def test_file_name_must_be_code_and_slug(tmp_path):
    path = rule_file(tmp_path, {"all": [{"m": PLAN}]})
    path = path.rename(tmp_path / "ZZ001-other.yaml")
    with pytest.raises(RuleError, match="文件名"):
        parse(path)


def test_a_valid_probe_rule_parses(tmp_path):
    rule = parse(rule_file(tmp_path, {"all": [{"m": {"$and": [PLAN, {"$neq": {"a": {"$m": "b"}}}]}}]}, message="{m.a}"))
    assert [c.name for c in rule.checks] == ["ZZ001#1"]


def test_rules_folder_is_found():
    assert RULES_DIR.is_dir() and len(list(RULES_DIR.glob("*.yaml"))) == len(load_rulebook().rules)

"""The messages reviewed as a whole: numbers spaced alike, no sentence that repeats itself,
rule pages without template placeholders, and arithmetic findings that carry the figure the
plan should have printed, as a field of JSON and SARIF."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from plan_rules.cli import main
from plan_rules.rule_docs import rule_page
from plan_rules.ruleset import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "plans" / "lishan-2023.yaml"
TAOYUAN = ROOT / "fixtures" / "documents" / "taoyuan-2026.docx"
XISHAN = ROOT / "fixtures" / "documents" / "xishan-2024.pdf"
RULEBOOK = load_rulebook()


def run(*args) -> str:
    return CliRunner().invoke(main, list(args)).stdout


def messages(path: Path, *args: str) -> dict[str, list[str]]:
    document = json.loads(run("check", "-f", "json", *args, str(path)))
    found: dict[str, list[str]] = {}
    for finding in document["files"][0]["findings"]:
        found.setdefault(finding["code"], []).append(finding["message"])
    return found


def test_no_rule_page_shows_a_template_placeholder():
    """Every placeholder names a declared field (the rule loader refuses others) and the pages
    name it by the field's Chinese label."""
    for rule in RULEBOOK.rules:
        assert "{" not in rule_page(rule), rule.code


def test_explain_shows_an_example_with_the_message_it_really_produces_and_what_to_write_instead():
    page = run("explain", "WD008")
    example = page[page.index("## 示例"):page.index("## 应写为")]
    assert "  supervision: 710\n" in example
    assert "> 错误：监督检查工作日写为 710 日，应为 2500 − 800 − 1000 = 700 日。" in example
    assert "  supervision: 700\n" in page[page.index("## 应写为"):page.index("## 读取的字段")]


def test_explain_lists_the_fields_a_rule_reads_and_the_options_that_change_it():
    page = run("explain", "WD011")
    fields = page[page.index("## 读取的字段"):page.index("## 选项")]
    for name in ("`plan.supervision`", "`plan.supervision_x100`", "`plan.total`", "`plan.supervision_share_floor`"):
        assert name in fields
    assert "- `thresholds.supervision_share_floor`：默认 10。" in page[page.index("## 选项"):]


def test_explain_wd003_names_its_placeholders_in_chinese():
    assert "“〈事项名称〉”列在〈所列类别〉第 〈序号〉 项，但它是〈编制办法所列的对应事项〉，应列入〈应属类别〉。" in run("explain", "WD003")


def test_numbers_in_messages_are_spaced_alike():
    found = messages(SEED)
    assert found["WD003"][0] == ("“机关值班”列在其他执法工作日第 1 项，但它是编制办法所列非执法工作日第 1 项“机关值班”，"
                                 "应列入非执法工作日。")
    for message in (m for listed in found.values() for m in listed):
        assert not re.search(r"第\d+项", message), message


def test_a_duplicate_item_is_named_once():
    (wd005,) = messages(TAOYUAN)["WD005"]
    assert wd005 == "“机关值班（节假日）”（非执法工作日第 6 项）与非执法工作日第 1 项“机关值班”是同一事项，重复计算。"


def test_a_duplicate_of_another_wording_names_the_standard_item(tmp_path):
    plan = (SEED.read_text(encoding="utf-8").replace("label: 机关值班", "label: 节假日值班")
            .replace("label: 参加党群活动", "label: 机关值班"))
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (wd005,) = messages(tmp_path / "plan.yaml")["WD005"]
    assert wd005 == ("“机关值班”（其他执法工作日第 4 项）与其他执法工作日第 1 项“节假日值班”"
                     "同属编制办法所列非执法工作日第 1 项“机关值班”，重复计算。")


def test_a_profile_s_policy_is_said_in_chinese_with_one_figure():
    (wd001,) = messages(SEED, "--profile", "jiangsu")["WD001"]
    assert wd001 == ("人均法定工作日写为 249 日，按所设口径（编制办法标准）应为 250 日"
                     "（编制办法标准 250 日，2023 年日历 249 日，人社部折算 250 日）。")


def test_rules_explains_its_severity_letters():
    assert "级别：E 错误，W 警告，I 提示；写作 E/I 的规则按情形报告其中一级" in run("rules")


@pytest.mark.parametrize("path,code,expected", [(SEED, "WD006", 1458), (XISHAN, "WD009", 765), (XISHAN, "WD006", 1510)])
def test_arithmetic_findings_carry_the_expected_figure_in_json_and_sarif(path, code, expected):
    document = json.loads(run("check", "-f", "json", str(path)))
    (finding,) = [f for f in document["files"][0]["findings"] if f["code"] == code]
    assert finding["expected"] == expected
    (sarif_run,) = json.loads(run("check", "-f", "sarif", str(path)))["runs"]
    (result,) = [r for r in sarif_run["results"] if r["ruleId"] == code]
    assert result["properties"]["expected"] == expected


def test_findings_that_are_not_arithmetic_carry_no_expected_figure():
    document = json.loads(run("check", "-f", "json", str(SEED)))
    assert all("expected" not in f for f in document["files"][0]["findings"] if f["code"] in ("AP001", "WD003", "DC003"))


def test_json_gives_a_document_place_as_named_numbers():
    findings = json.loads(run("check", "-f", "json", str(TAOYUAN)))["files"][0]["findings"]
    wd005 = next(f for f in findings if f["code"] == "WD005")
    assert (wd005["line"], wd005["column"], wd005["where"]) == (42, 1, "表格 1 第 7 行第 3 列")
    assert wd005["place"] == {"kind": "table_cell", "table": 1, "row": 7, "column": 3}
    assert next(f for f in findings if f["code"] == "WD003")["place"] == {"kind": "paragraph", "paragraph": 12}
    ap001 = next(f for f in findings if f["code"] == "AP001")
    assert (ap001["line"], ap001["column"], ap001["place"]) == (1, 1, {"kind": "file"})
    pdf = json.loads(run("check", "-f", "json", str(XISHAN)))["files"][0]["findings"]
    assert next(f for f in pdf if f["code"] == "WD009")["place"] == {"kind": "page_line", "page": 1, "line": 32}

"""The report formats: what each promises to the program or person that reads it."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from plan_rules.batch import Batch, run_batch
from plan_rules.check import FileResult
from plan_rules.cli import main
from plan_rules.findings import Finding, Severity
from plan_rules.report import FORMATS, NEEDS_PLANS, render
from plan_rules.report.github import annotation
from plan_rules.ruleset import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "plans" / "lishan-2023.yaml"
CLEAN = ROOT / "fixtures" / "plans" / "clean-2021.yaml"
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
RULEBOOK = load_rulebook()
WD006_MESSAGE = "其他执法工作日所列合计为 1456 日，各分项相加为 1458 日，两者不符。"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The seed, a clean plan, an unbalanced one with a hostile issuer name, a broken file."""
    out = tmp_path_factory.mktemp("formats")
    (out / "lishan.yaml").write_bytes(SEED.read_bytes())
    (out / "clean.yaml").write_bytes(CLEAN.read_bytes())
    unbalanced = (CLEAN.read_text(encoding="utf-8")
                  .replace("stated_total: 800", "stated_total: 802")
                  .replace("key: 490", "key: 480")
                  .replace("name: 清河县应急管理局", "name: '<script>alert(1)</script>清河县&局'"))
    (out / "a&b<1>.yaml").write_text(unbalanced, encoding="utf-8")
    (out / "broken.yaml").write_text("year: [\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def batch(folder) -> Batch:
    return run_batch([str(folder)], keep_plans=True)


def finding_line(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


def test_every_format_is_registered_and_renders(batch):
    assert set(FORMATS) == {"text", "concise", "table", "json", "sarif", "github", "junit", "csv", "html"}
    for name in FORMATS:
        assert render(name, batch, RULEBOOK)


# ---- SARIF -----------------------------------------------------------------------------

def test_sarif_is_valid_against_the_official_2_1_0_schema(batch):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(render("sarif", batch, RULEBOOK))
    jsonschema.validators.validator_for(schema)(schema).validate(document)


def test_sarif_describes_every_rule_from_the_rulebook(batch):
    (run,) = json.loads(render("sarif", batch, RULEBOOK))["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULEBOOK.rules]
    wd006 = next(r for r in rules if r["id"] == "WD006")
    rule = RULEBOOK.rule("WD006")
    assert (wd006["name"], wd006["shortDescription"]["text"], wd006["fullDescription"]["text"]) == (
        rule.slug, rule.title, rule.why)
    assert wd006["defaultConfiguration"] == {"level": "error"} and wd006["help"]["markdown"].startswith("# WD006")


def test_sarif_results_point_at_file_line_and_column(batch, folder):
    (run,) = json.loads(render("sarif", batch, RULEBOOK))["runs"]
    assert len(run["results"]) == len(batch.all_findings)
    result = next(r for r in run["results"] if r["ruleId"] == "WD006" and "1456" in r["message"]["text"])
    assert result["level"] == "error" and result["message"]["text"] == WD006_MESSAGE
    assert run["results"].index(result) >= 0 and RULEBOOK.rules[result["ruleIndex"]].code == "WD006"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": (folder / "lishan.yaml").as_uri()},
        "region": {"startLine": 25, "startColumn": 5}}
    assert next(r for r in run["results"] if r["ruleId"] == "AP001")["level"] == "warning"
    assert next(r for r in run["results"] if r["ruleId"] == "WD001")["level"] == "note"


def test_sarif_relative_paths_stay_relative_and_are_percent_encoded():
    from plan_rules.report.sarif import artifact_uri

    assert artifact_uri("计划/东城区 2023.yaml") == "%E8%AE%A1%E5%88%92/%E4%B8%9C%E5%9F%8E%E5%8C%BA%202023.yaml"


# ---- GitHub ------------------------------------------------------------------------------

def test_github_annotations_carry_file_line_title_and_message(batch, folder):
    text = render("github", batch, RULEBOOK)
    assert finding_line(text, "1456") == (
        f"::error file={folder / 'lishan.yaml'},line=25,col=5,title=WD006 其他执法工作日分项之和与合计不符::{WD006_MESSAGE}")
    assert finding_line(text, "AP002").startswith(f"::warning file={folder / 'lishan.yaml'},line=1,col=1,title=AP002 ")
    assert finding_line(text, "WD001").startswith("::notice ")
    assert len(text.splitlines()) == len(batch.all_findings)


def test_github_annotations_escape_what_would_break_the_command():
    finding = Finding("WD006", Severity.error, "100% 不符\n第二行", file="a,b:c.yaml", line=3, title="标题")
    assert annotation(finding) == "::error file=a%2Cb%3Ac.yaml,line=3,col=1,title=WD006 标题::100%25 不符%0A第二行"


def test_github_is_the_default_inside_github_actions(folder):
    result = CliRunner(env={"GITHUB_ACTIONS": "true"}).invoke(main, ["check", str(folder / "lishan.yaml")])
    assert result.stdout.startswith("::notice file=") and result.exit_code == 1
    result = CliRunner(env={"GITHUB_ACTIONS": "true"}).invoke(main, ["check", "-f", "concise", str(folder / "lishan.yaml")])
    assert not result.stdout.startswith("::")


# ---- JUnit -------------------------------------------------------------------------------

def test_junit_has_one_case_per_file_failing_on_errors(batch, folder):
    root = ET.fromstring(render("junit", batch, RULEBOOK))
    (suite,) = root
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {str(folder / n) for n in ("a&b<1>.yaml", "broken.yaml", "clean.yaml", "lishan.yaml")} | {"跨计划检查"}
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "2", "1")
    seed = cases[str(folder / "lishan.yaml")]
    assert seed.find("failure").get("message") == "15 条错误" and seed.find("failure").get("type") == "WD006"
    assert "AP001 [警告]" in seed.find("system-out").text
    assert cases[str(folder / "broken.yaml")].find("error").get("type") == "IN001"
    assert len(cases[str(folder / "clean.yaml")]) == 0


# ---- CSV ---------------------------------------------------------------------------------

def test_csv_is_one_row_a_finding_with_a_bom_for_excel(batch, folder, tmp_path):
    out = tmp_path / "report.csv"
    CliRunner().invoke(main, ["check", "-f", "csv", "-o", str(out), str(folder)])
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["文件", "行", "列", "位置", "规则", "级别", "名称", "说明", "字段", "依据"]
    assert len(rows) == 1 + len(batch.all_findings)
    row = next(r for r in rows if r[7] == WD006_MESSAGE)
    assert row[:8] == [str(folder / "lishan.yaml"), "25", "5", "", "WD006", "错误", "其他执法工作日分项之和与合计不符", WD006_MESSAGE]
    assert row[8] == "workdays.other_enforcement.stated_total"


def test_csv_cells_cannot_become_formulas():
    finding = Finding("WD004", Severity.warning, "=HYPERLINK(\"http://x\")", file="-a.yaml", title="@t")
    rows = list(csv.reader(io.StringIO(render("csv", Batch([FileResult("-a.yaml", [finding])]), RULEBOOK)[1:])))
    assert rows[1][0] == "'-a.yaml" and rows[1][6] == "'@t" and rows[1][7] == "'=HYPERLINK(\"http://x\")"


# ---- HTML --------------------------------------------------------------------------------

def test_html_is_self_contained(batch):
    page = render("html", batch, RULEBOOK)
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") == 3
    for external in ("<script", "<link", "src=", "url(", "http://", "https://"):
        assert external not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_html_escapes_what_plans_and_file_names_contain(batch):
    page = render("html", batch, RULEBOOK)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;清河县&amp;局" in page
    assert "a&amp;b&lt;1&gt;.yaml" in page and "a&b<1>" not in page


def test_html_marks_the_sums_the_rules_found_wrong(batch, folder):
    """The chart checks nothing itself: it outlines the lines whose sum WD008 and WD009 found
    wrong, with the figure each rule says the plan should have printed, and lists their findings."""
    page = render("html", batch, RULEBOOK)
    section = page[page.index(f"<h2>{folder}/a&amp;b&lt;1&gt;.yaml</h2>"):]
    section = section[:section.index("</section>")]
    assert section.count('class="mismatch"') == 2
    assert "WD008：S 应为 698</text>" in section and "WD009：K 应为 490</text>" in section
    assert "<li>WD008：监督检查工作日写为 700 日，应为 2500 − 802 − 1000 = 698 日。</li>" in section
    seed = page[page.index(f"<h2>{folder}/lishan.yaml</h2>"):]
    assert "未发现 T = N × d、T = O + X + S、S = K + G（+ R）的问题" in seed[:seed.index("</section>")]


def test_the_chart_draws_the_figures_as_the_facts_read_them(python_checker):
    """O is its items' sum where the plan states no total, as the facts read it; decimals are
    drawn as written."""
    from plan_rules.model import Plan
    from plan_rules.report.budget_chart import budget_svg

    plan = Plan.model_validate({"officers": {"counted": 12}, "workdays": {
        "per_person": 249, "total": 2998, "other_enforcement": {"items": [{"label": "许可", "days": 100}]},
        "non_enforcement": {"stated_total": 98}, "supervision": 2800, "key": 2000, "general": 700, "reserve": 100.5}})
    svg = budget_svg(plan, [])
    assert 'aria-label="工作日测算：T 2998，O 100，X 98，S 2800，K 2000，G 700，R 100.5"' in svg
    assert 'class="mismatch"' not in svg


def test_only_the_html_format_keeps_plans():
    assert NEEDS_PLANS == {"html"}
    assert run_batch([str(CLEAN)]).results[0].plan is None


# ---- Output channels ---------------------------------------------------------------------

def test_output_is_utf8_even_where_the_terminal_is_gbk(tmp_path):
    plan = tmp_path / "𠮷县.yaml"      # 𠮷 is not in GBK
    plan.write_bytes(SEED.read_bytes())
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "plan_rules", "check", "-f", "concise", str(plan)],
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stdout.decode("utf-8").splitlines()[0].startswith(f"{plan}:22:3: WD001 [提示]")
    assert done.stderr.decode("utf-8").startswith("共检查 1 个文件")


def test_an_existing_output_file_is_kept_without_force(tmp_path):
    out = tmp_path / "report.json"
    out.write_text("用户自己的文件", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "-f", "json", "-o", str(out), str(CLEAN)])
    assert result.exit_code == 2 and result.stderr == f"plan-rules: {out} 已存在；如要覆盖请加 --force\n"
    assert out.read_text(encoding="utf-8") == "用户自己的文件"
    result = CliRunner().invoke(main, ["check", "-f", "json", "-o", str(out), "--force", str(CLEAN)])
    assert result.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 1

"""The commands a user types: exit codes, and nothing of theirs overwritten unasked."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plan_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "fixtures" / "plans" / "lishan-2023.yaml")
CLEAN = str(ROOT / "fixtures" / "plans" / "clean-2021.yaml")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_clean_plan_exits_0():
    assert run("check", CLEAN).exit_code == 0


def test_errors_exit_1():
    assert run("check", SEED).exit_code == 1


@pytest.mark.parametrize("fail_on,code", [("never", 0), ("error", 1), ("warning", 1)])
def test_fail_on_sets_the_threshold(fail_on, code):
    assert run("check", "--fail-on", fail_on, SEED).exit_code == code


def test_ignoring_every_error_rule_exits_0_on_the_seed():
    result = run("check", "--ignore", "WD003,WD006", SEED)
    assert result.exit_code == 0 and "WD003" not in result.stdout and "WD010" in result.stdout


def test_select_by_prefix():
    result = run("check", "-f", "concise", "--select", "WD01", SEED)
    assert {line.split(": ")[1].split()[0] for line in result.stdout.splitlines()} == {"WD010", "WD011"}


def test_unknown_code_is_a_usage_error():
    result = CliRunner().invoke(main, ["check", "--ignore", "ZZ999", SEED])
    assert result.exit_code == 2 and "ZZ999" in result.stderr


def test_unreadable_file_exits_1_with_a_one_line_finding(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("year: [\n", encoding="utf-8")
    result = run("check", "-f", "concise", str(broken))
    assert result.exit_code == 1
    assert result.stdout.strip().endswith("broken.yaml:2:1: IN001 [错误] YAML 语法错误：此处缺少内容（括号或引号未闭合？）")
    assert "IN001" in result.stdout and "Traceback" not in result.stdout


def test_json_output_is_machine_readable():
    document = json.loads(run("check", "-f", "json", SEED).stdout)
    assert document["summary"]["error"] == 15 and len(document["files"][0]["findings"]) == 25


def test_rules_lists_every_code():
    rows = json.loads(run("rules", "-f", "json").output)
    assert {"IN001", "WD003", "XP002"} <= {r["code"] for r in rows}


def test_explain_prints_why_and_basis():
    output = run("explain", "wd006").output
    assert output.startswith("# WD006") and "## 为什么" in output and "150号" in output


def test_explain_unknown_code_exits_2():
    assert CliRunner().invoke(main, ["explain", "ZZ001"]).exit_code == 2


def test_schema_has_chinese_titles_and_forbids_unknown_keys():
    schema = json.loads(run("schema").output)
    assert schema["title"] == "安全生产年度监督检查计划" and schema["additionalProperties"] is False
    assert schema["$defs"]["Workdays"]["properties"]["total"]["title"] == "总法定工作日 T"


def test_init_writes_a_template_that_checks_without_errors(tmp_path):
    target = tmp_path / "plan.yaml"
    assert run("init", str(target)).exit_code == 0
    result = run("check", "-f", "concise", str(target))
    assert result.exit_code == 0 and "[错误]" not in result.stdout


def test_init_refuses_to_overwrite(tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(target)])
    assert result.exit_code == 2 and target.read_text(encoding="utf-8") == "mine"
    assert run("init", "--force", str(target)).exit_code == 0 and target.read_text(encoding="utf-8") != "mine"


def test_python_dash_m_runs_without_traceback():
    result = subprocess.run([sys.executable, "-m", "plan_rules", "check", "-f", "concise", SEED],
                            capture_output=True, cwd=ROOT)
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert result.stdout.decode("utf-8").count("WD003") == 14

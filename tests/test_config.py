"""Configuration: where it is found, what it may say, and that the command line wins."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from plan_rules.cli import main
from plan_rules.config import ConfigError, Thresholds, find_config_file, glob_matches, load_config
from plan_rules.ruleset import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "plans" / "lishan-2023.yaml"
KNOWN = {r.code for r in load_rulebook().rules}


@pytest.fixture
def plans(tmp_path) -> Path:
    folder = tmp_path / "plans" / "2023"
    folder.mkdir(parents=True)
    (folder / "lishan.yaml").write_bytes(SEED.read_bytes())
    return folder


def check(*args):
    return CliRunner().invoke(main, ["check", "-f", "concise", *map(str, args)], catch_exceptions=False)


def codes(result) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()]


def test_the_nearest_config_file_above_the_checked_paths_is_found(plans):
    top = plans.parent.parent
    (top / "pyproject.toml").write_text("[tool.plan-rules]\nignore = ['WD']\n", encoding="utf-8")
    assert find_config_file([str(plans / "lishan.yaml")]) == top / "pyproject.toml"
    (plans.parent / ".plan-rules.toml").write_text("ignore = ['KI']\n", encoding="utf-8")
    assert find_config_file([str(plans)]) == plans.parent / ".plan-rules.toml"
    (plans / "plan-rules.toml").write_text("", encoding="utf-8")
    assert find_config_file([str(plans / "lishan.yaml"), str(plans)]) == plans / "plan-rules.toml"


def test_a_pyproject_without_a_plan_rules_table_is_passed_over(plans):
    (plans / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n", encoding="utf-8")
    (plans.parent / "plan-rules.toml").write_text("", encoding="utf-8")
    assert find_config_file([str(plans)]) == plans.parent / "plan-rules.toml"


def test_file_settings_apply_and_flags_override_them(plans):
    (plans / "plan-rules.toml").write_text(
        'select = ["WD"]\nprofile = "jiangsu"\n[severity]\nWD011 = "error"\n[thresholds]\nstaff_share_floor = 75\n',
        encoding="utf-8")
    config = load_config([str(plans)], KNOWN)
    assert config.select == ("WD",) and config.severity_overrides == (("WD011", "error"),)
    assert config.thresholds == Thresholds(workday_policy="standard", staff_share_floor=75)
    config = load_config([str(plans)], KNOWN, flags={"select": ("KI",), "profile": "liaoning"})
    assert config.select == ("KI",) and config.thresholds.workday_policy == "calendar"
    assert config.thresholds.staff_share_floor == 75     # the file's threshold still beats the profile


def test_severity_override_and_selection_from_the_file_reach_the_findings(plans):
    (plans / "plan-rules.toml").write_text('select = ["WD011"]\n[severity]\nWD011 = "error"\n', encoding="utf-8")
    result = check(plans / "lishan.yaml")
    assert result.stdout == f"{plans / 'lishan.yaml'}:44:3: WD011 [错误] 监督检查工作日 290 日，不到总法定工作日 2988 日的 10%；请核实其他执法和非执法工作日是否高估。\n"
    assert result.exit_code == 1


def test_a_threshold_changes_what_is_found(plans):
    assert "WD011" in codes(check(plans / "lishan.yaml"))
    (plans / "plan-rules.toml").write_text("[thresholds]\nsupervision-share-floor = 5\n", encoding="utf-8")
    assert "WD011" not in codes(check(plans / "lishan.yaml"))


def test_per_file_ignores_are_globs_relative_to_the_config_file(plans):
    (plans.parent / "plan-rules.toml").write_text('[per-file-ignores]\n"2023/*.yaml" = ["WD003", "DC"]\n',
                                                  encoding="utf-8")
    found = codes(check(plans))
    assert "WD003" not in found and "DC003" not in found and "WD006" in found


def test_an_explicit_config_file_wins(plans, tmp_path):
    (plans / "plan-rules.toml").write_text('select = ["WD"]\n', encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text('select = ["AP"]\n', encoding="utf-8")
    assert set(codes(check("--config", other, plans))) == {"AP001", "AP002"}


@pytest.mark.parametrize("text,message", [
    ("selct = ['WD']\n", "未知的配置项 selct"),
    ("ignore = ['ZZ9']\n", "ignore: 未知的规则编号或前缀 ZZ9"),
    ("[severity]\nWD011 = 'fatal'\n", "severity.WD011 应为 error、warning、info 之一，实际为 'fatal'"),
    ("[severity]\nWD01 = 'error'\n", "severity 中未知的规则编号 WD01"),
    ("[thresholds]\nstaff_share_floor = true\n", "thresholds.staff_share_floor 应为 0 到 100 的整数，实际为 True"),
    ("[thresholds]\nstaff_share_floor = 170\n", "thresholds.staff_share_floor 应为 0 到 100 的整数，实际为 170"),
    ("[thresholds]\nworkday_policy = 'lunar'\n", "thresholds.workday_policy 应为 standard、calendar 或 either，实际为 'lunar'"),
    ("[thresholds]\nallow_half_days = 1\n", "thresholds.allow_half_days 应为 true 或 false，实际为 1"),
    ("[thresholds]\nhalf_days = true\n", "未知的阈值 thresholds.half_days"),
    ("profile = 'atlantis'\n", "未知的省份配置 'atlantis'"),
    ("[per-file-ignores]\n'*.yaml' = 'XX1'\n", "per-file-ignores.*.yaml: 未知的规则编号或前缀 XX1"),
    ("select = 3\n", "select: 应为文字列表"),
    ("select = [\n", "TOML 语法错误"),
])
def test_a_bad_setting_is_one_line_and_exit_2(plans, text, message):
    (plans / "plan-rules.toml").write_text(text, encoding="utf-8")
    result = check(plans)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"plan-rules: {plans / 'plan-rules.toml'}: ")
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_a_bad_flag_is_named_as_a_flag(plans):
    result = check("--select", "QQ1", plans)
    assert result.exit_code == 2 and result.stderr == "plan-rules: 命令行: select: 未知的规则编号或前缀 QQ1\n"


def test_globs_without_a_slash_match_names_in_any_folder():
    assert glob_matches("*.yaml", "/x/plans/a.yaml", "/elsewhere")
    assert glob_matches("plans/*", "/x/plans/sub/a.yaml", "/x")
    assert not glob_matches("plans/*", "/y/plans/a.yaml", "/x")


def test_load_config_without_a_file_gives_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config([str(tmp_path)], KNOWN)
    assert config.thresholds == Thresholds() and config.source == "" and config.select == ()
    with pytest.raises(ConfigError):
        load_config([str(tmp_path)], KNOWN, flags={"thresholds": {"x": 1}})

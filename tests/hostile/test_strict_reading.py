"""Issue 11, misread input: values that look like numbers, keys written twice, text that is not
text, configuration found by a path's spelling, a directive inside a string — and the
tracebacks that configuration and exceptions files gave."""
from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from running import CLEAN, SEED

CLEAN_TEXT = CLEAN.read_text(encoding="utf-8")


def findings(checker, text: str, suffix: str = ".yaml") -> list[tuple]:
    result = checker.check_bytes(text.encode("utf-8"), "plan" + suffix, suffix)
    return [(f.code, f.message, f.line, f.field) for f in result.findings]


def clean_with(old: str, new: str) -> str:
    assert CLEAN_TEXT.count(old) == 1
    return CLEAN_TEXT.replace(old, new)


@pytest.mark.parametrize("old, new, message", [
    ("per_person: 250", "per_person: yes", "字段 workdays.per_person：应为数字；实际为 'yes'"),
    ("per_person: 250", "per_person: on", "字段 workdays.per_person：应为数字；实际为 'on'"),
    ("per_person: 250", "per_person: 4:10", "字段 workdays.per_person：应为数字；实际为 '4:10'"),     # base 60: 250
    ("year: 2021", "year: yes", "字段 year：应为整数；实际为 'yes'"),
    ("counted: 10", "counted: 0xA", "字段 officers.counted：应为整数；实际为 '0xA'"),
    ("counted: 10", "counted: true", "字段 officers.counted：应为数字（true、false 不是数字）；实际为 'true'"),
])
def test_yaml_11_spellings_are_not_numbers(python_checker, old, new, message):
    line = CLEAN_TEXT[:CLEAN_TEXT.index(old)].count("\n") + 1
    assert findings(python_checker, clean_with(old, new)) == [("IN002", message, line, message[3:message.index("：")])]


def test_numbers_are_read_in_decimal_only(python_checker):
    """017 was octal 15 in YAML 1.1; YAML 1.2's own 0o17 stays text, as it was under 1.1."""
    messages = [m for code, m, _, _ in findings(python_checker, clean_with("per_person: 250", "per_person: 017"))
                if code == "WD001"]
    assert messages and messages[0].startswith("人均法定工作日写为 17 日")
    assert findings(python_checker, clean_with("counted: 10", "counted: 0o12")) == [
        ("IN002", "字段 officers.counted：应为整数；实际为 '0o12'", 12, "officers.counted")]


def clean_json(**changes) -> str:
    plan = yaml.safe_load(CLEAN_TEXT)
    plan["officers"].update(changes)
    return json.dumps(plan, ensure_ascii=False, default=str, indent=1)


def test_json_true_is_not_one_person(python_checker, engines):
    for checker in (python_checker, *engines):
        [(code, message, _, field)] = findings(checker, clean_json(counted=True), ".json")
        assert (code, field, message) == ("IN002", "officers.counted",
                                          "字段 officers.counted：应为数字（true、false 不是数字）；实际为 'true'")


def test_a_key_written_twice_in_json_is_in002_at_the_second(python_checker):
    text = clean_json().replace('"counted": 10,', '"counted": 10,\n  "counted": 1,')
    line = text[:text.index('"counted": 1,')].count("\n") + 1
    assert findings(python_checker, text, ".json") == [
        ("IN002", f"字段 officers.counted：重复出现（第 {line - 1} 行已有同名字段，无法确定以哪一处为准）", line, "officers.counted")]


def test_a_key_written_twice_in_yaml_is_said_the_same_way(python_checker):
    assert findings(python_checker, clean_with("year: 2021", "year: 2021\nyear: 2030")) == [
        ("IN002", "字段 year：重复出现（第 2 行已有同名字段，无法确定以哪一处为准）", 3, "year")]


def test_a_lone_surrogate_in_json_is_unreadable_text(python_checker, engines):
    text = clean_json().replace('"name": "清河县应急管理局"', '"name": "清河县\\ud800局"')
    for checker in (python_checker, *engines):
        assert findings(checker, text, ".json") == [
            ("IN001", "字段 issuer.name 的文字中有不成对的 UTF-16 代理项（\\uD800–\\uDFFF），不是有效的文字", 4, "")]
    emoji = clean_json().replace('"name": "清河县应急管理局"', '"name": "清河县\\ud83d\\ude00局"')
    assert findings(python_checker, emoji, ".json") == []


# ---- configuration ------------------------------------------------------------------------

def check(*args):
    from plan_rules.cli import main
    return CliRunner().invoke(main, ["check", "-f", "concise", *map(str, args)], catch_exceptions=False)


def usage_error(result) -> str:
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, (result.exit_code, result.stderr)
    return result.stderr


def test_the_config_is_looked_up_along_the_resolved_path(tmp_path):
    (tmp_path / "evil").mkdir()
    (tmp_path / "proj").mkdir()
    (tmp_path / "evil" / "plan-rules.toml").write_text('ignore = ["WD", "KI", "DC", "AP"]\n', encoding="utf-8")
    (tmp_path / "proj" / "plan.yaml").write_bytes(SEED.read_bytes())
    result = check(tmp_path / "evil" / ".." / "proj" / "plan.yaml")
    assert result.exit_code == 1 and "WD006" in result.stdout


@pytest.mark.parametrize("name, content, message", [
    ("pyproject.toml", b"[tool.plan-rules\nignore = 1\n", "TOML 语法错误"),
    ("plan-rules.toml", b"ignore = ['\xff\xfe']\n", "配置文件不是 UTF-8 编码"),
    ("plan-rules.toml", ("a = " + "[" * 3000 + "]" * 3000 + "\n").encode(), "配置文件嵌套过深"),
    ("plan-rules.toml", b'profile = ["liaoning"]\n', "profile 应为一个省份配置的名称"),
])
def test_a_config_file_that_cannot_be_used_is_one_line_and_exit_2(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "plan.yaml").write_bytes(SEED.read_bytes())
    assert message in usage_error(check(tmp_path / "plan.yaml"))


@pytest.mark.parametrize("content, message", [
    ("- {files: '*.yaml', codes: [WD003], reason: x, expires: 2026-02-30}\n",
     "第 1 条: expires 应为日期（如 2026-12-31），实际为 '2026-02-30'"),
    ("- " * 3000 + "x\n", "嵌套过深"),
    ("- {files: '*.yaml', codes: [WD003], reason: x, reason: y}\n", "重复出现"),
])
def test_an_exceptions_file_that_cannot_be_used_is_one_line_and_exit_2(tmp_path, content, message):
    (tmp_path / "exceptions.yaml").write_text(content, encoding="utf-8")
    assert message in usage_error(check("--exceptions", tmp_path / "exceptions.yaml", SEED))


@pytest.mark.parametrize("label", ['"机关值班 # plan-rules: disable=WD003"', "'机关值班 # plan-rules: disable=WD003'"])
def test_a_directive_inside_a_quoted_string_suppresses_nothing(tmp_path, label):
    plan = tmp_path / "plan.yaml"
    plan.write_text(SEED.read_text(encoding="utf-8").replace("{label: 机关值班,", f"{{label: {label},", 1), encoding="utf-8")
    result = check(plan)
    assert f"{plan}:27:9: WD003" in result.stdout and "已抑制" not in result.stderr

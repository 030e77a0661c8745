"""Suppressions: an exceptions file and inline comments; what they hide is counted, what they
no longer hide is said."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from plan_rules.cli import main
from plan_rules.findings import Finding, Severity
from plan_rules.suppress import Suppression, Suppressor, inline_suppressions

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "plans" / "lishan-2023.yaml"
SEED_CODES = ["WD001", "WD006", *["WD003"] * 14, "WD011", "WD010", "WD010", "KI002", "DC003", "DC003", "DC003",
              "AP001", "AP002"]


@pytest.fixture
def seed(tmp_path) -> Path:
    path = tmp_path / "plans" / "lishan.yaml"
    path.parent.mkdir()
    path.write_bytes(SEED.read_bytes())
    return path


def check(*args):
    return CliRunner().invoke(main, ["check", "-f", "concise", *map(str, args)], catch_exceptions=False)


def codes(result) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()]


def write_exceptions(folder: Path, text: str) -> Path:
    path = folder / "exceptions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_seed_findings_this_file_starts_from(seed):
    assert codes(check(seed)) == SEED_CODES


def test_an_exception_suppresses_by_glob_code_and_field_and_is_counted(seed, tmp_path):
    exceptions = write_exceptions(tmp_path, """
- files: "plans/*.yaml"
  codes: [WD003]
  field: workdays.non_enforcement
  reason: 市局已书面同意按本地口径归类
- files: lishan.yaml
  codes: [DC]
  reason: 附表另行报送
  expires: 2999-12-31
""")
    result = check("--exceptions", exceptions, seed)
    expected = [c for c in SEED_CODES if not c.startswith("DC")]
    del expected[expected.index("WD003") + 6:expected.index("WD003") + 14]     # the eight under 非执法工作日
    assert codes(result) == expected
    assert result.stderr.splitlines()[-1].endswith("；已抑制 11 条")


def test_an_expired_exception_suppresses_nothing_and_is_reported(seed, tmp_path):
    exceptions = write_exceptions(tmp_path, "- {files: '*.yaml', codes: [AP001], reason: 待批复, expires: 2020-01-01}\n")
    result = check("--exceptions", exceptions, seed)
    assert codes(result) == SEED_CODES
    assert result.stderr.splitlines()[0] == f"plan-rules: 警告：例外 {exceptions} 第 1 条（AP001）已于 2020-01-01 过期，不再生效（当时的理由：待批复）"


def test_an_unused_exception_is_reported_only_where_it_could_have_been_used(seed, tmp_path):
    exceptions = write_exceptions(tmp_path, """
- {files: '*.yaml', codes: [ST001], reason: 已核实}
- {files: 'other/*.yaml', codes: [ST001], reason: 另一批}
- {files: '*.yaml', codes: [MD001], reason: 本次未选}
""")
    result = check("--exceptions", exceptions, "--ignore", "MD", seed)
    assert [line for line in result.stderr.splitlines() if line.startswith("plan-rules: ")] == [
        f"plan-rules: 警告：抑制 {exceptions} 第 1 条（ST001）没有抑制任何发现，可以删除"]


def test_exceptions_named_in_the_config_are_relative_to_it(seed):
    write_exceptions(seed.parent, "- {files: '*.yaml', codes: [AP], reason: 已批复待归档}\n")
    (seed.parent / "plan-rules.toml").write_text('exceptions = "exceptions.yaml"\n', encoding="utf-8")
    result = check(seed.parent)
    assert "AP001" not in codes(result) and "AP002" not in codes(result)
    assert "exceptions.yaml" not in result.stdout     # the exceptions file is not checked as a plan


@pytest.mark.parametrize("text,message", [
    ("- {files: '*.yaml', codes: [WD003]}\n", "第 1 条: 缺少 reason"),
    ("- {files: '*.yaml', codes: [ZZ001], reason: x}\n", "第 1 条: codes: 未知的规则编号或前缀 ZZ001"),
    ("- {files: '*.yaml', codes: [IN001], reason: x}\n", "第 1 条: IN001（文件无法读取）不能抑制"),
    ("- {files: '*.yaml', codes: [WD003], reason: x, until: 2030-01-01}\n", "第 1 条: 未知的键 until"),
    ("- {files: '*.yaml', codes: [WD003], reason: x, expires: soon}\n", "expires 应为日期（如 2026-12-31），实际为 'soon'"),
    ("files: '*.yaml'\n", "例外文件应为条目列表"),
    ("- [\n", "例外文件 YAML 语法错误"),
])
def test_a_malformed_exceptions_file_is_one_line_and_exit_2(seed, tmp_path, text, message):
    result = check("--exceptions", write_exceptions(tmp_path, text), seed)
    assert result.exit_code == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_a_missing_exceptions_file_is_exit_2(seed, tmp_path):
    result = check("--exceptions", tmp_path / "none.yaml", seed)
    assert result.exit_code == 2 and "无法读取例外文件" in result.stderr


def test_an_inline_comment_suppresses_findings_on_its_line(seed):
    text = seed.read_text(encoding="utf-8").splitlines()
    assert text[24].strip() == "stated_total: 1456"
    text[24] += "  # plan-rules: disable=WD006"
    text[21] += "  # plan-rules: disable=WD001,WD002"
    seed.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = check(seed)
    assert codes(result) == [c for c in SEED_CODES if c not in ("WD001", "WD006")]
    assert "plan-rules: 警告" not in result.stderr      # the line-22 comment was used, for WD001
    assert result.stderr.splitlines()[-1].endswith("已抑制 2 条")


def test_a_comment_at_the_top_suppresses_in_the_whole_file(seed):
    seed.write_text("# 本局计划\n# plan-rules: disable=WD003, AP\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    result = check(seed)
    assert codes(result) == [c for c in SEED_CODES if c != "WD003" and not c.startswith("AP")]
    assert result.stderr.splitlines()[-1].endswith("已抑制 16 条")


def test_an_unused_inline_comment_is_reported(seed):
    seed.write_text("# plan-rules: disable=ST001\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    result = check(seed)
    assert result.stderr.splitlines()[0] == f"plan-rules: 警告：抑制 {seed}:1（ST001）没有抑制任何发现，可以删除"


def test_directives_below_the_first_content_line_are_line_scoped():
    data = "year: 2023\n# plan-rules: disable=WD001\ntitle: x  # plan-rules: disable=MD001\n".encode()
    found = inline_suppressions(data, "p.yaml")
    assert [(s.codes, s.line) for s in found] == [(("WD001",), 2), (("MD001",), 3)]
    assert inline_suppressions(b"label: '#plan-rules: disable=WD001'\n", "p.yaml") == ()


def test_in001_is_never_suppressed_and_expiry_is_by_date():
    unreadable = Finding("IN001", Severity.error, "空文件", file="a.yaml")
    other = Finding("WD006", Severity.error, "不符", file="a.yaml", field="workdays.other_enforcement.stated_total")
    everything = Suppression(codes=("IN", "WD"), origin="x", path="a.yaml")
    ending = Suppression(codes=("WD006",), origin="y", files="*.yaml", base="/", expires=dt.date(2026, 6, 30))
    suppressor = Suppressor([everything], today=dt.date(2026, 7, 1))
    assert [suppressor.keeps(f) for f in (unreadable, other)] == [True, False]
    assert Suppressor([ending], today=dt.date(2026, 6, 30)).keeps(other) is False
    late = Suppressor([ending], today=dt.date(2026, 7, 1))
    assert late.keeps(other) is True and late.expired == [ending]


def test_a_field_prefix_matches_whole_path_segments():
    finding = Finding("WD003", Severity.error, "m", file="a.yaml", field="workdays.other_enforcement.items[0]")
    for prefix, covers in [("workdays", True), ("workdays.other_enforcement.items[0]", True),
                           ("workdays.other_enforcement.items", True), ("workdays.other", False)]:
        assert Suppression(codes=("WD003",), origin="x", path="a.yaml", field=prefix).covers(finding) is covers

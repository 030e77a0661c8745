"""Issue 11, data loss: whatever the input, the report is written whole, where asked, and over
nothing the user owns — and no name or label can break its format."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from running import CLEAN, FIXTURES, SEED, one_line_error, plan_rules

GBK_NAME = "北京".encode("gbk") + b".yaml"          # b"\xb1\xb1\xbe\xa9.yaml": not UTF-8
SHOWN = r"\xb1\xb1\xbe\xa9.yaml"
FORMATS = ("text", "concise", "table", "json", "sarif", "github", "junit", "csv", "html")


@pytest.fixture
def gbk_folder(tmp_path) -> Path:
    """A folder copied from a Windows share: the seed under a GBK name, and a clean plan."""
    shutil.copyfile(SEED, os.path.join(os.fsencode(tmp_path), GBK_NAME))
    shutil.copyfile(CLEAN, tmp_path / "clean.yaml")
    return tmp_path


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_file_name_that_is_not_utf8_is_reported_escaped_in_every_format(gbk_folder, tmp_path_factory, format_name):
    out = tmp_path_factory.mktemp("out") / f"report.{format_name}"
    done = plan_rules("check", ".", "-f", format_name, "-o", str(out), "-q", cwd=gbk_folder)
    assert done.returncode == 1 and done.stderr == b"", done.stderr.decode("utf-8", "replace")
    text = out.read_bytes().decode("utf-8")      # the whole report, valid UTF-8
    if format_name == "json":
        assert {Path(f["path"]).name for f in json.loads(text)["files"]} == {SHOWN, "clean.yaml"}
    elif format_name == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in json.loads(text)["runs"][0]["results"]}
        assert {uri.rsplit("/", 1)[-1] for uri in uris} == {"%B1%B1%BE%A9.yaml"}     # the name's own bytes
    else:
        assert SHOWN in text
    if format_name == "junit":
        ET.fromstring(out.read_bytes())


def plan_with_label(label: str) -> str:
    """The clean plan as JSON, its first item's label replaced (WD004 then quotes it)."""
    import yaml
    plan = yaml.safe_load(CLEAN.read_text(encoding="utf-8"))
    plan["workdays"]["other_enforcement"]["items"][0]["label"] = label
    return json.dumps(plan, ensure_ascii=True, default=str)


HOSTILE_LABEL = "专项\n整治\r行动\x01\x1b[31m\u202e\u2028\x85"
ESCAPED_LABEL = r"专项\n整治\r行动\x01\x1b[31m\u202e\u2028\x85"


@pytest.mark.parametrize("format_name", ["concise", "github", "text", "csv"])
def test_control_characters_in_a_label_keep_one_finding_a_line(tmp_path, format_name):
    (tmp_path / "plan.json").write_text(plan_with_label(HOSTILE_LABEL), encoding="utf-8")
    done = plan_rules("check", str(tmp_path / "plan.json"), "-f", format_name)
    lines = [line for line in done.stdout.decode("utf-8").split("\n") if "WD004" in line]
    assert len(lines) == 1 and ESCAPED_LABEL in lines[0]
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u202e]", done.stdout.decode("utf-8").replace("\r\n", "\n"))


def test_control_characters_in_a_label_leave_junit_valid_xml(tmp_path):
    (tmp_path / "plan.json").write_text(plan_with_label(HOSTILE_LABEL), encoding="utf-8")
    done = plan_rules("check", str(tmp_path / "plan.json"), "-f", "junit")
    suite = ET.fromstring(done.stdout)
    assert ESCAPED_LABEL in suite.find("testsuite/testcase/system-out").text


# ---- the target, judged before the run -------------------------------------------------------

@pytest.mark.parametrize("target, reason", [("/nonexistent/dir/x.json", "所在目录不存在"),
                                            ("/proc/plan-rules.json", "该目录中不能新建文件")])
def test_an_output_that_cannot_be_written_is_refused_before_checking(target, reason):
    done = plan_rules("check", str(SEED), "-f", "json", "-o", target, "--force")
    assert reason in one_line_error(done)      # one line, and no summary: nothing was checked


def test_a_device_is_refused_before_checking_but_the_null_device_discards():
    assert "不是普通文件" in one_line_error(plan_rules("check", str(SEED), "-o", "/dev/full", "--force"))
    done = plan_rules("check", str(SEED), "-q", "-o", "/dev/null", "--force")
    assert (done.returncode, done.stdout, done.stderr) == (1, b"", b"")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_is_refused_before_checking(tmp_path):
    tmp_path.chmod(0o555)
    try:
        assert "没有写入权限" in one_line_error(plan_rules("check", str(SEED), "-o", str(tmp_path / "r.json")))
    finally:
        tmp_path.chmod(0o755)


def test_standard_output_on_a_full_disk_is_one_line(tmp_path):
    with open("/dev/full", "wb") as full:
        done = plan_rules("check", str(SEED), "-q", stdout=full)
    assert done.stderr.decode("utf-8") == "plan-rules: 无法写出到标准输出：磁盘空间已满\n" and done.returncode == 2


# ---- never onto an input -----------------------------------------------------------------------

def test_check_refuses_to_write_its_report_over_the_plan(tmp_path):
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(SEED, plan)
    os.link(plan, tmp_path / "same-plan.yaml")
    for target in (plan, tmp_path / "same-plan.yaml"):
        assert "是本次的输入文件" in one_line_error(plan_rules("check", str(plan), "-o", str(target), "--force"))
    assert plan.read_bytes() == SEED.read_bytes()


def test_extract_refuses_to_write_yaml_over_the_word_file(tmp_path):
    document = tmp_path / "a.docx"
    shutil.copyfile(FIXTURES / "documents" / "anping-2023.docx", document)
    assert "是本次的输入文件" in one_line_error(plan_rules("extract", str(document), "-o", str(document), "--force"))
    assert document.read_bytes() == (FIXTURES / "documents" / "anping-2023.docx").read_bytes()


def test_annotate_refuses_to_write_over_the_document_by_any_name(tmp_path):
    document = tmp_path / "a.docx"
    shutil.copyfile(FIXTURES / "documents" / "anping-2023.docx", document)
    os.link(document, tmp_path / "same.docx")
    done = plan_rules("annotate", str(document), "-o", str(tmp_path / "same.docx"), "--force")
    assert "是本次的输入文件" in one_line_error(done)
    assert document.read_bytes() == (FIXTURES / "documents" / "anping-2023.docx").read_bytes()


def test_a_plan_in_a_checked_folder_is_not_written_over_either(tmp_path):
    shutil.copyfile(SEED, tmp_path / "plan.json")
    done = plan_rules("check", str(tmp_path), "-f", "json", "-o", str(tmp_path / "plan.json"), "--force")
    assert "是本次的输入文件" in one_line_error(done)
    assert (tmp_path / "plan.json").read_bytes() == SEED.read_bytes()


# ---- written whole, by rename -------------------------------------------------------------------

def test_a_reader_of_the_old_report_never_sees_a_half_written_one(tmp_path):
    """The report replaces the old one by rename: a reader keeps the old file whole; a link
    named as the target stays a link, and the file keeps its permissions."""
    (tmp_path / "reports").mkdir()
    old = tmp_path / "reports" / "2024.json"
    old.write_text("上一次的报告", encoding="utf-8")
    old.chmod(0o640)
    (tmp_path / "latest.json").symlink_to("reports/2024.json")
    with old.open("rb") as reader:       # opened before the run, read after it
        assert plan_rules("check", str(SEED), "-f", "json", "-o", str(tmp_path / "latest.json"), "--force").returncode == 1
        assert reader.read().decode("utf-8") == "上一次的报告"
    assert json.loads(old.read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert (tmp_path / "latest.json").is_symlink() and old.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in (tmp_path / "reports").iterdir()] == ["2024.json"]


def test_a_failed_write_leaves_the_old_report_and_no_temporary_file(tmp_path, monkeypatch):
    from plan_rules.cli import main

    out = tmp_path / "report.json"
    out.write_text("上一次的报告", encoding="utf-8")

    def disk_full(descriptor):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", disk_full)
    result = CliRunner().invoke(main, ["check", str(SEED), "-f", "json", "-o", str(out), "--force", "-q"])
    assert (result.exit_code, result.stderr) == (2, f"plan-rules: 无法写入 {out}：磁盘空间已满；原有文件未改动\n")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"] and out.read_text(encoding="utf-8") == "上一次的报告"


# ---- reports are not plans ----------------------------------------------------------------------

@pytest.mark.parametrize("format_name, suffix", [("json", ".json"), ("sarif", ".json"), ("text", ".txt"),
                                                 ("concise", ".txt"), ("table", ".md"), ("github", ".md"),
                                                 ("html", ".txt"), ("junit", ".md"), ("csv", ".txt")])
def test_a_report_saved_among_the_plans_is_not_checked_on_the_next_run(tmp_path, format_name, suffix):
    shutil.copyfile(SEED, tmp_path / "plan.yaml")
    report = tmp_path / f"结果{suffix}"
    assert plan_rules("check", str(tmp_path), "-f", format_name, "-o", str(report)).returncode == 1
    done = plan_rules("check", str(tmp_path), "-f", "json")
    assert [Path(f["path"]).name for f in json.loads(done.stdout)["files"]] == ["plan.yaml"]
    assert f"plan-rules: 跳过 1 个 plan-rules 写出的检查报告（不是计划）：{report}\n" in done.stderr.decode("utf-8")


def test_the_run_that_replaces_its_report_in_the_checked_folder_skips_it(tmp_path):
    shutil.copyfile(SEED, tmp_path / "plan.yaml")
    report = tmp_path / "结果.json"
    for _ in range(2):
        done = plan_rules("check", str(tmp_path), "-f", "json", "-o", str(report), "--force", "-q")
        assert done.returncode == 1
    assert [Path(f["path"]).name for f in json.loads(report.read_bytes())["files"]] == ["plan.yaml"]


def test_no_fixture_plan_or_document_looks_like_a_report():
    from plan_rules.report.signature import is_report_file
    assert not [p for p in FIXTURES.rglob("*") if p.is_file() and is_report_file(str(p))]


# ---- standard streams -----------------------------------------------------------------------------

def test_a_closed_standard_input_is_in001():
    done = plan_rules("check", "-", "-f", "concise", preexec_fn=lambda: os.close(0))
    assert done.returncode == 1 and done.stdout.decode("utf-8") == "<stdin>:1:1: IN001 [错误] 标准输入已关闭，没有可读取的计划\n"


def test_a_closed_standard_error_does_not_change_the_outcome():
    """The summary has nowhere to go; the exit code still says what was found (a traceback made it 1)."""
    assert plan_rules("check", str(CLEAN), preexec_fn=lambda: os.close(2)).returncode == 0


def test_standard_input_that_never_ends_is_read_no_further_than_a_plan():
    with open("/dev/zero", "rb") as zero:
        done = plan_rules("check", "-", "-f", "concise", stdin=zero)
    assert done.stdout.decode("utf-8").startswith("<stdin>:1:1: IN001 [错误] 文件过大（")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("args", [("--help",), ("check", "--help")])
def test_help_is_printed_in_utf8_under_any_console_encoding(encoding, args):
    done = plan_rules(*args, env={**os.environ, "PYTHONIOENCODING": encoding})
    assert (done.returncode, done.stderr) == (0, b"") and "检查" in done.stdout.decode("utf-8")

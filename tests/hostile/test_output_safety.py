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
from running import CLEAN, SEED, plan_rules

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

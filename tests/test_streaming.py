"""Reports written as the batch goes (plan_rules/reporting.py, report/__init__.py): the report
streamed by the command line, to a file or to standard output, is byte for byte the report
rendered whole from the batch in memory, in every format; files come in path order whatever
the parallelism, even after a worker dies; and a streamed batch keeps no file's findings."""
from __future__ import annotations

import json
import runpy
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from plan_rules.batch import run_batch
from plan_rules.cli import main
from plan_rules.report import FORMATS, WHOLE, render
from plan_rules.ruleset import load_rulebook
from plan_rules.suppress import load_exceptions

ROOT = Path(__file__).resolve().parent.parent
write_batch = runpy.run_path(str(ROOT / "fixtures" / "batch" / "make_batch.py"))["write_batch"]
STREAMED = sorted(set(FORMATS) - WHOLE)
# Suppressions of both kinds, so that the streamed batch applies them as the files come; the
# exceptions file beside the batch's folder, whose name stands for {folder}.
EXCEPTIONS = """\
- files: "{folder}/city-0/plan-006.yaml"
  codes: [WD006]
  reason: 已核实
- files: "{folder}/city-0/plan-0*.yaml"
  codes: [KI004]
  reason: 从未出现，应报告为未使用
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The repository's batch (findings, an XP001 pair, an XP002 copy, broken files, text
    documents), with its WD006 on plan 031 suppressed inline and on plan 006 by the exceptions
    file beside the folder."""
    out = tmp_path_factory.mktemp("streamed")
    write_batch(out, 60)
    plan = out / "city-0" / "plan-031.yaml"
    plan.write_text("# plan-rules: disable=WD006\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    (out.parent / f"{out.name}-exceptions.yaml").write_text(EXCEPTIONS.format(folder=out.name), encoding="utf-8")
    return out


def exceptions_file(folder: Path) -> str:
    return str(folder.parent / f"{folder.name}-exceptions.yaml")


def check(folder: Path, *args: str):
    return CliRunner().invoke(main, ["check", str(folder), "--exceptions", exceptions_file(folder), "-j", "2", *args],
                              catch_exceptions=False)


def stdout(result) -> str:
    return result.stdout_bytes.decode("utf-8")     # as written: Result.stdout turns CRLF (csv) into LF


def whole(folder: Path, format_name: str) -> str:
    rulebook = load_rulebook()
    exceptions = load_exceptions(exceptions_file(folder), {rule.code for rule in rulebook.rules})
    batch = run_batch([str(folder)], exceptions=exceptions, jobs=1)
    return render(format_name, batch, rulebook)


@pytest.mark.parametrize("format_name", STREAMED)
def test_the_report_streamed_to_a_file_is_the_report_rendered_whole(folder, tmp_path, format_name):
    out = tmp_path / f"report.{format_name}"
    result = check(folder, "-f", format_name, "-o", str(out))
    assert result.exit_code == 1, result.stderr
    assert out.read_bytes().decode("utf-8") == whole(folder, format_name)
    assert list(tmp_path.iterdir()) == [out]      # no temporary file left beside it


@pytest.mark.parametrize("format_name", STREAMED)
def test_the_report_streamed_to_standard_output_is_the_report_rendered_whole(folder, format_name):
    assert stdout(check(folder, "-f", format_name)) == whole(folder, format_name)


def test_the_streamed_batch_has_the_findings_suppressions_and_checks_across_plans(folder):
    text = whole(folder, "json")
    document = json.loads(text)
    assert {f["code"] for f in document["cross_plan"]} == {"XP001", "XP002"}
    assert document["summary"]["suppressed"] == 2
    result = check(folder, "-f", "json")
    assert "KI004" in result.stderr and "没有抑制任何发现" in result.stderr


def test_sarif_streamed_is_the_document_json_writes_whole(folder):
    text = stdout(check(folder, "-f", "sarif"))
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("paths", [["city-0"], ["broken/empty.yaml"]])
def test_junit_streamed_is_the_document_element_tree_writes_whole(folder, paths):
    text = stdout(CliRunner().invoke(main, ["check", "-f", "junit", *(str(folder / p) for p in paths)]))
    declaration, body = text.split("\n", 1)
    root = ET.fromstring(body)
    ET.indent(root)
    assert body == ET.tostring(root, encoding="unicode") + "\n"


def test_a_streamed_batch_hands_each_file_on_in_path_order_and_keeps_none(folder):
    seen = []
    batch = run_batch([str(folder)], jobs=2, each_file=lambda result: seen.append(result.path))
    assert batch.results == [] and seen == sorted(seen) and len(seen) == batch.tally.files == len(set(seen))
    assert batch.cross_findings


def test_files_stay_in_path_order_when_a_worker_dies(folder, worker_dies_on_plan_020):
    seen = []
    run_batch([str(folder / "city-0")], jobs=2, each_file=lambda result: seen.append((result.path, result.findings)))
    assert [path for path, _ in seen] == sorted(str(p) for p in (folder / "city-0").glob("plan-*"))
    assert [f.code for path, findings in seen if path.endswith("plan-020.yaml") for f in findings] == ["IN001"]


def test_nothing_found_writes_nothing_and_leaves_the_old_report(tmp_path):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "empty"), "-f", "json", "-o", str(out), "--force"])
    assert result.exit_code == 2 and result.stdout == "" and out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "report.json"]

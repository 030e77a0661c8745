"""Batch runs: a reviewer's folder of plans, checked in parallel, with the same output whatever
the parallelism, and no file able to stop the run."""
from __future__ import annotations

import json
import multiprocessing
import runpy
from pathlib import Path

import pytest
from click.testing import CliRunner

from plan_rules import batch as batch_module
from plan_rules.batch import discover, run_batch
from plan_rules.check import Checker
from plan_rules.cli import main
from plan_rules.config import Config
from plan_rules.findings import Severity
from plan_rules.report.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
write_batch = runpy.run_path(str(ROOT / "fixtures" / "batch" / "make_batch.py"))["write_batch"]
FORKS = multiprocessing.get_start_method() == "fork"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch")
    write_batch(out, 200)
    return out


@pytest.fixture(scope="module")
def batch(folder):
    return run_batch([str(folder)], jobs=2)


def findings_of(batch, path: Path):
    return [(f.code, f.severity, f.line) for f in batch.all_findings if f.file == str(path)]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def invoke(*args, **env):
    return CliRunner(env=env).invoke(main, list(args), catch_exceptions=False)


def test_every_plan_of_the_folder_is_checked(folder, batch):
    documents = sorted((ROOT / "fixtures" / "documents").glob("*.txt"))
    assert len(batch.results) == 200 + 1 + 4 + len(documents)
    assert [r.path for r in batch.results] == sorted(r.path for r in batch.results)


def test_clean_plans_give_nothing_in_yaml_and_json(folder, batch):
    assert findings_of(batch, folder / "city-0" / "plan-000.yaml") == []
    assert findings_of(batch, folder / "city-0" / "plan-001.json") == []


def test_a_wrong_stated_total_is_found_at_its_line(folder, batch):
    plan = folder / "city-0" / "plan-006.yaml"
    assert findings_of(batch, plan) == [
        ("WD006", Severity.error, line_of(plan, "stated_total: 802")),
        ("WD008", Severity.error, line_of(plan, "supervision: 700")),
    ]


def test_broken_files_are_findings_and_the_batch_goes_on(folder, batch):
    assert findings_of(batch, folder / "broken" / "syntax.yaml") == [("IN001", Severity.error, 2)]
    assert findings_of(batch, folder / "broken" / "syntax.json") == [("IN001", Severity.error, 1)]
    assert findings_of(batch, folder / "broken" / "empty.yaml") == [("IN001", Severity.error, None)]
    assert findings_of(batch, folder / "broken" / "unknown-key.yaml") == [("IN002", Severity.error, 2)]


def test_documents_in_the_folder_are_checked_like_plans(folder, batch):
    seed = folder / "documents" / "lishan-2023.txt"
    found = [(f.code, f.severity, f.message) for f in batch.all_findings if f.file == str(seed)]
    # The line is the extractor's to find (tests/test_extract_*.py pin it); here, that it is checked.
    assert ("WD006", Severity.error, "其他执法工作日所列合计为 1456 日，各分项相加为 1458 日，两者不符。") in found


def test_cross_plan_findings_name_both_plans(folder, batch):
    first, second = folder / "city-0" / "plan-010.yaml", folder / "city-0" / "plan-011.yaml"
    shared, duplicate = batch.cross_findings
    assert (shared.code, shared.severity, shared.file, shared.field) == (
        "XP001", Severity.warning, str(second), "key_inspections.units[0]")
    assert str(first) in shared.message and "样例010县应急管理局" in shared.message and "样例011县应急管理局" in shared.message
    assert (duplicate.code, duplicate.severity, duplicate.file) == ("XP002", Severity.info, str(folder / "duplicate-of-000.yaml"))
    assert str(folder / "city-0" / "plan-000.yaml") in duplicate.message


def test_output_and_summary_are_the_same_with_one_or_two_jobs(folder):
    runs = [invoke("check", "-f", "json", "--statistics", "-j", jobs, str(folder))
            for jobs in ("1", "2")]
    assert runs[0].stdout == runs[1].stdout and runs[0].stderr == runs[1].stderr
    assert runs[0].exit_code == runs[1].exit_code == 1
    summary = json.loads(runs[0].stdout)["summary"]
    documents = len(list((ROOT / "fixtures" / "documents").glob("*.txt")))
    assert summary["files"] == 205 + documents
    assert (summary["warning"], summary["info"]) >= (1, 1)


def test_summary_and_statistics_go_to_stderr(folder):
    result = invoke("check", "-f", "concise", "--statistics", "--select", "WD,IN,XP",
                    str(folder / "city-0"), str(folder / "broken"), str(folder / "duplicate-of-000.yaml"))
    lines = result.stderr.splitlines()
    assert lines[-1] == "共检查 55 个文件，6 个有错误，3 个无法读取；错误 8 条，警告 1 条，提示 1 条"
    assert lines[:-1] == [
        "3  IN001  错误  文件无法读取或解析",
        "2  WD006  错误  其他执法工作日分项之和与合计不符",
        "2  WD008  错误  监督检查工作日不等于总数减其他执法和非执法工作日",
        "1  IN002  错误  结构化计划不符合格式",
        "1  XP001  警告  同一单位被两个机关列为同年重点检查单位",
        "1  XP002  提示  批量检查中同一文件重复提交",
    ]
    assert "共检查" not in result.stdout


def test_quiet_prints_no_summary(folder):
    result = invoke("check", "-q", str(folder / "city-0" / "plan-000.yaml"))
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""


def test_an_exception_in_one_file_becomes_in001(folder, monkeypatch):
    read = Checker.read

    def read_or_fail(self, data, name, suffix):
        if name.endswith("plan-002.yaml"):
            raise RuntimeError("模拟的程序错误")
        return read(self, data, name, suffix)

    monkeypatch.setattr(Checker, "read", read_or_fail)
    for jobs in (1, 2) if FORKS else (1,):
        result = run_batch([str(folder / "city-0")], jobs=jobs)
        failed = folder / "city-0" / "plan-002.yaml"
        (finding,) = [f for f in result.all_findings if f.file == str(failed)]
        assert (finding.code, finding.severity) == ("IN001", Severity.error)
        assert finding.message == "检查此文件时程序内部出错（RuntimeError: 模拟的程序错误）；请报告此问题"
        assert len(result.results) == 50


def test_a_worker_that_dies_on_one_file_costs_only_that_file(folder, worker_dies_on_plan_020):
    result = run_batch([str(folder / "city-0")], jobs=2)
    assert len(result.results) == 50
    crashed = [(f.file, f.code) for f in result.all_findings if f.code == "IN001"]
    assert crashed == [(str(folder / "city-0" / "plan-020.yaml"), "IN001")]
    assert findings_of(result, folder / "city-0" / "plan-006.yaml")[0][0] == "WD006"


def test_small_batches_are_checked_in_process(folder, monkeypatch):
    monkeypatch.setattr(batch_module, "check_in_pool", lambda *args: pytest.fail("不应启动进程池"))
    files = [str(folder / "city-0" / f"plan-{i:03d}.yaml") for i in (0, 2, 3)]
    assert len(run_batch(files, jobs=8).results) == 3


def test_a_directory_link_loop_is_walked_once(tmp_path):
    plans = tmp_path / "plans"
    (plans / "a").mkdir(parents=True)
    (plans / "a" / "p.yaml").write_text("year: 2021\n", encoding="utf-8")
    (plans / "a" / "loop").symlink_to(plans, target_is_directory=True)
    (plans / "same").symlink_to(plans / "a", target_is_directory=True)
    assert discover([str(plans)]) == [str(plans / "a" / "p.yaml")]


def test_folders_yield_supported_files_only_and_skip_hidden_ones(tmp_path):
    for name in ("a.yaml", "b.yml", "c.json", "d.txt", "e.docx", "f.pdf", "g.md", "notes.csv",
                 ".hidden.yaml", ".git/config.yaml", "sub/h.YAML"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in discover([str(tmp_path)])]
    assert found == ["a.yaml", "b.yml", "c.json", "d.txt", "e.docx", "f.pdf", "g.md", "sub/h.YAML"]


def test_include_and_exclude_globs_and_the_exceptions_file(tmp_path):
    for name in ("2023/a.yaml", "2023/drafts/b.yaml", "2024/c.yaml", "2024/c.txt", "exceptions.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    config = Config(include=("*.yaml",), exclude=("drafts",), exceptions=str(tmp_path / "exceptions.yaml"),
                    base=str(tmp_path))
    found = [Path(p).relative_to(tmp_path).as_posix() for p in discover([str(tmp_path)], config)]
    assert found == ["2023/a.yaml", "2024/c.yaml"]
    config = Config(exclude=("2024/*",), base=str(tmp_path))
    found = [Path(p).relative_to(tmp_path).as_posix() for p in discover([str(tmp_path)], config)]
    assert found == ["2023/a.yaml", "2023/drafts/b.yaml", "exceptions.yaml"]


def test_files_named_directly_are_checked_whatever_their_suffix(tmp_path):
    notes = tmp_path / "notes.csv"
    notes.write_text("x", encoding="utf-8")
    (finding,) = run_batch([str(notes)]).all_findings
    assert (finding.code, finding.file) == ("IN001", str(notes))
    assert finding.message.startswith("不支持的文件类型“.csv”")


def test_a_missing_file_is_in001(tmp_path):
    (finding,) = run_batch([str(tmp_path / "无此文件.yaml")]).all_findings
    assert finding.code == "IN001" and finding.message.startswith("无法读取文件")


def test_standard_input_is_read_as_a_yaml_plan():
    plan = (ROOT / "fixtures" / "plans" / "clean-2021.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "-f", "concise", "-"],
                                input=plan.replace("stated_total: 800", "stated_total: 801"))
    assert result.stdout.splitlines()[0].startswith("<stdin>:23:5: WD006 [错误]")


def test_progress_appears_only_once_a_run_is_long():
    written, now = [], [0.0]
    progress = Progress(written.append, clock=lambda: now[0])
    progress(10, 100)
    assert written == []
    now[0] = 0.6
    progress(20, 100)
    now[0] = 0.65
    progress(21, 100)
    now[0] = 0.8
    progress(100, 100)
    progress.close()
    assert written[0] == "\r检查中 [######........................] 20/100"
    assert written[1] == "\r检查中 [##############################] 100/100"
    assert written[2].strip() == "" and len(written) == 3


def test_no_progress_bar_when_stderr_is_not_a_terminal(folder):
    result = invoke("check", "-f", "concise", str(folder / "city-0"))
    assert "\r" not in result.stderr

"""Hostile and broken input (tests/hostile/make_corpus.py): every file ends as the exact
findings it deserves — IN001/IN002 with words a user understands, or the rule findings of a
strange but legitimate plan — within bounded time and memory.

Bounds are not timed assertions: each file is checked in its own process under an address-
space limit and a timeout (tests/hostile/check_one.py), so a hang or a blow-up fails that
case deterministically and nothing else. The corpus is generated once per session into a
temporary folder; nothing large or binary is committed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from hostile.make_corpus import XXE_MARKER, cases

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CHECK_ONE = Path(__file__).parent / "hostile" / "check_one.py"
PLAN_RULES = Path(sys.executable).parent / "plan-rules"

MEMORY_MB = 1024        # the checker needs about 90 MB; a 2 GiB bomb must not fit
# Peak resident memory allowed per file. Under MEMORY_MB a runaway allocation raises
# MemoryError, which a broad `except` could turn into a plausible finding; its peak gives it away.
PEAK_MB = 512
TIMEOUT = 30            # seconds per file; a good plan takes well under one
CASES = cases()

def check_isolated(path: Path) -> dict:
    """Findings of `path` from a fresh process under MEMORY_MB and TIMEOUT."""
    try:
        done = subprocess.run([sys.executable, str(CHECK_ONE), str(path), str(MEMORY_MB)],
                              capture_output=True, text=True, timeout=TIMEOUT, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"检查 {path.name} 超过 {TIMEOUT} 秒未结束")
    assert done.returncode == 0, f"检查 {path.name} 的进程异常退出（{done.returncode}）：\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)


@lru_cache(maxsize=None)
def reference(relative: str) -> tuple[tuple[str, str], ...]:
    """(code, message) of a good fixture, checked in process: what a hostile variant of it
    must give too."""
    from plan_rules.check import Checker
    result = Checker(use_engine=False).check_path(FIXTURES / relative)
    return tuple((f.code, f.message) for f in result.findings)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    from hostile.make_corpus import build
    directory = tmp_path_factory.mktemp("hostile")
    build(directory)
    yield directory
    (directory / "no-permission.yaml").chmod(0o644)      # so that pytest can remove it


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_hostile_file_gives_exactly_its_findings_within_bounds(corpus, name):
    expect = CASES[name].expect
    if expect.skip:
        pytest.skip(expect.skip)
    outcome = check_isolated(corpus / name)
    assert outcome["peak_kb"] < PEAK_MB * 1024, f"峰值内存 {outcome['peak_kb'] // 1024} MB"
    findings = [tuple(pair) for pair in outcome["findings"]]
    if expect.like:
        assert findings == list(reference(expect.like))
        return
    assert sorted(code for code, _ in findings) == list(expect.codes), findings
    if expect.phrase:
        assert expect.phrase in findings[0][1], findings


def test_an_external_entity_is_never_resolved(corpus):
    findings = check_isolated(corpus / "xxe.docx")["findings"]
    assert findings and not any(XXE_MARKER in message for _, message in findings)
    from plan_rules.extract import extract_document
    assert XXE_MARKER not in repr(extract_document(str(corpus / "xxe.docx")).plan)


# ---- the core fixes, pinned in process ------------------------------------------------------

def test_a_named_pipe_is_refused_without_being_opened(tmp_path, python_checker):
    pipe = tmp_path / "plan.yaml"
    os.mkfifo(pipe)                    # open() alone would block until a writer came
    [finding] = python_checker.check_path(pipe).findings
    assert (finding.code, finding.message) == ("IN001", "不是普通文件（命名管道、设备或套接字），未读取")


def test_a_sparse_file_is_refused_from_its_size(tmp_path, python_checker):
    huge = tmp_path / "plan.yaml"
    with huge.open("wb") as out:
        out.truncate(10 * 1024 ** 3)
    [finding] = python_checker.check_path(huge).findings
    assert finding.message == f"文件过大（{10 * 1024 ** 3} 字节，上限 5242880 字节），不像是一份计划"


def test_os_errors_are_said_in_chinese(tmp_path, python_checker):
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    assert [f.message for f in python_checker.check_path(tmp_path / "a.yaml").findings] == [
        "无法读取文件：符号链接循环（链接最终指回自身）"]
    assert [f.message for f in python_checker.check_path(tmp_path).findings] == ["无法读取文件：这是一个目录，不是文件"]
    assert [f.message for f in python_checker.check_path(tmp_path / "none.yaml").findings] == ["无法读取文件：文件不存在"]


@pytest.mark.parametrize("year, message", [
    (10 ** 30, "字段 year：数值过大（上限 9998）；实际为 '1000000000000000000000000000000'"),
    (0, "字段 year：不能小于 1；实际为 '0'"),
])
def test_a_year_no_calendar_holds_is_a_schema_error(python_checker, engines, year, message):
    text = (FIXTURES / "plans" / "clean-2021.yaml").read_text(encoding="utf-8").replace("year: 2021", f"year: {year}")
    for checker in (python_checker, *engines):
        [finding] = checker.check_bytes(text.encode(), "plan.yaml", ".yaml").findings
        assert (finding.code, finding.message) == ("IN002", message)


def test_a_year_far_from_now_is_still_md001(default_checker):
    text = (FIXTURES / "plans" / "clean-2021.yaml").read_text(encoding="utf-8").replace("year: 2021", "year: 9998")
    codes = {f.code for f in default_checker.check_bytes(text.encode(), "plan.yaml", ".yaml").findings}
    assert "MD001" in codes and not codes & {"IN001", "IN002"}


def test_percent_error_is_exact_and_bounded():
    from decimal import Decimal
    from fractions import Fraction

    from plan_rules.facts.printed_percentages import MAX_OFF_UNITS, percent_error
    assert percent_error(Decimal("68.96"), Fraction(200, 290)) == (1, "68.97%")
    assert percent_error(Decimal("31.04"), Fraction(90, 290)) == (1, "31.03%")
    assert percent_error(Decimal("70"), Fraction(7, 10)) == (0, "70%")
    assert percent_error(Decimal("1E+400"), Fraction(7, 10)) == (MAX_OFF_UNITS, "70%")
    assert percent_error(Decimal("70." + "0" * 39 + "1"), Fraction(7, 10)) == (0, "70.000000%")
    assert percent_error(Decimal("1E-999999"), Fraction(7, 10)) == (70_000_000, "70.000000%")


def test_formulas_beyond_the_engine_range_are_not_compared():
    from decimal import Decimal

    from plan_rules.facts.printed_formulas import facts_of_formula
    from plan_rules.model import Formula, FormulaTerm, Plan
    huge = Formula(text="x", terms=[FormulaTerm(value=Decimal(10 ** 8))] + [FormulaTerm(op="×", value=Decimal(10 ** 8))] * 4,
                   result=Decimal(1))
    tiny = Formula(text="y", terms=[FormulaTerm(value=Decimal(1)), FormulaTerm(op="÷", value=Decimal("1e-999999"))],
                   result=Decimal("1e999999"))
    for formula in (huge, tiny):
        [fact] = facts_of_formula(Plan(), formula, 0)
        assert "computed" not in fact and "result" not in fact


def test_too_many_facts_are_refused_not_evaluated(python_checker):
    from plan_rules.check import MAX_FACTS
    units = "".join(f"    - {{name: 单位{i}}}\n" for i in range(MAX_FACTS))
    text = f"year: 2021\ngeneral_inspections:\n  units:\n{units}"
    [finding] = python_checker.check_bytes(text.encode(), "plan.yaml", ".yaml").findings
    assert finding.code == "IN001" and finding.message.startswith("计划所列条目过多（")


# ---- the same files in one batch ------------------------------------------------------------

GOOD = ("plans/clean-2021.yaml", "plans/lishan-2023.yaml", "documents/anping-2023.docx")
# The seed again under a name copied from a Windows share: GBK bytes, not UTF-8 (issue 11).
GBK_NAME = "good-北京.yaml".encode("gbk")
GBK_SHOWN = r"good-\xb1\xb1\xbe\xa9.yaml"


def limited() -> None:
    import resource
    size = MEMORY_MB * 2 * 1024 * 1024       # the main process and each worker
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


@pytest.fixture(scope="session")
def batch(tmp_path_factory) -> dict[str, list[dict]]:
    """`plan-rules check <the corpus with the good plans> -f json -o <a report in the same
    folder>`: findings by file name, from the report file, which must be whole."""
    import shutil

    from hostile.make_corpus import build
    folder = tmp_path_factory.mktemp("hostile-batch")
    build(folder)
    for relative in GOOD:
        shutil.copy(FIXTURES / relative, folder / ("good-" + Path(relative).name))
    shutil.copy(FIXTURES / GOOD[1], os.path.join(os.fsencode(folder), GBK_NAME))
    report = folder / "report.json"
    try:
        done = subprocess.run([str(PLAN_RULES), "check", str(folder), "-f", "json", "-q", "-o", str(report)],
                              capture_output=True, text=True, timeout=TIMEOUT * 4, cwd=ROOT, preexec_fn=limited)
    except subprocess.TimeoutExpired:
        pytest.fail("批量检查超时未结束")
    assert done.returncode == 1, done.stderr[-3000:]
    (folder / "no-permission.yaml").chmod(0o644)
    return {Path(entry["path"]).name: entry["findings"] for entry in json.loads(report.read_bytes())["files"]}


def test_a_batch_reports_every_hostile_file_a_walk_finds(batch):
    walked = {name for name, case in CASES.items() if case.expect.batch and not case.expect.skip}
    assert set(batch) == walked | {"good-" + Path(relative).name for relative in GOOD} | {GBK_SHOWN}


@pytest.mark.parametrize("name", sorted(name for name, case in CASES.items()
                                        if case.expect.batch and not case.expect.skip))
def test_in_a_batch_each_hostile_file_gives_the_same_codes(batch, name):
    expect = CASES[name].expect
    findings = [(f["code"], f["message"]) for f in batch[name]]
    if expect.like:
        assert findings == list(reference(expect.like))
    else:
        assert sorted(code for code, _ in findings) == list(expect.codes), findings


@pytest.mark.parametrize("relative", GOOD)
def test_in_a_batch_the_good_plans_are_checked_exactly(batch, relative):
    from plan_rules.check import Checker
    expected = Checker(use_engine=False).check_path(FIXTURES / relative).findings
    assert [(f["code"], f["message"], f["line"], f["where"]) for f in batch["good-" + Path(relative).name]] == [
        (f.code, f.message, f.position[0], f.where) for f in expected]


def test_in_a_batch_a_plan_whose_name_is_not_utf8_is_checked_and_named_escaped(batch):
    assert [(f["code"], f["message"]) for f in batch[GBK_SHOWN]] == [
        (f["code"], f["message"]) for f in batch["good-lishan-2023.yaml"]]


def test_in_a_batch_a_sparse_10gb_plan_is_refused_from_its_size(batch):
    assert [(f["code"], "过大" in f["message"]) for f in batch["sparse-10gb.yaml"]] == [("IN001", True)]


def test_a_named_pipe_given_to_the_command_line_is_refused(tmp_path):
    os.mkfifo(tmp_path / "plan.yaml")
    try:
        done = subprocess.run([str(PLAN_RULES), "check", str(tmp_path / "plan.yaml"), "-f", "concise"],
                              capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("命名管道使检查挂起")
    assert "IN001" in done.stdout and "不是普通文件" in done.stdout


@pytest.mark.parametrize("line, message", [
    # Forty decimals: past the 28-digit decimal context (InvalidOperation before the fix).
    ("重点检查工作日占监督检查工作日的0.0000000000000000000000000000001%",
     "重点检查工作日占比写为 1E-31%，按监督检查工作日计算应为 68.965517%，与所列天数不符。"),
    # 10^23: "off_units" beyond 64 bits, refused by the engine adapter before the fix. No base
    # is named and neither matches: both are shown (docs/rules/WD010.md).
    ("重点检查工作日占比99999999999999999999999.123456789%",
     "重点检查工作日占比写为 99999999999999999999999.123456789%，按监督检查工作日计算应为 68.965517%，"
     "按总法定工作日计算应为 6.693440%，与所列天数不符。"),
])
def test_a_document_printing_an_absurd_percentage_gets_wd010(python_checker, engines, line, message):
    seed = (FIXTURES / "documents" / "lishan-2023.txt").read_text(encoding="utf-8").splitlines()
    text = "\n".join(seed[:31] + [line] + seed[31:]).encode("utf-8")
    for checker in (python_checker, *engines):
        findings = checker.check_bytes(text, "plan.txt", ".txt").findings
        assert message in [f.message for f in findings if f.code == "WD010"]


def test_a_document_printing_an_overflowing_formula_is_checked(python_checker, engines):
    """10^32 as a product: InvalidOperation in the facts before the fix. Not compared as
    arithmetic (beyond the engine's range); its operand that names a figure still is."""
    seed = (FIXTURES / "documents" / "lishan-2023.txt").read_text(encoding="utf-8").splitlines()
    text = "\n".join(seed[:31] + ["总法定工作日：99999999日×99999999人×99999999×99999999=1日"] + seed[31:])
    results = [checker.check_bytes(text.encode("utf-8"), "plan.txt", ".txt").findings
               for checker in (python_checker, *engines)]
    assert all([(f.code, f.message) for f in found] == [(f.code, f.message) for f in results[0]] for found in results[1:])
    assert not any(f.code == "WD013" and "计算有误" in f.message for f in results[0])

"""Where durable_rules cannot be imported (Python 3.13, docs/architecture.md "The engine"),
simulated by blocking its import as if it were not installed: the default falls back to the
plain evaluator and says so unless -q; the engine asked for by name is a usage error."""
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plan_rules.check import fallback_notice
from plan_rules.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "plans"
SEED = str(FIXTURES / "lishan-2023.yaml")
ON_3_13 = "（它不能在 Python 3.13 及以上导入，所以不随 plan-rules 安装）"
MISSING = "未安装 durable_rules" + (ON_3_13 if sys.version_info >= (3, 13) else "")
REFUSED = f"plan-rules: {MISSING}，不能按 --evaluator engine 检查；--evaluator python 是等价的纯 Python 求值器\n"
NOTICE = f"plan-rules: {MISSING}，改用等价的纯 Python 求值器\n"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def plain():
    """The seed checked with the plain evaluator chosen on purpose: its findings on stdout, the
    summary on stderr."""
    return run("check", "-f", "concise", "--evaluator", "python", SEED)


@pytest.fixture(scope="module")
def plain_report(plain) -> str:
    return plain.stdout


@pytest.fixture
def without_durable(monkeypatch):
    monkeypatch.setitem(sys.modules, "durable", None)
    monkeypatch.setitem(sys.modules, "durable_rules_engine", None)
    monkeypatch.delenv("PLAN_RULES_EVALUATOR", raising=False)


@pytest.mark.parametrize("quiet", [[], ["-q"]], ids=["", "-q"])
def test_evaluator_engine_on_the_command_line_exits_2_with_one_line(without_durable, quiet):
    result = run("check", *quiet, "--evaluator", "engine", SEED)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", REFUSED)


def test_the_default_falls_back_to_the_plain_evaluator_and_says_so(without_durable, plain):
    result = run("check", "-f", "concise", SEED)
    assert (result.exit_code, result.stdout, result.stderr) == (1, plain.stdout, NOTICE + plain.stderr)


def test_quiet_silences_the_fallback_notice(without_durable, plain_report):
    result = run("check", "-q", "-f", "concise", SEED)
    assert (result.exit_code, result.stdout, result.stderr) == (1, plain_report, "")


def test_the_plain_evaluator_chosen_says_nothing_of_durable(without_durable, plain):
    result = run("check", "-f", "concise", "--evaluator", "python", SEED)
    assert (result.exit_code, result.stdout, result.stderr) == (1, plain.stdout, plain.stderr)


def test_the_engine_named_in_the_environment_is_refused_as_on_the_command_line(without_durable, monkeypatch):
    monkeypatch.setenv("PLAN_RULES_EVALUATOR", "engine")
    result = run("check", SEED)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", REFUSED)


def test_the_plain_evaluator_named_in_the_environment_says_nothing(without_durable, monkeypatch, plain):
    monkeypatch.setenv("PLAN_RULES_EVALUATOR", "python")
    result = run("check", "-f", "concise", SEED)
    assert (result.exit_code, result.stdout, result.stderr) == (1, plain.stdout, plain.stderr)


def test_a_durable_that_fails_to_import_is_named_with_python_s_words():
    error = ImportError("durable_rules_engine.so: undefined symbol: PyEval_CallObject")
    assert fallback_notice(error) == ("plan-rules: 无法载入 durable_rules（durable_rules_engine.so: undefined symbol: "
                                      "PyEval_CallObject），改用等价的纯 Python 求值器\n")


def test_the_notice_on_python_3_13_says_why(monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 13, 0, "final", 0))
    assert fallback_notice(ModuleNotFoundError("No module named 'durable'")) == (
        f"plan-rules: 未安装 durable_rules{ON_3_13}，改用等价的纯 Python 求值器\n")

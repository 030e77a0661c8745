"""Where durable_rules cannot be imported (Python 3.13, docs/architecture.md "The engine"),
simulated by blocking its import: the default falls back to the plain evaluator and says so
unless -q; `--evaluator engine` typed on the command line is a usage error."""
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plan_rules.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "plans"
SEED = str(FIXTURES / "lishan-2023.yaml")
WHY = "import of durable halted; None in sys.modules"
REFUSED = f"plan-rules: 无法载入 durable_rules（{WHY}），不能按 --evaluator engine 检查；--evaluator python 是等价的纯 Python 求值器\n"
NOTICE = f"plan-rules: 无法载入 durable_rules（{WHY}），改用等价的纯 Python 求值器\n"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def plain_report() -> str:
    """The seed's findings from the plain evaluator chosen on purpose."""
    return run("check", "-q", "-f", "concise", "--evaluator", "python", SEED).stdout


@pytest.fixture
def without_durable(monkeypatch):
    monkeypatch.setitem(sys.modules, "durable", None)
    monkeypatch.setitem(sys.modules, "durable_rules_engine", None)


@pytest.mark.parametrize("quiet", [[], ["-q"]], ids=["", "-q"])
def test_evaluator_engine_on_the_command_line_exits_2_with_one_line(without_durable, quiet):
    result = run("check", *quiet, "--evaluator", "engine", SEED)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", REFUSED)


def test_the_default_falls_back_to_the_plain_evaluator_and_says_so(without_durable, plain_report):
    result = run("check", "-f", "concise", SEED)
    assert (result.exit_code, result.stdout) == (1, plain_report)
    assert result.stderr.startswith(NOTICE) and result.stderr.count("无法载入") == 1


def test_quiet_silences_the_fallback_notice(without_durable, plain_report):
    result = run("check", "-q", "-f", "concise", SEED)
    assert (result.exit_code, result.stdout, result.stderr) == (1, plain_report, "")


def test_the_plain_evaluator_chosen_says_nothing_of_durable(without_durable, plain_report):
    result = run("check", "-f", "concise", "--evaluator", "python", SEED)
    assert (result.exit_code, result.stdout) == (1, plain_report) and "durable" not in result.stderr

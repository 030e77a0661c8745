"""What a cold start imports (docs/architecture.md, "Budgets"): pinned by the modules loaded,
never by a timing. The time itself is measured by bench/benchmark.py."""
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from plan_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLEAN = str(ROOT / "fixtures" / "plans" / "clean-2021.yaml")


def loaded_after(*args: str, modules: tuple[str, ...]) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Runs `plan-rules ARGS` in a fresh interpreter and says which of MODULES it had imported."""
    program = ("import sys, atexit\n"
               f"atexit.register(lambda: sys.__stderr__.write('LOADED ' + ' '.join(m for m in {modules!r} if m in sys.modules)))\n"
               f"sys.argv = ['plan-rules', *{list(args)!r}]\n"
               "from plan_rules.entry import main\n"
               "main()\n")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, cwd=ROOT)
    loaded = result.stderr.decode("utf-8").rsplit("LOADED", 1)[1].split()
    return result, set(loaded)


def test_version_alone_is_said_without_click_or_the_checker():
    result, loaded = loaded_after("--version", modules=("click", "pydantic", "yaml", "plan_rules.cli"))
    assert result.returncode == 0
    assert result.stdout == "plan-rules，版本 0.1.0\n".encode("utf-8")
    assert loaded == set()


def test_version_says_the_same_through_click():
    result = CliRunner().invoke(main, ["--version"])
    assert (result.exit_code, result.stdout) == (0, "plan-rules，版本 0.1.0\n")


def test_checking_a_structured_plan_imports_no_document_library():
    heavy = ("docx", "lxml", "pdfplumber", "cn2an", "charset_normalizer", "ruamel", "tabulate", "plan_rules.extract")
    result, loaded = loaded_after("check", "-q", CLEAN, modules=heavy)
    assert result.returncode == 0
    assert loaded == set()


def test_the_plain_evaluator_does_not_import_durable():
    result, loaded = loaded_after("check", "-q", "--evaluator", "python", CLEAN,
                                  modules=("durable", "durable_rules_engine"))
    assert result.returncode == 0
    assert loaded == set()


COLLECTOR = """
import gc, sys
from click.testing import CliRunner
from plan_rules.cli import main
{before}
CliRunner().invoke(main, ["check", "-q", sys.argv[1]])
first = gc.get_freeze_count()
CliRunner().invoke(main, ["check", "-q", sys.argv[1]])
print(gc.isenabled(), first > 0, gc.get_freeze_count() <= first)   # freed objects leave it; only a freeze adds
"""


def test_the_collector_is_paused_for_the_first_imports_only_and_enabled_again():
    done = subprocess.run([sys.executable, "-c", COLLECTOR.format(before=""), CLEAN], capture_output=True, text=True)
    assert done.stdout == "True True True\n"


def test_a_collector_paused_by_the_caller_stays_paused_and_nothing_is_frozen():
    done = subprocess.run([sys.executable, "-c", COLLECTOR.format(before="gc.disable()"), CLEAN],
                          capture_output=True, text=True)
    assert done.stdout == "False False True\n"

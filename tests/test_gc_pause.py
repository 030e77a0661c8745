"""The collector is paused while a file is checked and always left as it was found
(plan_rules/gc_pause.py); workers import the libraries of the batch's kinds of file as they
start (plan_rules/workers.py)."""
import gc
import subprocess
import sys
from pathlib import Path

import pytest

from plan_rules.check import Checker
from plan_rules.gc_pause import collector_paused

PLAN = Path(__file__).parent.parent / "fixtures" / "plans" / "clean-2021.yaml"


@pytest.fixture
def collector_enabled():
    gc.enable()
    yield
    gc.enable()


def test_paused_within_and_enabled_again_after(collector_enabled):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_enabled_again_when_the_block_raises(collector_enabled):
    with pytest.raises(ZeroDivisionError):
        with collector_paused():
            1 / 0
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(collector_enabled):
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_a_file_is_read_and_checked_with_the_collector_paused(collector_enabled, monkeypatch):
    checker = Checker()
    seen = []
    read = checker.read

    def reading(*args):
        seen.append(gc.isenabled())
        return read(*args)

    monkeypatch.setattr(checker, "read", reading)
    result = checker.check_bytes(PLAN.read_bytes(), "clean.yaml", ".yaml")
    assert seen == [False] and gc.isenabled() and result.plan is not None


def test_a_check_that_fails_leaves_the_collector_enabled(collector_enabled, monkeypatch):
    checker = Checker()
    monkeypatch.setattr(checker, "check_plan", lambda *args: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        checker.check_bytes(PLAN.read_bytes(), "clean.yaml", ".yaml")
    assert gc.isenabled()


@pytest.mark.parametrize("suffixes, imported, not_imported", [
    ({".yaml", ".json"}, ["chinese_calendar"], ["cn2an", "plan_rules.extract", "pdfplumber", "lxml"]),
    ({".txt"}, ["cn2an", "plan_rules.extract", "charset_normalizer"], ["pdfplumber"]),
    ({".docx"}, ["cn2an", "lxml", "plan_rules.readers.word"], ["pdfplumber"]),
    ({".pdf"}, ["cn2an", "pdfplumber", "plan_rules.readers.pdf"], []),
])
def test_workers_import_the_libraries_of_the_batch_kinds_of_file(suffixes, imported, not_imported):
    probe = (f"import sys; from plan_rules.workers import import_libraries; import_libraries({sorted(suffixes)!r}); "
             f"print(sorted(m for m in {imported + not_imported!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[0] == repr(sorted(imported))

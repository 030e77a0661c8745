"""Shared checkers: building the durable_rules Host is costly and it is never freed
(docs/architecture.md, "The engine"), so one of each per test session.

Where durable_rules cannot be imported (Python 3.13), the tests that need the engine skip with
the reason, the differential tests still run the plain evaluator, and the command line is run
with the plain evaluator named (PLAN_RULES_EVALUATOR), so that its output is the engine's
without the fallback notice; test_without_durable.py tests the notice itself."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from plan_rules.check import Checker, no_engine_zh
from plan_rules.engine import why_unavailable

TAOYUAN = Path(__file__).resolve().parent.parent / "fixtures" / "documents" / "taoyuan-2026.docx"
NO_ENGINE = why_unavailable()
if NO_ENGINE is not None:
    os.environ["PLAN_RULES_EVALUATOR"] = "python"     # inherited by the commands the tests start, too


@pytest.fixture(scope="session")
def durable() -> None:
    """Requested by the tests that need the engine: they skip, saying why, where it cannot be imported."""
    if NO_ENGINE is not None:
        pytest.skip(f"{no_engine_zh(NO_ENGINE)}：需要引擎的测试跳过")


@pytest.fixture(scope="session")
def engine_checker(durable) -> Checker:
    from plan_rules.engine import DurableEngine

    checker = Checker(use_engine=True)
    # Checker would fall back to the plain evaluator if durable_rules could not be imported;
    # the differential tests would then compare the evaluator with itself.
    assert isinstance(getattr(checker.evaluate, "__self__", None), DurableEngine), "durable_rules 引擎未载入"
    return checker


@pytest.fixture(scope="session")
def python_checker() -> Checker:
    return Checker(use_engine=False)


@pytest.fixture(scope="session")
def engines(request) -> list[Checker]:
    """The checkers the plain evaluator is held against: the engine's, or none where durable_rules
    cannot be imported, and then the plain evaluator's own assertions still run."""
    return [] if NO_ENGINE is not None else [request.getfixturevalue("engine_checker")]


@pytest.fixture(scope="session")
def default_checker(request) -> Checker:
    """The checker `plan-rules check` runs by default: the engine's, or the plain evaluator's
    where durable_rules cannot be imported."""
    return request.getfixturevalue("python_checker" if NO_ENGINE is not None else "engine_checker")


@pytest.fixture(scope="session")
def legacy_copies(tmp_path_factory) -> Path:
    """taoyuan-2026.docx saved by LibreOffice as .doc and .rtf; a .wps is the .doc's bytes
    (WPS 文字 writes the Word 97 format under its own suffix)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("未安装 LibreOffice（apt-get install -y libreoffice-writer-nogui），跳过转换测试")
    folder = tmp_path_factory.mktemp("legacy")
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--convert-to", "doc", "--outdir", str(folder), str(TAOYUAN)], capture_output=True, timeout=180, check=True)
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--convert-to", "rtf", "--outdir", str(folder), str(TAOYUAN)], capture_output=True, timeout=180, check=True)
    shutil.copy(folder / "taoyuan-2026.doc", folder / "taoyuan-2026.wps")
    return folder


@pytest.fixture
def worker_dies_on_plan_020(monkeypatch) -> None:
    """A forked worker that reads plan-020.yaml dies at once (os._exit), as a crash in C would
    end it; only forked workers inherit the patch, so tests using it skip where workers spawn."""
    import multiprocessing
    import os
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the crash is planted by patching the parent, which only forked workers inherit")
    read = Checker.read

    def read_or_die(self, data, name, suffix):
        if name.endswith("plan-020.yaml"):
            os._exit(70)
        return read(self, data, name, suffix)
    monkeypatch.setattr(Checker, "read", read_or_die)

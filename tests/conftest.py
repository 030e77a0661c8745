"""Shared checkers: building the durable_rules Host is costly and it is never freed
(docs/architecture.md, "The engine"), so one of each per test session."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from plan_rules.check import Checker

TAOYUAN = Path(__file__).resolve().parent.parent / "fixtures" / "documents" / "taoyuan-2026.docx"


@pytest.fixture(scope="session")
def engine_checker() -> Checker:
    from plan_rules.engine import DurableEngine

    checker = Checker(use_engine=True)
    # Checker falls back to the plain evaluator when durable_rules cannot be imported; the
    # differential tests would then compare the evaluator with itself.
    assert isinstance(getattr(checker.evaluate, "__self__", None), DurableEngine), "durable_rules 引擎未载入"
    return checker


@pytest.fixture(scope="session")
def python_checker() -> Checker:
    return Checker(use_engine=False)


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

"""plan-rules as a pre-commit hook, installed the way pre-commit installs it: `pip install .`
of this repository (not editable), so the rule files must travel inside the package.

The try-repo test builds a fresh virtualenv and installs the dependencies from the package
index each time: about 25 seconds, the slowest test of the suite.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

tomllib = pytest.importorskip("tomllib", reason="Python 3.11 起才有 tomllib")
ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "fixtures" / "plans"
SEED_DOCUMENT = ROOT / "fixtures" / "documents" / "lishan-2023.txt"
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "plan-rules tests", "GIT_AUTHOR_EMAIL": "tests@plan-rules.invalid",
                "GIT_COMMITTER_NAME": "plan-rules tests", "GIT_COMMITTER_EMAIL": "tests@plan-rules.invalid"}


def test_every_package_of_plan_rules_is_in_the_wheel():
    """pyproject.toml lists the packages (discovery cannot map rules/ into the package)."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    present = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "plan_rules").rglob("__init__.py")}
    assert present | {"plan_rules.rulebook", "plan_rules.rule_pages"} == listed


def test_the_hook_definition_sends_plan_files_to_one_process():
    hook, cross_plan = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["language"], hook["entry"], hook["require_serial"]) == (
        "plan-rules", "python", "plan-rules check --no-cross-plan", True)
    assert (cross_plan["id"], cross_plan["entry"], cross_plan["pass_filenames"], cross_plan["files"]) == (
        "plan-rules-cross-plan", "plan-rules check --select XP", False, hook["files"])
    matches = [name for name in ("a.yaml", "a.yml", "a.json", "a.txt", "a.docx", "a.pdf", "a.csv", "a.py")
               if re.search(hook["files"], name)]
    assert matches == ["a.yaml", "a.yml", "a.json", "a.txt", "a.docx", "a.pdf"]


@pytest.mark.skipif(shutil.which("git") is None, reason="需要 git")
def test_pre_commit_try_repo_passes_good_plans_and_fails_bad_ones(tmp_path):
    pytest.importorskip("pre_commit", reason="需要 pre-commit（pip install -e '.[test]'）")
    scratch = tmp_path / "plans-repo"
    scratch.mkdir()
    git(scratch, "init", "-q")
    shutil.copyfile(PLANS / "clean-2021.yaml", scratch / "good.yaml")
    (scratch / "good.json").write_text(yaml_as_json(PLANS / "clean-2021.yaml"), encoding="utf-8")
    shutil.copyfile(PLANS / "lishan-2023.yaml", scratch / "bad.yaml")
    shutil.copyfile(SEED_DOCUMENT, scratch / "bad.txt")
    git(scratch, "add", ".")

    with ThreadPoolExecutor(2) as pool:       # two fresh hook environments, built side by side
        good, bad = pool.map(lambda files: try_repo(scratch, tmp_path, *files),
                             [("good.yaml", "good.json"), ("bad.yaml", "bad.txt")])
    assert good.returncode == 0, good.stdout
    assert "Passed" in good.stdout
    assert bad.returncode == 1, bad.stdout
    assert "Failed" in bad.stdout and "- exit code: 1" in bad.stdout
    lines = [line.strip() for line in bad.stdout.splitlines()]
    assert "bad.yaml" in lines and "bad.txt" in lines
    assert "25:5  错误  WD006  其他执法工作日所列合计为 1456 日，各分项相加为 1458 日，两者不符。" in lines
    wd006 = "错误  WD006  其他执法工作日所列合计为 1456 日，各分项相加为 1458 日，两者不符。"
    assert sum(line.endswith(wd006) for line in lines) == 2     # the YAML plan and the text document


def try_repo(scratch: Path, tmp_path: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(tmp_path / f"pre-commit-home-{files[0]}")}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "plan-rules", "--files", *files],
                          cwd=scratch, env=env, capture_output=True, text=True, encoding="utf-8", timeout=900)


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, env={**os.environ, **GIT_IDENTITY})


def yaml_as_json(path: Path) -> str:
    return json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), ensure_ascii=False, default=str)

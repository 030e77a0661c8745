"""Issue 11, pre-commit: with thousands of files pre-commit splits them over several runs of a
hook, and a check across plans missed the plans of other runs while the docs promised it;
a plan named -2021.yaml was taken for an option.

The hooks of .pre-commit-hooks.yaml run here as `repo: local` hooks of language `system`, on
this checkout's plan-rules, under real pre-commit (its own splitting), without building the
hook environment that test_precommit.py's try-repo test builds."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml

from running import CLEAN, PLAN_RULES, ROOT

GIT_IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@plan-rules.invalid",
                "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@plan-rules.invalid"}
PLANS = 1500
LONG = "区" * 60          # 197 bytes a name: 1,500 names are some 300 KB, several runs of a hook
SHARED = "共同化工有限公司"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="需要 git")


def write_plans(folder) -> None:
    """Plans of different counties, the first and the last listing the same key unit."""
    folder.mkdir()
    for index in range(PLANS):
        unit = SHARED if index in (0, PLANS - 1) else f"第{index}化工有限公司"
        (folder / f"{LONG}-{index:04d}.yaml").write_text(
            f"year: 2024\nissuer: {{name: 第{index}县应急管理局}}\nkey_inspections:\n  units:\n    - {{name: {unit}}}\n",
            encoding="utf-8")


def local_hooks(args_of: dict[str, list[str]]) -> dict:
    """The repository's hooks as local ones running this checkout's plan-rules."""
    hooks = []
    for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")):
        entry = hook["entry"].replace("plan-rules", str(PLAN_RULES), 1)
        hooks.append({**hook, "language": "system", "entry": entry, "files": "^计划/", "verbose": True,
                      "args": args_of.get(hook["id"], [])})
    return {"repos": [{"repo": "local", "hooks": hooks}]}


@needs_git
def test_with_thousands_of_files_cross_plan_checks_are_complete_or_said_not_run(tmp_path):
    pytest.importorskip("pre_commit", reason="需要 pre-commit（pip install -e '.[test]'）")
    write_plans(tmp_path / "计划")
    config = local_hooks({"plan-rules": ["--select", "XP"], "plan-rules-cross-plan": ["计划"]})
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(tmp_path / ".cache")}
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env=env)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=tmp_path, env=env,
                          capture_output=True, timeout=600)
    output = done.stdout.decode("utf-8")
    per_file = output.count("plan-rules: 未作跨计划检查")
    assert per_file >= 2, output[-3000:]                   # every run of the per-file hook says so
    assert output.count(f"“{SHARED}”同时列为本计划") == 1      # and the folder's hook finds the pair


@needs_git
def test_a_plan_whose_name_begins_with_a_dash_is_a_file_not_an_option(tmp_path):
    shutil.copyfile(CLEAN, tmp_path / "-2021.yaml")
    done = subprocess.run([str(PLAN_RULES), "check", "-f", "concise", "-2021.yaml", "-q"],
                          cwd=tmp_path, capture_output=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, b"")
    broken = tmp_path / "-x.yaml"
    broken.write_text("year: [\n", encoding="utf-8")
    done = subprocess.run([str(PLAN_RULES), "check", "-f", "concise", "-x.yaml", "-2021.yaml"],
                          cwd=tmp_path, capture_output=True, timeout=60)
    assert done.returncode == 1 and done.stdout.decode("utf-8").startswith("-x.yaml:2:1: IN001")

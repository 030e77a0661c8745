"""Issue 11, bounded cost: checks across plans grow with the plans, not with their pairs."""
from __future__ import annotations

import json
import resource
import subprocess

from running import PLAN_RULES

PLANS, UNITS = 2000, 5
MEMORY_MB = 1024
TIMEOUT = 300       # seconds for the whole batch; a linear check takes a few


def limited() -> None:
    size = MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def test_2000_plans_sharing_five_units_give_five_findings_naming_every_plan(tmp_path):
    """One finding per pair of plans made 1,999,000 warnings, a 1.4 GB JSON and 6.4 GB of memory."""
    units = "".join(f"    - {{name: 共同化工有限公司{u}}}\n" for u in range(UNITS))
    for index in range(PLANS):
        (tmp_path / f"plan-{index:04d}.yaml").write_text(
            f"year: 2024\nissuer: {{name: 第{index}县应急管理局}}\nkey_inspections:\n  units:\n{units}", encoding="utf-8")
    done = subprocess.run([str(PLAN_RULES), "check", str(tmp_path), "-f", "json", "-q", "--select", "XP001", "-j", "1"],
                          capture_output=True, timeout=TIMEOUT, preexec_fn=limited)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    findings = json.loads(done.stdout)["cross_plan"]
    assert [(f["code"], f["file"].rsplit("/", 1)[1], f["field"]) for f in findings] == [
        ("XP001", f"plan-{PLANS - 1:04d}.yaml", f"key_inspections.units[{u}]") for u in range(UNITS)]
    for finding in findings:
        assert all(f"plan-{index:04d}.yaml（第{index}县应急管理局）" in finding["message"] for index in range(PLANS - 1))

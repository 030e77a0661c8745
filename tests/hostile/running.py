"""Running plan-rules as a user does, for the hostile-input tests: a separate process, bytes in
and out, a timeout so that a hang fails the test instead of the suite."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "plans" / "lishan-2023.yaml"       # 25 findings
CLEAN = FIXTURES / "plans" / "clean-2021.yaml"       # none
PLAN_RULES = Path(sys.executable).parent / "plan-rules"
TIMEOUT = 120


def plan_rules(*args: str, cwd: Path = ROOT, **options) -> subprocess.CompletedProcess:
    """`plan-rules ARGS` with bytes for output (a report may not be UTF-8 if it is broken)."""
    streams = {"stdout": options.pop("stdout", subprocess.PIPE), "stderr": subprocess.PIPE}
    return subprocess.run([str(PLAN_RULES), *args], cwd=cwd, timeout=TIMEOUT, **streams, **options)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    """The stderr of a usage or output error: exit code 2 and one line, no traceback."""
    text = done.stderr.decode("utf-8")
    assert done.returncode == 2 and text.count("\n") == 1 and "Traceback" not in text, (done.returncode, text)
    return text

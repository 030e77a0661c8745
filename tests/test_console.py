"""Consoles: help and reports in one encoding — the terminal's own (GBK on a Chinese Windows
console), UTF-8 for pipes and files, --encoding to force it — and colour on a terminal only."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "plans" / "lishan-2023.yaml"
RED = b"\033[1;31m"


def in_terminal(*args: str, **env: str) -> bytes:
    """What `python -m plan_rules ARGS` writes to a terminal (a pseudo-terminal here), stdout
    and stderr together, with the terminal's encoding set through PYTHONIOENCODING."""
    controller, terminal = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    process = subprocess.Popen([sys.executable, "-m", "plan_rules", *args], stdin=terminal, stdout=terminal,
                               stderr=terminal, env={**environment, **env}, cwd=ROOT)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:          # EIO: the program has closed the terminal
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=120)
    os.close(controller)
    return output


def test_a_gbk_terminal_gets_help_and_report_in_gbk():
    help_text = in_terminal("check", "--help", PYTHONIOENCODING="gbk", NO_COLOR="1").decode("gbk")
    assert "用法：plan-rules check [选项] 路径…" in help_text and "显示此帮助并退出。" in help_text
    report = in_terminal("check", str(SEED), PYTHONIOENCODING="gbk", NO_COLOR="1").decode("gbk")
    assert "错误  WD006  其他执法工作日所列合计为 1456 日，各分项相加为 1458 日，两者不符。" in report
    assert "共检查 1 个文件，1 个有错误" in report


def test_a_pipe_gets_utf8_for_help_and_report_even_under_a_gbk_locale():
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    for args in (["check", "--help"], ["check", str(SEED)]):
        done = subprocess.run([sys.executable, "-m", "plan_rules", *args], capture_output=True, env=env, timeout=60)
        assert "检查" in done.stdout.decode("utf-8") + done.stderr.decode("utf-8")


def test_encoding_forces_the_encoding_of_a_pipe():
    done = subprocess.run([sys.executable, "-m", "plan_rules", "check", "--encoding", "gbk", str(SEED)],
                          capture_output=True, timeout=60)
    assert "两者不符" in done.stdout.decode("gbk") and done.stderr.decode("gbk").startswith("共检查 1 个文件")


def test_an_unknown_encoding_is_a_usage_error():
    done = subprocess.run([sys.executable, "-m", "plan_rules", "rules", "--encoding", "klingon"],
                          capture_output=True, timeout=60)
    assert done.returncode == 2 and "未知的编码“klingon”" in done.stderr.decode("utf-8")


@pytest.mark.parametrize("no_color,coloured", [({}, True), ({"NO_COLOR": "1"}, False)])
def test_severities_are_coloured_on_a_terminal_unless_no_color(no_color, coloured):
    output = in_terminal("check", str(SEED), PYTHONIOENCODING="utf-8", **no_color)
    assert (RED + "错误".encode("utf-8") in output) is coloured


def test_a_report_to_a_pipe_or_file_has_no_colour(tmp_path):
    done = subprocess.run([sys.executable, "-m", "plan_rules", "check", str(SEED)], capture_output=True, timeout=60)
    assert b"\033[" not in done.stdout
    in_terminal("check", str(SEED), "-o", str(tmp_path / "report.txt"))
    assert b"\033[" not in (tmp_path / "report.txt").read_bytes()

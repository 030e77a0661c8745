"""Issue 11, bounded cost: worker processes, as many as the cores and no longer alive than the
main process."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from running import CLEAN, PLAN_RULES

PLANS = 3000            # a batch that runs for some seconds on two workers


def children_of(pid: int) -> set[int]:
    children = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        children |= {int(child) for child in text.split()}
    return children


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def wait_until(condition, seconds: float = 30) -> bool:
    """Polls `condition` until it holds; False if it never did. A liveness check, not a timing."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def end_left_behind(workers: set[int]) -> None:
    """What a failure left running: this test's own workers, by their ids."""
    for pid in workers:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def many_plans(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for index in range(PLANS):
        shutil.copyfile(CLEAN, folder / f"plan-{index:04d}.yaml")
    return folder


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="需要 Linux 的 /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_workers_end_with_the_main_process_whatever_signal_ends_it(many_plans, signum):
    main = subprocess.Popen([str(PLAN_RULES), "check", str(many_plans), "-j", "2", "-q", "-f", "json"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        assert wait_until(lambda: len(children_of(main.pid)) >= 2), "两个检查进程没有启动"
        workers = children_of(main.pid)
        main.send_signal(signum)
        main.wait(timeout=60)
        assert main.returncode in (-signum, 128 + signum), main.returncode      # ended by the signal, not done
        assert wait_until(lambda: not any(alive(pid) for pid in workers)), "主进程结束后检查进程仍在运行"
    finally:
        main.kill()
        main.wait()
        end_left_behind(workers)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="需要 Linux 的 /proc")
def test_sigterm_ends_a_run_as_ctrl_c_does_and_writes_nothing(many_plans, tmp_path):
    main = subprocess.Popen([str(PLAN_RULES), "check", str(many_plans), "-j", "2", "-q", "-f", "json",
                             "-o", str(tmp_path / "report.json")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: set[int] = set()
    try:
        assert wait_until(lambda: len(children_of(main.pid)) >= 2)
        workers = children_of(main.pid)
        main.send_signal(signal.SIGTERM)
        _, error = main.communicate(timeout=60)
    finally:
        main.kill()
        main.communicate()
        end_left_behind(workers)
    assert (main.returncode, error.decode("utf-8")) == (128 + signal.SIGTERM, "\nplan-rules: 已中断\n")
    assert list(tmp_path.iterdir()) == []


def test_jobs_are_capped_at_the_usable_cores(many_plans, monkeypatch):
    from plan_rules import batch
    from plan_rules.workers import usable_cores

    started = []

    def record(files, jobs, initargs, advance, unfinished):
        started.append(jobs)
        return iter([batch.Checked(batch.FileResult(name), None, ()) for name in files])
    monkeypatch.setattr(batch, "run_pool", record)
    batch.run_batch([str(many_plans)], jobs=1000)
    assert started == ([usable_cores()] if usable_cores() > 1 else [])

"""Many paths → one batch result: files found under folders, checked in parallel processes,
then the checks across plans and the suppressions; sorted by path, so that the output is the
same whatever the parallelism.

One bad file never stops the batch: an exception while checking it, or even the death of the
worker process, becomes an IN001 finding for that file (docs/architecture.md, "Reading").
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Optional

from .check import Checker, FileResult, with_rule_details
from .config import Config
from .cross_plan import KeyUnitClaim, cross_plan_findings, key_unit_claim
from .discovery import STDIN, discover, find_files
from .findings import Finding
from .load import InputError, unreadable
from .output import Target, refuse_inputs
from .policy import Policy
from .reading import read_file, read_stdin, why_unreadable
from .report.signature import is_report, is_report_file
from .ruleset import load_rulebook
from .suppress import Suppression, Suppressor, inline_suppressions
from .workers import import_libraries, start_as_worker, worker_count

__all__ = ["Batch", "discover", "find_files", "run_batch"]
STDIN_NAME = "<stdin>"
YAML_SUFFIXES = (".yaml", ".yml")
# Starting a worker (fork, engine, rulebook) costs about as much as checking a dozen plans;
# measured, 40 plans take as long in-process as on two workers. Below this many files per
# worker, the batch is checked in-process.
MIN_FILES_PER_WORKER = 16
MAX_CHUNK = 64


@dataclass
class Batch:
    results: list[FileResult] = field(default_factory=list)
    cross_findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    unused_suppressions: list[Suppression] = field(default_factory=list)
    expired_suppressions: list[Suppression] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)    # files in the folders that are no plan format
    skipped_reports: list[str] = field(default_factory=list)     # reports plan-rules wrote, not checked
    cross_plan_checked: bool = True                               # False: XP001 and XP002 were not run

    @property
    def all_findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings] + self.cross_findings


@dataclass(frozen=True)
class Checked:
    """What a worker sends back for one file: small, so that pickling stays cheap."""
    result: FileResult                 # its plan only when the report needs it
    claim: Optional[KeyUnitClaim]      # for XP001
    suppressions: tuple[Suppression, ...]
    report: bool = False               # a report plan-rules wrote (report/signature.py): not checked


def run_batch(paths: Iterable[str], config: Config = Config(), *, jobs: int = 1, use_engine: bool = True,
              keep_plans: bool = False, exceptions: Iterable[Suppression] = (),
              progress: Optional[Callable[[int, int], None]] = None, output: Optional[Target] = None,
              cross_plan: bool = True) -> Batch:
    """`progress(done, total)` is called as files are checked. `output` is where the report
    will go: OutputError when that is one of the files to check (output.py). Without
    `cross_plan`, XP001 and XP002 are not run (pre-commit passes files in several runs)."""
    paths = list(paths)
    names, unchecked = find_files(paths, config)
    refuse_inputs(output, names, replaceable=lambda name: name not in paths and is_report_file(name))
    checked = sorted(check_all(names, config, jobs, use_engine, keep_plans, counter(len(names), progress)),
                     key=lambda c: c.result.path)
    reports = [c.result.path for c in checked if c.report]
    checked = [c for c in checked if not c.report]
    results = [c.result for c in checked]
    policy = Policy(config)
    cross = [kept for f in with_rule_details(cross_plan_findings([c.claim for c in checked if c.claim], results),
                                             load_rulebook())
             for kept in policy.apply([f], f.file)] if cross_plan else []
    suppressions = [*exceptions, *(s for c in checked for s in c.suppressions)]
    return replace(suppress(results, cross, suppressions, policy), unchecked=unchecked, skipped_reports=reports,
                   cross_plan_checked=cross_plan)


def suppress(results: list[FileResult], cross: list[Finding], suppressions: list[Suppression], policy: Policy) -> Batch:
    suppressor = Suppressor(suppressions)
    kept = [replace(r, findings=[f for f in r.findings if suppressor.keeps(f)]) for r in results]
    kept_cross = [f for f in cross if suppressor.keeps(f)]
    return Batch(kept, kept_cross, suppressor.suppressed,
                 suppressor.unused({r.path for r in results}, policy.selects), suppressor.expired)


# ---- checking them -----------------------------------------------------------------------

def counter(total: int, progress: Optional[Callable[[int, int], None]]) -> Callable[[int], None]:
    """`advance(n)`: n more files checked."""
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, total)
    return advance


def check_all(names: list[str], config: Config, jobs: int, use_engine: bool, keep_plans: bool,
              advance: Callable[[int], None]) -> list[Checked]:
    files = [n for n in names if n != STDIN]
    jobs = worker_count(jobs, len(files), MIN_FILES_PER_WORKER)
    if jobs <= 1:
        checker = Checker(config, use_engine=use_engine)
        checked = []
        for name in names:
            checked.append(check_one(checker, name, keep_plans))
            advance(1)
        return checked
    in_process = [check_one(Checker(config, use_engine=use_engine), STDIN, keep_plans)] if STDIN in names else []
    suffixes = frozenset(Path(name).suffix.lower() for name in files)
    return in_process + check_in_pool(files, jobs, (config, use_engine, keep_plans, suffixes), advance)


def check_one(checker: Checker, name: str, keep_plans: bool) -> Checked:
    try:
        display, suffix = (STDIN_NAME, ".yaml") if name == STDIN else (name, Path(name).suffix.lower())
        try:
            data = read_stdin() if name == STDIN else read_file(Path(name))
        except (OSError, InputError) as error:
            return Checked(unreadable_result(checker, name, error), None, ())
        if is_report(data):
            return Checked(FileResult(display), None, (), report=True)
        result = checker.check_bytes(data, display, suffix)
        claim = key_unit_claim(result.path, result.plan)
        suppressions = inline_suppressions(data, result.path) if suffix in YAML_SUFFIXES else ()
    except Exception as error:      # a bug in one file's path through the pipeline: report it, go on
        message = f"检查此文件时程序内部出错（{type(error).__name__}: {error}）；请报告此问题"
        return Checked(FileResult(name, [unreadable(name, message)]), None, ())
    return Checked(result if keep_plans else replace(result, plan=None), claim, suppressions)


def unreadable_result(checker: Checker, name: str, error: Exception) -> FileResult:
    if name != STDIN:
        return checker.check_path(Path(name), name)     # words the refusal as for one file
    return FileResult(STDIN_NAME, with_rule_details([unreadable(STDIN_NAME, why_unreadable(error, "标准输入"))],
                                                    checker.rulebook))


# ---- in worker processes -----------------------------------------------------------------

_worker: Optional[tuple[Checker, bool]] = None


def start_worker(config: Config, use_engine: bool, keep_plans: bool, suffixes: frozenset[str] = frozenset()) -> None:
    """Pool initializer: one Checker (rulebook and engine) per worker process, and the
    libraries the batch's kinds of file need; then all of it frozen out of the collector's
    sight (gc.freeze), so that no later collection walks the modules and the rulebook again."""
    global _worker
    start_as_worker()
    import_libraries(suffixes)
    _worker = (Checker(config, use_engine=use_engine), keep_plans)
    gc.freeze()


def check_chunk(names: list[str]) -> list[Checked]:
    checker, keep_plans = _worker
    return [check_one(checker, name, keep_plans) for name in names]


def check_in_pool(files: list[str], jobs: int, initargs: tuple, advance: Callable[[int], None]) -> list[Checked]:
    """Check in `jobs` processes. When a worker dies (a crash in native code), the chunks it
    may have been running are checked again one file at a time, each alone in a worker, so
    that the file that kills its worker is found and reported; the rest go on in a new pool."""
    checked: list[Checked] = []
    pending = files
    while pending:
        done, unfinished = run_pool(pending, jobs, initargs, advance)
        checked += done
        suspects = [name for chunk in unfinished[:jobs] for name in chunk]
        checked += check_one_by_one(suspects, initargs, advance)
        pending = [name for chunk in unfinished[jobs:] for name in chunk]
    return checked


def run_pool(files: list[str], jobs: int, initargs: tuple,
             advance: Callable[[int], None]) -> tuple[list[Checked], list[list[str]]]:
    """The checked files, and the chunks left unfinished by a broken pool, in submission order
    (the pool hands chunks out in that order, so the one that broke it is among the first)."""
    from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor     # 20 ms: only when used

    size = max(1, min(MAX_CHUNK, len(files) // (jobs * 4)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    done: list[Checked] = []
    unfinished: list[list[str]] = []
    pool = ProcessPoolExecutor(jobs, initializer=start_worker, initargs=initargs)
    try:
        futures = [pool.submit(check_chunk, chunk) for chunk in chunks]
        for future, chunk in zip(futures, chunks):
            try:
                done += future.result()
            except BrokenProcessPool:
                unfinished.append(chunk)
            else:
                advance(len(chunk))
    finally:
        pool.shutdown(cancel_futures=True)
    return done, unfinished


def check_one_by_one(files: list[str], initargs: tuple, advance: Callable[[int], None]) -> list[Checked]:
    from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

    checked = []
    pool = None
    for name in files:
        pool = pool or ProcessPoolExecutor(1, initializer=start_worker, initargs=initargs)
        try:
            checked += pool.submit(check_chunk, [name]).result()
        except BrokenProcessPool:
            message = "检查此文件时检查进程意外终止（可能是底层库崩溃）；请报告此问题"
            checked.append(Checked(FileResult(name, [unreadable(name, message)]), None, ()))
            pool.shutdown()
            pool = None
        advance(1)
    if pool:
        pool.shutdown()
    return checked

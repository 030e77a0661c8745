"""Many paths → one batch result: files found under folders, checked in parallel processes,
then the checks across plans and the suppressions; sorted by path, so that the output is the
same whatever the parallelism.

Each file's result can be handed on as soon as it and every file before it by path are
checked (`each_file`), and is then not kept: a report is written as the batch goes, and the
batch holds only what the summary, the exit code and the checks across plans need (a Tally,
an entry per key unit and per content digest, cross_plan.AcrossPlans), so that memory stays
flat however many files there are (docs/architecture.md, "Streaming").

One bad file never stops the batch: an exception while checking it, or even the death of the
worker process, becomes an IN001 finding for that file (docs/architecture.md, "Reading").
"""
from __future__ import annotations

import gc
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .check import Checker, FileResult, with_rule_details
from .config import Config
from .cross_plan import AcrossPlans, KeyUnitClaim, key_unit_claim
from .discovery import STDIN, discover, find_files
from .findings import Finding, Severity
from .load import InputError, unreadable
from .output import Target, refuse_inputs
from .policy import Policy
from .reading import read_file, read_stdin, why_unreadable
from .report.signature import is_report, is_report_file
from .ruleset import load_rulebook
from .suppress import Suppression, Suppressor, inline_suppressions
from .workers import import_libraries, keep_freed_memory, start_as_worker, worker_count

__all__ = ["Batch", "discover", "find_files", "run_batch"]
STDIN_NAME = "<stdin>"
YAML_SUFFIXES = (".yaml", ".yml")
# Starting a worker (fork, engine, rulebook) costs about as much as checking a dozen plans;
# measured, 40 plans take as long in-process as on two workers. Below this many files per
# worker, the batch is checked in-process.
MIN_FILES_PER_WORKER = 16
MAX_CHUNK = 64


@dataclass
class Tally:
    """What the summary, --statistics and the exit code need of the findings, counted as the
    files come, so that they need not be kept."""
    files: int = 0
    files_with_errors: int = 0
    unreadable: int = 0
    by_rule: Counter = field(default_factory=Counter)     # (code, severity) → findings, cross-plan ones included

    @classmethod
    def of(cls, results: Iterable[FileResult], cross_findings: Iterable[Finding]) -> "Tally":
        tally = cls()
        for result in results:
            tally.add_file(result.findings)
        tally.add(cross_findings)
        return tally

    def add_file(self, findings: list[Finding]) -> None:
        self.files += 1
        self.files_with_errors += any(f.severity == Severity.error for f in findings)
        self.unreadable += any(f.code == "IN001" for f in findings)
        self.add(findings)

    def add(self, findings: Iterable[Finding]) -> None:
        self.by_rule.update((f.code, f.severity) for f in findings)

    def severity_counts(self) -> dict[Severity, int]:
        counts = {s: 0 for s in Severity}
        for (_, severity), n in self.by_rule.items():
            counts[severity] += n
        return counts


@dataclass
class Batch:
    results: list[FileResult] = field(default_factory=list)     # empty when each file was handed on
    cross_findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    unused_suppressions: list[Suppression] = field(default_factory=list)
    expired_suppressions: list[Suppression] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)    # files in the folders that are no plan format
    skipped_reports: list[str] = field(default_factory=list)     # reports plan-rules wrote, not checked
    cross_plan_checked: bool = True                               # False: XP001 and XP002 were not run
    tally: Optional[Tally] = None                                 # of results and cross_findings when not given

    def __post_init__(self):
        if self.tally is None:
            self.tally = Tally.of(self.results, self.cross_findings)

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
              cross_plan: bool = True, each_file: Optional[Callable[[FileResult], None]] = None) -> Batch:
    """`progress(done, total)` is called as files are checked. `output` is where the report
    will go: OutputError when that is one of the files to check (output.py). Without
    `cross_plan`, XP001 and XP002 are not run (pre-commit passes files in several runs).
    With `each_file`, each file's result (suppressions applied) goes to it in path order as
    soon as it is checked, and the batch returned has no `results`."""
    paths = list(paths)
    names, unchecked = find_files(paths, config)
    refuse_inputs(output, names, replaceable=lambda name: name not in paths and is_report_file(name))
    suppressor = Suppressor(exceptions)
    tally, results, reports, across = Tally(), [], [], AcrossPlans()
    for checked in check_all(names, config, jobs, use_engine, keep_plans, counter(len(names), progress)):
        if checked.report:
            reports.append(checked.result.path)
            continue
        suppressor.add(checked.suppressions)
        suppressor.saw_file(checked.result.path)
        result = replace(checked.result, findings=[f for f in checked.result.findings if suppressor.keeps(f)])
        tally.add_file(result.findings)
        if cross_plan:
            if checked.claim:
                across.add_claim(checked.claim)
            across.add_digest(result.path, result.digest)
        if each_file:
            each_file(result)
        else:
            results.append(result)
    policy = Policy(config)
    cross = [f for f in with_policy(across.findings(), policy) if suppressor.keeps(f)] if cross_plan else []
    tally.add(cross)
    return Batch(results, cross, suppressor.suppressed, suppressor.unused(policy.selects), suppressor.expired,
                 unchecked, reports, cross_plan, tally)


def with_policy(findings: list[Finding], policy: Policy) -> list[Finding]:
    """Findings across plans with their rules' details and the policy applied."""
    return [kept for f in with_rule_details(findings, load_rulebook()) for kept in policy.apply([f], f.file)]


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


def display_name(name: str) -> str:
    return STDIN_NAME if name == STDIN else name


def check_all(names: list[str], config: Config, jobs: int, use_engine: bool, keep_plans: bool,
              advance: Callable[[int], None]) -> Iterator[Checked]:
    """Each file checked, in path order whatever the parallelism."""
    names = sorted(names, key=display_name)
    files = [n for n in names if n != STDIN]
    jobs = worker_count(jobs, len(files), MIN_FILES_PER_WORKER)
    if jobs <= 1:
        if len(names) > 1:
            keep_freed_memory()
        checker = Checker(config, use_engine=use_engine)
        for name in names:
            yield check_one(checker, name, keep_plans)
            advance(1)
        return
    # Standard input is read before the workers start, and waits in its place by path.
    from_stdin = check_one(Checker(config, use_engine=use_engine), STDIN, keep_plans) if STDIN in names else None
    suffixes = frozenset(Path(name).suffix.lower() for name in files)
    pooled = in_order(files, check_in_pool(files, jobs, (config, use_engine, keep_plans, suffixes), advance))
    for name in names:
        yield from_stdin if name == STDIN else next(pooled)


def in_order(files: list[str], checked: Iterator[Checked]) -> Iterator[Checked]:
    """The pool's results in the order of `files`. They come in that order but after a worker
    died, when the files of the chunks it may have been running are checked again one by one:
    only then are later files held here until those are done."""
    waiting: dict[str, Checked] = {}
    for name in files:
        while name not in waiting:
            one = next(checked)
            waiting[one.result.path] = one
        yield waiting.pop(name)


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
    keep_freed_memory()
    import_libraries(suffixes)
    _worker = (Checker(config, use_engine=use_engine), keep_plans)
    gc.freeze()


def check_chunk(names: list[str]) -> list[Checked]:
    checker, keep_plans = _worker
    return [check_one(checker, name, keep_plans) for name in names]


def check_in_pool(files: list[str], jobs: int, initargs: tuple, advance: Callable[[int], None]) -> Iterator[Checked]:
    """Check in `jobs` processes. When a worker dies (a crash in native code), the chunks it
    may have been running are checked again one file at a time, each alone in a worker, so
    that the file that kills its worker is found and reported; the rest go on in a new pool."""
    pending = files
    while pending:
        unfinished: list[list[str]] = []
        yield from run_pool(pending, jobs, initargs, advance, unfinished)
        suspects = [name for chunk in unfinished[:jobs] for name in chunk]
        yield from check_one_by_one(suspects, initargs, advance)
        pending = [name for chunk in unfinished[jobs:] for name in chunk]


def run_pool(files: list[str], jobs: int, initargs: tuple, advance: Callable[[int], None],
             unfinished: list[list[str]]) -> Iterator[Checked]:
    """The checked files in submission order, as their chunks finish; the chunks left unfinished
    by a broken pool are added to `unfinished`, in submission order (the pool hands chunks out
    in that order, so the one that broke it is among the first). A chunk's results are let go
    once handed on, so that the pool holds only the chunks not yet taken."""
    from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor     # 20 ms: only when used

    # Small chunks (16 a worker): the worker that finishes first idles for up to one chunk at
    # the end (chunks of 64 made that a tenth of a 1,000-plan batch on 2 cores); a chunk costs
    # only a round trip of names and small results.
    size = max(1, min(MAX_CHUNK, len(files) // (jobs * 16)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    pool = ProcessPoolExecutor(jobs, initializer=start_worker, initargs=initargs)
    try:
        queue = deque((pool.submit(check_chunk, chunk), chunk) for chunk in chunks)
        while queue:
            future, chunk = queue.popleft()
            try:
                checked = future.result()
            except BrokenProcessPool:
                unfinished.append(chunk)
                continue
            advance(len(chunk))
            yield from checked
    finally:
        pool.shutdown(cancel_futures=True)


def check_one_by_one(files: list[str], initargs: tuple, advance: Callable[[int], None]) -> Iterator[Checked]:
    from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

    pool = None
    try:
        for name in files:
            pool = pool or ProcessPoolExecutor(1, initializer=start_worker, initargs=initargs)
            try:
                checked = pool.submit(check_chunk, [name]).result()
            except BrokenProcessPool:
                message = "检查此文件时检查进程意外终止（可能是底层库崩溃）；请报告此问题"
                checked = [Checked(FileResult(name, [unreadable(name, message)]), None, ())]
                pool.shutdown()
                pool = None
            advance(1)
            yield from checked
    finally:
        if pool:
            pool.shutdown()

"""Many paths → one batch result: files found under folders, checked in parallel processes,
then the checks across plans and the suppressions; sorted by path, so that the output is the
same whatever the parallelism.

One bad file never stops the batch: an exception while checking it, or even the death of the
worker process, becomes an IN001 finding for that file (ENGINE.md §6.5).
"""
from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Optional

from .check import SUPPORTED_SUFFIXES, Checker, FileResult, read_file
from .config import CONFIG_NAMES, Config, glob_matches
from .cross_plan import KeyUnitClaim, cross_plan_findings, key_unit_claim
from .findings import Finding
from .load import InputError, unreadable
from .office_files import OFFICE_SUFFIXES
from .suppress import Suppression, Suppressor, inline_suppressions

STDIN = "-"
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

    @property
    def all_findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings] + self.cross_findings


@dataclass(frozen=True)
class Checked:
    """What a worker sends back for one file: small, so that pickling stays cheap."""
    result: FileResult                 # its plan only when the report needs it
    claim: Optional[KeyUnitClaim]      # for XP001
    suppressions: tuple[Suppression, ...]


def run_batch(paths: Iterable[str], config: Config = Config(), *, jobs: int = 1, use_engine: bool = True,
              keep_plans: bool = False, exceptions: Iterable[Suppression] = (),
              progress: Optional[Callable[[int, int], None]] = None) -> Batch:
    """`progress(done, total)` is called as files are checked."""
    names, unchecked = find_files(paths, config)
    checked = sorted(check_all(names, config, jobs, use_engine, keep_plans, counter(len(names), progress)),
                     key=lambda c: c.result.path)
    results = [ignoring_per_file(c.result, config) for c in checked]
    adjust = Checker(config, use_engine=False).adjust
    cross = [f for f in adjust(cross_plan_findings([c.claim for c in checked if c.claim], results))
             if config.selects(f.code) and not config.ignores_in(f.file, f.code)]
    suppressions = [*exceptions, *(s for c in checked for s in c.suppressions)]
    return replace(suppress(results, cross, suppressions, config), unchecked=unchecked)


def ignoring_per_file(result: FileResult, config: Config) -> FileResult:
    if not config.per_file_ignores:
        return result
    return replace(result, findings=[f for f in result.findings if not config.ignores_in(result.path, f.code)])


def suppress(results: list[FileResult], cross: list[Finding], suppressions: list[Suppression], config: Config) -> Batch:
    suppressor = Suppressor(suppressions)
    kept = [replace(r, findings=[f for f in r.findings if suppressor.keeps(f)]) for r in results]
    kept_cross = [f for f in cross if suppressor.keeps(f)]
    return Batch(kept, kept_cross, suppressor.suppressed,
                 suppressor.unused({r.path for r in results}, config.selects), suppressor.expired)


# ---- finding the files -----------------------------------------------------------------

def discover(paths: Iterable[str], config: Config = Config()) -> list[str]:
    return find_files(paths, config)[0]


def find_files(paths: Iterable[str], config: Config = Config()) -> tuple[list[str], list[str]]:
    """The files to check, and the files in the folders that are no plan format (listed, so
    that a folder of pictures does not pass for checked).

    Files named directly are checked whatever their suffix (an unsupported one is IN001);
    folders are searched for plan files and office files (a .doc or .xlsx may be a plan: it is
    converted or reported, never passed over) matching `include` and not `exclude`, following
    links to folders but never into the same folder twice (a link loop ends there). Hidden
    files and folders are skipped, and so are the exceptions file and config files."""
    found: dict[str, None] = {}
    unchecked: list[str] = []
    for name in paths:
        if name != STDIN and Path(name).is_dir():
            files, others = walk(name, config)
            found.update(dict.fromkeys(files))
            unchecked += others
        else:
            found[name] = None
    return list(found), unchecked


def walk(root: str, config: Config) -> tuple[list[str], list[str]]:
    seen: set[tuple[int, int]] = set()
    files, others = [], []
    for folder, subfolders, names in os.walk(root, followlinks=True):
        status = os.stat(folder)
        if (status.st_dev, status.st_ino) in seen:
            subfolders.clear()
            continue
        seen.add((status.st_dev, status.st_ino))
        subfolders[:] = sorted(d for d in subfolders if not skipped(os.path.join(folder, d), config))
        for path in (os.path.join(folder, n) for n in names):
            if not considered(path, config) or not os.path.isfile(path):
                continue
            (files if Path(path).suffix.lower() in CHECKED_SUFFIXES else others).append(path)
    return sorted(files), sorted(others)


def skipped(path: str, config: Config) -> bool:
    return os.path.basename(path).startswith(".") or any(glob_matches(p, path, config.base) for p in config.exclude)


# Checked in folders: plan formats, and office formats (converted, or reported as IN001).
CHECKED_SUFFIXES = SUPPORTED_SUFFIXES + OFFICE_SUFFIXES


def considered(path: str, config: Config) -> bool:
    """Not hidden, not excluded, matching `include`, and neither the exceptions file nor a
    config file."""
    if skipped(path, config) or os.path.basename(path) in CONFIG_NAMES:
        return False
    if config.exceptions and os.path.abspath(path) == os.path.abspath(config.exceptions):
        return False
    return not config.include or any(glob_matches(p, path, config.base) for p in config.include)


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
    jobs = min(jobs, len(files) // MIN_FILES_PER_WORKER)
    if jobs <= 1:
        checker = Checker(config, use_engine=use_engine)
        checked = []
        for name in names:
            checked.append(check_one(checker, name, keep_plans))
            advance(1)
        return checked
    in_process = [check_one(Checker(config, use_engine=use_engine), STDIN, keep_plans)] if STDIN in names else []
    return in_process + check_in_pool(files, jobs, (config, use_engine, keep_plans), advance)


def check_one(checker: Checker, name: str, keep_plans: bool) -> Checked:
    try:
        result, data = check_named(checker, name)
        claim = key_unit_claim(result.path, result.plan)
        suppressions = inline_suppressions(data, result.path) if data else ()
    except Exception as error:      # a bug in one file's path through the pipeline: report it, go on
        message = f"检查此文件时程序内部出错（{type(error).__name__}: {error}）；请报告此问题"
        return Checked(FileResult(name, [unreadable(name, message)]), None, ())
    return Checked(result if keep_plans else replace(result, plan=None), claim, suppressions)


def check_named(checker: Checker, name: str) -> tuple[FileResult, bytes]:
    """The file's result, and its bytes when it is a YAML plan that may carry inline directives."""
    if name == STDIN:
        data = sys.stdin.buffer.read()
        return checker.check_bytes(data, STDIN_NAME, ".yaml"), data
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in YAML_SUFFIXES:
        return checker.check_path(path, name), b""
    try:
        data = read_file(path)     # guarded: pipes, devices and oversized files are refused unread
    except (OSError, InputError):
        return checker.check_path(path, name), b""     # the checker words the refusal
    return checker.check_bytes(data, name, suffix), data


# ---- in worker processes -----------------------------------------------------------------

_worker: Optional[tuple[Checker, bool]] = None


def start_worker(config: Config, use_engine: bool, keep_plans: bool) -> None:
    """Pool initializer: one Checker (rulebook and engine) per worker process."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the main process's to handle
    _worker = (Checker(config, use_engine=use_engine), keep_plans)


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

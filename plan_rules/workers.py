"""How many worker processes a batch starts, and how they end.

- Never more workers than the cores this process may run on: `-j 1000` on two cores started a
  thousand processes, each loading the rulebook and the engine, to run two at a time.
- Workers end with the main process, whatever ends it. A worker waits on a pipe that it holds
  open itself, so when the main process was killed its workers waited for ever. Now a thread in
  each worker waits for the main process to end (multiprocessing's parent sentinel, which
  also tells a parent that died before the worker started), and on Linux the kernel kills
  the worker at once when its parent dies (prctl PR_SET_PDEATHSIG), even after SIGKILL and
  while the worker is busy in native code.
- SIGTERM and SIGHUP end the main process as Ctrl-C does: workers are stopped at once, one
  line is said, and the exit code is 128 + the signal's number. The process ends from the
  handler itself: an exception raised from it could land anywhere, and one that landed while
  the pool was starting its thread broke the pool's own shutdown. A report written as the
  batch goes has its temporary file removed by the handler; while a report is renamed into
  place, the signals wait, so that no half-written temporary file is left.
"""
from __future__ import annotations

import importlib
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterable

PR_SET_PDEATHSIG = 1           # <linux/prctl.h>
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def usable_cores() -> int:
    if hasattr(os, "process_cpu_count"):     # Python 3.13
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(requested: int, files: int, min_files_per_worker: int) -> int:
    """At most the usable cores, and no worker with fewer than `min_files_per_worker` files."""
    return max(1, min(requested, usable_cores(), files // min_files_per_worker))


M_TRIM_THRESHOLD = -1          # <malloc.h>
M_MMAP_THRESHOLD = -3


def keep_freed_memory() -> None:
    """For a batch: glibc's malloc keeps the memory it frees for the next file instead of
    handing it back to the kernel. The engine allocates and frees about 1.5 MB of pools per
    plan (docs/architecture.md, "The engine"); with glibc's defaults each plan then cost some
    260 page faults and half a millisecond of system time, more than the engine's own work
    (measured: 1.2 ms a plan's evaluation before, 0.5 ms after). Memory stays flat: what is
    kept is reused by the next file. Not glibc: nothing to do."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None)
        libc.mallopt(M_MMAP_THRESHOLD, 64 << 20)
        libc.mallopt(M_TRIM_THRESHOLD, 256 << 20)
    except (OSError, AttributeError):
        pass


def import_libraries(suffixes: Iterable[str]) -> None:
    """Import what checking files of these suffixes needs, once, as a worker starts: imported
    on a worker's first document instead, cn2an alone (200 ms and more) held up the chunk that
    happened to contain it while the other worker idled at the end of the batch."""
    from .check import DOCUMENT_SUFFIXES
    from .office_files import OFFICE_SUFFIXES

    suffixes = set(suffixes)
    modules = ["chinese_calendar"]              # every plan with a year (method/legal_days.py)
    if suffixes & {*DOCUMENT_SUFFIXES, *OFFICE_SUFFIXES}:
        modules += ["plan_rules.extract", "cn2an"]
    if suffixes & {".txt", ".md"}:
        modules.append("charset_normalizer")
    if suffixes & {".docx", *OFFICE_SUFFIXES}:  # office files are read as .docx once converted
        modules.append("plan_rules.readers.word")
    if ".pdf" in suffixes:
        modules += ["plan_rules.readers.pdf", "pdfplumber"]
    for module in modules:
        importlib.import_module(module)


def start_as_worker() -> None:
    """In a new worker: signals as a worker needs them, and an end bound to the parent's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the main process's to handle
    for signum in ENDING_SIGNALS:
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)    # not the main process's handler, inherited by fork
    end_with_parent()


def end_with_parent() -> None:
    import multiprocessing

    if sys.platform.startswith("linux"):
        ask_kernel_to_end_with_parent()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=wait_for_parent, args=(parent,), name="plan-rules-parent", daemon=True).start()


def ask_kernel_to_end_with_parent() -> None:
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass            # not glibc or musl: the thread is enough


def wait_for_parent(parent) -> None:
    parent.join()       # returns when the parent has ended, or had already
    os._exit(1)


def stop_workers() -> None:
    import multiprocessing      # 10 ms: only when there is something to stop

    for child in multiprocessing.active_children():
        child.terminate()


# Files a signal that ends the run removes: a report's temporary file, until it is renamed
# over the report (output.StreamedFile).
REMOVED_IF_ENDED: set = set()


def remove_unfinished_files() -> None:
    for path in list(REMOVED_IF_ENDED):
        try:
            os.unlink(path)
        except OSError:
            pass


@contextmanager
def ending_on_signals(say: Callable[[str], None]):
    """Within: SIGINT, SIGTERM and SIGHUP stop the workers, remove unfinished files, `say`
    why, and end the process."""
    installed_by = os.getpid()

    def stop(signum, frame):
        if os.getpid() != installed_by:      # a worker forked before its initializer reset this handler:
            os._exit(128 + signum)           # it ends quietly, the run's process says why
        stop_workers()
        remove_unfinished_files()
        say("\nplan-rules: 已中断\n")
        os._exit(128 + signum)

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, stop) for signum in ENDING_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def signals_held():
    """Within: the ending signals wait (POSIX), and are handled when it is left."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)

"""Check one file in this process under resource limits, and print the outcome as JSON.

    python tests/hostile/check_one.py PATH MEMORY_MB [--python]

The address-space limit makes a memory blow-up fail fast and deterministically (a
MemoryError, or the process killed) instead of swapping the machine; the caller adds a
timeout. Prints {"findings": [[code, message], ...] in the checker's order, "peak_kb"}; a
traceback means the checker raised, which is a failure too.
"""
from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def limit_memory(megabytes: int) -> None:
    size = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def main(path: str, megabytes: int, use_engine: bool) -> None:
    from plan_rules.check import Checker

    checker = Checker(use_engine=use_engine)
    limit_memory(megabytes)       # after start-up: the limit is for checking the file
    result = checker.check_path(Path(path))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"findings": [[f.code, f.message] for f in result.findings], "peak_kb": peak},
                     ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), "--python" not in sys.argv)

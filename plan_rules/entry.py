"""The command's entry point, for `plan-rules` and `python -m plan_rules`.

`plan-rules --version` alone is answered here, before Click and the checker are imported, so
that it starts about as fast as a bare interpreter (docs/architecture.md, "Budgets"); anything
else, `--version` with other arguments included, goes to the Click group in cli.py.
"""
from __future__ import annotations

import os
import sys

from . import __version__, console

PROG = "plan-rules"
# Click's "%(prog)s, version %(version)s" in Chinese; cli.py gives it to Click's version option.
VERSION_MESSAGE = "%(prog)s，版本 %(version)s"


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.exit(print_version())
    from .cli import main as group

    group(prog_name=PROG)


def print_version() -> int:
    """What Click's version option does: the line on stdout in the encoding console.py chooses,
    nothing where stdout is closed, and exit code 1 without a traceback on a broken pipe."""
    console.configure()
    if sys.stdout is None:
        return 0
    try:
        sys.stdout.write(VERSION_MESSAGE % {"prog": PROG, "version": __version__} + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # stdout pointed at /dev/null, or the flush at exit would fail again and say so
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0

"""`plan-rules check`'s batch and its report together: each file's findings written as soon as
the file and those before it by path are checked, so that memory stays flat however many files
a batch has (docs/architecture.md, "Streaming"; report/__init__.py for how each format is
written in steps).

The report goes to standard output piece by piece, or into a temporary file beside the target
that is renamed over it once the report is whole (output.py): the old file stays as it was
until then, and is not replaced when no file was found to check. The HTML page is written
whole, from a batch that kept every plan (it opens with all of them ranked).
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Optional

from .batch import Batch, run_batch
from .output import StreamedFile, Target, write_file, write_stdout
from .report import WHOLE, NEEDS_PLANS, ReportStream, render


def check_and_report(paths, config, format_name: str, target: Optional[Target], rulebook, *, colour: bool = False,
                     progress=None, **options) -> Batch:
    """run_batch's batch (no file found: no `results` and nothing written, for the caller to
    say so); OutputError when the report cannot be written."""
    if format_name in WHOLE:
        batch = run_batch(paths, config, keep_plans=format_name in NEEDS_PLANS, progress=progress, output=target,
                          **options)
        if batch.tally.files:
            text = render(format_name, batch, rulebook, colour=colour)
            write_file(target, text.encode("utf-8")) if target else write_stdout(text)
        return batch
    with report_pieces(target, progress) as (write, commit):
        stream = ReportStream(format_name, rulebook, write, colour)
        batch = run_batch(paths, config, progress=progress, output=target, each_file=stream.file, **options)
        if batch.tally.files:
            stream.close(batch)
            commit()
    return batch


@contextmanager
def report_pieces(target: Optional[Target], progress):
    """(write(text), commit()): to standard output as it comes, or to the target's temporary
    file, which is removed unless committed. A progress bar on the same terminal is cleared
    before each piece, so that the report's lines are not written over it."""
    if target is None:
        clear = progress.close if progress and sys.stdout is not None and sys.stdout.isatty() else None

        def write(text: str) -> None:
            if text:
                if clear:
                    clear()
                write_stdout(text)
        yield write, lambda: None
        return
    out = StreamedFile(target)
    try:
        yield (lambda text: out.write(text.encode("utf-8"))), out.commit
    finally:
        out.discard()

"""A one-line progress bar for long batch runs, for people watching a terminal.

The caller decides whether there is such a person (stderr is a terminal, no --quiet); the bar
itself waits until the run has lasted `delay` seconds, so short runs never show it, and
redraws at most ten times a second.
"""
from __future__ import annotations

import time
from typing import Callable

BAR_WIDTH = 30


class Progress:
    def __init__(self, write: Callable[[str], None], clock: Callable[[], float] = time.monotonic,
                 delay: float = 0.5, interval: float = 0.1):
        self.write, self.clock, self.delay, self.interval = write, clock, delay, interval
        self.started = clock()
        self.drawn_at = None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < self.interval and done < total:
            return
        filled = BAR_WIDTH * done // max(total, 1)
        self.write(f"\r检查中 [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}")
        self.drawn_at = now

    def close(self) -> None:
        """Clear the bar's line, so that the summary starts on a clean one."""
        if self.drawn_at is not None:
            self.write("\r" + " " * (BAR_WIDTH + 40) + "\r")

"""The garbage collector paused while one file is read and checked (docs/architecture.md,
"Budgets": every cost linear in the input).

Building a plan allocates many container objects (YAML nodes, pydantic models, facts, a
document's lines) and frees almost none until the file is done. Each allocation count past a
threshold triggers a collection, and the full ones walk every live object: so the time of
collection per unit grew with the plan, and loading a plan of 4,000 key units took three
times as long as with the collector paused. Refcounting still frees what is dropped; cycles
made while paused are collected once the collector runs again.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """Within: no automatic collection. Left as it was found, whatever ends the block (a
    caller that had paused it already keeps it paused)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

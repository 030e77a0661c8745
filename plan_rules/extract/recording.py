"""The extractor's record of where it read each value it sets in the plan (the SourceMap),
and setting a value by its field path."""
from __future__ import annotations

from plan_rules.extract.mentions import Mention
from plan_rules.extract.text import Found
from plan_rules.model import Plan
from plan_rules.sourcemap import SourceMap


class Recorder:
    """Sets plan values and their places together, so that no figure lacks its anchor."""

    def __init__(self) -> None:
        self.sourcemap = SourceMap()

    def found(self, path: str, found: Found | None) -> None:
        if found is not None:
            self.sourcemap.record(path, found.location)

    def at(self, path: str, text, offset: int) -> None:
        self.sourcemap.record(path, text.locate(offset))


def found_at(mention: Mention) -> Found:
    return Found(mention.value, mention.text, mention.offset)


def set_path(plan: Plan, path: str, value) -> None:
    target = plan
    *parents, name = path.split(".")
    for parent in parents:
        target = getattr(target, parent)
    setattr(target, name, value)

"""The truncation fact: where a document's text stops before its end, or starts after its
beginning, and which figures it may have lost (DC005)."""
from __future__ import annotations

from ..field_paths import value_at
from ..method import REQUIRED
from .vocabulary import Fact, derived, kind, words

TRUNCATION = kind(
    "truncation", "文本不完整",
    words("stops_at", "文本最后的字句"),
    derived("end_missing", "结尾缺失", "the last line runs on without a sentence end, or no closing part follows"),
    derived("start_missing", "开头缺失", "no title, and the first line continues a sentence"),
    words("skipped", "未作的检查"),
)


def truncation_facts(plan) -> list[Fact]:
    truncation = plan.document.truncation
    if truncation is None:
        return []
    unread = [figure.name for figure in REQUIRED if value_at(plan, figure.path) is None]
    skipped = "；文中未见的数字（" + "、".join(unread) + "）可能在缺失部分中，相关检查未作" if unread else ""
    return [{"kind": "truncation", "id": "truncation", "path": "document.truncation", "stops_at": truncation.stops_at,
             "end_missing": truncation.end_missing, "start_missing": truncation.start_missing, "skipped": skipped}]

"""What only the document shows about itself: which parts of a plan it has (150号 第五条 to
第十条 name them; DC001, DC002), where the drafter left a blank for a figure (DC004), and
whether the text stops before its end (DC005).

A text is truncated when it stops inside a sentence — its last line is prose that runs on
without a sentence end, and is no signature, date, title or annex line — or when, with no
closing part (保障措施, 工作要求, annexes, a signature), none of the parts a plan requires is
there. Its start is missing when it has no title and opens in the middle of a sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from plan_rules.extract.document import Document
from plan_rules.extract.text import Found
from plan_rules.method.parts import PART_NAMES, PARTS, REQUIRED_PARTS

_HEADING_MAX = 30
# What ends a plan: a closing section, an annex, a signature or date, a notice's last words.
_GENERAL_DESCRIBED = re.compile(r"一般(?:监督|执法)?检查[^。;]{0,40}?(?:随机抽取|随机抽查|抽取|抽查)")
_CLOSING_TITLE = re.compile(r"保障|保证措施|工作要求|有关要求|组织实施|批准和备案|附表|附件")
_CLOSING_LINE = re.compile(r"^\s*(?:附\s*[表件]\s*\d|特此通知|此复)")
_SENTENCE_END = re.compile(r"[。！？!?;…”」』)》]\s*$")
_SIGNATURE_OR_DATE = re.compile(r"^\s*(?:[\u4e00-\u9fff()]{2,30}(?:局|厅|委员会|办公室|中心|大队|支队|政府)|20\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                                r"|20\d{2}-\d{2}-\d{2}|[(（]?此件[^)）]*[)）]?)\s*$")
_MID_SENTENCE_START = re.compile(r"^\s*(?:\d+\s*(?:日|天|个|人|家|户|号)|[,，。；;、)）])")
_SHORT_LINE = 16
# A blank where a figure belongs: "结案率达 。", "共  家", "（ ）个工作日", "××家".
_BLANKS = (re.compile(r"(?:率|数|比例|人数)(?:达到?|为|是)\s*[。,，;；]"),
           re.compile(r"(?:达|为|共|计|约|合计|总计)\s{2,}(?:家|户|人|名|个|天|日|%|％)"),
           re.compile(r"[(（]\s+[)）]\s*(?:家|户|人|名|个工作日|天|日)"),
           re.compile(r"(?:[×xX＿_]{2,}|[○〇]{2,})\s*(?:家|户|人|名|个工作日|天|日|%|％)"))


@dataclass(frozen=True)
class Truncation:
    found: Found                  # the last words of the text, or its first line when only the start is missing
    stops_at: str
    end_missing: bool
    start_missing: bool


def find_parts(document: Document, found: set[str]) -> list[str]:
    """`found` holds the parts whose content was found ("officers", "basis", …). General
    inspections may also be described without a count ("一般检查企业…从名录库中随机抽取")."""
    present = set(found)
    if any(_GENERAL_DESCRIBED.search(line.text.text) for line in document.lines if not line.is_row):
        present.add("general_arrangements")
    for heading in document.headings:
        title = heading.title[:_HEADING_MAX]
        for part in PARTS:
            if part.heading.search(title):
                present.add(part.name)
    return [part for part in PART_NAMES if part in present]


def find_blanks(document: Document) -> list[Found]:
    blanks = []
    for line in document.lines:
        for text in (line.cells or [line.text]):
            raw_start, raw_end = text.raw_index(0), text.raw_index(len(text.text) - 1) + 1
            for pattern in _BLANKS:
                for match in pattern.finditer(text.raw, raw_start, raw_end):
                    start = _normalised_offset(text, match.start())
                    blanks.append(Found(text.raw[max(0, match.start() - 8):match.end()].strip(), text, start))
    return blanks


def _normalised_offset(text, raw_offset: int) -> int:
    """The first normalised character that comes from `raw_offset` or after (origins rise)."""
    return min(bisect.bisect_left(text.origin, raw_offset), max(len(text.origin) - 1, 0))


def find_truncation(document: Document, parts: list[str], has_title: bool) -> Truncation | None:
    lines = [line for line in document.lines if line.is_row or line.text.text.strip()]
    if not lines:
        return None
    last = lines[-1]
    end_missing = not last.is_row and _stops_mid_sentence(last.text.text)
    if not end_missing and _later_parts_absent(parts):
        end_missing = not _has_closing(document)
    start_missing = not has_title and any(_MID_SENTENCE_START.match(line.text.text) for line in lines[:3] if not line.is_row)
    if not end_missing and not start_missing:
        return None
    text = last.text if end_missing else lines[0].text
    words = text.original(max(0, len(text.text) - 16), len(text.text)).strip() if end_missing else ""
    return Truncation(Found(words, text, max(0, len(text.text) - 1) if end_missing else 0), words, end_missing, start_missing)


def _has_closing(document: Document) -> bool:
    """A closing section anywhere, or in the second half of the text an annex, a table, a
    signature or a date (a notice's signature above the plan does not close it)."""
    if any(_CLOSING_TITLE.search(heading.title) for heading in document.headings):
        return True
    second_half = document.lines[len(document.lines) // 2:]
    return any(line.is_row or _CLOSING_LINE.match(line.text.text) or _SIGNATURE_OR_DATE.match(line.text.text)
               for line in second_half)


def _later_parts_absent(parts: list[str]) -> bool:
    """The required parts after the last one present are all absent (a plan prints officers,
    workdays, key and general arrangements in that order)."""
    present = [REQUIRED_PARTS.index(part) for part in parts if part in REQUIRED_PARTS]
    return not present or max(present) < len(REQUIRED_PARTS) - 1


def stops_mid_sentence(document: Document) -> bool:
    lines = [line for line in document.lines if line.is_row or line.text.text.strip()]
    return bool(lines) and not lines[-1].is_row and _stops_mid_sentence(lines[-1].text.text)


def _stops_mid_sentence(text: str) -> bool:
    """A prose line that breaks off inside a word or clause. A line ending with a figure and
    its unit ("…执法大队660日") may be a list item that simply has no full stop."""
    stripped = text.strip()
    if _SENTENCE_END.search(stripped) or _SIGNATURE_OR_DATE.match(stripped):
        return False
    if re.search(r"[,，、(（:：]$", stripped):
        return True
    if re.search(r"\d\s*(?:个工作日|工作日|人日|日|天|人|名|家|户|个|%|％)?$", stripped):
        return False
    return len(stripped) > _SHORT_LINE

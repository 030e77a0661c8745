"""When two unit names name the same unit (KI007, GI003 within a plan; XP001 across plans):
the same text once full-width forms are folded (NFKC), white space and brackets dropped, and
case folded. 甲公司（一厂）, 甲公司(一厂) and 甲公司一厂 are one unit.
"""
from __future__ import annotations

import re
import unicodedata

_IGNORED = re.compile(r"[\s()\[\]【】]")


def unit_identity(name: str) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", name)).casefold()

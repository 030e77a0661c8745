"""Normalized text that keeps every offset of the original.

Each character maps to exactly one character, so a match in the normalized text points at
the same column of the original line: full-width digits and punctuation become ASCII
(１２ → 12, （ → (, ： → :), ideographic spaces become spaces, the frequent typo 工作曰
becomes 工作日, and Word-to-web residue such as "[bookmark: _GoBack]" or Markdown's "## " and
"**" becomes spaces.
"""
from __future__ import annotations

import re

_TRANSLATE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_TRANSLATE.update({0x3000: " ", 0x00A0: " ", 0x2009: " ", 0x2212: "-", 0x2013: "-", 0xFE63: "-",
                   0x00B7: ".", 0x2715: "×", 0x2716: "×", 0x2573: "×", 0x3014: "〔", 0x3015: "〕"})
_TRANSLATE = {key: (chr(value) if isinstance(value, int) else value) for key, value in _TRANSLATE.items()}

_TYPO_DAY = re.compile(r"(?<=作)曰")                       # 工作曰 → 工作日
# Residue of Word-to-web pasting and Markdown syntax that is not part of the plan's wording.
_RESIDUE = re.compile(r"\[bookmark:[^\]]*\]|\{\.underline\}|\*\*|^\s*#{1,6}(?=\s)|^\s*>")


def normalize(text: str) -> str:
    text = text.translate(_TRANSLATE)
    text = _TYPO_DAY.sub("日", text)
    return _RESIDUE.sub(lambda match: " " * len(match.group()), text)

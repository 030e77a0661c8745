"""How many terminal columns text takes: two for a wide (Chinese) character, none for an ANSI
colour code, one otherwise. unicodedata's East Asian Width table is in the interpreter; the
wcwidth package costs 20 ms to import, a tenth of the start-up budget."""
from __future__ import annotations

import re
import unicodedata

_ANSI = re.compile(r"\033\[[;\d]*[A-Za-z]")


def display_width(text: str) -> int:
    text = _ANSI.sub("", text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else (0 if unicodedata.combining(char) else 1)
               for char in text)

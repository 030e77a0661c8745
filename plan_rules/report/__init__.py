"""Reporters: one module per output format, behind one registry (check-jsonschema style).

Each reporter takes the batch result and returns the whole text to write.
"""
from __future__ import annotations

from importlib import import_module

# format name → module; imported only when chosen, so start-up stays light.
FORMATS = {
    "text": "text_format",
    "concise": "concise",
    "table": "table",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "csv": "csv_format",
    "html": "html",
}
# Formats that draw from each file's Plan, which the batch then keeps.
NEEDS_PLANS = {"html"}
# SARIF names files by URI, percent-encoding a name's own bytes; it escapes its texts itself.
ESCAPES_ITSELF = {"sarif"}


# Formats that mark severities in colour when written to a terminal.
COLOURED = {"text", "table"}


def render(format_name: str, batch, rulebook, colour: bool = False) -> str:
    """Every format but SARIF gets the batch with file names and plan texts escaped (escaping.py)."""
    from .escaping import displayable

    module = import_module(f"{__name__}.{FORMATS[format_name]}")
    shown = batch if format_name in ESCAPES_ITSELF else displayable(batch)
    if format_name in COLOURED:
        return module.render(shown, rulebook, colour=colour)
    return module.render(shown, rulebook)

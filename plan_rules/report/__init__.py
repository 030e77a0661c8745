"""Reporters: one module per output format, behind one registry (check-jsonschema style).

Each reporter takes the batch result and returns the whole text to write.
"""
from __future__ import annotations

from importlib import import_module

# format name → module; imported only when chosen, so start-up stays light.
FORMATS = {
    "text": "text",
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


# Formats that mark severities in colour when written to a terminal.
COLOURED = {"text", "table"}


def render(format_name: str, batch, rulebook, colour: bool = False) -> str:
    module = import_module(f"{__name__}.{FORMATS[format_name]}")
    if format_name in COLOURED:
        return module.render(batch, rulebook, colour=colour)
    return module.render(batch, rulebook)

"""The scalars of a plan written in YAML: the YAML 1.2 core schema, numbers in decimal only.

PyYAML reads YAML 1.1, in which a plan's figures were misread: `yes`, `on` and `y` are
booleans and so became 1 in a numeric field (`per_person: yes` was one day), `4:10` is the
base-60 number 250, `017` is octal 15, `0x1F`, `0b101` and `1_000` are numbers, and a date
such as `2026-02-30` failed to construct. Here, as in JSON:

- null: `~`, `null`, `Null`, `NULL` or nothing;
- booleans: `true` and `false` (also `True`, `TRUE`, `False`, `FALSE`);
- integers: decimal digits with an optional sign (`017` is 17);
- floats: decimal with a point or an exponent; `.inf` and `.nan` (the schema refuses them);
- everything else is text: in a numeric field the schema refuses it (IN002, "应为数字；实际为
  'yes'"), and dates are parsed by the schema as JSON's are.

YAML 1.2's `0o17` and `0x1F` are left as text too: no plan writes them, and a figure read in
another base is a figure misread.
"""
from __future__ import annotations

import re
from functools import lru_cache

NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
STR = "tag:yaml.org,2002:str"

_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = {"", "~", "null", "Null", "NULL"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z"
                    r"|[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")
_NUMBER_STARTS = frozenset("-+.0123456789")


def implicit_tag(value: str) -> str:
    """The tag of a plain scalar."""
    if value in _NULLS:
        return NULL
    if value in _BOOLEANS:
        return BOOL
    if value[:1] in _NUMBER_STARTS:
        if _INT.match(value):
            return INT
        if _FLOAT.match(value):
            return FLOAT
    return STR


def to_float(value: str) -> float:
    lowered = value.lower()
    if lowered.endswith((".inf", ".nan")):
        return float(lowered.replace(".", ""))        # "-.inf" → float("-inf")
    return float(value)


# tag → the value of a scalar of that tag, written plainly or tagged explicitly (`!!int 12`).
CONSTRUCTORS = {
    NULL: lambda value: None,
    BOOL: _BOOLEANS.__getitem__,
    INT: int,                 # more than 4,300 digits: ValueError, said as such by the loader
    FLOAT: to_float,
}


@lru_cache(maxsize=1)
def plan_loader() -> type:
    """libyaml's safe loader resolving tags by the schema above.

    libyaml composes in C but calls back into Python to resolve the tag of every node; this
    resolver also skips the path resolvers that a safe load never has."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class PlanLoader(base):
        def descend_resolver(self, parent, index):
            pass

        def ascend_resolver(self):
            pass

        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode:
                return implicit_tag(value) if implicit[0] else STR
            return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG

    return PlanLoader

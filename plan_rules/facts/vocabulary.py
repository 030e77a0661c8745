"""The fact vocabulary (docs/architecture.md, "Facts"): every kind of fact the rules may
match and every field it carries, with its type, Chinese name, unit and origin, in the spirit
of business-rules' typed variables. The rule loader refuses a field no kind declares and a
comparison of unlike types (rule_fields.py); the rule pages list the fields a rule reads.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from .fixed_point import from_units, json_number, show

Fact = dict[str, Any]

# --- types: how a value is carried in a fact, compared, and shown in a message -------------
DECIMAL = "decimal"    # a figure that may have decimals (days): an int of ten-thousandths (fixed_point.py)
INTEGER = "integer"    # a whole number as printed: people, units, rows, years, months, percents
DATE = "date"          # a calendar day as the int YYYYMMDD, shown 2021-02-20
FLAG = "flag"          # true or false
CHOICE = "choice"      # one of a few words a rule compares with: a category, a policy, a level
TEXT = "text"          # words for messages
PATH = "path"          # a field path into the plan: where a finding points, what it rests on
NUMERIC = (DECIMAL, INTEGER, DATE)

# --- origins: what a value is, for readers of a rule and for the share of checks that compare
# the plan's own figures in the rule (rule_fields.py) --------------------------------------
PLAN = "plan"              # a figure the plan prints, or a count or sum of what it prints
REFERENCE = "reference"    # what a plan is held to: the law, the calendar, the configuration
DERIVED = "derived"        # what Python decides because the engine cannot (each says why)
WORDS = "words"            # names, texts and places, for messages


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    label: str             # Chinese, as a rule page names it
    origin: str
    unit: str = ""         # 日, 人, 家, %
    source: str = ""       # the plan field path it is read from; "{path}…" is the fact's own entity
    threshold: str = ""    # the configuration threshold it carries (config.Thresholds)
    note: str = ""         # for derived fields: what Python decides that the engine cannot


def figure(name: str, label: str, source: str, unit: str = "日", type: str = DECIMAL, note: str = "") -> Field:
    return Field(name, type, label, PLAN, unit, source, note=note)


def count(name: str, label: str, source: str, unit: str = "", note: str = "") -> Field:
    return Field(name, INTEGER, label, PLAN, unit, source, note=note)


def reference(name: str, label: str, type: str = DECIMAL, unit: str = "日", threshold: str = "", note: str = "") -> Field:
    return Field(name, type, label, REFERENCE, unit, threshold=threshold, note=note)


def derived(name: str, label: str, note: str, type: str = FLAG, unit: str = "") -> Field:
    return Field(name, type, label, DERIVED, unit, note=note)


def words(name: str, label: str, type: str = TEXT) -> Field:
    return Field(name, type, label, WORDS)


COMMON = (words("kind", "事实种类", CHOICE), words("id", "事实编号"), words("path", "所指字段", PATH))


@dataclass(frozen=True)
class FactKind:
    kind: str
    label: str
    fields: tuple[Field, ...]

    def __post_init__(self):
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.kind}: fields declared twice: {sorted({n for n in names if names.count(n) > 1})}")
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def field(self, name: str) -> Optional[Field]:
        return self._by_name.get(name)


def kind(name: str, label: str, *fields: Field) -> FactKind:
    return FactKind(name, label, COMMON + fields)


def shown(field_type: str, value: Any) -> Any:
    """A value as a message prints it."""
    if field_type == DECIMAL and isinstance(value, int):
        return show(from_units(value))
    if field_type == DATE and isinstance(value, int):
        return f"{value // 10000:04d}-{value // 100 % 100:02d}-{value % 100:02d}"
    return value


def as_json(field_type: str, value: Any) -> Any:
    """A value as JSON and SARIF carry it: a decimal as a number, a date as ISO text."""
    if field_type == DECIMAL and isinstance(value, int):
        return json_number(from_units(value))
    return shown(field_type, value)


def day_number(date) -> int:
    """A calendar day as the DATE type carries it."""
    return date.year * 10000 + date.month * 100 + date.day

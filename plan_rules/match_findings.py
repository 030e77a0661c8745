"""Engine matches → findings: each message filled in from the bound facts only, each value as
the fact vocabulary says to show it, each location resolved through the SourceMap
(docs/architecture.md, "Findings")."""
from __future__ import annotations

import re
from typing import Any

from .evaluator import value_of
from .facts import KINDS
from .facts.vocabulary import as_json, shown
from .findings import Finding, Severity
from .ruleset import Check, Rulebook
from .sourcemap import SourceMap

_SINGLE = re.compile(r"\{([a-z_]+)(?:\.([a-z_0-9]+))?\}")


class FactView(dict):
    """A fact whose fields read as attributes, as a message prints them: `{plan.total}` is
    700.1, not the ten-thousandths the engine compares."""

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError:
            raise AttributeError(name) from None
        declared = KINDS[self["kind"]].field(name)
        return shown(declared.type, value) if declared is not None else value

    def raw(self, name: str) -> tuple[Any, str]:
        return self.get(name), KINDS[self["kind"]].field(name).type


def findings_from_matches(matches, rulebook: Rulebook, sourcemap: SourceMap, name: str,
                   uncertain: dict[str, str] | None = None) -> list[Finding]:
    """`uncertain`: field path → why it was read with less than certainty (plan.document)."""
    findings = []
    for check_name, bound in matches:
        rule, check = rulebook.check(check_name)
        views = {key: FactView(fact) for key, fact in bound}
        computed = computed_values(check, bound)
        values = {**views, **{key: shown(kind, value) for key, (value, kind) in computed.items()}}
        field_path = check.where.format(**values).lstrip(".")
        location = sourcemap.locate(field_path)
        subjects = tuple(fact["id"] for _, fact in bound)
        severity, message = check.severity, check.message.format(**values)
        doubts = _doubts(check, values, uncertain or {})
        if doubts and severity == Severity.error:
            severity = Severity.warning
            message = f"{message}（{'；'.join(doubts)}，未能确认，故作警告。）"
        findings.append(Finding(code=rule.code, severity=severity, message=message,
                                file=name, field=field_path, **location.finding_place(), title=rule.title,
                                basis=rule.basis, order=(rule.order, subjects),
                                expected=expected_value(check.expected, views, computed, values)))
    return findings


def computed_values(check: Check, bound) -> dict[str, tuple[Any, str]]:
    """The values the check computes for its message, by the same arithmetic its condition
    uses (the first pattern's fact is `$m`); a value whose operand is missing is None."""
    if not check.compute:
        return {}
    facts = dict(bound)
    first = facts[next(iter(facts))]
    out = {}
    for key, expression, kind in check.compute:
        value = value_of(expression, first, facts)
        out[key] = (value if isinstance(value, int) else None, kind)
    return out


def expected_value(template: str, views: dict, computed: dict, values: dict):
    """The figure itself where the template is one placeholder (a number stays a number in
    JSON and SARIF); the filled-in text otherwise; None for checks that state none."""
    if not template:
        return None
    single = _SINGLE.fullmatch(template)
    if single and single.group(2) is None:
        value, kind = computed[single.group(1)]
        return None if value is None else as_json(kind, value)
    if single:
        value, kind = views[single.group(1)].raw(single.group(2))
        return None if value is None else as_json(kind, value)
    return template.format(**values)


def _doubts(check: Check, values: dict, uncertain: dict[str, str]) -> list[str]:
    """Why the figures the finding rests on are not certain: a figure read only by position,
    a breakdown that may be incomplete. A path is doubtful with its parts and its parent."""
    doubts = []
    for template in check.rests_on:
        path = template.format(**values).lstrip(".")
        for doubtful, reason in uncertain.items():
            if (_within(doubtful, path) or _within(path, doubtful)) and reason not in doubts:
                doubts.append(reason)
    return doubts


def _within(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent + ".") or path.startswith(parent + "[")

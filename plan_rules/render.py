"""Engine matches → findings: each message rendered from the bound facts only, each
location resolved through the SourceMap (ENGINE.md §6.4)."""
from __future__ import annotations

import re
from typing import Any

from .findings import Finding, Severity
from .ruleset import Check, Rulebook
from .sourcemap import SourceMap


_SINGLE = re.compile(r"\{([a-z_]+)\.([a-z_0-9]+)\}")


class FactView(dict):
    """A fact whose fields read as attributes, for `{plan.total}` in message templates."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def render_matches(matches, rulebook: Rulebook, sourcemap: SourceMap, name: str,
                   uncertain: dict[str, str] | None = None) -> list[Finding]:
    """`uncertain`: field path → why it was read with less than certainty (plan.document)."""
    findings = []
    for check_name, bound in matches:
        rule, check = rulebook.check(check_name)
        views = {key: FactView(fact) for key, fact in bound}
        field_path = check.where.format(**views).lstrip(".")
        location = sourcemap.locate(field_path)
        subjects = tuple(fact["id"] for _, fact in bound)
        severity, message = check.severity, check.message.format(**views)
        doubts = _doubts(check, views, uncertain or {})
        if doubts and severity == Severity.error:
            severity = Severity.warning
            message = f"{message}（{'；'.join(doubts)}，未能确认，故作警告。）"
        findings.append(Finding(code=rule.code, severity=severity, message=message,
                                file=name, field=field_path, **location.finding_place(), title=rule.title,
                                basis=rule.basis, order=(rule.order, subjects),
                                expected=expected_value(check.expected, views)))
    return findings


def expected_value(template: str, views: dict):
    """The figure itself where the template is one placeholder (a number stays a number in
    JSON and SARIF); the filled-in text otherwise; None for checks that state none."""
    if not template:
        return None
    single = _SINGLE.fullmatch(template)
    if single:
        return views[single.group(1)].get(single.group(2))
    return template.format(**views)


def _doubts(check: Check, views: dict, uncertain: dict[str, str]) -> list[str]:
    """Why the figures the finding rests on are not certain: a figure read only by position,
    a breakdown that may be incomplete. A path is doubtful with its parts and its parent."""
    doubts = []
    for template in check.rests_on:
        path = template.format(**views).lstrip(".")
        for doubtful, reason in uncertain.items():
            if (_within(doubtful, path) or _within(path, doubtful)) and reason not in doubts:
                doubts.append(reason)
    return doubts


def _within(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent + ".") or path.startswith(parent + "[")

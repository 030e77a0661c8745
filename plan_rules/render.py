"""Engine matches → findings: each message rendered from the bound facts only, each
location resolved through the SourceMap (ENGINE.md §6.4)."""
from __future__ import annotations

from typing import Any

from .findings import Finding
from .ruleset import Rulebook
from .sourcemap import SourceMap


class FactView(dict):
    """A fact whose fields read as attributes, for `{plan.total}` in message templates."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def render_matches(matches, rulebook: Rulebook, sourcemap: SourceMap, name: str) -> list[Finding]:
    findings = []
    for check_name, bound in matches:
        rule, check = rulebook.check(check_name)
        views = {key: FactView(fact) for key, fact in bound}
        field_path = check.where.format(**views).lstrip(".")
        location = sourcemap.locate(field_path)
        subjects = tuple(fact["id"] for _, fact in bound)
        findings.append(Finding(code=rule.code, severity=check.severity, message=check.message.format(**views),
                                file=name, field=field_path, **location.finding_place(), title=rule.title,
                                basis=rule.basis, order=(rule.order, subjects)))
    return findings

"""GitHub Actions workflow commands: one annotation a finding, shown on the pull request's
diff (`::error file=…,line=…,col=…,title=…::message`). Chosen by default when GITHUB_ACTIONS
is true and no --format is given."""
from __future__ import annotations

from ..findings import Severity
from . import concise

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


class Writer(concise.Writer):
    @staticmethod
    def line(finding) -> str:
        return annotation(finding) + "\n"


def annotation(finding) -> str:
    line, column = finding.position
    properties = [("file", finding.file), ("line", str(line)), ("col", str(column))]
    properties.append(("title", f"{finding.code} {finding.title}".strip()))
    text = finding.message + (f"（{finding.where}）" if finding.where else "")
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {listed}::{escape_data(text)}"


def escape_data(text: str) -> str:
    # The runner's own escaping (actions/toolkit, command.ts): % first, then line breaks.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")

"""Chinese throughout: every help text, error and message the command line prints, scanned for
Latin words. Allowed are the rule codes, paths, format and product names, options and their
values, and the keys a user types in a plan or config file (they are identifiers, not prose)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from plan_rules.cli import main
from plan_rules.model import Plan
from plan_rules.ruleset import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
RULEBOOK = load_rulebook()
FORMATS = {"text", "concise", "table", "json", "sarif", "github", "junit", "csv", "html", "yaml", "yml", "txt", "md",
           "docx", "doc", "wps", "rtf", "odt", "pdf", "xlsx", "xls", "toml", "YAML", "JSON", "TOML", "Word", "PDF",
           "SHA", "UTF", "GB"}
NAMES = {"plan", "rules", "plan-rules", "LibreOffice", "GitHub", "Actions", "Python", "durable_rules", "CPU", "Schema",
         "PR", "check", "extract", "explain", "annotate", "schema", "init", "true", "false", "NaN"}
OPTION_VALUES = {"error", "warning", "info", "never", "engine", "python", "national", "liaoning", "jiangsu",
                 "guangdong", "standard", "calendar", "either", "files", "codes", "reason", "expires", "field",
                 "tool", "profile", "select", "ignore", "severity", "thresholds", "include", "exclude", "exceptions",
                 "per-file-ignores", "workday_policy", "staff_share_floor", "supervision_share_floor",
                 "percent_tolerance_units", "allow_half_days"}
SCHEMA_KEYS = set(re.findall(r'"([a-z_]+)"', json.dumps(Plan.model_json_schema())))
SLUGS = {rule.slug for rule in RULEBOOK.rules}
ALLOWED = FORMATS | NAMES | OPTION_VALUES | SCHEMA_KEYS | SLUGS
_STRIPPED = [
    re.compile(r"(?<![A-Za-z])-{1,2}[a-z][a-z-]*"),       # options
    re.compile(r"\b[A-Z]{2}\d{3}\b"),                     # rule codes
    re.compile(r"[\w./-]*/[\w./-]+|\b[\w-]+\.(?:yaml|yml|json|txt|md|docx|doc|pdf|toml|xlsx|png)\b"),   # paths
    re.compile(r"\b[a-z_]+(?:\.[a-z_]+|\[\d+\])+"),      # field paths
    re.compile(r"\bU\+[0-9A-F]{4}\b"),                    # a character's code point
    re.compile(r"'[^'\n]*'"),                             # a value from the input, quoted
]


def latin_words(text: str) -> set[str]:
    for pattern in _STRIPPED:
        text = pattern.sub(" ", text)
    return {word for word in re.findall(r"[A-Za-z][A-Za-z_-]*[A-Za-z]", text) if word not in ALLOWED}


def run(*args):
    """The output, without the arguments it echoes back (a mistyped command is the user's)."""
    result = CliRunner().invoke(main, list(args), prog_name="plan-rules")
    output = result.stdout + result.stderr
    for arg in args:
        output = re.sub(rf"(?<![\w-]){re.escape(arg)}(?![\w-])", " ", output)
    return output


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    clean = (FIXTURES / "plans" / "clean-2021.yaml").read_text(encoding="utf-8")
    files = {
        "syntax.yaml": "year: [\n", "tab.yaml": "year: 2021\n\tx: 1\n", "colon.yaml": "title: a: b\n",
        "backtick.yaml": "title: `x`\n", "escape.yaml": 'title: "a\\qb"\n', "control.yaml": "title: a\x07b\n",
        "two.yaml": "year: 1\n---\nyear: 2\n", "indent.yaml": "officers:\n  counted: 1\n groups: 2\n",
        "comma.json": '{"year": 2023,}', "value.json": '{"year": }', "colon.json": '{"year" 1}',
        "string.json": '{"title": "abc', "extra.json": "{} {}", "escape.json": '{"title": "\\q"}',
        "date.yaml": clean.replace("date: 2021-02-20", "date: 2021-02-30"),
        "month.json": '{"year": 2021, "approval": {"body": "x", "date": "2021-13-01"}}',
        "types.yaml": "year: abc\nofficers: {counted: -1, groups: 3}\nissuer: {name: x, level: town}\n"
                      "workdays: {per_person: x, percentages: [{subject: key, value: abc}]}\n"
                      "general_inspections: {random_units: maybe, ratio: 200}\n年度: 2021\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return folder


HELP = [["--help"], *[[command, "--help"] for command in ("check", "annotate", "extract", "rules", "explain", "schema", "init")]]
USAGE_ERRORS = [["check"], ["check", "--nope", "x"], ["chekc"], ["check", "-j", "0", "x"], ["check", "-j", "a", "x"],
                ["check", "-f", "xml", "x"], ["check", "-f"], ["check", "--fail-on", "fatal", "x"], ["explain"],
                ["explain", "ZZ001"], ["annotate"], ["annotate", "/nonexistent.docx"], ["extract"], ["--version"],
                ["check", "--profile", "hebei", "x"], ["check", "--select", "ZZ", "x"], ["rules", "-f", "xml"]]


@pytest.mark.parametrize("args", HELP + USAGE_ERRORS, ids=" ".join)
def test_help_and_usage_errors_are_chinese(args):
    assert latin_words(run(*args)) == set()


@pytest.mark.parametrize("format_name", ["text", "concise", "table", "csv"])
def test_reports_on_every_fixture_are_chinese(format_name):
    output = run("check", "-f", format_name, "--statistics", str(FIXTURES / "documents"), str(FIXTURES / "plans"))
    assert latin_words(output) == set()


def test_parse_and_schema_errors_are_chinese(bad_files):
    output = run("check", "-f", "concise", str(bad_files))
    assert latin_words(output) == set()
    assert output.count("IN001") + output.count("IN002") >= 20


def test_toml_errors_are_chinese(tmp_path):
    shutil_copy = (FIXTURES / "plans" / "clean-2021.yaml").read_bytes()
    (tmp_path / "plan.yaml").write_bytes(shutil_copy)
    for toml in ('select = ["WD"\n', "select = 'WD'\nfoo bar\n", "x = \n", '[severity\n', 'a = "b\n', "a = 1\na = 2\n"):
        (tmp_path / "plan-rules.toml").write_text(toml, encoding="utf-8")
        output = run("check", str(tmp_path / "plan.yaml"))
        assert "TOML 语法错误，" in output and latin_words(output) == set(), output


def test_rules_and_every_rule_page_are_chinese():
    assert latin_words(run("rules")) == set()
    for rule in RULEBOOK.rules:
        assert latin_words(run("explain", rule.code).replace(rule.why, "")) == set(), rule.code


def test_the_scanner_finds_english():
    assert latin_words("错误：No such option") == {"No", "such", "option"}
    assert latin_words("--force plan.yaml WD003 workdays.key [默认：error]") == set()

"""Fuzzing: the loaders, the extractor and the engine never raise, whatever they are fed, and
the durable engine agrees with the plain evaluator on every plan that loads.

- loaders: arbitrary bytes, YAML-ish text, and arbitrary nested structures (st.recursive)
  written as YAML and JSON, alone or grafted into a real plan;
- extractor: arbitrary text, and the seed document mutated the ways real documents differ
  (lines deleted, duplicated, swapped; digits made full-width or Chinese; junk inserted);
- engine: mutations of fixtures/plans/*.yaml and of their figures, checked by the durable
  engine and by the plain evaluator (docs/architecture.md, "The engine"), which must give identical findings —
  and once more in a fresh process with MALLOC_PERTURB_=165, the crash canary of §3.7.

One checker per evaluator for the whole session (conftest.py): engine Hosts are costly and
never freed. The module runs in well under a minute.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_rules.extract import extract_text
from plan_rules.load import load_structured
from plan_rules.ruleset import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "fixtures" / "plans").glob("*.yaml"))
SEED = ROOT / "fixtures" / "documents" / "lishan-2023.txt"
SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()
TODAY = dt.date(2026, 11, 28)
KNOWN_CODES = {rule.code for rule in load_rulebook().rules}

# The perturbed-malloc run repeats the differential test with fewer examples.
EXAMPLES = int(os.environ.get("PLAN_RULES_FUZZ_EXAMPLES", "0")) or None
QUICK = settings(max_examples=EXAMPLES or 150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEAVY = settings(max_examples=EXAMPLES or 60, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def full(findings) -> list[tuple]:
    return [(f.code, f.severity.name, f.field, f.line, f.where, f.message) for f in findings]


def assert_only_findings(result) -> None:
    """A result whose findings are all of known rules (the call returning at all is the rest)."""
    assert {f.code for f in result.findings} <= KNOWN_CODES


# ---- loaders ---------------------------------------------------------------------------------

YAML_PUNCTUATION = st.sampled_from(list(":-[]{},&*!|>'\"%@`#?\n\t ") + ["year", "workdays", "  ", "- ", ": ", "---",
                                                                           "...", "!!", "&a", "*a", ".nan", "1e400"])
YAMLISH = st.lists(YAML_PUNCTUATION | st.text(max_size=6), max_size=60).map("".join)


@QUICK
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".yaml", ".json"]))
def test_arbitrary_bytes_are_findings_never_exceptions(python_checker, data, suffix):
    assert_only_findings(python_checker.check_bytes(data, "fuzz" + suffix, suffix, TODAY))


@QUICK
@given(text=YAMLISH, suffix=st.sampled_from([".yaml", ".json"]))
def test_yamlish_text_is_findings_never_exceptions(python_checker, text, suffix):
    loaded = load_structured(text.encode("utf-8"), "fuzz" + suffix)
    assert loaded.plan is not None or loaded.findings
    assert_only_findings(python_checker.check_bytes(text.encode("utf-8"), "fuzz" + suffix, suffix, TODAY))


PLAN_KEYS = ["year", "issuer", "officers", "workdays", "counted", "total", "items", "days", "label", "units",
             "visits", "month", "percentages", "value", "key_inspections", "general_inspections", "document",
             "formulas", "terms", "result", "approval", "date"]
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
           | st.sampled_from([10 ** 30, -10 ** 30, 2 ** 63, 1e-05, 1e16, 1.5e300, "NaN", "-Infinity", "1e400",
                              "2023-02-30", "２９８８", "十二", ""]))
VALUES = st.recursive(SCALARS, lambda children: st.lists(children, max_size=4)
                      | st.dictionaries(st.sampled_from(PLAN_KEYS) | st.text(max_size=6), children, max_size=4),
                      max_leaves=25)


def as_yaml(value) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True).encode("utf-8")


def as_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")   # NaN/Infinity literals included


@HEAVY
@given(value=st.dictionaries(st.sampled_from(PLAN_KEYS), VALUES, max_size=6), write=st.sampled_from([as_yaml, as_json]))
def test_arbitrary_structures_load_to_findings_the_same_with_either_evaluator(
        python_checker, engines, value, write):
    suffix = ".yaml" if write is as_yaml else ".json"
    data = write(value)
    expected = python_checker.check_bytes(data, "fuzz" + suffix, suffix, TODAY)
    assert_only_findings(expected)
    for engine in engines:
        assert full(engine.check_bytes(data, "fuzz" + suffix, suffix, TODAY).findings) == full(expected.findings)


def paths_of(value, path=()):
    """Every path to a node of a plan dict, the root excluded."""
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield path + (key,)
        yield from paths_of(child, path + (key,))


def replace_at(value, path, new):
    for key in path[:-1]:
        value = value[key]
    value[path[-1]] = new


@st.composite
def grafted_plans(draw):
    """A fixture plan with one node replaced by an arbitrary scalar or structure. The node is
    found by walking down from the root and stopping at each level with even odds, so that
    top-level fields (the year: 10^30 crashed the calendar lookup) are hit as often as deep ones."""
    plan = yaml.safe_load(draw(st.sampled_from(PLANS)).read_text(encoding="utf-8"))
    path, node = (), plan
    while isinstance(node, (dict, list)) and node and not (path and draw(st.booleans())):
        key = draw(st.sampled_from(list(node) if isinstance(node, dict) else range(len(node))))
        path, node = path + (key,), node[key]
    if path:
        replace_at(plan, path, draw(SCALARS | VALUES))
    return plan


@HEAVY
@given(plan=grafted_plans(), write=st.sampled_from([as_yaml, as_json]))
def test_a_plan_with_any_part_replaced_is_findings_the_same_with_either_evaluator(
        python_checker, engines, plan, write):
    suffix = ".yaml" if write is as_yaml else ".json"
    data = write(plan)
    expected = python_checker.check_bytes(data, "fuzz" + suffix, suffix, TODAY)
    assert_only_findings(expected)
    for engine in engines:
        assert full(engine.check_bytes(data, "fuzz" + suffix, suffix, TODAY).findings) == full(expected.findings)


# ---- extractor -------------------------------------------------------------------------------

@QUICK
@given(text=st.text(max_size=400))
def test_the_extractor_turns_any_text_into_findings(text):
    extraction = extract_text(text)
    assert extraction.plan is not None or [f.code for f in extraction.findings] == ["IN001"]
    assert {f.code for f in extraction.findings} <= KNOWN_CODES


FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
CHINESE_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


def chinese_numeral(match: re.Match) -> str:
    import cn2an
    return cn2an.an2cn(match.group())


# Each mutation: (lines, index, junk) → lines. Index is within the lines.
MUTATIONS = {
    "delete": lambda lines, i, junk: lines[:i] + lines[i + 1:],
    "duplicate": lambda lines, i, junk: lines[:i + 1] + lines[i:],
    "swap": lambda lines, i, junk: lines[:i] + lines[i + 1:i + 2] + lines[i:i + 1] + lines[i + 2:],
    "full-width": lambda lines, i, junk: lines[:i] + [lines[i].translate(FULL_WIDTH)] + lines[i + 1:],
    "chinese-digits": lambda lines, i, junk: lines[:i] + [lines[i].translate(CHINESE_DIGITS)] + lines[i + 1:],
    "chinese-numerals": lambda lines, i, junk: lines[:i] + [re.sub(r"\d{1,6}", chinese_numeral, lines[i])] + lines[i + 1:],
    "junk-line": lambda lines, i, junk: lines[:i] + [junk] + lines[i:],
    "junk-inside": lambda lines, i, junk: lines[:i] + [lines[i][:len(lines[i]) // 2] + junk + lines[i][len(lines[i]) // 2:]]
                                          + lines[i + 1:],
}


@st.composite
def mutated_seed(draw) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 8))):
        mutation = MUTATIONS[draw(st.sampled_from(sorted(MUTATIONS)))]
        index = draw(st.integers(0, len(lines) - 1))
        junk = draw(st.text(max_size=30) | st.sampled_from(["×", "=", "%", "：", "日", "人", "户", "（一）", "合计", "其中"]))
        lines = mutation(lines, index, junk) or [""]
    return "\n".join(lines)


@HEAVY
@given(text=mutated_seed())
def test_a_mutated_seed_document_gives_findings_the_same_with_either_evaluator(python_checker, engines, text):
    extraction = extract_text(text, "seed.txt")
    assert {f.code for f in extraction.findings} <= KNOWN_CODES
    if extraction.plan is not None:
        expected = python_checker.check_plan(extraction.plan, extraction.sourcemap, "seed.txt", TODAY)
        assert {f.code for f in expected} <= KNOWN_CODES
        for engine in engines:
            actual = engine.check_plan(extraction.plan, extraction.sourcemap, "seed.txt", TODAY)
            assert sorted(full(actual)) == sorted(full(expected))


# ---- engine against evaluator on plans that load -------------------------------------------

FIGURES = st.one_of(
    st.integers(-20, 5000),
    st.integers(-10 ** 7, 10 ** 7),
    st.decimals(min_value=-1000, max_value=10000, places=2, allow_nan=False).map(float),
    st.sampled_from([0, 0.5, 1e-05, 2.5e-05, 0.0001, 249, 250, 251, 2988, 10 ** 7, 1e16]))


def figure_paths(plan) -> list[tuple]:
    return [path for path in paths_of(plan) if type(lookup(plan, path)) in (int, float)]


def lookup(value, path):
    for key in path:
        value = value[key]
    return value


@st.composite
def mutated_plans(draw) -> dict:
    """A fixture plan with some of its figures changed and some list entries duplicated or
    dropped: structurally valid, mostly within the schema."""
    plan = yaml.safe_load(draw(st.sampled_from(PLANS)).read_text(encoding="utf-8"))
    figures = figure_paths(plan)
    for path in draw(st.lists(st.sampled_from(figures), max_size=6)):
        replace_at(plan, path, draw(FIGURES))
    for _ in range(draw(st.integers(0, 2))):
        lists = [path for path in paths_of(plan) if isinstance(lookup(plan, path), list) and lookup(plan, path)]
        entries = lookup(plan, draw(st.sampled_from(lists)))
        index = draw(st.integers(0, len(entries) - 1))
        if draw(st.booleans()):
            entries.insert(index, entries[index])      # identical facts: docs/architecture.md, "The engine"
        else:
            del entries[index]
    return plan


@QUICK
@given(plan=mutated_plans(), write=st.sampled_from([as_yaml, as_json]))
def test_the_engine_and_the_evaluator_agree_on_mutated_plans(python_checker, engines, plan, write):
    suffix = ".yaml" if write is as_yaml else ".json"
    data = write(plan)
    expected = python_checker.check_bytes(data, "plan" + suffix, suffix, TODAY)
    assert_only_findings(expected)
    for engine in engines:
        assert full(engine.check_bytes(data, "plan" + suffix, suffix, TODAY).findings) == full(expected.findings)


def test_the_differential_check_survives_a_perturbed_malloc(durable):
    """docs/architecture.md, "The engine": MALLOC_PERTURB_ fills freed and fresh memory with a pattern, so that a
    free() of an uninitialised pointer crashes at once. A slice of the differential tests, in
    a fresh process (the first plans of a process are the dangerous ones)."""
    env = {**os.environ, "MALLOC_PERTURB_": "165", "PLAN_RULES_FUZZ_EXAMPLES": "25"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-p", "no:cacheprovider", __file__,
                           "-k", "agree_on_mutated_plans or mutated_seed_document"],
                          capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "2 passed" in done.stdout

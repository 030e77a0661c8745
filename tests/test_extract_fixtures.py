"""Each document fixture extracts to its expected plan (fixtures/documents/<name>.expected.yaml),
field by field, with the anchors of its key figures; the YAML of an extraction loads back into
the same plan; and checking each extracted plan reports the defects the fixture was made with
(fixtures/documents/make_fixtures.py describes them)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from plan_rules.extract import extract_document, to_yaml
from plan_rules.model import Plan
from plan_rules.sourcemap import Location

DOCUMENTS = Path(__file__).parent.parent / "fixtures" / "documents"
FIXTURES = sorted(path.name for path in DOCUMENTS.iterdir() if path.suffix in (".txt", ".md", ".docx", ".pdf"))


def _expected(name: str) -> Plan:
    data = YAML(typ="safe").load((DOCUMENTS / (name.split(".")[0] + ".expected.yaml")).read_text(encoding="utf-8"))
    return Plan.model_validate(data)


_extractions: dict = {}


def _extract(name: str):
    if name not in _extractions:
        _extractions[name] = extract_document(str(DOCUMENTS / name))
    return _extractions[name]


def _differences(expected, actual, path=""):
    """Field paths where two dumps differ, to name the field in a failure."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected.keys() | actual.keys():
            yield from _differences(expected.get(key), actual.get(key), f"{path}.{key}" if path else key)
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (left, right) in enumerate(zip(expected, actual)):
            yield from _differences(left, right, f"{path}[{index}]")
    elif expected != actual:
        yield f"{path}: 期望 {expected!r}，实际 {actual!r}"


def test_every_fixture_has_an_expected_extraction():
    assert len(FIXTURES) >= 6
    for name in FIXTURES:
        assert (DOCUMENTS / (name.split(".")[0] + ".expected.yaml")).exists(), name


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_extracts_to_its_expected_plan(name):
    extraction = _extract(name)
    assert extraction.findings == []
    differences = list(_differences(_expected(name).model_dump(), extraction.plan.model_dump()))
    assert differences == []


@pytest.mark.parametrize("name", FIXTURES)
def test_yaml_output_round_trips_to_the_same_plan(name):
    extraction = _extract(name)
    assert Plan.model_validate(YAML(typ="safe").load(to_yaml(extraction))) == extraction.plan


def test_yaml_output_comments_each_figure_with_its_place():
    text = to_yaml(_extract("lishan-2023.txt"))
    assert re.search(r"total: 2988 +# 第 31 行", text)
    assert "# 第 62 行" in text                       # the wrapped item's days
    docx_text = to_yaml(_extract("anping-2023.docx"))
    assert "# 表格 1 第 2 行第 3 列" in docx_text and "# 段落 10" in docx_text


ANCHORS = [
    # GB18030 text, full-width digits: T only as a formula result, O only on a 合计 line,
    # d stated in prose before the formula that repeats it
    ("beihu-2024-gb18030.txt", "workdays.total", Location(line=20, column=33)),
    ("beihu-2024-gb18030.txt", "workdays.per_person", Location(line=20, column=12)),
    ("beihu-2024-gb18030.txt", "workdays.other_enforcement.stated_total", Location(line=33, column=4)),
    ("beihu-2024-gb18030.txt", "workdays.other_enforcement.items[9].days", Location(line=32, column=3)),
    ("beihu-2024-gb18030.txt", "workdays.other_enforcement.items[0].splits[1]", Location(line=22, column=34)),
    ("beihu-2024-gb18030.txt", "officers.groups[0]", Location(line=18, column=46)),
    ("beihu-2024-gb18030.txt", "general_inspections.ratio", Location(line=49, column=30)),
    # BOM Markdown: the BOM is not a column; the pipe table's cells are
    ("qingyuan-2025-bom.md", "title", Location(line=1, column=3)),
    ("qingyuan-2025-bom.md", "workdays.non_enforcement.stated_total", Location(line=28, column=4)),
    ("qingyuan-2025-bom.md", "key_inspections.units[1].visits[1]", Location(line=42, column=26)),
    ("qingyuan-2025-bom.md", "key_inspections.units[1].visits[1].officers", Location(line=42, column=35)),
    # Word: paragraphs and table cells
    ("anping-2023.docx", "workdays.total", Location(where="段落 10")),
    ("anping-2023.docx", "workdays.other_enforcement.stated_total", Location(where="表格 1 第 2 行第 3 列")),
    ("anping-2023.docx", "workdays.non_enforcement.items[6].days", Location(where="表格 1 第 20 行第 3 列")),
    ("anping-2023.docx", "key_inspections.units[7].visits[0]", Location(where="表格 2 第 9 行第 4 列")),
    ("anping-2023.docx", "officers.roster_count", Location(where="表格 3 第 2 行第 2 列")),
    ("taoyuan-2026.docx", "workdays.other_enforcement.items[5]", Location(where="段落 12")),
    ("taoyuan-2026.docx", "workdays.non_enforcement.items[5].days", Location(where="表格 1 第 7 行第 4 列")),
    # PDF: page and line, across a wrap and a page break
    ("xishan-2024.pdf", "workdays.other_enforcement.items[9].days", Location(where="第 1 页第 22 行")),
    ("xishan-2024.pdf", "workdays.general", Location(where="第 1 页第 32 行")),
    ("xishan-2024.pdf", "general_inspections.unit_count", Location(where="第 2 页第 2 行")),
    # hard-wrapped text: T after a wrap inside "249日" and a page number between two lines;
    # an item's figure on the line after "预计需"
    ("hongshan-2022-wrapped.txt", "workdays.total", Location(line=14, column=9)),
    ("hongshan-2022-wrapped.txt", "workdays.non_enforcement.items[0].days", Location(line=26, column=1)),
    # Word: a 小计 cell of one table for both categories; a share in a summary table
    ("pingan-2025.docx", "workdays.non_enforcement.stated_total", Location(where="表格 2 第 20 行第 4 列")),
    ("pingan-2025.docx", "workdays.percentages[0]", Location(where="表格 1 第 3 行第 3 列")),
    # PDF tables: the last unit of an annex that ran over a page break
    ("songlin-2026.pdf", "key_inspections.units[39]", Location(where="第 3 页第 14 行")),
    # a web page that lost its line breaks: the blank at its column
    ("xinhe-2023-web.txt", "document.blanks[0]", Location(line=12, column=67)),
    ("dongshan-2024.md", "workdays.other_enforcement.splits[1]", Location(line=32, column=28)),
]


@pytest.mark.parametrize("name, path, location", ANCHORS, ids=[f"{n}:{p}" for n, p, _ in ANCHORS])
def test_key_figures_point_at_their_place(name, path, location):
    assert _extract(name).sourcemap.entries[path] == location


# What checking each extracted plan must report (at least), and what it must not.
DEFECTS = {
    "lishan-2023.txt": ({"WD003": 14, "WD006": 1, "WD010": 2, "WD001": 1, "KI002": 1, "DC003": 3, "AP001": 1, "AP002": 1},
                        {"ST001", "WD002", "WD007", "WD008", "WD009", "KI001"}),
    "beihu-2024-gb18030.txt": ({}, {"WD002", "WD006", "WD007", "WD008", "WD009", "WD010", "WD014", "KI001", "GI001",
                                    "GI002", "AP001", "AP002", "ST001", "ST002"}),
    "anping-2023.docx": ({}, {"WD002", "WD006", "WD007", "WD008", "WD009", "WD010", "KI001", "KI002", "KI003", "KI004",
                              "KI006", "ST004", "AP001", "AP002", "DC003"}),
    "qingyuan-2025-bom.md": ({"WD013": 1, "WD002": 1, "WD014": 1, "WD015": 1, "WD016": 1, "GI001": 1, "MD004": 1,
                              "KI006": 1, "KI005": 1, "AP001": 1, "DC003": 1}, {"WD006", "WD007", "WD008", "WD010"}),
    "taoyuan-2026.docx": ({"MD002": 1, "WD003": 1, "WD005": 1, "KI002": 1}, {"WD002", "WD006", "WD007", "WD008", "WD009"}),
    "xishan-2024.pdf": ({"WD006": 1, "WD009": 1}, {"WD002", "WD007", "WD008", "WD013"}),
    # further styles (make_styles.py)
    "hongshan-2022-wrapped.txt": ({"WD013": 1, "WD010": 1, "WD001": 1},
                                  {"WD002", "WD006", "WD007", "WD008", "WD009", "ST001", "KI001", "KI003", "GI002",
                                   "AP001", "AP002", "DC003", "WD017"}),
    "pingan-2025.docx": ({"WD007": 1, "GI002": 1, "MD005": 1, "WD001": 1},
                         {"WD006", "WD008", "WD009", "WD010", "WD013", "KI001", "KI003", "AP001", "AP002", "DC003"}),
    "songlin-2026.pdf": ({"WD009": 1, "KI006": 1, "WD001": 1},
                         {"WD002", "WD006", "WD007", "WD008", "WD010", "WD013", "WD017", "KI003", "AP001", "AP002"}),
    "xinhe-2023-web.txt": ({"DC004": 1, "DC005": 1, "WD001": 1},
                           {"DC001", "KI002", "AP001", "AP002", "DC003", "WD015", "WD010", "ST001", "MD001", "IN003"}),
    "dongshan-2024.md": ({"WD014": 1, "WD015": 1, "WD001": 1},
                         {"WD006", "WD007", "WD008", "WD009", "WD010", "KI001", "KI003", "AP001", "AP002", "DC003"}),
}


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_checking_the_extracted_plan_reports_the_fixtures_defects(name, python_checker):
    extraction = _extract(name)
    codes = Counter(finding.code for finding in python_checker.check_plan(extraction.plan, extraction.sourcemap, name))
    required, absent = DEFECTS[name]
    assert {code: codes[code] for code in required} == required
    assert absent.isdisjoint(codes), sorted(absent & set(codes))

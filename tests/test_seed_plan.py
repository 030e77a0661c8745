"""The real seed plan (fixtures/documents/lishan-2023.txt, the 2023 plan of a district bureau),
as a document and as its faithful YAML transcription, yields exactly what is true of it, each
finding at its line: its two category lists swapped (WD003 × 14), the items of 其他执法工作日
adding to 1458 where it states 1456 (WD006), its percentages truncated (WD010 × 2), the
calendar's 249 days (WD001, a note), no key-unit list (KI002), three annexes referred to but
not included (DC003), no evidence of approval or filing (AP001, AP002) — and WD011, since its
290 supervision days are 9.7% of 2,988, below the 10% default floor.
"""
import datetime as dt
from pathlib import Path

import pytest


SEED_YAML = Path(__file__).parent.parent / "fixtures" / "plans" / "lishan-2023.yaml"
TODAY = dt.date(2026, 11, 28)

EXPECTED = [
    ("WD001", "info", 22, "workdays.per_person"),
    ("WD006", "error", 25, "workdays.other_enforcement.stated_total"),
    *[("WD003", "error", 27 + i, f"workdays.other_enforcement.items[{i}]") for i in range(6)],
    *[("WD003", "error", 36 + i, f"workdays.non_enforcement.items[{i}]") for i in range(8)],
    ("WD011", "warning", 44, "workdays.supervision"),
    ("WD010", "warning", 48, "workdays.percentages[0]"),
    ("WD010", "warning", 49, "workdays.percentages[1]"),
    ("KI002", "warning", 51, "key_inspections.unit_count"),
    ("DC003", "warning", 63, "annexes[0]"),
    ("DC003", "warning", 64, "annexes[1]"),
    ("DC003", "warning", 65, "annexes[2]"),
    ("AP001", "warning", None, "approval"),
    ("AP002", "warning", None, "filing"),
]


@pytest.fixture(scope="module", params=["engine", "python"])
def seed_findings(request):
    checker = request.getfixturevalue(f"{request.param}_checker")
    return checker.check_bytes(SEED_YAML.read_bytes(), str(SEED_YAML), ".yaml", today=TODAY).findings


def test_seed_transcription_yields_exactly_the_listed_findings(seed_findings):
    found = [(f.code, f.severity.name, f.line, f.field) for f in seed_findings]
    assert found == EXPECTED


def test_seed_arithmetic_that_holds_is_not_reported(seed_findings):
    codes = {f.code for f in seed_findings}
    assert not codes & {"ST001", "WD002", "WD007", "WD008", "WD009", "KI001"}


def test_seed_messages_name_the_numbers(seed_findings):
    messages = {f.code: f.message for f in seed_findings}
    assert "1456" in messages["WD006"] and "1458" in messages["WD006"]
    assert "249" in messages["WD001"] and "250" in messages["WD001"]
    wd010 = [f.message for f in seed_findings if f.code == "WD010"]
    assert "68.96%" in wd010[0] and "68.97%" in wd010[0] and "监督检查工作日" in wd010[0]
    assert "31.04%" in wd010[1] and "31.03%" in wd010[1]


def test_seed_wrong_category_names_the_right_item(seed_findings):
    wd003 = [f.message for f in seed_findings if f.code == "WD003"]
    assert "“机关值班”列在其他执法工作日第 1 项，但它是编制办法所列非执法工作日第 1 项" in wd003[0]
    assert "“开展安全生产宣传教育培训”列在非执法工作日第 6 项，但它是编制办法所列其他执法工作日第 8 项" in wd003[11]


SEED_DOCUMENT = Path(__file__).parent.parent / "fixtures" / "documents" / "lishan-2023.txt"

# The document as issued: each finding at its line in the text. DC002 is true of the
# document alone (it has no 保障措施 section); WD011 as above.
EXPECTED_IN_DOCUMENT = [
    ("WD011", "warning", 32, "workdays.supervision"),
    ("KI002", "warning", 36, "key_inspections.unit_count"),
    ("DC003", "warning", 39, "annexes[0]"),
    ("DC003", "warning", 42, "annexes[1]"),
    ("WD001", "info", 44, "workdays.per_person"),
    ("WD010", "warning", 45, "workdays.percentages[0]"),
    ("WD010", "warning", 45, "workdays.percentages[1]"),
    ("WD006", "error", 46, "workdays.other_enforcement.stated_total"),
    *[("WD003", "error", 47 + i, f"workdays.other_enforcement.items[{i}]") for i in range(6)],
    *[("WD003", "error", 54 + i, f"workdays.non_enforcement.items[{i}]") for i in range(8)],
    ("DC003", "warning", 64, "annexes[2]"),
    ("AP001", "warning", None, "approval"),
    ("AP002", "warning", None, "filing"),
    ("DC002", "info", None, "document.parts"),
]


@pytest.mark.parametrize("evaluator", ["engine", "python"])
def test_seed_document_yields_the_listed_findings_at_their_lines(evaluator, request):
    checker = request.getfixturevalue(f"{evaluator}_checker")
    result = checker.check_bytes(SEED_DOCUMENT.read_bytes(), str(SEED_DOCUMENT), ".txt", today=TODAY)
    assert [(f.code, f.severity.name, f.line, f.field) for f in result.findings] == EXPECTED_IN_DOCUMENT

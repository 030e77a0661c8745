"""The seed plan (lishan-2023.txt) extracted exactly: every field, and the line of each figure.

The extractor records what the document says: the (三) heading reads 其他执法工作日 but lists
six 非执法 items, so they stay under other_enforcement (WD003 flags them), and the stated
totals are the printed ones even though the items add up to 1458.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plan_rules.extract import extract_document
from plan_rules.sourcemap import Location

SEED = Path(__file__).parent.parent / "fixtures" / "documents" / "lishan-2023.txt"


@pytest.fixture(scope="module")
def seed():
    return extract_document(str(SEED))


def test_the_seed_has_every_required_figure_so_no_findings(seed):
    assert seed.findings == []


def test_metadata(seed):
    plan = seed.plan
    assert plan.year == 2023
    assert plan.issuer.name == "鞍山市立山区应急管理局" and plan.issuer.level == "county"
    assert plan.title == "鞍山市立山区应急管理局2023年安全生产年度监督检查计划"
    assert plan.document_number == "鞍立应急发〔2023〕1号"
    assert plan.basis == [
        "《安全生产法》", "《辽宁省安全生产条例》",
        "《应急管理行政执法人员依法履职管理规定》(应急管理部令第9号)",
        "《国家安全监管总局关于印发〈安全生产年度监督检查计划编制办法〉的通知》(安监总政法〔2017〕150号)"]


def test_the_notice_goes_to_the_bureaus_own_sections_only_so_no_approval_or_filing(seed):
    assert seed.plan.approval is None and seed.plan.filing is None


def test_officers(seed):
    officers = seed.plan.officers
    assert officers.counted == 12
    assert [(group.name, group.count) for group in officers.groups] == [("行政编制", 3), ("专门执法机构事业编制", 9)]
    assert officers.certified is None and officers.registered is None and officers.roster_count is None


def test_workday_figures(seed):
    workdays = seed.plan.workdays
    assert (workdays.per_person, workdays.total, workdays.supervision, workdays.key, workdays.general) == (249, 2988, 290, 200, 90)
    assert workdays.reserve is None and workdays.total_splits == []
    assert workdays.other_enforcement.stated_total == 1456
    assert workdays.non_enforcement.stated_total == 1242


def test_items_stay_under_the_heading_that_lists_them(seed):
    other = seed.plan.workdays.other_enforcement.items
    assert [(item.label, item.days) for item in other] == [
        ("机关值班", 432), ("学习、培训、考核、会议", 312), ("检查指导下级安全监管部门工作", 153),
        ("参加党群活动", 316), ("病假、事假", 120), ("法定年休假、探亲假、婚(丧)假", 125)]
    assert sum(item.days for item in other) == 1458
    non = seed.plan.workdays.non_enforcement.items
    assert [(item.label, item.days) for item in non] == [
        ("开展安全生产综合监管", 332), ("组织生产安全事故调查和处理", 120), ("调查核实安全生产投诉举报", 90),
        ("参加有关部门联合执法", 184), ("办理有关法律、法规、规章规定的登记、备案", 132),
        ("开展安全生产宣传教育培训", 130), ("办理行政复议、行政应诉", 128),
        ("完成本级人民政府或者上级安全监管部门安排的执法工作任务", 126)]
    assert all(item.splits == [] for item in other + non)


def test_percentages_keep_their_printed_digits(seed):
    percentages = seed.plan.workdays.percentages
    assert [(p.subject, p.value, p.base) for p in percentages] == [
        ("key", Decimal("68.96"), None), ("general", Decimal("31.04"), None)]


def test_inspections(seed):
    key, general = seed.plan.key_inspections, seed.plan.general_inspections
    assert key.unit_count == 25 and key.other_counts == [25] and key.units is None
    assert [(i.industry, i.count) for i in key.by_industry] == [("机械制造", 13), ("危险化学品生产经营", 12)]
    assert general.unit_count == 45 and general.other_counts == [45] and general.units is None
    assert general.random_units and general.random_officers
    assert general.pool_size is None and general.ratio is None


def test_annexes_are_referenced_but_not_included(seed):
    assert [(a.label, a.title, a.provided) for a in seed.plan.annexes] == [
        ("附表1", "2023年区应急管理局重点检查单位检查计划表", False),
        ("附表2", "2023年区应急管理局一般检查单位检查计划表", False),
        ("附表3", "2023年度区应急局执法小组名单表", False)]


def test_document_parts_without_safeguards(seed):
    assert seed.plan.document.parts == [
        "officers", "workday_calculation", "key_arrangements", "general_arrangements", "basis", "goals"]


def test_printed_formulas_with_the_figure_of_each_operand(seed):
    first, second = seed.plan.document.formulas
    assert first.text == "249日×12人（行政编制3人；专门执法机构事业编制9人）=2988日"
    assert [(t.op, t.value, t.figure) for t in first.terms] == [
        ("+", 249, "workdays.per_person"), ("×", 12, "officers.counted")]
    assert (first.result, first.result_figure) == (2988, "workdays.total")
    assert second.text == "监督检查工作日=总法定工作日（2988日）-其他执法工作日（1456日）-非执法工作日（1242日）=290日"
    assert [(t.op, t.value, t.figure) for t in second.terms] == [
        ("+", 2988, "workdays.total"), ("-", 1456, "workdays.other_enforcement.stated_total"),
        ("-", 1242, "workdays.non_enforcement.stated_total")]
    assert (second.result, second.result_figure) == (290, "workdays.supervision")


@pytest.mark.parametrize("path, line, column", [
    ("document_number", 5, 1),
    ("title", 16, 2),
    ("basis[0]", 18, 65),
    ("officers.counted", 30, 12),
    ("officers.groups[0]", 44, 20),
    ("officers.groups[1]", 44, 27),
    ("workdays.per_person", 44, 11),
    ("workdays.total", 31, 10),
    ("workdays.supervision", 32, 11),
    ("workdays.other_enforcement.stated_total", 46, 12),
    ("workdays.non_enforcement.stated_total", 53, 11),
    ("workdays.other_enforcement.items[0]", 47, 3),
    ("workdays.other_enforcement.items[0].days", 47, 8),
    ("workdays.other_enforcement.items[5].days", 52, 19),
    ("workdays.non_enforcement.items[7]", 61, 3),          # item 8 wraps over lines 61–62
    ("workdays.non_enforcement.items[7].days", 62, 7),
    ("workdays.key", 45, 89),
    ("workdays.general", 45, 111),
    ("workdays.percentages[0]", 45, 96),
    ("workdays.percentages[1]", 45, 117),
    ("key_inspections.unit_count", 36, 18),
    ("key_inspections.other_counts[0]", 23, 85),
    ("key_inspections.by_industry[0]", 37, 3),
    ("key_inspections.by_industry[1]", 38, 3),
    ("general_inspections.unit_count", 41, 12),
    ("general_inspections.other_counts[0]", 23, 95),
    ("general_inspections.random_units", 26, 15),
    ("annexes[0]", 39, 3),
    ("annexes[2]", 64, 1),
    ("document.formulas[0]", 44, 11),
    ("document.formulas[1]", 45, 23),
])
def test_each_figure_points_at_its_line_and_column(seed, path, line, column):
    assert seed.sourcemap.entries[path] == Location(line=line, column=column)

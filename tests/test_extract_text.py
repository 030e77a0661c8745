"""The extractor on the shapes real plans take (docs/extraction.md), one behaviour per test,
and on arbitrary text: it never raises, it only reports."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ruamel.yaml import YAML

from plan_rules.extract import extract_text, to_yaml
from plan_rules.findings import Severity


def _plan(text: str):
    return extract_text(text, "计划.txt").plan


def test_full_width_digits_and_chinese_numerals_for_small_counts():
    plan = _plan("行政执法人员：十二人（行政编制三人、事业编制九人）\n总法定工作日：２９８８日\n")
    assert plan.officers.counted == 12
    assert [(g.name, g.count) for g in plan.officers.groups] == [("行政编制", 3), ("事业编制", 9)]
    assert plan.workdays.total == 2988


def test_every_workday_unit_and_multiplication_sign():
    for unit in ("日", "天", "个工作日", "人日"):
        for sign in ("×", "*", "x", "X"):
            plan = _plan(f"总法定工作日：249{unit}{sign}12人=2988{unit}\n")
            assert (plan.workdays.per_person, plan.officers.counted, plan.workdays.total) == (249, 12, 2988), (unit, sign)


def test_the_typo_gongzuoyue_reads_as_gongzuori():
    assert _plan("（四）非执法工作曰：1242\n1.机关值班：432\n").workdays.non_enforcement.stated_total == 1242


def test_spaces_inside_figures():
    assert _plan("总法定工作日：2 988 日\n").workdays.total == 2988


def test_a_figure_on_the_line_after_its_label():
    extraction = extract_text("监督检查工作日：\n290日\n", "计划.txt")
    assert extraction.plan.workdays.supervision == 290
    assert extraction.sourcemap.entries["workdays.supervision"].line == 2


def test_a_heading_without_colon_does_not_take_the_next_lines_year():
    plan = _plan("（二）总法定工作日\n2024年法定工作日为251天，总法定工作日：251天×10人=2510天。\n")
    assert (plan.workdays.total, plan.workdays.per_person) == (2510, 251)


def test_category_total_in_the_heading_on_a_total_line_or_only_as_a_formula_result():
    heading = _plan("(三)其他执法工作日：共计520天\n1.实施行政许可：520天\n")
    total_line = _plan("(三)其他执法工作日\n1.实施行政许可：500天\n2.窗口办理\n合计：500天\n")
    formula = _plan("其他执法工作日=300+200=500天\n")
    assert [p.workdays.other_enforcement.stated_total for p in (heading, total_line, formula)] == [520, 500, 500]


def test_an_item_without_a_number_has_no_days():
    items = _plan("(三)其他执法工作日：100\n1.窗口办理\n2.上班期间专人值班。\n3.实施行政许可：100\n").workdays.other_enforcement.items
    assert [(i.label, i.days) for i in items] == [("窗口办理", None), ("上班期间专人值班", None), ("实施行政许可", 100)]


def test_per_unit_splits_follow_qizhong():
    [item] = _plan("其他执法工作日：1035日\n1.开展安全生产综合监管：1035日，其中安全生产科375日、执法大队660日\n"
                   ).workdays.other_enforcement.items
    assert (item.days, [(s.unit, s.days) for s in item.splits]) == (1035, [("安全生产科", 375), ("执法大队", 660)])


def test_an_item_computed_by_a_formula_takes_its_result_and_the_formula_names_the_item():
    plan = _plan("非执法工作日：432日\n1.机关值班：12人×36日=432日\n")
    assert plan.workdays.non_enforcement.items[0].days == 432
    assert plan.document.formulas[0].result_figure == "workdays.non_enforcement.items[0].days"


def test_heading_styles_and_the_end_of_a_list():
    text = ("3.其他执法工作日：300日\n(1)实施行政许可：100日\n(2)参加有关部门联合执法：200日\n"
            "4.非执法工作日：150日\n(1)机关值班：150日\n五、重点检查安排\n重点检查单位共8家。\n")
    plan = _plan(text)
    assert [i.label for i in plan.workdays.other_enforcement.items] == ["实施行政许可", "参加有关部门联合执法"]
    assert [i.label for i in plan.workdays.non_enforcement.items] == ["机关值班"]
    assert plan.key_inspections.unit_count == 8


def test_markdown_pipe_table_of_workday_items():
    text = "其他执法工作日\n\n| 序号 | 事项 | 工作日 |\n|---|---|---|\n| 1 | 实施行政许可 | 60 |\n| 2 | 参加有关部门联合执法 | 40 |\n| 合计 | | 100 |\n"
    category = _plan(text).workdays.other_enforcement
    assert ([(i.label, i.days) for i in category.items], category.stated_total) == (
        [("实施行政许可", 60), ("参加有关部门联合执法", 40)], 100)


def test_percentages_name_their_subject_and_stated_base():
    percentages = _plan("重点检查工作日：427天，占监督检查工作日的70.00%；一般检查工作日183天（占总法定工作日7.3%）\n"
                        ).workdays.percentages
    assert [(p.subject, p.value, p.base) for p in percentages] == [
        ("key", Decimal("70.00"), "supervision"), ("general", Decimal("7.3"), "total")]
    assert str(percentages[0].value) == "70.00"


def test_issuer_levels():
    levels = {name: _plan(f"{name}2024年度安全生产监督检查计划\n").issuer.level for name in (
        "辽宁省应急管理厅", "鞍山市应急管理局", "北京市应急管理局", "鞍山市立山区应急管理局", "岫岩满族自治县应急管理局",
        "桃源街道办事处应急管理办公室", "鞍山经济开发区应急管理局", "某镇人民政府应急管理办公室")}
    assert levels == {"辽宁省应急管理厅": "province", "鞍山市应急管理局": "city", "北京市应急管理局": "province",
                      "鞍山市立山区应急管理局": "county", "岫岩满族自治县应急管理局": "county",
                      "桃源街道办事处应急管理办公室": "street", "鞍山经济开发区应急管理局": "zone",
                      "某镇人民政府应急管理办公室": "township"}


def test_approval_needs_the_governments_word_not_an_intention():
    assert _plan("本计划报区人民政府批准后实施。\n").approval is None
    approval = _plan("本计划已于2024年2月6日经北湖区人民政府批准（北政复〔2024〕5号）。\n").approval
    assert (approval.body, str(approval.date), approval.document_number) == ("北湖区人民政府", "2024-02-06", "北政复〔2024〕5号")


def test_each_missing_figure_is_an_in003_warning_naming_it():
    extraction = extract_text("鞍山市立山区应急管理局2023年安全生产年度监督检查计划\n总法定工作日：2988日\n"
                              "六、保障措施\n加强组织领导。\n", "计划.txt")
    fields = {finding.field for finding in extraction.findings}
    assert "workdays.total" not in fields
    assert {"officers.counted", "workdays.per_person", "workdays.supervision", "workdays.key", "workdays.general",
            "workdays.other_enforcement.stated_total", "workdays.non_enforcement.stated_total",
            "key_inspections.unit_count", "general_inspections.unit_count"} == fields
    supervision = next(f for f in extraction.findings if f.field == "workdays.supervision")
    assert (supervision.code, supervision.severity) == ("IN003", Severity.warning)
    assert supervision.message == "未能在文档中找到“监督检查工作日”的数字，相关检查（WD008、WD009、WD010、WD011）已跳过"


def test_empty_text_is_in001():
    [finding] = extract_text(" \n\u3000\n", "空.txt").findings
    assert finding.code == "IN001" and finding.message == "文件为空"


_PLAN_WORDS = st.sampled_from(["其他执法工作日", "非执法工作日", "总法定工作日", "监督检查工作日", "重点检查工作日",
                               "一般检查", "重点检查单位", "行政执法人员", "附表1", "其中", "合计", "执法大队", "%", "占比",
                               "×", "=", "-", ":", "：", "（一）", "一、", "1.", "(1)", "|", "\t", "\n", "人", "日", "户",
                               "天", "十二", "２９８８", "《安全生产法》", "经区人民政府批准", "报市应急管理局备案", "曰"])
_PIECES = st.one_of(_PLAN_WORDS, st.integers(min_value=0, max_value=10**12).map(str), st.text(max_size=5))


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_arbitrary_text_never_raises_and_its_yaml_round_trips(text):
    extraction = extract_text(text, "随机.txt")
    assert all(finding.code in ("IN001", "IN003") for finding in extraction.findings)
    if extraction.plan is not None:
        reloaded = YAML(typ="safe").load(to_yaml(extraction))
        assert type(extraction.plan).model_validate(reloaded) == extraction.plan

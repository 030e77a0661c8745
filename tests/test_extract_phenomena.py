"""The ways real plans are written that the extractor must read (issue 8's failure patterns,
in general form), one behaviour per test: formulas read as equation chains, percentages
against the base the text names, breakdowns that may be incomplete, items without figures,
layout, tables, number forms, the wording of approval, basis and annexes, truncated texts;
and how sure the checker says it is."""
from __future__ import annotations

from collections import Counter

from plan_rules.extract import extract_document, extract_text
from plan_rules.extract.document import build_document
from plan_rules.extract.layout import logical_lines
from plan_rules.readers.plain import read_text
from plan_rules.findings import Severity

_CLOSING = "六、保障措施\n加强组织领导。\n"


def _plan(text: str):
    return extract_text(text, "计划.txt").plan


def _check(checker, text: str):
    data = text.encode("utf-8")
    return checker.check_bytes(data, "计划.txt", ".txt").findings


def _codes(findings, at_least=Severity.info):
    return Counter((f.code, f.severity.name) for f in findings if f.severity >= at_least)


# --- 1. formulas are equation chains, read by their wordings --------------------------------

def test_a_correct_t_minus_o_minus_x_chain_names_each_operand_by_its_wording():
    plan = _plan("其他执法工作日：1000日\n非执法工作日：900日\n"
                 "监督检查工作日=总法定工作日-其他执法工作日-非执法工作日=2500-1000-900=600日\n")
    [formula] = plan.document.formulas
    assert [(t.value, t.figure) for t in formula.terms] == [
        (2500, "workdays.total"), (1000, "workdays.other_enforcement.stated_total"),
        (900, "workdays.non_enforcement.stated_total")]
    assert (formula.result, formula.result_figure, plan.workdays.supervision) == (600, "workdays.supervision", 600)


def test_the_result_of_a_chain_is_the_figure_its_first_words_name():
    plan = _plan("总法定工作日=国家法定工作日×人数=250天×4人=1000个工作日。\n")
    assert (plan.workdays.total, plan.workdays.per_person, plan.officers.counted) == (1000, 250, 4)


def test_a_per_person_formula_gives_d_and_the_people_operand_gives_n_not_the_result():
    plan = _plan("全年每人法定工作日为:365-104-14=247 日. 总法定工作日=每人法定工作日*本局参加执法人员数量 =247*22=5434 日\n")
    assert (plan.workdays.per_person, plan.officers.counted, plan.workdays.total) == (247, 22, 5434)


def test_unnamed_operands_are_bound_by_their_values_before_their_position():
    plan = _plan("（二）其他执法工作日：900日\n（三）非执法工作日：1000日\n（四）监督检查工作日\n2500-1000-900=600日\n")
    [formula] = plan.document.formulas
    assert [t.figure for t in formula.terms] == [
        "workdays.total", "workdays.non_enforcement.stated_total", "workdays.other_enforcement.stated_total"]
    # T is printed nowhere else: read from its place in the formula, and said to be
    assert plan.workdays.total == 2500
    assert [u.path for u in plan.document.uncertain] == ["workdays.total", "document.formulas[0].terms[0]"]


def test_an_operand_bound_only_by_its_position_makes_its_mismatch_a_warning(python_checker):
    text = ("总法定工作日：2500日\n（二）其他执法工作日：800日\n（三）非执法工作日：1000日\n"
            "（四）监督检查工作日\n2500-850-1000=650日\n")
    [operand] = [f for f in _check(python_checker, text) if f.code == "WD013"]
    assert operand.severity == Severity.warning
    assert "仅按位置推断" in operand.message and "850" in operand.message


def test_a_labelled_operand_that_differs_is_an_error_that_also_says_the_arithmetic(python_checker):
    text = ("其他执法工作日：2469日\n非执法工作日：1994日\n"
            "监督检查工作日=总法定工作日-其他执法工作日-非执法工作日=5434-2649-1994=971日\n")
    [finding] = [f for f in _check(python_checker, text) if f.code == "WD013"]
    assert finding.severity == Severity.error
    assert "2649" in finding.message and "2469" in finding.message and "791" in finding.message


# --- 2. percentages against the base the text names ----------------------------------------

def test_shares_of_s_printed_without_a_base_take_their_neighbours_base():
    percentages = _plan("重点检查工作日700日，占监督检查工作日的70%；一般检查工作日300日，占30%。\n").workdays.percentages
    assert [(p.subject, str(p.value), p.base) for p in percentages] == [("key", "70", "supervision"), ("general", "30", "supervision")]


def test_a_share_after_a_total_line_is_the_sections_figure_of_the_named_base():
    plan = _plan("（二）其他执法工作日\n（1）实施行政许可，1120天；\n"
                 "总计：1120个工作日（其中局机关280个工作日、执法大队840个工作日），占总法定工作日的28.0%。\n")
    assert [(p.subject, str(p.value), p.base) for p in plan.workdays.percentages] == [("other_enforcement", "28.0", "total")]
    assert plan.workdays.other_enforcement.stated_total == 1120
    assert [(s.unit, s.days) for s in plan.workdays.other_enforcement.splits] == [("局机关", 280), ("执法大队", 840)]


def test_a_share_of_the_formula_it_follows_is_the_formulas_result():
    [percent] = _plan("监督检查工作日=总法定工作日-其他执法工作日-非执法工作日=5000-1700-2000=1300个，占总法定工作日的26%。\n"
                      ).workdays.percentages
    assert (percent.subject, percent.base) == ("supervision", "total")


# --- 3. breakdowns that may be incomplete --------------------------------------------------

def test_a_breakdown_read_in_part_gives_a_warning_that_says_so(python_checker):
    text = "纳入计划的行政执法人员12人，其中局机关3人、执法大队8—9人。\n" + _CLOSING
    plan = _plan(text)
    assert [(g.name, g.count) for g in plan.officers.groups] == [("局机关", 3)]
    [staff] = [f for f in _check(python_checker, text) if f.code == "ST001"]
    assert staff.severity == Severity.warning and "人员构成可能未读全" in staff.message


def test_a_breakdown_read_whole_gives_an_error(python_checker):
    text = "纳入计划的行政执法人员十一人，其中局机关四人、执法大队八人，全部持证。\n" + _CLOSING
    [staff] = [f for f in _check(python_checker, text) if f.code == "ST001"]
    assert staff.severity == Severity.error


# --- 4. items without figures -------------------------------------------------------------

def test_a_plan_giving_only_category_totals_gets_one_note_a_category(python_checker):
    text = ("（三）其他执法工作日：700日\n1.开展安全生产综合监管；\n2.实施行政许可；\n3.组织生产安全事故调查和处理；\n"
            "（四）非执法工作日：900日\n1.机关值班；\n2.学习、培训、考核、会议；\n" + _CLOSING)
    codes = _codes(_check(python_checker, text))
    assert codes[("WD015", "info")] == 2 and ("WD006", "error") not in codes and ("WD007", "error") not in codes


# --- 5. layout ----------------------------------------------------------------------------

def test_a_figure_on_the_line_after_yujixu_belongs_to_its_item():
    items = _plan("（三）其他执法工作日（290个工作日）\n1.开展安全生产综合监管：预计需\n240个工作日；\n"
                  "2.实施行政许可：预计需\n50个工作日；\n").workdays.other_enforcement.items
    assert [(i.label, i.days) for i in items] == [("开展安全生产综合监管", 240), ("实施行政许可", 50)]


def test_a_number_split_by_a_hard_wrap_is_joined():
    text = ("本局为认真履行安全生产监督管理职责，规范安全生\n产行政执法行为，依法制定本计划。每人法定工作日\n"
            "按250个工作日计算，总法定工作日为14×25\n0=3500个工作日，监督检查工作日按照编制办\n法规定测算。\n")
    assert _plan(text).workdays.total == 3500


def test_a_heading_that_carries_its_total_and_item_one_on_one_line():
    plan = _plan("(三)其他执法工作日(2469 个工作日) 1.开展安全生产综合监管:预计需\n170 个工作日;\n2.实施行政许可:预计需\n482 个工作日;\n")
    category = plan.workdays.other_enforcement
    assert category.stated_total == 2469 and [i.days for i in category.items] == [170, 482]


def test_a_total_glued_to_the_last_item_is_the_sections_total():
    category = _plan("（三）其他执法工作日\n- 开展安全生产综合监管：150个工作日 总计：640个工作日\n").workdays.other_enforcement
    assert ([i.days for i in category.items], category.stated_total) == ([150], 640)


def test_the_next_sections_result_is_not_this_sections_total():
    plan = _plan("（三）非执法工作日\n1.机关值班：432\n（四）监督检查工作日\n监督检查工作日=2988-1456-1242=290日\n")
    assert plan.workdays.supervision == 290
    # X is printed only as the formula's third operand: read from there, never as the S result
    assert plan.workdays.non_enforcement.stated_total == 1242
    assert "workdays.non_enforcement.stated_total" in [u.path for u in plan.document.uncertain]


def test_page_numbers_between_lines_and_word_residue_are_dropped():
    plan = _plan("[bookmark: _GoBack]\n总法定工作日为14×250=\n-1-\n3500个工作日。\n")
    assert plan.workdays.total == 3500


# --- 6. tables ----------------------------------------------------------------------------

def test_a_tab_table_with_a_total_row_lists_its_items():
    text = "（二）其他执法工作日。\n序号\t项目\t工作日（个）\n1\t开展安全生产综合监管\t360\n2\t实施行政许可\t54\n合计\t\t414\n"
    category = _plan(text).workdays.other_enforcement
    assert ([(i.label, i.days) for i in category.items], category.stated_total) == (
        [("开展安全生产综合监管", 360), ("实施行政许可", 54)], 414)


def test_one_table_for_both_categories_with_a_category_column_and_subtotals():
    text = ("（二）其他执法工作日和非执法工作日\n类别\t序号\t事项\t工作日\n其他执法工作日\t1\t开展安全生产综合监管\t200\n"
            "其他执法工作日\t2\t实施行政许可\t36\n小计\t\t\t236\n非执法工作日\t1\t机关值班\t240\n小计\t\t\t240\n")
    workdays = _plan(text).workdays
    assert [i.days for i in workdays.other_enforcement.items] == [200, 36]
    assert [i.days for i in workdays.non_enforcement.items] == [240]
    assert (workdays.other_enforcement.stated_total, workdays.non_enforcement.stated_total) == (236, 240)


def test_a_note_column_is_never_read_as_days():
    text = "（三）非执法工作日\n序号\t工作事项\t工作日\t测算依据\n1\t检查指导镇安全生产工作\t80\t11个镇\n2\t法定年休假、探亲假、婚（丧）假\t150\t每人15天\n"
    assert [i.days for i in _plan(text).workdays.non_enforcement.items] == [80, 150]


def test_a_summary_table_of_figures_with_shares_of_t():
    text = ("项目\t工作日\t占总法定工作日\n总法定工作日（248日×10人）\t2480\t100%\n其他执法工作日\t760\t30.65%\n"
            "非执法工作日\t950\t38.31%\n监督检查工作日\t770\t31.05%\n")
    plan = _plan(text)
    assert (plan.workdays.total, plan.workdays.per_person, plan.officers.counted) == (2480, 248, 10)
    assert [(p.subject, str(p.value), p.base) for p in plan.workdays.percentages] == [
        ("other_enforcement", "30.65", "total"), ("non_enforcement", "38.31", "total"), ("supervision", "31.05", "total")]


def test_a_space_aligned_annex_table_lists_its_units():
    text = ("三、重点检查安排\n重点检查单位2家（见附表1）。\n附表1  重点检查单位名单\n序号  单位名称  行业  检查月份  执法人数\n"
            "1     梅岭金桥气体有限公司  危险化学品  9月  2人\n2     石塘隆昌液化气储配站  危险化学品  3月  3人\n")
    units = _plan(text).key_inspections.units
    assert [(u.name, u.visits[0].month, u.visits[0].officers) for u in units] == [
        ("梅岭金桥气体有限公司", 9, 2), ("石塘隆昌液化气储配站", 3, 3)]


# --- 7. plain statements and number forms -------------------------------------------------

def test_plain_statements_of_n_and_d():
    plan = _plan("纳入执法工作日计算的执法人员12人。2024年法定工作日251天。\n")
    assert (plan.officers.counted, plan.workdays.per_person) == (12, 251)


def test_officers_all_counted_and_days_per_person_without_their_names():
    plan = _plan("我局具有行政执法资格的在岗人员9名，全部纳入本计划。按每人全年248个工作日计算，总法定工作日为2232人·日。\n"
                 "机关值班每人全年20天，共180天。\n")
    assert (plan.officers.counted, plan.workdays.per_person, plan.workdays.total) == (9, 248, 2232)
    assert _plan("局机关干部职工15人全部参加学习。\n").officers.counted is None


def test_chinese_numerals_for_counts_and_shares():
    plan = _plan("纳入本计划计算的行政执法人员十一人。\n四、重点检查\n全年安排重点检查三十二家。\n"
                 "五、一般检查\n从抽查对象库六百四十家单位中按百分之十五的比例随机抽取九十六家。\n")
    assert (plan.officers.counted, plan.key_inspections.unit_count) == (11, 32)
    assert (plan.general_inspections.pool_size, plan.general_inspections.ratio, plan.general_inspections.unit_count) == (640, 15, 96)


def test_digit_groups_and_full_width_digits():
    for printed in ("3,500", "3 500", "3，500", "３５００", "３，５００"):
        assert _plan(f"总法定工作日：{printed}个工作日\n").workdays.total == 3500, printed


def test_a_comma_between_whole_numbers_is_no_digit_group():
    assert _plan("监督检查工作日：120，其中重点检查工作日：240日\n").workdays.supervision == 120


def test_workday_units():
    for unit in ("天", "日", "人日", "个工作日", "个", "工日", "个工日", " 工日"):
        assert _plan(f"监督检查工作日：700{unit}\n").workdays.supervision == 700, unit


def test_requirements_are_no_statements_of_n():
    plan = _plan("每次执法人员不少于两名。每次由6名执法人员开展检查。\n")
    assert plan.officers.counted is None


# --- 8. the wording of approval, basis and annexes -----------------------------------------

def test_approval_worded_by_the_government_in_any_of_its_forms():
    for sentence, body in (("业经省政府批准，现印发给你们。", "省政府"), ("已经县政府批复，现予以印发。", "县政府"),
                           ("报经市人民政府批准（荆政函〔2024〕12号）。", "市人民政府"),
                           ("本计划已经2024年3月5日县政府第12次常务会议审议通过。", "县政府"),
                           ("本计划经县人民政府2024年第3次常务会议研究同意。", "县人民政府"),
                           ("本计划经县政府常务会议通过。", "县政府"), ("本计划经县委、县政府同意。", "县政府")):
        assert _plan(sentence + "\n").approval.body == body, sentence
    for sentence in ("已经局党委会议研究通过，现印发给你们。", "本计划经县委常委会研究通过。", "本计划报县人民政府批准后实施。"):
        assert _plan(sentence + "\n").approval is None, sentence


def test_a_basis_introduced_by_anzhao():
    plan = _plan("按照《安全生产法》《重庆市安全生产年度监督检查计划编制实施细则》（渝安委〔2018〕3号）有关规定，制定本计划。\n")
    assert plan.basis[:2] == ["《安全生产法》", "《重庆市安全生产年度监督检查计划编制实施细则》（渝安委〔2018〕3号）"]


def test_the_documents_own_annex_label_is_no_reference():
    plan = _plan("附件1\n某县应急管理局2025年度\n安全生产监督检查计划\n为规范执法，制定本计划。\n")
    assert plan.annexes == []
    assert (plan.year, plan.title) == (2025, "某县应急管理局2025年度安全生产监督检查计划")


def test_an_annex_marked_omitted_is_not_provided():
    plan = _plan("名单见附表2。\n附表2：执法人员名单（略）\n")
    assert [(a.label, a.provided) for a in plan.annexes] == [("附表2", False)]


# --- 9. truncated texts -------------------------------------------------------------------

def test_a_fragment_says_it_is_one_instead_of_reporting_the_missing_parts(python_checker):
    text = ("某县应急管理局2022年度安全生产监督检查计划\n一、工作目标\n坚持人民至上、生命至上，以大排查大整治大执法为主线，"
            "切实增强监督检查的科学性、规\n")
    findings = _check(python_checker, text)
    codes = {f.code for f in findings}
    assert "DC005" in codes
    assert not codes & {"DC001", "KI002", "IN003", "AP001", "AP002"}, sorted(codes)
    [cut] = [f for f in findings if f.code == "DC005"]
    assert "科学性、规" in cut.message


def test_a_figure_at_the_point_where_a_fragment_stops_is_not_certain():
    extraction = extract_text("（三）其他执法工作日\n1.开展行政审批的许可、备案工作。每人约100天，总计40", "片段.txt")
    [item] = extraction.plan.workdays.other_enforcement.items
    assert item.days == 40
    assert [u.path for u in extraction.plan.document.uncertain] == ["workdays.other_enforcement.items[0].days"]


# --- further forms met on probing --------------------------------------------------------

def test_items_with_circled_numbers_and_leader_dots():
    items = _plan("三、其他执法工作日测算\n①开展安全生产综合监管……………………400天\n②实施行政许可……………80天\n"
                  ).workdays.other_enforcement.items
    assert [(i.label, i.days) for i in items] == [("开展安全生产综合监管", 400), ("实施行政许可", 80)]


def test_a_table_of_people_times_days_takes_the_total_column():
    text = ("四、非执法工作日测算\n序号\t工作内容\t人数\t人均天数\t合计工作日\n1\t机关值班\t15\t20\t300\n"
            "2\t学习、培训、考核、会议\t15\t24\t360\n合计\t\t\t\t660\n")
    category = _plan(text).workdays.non_enforcement
    assert ([i.days for i in category.items], category.stated_total) == ([300, 360], 660)


def test_a_total_of_the_legal_workdays_is_t_not_d(python_checker):
    text = "每名执法人员全年法定工作日为251天，18名执法人员全年法定工作日总计4518天。\n" + _CLOSING
    plan = _plan(text)
    assert (plan.workdays.per_person, plan.workdays.total, plan.officers.counted) == (251, 4518, 18)
    assert "WD017" not in {f.code for f in _check(python_checker, text)}


def test_key_and_general_days_written_without_the_word_workdays():
    plan = _plan("监督检查工作日为1018天，其中重点检查713天（约70%），一般检查305天（约30%）。\n")
    assert (plan.workdays.key, plan.workdays.general) == (713, 305)


def test_key_and_general_days_counted_in_bare_ge_with_their_shares_of_s():
    plan = _plan("（三）监督检查工作日。全年3750-1200-1050=1500个工作日，其中重点检查1050个，占70%；一般检查450个，占30%。\n"
                 "重点检查35个单位。\n")
    assert (plan.workdays.supervision, plan.workdays.key, plan.workdays.general) == (1500, 1050, 450)
    assert [(p.subject, p.value) for p in plan.workdays.percentages] == [("key", 70), ("general", 30)]


def test_items_listed_after_what_the_days_are_used_for():
    plan = _plan("（一）其他执法工作日。全年安排1200个工作日，主要用于：开展安全生产综合监管300个，"
                 "组织生产安全事故调查和处理250个，完成区政府安排的执法工作任务650个。\n")
    assert [(i.label, i.days) for i in plan.workdays.other_enforcement.items] == [
        ("开展安全生产综合监管", 300), ("组织生产安全事故调查和处理", 250), ("完成区政府安排的执法工作任务", 650)]


def test_approval_submitted_and_agreed_and_key_units_counted_before_their_noun():
    plan = _plan("本计划已报县人民政府审定同意（青政函〔2025〕9号）。\n一、重点检查：全年对28家重点企业开展检查。\n")
    assert (plan.approval.body, plan.approval.document_number) == ("县人民政府", "青政函〔2025〕9号")
    assert plan.key_inspections.unit_count == 28


def test_general_inspections_described_without_a_count_are_an_arrangement(python_checker):
    text = ("二、检查对象\n一般检查企业按照“双随机、一公开”要求，从执法检查对象名录库中随机抽取，抽取比例不低于10%。\n"
            + _CLOSING)
    assert "general_arrangements" in _plan(text).document.parts


def test_a_table_titled_above_with_units_columns_gives_each_items_shares(python_checker):
    text = ("其他执法工作日测算表\n序号\t事项\t局机关\t执法大队\t合计\n1\t开展安全生产综合监管\t100\t200\t300\n"
            "2\t实施行政许可\t40\t30\t60\n合计\t\t140\t220\t360\n")
    category = _plan(text).workdays.other_enforcement
    assert [(i.days, [(s.unit, s.days) for s in i.splits]) for i in category.items] == [
        (300, [("局机关", 100), ("执法大队", 200)]), (60, [("局机关", 40), ("执法大队", 30)])]
    assert (category.stated_total, [(s.unit, s.days) for s in category.splits]) == (360, [("局机关", 140), ("执法大队", 220)])
    [split] = [f for f in _check(python_checker, text + _CLOSING) if f.code == "WD014"]
    assert "实施行政许可" in split.message and split.line == 4


def test_a_table_that_names_key_and_general_inspections_in_short():
    text = "监督检查工作日\n检查类别\t工作日\t占比\n重点检查\t700\t70%\n一般检查\t300\t30%\n合计\t1000\t100%\n"
    plan = _plan(text)
    assert (plan.workdays.key, plan.workdays.general) == (700, 300)
    assert [(p.subject, str(p.value)) for p in plan.workdays.percentages] == [("key", "70"), ("general", "30")]


def test_days_per_person_is_a_unit_not_a_division():
    plan = _plan("（一）总法定工作日：8人×250天/人=2000天\n")
    assert (plan.officers.counted, plan.workdays.per_person, plan.workdays.total) == (8, 250, 2000)


def test_shares_in_words():
    plan = _plan("（二）其他执法工作日：600天，占总法定工作日的百分之三十。\n")
    assert [(p.subject, str(p.value), p.base) for p in plan.workdays.percentages] == [("other_enforcement", "30", "total")]


def test_a_decimal_outline_nests_its_items_under_their_category():
    text = ("2.3 其他执法工作日（500日）\n2.3.1 开展安全生产综合监管 300日\n2.3.2 实施行政许可 200日\n"
            "2.4 非执法工作日：400日\n")
    plan = _plan(text)
    assert [(i.label, i.days) for i in plan.workdays.other_enforcement.items] == [
        ("开展安全生产综合监管", 300), ("实施行政许可", 200)]
    assert (plan.workdays.other_enforcement.stated_total, plan.workdays.non_enforcement.stated_total) == (500, 400)


def test_a_section_number_set_off_by_a_space_is_a_heading_but_a_count_is_not():
    text = ("1 编制依据\n依据编制办法编制。\n2 执法力量\n纳入计划的执法人员共：\n10 人\n"
            "3 保障措施\n加强组织领导。\n")
    document = build_document(logical_lines(read_text(text)))
    assert [h.title for h in document.headings] == ["编制依据", "执法力量", "保障措施"]
    plan = _plan(text)
    assert [p for p in plan.document.parts if p in ("basis", "officers", "safeguards")] == ["officers", "basis", "safeguards"]
    assert plan.officers.counted == 10


def test_items_counted_yi_shi_er_shi_in_one_sentence():
    items = _plan("（二）非执法工作日（600日）\n一是机关值班200日；二是学习、培训、考核、会议250日；三是参加党群活动150日。\n"
                  ).workdays.non_enforcement.items
    assert [(i.label, i.days) for i in items] == [("机关值班", 200), ("学习、培训、考核、会议", 250), ("参加党群活动", 150)]


def test_person_days_and_a_bare_legal_workdays_label_over_people_times_days(python_checker):
    text = ("（一）法定工作日：12人×250日/人＝3000人·日。\n（二）其他执法工作日：900人·日。\n"
            "（三）监督检查工作日：900人天，其中重点检查工作日630人·日，一般检查工作日270人·日。\n")
    plan = _plan(text)
    assert (plan.officers.counted, plan.workdays.per_person, plan.workdays.total) == (12, 250, 3000)
    assert (plan.workdays.other_enforcement.stated_total, plan.workdays.supervision) == (900, 900)
    assert (plan.workdays.key, plan.workdays.general) == (630, 270)
    assert "WD001" not in {f.code for f in _check(python_checker, text) if f.severity >= Severity.warning}


def test_a_table_of_officers_by_unit_gives_the_groups_and_its_total_states_n():
    text = ("一、执法人员情况\n我局行政执法人员情况如下：\n科室\t人数\n安全生产基础股\t3\n执法大队\t7人\n合计\t10\n"
            "二、重点检查\n检查企业\t人数\n甲公司\t300\n")
    plan = _plan(text)
    assert plan.officers.counted == 10
    assert [(g.name, g.count) for g in plan.officers.groups] == [("安全生产基础股", 3), ("执法大队", 7)]


def test_a_table_of_enterprises_with_a_headcount_column_is_no_staff_table():
    plan = _plan("三、重点检查单位\n企业名称\t从业人数\n甲化工有限公司\t300\n合计\t300\n")
    assert (plan.officers.counted, plan.officers.groups) == (None, [])


def test_the_issuers_name_alone_above_the_years_title_is_part_of_the_title():
    plan = _plan("青石县应急管理局\n2024年度安全生产监督检查计划\n\n根据编制办法制定本计划。\n")
    assert plan.title == "青石县应急管理局2024年度安全生产监督检查计划"
    assert plan.issuer.name == "青石县应急管理局"


def test_sections_headed_by_markdown_hashes_without_numbers():
    text = ("## 执法工作日测算\n人均法定工作日250天，总法定工作日2000天。\n### 其他执法工作日\n共500天。\n"
            "### 监督检查工作日\n2000-500-700=800天，其中重点检查工作日560天，占70%。\n")
    plan = extract_text(text, "计划.md").plan
    assert (plan.workdays.other_enforcement.stated_total, plan.workdays.supervision) == (500, 800)
    assert [(p.subject, p.base) for p in plan.workdays.percentages] == [("key", None)]


def test_sections_headed_by_word_heading_styles_without_numbers(tmp_path, python_checker):
    import docx
    document = docx.Document()
    document.add_heading("执法工作日测算", 1)
    document.add_paragraph("人均法定工作日250天，总法定工作日2000天。")
    document.add_heading("其他执法工作日", 2)
    document.add_paragraph("共500天：")
    for item in ("开展安全生产综合监管300天", "实施行政许可200天"):
        document.add_paragraph(item, style="List Number")
    document.add_heading("监督检查工作日", 2)
    document.add_paragraph("2000-500-700=800天，其中重点检查工作日560天，占70%；一般检查工作日240天，占30%。")
    document.save(tmp_path / "计划.docx")
    plan = extract_document(tmp_path / "计划.docx").plan
    other = plan.workdays.other_enforcement
    assert (other.stated_total, [i.days for i in other.items], plan.workdays.supervision) == (500, [300, 200], 800)
    assert "WD010" not in {f.code for f in python_checker.check_path(tmp_path / "计划.docx").findings}


def test_items_after_the_headings_colon_separated_by_dun_after_their_days():
    category = _plan("（二）非执法工作日（1200天）：机关值班400天、节假日、双休日值班500天、参加党群活动300天等。\n"
                     ).workdays.non_enforcement
    assert category.stated_total == 1200
    assert [(i.label, i.days) for i in category.items] == [("机关值班", 400), ("节假日、双休日值班", 500), ("参加党群活动", 300)]


def test_an_items_days_in_parentheses_end_its_label():
    items = _plan("（一）其他执法工作日（500天）\n（1）开展安全生产综合监管（300天）；\n（2）实施行政许可（200天）。\n"
                  ).workdays.other_enforcement.items
    assert [(i.label, i.days) for i in items] == [("开展安全生产综合监管", 300), ("实施行政许可", 200)]


def test_a_share_printed_twice_in_one_row_is_one_share():
    text = ("序号\t项目\t计算方法\t天数\t占比\n1\t监督检查工作日\t2500-800-900\t800\t32%\n"
            "2\t重点检查工作日\t800×70%\t560\t70%\n")
    assert [(p.subject, str(p.value)) for p in _plan(text).workdays.percentages] == [("supervision", "32"), ("key", "70")]


def test_a_year_in_chinese_digits_is_the_plans_year(python_checker):
    text = "东川区应急管理局二〇二四年度安全生产监督检查计划\n人均法定工作日251天。\n" + _CLOSING
    plan = _plan(text)
    assert (plan.year, plan.title) == (2024, "东川区应急管理局二〇二四年度安全生产监督检查计划")
    assert {f.code for f in _check(python_checker, text) if f.severity >= Severity.warning} & {"MD001", "WD001"} == set()


def test_articles_of_a_plan_written_as_rules_and_items_after_the_totals_qizhong():
    text = ("第一章 执法工作日\n第四条 其他执法工作日800天，其中：开展安全生产综合监管500天，实施行政许可300天。\n"
            "第五条 非执法工作日900天，其中：局机关400天、执法大队500天。\n")
    plan = _plan(text)
    assert [(i.label, i.days) for i in plan.workdays.other_enforcement.items] == [("开展安全生产综合监管", 500), ("实施行政许可", 300)]
    category = plan.workdays.non_enforcement
    assert (category.stated_total, category.items, [(s.unit, s.days) for s in category.splits]) == (
        900, [], [("局机关", 400), ("执法大队", 500)])


def test_a_title_without_its_year_takes_the_year_the_text_plans_for_not_its_date():
    assert _plan("某县应急管理局安全生产监督检查计划\n一、2024年度纳入计划的执法人员10人。\n某县应急管理局\n2023年12月25日\n").year == 2024
    assert _plan("某县应急管理局安全生产监督检查计划\n纳入计划的执法人员10人。\n某县应急管理局\n2023年12月25日\n").year is None


def test_a_plan_set_out_as_a_form_of_names_and_sentences():
    text = ("项目\t内容\n行政执法人员数量\t10人（局机关4人、执法大队6人）\n总法定工作日\t250×10=2500天\n"
            "其他执法工作日\t800天\n重点检查工作日\t560天（占70%）\n重点检查单位\t30家\n一般检查单位\t从名录库随机抽取20家\n")
    plan = _plan(text)
    assert (plan.officers.counted, [g.count for g in plan.officers.groups]) == (10, [4, 6])
    assert (plan.workdays.per_person, plan.workdays.total, plan.workdays.other_enforcement.stated_total) == (250, 2500, 800)
    assert (plan.workdays.key, [(p.subject, str(p.value)) for p in plan.workdays.percentages]) == (560, [("key", "70")])
    assert (plan.key_inspections.unit_count, plan.general_inspections.unit_count) == (30, 20)
    assert plan.general_inspections.pool_size is None


def test_a_schedule_set_out_as_a_grid_of_months_or_quarters(python_checker):
    text = ("附表1 重点检查单位检查计划表\n序号\t单位名称\t1月\t2月\t3月\t4月\t5月\t6月\n1\t甲化工有限公司\t\t\t√\t\t\t●\n"
            "2\t乙矿业有限公司\t\t×\t\t\t\t\n")
    units = _plan(text).key_inspections.units
    assert [(u.name, [v.month for v in u.visits]) for u in units] == [("甲化工有限公司", [3, 6]), ("乙矿业有限公司", [])]
    quarters = _plan("附表1 重点检查单位名单\n序号\t单位名称\t第一季度\t第二季度\n1\t甲化工有限公司\t\t检查\n").key_inspections.units
    assert [len(u.visits) for u in quarters] == [1]


def test_a_schedule_that_is_not_understood_makes_no_visit_an_error(python_checker):
    text = ("三、重点检查：重点检查单位2家（见附表1）。\n附表1 重点检查单位名单\n序号\t单位名称\t检查时间\n"
            "1\t甲化工有限公司\t视情安排\n2\t乙矿业有限公司\t汛期前后\n")
    findings = [(f.code, f.severity.name, f.line) for f in _check(python_checker, text) if f.code == "KI004"]
    assert findings == [("KI004", "error", 4), ("KI004", "warning", 5)]


def test_a_measurement_table_with_a_column_per_unit_gives_n_and_its_groups(python_checker):
    table = ("项目\t局机关\t执法大队\t合计\n执法人员（人）\t4\t6\t{total}\n"
             "总法定工作日（天）\t992\t1488\t2480\n")
    plan = _plan(table.format(total=10))
    assert plan.officers.counted == 10
    assert [(g.name, g.count) for g in plan.officers.groups] == [("局机关", 4), ("执法大队", 6)]
    [finding] = [f for f in _check(python_checker, table.format(total=11)) if f.code == "ST001"]
    assert (finding.severity, finding.line, "局机关 4 + 执法大队 6" in finding.message) == (Severity.error, 2, True)


def test_a_header_over_two_rows_takes_the_units_and_the_total_column_from_the_lower_row():
    plan = _plan("一、工作日测算\n类别\t工作日（天）\t\t\n\t局机关\t执法支队\t合计\n总法定工作日\t1984\t2976\t4960\n"
                 "其他执法工作日\t800\t900\t1700\n其中：重点检查\t340\t892\t1232\n重点检查占比\t\t\t70%\n")
    assert (plan.workdays.total, plan.workdays.other_enforcement.stated_total, plan.workdays.key) == (4960, 1700, 1232)
    assert [(p.subject, p.value) for p in plan.workdays.percentages] == [("key", 70)]


def test_a_word_table_whose_header_is_merged_over_two_rows(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("一、工作日测算")
    rows = [("类别", "工作日（天）", "", ""), ("", "局机关", "执法支队", "合计"), ("总法定工作日", "1984", "2976", "4960"),
            ("其他执法工作日", "800", "900", "1700"), ("一般检查", "144", "384", "528"), ("一般检查占比", "", "", "30%")]
    table = document.add_table(rows=len(rows), cols=4)
    for cells, row in zip(table.rows, rows):
        for cell, text in zip(cells.cells, row):
            cell.text = text
    table.cell(0, 1).merge(table.cell(0, 3)).text = "工作日（天）"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "类别"
    document.save(tmp_path / "plan.docx")
    plan = extract_document(tmp_path / "plan.docx").plan
    assert (plan.workdays.total, plan.workdays.other_enforcement.stated_total, plan.workdays.general) == (4960, 1700, 528)
    assert [(p.subject, p.value) for p in plan.workdays.percentages] == [("general", 30)]


def test_key_units_counted_only_by_their_industries(python_checker):
    line = "三、重点检查\n重点检查单位：危险化学品企业6家、非煤矿山4家、工贸企业8家{total}，全年每家至少检查1次。\n"
    plan = _plan(line.format(total=""))
    assert (plan.key_inspections.unit_count, [(i.industry, i.count) for i in plan.key_inspections.by_industry]) == (
        18, [("危险化学品", 6), ("非煤矿山", 4), ("工贸", 8)])
    assert _plan(line.format(total="，共18家")).key_inspections.unit_count == 18
    [finding] = [f for f in _check(python_checker, line.format(total="，共19家")) if f.code == "KI001"]
    assert (finding.severity, finding.line, "为 18 户" in finding.message) == (Severity.error, 2, True)


def test_a_result_whose_unit_stands_in_parentheses_is_quoted_whole():
    plan = _plan("（二）总法定工作日=人均法定工作日×执法人员数量，即251×8=2008（天）。\n")
    assert ([f.text for f in plan.document.formulas], plan.workdays.total) == (
        ["总法定工作日=人均法定工作日×执法人员数量，即251×8=2008（天）"], 2008)

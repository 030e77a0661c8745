"""Matching item labels to the 17 standard items, by meaning, through the known traps."""
import pytest

from plan_rules.method.standard_items import NON_ITEMS, OTHER_ITEMS, classify


@pytest.mark.parametrize("number,title", list(enumerate(OTHER_ITEMS, start=1)))
def test_each_other_enforcement_title_matches_itself(number, title):
    assert classify(title).code == f"O{number}"


@pytest.mark.parametrize("number,title", list(enumerate(NON_ITEMS, start=1)))
def test_each_non_enforcement_title_matches_itself(number, title):
    assert classify(title).code == f"X{number}"


@pytest.mark.parametrize("label,code", [
    # outward publicity and training (O8) is not the staff's own training (X2)
    ("开展安全生产宣传教育培训", "O8"),
    ("学习、培训、考核、会议", "X2"),
    ("干部职工学习培训", "X2"),
    # joint enforcement (O5) is not guiding lower-level work (X3)
    ("参与有关部门联合执法", "O5"),
    ("检查指导街道、开发区部门工作", "X3"),
    # enforcement tasks from above (O10) are not other non-enforcement tasks from above (X7)
    ("完成本级人民政府或者上级安全监管部门安排的执法工作任务", "O10"),
    ("完成上级部门等安排的其他非执法工作任务及督办", "X7"),
    # local variations and the seed's wrapped line
    ("完成本级人民政府或者上级安全监管部门安排的执\n法工作任务", "O10"),
    ("法定年休假、探亲假、婚(丧)假", "X6"),
    ("上班期间专人值班", "X1"),
    ("窗口办理行政许可", "O2"),
])
def test_variants_and_traps(label, code):
    assert classify(label).code == code


@pytest.mark.parametrize("label", ["扶贫驻村", "疫情防控", "其他"])
def test_local_work_matches_no_standard_item(label):
    assert classify(label) is None

"""What each placeholder of the rules' message templates stands for, in Chinese, so that a
rule page (`plan-rules explain`, docs/rules/) shows “〈事项名称〉列在〈所列类别〉第 〈序号〉 项”
instead of the template's “{item.label}”. A test requires a term for every placeholder."""
from __future__ import annotations

import re

TERMS = {
    "annex.label": "附表名称",
    "count.value": "另一处所写户数",
    "figure.name_zh": "工作日项目",
    "figure.value_text": "所写天数",
    "formula.computed": "按所列各数算得的结果",
    "formula.result": "文中所写结果",
    "formula.text": "算式",
    "item.category_zh": "所列类别",
    "item.days": "事项天数",
    "item.duplicate_text": "与先列出的同一事项的关系",
    "item.label": "事项名称",
    "item.position": "序号",
    "item.splits_sum": "分解合计",
    "item.splits_text": "按单位分解的各数",
    "item.standard_category_zh": "应属类别",
    "item.standard_describe": "编制办法所列的对应事项",
    "operand.figure_value": "文中别处所写的数",
    "operand.figure_zh": "算式中的项目",
    "operand.formula": "算式",
    "operand.value": "算式中所写的数",
    "part.name_zh": "组成部分",
    "pct.base_zh": "基数",
    "pct.expected": "应为的百分数",
    "pct.off_units": "末位相差的单位数",
    "pct.printed": "所写百分数",
    "pct.subject_zh": "工作日项目",
    "plan.annual_leave_days": "年休假等假期天数",
    "plan.annual_leave_min": "法定最低天数",
    "plan.approval_date": "批准日期",
    "plan.certified": "具有执法资格人数",
    "plan.counted": "执法人员数 N",
    "plan.general_count": "一般检查单位数",
    "plan.general_effort": "一般检查名单所需工作日",
    "plan.general_expected_from_ratio": "按比例应抽查的户数",
    "plan.general_list_rows": "一般检查名单行数",
    "plan.general_pool": "抽查对象库户数",
    "plan.general_ratio": "抽查比例",
    "plan.general": "一般检查工作日 G",
    "plan.group_sum": "各类人员之和",
    "plan.groups_text": "各类人员数",
    "plan.issuer_name": "编制机关",
    "plan.key_count": "重点检查单位数",
    "plan.key_effort": "重点检查名单所需工作日",
    "plan.key_general_sum": "各项之和",
    "plan.key_general_text": "重点、一般（、机动）检查工作日",
    "plan.key_industry_sum": "各行业之和",
    "plan.key_industry_text": "各行业户数",
    "plan.key_list_rows": "重点检查名单行数",
    "plan.key": "重点检查工作日 K",
    "plan.n_times_d": "N × d 之积",
    "plan.non_days": "非执法工作日 X",
    "plan.non_items_sum": "各分项之和",
    "plan.non_total": "所写合计",
    "plan.other_days": "其他执法工作日 O",
    "plan.other_items_sum": "各分项之和",
    "plan.other_total": "所写合计",
    "plan.per_person_account": "各口径的天数",
    "plan.per_person_expected_text": "应为的天数",
    "plan.per_person_policy_zh": "口径",
    "plan.per_person": "人均法定工作日 d",
    "plan.registered": "在编人数",
    "plan.roster_count": "名单人数",
    "plan.staff_share_floor": "下限百分比",
    "plan.supervision_expected": "T − O − X 之差",
    "plan.supervision_share_floor": "下限百分比",
    "plan.supervision": "监督检查工作日 S",
    "plan.total_splits_sum": "分列合计",
    "plan.total_splits_text": "按单位分列的各数",
    "plan.total": "总法定工作日 T",
    "plan.year_max": "最晚年度",
    "plan.year_min": "最早年度",
    "plan.year": "计划年度",
    "unit.duplicate_of_row": "先出现的行号",
    "unit.name": "单位名称",
    "unit.row": "行号",
    "visit.officers": "执法人员数",
    "visit.unit_name": "单位名称",
    "visit.when_zh": "检查时间",
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_0-9]+)\}")


def placeholders(template: str) -> list[str]:
    return _PLACEHOLDER.findall(template)


def in_words(template: str) -> str:
    """The template with each placeholder named: “{item.label}” → “〈事项名称〉”."""
    return _PLACEHOLDER.sub(lambda match: f"〈{TERMS[match.group(1)]}〉", template)

"""Structured plans: every field keeps its line; bad files become IN001/IN002, never a
traceback."""
from pathlib import Path

import pytest

from plan_rules.load import load_structured


def findings_of(text: str, name: str = "plan.yaml"):
    loaded = load_structured(text.encode("utf-8"), name)
    return loaded, [(f.code, f.line, f.field) for f in loaded.findings]


def test_field_lines_are_recorded():
    loaded, findings = findings_of("year: 2023\nworkdays:\n  total: 2988\n  other_enforcement:\n    items:\n      - {label: 机关值班, days: 432}\n")
    assert findings == []
    assert loaded.sourcemap.locate("workdays.total").line == 3
    assert loaded.sourcemap.locate("workdays.other_enforcement.items[0].days").line == 6


def test_unknown_key_is_reported_with_its_path_and_line():
    _, findings = findings_of("year: 2023\nworkdays:\n  totl: 2988\n")
    assert findings == [("IN002", 3, "workdays.totl")]


def test_negative_officer_count_is_a_schema_error():
    loaded, findings = findings_of("officers:\n  counted: -3\n")
    assert findings == [("IN002", 2, "officers.counted")]
    assert "不能为负数" in loaded.findings[0].message


def test_wrong_type_names_what_was_given():
    loaded, findings = findings_of("year: 二〇二三\n")
    assert findings == [("IN002", 1, "year")]
    assert "应为整数" in loaded.findings[0].message and "二〇二三" in loaded.findings[0].message


def test_missing_required_field_points_at_its_parent():
    _, findings = findings_of("year: 2023\nissuer:\n  level: county\n")
    assert findings == [("IN002", 2, "issuer.name")]


@pytest.mark.parametrize("text,line", [
    ("year: 2023\nworkdays: [\n", 3),
    ("year: 2023\n  bad indent: 1\n", 2),
])
def test_yaml_syntax_error_is_in001_with_its_line(text, line):
    loaded, findings = findings_of(text)
    assert [(c, l) for c, l, _ in findings] == [("IN001", line)]
    assert loaded.findings[0].message.startswith("YAML 语法错误")


def test_json_syntax_error_is_in001_with_line_and_column():
    loaded, findings = findings_of('{"year": 2023,\n "issuer": }', "plan.json")
    assert findings == [("IN001", 2, "")]
    assert loaded.findings[0].column == 12


def test_json_fields_have_lines_too():
    loaded, findings = findings_of('{\n  "year": 2023,\n  "workdays": {"totl": 1}\n}', "plan.json")
    assert findings == [("IN002", 3, "workdays.totl")]


@pytest.mark.parametrize("data,message", [
    (b"", "文件为空"),
    (b"  \n\n", "文件为空"),
    (b"\xff\xfe\x00y", "NUL"),
    ("year: 2023\n".encode("gb18030") + "名称: 应急管理局".encode("gb18030"), "不是 UTF-8"),
])
def test_unreadable_bytes_are_in001(data, message):
    loaded = load_structured(data, "plan.yaml")
    assert [f.code for f in loaded.findings] == ["IN001"] and message in loaded.findings[0].message


def test_top_level_list_is_not_a_plan():
    _, findings = findings_of("- 1\n- 2\n")
    assert findings == [("IN001", 1, "")]


def test_duplicate_keys_are_refused_rather_than_silently_overwritten():
    loaded, findings = findings_of("year: 2023\nyear: 2024\n")
    assert findings == [("IN002", 2, "year")] and "重复" in loaded.findings[0].message


def test_aliases_are_refused_so_billion_laughs_cannot_expand():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
    loaded, findings = findings_of(bomb)
    assert [c for c, _, _ in findings] == ["IN001"] and "别名" in loaded.findings[0].message


def test_deep_nesting_is_refused():
    _, findings = findings_of("a: " + "[" * 100 + "]" * 100 + "\n")
    assert [c for c, _, _ in findings] == ["IN001"]


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_nan_and_infinity_are_schema_errors(value):
    _, findings = findings_of(f"workdays:\n  total: {value}\n")
    assert findings == [("IN002", 2, "workdays.total")]


def test_huge_numbers_are_schema_errors_not_engine_overflows():
    _, findings = findings_of("workdays:\n  total: 100000000000000000000000\n")
    assert findings == [("IN002", 2, "workdays.total")]


def test_custom_tags_are_refused():
    loaded, findings = findings_of("year: !!python/object:os.system 2023\n")
    assert [c for c, _, _ in findings] == ["IN001"]


@pytest.mark.parametrize("indent", [2, None])
def test_json_positions_agree_with_the_yaml_composer(indent):
    """JSON fields are located by a token scan after json has parsed the text; it must give
    the lines and columns the YAML composer gives for the same text."""
    import json
    from pathlib import Path

    import yaml

    from plan_rules.json_positions import json_positions
    from plan_rules.load import parse_yaml

    plan = yaml.safe_load((Path(__file__).parent.parent / "fixtures" / "plans" / "clean-2021.yaml").read_text(encoding="utf-8"))
    plan["title"] = 'a "quoted" {brace}, [bracket]: colon \\ backslash'
    plan["basis"] = [[], {}, [[1, {"a": []}]]]
    text = json.dumps(plan, ensure_ascii=False, indent=indent, default=str)
    assert json_positions(text).entries == parse_yaml(text)[1].entries


# Each plain scalar and the tag the plan schema gives it (plan_rules/yaml_schema.py): YAML 1.2's
# core schema with numbers in decimal only, so that YAML 1.1's yes, on, 4:10 or 017 are not
# read as numbers (issue 11).
SCALARS = {"": "null", "~": "null", "null": "null", "NULL": "null", "yes": "str", "No": "str", "on": "str",
           "OFF": "str", "y": "str", "true": "bool", "False": "bool", "TRUE": "bool", "0": "int", "-12": "int",
           "+3": "int", "017": "int", "0o17": "str", "0x1F": "str", "1_000": "str", "0b101": "str", "1:30": "str",
           "3.5": "float", ".5": "float", "1.": "float", "-.inf": "float", ".NaN": "float", "1e3": "float",
           "6.8523015e+5": "float", "2023-01-01": "str", "2023-01-01 10:00:00": "str", "<<": "str", "=": "str",
           "249日": "str", "中文": "str", "'quoted'": "str", '"12"': "str", "!!str 12": "str"}


@pytest.mark.parametrize("scalar", SCALARS)
def test_plain_scalars_take_the_plan_schema_tags(scalar):
    from plan_rules.yaml_schema import plan_loader

    loader = plan_loader()(f"key: {scalar}\nlist: [{scalar}]\n")
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    (_, value), (_, items) = node.value
    listed = items.value or [value]       # `[]`: nothing in the list
    assert value.tag == listed[0].tag == f"tag:yaml.org,2002:{SCALARS[scalar]}"


def test_an_impossible_date_is_in002_at_its_line():
    text = (Path(__file__).parent.parent / "fixtures" / "plans" / "clean-2021.yaml").read_text(encoding="utf-8")
    loaded = load_structured(text.replace("date: 2021-02-20", "date: 2021-02-30").encode("utf-8"), "plan.yaml")
    assert [(f.code, f.line, f.column, f.message) for f in loaded.findings] == [
        ("IN002", 97, 3, "字段 approval.date：日期不存在：2021-02-30（2021 年 2 月只有 28 天）")]


def test_a_control_character_is_named_at_its_line_and_column():
    loaded = load_structured("year: 2021\ntitle: 计划\x07\n".encode("utf-8"), "plan.yaml")
    assert [(f.code, f.line, f.column, f.message) for f in loaded.findings] == [
        ("IN001", 2, 10, "YAML 语法错误：含不可见的控制字符（U+0007）")]

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
    assert findings == [("IN001", 2, "")] and "重复" in loaded.findings[0].message


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


SCALARS = ["", "~", "null", "NULL", "yes", "No", "on", "OFF", "true", "False", "0", "-12", "+3", "0o17", "0x1F",
           "1_000", "0b101", "1:30", "3.5", ".5", "-.inf", ".NaN", "1e3", "6.8523015e+5", "2023-01-01",
           "2023-01-01 10:00:00", "2001-12-14t21:59:43.10-05:00", "<<", "=", "249日", "中文", "-", "'quoted'",
           '"12"', "!!str 12", "[1, 2]", "{a: 1}", "- x"]


@pytest.mark.parametrize("scalar", SCALARS)
def test_lean_resolver_gives_pyyaml_tags(scalar):
    """load.plan_loader() resolves tags without PyYAML's path machinery; same tags, always."""
    import yaml

    from plan_rules.load import plan_loader

    def tags(loader_class):
        loader = loader_class(f"key: {scalar}\nlist: [{scalar}]\n")
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()

        def walk(n):
            if isinstance(n, yaml.ScalarNode):
                return (n.tag, n.value)
            if isinstance(n, yaml.SequenceNode):
                return (n.tag, [walk(x) for x in n.value])
            return (n.tag, [(walk(k), walk(v)) for k, v in n.value])
        return walk(node)

    try:
        expected = tags(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        with pytest.raises(yaml.YAMLError):
            tags(plan_loader())
        return
    assert tags(plan_loader()) == expected


def test_an_impossible_date_is_in002_at_its_line():
    text = (Path(__file__).parent.parent / "fixtures" / "plans" / "clean-2021.yaml").read_text(encoding="utf-8")
    loaded = load_structured(text.replace("date: 2021-02-20", "date: 2021-02-30").encode("utf-8"), "plan.yaml")
    assert [(f.code, f.line, f.column, f.message) for f in loaded.findings] == [
        ("IN002", 97, 3, "字段 approval.date：日期不存在：2021-02-30（2021 年 2 月只有 28 天）")]


def test_a_control_character_is_named_at_its_line_and_column():
    loaded = load_structured("year: 2021\ntitle: 计划\x07\n".encode("utf-8"), "plan.yaml")
    assert [(f.code, f.line, f.column, f.message) for f in loaded.findings] == [
        ("IN001", 2, 10, "YAML 语法错误：含不可见的控制字符（U+0007）")]

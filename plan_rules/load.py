"""Structured plans (.yaml, .yml, .json) → Plan + SourceMap, or input findings.

The line of every field is kept by walking the YAML node tree (JSON is read by the JSON
parser for its exact syntax errors, and its lines by the YAML composer, JSON being YAML's
subset). Unreadable files become IN001, schema violations IN002 naming the field path and
line; never a traceback.
"""
from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from pydantic import ValidationError

from .findings import Finding, Severity
from .model import Plan
from .json_positions import json_positions
from .sourcemap import SourceMap, join_path

STRUCTURED_SUFFIXES = (".yaml", ".yml", ".json")
MAX_BYTES = 5 * 1024 * 1024    # a plan is a few KB; anything this large is not one
MAX_DEPTH = 40                 # the model nests six levels; deeper input is not a plan
# Notepad's "Unicode" and its kin: named, rather than reported as binary for their NUL bytes.
_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass
class Loaded:
    plan: Optional[Plan]
    sourcemap: SourceMap = field(default_factory=SourceMap)
    findings: list[Finding] = field(default_factory=list)


class InputError(ValueError):
    def __init__(self, message: str, line: Optional[int] = None, column: Optional[int] = None):
        super().__init__(message)
        self.line, self.column = line, column


def unreadable(name: str, message: str, line: Optional[int] = None, column: Optional[int] = None) -> Finding:
    return Finding(code="IN001", severity=Severity.error, message=message, file=name, line=line, column=column)


def load_structured(data: bytes, name: str) -> Loaded:
    try:
        text = decode(data)
        raw, sourcemap = parse(text, name)
    except InputError as error:
        return Loaded(None, findings=[unreadable(name, str(error), error.line, error.column)])
    if not isinstance(raw, dict):
        root = sourcemap.locate("")
        return Loaded(None, sourcemap, [unreadable(name, "文件内容不是一个计划（顶层应为键值映射）", root.line, root.column)])
    try:
        return Loaded(Plan.model_validate(raw), sourcemap)
    except ValidationError as error:
        return Loaded(None, sourcemap, schema_findings(error, sourcemap, name))


def decode(data: bytes) -> str:
    if not data.strip():
        raise InputError("文件为空")
    if len(data) > MAX_BYTES:
        raise InputError(f"文件过大（{len(data)} 字节，上限 {MAX_BYTES} 字节），不像是一份计划")
    if b"\x00" in data:
        if data.startswith(_UTF16_32_BOMS):
            raise InputError("文件含 NUL 字节：以 UTF-16 或 UTF-32 字节序标记开头，结构化计划须用 UTF-8 保存")
        raise InputError("文件含二进制内容（NUL 字节），不是文本格式的计划")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"文件不是 UTF-8 编码（第 {error.start} 字节无法解码）；结构化计划须用 UTF-8 保存")


def parse(text: str, name: str) -> tuple[Any, SourceMap]:
    if name.lower().endswith(".json"):
        try:
            raw = json.loads(text, parse_constant=reject_constant)
        except json.JSONDecodeError as error:
            raise InputError(f"JSON 语法错误：{error.msg}", error.lineno, error.colno)
        except RecursionError:
            raise InputError(f"JSON 嵌套过深（超过 {MAX_DEPTH} 层），不是计划")
        except ValueError as error:     # Python refuses ints of more than 4,300 digits
            raise InputError(number_problem_zh(error))
        return raw, SourceMap(deferred=lambda: json_positions(text))
    return parse_yaml(text)


def reject_constant(name: str):
    raise InputError(f"JSON 中不允许 {name}")


@lru_cache(maxsize=1)
def plan_loader() -> type:
    """libyaml's safe loader with a lean tag resolver.

    libyaml composes in C but calls back into Python to resolve the tag of every node, and
    PyYAML's resolver also walks path resolvers that a safe load never has. This one gives
    the same tags (a test compares them) in half the composing time: implicit resolvers
    looked up by first character, wildcards merged in once, no path tracking."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    wildcard = base.yaml_implicit_resolvers.get(None, [])
    table = {first: resolvers + wildcard for first, resolvers in base.yaml_implicit_resolvers.items() if first is not None}

    class PlanLoader(base):
        def descend_resolver(self, parent, index):
            pass

        def ascend_resolver(self):
            pass

        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode:
                if implicit[0]:
                    for tag, pattern in table.get(value[:1], wildcard):
                        if pattern.match(value):
                            return tag
                return self.DEFAULT_SCALAR_TAG
            return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG

    return PlanLoader


def parse_yaml(text: str) -> tuple[Any, SourceMap]:
    import yaml

    loader = plan_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError("文件为空")
        sourcemap = SourceMap()
        sourcemap.record("", position(node))
        return build(node, "", sourcemap, 0, set(), loader), sourcemap
    except InputError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError(f"YAML 语法错误：{yaml_problem_zh(error.problem or error.context or '')}",
                         mark.line + 1 if mark else None, mark.column + 1 if mark else None)
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        raise InputError(f"YAML 内容无法解读：{number_problem_zh(error)}")
    finally:
        loader.dispose()


# libyaml's most common complaints, in the words a drafter would use.
_YAML_PROBLEMS_ZH = [
    ("did not find expected node content", "此处缺少内容（括号或引号未闭合？）"),
    ("mapping values are not allowed here", "此处不能出现“键: 值”（多为缩进错误或值中含未加引号的冒号）"),
    ("could not find expected ':'", "缺少冒号"),
    ("did not find expected key", "缩进不一致"),
    ("did not find expected '-' indicator", "列表缩进不一致"),
    ("found character '\\t' that cannot start any token", "含制表符（YAML 须用空格缩进）"),
    ("found undefined alias", "引用了未定义的锚点"),
    ("found unexpected end of stream", "文件意外结束（引号或括号未闭合？）"),
    ("expected ',' or ']'", "缺少逗号或右方括号"),
    ("expected ',' or '}'", "缺少逗号或右花括号"),
    ("exceeded maximum nesting depth", "嵌套过深（超过 libyaml 的 1000 层上限），不是计划"),
    ("but found another document", "文件含多个 YAML 文档（多个“---”），计划只能有一个"),
]


def number_problem_zh(error: Exception) -> str:
    """Python's refusal of a 4,300-digit int (a guard against quadratic conversion), in Chinese."""
    if "Exceeds the limit" in str(error):
        return "数字位数过多（超过 4300 位），不是计划中的数字"
    return str(error)


def yaml_problem_zh(problem: str) -> str:
    for english, chinese in _YAML_PROBLEMS_ZH:
        if problem.startswith(english):
            return f"{chinese}（{problem}）"
    return problem


_SCALARS = {
    "tag:yaml.org,2002:str": None, "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float", "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:null": "construct_yaml_null", "tag:yaml.org,2002:timestamp": "construct_yaml_timestamp",
}


_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = {"mapping": "tag:yaml.org,2002:map", "sequence": "tag:yaml.org,2002:seq"}


def build(node, path: str, sourcemap: SourceMap, depth: int, seen: set[int], constructor) -> Any:
    """Plain data from the YAML node tree in one pass, recording each field's line, and
    refusing what a plan never needs: aliases (how billion-laughs documents explode),
    duplicate keys (the second would silently win), deep nesting and non-standard tags —
    on lists and mappings too: `!!python/object/apply:os.system [...]` is a list."""
    if id(node) in seen:
        raise InputError("计划中不允许使用 YAML 别名（锚点 & 与引用 *）", *position(node))
    seen.add(id(node))
    kind, tag = node.id, node.tag
    if kind == "scalar":
        if tag == _STR:
            return node.value
        if tag not in _SCALARS:
            raise InputError(f"不支持的 YAML 标签 {tag}", *position(node))
        return getattr(constructor, _SCALARS[tag])(node)
    if depth > MAX_DEPTH:
        raise InputError(f"YAML 嵌套过深（超过 {MAX_DEPTH} 层），不是计划", *position(node))
    if tag != _COLLECTION_TAGS[kind]:
        raise InputError(f"不支持的 YAML 标签 {tag}", *position(node))
    if kind == "sequence":
        items = []
        for index, item in enumerate(node.value):
            child = f"{path}[{index}]"
            sourcemap.record(child, position(item))
            items.append(build(item, child, sourcemap, depth + 1, seen, constructor))
        return items
    result = {}
    for key_node, value_node in node.value:
        if key_node.id != "scalar" or key_node.tag != _STR:
            raise InputError("键须为普通文字", *position(key_node))
        key = key_node.value
        if key in result:
            raise InputError(f"键“{key}”重复出现", *position(key_node))
        child = f"{path}.{key}" if path else key
        sourcemap.record(child, position(key_node))   # a field is where its key is
        result[key] = build(value_node, child, sourcemap, depth + 1, seen, constructor)
    return result


def position(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def schema_findings(error: ValidationError, sourcemap: SourceMap, name: str) -> list[Finding]:
    findings = []
    for issue in error.errors(include_url=False):
        path = join_path(issue["loc"])
        location = sourcemap.locate(path)
        findings.append(Finding(code="IN002", severity=Severity.error, file=name, field=path,
                                line=location.line, column=location.column,
                                message=f"字段 {path or '（顶层）'}：{schema_message(issue)}"))
    return findings


_SCHEMA_MESSAGES = {
    "extra_forbidden": "未知字段（可能是拼写错误），计划格式中没有这个字段",
    "missing": "缺少必填字段",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数（不能有小数）",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "finite_number": "应为有限的数字（不能是 NaN 或无穷大）",
    "string_type": "应为文字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "model_type": "应为键值映射",
    "dict_type": "应为键值映射",
    "date_type": "应为日期（如 2023-03-15）",
    "date_parsing": "应为日期（如 2023-03-15）",
    "date_from_datetime_parsing": "应为日期（如 2023-03-15）",
    "literal_error": "取值不在允许范围内",
    "greater_than_equal": "不能为负数",
    "less_than_equal": "数值过大",
}


def schema_message(issue: dict) -> str:
    text = _SCHEMA_MESSAGES.get(issue["type"], issue["msg"])
    if issue["type"] == "literal_error":
        text += f"（允许：{issue.get('ctx', {}).get('expected', '')}）"
    if issue["type"] == "less_than_equal":
        text += f"（上限 {issue.get('ctx', {}).get('le')}）"
    if issue["type"] == "greater_than_equal" and issue.get("ctx", {}).get("ge") not in (0, None):
        text = f"不能小于 {issue['ctx']['ge']}"
    if "input" in issue and not isinstance(issue["input"], (dict, list)):
        text += f"；实际为 {str(issue['input'])[:40]!r}"
    return text

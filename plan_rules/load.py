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
from .schema_messages import schema_findings
from .sourcemap import SourceMap

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
            from .parse_errors import json_problem_zh
            raise InputError(f"JSON 语法错误：{json_problem_zh(error.msg)}", error.lineno, error.colno)
        except RecursionError:
            raise InputError(f"JSON 嵌套过深（超过 {MAX_DEPTH} 层），不是计划")
        except InputError:
            raise
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
        from .parse_errors import yaml_problem_zh
        mark = error.problem_mark or error.context_mark
        raise InputError(f"YAML 语法错误：{yaml_problem_zh(error.problem or error.context or '')}",
                         mark.line + 1 if mark else None, mark.column + 1 if mark else None)
    except yaml.reader.ReaderError as error:      # a control character, at a byte offset for libyaml
        at = len(text.encode("utf-8")[:error.position].decode("utf-8", "ignore")) \
            if hasattr(yaml, "CSafeLoader") else error.position
        line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        raise InputError(f"YAML 语法错误：含不可见的控制字符（U+{error.character:04X}）", line, column)
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        raise InputError(f"YAML 内容无法解读：{number_problem_zh(error)}")
    finally:
        loader.dispose()


def number_problem_zh(error: Exception) -> str:
    """Python's refusal of a 4,300-digit int (a guard against quadratic conversion), in Chinese."""
    if "Exceeds the limit" in str(error):
        return "数字位数过多（超过 4300 位），不是计划中的数字"
    return "其中的值无法解读"


_SCALARS = {
    "tag:yaml.org,2002:str": None, "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float", "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:null": "construct_yaml_null", "tag:yaml.org,2002:timestamp": "construct_yaml_timestamp",
}


_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
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
        return scalar(constructor, tag, node)
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


def scalar(constructor, tag: str, node) -> Any:
    try:
        return getattr(constructor, _SCALARS[tag])(node)
    except ValueError:
        if tag == _TIMESTAMP:
            return node.value     # "2023-02-30": the schema then names the impossible date at its line (IN002)
        raise


def position(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1



"""Structured plans (.yaml, .yml, .json) → Plan + SourceMap, or input findings.

The line of every field is kept by walking the YAML node tree (JSON is read by the JSON
parser for its exact syntax errors, and its lines by the YAML composer, JSON being YAML's
subset). Unreadable files become IN001, schema violations IN002 naming the field path and
line; never a traceback.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Any, Optional

from pydantic import ValidationError

from .findings import Finding, Severity
from .model import Plan
from .input_errors import DuplicateKey, InputError, number_problem_zh
from .json_plan import parse_json
from .json_positions import json_positions
from .schema_messages import schema_findings
from .sourcemap import SourceMap
from .yaml_schema import CONSTRUCTORS, STR, plan_loader

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


def unreadable(name: str, message: str, line: Optional[int] = None, column: Optional[int] = None) -> Finding:
    return Finding(code="IN001", severity=Severity.error, message=message, file=name, line=line, column=column)


def load_structured(data: bytes, name: str) -> Loaded:
    try:
        text = decode(data)
        raw, sourcemap = parse(text, name)
    except DuplicateKey as error:
        return Loaded(None, findings=[Finding(code="IN002", severity=Severity.error, file=name, field=error.path,
                                              line=error.line, column=error.column, message=str(error))])
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
            raw = parse_json(text)
        except RecursionError:
            raise InputError(f"JSON 嵌套过深（超过 {MAX_DEPTH} 层），不是计划")
        return raw, SourceMap(deferred=lambda: json_positions(text))
    return parse_yaml(text)


def parse_yaml(text: str) -> tuple[Any, SourceMap]:
    import yaml

    loader = plan_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError("文件为空")
        sourcemap = SourceMap()
        sourcemap.record("", position(node))
        return build(node, "", sourcemap, 0, set()), sourcemap
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


_COLLECTION_TAGS = {"mapping": "tag:yaml.org,2002:map", "sequence": "tag:yaml.org,2002:seq"}


def build(node, path: str, sourcemap: SourceMap, depth: int, seen: set[int]) -> Any:
    """Plain data from the YAML node tree in one pass, recording each field's line, and
    refusing what a plan never needs: aliases (how billion-laughs documents explode),
    duplicate keys (the second would silently win), deep nesting and non-standard tags —
    on lists and mappings too: `!!python/object/apply:os.system [...]` is a list."""
    if id(node) in seen:
        raise InputError("计划中不允许使用 YAML 别名（锚点 & 与引用 *）", *position(node))
    seen.add(id(node))
    kind, tag = node.id, node.tag
    if kind == "scalar":
        if tag == STR:
            return node.value
        if tag not in CONSTRUCTORS:
            raise InputError(f"不支持的 YAML 标签 {tag}", *position(node))
        return CONSTRUCTORS[tag](node.value)
    if depth > MAX_DEPTH:
        raise InputError(f"YAML 嵌套过深（超过 {MAX_DEPTH} 层），不是计划", *position(node))
    if tag != _COLLECTION_TAGS[kind]:
        raise InputError(f"不支持的 YAML 标签 {tag}", *position(node))
    if kind == "sequence":
        items = []
        for index, item in enumerate(node.value):
            child = f"{path}[{index}]"
            sourcemap.record(child, position(item))
            items.append(build(item, child, sourcemap, depth + 1, seen))
        return items
    result = {}
    for key_node, value_node in node.value:
        if key_node.id != "scalar" or key_node.tag != STR:
            raise InputError("键须为普通文字", *position(key_node))
        key = key_node.value
        child = f"{path}.{key}" if path else key
        if key in result:
            raise DuplicateKey(child, *position(key_node), sourcemap.locate(child).line)
        sourcemap.record(child, position(key_node))   # a field is where its key is
        result[key] = build(value_node, child, sourcemap, depth + 1, seen)
    return result


def position(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1

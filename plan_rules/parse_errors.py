"""The parsers' complaints in the words a drafter would use: libyaml's (and PyYAML's),
Python's json module's, and tomllib's, each English message mapped to Chinese. A complaint
not in the tables gets a general Chinese one; English never reaches the user.

The place travels separately: the finding's line and column for plans (IN001), the
message's "第 L 行第 C 列" for config files, whose errors are one line.
"""
from __future__ import annotations

import re

# (English message prefix, Chinese), most specific first.
YAML_PROBLEMS = [
    ("found character '\\t' that cannot start any token", "含制表符（YAML 须用空格缩进）"),
    ("found a tab character", "含制表符（YAML 须用空格缩进）"),
    ("found character that cannot start any token", "此处的字符不能作为内容的开头（行首的 @、` 或 %，或用了制表符；这样的值请加引号）"),
    ("did not find expected key", "缩进不一致（此处应为“键: 值”）"),
    ("expected <block end>", "缩进不一致"),
    ("did not find expected node content", "此处缺少内容（括号或引号未闭合？）"),
    ("expected the node content", "此处缺少内容（括号或引号未闭合？）"),
    ("mapping values are not allowed", "此处不能出现“键: 值”（多为缩进错误或值中含未加引号的冒号）"),
    ("could not find expected ':'", "缺少冒号（“键: 值”的冒号后须有空格）"),
    ("did not find expected '-' indicator", "列表缩进不一致"),
    ("did not find expected ',' or ']'", "缺少逗号或右方括号"),
    ("expected ',' or ']'", "缺少逗号或右方括号"),
    ("did not find expected ',' or '}'", "缺少逗号或右花括号"),
    ("expected ',' or '}'", "缺少逗号或右花括号"),
    ("found unexpected end of stream", "文件意外结束（引号或括号未闭合？）"),
    ("found unknown escape character", "双引号中有无法识别的转义（反斜杠后的字符；含反斜杠的值请改用单引号）"),
    ("found unexpected ':'", "此处不能出现冒号（含冒号的值请加引号）"),
    ("block sequence entries are not allowed", "此处不能开始列表项（“- ”的缩进不对）"),
    ("mapping keys are not allowed", "此处不能出现键（缩进不对）"),
    ("found unexpected document indicator", "引号内出现了文档分隔符（--- 或 ...）"),
    ("control characters are not allowed", "含不可见的控制字符"),
    ("unacceptable character", "含不可见的控制字符"),
    ("found undefined alias", "引用了未定义的锚点"),
    ("found duplicate anchor", "锚点重复定义"),
    ("but found another document", "文件含多个 YAML 文档（多个“---”），计划只能有一个"),
    ("expected a single document", "文件含多个 YAML 文档（多个“---”），计划只能有一个"),
    ("did not find expected <document start>", "文档结束后还有内容（多余的“---”或缩进错误）"),
    ("expected '<document start>'", "文档结束后还有内容（多余的“---”或缩进错误）"),
    ("exceeded maximum nesting depth", "嵌套过深（超过 1000 层），不是计划"),
    ("found invalid Unicode character escape code", "转义的字符无效"),
    ("did not find expected hexdecimal number", "转义的十六进制数写法有误"),
    ("did not find expected alphabetic or numeric character", "锚点或别名（& 或 *）的名称写法有误"),
    ("found an indentation indicator equal to 0", "块文字的缩进指示不能为 0"),
    ("did not find expected whitespace", "此处应有空格或换行"),
    ("did not find expected comment or line break", "此处应换行（块文字 | 或 > 之后只能写注释）"),
]
YAML_ENCODING = ("UTF-8", "UTF-16", "Unicode character", "octet")
YAML_TAG_OR_DIRECTIVE = ("tag", "directive", "'!'", "'>'", "URI", "version", "YAML document", "non-alphabetical")

JSON_PROBLEMS = [
    ("Expecting value", "此处缺少值（多余的逗号，或值写错了？）"),
    ("Expecting property name enclosed in double quotes", "此处应为双引号括起的键名（多余的逗号，或用了单引号？）"),
    ("Expecting ':' delimiter", "键名后缺少冒号"),
    ("Expecting ',' delimiter", "缺少逗号"),
    ("Unterminated string", "字符串的双引号没有闭合"),
    ("Invalid control character", "字符串中含控制字符（换行须写作 \\n）"),
    ("Invalid \\uXXXX escape", "字符串中的 \\u 转义写法有误"),
    ("Invalid \\escape", "字符串中有无法识别的转义（反斜杠须写作 \\\\）"),
    ("Extra data", "JSON 结束后还有多余的内容"),
    ("Illegal trailing comma before end of object", "右花括号前有多余的逗号"),
    ("Illegal trailing comma before end of array", "右方括号前有多余的逗号"),
]

TOML_PROBLEMS = [
    ("Invalid statement", "此行既不是“键 = 值”也不是表头"),
    ("Expected '=' after a key in a key/value pair", "键后缺少等号"),
    ("Invalid value", "值写法有误（文字须加双引号）"),
    ("Cannot overwrite a value", "键重复，不能覆盖已有的值"),
    ("Unclosed array", "方括号列表没有闭合"),
    ("Unclosed inline table", "花括号表没有闭合"),
    ("Expected newline or end of document after a statement", "一行只能写一个“键 = 值”"),
    ("Invalid initial character for a key part", "键名的首字符无效（含中文等字符的键名须加引号）"),
    ("Expected ']' at the end of a table declaration", "表头缺少右方括号"),
    ("Expected ']]' at the end of an array declaration", "表数组的表头缺少“]]”"),
    ("Unterminated string", "字符串的引号没有闭合"),
    ("Invalid hex value", "转义的十六进制数写法有误"),
    ("Unescaped '\\' in a string", "字符串中的反斜杠须写作 \\\\（或改用单引号）"),
    ("Invalid date or datetime", "日期或时间写法有误"),
    ("Escaped character is not a Unicode scalar value", "转义的字符无效"),
    ("Cannot declare", "同一个键或表声明了两次"),
    ("Cannot mutate immutable namespace", "表重复定义"),
    ("Cannot redefine namespace", "表重复定义"),
    ("Duplicate inline table key", "花括号表中键重复"),
    ("Expected", "此处缺少应有的符号"),
    ("Found invalid character", "含无效字符"),
    ("Illegal character", "含不允许的字符"),
]
GENERAL = "写法有误（请检查此处的缩进、冒号、引号与括号）"
_TOML_PLACE = re.compile(r"^(?P<message>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$", re.S)


def lookup(table: list[tuple[str, str]], problem: str) -> str | None:
    return next((chinese for english, chinese in table if problem.startswith(english)), None)


def yaml_problem_zh(problem: str) -> str:
    found = lookup(YAML_PROBLEMS, problem)
    if found:
        return found
    if any(word in problem for word in YAML_ENCODING):
        return "文件含无效的 UTF-8 字节或字符"
    if any(word in problem for word in YAML_TAG_OR_DIRECTIVE):
        return "标签（!）或指令（%）写法有误；计划中不需要它们"
    return GENERAL


def json_problem_zh(problem: str) -> str:
    return lookup(JSON_PROBLEMS, problem) or GENERAL


def toml_problem_zh(error: Exception) -> str:
    """tomllib's message with its place, as "第 L 行第 C 列：…" (or "文件末尾：…")."""
    match = _TOML_PLACE.match(str(error))
    message = match.group("message") if match else str(error)
    if match and match.group("line"):
        place = f"第 {match.group('line')} 行第 {match.group('column')} 列"
    else:
        place = "文件末尾" if match else "位置不明"
    return f"{place}：{lookup(TOML_PROBLEMS, message) or GENERAL}"

"""Click in Chinese: its usage lines, help headings, defaults and errors, and help text wrapped
and aligned by display width (a Chinese character takes two columns).

Click looks its words up through `gettext` (bound in each of its modules as `_` and
`ngettext`), which would follow the user's locale and has no Chinese catalogue; here each of
those modules is given a lookup in the table below instead. Its help formatter measures text
with len() and wraps with textwrap, so Chinese help ran past the terminal and out of line;
`term_len` and `wrap_text` are replaced with wide-character ones.
"""
from __future__ import annotations

import re

import click

from .display_width import display_width

MESSAGES = {
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示此帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "env var: {var}": "环境变量：{var}",
    "deprecated": "已弃用",
    "Aborted!": "已中止。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Invalid value: {message}": "取值无效：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "No such option {name!r}.": "没有选项 {name}。",
    "No such command {name!r}.": "没有命令 {name}。",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename}：{message}",
    "Option {name!r} does not take a value.": "选项 {name} 不带取值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name} 需要 {nargs} 个值。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在允许范围内（{range}）。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "“{value}”不是是非值；可用：{states}",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name} {filename} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename} 是文件，不是目录。",
    "{name} {filename!r} is a directory.": "{name} {filename} 是目录，不是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename} 没有读取权限。",
    "{name} {filename!r} is not writable.": "{name} {filename} 没有写入权限。",
    "{name} {filename!r} is not executable.": "{name} {filename} 不可执行。",
}
PLURALS = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Did you mean {possibility}?": "您要的是不是 {possibility}？",
    "{value!r} is not {choice}.": "“{value}”不是可选值，应为 {choice}。",
    "Option {name!r} requires an argument.": "选项 {name} 需要一个取值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，实际给出 {len} 个。",
}
PLURAL_OTHERS = {
    "(Did you mean one of: {possibilities}?)": "（您要的是不是以下之一：{possibilities}？）",
    "{value!r} is not one of {choices}.": "“{value}”不是可选值，应为 {choices} 之一。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 需要 {nargs} 个取值。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，实际给出 {len} 个。",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
}
# A line may break between two characters unless this one is Latin or a digit continuing a
# word, or the next one is punctuation that must not start a line.
_NO_BREAK_BEFORE = set("，。、；：？！）》」』”’〕】,.;:?!)]}…%")


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    if singular in PLURALS:
        return PLURALS[singular] if count == 1 else PLURAL_OTHERS.get(plural, PLURALS[singular])
    return singular if count == 1 else plural


def term_len(text: str) -> int:
    return display_width(text)


def wrap_text(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
              preserve_paragraphs: bool = False) -> str:
    """Click's wrap_text by display width: paragraphs (blank-line separated) rewrapped, a
    paragraph starting with "\\b" kept as it is."""
    paragraphs = re.split(r"\n\s*\n", text.strip()) if preserve_paragraphs else [text]
    out = []
    for index, paragraph in enumerate(paragraphs):
        first = initial_indent if index == 0 else subsequent_indent
        if paragraph.startswith("\b"):
            out.append("\n".join(subsequent_indent + line for line in paragraph[1:].strip("\n").splitlines()))
            continue
        out.append("\n".join(wrap_paragraph(join_lines(paragraph), width, first, subsequent_indent)))
    return "\n\n".join(out)


def join_lines(paragraph: str) -> str:
    """A docstring's lines as one: a space only where both sides are Latin."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    joined = lines[0] if lines else ""
    for line in lines[1:]:
        joined += (" " if joined[-1].isascii() and line[0].isascii() else "") + line
    return joined


def wrap_paragraph(text: str, width: int, first: str, rest: str) -> list[str]:
    lines, line, indent = [], "", first
    for token in re.findall(r"[A-Za-z0-9_./\-\[\]|'=…:]+|\s+|.", text):
        if term_len(indent + line + token) > width and line.strip() and token.strip() \
                and token[0] not in _NO_BREAK_BEFORE:
            lines.append(indent + line.rstrip())
            line, indent = "", rest
        if token.isspace() and not line:
            continue
        line += token
    lines.append(indent + line.rstrip())
    return lines


class HelpFormatter(click.HelpFormatter):
    """Chinese punctuation in the usage line and the headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


class Context(click.Context):
    formatter_class = HelpFormatter


class Command(click.Command):
    context_class = Context

    def __init__(self, *args, options_metavar: str = "[选项]", **kwargs):
        super().__init__(*args, options_metavar=options_metavar, **kwargs)


class Group(click.Group):
    context_class = Context
    command_class = Command

    def __init__(self, *args, options_metavar: str = "[选项]", subcommand_metavar: str = "命令 [参数]…", **kwargs):
        super().__init__(*args, options_metavar=options_metavar, subcommand_metavar=subcommand_metavar, **kwargs)


class Count(click.IntRange):
    """A whole number from `min` up, its range said in Chinese."""
    name = "整数"

    def _describe_range(self) -> str:
        return f"不小于 {self.min}"


def install() -> None:
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    click.formatting.term_len = term_len
    click.formatting.wrap_text = wrap_text
    click.types.IntParamType.name = "整数"      # named in "… is not a valid integer."
    click.types.FloatParamType.name = "数字"

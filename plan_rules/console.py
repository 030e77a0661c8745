"""How text reaches the user: one encoding for help, reports and notes alike, and colour.

A terminal gets its own encoding (GBK on a Chinese Windows console that is not in UTF-8
mode), pipes and files get UTF-8 (what programs reading them expect, whatever the locale),
and `--encoding` overrides both for the console streams. Characters the encoding lacks
become "?" rather than an error. Colour marks severities on a terminal unless NO_COLOR is set
(no-color.org).
"""
from __future__ import annotations

import codecs
import os
import sys
from typing import Optional

OPTION = "--encoding"


def stream_encoding(stream, forced: Optional[str]) -> str:
    if forced:
        return forced
    if stream.isatty():
        return getattr(stream, "encoding", None) or "utf-8"
    return "utf-8"


def configure(forced: Optional[str] = None) -> None:
    """Re-encode stdout and stderr as chosen (streams that cannot be re-encoded are left)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.flush()
            stream.reconfigure(encoding=stream_encoding(stream, forced), errors="replace")


def forced_encoding(args: list[str]) -> Optional[str]:
    """The `--encoding` given anywhere on the command line, read before Click prints anything
    (help included); a name Python does not know is left for the option to refuse."""
    for index, arg in enumerate(args):
        value = arg[len(OPTION) + 1:] if arg.startswith(OPTION + "=") else None
        if arg == OPTION and index + 1 < len(args):
            value = args[index + 1]
        if value and known(value):
            return value
    return None


def known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def check_encoding(ctx, param, value):
    # Click is imported where an option is built or refused, not with this module:
    # `plan-rules --version` sets up the streams without it (entry.py).
    import click

    if value is not None and not known(value):
        raise click.BadParameter(f"未知的编码“{value}”（可用如 utf-8、gbk、gb18030）", ctx, param)
    return value


def encoding_option(command):
    import click

    return click.option(OPTION, metavar="编码", expose_value=False, callback=check_encoding,
                        help="终端输出用的文字编码（默认：终端用其自身的编码，管道和文件用 UTF-8）")(command)


def colour_wanted(stream=None) -> bool:
    stream = stream or sys.stdout
    return stream.isatty() and not os.environ.get("NO_COLOR")

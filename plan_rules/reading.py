"""One guarded read of a plan file, for every command that reads one (check, extract,
annotate), and of a plan piped in: what is not a regular file is refused from its metadata, never opened (a named
pipe would block for ever, /dev/zero never ends, a folder is no plan); so is a file larger
than its kind allows (a sparse file of 10 GB takes no disk), and the read itself stops past
the limit, for files that grow or lie about their size. Why a file cannot be read is said in
one Chinese line.
"""
from __future__ import annotations

import errno
import stat
import sys
from pathlib import Path

from .load import MAX_BYTES, InputError
from .office_files import OFFICE_SUFFIXES

# Largest file read, by kind: text (plans, YAML, JSON) is a few KB, so the structured cap
# serves (a 50 MB text file kept the extractor busy for minutes); Word and PDF packages carry
# pictures and fonts. Larger files are refused from their size, before any byte is read.
MAX_PACKAGE_BYTES = 64 * 1024 * 1024
PACKAGE_SUFFIXES = (".docx", ".pdf") + OFFICE_SUFFIXES

# The OS's words for why a file cannot be read, in Chinese (strerror is English).
_OS_ERRORS_ZH = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.ELOOP: "符号链接循环（链接最终指回自身）",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.ENOTDIR: "路径中有一级不是目录",
    errno.ENAMETOOLONG: "路径过长",
    errno.EIO: "读取时发生输入输出错误",
}


def read_file(path: Path) -> bytes:
    """The file's bytes; OSError or InputError where it cannot or must not be read."""
    status = path.stat()
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(status.st_mode):
        raise InputError("不是普通文件（命名管道、设备或套接字），未读取")
    limit = MAX_PACKAGE_BYTES if path.suffix.lower() in PACKAGE_SUFFIXES else MAX_BYTES
    if status.st_size > limit:
        raise InputError(too_large(status.st_size, limit))
    with path.open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise InputError(too_large(len(data), limit))
    return data


def too_large(size: int, limit: int) -> str:
    return f"文件过大（{size} 字节，上限 {limit} 字节），不像是一份计划"


def read_stdin() -> bytes:
    """A plan piped in, read no further than a plan's size (`- < /dev/zero` never ends)."""
    if sys.stdin is None:
        raise InputError("标准输入已关闭，没有可读取的计划")
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(too_large(len(data), MAX_BYTES))
    return data


def why_unreadable(error: Exception, what: str = "文件") -> str:
    """The reason read_file or read_stdin refused, in Chinese."""
    if isinstance(error, OSError):
        return f"无法读取{what}：{_OS_ERRORS_ZH.get(error.errno, error.strerror or str(error))}"
    return str(error)

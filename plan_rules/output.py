"""Where a report or an extracted plan goes, written so that nothing the user owns is lost.

- The target is judged before any work: a folder that does not exist or cannot be written,
  or a target that is a folder, a device or a pipe, is one line and exit code 2 at once —
  not a traceback after an hour's batch (`-o /nonexistent/x.json`, `-o /dev/full`). The null
  device alone is taken, and nothing is written to it.
- The text goes to a temporary file beside the target, which is then renamed over it: a
  reader never sees half a report, and a failure (a full disk) leaves the old file as it was.
- A target that is an input of the same run is refused (`check plan.yaml -o plan.yaml
  --force` replaced the plan with its report; `extract a.docx -o a.docx --force` the Word
  file with YAML), except a report plan-rules wrote itself, found in a folder being checked:
  that one is not checked (report/signature.py) and is replaced.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from .workers import REMOVED_IF_ENDED, signals_held

# What the OS says when a file cannot be written, in Chinese (strerror is English).
_WRITE_ERRORS_ZH = {
    errno.ENOENT: "所在目录不存在",
    errno.ENOTDIR: "路径中有一级不是目录",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "文件系统是只读的",
    errno.ENOSPC: "磁盘空间已满",
    errno.EDQUOT: "超出磁盘配额",
    errno.ENAMETOOLONG: "路径过长",
    errno.EIO: "写入时发生输入输出错误",
}


class OutputError(Exception):
    """The output cannot be written where asked: one Chinese line, exit code 2."""


@dataclass(frozen=True)
class Target:
    path: Path      # the file to replace: through symbolic links, so that a link stays a link
    shown: str      # as the user wrote it
    discard: bool = False     # the null device (`-o /dev/null`): nothing to keep whole

    @classmethod
    def of(cls, output: str) -> "Target":
        return cls(Path(os.path.realpath(output)), output)


def why_not_written(error: OSError) -> str:
    return _WRITE_ERRORS_ZH.get(error.errno, error.strerror or str(error))


def prepare_output(output: Optional[str], force: bool) -> Optional[Target]:
    """The target of `-o`, judged before the run; None for standard output."""
    if not output:
        return None
    target = Target.of(output)
    try:
        status = target.path.stat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputError(f"无法写入 {output}：{why_not_written(error)}") from None
    if status is not None and is_null_device(status):
        return Target(target.path, output, discard=True)
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise OutputError(f"{output} 是目录，不能作为输出文件")
        if not stat.S_ISREG(status.st_mode):
            raise OutputError(f"{output} 不是普通文件（设备、管道或套接字），报告只写入普通文件；写到标准输出请去掉 -o")
        if not force:
            raise OutputError(f"{output} 已存在；如要覆盖请加 --force")
    handle, probe = create_temporary(target)     # can a file be made there? then it can be written
    os.close(handle)
    probe.unlink()
    return target


def is_null_device(status: os.stat_result) -> bool:
    try:
        null = os.stat(os.devnull)
    except OSError:
        return False
    return stat.S_ISCHR(status.st_mode) and status.st_rdev == null.st_rdev


def create_temporary(target: Target) -> tuple[int, Path]:
    """A new hidden file beside the target (a folder walk skips it), open for writing, with
    the mode of any new file (0666 less the umask)."""
    name = target.path.parent / f".plan-rules-{os.getpid()}-{os.urandom(4).hex()}.tmp"
    try:
        return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), name
    except OSError as error:
        # /proc and the like exist but make no files: ENOENT there is not a missing folder.
        reason = ("该目录中不能新建文件" if error.errno == errno.ENOENT and target.path.parent.is_dir()
                  else why_not_written(error))
        raise OutputError(f"无法写入 {target.shown}：{reason}") from None


def write_file(target: Target, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it over the target."""
    with signals_held():
        out = StreamedFile(target)
        out.write(data)
        out.commit()


class StreamedFile:
    """A file written piece by piece, as a batch's report is: into a temporary file beside the
    target (made at the first piece), renamed over the target by `commit` once whole, or
    removed by `discard`. Until then the old file is as it was; a signal that ends the run
    removes the temporary file too (workers.ending_on_signals)."""

    def __init__(self, target: Target):
        self.target = target
        self.out = None
        self.temporary: Optional[Path] = None

    def write(self, data: bytes) -> None:
        if self.target.discard:
            return
        try:
            if self.out is None:
                self.open()
            self.out.write(data)
        except OSError as error:
            self.discard()
            raise OutputError(f"无法写入 {self.target.shown}：{why_not_written(error)}；原有文件未改动") from None

    def open(self) -> None:
        handle, self.temporary = create_temporary(self.target)
        REMOVED_IF_ENDED.add(self.temporary)
        self.out = os.fdopen(handle, "wb")

    def commit(self) -> None:
        if self.target.discard:
            return
        with signals_held():
            try:
                if self.out is None:     # an empty report: still a file, replacing the old one
                    self.open()
                self.out.flush()
                os.fsync(self.out.fileno())
                self.out.close()
                if self.target.path.exists():
                    os.chmod(self.temporary, stat.S_IMODE(self.target.path.stat().st_mode))   # the old file's permissions
                os.replace(self.temporary, self.target.path)
            except OSError as error:
                raise OutputError(f"无法写入 {self.target.shown}：{why_not_written(error)}；原有文件未改动") from None
            finally:
                self.discard()

    def discard(self) -> None:
        """Remove the temporary file, if it is still there; the target is left as it was."""
        if self.out is not None:
            try:
                self.out.close()
            except OSError:
                pass        # a full disk fails the close's flush as well: the file goes anyway
        if self.temporary is not None:
            REMOVED_IF_ENDED.discard(self.temporary)
            if self.temporary.exists():
                self.temporary.unlink()


def write_stdout(text: str) -> None:
    """In the encoding console.py chose for standard output."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("标准输出已关闭，无法写出结果")
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        # The reader has gone (`… | head`): nothing more to say to it. Python would complain
        # again when it flushes standard output at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except OSError as error:
        raise OutputError(f"无法写出到标准输出：{why_not_written(error)}") from None


def refuse_inputs(target: Optional[Target], inputs: Iterable[str],
                  replaceable: Callable[[str], bool] = lambda name: False) -> None:
    """OutputError when the target is one of these inputs (the same file by any name), unless
    `replaceable` says that input may be written over."""
    same = same_file_as(target)
    for name in inputs:
        if same(name) and not replaceable(name):
            raise OutputError(f"输出文件 {target.shown} 是本次的输入文件，写入会覆盖它；请另选输出文件")


def same_file_as(target: Optional[Target]):
    """A test: is this path the target file (device and inode, so hard links count too)?"""
    try:
        own = target.path.stat() if target else None
    except OSError:
        own = None
    if own is None:
        return lambda name: False

    def same(name: str) -> bool:
        try:
            status = os.stat(name)
        except (OSError, ValueError):
            return False
        return (status.st_dev, status.st_ino) == (own.st_dev, own.st_ino)
    return same

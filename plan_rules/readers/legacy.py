"""Office formats other than .docx: the older word-processing ones are converted to .docx by
LibreOffice (`soffice --headless --convert-to docx`) where it is installed, and then read as
.docx; the rest, and all of them where LibreOffice is not installed, are named in a Chinese
line that says how to save the file so that it can be checked.

Bureaus still issue plans as .doc (Word 97–2003) and .wps (WPS 文字); a folder of such files
must not pass as "nothing to check". Each process keeps one LibreOffice profile folder, so
that parallel batch workers never share one (LibreOffice refuses a profile in use).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Optional

from plan_rules.readers.lines import ReadError

CONVERTIBLE_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")
SPREADSHEET_SUFFIXES = (".xls", ".xlsx", ".et", ".ods")
OTHER_OFFICE_SUFFIXES = (".ppt", ".pptx", ".dps", ".ofd", ".pages", ".wpt", ".dot", ".dotx")
OFFICE_SUFFIXES = CONVERTIBLE_SUFFIXES + SPREADSHEET_SUFFIXES + OTHER_OFFICE_SUFFIXES
SAVE_AS_DOCX = "请另存为 .docx 后再检查"
# A plan converts in one or two seconds; a minute means LibreOffice hangs on the file.
TIMEOUT_SECONDS = 120


@lru_cache(maxsize=1)
def soffice() -> Optional[str]:
    """The LibreOffice program, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def unsupported_reason(suffix: str) -> str:
    """Why a file of this office format is not checked, and what to do."""
    if suffix in SPREADSHEET_SUFFIXES:
        return f"这是表格文件（{suffix}），不是计划文本；请将计划另存为 .docx 或 .txt 后再检查"
    if suffix in CONVERTIBLE_SUFFIXES:
        return f"读取 {suffix} 文件需要 LibreOffice（未安装）；{SAVE_AS_DOCX}"
    return f"不支持 {suffix} 格式；{SAVE_AS_DOCX}"


def convert_to_docx(data: bytes, suffix: str) -> bytes:
    """The file converted to .docx by LibreOffice; ReadError with a Chinese line otherwise."""
    program = soffice()
    if suffix not in CONVERTIBLE_SUFFIXES or program is None:
        raise ReadError(unsupported_reason(suffix))
    with tempfile.TemporaryDirectory(prefix="plan-rules-") as folder:
        source = Path(folder) / f"plan{suffix}"
        source.write_bytes(data)
        command = [program, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation={profile()}",
                   "--convert-to", "docx", "--outdir", folder, str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
                           stdin=subprocess.DEVNULL, env={**os.environ, "HOME": os.environ.get("HOME", folder)})
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice 转换此文件超过 {TIMEOUT_SECONDS} 秒仍未完成；{SAVE_AS_DOCX}") from None
        except OSError as error:
            raise ReadError(f"无法启动 LibreOffice（{error.strerror or error}）；{SAVE_AS_DOCX}") from None
        converted = source.with_suffix(".docx")
        if not converted.is_file():
            raise ReadError(f"LibreOffice 无法打开此 {suffix} 文件（可能已损坏或设有密码）；{SAVE_AS_DOCX}")
        return converted.read_bytes()


_profiles: dict[int, str] = {}


def profile() -> str:
    """This process's LibreOffice profile folder, as the file: URL soffice expects. Keyed by
    process id, since a forked worker inherits its parent's memory; removed when the process
    ends (multiprocessing runs these finalizers in pool workers too, where atexit does not)."""
    pid = os.getpid()
    if pid not in _profiles:
        from multiprocessing import util

        folder = tempfile.mkdtemp(prefix="plan-rules-soffice-")
        util.Finalize(None, shutil.rmtree, args=(folder, True), exitpriority=0)
        _profiles[pid] = Path(folder).as_uri()
    return _profiles[pid]

"""The older word-processing formats (.doc .wps .rtf .odt) converted to .docx by LibreOffice
(`soffice --headless --convert-to docx`) where it is installed, to be read as .docx.

Each process keeps one LibreOffice profile folder, so that parallel batch workers never share
one (LibreOffice refuses a profile in use).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Optional

from plan_rules.office_files import CONVERTIBLE_SUFFIXES, SAVE_AS_DOCX, unsupported_reason
from plan_rules.readers.lines import ReadError

# A plan converts in one or two seconds; two minutes means LibreOffice hangs on the file.
TIMEOUT_SECONDS = 120


@lru_cache(maxsize=1)
def soffice() -> Optional[str]:
    """The LibreOffice program, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, suffix: str) -> bytes:
    """The file converted to .docx by LibreOffice; ReadError with a Chinese line otherwise."""
    import subprocess

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

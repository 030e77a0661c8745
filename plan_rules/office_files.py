"""Office formats other than .docx, by what can be done with them: the older word-processing
formats LibreOffice converts to .docx (readers/legacy.py), and the rest, which are named in a
Chinese line that says how to save the file so that it can be checked. Bureaus still issue
plans as .doc (Word 97–2003) and .wps (WPS 文字); a folder of such files must not pass as
"nothing to check"."""
from __future__ import annotations

CONVERTIBLE_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")
SPREADSHEET_SUFFIXES = (".xls", ".xlsx", ".et", ".ods")
OTHER_OFFICE_SUFFIXES = (".ppt", ".pptx", ".dps", ".ofd", ".pages", ".wpt", ".dot", ".dotx")
OFFICE_SUFFIXES = CONVERTIBLE_SUFFIXES + SPREADSHEET_SUFFIXES + OTHER_OFFICE_SUFFIXES
SAVE_AS_DOCX = "请另存为 .docx 后再检查"


def unsupported_reason(suffix: str) -> str:
    """Why a file of this office format is not checked, and what to do."""
    if suffix in SPREADSHEET_SUFFIXES:
        return f"这是表格文件（{suffix}），不是计划文本；请将计划另存为 .docx 或 .txt 后再检查"
    if suffix in CONVERTIBLE_SUFFIXES:
        return f"读取 {suffix} 文件需要 LibreOffice（未安装）；{SAVE_AS_DOCX}"
    return f"不支持 {suffix} 格式；{SAVE_AS_DOCX}"

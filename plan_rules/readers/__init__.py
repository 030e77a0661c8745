"""Readers: turn a document file into lines of text, each with the place it came from.

One module per format: `plain` (.txt/.md and anything else read as text), `word` (.docx),
`pdf` (text-layer .pdf). Word and PDF libraries are imported only when such a file is read,
so that checking a YAML plan never pays for them (docs/architecture.md, "Budgets").

Every failure is a `ReadError` whose message is one Chinese line; the extractor turns it
into an IN001 finding.
"""
from __future__ import annotations

from pathlib import Path

from plan_rules.readers.lines import ReadError, Source, TextLine

__all__ = ["ReadError", "Source", "TextLine", "read_bytes", "read_document"]

# Formats that look like documents but that no reader here understands: say so plainly
# instead of decoding binary as text.
_UNSUPPORTED = {
    ".doc": "不支持旧版 Word（.doc）格式，请在 Word 中另存为 .docx 后再检查",
    ".wps": "不支持 WPS（.wps）格式，请另存为 .docx 后再检查",
    ".xls": "不支持 Excel 表格，请将计划另存为 .docx 或 .txt 后再检查",
    ".xlsx": "不支持 Excel 表格，请将计划另存为 .docx 或 .txt 后再检查",
}


def read_document(path: str | Path) -> Source:
    """Read `path` by its extension; raise `ReadError` with a one-line Chinese message."""
    from plan_rules.load import InputError
    from plan_rules.reading import read_file, why_unreadable

    path = Path(path)
    if path.suffix.lower() in _UNSUPPORTED:
        raise ReadError(_UNSUPPORTED[path.suffix.lower()])
    try:
        data = read_file(path)      # the one guarded read every command uses
    except (OSError, InputError) as error:
        raise ReadError(why_unreadable(error)) from None
    return read_bytes(data, path.suffix)


def read_bytes(data: bytes, suffix: str) -> Source:
    """Read a document's content; `suffix` (".docx", ".pdf", ".txt"…) names its format."""
    suffix = suffix.lower()
    if suffix in _UNSUPPORTED:
        raise ReadError(_UNSUPPORTED[suffix])
    if not data.strip():
        raise ReadError("文件为空")
    if suffix in (".docx", ".docm"):
        from plan_rules.readers.word import read_docx
        return read_docx(data)
    if suffix == ".pdf":
        from plan_rules.readers.pdf import read_pdf
        return read_pdf(data)
    from plan_rules.readers.plain import read_text_bytes
    return read_text_bytes(data)

"""Plain text (.txt, .md, text pasted from web pages).

Encodings seen in real plans: UTF-8 with or without BOM, and GB18030/GBK from Chinese
Windows editors. UTF-8 is tried first (strict, so GBK bytes never pass as UTF-8); anything
else is detected with charset-normalizer rather than assumed, and GB18030 that detection does
not name is taken when its Chinese reads as common Chinese.
"""
from __future__ import annotations

import codecs
import re

from plan_rules.readers.lines import ReadError, Source, TextLine
from plan_rules.sourcemap import Location

_NEWLINE = re.compile(r"\r\n|\r|\n")
# C0 controls other than tab/newline/carriage return/form feed: a text file has none.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_COMMON_SHARE = 0.95         # of a GB18030 text's Chinese characters, at least this share in GB2312
_MARKDOWN_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+\S")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_text_bytes(data: bytes) -> Source:
    return read_text(decode(data))


def read_text(text: str) -> Source:
    """Split on \\r\\n, \\r or \\n only: line numbers then match what editors show. A Markdown
    heading ("## 执法力量") carries its level; its "#"s are left for the extractor to drop."""
    lines = [TextLine(line, Location(line=number, column=1), outline=_outline(line))
             for number, line in enumerate(_NEWLINE.split(text), start=1)]
    return Source("text", lines)


def _outline(line: str) -> int | None:
    heading = _MARKDOWN_HEADING.match(line)
    return len(heading.group(1)) - 1 if heading else None


def decode(data: bytes) -> str:
    if not data.strip():
        raise ReadError("文件为空")
    text = _decode_by_bom(data) or _decode_utf8(data) or _decode_detected(data) or _decode_gb18030(data)
    if text is None or len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise ReadError("无法识别文件的文字编码（不是 UTF-8 或 GB18030 文本，可能是二进制文件）")
    if not text.strip():
        raise ReadError("文件为空")
    return text


def _decode_by_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_gb18030(data: bytes) -> str | None:
    """GB18030 that detection did not name (charset-normalizer gives up on some plans, full-width
    spaces and CRLF among them): taken when it decodes strictly and its Chinese is the common
    Chinese of GB2312 (text in another encoding read as GB18030 is rare characters)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    chinese = [char for char in text if "\u4e00" <= char <= "\u9fff"]
    common = sum(1 for char in chinese if _in_gb2312(char))
    return text if chinese and common >= _COMMON_SHARE * len(chinese) else None


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _decode_detected(data: bytes) -> str | None:
    if b"\x00" in data:
        return None           # binary; charset-normalizer would still offer a guess
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    return None if best is None else str(best)

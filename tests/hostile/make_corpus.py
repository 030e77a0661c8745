"""Hostile and broken input for plan-rules, generated (never committed: several are large or
binary). Each file is something a checker meets in the wild or from an attacker, and each
must end as a clean finding (IN001/IN002, or the rule findings a strange but legitimate plan
deserves) within bounded time and memory.

    build(directory) -> {file name: Expectation}
    cases() -> {file name: Case}          # without writing anything (test parametrisation)

    .venv/bin/python tests/hostile/make_corpus.py /tmp/hostile     # look at the files

Large payloads are made without holding them in memory: the 50 MB files are written in
chunks, the Word "zip bomb" is a hand-assembled zip whose deflate stream repeats one
compressed block (2 GiB inflated, about 2 MB on disk), and the sparse file takes no disk.
"""
from __future__ import annotations

import io
import json
import os
import random
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

if __package__ in (None, ""):     # run as a script: the folder above is where `hostile` is
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile import word_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "fixtures" / "plans"
DOCUMENTS = ROOT / "fixtures" / "documents"
CLEAN = PLANS / "clean-2021.yaml"           # consistent: no findings at all
SEED_TEXT = DOCUMENTS / "lishan-2023.txt"   # the seed document, UTF-8
WORD = DOCUMENTS / "anping-2023.docx"

MB = 1024 * 1024
BIG = 50 * MB
BOMB_INFLATED = 2 * 1024 * MB
XXE_MARKER = "XXE-SECRET-本不应读出"    # the content of the file an external entity points at


@dataclass(frozen=True)
class Expectation:
    """What `Checker().check_path` must give for a hostile file.

    codes:  the codes of all its findings, sorted (a multiset: ("WD012", "WD012")).
    phrase: a key phrase of the first finding's message (Chinese, as users read it).
    like:   instead of codes, the same findings as this good file (a path under fixtures/).
    batch:  whether a folder walk picks the file up (pipes, devices and link loops are not
            regular files, so a batch never opens them).
    skip:   why the case cannot be made on this system (no named pipes, no /dev/zero).
    """
    codes: tuple[str, ...] = ()
    phrase: str = ""
    like: str = ""
    batch: bool = True
    skip: str = ""


@dataclass(frozen=True)
class Case:
    write: Callable[[Path], None]     # makes the file (or link, pipe, folder) at this path
    expect: Expectation


def contents(make: Callable[[], str | bytes]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        data = make()
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return write


def unreadable(phrase: str, **more) -> Expectation:
    return Expectation(("IN001",), phrase, **more)


def schema(phrase: str, count: int = 1) -> Expectation:
    return Expectation(("IN002",) * count, phrase)


# ---- structured plans: YAML and JSON -------------------------------------------------------

def clean_text() -> str:
    return CLEAN.read_text(encoding="utf-8")


def clean_with(old: str, new: str) -> str:
    """The clean plan with one figure changed; `old` must occur in it exactly once."""
    text = clean_text()
    assert text.count(old) == 1, old
    return text.replace(old, new)


def clean_json(change: Callable[[dict], None]) -> str:
    import yaml
    plan = yaml.safe_load(clean_text())
    change(plan)
    return json.dumps(plan, ensure_ascii=False, default=str, indent=1)


def set_first_item_days(value) -> Callable[[dict], None]:
    def change(plan: dict) -> None:
        plan["workdays"]["other_enforcement"]["items"][0]["days"] = value
    return change


BILLION_LAUGHS = """\
# The YAML billion laughs: nine levels of aliases, each ten times the one before; expanded
# it is 10^9 strings. Aliases are refused before anything is expanded.
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
year: *i
"""

# A YAML merge key pulling a whole plan in by alias: refused the same way.
MERGE_KEY = "base: &base {year: 2021}\nplan:\n  <<: *base\n"

# PyYAML's unsafe loaders would call os.system here; plans accept only the standard tags.
PYTHON_TAG = "year: !!python/object/apply:os.system ['echo pwned']\n"

DEPTH = 10_000


def structured_cases() -> dict[str, Case]:
    c = {
        "billion-laughs.yaml": (lambda: BILLION_LAUGHS, unreadable("别名")),
        # YAML 1.2 has no merge key: `<<` is a key like another, and the alias it names is refused.
        "merge-key.yaml": (lambda: MERGE_KEY, unreadable("别名")),
        "python-tag.yaml": (lambda: PYTHON_TAG, unreadable("不支持的 YAML 标签")),
        # 10,000 levels: libyaml stops at 1,000, the JSON parser at Python's recursion limit.
        "deep-flow.yaml": (lambda: "year: " + "[" * DEPTH + "]" * DEPTH + "\n", unreadable("嵌套过深")),
        "deep-block.yaml": (lambda: "- " * DEPTH + "x\n", unreadable("嵌套过深")),
        "deep-mapping.yaml": (lambda: "{a: " * DEPTH + "1" + "}" * DEPTH + "\n", unreadable("嵌套过深")),
        # 100 levels: within libyaml's limit, beyond the loader's own (a plan nests six).
        "deep-100.yaml": (lambda: "year: " + "[" * 100 + "]" * 100 + "\n", unreadable("嵌套过深")),
        "deep.json": (lambda: '{"year": ' + "[" * DEPTH + "]" * DEPTH + "}", unreadable("嵌套过深")),
        "deep-objects.json": (lambda: '{"a": ' * DEPTH + "1" + "}" * DEPTH, unreadable("嵌套过深")),
        "multi-document.yaml": (lambda: clean_text() + "---\n" + clean_text(), unreadable("多个 YAML 文档")),
        "empty.yaml": (lambda: "\n  \n", unreadable("文件为空")),
        # Numbers beyond what a double holds: inf, refused by the schema (not the engine's
        # error 202). YAML 1.1 reads "1e400" without a dot as a string: the schema parses it.
        "float-1e400.yaml": (lambda: clean_with("days: 300}", "days: 1.0e+400}"), schema("有限的数字")),
        "float-1e400-plain.yaml": (lambda: clean_with("days: 300}", "days: 1e400}"), schema("有限的数字")),
        "float-1e400.json": (lambda: json_with_first_item_days("1e400"), schema("有限的数字")),
        # Ints beyond 64 bits: the engine would saturate them silently (docs/architecture.md, "Numbers").
        "int-10e30-days.yaml": (lambda: clean_with("days: 300}", f"days: {10 ** 30}}}"), schema("数值过大")),
        "int-10e30-days.json": (lambda: json_with_first_item_days(str(10 ** 30)), schema("数值过大")),
        "int-10e30-year.yaml": (lambda: clean_with("year: 2021", f"year: {10 ** 30}"), schema("数值过大")),
        "int-10e30-year.json": (lambda: clean_json(lambda plan: plan.update(year=10 ** 30)), schema("数值过大")),
        "int-negative-year.yaml": (lambda: clean_with("year: 2021", "year: -2021"), schema("不能小于")),
        "int-10e30-count.yaml": (lambda: clean_with("other_counts: [5]", f"other_counts: [{10 ** 30}]"),
                                 schema("数值过大")),
        "days-negative-1e300.yaml": (lambda: clean_with("days: 300}", "days: -1.0e+300}"), schema("不能小于")),
        # More digits than Python converts (4,300): refused while reading, not a traceback.
        "int-5000-digits.yaml": (lambda: clean_with("days: 300}", "days: " + "9" * 5000 + "}"),
                                 unreadable("位数过多")),
        "int-5000-digits.json": (lambda: json_with_first_item_days("9" * 5000), unreadable("位数过多")),
        # NaN and infinities, as literals and as strings.
        "nan-literal.yaml": (lambda: clean_with("days: 300}", "days: .nan}"), schema("有限的数字")),
        "inf-literal.yaml": (lambda: clean_with("days: 300}", "days: -.inf}"), schema("有限的数字")),
        "nan-string.yaml": (lambda: clean_with("days: 300}", "days: 'NaN'}"), schema("有限的数字")),
        "nan-literal.json": (lambda: json_with_first_item_days("NaN"), unreadable("不允许 NaN")),
        "infinity-string.json": (lambda: json_with_first_item_days('"-Infinity"'), schema("有限的数字")),
        "nan-percent.yaml": (lambda: clean_with('value: "70.00"', 'value: "sNaN"'), schema("有限的数字")),
        # Negative and fractional workdays are legitimate plans with wrong figures: WD012,
        # not input errors. Another item moves so that every sum still holds.
        "days-negative.yaml": (lambda: clean_with("days: 300}", "days: 350}").replace("days: 40}", "days: -10}"),
                               Expectation(("WD012",), "不能为负数")),
        "days-fractional.yaml": (lambda: clean_with("days: 300}", "days: 299.5}").replace("days: 60}", "days: 60.5}", 1),
                                 Expectation(("WD012", "WD012"), "应为整数")),
        "days-negative.json": (lambda: clean_json(negative_days), Expectation(("WD012",), "不能为负数")),
        # A printed percentage far beyond any ratio: WD010, with figures the engine can hold;
        # one with forty decimals, equal to the ratio: compared, and nothing to say.
        "percent-1e400.yaml": (lambda: clean_with('value: "70.00"', 'value: "1e400"'),
                               Expectation(("WD010",), "1E+400%")),
        "percent-40-decimals.yaml": (lambda: clean_with('value: "70.00"', 'value: "70.' + "0" * 39 + '1"'),
                                     Expectation()),
        # Printed formulas whose products overflow the decimal context and the engine's ints
        # are not compared; the plainly wrong one beside them still is.
        "formula-overflow.yaml": (lambda: clean_text() + FORMULA_OVERFLOW, Expectation(("WD013",), "应得 6000")),
        # 40,000 one-line units (1.4 MB): too many facts to be a plan; refused, not evaluated.
        "many-units.yaml": (many_units, unreadable("条目过多")),
        "binary.yaml": (lambda: junk(1), unreadable("二进制")),
        "binary.json": (lambda: junk(2), unreadable("二进制")),
        "invalid-utf8.yaml": (lambda: clean_text().encode("utf-8").replace("清河县".encode(), b"\xff\xfe\xfd", 1),
                              unreadable("不是 UTF-8")),
        "mixed-encoding.yaml": (lambda: mixed_encoding(clean_text()), unreadable("不是 UTF-8")),
        # Notepad's "Unicode": UTF-16 with a BOM. Said as such, not as "binary (NUL bytes)".
        "utf16.yaml": (lambda: clean_text().encode("utf-16"), unreadable("UTF-16")),
    }
    return {name: Case(contents(make), expect) for name, (make, expect) in c.items()}


def json_with_first_item_days(literal: str) -> str:
    """The clean plan as JSON, the first item's days written as this JSON text."""
    return clean_json(set_first_item_days("__days__")).replace('"__days__"', literal)


def many_units() -> str:
    units = "".join(f"    - {{name: 单位{i}}}\n" for i in range(40_000))
    text = clean_text()
    start = text.index("  units:\n", text.index("general_inspections:"))
    end = text.index("approval:")
    return text[:start] + "  units:\n" + units + text[end:]


def negative_days(plan: dict) -> None:
    items = plan["workdays"]["other_enforcement"]["items"]
    items[0]["days"], items[5]["days"] = 350, -10


# Every part present, so that only the formulas speak. 6,000 = 2×3×1,000: the second formula
# multiplies 10^8 five times (10^40: past the 28-digit decimal context and 64-bit ints).
FORMULA_OVERFLOW = """\
document:
  parts: [officers, workday_calculation, key_arrangements, general_arrangements, basis, goals, safeguards]
  formulas:
    - text: 2×3×1000=5
      terms: [{value: 2}, {op: "×", value: 3}, {op: "×", value: 1000}]
      result: 5
    - text: 10^8×10^8×10^8×10^8×10^8=1
      terms: [{value: 100000000}, {op: "×", value: 100000000}, {op: "×", value: 100000000},
              {op: "×", value: 100000000}, {op: "×", value: 100000000}]
      result: 1
    - text: 1÷10^-999999=1e999999
      terms: [{value: 1}, {op: "÷", value: "1e-999999"}]
      result: "1e999999"
"""


def junk(seed: int, size: int = 64 * 1024) -> bytes:
    """Random bytes, NULs included (what a mis-saved or renamed binary looks like)."""
    return random.Random(seed).randbytes(size)


def mixed_encoding(text: str) -> bytes:
    """First half GB18030, second half UTF-8: two editors, one file."""
    half = len(text) // 2
    return text[:half].encode("gb18030") + text[half:].encode("utf-8")


# ---- documents ------------------------------------------------------------------------------

def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


def high_bytes(seed: int, size: int = 64 * 1024) -> bytes:
    """Random bytes 0x80–0xFF, no NUL and no ASCII: valid in no encoding a plan is written in."""
    rng = random.Random(seed)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(size))


def without_punctuation(seed: int, wrap: int = 0) -> str:
    """About 4.9 MB of the words plans are made of, with no punctuation and no figures."""
    rng = random.Random(seed)
    text = "".join(rng.choices("安全生产监督检查计划执法人员工作日重点一般企业单位开展组织实施加强领导", k=1_600_000))
    return "\n".join(text[i:i + wrap] for i in range(0, len(text), wrap)) if wrap else text


def truncated_docx() -> bytes:
    data = WORD.read_bytes()
    return data[: len(data) // 2]


def document_cases() -> dict[str, Case]:
    c = {
        "binary.txt": (lambda: junk(3), unreadable("编码")),
        "binary.docx": (lambda: junk(4), unreadable("损坏")),
        "binary.pdf": (lambda: junk(5), unreadable("损坏")),
        "high-bytes.txt": (lambda: high_bytes(6), unreadable("编码")),
        # Half of the seed in GB18030, half in UTF-8: no single decoding reads it, and guessing
        # one turns the other half's figures into mojibake. Said, not silently half-read.
        "mixed-encoding.txt": (lambda: mixed_encoding(seed_text()), unreadable("编码")),
        # UTF-16 with a BOM reads as the seed does; without one it cannot be told from binary.
        "utf16.txt": (lambda: seed_text().encode("utf-16"), Expectation(like="documents/lishan-2023.txt")),
        "utf16-no-bom.txt": (lambda: seed_text().encode("utf-16-le"), unreadable("编码")),
        "not-a-zip.docx": (lambda: "这不是 Word 文档，只是改了扩展名的文字。\n", unreadable("损坏")),
        "truncated.docx": (truncated_docx, unreadable("损坏")),
        "encrypted.pdf": (encrypted_pdf, unreadable("加密")),
        "no-text-layer.pdf": (drawing_pdf, unreadable("文字层")),
        # The seed with a separator line of 2,000,000 characters in the middle of it.
        "long-line.txt": (lambda: seed_with_line("=" * 2_000_000), Expectation(like="documents/lishan-2023.txt")),
        # The seed with a line of 100,000 digits: every figure pattern of the extractor meets it.
        "digits-line.txt": (lambda: seed_with_line("9" * 100_000), Expectation(like="documents/lishan-2023.txt")),
        # Chinese without punctuation just under the size limit, hard-wrapped and on one line:
        # no sentence ever ends, so nothing may join or search lines quadratically. What is
        # said is what a text with no plan in it deserves: it stops mid-sentence (DC005).
        "no-punctuation-wrapped.txt": (lambda: without_punctuation(7, wrap=38), Expectation(("DC005",), "不完整")),
        "no-punctuation-one-line.txt": (lambda: without_punctuation(8), Expectation(("DC005",), "不完整")),
        # Word never writes a DTD. A billion laughs in document.xml: lxml's amplification
        # guard stops the expansion, and the package is reported unreadable.
        "entity-bomb.docx": (lambda: docx_with_entities(BILLION_LAUGHS_DTD, "&lol9;"), unreadable("损坏")),
    }
    cases = {name: Case(contents(make), expect) for name, (make, expect) in c.items()}
    # An external entity naming a local file: never resolved, the rest read as anping-2023.
    cases["xxe.docx"] = Case(write_xxe_docx, Expectation(like="documents/anping-2023.docx"))
    return cases


def seed_with_line(line: str) -> str:
    lines = seed_text().splitlines()
    return "\n".join(lines[:20] + [line] + lines[20:]) + "\n"


# ---- Word documents with XML entities -------------------------------------------------------

BILLION_LAUGHS_DTD = ('<!ENTITY lol "lol">\n'
                      + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
                                for i in range(1, 10)))


def docx_with_entities(declarations: str, reference: str) -> bytes:
    """anping-2023.docx whose document.xml declares these entities in a DOCTYPE and uses
    `reference` in a paragraph appended at the end of the body (so that the paragraph numbers
    of the rest stay those of anping-2023.docx)."""
    source = zipfile.ZipFile(WORD)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                declaration_end = text.index("?>") + 2
                body_end = text.rindex("<w:sectPr")
                paragraph = f"<w:p><w:r><w:t>{reference}</w:t></w:r></w:p>"
                data = (text[:declaration_end] + f"\n<!DOCTYPE w:document [\n{declarations}]>"
                        + text[declaration_end:body_end] + paragraph + text[body_end:]).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def write_xxe_docx(path: Path) -> None:
    """The external entity names a file beside the document (a suffix no folder walk picks
    up); its content, XXE_MARKER, must never appear in a finding."""
    secret = path.with_name("xxe-target.dat")
    secret.write_text(XXE_MARKER, encoding="utf-8")
    path.write_bytes(docx_with_entities(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">\n', "&xxe;"))


# ---- a Word "zip bomb", assembled by hand ---------------------------------------------------

def deflate_repeated(prefix: bytes, chunk: bytes, count: int, suffix: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of prefix + chunk × count + suffix, and its CRC-32 and size, without
    compressing the repeats: after a full flush the compressor starts afresh, so the same
    chunk compresses to the same bytes each time."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "the repeated block must compress identically"
    tail = compressor.compress(suffix) + compressor.flush()
    crc = zlib.crc32(prefix)
    chunk_crc_state = crc
    for _ in range(count):
        chunk_crc_state = zlib.crc32(chunk, chunk_crc_state)
    crc = zlib.crc32(suffix, chunk_crc_state)
    return head + block * count + tail, crc, len(prefix) + len(chunk) * count + len(suffix)


def zip_archive(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, raw deflate data, crc, inflated size) entries, sizes below 4 GiB."""
    out = io.BytesIO()
    central = []
    for name, data, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0))
        out.write(encoded + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                                   len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), start, 0))
    return out.getvalue()


def deflated(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def docx_bomb() -> bytes:
    """A real .docx (anping-2023's other parts) whose word/document.xml inflates to 2 GiB:
    a paragraph of text, then 2 GiB of spaces inside the body (well-formed XML)."""
    source = zipfile.ZipFile(WORD)
    entries = []
    for info in source.infolist():
        data = source.read(info)
        if info.filename == "word/document.xml":
            text = data.decode("utf-8")
            body = text.index("<w:body>") + len("<w:body>")
            chunk = b" " * MB
            entries.append((info.filename, *deflate_repeated(text[:body].encode(), chunk, BOMB_INFLATED // MB,
                                                             text[body:].encode())))
        else:
            entries.append((info.filename, *deflated(data)))
    return zip_archive(entries)


# ---- PDFs, written by hand ------------------------------------------------------------------

def pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of numbered objects (1 is the catalog) with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b">>\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d " % len(content) + extra + b">>\nstream\n" + content + b"\nendstream"


def page_objects(content: bytes, extra: bytes = b"") -> list[bytes]:
    return [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            stream(content, extra)]


def drawing_pdf() -> bytes:
    """A page with a filled rectangle and no text: what a scan without OCR gives."""
    return pdf(page_objects(b"0 0 1 rg 100 100 300 400 re f"))


def encrypted_pdf() -> bytes:
    """A PDF whose trailer names the standard security handler with an owner and user key
    that no empty password opens: readers must say "encrypted", not "corrupt"."""
    key = bytes(range(32)).hex().encode()
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <" + key + b"> /U <" + key[::-1] + b"> /P -4 >>"
    objects = page_objects(b"BT /F1 12 Tf 72 720 Td (secret) Tj ET") + [encrypt]
    file_id = b"<" + bytes(16).hex().encode() + b">"
    return pdf(objects, b"/Encrypt 5 0 R /ID [" + file_id + b" " + file_id + b"] ")


def many_pages_pdf(count: int = 2000) -> bytes:
    """A text PDF of 2,000 pages sharing one content stream: reading them all took 81 s and
    1.8 GB before the page count was bounded."""
    font = b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    kids = b" ".join(b"%d 0 R" % (4 + n) for n in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
               stream(b"BT /F1 12 Tf 72 720 Td (Annex table, page after page) Tj ET")]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R " + font + b" >>"] * count
    return pdf(objects)


def pdf_bomb() -> bytes:
    """A page whose content stream inflates to 2 GiB of spaces (FlateDecode)."""
    data, _, _ = deflate_repeated(b"", b" " * MB, BOMB_INFLATED // MB, b"")
    wrapped = b"\x78\x01" + data + b"\x00\x00\x00\x00"   # zlib header; the wrong Adler-32 is never reached
    return pdf(page_objects(wrapped, b"/Filter /FlateDecode "))


# ---- big files, written in chunks -----------------------------------------------------------

def write_repeated(path: Path, unit: bytes, size: int) -> None:
    with path.open("wb") as out:
        block = unit * max(1, MB // len(unit))
        while out.tell() < size:
            out.write(block)


def big_cases() -> dict[str, Case]:
    return {
        # The seed document concatenated a thousand-odd times: refused from its size.
        "big-50mb.txt": Case(lambda path: write_repeated(path, (seed_text() + "\n").encode(), BIG),
                             unreadable("过大")),
        "big-50mb.yaml": Case(lambda path: write_repeated(path, b"# " + "注释".encode() * 30 + b"\n", BIG),
                              unreadable("过大")),
        # 10 GiB that take no disk: refused from its size, never read into memory.
        "sparse-10gb.yaml": Case(write_sparse, unreadable("过大")),
        # Refused without inflating 2 GiB, and saying why (not "corrupt").
        "zip-bomb.docx": Case(contents(docx_bomb), unreadable("过大")),
        "flate-bomb.pdf": Case(contents(pdf_bomb), unreadable("过大")),
        "many-pages.pdf": Case(contents(many_pages_pdf), unreadable("超过 200 页")),
    }


def write_sparse(path: Path) -> None:
    with path.open("wb") as out:
        out.truncate(10 * 1024 * MB)


# ---- paths that are not plain files ---------------------------------------------------------

def special_cases() -> dict[str, Case]:
    return {
        # A file that links to itself through another: opening it fails with ELOOP.
        "link-loop-a.yaml": Case(lambda path: os.symlink("link-loop-b.yaml", path),
                                 unreadable("符号链接循环", batch=False)),
        "link-loop-b.yaml": Case(lambda path: os.symlink("link-loop-a.yaml", path),
                                 unreadable("符号链接循环", batch=False)),
        # A folder named like a plan that contains a link to itself: a walk must end, and the
        # folder named as a file is said to be a folder.
        "folder-loop.yaml": Case(make_folder_loop, unreadable("目录", batch=False)),
        # A named pipe: reading it would wait for a writer for ever.
        "pipe.yaml": (Case(os.mkfifo, unreadable("不是普通文件", batch=False)) if hasattr(os, "mkfifo")
                      else Case(lambda path: None, Expectation(skip="此系统没有命名管道"))),
        # A device that never ends.
        "zero.txt": (Case(lambda path: os.symlink("/dev/zero", path), unreadable("不是普通文件", batch=False))
                     if Path("/dev/zero").exists() else Case(lambda path: None, Expectation(skip="此系统没有 /dev/zero"))),
        # No read permission. Root reads it anyway: then it is the clean plan it contains.
        "no-permission.yaml": Case(write_locked, Expectation() if running_as_root() else unreadable("没有读取权限")),
    }


def make_folder_loop(path: Path) -> None:
    path.mkdir()
    os.symlink(".", path / "again")


def write_locked(path: Path) -> None:
    path.write_text(clean_text(), encoding="utf-8")
    path.chmod(0)


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# ---- all of it ------------------------------------------------------------------------------

def word_cases() -> dict[str, Case]:
    """Word's places for text, and text that no reader sees (word_corpus.py)."""
    like = {name: Case(contents(make), Expectation(like="documents/anping-2023.docx"))
            for name, make in word_corpus.IN_CORPUS.items()}
    return {**like, **{name: Case(contents(make), unreadable(phrase)) for name, (make, phrase) in word_corpus.REFUSED.items()}}


def cases() -> dict[str, Case]:
    """Every case, nothing written: cheap enough to parametrise tests with."""
    return {**structured_cases(), **document_cases(), **word_cases(), **big_cases(), **special_cases()}


def build(directory: str | os.PathLike) -> dict[str, Expectation]:
    """Write every hostile file into `directory` (an existing folder without them); return
    each file name with what checking it must give."""
    directory = Path(directory)
    expected = {}
    for name, case in cases().items():
        if not case.expect.skip:
            case.write(directory / name)
        expected[name] = case.expect
    return expected


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    target.mkdir(parents=True, exist_ok=True)
    for file_name, expectation in sorted(build(target).items()):
        outcome = " ".join(expectation.codes) or expectation.like or expectation.skip or "（无发现）"
        print(f"{file_name:28} {outcome}  {expectation.phrase}")

"""Suppressions: findings a reviewer has looked at and accepted, with the reason written down.

Two places say so:
- an exceptions file (``--exceptions FILE`` or ``exceptions = "…"`` in the config): a YAML
  list of entries, each with ``files`` (a glob, relative to the exceptions file's folder),
  ``codes``, an optional ``field`` (a field-path prefix), a required ``reason`` and an optional
  ``expires`` date. An expired entry suppresses nothing and is reported;
- an inline comment in a YAML plan, ``# plan-rules: disable=WD001,WD010``: on the line of the
  finding, or on a line of its own among the comments at the top of the file for the whole
  file.

What the policy never suppresses (policy.py: IN001, a file that could not be read) is not
suppressed here either. Suppressed findings are
counted in the summary; a suppression that applied to a checked file but suppressed nothing
is reported as unused, on stderr, so that stale exceptions get cleaned up. Neither changes
the exit code.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .config import ConfigError, code_list, glob_matches
from .findings import Finding
from .policy import suppressible

ENTRY_KEYS = {"files", "codes", "field", "reason", "expires"}
DIRECTIVE = re.compile(r"(?:^|\s)#\s*plan-rules:\s*disable=([A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)")


@dataclass(frozen=True)
class Suppression:
    codes: tuple[str, ...]
    origin: str                      # where it is written, for messages
    files: str = ""                  # exceptions: a glob relative to `base`
    base: str = ""
    path: str = ""                   # inline: the plan it is written in
    line: Optional[int] = None       # inline: the finding's line; None for the whole file
    field: str = ""                  # a field-path prefix
    reason: str = ""
    expires: Optional[dt.date] = None

    def applies_to_file(self, name: str) -> bool:
        return name == self.path if self.path else glob_matches(self.files, name, self.base)

    def covers(self, finding: Finding) -> bool:
        return (suppressible(finding.code)
                and any(finding.code.startswith(code) for code in self.codes)
                and self.applies_to_file(finding.file)
                and (self.line is None or finding.line == self.line)
                and is_within(finding.field, self.field))

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def describe(self) -> str:
        return f"{self.origin}（{','.join(self.codes)}）"


def is_within(field_path: str, prefix: str) -> bool:
    """`workdays.key` is within `workdays`, but `workdays_x` is not."""
    return (not prefix or field_path == prefix
            or field_path.startswith(prefix + ".") or field_path.startswith(prefix + "["))


class Suppressor:
    """Applies the active suppressions to findings one by one, and remembers which were used."""

    def __init__(self, suppressions: Iterable[Suppression], today: Optional[dt.date] = None):
        self.today = today or dt.date.today()
        self.expired: list[Suppression] = []
        self.active: list[Suppression] = []
        self.shared: list[Suppression] = []
        self.inline: dict[str, list[Suppression]] = {}
        self.used: set[Suppression] = set()
        self.applicable: set[Suppression] = set()     # those that apply to a file checked
        self.suppressed = 0
        self.add(suppressions)

    def add(self, suppressions: Iterable[Suppression]) -> None:
        """More suppressions: a batch adds each plan's inline ones as the plan comes, before
        its findings, which are the only ones they can cover."""
        for s in suppressions:
            if s.expired(self.today):
                self.expired.append(s)
                continue
            self.active.append(s)
            if s.path:
                self.inline.setdefault(s.path, []).append(s)
            else:
                self.shared.append(s)

    def keeps(self, finding: Finding) -> bool:
        covering = [s for s in self.shared + self.inline.get(finding.file, []) if s.covers(finding)]
        self.used.update(covering)
        self.suppressed += bool(covering)
        return not covering

    def saw_file(self, name: str) -> None:
        """A file was checked: the suppressions that apply to it could have been used. Noted as
        the batch goes, so that it need not keep every path for unused()."""
        self.applicable.update(s for s in self.shared if s not in self.applicable and s.applies_to_file(name))
        self.applicable.update(self.inline.get(name, ()))

    def unused(self, selects: Callable[[str], bool]) -> list[Suppression]:
        """Active suppressions that could have been used in this run (a rule they name was
        selected, a file they apply to was checked) but suppressed nothing."""
        return [s for s in self.active if s not in self.used and any(selects(code) for code in s.codes)
                and s in self.applicable]


def inline_suppressions(data: bytes, path: str) -> tuple[Suppression, ...]:
    """`# plan-rules: disable=…` comments of a YAML plan: comments only, not the same words
    inside a quoted string or a block of text, which are part of the plan."""
    if b"plan-rules:" not in data:
        return ()
    text = data.decode("utf-8-sig", errors="replace")
    within_text = scalar_spans(text)
    found = []
    in_header = True
    for number, line in enumerate(text.splitlines(), 1):
        own_line = line.lstrip().startswith("#")
        match = DIRECTIVE.search(line)
        if match and not within_text(number, line.index("#", match.start())):
            codes = tuple(code.strip().upper() for code in match.group(1).split(","))
            whole_file = own_line and in_header
            found.append(Suppression(codes=codes, origin=f"{path}:{number}", path=path,
                                     line=None if whole_file else number))
        if line.strip() and not own_line:
            in_header = False
    return tuple(found)


def scalar_spans(text: str) -> Callable[[int, int], bool]:
    """A test: is (line, column), both 1-based and 0-based as Python counts them, inside a
    scalar of this YAML text? From libyaml's tokens, which know where a quoted string or a
    `|` block ends. A text libyaml cannot scan has no suppressions (it is IN001 anyway)."""
    import yaml

    try:
        spans = [((t.start_mark.line + 1, t.start_mark.column), (t.end_mark.line + 1, t.end_mark.column))
                 for t in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
                 if isinstance(t, yaml.ScalarToken)]
    except yaml.YAMLError:
        return lambda line, column: True
    return lambda line, column: any(start <= (line, column) < end for start, end in spans)


def load_exceptions(path: str, known_codes: set[str]) -> tuple[Suppression, ...]:
    """The entries of an exceptions file; a malformed one is a one-line ConfigError.

    Read as plans are (load.parse_yaml): the YAML 1.2 schema, so that `expires: 2026-02-30`
    is a date the entry refuses rather than a traceback, and nesting, aliases and duplicate
    keys refused."""
    from .load import InputError, parse_yaml

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: 无法读取例外文件：{getattr(error, 'strerror', None) or error}") from None
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return ()
    try:
        entries, _ = parse_yaml(text)
    except InputError as error:
        place = f"（第 {error.line} 行）" if error.line else ""
        raise ConfigError(f"{path}: 例外文件 {error}{place}") from None
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: 例外文件应为条目列表（每条以“- files:”开头）")
    base = str(Path(path).absolute().parent)
    return tuple(parse_entry(entry, f"{path} 第 {index} 条", base, known_codes)
                 for index, entry in enumerate(entries, 1))


def parse_entry(entry: Any, where: str, base: str, known_codes: set[str]) -> Suppression:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: 应为键值映射（files、codes、reason 等）")
    unknown = sorted(set(entry) - ENTRY_KEYS)
    if unknown:
        raise ConfigError(f"{where}: 未知的键 {', '.join(map(str, unknown))}（可用：{', '.join(sorted(ENTRY_KEYS))}）")
    for key in ("files", "codes", "reason"):
        if not entry.get(key):
            raise ConfigError(f"{where}: 缺少 {key}")
    if not isinstance(entry["files"], str) or not isinstance(entry["reason"], str):
        raise ConfigError(f"{where}: files 与 reason 应为文字")
    codes = code_list(entry["codes"], known_codes, f"{where}: codes")
    if not all(suppressible(code) for code in codes):
        raise ConfigError(f"{where}: IN001（文件无法读取）不能抑制")
    return Suppression(codes=codes, origin=where, files=entry["files"], base=base,
                       field=str(entry.get("field") or ""), reason=entry["reason"],
                       expires=parse_expiry(entry.get("expires"), where))


def parse_expiry(value: Any, where: str) -> Optional[dt.date]:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: expires 应为日期（如 2026-12-31），实际为 {value!r}") from None

"""Thresholds and selection that users may change, and the config file they come from.

Every threshold rests on practice rather than verified text (docs/architecture.md, "Policy"), which is
why it is configurable. Settings are layered, later wins: built-in defaults, the provincial
profile, the config file, the command line. The config file is ``--config FILE``, else the
nearest ``plan-rules.toml``, ``.plan-rules.toml`` or ``pyproject.toml`` with a
``[tool.plan-rules]`` table, looking upward from the checked paths. Globs in it are relative
to its folder; a glob without ``/`` matches a file name in any folder.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Iterable, Literal, Optional

WorkdayPolicy = Literal["standard", "calendar", "either"]
CONFIG_NAMES = ("plan-rules.toml", ".plan-rules.toml", "pyproject.toml")
SEVERITY_NAMES = ("error", "warning", "info")


class ConfigError(ValueError):
    """A setting that cannot be used: reported as one line, exit code 2."""


@dataclass(frozen=True)
class Thresholds:
    # WD001: which per-person figure d is accepted: the method's 250, the calendar count, or
    # either of them (or the ministry's fixed figure).
    workday_policy: WorkdayPolicy = "either"
    # WD010: how many units of the last printed digit a percentage may be off before the
    # warning becomes an error (truncation or forced-to-100 rounding is one unit).
    percent_tolerance_units: int = 1
    # ST003: counted officers as a share of registered staff, in percent.
    staff_share_floor: int = 70
    # WD011: supervision days S as a share of the total T, in percent.
    supervision_share_floor: int = 10
    # WD012: whether half days (x.5) are accepted as workday figures.
    allow_half_days: bool = False


# Thresholds that provinces set differently. These are EXAMPLES of how a province's practice
# can be written down, not verified statements of its rules: check your own province's
# implementing rules before relying on a profile (docs/reviewers.md says the same to users).
PROFILES: dict[str, dict[str, Any]] = {
    "national": {},
    "liaoning": {"workday_policy": "calendar", "staff_share_floor": 70},
    "jiangsu": {"workday_policy": "standard", "staff_share_floor": 80},
    "guangdong": {"workday_policy": "either", "staff_share_floor": 60},
}


@dataclass(frozen=True)
class Config:
    thresholds: Thresholds = field(default_factory=Thresholds)
    select: tuple[str, ...] = ()      # codes or prefixes; empty means all
    ignore: tuple[str, ...] = ()
    severity_overrides: tuple[tuple[str, str], ...] = ()   # (code, severity name)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (glob, codes or prefixes)
    include: tuple[str, ...] = ()     # globs of files to check inside folders; empty means every supported file
    exclude: tuple[str, ...] = ()     # globs of files and folders to skip inside folders
    exceptions: Optional[str] = None  # the exceptions file (plan_rules.suppress)
    base: str = "."                   # the folder that globs are relative to
    source: str = ""                  # the config file read, if any

def glob_matches(pattern: str, path: str, base: str) -> bool:
    """`*` matches across folders; a pattern without `/` matches the file or folder name."""
    if "/" not in pattern:
        return fnmatchcase(Path(os.path.abspath(path)).name, pattern)
    target = Path(os.path.realpath(path))     # resolved as the config search resolves (find_config_file)
    try:
        relative = target.relative_to(os.path.realpath(base)).as_posix()
    except ValueError:
        relative = target.as_posix()
    return fnmatchcase(relative, pattern)


def find_config_file(paths: Iterable[str]) -> Optional[Path]:
    """The nearest config file above the checked paths (their common folder), or above cwd."""
    # Resolved first: `/x/evil/../proj/plan.yaml` is in /x/proj, and must not take the
    # config of /x/evil, which the path only spells.
    folders = [Path(p).resolve() if Path(p).is_dir() else Path(p).resolve().parent
               for p in paths if p != "-"]
    start = Path(os.path.commonpath(folders)) if folders else Path.cwd()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or has_tool_table(candidate)):
                return candidate
    return None


def has_tool_table(pyproject: Path) -> bool:
    """A malformed pyproject.toml on the way up is an error, not passed over: it may hold the
    settings the user meant (ConfigError from read_toml)."""
    tool = read_toml(pyproject).get("tool", {})
    return isinstance(tool, dict) and "plan-rules" in tool


def read_toml(path: Path) -> dict:
    try:
        import tomllib
    except ImportError:     # Python 3.10
        try:
            import tomli as tomllib
        except ImportError:
            raise ConfigError(f"{path}: 读取 TOML 配置需要 Python 3.11 或安装 tomli") from None
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: 无法读取配置文件：{error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        from .parse_errors import toml_problem_zh
        raise ConfigError(f"{path}: TOML 语法错误，{toml_problem_zh(error)}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: 配置文件不是 UTF-8 编码（第 {error.start} 字节无法解码）") from None
    except RecursionError:
        raise ConfigError(f"{path}: 配置文件嵌套过深，不是 plan-rules 的配置") from None


def read_config_file(path: Path) -> dict:
    table = read_toml(path)
    if path.name == "pyproject.toml":
        table = table.get("tool", {}).get("plan-rules", {})
    return table


def load_config(paths: Iterable[str], known_codes: set[str], config_file: Optional[str] = None,
                flags: Optional[dict] = None) -> Config:
    """The config for a run: the file's settings, then the command line's `flags` over them
    (same keys as the file; paths in flags are relative to cwd)."""
    source = Path(config_file) if config_file else find_config_file(paths)
    settings = read_config_file(source) if source else {}
    base = source.parent if source else Path.cwd()
    settings = {key.replace("_", "-"): value for key, value in settings.items()}
    if isinstance(settings.get("exceptions"), str):
        settings["exceptions"] = str(base / settings["exceptions"])
    flags = flags or {}
    parse_settings(flags, known_codes, "命令行", Path.cwd())    # so that a bad flag is named as such
    return parse_settings({**settings, **flags}, known_codes, str(source or "命令行"), base, str(source or ""))


SETTING_KEYS = ("profile", "select", "ignore", "per-file-ignores", "severity", "thresholds",
                "include", "exclude", "exceptions")


def parse_settings(settings: dict, known_codes: set[str], where: str, base: Path, source: str = "") -> Config:
    unknown = sorted(set(settings) - set(SETTING_KEYS))
    if unknown:
        raise ConfigError(f"{where}: 未知的配置项 {', '.join(unknown)}（可用：{', '.join(SETTING_KEYS)}）")
    return Config(
        thresholds=parse_thresholds(settings.get("profile"), settings.get("thresholds", {}), where),
        select=code_list(settings.get("select", []), known_codes, f"{where}: select"),
        ignore=code_list(settings.get("ignore", []), known_codes, f"{where}: ignore"),
        severity_overrides=parse_severities(settings.get("severity", {}), known_codes, where),
        per_file_ignores=parse_per_file_ignores(settings.get("per-file-ignores", {}), known_codes, where),
        include=string_list(settings.get("include", []), f"{where}: include"),
        exclude=string_list(settings.get("exclude", []), f"{where}: exclude"),
        exceptions=optional_string(settings.get("exceptions"), f"{where}: exceptions"),
        base=str(base), source=source)


def code_list(value: Any, known_codes: set[str], where: str) -> tuple[str, ...]:
    """Rule codes or prefixes (`WD`, `WD01`), each naming at least one rule."""
    codes = tuple(code.strip().upper() for code in string_list(value, where) if code.strip())
    for code in codes:
        if not any(known.startswith(code) for known in known_codes):
            raise ConfigError(f"{where}: 未知的规则编号或前缀 {code}")
    return codes


def string_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: 应为文字列表")
    return tuple(value)


def optional_string(value: Any, where: str) -> Optional[str]:
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{where}: 应为文字")
    return value


def parse_severities(table: Any, known_codes: set[str], where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: severity 应为“规则编号 = 级别”的表")
    overrides = []
    for code, severity in table.items():
        if code.upper() not in known_codes:
            raise ConfigError(f"{where}: severity 中未知的规则编号 {code}")
        if severity not in SEVERITY_NAMES:
            raise ConfigError(f"{where}: severity.{code} 应为 {'、'.join(SEVERITY_NAMES)} 之一，实际为 {severity!r}")
        overrides.append((code.upper(), severity))
    return tuple(overrides)


def parse_per_file_ignores(table: Any, known_codes: set[str], where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: per-file-ignores 应为“文件通配符 = [规则编号]”的表")
    return tuple((pattern, code_list(codes, known_codes, f"{where}: per-file-ignores.{pattern}"))
                 for pattern, codes in table.items())


def parse_thresholds(profile: Any, table: Any, where: str) -> Thresholds:
    if profile is not None and not isinstance(profile, str):
        raise ConfigError(f"{where}: profile 应为一个省份配置的名称（文字，如 \"liaoning\"），实际为 {profile!r}")
    if profile is not None and profile not in PROFILES:
        raise ConfigError(f"{where}: 未知的省份配置 {profile!r}（可用：{', '.join(PROFILES)}）")
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: thresholds 应为表")
    values = {**PROFILES.get(profile, {}), **{key.replace("-", "_"): value for key, value in table.items()}}
    known = {f.name: f for f in fields(Thresholds)}
    for name, value in values.items():
        if name not in known:
            raise ConfigError(f"{where}: 未知的阈值 thresholds.{name}（可用：{', '.join(known)}）")
        check_threshold(name, value, where)
    return Thresholds(**values)


def check_threshold(name: str, value: Any, where: str) -> None:
    if name == "workday_policy":
        if value not in ("standard", "calendar", "either"):
            raise ConfigError(f"{where}: thresholds.workday_policy 应为 standard、calendar 或 either，实际为 {value!r}")
    elif name == "allow_half_days":
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: thresholds.allow_half_days 应为 true 或 false，实际为 {value!r}")
    elif not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
        raise ConfigError(f"{where}: thresholds.{name} 应为 0 到 100 的整数，实际为 {value!r}")

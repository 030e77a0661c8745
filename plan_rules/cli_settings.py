"""The options that choose rules and thresholds, shared by `check` and `annotate`, and the
rulebook, config and exceptions they load to."""
from __future__ import annotations

import os

import click

from .config import PROFILES

FAIL_ON = ("error", "warning", "info", "never")


def settings_options(command):
    """--config, --profile, --exceptions, --select, --ignore, --fail-on."""
    options = [
        click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), metavar="文件",
                     help="配置文件（默认向上查找 plan-rules.toml、.plan-rules.toml 或 pyproject.toml 的 [tool.plan-rules]）"),
        click.option("--profile", type=click.Choice(list(PROFILES)), help="省份阈值示例配置（见 docs/reviewers.md）"),
        click.option("--exceptions", type=click.Path(dir_okay=False), metavar="文件",
                     help="例外文件（YAML：files、codes、reason、expires）"),
        click.option("--select", multiple=True, metavar="编号", help="只报告这些规则（编号或前缀，逗号分隔）"),
        click.option("--ignore", multiple=True, metavar="编号", help="不报告这些规则（编号或前缀，逗号分隔）"),
        click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
                     help="达到此级别（错误、警告、提示；never 为从不）的发现时退出码为 1"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def load_settings(paths, config_file, profile, exceptions, select, ignore):
    """(rulebook, config, exceptions); RuleError or ConfigError for a bad rule file or setting."""
    from .config import load_config
    from .ruleset import load_rulebook
    from .suppress import load_exceptions

    rulebook = load_rulebook()
    known = {r.code for r in rulebook.rules}
    flags = {"select": split_codes(select), "ignore": split_codes(ignore), "profile": profile,
             "exceptions": exceptions and os.path.abspath(exceptions)}
    config = load_config(paths, known, config_file, {k: v for k, v in flags.items() if v})
    suppressions = load_exceptions(config.exceptions, known) if config.exceptions else ()
    return rulebook, config, suppressions

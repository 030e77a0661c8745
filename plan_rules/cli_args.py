"""Files whose names begin with "-", on the command line of `check`.

pre-commit puts the files of a commit after the hook's own arguments with no "--" between,
so a plan named -2021.yaml was taken for the option -2 and the hook failed. An argument that
names an existing file and is none of the command's options — not an option's name, not
`--name=value`, not a short option with its value attached, not a cluster of short flags — is
a path wherever it stands: it is moved after a "--".
"""
from __future__ import annotations

import os

import click

from .click_chinese import Command


class DashedPathsCommand(Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, dashed_paths_last(args, self))


def dashed_paths_last(args: list[str], command: click.Command) -> list[str]:
    end = args.index("--") if "--" in args else len(args)
    options = [p for p in command.params if isinstance(p, click.Option)]
    names = {name for p in options for name in (*p.opts, *p.secondary_opts)}
    takes_value = {name for p in options if not p.is_flag and not p.count for name in p.opts}
    flags = {name[1] for name in names - takes_value if len(name) == 2 and name[0] == "-"}
    kept, paths, value_due = [], [], False
    for arg in args[:end]:
        if not value_due and is_dashed_path(arg, names, takes_value, flags):
            paths.append(arg)
            continue
        kept.append(arg)
        value_due = not value_due and arg in takes_value
    if not paths:
        return args
    return kept + ["--"] + paths + args[end + 1:]


def is_dashed_path(arg: str, names: set[str], takes_value: set[str], flags: set[str]) -> bool:
    if not arg.startswith("-") or arg in ("-", "--") or not os.path.isfile(arg):
        return False
    if arg.split("=", 1)[0] in names:
        return False
    if not arg.startswith("--"):
        if arg[:2] in takes_value or set(arg[1:]) <= flags:
            return False        # -fjson, -j4; -qh
    return True

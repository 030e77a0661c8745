"""The files a batch checks: those named, and the plan and office files found under named
folders; and the files found there that are no plan format."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .check import SUPPORTED_SUFFIXES
from .config import CONFIG_NAMES, Config, glob_matches
from .office_files import OFFICE_SUFFIXES

STDIN = "-"


def discover(paths: Iterable[str], config: Config = Config()) -> list[str]:
    return find_files(paths, config)[0]


def find_files(paths: Iterable[str], config: Config = Config()) -> tuple[list[str], list[str]]:
    """The files to check, and the files in the folders that are no plan format (listed, so
    that a folder of pictures does not pass for checked).

    Files named directly are checked whatever their suffix (an unsupported one is IN001);
    folders are searched for plan files and office files (a .doc or .xlsx may be a plan: it is
    converted or reported, never passed over) matching `include` and not `exclude`, following
    links to folders but never into the same folder twice (a link loop ends there). Hidden
    files and folders are skipped, and so are the exceptions file and config files."""
    found: dict[str, None] = {}
    unchecked: list[str] = []
    for name in paths:
        if name != STDIN and Path(name).is_dir():
            files, others = walk(name, config)
            found.update(dict.fromkeys(files))
            unchecked += others
        else:
            found[name] = None
    return list(found), unchecked


def walk(root: str, config: Config) -> tuple[list[str], list[str]]:
    seen: set[tuple[int, int]] = set()
    files, others = [], []
    for folder, subfolders, names in os.walk(root, followlinks=True):
        status = os.stat(folder)
        if (status.st_dev, status.st_ino) in seen:
            subfolders.clear()
            continue
        seen.add((status.st_dev, status.st_ino))
        subfolders[:] = sorted(d for d in subfolders if not skipped(os.path.join(folder, d), config))
        for path in (os.path.join(folder, n) for n in names):
            if not considered(path, config) or not os.path.isfile(path):
                continue
            (files if Path(path).suffix.lower() in CHECKED_SUFFIXES else others).append(path)
    return sorted(files), sorted(others)


def skipped(path: str, config: Config) -> bool:
    return os.path.basename(path).startswith(".") or any(glob_matches(p, path, config.base) for p in config.exclude)


# Checked in folders: plan formats, and office formats (converted, or reported as IN001).
CHECKED_SUFFIXES = SUPPORTED_SUFFIXES + OFFICE_SUFFIXES


def considered(path: str, config: Config) -> bool:
    """Not hidden, not excluded, matching `include`, and neither the exceptions file nor a
    config file."""
    if skipped(path, config) or os.path.basename(path) in CONFIG_NAMES:
        return False
    if config.exceptions and os.path.abspath(path) == os.path.abspath(config.exceptions):
        return False
    return not config.include or any(glob_matches(p, path, config.base) for p in config.include)

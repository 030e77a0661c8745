"""Shared checkers: building the durable_rules Host is costly and it is never freed
(ENGINE.md §2.4), so one of each per test session."""
from __future__ import annotations

import pytest

from plan_rules.check import Checker


@pytest.fixture(scope="session")
def engine_checker() -> Checker:
    return Checker(use_engine=True)


@pytest.fixture(scope="session")
def python_checker() -> Checker:
    return Checker(use_engine=False)

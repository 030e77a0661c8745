"""Shared checkers: building the durable_rules Host is costly and it is never freed
(ENGINE.md §2.4), so one of each per test session."""
from __future__ import annotations

import pytest

from plan_rules.check import Checker


@pytest.fixture(scope="session")
def engine_checker() -> Checker:
    from plan_rules.engine import DurableEngine

    checker = Checker(use_engine=True)
    # Checker falls back to the plain evaluator when durable_rules cannot be imported; the
    # differential tests would then compare the evaluator with itself.
    assert isinstance(getattr(checker.evaluate, "__self__", None), DurableEngine), "durable_rules 引擎未载入"
    return checker


@pytest.fixture(scope="session")
def python_checker() -> Checker:
    return Checker(use_engine=False)

"""Figures as the engine carries them: exact decimals in fixed point (docs/architecture.md,
"Numbers").

The engine compares and adds in 64-bit ints and doubles; doubles are not exact (2500.3 −
800.1 − 1000.1 is 700.1000000000003 in them), so every figure that may have decimals is
carried as an int of ten-thousandths: 700.1 is 7001000. Sums, differences and products with
counts are then exact in the engine, in the plain evaluator and in messages alike. A plan's
figure with a finer fraction than 1/10,000 (never a plan's; WD012 reports it as written) is
carried to the nearest ten-thousandth.
"""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Optional

SCALE = 10_000
# Decimal figures carried: |v| < 10^14, so |v × SCALE| < 10^18, within the engine's 64-bit
# ints (which saturate silently beyond), with room for a product with a count of people.
LIMIT = 10 ** 14


def decimal_of(value) -> Optional[Decimal]:
    """A model figure as the exact decimal it was written as: a float by its shortest text,
    which is the text it was read from (2500.3, not 2500.300000000000182…)."""
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, int):          # bool included: true is 1
        return Decimal(int(value))
    return Decimal(repr(value))


# Below 2^53 a whole float is exactly its int, and its shortest text is that int's digits:
# such a figure needs no trip through text and Decimal.
EXACT_FLOAT_INTS = 2 ** 53


def whole_number(value) -> Optional[int]:
    """The figure as an int where it is a whole number (most are: the model reads days as
    floats, 250.0), else None; the same int the exact decimal would give."""
    kind = type(value)
    if kind is int:
        return value
    if kind is float and value.is_integer() and -EXACT_FLOAT_INTS < value < EXACT_FLOAT_INTS:
        return int(value)
    return None


def exact(value):
    """A figure as an exact number to add and multiply: its int where whole (cheap), else its
    exact decimal."""
    whole = whole_number(value)
    return whole if whole is not None else decimal_of(value)


def units(value) -> Optional[int]:
    """The figure in ten-thousandths, an int the engine compares exactly."""
    whole = whole_number(value)
    if whole is not None:
        return whole * SCALE
    exact = decimal_of(value)
    if exact is None:
        return None
    return int((exact * SCALE).to_integral_value(ROUND_HALF_EVEN))


def carried(value) -> Optional[int]:
    """The units of a decimal of any size (a printed formula's, a restated figure's), or None
    where it is beyond what is carried: then no rule compares it."""
    exact = decimal_of(value)
    return units(exact) if in_range(exact) else None


def from_units(value: int) -> Decimal:
    return (Decimal(value) / SCALE).normalize() if value % SCALE else Decimal(value // SCALE)


def in_range(value: Optional[Decimal]) -> bool:
    """Whether a decimal can be carried (printed formulas and percentages may be anything)."""
    return value is not None and value.is_finite() and abs(value) < LIMIT


def show(value) -> str:
    """A figure as a message prints it: 1458, 12.5, 0.00001 (never 1E-5 or 12.50)."""
    whole = whole_number(value)
    if whole is not None:
        return str(whole)
    exact = decimal_of(value)
    if exact is None:
        return ""
    text = format(exact.normalize(), "f")
    return "0" if text == "-0" else text


def json_number(value: Decimal) -> int | float:
    """A figure for JSON and SARIF: an int where whole, else the float whose shortest text is
    the decimal (700.1 is written 700.1)."""
    return int(value) if value == value.to_integral_value() else float(value)

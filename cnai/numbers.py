"""Numbers as people write them, in and out, without pint.

This module owns the AI world's count suffixes (`7B`, `235B`, `0.44B`, `32K`) for parameters
and tokens, and exact decimal parsing. It imports nothing heavy, so the registry loader and
`list --json` can use it without paying for pint. Money words (억, 万, billion …) join here
with the money issue.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# K/M/B/T as model cards write them. Decimal (1,000-based) for parameters; token counts in
# the registry are exact integers, so no 1,024 ambiguity arises there.
COUNT_SUFFIXES: dict[str, int] = {
    "": 1,
    "k": 10**3,
    "m": 10**6,
    "b": 10**9,
    "t": 10**12,
}

_COUNT_RE = re.compile(r"^\s*([0-9][0-9_,]*(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)\s*([kmbt]?)\s*$", re.I)


def parse_count(text: str) -> int:
    """`'235B'` → 235000000000, `'0.44B'` → 440000000, `'32768'` → 32768.

    Raises ValueError (with a readable message) for anything else; the result must be a whole
    non-negative number, so `'1.5'` is rejected while `'1.5K'` is 1500.
    """
    match = _COUNT_RE.match(text)
    if not match:
        raise ValueError(f"expected a count such as 7B, 235B or 32768, got {text!r}")
    digits, suffix = match.groups()
    try:
        number = Decimal(digits.replace("_", "").replace(",", "")) * COUNT_SUFFIXES[suffix.lower()]
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid decimals
        raise ValueError(f"not a number: {text!r}") from exc
    if number != number.to_integral_value():
        raise ValueError(f"a count must be a whole number, got {text!r}")
    return int(number)


def format_count(value: int, *, exact_below: int = 1000) -> str:
    """Compact display of a count: 235000000000 → '235B', 7615616512 → '7.62B', 440000000 → '440M'.

    Up to three significant digits, trailing zeros dropped; values below `exact_below` print
    as they are. Display only: JSON always carries the exact integer.
    """
    if value < exact_below:
        return str(value)
    for suffix, scale in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if value >= scale:
            scaled = Decimal(value) / scale
            digits = 2 if scaled < 10 else 1 if scaled < 100 else 0
            text = f"{scaled:.{digits}f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    return str(value)  # pragma: no cover - exact_below >= 1 covers the rest


def format_tokens(value: int) -> str:
    """Context windows as people say them: 131072 → '128K', 200000 → '200K', 1000000 → '1M'.

    Powers of two are read in 1,024s (the 32K/128K convention of model cards); round decimal
    values in 1,000s. Anything else falls back to the compact count.
    """
    if value >= 1024**2 and value % 1024**2 == 0:
        return f"{value // 1024**2}M"
    if value >= 10**6 and value % 10**6 == 0:
        return f"{value // 10**6}M"
    if value >= 1024 and value % 1024 == 0:
        return f"{value // 1024}K"
    if value >= 1000 and value % 1000 == 0:
        return f"{value // 1000}K"
    return format_count(value)


def format_thousands(value: float | int, decimals: int = 0) -> str:
    """12345678 → '12,345,678' (display only)."""
    return f"{value:,.{decimals}f}"

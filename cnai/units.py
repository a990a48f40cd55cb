"""Unit-safe conversions: money between currencies at dated rates, parameters, tokens.

pint lives here and nowhere else, and is imported only when a conversion is actually made
and no stored factor answers it: when a registry is built for the cache, `table_factors` asks
pint for every currency pair of every rate table, and the cached Registry carries them, so a
warm run applies pint's own numbers without importing pint (byte-identical output; a test
compares every pair and table). `--rate` overrides, and runs without a cache, use pint.
The registry is private (`UnitRegistry(None)`: none of pint's default units, so `m`, `cd` or
`kUSD` mean nothing) and holds only our dimensions: parameters, tokens and currency. Every
currency is defined as `nan` of an abstract reference unit; real values come from one context
per conversion, built from the chosen rate table (pint's documented approach to currencies).
A conversion that would need a missing rate therefore yields NaN, which is turned into an
error naming the pair and the table — never printed as a number.

User text never reaches pint: amounts are parsed by `numbers.py` and currency codes are
checked against the allow-list of codes that have rates.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any, NamedTuple

from cnai.errors import UsageError
from cnai.registry import Registry
from cnai.schema import RateTable

REFERENCE = "XCU"  # abstract reference currency: 1 XCU = 1 unit of a table's base
QUANTITY_UNITS = ("param", "token")
_CONTEXT = "cnai-rates"  # the pint context of one conversion's rates; removed after each use
_RATE_OPTION = re.compile(
    r"^\s*([A-Za-z]{3})\s*:\s*([A-Za-z]{3})\s*=\s*([0-9][0-9_,]*(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*$"
)


class Override(NamedTuple):
    """`--rate FROM:TO=VALUE`: 1 FROM = VALUE TO, for this run only."""

    source: str
    target: str
    value: float

    @property
    def text(self) -> str:
        return f"{self.source}:{self.target}={self.value:g}"


class RateUsed(NamedTuple):
    """What a converted figure states: 1 `source` = `value` `target`, from where and when."""

    source: str
    target: str
    value: float
    date: str | None  # the table's date; None for a --rate override
    origin: str | None  # registry source key of the table; None for an override
    override: bool = False


def parse_override(text: str) -> Override:
    match = _RATE_OPTION.match(text)
    if not match:
        raise UsageError(f"bad --rate {text!r}; write FROM:TO=VALUE, e.g. CNY:KRW=193 (1 CNY = 193 KRW)")
    source, target, number = match.group(1).upper(), match.group(2).upper(), match.group(3)
    value = float(number.replace("_", "").replace(",", ""))
    if not math.isfinite(value) or value <= 0:
        raise UsageError(f"bad --rate {text!r}: a rate must be a positive, finite number")
    if source == target:
        raise UsageError(f"bad --rate {text!r}: the two currencies are the same")
    return Override(source, target, value)


def parse_date(text: str) -> date:
    """A date as typed: `2025-04-30`, or `2025-04` / `2024` as `cnai rates` dates its tables,
    which stand at their period's middle (`effective_date`), so `--as-of 2024` selects the 2024
    annual table."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}(-\d{2})?", text):
            return effective_date(text)
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"bad date {text!r}; write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2025-04-30") from None


def effective_date(text: str) -> date:
    """A table's or figure's date as one day: partial dates stand at their period's middle.

    `2025-01` (a month) → 2025-01-15; `2024` (a year's average) → 2024-07-02.
    """
    if len(text) == 4:
        return date(int(text), 7, 2)
    if len(text) == 7:
        return date(int(text[:4]), int(text[5:]), 15)
    return date.fromisoformat(text)


class Converter:
    """Conversions against one registry's rate tables and this run's overrides."""

    def __init__(self, reg: Registry, overrides: list[Override] | None = None, as_of: date | None = None):
        self.reg = reg
        self.overrides = list(overrides or [])
        self.as_of = as_of
        self.tables = list(reg.rates.values())
        codes = reg.currencies()
        for o in self.overrides:
            codes.update((o.source, o.target))
        self.codes = frozenset(codes)
        self._ureg: Any = None
        self._factors: dict[tuple[str, str, tuple[tuple[str, float], ...]], float] = {}

    # -- currency checks

    def check_currency(self, code: str) -> str:
        """The upper-cased code if it is one we have rates for; UsageError otherwise."""
        from cnai.numbers import currency_word

        upper = currency_word(code) or code.strip().upper()
        if upper not in self.codes:
            known = ", ".join(sorted(self.codes))
            raise UsageError(f"unknown currency {code!r}; rates exist for {known}")
        return upper

    # -- choosing a table

    def table_for(self, figure_date: str | None) -> RateTable | None:
        """--as-of: the latest table on or before it; else the table nearest the figure's date;
        with neither, the latest table."""
        if not self.tables:
            return None
        if self.as_of is not None:
            eligible = [t for t in self.tables if effective_date(t.date) <= self.as_of]
            if not eligible:
                raise UsageError(f"no exchange-rate table on or before {self.as_of.isoformat()}")
            return max(eligible, key=lambda t: effective_date(t.date))
        if figure_date is None:
            return max(self.tables, key=lambda t: effective_date(t.date))
        when = effective_date(figure_date)
        # Nearest in days; on a tie the earlier table (known at the time) wins.
        return min(self.tables, key=lambda t: (abs((effective_date(t.date) - when).days), effective_date(t.date)))

    # -- conversions

    def money(
        self, value: float, source: str, target: str, *, figure_date: str | None = None
    ) -> tuple[float, RateUsed]:
        """`value` of `source` in `target`, with the rate that was used."""
        source, target = self.check_currency(source), self.check_currency(target)
        _check_amount(value)
        rate = self._rate(source, target, figure_date)
        return value * rate.value, rate

    def rate(self, source: str, target: str, *, figure_date: str | None = None) -> RateUsed:
        """How many `target` one `source` is worth for a figure of `figure_date`, and from where."""
        return self._rate(self.check_currency(source), self.check_currency(target), figure_date)

    def _rate(self, source: str, target: str, figure_date: str | None) -> RateUsed:
        """`rate` for codes already checked (upper-case, with rates)."""
        if source == target:
            return RateUsed(source, target, 1.0, None, None)
        direct = next((o for o in self.overrides if {o.source, o.target} == {source, target}), None)
        if direct is not None:
            # A rate given for this very pair is used as it is, whatever the tables say.
            factor = self._factor(source, target, {direct.target: 1.0, direct.source: direct.value})
            return RateUsed(source, target, factor, None, None, True)
        table = self.table_for(figure_date)
        if table is None:  # no table to link an override through either
            raise _no_rate(source, target, "the rates given")
        values = _table_values(table)
        # Only a currency the table lacks needs an override, and only then is the rate marked so.
        linked = not {source, target} <= values.keys()
        # Cross rates go through the table's base; an override only links a currency the
        # table lacks (EUR:USD=1.1 lets EUR reach KRW), it never replaces a table rate.
        for o in self.overrides:
            if o.target in values and o.source not in values:
                values[o.source] = o.value * values[o.target]
            elif o.source in values and o.target not in values:
                values[o.target] = values[o.source] / o.value
        # The cache's factor, when the table has both currencies (the overrides changed neither).
        stored = self.reg.factors.get((table.date, table.base, source, target))
        rate = stored if stored is not None else self._factor(source, target, values)
        if not math.isfinite(rate):
            raise _no_rate(source, target, f"the rate table of {table.date}")
        return RateUsed(source, target, rate, table.date, table.source, override=linked)

    def quantity(self, value: float, source: str, target: str) -> float:
        """Parameters and tokens: the same dimension converts, anything else is a usage error."""
        _check_amount(value)
        return value * self._factor(source, target, {})

    def _factor(self, source: str, target: str, values: dict[str, float]) -> float:
        """How many `target` one `source` is worth, by pint, in a context holding `values`.

        Every conversion here is linear, so pint is asked once per pair and table (a run of
        `funding` converts many figures at a handful of rates) and the amount multiplies.
        NaN comes back where the context lacks a rate; the caller turns it into an error.
        """
        return self._factors_in(values, [(source, target)])[(source, target)]

    def _factors_in(self, values: dict[str, float], pairs: list[tuple[str, str]]) -> dict[tuple[str, str], float]:
        """`_factor` for several pairs of one context: the context is built (parsed) once."""
        signature = tuple(sorted(values.items()))
        missing = [pair for pair in pairs if (*pair, signature) not in self._factors]
        if missing:
            import pint

            ureg = self._registry()
            context = pint.Context(_CONTEXT)
            lines = [
                f"{code} = {in_reference!r} {REFERENCE}" for code, in_reference in values.items() if code in self.codes
            ]
            if lines:
                context.redefine("\n".join(lines))  # one parse for the table: pint's parser is the cost
            ureg.add_context(context)
            try:
                with ureg.context(_CONTEXT):
                    for source, target in missing:
                        try:
                            factor = float(ureg.Quantity(1.0, source).to(target).magnitude)
                        except pint.DimensionalityError:
                            raise UsageError(
                                f"cannot convert {describe_unit(source)} to {describe_unit(target)}"
                            ) from None
                        self._factors[(source, target, signature)] = factor
            finally:
                ureg.remove_context(_CONTEXT)  # so the next table's context may take the name
        return {(source, target): self._factors[(source, target, signature)] for source, target in pairs}

    def _registry(self) -> Any:
        if self._ureg is None:
            import pint

            ureg: Any = pint.UnitRegistry(None)
            definitions = ["param = [parameters]", "token = [tokens]", f"{REFERENCE} = [currency]"]
            definitions += [f"{code} = nan {REFERENCE}" for code in sorted(self.codes)]
            ureg.define("\n".join(definitions))
            self._ureg = ureg
        return self._ureg


def table_factors(reg: Registry) -> dict[tuple[str, str, str, str], float]:
    """pint's factor for every ordered pair of currencies of every rate table of `reg`.

    Computed once when a registry is built for the cache (see the module docstring); a pair a
    table cannot convert (NaN) is left out, so the live path still reports it as an error.
    """
    converter = Converter(reg)
    out: dict[tuple[str, str, str, str], float] = {}
    for table in reg.rates.values():
        values = _table_values(table)
        codes = sorted(values)
        pairs = [(source, target) for source in codes for target in codes if source != target]
        for (source, target), factor in converter._factors_in(values, pairs).items():
            if math.isfinite(factor):
                out[(table.date, table.base, source, target)] = factor
    return out


def describe_unit(unit: str) -> str:
    """A unit for a message: every unit is `param`, `token` or a currency code."""
    return {"param": "parameters", "token": "tokens"}.get(unit, f"money ({unit})")


def _table_values(table: RateTable) -> dict[str, float]:
    """Each currency of the table in units of its base (the context's reference)."""
    values = {table.base: 1.0}
    for code, per_base in table.rates.items():
        values[code] = 1.0 / per_base
    return values


def _no_rate(source: str, target: str, where: str) -> UsageError:
    return UsageError(f"no {source}→{target} rate in {where}; give one with --rate {source}:{target}=VALUE")


def _check_amount(value: float) -> None:
    if not math.isfinite(value) or value < 0:
        raise UsageError(f"amount must be a non-negative, finite number, got {value!r}")


def quantity_value(text: str, unit: str, *, context: str) -> int:
    """A filter's parameter or token count: `100B`, `100000M`, `128K tokens` → an exact integer.

    The kind is checked (a currency or the other quantity is a usage error naming the field)
    without importing pint: that costs ~150 ms and these are plain counts of one dimension.
    """
    from cnai.numbers import parse_amount

    try:
        amount = parse_amount(text)
    except ValueError as exc:
        raise UsageError(f"bad value {text!r} for {context}: {exc}") from None
    if amount.unit not in (None, unit):
        raise UsageError(
            f"bad value {text!r} for {context}: expected {describe_unit(unit)}, got {describe_unit(amount.unit)}"
        )
    if amount.value != amount.value.to_integral_value():
        raise UsageError(f"bad value {text!r} for {context}: a count must be whole")
    return int(amount.value)

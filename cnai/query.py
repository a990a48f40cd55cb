"""Selecting, ordering and comparing models: pure functions over registry records.

Nothing here formats or prints. `compare` returns rows of raw values with the direction in
which a value is better and which columns hold the best one; the views decide how that reads.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from cnai.errors import NotFoundError, UsageError
from cnai.registry import Registry
from cnai.schema import Claim, Fund, Model, Price

if TYPE_CHECKING:
    from cnai.units import Converter, RateUsed

# Sort keys for `list --sort`: each returns a value or None (missing values sort last).
SORT_KEYS: dict[str, Callable[[Model], Any]] = {
    "id": lambda m: m.id,
    "name": lambda m: m.name.casefold(),
    "vendor": lambda m: m.vendor,
    "family": lambda m: m.family,
    "released": lambda m: m.released,
    "params": lambda m: m.params_total,
    "active": lambda m: m.params_active,
    "context": lambda m: m.context,
}
# Fields where a bigger number is not "better" sort descending by default all the same:
# people asking for --sort params want the largest first.
DESCENDING = {"released", "params", "active", "context"}


def select_models(
    reg: Registry,
    *,
    vendor: str | None = None,
    family: str | None = None,
    country: str | None = None,
    open_weights: bool | None = None,
    flagships_only: bool = False,
) -> list[Model]:
    """The models matching every given condition, in registry order."""
    vendor_id = reg.resolve_vendor(vendor).id if vendor else None
    family_id = reg.resolve_family(family).id if family else None
    flagships = {f.flagship for f in reg.families.values()}
    out: list[Model] = []
    for model in reg.models.values():
        if vendor_id and model.vendor != vendor_id:
            continue
        if family_id and model.family != family_id:
            continue
        if country and reg.country_of(model) != country.upper():  # codes are upper case (validated)
            continue
        if open_weights is not None and model.open_weights is not open_weights:
            continue
        if flagships_only and model.id not in flagships:
            continue
        out.append(model)
    return out


def sort_models(models: Iterable[Model], key: str) -> list[Model]:
    """Stable sort on one of SORT_KEYS; models lacking the value go last whatever the order."""
    if key not in SORT_KEYS:
        raise UsageError(f"cannot sort by {key!r}; choose one of: {', '.join(SORT_KEYS)}")
    getter = SORT_KEYS[key]
    descending = key in DESCENDING
    items = list(models)
    present = [m for m in items if getter(m) is not None]
    missing = [m for m in items if getter(m) is None]
    present.sort(key=getter, reverse=descending)
    return present + missing


# --------------------------------------------------------------------------- compare

GROUPS = ("identity", "size", "context", "license", "benchmarks", "price")


class Cell(NamedTuple):
    value: Any
    unit: str | None = None
    setting: str | None = None
    undisclosed: bool = False
    regime: tuple[int | None, str | None] | None = None  # a benchmark figure's Score.regime
    regime_text: str | None = None  # and how it reads: pass@1 · v6


@dataclass
class Row:
    key: str  # stable machine name: "params.total", "benchmarks.aime24"
    group: str
    cells: list[Cell]
    better: str | None = None  # "higher", "lower" or None (no direction)
    comparable: bool = True  # False when settings differ (pass@1 vs pass@32)
    best: list[int] = field(default_factory=list)  # column indexes holding the best value


def compare(
    reg: Registry,
    models: list[Model],
    fields: list[str] | None = None,
    prices: dict[str, Price] | None = None,
    as_of: str | None = None,
) -> list[Row]:
    """Side-by-side rows for `models`, each with its best cells marked.

    `fields` chooses rows by group name (`size`) or row key (`params.total`, `aime24`);
    each model's price is the one in effect on `as_of` (today when None); `prices` replaces
    those (converted to one currency by `convert_price`).
    """
    priced = [(prices or {}).get(m.id, m.price_on(as_of)) for m in models]
    wanted = {f.strip().lower() for f in fields or [] if f.strip()}
    # A benchmark asked for by name gets its row even when no compared model has a score.
    asked = {b for b in reg.benchmarks if b in wanted or f"benchmarks.{b}" in wanted}
    rows = [*_fixed_rows(reg, models), *_benchmark_rows(reg, models, asked), *_price_rows(priced)]
    if fields:
        known = {r.key for r in rows} | {r.key.split(".", 1)[-1] for r in rows} | set(GROUPS)
        unknown = sorted(wanted - known)
        if unknown:
            raise UsageError(
                f"unknown field {unknown[0]!r} for --fields; use a group ({', '.join(GROUPS)}) or a row name"
            )
        rows = [r for r in rows if r.group in wanted or r.key in wanted or r.key.split(".", 1)[-1] in wanted]
    for row in rows:
        _mark_best(row)
    return rows


def _fixed_rows(reg: Registry, models: list[Model]) -> list[Row]:
    def cells(get: Callable[[Model], Any], disclosed_as: str | None = None) -> list[Cell]:
        return [Cell(get(m), undisclosed=disclosed_as in m.undisclosed and get(m) is None) for m in models]

    return [
        Row("vendor", "identity", cells(lambda m: m.vendor)),
        Row("country", "identity", cells(reg.country_of)),
        Row("family", "identity", cells(lambda m: m.family)),
        Row("released", "identity", cells(lambda m: m.released, "released")),
        Row("architecture", "identity", cells(lambda m: m.architecture, "architecture")),
        Row("reasoning", "identity", cells(lambda m: m.reasoning)),
        Row("params.total", "size", cells(lambda m: m.params_total, "params")),
        Row("params.active", "size", cells(lambda m: m.params_active, "params")),
        Row("context.native", "context", cells(lambda m: m.context_native, "context"), better="higher"),
        Row("context.max", "context", cells(lambda m: m.context_max, "context"), better="higher"),
        Row("license", "license", cells(lambda m: m.license, "license")),
        Row("open_weights", "license", cells(lambda m: m.open_weights)),
    ]


def _benchmark_rows(reg: Registry, models: list[Model], asked: set[str] | None = None) -> list[Row]:
    present = {b for m in models for b in m.benchmarks} | (asked or set())
    rows = []
    # Every score's benchmark is registered (the validator sees to it): registry order.
    for bench_id in (b for b in reg.benchmarks if b in present):
        bench = reg.benchmarks[bench_id]
        cells = []
        for m in models:
            score = m.benchmarks.get(bench_id)
            unit = score.unit or bench.unit if score else None
            cells.append(
                Cell(score.value, unit, score.setting, regime=score.regime, regime_text=score.regime_text)
                if score
                else Cell(None)
            )
        better = "higher" if bench.higher_is_better else "lower"
        # One rule for compare and rank: figures are starred against each other only within one regime.
        regimes = {c.regime for c in cells if c.value is not None}
        rows.append(Row(f"benchmarks.{bench_id}", "benchmarks", cells, better, comparable=len(regimes) <= 1))
    return rows


def _price_rows(prices: list[Price | None]) -> list[Row]:
    if not any(prices):
        return []
    kinds = {(p.currency, p.per) for p in prices if p}
    rows = []
    for side in ("input", "output"):
        cells = [Cell(getattr(p, side), f"{p.currency}/{p.per:,} tokens") if p else Cell(None) for p in prices]
        # Prices in different currencies are not ranked: `--currency` converts them to one.
        rows.append(Row(f"price.{side}", "price", cells, "lower", comparable=len(kinds) == 1))
    # Which price each figure is: its date, and the tier when the vendor prices by tier.
    dated = [Cell(_price_date(p)) if p else Cell(None) for p in prices]
    if any(c.value for c in dated):
        rows.append(Row("price.date", "price", dated))
    return rows


def _price_date(p: Price) -> str | None:
    return " ".join(x for x in (p.date or "", f"({p.tier})" if p.tier else "") if x) or None


def convert_price(price: Price, converter: Converter, currency: str) -> tuple[Price, RateUsed]:
    """A list price in `currency`, at the rate table nearest the price's date."""
    rate = converter.rate(price.currency, currency, figure_date=price.date)
    input_, output, cache_hit = (
        None if v is None else v * rate.value for v in (price.input, price.output, price.cache_hit_input)
    )
    return price._replace(input=input_, output=output, cache_hit_input=cache_hit, currency=rate.target), rate


def _mark_best(row: Row) -> None:
    if row.better is None or not row.comparable:
        return
    values = [
        (i, c.value)
        for i, c in enumerate(row.cells)
        if isinstance(c.value, int | float) and not isinstance(c.value, bool)
    ]
    if len(values) < 2:
        return
    pick = max if row.better == "higher" else min
    best = pick(v for _, v in values)
    row.best = [i for i, v in values if v == best]


# --------------------------------------------------------------------------- money


class Converted(NamedTuple):
    value: float
    currency: str
    rate: RateUsed


class FundRow(NamedTuple):
    fund: Fund
    converted: Converted | None


def funding_rows(reg: Registry, converter: Converter | None, currency: str | None) -> list[FundRow]:
    """Every fund, budget and spending figure; converted at the table nearest its own date."""
    rows = []
    for fund in reg.funding.values():
        converted = None
        if converter is not None and currency is not None:
            value, rate = converter.money(fund.value, fund.currency, currency, figure_date=fund.date)
            converted = Converted(value, rate.target, rate)
        rows.append(FundRow(fund, converted))
    return rows


class ClaimCheck(NamedTuple):
    """A conversion claim redone: the article's implied rate against the registry's."""

    implied_rate: float  # stated / amount, as the article's arithmetic implies
    recomputed: Converted  # the amount at the registry's rate for the claim's date
    ratio: float  # stated / recomputed: 1.0 is right, 0.1 is off by ten


def check_claim(claim: Claim, converter: Converter) -> ClaimCheck | None:
    conv = claim.conversion
    if conv is None:
        return None
    value, rate = converter.money(conv.amount, conv.amount_currency, conv.stated_currency, figure_date=conv.as_of)
    return ClaimCheck(conv.stated / conv.amount, Converted(value, conv.stated_currency, rate), conv.stated / value)


class ConvertResult(NamedTuple):
    input_value: float
    input_unit: str  # a currency code, "param" or "token"
    output_value: float  # in base units of output_unit
    output_unit: str
    scale: int  # the K/M/B/T the reader asked for (`--to "T params"` → 10**12), for display
    rate: RateUsed | None


def convert_amount(text: str, to: str, converter: Converter, *, as_of: str | None = None) -> ConvertResult:
    """`600억 위안` → KRW, `671B params` → `T params`; a mismatch of kinds is a UsageError."""
    from cnai.numbers import parse_amount, parse_unit
    from cnai.units import QUANTITY_UNITS

    try:
        amount = parse_amount(text)
    except ValueError as exc:
        raise UsageError(f"cannot read amount {text!r}: {exc}") from None
    try:
        scale, target = parse_unit(to)
    except ValueError as exc:
        raise UsageError(f"cannot read unit {to!r}: {exc}") from None
    if amount.unit is None:
        raise UsageError(f"say what {text!r} counts: a currency (600억 위안, 60B USD) or params/tokens (671B params)")
    value = float(amount.value)
    if amount.unit in QUANTITY_UNITS or target in QUANTITY_UNITS:
        if amount.unit not in QUANTITY_UNITS:
            converter.check_currency(amount.unit)
        if target not in QUANTITY_UNITS:
            converter.check_currency(target)
        result = converter.quantity(value, amount.unit, target)
        return ConvertResult(value, amount.unit, result, target, int(scale), None)
    source = converter.check_currency(amount.unit)
    converted, rate = converter.money(value, source, converter.check_currency(target), figure_date=as_of)
    return ConvertResult(value, source, converted, rate.target, int(scale), rate)


# --------------------------------------------------------------------------- filter

OPERATORS = ("<=", ">=", "!=", "=", "<", ">", "~")
_EXPR = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*([<>=!~]+)\s*(.*?)\s*$")


class FieldSpec(NamedTuple):
    kind: str  # "count", "tokens", "number", "date", "text", "bool"
    get: Callable[[Registry, Model], Any]
    unit: str | None = None  # "param"/"token" for quantities


FIELDS: dict[str, FieldSpec] = {
    "params": FieldSpec("count", lambda _, m: m.params_total, "param"),
    "active": FieldSpec("count", lambda _, m: m.params_active, "param"),
    "context": FieldSpec("tokens", lambda _, m: m.context, "token"),
    "context.native": FieldSpec("tokens", lambda _, m: m.context_native, "token"),
    "released": FieldSpec("date", lambda _, m: m.released),
    "languages": FieldSpec("number", lambda _, m: m.languages),
    "vendor": FieldSpec("text", lambda _, m: m.vendor),
    "family": FieldSpec("text", lambda _, m: m.family),
    "country": FieldSpec("text", lambda reg, m: reg.country_of(m)),
    "id": FieldSpec("text", lambda _, m: m.id),
    "name": FieldSpec("text", lambda _, m: m.name),
    "architecture": FieldSpec("text", lambda _, m: m.architecture),
    "reasoning": FieldSpec("text", lambda _, m: m.reasoning),
    "license": FieldSpec("text", lambda _, m: m.license),
    "base_model": FieldSpec("text", lambda _, m: m.base_model),
    "open_weights": FieldSpec("bool", lambda _, m: m.open_weights),
}
FIELD_ALIASES = {"total": "params", "parameters": "params", "open": "open_weights", "arch": "architecture"}
RANKABLE = ("params", "active", "context", "released", "languages")


class Condition(NamedTuple):
    text: str
    field: str
    op: str
    value: Any  # the parsed value: int, float, bool, str, or (start, end) ISO dates
    spec: FieldSpec

    def matches(self, reg: Registry, m: Model) -> bool:
        actual = self.spec.get(reg, m)
        if actual is None:
            return False  # a missing value never matches, whatever the operator
        return _compare(self.spec.kind, actual, self.op, self.value)


def field_key(reg: Registry, name: str) -> str:
    """The canonical key a user's field name stands for: a field (or its alias), or a benchmark
    by id or by its display name in any spacing and case (`AIME 2024`, `aime-2024` → aime24)."""
    key = FIELD_ALIASES.get(name.lower(), name.lower())
    if key in FIELDS:
        return key
    from cnai.names import normalize_name

    wanted = normalize_name(name)
    for bench in reg.benchmarks.values():
        if wanted in (normalize_name(bench.id), normalize_name(bench.name)):
            return bench.id
    return key


def field_spec(reg: Registry, name: str) -> FieldSpec:
    """A model field or a benchmark id (its score value)."""
    key = field_key(reg, name)
    if key in FIELDS:
        return FIELDS[key]
    if key in reg.benchmarks:  # every score's benchmark is registered (the validator sees to it)

        def score(_: Registry, m: Model, bench: str = key) -> float | None:
            s = m.benchmarks.get(bench)
            return s.value if s else None

        return FieldSpec("number", score)
    import difflib

    near = difflib.get_close_matches(key, [*FIELDS, *reg.benchmarks])
    hint = f"; did you mean {near[0]!r}?" if near else ""
    raise UsageError(f"unknown field {name!r}{hint} (fields: {', '.join(FIELDS)}, or a benchmark id)")


def parse_condition(reg: Registry, text: str) -> Condition:
    """`params>=100B` → Condition; a malformed expression names its bad token."""
    match = _EXPR.match(text)
    if not match:
        raise UsageError(_malformed(text))
    name, op, raw = match.groups()
    if op not in OPERATORS:
        raise UsageError(f"bad operator {op!r} in {text!r}; use one of {' '.join(OPERATORS)}")
    if not raw:
        raise UsageError(f"missing value after {op!r} in {text!r}")
    spec = field_spec(reg, name)
    key = field_key(reg, name)
    if spec.kind in ("text", "bool") and op in ("<", "<=", ">", ">="):
        allowed = "= != or ~" if spec.kind == "text" else "= or !="
        raise UsageError(f"operator {op!r} does not apply to {key} in {text!r}; use {allowed}")
    if op == "~" and spec.kind != "text":
        raise UsageError(f"operator '~' (contains) applies to text fields, not {key}, in {text!r}")
    return Condition(text, key, op, _parse_value(reg, spec, key, op, raw, text), spec)


def _malformed(text: str) -> str:
    """Why `text` is not FIELD OP VALUE, naming the token that is wrong or missing."""
    example = "write FIELD OP VALUE, e.g. params>=100B"
    op = re.search(r"[<>=!~]+", text)
    if op is None:
        return f"no operator in {text!r}; {example}"
    field_text = text[: op.start()].strip()
    if not field_text:
        return f"missing field before {op.group()!r} in {text!r}; {example}"
    return f"bad field {field_text!r} in {text!r}; {example}"


def _parse_value(reg: Registry, spec: FieldSpec, key: str, op: str, raw: str, text: str) -> Any:
    from cnai.units import quantity_value

    if spec.kind in ("count", "tokens"):
        return quantity_value(raw, str(spec.unit), context=f"{key} in {text!r}")
    if spec.kind == "number":
        try:
            number = float(raw.rstrip("%").strip())
        except ValueError:
            raise UsageError(f"bad number {raw!r} in {text!r}") from None
        if not math.isfinite(number):
            raise UsageError(f"bad number {raw!r} in {text!r}")
        return number
    if spec.kind == "date":
        return _date_range(raw, text)
    if spec.kind == "bool":
        lowered = raw.lower()
        if lowered in ("true", "yes", "1"):
            return True
        if lowered in ("false", "no", "0"):
            return False
        raise UsageError(f"bad value {raw!r} in {text!r}: {key} is true or false")
    if key in ("vendor", "family"):
        # A name resolves in any script (알리바바 → alibaba). An unknown one is an error for
        # = and != (a typo would otherwise match nothing, or everything, silently); `~` is a
        # substring test and takes any text.
        resolve = reg.resolve_vendor if key == "vendor" else reg.resolve_family
        try:
            return resolve(raw).id
        except NotFoundError:
            if op != "~":
                raise
            return raw.casefold()
    return raw.casefold()


def _date_range(raw: str, text: str) -> tuple[str, str]:
    """`2025-04-01` → itself twice; `2025-05` → (2025-05-01, 2025-05-31); `2025` → the year."""
    import calendar
    from datetime import date

    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            day = date.fromisoformat(raw).isoformat()
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", raw):
            year, month = int(raw[:4]), int(raw[5:])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).isoformat(), date(year, month, last).isoformat()
        if re.fullmatch(r"\d{4}", raw):
            return f"{raw}-01-01", f"{raw}-12-31"
    except ValueError:
        pass
    raise UsageError(f"bad date {raw!r} in {text!r}; write YYYY-MM-DD, YYYY-MM or YYYY")


def _compare(kind: str, actual: Any, op: str, value: Any) -> bool:
    if kind == "date":
        # Both sides are day ranges: `2025-04` in a filter, or a release known only to the month.
        # A condition holds only when it holds for every day of the model's range.
        start, end = value
        day = str(actual)
        # A full date is its own range; only a partial one (a month, a year) is parsed.
        first, last = (day, day) if len(day) == 10 else _date_range(day, day)
        return bool({
            "=": start <= first and last <= end, "!=": last < start or first > end,
            "<": last < start, "<=": last <= end, ">": first > end, ">=": first >= start,
        }[op])  # fmt: skip
    if kind == "text":
        text = str(actual).casefold()
        if op == "~":
            return value in text
        return bool(text == value) if op == "=" else bool(text != value)
    # Numbers, and booleans (only = and != reach here for them).
    return bool({
        "=": actual == value, "!=": actual != value, "<": actual < value,
        "<=": actual <= value, ">": actual > value, ">=": actual >= value,
    }[op])  # fmt: skip


def filter_models(reg: Registry, expressions: list[str], models: list[Model] | None = None) -> list[Model]:
    """Models matching every expression (ANDed), in registry order. Linear in the models."""
    conditions = [parse_condition(reg, e) for e in expressions]
    pool = list(reg.models.values()) if models is None else models
    return [m for m in pool if all(c.matches(reg, m) for c in conditions)]


# --------------------------------------------------------------------------- rank


class Ranked(NamedTuple):
    rank: int
    model: Model
    value: Any
    unit: str | None
    setting: str | None
    comparable: bool = True  # False: measured in another regime than the ranking's (see Score.regime)
    regime: str | None = None
    conditions: str | None = None  # the structured part of `setting`, for a table column


def rank_models(
    reg: Registry, by: str, expressions: list[str], *, ascending: bool | None = None, top: int | None = None
) -> tuple[list[Ranked], int]:
    """Models ordered by one field or benchmark; returns the ranking and how many lacked a value.

    Ties share a rank (1, 2, 2, 4). The default order puts the best first: descending, except
    for a benchmark where lower is better.
    """
    key = field_key(reg, by)
    choices = f"rank by {', '.join(RANKABLE)} or a benchmark id"
    try:
        spec = field_spec(reg, by)
    except UsageError:
        # Suggest only what can be ranked (field_spec would offer `country` for `colour`).
        import difflib

        near = difflib.get_close_matches(key, [*RANKABLE, *reg.benchmarks])
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise UsageError(f"unknown field {by!r} for --by{hint} ({choices})") from None
    if spec.kind not in ("count", "tokens", "number", "date"):
        raise UsageError(f"cannot rank by {by!r}: it is not numeric ({choices})")
    bench = reg.benchmarks.get(key)
    if ascending is None:
        ascending = bench is not None and not bench.higher_is_better
    pool = filter_models(reg, expressions)
    get = spec.get
    scored = [(v, m) for m in pool if (v := get(reg, m)) is not None]
    missing = len(pool) - len(scored)
    # Stable sort on the value alone: ties keep registry order.
    scored.sort(key=lambda item: item[0], reverse=not ascending)
    unit = {"count": "params", "tokens": "tokens"}.get(spec.kind, bench.unit if bench else None)
    # The ranking's regime is the one most of the pool was measured in (ties: the best figure's);
    # figures from another regime keep their place but are marked, never silently mixed in.
    counts = Counter(m.benchmarks[key].regime for _, m in scored) if bench is not None else Counter()
    main = max(counts, key=counts.__getitem__, default=None)  # the first of equal counts: the best figure's
    ranked: list[Ranked] = []
    rank = 0
    previous: Any = object()
    for position, (value, m) in enumerate(scored, start=1):
        if value != previous:
            rank = position
        if top is not None and rank > top:
            break  # ranks only grow: nothing after this can be in the top N
        score = m.benchmarks.get(key)
        if score is None:
            ranked.append(Ranked(rank, m, value, unit, None))
        else:
            regime = score.regime
            ranked.append(
                Ranked(rank, m, value, unit, score.setting, regime == main, score.regime_text, score.conditions)
            )
        previous = value
    return ranked, missing

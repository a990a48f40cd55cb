"""Selecting, ordering and comparing models: pure functions over registry records.

Nothing here formats or prints. `compare` returns rows of raw values with the direction in
which a value is better and which columns hold the best one; the views decide how that reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from cnai.errors import UsageError
from cnai.registry import Registry
from cnai.schema import Model

# Sort keys for `list --sort`: each returns a value or None (missing values sort last).
SORT_KEYS: dict[str, Callable[[Model], Any]] = {
    "id": lambda m: m.id,
    "name": lambda m: m.name.casefold(),
    "vendor": lambda m: m.vendor,
    "family": lambda m: m.family,
    "released": lambda m: m.released,
    "params": lambda m: m.params_total,
    "active": lambda m: m.params_active,
    "context": lambda m: m.context_max if m.context_max is not None else m.context_native,
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
        if country:
            owner = reg.vendors.get(model.vendor)
            if owner is None or owner.country.casefold() != country.casefold():
                continue
        if open_weights is not None and model.open_weights is not open_weights:
            continue
        if flagships_only and model.id not in flagships:
            continue
        out.append(model)
    return out


def sort_models(models: Iterable[Model], key: str, *, reverse: bool | None = None) -> list[Model]:
    """Stable sort on one of SORT_KEYS; models lacking the value go last whatever the order."""
    if key not in SORT_KEYS:
        raise UsageError(f"cannot sort by {key!r}; choose one of: {', '.join(SORT_KEYS)}")
    getter = SORT_KEYS[key]
    descending = key in DESCENDING if reverse is None else reverse
    items = list(models)
    present = [m for m in items if getter(m) is not None]
    missing = [m for m in items if getter(m) is None]
    present.sort(key=getter, reverse=descending)
    return present + missing


# --------------------------------------------------------------------------- compare

GROUPS = ("identity", "size", "context", "license", "benchmarks", "price")


@dataclass(frozen=True)
class Cell:
    value: Any
    unit: str | None = None
    setting: str | None = None
    undisclosed: bool = False


@dataclass
class Row:
    key: str  # stable machine name: "params.total", "benchmarks.aime24"
    group: str
    cells: list[Cell]
    better: str | None = None  # "higher", "lower" or None (no direction)
    comparable: bool = True  # False when settings differ (pass@1 vs pass@32)
    best: list[int] = field(default_factory=list)  # column indexes holding the best value


_PASS_AT = re.compile(r"\b((?:pass|cons|maj)@\d+)", re.I)


def setting_key(setting: str | None) -> str | None:
    """What decides comparability: the sampling regime (pass@1, pass@32, cons@64 …)."""
    if not setting:
        return None
    match = _PASS_AT.search(setting)
    return match.group(1).lower() if match else None


def compare(reg: Registry, models: list[Model], fields: list[str] | None = None) -> list[Row]:
    """Side-by-side rows for `models`, each with its best cells marked.

    `fields` chooses rows by group name (`size`) or row key (`params.total`, `aime24`).
    """
    rows = [*_fixed_rows(reg, models), *_benchmark_rows(reg, models), *_price_rows(models)]
    if fields:
        wanted = {f.strip().lower() for f in fields if f.strip()}
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

    def country(m: Model) -> str | None:
        owner = reg.vendors.get(m.vendor)
        return owner.country if owner else None

    return [
        Row("vendor", "identity", cells(lambda m: m.vendor)),
        Row("country", "identity", cells(country)),
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


def _benchmark_rows(reg: Registry, models: list[Model]) -> list[Row]:
    present = {b for m in models for b in m.benchmarks}
    order = [b for b in reg.benchmarks if b in present] + sorted(present - set(reg.benchmarks))
    rows = []
    for bench_id in order:
        bench = reg.benchmarks.get(bench_id)
        cells = []
        for m in models:
            score = m.benchmarks.get(bench_id)
            unit = score.unit or (bench.unit if bench else None) if score else None
            cells.append(Cell(score.value, unit, score.setting) if score else Cell(None))
        better = None if bench is None else ("higher" if bench.higher_is_better else "lower")
        keys = {setting_key(c.setting) for c in cells if c.value is not None}
        rows.append(Row(f"benchmarks.{bench_id}", "benchmarks", cells, better, comparable=len(keys) <= 1))
    return rows


def _price_rows(models: list[Model]) -> list[Row]:
    if not any(m.price for m in models):
        return []
    currencies = {m.price.currency for m in models if m.price}
    rows = []
    for side in ("input", "output"):
        cells = [
            Cell(getattr(m.price, side), f"{m.price.currency}/{m.price.per:,} tokens") if m.price else Cell(None)
            for m in models
        ]
        # Prices in different currencies are not compared until converted (money issue).
        rows.append(Row(f"price.{side}", "price", cells, "lower", comparable=len(currencies) == 1))
    return rows


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

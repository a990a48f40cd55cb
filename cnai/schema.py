"""The typed records of the registry.

Plain frozen dataclasses: the loader (`registry.py`) builds them from validated YAML, the
query layer reads them, the views turn them into JSON and table cells. Quantities are stored
in base units (parameter and token counts as integers, money as a value plus an ISO 4217
code) so every consumer agrees on what a number means.

No `__slots__`: a slotted frozen dataclass unpickles through a Python-level `__setstate__`,
twice as slow, and the registry cache unpickles thousands of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Architecture = Literal["moe", "dense"]
Reasoning = Literal["none", "reasoning", "hybrid"]
FundKind = Literal["fund", "budget", "spending"]
Verdict = Literal["right", "wrong", "overstated", "unsupported"]

ARCHITECTURES: tuple[str, ...] = ("moe", "dense")
REASONING_MODES: tuple[str, ...] = ("none", "reasoning", "hybrid")
FUND_KINDS: tuple[str, ...] = ("fund", "budget", "spending")
VERDICTS: tuple[str, ...] = ("right", "wrong", "overstated", "unsupported")
MODALITIES: tuple[str, ...] = ("text", "image", "audio", "video")
# Fields a model entry may declare as undisclosed by its vendor (not the same as unknown).
DISCLOSABLE: tuple[str, ...] = (
    "architecture",
    "params",
    "context",
    "languages",
    "released",
    "license",
)


@dataclass(frozen=True)
class Origin:
    """Where a record was written: for error messages that point at FILE:LINE."""

    file: str
    line: int


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str
    date: str | None = None
    publisher: str | None = None
    accessed_via: str | None = None  # how it was read when not at the URL itself (a mirror copy)
    notes: str | None = None


@dataclass(frozen=True)
class Vendor:
    id: str
    name: str
    country: str
    names: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    vendor: str
    flagship: str
    names: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Benchmark:
    id: str
    name: str
    measures: str
    unit: str
    higher_is_better: bool
    source: str | None = None


@dataclass(frozen=True)
class Score:
    value: float
    unit: str
    setting: str | None
    self_reported: bool
    source: str


@dataclass(frozen=True)
class Price:
    """An API list price: `input` and `output` in `currency` per `per` tokens."""

    input: float | None
    output: float | None
    currency: str
    per: int
    date: str | None
    source: str


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    family: str
    vendor: str
    released: str | None = None
    architecture: Architecture | None = None
    params_total: int | None = None
    params_active: int | None = None
    context_native: int | None = None
    context_max: int | None = None
    license: str | None = None
    open_weights: bool | None = None
    languages: int | None = None
    modalities_in: tuple[str, ...] = ()
    modalities_out: tuple[str, ...] = ()
    reasoning: Reasoning | None = None
    base_model: str | None = None
    specialties: tuple[str, ...] = ()
    price: Price | None = None
    benchmarks: dict[str, Score] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    undisclosed: tuple[str, ...] = ()
    notes: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fund:
    """A fund, budget or spending figure. `country` None means global; dates may be partial."""

    id: str
    name: str
    kind: FundKind
    country: str | None
    date: str
    value: float
    currency: str
    names: dict[str, str] = field(default_factory=dict)
    period: str | None = None
    covers: str | None = None
    scope_note: str | None = None
    notes: str | None = None
    sources: tuple[str, ...] = ()
    growth_pct: float | None = None
    launched: str | None = None
    set_up_by: str | None = None


@dataclass(frozen=True)
class RateTable:
    """Units of each currency per one unit of `base`, on `date` (`2024` = that year's average)."""

    date: str
    base: str
    rates: dict[str, float]
    source: str
    notes: str | None = None


@dataclass(frozen=True)
class Conversion:
    """A conversion as the article wrote it: `amount` said to be worth `stated`."""

    amount: float
    amount_currency: str
    stated: float
    stated_currency: str
    as_of: str  # the date whose exchange rates check it


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    stated: str
    verified: str
    verdict: Verdict
    explanation: str
    arithmetic: str | None = None
    sources: tuple[str, ...] = ()
    conversion: Conversion | None = None

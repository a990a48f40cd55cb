"""The typed records of the registry.

Immutable NamedTuples: the loader (`registry.py`) builds them from validated YAML, the
query layer reads them, the views turn them into JSON and table cells. Quantities are stored
in base units (parameter and token counts as integers, money as a value plus an ISO 4217
code) so every consumer agrees on what a number means.

NamedTuples rather than dataclasses, for speed that users feel: a class costs ~0.13 ms to
create against ~1 ms for a dataclass (every command pays that at start-up), and the registry
cache unpickles thousands of records, which as tuples is several times faster. Mapping
defaults (`{}`) are shared between records and never mutated: records are read-only.
"""

# No `from __future__ import annotations`: NamedTuple turns string annotations into ForwardRefs,
# and each costs a compile() at import (~4 ms for this module, measured).
from typing import Literal, NamedTuple

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


class Source(NamedTuple):
    key: str
    title: str
    url: str
    date: str | None = None
    publisher: str | None = None
    accessed_via: str | None = None  # how it was read when not at the URL itself (a mirror copy)
    notes: str | None = None


class Vendor(NamedTuple):
    id: str
    name: str
    country: str
    names: dict[str, str] = {}
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


class Family(NamedTuple):
    id: str
    name: str
    vendor: str
    flagship: str
    names: dict[str, str] = {}
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


class Benchmark(NamedTuple):
    id: str
    name: str
    measures: str
    unit: str
    higher_is_better: bool
    source: str | None = None


class Score(NamedTuple):
    value: float
    unit: str
    setting: str | None
    self_reported: bool
    source: str


class Price(NamedTuple):
    """An API list price: `input` and `output` in `currency` per `per` tokens."""

    input: float | None
    output: float | None
    currency: str
    per: int
    date: str | None
    source: str


class Model(NamedTuple):
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
    benchmarks: dict[str, Score] = {}
    names: dict[str, str] = {}
    aliases: tuple[str, ...] = ()
    undisclosed: tuple[str, ...] = ()
    notes: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def context(self) -> int | None:
        """The longest context the model takes: `max` where given, else `native`."""
        return self.context_max if self.context_max is not None else self.context_native


class Fund(NamedTuple):
    """A fund, budget or spending figure. `country` None means global; dates may be partial."""

    id: str
    name: str
    kind: FundKind
    country: str | None
    date: str
    value: float
    currency: str
    names: dict[str, str] = {}
    period: str | None = None
    covers: str | None = None
    scope_note: str | None = None
    notes: str | None = None
    sources: tuple[str, ...] = ()
    growth_pct: float | None = None
    launched: str | None = None
    set_up_by: str | None = None


class RateTable(NamedTuple):
    """Units of each currency per one unit of `base`, on `date` (`2024` = that year's average)."""

    date: str
    base: str
    rates: dict[str, float]
    source: str
    notes: str | None = None


class Conversion(NamedTuple):
    """A conversion as the article wrote it: `amount` said to be worth `stated`."""

    amount: float
    amount_currency: str
    stated: float
    stated_currency: str
    as_of: str  # the date whose exchange rates check it


class Claim(NamedTuple):
    id: str
    text: str
    stated: str
    verified: str
    verdict: Verdict
    explanation: str
    arithmetic: str | None = None
    sources: tuple[str, ...] = ()
    conversion: Conversion | None = None

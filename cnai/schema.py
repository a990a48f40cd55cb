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
SCORE_MODES: tuple[str, ...] = ("thinking", "non-thinking", "n/a")
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
    misnomers: tuple[str, ...] = ()  # wrong names in circulation: they resolve, with a note


class Benchmark(NamedTuple):
    id: str
    name: str
    measures: str
    unit: str
    higher_is_better: bool
    source: str | None = None


class Score(NamedTuple):
    """One benchmark figure and the conditions it was measured under.

    `mode` (thinking | non-thinking | n/a), `k` (pass@k), `samples` (a mean over n samples),
    `version` (benchmark version, window or harness) and `reported_by` (who published the figure
    when not the model's own vendor) are structured so that comparability is computed, never
    guessed from prose: see `regime`. `note` keeps everything else (temperature, tools, …).
    """

    value: float
    unit: str
    self_reported: bool
    source: str
    mode: str | None = None
    k: int | None = None
    samples: int | None = None
    version: str | None = None
    reported_by: str | None = None
    note: str | None = None

    @property
    def regime(self) -> tuple[int | None, str | None]:
        """What must match for two figures to be ranked against each other.

        The effective k — a mean over n samples estimates pass@1 — and the benchmark version.
        Unknown is its own value: a figure with no stated k is only compared with others
        whose k is also unstated, never assumed to be pass@1. The mode does not split regimes:
        a reasoning model's thinking score against a chat model's answer is the comparison
        people ask for; it is shown next to the figure instead.
        """
        return self._effective_k, self.version.casefold() if self.version else None

    @property
    def _effective_k(self) -> int | None:
        return self.k if self.k is not None else (1 if self.samples else None)

    @property
    def regime_text(self) -> str:
        """The regime as people read it: `pass@1 · v6 (2025-02..05)`; `pass@?` when k is not stated."""
        k = self._effective_k
        return " · ".join(p for p in (f"pass@{k}" if k is not None else "pass@?", self.version) if p)

    @property
    def conditions(self) -> str | None:
        """The structured conditions alone (no free note): `thinking, pass@1, avg@64, v6`."""
        parts = [self.mode if self.mode and self.mode != "n/a" else None]
        if self.k is not None:
            parts.append(f"pass@{self.k}")
        if self.samples:
            parts.append(f"avg@{self.samples}")
        parts.append(self.version)
        if self.reported_by:
            parts.append(f"reported by {self.reported_by}")
        return ", ".join(p for p in parts if p) or None

    @property
    def setting(self) -> str | None:
        """The conditions in one line: `thinking, pass@1, avg@64, v6 (2025-02..05); temp 0.6`."""
        return "; ".join(p for p in (self.conditions, self.note) if p) or None


class Price(NamedTuple):
    """An API list price from `date`: `input` and `output` in `currency` per `per` tokens.

    `cache_hit_input` is the input price when the prompt prefix is cached; `tier` names the
    slice a price applies to when a vendor prices by input length or time of day.
    """

    input: float | None
    output: float | None
    currency: str
    per: int
    date: str | None
    source: str
    cache_hit_input: float | None = None
    tier: str | None = None
    note: str | None = None


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
    prices: tuple[Price, ...] = ()
    benchmarks: dict[str, Score] = {}
    names: dict[str, str] = {}
    aliases: tuple[str, ...] = ()
    undisclosed: tuple[str, ...] = ()
    notes: str | None = None
    sources: tuple[str, ...] = ()
    misnomers: tuple[str, ...] = ()  # wrong names in circulation: they resolve, with a note

    @property
    def context(self) -> int | None:
        """The longest context the model takes: `max` where given, else `native`."""
        return self.context_max if self.context_max is not None else self.context_native

    @property
    def price(self) -> Price | None:
        """The newest list price (the first tier of that date)."""
        return self.price_on(None)

    def price_on(self, as_of: str | None) -> Price | None:
        """The list price in effect on `as_of` (ISO date; None for today): the latest dated on
        or before it, the first listed tier of that date. An undated price counts as the oldest.
        A date given as `2025` or `2025-06` compares as its first day."""
        best: Price | None = None
        for price in self.prices:
            when = price.date or ""
            if as_of is not None and when > as_of:
                continue
            if best is None or when > (best.date or ""):
                best = price
        return best


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
    # `stated` and `explanation` in Korean and Chinese ({"ko": …, "zh": …}), for --lang.
    stated_l10n: dict[str, str] = {}
    explanation_l10n: dict[str, str] = {}

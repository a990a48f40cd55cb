"""The registry's schema and rules: one file's YAML data → typed records, every problem recorded.

`parse_document` checks each value of one file (types, required keys, enums, dates, counts, the
cross-field rules of a model) and builds the records that are well-formed; `check_references`
checks the merged whole (dangling references, clashing names, currencies without rates). Both
record `Problem`s with the file and line of the value at fault, so a user sees every problem
of a file at once, sorted top to bottom. DESIGN.md and docs/registry.md describe the format.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

from cnai.names import all_names
from cnai.numbers import parse_count
from cnai.schema import (
    ARCHITECTURES,
    DISCLOSABLE,
    FUND_KINDS,
    MODALITIES,
    REASONING_MODES,
    SCORE_MODES,
    VERDICTS,
    Benchmark,
    Claim,
    Conversion,
    Family,
    Fund,
    Model,
    Price,
    RateTable,
    Score,
    Source,
    Vendor,
)
from cnai.yamlread import _PLAIN_INT, Document, Problem, YamlPath

if TYPE_CHECKING:
    from cnai.registry import Registry

SCHEMA_VERSION = 1

T = TypeVar("T")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
# `235B-A22B`, `30B-A3B`, `7B`, `0.6B` inside a model id: sizes the name promises.
_NAME_SIZE = re.compile(r"(?<![a-z0-9.])(\d+(?:\.\d+)?)b(?:-a(\d+(?:\.\d+)?)b)?(?![a-z0-9])")
# How far a parameter count may sit from the size in its name: Qwen3-30B-A3B is 30.5B/3.3B,
# ERNIE-4.5-0.3B is 0.36B. Relative for large sizes, 0.1B absolute for the smallest.
_NAME_TOLERANCE = 0.15
_NAME_TOLERANCE_ABS = 0.1e9


class _Fields:
    """Typed access to one YAML mapping, recording a problem for every bad value."""

    def __init__(self, doc: Document, path: YamlPath, data: Any, allowed: Iterable[str], required: Iterable[str] = ()):
        self.doc = doc
        self.path = path
        self.ok = isinstance(data, dict)
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        if not self.ok:
            doc.problem(path, f"expected a mapping, got {_describe(doc, path, data)}")
            return
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                import difflib

                near = difflib.get_close_matches(key, allowed, n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                doc.problem((*path, key), f"unknown key {key!r}{hint}")
        for key in required:
            value = self.data.get(key)
            if value is None:
                doc.problem(path, f"missing required key {key!r}")
            elif isinstance(value, str) and not value.strip():
                doc.problem((*path, key), f"{key!r} must not be empty")

    def at(self, key: str) -> YamlPath:
        return (*self.path, key)

    def problem(self, key: str, message: str) -> None:
        self.doc.problem(self.at(key), message)

    def _get(self, key: str, check: Callable[[Any, YamlPath], T | None]) -> T | None:
        value = self.data.get(key)
        return None if value is None else check(value, self.at(key))

    def text(self, key: str) -> str | None:
        return self._get(key, self._text)

    def _text(self, value: Any, path: YamlPath) -> str | None:
        if isinstance(value, str):
            return value
        self.doc.problem(path, f"expected text, got {_describe(self.doc, path, value)}; quote it")
        return None

    def ident(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not _ID.match(value):
            self.problem(key, f"{value!r} is not a valid id (lowercase letters, digits, . _ -)")
            return None
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(key)
        if value is not None and value not in choices:
            self.problem(key, f"expected one of {', '.join(choices)}, got {value!r}")
            return None
        return value

    def boolean(self, key: str) -> bool | None:
        def check(value: Any, path: YamlPath) -> bool | None:
            raw = self.doc.raw.get(path, "")
            if isinstance(value, bool) and raw.lower() in ("true", "false"):
                return value
            self.doc.problem(path, f"expected true or false, got {_describe(self.doc, path, value)}")
            return None

        return self._get(key, check)

    def number(self, key: str, *, positive: bool = False) -> float | None:
        return self._get(key, lambda value, path: _number(self.doc, path, value, positive=positive))

    def integer(self, key: str) -> int | None:
        def check(value: Any, path: YamlPath) -> int | None:
            raw = self.doc.raw.get(path, "")
            if isinstance(value, int) and not isinstance(value, bool) and _PLAIN_INT.match(raw):
                if value < 0:
                    self.doc.problem(path, f"expected a non-negative whole number, got {value}")
                    return None
                return value
            self.doc.problem(path, f"expected a whole number in plain decimal, got {_describe(self.doc, path, value)}")
            return None

        return self._get(key, check)

    def count(self, key: str) -> int | None:
        """A parameter count: `235B`, `0.44B`, or an exact integer."""

        def check(value: Any, path: YamlPath) -> int | None:
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return value
            if isinstance(value, str):
                try:
                    return parse_count(value)
                except ValueError as exc:
                    self.doc.problem(path, str(exc))
                    return None
            self.doc.problem(
                path, f"expected a parameter count such as 7B or 235B, got {_describe(self.doc, path, value)}"
            )
            return None

        return self._get(key, check)

    def iso_date(self, key: str, *, partial: bool = False) -> str | None:
        """`YYYY-MM-DD`; with `partial`, also `YYYY-MM` or `YYYY` where a source is no more precise."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and partial:
            value = str(value)  # an unquoted year
        text = value if isinstance(value, str) else None
        pattern = _PARTIAL_DATE if partial else _ISO_DATE
        if text is None or not pattern.match(text):
            wanted = "an ISO date YYYY-MM-DD (or YYYY-MM, YYYY)" if partial else "an ISO date YYYY-MM-DD"
            self.problem(key, f"expected {wanted}, got {_describe(self.doc, self.at(key), value)}")
            return None
        try:
            date.fromisoformat((text + "-01-01")[:10] if len(text) < 10 else text)
        except ValueError:
            self.problem(key, f"{text!r} is not a real date")
            return None
        return text

    def currency(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not _CURRENCY.match(value):
            self.problem(key, f"expected an ISO 4217 code such as CNY, KRW, USD, got {value!r}")
            return None
        return value

    def text_list(self, key: str, choices: tuple[str, ...] | None = None) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(key, f"expected a list, got {_describe(self.doc, self.at(key), value)}")
            return ()
        out: list[str] = []
        for index, item in enumerate(value):
            path = (*self.at(key), index)
            text = self._text(item, path)
            if text is None:
                continue
            if choices is not None and text not in choices:
                self.doc.problem(path, f"expected one of {', '.join(choices)}, got {text!r}")
                continue
            out.append(text)
        return tuple(out)

    def names(self, key: str = "names") -> dict[str, str]:
        sub = self.sub(key, ("en", "ko", "zh"))
        return {lang: text for lang in ("en", "ko", "zh") if (text := sub.text(lang)) is not None}

    def sub(self, key: str, allowed: Iterable[str], required: Iterable[str] = ()) -> _Fields:
        value = self.data.get(key)
        if value is None:
            return _Fields(self.doc, self.at(key), {}, allowed)
        return _Fields(self.doc, self.at(key), value, allowed, required)


def _describe(doc: Document, path: YamlPath, value: Any) -> str:
    """How a bad value reads in a message, naming YAML 1.1's reinterpretations."""
    raw = doc.raw.get(path)
    if isinstance(value, bool):
        return f"{raw or value!s} (YAML reads it as {str(value).lower()})"
    if isinstance(value, int | float) and raw is not None and raw != str(value):
        return f"{raw} (YAML reads it as {value!r})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value) if isinstance(value, str) else str(raw if raw is not None else value)


def _number(doc: Document, path: YamlPath, value: Any, *, positive: bool = False) -> float | None:
    """A finite number; numeric text such as `1e12` (a string to YAML 1.1) is accepted too."""
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value) if isinstance(value, float) else value
    elif isinstance(value, str):
        try:
            number = float(value.replace("_", ""))
        except ValueError:
            number = None
    if number is None or number != number or number in (float("inf"), float("-inf")):
        doc.problem(path, f"expected a finite number, got {_describe(doc, path, value)}")
        return None
    if number < 0 or (positive and number == 0):
        doc.problem(path, f"expected a {'positive' if positive else 'non-negative'} number, got {value}")
        return None
    return number


# --------------------------------------------------------------------------- records


class Located(NamedTuple):
    """Where a record sits, for cross-reference messages on the merged registry."""

    doc: Document
    path: YamlPath

    def problem(self, sub: YamlPath, message: str, out: list[Problem]) -> None:
        full = (*self.path, *sub)
        out.append(Problem(self.doc.file, self.doc.line(full), full, message))


@dataclass
class Parsed:
    """One file's records, each with its location; problems live on the document."""

    doc: Document
    snapshot: str | None = None
    sources: dict[str, tuple[Source, Located]] = field(default_factory=dict)
    vendors: list[tuple[Vendor, Located]] = field(default_factory=list)
    families: list[tuple[Family, Located]] = field(default_factory=list)
    models: list[tuple[Model, Located]] = field(default_factory=list)
    benchmarks: list[tuple[Benchmark, Located]] = field(default_factory=list)
    funding: list[tuple[Fund, Located]] = field(default_factory=list)
    rates: list[tuple[RateTable, Located]] = field(default_factory=list)
    claims: list[tuple[Claim, Located]] = field(default_factory=list)


_SOURCE_KEYS = ("title", "url", "date", "publisher", "accessed_via", "notes")
SECTIONS = (
    "schema", "snapshot", "sources", "vendors", "families", "models", "benchmarks", "funding", "rates", "claims",
)  # fmt: skip


def parse_document(doc: Document) -> Parsed:
    """Check one file against the schema, building the records that are well-formed."""
    parsed = Parsed(doc)
    top = _Fields(doc, (), doc.data, SECTIONS)
    if not top.ok:
        return parsed
    if doc.data.get("schema") is None:
        doc.problem((), "missing `schema: 1` at the top")
    elif doc.data.get("schema") != SCHEMA_VERSION or isinstance(doc.data.get("schema"), bool):
        top.problem("schema", f"unsupported schema {doc.data.get('schema')!r}; this cnai reads schema {SCHEMA_VERSION}")
    parsed.snapshot = top.iso_date("snapshot")
    sources = doc.data.get("sources")
    if sources is not None:
        if not isinstance(sources, dict):
            top.problem("sources", "expected a mapping of key → {title, url}")
        else:
            for key, value in sources.items():
                f = _Fields(doc, ("sources", key), value, _SOURCE_KEYS, ("title", "url"))
                title, url = f.text("title"), f.text("url")
                if f.ok and title and url:
                    item = Source(
                        key,
                        title,
                        url,
                        f.iso_date("date", partial=True),
                        f.text("publisher"),
                        f.text("accessed_via"),
                        f.text("notes"),
                    )
                    parsed.sources[key] = (item, Located(doc, ("sources", key)))
    readers: list[tuple[str, Callable[[_Fields], Any], list[Any]]] = [
        ("vendors", _vendor, parsed.vendors),
        ("families", _family, parsed.families),
        ("models", _model, parsed.models),
        ("benchmarks", _benchmark, parsed.benchmarks),
        ("funding", _fund, parsed.funding),
        ("rates", _rates, parsed.rates),
        ("claims", _claim, parsed.claims),
    ]
    for section, reader, out in readers:
        items = doc.data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            top.problem(section, f"expected a list, got {_describe(doc, (section,), items)}")
            continue
        for index, item in enumerate(items):
            path: YamlPath = (section, index)
            record = reader(_Fields(doc, path, item, _ALLOWED[section], _REQUIRED[section]))
            if record is not None:
                out.append((record, Located(doc, path)))
    return parsed


_ALLOWED: dict[str, tuple[str, ...]] = {
    "vendors": ("id", "name", "names", "aliases", "country", "sources"),
    "families": ("id", "name", "names", "aliases", "misnomers", "vendor", "flagship", "notes", "sources"),
    "models": (
        "id", "name", "names", "aliases", "misnomers", "family", "vendor", "released", "architecture", "params",
        "context", "license", "open_weights", "languages", "modalities", "reasoning", "base_model",
        "specialties", "prices", "benchmarks", "undisclosed", "notes", "sources",
    ),
    "benchmarks": ("id", "name", "measures", "unit", "higher_is_better", "source", "notes"),
    "funding": (
        "id", "name", "names", "kind", "country", "date", "launched", "amount", "growth_pct", "period",
        "covers", "set_up_by", "scope_note", "notes", "sources",
    ),
    "rates": ("date", "base", "rates", "source", "notes"),
    "claims": (
        "id", "text", "stated", "stated_l10n", "verified", "verdict", "explanation", "explanation_l10n", "arithmetic",
        "conversion", "sources",
    ),
}  # fmt: skip
_REQUIRED: dict[str, tuple[str, ...]] = {
    "vendors": ("id", "name", "country"),
    "families": ("id", "name", "vendor", "flagship"),
    "models": ("id", "name", "family"),
    "benchmarks": ("id", "name", "measures", "unit", "higher_is_better"),
    "funding": ("id", "name", "kind", "date", "amount", "sources"),
    "rates": ("date", "base", "rates", "source"),
    "claims": ("id", "text", "stated", "verified", "verdict", "explanation", "sources"),
}


def _country(f: _Fields) -> str | None:
    value = f.text("country")
    if value is not None and not re.match(r"^[A-Z]{2}$", value):
        f.problem("country", f"expected an ISO 3166 two-letter code such as CN or US, got {value!r}")
        return None
    return value


def _vendor(f: _Fields) -> Vendor | None:
    ident, name, country = f.ident("id"), f.text("name"), _country(f)
    if not (f.ok and ident and name and country):
        return None
    return Vendor(ident, name, country, f.names(), f.text_list("aliases"), f.text_list("sources"))


def _family(f: _Fields) -> Family | None:
    ident, name, vendor, flagship = f.ident("id"), f.text("name"), f.ident("vendor"), f.ident("flagship")
    if not (f.ok and ident and name and vendor and flagship):
        return None
    return Family(
        ident,
        name,
        vendor,
        flagship,
        f.names(),
        f.text_list("aliases"),
        f.text_list("sources"),
        f.text_list("misnomers"),
    )


def _model(f: _Fields) -> Model | None:
    ident, name, family = f.ident("id"), f.text("name"), f.ident("family")
    params = f.sub("params", ("total", "active"))
    total, active = params.count("total"), params.count("active")
    context = f.sub("context", ("native", "max"))
    native, maximum = context.integer("native"), context.integer("max")
    modalities = f.sub("modalities", ("input", "output"))
    benchmarks: dict[str, Score] = {}
    scores = f.data.get("benchmarks")
    if scores is not None and not isinstance(scores, dict):
        f.problem("benchmarks", "expected a mapping of benchmark id → {value, setting, source}")
    elif scores:
        for bench_id in scores:
            score = _score(
                _Fields(f.doc, f.at("benchmarks") + (bench_id,), scores[bench_id], _SCORE_KEYS, ("value", "source"))
            )
            if score is not None:
                benchmarks[bench_id] = score
    model = Model(
        id=ident or "",
        name=name or "",
        family=family or "",
        vendor=f.ident("vendor") or "",
        released=f.iso_date("released", partial=True),
        architecture=cast(Any, f.choice("architecture", ARCHITECTURES)),
        params_total=total,
        params_active=active,
        context_native=native,
        context_max=maximum,
        license=f.text("license"),
        open_weights=f.boolean("open_weights"),
        languages=f.integer("languages"),
        modalities_in=modalities.text_list("input", MODALITIES),
        modalities_out=modalities.text_list("output", MODALITIES),
        reasoning=cast(Any, f.choice("reasoning", REASONING_MODES)),
        base_model=f.ident("base_model"),
        specialties=f.text_list("specialties"),
        prices=_prices(f),
        benchmarks=benchmarks,
        names=f.names(),
        aliases=f.text_list("aliases"),
        undisclosed=f.text_list("undisclosed", DISCLOSABLE),
        notes=f.text("notes"),
        sources=f.text_list("sources"),
        misnomers=f.text_list("misnomers"),
    )
    if not (f.ok and ident and name and family):
        return None
    _model_rules(f, model)
    return model


_SCORE_KEYS = (
    "value", "unit", "mode", "k", "samples", "version", "reported_by", "self_reported", "note", "source",
)  # fmt: skip
_PRICE_KEYS = ("date", "currency", "per", "input", "output", "cache_hit_input", "tier", "note", "source")


def _score(f: _Fields) -> Score | None:
    value = f.data.get("value")
    number = _number(f.doc, f.at("value"), value) if value is not None else None
    source = f.text("source")
    mode = f.choice("mode", SCORE_MODES)
    k, samples = f.integer("k"), f.integer("samples")
    for key, given in (("k", k), ("samples", samples)):
        if given == 0:
            f.problem(key, "must be at least 1")
    reported_by = f.ident("reported_by")
    # Who reported it decides `self_reported` unless the file says otherwise (a leaderboard).
    self_reported = f.boolean("self_reported")
    if not (f.ok and number is not None and source):
        return None
    return Score(
        number, f.text("unit") or "", reported_by is None if self_reported is None else self_reported, source,
        mode, k, samples, f.text("version"), reported_by, f.text("note"),
    )  # fmt: skip


def _prices(f: _Fields) -> tuple[Price, ...]:
    items = f.data.get("prices")
    if items is None:
        return ()
    if not isinstance(items, list):
        f.problem("prices", "expected a list of dated prices {date, currency, per, input, output, source}")
        return ()
    out = []
    for index, item in enumerate(items):
        sub = _Fields(f.doc, (*f.at("prices"), index), item, _PRICE_KEYS, ("currency", "per", "source"))
        price = _price(sub)
        if price is not None:
            out.append(price)
    return tuple(out)


def _price(f: _Fields) -> Price | None:
    per = f.integer("per")
    currency, source = f.currency("currency"), f.text("source")
    figures = [f.number(key) for key in ("input", "output", "cache_hit_input")]
    when, tier, note = f.iso_date("date", partial=True), f.text("tier"), f.text("note")
    if not (f.ok and per and currency and source):
        if per == 0:
            f.problem("per", "must be a positive token count")
        return None
    return Price(figures[0], figures[1], currency, per, when, source, figures[2], tier, note)


def _model_rules(f: _Fields, model: Model) -> None:
    """Cross-field rules of one model (DESIGN.md)."""
    total, active = model.params_total, model.params_active
    if total is not None and active is not None and active > total:
        f.problem("params", f"active parameters ({active:,}) exceed total ({total:,})")
    if model.architecture == "moe" and active is None and "params" not in model.undisclosed:
        f.problem("params", "architecture is moe but params.active is not given")
    if active is not None and model.architecture != "moe":
        f.problem("architecture", "params.active is set, so architecture must be moe")
    native, maximum = model.context_native, model.context_max
    if native is not None and maximum is not None and native > maximum:
        f.problem("context", f"native context ({native:,}) exceeds max ({maximum:,})")
    for field_name in model.undisclosed:
        if field_name == "params" and (total is not None or active is not None):
            f.problem("undisclosed", "params is listed as undisclosed but values are given")
    has_figure = any(v is not None for v in (model.released, total, native, maximum, model.license, model.languages))
    if has_figure and not model.sources:
        f.problem("sources", "figures need a source: list at least one source key")
    size = _NAME_SIZE.search(model.id)
    if size and total is not None:
        _check_size(f, "params.total", float(size.group(1)), total)
        if size.group(2) and active is not None:
            _check_size(f, "params.active", float(size.group(2)), active)


def _check_size(f: _Fields, what: str, billions: float, actual: int) -> None:
    named = billions * 1e9
    if abs(actual - named) > max(_NAME_TOLERANCE * named, _NAME_TOLERANCE_ABS):
        f.problem("params", f"the id says {billions:g}B but {what} is {actual / 1e9:g}B")


def _benchmark(f: _Fields) -> Benchmark | None:
    ident, name, measures, unit = f.ident("id"), f.text("name"), f.text("measures"), f.text("unit")
    higher = f.boolean("higher_is_better")
    if not (f.ok and ident and name and measures and unit is not None and higher is not None):
        return None
    return Benchmark(ident, name, measures, unit, higher, f.text("source"))


def _fund(f: _Fields) -> Fund | None:
    ident, name, kind = f.ident("id"), f.text("name"), f.choice("kind", FUND_KINDS)
    country, when = _country(f), f.iso_date("date", partial=True)
    amount = f.sub("amount", ("value", "currency"), ("value", "currency"))
    value, currency = amount.number("value", positive=True), amount.currency("currency")
    sources = f.text_list("sources")
    growth, launched, set_up_by = f.number("growth_pct"), f.iso_date("launched", partial=True), f.text("set_up_by")
    if not (f.ok and ident and name and kind and when and value is not None and currency and sources):
        return None
    return Fund(
        ident, name, cast(Any, kind), country, when, value, currency, f.names(), f.text("period"),
        f.text("covers"), f.text("scope_note"), f.text("notes"), sources, growth, launched, set_up_by,
    )  # fmt: skip


def _rates(f: _Fields) -> RateTable | None:
    when, base, source = f.iso_date("date", partial=True), f.currency("base"), f.text("source")
    table = f.data.get("rates")
    rates: dict[str, float] = {}
    if isinstance(table, dict):
        for code, value in table.items():
            path = (*f.at("rates"), code)
            if not _CURRENCY.match(code):
                f.doc.problem(path, f"expected an ISO 4217 code, got {code!r}")
                continue
            number = _number(f.doc, path, value, positive=True)
            if number is not None:
                rates[code] = number
    elif table is not None:
        f.problem("rates", "expected a mapping of currency → units per one base unit")
    if not (f.ok and when and base and source and rates):
        return None
    return RateTable(when, base, rates, source, f.text("notes"))


def _claim(f: _Fields) -> Claim | None:
    values = [f.ident("id"), f.text("text"), f.text("stated"), f.text("verified")]
    verdict, explanation, sources = f.choice("verdict", VERDICTS), f.text("explanation"), f.text_list("sources")
    if not (f.ok and all(values) and verdict and explanation and sources):
        return None
    ident, text, stated, verified = cast(list[str], values)
    conversion = _conversion(f.sub("conversion", ("amount", "stated", "as_of"), ("amount", "stated", "as_of")))
    if f.data.get("conversion") is None:
        conversion = None
    return Claim(
        ident, text, stated, verified, cast(Any, verdict), explanation, f.text("arithmetic"), sources, conversion,
        f.names("stated_l10n"), f.names("explanation_l10n"),
    )  # fmt: skip


def _conversion(f: _Fields) -> Conversion | None:
    amount = f.sub("amount", ("value", "currency"), ("value", "currency"))
    stated = f.sub("stated", ("value", "currency"), ("value", "currency"))
    parts = (
        amount.number("value", positive=True), amount.currency("currency"),
        stated.number("value", positive=True), stated.currency("currency"), f.iso_date("as_of"),
    )  # fmt: skip
    if not (f.ok and all(p is not None for p in parts)):
        return None
    value, currency, stated_value, stated_currency, as_of = parts
    return Conversion(
        cast(float, value), cast(str, currency), cast(float, stated_value), cast(str, stated_currency), cast(str, as_of)
    )


# --------------------------------------------------------------------------- rules of the merged whole


def check_references(reg: Registry, where: dict[tuple[str, str], Located]) -> list[Problem]:
    """Rules that need the merged whole: dangling references and clashing names."""
    out: list[Problem] = []

    def need(section: str, ident: str, sub: YamlPath, target: dict[str, Any], what: str, value: str | None) -> None:
        if value is not None and value not in target:
            import difflib

            near = difflib.get_close_matches(value, list(target), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            where[(section, ident)].problem(sub, f"unknown {what} {value!r}{hint}", out)

    def need_sources(section: str, ident: str, keys: Iterable[str], sub: YamlPath = ("sources",)) -> None:
        for index, key in enumerate(keys):
            need(section, ident, (*sub, index) if sub == ("sources",) else sub, reg.sources, "source", key)

    currencies = reg.currencies()
    for vendor in reg.vendors.values():
        need_sources("vendors", vendor.id, vendor.sources)
    for family in reg.families.values():
        need("families", family.id, ("vendor",), reg.vendors, "vendor", family.vendor)
        need("families", family.id, ("flagship",), reg.models, "model", family.flagship)
        flagship = reg.models.get(family.flagship)
        if flagship is not None and flagship.family != family.id:
            where[("families", family.id)].problem(
                ("flagship",), f"flagship {flagship.id!r} belongs to family {flagship.family!r}", out
            )
        need_sources("families", family.id, family.sources)
    for model in reg.models.values():
        need("models", model.id, ("family",), reg.families, "family", model.family)
        owner = reg.families.get(model.family)
        if model.vendor and owner is not None and model.vendor != owner.vendor:
            where[("models", model.id)].problem(
                ("vendor",), f"vendor {model.vendor!r} differs from its family's {owner.vendor!r}", out
            )
        need("models", model.id, ("vendor",), reg.vendors, "vendor", model.vendor or None)
        need("models", model.id, ("base_model",), reg.models, "model", model.base_model)
        need_sources("models", model.id, model.sources)
        for bench_id, score in model.benchmarks.items():
            need("models", model.id, ("benchmarks", bench_id), reg.benchmarks, "benchmark", bench_id)
            need("models", model.id, ("benchmarks", bench_id, "source"), reg.sources, "source", score.source)
            where_score = ("benchmarks", bench_id, "reported_by")
            need("models", model.id, where_score, reg.vendors, "vendor", score.reported_by)
        for index, price in enumerate(model.prices):
            need("models", model.id, ("prices", index, "source"), reg.sources, "source", price.source)
            if price.currency not in currencies:
                where[("models", model.id)].problem(
                    ("prices", index, "currency"), f"no exchange rates define {price.currency}", out
                )
    for bench in reg.benchmarks.values():
        need("benchmarks", bench.id, ("source",), reg.sources, "source", bench.source)
    for fund in reg.funding.values():
        need_sources("funding", fund.id, fund.sources)
        if fund.currency not in currencies:
            where[("funding", fund.id)].problem(
                ("amount", "currency"), f"no exchange rates define {fund.currency}", out
            )
    for key, table in reg.rates.items():
        need("rates", f"{key[0]}/{key[1]}", ("source",), reg.sources, "source", table.source)
    for claim in reg.claims.values():
        need_sources("claims", claim.id, claim.sources)
        conv = claim.conversion
        for side, code in (("amount", conv.amount_currency), ("stated", conv.stated_currency)) if conv else ():
            if code not in currencies:
                where[("claims", claim.id)].problem(
                    ("conversion", side, "currency"), f"no exchange rates define {code}", out
                )
    out.extend(_name_clashes(reg, where))
    return out


def _name_clashes(reg: Registry, where: dict[tuple[str, str], Located]) -> Iterator[Problem]:
    """Two different things must not answer to the same name (a family may share its flagship's)."""
    owner: dict[str, tuple[str, str]] = {}
    for section, records in (("vendors", reg.vendors), ("families", reg.families), ("models", reg.models)):
        for record in records.values():
            rec = cast(Any, record)
            wrong = getattr(rec, "misnomers", ())
            for name in sorted(all_names(rec.id, rec.name, rec.names, (*rec.aliases, *wrong))):
                other = owner.get(name)
                if other is None:
                    owner[name] = (section, rec.id)
                    continue
                if other == (section, rec.id):
                    continue
                if section == "models" and other[0] == "families" and reg.families[other[1]].flagship == rec.id:
                    continue
                out: list[Problem] = []
                where[(section, rec.id)].problem(
                    ("aliases",), f"name {name!r} also belongs to {_SINGULAR[other[0]]} {other[1]!r}", out
                )
                yield from out


_SINGULAR = {"vendors": "vendor", "families": "family", "models": "model"}

"""Results → views: the JSON document of the contract and the grid people read.

One function per command result. JSON keeps exact base-unit values (counts, ISO dates, `null`
for unknown and undisclosed alike); the grid formats them for the reader's language
(`--lang en|ko|zh`): headers, names, and "undisclosed" versus "—" for unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cnai.messages import LANGS, UNIT_WORDS, label, word
from cnai.numbers import estimate, format_count, format_money, format_rate, format_significant, format_tokens
from cnai.output import BEST_MARK, TIE_MARK, Bar, Column, Grid, View

if TYPE_CHECKING:  # annotations only: `list --json` need not import the query or money layers
    from cnai.judge import Report as CheckReport
    from cnai.query import ClaimCheck, ConvertResult, FundRow, Ranked, Row
    from cnai.registry import Registry
    from cnai.schema import Benchmark, Claim, Model, Price, Source, Vendor
    from cnai.units import RateUsed


def display_name(names: dict[str, str], default: str, lang: str) -> str:
    return names.get(lang, default)


# --------------------------------------------------------------------------- JSON shapes


def source_json(reg: Registry, key: str) -> dict[str, Any]:
    source = reg.sources[key]  # the validator refuses a citation of an unknown source
    return {"key": key, "title": source.title, "url": source.url, "date": source.date}


def price_json(reg: Registry, p: Price | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "date": p.date, "input": p.input, "output": p.output, "cache_hit_input": p.cache_hit_input,
        "currency": p.currency, "per_tokens": p.per, "tier": p.tier, "note": p.note,
        "source": source_json(reg, p.source),
    }  # fmt: skip


def _origin_json(reg: Registry, m: Model) -> dict[str, Any] | None:
    """Where an entry came from when it is not the first file's (the bundled registry's)."""
    found = reg.overrides.get(m.id)
    if found is None:
        return None
    return {"file": found[0], "replaces": list(found[1])}


def model_json(reg: Registry, m: Model) -> dict[str, Any]:
    """The model object of the JSON contract (DESIGN.md), plus price, undisclosed and notes."""
    return {
        "id": m.id,
        "name": m.name,
        "names": dict(m.names),
        "family": m.family,
        "vendor": m.vendor,
        "country": reg.country_of(m),
        "released": m.released,
        "architecture": m.architecture,
        "params": {"total": m.params_total, "active": m.params_active},
        "context": {"native": m.context_native, "max": m.context_max},
        "license": m.license,
        "open_weights": m.open_weights,
        "languages": m.languages,
        "modalities": {"input": list(m.modalities_in), "output": list(m.modalities_out)},
        "reasoning": m.reasoning,
        "base_model": m.base_model,
        "specialties": list(m.specialties),
        "benchmarks": {
            bench_id: {
                "value": s.value,
                "unit": s.unit or reg.benchmarks[bench_id].unit,
                "mode": s.mode,
                "k": s.k,
                "samples": s.samples,
                "version": s.version,
                "reported_by": s.reported_by,
                "note": s.note,
                "setting": s.setting,
                "self_reported": s.self_reported,
                "source": source_json(reg, s.source),
            }
            for bench_id, s in m.benchmarks.items()
        },
        "price": price_json(reg, m.price),
        "prices": [price_json(reg, p) for p in m.prices],
        "undisclosed": list(m.undisclosed),
        "origin": _origin_json(reg, m),
        "notes": m.notes,
        "sources": [source_json(reg, key) for key in m.sources],
    }


# --------------------------------------------------------------------------- display helpers


def _missing(m: Model, field: str, lang: str) -> str:
    return word("undisclosed" if field in m.undisclosed else "unknown", lang)


def show_value(m: Model, key: str, lang: str, reg: Registry | None = None) -> str:
    """One field of a model as a person reads it."""
    if key == "params.total" or key == "params":
        return format_count(m.params_total) if m.params_total is not None else _missing(m, "params", lang)
    if key in ("params.active", "active"):
        if m.params_active is not None:
            return format_count(m.params_active)
        return (
            _missing(m, "params", lang)
            if "params" in m.undisclosed
            else ("" if m.architecture == "dense" else word("unknown", lang))
        )
    if key in ("context.native", "context.max", "context"):
        value = {"context.native": m.context_native, "context.max": m.context_max}.get(key, m.context)
        return format_tokens(value) if value is not None else _missing(m, "context", lang)
    if key == "architecture":
        return word(m.architecture, lang) if m.architecture else _missing(m, "architecture", lang)
    if key == "open_weights":
        return word("unknown", lang) if m.open_weights is None else word("yes" if m.open_weights else "no", lang)
    if key == "reasoning":
        return word(m.reasoning, lang) if m.reasoning else word("unknown", lang)
    if key == "name":
        return display_name(m.names, m.name, lang)
    if key == "vendor" and reg is not None:
        v = reg.vendors[m.vendor]
        return display_name(v.names, v.name, lang)
    if key == "family" and reg is not None:  # by name, as `show` says it
        f = reg.families[m.family]
        return display_name(f.names, f.name, lang)
    if key == "country" and reg is not None:
        return reg.country_of(m)
    value = getattr(m, key)
    if value is None:
        return _missing(m, key, lang)
    return str(value)


def score_text(value: float, unit: str | None, lang: str) -> str:
    number = f"{value:g}"  # `g` turns to an exponent from 999,999.5 up and below 0.0001: never shown so
    if "e+" in number:
        number = f"{value:,.0f}"
    elif "e-" in number:
        number = format_significant(value)
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    words = UNIT_WORDS.get(unit)
    word_ = words[LANGS.index(lang)] if words else unit
    return f"{number}{word_}" if lang == "zh" and words else f"{number} {word_}"


# --------------------------------------------------------------------------- views


LIST_FIELDS = (
    "id",
    "name",
    "vendor",
    "released",
    "architecture",
    "params",
    "active",
    "context",
    "license",
    "open_weights",
)


def list_view(reg: Registry, models: list[Model], lang: str) -> View:
    columns = [
        Column(key, label(key, lang), "right" if key in ("params", "active", "context") else "left", key == "license")
        for key in LIST_FIELDS
    ]

    def grid() -> Grid:
        rows = [[show_value(m, key, lang, reg) for key in LIST_FIELDS] for m in models]
        raw = [
            [
                m.id, m.name, m.vendor, m.released, m.architecture, m.params_total, m.params_active,
                m.context, m.license, m.open_weights,
            ]
            for m in models
        ]  # fmt: skip
        return Grid(columns, rows, raw)

    # Only what the format needs: `--json` builds no table cells, a table no JSON objects.
    return View.lazy(lambda: [model_json(reg, m) for m in models], grid)


def show_view(
    reg: Registry, m: Model, lang: str, converted: tuple[Price, RateUsed] | None = None, as_of: str | None = None
) -> View:
    """Every field with its source: a key/value grid; `converted` adds the price in effect on `as_of`
    in another currency."""
    rows: list[list[str]] = []

    # Value last: long settings and names then never push another column out of sight.
    def add(key: str, value: str, source: str = "") -> None:
        rows.append([label(key, lang), source, value])

    refs = {key: i + 1 for i, key in enumerate(_cited_keys(m))}

    def cite(key: str) -> str:
        return f"[{refs[key]}]"  # refs holds every key the model, its prices and its scores cite

    # The model's own sources back every field below that does not cite its own (benchmarks
    # and prices do): said once, on the first figure, rather than on every row.
    model_refs = " ".join(cite(k) for k in m.sources)
    add("id", m.id)
    origin = reg.overrides.get(m.id)
    if origin is not None:
        # Said first: every figure below is the overlay's, and what it replaced is not lost.
        replaced = f"; {word('replaces', lang)} {', '.join(origin[1])}" if origin[1] else ""
        add("defined_in", f"{origin[0]}{replaced}")
    shown = display_name(m.names, m.name, lang)
    add("name", shown)
    # The other names, the vendor's own (English) name first when the reader's language is shown.
    everyone = [m.name, *(m.names[lang_] for lang_ in LANGS if lang_ in m.names)]
    others = list(dict.fromkeys(n for n in everyone if n != shown))
    if others or m.aliases:
        add("names", ", ".join([*others, *m.aliases]))
    add("family", show_value(m, "family", lang, reg))
    add("vendor", show_value(m, "vendor", lang, reg))
    add("country", reg.country_of(m))
    figures = [
        (key, show_value(m, key, lang), _exact(m, key))
        for key in ("released", "architecture", "params.total", "params.active", "context.native", "context.max")
    ]
    figures += [
        ("license", show_value(m, "license", lang), None),
        ("open_weights", show_value(m, "open_weights", lang), None),
        ("languages", str(m.languages) if m.languages is not None else _missing(m, "languages", lang), None),
    ]
    if m.modalities_in or m.modalities_out:
        modalities = f"{', '.join(m.modalities_in) or '—'} → {', '.join(m.modalities_out) or '—'}"
        figures.append(("modalities", modalities, None))
    figures.append(("reasoning", show_value(m, "reasoning", lang), None))
    for index, (key, value, exact) in enumerate(figures):
        add(key, f"{value} ({exact})" if exact else value, model_refs if index == 0 else "")
    if m.base_model:
        add("base_model", m.base_model)
    if m.specialties:
        add("specialties", ", ".join(m.specialties))
    # Every dated price, oldest first as the file lists them; the one in effect (the latest on or
    # before --as-of) is marked when there is a choice, and is the one converted.
    chosen = m.price_on(as_of)
    for p in m.prices:
        mark = f" ◀ {word('in_effect', lang)}" if p is chosen and len(m.prices) > 1 else ""
        add("price", price_text(p, lang) + mark, cite(p.source))
    if converted is not None:
        cp, rate = converted
        when = f", {rate.date}" if rate.date else ""
        add("price", f"≈ {price_text(cp, lang, dated=False)} ({rate_text(rate)}{when})")
    for bench_id, score in m.benchmarks.items():
        bench = reg.benchmarks[bench_id]  # the validator refuses a score on an unregistered benchmark
        unit = score.unit or bench.unit
        detail = [d for d in (score.setting, word("self_reported", lang) if score.self_reported else None) if d]
        text = score_text(score.value, unit, lang) + (f" ({'; '.join(detail)})" if detail else "")
        rows.append([bench.name, cite(score.source), text])
    footer = [f"{label('notes', lang)}: {m.notes}"] if m.notes else []
    if model_refs:
        footer.append(word("model_sources", lang).format(refs=model_refs))
    footer += [f"[{n}] {_source_line(reg.sources[key])}" for key, n in refs.items()]
    columns = [
        Column("field", label("field", lang)),
        Column("source", label("source", lang), wrap=True),
        Column("value", label("value", lang), wrap=True),
    ]
    payload = model_json(reg, m)
    payload["price"] = price_json(reg, chosen)
    if converted is not None:  # a price was in effect: it is the one converted
        cp, rate = converted
        payload["price"]["converted"] = {
            "input": cp.input, "output": cp.output, "cache_hit_input": cp.cache_hit_input, "currency": cp.currency,
            "rate": rate_json(reg, rate),
        }  # fmt: skip
    # CSV carries raw values, as every other command's: the JSON document, one leaf per row.
    grid = Grid(columns, rows, flatten(payload), footer=footer, csv_headers=["field", "value"])
    return View(payload, grid)


def flatten(value: Any, prefix: str = "") -> list[list[Any]]:
    """`{"params": {"total": 1}}` → [["params.total", 1]]; lists index their items (`sources.0.url`)."""
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = [(str(i), v) for i, v in enumerate(value)]
    else:
        return [[prefix, value]]
    rows: list[list[Any]] = []
    for key, item in items:
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(item, dict | list) and item:
            rows.extend(flatten(item, path))
        else:
            rows.append([path, None if isinstance(item, dict | list) else item])
    return rows


def price_text(p: Price, lang: str, *, dated: bool = True) -> str:
    """`in 2 / out 8 / cached 0.5 CNY per 1M tokens, from 2025-04-29 (input ≤32K)`."""

    def amount(figure: float | None) -> str:
        return f"{figure:,.4g}" if figure is not None else word("unknown", lang)

    parts = [f"{word('price_in', lang)} {amount(p.input)}", f"{word('price_out', lang)} {amount(p.output)}"]
    if p.cache_hit_input is not None:
        parts.append(f"{word('price_cached', lang)} {amount(p.cache_hit_input)}")
    text = f"{' / '.join(parts)} {p.currency} {word('per_tokens', lang).format(n=format_count(p.per))}"
    if dated and p.date:
        text += f", {word('price_from', lang)} {p.date}"
    extra = "; ".join(x for x in (p.tier, p.note) if x)
    return f"{text} ({extra})" if extra else text


def _exact(m: Model, key: str) -> str | None:
    """The exact count next to a compact one, where rounding hides digits."""
    value = {
        "params.total": m.params_total, "params.active": m.params_active,
        "context.native": m.context_native, "context.max": m.context_max,
    }.get(key)  # fmt: skip
    return f"{value:,}" if value is not None and value >= 1000 else None


def _cited_keys(m: Model) -> list[str]:
    keys: list[str] = []
    for key in (*m.sources, *(p.source for p in m.prices), *(s.source for s in m.benchmarks.values())):
        if key not in keys:
            keys.append(key)
    return keys


def _source_line(source: Source) -> str:
    dated = f" ({source.date})" if source.date else ""
    return f"{source.title}{dated} {source.url}"


def compare_view(reg: Registry, models: list[Model], rows: list[Row], lang: str) -> View:
    columns = [Column("field", label("field", lang))]
    columns += [Column(m.id, display_name(m.names, m.name, lang), "right", wrap=True) for m in models]
    grid_rows: list[list[str]] = []
    raw: list[list[Any]] = []
    marks: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        if row.group == "benchmarks":  # compare() makes rows only for registered benchmarks
            name = reg.benchmarks[row.key.removeprefix("benchmarks.")].name
        else:
            name = label(row.key, lang)
        if _uncompared(row):
            name += " †"
        cells = [name]
        for i, cell in enumerate(row.cells):
            cells.append(_compare_cell(reg, models[i], row, cell, lang))
            if i in row.best:
                marks[(r, i + 1)] = TIE_MARK if len(row.best) > 1 else BEST_MARK
        grid_rows.append(cells)
        raw.append([row.key, *[c.value for c in row.cells]])
    # Each mark is explained only when it is used: no "* best in row" under a table without a star.
    footer = [word("best", lang)] if any(len(row.best) == 1 for row in rows) else []
    if any(len(row.best) > 1 for row in rows):
        footer.append(word("tied", lang))
    if any(_uncompared(row) for row in rows):
        footer.append("† " + word("settings_differ", lang))
    best: dict[str, Any] = {}
    for row in rows:
        if row.best:
            ids = [models[i].id for i in row.best]
            best[row.key] = ids  # always a list: one id, or the ids tied for best
    # The rows as asked (--fields), in the currency asked (--currency): values by model, in order.
    row_json = [
        {
            "key": row.key, "group": row.group,
            "values": [_whole(c.value) if isinstance(c.value, float) and row.group != "price" else c.value
                       for c in row.cells],
            "units": [c.unit for c in row.cells],
            "comparable": row.comparable, "best": [models[i].id for i in row.best],
        }
        for row in rows
    ]  # fmt: skip
    payload = {"models": [model_json(reg, m) for m in models], "rows": row_json, "best": best}
    return View(payload, Grid(columns, grid_rows, raw, marks, footer))


def _uncompared(row: Row) -> bool:
    """A score or price row whose cells cannot be ranked (settings or currencies differ): marked †."""
    return row.group in ("benchmarks", "price") and not row.comparable


def _compare_cell(reg: Registry, m: Model, row: Row, cell: Any, lang: str) -> str:
    if row.group == "benchmarks":
        if cell.value is None:
            return word("unknown", lang)
        text = score_text(cell.value, cell.unit, lang)
        return f"{text} [{cell.regime_text}]" if not row.comparable else text
    if row.group == "price":
        if cell.value is None:
            return ""
        return str(cell.value) if isinstance(cell.value, str) else f"{cell.value:,.4g} {cell.unit}"
    return show_value(m, row.key, lang, reg)


def vendors_view(reg: Registry, lang: str) -> View:
    payload = []
    rows = []
    for v in reg.vendors.values():
        families = [f.id for f in reg.families.values() if f.vendor == v.id]
        count = sum(1 for m in reg.models.values() if m.vendor == v.id)
        payload.append(_vendor_json(v, families, count))
        rows.append([v.id, display_name(v.names, v.name, lang), v.country, str(count), ", ".join(families)])
    keys = ("id", "name", "country", "models", "families")
    columns = [Column(k, label(k, lang), "right" if k == "models" else "left", k == "families") for k in keys]
    raw = [[p["id"], p["name"], p["country"], p["models"], " ".join(p["families"])] for p in payload]
    return View(payload, Grid(columns, rows, raw))


def _vendor_json(v: Vendor, families: list[str], count: int) -> dict[str, Any]:
    return {
        "id": v.id,
        "name": v.name,
        "names": dict(v.names),
        "country": v.country,
        "families": families,
        "models": count,
    }


def benchmarks_view(reg: Registry, lang: str) -> View:
    payload = [_benchmark_json(reg, b) for b in reg.benchmarks.values()]
    keys = ("id", "name", "measures", "unit", "higher_is_better")
    rows = [
        [b.id, b.name, b.measures, b.unit, word("yes" if b.higher_is_better else "no", lang)]
        for b in reg.benchmarks.values()
    ]
    raw = [[b.id, b.name, b.measures, b.unit, b.higher_is_better] for b in reg.benchmarks.values()]
    return View(payload, Grid([Column(k, label(k, lang), wrap=k == "measures") for k in keys], rows, raw))


def _benchmark_json(reg: Registry, b: Benchmark) -> dict[str, Any]:
    return {
        "id": b.id, "name": b.name, "measures": b.measures, "unit": b.unit,
        "higher_is_better": b.higher_is_better, "source": source_json(reg, b.source) if b.source else None,
    }  # fmt: skip


def validate_view(reg: Registry, file: str) -> View:
    counts = {
        "models": len(reg.models), "families": len(reg.families), "vendors": len(reg.vendors),
        "benchmarks": len(reg.benchmarks), "funding": len(reg.funding), "rates": len(reg.rates),
        "claims": len(reg.claims), "sources": len(reg.sources),
    }  # fmt: skip
    payload = {"file": file, "valid": True, "problems": [], "counts": counts}
    summary = ", ".join(f"{n} {k}" for k, n in counts.items())
    grid = Grid(
        [Column("file", "file"), Column("result", "result", wrap=True)], [[file, f"ok: {summary}"]], [[file, "ok"]]
    )
    return View(payload, grid)


# --------------------------------------------------------------------------- money


def converted_figure(value: float, rate: RateUsed) -> float:
    """A converted amount as displayed: rounded once (ESTIMATE_DIGITS) — unless nothing was
    converted (the same currency), when the amount is echoed exactly as it was given."""
    return value if rate.source == rate.target else estimate(value)


def rate_text(rate: RateUsed) -> str:
    return f"1 {rate.source} = {format_rate(rate.value)} {rate.target}"


def rate_json(reg: Registry, rate: RateUsed, overrides: str | None = None) -> dict[str, Any]:
    if rate.override and rate.origin is None:
        source: dict[str, Any] = {
            "key": None,
            "title": f"command line: {overrides or '--rate'}",
            "url": None,
            "date": None,
        }
    elif rate.origin is not None:
        source = source_json(reg, rate.origin)
    else:
        source = {"key": None, "title": "same currency", "url": None, "date": None}
    return {"from": rate.source, "to": rate.target, "value": rate.value, "date": rate.date, "source": source}


def _rate_cells(reg: Registry, rate: RateUsed) -> list[str]:
    """A rate as a table shows it: `1 CNY = 198.63 KRW` and where it came from."""
    return [rate_text(rate), _rate_origin(reg, rate)]


def _rate_values(rate: RateUsed, overrides: str | None) -> list[Any]:
    """A rate as CSV carries it: value, table date, and the table's source key or the --rate given."""
    return [rate.value, rate.date, rate.origin or overrides]


def _rate_origin(reg: Registry, rate: RateUsed) -> str:
    if rate.origin is None:
        return "--rate" if rate.override else ""
    return f"{rate.date} {reg.sources[rate.origin].title}" + (" + --rate" if rate.override else "")


def funding_view(reg: Registry, rows: list[FundRow], lang: str, overrides: str | None = None) -> View:
    converting = any(r.converted for r in rows)
    payload = []
    grid_rows = []
    raw = []
    for row in rows:
        f, c = row.fund, row.converted
        converted = None
        if c is not None:
            # One rate object wherever a rate appears: {from, to, value, date, source}.
            converted = {"value": c.value, "currency": c.currency, "rate": rate_json(reg, c.rate, overrides)}
        payload.append(
            {
                "id": f.id, "name": f.name, "names": dict(f.names), "kind": f.kind, "country": f.country,
                "date": f.date, "amount": {"value": f.value, "currency": f.currency}, "converted": converted,
                "period": f.period, "covers": f.covers, "scope_note": f.scope_note, "growth_pct": f.growth_pct,
                "sources": [source_json(reg, key) for key in f.sources],
            }
        )  # fmt: skip
        cells = [
            f.id, display_name(f.names, f.name, lang), word(f.kind, lang), f.country or word("global", lang), f.date,
            format_money(f.value, f.currency, lang),
        ]  # fmt: skip
        values: list[Any] = [f.id, f.name, f.kind, f.country, f.date, f.value, f.currency]
        if converting and c is None:  # a row left unconverted among converted ones: empty, not zero
            cells += ["", "", ""]
            values += [None] * 5
        elif c is not None:
            cells += [format_money(converted_figure(c.value, c.rate), c.currency, lang), *_rate_cells(reg, c.rate)]
            values += [c.value, c.currency, *_rate_values(c.rate, overrides)]
        grid_rows.append(cells)
        raw.append(values)
    keys = ["id", "name", "kind", "country", "date", "amount"]
    columns = [Column(k, label(k, lang), "right" if k == "amount" else "left", k == "name") for k in keys]
    csv_keys = ["id", "name", "kind", "country", "date", "amount", "currency"]
    if converting:
        columns += [Column("converted", label("converted", lang), "right"), Column("rate", label("rate", lang)),
                    Column("rate_source", label("rate_source", lang), wrap=True)]  # fmt: skip
        csv_keys += ["converted", "converted_currency", "rate", "rate_date", "rate_source"]
    grid = Grid(columns, grid_rows, raw, csv_headers=csv_keys)
    return View(payload, grid)


_SCALE_LETTERS = {10**3: "K", 10**6: "M", 10**9: "B", 10**12: "T"}
_UNIT_WORDS = {"param": ("params", "파라미터", "参数"), "token": ("tokens", "토큰", "词元")}


def quantity_text(value: float, unit: str, lang: str, scale: int) -> str:
    """`671000000000 param` → `671B params`; with scale 10**12 → `0.671T params`, 10**3 →
    `671,000,000K params` (six significant digits, never an exponent). A scale without a letter
    (만, 억) shows the count as every other command does: no figure without its scale."""
    words = _UNIT_WORDS[unit][LANGS.index(lang)]
    letter = _SCALE_LETTERS.get(scale)
    if letter is not None:
        return f"{format_significant(value / scale)}{letter} {words}"
    return f"{format_count(int(value)) if value == int(value) else format_significant(value)} {words}"


def amount_text(value: float, unit: str, lang: str, scale: int) -> str:
    if unit in _UNIT_WORDS:
        return quantity_text(value, unit, lang, scale)
    return format_money(value, unit, lang)


def _whole(value: float) -> float | int:
    """A whole count stays an integer in JSON and CSV (671000000000, not 671000000000.0)."""
    return int(value) if float(value).is_integer() and abs(value) < 2**63 else value


def convert_view(reg: Registry, result: ConvertResult, lang: str, overrides: str | None = None) -> View:
    rate = rate_json(reg, result.rate, overrides) if result.rate is not None else None
    output = result.output_value if result.rate is None else converted_figure(result.output_value, result.rate)
    display = amount_text(output, result.output_unit, lang, result.scale)
    # The value in the unit asked for (`--to "T params"` → 0.671 "T params"), the base value beside it.
    scale = result.scale  # 1 when none was asked for
    unit = result.output_unit
    if scale != 1:
        unit = f"{_SCALE_LETTERS.get(scale, f'{scale}×')} {_UNIT_WORDS[unit][0] if unit in _UNIT_WORDS else unit}"
    quantity = result.rate is None
    in_unit = result.output_value / scale
    payload: dict[str, Any] = {
        "input": {"value": _whole(result.input_value) if quantity else result.input_value, "unit": result.input_unit},
        "output": {
            "value": _whole(in_unit) if quantity and scale == 1 else in_unit,
            "unit": unit,
            "display": display,
            "base": {
                "value": _whole(result.output_value) if quantity else result.output_value,
                "unit": result.output_unit,
            },
        },
        "rate": rate,
    }
    cells = [amount_text(result.input_value, result.input_unit, lang, 1), display]
    columns = [Column("input", label("input", lang), "right"), Column("output", label("output", lang), "right")]
    values: list[Any] = [payload["input"]["value"], result.input_unit, payload["output"]["value"], unit]
    headers = ["input", "input_unit", "output", "output_unit"]
    if result.rate is not None:
        cells += _rate_cells(reg, result.rate)
        columns += [Column("rate", label("rate", lang)), Column("rate_source", label("rate_source", lang), wrap=True)]
        values += _rate_values(result.rate, overrides)
        headers += ["rate", "rate_date", "rate_source"]
    return View(payload, Grid(columns, [cells], [values], csv_headers=headers))


def detail_view(item: dict[str, Any], lang: str) -> View:
    """One item of a list command in full (`cnai funding ID`, `cnai claims ID`): its JSON object
    as the document, and as a table one field per line, nested objects spelled out."""

    def text(value: Any) -> str:
        if value is None:
            return "—"
        if isinstance(value, dict):
            if {"title", "url"} <= set(value):
                return f"{value['title']} ({value.get('date') or 'undated'}) {value['url']}"
            if {"value", "currency"} <= set(value) and isinstance(value["value"], int | float):
                money = format_money(value["value"], value["currency"], lang)
                rate = value.get("rate")
                if isinstance(rate, dict):
                    money += f" (1 {rate['from']} = {rate['value']:,.6g} {rate['to']}, {rate.get('date') or '--rate'})"
                return money
            return "; ".join(f"{k}: {text(v)}" for k, v in value.items() if v is not None)
        if isinstance(value, list):
            return "\n".join(text(v) for v in value) if value else "—"
        if isinstance(value, float):
            return f"{value:,.6g}"
        return str(value)

    rows = [[label(key, lang), text(value)] for key, value in item.items()]
    columns = [Column("field", label("field", lang)), Column("value", label("value", lang), wrap=True)]
    return View(item, Grid(columns, rows, [[key, json_scalar(value)] for key, value in item.items()]))


def json_scalar(value: Any) -> Any:
    """A CSV cell for a JSON value: scalars as they are, anything nested as compact JSON."""
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, ensure_ascii=False)
    return value


def info_view(reg: Registry, lang: str, origins: dict[str, str]) -> View:
    """What `cnai info` says: the snapshot, counts, rate coverage, and every file in effect."""
    from cnai import __version__

    files = []
    for index, path in enumerate(reg.files):
        role = "bundled" if index == 0 and path == reg.bundled else "overlay"
        files.append(
            {"path": path, "role": role, "via": origins.get(path, "--registry") if role == "overlay" else None}
        )
    dates = sorted(table.date for table in reg.rates.values())
    currencies = sorted({code for table in reg.rates.values() for code in (table.base, *table.rates)})
    counts = {
        "models": len(reg.models), "families": len(reg.families), "vendors": len(reg.vendors),
        "benchmarks": len(reg.benchmarks), "scores": sum(len(m.benchmarks) for m in reg.models.values()),
        "prices": sum(len(m.prices) for m in reg.models.values()), "funding": len(reg.funding),
        "claims": len(reg.claims), "rate_tables": len(reg.rates), "sources": len(reg.sources),
    }  # fmt: skip
    payload = {
        "version": __version__,
        "snapshot": reg.snapshot,
        "counts": counts,
        "rates": {"first": dates[0] if dates else None, "last": dates[-1] if dates else None, "currencies": currencies},
        "files": files,
    }
    rows = [[label("info.version", lang), __version__], [label("info.snapshot", lang), reg.snapshot or "—"]]
    rows += [[label(f"info.{key}", lang), f"{value:,}"] for key, value in counts.items()]
    if dates:
        rows.append([label("info.rates", lang), f"{dates[0]} … {dates[-1]} ({', '.join(currencies)})"])
    for item in files:
        via = f" ({item['via']})" if item["via"] else ""
        rows.append([label(f"info.{item['role']}", lang), f"{item['path']}{via}"])
    raw = [[row[0], row[1]] for row in rows]
    columns = [Column("field", label("field", lang)), Column("value", label("value", lang), wrap=True)]
    return View(payload, Grid(columns, rows, raw))


def rates_view(reg: Registry, lang: str) -> View:
    payload = []
    rows = []
    raw = []
    for table in reg.rates.values():
        source = reg.sources[table.source]  # the validator refuses a table citing an unknown source
        cited = source_json(reg, table.source)
        cited["accessed_via"] = source.accessed_via  # e.g. when `cnai update` fetched it
        payload.append(
            {"date": table.date, "base": table.base, "rates": dict(table.rates), "source": cited, "notes": table.notes}
        )
        for code, value in table.rates.items():
            rows.append([table.date, f"1 {table.base} = {format_rate(value)} {code}", source.title])
            raw.append([table.date, table.base, code, value, source.url])
    columns = [
        Column("date", label("date", lang)),
        Column("rate", label("rate", lang)),
        Column("source", label("source", lang), wrap=True),
    ]
    # Each source once under the table: where it is, when it was published and how it was read.
    footer = []
    for key in dict.fromkeys(table.source for table in reg.rates.values()):
        source = reg.sources[key]
        parts = [source.url, source.date and f"{word('published', lang)} {source.date}", source.accessed_via]
        footer.append(f"{source.title}: " + "; ".join(p for p in parts if p))
    grid = Grid(columns, rows, raw, footer=footer, csv_headers=["date", "base", "currency", "per_base", "source_url"])
    return View(payload, grid)


def claims_view(reg: Registry, claims: list[tuple[Claim, ClaimCheck | None]], lang: str) -> View:
    """The article's claims. In Korean the article's own sentence is quoted; in Korean and
    Chinese the explanation (and a conversion's arithmetic) is in that language."""
    payload = []
    rows = []
    raw = []
    for claim, check in claims:
        stated = claim.text if lang == "ko" else claim.stated_l10n.get(lang, claim.stated)
        explanation = claim.explanation_l10n.get(lang, claim.explanation)
        item: dict[str, Any] = {
            "id": claim.id, "text": claim.text, "stated": claim.stated_l10n.get(lang, claim.stated),
            "verified": claim.verified, "verdict": claim.verdict, "explanation": explanation,
            "arithmetic": claim.arithmetic, "check": None, "sources": [source_json(reg, key) for key in claim.sources],
        }  # fmt: skip
        detail = claim.verified if lang == "en" else explanation
        if check is not None and claim.conversion is not None:
            conv = claim.conversion
            item["check"] = {
                "amount": {"value": conv.amount, "currency": conv.amount_currency},
                "stated": {"value": conv.stated, "currency": conv.stated_currency},
                "implied_rate": check.implied_rate,
                "registry_rate": rate_json(reg, check.recomputed.rate),
                "recomputed": {"value": check.recomputed.value, "currency": check.recomputed.currency},
                "ratio": check.ratio,
            }
            arithmetic = claim_arithmetic(claim, check, lang)
            detail = arithmetic if lang == "en" else f"{arithmetic}{word('sentence_end', lang)}{explanation}"
        payload.append(item)
        rows.append([claim.id, word(claim.verdict, lang), stated, detail])
        raw.append([claim.id, claim.verdict, stated, detail])
    keys = ("id", "verdict", "stated", "check")
    columns = [Column(k, label(k, lang), wrap=k in ("stated", "check")) for k in keys]
    return View(payload, Grid(columns, rows, raw))


def claim_arithmetic(claim: Claim, check: ClaimCheck, lang: str) -> str:
    """`7.7 trillion KRW for 398.1 billion CNY implies 19.34 KRW/CNY; at 196.09 …: 1/10 of it`,
    in `lang`, worded as `cnai check` words the same conversion."""
    from cnai.judge import conversion_verdict

    conv = claim.conversion
    assert conv is not None
    rec = check.recomputed
    return conversion_verdict(
        conv.amount, conv.amount_currency, conv.stated, conv.stated_currency, rec.value, rec.rate, lang
    )[1]


# --------------------------------------------------------------------------- rank


def rank_value_text(item: Ranked, lang: str) -> str:
    if item.unit == "params":
        return format_count(int(item.value))
    if item.unit == "tokens":
        return format_tokens(int(item.value))
    if isinstance(item.value, str):
        return item.value
    return score_text(float(item.value), item.unit, lang)


def rank_view(reg: Registry, ranked: list[Ranked], by: str, lang: str, *, chart: bool = False) -> View:
    payload = [
        {
            "rank": r.rank,
            "id": r.model.id,
            "name": r.model.name,
            "value": r.value,
            "unit": r.unit,
            "setting": r.setting,
            "regime": r.regime,
            "comparable": r.comparable,
        }  # fmt: skip
        for r in ranked
    ]
    with_settings = any(r.setting for r in ranked)
    keys = ["rank", "id", "name", "value"] + (["setting"] if with_settings else [])
    columns = [Column(k, label(k, lang), "right" if k in ("rank", "value") else "left", k == "setting") for k in keys]
    rows = []
    for r in ranked:
        value = rank_value_text(r, lang) + ("" if r.comparable else " †")
        cells = [str(r.rank), r.model.id, display_name(r.model.names, r.model.name, lang), value]
        rows.append(cells + ([r.conditions or r.setting or ""] if with_settings else []))
    raw = [[r.rank, r.model.id, r.model.name, r.value] + ([r.setting] if with_settings else []) for r in ranked]
    footer = [word("other_regime", lang)] if not all(r.comparable for r in ranked) else []
    grid = Grid(columns, rows, raw, footer=footer)
    if chart:
        grid.chart = [
            Bar(
                f"{r.rank}. {display_name(r.model.names, r.model.name, lang)}",
                _bar_value(r.value),
                rank_value_text(r, lang),
            )
            for r in ranked
        ]
    return View(payload, grid)


def _bar_value(value: Any) -> float:
    """Dates chart as days since the earliest day the chart could show (bars need numbers)."""
    if isinstance(value, str):
        from datetime import date

        day = (value + "-01-01")[:10]  # a partial date charts at its start; a full one is unchanged
        return float((date.fromisoformat(day) - date(2020, 1, 1)).days)
    return float(value)


# --------------------------------------------------------------------------- check

_VERDICT_MARKS = {"right": "✓", "wrong": "✗", "overstated": "!", "unverifiable": "?", "unknown": "?"}
_TONES = {"right": "good", "wrong": "bad", "overstated": "warn", "unverifiable": "plain", "unknown": "plain"}
CONTEXT_CHARS = 40  # characters of the sentence shown either side of a checked span


def check_view(reg: Registry, report: CheckReport, original: str, lang: str) -> View:
    """`cnai check`: the findings as JSON, CSV rows, and passages for people."""
    from cnai.messages import say
    from cnai.output import Passage, Report

    date_json = {"value": report.date.value.isoformat(), "basis": report.date.basis}
    findings = []
    passages = []
    raw = []
    for f in report.findings:
        sources = [source_json(reg, key) for key in f.sources if key in reg.sources]
        registry = f.registry
        if registry is not None and "rate" in registry:  # a conversion: the one rate object
            registry = {**registry, "rate": rate_json(reg, registry["rate"])}
        findings.append({
            "span": [f.start, f.end], "line": f.line, "text": f.text, "kind": f.kind, "model": f.model,
            "family": f.family, "stated": f.stated, "registry": registry, "verdict": f.verdict,
            "explanation": f.explanation, "sources": sources,
        })  # fmt: skip
        verdict = word("unknown_model" if f.verdict == "unknown" else f.verdict, lang)
        kind = word(f"kind.{f.kind}", lang)
        heading = f"{_VERDICT_MARKS[f.verdict]} {verdict} · {kind} · {word('line', lang).format(n=f.line)}"
        start, end = f.sentence
        before = original[max(start, f.start - CONTEXT_CHARS) : f.start]
        after = original[f.end : min(end, f.end + CONTEXT_CHARS)]
        before = ("…" if f.start - CONTEXT_CHARS > start else "") + before.lstrip()
        after = after.rstrip() + ("…" if f.end + CONTEXT_CHARS < end else "")
        lines = [f.explanation]
        if sources:
            titles = "; ".join(s["title"] for s in sources[:3])
            lines.append(word("source_line" if len(sources) == 1 else "sources_line", lang).format(titles=titles))
        passages.append(Passage(heading, before, f.text, after, lines, _TONES[f.verdict]))
        raw.append([f.start, f.end, f.line, f.kind, f.text, f.model or f.family or "", f.verdict, f.explanation])
    counts = report.counts()
    payload = {"date": date_json, "findings": findings, "counts": counts}
    summary = " · ".join(f"{word('unknown_model' if v == 'unknown' else v, lang)} {n}" for v, n in counts.items())
    title = say(f"check.date.{report.date.basis}", lang, date=report.date.value.isoformat())
    # No table: a terminal and Markdown get the report's passages, CSV the raw rows.
    grid = Grid(
        [], [], raw, csv_headers=["start", "end", "line", "kind", "text", "model", "verdict", "explanation"],
        report=Report(title, passages, summary, say("check.nothing", lang)),
    )  # fmt: skip
    return View(payload, grid)

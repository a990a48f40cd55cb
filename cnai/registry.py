"""Load registry files into one checked, indexed Registry; resolve model names.

Three parts behind `load` and `Registry.resolve`: `cnai.yamlread` reads a file (YAML with the
line of every value), `cnai.rules` checks it against the schema and builds records, and this
module merges the files, checks the whole, keeps the result in the cache and answers lookups.
Every problem of every file is collected (as `Problem` records, sorted by file and line)
before RegistryInvalid is raised.

User files (`--registry`) are merged over the bundled one: an entry whose id already exists
replaces it. Cross-references (families, vendors, benchmarks, sources, currencies) are checked
on the merged whole, so a user file may lean on the bundled vendors and benchmarks.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cnai.bundle import bundled_location, read_bytes
from cnai.errors import NotFoundError, RegistryInvalid
from cnai.names import all_names, normalize_name
from cnai.schema import Benchmark, Claim, Family, Fund, Model, RateTable, Source, Vendor

if TYPE_CHECKING:
    from cnai.rules import Located, Parsed
    from cnai.yamlread import Problem

# The reader and the rules are imported only when files are actually parsed (a cache miss or
# `validate`): a warm run needs neither (~15 ms of imports, regexes and decimal).
__all__ = ["Registry", "load", "merge", "normalize_name"]


@dataclass
class Registry:
    """Every record of the bundled and user files, merged, checked and indexed."""

    files: list[str] = field(default_factory=list)
    bundled: str | None = None  # the file of `files` that shipped with cnai, when it was read
    snapshot: str | None = None  # the newest date any file's sources were checked
    sources: dict[str, Source] = field(default_factory=dict)
    vendors: dict[str, Vendor] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    benchmarks: dict[str, Benchmark] = field(default_factory=dict)
    funding: dict[str, Fund] = field(default_factory=dict)
    rates: dict[tuple[str, str], RateTable] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    # Derived data kept in the cache: pint's factor for every currency pair of every rate table,
    # keyed (table date, table base, from, to), so that a warm run converts without pint.
    factors: dict[tuple[str, str, str, str], float] = field(default_factory=dict)
    # Which file each model came from when it was not the first to define it: model id →
    # (the file in effect, the earlier files whose entry it replaced). Conflicts stay visible.
    overrides: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    _names: dict[str, tuple[str, str]] | None = field(default=None, repr=False)

    # -- lookups

    def country_of(self, model: Model) -> str:
        """A model's country is its vendor's (every vendor has one: the validator requires it)."""
        return self.vendors[model.vendor].country

    def family_models(self, family_id: str) -> list[Model]:
        return [m for m in self.models.values() if m.family == family_id]

    def currencies(self) -> set[str]:
        codes: set[str] = set()
        for table in self.rates.values():
            codes.add(table.base)
            codes.update(table.rates)
        return codes

    def name_index(self) -> dict[str, tuple[str, str]]:
        """normalised name → (kind, id), kind being 'model' or 'family'."""
        if self._names is None:
            index: dict[str, tuple[str, str]] = {}
            for family in self.families.values():
                for name in all_names(family.id, family.name, family.names, (*family.aliases, *family.misnomers)):
                    index.setdefault(name, ("family", family.id))
            # Models last so that a family named like its flagship resolves to the model itself.
            for model in self.models.values():
                for name in all_names(model.id, model.name, model.names, (*model.aliases, *model.misnomers)):
                    index[name] = ("model", model.id)
            self._names = index
        return self._names

    def resolve(self, name: str) -> Model:
        """Exact id, then alias in any script, then family → flagship; else NotFoundError."""
        if name in self.models:
            return self.models[name]
        hit = self.name_index().get(normalize_name(name))
        if hit is not None:
            kind, ident = hit
            if kind == "model":
                return self.models[ident]
            return self.models[self.families[ident].flagship]
        vendor = self._vendor_named(name)
        if vendor is not None:
            families = ", ".join(f.id for f in self.families.values() if f.vendor == vendor.id)
            raise NotFoundError(
                f"{name!r} is the vendor {vendor.name}, not a model; its families: {families} "
                f"(cnai list --vendor {vendor.id})"
            )
        raise NotFoundError(f"unknown model {name!r}{self._suggest(name)}")

    def _vendor_named(self, name: str) -> Vendor | None:
        key = normalize_name(name)
        for vendor in self.vendors.values():
            if key in all_names(vendor.id, vendor.name, vendor.names, vendor.aliases):
                return vendor
        return None

    def misnomer_of(self, name: str) -> tuple[str, str] | None:
        """When `name` is a wrong name in circulation (a registry `misnomers` entry): the real
        name and the model id it is taken to mean."""
        key = normalize_name(name)
        for family in self.families.values():
            if key in {normalize_name(n) for n in family.misnomers}:
                return family.name, self.models[family.flagship].id
        for model in self.models.values():
            if key in {normalize_name(n) for n in model.misnomers}:
                return model.name, model.id
        return None

    def resolve_variants(self, name: str) -> list[Model]:
        """A family name (id, name or alias) → every model of it; anything else → `resolve`."""
        key = normalize_name(name)
        for family in self.families.values():
            if key in all_names(family.id, family.name, family.names, family.aliases):
                return self.family_models(family.id)
        return [self.resolve(name)]

    def resolve_family(self, name: str) -> Family:
        if name in self.families:
            return self.families[name]
        hit = self.name_index().get(normalize_name(name))
        if hit is not None:
            kind, ident = hit
            family_id = ident if kind == "family" else self.models[ident].family
            if kind == "family" or self.families[family_id].flagship == ident:
                return self.families[family_id]
            # A member's name: say whose it is rather than guess at spellings of families.
            raise NotFoundError(f"{name!r} is a model of family {family_id}, not a family")
        import difflib

        near = difflib.get_close_matches(name.lower(), list(self.families))  # difflib's default: three
        hint = f". Did you mean: {', '.join(near)}?" if near else ". See 'cnai list' for the families"
        raise NotFoundError(f"unknown family {name!r}{hint}")

    def resolve_vendor(self, name: str) -> Vendor:
        key = normalize_name(name)
        for vendor in self.vendors.values():
            if key in all_names(vendor.id, vendor.name, vendor.names, vendor.aliases):
                return vendor
        import difflib

        near = difflib.get_close_matches(name.lower(), list(self.vendors))  # difflib's default: three
        hint = f". Did you mean: {', '.join(near)}?" if near else f". Known vendors: {', '.join(self.vendors)}"
        raise NotFoundError(f"unknown vendor {name!r}{hint}")

    def _suggest(self, name: str) -> str:
        index = self.name_index()
        import difflib

        wanted = normalize_name(name)
        near = difflib.get_close_matches(wanted, list(index), n=6)  # difflib's cutoff, 0.6
        # A near spelling is only a suggestion when its letters agree (a typo in a version:
        # `qwen3-23b` → qwen3-235b) or it is very close: `gpt-4o` is not `gpt-4.5`.
        near = [
            key for key in near
            if _letters(key) == _letters(wanted) or difflib.SequenceMatcher(None, key, wanted).ratio() >= 0.85
        ]  # fmt: skip
        ids: list[str] = []
        for key in near:
            ident = index[key][1]
            if ident not in ids:
                ids.append(ident)
        if ids:
            return f". Did you mean: {', '.join(ids[:3])}?"
        return ". See 'cnai list' for the models"


def _letters(name: str) -> list[str]:
    return [ch for ch in name if ch.isalpha()]


def merge(files: list[Parsed]) -> tuple[Registry, dict[tuple[str, str], Located]]:
    """Later files override earlier ones entry by entry (same id → replaced)."""
    reg = Registry()
    where: dict[tuple[str, str], Located] = {}
    first_file = files[0].doc.file if files else None
    defined_in: dict[str, list[str]] = {}
    for parsed in files:
        reg.files.append(parsed.doc.file)
        for key, (src, _) in parsed.sources.items():
            reg.sources[key] = src  # no rule points back at a source entry, so no location kept
        for section, items in (
            ("vendors", parsed.vendors),
            ("families", parsed.families),
            ("models", parsed.models),
            ("benchmarks", parsed.benchmarks),
            ("funding", parsed.funding),
            ("claims", parsed.claims),
        ):
            table = getattr(reg, section)
            seen: set[str] = set()
            for record, loc in items:
                if record.id in seen:
                    loc.problem(("id",), f"duplicate id {record.id!r} in this file", parsed.doc.problems)
                    continue
                seen.add(record.id)
                if section == "models":
                    defined_in.setdefault(record.id, []).append(parsed.doc.file)
                table.pop(record.id, None)  # a replaced entry moves to its new place
                table[record.id] = record
                where[(section, record.id)] = loc
        for rate_table, loc in parsed.rates:
            reg.rates[(rate_table.date, rate_table.base)] = rate_table
            where[("rates", f"{rate_table.date}/{rate_table.base}")] = loc
    reg.snapshot = max((parsed.snapshot for parsed in files if parsed.snapshot), default=None)  # the newest
    reg.rates = dict(sorted(reg.rates.items()))
    for ident, chain in defined_in.items():
        if chain != [first_file]:
            reg.overrides[ident] = (chain[-1], tuple(chain[:-1]))
    return reg, where


def _inherit_vendors(reg: Registry) -> None:
    """A model written without `vendor` belongs to its family's vendor."""
    for ident, model in reg.models.items():
        family = reg.families.get(model.family)
        if not model.vendor and family is not None:
            reg.models[ident] = model._replace(vendor=family.vendor)


def bundled_path() -> Path:
    """The registry shipped with cnai: inside the wheel, or `data/` of a source checkout."""
    return Path(bundled_location())


def load(paths: list[str], *, bundled: bool = True, cache: bool = True) -> Registry:
    """Read every file, check each and the merged whole; raise RegistryInvalid with all problems.

    A registry that validated is kept in the user's cache, keyed by the files' content, so the
    next run with the same files skips YAML and validation (see `cnai.cache`).
    """
    files = [bundled_location()] if bundled else []
    files.extend(paths)
    # Loading allocates hundreds of thousands of objects and frees almost none: the cyclic
    # collector would run over and over for nothing (it doubles the time of a large registry).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(files, cache, files[0] if bundled else None)
    finally:
        if collecting:
            gc.enable()


def _load(files: list[str], cache: bool, bundled: str | None) -> Registry:
    blobs = [(path, read_bytes(path)) for path in files]
    from cnai import cache as registry_cache

    key = registry_cache.key(blobs) if cache else None
    if key is not None:
        cached = registry_cache.get(key)
        if isinstance(cached, Registry):
            return cached
    from cnai.rules import check_references, parse_document
    from cnai.yamlread import decode, parse_yaml

    parsed = [parse_document(parse_yaml(decode(data, path), path)) for path, data in blobs]
    reg, where = merge(parsed)
    _inherit_vendors(reg)
    problems = [p for item in parsed for p in item.doc.problems]
    problems.extend(check_references(reg, where))
    if problems:
        ordered = sorted(problems, key=_problem_order(files))
        raise RegistryInvalid([str(p) for p in ordered], [p.record() for p in ordered])
    reg.bundled = bundled
    if key is not None:
        # Worth pint's import (~150 ms) only when the result is kept: every later run with
        # these files then converts money from the stored factors, without importing pint.
        from cnai.units import table_factors

        reg.factors = table_factors(reg)
        registry_cache.put(key, reg)
    return reg


def _problem_order(files: list[str]) -> Callable[[Problem], tuple[int, int]]:
    """Problems read top to bottom: by file in load order, then by line."""
    rank = {name: i for i, name in enumerate(files)}

    def key(problem: Problem) -> tuple[int, int]:
        return rank[problem.file], problem.line  # every problem is of a file that was loaded

    return key

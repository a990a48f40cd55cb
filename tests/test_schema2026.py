"""Schema of the 2026 registry: structured benchmark conditions, one comparability rule for
compare and rank, dated prices with the one in effect on --as-of, partial dates, snapshot/info."""

from __future__ import annotations

import json

import pytest

from cnai.schema import Model, Price, Score

LEAGUE = """\
schema: 1
snapshot: "2026-06-30"
sources:
  card: {title: "A card", url: "https://example.org/card", date: "2026-01-01"}
vendors:
  - {id: acme, name: Acme, country: CN}
  - {id: zenith, name: Zenith, country: US}
families:
  - {id: rocket, name: Rocket, vendor: acme, flagship: rocket-2}
  - {id: comet, name: Comet, vendor: zenith, flagship: comet-1}
benchmarks:
  - {id: aime25, name: AIME 2025, measures: math, unit: "%", higher_is_better: true}
  - {id: lcb, name: LiveCodeBench, measures: code, unit: "%", higher_is_better: true}
rates:
  - {date: "2026-01-02", base: USD, rates: {CNY: 7.0, KRW: 1400}, source: card}
  - {date: "2026-06-01", base: USD, rates: {CNY: 6.5, KRW: 1300}, source: card}
models:
  - id: rocket-1
    name: Rocket-1
    family: rocket
    released: "2026-04"
    prices:
      - {date: "2026-01-01", currency: CNY, per: 1000000, input: 4, output: 16, cache_hit_input: 1, source: card}
      - {date: "2026-05-01", currency: CNY, per: 1000000, input: 2, output: 8, tier: "input 0-32K", source: card}
      - {date: "2026-05-01", currency: CNY, per: 1000000, input: 3, output: 12, tier: "input 32K-128K", source: card}
    benchmarks:
      aime25: {value: 90, mode: thinking, k: 1, samples: 16, source: card}
      lcb: {value: 70, mode: thinking, k: 1, version: "v6 (2025-02..2025-05)", source: card}
    sources: [card]
  - id: rocket-2
    name: Rocket-2
    family: rocket
    released: "2026-05-20"
    benchmarks:
      aime25: {value: 80, mode: non-thinking, k: 1, source: card}
      lcb: {value: 75, k: 1, version: "v5 (2024-08..2025-02)", source: card}
    sources: [card]
  - id: comet-1
    name: Comet-1
    family: comet
    released: "2026-03-01"
    prices:
      - {date: "2026-03-01", currency: USD, per: 1000000, input: 1, output: 4, source: card}
    benchmarks:
      aime25: {value: 95, k: 64, reported_by: acme, note: "from Acme's table", source: card}
      lcb: {value: 60, k: 1, version: "V6 (2025-02..2025-05)", source: card}
    sources: [card]
"""


@pytest.fixture
def league_path(write_yaml):
    return write_yaml(LEAGUE, "league2026.yaml")


@pytest.fixture
def run(cli, league_path):
    def invoke(*args: str, **kw):
        return cli("--no-bundled", "--registry", league_path, *args, **kw)

    return invoke


# --------------------------------------------------------------------------- records


@pytest.mark.parametrize(
    ("score", "regime", "text"),
    [
        (Score(1, "%", True, "s", k=1), (1, None), "pass@1"),
        (Score(1, "%", True, "s", samples=64), (1, None), "pass@1"),  # a mean over samples estimates pass@1
        (Score(1, "%", True, "s", k=32, samples=4), (32, None), "pass@32"),
        (Score(1, "%", True, "s"), (None, None), "pass@?"),
        (Score(1, "%", True, "s", k=1, version="V6"), (1, "v6"), "pass@1 · V6"),
    ],
)
def test_regime(score, regime, text):
    assert (score.regime, score.regime_text) == (regime, text)


def test_setting_is_composed_from_the_fields():
    score = Score(1, "%", False, "s", "thinking", 1, 64, "v6", "acme", "temp 0.6")
    assert score.conditions == "thinking, pass@1, avg@64, v6, reported by acme"
    assert score.setting == "thinking, pass@1, avg@64, v6, reported by acme; temp 0.6"
    assert Score(1, "%", True, "s", mode="n/a").setting is None


def _price(date: str | None, tier: str | None = None) -> Price:
    return Price(1.0, 2.0, "CNY", 1_000_000, date, "s", tier=tier)


def test_price_in_effect():
    old, cut, cut_high, undated = (
        _price("2025-01-01"),
        _price("2025-09-29", "a"),
        _price("2025-09-29", "b"),
        _price(None),
    )
    m = Model("m", "M", "f", "v", prices=(undated, old, cut, cut_high))
    assert m.price is cut  # newest date, first tier listed that day
    assert m.price_on("2025-09-29") is cut
    assert m.price_on("2025-09-28") is old
    assert m.price_on("2024-12-31") is undated  # an undated price counts as the oldest
    assert Model("n", "N", "f", "v", prices=(old,)).price_on("2024-12-31") is None
    assert Model("n", "N", "f", "v").price is None


# --------------------------------------------------------------------------- loader


def test_loader_reads_the_structured_fields(run):
    data = json.loads(run("show", "comet-1", "--json").stdout)
    aime = data["benchmarks"]["aime25"]
    assert (aime["k"], aime["samples"], aime["reported_by"], aime["self_reported"]) == (64, None, "acme", False)
    assert aime["setting"] == "pass@64, reported by acme; from Acme's table"
    assert isinstance(aime["value"], int) or aime["value"] == 95


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{value: 1, mode: thinkin, source: card}", "mode"),
        ("{value: 1, k: 0, source: card}", "k: must be at least 1"),
        ("{value: 1, samples: 0, source: card}", "samples: must be at least 1"),
        ("{value: 1, k: 1.5, source: card}", "k"),
        ("{value: 1, reported_by: nobody, source: card}", "unknown vendor 'nobody'"),
        ("{value: 1, setting: pass@1, source: card}", "setting"),
    ],
)
def test_bad_scores_are_reported(cli, write_yaml, entry, message):
    text = LEAGUE.replace("aime25: {value: 80, mode: non-thinking, k: 1, source: card}", f"aime25: {entry}")
    result = cli("--no-bundled", "validate", write_yaml(text, "bad.yaml"))
    assert result.exit_code == 65
    assert message in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{date: '2026-13-01', currency: CNY, per: 1000000, source: card}", "date"),
        ("{date: '2026-01-01', currency: XYZ, per: 1000000, source: card}", "no exchange rates define XYZ"),
        ("{date: '2026-01-01', currency: CNY, per: 0, source: card}", "per: must be a positive token count"),
        ("{date: '2026-01-01', currency: CNY, per: 1000000}", "source"),
        ("{date: '2026-01-01', currency: CNY, per: 1000000, source: nowhere}", "unknown source 'nowhere'"),
    ],
)
def test_bad_prices_are_reported(cli, write_yaml, entry, message):
    text = LEAGUE.replace(
        '- {date: "2026-03-01", currency: USD, per: 1000000, input: 1, output: 4, source: card}', f"- {entry}"
    )
    assert text != LEAGUE
    result = cli("--no-bundled", "validate", write_yaml(text, "bad.yaml"))
    assert result.exit_code == 65
    assert message in result.stdout + result.stderr


def test_prices_must_be_a_list(cli, write_yaml):
    text = LEAGUE.replace('    prices:\n      - {date: "2026-03-01"', '    prices: {date: "2026-03-01"').replace(
        "input: 1, output: 4, source: card}\n    benchmarks:\n      aime25: {value: 95",
        "input: 1, output: 4, source: card}\n    benchmarks:\n      aime25: {value: 95",
    )
    text = text.replace('    prices: {date: "2026-03-01", currency: USD, per: 1000000, input: 1, output: 4, source: card}',
                        '    prices: {date: "2026-03-01"}')  # fmt: skip
    result = cli("--no-bundled", "validate", write_yaml(text, "bad.yaml"))
    assert result.exit_code == 65 and "expected a list of dated prices" in result.stdout + result.stderr


# --------------------------------------------------------------------------- compare and rank


def test_compare_stars_only_within_one_regime(run):
    data = json.loads(run("compare", "rocket-1", "rocket-2", "comet-1", "--json").stdout)
    # AIME: pass@1 (avg@16), pass@1, pass@64 → regimes differ, nobody starred.
    assert "benchmarks.aime25" not in data["best"]
    # LCB: v6 against v5 against V6 (case is not a version) → not comparable either.
    assert "benchmarks.lcb" not in data["best"]
    two = json.loads(run("compare", "rocket-1", "comet-1", "--fields", "lcb", "--json").stdout)
    assert two["best"] == {"benchmarks.lcb": ["rocket-1"]}  # same version, same k: compared


def test_compare_table_names_the_regimes_that_differ(run):
    out = run("compare", "rocket-1", "rocket-2", "--fields", "lcb", env={"COLUMNS": "200"}).stdout
    assert "70% [pass@1 · v6 (2025-02..2025-05)]" in out and "75% [pass@1 · v5 (2024-08..2025-02)]" in out
    assert "†" in out


def test_rank_marks_figures_from_another_regime(run):
    data = json.loads(run("rank", "--by", "aime25", "--json").stdout)
    assert [(r["id"], r["comparable"], r["regime"]) for r in data] == [
        ("comet-1", False, "pass@64"),
        ("rocket-1", True, "pass@1"),
        ("rocket-2", True, "pass@1"),
    ]
    table = run("rank", "--by", "aime25").stdout
    assert "95% †" in table and "† measured in another setting" in table


def test_rank_on_one_regime_marks_nothing(run):
    data = json.loads(run("rank", "--by", "aime25", "vendor=acme", "--json").stdout)
    assert all(r["comparable"] for r in data) and "†" not in run("rank", "--by", "aime25", "vendor=acme").stdout


# --------------------------------------------------------------------------- prices


def test_show_lists_every_price_and_marks_the_one_in_effect(run):
    out = run("show", "rocket-1", env={"COLUMNS": "200"}).stdout
    assert out.count("CNY per 1M tokens") == 3
    assert "in 2 / out 8 CNY per 1M tokens, from 2026-05-01 (input 0-32K) ◀ in effect" in out
    old = run("show", "rocket-1", "--as-of", "2026-02-01", env={"COLUMNS": "200"}).stdout
    assert "in 4 / out 16 / cached in 1 CNY per 1M tokens, from 2026-01-01 ◀ in effect" in old


def test_show_converts_the_price_in_effect_at_its_own_rate(run):
    data = json.loads(run("show", "rocket-1", "--currency", "USD", "--json").stdout)
    assert data["price"]["date"] == "2026-05-01" and data["price"]["tier"] == "input 0-32K"
    converted = data["price"]["converted"]
    assert converted["rate"]["date"] == "2026-06-01"  # the table nearest the price's date
    assert converted["input"] == pytest.approx(2 / 6.5)
    early = json.loads(run("show", "rocket-1", "--currency", "USD", "--as-of", "2026-02-01", "--json").stdout)
    assert early["price"]["date"] == "2026-01-01"
    assert early["price"]["converted"]["cache_hit_input"] == pytest.approx(1 / 7.0)
    assert len(early["prices"]) == 3


def test_compare_uses_the_price_in_effect_and_says_which(run):
    data = json.loads(run("compare", "rocket-1", "comet-1", "--currency", "USD", "--fields", "price", "--json").stdout)
    assert data["best"]["price.input"] == ["rocket-1"]  # 2 CNY ≈ 0.31 USD < 1 USD
    table = run("compare", "rocket-1", "comet-1", "--fields", "price", env={"COLUMNS": "200"}).stdout
    assert "2026-05-01 (input 0-32K)" in table and "2026-03-01" in table
    before = run("compare", "rocket-1", "comet-1", "--fields", "price", "--as-of", "2026-02-01").stdout
    assert "2026-01-01" in before


# --------------------------------------------------------------------------- dates, snapshot, info


@pytest.mark.parametrize(
    ("expression", "ids"),
    [
        ("released>=2026-04-01", ["rocket-1", "rocket-2"]),  # all of April is on or after the 1st
        ("released>=2026-04-15", ["rocket-2"]),  # April may be before the 15th: not known to hold
        ("released<2026-05-01", ["rocket-1", "comet-1"]),
        ("released=2026-04", ["rocket-1"]),
        ("released=2026-04-10", []),  # a month is not known to be that day
        ("released!=2026-04-10", ["rocket-2", "comet-1"]),
    ],
)
def test_partial_release_dates_filter_as_day_ranges(run, expression, ids):
    result = run("filter", expression, "--json")
    assert result.exit_code == 0, result.stderr
    assert [m["id"] for m in json.loads(result.stdout)] == ids


def test_rank_and_chart_by_a_partial_date(run):
    data = json.loads(run("rank", "--by", "released", "--json").stdout)
    assert [r["id"] for r in data] == ["rocket-2", "rocket-1", "comet-1"]
    assert run("rank", "--by", "released", "--chart").exit_code == 0


def test_info_reports_snapshot_counts_rates_and_files(run, league_path, cli):
    data = json.loads(run("info", "--json").stdout)
    assert data["snapshot"] == "2026-06-30"
    assert data["counts"]["models"] == 3 and data["counts"]["prices"] == 4 and data["counts"]["scores"] == 6
    assert data["rates"] == {"first": "2026-01-02", "last": "2026-06-01", "currencies": ["CNY", "KRW", "USD"]}
    assert data["files"] == [{"path": league_path, "role": "overlay", "via": "--registry"}]
    bundled = json.loads(cli("--registry", league_path, "info", "--json").stdout)
    assert [f["role"] for f in bundled["files"]] == ["bundled", "overlay"]
    assert bundled["snapshot"] >= "2026-06-30"  # the newest of all files
    via_env = json.loads(cli("info", "--json", env={"CNAI_REGISTRY": league_path}).stdout)
    assert via_env["files"][1]["via"] == "CNAI_REGISTRY"
    table = run("info").stdout
    assert "Registry snapshot  2026-06-30" in table


def test_version_names_the_bundled_snapshot(cli):
    from cnai.bundle import bundled_snapshot

    assert bundled_snapshot() is not None
    assert cli("--version").stdout.endswith(f"(registry snapshot {bundled_snapshot()})\n")


def test_an_overlay_says_what_it_replaced(cli, write_yaml, minimal):
    mine = write_yaml(
        """\
        schema: 1
        sources:
          mine: {title: "My notes", url: "https://example.org/mine"}
        models:
          - {id: rocket-7b, name: Rocket-7B, family: rocket, license: MIT, sources: [mine]}
          - {id: rocket-1b, name: Rocket-1B, family: rocket, sources: [mine]}
        """,
        "mine.yaml",
    )
    data = {
        m["id"]: m
        for m in json.loads(cli("--no-bundled", "--registry", minimal, "--registry", mine, "list", "--json").stdout)
    }
    assert data["rocket-7b"]["origin"] == {"file": mine, "replaces": [minimal]}
    assert data["rocket-1b"]["origin"] == {"file": mine, "replaces": []}  # new in the overlay
    assert data["rocket-70b-a7b"]["origin"] is None  # from the first file
    shown = cli("--no-bundled", "--registry", minimal, "--registry", mine, "show", "rocket-7b", env={"COLUMNS": "300"})
    assert f"Defined in                {mine}; replaces the entry in {minimal}" in shown.stdout

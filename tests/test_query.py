"""Query: unit-aware filter, a real compare, rank with charts, and names that resolve.

Exact results come from LEAGUE, a small registry built so every rule has a case: ties, a
lower-is-better benchmark, settings that differ, prices, undisclosed and missing values.
The bundled registry is used where real data (names in three scripts, completion) matters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cnai.errors import NotFoundError, UsageError
from cnai.query import compare, filter_models, parse_condition, rank_models
from cnai.registry import Registry, load

LEAGUE = """\
schema: 1
sources:
  card: {title: "A model card", url: "https://example.org/card", date: "2025-01-01"}
vendors:
  - {id: acme, name: Acme, names: {ko: 애크미, zh: 阿克米}, country: CN}
  - {id: zenith, name: Zenith Labs, country: US}
families:
  - {id: alpha, name: Alpha, vendor: acme, flagship: alpha-max, aliases: [알파, 阿尔法]}
  - {id: beta, name: Beta, vendor: zenith, flagship: beta-pro}
benchmarks:
  - {id: aime24, name: AIME 2024, measures: math, unit: "%", higher_is_better: true}
  - {id: errors, name: Error rate, measures: mistakes, unit: "%", higher_is_better: false}
  - {id: proofs, name: Proofs, measures: proving, unit: "%", higher_is_better: true}
rates:
  - {date: "2025-01-01", base: USD, rates: {CNY: 7.3, KRW: 1450}, source: card}
models:
  - id: alpha-max
    name: Alpha Max
    family: alpha
    released: "2025-03-15"
    architecture: moe
    params: {total: 200B, active: 20B}
    context: {native: 32768, max: 131072}
    license: Apache-2.0
    open_weights: true
    prices: [{input: 1, output: 4, currency: USD, per: 1000000, source: card}]
    benchmarks:
      aime24: {value: 90, k: 1, source: card}
      errors: {value: 3, source: card}
      proofs: {value: 60, k: 1, source: card}
    sources: [card]
  - id: alpha-mini
    name: Alpha Mini
    family: alpha
    released: "2025-04-30"
    architecture: dense
    params: {total: 20B}
    context: {native: 32768}
    license: MIT
    open_weights: true
    prices: [{input: 0.5, output: 2, currency: USD, per: 1000000, source: card}]
    benchmarks:
      aime24: {value: 80, k: 1, source: card}
      errors: {value: 5, source: card}
      proofs: {value: 70, k: 32, source: card}
    sources: [card]
  - id: beta-pro
    name: Beta Pro
    family: beta
    released: "2025-05-01"
    context: {native: 200000, max: 200000}
    license: Proprietary
    open_weights: false
    undisclosed: [params, architecture]
    prices: [{input: 2, output: 8, currency: USD, per: 1000000, source: card}]
    benchmarks:
      aime24: {value: 80, k: 1, source: card}
      errors: {value: 3, source: card}
    sources: [card]
  - id: beta-lite
    name: Beta Lite
    family: beta
    released: "2024-12-31"
    architecture: dense
    params: {total: 8B}
    open_weights: true
    benchmarks:
      aime24: {value: 70, k: 1, source: card}
    sources: [card]
  - id: beta-nano
    name: Beta Nano
    family: beta
    sources: [card]
"""


@pytest.fixture(scope="module")
def league_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("league") / "league.yaml"
    path.write_text(LEAGUE, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def league(league_file: str) -> Registry:
    return load([league_file], bundled=False)


@pytest.fixture(scope="module")
def bundled() -> Registry:
    return load([])


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("home"))


@pytest.fixture
def real(cli, shared_home):
    """The CLI on the bundled registry; one HOME for the module, so a registry cache there is reused."""

    def invoke(*args: str):
        return cli(*args, env={"HOME": shared_home})

    return invoke


def ids(models: list) -> list[str]:
    return [m.id for m in models]


def csv_ids(stdout: str) -> list[str]:
    return [line.split(",", 1)[0] for line in stdout.splitlines()[1:]]


# --------------------------------------------------------------------------- filter: valid

VALID = [
    # counts: K/M/B/T read in thousands; a unit word of the right kind is allowed
    ("params>=100B", ["alpha-max"]),
    ("params>=100000M", ["alpha-max"]),
    ("params>=0.1T", ["alpha-max"]),
    ("params>=100 billion", ["alpha-max"]),
    ("params>=1000억", ["alpha-max"]),
    ("params>=100B params", ["alpha-max"]),
    ("params>=20B", ["alpha-max", "alpha-mini"]),
    ("params=20B", ["alpha-mini"]),
    ("params=20000M", ["alpha-mini"]),
    ("params!=20B", ["alpha-max", "beta-lite"]),
    ("params<20B", ["beta-lite"]),
    ("total>=100B", ["alpha-max"]),
    ("PARAMS >= 100B", ["alpha-max"]),
    ("active<=25B", ["alpha-max"]),
    # tokens: the max context, else the native one
    ("context>=128K", ["alpha-max", "beta-pro"]),
    ("context>=128k tokens", ["alpha-max", "beta-pro"]),
    ("context>131072", ["beta-pro"]),
    ("context.native>=128K", ["beta-pro"]),
    # text: names resolve in any script; = is exact, ~ contains, both case-insensitive
    ("vendor=acme", ["alpha-max", "alpha-mini"]),
    ("vendor=애크미", ["alpha-max", "alpha-mini"]),
    ("vendor=阿克米", ["alpha-max", "alpha-mini"]),
    ("vendor=Zenith Labs", ["beta-pro", "beta-lite", "beta-nano"]),
    ("vendor!=ACME", ["beta-pro", "beta-lite", "beta-nano"]),
    ("vendor~zen", ["beta-pro", "beta-lite", "beta-nano"]),
    ("family=알파", ["alpha-max", "alpha-mini"]),
    ("family=阿尔法", ["alpha-max", "alpha-mini"]),
    ("country=us", ["beta-pro", "beta-lite", "beta-nano"]),
    ("architecture=moe", ["alpha-max"]),
    ("arch=MoE", ["alpha-max"]),
    ("architecture!=moe", ["alpha-mini", "beta-lite"]),
    ("license~apache", ["alpha-max"]),
    ("license~APACHE", ["alpha-max"]),
    ("license=mit", ["alpha-mini"]),
    ("license!=MIT", ["alpha-max", "beta-pro"]),
    ("name~MAX", ["alpha-max"]),
    ("id=alpha-mini", ["alpha-mini"]),
    # booleans
    ("open_weights=false", ["beta-pro"]),
    ("open_weights=no", ["beta-pro"]),
    ("open_weights=true", ["alpha-max", "alpha-mini", "beta-lite"]),
    ("open_weights!=true", ["beta-pro"]),
    ("open=yes", ["alpha-max", "alpha-mini", "beta-lite"]),
    # dates: a partial date means the whole period
    ("released>=2025-04-01", ["alpha-mini", "beta-pro"]),
    ("released<2025-05", ["alpha-max", "alpha-mini", "beta-lite"]),
    ("released<=2025-04", ["alpha-max", "alpha-mini", "beta-lite"]),
    ("released>2025-04", ["beta-pro"]),
    ("released=2025-04", ["alpha-mini"]),
    ("released=2025", ["alpha-max", "alpha-mini", "beta-pro"]),
    ("released!=2025", ["beta-lite"]),
    ("released<2025", ["beta-lite"]),
    ("released>=2025-05-01", ["beta-pro"]),
    # benchmark scores, with or without the %
    ("aime24>=80", ["alpha-max", "alpha-mini", "beta-pro"]),
    ("aime24>=80%", ["alpha-max", "alpha-mini", "beta-pro"]),
    ("AIME24>80", ["alpha-max"]),
    ("aime24=80", ["alpha-mini", "beta-pro"]),
    ("aime24!=80", ["alpha-max", "beta-lite"]),
    ("errors<=3", ["alpha-max", "beta-pro"]),
]


@pytest.mark.parametrize(("expr", "expected"), VALID)
def test_filter_expressions(league, expr, expected):
    assert ids(filter_models(league, [expr])) == expected


THROUGH_THE_CLI = [
    "params>=100B",
    "params>=100000M",
    "active<=25B",
    "context>=128K",
    "vendor=애크미",
    "architecture=moe",
    "open_weights=false",
    "license~APACHE",
    "released>=2025-04-01",
    "released<2025-05",
    "aime24>=80",
]


@pytest.mark.parametrize("expr", THROUGH_THE_CLI)
def test_filter_expressions_through_the_cli(cli, league_file, expr):
    result = cli("--no-bundled", "--registry", league_file, "filter", expr, "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert csv_ids(result.stdout) == dict(VALID)[expr]


def test_filter_ands_its_expressions(cli, league, league_file):
    assert ids(filter_models(league, ["params>=10B", "open_weights=true"])) == ["alpha-max", "alpha-mini"]
    result = cli("--no-bundled", "--registry", league_file, "filter", "vendor=acme", "released>=2025-04", "--json")
    assert result.exit_code == 0
    assert [m["id"] for m in json.loads(result.stdout)] == ["alpha-mini"]


def test_filter_keeps_the_order_of_a_given_pool(league):
    pool = [league.models["beta-pro"], league.models["alpha-max"], league.models["beta-nano"]]
    assert ids(filter_models(league, ["context>=128K"], pool)) == ["beta-pro", "alpha-max"]


def test_filter_minimal_registry_table(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "filter", "params>=100000M", "active<=25B")
    # Nothing matches: no lone header on stdout, one line on stderr, still exit 0.
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "cnai: nothing matches\n")
    result = cli("--no-bundled", "--registry", minimal, "filter", "params>=70000M", "context>=128K", "--format", "csv")
    assert (result.exit_code, csv_ids(result.stdout)) == (0, ["rocket-70b-a7b"])


def test_condition_parses_units_and_periods(league):
    assert parse_condition(league, "params>=100000M").value == parse_condition(league, "params>=100B").value
    assert parse_condition(league, "params>=100B").value == 100_000_000_000
    assert parse_condition(league, "context>=128K").value == 128_000
    assert parse_condition(league, "released<2025-05").value == ("2025-05-01", "2025-05-31")
    assert parse_condition(league, "released<2024-02").value == ("2024-02-01", "2024-02-29")
    assert parse_condition(league, "vendor=애크미").value == "acme"
    condition = parse_condition(league, "  license ~ Apache  ")
    assert (condition.field, condition.op, condition.value) == ("license", "~", "apache")


# Real data: names resolve in any script, partial dates, units.
# Each case is capped by a release date, so that adding newer models never changes it.
BUNDLED_CASES = [
    (
        ["vendor=알리바바", "architecture=moe", "context>=128K", "released<2025-08-01"],
        "qwen3-30b-a3b qwen3-235b-a22b qwen3-235b-a22b-instruct-2507 qwen3-235b-a22b-thinking-2507 "
        "qwen3-30b-a3b-instruct-2507 qwen3-30b-a3b-thinking-2507 qwen3-coder-480b-a35b-instruct "
        "qwen3-coder-30b-a3b-instruct",
    ),
    (
        ["open_weights=false", "released<2025-06-01"],
        "ernie-4.5-turbo ernie-x1-turbo o1 o1-mini gpt-4.5 o3 o4-mini claude-opus-4 claude-sonnet-4 gemini-2.5-pro",
    ),
    (["params>=100B", "license~MIT", "released<2025-06-01"], "deepseek-v3-0324 deepseek-r1 deepseek-r1-0528"),
    (
        ["aime24>=80", "released<2025-06-01"],
        "deepseek-r1-0528 qwen3-32b qwen3-30b-a3b qwen3-235b-a22b mimo-7b-rl-0530 o3 o4-mini",
    ),
]


@pytest.mark.parametrize(("exprs", "expected"), BUNDLED_CASES)
def test_filter_bundled(real, exprs, expected):
    result = real("filter", *exprs, "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert csv_ids(result.stdout) == expected.split()


def test_filter_bundled_names_units_and_periods_agree(bundled):
    alibaba = ids(filter_models(bundled, ["vendor=alibaba"]))
    assert alibaba and all(m.startswith("qwen3") for m in alibaba)
    for name in ("알리바바", "阿里巴巴", "Alibaba Cloud", "ALIBABA"):
        assert ids(filter_models(bundled, [f"vendor={name}"])) == alibaba
    big = ids(filter_models(bundled, ["params>=100B"]))
    assert big == ids(filter_models(bundled, ["params>=100000M"])) == ids(filter_models(bundled, ["params>=0.1T"]))
    assert big == [m.id for m in bundled.models.values() if (m.params_total or 0) >= 100_000_000_000]
    april = filter_models(bundled, ["released>=2025-04-01", "released<2025-05"])
    assert "deepseek-prover-v2-671b" in ids(april)  # released 2025-04-30: the last day of April counts
    assert all("2025-04-01" <= str(m.released) <= "2025-04-30" for m in april)
    assert "deepseek-r1-0528" not in ids(filter_models(bundled, ["released<2025-05"]))


# --------------------------------------------------------------------------- filter: invalid

FIELDS_LIST = (
    "fields: params, active, context, context.native, released, languages, vendor, family, country, id, name, "
    "architecture, reasoning, license, base_model, open_weights, or a benchmark id"
)
INVALID = [
    ("params>>=1B", "bad operator '>>=' in 'params>>=1B'; use one of <= >= != = < > ~"),
    ("params=>1B", "bad operator '=>' in 'params=>1B'; use one of <= >= != = < > ~"),
    ("params>=5 CNY", "bad value '5 CNY' for params in 'params>=5 CNY': expected parameters, got money (CNY)"),
    (
        "context>=5B params",
        "bad value '5B params' for context in 'context>=5B params': expected tokens, got parameters",
    ),
    ("params>=1.5", "bad value '1.5' for params in 'params>=1.5': a count must be whole"),
    ("colour=red", f"unknown field 'colour'; did you mean 'country'? ({FIELDS_LIST})"),
    ("released>=2025-13", "bad date '2025-13' in 'released>=2025-13'; write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("released>=2025-02-30", "bad date '2025-02-30' in 'released>=2025-02-30'; write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("open_weights=maybe", "bad value 'maybe' in 'open_weights=maybe': open_weights is true or false"),
    ("open_weights<true", "operator '<' does not apply to open_weights in 'open_weights<true'; use = or !="),
    ("vendor<alibaba", "operator '<' does not apply to vendor in 'vendor<alibaba'; use = != or ~"),
    ("license>=a", "operator '>=' does not apply to license in 'license>=a'; use = != or ~"),
    ("params~1B", "operator '~' (contains) applies to text fields, not params, in 'params~1B'"),
    ("aime24~8", "operator '~' (contains) applies to text fields, not aime24, in 'aime24~8'"),
    ("aime24>=abc", "bad number 'abc' in 'aime24>=abc'"),
    ("aime24>=nan", "bad number 'nan' in 'aime24>=nan'"),
    ("params>=", "missing value after '>=' in 'params>='"),
    ("=5", "missing field before '=' in '=5'; write FIELD OP VALUE, e.g. params>=100B"),
    ("params", "no operator in 'params'; write FIELD OP VALUE, e.g. params>=100B"),
    ("params≥100B", "no operator in 'params≥100B'; write FIELD OP VALUE, e.g. params>=100B"),
    ("col our=red", "bad field 'col our' in 'col our=red'; write FIELD OP VALUE, e.g. params>=100B"),
]


@pytest.mark.parametrize(("expr", "message"), INVALID)
def test_bad_expression_is_a_usage_error(cli, minimal, expr, message):
    result = cli("--no-bundled", "--registry", minimal, "filter", "params>=1B", expr)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cnai: error: {message}\n")


@pytest.mark.parametrize(("expr", "message"), INVALID)
def test_parse_condition_names_the_bad_token(league, expr, message):
    with pytest.raises(UsageError) as caught:
        parse_condition(league, expr)
    assert caught.value.message == message


def test_unknown_vendor_or_family_value_is_not_found(cli, league_file, league):
    result = cli("--no-bundled", "--registry", league_file, "filter", "vendor=acne")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == "cnai: error: unknown vendor 'acne'. Did you mean: acme?\n"
    with pytest.raises(NotFoundError, match="unknown family 'gamma'"):
        parse_condition(league, "family!=gamma")
    # `~` is a substring test: any text goes
    assert ids(filter_models(league, ["family~alp"])) == ["alpha-max", "alpha-mini"]


def test_rank_and_filter_share_the_grammar(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "rank", "--by", "params", "vendor<acme")
    expected = "cnai: error: operator '<' does not apply to vendor in 'vendor<acme'; use = != or ~\n"
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)


# --------------------------------------------------------------------------- filter: missing values

MISSING_PROBES = {
    "params": "1B",
    "active": "1B",
    "context": "1K",
    "context.native": "1K",
    "released": "2025-01-01",
    "languages": "1",
    "aime24": "50",
    "architecture": "moe",
    "license": "mit",
    "reasoning": "hybrid",
    "base_model": "alpha-max",
    "open_weights": "true",
}
ORDERED_OPS = ("=", "!=", "<", "<=", ">", ">=")


def _missing_cases() -> list[str]:
    out = []
    for name, value in MISSING_PROBES.items():
        if name in ("architecture", "license", "reasoning", "base_model"):
            ops: tuple[str, ...] = ("=", "!=", "~")
        elif name == "open_weights":
            ops = ("=", "!=")
        else:
            ops = ORDERED_OPS
        out.extend(f"{name}{op}{value}" for op in ops)
    return out


@pytest.mark.parametrize("expr", _missing_cases())
def test_a_missing_value_never_matches(league, expr):
    # beta-nano has no value for any of these fields; beta-pro's params are undisclosed.
    nano, pro = league.models["beta-nano"], league.models["beta-pro"]
    assert filter_models(league, [expr], [nano]) == []
    if expr.startswith(("params", "active", "architecture")):
        assert filter_models(league, [expr], [pro]) == []


def test_missing_values_through_the_cli(cli, minimal):
    # rocket-7b has no license, no context and no active count
    for expr in ("license!=MIT", "license~a", "context!=1K", "context<1T", "active!=1B", "active<1T"):
        result = cli("--no-bundled", "--registry", minimal, "filter", expr, "--format", "csv")
        assert (result.exit_code, csv_ids(result.stdout)) == (0, ["rocket-70b-a7b"]), expr


# --------------------------------------------------------------------------- compare

COMPARE_TABLE = """\
Field                          Alpha Max                  Alpha Mini                Beta Pro
Vendor                              Acme                        Acme             Zenith Labs
Country                               CN                          CN                      US
Family                             Alpha                       Alpha                    Beta
Released                      2025-03-15                  2025-04-30              2025-05-01
Architecture                         MoE                       dense             undisclosed
Reasoning                              —                           —                       —
Params (total)                      200B                         20B             undisclosed
Params (active)                      20B                                         undisclosed
Context (native)                     32K                         32K                  200K *
Context (max)                       128K                           —                  200K *
License                       Apache-2.0                         MIT             Proprietary
Open weights                         yes                         yes                      no
AIME 2024                          90% *                         80%                     80%
Error rate                          3% =                          5%                    3% =
Proofs †                    60% [pass@1]               70% [pass@32]                       —
Price (input)     1 USD/1,000,000 tokens  0.5 USD/1,000,000 tokens *  2 USD/1,000,000 tokens
Price (output)    4 USD/1,000,000 tokens    2 USD/1,000,000 tokens *  8 USD/1,000,000 tokens
* best in row
= tied for best
† settings or currencies differ, not ranked
"""


def test_compare_table_marks_best_per_direction(cli, league_file):
    result = cli("--no-bundled", "--registry", league_file, "compare", "alpha-max", "alpha-mini", "beta-pro")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == COMPARE_TABLE


def test_compare_json_best(cli, league_file):
    result = cli("--no-bundled", "--registry", league_file, "compare", "alpha-max", "alpha-mini", "beta-pro", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [m["id"] for m in data["models"]] == ["alpha-max", "alpha-mini", "beta-pro"]
    assert data["best"] == {
        "context.native": ["beta-pro"],  # higher is better; always a list
        "context.max": ["beta-pro"],
        "benchmarks.aime24": ["alpha-max"],  # higher_is_better: true
        "benchmarks.errors": ["alpha-max", "beta-pro"],  # lower is better, and a tie
        "price.input": ["alpha-mini"],  # lower is better
        "price.output": ["alpha-mini"],
    }
    # proofs: pass@1 against pass@32, shown but not ranked
    assert "benchmarks.proofs" not in data["best"]


def test_compare_rows(league):
    models = [league.models[i] for i in ("alpha-max", "alpha-mini", "beta-pro")]
    rows = {r.key: r for r in compare(league, models)}
    assert (rows["benchmarks.aime24"].better, rows["benchmarks.aime24"].best) == ("higher", [0])
    assert (rows["benchmarks.errors"].better, rows["benchmarks.errors"].best) == ("lower", [0, 2])
    assert (rows["price.input"].better, rows["price.input"].best) == ("lower", [1])
    assert (rows["benchmarks.proofs"].comparable, rows["benchmarks.proofs"].best) == (False, [])
    assert [c.setting for c in rows["benchmarks.proofs"].cells] == ["pass@1", "pass@32", None]
    # no direction, no mark
    assert rows["params.total"].better is None and rows["params.total"].best == []
    assert rows["released"].best == []


def test_compare_one_value_in_a_row_is_not_marked(league):
    models = [league.models["alpha-max"], league.models["beta-lite"]]
    rows = {r.key: r for r in compare(league, models)}
    assert rows["benchmarks.errors"].best == []  # beta-lite has no score: nothing to compare
    assert rows["benchmarks.aime24"].best == [0]


def test_compare_settings_differ_only_in_sampling(cli, league_file, league):
    result = cli(
        "--no-bundled", "--registry", league_file, "compare", "alpha-max", "alpha-mini", "--fields", "proofs,aime24"
    )
    assert result.stdout == (
        "Field         Alpha Max     Alpha Mini\n"
        "AIME 2024         90% *            80%\n"
        "Proofs †   60% [pass@1]  70% [pass@32]\n"
        "* best in row\n"
        "† settings or currencies differ, not ranked\n"
    )


@pytest.mark.parametrize(
    ("fields", "keys"),
    [
        ("size", ["params.total", "params.active"]),
        ("size,aime24", ["params.total", "params.active", "benchmarks.aime24"]),
        ("Context, price.input", ["context.native", "context.max", "price.input"]),
        ("params.total,benchmarks.errors", ["params.total", "benchmarks.errors"]),
        ("license", ["license", "open_weights"]),
        ("total,max", ["params.total", "context.max"]),
    ],
)
def test_compare_fields_choose_groups_and_rows(league, fields, keys):
    models = [league.models["alpha-max"], league.models["beta-pro"]]
    assert [r.key for r in compare(league, models, fields.split(","))] == keys


def test_compare_fields_through_the_cli(cli, league_file):
    args = ("--no-bundled", "--registry", league_file, "compare", "alpha", "beta")
    result = cli(*args, "--fields", "size,aime24")
    assert result.stdout == (
        "Field            Alpha Max     Beta Pro\n"
        "Params (total)        200B  undisclosed\n"
        "Params (active)        20B  undisclosed\n"
        "AIME 2024            90% *          80%\n"
        "* best in row\n"
    )
    bad = cli(*args, "--fields", "size,colour")
    assert (bad.exit_code, bad.stdout) == (2, "")
    assert bad.stderr == (
        "cnai: error: unknown field 'colour' for --fields; use a group "
        "(identity, size, context, license, benchmarks, price) or a row name\n"
    )


def test_compare_fields_a_benchmark_no_model_has(cli, league_file):
    # proofs is a known benchmark; neither model has a score: a row of dashes, not an error
    result = cli("--no-bundled", "--registry", league_file, "compare", "beta-pro", "beta-lite", "--fields", "proofs")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "Field   Beta Pro  Beta Lite\nProofs         —          —\n"


@pytest.mark.parametrize("names", [("alpha", "beta"), ("알파", "Beta"), ("阿尔法", "beta-pro"), ("ALPHA", "BETA")])
def test_compare_family_names_resolve_to_flagships(cli, league_file, names):
    result = cli("--no-bundled", "--registry", league_file, "compare", *names, "--json")
    assert result.exit_code == 0, result.stderr
    assert [m["id"] for m in json.loads(result.stdout)["models"]] == ["alpha-max", "beta-pro"]


def test_compare_bundled_settings_and_direction(real):
    result = real("compare", "deepseek-r1", "o1", "mimo", "--fields", "benchmarks", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [m["id"] for m in data["models"]] == ["deepseek-r1", "o1", "mimo-7b-rl"]
    assert data["best"]["benchmarks.aime24"] == ["deepseek-r1"]
    assert data["best"]["benchmarks.mmlu"] == ["o1"]
    # GPQA: pass@1 against an unstated k, not ranked; MATH-500 is pass@1 for all three (OpenAI: "pass @1")
    assert "benchmarks.gpqa-diamond" not in data["best"]
    assert data["best"]["benchmarks.math500"] == ["deepseek-r1"]


def test_compare_bundled_family_names(real):
    result = real("compare", "큐원3", "Prover V2", "--json")
    assert result.exit_code == 0, result.stderr
    assert [m["id"] for m in json.loads(result.stdout)["models"]] == ["qwen3-235b-a22b", "deepseek-prover-v2-671b"]


# --------------------------------------------------------------------------- rank

RANK_TABLE = """\
#  ID          Name        Value  Setting
1  alpha-max   Alpha Max     90%  pass@1
2  alpha-mini  Alpha Mini    80%  pass@1
2  beta-pro    Beta Pro      80%  pass@1
4  beta-lite   Beta Lite     70%  pass@1
"""
LEFT_OUT_ONE = "cnai: 1 model has no aime24 value and is left out\n"


@pytest.fixture
def rank_cli(cli, league_file):
    def invoke(*args: str, env: dict[str, str | None] | None = None):
        return cli("--no-bundled", "--registry", league_file, "rank", *args, env=env)

    return invoke


def test_rank_desc_ties_share_a_rank(rank_cli):
    result = rank_cli("--by", "aime24")
    assert (result.exit_code, result.stdout, result.stderr) == (0, RANK_TABLE, LEFT_OUT_ONE)


def test_rank_asc(rank_cli):
    result = rank_cli("--by", "aime24", "--asc")
    assert result.stdout == (
        "#  ID          Name        Value  Setting\n"
        "1  beta-lite   Beta Lite     70%  pass@1\n"
        "2  alpha-mini  Alpha Mini    80%  pass@1\n"
        "2  beta-pro    Beta Pro      80%  pass@1\n"
        "4  alpha-max   Alpha Max     90%  pass@1\n"
    )
    assert result.stderr == LEFT_OUT_ONE


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("0", ""),
        ("1", "alpha-max"),
        ("2", "alpha-max alpha-mini beta-pro"),  # the tie at rank 2 is kept whole
        ("3", "alpha-max alpha-mini beta-pro"),  # no rank 3: ranks go 1, 2, 2, 4
        ("4", "alpha-max alpha-mini beta-pro beta-lite"),
        ("9", "alpha-max alpha-mini beta-pro beta-lite"),
    ],
)
def test_rank_top_includes_ties_at_n(rank_cli, top, expected):
    result = rank_cli("--by", "aime24", "--top", top, "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, LEFT_OUT_ONE)
    assert [line.split(",")[1] for line in result.stdout.splitlines()[1:]] == expected.split()


def test_rank_lower_is_better_puts_the_lowest_first(rank_cli, league):
    result = rank_cli("--by", "errors")
    assert result.stdout == (
        "#  ID          Name        Value\n"
        "1  alpha-max   Alpha Max      3%\n"
        "1  beta-pro    Beta Pro       3%\n"
        "3  alpha-mini  Alpha Mini     5%\n"
    )
    assert result.stderr == "cnai: 2 models have no errors value and are left out\n"
    ranked, missing = rank_models(league, "errors", [], top=1)
    assert ([(r.rank, r.model.id) for r in ranked], missing) == ([(1, "alpha-max"), (1, "beta-pro")], 2)


def test_rank_fields_and_filters(rank_cli, league):
    result = rank_cli("--by", "params", "open_weights=true", "--format", "csv")
    assert result.stdout == (
        "rank,id,name,value\n1,alpha-max,Alpha Max,200000000000\n2,alpha-mini,Alpha Mini,20000000000\n"
        "3,beta-lite,Beta Lite,8000000000\n"
    )
    assert result.stderr == ""  # the filter left only models with a value
    ranked, missing = rank_models(league, "released", ["vendor=zenith"])
    assert [(r.rank, r.model.id, r.value) for r in ranked] == [
        (1, "beta-pro", "2025-05-01"),
        (2, "beta-lite", "2024-12-31"),
    ]
    assert missing == 1
    ranked, _ = rank_models(league, "context", [], ascending=True)
    assert [(r.model.id, r.value, r.unit) for r in ranked] == [
        ("alpha-mini", 32768, "tokens"),
        ("alpha-max", 131072, "tokens"),
        ("beta-pro", 200000, "tokens"),
    ]


def test_rank_missing_counts_after_the_filter(rank_cli):
    result = rank_cli("--by", "aime24", "vendor=acme")
    assert (result.exit_code, result.stderr) == (0, "")
    result = rank_cli("--by", "active")
    assert result.stderr == "cnai: 4 models have no active value and are left out\n"


def test_rank_json_shape(rank_cli):
    result = rank_cli("--by", "aime24", "--top", "2", "--json", "vendor=zenith")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {"rank": 1, "id": "beta-pro", "name": "Beta Pro", "value": 80, "unit": "%", "setting": "pass@1",
         "regime": "pass@1", "comparable": True},
        {"rank": 2, "id": "beta-lite", "name": "Beta Lite", "value": 70, "unit": "%", "setting": "pass@1",
         "regime": "pass@1", "comparable": True},
    ]  # fmt: skip
    params = json.loads(rank_cli("--by", "params", "--top", "1", "--json").stdout)
    assert params == [
        {"rank": 1, "id": "alpha-max", "name": "Alpha Max", "value": 200000000000, "unit": "params", "setting": None,
         "regime": None, "comparable": True}
    ]  # fmt: skip
    assert json.loads(rank_cli("--by", "languages", "--json").stdout) == []


CHART = """\
1. Alpha Max   ████████████████████████████████████████  90%
2. Alpha Mini  ████████████████████████████████████      80%
2. Beta Pro    ████████████████████████████████████      80%
4. Beta Lite   ███████████████████████████████           70%
"""


def test_rank_chart_is_plain_and_width_independent(rank_cli):
    outputs = set()
    for columns in ("20", "80", "300"):
        result = rank_cli("--by", "aime24", "--chart", env={"COLUMNS": columns, "NO_COLOR": None})
        assert (result.exit_code, result.stderr) == (0, LEFT_OUT_ONE)
        assert "\x1b" not in result.stdout
        outputs.add(result.stdout)
    assert outputs == {CHART}


def test_rank_chart_labels_carry_values(rank_cli):
    result = rank_cli("--by", "params", "--chart", "--asc")
    assert result.stdout == (
        "1. Beta Lite   ██                                        8B\n"
        "2. Alpha Mini  ████                                      20B\n"
        "3. Alpha Max   ████████████████████████████████████████  200B\n"
    )


@pytest.mark.parametrize(
    ("by", "message"),
    [
        (
            "vendor",
            "cannot rank by 'vendor': it is not numeric "
            "(rank by params, active, context, released, languages or a benchmark id)",
        ),
        (
            "open_weights",
            "cannot rank by 'open_weights': it is not numeric "
            "(rank by params, active, context, released, languages or a benchmark id)",
        ),
        # suggestions are only what can be ranked: not `country` for `colour`
        (
            "colour",
            "unknown field 'colour' for --by (rank by params, active, context, released, languages or a benchmark id)",
        ),
        (
            "aime",
            "unknown field 'aime' for --by; did you mean 'aime24'? "
            "(rank by params, active, context, released, languages or a benchmark id)",
        ),
    ],
)
def test_rank_by_a_non_numeric_field_is_a_usage_error(rank_cli, by, message):
    result = rank_cli("--by", by)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cnai: error: {message}\n")


def test_rank_bundled(real):
    result = real("rank", "--by", "aime24", "--top", "3", "vendor=alibaba", "--json")
    assert result.exit_code == 0
    assert [(r["rank"], r["id"], r["value"]) for r in json.loads(result.stdout)] == [
        (1, "qwen3-235b-a22b", 85.7),
        (2, "qwen3-32b", 81.4),
        (3, "qwen3-30b-a3b", 80.4),
    ]
    missing = sum(
        1 for m in json.loads(real("list", "--vendor", "alibaba", "--json").stdout) if "aime24" not in m["benchmarks"]
    )
    assert result.stderr == f"cnai: {missing} models have no aime24 value and are left out\n"


# --------------------------------------------------------------------------- resolution


@pytest.mark.parametrize(
    ("name", "model_id"),
    [
        ("큐원3", "qwen3-235b-a22b"),
        ("通义千问3", "qwen3-235b-a22b"),
        ("qwen3", "qwen3-235b-a22b"),
        ("QWEN3", "qwen3-235b-a22b"),
        ("ｑｗｅｎ３", "qwen3-235b-a22b"),
        ("Prover V2", "deepseek-prover-v2-671b"),
        ("prover-v2", "deepseek-prover-v2-671b"),
        ("ｐｒｏｖｅｒ－ｖ２", "deepseek-prover-v2-671b"),
    ],
)
def test_names_resolve_in_three_scripts(real, name, model_id):
    result = real("show", name, "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["id"] == model_id


def test_unknown_name_suggests(real):
    result = real("show", "qwen4")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == "cnai: error: unknown model 'qwen4'. Did you mean: qwen3, qwen3.5?\n"
    compared = real("compare", "qwen3", "deepseek-r2")
    assert (compared.exit_code, compared.stdout) == (3, "")
    assert compared.stderr.startswith("cnai: error: unknown model 'deepseek-r2'. Did you mean: ")
    assert compared.stderr.count("\n") == 1


# --------------------------------------------------------------------------- completion


def complete(tmp_path: Path, words: str, cword: int) -> tuple[list[str], set[str]]:
    """Run bash completion as the shell would; return the candidates and the modules imported."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CNAI_", "_CNAI", "COMP_"))}
    env.update(HOME=str(home), _CNAI_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword))
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cnai"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # completion may cache the registry (~/.cache/cnai) but never writes shell configuration
    assert {p.name for p in home.iterdir()} <= {".cache"}
    modules = {
        line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
    }
    assert "cnai" in modules
    return result.stdout.splitlines(), modules


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("cnai show qwen3-2", 2, ["qwen3-235b-a22b", "qwen3-235b-a22b-instruct-2507", "qwen3-235b-a22b-thinking-2507"]),
        ("cnai compare qwen3 deepseek-r", 3, ["deepseek-r1", "deepseek-r1-0528"]),
        ("cnai rank --by p", 3, ["params", "putnambench", "proverbench"]),
    ],
)
def test_completion_without_pint(tmp_path, words, cword, expected):
    # The first run after a code or data change builds the cache, and with it pint's stored
    # factors; what is measured is every later TAB, so the cache is warmed here, not assumed.
    complete(tmp_path, words, cword)
    candidates, modules = complete(tmp_path, words, cword)
    assert candidates == expected
    assert "pint" not in modules and not any(m.startswith("pint.") for m in modules)
    # Completion runs on every TAB: no table machinery either (nor YAML, once the cache is warm).
    assert "rich" not in modules and "rich.table" not in modules

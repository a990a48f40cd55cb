"""Tests written to kill the mutants a mutation sample found surviving (issue 15).

Each block names the kind of mistake it catches: a validator branch that nobody exercised, a
`*` that could become `/` in a rate chain, `<` for `<=` at a date boundary, a scale word read
wrong, an integer printed as a float.
"""

from __future__ import annotations

import json

import pytest

from cnai.numbers import parse_amount

from .conftest import MINIMAL


def refusal(kind, call):
    """The message of the `kind` error that `call()` must raise."""
    with pytest.raises(kind) as caught:
        call()
    return str(caught.value)


# --------------------------------------------------------------------------- validator branches

# (case, text to replace in MINIMAL, replacement, expected "LINE: path: message" fragment)
VALIDATOR_CASES = [
    ("top-not-mapping", MINIMAL, "- 1\n", "1: (top): expected a mapping, got a list"),
    ("no-schema", "schema: 1\n", "", "1: (top): missing `schema: 1` at the top"),
    ("bad-schema", "schema: 1\n", "schema: 2\n", "1: schema: unsupported schema 2; this cnai reads schema 1"),
    ("unknown-key", "    license: Apache-2.0", "    licence: Apache-2.0",
     "21: models[0].licence: unknown key 'licence'; did you mean 'license'?"),
    ("missing-required", "    name: Rocket-7B\n", "", "26: models[1]: missing required key 'name'"),
    ("empty-required", "    name: Rocket-7B", '    name: ""', "27: models[1].name: 'name' must not be empty"),
    ("text-not-text", "    license: Apache-2.0", "    license: 2.0", "21: models[0].license: expected text, got"),
    ("bad-id", "  - id: rocket-7b", "  - id: Rocket_7B!", "26: models[1].id: 'Rocket_7B!' is not a valid id"),
    ("bad-choice", "    architecture: dense", "    architecture: sparse",
     "30: models[1].architecture: expected one of moe, dense, got 'sparse'"),
    ("bad-bool", "    open_weights: false", "    open_weights: 'no'",
     "32: models[1].open_weights: expected true or false, got"),
    ("negative-int", "max: 131072}", "max: -1}", "20: models[0].context.max: expected a non-negative whole number, got -1"),
    ("float-int", "max: 131072}", "max: 1.5}", "20: models[0].context.max: expected a whole number in plain decimal"),
    ("bad-count", "{total: 7B}", "{total: 7Q}", "31: models[1].params.total:"),
    ("date-as-number", 'released: "2025-02-01"', "released: 20250201",
     "29: models[1].released: expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got"),
    ("partial-date-ok-not-real", 'released: "2025-02-01"', 'released: "2025-02-30"',
     "29: models[1].released: '2025-02-30' is not a real date"),
    ("bad-source-date", 'date: "2025-01-01"}\nvendors', 'date: "Jan 2025"}\nvendors',
     "3: sources.card.date: expected an ISO date"),
    ("bad-currency-code", "base: USD", "base: usd", "11: rates[0].base: expected an ISO 4217 code such as CNY"),
    ("bad-rate-key", "{CNY: 7.3, KRW: 1450}", "{CNY: 7.3, won: 1450}", "11: rates[0].rates.won: expected an ISO 4217 code"),
    ("negative-rate", "{CNY: 7.3, KRW: 1450}", "{CNY: 7.3, KRW: -1}", "11: rates[0].rates.KRW: expected a positive number"),
    ("rates-not-mapping", "rates: {CNY: 7.3, KRW: 1450}", "rates: [7.3]", "11: rates[0].rates: expected a mapping"),
    ("nan-value", "aime24: {value: 50.5, k: 1, self_reported: true, source: card}\n    sources: [card]\n  - id: rocket-7b",
     "aime24: {value: .nan, k: 1, self_reported: true, source: card}\n    sources: [card]\n  - id: rocket-7b",
     "24: models[0].benchmarks.aime24.value: expected a finite number"),
    ("list-not-list", "    sources: [card]\n  - id: rocket-7b", "    sources: card\n  - id: rocket-7b",
     "25: models[0].sources: expected a list, got"),
    ("bad-list-item", "    open_weights: false\n", "    open_weights: false\n    modalities: {input: [smell]}\n",
     "33: models[1].modalities.input[0]: expected one of text, image, audio, video, got 'smell'"),
    ("section-not-list", "benchmarks:\n  - {id: aime24", "benchmarks:\n  {id: aime24",
     "8: benchmarks: expected a list, got"),
    ("sources-not-mapping", 'sources:\n  card: {title: "A model card", url: "https://example.org/card", date: "2025-01-01"}',
     "sources: [card]", "2: sources: expected a mapping of key → {title, url}"),
    ("bad-country", "country: CN}", "country: China}", "5: vendors[0].country: expected an ISO 3166 two-letter code"),
    ("benchmarks-not-mapping", "    benchmarks:\n      aime24: {value: 50.5, k: 1, self_reported: true, source: card}\n    sources: [card]\n  - id: rocket-7b",
     "    benchmarks: [aime24]\n    sources: [card]\n  - id: rocket-7b",
     "23: models[0].benchmarks: expected a mapping of benchmark id"),
    ("active-over-total", "{total: 70B, active: 7B}", "{total: 70B, active: 80B}",
     "19: models[0].params: active parameters (80,000,000,000) exceed total (70,000,000,000)"),
    ("moe-without-active", "{total: 70B, active: 7B}", "{total: 70B}",
     "19: models[0].params: architecture is moe but params.active is not given"),
    ("active-without-moe", "    architecture: dense\n    params: {total: 7B}", "    architecture: dense\n    params: {total: 7B, active: 1B}",
     "30: models[1].architecture: params.active is set, so architecture must be moe"),
    ("native-over-max", "{native: 32768, max: 131072}", "{native: 262144, max: 131072}",
     "20: models[0].context: native context (262,144) exceeds max (131,072)"),
    ("undisclosed-with-values", "    open_weights: false\n", "    open_weights: false\n    undisclosed: [params]\n",
     "33: models[1].undisclosed: params is listed as undisclosed but values are given"),
    ("figures-without-source", "    open_weights: false\n    benchmarks:\n      aime24: {value: 50.5, k: 1, self_reported: true, source: card}\n    sources: [card]",
     "    open_weights: false", "26: models[1].sources: figures need a source"),
    ("name-size-disagrees", "{total: 7B}", "{total: 9B}", "31: models[1].params: the id says 7B but params.total is 9B"),
    ("dangling-family", "    family: rocket\n    released: \"2025-02-01\"", "    family: rockt\n    released: \"2025-02-01\"",
     "28: models[1].family: unknown family 'rockt'; did you mean 'rocket'?"),
    ("dangling-flagship", "flagship: rocket-70b-a7b", "flagship: rocket-1b", "7: families[0].flagship: unknown model 'rocket-1b'"),
    ("vendor-disagrees", "    family: rocket\n    vendor: acme", "    family: rocket\n    vendor: other",
     "16: models[0].vendor: vendor 'other' differs from its family's 'acme'"),
    ("currency-without-rates", "{CNY: 7.3, KRW: 1450}", "{CNY: 7.3}",
     None),  # nothing refers to KRW in MINIMAL: removing it is fine
    ("tag-not-allowed", "    license: Apache-2.0", "    license: !custom Apache-2.0",
     "21: models[0].license: tag !custom is not allowed"),
    ("bad-explicit-int", "    license: Apache-2.0", "    license: !!int x", "21: models[0].license: 'x' is not a valid int"),
    ("duplicate-key", "    license: Apache-2.0\n", "    license: Apache-2.0\n    license: MIT\n",
     "22: models[0].license: duplicate key 'license' (first at line 21, again at line 22)"),
    ("duplicate-id", "  - id: rocket-7b", "  - id: rocket-70b-a7b", "26: models[1].id: duplicate id 'rocket-70b-a7b' in this file"),
    ("name-clash", "  - id: rocket-7b\n    name: Rocket-7B", "  - id: rocket-7b\n    name: Rocket-7B\n    aliases: [Rocket-70B-A7B]",
     "28: models[1].aliases: name 'rocket70ba7b' also belongs to model 'rocket-70b-a7b'"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "old", "new", "expected"), VALIDATOR_CASES, ids=[c[0] for c in VALIDATOR_CASES])
def test_every_validator_branch(cli, write_yaml, case, old, new, expected):
    assert old in MINIMAL, case
    path = write_yaml(MINIMAL.replace(old, new, 1), f"{case}.yaml")
    result = cli("--no-bundled", "validate", path)
    if expected is None:
        assert result.exit_code == 0, result.stdout + result.stderr
        return
    assert result.exit_code == 65, result.stdout
    out = result.stdout + result.stderr
    assert f"{path}:{expected}" in out, out


def test_validate_prints_one_line_per_problem(cli, write_yaml):
    path = write_yaml(MINIMAL.replace("architecture: dense", "architecture: sparse"), "bad.yaml")
    result = cli("--no-bundled", "validate", path)
    lines = (result.stdout + result.stderr).splitlines()
    assert [line for line in lines if line.startswith(f"{path}:")] == [
        f"{path}:30: models[1].architecture: expected one of moe, dense, got 'sparse'"
    ]


# --------------------------------------------------------------------------- rate chains


@pytest.mark.parametrize(
    ("amount", "target", "rate", "expected"),
    [
        # EUR is in no table: an override links it through the table's base (USD).
        ("1 EUR", "KRW", "EUR:USD=1.1", 1.1 * 1450),  # link on the source side
        ("1000 KRW", "EUR", "EUR:USD=1.1", 1000 / 1450 / 1.1),  # the same link, other direction
        ("1 EUR", "CNY", "KRW:EUR=0.0005", (1 / 1450) / 0.0005 * 7.3),  # link on the target side
        ("1 EUR", "KRW", "CNY:EUR=0.13", (1 / 7.3) / 0.13 * 1450),  # through a non-base currency
        ("1 EUR", "KRW", "EUR:CNY=7.8", 7.8 / 7.3 * 1450),  # … on the source side
        ("1000 KRW", "EUR", "EUR:CNY=7.8", 1000 / 1450 * 7.3 / 7.8),  # … and back
        ("100 CNY", "KRW", "CNY:KRW=200", 100 * 200),  # a rate for the very pair wins
        ("100 KRW", "CNY", "CNY:KRW=200", 100 / 200),  # … in either direction
    ],
)
def test_rate_override_chains(cli, minimal, amount, target, rate, expected):
    result = cli("--no-bundled", "--registry", minimal, "convert", amount, "--to", target, "--rate", rate, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["output"]["value"] == pytest.approx(expected, rel=1e-12)


def test_table_cross_rate_goes_through_the_base(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "convert", "1 CNY", "--to", "KRW", "--json")
    data = json.loads(result.stdout)
    assert data["output"]["value"] == pytest.approx(1450 / 7.3, rel=1e-12)


# --------------------------------------------------------------------------- dates at their boundaries


@pytest.mark.parametrize(
    ("expression", "ids"),
    [
        ("released=2025-01-01", ["rocket-70b-a7b"]),
        ("released!=2025-01-01", ["rocket-7b"]),
        ("released<2025-02-01", ["rocket-70b-a7b"]),
        ("released<=2025-02-01", ["rocket-70b-a7b", "rocket-7b"]),
        ("released>2025-01-01", ["rocket-7b"]),
        ("released>=2025-01-01", ["rocket-70b-a7b", "rocket-7b"]),
        ("released>=2025-01-02", ["rocket-7b"]),
        ("released<=2025-01-31", ["rocket-70b-a7b"]),
        ("released=2025-01", ["rocket-70b-a7b"]),  # a month in the filter is its days
        ("released<2025-02", ["rocket-70b-a7b"]),
        ("released<=2025-02", ["rocket-70b-a7b", "rocket-7b"]),
        ("released>2025-01", ["rocket-7b"]),
        ("released=2025", ["rocket-70b-a7b", "rocket-7b"]),
        ("released!=2025", []),
    ],
)
def test_date_filters_at_their_boundaries(cli, minimal, expression, ids):
    result = cli("--no-bundled", "--registry", minimal, "filter", expression, "--json")
    assert result.exit_code == 0, result.stderr
    assert [m["id"] for m in json.loads(result.stdout)] == ids


def test_date_chart_bars_grow_with_the_date(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "rank", "--by", "released", "--chart", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "Rocket" in line]
    assert [("7B" in line and "70B" not in line) for line in lines] == [True, False]  # newest first
    bars = [line.count("█") + line.count("#") for line in lines]
    assert bars[0] > bars[1] > 0
    assert "2025-02-01" in lines[0] and "2025-01-01" in lines[1]


# --------------------------------------------------------------------------- scale words and numerals


@pytest.mark.parametrize(
    ("amount", "to", "display"),
    [
        ("671B params", "T params", "0.671T params"),
        ("671B params", "B params", "671B params"),
        ("671B params", "M params", "671,000M params"),
        ("1.5T params", "B params", "1,500B params"),
        ("128K tokens", "M tokens", "0.128M tokens"),
        ("128K tokens", "K tokens", "128K tokens"),
        ("1M tokens", "K tokens", "1,000K tokens"),
        ("671 billion params", "million params", "671,000M params"),
        ("2 trillion params", "billion params", "2,000B params"),
        ("5000 tokens", "thousand tokens", "5K tokens"),
    ],
)
def test_every_scale_word_in_to(cli, amount, to, display):
    result = cli("convert", amount, "--to", to, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["output"]["display"] == display


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("600億元", 60_000_000_000, "CNY"),
        ("1萬億元", 1_000_000_000_000, "CNY"),
        ("1.5萬億元", 1_500_000_000_000, "CNY"),
        ("2千5百萬元", 25_000_000, "CNY"),
        ("1萬2千元", 12_000, "CNY"),
        ("5億6千萬元", 560_000_000, "CNY"),
        ("3십억 원", 3_000_000_000, "KRW"),
        ("2,000萬元", 20_000_000, "CNY"),
        ("398.12億元", 39_812_000_000, "CNY"),
    ],
)
def test_traditional_and_mixed_numerals(text, value, unit):
    amount = parse_amount(text)
    assert (amount.value, amount.unit) == (value, unit)


@pytest.mark.parametrize("text", ["十億元", "萬元", "億"])
def test_a_multiplier_needs_a_number_before_it(text):
    with pytest.raises(ValueError):
        parse_amount(text)


# --------------------------------------------------------------------------- JSON number types


def test_integers_stay_integers_in_json(cli, write_yaml):
    text = MINIMAL.replace("aime24: {value: 50.5, k: 1, self_reported: true, source: card}\n    sources: [card]\n  - id: rocket-7b",
                           "aime24: {value: 80, k: 1, self_reported: true, source: card}\n    sources: [card]\n  - id: rocket-7b")  # fmt: skip
    path = write_yaml(text, "ints.yaml")
    raw = cli("--no-bundled", "--registry", path, "show", "rocket-70b-a7b", "--json").stdout
    assert '"value": 80,' in raw and '"value": 80.0' not in raw
    data = json.loads(raw)
    assert type(data["benchmarks"]["aime24"]["value"]) is int
    assert type(data["params"]["total"]) is int and type(data["context"]["max"]) is int
    other = json.loads(cli("--no-bundled", "--registry", path, "show", "rocket-7b", "--json").stdout)
    assert type(other["benchmarks"]["aime24"]["value"]) is float  # 50.5 stays what it was


def test_bundled_fund_amounts_are_integers(cli):
    raw = cli("funding", "--json").stdout
    assert '"value": 1000000000000,' in raw
    assert all(type(f["amount"]["value"]) is int for f in json.loads(raw))


# --------------------------------------------------------------------------- one voice (issue 12, first part)


@pytest.mark.parametrize("word", ["won", "원", "KRW", "krw", "韩元"])
def test_currency_words_are_accepted_wherever_a_currency_is(cli, word):
    funding = cli("funding", "--currency", word, "--json")
    assert funding.exit_code == 0, funding.stderr
    assert {f["converted"]["currency"] for f in json.loads(funding.stdout)} == {"KRW"}
    converted = cli("convert", "1 CNY", "--to", word, "--json")
    assert json.loads(converted.stdout)["output"]["unit"] == "KRW"


@pytest.mark.parametrize(("args", "check"), [
    (["--format", "JSON", "list", "--limit", "1"], lambda out: out.startswith("[")),
    (["--lang", "KO", "show", "qwen3"], lambda out: "항목" in out),
    (["claims", "--verdict", "Wrong", "--json"], lambda out: {c["verdict"] for c in json.loads(out)} == {"wrong"}),
])  # fmt: skip
def test_choices_ignore_case(cli, args, check):
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert check(result.stdout)


@pytest.mark.parametrize("name", ["AIME 2024", "aime 2024", "AIME-2024", "aime24"])
def test_benchmarks_by_name_in_rank(cli, name):
    result = cli("rank", "--by", name, "--top", "1", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["unit"] == "%"


def test_best_is_always_a_list(cli):
    data = json.loads(cli("compare", "deepseek-r1", "o1", "--json").stdout)
    assert data["best"] and all(isinstance(ids, list) and ids for ids in data["best"].values())


@pytest.mark.parametrize(
    ("as_of", "table"), [("2024", "2024"), ("2025-03", "2025-03-06"), ("2025-03-05", "2025-03-05")]
)
def test_as_of_takes_years_and_months_as_rates_dates_them(cli, as_of, table):
    result = cli("convert", "1 CNY", "--to", "KRW", "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["rate"]["date"] == table


def test_validate_json_reports_problems_as_records(cli, write_yaml):
    path = write_yaml(MINIMAL.replace("architecture: dense", "architecture: sparse"), "bad.yaml")
    result = cli("--no-bundled", "validate", path, "--json")
    assert result.exit_code == 65
    assert json.loads(result.stdout) == {
        "file": path,
        "valid": False,
        "problems": [
            {
                "file": path,
                "line": 30,
                "path": "models[1].architecture",
                "message": "expected one of moe, dense, got 'sparse'",
            }
        ],
    }
    broken = write_yaml("schema: 1\nmodels: [\n", "broken.yaml")
    fatal = json.loads(cli("--no-bundled", "validate", broken, "--json").stdout)
    assert fatal["valid"] is False and fatal["problems"][0]["path"] == "(top)"


def test_compare_json_honours_fields_and_converted_prices(cli):
    data = json.loads(
        cli("compare", "ernie-4.5-turbo", "ernie-x1-turbo", "--fields", "price", "--currency", "USD", "--json").stdout
    )
    assert [r["key"] for r in data["rows"]] == ["price.input", "price.output", "price.date"]
    row = data["rows"][0]
    assert row["units"] == ["USD/1,000,000 tokens"] * 2 and row["best"] == ["ernie-4.5-turbo"]
    assert row["values"][0] < 1  # 0.8 CNY in USD
    only = json.loads(cli("compare", "deepseek-r1", "o1", "--fields", "aime24", "--json").stdout)
    assert [r["key"] for r in only["rows"]] == ["benchmarks.aime24"]


def test_convert_json_is_in_the_unit_asked_for(cli):
    data = json.loads(cli("convert", "671B params", "--to", "T params", "--json").stdout)
    assert data["output"] == {
        "value": 0.671, "unit": "T params", "display": "0.671T params", "base": {"value": 671_000_000_000, "unit": "param"}
    }  # fmt: skip
    assert data["input"] == {"value": 671_000_000_000, "unit": "param"}
    csv_text = cli("convert", "1 CNY", "--to", "KRW", "--as-of", "2025-04-30", "--format", "csv").stdout
    header, row = csv_text.splitlines()
    assert header == "input,input_unit,output,output_unit,rate,rate_date,rate_source"
    assert row.endswith(",2025-04-30,money-datasets-fx-daily")


def test_a_misnomer_resolves_with_a_note(cli):
    result = cli("show", "MiLM-7B", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "mimo-7b-rl"
    assert result.stderr == "cnai: 'MiLM-7B' is not a real name; it is taken to mean MiMo-7B (mimo-7b-rl)\n"
    assert cli("show", "mimo", "--json").stderr == ""  # a true alias says nothing


@pytest.mark.parametrize(
    ("name", "vendor"), [("딥시크", "deepseek"), ("千问", "alibaba"), ("通义千问", "alibaba"), ("文心", "baidu")]
)
def test_a_vendor_name_where_a_model_is_expected_says_so(cli, name, vendor):
    result = cli("show", name)
    assert result.exit_code == 3
    assert "is the vendor" in result.stderr and f"cnai list --vendor {vendor}" in result.stderr
    assert cli("list", "--vendor", name, "--json").exit_code == 0


def test_funding_and_claims_show_one_item_in_full(cli):
    fund = cli("funding", "national-vc-guidance-fund", "--currency", "KRW", "--json")
    data = json.loads(fund.stdout)
    assert data["id"] == "national-vc-guidance-fund" and data["launched"] == "2025-12-26"
    assert data["converted"]["rate"]["date"] == "2025-03-06"
    table = cli("funding", "국가 벤처캐피털 유도기금").stdout  # by name, any language
    assert "National Venture Capital Guidance Fund" in table and "scope_note" in table
    claim = json.loads(cli("claims", "vc-fund-scope", "--json").stdout)
    assert claim["verdict"] == "overstated" and claim["sources"]
    missing = cli("claims", "nope")
    assert missing.exit_code == 3 and "unknown claim 'nope'" in missing.stderr


def test_one_rounding_rule_in_every_command_and_language(cli):
    """The same conversion reads the same everywhere: rounded once, to 4 significant digits."""
    expected = {"en": "11.77 trillion KRW", "ko": "11조 7,700억 원", "zh": "11.77万亿韩元"}
    for lang, text in expected.items():
        out = cli("--lang", lang, "convert", "600억 위안", "--to", "KRW", "--as-of", "2025-04-30").stdout
        assert text in out, (lang, out)
    table = cli("claims", "--verdict", "wrong", env={"COLUMNS": "300"}).stdout
    assert "11.77 trillion KRW" in table and "11.76" not in table


def test_an_unconverted_amount_is_echoed_exactly(cli):
    out = cli("--lang", "ko", "funding", "--currency", "CNY").stdout
    row = next(line for line in out.splitlines() if line.startswith("central-st-budget-2025"))
    assert row.count("3,981억 1,900만 위안") == 2  # the amount and its "conversion" to itself


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("gpt-4o", None), ("gemin-2.5-pro", "gemini-2.5-pro"), ("qwen3-23b", "qwen3-235b-a22b"), ("o3-mini", "o4-mini")],
)
def test_suggestions_are_actually_close(cli, name, suggestion):
    result = cli("show", name)
    assert result.exit_code == 3
    if suggestion is None:
        assert "Did you mean" not in result.stderr and "See 'cnai list'" in result.stderr
    else:
        assert f"Did you mean: {suggestion}" in result.stderr


def test_show_csv_carries_raw_values(cli):
    import csv
    import io

    rows = list(csv.reader(io.StringIO(cli("show", "qwen3", "--format", "csv").stdout)))
    assert rows[0] == ["field", "value"]
    values = dict(rows[1:])
    assert values["params.total"] == "235000000000" and values["context.native"] == "32768"
    assert values["benchmarks.aime24.value"] == "85.7" and values["benchmarks.aime24.samples"] == "64"


@pytest.mark.parametrize(
    ("lang", "rating", "problems"),
    [("en", "2029 rating", "47 problems"), ("ko", "2029 레이팅", "47 문제"), ("zh", "2029等级分", "47题")],
)
def test_benchmark_units_in_the_readers_language(cli, lang, rating, problems):
    out = cli(
        "--lang", lang, "compare", "deepseek-r1", "deepseek-prover-v2-671b", "--fields", "codeforces,putnambench"
    ).stdout
    assert rating in out and problems in out


# --------------------------------------------------------------------------- mutmut survivors: numbers


@pytest.mark.parametrize(
    ("tokens", "shown"),
    [
        (131_072, "128K"), (128_000, "128K"), (32_768, "32K"), (8_192, "8K"), (1_000, "1K"), (1_024, "1K"),
        (1_000_000, "1M"), (1_048_576, "1M"), (2_097_152, "2M"), (2_000_000, "2M"), (10_000_000, "10M"),
        (1_010_000, "1.01M"), (1_500_000, "1.5M"), (1_234_000_000, "1234M"), (1_536, "1.54K"), (999, "999"), (0, "0"),
    ],
)  # fmt: skip
def test_context_windows_read_as_vendors_write_them(tokens, shown):
    from cnai.numbers import format_tokens

    assert format_tokens(tokens) == shown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1万万元", "万万 is not a number word"),
        ("1亿万元", "亿万 is not a number word"),
        ("2억억 원", "억억 is not a number word"),
        ("B 5", "unexpected 'B' before the number"),
        ("5 USD 7", "unexpected '7'"),
        ("1e300 trillion", "number too large"),
    ],
)
def test_a_malformed_amount_is_refused_by_name(text, message):
    assert refusal(ValueError, lambda: parse_amount(text)) == message


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_an_empty_unit_says_so(text):
    from cnai.numbers import parse_unit

    assert refusal(ValueError, lambda: parse_unit(text)) == "empty unit"


@pytest.mark.parametrize(
    ("value", "currency", "lang", "shown"),
    [
        (1_000_000, "USD", "en", "1 million USD"),  # exactly a scale: that scale, not the one below
        (10**9, "CNY", "en", "1 billion CNY"),
        (10**12, "KRW", "en", "1 trillion KRW"),
        (10_000, "CNY", "zh", "1万元"),
        (10**8, "CNY", "zh", "1亿元"),
        (999_999_000_000, "CNY", "en", "1 trillion CNY"),  # 999.999 billion rounds up into the next scale
        (999_999_000, "USD", "en", "1 billion USD"),
        (10_555_000_000, "CNY", "en", "10.56 billion CNY"),  # from 10 up: two decimals, half to even
        (9_999_500_000, "CNY", "en", "10 billion CNY"),
        (99_999_990_000, "CNY", "zh", "1,000亿元"),
        (9_999.5, "CNY", "zh", "9,999.5元"),
    ],
)
def test_scale_words_at_their_edges(value, currency, lang, shown):
    from cnai.numbers import format_money

    assert format_money(value, currency, lang) == shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("USD billion", (10**9, "USD")),  # a unit, then a scale
        ("KRW 천억", (10**11, "KRW")),  # a unit, then small and large multipliers
        ("billion KRW", (10**9, "KRW")),
        ("억 원", (10**8, "KRW")),
        ("T params", (10**12, "param")),
    ],
)
def test_to_units_in_either_order(text, expected):
    from cnai.numbers import parse_unit

    assert parse_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("100 KRW", "expected a unit such as KRW, B params or K tokens, not an amount"),
        ("billion KRW million", "unexpected 'million'"),
        ("billion", "no unit: say KRW, USD, params, tokens …"),
    ],
)
def test_to_unit_errors_say_what_is_wrong(text, message):
    from cnai.numbers import parse_unit

    assert refusal(ValueError, lambda: parse_unit(text)) == message


def test_a_bad_currency_code_is_named():
    from cnai.numbers import format_money

    assert refusal(ValueError, lambda: format_money(1, "US", "en")) == "not a currency code: 'US'"


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (0, "0"), (999, "999"), (1_000, "1K"), (1_500, "1.5K"), (12_345, "12.3K"), (99_949, "99.9K"),
        (123_456, "123K"), (440_000_000, "440M"), (10_550_000_000, "10.6B"), (100_500_000_000, "100B"), (7_615_616_512, "7.62B"), (10_500_000_000, "10.5B"),
        (235_000_000_000, "235B"), (480_000_000_000, "480B"), (10**12, "1T"), (1_500_000_000_000, "1.5T"),
    ],
)  # fmt: skip
def test_counts_compact_with_up_to_three_significant_digits(count, shown):
    from cnai.numbers import format_count

    assert format_count(count) == shown


@pytest.mark.parametrize(
    ("value", "currency", "lang", "message"),
    [
        (1, "USD", "fr", "unknown language 'fr'"),
        (float("inf"), "USD", "en", "not a finite amount: inf"),
        (float("nan"), "USD", "en", "not a finite amount: nan"),
    ],
)
def test_format_money_refuses_by_name(value, currency, lang, message):
    from cnai.numbers import format_money

    assert refusal(ValueError, lambda: format_money(value, currency, lang)) == message


def test_currency_words_cover_symbols_and_never_return_quantities():
    from cnai.numbers import currency_word

    assert [currency_word(w) for w in ("$", "₩", "¥", "US$", " won ", "위안", "美元")] == [
        "USD", "KRW", "CNY", "USD", "KRW", "CNY", "USD",
    ]  # fmt: skip
    assert [currency_word(w) for w in ("params", "토큰", "参数", "tokens", "euro")] == [None] * 5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1 2 위안", "two numbers in a row: '2'"),
        ("천 원", "a number must come before 천"),
        ("만 원", "a number must come before 만"),
        ("1백2백 원", "백 is out of order"),
        ("5백2천 원", "천 is out of order"),
        ("1만 2억 원", "억 is out of order: write the largest group first"),
        ("1 KRW USD", "two units: KRW and USD"),
        ("1 eur usd", "two units: eur and usd"),  # three letters read as a code keep their spelling
        ("nan", "not a finite number"),
        ("1만 billion 원", "'billion' cannot follow that number"),
        ("-5 USD", "amounts cannot be negative"),
        ("USD -5", "amounts cannot be negative"),  # a unit first, then a minus: still a sign
        ("−5 위안", "amounts cannot be negative"),  # the Unicode minus too
        ("5-3 USD", "unexpected '-'"),  # after a number a minus is arithmetic, not a sign
        ("@5", "unexpected '@'"),
        ("5 apples", "unknown word 'apples'"),
        ("  ", "empty amount"),
        ("USD", "no number"),
    ],
)
def test_malformed_number_words_are_named(text, message):
    assert refusal(ValueError, lambda: parse_amount(text)) == message


def test_number_size_limits_at_their_edges():
    from decimal import Decimal

    assert parse_amount("1e-400").value == Decimal("1e-400")  # exactly the smallest exponent allowed
    assert parse_amount("0." + "1" * 400).value == Decimal("0." + "1" * 400)  # exactly the most digits
    for text, message in [
        ("1,5", "malformed number '1,5'"),
        ("1e401", "number too large"),
        ("1e-401", "too many digits"),
        ("0." + "1" * 401, "too many digits"),
    ]:
        assert refusal(ValueError, lambda text=text: parse_amount(text)) == message, text


def test_money_beyond_ordinary_precision():
    """Exact display of figures longer than decimal's default 28 digits, and a clear refusal beyond
    the precision cnai keeps (1,000 digits)."""
    from decimal import Decimal

    from cnai.numbers import format_money

    assert format_money(Decimal(10) ** 30, "KRW", "ko") == "1,000,000,000,000,000,000조 원"
    assert (
        refusal(ValueError, lambda: format_money(Decimal("1e1001"), "KRW", "en"))
        == "amount too large to show: Decimal('1E+1001')"
    )


# --------------------------------------------------------------------------- mutmut survivors: units


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("CNY-KRW=193", "bad --rate 'CNY-KRW=193'; write FROM:TO=VALUE, e.g. CNY:KRW=193 (1 CNY = 193 KRW)"),
        ("CNY:KRW=0", "bad --rate 'CNY:KRW=0': a rate must be a positive, finite number"),
        ("CNY:KRW=1e999", "bad --rate 'CNY:KRW=1e999': a rate must be a positive, finite number"),
        ("krw:KRW=1", "bad --rate 'krw:KRW=1': the two currencies are the same"),
    ],
)
def test_a_bad_rate_override_says_what_is_wrong(text, message):
    from cnai.errors import UsageError
    from cnai.units import parse_override

    assert refusal(UsageError, lambda: parse_override(text)) == message


@pytest.mark.parametrize(
    ("text", "value"), [("USD:KRW=1_450.5", 1450.5), ("USD:KRW=1,450", 1450.0), ("USD:KRW=1__450", 1450.0)]
)
def test_a_rate_override_may_group_its_digits(text, value):
    from cnai.units import parse_override

    assert parse_override(text).value == value


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("7Q", "param", "bad value '7Q' for params: unknown word 'Q'"),
        ("7 USD", "param", "bad value '7 USD' for params: expected parameters, got money (USD)"),
        ("128K params", "token", "bad value '128K params' for params: expected tokens, got parameters"),
        ("1.5 params", "param", "bad value '1.5 params' for params: a count must be whole"),
    ],
)
def test_a_bad_count_in_a_filter_names_the_field_and_the_fault(text, unit, message):
    from cnai.errors import UsageError
    from cnai.units import quantity_value

    assert refusal(UsageError, lambda: quantity_value(text, unit, context="params")) == message


# --------------------------------------------------------------------------- mutmut survivors: registry

# Five vendors and five families whose ids are all near "acme"/"rocket", so a suggestion list has
# more candidates than it may show (difflib orders equal scores from z to a); one model answers to many near names (aliases), another to a
# name exactly 0.85 similar to a query whose letters differ.
CROWDED = """\
schema: 1
sources:
  card: {title: "A model card", url: "https://example.org/card", date: "2025-01-01"}
vendors:
  - {id: acme, name: Acme, country: CN}
  - {id: acme-a, name: Acme A, country: CN}
  - {id: acme-b, name: Acme B, country: CN}
  - {id: acme-c, name: Acme C, country: CN}
  - {id: acme-d, name: Acme D, country: CN}
families:
  - {id: rocket, name: Rocket, vendor: acme, flagship: rocket-70b}
  - {id: rocket-a, name: Rocket A, vendor: acme-a, flagship: ra-1}
  - {id: rocket-b, name: Rocket B, vendor: acme-a, flagship: rb-1}
  - {id: rocket-c, name: Rocket C, vendor: acme-b, flagship: rc-1}
  - {id: rocket-d, name: Rocket D, vendor: acme-b, flagship: rd-1}
models:
  - {id: rocket-70b, name: Rocket-70B, family: rocket, released: "2025-01-01", sources: [card],
     misnomers: [Rokket-70B]}
  - {id: rocket-7b, name: Rocket-7B, family: rocket, released: "2025-01-01", sources: [card]}
  - {id: ra-1, name: RA-1, family: rocket-a, released: "2025-01-01", sources: [card],
     aliases: [zeta-1a, zeta-1b, zeta-1c, zeta-1d, zeta-1e, zeta-1f]}
  - {id: rb-1, name: RB-1, family: rocket-b, released: "2025-01-01", sources: [card], aliases: [zeta-12]}
  - {id: rc-1, name: RC-1, family: rocket-c, released: "2025-01-01", sources: [card],
     aliases: [abcdefghijklmnopqxyz]}
  - {id: rd-1, name: RD-1, family: rocket-d, released: "2025-01-01", sources: [card]}
"""


@pytest.fixture
def crowded(write_yaml):
    from cnai.registry import load

    return load([write_yaml(CROWDED, "crowded.yaml")], bundled=False, cache=False)


def _not_found(call, name):
    from cnai.errors import NotFoundError

    return refusal(NotFoundError, lambda: call(name))


def test_a_vendor_named_as_a_model_lists_its_families(crowded):
    assert _not_found(crowded.resolve, "Acme A") == (
        "'Acme A' is the vendor Acme A, not a model; its families: rocket-a, rocket-b (cnai list --vendor acme-a)"
    )


def test_a_model_misnomer_names_the_model(crowded):
    assert crowded.misnomer_of("rokket 70b") == ("Rocket-70B", "rocket-70b")
    assert crowded.misnomer_of("Rocket-70B") is None


def test_a_family_is_found_by_its_flagship_but_not_by_another_member(crowded):
    assert crowded.resolve_family("Rocket-70B").id == "rocket"
    assert crowded.resolve_family("RA-1").id == "rocket-a"
    # Another member is named for what it is, with its family, rather than met with spelling guesses.
    assert _not_found(crowded.resolve_family, "Rocket-7B") == "'Rocket-7B' is a model of family rocket, not a family"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ROCKETX", "unknown family 'ROCKETX'. Did you mean: rocket, rocket-d, rocket-c?"),
        ("zzz", "unknown family 'zzz'. See 'cnai list' for the families"),
    ],
)
def test_an_unknown_family_suggests_at_most_three(crowded, name, message):
    assert _not_found(crowded.resolve_family, name) == message


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ACMEX", "unknown vendor 'ACMEX'. Did you mean: acme, acme-d, acme-c?"),
        ("zzz", "unknown vendor 'zzz'. Known vendors: acme, acme-a, acme-b, acme-c, acme-d"),
    ],
)
def test_an_unknown_vendor_suggests_at_most_three_or_lists_them_all(crowded, name, message):
    assert _not_found(crowded.resolve_vendor, name) == message


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("rocket-x", ". Did you mean: rocket, rocket-d, rocket-c?"),  # five near names, three shown (ties: z to a)
        ("zeta-1", ". Did you mean: ra-1?"),  # six aliases of one model fill the six near names; rb-1's is 7th
        ("abcdefghijklmnopq123", ". Did you mean: rc-1?"),  # letters differ, similarity exactly 0.85
    ],
)
def test_model_suggestions_at_their_limits(crowded, name, hint):
    assert _not_found(crowded.resolve, name) == f"unknown model {name!r}{hint}"


def test_problems_read_file_by_file_in_load_order(write_yaml):
    from cnai.errors import RegistryInvalid
    from cnai.registry import load

    first = write_yaml(MINIMAL.replace("    license: Apache-2.0", "    license: 2.0"), "first.yaml")  # line 21
    second = write_yaml("schema: 2\n", "second.yaml")  # line 1
    with pytest.raises(RegistryInvalid) as caught:
        load([first, second], bundled=False, cache=False)
    lines = [line.split(":")[0].rsplit("/", 1)[-1] for line in caught.value.problems]
    assert lines[:2] == ["first.yaml", "second.yaml"], caught.value.problems


@pytest.mark.parametrize(
    ("text", "day"),
    [("2025-01", "2025-01-15"), ("2025-11", "2025-11-15"), ("2024", "2024-07-02"), ("2025-10-31", "2025-10-31")],
)
def test_a_partial_date_stands_at_its_period_middle(text, day):
    from cnai.units import effective_date

    assert effective_date(text).isoformat() == day


# An annual table (mid-year) is later than a March table though "2025" sorts before "2025-03".
ANNUAL_AND_MONTHLY = """\
schema: 1
sources:
  fx: {title: "Rates", url: "https://example.org/fx"}
rates:
  - {date: "2025-03", base: USD, rates: {CNY: 7.0}, source: fx}
  - {date: "2025", base: USD, rates: {CNY: 7.2, KRW: 1380}, source: fx}
"""


def test_the_latest_table_is_by_its_day_not_its_text(write_yaml):
    from datetime import date

    from cnai.registry import load
    from cnai.units import Converter

    reg = load([write_yaml(ANNUAL_AND_MONTHLY, "fx.yaml")], bundled=False, cache=False)
    assert Converter(reg).table_for(None).date == "2025"
    assert Converter(reg, as_of=date(2025, 12, 31)).table_for(None).date == "2025"
    assert Converter(reg, as_of=date(2025, 4, 1)).table_for(None).date == "2025-03"


def test_a_currency_in_itself_states_a_rate_of_one():
    from cnai.registry import load
    from cnai.units import Converter

    value, rate = Converter(load([])).money(12.5, "cny", "CNY")
    assert value == 12.5 and rate == ("CNY", "CNY", 1.0, None, None, False)


@pytest.fixture
def minimal_reg(minimal):
    from cnai.registry import load

    return load([minimal], bundled=False, cache=False)  # USD base: 7.3 CNY, 1450 KRW


def test_what_an_override_states_about_itself(minimal_reg):
    from cnai.units import Converter, parse_override

    direct = Converter(minimal_reg, [parse_override("CNY:KRW=200")])
    assert direct.money(1.0, "KRW", "CNY")[1] == ("KRW", "CNY", 1 / 200, None, None, True)
    # A rate for another pair links nothing and changes nothing: USD→KRW stays the table's.
    assert direct.money(1.0, "USD", "KRW") == (1450.0, ("USD", "KRW", 1450.0, "2025-01-01", "card", False))
    # A currency the table lacks, linked on either side, marks the rate as using an override.
    linking = Converter(minimal_reg, [parse_override("EUR:USD=1.1")])
    assert linking.money(1.0, "EUR", "KRW")[1].override is True
    assert linking.money(1.0, "CNY", "KRW")[1].override is False  # the link is not on this pair's way
    assert Converter(minimal_reg, [parse_override("KRW:EUR=0.0005")]).money(1.0, "EUR", "CNY")[1].override is True
    # An override between two currencies the table lacks is no link at all.
    unlinked = Converter(minimal_reg, [parse_override("GBP:EUR=1.15")])
    assert unlinked.money(1.0, "USD", "KRW")[0] == 1450.0


def test_without_any_table_only_the_rates_given_convert(write_yaml):
    from cnai.errors import UsageError
    from cnai.registry import load
    from cnai.units import Converter, parse_override

    empty = load([write_yaml("schema: 1\n", "empty.yaml")], bundled=False, cache=False)
    conv = Converter(empty, [parse_override("CNY:KRW=200"), parse_override("USD:EUR=0.9")])
    assert conv.money(2.0, "CNY", "KRW") == (400.0, ("CNY", "KRW", 200.0, None, None, True))
    assert (
        refusal(UsageError, lambda: conv.money(1.0, "CNY", "USD"))
        == "no CNY→USD rate in the rates given; give one with --rate CNY:USD=VALUE"
    )


@pytest.mark.parametrize(
    ("value", "shown"), [(-1.0, "-1.0"), (-0.001, "-0.001"), (float("nan"), "nan"), (float("-inf"), "-inf")]
)
def test_an_amount_must_be_non_negative_and_finite(minimal_reg, value, shown):
    from cnai.errors import UsageError
    from cnai.units import Converter

    assert (
        refusal(UsageError, lambda: Converter(minimal_reg).money(value, "CNY", "KRW"))
        == f"amount must be a non-negative, finite number, got {shown}"
    )


def test_zero_converts_to_zero(minimal_reg):
    from cnai.units import Converter

    assert Converter(minimal_reg).money(0.0, "CNY", "KRW")[0] == 0.0
    assert Converter(minimal_reg).quantity(0.0, "param", "param") == 0.0


def test_the_stored_factors_are_pints_for_every_pair(minimal_reg):
    from cnai.units import table_factors

    factors = table_factors(minimal_reg)
    assert set(factors) == {
        ("2025-01-01", "USD", source, target)
        for source in ("USD", "CNY", "KRW") for target in ("USD", "CNY", "KRW") if source != target
    }  # fmt: skip
    assert factors[("2025-01-01", "USD", "CNY", "KRW")] == pytest.approx(1450 / 7.3, rel=1e-15)
    assert factors[("2025-01-01", "USD", "KRW", "USD")] == pytest.approx(1 / 1450, rel=1e-15)


def _parsed(text, name):
    from cnai.rules import parse_document
    from cnai.yamlread import parse_yaml

    return parse_document(parse_yaml(text, name))


def test_merging_nothing_is_an_empty_registry():
    from cnai.registry import merge

    reg, where = merge([])
    assert (reg.models, reg.files, reg.snapshot, where) == ({}, [], None, {})


def test_a_duplicate_id_is_a_problem_and_the_entries_after_it_still_count():
    from cnai.registry import merge

    text = MINIMAL.replace("  - id: rocket-7b\n", "  - id: rocket-70b-a7b\n    name: Twin\n    family: rocket\n"
                           "    released: \"2025-01-01\"\n    sources: [card]\n  - id: rocket-7b\n")  # fmt: skip
    parsed = _parsed(text, "dup.yaml")
    reg, _ = merge([parsed])
    assert list(reg.models) == ["rocket-70b-a7b", "rocket-7b"]
    assert reg.models["rocket-70b-a7b"].name == "Rocket-70B-A7B"  # the first stands
    assert [p.message for p in parsed.doc.problems] == ["duplicate id 'rocket-70b-a7b' in this file"]


def test_a_replaced_entry_moves_to_its_new_place_and_the_newest_snapshot_wins():
    from cnai.registry import merge

    first = _parsed('snapshot: "2025-03-01"\n' + MINIMAL, "first.yaml")
    second = _parsed(
        'schema: 1\nsnapshot: "2025-05-01"\nsources:\n  card: {title: "Card", url: "https://example.org/c"}\n'
        'models:\n  - {id: rocket-70b-a7b, name: Rocket Two, family: rocket, released: "2025-03-01", sources: [card]}\n',
        "second.yaml",
    )
    third = _parsed('schema: 1\nsnapshot: "2025-04-01"\n', "third.yaml")
    reg, _ = merge([first, second, third])
    assert list(reg.models) == ["rocket-7b", "rocket-70b-a7b"]
    assert reg.models["rocket-70b-a7b"].name == "Rocket Two"
    assert reg.snapshot == "2025-05-01"
    assert reg.overrides == {"rocket-70b-a7b": ("second.yaml", ("first.yaml",))}


def test_a_models_country_is_its_vendors(crowded):
    # No model of an unknown vendor reaches here: the validator refuses it (and requires a country).
    assert crowded.country_of(crowded.models["rd-1"]) == "CN"


def test_loading_without_the_cache_neither_reads_nor_writes_it(minimal, tmp_path, monkeypatch):
    from cnai.registry import load

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CNAI_NO_CACHE", raising=False)
    load([minimal], bundled=False, cache=False)
    assert not list((tmp_path / "cache").rglob("*.pickle"))
    load([minimal], bundled=False)
    written = sorted(p.name for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert written, "a load with the cache writes it"
    load([minimal], bundled=False, cache=False)
    assert sorted(p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()) == written


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(minimal, enabled):
    import gc

    from cnai.registry import load

    (gc.enable if enabled else gc.disable)()
    try:
        load([minimal], bundled=False, cache=False)
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


# --------------------------------------------------------------------------- mutmut survivors: query

# MINIMAL with a second rate table, a benchmark id holding a dot, one nobody has a score on, and a
# model whose parameter count is undisclosed.
QUERY_REG = (
    MINIMAL.replace(
        "  - {id: aime24, name: AIME 2024, measures: math, unit: \"%\", higher_is_better: true}\n",
        "  - {id: aime24, name: AIME 2024, measures: math, unit: \"%\", higher_is_better: true}\n"
        "  - {id: bench.v2, name: Bench V2, measures: math, unit: \"%\", higher_is_better: true}\n"
        "  - {id: gpqa, name: GPQA Diamond, measures: science, unit: \"%\", higher_is_better: true}\n",
    )
    .replace(
        "  - {date: \"2025-01-01\", base: USD, rates: {CNY: 7.3, KRW: 1450}, source: card}\n",
        "  - {date: \"2025-01-01\", base: USD, rates: {CNY: 7.3, KRW: 1450}, source: card}\n"
        "  - {date: \"2025-06-01\", base: USD, rates: {CNY: 7.0, KRW: 1400}, source: card}\n",
    )
    .replace(
        "    params: {total: 7B}\n",
        "    undisclosed: [params]\n",
    )
    .replace(
        "      aime24: {value: 50.5, k: 1, self_reported: true, source: card}\n    sources: [card]\n  - id: rocket-7b",
        "      aime24: {value: 50.5, k: 1, self_reported: true, source: card}\n"
        "      bench.v2: {value: 40, k: 1, self_reported: true, source: card}\n    sources: [card]\n  - id: rocket-7b",
    )
)  # fmt: skip


@pytest.fixture
def qreg(write_yaml):
    from cnai.registry import load

    return load([write_yaml(QUERY_REG, "query.yaml")], bundled=False, cache=False)


def test_compare_rows_by_group_dotted_id_and_undisclosed(qreg):
    from cnai.query import compare

    models = list(qreg.models.values())
    # The benchmarks group holds the benchmarks the models have, not every registered one.
    assert [r.key for r in compare(qreg, models, ["benchmarks"])] == ["benchmarks.aime24", "benchmarks.bench.v2"]
    # A benchmark asked for by name gets its row even when nobody has a score on it.
    assert [r.key for r in compare(qreg, models, ["gpqa"])] == ["benchmarks.gpqa"]
    # A row's name is everything after its group, dots included.
    assert [r.key for r in compare(qreg, models, ["bench.v2"])] == ["benchmarks.bench.v2"]
    (params,) = compare(qreg, models, ["params.total"])
    assert [(c.value, c.undisclosed) for c in params.cells] == [(70_000_000_000, False), (None, True)]
    (native,) = compare(qreg, models, ["context.native"])
    assert [c.undisclosed for c in native.cells] == [False, False]  # missing, not withheld


def test_a_price_converts_at_the_table_of_its_own_date(qreg):
    from cnai.query import convert_price
    from cnai.schema import Price
    from cnai.units import Converter

    price = Price(input=1.0, output=2.0, currency="USD", per=1_000_000, date="2025-05-20", source="card",
                  cache_hit_input=0.5)  # fmt: skip
    converted, rate = convert_price(price, Converter(qreg), "KRW")
    assert (rate.date, rate.value) == ("2025-06-01", 1400.0)
    assert (converted.input, converted.output, converted.cache_hit_input, converted.currency) == (
        1400,
        2800,
        700,
        "KRW",
    )
    partial, _ = convert_price(
        price._replace(output=None, cache_hit_input=None, date="2025-01-20"), Converter(qreg), "KRW"
    )
    assert (partial.input, partial.output, partial.cache_hit_input) == (1450, None, None)


def test_funding_rows_without_a_currency_convert_nothing():
    from cnai.query import funding_rows
    from cnai.registry import load
    from cnai.units import Converter

    reg = load([])
    assert all(row.converted is None for row in funding_rows(reg, Converter(reg), None))
    assert all(row.converted is not None for row in funding_rows(reg, Converter(reg), "USD"))


def test_a_claim_is_recomputed_in_the_currency_it_states():
    from cnai.query import check_claim
    from cnai.registry import load
    from cnai.units import Converter

    reg = load([])
    claims = [c for c in reg.claims.values() if c.conversion is not None]
    assert claims
    for claim in claims:
        redone = check_claim(claim, Converter(reg))
        assert redone.recomputed.currency == redone.recomputed.rate.target == claim.conversion.stated_currency


def test_a_registered_benchmark_without_scores_filters_to_nothing(qreg):
    from cnai.query import filter_models, rank_models

    assert filter_models(qreg, ["gpqa>1"]) == []
    assert rank_models(qreg, "gpqa", []) == ([], 2)
    assert rank_models(qreg, "aime24", ["params>1T"]) == ([], 0)  # a benchmark ranking of nobody


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("zzzz>1", "unknown field 'zzzz' (fields: " + ", ".join(
            ["params", "active", "context", "context.native", "released", "languages", "vendor", "family",
             "country", "id", "name", "architecture", "reasoning", "license", "base_model", "open_weights"]
        ) + ", or a benchmark id)"),
        ("parms>1", "unknown field 'parms'; did you mean 'params'?"),
        ("OPEN<true", "operator '<' does not apply to open_weights in 'OPEN<true'; use = or !="),
        ("vendor<=acme", "operator '<=' does not apply to vendor in 'vendor<=acme'; use = != or ~"),
        ("name>a", "operator '>' does not apply to name in 'name>a'; use = != or ~"),
        ("open>=1", "operator '>=' does not apply to open_weights in 'open>=1'; use = or !="),
        ("aime24>50X", "bad number '50X' in 'aime24>50X'"),
        ("aime24>inf", "bad number 'inf' in 'aime24>inf'"),
        ("aime24>-INF", "bad number '-INF' in 'aime24>-INF'"),
        ("aime24>nan", "bad number 'nan' in 'aime24>nan'"),
        ("open=maybe", "bad value 'maybe' in 'open=maybe': open_weights is true or false"),
    ],
)  # fmt: skip
def test_a_bad_condition_says_what_and_where(qreg, expression, message):
    from cnai.errors import UsageError
    from cnai.query import parse_condition

    assert refusal(UsageError, lambda: parse_condition(qreg, expression)).startswith(message)


@pytest.mark.parametrize(
    ("expression", "field", "value", "ids"),
    [
        ("Total>=10B", "params", 10_000_000_000, ["rocket-70b-a7b"]),
        ("AIME-2024>=50%", "aime24", 50.0, ["rocket-70b-a7b", "rocket-7b"]),
        ("open=1", "open_weights", True, ["rocket-70b-a7b"]),
        ("open_weights=0", "open_weights", False, ["rocket-7b"]),
        ("open!=yes", "open_weights", True, ["rocket-7b"]),
    ],
)
def test_a_condition_knows_its_field_value_and_text(qreg, expression, field, value, ids):
    from cnai.query import filter_models, parse_condition

    condition = parse_condition(qreg, expression)
    assert (condition.text, condition.field, condition.value) == (expression, field, value)
    assert [m.id for m in filter_models(qreg, [expression])] == ids


SECRETIVE = """\
  - id: rocket-x
    name: Rocket-X
    family: rocket
    undisclosed: [released, architecture, params, context, license]
    reasoning: hybrid
    open_weights: false
    sources: [card]
"""


def test_compare_fixed_rows_in_full(write_yaml):
    from cnai.query import compare
    from cnai.registry import load

    reg = load([write_yaml(QUERY_REG + SECRETIVE, "secretive.yaml")], bundled=False, cache=False)
    rows = compare(reg, list(reg.models.values()), ["identity", "size", "context", "license"])
    table = [(r.key, r.group, [c.value for c in r.cells], [c.undisclosed for c in r.cells], r.better) for r in rows]
    no, yes = False, True
    assert table == [
        ("vendor", "identity", ["acme", "acme", "acme"], [no, no, no], None),
        ("country", "identity", ["CN", "CN", "CN"], [no, no, no], None),
        ("family", "identity", ["rocket", "rocket", "rocket"], [no, no, no], None),
        ("released", "identity", ["2025-01-01", "2025-02-01", None], [no, no, yes], None),
        ("architecture", "identity", ["moe", "dense", None], [no, no, yes], None),
        ("reasoning", "identity", [None, None, "hybrid"], [no, no, no], None),
        ("params.total", "size", [70_000_000_000, None, None], [no, yes, yes], None),
        ("params.active", "size", [7_000_000_000, None, None], [no, yes, yes], None),
        ("context.native", "context", [32768, None, None], [no, no, yes], "higher"),
        ("context.max", "context", [131072, None, None], [no, no, yes], "higher"),
        ("license", "license", ["Apache-2.0", None, None], [no, no, yes], None),
        ("open_weights", "license", [True, False, False], [no, no, no], None),
    ]


def test_prices_in_two_currencies_are_not_ranked(qreg):
    from cnai.query import compare
    from cnai.schema import Price

    usd = Price(input=1.0, output=2.0, currency="USD", per=1_000_000, date="2025-05-20", source="card")
    cny = usd._replace(currency="CNY", input=0.5)
    models = list(qreg.models.values())
    mixed = {r.key: r for r in compare(qreg, models, ["price"], prices={"rocket-70b-a7b": usd, "rocket-7b": cny})}
    assert (mixed["price.input"].comparable, mixed["price.input"].best) == (False, [])
    alike = {
        r.key: r
        for r in compare(qreg, models, ["price"], prices={"rocket-70b-a7b": usd, "rocket-7b": usd._replace(input=0.5)})
    }
    assert (alike["price.input"].comparable, alike["price.input"].best) == (True, [1])


def test_select_models_by_each_condition(crowded):
    from cnai.query import select_models
    from cnai.registry import load

    ids = lambda models: [m.id for m in models]  # noqa: E731
    assert ids(select_models(crowded)) == ["rocket-70b", "rocket-7b", "ra-1", "rb-1", "rc-1", "rd-1"]
    assert ids(select_models(crowded, family="rocket")) == ["rocket-70b", "rocket-7b"]
    assert ids(select_models(crowded, family="rocket-b")) == ["rb-1"]
    assert ids(select_models(crowded, vendor="acme-b")) == ["rc-1", "rd-1"]
    assert ids(select_models(crowded, flagships_only=True)) == ["rocket-70b", "ra-1", "rb-1", "rc-1", "rd-1"]
    assert ids(select_models(crowded, country="cn")) == ids(select_models(crowded))
    assert select_models(crowded, country="US") == []
    bundled = load([])
    american = select_models(bundled, country="us")
    assert american and all(bundled.country_of(m) == "US" for m in american)
    closed = select_models(bundled, open_weights=False)
    assert closed and not any(m.open_weights for m in closed)


@pytest.mark.parametrize(
    ("text", "to", "message"),
    [
        ("600 zorkmids", "USD", "cannot read amount '600 zorkmids': unknown word 'zorkmids'"),
        ("600 CNY", "furlongs", "cannot read unit 'furlongs': "),
        ("600억", "USD", "say what '600억' counts: a currency (600억 위안, 60B USD) or params/tokens (671B params)"),
        ("671B params", "USD", "cannot convert parameters to money (USD)"),
        ("1 USD", "B params", "cannot convert money (USD) to parameters"),
    ],
)
def test_convert_refuses_with_a_reason(qreg, text, to, message):
    from cnai.errors import UsageError
    from cnai.query import convert_amount
    from cnai.units import Converter

    assert refusal(UsageError, lambda: convert_amount(text, to, Converter(qreg))).startswith(message)


def test_convert_uses_the_table_of_the_date_asked(qreg):
    from cnai.query import convert_amount
    from cnai.units import Converter

    assert convert_amount("1 USD", "KRW", Converter(qreg)).output_value == 1400  # the latest table
    assert convert_amount("1 USD", "KRW", Converter(qreg), as_of="2025-01-02").output_value == 1450


def test_a_ranking_carries_each_figures_conditions():
    from cnai.query import rank_models
    from cnai.registry import load

    reg = load([])
    ranked, _ = rank_models(reg, "aime24", [])
    assert any(r.conditions for r in ranked)
    assert [r.conditions for r in ranked] == [r.model.benchmarks["aime24"].conditions for r in ranked]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1234.567, "1,234.57"), (100.0, "100.00"), (99.99, "99.99"), (10.0, "10"), (7.2706, "7.2706"),
        (1.0, "1"), (1.5, "1.5"), (0.99, "0.99"), (0.000123456789, "0.000123457"),
    ],
)  # fmt: skip
def test_a_rate_shows_enough_digits_to_redo_the_arithmetic(value, shown):
    from cnai.numbers import format_rate

    assert format_rate(value) == shown


@pytest.mark.parametrize(("value", "rounded"), [(0.0, 0.0), (1.0, 1.0), (123_456.0, 123_500.0), (0.012345, 0.01234)])
def test_an_estimate_keeps_four_significant_digits(value, rounded):
    from cnai.numbers import estimate

    assert estimate(value) == rounded


@pytest.mark.parametrize(
    ("text", "count"), [("1,500K", 1_500_000), ("1_500K", 1_500_000), ("32,768", 32_768), ("0.44B", 440_000_000)]
)
def test_a_count_may_group_its_digits(text, count):
    from cnai.numbers import parse_count

    assert parse_count(text) == count


def test_a_fractional_count_is_refused_by_name():
    from cnai.numbers import parse_count

    assert refusal(ValueError, lambda: parse_count("1.5")) == "a count must be a whole number, got '1.5'"


@pytest.mark.parametrize(("value", "shown"), [(1.23456789, "1.2346"), (1.99999, "2")])
def test_a_rate_between_one_and_two_keeps_four_decimals(value, shown):
    from cnai.numbers import format_rate

    assert format_rate(value) == shown


# --------------------------------------------------------------------------- mutmut survivors: views

# One item of a list command (`cnai funding ID`, `cnai claims ID`) holding every shape a value can
# take: nothing, a float, a count, names, a source with and without a date (and one with no date
# key at all), money with a dated rate and with an override's, a non-number in a money shape, lists.
DETAIL_ITEM = {
    "id": "big-fund", "missing": None, "ratio": 1234.56789, "count": 3, "names": {"ko": "큰 기금", "zh": None},
    "source": {"title": "A report", "url": "https://example.org/r", "date": "2025-01-02"},
    "undated": {"title": "A page", "url": "https://example.org/p", "date": None},
    "bare": {"title": "A bare page", "url": "https://example.org/b"},
    "amount": {"value": 60e9, "currency": "CNY"},
    "converted": {"value": 8.2e9, "currency": "USD",
                  "rate": {"from": "CNY", "to": "USD", "value": 0.1369863, "date": "2025-01-01"}},
    "overridden": {"value": 1.5e12, "currency": "KRW", "rate": {"from": "CNY", "to": "KRW", "value": 1234.5, "date": None}},
    "words": {"value": "many", "currency": "CNY"},
    "sources": [{"title": "A", "url": "u1", "date": None}, {"title": "B", "url": "u2", "date": "2024"}],
    "covers": [],
}  # fmt: skip


def test_detail_view_spells_out_every_shape_of_value():
    from cnai.output import Column
    from cnai.views import detail_view

    grid = detail_view(DETAIL_ITEM, "en").grid
    assert grid.columns == [Column("field", "Field"), Column("value", "Value", "left", True)]
    assert grid.rows == [
        ["ID", "big-fund"],
        ["missing", "—"],
        ["ratio", "1,234.57"],
        ["count", "3"],
        ["Other names", "ko: 큰 기금"],  # a None inside an object is left out
        ["Source", "A report (2025-01-02) https://example.org/r"],
        ["undated", "A page (undated) https://example.org/p"],
        ["bare", "A bare page (undated) https://example.org/b"],
        ["Amount", "60 billion CNY"],
        ["Converted", "8.2 billion USD (1 CNY = 0.136986 USD, 2025-01-01)"],
        ["overridden", "1.5 trillion KRW (1 CNY = 1,234.5 KRW, --rate)"],
        ["words", "value: many; currency: CNY"],
        ["sources", "A (undated) u1\nB (2024) u2"],
        ["covers", "—"],
    ]
    korean = detail_view(DETAIL_ITEM, "ko").grid
    assert korean.columns == [Column("field", "항목"), Column("value", "값", "left", True)]
    assert [row[1] for row in korean.rows[8:11]] == [
        "600억 위안", "82억 달러 (1 CNY = 0.136986 USD, 2025-01-01)", "1조 5,000억 원 (1 CNY = 1,234.5 KRW, --rate)",
    ]  # fmt: skip


def test_detail_view_csv_keeps_keys_and_writes_nested_values_as_json():
    from cnai.views import detail_view

    view = detail_view(DETAIL_ITEM, "en")
    assert view.payload is DETAIL_ITEM
    raw = dict(view.grid.raw)
    assert list(raw) == list(DETAIL_ITEM)
    assert (raw["missing"], raw["ratio"], raw["count"]) == (None, 1234.56789, 3)
    assert raw["names"] == '{"ko": "큰 기금", "zh": null}'  # readable, not \\ucd5c escapes
    assert raw["covers"] == "[]"
    assert json.loads(raw["converted"]) == DETAIL_ITEM["converted"]


# MINIMAL with what every view shows at least once: a second vendor (no translated names) whose
# family's model is undisclosed, a family with a partial release date, a benchmark where lower is
# better (with a source), two dated prices (tier, note, cache price, an unknown output), a second
# rate table fetched by `cnai update`, a fund and a global spending figure, a claim with a
# conversion and one without.
VIEWS_REG = (
    MINIMAL.replace(
        '  card: {title: "A model card", url: "https://example.org/card", date: "2025-01-01"}\n',
        '  card: {title: "A model card", url: "https://example.org/card", date: "2025-01-01"}\n'
        '  prices: {title: "Price list", url: "https://example.org/prices"}\n'
        '  fx: {title: "Rates", url: "https://example.org/fx", date: "2025-06-02", accessed_via: "cnai update"}\n'
        '  blog: {title: "A blog post", url: "https://example.org/blog", date: "2025-02"}\n',
    )
    .replace(
        "  - {id: acme, name: Acme, names: {ko: 애크미, zh: 阿克米}, country: CN}\n",
        "  - {id: acme, name: Acme, names: {ko: 애크미, zh: 阿克米}, country: CN}\n"
        "  - {id: bolt, name: Bolt, country: US}\n",
    )
    .replace("flagship: rocket-70b-a7b, aliases:", "flagship: rocket-70b-a7b, names: {zh: 火箭}, aliases:")
    .replace(
        "families:\n",
        "families:\n  - {id: comet, name: Comet, vendor: acme, flagship: comet-1}\n  - {id: spark, name: Spark, vendor: bolt, flagship: spark-1}\n",
    )
    .replace(
        '  - {id: aime24, name: AIME 2024, measures: math, unit: "%", higher_is_better: true}\n',
        '  - {id: aime24, name: AIME 2024, measures: math, unit: "%", higher_is_better: true}\n'
        '  - {id: latency, name: Latency, measures: speed, unit: s, higher_is_better: false, source: card}\n',
    )
    .replace(
        '  - {date: "2025-01-01", base: USD, rates: {CNY: 7.3, KRW: 1450}, source: card}\n',
        '  - {date: "2025-01-01", base: USD, rates: {CNY: 7.3, KRW: 1450}, source: card}\n'
        '  - {date: "2025-06-01", base: USD, rates: {CNY: 7.2, KRW: 1380}, source: fx}\n'
        "funding:\n"
        "  - {id: big-fund, name: Big Fund, names: {ko: 큰 기금}, kind: fund, country: CN, date: \"2025-03-06\",\n"
        "     amount: {value: 60000000000, currency: CNY}, sources: [card]}\n"
        "  - {id: world-spend, name: World spending, kind: spending, date: \"2025\",\n"
        "     amount: {value: 1500000000, currency: USD}, growth_pct: 12.5, sources: [card]}\n"
        "claims:\n"
        "  - id: fund-size\n"
        "    text: 600억 위안(약 12조 원) 규모의 기금\n"
        "    stated: A 60 billion yuan (about 12 trillion won) fund\n"
        "    verified: 60 billion yuan is right\n"
        "    verdict: right\n"
        "    explanation: The amount and the won figure agree.\n"
        "    conversion:\n"
        "      amount: {value: 60000000000, currency: CNY}\n"
        "      stated: {value: 12000000000000, currency: KRW}\n"
        '      as_of: "2025-01-01"\n'
        "    stated_l10n: {zh: 600亿元基金}\n"
        "    explanation_l10n: {ko: 금액이 맞다., zh: 金额正确。}\n"
        "    sources: [card]\n"
        "  - id: released\n"
        "    text: 로켓은 1월에 나왔다\n"
        "    stated: Rocket came out in January\n"
        "    verified: Released 2025-01-01\n"
        "    verdict: wrong\n"
        "    explanation: Released in February.\n"
        "    sources: [card]\n",
    )
    .replace(
        "    license: Apache-2.0\n    open_weights: true\n",
        "    license: Apache-2.0\n    open_weights: true\n"
        "    prices:\n"
        "      - {date: \"2025-01-01\", currency: CNY, per: 1000000, input: 2, output: 8, cache_hit_input: 0.5,\n"
        "         tier: \"input ≤32K\", source: prices}\n"
        "      - {date: \"2025-03-01\", currency: CNY, per: 1000000, input: 1, output: null, note: promotion, source: prices}\n",
    )
    .replace(
        "models:\n",
        "models:\n"
        "  - {id: comet-1, name: Comet-1, family: comet, released: \"2025-03\", modalities: {input: [text]},\n"
        "     prices: [{date: \"2025-03-01\", currency: USD, per: 1000000, input: 1.5, output: 6.0, source: prices}],\n"
        "     sources: [card]}\n"
        "  - {id: spark-1, name: Spark-1, names: {zh: 火花一号}, family: spark, released: \"2024\",\n"
        "     undisclosed: [params, context, languages, license], modalities: {output: [image]}, aliases: [sparky],\n"
        "     sources: [card], benchmarks: {aime24: {value: 60.0, k: 64, mode: thinking, self_reported: true, source: blog}}}\n",
    )
)  # fmt: skip


@pytest.fixture
def vreg(write_yaml):
    from cnai.registry import load

    return load([write_yaml(VIEWS_REG, "views.yaml")], bundled=False, cache=False)


# VIEWS_REG's sources as every JSON document cites them.
CARD = {"key": "card", "title": "A model card", "url": "https://example.org/card", "date": "2025-01-01"}
PRICES = {"key": "prices", "title": "Price list", "url": "https://example.org/prices", "date": None}
FX = {"key": "fx", "title": "Rates", "url": "https://example.org/fx", "date": "2025-06-02"}
BLOG = {"key": "blog", "title": "A blog post", "url": "https://example.org/blog", "date": "2025-02"}


# An article for check_view, with findings made by hand so that every edge is exact: the first
# finding has exactly CONTEXT_CHARS of its sentence on either side (no "…"), the second one more
# (cut, "…", and the space at the cut dropped); one finding of each verdict.
CHECK_LINE1 = "Exactly forty characters come before it " + "9B parameters" + " and exactly forty characters follow it."
CHECK_LINE2 = (
    "Also " + "w" * 38 + " " + "600억 위안(약 12조 원)" + " " + "v" * 38 + " " + "and Rocket-9 came out in 2024."
)
CHECK_ORIGINAL = CHECK_LINE1 + "\n" + CHECK_LINE2 + "\n"


def _check_report(basis="dateline"):
    from datetime import date

    from cnai.judge import ArticleDate, Finding, Report
    from cnai.units import RateUsed

    first, second = (0, len(CHECK_LINE1)), (len(CHECK_LINE1) + 1, len(CHECK_ORIGINAL) - 1)

    def finding(text, line, kind, model, family, registry, verdict, explanation, sources, sentence):
        start = CHECK_ORIGINAL.index(text)
        return Finding(start, start + len(text), line, text, kind, model, family, {"said": text}, registry, verdict,
                       explanation, sources, sentence)  # fmt: skip

    rate = RateUsed("CNY", "KRW", 198.63, "2025-01-01", "card", False)
    findings = [
        finding("9B parameters", 1, "params", "rocket-7b", "rocket", {"total": 7e9}, "wrong", "Rocket-7B has 7B",
                ("card", "gone"), first),
        finding("600억 위안(약 12조 원)", 2, "conversion", None, None, {"rate": rate, "ratio": 1.0069}, "right",
                "within 0.7%", ("card", "prices", "fx", "blog"), second),
        finding("Rocket-9", 2, "release", None, "rocket", None, "unknown", "no such Rocket", (), second),
        finding("exactly forty", 1, "params", "rocket-70b-a7b", "rocket", {}, "overstated", "too many", ("prices",), first),
        finding("2024", 2, "release", "rocket-70b-a7b", "rocket", None, "unverifiable", "no date", ("blog",), second),
    ]  # fmt: skip
    return Report(ArticleDate(date(2025, 6, 1), basis), findings)


def test_check_view_document_rows_and_passages(vreg):
    from cnai.output import Passage
    from cnai.views import check_view

    assert len(CHECK_LINE1) == 40 + 13 + 40 and CHECK_LINE2.index("600억") == 44  # the fixture's premise
    view = check_view(vreg, _check_report(), CHECK_ORIGINAL, "en")
    first, second = view.payload["findings"][:2]
    assert view.payload["date"] == {"value": "2025-06-01", "basis": "dateline"}
    assert first == {
        "span": [40, 53], "line": 1, "text": "9B parameters", "kind": "params", "model": "rocket-7b", "family": "rocket",
        "stated": {"said": "9B parameters"}, "registry": {"total": 7e9}, "verdict": "wrong",
        "explanation": "Rocket-7B has 7B", "sources": [CARD],  # a key the registry lacks is left out
    }  # fmt: skip
    assert second["registry"] == {
        "rate": {"from": "CNY", "to": "KRW", "value": 198.63, "date": "2025-01-01", "source": CARD}, "ratio": 1.0069,
    }  # fmt: skip
    assert second["sources"] == [CARD, PRICES, FX, BLOG]
    assert [f["sources"] for f in view.payload["findings"][2:]] == [[], [PRICES], [BLOG]]
    assert view.payload["counts"] == {"right": 1, "wrong": 1, "overstated": 1, "unverifiable": 1, "unknown": 1}
    grid = view.grid
    assert (grid.columns, grid.rows) == ([], [])  # no table: passages for people, raw rows for CSV
    assert grid.csv_headers == ["start", "end", "line", "kind", "text", "model", "verdict", "explanation"]
    assert grid.raw == [
        [40, 53, 1, "params", "9B parameters", "rocket-7b", "wrong", "Rocket-7B has 7B"],
        [138, 154, 2, "conversion", "600억 위안(약 12조 원)", "", "right", "within 0.7%"],
        [198, 206, 2, "release", "Rocket-9", "rocket", "unknown", "no such Rocket"],  # the family when no model
        [58, 71, 1, "params", "exactly forty", "rocket-70b-a7b", "overstated", "too many"],
        [219, 223, 2, "release", "2024", "rocket-70b-a7b", "unverifiable", "no date"],
    ]
    report = grid.report
    assert report.title == "Article date: 2025-06-01 (the dateline)"
    assert report.summary == "right 1 · wrong 1 · overstated 1 · unverifiable 1 · unknown model 1"
    assert report.empty == "No statement the registry can check was found."
    assert report.passages == [
        Passage("✗ wrong · parameters · line 1", CHECK_LINE1[:40], "9B parameters", CHECK_LINE1[53:],
                ["Rocket-7B has 7B", "source: A model card"], "bad"),
        Passage("✓ right · conversion · line 2", "…" + "w" * 38 + " ", "600억 위안(약 12조 원)", " " + "v" * 38 + "…",
                ["within 0.7%", "sources: A model card; Price list; Rates"], "good"),  # three titles at most
        Passage("? unknown model · release date · line 2", "…" + "v" * 35 + " and ", "Rocket-9", " came out in 2024.",
                ["no such Rocket"], "plain"),
        Passage("! overstated · parameters · line 1", "…acters come before it 9B parameters and ", "exactly forty",
                " characters follow it.", ["too many", "source: Price list"], "warn"),
        Passage("? unverifiable · release date · line 2", "…" + "v" * 14 + " and Rocket-9 came out in ", "2024", ".",
                ["no date", "source: A blog post"], "plain"),
    ]  # fmt: skip


def test_check_view_speaks_the_readers_language(vreg):
    from cnai.views import check_view

    report = check_view(vreg, _check_report("today"), CHECK_ORIGINAL, "ko").grid.report
    assert report.title == "기사 날짜: 2025-06-01 (본문에 날짜가 없어 오늘 날짜를 씀; --date로 지정 가능)"
    assert report.summary == "맞음 1 · 틀림 1 · 과장 1 · 검증 불가 1 · 모르는 모델 1"
    assert [p.heading for p in report.passages[:3]] == [
        "✗ 틀림 · 파라미터 · 1행",
        "✓ 맞음 · 환산 · 2행",
        "? 모르는 모델 · 공개일 · 2행",
    ]
    assert report.passages[0].lines == ["Rocket-7B has 7B", "출처: A model card"]
    empty = _check_report("today")._replace(findings=[])
    nothing = check_view(vreg, empty, "", "ko")
    assert nothing.grid.report.empty == "레지스트리로 검증할 수 있는 문장을 찾지 못했습니다."
    assert nothing.payload["counts"] == {"right": 0, "wrong": 0, "overstated": 0, "unverifiable": 0, "unknown": 0}


def _columns(grid):
    return [tuple(column) for column in grid.columns]


FUNDING_COLUMNS = [("id", "ID", "left", False), ("name", "Name", "left", True), ("kind", "Kind", "left", False),
                   ("country", "Country", "left", False), ("date", "Date", "left", False),
                   ("amount", "Amount", "right", False)]  # fmt: skip
FUNDING_CSV = ["id", "name", "kind", "country", "date", "amount", "currency"]
CONVERTED_CSV = ["converted", "converted_currency", "rate", "rate_date", "rate_source"]


def test_funding_view_in_its_own_currency(vreg):
    from cnai.query import funding_rows
    from cnai.views import funding_view

    view = funding_view(vreg, funding_rows(vreg, None, None), "en")
    assert [item["converted"] for item in view.payload] == [None, None]
    grid = view.grid
    assert _columns(grid) == FUNDING_COLUMNS
    assert grid.rows == [
        ["big-fund", "Big Fund", "fund", "CN", "2025-03-06", "60 billion CNY"],
        ["world-spend", "World spending", "spending", "global", "2025", "1.5 billion USD"],
    ]
    assert grid.raw == [
        ["big-fund", "Big Fund", "fund", "CN", "2025-03-06", 60_000_000_000, "CNY"],
        ["world-spend", "World spending", "spending", None, "2025", 1_500_000_000, "USD"],
    ]
    assert grid.csv_headers == FUNDING_CSV
    assert [item["sources"] for item in view.payload] == [[CARD], [CARD]]


def test_funding_view_converted_at_each_figures_table(vreg):
    from cnai.query import funding_rows
    from cnai.units import Converter
    from cnai.views import funding_view

    view = funding_view(vreg, funding_rows(vreg, Converter(vreg), "KRW"), "ko")
    assert view.payload[1]["converted"] == {
        "value": 2_070_000_000_000, "currency": "KRW",
        "rate": {"from": "USD", "to": "KRW", "value": 1380, "date": "2025-06-01", "source": FX},
    }  # fmt: skip
    grid = view.grid
    assert _columns(grid) == [
        ("id", "ID", "left", False), ("name", "이름", "left", True), ("kind", "종류", "left", False),
        ("country", "국가", "left", False), ("date", "날짜", "left", False), ("amount", "금액", "right", False),
        ("converted", "환산액", "right", False), ("rate", "환율", "left", False), ("rate_source", "환율 출처", "left", True),
    ]  # fmt: skip
    assert grid.rows == [
        ["big-fund", "큰 기금", "기금", "CN", "2025-03-06", "600억 위안", "11조 9,200억 원", "1 CNY = 198.63 KRW",
         "2025-01-01 A model card"],
        ["world-spend", "World spending", "지출", "세계", "2025", "15억 달러", "2조 700억 원", "1 USD = 1,380.00 KRW",
         "2025-06-01 Rates"],
    ]  # fmt: skip
    assert grid.raw == [
        ["big-fund", "Big Fund", "fund", "CN", "2025-03-06", 60_000_000_000, "CNY", pytest.approx(60e9 * 1450 / 7.3),
         "KRW", pytest.approx(1450 / 7.3), "2025-01-01", "card"],
        ["world-spend", "World spending", "spending", None, "2025", 1_500_000_000, "USD", 2.07e12, "KRW", 1380,
         "2025-06-01", "fx"],
    ]  # fmt: skip
    assert grid.csv_headers == FUNDING_CSV + CONVERTED_CSV


def test_funding_view_with_an_override_and_a_row_left_unconverted(vreg):
    from cnai.query import funding_rows
    from cnai.units import Converter, parse_override
    from cnai.views import funding_view

    overridden = funding_rows(vreg, Converter(vreg, [parse_override("CNY:KRW=200")]), "KRW")[0]
    plain = funding_rows(vreg, None, None)[1]
    view = funding_view(vreg, [overridden, plain], "zh", "--rate CNY:KRW=200")
    assert view.payload[0]["converted"]["rate"] == {
        "from": "CNY", "to": "KRW", "value": 200, "date": None,
        "source": {"key": None, "title": "command line: --rate CNY:KRW=200", "url": None, "date": None},
    }  # fmt: skip
    assert view.payload[1]["converted"] is None
    grid = view.grid
    assert [column.header for column in grid.columns[6:]] == ["换算", "汇率", "汇率来源"]
    assert grid.rows == [
        ["big-fund", "Big Fund", "基金", "CN", "2025-03-06", "600亿元", "12万亿韩元", "1 CNY = 200.00 KRW", "--rate"],
        ["world-spend", "World spending", "支出", "全球", "2025", "15亿美元", "", "", ""],
    ]
    # The CSV names the override as `convert` does; an unconverted row has empty cells, not zeros.
    assert grid.raw[0][7:] == [12e12, "KRW", 200, None, "--rate CNY:KRW=200"]
    assert grid.raw[1][7:] == [None] * 5


def test_claims_view_in_each_language(vreg):
    from cnai.query import check_claim
    from cnai.units import Converter
    from cnai.views import claims_view

    converter = Converter(vreg)
    claims = [(claim, check_claim(claim, converter)) for claim in vreg.claims.values()]
    english = claims_view(vreg, claims, "en")
    assert english.payload[0]["check"] == {
        "amount": {"value": 60_000_000_000, "currency": "CNY"},
        "stated": {"value": 12_000_000_000_000, "currency": "KRW"},
        "implied_rate": 200.0,
        "registry_rate": {"from": "CNY", "to": "KRW", "value": pytest.approx(1450 / 7.3), "date": "2025-01-01",
                          "source": CARD},
        "recomputed": {"value": pytest.approx(60e9 * 1450 / 7.3), "currency": "KRW"},
        "ratio": pytest.approx(12e12 / (60e9 * 1450 / 7.3)),
    }  # fmt: skip
    assert english.payload[1] == {
        "id": "released", "text": "로켓은 1월에 나왔다", "stated": "Rocket came out in January",
        "verified": "Released 2025-01-01", "verdict": "wrong", "explanation": "Released in February.",
        "arithmetic": None, "check": None, "sources": [CARD],
    }  # fmt: skip
    assert _columns(english.grid) == [
        ("id", "ID", "left", False),
        ("verdict", "Verdict", "left", False),
        ("stated", "Article says", "left", True),
        ("check", "Check", "left", True),
    ]
    arithmetic = ("12 trillion KRW for 60 billion CNY implies 200.00 KRW/CNY; at 198.63 KRW/CNY (2025-01-01) it is "
                  "11.92 trillion KRW: within 0.7%")  # fmt: skip
    # In English the check column is what was verified; for a conversion, its arithmetic.
    assert english.grid.rows == [
        ["fund-size", "right", "A 60 billion yuan (about 12 trillion won) fund", arithmetic],
        ["released", "wrong", "Rocket came out in January", "Released 2025-01-01"],
    ]
    assert english.grid.raw == english.grid.rows
    # In Korean the article's own sentence is quoted and the explanation follows the arithmetic.
    korean = claims_view(vreg, claims, "ko")
    assert [column.header for column in korean.grid.columns] == ["ID", "판정", "기사 내용", "검증"]
    assert korean.grid.rows == [
        ["fund-size", "맞음", "600억 위안(약 12조 원) 규모의 기금",
         "기사: 600억 위안 ≈ 12조 원 (환율 200.00 KRW/CNY); 2025-01-01 환율 198.63 KRW/CNY로 환산하면 11조 9,200억 원: "
         "차이 0.7% 이내. 금액이 맞다."],
        ["released", "틀림", "로켓은 1월에 나왔다", "Released in February."],  # no Korean explanation: the English one
    ]  # fmt: skip
    assert korean.grid.raw[0][1] == "right"  # CSV keeps the verdict's machine name
    assert [(item["stated"], item["explanation"]) for item in korean.payload] == [
        ("A 60 billion yuan (about 12 trillion won) fund", "금액이 맞다."),
        ("Rocket came out in January", "Released in February."),
    ]
    # In Chinese the translated statement, and a Chinese full stop between arithmetic and explanation.
    chinese = claims_view(vreg, claims, "zh")
    assert chinese.grid.rows[0] == [
        "fund-size", "正确", "600亿元基金",
        "600亿元折合12万亿韩元，隐含汇率 200.00 KRW/CNY；按 2025-01-01 汇率 198.63 KRW/CNY 为 11.92万亿韩元：误差在 0.7% 以内。金额正确。",
    ]  # fmt: skip
    assert chinese.grid.rows[1][2] == "Rocket came out in January"
    assert chinese.payload[0]["stated"] == "600亿元基金"


def test_vendors_view_counts_models_and_lists_families(vreg):
    from cnai.views import vendors_view

    view = vendors_view(vreg, "zh")
    assert view.payload == [
        {"id": "acme", "name": "Acme", "names": {"ko": "애크미", "zh": "阿克米"}, "country": "CN",
         "families": ["comet", "rocket"], "models": 3},
        {"id": "bolt", "name": "Bolt", "names": {}, "country": "US", "families": ["spark"], "models": 1},
    ]  # fmt: skip
    assert _columns(view.grid) == [("id", "ID", "left", False), ("name", "名称", "left", False),
                                   ("country", "国家", "left", False), ("models", "模型数", "right", False),
                                   ("families", "系列", "left", True)]  # fmt: skip
    assert view.grid.rows == [["acme", "阿克米", "CN", "3", "comet, rocket"], ["bolt", "Bolt", "US", "1", "spark"]]
    assert view.grid.raw == [["acme", "Acme", "CN", 3, "comet rocket"], ["bolt", "Bolt", "US", 1, "spark"]]


def test_benchmarks_view_says_which_way_is_better(vreg):
    from cnai.views import benchmarks_view

    view = benchmarks_view(vreg, "ko")
    assert view.payload == [
        {"id": "aime24", "name": "AIME 2024", "measures": "math", "unit": "%", "higher_is_better": True, "source": None},
        {"id": "latency", "name": "Latency", "measures": "speed", "unit": "s", "higher_is_better": False,
         "source": CARD},
    ]  # fmt: skip
    assert _columns(view.grid) == [("id", "ID", "left", False), ("name", "이름", "left", False),
                                   ("measures", "측정 대상", "left", True), ("unit", "단위", "left", False),
                                   ("higher_is_better", "높을수록 좋음", "left", False)]  # fmt: skip
    assert view.grid.rows == [
        ["aime24", "AIME 2024", "math", "%", "예"],
        ["latency", "Latency", "speed", "s", "아니요"],
    ]
    assert view.grid.raw == [["aime24", "AIME 2024", "math", "%", True], ["latency", "Latency", "speed", "s", False]]


def test_price_text_shows_unknowns_tiers_notes_and_dates(vreg):
    from cnai.views import price_text

    first, second = vreg.models["rocket-70b-a7b"].prices
    assert price_text(first, "en") == "in 2 / out 8 / cached in 0.5 CNY per 1M tokens, from 2025-01-01 (input ≤32K)"
    assert price_text(second, "en") == "in 1 / out — CNY per 1M tokens, from 2025-03-01 (promotion)"
    assert price_text(second, "ko") == "입력 1 / 출력 — CNY / 토큰 1M개, 적용일 2025-03-01 (promotion)"
    assert price_text(second, "ko", dated=False) == "입력 1 / 출력 — CNY / 토큰 1M개 (promotion)"
    both = second._replace(tier="batch", date=None)
    assert price_text(both, "en") == "in 1 / out — CNY per 1M tokens (batch; promotion)"


@pytest.mark.parametrize(("value", "days"), [("2020-01-02", 1.0), ("2021", 366.0), ("2020-03", 60.0), (42, 42.0)])
def test_a_date_bar_counts_days_from_2020_a_partial_date_from_its_start(value, days):
    from cnai.views import _bar_value

    assert _bar_value(value) == days


# An overlay that replaces one model of VIEWS_REG and states a snapshot date.
VIEWS_OVERLAY = """\
schema: 1
snapshot: "2025-07-01"
rates:
  - {date: "2024-06-01", base: USD, rates: {CNY: 7.1}, source: card}
models:
  - {id: rocket-1b, name: Rocket-1B, family: rocket, released: "2025-04", sources: [card]}
  - id: rocket-7b
    name: Rocket-7B
    family: rocket
    released: "2025-02-02"
    architecture: dense
    params: {total: 7B}
    open_weights: false
    languages: 119
    reasoning: hybrid
    modalities: {input: [text, image], output: [text, audio]}
    base_model: rocket-70b-a7b
    specialties: [math, code]
    aliases: [rocky]
    notes: Trained again.
    benchmarks:
      aime24: {value: 40, self_reported: false, source: blog}
    sources: [card, blog]
"""


@pytest.fixture
def layered(write_yaml):
    """VIEWS_REG read as the bundled file, VIEWS_OVERLAY over it."""
    import dataclasses

    from cnai.registry import load

    files = [write_yaml(VIEWS_REG, "views.yaml"), write_yaml(VIEWS_OVERLAY, "overlay.yaml")]
    reg = load(files, bundled=False, cache=False)
    return dataclasses.replace(reg, bundled=reg.files[0])


def test_info_view_counts_rates_and_files(layered):
    from cnai import __version__
    from cnai.views import info_view

    bundled, overlay = layered.files
    view = info_view(layered, "en", {overlay: "CNAI_REGISTRY"})
    assert view.payload == {
        "version": __version__,
        "snapshot": "2025-07-01",
        "counts": {"models": 5, "families": 3, "vendors": 2, "benchmarks": 2, "scores": 3, "prices": 3,
                   "funding": 2, "claims": 2, "rate_tables": 3, "sources": 4},
        "rates": {"first": "2024-06-01", "last": "2025-06-01", "currencies": ["CNY", "KRW", "USD"]},
        "files": [{"path": bundled, "role": "bundled", "via": None},
                  {"path": overlay, "role": "overlay", "via": "CNAI_REGISTRY"}],
    }  # fmt: skip
    assert _columns(view.grid) == [("field", "Field", "left", False), ("value", "Value", "left", True)]
    assert view.grid.rows == [
        ["cnai version", __version__], ["Registry snapshot", "2025-07-01"], ["Models", "5"], ["Families", "3"],
        ["Vendors", "2"], ["Benchmarks", "2"], ["Benchmark scores", "3"], ["Dated prices", "3"],
        ["Funding figures", "2"], ["Article claims", "2"], ["Rate tables", "3"], ["Sources", "4"],
        ["Rates cover", "2024-06-01 … 2025-06-01 (CNY, KRW, USD)"], ["Bundled file", bundled],
        ["Overlay", f"{overlay} (CNAI_REGISTRY)"],
    ]  # fmt: skip
    assert view.grid.raw == view.grid.rows


def test_info_view_without_rates_snapshot_or_bundled_file(write_yaml):
    from cnai.registry import load
    from cnai.views import info_view

    text = MINIMAL.replace('  - {date: "2025-01-01", base: USD, rates: {CNY: 7.3, KRW: 1450}, source: card}\n', "")
    text = text.replace("rates:\n", "")
    reg = load([write_yaml(text, "bare.yaml")], bundled=False, cache=False)
    assert not reg.rates and reg.snapshot is None
    view = info_view(reg, "en", {})
    assert view.payload["rates"] == {"first": None, "last": None, "currencies": []}
    assert view.payload["files"] == [{"path": reg.files[0], "role": "overlay", "via": "--registry"}]
    labels = [row[0] for row in view.grid.rows]
    assert "Rates cover" not in labels
    assert view.grid.rows[1] == ["Registry snapshot", "—"]
    assert view.grid.rows[-1] == ["Overlay", f"{reg.files[0]} (--registry)"]


def test_rates_view_lists_every_rate_with_its_source(vreg):
    from cnai.views import rates_view

    view = rates_view(vreg, "en")
    assert view.payload[1] == {
        "date": "2025-06-01", "base": "USD", "rates": {"CNY": 7.2, "KRW": 1380},
        "source": {"key": "fx", "title": "Rates", "url": "https://example.org/fx", "date": "2025-06-02",
                   "accessed_via": "cnai update"},
        "notes": None,
    }  # fmt: skip
    assert view.payload[0]["source"]["accessed_via"] is None
    assert _columns(view.grid) == [("date", "Date", "left", False), ("rate", "Rate", "left", False),
                                   ("source", "Source", "left", True)]  # fmt: skip
    assert view.grid.rows == [
        ["2025-01-01", "1 USD = 7.3 CNY", "A model card"], ["2025-01-01", "1 USD = 1,450.00 KRW", "A model card"],
        ["2025-06-01", "1 USD = 7.2 CNY", "Rates"], ["2025-06-01", "1 USD = 1,380.00 KRW", "Rates"],
    ]  # fmt: skip
    assert view.grid.raw[1:3] == [
        ["2025-01-01", "USD", "KRW", 1450, "https://example.org/card"], ["2025-06-01", "USD", "CNY", 7.2, "https://example.org/fx"],
    ]  # fmt: skip
    assert view.grid.csv_headers == ["date", "base", "currency", "per_base", "source_url"]
    assert view.grid.footer == [
        "A model card: https://example.org/card; published 2025-01-01",
        "Rates: https://example.org/fx; published 2025-06-02; cnai update",
    ]
    assert rates_view(vreg, "ko").grid.footer[0] == "A model card: https://example.org/card; 발표 2025-01-01"


@pytest.mark.parametrize(
    ("value", "scale", "lang", "shown"),
    [
        (671e9, 10**12, "en", "0.671T params"),
        (671e9, 10**3, "en", "671,000,000K params"),  # six significant digits, never 6.71e+08
        (671e9, 10**4, "en", "671B params"),  # 만 has no letter: the count as every command shows it
        (671e9, 1, "ko", "671B 파라미터"),
        (1.5, 1, "zh", "1.5 参数"),
        (131072, 10**3, "en", "131.072K tokens"),
    ],
)
def test_a_quantity_in_the_scale_asked_for(value, scale, lang, shown):
    from cnai.views import quantity_text

    assert quantity_text(value, "param" if "params" in shown or "파라미터" in shown or "参数" in shown else "token",
                         lang, scale) == shown  # fmt: skip


def test_format_significant_rounds_without_an_exponent():
    from cnai.numbers import format_significant

    assert [format_significant(v) for v in (671e6, 0.6710004, 67100000.5, 123456789.0, 999999.5, 0.0, -2.5)] == [
        "671,000,000", "0.671", "67,100,000", "123,457,000", "1,000,000", "0", "-2.5",
    ]  # fmt: skip
    assert format_significant(1234.5678, 3) == "1,230"
    assert [format_significant(v) for v in (float("inf"), float("-inf"), float("nan"))] == ["inf", "-inf", "nan"]


def test_rank_view_marks_another_regime_and_shows_settings(vreg):
    from cnai.output import Bar
    from cnai.query import rank_models
    from cnai.views import rank_view

    ranked, missing = rank_models(vreg, "aime24", [])
    assert missing == 1
    view = rank_view(vreg, ranked, "aime24", "en")
    assert view.payload[0] == {"rank": 1, "id": "spark-1", "name": "Spark-1", "value": 60, "unit": "%",
                               "setting": "thinking, pass@64", "regime": "pass@64", "comparable": False}  # fmt: skip
    assert _columns(view.grid) == [("rank", "#", "right", False), ("id", "ID", "left", False),
                                   ("name", "Name", "left", False), ("value", "Value", "right", False),
                                   ("setting", "Setting", "left", True)]  # fmt: skip
    assert view.grid.rows == [
        ["1", "spark-1", "Spark-1", "60% †", "thinking, pass@64"],
        ["2", "rocket-70b-a7b", "Rocket-70B-A7B", "50.5%", "pass@1"],
        ["2", "rocket-7b", "Rocket-7B", "50.5%", "pass@1"],
    ]
    assert view.grid.raw[0] == [1, "spark-1", "Spark-1", 60, "thinking, pass@64"]
    assert view.grid.footer == [
        "† measured in another setting (pass@k or benchmark version) than the rest: not comparable"
    ]
    assert view.grid.chart is None  # a table unless --chart
    chinese = rank_view(vreg, ranked, "aime24", "zh", chart=True)
    assert chinese.grid.rows[0][2:4] == ["火花一号", "60% †"]
    assert chinese.grid.chart == [Bar("1. 火花一号", 60.0, "60%"), Bar("2. Rocket-70B-A7B", 50.5, "50.5%"),
                                  Bar("2. Rocket-7B", 50.5, "50.5%")]  # fmt: skip


@pytest.mark.parametrize(
    ("by", "lang", "rows", "bars"),
    [
        ("context", "ko", [["1", "rocket-70b-a7b", "Rocket-70B-A7B", "128K"]], [131072.0]),
        ("params", "en", [["1", "rocket-70b-a7b", "Rocket-70B-A7B", "70B"], ["2", "rocket-7b", "Rocket-7B", "7B"]],
         [70e9, 7e9]),
        ("released", "zh", [["1", "comet-1", "Comet-1", "2025-03"], ["2", "rocket-7b", "Rocket-7B", "2025-02-01"],
                            ["3", "rocket-70b-a7b", "Rocket-70B-A7B", "2025-01-01"], ["4", "spark-1", "火花一号", "2024"]],
         [1886.0, 1858.0, 1827.0, 1461.0]),  # days since 2020-01-01; a partial date at its start
    ],
)  # fmt: skip
def test_rank_view_fields_without_settings(vreg, by, lang, rows, bars):
    from cnai.query import rank_models
    from cnai.views import rank_view

    view = rank_view(vreg, rank_models(vreg, by, [])[0], by, lang, chart=True)
    assert view.grid.rows == rows
    assert len(view.grid.columns) == 4 and view.grid.footer == []
    assert [bar.value for bar in view.grid.chart] == bars
    assert [bar.text for bar in view.grid.chart] == [row[3] for row in rows]


def test_validate_view_counts_each_record_kind(vreg):
    from cnai.views import validate_view

    view = validate_view(vreg, "views.yaml")
    counts = {"models": 4, "families": 3, "vendors": 2, "benchmarks": 2, "funding": 2, "rates": 2, "claims": 2,
              "sources": 4}  # fmt: skip
    assert view.payload == {"file": "views.yaml", "valid": True, "problems": [], "counts": counts}
    assert _columns(view.grid) == [("file", "file", "left", False), ("result", "result", "left", True)]
    assert view.grid.rows == [
        ["views.yaml", "ok: 4 models, 3 families, 2 vendors, 2 benchmarks, 2 funding, 2 rates, 2 claims, 4 sources"]
    ]
    assert view.grid.raw == [["views.yaml", "ok"]]


@pytest.mark.parametrize(
    ("value", "whole"),
    [(671e9, 671_000_000_000), (0.5, 0.5), (-3.0, -3), (2.0**63 - 1024, 2**63 - 1024), (2.0**63, 2.0**63)],
)
def test_whole_numbers_become_integers_within_int64(value, whole):
    from cnai.views import _whole

    assert _whole(value) == whole and type(_whole(value)) is type(whole)


def test_show_view_every_field_with_its_source(vreg):
    from cnai.views import flatten, show_view

    view = show_view(vreg, vreg.models["rocket-70b-a7b"], "en")
    assert _columns(view.grid) == [("field", "Field", "left", False), ("source", "Source", "left", True),
                                   ("value", "Value", "left", True)]  # fmt: skip
    assert view.grid.rows == [
        ["ID", "", "rocket-70b-a7b"],
        ["Name", "", "Rocket-70B-A7B"],
        ["Family", "", "Rocket"],
        ["Vendor", "", "Acme"],
        ["Country", "", "CN"],
        ["Released", "[1]", "2025-01-01"],  # the model's sources, said once on its first figure
        ["Architecture", "", "MoE"],
        ["Params (total)", "", "70B (70,000,000,000)"],
        ["Params (active)", "", "7B (7,000,000,000)"],
        ["Context (native)", "", "32K (32,768)"],
        ["Context (max)", "", "128K (131,072)"],
        ["License", "", "Apache-2.0"],
        ["Open weights", "", "yes"],
        ["Languages", "", "—"],
        ["Reasoning", "", "—"],
        ["Price", "[2]", "in 2 / out 8 / cached in 0.5 CNY per 1M tokens, from 2025-01-01 (input ≤32K)"],
        ["Price", "[2]", "in 1 / out — CNY per 1M tokens, from 2025-03-01 (promotion) ◀ in effect"],
        ["AIME 2024", "[1]", "50.5% (pass@1; self-reported)"],
    ]
    assert view.grid.footer == [
        "[1]: sources for every field that cites none of its own",
        "[1] A model card (2025-01-01) https://example.org/card",
        "[2] Price list https://example.org/prices",
    ]
    assert view.grid.csv_headers == ["field", "value"]
    assert view.grid.raw == flatten(view.payload)
    assert view.payload["price"]["date"] == "2025-03-01"  # the one in effect today
    assert view.payload["benchmarks"]["aime24"]["unit"] == "%"  # the benchmark's unit when the score has none


def test_show_view_names_undisclosed_and_a_score_setting(vreg):
    from cnai.views import show_view

    chinese = show_view(vreg, vreg.models["spark-1"], "zh").grid
    assert chinese.rows[1:4] == [["名称", "", "火花一号"], ["其他名称", "", "Spark-1, sparky"], ["系列", "", "Spark"]]
    assert chinese.rows[8:12] == [["总参数量", "", "未披露"], ["激活参数量", "", "未披露"], ["原生上下文", "", "未披露"],
                                  ["最大上下文", "", "未披露"]]  # fmt: skip
    assert chinese.rows[-1] == ["AIME 2024", "[2]", "60% (thinking, pass@64; 自报)"]
    assert chinese.footer == ["[1]：未单独标注来源的各项的来源", "[1] A model card (2025-01-01) https://example.org/card",
                              "[2] A blog post (2025-02) https://example.org/blog"]  # fmt: skip
    english = show_view(vreg, vreg.models["spark-1"], "en").grid
    assert english.rows[2] == ["Other names", "", "火花一号, sparky"]  # the vendor's own name first, then others


def test_show_view_of_an_overlay_model_with_every_optional_field(layered):
    from cnai.views import show_view

    bundled, overlay = layered.files
    view = show_view(layered, layered.models["rocket-7b"], "ko")
    assert view.grid.rows == [
        ["ID", "", "rocket-7b"],
        ["정의된 파일", "", f"{overlay}; 다음 파일의 항목을 대체 {bundled}"],
        ["이름", "", "Rocket-7B"],
        ["다른 이름", "", "rocky"],
        ["계열", "", "Rocket"],
        ["개발사", "", "애크미"],
        ["국가", "", "CN"],
        ["공개일", "[1] [2]", "2025-02-02"],
        ["구조", "", "Dense"],
        ["전체 파라미터", "", "7B (7,000,000,000)"],
        ["활성 파라미터", "", ""],  # a dense model has no active count: blank, not "unknown"
        ["기본 컨텍스트", "", "—"],
        ["최대 컨텍스트", "", "—"],
        ["라이선스", "", "—"],
        ["가중치 공개", "", "아니요"],
        ["지원 언어 수", "", "119"],
        ["입출력 형식", "", "text, image → text, audio"],
        ["추론 방식", "", "하이브리드 (사고 모드 전환)"],
        ["기반 모델", "", "rocket-70b-a7b"],
        ["특화 분야", "", "math, code"],
        ["AIME 2024", "[2]", "40%"],  # not self-reported and no setting: the figure alone
    ]
    assert view.grid.footer == [
        "비고: Trained again.", "[1] [2]: 출처가 따로 없는 모든 항목의 출처",
        "[1] A model card (2025-01-01) https://example.org/card", "[2] A blog post (2025-02) https://example.org/blog",
    ]  # fmt: skip
    assert view.payload["origin"] == {"file": overlay, "replaces": [bundled]}
    assert view.payload["price"] is None and view.payload["prices"] == []


def test_show_view_converts_the_price_in_effect_on_a_day(vreg):
    from cnai.query import convert_price
    from cnai.units import Converter
    from cnai.views import show_view

    model = vreg.models["rocket-70b-a7b"]
    converted = convert_price(model.price_on("2025-02-01"), Converter(vreg), "USD")
    view = show_view(vreg, model, "en", converted, "2025-02-01")
    assert view.grid.rows[15:18] == [
        ["Price", "[2]", "in 2 / out 8 / cached in 0.5 CNY per 1M tokens, from 2025-01-01 (input ≤32K) ◀ in effect"],
        ["Price", "[2]", "in 1 / out — CNY per 1M tokens, from 2025-03-01 (promotion)"],
        ["Price", "", "≈ in 0.274 / out 1.096 / cached in 0.06849 USD per 1M tokens (input ≤32K) (1 CNY = 0.136986 USD, "
                      "2025-01-01)"],
    ]  # fmt: skip
    price = view.payload["price"]
    assert price["date"] == "2025-01-01"
    assert price["converted"] == {
        "input": pytest.approx(2 / 7.3), "output": pytest.approx(8 / 7.3), "cache_hit_input": pytest.approx(0.5 / 7.3),
        "currency": "USD",
        "rate": {"from": "CNY", "to": "USD", "value": pytest.approx(1 / 7.3), "date": "2025-01-01",
                 "source": CARD},
    }  # fmt: skip
    before = show_view(vreg, model, "en", None, "2024-12-31")  # before any price: none in effect, none marked
    assert before.payload["price"] is None
    assert [row[2] for row in before.grid.rows if row[0] == "Price"] == [
        "in 2 / out 8 / cached in 0.5 CNY per 1M tokens, from 2025-01-01 (input ≤32K)",
        "in 1 / out — CNY per 1M tokens, from 2025-03-01 (promotion)",
    ]


def test_flatten_names_every_leaf_by_its_path():
    from cnai.views import flatten

    document = {"a": {"b": 1, "c": [True, {"d": None}]}, "e": [], "f": {}, "g": "x"}
    assert flatten(document) == [["a.b", 1], ["a.c.0", True], ["a.c.1.d", None], ["e", None], ["f", None], ["g", "x"]]
    assert flatten(5) == [["", 5]]
    assert flatten([7], "top") == [["top.0", 7]]


def test_compare_view_rows_units_and_an_uncompared_score(vreg):
    from cnai.query import compare
    from cnai.views import compare_view

    models = [vreg.models[i] for i in ("rocket-70b-a7b", "rocket-7b", "spark-1")]
    view = compare_view(vreg, models, compare(vreg, models), "en")
    assert _columns(view.grid) == [
        ("field", "Field", "left", False),
        ("rocket-70b-a7b", "Rocket-70B-A7B", "right", True),
        ("rocket-7b", "Rocket-7B", "right", True),
        ("spark-1", "Spark-1", "right", True),
    ]
    assert view.grid.rows == [
        ["Vendor", "Acme", "Acme", "Bolt"],
        ["Country", "CN", "CN", "US"],
        ["Family", "Rocket", "Rocket", "Spark"],
        ["Released", "2025-01-01", "2025-02-01", "2024"],
        ["Architecture", "MoE", "dense", "—"],
        ["Reasoning", "—", "—", "—"],
        ["Params (total)", "70B", "7B", "undisclosed"],
        ["Params (active)", "7B", "", "undisclosed"],
        ["Context (native)", "32K", "—", "undisclosed"],
        ["Context (max)", "128K", "—", "undisclosed"],
        ["License", "Apache-2.0", "—", "undisclosed"],
        ["Open weights", "yes", "no", "—"],
        ["AIME 2024 †", "50.5% [pass@1]", "50.5% [pass@1]", "60% [pass@64]"],  # regimes differ: said in each cell
        ["Price (input)", "1 CNY/1,000,000 tokens", "", ""],
        ["Price (output)", "", "", ""],
        ["Price date", "2025-03-01", "", ""],
    ]  # fmt: skip
    assert view.grid.raw[4:7] == [["architecture", "moe", "dense", None], ["reasoning", None, None, None],
                                  ["params.total", 70_000_000_000, 7_000_000_000, None]]  # fmt: skip
    assert view.grid.raw[-4] == ["benchmarks.aime24", 50.5, 50.5, 60]
    assert (view.grid.marks, view.grid.footer) == ({}, ["† settings or currencies differ, not ranked"])
    assert view.payload["best"] == {}
    assert view.payload["rows"][12] == {"key": "benchmarks.aime24", "group": "benchmarks", "values": [50.5, 50.5, 60],
                                        "units": ["%", "%", "%"], "comparable": False, "best": []}  # fmt: skip
    assert [m["id"] for m in view.payload["models"]] == ["rocket-70b-a7b", "rocket-7b", "spark-1"]


def test_compare_view_marks_a_best_and_a_tie(vreg):
    from cnai.query import compare
    from cnai.views import compare_view

    models = [vreg.models["rocket-70b-a7b"], vreg.models["rocket-7b"]]
    older, newer = models[0].prices  # each model a price: in 2 CNY and in 1 CNY
    prices = {"rocket-70b-a7b": older, "rocket-7b": newer}
    rows = compare(vreg, models, ["aime24", "context.native", "price", "family"], prices=prices)
    view = compare_view(vreg, models, rows, "zh")
    assert view.grid.rows == [
        ["系列", "火箭", "火箭"],
        ["原生上下文", "32K", "—"],
        ["AIME 2024", "50.5%", "50.5%"],
        ["价格（输入）", "2 CNY/1,000,000 tokens", "1 CNY/1,000,000 tokens"],
        ["价格（输出）", "8 CNY/1,000,000 tokens", ""],
        ["价格日期", "2025-01-01 (input ≤32K)", "2025-03-01"],
    ]
    assert view.grid.marks == {(2, 1): "=", (2, 2): "=", (3, 2): "*"}  # (row, column): the name is column 0
    assert view.grid.footer == ["* 该行最佳", "= 并列最佳"]
    assert view.payload["best"] == {"benchmarks.aime24": ["rocket-70b-a7b", "rocket-7b"], "price.input": ["rocket-7b"]}
    assert view.payload["rows"][3]["values"] == [2, 1] and view.payload["rows"][3]["best"] == ["rocket-7b"]
    only_best = compare_view(vreg, models, [rows[3]], "en")
    assert only_best.grid.footer == ["* best in row"]


CONVERT_CASES = [
    # amount, --to, --rate, lang: payload, display row, CSV row
    ("600억 위안", "USD", None, "en",
     {"input": {"value": 60e9, "unit": "CNY"},
      "output": {"value": pytest.approx(60e9 / 7.2), "unit": "USD", "display": "8.333 billion USD",
                 "base": {"value": pytest.approx(60e9 / 7.2), "unit": "USD"}},
      "rate": {"from": "CNY", "to": "USD", "value": pytest.approx(1 / 7.2), "date": "2025-06-01",
               "source": FX}},
     ["60 billion CNY", "8.333 billion USD", "1 CNY = 0.138889 USD", "2025-06-01 Rates"],
     [60e9, "CNY", pytest.approx(60e9 / 7.2), "USD", pytest.approx(1 / 7.2), "2025-06-01", "fx"]),
    ("600억 위안", "억 원", None, "ko",
     {"input": {"value": 60e9, "unit": "CNY"},
      "output": {"value": pytest.approx(115_000), "unit": "100000000× KRW", "display": "11조 5,000억 원",
                 "base": {"value": pytest.approx(11.5e12), "unit": "KRW"}},
      "rate": {"from": "CNY", "to": "KRW", "value": pytest.approx(1380 / 7.2), "date": "2025-06-01",
               "source": FX}},
     ["600억 위안", "11조 5,000억 원", "1 CNY = 191.67 KRW", "2025-06-01 Rates"],
     [60e9, "CNY", pytest.approx(115_000), "100000000× KRW", pytest.approx(1380 / 7.2), "2025-06-01", "fx"]),
    ("1조 원", "CNY", "CNY:KRW=193", "zh",
     {"input": {"value": 1e12, "unit": "KRW"},
      "output": {"value": pytest.approx(1e12 / 193), "unit": "CNY", "display": "51.81亿元",
                 "base": {"value": pytest.approx(1e12 / 193), "unit": "CNY"}},
      "rate": {"from": "KRW", "to": "CNY", "value": pytest.approx(1 / 193), "date": None,
               "source": {"key": None, "title": "command line: --rate CNY:KRW=193", "url": None, "date": None}}},
     ["1万亿韩元", "51.81亿元", "1 KRW = 0.00518135 CNY", "--rate"],
     [1e12, "KRW", pytest.approx(1e12 / 193), "CNY", pytest.approx(1 / 193), None, "--rate CNY:KRW=193"]),
    ("10 EUR", "KRW", "EUR:USD=1.1", "en",
     {"input": {"value": 10.0, "unit": "EUR"},
      "output": {"value": pytest.approx(15_180), "unit": "KRW", "display": "15,180 KRW",
                 "base": {"value": pytest.approx(15_180), "unit": "KRW"}},
      "rate": {"from": "EUR", "to": "KRW", "value": pytest.approx(1518), "date": "2025-06-01",
               "source": FX}},
     ["10 EUR", "15,180 KRW", "1 EUR = 1,518.00 KRW", "2025-06-01 Rates + --rate"],
     [10.0, "EUR", pytest.approx(15_180), "KRW", pytest.approx(1518), "2025-06-01", "fx"]),
    ("5 USD", "USD", None, "en",
     {"input": {"value": 5.0, "unit": "USD"},
      "output": {"value": 5.0, "unit": "USD", "display": "5 USD", "base": {"value": 5.0, "unit": "USD"}},
      "rate": {"from": "USD", "to": "USD", "value": 1.0, "date": None,
               "source": {"key": None, "title": "same currency", "url": None, "date": None}}},
     ["5 USD", "5 USD", "1 USD = 1 USD", ""],
     [5.0, "USD", 5.0, "USD", 1.0, None, None]),
    ("671B params", "T params", None, "en",
     {"input": {"value": 671_000_000_000, "unit": "param"},
      "output": {"value": 0.671, "unit": "T params", "display": "0.671T params",
                 "base": {"value": 671_000_000_000, "unit": "param"}},
      "rate": None},
     ["671B params", "0.671T params"], [671_000_000_000, "param", 0.671, "T params"]),
    ("128K tokens", "만 tokens", None, "ko",
     {"input": {"value": 128_000, "unit": "token"},
      "output": {"value": 12.8, "unit": "10000× tokens", "display": "128K 토큰",
                 "base": {"value": 128_000, "unit": "token"}},
      "rate": None},
     ["128K 토큰", "128K 토큰"], [128_000, "token", 12.8, "10000× tokens"]),
]  # fmt: skip


@pytest.mark.parametrize(("amount", "to", "rate", "lang", "payload", "row", "raw"), CONVERT_CASES)
def test_convert_view_document_display_and_csv(vreg, amount, to, rate, lang, payload, row, raw):
    from cnai.query import convert_amount
    from cnai.units import Converter, parse_override
    from cnai.views import convert_view

    converter = Converter(vreg, [parse_override(rate)] if rate else [])
    view = convert_view(vreg, convert_amount(amount, to, converter), lang, f"--rate {rate}" if rate else None)
    assert view.payload == payload
    assert (view.grid.rows, view.grid.raw) == ([row], [raw])
    with_rate = len(row) == 4
    assert view.grid.csv_headers == ["input", "input_unit", "output", "output_unit"] + (
        ["rate", "rate_date", "rate_source"] if with_rate else []
    )
    headers = {"en": ["Input", "Output", "Rate", "Rate source"], "ko": ["입력", "결과", "환율", "환율 출처"],
               "zh": ["输入", "结果", "汇率", "汇率来源"]}[lang][: len(row)]  # fmt: skip
    assert _columns(view.grid) == [
        (key, header, "right" if key in ("input", "output") else "left", key == "rate_source")
        for key, header in zip(["input", "output", "rate", "rate_source"], headers, strict=False)
    ]
    # JSON number types: a count is whole (671000000000, not 671000000000.0), and so is its value in the
    # unit asked for when no scale divides it; money keeps the float it was computed as.
    document = view.payload
    kinds = [
        type(document["input"]["value"]),
        type(document["output"]["value"]),
        type(document["output"]["base"]["value"]),
    ]
    if payload["rate"] is not None:
        assert kinds == [float, float, float]
    else:
        assert kinds == [int, int if to == "params" else float, int]


def test_convert_view_a_count_in_its_own_unit_stays_whole(vreg):
    from cnai.query import convert_amount
    from cnai.units import Converter
    from cnai.views import convert_view

    view = convert_view(vreg, convert_amount("671B params", "params", Converter(vreg)), "ko")
    assert view.payload["output"] == {"value": 671_000_000_000, "unit": "param", "display": "671B 파라미터",
                                      "base": {"value": 671_000_000_000, "unit": "param"}}  # fmt: skip
    assert type(view.payload["output"]["value"]) is int
    assert view.grid.rows == [["671B 파라미터", "671B 파라미터"]]


def test_model_json_every_field_of_the_contract(layered):
    from cnai.views import model_json

    bundled, overlay = layered.files
    assert model_json(layered, layered.models["rocket-7b"]) == {
        "id": "rocket-7b", "name": "Rocket-7B", "names": {}, "family": "rocket", "vendor": "acme", "country": "CN",
        "released": "2025-02-02", "architecture": "dense", "params": {"total": 7_000_000_000, "active": None},
        "context": {"native": None, "max": None}, "license": None, "open_weights": False, "languages": 119,
        "modalities": {"input": ["text", "image"], "output": ["text", "audio"]}, "reasoning": "hybrid",
        "base_model": "rocket-70b-a7b", "specialties": ["math", "code"],
        "benchmarks": {"aime24": {"value": 40, "unit": "%", "mode": None, "k": None, "samples": None, "version": None,
                                  "reported_by": None, "note": None, "setting": None, "self_reported": False,
                                  "source": BLOG}},
        "price": None, "prices": [], "undisclosed": [],
        "origin": {"file": overlay, "replaces": [bundled]}, "notes": "Trained again.", "sources": [CARD, BLOG],
    }  # fmt: skip
    spark = model_json(layered, layered.models["spark-1"])
    assert (spark["names"], spark["country"], spark["undisclosed"], spark["origin"]) == (
        {"zh": "火花一号"},
        "US",
        ["params", "context", "languages", "license"],
        None,
    )
    assert spark["benchmarks"] == {"aime24": {
        "value": 60, "unit": "%", "mode": "thinking", "k": 64, "samples": None, "version": None, "reported_by": None,
        "note": None, "setting": "thinking, pass@64", "self_reported": True, "source": BLOG,
    }}  # fmt: skip
    rocket = model_json(layered, layered.models["rocket-70b-a7b"])
    assert rocket["prices"][0] == {
        "date": "2025-01-01", "input": 2, "output": 8, "cache_hit_input": 0.5, "currency": "CNY", "per_tokens": 1_000_000,
        "tier": "input ≤32K", "note": None,
        "source": PRICES,
    }  # fmt: skip
    assert rocket["price"] == model_json(layered, layered.models["rocket-70b-a7b"])["prices"][1]  # in effect today


def test_list_view_table_and_raw_values(vreg):
    from cnai.views import list_view, model_json

    models = list(vreg.models.values())
    view = list_view(vreg, models, "en")
    assert _columns(view.grid) == [
        ("id", "ID", "left", False), ("name", "Name", "left", False), ("vendor", "Vendor", "left", False),
        ("released", "Released", "left", False), ("architecture", "Architecture", "left", False),
        ("params", "Params", "right", False), ("active", "Active", "right", False),
        ("context", "Context", "right", False), ("license", "License", "left", True),
        ("open_weights", "Open weights", "left", False),
    ]  # fmt: skip
    assert view.grid.rows == [
        ["comet-1", "Comet-1", "Acme", "2025-03", "—", "—", "—", "—", "—", "—"],
        ["spark-1", "Spark-1", "Bolt", "2024", "—", "undisclosed", "undisclosed", "undisclosed", "undisclosed", "—"],
        ["rocket-70b-a7b", "Rocket-70B-A7B", "Acme", "2025-01-01", "MoE", "70B", "7B", "128K", "Apache-2.0", "yes"],
        ["rocket-7b", "Rocket-7B", "Acme", "2025-02-01", "dense", "7B", "", "—", "—", "no"],
    ]
    assert view.grid.raw == [
        ["comet-1", "Comet-1", "acme", "2025-03", None, None, None, None, None, None],
        ["spark-1", "Spark-1", "bolt", "2024", None, None, None, None, None, None],
        ["rocket-70b-a7b", "Rocket-70B-A7B", "acme", "2025-01-01", "moe", 70_000_000_000, 7_000_000_000, 131072,
         "Apache-2.0", True],
        ["rocket-7b", "Rocket-7B", "acme", "2025-02-01", "dense", 7_000_000_000, None, None, None, False],
    ]  # fmt: skip
    assert view.payload == [model_json(vreg, m) for m in models]
    korean = list_view(vreg, models, "ko").grid
    assert korean.rows[1][2] == "Bolt" and korean.rows[2][2] == "애크미" and korean.rows[1][5] == "비공개"
    assert list_view(vreg, models, "zh").grid.rows[1][1] == "火花一号"  # the name in the reader's language


def test_compare_view_names_in_the_readers_language_and_currencies_that_differ(vreg):
    from cnai.query import compare
    from cnai.views import compare_view

    models = [vreg.models[i] for i in ("comet-1", "spark-1", "rocket-70b-a7b")]
    view = compare_view(vreg, models, compare(vreg, models, ["aime24", "price"]), "zh")
    assert [column.header for column in view.grid.columns] == ["字段", "Comet-1", "火花一号", "Rocket-70B-A7B"]
    assert view.grid.rows == [
        ["AIME 2024 †", "—", "60% [pass@64]", "50.5% [pass@1]"],
        ["价格（输入） †", "1.5 USD/1,000,000 tokens", "", "1 CNY/1,000,000 tokens"],  # USD and CNY: not ranked
        ["价格（输出） †", "6 USD/1,000,000 tokens", "", ""],
        ["价格日期", "2025-03-01", "", "2025-03-01"],
    ]
    assert (view.grid.marks, view.grid.footer) == ({}, ["† 测评设置或币种不同，不作比较"])
    scores, prices, outputs = (row["values"] for row in view.payload["rows"][:3])
    # A whole score is an integer in JSON (60.0 in the file → 60); a price keeps the figure as given.
    assert (scores, [type(v) for v in scores]) == ([None, 60, 50.5], [type(None), int, float])
    assert (outputs, type(outputs[0])) == ([6.0, None, None], float)
    assert prices == [1.5, None, 1]


def test_show_view_single_price_partial_modalities_and_an_override_rate(vreg):
    from cnai.query import convert_price
    from cnai.units import Converter, parse_override
    from cnai.views import show_view

    comet = vreg.models["comet-1"]
    rows = show_view(vreg, comet, "en").grid.rows
    assert [rows[-3], rows[-1]] == [
        ["Modalities (in → out)", "", "text → —"],
        ["Price", "[2]", "in 1.5 / out 6 USD per 1M tokens, from 2025-03-01"],  # one price: nothing to mark
    ]
    converted = convert_price(comet.price_on(None), Converter(vreg, [parse_override("USD:KRW=1000")]), "KRW")
    assert show_view(vreg, comet, "en", converted).grid.rows[-1] == [
        "Price", "", "≈ in 1,500 / out 6,000 KRW per 1M tokens (1 USD = 1,000.00 KRW)",  # an override has no date
    ]  # fmt: skip
    assert show_view(vreg, vreg.models["rocket-70b-a7b"], "zh").grid.rows[2] == ["系列", "", "火箭"]
    spark = show_view(vreg, vreg.models["spark-1"], "zh").grid.rows
    assert spark[13:16] == [
        ["开放权重", "", "—"],
        ["支持语言数", "", "未披露"],
        ["模态（输入 → 输出）", "", "— → image"],
    ]


def test_show_view_says_which_files_an_entry_replaces(layered, write_yaml):
    import dataclasses

    from cnai.registry import load
    from cnai.views import show_view

    bundled, overlay = layered.files
    assert show_view(layered, layered.models["rocket-1b"], "en").grid.rows[1] == ["Defined in", "", overlay]
    again = write_yaml(VIEWS_OVERLAY.replace('snapshot: "2025-07-01"', 'snapshot: "2025-08-01"'), "again.yaml")
    three = load([bundled, overlay, again], bundled=False, cache=False)
    three = dataclasses.replace(three, bundled=bundled)
    assert show_view(three, three.models["rocket-7b"], "en").grid.rows[1] == [
        "Defined in", "", f"{again}; replaces the entry in {bundled}, {overlay}",
    ]  # fmt: skip


def test_exact_counts_from_a_thousand():
    from cnai.schema import Model
    from cnai.views import _exact

    base = Model("m", "M", "f", "v")
    assert _exact(base._replace(context_native=1000), "context.native") == "1,000"
    assert _exact(base._replace(context_native=999), "context.native") is None
    assert _exact(base._replace(params_total=7_000_000_000), "params.total") == "7,000,000,000"
    assert _exact(base, "params.active") is None


@pytest.mark.parametrize(
    ("value", "unit", "lang", "shown"),
    [
        (1_000_000.0, "%", "en", "1,000,000%"),
        (999_999.5, None, "en", "1,000,000"),  # `g` would print 1e+06
        (999_999.0, None, "en", "999999"),
        (0.00001, "%", "en", "0.00001%"),  # `g` would print 1e-05
        (0.5, "%", "en", "0.5%"),
        (1_234_567.0, "tokens/s", "en", "1,234,567 tokens/s"),
        (1350.0, "rating", "ko", "1350 레이팅"),
        (12.0, "problems", "zh", "12题"),
        (87.5, "score", "en", "87.5 score"),
    ],
)
def test_score_text_in_each_unit_and_language(value, unit, lang, shown):
    from cnai.views import score_text

    assert score_text(value, unit, lang) == shown


def test_rank_view_of_rated_scores_and_conditions(vreg):
    from cnai.query import Ranked
    from cnai.views import rank_view

    rocket, spark = vreg.models["rocket-70b-a7b"], vreg.models["spark-1"]
    ranked = [
        Ranked(1, spark, 1350, "rating", "English, 64 samples", conditions="64 samples"),
        Ranked(2, rocket, 1200, "rating", None),
    ]
    view = rank_view(vreg, ranked, "arena", "ko", chart=True)
    assert view.grid.rows == [["1", "spark-1", "Spark-1", "1350 레이팅", "64 samples"],
                              ["2", "rocket-70b-a7b", "Rocket-70B-A7B", "1200 레이팅", ""]]  # fmt: skip
    assert [bar.text for bar in view.grid.chart] == ["1350 레이팅", "1200 레이팅"]
    assert view.grid.raw[0][4] == "English, 64 samples"  # CSV keeps the whole setting


def test_rate_json_names_a_command_line_override_without_its_text(vreg):
    from cnai.units import RateUsed
    from cnai.views import rate_json

    rate = RateUsed("CNY", "KRW", 200.0, None, None, True)
    assert rate_json(vreg, rate)["source"] == {"key": None, "title": "command line: --rate", "url": None, "date": None}
    assert rate_json(vreg, rate, "--rate CNY:KRW=200")["source"]["title"] == "command line: --rate CNY:KRW=200"


def test_a_table_of_exactly_the_two_currencies_needs_no_override(layered):
    from cnai.units import Converter

    # The 2024-06-01 table holds USD and CNY only: the pair is the whole table, not linked in.
    rate = Converter(layered).rate("CNY", "USD", figure_date="2024-06-01")
    assert (rate.date, rate.override) == ("2024-06-01", False)
    assert rate.value == pytest.approx(1 / 7.1)


# --------------------------------------------------------------------------- mutmut survivors: yamlread


def _fatal(call):
    """The one problem of a file that cannot be read at all: 'FILE:LINE: (top): message'."""
    from cnai.errors import RegistryInvalid

    with pytest.raises(RegistryInvalid) as caught:
        call()
    (problem,) = caught.value.problems
    return problem


def _unreadable(text, name="r.yaml"):
    from cnai.yamlread import parse_yaml

    return _fatal(lambda: parse_yaml(text, name))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: 1\nc: {<<: {b: 1}}\n", "r.yaml:2: (top): merge keys (<<) are not allowed in a registry"),
        ("a: 1\nb:\n  ? [x, y]\n  : 1\n", "r.yaml:3: (top): a mapping key must be plain text"),
        ("{a: " * 33 + "1" + "}" * 33 + "\n", "r.yaml:1: (top): nested more than 32 levels deep"),
    ],
)
def test_what_stops_a_file_is_named_with_its_line(text, problem):
    assert _unreadable(text) == problem


def test_nesting_to_the_limit_is_read():
    from cnai.yamlread import parse_yaml

    doc = parse_yaml("{a: " * 32 + "1" + "}" * 32 + "\n", "deep.yaml")  # 32 levels: allowed
    inner = doc.data
    for _ in range(32):
        inner = inner["a"]
    assert inner == 1


def test_a_local_tag_on_a_scalar_is_refused_by_name():
    from cnai.yamlread import parse_yaml

    doc = parse_yaml("a: !custom 5\n", "r.yaml")
    assert doc.data == {"a": None}
    assert [str(p) for p in doc.problems] == ["r.yaml:1: a: tag !custom is not allowed"]


def test_bad_bytes_name_their_file_and_line(tmp_path):
    from cnai.yamlread import decode, read_text

    # The line counts the newline at byte 0.
    assert _fatal(lambda: decode(b"\n\xff", "lead.yaml")) == (
        "lead.yaml:2: (top): invalid UTF-8 (byte 0xff); save the file as UTF-8"
    )
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"a: 1\nb: \xe9\n")
    assert _fatal(lambda: read_text(str(path))) == f"{path}:2: (top): invalid UTF-8 (byte 0xe9); save the file as UTF-8"


def test_a_document_line_falls_back_to_its_root_then_line_one():
    from cnai.yamlread import Document, _Fatal

    assert Document("f.yaml", None).line(("models", 0, "name")) == 1
    assert Document("f.yaml", None, {(): 3}).line(("models", 0)) == 3
    assert Document("f.yaml", None, {(): 3, ("models",): 5}).line(("models", 0)) == 5
    fatal = _Fatal(7, "stop here")
    assert (str(fatal), fatal.line, fatal.message) == ("stop here", 7, "stop here")


def test_a_control_character_names_its_line():
    assert _unreadable("\na: \x07\n") == (
        "r.yaml:2: (top): unacceptable character #x0007 (control characters are not allowed); write it as an escape"
    )


def test_a_tag_on_a_collection_is_refused_and_lists_nest_to_the_limit():
    from cnai.yamlread import parse_yaml

    doc = parse_yaml("a: !m {b: 1}\nc: !s [1]\n", "r.yaml")
    assert [str(p) for p in doc.problems] == [
        "r.yaml:1: a: tag !m is not allowed",
        "r.yaml:2: c: tag !s is not allowed",
    ]
    deep = parse_yaml("[" * 32 + "1" + "]" * 32 + "\n", "deep.yaml").data  # 32 levels of lists: allowed
    for _ in range(32):
        (deep,) = deep
    assert deep == 1

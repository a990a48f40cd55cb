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
    assert _not_found(crowded.resolve_family, "Rocket-7B").startswith("unknown family 'Rocket-7B'.")


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
  - {date: "2025", base: USD, rates: {CNY: 7.2}, source: fx}
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


def test_a_model_of_no_known_vendor_has_no_country(crowded):
    model = crowded.models["rd-1"]
    assert crowded.country_of(model) == "CN"
    assert crowded.country_of(model._replace(vendor="nobody")) is None


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

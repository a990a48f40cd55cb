"""Money and units: dated rates, cross rates, overrides, and the funding/convert/rates/claims commands.

Figures checked by hand (Federal Reserve H.10, 2025-04-30: 7.2706 CNY and 1,425.68 KRW per USD):
1 CNY = 1425.68 / 7.2706 = 196.09 KRW; 398.1 bn CNY x 196.09 = 78.06 trillion KRW, so the
article's "7.7조 원" is 1/10.1 of the right figure.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnai.errors import UsageError
from cnai.registry import load
from cnai.units import Converter, effective_date, parse_override

from .test_process import imported_modules

KRW_PER_CNY_0430 = 1425.68 / 7.2706

TWO_TABLES = """\
schema: 1
sources:
  fx: {title: "Rates", url: "https://example.org/fx"}
rates:
  - {date: "2025-01-01", base: USD, rates: {CNY: 7.0, KRW: 1400}, source: fx}
  - {date: "2025-02-01", base: USD, rates: {CNY: 8.0}, source: fx}
"""


@pytest.fixture(scope="module")
def reg():
    return load([])


def test_cross_rate_goes_through_the_base(reg):
    value, rate = Converter(reg).money(1.0, "CNY", "KRW", figure_date="2025-04-30")
    assert value == pytest.approx(KRW_PER_CNY_0430)
    assert (rate.date, rate.origin, rate.override) == ("2025-04-30", "money-datasets-fx-daily", False)


def test_figure_uses_the_nearest_table_and_as_of_the_latest_before(reg):
    conv = Converter(reg)
    assert conv.table_for("2025-03-06").date == "2025-03-06"
    assert conv.table_for("2025-01").date == "2025-01-17"  # a month stands at its 15th
    assert conv.table_for("2024-06-30").date == "2024"  # a year's average stands mid-year
    newest = max((t for t in reg.rates.values() if len(t.date) == 10), key=lambda t: t.date)
    assert conv.table_for(None).date == newest.date  # no date: the latest table
    as_of = Converter(reg, as_of=date(2025, 3, 31))
    assert as_of.table_for("2025-04-30").date == "2025-03-06"
    with pytest.raises(UsageError, match="no exchange-rate table on or before 2020-01-01"):
        Converter(reg, as_of=date(2020, 1, 1)).table_for(None)


def test_effective_dates():
    assert effective_date("2024") == date(2024, 7, 2)
    assert effective_date("2025-01") == date(2025, 1, 15)
    assert effective_date("2025-03-06") == date(2025, 3, 6)


def test_missing_rate_names_the_pair_and_table(write_yaml):
    reg = load([write_yaml(TWO_TABLES)], bundled=False)
    with pytest.raises(UsageError) as info:
        Converter(reg).money(1.0, "CNY", "KRW", figure_date="2025-02-01")
    assert str(info.value) == "no CNY→KRW rate in the rate table of 2025-02-01; give one with --rate CNY:KRW=VALUE"
    # The earlier table has the rate, and is used when asked for.
    value, _ = Converter(reg).money(7.0, "CNY", "KRW", figure_date="2025-01-01")
    assert value == pytest.approx(1400.0)


def test_overrides(reg):
    conv = Converter(reg, [parse_override("cny:krw=193")])
    value, rate = conv.money(1e12, "CNY", "KRW")
    assert value == pytest.approx(193e12) and rate.override and rate.date is None
    back, _ = conv.money(193e12, "KRW", "CNY")
    assert back == pytest.approx(1e12)
    # An override for another pair never replaces a table rate.
    usd, rate = conv.money(7.2706, "CNY", "USD", figure_date="2025-04-30")
    assert usd == pytest.approx(1.0) and rate.date == "2025-04-30"
    # It may link a currency the tables lack.
    eur = Converter(reg, [parse_override("EUR:USD=1.1")])
    assert eur.money(100, "EUR", "KRW", figure_date="2025-04-30")[0] == pytest.approx(110 * 1425.68)


@pytest.mark.parametrize(
    "text", ["CNY:KRW=0", "CNY:KRW=-1", "CNY:KRW=nan", "CNY:KRW=inf", "CNY:CNY=1", "CNYKRW=1", "C:K=1"]
)
def test_bad_overrides(text):
    with pytest.raises(UsageError):
        parse_override(text)


@settings(max_examples=60, deadline=None)
@given(
    amount=st.floats(min_value=0.01, max_value=1e15, allow_nan=False, allow_infinity=False),
    pair=st.sampled_from([("CNY", "KRW"), ("KRW", "USD"), ("USD", "CNY")]),
    day=st.sampled_from(["2024", "2025-01-17", "2025-03-05", "2025-04-30"]),
)
def test_round_trip_and_linearity(reg, amount, pair, day):
    conv = Converter(reg)
    there, _ = conv.money(amount, *pair, figure_date=day)
    back, _ = conv.money(there, pair[1], pair[0], figure_date=day)
    assert back == pytest.approx(amount, rel=1e-9)  # far inside display rounding
    double, _ = conv.money(2 * amount, *pair, figure_date=day)
    assert double == pytest.approx(2 * there, rel=1e-12)


def test_quantities_and_kinds(reg):
    conv = Converter(reg)
    assert conv.quantity(671e9, "param", "param") == 671e9
    with pytest.raises(UsageError, match="cannot convert money \\(CNY\\) to parameters"):
        conv.quantity(5, "CNY", "param")
    with pytest.raises(UsageError, match="unknown currency 'XYZ'; rates exist for CNY, KRW, USD"):
        conv.check_currency("XYZ")


# --------------------------------------------------------------------------- convert


@pytest.mark.parametrize(
    ("amount", "to", "value", "unit"),
    [
        ("600억 위안", "CNY", 60e9, "CNY"),
        ("1조 원", "KRW", 1e12, "KRW"),
        ("398.12亿元", "CNY", 39.812e9, "CNY"),
        ("1万亿元", "CNY", 1e12, "CNY"),
        ("$360bn", "USD", 360e9, "USD"),
        ("₩1.5조", "KRW", 1.5e12, "KRW"),
        ("60 billion CNY", "CNY", 60e9, "CNY"),
        ("６０B USD", "USD", 60e9, "USD"),
        ("671B params", "T params", 671e9, "param"),
        ("128K tokens", "tokens", 128_000, "token"),
    ],
)
def test_convert_reads_amounts_in_three_languages(cli, amount, to, value, unit):
    result = cli("convert", amount, "--to", to, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["input"]["value"] == pytest.approx(value) and data["input"]["unit"] == unit
    # The output is in the unit asked for; the base value (counts, money) stands beside it.
    assert data["output"]["base"]["value"] == pytest.approx(value)
    scale = 10**12 if to == "T params" else 1
    assert data["output"]["value"] == pytest.approx(value / scale)


def test_convert_money_states_its_rate(cli):
    result = cli("convert", "600억 위안", "--to", "KRW", "--as-of", "2025-04-30", "--json")
    data = json.loads(result.stdout)
    assert data["output"]["value"] == pytest.approx(60e9 * KRW_PER_CNY_0430)
    assert data["rate"]["date"] == "2025-04-30" and data["rate"]["from"] == "CNY" and data["rate"]["to"] == "KRW"
    assert data["rate"]["source"]["url"].startswith("https://")
    table = cli("convert", "600억 위안", "--to", "KRW", "--as-of", "2025-04-30")
    assert "1 CNY = 196.09 KRW" in table.stdout and "2025-04-30" in table.stdout


def test_convert_quantity_display(cli):
    assert cli("convert", "671B params", "--to", "T params").stdout.split("\n")[1].split() == [
        "671B",
        "params",
        "0.671T",
        "params",
    ]


def test_convert_override_is_echoed(cli):
    result = cli("convert", "1조 위안", "--to", "KRW", "--rate", "CNY:KRW=193", "--json")
    assert result.stderr == "cnai: using --rate CNY:KRW=193 (1 CNY = 193 KRW) instead of the registry\n"
    data = json.loads(result.stdout)
    assert data["output"]["value"] == pytest.approx(193e12)
    assert data["rate"]["source"]["title"] == "command line: --rate CNY:KRW=193"


@pytest.mark.parametrize(
    "args",
    [
        ["nan CNY", "--to", "KRW"],
        ["inf CNY", "--to", "KRW"],
        ["1e400 CNY", "--to", "KRW"],
        ["-5 CNY", "--to", "KRW"],
        ["", "--to", "KRW"],
        ["5 XYZ", "--to", "KRW"],
        ["5 m", "--to", "KRW"],
        ["5 kUSD", "--to", "KRW"],
        ["9**9**9", "--to", "KRW"],
        ["5 CNY", "--to", "XYZ"],
        ["5 CNY", "--to", "m"],
        ["600억 위안", "--to", "params"],
        ["671B params", "--to", "KRW"],
        ["671B params", "--to", "tokens"],
        ["235B", "--to", "KRW"],
        ["5 CNY", "--to", "KRW", "--rate", "CNY:KRW=0"],
        ["5 CNY", "--to", "KRW", "--rate", "CNY:KRW=-3"],
        ["5 CNY", "--to", "KRW", "--as-of", "2025-13-01"],
    ],
)
def test_convert_bad_input_is_usage_error(cli, args):
    result = cli("convert", *args)
    assert result.exit_code == 2, (args, result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("cnai: error: "), result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- funding, rates, claims


def test_funding_native_and_converted(cli):
    native = json.loads(cli("funding", "--json").stdout)
    assert {f["id"] for f in native} >= {
        "national-vc-guidance-fund", "central-st-budget-2025", "national-ai-industry-fund", "ubs-global-ai-spending-2025",
        "central-st-budget-2026",
    }  # fmt: skip
    assert all(f["converted"] is None for f in native)
    converted = {f["id"]: f for f in json.loads(cli("funding", "--currency", "KRW", "--json").stdout)}
    budget = converted["central-st-budget-2025"]
    assert budget["amount"] == {"value": 398_119_000_000, "currency": "CNY"}
    # The table nearest the budget's own date (2025-03-05): 1445.21 / 7.2506 KRW per CNY.
    assert budget["converted"]["rate"]["date"] == "2025-03-05"
    assert budget["converted"]["value"] == pytest.approx(398_119_000_000 * 1445.21 / 7.2506)
    assert budget["converted"]["rate"]["source"]["key"] == "money-datasets-fx-daily"
    assert set(budget["converted"]["rate"]) == {"from", "to", "value", "date", "source"}  # one rate object


def test_funding_reads_korean(cli):
    result = cli("funding", "--currency", "KRW", "--lang", "ko")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if line.startswith("national-vc-guidance-fund"))
    assert "국가 벤처캐피털 유도기금" in row and "1조 위안" in row and "199조 7,000억 원" in row  # 4 significant digits
    assert "1 CNY = 199.72 KRW" in row


def test_funding_as_of_and_overrides(cli):
    data = json.loads(cli("funding", "--currency", "KRW", "--as-of", "2025-04-30", "--json").stdout)
    assert {f["converted"]["rate"]["date"] for f in data if f["amount"]["currency"] == "CNY"} == {"2025-04-30"}
    lonely = cli("funding", "--rate", "CNY:KRW=193")
    assert lonely.exit_code == 2 and "need --currency" in lonely.stderr


def test_rates_lists_tables_with_sources(cli):
    data = json.loads(cli("rates", "--json").stdout)
    table = next(t for t in data if t["date"] == "2025-04-30")
    assert {"date": "2025-04-30", "base": "USD", "rates": {"CNY": 7.2706, "KRW": 1425.68}} == {
        k: table[k] for k in ("date", "base", "rates")
    }
    assert all(t["source"]["url"] for t in data)
    assert "2025-04-30  1 USD = 1,425.68 KRW" in cli("rates").stdout


def test_claims_show_the_tenfold_errors(cli):
    data = {c["id"]: c for c in json.loads(cli("claims", "--json").stdout)}
    budget = data["st-budget-amount"]
    assert budget["verdict"] == "wrong"
    assert budget["check"]["implied_rate"] == pytest.approx(7.7e12 / 398.1e9)
    assert budget["check"]["registry_rate"]["value"] == pytest.approx(KRW_PER_CNY_0430)
    assert budget["check"]["ratio"] == pytest.approx(7.7e12 / (398.1e9 * KRW_PER_CNY_0430))
    assert math.isclose(1 / data["ai-fund-amount"]["check"]["ratio"], 10.2, abs_tol=0.05)
    assert 0.95 < data["vc-fund-amount"]["check"]["ratio"] < 1.0  # 193 against 196.09: right
    assert data["mimo-name"]["check"] is None
    table = cli("claims", "--verdict", "wrong").stdout
    assert (
        "7.7 trillion KRW for 398.1 billion CNY implies 19.3419 KRW/CNY; at 196.09 KRW/CNY (2025-04-30) it is "
        "78.06 trillion KRW: the stated figure is 1/10.1 of it"
    ) in table
    bad = cli("claims", "--verdict", "maybe")
    assert bad.exit_code == 2 and bad.stderr.startswith("cnai: error: unknown verdict 'maybe'")


def test_prices_convert_in_show_and_compare(cli):
    shown = json.loads(cli("show", "ernie-4.5-turbo", "--currency", "USD", "--json").stdout)
    assert shown["price"]["currency"] == "CNY" and shown["price"]["input"] == 0.8
    assert shown["price"]["converted"]["currency"] == "USD"
    assert shown["price"]["converted"]["input"] == pytest.approx(0.8 * 7.2706**-1 * 1, rel=0.02)
    compared = json.loads(cli("compare", "ernie-4.5-turbo", "ernie-x1-turbo", "--currency", "USD", "--json").stdout)
    assert compared["best"]["price.input"] == ["ernie-4.5-turbo"]


def test_list_and_show_json_do_not_import_pint():
    imported_modules("list", "--json")  # warm the cache (building it asks pint for the factors)
    assert "pint" not in imported_modules("show", "qwen3", "--json")
    assert "pint" not in imported_modules("list", "--json")


def test_stored_factors_are_pints_own_for_every_pair_and_table(reg):
    """A warm run converts with factors pint computed when the registry was cached: the same
    floats, so every printed figure is byte-identical to a run that asks pint itself."""
    from cnai.units import table_factors

    stored = table_factors(reg)
    tables = list(reg.rates.values())
    assert len(stored) == sum(len(t.rates) * (len(t.rates) + 1) for t in tables)
    warm = Converter(replace(reg, factors=stored))
    cold = Converter(replace(reg, factors={}))
    for table in tables:
        codes = sorted({table.base, *table.rates})
        for source in codes:
            for target in codes:
                if source != target:
                    got = warm.money(123.45, source, target, figure_date=table.date)
                    want = cold.money(123.45, source, target, figure_date=table.date)
                    assert got == want, (table.date, source, target)
                    assert (table.date, table.base, source, target) in stored or source == target


def test_a_stored_factor_is_what_is_used(reg):
    table = max(reg.rates.values(), key=lambda t: t.date if len(t.date) == 10 else "")
    key = (table.date, table.base, "CNY", "KRW")
    fake = Converter(replace(reg, factors={key: 1000.0}))
    assert fake.money(2.0, "CNY", "KRW", figure_date=table.date)[0] == 2000.0  # proves the lookup is live

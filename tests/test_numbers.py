"""Number words both ways: parse_amount, parse_unit and format_money in English, Korean, Chinese."""

from __future__ import annotations

import ast
import os
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnai import numbers
from cnai.numbers import CURRENCY_DECIMALS, Amount, format_count, format_money, parse_amount, parse_count, parse_unit

D = Decimal

# --------------------------------------------------------------------------- parse_amount: accepted

ACCEPTED: list[tuple[str, Decimal, str | None]] = [
    # plain and scientific numbers
    ("60", D(60), None),
    ("1,000", D(1000), None),
    ("1_000", D(1000), None),
    ("1,234,567.5", D("1234567.5"), None),
    ("1.93e14", D("193000000000000"), None),
    ("1.93E14", D("193000000000000"), None),
    (".5", D("0.5"), None),
    ("0", D(0), None),
    ("  60  ", D(60), None),
    # English scales and currencies
    ("60 billion CNY", D(60 * 10**9), "CNY"),
    ("60B USD", D(60 * 10**9), "USD"),
    ("60b usd", D(60 * 10**9), "USD"),
    ("$360bn", D(360 * 10**9), "USD"),
    ("$360 BN", D(360 * 10**9), "USD"),
    ("398.12 billion yuan", D("398120000000"), "CNY"),
    ("5 thousand won", D(5000), "KRW"),
    ("5k KRW", D(5000), "KRW"),
    ("2.5 Million dollars", D(2_500_000), "USD"),
    ("2.5m USD", D(2_500_000), "USD"),
    ("2.5 mn USD", D(2_500_000), "USD"),
    ("1 trillion won", D(10**12), "KRW"),
    ("1.5T KRW", D(15 * 10**11), "KRW"),
    ("1.5 tn yuan", D(15 * 10**11), "CNY"),
    ("5 RMB", D(5), "CNY"),
    ("RMB 5", D(5), "CNY"),
    ("USD 60 billion", D(60 * 10**9), "USD"),
    ("1 dollar", D(1), "USD"),
    ("US$5", D(5), "USD"),
    ("us$ 5", D(5), "USD"),
    ("¥398.12亿", D("39812000000"), "CNY"),
    ("5 EUR", D(5), "EUR"),
    ("5 eur", D(5), "EUR"),
    ("5 xyz", D(5), "XYZ"),
    ("GBP 5", D(5), "GBP"),
    ("$5 USD", D(5), "USD"),
    # quantities (K/M/B/T are 1,000-based, tokens included)
    ("671B params", D(671 * 10**9), "param"),
    ("235B parameters", D(235 * 10**9), "param"),
    ("22B params", D(22 * 10**9), "param"),
    ("7 billion parameter", D(7 * 10**9), "param"),
    ("1 param", D(1), "param"),
    ("128K tokens", D(128_000), "token"),
    ("1M token", D(10**6), "token"),
    ("235B", D(235 * 10**9), None),
    ("0.44B", D(440_000_000), None),
    # Korean
    ("76조 8,000억 원", D(76 * 10**12 + 8000 * 10**8), "KRW"),
    ("3981억 위안", D(3981 * 10**8), "CNY"),
    ("600억 위안", D(600 * 10**8), "CNY"),
    ("1조 원", D(10**12), "KRW"),
    ("₩1.5조", D(15 * 10**11), "KRW"),
    ("1천억", D(10**11), None),
    ("1천억 원", D(10**11), "KRW"),
    ("2천5백만 원", D(25_000_000), "KRW"),
    ("3십만", D(300_000), None),
    ("5천", D(5000), None),
    ("78조 681억 2,345만 6,789 원", D(78_068_123_456_789), "KRW"),
    ("1만 0.5 달러", D("10000.5"), "USD"),
    ("12.5 달러", D("12.5"), "USD"),
    ("950 원", D(950), "KRW"),
    ("6,789원", D(6789), "KRW"),
    ("1억원", D(10**8), "KRW"),
    ("671B 파라미터", D(671 * 10**9), "param"),
    ("128K 토큰", D(128_000), "token"),
    # Chinese
    ("398.12亿元", D("39812000000"), "CNY"),
    ("1万亿元", D(10**12), "CNY"),
    ("3981亿2000万元", D(398_120_000_000), "CNY"),
    ("3,981.19亿元", D(398_119_000_000), "CNY"),
    ("193万亿韩元", D(193 * 10**12), "KRW"),
    ("3,600亿美元", D(360 * 10**9), "USD"),
    ("5千", D(5000), None),
    ("3百元", D(300), "CNY"),
    ("950元", D(950), "CNY"),
    ("人民币398.12亿元", D("39812000000"), "CNY"),
    ("人民币 5", D(5), "CNY"),
    ("6710亿参数", D(671 * 10**9), "param"),
    ("12.8万词元", D(128_000), "token"),
    ("1億元", D(10**8), "CNY"),
    # full width (NFKC)
    ("２３５Ｂ　ＵＳＤ", D(235 * 10**9), "USD"),
    ("１，０００元", D(1000), "CNY"),
    ("￥５", D(5), "CNY"),
    ("￦１조", D(10**12), "KRW"),
    ("６０ ｂｉｌｌｉｏｎ ｃｎｙ", D(60 * 10**9), "CNY"),
]


@pytest.mark.parametrize(("text", "value", "unit"), ACCEPTED)
def test_parse_amount_accepts(text: str, value: Decimal, unit: str | None) -> None:
    amount = parse_amount(text)
    assert amount == Amount(value, unit)
    assert isinstance(amount.value, Decimal)
    assert amount.value == value and amount.unit == unit


def test_parse_amount_is_exact() -> None:
    # no float anywhere: 398.12 * 10**8 is exactly 39,812,000,000
    assert parse_amount("398.12亿元").value == Decimal("398.12") * 10**8
    assert parse_amount("0.1 billion USD").value == 10**8
    assert parse_amount("123456789012345678901234567890.123 USD").value == D("123456789012345678901234567890.123")


def test_integral_values_print_without_exponent() -> None:
    assert str(parse_amount("1.93e14").value) == "193000000000000"
    assert str(parse_amount("60B").value) == "60000000000"
    assert str(parse_amount("12.50 USD").value) == "12.5"


# --------------------------------------------------------------------------- parse_amount: rejected

REJECTED = [
    "",
    "   ",
    "\u3000",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "5 nan",
    "1e400",
    "1e999999999",
    "2e308 USD",
    "-5 USD",
    "USD -5",
    "−5",
    "9**9**9",
    "1+1",
    "2*3",
    "1/2",
    "(5)",
    "5 USD KRW",
    "$5 원",
    "5 yuan dollars",
    "5 params tokens",
    "5 apples",
    "5 kUSD",
    "5 MKRW",
    "5 US",
    "m",
    "K",
    "B params",
    "USD",
    "원",
    "$",
    ".",
    "e5",
    "5e",
    "1,5",
    "1,0000",
    "5,",
    "1.5.3",
    "5 5",
    "1 000",
    "억 원",
    "천만 원",
    "1억만",
    "1만 1억",
    "1억 2억",
    "5십 3천",
    "5만 B",
    "5B 억",
    "5 billion million",
    "60 CNY billion",
    "5个",
    "٣",
    "1e-500",
    "__import__('os')",
    "5;",
]


@pytest.mark.parametrize("text", REJECTED)
def test_parse_amount_rejects(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_amount(text)
    message = str(info.value)
    assert message and "\n" not in message and len(message) < 200


def test_negative_message_says_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        parse_amount("-5 USD")


# --------------------------------------------------------------------------- parse_unit

UNITS: list[tuple[str, Decimal, str]] = [
    ("KRW", D(1), "KRW"),
    ("usd", D(1), "USD"),
    ("원", D(1), "KRW"),
    ("위안", D(1), "CNY"),
    ("元", D(1), "CNY"),
    ("美元", D(1), "USD"),
    ("$", D(1), "USD"),
    ("EUR", D(1), "EUR"),
    ("T params", D(10**12), "param"),
    ("B params", D(10**9), "param"),
    ("params", D(1), "param"),
    ("K tokens", D(1000), "token"),
    ("tokens", D(1), "token"),
    ("billion USD", D(10**9), "USD"),
    ("억 원", D(10**8), "KRW"),
    ("천억 원", D(10**11), "KRW"),
    ("万亿元", D(10**12), "CNY"),
    ("亿参数", D(10**8), "param"),
    ("Ｔ ｐａｒａｍｓ", D(10**12), "param"),
]


@pytest.mark.parametrize(("text", "scale", "unit"), UNITS)
def test_parse_unit_accepts(text: str, scale: Decimal, unit: str) -> None:
    assert parse_unit(text) == (scale, unit)


@pytest.mark.parametrize(
    "text",
    ["", " ", "B", "m", "billion", "억", "kUSD", "MKRW", "5 USD", "1B params", "USD KRW", "nan", "-USD", "억만 원"],
)
def test_parse_unit_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_unit(text)


# --------------------------------------------------------------------------- format_money

FORMATS: list[tuple[Decimal | float, str, str, str, str]] = [
    # value, currency, en, ko, zh
    (D("76.8e12"), "KRW", "76.8 trillion KRW", "76조 8,000억 원", "76.8万亿韩元"),
    (D("398.12e9"), "CNY", "398.12 billion CNY", "3,981억 2,000만 위안", "3,981.2亿元"),
    (D("398119000000"), "CNY", "398.12 billion CNY", "3,981억 1,900만 위안", "3,981.19亿元"),
    (D("360e9"), "USD", "360 billion USD", "3,600억 달러", "3,600亿美元"),
    (D(10**12), "CNY", "1 trillion CNY", "1조 위안", "1万亿元"),
    (D("193e12"), "KRW", "193 trillion KRW", "193조 원", "193万亿韩元"),
    (D("1234.56"), "USD", "1,234.56 USD", "1,234.56 달러", "1,234.56美元"),
    (950, "KRW", "950 KRW", "950 원", "950韩元"),
    (950, "CNY", "950 CNY", "950 위안", "950元"),
    (D(6789), "KRW", "6,789 KRW", "6,789 원", "6,789韩元"),
    (D(78_068_123_456_789), "KRW", "78.07 trillion KRW", "78조 681억 2,345만 6,789 원", "78.07万亿韩元"),
    (12.5, "USD", "12.5 USD", "12.5 달러", "12.5美元"),
    (D("10000.5"), "USD", "10,000.5 USD", "1만 0.5 달러", "1万美元"),
    (D(999_999_999), "USD", "1 billion USD", "9억 9,999만 9,999 달러", "10亿美元"),
    (D(1_234_000), "USD", "1.234 million USD", "123만 4,000 달러", "123.4万美元"),
    (D("999.5e9"), "KRW", "999.5 billion KRW", "9,995억 원", "9,995亿韩元"),  # no early jump to trillion
    (D(99_999_999), "CNY", "100 million CNY", "9,999만 9,999 위안", "1亿元"),
    (D(0), "KRW", "0 KRW", "0 원", "0韩元"),
    (5, "EUR", "5 EUR", "5 EUR", "5 EUR"),
    (D(15000), "EUR", "15,000 EUR", "1만 5,000 EUR", "1.5万 EUR"),
    (0.1, "USD", "0.1 USD", "0.1 달러", "0.1美元"),
    (1234.5, "KRW", "1,234 KRW", "1,234 원", "1,234韩元"),  # KRW has no decimals; half to even
    (1235.5, "KRW", "1,236 KRW", "1,236 원", "1,236韩元"),
    (D("0.125"), "USD", "0.12 USD", "0.12 달러", "0.12美元"),
    (-5, "usd", "-5 USD", "-5 달러", "-5美元"),
]


@pytest.mark.parametrize(("value", "currency", "en", "ko", "zh"), FORMATS)
def test_format_money(value: Decimal | float, currency: str, en: str, ko: str, zh: str) -> None:
    assert format_money(value, currency, "en") == en
    assert format_money(value, currency, "ko") == ko
    assert format_money(value, currency, "zh") == zh


@pytest.mark.parametrize(
    ("value", "currency", "lang"),
    [
        (float("nan"), "USD", "en"),
        (float("inf"), "USD", "ko"),
        (D("NaN"), "KRW", "zh"),
        (5, "US", "en"),
        (5, "USD", "fr"),
    ],
)
def test_format_money_rejects(value: Decimal | float, currency: str, lang: str) -> None:
    with pytest.raises(ValueError):
        format_money(value, currency, lang)


def test_currency_decimals() -> None:
    assert CURRENCY_DECIMALS == {"KRW": 0, "CNY": 2, "USD": 2}


# --------------------------------------------------------------------------- properties

CURRENCIES = ["KRW", "CNY", "USD", "EUR", "JPY"]


def rounded(value: Decimal, currency: str) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-CURRENCY_DECIMALS.get(currency, 2)), rounding=ROUND_HALF_EVEN)


@settings(max_examples=200)
@given(
    st.decimals(min_value=0, max_value=10**20, allow_nan=False, allow_infinity=False, places=4),
    st.sampled_from(CURRENCIES),
)
def test_ko_round_trip_is_exact(value: Decimal, currency: str) -> None:
    text = format_money(value, currency, "ko")
    assert parse_amount(text) == Amount(rounded(value, currency), currency)


@settings(max_examples=200)
@given(
    st.integers(min_value=0, max_value=9999),
    st.integers(min_value=-2, max_value=16),
    st.sampled_from(CURRENCIES),
    st.sampled_from(["en", "zh"]),
)
def test_en_zh_round_trip_four_digits(mantissa: int, exponent: int, currency: str, lang: str) -> None:
    exponent = max(exponent, -CURRENCY_DECIMALS.get(currency, 2))
    value = Decimal(mantissa).scaleb(exponent)
    text = format_money(value, currency, lang)
    assert parse_amount(text) == Amount(value, currency), text


def check_total(text: str) -> None:
    try:
        result = parse_amount(text)
    except ValueError:
        return
    assert isinstance(result, Amount)
    assert isinstance(result.value, Decimal) and result.value.is_finite() and result.value >= 0
    assert result.unit is None or result.unit in ("param", "token") or (len(result.unit) == 3 and result.unit.isupper())


@settings(max_examples=300)
@given(st.text())
def test_parse_amount_only_raises_value_error(text: str) -> None:
    check_total(text)


PIECES = [
    "1", "0", "60", "1,000", "1_0", ".5", "1e5", "1e400", "9", "-", "+", "*", " ", ",", ".", "e",
    "k", "B", "bn", "billion", "USD", "usd", "won", "xyz", "US$", "$", "¥", "₩", "nan", "inf",
    "만", "억", "조", "천", "백", "십", "万", "亿", "千", "百", "元", "원", "위안", "韩元", "美元",
    "params", "tokens", "토큰", "参数", "１", "Ｂ",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
def test_parse_amount_only_raises_value_error_on_near_misses(text: str) -> None:
    check_total(text)


@settings(max_examples=100)
@given(st.lists(st.sampled_from(PIECES), max_size=6).map(" ".join))
def test_parse_unit_only_raises_value_error(text: str) -> None:
    try:
        scale, unit = parse_unit(text)
    except ValueError:
        return
    assert scale >= 1 and unit


# --------------------------------------------------------------------------- the module stays light

STDLIB_ONLY = {"__future__", "math", "re", "unicodedata", "typing", "decimal"}


def test_numbers_imports_only_the_standard_library() -> None:
    if "MUTANT_UNDER_TEST" in os.environ:
        pytest.skip("mutmut adds its own import to the module it mutates")
    tree = ast.parse(Path(numbers.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= STDLIB_ONLY, imported - STDLIB_ONLY


def test_existing_count_helpers_unchanged() -> None:
    assert parse_count("235B") == 235_000_000_000
    assert format_count(7_615_616_512) == "7.62B"

"""Numbers as people write them, in and out, without pint.

This module owns the AI world's count suffixes (`7B`, `235B`, `0.44B`, `32K`) for parameters
and tokens, exact decimal parsing, and number words both ways: amounts as people write them
in English, Korean and Chinese (`60 billion CNY`, `76조 8,000억 원`, `398.12亿元`, `671B params`)
into exact Decimals (parse_amount, parse_unit), and money back out per language
(format_money). It imports only the standard library, so the registry loader and
`list --json` can use it without paying for pint.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import NamedTuple

# K/M/B/T as model cards write them. Decimal (1,000-based) for parameters; token counts in
# the registry are exact integers, so no 1,024 ambiguity arises there.
COUNT_SUFFIXES: dict[str, int] = {
    "": 1,
    "k": 10**3,
    "m": 10**6,
    "b": 10**9,
    "t": 10**12,
}

_COUNT_RE = re.compile(r"^\s*([0-9][0-9_,]*(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)\s*([kmbt]?)\s*$", re.I)


def parse_count(text: str) -> int:
    """`'235B'` → 235000000000, `'0.44B'` → 440000000, `'32768'` → 32768.

    Raises ValueError (with a readable message) for anything else; the result must be a whole
    non-negative number, so `'1.5'` is rejected while `'1.5K'` is 1500.
    """
    match = _COUNT_RE.match(text)
    if not match:
        raise ValueError(f"expected a count such as 7B, 235B or 32768, got {text!r}")
    digits, suffix = match.groups()
    try:
        number = Decimal(digits.replace("_", "").replace(",", "")) * COUNT_SUFFIXES[suffix.lower()]
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid decimals
        raise ValueError(f"not a number: {text!r}") from exc
    if number != number.to_integral_value():
        raise ValueError(f"a count must be a whole number, got {text!r}")
    return int(number)


def format_count(value: int, *, exact_below: int = 1000) -> str:
    """Compact display of a count: 235000000000 → '235B', 7615616512 → '7.62B', 440000000 → '440M'.

    Up to three significant digits, trailing zeros dropped; values below `exact_below` print
    as they are. Display only: JSON always carries the exact integer.
    """
    if value < exact_below:
        return str(value)
    for suffix, scale in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if value >= scale:
            scaled = Decimal(value) / scale
            digits = 2 if scaled < 10 else 1 if scaled < 100 else 0
            text = f"{scaled:.{digits}f}"
            if "." in text:  # trim only decimals: 480 stays 480
                text = text.rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    return str(value)  # pragma: no cover - exact_below >= 1 covers the rest


def format_significant(value: float, digits: int = 6) -> str:
    """`value` to `digits` significant digits, grouped and never in exponent form:
    671000000 → '671,000,000', 0.6710004 → '0.671', 67100000.5 → '67,100,000'."""
    if not math.isfinite(value):
        return f"{value:g}"
    exact = Decimal(repr(value))
    return _plain(round(exact, digits - exact.adjusted() - 1))  # as `estimate` rounds, half to even


def format_tokens(value: int) -> str:
    """Context windows as people say them: 131072 → '128K', 128000 → '128K', 1000000 → '1M'.

    Round decimal values read in 1,000s first, then powers of two in 1,024s (the 32K/128K
    convention of model cards): 128,000 is also 125 × 1,024, and reading it in 1,024s would
    print a '125K' that no vendor ever wrote. Anything else falls back to the compact count.
    """
    units = ((10**6, "M"), (1024**2, "M")) if value >= 10**6 else ((1000, "K"), (1024, "K"))
    for unit, suffix in units:
        if value >= unit and value % unit == 0:
            return f"{value // unit}{suffix}"
    return format_count(value)  # 1,010,000 → 1.01M


# --------------------------------------------------------------------------- money and quantities
#
# "Number words both ways": `60 billion CNY`, `$360bn`, `76조 8,000억 원`, `398.12亿元`,
# `671B params` in; `76.8 trillion KRW`, `78조 681억 2,345만 6,789 원`, `3,981.19亿元` out.
# A small tokenizer and a hand-written grammar, never eval: anything outside the vocabulary
# below is a ValueError with a one-line message.

CURRENCY_DECIMALS: dict[str, int] = {"KRW": 0, "CNY": 2, "USD": 2}  # display rounding; others 2

# Exact arithmetic: written numbers are bounded (_read_number), 1,000 digits of precision hold
# any sensible sum, and Inexact is trapped, so a rounding surfaces as a ValueError, never as a
# silently different value.
_CONTEXT = Context(prec=1000, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow, Inexact])
_MAX_EXPONENT = 400  # digits either side of the point that a single written number may have


class Amount(NamedTuple):
    """An amount as written: the exact value in base units and its canonical unit.

    `unit` is an ISO-style currency code (`"CNY"`, `"KRW"`, `"USD"`, or any other three
    letters the user wrote, upper-cased; the caller checks it against the known rates),
    `"param"`, `"token"`, or None for a bare number.
    """

    value: Decimal
    unit: str | None


# English scale words, any case. K/M/B/T are always 1,000-based, tokens included (`128K tokens`
# is 128,000): the 1,024 reading belongs to display of context windows (format_tokens) only.
_SCALE_WORDS: dict[str, int] = {
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
    "t": 10**12,
    "tn": 10**12,
    "trillion": 10**12,
}

_LATIN_UNITS: dict[str, str] = {
    "cny": "CNY",
    "rmb": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "krw": "KRW",
    "won": "KRW",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "param": "param",
    "params": "param",
    "parameter": "param",
    "parameters": "param",
    "token": "token",
    "tokens": "token",
}

_SYMBOLS: dict[str, str] = {"$": "USD", "us$": "USD", "¥": "CNY", "₩": "KRW"}  # ¥ is read as CNY

# Korean and Chinese words, matched longest first inside unspaced text (`3981亿2000万元`).
# Large multipliers (만/万, 억/亿, 조) separate groups; small ones (천/千, 백/百, 십/十) build
# the number in front of a large one (`2천5백만` = 2,500만) or stand alone (`5천`).
_LARGE: dict[str, int] = {"만": 10**4, "万": 10**4, "萬": 10**4, "억": 10**8, "亿": 10**8, "億": 10**8, "조": 10**12}
_SMALL: dict[str, int] = {"천": 10**3, "千": 10**3, "백": 10**2, "百": 10**2, "십": 10, "十": 10}
_CJK_UNITS: dict[str, str] = {
    "위안": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "人民幣": "CNY",
    "원": "KRW",
    "韩元": "KRW",
    "韓元": "KRW",
    "달러": "USD",
    "美元": "USD",
    "파라미터": "param",
    "参数": "param",
    "參數": "param",
    "토큰": "token",
    "词元": "token",
    "詞元": "token",
}

_NOT_FINITE = frozenset({"nan", "inf", "infinity"})


def currency_word(text: str) -> str | None:
    """The ISO code a currency word stands for (`won`, `원`, `RMB`, `美元`, `¥` …), else None.

    One table for every place a currency is typed: amounts (`600억 위안`) and options
    (`--currency 원`, `--to won`) accept the same words.
    """
    key = text.strip().lower()
    code = _LATIN_UNITS.get(key) or _CJK_UNITS.get(text.strip()) or _SYMBOLS.get(key)
    return code if code is not None and code.isupper() else None


_CJK_ALTERNATIVES = "|".join(
    re.escape(word) for word in sorted({*_LARGE, *_SMALL, *_CJK_UNITS}, key=lambda w: (-len(w), w))
)
_TOKEN_RE = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<num>(?:[0-9][0-9,_]*(?:\.[0-9]+)?|\.[0-9]+)(?:e[+-]?[0-9]+)?)"
    r"|(?P<symbol>us\$|[$¥₩])"
    rf"|(?P<cjk>{_CJK_ALTERNATIVES})"
    r"|(?P<word>[a-z]+)",
    re.IGNORECASE,
)
# What a number may look like: plain, `1_000`, or correctly grouped `1,000,000` (so a
# European `1,5` is an error, not fifteen), then an optional fraction and exponent.
_NUMBER_RE = re.compile(
    r"(?:[0-9]+(?:_[0-9]+)*|[0-9]{1,3}(?:,[0-9]{3})+)?(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?", re.IGNORECASE
)


class _Token(NamedTuple):
    kind: str  # "num", "small", "large", "scale" or "unit"
    raw: str
    number: Decimal = Decimal(0)
    unit: str = ""


def _read_number(raw: str) -> Decimal:
    if not _NUMBER_RE.fullmatch(raw):
        raise ValueError(f"malformed number {raw!r}")
    number = Decimal(raw.replace(",", "").replace("_", ""))
    if number and number.adjusted() > _MAX_EXPONENT:
        raise ValueError("number too large")
    if number and (number.adjusted() < -_MAX_EXPONENT or len(number.as_tuple().digits) > _MAX_EXPONENT):
        raise ValueError("too many digits")
    return number


def _word_token(raw: str) -> _Token:
    word = raw.lower()
    if word in _NOT_FINITE:
        raise ValueError("not a finite number")
    if word in _SCALE_WORDS:
        return _Token("scale", raw, Decimal(_SCALE_WORDS[word]))
    if word in _LATIN_UNITS:
        return _Token("unit", raw, unit=_LATIN_UNITS[word])
    if len(word) == 3:
        return _Token("unit", raw, unit=word.upper())  # a currency code; the caller knows the rates
    raise ValueError(f"unknown word {raw!r}")


def _tokenize(text: str) -> list[_Token]:
    """NFKC-normalised `text` → tokens; spaces only separate. ValueError at the first stranger."""
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            char = text[pos]
            if char in "-−" and not any(t.kind == "num" for t in tokens):
                raise ValueError("amounts cannot be negative")
            raise ValueError(f"unexpected {char!r}")
        pos = match.end()
        raw = match.group()
        kind = match.lastgroup
        if kind == "num":
            tokens.append(_Token("num", raw, _read_number(raw)))
        elif kind == "symbol":
            tokens.append(_Token("unit", raw, unit=_SYMBOLS[raw.lower()]))
        elif kind == "cjk":
            if raw in _LARGE:
                tokens.append(_Token("large", raw, Decimal(_LARGE[raw])))
            elif raw in _SMALL:
                tokens.append(_Token("small", raw, Decimal(_SMALL[raw])))
            else:
                tokens.append(_Token("unit", raw, unit=_CJK_UNITS[raw]))
        elif kind == "word":
            tokens.append(_word_token(raw))
    return tokens


def _large_run(tokens: list[_Token], i: int) -> tuple[Decimal, int]:
    """A run of large multipliers multiplies (`万亿` = 10**12); each must exceed the product so far."""
    product = tokens[i].number
    i += 1
    while i < len(tokens) and tokens[i].kind == "large":
        if tokens[i].number <= product:
            raise ValueError(f"{tokens[i - 1].raw}{tokens[i].raw} is not a number word")
        product *= tokens[i].number
        i += 1
    return product, i


def _number(tokens: list[_Token], i: int) -> tuple[Decimal | None, int, bool]:
    """Read the number at tokens[i:]: (value or None if no digits, next index, plain?).

    Groups are summed from largest to smallest: `78조 681억 2,345만 6,789`, `3981亿2000万`.
    Inside a group, small multipliers descend (`2천5백만`); every multiplier needs digits in
    front of it. `plain` is True for one bare number, the only form a scale word may follow.
    """
    total = Decimal(0)
    coefficient = Decimal(0)  # the group being built, from small multipliers
    pending: Decimal | None = None  # the last number, not yet multiplied
    last_small: Decimal | None = None
    last_group: Decimal | None = None
    numbers = 0
    plain = True
    while i < len(tokens) and tokens[i].kind in ("num", "small", "large"):
        token = tokens[i]
        if token.kind == "num":
            if pending is not None:
                raise ValueError(f"two numbers in a row: {token.raw!r}")
            pending = token.number
            numbers += 1
            i += 1
            continue
        plain = False
        if token.kind == "small":
            if pending is None:
                raise ValueError(f"a number must come before {token.raw}")
            if last_small is not None and token.number >= last_small:
                raise ValueError(f"{token.raw} is out of order")
            coefficient += pending * token.number
            pending, last_small = None, token.number
            i += 1
            continue
        if pending is None and last_small is None:
            raise ValueError(f"a number must come before {token.raw}")
        multiplier, i = _large_run(tokens, i)
        if last_group is not None and multiplier >= last_group:
            raise ValueError(f"{token.raw} is out of order: write the largest group first")
        total += (coefficient + (pending or 0)) * multiplier
        coefficient, pending, last_small, last_group = Decimal(0), None, None, multiplier
    if numbers == 0:
        return None, i, False
    total += coefficient + (pending or 0)
    return total, i, plain and numbers == 1


def _one_unit(tokens: list[_Token]) -> str | None:
    units = {t.unit for t in tokens}
    if len(units) > 1:
        raise ValueError("two units: " + " and ".join(t.raw for t in tokens))
    return units.pop() if units else None


def _units(tokens: list[_Token], i: int) -> tuple[list[_Token], int]:
    start = i
    while i < len(tokens) and tokens[i].kind == "unit":
        i += 1
    return tokens[start:i], i


def _normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def parse_amount(text: str) -> Amount:
    """An amount as people write it → Amount(exact Decimal in base units, canonical unit).

    Accepts, after NFKC normalisation (full-width digits and letters) and trimming:

    - numbers: `60`, `1,000`, `1_000`, `1.93e14` (commas must group thousands);
    - English scales after the number, any case: thousand/k, million/m/mn, billion/b/bn,
      trillion/t/tn (`60B USD`, `$360bn`, `398.12 billion yuan`). K/M/B/T always mean
      1,000-based multiples, for tokens too: `128K tokens` is 128,000;
    - Korean and Chinese groups: 만/万 10**4, 억/亿 10**8, 조 10**12, with 천/千, 백/百, 십/十
      inside a group (`1천억`, `2천5백만`); runs multiply (`1万亿`); groups add, largest first
      (`76조 8,000억 원`, `3981亿2000万元`). Every multiplier needs digits before it;
    - one unit, before or after the number: CNY/RMB/yuan/위안/元/人民币/¥ (¥ is read as CNY),
      KRW/won/원/韩元/₩, USD/dollar(s)/달러/美元/US$/$, any other three-letter word as a currency
      code (`5 EUR` → "EUR"; the caller checks it has a rate), params/parameters/파라미터/参数
      → "param", tokens/토큰/词元 → "token". Repeating the same unit is fine (`人民币398.12亿元`);
      two different ones are not. No unit gives unit None (`235B` → 235e9).

    Raises ValueError with a short message for anything else: empty text, nan/inf, values too
    large for a float, negative amounts, operators (`1+1`, `9**9**9`), two units, unknown
    words, no digits. Never evaluates anything.
    """
    normalized = _normalize(text)
    if not normalized:
        raise ValueError("empty amount")
    tokens = _tokenize(normalized)
    before, i = _units(tokens, 0)
    try:
        with localcontext(_CONTEXT):
            value, i, plain = _number(tokens, i)
            if value is None:
                if i < len(tokens):
                    raise ValueError(f"unexpected {tokens[i].raw!r} before the number")
                raise ValueError("no number")
            if i < len(tokens) and tokens[i].kind == "scale":
                if not plain:
                    raise ValueError(f"{tokens[i].raw!r} cannot follow that number")
                value *= tokens[i].number
                i += 1
            after, i = _units(tokens, i)
            if i < len(tokens):
                raise ValueError(f"unexpected {tokens[i].raw!r}")
            unit = _one_unit(before + after)
            if math.isinf(float(value)):
                raise ValueError("number too large")
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    except DecimalException as exc:
        raise ValueError("number too long to hold exactly") from exc
    return Amount(value, unit)


def parse_unit(text: str) -> tuple[Decimal, str]:
    """A `--to` target → (scale, unit): `KRW` → (1, "KRW"), `원` → (1, "KRW"),
    `T params` → (10**12, "param"), `K tokens` → (1000, "token"), `billion USD` → (10**9, "USD"),
    `억 원` → (10**8, "KRW").

    Same vocabulary as parse_amount, without digits. A scale with no unit is an error.
    """
    normalized = _normalize(text)
    if not normalized:
        raise ValueError("empty unit")
    tokens = _tokenize(normalized)
    if any(t.kind == "num" for t in tokens):
        raise ValueError("expected a unit such as KRW, B params or K tokens, not an amount")
    before, i = _units(tokens, 0)
    scale = Decimal(1)
    if i < len(tokens) and tokens[i].kind == "scale":
        scale = tokens[i].number
        i += 1
    else:
        if i < len(tokens) and tokens[i].kind == "small":
            scale = tokens[i].number
            i += 1
        if i < len(tokens) and tokens[i].kind == "large":
            run, i = _large_run(tokens, i)
            scale *= run
    after, i = _units(tokens, i)
    if i < len(tokens):
        raise ValueError(f"unexpected {tokens[i].raw!r}")
    unit = _one_unit(before + after)
    if unit is None:
        raise ValueError("no unit: say KRW, USD, params, tokens …")
    return scale, unit


# One rounding rule for every converted figure, in every command and language: rounded once,
# from the exact value, to 4 significant digits (no more precise than a rate's date suggests),
# then written out exactly in the language's words — so "11.77 trillion KRW", "11조 7,700억 원"
# and "11.77万亿韩元" are the same number, and no display rounds a rounded figure again.
ESTIMATE_DIGITS = 4


def estimate(value: float, digits: int = ESTIMATE_DIGITS) -> float:
    """Round a converted amount to `digits` significant digits for display (JSON keeps it exact)."""
    if value == 0:
        return 0.0
    d = Decimal(repr(value))
    return float(round(d, digits - d.adjusted() - 1))


def format_rate(value: float) -> str:
    """Enough digits to redo the arithmetic: 196.09, 7.2706, 0.13754."""
    if value >= 100:
        return f"{value:,.2f}"
    if value >= 1:
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return f"{value:.6g}"


# Currency words per language; other codes print as themselves.
_KO_CURRENCY = {"KRW": "원", "CNY": "위안", "USD": "달러"}
_ZH_CURRENCY = {"KRW": "韩元", "CNY": "元", "USD": "美元"}
_EN_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_ZH_SCALES = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))
_KO_GROUPS = ((10**12, "조"), (10**8, "억"), (10**4, "만"))


def _plain(value: Decimal) -> str:
    """Thousands commas, trailing fractional zeros dropped: 1234.50 → '1,234.5'."""
    text = format(value, ",f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _scaled(value: Decimal, scales: tuple[tuple[int, str], ...]) -> tuple[Decimal, str]:
    """`value` (>= the smallest scale) at the largest scale it reaches, rounded to 2 decimals,
    or 3 below 10 so that four significant digits always survive (1,234,000 → 1.234 million).
    A rounding that reaches the next scale moves up: 999,999,999 → 1 billion, not 1,000 million."""

    def at(index: int) -> Decimal:
        scaled = value / scales[index][0]
        return scaled.quantize(Decimal("0.001") if scaled < 10 else Decimal("0.01"), rounding=ROUND_HALF_EVEN)

    index = next(i for i, (scale, _) in enumerate(scales) if value >= scale)
    rounded = at(index)
    if index > 0 and rounded * scales[index][0] >= scales[index - 1][0]:
        index -= 1
        rounded = at(index)
    return rounded, scales[index][1]


def format_money(value: Decimal | float, currency: str, lang: str) -> str:
    """Money for people, in `lang` ("en", "ko" or "zh"), after rounding to the currency's
    display decimals (CURRENCY_DECIMALS, default 2; half to even). Trailing fractional zeros
    are dropped everywhere (`12.5 달러`, `12.5 USD`).

    - en: scale word from a million up, 2 decimals (3 below 10): `76.8 trillion KRW`,
      `398.12 billion CNY`; below a million exact: `1,234.56 USD`, `950 KRW`;
    - ko: exact 조/억/만 groups, zero groups omitted, decimals on the last group, always a
      space before the currency word: `78조 681억 2,345만 6,789 원`, `950 원`, `12.5 달러`;
    - zh: 万亿/亿/万 from 10,000 up, like en otherwise: `3,981.19亿元`, `1万亿元`, `950元`,
      other codes after a space (`5 EUR`).

    The ko form parses back exactly with parse_amount; en and zh do for four significant digits.
    """
    code = currency.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(f"not a currency code: {currency!r}")
    if lang not in ("en", "ko", "zh"):
        raise ValueError(f"unknown language {lang!r}")
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not number.is_finite():
        raise ValueError(f"not a finite amount: {value!r}")
    try:
        with localcontext(_CONTEXT) as ctx:
            ctx.traps[Inexact] = False
            return _format_money(number, code, lang)
    except DecimalException as exc:
        raise ValueError(f"amount too large to show: {value!r}") from exc


def _format_money(number: Decimal, code: str, lang: str) -> str:
    number = number.quantize(Decimal(1).scaleb(-CURRENCY_DECIMALS.get(code, 2)), rounding=ROUND_HALF_EVEN)
    sign = "-" if number < 0 else ""
    number = abs(number)
    if lang == "en":
        if number >= 10**6:
            scaled, word = _scaled(number, _EN_SCALES)
            text = f"{_plain(scaled)} {word}"
        else:
            text = _plain(number)
        return f"{sign}{text} {code}"
    if lang == "zh":
        if number >= 10**4:
            scaled, word = _scaled(number, _ZH_SCALES)
            text = f"{_plain(scaled)}{word}"
        else:
            text = _plain(number)
        return f"{sign}{text}{_ZH_CURRENCY.get(code, ' ' + code)}"
    whole = int(number)
    parts: list[str] = []
    for scale, word in _KO_GROUPS:
        group, whole = divmod(whole, scale)
        if group:
            parts.append(f"{group:,}{word}")
    last = whole + (number - int(number))
    if last or not parts:
        parts.append(_plain(last))
    return f"{sign}{' '.join(parts)} {_KO_CURRENCY.get(code, code)}"

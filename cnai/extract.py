"""Text → candidate statements for `cnai check`: the first of its two steps.

Extraction knows languages and number words, not the registry: it finds the places in an
article where something checkable is *stated* — a currency conversion, an amount of money,
a parameter count, a context length, a release date, a benchmark-style score, a licence,
"open source", MoE or dense, a number of languages — and reads what is stated there. Which
model a statement is about, and whether it is true, is the judge's business (`judge.py`).

Spans count Unicode code points of the text as given (the CLI strips a BOM and keeps newlines).
Matching runs on an NFKC-normalised copy (full-width digits and letters, compatibility forms)
with a map back to the original positions, so a span always points at what the reader wrote.
Everything is rule-based and deterministic: regular expressions and `numbers.parse_amount`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any, NamedTuple

from cnai.numbers import Amount, parse_amount

KINDS = (
    "conversion",
    "money",
    "params",
    "context",
    "date",
    "score",
    "license",
    "open_weights",
    "architecture",
    "languages",
)


class Sentence(NamedTuple):
    start: int  # in the normalised text
    end: int
    paragraph: int


class Statement(NamedTuple):
    """One checkable statement: what kind, where (original code points), what it says."""

    kind: str
    start: int  # span in the original text
    end: int
    sentence: int  # index into Text.sentences
    values: dict[str, Any]
    at: int  # position in the normalised text (for distances to mentions)
    to: int


class Text:
    """The article, normalised for matching, with a map back to the original code points."""

    def __init__(self, original: str) -> None:
        self.original = original
        chars: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(original):
            normal = unicodedata.normalize("NFKC", char) if ord(char) > 0x7F else char
            for piece in normal:
                chars.append(piece)
                origin.append(index)
        self.norm = "".join(chars)
        self._origin = origin
        self.sentences = _sentences(self.norm)
        self._starts = [s.start for s in self.sentences]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised [start, end) → original [start, end)."""
        if start >= end:
            return self._origin[start] if start < len(self._origin) else len(self.original), self._origin[start]
        return self._origin[start], self._origin[end - 1] + 1

    def sentence_of(self, position: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(self._starts, position) - 1)

    def line_of(self, original_position: int) -> int:
        return self.original.count("\n", 0, original_position) + 1


# A sentence ends at . ! ? 。！？ followed by a space or a line end (not inside 4.5 or 2025.5),
# or at a line break; paragraphs are lines.
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])(?:[\"'”’」』)]*)\s+|(?<=[。！？])|\n+")


def _sentences(text: str) -> list[Sentence]:
    result: list[Sentence] = []
    paragraph = 0
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() == match.start() and match.start() == start:
            continue
        end = match.start() if match.group().strip() == "" or "\n" in match.group() else match.end()
        if text[start:end].strip():
            result.append(Sentence(start, match.end(), paragraph))
        if "\n" in match.group():
            paragraph += 1
        start = match.end()
    if text[start:].strip():
        result.append(Sentence(start, len(text), paragraph))
    if not result:
        result.append(Sentence(0, len(text), 0))
    return result


# --------------------------------------------------------------------------- vocabulary

_MULT = "만万萬억亿億조천千백百십十"
_DIGITS = r"\d[\d,]*(?:\.\d+)?"
# `3981亿2000万`, `1조 2000억`, `12만8000`, `1万亿`, `6710억`, `671`, `1,000`, `88.9`.
_NUMBER = rf"(?:{_DIGITS} ?[{_MULT}]+ ?)*{_DIGITS}(?: ?[{_MULT}]+)?"
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|tn|[kmbt])(?![a-z])"
_CURRENCY_BEFORE = r"(?:US\$|HK\$|\$|¥|₩|(?:USD|CNY|KRW|RMB)(?= ?\d)|人民币|人民幣)"
_CURRENCY_AFTER = (
    r"(?:위안화|위안|달러|韩元|韓元|美元|人民币|人民幣|元|원(?![래인가리칙형천])"
    r"|dollars?|yuan|renminbi|won\b|USD|CNY|KRW|RMB)"
)
_MONEY = (
    rf"(?:(?P<{{n}}cb>{_CURRENCY_BEFORE}) ?)?(?P<{{n}}num>{_NUMBER})(?: ?(?P<{{n}}scale>{_SCALE}))?"
    rf"(?: ?(?P<{{n}}ca>{_CURRENCY_AFTER}))?"
)
# What may stand between an amount and its conversion: (약 …), （约合…）, "or about".
_ABOUT = (
    r"(?:약|대략|about|approximately|approx\.|around|roughly|some|nearly|约合|約合|约|約|折合|合|相当于|相當於|≈|~|US)?"
)


def _money(name: str) -> str:
    return _MONEY.replace("{n}", name)


_CONVERSION_RE = re.compile(
    rf"(?<![0-9A-Za-z.]){_money('a')}"
    rf"(?: ?[(（] ?{_ABOUT} ?|[,，、]? ?(?:or |i\.e\. )?(?:약|about|approximately|roughly|around|约合|約合|折合|相当于|相當於|合) ?)"
    rf"{_money('b')}",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"[^()（）\n]{0,12}?[)）]")
_MONEY_RE = re.compile(rf"(?<![0-9A-Za-z.]){_money('a')}", re.IGNORECASE)

# Parameters: `671B 파라미터`, `6710억 개의 파라미터`, `2350亿参数`, `671 billion parameters`,
# `671B-parameter`, and the reverse order `파라미터 6710억 개`, `总参数2350亿`, `激活参数220亿`.
_PARAM_WORD = r"(?:파라미터|매개변수|매개 변수|parameters?|params?|参数量?|參數量?)"
_COUNT = rf"(?P<num>{_NUMBER})(?: ?(?P<scale>{_SCALE}))?"
_PARAMS_AFTER = re.compile(
    rf"(?<![0-9A-Za-z.\-]){_COUNT}(?: ?(?:개의?|個|个|-))? ?(?P<role>(?:total|active|activated|활성|激活|总|總) ?)?{_PARAM_WORD}",
    re.IGNORECASE,
)
_PARAMS_BEFORE = re.compile(
    rf"(?P<role>총|전체|활성|total|active|activated|激活|总|總)? ?{_PARAM_WORD}(?:\([^()\n]{{1,10}}\))?(?: ?(?:수|규모|는|은|가|이|에|:|：|of|为|為|达|達|约|約|共|是|规模|規模))* ?"
    rf"{_COUNT}(?![0-9A-Za-z.])",
    re.IGNORECASE,
)
# Active counts said without a parameter word, in a sentence that has one: "only 2.2 billion
# are active", "활성화되는 건 고작 340억 개", "每个token激活 45.9亿".
_ACTIVE_COUNT = re.compile(
    rf"(?<![0-9A-Za-z.\-])(?P<num>{_NUMBER})(?: ?(?P<scale>{_SCALE}))? (?:parameters? )?(?:are |is )?(?:active|activated)\b"
    rf"|(?:활성화?되는 ?(?:건|것은?)?|激活了?|啟動|启动|activates?)[^\n.,。，;；\d]{{0,8}}?(?P<num2>{_NUMBER})(?: ?(?P<scale2>{_SCALE}))?(?: ?(?:개|個|个))?",
    re.IGNORECASE,
)
_PARAM_WORD_RE = re.compile(_PARAM_WORD, re.IGNORECASE)
_ACTIVE_NEARBY = re.compile(r"활성|active|activated|激活|啟用|启用", re.IGNORECASE)
# `7B와 671B 파라미터`, `7B and 671B parameters`: bare sizes listed before a parameter count.
_SIZE_LIST = re.compile(
    rf"(?<![0-9A-Za-z.\-])(?P<num>{_DIGITS}) ?(?P<scale>[bm]|[억亿億])(?: ?(?:와|과|및|and|or|,|、|和|与|與|及|/) ?)$",
    re.I,
)

_CONTEXT_WORDS = re.compile(
    r"컨텍스트|맥락|문맥|긴 문서|긴 글|context|上下文|长文本|長文本|window|윈도우|입력 길이|input length", re.IGNORECASE
)
_TRAINING_WORDS = re.compile(r"학습|훈련|사전|train|pre-?train|corpus|data|데이터|语料|語料|训练|訓練|数据|數據", re.I)
_CONTEXT_RE = re.compile(
    rf"(?<![0-9A-Za-z.\-])(?P<num>{_NUMBER})(?: ?(?P<scale>[km]|thousand|million))?(?![a-z])"
    r"(?: ?-?(?P<unit>토큰|tokens?|词元|詞元|token|컨텍스트|context|上下文))",
    re.IGNORECASE,
)
_PER = re.compile(r"(?:per|/|每|당) ?$", re.IGNORECASE)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
_MONTH = rf"(?P<mon>{_MONTH_NAMES})\.?"
_DATE_RE = re.compile(
    r"(?:(?P<y1>\d{4}) ?년 ?)?(?<!\d)(?P<m1>\d{1,2}) ?월 ?(?P<d1>\d{1,2}) ?일"
    r"|(?:(?P<y2>\d{4}) ?年 ?)?(?<!\d)(?P<m2>\d{1,2}) ?月 ?(?P<d2>\d{1,2}) ?[日号號]"
    rf"|{_MONTH} (?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y3>\d{{4}}))?(?!\d)"
    rf"|(?<!\d)(?P<d4>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon4>{_MONTH_NAMES})(?: (?P<y4>\d{{4}}))?(?!\d)"
    r"|(?<!\d)(?P<y5>20\d\d)[-./] ?(?P<m5>\d{1,2})[-./] ?(?P<d5>\d{1,2})(?!\d)",
)
_RELEASE_WORDS = re.compile(
    r"공개|출시|발표|선보|내놓|릴리스|오픈소스화|배포|release|launch|unveil|introduc|open-?sourc|debut|announc|roll(?:ed)? out"
    r"|发布|發布|發佈|推出|开源|開源|上线|上線|亮相|问世|問世",
    re.IGNORECASE,
)

_SCORE_RE = re.compile(
    r"(?<![0-9A-Za-z.\-])(?P<num>\d{1,4}(?:\.\d+)?) ?(?P<unit>%|퍼센트|％|점|分(?!钟|鐘|之)|points?\b|pts\b)",
    re.IGNORECASE,
)
_LICENSE_RE = re.compile(
    r"(?P<lic>Apache[ -]?(?:License[ ,]*(?:Version )?)?2(?:\.0)?|(?:modified )?MIT(?= ?(?:license|licence|라이선스|라이센스|许可|許可|协议|協議|license))"
    r"|(?<=\b)MIT(?=\b)|(?:Llama|Qwen|DeepSeek|Gemma|Tongyi Qianwen) ?(?:\d+(?:\.\d+)? ?)?(?:Community )?(?:Model )?Licen[cs]e"
    r"|CC[ -]BY(?:-[A-Z]{2})*(?:[ -]\d\.\d)?|GPL-?3(?:\.0)?|BSD[ -]?3?(?:-Clause)?)",
    re.IGNORECASE,
)
_LICENSE_CONTEXT = re.compile(r"licen[cs]e|라이선스|라이센스|许可|許可|协议|協議|授权|授權", re.IGNORECASE)
_OPEN_RE = re.compile(
    r"(?P<word>오픈 ?소스|open[- ]?sourc\w*|open[- ]weights?|开源|開源|开放权重|開放權重|가중치(?:를)? 공개"
    r"|(?P<closed>폐쇄형|비공개 모델|closed[- ]source|closed[- ]weights?|proprietary|闭源|閉源))",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"^.{0,6}(?:아니|않|not|n't|非)|(?:not|non-|非|不|未) ?$", re.IGNORECASE)
_ARCH_RE = re.compile(
    r"(?P<moe>MoE|mixture[- ]of[- ]experts?|전문가 ?혼합|혼합 ?전문가|混合专家|混合專家|專家混合|专家混合)"
    r"|(?P<dense>(?<![\w])dense(?! ?(?:retrieval|vector|embedding))|밀집형?|덴스|稠密)",
    re.IGNORECASE,
)
_LANGUAGES_RE = re.compile(
    r"(?<![0-9A-Za-z.])(?P<num>\d{2,3}) ?(?:개 ?(?:의 )?|种|種|个|個|여 ?개 ?)?(?P<word>언어|languages?\b|语言|語言)",
    re.IGNORECASE,
)
_APPROX_PREFIX = re.compile(
    r"(?:약|대략|about|approximately|around|roughly|nearly|近|约|約|逾|超过|超過|over|more than) ?$", re.I
)
_MORE_THAN = re.compile(r"(?:over|more than|超过|超過|逾|이상|넘는|넘게|여)", re.I)


# --------------------------------------------------------------------------- readers


def _amount(text: str) -> Amount | None:
    try:
        amount = parse_amount(text)
    except ValueError:
        return None
    return amount if amount.value > 0 else None


def _money_at(match: re.Match[str], name: str) -> Amount | None:
    """The money amount of group set `name` (a/b) of a match: needs a currency on either side."""
    before, after = match.group(f"{name}cb"), match.group(f"{name}ca")
    if not before and not after:
        return None
    parts = [before or "", match.group(f"{name}num"), match.group(f"{name}scale") or "", after or ""]
    amount = _amount(" ".join(p for p in parts if p))
    if amount is None or amount.unit in ("param", "token", None):
        return None
    return amount


def _count(num: str, scale: str | None, unit: str = "") -> int | None:
    amount = _amount(f"{num} {scale or ''} {unit}".strip())
    if amount is None:
        return None
    return int(amount.value) if amount.value == amount.value.to_integral_value() else None


class Extractor:
    """Runs every reader over a Text and collects Statements in reading order."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self.found: list[Statement] = []
        self._taken: list[tuple[int, int, str]] = []

    def add(self, kind: str, start: int, end: int, values: dict[str, Any]) -> None:
        for a, b, k in self._taken:
            if k == kind and start < b and a < end:
                return  # the same place read twice (two patterns agree): keep the first
        self._taken.append((start, end, kind))
        o_start, o_end = self.text.span(start, end)
        self.found.append(Statement(kind, o_start, o_end, self.text.sentence_of(start), values, start, end))

    def run(self) -> list[Statement]:
        norm = self.text.norm
        self._conversions(norm)
        self._money(norm)
        self._params(norm)
        self._context(norm)
        self._dates(norm)
        self._scores(norm)
        self._licenses(norm)
        self._open(norm)
        self._architecture(norm)
        self._languages(norm)
        found = _merge(sorted(self.found, key=lambda s: (s.start, KINDS.index(s.kind))))
        return [self._closed(st) for st in found]

    def _closed(self, st: Statement) -> Statement:
        """A span that opened a bracket (`전문가 혼합(MoE`) takes its closing one too."""
        inside = self.text.norm[st.at : st.to]
        if inside.count("(") > inside.count(")") and self.text.norm[st.to : st.to + 1] == ")":
            start, end = self.text.span(st.at, st.to + 1)
            return st._replace(start=start, end=end, to=st.to + 1)
        return st

    def _conversions(self, norm: str) -> None:
        for m in _CONVERSION_RE.finditer(norm):
            first, second = _money_at(m, "a"), _money_at(m, "b")
            if first is None or second is None or first.unit == second.unit:
                continue
            end = m.end()
            closing = _CLOSING.match(norm, end) if "(" in m.group() or "（" in m.group() else None
            self.add("conversion", m.start(), closing.end() if closing else end, {"amount": first, "stated": second})

    def _money(self, norm: str) -> None:
        for m in _MONEY_RE.finditer(norm):
            amount = _money_at(m, "a")
            if amount is None:
                continue
            self.add("money", m.start(), m.end(), {"amount": amount})

    def _params(self, norm: str) -> None:
        for regex in (_PARAMS_AFTER, _PARAMS_BEFORE):
            for m in regex.finditer(norm):
                value = _count(m.group("num"), m.group("scale"))
                if value is None or value < 10**6:
                    continue  # "3 parameters" is not a model size
                role = _role(m.group("role"), norm[max(0, m.start() - 8) : m.start()])
                self.add("params", m.start(), m.end(), {"value": value, "role": role})
                if regex is _PARAMS_AFTER:
                    self._size_list(norm, m.start(), role)
        for m in _ACTIVE_COUNT.finditer(norm):
            sentence = self.text.sentences[self.text.sentence_of(m.start())]
            if not _PARAM_WORD_RE.search(norm[sentence.start : sentence.end]):
                continue
            num, scale = (m.group("num"), m.group("scale")) if m.group("num") else (m.group("num2"), m.group("scale2"))
            value = _count(num, scale)
            if value is None or value < 10**6:
                continue
            start = m.start() if m.group("num") else m.start("num2")
            self.add("params", start, m.end(), {"value": value, "role": "active"})

    def _size_list(self, norm: str, end: int, role: str | None) -> None:
        """`7B와 671B 파라미터`: the bare sizes listed just before a parameter count."""
        while True:
            m = _SIZE_LIST.search(norm[max(0, end - 24) : end])
            if m is None:
                return
            base = max(0, end - 24)
            value = _count(m.group("num"), m.group("scale"))
            if value is None:
                return
            self.add("params", base + m.start("num"), base + m.end("scale"), {"value": value, "role": role})
            end = base + m.start()

    def _context(self, norm: str) -> None:
        for m in _CONTEXT_RE.finditer(norm):
            sentence = self.text.sentences[self.text.sentence_of(m.start())]
            words = norm[sentence.start : sentence.end]
            if m.group("unit").lower() in ("토큰", "tokens", "token", "词元", "詞元") and not _CONTEXT_WORDS.search(
                words
            ):
                continue  # tokens of training data or prices, not a context window
            if _PER.search(norm[max(0, m.start() - 5) : m.start()]):
                continue  # "per 1M tokens" is a price unit
            if _TRAINING_WORDS.search(norm[max(0, m.start() - 15) : m.start()]):
                continue
            value = _count(m.group("num"), m.group("scale"))
            if value is None or value < 1000:
                continue
            self.add(
                "context", m.start(), m.end(), {"tokens": value, "written": m.group("num") + (m.group("scale") or "")}
            )

    def _dates(self, norm: str) -> None:
        for m in _DATE_RE.finditer(norm):
            parsed = _date_parts(m)
            if parsed is None:
                continue
            year, month, day = parsed
            sentence = self.text.sentences[self.text.sentence_of(m.start())]
            release = bool(_RELEASE_WORDS.search(norm[sentence.start : sentence.end]))
            self.add("date", m.start(), m.end(), {"year": year, "month": month, "day": day, "release": release})

    def _scores(self, norm: str) -> None:
        for m in _SCORE_RE.finditer(norm):
            unit = "%" if m.group("unit") in ("%", "％", "퍼센트") else "points"
            self.add("score", m.start(), m.end(), {"value": float(m.group("num")), "unit": unit})

    def _licenses(self, norm: str) -> None:
        for m in _LICENSE_RE.finditer(norm):
            raw = m.group("lic")
            sentence = self.text.sentences[self.text.sentence_of(m.start())]
            if raw.upper() == "MIT" and not _LICENSE_CONTEXT.search(norm[sentence.start : sentence.end]):
                continue  # MIT the university, not the licence
            self.add("license", m.start(), m.end(), {"license": raw})

    def _open(self, norm: str) -> None:
        for m in _OPEN_RE.finditer(norm):
            stated = m.group("closed") is None
            around = norm[max(0, m.start() - 8) : m.start()] + "|" + norm[m.end() : m.end() + 8]
            before, after = around.split("|", 1)
            if _NEGATION.search(after) or re.search(r"(?:not|non-|非|不|未) ?$", before, re.I):
                stated = not stated
            self.add("open_weights", m.start(), m.end(), {"open_weights": stated})

    def _architecture(self, norm: str) -> None:
        for m in _ARCH_RE.finditer(norm):
            kind = "moe" if m.group("moe") else "dense"
            self.add("architecture", m.start(), m.end(), {"architecture": kind})

    def _languages(self, norm: str) -> None:
        for m in _LANGUAGES_RE.finditer(norm):
            before = norm[max(0, m.start() - 12) : m.start()]
            approx = bool(_APPROX_PREFIX.search(before) or _MORE_THAN.search(norm[m.start() : m.end() + 4]))
            self.add("languages", m.start(), m.end(), {"languages": int(m.group("num")), "approximate": approx})


def _merge(found: list[Statement]) -> list[Statement]:
    """One statement for one thing said twice side by side: `전문가 혼합(MoE)`, `开源（open-source）`."""
    merged: list[Statement] = []
    for st in found:
        for i, prev in enumerate(merged):
            if (
                prev.kind == st.kind
                and prev.kind in ("architecture", "open_weights", "license")
                and prev.values == st.values
                and prev.sentence == st.sentence
                and 0 <= st.at - prev.to <= 2
            ):
                merged[i] = prev._replace(end=st.end, to=st.to)
                break
        else:
            merged.append(st)
    return merged


def _role(group: str | None, before: str) -> str | None:
    word = (group or "").strip().lower()
    if word in ("active", "activated", "활성", "激活"):
        return "active"
    if word in ("total", "총", "전체", "总", "總"):
        return "total"
    if _ACTIVE_NEARBY.search(before):
        return "active"
    return None


def _date_parts(m: re.Match[str]) -> tuple[int | None, int, int] | None:
    g = m.groupdict()
    for y, mo, d in (("y1", "m1", "d1"), ("y2", "m2", "d2"), ("y5", "m5", "d5")):
        if g[mo]:
            year, month, day = (int(g[y]) if g[y] else None), int(g[mo]), int(g[d])
            break
    else:
        if g["mon"]:
            year, month, day = (int(g["y3"]) if g["y3"] else None), _MONTHS[g["mon"][:3].lower()], int(g["d3"])
        else:
            year, month, day = (int(g["y4"]) if g["y4"] else None), _MONTHS[g["mon4"][:3].lower()], int(g["d4"])
    try:
        date(year or 2024, month, day)  # 2024: a leap year, so 29 February stands
    except ValueError:
        return None
    return year, month, day


def extract(text: Text) -> list[Statement]:
    """Every candidate statement of `text`, in reading order."""
    return Extractor(text).run()


# --------------------------------------------------------------------------- the article's date

_DATELINE_LABEL = (
    r"(?:입력|수정|등록|기사입력|발행|송고|게재|发布时间|發布時間|发布于|發布於|发表于|發表於|时间|時間|日期|来源|來源"
    r"|published|updated|posted|date|first published|last updated)"
)
_DATELINE_DATES = (
    r"(?P<y>20\d\d)(?: ?[.\-/] ?|년 ?|年)(?P<m>\d{1,2})(?: ?[.\-/] ?|월 ?|月)(?P<d>\d{1,2})(?:일|日)?\.?"
    rf"|{_MONTH} (?P<d2>\d{{1,2}}),? (?P<y2>20\d\d)"
    rf"|(?P<d3>\d{{1,2}}) (?P<mon3>{_MONTH_NAMES}) (?P<y3>20\d\d)"
)
_DATELINE_RE = re.compile(
    rf"^[ \t]*(?:[^\n]{{0,30}}?{_DATELINE_LABEL}[ \t]*[:：]?[ \t]*|by [^\n]{{1,40}}?[·|,\-–—][ \t]*)?(?:{_DATELINE_DATES})"
    rf"(?:[ \t]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[ \t]*(?:AM|PM|KST|CST|UTC|GMT|EST|EDT|PST|PDT|\+\d{{2}}:?\d{{2}}))?)?"
    r"(?P<rest>[^\n]{0,40})$",
    re.IGNORECASE | re.MULTILINE,
)


class Dateline(NamedTuple):
    date: date
    start: int  # original code points
    end: int


def find_dateline(text: Text) -> Dateline | None:
    """The article's own date: a line that is a date (with a time or label such as 입력,
    发布时间, Published), as newsrooms print it: `2025. 5. 11. 14:30`, `2025年5月11日`,
    `May 11, 2025`. The first such line wins; a date inside running prose is not a dateline."""
    for m in _DATELINE_RE.finditer(text.norm):
        rest = m.group("rest") or ""
        if len(rest.strip()) > 30 or _RELEASE_WORDS.search(rest):
            continue
        g = m.groupdict()
        try:
            if g["y"]:
                when = date(int(g["y"]), int(g["m"]), int(g["d"]))
            elif g["y2"]:
                when = date(int(g["y2"]), _MONTHS[g["mon"][:3].lower()], int(g["d2"]))
            else:
                when = date(int(g["y3"]), _MONTHS[g["mon3"][:3].lower()], int(g["d3"]))
        except ValueError:
            continue
        start, end = text.span(m.start(), m.end())
        return Dateline(when, start, end)
    return None


_YEAR_RE = re.compile(r"(?<!\d)(?P<y>20\d\d) ?(?:년|年)|(?<![\d.])(?:in |by |of )?(?P<y2>20\d\d)(?![\d.\-/])")


def latest_mentioned(text: Text, statements: list[Statement], today: date) -> date | None:
    """The latest date the text itself mentions, not after `today`: an article is no older than
    the events it reports. Dates without a year take the latest year the text names (not after
    today's). None when the text names no full date and no month with a year."""
    years = [int(m.group("y") or m.group("y2")) for m in _YEAR_RE.finditer(text.norm)]
    years = [y for y in years if 2000 <= y <= today.year]
    best: date | None = None
    for s in statements:
        if s.kind != "date":
            continue
        year = s.values["year"] or (max(years) if years else None)
        if year is None:
            continue
        try:
            when = date(year, s.values["month"], s.values["day"])
        except ValueError:
            continue
        if when <= today and (best is None or when > best):
            best = when
    return best

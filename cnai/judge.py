"""Statement + registry → verdict: the second step of `cnai check`.

`extract.py` says what a text states and where; this module decides what it is about and
whether the registry agrees. It finds the models a text names (any id, name or alias in any
script, and the wrong names the registry records as misnomers), links each statement to the
model it most likely speaks of, and judges it. Precision comes first, because a checker that
cries wolf is switched off:

- a statement with no model in its sentence is about nothing we can name, unless the sentence
  points back (`이 모델은`, `该模型`, `the model`, `671B 모델은`) to the last model named before;
- a statement is judged against every model its sentence names, nearest first, and is only
  wrong when none of them makes it right;
- a family named as a whole (`Qwen3`) is right when one of its models fits, overstated when a
  claim about all of them holds for some only, and wrong only on a clear contradiction;
- a figure the registry does not hold is `unverifiable`, a model it does not know `unknown`.

Explanations come from the message catalogue (`messages.py`) in the reader's language.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from cnai.extract import Statement, Text, extract, find_dateline, latest_mentioned
from cnai.messages import say
from cnai.names import normalize_name
from cnai.numbers import estimate, format_count, format_money, format_rate, format_tokens

if TYPE_CHECKING:
    from cnai.registry import Registry
    from cnai.schema import Model
    from cnai.units import Converter, RateUsed

VERDICTS = ("right", "wrong", "overstated", "unverifiable", "unknown")
FINDING_KINDS = (
    "conversion", "params", "context", "release", "benchmark", "license", "open_weights",
    "architecture", "languages", "funding", "name",
)  # fmt: skip

# Tolerances, written down once: a conversion within 3% of the day's rate is right (rates move
# within a day and writers round); beyond 25%, or off by a power of ten, it is wrong; between
# the two the date decides, which the text may not give, so it is unverifiable. Counts within
# 3% agree (685B with the MTP module for 671B; 128K for 131,072 tokens).
RATE_TOLERANCE = 0.03
RATE_WRONG = 0.25
COUNT_TOLERANCE = 0.03
LAUNCH_DAYS = 30  # a family date this close after its first release speaks of the launch


class Mention(NamedTuple):
    start: int  # normalised text
    end: int
    kind: str  # "model" | "family" | "unknown"
    ident: str | None  # model or family id; None for an unknown name
    written: str
    misnomer: bool = False


class Subject(NamedTuple):
    """What a statement is judged against: one model, or a family as a whole."""

    kind: str  # "model" | "family" | "unknown"
    ident: str | None
    models: tuple[Model, ...]
    written: str


class Finding(NamedTuple):
    start: int
    end: int
    line: int
    text: str
    kind: str
    model: str | None
    family: str | None
    stated: dict[str, Any]
    registry: dict[str, Any] | None
    verdict: str
    explanation: str
    sources: tuple[str, ...]
    sentence: tuple[int, int]  # original span of the sentence, for display


class ArticleDate(NamedTuple):
    value: date
    basis: str  # "option" | "dateline" | "text" | "today"


class Report(NamedTuple):
    date: ArticleDate
    findings: list[Finding]

    def counts(self) -> dict[str, int]:
        return {v: sum(1 for f in self.findings if f.verdict == v) for v in VERDICTS}

    @property
    def failed(self) -> bool:
        return any(f.verdict in ("wrong", "overstated") for f in self.findings)


class Verdict(NamedTuple):
    verdict: str
    explanation: str
    registry: dict[str, Any] | None
    sources: tuple[str, ...] = ()


# --------------------------------------------------------------------------- mentions

# Generic words that begin some model names (Step3, Seed-OSS, Ring, Ling) or are common English
# or Korean words (미모 means "good looks"): never taken as an unknown model's stem.
_NOT_STEMS = frozenset({"step", "seed", "ring", "ling", "intern", "open", "chat", "the", "model", "hy"})
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")


class Namer:
    """Finds the registry's models and families in a text, longest name first."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        keys: dict[str, tuple[str, str, bool]] = {}
        for family in reg.families.values():
            for name in (family.id, family.name, *family.names.values(), *family.aliases):
                keys.setdefault(normalize_name(name), ("family", family.id, False))
            for name in family.misnomers:
                keys[normalize_name(name)] = ("family", family.id, True)
        for model in reg.models.values():
            for name in (model.id, model.name, *model.names.values(), *model.aliases):
                key = normalize_name(name)
                if keys.get(key, ("", "", False))[0] != "model":
                    keys[key] = ("model", model.id, False)
            for name in model.misnomers:
                keys[normalize_name(name)] = ("model", model.id, True)
        self.keys = {k: v for k, v in keys.items() if len(k) >= 2}
        alternatives = sorted(self.keys, key=lambda k: (-len(k), k))
        self._regex = re.compile("|".join(re.escape(k) for k in alternatives))
        stems = {m.group() for f in reg.families.values() if (m := re.match(r"[A-Za-z]{3,}", f.name))}
        stems = {s for s in stems if s.lower() not in _NOT_STEMS}
        # An unknown model: a known stem with a version the registry lacks (`Qwen4`, `GLM-6`).
        self._unknown = re.compile(
            r"(?<![0-9A-Za-z])(?:" + "|".join(sorted(map(re.escape, stems), key=len, reverse=True)) + r")"
            r"[- ]?[A-Za-z]?\d+(?:\.\d+)?(?:-[0-9A-Za-z.]+)*(?![0-9A-Za-z])",
            re.IGNORECASE,
        ) if stems else None  # fmt: skip

    def find(self, norm: str) -> list[Mention]:
        skeleton, where = _skeleton(norm)
        found: list[Mention] = []
        for m in self._regex.finditer(skeleton):
            start, end = where[m.start()], where[m.end() - 1] + 1
            if not _bounded(norm, start, end):
                continue
            kind, ident, misnomer = self.keys[m.group()]
            found.append(Mention(start, end, kind, ident, norm[start:end], misnomer))
        # finditer is leftmost-first; a later, longer name overlapping an earlier one is dropped
        # by it already. Unknown names: a stem + version no known mention covers.
        if self._unknown is not None:
            for m in self._unknown.finditer(norm):
                if any(f.start < m.end() and m.start() < f.end for f in found):
                    continue
                if normalize_name(m.group()) in self.keys:
                    continue
                found.append(Mention(m.start(), m.end(), "unknown", None, m.group()))
        return sorted(found)


def _skeleton(norm: str) -> tuple[str, list[int]]:
    """The text as names are keyed (case-folded, no spaces/hyphens/underscores) + positions."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(norm):
        if char.isspace() or char in "-_":
            continue
        for piece in char.casefold():
            chars.append(piece)
            where.append(index)
    return "".join(chars), where


def _bounded(norm: str, start: int, end: int) -> bool:
    """A name stands alone: no Latin letter or digit glued to either side (`qwen3` is not in
    `qwen3.5`), while Korean particles may follow (`큐원3는`)."""
    before = norm[start - 1] if start > 0 else " "
    after = norm[end] if end < len(norm) else " "
    if _ASCII_WORD.match(norm[start]) and _ASCII_WORD.match(before):
        return False
    if _ASCII_WORD.match(norm[end - 1]) and _ASCII_WORD.match(after):
        return False
    if norm[end - 1].isdigit() and after == "." and end + 1 < len(norm) and norm[end + 1].isdigit():
        return False
    return True


# --------------------------------------------------------------------------- linking

# A sentence that speaks of the model named before: "이 모델은", "해당 모델", "该模型", "the model".
_ANAPHOR = re.compile(
    r"(?:^|[\s,])(?:이|해당|그|동) ?모델"
    r"|(?:该|這|这|此|这款|這款|这个|這個|该款)(?:模型|款)"
    r"|\b(?:the|this|that|its) (?:new )?model\b|^(?:It|Its)\b|它",
    re.IGNORECASE,
)
# "671B 모델은", "the 671B model", "671B版本": one size of the family named before.
_SIZE_REFERENCE = re.compile(
    r"(?<![\w.\-])(?P<size>\d+(?:\.\d+)?) ?(?P<scale>[BbMm])(?:-parameter)? ?(?:모델|model|version|버전|版本|模型|版)",
)


class Linker:
    """Which models each statement may speak of, nearest first."""

    def __init__(self, reg: Registry, text: Text, mentions: list[Mention]) -> None:
        self.reg = reg
        self.text = text
        self.by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            self.by_sentence.setdefault(text.sentence_of(mention.start), []).append(mention)

    def subjects(self, st: Statement) -> list[Subject]:
        own = list(self.by_sentence.get(st.sentence, []))
        sentence = self.text.sentences[st.sentence]
        words = self.text.norm[sentence.start : sentence.end]
        pointers: list[Mention] = []
        referent = self._referent(st.sentence)
        if referent:
            for match in _ANAPHOR.finditer(words):
                at = sentence.start + match.start()
                pointers += [r._replace(start=at, end=sentence.start + match.end()) for r in referent]
            for match in _SIZE_REFERENCE.finditer(words):
                sized = self._sized(referent, match.group("size") + match.group("scale"))
                if sized is not None:
                    at = sentence.start + match.start()
                    pointers.insert(0, sized._replace(start=at, end=sentence.start + match.end()))
        candidates = own + pointers
        limit = _REACH.get(st.kind)
        if st.kind == "open_weights" and not st.values["open_weights"]:
            limit = 12  # "closed models" is mostly a category: only a model named right beside it
        if limit is not None:
            candidates = [m for m in candidates if _distance(m, st) <= limit]
        candidates.sort(key=lambda m: _distance(m, st))
        subjects: list[Subject] = []
        seen: set[tuple[str, str | None]] = set()
        key: tuple[str, str | None]
        for mention in candidates:
            if mention.kind == "unknown":
                key = ("unknown", normalize_name(mention.written))
            else:
                key = (mention.kind, mention.ident)
            if key in seen:
                continue
            seen.add(key)
            subjects.append(self._subject(mention))
        return subjects

    def _referent(self, index: int) -> list[Mention]:
        """The models named last before sentence `index`, in its paragraph or the one before."""
        paragraph = self.text.sentences[index].paragraph
        for earlier in range(index - 1, -1, -1):
            if self.text.sentences[earlier].paragraph < paragraph - 1:
                break
            named = [m for m in self.by_sentence.get(earlier, []) if m.kind != "unknown"]
            if named:
                return list(reversed(named))
        return []

    def _sized(self, referent: list[Mention], size: str) -> Mention | None:
        from cnai.numbers import parse_count

        wanted = parse_count(size)
        for mention in referent:
            models = self._models(mention)
            for model in models:
                if model.params_total == wanted:
                    return Mention(mention.start, mention.end, "model", model.id, model.name)
        return None

    def _models(self, mention: Mention) -> tuple[Model, ...]:
        if mention.kind == "model" and mention.ident is not None:
            return (self.reg.models[mention.ident],)
        if mention.kind == "family" and mention.ident is not None:
            return tuple(self.reg.family_models(mention.ident))
        return ()

    def _subject(self, mention: Mention) -> Subject:
        return Subject(mention.kind, mention.ident, self._models(mention), mention.written)


# In all three languages the subject mostly comes before what is said of it ("해당 모델은 …
# 81.9점으로 딥시크 V3를 상회", "Qwen3 scores 85.7, beating R1"): a model named after a
# statement is taken as that much farther away.
AFTER_PENALTY = 20
# A word said of a model (open source, MoE, a licence) stands near its name; farther off it is
# said of something else ("차별화된 폐쇄형 AI 모델", "other open-source models such as …").
_REACH = {"open_weights": 30, "license": 40, "architecture": 30}


def _distance(mention: Mention, st: Statement) -> int:
    if mention.end <= st.at:
        return st.at - mention.end
    if mention.start >= st.to:
        return mention.start - st.to + AFTER_PENALTY
    return 0


# --------------------------------------------------------------------------- the check


def check_text(
    reg: Registry, original: str, converter: Converter, *, lang: str, today: date, as_of: date | None = None
) -> Report:
    """Every checkable statement of `original` with its verdict against `reg`."""
    text = Text(original)
    statements = extract(text)
    article = _article_date(text, statements, today, as_of)
    namer = Namer(reg)
    mentions = namer.find(text.norm)
    judge = Judge(reg, text, Linker(reg, text, mentions), converter, lang, article)
    judge.sizes_named = {st.values["value"] for st in statements if st.kind == "params"}
    findings: list[Finding] = []
    for mention in mentions:
        if mention.misnomer:
            findings.append(judge.misnomer(mention))
    for st in statements:
        findings.extend(judge.statement(st))
    findings.sort(key=lambda f: (f.start, FINDING_KINDS.index(f.kind)))
    return Report(article, findings)


def _article_date(text: Text, statements: list[Statement], today: date, as_of: date | None) -> ArticleDate:
    if as_of is not None:
        return ArticleDate(as_of, "option")
    dateline = find_dateline(text)
    if dateline is not None:
        return ArticleDate(dateline.date, "dateline")
    inferred = latest_mentioned(text, statements, today)
    if inferred is not None:
        return ArticleDate(inferred, "text")
    return ArticleDate(today, "today")


class Judge:
    def __init__(
        self, reg: Registry, text: Text, linker: Linker, converter: Converter, lang: str, article: ArticleDate
    ) -> None:
        self.reg = reg
        self.text = text
        self.linker = linker
        self.converter = converter
        self.lang = lang
        self.article = article
        self._bench_names = _benchmark_names(reg)
        self.sizes_named: set[int | None] = set()  # parameter counts the text states anywhere

    # -- findings

    def _finding(
        self, st_start: int, st_end: int, kind: str, subject: Subject | None, stated: dict[str, Any], v: Verdict,
        sentence: int,
    ) -> Finding:  # fmt: skip
        model = family = None
        if subject is not None and subject.kind == "model":
            model = subject.ident
            family = self.reg.models[subject.ident].family if subject.ident else None
        elif subject is not None and subject.kind == "family":
            family = subject.ident
        s = self.text.sentences[sentence]
        span = self.text.span(s.start, s.end)
        return Finding(
            st_start, st_end, self.text.line_of(st_start), self.text.original[st_start:st_end], kind, model, family,
            stated, v.registry, v.verdict, v.explanation, v.sources, span,
        )  # fmt: skip

    def misnomer(self, mention: Mention) -> Finding:
        assert mention.ident is not None
        if mention.kind == "family":
            family = self.reg.families[mention.ident]
            real, ident, sources = family.name, family.flagship, family.sources
        else:
            model = self.reg.models[mention.ident]
            real, ident, sources = model.name, model.id, model.sources
        start, end = self.text.span(mention.start, mention.end)
        v = Verdict(
            "wrong", say("check.name.wrong", self.lang, written=mention.written, real=real),
            {"name": real, "id": ident}, tuple(sources),
        )  # fmt: skip
        subject = Subject(mention.kind, mention.ident, (), mention.written)
        return self._finding(
            start, end, "name", subject, {"name": mention.written}, v, self.text.sentence_of(mention.start)
        )

    def statement(self, st: Statement) -> list[Finding]:
        if st.kind == "conversion":
            return [self._conversion(st)]
        if st.kind == "money":
            found = self._funding(st)
            return [found] if found else []
        if st.kind == "date" and not st.values["release"]:
            return []
        kind = {"date": "release", "score": "benchmark"}.get(st.kind, st.kind)
        stated = dict(st.values)
        bench = None
        if kind == "benchmark":
            bench = self._benchmark_near(st)
            if bench is None:
                return []  # a percentage with no benchmark named beside it
            stated = {"benchmark": bench, **stated}
        subjects = self.linker.subjects(st)
        if not subjects:
            return []  # about no model we can name: out of scope, never a guess
        first: tuple[Subject, Verdict] | None = None
        for subject in subjects:
            v: Verdict | None
            if subject.kind == "unknown":
                v = Verdict("unknown", say("check.unknown", self.lang, written=subject.written), None)
            else:
                v = self._judge(kind, st, subject, bench)
            if v is None:
                continue
            if first is None:
                first = (subject, v)
            if v.verdict == "right":
                first = (subject, v)
                break
        if first is None:
            return []
        subject, v = first
        stated = _stated_json(kind, stated, self.article)
        return [self._finding(st.start, st.end, kind, subject, stated, v, st.sentence)]

    def _judge(self, kind: str, st: Statement, subject: Subject, bench: str | None) -> Verdict | None:
        method = getattr(self, f"_{kind}")
        if kind == "benchmark":
            return method(st, subject, bench)  # type: ignore[no-any-return]
        return method(st, subject)  # type: ignore[no-any-return]

    # -- money

    def _conversion(self, st: Statement) -> Finding:
        amount, stated = st.values["amount"], st.values["stated"]
        value = float(amount.value)
        figure = float(stated.value)
        stated_json = {
            "amount": {"value": _number(amount.value), "currency": amount.unit},
            "converted": {"value": _number(stated.value), "currency": stated.unit},
            "implied_rate": figure / value,
        }
        from cnai.errors import UsageError

        try:
            recomputed, rate = self.converter.money(
                value, amount.unit, stated.unit, figure_date=self.article.value.isoformat()
            )
        except UsageError:
            v = Verdict(
                "unverifiable", say("check.conversion.no_rate", self.lang, pair=f"{amount.unit}→{stated.unit}"), None
            )
            return self._finding(st.start, st.end, "conversion", None, stated_json, v, st.sentence)
        ratio = figure / recomputed
        verdict, explanation = conversion_verdict(
            amount.value, amount.unit, stated.value, stated.unit, recomputed, rate, self.lang
        )
        registry = {
            "rate": rate,  # a RateUsed: the view writes it as the one rate object
            "converted": {"value": recomputed, "currency": stated.unit},
            "ratio": ratio,
        }
        v = Verdict(verdict, explanation, registry, (rate.origin,) if rate.origin else ())
        return self._finding(st.start, st.end, "conversion", None, stated_json, v, st.sentence)

    def _funding(self, st: Statement) -> Finding | None:
        amount = st.values["amount"]
        sentence = self.text.sentences[st.sentence]
        if not _FUNDING_WORDS.search(self.text.norm[sentence.start : sentence.end]):
            return None
        value = float(amount.value)
        stated = {"amount": {"value": _number(amount.value), "currency": amount.unit}}
        for fund in self.reg.funding.values():
            if fund.currency != amount.unit:
                continue
            ratio = value / fund.value
            registry = {
                "fund": fund.id, "name": fund.name, "amount": {"value": _number(fund.value), "currency": fund.currency},
                "date": fund.date,
            }  # fmt: skip
            words = {
                "stated": format_money(amount.value, amount.unit, self.lang),
                "fund": fund.names.get(self.lang, fund.name),
                "value": format_money(fund.value, fund.currency, self.lang),
                "date": fund.date,
            }
            if abs(ratio - 1) <= 0.01:
                v = Verdict("right", say("check.funding.right", self.lang, **words), registry, fund.sources)
            else:
                continue
            return self._finding(st.start, st.end, "funding", None, stated, v, st.sentence)
        return None

    # -- model facts; each returns None when the subject cannot say anything

    def _params(self, st: Statement, subject: Subject) -> Verdict | None:
        value, role = st.values["value"], st.values["role"]
        totals = [m.params_total for m in subject.models if m.params_total]
        actives = [m.params_active for m in subject.models if m.params_active]
        model = subject.models[0] if len(subject.models) == 1 else None
        registry: dict[str, Any] = (
            {"total": model.params_total, "active": model.params_active}
            if model is not None
            else {"totals": sorted(set(totals))}
        )
        sources = _sources(subject.models)
        words = {"stated": format_count(value), "name": self._name(subject)}
        if not totals and not actives:
            return Verdict("unverifiable", say("check.params.unknown", self.lang, **words), None)
        nominal_totals, nominal_actives = _nominal_sizes(subject.models)
        hit_total = any(_close(value, t) for t in totals) or value in nominal_totals
        hit_active = any(_close(value, a) for a in actives) or value in nominal_actives
        if (hit_total and role != "active") or (hit_active and role != "total"):
            key = "check.params.active" if hit_active and not hit_total else "check.params.right"
            return Verdict("right", say(key, self.lang, **words), registry, sources)
        words["known"] = self._params_text(subject)
        if hit_total or hit_active:  # right number, wrong role
            key = "check.params.is_total" if hit_total else "check.params.is_active"
            return Verdict("wrong", say(key, self.lang, **words), registry, sources)
        power = next((p for x in (*totals, *actives) if (p := _power_of_ten(value / x, tolerance=0.02))), 0)
        if power:
            words["factor"] = f"{10 ** abs(power):,}"
            key = "check.params.fraction" if power < 0 else "check.params.multiple"
            return Verdict("wrong", say(key, self.lang, **words), registry, sources)
        if subject.kind == "family":
            # A family may have sizes the registry lacks: only a clear slip is wrong there.
            return Verdict("unverifiable", say("check.params.family_other", self.lang, **words), registry, sources)
        return Verdict("wrong", say("check.params.wrong", self.lang, **words), registry, sources)

    def _params_text(self, subject: Subject) -> str:
        parts = []
        for m in subject.models[:6]:
            if m.params_total:
                size = format_count(m.params_total)
                if m.params_active:
                    size += f"/{format_count(m.params_active)}"
                parts.append(size if len(subject.models) == 1 else f"{m.name} {size}")
        return ", ".join(parts)

    def _context(self, st: Statement, subject: Subject) -> Verdict | None:
        tokens = st.values["tokens"]
        windows = [w for m in subject.models for w in (m.context_native, m.context_max) if w]
        model = subject.models[0] if len(subject.models) == 1 else None
        registry = (
            {"native": model.context_native, "max": model.context_max} if model else {"max": max(windows, default=None)}
        )
        words = {"stated": format_tokens(tokens), "name": self._name(subject)}
        if not windows:
            return Verdict("unverifiable", say("check.context.unknown", self.lang, **words), None)
        sources = _sources(subject.models)
        longest = max(windows)
        words["known"] = ", ".join(format_tokens(w) for w in sorted(set(windows)))
        if any(_close(tokens, w) or _close(tokens * 1024 // 1000, w) for w in windows):
            return Verdict("right", say("check.context.right", self.lang, **words), registry, sources)
        if tokens > longest * (1 + COUNT_TOLERANCE):
            words["longest"] = format_tokens(longest)
            return Verdict("wrong", say("check.context.longer", self.lang, **words), registry, sources)
        return Verdict("unverifiable", say("check.context.other", self.lang, **words), registry, sources)

    def _release(self, st: Statement, subject: Subject) -> Verdict | None:
        dated = [(m, m.released) for m in subject.models if m.released]
        words: dict[str, Any] = {"name": self._name(subject)}
        if not dated:
            return Verdict("unverifiable", say("check.release.unknown", self.lang, **words), None)
        month, day, year = st.values["month"], st.values["day"], st.values["year"]
        sources = _sources(subject.models)
        registry = {"released": min(d for _, d in dated)} if subject.kind == "family" else {"released": dated[0][1]}
        if year is None and self.article.basis == "today":
            # No year in the text and no date for the article: month and day are all we can compare.
            for _model, when in dated:
                if len(when) == 10 and abs(_day_of_year(month, day) - _day_of_year(int(when[5:7]), int(when[8:]))) <= 1:
                    words.update(stated=f"{month:02d}-{day:02d}", known=when)
                    return Verdict(
                        "right", say("check.release.month_day", self.lang, **words), {"released": when}, sources
                    )
            words.update(stated=f"{month:02d}-{day:02d}", known=registry["released"])
            return Verdict("unverifiable", say("check.release.no_year", self.lang, **words), registry, sources)
        stated = _resolve_day(year, month, day, self.article.value)
        words["stated"] = stated.isoformat()
        best: tuple[int, str] | None = None
        for _model, when in dated:
            if len(when) < 10:
                if stated.isoformat().startswith(when):
                    words["known"] = when
                    return Verdict(
                        "unverifiable", say("check.release.partial", self.lang, **words), {"released": when}, sources
                    )
                continue
            gap = (stated - date.fromisoformat(when)).days
            if best is None or abs(gap) < abs(best[0]):
                best = (gap, when)
        if best is None:
            words["known"] = registry["released"]
            return Verdict("wrong", say("check.release.wrong", self.lang, **words), registry, sources)
        gap, when = best
        words["known"] = when
        if gap == 0:
            return Verdict("right", say("check.release.right", self.lang, **words), {"released": when}, sources)
        if abs(gap) == 1:
            return Verdict("right", say("check.release.timezone", self.lang, **words), {"released": when}, sources)
        first = date.fromisoformat(registry["released"])
        if subject.kind == "family" and (stated - first).days > LAUNCH_DAYS:
            # Months after a family's launch a later member may be meant that the registry lacks.
            return Verdict("unverifiable", say("check.release.family_other", self.lang, **words), registry, sources)
        if subject.kind == "family" and stated > first:
            words["known"] = registry["released"]
            return Verdict("wrong", say("check.release.launch", self.lang, **words), registry, sources)
        return Verdict("wrong", say("check.release.wrong", self.lang, **words), {"released": when}, sources)

    def _benchmark(self, st: Statement, subject: Subject, bench: str | None) -> Verdict | None:
        assert bench is not None
        value = st.values["value"]
        b = self.reg.benchmarks[bench]
        words: dict[str, Any] = {"name": self._name(subject), "bench": b.name, "stated": f"{value:g}"}
        scores = [(m, m.benchmarks[bench]) for m in subject.models if bench in m.benchmarks]
        if not scores:
            return Verdict("unverifiable", say("check.benchmark.none", self.lang, **words), None)
        for model, score in scores:
            if abs(score.value - value) <= 0.05:
                words["setting"] = score.conditions or score.setting or "—"
                key = "check.benchmark.right_self" if score.self_reported else "check.benchmark.right"
                return Verdict("right", say(key, self.lang, **words), _score_json(model, score), (score.source,))
        model, score = scores[0]
        words["known"] = "; ".join(f"{m.name} {s.value:g} ({s.conditions or '—'})" for m, s in scores[:4])
        registry = _score_json(model, score)
        sources = tuple(dict.fromkeys(s.source for _, s in scores))
        if any(_power_of_ten(value / s.value, tolerance=0.02) for _, s in scores if s.value) or (
            b.unit == "%" and value > 100
        ):
            return Verdict("wrong", say("check.benchmark.wrong", self.lang, **words), registry, sources)
        # Another figure for the same model may be another setting (pass@1 vs pass@32, another
        # version of the benchmark): say what the registry holds rather than cry wolf.
        return Verdict("unverifiable", say("check.benchmark.other", self.lang, **words), registry, sources)

    def _license(self, st: Statement, subject: Subject) -> Verdict | None:
        stated = st.values["license"]
        known = [(m, m.license) for m in subject.models if m.license]
        words = {"name": self._name(subject), "stated": stated}
        if not known:
            return Verdict("unverifiable", say("check.license.unknown", self.lang, **words), None)
        sources = _sources(subject.models)
        key = _license_key(stated)
        for _model, licence in known:
            if _license_key(licence) == key or key in _license_key(licence):
                words["known"] = licence
                return Verdict("right", say("check.license.right", self.lang, **words), {"license": licence}, sources)
        words["known"] = ", ".join(sorted({lic for _, lic in known}))
        registry = {"license": known[0][1]} if len(known) == 1 else {"licenses": sorted({lic for _, lic in known})}
        if len(known) < len(subject.models):
            return Verdict("unverifiable", say("check.license.other", self.lang, **words), registry, sources)
        return Verdict("wrong", say("check.license.wrong", self.lang, **words), registry, sources)

    def _open_weights(self, st: Statement, subject: Subject) -> Verdict | None:
        stated = st.values["open_weights"]
        known = [m.open_weights for m in subject.models if m.open_weights is not None]
        words = {"name": self._name(subject)}
        if not known:
            return Verdict("unverifiable", say("check.open.unknown", self.lang, **words), None)
        sources = _sources(subject.models)
        registry = {"open_weights": known[0]} if len(known) == 1 else {"open_weights": sorted(set(known))}
        if stated:
            if any(known):
                return Verdict("right", say("check.open.published", self.lang, **words), registry, sources)
            return Verdict("wrong", say("check.open.unpublished", self.lang, **words), registry, sources)
        if not any(known):
            return Verdict("right", say("check.open.unpublished", self.lang, **words), registry, sources)
        if all(known):
            return Verdict("wrong", say("check.open.published", self.lang, **words), registry, sources)
        return Verdict("unverifiable", say("check.open.mixed", self.lang, **words), registry, sources)

    def _architecture(self, st: Statement, subject: Subject) -> Verdict | None:
        stated = st.values["architecture"]
        known = [(m, m.architecture) for m in subject.models if m.architecture]
        words: dict[str, Any] = {"name": self._name(subject), "stated": _ARCH_WORDS[stated]}
        if not known:
            return Verdict("unverifiable", say("check.arch.unknown", self.lang, **words), None)
        sources = _sources(subject.models)
        registry = {m.id: a for m, a in known}
        matching = [m for m, a in known if a == stated]
        others = [m for m, a in known if a != stated]
        if not others:
            return Verdict("right", say("check.arch.right", self.lang, **words), registry, sources)
        words["others"] = ", ".join(m.name for m in others[:4])
        if matching and subject.kind == "family" and subject.ident:
            # A family is known by its flagship: "Prover V2 is MoE" is overstated when the text
            # itself names a size that is not (its 7B), and right of the flagship otherwise.
            flagship = self.reg.models[self.reg.families[subject.ident].flagship]
            named = {m.params_total for m in others} & self.sizes_named
            if flagship.architecture == stated and not named:
                words["flagship"] = flagship.name
                return Verdict("right", say("check.arch.flagship", self.lang, **words), registry, sources)
        if matching:
            words["some"] = ", ".join(m.name for m in matching[:4])
            return Verdict("overstated", say("check.arch.some", self.lang, **words), registry, sources)
        return Verdict("wrong", say("check.arch.wrong", self.lang, **words), registry, sources)

    def _languages(self, st: Statement, subject: Subject) -> Verdict | None:
        stated, approximate = st.values["languages"], st.values["approximate"]
        known = [(m, m.languages) for m in subject.models if m.languages]
        words: dict[str, Any] = {"name": self._name(subject), "stated": stated}
        if not known:
            return Verdict("unverifiable", say("check.languages.unknown", self.lang, **words), None)
        sources = _sources(subject.models)
        for _model, count in known:
            if count == stated or (approximate and count >= stated):
                words["known"] = count
                return Verdict("right", say("check.languages.right", self.lang, **words), {"languages": count}, sources)
        words["known"] = ", ".join(str(c) for c in sorted({c for _, c in known}))
        registry = {"languages": known[0][1]}
        if subject.kind == "family" and len(known) < len(subject.models):
            return Verdict("unverifiable", say("check.languages.other", self.lang, **words), registry, sources)
        return Verdict("wrong", say("check.languages.wrong", self.lang, **words), registry, sources)

    # -- helpers

    def _name(self, subject: Subject) -> str:
        if subject.kind == "family" and subject.ident:
            f = self.reg.families[subject.ident]
            return f.names.get(self.lang, f.name) if self.lang != "en" else f.name
        if subject.kind == "model" and subject.ident:
            m = self.reg.models[subject.ident]
            return m.names.get(self.lang, m.name) if self.lang != "en" else m.name
        return subject.written

    def _benchmark_near(self, st: Statement) -> str | None:
        """The benchmark named closest to a score in its sentence (within 40 characters)."""
        sentence = self.text.sentences[st.sentence]
        words = self.text.norm[sentence.start : sentence.end]
        skeleton, where = _skeleton(words)
        best: tuple[int, str] | None = None
        for m in self._bench_names[1].finditer(skeleton):
            start, end = sentence.start + where[m.start()], sentence.start + where[m.end() - 1] + 1
            if not _bounded(self.text.norm, start, end):
                continue
            gap = st.at - end if end <= st.at else start - st.to if start >= st.to else 0
            if 0 <= gap <= 40 and (best is None or gap < best[0]):
                best = (gap, self._bench_names[0][m.group()])
        return best[1] if best else None


def conversion_verdict(
    amount: Any, amount_currency: str, stated: Any, stated_currency: str, recomputed: float, rate: RateUsed, lang: str
) -> tuple[str, str]:
    """A written conversion against the registry's: the verdict band and its arithmetic in `lang`.

    Shared by `check` and `claims`, so the same conversion reads the same in both.
    """
    ratio = float(stated) / recomputed
    pair = f"{stated_currency}/{amount_currency}"
    words = {
        "stated": format_money(stated, stated_currency, lang),
        "amount": format_money(amount, amount_currency, lang),
        "implied": format_rate(float(stated) / float(amount)),
        "rate": format_rate(rate.value),
        "pair": pair,
        "date": rate.date or "",
        "recomputed": format_money(estimate(recomputed), stated_currency, lang),
    }
    power = _power_of_ten(ratio)
    if abs(ratio - 1) <= RATE_TOLERANCE:
        verdict, key = "right", "check.conversion.right"
        words["pct"] = f"{abs(ratio - 1) * 100:.1f}"
    elif power:
        verdict = "wrong"
        key = "check.conversion.fraction" if power < 0 else "check.conversion.multiple"
        # The measured factor (1/10.1), not the power of ten it is near: the reader redoes it.
        words["factor"] = f"{(1 / ratio if power < 0 else ratio):,.1f}".removesuffix(".0")
    elif abs(ratio - 1) > RATE_WRONG:
        verdict, key = "wrong", "check.conversion.off"
        words["pct"] = f"{(ratio - 1) * 100:+.0f}"
    else:
        verdict, key = "unverifiable", "check.conversion.near"
        words["pct"] = f"{(ratio - 1) * 100:+.1f}"
    return verdict, say(key, lang, **words)


_FUNDING_WORDS = re.compile(
    r"기금|펀드|예산|지출|투자|자본|基金|预算|預算|支出|投资|投資|资本|資本|fund|budget|spending|spend|capex|invest|expenditure",
    re.IGNORECASE,
)
_ARCH_WORDS = {"moe": "MoE", "dense": "dense"}


def _benchmark_names(reg: Registry) -> tuple[dict[str, str], re.Pattern[str]]:
    """Normalised benchmark names (id, display name, its part before a parenthesis, and the
    short form of a year: AIME 2024 → aime24) → id, and one regex over them, longest first."""
    names: dict[str, str] = {}
    for b in reg.benchmarks.values():
        display = b.name.split("(")[0]
        for name in (b.id, b.name, display, display.replace("-test", ""), re.sub(r"20(\d\d)", r"\1", display)):
            key = normalize_name(name)
            if len(key) >= 3:
                names.setdefault(key, b.id)
    regex = re.compile("|".join(re.escape(k) for k in sorted(names, key=lambda k: (-len(k), k))))
    return names, regex


_NAME_SIZES = re.compile(r"(?<![0-9A-Za-z.])(A)?(\d+(?:\.\d+)?)B(?![0-9A-Za-z])", re.IGNORECASE)


def _nominal_sizes(models: tuple[Model, ...]) -> tuple[set[int], set[int]]:
    """The sizes a model's own name gives (`Qwen3-30B-A3B` → 30B total, 3B active): vendors round
    3.3B to "A3B", and a text that repeats the name's figure is not wrong."""
    totals: set[int] = set()
    actives: set[int] = set()
    for model in models:
        for active, size in _NAME_SIZES.findall(model.name):
            (actives if active else totals).add(int(float(size) * 10**9))
    return totals, actives


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= COUNT_TOLERANCE * max(a, b)


def _power_of_ten(ratio: float, tolerance: float = 0.15) -> int:
    """k when `ratio` is within `tolerance` of 10**k for k in ±1..±4; else 0."""
    import math

    if ratio <= 0:
        return 0
    k = round(math.log10(ratio))
    if k == 0 or abs(k) > 4:
        return 0
    return k if abs(ratio / 10**k - 1) <= tolerance else 0


def _day_of_year(month: int, day: int) -> int:
    return date(2024, month, day).timetuple().tm_yday


def _resolve_day(year: int | None, month: int, day: int, article: date) -> date:
    """A written date; without a year, the latest such day on or before the article's date."""
    if year is not None:
        return date(year, month, day)
    for candidate in (article.year, article.year - 1):
        try:
            when = date(candidate, month, day)
        except ValueError:
            continue
        if when <= article:
            return when
    return date(article.year - 1, month, day)


def _license_key(text: str) -> str:
    key = re.sub(r"[^0-9a-z]", "", text.lower())
    key = key.replace("licence", "license").replace("model", "").replace("version", "")
    return re.sub(r"^apache(?:license)?2(?:0)?$", "apache20", key)


def _sources(models: tuple[Model, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for m in models[:3] for s in m.sources[:2]))


def _score_json(model: Model, score: Any) -> dict[str, Any]:
    return {
        "model": model.id, "value": score.value, "unit": score.unit, "setting": score.setting,
        "self_reported": score.self_reported,
    }  # fmt: skip


def _stated_json(kind: str, stated: dict[str, Any], article: ArticleDate) -> dict[str, Any]:
    if kind == "release":
        year = stated["year"]
        when = _resolve_day(year, stated["month"], stated["day"], article.value)
        if year is None and article.basis == "today":
            return {"date": None, "month": stated["month"], "day": stated["day"], "year_written": False}
        return {"date": when.isoformat(), "year_written": year is not None}
    if kind == "params":
        return {"value": stated["value"], "role": stated["role"]}
    if kind == "context":
        return {"tokens": stated["tokens"]}
    if kind == "benchmark":
        return {"benchmark": stated["benchmark"], "value": stated["value"], "unit": stated["unit"]}
    return {k: v for k, v in stated.items()}


def _number(value: Any) -> int | float:
    """An exact Decimal for JSON: an integer when it is whole."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return int(value) if float(value).is_integer() else float(value)

"""`cnai check`: extraction on its own, judging on its own, and the command end to end.

Extraction is tested without a registry (it must not need one); judging with the bundled
registry on sentences whose verdicts were worked out by hand; the command through CliRunner
(formats, exit 4, stdin, bad input). The seed article's required findings are in one test.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnai.extract import Text, extract, find_dateline, latest_mentioned
from cnai.messages import LANGS, MESSAGES

# The seed article's body (headline to the UBS paragraph), as the project received it in
# ../shared/seed/article-ko.txt; the full file (with its list of related headlines) is checked
# too when it is beside the repository.
SEED = Path(__file__).parent / "fixtures" / "article-ko.txt"
FULL_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article-ko.txt"
TODAY = date(2026, 12, 3)


def statements(text: str, kind: str | None = None) -> list[tuple[str, str, dict]]:
    t = Text(text)
    return [(s.kind, text[s.start : s.end], s.values) for s in extract(t) if kind is None or s.kind == kind]


# --------------------------------------------------------------------------- extraction


@pytest.mark.parametrize(
    ("text", "written", "amount", "stated"),
    [
        ("1조 위안(약 193조 원) 규모", "1조 위안(약 193조 원)", (10**12, "CNY"), (193 * 10**12, "KRW")),
        ("3981억 위안(약 7.7조 원)으로", "3981억 위안(약 7.7조 원)", (398_100_000_000, "CNY"), (7_700_000_000_000, "KRW")),
        ("设立600亿元（约合11.6万亿韩元）的基金", "600亿元（约合11.6万亿韩元）", (60 * 10**9, "CNY"), (116 * 10**11, "KRW")),
        ("spending of $360 billion (약 500조 원)", "$360 billion (약 500조 원)", (360 * 10**9, "USD"), (5 * 10**14, "KRW")),
        ("a 60 billion yuan, or about $8.2 billion, fund", "60 billion yuan, or about $8.2 billion",
         (60 * 10**9, "CNY"), (8_200_000_000, "USD")),
    ],
)  # fmt: skip
def test_conversions_read_both_amounts(text, written, amount, stated):
    found = statements(text, "conversion")
    assert len(found) == 1
    _, span, values = found[0]
    assert span == written
    assert (values["amount"].value, values["amount"].unit) == amount
    assert (values["stated"].value, values["stated"].unit) == stated


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("DeepSeek-V3는 6710억 개의 파라미터를 가진", [(671 * 10**9, None)]),
        ("최대 2350억 파라미터를 지원하는", [(235 * 10**9, None)]),
        ("这款模型拥有2350亿参数，其中激活参数220亿", [(235 * 10**9, None), (22 * 10**9, "active")]),
        ("a 671B-parameter model with 37B active parameters", [(671 * 10**9, None), (37 * 10**9, "active")]),
        ("It has 1 trillion total parameters", [(10**12, "total")]),
        ("이 모델은 7B와 671B 파라미터 버전으로 나뉘며", [(7 * 10**9, None), (671 * 10**9, None)]),
        ("总参数量为2350亿", [(235 * 10**9, "total")]),
    ],
)
def test_parameter_counts(text, values):
    found = sorted((v["value"], v["role"]) for _, _, v in statements(text, "params"))
    assert found == sorted(values)


@pytest.mark.parametrize(
    "text",
    [
        "Qwen3-235B-A22B is the flagship",  # sizes inside a name are not statements
        "the 3 parameters of the formula",  # too small to be a model
        "미모-7B(MiLM-7B) 모델",
    ],
)
def test_no_parameter_statement(text):
    assert statements(text, "params") == []


def test_context_needs_a_context_word_and_skips_training_tokens_and_prices():
    assert [v["tokens"] for _, _, v in statements("최대 128K 토큰의 긴 문서도 처리", "context")] == [128_000]
    assert [v["tokens"] for _, _, v in statements("上下文长度128K", "context")] == []  # number after the word: not read
    assert [v["tokens"] for _, _, v in statements("a 128K context window", "context")] == [128_000]
    assert statements("DeepSeek-V3 was pre-trained on 14.8T tokens of data", "context") == []
    assert statements("It costs $0.28 per 1M tokens of input in a long context", "context") == []
    assert statements("학습 데이터 36조 토큰으로 학습한 긴 문서 모델", "context") == []


@pytest.mark.parametrize(
    ("text", "parts", "release"),
    [
        ("딥시크는 지난 4월 30일 공개했다", (None, 4, 30), True),
        ("2025년 4월 29일 출시", (2025, 4, 29), True),
        ("阿里巴巴于4月29日发布", (None, 4, 29), True),
        ("Alibaba released Qwen3 on April 28, 2025", (2025, 4, 28), True),
        ("released on 28 April 2025", (2025, 4, 28), True),
        ("the meeting is on May 3", (None, 5, 3), False),
    ],
)
def test_dates(text, parts, release):
    found = statements(text, "date")
    assert len(found) == 1
    values = found[0][2]
    assert (values["year"], values["month"], values["day"]) == parts
    assert values["release"] is release


def test_impossible_dates_are_not_read():
    assert statements("2월 30일 공개", "date") == []


def test_licence_open_weights_architecture_languages():
    assert [v["license"] for _, _, v in statements("released under the Apache 2.0 license", "license")] == [
        "Apache 2.0"
    ]
    assert statements("researchers at MIT said the model is fast", "license") == []
    assert [v["license"] for _, _, v in statements("MIT 라이선스로 공개", "license")] == ["MIT"]
    assert [v["open_weights"] for _, _, v in statements("모델을 오픈소스로 공개", "open_weights")] == [True]
    assert [v["open_weights"] for _, _, v in statements("该模型为闭源模型", "open_weights")] == [False]
    assert [v["open_weights"] for _, _, v in statements("the model is not open-source", "open_weights")] == [False]
    found = statements("전문가 혼합(MoE) 구조", "architecture")
    assert [(span, v["architecture"]) for _, span, v in found] == [("전문가 혼합(MoE)", "moe")]
    assert [v["architecture"] for _, _, v in statements("a dense 7B model", "architecture")] == ["dense"]
    assert [v["languages"] for _, _, v in statements("총 119개 언어를 지원", "languages")] == [119]
    assert [v["approximate"] for _, _, v in statements("supports over 100 languages", "languages")] == [True]


def test_spans_count_code_points_of_the_original():
    # Full-width digits and letters are matched after NFKC, but the span points at what was written.
    text = "샤오미는 ＭｉＭｏ를 공개했다. 큐원3는 ２３５０억 파라미터를 지원한다."
    (_, span, values), = statements(text, "params")  # fmt: skip
    assert span == "２３５０억 파라미터"
    assert values["value"] == 235 * 10**9
    t = Text(text)
    (st,) = [s for s in extract(t) if s.kind == "params"]
    assert text[st.start : st.end] == span


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("제목\n입력 2025.05.11. 14:30\n본문 4월 30일 공개", date(2025, 5, 11)),
        ("기사\n2025. 5. 11. 오전 9:00\n", date(2025, 5, 11)),
        ("标题\n2025年5月11日 10:00 来源：新华网\n正文", date(2025, 5, 11)),
        ("Title\nPublished May 11, 2025\nBody", date(2025, 5, 11)),
        ("Title\nBy Jane Roe · 11 May 2025\n", date(2025, 5, 11)),
        ("Alibaba released Qwen3 on April 29, 2025, and then\nmore", None),  # a date in prose
    ],
)
def test_dateline(text, expected):
    found = find_dateline(Text(text))
    assert (found.date if found else None) == expected


def test_latest_mentioned_date_takes_the_years_the_text_names():
    text = "2025년 예산 … 4월 25일 공개 … 4월 30일 공개"
    t = Text(text)
    assert latest_mentioned(t, extract(t), TODAY) == date(2025, 4, 30)
    t = Text("4월 30일 공개")  # no year anywhere: nothing to infer
    assert latest_mentioned(t, extract(t), TODAY) is None


# --------------------------------------------------------------------------- judging


@pytest.fixture(scope="module")
def reg():
    from cnai.registry import load

    return load([])


def judged(reg, text: str, *, lang: str = "en", as_of: date | None = None):
    from cnai.judge import check_text
    from cnai.units import Converter

    return check_text(reg, text, Converter(reg), lang=lang, today=TODAY, as_of=as_of)


def verdicts(report) -> list[tuple[str, str, str]]:
    return [(f.kind, f.text, f.verdict) for f in report.findings]


def test_seed_article(reg):
    report = judged(reg, SEED.read_text(encoding="utf-8"))
    found = {(f.kind, f.text): f for f in report.findings}
    assert report.date.basis == "text" and report.date.value == date(2025, 4, 30)
    assert found[("conversion", "3981억 위안(약 7.7조 원)")].verdict == "wrong"
    assert found[("conversion", "600억 위안(약 1.15조 원)")].verdict == "wrong"
    assert "1/10" in found[("conversion", "600억 위안(약 1.15조 원)")].explanation
    assert found[("conversion", "1조 위안(약 193조 원)")].verdict == "right"
    assert found[("name", "MiLM-7B")].verdict == "wrong"
    moe = found[("architecture", "전문가 혼합(MoE)")]
    assert moe.verdict == "overstated" and "DeepSeek-Prover-V2-7B" in moe.explanation
    ernie = found[("benchmark", "81.9점")]
    assert ernie.verdict == "unverifiable" and ernie.model in ("ernie-x1-turbo", "ernie-4.5-turbo")
    assert found[("languages", "119개 언어")].verdict == "right"
    assert found[("params", "2350억 파라미터")].verdict == "right"
    # Nothing that is right is called wrong: the only wrong and overstated findings are these.
    bad = sorted((f.kind, f.text) for f in report.findings if f.verdict in ("wrong", "overstated"))
    assert bad == [
        ("architecture", "전문가 혼합(MoE)"),
        ("conversion", "3981억 위안(약 7.7조 원)"),
        ("conversion", "600억 위안(약 1.15조 원)"),
        ("name", "MiLM-7B"),
    ]
    assert report.failed


@pytest.mark.skipif(not FULL_SEED.exists(), reason="../shared/seed is not beside the repository")
def test_full_seed_file_gives_the_same_flags(reg):
    body = judged(reg, SEED.read_text(encoding="utf-8"))
    full = judged(reg, FULL_SEED.read_text(encoding="utf-8"))
    flags = [(f.kind, f.text, f.verdict) for f in body.findings if f.verdict in ("wrong", "overstated")]
    assert [(f.kind, f.text, f.verdict) for f in full.findings if f.verdict in ("wrong", "overstated")] == flags


@pytest.mark.parametrize(
    ("won", "verdict", "phrase"),
    [
        ("1,426억 원", "right", "within"),
        ("142.6억 원", "wrong", "1/10 of it"),
        ("1.426조 원", "wrong", "10× it"),
        ("1,500억 원", "unverifiable", "+5.2%"),
        ("2,000억 원", "wrong", "+40% off"),
    ],
)
def test_conversion_bands(reg, won, verdict, phrase):
    # 2025-04-30 table: 1 USD = 1,425.68 KRW, so $100 million is 1,425.7억 원.
    report = judged(reg, f"투자 규모는 1억 달러(약 {won})이다.", as_of=date(2025, 4, 30))
    (finding,) = [f for f in report.findings if f.kind == "conversion"]
    assert finding.verdict == verdict
    assert phrase in finding.explanation
    assert (
        finding.registry is not None and finding.registry["rate"].date == "2025-04-30"
    )  # the RateUsed; the view writes the rate object


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Parameter counts: the total, the active count, a 10x slip, the active count called total.
        ("DeepSeek-V3는 6710억 개의 파라미터를 가진 모델이다.", [("params", "6710억 개의 파라미터", "right")]),
        ("Qwen3-235B-A22B激活参数2200亿。", [("params", "激活参数2200亿", "wrong")]),
        ("Qwen3-235B-A22B has 22B active parameters.", [("params", "22B active parameters", "right")]),
        ("Qwen3-235B-A22B has 22B total parameters.", [("params", "22B total parameters", "wrong")]),
        ("DeepSeek-R1 has 67B parameters.", [("params", "67B parameters", "wrong")]),
        # Dates: exact, a day off (time zones), a year off.
        ("DeepSeek-R1 was released on January 20, 2025.", [("release", "January 20, 2025", "right")]),
        ("DeepSeek-R1 was released on January 21, 2025.", [("release", "January 21, 2025", "right")]),
        ("DeepSeek-R1 was released on January 20, 2024.", [("release", "January 20, 2024", "wrong")]),
        # Licences and open weights.
        ("DeepSeek-R1 is released under the MIT license.", [("license", "MIT", "right")]),
        ("Qwen3-235B-A22B is released under the MIT license.", [("license", "MIT", "wrong")]),
        ("GPT-4.5 is open-source.", [("open_weights", "open-source", "wrong")]),
        ("OpenAI o1은 폐쇄형 모델이다.", [("open_weights", "폐쇄형", "right")]),
        # Benchmarks: the vendor's figure; none held; a 10x slip.
        ("DeepSeek-R1 scored 79.8% on AIME 2024.", [("benchmark", "79.8%", "right")]),
        ("ERNIE X1 Turbo scored 90% on AIME 2024.", [("benchmark", "90%", "unverifiable")]),
        ("DeepSeek-R1 scored 7.98% on AIME 2024.", [("benchmark", "7.98%", "wrong")]),
        # Context: the max, longer than the model takes.
        ("Qwen3-235B-A22B supports a 128K context window.", [("context", "128K context", "right")]),
        ("DeepSeek-R1 supports a 10M context window.", [("context", "10M context", "wrong")]),
        # A model the registry does not know is reported as unknown, never guessed.
        ("Qwen9-Max has 5 trillion parameters.", [("params", "5 trillion parameters", "unknown")]),
    ],
)
def test_model_facts(reg, text, expected):
    assert verdicts(judged(reg, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "OpenAI has 400 million weekly users and 3 million paying business users.",
        "엔비디아 주가는 10% 하락했고 시가총액 5,890억 달러가 증발했다.",  # not a registry fund
        "The company trained on 2,048 H800 GPUs for two months.",
        "今年共有12家公司发布了大模型。",
        "DeepSeek은 최근 오픈소스 전략으로 주목받고 있다.",  # a vendor, not a model
    ],
)
def test_statements_outside_the_registry_are_not_reported(reg, text):
    assert judged(reg, text).findings == []


def test_a_claim_about_several_models_uses_the_one_it_fits(reg):
    # Nearest is GPT-4.5 (closed), but the open-source claim fits DeepSeek-R1 named in the same
    # sentence: never wrong when a model the sentence names makes it right.
    report = judged(reg, "DeepSeek-R1, unlike GPT-4.5, is open-source.")
    assert verdicts(report) == [("open_weights", "open-source", "right")]
    assert report.findings[0].model == "deepseek-r1"


def test_the_model_pointed_back_to(reg):
    report = judged(reg, "알리바바가 큐원3를 공개했다. 이 모델은 119개 언어를 지원한다.")
    assert [(f.kind, f.family, f.verdict) for f in report.findings] == [("languages", "qwen3", "right")]


def test_year_less_dates_with_no_article_date(reg):
    report = judged(reg, "딥시크는 1월 20일 딥시크 R1을 공개했다.")
    assert report.date.basis == "today"
    assert [(f.kind, f.verdict) for f in report.findings] == [("release", "right")]
    assert report.findings[0].stated == {"date": None, "month": 1, "day": 20, "year_written": False}


def test_explanations_in_the_chosen_language(reg):
    text = "3981억 위안(약 7.7조 원)"
    ko = judged(reg, text, lang="ko", as_of=date(2025, 4, 30)).findings[0].explanation
    zh = judged(reg, text, lang="zh", as_of=date(2025, 4, 30)).findings[0].explanation
    assert "10.1분의 1" in ko and "78조" in ko
    assert "10.1分之一" in zh and "78.06万亿韩元" in zh


def test_every_catalogue_entry_has_every_language_with_the_same_fields():
    import string

    from cnai.messages import LABELS, UNIT_WORDS, WORDS

    for table in (MESSAGES, LABELS, WORDS, UNIT_WORDS):
        for key, texts in table.items():
            assert len(texts) == len(LANGS), key
            fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in texts]
            assert all(t.strip() for t in texts), key
            assert fields[0] == fields[1] == fields[2], key


def test_notices_on_stderr_follow_the_language(cli):
    result = cli("--lang", "ko", "rank", "--by", "swe-bench-verified", "--top", "1")
    assert "값이 없어 제외했습니다" in result.stderr
    result = cli("--lang", "zh", "show", "MiLM-7B")
    assert "并非真实名称" in result.stderr
    result = cli("--lang", "ko", "convert", "1 CNY", "--to", "KRW", "--rate", "CNY:KRW=200")
    assert "레지스트리 대신 --rate CNY:KRW=200" in result.stderr


# --------------------------------------------------------------------------- the command


def test_check_command_exit_4_and_report(cli):
    result = cli("check", str(SEED))
    assert result.exit_code == 4
    assert "Article date: 2025-04-30" in result.stdout
    assert "«3981억 위안(약 7.7조 원)»" in result.stdout
    assert "wrong 3" in result.stdout


def test_check_json_from_stdin_is_the_documented_shape(cli):
    text = SEED.read_text(encoding="utf-8")
    from typer.testing import CliRunner

    from cnai.cli import app

    from .conftest import ISOLATED_ENV

    result = CliRunner().invoke(app, ["check", "-", "--json"], input="\ufeff" + text, env=ISOLATED_ENV)
    assert result.exit_code == 4
    document = json.loads(result.stdout)
    assert set(document) == {"date", "findings", "counts"}
    assert document["date"] == {"value": "2025-04-30", "basis": "text"}
    for finding in document["findings"]:
        start, end = finding["span"]
        assert text[start:end] == finding["text"]  # code points of the input, BOM stripped
        assert finding["verdict"] in ("right", "wrong", "overstated", "unverifiable", "unknown")
    assert sum(document["counts"].values()) == len(document["findings"])


def test_check_date_option_and_formats(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("1조 위안(약 193조 원) 규모의 기금", encoding="utf-8")
    result = cli("check", str(article), "--date", "2025-04-30", "--format", "md")
    assert result.exit_code == 0
    assert "**1조 위안(약 193조 원)**" in result.stdout
    assert "(--date)" in result.stdout
    result = cli("check", str(article), "--date", "2025-04-30", "--format", "csv")
    assert result.stdout.splitlines()[0] == "start,end,line,kind,text,model,verdict,explanation"
    result = cli("check", str(article), "--json")
    assert json.loads(result.stdout)["date"]["basis"] == "today"


def test_check_nothing_found_says_so(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("오늘은 날씨가 맑다.\n", encoding="utf-8")
    result = cli("check", str(article))
    assert result.exit_code == 0
    assert "No statement the registry can check was found." in result.stdout
    result = cli("check", str(article), "--json")
    assert json.loads(result.stdout)["findings"] == []


@pytest.mark.parametrize(
    ("setup", "args", "code", "message"),
    [
        (None, ["check", "missing.txt"], 66, "cannot read missing.txt"),
        (b"\xff\xfe bad", ["check", "{path}"], 65, "is not UTF-8 text"),
        (b"ok", ["check", "{path}", "--date", "May 2025"], 2, "bad date 'May 2025'"),
    ],
)
def test_check_bad_input(cli, tmp_path, monkeypatch, setup, args, code, message):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.txt"
    if setup is not None:
        path.write_bytes(setup)
    result = cli(*[a.replace("{path}", str(path)) for a in args])
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# --------------------------------------------------------------------------- any text at all


_PIECES = st.sampled_from(
    [
        "1조 위안(약 193조 원)", "６７１B 파라미터", "2350亿参数", "4월 30일", "April 28, 2025", "MiLM-7B",
        "Qwen3", "큐원3", "DeepSeek-R1", "이 모델은", "该模型", "오픈소스", "闭源", "MoE", "128K 토큰", "88.9%",
        "MiniF2F", "(", ")", "（", "약", "\n", ". ", "。", " ", "\ufeff", "\u200f", "Qwen9-Max", "$", "₩", "억", "亿",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30))
def test_any_text_gives_findings_whose_spans_are_the_text(reg, pieces):
    text = "".join(pieces)
    report = judged(reg, text)
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text and f.text.strip()
        assert f.line == text.count("\n", 0, f.start) + 1
        assert f.verdict in ("right", "wrong", "overstated", "unverifiable", "unknown")


def test_check_with_a_terminal_on_stdin_asks_for_an_article(tmp_path):
    """No FILE and nothing piped in: a usage line, not a program waiting on the keyboard."""
    import pty
    import subprocess
    import sys

    from .test_hardening import subprocess_env

    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "cnai", "check"], stdin=slave, capture_output=True, text=True,
            env=subprocess_env(tmp_path), timeout=60,
        )  # fmt: skip
    finally:
        os.close(master)
        os.close(slave)
    assert proc.returncode == 2
    assert (
        proc.stderr.strip() == "cnai: error: give an article: cnai check FILE, or pipe it in: cat FILE | cnai check -"
    )

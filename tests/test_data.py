"""The bundled registry: its cross-field rules hold, and each family's headline figures are pinned.

Each pinned figure names the source that decided it (the registry cites the same source by
key). A change to one of these numbers must come with a source, not a guess.
"""

from __future__ import annotations

import re

import pytest

from cnai.registry import Registry, load, normalize_name


@pytest.fixture(scope="module")
def reg() -> Registry:
    return load([])


def test_every_model_rule_holds(reg):
    for m in reg.models.values():
        if m.params_total is not None and m.params_active is not None:
            assert m.params_active <= m.params_total, m.id
        assert (m.architecture == "moe") == (m.params_active is not None), m.id
        assert m.family in reg.families and m.vendor in reg.vendors, m.id
        assert m.sources, f"{m.id} has figures without a source"
        for bench_id, score in m.benchmarks.items():
            assert bench_id in reg.benchmarks and score.source in reg.sources, (m.id, bench_id)
        for date in (m.released,):
            assert date is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date), m.id


def test_ids_are_lowercase_vendor_names(reg):
    for m in reg.models.values():
        assert m.id == m.id.lower()
        # The id is the vendor's own name, lowercased (OpenAI writes "OpenAI o1" for o1).
        assert normalize_name(m.id) in normalize_name(m.name), m.id


def test_names_are_unique_across_records(reg):
    seen: dict[str, str] = {}
    for m in reg.models.values():
        for name in {normalize_name(n) for n in (m.id, m.name, *m.names.values(), *m.aliases)}:
            assert seen.setdefault(name, m.id) == m.id, name


def test_every_source_has_a_url_and_every_fund_a_source(reg):
    for key, source in reg.sources.items():
        assert source.url.startswith(("https://", "http://")), key
    for fund in reg.funding.values():
        assert fund.sources and all(s in reg.sources for s in fund.sources), fund.id
    for claim in reg.claims.values():
        assert claim.sources, claim.id


def test_deepseek_prover_v2(reg):
    # DeepSeek-Prover-V2 README (github.com/deepseek-ai/DeepSeek-Prover-V2) and arXiv 2504.21801v2.
    big, small = reg.models["deepseek-prover-v2-671b"], reg.models["deepseek-prover-v2-7b"]
    assert (big.params_total, big.params_active, big.architecture) == (671_000_000_000, 37_000_000_000, "moe")
    assert (small.params_total, small.architecture, small.context_max) == (7_000_000_000, "dense", 32768)
    assert big.released == small.released == "2025-04-30"
    assert big.benchmarks["minif2f"].value == 88.9 and "pass@8192" in (big.benchmarks["minif2f"].setting or "")
    assert big.benchmarks["putnambench"].value == 47  # paper v2 corrects the README's 49
    assert reg.resolve("prover-v2").id == "deepseek-prover-v2-671b"


def test_deepseek_v3_and_r1(reg):
    # DeepSeek-V3 README: 671B total, 37B activated, 128K context; DeepSeek-R1 README: MIT, 2025-01-20.
    v3, r1 = reg.models["deepseek-v3"], reg.models["deepseek-r1"]
    assert (v3.params_total, v3.params_active, v3.context_max) == (671_000_000_000, 37_000_000_000, 131072)
    assert (r1.license, r1.released, r1.reasoning) == ("MIT", "2025-01-20", "reasoning")
    assert reg.resolve("r1").id == "deepseek-r1"
    # DeepSeek-R1-0528 model card: AIME 2025 87.5.
    assert reg.models["deepseek-r1-0528"].benchmarks["aime25"].value == 87.5


def test_qwen3(reg):
    # Qwen3 blog (qwenlm.github.io/blog/qwen3, 2025-04-29) and model cards; Qwen3 Technical Report Table 11.
    flagship = reg.models["qwen3-235b-a22b"]
    assert (flagship.params_total, flagship.params_active) == (235_000_000_000, 22_000_000_000)
    assert (flagship.context_native, flagship.context_max) == (32768, 131072)  # 128K only with YaRN
    assert (flagship.languages, flagship.reasoning, flagship.license) == (119, "hybrid", "Apache-2.0")
    assert flagship.benchmarks["aime24"].value == 85.7
    assert reg.models["qwen3-30b-a3b"].params_active == 3_300_000_000
    assert reg.models["qwen3-0.6b"].context_max == 32768  # the small models stay at 32K
    dense = {m.id for m in reg.family_models("qwen3") if m.architecture == "dense" and m.released == "2025-04-29"}
    assert dense == {"qwen3-0.6b", "qwen3-1.7b", "qwen3-4b", "qwen3-8b", "qwen3-14b", "qwen3-32b"}
    for name in ("qwen3", "큐원3", "通义千问3"):
        assert reg.resolve(name).id == "qwen3-235b-a22b"


def test_mimo(reg):
    # XiaomiMiMo/MiMo README (2025-04-30) and arXiv 2505.07608: dense 7B, 32,768 tokens, MIT.
    rl = reg.models["mimo-7b-rl"]
    assert (rl.architecture, rl.params_total, rl.context_native, rl.license) == ("dense", 7_000_000_000, 32768, "MIT")
    assert rl.benchmarks["aime24"].value == 68.2 and rl.benchmarks["aime25"].value == 55.4
    assert [reg.models[i].base_model for i in ("mimo-7b-sft", "mimo-7b-rl-zero", "mimo-7b-rl")] == [
        "mimo-7b-base", "mimo-7b-base", "mimo-7b-sft",
    ]  # fmt: skip
    # The article's "MiLM-7B" is a misnomer; it resolves to the MiMo-7B flagship.
    assert reg.resolve("MiLM-7B").id == "mimo-7b-rl"


def test_ernie(reg):
    # Baidu Create 2025 (25 April 2025) via InfoQ; prices from the Qianfan list as mirrored by LobeHub.
    turbo, x1 = reg.models["ernie-4.5-turbo"], reg.models["ernie-x1-turbo"]
    assert turbo.released == x1.released == "2025-04-25"
    assert "params" in turbo.undisclosed and turbo.params_total is None
    assert turbo.price is not None and (turbo.price.input, turbo.price.output, turbo.price.currency) == (
        0.8,
        3.2,
        "CNY",
    )
    assert x1.price is not None and (x1.price.input, x1.price.output) == (1, 4)
    # ERNIE 4.5 open release (github.com/PaddlePaddle/ERNIE, 2025-06-30): 300B total, 47B active.
    big = reg.models["ernie-4.5-300b-a47b"]
    assert (big.params_total, big.params_active, big.context_max, big.license) == (
        300_000_000_000, 47_000_000_000, 131072, "Apache-2.0",
    )  # fmt: skip


def test_openai_baselines(reg):
    # OpenAI o1 system card (2024-12-05), o1-mini post (2024-09-12), GPT-4.5 post (2025-02-27).
    for ident in ("o1", "o1-mini", "gpt-4.5"):
        m = reg.models[ident]
        assert m.params_total is None and "params" in m.undisclosed, ident
        assert m.open_weights is False
    assert reg.models["o1-mini"].benchmarks["aime24"].value == 70.0
    # 71.4 is the launch post's 'GPQA (science)' row; simple-evals' GPQA (diamond by default) is 69.5.
    assert reg.models["gpt-4.5"].benchmarks["gpqa-diamond"].value == 69.5
    assert reg.models["o1"].released == "2024-12-05"


def test_funding_and_rates(reg):
    # Finance ministry 2025 budget report: central-level S&T spending 398.119 bn yuan (+10%).
    assert reg.funding["central-st-budget-2025"].value == 398_119_000_000
    # Registered capital of the National AI Industry Investment Fund: 600.6亿元.
    assert reg.funding["national-ai-industry-fund"].value == 60_060_000_000
    assert reg.funding["national-vc-guidance-fund"].value == 1_000_000_000_000
    assert reg.funding["ubs-global-ai-spending-2025"].currency == "USD"
    # Federal Reserve H.10, 2025-04-30.
    table = reg.rates[("2025-04-30", "USD")]
    assert table.rates == {"CNY": 7.2706, "KRW": 1425.68}


def test_claims_verdicts(reg):
    verdicts = {c.id: c.verdict for c in reg.claims.values()}
    # The article's two won conversions are off by 10x: 398.1 bn yuan is ~78 trillion won, not 7.7.
    assert verdicts["st-budget-amount"] == "wrong"
    assert verdicts["ai-fund-amount"] == "wrong"
    assert verdicts["mimo-name"] == "wrong"
    assert verdicts["prover-v2-moe"] == "overstated"  # only the 671B is MoE
    assert verdicts["ernie-minif2f-81.9"] == "unsupported"

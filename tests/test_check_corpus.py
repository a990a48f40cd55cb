"""`cnai check` on real published sentences: precision and recall on wrong statements, per kind.

The corpus (`tests/corpus/check.yaml`) holds sentences copied verbatim from Korean, Chinese and
English pages, each with the article's date and hand annotations: the span (`match`), its kind
and the verdict the registry supports. A statement that rule-based extraction cannot reach is
marked `checkable: false` with the reason; recall is measured on the rest.

A flagged finding (wrong or overstated) is a true positive when an annotation of the same kind
overlaps it and is itself wrong or overstated; anything else flagged is a false positive (a
checker that cries wolf). The table is printed with the test run.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from cnai.judge import FINDING_KINDS as KINDS

CORPUS = Path(__file__).parent / "corpus" / "check.yaml"
FLAGGED = ("wrong", "overstated")


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))


def test_corpus_is_well_formed(corpus):
    ids = [item["id"] for item in corpus]
    assert len(ids) == len(set(ids))
    assert {item["lang"] for item in corpus} == {"ko", "zh", "en"}
    for item in corpus:
        date.fromisoformat(item["date"])
        assert item["source"]["url"].startswith("http")
        for e in item.get("expect") or []:
            assert item["text"].count(e["match"]) == 1, (item["id"], e["match"])
            assert e["kind"] in KINDS and e["verdict"] in ("right", "wrong", "overstated", "unverifiable", "unknown")
            if e.get("checkable") is False:
                assert e["out_of_reach"], item["id"]


def test_precision_and_recall_on_wrong_statements(corpus, capsys):
    from cnai.judge import check_text
    from cnai.registry import load
    from cnai.units import Converter

    reg = load([])
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    out_of_reach: Counter[str] = Counter()
    misses = []
    for item in corpus:
        text = item["text"]
        report = check_text(
            reg, text, Converter(reg), lang="en", today=date(2026, 12, 3), as_of=date.fromisoformat(item["date"])
        )
        expected = []
        for e in item.get("expect") or []:
            start = text.index(e["match"])
            expected.append((start, start + len(e["match"]), e))

        def annotation(finding, expected=expected):
            for start, end, e in expected:
                if e["kind"] == finding.kind and finding.start < end and start < finding.end:
                    return e
            return None

        for finding in report.findings:
            if finding.verdict in FLAGGED:
                e = annotation(finding)
                if e is not None and e["verdict"] in FLAGGED:
                    tp[finding.kind] += 1
                else:
                    fp[finding.kind] += 1
                    misses.append(f"false alarm {item['id']}: {finding.kind} {finding.text!r} {finding.explanation}")
        for start, end, e in expected:
            if e["verdict"] not in FLAGGED:
                continue
            if e.get("checkable") is False:
                out_of_reach[e["kind"]] += 1
                continue
            hit = any(
                f.kind == e["kind"] and f.verdict in FLAGGED and f.start < end and start < f.end
                for f in report.findings
            )
            if not hit:
                fn[e["kind"]] += 1
                misses.append(f"missed {item['id']}: {e['kind']} {e['match']!r}")
    rows = ["kind          flagged-right  false-alarms  missed  out-of-reach  precision  recall"]
    for kind in KINDS:
        if tp[kind] + fp[kind] + fn[kind] + out_of_reach[kind] == 0:
            continue
        precision = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else float("nan")
        recall = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else float("nan")
        rows.append(
            f"{kind:<13} {tp[kind]:>13} {fp[kind]:>13} {fn[kind]:>7} {out_of_reach[kind]:>13} {precision:>10.2f} {recall:>7.2f}"
        )
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision = total_tp / (total_tp + total_fp)
    recall = total_tp / (total_tp + total_fn)
    rows.append(
        f"{'all':<13} {total_tp:>13} {total_fp:>13} {total_fn:>7} {sum(out_of_reach.values()):>13} "
        f"{precision:>10.2f} {recall:>7.2f}"
    )
    with capsys.disabled():
        print("\ncnai check on tests/corpus/check.yaml (wrong or overstated statements):")
        print("\n".join(rows + misses))
    assert precision >= 0.95, misses
    assert recall >= 0.8, misses

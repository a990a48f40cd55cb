"""The benchmark scripts build valid inputs: the synthetic registry's names never collide."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from cnai.names import normalize_name

RUN = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


def test_synthetic_ids_stay_unique_after_normalisation():
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    models = module.synthetic_registry(100_000)["models"]
    keys = [normalize_name(m["id"]) for m in models] + [normalize_name(m["name"]) for m in models]
    # An id and a name of the same model may share a key; two models never may.
    owners: dict[str, str] = {}
    for model in models:
        for key in {normalize_name(model["id"]), normalize_name(model["name"])}:
            assert owners.setdefault(key, model["id"]) == model["id"], (key, owners[key], model["id"])
    assert len(keys) == 200_000

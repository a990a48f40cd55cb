"""Measure cnai's speed budgets (DESIGN.md) as ratios against a floor or a peer, in one run.

    python benchmarks/run.py            # 7 interleaved rounds
    python benchmarks/run.py --rounds 15 --models 10000

Each round runs every command once, in turn, so machine noise hits all of them alike; the
report gives medians and the ratio of each median to its reference:

- `cnai list --json` (bundled registry)               vs `python -c pass`   target ≤ 6.5× (DESIGN.md)
- `cnai show MODEL --json`                            vs `python -c pass`   target ≤ 6.5× (DESIGN.md)
- `cnai compare a b` (table, piped)                   vs `python -c pass`   target ≤ 9×   (DESIGN.md)
- `cnai funding --currency KRW --json`                vs `python -c pass`   target ≤ 8×   (DESIGN.md)
- `cnai --registry big.yaml rank --by params --top 10 --json`, second run (cache warm)
                                                      vs `jq` sorting the same models as JSON   ≤ 0.6× (DESIGN.md)
- the same, first run (empty cache)                   vs `yaml.load(CSafeLoader)` of big.yaml   ≤ 1.2× (ours)
- peak memory (max RSS) of `cnai list --json`                                             ≤ 30 MiB (DESIGN.md)

The synthetic registry is written to benchmarks/out/ (git-ignored) and is valid: it passes
`cnai validate`. Nothing here runs in the test suite; tests guard the means, not the clock.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def synthetic_registry(count: int) -> dict[str, object]:
    """`count` models over 100 families of one vendor, each with params, context and a score."""
    families = max(1, count // 100)
    models = []
    for i in range(count):
        total_b = 1 + (i * 7919) % 900  # spread deterministically over 1B..900B
        moe = i % 3 == 0
        model: dict[str, object] = {
            # A fixed-width serial: names are matched without hyphens, so `synth-212-329b` and
            # `synth-2123-29b` would be one name; `synth-000212-329b` cannot meet another.
            "id": f"synth-{i:07d}-{total_b}b" + (f"-a{max(1, total_b // 10)}b" if moe else ""),
            "name": f"Synth-{i:07d}-{total_b}B" + (f"-A{max(1, total_b // 10)}B" if moe else ""),
            "family": f"synth-family-{i % families}",
            "released": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "architecture": "moe" if moe else "dense",
            "params": {"total": f"{total_b}B", **({"active": f"{max(1, total_b // 10)}B"} if moe else {})},
            "context": {"native": 32768, "max": 131072},
            "license": "Apache-2.0",
            "open_weights": i % 2 == 0,
            "benchmarks": {"aime24": {"value": round((i * 37) % 1000 / 10, 1), "k": 1, "source": "synth"}},
            "sources": ["synth"],
        }
        models.append(model)
    return {
        "schema": 1,
        "sources": {"synth": {"title": "Synthetic benchmark data", "url": "https://example.org/synthetic"}},
        "vendors": [{"id": "synth-vendor", "name": "Synth Vendor", "country": "CN"}],
        "families": [
            {
                "id": f"synth-family-{f}",
                "name": f"Synth Family {f}",
                "vendor": "synth-vendor",
                "flagship": _flagship(models, f),
            }
            for f in range(families)
        ],
        "models": models,
    }


def _flagship(models: list[dict[str, object]], family: int) -> str:
    return next(str(m["id"]) for m in models if m["family"] == f"synth-family-{family}")


def write_inputs(count: int) -> tuple[Path, Path]:
    import yaml

    OUT.mkdir(exist_ok=True)
    data = synthetic_registry(count)
    big_yaml, big_json = OUT / f"big-{count}.yaml", OUT / f"big-{count}.json"
    # Written afresh every run (a file left by an older generator would measure an old schema),
    # but only when the text differs, so the registry cache stays warm between runs.
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if not big_yaml.exists() or big_yaml.read_text(encoding="utf-8") != text:
        big_yaml.write_text(text, encoding="utf-8")
    # What jq sorts: the models with counts as numbers (the JSON a user would have).
    models = [{**m, "params": {"total": int(str(m["params"]["total"])[:-1]) * 10**9}} for m in data["models"]]  # type: ignore[index, union-attr]
    big_json.write_text(json.dumps(models), encoding="utf-8")
    return big_yaml, big_json


def cnai_command() -> list[str]:
    script = Path(sys.executable).with_name("cnai")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cnai"]


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run; the output goes to /dev/null."""
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}: {proc.stderr.decode()}")
    return elapsed


# A small process that runs the command and reports its children's peak RSS: measuring from
# this (large) process would count pages the child inherits before exec.
_LAUNCHER = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_rss_kib(argv: list[str], env: dict[str, str]) -> int:
    out = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], env=env, capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


_TYPER_FLOOR = """\
import typer

app = typer.Typer(add_completion=False)


@app.command("list")
def list_(json: bool = False) -> None:
    print("[]")


@app.command()
def show(name: str) -> None:
    print(name)


app()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--models", type=int, default=10_000)
    args = parser.parse_args()

    big_yaml, big_json = write_inputs(args.models)
    cnai = cnai_command()
    # Measure what an installed cnai does: pip compiles bytecode at install time, so make sure
    # it exists here too (an environment with PYTHONDONTWRITEBYTECODE would recompile each run).
    import compileall

    import cnai as package

    compileall.compile_dir(str(Path(package.__file__).parent), quiet=1)
    warm_cache = tempfile.mkdtemp(prefix="cnai-bench-cache-")
    env = {**os.environ, "XDG_CACHE_HOME": warm_cache, "NO_COLOR": "1"}
    env.pop("CNAI_REGISTRY", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    jq = shutil.which("jq")

    # The chosen stack's own floor: a two-command Typer app that prints `[]`. Whatever cnai does
    # sits on top of this; a budget below it cannot be met while Typer is the parser.
    typer_app = OUT / "typer_floor.py"
    typer_app.write_text(_TYPER_FLOOR, encoding="utf-8")
    cases: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "typer floor (2-command app)": [sys.executable, str(typer_app), "list", "--json"],
        "cnai list --json": [*cnai, "list", "--json"],
        "cnai show qwen3 --json": [*cnai, "show", "qwen3", "--json"],
        "cnai compare qwen3 prover-v2": [*cnai, "compare", "qwen3", "prover-v2"],
        "cnai funding --currency KRW --json": [*cnai, "funding", "--currency", "KRW", "--json"],
        "big rank (warm)": [*cnai, "--registry", str(big_yaml), "rank", "--by", "params", "--top", "10", "--json"],
        "big rank (cold)": [*cnai, "--registry", str(big_yaml), "rank", "--by", "params", "--top", "10", "--json"],
        "CSafeLoader big.yaml": [
            sys.executable, "-c",
            f"import yaml; yaml.load(open({str(big_yaml)!r}, encoding='utf-8'), Loader=yaml.CSafeLoader)",
        ],
    }  # fmt: skip
    if jq:
        cases["jq sort big.json"] = [jq, "sort_by(-.params.total) | .[:10]", str(big_json)]

    # Warm the cache once (the "second run" of the budget) before measuring.
    for name in ("cnai list --json", "cnai funding --currency KRW --json", "big rank (warm)"):
        timed(cases[name], env)

    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, argv in cases.items():
            run_env = env
            if name == "big rank (cold)":
                run_env = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cnai-bench-cold-")}
            times[name].append(timed(argv, run_env))

    med = {name: statistics.median(values) for name, values in times.items()}
    floor = med["python -c pass"]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    print(f"machine: {machine}")
    size = big_yaml.stat().st_size
    print(f"rounds: {args.rounds} (interleaved), synthetic registry: {args.models:,} models ({size:,} bytes)")
    print()
    print(f"{'case':40} {'median':>9}")
    for name in cases:
        print(f"{name:40} {med[name] * 1000:8.1f}ms")
    print()
    checks = [
        ("list --json / python -c pass", med["cnai list --json"] / floor, 6.5),
        ("show --json / python -c pass", med["cnai show qwen3 --json"] / floor, 6.5),
        ("compare a b (piped) / python -c pass", med["cnai compare qwen3 prover-v2"] / floor, 9.0),
        ("funding --currency KRW / python -c pass", med["cnai funding --currency KRW --json"] / floor, 8.0),
        ("big rank first run / CSafeLoader", med["big rank (cold)"] / med["CSafeLoader big.yaml"], 1.2),
    ]
    if jq:
        checks.insert(4, ("big rank second run / jq", med["big rank (warm)"] / med["jq sort big.json"], 0.6))
    else:
        print("jq not found: the jq comparison is skipped")
    print(f"{'budget':45} {'ratio':>8} {'target':>8}")
    for name, ratio, target in checks:
        verdict = "ok" if ratio <= target else "OVER"
        print(f"{name:45} {ratio:7.2f}× {target:7.1f}×  {verdict}")
    stack = med["typer floor (2-command app)"] / floor
    print(f"{'typer floor / python -c pass':45} {stack:7.2f}×  (the parser alone: no budget can be lower)")
    ours = (med["cnai list --json"] - med["typer floor (2-command app)"]) * 1000
    print(f"{'list --json above the typer floor':45} {ours:7.1f} ms")
    peak = max(peak_rss_kib(cases["cnai list --json"], env) for _ in range(3)) / 1024
    print(f"{'list --json peak memory (MiB)':45} {peak:8.1f} {30.0:8.1f}   {'ok' if peak <= 30 else 'OVER'}")


if __name__ == "__main__":
    main()

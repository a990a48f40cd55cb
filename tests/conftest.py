"""Shared fixtures: a CliRunner in an isolated environment, and small registry files.

Every CLI test runs with NO_COLOR, a fixed COLUMNS, an English locale and a temporary HOME,
so results do not depend on the machine or the developer's shell.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cnai.cli import app

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "models.yaml"

ISOLATED_ENV = {
    "NO_COLOR": "1",
    "COLUMNS": "80",
    "LANG": "en_US.UTF-8",
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "CNAI_REGISTRY": None,
    "CNAI_DEBUG": None,
    "FORCE_COLOR": None,
    "TERM": "xterm",
    "XDG_CACHE_HOME": None,  # the registry cache goes under the temporary HOME
    "CNAI_NO_CACHE": None,
}


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
        return runner.invoke(app, list(args), env={**ISOLATED_ENV, **(env or {})})

    return invoke


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str, str], str]:
    """Write dedented YAML to a temporary file and return its path."""

    def write(text: str, name: str = "user.yaml") -> str:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return str(path)

    return write


MINIMAL = """\
schema: 1
sources:
  card: {title: "A model card", url: "https://example.org/card", date: "2025-01-01"}
vendors:
  - {id: acme, name: Acme, names: {ko: 애크미, zh: 阿克米}, country: CN}
families:
  - {id: rocket, name: Rocket, vendor: acme, flagship: rocket-70b-a7b, aliases: [로켓]}
benchmarks:
  - {id: aime24, name: AIME 2024, measures: math, unit: "%", higher_is_better: true}
rates:
  - {date: "2025-01-01", base: USD, rates: {CNY: 7.3, KRW: 1450}, source: card}
models:
  - id: rocket-70b-a7b
    name: Rocket-70B-A7B
    family: rocket
    vendor: acme
    released: "2025-01-01"
    architecture: moe
    params: {total: 70B, active: 7B}
    context: {native: 32768, max: 131072}
    license: Apache-2.0
    open_weights: true
    benchmarks:
      aime24: {value: 50.5, setting: "pass@1", self_reported: true, source: card}
    sources: [card]
  - id: rocket-7b
    name: Rocket-7B
    family: rocket
    released: "2025-02-01"
    architecture: dense
    params: {total: 7B}
    open_weights: false
    benchmarks:
      aime24: {value: 50.5, setting: "pass@1", self_reported: true, source: card}
    sources: [card]
"""


@pytest.fixture
def minimal(write_yaml: Callable[[str, str], str]) -> str:
    return write_yaml(MINIMAL, "minimal.yaml")

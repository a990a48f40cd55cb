"""Shared fixtures: a hermetic session, a CliRunner in an isolated environment, small registries.

Hermetic: before any test is collected, `pytest_configure` replaces the process environment
with a scrubbed one — a private HOME and XDG cache/data/config/state folders under a session
temporary directory, no `CNAI_*` variable, an explicit C.UTF-8 locale, NO_COLOR, fixed COLUMNS,
no proxies — so in-process tests *and* every subprocess they start (which inherit os.environ)
neither read nor write the developer's real directories, and a hostile shell
(`CNAI_DEBUG=1 LC_ALL=ko_KR.UTF-8 XDG_CACHE_HOME=/nonexistent …`) cannot change a result.
`pytest_sessionfinish` then checks that the real `~/.cache/cnai` and `~/.local/share/cnai`
are exactly as they were, and fails the run if not.

Every CLI test runs with NO_COLOR, a fixed COLUMNS, an English locale and a temporary HOME.
The registry cache is the session's (XDG_CACHE_HOME above), shared by every test as a user's is
shared by every run: its key covers the code and the files, so a test reads exactly what it would
have built; the first test of each file set builds it. (A cache per test tripled the time of the CLI
tests, and of every mutant under mutmut.) Tests of the cache itself use their own folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cnai.cli import app

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "models.yaml"

# Variables that change what cnai or its libraries do; removed for the whole session.
_SCRUBBED_PREFIXES = ("CNAI_", "_CNAI", "LC_", "XDG_", "COMP_", "PYTHON", "HF_", "HUGGINGFACE_")
_SCRUBBED = {
    "LANG",
    "LANGUAGE",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "COLORTERM",
    "COLUMNS",
    "LINES",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "no_proxy",
    "NO_PROXY",
    "REQUESTS_CA_BUNDLE",
    "SSL_CERT_FILE",
    "TZ",
}
_REAL_HOME = os.path.expanduser("~")
_GUARDED = [Path(_REAL_HOME) / ".cache" / "cnai", Path(_REAL_HOME) / ".local" / "share" / "cnai"]
_SESSION: dict[str, object] = {}


def _snapshot(folder: Path) -> list[tuple[str, int, int]] | None:
    """What a folder holds (names, sizes, mtimes), or None when it does not exist."""
    if not folder.exists():
        return None
    return sorted((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*"))


def hermetic_environ(base: Path) -> dict[str, str]:
    """The scrubbed environment every test process runs in; folders under `base`."""
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED and not k.startswith(_SCRUBBED_PREFIXES)}
    folders = {
        "HOME": base / "home",
        "XDG_CACHE_HOME": base / "cache",
        "XDG_DATA_HOME": base / "data",
        "XDG_CONFIG_HOME": base / "config",
        "XDG_STATE_HOME": base / "state",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    env.update({name: str(folder) for name, folder in folders.items()})
    env.update(
        {
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "NO_COLOR": "1",
            "TERM": "dumb",
            "COLUMNS": "80",
            "PYTHONIOENCODING": "utf-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "TZ": "UTC",
            # The Hub client must never reach the internet from a test: any test that does not
            # point it at its own local server meets a refused connection (port 9, discard).
            "HF_ENDPOINT": "http://127.0.0.1:9",
            "HF_HOME": str(base / "hf"),
            "CNAI_TODAY": "2026-12-03",  # staleness and default dates do not change with the calendar
            "NO_PROXY": "*",
        }
    )
    return env


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-readme",
        action="store_true",
        help="rewrite the README's console examples from real output (the test then skips, never passes)",
    )


def pytest_configure(config: pytest.Config) -> None:
    base = Path(tempfile.mkdtemp(prefix="cnai-tests-"))
    _SESSION.update(base=base, before={str(f): _snapshot(f) for f in _GUARDED})
    env = hermetic_environ(base)
    os.environ.clear()
    os.environ.update(env)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = _SESSION.get("before")
    if before is None:
        return
    changed = [folder for folder in _GUARDED if _snapshot(folder) != before[str(folder)]]  # type: ignore[index]
    if changed:
        session.config.get_terminal_writer().line(
            f"NOT HERMETIC: the test run changed {', '.join(map(str, changed))}", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    shutil.rmtree(str(_SESSION["base"]), ignore_errors=True)


ISOLATED_ENV = {
    "NO_COLOR": "1",
    "COLUMNS": "80",
    "LANG": "en_US.UTF-8",
    "LC_ALL": None,
    "LANGUAGE": None,
    "LC_MESSAGES": None,
    "CNAI_REGISTRY": None,
    "CNAI_DEBUG": None,
    "CNAI_TODAY": "2026-12-03",
    "FORCE_COLOR": None,
    "TERM": "xterm",
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
      aime24: {value: 50.5, k: 1, self_reported: true, source: card}
    sources: [card]
  - id: rocket-7b
    name: Rocket-7B
    family: rocket
    released: "2025-02-01"
    architecture: dense
    params: {total: 7B}
    open_weights: false
    benchmarks:
      aime24: {value: 50.5, k: 1, self_reported: true, source: card}
    sources: [card]
"""


@pytest.fixture
def minimal(write_yaml: Callable[[str, str], str]) -> str:
    return write_yaml(MINIMAL, "minimal.yaml")


@pytest.fixture(autouse=True)
def _no_subprocess_under_mutmut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under mutmut a test that runs cnai in a subprocess runs the installed package, not the
    mutant: it cannot kill it, only slow the run down (or time out). Such tests skip there."""
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    import subprocess

    def refuse(*args: object, **kwargs: object) -> None:
        pytest.skip("runs a subprocess: the installed package, not the mutant")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)

"""Whole-process behaviour: `python -m cnai`, real pipes, import costs, and an installed wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

ENV = {**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
ENV.pop("CNAI_REGISTRY", None)


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env or ENV, timeout=120, check=False
    )


def test_python_dash_m_is_the_same_program(tmp_path):
    result = run("-m", "cnai", "--version", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "cnai 0.2.0 (registry snapshot 2026-12-03)\n", "")
    listed = run("-m", "cnai", "list", "--json", cwd=tmp_path)
    assert listed.returncode == 0
    assert "qwen3-235b-a22b" in [m["id"] for m in json.loads(listed.stdout)]


def imported_modules(*args: str) -> set[str]:
    result = run("-X", "importtime", "-m", "cnai", *args)
    assert result.returncode == 0, result.stderr
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("list", "-h")])
def test_version_and_help_import_no_registry_nor_pint(args):
    modules = imported_modules(*args)
    assert not {"pint", "yaml", "cnai.registry", "rich"} & modules


def test_list_json_imports_neither_pint_nor_rich():
    imported_modules("list", "--json")  # a cold run builds the cache (pint computes its factors)
    modules = imported_modules("list", "--json")
    assert "cnai.registry" in modules
    assert not {"pint", "rich", "rich.table"} & modules


@pytest.mark.parametrize(
    "args",
    [
        ("funding", "--currency", "KRW", "--json"),
        ("convert", "600억 위안", "--to", "USD", "--json"),
        ("show", "ernie-4.5-turbo", "--currency", "USD", "--json"),
        ("claims", "--json"),
    ],
)
def test_warm_conversions_do_not_import_pint(args):
    imported_modules(*args)
    assert "pint" not in imported_modules(*args)


def test_rate_overrides_still_use_pint():
    modules = imported_modules("convert", "1 EUR", "--to", "KRW", "--rate", "EUR:USD=1.1", "--json")
    assert "pint" in modules


def test_closed_pipe_is_quiet():
    # Enough output to overflow the pipe buffer once the reader has gone.
    shell = f"{sys.executable} -m cnai list --format csv --all-variants; " * 40
    proc = subprocess.run(
        ["bash", "-c", f"({shell}) | head -c 10"], capture_output=True, text=True, env=ENV, timeout=120
    )
    assert len(proc.stdout) == 10
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr


def test_piped_json_has_no_ansi_even_when_forced():
    result = run("-m", "cnai", "compare", "qwen3", "mimo", "--json", env={**ENV, "FORCE_COLOR": "1"})
    assert "\x1b" not in result.stdout
    json.loads(result.stdout)


def test_ascii_stdout_still_gives_valid_json():
    result = run("-m", "cnai", "show", "qwen3", "--json", env={**ENV, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["names"]["ko"] == "큐원3-235B-A22B"


def test_bug_is_one_line_and_debug_shows_traceback(tmp_path):
    code = (
        "import sys; import cnai.views as v\n"
        "def boom(*a, **k): raise RuntimeError('kaput')\n"
        "v.list_view = boom\n"
        "from cnai.cli import main; sys.argv=['cnai','list']; main()\n"
    )
    result = run("-c", code)
    assert result.returncode == 1
    assert result.stderr == "cnai: internal error: RuntimeError: kaput (set CNAI_DEBUG=1 to see the traceback)\n"
    debug = run("-c", code, env={**ENV, "CNAI_DEBUG": "1"})
    assert "Traceback" in debug.stderr and "kaput" in debug.stderr


@pytest.mark.slow
def test_pip_install_into_a_fresh_venv_runs_from_elsewhere(tmp_path):
    """`pip install .` into a new venv, then the `cnai` script run from another directory.

    The venv reaches the test environment's dependencies through a .pth file, so the test
    needs no network; cnai itself comes only from the wheel pip builds from this checkout.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    (site_dir,) = venv.glob("lib/python*/site-packages")
    deps = next(p for p in sys.path if p.endswith("site-packages") and Path(p, "typer").is_dir())
    (site_dir / "_test_deps.pth").write_text(deps + "\n", encoding="utf-8")
    python = venv / "bin" / "python"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-build-isolation",
         "-q", str(ROOT)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    installed = site_dir / "cnai" / "data" / "models.yaml"
    assert installed.is_file(), "the registry did not travel inside the wheel"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in ENV.items() if k != "PYTHONPATH"}
    where = subprocess.run(
        [str(python), "-c", "import cnai.registry as r; print(r.bundled_path())"],
        capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert where.stdout.strip() == str(installed)
    shown = subprocess.run(
        [str(venv / "bin" / "cnai"), "compare", "qwen3", "prover-v2"],
        capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0].split() == ["Field", "Qwen3-235B-A22B", "DeepSeek-Prover-V2-671B"]

"""The suite is hermetic, and the registry cache can never outlive the code that filled it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from cnai import cache

from .conftest import _GUARDED, _REAL_HOME, ROOT

PACKAGE = ROOT / "cnai"


def test_every_test_runs_in_a_private_home():
    assert os.environ["HOME"] != _REAL_HOME
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        assert not os.environ[name].startswith(_REAL_HOME + os.sep), name
    assert [k for k in os.environ if k.startswith("CNAI_")] == ["CNAI_TODAY"]  # a fixed day, nothing else
    assert os.environ["LC_ALL"] == "C.UTF-8" and os.environ["NO_COLOR"] == "1"
    assert cache.folder() == Path(os.environ["XDG_CACHE_HOME"]) / "cnai"


def test_a_subprocess_writes_its_cache_in_the_private_home(tmp_path):
    before = {str(f): sorted(f.rglob("*")) if f.exists() else None for f in _GUARDED}
    result = subprocess.run(
        [sys.executable, "-m", "cnai", "list", "--json"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    private = Path(os.environ["XDG_CACHE_HOME"]) / "cnai"
    assert list(private.glob("*.pickle")), "the run used no cache at all, so this proves nothing"
    assert {str(f): sorted(f.rglob("*")) if f.exists() else None for f in _GUARDED} == before


def _copy_of_cnai(where: Path) -> Path:
    """A runnable copy of the package with the bundled registry beside it (a source checkout)."""
    shutil.copytree(PACKAGE, where / "cnai", ignore=shutil.ignore_patterns("__pycache__"))
    (where / "data").mkdir()
    shutil.copy(ROOT / "data" / "models.yaml", where / "data" / "models.yaml")
    return where / "cnai"


def _licence(checkout: Path, cache_home: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(checkout.parent), "XDG_CACHE_HOME": str(cache_home)}
    code = "from cnai.registry import load; print(load([]).models['qwen3-8b'].license)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=checkout.parent, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_changed_loader_never_reads_the_old_cache(tmp_path):
    """The bug this guards: a loader edit that drops every licence passed on a warm cache."""
    if "MUTANT_UNDER_TEST" in os.environ:
        import pytest

        pytest.skip("mutmut rewrites the loader this test edits; the edit would land elsewhere")
    checkout = _copy_of_cnai(tmp_path / "src")
    cache_home = tmp_path / "cache"
    assert _licence(checkout, cache_home) == "Apache-2.0"
    assert len(list((cache_home / "cnai").glob("*.pickle"))) == 1
    loader = next(p for p in checkout.glob("*.py") if "def _model(" in p.read_text(encoding="utf-8"))
    text = loader.read_text(encoding="utf-8")
    # The edited loader forgets every licence. Same size would not help it hide: mtime changes too.
    patched = text.replace("license=", "license=None and ", 1)
    assert patched != text
    loader.write_text(patched, encoding="utf-8")
    assert _licence(checkout, cache_home) == "None"
    assert len(list((cache_home / "cnai").glob("*.pickle"))) == 2


def test_code_signature_follows_every_module(tmp_path, monkeypatch):
    checkout = _copy_of_cnai(tmp_path / "src")
    monkeypatch.setattr(cache, "__file__", str(checkout / "cache.py"))
    first = cache.code_signature()
    assert first is not None and b"registry.py" in first and b"schema.py" in first
    module = checkout / "numbers.py"
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert cache.code_signature() != first
    (checkout / "new_rules.py").write_text("# a module that did not exist\n", encoding="utf-8")
    assert b"new_rules.py" in (cache.code_signature() or b"")


def test_unidentifiable_code_disables_the_cache(monkeypatch, minimal):
    monkeypatch.setattr(cache, "code_signature", lambda: None)
    assert cache.key([(minimal, b"x")]) is None

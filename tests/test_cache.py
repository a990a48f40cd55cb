"""The registry cache: a speed-up that can never change an answer or cause an error."""

from __future__ import annotations

import os
import threading

import pytest

from cnai import cache
from cnai.errors import RegistryInvalid
from cnai.registry import Registry, load

from .conftest import MINIMAL


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CNAI_NO_CACHE", raising=False)
    return tmp_path / "cache" / "cnai"


def entries(folder):
    return sorted(p.name for p in folder.glob("*.pickle")) if folder.exists() else []


def test_second_load_comes_from_the_cache(minimal, cache_home, monkeypatch):
    first = load([minimal], bundled=False)
    assert len(entries(cache_home)) == 1
    # A cache hit never parses YAML: prove it by making parsing impossible.
    monkeypatch.setattr("cnai.yamlread.parse_yaml", lambda *a: pytest.fail("parsed despite the cache"))
    second = load([minimal], bundled=False)
    assert second.models == first.models and second is not first


def test_an_edit_invalidates_the_entry(write_yaml, cache_home):
    path = write_yaml(MINIMAL)
    assert load([path], bundled=False).models["rocket-7b"].name == "Rocket-7B"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(MINIMAL.replace("name: Rocket-7B", "name: Rocket-7B Mk2"))
    assert load([path], bundled=False).models["rocket-7b"].name == "Rocket-7B Mk2"
    assert len(entries(cache_home)) == 2


def test_invalid_registries_are_never_cached(write_yaml, cache_home):
    path = write_yaml("schema: 1\nmodels: [{id: x}]\n")
    for _ in range(2):
        with pytest.raises(RegistryInvalid):
            load([path], bundled=False)
    assert entries(cache_home) == []


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95truncated"])
def test_a_corrupt_entry_is_a_miss(minimal, cache_home, garbage):
    load([minimal], bundled=False)
    (entry,) = cache_home.glob("*.pickle")
    entry.write_bytes(garbage)
    reg = load([minimal], bundled=False)
    assert isinstance(reg, Registry) and "rocket-7b" in reg.models
    assert entry.read_bytes() != garbage  # rewritten with a good entry


def test_a_foreign_or_shared_entry_is_never_loaded(minimal, cache_home):
    load([minimal], bundled=False)
    (entry,) = cache_home.glob("*.pickle")
    os.chmod(entry, 0o666)  # writable by others: someone could have planted it
    assert cache.get(entry.stem) is None
    os.chmod(entry, 0o600)
    assert isinstance(cache.get(entry.stem), Registry)
    if os.geteuid() == 0:
        os.chown(entry, 12345, 12345)
        assert cache.get(entry.stem) is None


def test_an_unwritable_cache_is_ignored(minimal, tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # mkdir under a file fails
    assert "rocket-7b" in load([minimal], bundled=False).models
    monkeypatch.setenv("CNAI_NO_CACHE", "1")
    assert cache.folder() is None and "rocket-7b" in load([minimal], bundled=False).models


def test_concurrent_writers_never_leave_half_an_entry(minimal, cache_home):
    reg = load([minimal], bundled=False, cache=False)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(20):
                cache.put("k" * 64, reg)
                got = cache.get("k" * 64)
                assert got is None or isinstance(got, Registry)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert isinstance(cache.get("k" * 64), Registry)
    assert not list(cache_home.glob(".tmp-*"))


def test_old_entries_are_pruned(minimal, cache_home):
    reg = load([minimal], bundled=False, cache=False)
    for i in range(cache.KEEP + 5):
        cache.put(f"{i:064d}", reg)
    assert len(entries(cache_home)) == cache.KEEP

"""docs/registry.md cannot drift from the loader: every accepted key is documented, per section."""

from __future__ import annotations

import re

import pytest

from cnai.rules import _ALLOWED, _PRICE_KEYS, _SCORE_KEYS, _SOURCE_KEYS

from .conftest import ROOT

DOC = (ROOT / "docs" / "registry.md").read_text(encoding="utf-8")


def section(name: str, level: str = "##") -> str:
    match = re.search(rf"^{level} {name}(?![a-z]).*?(?=^##|\Z)", DOC, re.M | re.S)
    assert match, f"docs/registry.md has no section {name!r}"
    return match.group(0)


@pytest.mark.parametrize("name", [*_ALLOWED, "sources"])
def test_every_key_is_documented(name):
    keys = _SOURCE_KEYS if name == "sources" else _ALLOWED[name]
    text = section(name)
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", text, re.M))
    assert documented == set(keys), (name, set(keys) ^ documented)


@pytest.mark.parametrize(
    ("title", "keys"), [("a model's `prices`", _PRICE_KEYS), ("a model's `benchmarks`", _SCORE_KEYS)]
)
def test_every_nested_key_is_documented(title, keys):
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section(re.escape(title), "###"), re.M))
    assert documented == set(keys), (title, set(keys) ^ documented)


def test_readme_points_at_the_format():
    assert "docs/registry.md" in (ROOT / "README.md").read_text(encoding="utf-8")

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
    documented = set(re.findall(r"^\| `([a-z0-9_]+)` \|", text, re.M))
    assert documented == set(keys), (name, set(keys) ^ documented)


@pytest.mark.parametrize(
    ("title", "keys"), [("a model's `prices`", _PRICE_KEYS), ("a model's `benchmarks`", _SCORE_KEYS)]
)
def test_every_nested_key_is_documented(title, keys):
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section(re.escape(title), "###"), re.M))
    assert documented == set(keys), (title, set(keys) ^ documented)


def test_readme_points_at_the_format():
    assert "docs/registry.md" in (ROOT / "README.md").read_text(encoding="utf-8")


JSON_DOC = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
JSON_COMMANDS = {
    "`cnai list`, `cnai filter`, `cnai show` — model objects": ["show", "qwen3"],
    "`cnai compare`": ["compare", "qwen3", "prover-v2"],
    "`cnai rank`": ["rank", "--by", "aime24", "--top", "1"],
    "`cnai funding`": ["funding", "--currency", "KRW"],
    "`cnai convert`": ["convert", "1 CNY", "--to", "KRW"],
    "`cnai rates`": ["rates"],
    "`cnai claims`": ["claims"],
    "`cnai check`": ["check", str(ROOT / "docs" / "examples" / "article-sample.txt")],
    "`cnai vendors`": ["vendors"],
    "`cnai benchmarks`": ["benchmarks"],
    "`cnai info`": ["info"],
    "`cnai validate FILE`": ["validate", str(ROOT / "data" / "models.yaml")],
}


def _documented_keys(title: str) -> list[str]:
    match = re.search(rf"^### {re.escape(title)}\n.*?^Keys: ([^\n]+)$", JSON_DOC, re.M | re.S)
    assert match, f"docs/json.md has no Keys: line under {title!r}"
    return [k.strip() for k in match.group(1).split(",")]


@pytest.mark.parametrize("title", list(JSON_COMMANDS))
def test_json_contract_matches_real_output(cli, title):
    import json

    result = cli(*JSON_COMMANDS[title], "--json")
    assert result.exit_code == (4 if title == "`cnai check`" else 0), result.stderr
    data = json.loads(result.stdout)
    first = data[0] if isinstance(data, list) else data
    assert list(first) == _documented_keys(title)


def test_every_command_with_json_is_documented():
    assert set(re.findall(r"^### (.+)$", JSON_DOC, re.M)) == set(JSON_COMMANDS)


def test_list_and_filter_share_the_model_keys(cli):
    import json

    keys = _documented_keys("`cnai list`, `cnai filter`, `cnai show` — model objects")
    for args in (["list", "--limit", "1"], ["filter", "params>=1T"]):
        assert list(json.loads(cli(*args, "--json").stdout)[0]) == keys

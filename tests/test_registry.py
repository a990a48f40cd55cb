"""The loader: safe YAML, FILE:LINE problems (all of them), schema and cross-field rules, merging."""

from __future__ import annotations

import pytest

from cnai.errors import NotFoundError, RegistryInvalid, RegistryUnreadable
from cnai.registry import bundled_path, load, normalize_name
from cnai.yamlread import read_text

from .conftest import MINIMAL


def problems(path: str, *, bundled: bool = False) -> list[str]:
    with pytest.raises(RegistryInvalid) as info:
        load([path], bundled=bundled)
    return [p.split(":", 1)[1] for p in info.value.problems]  # drop the file name


def test_bundled_registry_validates():
    reg = load([])
    assert len(reg.models) >= 30
    assert {"deepseek", "alibaba", "xiaomi", "baidu", "openai"} <= set(reg.vendors)


def test_bundled_path_is_the_top_level_data_file():
    assert bundled_path().read_text(encoding="utf-8").startswith("# cnai registry")


def test_minimal_loads(minimal):
    reg = load([minimal], bundled=False)
    assert list(reg.models) == ["rocket-70b-a7b", "rocket-7b"]
    assert reg.models["rocket-70b-a7b"].params_active == 7_000_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("schema: 1\nschema: 1\n", "2: schema: duplicate key 'schema' (first at line 1, again at line 2)"),
        ("schema: 1\nvendors: &v [{id: a, name: A, country: CN}]\nfamilies: *v\n",
         "3: (top): YAML aliases (*name) are not allowed in a registry; write the value out"),
        ("schema: 1\nvendors: [{id: a, name: NO, country: CN}]\n", "2: vendors[0].name: expected text, got NO (YAML reads it as false); quote it"),
        ("schema: 1\nmodels: [{id: m, name: M, family: f, languages: 012}]\n",
         "2: models[0].languages: expected a whole number in plain decimal, got 012 (YAML reads it as 10)"),
        ("schema: 1\nmodels: [{id: m, name: M, family: f, released: 2025-13-45}]\n", "2: models[0].released: '2025-13-45' is not a real date"),
        ("schema: 1\nmodels: [{id: m, name: M, family: f, open_weights: yes}]\n",
         "2: models[0].open_weights: expected true or false, got yes (YAML reads it as true)"),
        ("schema: 1\nmodels: [{id: m, name: M, family: f, params: {total: lots}}]\n",
         "2: models[0].params.total: expected a count such as 7B, 235B or 32768, got 'lots'"),
        ("schema: 1\nmodels: [{id: m, name: M, family: f, architektur: moe}]\n",
         "2: models[0].architektur: unknown key 'architektur'; did you mean 'architecture'?"),
        ("schema: 2\n", "1: schema: unsupported schema 2; this cnai reads schema 1"),
        ("- a\n- b\n", "1: (top): expected a mapping, got a list"),
        ("just text\n", "1: (top): expected a mapping, got 'just text'"),
        ("", "1: (top): file is empty; a registry is a mapping with `schema: 1` and sections"),
        ("schema: 1\n---\nschema: 1\n", "2: (top): YAML syntax: expected a single document in the stream but found another document"),
        ("schema: !!python/object:os.system 1\n", "1: schema: tag tag:yaml.org,2002:python/object:os.system is not allowed"),
        ("schema: [" * 40 + "]" * 40 + "\n", "1: (top): nested more than 32 levels deep"),
    ],
)  # fmt: skip
def test_yaml_problems_name_the_line(write_yaml, text, expected):
    path = write_yaml(text)
    assert expected in problems(path)


def test_deep_nesting_is_not_a_crash(write_yaml):
    path = write_yaml("[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(RegistryInvalid):
        load([path], bundled=False)


def test_alias_bomb_is_refused_fast(write_yaml):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    path = write_yaml(bomb)
    assert any("aliases" in p for p in problems(path))


def test_encodings(tmp_path):
    utf16 = tmp_path / "u16.yaml"
    utf16.write_bytes("schema: 1\n".encode("utf-16"))
    assert problems(str(utf16)) == ["1: (top): file is UTF-16; save it as UTF-8"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"schema: 1\nvendors: []\n# caf\xe9\n")
    assert problems(str(latin)) == ["3: (top): invalid UTF-8 (byte 0xe9); save the file as UTF-8"]
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert len(load([str(bom)], bundled=False).models) == 2


def test_unreadable_files(tmp_path):
    with pytest.raises(RegistryUnreadable, match="no such file"):
        read_text(str(tmp_path / "nope.yaml"))
    with pytest.raises(RegistryUnreadable, match="is a directory"):
        read_text(str(tmp_path))
    with pytest.raises(RegistryUnreadable, match="not a regular file"):
        read_text("/dev/zero")


def test_model_rules(write_yaml):
    text = MINIMAL.replace("params: {total: 70B, active: 7B}", "params: {total: 50B, active: 7B}")
    assert "19: models[0].params: the id says 70B but params.total is 50B" in problems(write_yaml(text))
    text = MINIMAL.replace("architecture: moe\n", "architecture: dense\n", 1)
    assert "18: models[0].architecture: params.active is set, so architecture must be moe" in problems(write_yaml(text))
    text = MINIMAL.replace("params: {total: 70B, active: 7B}", "params: {total: 70B}")
    assert "19: models[0].params: architecture is moe but params.active is not given" in problems(write_yaml(text))
    text = MINIMAL.replace("native: 32768, max: 131072", "native: 131072, max: 32768")
    assert "20: models[0].context: native context (131,072) exceeds max (32,768)" in problems(write_yaml(text))


def test_reference_rules(write_yaml):
    text = MINIMAL.replace(
        "source: card}\n    sources: [card]\n  - id: rocket-7b",
        "source: cardd}\n    sources: [card]\n  - id: rocket-7b",
    )
    assert "24: models[0].benchmarks.aime24.source: unknown source 'cardd'; did you mean 'card'?" in problems(
        write_yaml(text)
    )
    text = MINIMAL.replace("flagship: rocket-70b-a7b", "flagship: rocket-1b")
    assert "7: families[0].flagship: unknown model 'rocket-1b'; did you mean 'rocket-7b'?" in problems(write_yaml(text))
    text = MINIMAL.replace("aime24: {value: 50.5, k: 1, self_reported: true, source: card}\n    sources: [card]\n  - id: rocket-7b",
                           "aime25: {value: 50.5, source: card}\n    sources: [card]\n  - id: rocket-7b")  # fmt: skip
    assert "24: models[0].benchmarks.aime25: unknown benchmark 'aime25'; did you mean 'aime24'?" in problems(
        write_yaml(text)
    )


def test_duplicate_names_across_records(write_yaml):
    text = MINIMAL.replace("aliases: [로켓]", "aliases: [로켓, rocket 7b]")
    assert any("name 'rocket7b' also belongs to" in p for p in problems(write_yaml(text)))
    text = MINIMAL + "  - {id: rocket-7b, name: X, family: rocket}\n"
    assert any("duplicate id 'rocket-7b' in this file" in p for p in problems(write_yaml(text)))


def test_overlay_replaces_by_id(minimal, write_yaml):
    other = write_yaml(
        "schema: 1\nmodels:\n  - {id: rocket-7b, name: R7, family: rocket, params: {total: 7B}, architecture: dense, sources: [card]}\n",
        "over.yaml",
    )
    reg = load([minimal, other], bundled=False)
    assert reg.models["rocket-7b"].name == "R7"
    assert reg.files[-1] == other


def test_resolution_order(minimal):
    reg = load([minimal], bundled=False)
    assert reg.resolve("rocket-7b").id == "rocket-7b"  # exact id
    assert reg.resolve("ROCKET 70B A7B").id == "rocket-70b-a7b"  # name, normalised
    assert reg.resolve("로켓").id == "rocket-70b-a7b"  # family alias → flagship
    with pytest.raises(NotFoundError, match="Did you mean: rocket-7b"):
        reg.resolve("rocket-8b")


def test_normalize_name():
    assert normalize_name("Prover V2") == normalize_name("prover-v2") == normalize_name("ｐｒｏｖｅｒ－ｖ２")
    assert normalize_name("큐원 3") == "큐원3"

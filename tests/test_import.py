"""`cnai import hf` against a local server that answers as the Hugging Face Hub does.

HF_ENDPOINT points cnai's Hub client at a server on 127.0.0.1 that serves the reconstructed
model info and config.json of deepseek-ai/DeepSeek-V3 (tests/fixtures/hub/README.md), a 404
for unknown repositories and a 500 for a broken one. Nothing reaches the internet.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from . import localserver
from .conftest import ROOT
from .localserver import serving

pytest.importorskip("huggingface_hub")

FIXTURES = ROOT / "tests" / "fixtures" / "hub"
REPO = "deepseek-ai/DeepSeek-V3"


class HubHandler(localserver.Handler):
    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?", 1)[0]
        if path == f"/api/models/{REPO}":
            self.send(200, (FIXTURES / "deepseek-ai__DeepSeek-V3.model_info.json").read_bytes())
        elif path.startswith(f"/{REPO}/resolve/") and path.endswith("/config.json"):
            self.send(200, (FIXTURES / "deepseek-ai__DeepSeek-V3.config.json").read_bytes())
        elif path.startswith("/api/models/broken/"):
            self.send(500, b'{"error": "Internal Error"}')
        else:
            self.send(404, b'{"error": "Repository not found"}', {"X-Error-Code": "RepoNotFound"})

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        super().send(status, body, {"Content-Type": "application/json", **(headers or {})})


@pytest.fixture(scope="module")
def hub() -> Iterator[str]:
    with serving(HubHandler) as url:
        yield url


@pytest.fixture
def run(cli, hub):
    def invoke(*args: str, env: dict[str, str | None] | None = None):
        return cli("import", "hf", *args, env={"HF_ENDPOINT": hub, "CNAI_NETWORK_TIMEOUT": "2", **(env or {})})

    return invoke


def test_an_entry_from_the_hub_that_validates(run, cli, tmp_path):
    result = run(REPO)
    assert result.exit_code == 0, result.stderr
    document = yaml.safe_load(result.stdout)
    (model,) = document["models"]
    assert model["id"] == "deepseek-v3" and model["name"] == "DeepSeek-V3" and model["vendor"] == "deepseek"
    assert model["family"] == "deepseek-v3"  # the registry's own family for this id
    assert model["params"] == {"total": 684_531_386_000, "active": None}  # counted from the weights
    assert model["architecture"] is None and "256 experts (8 per token)" in model["notes"]
    assert model["context"] == {"native": None, "max": 163_840}
    assert model["license"] == "deepseek" and model["released"] == "2024-12-26"
    assert set(model["sources"]) == set(document["sources"]) == {"hf-deepseek-v3", "hf-deepseek-v3-config"}
    assert document["sources"]["hf-deepseek-v3-config"]["url"].endswith(
        "/deepseek-ai/DeepSeek-V3/blob/" + "0" * 40 + "/config.json"
    )
    path = tmp_path / "imported.yaml"
    path.write_text(result.stdout, encoding="utf-8")
    checked = cli("validate", str(path))
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    shown = json.loads(cli("--registry", str(path), "show", "deepseek-v3", "--json").stdout)
    assert shown["params"]["total"] == 684_531_386_000
    assert shown["origin"]["file"] == str(path)  # the curated entry it replaces stays named


def test_into_a_file_refuses_to_replace_without_replace(run, cli, tmp_path):
    path = tmp_path / "mine.yaml"
    first = run(REPO, "--into", str(path))
    assert first.exit_code == 0 and first.stdout == "", first.stderr
    assert f"added deepseek-v3 to {path}" in first.stderr
    before = path.read_bytes()
    again = run(REPO, "--into", str(path))
    assert again.exit_code == 2 and "already has model 'deepseek-v3'; add --replace" in again.stderr
    assert path.read_bytes() == before
    replaced = run(REPO, "--into", str(path), "--replace")
    assert replaced.exit_code == 0, replaced.stderr
    assert cli("validate", str(path)).exit_code == 0


def test_a_new_family_and_an_explicit_vendor(run):
    result = run(REPO, "--family", "my-family", "--vendor", "alibaba")
    document = yaml.safe_load(result.stdout)
    assert document["families"] == [
        {"id": "my-family", "name": "DeepSeek-V3", "vendor": "alibaba", "flagship": "deepseek-v3"}
    ]
    assert document["models"][0]["vendor"] == "alibaba"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["nobody/Nothing", "--vendor", "deepseek"], 3, "no repository nobody/Nothing"),
        (["broken/Model", "--vendor", "deepseek"], 69, "the server answered 500"),
        (["unknown-org/Model"], 2, "no vendor of the registry is called 'unknown-org'"),
        (["not-a-repo"], 2, "bad repository 'not-a-repo'"),
    ],
)
def test_failures_are_one_line_with_their_code(run, args, code, message):
    result = run(*args)
    assert result.exit_code == code, result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_offline_exits_69_and_writes_nothing(run, tmp_path):
    path = tmp_path / "mine.yaml"
    result = run(REPO, "--into", str(path), env={"HF_ENDPOINT": "http://127.0.0.1:9"})
    assert result.exit_code == 69, result.stderr
    assert "cannot reach http://127.0.0.1:9" in result.stderr
    assert not path.exists()


def test_hub_client_is_not_imported_by_other_commands():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cnai", "list", "--json"], capture_output=True, text=True, check=True
    )
    assert "huggingface_hub" not in out.stderr and "cnai.network" not in out.stderr


def test_fixture_model_info_counts_add_up():
    info = json.loads((FIXTURES / "deepseek-ai__DeepSeek-V3.model_info.json").read_text(encoding="utf-8"))
    assert sum(info["safetensors"]["parameters"].values()) == info["safetensors"]["total"]
    assert Path(FIXTURES / "README.md").is_file()

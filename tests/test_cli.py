"""The commands through CliRunner: every command in every format, exact output, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from cnai.cli import default_lang, hoist_global_options
from cnai.output import Format

LIST_TABLE = """\
ID              Name            Vendor  Released    Architecture  Params  Active  Context  License     Open weights
rocket-70b-a7b  Rocket-70B-A7B  Acme    2025-01-01  MoE              70B      7B     128K  Apache-2.0  yes
rocket-7b       Rocket-7B       Acme    2025-02-01  dense             7B                —  —           no
"""


def test_list_table_is_one_record_per_line(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "list")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == LIST_TABLE
    assert result.stderr == ""


def test_piped_table_ignores_columns(cli, minimal):
    narrow = cli("--no-bundled", "--registry", minimal, "list", env={"COLUMNS": "20"})
    assert narrow.stdout == LIST_TABLE


def test_list_csv(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "list", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [
        "id",
        "name",
        "vendor",
        "released",
        "architecture",
        "params",
        "active",
        "context",
        "license",
        "open_weights",
    ]
    assert rows[1] == [
        "rocket-70b-a7b",
        "Rocket-70B-A7B",
        "acme",
        "2025-01-01",
        "moe",
        "70000000000",
        "7000000000",
        "131072",
        "Apache-2.0",
        "true",
    ]
    assert rows[2] == ["rocket-7b", "Rocket-7B", "acme", "2025-02-01", "dense", "7000000000", "", "", "", "false"]


def test_list_md(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "list", "--format", "md")
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "| ID | Name | Vendor | Released | Architecture | Params | Active | Context | License | Open weights |"
    )
    assert lines[1] == "|---|---|---|---|---|---:|---:|---:|---|---|"
    assert (
        lines[2] == "| rocket-70b-a7b | Rocket-70B-A7B | Acme | 2025-01-01 | MoE | 70B | 7B | 128K | Apache-2.0 | yes |"
    )


def test_list_json_contract(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "list", "--json")
    data = json.loads(result.stdout)
    assert [m["id"] for m in data] == ["rocket-70b-a7b", "rocket-7b"]
    first = data[0]
    assert list(first)[:21] == [
        "id",
        "name",
        "names",
        "family",
        "vendor",
        "country",
        "released",
        "architecture",
        "params",
        "context",
        "license",
        "open_weights",
        "languages",
        "modalities",
        "reasoning",
        "base_model",
        "specialties",
        "benchmarks",
        "price",
        "prices",
        "undisclosed",
    ]
    assert first["params"] == {"total": 70_000_000_000, "active": 7_000_000_000}
    assert first["context"] == {"native": 32768, "max": 131072}
    assert first["names"] == {}
    assert first["benchmarks"]["aime24"] == {
        "value": 50.5,
        "unit": "%",
        "mode": None,
        "k": 1,
        "samples": None,
        "version": None,
        "reported_by": None,
        "note": None,
        "setting": "pass@1",
        "self_reported": True,
        "source": {"key": "card", "title": "A model card", "url": "https://example.org/card", "date": "2025-01-01"},
    }
    assert data[1]["params"] == {"total": 7_000_000_000, "active": None}
    assert data[1]["vendor"] == "acme"  # inherited from its family


def test_empty_json_is_empty_list(cli, minimal):
    # No model of the file is American: an empty result is [] and exit 0, not an error.
    nobody = cli("--no-bundled", "--registry", minimal, "list", "--country", "US", "--json")
    assert (nobody.exit_code, nobody.stdout) == (0, "[]\n"), nobody.stderr
    none = cli("--no-bundled", "--registry", minimal, "list", "--limit", "0", "--json")
    assert (none.exit_code, none.stdout) == (0, "[]\n")


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--open"], ["rocket-70b-a7b"]),
        (["--closed"], ["rocket-7b"]),
        (["--flagships"], ["rocket-70b-a7b"]),
        (["--sort", "released"], ["rocket-7b", "rocket-70b-a7b"]),
        (["--sort", "params", "--limit", "1"], ["rocket-70b-a7b"]),
        (["--family", "로켓"], ["rocket-70b-a7b", "rocket-7b"]),
        (["--vendor", "애크미"], ["rocket-70b-a7b", "rocket-7b"]),
        (["--country", "us"], []),
    ],
)
def test_list_flags(cli, minimal, args, ids):
    result = cli("--no-bundled", "--registry", minimal, "list", *args, "--json")
    assert result.exit_code == 0, result.stderr
    assert [m["id"] for m in json.loads(result.stdout)] == ids


def test_list_bad_sort_is_usage_error(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "list", "--sort", "size")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "cnai: error: cannot sort by 'size'; choose one of: id, name, vendor, family, released, params, active, context\n"
    )


def test_show_resolves_alias_family_and_korean(cli, minimal):
    for name in ("rocket-70b-a7b", "Rocket-70B-A7B", "rocket", "로켓", "ＲＯＣＫＥＴ"):
        result = cli("--no-bundled", "--registry", minimal, "show", name, "--json")
        assert result.exit_code == 0, (name, result.stderr)
        assert json.loads(result.stdout)["id"] == "rocket-70b-a7b"


def test_show_table_lists_fields_and_sources(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "show", "rocket-7b")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Field", "Source", "Value"]
    assert "Released          [1]     2025-02-01" in result.stdout  # the model's sources, said once
    assert "Params (total)            7B (7,000,000,000)" in result.stdout
    assert "[1]: sources for every field that cites none of its own" in result.stdout
    assert "AIME 2024         [1]     50.5% (pass@1; self-reported)" in result.stdout
    assert lines[-1] == "[1] A model card (2025-01-01) https://example.org/card"


def test_show_korean_headers(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "--lang", "ko", "show", "rocket")
    assert result.stdout.splitlines()[0].split() == ["항목", "출처", "값"]
    assert "개발사" in result.stdout and "애크미" in result.stdout


def test_unknown_model_suggests(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "show", "rockett-7b")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert (
        result.stderr == "cnai: error: unknown model 'rockett-7b'. Did you mean: rocket-7b?\n"  # only what is close
    )


def test_unknown_model_without_near_name(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "show", "zzzz")
    assert result.exit_code == 3
    assert result.stderr == "cnai: error: unknown model 'zzzz'. See 'cnai list' for the models\n"


COMPARE_TABLE = """\
Field             Rocket-70B-A7B  Rocket-7B
Vendor                      Acme       Acme
Country                       CN         CN
Family                    rocket     rocket
Released              2025-01-01 2025-02-01
"""


def test_compare_marks_best_and_ties(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "compare", "rocket", "rocket-7b", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["field", "rocket-70b-a7b", "rocket-7b"]
    assert ["params.total", "70000000000", "7000000000"] in rows
    table = cli("--no-bundled", "--registry", minimal, "compare", "rocket", "rocket-7b")
    assert "AIME 2024                50.5% =     50.5% =" in table.stdout
    # Only a tie is marked here, so only the tie is explained: no "* best in row" without a star.
    assert table.stdout.endswith("50.5% =\n= tied for best\n") and "* best in row" not in table.stdout
    data = json.loads(cli("--no-bundled", "--registry", minimal, "compare", "rocket", "rocket-7b", "--json").stdout)
    assert data["best"] == {"benchmarks.aime24": ["rocket-70b-a7b", "rocket-7b"]}
    assert [m["id"] for m in data["models"]] == ["rocket-70b-a7b", "rocket-7b"]


def test_compare_fields(cli, minimal):
    result = cli(
        "--no-bundled", "--registry", minimal, "compare", "rocket", "rocket-7b", "--fields", "size", "--format", "csv"
    )
    assert (
        result.stdout
        == "field,rocket-70b-a7b,rocket-7b\nparams.total,70000000000,7000000000\nparams.active,7000000000,\n"
    )
    bad = cli("--no-bundled", "--registry", minimal, "compare", "rocket", "rocket-7b", "--fields", "colour")
    assert bad.exit_code == 2
    assert "unknown field 'colour'" in bad.stderr


def test_compare_needs_two_different_models(cli, minimal):
    one = cli("--no-bundled", "--registry", minimal, "compare", "rocket")
    assert (one.exit_code, one.stderr) == (2, "cnai: error: compare needs at least two models\n")
    same = cli("--no-bundled", "--registry", minimal, "compare", "rocket", "rocket-70b-a7b")
    assert same.exit_code == 2
    assert "all rocket-70b-a7b" in same.stderr


def test_vendors_all_formats(cli, minimal):
    base = ("--no-bundled", "--registry", minimal, "vendors")
    assert cli(*base).stdout == "ID    Name  Country  Models  Families\nacme  Acme  CN            2  rocket\n"
    assert json.loads(cli(*base, "--json").stdout) == [
        {
            "id": "acme",
            "name": "Acme",
            "names": {"ko": "애크미", "zh": "阿克米"},
            "country": "CN",
            "families": ["rocket"],
            "models": 2,
        }
    ]
    assert cli(*base, "--format", "csv").stdout == "id,name,country,models,families\nacme,Acme,CN,2,rocket\n"
    assert cli(*base, "--format", "md").stdout.splitlines()[2] == "| acme | Acme | CN | 2 | rocket |"


def test_benchmarks_all_formats(cli, minimal):
    base = ("--no-bundled", "--registry", minimal, "benchmarks")
    assert (
        cli(*base).stdout
        == "ID      Name       Measures  Unit  Higher is better\naime24  AIME 2024  math      %     yes\n"
    )
    assert json.loads(cli(*base, "--json").stdout) == [
        {"id": "aime24", "name": "AIME 2024", "measures": "math", "unit": "%", "higher_is_better": True, "source": None}
    ]
    assert (
        cli(*base, "--format", "csv").stdout == "id,name,measures,unit,higher_is_better\naime24,AIME 2024,math,%,true\n"
    )
    assert cli(*base, "--format", "md").stdout.splitlines()[2] == "| aime24 | AIME 2024 | math | % | yes |"


def test_validate_ok(cli, minimal):
    result = cli("--no-bundled", "validate", minimal)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].split()[:2] == [minimal, "ok:"]
    data = json.loads(cli("--no-bundled", "validate", minimal, "--json").stdout)
    assert data["valid"] is True and data["counts"]["models"] == 2


def test_validate_reports_every_problem(cli, write_yaml):
    path = write_yaml(
        """\
        schema: 1
        models:
          - id: a-1b
            name: A
            family: nope
            params: {total: 1B, active: 2B}
          - id: b
            name: B
            family: nope
            colour: red
        """
    )
    result = cli("--no-bundled", "validate", path)
    assert result.exit_code == 65
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}:3: models[0].architecture: params.active is set, so architecture must be moe",
        f"{path}:3: models[0].sources: figures need a source: list at least one source key",
        f"{path}:5: models[0].family: unknown family 'nope'",
        f"{path}:6: models[0].params: active parameters (2,000,000,000) exceed total (1,000,000,000)",
        f"{path}:9: models[1].family: unknown family 'nope'",
        f"{path}:10: models[1].colour: unknown key 'colour'",
        f"cnai: {path}: invalid registry: 6 problems",
    ]


def test_bad_registry_elsewhere_is_one_line(cli, write_yaml):
    path = write_yaml("schema: 1\nmodels: [{id: a}, {id: b}]\n")
    result = cli("--registry", path, "list")
    assert result.exit_code == 65
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"{path}:2: models[0]: missing required key 'name' (and 3 more;")


def test_unreadable_registry_exit_66(cli, tmp_path):
    result = cli("--registry", str(tmp_path / "missing.yaml"), "list")
    assert (result.exit_code, result.stdout) == (66, "")
    assert result.stderr == f"cnai: error: {tmp_path / 'missing.yaml'}: no such file\n"
    directory = cli("--registry", str(tmp_path), "list")
    assert directory.exit_code == 66 and "is a directory" in directory.stderr


def test_cnai_registry_env_and_overlay(cli, minimal, write_yaml):
    override = write_yaml(
        """\
        schema: 1
        models:
          - {id: rocket-7b, name: Rocket-7B v2, family: rocket, architecture: dense, params: {total: 7.2B}, sources: [card]}
        """,
        "override.yaml",
    )
    result = cli("--no-bundled", "list", "--json", env={"CNAI_REGISTRY": f"{minimal}:{override}"})
    assert result.exit_code == 0, result.stderr
    models = {m["id"]: m for m in json.loads(result.stdout)}
    assert models["rocket-7b"]["name"] == "Rocket-7B v2"
    assert models["rocket-7b"]["params"]["total"] == 7_200_000_000


def test_usage_errors_are_one_line(cli):
    for args in (
        ["--format", "xml", "list"],
        ["list", "--bogus"],
        ["nosuchcommand"],
        ["--json", "--format", "csv", "list"],
    ):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("cnai: error: "), result.stderr


def test_version_and_help(cli):
    assert cli("--version").stdout == "cnai 0.2.0 (registry snapshot 2026-12-03)\n"
    assert cli("-V").stdout == "cnai 0.2.0 (registry snapshot 2026-12-03)\n"
    for flag in ("-h", "--help"):
        result = cli(flag)
        assert result.exit_code == 0
        assert "compare" in result.stdout and "--registry" in result.stdout
    for command in ("list", "show", "compare", "vendors", "benchmarks", "validate"):
        text = cli(command, "-h").stdout
        assert "Example" in text, command


def test_global_options_after_command():
    assert hoist_global_options(["list", "--json", "--vendor", "x"]) == ["--json", "list", "--vendor", "x"]
    assert hoist_global_options(["show", "r1", "--lang", "ko"]) == ["--lang", "ko", "show", "r1"]
    assert hoist_global_options(["show", "--format=md", "r1"]) == ["--format=md", "show", "r1"]
    assert hoist_global_options(["show", "--", "--json"]) == ["show", "--", "--json"]


@pytest.mark.parametrize(
    ("env", "lang"),
    [({"LANG": "ko_KR.UTF-8"}, "ko"), ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "C"}, "en"),
     ({"LC_ALL": "ko_KR", "LANG": "zh_CN"}, "ko"), ({}, "en")],
)  # fmt: skip
def test_default_lang(env, lang):
    assert default_lang(env) == lang


def test_every_format_renders(cli, minimal):
    for fmt in Format:
        result = cli("--no-bundled", "--registry", minimal, "--format", fmt.value, "compare", "rocket", "rocket-7b")
        assert result.exit_code == 0 and result.stdout, fmt


def test_bundled_main_job(cli):
    result = cli("compare", "qwen3", "prover-v2")
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header == ["Field", "Qwen3-235B-A22B", "DeepSeek-Prover-V2-671B"]
    assert "miniF2F-test" in result.stdout


def test_compare_all_variants_expands_a_family(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "compare", "rocket", "--all-variants", "--json")
    assert result.exit_code == 0, result.stderr
    assert [m["id"] for m in json.loads(result.stdout)["models"]] == ["rocket-70b-a7b", "rocket-7b"]
    bundled = json.loads(cli("compare", "mimo", "qwen3-4b", "--all-variants", "--json").stdout)
    ids = [m["id"] for m in bundled["models"]]
    assert ids[:4] == ["mimo-7b-base", "mimo-7b-sft", "mimo-7b-rl-zero", "mimo-7b-rl"] and ids[-1] == "qwen3-4b"


COMMANDS = [
    ["list"],
    ["show", "qwen3"],
    ["filter", "params>=100B"],
    ["compare", "qwen3", "prover-v2"],
    ["rank", "--by", "aime24"],
    ["funding", "--currency", "KRW"],
    ["convert", "600억 위안", "--to", "USD"],
    ["rates"],
    ["claims"],
    ["vendors"],
    ["benchmarks"],
    ["validate", "data/models.yaml"],
]


@pytest.mark.parametrize("fmt", [f.value for f in Format])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_in_every_format(cli, command, fmt, monkeypatch):
    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = cli("--format", fmt, *command)
    assert result.exit_code == 0, (command, fmt, result.stderr)
    out = result.stdout
    assert out.endswith("\n") and out.strip()
    if fmt == "json":
        json.loads(out)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len({len(r) for r in rows}) == 1, "ragged CSV"
    elif fmt == "md":
        assert out.startswith("| ")
    assert "\x1b" not in out


def test_no_arguments_prints_help(cli):
    result = cli()
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("Usage: cnai [OPTIONS] COMMAND [ARGS]...")
    assert "compare" in result.stdout

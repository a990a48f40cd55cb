"""README examples are real output: each `$ cnai …` block is run and compared.

Regenerate after a deliberate change with `python -m pytest tests/test_readme.py --update-readme`;
that run rewrites the README and reports the test as skipped, so it can never count as a pass.
Blocks whose command has a pipe are shown, not run.
"""

from __future__ import annotations

import re
import shlex

import pytest

from .conftest import ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n\$ (cnai [^\n]*)\n(.*?)```", re.S)


def examples(text: str) -> list[tuple[str, str]]:
    return [(cmd, out) for cmd, out in BLOCK.findall(text) if "|" not in cmd]


def run_example(cli, command: str) -> str:
    result = cli(*shlex.split(command)[1:])
    return result.stdout + result.stderr


def test_readme_examples_match_real_output(cli, request):
    text = README.read_text(encoding="utf-8")
    found = examples(text)
    assert len(found) >= 6, "the README tour lost its examples"
    if request.config.getoption("--update-readme"):

        def refresh(match: re.Match[str]) -> str:
            command = match.group(1)
            if "|" in command:
                return match.group(0)
            return f"```console\n$ {command}\n{run_example(cli, command)}```"

        README.write_text(BLOCK.sub(refresh, text), encoding="utf-8")
        pytest.skip("README examples regenerated; run again without --update-readme to check them")
    for command, expected in found:
        assert run_example(cli, command) == expected, command


def test_readme_commands_cover_every_command():
    text = README.read_text(encoding="utf-8")
    for command in ("list", "show", "compare", "vendors", "benchmarks", "validate"):
        assert re.search(rf"^\$ cnai (?:[^\n]* )?{command}\b", text, re.M), command


def test_ci_runs_the_readme_test_command():
    readme = README.read_text(encoding="utf-8")
    marker = re.search(r"<!-- test-command -->\n```sh\n(.+?)\n```", readme)
    assert marker, "README lost its marked test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci  # .ci/run extracts and runs that very line

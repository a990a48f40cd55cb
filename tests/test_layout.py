"""Every command's table in a real terminal at 60–200 columns: nothing runs off the screen and
no character of the data is lost (the piped output, one record per line, is the reference)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rich.cells import cell_len

from .test_hardening import run_in_pty, subprocess_env

COMMANDS = [
    ["list", "--vendor", "deepseek"],
    ["show", "qwen3"],
    ["compare", "qwen3", "prover-v2", "mimo"],
    ["rank", "--by", "aime25", "--top", "8"],
    ["funding", "--currency", "KRW"],
    ["claims", "--verdict", "wrong"],
    ["vendors"],
    ["benchmarks"],
    ["convert", "600억 위안", "--to", "USD"],
    ["info"],
    ["check", "docs/examples/article-sample.txt"],
]
EXPECTED_CODE = {"check": 4}  # the sample article has wrong statements: exit 4, report printed
WIDTHS = [60, 80, 100, 120, 200]


def piped(args, env):
    result = subprocess.run(
        [sys.executable, "-m", "cnai", *args], capture_output=True, text=True, encoding="utf-8", env=env
    )
    assert result.returncode == EXPECTED_CODE.get(args[0], 0), result.stderr
    return result.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a[:2]) for a in COMMANDS])
def test_tables_fit_every_terminal_and_lose_nothing(tmp_path, args):
    env = subprocess_env(tmp_path, NO_COLOR="1", CNAI_TODAY="2026-12-03")
    reference = piped(args, env)
    tokens = reference.split()
    for width in WIDTHS:
        code, out, err = run_in_pty(args, env, columns=width)
        assert code == EXPECTED_CODE.get(args[0], 0), (width, err)
        lines = out.replace("\r\n", "\n").split("\n")
        too_long = [line for line in lines if cell_len(line) > width]
        assert not too_long, (width, too_long[:2])
        joined = "".join(out.split())
        missing = [t for t in tokens if t not in joined]
        assert not missing, (width, missing[:5])


def test_wide_keeps_rows_whole_in_a_narrow_terminal(tmp_path):
    env = subprocess_env(tmp_path, NO_COLOR="1")
    code, out, _ = run_in_pty(["--wide", "list", "--vendor", "deepseek"], env, columns=60)
    assert code == 0
    assert any(line.strip().startswith("deepseek-prover-v2-671b  ") for line in out.replace("\r\n", "\n").split("\n"))

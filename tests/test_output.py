"""Renderers: terminal tables never hide a column, whatever the width; every format is handled."""

from __future__ import annotations

import pytest

from cnai.output import Column, Format, Grid, View, render, render_table

GRID = Grid(
    [
        Column("id", "ID"),
        Column("name", "Name"),
        Column("released", "Released"),
        Column("params", "Params", "right"),
        Column("license", "License", wrap=True),
        Column("open", "Open weights"),
    ],
    [
        ["deepseek-prover-v2-671b", "DeepSeek-Prover-V2-671B", "2025-04-30", "671B", "DeepSeek Model License", "yes"],
        ["qwen3-0.6b", "Qwen3-0.6B", "2025-04-29", "600M", "Apache-2.0", "yes"],
        ["큐원3-235b", "큐원3-235B-A22B", "2025-04-29", "235B", "Apache-2.0", "yes"],
    ],
)


@pytest.mark.parametrize("width", [30, 60, 80, 100, 140, 250])
def test_terminal_tables_never_hide_a_value(width):
    out = render_table(GRID, color=False, width=width)
    for column in GRID.columns:
        assert column.header in out, (width, column.header)
    for row in GRID.rows:
        for column, cell in zip(GRID.columns, row, strict=True):
            # Identifiers, dates and numbers stay whole; prose may wrap, but at spaces only.
            pieces = cell.split() if column.wrap else [cell]
            for piece in pieces:
                assert piece in out, (width, piece)


def test_wide_terminal_keeps_one_line_per_record():
    out = render_table(GRID, color=False, width=250)
    assert len([line for line in out.splitlines() if line.strip()]) == 2 + len(GRID.rows)  # header, rule, rows


def test_piped_tables_have_no_rules_and_no_padding_at_line_end():
    out = render_table(GRID, color=False, width=None)
    lines = out.splitlines()
    assert len(lines) == 1 + len(GRID.rows)
    assert all(line == line.rstrip() for line in lines)


def test_every_format_is_rendered():
    view = View([{"id": "x"}], GRID)
    for fmt in Format:
        text = render(view, fmt, width=None)
        assert text.endswith("\n") and text.strip(), fmt

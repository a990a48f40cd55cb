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
    from rich.cells import cell_len

    out = render_table(GRID, color=False, width=width)
    assert all(cell_len(line) <= width for line in out.splitlines()), width  # nothing runs off the screen
    joined = "".join(out.split())  # a fold at the edge splits a value, but loses no character
    for column in GRID.columns:
        assert "".join(column.header.split()) in joined, (width, column.header)
    for row in GRID.rows:
        for column, cell in zip(GRID.columns, row, strict=True):
            # Prose wraps at spaces (its words interleave with other columns); the rest stays whole.
            for piece in cell.split() if column.wrap else ["".join(cell.split())]:
                assert piece in joined, (width, piece)


@pytest.mark.parametrize("width", [60, 80])
def test_a_table_that_cannot_fit_becomes_records(width):
    out = render_table(GRID, color=False, width=width)
    assert out.startswith(f"{GRID.columns[0].header}: {GRID.rows[0][0]}\n")
    assert out.count(f"{GRID.columns[0].header}: ") == len(GRID.rows)


def test_wide_keeps_the_natural_width(capsys):
    out = render_table(GRID, color=False, width=60, wide=True)
    assert len([line for line in out.splitlines() if line.strip()]) == 2 + len(GRID.rows)


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


def test_json_builds_no_table_and_a_table_no_json(cli, monkeypatch):
    """Only what the format needs: `list --json` never formats a cell, a table never builds JSON."""
    import cnai.views as views

    def boom(*args, **kwargs):
        raise AssertionError("built for nothing")

    monkeypatch.setattr(views, "show_value", boom)
    assert cli("list", "--json").exit_code == 0
    monkeypatch.undo()
    monkeypatch.setattr(views, "model_json", boom)
    result = cli("list")
    assert result.exit_code == 0 and "qwen3-235b-a22b" in result.stdout

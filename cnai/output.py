"""Renderers: one per output format, for any result the views build.

A `View` carries two things: the JSON document of the contract (`payload`) and a `Grid` of
display strings for people (table, markdown) plus raw values for CSV. Rendering returns text;
`cli.py` writes it. Terminal safety lives here: registry strings are data, never Rich markup
or terminal control, so every cell goes through `clean` and into a `Text`, not a markup string.
Rich is imported only when a table is drawn.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple, assert_never

from cnai.formats import Format

BEST_MARK = "*"
TIE_MARK = "="  # tied for best: several cells share the best value


class Column(NamedTuple):
    key: str  # machine name: the CSV header
    header: str  # what people read, in --lang
    align: Literal["left", "right"] = "left"
    wrap: bool = False  # prose that may wrap at spaces in a narrow terminal; the rest never breaks


class Bar(NamedTuple):
    label: str
    value: float
    text: str  # the value as people read it, printed after the bar


class Passage(NamedTuple):
    """One finding of a report: a heading, the sentence with the span it read, and lines."""

    heading: str
    before: str
    span: str
    after: str
    lines: list[str]
    tone: str  # "good" | "bad" | "warn" | "plain": how the heading is coloured


@dataclass
class Report:
    """A document rather than a table (`check`): a title, passages, a closing line."""

    title: str
    passages: list[Passage]
    summary: str
    empty: str  # said when there are no passages


@dataclass
class Grid:
    columns: list[Column]
    rows: list[list[str]]
    raw: list[list[Any]] | None = None  # CSV values; display strings when None
    marks: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) → BEST_MARK or TIE_MARK
    footer: list[str] = field(default_factory=list)  # notes under a table (human formats only)
    csv_headers: list[str] | None = None  # when raw values have other columns than the display
    chart: list[Bar] | None = None  # `--chart`: a table is drawn as horizontal bars instead
    report: Report | None = None  # `check`: drawn as passages in a terminal and in Markdown


class View:
    """What a command shows: the JSON document (`payload`) and the grid people read.

    Either may be given as a function (`View.lazy`): it is built the first time a renderer asks
    for it, so `--json` never formats table cells and a table never builds JSON objects.
    """

    __slots__ = ("_payload", "_grid", "_make_payload", "_make_grid")

    def __init__(self, payload: Any, grid: Grid) -> None:
        self._payload, self._grid = payload, grid
        self._make_payload: Callable[[], Any] | None = None
        self._make_grid: Callable[[], Grid] | None = None

    @classmethod
    def lazy(cls, payload: Callable[[], Any], grid: Callable[[], Grid]) -> View:
        view = cls(None, Grid([], []))
        view._make_payload, view._make_grid = payload, grid
        return view

    @property
    def payload(self) -> Any:
        if self._make_payload is not None:
            self._payload, self._make_payload = self._make_payload(), None
        return self._payload

    @property
    def grid(self) -> Grid:
        if self._make_grid is not None:
            self._grid, self._make_grid = self._make_grid(), None
        return self._grid


# C0/C1 controls, DEL, the bidi controls that can reorder what a terminal shows (including the
# Arabic letter mark), and the Unicode line and paragraph separators, which `str.splitlines`
# and some terminals treat as line breaks (a record would then span two lines).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Make registry text inert on a terminal: controls become visible escapes (`\\x1b`)."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in "\t\n\r":
            return " "
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)


def render(
    view: View,
    fmt: Format,
    *,
    color: bool = False,
    width: int | None = None,
    encoding: str | None = None,
    wide: bool = False,
) -> str:
    """Text for stdout, ending in a newline. `width` None means unbounded (a pipe).

    `encoding` names a stdout that is not UTF-8 (`PYTHONIOENCODING=ascii`): characters it
    cannot carry become backslash escapes *before* the table is laid out, so columns still
    line up and writing cannot fail; JSON is then pure ASCII, and rules and bars plain `-`/`#`.
    """
    ascii_only = encoding is not None
    if fmt is Format.json:
        # Indented for a person at a terminal; compact for a pipe, where the C encoder makes it
        # several times faster (json only uses it without indent). The document is the same.
        return render_json(view.payload, ascii_only=ascii_only, indent=None if width is None else 2)
    if encoding is not None:
        view = View(view.payload, _encodable_grid(view.grid, encoding))
    if fmt is Format.csv:
        return render_csv(view.grid)
    if fmt is Format.md:
        if view.grid.report is not None:
            return render_md_report(view.grid.report)
        return render_md(view.grid)
    if fmt is Format.table:
        if view.grid.report is not None:
            return render_report(view.grid.report, color=color, width=width)
        if view.grid.chart is not None:
            return render_chart(view.grid.chart, color=color, width=width, unicode=not ascii_only)
        return render_table(view.grid, color=color, width=width, unicode=not ascii_only, wide=wide)
    assert_never(fmt)


def render_json(payload: Any, *, ascii_only: bool = False, indent: int | None = 2) -> str:
    # allow_nan=False: NaN/Infinity are not JSON; a value like that is a bug to surface.
    return json.dumps(payload, ensure_ascii=ascii_only, allow_nan=False, indent=indent) + "\n"


def render_csv(grid: Grid) -> str:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(grid.csv_headers or [c.key for c in grid.columns])
    for row in grid.raw if grid.raw is not None else grid.rows:
        writer.writerow(["" if v is None else _csv_value(v) for v in row])
    return buffer.getvalue()


def _encodable(text: str, encoding: str) -> str:
    return text.encode(encoding, "backslashreplace").decode(encoding)


def _encodable_grid(grid: Grid, encoding: str) -> Grid:
    """The grid with every display string escaped where `encoding` cannot carry it."""

    def enc(text: str) -> str:
        return _encodable(text, encoding)

    return replace(
        grid,
        columns=[c._replace(header=enc(c.header)) for c in grid.columns],
        rows=[[enc(cell) for cell in row] for row in grid.rows],
        raw=None if grid.raw is None else [[enc(v) if isinstance(v, str) else v for v in row] for row in grid.raw],
        footer=[enc(note) for note in grid.footer],
        csv_headers=None if grid.csv_headers is None else [enc(h) for h in grid.csv_headers],
        chart=None if grid.chart is None else [b._replace(label=enc(b.label), text=enc(b.text)) for b in grid.chart],
    )


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return clean(value)
    return value


def _display_cell(grid: Grid, r: int, c: int) -> str:
    text = clean(grid.rows[r][c])
    mark = grid.marks.get((r, c))
    return f"{text} {mark}" if mark else text


def render_md(grid: Grid) -> str:
    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|")

    lines = ["| " + " | ".join(cell(clean(c.header)) for c in grid.columns) + " |"]
    lines.append("|" + "|".join("---:" if c.align == "right" else "---" for c in grid.columns) + "|")
    for r in range(len(grid.rows)):
        lines.append("| " + " | ".join(cell(_display_cell(grid, r, c)) for c in range(len(grid.columns))) + " |")
    out = "\n".join(lines) + "\n"
    if grid.footer:
        out += "\n" + "\n".join(clean(note) for note in grid.footer) + "\n"
    return out


_TONES = {"good": "green", "bad": "bold red", "warn": "yellow", "plain": ""}


def render_report(report: Report, *, color: bool, width: int | None) -> str:
    """Passages for a terminal: the heading, the sentence with the checked span marked (reverse
    video in colour, «…» without), then indented lines; wrapped to the terminal, never cut."""
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width if width is not None else 1_000_000, color_system="standard" if color else None,
        force_terminal=color, no_color=not color, markup=False, highlight=False, emoji=False, legacy_windows=False,
    )  # fmt: skip
    console.print(Text(clean(report.title), style="bold" if color else ""))
    if not report.passages:
        console.print(Text(clean(report.empty)))
    for passage in report.passages:
        console.print()
        console.print(Text(clean(passage.heading), style=_TONES[passage.tone] if color else ""))
        quote = Text("  ", overflow="fold")
        quote.append(clean(passage.before))
        if color:
            quote.append(clean(passage.span), style="reverse")
        else:
            quote.append("«" + clean(passage.span) + "»")
        quote.append(clean(passage.after))
        console.print(quote)
        for line in passage.lines:
            console.print(Text("  " + clean(line), overflow="fold"))
    console.print()
    console.print(Text(clean(report.summary), style="dim" if color else ""))
    lines = [line.rstrip() for line in buffer.getvalue().removesuffix("\n").split("\n")]
    return "\n".join(lines) + "\n"


def render_md_report(report: Report) -> str:
    """The same passages for an editor: a heading each, the sentence quoted, the span in bold."""

    def md(text: str) -> str:
        return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", clean(text))

    out = [f"**{md(report.title)}**", ""]
    if not report.passages:
        out += [md(report.empty), ""]
    for number, passage in enumerate(report.passages, 1):
        out += [f"### {number}. {md(passage.heading)}", ""]
        out += [f"> {md(passage.before)}**{md(passage.span)}**{md(passage.after)}", ""]
        out += [md(line) + "  " for line in passage.lines]
        out.append("")
    out.append(md(report.summary))
    return "\n".join(out) + "\n"


def render_table(grid: Grid, *, color: bool, width: int | None, unicode: bool = True, wide: bool = False) -> str:
    """A Rich table. Piped (`width` None): no wrapping, no ellipsis, one record per line.

    In a terminal, one layout policy for every command: ids, names, dates and numbers stay
    whole and prose columns wrap at spaces; when even that cannot fit, each row becomes a
    record, one field per line (as `show` prints a model), with long values folded — never a
    column dropped or a value cut. `wide` keeps the table at its natural width instead (the
    terminal wraps it, `less -S` scrolls it). `unicode` False draws rules with `-`.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    piped = width is None
    # Piped output drops the rules: plain columns a script can split on runs of spaces.
    rules = box.SIMPLE_HEAD if unicode else box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)

    def build(fit_to_width: bool) -> Table:
        # In a terminal the column widths are ours, not Rich's: Rich's proportional collapse can
        # squeeze a column below its longest word and then crop it. `_widths` gives every
        # column at least its longest word (whole cells where it does not wrap) and shares the
        # rest among prose columns; a table that cannot fit is drawn as records instead.
        widths = _widths(grid, width) if fit_to_width and width is not None else None
        table = Table(box=None if piped else rules, pad_edge=False)
        for c, column in enumerate(grid.columns):
            wraps = fit_to_width and column.wrap
            table.add_column(
                Text(clean(column.header), style="bold" if color else "", overflow="fold"),
                justify=column.align,
                no_wrap=piped or not wraps,
                overflow="fold",
                width=widths[c] if widths else None,
            )
        for r in range(len(grid.rows)):
            cells = []
            for c in range(len(grid.columns)):
                # Fold, never crop: when Rich must narrow a column below a word, the word breaks
                # across lines and every character stays on screen.
                text = Text(_display_cell(grid, r, c), overflow="fold")
                if color and (r, c) in grid.marks:
                    text.stylize("bold green")
                cells.append(text)
            table.add_row(*cells)
        return table

    def console_for(columns: int) -> Console:
        return Console(
            file=buffer,
            width=columns,
            color_system="standard" if color else None,
            force_terminal=color,
            no_color=not color,
            markup=False,
            highlight=False,
            emoji=False,
            legacy_windows=False,
        )

    buffer = io.StringIO()
    # A pipe gets a width no row can reach, so Rich never wraps or truncates.
    console = console_for(width if width is not None else 1_000_000)
    table: Any = build(fit_to_width=not piped)
    if not piped:
        # In a terminal, ids, names, dates and numbers stay whole and only prose columns wrap
        # at spaces. When even that is wider than the terminal, each row becomes a record
        # (--wide: the rows at their natural width, for `less -S`); nothing is ever cropped.
        unclamped = console_for(1_000_000)
        if _widths(grid, console.width) is None:
            if wide:
                console = unclamped
                table = build(fit_to_width=False)
            else:
                _print_records(console, grid, color)
                table = None
    if table is not None:
        console.print(table)
    for note in grid.footer:
        console.print(Text(clean(note), style="dim" if color else ""))
    # split("\n"), not splitlines(): only a real newline ends a row.
    drawn = buffer.getvalue().removesuffix("\n")
    lines = [line.rstrip() for line in drawn.split("\n")]
    return "\n".join(lines) + "\n"


_GAP = 3  # cells between two columns as Rich draws them here (padding on both sides)
_EDGE = 2  # the box's outer edge


def _widths(grid: Grid, width: int) -> list[int] | None:
    """Column widths that fit `width`, or None when no width can fit without cutting a value.

    A column that does not wrap gets its widest cell (and its header); a prose column gets at
    least its longest word, and the space left over is shared among prose columns in
    proportion to how much more they would use.
    """
    from rich.cells import cell_len

    least: list[int] = []
    most: list[int] = []
    for c, column in enumerate(grid.columns):
        cells = [_display_cell(grid, r, c) for r in range(len(grid.rows))]
        header = clean(column.header)
        whole = max([cell_len(header), *(cell_len(cell) for cell in cells)])
        if column.wrap:
            words = [cell_len(w) for text in (header, *cells) for w in text.split()]
            least.append(max(words, default=1))
        else:
            least.append(whole)
        most.append(whole)
    room = width - _EDGE - _GAP * max(len(grid.columns) - 1, 0)
    spare = room - sum(least)
    if spare < 0:
        return None
    wants = [m - lo for m, lo in zip(most, least, strict=True)]
    total_want = sum(wants)
    if total_want <= spare:
        return most
    widths = [lo + (want * spare) // total_want for lo, want in zip(least, wants, strict=True)]
    return widths


def _print_records(console: Any, grid: Grid, color: bool) -> None:
    """Each row as a record: its first cell as a heading, then one `header  value` line per
    other column, values folded at the terminal's width so no character is lost."""
    from rich.table import Table
    from rich.text import Text

    headers = [clean(column.header) for column in grid.columns]
    for r in range(len(grid.rows)):
        if r:
            console.print()
        heading = Text(f"{headers[0]}: {_display_cell(grid, r, 0)}", style="bold" if color else "")
        console.print(heading, overflow="fold")
        record = Table(box=None, pad_edge=False, show_header=False, padding=(0, 2, 0, 2))
        record.add_column(no_wrap=True)
        record.add_column(overflow="fold")
        for c in range(1, len(grid.columns)):
            value = Text(_display_cell(grid, r, c))
            if color and (r, c) in grid.marks:
                value.stylize("bold green")
            record.add_row(Text(headers[c]), value)
        console.print(record)
    if grid.rows:
        console.print()


def render_chart(bars: list[Bar], *, color: bool, width: int | None, unicode: bool = True) -> str:
    """Horizontal bars, one per line: label, bar, value. Plain characters; colour only on a TTY.

    Bars start at zero so lengths compare honestly; piped output uses a fixed 40-cell bar so it
    is the same for any terminal width.
    """
    if not bars:
        return ""
    from rich.cells import cell_len

    labels = [clean(b.label) for b in bars]
    texts = [clean(b.text) for b in bars]
    label_width = max(cell_len(t) for t in labels)
    text_width = max(cell_len(t) for t in texts)
    room = 40 if width is None else max(10, width - label_width - text_width - 4)
    top = max((b.value for b in bars), default=0.0) or 1.0
    full, empty = ("█", " ") if unicode else ("#", " ")
    lines = []
    for label_text, text, bar in zip(labels, texts, bars, strict=True):
        cells = max(0, round(room * bar.value / top)) if bar.value > 0 else 0
        drawn = full * cells
        if color:
            drawn = f"\x1b[32m{drawn}\x1b[0m"
        pad = " " * (label_width - cell_len(label_text))
        lines.append(f"{label_text}{pad}  {drawn}{empty * (room - cells)}  {text}".rstrip())
    return "\n".join(lines) + "\n"

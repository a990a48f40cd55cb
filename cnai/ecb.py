"""The European Central Bank's euro reference rates → a registry file of dated rate tables.

`cnai update rates` downloads `eurofxref-hist.zip` (every business day since 1999, one CSV:
`Date,USD,JPY,…,` with `N/A` where a currency was not quoted) from the ECB, or from the mirror
named by `CNAI_ECB_URL`, and keeps, from `--since` on: every day of the last 92 days and the
last business day of each month before that, for the chosen currencies. That is enough to
convert any dated figure at a rate within days of its date, while each table stays one line
of YAML and the registry cache (which stores pint's factor for every pair of every table)
stays small. The file is an ordinary registry file (EUR base), merged after the bundled one.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from cnai.errors import NetworkError
from cnai.paths import RATES_FILE

ECB_BASE = "https://www.ecb.europa.eu/stats/eurofxref/"
HISTORY = "eurofxref-hist.zip"
SOURCE_KEY = "ecb-eurofxref"
FILE_NAME = RATES_FILE
META_NAME = "rates-ecb.json"  # ETag, Last-Modified and fetch time of the copy we have
DAILY_WINDOW = 92  # days kept one by one; before that, one table a month
DEFAULT_CURRENCIES = ("USD", "CNY", "KRW")


def base_url() -> str:
    base = os.environ.get("CNAI_ECB_URL") or ECB_BASE
    return base if base.endswith("/") else base + "/"


class Row(NamedTuple):
    day: str
    rates: dict[str, float]


def parse_history(data: bytes) -> list[Row]:
    """Rows of the history CSV inside the zip, newest first as the ECB writes them.

    Raises ValueError with the reason when the file is not what the ECB publishes: a download
    that is corrupt or truncated must never replace a good file.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if not names:
                raise ValueError("the archive holds no CSV file")
            text = archive.read(names[0]).decode("utf-8-sig")
    except zipfile.BadZipFile as exc:
        raise ValueError(f"not a zip archive ({exc})") from None
    reader = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(reader, [])]
    if not header or header[0] != "Date":
        raise ValueError("the CSV does not start with a Date column")
    rows = []
    for number, record in enumerate(reader, start=2):
        if not record or not record[0].strip():
            continue
        day = record[0].strip()
        try:
            date.fromisoformat(day)
        except ValueError:
            raise ValueError(f"line {number}: {day!r} is not a date") from None
        rates: dict[str, float] = {}
        for code, cell in zip(header[1:], record[1:], strict=False):
            cell = cell.strip()
            if not code or not cell or cell == "N/A":
                continue
            try:
                value = float(cell)
            except ValueError:
                raise ValueError(f"line {number}: {code} rate {cell!r} is not a number") from None
            if not value > 0:
                raise ValueError(f"line {number}: {code} rate {cell!r} is not positive")
            rates[code] = value
        rows.append(Row(day, rates))
    if not rows:
        raise ValueError("the CSV has no rates")
    return rows


def select(rows: list[Row], *, since: date, currencies: tuple[str, ...]) -> list[Row]:
    """Rows from `since` on: daily for the last DAILY_WINDOW days of the data, month-ends before."""
    kept = [Row(r.day, {c: r.rates[c] for c in currencies if c in r.rates}) for r in rows if r.day >= since.isoformat()]
    kept = [r for r in kept if r.rates]
    if not kept:
        return []
    newest = max(date.fromisoformat(r.day) for r in kept)
    window = (newest - timedelta(days=DAILY_WINDOW)).isoformat()
    out = {row.day: row for row in kept if row.day >= window}
    daily_months = {day[:7] for day in out}
    month_end: dict[str, Row] = {}
    for row in kept:
        month = row.day[:7]
        if row.day >= window or month in daily_months:
            continue  # a month the daily tables reach needs no month-end table of its own
        if month not in month_end or row.day > month_end[month].day:
            month_end[month] = row
    out.update({r.day: r for r in month_end.values()})
    return sorted(out.values(), key=lambda r: r.day, reverse=True)


def registry_text(rows: list[Row], *, url: str, fetched: datetime, published: str | None) -> str:
    """The rates as a registry file (schema 1), one table per line."""
    newest = rows[0].day if rows else None
    how = f"downloaded by cnai update rates at {fetched.isoformat(timespec='seconds')}"
    lines = [
        "# Written by `cnai update rates` from the ECB's euro foreign exchange reference rates.",
        "# Edit nothing here: the next update replaces this file. `cnai rates` lists these tables.",
        "schema: 1",
        "sources:",
        f"  {SOURCE_KEY}:",
        "    title: Euro foreign exchange reference rates (European Central Bank)",
        f"    url: {json.dumps(url)}",
        f"    date: {json.dumps(newest)}",
        "    publisher: European Central Bank",
        f"    accessed_via: {json.dumps(how)}",
        "    notes: "
        + json.dumps(
            "Reference rates (units of each currency per 1 EUR), published around 16:00 CET on TARGET "
            "business days. Kept: every day of the last 92 days of the data, and the last business day "
            "of each month before that." + (f" Server's Last-Modified: {published}." if published else ""),
            ensure_ascii=False,
        ),
        "rates:",
    ]
    for row in rows:
        rates = ", ".join(f"{code}: {value!r}" for code, value in sorted(row.rates.items()))
        lines.append(f'  - {{date: "{row.day}", base: EUR, rates: {{{rates}}}, source: {SOURCE_KEY}}}')
    return "\n".join(lines) + "\n"


def check_text(text: str, path: str) -> None:
    """The file must load as a registry before it may replace anything."""
    from cnai.rules import parse_document
    from cnai.yamlread import parse_yaml

    parsed = parse_document(parse_yaml(text, path))
    if parsed.doc.problems:
        raise ValueError(f"the rates file would not validate: {parsed.doc.problems[0]}")


class Outcome(NamedTuple):
    path: Path
    status: str  # "updated" or "current"
    tables: int
    first: str | None
    last: str | None


def update_rates(
    folder: Path,
    *,
    since: date,
    currencies: tuple[str, ...] = DEFAULT_CURRENCIES,
    progress: Any = None,
    now: datetime | None = None,
) -> Outcome:
    """Fetch the history if it changed; write the rates file atomically; report what happened."""
    from cnai import network
    from cnai.atomic import atomic_write

    path, meta_path = folder / FILE_NAME, folder / META_NAME
    url = base_url() + HISTORY
    meta = _read_meta(meta_path)
    conditional: dict[str, str] = {}
    # Ask "only if changed" only for the same source, currencies and period as the file we have.
    same = (
        meta.get("url") == url and meta.get("since") == since.isoformat() and meta.get("currencies") == list(currencies)
    )
    if path.exists() and same:
        if meta.get("etag"):
            conditional["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            conditional["If-Modified-Since"] = meta["last_modified"]
    answer = network.get(url, headers=conditional, progress=progress)
    fetched = now or datetime.now(UTC)
    if answer.status == 304:
        return Outcome(path, "current", meta.get("tables", 0), meta.get("first"), meta.get("last"))
    try:
        rows = select(parse_history(answer.body), since=since, currencies=currencies)
    except ValueError as exc:
        raise NetworkError(f"{url} sent a file cnai cannot read ({exc}); nothing was written") from None
    if not rows:
        raise NetworkError(f"{url} has no rates for {', '.join(currencies)} since {since}; nothing was written")
    text = registry_text(rows, url=url, fetched=fetched, published=answer.headers.get("last-modified"))
    try:
        check_text(text, str(path))
    except Exception as exc:
        raise NetworkError(f"{url}: {exc}; nothing was written") from None
    atomic_write(path, text.encode("utf-8"))
    record = {
        "url": url, "etag": answer.headers.get("etag"), "last_modified": answer.headers.get("last-modified"),
        "fetched": fetched.isoformat(timespec="seconds"), "since": since.isoformat(), "currencies": list(currencies),
        "tables": len(rows), "first": rows[-1].day, "last": rows[0].day,
    }  # fmt: skip
    atomic_write(meta_path, json.dumps(record, indent=2).encode("utf-8"))
    return Outcome(path, "updated", len(rows), rows[-1].day, rows[0].day)


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}

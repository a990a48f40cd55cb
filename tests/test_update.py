"""`cnai update rates` against a local HTTP server that serves the ECB's file and its failures.

Nothing here reaches the internet: CNAI_ECB_URL points at a server on 127.0.0.1 started by the
fixture below, which zips `tests/fixtures/ecb/eurofxref-hist.csv` (real ECB rows) the way the
ECB serves it, with an ETag, and answers with errors on other paths.
"""

from __future__ import annotations

import io
import json
import os
import time
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cnai import ecb, paths

from . import localserver
from .conftest import ROOT
from .localserver import serving

FIXTURE = ROOT / "tests" / "fixtures" / "ecb" / "eurofxref-hist.csv"
ETAG = '"ecb-2024-09-26"'
LAST_MODIFIED = "Thu, 26 Sep 2024 14:15:00 GMT"


def zipped(csv_bytes: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("eurofxref-hist.csv", csv_bytes)
    return buffer.getvalue()


class Handler(localserver.Handler):
    hits: dict[str, int] = {}

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        mode = self.path.strip("/").split("/")[0]
        Handler.hits[mode] = Handler.hits.get(mode, 0) + 1
        body = zipped(FIXTURE.read_bytes())
        if mode == "ok":
            if self.headers.get("If-None-Match") == ETAG:
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.end_headers()
                return
            self.send(200, body, {"ETag": ETAG, "Last-Modified": LAST_MODIFIED})
        elif mode == "missing":
            self.send(404, b"not here")
        elif mode == "broken":
            self.send(500, b"oops")
        elif mode == "flaky":
            if Handler.hits[mode] % 2 == 1:
                self.send(503, b"try again")
            else:
                self.send(200, body, {"ETag": ETAG})
        elif mode == "truncated":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif mode == "corrupt":
            self.send(200, b"<html>Maintenance</html>")
        elif mode == "slow":
            time.sleep(1.5)
            self.send(200, body)
        elif mode == "empty-csv":
            self.send(200, zipped(b"Date,USD,CNY,\n"))
        else:
            self.send(404, b"no such mode")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(Handler) as url:
        yield url


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder for the rates file (the cli fixture gives a private HOME too)."""
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("CNAI_NETWORK_TIMEOUT", "0.5")
    return data / "cnai"


def update(cli, server: str, mode: str, *args: str):
    return cli("update", "rates", "--since", "2024-01-01", *args, env={"CNAI_ECB_URL": f"{server}/{mode}/"})


def test_update_writes_a_rates_file_that_rates_and_convert_use(cli, server, home):
    result = update(cli, server, "ok")
    assert result.exit_code == 0, result.stderr
    assert "wrote 9 ECB rate tables (2024-07-08 … 2024-09-26)" in result.stderr
    written = home / paths.RATES_FILE
    assert written.is_file() and (home / "rates-ecb.json").is_file()
    tables = [t for t in json.loads(cli("rates", "--json").stdout) if t["base"] == "EUR"]
    assert tables[0]["date"] == "2024-07-08" or tables[-1]["date"] == "2024-09-26"
    newest = next(t for t in tables if t["date"] == "2024-09-26")
    assert newest["rates"] == {"CNY": 7.8213, "KRW": 1478.62, "USD": 1.1155}
    assert newest["source"]["url"].endswith("/ok/eurofxref-hist.zip")
    converted = json.loads(cli("convert", "1 CNY", "--to", "KRW", "--as-of", "2024-09-26", "--json").stdout)
    assert converted["output"]["value"] == pytest.approx(1478.62 / 7.8213, rel=1e-12)
    assert converted["rate"]["date"] == "2024-09-26"
    info = json.loads(cli("info", "--json").stdout)
    assert {"path": str(written), "role": "overlay", "via": "cnai update rates"} in info["files"]


def test_the_rates_file_is_a_valid_registry_file(cli, server, home):
    update(cli, server, "ok")
    result = cli("validate", str(home / paths.RATES_FILE))
    assert result.exit_code == 0, result.stdout + result.stderr


def test_a_second_run_downloads_nothing_new(cli, server, home):
    assert update(cli, server, "ok").exit_code == 0
    written = home / paths.RATES_FILE
    before = (written.read_bytes(), written.stat().st_mtime_ns)
    again = update(cli, server, "ok")
    assert again.exit_code == 0, again.stderr
    assert "are current (9 tables up to 2024-09-26)" in again.stderr
    assert (written.read_bytes(), written.stat().st_mtime_ns) == before


def test_other_currencies_and_period_fetch_again(cli, server, home):
    assert update(cli, server, "ok").exit_code == 0
    wider = update(cli, server, "ok", "--currency", "JPY", "--currency", "usd")
    assert wider.exit_code == 0 and "wrote" in wider.stderr
    tables = [t for t in json.loads(cli("rates", "--json").stdout) if t["base"] == "EUR"]
    assert set(next(t for t in tables if t["date"] == "2024-09-26")["rates"]) == {"JPY", "USD"}


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("missing", "the server answered 404"),
        ("broken", "the server answered 500"),
        ("truncated", "stopped after"),
        ("corrupt", "sent a file cnai cannot read (not a zip archive"),
        ("empty-csv", "sent a file cnai cannot read (the CSV has no rates)"),
        ("slow", "no answer within 0.5 s"),
    ],
)
def test_failures_exit_69_and_change_nothing(cli, server, home, mode, message):
    assert update(cli, server, "ok").exit_code == 0
    written = home / paths.RATES_FILE
    before = written.read_bytes()
    result = update(cli, server, mode)
    assert result.exit_code == 69, result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert written.read_bytes() == before
    assert not [p for p in home.iterdir() if p.name.startswith(".tmp-")]


def test_one_retry_rescues_a_passing_failure(cli, server, home):
    Handler.hits.pop("flaky", None)
    result = update(cli, server, "flaky")
    assert result.exit_code == 0, result.stderr
    assert Handler.hits["flaky"] == 2


def test_offline_exits_69_and_writes_nothing(cli, home):
    result = cli("update", "rates", env={"CNAI_ECB_URL": "http://127.0.0.1:9/"})  # discard port: refused
    assert result.exit_code == 69
    assert result.stderr.startswith("cnai: error: cannot download http://127.0.0.1:9/eurofxref-hist.zip")
    assert not home.exists() or not any(home.iterdir())


@pytest.mark.parametrize("code", ["EUR", "EURO", "1AB"])
def test_bad_currency_is_a_usage_error(cli, home, code):
    result = cli("update", "rates", "--currency", code)
    assert result.exit_code == 2 and "--currency" in result.stderr


def test_no_bundled_ignores_downloaded_rates(cli, server, home, minimal):
    update(cli, server, "ok")
    data = json.loads(cli("--no-bundled", "--registry", minimal, "rates", "--json").stdout)
    assert [t["base"] for t in data] == ["USD"]


# --------------------------------------------------------------------------- the parts


def test_history_keeps_what_it_has_and_refuses_garbage():
    rows = ecb.parse_history(zipped(FIXTURE.read_bytes()))
    assert rows[0] == ecb.Row("2024-09-26", rows[0].rates) and rows[0].rates["KRW"] == 1478.62
    assert "CYP" not in rows[0].rates  # N/A is no rate
    assert rows[-1].rates == {"USD": 1.0835, "JPY": 174.37, "BGN": 1.9558, "CZK": 25.162, "DKK": 7.4586, "GBP": 0.8441}
    for bad, reason in [
        (b"not a zip", "not a zip"),
        (zipped(b"When,USD\n2024-01-01,1\n"), "Date column"),
        (zipped(b"Date,USD,\n2024-13-01,1.1,\n"), "not a date"),
        (zipped(b"Date,USD,\n2024-01-02,x,\n"), "not a number"),
        (zipped(b"Date,USD,\n2024-01-02,-1,\n"), "not positive"),
    ]:
        with pytest.raises(ValueError, match=reason):
            ecb.parse_history(bad)


def test_selection_keeps_recent_days_and_month_ends_before():
    rows = [
        ecb.Row(day, {"USD": 1.0 + i / 100, "CNY": 7.0})
        for i, day in enumerate(["2025-06-30", "2025-06-02", "2025-03-31", "2025-03-28", "2025-02-27", "2024-12-31"])
    ]
    kept = ecb.select(rows, since=date(2025, 1, 1), currencies=("USD", "KRW"))
    assert [r.day for r in kept] == ["2025-06-30", "2025-06-02", "2025-03-31", "2025-02-27"]
    assert kept[0].rates == {"USD": 1.0}  # KRW was never quoted here; CNY was not asked for
    assert ecb.select(rows, since=date(2026, 1, 1), currencies=("USD",)) == []


def test_paths_agree_with_platformdirs(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    assert paths.data_dir() == Path(platformdirs.user_data_dir("cnai", appauthor=False))
    assert paths.cache_dir() == Path(platformdirs.user_cache_dir("cnai", appauthor=False))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")  # not absolute: ignored, as the XDG spec says
    assert paths.data_dir() == Path(os.path.expanduser("~")) / ".local" / "share" / "cnai"
    assert paths.data_dir() == Path(platformdirs.user_data_dir("cnai", appauthor=False))


# --------------------------------------------------------------------------- staleness


def test_old_rates_for_a_figure_dated_today_are_flagged_once(cli, minimal):
    result = cli("--no-bundled", "--registry", minimal, "convert", "1 CNY", "--to", "KRW")
    assert result.exit_code == 0
    assert result.stderr.count("\n") == 1
    assert "the newest exchange rates are from 2025-01-01" in result.stderr
    assert "'cnai update rates' fetches current ones" in result.stderr


def test_staleness_threshold_and_dated_conversions(cli, minimal):
    quiet = cli(
        "--no-bundled", "--registry", minimal, "convert", "1 CNY", "--to", "KRW", env={"CNAI_STALE_DAYS": "100000"}
    )
    assert quiet.stderr == ""
    dated = cli("--no-bundled", "--registry", minimal, "convert", "1 CNY", "--to", "KRW", "--as-of", "2025-06-01")
    assert dated.stderr == ""  # a figure with its own date is converted at that date's table

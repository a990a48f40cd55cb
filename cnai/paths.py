"""Where cnai keeps the user's data (downloaded rates) and its cache: the platform's own places.

platformdirs knows them for every platform, but costs ~8 ms to import on a run that only needs
to ask whether a file exists. On Linux and other XDG systems the answer is the XDG rule, which
platformdirs implements the same way (`$XDG_DATA_HOME` or `~/.local/share`, `$XDG_CACHE_HOME` or
`~/.cache`; a relative value is ignored, as the XDG spec says); `tests/test_update.py` checks
the two agree. macOS and Windows ask platformdirs (`~/Library/Application Support/cnai`,
`%LOCALAPPDATA%\\cnai`, …).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

APP = "cnai"
RATES_FILE = "rates-ecb.yaml"  # written by `cnai update rates`


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    if not os.path.isabs(value):
        value = os.path.join(os.path.expanduser("~"), fallback)
    return Path(value) / APP


def data_dir() -> Path:
    if sys.platform in ("darwin", "win32"):
        import platformdirs

        return Path(platformdirs.user_data_dir(APP, appauthor=False))
    return _xdg("XDG_DATA_HOME", ".local/share")


def cache_dir() -> Path:
    if sys.platform in ("darwin", "win32"):
        import platformdirs

        return Path(platformdirs.user_cache_dir(APP, appauthor=False))
    return _xdg("XDG_CACHE_HOME", ".cache")


def today() -> date:
    """Today's date, or `CNAI_TODAY` (YYYY-MM-DD) when set: reports that depend on the day
    (how old the rates are, an article's default date) can then be reproduced exactly."""
    from datetime import date

    fixed = os.environ.get("CNAI_TODAY", "")
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            pass
    return date.today()


def user_rate_files() -> list[str]:
    """Files `cnai update` wrote, merged after the bundled registry (existing ones only)."""
    path = data_dir() / RATES_FILE
    return [str(path)] if path.is_file() else []

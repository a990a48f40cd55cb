"""Where the bundled registry is, and its snapshot date, with nothing but `os` and `re`.

`cnai --version` and every run that reads the bundled file start here, so this stays tiny:
importlib.resources alone costs ~4 ms at start-up, and a wheel installs the registry as the
regular file `cnai/data/models.yaml` beside this module (pyproject's force-include) — exactly
where importlib.resources would look for a package on disk. An editable install or a source
checkout has it in the top-level `data/` instead. The install test covers all three.
"""

from __future__ import annotations

import os
import re

BUNDLED_NAME = "models.yaml"
_SNAPSHOT = re.compile(r"^snapshot:\s*['\"]?(\d{4}-\d{2}-\d{2})['\"]?\s*$", re.M)


def bundled_location() -> str:
    package = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(package, "data", BUNDLED_NAME)
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(package), "data", BUNDLED_NAME)


def bundled_snapshot() -> str | None:
    """The bundled registry's `snapshot:` date, read from the top of the file alone."""
    try:
        with open(bundled_location(), "rb") as handle:
            head = handle.read(8192).decode("utf-8", "replace")
    except OSError:
        return None
    match = _SNAPSHOT.search(head)
    return match.group(1) if match else None

"""Finding and reading registry files, with nothing but `os`, `re` and `stat`.

`cnai --version` and every run that reads the bundled file start here, so this stays tiny:
importlib.resources alone costs ~4 ms at start-up, and a wheel installs the registry as the
regular file `cnai/data/models.yaml` beside this module (pyproject's force-include) — exactly
where importlib.resources would look for a package on disk. An editable install or a source
checkout has it in the top-level `data/` instead. The install test covers all three.
"""

from __future__ import annotations

import os
import re
import stat

from cnai.errors import RegistryUnreadable

BUNDLED_NAME = "models.yaml"
MAX_BYTES = 64 * 1024 * 1024  # far above any real registry; stops /dev/zero-like inputs early
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


def read_bytes(path: str) -> bytes:
    """The file's bytes, or RegistryUnreadable with one clear line (no reading past the cap)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise RegistryUnreadable(f"{path}: no such file") from None
    except OSError as exc:
        raise RegistryUnreadable(f"{path}: cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise RegistryUnreadable(f"{path}: is a directory, not a registry file")
    if not stat.S_ISREG(info.st_mode):
        raise RegistryUnreadable(f"{path}: not a regular file")
    if info.st_size > MAX_BYTES:
        raise RegistryUnreadable(f"{path}: {info.st_size:,} bytes is over the {MAX_BYTES:,}-byte limit")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise RegistryUnreadable(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise RegistryUnreadable(f"{path}: over the {MAX_BYTES:,}-byte limit")
    return data

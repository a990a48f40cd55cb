"""A cache of validated registries, keyed by the content of the files they came from.

Parsing and checking YAML costs ~0.1 s for the bundled registry and seconds for a registry of
10,000 models; a pickle of the validated result loads in milliseconds. The key is a BLAKE2b
over cnai's version, the schema version, the code that builds the cached object and every
registry file's path and bytes, so any edit to any file, or to cnai itself, misses the cache.
The code is identified by each module's name, size and modification time (`code_signature`):
an edited loader in an editable install or a checkout never reads a pickle its predecessor
wrote, and a reinstall rewrites the files and so changes the signature too. Stat rather than
hashing the sources: 15 stats cost ~0.05 ms, reading and hashing the code ~0.8 ms per run.
Only a registry that validated is ever stored.

The cache is an optimisation and never a source of errors: an unwritable, missing, corrupt,
foreign-owned or truncated entry is ignored and the files are read again. Entries are written
to a temporary file and renamed into place, so concurrent runs never see half an entry. The
folder is the platform's cache place (`cnai.paths`: `$XDG_CACHE_HOME/cnai`, else
`~/.cache/cnai`, on Linux; the native places elsewhere), mode 0700; `CNAI_NO_CACHE=1` turns it
off. Pickle is safe here only because the folder is the user's own: entries not owned by the
user, or in a folder others can write to, are never loaded.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from cnai import __version__

KEEP = 16  # entries kept; older ones are pruned when a new one is written
SCHEMA = 1


def folder() -> Path | None:
    if os.environ.get("CNAI_NO_CACHE", "") not in ("", "0"):
        return None
    from cnai.paths import cache_dir

    return cache_dir()


def key(blobs: list[tuple[str, bytes]]) -> str | None:
    if folder() is None:
        return None
    code = code_signature()
    if code is None:
        return None
    digest = _hasher(f"cnai {__version__} schema {SCHEMA}\n".encode())
    digest.update(code)
    for path, data in blobs:
        digest.update(os.path.abspath(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return str(digest.hexdigest())


def code_signature() -> bytes | None:
    """Name, size and mtime of every module of the package: changes whenever the code does.

    All modules rather than a hand-kept list of the loader's: a list would go stale the day
    someone moves validation into a new module, and the cost of the wider net is only that an
    edit to, say, the CLI also rebuilds the cache once.
    """
    package = os.path.dirname(os.path.abspath(__file__))
    parts = []
    try:
        with os.scandir(package) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    info = entry.stat()
                    parts.append(f"{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\n")
    except OSError:
        return None  # code we cannot identify could be stale: no cache rather than a wrong one
    return "".join(sorted(parts)).encode("utf-8", "surrogateescape")


def _hasher(data: bytes) -> Any:
    """BLAKE2b from its own small C module: `hashlib` loads OpenSSL first (~4 ms at start-up)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - an interpreter built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=32)


def _trusted(path: Path) -> bool:
    """Ours and not writable by others: the only condition under which a pickle is loaded."""
    try:
        info = os.stat(path, follow_symlinks=False)
        parent = os.stat(path.parent)
    except OSError:
        return False
    uid = os.geteuid()
    return (
        stat.S_ISREG(info.st_mode)
        and info.st_uid == uid
        and parent.st_uid == uid
        and not (info.st_mode | parent.st_mode) & (stat.S_IWGRP | stat.S_IWOTH)
    )


def get(cache_key: str) -> Any:
    place = folder()
    if place is None:
        return None
    path = place / f"{cache_key}.pickle"
    if not _trusted(path):
        return None
    try:
        # The C unpickler alone: `pickle` (the Python module) costs ~3 ms to import and a hit
        # needs nothing of it. Writing an entry (atomic.py) imports what it needs then.
        from _pickle import load as unpickle

        with open(path, "rb") as handle:
            return unpickle(handle)
    except Exception:  # a corrupt or truncated entry is a miss, never an error
        return None


def put(cache_key: str, value: Any) -> None:
    place = folder()
    if place is None:
        return
    import pickle

    from cnai.atomic import atomic_write

    try:
        place.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(place / f"{cache_key}.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)
        _prune(place)
    except OSError:
        return  # read-only home, full disk, …: run without a cache


def _prune(place: Path) -> None:
    entries = sorted(place.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass

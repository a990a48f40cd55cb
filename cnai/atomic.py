"""Write a file so that readers see the old content or the new, never half of either.

The bytes go to a temporary file in the destination's folder (same filesystem), are flushed to
disk, and the temporary file is renamed over the destination. Used by the registry cache and by
`cnai update`; a failure leaves the destination untouched and removes the temporary file.
"""

from __future__ import annotations

import os
from pathlib import Path


def atomic_write(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)  # an existing folder keeps its mode (the cache's 0700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

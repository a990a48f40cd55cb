"""HTTP for `cnai update` and `cnai import`: timeouts, one retry, proxies, clear failures.

The only module that talks to the network, reached only from `cli`. It uses the standard
library (urllib), which reads proxy settings from the environment (`https_proxy`, `no_proxy`,
…) the way other tools do. Every failure — offline, a timeout, a refused connection, a 4xx or
5xx answer, a body shorter than its Content-Length — becomes one NetworkError (exit 69) naming
the URL; callers write nothing unless a download completed and validated.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

from cnai.errors import NetworkError

TIMEOUT = 20.0  # seconds without a byte before giving up; CNAI_NETWORK_TIMEOUT overrides
RETRIES = 1  # one more try for a timeout, a connection failure or a 5xx
BACKOFF = 0.5  # seconds before the retry
USER_AGENT = "cnai (https://github.com/cnai; exchange-rate and model-card refresh)"


class Response(NamedTuple):
    status: int  # 200, or 304 when the copy we have is current
    headers: dict[str, str]  # lower-cased names
    body: bytes


Progress = Callable[[int, int | None], None]  # (bytes received, total or None)


def get(
    url: str,
    *,
    headers: dict[str, str] | None = None,
    timeout: float | None = None,
    retries: int = RETRIES,
    backoff: float = BACKOFF,
    progress: Progress | None = None,
) -> Response:
    """GET `url`; a 304 is returned as such (a conditional request found nothing new)."""
    if timeout is None:
        timeout = _env_timeout()
    attempt = 0
    while True:
        try:
            return _get_once(url, headers or {}, timeout, progress)
        except _Retryable as exc:
            if attempt >= retries:
                raise NetworkError(f"cannot download {url}: {exc}") from None
            attempt += 1
            time.sleep(backoff * attempt)


def _env_timeout() -> float:
    import os

    try:
        value = float(os.environ.get("CNAI_NETWORK_TIMEOUT", TIMEOUT))
    except ValueError:
        return TIMEOUT
    return value if value > 0 else TIMEOUT


class _Retryable(Exception):
    pass


def _get_once(url: str, headers: dict[str, str], timeout: float, progress: Progress | None) -> Response:
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            found = {k.lower(): v for k, v in answer.headers.items()}
            total = int(found["content-length"]) if found.get("content-length", "").isdigit() else None
            chunks: list[bytes] = []
            received = 0
            while True:
                chunk = answer.read(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                received += len(chunk)
                if progress is not None:
                    progress(received, total)
            if total is not None and received < total:
                raise _Retryable(f"the download stopped after {received:,} of {total:,} bytes")
            return Response(answer.status, found, b"".join(chunks))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Response(304, {k.lower(): v for k, v in exc.headers.items()}, b"")
        if exc.code >= 500:
            raise _Retryable(f"the server answered {exc.code} {exc.reason}") from None
        raise NetworkError(f"cannot download {url}: the server answered {exc.code} {exc.reason}") from None
    except http.client.IncompleteRead as exc:
        raise _Retryable(f"the download stopped after {len(exc.partial):,} bytes") from None
    except TimeoutError:
        raise _Retryable(f"no answer within {timeout:g} s") from None
    except urllib.error.URLError as exc:
        reason = exc.reason if isinstance(exc.reason, str) else getattr(exc.reason, "strerror", None) or exc.reason
        raise _Retryable(f"{reason}") from None
    except (ConnectionError, http.client.HTTPException) as exc:
        raise _Retryable(f"{exc.__class__.__name__}: {exc}") from None

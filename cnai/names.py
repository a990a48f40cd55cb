"""How names are matched: one normal form for ids, names and aliases in any script.

Kept apart from the schema rules so that resolving a name on a warm run (registry from the
cache) needs neither the YAML reader nor the validator.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[\s\-_]+")


def normalize_name(text: str) -> str:
    """The key names are matched on: NFKC, case-folded, without spaces, hyphens, underscores.

    So `Prover V2`, `prover-v2` and full-width `ｐｒｏｖｅｒ－ｖ２` all meet.
    """
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text).casefold())


def all_names(ident: str, name: str, names: dict[str, str], aliases: Iterable[str]) -> set[str]:
    """Every normal form a record answers to."""
    return {normalize_name(n) for n in (ident, name, *names.values(), *aliases)}

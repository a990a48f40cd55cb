"""The output formats: one enum, shared by the CLI (its `--format` choices) and the renderers.

Its own module so that parsing options, `--version` and shell completion need not import the
renderers.
"""

from enum import StrEnum


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"

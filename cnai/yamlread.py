"""Read a registry file: bytes with a size cap, strict UTF-8, YAML composed into plain data that
keeps the line of every value.

We walk the node graph of PyYAML's safe C composer ourselves so that every value keeps its line
number, duplicate keys are caught (PyYAML keeps the last silently), aliases are refused (a few
hundred bytes of anchors can expand to millions of nodes) and YAML 1.1 surprises (`NO` as
false, `012` as octal) are reported instead of believed. A problem that stops the reading
raises RegistryInvalid at once; every other one is recorded on the Document as a `Problem`.
This module knows YAML and files, not the registry's schema (that is `cnai.rules`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from cnai.bundle import read_bytes
from cnai.errors import RegistryInvalid

MAX_DEPTH = 32  # the schema nests 5 deep; deeper is an attack or an accident

YamlPath = tuple[str | int, ...]

_STANDARD_TAG = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")


def format_path(path: YamlPath) -> str:
    """`('models', 4, 'params', 'active')` → `models[4].params.active`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top)"


def invalid(file: str, line: int, message: str) -> RegistryInvalid:
    """A problem that stops the reading of a file, as the error to raise."""
    problem = Problem(file, line, (), message)
    return RegistryInvalid([str(problem)], [problem.record()])


class Problem(NamedTuple):
    """One thing wrong with a file, where it is: printed as `FILE:LINE: path: message`."""

    file: str
    line: int
    path: YamlPath
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {format_path(self.path)}: {self.message}"

    def record(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "path": format_path(self.path), "message": self.message}


@dataclass
class Document:
    """One YAML file as plain Python data, with the line of every value."""

    file: str
    data: Any
    lines: dict[YamlPath, int] = field(default_factory=dict)
    # Source text of scalars YAML typed as something other than a string (for messages).
    raw: dict[YamlPath, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: YamlPath) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: YamlPath, message: str) -> None:
        self.problems.append(Problem(self.file, self.line(path), path, message))


class _Fatal(Exception):
    """A problem after which the rest of the file cannot be read."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_text(path: str) -> str:
    """The file's text, or RegistryUnreadable / RegistryInvalid with one clear line."""
    return decode(read_bytes(path), path)


def decode(data: bytes, file: str) -> str:
    """Strict UTF-8 (a UTF-8 BOM is accepted and dropped); anything else names the line."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise invalid(file, 1, "file is UTF-16; save it as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise invalid(file, line, f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None


def parse_yaml(text: str, file: str) -> Document:
    """Compose `text` with the safe loader and convert it to plain data with line numbers."""
    import yaml  # lazy: --version and --help must not pay for it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    doc = Document(file=file, data=None)
    try:
        node = yaml.compose(text, Loader=loader)
        if node is None:
            raise _Fatal(1, "file is empty; a registry is a mapping with `schema: 1` and sections")
        doc.data = _Converter(doc).convert(node, (), 0)
    except _Fatal as exc:
        raise invalid(file, exc.line, f"{exc.message}") from None
    except yaml.reader.ReaderError as exc:
        # A control character or similar: name its line, in one line.
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise invalid(
            file, line, f"unacceptable character #x{code:04x} ({exc.reason}); write it as an escape"
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise invalid(file, line, f"YAML syntax: {what}") from None
    except yaml.YAMLError as exc:
        raise invalid(file, 1, f"YAML error: {exc}") from None
    except RecursionError:
        raise invalid(file, 1, "nesting too deep") from None
    return doc


class _Converter:
    """Node graph → dicts, lists and scalars, recording lines and refusing what is unsafe."""

    def __init__(self, doc: Document) -> None:
        import yaml

        self.doc = doc
        self.seen: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()
        self.yaml = yaml

    def convert(self, node: Any, path: YamlPath, depth: int) -> Any:
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise _Fatal(line, f"nested more than {MAX_DEPTH} levels deep")
        if id(node) in self.seen:
            # The node is the anchor's; the line worth naming is where the alias is used.
            used_at = self.doc.line(path)
            raise _Fatal(used_at, "YAML aliases (*name) are not allowed in a registry; write the value out")
        self.seen.add(id(node))
        self.doc.lines.setdefault(path, line)
        tag = node.tag
        if isinstance(node, self.yaml.MappingNode):
            if tag != _STANDARD_TAG + "map":
                self.doc.problem(path, f"tag {tag} is not allowed")
            return self._mapping(node, path, depth)
        if isinstance(node, self.yaml.SequenceNode):
            if tag != _STANDARD_TAG + "seq":
                self.doc.problem(path, f"tag {tag} is not allowed")
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: Any, path: YamlPath, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == _STANDARD_TAG + "merge":
                raise _Fatal(key_line, "merge keys (<<) are not allowed in a registry")
            if not isinstance(key_node, self.yaml.ScalarNode):
                raise _Fatal(key_line, "a mapping key must be plain text")
            key = str(key_node.value)
            child = (*path, key)
            if key in first_line:
                self.doc.problems.append(
                    Problem(
                        self.doc.file,
                        key_line,
                        child,
                        f"duplicate key {key!r} (first at line {first_line[key]}, again at line {key_line})",
                    )
                )
                continue
            first_line[key] = key_line
            self.doc.lines[child] = key_line
            out[key] = self.convert(value_node, child, depth + 1)
        return out

    def _scalar(self, node: Any, path: YamlPath) -> Any:
        tag: str = node.tag
        text: str = node.value
        kind = tag.removeprefix(_STANDARD_TAG) if tag.startswith(_STANDARD_TAG) else None
        if kind == "str":
            return unicodedata.normalize("NFC", text)
        self.doc.raw[path] = text
        if kind == "null":
            return None
        try:
            if kind == "bool":
                return self.constructor.construct_yaml_bool(node)
            if kind == "int":
                return self.constructor.construct_yaml_int(node)
            if kind == "float":
                return self.constructor.construct_yaml_float(node)
        except (ValueError, KeyError, IndexError, OverflowError):  # `!!int abc`, `!!int ""`, `0x_`, `!!bool maybe`
            self.doc.problem(path, f"{text!r} is not a valid {kind}")
            return None
        if kind == "timestamp":
            # Dates stay text: the schema checks them, so `2025-13-45` is a message, not a crash.
            return text
        self.doc.problem(path, f"tag {tag} is not allowed")
        return None

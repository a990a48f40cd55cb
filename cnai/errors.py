"""Typed errors and the exit codes they map to.

Core modules raise these; only `cli.py` turns them into one line on stderr and an exit code.
The codes follow DESIGN.md (and sysexits for the registry ones).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    BUG = 1
    USAGE = 2
    NOT_FOUND = 3
    DATA = 65  # EX_DATAERR: the registry content is invalid
    NO_INPUT = 66  # EX_NOINPUT: the registry file cannot be read
    CHECK_FAILED = 4  # `check` found a wrong or overstated statement
    UNAVAILABLE = 69  # EX_UNAVAILABLE: the network or a remote service failed; nothing was written
    INTERRUPTED = 130


class CnaiError(Exception):
    """Base of every error a user can cause; never a bug."""

    exit_code: ExitCode = ExitCode.BUG

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def lines(self) -> list[str]:
        """The lines to print on stderr (one, except for a registry report)."""
        return [self.message]


class UsageError(CnaiError):
    """A bad option, expression, amount, currency or rate."""

    exit_code = ExitCode.USAGE


class NotFoundError(CnaiError):
    """An unknown model, family, benchmark or fund."""

    exit_code = ExitCode.NOT_FOUND


class RegistryUnreadable(CnaiError):
    """The registry file cannot be opened or read at all."""

    exit_code = ExitCode.NO_INPUT


class InputUnreadable(CnaiError):
    """An input file (an article for `check`) cannot be opened or read."""

    exit_code = ExitCode.NO_INPUT


class InvalidInput(CnaiError):
    """An input was read but is not what it must be (an article that is not UTF-8)."""

    exit_code = ExitCode.DATA


class NetworkError(CnaiError):
    """Offline, a timeout, a refused connection or a failing server: nothing was written."""

    exit_code = ExitCode.UNAVAILABLE


class RegistryInvalid(CnaiError):
    """The registry was read but its content breaks the schema: every problem, not the first."""

    exit_code = ExitCode.DATA

    def __init__(self, problems: list[str], records: list[dict[str, object]] | None = None) -> None:
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"invalid registry: {count} {noun}")
        self.problems = problems
        # The same problems as records ({file, line, path, message}) for `validate --json`.
        self.records = records or []

    def lines(self) -> list[str]:
        return [*self.problems, self.message]

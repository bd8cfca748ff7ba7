"""Exit codes and the typed errors the library raises (mapped to one line by the CLI)."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit codes of every medsos command."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3
    CANCELLED = 130  # Ctrl+C (128 + SIGINT, as shells report it)


class MedsosError(Exception):
    """An error meant for the user: an Indonesian message, optionally a file and a line."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def location(self) -> str:
        """Return ``path:line`` (or ``path``, or an empty string)."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        loc = self.location()
        return f"{loc}: {self.message}" if loc else self.message


class InputError(MedsosError):
    """An input file that cannot be read or decoded."""


class ConfigError(MedsosError):
    """A configuration file (medsos.toml, pyproject.toml) that is wrong."""


class RulebookError(MedsosError):
    """A rulebook that cannot be loaded: YAML error, unknown key, failing example."""


class RegexTimeout(MedsosError):
    """A user regular expression that ran past its time limit."""

"""Findings: what a rule reports, positioned in code points of the file as written."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Level(IntEnum):
    """Severity of a finding; ordered so that comparisons work (error is highest)."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """Lower-case name used in YAML, JSON and the CLI."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Level:
        """Parse ``error``/``warning``/``suggestion`` (raises ValueError otherwise)."""
        try:
            return cls[value.strip().upper()]
        except (KeyError, AttributeError):
            raise ValueError(value) from None


LEVEL_NAMES = tuple(level.label for level in sorted(Level, reverse=True))
# The names lint shows (``--format text``): accepted wherever a level is typed (--min-level).
INDONESIAN_LEVELS = {"error": "galat", "warning": "peringatan", "suggestion": "saran"}
LEVEL_CHOICES = (*LEVEL_NAMES, *INDONESIAN_LEVELS.values())


_LEVEL_IDS = {**{name: name for name in INDONESIAN_LEVELS},
              **{shown: name for name, shown in INDONESIAN_LEVELS.items()}}


def level_id(name: str) -> str | None:
    """The level id (``error``…) of an English or Indonesian level name, or None."""
    return _LEVEL_IDS.get(name.strip().lower())


@dataclass(frozen=True)
class Edit:
    """A fix decided once, where the finding is made: replace ``length`` code points at
    ``offset`` by ``replacement``."""

    offset: int
    length: int
    replacement: str


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found in a text.

    ``offset`` and ``length`` count Unicode code points of the file as written; ``line`` and
    ``column`` are 1-based, ``end_line``/``end_column`` point just past the match.
    """

    offset: int
    length: int
    rule: str = field(compare=False)
    level: Level = field(compare=False)
    message: str = field(compare=False)
    text: str = field(compare=False, default="")
    suggestions: tuple[str, ...] = field(compare=False, default=())
    source: str = field(compare=False, default="")
    fixable: bool = field(compare=False, default=False)
    line: int = field(compare=False, default=0)
    column: int = field(compare=False, default=0)
    end_line: int = field(compare=False, default=0)
    end_column: int = field(compare=False, default=0)

    @property
    def edit(self) -> Edit | None:
        """The edit ``--fix`` applies: the one suggestion of a fixable finding."""
        if self.fixable and len(self.suggestions) == 1:
            return Edit(self.offset, self.length, self.suggestions[0])
        return None


@dataclass(frozen=True)
class Exempted:
    """A finding that an approved exemption in the configuration silenced."""

    finding: Finding
    reason: str
    approved_by: str

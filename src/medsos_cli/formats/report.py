"""The data every output format renders: results, rules and the run's summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from medsos_cli.findings import Level
from medsos_cli.lint.engine import FileResult
from medsos_cli.rulebook.model import Rule


@dataclass
class LintReport:
    """All results of one run, plus the rules that were active (for SARIF's rule table)."""

    results: list[FileResult]
    rules: list[Rule] = field(default_factory=list)
    tool_version: str = ""

    def summary(self) -> dict[str, int]:
        """Counts of files and findings per level."""
        return {
            "files": len(self.results),
            "errors": sum(r.count(Level.ERROR) for r in self.results),
            "warnings": sum(r.count(Level.WARNING) for r in self.results),
            "suggestions": sum(r.count(Level.SUGGESTION) for r in self.results),
            "input_errors": sum(1 for r in self.results if r.error is not None),
            "exempted": sum(len(r.exempted) for r in self.results),
        }

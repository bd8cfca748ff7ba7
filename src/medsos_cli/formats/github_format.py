"""``--format github``: GitHub Actions workflow commands (``::error file=…::message``)."""

from __future__ import annotations

from medsos_cli.formats.report import LintReport
from medsos_cli.lint.engine import FileResult

_COMMAND = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: LintReport) -> str:
    """One annotation line per finding and per input error."""
    return "".join(render_result(r) for r in report.results)


def render_result(r: FileResult) -> str:
    """The annotation lines of one result (lint prints them as each file is done)."""
    lines = []
    path = _escape_property(r.path)
    if r.error is not None:
        loc = f",line={r.error.line}" if r.error.line else ""
        lines.append(f"::error file={path}{loc},title=medsos::{_escape_data(r.error.message)}")
    for f in r.findings:
        message = f.message
        if f.suggestions:
            message += " Saran: " + " / ".join(f.suggestions)
        lines.append(
            f"::{_COMMAND[f.level.label]} file={path},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},"
            f"title={_escape_property(f.rule)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")

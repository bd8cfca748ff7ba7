"""``--format json``: the documented, versioned contract (see docs/json-output.md)."""

from __future__ import annotations

import json

from medsos_cli.findings import Finding
from medsos_cli.formats.report import LintReport

VERSION = 1


def finding_dict(f: Finding) -> dict:
    """One finding as the JSON contract spells it."""
    return {
        "rule": f.rule,
        "level": f.level.label,
        "message": f.message,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "offset": f.offset,
        "length": f.length,
        "text": f.text,
        "suggestions": list(f.suggestions),
        "fixable": f.fixable,
        "source": f.source,
    }


def to_data(report: LintReport) -> dict:
    """The JSON document as Python data."""
    files = []
    for r in report.results:
        entry: dict = {
            "path": r.path,
            "platform": r.platform,
            "kind": r.kind,
            "findings": [finding_dict(f) for f in r.findings],
            "metrics": r.metrics,
            "exempted": [
                {**finding_dict(e.finding), "reason": e.reason, "approved_by": e.approved_by}
                for e in r.exempted
            ],
        }
        if r.error is not None:
            entry["error"] = {"message": r.error.message, "line": r.error.line}
        if r.notice:
            entry["notice"] = r.notice
        files.append(entry)
    return {"version": VERSION, "files": files, "summary": report.summary()}


def render(report: LintReport) -> str:
    """Render the report as JSON (UTF-8, not ASCII-escaped)."""
    return json.dumps(to_data(report), ensure_ascii=False, indent=2) + "\n"

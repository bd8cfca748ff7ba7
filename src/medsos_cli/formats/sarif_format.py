"""``--format sarif``: SARIF 2.1.0, columns in Unicode code points."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from medsos_cli.formats.report import LintReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def _full_description(rule) -> str:
    """The rule's plain explanation and its source; never a message template, whose
    ``{match}``-style placeholders only make sense with a finding."""
    text = " ".join(rule.description.split()) or rule.summary
    return f"{text} Sumber: {rule.source}"


def render(report: LintReport) -> str:
    """Render one SARIF run with the active rules and every finding."""
    rule_ids = [r.id for r in report.rules]
    index = {rid: i for i, rid in enumerate(rule_ids)}
    rules = [{
        "id": r.id,
        "name": r.id,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": _full_description(r)},
        "defaultConfiguration": {"level": _LEVEL[r.level.label]},
        "properties": {"kind": r.kind, "source": r.source,
                       "platforms": list(r.platforms), "kinds": list(r.kinds)},
    } for r in report.rules]
    results = []
    notifications = []
    for r in report.results:
        if r.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": r.error.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)},
                    **({"region": {"startLine": r.error.line}} if r.error.line else {}),
                }}],
            })
        items = [(f, None) for f in r.findings] + [(e.finding, e) for e in r.exempted]
        for f, exempt in items:
            region = {
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
                "charOffset": f.offset,
                "charLength": f.length,
                "snippet": {"text": f.text},
            }
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "level": _LEVEL[f.level.label],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)}, "region": region}}],
                "partialFingerprints": {"medsosFinding/v1": hashlib.sha256(
                    f"{f.rule}\0{f.text}\0{f.line}".encode()).hexdigest()[:32]},
            }
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            if f.fixable and len(f.suggestions) == 1:
                result["fixes"] = [{
                    "description": {"text": f"Ganti dengan “{f.suggestions[0]}”"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": _uri(r.path)},
                        "replacements": [{
                            "deletedRegion": {"charOffset": f.offset, "charLength": f.length},
                            "insertedContent": {"text": f.suggestions[0]},
                        }],
                    }],
                }]
            if exempt is not None:
                result["suppressions"] = [{
                    "kind": "external",
                    "justification": f"{exempt.reason} (disetujui: {exempt.approved_by})",
                }]
            results.append(result)
    run = {
        "tool": {"driver": {
            "name": "medsos",
            "version": report.tool_version,
            "informationUri": "https://pypi.org/project/medsos/",
            "rules": rules,
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False,
                               "toolExecutionNotifications": notifications}]
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]},
                      ensure_ascii=False, indent=2) + "\n"

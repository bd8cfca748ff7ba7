"""Apply the unambiguous suggestions of substitution rules to a text."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from medsos_cli.findings import Edit, Finding


def apply_fixes(text: str, findings: Iterable[Finding],
                applied: list[str] | None = None) -> tuple[str, int]:
    """Return the fixed text and the number of edits made.

    Each finding's ``edit`` (a fixable finding with exactly one suggestion) is applied; when two
    overlap, the one that starts first (then the longer one) wins and the other is left for a
    human. An edit whose text no longer matches is skipped. The rule id of each edit made is
    appended to ``applied`` when given (the fix summary counts them per rule).
    """
    edits = [(f.edit, f.text, f.rule) for f in findings if f.edit is not None]
    chosen: list[Edit] = []
    last_end = -1
    for edit, expected, rule in sorted(edits, key=lambda e: (e[0].offset, -e[0].length)):
        end = edit.offset + edit.length
        if edit.offset < last_end or text[edit.offset:end] != expected:
            continue
        chosen.append(edit)
        if applied is not None:
            applied.append(rule)
        last_end = end
    parts: list[str] = []
    pos = 0
    for edit in chosen:
        parts.append(text[pos:edit.offset])
        parts.append(edit.replacement)
        pos = edit.offset + edit.length
    parts.append(text[pos:])
    return "".join(parts), len(chosen)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of a fix, as ``--diff`` prints it."""
    relative = not Path(path).is_absolute()
    import difflib  # only for --diff

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{path}" if relative else path, tofile=f"b/{path}" if relative else path)
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


MAX_PASSES = 8


def fix_text(linter, text: str, *, platform: str | None = None, kind: str = "caption",
             start: int = 0, path: str = "-", findings: list[Finding] | None = None,
             applied: list[str] | None = None):
    """Apply fixes until none is left (one fix can uncover another, e.g. ``0 !!`` → ``0 !``
    → ``0!``). Returns the fixed text, the number of replacements, and the final result
    (None when ``findings`` of the text were given and nothing was fixed); the rule of each
    replacement goes to ``applied`` when given."""
    total = 0
    result = None
    if findings is None:
        result = linter.lint_text(text, path=path, platform=platform, kind=kind, start=start)
        findings = result.findings
    for _ in range(MAX_PASSES):
        fixed, count = apply_fixes(text, findings, applied)
        if not count:
            break
        total += count
        text = fixed
        result = linter.lint_text(text, path=path, platform=platform, kind=kind, start=start)
        findings = result.findings
    return text, total, result

"""``--format text``: findings for people, with the matched text marked; colour optional."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from medsos_cli.findings import Finding
from medsos_cli.formats.report import LintReport
from medsos_cli.lint.engine import FileResult

LABELS = {"error": "galat", "warning": "peringatan", "suggestion": "saran"}
STYLES = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}


def render(report: LintReport, *, color: bool = False) -> str:
    """Render all results and a summary line."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, highlight=False,
                      soft_wrap=True, width=10_000, color_system="standard" if color else None,
                      emoji=False, markup=False)
    for result in report.results:
        _render_result(console, result)
    _render_summary(console, report)
    return buffer.getvalue()


def _render_result(console: Console, result: FileResult) -> None:
    # Input errors go to stderr, one line each (the CLI prints them); the summary counts them.
    if result.notice:
        console.print(Text.assemble((result.path, "bold"), f": {result.notice}"))
    for finding in result.findings:
        _render_finding(console, result, finding)
    for exempt in result.exempted:
        f = exempt.finding
        console.print(Text.assemble(
            (f"{result.path}:{f.line}:{f.column}", "bold"), " ", ("dikecualikan", "dim"),
            f" {f.rule}: {exempt.reason} (disetujui: {exempt.approved_by})"), style="dim")


def _render_finding(console: Console, result: FileResult, f: Finding) -> None:
    level = f.level.label
    head = Text.assemble(
        (f"{result.path}:{f.line}:{f.column}", "bold"), " ",
        (LABELS[level], STYLES[level]), " ", (f.rule, "dim"), " ", f.message)
    if f.suggestions:
        head.append("  → ", "dim")
        head.append(" / ".join(f.suggestions), "green")
    console.print(head)
    doc = result.document
    if doc is None:
        return
    source_line = doc.line_text(f.line)
    gutter = f"{f.line:>5} | "
    console.print(Text(gutter, "dim") + Text(source_line.expandtabs(1)))
    start_col = f.column - 1
    end_col = f.end_column - 1 if f.end_line == f.line else len(source_line)
    pad = cell_len(source_line[:start_col].expandtabs(1))
    width = max(cell_len(source_line[start_col:end_col].expandtabs(1)), 1)
    console.print(Text(" " * (len(gutter) - 2) + "| ", "dim")
                  + Text(" " * pad + "^" * width, STYLES[level]))


def _render_summary(console: Console, report: LintReport) -> None:
    s = report.summary()
    total = s["errors"] + s["warnings"] + s["suggestions"]
    parts = [f"{s['errors']} galat", f"{s['warnings']} peringatan", f"{s['suggestions']} saran"]
    text = f"{total} temuan ({', '.join(parts)}) dalam {s['files']} berkas"
    if s["input_errors"]:
        text += f"; {s['input_errors']} berkas tidak dapat diperiksa"
    if s["exempted"]:
        text += f"; {s['exempted']} dikecualikan"
    style = "bold red" if s["errors"] or s["input_errors"] else (
        "yellow" if total else "green")
    console.print(Text(("✔ " if not total and not s["input_errors"] else "✖ ") + text, style))

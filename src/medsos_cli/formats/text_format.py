"""``--format text``: findings for people, with the matched text marked; colour optional.

Colour is a last layer of plain ANSI codes: with colour off the output is the same text with no
escape codes. Rich is not used here because importing it costs a tenth of the start-up budget.
"""

from __future__ import annotations

from collections import Counter

from medsos_cli.findings import INDONESIAN_LEVELS, Finding
from medsos_cli.formats.report import LintReport
from medsos_cli.lint.engine import FileResult

LABELS = INDONESIAN_LEVELS
_ANSI = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36",
         "bold red": "1;31"}
STYLES = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}


class _Out:
    def __init__(self, color: bool):
        self.color = color
        self.lines: list[str] = []

    def style(self, text: str, style: str) -> str:
        if not self.color or not text:
            return text
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m"


def render(report: LintReport, *, color: bool = False) -> str:
    """Render all results and a summary line."""
    out = _Out(color)
    for result in report.results:
        _render_result(out, result)
    _render_summary(out, report)
    return "\n".join(out.lines) + "\n"


def render_result(result: FileResult, *, color: bool = False, quiet: bool = False) -> str:
    """The lines of one result (findings, notice, exemptions), as the CLI prints them while
    the run goes on; empty when there is nothing to say. ``quiet``: findings only."""
    out = _Out(color)
    _render_result(out, result, quiet)
    return "".join(line + "\n" for line in out.lines)


def render_summary(report: LintReport, *, color: bool = False, hidden: int = 0,
                   min_level: str | None = None) -> str:
    """The closing summary line (``hidden`` findings below ``min_level`` are named)."""
    out = _Out(color)
    _render_summary(out, report, hidden, min_level)
    return out.lines[0] + "\n"


def render_statistics(report: LintReport, *, color: bool = False) -> str:
    """``--statistics``: findings counted per rule, most frequent first (then by id)."""
    out = _Out(color)
    counts: Counter = Counter()
    fixable: Counter = Counter()
    levels: dict[str, str] = {}
    for result in report.results:
        for f in result.findings:
            counts[f.rule] += 1
            fixable[f.rule] += f.edit is not None
            levels[f.rule] = f.level.label
    if not counts:
        return ""
    width = max(len(_number(n)) for n in counts.values())
    rule_width = max(len(rule) for rule in counts)
    label_width = max(len(LABELS[level]) for level in levels.values())
    for rule, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        level = levels[rule]
        line = (f"{_number(n):>{width}}  {out.style(rule.ljust(rule_width), 'bold')}  "
                f"{out.style(LABELS[level].ljust(label_width), STYLES[level])}")
        if fixable[rule]:
            line += f"  {_number(fixable[rule])} dapat diperbaiki --fix"
        out.lines.append(line.rstrip())
    return "\n".join(out.lines) + "\n"


def render_fix_summary(files: int, fixes: int, per_rule: Counter, *, checked: int,
                       diff: bool = False, color: bool = False) -> str:
    """What ``--fix`` changed (``--diff``: would change): files, replacements, per rule."""
    out = _Out(color)
    verb = "akan diterapkan" if diff else "diterapkan"
    if not fixes:
        out.lines.append(out.style("--diff: tidak ada perbaikan yang dapat diterapkan" if diff
                                   else "--fix: tidak ada perbaikan yang dapat diterapkan",
                                   "dim"))
    else:
        option = "--diff" if diff else "--fix"
        out.lines.append(out.style(f"{option}: {_number(fixes)} perbaikan {verb} di "
                                   f"{_number(files)} berkas", "green"))
        width = max(len(_number(n)) for n in per_rule.values())
        for rule, n in sorted(per_rule.items(), key=lambda item: (-item[1], item[0])):
            out.lines.append(f"  {_number(n):>{width}}  {rule}")
    left = checked - files
    if left > 0:
        out.lines.append(out.style(f"  {_number(left)} berkas punya temuan yang dapat "
                                   "diperbaiki tetapi saling tumpang-tindih; periksa manual",
                                   "dim"))
    return "\n".join(out.lines) + "\n"


def _render_result(out: _Out, result: FileResult, quiet: bool = False) -> None:
    # Input errors go to stderr, one line each (the CLI prints them); the summary counts them.
    if result.notice and not quiet:
        out.lines.append(f"{out.style(result.path, 'bold')}: {result.notice}")
    for finding in result.findings:
        _render_finding(out, result, finding)
    for exempt in () if quiet else result.exempted:
        f = exempt.finding
        out.lines.append(out.style(
            f"{result.path}:{f.line}:{f.column} dikecualikan {f.rule}: {exempt.reason} "
            f"(disetujui: {exempt.approved_by})", "dim"))


_CLEAN = str.maketrans({**{chr(code): "\ufffd" for code in range(32)}, "\t": " ",
                        "\x7f": "\ufffd"})
# Characters shown on each side of a match: the line is cut to a window around the match so
# that the output grows with the findings, not with the length of the line.
CONTEXT = 40
MAX_MARKED = 80
ELLIPSIS = "…"


def _clean(text: str) -> str:
    """Make user text safe for a terminal: tabs as one space, control characters shown."""
    if text.isprintable():  # a C-level test; the mapping only when a line needs it
        return text
    return text.translate(_CLEAN)


def _number(n: int) -> str:
    """An integer with Indonesian thousands separators (23.162)."""
    from medsos_cli.forms import number

    return number(n)


def cell_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and emoji count 2, combining
    marks and zero-width joiners 0."""
    if text.isascii():
        return len(text)
    from unicodedata import category, east_asian_width

    width = 0
    for ch in text:
        if ch < "\u0300":
            width += 1
        elif category(ch) in ("Mn", "Me", "Cf"):
            continue
        elif east_asian_width(ch) in ("W", "F"):
            width += 2
        else:
            width += 1
    return width


def window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut ``line`` to the match ``[start, end)`` and ``CONTEXT`` characters on each side.

    Returns the shown text and the match's start and end in it (a match longer than
    ``MAX_MARKED`` is shown up to that length). Cuts are marked with an ellipsis.
    """
    end = max(min(end, start + MAX_MARKED, len(line)), start)
    lo = max(start - CONTEXT, 0)
    hi = min(end + CONTEXT, len(line))
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < len(line) else ""
    shown = head + line[lo:hi] + tail
    return shown, start - lo + len(head), end - lo + len(head)


def _render_finding(out: _Out, result: FileResult, f: Finding) -> None:
    level = f.level.label
    head = (f"{out.style(f'{result.path}:{f.line}:{f.column}', 'bold')} "
            f"{out.style(LABELS[level], STYLES[level])} {out.style(f.rule, 'dim')} "
            f"{_clean(f.message)}")
    if f.suggestions:
        head += out.style("  → ", "dim") + out.style(_clean(" / ".join(f.suggestions)), "green")
    out.lines.append(head)
    doc = result.document
    if doc is None:
        return
    line = doc.line_text(f.line)
    start_col = f.column - 1
    end_col = f.end_column - 1 if f.end_line == f.line else len(line)
    shown, begin, stop = window(line, start_col, end_col)
    shown = _clean(shown)
    gutter = f"{f.line:>5} | "
    out.lines.append(out.style(gutter, "dim") + shown)
    pad = cell_width(shown[:begin])
    width = max(cell_width(shown[begin:stop]), 1)
    out.lines.append(out.style(" " * (len(gutter) - 2) + "| ", "dim")
                     + " " * pad + out.style("^" * width, STYLES[level]))


def _render_summary(out: _Out, report: LintReport, hidden: int = 0,
                    min_level: str | None = None) -> None:
    s = report.summary()
    total = s["errors"] + s["warnings"] + s["suggestions"]
    parts = [f"{_number(s['errors'])} galat", f"{_number(s['warnings'])} peringatan",
             f"{_number(s['suggestions'])} saran"]
    text = f"{_number(total)} temuan ({', '.join(parts)}) dalam {_number(s['files'])} berkas"
    if s["input_errors"]:
        text += f"; {_number(s['input_errors'])} berkas tidak dapat diperiksa"
    if s["exempted"]:
        text += f"; {_number(s['exempted'])} dikecualikan"
    if hidden:
        below = f" di bawah tingkat {LABELS[min_level]}" if min_level else ""
        text += f"; {_number(hidden)} temuan{below} disembunyikan"
    clean = not total and not s["input_errors"]
    style = "bold red" if s["errors"] or s["input_errors"] else ("yellow" if total else "green")
    out.lines.append(out.style(("✔ " if clean else "✖ ") + text, style))

"""``medsos lint`` once its options are parsed and valid: lint, fix, print (no Typer here, so
the fast path of ``medsos_cli.cli.fastpath`` can run it without importing the framework).

Text and GitHub output stream: each file's findings are printed as soon as it and every file
before it are linted (input order, with any ``--jobs``), and the summary comes last. JSON and
SARIF are one document, written at the end. With ``--output FILE`` everything goes to FILE,
written atomically once the run is complete.
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from medsos_cli.cli._errors import error_line, isatty, stdout_write, use_color
from medsos_cli.cli._progress import new_progress, on_terminal

PROGRESS_MIN_FILES = 50  # a progress bar for fewer files only flickers


def run_lint(paths: list[str], platform: str | None, reply: bool, output_format: str,
             fail_on: str | None, fix: bool, diff: bool, rulebooks: list[str] | None,
             config_path: Path | None, color: bool | None, jobs: int | None = None, *,
             stdin_filename: str | None = None, quiet: bool = False,
             min_level: str | None = None, output: str | None = None, force: bool = False,
             statistics: bool = False, force_exclude: bool = False) -> int:
    """Lint ``paths`` with validated options, print the report; return the exit code."""
    from medsos_cli import __version__
    from medsos_cli.config import load_config
    from medsos_cli.errors import InputError
    from medsos_cli.fileio import atomic_write_text, original_path
    from medsos_cli.findings import Level
    from medsos_cli.formats.report import LintReport
    from medsos_cli.lint.fix import unified_diff
    from medsos_cli.lint.run import (
        FixSummary,
        Options,
        build_linter,
        build_rulebook,
        collect,
        exit_code,
        fix_result,
        keep_at_least,
        lint_items,
        prepare_batch,
    )

    if output is not None:
        _check_output(output, force)
    config = load_config(config_path)
    book = build_rulebook(config, rulebooks)
    linter = build_linter(config, book)
    prepare_batch()
    options = Options(platform=platform, reply=reply, metrics=output_format == "json",
                      stdin_name=stdin_filename, force_exclude=force_exclude)
    threshold = Level.parse(min_level) if min_level else None
    text = output_format == "text"
    streaming = output is None and output_format in ("text", "github") and not statistics \
        and not diff
    colored = text and output is None and use_color(color)
    render_result = _result_renderer(output_format, colored, quiet)
    items = collect(paths, config, options)
    results = []
    diffs = []
    hidden = 0
    fixes = FixSummary()
    progress = _progress(len(items), quiet)
    with progress as bar:
        # Text and GitHub output of a file is made where it was linted (in the workers with
        # --jobs), unless the parent still changes the result (fixes, --min-level).
        early = render_result if streaming and not fix and threshold is None else None
        for result in lint_items(linter, items, config, options, jobs, early):
            if fix or diff:
                fixed = fix_result(linter, result, fixes, options.metrics)
                if fixed is not None:
                    new_text, fixed_result = fixed
                    if diff:
                        assert result.document is not None  # a fixed file was read
                        diffs.append(unified_diff(result.path, result.document.text, new_text))
                    else:
                        try:
                            atomic_write_text(original_path(result.path), new_text,
                                              bom=result.bom)
                            result = fixed_result
                        except InputError as exc:  # this file stays as it was; others go on
                            result.error = exc
            if threshold is not None:
                hidden += keep_at_least(result, threshold)
            if result.error is not None:
                sys.stderr.write(error_line(result.error) + "\n")
            if streaming:
                chunk = result.rendered if result.rendered is not None else \
                    render_result(result)
                if chunk:
                    if bar is not None and bar.shares_terminal:
                        bar.write(chunk)
                    else:
                        stdout_write(chunk)
            results.append(result)
            if bar is not None:
                bar.advance()
    report = LintReport(results=results, rules=list(book), tool_version=__version__)
    if diff:
        stdout_write("".join(diffs))
    body = _closing(report, output_format, streaming, statistics, quiet, colored, hidden,
                    min_level, fixes if (fix or diff) else None, diff)
    if output is not None:
        atomic_write_text(output, body)
    elif body:
        stdout_write(body)
    if (diff or (fix and not text)) and not quiet:
        from medsos_cli.formats.text_format import render_fix_summary

        sys.stderr.write(render_fix_summary(fixes.files, fixes.fixes, fixes.per_rule,
                                            checked=fixes.checked, diff=diff))
    return int(exit_code(results, fail_on or config.fail_on))


def _closing(report, output_format: str, streamed: bool, statistics: bool, quiet: bool,
             color: bool, hidden: int, min_level: str | None, fixes, diff: bool) -> str:
    """What is written once every file is done: the whole document (JSON, SARIF, or text
    that was not streamed), statistics, the fix summary and the summary line."""
    from medsos_cli.formats import renderer

    if output_format != "text":
        return "" if streamed else renderer(output_format)(report)
    from medsos_cli.formats import text_format

    parts = []
    if statistics:
        parts.append(text_format.render_statistics(report, color=color))
    elif not streamed and not diff:
        parts.extend(text_format.render_result(r, color=color, quiet=quiet)
                     for r in report.results)
    if quiet:
        return "".join(parts)
    if fixes is not None and not diff:  # --diff: stdout is the patch; its summary is on stderr
        parts.append(text_format.render_fix_summary(fixes.files, fixes.fixes, fixes.per_rule,
                                                    checked=fixes.checked, diff=diff,
                                                    color=color))
    if not diff or statistics:
        parts.append(text_format.render_summary(report, color=color, hidden=hidden,
                                                min_level=min_level))
    return "".join(parts)


def _result_renderer(output_format: str, color: bool, quiet: bool):
    # partial, not lambda: it is pickled to spawned workers (Windows)
    from functools import partial

    if output_format == "text":
        from medsos_cli.formats.text_format import render_result

        return partial(render_result, color=color, quiet=quiet)
    if output_format == "github":
        from medsos_cli.formats.github_format import render_result as github_result

        return github_result
    return _nothing


def _nothing(result: Any) -> str:
    return ""


def _check_output(output: str, force: bool) -> None:
    """Refuse, before any work, to overwrite ``--output`` without ``--force`` (and a target
    that is a folder or a device in any case)."""
    from medsos_cli.errors import InputError
    from medsos_cli.fileio import display_path, refuse_existing, write_target

    target = write_target(output)  # a folder, FIFO or device is refused here
    refuse_existing(output, force)
    parent = target.parent
    if not parent.is_dir():
        raise InputError("folder tujuan tidak ada", display_path(output))


class _Bar:
    def __init__(self, progress, task):
        self.progress = progress
        self.task = task
        # stdout on the same terminal: findings are printed above the bar through rich, as
        # they are (no re-wrapping, so the markers stay under the text); else straight out.
        self.shares_terminal = isatty(sys.stdout)

    def advance(self) -> None:
        self.progress.advance(self.task)

    def write(self, chunk: str) -> None:
        from rich.text import Text

        self.progress.console.print(Text.from_ansi(chunk.rstrip("\n")), soft_wrap=True,
                                    highlight=False, markup=False)


class _ProgressContext:
    """A transient rich progress bar on stderr (rich is imported only here)."""

    def __init__(self, total: int):
        self.total = total
        self.progress: Any = None  # a rich Progress while the bar is shown

    def __enter__(self) -> _Bar:
        from rich.progress import BarColumn, MofNCompleteColumn, TimeRemainingColumn

        # Findings printed on the same terminal must pass above the bar, not through it.
        self.progress = new_progress("Memeriksa takarir", BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn())
        self.progress.__enter__()
        return _Bar(self.progress, self.progress.add_task("lint", total=self.total))

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)


def progress_wanted(n_files: int, quiet: bool, stderr=None) -> bool:
    """A progress bar only for many files, never with ``--quiet``, and only when stderr is a
    terminal (so it never ends up in a log or a pipe)."""
    return not quiet and n_files >= PROGRESS_MIN_FILES and on_terminal(stderr)


def _progress(n_files: int, quiet: bool):
    if progress_wanted(n_files, quiet):
        return _ProgressContext(n_files)
    return nullcontext(None)

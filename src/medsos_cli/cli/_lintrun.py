"""``medsos lint`` once its options are parsed and valid: lint, fix, print (no Typer here, so
the fast path of ``medsos_cli.cli.fastpath`` can run it without importing the framework)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from medsos_cli.cli._errors import error_line, stdout_write


def run_lint(paths: list[str], platform: str | None, reply: bool, output_format: str,
             fail_on: str | None, fix: bool, diff: bool, rulebooks: list[str] | None,
             config_path: Path | None, color: bool | None, jobs: int | None = None) -> int:
    """Lint ``paths`` with validated options, print the report; return the exit code."""
    from medsos_cli import __version__
    from medsos_cli.config import load_config
    from medsos_cli.errors import InputError
    from medsos_cli.fileio import atomic_write_text, original_path
    from medsos_cli.formats import renderer
    from medsos_cli.formats.report import LintReport
    from medsos_cli.lint.fix import fix_text, unified_diff
    from medsos_cli.lint.run import (
        Options,
        build_linter,
        build_rulebook,
        exit_code,
        lint_paths,
        prepare_batch,
    )

    config = load_config(config_path)
    book = build_rulebook(config, rulebooks)
    linter = build_linter(config, book)
    prepare_batch()
    options = Options(platform=platform, reply=reply, metrics=output_format == "json")
    results = []
    diffs = []
    for result in lint_paths(linter, paths, config, options, jobs):
        doc = result.document
        if (fix or diff) and doc is not None and any(f.fixable for f in result.findings):
            fixed, count, fixed_result = fix_text(linter, doc.text, platform=result.platform,
                                                  kind=result.kind, start=doc.start,
                                                  path=result.path, findings=result.findings)
            if count:
                if diff:
                    diffs.append(unified_diff(result.path, doc.text, fixed))
                else:
                    try:
                        atomic_write_text(original_path(result.path), fixed, bom=result.bom)
                    except InputError as exc:  # this file stays as it was; the others go on
                        result.error = exc
                        results.append(result)
                        continue
                    fixed_result.bom = result.bom
                    if options.metrics:
                        fixed_result.metrics = fixed_result.document.metrics
                    result = fixed_result
        results.append(result)
    for result in results:
        if result.error is not None:
            sys.stderr.write(error_line(result.error) + "\n")
    if diff:
        stdout_write("".join(diffs))
    report = LintReport(results=results, rules=list(book), tool_version=__version__)
    render = renderer(output_format)
    if output_format == "text":
        if not diff:
            use_color = color if color is not None else (
                sys.stdout.isatty() and "NO_COLOR" not in os.environ)
            stdout_write(render(report, color=use_color))
    else:
        stdout_write(render(report))
    return int(exit_code(results, fail_on or config.fail_on))

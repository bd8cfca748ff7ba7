"""``medsos lint``: check captions and replies against the SOP rulebook."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from medsos_cli.cli._errors import error_line, stdout_write, user_errors
from medsos_cli.cli._options import ColorOption, ConfigOption, DebugOption

PLATFORM_HELP = "Platform tujuan: instagram, x, facebook, youtube, tiktok, threads, web."
FORMATS = ("text", "json", "sarif", "github")
FAIL_LEVELS = ("error", "warning", "suggestion", "none")


def _choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    if value is None:
        return None
    low = value.lower()
    if low not in allowed:
        raise typer.BadParameter(f"“{value}” tidak dikenal; pilih {', '.join(allowed)}",
                                 param_hint=name)
    return low


def lint_command(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        help="Berkas, folder (semua *.txt dan *.md di dalamnya), pola glob, atau - untuk "
             "masukan standar.", show_default=False, metavar="BERKAS...")],
    platform: Annotated[str | None, typer.Option(
        "--platform", "-p", help=PLATFORM_HELP + " Front matter berkas lebih diutamakan.",
        metavar="PLATFORM")] = None,
    reply: Annotated[bool, typer.Option(
        "--reply", help="Periksa sebagai balasan kepada warga (aturan nada balasan ikut "
                        "berlaku).")] = False,
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help="Format keluaran: text, json, sarif, github.",
        metavar="FORMAT")] = "text",
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Keluar dengan kode 1 bila ada temuan pada tingkat ini atau lebih "
                          "tinggi: error, warning, suggestion, none (bawaan: error).",
        metavar="TINGKAT")] = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Terapkan saran yang tidak ambigu langsung ke berkas.")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Tampilkan perubahan yang akan dibuat --fix tanpa menulis berkas.")] = False,
    rulebook: Annotated[list[str] | None, typer.Option(
        "--rulebook", "-r", help="Folder buku aturan (boleh diulang); menggantikan rulebooks di "
                                 "konfigurasi. “default” = SOP bawaan.", metavar="FOLDER")] = None,
    config: ConfigOption = None,
    color: ColorOption = None,
    debug: DebugOption = False,
) -> None:
    """Periksa takarir dan balasan terhadap buku aturan SOP.

    Contoh: medsos lint examples/ --platform instagram
    """
    obj = ctx.obj or {}
    debug = debug or bool(obj.get("debug"))
    platform = _choice(platform, _platforms(), "--platform")
    output_format = _choice(output_format, FORMATS, "--format") or "text"
    fail_on = _choice(fail_on, FAIL_LEVELS, "--fail-on")
    if fix and diff:
        raise typer.BadParameter("pilih salah satu: --fix atau --diff", param_hint="--fix")
    if fix and "-" in paths:
        raise typer.BadParameter("--fix tidak dapat menulis ke masukan standar; gunakan --diff",
                                 param_hint="--fix")
    with user_errors(debug):
        _run(paths, platform, reply, output_format, fail_on, fix, diff, rulebook,
             config or obj.get("config"), color)


def _platforms() -> tuple[str, ...]:
    from medsos_cli.platforms import PLATFORMS

    return PLATFORMS


def _run(paths, platform, reply, output_format, fail_on, fix, diff, rulebooks, config_path,
         color) -> None:
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
    for result in lint_paths(linter, paths, config, options):
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
            typer.echo(error_line(result.error), err=True)
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
    raise typer.Exit(exit_code(results, fail_on or config.fail_on))

"""``medsos lint``: check captions and replies against the SOP rulebook."""

from __future__ import annotations

from typing import Annotated

import typer

from medsos_cli.cli._complete import complete_platform
from medsos_cli.cli._errors import user_errors
from medsos_cli.cli._options import ColorOption, ConfigOption, DebugOption, choice
from medsos_cli.cli.fastpath import FAIL_LEVELS, option_conflict
from medsos_cli.findings import LEVEL_CHOICES, level_id
from medsos_cli.formats import FORMAT_NAMES

PLATFORM_HELP = "Platform tujuan: instagram, x, facebook, youtube, tiktok, threads, web."


def _choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    return None if value is None else choice(value, allowed, name)


def lint_command(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        help="Berkas, folder (semua *.txt dan *.md di dalamnya), pola glob, atau - untuk "
             "masukan standar.", show_default=False, metavar="BERKAS...")],
    platform: Annotated[str | None, typer.Option(
        "--platform", "-p", help=PLATFORM_HELP + " Front matter berkas lebih diutamakan.",
        metavar="PLATFORM", autocompletion=complete_platform)] = None,
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
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Jumlah proses pemeriksa (bawaan: semua inti prosesor bila ada "
                             "200 berkas atau lebih, selain itu 1). Urutan hasil tetap sama.",
        min=1, metavar="N")] = None,
    stdin_filename: Annotated[str | None, typer.Option(
        "--stdin-filename", help="Nama untuk masukan standar (-): ditampilkan di temuan, dan "
                                 "platform/jenis dibaca dari nama ini seperti dari nama berkas "
                                 "(mis. hut.instagram.txt).", metavar="NAMA")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Hanya temuan: tanpa ringkasan, catatan, dan bilah kemajuan.")
    ] = False,
    min_level: Annotated[str | None, typer.Option(
        "--min-level", help="Tampilkan hanya temuan pada tingkat ini atau lebih tinggi: galat, "
                            "peringatan, saran (atau error, warning, suggestion). Temuan di "
                            "bawahnya tidak dihitung untuk kode keluar.",
        metavar="TINGKAT")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Tulis laporan ke BERKAS (atomik; berkas yang ada hanya ditimpa "
                               "dengan --force).", metavar="BERKAS")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Timpa berkas --output yang sudah ada.")] = False,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help="Hitung temuan per aturan (alih-alih mencantumkan setiap temuan; "
                             "hanya --format text).")] = False,
    force_exclude: Annotated[bool, typer.Option(
        "--force-exclude", help="Terapkan juga aturan lewati (folder tersembunyi, venv, "
                                "node_modules, [lint] exclude) pada berkas yang disebut "
                                "langsung (untuk pre-commit).")] = False,
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
    output_format = _choice(output_format, FORMAT_NAMES, "--format") or "text"
    fail_on = _choice(fail_on, FAIL_LEVELS, "--fail-on")
    conflict = option_conflict(paths, fix=fix, diff=diff, stdin_filename=stdin_filename,
                               statistics=statistics, output_format=output_format,
                               output=output)
    if conflict is not None:
        raise typer.BadParameter(conflict[1], param_hint=conflict[0])
    if min_level is not None:
        level = level_id(min_level)
        if level is None:
            choice(min_level, LEVEL_CHOICES, "--min-level")  # refused, with the choices
        min_level = level
    from medsos_cli.cli._lintrun import run_lint

    with user_errors(debug):
        code = run_lint(paths, platform, reply, output_format, fail_on, fix, diff, rulebook,
                        config or obj.get("config"), color, jobs,
                        stdin_filename=stdin_filename, quiet=quiet, min_level=min_level,
                        output=output, force=force, statistics=statistics,
                        force_exclude=force_exclude)
    raise typer.Exit(code)


def _platforms() -> tuple[str, ...]:
    from medsos_cli.platforms import PLATFORMS

    return PLATFORMS

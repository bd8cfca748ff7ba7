"""``medsos weekly report``: the weekly evaluation written from the platforms' exports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from medsos_cli.cli._errors import stdout_write, user_errors

FORMATS = ("html", "md", "json")
EXTENSIONS = {"html": "html", "md": "md", "json": "json"}
# Below this much export data there are too few captions to lint with worker processes.
FORK_MIN_BYTES = 1_000_000

weekly_app = typer.Typer(
    help="Laporan evaluasi mingguan akun media sosial instansi.",
    no_args_is_help=True,
    rich_markup_mode=None,
    options_metavar="[OPSI]",
    subcommand_metavar="PERINTAH [ARGUMEN]...",
)


@weekly_app.command("report", options_metavar="[OPSI]")
def report_command(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(
        help="Berkas ekspor CSV (Meta Business Suite, X, YouTube Studio, TikTok, log komentar, "
             "log aduan) atau folder berisi berkas .csv.", show_default=False,
        metavar="BERKAS/FOLDER...")] = None,
    week: Annotated[str | None, typer.Option(
        "--week", "-w", help="Pekan ISO, mis. 2026-W47; “last” = pekan lalu (bawaan: pekan "
                             "yang memuat hari ini).", metavar="PEKAN")] = None,
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help="Format laporan: html, md, json.", metavar="FORMAT")] = "html",
    out: Annotated[str | None, typer.Option(
        "--out", "-o", help="Berkas keluaran; “-” = keluaran standar (bawaan: "
                            "laporan-<pekan>.<format> di folder ini).", metavar="BERKAS")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Timpa berkas keluaran yang sudah ada.")] = False,
    db: Annotated[Path | None, typer.Option(
        "--db", help="Basis data riwayat SQLite (bawaan: report.db di konfigurasi, atau folder "
                     "data pengguna).", dir_okay=False, metavar="BERKAS")] = None,
    no_history: Annotated[bool, typer.Option(
        "--no-history", help="Jangan baca atau tulis riwayat unggahan (juga hasil periksa takarir "
                             "yang disimpan agar laporan berikutnya lebih cepat).")] = False,
    config: Annotated[Path | None, typer.Option(
        "--config", "-c", help="Berkas konfigurasi medsos.toml.", dir_okay=False,
        metavar="BERKAS")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Tampilkan jejak lengkap saat galat.")]
    = False,
) -> None:
    """Tulis laporan mingguan dari berkas ekspor platform.

    Contoh: medsos weekly report ekspor/ --week 2026-W47 --format html
    """
    obj = ctx.obj or {}
    debug = debug or bool(obj.get("debug"))
    low = output_format.lower()
    if low not in FORMATS:
        raise typer.BadParameter(f"“{output_format}” tidak dikenal; pilih {', '.join(FORMATS)}",
                                 param_hint="--format")
    with user_errors(debug):
        _run(paths or [], week, low, out, force, db, no_history, config or obj.get("config"))


def _run(paths: list[str], week: str | None, output_format: str, out: str | None,
         force: bool, db: Path | None, no_history: bool, config_path: Path | None) -> None:
    from medsos_cli.config import load_config
    from medsos_cli.errors import InputError
    from medsos_cli.exports import read_exports
    from medsos_cli.fileio import atomic_write_text
    from medsos_cli.weekly.build import build_report
    from medsos_cli.weekly.week import parse_week, today_in

    if not paths:
        raise InputError("sebutkan berkas ekspor atau folder yang berisinya, mis. "
                         "medsos weekly report ekspor/ --week 2026-W47")
    config = load_config(config_path)
    target = parse_week(week, today=today_in(config.timezone))  # bad --week fails before reading
    target_path = None
    if out != "-":
        target_path = Path(out) if out else Path(
            f"laporan-{target.label}.{EXTENSIONS[output_format]}")
        if target_path.is_dir():
            raise InputError("keluaran adalah folder; sebutkan nama berkas", target_path)
        if target_path.exists() and not force:
            raise InputError("berkas keluaran sudah ada; pakai --force untuk menimpanya",
                             target_path)
    from medsos_cli.lint.run import prepare_batch
    from medsos_cli.weekly import charts
    from medsos_cli.weekly.lintposts import LintWorkers

    # For HTML, matplotlib's import (~0.9 s) runs in a second process while the exports are
    # read; without fork (Windows) the charts are drawn here as usual.
    if output_format == "html":
        charts.start_worker()
    try:
        # The lint workers are forked before the exports are read, while this process is
        # small: they then share (and copy) little of its memory.
        with LintWorkers(config, fork=_input_bytes(paths) >= FORK_MIN_BYTES) as workers:
            # Reading makes hundreds of thousands of long-lived, acyclic records: frequent
            # full collections would only walk them again (about 1 s at provincial scale).
            prepare_batch()
            results = read_exports(paths, tz=config.timezone, year=target.year,
                                   near=target.start)
            report = build_report(results, week=target.label, config=config, db=db,
                                  use_history=not no_history, lint_workers=workers)
        text = _render(report, output_format)
    finally:
        charts.stop_worker()  # a no-op once the worker has drawn; ends it after an error
    if target_path is None:
        stdout_write(text)
    else:
        atomic_write_text(target_path, text)
    typer.echo(_summary(report, target_path), err=True)


def _input_bytes(paths: list[str]) -> int:
    """Rough size of the exports named (CSV files under folders): enough captions to lint in
    parallel come only with megabytes of exports."""
    total = 0
    for name in paths:
        path = Path(name)
        try:
            if path.is_dir():
                total += sum(f.stat().st_size for f in path.rglob("*.csv"))
            elif path.is_file():
                total += path.stat().st_size
        except OSError:  # the reader reports unreadable inputs properly
            continue
    return total


def _render(report: dict, output_format: str) -> str:
    if output_format == "json":
        from medsos_cli.weekly.build import to_json

        return to_json(report)
    if output_format == "md":
        from medsos_cli.weekly.render_md import render_markdown

        return render_markdown(report)
    from medsos_cli.weekly.render_html import render_html  # matplotlib: only for HTML

    return render_html(report)


def _summary(report: dict, target: Path | None) -> str:
    from medsos_cli.weekly.recommend import fmt_int

    sources = report["sources"]
    rows = sum(s["rows"] for s in sources)
    used = sum(s["used"] for s in sources)
    skipped = sum(len(s["skipped"]) for s in sources)
    warnings = sum(len(s["warnings"]) for s in sources)
    lines = [f"medsos: {fmt_int(len(sources))} berkas dibaca, {fmt_int(rows)} baris, "
             f"{fmt_int(used)} dipakai untuk pekan {report['week']} ({report['start']} s.d. "
             f"{report['end']}) dan pekan sebelumnya, {fmt_int(skipped)} baris dilewati, "
             f"{fmt_int(warnings)} peringatan (lihat bagian sumber data di laporan)."]
    for source in sources:  # a file that gave nothing to this week deserves a look now
        if source["rows"] and not source["used"]:
            lines.append(f"medsos: peringatan: {source['path']}: tidak ada baris dalam pekan "
                         f"{report['week']} atau pekan sebelumnya; berkas ini tidak dipakai")
    if target is not None:
        lines.append(f"medsos: laporan ditulis ke {target}")
    return "\n".join(lines)

"""``medsos weekly report``: the weekly evaluation written from the platforms' exports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from medsos_cli.cli._errors import stdout_write, user_errors
from medsos_cli.cli._options import ConfigOption, DbOption, DebugOption, choice
from medsos_cli.weekly.formats import BY_NAME, NAMES

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
        help="Berkas ekspor (CSV, xlsx, ZIP YouTube Studio, JSON komentar) dari Meta Business "
             "Suite, X, YouTube Studio, TikTok Studio, LAPOR!, log komentar, log aduan; atau "
             "folder berisi berkas itu.", show_default=False,
        metavar="BERKAS/FOLDER...")] = None,
    week: Annotated[str | None, typer.Option(
        "--week", "-w", help="Pekan ISO, mis. 2026-W47; “last” = pekan lengkap terakhir; "
                             "“this” (atau “ini”) = pekan berjalan s.d. hari ini, hari yang "
                             "belum tiba tidak dihitung (bawaan: pekan lengkap terakhir, "
                             "Senin–Minggu, di zona waktu akun).", metavar="PEKAN")] = None,
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help=f"Format laporan: {', '.join(NAMES)}.",
        metavar="FORMAT")] = "html",
    out: Annotated[str | None, typer.Option(
        "--out", "-o", help="Berkas keluaran; “-” = keluaran standar (bawaan: "
                            "laporan-<pekan>.<format> di folder ini; pekan berjalan: "
                            "laporan-<pekan>-sampai-<tanggal>.<format>).",
        metavar="BERKAS")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Timpa berkas keluaran yang sudah ada.")] = False,
    db: DbOption = None,
    no_history: Annotated[bool, typer.Option(
        "--no-history", help="Jangan baca atau tulis riwayat unggahan (juga hasil periksa takarir "
                             "yang disimpan agar laporan berikutnya lebih cepat).")] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Anggap berkas yang tidak terbaca dan baris yang dilewati sebagai "
                         "galat (kode keluar 2, laporan tidak ditulis). Tanpa --strict laporan "
                         "tetap ditulis dari berkas lain dengan kode keluar 1.")] = False,
    month: Annotated[str | None, typer.Option(
        "--month", help="Laporan sebulan dari riwayat, mis. 2026-11.", metavar="BULAN")] = None,
    start: Annotated[str | None, typer.Option(
        "--from", help="Awal periode (tanggal atau pekan) untuk laporan dari riwayat.",
        metavar="AWAL")] = None,
    end: Annotated[str | None, typer.Option(
        "--to", help="Akhir periode (bawaan: pekan ini).", metavar="AKHIR")] = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Tulis laporan mingguan dari berkas ekspor platform.

    Kode keluar: 0 semua terbaca; 1 laporan ditulis, tetapi ada berkas yang tidak terbaca atau
    baris yang dilewati (lihat bagian sumber data); 2 galat masukan/konfigurasi (juga dengan
    --strict bila ada yang dilewati, dan bila tidak ada satu baris pun untuk pekan itu di
    ekspor mana pun).

    Contoh: medsos weekly report ekspor/ --week 2026-W47 --format html
    """
    obj = ctx.obj or {}
    debug = debug or bool(obj.get("debug"))
    low = choice(output_format, NAMES, "--format")
    with user_errors(debug):
        if month or start or end:  # a longer period, from the history (cli/rollup.py)
            from medsos_cli.cli.rollup import weekly_period

            weekly_period(paths or [], week, month, start, end, low, out, force, db, no_history,
                          config or obj.get("config"))
            return
        code = _run(paths or [], week, low, out, force, db, no_history,
                    config or obj.get("config"), strict)
    if code:
        raise typer.Exit(code)


def _run(paths: list[str], week: str | None, output_format: str, out: str | None,
         force: bool, db: Path | None, no_history: bool, config_path: Path | None,
         strict: bool = False) -> int:
    from medsos_cli.cli._progress import weekly_progress
    from medsos_cli.config import load_config
    from medsos_cli.errors import InputError
    from medsos_cli.fileio import atomic_write_bytes, refuse_existing
    from medsos_cli.weekly.week import now_in, parse_week, today_in

    if not paths:
        raise InputError("sebutkan berkas ekspor atau folder yang berisinya, mis. "
                         "medsos weekly report ekspor/ --week 2026-W47")
    config = load_config(config_path)
    target = parse_week(week, today=today_in(config.timezone))  # bad --week fails before reading
    target_path = None
    if out != "-":
        # the week so far gets a name of its own: the complete week's report must not find
        # its file taken (and refused without --force) next week
        stem = f"laporan-{target.label}" + (f"-sampai-{target.end.isoformat()}"
                                            if target.running else "")
        target_path = Path(out) if out else Path(f"{stem}.{BY_NAME[output_format].extension}")
        if target_path.is_dir():
            raise InputError("keluaran adalah folder; sebutkan nama berkas", target_path)
        refuse_existing(target_path, force)
    from medsos_cli.extras import require

    require("medsos weekly report", "holidays", "python_calamine")
    if BY_NAME[output_format].needs:
        require(f"laporan {output_format.upper()} (grafik)", *BY_NAME[output_format].needs)
    from medsos_cli.weekly.run import EXIT_PARTIAL, make_report, partial, summary

    with weekly_progress(out) as progress:  # on stderr, only on a terminal, never with --out -
        report, data = make_report(paths, target, config, output_format=output_format, db=db,
                                   use_history=not no_history, strict=strict,
                                   now=now_in(config.timezone), progress=progress)
    if target_path is None:
        stdout_write(data.decode("utf-8", "surrogateescape"))
    else:
        atomic_write_bytes(target_path, data)
    for line in summary(report, target_path):
        typer.echo(f"medsos: {line}", err=True)
    return EXIT_PARTIAL if partial(report) else 0

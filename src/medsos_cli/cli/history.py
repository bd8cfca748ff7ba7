"""``medsos history export --parquet DIR``: the office's hand-over to the province."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from medsos_cli.cli._errors import user_errors
from medsos_cli.cli._options import ConfigOption, DbOption, DebugOption

history_app = typer.Typer(
    help="Riwayat laporan mingguan: ekspor Parquet untuk rekap provinsi, bangun ulang dari "
    "ekspor.",
    no_args_is_help=True,
    rich_markup_mode=None,
    options_metavar="[OPSI]",
    subcommand_metavar="PERINTAH [ARGUMEN]...",
)

WeekOption = Annotated[str | None, typer.Option(
    "--week", "-w", help="Pekan ISO, mis. 2026-W47; “last” = pekan lengkap terakhir; “this” "
    "= pekan berjalan s.d. hari ini (rekap tanpa periode: pekan lengkap terakhir).",
    metavar="PEKAN")]
MonthOption = Annotated[str | None, typer.Option(
    "--month", help="Bulan, mis. 2026-11.", metavar="BULAN")]
FromOption = Annotated[str | None, typer.Option(
    "--from", help="Awal periode: tanggal 2026-09-01 atau pekan 2026-W36.", metavar="AWAL")]
ToOption = Annotated[str | None, typer.Option(
    "--to", help="Akhir periode: tanggal atau pekan (bawaan: pekan ini).", metavar="AKHIR")]


@history_app.command("export", options_metavar="[OPSI]")
def export_command(
    ctx: typer.Context,
    parquet: Annotated[Path, typer.Option(
        "--parquet", help="Folder tujuan (office=…/week=…/posts.parquet, …).",
        file_okay=False, metavar="FOLDER")],
    office: Annotated[str | None, typer.Option(
        "--office", help="Id kantor untuk data yang tidak dapat ditempatkan lewat daftar akun "
        "(aduan, akun tak terdaftar); bawaan: [accounts] office di konfigurasi.",
        metavar="ID")] = None,
    week: WeekOption = None, month: MonthOption = None, start: FromOption = None,
    end: ToOption = None,
    db: DbOption = None,
    force: Annotated[bool, typer.Option("--force", help="Timpa berkas yang sudah ada.")] = False,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Tulis riwayat sebagai Parquet berpartisi (semua pekan, atau satu periode).

    Contoh: medsos history export --parquet serah/ --month 2026-11
    """
    with user_errors(debug or bool((ctx.obj or {}).get("debug"))):
        from medsos_cli.extras import require

        require("medsos history export (Parquet)", "pyarrow")
        from medsos_cli.config import load_config
        from medsos_cli.errors import ConfigError
        from medsos_cli.province.handover import export_history
        from medsos_cli.registry import OFFICE_ID, load_registry, registry_path
        from medsos_cli.weekly.history import default_db_path
        from medsos_cli.weekly.week import parse_period, today_in

        settings = load_config(config or (ctx.obj or {}).get("config"))
        period = None
        if week or month or start or end:
            period = parse_period(week, month, start, end, today=today_in(settings.timezone))
        path = registry_path(settings)
        registry = load_registry(path) if path is not None else None
        office_id = office or settings.office
        if not office_id and registry is not None and len(registry.offices) == 1:
            office_id = next(iter(registry.offices))
        if not office_id:
            raise ConfigError("sebutkan kantor: --office ID atau [accounts] office di "
                              "medsos.toml (id kantor di accounts.yaml)")
        if not OFFICE_ID.fullmatch(office_id):
            raise ConfigError(f"id kantor “{office_id}” tidak sah: huruf kecil, angka dan tanda "
                              "hubung, mis. kominfo-kota-contoh")
        if registry is not None and office_id not in registry.offices:
            raise ConfigError(f"kantor “{office_id}” tidak ada di daftar akun", registry.path)
        result = export_history(db or settings.db or default_db_path(), parquet,
                                registry=registry, office=office_id,
                                office_name=settings.account_name, tz=settings.timezone,
                                period=period, force=force)
        for line in result.warnings:
            typer.echo(f"peringatan: {line}", err=True)
        rows = ", ".join(f"{table} {count}" for table, count in result.rows.items())
        typer.echo(f"medsos: {len(result.partitions)} partisi kantor/pekan, "
                   f"{len(result.files)} berkas ditulis ke {parquet} ({rows or 'kosong'})",
                   err=True)


SHOWN_NOTES = 20  # warnings printed by rebuild (a year of exports can have many)


@history_app.command("rebuild", options_metavar="[OPSI]")
def rebuild_command(
    ctx: typer.Context,
    exports: Annotated[list[str], typer.Argument(
        help="Berkas atau folder ekspor (CSV, xlsx, zip, log medsos) yang dimuat ulang.",
        metavar="EKSPOR...", show_default=False)],
    db: DbOption = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Bangun ulang juga riwayat yang masih utuh (berkas lama tetap "
        "disimpan sebagai cadangan).")] = False,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Bangun ulang riwayat yang rusak dari berkas ekspor; berkas lama disimpan sebagai
    cadangan, tidak pernah dihapus.

    Contoh: medsos history rebuild ekspor/ --db riwayat.sqlite3
    """
    with user_errors(debug or bool((ctx.obj or {}).get("debug"))):
        from medsos_cli.config import load_config
        from medsos_cli.errors import InputError
        from medsos_cli.exports import read_exports
        from medsos_cli.exports.spill import COMPACT_ALL
        from medsos_cli.weekly.history import REBUILD_HINT, default_db_path
        from medsos_cli.weekly.rebuild import problem, rebuild
        from medsos_cli.weekly.recommend import fmt_int

        settings = load_config(config or (ctx.obj or {}).get("config"))
        path = Path(db or settings.db or default_db_path())
        trouble = problem(path)
        if path.exists() and trouble is None and not force:
            raise InputError("riwayat ini utuh (semua baris terbaca); pakai --force untuk tetap "
                             "membangunnya ulang dari ekspor (berkas lama disimpan sebagai "
                             "cadangan)", path)
        # Every post compact: a year of exports is held as figures, its texts on disk until
        # the history stores them.
        results = read_exports(exports, tz=settings.timezone, aliases=settings.headers,
                               window=COMPACT_ALL)
        done = rebuild(path, results, settings.timezone)
        for failed in done.failed:
            where = f"{failed.path}:{failed.error_line}" if failed.error_line else failed.path
            typer.echo(f"tidak terbaca: {where}: {failed.error}; berkas ini dilewati", err=True)
        notes = [f"{r.path}: {w}" for r in results if r.error is None for w in r.warnings]
        notes += [f"{r.path}:{s.line}: baris dilewati: {s.reason}" for r in results
                  for s in r.skipped]
        for note in notes[:SHOWN_NOTES]:
            typer.echo(f"peringatan: {note}", err=True)
        if len(notes) > SHOWN_NOTES:
            typer.echo(f"peringatan: dan {fmt_int(len(notes) - SHOWN_NOTES)} peringatan lain",
                       err=True)
        skipped = sum(len(r.skipped) for r in results)
        if trouble is not None:  # without the advice to run this very command
            typer.echo(f"riwayat lama rusak: {trouble.replace(f'; {REBUILD_HINT}', '')}",
                       err=True)
        weeks = (f"{len(done.weeks)} pekan ({done.weeks[0]} s.d. {done.weeks[-1]})"
                 if done.weeks else "0 pekan")
        typer.echo(f"medsos: riwayat dibangun ulang di {done.path} dari {fmt_int(done.files)} "
                   f"berkas: {fmt_int(done.posts)} unggahan, {fmt_int(done.daily)} nilai harian, "
                   f"{fmt_int(done.comments)} komentar, {fmt_int(done.complaints)} aduan; "
                   f"{weeks}; {fmt_int(skipped)} baris dilewati. Temuan SOP takarir diisi lagi "
                   "oleh laporan mingguan berikutnya.", err=True)
        if done.backup is not None:
            typer.echo(f"medsos: riwayat lama disimpan sebagai {done.backup}", err=True)
        if done.failed or skipped:  # restored from part of the inputs, as a weekly report
            raise typer.Exit(1)

"""``medsos history export --parquet DIR``: the office's hand-over to the province."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from medsos_cli.cli._errors import user_errors
from medsos_cli.cli._options import ConfigOption, DebugOption

history_app = typer.Typer(
    help="Riwayat laporan mingguan: ekspor Parquet untuk rekap provinsi.",
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
    db: Annotated[Path | None, typer.Option(
        "--db", help="Basis data riwayat (bawaan: report.db di konfigurasi, atau folder data "
        "pengguna).", dir_okay=False, metavar="BERKAS")] = None,
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

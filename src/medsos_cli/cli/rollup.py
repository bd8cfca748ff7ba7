"""``medsos rollup DIR``: the province's scorecard over the offices' Parquet hand-over."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from medsos_cli.cli._errors import stdout_write, user_errors
from medsos_cli.cli._options import ConfigOption, DebugOption, choice
from medsos_cli.cli.history import FromOption, MonthOption, ToOption, WeekOption
from medsos_cli.weekly.formats import BY_NAME, NAMES


def rollup_command(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(
        help="Folder berisi serah-terima kantor (office=…/week=…/*.parquet).",
        file_okay=False, metavar="FOLDER")],
    week: WeekOption = None, month: MonthOption = None, start: FromOption = None,
    end: ToOption = None,
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help="Format laporan: html, md, json.", metavar="FORMAT")] = "html",
    out: Annotated[str | None, typer.Option(
        "--out", "-o", help="Berkas keluaran; “-” = keluaran standar (bawaan: "
        "rekap-<periode>.<format>).", metavar="BERKAS")] = None,
    force: Annotated[bool, typer.Option("--force", help="Timpa berkas keluaran.")] = False,
    registry: Annotated[Path | None, typer.Option(
        "--registry", "-r", help="Daftar akun provinsi: kantor yang seharusnya mengirim data.",
        dir_okay=False, metavar="BERKAS")] = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Rekap provinsi: kartu skor dan peringkat kantor dari berkas Parquet.

    Contoh: medsos rollup serah/ --week 2026-W47 --format html
    """
    low = choice(output_format, NAMES, "--format")
    with user_errors(debug or bool((ctx.obj or {}).get("debug"))):
        from medsos_cli.extras import require

        require("medsos rollup", "duckdb", "pyarrow", *BY_NAME[low].needs)
        from medsos_cli.config import load_config
        from medsos_cli.fileio import atomic_write_text
        from medsos_cli.province.rollup import compute
        from medsos_cli.registry import load_registry, registry_path
        from medsos_cli.weekly.week import parse_period, today_in

        settings = load_config(config or (ctx.obj or {}).get("config"))
        period = parse_period(week, month, start, end, today=today_in(settings.timezone))
        target = _target(out, "rekap", period, low, force)
        path = registry or registry_path(settings)
        expected = None
        if path is not None:
            book = load_registry(Path(path))
            expected = {o.id: o.name for o in book.offices.values()}
        report = compute(folder, period, tz=settings.timezone, sla_hours=settings.sla_hours,
                         min_posts_week=settings.min_posts_week, expected=expected)
        text = BY_NAME[low].renderer("rollup")(report)
        if target is None:
            stdout_write(text)
        else:
            atomic_write_text(target, text)
        for problem in report["problems"]:
            typer.echo(f"peringatan: {problem['path']}: {problem['message']}", err=True)
        names = ", ".join(m["name"] for m in report["missing"])
        typer.echo(f"medsos: {report['province']['offices_with_data']} kantor dengan data"
                   + (f"; tanpa data: {names}" if names else "")
                   + (f"; rekap ditulis ke {target}" if target else ""), err=True)


def weekly_period(paths: list[str], week: str | None, month: str | None, start: str | None,
                  end: str | None, output_format: str, out: str | None, force: bool,
                  db: Path | None, no_history: bool, config_path: Path | None) -> None:
    """``medsos weekly report --month/--from/--to``: the office's report over a longer period,
    computed from the history (province/period.py)."""
    from medsos_cli.config import load_config
    from medsos_cli.fileio import atomic_write_text
    from medsos_cli.province.period import period_report
    from medsos_cli.weekly.week import parse_period, today_in

    settings = load_config(config_path)
    period = parse_period(week, month, start, end, today=today_in(settings.timezone))
    target = _target(out, "laporan", period, output_format, force)
    report = period_report(paths, period, settings, db=db, use_history=not no_history)
    text = BY_NAME[output_format].renderer("rollup")(report)
    if target is None:
        stdout_write(text)
    else:
        atomic_write_text(target, text)
    typer.echo(f"medsos: laporan {period.title} dari riwayat"
               + (f" ditulis ke {target}" if target else ""), err=True)


def _target(out: str | None, prefix: str, period, output_format: str, force: bool) -> Path | None:
    """Where to write: ``--out``, else ``PREFIX-PERIOD.EXT`` here; ``None`` for stdout. An
    existing file is refused without ``--force``."""
    from medsos_cli.fileio import refuse_existing

    if out == "-":
        return None
    target = Path(out) if out else Path(
        f"{prefix}-{period.label.replace('..', '_')}.{BY_NAME[output_format].extension}")
    refuse_existing(target, force)
    return target

"""Options shared by several commands, declared once so their help reads the same everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ConfigOption = Annotated[Path | None, typer.Option(
    "--config", "-c", help="Berkas konfigurasi medsos.toml.", dir_okay=False, metavar="BERKAS")]
ColorOption = Annotated[bool | None, typer.Option(
    "--color/--no-color", help="Paksa warna menyala/mati (bawaan: otomatis; NO_COLOR "
                               "dihormati).")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Tampilkan jejak lengkap saat galat.")]
DbOption = Annotated[Path | None, typer.Option(
    "--db", help="Basis data riwayat SQLite (bawaan: report.db di konfigurasi, atau folder "
                 "data pengguna).", dir_okay=False, metavar="BERKAS")]
FormatOption = Annotated[str, typer.Option(
    "--format", "-f", help="Format keluaran: text atau json.", metavar="FORMAT")]


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    """``value`` in lower case when it is one of ``allowed``; otherwise the one usage error
    every option with choices gives (exit 2): “x” tidak dikenal; pilih a, b, atau c."""
    low = value.lower()
    if low not in allowed:
        from medsos_cli.forms import joined

        raise typer.BadParameter(f"“{value}” tidak dikenal; pilih {joined(allowed, 'atau')}",
                                 param_hint=option)
    return low

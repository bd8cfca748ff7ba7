"""The root ``medsos`` command: global options and the command groups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from medsos_cli import __version__
from medsos_cli.cli import _i18n
from medsos_cli.cli._errors import utf8_streams
from medsos_cli.cli.draft import draft_command
from medsos_cli.cli.lint import lint_command
from medsos_cli.cli.rules import rules_app
from medsos_cli.cli.templates import templates_app
from medsos_cli.cli.weekly import weekly_app

_i18n.install()

app = typer.Typer(
    name="medsos",
    help="Perkakas admin media sosial instansi pemerintah: periksa takarir dan balasan terhadap "
         "SOP, siapkan draf dari templat, dan tulis laporan mingguan.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    options_metavar="[OPSI]",
    subcommand_metavar="PERINTAH [ARGUMEN]...",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"medsos {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[bool | None, typer.Option(
        "--version", callback=_version, is_eager=True,
        help="Tampilkan versi medsos lalu keluar.")] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", "-c", help="Berkas konfigurasi (bawaan: medsos.toml dicari dari folder ini "
        "ke atas, atau [tool.medsos] di pyproject.toml).", dir_okay=False,
        metavar="BERKAS")] = None,
    debug: Annotated[bool, typer.Option(
        "--debug", help="Tampilkan jejak lengkap (traceback) saat terjadi galat.")] = False,
) -> None:
    """Perkakas admin media sosial instansi pemerintah."""
    from medsos_cli import config as config_module

    config_module.on_found_above = _name_config_above
    ctx.obj = {"config": config, "debug": debug}


def _name_config_above(path: Path) -> None:
    typer.echo(f"medsos: memakai konfigurasi {path} dari folder di atas proyek ini; pastikan "
               "isinya memang untuk proyek ini (atau pakai --config)", err=True)


app.command("lint", options_metavar="[OPSI]")(lint_command)
app.add_typer(rules_app, name="rules")
app.command("draft", options_metavar="[OPSI]")(draft_command)
app.add_typer(templates_app, name="templates")
app.add_typer(weekly_app, name="weekly")
# Province view (accounts, history, rollup): pyarrow/DuckDB are imported inside the commands.
from medsos_cli.cli.accounts import accounts_app  # noqa: E402
from medsos_cli.cli.history import history_app  # noqa: E402
from medsos_cli.cli.rollup import rollup_command  # noqa: E402

app.add_typer(accounts_app, name="accounts")
app.add_typer(history_app, name="history")
app.command("rollup", options_metavar="[OPSI]")(rollup_command)


def main() -> None:
    """Entry point of the Typer application alone (``medsos_cli.cli.main`` is the console
    script: it tries the fast path first)."""
    utf8_streams()
    app(prog_name="medsos")

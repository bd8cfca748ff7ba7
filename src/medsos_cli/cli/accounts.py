"""``medsos accounts list|check``: the account registry (accounts.yaml) by office."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from medsos_cli.cli._errors import stdout_write, user_errors
from medsos_cli.cli._options import ConfigOption, DebugOption, FormatOption

accounts_app = typer.Typer(
    help="Daftar akun per kantor (accounts.yaml) untuk rekap provinsi.",
    no_args_is_help=True,
    rich_markup_mode=None,
    options_metavar="[OPSI]",
    subcommand_metavar="PERINTAH [ARGUMEN]...",
)

RegistryOption = Annotated[Path | None, typer.Option(
    "--registry", "-r", help="Berkas daftar akun (bawaan: [accounts] registry di konfigurasi, "
    "atau accounts.yaml di samping medsos.toml).", dir_okay=False, metavar="BERKAS")]


def _load(ctx: typer.Context, registry: Path | None, config: Path | None):
    from medsos_cli.config import load_config
    from medsos_cli.errors import ConfigError
    from medsos_cli.registry import load_registry, registry_path

    settings = load_config(config or (ctx.obj or {}).get("config"))
    path = registry or registry_path(settings)
    if path is None:
        raise ConfigError("daftar akun tidak ditemukan: buat accounts.yaml di samping "
                          "medsos.toml, isi [accounts] registry, atau pakai --registry")
    if not Path(path).is_file():
        raise ConfigError("daftar akun tidak ditemukan", path)
    return settings, load_registry(Path(path))


@accounts_app.command("list", options_metavar="[OPSI]")
def list_command(ctx: typer.Context, registry: RegistryOption = None,
                 output_format: FormatOption = "text", config: ConfigOption = None,
                 debug: DebugOption = False) -> None:
    """Tampilkan kantor dan akunnya.

    Contoh: medsos accounts list --format json
    """
    with user_errors(debug or bool((ctx.obj or {}).get("debug"))):
        _, book = _load(ctx, registry, config)
        if output_format.lower() == "json":
            data = {"offices": [
                {"id": o.id, "name": o.name, "kind": o.kind,
                 "accounts": [{"platform": a.platform, "handle": a.handle, "id": a.id,
                               "name": a.name, "tags": list(a.tags)}
                              for a in book.accounts_of(o.id)]}
                for o in book.offices.values()]}
            stdout_write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return
        lines = []
        for office in book.offices.values():
            accounts = book.accounts_of(office.id)
            lines.append(f"{office.name} [{office.id}, {office.kind}]: {len(accounts)} akun")
            for a in accounts:
                tags = f" (tag: {', '.join(a.tags)})" if a.tags else ""
                lines.append(f"  {a.platform:<9} {a.label}{tags}")
        lines.append(f"{len(book.offices)} kantor, {len(book.accounts)} akun")
        stdout_write("\n".join(lines) + "\n")


@accounts_app.command("check", options_metavar="[OPSI]")
def check_command(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(
        help="Berkas ekspor atau folder: akun di ekspor yang tidak terdaftar dilaporkan.",
        show_default=False, metavar="[BERKAS/FOLDER]...")] = None,
    registry: RegistryOption = None, config: ConfigOption = None, debug: DebugOption = False,
) -> None:
    """Periksa daftar akun; dengan berkas ekspor, cocokkan akunnya dengan daftar.

    Kode keluar 1 bila ada akun di ekspor yang tidak terdaftar.

    Contoh: medsos accounts check ekspor/
    """
    with user_errors(debug or bool((ctx.obj or {}).get("debug"))):
        settings, book = _load(ctx, registry, config)
        typer.echo(f"medsos: {book.path}: sah ({len(book.offices)} kantor, "
                   f"{len(book.accounts)} akun)", err=True)
        if not paths:
            return
        from medsos_cli.exports import read_exports
        from medsos_cli.registry import export_accounts, unknown_accounts

        results = read_exports(paths, tz=settings.timezone)
        found = export_accounts(results)
        unknown = unknown_accounts(book, found)
        seen = {book.match(p, a) for p, a in found}
        for platform, account, rows in unknown:
            typer.echo(f"peringatan: akun {platform} “{account}” ({rows} unggahan) ada di ekspor "
                       f"tetapi tidak di {Path(str(book.path)).name}", err=True)
        # An export without account column (TikTok overview, YouTube table) cannot be
        # matched: its platform's accounts are not called missing.
        blind = sorted({p for p, a in found if not a})
        quiet = [a for a in book.accounts if a not in seen and a.platform not in blind]
        if blind:
            typer.echo(f"info: ekspor tanpa kolom akun (tidak dapat dicocokkan): "
                       f"{', '.join(blind)}", err=True)
        for a in quiet:
            typer.echo(f"info: akun {a.platform} {a.label} ({a.office}) tidak ada di ekspor ini",
                       err=True)
        typer.echo(f"medsos: {len(found)} akun di ekspor, {len(unknown)} tidak terdaftar, "
                   f"{len(quiet)} terdaftar tanpa data", err=True)
        if unknown:
            raise typer.Exit(1)

"""``medsos rules``: list the rules in force and check a rulebook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from medsos_cli.cli._errors import stdout_write, user_errors
from medsos_cli.cli._options import ConfigOption, FormatOption, choice

rules_app = typer.Typer(
    help="Lihat dan periksa buku aturan SOP.",
    no_args_is_help=True,
    rich_markup_mode=None,
    options_metavar="[OPSI]",
    subcommand_metavar="PERINTAH [ARGUMEN]...",
)


@rules_app.command("list", options_metavar="[OPSI]")
def list_rules(
    ctx: typer.Context,
    rulebook: Annotated[list[str] | None, typer.Option(
        "--rulebook", "-r", help="Folder buku aturan (boleh diulang).", metavar="FOLDER")] = None,
    config: ConfigOption = None,
    output_format: FormatOption = "text",
) -> None:
    """Tampilkan tabel aturan yang berlaku: id, jenis, tingkat, platform, sumber.

    Contoh: medsos rules list
    """
    obj = ctx.obj or {}
    output_format = choice(output_format, ("text", "json"), "--format")
    with user_errors(bool(obj.get("debug"))):
        from medsos_cli.config import load_config
        from medsos_cli.lint.run import build_rulebook

        book = build_rulebook(load_config(config or obj.get("config")), rulebook)
        if output_format == "json":
            import json

            data = [{"id": r.id, "kind": r.kind, "level": r.level.label,
                     "platforms": list(r.platforms), "kinds": list(r.kinds),
                     "source": r.source, "summary": r.summary, "message": r.message,
                     "description": r.description} for r in book]
            stdout_write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return
        from rich.console import Console
        from rich.table import Table

        from medsos_cli.formats.text_format import LABELS

        table = Table(title=f"Buku aturan: {book.name} ({len(book)} aturan)", show_lines=False)
        for header in ("id", "jenis", "tingkat", "platform", "sumber"):
            table.add_column(header, overflow="fold")
        for r in book:
            # The level in the words lint prints (peringatan), not the YAML id (warning).
            table.add_row(r.id, r.kind, LABELS[r.level.label], ", ".join(r.platforms) or "semua",
                          r.source)
        Console(highlight=False).print(table)


@rules_app.command("check", options_metavar="[OPSI]")
def check_rules(
    ctx: typer.Context,
    path: Annotated[Path | None, typer.Argument(
        help="Folder buku aturan yang diperiksa (bawaan: yang dikonfigurasi).",
        show_default=False, metavar="FOLDER")] = None,
) -> None:
    """Periksa buku aturan: YAML, kunci, ekspresi reguler, dan semua contoh.

    Contoh: medsos rules check sop/
    """
    obj = ctx.obj or {}
    with user_errors(bool(obj.get("debug"))):
        from medsos_cli.config import load_config
        from medsos_cli.lint.run import build_rulebook

        books = [str(path)] if path is not None else None
        book = build_rulebook(load_config(obj.get("config")), books, use_cache=False)
        examples = sum(len(r.examples.bad) + len(r.examples.good) for r in book)
        typer.echo(f"Buku aturan {book.name}: {len(book)} aturan sah, {examples} contoh sesuai.")

"""``medsos templates``: list, show, verify and approve (lock) the draft templates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from medsos_cli.cli._complete import complete_template
from medsos_cli.cli._errors import stdout_write, user_errors
from medsos_cli.cli._options import ConfigOption, FormatOption, choice
from medsos_cli.errors import ExitCode, InputError

templates_app = typer.Typer(
    help="Lihat, periksa, dan setujui templat draf.",
    no_args_is_help=True,
    rich_markup_mode=None,
    options_metavar="[OPSI]",
    subcommand_metavar="PERINTAH [ARGUMEN]...",
)

BUNDLED_REASON = "folder templat bawaan medsos"
STATUS_LABELS = {"changed": "berubah", "missing": "hilang", "new": "baru"}
# The field types of schema.yaml as ``templates show`` names them (JSON keeps the ids).
FIELD_TYPE_LABELS = {
    "text": "teks satu baris",
    "multiline": "teks beberapa baris",
    "alt_text": "teks alternatif gambar",
    "date": "tanggal",
    "time": "waktu",
    "datetime": "tanggal dan waktu",
    "url": "tautan",
    "list": "daftar",
    "choice": "pilihan",
    "official": "pejabat (roster.yaml)",
    "number": "bilangan",
}


def _format(value: str) -> str:
    return choice(value, ("text", "json"), "--format")


def _root(ctx: typer.Context, config: Path | None):
    from medsos_cli.config import load_config
    from medsos_cli.drafting.catalog import templates_root

    loaded = load_config(config or (ctx.obj or {}).get("config"))
    return loaded, templates_root(loaded)


def _debug(ctx: typer.Context) -> bool:
    return bool((ctx.obj or {}).get("debug"))


def _console():
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


@templates_app.command("list", options_metavar="[OPSI]")
def list_templates(ctx: typer.Context, config: ConfigOption = None,
                   output_format: FormatOption = "text") -> None:
    """Tampilkan jenis konten, platformnya, dan keterangan singkat.

    Contoh: medsos templates list
    """
    output_format = _format(output_format)
    code = ExitCode.OK
    with user_errors(_debug(ctx)):
        from medsos_cli.drafting.catalog import Catalog

        _, root = _root(ctx, config)
        catalog = Catalog(root)
        rows: list[dict[str, Any]] = []
        for name in catalog.names():
            try:
                content = catalog.get(name)
            except InputError as exc:
                typer.echo(f"medsos: {exc}", err=True)
                code = ExitCode.USAGE
                continue
            s = content.schema
            rows.append({"name": s.name, "title": s.title, "description": s.description,
                         "version": s.version, "kind": s.kind, "platforms": list(s.platforms)})
        if output_format == "json":
            stdout_write(json.dumps({"folder": str(root), "templates": rows},
                                    ensure_ascii=False, indent=2) + "\n")
        else:
            from rich.table import Table

            table = Table(title=f"Templat draf ({len(rows)}) di {root}")
            for header in ("nama", "platform", "keterangan"):
                table.add_column(header, overflow="fold")
            for row in rows:
                text = row["title"] + (f": {row['description']}" if row["description"] else "")
                table.add_row(row["name"], ", ".join(row["platforms"]), text)
            _console().print(table)
    raise typer.Exit(code)


@templates_app.command("show", options_metavar="[OPSI]")
def show_template(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Nama jenis konten, mis. kegiatan-pimpinan.",
                                        show_default=False, metavar="NAMA",
                                        autocompletion=complete_template)],
    config: ConfigOption = None,
    output_format: FormatOption = "text",
) -> None:
    """Tampilkan kolom isian sebuah templat: wajib atau tidak, jenis, keterangan, contoh.

    Contoh: medsos templates show kegiatan-pimpinan
    """
    output_format = _format(output_format)
    with user_errors(_debug(ctx)):
        from medsos_cli.drafting.catalog import Catalog

        _, root = _root(ctx, config)
        s = Catalog(root).get(name).schema
        fields = [{"name": f.name, "required": f.required, "type": f.type,
                   "description": f.description, "example": f.example, "default": f.default,
                   "choices": list(f.choices) or None, "max_length": f.max_length,
                   "domains": list(f.domains) or None, "min_items": f.min_items,
                   "max_items": f.max_items} for f in s.fields]
        if output_format == "json":
            data = {"name": s.name, "title": s.title, "description": s.description,
                    "version": s.version, "kind": s.kind, "platforms": list(s.platforms),
                    "fields": fields}
            stdout_write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return
        from rich.table import Table

        console = _console()
        console.print(f"{s.name} (versi {s.version}): {s.title}")
        if s.description:
            console.print(s.description)
        console.print(f"Platform: {', '.join(s.platforms)}")
        table = Table(show_lines=True)
        for header in ("kolom", "wajib", "jenis", "keterangan", "contoh"):
            table.add_column(header, overflow="fold")
        for f in s.fields:
            kind = FIELD_TYPE_LABELS.get(f.type, f.type) + (
                f": {', '.join(f.choices)}" if f.choices else "")
            example = f.example if f.example is not None else f.default
            if isinstance(example, list):
                example = "; ".join(map(str, example))
            table.add_row(f.name, "ya" if f.required else "tidak", kind, f.description,
                          "" if example is None else str(example))
        console.print(table)
        console.print(f"Contoh: medsos draft {s.name} --platform {s.platforms[0]} --data "
                      f"{s.name}.yaml")


@templates_app.command("verify", options_metavar="[OPSI]")
def verify_templates(ctx: typer.Context, config: ConfigOption = None,
                     output_format: FormatOption = "text") -> None:
    """Bandingkan folder templat dengan templates.lock (kode 1 bila ada yang berbeda).

    Contoh: medsos templates verify
    """
    output_format = _format(output_format)
    with user_errors(_debug(ctx)):
        from medsos_cli.drafting.catalog import Catalog
        from medsos_cli.drafting.lock import LOCK_FILE, read_lock, verify

        _, root = _root(ctx, config)
        Catalog(root).all()  # schema and template files must agree before digests matter
        has_lock = read_lock(root) is not None
        problems = verify(root)
        if output_format == "json":
            data = {"folder": str(root), "lock": has_lock, "ok": not problems,
                    "problems": [{"template": p.template, "file": p.file, "status": p.status}
                                 for p in problems]}
            stdout_write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            lines = []
            if not has_lock:
                lines.append(f"{root / LOCK_FILE}: belum ada; semua templat belum disetujui")
            for p in problems:
                lines.append(f"{STATUS_LABELS[p.status]:8} {p.template}/{p.file}")
            if problems:
                lines.append(f"{len(problems)} berkas berbeda dari kunci. Setelah ditinjau, "
                             "setujui dengan: medsos templates lock --approved-by NAMA [TEMPLAT]")
            else:
                lines.append(f"Semua templat di {root} cocok dengan {LOCK_FILE}.")
            stdout_write("\n".join(lines) + "\n")
    raise typer.Exit(ExitCode.FINDINGS if problems else ExitCode.OK)


@templates_app.command("lock", options_metavar="[OPSI]")
def lock_templates(
    ctx: typer.Context,
    names: Annotated[list[str] | None, typer.Argument(
        help="Templat yang disetujui (bawaan: semua templat di folder).",
        show_default=False, metavar="[TEMPLAT]...")] = None,
    approved_by: Annotated[str, typer.Option(
        "--approved-by", help="Nama atau jabatan yang menyetujui isi templat setelah "
        "meninjaunya (dicatat di templates.lock).", metavar="NAMA", show_default=False)] = "",
    config: ConfigOption = None,
    bundled: Annotated[bool, typer.Option("--bundled", hidden=True)] = False,
) -> None:
    """Setujui templat: catat SHA-256 setiap berkas, penyetuju, dan waktunya di templates.lock.

    Contoh: medsos templates lock --approved-by "Kepala Bidang IKP" kegiatan-pimpinan
    """
    with user_errors(_debug(ctx)):
        from medsos_cli.drafting.lock import LOCK_FILE, lock, package_folder_reason

        if not approved_by.strip():
            raise InputError("--approved-by wajib diisi: siapa yang meninjau dan menyetujui "
                             "templat ini")
        loaded, root = _root(ctx, config)
        reason = package_folder_reason(root)
        # --bundled: for medsos's own maintainers, in a source checkout only.
        if reason is not None and not (bundled and reason == BUNDLED_REASON):
            raise InputError(
                f"{LOCK_FILE} tidak ditulis: {root} adalah {reason}, yang diganti setiap kali "
                "medsos dipasang ulang atau diperbarui. Salin templat ke folder instansi "
                "dengan: medsos templates init FOLDER --approved-by NAMA, lalu isi [draft] "
                "templates = \"FOLDER\" di medsos.toml")
        entries = lock(root, approved_by, names or None, timezone=loaded.timezone)
        done = names or sorted(entries)
        stdout_write(f"{root / LOCK_FILE}: {len(done)} templat disetujui oleh "
                     f"{' '.join(approved_by.split())} ({', '.join(done)})\n")


@templates_app.command("init", options_metavar="[OPSI]")
def init_templates(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(
        help="Folder templat milik instansi (baru atau kosong).", show_default=False,
        metavar="FOLDER")],
    approved_by: Annotated[str, typer.Option(
        "--approved-by", help="Nama atau jabatan yang menyetujui salinan templat ini (dicatat "
        "di templates.lock folder baru).", metavar="NAMA", show_default=False)] = "",
    force: Annotated[bool, typer.Option(
        "--force", help="Timpa jenis konten dan templates.lock yang sudah ada di folder.")]
        = False,
    config: ConfigOption = None,
) -> None:
    """Salin templat bawaan ke folder instansi sendiri, lengkap dengan templates.lock-nya.

    Sesudahnya templat disunting dan disetujui di folder itu, bukan di paket medsos.

    Contoh: medsos templates init templat-instansi --approved-by "Kabid IKP"
    """
    with user_errors(_debug(ctx)):
        from medsos_cli.config import load_config
        from medsos_cli.drafting.catalog import bundled_templates_path, copy_templates
        from medsos_cli.drafting.lock import LOCK_FILE, lock, package_folder_reason

        if not approved_by.strip():
            raise InputError("--approved-by wajib diisi: siapa yang menyetujui salinan templat "
                             "ini untuk instansi")
        reason = package_folder_reason(folder)
        if reason is not None:
            raise InputError(f"folder instansi tidak boleh berada di {reason}; pilih folder "
                             "di luar paket, mis. di samping medsos.toml", folder)
        loaded = load_config(config or (ctx.obj or {}).get("config"))
        names = copy_templates(bundled_templates_path(), folder, force=force)
        lock(folder, approved_by, names, timezone=loaded.timezone)  # not what else is there
        stdout_write(f"{len(names)} jenis konten disalin ke {folder} dan disetujui oleh "
                     f"{' '.join(approved_by.split())} di {folder / LOCK_FILE}.\n"
                     f"Pakai folder ini untuk medsos draft dengan menambahkan ke "
                     f"{_config_hint(loaded, folder)}:\n\n"
                     f"[draft]\ntemplates = \"{_relative_to_config(loaded, folder)}\"\n\n"
                     "Setelah menyunting templat, setujui lagi dengan: medsos templates lock "
                     "--approved-by NAMA\n")


def _config_dir(loaded) -> Path:
    return loaded.path.parent if loaded.path is not None else Path.cwd()


def _config_hint(loaded, folder: Path) -> str:
    if loaded.path is not None:
        return str(loaded.path)
    return "medsos.toml (buat di folder ini)"


def _relative_to_config(loaded, folder: Path) -> str:
    """The folder as ``[draft] templates`` should name it: relative to the configuration's
    folder when it lies below it, absolute otherwise; always with ``/`` (valid TOML on Windows
    too, where a backslash would be an escape)."""
    target = folder.resolve()
    base = _config_dir(loaded).resolve()
    try:
        return target.relative_to(base).as_posix()
    except ValueError:
        return target.as_posix()

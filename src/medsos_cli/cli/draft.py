"""``medsos draft``: render a post from an approved template, checked before anyone posts."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from medsos_cli.cli._complete import complete_draft_platform, complete_template
from medsos_cli.cli._errors import stdout_write, use_color, user_errors
from medsos_cli.cli._options import ColorOption, ConfigOption, DebugOption, choice
from medsos_cli.errors import ExitCode, InputError
from medsos_cli.findings import INDONESIAN_LEVELS
from medsos_cli.forms import number

if TYPE_CHECKING:
    from medsos_cli.drafting.draft import Draft, DraftResult
    from medsos_cli.drafting.schema import Field

TYPE_HINTS = {
    "text": "satu baris teks",
    "multiline": "teks; di sini satu baris, teks beberapa baris lewat --data",
    "alt_text": "teks alternatif gambar, satu baris",
    "date": "tanggal, mis. 17/11/2026",
    "time": "waktu, mis. 09.00 atau 09.00 WITA",
    "datetime": "tanggal dan waktu, mis. 17/11/2026 09.00",
    "url": "alamat lengkap https://...",
    "list": "beberapa butir, pisahkan dengan ;",
    "choice": "salah satu pilihan",
    "official": "kunci pejabat di roster.yaml",
    "number": "bilangan bulat, mis. 2500000",
}
LEVEL_LABELS = INDONESIAN_LEVELS
LEVEL_STYLES = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}


def draft_command(
    ctx: typer.Context,
    template: Annotated[str, typer.Argument(
        help="Jenis konten (lihat medsos templates list), mis. kegiatan-pimpinan.",
        show_default=False, metavar="TEMPLAT", autocompletion=complete_template)],
    platform: Annotated[str | None, typer.Option(
        "--platform", "-p", help="Platform tujuan (wajib): instagram, x, facebook, threads, "
        "tiktok, youtube, web, atau all untuk semua varian templat.", metavar="PLATFORM",
        show_default=False, autocompletion=complete_draft_platform)] = None,
    data: Annotated[Path | None, typer.Option(
        "--data", "-d", help="Berkas nilai kolom (YAML atau JSON), mis. "
        "examples/drafts/kegiatan-pimpinan.yaml.", dir_okay=False, metavar="BERKAS")] = None,
    sets: Annotated[list[str] | None, typer.Option(
        "--set", "-s", help="Isi satu kolom: kolom=nilai (boleh diulang; daftar ditulis "
        "a;b;c). Menimpa nilai dari --data.", metavar="KOLOM=NILAI")] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Jangan pernah bertanya; kolom wajib yang kosong disebut semua "
        "sekaligus (kode keluar 2).")] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Keluar dengan kode 1 bila ada batas platform yang terlampaui atau "
        "temuan lint tingkat galat.")] = False,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Simpan teks siap tempel ke BERKAS; untuk --platform all atau "
        "youtube, ke FOLDER (satu berkas per teks, mis. NAMA.x.txt).",
        metavar="PATH")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Timpa berkas --out yang sudah ada.")] = False,
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help="Format keluaran: text (pratinjau) atau json.",
        metavar="FORMAT")] = "text",
    config: ConfigOption = None,
    color: ColorOption = None,
    debug: DebugOption = False,
) -> None:
    """Siapkan draf unggahan dari templat yang sudah disetujui, lalu periksa batas platform dan
    SOP.

    Contoh: medsos draft kegiatan-pimpinan --platform all --data kegiatan.yaml --out draf/
    """
    obj = ctx.obj or {}
    debug = debug or bool(obj.get("debug"))
    output_format = choice(output_format, ("text", "json"), "--format")
    with user_errors(debug):
        code = _run(template, platform, data, sets or [], no_input, strict, out, force,
                    output_format, config or obj.get("config"), color)
    raise typer.Exit(code)


def _interactive() -> bool:
    """Prompts only when a person is at the keyboard."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _run(template, platform, data, sets, no_input, strict, out, force, output_format,
         config_path, color) -> int:
    from medsos_cli.config import load_config
    from medsos_cli.drafting.draft import draft, draft_json, load_content
    from medsos_cli.drafting.values import load_data_file, parse_set

    config = load_config(config_path)
    if platform is None:
        content, _ = load_content(template, config)
        raise InputError(f"pilih platform dengan --platform: "
                         f"{', '.join(content.schema.platforms)}, atau all")
    raw = load_data_file(data) if data is not None else {}
    raw.update(parse_set(sets))
    run = draft(template, platform, raw, config,
                ask=_prompt if not no_input and _interactive() else None)
    for warning in run.values.warnings:
        typer.echo(f"medsos: peringatan: {warning}", err=True)
    if out is not None:
        for path in _write(run, out, force):
            typer.echo(f"medsos: disimpan: {path}", err=True)
    if output_format == "json":
        stdout_write(json.dumps(draft_json(run), ensure_ascii=False, indent=2) + "\n")
    else:
        stdout_write(preview(run, color=use_color(color)))
    return ExitCode.FINDINGS if strict and not run.ok else ExitCode.OK


def _prompt(fields: list[Field], vctx) -> dict[str, Any]:
    from medsos_cli.drafting.values import RawValue, coerce

    answers: dict[str, Any] = {}
    typer.echo("Isi kolom yang belum ada (Ctrl+C untuk batal):", err=True)
    for f in fields:
        hint = TYPE_HINTS.get(f.type, f.type)
        if f.type == "choice":
            hint += ": " + ", ".join(f.choices)
        elif f.type == "official" and vctx.roster is not None:
            hint += ": " + ", ".join(vctx.roster.officials)
        typer.echo(f"\n{f.name} ({hint})", err=True)
        if f.description:
            typer.echo(f"  {f.description}", err=True)
        if f.example is not None and f.default is None:
            example = "; ".join(map(str, f.example)) if isinstance(f.example, list) else f.example
            typer.echo(f"  contoh: {example}", err=True)
        default = f.default
        if isinstance(default, list):
            default = ";".join(map(str, default))
        while True:
            answer = typer.prompt(f"  {f.name}", default=default, err=True,
                                  show_default=default is not None)
            try:
                coerce(f, answer, vctx)
            except InputError as exc:
                typer.echo(f"  tidak sah: {exc.message.rstrip('.')}; coba lagi", err=True)
                continue
            answers[f.name] = RawValue(answer, "(isian)")
            break
    typer.echo("", err=True)
    return answers


def _targets(run: Draft, out: Path) -> list[tuple[Path, str]]:
    from medsos_cli.drafting.catalog import Variant
    from medsos_cli.drafting.draft import output_name

    results = run.results
    if len(results) == 1 and not out.is_dir():
        return [(out, results[0].text + "\n")]
    if out.exists() and not out.is_dir():
        raise InputError("--out harus berupa folder bila ada lebih dari satu teks (--platform "
                         "all, atau youtube: judul dan deskripsi)", out)
    if not out.exists() and out.suffix.lower() in (".txt", ".md"):
        raise InputError("--out harus berupa folder bila ada lebih dari satu teks (--platform "
                         "all, atau youtube: judul dan deskripsi); tulis nama folder tanpa "
                         ".txt", out)
    return [(out / output_name(run.content.name, Variant(r.platform, r.kind, r.label + ".j2")),
             r.text + "\n") for r in results]


def _write(run: Draft, out: Path, force: bool) -> list[Path]:
    from medsos_cli.fileio import atomic_write_text, write_target

    targets = _targets(run, out)
    for path, _ in targets:  # a device, FIFO or folder in the way: refuse before any write
        write_target(path)
    existing = [str(p) for p, _ in targets if p.exists()]
    if existing and not force:
        raise InputError(f"berkas sudah ada: {', '.join(existing)}; pakai --force untuk "
                         "menimpa")
    for path, _ in targets:
        if path.parent != Path("") and not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(f"folder tidak dapat dibuat: {exc.strerror or exc}",
                                 path.parent) from None
    for path, text in targets:
        atomic_write_text(path, text)
    return [p for p, _ in targets]


def preview(run: Draft, *, color: bool = False, width: int | None = None) -> str:
    """Rich preview: one panel per part with its length, counts, then lint findings."""
    import shutil

    from rich.console import Console

    if width is None:
        width = max(40, min(shutil.get_terminal_size((88, 24)).columns, 100))
    console = Console(file=io.StringIO(), force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, width=width,
                      highlight=False, emoji=False, markup=False)
    schema = run.content.schema
    console.print(f"Templat {schema.name} (versi {schema.version}): {schema.title}",
                  style="bold")
    for result in run.results:
        _preview_result(console, run.content.name, result)
    ok = run.ok
    console.print("Semua draf dalam batas platform dan tanpa temuan galat." if ok else
                  "Ada draf yang melewati batas atau masih berisi temuan galat.",
                  style="green" if ok else "bold red")
    return console.file.getvalue()  # type: ignore[attr-defined]


def _preview_result(console, name: str, result: DraftResult) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from medsos_cli.drafting.draft import describe_mode

    n = len(result.parts)
    for k, part in enumerate(result.parts, 1):
        title = f"{result.label}" + (f" · bagian {k}/{n}" if n > 1 else "")
        limit = "tanpa batas" if part.limit is None else number(part.limit)
        length = number(part.length)
        subtitle = f"panjang {length}/{limit} ({describe_mode(part.mode)})"
        style = "red" if part.over else "green"
        console.print(Panel(Text(part.text), title=title, subtitle=subtitle,
                            title_align="left", subtitle_align="right", border_style=style))
    counts = []
    for label, count in (("tagar", result.hashtags), ("sebutan @", result.mentions)):
        shown = f"{label} {count.count}" + (f"/{count.limit}" if count.limit is not None else "")
        counts.append(Text(shown, style="red" if count.over else ""))
    console.print(Text("  ").join(counts) if counts else "")
    for f, part_no in zip(result.findings, result.finding_parts, strict=True):
        level = f.level.label
        where = f"bagian {part_no} " if n > 1 else ""
        line = Text(f"  {where}{f.line}:{f.column} ")
        line.append(LEVEL_LABELS[level], style=LEVEL_STYLES[level])
        line.append(f" {f.rule} ", style="dim")
        line.append(f.message)
        if f.suggestions:
            line.append(f" → {', '.join(f.suggestions)}")
        console.print(line)
    if not result.findings:
        console.print("  tanpa temuan lint", style="dim")
    console.print()

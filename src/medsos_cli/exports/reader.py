"""Public entry: read one export file or many (files and folders) into ``ImportResult``."""

from __future__ import annotations

import gc
import glob as globmod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from medsos_cli.errors import ConfigError, InputError
from medsos_cli.exports import comments, convention, numbers, spreadsheet
from medsos_cli.exports.model import ImportResult
from medsos_cli.exports.sniff import MAX_BYTES, Table, open_sheet, open_table
from medsos_cli.fileio import open_limited, read_limited

# Files a folder gives: exports as platforms download them (CSV, Studio's xlsx and zip).
EXTENSIONS = (".csv", ".xlsx", ".xlsm", ".xls", ".ods", ".zip", ".json")
# Families written by people (logs, comments, LAPOR!): no per-file number/date decision.
_TEXT_FAMILIES = frozenset({"medsos", "comments", "lapor"})


def read_export(path: str | Path, *, tz: str = "Asia/Jakarta", year: int | None = None,
                near: date | None = None, aliases: str | None = None) -> ImportResult:
    """Read one export; its format is recognised from the header, never from the name.

    ``tz`` is the zone for times written without one (Meta, own logs) and for dates.
    ``year`` (the requested ISO week's year) and/or ``near`` (a day of the requested week,
    e.g. its Monday; more precise across New Year) place TikTok's year-less dates.
    ``aliases``: the user's header-alias YAML file. A workbook or zip gives its first export;
    ``read_path`` gives all. Raises ``InputError`` (Indonesian, with path and line) for a file
    that is not a supported export; rows with broken values come back in ``skipped``.
    """
    results = read_path(path, tz=tz, year=year, near=near, aliases=aliases)
    for result in results:
        if result.error is None:
            return result
    first = results[0]
    raise InputError(first.error or "", first.path, first.error_line)


def read_path(path: str | Path, *, tz: str = "Asia/Jakarta", year: int | None = None,
              near: date | None = None, aliases: str | None = None,
              strict: bool = False, window: tuple[date, date] | None = None,
              ) -> list[ImportResult]:
    """Every export in ``path``: a CSV file, each export sheet of a workbook, or each export
    file inside a zip (read in place). ``InputError`` when it holds none; a zip member that
    cannot be read comes back as a result with ``error`` set (raised with ``strict``).

    ``window`` (first, last local day in ``tz``): posts published outside it are kept compact,
    their texts on disk until ``Post.texts()`` (a weekly report's two weeks; exports.spill)."""
    try:
        numbers.zone(tz)
    except ValueError:
        raise ConfigError(f"zona waktu “{tz}” tidak dikenal; pakai nama IANA seperti "
                          "Asia/Jakarta, Asia/Makassar, atau Asia/Jayapura") from None
    with _collector_paused():
        tables = _tables(str(path), aliases)
        if strict:
            for item in tables:
                if isinstance(item, InputError):
                    raise item
        results = [_failed(item) if isinstance(item, InputError) else
                   _read(item, tz, year, near, window) for item in tables]
    try:
        mtime = Path(path).stat().st_mtime
    except OSError:
        mtime = None
    for result in results:
        result.mtime = mtime
    return results


def _failed(exc: InputError) -> ImportResult:
    return ImportResult(str(exc.path), "tidak_terbaca", error=exc.message, error_line=exc.line)


def _tables(name: str, aliases: str | None) -> Sequence[Table | InputError]:
    kind = spreadsheet.kind(name)
    if kind == "zip":
        found: list[Table | InputError] = []
        errors: list[InputError] = []
        for member, data in spreadsheet.zip_members(name):
            try:
                if spreadsheet.kind(member) in ("xlsx", "xls", "ods"):
                    found.extend(_sheets(member, spreadsheet.sheets(member, data), aliases))
                elif spreadsheet.kind(member) == "json":
                    found.append(open_sheet(member, comments.json_rows(member, data),
                                            aliases=aliases))
                else:
                    found.append(open_table(member, data, aliases=aliases))
            except InputError as exc:
                errors.append(exc)
        if not found:
            raise errors[0] if errors else InputError("ZIP ini tidak berisi berkas ekspor", name)
        return found + errors  # a broken member is named, not dropped
    if kind in ("xlsx", "xls", "ods"):
        return _sheets(name, spreadsheet.sheets(name), aliases)
    if kind == "json":
        data = read_limited(name, spreadsheet.MAX_BYTES, "sebuah berkas JSON")
        return [open_sheet(name, comments.json_rows(name, data), aliases=aliases)]
    with open_limited(name, MAX_BYTES, "sebuah berkas ekspor") as handle:
        magic = handle.read(4)
    if magic == b"PK\x03\x04":  # a workbook saved under a .csv name
        try:
            return _sheets(name, spreadsheet.sheets(name), aliases)
        except InputError as exc:
            if exc.message.startswith("berkas terlalu besar"):
                raise
            # otherwise open_table() says what it is
    return [open_table(name, aliases=aliases)]  # streamed: never read whole


def _sheets(name: str, sheets: list[tuple[str, list[list[str]]]],
            aliases: str | None) -> list[Table]:
    """The export sheets of a workbook; other sheets are passed over (an error only when the
    workbook has none)."""
    found, first_error = [], None
    for sheet, rows in sheets:
        label = name if len(sheets) == 1 else f"{name}[{sheet}]"
        try:
            found.append(open_sheet(label, rows, aliases=aliases))
        except InputError as exc:
            first_error = first_error or exc
    if not found:
        raise first_error or InputError("buku kerja ini tidak berisi lembar ekspor", name)
    return found


def _read(table: Table, tz: str, year: int | None, near: date | None,
          window: tuple[date, date] | None = None) -> ImportResult:
    assert table.spec is not None
    table.year, table.near = year, near
    if window is not None:
        table.window = (*window, tz)
    if table.spec.family not in _TEXT_FAMILIES:
        convention.decide(table)
    result = table.spec.read_function()(table, tz)
    result.language = table.language
    if result.rows == 0:
        result.warnings.append("berkas hanya berisi judul kolom, tanpa baris data")
    return result


def expand(args: list[str]) -> list[Path]:
    """Files named in ``args``; folders give their export files (CSV, xlsx/xls/ods, zip;
    recursive, sorted); patterns such as ``ekspor/*.csv`` are expanded here too (for Windows
    shells)."""
    paths: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
                 and not p.name.startswith("~$")),  # Excel's lock files
                key=lambda p: p.relative_to(path).as_posix(),
            )
            if not found:
                raise InputError("folder ini tidak berisi berkas .csv, .xlsx, .zip, atau .json",
                                 arg)
            paths.extend(found)
        elif path.exists():
            paths.append(path)
        elif any(ch in arg for ch in "*?["):  # Windows shells do not expand patterns
            matches = sorted(Path(p) for p in globmod.glob(arg, recursive=True)
                             if Path(p).is_file())
            if not matches:
                raise InputError("pola ini tidak cocok dengan berkas mana pun", arg)
            paths.extend(matches)
        else:
            raise InputError("berkas atau folder tidak ditemukan", arg)
    return paths


def read_exports(args: list[str], *, strict: bool = False, **kw) -> list[ImportResult]:
    """Read every file of ``args`` (files of any extension, folders → export files) in order.

    Keyword arguments are those of ``read_export``. A file that cannot be read does not stop
    the others: it comes back as an ``ImportResult`` with ``error`` set (format
    ``tidak_terbaca``), so the report names it. With ``strict`` the first one raises.
    """
    out: list[ImportResult] = []
    with _collector_paused():
        for path in expand(args):
            try:
                out.extend(read_path(path, strict=strict, **kw))
            except InputError as exc:
                if strict:
                    raise
                exc.path = exc.path or str(path)
                out.append(_failed(exc))
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while reading.

    Reading a week of exports creates millions of records, lists and strings and almost no
    reference cycles; the collector would scan the growing heap again and again (about 1 s
    of the 250,000 rows of a provincial week) to free nothing. Reference counting still
    frees everything as usual; the collector resumes (if it was running) afterwards.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

"""Workbooks (xlsx, xls, ods) and zip files, read in place.

Workbooks are read with python-calamine (Rust, fast, no network). Every sheet becomes rows of
text cells, as a CSV export would write them: whole numbers without ``.0``, dates and times as
ISO text (unambiguous, so no day/month guess is needed), and numbers a spreadsheet can no
longer hold exactly (an id beyond 2**53) in scientific notation, which the id check refuses.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import PurePosixPath
from typing import Any

from medsos_cli.errors import InputError
from medsos_cli.fileio import read_limited

MAX_BYTES = 200 * 1024 * 1024  # a zip or a JSON file (read whole; CSV members then streamed)
# A workbook is read whole (calamine parses every sheet, then each becomes Python text cells):
# about 25 times its size in memory, ~500 MB at this limit (85,000 rows of a Facebook export).
# Platforms' own workbooks are kilobytes to a few MB; a bigger one is better saved as CSV,
# which is streamed.
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
_WORKBOOK = "sebuah buku kerja (dibaca utuh; simpan sebagai CSV, yang dibaca mengalir)"
_EXACT = 2**53  # floats above this are not whole numbers any more


def kind(name: str) -> str:
    """``zip``, ``xlsx``, ``xls``, ``ods``, ``json`` or ``csv`` (anything else), by name."""
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if suffix == ".zip":
        return "zip"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".xls", ".ods", ".json"):
        return suffix[1:]
    return "csv"


def cell_text(value: object) -> str:
    """A workbook cell as the text a CSV export would hold."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT:
            return str(int(value))
        if value.is_integer():
            return f"{value:.5E}"  # Excel's own look; the digits are gone
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, timedelta):
        return str(int(value.total_seconds()))
    return str(value)


def sheets(name: str, data: bytes | None = None) -> list[tuple[str, list[list[str]]]]:
    """(sheet name, rows of text) of every sheet of the workbook ``name`` (or its ``data``)."""
    from medsos_cli.extras import require

    require("membaca buku kerja (xlsx/xls/ods)", "python_calamine")
    from python_calamine import CalamineWorkbook

    if data is None:
        data = read_limited(name, MAX_WORKBOOK_BYTES, _WORKBOOK)
    elif len(data) > MAX_WORKBOOK_BYTES:
        raise InputError(f"berkas terlalu besar untuk {_WORKBOOK} ({len(data) / 2**20:.1f} MB; "
                         f"batas {MAX_WORKBOOK_BYTES // 2**20} MB)", name)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        out: list[Any] = []  # rows of cell values, turned into text in place below
        for sheet in book.sheet_names:
            rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            for i, row in enumerate(rows):  # in place: one copy of the sheet at a time
                rows[i] = [cell_text(v) for v in row]
            out.append((sheet, rows))
    except Exception as exc:  # calamine raises its own error types for broken workbooks
        raise InputError(f"buku kerja tidak bisa dibaca ({type(exc).__name__}); buka dan "
                         "simpan ulang, atau ekspor ulang dari platform", name) from None
    return out


def zip_members(name: str) -> list[tuple[str, bytes]]:
    """(``zip/member`` label, bytes) of the CSV and workbook files inside the zip ``name``."""
    data = read_limited(name, MAX_BYTES, "sebuah berkas ZIP")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("berkas ZIP rusak atau terpotong; unduh ulang dari platform",
                         name) from None
    out = []
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            member = info.filename
            if info.is_dir() or PurePosixPath(member).name.startswith((".", "~$")):
                continue
            if member.startswith("__MACOSX/"):
                continue
            if kind(member) == "zip" or PurePosixPath(member).suffix.lower() not in (
                    ".csv", ".xlsx", ".xlsm", ".xls", ".ods", ".json"):
                continue
            if info.file_size > MAX_BYTES:
                raise InputError(f"{member} di dalam ZIP terlalu besar", name)
            try:
                content = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                raise InputError(f"{member} di dalam ZIP tidak bisa dibaca ({exc})",
                                 name) from None
            out.append((f"{name}/{member}", content))
    return out

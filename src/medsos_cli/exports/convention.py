"""Conventions decided per file, from all its values: number style, date order, ids.

A cell alone cannot say whether ``1.234`` is one thousand two hundred thirty-four or a bit more
than one, or whether ``01/06/2025`` is in January or June; the whole file usually can. The
rules, in order:

- **Numbers.** A cell that only one convention can read decides: ``4,52`` or ``1.234.567`` or
  ``1.234,5`` is Indonesian (``.`` thousands, ``,`` decimals); ``4.52``, ``3423.0`` or
  ``1,234,567`` is English. A file with both is refused, naming a column of each. Without such
  a cell, ``1.234`` (one group of three) in a count column can only be a thousands separator
  (counts are whole numbers), and ``1,234`` likewise: a file with both is refused. A file of
  plain integers keeps its UI language's convention; no figure depends on it.
- **Date order.** In the date-time columns of the format (Meta ``Publish time``), a first
  part above 12 decides day first, a second part above 12 month first; both is refused. A
  file as Meta writes it (every header cell quoted, commas) is month first, as Meta writes
  it, whatever its values. With neither, a file re-saved by a spreadsheet is refused, naming
  the column, unless the order does not matter (day equals month in every row).
- **Ids in scientific notation** (``1.02938E+15``, written by Excel for long numbers) are an
  error naming the column: the digits are lost, so posts would merge.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from medsos_cli.errors import InputError
from medsos_cli.exports.sniff import Row, Table

_NUMBER = re.compile(r"[+-]?[\d.,]*\d[\d.,]*%?")
_EN_STRONG = re.compile(r"[+-]?(?:\d*\.(?:\d{1,2}|\d{4,})|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"
                        r"|\d{1,3}(?:,\d{3})+\.\d+)%?")
_ID_STRONG = re.compile(r"[+-]?(?:\d*,(?:\d{1,2}|\d{4,})|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"
                        r"|\d{1,3}(?:\.\d{3})+,\d+)%?")
_DOT_GROUP = re.compile(r"[+-]?\d{1,3}\.\d{3}")
_COMMA_GROUP = re.compile(r"[+-]?\d{1,3},\d{3}")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+]?\d+")
_DMY = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b.*")

# Columns of text, links and times: their digits say nothing about the number convention.
_NOT_NUMBERS = frozenset({
    "title", "description", "post text", "tweet text", "video title", "caption", "permalink",
    "post link", "tweet permalink", "video link", "page name", "account name",
    "account username", "content", "date", "time", "publish time", "video publish time",
    "post time", "duration", "average view duration", "post id", "page id", "account id",
    "tweet id", "custom labels", "languages", "data comment",
})


def decide(table: Table) -> None:
    """Set ``table.locale`` and ``table.day_first`` from all rows; ``InputError`` naming the
    column when the file is ambiguous or has ids in E-notation.

    A streamed file is read here once and reopened for the reader (``Table.reopen``): two
    passes, and no row kept. Rows already in memory (a sheet) are walked as a list."""
    rows: Iterable[Row]
    if table.reopen is not None:
        rows, again = table.rows, table.data_rows
    else:
        rows = kept = list(table.rows)
        again = lambda: iter(kept)  # noqa: E731
    spec = table.spec
    names = table.names
    header = table.header
    ids = set(spec.ids) if spec else set()
    times = set(spec.times) if spec else set()
    number_cols = [i for i, n in enumerate(names) if n and n not in _NOT_NUMBERS
                   and n not in ids and n not in times]
    id_cols = [i for i, n in enumerate(names) if n in ids]
    time_cols = [i for i, n in enumerate(names) if n in times]

    def label(i: int) -> str:
        return header[i].strip() if i < len(header) else names[i]

    strong: dict[str, tuple[int, str, int]] = {}  # locale -> (column, cell, line)
    groups: dict[str, tuple[int, str, int]] = {}  # "dot"/"comma" -> (column, cell, line)
    month_first = day_first = None  # (column, cell, line) of the deciding value
    for row in rows:
        cells = row.cells
        width = len(cells)
        for i in id_cols:
            if i < width:
                cell = cells[i].strip()
                if cell and _SCIENTIFIC.fullmatch(cell):
                    raise InputError(
                        f"kolom “{label(i)}” berisi ID dalam notasi ilmiah (“{cell}”): Excel "
                        "sudah membulatkan ID-nya sehingga unggahan yang berbeda tampak sama. "
                        "Buka ulang berkas asli dari platform tanpa Excel, atau impor dengan "
                        "Data → From Text/CSV dan atur kolom ID sebagai Text", table.path,
                        row.line)
        if len(strong) < 2:
            for i in number_cols:
                if i >= width:
                    continue
                cell = cells[i]
                if cell.isdigit() or not cell:
                    continue
                cell = cell.strip().replace("\u00a0", "").replace(" ", "")
                if not _NUMBER.fullmatch(cell):
                    continue
                if _EN_STRONG.fullmatch(cell):
                    strong.setdefault("en", (i, cell, row.line))
                elif _ID_STRONG.fullmatch(cell):
                    strong.setdefault("id", (i, cell, row.line))
                elif _DOT_GROUP.fullmatch(cell):
                    groups.setdefault("dot", (i, cell, row.line))
                elif _COMMA_GROUP.fullmatch(cell):
                    groups.setdefault("comma", (i, cell, row.line))
        for i in time_cols:
            if i >= width:
                continue
            m = _DMY.fullmatch(cells[i])
            if not m:
                continue
            first, second = int(m[1]), int(m[2])
            if first > 12 and day_first is None:
                day_first = (i, cells[i].strip(), row.line)
            elif second > 12 and month_first is None:
                month_first = (i, cells[i].strip(), row.line)
            elif first != second and first <= 12 and second <= 12:
                pass
    table.locale = _locale(table, strong, groups, label)
    table.day_first = _order(table, again, time_cols, day_first, month_first, label)
    table.rows = again()


def _locale(table: Table, strong: dict, groups: dict, label) -> str:
    if "en" in strong and "id" in strong:
        (ci, cv, cl), (di, dv, dl) = strong["en"], strong["id"]
        raise InputError(
            f"angka ditulis dengan dua gaya: “{cv}” di kolom “{label(ci)}” (baris {cl}) bergaya "
            f"Inggris, “{dv}” di kolom “{label(di)}” (baris {dl}) bergaya Indonesia; pakai "
            "berkas asli dari platform", table.path, dl)
    if strong:
        return next(iter(strong))
    if "dot" in groups and "comma" in groups:
        (ci, cv, _), (di, dv, dl) = groups["comma"], groups["dot"]
        raise InputError(
            f"pemisah ribuan tidak bisa dipastikan: “{cv}” di kolom “{label(ci)}” dan “{dv}” di "
            f"kolom “{label(di)}” memakai pemisah yang berbeda; pakai berkas asli dari platform",
            table.path, dl)
    if "dot" in groups:
        return "id"
    if "comma" in groups:
        return "en"
    return table.locale


def _order(table: Table, again: Callable[[], Iterator[Row]], time_cols: list[int], day_first,
           month_first, label) -> bool:
    if not time_cols:
        return False
    if table.pristine and (month_first or not day_first):
        return False  # as Meta writes it: month first; a row that is not is a broken row
    if day_first and month_first:
        i, value, line = month_first
        raise InputError(
            f"urutan tanggal di kolom “{label(i)}” tidak konsisten: “{day_first[1]}” (baris "
            f"{day_first[2]}) hanya bisa hari/bulan, “{value}” hanya bisa bulan/hari; pakai "
            "berkas asli dari platform", table.path, line)
    if day_first:
        table.warnings.append(
            f"tanggal di kolom “{label(day_first[0])}” ditulis hari/bulan/tahun (mis. "
            f"“{day_first[1]}”, baris {day_first[2]}): berkas disimpan ulang dengan Excel; "
            "dibaca sebagai DD/MM/YYYY")
        return True
    if month_first:
        return False
    for row in again():
        for i in time_cols:
            if i < len(row.cells):
                m = _DMY.fullmatch(row.cells[i])
                if m and m[1] != m[2]:
                    raise InputError(
                        f"urutan tanggal di kolom “{label(i)}” tidak bisa dipastikan: "
                        f"“{row.cells[i].strip()}” bisa berarti bulan/hari (seperti Meta "
                        "menulisnya) atau hari/bulan (setelah disimpan ulang dengan Excel), dan "
                        "tidak ada tanggal di atas 12 yang memastikannya. Pakai berkas asli dari "
                        "Meta Business Suite", table.path, row.line)
    return False

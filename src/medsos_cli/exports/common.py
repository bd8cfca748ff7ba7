"""Shared row machinery of the importers: columns by name, cells by type, skipped rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from medsos_cli.exports import numbers
from medsos_cli.exports.model import ImportResult, Post, Skipped
from medsos_cli.exports.sniff import Row, Table, is_blank, norm


class RowError(ValueError):
    """A value in one row that cannot be read: the row is skipped with this reason."""


class Columns:
    """Header cells indexed by their normalised name (first occurrence wins)."""

    def __init__(self, header: list[str]):
        self.header = header
        self.index: dict[str, int] = {}
        self._found: dict[tuple[str, ...], int | None] = {}
        for i, cell in enumerate(header):
            self.index.setdefault(norm(cell), i)

    def find(self, *names: str) -> int | None:
        """Index of the first of ``names`` present in the header."""
        try:
            return self._found[names]
        except KeyError:
            pass
        found = next((self.index[name] for name in names if name in self.index), None)
        self._found[names] = found
        return found

    def has(self, *names: str) -> bool:
        """True when one of ``names`` is a column."""
        return self.find(*names) is not None


@dataclass
class Cells:
    """One row's cells, read by column name; errors name the column."""

    columns: Columns
    cells: list[str]

    # The lookups are inlined (no helper calls): these run for every cell of large exports.
    def raw(self, *names: str) -> str | None:
        """The cell text (``None`` when the export has no such column)."""
        found = self.columns._found
        i = found[names] if names in found else self.columns.find(*names)
        return None if i is None else self.cells[i]

    def text(self, *names: str) -> str:
        """The cell text trimmed, line breaks as ``\\n`` ("" when absent)."""
        found = self.columns._found
        i = found[names] if names in found else self.columns.find(*names)
        if i is None:
            return ""
        value = self.cells[i]
        if "\r" in value:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value.strip()

    def need(self, *names: str) -> str:
        """The trimmed cell text; a blank cell is a ``RowError``."""
        value = self.text(*names)
        if not value:
            raise RowError(f"kolom “{self._label(names)}” kosong")
        return value

    def _label(self, names: tuple[str, ...]) -> str:
        i = self.columns.find(*names)
        return self.columns.header[i].strip() if i is not None else names[0]

    def int(self, *names: str, locale: str = "en") -> int | None:
        """A count; ``None`` when unknown or the column is absent; ``RowError`` when broken."""
        found = self.columns._found
        i = found[names] if names in found else self.columns.find(*names)
        if i is None:
            return None
        value = self.cells[i]
        if value.isdigit() and value.isascii() and len(value) < 19:
            return int(value)
        try:
            return numbers.parse_int(value, locale)
        except ValueError as exc:
            raise RowError(f"kolom “{self._label(names)}”: {exc}") from None

    def parse(self, parser: Callable, *names: str, required: bool = True):
        """Apply ``parser`` to a cell; a blank required cell is a ``RowError``."""
        value = self.text(*names)
        if not value:
            if required:
                raise RowError(f"kolom “{self._label(names)}” kosong")
            return None
        try:
            return parser(value)
        except ValueError as exc:
            raise RowError(f"kolom “{self._label(names)}”: {exc}") from None


def data_rows(table: Table, result: ImportResult) -> Iterable[tuple[Row, Cells]]:
    """The non-blank data rows; rows with too few or too many cells become ``Skipped``."""
    columns = Columns(table.header)
    width = len(table.header)
    while width and not table.header[width - 1].strip():
        width -= 1
    reader = Cells(columns, [])
    for row in table.rows:
        cells = row.cells
        if not cells or (not cells[0].strip() and is_blank(cells)):
            continue
        if len(cells) < width:
            result.rows += 1
            result.skipped.append(Skipped(row.line, (
                f"baris hanya berisi {len(cells)} dari {width} kolom (terpotong?)")))
            continue
        if any(c.strip() for c in cells[len(table.header):]):
            result.rows += 1
            result.skipped.append(Skipped(row.line, (
                f"baris berisi {len(cells)} kolom, padahal judulnya {len(table.header)} kolom")))
            continue
        reader.cells = cells  # one reader per file: rows are handled one at a time
        yield row, reader


def run_rows(table: Table, result: ImportResult, parse_row: Callable[[Row, Cells], bool]) -> None:
    """Feed each data row to ``parse_row``; a ``RowError`` becomes a ``Skipped`` row.

    ``parse_row`` returns False for a row that is not data (a YouTube ``Total`` row), which
    is then not counted in ``result.rows``.
    """
    for row, cells in data_rows(table, result):
        try:
            counted = parse_row(row, cells)
        except RowError as exc:
            result.rows += 1
            result.skipped.append(Skipped(row.line, str(exc)))
            continue
        if counted is not False:
            result.rows += 1


def dedupe_posts(result: ImportResult) -> None:
    """Keep the first row of each post id; later copies are reported as a warning."""
    seen: dict[tuple[str, str], Post] = {}
    kept: list[Post] = []
    for post in result.posts:
        key = (post.platform, post.post_id)
        if key in seen:
            result.warnings.append(
                f"baris {post.line}: unggahan {post.post_id} sudah ada di baris "
                f"{seen[key].line}; hanya baris {seen[key].line} yang dipakai")
            continue
        seen[key] = post
        kept.append(post)
    result.posts = kept


def dedupe_by(items: list, key: Callable, label: str, warnings: list[str]) -> list:
    """Keep the first item of each ``key``; later copies are reported as a warning."""
    seen: dict = {}
    kept = []
    for item in items:
        k = key(item)
        if k in seen:
            warnings.append(f"baris {item.line}: {label} sama persis dengan baris {seen[k]}; "
                            "hanya satu yang dipakai")
            continue
        seen[k] = item.line
        kept.append(item)
    return kept


def local_date(moment, tz: str) -> date:
    """The calendar date of an aware datetime in ``tz``."""
    return moment.astimezone(numbers.zone(tz)).date()

"""Shared row machinery of the importers: columns by name, cells by type, skipped rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from medsos_cli.exports import numbers
from medsos_cli.exports.model import DailyValue, ImportResult, Post, Skipped
from medsos_cli.exports.sniff import Row, Table, is_blank, norm


def post_result(table: Table) -> ImportResult:
    """The result of a reader of posts: with ``table.window`` set (a weekly report), posts
    outside the report's weeks are kept compact (exports.spill)."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    if table.window is not None:
        from medsos_cli.exports.spill import PostSink

        result.posts = PostSink(*table.window)
    return result


class RowError(ValueError):
    """A value in one row that cannot be read: the row is skipped with this reason."""


class Columns:
    """Header cells indexed by their normalised name (first occurrence wins)."""

    def __init__(self, header: list[str], names: list[str] | None = None):
        self.header = header
        self.index: dict[str, int] = {}
        self._found: dict[tuple[str, ...], int | None] = {}
        # ``names``: the header in canonical names (translated from the UI language)
        for i, name in enumerate(names if names else [norm(c) for c in header]):
            self.index.setdefault(name, i)

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

    def int(self, *names: str, locale: str = "en", negative: bool = False) -> int | None:
        """A count; ``None`` when unknown or the column is absent; ``RowError`` when broken
        (not a whole number, negative unless ``negative``, beyond 64 bits)."""
        found = self.columns._found
        i = found[names] if names in found else self.columns.find(*names)
        if i is None:
            return None
        value = self.cells[i]
        if value.isdigit() and value.isascii() and len(value) < 19:
            return int(value)
        try:
            return numbers.parse_count(value, locale, negative=negative)
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


# --- cells by position -------------------------------------------------------------------
# The readers of large files find their columns once per file (``Layout``) and read each row's
# raw cells in one call; these functions then do what the ``Cells`` methods do, with the same
# results and messages. An absent column reads as "" from ``Layout`` (``None`` is accepted too).


class Layout:
    """Positions of a fixed list of columns (each a tuple of alternative names)."""

    def __init__(self, header: list[str], *groups: tuple[str, ...],
                 names: list[str] | None = None):
        columns = Columns(header, names)
        positions = [columns.find(*names) for names in groups]
        #: the name shown in messages: the header cell as written, else the first name
        self.labels = [header[i].strip() if i is not None else names[0]
                       for i, names in zip(positions, groups, strict=True)]
        # An absent column reads as "": every function below treats it as Cells treats an
        # absent column (unknown count, empty text, "kolom ... kosong" under its first name).
        if len(positions) < 2:  # itemgetter gives a tuple only for two or more
            raise ValueError("Layout needs at least two columns")
        get = itemgetter(*(-1 if i is None else i for i in positions))
        if None in positions:
            self.values: Callable[[list[str]], tuple[str, ...]] = lambda cells: get([*cells, ""])
        else:
            self.values = get


def text(value: str | None) -> str:
    """The cell trimmed, line breaks as ``\\n`` ("" when absent); as ``Cells.text``."""
    if value is None:
        return ""
    value = value.strip()  # trimming first is the same: CR and LF are both whitespace
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def need(value: str | None, label: str) -> str:
    """The trimmed cell; a blank cell is a ``RowError`` (as ``Cells.need``)."""
    value = text(value)
    if not value:
        raise RowError(f"kolom “{label}” kosong")
    return value


def count(value: str | None, label: str, locale: str = "en") -> int | None:
    """A count from the raw cell (as ``Cells.int``): ``None`` when unknown or absent."""
    if not value:  # absent, or blank: unknown (parse_int says the same)
        return None
    if value.isdigit() and value.isascii() and len(value) < 19:
        return int(value)
    try:
        return numbers.parse_count(value, locale)
    except ValueError as exc:
        raise RowError(f"kolom “{label}”: {exc}") from None


def digits(value: str, label: str) -> str:
    """A numeric id (Meta, X, TikTok): ASCII digits only (Meta's older ``page_post`` form,
    two digit groups joined by ``_``, too), else a ``RowError``."""
    if value.isascii() and all(part.isdecimal() for part in value.split("_", 1)):
        return value
    raise RowError(f"kolom “{label}”: ID “{value[:30]}” bukan deretan angka")


def parsed(parser: Callable, value: str | None, label: str):
    """``parser`` applied to a required cell (as ``Cells.parse``)."""
    value = need(value, label)
    try:
        return parser(value)
    except ValueError as exc:
        raise RowError(f"kolom “{label}”: {exc}") from None


def run_each(table: Table, result: ImportResult, parse_row: Callable[[Row], object]) -> None:
    """``run_rows`` for readers that read ``row.cells`` themselves (every row counts)."""
    skipped = result.skipped
    for row in table_rows(table, result):
        result.rows += 1
        try:
            parse_row(row)
        except RowError as exc:
            skipped.append(Skipped(row.line, str(exc)))


def table_rows(table: Table, result: ImportResult) -> Iterator[Row]:
    """The non-blank data rows; rows with too few or too many cells become ``Skipped``.

    Readers of large files index ``row.cells`` directly (column positions found once).
    """
    header = len(table.header)
    width = header
    while width and not table.header[width - 1].strip():
        width -= 1
    skipped = result.skipped
    for row in table.rows:
        cells = row.cells
        if not cells or (not cells[0].strip() and is_blank(cells)):
            continue
        count = len(cells)
        if count < width:
            result.rows += 1
            skipped.append(Skipped(row.line, (
                f"baris hanya berisi {count} dari {width} kolom (terpotong?)")))
            continue
        if count > header and any(c.strip() for c in cells[header:]):
            result.rows += 1
            skipped.append(Skipped(row.line, (
                f"baris berisi {count} kolom, padahal judulnya {header} kolom")))
            continue
        yield row


def data_rows(table: Table, result: ImportResult) -> Iterable[tuple[Row, Cells]]:
    """``table_rows`` with each row's cells readable by column name (``Cells``)."""
    reader = Cells(Columns(table.header, table.names), [])
    for row in table_rows(table, result):
        reader.cells = row.cells  # one reader per file: rows are handled one at a time
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


def daily_values(table: Table, result: ImportResult, platform: str, metric: str,
                 parse_day: Callable[[str], date], column: str, *,
                 negative: bool = False) -> ImportResult:
    """Read a file of one value per day (``date`` and ``column``) into ``result.daily``; a day
    given twice is kept once, with a warning. ``negative``: the value may be below zero."""

    def parse(row: Row, c: Cells) -> bool:
        day = c.parse(parse_day, "date")
        result.daily.append(DailyValue(platform, metric, day,
                                       c.int(column, locale=table.locale, negative=negative),
                                       source=table.path, line=row.line))
        return True

    run_rows(table, result, parse)
    result.daily = dedupe_by(result.daily, lambda d: (d.metric, d.day), "tanggal",
                             result.warnings)
    return result

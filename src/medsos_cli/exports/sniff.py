"""Decode an export file and recognise its format from the header (never from the name).

Encodings: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8; otherwise UTF-16
without BOM when every other byte is zero; otherwise cp1252 with a warning. Rows come from the
``csv`` module so quoted multi-line captions work, and every row carries the physical lines
it spans in the file (``csv.reader.line_num``), also for CR-only and CRLF files.

A file is streamed, never held whole: a first pass over its bytes decides the encoding (and
validates it to the end), then the rows are decoded and parsed as they are read; a reader that
needs two passes (the per-file conventions, see ``convention``) reopens the file
(``Table.reopen``). Memory follows the rows a reader keeps, not the file's size.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from medsos_cli.errors import InputError
from medsos_cli.exports.formats import (
    ExportFormat,
    language_hint,
    norm,
    recognise,
    registry,
    translate,
)
from medsos_cli.fileio import open_limited

# Exports are streamed (memory does not grow with the file), so this bounds time, not memory:
# about 2 minutes of reading; ten years of a province's busiest Page are far below it.
MAX_BYTES = 1024 * 1024 * 1024
_CHUNK = 1 << 18  # bytes per read of the encoding pass (even: UTF-16 pairs stay aligned)
_HEAD = 65536  # characters sniffed for binary content, the delimiter and the quoting

SUPPORTED = (
    "Yang didukung: Meta Business Suite (ekspor unggahan Facebook, ekspor konten Instagram, "
    "berkas harian per metrik seperti Follows), X (tweet_activity_metrics lama dan ekspor "
    "konten Account analytics), YouTube Studio (ZIP berisi Table data, Chart data, Totals), "
    "TikTok Studio (Overview, FollowerHistory, konten; CSV atau xlsx), komentar (gaya Apify, "
    "YouTube Data API), daftar laporan LAPOR!, serta log komentar dan log aduan medsos. "
    "Antarmuka berbahasa Inggris atau Indonesia (daftar lengkap di docs/exports.md)."
)

__all__ = ["SUPPORTED", "Row", "Table", "is_blank", "iter_rows", "norm", "open_sheet",
           "open_table"]


# Our own logs: a header with some of these but not the required ones lacks a column.
_OWN = (
    ("log komentar", ("platform", "unggahan", "waktu", "komentar"),
     {"unggahan", "penulis", "komentar", "dibalas_pada"}),
    ("log aduan", ("diterima", "kanal", "isi"),
     {"diterima", "kanal", "kategori", "diteruskan_ke", "respons_pertama", "selesai"}),
)


@dataclass(slots=True)
class Row:
    """One CSV record and the physical lines it spans (1-based, inclusive)."""

    line: int
    end: int
    cells: list[str]


@dataclass
class Table:
    """A decoded, recognised export: its format, header, preamble and data rows."""

    path: str
    format: str
    encoding: str
    header: list[str]
    header_line: int
    rows: Iterator[Row]
    metric_name: str | None = None  # the metric-name line of a Meta daily file
    warnings: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the header in canonical (English) names
    language: str = "en"  # UI language of the header
    spec: ExportFormat | None = None
    pristine: bool = False  # as the platform writes it (every header cell quoted, commas)
    locale: str = "en"  # number convention decided for the whole file (en: 1,234.5; id: 1.234,5)
    day_first: bool = False  # D/M/Y in the date-time columns (decided for the whole file)
    year: int | None = None  # the report's ISO year and a day of its week: for year-less
    near: date | None = None  # dates (TikTok)
    #: a fresh stream of all rows from the start (the file reopened, or a sheet's rows walked
    #: again), for a second pass; None: ``rows`` can be read once only
    reopen: Callable[[], Iterator[Row]] | None = None
    #: (first, last) local day of the posts a weekly report keeps whole, and the zone: other
    #: posts are kept compact (exports.spill); None keeps every post whole
    window: tuple[date, date, str] | None = None

    def data_rows(self) -> Iterator[Row]:
        """The data rows again from the start (``reopen``), or the remaining ``rows``."""
        if self.reopen is None:
            return self.rows
        header_line = self.header_line
        return (row for row in self.reopen() if row.line > header_line)


class _Source:
    """The bytes of an export: its path, reopened for each pass, or bytes already in memory
    (a zip member)."""

    def __init__(self, path: str, data: bytes | None):
        self.path, self.data = path, data

    def open(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        return open_limited(self.path, MAX_BYTES, "sebuah berkas ekspor")


@dataclass
class _Encoding:
    label: str  # as reported: utf-8-sig, utf-8, utf-16-le, utf-16-be, cp1252
    codec: str
    skip: int  # BOM bytes
    errors: str = "strict"


def _probe(path: str, source: _Source) -> tuple[_Encoding, list[str]]:
    """The encoding of the whole file, checked in one pass over its bytes (in chunks):
    a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8; otherwise UTF-16 without BOM
    when every other byte is zero; otherwise cp1252 with a warning. ``InputError`` for an
    empty or binary file, a broken workbook, or a BOM its content contradicts."""
    with source.open() as stream:
        first = stream.read(max(_CHUNK, 4))  # the BOM or the zip signature whole
        if first.startswith(codecs.BOM_UTF8):
            enc = _Encoding("utf-8-sig", "utf-8", 3)
        elif first.startswith(codecs.BOM_UTF16_LE):
            enc = _Encoding("utf-16-le", "utf-16-le", 2)
        elif first.startswith(codecs.BOM_UTF16_BE):
            enc = _Encoding("utf-16-be", "utf-16-be", 2)
        else:
            enc = _Encoding("utf-8", "utf-8", 0)
        decoder = codecs.getincrementaldecoder(enc.codec)("strict")
        content = False  # any byte other than ASCII whitespace (bytes.strip)
        size = odd_zeros = newlines = 0
        even_zero = nul = False
        bad_line = None  # line of the first byte that is not UTF-8 (no BOM)
        bom_broken = False
        chunk = first[enc.skip:] if enc.skip else first
        leading = enc.skip
        while chunk:
            size += len(chunk) + leading
            leading = 0
            content = content or bool(chunk.strip())
            if enc.skip == 0:
                odd_zeros += chunk[1::2].count(0)
                even_zero = even_zero or b"\0" in chunk[::2]
                nul = nul or b"\0" in chunk
            if bad_line is None and not bom_broken:
                pending = len(decoder.getstate()[0])
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    if enc.skip:
                        bom_broken = True
                    else:
                        bad_line = newlines + chunk[:max(0, exc.start - pending)].count(
                            b"\n") + 1
            newlines += chunk.count(b"\n")
            chunk = stream.read(_CHUNK)
        if bad_line is None and not bom_broken:
            try:
                decoder.decode(b"", True)
            except UnicodeDecodeError:
                if enc.skip:
                    bom_broken = True
                else:
                    bad_line = newlines + 1
    if not content:
        raise InputError(f"berkas kosong, tidak ada data untuk dibaca. {SUPPORTED}", path)
    if first.startswith(b"PK\x03\x04"):
        raise InputError("ini berkas Excel/ZIP yang rusak atau tanpa lembar ekspor; unduh "
                         "ulang dari platform (berkas .xlsx dan .zip yang utuh dibaca langsung)",
                         path)
    if bom_broken:
        raise _strict(path, enc.codec)
    warnings: list[str] = []
    if enc.skip:
        return enc, warnings
    if size >= 4 and odd_zeros > 0.9 * (size // 2) and not even_zero:
        enc = _Encoding("utf-16-le", "utf-16-le", 0)
        _validate(path, source, enc)
        warnings.append("berkas UTF-16 tanpa BOM; dibaca sebagai UTF-16 LE")
    elif bad_line is not None:
        if nul:
            raise InputError(f"bukan berkas teks CSV (berisi data biner). {SUPPORTED}",
                             path) from None
        enc = _Encoding("cp1252", "cp1252", 0, "replace")
        warnings.append(
            f"berkas bukan UTF-8 (bita tidak valid di baris {bad_line}); dibaca sebagai "
            "Windows-1252, periksa huruf beraksen dan emoji. Simpan ulang sebagai "
            "CSV UTF-8 bila bisa."
        )
    return enc, warnings


def _validate(path: str, source: _Source, enc: _Encoding) -> None:
    decoder = codecs.getincrementaldecoder(enc.codec)("strict")
    with source.open() as stream:
        try:
            while chunk := stream.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", True)
        except UnicodeDecodeError:
            raise _strict(path, enc.codec) from None


def _text(source: _Source, enc: _Encoding) -> io.TextIOWrapper:
    """The file decoded as it is read (universal line ends left to the csv module)."""
    stream = source.open()
    if enc.skip:
        stream.read(enc.skip)
    return io.TextIOWrapper(stream, encoding=enc.codec, errors=enc.errors, newline="")


def _head(source: _Source, enc: _Encoding) -> tuple[str, str]:
    """The first ``_HEAD`` characters (the binary check's sample), and the start of the file
    for the header checks: a few whole lines (more for a long header line), ending at a line
    end unless the file ends first."""
    with _text(source, enc) as text:
        head = text.read(_HEAD)
        sample = head
        while head.count("\n") + head.count("\r") < 6 and len(head) < 64 * _HEAD:
            more = text.read(_HEAD)
            if not more:
                return sample, head
            head += more
        if text.read(1) == "":
            return sample, head
    cut = max(head.rfind("\n"), head.rfind("\r"))
    return sample, head[:cut] if cut > 0 else head


def _strict(path: str, encoding: str) -> InputError:
    return InputError(f"berkas mengaku {encoding.upper()} (BOM) tetapi isinya tidak valid; "
                      "ekspor ulang berkas ini", path)


# Control characters other than tab, CR and LF, and the replacement character.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")


def _reject_binary(path: str, text: str) -> None:
    sample = text[:65536]
    # One regex pass, not a Python loop over 64k characters (1.3 s CPU over 124 files).
    if "\0" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError(f"bukan berkas teks CSV (berisi data biner). {SUPPORTED}", path)


_SEP_LINE = re.compile(r"\s*\"?sep=(.)\"?\s*")


def _delimiter(text: str) -> str:
    """``sep=X`` on the first line wins; else the one of ``,`` ``;`` tab that splits the header
    into the most columns (Excel in an Indonesian locale saves CSV with ``;``)."""
    for line in _first_lines(text):
        if not line.strip():
            continue
        m = _SEP_LINE.fullmatch(line)
        if m:
            return m[1]
        best, width = ",", 0
        for candidate in (",", ";", "\t"):
            try:
                cells = next(csv.reader([line], delimiter=candidate))
            except (csv.Error, StopIteration):
                continue
            if len(cells) > width:
                best, width = candidate, len(cells)
        return best
    return ","


def _first_lines(text: str) -> Iterator[str]:
    """The lines of ``text.splitlines()``, split lazily from the start (a log is 5 MB)."""
    start, chunk = 0, 4096
    while True:
        end = start + chunk
        if end >= len(text):
            yield from text[start:].splitlines()
            return
        lines = text[start:end].splitlines(keepends=True)
        if len(lines) < 2:  # a longer line than the chunk: look further
            chunk *= 2
            continue
        # The chunk's last line may be cut short (even between CR and LF): not yet.
        for line in lines[:-1]:
            yield line.splitlines()[0]
            start += len(line)


def iter_rows(path: str, text: str | io.TextIOBase, delimiter: str = ",") -> Iterator[Row]:
    """Every CSV record of ``text`` (a string, or a text stream opened with ``newline=""``,
    closed at the end) with its physical line span; ``InputError`` when broken."""
    stream = io.StringIO(text, newline="") if isinstance(text, str) else text
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    end = 0  # last physical line of the previous record
    try:
        with stream:
            for cells in reader:
                line_num = reader.line_num
                yield Row(end + 1, line_num, cells)
                end = line_num
    except UnicodeDecodeError:  # validated by the first pass: the file changed meanwhile
        raise InputError("berkas berubah saat dibaca; jalankan ulang", path, end + 1) from None
    except csv.Error as exc:
        if "unexpected end of data" in str(exc) or "EOF" in str(exc):
            reason = ("berkas terpotong: tanda kutip dibuka di sini tetapi tidak pernah "
                      "ditutup; ekspor ulang atau unduh ulang berkas ini")
        else:
            reason = f"CSV rusak ({exc}); periksa tanda kutip di baris ini"
        raise InputError(reason, path, end + 1) from None


def is_blank(cells: list[str]) -> bool:
    """A record with no content (an empty line or only empty cells)."""
    return not any(cell.strip() for cell in cells)


def open_table(path: str | Path, data: bytes | None = None, *,
               aliases: str | None = None) -> Table:
    """Read, decode and recognise ``path`` (or its bytes ``data``, e.g. a zip member);
    ``InputError`` (Indonesian) when it is not an export. ``aliases``: the user's header file."""
    name = str(path)
    source = _Source(name, data)
    enc, warnings = _probe(name, source)
    sample, head = _head(source, enc)
    _reject_binary(name, sample)
    delimiter = _delimiter(head)

    def reopen() -> Iterator[Row]:
        return iter_rows(name, _text(source, enc), delimiter)

    table = _recognise(name, reopen(), enc.label, warnings, aliases)
    table.reopen = reopen
    table.pristine = delimiter == "," and _quoted_header(head)
    return table


def open_sheet(name: str, rows: list[list[str]], *, aliases: str | None = None) -> Table:
    """Recognise one spreadsheet sheet (cells already as text, one list per row). The rows
    are walked again for a second pass (``Table.reopen``), never copied."""

    def reopen() -> Iterator[Row]:
        return (Row(i, i, cells) for i, cells in enumerate(rows, start=1))

    table = _recognise(name, reopen(), "xlsx", [], aliases)
    table.reopen = reopen
    return table


def _quoted_header(text: str) -> bool:
    """Every header cell quoted and the first data row quoted too (Meta quotes numbers as
    ``"4812"``; a spreadsheet that quotes text cells leaves numbers bare)."""
    header_seen = False
    for line in _first_lines(text):
        stripped = line.lstrip("\ufeff").strip()
        if not stripped or _SEP_LINE.fullmatch(stripped):
            continue
        cells = next(csv.reader([stripped]), [])
        if len(cells) == 1 and not header_seen:
            continue  # a metric-name line: look on
        if not header_seen:
            if not stripped.startswith('"') or stripped.count('"') < 2 * len(cells):
                return False
            header_seen = True
            continue
        return re.match(r'"[^"]*","', stripped) is not None
    return header_seen


def _next_content(rows: Iterator[Row]) -> Row | None:
    for row in rows:
        if not is_blank(row.cells):
            return row
    return None


def _recognise(path: str, rows: Iterator[Row], encoding: str, warnings: list[str],
               aliases: str | None = None) -> Table:
    reg = registry(aliases)
    first = _next_content(rows)
    if first is None:
        raise InputError(f"berkas kosong, tidak ada data untuk dibaca. {SUPPORTED}", path)
    if len(first.cells) <= 2 and _SEP_LINE.fullmatch(",".join(first.cells)):
        first = _next_content(rows)
        if first is None:
            raise InputError("berkas hanya berisi baris sep=, tanpa data", path)
    metric_name = None
    header = first
    match = recognise(first.cells, reg)
    if len([c for c in first.cells if c.strip()]) == 1 and match is None:
        second = _next_content(rows)
        found = recognise(second.cells, reg) if second is not None else None
        if second is not None and found is not None and found.format.name == "meta_daily":
            metric_name = first.cells[0].strip()
            header, match = second, found
        else:
            raise _unrecognised(path, first, reg)
    if match is None:
        raise _unrecognised(path, header, reg)
    if match.format.reader is None:
        raise InputError(f"{match.format.label} dikenali, tetapi belum dibaca oleh medsos. "
                         f"{SUPPORTED}", path, header.line)
    fmt = match.format
    if match.inferred:
        labels = ", ".join(f"“{a.name}”" for a in match.inferred)
        warnings = [*warnings, (
            f"judul kolom {labels} dibaca menurut dugaan (belum ada contoh berkas asli "
            f"berbahasa {reg.languages.get(match.language, match.language)}); periksa angkanya")]
    # Rows stay a stream (big exports); a truncated file raises InputError while reading.
    return Table(path, fmt.name, encoding, header.cells, header.line, rows, metric_name,
                 warnings, names=match.names, language=match.language, spec=fmt,
                 locale="id" if match.language == "id" else "en")


def _partial(cells: list[str], reg) -> str | None:
    """A message for a header in a known UI language that lacks a required column."""
    best = None
    for fmt in reg.formats:
        if fmt.reader is None:
            continue
        for language, table in reg.aliases.get(fmt.family, {}).items():
            names, used = translate(cells, table)
            if len(used) < 2:
                continue
            missing = sorted(fmt.required - set(names))
            score = len(fmt.required) - len(missing)
            if missing and score >= 1 and (best is None or score > best[0]):
                best = (score, fmt, language, missing, table)
    if best is None:
        return None
    _, fmt, language, missing, table = best
    wanted = []
    for name in missing:
        local = [a.name for a in table.values() if a.canonical == name]
        wanted.append(f"“{local[0]}” (“{name}”)" if local else f"“{name}”")
    return (f"judul kolom berbahasa {reg.languages.get(language, language)} dikenali sebagai "
            f"{fmt.label}, tetapi kolom {', '.join(wanted)} tidak ada. Bila platform memakai "
            "nama kolom lain, tambahkan aliasnya di berkas alias ([report] headers, lihat "
            "docs/exports.md), atau ganti bahasa antarmuka ke English lalu ekspor ulang")


def _unrecognised(path: str, header: Row, reg) -> InputError:
    names = {norm(c) for c in header.cells}
    for label, required, typical in _OWN:
        if len(names & typical) >= 2:
            missing = ", ".join(c for c in required if c not in names)
            return InputError(f"judul kolom {label} tidak lengkap: kolom {missing} tidak ada "
                              "(lihat docs/exports.md)", path, header.line)
    partial = _partial(header.cells, reg)
    if partial is not None:
        return InputError(partial, path, header.line)
    hint = language_hint(header.cells, reg)
    if hint is not None:
        language, word = hint
        return InputError(
            f"judul kolom berbahasa {language} (mis. “{word}”) belum dikenal medsos; ganti "
            "bahasa antarmuka ke English atau Indonesia lalu ekspor ulang, atau tambahkan "
            "judul kolomnya di berkas alias ([report] headers, lihat docs/exports.md). "
            f"{SUPPORTED}", path, header.line)
    shown = ", ".join(c.strip() for c in header.cells[:4] if c.strip())
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return InputError(f"bukan berkas ekspor yang dikenali (judul kolom: {shown}). {SUPPORTED}",
                      path, header.line)

"""medsos's own CSV logs: comments (``medsos_comments``) and complaints (``medsos_complaints``).

The formats are documented for users in docs/exports.md §1: columns by name in any order,
Indonesian names with English aliases, times as ``2026-11-17 08:15`` (local in ``tz``),
``17/11/2026 08.15`` or ISO 8601 with an offset.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from medsos_cli.exports import numbers
from medsos_cli.exports.common import Cells, Layout, RowError, dedupe_by, run_rows, table_rows
from medsos_cli.exports.model import Comment, Complaint, ImportResult, Skipped
from medsos_cli.exports.sniff import Row, Table
from medsos_cli.forms import joined
from medsos_cli.platforms import ALIASES, REPORT_PLATFORMS

PLATFORM_ALIASES = ALIASES  # names admins write (fb, ig, twitter, …): the platform table


def read_comments(table: Table, tz: str) -> ImportResult:
    """The comments log: ``platform,unggahan,penulis,waktu,komentar,dibalas_pada``."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    # Hundreds of thousands of rows: the columns are found once and each row's cells read in
    # one call; each row does what Cells.need/text/parse would, in the same order.
    layout = Layout(table.header, ("platform",), ("unggahan", "post"), ("waktu", "time"),
                    ("komentar", "text"), ("penulis", "author"), ("dibalas_pada", "replied_at"))
    platform_label, post_label, time_label, _, _, replied_label = layout.labels
    values = layout.values
    times: dict[str, datetime] = {}  # comment times repeat (to the minute): parse each once
    path = table.path
    comments, skipped, warnings = result.comments, result.skipped, result.warnings
    seen: dict[tuple, int] = {}  # the first line of each comment (same key as dedupe_by)

    def moment(value: str, label: str) -> datetime:
        try:
            parsed = times[value] = numbers.parse_log_time(value, tz)
        except ValueError as exc:
            raise RowError(f"kolom “{label}”: {exc}") from None
        return parsed

    for row in table_rows(table, result):
        v_platform, v_post, v_time, v_text, v_author, v_replied = values(row.cells)
        result.rows += 1
        try:
            raw_platform = v_platform.strip()
            if "\r" in raw_platform:
                raw_platform = _lf(raw_platform)
            if not raw_platform:
                raise RowError(f"kolom “{platform_label}” kosong")
            platform = PLATFORM_ALIASES.get(raw_platform.lower())
            if platform is None:
                raise RowError(f"kolom “platform”: “{raw_platform}” tidak dikenal; pakai "
                               f"{joined(REPORT_PLATFORMS, 'atau')}")
            post_ref = v_post.strip()
            if "\r" in post_ref:
                post_ref = _lf(post_ref)
            if not post_ref:
                raise RowError(f"kolom “{post_label}” kosong")
            value = v_time.strip()
            if "\r" in value:
                value = _lf(value)
            if not value:
                raise RowError(f"kolom “{time_label}” kosong")
            time = times.get(value) or moment(value, time_label)
            text = v_text.strip()
            if "\r" in text:
                text = _lf(text)
            if not text:
                raise RowError("kolom “komentar” kosong")
            replied = None
            value = v_replied.strip()
            if value:
                if "\r" in value:
                    value = _lf(value)
                replied = times.get(value) or moment(value, replied_label)
                if replied < time:
                    raise RowError("“dibalas_pada” lebih awal daripada “waktu” komentar")
        except RowError as exc:
            skipped.append(Skipped(row.line, str(exc)))
            continue
        author = v_author.strip()
        if "\r" in author:
            author = _lf(author)
        # Duplicates within the file: the first row is kept, later ones are warned about.
        key = (platform, post_ref, author, time, text)
        first = seen.get(key)
        if first is not None:
            warnings.append(f"baris {row.line}: komentar sama persis dengan baris {first}; "
                            "hanya satu yang dipakai")
            continue
        seen[key] = row.line
        comments.append(Comment(platform, post_ref, author, time, text, replied, path, row.line))
    return result


def _lf(value: str) -> str:
    """Line breaks as ``\\n`` (as ``Cells.text``)."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def read_complaints(table: Table, tz: str) -> ImportResult:
    """The complaint log: ``diterima,kanal,isi,kategori,diteruskan_ke,respons_pertama,...``."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    when = partial(numbers.parse_log_time, tz=tz)
    done_without_time: list[int] = []

    def parse(row: Row, c: Cells) -> bool:
        received = c.parse(when, "diterima", "received_at")
        channel = c.need("kanal", "channel")
        text = c.text("isi", "text")
        if not text:
            raise RowError("kolom “isi” kosong")
        first = c.parse(when, "respons_pertama", "first_response_at", required=False)
        resolved = c.parse(when, "selesai", "resolved_at", required=False)
        for label, moment in (("respons_pertama", first), ("selesai", resolved)):
            if moment is not None and moment < received:
                raise RowError(f"“{label}” lebih awal daripada “diterima”")
        status = c.text("status")
        if status.lower() == "selesai" and resolved is None:
            done_without_time.append(row.line)
        result.complaints.append(Complaint(
            received_at=received, channel=channel, text=text,
            category=c.text("kategori", "category"),
            forwarded_to=c.text("diteruskan_ke", "forwarded_to"),
            first_response_at=first, resolved_at=resolved, status=status,
            source=table.path, line=row.line))
        return True

    run_rows(table, result, parse)
    if done_without_time:
        lines = ", ".join(str(n) for n in done_without_time[:5])
        result.warnings.append(f"status “selesai” tanpa waktu selesai di baris {lines}")
    result.complaints = dedupe_by(
        result.complaints, lambda k: (k.received_at, k.channel, k.text), "aduan",
        result.warnings)
    return result

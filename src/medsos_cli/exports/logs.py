"""medsos's own CSV logs: comments (``medsos_comments``) and complaints (``medsos_complaints``).

The formats are documented for users in docs/exports.md §1: columns by name in any order,
Indonesian names with English aliases, times as ``2026-11-17 08:15`` (local in ``tz``),
``17/11/2026 08.15`` or ISO 8601 with an offset.
"""

from __future__ import annotations

from functools import partial

from medsos_cli.exports import numbers
from medsos_cli.exports.common import Cells, RowError, dedupe_by, run_rows
from medsos_cli.exports.model import Comment, Complaint, ImportResult
from medsos_cli.exports.sniff import Row, Table

PLATFORM_ALIASES = {
    "facebook": "facebook", "fb": "facebook",
    "instagram": "instagram", "ig": "instagram",
    "x": "x", "twitter": "x", "x/twitter": "x",
    "youtube": "youtube", "yt": "youtube",
    "tiktok": "tiktok", "tt": "tiktok",
}


def read_comments(table: Table, tz: str) -> ImportResult:
    """The comments log: ``platform,unggahan,penulis,waktu,komentar,dibalas_pada``."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    when = partial(numbers.parse_log_time, tz=tz)

    def parse(row: Row, c: Cells) -> bool:
        raw_platform = c.need("platform")
        platform = PLATFORM_ALIASES.get(raw_platform.lower())
        if platform is None:
            raise RowError(f"kolom “platform”: “{raw_platform}” tidak dikenal; pakai facebook, "
                           "instagram, x, youtube, atau tiktok")
        post_ref = c.need("unggahan", "post")
        time = c.parse(when, "waktu", "time")
        text = c.text("komentar", "text")
        if not text:
            raise RowError("kolom “komentar” kosong")
        replied = c.parse(when, "dibalas_pada", "replied_at", required=False)
        if replied is not None and replied < time:
            raise RowError("“dibalas_pada” lebih awal daripada “waktu” komentar")
        result.comments.append(Comment(
            platform=platform, post_ref=post_ref, author=c.text("penulis", "author"),
            time=time, text=text, replied_at=replied, source=table.path, line=row.line))
        return True

    run_rows(table, result, parse)
    result.comments = dedupe_by(
        result.comments, lambda k: (k.platform, k.post_ref, k.author, k.time, k.text),
        "komentar", result.warnings)
    return result


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

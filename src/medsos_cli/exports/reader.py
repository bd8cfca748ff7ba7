"""Public entry: read one export file or many (files and folders) into ``ImportResult``."""

from __future__ import annotations

import gc
import glob as globmod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from medsos_cli.errors import ConfigError, InputError
from medsos_cli.exports import logs, meta, numbers, tiktok, x, youtube
from medsos_cli.exports.model import ImportResult
from medsos_cli.exports.sniff import Table, open_table

_READERS: dict[str, Callable[[Table, str], ImportResult]] = {
    "meta_facebook_posts": meta.read_facebook_posts,
    "meta_instagram_posts": meta.read_instagram_posts,
    "meta_daily": meta.read_daily,
    "x_tweet_activity": x.read_tweet_activity,
    "x_account_analytics": x.read_account_analytics,
    "youtube_table": youtube.read_table,
    "youtube_table_id": youtube.read_table,
    "tiktok_content": tiktok.read_content,
    "medsos_comments": logs.read_comments,
    "medsos_complaints": logs.read_complaints,
}


def read_export(path: str | Path, *, tz: str = "Asia/Jakarta", year: int | None = None,
                near: date | None = None) -> ImportResult:
    """Read one export; its format is recognised from the header, never from the name.

    ``tz`` is the zone for times written without one (Meta, own logs) and for dates.
    ``year`` (the requested ISO week's year) and/or ``near`` (a day of the requested week,
    e.g. its Monday; more precise across New Year) place TikTok's year-less dates.
    Raises ``InputError`` (Indonesian, with path and line) for a file that is not a
    supported export; rows with broken values come back in ``ImportResult.skipped``.
    """
    try:
        numbers.zone(tz)
    except ValueError:
        raise ConfigError(f"zona waktu “{tz}” tidak dikenal; pakai nama IANA seperti "
                          "Asia/Jakarta, Asia/Makassar, atau Asia/Jayapura") from None
    with _collector_paused():
        table = open_table(path)
        if table.format == "tiktok_overview":
            result = tiktok.read_overview(table, tz, year=year, near=near)
        else:
            result = _READERS[table.format](table, tz)
    if result.rows == 0:
        result.warnings.append("berkas hanya berisi judul kolom, tanpa baris data")
    return result


def expand(args: list[str]) -> list[Path]:
    """Files named in ``args``; folders give their ``*.csv`` files (recursive, sorted);
    patterns such as ``ekspor/*.csv`` are expanded here too (for Windows shells)."""
    paths: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".csv"),
                key=lambda p: p.relative_to(path).as_posix(),
            )
            if not found:
                raise InputError("folder ini tidak berisi berkas .csv", arg)
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


def read_exports(args: list[str], **kw) -> list[ImportResult]:
    """Read every file of ``args`` (files of any extension, folders → ``*.csv``) in order.

    Keyword arguments are those of ``read_export``. The first unreadable file raises.
    """
    with _collector_paused():
        return [read_export(path, **kw) for path in expand(args)]


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

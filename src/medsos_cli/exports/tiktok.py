"""TikTok exports: the daily ``Overview`` and ``FollowerHistory`` files (CSV or xlsx) and the
per-video content export.

Daily dates have no year, in either order and in the UI language (``November 9``,
``9 July``, ``8 Juli``). With ``near`` (the requested week's Monday) each
date takes the year that puts it nearest to that week. With only ``year`` (the week's ISO
year) the rows are taken as chronological: a step back of more than half a year (December →
January) starts the next year, and the last row falls in ``year``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from medsos_cli.exports import numbers
from medsos_cli.exports.common import (
    Cells,
    RowError,
    dedupe_by,
    dedupe_posts,
    post_result,
    run_rows,
)
from medsos_cli.exports.model import DailyValue, ImportResult, Post, Skipped
from medsos_cli.exports.sniff import Row, Table

OVERVIEW_METRICS = (
    ("views", ("video views",)),
    ("profile_views", ("profile views",)),
    ("likes", ("likes",)),
    ("comments", ("comments",)),
    ("shares", ("shares",)),
    ("follows", ("new followers",)),  # the 2026 Overview's daily new followers
)
FOLLOWER_METRICS = (
    ("followers", ("followers", "total followers")),
    ("follows", ("difference in followers from previous day", "new followers")),
)


def read_overview(table: Table, tz: str) -> ImportResult:
    """One DailyValue per metric and day (platform ``tiktok``)."""
    return _read_daily(table, tz, OVERVIEW_METRICS)


def read_followers(table: Table, tz: str) -> ImportResult:
    """FollowerHistory: total followers per day and the difference from the day before."""
    return _read_daily(table, tz, FOLLOWER_METRICS)


def _read_daily(table: Table, tz: str, metrics) -> ImportResult:
    year, near = table.year, table.near
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    pending: list[tuple[Row, tuple[int, int], list[tuple[str, int | None]]]] = []
    present = [(metric, names) for metric, names in metrics
               if any(n in table.names for n in names)]

    def parse(row: Row, c: Cells) -> bool:
        month_day = c.parse(_month_day, "date")
        # Daily counts may be negative (comments deleted, followers lost).
        values = [(metric, c.int(*names, locale=table.locale, negative=True))
                  for metric, names in present]
        pending.append((row, month_day, values))
        return True

    run_rows(table, result, parse)
    if near is None and year is None:
        near = datetime.now(numbers.zone(tz)).date()
        result.warnings.append(
            f"tanggal TikTok tanpa tahun dan minggu laporan tidak diberikan; dipakai tahun "
            f"di sekitar {near.isoformat()}")
    days = _assign_years([md for _, md, _ in pending], year=year, near=near)
    for (row, _, values), day in zip(pending, days, strict=True):
        if day is None:
            result.skipped.append(Skipped(row.line, "29 Februari tidak ada di tahun itu"))
            continue
        for metric, value in values:
            result.daily.append(DailyValue("tiktok", metric, day, value, source=table.path,
                                           line=row.line))
    if near is None and len({d.year for d in days if d}) > 1:
        result.warnings.append("tanggal TikTok melewati pergantian tahun; tahun ditentukan dari "
                               "urutan baris")
    result.daily = dedupe_by(result.daily, lambda d: (d.metric, d.day), "tanggal",
                             result.warnings)
    return result


def _month_day(value: str) -> tuple[int, int]:
    try:  # a spreadsheet's date cell, or a file with years
        day = numbers.parse_iso_day(value)
    except ValueError:
        return numbers.parse_month_day(value)
    return day.month, day.day


def _assign_years(month_days: list[tuple[int, int]], *, year: int | None,
                  near: date | None) -> list[date | None]:
    if near is not None:
        out: list[date | None] = []
        for month, day in month_days:
            try:
                out.append(numbers.nearest_year(month, day, near))
            except ValueError:
                out.append(None)
        return out
    assert year is not None
    # Relative year per row: +1 whenever the sequence steps back by more than ~6 months.
    offsets, offset, previous = [], 0, None
    for month, day in month_days:
        ordinal = month * 31 + day
        if previous is not None and previous - ordinal > 6 * 31:
            offset += 1
        offsets.append(offset)
        previous = ordinal
    out = []
    for (month, day), off in zip(month_days, offsets, strict=True):
        try:
            out.append(date(year - (offset - off), month, day))
        except ValueError:
            out.append(None)
    return out


_VIDEO_ID = re.compile(r"/video/(\d+)")


def _post_time(text: str, tz: str) -> tuple[datetime, bool]:
    try:
        return numbers.parse_meta_time(text, tz), True
    except ValueError:
        pass
    return numbers.parse_day_or_time(text, tz)


def read_content(table: Table, tz: str) -> ImportResult:
    """Per-video content export (not confirmed by the reference: columns read by name)."""
    result = post_result(table)
    result.warnings.append("format ekspor konten TikTok belum terkonfirmasi; periksa angkanya")
    loc = table.locale

    def parse(row: Row, c: Cells) -> bool:
        link = c.need("video link")
        m = _VIDEO_ID.search(link)
        if not m:
            raise RowError(f"kolom “Video link”: tidak berisi /video/<id>: “{link}”")
        published, known = c.parse(lambda v: _post_time(v, tz), "post time")
        result.posts.append(Post(
            platform="tiktok", post_id=m[1], published_at=published, permalink=link,
            post_type="video", caption=c.text("video title"),
            views=c.int("total views", "video views", "views", locale=loc),
            likes=c.int("total likes", "likes", locale=loc),
            comments=c.int("total comments", "comments", locale=loc),
            shares=c.int("total shares", "shares", locale=loc),
            saves=c.int("add to favorites", "total favorites", "favorites", locale=loc),
            source=table.path, line=row.line, time_known=known,
        ))
        return True

    run_rows(table, result, parse)
    dedupe_posts(result)
    return result

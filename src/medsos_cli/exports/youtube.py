"""YouTube Studio's export zip: ``Table data.csv``, ``Chart data.csv`` and ``Totals.csv``.

The header comes in the UI language (English, or Indonesian ``Konten``, ``Penayangan``, ...);
the sniffer has translated it into the English names (headers.yaml). Careful with Indonesian:
there ``Tayangan`` means *impressions*, ``Penayangan`` *views* and ``Pembagian`` *shares*.
The number convention (``1.234`` / ``4,52`` in Indonesian) is decided for the whole file.

- *Table data*: one post per video; the second row is a ``Total`` aggregate, not a video: it
  is left out and not counted. A publish cell holding only a date gives ``time_known = False``.
- *Chart data*: one row per day and video; the views of each day are summed into one daily
  value (``views``) of the channel.
- *Totals*: ``Date,Views`` for the channel, one daily value per day.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from medsos_cli.exports import numbers
from medsos_cli.exports.common import (
    Cells,
    daily_values,
    dedupe_posts,
    post_result,
    run_rows,
)
from medsos_cli.exports.model import DailyValue, ImportResult, Post
from medsos_cli.exports.sniff import Row, Table

COLUMNS = {
    "id": ("content",), "title": ("video title",), "time": ("video publish time",),
    "views": ("views",), "impressions": ("impressions", "thumbnail impressions"),
    "likes": ("likes",), "comments": ("comments added", "comments"), "shares": ("shares",),
}


def read_table(table: Table, tz: str) -> ImportResult:
    """One post per video row; the ``Total`` row skipped."""
    names = COLUMNS
    loc = table.locale
    result = post_result(table)
    dates_only = [0]

    def parse(row: Row, c: Cells) -> bool:
        video_id = c.text(*names["id"])  # ids starting with "-" come with a leading space
        if video_id.lower() in ("total", "jumlah") and not c.text(*names["title"]):
            return False
        if not video_id:
            c.need(*names["id"])  # raises: a video row needs its id
        published, time_known = c.parse(
            lambda v: numbers.parse_day_or_time(v, tz, locale="id"), *names["time"])
        result.posts.append(Post(
            platform="youtube", post_id=video_id, published_at=published,
            permalink=f"https://www.youtube.com/watch?v={video_id}", post_type="video",
            title=c.text(*names["title"]),
            views=c.int(*names["views"], locale=loc),
            impressions=c.int(*names["impressions"], locale=loc),
            likes=c.int(*names["likes"], locale=loc),
            comments=c.int(*names["comments"], locale=loc),
            shares=c.int(*names["shares"], locale=loc),
            source=table.path, line=row.line, time_known=time_known,
        ))
        if not time_known:
            dates_only[0] += 1
        return True

    run_rows(table, result, parse)
    if dates_only[0]:
        result.warnings.append(
            f"{dates_only[0]} video hanya bertanggal tanpa jam; video itu tidak masuk kisi "
            "hari × jam")
    dedupe_posts(result)
    return result


def _day(value: str) -> date:
    try:
        return numbers.parse_iso_day(value)
    except ValueError:
        return numbers.parse_id_date(value)


def read_chart(table: Table, tz: str) -> ImportResult:
    """Chart data: views per day and video, summed per day for the channel."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    per_day: dict[date, int] = defaultdict(int)
    first_line: dict[date, int] = {}

    def parse(row: Row, c: Cells) -> bool:
        day = c.parse(_day, "date")
        views = c.int("views", locale=table.locale)
        if views is not None:
            per_day[day] += views
            first_line.setdefault(day, row.line)
        return True

    run_rows(table, result, parse)
    result.daily = [DailyValue("youtube", "views", day, per_day[day], source=table.path,
                               line=first_line[day]) for day in sorted(per_day)]
    return result


def read_totals(table: Table, tz: str) -> ImportResult:
    """Totals: ``Date,Views`` of the channel."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))

    return daily_values(table, result, "youtube", "views", _day, "views")

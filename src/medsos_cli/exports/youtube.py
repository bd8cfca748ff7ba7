"""YouTube Studio ``Table data.csv`` (English) and ``Data tabel.csv`` (Indonesian interface).

The second row is a ``Total`` aggregate and is not a video: it is left out and not counted.
Careful with the Indonesian headers: there ``Tayangan`` means *impressions* and
``Penayangan`` means *views*. Indonesian numbers use ``.`` for thousands and ``,`` for decimals.
A publish cell holding only a date gives ``time_known = False`` (local midnight).
"""

from __future__ import annotations

from medsos_cli.exports import numbers
from medsos_cli.exports.common import Cells, dedupe_posts, run_rows
from medsos_cli.exports.model import ImportResult, Post
from medsos_cli.exports.sniff import Row, Table

COLUMNS = {
    "en": {
        "id": ("content",), "title": ("video title",), "time": ("video publish time",),
        "views": ("views",), "impressions": ("impressions", "thumbnail impressions"),
        "likes": ("likes",), "comments": ("comments added", "comments"), "shares": ("shares",),
    },
    "id": {
        "id": ("konten",), "title": ("judul video",), "time": ("waktu publikasi video",),
        "views": ("penayangan",), "impressions": ("tayangan", "tayangan thumbnail"),
        "likes": ("suka", "jumlah suka"),
        "comments": ("komentar yang ditambahkan", "komentar ditambahkan", "komentar"),
        "shares": ("berbagi", "dibagikan", "bagikan"),
    },
}


def read_table(table: Table, tz: str) -> ImportResult:
    """One post per video row; the ``Total`` row skipped."""
    locale = "id" if table.format == "youtube_table_id" else "en"
    names = COLUMNS[locale]
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    dates_only = [0]

    def parse(row: Row, c: Cells) -> bool:
        video_id = c.text(*names["id"])  # ids starting with "-" come with a leading space
        if video_id.lower() in ("total", "jumlah") and not c.text(*names["title"]):
            return False
        if not video_id:
            c.need(*names["id"])  # raises: a video row needs its id
        published, time_known = c.parse(
            lambda v: numbers.parse_day_or_time(v, tz, locale=locale), *names["time"])
        result.posts.append(Post(
            platform="youtube", post_id=video_id, published_at=published,
            permalink=f"https://www.youtube.com/watch?v={video_id}", post_type="video",
            title=c.text(*names["title"]),
            views=c.int(*names["views"], locale=locale),
            impressions=c.int(*names["impressions"], locale=locale),
            likes=c.int(*names["likes"], locale=locale),
            comments=c.int(*names["comments"], locale=locale),
            shares=c.int(*names["shares"], locale=locale),
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


"""Meta Business Suite exports: Facebook posts, Instagram content, per-metric daily files.

``Publish time`` has no zone in the file. Meta writes it in the time zone of the Page or
business account (not documented; reference §12); medsos reads it as wall-clock time in the
configured zone (``tz``, default Asia/Jakarta), which is right whenever the Page is set to the
same zone as the report.
"""

from __future__ import annotations

import re
from functools import partial

from medsos_cli.exports import numbers
from medsos_cli.exports.common import Cells, dedupe_by, dedupe_posts, run_rows
from medsos_cli.exports.model import DailyValue, ImportResult, Post
from medsos_cli.exports.sniff import Row, Table

POST_TYPES = {
    "photos": "foto", "photo": "foto", "ig image": "foto", "image": "foto",
    "videos": "video", "video": "video", "ig video": "video", "live": "video",
    "live video": "video",
    "reels": "reel", "reel": "reel", "ig reel": "reel",
    "links": "tautan", "link": "tautan",
    "text": "teks", "status": "teks", "statuses": "teks",
    "albums": "carousel", "album": "carousel", "ig carousel": "carousel", "carousel": "carousel",
    "ig story": "story", "story": "story", "stories": "story",
}


def _post_type(raw: str, unknown: set[str]) -> str | None:
    key = " ".join(raw.lower().split())
    if not key:
        return None
    if key in POST_TYPES:
        return POST_TYPES[key]
    unknown.add(raw.strip())
    return key


def read_facebook_posts(table: Table, tz: str) -> ImportResult:
    """Facebook Page posts (32–34 drifting columns, matched by name)."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    unknown_types: set[str] = set()
    mismatched: list[int] = []

    def parse(row: Row, c: Cells) -> bool:
        post_id = c.need("post id")
        published = c.parse(partial(numbers.parse_meta_time, tz=tz), "publish time")
        title, description = c.text("title"), c.text("description")
        # The caption sits in Title for most posts and in Description for others (reference §2).
        caption = description if len(description) > len(title) else title
        likes = c.int("reactions")
        comments, shares = c.int("comments"), c.int("shares")
        total = c.int("reactions, comments and shares")
        if None not in (total, likes, comments, shares) and total != likes + comments + shares:
            mismatched.append(row.line)
        result.posts.append(Post(
            platform="facebook", post_id=post_id, published_at=published,
            account=c.text("page name"), permalink=c.text("permalink") or None,
            post_type=_post_type(c.text("post type"), unknown_types), caption=caption,
            reach=c.int("reach"), views=c.int("views"), impressions=c.int("impressions"),
            likes=likes, comments=comments, shares=shares,
            source=table.path, line=row.line,
        ))
        return True

    run_rows(table, result, parse)
    _type_warning(result, unknown_types)
    if mismatched:
        lines = ", ".join(str(n) for n in mismatched[:5])
        result.warnings.append(
            f"“Reactions, Comments and Shares” tidak sama dengan jumlah Reactions + Comments + "
            f"Shares di {len(mismatched)} baris ({lines}); yang dipakai kolom terpisahnya")
    _views_note(table, result)
    dedupe_posts(result)
    return result


def read_instagram_posts(table: Table, tz: str) -> ImportResult:
    """Instagram content export (18 columns; also the stories export)."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    unknown_types: set[str] = set()

    def parse(row: Row, c: Cells) -> bool:
        post_id = c.need("post id")
        published = c.parse(partial(numbers.parse_meta_time, tz=tz), "publish time")
        username = c.text("account username")
        result.posts.append(Post(
            platform="instagram", post_id=post_id, published_at=published,
            account=c.text("account name") or (f"@{username}" if username else ""),
            permalink=c.text("permalink") or None,
            post_type=_post_type(c.text("post type"), unknown_types),
            caption=c.text("description"),
            reach=c.int("reach"), views=c.int("views"), impressions=c.int("impressions"),
            likes=c.int("likes"), comments=c.int("comments"), shares=c.int("shares"),
            saves=c.int("saves"), source=table.path, line=row.line,
        ))
        return True

    run_rows(table, result, parse)
    _type_warning(result, unknown_types)
    _views_note(table, result)
    dedupe_posts(result)
    return result


def _type_warning(result: ImportResult, unknown: set[str]) -> None:
    if unknown:
        result.warnings.append("jenis unggahan tidak dikenal, ditulis apa adanya: "
                               + ", ".join(sorted(unknown)))


def _views_note(table: Table, result: ImportResult) -> None:
    names = {" ".join(h.lower().split()) for h in table.header}
    if "impressions" in names and "views" not in names:
        result.warnings.append(
            "ekspor lama: kolom Impressions (sebelum Meta beralih ke Views); angkanya dicatat "
            "sebagai impressions dan tidak dibandingkan langsung dengan Views")


# Metric-name line of a daily file → (platform or None, metric).
_DAILY_METRICS = {
    "follows": "follows", "new follows": "follows", "followers": "follows",
    "views": "views", "reach": "reach", "viewers": "viewers",
    "content interactions": "interactions", "interactions": "interactions",
    "visits": "visits", "page visits": "visits", "link clicks": "link_clicks",
    "profile visits": "profile_visits", "accounts reached": "reach",
    "accounts engaged": "accounts_engaged", "profile activity": "profile_activity",
}
_INSTAGRAM_ONLY = {"profile_visits", "accounts_engaged", "profile_activity"}


def daily_metric(name: str | None) -> tuple[str | None, str]:
    """``"Facebook follows"`` → ``("facebook", "follows")``; platform ``None`` when unnamed."""
    words = " ".join((name or "").lower().split())
    platform = None
    for prefix, plat in (("facebook ", "facebook"), ("instagram ", "instagram"),
                         ("fb ", "facebook"), ("ig ", "instagram")):
        if words.startswith(prefix):
            platform, words = plat, words[len(prefix):]
            break
    metric = _DAILY_METRICS.get(words) or re.sub(r"\W+", "_", words).strip("_") or "primary"
    return platform, metric


def read_daily(table: Table, tz: str) -> ImportResult:
    """A per-metric daily file: ``sep=,``, metric-name line, ``"Date","Primary"``."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    platform, metric = daily_metric(table.metric_name)
    if table.metric_name is None:
        result.warnings.append("baris nama metrik tidak ada; metrik dicatat sebagai “primary”")
    if platform is None:
        platform = "instagram" if metric in _INSTAGRAM_ONLY else "facebook"
        result.warnings.append(
            f"nama metrik “{table.metric_name or ''}” tidak menyebut platform; dianggap "
            f"{platform.capitalize()}")

    def parse(row: Row, c: Cells) -> bool:
        day = c.parse(numbers.parse_iso_day, "date")
        result.daily.append(DailyValue(platform, metric, day, c.int("primary"),
                                       source=table.path, line=row.line))
        return True

    run_rows(table, result, parse)
    result.daily = dedupe_by(result.daily, lambda d: (d.metric, d.day), "tanggal",
                             result.warnings)
    return result

"""X exports: the legacy ``tweet_activity_metrics`` and the current account-analytics content.

Mapping (each figure keeps X's meaning): impressions → ``impressions``, X's own engagements →
``engagements``, likes (``favorites`` in very old files) → ``likes``, replies → ``comments``,
retweets/reposts → ``shares``, bookmarks → ``saves``. Replies to citizens (text starting with
``@``) get ``post_type = "balasan"``; other posts have no type (X does not export it).
"""

from __future__ import annotations

import html
import re

from medsos_cli.exports import numbers
from medsos_cli.exports.common import Cells, dedupe_posts, local_date, run_rows
from medsos_cli.exports.model import ImportResult, Post
from medsos_cli.exports.sniff import Row, Table

_HANDLE = re.compile(r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/status/")


def _account(link: str) -> str:
    m = _HANDLE.match(link)
    return f"@{m[1]}" if m else ""


def _type(text: str) -> str | None:
    return "balasan" if text.lstrip().startswith("@") else None


def read_tweet_activity(table: Table, tz: str) -> ImportResult:
    """Legacy analytics.twitter.com export (40 columns, ``3423.0`` counts, UTC times)."""
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))

    def parse(row: Row, c: Cells) -> bool:
        post_id = c.need("tweet id")
        published = c.parse(numbers.parse_x_legacy_time, "time")
        text = html.unescape(c.text("tweet text"))
        link = c.text("tweet permalink")
        result.posts.append(Post(
            platform="x", post_id=post_id, published_at=published, account=_account(link),
            permalink=link or None, post_type=_type(text), caption=text,
            impressions=c.int("impressions"), engagements=c.int("engagements"),
            likes=c.int("likes", "favorites"), comments=c.int("replies"),
            shares=c.int("retweets"), source=table.path, line=row.line,
        ))
        return True

    run_rows(table, result, parse)
    dedupe_posts(result)
    return result


def read_account_analytics(table: Table, tz: str) -> ImportResult:
    """Current X content export (``Post id``, ``Date`` like ``Mon, Jan 6, 2025``).

    The file gives only the date. The exact time is recovered from the Snowflake post id
    when it agrees with that date (within a day, since the file's zone is not stated);
    otherwise ``published_at`` is local midnight and ``time_known`` is False.
    """
    result = ImportResult(table.path, table.format, warnings=list(table.warnings))
    unknown_time: list[int] = []

    def parse(row: Row, c: Cells) -> bool:
        post_id = c.need("post id")
        day = c.parse(numbers.parse_en_date, "date")
        moment = numbers.snowflake_time(post_id)
        time_known = moment is not None and abs((local_date(moment, tz) - day).days) <= 1
        if not time_known:
            moment = numbers.parse_log_time(day.isoformat(), tz)
        text = html.unescape(c.text("post text"))
        link = c.text("post link")
        result.posts.append(Post(
            platform="x", post_id=post_id, published_at=moment, account=_account(link),
            permalink=link or None, post_type=_type(text), caption=text,
            impressions=c.int("impressions"), engagements=c.int("engagements"),
            likes=c.int("likes"), comments=c.int("replies"), shares=c.int("reposts"),
            saves=c.int("bookmarks"), source=table.path, line=row.line, time_known=time_known,
        ))
        if not time_known:
            unknown_time.append(row.line)
        return True

    run_rows(table, result, parse)
    if unknown_time:
        lines = ", ".join(str(n) for n in unknown_time[:5])
        result.warnings.append(
            f"jam unggah {len(unknown_time)} unggahan tidak bisa dipulihkan dari ID-nya "
            f"(baris {lines}); unggahan itu tidak masuk kisi hari × jam")
    dedupe_posts(result)
    return result


__all__ = ["read_account_analytics", "read_tweet_activity"]

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
from medsos_cli.exports.common import (
    Layout,
    count,
    dedupe_posts,
    digits,
    local_date,
    need,
    parsed,
    post_result,
    run_each,
    text,
)
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
    result = post_result(table)
    layout = Layout(table.header, ("tweet id",), ("time",), ("tweet text",),
                    ("tweet permalink",), ("impressions",), ("engagements",),
                    ("likes", "favorites"), ("replies",), ("retweets",), names=table.names)
    l_id, l_time, _, _, l_impressions, l_engagements, l_likes, l_replies, l_retweets = (
        layout.labels)
    values, path, posts = layout.values, table.path, result.posts
    loc = table.locale

    def parse(row: Row) -> None:
        (v_id, v_time, v_text, v_link, v_impressions, v_engagements, v_likes, v_replies,
         v_retweets) = values(row.cells)
        post_id = digits(need(v_id, l_id), l_id)
        published = parsed(numbers.parse_x_legacy_time, v_time, l_time)
        caption = html.unescape(text(v_text))
        link = text(v_link)
        posts.append(Post(
            platform="x", post_id=post_id, published_at=published, account=_account(link),
            permalink=link or None, post_type=_type(caption), caption=caption,
            impressions=count(v_impressions, l_impressions, loc),
            engagements=count(v_engagements, l_engagements, loc),
            likes=count(v_likes, l_likes, loc), comments=count(v_replies, l_replies, loc),
            shares=count(v_retweets, l_retweets, loc), source=path, line=row.line,
        ))

    run_each(table, result, parse)
    dedupe_posts(result)
    return result


def read_account_analytics(table: Table, tz: str) -> ImportResult:
    """Current X content export (``Post id``, ``Date`` like ``Mon, Jan 6, 2025``).

    The file gives only the date. The exact time is recovered from the Snowflake post id
    when it agrees with that date (within a day, since the file's zone is not stated);
    otherwise ``published_at`` is local midnight and ``time_known`` is False.
    """
    result = post_result(table)
    unknown_time: list[int] = []
    layout = Layout(table.header, ("post id",), ("date",), ("post text",), ("post link",),
                    ("impressions",), ("engagements",), ("likes",), ("replies",),
                    ("reposts",), ("bookmarks",), names=table.names)
    (l_id, l_date, _, _, l_impressions, l_engagements, l_likes, l_replies, l_reposts,
     l_bookmarks) = layout.labels
    values, path, posts = layout.values, table.path, result.posts
    loc = table.locale

    def parse(row: Row) -> None:
        (v_id, v_date, v_text, v_link, v_impressions, v_engagements, v_likes, v_replies,
         v_reposts, v_bookmarks) = values(row.cells)
        post_id = digits(need(v_id, l_id), l_id)
        day = parsed(numbers.parse_en_date, v_date, l_date)
        moment = numbers.snowflake_time(post_id)
        time_known = moment is not None and abs((local_date(moment, tz) - day).days) <= 1
        if not time_known:
            moment = numbers.parse_log_time(day.isoformat(), tz)
        caption = html.unescape(text(v_text))
        link = text(v_link)
        posts.append(Post(
            platform="x", post_id=post_id, published_at=moment, account=_account(link),
            permalink=link or None, post_type=_type(caption), caption=caption,
            impressions=count(v_impressions, l_impressions, loc),
            engagements=count(v_engagements, l_engagements, loc),
            likes=count(v_likes, l_likes, loc),
            comments=count(v_replies, l_replies, loc), shares=count(v_reposts, l_reposts, loc),
            saves=count(v_bookmarks, l_bookmarks, loc), source=path, line=row.line,
            time_known=time_known,
        ))
        if not time_known:
            unknown_time.append(row.line)

    run_each(table, result, parse)
    if unknown_time:
        lines = ", ".join(str(n) for n in unknown_time[:5])
        result.warnings.append(
            f"jam unggah {len(unknown_time)} unggahan tidak bisa dipulihkan dari ID-nya "
            f"(baris {lines}); unggahan itu tidak masuk kisi hari × jam")
    dedupe_posts(result)
    return result


__all__ = ["read_account_analytics", "read_tweet_activity"]

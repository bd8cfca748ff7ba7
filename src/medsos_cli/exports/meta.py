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
from medsos_cli.exports.common import (
    Layout,
    count,
    daily_values,
    dedupe_posts,
    digits,
    need,
    parsed,
    post_result,
    run_each,
    text,
)
from medsos_cli.exports.formats import registry
from medsos_cli.exports.model import ImportResult, Post
from medsos_cli.exports.sniff import Row, Table

# Post types as written in English and Indonesian UIs (headers.yaml: values.post_type).
POST_TYPES: dict[str, str] = registry().values["post_type"]  # type: ignore[assignment]


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
    result = post_result(table)
    unknown_types: set[str] = set()
    mismatched: list[int] = []
    layout = Layout(table.header, ("post id",), ("publish time",), ("title",), ("description",),
                    ("reactions",), ("comments",), ("shares",),
                    ("reactions, comments and shares",), ("page name",), ("permalink",),
                    ("post type",), ("reach",), ("views",), ("impressions",),
                    names=table.names)
    (l_id, l_time, _, _, l_likes, l_comments, l_shares, l_total, _, _, _, l_reach, l_views,
     l_impressions) = layout.labels
    values, path, posts = layout.values, table.path, result.posts
    when = partial(numbers.parse_meta_time, tz=tz, day_first=table.day_first)
    loc = table.locale

    def parse(row: Row) -> None:
        (v_id, v_time, v_title, v_description, v_likes, v_comments, v_shares, v_total, v_page,
         v_link, v_type, v_reach, v_views, v_impressions) = values(row.cells)
        # The same steps, in the same order, as reading by column name (errors and warnings).
        post_id = digits(need(v_id, l_id), l_id)
        published = parsed(when, v_time, l_time)
        title, description = text(v_title), text(v_description)
        # The caption sits in Title for most posts and in Description for others (reference §2).
        caption = description if len(description) > len(title) else title
        likes = count(v_likes, l_likes, loc)
        comments, shares = count(v_comments, l_comments, loc), count(v_shares, l_shares, loc)
        total = count(v_total, l_total, loc)
        if (total is not None and likes is not None and comments is not None
                and shares is not None and total != likes + comments + shares):
            mismatched.append(row.line)
        account = text(v_page)
        permalink = text(v_link) or None
        post_type = _post_type(text(v_type), unknown_types)
        posts.append(Post(
            platform="facebook", post_id=post_id, published_at=published,
            account=account, permalink=permalink, post_type=post_type, caption=caption,
            reach=count(v_reach, l_reach, loc), views=count(v_views, l_views, loc),
            impressions=count(v_impressions, l_impressions, loc),
            likes=likes, comments=comments, shares=shares, source=path, line=row.line,
        ))

    run_each(table, result, parse)
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
    result = post_result(table)
    unknown_types: set[str] = set()
    layout = Layout(table.header, ("post id",), ("publish time",), ("account username",),
                    ("account name",), ("permalink",), ("post type",), ("description",),
                    ("reach",), ("views",), ("impressions",), ("likes",), ("comments",),
                    ("shares",), ("saves",), names=table.names)
    (l_id, l_time, _, _, _, _, _, l_reach, l_views, l_impressions, l_likes, l_comments,
     l_shares, l_saves) = layout.labels
    values, path, posts = layout.values, table.path, result.posts
    when = partial(numbers.parse_meta_time, tz=tz, day_first=table.day_first)
    loc = table.locale

    def parse(row: Row) -> None:
        (v_id, v_time, v_username, v_name, v_link, v_type, v_description, v_reach, v_views,
         v_impressions, v_likes, v_comments, v_shares, v_saves) = values(row.cells)
        post_id = digits(need(v_id, l_id), l_id)
        published = parsed(when, v_time, l_time)
        username = text(v_username)
        account = text(v_name) or (f"@{username}" if username else "")
        permalink = text(v_link) or None
        post_type = _post_type(text(v_type), unknown_types)
        posts.append(Post(
            platform="instagram", post_id=post_id, published_at=published,
            account=account, permalink=permalink, post_type=post_type,
            caption=text(v_description),
            reach=count(v_reach, l_reach, loc), views=count(v_views, l_views, loc),
            impressions=count(v_impressions, l_impressions, loc),
            likes=count(v_likes, l_likes, loc),
            comments=count(v_comments, l_comments, loc), shares=count(v_shares, l_shares, loc),
            saves=count(v_saves, l_saves, loc), source=path, line=row.line,
        ))

    run_each(table, result, parse)
    _type_warning(result, unknown_types)
    _views_note(table, result)
    dedupe_posts(result)
    return result


def _type_warning(result: ImportResult, unknown: set[str]) -> None:
    if unknown:
        result.warnings.append("jenis unggahan tidak dikenal, ditulis apa adanya: "
                               + ", ".join(sorted(unknown)))


def _views_note(table: Table, result: ImportResult) -> None:
    names = set(table.names)
    if "impressions" in names and "views" not in names:
        result.warnings.append(
            "ekspor lama: kolom Impressions (sebelum Meta beralih ke Views); angkanya dicatat "
            "sebagai impressions dan tidak dibandingkan langsung dengan Views")


# Metric-name line of a daily file → (platform or None, metric).
_DAILY_METRICS: dict[str, str] = registry().values["daily_metric"]  # type: ignore[assignment]
_INSTAGRAM_ONLY = {"profile_visits", "accounts_engaged", "profile_activity"}


def daily_metric(name: str | None) -> tuple[str | None, str]:
    """``"Facebook follows"`` → ``("facebook", "follows")``; platform ``None`` when unnamed."""
    words = " ".join((name or "").lower().split())
    platform = None
    # English puts the platform first ("Facebook follows"), Indonesian last
    # ("Pengikut Instagram").
    for word, plat in (("facebook", "facebook"), ("instagram", "instagram"),
                       ("fb", "facebook"), ("ig", "instagram")):
        if words.startswith(word + " "):
            platform, words = plat, words[len(word) + 1:]
            break
        if words.endswith(" " + word):
            platform, words = plat, words[: -len(word) - 1]
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

    return daily_values(table, result, platform, metric, numbers.parse_iso_day, "primary",
                        negative=True)  # Meta's follower files give the net change

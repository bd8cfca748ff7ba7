"""The bundled example exports (examples/exports/): read cleanly, with hand-checked totals.

The numbers below were added up by hand from the CSV files; the weekly report's own tests
build on the same figures.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from medsos_cli.exports import read_exports

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "exports"
WIB = ZoneInfo("Asia/Jakarta")
W46 = (date(2026, 11, 9), date(2026, 11, 15))
W47 = (date(2026, 11, 16), date(2026, 11, 22))


@pytest.fixture(scope="module")
def results():
    return {Path(r.path).name: r for r in read_exports([str(EXAMPLES)], near=W47[0])}


def _in(day: date, week) -> bool:
    return week[0] <= day <= week[1]


def _posts(results, platform, week, account=None):
    return [p for r in results.values() for p in r.posts
            if p.platform == platform and _in(p.published_at.astimezone(WIB).date(), week)
            and (account is None or p.account == account)]


def _sum(items, field):
    values = [getattr(i, field) for i in items if getattr(i, field) is not None]
    return sum(values)


def test_every_example_file_reads_without_skips(results):
    formats = {name: r.format for name, r in results.items()}
    assert {k: v for k, v in formats.items() if k not in ("komentar.csv", "aduan.csv")} == {
        "facebook-follows.csv": "meta_daily",
        "facebook-posts.csv": "meta_facebook_posts",
        "instagram-posts.csv": "meta_instagram_posts",
        "tiktok-overview.csv": "tiktok_overview",
        "x-konten.csv": "x_account_analytics",
        "x-tweet-activity.csv": "x_tweet_activity",
        "youtube-table-data.csv": "youtube_table",
    }
    for name, r in results.items():
        if name not in ("komentar.csv", "aduan.csv"):  # written by the comments helper
            assert r.skipped == []
    assert results["facebook-posts.csv"].warnings == []
    assert results["youtube-table-data.csv"].warnings == [
        "4 video hanya bertanggal tanpa jam; video itu tidak masuk kisi hari × jam"]


@pytest.mark.parametrize(("week", "expected"), [
    (W47, {"posts": 6, "reach": 12200, "views": 21900, "likes": 805, "comments": 88,
           "shares": 79}),
    (W46, {"posts": 4, "reach": 8700, "views": 13200, "likes": 520, "comments": 43,
           "shares": 42}),
])
def test_facebook_week_totals(results, week, expected):
    posts = _posts(results, "facebook", week)
    got = {"posts": len(posts)} | {f: _sum(posts, f) for f in expected if f != "posts"}
    assert got == expected
    if week == W47:
        assert [p.post_id for p in posts if p.reach is None] == ["1000700000000114"]


@pytest.mark.parametrize(("week", "expected"), [
    (W47, {"posts": 5, "reach": 16300, "views": 25500, "likes": 1280, "comments": 68,
           "shares": 83, "saves": 117}),
    (W46, {"posts": 3, "reach": 11400, "views": 17700, "likes": 910, "comments": 45,
           "shares": 57, "saves": 80}),
])
def test_instagram_week_totals(results, week, expected):
    posts = _posts(results, "instagram", week)
    got = {"posts": len(posts)} | {f: _sum(posts, f) for f in expected if f != "posts"}
    assert got == expected


@pytest.mark.parametrize(("account", "week", "expected"), [
    ("@kominfo_contoh", W47, (5, 11800, 334, 124)),
    ("@kominfo_contoh", W46, (3, 7800, 211, 85)),
    ("@ppid_kotacontoh", W47, (2, 2000, 53, 17)),
    ("@ppid_kotacontoh", W46, (1, 900, 23, 8)),
])
def test_x_week_totals_per_account(results, account, week, expected):
    posts = _posts(results, "x", week, account)
    assert (len(posts), _sum(posts, "impressions"), _sum(posts, "engagements"),
            _sum(posts, "likes")) == expected
    assert all(p.time_known for p in posts)


def test_youtube_week_totals(results):
    w47 = _posts(results, "youtube", W47)
    assert [p.post_id for p in w47] == ["-Rp7TqW2zA8", "Lm4Nb8Vc1Xz"]
    assert (_sum(w47, "views"), _sum(w47, "impressions"), _sum(w47, "likes"),
            _sum(w47, "comments"), _sum(w47, "shares")) == (2150, 31500, 90, 11, 11)
    assert [p.views for p in _posts(results, "youtube", W46)] == [1900]


@pytest.mark.parametrize(("week", "expected"), [
    (W47, {"views": 18300, "profile_views": 487, "likes": 2145, "comments": 145,
           "shares": 118}),
    (W46, {"views": 13800, "profile_views": 380, "likes": 1605, "comments": 107,
           "shares": 83}),
])
def test_tiktok_week_totals(results, week, expected):
    daily = [d for d in results["tiktok-overview.csv"].daily if _in(d.day, week)]
    got = {m: sum(d.value for d in daily if d.metric == m) for m in expected}
    assert got == expected
    assert len({d.day for d in daily}) == 7


def test_facebook_follows(results):
    daily = results["facebook-follows.csv"].daily
    assert sum(d.value for d in daily if _in(d.day, W47)) == 57
    assert sum(d.value for d in daily if _in(d.day, W46)) == 42


def test_one_day_of_w47_without_any_post_and_rows_outside_both_weeks(results):
    posts = [p for r in results.values() for p in r.posts]
    days = {p.published_at.astimezone(WIB).date() for p in posts}
    week = [W47[0] + timedelta(days=i) for i in range(7)]
    assert [d for d in week if d not in days] == [date(2026, 11, 21)]
    outside = sorted(p.published_at.astimezone(WIB).date() for p in posts
                     if not (_in(p.published_at.astimezone(WIB).date(), W46)
                             or _in(p.published_at.astimezone(WIB).date(), W47)))
    assert outside == [date(2026, 11, 3), date(2026, 11, 6), date(2026, 11, 6),
                       date(2026, 11, 23), date(2026, 11, 23)]

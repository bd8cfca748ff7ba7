"""Weekly figures: duplicates, ratio-of-sums rates with unknowns left out, rankings, grid."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from medsos_cli.exports.model import DailyValue, ImportResult, Post
from medsos_cli.weekly.metrics import (
    compute,
    dedupe_daily,
    dedupe_posts,
    followers_change,
    place_posts,
    rate_formula,
)
from medsos_cli.weekly.model import AccountKey, AccountWeek, PlatformWeek, Posting, encode
from medsos_cli.weekly.week import Week

W47 = Week(2026, 47)  # Monday 2026-11-16 .. Sunday 2026-11-22
WIB = timezone(timedelta(hours=7))
TZ = "Asia/Jakarta"


def at(day: int, hour: int = 9, minute: int = 0, month: int = 11) -> datetime:
    """A WIB time in November 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def fb(post_id: str, when: datetime, reach, likes, comments, shares, **kw) -> Post:
    kw.setdefault("source", "fb.csv")
    kw.setdefault("account", "Kota Contoh")
    return Post("facebook", post_id, when, reach=reach, likes=likes, comments=comments,
                shares=shares, **kw)


def run(posts, daily=(), week=W47):
    """The figures as the contract's JSON objects (accounts keyed by ``AccountKey``), which
    these tests check; compute builds the report's typed parts."""
    rows, outside, undated = place_posts(posts, week, TZ, "(akun)")
    platforms, accounts, posting = compute(rows, list(daily), week, TZ, "(akun)")
    assert all(isinstance(v, PlatformWeek) for v in platforms.values())
    assert all(isinstance(v, AccountWeek) for v in accounts.values())
    assert isinstance(posting, Posting)
    return encode(platforms), {k: encode(v) for k, v in accounts.items()}, encode(posting)


# -- duplicates ------------------------------------------------------------------------------

def test_duplicate_post_across_files_keeps_the_later_snapshot_and_warns():
    old = fb("1", at(17), 1000, 50, 5, 2, source="oktober.csv")
    new = fb("1", at(17), 1400, 70, 6, 2, source="november.csv")
    first = ImportResult("november.csv", "meta_facebook_posts", posts=[new])
    second = ImportResult("oktober.csv", "meta_facebook_posts", posts=[old])
    kept = dedupe_posts([first, second])
    assert kept == [new]  # larger lifetime totals = later export, whatever the file order
    assert not first.warnings
    assert "juga ada di november.csv" in second.warnings[0]
    assert "dihitung sekali" in second.warnings[0]
    platforms, _, _ = run(kept)
    assert platforms["facebook"]["posts"] == 1
    assert platforms["facebook"]["reach"] == 1400


def test_equal_snapshots_keep_the_copy_read_last():
    a = fb("1", at(17), 1000, 50, 5, 2, source="a.csv")
    b = fb("1", at(17), 1000, 50, 5, 2, source="b.csv")
    ra = ImportResult("a.csv", "meta_facebook_posts", posts=[a])
    rb = ImportResult("b.csv", "meta_facebook_posts", posts=[b])
    assert dedupe_posts([ra, rb])[0] is b
    assert ra.warnings and not rb.warnings


def test_same_id_on_two_platforms_is_not_a_duplicate():
    a = fb("1", at(17), 1000, 50, 5, 2)
    b = Post("instagram", "1", at(17), reach=10, likes=1, comments=0, shares=0, saves=0)
    assert len(dedupe_posts([ImportResult("x.csv", "f", posts=[a, b])])) == 2


def test_daily_duplicates_keep_the_value_read_last():
    d1 = DailyValue("tiktok", "views", date(2026, 11, 16), 100)
    d2 = DailyValue("tiktok", "views", date(2026, 11, 16), 120)
    r1, r2 = ImportResult("a.csv", "tiktok_overview", daily=[d1]), ImportResult(
        "b.csv", "tiktok_overview", daily=[d2])
    assert dedupe_daily([r1, r2]) == [d2]
    assert r1.warnings and not r2.warnings


# -- rates -----------------------------------------------------------------------------------

def test_engagement_rate_is_a_ratio_of_sums_and_unknowns_stay_out():
    posts = [
        fb("1", at(16), 1000, 30, 5, 5),  # 40 / 1000
        fb("2", at(17), 3000, 50, 10, 0),  # 60 / 3000
        fb("3", at(18), None, 20, 1, 1),  # reach unknown: not in the rate, still in sums
        fb("4", at(19), 500, None, 2, 1),  # a blank reactions cell: numerator unknown
    ]
    f = run(posts)[0]["facebook"]
    assert f["posts"] == 4
    assert f["reach"] == 1000 + 3000 + 500
    assert f["likes"] == 30 + 50 + 20
    assert f["engagements"] == 40 + 60 + 22  # post 4 has no known numerator
    assert f["engagement_rate"] == round((40 + 60) / (1000 + 3000), 6)
    assert f["engagement_rate_basis"] == "reach"
    assert f["engagement_rate_formula"] == "(reaksi + komentar + bagikan) / jangkauan"
    assert f["impressions"] is None and f["saves"] is None


def test_a_column_the_export_lacks_is_left_out_of_the_numerator_and_named():
    # YouTube Table data exported without a Shares column: likes + comments / views.
    posts = [Post("youtube", "v1", at(17), views=2000, likes=80, comments=20, source="yt.csv",
                  time_known=False),
             Post("youtube", "v2", at(18), views=1000, likes=10, comments=0, source="yt.csv",
                  time_known=False)]
    y = run(posts)[0]["youtube"]
    assert y["engagements"] == 110
    assert y["engagement_rate"] == round(110 / 3000, 6)
    assert y["engagement_rate_basis"] == "views"
    assert y["engagement_rate_formula"] == ("(suka + komentar) / tayangan; bagikan tidak ada di "
                                            "ekspor")


def test_x_uses_its_own_engagements_over_impressions():
    posts = [Post("x", "1990000000000000001", at(17), impressions=3210, engagements=75,
                  likes=31, source="x.csv"),
             Post("x", "1990000000000000002", at(18), impressions=5120, engagements=124,
                  likes=40, source="x.csv")]
    x = run(posts)[0]["x"]
    assert x["engagement_rate"] == round((75 + 124) / (3210 + 5120), 6)
    assert x["engagement_rate_basis"] == "impressions"
    assert x["likes"] == 71 and x["engagements"] == 199


def test_formulas_per_platform():
    assert rate_formula("instagram") == "(suka + komentar + bagikan + simpan) / jangkauan"
    assert rate_formula("tiktok") == "(suka + komentar + bagikan) / tayangan video"
    assert rate_formula("x").endswith("/ impresi")
    assert rate_formula("threads") is None


# -- previous week and change ----------------------------------------------------------------

def test_previous_week_and_change_ratios():
    posts = [fb("1", at(17), 2000, 60, 10, 10), fb("0", at(10), 1000, 40, 5, 5)]
    f = run(posts)[0]["facebook"]
    assert f["previous"]["posts"] == 1 and f["previous"]["reach"] == 1000
    assert f["change"]["reach"] == 1.0
    assert f["change"]["engagement_rate"] == round((0.04 - 0.05) / 0.05, 6)
    assert f["change"]["saves"] is None  # unknown both weeks


def test_previous_is_null_when_nothing_is_known_of_it():
    f = run([fb("1", at(17), 2000, 60, 10, 10)])[0]["facebook"]
    assert f["previous"] is None
    assert set(f["change"].values()) == {None}


def test_platform_with_posts_only_last_week_reports_zero_posts():
    f = run([fb("0", at(10), 1000, 40, 5, 5)])[0]["facebook"]
    assert f["posts"] == 0 and f["reach"] is None and f["engagement_rate"] is None
    assert f["change"]["posts"] == -1.0


def test_posts_outside_both_weeks_are_not_counted():
    rows, outside, undated = place_posts(
        [fb("1", at(17), 1, 1, 1, 1), fb("2", at(1), 1, 1, 1, 1),
         fb("3", None, 1, 1, 1, 1)], W47, TZ, "")
    assert [r.post.post_id for r in rows] == ["1"]
    assert list(outside.values()) == [date(2026, 11, 1)]
    assert len(undated) == 1


def test_week_is_computed_in_the_configured_zone():
    # Sunday 22 Nov 23:30 WIB is Sunday in Jakarta but Monday 00:30 in Makassar (WITA).
    late = fb("1", at(22, 23, 30), 100, 1, 1, 1)
    rows, _, _ = place_posts([late], W47, "Asia/Jakarta", "")
    assert rows and rows[0].current
    rows, outside, _ = place_posts([late], W47, "Asia/Makassar", "")
    assert not rows and outside


# -- top and bottom posts, content mix ---------------------------------------------------------

def test_top_and_bottom_posts_with_ties():
    posts = [
        fb("a", at(16), 1000, 50, 0, 0, post_type="foto"),  # 0.05
        fb("b", at(16), 2000, 100, 0, 0, post_type="foto"),  # 0.05, more reach: first
        fb("c", at(17), 1000, 80, 0, 0, post_type="video"),  # 0.08
        fb("d", at(18), 1000, 10, 0, 0, post_type="tautan"),  # 0.01
        fb("e", at(18), 1000, 20, 0, 0, post_type="foto"),  # 0.02
        fb("f", at(19), 1000, 20, 0, 0, post_type="foto"),  # 0.02, same reach: by id
        fb("g", at(19), None, 20, 0, 0, post_type="foto"),  # unknown rate: in neither
    ]
    f = run(posts)[0]["facebook"]
    assert [p["id"] for p in f["top_posts"]] == ["c", "b", "a"]
    assert [p["id"] for p in f["bottom_posts"]] == ["d", "e", "f"]
    top = f["top_posts"][0]
    assert top["engagement_rate"] == 0.08 and top["engagements"] == 80
    assert top["published_at"] == "2026-11-17T09:00:00+07:00"
    assert f["content_mix"] == [
        {"type": "foto", "posts": 5, "engagement_rate": round((50 + 100 + 20 + 20) / 5000, 6)},
        {"type": "tautan", "posts": 1, "engagement_rate": 0.01},
        {"type": "video", "posts": 1, "engagement_rate": 0.08},
    ]


def test_bottom_list_does_not_repeat_top_posts():
    posts = [fb(str(i), at(16), 1000, 10 * i, 0, 0) for i in range(1, 5)]
    f = run(posts)[0]["facebook"]
    assert [p["id"] for p in f["top_posts"]] == ["4", "3", "2"]
    assert [p["id"] for p in f["bottom_posts"]] == ["1"]


def test_caption_excerpt_is_one_line_and_cut():
    long = "Baris satu\nbaris dua " + "kata " * 60
    f = run([fb("1", at(17), 100, 1, 1, 1, caption=long)])[0]["facebook"]
    caption = f["top_posts"][0]["caption"]
    assert "\n" not in caption and len(caption) == 120 and caption.endswith("…")


# -- daily, grid, days without posts ---------------------------------------------------------

def test_daily_series_grid_and_days_without_posts():
    posts = [fb("1", at(16, 8, 15), 1000, 1, 1, 1), fb("2", at(16, 19, 5), 500, 1, 1, 1),
             Post("x", "9", at(18, 0), impressions=300, engagements=3, source="x.csv",
                  time_known=False),  # date-only export: day counts, grid does not
             fb("3", at(20, 12), 200, 1, 1, 1)]
    platforms, _, posting = run(posts)
    daily = platforms["facebook"]["daily"]
    assert [d["date"] for d in daily][0] == "2026-11-16" and len(daily) == 7
    assert daily[0] == {"date": "2026-11-16", "posts": 2, "reach": 1500, "views": None,
                        "impressions": None}
    assert daily[1]["posts"] == 0 and daily[1]["reach"] == 0
    assert posting["posts"] == 4 and posting["posts_without_time"] == 1
    assert posting["grid"][0][8] == 1 and posting["grid"][0][19] == 1
    assert posting["grid"][4][12] == 1
    assert sum(map(sum, posting["grid"])) == 3
    assert posting["days_without_posts"] == ["2026-11-17", "2026-11-19", "2026-11-21",
                                             "2026-11-22"]
    assert platforms["x"]["top_posts"][0]["published_at"] == "2026-11-18"


def test_tiktok_from_its_overview_file():
    days = W47.days()
    daily = [DailyValue("tiktok", "views", d, 1000 * (i + 1)) for i, d in enumerate(days)]
    daily += [DailyValue("tiktok", "likes", d, 100) for d in days]
    daily += [DailyValue("tiktok", "comments", d, 10) for d in days]
    daily += [DailyValue("tiktok", "shares", d, None if i == 6 else 5)
              for i, d in enumerate(days)]
    platforms, _, posting = run([], daily)
    t = platforms["tiktok"]
    assert t["posts"] is None  # the overview does not list posts
    assert t["views"] == 28000
    assert t["likes"] == 700 and t["shares"] == 30
    # Sunday's shares are unknown: that day is out of the rate (numerator and basis).
    assert t["engagements"] == 6 * 115
    assert t["engagement_rate"] == round(6 * 115 / 21000, 6)
    assert [d["views"] for d in t["daily"]] == [1000 * (i + 1) for i in range(7)]
    assert t["daily"][0]["posts"] is None
    assert posting["days_without_posts"] == []  # no per-post export: not known


# -- followers -------------------------------------------------------------------------------

def test_followers_change_sums_daily_follows():
    days = W47.days()
    values = [DailyValue("facebook", "follows", d, 5) for d in days[:5]]
    values.append(DailyValue("facebook", "follows", days[5], None))
    assert followers_change(values, days) == 25
    values.append(DailyValue("facebook", "unfollows", days[0], 3))
    assert followers_change(values, days) == 22
    assert followers_change([], days) is None


def test_followers_change_from_cumulative_totals():
    days = W47.days()
    values = [DailyValue("tiktok", "followers", days[0] - timedelta(days=1), 1000),
              DailyValue("tiktok", "followers", days[3], 1010),
              DailyValue("tiktok", "followers", days[6], 1032)]
    assert followers_change(values, days) == 32
    assert followers_change(values[1:], days) is None  # no baseline before the week


def test_followers_change_in_platform_and_account():
    days = W47.days()
    daily = [DailyValue("facebook", "follows", d, 4, account="Kota Contoh") for d in days]
    daily += [DailyValue("facebook", "follows", d - timedelta(days=7), 2, account="Kota Contoh")
              for d in days]
    platforms, accounts, _ = run([fb("1", at(17), 100, 1, 1, 1)], daily)
    assert platforms["facebook"]["followers_change"] == 28
    assert platforms["facebook"]["previous"]["followers_change"] == 14
    assert platforms["facebook"]["change"]["followers_change"] == 1.0
    assert accounts[AccountKey("facebook", "Kota Contoh")]["followers_change"] == 28


# -- accounts --------------------------------------------------------------------------------

def test_accounts_are_split_by_platform_and_account():
    posts = [fb("1", at(17), 1000, 10, 0, 0, account="Pemkot"),
             fb("2", at(17), 1000, 30, 0, 0, account="Dinas"),
             fb("3", at(10), 500, 10, 0, 0, account="Dinas"),
             Post("instagram", "9", at(18), reach=100, likes=5, comments=1, shares=0, saves=1)]
    platforms, accounts, _ = run(posts)
    assert [k.json_key() for k in accounts] == ["facebook:Dinas", "facebook:Pemkot",
                                               "instagram:(akun)"]
    assert accounts[AccountKey("facebook", "Dinas")]["engagement_rate"] == 0.03
    assert accounts[AccountKey("facebook", "Dinas")]["previous"]["posts"] == 1
    assert accounts[AccountKey("facebook", "Pemkot")]["previous"] is None
    assert "top_posts" not in accounts[AccountKey("facebook", "Dinas")]
    assert list(platforms) == ["facebook", "instagram"]
    assert platforms["instagram"]["engagement_rate"] == 0.07


# -- properties ------------------------------------------------------------------------------

_metric = st.one_of(st.none(), st.integers(min_value=0, max_value=10**6))


@st.composite
def _posts(draw):
    count = draw(st.integers(min_value=0, max_value=25))
    posts = []
    for i in range(count):
        platform = draw(st.sampled_from(["facebook", "instagram", "x", "youtube"]))
        when = at(9) + timedelta(minutes=draw(st.integers(0, 14 * 24 * 60 - 1)))
        posts.append(Post(platform, f"p{i}", when, account=draw(st.sampled_from(["a", "b"])),
                          reach=draw(_metric), views=draw(_metric), impressions=draw(_metric),
                          likes=draw(_metric), comments=draw(_metric), shares=draw(_metric),
                          saves=draw(_metric), engagements=draw(_metric), source="f.csv",
                          time_known=draw(st.booleans())))
    return posts


@settings(max_examples=60, deadline=None)
@given(_posts())
def test_a_second_copy_of_the_exports_changes_nothing(posts):
    once = run(dedupe_posts([ImportResult("f.csv", "f", posts=posts)]))
    copies = [Post(**{**vars(p), "source": "g.csv"}) for p in posts]
    twice = run(dedupe_posts([ImportResult("f.csv", "f", posts=posts),
                              ImportResult("g.csv", "f", posts=copies)]))
    assert once[0].keys() == twice[0].keys()
    for name in once[0]:
        for key in ("posts", "reach", "engagements", "engagement_rate"):
            assert once[0][name][key] == twice[0][name][key]
    assert once[2] == twice[2]


@settings(max_examples=60, deadline=None)
@given(_posts())
def test_counts_add_up(posts):
    platforms, accounts, posting = run(posts)
    current = [p for p in posts if W47.start <= p.published_at.date() <= W47.end]
    assert posting["posts"] == len(current)
    assert sum(map(sum, posting["grid"])) + posting["posts_without_time"] == len(current)
    for name, data in platforms.items():
        assert sum(d["posts"] for d in data["daily"]) == data["posts"]
        assert sum(m["posts"] for m in data["content_mix"]) == data["posts"]
        assert data["posts"] == sum(a["posts"] for a in accounts.values()
                                    if a["platform"] == name)
        rate = data["engagement_rate"]
        assert rate is None or rate >= 0
        rated = [p["engagement_rate"] for p in data["top_posts"] + data["bottom_posts"]]
        assert len(set(p["id"] for p in data["top_posts"] + data["bottom_posts"])) == len(rated)
        assert [r for r in rated[:len(data["top_posts"])]] == sorted(
            rated[:len(data["top_posts"])], reverse=True)

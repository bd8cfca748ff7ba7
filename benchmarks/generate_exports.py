"""Generate deterministic synthetic platform exports for benchmarking ``medsos weekly report``.

Two sizes:

- full (default, ``benchmarks/exports/``): provincial scale. 100 accounts of 36 institutions
  in six cities and regencies (30 Facebook Pages, 30 Instagram accounts, 8 X accounts with the
  legacy ``tweet_activity_metrics`` export and 8 with the current account-analytics content
  export, 6 YouTube channels exported from the English interface and 4 from the Indonesian
  one, 14 TikTok accounts with the daily overview); exactly 50,000 posts over ISO weeks
  2026-W46 and 2026-W47 (about two thirds in W47); 12 Meta "Follows" daily files; one comments
  log and one complaint log per city or regency (200,000 comments and 5,000 complaints in all).
- ``--small`` (``benchmarks/exports-small/``): the usual weekly case, one institution with five
  accounts (Facebook, Instagram, X, YouTube, TikTok), 300 posts, 1,000 comments, 60 complaints.

Every file follows the real export formats in ``shared/reference/platform-exports.md``: exact
headers, encodings and quoting, one file per account per platform under a folder per account
(``facebook-<handle>/Nov-09-2026_Nov-22-2026_<page id>.csv``, ``youtube-<handle>/Table
data.csv``, ...). The traps real exports carry are there: UTF-8 BOM (Meta), UTF-16 LE daily
files with a ``sep=,`` line, multi-line quoted captions with emoji and ``""``, Facebook column
drift (33/34 columns, capitalisation, an older export with ``Impressions``), the caption in
``Title`` or ``Description``, blank ``Views`` cells, X legacy floats (``3423.0``), ``-``
promoted cells, ``&amp;`` and UTC times, YouTube ``Total`` rows and ids starting with ``-``
written with a leading space, Indonesian numbers (``1.234``, ``4,52``), TikTok dates without a
year, Instagram columns in another order, and admin logs saved by Excel (BOM, CRLF, ``;``,
``17/11/2026 08.15``). Comments of one city jump on Thursday 19 November (a crisis day).

Captions are built with the templates and flaws of ``generate_corpus.py`` (same vocabulary,
emoji, hashtags, URLs and SOP problems). ``random.Random`` seeded from ``--seed`` and the
account key: the same seed gives the same bytes on every machine, and each account's file
depends only on the seed and that account.

Usage::

    python benchmarks/generate_exports.py            # full, into benchmarks/exports/
    python benchmarks/generate_exports.py --small    # into benchmarks/exports-small/
    python benchmarks/generate_exports.py --out /tmp/exports --seed 7

``generate(out, small=False, seed=2026)`` writes the files and returns a manifest (files,
posts per platform and week, comments, complaints) that ``bench_weekly.py`` checks the report
against; the manifest is also written next to the folder as ``<folder>.manifest.json``.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import math
import random
import re
import shutil
import string
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import generate_corpus as gc

HERE = Path(__file__).resolve().parent
DEFAULT_SEED = 2026
GENERATOR_VERSION = 2  # bump when the output changes for the same seed
DEFAULT_OUT = HERE / "exports"
SMALL_OUT = HERE / "exports-small"

WEEK = "2026-W47"
MONDAY = date.fromisocalendar(2026, 47, 1)  # 2026-11-16
PREV_MONDAY = date.fromisocalendar(2026, 46, 1)  # 2026-11-09
EXPORTED = date(2026, 11, 27)  # the Friday the admins export
WIB = timezone(timedelta(hours=7))
SHARE_CURRENT_WEEK = 0.66

FULL_POSTS = 50_000
FULL_COMMENTS = 200_000
FULL_COMPLAINTS = 5_000
SMALL_POSTS = 300
SMALL_COMMENTS = 1_000
SMALL_COMPLAINTS = 60

# Accounts per export format (full size) and the relative number of posts of each.
FULL_ROSTER = (("facebook", 30), ("instagram", 30), ("x_legacy", 8), ("x_content", 8),
               ("youtube_en", 6), ("youtube_id", 4), ("tiktok", 14))
SMALL_ROSTER = (("facebook", 1), ("instagram", 1), ("x_content", 1), ("youtube_en", 1),
                ("tiktok", 1))
POST_WEIGHT = {"facebook": 1.0, "instagram": 0.95, "x_legacy": 1.45, "x_content": 1.45,
               "youtube_en": 0.05, "youtube_id": 0.05, "tiktok": 0.0}
PLATFORM = {"facebook": "facebook", "instagram": "instagram", "x_legacy": "x",
            "x_content": "x", "youtube_en": "youtube", "youtube_id": "youtube",
            "tiktok": "tiktok"}

# Institutions: (short name for the account name, handle stem).
UNITS = (("Pemerintah", "pemkot"), ("Diskominfo", "diskominfo"), ("Dinkes", "dinkes"),
         ("Disdukcapil", "dukcapil"), ("BPBD", "bpbd"), ("Dishub", "dishub"))
CRISIS_DAY = date(2026, 11, 19)  # Thursday of W47

# --------------------------------------------------------------------------------------------
# Accounts and posts
# --------------------------------------------------------------------------------------------


@dataclass
class Account:
    """One account on one platform, and how its export is written."""

    fmt: str  # facebook, instagram, x_legacy, x_content, youtube_en, youtube_id, tiktok
    name: str  # "Diskominfo Kota Magelang"
    handle: str  # "diskominfo.magelang" (X: at most 15 characters)
    daerah: gc.Daerah
    key: str  # stable key for the account's random stream
    followers: int
    number: int = 0  # index among accounts of the same format
    posts: list[dict] = field(default_factory=list)

    @property
    def platform(self) -> str:
        return PLATFORM[self.fmt]


def _handle(unit: str, daerah: gc.Daerah, fmt: str) -> str:
    place = re.sub(r"[^a-z]", "", daerah.pendek.lower())
    if fmt.startswith("x_"):
        return (unit + place)[:15]
    if fmt == "instagram":
        return f"{unit}.{place}"
    if fmt.startswith("youtube"):
        return f"{unit}{place}"
    return f"{unit}.{place}{'kota' if 'Kota' in daerah.nama else 'kab'}"


def roster(small: bool, seed: int) -> list[Account]:
    """The accounts, in a fixed order; institutions cycle so every region gets each platform."""
    institutions = [(unit, daerah) for unit in UNITS for daerah in gc.DAERAH]
    accounts: list[Account] = []
    for fmt, count in SMALL_ROSTER if small else FULL_ROSTER:
        for i in range(count):
            (label, stem), daerah = institutions[6 if small else
                                                 len(accounts) % len(institutions)]
            rng = _rng(seed, f"followers:{fmt}:{i}")
            name = f"{label} {daerah.nama}"
            accounts.append(Account(fmt, name, _handle(stem, daerah, fmt), daerah,
                                    f"{fmt}:{i}", int(rng.lognormvariate(10.3, 0.8)), i))
    return accounts


def _rng(seed: int, key: str):
    # String seeds are hashed with SHA-512 by random.seed: stable across runs and machines.
    return random.Random(f"{seed}:{key}")


def _split(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder)."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [math.floor(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: out[i] - raw[i])[:total - sum(out)]:
        out[i] += 1
    return out


HOUR_WEIGHTS = (1, 0, 0, 0, 1, 3, 8, 14, 16, 14, 12, 10, 12, 13, 11, 10, 12, 14, 13, 12, 10, 7,
                4, 2)


def _post_time(rng, current: bool) -> datetime:
    """A WIB publish time in W47 (``current``) or W46."""
    day = (MONDAY if current else PREV_MONDAY) + timedelta(days=rng.randrange(7))
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    return datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=WIB)


def caption(rng, daerah: gc.Daerah) -> str:
    """One caption in the style of ``generate_corpus.py`` for this region's account."""
    g = gc.Gen(rng)
    g.daerah = daerah
    if rng.random() < gc.SHARE_LONG:
        lines, _ = gc.rilis_panjang(g)
    else:
        lines, _ = gc._weighted(rng, gc.KINDS)(g)
    if rng.random() < gc.SHARE_FLAWED:
        chosen: list = []
        while len(chosen) < rng.choice((1, 1, 2, 3)):
            flaw = gc._weighted(rng, gc.FLAWS)
            if flaw not in chosen:
                chosen.append(flaw)
        for flaw in chosen:
            lines = flaw(g, lines)
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def short_caption(text: str, limit: int = 270) -> str:
    """A post short enough for X: whole lines while they fit, else the first words."""
    out = ""
    for line in text.split("\n"):
        candidate = f"{out}\n{line}" if out else line
        if len(candidate) > limit:
            break
        out = candidate
    if not out:
        out = text[:limit - 1].rsplit(" ", 1)[0] + "…"
    return out.strip()


def _digits(rng, n: int, first: str = "") -> str:
    return first + "".join(rng.choice(string.digits) for _ in range(n - len(first)))


def _token(rng, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _snowflake(rng, when: datetime) -> int:
    ms = int(when.timestamp() * 1000)
    return ((ms - 1288834974657) << 22) | rng.getrandbits(22)


def make_posts(account: Account, n: int, seed: int) -> None:
    """Fill ``account.posts`` with ``n`` posts (dicts of the fields every writer needs)."""
    rng = _rng(seed, "posts:" + account.key)
    base = account.followers * rng.uniform(0.05, 0.25)
    for _ in range(n):
        current = rng.random() < SHARE_CURRENT_WEEK
        when = _post_time(rng, current)
        age = 1.0 if current else rng.uniform(1.05, 1.3)  # lifetime totals grow with age
        reach = max(1, int(base * rng.lognormvariate(0, 0.9) * age))
        rate = rng.lognormvariate(math.log(0.02), 0.7)
        likes = int(reach * rate)
        account.posts.append({
            "time": when, "current": current, "text": caption(rng, account.daerah),
            "reach": reach, "views": int(reach * rng.uniform(1.1, 2.2)), "likes": likes,
            "comments": int(likes * rng.uniform(0.02, 0.3)),
            "shares": int(likes * rng.uniform(0.01, 0.25)),
            "saves": int(likes * rng.uniform(0.0, 0.2)), "r": rng.random(),
        })
    account.posts.sort(key=lambda p: p["time"])


# --------------------------------------------------------------------------------------------
# Writers: one per export format. Each returns (relative path, bytes, rows, post refs).
# --------------------------------------------------------------------------------------------


def _csv(rows: list[list], quoting: int = csv.QUOTE_MINIMAL, newline: str = "\n",
         delimiter: str = ",") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=quoting, lineterminator=newline, delimiter=delimiter)
    writer.writerows(rows)
    return buf.getvalue()


def _period() -> str:
    return f"{PREV_MONDAY:%b-%d-%Y}_{MONDAY + timedelta(days=6):%b-%d-%Y}"


def _meta_time(when: datetime) -> str:
    return f"{when:%m/%d/%Y %H:%M}"


FB_HEADER = ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)",
             "Publish time", "Caption type", "Permalink", "Is crosspost", "Is share",
             "Post type", "Languages", "Custom labels", "Funded content status", "Data comment",
             "Date", "Views", "Reach", "Reactions, Comments and Shares", "Reactions",
             "Comments", "Shares", "Total clicks",
             "Matched Audience Targeting Consumption (Photo Click)", "Other Clicks",
             "Link Clicks", "Matched Audience Targeting Consumption (Video Click)",
             "Negative feedback from users: Hide all", "Seconds viewed",
             "Average Seconds viewed", "Estimated earnings (USD)", "Ad CPM (USD)",
             "Ad impressions"]
FB_LOWER = {"Reactions, Comments and Shares": "Reactions, comments and shares",
            "Other Clicks": "Other clicks", "Link Clicks": "Link clicks",
            "Matched Audience Targeting Consumption (Photo Click)":
                "Matched audience targeting consumption (Photo click)",
            "Matched Audience Targeting Consumption (Video Click)":
                "Matched audience targeting consumption (Video click)"}
FB_TYPES = (("Photos", 45), ("Videos", 22), ("Reels", 25), ("Links", 8))


def write_facebook(account: Account, seed: int):
    rng = _rng(seed, "file:" + account.key)
    page_id = _digits(rng, 15, "10006")
    variant = account.number % 5  # 0,1: as the reference; 2: 33 columns; 3: lower case;
    header = list(FB_HEADER)  # 4: an older export with Impressions (and 34 columns)
    if variant == 2:
        header.remove("Negative feedback from users: Hide all")
    elif variant == 3:
        header = [FB_LOWER.get(h, h) for h in header]
    elif variant == 4:
        header[header.index("Views")] = "Impressions"
        header.insert(header.index("Seconds viewed"), "Negative feedback from users: Hide")
    rows, refs = [header], []
    for p in account.posts:
        post_id = _digits(rng, 16, "10")
        ptype = gc._weighted(rng, FB_TYPES)
        link = (f"https://www.facebook.com/reel/{post_id}" if ptype == "Reels" else
                f"https://www.facebook.com/{account.handle}/posts/pfbid02"
                f"{_token(rng, 38)}")
        text = p["text"]
        if p["r"] < 0.6:
            title, desc = text, ""
        elif p["r"] < 0.85:
            title, desc = "", text
        else:  # a short headline in Title, the caption in Description
            title, desc = text.split("\n", 1)[0][:80], text
        video = ptype in ("Videos", "Reels")
        duration = rng.randint(15, 900) if video else 0
        reactions, comments, shares = p["likes"], p["comments"], p["shares"]
        photo = int(p["reach"] * rng.uniform(0.005, 0.04)) if ptype == "Photos" else 0
        other = int(p["reach"] * rng.uniform(0.002, 0.02))
        linkc = int(p["reach"] * rng.uniform(0.01, 0.05)) if ptype == "Links" else 0
        vclick = int(p["reach"] * rng.uniform(0.001, 0.01)) if video else ""
        views = "" if rng.random() < 0.002 else p["views"]  # 1 in 730 FB posts: blank Views
        seconds = int(p["views"] * rng.uniform(3, min(40, duration))) if video else ""
        values = {
            "Post ID": post_id, "Page ID": page_id, "Page name": account.name, "Title": title,
            "Description": desc, "Duration (sec)": duration, "Publish time":
                _meta_time(p["time"]), "Caption type": "N/A", "Permalink": link,
            "Is crosspost": 0, "Is share": 1 if rng.random() < 0.03 else 0, "Post type": ptype,
            "Date": "Lifetime", "Views": views, "Impressions": views, "Reach": p["reach"],
            "Reactions, Comments and Shares": reactions + comments + shares,
            "Reactions": reactions, "Comments": comments, "Shares": shares,
            "Total clicks": photo + other + linkc + (vclick or 0),
            "Matched Audience Targeting Consumption (Photo Click)": photo,
            "Other Clicks": other, "Link Clicks": linkc,
            "Matched Audience Targeting Consumption (Video Click)": vclick,
            "Negative feedback from users: Hide all": rng.choice((0, 0, 0, 1, 2)),
            "Negative feedback from users: Hide": rng.choice((0, 0, 1)),
            "Seconds viewed": seconds,
            "Average Seconds viewed": (seconds // max(1, p["views"])) if video else "",
        }
        lower = {v: k for k, v in FB_LOWER.items()}
        rows.append([values.get(lower.get(h, h), "") for h in header])
        refs.append((post_id, link))
    body = "\ufeff" + _csv(rows, csv.QUOTE_ALL)
    path = f"facebook-{account.handle}/{_period()}_{page_id}.csv"
    return path, body.encode("utf-8"), len(rows) - 1, refs


IG_HEADER = ["Post ID", "Account ID", "Account username", "Account name", "Description",
             "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
             "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"]
IG_HEADER_B = IG_HEADER[:11] + ["Views", "Likes", "Shares", "Comments", "Saves", "Reach",
                                "Follows"]
IG_TYPES = (("IG image", 30), ("IG carousel", 30), ("IG reel", 37), ("IG story", 3))


def write_instagram(account: Account, seed: int):
    rng = _rng(seed, "file:" + account.key)
    account_id = _digits(rng, 17, "178414")
    header = IG_HEADER_B if account.number % 3 == 2 else IG_HEADER
    rows, refs = [header], []
    for p in account.posts:
        post_id = _digits(rng, 17, "180")
        ptype = gc._weighted(rng, IG_TYPES)
        code = _token(rng, 11, string.ascii_letters + string.digits + "_-")
        link = {"IG reel": f"https://www.instagram.com/reel/{code}/",
                "IG story": f"https://www.instagram.com/stories/{account.handle}/{post_id}/"}.get(
                    ptype, f"https://www.instagram.com/p/{code}/")
        values = {
            "Post ID": post_id, "Account ID": account_id, "Account username": account.handle,
            "Account name": account.name,
            "Description": "" if ptype == "IG story" else p["text"],
            "Duration (sec)": rng.randint(7, 90) if ptype == "IG reel" else 0,
            "Publish time": _meta_time(p["time"]), "Permalink": link, "Post type": ptype,
            "Data comment": "", "Date": "Lifetime", "Views": p["views"], "Reach": p["reach"],
            "Likes": p["likes"], "Shares": p["shares"], "Follows": int(p["likes"] * 0.01),
            "Comments": p["comments"], "Saves": p["saves"],
        }
        rows.append([values[h] for h in header])
        refs.append((post_id, link))
    body = "\ufeff" + _csv(rows, csv.QUOTE_ALL)
    path = f"instagram-{account.handle}/{_period()}_{account_id}.csv"
    return path, body.encode("utf-8"), len(rows) - 1, refs


X_LEGACY_HEADER = [
    "Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements",
    "engagement rate", "retweets", "replies", "likes", "user profile clicks", "url clicks",
    "hashtag clicks", "detail expands", "permalink clicks", "app opens", "app installs",
    "follows", "email tweet", "dial phone", "media views", "media engagements"] + [
    "promoted " + h for h in (
        "impressions", "engagements", "engagement rate", "retweets", "replies", "likes",
        "user profile clicks", "url clicks", "hashtag clicks", "detail expands",
        "permalink clicks", "app opens", "app installs", "follows", "email tweet",
        "dial phone", "media views", "media engagements")]


def _x_counts(rng, p: dict) -> dict:
    impressions = int(p["views"] * rng.uniform(0.8, 1.6))
    likes = p["likes"]
    return {"impressions": impressions, "likes": likes,
            "retweets": int(likes * rng.uniform(0.05, 0.4)),
            "replies": p["comments"], "profile": int(likes * rng.uniform(0.05, 0.3)),
            "url": int(likes * rng.uniform(0.0, 0.5)), "hashtag": int(likes * 0.05),
            "detail": int(likes * rng.uniform(0.1, 0.6)), "permalink": int(likes * 0.02),
            "follows": rng.choice((0, 0, 0, 1, 2)), "media_views": int(impressions * 0.1),
            "media_eng": int(likes * rng.uniform(0.0, 0.3)),
            "bookmarks": p["saves"], "shares": int(likes * 0.03)}


def write_x_legacy(account: Account, seed: int):
    rng = _rng(seed, "file:" + account.key)
    rows, refs = [X_LEGACY_HEADER], []
    for p in reversed(account.posts):  # newest first, as analytics.twitter.com wrote them
        tid = _snowflake(rng, p["time"])
        c = _x_counts(rng, p)
        eng = (c["retweets"] + c["replies"] + c["likes"] + c["profile"] + c["url"]
               + c["hashtag"] + c["detail"] + c["permalink"] + c["follows"] + c["media_eng"])
        link = f"https://twitter.com/{account.handle}/status/{tid}"
        text = short_caption(p["text"]).replace(" dan ", " & ", 1)
        fl = [c["impressions"], eng]
        rows.append([tid, link, html.escape(text, quote=False),
                     p["time"].astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M +0000"),
                     f"{fl[0]:.1f}", f"{fl[1]:.1f}", repr(eng / c["impressions"]) if
                     c["impressions"] else "0.0",
                     *(f"{c[k]:.1f}" for k in ("retweets", "replies", "likes", "profile", "url",
                                               "hashtag", "detail", "permalink")),
                     0, 0, c["follows"], 0, 0, c["media_views"], c["media_eng"],
                     *(["-"] * 18)])
        refs.append((str(tid), link))
    refs.reverse()  # in the order of account.posts
    start, end = PREV_MONDAY, MONDAY + timedelta(days=7)
    body = _csv(rows, csv.QUOTE_ALL)
    path = (f"x-{account.handle}/tweet_activity_metrics_{account.handle}_{start:%Y%m%d}_"
            f"{end:%Y%m%d}_en.csv")
    return path, body.encode("utf-8"), len(rows) - 1, refs


X_CONTENT_HEADER = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes",
                    "Engagements", "Bookmarks", "Shares", "New follows", "Replies", "Reposts",
                    "Profile visits", "Detail Expands", "URL Clicks", "Hashtag Clicks",
                    "Permalink Clicks"]


def write_x_content(account: Account, seed: int):
    rng = _rng(seed, "file:" + account.key)
    rows, refs = [X_CONTENT_HEADER], []
    for p in reversed(account.posts):
        tid = _snowflake(rng, p["time"])
        c = _x_counts(rng, p)
        eng = (c["likes"] + c["replies"] + c["retweets"] + c["bookmarks"] + c["shares"]
               + c["profile"] + c["detail"] + c["url"] + c["hashtag"] + c["permalink"])
        link = f"https://x.com/{account.handle}/status/{tid}"
        day = p["time"]  # the date in the exporting browser's zone (WIB)
        rows.append([tid, f"{day:%a, %b} {day.day}, {day.year}", short_caption(p["text"]),
                     link, c["impressions"], c["likes"], eng, c["bookmarks"], c["shares"],
                     c["follows"], c["replies"], c["retweets"], c["profile"], c["detail"],
                     c["url"], c["hashtag"], c["permalink"]])
        refs.append((str(tid), link))
    refs.reverse()
    end = MONDAY + timedelta(days=6)
    body = _csv(rows)
    path = f"x-{account.handle}/account_analytics_content_{PREV_MONDAY}_{end}.csv"
    return path, body.encode("utf-8"), len(rows) - 1, refs


YT_EN = ["Content", "Video title", "Video publish time", "Duration", "Views",
         "Watch time (hours)", "Subscribers", "Impressions",
         "Impressions click-through rate (%)"]
YT_EN_ENGAGEMENT = ["Likes", "Comments added", "Shares"]
YT_ID = ["Konten", "Judul video", "Waktu publikasi video", "Durasi", "Penayangan",
         "Waktu tonton (jam)", "Subscriber", "Tayangan",
         "Rasio klik-tayang dari tayangan (%)"]


def _id_number(value: float, decimals: int = 0) -> str:
    """Indonesian interface numbers: ``1.234`` and ``4,52``."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _video_title(rng, account: Account) -> str:
    acara = rng.choice(gc.ACARA)
    return (f"{acara[:1].upper()}{acara[1:]} | {account.name}"
            if rng.random() < 0.7 else f"LIVE: {rng.choice(gc.ACARA).title()} "
            f"({account.daerah.nama})")


def write_youtube(account: Account, seed: int):
    rng = _rng(seed, "file:" + account.key)
    indonesian = account.fmt == "youtube_id"
    extra = not indonesian and account.number % 2 == 0
    header = YT_ID if indonesian else YT_EN[:5] + (YT_EN_ENGAGEMENT if extra else []) + YT_EN[5:]
    videos, refs = [], []
    for p in account.posts:
        vid = _token(rng, 11, string.ascii_letters + string.digits + "_-")
        views = p["views"]
        duration = rng.randint(45, 5400)
        watch = views * min(duration, rng.uniform(30, 400)) / 3600
        impressions = int(views * rng.uniform(4, 25))
        subs = int(views * rng.uniform(0.0, 0.01))
        ctr = rng.uniform(1.5, 9.0)
        day = p["time"].date()
        published = f"{day.day} {day:%b %Y}" if indonesian else f"{day:%b} {day.day}, {day.year}"
        videos.append((views, vid, _video_title(rng, account), published, duration, watch,
                       subs, impressions, ctr, p["likes"], p["comments"], p["shares"]))
        refs.append((vid, f"https://www.youtube.com/watch?v={vid}"))
    videos.sort(key=lambda v: (-v[0], v[1]))  # Studio sorts by views
    total_views = sum(v[0] for v in videos)
    total_impr = sum(v[7] for v in videos)
    total = [total_views, sum(v[5] for v in videos), sum(v[6] for v in videos), total_impr,
             sum(v[7] * v[8] for v in videos) / total_impr if total_impr else 0]
    rows = [header]
    if indonesian:
        rows.append(["Total", "", "", "", _id_number(total[0]), _id_number(total[1], 4),
                     _id_number(total[2]), _id_number(total[3]), _id_number(total[4], 2)])
    else:
        rows.append(["Total", "", "", "", total[0],
                     *([sum(v[9] for v in videos), sum(v[10] for v in videos),
                        sum(v[11] for v in videos)] if extra else []),
                     f"{total[1]:.4f}", total[2], total[3], f"{total[4]:.2f}"])
    for (views, vid, title, published, duration, watch, subs, impressions, ctr, likes, comments,
         shares) in videos:
        shown = f" {vid}" if vid.startswith("-") else vid  # Studio pads ids starting with "-"
        if indonesian:
            rows.append([shown, title, published, duration, _id_number(views),
                         _id_number(watch, 4), _id_number(subs), _id_number(impressions),
                         _id_number(ctr, 2)])
        else:
            rows.append([shown, title, published, duration, views,
                         *([likes, comments, shares] if extra else []), f"{watch:.4f}", subs,
                         impressions, f"{ctr:.2f}"])
    name = "Data tabel.csv" if indonesian else "Table data.csv"
    return (f"youtube-{account.handle}/{name}", _csv(rows).encode("utf-8"), len(rows) - 2,
            refs)


def write_tiktok(account: Account, seed: int):
    rng = _rng(seed, "file:" + account.key)
    days = 28 if account.number % 4 == 3 else 14  # "last 28 days" reaches back into October
    end = MONDAY + timedelta(days=6)
    base = account.followers * rng.uniform(0.05, 0.3)
    rows = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    for i in range(days):
        day = end - timedelta(days=days - 1 - i)
        views = int(base * rng.lognormvariate(0, 0.7))
        likes = int(views * rng.uniform(0.03, 0.12))
        rows.append([f"{day:%B} {day.day}", views, int(views * rng.uniform(0.01, 0.05)), likes,
                     int(likes * rng.uniform(0.02, 0.15)), int(likes * rng.uniform(0.01, 0.1))])
    body = _csv(rows, csv.QUOTE_ALL)
    return f"tiktok-{account.handle}/Overview.csv", body.encode("utf-8"), days, []


def write_follows(account: Account, seed: int):
    """Meta per-metric daily file: UTF-16 LE with BOM, ``sep=,``, metric name, Date/Primary."""
    rng = _rng(seed, "follows:" + account.key)
    rows = [["Date", "Primary"]]
    for i in range(14):
        day = PREV_MONDAY + timedelta(days=i)
        rows.append([f"{day}T00:00:00", max(0, int(rng.gauss(account.followers / 2000, 4)))])
    text = 'sep=,\n"Facebook follows"\n' + _csv(rows, csv.QUOTE_ALL)
    return (f"facebook-{account.handle}/Follows.csv", b"\xff\xfe" + text.encode("utf-16-le"),
            14, [])


# The format ``medsos_cli.exports`` must recognise for each kind of file.
EXPECTED_FORMAT = {"facebook": "meta_facebook_posts", "instagram": "meta_instagram_posts",
                   "x_legacy": "x_tweet_activity", "x_content": "x_account_analytics",
                   "youtube_en": "youtube_table", "youtube_id": "youtube_table",
                   "tiktok": "tiktok_overview"}
WRITERS = {"facebook": write_facebook, "instagram": write_instagram,
           "x_legacy": write_x_legacy, "x_content": write_x_content,
           "youtube_en": write_youtube, "youtube_id": write_youtube, "tiktok": write_tiktok}

# --------------------------------------------------------------------------------------------
# Comments and complaints
# --------------------------------------------------------------------------------------------

SAPAAN = ("min", "admin", "mimin", "kak", "pak", "bu", "")
PUJIAN = ("Mantap {s}, pelayanannya cepat 👍", "Terima kasih infonya {s} 🙏",
          "Keren programnya, semoga berlanjut terus", "Alhamdulillah sudah dibantu petugas, "
          "sangat membantu", "Sukses selalu {daerah}! 🔥🔥", "Bagus banget, lanjutkan {s}",
          "Pelayanan di {tempat} sekarang ramah dan cepat, salut",
          "Semoga {daerah} makin maju 💪", "Top, infonya jelas dan lengkap",
          "Makasih {s} sdh gercep nanggepin laporan warga 🙏🏻", "Bangga sama {daerah} ❤️",
          "Petugasnya sabar dan sopan, terima kasih")
PERTANYAAN = ("{S} syaratnya apa aja ya?", "Kalau hari Sabtu buka gak {s}?",
              "Daftarnya dimana {s}?", "Jam berapa mulainya {s}?", "Apakah gratis?",
              "Link pendaftarannya mana {s}? kok gk ada di bio",
              "Untuk warga luar {daerah} bisa ikut gak?", "Kapan jadwal di {wilayah}?",
              "Bisa diwakilkan tidak {s}?", "Kuotanya masih ada belum ya?",
              "Mau tanya {s}, {layanan} bisa online?")
ADUAN = ("Lampu PJU di {jalan} mati sudah seminggu, mohon dicek {s}",
         "Jalan di {wilayah} berlubang parah, sudah ada yg jatuh. Mohon segera diperbaiki",
         "Sampah numpuk di {wilayah} gk diangkut2 udh 5 hari",
         "Saluran air di {jalan} tersumbat, tiap hujan banjir",
         "{S}, bansos ibu saya belum cair padahal terdaftar",
         "KTP el saya belum jadi sudah 3 bulan, gimana ini?",
         "Parkir liar di trotoar {jalan} bikin macet tiap sore",
         "Pohon di {jalan} miring rawan tumbang, tolong ditindak",
         "Antrean di puskesmas {wilayah} panjang banget, dokternya cuma satu")
KRITIK = ("Pelayanannya lambat, antri dari pagi belum dipanggil 😡",
          "Programnya tidak bagus, cuma seremonial doang",
          "Kurang sosialisasi {s}, warga banyak yg gak tahu",
          "Pencitraan aja, jalan rusak gak pernah dibenerin",
          "Infonya telat banget, acaranya udah lewat",
          "Petugasnya tidak ramah, jutek banget",
          "Percuma lapor, tidak pernah ditanggapi 😤",
          "Kecewa, sudah dua kali datang tetap ditolak",
          "Anggaran segitu tapi hasilnya nggak kelihatan",
          "Kok aduan saya dihapus {s}? tidak transparan")
LAINNYA = ("Hadir 🙋", "Nyimak", "@{user} ini lho yg kamu tanyain kemarin",
           "Sehat selalu semuanya", "Wkwkwk", "Aamiin", "Selamat pagi {daerah}",
           "Cek DM {s}", "Info loker lain dong", "Jual beli followers murah, DM ya",
           "Semangat!", "Kapan-kapan mampir ke {wilayah} pak")
CRISIS = ("Banjir lagi di {wilayah}, air sudah masuk rumah!! Mana petugasnya??",
          "Pompa air di {wilayah} mati lagi, pemerintah tidak becus 😡",
          "Genangan di {jalan} setinggi lutut, motor mogok semua. Parah",
          "Sudah 3 jam banjir belum ada bantuan, kecewa berat",
          "Tiap tahun banjir tapi tidak pernah ada solusi, percuma",
          "Tolong evakuasi warga lansia di {wilayah}, air naik terus!")
CLASSES = ((PUJIAN, 30), (PERTANYAAN, 25), (ADUAN, 15), (KRITIK, 15), (LAINNYA, 15))
EMOJI_TAIL = ("", "", "", " 🙏", " 👍", " 😊", " 😭", " 🤔", " 🔥", " 👏👏")


OPENERS = ("", "", "", "", "Min, ", "Admin, ", "Pak, ", "Bu, ", "Assalamualaikum, ",
           "Mohon maaf, ", "Selamat siang, ", "Izin bertanya, ", "Halo kak, ", "Maaf min, ",
           "Punten, ", "Nuwun sewu, ")
EXTRA = {
    "pujian": ("Semoga sehat selalu buat petugasnya.", "Lanjutkan!", "Sangat bermanfaat.",
               "Jadi bangga jadi warga {daerah}.", "Moga makin banyak program kayak gini."),
    "pertanyaan": ("Soalnya saya kerja sampai sore.", "Makasih sebelumnya.",
                   "Mohon infonya ya.", "Anak saya umur {n} tahun.", "Saya di RT {rt}."),
    "aduan": ("Sudah {n} hari begini.", "Tolong segera ditindaklanjuti.",
              "Lokasi dekat {tempat}.", "Saya sudah lapor RT {rt} tapi belum ada respons.",
              "Mohon perhatiannya."),
    "kritik": ("Tolong dievaluasi.", "Jangan cuma posting foto.", "Sudah {n} kali begini.",
               "Malu sama daerah lain.", "Warga butuh bukti bukan janji."),
    "lainnya": ("", "😂", "🙏", "Mantul.", "Salam dari {wilayah}."),
}
SLANG = ((" tidak ", (" gak ", " ga ", " nggak ", " tdk ", " ndak ")),
         (" sudah ", (" udah ", " udh ", " sdh ")), (" yang ", (" yg ",)),
         (" banget", (" bgt", " bngt")), ("Terima kasih", ("Makasih", "Trims", "Matur nuwun")),
         (" belum ", (" blm ", " durung ")), (" kapan ", (" kpn ",)),
         (" bagaimana ", (" gimana ", " gmn ")), (" saya ", (" aku ", " sy ")))
CLASS_NAMES = {id(PUJIAN): "pujian", id(PERTANYAAN): "pertanyaan", id(ADUAN): "aduan",
               id(KRITIK): "kritik", id(LAINNYA): "lainnya", id(CRISIS): "kritik"}


def comment_text(rng, daerah: gc.Daerah, pool) -> str:
    """A citizen's comment: a template of its class, filled, with openers, a second sentence,
    slang and emoji varied so that, as in real logs, most comment texts are unique."""
    s = rng.choice(SAPAAN)
    fill = {"s": s, "S": (s[:1].upper() + s[1:]) or "Halo", "daerah": daerah.pendek,
            "tempat": rng.choice(gc.TEMPAT), "wilayah": rng.choice(daerah.wilayah),
            "jalan": rng.choice(gc.JALAN), "layanan": rng.choice(gc.LAYANAN),
            "user": rng.choice(gc.PENGGUNA), "n": rng.randint(2, 14), "rt": rng.randint(1, 15)}
    text = rng.choice(pool).format(**fill)
    opener = rng.choice(OPENERS)
    if opener and not text.startswith("@"):
        text = opener + text[:1].lower() + text[1:]
    if rng.random() < 0.45:
        extra = rng.choice(EXTRA[CLASS_NAMES[id(pool)]]).format(**fill)
        if extra:
            text = f"{text.rstrip('.')}. {extra}" if text[-1:].isalnum() else f"{text} {extra}"
    padded = f" {text} "
    for standard, variants in SLANG:
        if standard in padded and rng.random() < 0.5:
            padded = padded.replace(standard, rng.choice(variants))
    text = re.sub(r"\s+([,?!.])", r"\1", padded).replace("  ", " ").strip()
    r = rng.random()
    if r < 0.04:  # a quoted phrase and a second line: the CSV needs "" and a quoted field
        text = f'Katanya "{rng.choice(("segera", "sudah beres", "gratis"))}", tapi\n' + text
    elif r < 0.3:
        text += rng.choice(EMOJI_TAIL)
    elif r < 0.38:
        text = text.rstrip(".!?") + rng.choice(("!!", "??", "...", "!!!", " 🙏🙏"))
    elif r < 0.45:
        text = text.lower()
    return text


def _fmt_time(when: datetime, style: str) -> str:
    if style == "excel":
        return f"{when:%d/%m/%Y %H.%M}"
    if style == "iso":
        return when.isoformat()
    return f"{when:%Y-%m-%d %H:%M}"


def _log_style(index: int, small: bool) -> str:
    """How a region's admins keep their logs: plain, saved by Excel (id-ID), or mixed ISO."""
    if small:
        return "plain"
    return {2: "excel", 4: "iso"}.get(index, "plain")


def _encode_log(rows: list[list], style: str) -> bytes:
    if style == "excel":  # Excel "CSV UTF-8" with an Indonesian list separator
        return ("\ufeff" + _csv(rows, newline="\r\n", delimiter=";")).encode("utf-8")
    return _csv(rows).encode("utf-8")


WEEK_END = datetime(2026, 11, 22, 23, 59, tzinfo=WIB)
PREV_START = datetime(2026, 11, 9, 0, 0, tzinfo=WIB)


def _count_weeks(counter: dict[str, int], moments: list[datetime]) -> None:
    for moment in moments:
        year, week, _ = moment.astimezone(WIB).isocalendar()
        key = f"{year}-W{week:02d}"
        counter[key] = counter.get(key, 0) + 1


def write_comments(region: str, index: int, targets: list, n: int, seed: int,
                   small: bool, crisis: int, weeks: dict[str, int]):
    """One region's comments log: ``n`` comments on its posts (``crisis`` on the crisis day).

    ``targets`` is ``[(platform, post id, permalink, published, weight)]``.
    """
    rng = _rng(seed, f"comments:{region}")
    daerah = next(d for d in gc.DAERAH if d.nama == region)
    style = _log_style(index, small)
    cum, total = [], 0.0
    for t in targets:
        total += t[4]
        cum.append(total)
    alias = {"facebook": ("facebook", "fb", "Facebook"), "instagram": ("instagram", "ig",
             "Instagram"), "x": ("x", "twitter", "X"), "youtube": ("youtube", "yt"),
             "tiktok": ("tiktok", "tt", "TikTok")}
    out = []
    for i in range(n):
        plat, pid, link, published, _ = rng.choices(targets, cum_weights=cum)[0]
        if i < crisis:
            t0 = datetime.combine(CRISIS_DAY, datetime.min.time(), WIB)
            when = t0 + timedelta(minutes=rng.randint(13 * 60, 23 * 60 + 59))
            text = comment_text(rng, daerah, CRISIS)
        else:
            when = published + timedelta(minutes=1 + rng.expovariate(1 / 420))
            if when > WEEK_END:
                when = published + timedelta(minutes=rng.uniform(1, max(2.0, (
                    WEEK_END - published).total_seconds() / 60)))
            text = comment_text(rng, daerah, gc._weighted(rng, CLASSES))
        replied = ""
        if rng.random() < 0.55:
            answer = when + timedelta(minutes=rng.lognormvariate(math.log(90), 1.2))
            if answer <= WEEK_END + timedelta(days=4):
                replied = _fmt_time(answer, "plain" if style == "iso" else style)
        who = "" if rng.random() < 0.05 else "@" + rng.choice(gc.PENGGUNA) + (
            str(rng.randint(1, 99)) if rng.random() < 0.5 else "")
        ref = link if rng.random() < 0.3 else pid
        stamp = _fmt_time(when, "iso" if style == "iso" and rng.random() < 0.3 else
                          ("plain" if style == "iso" else style))
        out.append((when, [rng.choice(alias[plat]) if not small else plat, ref, who, stamp,
                           text, replied]))
    out.sort(key=lambda r: r[0])  # admins append in time order
    _count_weeks(weeks, [when for when, _ in out])
    rows = [["platform", "unggahan", "penulis", "waktu", "komentar", "dibalas_pada"]]
    rows += [r for _, r in out]
    slug = re.sub(r"[^a-z]+", "-", region.lower()).strip("-")
    return f"log/komentar-{slug}-{WEEK}.csv", _encode_log(rows, style), n


CHANNELS = (("komentar", 30), ("DM", 25), ("WhatsApp", 15), ("LAPOR!", 15), ("LaporGub!", 8),
            ("telepon", 7))
CATEGORIES = (("infrastruktur", "DPUPR", gc.ADUAN[:4] + gc.ADUAN[9:10]),
              ("layanan", "Disdukcapil", ("antrean panjang di puskesmas",
                                          "KTP elektronik belum jadi")),
              ("sosial", "Dinsos", ("bantuan sosial belum cair",)),
              ("ketertiban", "Satpol PP", ("parkir liar di trotoar",
                                           "suara bising kegiatan malam hari")),
              ("lingkungan", "DLH", ("pohon rawan tumbang", "sampah menumpuk")),
              ("pendidikan", "Disdikbud", ("pungutan di sekolah",)))


def write_complaints(region: str, index: int, n: int, seed: int, small: bool,
                     weeks: dict[str, int]):
    rng = _rng(seed, f"complaints:{region}")
    daerah = next(d for d in gc.DAERAH if d.nama == region)
    style = _log_style(index, small)
    span = (WEEK_END - PREV_START).total_seconds() / 60
    out = []
    for _ in range(n):
        current = rng.random() < SHARE_CURRENT_WEEK
        start = PREV_START + timedelta(days=7) if current else PREV_START
        received = start + timedelta(minutes=rng.uniform(0, span / 2 - 1))
        category, unit, topics = rng.choice(CATEGORIES)
        text = (f"{rng.choice(topics)[:1].upper()}{rng.choice(topics)[1:]} di "
                f"{rng.choice(gc.JALAN)}, Kel. {rng.choice(daerah.wilayah)}")
        if rng.random() < 0.1:
            text += ", sudah lapor dua kali belum ada tindak lanjut"
        first = resolved = ""
        status = "baru"
        if rng.random() < 0.82:
            answer = received + timedelta(hours=rng.lognormvariate(math.log(6), 1.1))
            if answer <= WEEK_END + timedelta(days=3):
                first = _fmt_time(answer, style if style != "iso" else "plain")
                status = rng.choice(("diteruskan", "diproses"))
                if rng.random() < 0.45:
                    done = answer + timedelta(hours=rng.lognormvariate(math.log(30), 0.9))
                    resolved = _fmt_time(done, style if style != "iso" else "plain")
                    status = "selesai"
                    if rng.random() < 0.02:
                        resolved = ""  # "selesai" without a time: read with a warning
                elif rng.random() < 0.05:
                    status = "ditolak"
        out.append((received, [_fmt_time(received, style if style != "iso" else "plain"),
                               gc._weighted(rng, CHANNELS), text, category,
                               unit if status != "baru" else "", first, resolved, status]))
    out.sort(key=lambda r: r[0])
    _count_weeks(weeks, [when for when, _ in out])
    rows = [["diterima", "kanal", "isi", "kategori", "diteruskan_ke", "respons_pertama",
             "selesai", "status"]] + [r for _, r in out]
    slug = re.sub(r"[^a-z]+", "-", region.lower()).strip("-")
    return f"log/aduan-{slug}-{WEEK}.csv", _encode_log(rows, style), n


# --------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------


def generate(out: Path, small: bool = False, seed: int = DEFAULT_SEED) -> dict:
    """Write all export files into ``out`` (emptied first); return the manifest."""
    accounts = roster(small, seed)
    posting = [a for a in accounts if POST_WEIGHT[a.fmt] > 0]
    weights = [POST_WEIGHT[a.fmt] * _rng(seed, "size:" + a.key).uniform(0.5, 1.5)
               for a in posting]
    for account, n in zip(posting, _split(SMALL_POSTS if small else FULL_POSTS, weights),
                          strict=True):
        make_posts(account, n, seed)
    files: list[tuple[str, bytes, str, int]] = []
    targets: dict[str, list] = {}
    for account in accounts:
        path, data, rows, refs = WRITERS[account.fmt](account, seed)
        files.append((path, data, account.fmt, rows))
        for p, (pid, link) in zip(account.posts, refs, strict=True):
            targets.setdefault(account.daerah.nama, []).append(
                (account.platform, pid, link, p["time"], 1 + p["comments"]))
        if account.fmt == "tiktok":  # comments on videos the overview does not list
            rng = _rng(seed, "tiktok-videos:" + account.key)
            for _ in range(40 if not small else 8):
                vid = _digits(rng, 19, "73")
                when = _post_time(rng, rng.random() < SHARE_CURRENT_WEEK)
                targets.setdefault(account.daerah.nama, []).append(
                    ("tiktok", vid, f"https://www.tiktok.com/@{account.handle}/video/{vid}",
                     when, 30))
    follows = [a for a in accounts if a.fmt == "facebook"][:1 if small else 12]
    for account in follows:
        path, data, rows, _ = write_follows(account, seed)
        files.append((path, data, "meta_daily", rows))
    regions = [d.nama for d in gc.DAERAH if d.nama in targets]
    n_comments = _split(SMALL_COMMENTS if small else FULL_COMMENTS, [1.0] * len(regions))
    n_complaints = _split(SMALL_COMPLAINTS if small else FULL_COMPLAINTS, [1.0] * len(regions))
    crisis_region = regions[-1]
    weeks: dict[str, dict[str, int]] = {"comments": {}, "complaints": {}}
    for i, region in enumerate(regions):
        crisis = (80 if small else 3_000) if region == crisis_region else 0
        path, data, rows = write_comments(region, i, targets[region], n_comments[i], seed,
                                          small, crisis, weeks["comments"])
        files.append((path, data, "medsos_comments", rows))
        path, data, rows = write_complaints(region, i, n_complaints[i], seed, small,
                                             weeks["complaints"])
        files.append((path, data, "medsos_complaints", rows))

    if out.exists():
        shutil.rmtree(out)
    for path, data, _, _ in files:
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    posts: dict[str, dict[str, int]] = {}
    for a in posting:
        entry = posts.setdefault(a.platform, {"2026-W46": 0, "2026-W47": 0})
        for p in a.posts:
            entry["2026-W47" if p["current"] else "2026-W46"] += 1
    manifest = {
        "generator": GENERATOR_VERSION, "seed": seed, "size": "small" if small else "full",
        "week": WEEK,
        "accounts": len(accounts),
        "accounts_by_format": {fmt: sum(a.fmt == fmt for a in accounts)
                               for fmt, _ in (SMALL_ROSTER if small else FULL_ROSTER)},
        "files": len(files), "bytes": sum(len(d) for _, d, _, _ in files),
        "posts": sum(len(a.posts) for a in posting), "posts_by_platform": posts,
        "comments": sum(n_comments), "crisis": {"region": crisis_region,
                                                "day": str(CRISIS_DAY)},
        "complaints": sum(n_complaints),
        "comments_by_week": weeks["comments"], "complaints_by_week": weeks["complaints"],
        "file_list": [{"path": p, "format": EXPECTED_FORMAT.get(k, k), "rows": r,
                       "bytes": len(d)} for p, d, k, r in files],
    }
    manifest_path(out).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                  encoding="utf-8")
    return manifest


def manifest_path(out: Path) -> Path:
    """Where ``generate`` writes the manifest: next to the folder, not inside it."""
    return out.parent / f"{out.name}.manifest.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true",
                        help="the usual weekly case (5 accounts, 300 posts, 1,000 comments)")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default benchmarks/exports/ or exports-small/)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (2026)")
    args = parser.parse_args(argv)
    out = args.out or (SMALL_OUT if args.small else DEFAULT_OUT)
    t0 = time.perf_counter()
    m = generate(out, args.small, args.seed)
    by_platform = ", ".join(f"{k} {v['2026-W46']:,}+{v['2026-W47']:,}"
                            for k, v in m["posts_by_platform"].items())
    print(f"{m['files']} files, {m['bytes'] / 1e6:.1f} MB in {out} "
          f"({time.perf_counter() - t0:.1f} s)")
    print(f"{m['accounts']} accounts; {m['posts']:,} posts (W46+W47: {by_platform}); "
          f"{m['comments']:,} comments; {m['complaints']:,} complaints")
    return 0


if __name__ == "__main__":
    sys.exit(main())
